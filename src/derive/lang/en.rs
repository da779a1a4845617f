//! The English words.

use chrono::NaiveDate;

use super::{Label, Language, Quantity, Since, trim_zeros};
use crate::data::{Better, Due, Period, PeriodKind};
use crate::derive::format::en;
use crate::derive::metric::{MetricFigures, is_percent, is_yuan};

/// English.
pub(super) struct English;

impl Language for English {
    fn number(&self, x: f64, decimals: usize) -> String {
        en::number(x, decimals)
    }

    fn amount_yuan(&self, yuan: f64) -> String {
        en::amount_yuan(yuan)
    }

    fn percent(&self, ratio: f64) -> String {
        en::percent(ratio)
    }

    fn points(&self, delta: f64) -> String {
        en::points(delta)
    }

    fn date(&self, date: NaiveDate) -> String {
        en::date(date)
    }

    fn period(&self, period: &Period) -> String {
        en::period(period)
    }

    fn due(&self, due: &Due) -> String {
        en::due(due)
    }

    fn households_people(&self, households: f64, people: f64) -> String {
        en::households_people(households, people)
    }

    fn quantity(&self, unit: &str, value: f64) -> String {
        let digits = if value.fract() == 0.0 { 0 } else { 2 };
        if is_yuan(unit) {
            en::amount_yuan(value)
        } else if is_percent(unit) {
            format!("{}%", trim_zeros(en::number(value, digits)))
        } else if unit.trim().is_empty() {
            trim_zeros(en::number(value, digits))
        } else {
            format!("{} {}", trim_zeros(en::number(value, digits)), unit.trim())
        }
    }

    fn change(&self, since: Since, kind: Quantity, delta: f64, ratio: Option<f64>, unit: &str) -> String {
        let since = match since {
            Since::Previous => "on the previous period",
            Since::LastYear => "year on year",
        };
        format!("{} {since}", self.change_figure(kind, delta, ratio, unit))
    }

    fn change_figure(&self, kind: Quantity, delta: f64, ratio: Option<f64>, _unit: &str) -> String {
        match kind {
            Quantity::Percent => en::points(delta / 100.0),
            Quantity::Yuan => amount_change(delta, ratio),
            Quantity::Count => en::change(delta, ratio),
        }
    }

    fn table_header(&self, previous: Option<PeriodKind>) -> [&'static str; 7] {
        let previous = match previous {
            Some(PeriodKind::Month) => "On previous month",
            Some(PeriodKind::Quarter) => "On previous quarter",
            Some(PeriodKind::Half) => "On previous half-year",
            Some(PeriodKind::Year) => "On previous year",
            Some(PeriodKind::Day) => "On previous day",
            Some(PeriodKind::Range) | None => "On previous period",
        };
        ["Indicator", "Unit", "Target", "Actual", "Rate", previous, "Year on year"]
    }

