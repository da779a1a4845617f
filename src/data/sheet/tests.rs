use std::path::PathBuf;

use rust_xlsxwriter::{Format, Workbook};

use super::*;
use crate::data::Better;

fn collect() -> Vec<Collected> {
    let m = |id: &str, label: &str, unit: &str| Collected {
        id: Id(id.into()),
        label: Text(label.into()),
        unit: unit.into(),
        better: Better::Higher,
    };
    vec![
        m("households", "产业帮扶覆盖脱贫户", "户"),
        m("funds", "衔接资金拨付", "元"),
        m("sewage", "生活污水治理率", "%"),
    ]
}

fn read_bytes(name: &str, bytes: Vec<u8>) -> Result<SheetReturn, DataError> {
    let collect = collect();
    let targets = BTreeMap::new();
    read(&PathBuf::from(name), bytes, &Asked { lang: Lang::Zh, collect: &collect, targets: &targets })
}

fn figures(r: &SheetReturn, id: &str) -> [Option<f64>; 4] {
    let m = r.doc.metrics.iter().find(|m| m.id.0 == id).unwrap_or_else(|| panic!("{id} in {:?}", r.doc.metrics));
    [m.target, m.actual, m.previous, m.last_year].map(|n| n.map(|n| n.0))
}

/// A return laid out by hand as offices do: a merged title, the unit and
/// period in cells of their own, columns in another order, a figure as
/// text, a percentage cell, a blank, a 合计 row and a note under it.
fn hand_made() -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Sheet1").unwrap();
    let percent = Format::new().set_num_format("0.0%");
    sheet.merge_range(0, 0, 0, 5, "黄岗镇2026年10月乡村振兴重点工作进展统计表", &Format::new()).unwrap();
    sheet.write(1, 0, "填报单位：黄岗镇").unwrap();
    sheet.write(1, 3, "报送期间").unwrap();
    sheet.write(1, 4, "2026年10月").unwrap();
    for (c, h) in ["序号", "本期完成", "指标名称", "计量单位", "年度目标（户）", "上月完成"].iter().enumerate()
    {
        sheet.write(3, u16::try_from(c).unwrap(), *h).unwrap();
    }
    sheet.write(4, 0, 1).unwrap();
    sheet.write(4, 1, "353").unwrap();
    sheet.write(4, 2, "产业帮扶覆盖脱贫户").unwrap();
    sheet.write(4, 4, 380).unwrap();
    sheet.write(4, 5, "—").unwrap();
    sheet.write(5, 0, 2).unwrap();
    sheet.write(5, 1, "356万").unwrap();
    sheet.write(5, 2, "衔接资金拨付").unwrap();
    sheet.write(5, 4, "3,900,000").unwrap();
    sheet.write(7, 2, "生活污水治理率").unwrap();
    sheet.write_with_format(7, 1, 0.365, &percent).unwrap();
    sheet.write(8, 2, "合计").unwrap();
    sheet.write(8, 1, 999).unwrap();
    sheet.merge_range(10, 0, 10, 5, "填报说明：数字为年初至本月底累计数。", &Format::new()).unwrap();
    book.save_to_buffer().unwrap()
}

#[test]
fn a_hand_made_return_is_found_by_its_labels() {
    let r = read_bytes("黄岗镇报表.xlsx", hand_made()).unwrap();
    assert_eq!(r.doc.organization.as_str(), "黄岗镇");
    assert_eq!(r.doc.period.map(|p| p.to_string()).as_deref(), Some("2026-10"));
    assert_eq!(figures(&r, "households"), [Some(380.0), Some(353.0), None, None]);
    assert_eq!(figures(&r, "funds"), [Some(3_900_000.0), Some(3_560_000.0), None, None]);
    assert_eq!(figures(&r, "sewage"), [None, Some(36.5), None, None]);
    assert_eq!(r.doc.metrics.len(), 3, "the 合计 row is no metric");
    assert_eq!(r.places["households"], "Sheet1!C5");
    // The labels of the bulletin, not the sheet's.
    assert_eq!(r.doc.metrics[0].label.as_str(), "产业帮扶覆盖脱贫户");
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
}

