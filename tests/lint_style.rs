//! The style lint end to end: each fault a superior sends back is found at
//! its line, ordinary report sentences are let through, and `check --fix`
//! mends the mechanical ones in place, inside string values only, the
//! same on a second run, and refuses a change it cannot vouch for.

mod common;

use std::fs;
use std::path::Path;

use common::{root, temp, zongjie};

/// Each finding printed: its message and its line.
fn findings(stderr: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let mut message: Option<String> = None;
    for line in stderr.lines() {
        // Headers in English or, for a Chinese document, in Chinese.
        let header = ["warning: ", "error: ", "警告：", "错误："].iter().find_map(|h| line.strip_prefix(h));
        if let Some(m) = header {
            message = Some(m.to_owned());
        } else if let Some(at) = line.split("┌─ ").nth(1)
            && let Some(m) = message.take()
        {
            let mut parts = at.rsplit(':');
            let _column = parts.next();
            let line: usize = parts.next().and_then(|l| l.parse().ok()).expect("a line number");
            out.push((m, line));
        }
    }
    out
}

fn check(dir: &Path, name: &str, text: &str) -> (i32, String, Vec<(String, usize)>) {
    let file = dir.join(name);
    fs::write(&file, text).unwrap();
    let done = zongjie(["check", file.to_str().unwrap()]).run();
    let err = done.stderr();
    let found = findings(&err);
    (done.code(), err, found)
}

const FAULTS: &str = "\
template: progress-report
lang: zh
title: 关于2026年10月农业农村工作情况的报告
organization: 团风县农业农村局
date: 2026-11-05
period: 2026-10
progress:
  - title: 加强组织领导。
    body: |
      全县完成投资3.5亿元,同比增长8%。
      坚持把\"三农\"工作放在首位。
      2026年10月05日，召开推进会。
      10月5号，县委召开常委会。
      2026年9月31日完成验收。
      12月20日，全面完成整治任务。
      会议于2026.10.8召开。
      项目于2026/10/9开工。

      全年计划完成造林1.5万亩
  - title: 推进人居环境整治,
    body: 完成改厕1200户。
closing: 以上汇报，不当之处，请批评指正。
";

#[test]
fn each_fault_is_found_at_its_line() {
    let dir = temp();
    let (code, err, found) = check(dir.path(), "r.yaml", FAULTS);
    // The impossible date is an error; the rest are warnings.
    assert_eq!(code, 1, "{err}");
    let expected: &[(usize, &str)] = &[
        (8, "标题末尾有“。”"),
        (10, "中文中使用了半角的“,”"),
        (11, "中文中使用了直引号：\"三农\""),
        (12, "“2026年10月05日”的月或日前多写了0"),
        (13, "“10月5号”：“号”是口语，公文写“日”"),
        (14, "“2026年9月31日”不是有效日期：9月只有30天"),
        (15, "“12月20日”未写年份，且不在本期"),
        (16, "“2026.10.8”不是公文日期的写法"),
        (17, "“2026/10/9”不是公文日期的写法"),
        (19, "段落末尾缺少句号“。”"),
        // (Not also a half-width comma: a heading takes no stop at all.)
        (20, "标题末尾有“,”"),
        (22, "报告以“特此报告。”结尾"),
    ];
    for (line, message) in expected {
        assert!(
            found.iter().any(|(m, l)| l == line && m.starts_with(message)),
            "no {message:?} at line {line}:\n{err}"
        );
    }
    // Nothing else of the style lint, and each at one line only.
    let style: Vec<_> = found.iter().filter(|(m, _)| !m.contains("不在报告期")).collect();
    assert_eq!(style.len(), expected.len(), "{err}");
    // The fixes are in the hints.
    for hint in ["写作“，”", "写作“三农”", "写作“2026年10月5日”", "写作“10月5日”", "写作“2026年10月8日”"]
    {
        assert!(err.contains(hint), "no hint {hint:?}:\n{err}");
    }
}

#[test]
fn an_english_document_has_its_own_checks() {
    let dir = temp();
    let text = "\
title: Report on the Wells
organization: Water Bureau
date: 2026-11-05
period: 2026-10
progress:
  - title: Repair the wells.
    body: |
      On 12 October the teams began; \"quotes\" are fine in English.
      On 20 December the last well was repaired.
      The pumps will be replaced by 15 December.
next_steps:
  - title: Finish the pumps
    body: The pumps will be tested on 10 January.
";
    let (code, err, found) = check(dir.path(), "r.yaml", text);
    assert_eq!(code, 0, "{err}");
    let expected = [(6, "a heading ends with `.`"), (9, "`20 December` has no year and cannot lie in the period")];
    assert_eq!(found.len(), expected.len(), "{err}");
    for ((m, l), (line, message)) in found.iter().zip(expected) {
        assert!(*l == line && m.starts_with(message), "{message:?} at line {line}:\n{err}");
    }
}

