//! Units' returns as spreadsheets, end to end: the forms `zongjie form`
//! writes, filled in by other programs (openpyxl; LibreOffice saving .xls,
//! .ods and GBK .csv), roll up to the same bulletin as the same figures in
//! YAML; a return laid out by hand reads; a broken cell is named; `check`
//! reads one return against its bulletin. Needs Debian's python3-openpyxl
//! and libreoffice-calc-nogui (`.ci/run` installs them).

mod common;

use std::fs;
use std::path::Path;
use std::process::Command;

use common::{temp, write_file, zongjie};

const BULLETIN: &str = "\
template: monthly-bulletin
lang: zh
title: 青山县乡村振兴工作简报
organization: 青山县乡村振兴领导小组办公室
date: 2026-11-05
period: 2026-10
units: [UNITS]
rank_by: households
lag_below: 0.6
roster: [白果镇, 柳林乡, 城关镇, 石桥镇, 南河乡]
collect:
  - {id: households, label: 产业帮扶覆盖脱贫户, unit: 户}
  - {id: funds, label: 衔接资金拨付, unit: 元}
  - {id: sewage, label: 生活污水治理率, unit: '%'}
targets:
  白果镇: {households: 420, funds: 4200000, sewage: 40}
  柳林乡: {households: 310, funds: 3100000, sewage: 40}
  城关镇: {households: 380, funds: 3800000, sewage: 45}
  石桥镇: {households: 300, funds: 2500000, sewage: 40}
  南河乡: {households: 280, funds: 2600000, sewage: 35}
";

/// Each unit's figures: households, funds, sewage (actual, previous).
const FIGURES: [(&str, [(f64, f64); 3]); 5] = [
    ("白果镇", [(386.0, 351.0), (3_560_000.0, 3_010_000.0), (36.5, 30.0)]),
    ("柳林乡", [(262.0, 240.0), (2_480_000.0, 2_150_000.0), (28.0, 25.5)]),
    ("城关镇", [(371.0, 329.0), (3_650_000.0, 3_120_000.0), (44.2, 40.0)]),
    ("石桥镇", [(150.0, 120.0), (1_200_000.0, 900_000.0), (20.0, 18.0)]),
    ("南河乡", [(201.0, 180.0), (1_900_000.0, 1_700_000.0), (33.3, 30.0)]),
];

const IDS: [&str; 3] = ["households", "funds", "sewage"];

fn soffice(dir: &Path, to: &str, file: &Path, out: &Path) {
    let profile = format!("-env:UserInstallation=file://{}", dir.join("lo-profile").display());
    let status = Command::new("soffice")
        .args([profile.as_str(), "--headless", "--convert-to", to, "--outdir"])
        .arg(out)
        .arg(file)
        .output()
        .unwrap_or_else(|e| panic!("LibreOffice (soffice, Debian's libreoffice-calc-nogui) is needed: {e}"));
    assert!(status.status.success(), "soffice failed: {}", String::from_utf8_lossy(&status.stderr));
}

/// Fills a form with openpyxl: the actual and previous figures by the id
/// in column A, the percentage as a percent-formatted fraction.
fn fill(form: &Path, figures: &[(f64, f64); 3], out: &Path) {
    let mut script = String::from(
        "import sys, openpyxl\nbook = openpyxl.load_workbook(sys.argv[1])\nsheet = book.worksheets[0]\nfigures = {}\n",
    );
    for (id, (actual, previous)) in IDS.iter().zip(figures) {
        script.push_str(&format!("figures['{id}'] = ({actual}, {previous})\n"));
    }
    script.push_str(
        "header = next(r for r in range(1, 20) if sheet.cell(r, 1).value in ('编号', 'ID'))\n\
         cols = {sheet.cell(header, c).value: c for c in range(1, 10)}\n\
         for r in range(header + 1, header + 10):\n\
         \x20   id = sheet.cell(r, 1).value\n\
         \x20   if id in figures:\n\
         \x20       a, p = figures[id]\n\
         \x20       if id == 'sewage':\n\
         \x20           a, p = a / 100, p / 100\n\
         \x20       for col, v in ((cols['本期完成'], a), (cols['上期'], p)):\n\
         \x20           cell = sheet.cell(r, col)\n\
         \x20           cell.value = v\n\
         \x20           if id == 'sewage':\n\
         \x20               cell.number_format = '0.0%'\n\
         book.save(sys.argv[2])\n",
    );
    let done = Command::new("/usr/bin/python3")
        .arg("-c")
        .arg(&script)
        .arg(form)
        .arg(out)
        .output()
        .unwrap_or_else(|e| panic!("/usr/bin/python3 with python3-openpyxl is needed: {e}"));
    assert!(
        done.status.success(),
        "openpyxl failed (Debian's python3-openpyxl is needed): {}",
        String::from_utf8_lossy(&done.stderr)
    );
}