#[test]
fn an_unreadable_cell_is_named_by_sheet_and_cell() {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write(0, 0, "指标").unwrap();
    sheet.write(0, 1, "本期完成").unwrap();
    sheet.write(1, 0, "产业帮扶覆盖脱贫户").unwrap();
    sheet.write(1, 1, "三百").unwrap();
    let err = read_bytes("units/段集镇.xlsx", book.save_to_buffer().unwrap()).unwrap_err().to_string();
    assert!(err.starts_with("units/段集镇.xlsx: Sheet1!B2单元格：“三百”不是数字"), "{err}");
}

#[test]
fn a_gbk_csv_with_a_close_label_reads_with_a_warning() {
    let text = "石桥镇报送表\r\n单位名称,石桥镇\r\n项目,目标,完成,上期\r\n产业帮扶覆盖脱贫户数,300,\"1,200\",250\r\n资金拨付,,/,\r\n";
    let (gbk, _, _) = encoding_rs::GBK.encode(text);
    let r = read_bytes("shiqiao.csv", gbk.into_owned()).unwrap();
    assert_eq!(r.doc.organization.as_str(), "石桥镇");
    assert_eq!(r.doc.period, None);
    assert_eq!(figures(&r, "households"), [Some(300.0), Some(1200.0), Some(250.0), None]);
    let warnings: Vec<String> = r.warnings.iter().map(ToString::to_string).collect();
    assert!(
        warnings.iter().any(|w| w.contains("A4单元格：“产业帮扶覆盖脱贫户数”按“households”（产业帮扶覆盖脱贫户）计入")),
        "{warnings:?}"
    );
    // A row with no figures gives nothing.
    assert_eq!(r.doc.metrics.len(), 1, "{:?}", r.doc.metrics);
}

#[test]
fn without_a_header_row_the_error_says_what_is_looked_for() {
    let err = read_bytes("x.csv", b"a,b\n1,2\n".to_vec()).unwrap_err().to_string();
    assert!(err.contains("没有哪张工作表有写明指标和数据的表头行"), "{err}");
    let err = read_bytes("x.xlsx", b"\x00\x01not a zip".to_vec()).unwrap_err().to_string();
    assert!(err.contains("不是Excel（.xlsx）格式的工作簿：文件已损坏"), "{err}");
}

#[test]
fn a_fraction_in_a_file_without_formats_is_read_as_its_percentage() {
    let text = "指标,目标,完成\n生活污水治理率,40,0.365\n";
    let r = read_bytes("a.csv", text.as_bytes().to_vec()).unwrap();
    assert_eq!(figures(&r, "sewage"), [Some(40.0), Some(36.5), None, None]);
    assert!(r.warnings[0].to_string().contains("C2单元格：0.365 按 36.5% 读取"), "{:?}", r.warnings);
}

#[test]
fn the_same_metric_twice_is_an_error() {
    let text = "指标,完成\n产业帮扶覆盖脱贫户,1\nhouseholds,2\n";
    let err = read_bytes("a.csv", text.as_bytes().to_vec()).unwrap_err().to_string();
    assert!(err.contains("A3单元格：指标“households”重复填报（首次出现在 A2）"), "{err}");
}

#[test]
fn headings_under_a_group_heading_are_read() {
    // 指标 and 本期完成 merged down over two rows; 对比数 over 上期 and 去年同期.
    let text = "指标,本期完成,对比数,\n,,上期,去年同期\n产业帮扶覆盖脱贫户,353,318,290\n";
    let r = read_bytes("a.csv", text.as_bytes().to_vec()).unwrap();
    assert_eq!(figures(&r, "households"), [None, Some(353.0), Some(318.0), Some(290.0)]);
}

#[test]
fn every_unreadable_cell_is_named() {
    let text = "指标,本期完成,上期\n产业帮扶覆盖脱贫户,三百,#DIV/0!\n衔接资金拨付,约10万,1\n";
    let err = read_bytes("a.csv", text.as_bytes().to_vec()).unwrap_err();
    let d = err.diagnostic().to_plain_text();
    assert!(d.contains("B2单元格：“三百”不是数字"), "{d}");
    assert!(d.contains("另外，C2单元格：“#DIV/0!”不是数字") && d.contains("另外，B3单元格：“约10万”"), "{d}");
    // In English, for an English bulletin.
    let english = err.diagnostic().clone().in_lang(Lang::En).to_plain_text();
    assert!(english.contains("B2: 「三百」 is not a number"), "{english}");
    assert!(english.contains("also C2: 「#DIV/0!」 is not a number"), "{english}");
}

