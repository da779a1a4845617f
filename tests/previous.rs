//! Last period's file (`previous_file:`) and what became of its next steps
//! (`followups:`), with real files: the metrics' previous figures filled
//! from the earlier actual figures (a figure written here wins, warned at
//! its line; a unit that differs is warned), a file outside the data
//! folder, files that cannot be used (missing, a FIFO, a folder, broken, a
//! built .md, a bulletin) refused at the `previous_file:` line, the field
//! refused in a bulletin and in its unit returns, followups matched exactly,
//! closely and not at all, the steps nobody followed up, the section in
//! both languages, and `watch` rebuilding when the earlier file changes.

mod common;

use std::fs;
use std::path::Path;

use common::{Live, temp, write_file, zongjie};

/// September's report: three metrics and three next steps.
const SEPTEMBER: &str = "\
template: progress-report
lang: zh
title: 关于河口镇9月份工作进展情况的汇报
organization: 河口镇人民政府
date: 2026-10-08
period: 2026-09
metrics:
  - id: toilets
    label: 完成户厕改造
    unit: 户
    target: 1200
    actual: 860
  - id: funds
    label: 到位整治资金
    unit: 元
    actual: 6150000
  - id: rate
    label: 生活污水治理率
    unit: '%'
    actual: 31.5
next_steps:
  - title: 开展问题厕所排查整改
    owner: 镇农业服务中心
  - title: 推进山区村改厕进度
  - title: 启动沿河村污水处理站建设
";

/// October's report naming `previous` as its previous file, with the
/// `toilets` metric's extra lines and the followups given.
fn october(previous: &str, toilets_extra: &str, followups: &str) -> String {
    format!(
        "\
template: progress-report
lang: zh
title: 关于河口镇10月份工作进展情况的汇报
organization: 河口镇人民政府
date: 2026-11-06
period: 2026-10
previous_file: {previous}
metrics:
  - id: toilets
    label: 完成户厕改造
    unit: 户
    target: 1200
    actual: 1080
{toilets_extra}  - id: funds
    label: 到位整治资金
    unit: 元
    actual: 7420000
  - id: new_one
    label: 新增指标
    unit: 个
    actual: 3
progress:
  - title: 户厕改造接近完成
    metrics: [toilets, funds]
{followups}"
    )
}

const ALL_FOLLOWED: &str = "\
followups:
  - step: 开展问题厕所排查整改
    status: done
    note: 发现问题厕所37座，已全部整改到位
  - step: 推进山区村改厕进度
    status: ongoing
  - step: 启动沿河村污水处理站建设
    status: dropped
    note: 并入县里统一建设的项目
";

/// Writes September and October into `dir` and builds October's Markdown;
/// returns the run and the Markdown (empty when the build failed).
fn build(dir: &Path, october_text: &str) -> (common::Done, String) {
    write_file(dir, "2026-09.yaml", SEPTEMBER);
    write_file(dir, "r.yaml", october_text);
    let run = zongjie(["build", "r.yaml", "-f", "md"]).current_dir(dir).run();
    let md = fs::read_to_string(dir.join("r.md")).unwrap_or_default();
    (run, md)
}

/// The 1-based line of `r.yaml` that starts with `start` (after spaces).
fn line_of(text: &str, start: &str) -> usize {
    text.lines().position(|l| l.trim_start().starts_with(start)).unwrap_or_else(|| panic!("no {start:?}")) + 1
}

#[test]
fn the_previous_figures_come_from_the_earlier_actual_figures() {
    let dir = temp();
    let (run, md) = build(dir.path(), &october("2026-09.yaml", "", ALL_FOLLOWED));
    let run = run.expect(0);
    // 1080 − 860 and 7,420,000 − 6,150,000 (127万元).
    assert!(md.contains("增加220户"), "{md}");
    assert!(md.contains("增加127万元"), "{md}");
    // A metric September does not have is fine, and says nothing.
    assert!(!run.stderr().contains("new_one"), "{}", run.stderr());
}