/// The same figures as a YAML return.
fn yaml_return(unit: &str, figures: &[(f64, f64); 3]) -> String {
    let mut text = format!("title: {unit}报送\norganization: {unit}\nperiod: 2026-10\nmetrics:\n");
    for (id, (actual, previous)) in IDS.iter().zip(figures) {
        text.push_str(&format!("  - {{id: {id}, label: x, actual: {actual}, previous: {previous}}}\n"));
    }
    text
}

#[test]
fn forms_filled_by_other_programs_roll_up_as_yaml_does() {
    let dir = temp();
    let root = dir.path();
    write_file(root, "sheets.yaml", &BULLETIN.replace("UNITS", "units/*"));
    write_file(root, "yaml.yaml", &BULLETIN.replace("UNITS", "yaml/*.yaml"));
    zongjie(["form", "sheets.yaml", "-o", "forms"]).current_dir(root).run().expect(0);
    let units = root.join("units");
    let work = root.join("work");
    fs::create_dir_all(&units).unwrap();
    fs::create_dir_all(root.join("yaml")).unwrap();
    fs::create_dir_all(&work).unwrap();
    for (i, (unit, figures)) in FIGURES.iter().enumerate() {
        let form = root.join("forms").join(format!("{unit}.xlsx"));
        assert!(form.is_file(), "zongjie form wrote {}", form.display());
        write_file(&root.join("yaml"), &format!("{unit}.yaml"), &yaml_return(unit, figures));
        let filled = work.join(format!("{unit}.xlsx"));
        fill(&form, figures, &filled);
        match i {
            0 => drop(fs::copy(&filled, units.join(format!("{unit}.xlsx"))).unwrap()),
            1 => soffice(root, "xls", &filled, &units),
            2 => soffice(root, "ods", &filled, &units),
            // 44,34,ENCODING: comma, double quotes, the character set.
            3 => soffice(root, "csv:Text - txt - csv (StarCalc):44,34,56", &filled, &units),
            _ => soffice(root, "xlsx", &filled, &units),
        }
    }
    let csv = fs::read(units.join("石桥镇.csv")).unwrap();
    assert!(std::str::from_utf8(&csv).is_err(), "LibreOffice saved the CSV in GBK");
    let built = zongjie(["build", "sheets.yaml", "yaml.yaml", "-f", "md"]).current_dir(root).run().expect(0);
    let sheets = fs::read_to_string(root.join("sheets.md")).unwrap();
    let yaml = fs::read_to_string(root.join("yaml.md")).unwrap();
    assert_eq!(sheets, yaml, "the same figures from spreadsheets and from YAML\n{}", built.stderr());
    assert!(sheets.contains("生活污水治理率（5个单位平均）达到32.4%，距目标还差7.6个百分点"), "{sheets}");
    assert!(sheets.contains("| 1 | 城关镇 | 371 | 380 | 97.6% |"), "{sheets}");
}

