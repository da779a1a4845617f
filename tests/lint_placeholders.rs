//! The lint end to end: placeholders in YAML comments never reach the
//! document and are not reported, even when the same placeholder is in the
//! text too; a `.md` file's body has headings where its front matter has
//! comments; template syntax in data is a warning, not an undefined metric.

mod common;

use std::fs;

use common::{temp, zongjie};

const REPORT: &str = "\
# Model text: XX County, 20xx. TODO: replace the figures.
title: Report of the Water Bureau  # was: Report of XX County
organization: Water Bureau
date: 2026-11-05
period: 2026-Q3
metrics:
  - {id: wells, label: Wells repaired, unit: wells, target: 10, actual: 8}
progress:
  - title: Repair the wells
    body: |
      BODY
    metrics: [wells]  # TODO: add 20xx figures
";

fn check(name: &str, text: &str) -> (i32, String) {
    let dir = temp();
    let file = dir.path().join(name);
    fs::write(&file, text).unwrap();
    let done = zongjie(["check", file.to_str().unwrap()]).run();
    (done.code(), done.stderr())
}

#[test]
fn comments_are_not_linted() {
    let (code, err) = check("r.yaml", &REPORT.replace("BODY", "Eight wells."));
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("warning"), "{err}");
    // The same placeholders in the text are found there, and only there.
    let (code, err) = check("r.yaml", &REPORT.replace("BODY", "Eight wells in XX County in 20xx."));
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("r.yaml:11:22") && err.contains("r.yaml:11:35"), "{err}");
    assert!(!err.contains("r.yaml:1:") && !err.contains("r.yaml:2:") && !err.contains("r.yaml:12:"), "{err}");
    // `#` in a block scalar is Markdown, not a comment.
    let (code, err) = check("r.yaml", &REPORT.replace("BODY", "# XX County\n\n      Eight wells."));
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("r.yaml:11:9"), "{err}");
}

#[test]
fn a_markdown_body_has_headings() {
    let md = "---\ntemplate: progress-report\ntitle: Report # of XX County\norganization: Office\ndate: 2026-11-05\n---\n\n# Work in XX County\n\nBody.\n";
    let (code, err) = check("r.md", md);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("r.md:8:11"), "{err}");
    assert!(!err.contains("r.md:3:"), "{err}");
}

#[test]
fn template_syntax_in_data_is_a_warning() {
    let dir = temp();
    let file = dir.path().join("r.yaml");
    let body = "Wells: {{ metric.pumps.sentence }}";
    fs::write(&file, REPORT.replace("BODY", body)).unwrap();
    let done = zongjie(["check", file.to_str().unwrap()]).run().expect(0).stderr_has(&[
        "warning: `{{ metric.pumps.sentence }}` is template syntax",
        "r.yaml:11:",
        "template syntax belongs in a template",
    ]);
    assert!(!done.stderr().contains("not defined"), "{}", done.stderr());
    // It is printed as written.
    zongjie(["build", file.to_str().unwrap(), "-f", "md"]).run().expect(0);
    let md = fs::read_to_string(dir.path().join("r.md")).unwrap();
    assert!(md.contains(body), "{md}");
}