/// A 汇报 closes with 请批评指正, not with 特此报告: written so in the text, or
/// added by the template for `doc_kind` left at its default (report); a
/// 汇报 with `doc_kind: briefing` or, sent in writing, `doc_kind: report`
/// passes, and so does a 报告.
#[test]
fn each_kind_of_document_keeps_its_own_closing() {
    let dir = temp();
    let doc = |title: &str, extra: &str| {
        format!(
            "template: progress-report\nlang: zh\ntitle: {title}\norganization: 团风县农业农村局\n\
             date: 2026-11-05\nperiod: 2026-10\n{extra}progress:\n  - title: 加强组织领导\n    body: 完成改厕1200户。\n"
        )
    };
    let briefing = "汇报以“以上汇报，不当之处，请批评指正。”结尾";
    let report = "报告以“特此报告。”结尾";
    // The title, more fields, and the finding expected: its message and line.
    type Case<'a> = (&'a str, &'a str, Option<(&'a str, usize)>);
    let cases: &[Case] = &[
        // The template would close this 汇报 with 特此报告: told at the title.
        ("关于10月工作情况的汇报", "", Some((briefing, 3))),
        // Written in the text of a 汇报.
        ("关于10月工作情况的汇报", "closing: 特此报告。\n", Some((briefing, 7))),
        ("关于10月工作情况的汇报", "doc_kind: briefing\nclosing: 特此报告。\n", Some((briefing, 8))),
        ("工作情况", "doc_kind: briefing\nclosing: 特此报告。\n", Some((briefing, 8))),
        // The mirror, as before.
        ("关于10月工作情况的报告", "doc_kind: briefing\n", Some((report, 7))),
        // Each with its own closing; a 汇报 sent in writing, told so by
        // doc_kind, keeps 特此报告.
        ("关于10月工作情况的汇报", "doc_kind: briefing\n", None),
        ("关于10月工作情况的汇报", "doc_kind: report\n", None),
        ("关于10月工作情况的汇报", "doc_kind: report\nclosing: 特此报告。\n", None),
        ("关于10月工作情况的报告", "", None),
        ("关于10月工作情况的报告", "closing: 特此报告。\n", None),
    ];
    for (title, extra, expected) in cases {
        let (code, err, found) = check(dir.path(), "r.yaml", &doc(title, extra));
        assert_eq!(code, 0, "{title} {extra}: {err}");
        let closings: Vec<_> = found.iter().filter(|(m, _)| m.starts_with(briefing) || m.starts_with(report)).collect();
        match expected {
            Some((message, line)) => assert!(
                closings.len() == 1 && closings[0].0.starts_with(message) && closings[0].1 == *line,
                "{title} {extra}: want {message:?} at line {line}:\n{err}"
            ),
            None => assert!(closings.is_empty(), "{title} {extra}:\n{err}"),
        }
    }
}

/// A report of `lang: zh` whose one progress item says `body`.
fn report(body: &str) -> String {
    format!(
        "template: progress-report\nlang: zh\ntitle: 关于2026年10月农业农村工作情况的报告\norganization: 团风县农业农村局\n\
         date: 2026-11-05\nperiod: 2026-10\nprogress:\n  - title: 推进重点工作\n    body: |\n{body}\n\
         next_steps:\n  - title: 抓好冬春农田水利建设\n    body: 12月20日前完成冬修水利任务，明年3月底前全面完工。\n"
    )
}