/// A faulty return beside a good one of the same unit: the good one is
/// rolled up, the faulty one named by its file (not as the unit left out),
/// and two faulty copies of one unit are named once.
#[test]
fn a_faulty_copy_beside_a_good_return_is_named_by_its_file() {
    let dir = temp();
    let root = dir.path();
    write_file(root, "b.yaml", &BULLETIN.replace("UNITS", "units/*"));
    fs::create_dir_all(root.join("units")).unwrap();
    for (unit, figures) in &FIGURES[..3] {
        write_file(&root.join("units"), &format!("{unit}.yaml"), &yaml_return(unit, figures));
    }
    let faulty = |unit: &str| {
        format!(
            "{unit}报送表\n填报单位：{unit},,报送期间,2026年10月\n\n序号,指标名称,本期完成,年度目标\n1,产业帮扶覆盖脱贫户,三百,300\n"
        )
    };
    let (first, _) = FIGURES[0];
    write_file(&root.join("units"), "old.csv", &faulty(first));
    zongjie(["build", "b.yaml", "-f", "md"]).current_dir(root).run().expect(0);
    let md = fs::read_to_string(root.join("b.md")).unwrap();
    assert!(md.contains("old.csv（报表有误，未能汇总）") && !md.contains(&format!("{first}（报表有误")), "{md}");
    assert!(md.contains("本期共汇总3个单位"), "{md}");
    // Two faulty copies of a unit that sent no good one: the unit, once.
    let (fourth, _) = FIGURES[3];
    write_file(&root.join("units"), "x1.csv", &faulty(fourth));
    write_file(&root.join("units"), "x2.csv", &faulty(fourth));
    zongjie(["build", "b.yaml", "-f", "md"]).current_dir(root).run().expect(0);
    let md = fs::read_to_string(root.join("b.md")).unwrap();
    assert_eq!(md.matches(&format!("{fourth}（报表有误，未能汇总）")).count(), 1, "{md}");
}

/// A return with a cell that is no number is named with its sheet and cell
/// and left out; the others are rolled up, the unit that sent nothing is
/// named as not received; `check` on the bulletin and on the return fail,
/// `check` on a good return passes.
#[test]
fn a_broken_return_is_named_and_the_others_rolled_up() {
    let dir = temp();
    let root = dir.path();
    write_file(root, "b.yaml", &BULLETIN.replace("UNITS", "units/*"));
    fs::create_dir_all(root.join("units")).unwrap();
    for (unit, figures) in &FIGURES[..3] {
        write_file(&root.join("units"), &format!("{unit}.yaml"), &yaml_return(unit, figures));
    }
    // 石桥镇 typed its figure in words, in a sheet laid out by hand.
    write_file(
        &root.join("units"),
        "石桥镇.csv",
        "石桥镇报送表\n填报单位：石桥镇,,报送期间,2026年10月\n\n序号,指标名称,本期完成,年度目标\n1,产业帮扶覆盖脱贫户,三百,300\n",
    );
    let built = zongjie(["build", "b.yaml", "-f", "md"]).current_dir(root).run().expect(0);
    let stderr = built.stderr();
    assert!(stderr.contains("units/石桥镇.csv：C5单元格：“三百”不是数字"), "{stderr}");
    let md = fs::read_to_string(root.join("b.md")).unwrap();
    // Named by the unit its 填报单位 cell names, never by its path.
    assert!(md.contains("石桥镇（报表有误，未能汇总）") && !md.contains("石桥镇.csv"), "{md}");
    assert!(md.contains("南河乡未按时报送"), "{md}");
    assert!(md.contains("本期共汇总3个单位"), "{md}");
    zongjie(["check", "b.yaml"]).current_dir(root).run().expect(1);
    zongjie(["check", "units/石桥镇.csv"]).current_dir(root).run().expect(1).stderr_has(&["C5单元格：“三百”"]);
    // A good return checks clean against the bulletin; one from another
    // period, or in another unit, does not.
    write_file(
        &root.join("units"),
        "城关镇.csv",
        "指标,计量单位,本期完成\n产业帮扶覆盖脱贫户,户,371\n衔接资金拨付,万元,365\n",
    );
    zongjie(["check", "units/城关镇.csv"])
        .current_dir(root)
        .run()
        .expect(1)
        .stderr_has(&["units/城关镇.csv, B3：“funds”以“万元”计，而简报以“元”计"]);
    write_file(&root.join("units"), "城关镇.csv", "报送期间：2026年9月\n指标,本期完成\n产业帮扶覆盖脱贫户,371\n");
    zongjie(["check", "units/城关镇.csv"]).current_dir(root).run().expect(1).stderr_has(&["报送的是 2026-09 的数据"]);
    write_file(&root.join("units"), "城关镇.csv", "报送期间：2026年1-10月\n指标,本期完成\n产业帮扶覆盖脱贫户,371\n");
    zongjie(["check", "units/城关镇.csv"]).current_dir(root).run().expect(0);
}