#[test]
fn a_figure_written_here_wins_and_a_disagreement_is_warned_at_its_line() {
    let dir = temp();
    let text = october("2026-09.yaml", "    previous: 800\n", ALL_FOLLOWED);
    let (run, md) = build(dir.path(), &text);
    let line = line_of(&text, "previous: 800");
    run.expect(0).stderr_has(&[
        "metrics[0]：指标“toilets”：本文件写“previous: 800”，“2026-09.yaml”中为“actual: 860”",
        &format!("r.yaml:{line}:5"),
    ]);
    assert!(md.contains("增加280户"), "{md}");
    // A written figure that agrees is not warned.
    let text = october("2026-09.yaml", "    previous: 860\n", ALL_FOLLOWED);
    let (run, _) = build(dir.path(), &text);
    assert!(!run.expect(0).stderr().contains("previous: 860"));
}

#[test]
fn a_metric_in_another_unit_is_warned_and_not_filled() {
    let dir = temp();
    let text = october("2026-09.yaml", "", ALL_FOLLOWED)
        .replace("    unit: 元\n    actual: 7420000", "    unit: 万元\n    actual: 742");
    let (run, md) = build(dir.path(), &text);
    let line = line_of(&text, "unit: 万元");
    run.expect(0).stderr_has(&[
        "指标“funds”本期单位为“万元”，“2026-09.yaml”中为“元”；上期数不从该文件取",
        &format!("r.yaml:{line}:5"),
    ]);
    // September's 6150000 元 is not compared with October's 742 万元.
    let funds = md.split("到位整治资金").nth(1).and_then(|s| s.split('。').next()).expect("the funds' sentence");
    assert!(funds.contains("742万元") && !funds.contains("较上"), "{funds}");
}

#[test]
fn the_previous_file_may_lie_outside_the_data_folder() {
    let dir = temp();
    fs::create_dir_all(dir.path().join("2026-09")).unwrap();
    fs::create_dir_all(dir.path().join("2026-10")).unwrap();
    write_file(&dir.path().join("2026-09"), "report.yaml", SEPTEMBER);
    write_file(&dir.path().join("2026-10"), "report.yaml", &october("../2026-09/report.yaml", "", ALL_FOLLOWED));
    zongjie(["build", "2026-10/report.yaml", "-f", "md"]).current_dir(dir.path()).run().expect(0);
    let md = fs::read_to_string(dir.path().join("2026-10/report.md")).unwrap();
    assert!(md.contains("增加220户") && md.contains("上期工作打算落实情况"), "{md}");
}

/// `build` and `check` both fail at the `previous_file:` line with each of
/// `expected`, leaving no output.
#[track_caller]
fn refused(dir: &Path, text: &str, expected: &[&str]) {
    write_file(dir, "r.yaml", text);
    let line = line_of(text, "previous_file:");
    let at = format!("r.yaml:{line}:");
    let mut all: Vec<&str> = expected.to_vec();
    all.push(&at);
    zongjie(["build", "r.yaml", "-f", "md"]).current_dir(dir).run().expect(1).stderr_has(&all);
    assert!(!dir.join("r.md").exists(), "a refused document left its .md");
    zongjie(["check", "r.yaml"]).current_dir(dir).run().expect(1).stderr_has(&all);
}

#[test]
fn a_previous_file_that_cannot_be_used_is_an_error_at_its_line() {
    let dir = temp();
    let d = dir.path();
    write_file(d, "2026-09.yaml", SEPTEMBER);
    refused(d, &october("missing.yaml", "", ""), &["previous_file 所写的“missing.yaml”无法读取：文件不存在"]);
    fs::create_dir_all(d.join("folder.yaml")).unwrap();
    refused(d, &october("folder.yaml", "", ""), &["previous_file 所写的“folder.yaml”无法读取：这是一个文件夹"]);
    let made = std::process::Command::new("mkfifo").arg(d.join("fifo.yaml")).status().expect("mkfifo runs");
    assert!(made.success(), "mkfifo failed");
    let started = std::time::Instant::now();
    refused(d, &october("fifo.yaml", "", ""), &["previous_file 所写的“fifo.yaml”无法读取：这不是普通文件"]);
    assert!(started.elapsed() < std::time::Duration::from_secs(20), "a FIFO was waited on");
    write_file(d, "broken.yaml", "title: T\norganization: O\nmetrics: [\n");
    refused(d, &october("broken.yaml", "", ""), &["previous_file 所写的“broken.yaml”无法载入：broken.yaml:"]);
    write_file(d, "typo.yaml", "title: T\norganization: O\nnext_step: []\n");
    refused(d, &october("typo.yaml", "", ""), &["无法载入：typo.yaml:3:1", "是否应为“next_steps”？"]);
    write_file(d, "old.md", "---\ntitle: T\n---\n");
    refused(d, &october("old.md", "", ""), &["是生成的 .md 文件", "请填写生成它的 .yaml 数据文件"]);
    write_file(d, "notes.txt", "x");
    refused(d, &october("notes.txt", "", ""), &["不是数据文件（.yaml）"]);
    refused(d, &october("r.yaml", "", ""), &["previous_file 所写的“r.yaml”就是本文件"]);
    write_file(d, "bulletin.yaml", "template: monthly-bulletin\ntitle: T\norganization: O\nunits: []\n");
    refused(d, &october("bulletin.yaml", "", ""), &["是“monthly-bulletin”文件"]);
}

