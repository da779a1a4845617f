//! The English words.

use chrono::NaiveDate;

use super::{Basis, Label, Language, LeftOut, MoneyScale, Quantity, Since, Step, trim_zeros};
use crate::data::{Better, Due, Period};
use crate::derive::format::{MISSING, en, rounded};
use crate::derive::metric::{MetricFigures, Outcome, is_percent, is_yuan};

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
        // Counts and amounts come rounded to two decimals; a level may
        // need up to four (99.996%).
        let digits = crate::derive::format::decimals_of(value, 4);
        if is_yuan(unit) {
            en::amount_yuan(value)
        } else if is_percent(unit) {
            format!("{}%", trim_zeros(en::number(value, digits)))
        } else if unit.trim().is_empty() {
            trim_zeros(en::number(value, digits))
        } else {
            let number = trim_zeros(en::number(value, digits));
            let unit = if number == "1" { en::singular(unit) } else { unit.trim().to_owned() };
            format!("{number} {unit}")
        }
    }

    fn change(&self, since: Since, step: &Step) -> String {
        change_words(Some(since_words(since)), step)
    }

    fn change_figure(&self, _since: Since, step: &Step) -> String {
        change_words(None, step)
    }

    fn money(&self, amount: f64, exp: i32) -> String {
        en::money(amount, exp)
    }

    fn money_scales(&self) -> &'static [MoneyScale] {
        const SCALES: [MoneyScale; 4] = [
            MoneyScale { exp: 12, from: 1e12, whole_from: f64::INFINITY },
            MoneyScale { exp: 9, from: 1e9, whole_from: f64::INFINITY },
            MoneyScale { exp: 6, from: 1e6, whole_from: f64::INFINITY },
            MoneyScale { exp: 0, from: 0.0, whole_from: 0.0 },
        ];
        &SCALES
    }

    fn points_gap(&self, points: f64) -> String {
        let n = trim_zeros(en::number(points.abs(), crate::derive::format::decimals_of(points.abs(), 4).max(2)));
        if n == "1" { "1 percentage point".to_owned() } else { format!("{n} percentage points") }
    }

    fn schedule_gap(&self, points: f64) -> String {
        match rounded(points, 0, 2) {
            Some(g) if g < 0.0 => format!("{} behind schedule", self.points_gap(g)),
            Some(g) if g > 0.0 => format!("{} ahead of schedule", self.points_gap(g)),
            _ => "exactly on schedule".to_owned(),
        }
    }

    fn table_header(&self, previous: Basis) -> [&'static str; 7] {
        let previous = match previous {
            Basis::Month => "On previous month",
            Basis::Quarter => "On previous quarter",
            Basis::FirstHalf => "On first half-year",
            Basis::LastSecondHalf => "On last second half-year",
            Basis::Year => "On previous year",
            Basis::Day => "On previous day",
            Basis::Period => "On previous period",
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

    fn rate_basis(&self, left_out: &[(String, LeftOut)], rest: usize) -> String {
        let mut parts = Vec::new();
        for why in [LeftOut::NoReturn, LeftOut::SetAside, LeftOut::NoActual, LeftOut::NoTarget] {
            let names: Vec<String> = left_out.iter().filter(|(_, w)| *w == why).map(|(n, _)| n.clone()).collect();
            if names.is_empty() {
                continue;
            }
            let several = names.len() > 1;
            let names = and_list(&names);
            parts.push(match why {
                LeftOut::NoReturn => format!("{names} sent no return"),
                LeftOut::SetAside if several => format!("the returns of {names} were set aside"),
                LeftOut::SetAside => format!("the return of {names} was set aside"),
                LeftOut::NoActual => format!("{names} reported no actual figure"),
                LeftOut::NoTarget => format!("{names} reported no target"),
            });
        }
        let over = if rest == 1 { "the other unit".to_owned() } else { format!("the other {rest} units") };
        format!(" ({}; the rate is over {over})", parts.join("; "))
    }

    fn change_basis(&self, since: Since, without: &[String], rest: usize) -> String {
        let over = if rest == 1 { "the other unit".to_owned() } else { format!("the other {rest} units") };
        let gave = if without.len() > 1 { "gave no earlier figures" } else { "gave no earlier figure" };
        format!(" ({} {gave}; the change {} is over {over})", and_list(without), since_words(since))
    }

    fn not_rolled_up(&self, name: &str, kind: &str, detail: &str) -> String {
        match kind {
            "unmatched" => format!("{name} (no file found)"),
            "other_period" => format!("{name} (a return for another period)"),
            "twice" => format!("{name} ({detail} returns sent; none rolled up)"),
            "faulty" => format!("{name} (the return has errors and was not rolled up)"),
            "disagrees" if !detail.is_empty() => format!("{name} ({detail})"),
            "disagrees" => format!("{name} (counted otherwise than the bulletin)"),
            _ => format!("{name} (the file has errors and was not rolled up)"),
        }
    }

    fn disagreeing_unit(&self, label: &str, stated: &str, expected: &str) -> String {
        let expected = if expected.is_empty() { "no unit".to_owned() } else { format!("\"{expected}\"") };
        format!("{label}: counted in \"{stated}\", not {expected} as the bulletin counts it")
    }

    fn disagreeing_better(&self, label: &str) -> String {
        format!("{label}: says lower is better, unlike the bulletin")
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

    fn label_colon(&self) -> &'static str {
        ": "
    }

    fn list_separator(&self) -> &'static str {
        ", "
    }

    fn style_chars(&self) -> &'static str {
        "•‣–:,"
    }
}

