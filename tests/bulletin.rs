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
    // The ranking table (the figures table after it has rows of its own).
    let ranking = md.split("| Rank |").nth(1).and_then(|rest| rest.split("\n\n").next()).unwrap_or_default();
    let table: Vec<&str> = ranking.lines().filter(|l| l.starts_with("| ") && l.contains('%')).collect();
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

/// Without `collect:`, the unit most returns give a metric decides; a
/// return that counts it in another is set aside, named with its file and
/// line in the bulletin and the warnings; the bulletin is built from the
/// others, and `check` fails on it.
#[test]
fn a_unit_that_counts_in_another_unit_is_set_aside() {
    let dir = temp();
    towns(dir.path());
    unit(dir.path(), "u50.yaml", "Odd Town", 100, 50, "people");
    fs::write(dir.path().join("bulletin.yaml"), BULLETIN).unwrap();
    let bulletin = dir.path().join("bulletin.yaml");
    zongjie(["build", bulletin.to_str().unwrap(), "-f", "md"])
        .run()
        .expect(0)
        .stderr_has(&["units/u50.yaml, line 6: counts `households` in \"people\", but the bulletin in \"households\""]);
    let md = fs::read_to_string(dir.path().join("bulletin.md")).unwrap();
    assert!(
        md.contains("Odd Town (Households lifted out of poverty: counted in \"people\", not \"households\" as the bulletin counts it)"),
        "{md}"
    );
    assert_eq!(md.matches("Odd Town").count(), 1, "the set-aside return is not rolled up:\n{md}");
    zongjie(["check", bulletin.to_str().unwrap()]).run().expect(1).stderr_has(&["u50.yaml, line 6"]);
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

/// A bulletin over `units` (file name, YAML text), built to Markdown.
fn bulletin_md(bulletin: &str, units: &[(&str, String)]) -> (tempfile::TempDir, String, String) {
    let dir = temp();
    fs::create_dir_all(dir.path().join("units")).unwrap();
    for (file, text) in units {
        fs::write(dir.path().join("units").join(file), text).unwrap();
    }
    fs::write(dir.path().join("bulletin.yaml"), bulletin).unwrap();
    let done = zongjie(["build", "-f", "md", dir.path().join("bulletin.yaml").to_str().unwrap()]).run().expect(0);
    let md = fs::read_to_string(dir.path().join("bulletin.md")).unwrap();
    (dir, md, done.stderr())
}

fn return_of(name: &str, period: &str, metrics: &str) -> String {
    format!("organization: {name}\ntitle: Return\ndate: 2026-11-01\nperiod: {period}\nmetrics:\n{metrics}")
}

/// A poverty rate in %, where lower is better.
fn poverty_rate(target: f64, actual: f64) -> String {
    format!("  - {{id: rate, label: Poverty rate, unit: '%', target: {target}, actual: {actual}, better: lower}}\n")
}

#[test]
fn rates_in_percent_are_averaged_not_added() {
    let units = [
        ("a.yaml", return_of("A Town", "2026-10", &poverty_rate(3.0, 2.5))),
        ("b.yaml", return_of("B Town", "2026-10", &poverty_rate(3.0, 2.9))),
        ("c.yaml", return_of("C Town", "2026-10", &poverty_rate(4.0, 3.6))),
    ];
    // Ranked by nothing the returns give: an error (see tests/limits.rs).
    let bulletin = BULLETIN.replace("rank_by: households\n", "");
    let (_dir, md, _) = bulletin_md(&bulletin, &units);
    // (2.5 + 2.9 + 3.6) / 3 = 3.0 against a mean target of 3.33.
    assert!(md.contains("Poverty rate (mean of 3 units) stood at 3%, within the target of 3.3%"), "{md}");
    assert!(!md.contains("at 9%") && !md.contains("| 9 |"), "the rates were added up: {md}");
    let (_dir, md, _) = bulletin_md(&bulletin.replace("title:", "lang: zh\ntitle:"), &units);
    assert!(md.contains("Poverty rate（3个单位平均）为3%，控制在目标3.3%以内"), "{md}");
}

/// A mean in % compares the units that give both figures: a unit that
/// gives only its target is left out of the mean target too.
#[test]
fn a_mean_in_percent_is_over_the_units_that_give_both() {
    let rate =
        |target: f64, actual: &str| format!("  - {{id: rate, label: Coverage, unit: '%', target: {target}{actual}}}\n");
    let units = [
        ("a.yaml", return_of("A Town", "2026-10", &rate(40.0, ", actual: 38"))),
        ("b.yaml", return_of("B Town", "2026-10", &rate(50.0, ", actual: 42"))),
        ("c.yaml", return_of("C Town", "2026-10", &rate(60.0, ""))),
    ];
    let (_dir, md, _) = bulletin_md(&BULLETIN.replace("rank_by: households\n", ""), &units);
    // (38 + 42) / 2 = 40 against (40 + 50) / 2 = 45: 5 points short, not 10.
    assert!(
        md.contains("Coverage (mean of 3 units) reached 40%, 5 percentage points short of the target of 45%"),
        "{md}"
    );
}

/// A unit rolled up that is not on the roster brings its own target into
/// the total, as its figure is in the rate.
#[test]
fn a_unit_off_the_roster_brings_its_target() {
    let hh = |target: u32, actual: u32| {
        format!("  - {{id: households, label: Households, unit: households, target: {target}, actual: {actual}}}\n")
    };
    let units = [
        ("a.yaml", return_of("A Town", "2026-10", &hh(100, 50))),
        ("b.yaml", return_of("B Town", "2026-10", &hh(100, 80))),
        ("x.yaml", return_of("X Town", "2026-10", &hh(50, 50))),
    ];
    let bulletin = BULLETIN.replace(
        "rank_by:",
        "roster: [A Town, B Town]\ntargets: {A Town: {households: 100}, B Town: {households: 100}}\nrank_by:",
    );
    let (_dir, md, _) = bulletin_md(&bulletin, &units);
    // 180 of 250, 72%: the target of 200 the roster is assigned and X Town's 50.
    assert!(md.contains("180 households, 72% of the target of 250"), "{md}");
}

#[test]
fn units_without_both_figures_are_named_beside_the_rate() {
    let hh = |target: &str, actual: &str| {
        format!("  - {{id: households, label: Households, unit: households{target}{actual}}}\n")
    };
    let units = [
        ("a.yaml", return_of("A Town", "2026-10", &hh(", target: 100", ", actual: 90"))),
        ("b.yaml", return_of("B Town", "2026-10", &hh(", target: 100", ""))),
    ];
    let (_dir, md, _) = bulletin_md(BULLETIN, &units);
    assert!(md.contains("90 households, 90% of the target of 200 (B Town reported no actual figure; the rate is over the other unit)"), "{md}");
}

/// A total's change on the previous period is over the units that gave a
/// previous figure, and the sentence says which did not.
#[test]
fn units_without_a_previous_figure_are_named_beside_the_change() {
    let hh = |actual: u32, previous: &str| {
        format!(
            "  - {{id: households, label: Households, unit: households, target: 100, actual: {actual}{previous}}}\n"
        )
    };
    let units = [
        ("a.yaml", return_of("A Town", "2026-10", &hh(60, ", previous: 50"))),
        ("b.yaml", return_of("B Town", "2026-10", &hh(40, ""))),
    ];
    let (_dir, md, _) = bulletin_md(BULLETIN, &units);
    assert!(
        md.contains("up 10 (20%) on the previous month (B Town gave no earlier figure; the change on the previous month is over the other unit)"),
        "{md}"
    );
    let (_dir, md, _) = bulletin_md(&BULLETIN.replace("title:", "lang: zh\ntitle:"), &units);
    assert!(md.contains("较上月增加10households，增长20%（B Town未报送上月数，较上月变化按其余1个单位计算）"), "{md}");
    // Likewise the change on the same period last year.
    let units = [
        ("a.yaml", return_of("A Town", "2026-10", &hh(60, ", last_year: 40"))),
        ("b.yaml", return_of("B Town", "2026-10", &hh(40, ""))),
    ];
    let (_dir, md, _) = bulletin_md(BULLETIN, &units);
    assert!(
        md.contains("(B Town gave no earlier figure; the change on the same period last year is over the other unit)"),
        "{md}"
    );
}

/// A return named for one roster unit that gives another as its unit is
/// rolled up as the one it gives, with a warning naming both.
#[test]
fn a_file_named_for_one_unit_that_gives_another_is_told() {
    let hh = "  - {id: households, label: Households, unit: households, target: 100, actual: 50}\n";
    let units = [("A Town.yaml", return_of("B Town", "2026-10", hh))];
    let bulletin = BULLETIN.replace("rank_by:", "roster: [A Town, B Town]\nrank_by:");
    let (_dir, _md, stderr) = bulletin_md(&bulletin, &units);
    assert!(
        stderr
            .contains("the file is named for A Town but gives B Town as its reporting unit; it is rolled up as B Town"),
        "{stderr}"
    );
    assert!(stderr.contains("no return received from A Town"), "{stderr}");
}

#[test]
fn where_lower_is_better_units_over_target_lag_and_no_schedule_is_given() {
    let units = [
        ("a.yaml", return_of("A Town", "2026-10", &poverty_rate(3.0, 2.5))),
        ("b.yaml", return_of("B Town", "2026-10", &poverty_rate(3.0, 3.6))),
        ("c.yaml", return_of("C Town", "2026-10", &poverty_rate(3.0, 1.2))),
    ];
    let (_dir, md, _) = bulletin_md(&BULLETIN.replace("rank_by: households", "rank_by: rate"), &units);
    let order: Vec<&str> = md.lines().filter(|l| l.starts_with("| ") && l.contains(" Town ")).collect();
    assert!(order[0].contains("C Town") && order[2].contains("B Town"), "{md}");
    assert!(order[2].contains("over target"), "{md}");
    assert!(md.contains("Over the target: B Town."), "{md}");
    assert!(!md.contains("schedule"), "a ceiling has no schedule: {md}");
}

#[test]
fn returns_for_another_period_doubles_and_unmatched_patterns_are_reported() {
    let hh = "  - {id: households, label: Households, unit: households, target: 100, actual: 50}\n";
    let units = [
        ("a.yaml", return_of("A Town", "2026-10", hh)),
        ("a2.yaml", return_of("A Town", "2026-10", hh)),
        ("old.yaml", return_of("Old Town", "2026-09", hh)),
    ];
    let bulletin = BULLETIN.replace("units: [units/*.yaml]", "units: [units/*.yaml, units/typo.yaml]");
    let (_dir, md, stderr) = bulletin_md(&bulletin, &units);
    for said in [
        "units/typo.yaml` matches no file",
        "reports on 2026-09",
        "2 returns name A Town: units/a.yaml, units/a2.yaml; none of them is rolled up",
    ] {
        assert!(stderr.contains(said), "no warning `{said}`: {stderr}");
    }
    assert!(md.contains("Old Town (a return for another period)"), "{md}");
    // A Town's two returns: neither is added in, and A Town is named once.
    assert!(md.contains("A Town (2 returns sent; none rolled up)"), "{md}");
    assert!(!md.contains("100 households"), "a return was rolled up: {md}");
    assert_eq!(md.matches("Old Town").count(), 1, "September's return was rolled up: {md}");
}

#[test]
fn a_figure_too_large_is_refused_at_its_line() {
    let units = [(
        "a.yaml",
        return_of(
            "A Town",
            "2026-10",
            "  - {id: households, label: H, unit: households, target: 100, actual: 1.0e19}\n",
        ),
    )];
    let dir = temp();
    fs::create_dir_all(dir.path().join("units")).unwrap();
    fs::write(dir.path().join("units/a.yaml"), &units[0].1).unwrap();
    fs::write(dir.path().join("bulletin.yaml"), BULLETIN).unwrap();
    zongjie(["check", dir.path().join("bulletin.yaml").to_str().unwrap()])
        .run()
        .expect(1)
        .stderr_has(&["a.yaml:6", "too large"]);
    let done = zongjie(["build", dir.path().join("bulletin.yaml").to_str().unwrap()]).run();
    assert!(done.code() != 3, "internal error: {}", done.stderr());
}

/// `**` patterns walk the folder without following links to folders, and a
/// file reached by several names is one return.
#[cfg(unix)]
#[test]
fn a_return_is_counted_once_however_many_names_lead_to_it() {
    let hh = |actual: u32| {
        format!("  - {{id: households, label: Households, unit: households, target: 200, actual: {actual}}}\n")
    };
    let units = [("duanji.yaml", return_of("Duanji Town", "2026-10", &hh(120)))];
    let dir = temp();
    fs::create_dir_all(dir.path().join("units/sub")).unwrap();
    fs::write(dir.path().join("units").join(units[0].0), &units[0].1).unwrap();
    fs::write(dir.path().join("units/sub/s.yaml"), return_of("Sub Town", "2026-10", &hh(50))).unwrap();
    std::os::unix::fs::symlink(".", dir.path().join("units/loop")).unwrap();
    std::os::unix::fs::symlink("..", dir.path().join("units/sub/up")).unwrap();
    std::os::unix::fs::symlink("duanji.yaml", dir.path().join("units/copy.yaml")).unwrap();
    let text = BULLETIN.replace("units: [units/*.yaml]", "units: ['units/**/*.yaml']");
    fs::write(dir.path().join("bulletin.yaml"), text).unwrap();
    zongjie(["build", "-f", "md", dir.path().join("bulletin.yaml").to_str().unwrap()]).run().expect(0);
    let md = fs::read_to_string(dir.path().join("bulletin.md")).unwrap();
    assert!(md.contains("170 households, 42.5% of the target of 400"), "{md}");
}

/// What the bulletin shows of a unit's return is linted with the bulletin:
/// `check` fails on a placeholder name and says where it is.
#[test]
fn placeholders_in_a_units_return_fail_the_check_of_the_bulletin() {
    let hh = "  - {id: households, label: Households, unit: households, target: 100, actual: 50}\n";
    let dir = temp();
    fs::create_dir_all(dir.path().join("units")).unwrap();
    fs::write(dir.path().join("units/a.yaml"), return_of("A Town", "2026-10", hh)).unwrap();
    fs::write(dir.path().join("units/x.yaml"), return_of("XX Town", "2026-10", hh)).unwrap();
    fs::write(dir.path().join("bulletin.yaml"), BULLETIN).unwrap();
    zongjie(["check", dir.path().join("bulletin.yaml").to_str().unwrap()])
        .run()
        .expect(1)
        .stderr_has(&["x.yaml:1:15", "`XX`"]);
}

/// A bulletin of more units than a chart takes (60) is built: the ranking
/// table stands alone.
#[test]
fn a_bulletin_of_many_units_builds_without_its_chart() {
    let dir = temp();
    fs::create_dir_all(dir.path().join("units")).unwrap();
    for i in 0..61 {
        unit(dir.path(), &format!("u{i:02}.yaml"), &format!("Town {i}"), 100, 50 + i, "households");
    }
    fs::write(dir.path().join("bulletin.yaml"), BULLETIN).unwrap();
    zongjie(["build", dir.path().join("bulletin.yaml").to_str().unwrap(), "-f", "md,typ"]).run().expect(0);
    let md = fs::read_to_string(dir.path().join("bulletin.md")).unwrap();
    assert!(md.contains("| 61 | Town 0 |") && !md.contains("```chart"), "{md}");
}