#[test]
fn followups_without_a_previous_file_are_an_error_at_their_line() {
    let dir = temp();
    let text = october("x", "", ALL_FOLLOWED).replace("previous_file: x\n", "");
    write_file(dir.path(), "r.yaml", &text);
    let line = line_of(&text, "followups:");
    zongjie(["check", "r.yaml"])
        .current_dir(dir.path())
        .run()
        .expect(1)
        .stderr_has(&["有“followups”而没有“previous_file”", &format!("r.yaml:{line}:1")]);
}

#[test]
fn a_bulletin_and_the_returns_it_rolls_up_refuse_the_previous_file() {
    let dir = temp();
    let d = dir.path();
    write_file(d, "2026-09.yaml", SEPTEMBER);
    let bulletin = "template: monthly-bulletin\nlang: zh\ntitle: 简报\norganization: 县农业农村局\nperiod: 2026-10\ndate: 2026-11-05\nunits: [units/*.yaml]\n";
    write_file(d, "b.yaml", &format!("{bulletin}previous_file: 2026-09.yaml\n"));
    zongjie(["check", "b.yaml"])
        .current_dir(d)
        .run()
        .expect(1)
        .stderr_has(&["“previous_file”不是简报的字段", "b.yaml:8:1"]);
    write_file(d, "b.yaml", bulletin);
    fs::create_dir_all(d.join("units")).unwrap();
    let unit = "organization: 河口镇\nmetrics:\n  - {id: toilets, label: 完成户厕改造, unit: 户, actual: 1080}\n";
    write_file(&d.join("units"), "a.yaml", &format!("{unit}previous_file: ../2026-09.yaml\n"));
    // A return written as a report of its own is refused too.
    write_file(
        &d.join("units"),
        "b.yaml",
        &format!("template: progress-report\ntitle: 汇报\n{unit}previous_file: ../2026-09.yaml\n"),
    );
    // The bulletin sets both returns aside, each refused at its line.
    let run = zongjie(["build", "b.yaml", "-f", "md"]).current_dir(d).run().expect(0);
    let run = run.stderr_has(&["units/a.yaml:4:1", "units/b.yaml:6:1"]);
    assert_eq!(run.stderr().matches("单位报表中不能使用").count(), 2, "{}", run.stderr());
}

