//! Figures of a unit's return that are possible but unlikely: a figure many
//! times its previous one or its target (a digit too many: 2360 for 236),
//! far below them (a digit too few, or 万元 entered where the bulletin
//! counts 元: 238 for 2,380,000), lower than last period's where figures are
//! cumulative, and a previous figure left empty where the other units give
//! one. Each is a warning, never an error: the office decides, with the
//! unit. The limits are the constants below, documented in
//! docs/reference.md (Bulletins).

use std::collections::BTreeMap;

use crate::base::diag::Diagnostic;
use crate::base::msg::{List, msg};
use crate::data::{Better, Document, Metric};
use crate::derive::metric::{is_percent, is_yuan};

/// A figure more than this many times the unit's previous figure is warned of.
pub const HIGH_OVER_PREVIOUS: f64 = 5.0;
/// A figure more than this many times the unit's target is warned of.
pub const HIGH_OVER_TARGET: f64 = 3.0;
/// A figure (above zero) under the unit's previous figure or target divided
/// by this is warned of.
pub const LOW_UNDER: f64 = 10.0;
/// A metric in 元 whose previous figure or target is between these many
/// times its figure: the figure was likely entered in 万元.
pub const WAN_SLIP: (f64, f64) = (5_000.0, 20_000.0);

/// What one unit's figure of one metric is checked with.
pub struct Checked<'a> {
    /// The metric, in the bulletin's terms (its label, unit and direction,
    /// the target the county assigned).
    pub metric: &'a Metric,
    /// The unit's name.
    pub unit: &'a str,
    /// Whether the figures are cumulative for the year, so that a figure
    /// where higher is better does not fall below last period's.
    pub cumulative: bool,
    /// Where the return gives each figure (`actual`, `previous`): its file
    /// and cell or line, as messages name it.
    pub place: &'a dyn Fn(&str) -> String,
}

/// The warnings of one unit's figure of one metric: at most one of the
/// figure against its previous figure or target.
pub fn figure(c: &Checked) -> Option<Diagnostic> {
    let m = c.metric;
    let actual = m.actual?.0;
    // A rate is a level, not a count: it may well be several times last
    // period's, and is never entered in 万元.
    if is_percent(&m.unit) {
        return None;
    }
    let label = m.label.as_str().trim();
    let previous = m.previous.map(|n| n.0).filter(|p| *p > 0.0);
    let target = m.target.map(|n| n.0).filter(|t| *t > 0.0);
    let place = (c.place)("actual");
    let digits = || msg!(CheckFigureWithUnit);
    let wan = |base: f64| {
        let ratio = base / actual;
        if is_yuan(&m.unit) && ratio >= WAN_SLIP.0 && ratio <= WAN_SLIP.1 {
            msg!(LooksLikeWan, actual = actual, yuan = actual * 10_000.0)
        } else {
            digits()
        }
    };
    let warning = |message, hint| Some(Diagnostic::warning(message).hint(hint));
    if let Some(p) = previous.filter(|p| actual > HIGH_OVER_PREVIOUS * p) {
        return warning(
            msg!(
                FarAbovePrevious,
                place = place,
                unit = c.unit,
                label = label,
                actual = actual,
                previous = p,
                ratio = times(actual / p)
            ),
            digits(),
        );
    }
    if let Some(t) = target.filter(|t| actual > HIGH_OVER_TARGET * t) {
        return warning(
            msg!(
                FarAboveTarget,
                place = place,
                unit = c.unit,
                label = label,
                actual = actual,
                target = t,
                ratio = times(actual / t)
            ),
            digits(),
        );
    }
    if actual > 0.0 {
        if let Some(p) = previous.filter(|p| actual * LOW_UNDER < *p) {
            return warning(
                msg!(
                    FarBelowPrevious,
                    place = place,
                    unit = c.unit,
                    label = label,
                    actual = actual,
                    previous = p,
                    limit = LOW_UNDER
                ),
                wan(p),
            );
        }
        if let Some(t) = target.filter(|t| actual * LOW_UNDER < *t) {
            return warning(
                msg!(
                    FarBelowTarget,
                    place = place,
                    unit = c.unit,
                    label = label,
                    actual = actual,
                    target = t,
                    limit = LOW_UNDER
                ),
                wan(t),
            );
        }
    }
    if let Some(p) = previous.filter(|p| c.cumulative && m.better == Better::Higher && actual < *p) {
        return warning(
            msg!(BelowPrevious, place = place, unit = c.unit, label = label, actual = actual, previous = p),
            msg!(CheckBothFigures),
        );
    }
    None
}

/// How many units give an actual figure of each metric, and how many of
/// those a previous one.
pub fn previous_counts<'a>(docs: impl IntoIterator<Item = &'a Document>) -> BTreeMap<String, (usize, usize)> {
    let mut counts: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for doc in docs {
        for m in doc.metrics.iter().filter(|m| m.actual.is_some()) {
            let count = counts.entry(m.id.0.clone()).or_default();
            count.0 += 1;
            count.1 += usize::from(m.previous.is_some());
        }
    }
    counts
}

/// Whether the unit gives an actual figure but no previous one where more
/// than half of the other units that give an actual figure (`others`: how
/// many, and how many of them a previous one) give a previous one.
pub fn lacks_previous(m: &Metric, others: (usize, usize)) -> bool {
    let (count, with) = others;
    m.actual.is_some() && m.previous.is_none() && count > 0 && with * 2 > count
}

/// One warning for the metrics (by label) whose previous figure a unit left
/// empty where most others give one, at the first one's place; none for
/// none.
pub fn no_previous(unit: &str, labels: Vec<String>, place: String) -> Option<Diagnostic> {
    if labels.is_empty() {
        return None;
    }
    Some(
        Diagnostic::warning(msg!(NoPreviousGiven, place = place, unit = unit, labels = List(labels)))
            .hint(msg!(AskForPrevious)),
    )
}

