//! One metric's figures: completion rate, the change on the previous period
//! (环比 / 较上期) and on the same period last year (同比), in percentage
//! points when the unit is "%", judged by `better`; 序时进度 (the share of
//! the period elapsed); and the sentence that says them, in the document's
//! language. A target of 0 or a missing figure gives a sensible sentence,
//! never "NaN" or "inf".

use chrono::NaiveDate;

use crate::data::{Better, Lang, Metric, Period, PeriodKind};
use crate::derive::lang::{Quantity, Since, language};
use crate::derive::metric::{Change, MetricFigures, is_percent, is_yuan};

/// 序时进度 at `date`: for a monthly return, the share of the year's months
/// done by the end of that month (October: 10/12), since targets are yearly;
/// for a quarter, half or year, the share of its months done by `date`; for
/// a range of days, the share of its days.
pub fn schedule(period: &Period, date: NaiveDate) -> f64 {
    use chrono::Datelike;
    match period.kind() {
        PeriodKind::Month => {
            Period::full_year(period.year()).map_or(1.0, |year| year.elapsed_share_months(period.end()))
        }
        PeriodKind::Quarter | PeriodKind::Half | PeriodKind::Year => {
            period.elapsed_share_months(date.min(period.end()))
        }
        PeriodKind::Day | PeriodKind::Range => {
            let _ = date.year();
            period.elapsed_share_days(date.min(period.end()))
        }
    }
}

pub(crate) fn metric_figures(m: &Metric, lang: Lang, schedule: Option<f64>) -> MetricFigures {
    let actual = m.actual.map(|n| n.0);
    metric_figures_with(m, lang, schedule, Pairs { for_target: actual, for_previous: actual, for_last_year: actual })
}

/// The actual figure each comparison uses. For one unit it is its actual;
/// for a total over units, the sum over the units that give both figures
/// (a unit without a previous figure must not count as growth).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Pairs {
    /// Compared with the target.
    pub for_target: Option<f64>,
    /// Compared with the previous period.
    pub for_previous: Option<f64>,
    /// Compared with last year.
    pub for_last_year: Option<f64>,
}

/// The largest completion rate printed as a share of the target (100×).
const MAX_RATE: f64 = 100.0;