/// Sets cells of a workbook with openpyxl (`A1` names, text values).
fn set_cells(book: &Path, cells: &[(&str, &str)], out: &Path) {
    let mut script =
        String::from("import sys, openpyxl\nbook = openpyxl.load_workbook(sys.argv[1])\nsheet = book.worksheets[0]\n");
    for (cell, value) in cells {
        script.push_str(&format!("sheet['{cell}'] = '{value}'\n"));
    }
    script.push_str("book.save(sys.argv[2])\n");
    let done = Command::new("/usr/bin/python3")
        .arg("-c")
        .arg(&script)
        .arg(book)
        .arg(out)
        .output()
        .unwrap_or_else(|e| panic!("/usr/bin/python3 with python3-openpyxl is needed: {e}"));
    assert!(done.status.success(), "openpyxl failed: {}", String::from_utf8_lossy(&done.stderr));
}

/// The bulletin `b.yaml` in `root` with `units/*`, and the forms `zongjie
/// form` writes for it filled in with `figures` as the units' returns in
/// `units`, which is returned.
fn filled_forms(root: &Path, figures: &[(&str, [(f64, f64); 3])]) -> std::path::PathBuf {
    write_file(root, "b.yaml", &BULLETIN.replace("UNITS", "units/*"));
    zongjie(["form", "b.yaml", "-o", "forms"]).current_dir(root).run().expect(0);
    let units = root.join("units");
    fs::create_dir_all(&units).unwrap();
    for (unit, figures) in figures {
        fill(&root.join("forms").join(format!("{unit}.xlsx")), figures, &units.join(format!("{unit}.xlsx")));
    }
    units
}

/// Forms filled in, two of them wrongly: 柳林乡 wrote its name "柳林" (one
/// roster unit's name holds it, and no other return is 柳林乡's), 城关镇
/// counted its funds in 万元. 柳林 is rolled up as 柳林乡, which the bulletin
/// never also calls missing; 城关镇 is set aside, named in the bulletin by
/// its unit and the metric's label, never a cell; `check` and `build` name
/// the cell where each fault is written, and the same cell.
#[test]
fn a_misnamed_unit_is_its_roster_unit_and_a_wrong_unit_is_named_by_label() {
    let dir = temp();
    let root = dir.path();
    let units = filled_forms(root, &FIGURES);
    set_cells(&units.join("柳林乡.xlsx"), &[("B2", "柳林")], &units.join("柳林乡.xlsx"));
    set_cells(&units.join("城关镇.xlsx"), &[("C6", "万元")], &units.join("城关镇.xlsx"));
    // A unit no roster name fits: rolled up, warned of, and named as off the roster.
    write_file(&units, "城郊乡.yaml", &yaml_return("城郊乡", &FIGURES[4].1));
    let built = zongjie(["build", "b.yaml", "-f", "md"]).current_dir(root).run().expect(0);
    let stderr = built.stderr();
    assert!(
        stderr.contains("units/柳林乡.xlsx, 填报表!B2：填报单位写作“柳林”，不在名单（roster）中，按“柳林乡”汇总"),
        "{stderr}"
    );
    assert!(stderr.contains("请该单位将填报单位更正为“柳林乡”"), "{stderr}");
    assert!(!stderr.contains("未收到柳林乡的报表") && !stderr.contains("柳林的报表"), "{stderr}");
    let set_aside = "units/城关镇.xlsx, 填报表!C6：“funds”以“万元”计，而简报以“元”计";
    assert!(stderr.contains(set_aside), "{stderr}");
    let md = fs::read_to_string(root.join("b.md")).unwrap();
    assert!(md.contains("本期共汇总5个单位报送的数据（含名单外的城郊乡）。"), "{md}");
    assert!(stderr.contains("units/城郊乡.yaml是城郊乡的报表，该单位不在名单（roster）中，仍予汇总"), "{stderr}");
    assert!(!md.contains("柳林乡未") && !md.contains("柳林（") && !md.contains("| 柳林 |"), "{md}");
    assert!(md.contains("| 柳林乡 | 310 | 262 |"), "{md}");
    assert!(md.contains("城关镇（衔接资金拨付的计量单位为“万元”，与汇总口径“元”不一致）"), "{md}");
    assert!(!md.contains("填报表!") && !md.contains("C6") && !md.contains("funds"), "{md}");
    zongjie(["check", "units/城关镇.xlsx"]).current_dir(root).run().expect(1).stderr_has(&[set_aside]);
    zongjie(["check", "units/柳林乡.xlsx"]).current_dir(root).run().expect(0).stderr_has(&["按“柳林乡”汇总"]);
    zongjie(["check", "b.yaml"]).current_dir(root).run().expect(1).stderr_has(&[set_aside, "按“柳林乡”汇总"]);
}

