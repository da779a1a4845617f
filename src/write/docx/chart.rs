//! Charts in Word: a native bar or column chart (DrawingML `c:chartSpace`)
//! with its figures as literal data, which Word, WPS and LibreOffice draw
//! and Word lets the writer restyle. Cheap to write: a few kilobytes of XML,
//! no picture rendered.

use std::fmt::Write as _;

use super::xml::escape;
use crate::data::chart::Chart;

/// The chart part (`word/charts/chartN.xml`) of a chart block.
pub fn part(chart: &Chart, zh: bool) -> String {
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
        let _ = write!(
            out,
            "<c:ser><c:idx val=\"{i}\"/><c:order val=\"{i}\"/><c:tx><c:v>{}</c:v></c:tx><c:spPr><a:solidFill><a:srgbClr val=\"{color}\"/></a:solidFill></c:spPr><c:invertIfNegative val=\"0\"/>",
            escape(&s.name)
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
        let _ = write!(out, "<c:cat><c:strLit><c:ptCount val=\"{n}\"/>");
        for (j, label) in chart.labels.iter().enumerate() {
            let _ = write!(out, "<c:pt idx=\"{j}\"><c:v>{}</c:v></c:pt>", escape(label));
        }
        let _ = write!(
            out,
            "</c:strLit></c:cat><c:val><c:numLit><c:formatCode>General</c:formatCode><c:ptCount val=\"{n}\"/>"
        );
        for (j, v) in s.values.iter().enumerate() {
            if let Some(v) = v {
                let _ = write!(out, "<c:pt idx=\"{j}\"><c:v>{v}</c:v></c:pt>");
            }
        }
        out.push_str("</c:numLit></c:val></c:ser>");
    }
    // Categories top to bottom in a bar chart, as the PDF lists them.
    let reverse = if dir == "bar" { "maxMin" } else { "minMax" };
    let _ = write!(
        out,
        "<c:gapWidth val=\"60\"/><c:axId val=\"1001\"/><c:axId val=\"1002\"/></c:barChart><c:catAx><c:axId val=\"1001\"/><c:scaling><c:orientation val=\"{reverse}\"/></c:scaling><c:delete val=\"0\"/><c:axPos val=\"{}\"/><c:numFmt formatCode=\"General\" sourceLinked=\"0\"/><c:majorTickMark val=\"none\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"low\"/>{}<c:crossAx val=\"1002\"/><c:crosses val=\"autoZero\"/><c:auto val=\"1\"/><c:lblAlgn val=\"ctr\"/><c:lblOffset val=\"100\"/><c:noMultiLvlLbl val=\"0\"/></c:catAx><c:valAx><c:axId val=\"1002\"/><c:scaling><c:orientation val=\"minMax\"/></c:scaling><c:delete val=\"0\"/><c:axPos val=\"{}\"/><c:majorGridlines><c:spPr><a:ln w=\"3175\"><a:solidFill><a:srgbClr val=\"D9D9D9\"/></a:solidFill></a:ln></c:spPr></c:majorGridlines><c:numFmt formatCode=\"General\" sourceLinked=\"0\"/><c:majorTickMark val=\"none\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/>{}<c:crossAx val=\"1001\"/><c:crosses val=\"{}\"/><c:crossBetween val=\"between\"/></c:valAx></c:plotArea>",
        if dir == "bar" { "l" } else { "b" },
        font(1000, false),
        if dir == "bar" { "b" } else { "l" },
        font(900, false),
        if dir == "bar" { "max" } else { "autoZero" },
    );
    if chart.series.len() > 1 {
        let _ = write!(out, "<c:legend><c:legendPos val=\"b\"/><c:overlay val=\"0\"/>{}</c:legend>", font(1000, false));
    }
    out.push_str("<c:plotVisOnly val=\"1\"/><c:dispBlanksAs val=\"gap\"/></c:chart></c:chartSpace>");
    out
}

/// The series colours: dark and light, as the PDF's.
const COLORS: [&str; 6] = ["4472C4", "A5A5A5", "ED7D31", "70AD47", "FFC000", "5B9BD5"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chart_part_holds_its_figures_as_literal_data() {
        let chart = Chart::parse("kind: column\ntitle: A & B\nunit: 户\nlabels: [甲, '<乙>']\nseries:\n  - {name: 目标, values: [10, 20]}\n  - {name: 完成, values: [8, null], texts: ['8户', '—']}\n").unwrap();
        let xml = part(&chart, true);
        assert!(xml.contains("<c:barDir val=\"col\"/>") && xml.contains("A &amp; B（户）"));
        assert!(xml.contains("<c:v>&lt;乙&gt;</c:v>") && !xml.contains("<c:v>8户</c:v>"));
        assert!(xml.contains("<a:t>8户</a:t>") && xml.contains("<c:pt idx=\"1\"><c:v>20</c:v></c:pt>"));
        assert_eq!(xml.matches("<c:ser>").count(), 2);
    }
}