/// Whether a bulletin's figures, as its forms ask for them, are cumulative
/// for the year with a previous figure of the same year: not in the first
/// month, quarter or half of a year (whose previous figure is last year's),
/// nor for a year or a day.
pub fn cumulative_in_year(period: Option<crate::data::Period>) -> bool {
    use crate::data::PeriodKind;
    use chrono::Datelike as _;
    let Some(p) = period else { return false };
    match p.kind() {
        PeriodKind::Month | PeriodKind::Quarter | PeriodKind::Half => p.start().month() != 1,
        PeriodKind::Range => p.end().month() != 1,
        PeriodKind::Day | PeriodKind::Year => false,
    }
}

/// A ratio as messages give it: "10", "5.3", "14748".
fn times(ratio: f64) -> String {
    if ratio >= 100.0 {
        format!("{ratio:.0}")
    } else {
        let text = format!("{ratio:.1}");
        text.strip_suffix(".0").map_or(text.clone(), str::to_owned)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{Id, Number, Text};

    fn metric(unit: &str, actual: f64, previous: Option<f64>, target: Option<f64>) -> Metric {
        Metric {
            id: Id("m".into()),
            label: Text("衔接资金拨付".into()),
            unit: unit.into(),
            target: target.map(Number),
            actual: Some(Number(actual)),
            previous: previous.map(Number),
            last_year: None,
            better: Better::Higher,
        }
    }

    fn warned(m: &Metric, cumulative: bool) -> Option<String> {
        let place = |what: &str| format!("u.xlsx, {what}");
        let c = Checked { metric: m, unit: "黄岗镇", cumulative, place: &place };
        figure(&c).map(|d| d.in_lang(crate::base::lang::Lang::Zh).to_plain_text())
    }

    #[test]
    fn figures_far_from_the_previous_or_the_target_are_warned_of() {
        // A digit too many: 2360 for 236.
        let w = warned(&metric("户", 2360.0, Some(220.0), Some(342.0)), true).unwrap();
        assert!(w.contains("u.xlsx, actual：黄岗镇衔接资金拨付本期完成2360，是上期220的10.7倍"), "{w}");
        let w = warned(&metric("户", 1100.0, None, Some(342.0)), true).unwrap();
        assert!(w.contains("是目标342的3.2倍"), "{w}");
        // 万元 in a metric of 元: 238 for 2,380,000.
        let w = warned(&metric("元", 238.0, Some(2_000_000.0), Some(3_510_000.0)), true).unwrap();
        assert!(w.contains("本期完成238，不足上期2000000的1/10"), "{w}");
        assert!(w.contains("像是按万元填报的（238万元即2380000元）"), "{w}");
        let w = warned(&metric("个", 1.0, None, Some(30.0)), true).unwrap();
        assert!(w.contains("不足目标30的1/10") && w.contains("是否多输或少输了一位数字"), "{w}");
        // Lower than last period's cumulative figure.
        let w = warned(&metric("户", 200.0, Some(220.0), Some(342.0)), true).unwrap();
        assert!(w.contains("本期完成200，低于上期220"), "{w}");
        assert_eq!(warned(&metric("户", 200.0, Some(220.0), Some(342.0)), false), None);
        // Ordinary figures, rates and zeros pass.
        assert_eq!(warned(&metric("户", 236.0, Some(220.0), Some(342.0)), true), None);
        assert_eq!(warned(&metric("元", 2_380_000.0, Some(2_000_000.0), Some(3_510_000.0)), true), None);
        assert_eq!(warned(&metric("%", 36.5, Some(3.0), Some(40.0)), true), None);
        assert_eq!(warned(&metric("个", 0.0, None, Some(3.0)), true), None);
        // At the limits exactly: no warning.
        assert_eq!(warned(&metric("户", 1000.0, Some(200.0), None), true), None);
        assert_eq!(warned(&metric("户", 30.0, None, Some(300.0)), true), None);
    }

    #[test]
    fn a_previous_figure_left_empty_is_warned_of_where_most_give_one() {
        let m = metric("户", 236.0, None, Some(342.0));
        assert!(lacks_previous(&m, (12, 11)) && lacks_previous(&m, (1, 1)));
        assert!(!lacks_previous(&m, (4, 2)) && !lacks_previous(&m, (0, 0)));
        assert!(!lacks_previous(&metric("户", 236.0, Some(200.0), None), (12, 12)));
        let labels = vec!["产业帮扶覆盖脱贫户".to_owned(), "衔接资金拨付".to_owned()];
        let w = no_previous("黄岗镇", labels, "u.xlsx, F5".into()).unwrap().in_lang(crate::base::lang::Lang::Zh);
        let w = w.to_plain_text();
        assert!(
            w.contains("u.xlsx, F5：黄岗镇未填报产业帮扶覆盖脱贫户、衔接资金拨付的上期数，其他单位大多已填报"),
            "{w}"
        );
        assert!(no_previous("黄岗镇", Vec::new(), String::new()).is_none());
    }

    #[test]
    fn the_first_period_of_a_year_is_not_compared_as_cumulative() {
        let p = |s: &str| Some(crate::data::Period::parse(s).unwrap());
        assert!(cumulative_in_year(p("2026-10")) && cumulative_in_year(p("2026-Q3")));
        assert!(
            !cumulative_in_year(p("2026-01")) && !cumulative_in_year(p("2026-Q1")) && !cumulative_in_year(p("2026"))
        );
        assert!(!cumulative_in_year(None));
    }
}
