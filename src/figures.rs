//! The derive stage: figures computed from the data, for every template —
//! completion rate, 序时进度 (the share of the period elapsed), the change on
//! the previous period (环比 / 较上期) and on the same period last year (同比),
//! in percentage points when the unit is "%", judged by `better`; and the
//! sentences that say them, in the document's language. A target of 0 or a
//! missing figure gives a sensible sentence, never "NaN" or "inf".

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use minijinja::Value;
use serde::Serialize;

use crate::data::{Better, Document, Fields, Lang, Metric, Period};
use crate::engine::BuildError;
use crate::format::{PeriodKind, en, zh};
use crate::rollup::{self, Rollup};
use crate::template::Templates;

/// Everything derived from one document.
#[derive(Clone, Debug, Serialize)]
pub struct Figures {
    /// The document's date: its `date:`, or today.
    pub date: NaiveDate,
    /// The date as the document prints it.
    pub date_text: String,
    /// The period as the document prints it.
    pub period_text: Option<String>,
    /// 序时进度: share of the target's time span elapsed (see [`schedule`]).
    pub schedule: Option<f64>,
    /// The schedule as a percentage.
    pub schedule_text: Option<String>,
    /// Every metric with its derived figures, in the order of the data.
    pub metrics: Vec<MetricFigures>,
    /// The issue number a bulletin gets when it gives none: its month.
    #[serde(skip)]
    pub default_issue: Option<u32>,
    /// The roll-up of a bulletin's unit files.
    pub rollup: Option<Rollup>,
}

/// A change between two figures.
#[derive(Clone, Debug, Serialize)]
pub struct Change {
    /// `actual − base` (for "%" metrics: in percentage points).
    pub delta: f64,
    /// `delta / base`; none when the base is 0 or below or the unit is "%".
    pub ratio: Option<f64>,
    /// Whether the change is good news, judged by `better`; none when flat.
    pub good: Option<bool>,
    /// The change in words: "up 6,000 (40.0%)" / "较上期增加6000人，增长40.0%".
    pub text: String,
}

/// A metric with what is derived from it.
#[derive(Clone, Debug, Serialize)]
pub struct MetricFigures {
    /// The metric as written.
    #[serde(flatten)]
    pub metric: Metric,
    /// `actual / target`, when both are given and the target is not 0.
    pub rate: Option<f64>,
    /// The rate as a percentage ("74.5%").
    pub rate_text: Option<String>,
    /// Whether the target is met (judged by `better`).
    pub met: Option<bool>,
    /// Whether the rate is at or above the schedule (序时进度).
    pub on_schedule: Option<bool>,
    /// The actual figure with its unit ("21,000 people", "3220万元").
    pub actual_text: Option<String>,
    /// The target with its unit.
    pub target_text: Option<String>,
    /// Change on the previous period (环比 / 较上期).
    pub vs_previous: Option<Change>,
    /// Change on the same period last year (同比).
    pub vs_last_year: Option<Change>,
    /// One sentence saying all of it.
    pub sentence: String,
}

/// Derives the figures of a document; `root` is the data file's folder
/// (a bulletin's unit files are found from it).
pub fn derive(doc: &Document, root: &Path, today: NaiveDate, templates: &Templates) -> Result<Figures, BuildError> {
    let date = doc.date.unwrap_or(today);
    let lang = doc.lang;
    let schedule = doc.period.as_ref().map(|p| schedule(p, date));
    let metrics = doc.metrics.iter().map(|m| metric_figures(m, lang, schedule)).collect();
    let rollup = match &doc.fields {
        Fields::Bulletin(b) => Some(rollup::roll_up(doc, b, root, schedule, templates)?),
        _ => None,
    };
    let default_issue = doc.period.as_ref().filter(|p| p.kind() == PeriodKind::Month).map(|p| {
        use chrono::Datelike;
        p.start().month()
    });
    Ok(Figures {
        date,
        date_text: match lang {
            Lang::En => en::date(date),
            Lang::Zh => zh::date(date),
        },
        period_text: doc.period.as_ref().map(|p| match lang {
            Lang::En => en::period(p),
            Lang::Zh => zh::period(p),
        }),
        schedule,
        schedule_text: schedule.map(|s| percent(lang, s)),
        metrics,
        default_issue,
        rollup,
    })
}

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

