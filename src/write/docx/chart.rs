//! Charts in Word: a native bar or column chart (DrawingML `c:chartSpace`),
//! which Word, WPS and LibreOffice draw and Word lets the writer restyle,
//! with its figures in an embedded workbook (`word/embeddings/…xlsx`) that
//! Word's "Edit Data" opens: the series refer to its cells (`c:strRef`,
//! `c:numRef` with `c:f` formulas) and cache their values. Cheap to write:
//! a few kilobytes of XML and a small workbook, no picture rendered.

use std::fmt::Write as _;

use super::xml::escape;
use crate::data::chart::Chart;

/// The chart part (`word/charts/chartN.xml`) of a chart block: its data
/// in cells of its workbook (relationship `rId1` of the part) if `sheet`,
/// as literal data otherwise.
pub fn part(chart: &Chart, zh: bool, sheet: bool) -> String {
    // Word's chart has one value axis: a chart whose labels each have a
    // scale of their own (target against actual of figures in different
    // units) is drawn as the PDF draws it, each label's bars as a share of
    // its largest, labelled with the figures, without the axis.
    let row_scale = by_row(chart);
    let scaled = row_scale.then(|| scaled_by_row(chart));
    let chart = scaled.as_ref().unwrap_or(chart);
    let sheet = sheet && !row_scale;
    let mut out = String::with_capacity(4096);
    out.push_str(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#);
    out.push_str(r#"<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><c:roundedCorners val="0"/><c:chart>"#);
    let title = match (&chart.title, &chart.unit) {
        (Some(t), Some(u)) if zh => Some(format!("{t}（{u}）")),
        (Some(t), Some(u)) => Some(format!("{t} ({u})")),
        (Some(t), None) => Some(t.clone()),
        (None, Some(u)) => Some(u.clone()),
        (None, None) => None,
    };
    let east_asia = if zh { "仿宋_GB2312" } else { "SimSun" };
    let font = |size: u32, bold: bool| {
        format!(
            "<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz=\"{size}\" b=\"{}\"><a:latin typeface=\"Times New Roman\"/><a:ea typeface=\"{east_asia}\"/></a:defRPr></a:pPr><a:endParaRPr lang=\"zh-CN\"/></a:p></c:txPr>",
            u8::from(bold)
        )
    };
    match &title {
        Some(t) => {
            let _ = write!(
                out,
                "<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz=\"1400\" b=\"1\"/></a:pPr><a:r><a:rPr lang=\"{}\" sz=\"1400\" b=\"1\"><a:latin typeface=\"Times New Roman\"/><a:ea typeface=\"{east_asia}\"/></a:rPr><a:t>{}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val=\"0\"/></c:title><c:autoTitleDeleted val=\"0\"/>",
                if zh { "zh-CN" } else { "en-US" },
                escape(t)
            );
        }
        None => out.push_str("<c:autoTitleDeleted val=\"1\"/>"),
    }
    let dir = if chart.kind == "column" { "col" } else { "bar" };
    let _ = write!(
        out,
        "<c:plotArea><c:layout/><c:barChart><c:barDir val=\"{dir}\"/><c:grouping val=\"clustered\"/><c:varyColors val=\"0\"/>"
    );
    let n = chart.labels.len();
    for (i, s) in chart.series.iter().enumerate() {
        let color = COLORS[i % COLORS.len()];
        let col = column(i + 1);
        let name = escape(&s.name);
        let tx = if sheet {
            format!(
                "<c:strRef><c:f>Sheet1!${col}$1</c:f><c:strCache><c:ptCount val=\"1\"/><c:pt idx=\"0\"><c:v>{name}</c:v></c:pt></c:strCache></c:strRef>"
            )
        } else {
            format!("<c:v>{name}</c:v>")
        };
        let _ = write!(
            out,
            "<c:ser><c:idx val=\"{i}\"/><c:order val=\"{i}\"/><c:tx>{tx}</c:tx><c:spPr><a:solidFill><a:srgbClr val=\"{color}\"/></a:solidFill></c:spPr><c:invertIfNegative val=\"0\"/>"
        );
        // Value labels: the series' own texts where it gives them.
        out.push_str("<c:dLbls>");
        if let Some(texts) = &s.texts {
            for (j, text) in texts.iter().enumerate() {
                let _ = write!(
                    out,
                    "<c:dLbl><c:idx val=\"{j}\"/><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>{}</a:t></a:r></a:p></c:rich></c:tx><c:showLegendKey val=\"0\"/><c:showVal val=\"1\"/><c:showCatName val=\"0\"/><c:showSerName val=\"0\"/><c:showPercent val=\"0\"/><c:showBubbleSize val=\"0\"/></c:dLbl>",
                    escape(text)
                );
            }
        }
        let _ = write!(
            out,
            "{}<c:showLegendKey val=\"0\"/><c:showVal val=\"1\"/><c:showCatName val=\"0\"/><c:showSerName val=\"0\"/><c:showPercent val=\"0\"/><c:showBubbleSize val=\"0\"/></c:dLbls>",
            font(900, false)
        );
        // Rows 2 to n + 1 of the sheet: labels in A, this series in its column.
        let last = n + 1;
        if sheet {
            let _ =
                write!(out, "<c:cat><c:strRef><c:f>Sheet1!$A$2:$A${last}</c:f><c:strCache><c:ptCount val=\"{n}\"/>");
        } else {
            let _ = write!(out, "<c:cat><c:strLit><c:ptCount val=\"{n}\"/>");
        }
        for (j, label) in chart.labels.iter().enumerate() {
            let _ = write!(out, "<c:pt idx=\"{j}\"><c:v>{}</c:v></c:pt>", escape(label));
        }
        if sheet {
            let _ = write!(
                out,
                "</c:strCache></c:strRef></c:cat><c:val><c:numRef><c:f>Sheet1!${col}$2:${col}${last}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val=\"{n}\"/>"
            );
        } else {
            let _ = write!(
                out,
                "</c:strLit></c:cat><c:val><c:numLit><c:formatCode>General</c:formatCode><c:ptCount val=\"{n}\"/>"
            );
        }
        for (j, v) in s.values.iter().enumerate() {
            if let Some(v) = v {
                let _ = write!(out, "<c:pt idx=\"{j}\"><c:v>{v}</c:v></c:pt>");
            }
        }
        out.push_str(if sheet { "</c:numCache></c:numRef></c:val></c:ser>" } else { "</c:numLit></c:val></c:ser>" });
    }
    // Categories top to bottom in a bar chart, as the PDF lists them.
    let reverse = if dir == "bar" { "maxMin" } else { "minMax" };
    let _ = write!(
        out,
        "<c:gapWidth val=\"60\"/><c:axId val=\"1001\"/><c:axId val=\"1002\"/></c:barChart><c:catAx><c:axId val=\"1001\"/><c:scaling><c:orientation val=\"{reverse}\"/></c:scaling><c:delete val=\"0\"/><c:axPos val=\"{}\"/><c:numFmt formatCode=\"General\" sourceLinked=\"0\"/><c:majorTickMark val=\"none\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"low\"/>{}<c:crossAx val=\"1002\"/><c:crosses val=\"autoZero\"/><c:auto val=\"1\"/><c:lblAlgn val=\"ctr\"/><c:lblOffset val=\"100\"/><c:noMultiLvlLbl val=\"0\"/></c:catAx><c:valAx><c:axId val=\"1002\"/><c:scaling><c:orientation val=\"minMax\"/></c:scaling><c:delete val=\"{}\"/><c:axPos val=\"{}\"/>{}<c:numFmt formatCode=\"General\" sourceLinked=\"0\"/><c:majorTickMark val=\"none\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/>{}<c:crossAx val=\"1001\"/><c:crosses val=\"{}\"/><c:crossBetween val=\"between\"/></c:valAx></c:plotArea>",
        if dir == "bar" { "l" } else { "b" },
        font(1000, false),
        if row_scale { "1" } else { "0" },
        if dir == "bar" { "b" } else { "l" },
        if row_scale { String::new() } else { GRIDLINES.to_owned() },
        font(900, false),
        if dir == "bar" { "max" } else { "autoZero" },
    );
    if chart.series.len() > 1 {
        let _ = write!(out, "<c:legend><c:legendPos val=\"b\"/><c:overlay val=\"0\"/>{}</c:legend>", font(1000, false));
    }
    out.push_str("<c:plotVisOnly val=\"1\"/><c:dispBlanksAs val=\"gap\"/></c:chart>");
    // CT_ChartSpace: externalData after the chart (and its spPr, txPr).
    if sheet {
        out.push_str("<c:externalData r:id=\"rId1\"><c:autoUpdate val=\"0\"/></c:externalData>");
    }
    out.push_str("</c:chartSpace>");
    out
}

/// The value axis's gridlines.
const GRIDLINES: &str = "<c:majorGridlines><c:spPr><a:ln w=\"3175\"><a:solidFill><a:srgbClr val=\"D9D9D9\"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>";

/// Whether each label's bars are on a scale of their own (`scale: row`).
pub fn by_row(chart: &Chart) -> bool {
    chart.scale.as_deref() == Some("row")
}

/// The chart with each label's values as a share (in %) of that label's
/// largest value, so that bars of figures in different units compare
/// within their label; the texts stay the figures.
fn scaled_by_row(chart: &Chart) -> Chart {
    let mut scaled = chart.clone();
    for j in 0..chart.labels.len() {
        let largest =
            chart.series.iter().filter_map(|s| s.values.get(j).copied().flatten()).fold(0.0_f64, |m, v| m.max(v.abs()));
        for s in &mut scaled.series {
            if let Some(Some(v)) = s.values.get_mut(j) {
                *v = if largest > 0.0 { (*v / largest * 1000.0).round() / 10.0 } else { 0.0 };
            }
        }
    }
    scaled
}

/// The chart part's relationships: its workbook.
pub fn rels(n: usize) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/package\" Target=\"../embeddings/Microsoft_Excel_Worksheet{n}.xlsx\"/></Relationships>"
    )
}