pub(crate) fn metric_figures_with(m: &Metric, lang: Lang, schedule: Option<f64>, pairs: Pairs) -> MetricFigures {
    let value = |n: Option<crate::data::Number>| n.map(|n| n.0);
    let (target, actual) = (value(m.target), value(m.actual));
    let rate = match (pairs.for_target, target) {
        // A share of a target of 0 or below means nothing, nor one of a
        // hundred times a target or more (a target of 0.0001 or a typo):
        // "10,000,000% of the target" is no figure to print.
        (Some(a), Some(t)) if t > 0.0 => Some(a / t).filter(|r| r.is_finite() && r.abs() < MAX_RATE),
        _ => None,
    };
    let met = match (pairs.for_target, target) {
        (Some(a), Some(t)) => Some(match m.better {
            Better::Higher => a >= t,
            Better::Lower => a <= t,
        }),
        _ => None,
    };
    let on_schedule = match (rate, schedule, m.better) {
        (Some(r), Some(s), Better::Higher) => Some(r + 1e-9 >= s),
        _ => None,
    };
    let pct = is_percent(&m.unit);
    let yuan = is_yuan(&m.unit);
    let words = language(lang);
    let change = |actual: Option<f64>, base: Option<f64>, since: Since| -> Option<Change> {
        let (a, b) = (actual?, base?);
        let delta = a - b;
        // Growth on a base of 0 or below means nothing: the change is said
        // in units only.
        let ratio = if pct || b <= 0.0 { None } else { Some(delta / b).filter(|r| r.is_finite()) };
        let good = if delta == 0.0 { None } else { Some((delta > 0.0) == (m.better == Better::Higher)) };
        let kind = if pct {
            Quantity::Percent
        } else if yuan {
            Quantity::Yuan
        } else {
            Quantity::Count
        };
        let text = words.change(since, kind, delta, ratio, m.unit.trim());
        let figure = words.change_figure(kind, delta, ratio, m.unit.trim());
        Some(Change { delta, ratio, good, text, figure })
    };
    let vs_previous = change(pairs.for_previous, value(m.previous), Since::Previous);
    let vs_last_year = change(pairs.for_last_year, value(m.last_year), Since::LastYear);
    let actual_text = actual.map(|a| words.quantity(&m.unit, a));
    let target_text = target.map(|t| words.quantity(&m.unit, t));
    let rate_text = rate.map(|r| words.percent(r));
    let mut f = MetricFigures {
        metric: m.clone(),
        rate,
        rate_text,
        met,
        on_schedule,
        actual_text,
        target_text,
        vs_previous,
        vs_last_year,
        sentence: String::new(),
    };
    f.sentence = words.sentence(&f);
    f
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{Id, Number, Text};

    fn metric(unit: &str, target: Option<f64>, actual: Option<f64>, previous: Option<f64>, better: Better) -> Metric {
        Metric {
            id: Id("m".into()),
            label: Text(if unit == "people" { "People lifted out of poverty".into() } else { "Poverty rate".into() }),
            unit: unit.into(),
            target: target.map(Number),
            actual: actual.map(Number),
            previous: previous.map(Number),
            last_year: None,
            better,
        }
    }

    #[test]
    fn the_sentence_of_the_issue() {
        let m = metric("people", Some(28174.0), Some(21000.0), Some(15000.0), Better::Higher);
        let f = metric_figures(&m, Lang::En, None);
        assert_eq!(
            f.sentence,
            "21,000 people lifted out of poverty, 74.5% of the target of 28,174, up 6,000 (40.0%) on the previous period"
        );
        let mut m = m;
        m.label = Text("脱贫".into());
        m.unit = "人".into();
        let f = metric_figures(&m, Lang::Zh, None);
        assert_eq!(f.sentence, "脱贫21000人，完成目标28174人的74.5%，较上期增加6000人，增长40.0%");
    }

    #[test]
    fn no_percentages_over_a_base_of_zero_or_below() {
        let m = metric("people", Some(-10.0), Some(20.0), Some(-5.0), Better::Higher);
        let en = metric_figures(&m, Lang::En, None);
        assert_eq!(en.rate, None);
        assert_eq!(en.vs_previous.as_ref().unwrap().ratio, None);
        assert!(!en.sentence.contains('%'), "{}", en.sentence);
        assert!(en.sentence.contains("up 25 on the previous period"), "{}", en.sentence);
        let zh = metric_figures(&m, Lang::Zh, None);
        assert!(!zh.sentence.contains('%') && !zh.sentence.contains("下降"), "{}", zh.sentence);
    }

    #[test]
    fn no_absurd_shares_of_a_tiny_target() {
        for lang in [Lang::En, Lang::Zh] {
            let f = metric_figures(&metric("people", Some(1e-20), Some(5.0), None, Better::Higher), lang, None);
            assert_eq!(f.rate, None);
            assert_eq!(f.met, Some(true));
            assert!(!f.sentence.contains('%') && !f.sentence.contains("e2"), "{}", f.sentence);
            let f = metric_figures(&metric("people", Some(40.0), Some(3000.0), None, Better::Higher), lang, None);
            assert!(f.rate.is_some_and(|r| (r - 75.0).abs() < 1e-9), "75 times is still a share");
        }
    }

    #[test]
    fn zero_and_missing_figures_never_print_nan() {
        for (target, actual, previous) in [
            (Some(0.0), Some(5.0), Some(0.0)),
            (None, Some(5.0), None),
            (Some(10.0), None, Some(3.0)),
            (Some(0.0), Some(0.0), Some(0.0)),
            (Some(-5.0), Some(1e300), Some(-1e300)),
        ] {
            for lang in [Lang::En, Lang::Zh] {
                let f = metric_figures(&metric("people", target, actual, previous, Better::Higher), lang, Some(0.5));
                for bad in ["NaN", "nan", "inf", "∞"] {
                    assert!(!f.sentence.contains(bad), "{}", f.sentence);
                }
            }
        }
    }

    #[test]
    fn rates_change_in_points_and_are_judged_by_better() {
        let m = metric("%", Some(11.0), Some(10.3), Some(14.1), Better::Lower);
        let f = metric_figures(&m, Lang::Zh, None);
        let change = f.vs_previous.unwrap();
        assert_eq!(change.good, Some(true));
        assert_eq!(change.text, "较上期下降3.8个百分点");
        assert_eq!(f.met, Some(true));
        assert!(f.sentence.contains("控制在目标11%以内"), "{}", f.sentence);
        let f = metric_figures(&m, Lang::En, None);
        assert!(f.sentence.contains("down 3.8 percentage points on the previous period"), "{}", f.sentence);
        assert!(f.sentence.contains("within the target of 11%"), "{}", f.sentence);
    }

    #[test]
    fn amounts_change_in_amounts() {
        let mut m = metric("yuan", Some(40_000_000.0), Some(30_970_000.0), Some(26_040_000.0), Better::Higher);
        m.label = Text("Funds disbursed".into());
        let f = metric_figures(&m, Lang::En, None);
        assert!(f.sentence.contains("up 4.93 million yuan (18.9%) on the previous period"), "{}", f.sentence);
        m.unit = "元".into();
        let f = metric_figures(&m, Lang::Zh, None);
        assert!(f.sentence.contains("较上期增加493万元，增长18.9%"), "{}", f.sentence);
        let m = metric("%", Some(45.0), Some(41.6), None, Better::Higher);
        assert_eq!(metric_figures(&m, Lang::En, None).actual_text.as_deref(), Some("41.6%"));
    }

    #[test]
    fn schedules() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let oct = Period::parse("2026-10").unwrap();
        assert!((schedule(&oct, d(2026, 11, 5)) - 10.0 / 12.0).abs() < 1e-9);
        let year = Period::parse("2026").unwrap();
        assert!((schedule(&year, d(2026, 11, 30)) - 11.0 / 12.0).abs() < 1e-9);
        let range = Period::parse("2026-07-15..2026-10-31").unwrap();
        assert!((schedule(&range, d(2026, 11, 5)) - 1.0).abs() < 1e-9);
    }
}