/// "A, B and C".
fn and_list(names: &[String]) -> String {
    match names {
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
        [] => String::new(),
    }
}

/// What a change is on: "on the previous month".
fn since_words(since: Since) -> &'static str {
    match since {
        Since::Previous(Basis::Month) => "on the previous month",
        Since::Previous(Basis::Quarter) => "on the previous quarter",
        Since::Previous(Basis::FirstHalf) => "on the first half of the year",
        Since::Previous(Basis::LastSecondHalf) => "on the second half of last year",
        Since::Previous(Basis::Year) => "on the previous year",
        Since::Previous(Basis::Day) => "on the previous day",
        Since::Previous(Basis::Period) => "on the previous period",
        Since::LastYear => "on the same period last year",
    }
}

/// "up 6,000 (40%) on the previous month", "up 3.8 percentage points on
/// the previous month", "doubled on the previous month (up 10,000)", "up
/// 24,000 on the previous month, 3.4 times the earlier figure", "unchanged
/// on the previous month"; without `since`, the table's cell: "up 6,000
/// (40%)", "doubled (up 10,000)", "up 24,000 (3.4 times)".
fn change_words(since: Option<&str>, step: &Step) -> String {
    let delta = step.delta;
    let Some(printed) = rounded(delta, 0, step.decimals) else { return MISSING.to_owned() };
    let on = since.map_or_else(String::new, |s| format!(" {s}"));
    if printed == 0.0 {
        return format!("unchanged{on}");
    }
    let word = if printed > 0.0 { "up" } else { "down" };
    let amount = match step.kind {
        Quantity::Percent => {
            let n = trim_zeros(en::number(delta.abs(), step.decimals));
            let points = if n == "1" { "percentage point" } else { "percentage points" };
            return format!("{word} {n} {points}{on}");
        }
        Quantity::Yuan => en::money(delta.abs(), step.exp),
        Quantity::Count => trim_zeros(en::number(delta.abs(), step.decimals)),
    };
    match step.ratio.filter(|r| r.is_finite()) {
        // A growth of 99.96% is none: it is said as a percentage.
        Some(r) if r >= 1.0 - 1e-9 => {
            let times = trim_zeros(en::number(1.0 + r, 1));
            match (times == "2", since) {
                (true, _) => format!("doubled{on} (up {amount})"),
                (false, Some(_)) => format!("up {amount}{on}, {times} times the earlier figure"),
                (false, None) => format!("up {amount} ({times} times)"),
            }
        }
        Some(r) => format!("{word} {amount} ({}){on}", en::percent(r.abs())),
        None => format!("{word} {amount}{on}"),
    }
}

