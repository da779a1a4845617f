//! The monthly bulletin rolled up from unit files: totals, the ranking and
//! its ties, the laggards, missing and broken returns, units that disagree
//! on a metric's unit, and unit names full of Markdown and Typst syntax.

mod common;

use std::fs;
use std::path::Path;

use common::{pdf_text, squeeze, temp, yaml_string, zongjie};

const BULLETIN: &str = "\
template: monthly-bulletin
title: County Work Bulletin
organization: County Office
date: 2026-11-05
period: 2026-10
issue: 10
total_issue: 58
units: [units/*.yaml]
rank_by: households
lag_below: 0.6
distribution: {report_to: [City Office], send_to: [County Committee], issue_to: [All towns]}
copies: 40
";

fn unit(dir: &Path, file: &str, name: &str, target: u32, actual: u32, unit: &str) {
    let text = format!(
        "organization: {}\ntitle: October return\ndate: 2026-11-01\nperiod: 2026-10\nmetrics:\n  - {{id: households, label: Households lifted out of poverty, unit: {unit}, target: {target}, actual: {actual}, previous: {}}}\n",
        yaml_string(name),
        actual / 2
    );
    fs::write(dir.join("units").join(file), text).unwrap();
}

/// Fourteen towns: rates from 30% to 100%, one tie broken by the actual
/// figure, names with Markdown and Typst syntax.
fn towns(dir: &Path) -> Vec<(String, u32, u32)> {
    fs::create_dir_all(dir.join("units")).unwrap();
    let mut towns = Vec::new();
    for i in 0..14u32 {
        let name = match i {
            3 => "Town | with *pipes* and #hash".to_owned(),
            5 => "Town {{ title }} `x`".to_owned(),
            _ => format!("Town {}", (b'A' + i as u8) as char),
        };
        let target = 100 + 10 * i;
        let actual = match i {
            // A tie at 75%: the larger actual ranks first.
            7 => 3 * target / 4,
            8 => 3 * target / 4,
            _ => target * (30 + 5 * ((i * 7) % 15)) / 100,
        };
        unit(dir, &format!("u{i:02}.yaml"), &name, target, actual, "households");
        towns.push((name, target, actual));
    }
    towns
}

#[test]
fn totals_ranking_and_laggards() {
    let dir = temp();
    let towns = towns(dir.path());
    fs::write(dir.path().join("bulletin.yaml"), BULLETIN).unwrap();
    zongjie(["build", dir.path().join("bulletin.yaml").to_str().unwrap()]).run().expect(0);
    let md = fs::read_to_string(dir.path().join("bulletin.md")).unwrap();
    let target: u32 = towns.iter().map(|t| t.1).sum();
    let actual: u32 = towns.iter().map(|t| t.2).sum();
    let thousands = |n: u32| if n >= 1000 { format!("{},{:03}", n / 1000, n % 1000) } else { n.to_string() };
    assert!(md.contains(&format!("{} households lifted out of poverty", thousands(actual))), "{md}");
    assert!(md.contains(&format!("of the target of {}", thousands(target))), "{md}");
    // Ranking: rate descending, ties by actual descending, then name.
    let mut expected = towns.clone();
    expected.sort_by(|a, b| {
        let (ra, rb) = (f64::from(a.2) / f64::from(a.1), f64::from(b.2) / f64::from(b.1));
        rb.total_cmp(&ra).then(b.2.cmp(&a.2)).then(a.0.cmp(&b.0))
    });
    let table: Vec<&str> = md.lines().filter(|l| l.starts_with("| ") && l.contains('%')).collect();
    assert_eq!(table.len(), towns.len(), "{md}");
    for (row, (name, _, _)) in table.iter().zip(&expected) {
        let cells: Vec<&str> = row.split(" | ").collect();
        let shown = cells[1].replace('\\', "");
        assert_eq!(shown, *name, "ranking:\n{}", table.join("\n"));
    }
    // The laggards (below 60%) are named, and only they.
    let laggards: Vec<&String> = towns.iter().filter(|t| f64::from(t.2) / f64::from(t.1) < 0.6).map(|t| &t.0).collect();
    assert!(!laggards.is_empty());
    let pdf = squeeze(&pdf_text(&dir.path().join("bulletin.pdf")));
    for name in &laggards {
        assert!(pdf.contains(&squeeze(name)), "{name} not in the PDF");
    }
    // Names with syntax come out as written, in the table and the text.
    assert!(pdf.contains(&squeeze("Town | with *pipes* and #hash")));
    assert!(pdf.contains(&squeeze("Town {{ title }} `x`")));
    for words in ["County Work Bulletin", "No. 10", "Total No. 58", "Reported to", "City Office", "40 copies"] {
        assert!(pdf.contains(&squeeze(words)), "{words} not in the PDF");
    }
}

#[test]
fn missing_and_broken_returns_are_named() {
    let dir = temp();
    towns(dir.path());
    fs::write(dir.path().join("units/u99.yaml"), "organization: Broken Town\nmetrics: [\n").unwrap();
    let text = BULLETIN.replace("units: [units/*.yaml]", "units: [units/*.yaml, late/*.yaml]");
    fs::write(dir.path().join("bulletin.yaml"), text).unwrap();
    zongjie(["build", dir.path().join("bulletin.yaml").to_str().unwrap()]).run().expect(0).stderr_has(&["u99.yaml"]);
    let pdf = squeeze(&pdf_text(&dir.path().join("bulletin.pdf")));
    assert!(pdf.contains("u99.yaml") && pdf.contains("late/*.yaml"), "missing returns not named");
    // `check` fails on the broken return.
    zongjie(["check", dir.path().join("bulletin.yaml").to_str().unwrap()]).run().expect(1).stderr_has(&["u99.yaml:"]);
}

#[test]
fn units_that_disagree_on_a_unit_are_an_error_naming_both() {
    let dir = temp();
    towns(dir.path());
    unit(dir.path(), "u50.yaml", "Odd Town", 100, 50, "people");
    fs::write(dir.path().join("bulletin.yaml"), BULLETIN).unwrap();
    zongjie(["build", dir.path().join("bulletin.yaml").to_str().unwrap()]).run().expect(1).stderr_has(&[
        "u00.yaml",
        "u50.yaml",
        "\"households\"",
        "\"people\"",
    ]);
    assert!(!dir.path().join("bulletin.pdf").exists());
}

#[test]
fn unit_globs_stay_inside_the_folder() {
    let dir = temp();
    towns(dir.path());
    for pattern in ["../*.yaml", "/etc/*.yaml"] {
        let text = BULLETIN.replace("units: [units/*.yaml]", &format!("units: ['{pattern}']"));
        fs::write(dir.path().join("bulletin.yaml"), text).unwrap();
        zongjie(["build", dir.path().join("bulletin.yaml").to_str().unwrap()]).run().expect(1).stderr_has(&[pattern]);
    }
}

/// A unit file that is a symlink to a file outside the bulletin's folder is
/// not read: the bulletin is built from the others and names it as missing.
#[cfg(unix)]
#[test]
fn a_unit_linked_from_outside_is_not_read() {
    let dir = temp();
    towns(dir.path());
    let outside = temp();
    fs::write(
        outside.path().join("secret.yaml"),
        "organization: Secret Town\nmetrics:\n  - {id: households_out, label: Households lifted out of poverty, unit: households, target: 999, actual: 999}\n",
    )
    .unwrap();
    std::os::unix::fs::symlink(outside.path().join("secret.yaml"), dir.path().join("units/u77.yaml")).unwrap();
    fs::write(dir.path().join("bulletin.yaml"), BULLETIN).unwrap();
    zongjie(["build", dir.path().join("bulletin.yaml").to_str().unwrap()]).run().expect(0).stderr_has(&[
        "u77.yaml",
        "leads outside the bulletin's folder",
        "not read",
    ]);
    let pdf = squeeze(&pdf_text(&dir.path().join("bulletin.pdf")));
    assert!(pdf.contains("u77.yaml"), "the linked unit is not named as missing");
    assert!(!pdf.contains("SecretTown") && !pdf.contains("999"), "the outside file was read");
}