/// Whether a metric's values are percentages (changes in points).
pub fn is_percent(unit: &str) -> bool {
    matches!(unit.trim(), "%" | "％" | "percent")
}

/// Whether a metric's values are amounts of money in yuan.
pub fn is_yuan(unit: &str) -> bool {
    matches!(unit.trim(), "yuan" | "元" | "CNY" | "RMB")
}

fn percent(lang: Lang, ratio: f64) -> String {
    match lang {
        Lang::En => en::percent(ratio),
        Lang::Zh => zh::percent(ratio),
    }
}

/// A figure with its unit, as a reader says it.
pub fn quantity(lang: Lang, unit: &str, value: f64) -> String {
    let digits = if value.fract() == 0.0 { 0 } else { 2 };
    match lang {
        Lang::En if is_yuan(unit) => en::amount_yuan(value),
        Lang::Zh if is_yuan(unit) => zh::amount_yuan(value),
        Lang::En if is_percent(unit) => format!("{}%", trim_zeros(en::number(value, digits))),
        Lang::Zh if is_percent(unit) => format!("{}%", trim_zeros(zh::number(value, digits))),
        Lang::En if unit.trim().is_empty() => trim_zeros(en::number(value, digits)),
        Lang::En => format!("{} {}", trim_zeros(en::number(value, digits)), unit.trim()),
        Lang::Zh => format!("{}{}", trim_zeros(zh::number(value, digits)), unit.trim()),
    }
}