/// A form sheet: the unit (or its label alone, left blank), 报送期间 beside
/// it, and one figure.
fn form_sheet(sheet: &mut rust_xlsxwriter::Worksheet, unit: Option<&str>, households: f64) {
    sheet.write(0, 0, "填报单位").unwrap();
    if let Some(unit) = unit {
        sheet.write(0, 1, unit).unwrap();
    }
    sheet.write(0, 2, "报送期间").unwrap();
    sheet.write(0, 3, "2026年10月").unwrap();
    sheet.write(2, 0, "指标").unwrap();
    sheet.write(2, 1, "本期完成").unwrap();
    sheet.write(3, 0, "产业帮扶覆盖脱贫户").unwrap();
    sheet.write(3, 1, households).unwrap();
}

#[test]
fn the_visible_form_is_read_and_other_forms_are_named() {
    let mut book = Workbook::new();
    // An old sheet, hidden, before the form.
    let old = book.add_worksheet();
    old.set_name("旧表").unwrap();
    form_sheet(old, Some("黄岗镇"), 100.0);
    old.set_hidden(true);
    let form = book.add_worksheet();
    form.set_name("填报表").unwrap();
    form_sheet(form, Some("黄岗镇"), 386.0);
    // (Excel shows the active sheet; the first may be hidden only then.)
    form.set_active(true);
    let copy = book.add_worksheet();
    copy.set_name("填报表 (2)").unwrap();
    form_sheet(copy, Some("黄岗镇"), 390.0);
    let r = read_bytes("a.xlsx", book.save_to_buffer().unwrap()).unwrap();
    assert_eq!(figures(&r, "households"), [None, Some(386.0), None, None]);
    let warnings: Vec<String> = r.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].contains("工作表“填报表 (2)”中也有数据表，未读取；按工作表“填报表”汇总"), "{warnings:?}");
    // Only a hidden sheet has a form: it is read, with a warning.
    let mut book = Workbook::new();
    book.add_worksheet().write(0, 0, "说明").unwrap().set_active(true);
    let hidden = book.add_worksheet();
    form_sheet(hidden, Some("黄岗镇"), 386.0);
    hidden.set_hidden(true);
    let r = read_bytes("a.xlsx", book.save_to_buffer().unwrap()).unwrap();
    assert_eq!(figures(&r, "households"), [None, Some(386.0), None, None]);
    assert!(r.warnings[0].to_string().contains("只有隐藏的工作表“Sheet2”中有数据表"), "{:?}", r.warnings);
}

#[test]
fn a_formula_without_its_result_is_named() {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    form_sheet(sheet, Some("黄岗镇"), 0.0);
    sheet.write_formula(3, 1, rust_xlsxwriter::Formula::new("=300+86").set_result("386")).unwrap();
    // As a program that does not calculate writes it (openpyxl): no result kept.
    let bytes = without_results(&book.save_to_buffer().unwrap());
    let err = read_bytes("a.xlsx", bytes).unwrap_err().to_string();
    assert!(err.contains("Sheet1!B4单元格：公式的计算结果未保存在文件中"), "{err}");
    // Its result kept: read.
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    form_sheet(sheet, Some("黄岗镇"), 0.0);
    sheet.write_formula(3, 1, rust_xlsxwriter::Formula::new("=300+86").set_result("386")).unwrap();
    let r = read_bytes("a.xlsx", book.save_to_buffer().unwrap()).unwrap();
    assert_eq!(figures(&r, "households"), [None, Some(386.0), None, None]);
}

#[test]
fn a_blank_unit_cell_leaves_the_unit_to_the_file_name() {
    let mut book = Workbook::new();
    form_sheet(book.add_worksheet(), None, 386.0);
    let bytes = book.save_to_buffer().unwrap();
    let r = read_bytes("units/白果镇.xlsx", bytes).unwrap();
    assert_eq!(r.doc.organization.as_str(), "白果镇", "the label beside the blank cell is no unit");
}

