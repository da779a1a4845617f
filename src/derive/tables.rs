//! The table of a document's figures that an attachment page holds
//! (`attachments: [{title, table: metrics}]`): every metric with its unit,
//! target, actual figure, completion rate, the change on the previous
//! period (headed in the period's word: 较上月, 较上季度…) and on the same
//! period last year. Written as Markdown, from the same texts as the
//! body's sentences, so the table and the body cannot disagree.

use crate::base::markdown::escape::markdown;
use crate::data::{Lang, PeriodKind};
use crate::derive::lang::language;
use crate::derive::metric::MetricFigures;

/// The figures' table as a Markdown table.
pub fn metrics_table(metrics: &[MetricFigures], lang: Lang, period: Option<PeriodKind>) -> String {
    let words = language(lang);
    let header = words.table_header(period);
    let missing = "—";
    let mut out = String::new();
    out.push_str(&row(header.iter().map(|h| markdown(h))));
    out.push_str("|:---|:---:|---:|---:|---:|---:|---:|\n");
    for m in metrics {
        let (target, actual) = (m.target_text.as_deref(), m.actual_text.as_deref());
        // The unit goes in its own column when both figures end with it
        // (21000人 → 21000 | 人; 3220万元 → 3220 | 万元); otherwise the
        // figures keep theirs.
        let (t, a) = (target.map(split_unit), actual.map(split_unit));
        let unit = match (t, a) {
            (Some((_, u1)), Some((_, u2))) if u1 == u2 => Some(u1),
            (Some((_, u)), None) | (None, Some((_, u))) => Some(u),
            _ => None,
        };
        let cell = |text: Option<&str>, parts: Option<(&str, &str)>| match (text, parts, unit) {
            (_, Some((n, _)), Some(_)) => n.to_owned(),
            (Some(text), _, _) => text.to_owned(),
            _ => missing.to_owned(),
        };
        let unit_cell = unit.map_or_else(|| m.metric.unit.trim().to_owned(), |u| u.trim().to_owned());
        let change =
            |c: &Option<crate::derive::metric::Change>| c.as_ref().map_or(missing.to_owned(), |c| c.figure.clone());
        out.push_str(&row([
            markdown(m.metric.label.as_str().trim()),
            if unit_cell.is_empty() { missing.to_owned() } else { markdown(&unit_cell) },
            markdown(&cell(target, t)),
            markdown(&cell(actual, a)),
            markdown(m.rate_text.as_deref().unwrap_or(missing)),
            markdown(&change(&m.vs_previous)),
            markdown(&change(&m.vs_last_year)),
        ]));
    }
    out
}

fn row(cells: impl IntoIterator<Item = String>) -> String {
    let mut out = String::from("|");
    for c in cells {
        out.push(' ');
        out.push_str(if c.is_empty() { "—" } else { &c });
        out.push_str(" |");
    }
    out.push('\n');
    out
}

/// A figure's number and its unit: "21000人" → ("21000", "人"),
/// "3220万元" → ("3220", "万元"), "74.5%" → ("74.5", "%"),
/// "21,000 people" → ("21,000", "people").
fn split_unit(text: &str) -> (&str, &str) {
    let end = text
        .char_indices()
        .find(|&(i, c)| !(c.is_ascii_digit() || matches!(c, ',' | '.' | '−' | '-') || (c == ' ' && i == 0)))
        .map_or(text.len(), |(i, _)| i);
    if end == 0 {
        return (text, "");
    }
    (text[..end].trim_end(), text[end..].trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_come_apart_from_figures() {
        assert_eq!(split_unit("21000人"), ("21000", "人"));
        assert_eq!(split_unit("3220万元"), ("3220", "万元"));
        assert_eq!(split_unit("74.5%"), ("74.5", "%"));
        assert_eq!(split_unit("21,000 people"), ("21,000", "people"));
        assert_eq!(split_unit("−3"), ("−3", ""));
        assert_eq!(split_unit("—"), ("—", ""));
    }
}