/// The chart's workbook, as Word's "Edit Data" opens it: on Sheet1 the
/// labels in column A from row 2, each series' name in row 1 and its values
/// under it (a missing figure an empty cell). `created` (seconds since
/// 1970; `SOURCE_DATE_EPOCH`) fixes its creation date, so the same chart
/// gives the same bytes.
pub fn workbook(chart: &Chart, created: Option<i64>) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook};
    let mut book = Workbook::new();
    let properties = DocProperties::new();
    book.set_properties(&match created {
        Some(seconds) => properties.set_creation_datetime(&ExcelDateTime::from_timestamp(seconds)?),
        None => properties,
    });
    // A few kilobytes of XML: the fastest deflate takes a third less time
    // than the default for a kilobyte more.
    book.set_zip_compression_level(1);
    let sheet = book.add_worksheet();
    sheet.set_name("Sheet1")?;
    for (j, label) in chart.labels.iter().enumerate() {
        sheet.write_string(row(j + 1)?, 0, label)?;
    }
    for (i, s) in chart.series.iter().enumerate() {
        let col = u16::try_from(i + 1).map_err(|_| rust_xlsxwriter::XlsxError::RowColumnLimitError)?;
        sheet.write_string(0, col, &s.name)?;
        for (j, v) in s.values.iter().enumerate() {
            if let Some(v) = v {
                sheet.write_number(row(j + 1)?, col, *v)?;
            }
        }
    }
    sheet.set_column_width(0, 16)?;
    book.save_to_buffer()
}

