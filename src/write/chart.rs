//! Charts in the PDF: a checked [`Chart`] becomes a call of the style's
//! `zj-chart` with its data as Typst literals, so nothing in the block can
//! become code.

use crate::data::chart::Chart;
use crate::write::source::Data;
use crate::write::typst::breaks::breakable;
use crate::write::typst::escape::string_literal;

/// The Typst code of a chart block, or what is wrong with its data.
pub fn to_typst(yaml: &str) -> Result<String, crate::base::msg::Message> {
    Chart::parse(yaml).map(|chart| draw(&chart))
}

/// The Typst call that draws a checked chart.
pub fn draw(chart: &Chart) -> String {
    let number = |v: &Option<f64>| v.map_or_else(|| "none".to_owned(), |v| format!("{v:?}"));
    let mut series = String::from("(");
    for s in &chart.series {
        let values: Vec<String> = s.values.iter().map(number).collect();
        let texts = match &s.texts {
            Some(texts) => {
                let mut out = String::new();
                Data::texts(texts).write_inline(&mut out);
                out
            }
            None => "none".into(),
        };
        series.push_str(&format!(
            "(name: {}, values: ({},), texts: {texts}), ",
            string_literal(&breakable(&s.name)),
            values.join(", ")
        ));
    }
    series.push(')');
    let mut labels = String::new();
    Data::texts(&chart.labels).write_inline(&mut labels);
    format!(
        "#zj-chart(kind: {}, scale: {}, title: {}, unit: {}, labels: {labels}, series: {series})\n",
        string_literal(&chart.kind),
        string_literal(chart.scale.as_deref().unwrap_or("all")),
        chart.title.as_deref().map_or_else(|| "none".into(), |t| string_literal(&breakable(t))),
        chart.unit.as_deref().map_or_else(|| "none".into(), |u| string_literal(&breakable(u))),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chart_data_becomes_literals() {
        let code =
            to_typst("labels: ['#set text(red)', 'B\"']\nseries:\n  - {name: '$x$', values: [1, 2.5]}\n").unwrap();
        assert!(code.contains("\"#set text(red)\""), "{code}");
        let root = typst::syntax::parse(&code);
        assert!(!root.diagnosis().errors, "{code}");
    }
}