/// "21,000 people lifted out of poverty, 74.5% of the target of 28,174, up
/// 6,000 (40%) on the previous period"; "Sewage treatment rate reached
/// 36.5%, 3.5 percentage points short of the target of 40%".
fn sentence(f: &MetricFigures) -> String {
    let m = &f.metric;
    let label = m.label.as_str().trim();
    let unit = m.unit.trim();
    let level = is_percent(unit);
    let mut s = match (&f.actual_text, m.actual) {
        (Some(text), Some(_)) if level && m.better == Better::Higher => format!("{label} reached {text}"),
        (Some(text), Some(_)) if level => format!("{label} stood at {text}"),
        (Some(text), Some(_)) => {
            let first_word = label.split_whitespace().next().unwrap_or("");
            if !unit.is_empty() && first_word.eq_ignore_ascii_case(unit) && !is_yuan(unit) {
                // "People lifted out of poverty" + unit "people": "21,000 people lifted out of poverty".
                let rest = &label[first_word.len()..];
                let number = strip_unit(text, unit);
                let noun = first_word.to_lowercase();
                let noun = if number == "1" { en::singular(&noun) } else { noun };
                format!("{number} {noun}{rest}")
            } else {
                format!("{label}: {text}")
            }
        }
        _ => format!("{label}: no figure reported"),
    };
    let target = f.target_text.as_deref().map(|t| strip_unit(t, unit)).unwrap_or_default();
    let gap = f.gap_text.as_deref().map(|g| strip_unit(g, unit)).unwrap_or_default();
    // A rate that prints as 100% of a target the figures miss or pass.
    // (The table prints it with the decimals it needs: 99.99%.)
    let rate = f.rate_text.as_deref().filter(|_| f.rate.and_then(|r| rounded(r, 2, 1)) != Some(100.0));
    let zero_ceiling = m.better == Better::Lower && m.target.is_some_and(|t| t.0 == 0.0);
    let said = match f.outcome {
        Some(Outcome::Exceeded) if level => format!(", {gap} above the target of {target}"),
        Some(Outcome::Exceeded) => match rate {
            Some(rate) => format!(", exceeding the target of {target} ({rate})"),
            None => format!(", exceeding the target of {target}"),
        },
        Some(Outcome::Met) => format!(", meeting the target of {target} in full"),
        Some(Outcome::Short) => match rate.filter(|_| !level) {
            Some(rate) => format!(", {rate} of the target of {target}"),
            None => format!(", {gap} short of the target of {target}"),
        },
        Some(Outcome::Within) if zero_ceiling => ", meeting the target of zero".to_owned(),
        Some(Outcome::Over) if zero_ceiling => ", against a target of zero".to_owned(),
        Some(Outcome::Within) => format!(", within the target of {target}"),
        Some(Outcome::Over) => format!(", {gap} above the target of {target}"),
        None => match (m.target, &f.target_text) {
            (Some(t), _) if t.0 == 0.0 => " (the target is 0)".to_owned(),
            (Some(_), Some(target)) => format!(" (target: {target})"),
            _ => String::new(),
        },
    };
    s.push_str(&said);
    let previous = if f.previous_is_last_year { None } else { f.vs_previous.as_ref() };
    for change in [previous, f.vs_last_year.as_ref()].into_iter().flatten() {
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
        [unit.to_owned(), en::singular(unit)]
            .iter()
            .find_map(|u| target.strip_suffix(&format!(" {u}")))
            .unwrap_or(target)
            .to_owned()
    }
}