/// "up 4.93 million yuan (18.9%)".
fn amount_change_en(delta: f64, ratio: Option<f64>) -> String {
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

/// "较上期增加493万元，增长18.9%".
fn amount_change_zh(since: &str, delta: f64, ratio: Option<f64>) -> String {
    let flat = zh::change(since, delta, None, "");
    if flat.contains("持平") || !delta.is_finite() {
        return flat;
    }
    let head = format!("较{since}{}{}", zh::increase_word(delta), zh::amount_yuan(delta.abs()));
    match ratio.filter(|r| r.is_finite()) {
        Some(r) => format!("{head}，{}{}", zh::growth_word(r), zh::percent(r.abs())),
        None => head,
    }
}

fn trim_zeros(s: String) -> String {
    if s.contains('.') { s.trim_end_matches('0').trim_end_matches('.').to_owned() } else { s }
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

pub(crate) fn metric_figures_with(m: &Metric, lang: Lang, schedule: Option<f64>, pairs: Pairs) -> MetricFigures {
    let value = |n: Option<crate::data::Number>| n.map(|n| n.0);
    let (target, actual) = (value(m.target), value(m.actual));
    let rate = match (pairs.for_target, target) {
        // A share of a target of 0 or below means nothing.
        (Some(a), Some(t)) if t > 0.0 => Some(a / t).filter(|r| r.is_finite()),
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
    let change = |actual: Option<f64>, base: Option<f64>, since: (&str, &str)| -> Option<Change> {
        let (a, b) = (actual?, base?);
        let delta = a - b;
        // Growth on a base of 0 or below means nothing: the change is said
        // in units only.
        let ratio = if pct || b <= 0.0 { None } else { Some(delta / b).filter(|r| r.is_finite()) };
        let good = if delta == 0.0 { None } else { Some((delta > 0.0) == (m.better == Better::Higher)) };
        let text = match (lang, pct, yuan) {
            (Lang::En, true, _) => format!("{} {}", en::points(delta / 100.0), since.0),
            (Lang::En, false, true) => format!("{} {}", amount_change_en(delta, ratio), since.0),
            (Lang::En, false, false) => format!("{} {}", en::change(delta, ratio), since.0),
            (Lang::Zh, true, _) => format!("较{}{}", since.1, zh::points(delta / 100.0)),
            (Lang::Zh, false, true) => amount_change_zh(since.1, delta, ratio),
            (Lang::Zh, false, false) => zh::change(since.1, delta, ratio, m.unit.trim()),
        };
        Some(Change { delta, ratio, good, text })
    };
    let vs_previous = change(pairs.for_previous, value(m.previous), ("on the previous period", "上期"));
    let vs_last_year = change(pairs.for_last_year, value(m.last_year), ("year on year", "上年同期"));
    let actual_text = actual.map(|a| quantity(lang, &m.unit, a));
    let target_text = target.map(|t| quantity(lang, &m.unit, t));
    let rate_text = rate.map(|r| percent(lang, r));
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
    f.sentence = match lang {
        Lang::En => sentence_en(&f),
        Lang::Zh => sentence_zh(&f),
    };
    f
}

/// "21,000 people lifted out of poverty, 74.5% of the target of 28,174, up
/// 6,000 (40.0%) on the previous period".
fn sentence_en(f: &MetricFigures) -> String {
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
        (Some(rate), _, Some(target)) => {
            s.push_str(&format!(", {rate} of the target of {}", strip_unit_en(target, unit)))
        }
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
fn strip_unit_en(target: &str, unit: &str) -> String {
    if unit.is_empty() || is_yuan(unit) || is_percent(unit) {
        target.to_owned()
    } else {
        target.strip_suffix(&format!(" {unit}")).unwrap_or(target).to_owned()
    }
}

/// "脱贫人口21000人，完成目标28174人的74.5%，较上期增加6000人，增长40.0%".
fn sentence_zh(f: &MetricFigures) -> String {
    let m = &f.metric;
    let label = m.label.as_str().trim();
    let mut s = match &f.actual_text {
        Some(text) => format!("{label}{text}"),
        None => format!("{label}暂无数据"),
    };
    match (&f.rate_text, m.target, &f.target_text) {
        (_, Some(_), Some(target)) if m.better == Better::Lower && m.actual.is_some() => {
            if f.met == Some(true) {
                s.push_str(&format!("，控制在目标{target}以内"));
            } else {
                s.push_str(&format!("，高于目标{target}"));
            }
        }
        (Some(rate), _, Some(target)) => s.push_str(&format!("，完成目标{target}的{rate}")),
        (None, Some(t), _) if t.0 == 0.0 => s.push_str("（目标为0）"),
        (None, Some(_), Some(target)) => s.push_str(&format!("（目标{target}）")),
        _ => {}
    }
    for change in [&f.vs_previous, &f.vs_last_year].into_iter().flatten() {
        s.push('，');
        s.push_str(&change.text);
    }
    s
}

/// The template context: the document's fields, with `metrics` replaced by
/// the derived figures, plus `metric` (by id), `date`, `figures`.
pub fn context(doc: &Document, figures: &Figures) -> Value {
    let doc_value = Value::from(minijinja::value::Serde(doc));
    let mut map: BTreeMap<String, Value> = BTreeMap::new();
    if let Ok(keys) = doc_value.try_iter() {
        for key in keys {
            if let (Some(name), Ok(v)) = (key.as_str(), doc_value.get_item(&key)) {
                map.insert(name.to_owned(), v);
            }
        }
    }
    let by_id: BTreeMap<String, &MetricFigures> = figures.metrics.iter().map(|m| (m.metric.id.0.clone(), m)).collect();
    map.insert("metrics".into(), Value::from(minijinja::value::Serde(&figures.metrics)));
    map.insert("metric".into(), Value::from(minijinja::value::Serde(&by_id)));
    map.insert("date".into(), Value::from(figures.date.to_string()));
    map.insert("figures".into(), Value::from(minijinja::value::Serde(figures)));
    if let Some(rollup) = &figures.rollup {
        map.insert("rollup".into(), Value::from(minijinja::value::Serde(rollup)));
    }
    Value::from(map)
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
