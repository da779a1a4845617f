//! The three genres: `new` writes a starter that builds and passes
//! `check` in both languages; the lint finds placeholders (and nothing in
//! ordinary words), deadlines before the report's date, metrics cited but
//! not defined, and 请示 formulas in a report.

mod common;

use std::fs;

use common::{pdf_text, squeeze, temp, zongjie};

#[test]
fn new_then_build_for_every_template_and_language() {
    let dir = temp();
    for template in ["progress-report", "village-stay-report", "monthly-bulletin"] {
        for lang in ["en", "zh"] {
            // Each in a folder of its own: a bulletin's starter comes with
            // its units' returns in `units/` beside it.
            let file = dir.path().join(format!("{template}-{lang}/{template}-{lang}.yaml"));
            zongjie(["new", template, file.to_str().unwrap(), "--lang", lang]).run().expect(0);
            let text = fs::read_to_string(&file).unwrap();
            // A yearly report's previous period is last year: `last_year` alone.
            let yearly = template == "village-stay-report";
            assert!(
                (yearly || text.contains("previous:")) && text.contains("last_year:"),
                "{template} {lang}: a metric with both"
            );
            zongjie(["check", file.to_str().unwrap()]).run().expect(0).stderr_has(&[if lang == "zh" {
                "没有错误"
            } else {
                "no errors"
            }]);
            zongjie(["build", file.to_str().unwrap()]).run().expect(0);
            let pdf = pdf_text(&file.with_extension("pdf"));
            assert!(pdf.len() > 500, "{template} {lang}: a real document");
            if template == "monthly-bulletin" {
                let rolled = if lang == "en" { "returns of five units" } else { "本期共汇总5个单位" };
                assert!(squeeze(&pdf).contains(&squeeze(rolled)), "{lang}: the starter rolls up no returns: {pdf}");
            }
            // `new` never overwrites.
            let before = fs::read(&file).unwrap();
            zongjie(["new", template, file.to_str().unwrap(), "--lang", lang])
                .run()
                .expect(1)
                .stderr_has(&[if lang == "zh" { "已存在" } else { "already exists" }]);
            assert_eq!(fs::read(&file).unwrap(), before);
        }
    }
    // Nor over a unit return: all or nothing.
    let file = dir.path().join("monthly-bulletin-en/other.yaml");
    zongjie(["new", "monthly-bulletin", file.to_str().unwrap()])
        .run()
        .expect(1)
        .stderr_has(&["units/", "already exists"]);
    assert!(!file.exists());
    zongjie(["new", "no-such-template"]).current_dir(dir.path()).run().expect(2).stderr_has(&["no template"]);
}

#[test]
fn new_writes_a_default_file_name() {
    let dir = temp();
    zongjie(["new", "progress-report"]).current_dir(dir.path()).run().expect(0);
    zongjie(["new", "progress-report", "--lang", "zh"]).current_dir(dir.path()).run().expect(0);
    assert!(dir.path().join("progress-report.yaml").is_file() && dir.path().join("progress-report.zh.yaml").is_file());
}

/// Without `--lang`, the starter is in the environment's language (a
/// Chinese locale gives the Chinese starter); `--lang` wins.
#[test]
fn new_follows_the_environments_language() {
    let dir = temp();
    zongjie(["new", "monthly-bulletin", "a.yaml"]).current_dir(dir.path()).env("LANG", "zh_CN.UTF-8").run().expect(0);
    let text = fs::read_to_string(dir.path().join("a.yaml")).unwrap();
    assert!(text.contains("lang: zh") && text.contains("简报"), "{text}");
    let other = temp();
    zongjie(["new", "monthly-bulletin", "b.yaml", "--lang", "en"])
        .current_dir(other.path())
        .env("LANG", "zh_CN.UTF-8")
        .run()
        .expect(0);
    assert!(fs::read_to_string(other.path().join("b.yaml")).unwrap().contains("lang: en"));
    zongjie(["new", "progress-report", "c.yaml"]).current_dir(dir.path()).run().expect(0);
    assert!(fs::read_to_string(dir.path().join("c.yaml")).unwrap().contains("lang: en"));
}

const REPORT: &str = "\
title: Report of the Water Bureau
organization: Water Bureau
date: 2026-11-05
period: 2026-Q3
metrics:
  - {id: wells, label: Wells repaired, unit: wells, target: 10, actual: 8}
progress:
  - title: Repair the wells
    body: |
      BODY
    metrics: [wells]
next_steps:
  - title: Finish the wells
    body: The rest follow.
    due: 2026-12
";

fn check(body: &str) -> (i32, String) {
    let dir = temp();
    let file = dir.path().join("r.yaml");
    fs::write(&file, REPORT.replace("BODY", body)).unwrap();
    let done = zongjie(["check", file.to_str().unwrap()]).run();
    (done.code(), done.stderr())
}

#[test]
fn placeholders_are_found_on_their_lines() {
    for placeholder in [
        "In 20xx the county",
        "In 20XX the county",
        "the xx County office",
        "XX县",
        "the XXX town",
        "on October X",
        "10月X日",
        "X月X日",
        "××乡",
        "某某同志",
        "the town * * * involved",
        "TODO: add figures",
    ] {
        let (code, err) = check(&format!("Wells were repaired {placeholder} last month."));
        assert_eq!(code, 1, "{placeholder}: {err}");
        assert!(err.contains("r.yaml:10:"), "{placeholder}: line not named:\n{err}");
    }
}

#[test]
fn ordinary_words_are_not_placeholders() {
    for words in [
        "XXL tents",
        "an X-ray unit",
        "Louis XIV",
        "an Xbox",
        "Xulou Village",
        "the fox",
        "maximum",
        "exceed",
        "taxi",
        "Express",
        "Sixth, the",
        "Box X-1",
        "TODOS",
        "2026年11月5日",
        "a rule follows\n\n      * * *\n\n      After the rule",
    ] {
        let (code, err) = check(&format!("Wells were repaired: {words}."));
        assert_eq!(code, 0, "false alarm on {words:?}:\n{err}");
    }
}

#[test]
fn deadlines_metrics_and_request_formulas() {
    let dir = temp();
    let file = dir.path().join("r.yaml");
    let text = REPORT
        .replace("BODY", "Eight wells.\n\n      妥否，请批示。")
        .replace("metrics: [wells]", "metrics: [wels]")
        .replace("due: 2026-12", "due: 2026-10");
    fs::write(&file, text).unwrap();
    zongjie(["check", file.to_str().unwrap()]).run().expect(1).stderr_has(&[
        "r.yaml:12:",
        "请示",
        "metric `wels` is cited but not defined",
        "did you mean `wells`?",
        "is due 2026-10-31",
        "r.yaml:17:",
    ]);
    // `build` prints them as warnings and builds.
    zongjie(["build", file.to_str().unwrap(), "-f", "pdf"]).run().expect(0).stderr_has(&["warning:"]);
    assert!(squeeze(&pdf_text(&dir.path().join("r.pdf"))).contains("Eightwells"));
}