#[test]
fn followups_match_exactly_or_closely_and_an_unknown_step_is_an_error() {
    let dir = temp();
    // Closely: a character more, a space; warned, naming both.
    let close = ALL_FOLLOWED.replace("step: 开展问题厕所排查整改", "step: 开展问题厕所的排查 整改");
    let text = october("2026-09.yaml", "", &close);
    let (run, md) = build(dir.path(), &text);
    let line = line_of(&text, "- step: 开展问题厕所的排查");
    run.expect(0).stderr_has(&[
        "followups[0].step：“开展问题厕所的排查 整改”按“2026-09.yaml”中的“开展问题厕所排查整改”处理",
        &format!("r.yaml:{line}:5"),
    ]);
    assert!(md.contains("## （一）开展问题厕所排查整改"), "{md}");

    // Not close enough: an error with the step it may have meant.
    let unknown = ALL_FOLLOWED.replace("step: 推进山区村改厕进度", "step: 推进山区改厕");
    let text = october("2026-09.yaml", "", &unknown);
    let (run, _) = build(dir.path(), &text);
    let line = line_of(&text, "- step: 推进山区改厕");
    run.expect(1).stderr_has(&[
        "followups[1].step：“推进山区改厕”不在“2026-09.yaml”的工作打算中",
        "是否应为“推进山区村改厕进度”？",
        &format!("r.yaml:{line}:5"),
    ]);
    // Nothing like it: the earlier steps are listed.
    let unknown = ALL_FOLLOWED.replace("step: 推进山区村改厕进度", "step: 种植行道树");
    let (run, _) = build(dir.path(), &october("2026-09.yaml", "", &unknown));
    run.expect(1).stderr_has(&["上期的工作打算为：“开展问题厕所排查整改”、“推进山区村改厕进度”"]);
    // One step twice.
    let twice = ALL_FOLLOWED.replace("step: 推进山区村改厕进度", "step: 开展问题厕所排查整改");
    let (run, _) = build(dir.path(), &october("2026-09.yaml", "", &twice));
    run.expect(1).stderr_has(&["的落实情况写了两次（另见 followups[0]）"]);
}

#[test]
fn the_steps_nobody_followed_up_are_named() {
    let dir = temp();
    let some: String = ALL_FOLLOWED.lines().take(4).map(|l| format!("{l}\n")).collect();
    let text = october("2026-09.yaml", "", &some);
    let (run, md) = build(dir.path(), &text);
    let line = line_of(&text, "followups:");
    let run = run.expect(0).stderr_has(&[
        "上期工作打算“推进山区村改厕进度”（2026-09.yaml）未说明落实情况",
        "上期工作打算“启动沿河村污水处理站建设”（2026-09.yaml）未说明落实情况",
        &format!("r.yaml:{line}:1"),
    ]);
    assert!(!run.stderr().contains("“开展问题厕所排查整改”（2026-09.yaml）未说明"), "{}", run.stderr());
    assert!(md.contains("上期确定的3项工作打算，已完成1项。"), "{md}");
    // `check` names them too, and passes: they are warnings.
    zongjie(["check", "r.yaml"])
        .current_dir(dir.path())
        .run()
        .expect(0)
        .stderr_has(&["“推进山区村改厕进度”（2026-09.yaml）未说明落实情况"]);
    // Without followups, at the `previous_file:` line.
    let text = october("2026-09.yaml", "", "");
    let (run, md) = build(dir.path(), &text);
    let line = line_of(&text, "previous_file:");
    run.expect(0).stderr_has(&["“开展问题厕所排查整改”（2026-09.yaml）未说明落实情况", &format!("r.yaml:{line}:1")]);
    assert!(!md.contains("上期工作打算落实情况"), "{md}");
}

#[test]
fn the_follow_up_section_in_chinese() {
    let dir = temp();
    let (run, md) = build(dir.path(), &october("2026-09.yaml", "", ALL_FOLLOWED));
    run.expect(0);
    let expected = "\
# 二、上期工作打算落实情况

上期确定的3项工作打算，已完成1项，正在推进1项，不再实施1项。

## （一）开展问题厕所排查整改

已完成。发现问题厕所37座，已全部整改到位。

## （二）推进山区村改厕进度

正在推进。

## （三）启动沿河村污水处理站建设

不再实施。并入县里统一建设的项目。
";
    assert!(md.contains(expected), "{md}");
    // After the progress.
    assert!(md.find("# 一、工作进展情况") < md.find("# 二、上期工作打算落实情况"), "{md}");
}