fn row(j: usize) -> Result<u32, rust_xlsxwriter::XlsxError> {
    u32::try_from(j).map_err(|_| rust_xlsxwriter::XlsxError::RowColumnLimitError)
}

/// A column's letters (0 is A).
fn column(i: usize) -> String {
    let mut out = Vec::new();
    let mut n = i + 1;
    while n > 0 {
        let d = u8::try_from((n - 1) % 26).unwrap_or(0);
        out.push(char::from(b'A' + d));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

/// The series colours: dark and light, as the PDF's.
const COLORS: [&str; 6] = ["4472C4", "A5A5A5", "ED7D31", "70AD47", "FFC000", "5B9BD5"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chart_on_a_scale_per_label_draws_shares_of_each_label() {
        let chart = Chart::parse("scale: row\nlabels: [户厕, 资金]\nseries:\n  - {name: 目标, values: [5000, 38000000], texts: ['5000户', '3800万元']}\n  - {name: 完成, values: [4120, 29600000], texts: ['4120户', '2960万元']}\n").unwrap();
        let xml = part(&chart, true, true);
        // Each label's largest is 100; the figures are the labels' texts.
        for v in ["<c:v>100</c:v>", "<c:v>82.4</c:v>", "<c:v>77.9</c:v>"] {
            assert!(xml.contains(v), "{v}: {xml}");
        }
        assert!(xml.contains("<a:t>2960万元</a:t>") && !xml.contains("38000000"));
        // No value axis, no gridlines, no workbook of shares.
        assert!(xml.contains(
            "<c:valAx><c:axId val=\"1002\"/><c:scaling><c:orientation val=\"minMax\"/></c:scaling><c:delete val=\"1\"/>"
        ));
        assert!(!xml.contains("majorGridlines") && !xml.contains("c:externalData"));
    }

    #[test]
    fn a_chart_part_holds_its_figures_as_literal_data() {
        let chart = Chart::parse("kind: column\ntitle: A & B\nunit: 户\nlabels: [甲, '<乙>']\nseries:\n  - {name: 目标, values: [10, 20]}\n  - {name: 完成, values: [8, null], texts: ['8户', '—']}\n").unwrap();
        let xml = part(&chart, true, false);
        assert!(xml.contains("<c:barDir val=\"col\"/>") && xml.contains("A &amp; B（户）"));
        assert!(xml.contains("<c:v>&lt;乙&gt;</c:v>") && !xml.contains("<c:v>8户</c:v>"));
        assert!(xml.contains("<a:t>8户</a:t>") && xml.contains("<c:pt idx=\"1\"><c:v>20</c:v></c:pt>"));
        assert_eq!(xml.matches("<c:ser>").count(), 2);
        assert!(!xml.contains("c:externalData") && !xml.contains("<c:f>"));
    }

    #[test]
    fn a_chart_with_its_workbook_refers_to_its_cells() {
        let chart = Chart::parse("labels: [甲, 乙, 丙]\nseries:\n  - {name: 目标, values: [10, 20, 30]}\n  - {name: 完成, values: [8, null, 2.5]}\n").unwrap();
        let xml = part(&chart, true, true);
        assert!(xml.contains(
            "<c:tx><c:strRef><c:f>Sheet1!$B$1</c:f><c:strCache><c:ptCount val=\"1\"/><c:pt idx=\"0\"><c:v>目标</c:v>"
        ));
        assert_eq!(xml.matches("<c:cat><c:strRef><c:f>Sheet1!$A$2:$A$4</c:f>").count(), 2);
        assert!(xml.contains("<c:numRef><c:f>Sheet1!$C$2:$C$4</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val=\"3\"/><c:pt idx=\"0\"><c:v>8</c:v></c:pt><c:pt idx=\"2\"><c:v>2.5</c:v></c:pt></c:numCache>"));
        assert!(xml.ends_with(
            "</c:chart><c:externalData r:id=\"rId1\"><c:autoUpdate val=\"0\"/></c:externalData></c:chartSpace>"
        ));
        assert_eq!((column(0), column(25), column(26), column(27)), ("A".into(), "Z".into(), "AA".into(), "AB".into()));
        let one = workbook(&chart, Some(1_700_000_000)).unwrap();
        assert_eq!(one, workbook(&chart, Some(1_700_000_000)).unwrap(), "same bytes with SOURCE_DATE_EPOCH");
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(one)).unwrap();
        let mut text = |name: &str| {
            let mut out = String::new();
            std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut out).unwrap();
            out
        };
        assert!(text("docProps/core.xml").contains("2023-11-14T22:13:20Z"));
        let sheet = text("xl/worksheets/sheet1.xml");
        assert!(sheet.contains("<c r=\"C4\"><v>2.5</v></c>") && !sheet.contains("r=\"C3\""), "{sheet}");
    }
}