    fn figures_title(&self) -> &'static str {
        "Targets and results"
    }

    fn printed_on(&self, date: NaiveDate) -> String {
        format!("Printed {}", self.date(date))
    }

    fn sentence(&self, figures: &MetricFigures) -> String {
        sentence(figures)
    }

    fn mean_of(&self, label: &str, units: usize) -> String {
        format!("{label} (mean of {units} units)")
    }

    fn outside_rate(&self, names: &[String]) -> String {
        let names = match names {
            [one] => one.clone(),
            [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
            [] => String::new(),
        };
        format!(
            "; the rate leaves out {names}, which {} only a target or only an actual figure",
            if names.contains(" and ") { "give" } else { "gives" }
        )
    }

    fn rate_over(&self, reported: usize, assigned: usize, target: &str, mean: bool) -> String {
        let how = if mean { "average" } else { "total" };
        format!(
            "; the targets assigned to the {assigned} units {how} {target}, and the rate is over the {reported} that reported both figures"
        )
    }

    fn disagreeing_unit(&self, place: &str, stated: &str, expected: &str) -> String {
        let expected = if expected.is_empty() { "no unit".to_owned() } else { format!("\"{expected}\"") };
        let place = if place.is_empty() { String::new() } else { format!("{place}: ") };
        format!("{place}counted in \"{stated}\", not {expected} as the bulletin counts it")
    }

    fn disagreeing_better(&self, place: &str) -> String {
        let place = if place.is_empty() { String::new() } else { format!("{place}: ") };
        format!("{place}says lower is better, unlike the bulletin")
    }

    fn total_row(&self) -> &'static str {
        "Total"
    }

    fn issue(&self, n: u32) -> String {
        format!("No. {n}")
    }

    fn total_issue(&self, n: u32) -> String {
        format!("Total No. {n}")
    }

    fn issue_line(&self, issue: u32, total: Option<u32>) -> String {
        match total {
            Some(total) => format!("Issue {} ({})", self.issue(issue), self.total_issue(total)),
            None => format!("Issue {}", self.issue(issue)),
        }
    }

    fn compiled_by(&self, organization: &str) -> String {
        if organization.starts_with("The ") || organization.starts_with("the ") || !organization.contains(" of ") {
            format!("Compiled by {organization}")
        } else {
            format!("Compiled by the {organization}")
        }
    }

    fn copies(&self, n: u32) -> String {
        format!("{n} copies")
    }

    fn label(&self, label: Label) -> &'static str {
        match label {
            Label::Attachment => "Attachment",
            Label::Attachments => "Attachments",
            Label::Draft => "DRAFT",
            Label::ReportTo => "Reported to",
            Label::SendTo => "Sent to",
            Label::IssueTo => "Issued to",
            Label::To => "To",
            Label::Signer => "Signed off by",
            Label::CopyTo => "Copy to",
        }
    }

    fn colon(&self) -> &'static str {
        ":"
    }

    fn list_separator(&self) -> &'static str {
        ", "
    }

    fn style_chars(&self) -> &'static str {
        "•‣–:,"
    }
}

/// "up 4.93 million yuan (18.9%)".
fn amount_change(delta: f64, ratio: Option<f64>) -> String {
    let amount = en::amount_yuan(delta.abs());
    if en::change(delta, None) == "unchanged" {
        return "unchanged".into();
    }
    let word = if delta > 0.0 { "up" } else { "down" };
    match ratio.filter(|r| r.is_finite()) {
        Some(r) => format!("{word} {amount} ({})", en::percent(r.abs())),
        None => format!("{word} {amount}"),
    }
}

/// "21,000 people lifted out of poverty, 74.5% of the target of 28,174, up
/// 6,000 (40.0%) on the previous period".
fn sentence(f: &MetricFigures) -> String {
    let m = &f.metric;
    let label = m.label.as_str().trim();
    let unit = m.unit.trim();
    let mut s = match (&f.actual_text, m.actual) {
        (Some(text), Some(actual)) => {
            let first_word = label.split_whitespace().next().unwrap_or("");
            if !unit.is_empty() && first_word.eq_ignore_ascii_case(unit) && !is_yuan(unit) && !is_percent(unit) {
                // "People lifted out of poverty" + unit "people": "21,000 people lifted out of poverty".
                let rest = &label[first_word.len()..];
                format!("{} {}{rest}", trim_zeros(en::number(actual.0, 2)), first_word.to_lowercase())
            } else {
                format!("{label}: {text}")
            }
        }
        _ => format!("{label}: no figure reported"),
    };
    match (&f.rate_text, m.target, &f.target_text) {
        // Where less is better, the share of the target says nothing.
        (_, Some(_), Some(target)) if m.better == Better::Lower && m.actual.is_some() => {
            let word = if f.met == Some(true) { "within" } else { "above" };
            s.push_str(&format!(", {word} the target of {target}"));
        }
        (Some(rate), _, Some(target)) => s.push_str(&format!(", {rate} of the target of {}", strip_unit(target, unit))),
        (None, Some(t), _) if t.0 == 0.0 => s.push_str(" (the target is 0)"),
        (None, Some(_), Some(target)) => s.push_str(&format!(" (target: {target})")),
        _ => {}
    }
    for change in [&f.vs_previous, &f.vs_last_year].into_iter().flatten() {
        s.push_str(", ");
        s.push_str(&change.text);
    }
    s
}

/// The target repeats the unit only when it is not already clear.
fn strip_unit(target: &str, unit: &str) -> String {
    if unit.is_empty() || is_yuan(unit) || is_percent(unit) {
        target.to_owned()
    } else {
        target.strip_suffix(&format!(" {unit}")).unwrap_or(target).to_owned()
    }
}
