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
    let err = read_bytes("x.xlsx", b"not a zip".to_vec()).unwrap_err().to_string();
    assert!(err.contains("无法作为Excel（.xlsx）格式的电子表格读取"), "{err}");
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
