//! The table of a document's figures that an attachment page holds
//! (`attachments: [{title, table: metrics}]`): every metric with its unit,
//! target, actual figure, completion rate, the change on the previous
//! period (headed in the period's word: 较上月, 较上季度…) and on the same
//! period last year. Written as Markdown, from the same texts as the
//! body's sentences, so the table and the body cannot disagree.

use crate::base::markdown::escape::markdown;
use crate::data::{Lang, Period, PeriodKind};
use crate::derive::lang::Basis;
use crate::derive::lang::language;
use crate::derive::metric::MetricFigures;

/// The figures' table as a Markdown table.
pub fn metrics_table(metrics: &[MetricFigures], lang: Lang, period: Option<&Period>) -> String {
    let words = language(lang);
    let header = words.table_header(Basis::of(period));
    // A year's change on the previous period is its change on last year:
    // one column, of `last_year` where given, as the sentences say it.
    let yearly = period.map(Period::kind) == Some(PeriodKind::Year);
    let columns = if yearly { 6 } else { 7 };
    let missing = "—";
    let mut out = String::new();
    out.push_str(&row(header.iter().take(columns).map(|h| markdown(h))));
    out.push_str(if yearly { "|:---|:---:|---:|---:|---:|---:|\n" } else { "|:---|:---:|---:|---:|---:|---:|---:|\n" });
    for m in metrics {
        let (target, actual) = (m.target_text.as_deref(), m.actual_text.as_deref());
        // The unit goes in its own column when both figures end with it
        // (21000人 → 21000 | 人; 3220万元 → 3220 | 万元); otherwise the
        // figures keep theirs.
        let (t, a) = (target.map(split_unit), actual.map(split_unit));
        // ("1 accident" and "3 accidents" are one unit.)
        let one = |u1: &str, u2: &str| {
            u1 == u2 || crate::derive::format::en::singular(u1) == crate::derive::format::en::singular(u2)
        };
        let unit = match (t, a) {
            (Some((_, u1)), Some((_, u2))) if one(u1, u2) => Some(if u1.len() >= u2.len() { u1 } else { u2 }),
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
        let changes = if yearly {
            vec![markdown(&change(if m.vs_last_year.is_some() { &m.vs_last_year } else { &m.vs_previous }))]
        } else {
            vec![markdown(&change(&m.vs_previous)), markdown(&change(&m.vs_last_year))]
        };
        out.push_str(&row([
            markdown(m.metric.label.as_str().trim()),
            if unit_cell.is_empty() { missing.to_owned() } else { markdown(&unit_cell) },
            markdown(&cell(target, t)),
            markdown(&cell(actual, a)),
            // A level (a rate in %) or a ceiling has no share of its
            // target to complete: the sentence says how it stands.
            markdown(m.rate_text.as_deref().filter(|_| completes(m)).unwrap_or(missing)),
        ]
        .into_iter()
        .chain(changes)));
    }
    out
}

/// Whether a metric's figure is a share of its target to complete: a
/// count or an amount where more is better.
fn completes(m: &MetricFigures) -> bool {
    m.metric.better == crate::data::Better::Higher && !crate::derive::metric::is_percent(&m.metric.unit)
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

    /// A count or amount shows its share of the target; a level in % and a
    /// ceiling do not (0 incidents is no "0%" done).
    #[test]
    fn only_what_is_completed_has_a_rate() {
        use crate::data::{Better, Id, Metric, Number, Text};
        let metric = |unit: &str, better: Better, target: f64, actual: f64| Metric {
            id: Id("m".into()),
            label: Text("M".into()),
            unit: unit.into(),
            target: Some(Number(target)),
            actual: Some(Number(actual)),
            previous: None,
            last_year: None,
            better,
        };
        let cx = crate::derive::figures::Context { lang: Lang::Zh, schedule: None, period: None };
        let rates: Vec<String> = [
            metric("户", Better::Higher, 200.0, 150.0),
            metric("%", Better::Higher, 40.0, 36.5),
            metric("起", Better::Lower, 5.0, 2.0),
        ]
        .iter()
        .map(|m| {
            let table = metrics_table(&[crate::derive::figures::metric_figures(m, &cx)], Lang::Zh, None);
            table.lines().nth(2).unwrap().trim_end_matches(" |").rsplit(" | ").nth(2).unwrap().to_owned()
        })
        .collect();
        assert_eq!(rates, ["75%", "—", "—"]);
    }

    /// A year's table has one change column, on last year's figure, as its
    /// sentences say it.
    #[test]
    fn a_years_table_has_one_change_on_last_year() {
        use crate::data::{Better, Id, Metric, Number, Period, Text};
        let m = Metric {
            id: Id("m".into()),
            label: Text("村集体经济收入".into()),
            unit: "元".into(),
            target: Some(Number(200_000.0)),
            actual: Some(Number(215_000.0)),
            previous: Some(Number(150_000.0)),
            last_year: Some(Number(126_000.0)),
            better: Better::Higher,
        };
        let cx = crate::derive::figures::Context { lang: Lang::Zh, schedule: None, period: Period::parse("2026").ok() };
        let table = metrics_table(&[crate::derive::figures::metric_figures(&m, &cx)], Lang::Zh, cx.period.as_ref());
        let lines: Vec<&str> = table.lines().collect();
        assert_eq!(lines[0], "| 指标 | 单位 | 目标 | 完成 | 完成率 | 较上年 |", "{table}");
        assert!(lines[2].ends_with("| 增加8.9万元，增长70.6% |"), "{table}");
    }

    /// A half-year's change column is headed as its sentences say it: the
    /// first half's on last year's second half.
    #[test]
    fn a_half_years_column_names_the_half_before_it() {
        for (period, header) in [("2026-H1", "较上年下半年"), ("2026-H2", "较上半年")] {
            let period = Period::parse(period).ok();
            let table = metrics_table(&[], Lang::Zh, period.as_ref());
            assert!(table.lines().next().unwrap().contains(&format!("| {header} |")), "{table}");
        }
    }
}