#[test]
fn ordinary_report_sentences_are_let_through() {
    let corpus = fs::read_to_string(root().join("tests/lint_style/ordinary.zh.txt")).unwrap();
    let sentences: Vec<&str> = corpus.lines().filter(|l| !l.trim().is_empty()).collect();
    assert!(sentences.len() >= 60, "{} sentences", sentences.len());
    let dir = temp();
    // All of them as paragraphs of one body.
    let body: String = sentences.iter().map(|s| format!("      {s}\n\n")).collect();
    let (code, err, found) = check(dir.path(), "r.yaml", &report(body.trim_end()));
    assert_eq!((code, found), (0, Vec::new()), "{err}");
    assert!(!err.contains("warning"), "{err}");
    // Each as a body of its own, plain and double-quoted.
    let mut items = String::new();
    for (i, s) in sentences.iter().enumerate() {
        if s.starts_with(|c: char| c.is_ascii_digit()) && s.contains(". ") {
            continue; // a list item is no plain scalar's start
        }
        let value = if i % 2 == 0 { (*s).to_owned() } else { format!("\"{s}\"") };
        items.push_str(&format!("  - title: 第{i}项工作\n    body: {value}\n"));
    }
    let text = report("      开展工作。").replace("progress:\n", &format!("progress:\n{items}"));
    let (code, err, found) = check(dir.path(), "r.yaml", &text);
    assert_eq!((code, found), (0, Vec::new()), "{err}");
    // And the `.md` file built from it.
    zongjie(["build", dir.path().join("r.yaml").to_str().unwrap(), "-f", "md"]).run().expect(0);
    let md = fs::read_to_string(dir.path().join("r.md")).unwrap();
    let (code, err, found) = check(dir.path(), "r.md", &md);
    assert_eq!((code, found), (0, Vec::new()), "{err}");
}

#[test]
fn the_chinese_examples_are_let_through() {
    for name in ["tuanfeng-progress.zh.yaml", "town-summary.zh.yaml", "xulou-village-stay.zh.yaml"] {
        let done = zongjie(["check", root().join("examples").join(name).to_str().unwrap()]).run();
        assert_eq!(findings(&done.stderr()), [], "{name}: {}", done.stderr());
    }
}