#[test]
fn the_follow_up_section_in_english() {
    let dir = temp();
    let d = dir.path();
    let english = |text: &str| {
        text.replace("lang: zh", "lang: en")
            .replace("step: 开展问题厕所排查整改", "step: Inspect the toilets")
            .replace("title: 开展问题厕所排查整改", "title: Inspect the toilets")
            .replace("step: 推进山区村改厕进度", "step: Speed up the mountain villages")
            .replace("title: 推进山区村改厕进度", "title: Speed up the mountain villages")
            .replace("step: 启动沿河村污水处理站建设", "step: Start the sewage plant")
            .replace("title: 启动沿河村污水处理站建设", "title: Start the sewage plant")
            .replace("发现问题厕所37座，已全部整改到位", "All 37 faulty toilets were repaired")
            .replace("并入县里统一建设的项目", "Merged into the county's project.")
    };
    write_file(d, "2026-09.yaml", &english(SEPTEMBER));
    write_file(d, "r.yaml", &english(&october("2026-09.yaml", "", ALL_FOLLOWED)));
    zongjie(["build", "r.yaml", "-f", "md"]).current_dir(d).run().expect(0);
    let md = fs::read_to_string(d.join("r.md")).unwrap();
    let expected = "\
# II. Follow-up on last period's plans

Of the 3 steps planned last period, 1 is done, 1 is under way and 1 was dropped.

**First, inspect the toilets.** Done. All 37 faulty toilets were repaired.

**Second, speed up the mountain villages.** Under way.

**Third, start the sewage plant.** Dropped. Merged into the county's project.
";
    assert!(md.contains(expected), "{md}");
}

#[test]
fn watch_rebuilds_when_the_previous_file_changes() {
    let dir = temp();
    let d = dir.path();
    fs::create_dir_all(d.join("sep")).unwrap();
    let september = write_file(&d.join("sep"), "r.yaml", SEPTEMBER);
    fs::create_dir_all(d.join("oct")).unwrap();
    let data = write_file(&d.join("oct"), "r.yaml", &october("../sep/r.yaml", "", ALL_FOLLOWED));
    let mut live = Live::start(["watch", data.to_str().unwrap(), "-f", "md"]);
    let writes = |err: &str| err.lines().filter(|l| l.starts_with("已写出 ")).count();
    live.wait_for(60, "the first build", |err| writes(err) >= 1);
    let md = fs::read_to_string(d.join("oct/r.md")).unwrap();
    assert!(md.contains("增加220户"), "{md}");
    fs::write(&september, SEPTEMBER.replace("actual: 860", "actual: 900")).unwrap();
    live.wait_for(60, "the rebuild after the previous file changed", |err| writes(err) >= 2);
    let md = fs::read_to_string(d.join("oct/r.md")).unwrap();
    assert!(md.contains("增加180户"), "{md}");
    // Broken, the document is not rebuilt; mended, it is.
    fs::write(&september, "title: T\norganization: O\nmetrics: [\n").unwrap();
    live.wait_for(60, "the failure after the previous file broke", |err| err.contains("未能重新生成"));
    fs::write(&september, SEPTEMBER.replace("actual: 860", "actual: 1000")).unwrap();
    live.wait_for(60, "the rebuild after the previous file was mended", |err| writes(err) >= 3);
    let md = fs::read_to_string(d.join("oct/r.md")).unwrap();
    assert!(md.contains("增加80户"), "{md}");
    assert_eq!(live.interrupt(), 130);
}

/// A document whose previous file is broken from the start is rebuilt once
/// that file is mended, though it lies outside the document's folder.
#[test]
fn watch_follows_a_previous_file_that_was_broken_from_the_start() {
    let dir = temp();
    let d = dir.path();
    fs::create_dir_all(d.join("sep")).unwrap();
    let september = write_file(&d.join("sep"), "r.yaml", "title: T\norganization: O\nmetrics: [\n");
    fs::create_dir_all(d.join("oct")).unwrap();
    let data = write_file(&d.join("oct"), "r.yaml", &october("../sep/r.yaml", "", ALL_FOLLOWED));
    let mut live = Live::start(["watch", data.to_str().unwrap(), "-f", "md"]);
    live.wait_for(60, "the first, failed build", |err| err.contains("无法载入"));
    fs::write(&september, SEPTEMBER).unwrap();
    live.wait_for(60, "the build after the previous file was mended", |err| {
        err.lines().any(|l| l.starts_with("已写出 "))
    });
    let md = fs::read_to_string(d.join("oct/r.md")).unwrap();
    assert!(md.contains("增加220户"), "{md}");
    assert_eq!(live.interrupt(), 130);
}
