//! `zongjie form` end to end through the binary: one form per roster unit,
//! read back with calamine; never over a file that is there; the errors of
//! a bulletin that cannot have forms.

mod common;

use std::fs;
use std::io::Cursor;

use calamine::{Data, Reader as _, Xlsx, open_workbook_from_rs};
use common::{names, temp, write_file, zongjie};

const BULLETIN: &str = "\
template: monthly-bulletin
lang: zh
title: 固始县乡村振兴工作简报
organization: 县乡村振兴领导小组办公室
period: 2026-10
roster: [陈淋子镇, 三河尖镇, 城关/东城街道]
collect:
  - {id: households, label: 产业帮扶覆盖脱贫户, unit: 户}
  - {id: rate, label: 监测户风险消除率, unit: '%'}
targets:
  陈淋子镇: {households: 380, rate: 95.5}
  三河尖镇: {households: 420}
units: [units/*.yaml]
";

/// A cell of the first sheet of a workbook, as text (row and column from 0).
fn cell(bytes: &[u8], row: u32, col: u32) -> String {
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.to_vec())).expect("a workbook");
    let sheet = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&sheet).unwrap();
    match range.get_value((row, col)) {
        Some(Data::String(s)) => s.clone(),
        Some(Data::Float(n)) => n.to_string(),
        Some(Data::Empty) | None => String::new(),
        Some(other) => format!("{other:?}"),
    }
}

#[test]
fn writes_one_form_per_roster_unit_and_never_over_one() {
    let dir = temp();
    let bulletin = write_file(dir.path(), "bulletin.yaml", BULLETIN);
    let done = zongjie(["form", bulletin.to_str().unwrap()]).run().expect(0).stderr_has(&["共 3 份"]);
    let forms = dir.path().join("forms");
    assert_eq!(names(&forms), ["三河尖镇.xlsx", "城关_东城街道.xlsx", "陈淋子镇.xlsx"]);
    assert_eq!(done.stdout().lines().count(), 3, "{}", done.stdout());
    assert!(done.stdout().contains("陈淋子镇.xlsx"));

    let chenlinzi = fs::read(forms.join("陈淋子镇.xlsx")).unwrap();
    assert_eq!(cell(&chenlinzi, 0, 0), "固始县乡村振兴工作简报数据填报表（2026年10月）");
    assert_eq!((cell(&chenlinzi, 1, 0), cell(&chenlinzi, 1, 1)), ("填报单位".into(), "陈淋子镇".into()));
    assert_eq!((cell(&chenlinzi, 1, 3), cell(&chenlinzi, 1, 4)), ("报送期间".into(), "2026-10".into()));
    let headers: Vec<String> = (0..7).map(|c| cell(&chenlinzi, 3, c)).collect();
    assert_eq!(headers, ["编号", "指标", "计量单位", "年度目标", "本期完成", "上期", "去年同期"]);
    assert_eq!((cell(&chenlinzi, 4, 0), cell(&chenlinzi, 4, 3)), ("households".into(), "380".into()));
    assert_eq!((cell(&chenlinzi, 5, 0), cell(&chenlinzi, 5, 3)), ("rate".into(), "95.5".into()));
    let other = fs::read(forms.join("城关_东城街道.xlsx")).unwrap();
    assert_eq!(cell(&other, 1, 1), "城关/东城街道", "the unit keeps its name inside the form");
    assert_eq!(cell(&other, 4, 3), "", "a unit without targets gets none");

    // Again: refused, naming the file, and every form as it was.
    let before: Vec<Vec<u8>> = names(&forms).iter().map(|n| fs::read(forms.join(n)).unwrap()).collect();
    zongjie(["form", bulletin.to_str().unwrap()]).run().expect(1).stderr_has(&["已存在", "-o DIR"]);
    let after: Vec<Vec<u8>> = names(&forms).iter().map(|n| fs::read(forms.join(n)).unwrap()).collect();
    assert_eq!(names(&forms).len(), 3, "{:?}", names(&forms));
    assert!(before == after, "a form was rewritten");
}

#[test]
fn one_existing_form_stops_them_all() {
    let dir = temp();
    let bulletin = write_file(dir.path(), "bulletin.yaml", BULLETIN);
    let out = dir.path().join("out");
    fs::create_dir_all(&out).unwrap();
    fs::write(out.join("三河尖镇.csv"), b"filled in").unwrap();
    zongjie(["form", bulletin.to_str().unwrap(), "-o", out.to_str().unwrap(), "--format", "csv"])
        .run()
        .expect(1)
        .stderr_has(&["三河尖镇.csv 已存在", "未写出任何表格"]);
    assert_eq!(names(&out), ["三河尖镇.csv"]);
    assert_eq!(fs::read(out.join("三河尖镇.csv")).unwrap(), b"filled in");
}

#[test]
fn csv_forms_carry_a_bom_and_crlf() {
    let dir = temp();
    let bulletin = write_file(dir.path(), "bulletin.yaml", BULLETIN);
    let out = dir.path().join("csv");
    zongjie(["form", bulletin.to_str().unwrap(), "-o", out.to_str().unwrap(), "-f", "csv"]).run().expect(0);
    assert_eq!(names(&out), ["三河尖镇.csv", "城关_东城街道.csv", "陈淋子镇.csv"]);
    let bytes = fs::read(out.join("陈淋子镇.csv")).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert!(text.contains("\r\n填报单位,陈淋子镇,,报送期间,2026-10,,\r\n"), "{text}");
    assert!(text.contains("\r\nhouseholds,产业帮扶覆盖脱贫户,户,380,,,\r\n"), "{text}");
}

#[test]
fn a_bulletin_without_a_roster_has_no_forms() {
    let dir = temp();
    let text = BULLETIN
        .replace("roster: [陈淋子镇, 三河尖镇, 城关/东城街道]\n", "")
        .replace("targets:\n  陈淋子镇: {households: 380, rate: 95.5}\n  三河尖镇: {households: 420}\n", "");
    let bulletin = write_file(dir.path(), "bulletin.yaml", &text);
    zongjie(["form", bulletin.to_str().unwrap()]).run().expect(1).stderr_has(&[
        "bulletin.yaml",
        "没有“roster:”",
        "form 为名单中的每个单位生成一份表格：请加上“roster:”",
    ]);
    assert_eq!(names(dir.path()), ["bulletin.yaml"], "nothing is written");
}

#[test]
fn the_other_errors_name_the_bulletin() {
    let dir = temp();
    let cases = [
        // A Chinese bulletin is told in Chinese; the others, of no language, in the environment's.
        ("no-period.yaml", BULLETIN.replace("period: 2026-10\n", ""), "没有“period:”", "提示："),
        ("report.yaml", "title: A report\norganization: An office\n".to_owned(), "not a `monthly-bulletin`", "hint:"),
        (
            "return.xlsx",
            "PK not really".to_owned(),
            "this is a spreadsheet (a unit's return?), not a `monthly-bulletin`",
            "hint:",
        ),
    ];
    for (name, text, says, hint) in cases {
        let path = write_file(dir.path(), name, &text);
        zongjie(["form", path.to_str().unwrap()]).run().expect(1).stderr_has(&[name, says, hint]);
    }
    let empty = BULLETIN
        .replace("  - {id: households, label: 产业帮扶覆盖脱贫户, unit: 户}\n  - {id: rate, label: 监测户风险消除率, unit: '%'}\n", "")
        .replace("collect:\n", "collect: []\n")
        .replace("targets:\n  陈淋子镇: {households: 380, rate: 95.5}\n  三河尖镇: {households: 420}\n", "");
    let path = write_file(dir.path(), "empty-collect.yaml", &empty);
    zongjie(["form", path.to_str().unwrap()]).run().expect(1).stderr_has(&["没有“collect:”", "提示："]);
    // Two units that come to one file name.
    let clash =
        BULLETIN.replace("[陈淋子镇, 三河尖镇, 城关/东城街道]", "[陈淋子镇, 三河尖镇, 城关/东城街道, 城关:东城街道]");
    let path = write_file(dir.path(), "clash.yaml", &clash);
    zongjie(["form", path.to_str().unwrap()]).run().expect(1).stderr_has(&["都会命名为 城关_东城街道.xlsx"]);
    assert!(!dir.path().join("forms").exists(), "nothing is written");
}