const TO_FIX: &str = "\
# 十月份工作情况,注释里的\"引号\"不改
template: progress-report
lang: zh
title: 关于\"三农\"工作情况的报告  # 标题,注释
organization: 团风县农业农村局
date: 2026-11-05
period: 2026-10
intro: \"今年以来,全县\\\"三农\\\"工作稳中有进。\"
progress:
  - title: 推进农田建设
    body: |
      10月05日,全县召开推进会(现场会)。
      完成高标准农田3.5万亩,详见`data,v2`和[附件](https://a.cn/x,y)。
    metrics: [farmland]
  - title: '改善''人居''环境'
    body: >-
      10月8号,完成改厕1200户;
      群众满意度达到96.5%!
problems:
  - title: 资金到位慢
    body: 部分项目资金到位较慢,影响进度。 # 注释,不改
metrics:
  - {id: farmland, label: 高标准农田建设, unit: 万亩, target: 4, actual: 3.5}
";

const FIXED: &str = "\
# 十月份工作情况,注释里的\"引号\"不改
template: progress-report
lang: zh
title: 关于“三农”工作情况的报告  # 标题,注释
organization: 团风县农业农村局
date: 2026-11-05
period: 2026-10
intro: \"今年以来，全县“三农”工作稳中有进。\"
progress:
  - title: 推进农田建设
    body: |
      10月5日，全县召开推进会（现场会）。
      完成高标准农田3.5万亩，详见`data,v2`和[附件](https://a.cn/x,y)。
    metrics: [farmland]
  - title: '改善“人居”环境'
    body: >-
      10月8日，完成改厕1200户；
      群众满意度达到96.5%！
problems:
  - title: 资金到位慢
    body: 部分项目资金到位较慢，影响进度。 # 注释,不改
metrics:
  - {id: farmland, label: 高标准农田建设, unit: 万亩, target: 4, actual: 3.5}
";

#[test]
fn fix_mends_string_values_in_place_and_nothing_else() {
    let dir = temp();
    let file = dir.path().join("r.yaml");
    fs::write(&file, TO_FIX).unwrap();
    let done = zongjie(["check", "--fix", file.to_str().unwrap()]).run().expect(0).stderr_has(&["中的 8 行"]);
    assert_eq!(fs::read_to_string(&file).unwrap(), FIXED);
    let diff = done.stdout();
    assert!(diff.starts_with(&format!("--- {0}\n+++ {0}\n", file.display())), "{diff}");
    assert!(
        diff.contains("@@ -4 +4 @@\n-title: 关于\"三农\"工作情况的报告  # 标题,注释\n+title: 关于“三农”工作情况的报告  # 标题,注释\n"),
        "{diff}"
    );
    assert_eq!(diff.matches("@@ -").count(), 8, "{diff}");
    // Nothing is left to find, and a second run changes nothing.
    assert!(!done.stderr().contains("warning"), "{}", done.stderr());
    let again = zongjie(["check", "--fix", file.to_str().unwrap()]).run().expect(0);
    assert_eq!(again.stdout(), "");
    assert!(!again.stderr().contains("fixed"), "{}", again.stderr());
    assert_eq!(fs::read_to_string(&file).unwrap(), FIXED);
    // Without --fix nothing is written.
    fs::write(&file, TO_FIX).unwrap();
    zongjie(["check", file.to_str().unwrap()]).run().expect(0);
    assert_eq!(fs::read_to_string(&file).unwrap(), TO_FIX);
}

#[test]
fn fix_leaves_keys_comments_anchors_tags_and_indicators_alone() {
    let dir = temp();
    let file = dir.path().join("k.yaml");
    let text = "\
lang: zh # 语言,中文
工作,情况(一): 值,一
\"引号,键\": \"内容,二\"
列表: [甲,乙, \"丙,丁\", '戊,己']
块: |+
  第一行,文字。
  # 不是注释,是标题

折叠: >2
  折叠,文字
锚: &a 锚定,值
标签: !!str 标签,值
引用: *a
多行: 第一行,
  第二行,文字
";
    let fixed = "\
lang: zh # 语言,中文
工作,情况(一): 值，一
\"引号,键\": \"内容，二\"
列表: [甲,乙, \"丙，丁\", '戊，己']
块: |+
  第一行，文字。
  # 不是注释，是标题

折叠: >2
  折叠，文字
锚: &a 锚定，值
标签: !!str 标签，值
引用: *a
多行: 第一行，
  第二行，文字
";
    fs::write(&file, text).unwrap();
    // (Not a document: the check after the fix fails, the fix is done.)
    zongjie(["check", "--fix", file.to_str().unwrap()]).run().expect(1).stderr_has(&["中的 10 行"]);
    assert_eq!(fs::read_to_string(&file).unwrap(), fixed);
    zongjie(["check", "--fix", file.to_str().unwrap()]).run().expect(1);
    assert_eq!(fs::read_to_string(&file).unwrap(), fixed);
}

#[test]
fn fix_refuses_a_change_of_keys_and_leaves_the_file() {
    let dir = temp();
    let file = dir.path().join("r.yaml");
    // `中文(甲)` is a key of the flow mapping (its value null), though it
    // looks like a value: mending it would rename the key.
    let text = "lang: zh\ntitle: 报告\n映射: {中文(甲), 键: 值,一}\n";
    fs::write(&file, text).unwrap();
    zongjie(["check", "--fix", file.to_str().unwrap()]).run().expect(1).stderr_has(&[
        "未修改",
        "改后“/映射”处的字段名将与原文不同",
        "文件保持原样",
    ]);
    assert_eq!(fs::read_to_string(&file).unwrap(), text);
}

#[test]
fn fix_mends_the_prose_of_a_markdown_file() {
    let dir = temp();
    let file = dir.path().join("r.md");
    let md = "\
---
template: progress-report
lang: zh
title: 关于\"三农\"工作的报告 # 注释,不改
organization: 团风县农业农村局
date: 2026-11-05
---

## 一、工作进展.

全县完成投资3.5亿元,同比增长8%。见`a,b`和[链接,文字](https://a.cn/a,b)。坚持'三清一改'，践行“学习'两山'理念”。

```
代码,不改
```

    缩进代码,不改

特此报告。
";
    let fixed = md
        .replace("关于\"三农\"工作", "关于“三农”工作")
        .replace("3.5亿元,同比", "3.5亿元，同比")
        .replace("[链接,文字]", "[链接，文字]")
        // A heading's stop is removed, not made full-width; single quotes
        // are doubled outside a quote, ‘’ inside one.
        .replace("一、工作进展.", "一、工作进展")
        .replace("'三清一改'", "“三清一改”")
        .replace("'两山'", "‘两山’");
    fs::write(&file, md).unwrap();
    zongjie(["check", "--fix", file.to_str().unwrap()]).run().expect(0).stderr_has(&["中的 3 行"]);
    assert_eq!(fs::read_to_string(&file).unwrap(), fixed);
    zongjie(["check", "--fix", file.to_str().unwrap()]).run().expect(0);
    assert_eq!(fs::read_to_string(&file).unwrap(), fixed);
}

#[test]
fn an_english_file_is_not_touched() {
    let dir = temp();
    let file = dir.path().join("r.yaml");
    let text = "title: A \"quoted\" title, with commas\norganization: 团风县,农业局\ndate: 2026-11-05\n";
    fs::write(&file, text).unwrap();
    let done = zongjie(["check", "--fix", file.to_str().unwrap()]).run().expect(0);
    assert_eq!(done.stdout(), "");
    assert_eq!(fs::read_to_string(&file).unwrap(), text);
}