#[test]
fn a_return_that_cannot_be_rolled_up_still_names_its_unit() {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    form_sheet(sheet, Some("黄岗镇"), 0.0);
    sheet.write(3, 1, "三百").unwrap();
    let bytes = book.save_to_buffer().unwrap();
    assert!(read_bytes("units/hg.xlsx", bytes.clone()).is_err());
    assert_eq!(unit_named(&PathBuf::from("units/hg.xlsx"), bytes, Lang::Zh).as_deref(), Some("黄岗镇"));
    assert_eq!(unit_named(&PathBuf::from("units/hg.xlsx"), b"not a zip".to_vec(), Lang::Zh), None);
}

/// An .xlsx with the results of its formulas taken out.
fn without_results(xlsx: &[u8]) -> Vec<u8> {
    use std::io::{Read as _, Write as _};
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let name = file.name().unwrap().into_owned();
        let mut text = Vec::new();
        file.read_to_end(&mut text).unwrap();
        if name.starts_with("xl/worksheets/") {
            let xml = String::from_utf8(text).unwrap();
            let cut = cut_results(&xml);
            assert_ne!(cut, xml, "a result to take out");
            text = cut.into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
        out.write_all(&text).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// `</f><v>…</v>` → `</f>`.
fn cut_results(xml: &str) -> String {
    let mut out = String::new();
    let mut rest = xml;
    while let Some(at) = rest.find("</f><v>") {
        out.push_str(&rest[..at + 4]);
        let after = &rest[at + 4..];
        let end = after.find("</v>").unwrap() + 4;
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

#[test]
fn rows_that_are_no_metric_are_warned_of_twenty_at_most() {
    let mut text = String::from("指标,本期完成\n产业帮扶覆盖脱贫户,353\n");
    for i in 0..30 {
        text.push_str(&format!("张{i},1\n"));
    }
    let r = read_bytes("a.csv", text.into_bytes()).unwrap();
    assert_eq!(figures(&r, "households"), [None, Some(353.0), None, None]);
    assert_eq!(r.warnings.len(), 21, "{:?}", r.warnings);
    assert!(r.warnings[20].to_string().contains("另有 10 行数据不是简报收集的指标"), "{}", r.warnings[20]);
}

#[test]
fn a_period_written_as_the_first_of_its_month_is_that_month() {
    for period in ["2026/10/1", "2026-10-01", "Oct-26", "2026年10月"] {
        let text = format!("报送期间,{period}\n指标,本期完成\n产业帮扶覆盖脱贫户,353\n");
        let r = read_bytes("a.csv", text.into_bytes()).unwrap();
        assert_eq!(r.doc.period.map(|p| p.to_string()).as_deref(), Some("2026-10"), "{period}");
    }
    // Another day is that day, not the month.
    let r = read_bytes("a.csv", "报送期间,2026/10/5\n指标,本期完成\n产业帮扶覆盖脱贫户,353\n".into()).unwrap();
    assert_eq!(r.doc.period.map(|p| p.to_string()).as_deref(), Some("2026-10-05"));
}

#[test]
fn an_empty_file_and_a_csv_under_a_workbook_name_are_told() {
    let err = read_bytes("units/a.xlsx", Vec::new()).unwrap_err().to_string();
    assert!(err.starts_with("units/a.xlsx") && err.contains("是空文件"), "{err}");
    let csv = "填报单位,黄岗镇\n指标,本期完成\n产业帮扶覆盖脱贫户,353\n";
    let (gbk, _, _) = encoding_rs::GBK.encode(csv);
    let r = read_bytes("units/a.xls", gbk.into_owned()).unwrap();
    assert_eq!(figures(&r, "households"), [None, Some(353.0), None, None]);
    assert!(r.warnings[0].to_string().contains("实为以工作簿扩展名保存的 CSV 文本"), "{:?}", r.warnings);
}

#[test]
fn a_table_that_goes_on_past_the_rows_read_is_told() {
    let mut text = String::from("填报单位,黄岗镇\n指标,本期完成\n产业帮扶覆盖脱贫户,353\n");
    text.push_str(&"\n".repeat(2100));
    text.push_str("衔接资金拨付,3560000\n");
    let r = read_bytes("a.csv", text.clone().into_bytes()).unwrap();
    assert!(r.warnings.iter().any(|w| w.to_string().contains("工作表超出前 2000 行")), "{:?}", r.warnings);
    // A table below them: no header row, and why; the unit is still named.
    let below = format!("填报单位,黄岗镇\n{}指标,本期完成\n产业帮扶覆盖脱贫户,353\n", "\n".repeat(2100));
    let err = read_bytes("a.csv", below.clone().into_bytes()).unwrap_err().diagnostic().to_plain_text();
    assert!(err.contains("没有哪张工作表") && err.contains("超出前 2000 行"), "{err}");
    assert_eq!(unit_named(&PathBuf::from("a.csv"), below.into_bytes(), Lang::Zh).as_deref(), Some("黄岗镇"));
}

/// Of two columns that could hold the figure, the one headed by the
/// column's own word is read (累计完成, not 本月完成); two headed alike are
/// refused, naming both (the unit's September and October columns).
#[test]
fn two_columns_that_could_hold_the_figure() {
    let text = "指标,本月完成,累计完成,上月累计\n产业帮扶覆盖脱贫户,30,350,320\n";
    let r = read_bytes("a.csv", text.as_bytes().to_vec()).unwrap();
    assert_eq!(figures(&r, "households"), [None, Some(350.0), Some(320.0), None]);
    for text in [
        "指标,1-9月累计完成,1-10月累计完成\n产业帮扶覆盖脱贫户,320,350\n",
        "指标,当月完成,本年累计完成\n产业帮扶覆盖脱贫户,30,350\n",
    ] {
        let err = read_bytes("a.csv", text.as_bytes().to_vec()).unwrap_err().to_string();
        assert!(err.contains("B1") && err.contains("C1") && err.contains("都可能是“本期完成”列"), "{err}");
    }
}

/// A fraction typed into a plain .xlsx cell of a `%` metric, beside
/// figures above 1.5, is its percentage, with a warning, as in a CSV.
#[test]
fn a_fraction_in_a_plain_xlsx_cell_is_read_as_its_percentage() {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in ["指标", "目标", "本期完成", "上期"].iter().enumerate() {
        sheet.write(0, u16::try_from(c).unwrap(), *h).unwrap();
    }
    sheet.write(1, 0, "生活污水治理率").unwrap();
    sheet.write(1, 1, 60).unwrap();
    sheet.write(1, 2, 0.585).unwrap();
    sheet.write(1, 3, 55).unwrap();
    let r = read_bytes("a.xlsx", book.save_to_buffer().unwrap()).unwrap();
    assert_eq!(figures(&r, "sewage"), [Some(60.0), Some(58.5), Some(55.0), None]);
    assert!(r.warnings.iter().any(|w| w.to_string().contains("C2单元格：0.585 按 58.5% 读取")), "{:?}", r.warnings);
}

/// A form sent back with no figure of the unit's (only the targets the
/// office wrote in) is refused, not rolled up as a return of dashes.
#[test]
fn a_form_sent_back_blank_is_refused() {
    let err = read_bytes("a.csv", "指标,年度目标,本期完成\n产业帮扶覆盖脱贫户,300,\n".into()).unwrap_err().to_string();
    assert!(err.contains("各项指标的“本期完成”均未填写"), "{err}");
    assert!(read_bytes("a.csv", "指标,年度目标,本期完成\n产业帮扶覆盖脱贫户,300,0\n".into()).is_ok());
}

/// A Word document under a workbook's name is told as one.
#[test]
fn a_word_document_named_as_a_workbook_is_told() {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file("word/document.xml", zip::write::SimpleFileOptions::default()).unwrap();
    std::io::Write::write_all(&mut zip, b"<w:document/>").unwrap();
    let bytes = zip.finish().unwrap().into_inner();
    let err = read_bytes("a.xlsx", bytes).unwrap_err().to_string();
    assert!(err.contains("实为Word文档，不是Excel（.xlsx）格式的工作簿"), "{err}");
}