/// Figures that are possible but unlikely are warned of, at the return's
/// file and cell or line, by `build` and by `check` on the bulletin and on
/// the return, in the bulletin's language; none is an error, and the
/// bulletin rolls them up as given.
#[test]
fn unlikely_figures_are_warned_of_at_their_cells() {
    let dir = temp();
    let root = dir.path();
    let mut figures = FIGURES;
    // A digit too many; 万元 in a metric of 元; a cumulative figure below the previous one.
    figures[0].1[0].0 = 3860.0;
    figures[1].1[1].0 = 248.0;
    figures[2].1[0].0 = 300.0;
    let units = filled_forms(root, &figures[..3]);
    // No previous figure, where the others give one: a sheet without the column.
    write_file(
        &units,
        "石桥镇.csv",
        "填报单位：石桥镇,,报送期间,2026年10月\n\n指标,计量单位,本期完成\n产业帮扶覆盖脱贫户,户,150\n衔接资金拨付,元,1200000\n",
    );
    write_file(&units, "南河乡.yaml", &yaml_return(figures[4].0, &figures[4].1));
    let expected = [
        "units/白果镇.xlsx, 填报表!E5：白果镇产业帮扶覆盖脱贫户本期完成3860，是上期351的11倍",
        "units/柳林乡.xlsx, 填报表!E6：柳林乡衔接资金拨付本期完成248，不足上期2150000的1/10",
        "该数字像是按万元填报的（248万元即2480000元），请该单位按元填报",
        "units/城关镇.xlsx, 填报表!E5：城关镇产业帮扶覆盖脱贫户本期完成300，低于上期329，而各项数字为本年累计数",
        "units/石桥镇.csv, A4：石桥镇未填报产业帮扶覆盖脱贫户、衔接资金拨付的上期数，其他单位大多已填报",
    ];
    let built = zongjie(["build", "b.yaml", "-f", "md"]).current_dir(root).run().expect(0);
    let stderr = built.stderr();
    for warning in expected {
        assert!(stderr.contains(warning), "{warning}\n{stderr}");
    }
    assert!(!stderr.contains("南河乡产业") && !stderr.contains("错误"), "{stderr}");
    let md = fs::read_to_string(root.join("b.md")).unwrap();
    assert!(md.contains("本期共汇总5个单位") && md.contains("| 白果镇 | 3860 |"), "{md}");
    zongjie(["check", "b.yaml"]).current_dir(root).run().expect(0).stderr_has(&expected);
    zongjie(["check", "units/白果镇.xlsx"]).current_dir(root).run().expect(0).stderr_has(&expected[..1]);
    zongjie(["check", "units/石桥镇.csv"]).current_dir(root).run().expect(0).stderr_has(&expected[4..]);
}
