//! One metric's figures: completion rate, the change on the previous period
//! (环比 / 较上期) and on the same period last year (同比), in percentage
//! points when the unit is "%", judged by `better`; 序时进度 (the share of
//! the period elapsed); and the sentence that says them, in the document's
//! language. A target of 0 or a missing figure gives a sensible sentence,
//! never "NaN" or "inf".

use chrono::NaiveDate;

use crate::data::{Better, Lang, Metric, Period, PeriodKind};
use crate::derive::format::rounded;
use crate::derive::lang::{Basis, Language, Quantity, Since, Step, language};
use crate::derive::metric::{Change, MetricFigures, Outcome, is_percent, is_yuan, yuan_exp};

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

/// What a metric's figures are derived in: the document's language, its
/// schedule (序时进度) and its period (which names the previous one: 较上月,
/// 较上季度…).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Context {
    /// The document's language.
    pub lang: Lang,
    /// 序时进度, where the document has a period.
    pub schedule: Option<f64>,
    /// The document's period.
    pub period: Option<Period>,
}

pub(crate) fn metric_figures(m: &Metric, cx: &Context) -> MetricFigures {
    metric_figures_with(m, cx, Pairs::own(m))
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
    /// The figures are means over units: a metric in `%` prints them with
    /// one decimal.
    pub mean: bool,
    /// The target the sentence names, where it is not the one compared
    /// with: a bulletin's whole target, of every unit.
    pub named_target: Option<f64>,
}

impl Pairs {
    /// A metric's own figures.
    pub fn own(m: &Metric) -> Pairs {
        let actual = m.actual.map(|n| n.0);
        Pairs { for_target: actual, for_previous: actual, for_last_year: actual, mean: false, named_target: None }
    }
}

/// The largest completion rate printed as a share of the target (100×).
const MAX_RATE: f64 = 100.0;

/// How the figures of one sentence are printed: every amount of money in
/// one scale, percentages and counts with up to two decimals (means of
/// percentages with one).
#[derive(Clone, Copy, Debug)]
enum Print {
    /// In 10^exp yuan, up to two decimals.
    Money(i32),
    /// In percent, up to this many decimals.
    Percent(usize),
    /// In the metric's unit, up to two decimals.
    Count,
}

impl Print {
    /// The figure as the reader sees it, in the unit it is printed in.
    fn at(self, x: f64) -> Option<f64> {
        match self {
            Print::Money(exp) => rounded(x, -exp, 2),
            Print::Percent(decimals) => rounded(x, 0, decimals),
            Print::Count => rounded(x, 0, 2),
        }
    }

    /// A printed figure (from [`Print::at`]) with its unit.
    fn text(self, words: &dyn Language, unit: &str, printed: f64) -> String {
        match self {
            Print::Money(exp) => words.money(printed, exp),
            Print::Percent(_) | Print::Count => words.quantity(unit, printed),
        }
    }
}

/// The scale the amounts of one sentence are printed in: the one the
/// largest amount reads in, unless rounding to two decimals in it would
/// change a comparison or a rate of `pairs` (actual, base), then the next
/// smaller one. Below its natural range a scale is kept for whole amounts
/// (70000 元 is 7万元).
fn money_scale(words: &dyn Language, shown: &[f64], pairs: &[(f64, f64)]) -> i32 {
    let scales = words.money_scales();
    let all: Vec<f64> =
        shown.iter().copied().chain(pairs.iter().flat_map(|&(a, b)| [a, b])).filter(|x| x.is_finite()).collect();
    let max = all.iter().fold(0.0_f64, |m, x| m.max(x.abs()));
    let start = scales.iter().position(|s| max >= s.from).unwrap_or(scales.len().saturating_sub(1));
    if let Some(larger) = start.checked_sub(1).map(|i| scales[i]) {
        let unit = 10f64.powi(larger.exp);
        if max >= larger.whole_from && all.iter().all(|x| x.fract() == 0.0 && x % unit == 0.0) {
            return larger.exp;
        }
    }
    let survives = |exp: i32| {
        pairs.iter().all(|&(a, b)| {
            let (Some(ra), Some(rb)) = (rounded(a, -exp, 2), rounded(b, -exp, 2)) else { return false };
            let unit = 10f64.powi(exp);
            let (a, b) = (a / unit, b / unit);
            if ra.total_cmp(&rb) != a.total_cmp(&b) && !(ra == rb && a == b) {
                return false;
            }
            b <= 0.0 || (rb > 0.0 && same_ratios(ra, rb, a, b))
        })
    };
    scales[start..].iter().map(|s| s.exp).find(|&exp| exp == 0 || survives(exp)).unwrap_or(0)
}

/// Whether `ra / rb` prints as `a / b` does: as a rate, a growth and a
/// multiple.
fn same_ratios(ra: f64, rb: f64, a: f64, b: f64) -> bool {
    let printed = |x: f64, shift, decimals| rounded(x, shift, decimals);
    printed(ra / rb, 2, 1) == printed(a / b, 2, 1)
        && printed((ra - rb) / rb, 2, 1) == printed((a - b) / b, 2, 1)
        && printed(ra / rb, 0, 1) == printed(a / b, 0, 1)
}

pub(crate) fn metric_figures_with(m: &Metric, cx: &Context, pairs: Pairs) -> MetricFigures {
    // Amounts given in 万元 (千元, 亿元, million yuan…) are worded as amounts
    // in yuan, in the unit that reads best ("12.85亿元", "128.45 million
    // yuan"); the metric and its changes stay in the unit given.
    if let Some(exp) = yuan_exp(&m.unit).filter(|&exp| exp > 0) {
        let scale = 10f64.powi(exp);
        let in_yuan = |x: f64| (x * scale * 100.0).round() / 100.0;
        let yuan = |n: Option<crate::data::Number>| n.map(|n| crate::data::Number(in_yuan(n.0)));
        let scaled = Metric {
            unit: "元".into(),
            target: yuan(m.target),
            actual: yuan(m.actual),
            previous: yuan(m.previous),
            last_year: yuan(m.last_year),
            ..m.clone()
        };
        let pairs = Pairs {
            for_target: pairs.for_target.map(in_yuan),
            for_previous: pairs.for_previous.map(in_yuan),
            for_last_year: pairs.for_last_year.map(in_yuan),
            named_target: pairs.named_target.map(in_yuan),
            mean: pairs.mean,
        };
        let mut f = metric_figures_with(&scaled, cx, pairs);
        f.metric = m.clone();
        for change in [&mut f.vs_previous, &mut f.vs_last_year].into_iter().flatten() {
            change.delta /= scale;
        }
        return f;
    }
    let value = |n: Option<crate::data::Number>| n.map(|n| n.0);
    let (target, actual) = (value(m.target), value(m.actual));
    let named_target = pairs.named_target.or(target);
    let met = match (pairs.for_target, target) {
        (Some(a), Some(t)) => Some(match m.better {
            Better::Higher => a >= t,
            Better::Lower => a <= t,
        }),
        _ => None,
    };
    let pct = is_percent(&m.unit);
    let yuan = is_yuan(&m.unit);
    let words = language(cx.lang);
    let unit = m.unit.trim();
    let basis = Basis::of(cx.period.as_ref());
    let compared = [
        (pairs.for_target, target),
        (pairs.for_previous, value(m.previous)),
        (pairs.for_last_year, value(m.last_year)),
    ];
    let print = if pct {
        // More decimals (up to four) where fewer would make a level its
        // target, or its earlier figure, when it is not: 99.996% is no
        // 100%, nor "全面完成".
        let base = if pairs.mean { 1 } else { 2 };
        let differ = |d: usize| {
            compared.iter().all(|&(a, b)| match (a, b) {
                (Some(a), Some(b)) if a != b => rounded(a, 0, d) != rounded(b, 0, d),
                _ => true,
            })
        };
        Print::Percent((base..=4).find(|&d| differ(d)).unwrap_or(4))
    } else if yuan {
        let shown: Vec<f64> = [actual, named_target].into_iter().flatten().collect();
        let pairs: Vec<(f64, f64)> = compared.iter().filter_map(|&(a, b)| Some((a?, b?))).collect();
        Print::Money(money_scale(words, &shown, &pairs))
    } else {
        Print::Count
    };
    let printed = |x: Option<f64>| x.and_then(|x| print.at(x));
    // The share of the target as the reader can work it out: of the
    // printed figures (2.35 of 2 tonnes is 117.5%, whatever the third
    // decimal was).
    let rate = match (printed(pairs.for_target), printed(target)) {
        // A share of a target of 0 or below means nothing, nor one of a
        // hundred times a target or more (a target of 0.0001 or a typo):
        // "10,000,000% of the target" is no figure to print.
        (Some(a), Some(t)) if t > 0.0 => Some(a / t).filter(|r| r.is_finite() && r.abs() < MAX_RATE),
        _ => None,
    };
    let kind = if pct {
        Quantity::Percent
    } else if yuan {
        Quantity::Yuan
    } else {
        Quantity::Count
    };
    let exp = if let Print::Money(exp) = print { exp } else { 0 };
    let change = |actual: Option<f64>, base: Option<f64>, since: Since| -> Option<Change> {
        let (a, b) = (actual?, base?);
        let (pa, pb) = (print.at(a)?, print.at(b)?);
        let delta = a - b;
        // Growth on a base of 0 or below means nothing: the change is said
        // in units only.
        let ratio = if pct || b <= 0.0 { None } else { Some(delta / b).filter(|r| r.is_finite()) };
        let printed_ratio = if pct || pb <= 0.0 { None } else { Some((pa - pb) / pb).filter(|r| r.is_finite()) };
        let good = if delta == 0.0 { None } else { Some((delta > 0.0) == (m.better == Better::Higher)) };
        let decimals = if let Print::Percent(d) = print { d.max(2) } else { 2 };
        let step = Step { kind, delta: pa - pb, ratio: printed_ratio, exp, unit, decimals };
        let text = words.change(since, &step);
        let figure = words.change_figure(since, &step);
        Some(Change { delta, ratio, good, text, figure })
    };
    let vs_previous = change(pairs.for_previous, value(m.previous), Since::Previous(basis));
    // A year's 同比 is its change on last year: 较上年, not 较上年同期.
    let since_last_year = Since::last_year(basis);
    let vs_last_year = change(pairs.for_last_year, value(m.last_year), since_last_year);
    let shown_actual = printed(actual);
    let shown_target = printed(named_target);
    let actual_text = shown_actual.map(|a| print.text(words, unit, a));
    let target_text = shown_target.map(|t| print.text(words, unit, t));
    let rate_text = rate.map(|r| words.percent(r));
    // Rates are compared as the reader sees them: a level with the printed
    // target; a count or an amount as its rate is taken.
    let (ours, theirs) = if pct { (shown_actual, shown_target) } else { (printed(pairs.for_target), printed(target)) };
    let outcome = match (ours, theirs) {
        // A ceiling of 0 (零事故) is a target too.
        (Some(a), Some(t)) if pct || t > 0.0 || (t == 0.0 && m.better == Better::Lower) => {
            Some(match (m.better, a.total_cmp(&t)) {
                (Better::Higher, std::cmp::Ordering::Greater) => Outcome::Exceeded,
                (Better::Higher, std::cmp::Ordering::Equal) => Outcome::Met,
                (Better::Higher, std::cmp::Ordering::Less) => Outcome::Short,
                (Better::Lower, std::cmp::Ordering::Greater) => Outcome::Over,
                (Better::Lower, _) => Outcome::Within,
            })
        }
        _ => None,
    };
    let gap_text = match (outcome, ours, theirs) {
        (Some(Outcome::Met), _, _) | (None, _, _) => None,
        (Some(_), Some(a), Some(t)) => Some(match print {
            Print::Percent(_) => words.points_gap((a - t).abs()),
            _ => print.text(words, unit, (a - t).abs()),
        }),
        _ => None,
    };
    let schedule_gap = match (rate, cx.schedule, m.better) {
        (Some(r), Some(s), Better::Higher) => rounded(r, 2, 1).zip(rounded(s, 2, 1)).map(|(r, s)| r - s),
        _ => None,
    };
    let on_schedule = schedule_gap.map(|g| g >= -1e-9);
    let previous_is_last_year = basis == Basis::Year && m.previous.is_some() && m.last_year.is_some();
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
        outcome,
        gap_text,
        schedule_gap,
        schedule_gap_text: schedule_gap.map(|g| words.schedule_gap(g)),
        sentence: String::new(),
        previous_is_last_year,
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

    fn cx(lang: Lang, schedule: Option<f64>) -> Context {
        Context { lang, schedule, period: None }
    }

    /// One figure case: the period, the label, the unit, the direction,
    /// target, actual, previous and last year's figure, the sentence.
    type Case = (&'static str, &'static str, &'static str, Better, [Option<f64>; 4], &'static str);

    const H: Better = Better::Higher;
    const L: Better = Better::Lower;
    const N: Option<f64> = None;

    fn sentence_of(lang: Lang, case: &Case, mean: bool) -> String {
        let (period, label, unit, better, [target, actual, previous, last_year], _) = *case;
        let m = Metric {
            id: Id("m".into()),
            label: Text(label.into()),
            unit: unit.into(),
            target: target.map(Number),
            actual: actual.map(Number),
            previous: previous.map(Number),
            last_year: last_year.map(Number),
            better,
        };
        let cx = Context { lang, schedule: None, period: Some(Period::parse(period).unwrap()) };
        let mut pairs = Pairs::own(&m);
        pairs.mean = mean;
        metric_figures_with(&m, &cx, pairs).sentence
    }

    fn check(lang: Lang, cases: &[Case]) {
        let mut wrong = Vec::new();
        for case in cases {
            let got = sentence_of(lang, case, false);
            if got != case.5 {
                wrong.push(format!("{:?} {:?}\n   want {}\n   got  {got}", case.1, case.4, case.5));
            }
        }
        assert!(wrong.is_empty(), "{} of {} sentences differ:\n{}", wrong.len(), cases.len(), wrong.join("\n"));
    }

    const ZH: &[Case] = &[
        // The comparison word follows the period.
        (
            "2026-10",
            "脱贫人口",
            "人",
            H,
            [Some(28174.0), Some(21000.0), Some(15000.0), N],
            "脱贫人口21000人，完成目标28174人的74.5%，较上月增加6000人，增长40%",
        ),
        (
            "2026-Q3",
            "脱贫人口",
            "人",
            H,
            [Some(28174.0), Some(21000.0), Some(15000.0), N],
            "脱贫人口21000人，完成目标28174人的74.5%，较上季度增加6000人，增长40%",
        ),
        (
            "2026-H2",
            "脱贫人口",
            "人",
            H,
            [Some(28174.0), Some(21000.0), Some(15000.0), N],
            "脱贫人口21000人，完成目标28174人的74.5%，较上半年增加6000人，增长40%",
        ),
        (
            "2026-H1",
            "脱贫人口",
            "人",
            H,
            [Some(28174.0), Some(21000.0), Some(15000.0), N],
            "脱贫人口21000人，完成目标28174人的74.5%，较上年下半年增加6000人，增长40%",
        ),
        (
            "2026",
            "脱贫人口",
            "人",
            H,
            [Some(28174.0), Some(21000.0), Some(15000.0), N],
            "脱贫人口21000人，完成目标28174人的74.5%，较上年增加6000人，增长40%",
        ),
        (
            "2026-07-15..2026-10-31",
            "脱贫人口",
            "人",
            H,
            [Some(28174.0), Some(21000.0), Some(15000.0), N],
            "脱贫人口21000人，完成目标28174人的74.5%，较上期增加6000人，增长40%",
        ),
        (
            "2026-10-05",
            "脱贫人口",
            "人",
            H,
            [Some(28174.0), Some(21000.0), Some(15000.0), N],
            "脱贫人口21000人，完成目标28174人的74.5%，较上日增加6000人，增长40%",
        ),
        (
            "2026-10",
            "脱贫人口",
            "人",
            H,
            [Some(28174.0), Some(21000.0), N, Some(12000.0)],
            "脱贫人口21000人，完成目标28174人的74.5%，较上年同期增加9000人，增长75%",
        ),
        (
            "2026-10",
            "脱贫人口",
            "人",
            H,
            [Some(28174.0), Some(21000.0), Some(15000.0), Some(12000.0)],
            "脱贫人口21000人，完成目标28174人的74.5%，较上月增加6000人，增长40%，较上年同期增加9000人，增长75%",
        ),
        // A yearly report says 较上年 once, where last year is the previous period.
        (
            "2026",
            "新增就业",
            "人",
            H,
            [Some(1700.0), Some(1756.0), Some(1320.0), Some(1320.0)],
            "新增就业1756人，超额完成目标1700人，完成率103.3%，较上年增加436人，增长33%",
        ),
        // 全面完成, 超额完成, and rates that print as 100%.
        ("2026", "通电村", "个", H, [Some(4.0), Some(4.0), N, N], "通电村4个，全面完成目标任务"),
        (
            "2026",
            "改造户数",
            "户",
            H,
            [Some(500.0), Some(512.0), N, N],
            "改造户数512户，超额完成目标500户，完成率102.4%",
        ),
        ("2026", "脱贫人口", "人", H, [Some(10000.0), Some(9999.0), N, N], "脱贫人口9999人，距目标10000人还差1人"),
        ("2026", "脱贫人口", "人", H, [Some(10000.0), Some(10001.0), N, N], "脱贫人口10001人，超额完成目标10000人"),
        ("2026", "脱贫人口", "人", H, [Some(28174.0), Some(0.0), N, N], "脱贫人口0人，完成目标28174人的0%"),
        // Multiples: 增长100%及以上说“是上期的几倍”.
        (
            "2026-10",
            "培训人次",
            "人次",
            H,
            [N, Some(2000.0), Some(1000.0), N],
            "培训人次2000人次，较上月增加1000人次，是上月的2倍",
        ),
        (
            "2026-10",
            "培训人次",
            "人次",
            H,
            [N, Some(3400.0), Some(1000.0), N],
            "培训人次3400人次，较上月增加2400人次，是上月的3.4倍",
        ),
        (
            "2026-10",
            "培训人次",
            "人次",
            H,
            [N, Some(1999.0), Some(1000.0), N],
            "培训人次1999人次，较上月增加999人次，增长99.9%",
        ),
        (
            "2026-Q3",
            "培训人次",
            "人次",
            H,
            [N, Some(10000.0), Some(1000.0), N],
            "培训人次10000人次，较上季度增加9000人次，是上季度的10倍",
        ),
        (
            "2026-10",
            "培训人次",
            "人次",
            H,
            [N, Some(700.0), Some(800.0), N],
            "培训人次700人次，较上月减少100人次，下降12.5%",
        ),
        ("2026-10", "培训人次", "人次", H, [N, Some(800.0), Some(800.0), N], "培训人次800人次，与上月持平"),
        ("2026-10", "培训人次", "人次", H, [N, Some(20.0), Some(0.0), N], "培训人次20人次，较上月增加20人次"),
        ("2026-10", "培训人次", "人次", H, [N, Some(0.0), Some(20.0), N], "培训人次0人次，较上月减少20人次，下降100%"),
        // Zero and missing targets and figures.
        ("2026-10", "培训人次", "人次", H, [Some(0.0), Some(5.0), N, N], "培训人次5人次（目标为0）"),
        ("2026-10", "培训人次", "人次", H, [N, Some(5.0), N, N], "培训人次5人次"),
        ("2026-10", "培训人次", "人次", H, [Some(10.0), N, Some(3.0), N], "培训人次暂无数据（目标10人次）"),
        ("2026-10", "培训人次", "人次", H, [N, N, N, N], "培训人次暂无数据"),
        (
            "2026",
            "造林面积",
            "亩",
            H,
            [Some(600.0), Some(550.0), Some(320.0), N],
            "造林面积550亩，完成目标600亩的91.7%，较上年增加230亩，增长71.9%",
        ),
        (
            "2026",
            "造林面积",
            "亩",
            H,
            [Some(600.0), Some(550.5), Some(320.0), N],
            "造林面积550.5亩，完成目标600亩的91.8%，较上年增加230.5亩，增长72%",
        ),
        // Levels in %: 达到, and the gap in percentage points.
        (
            "2026",
            "生活污水治理率",
            "%",
            H,
            [Some(40.0), Some(36.5), N, N],
            "生活污水治理率达到36.5%，距目标还差3.5个百分点",
        ),
        (
            "2026",
            "生活污水治理率",
            "%",
            H,
            [Some(40.0), Some(41.3), N, N],
            "生活污水治理率达到41.3%，高于目标1.3个百分点",
        ),
        ("2026", "生活污水治理率", "%", H, [Some(40.0), Some(40.0), N, N], "生活污水治理率达到40%，全面完成目标任务"),
        (
            "2026-10",
            "生活污水治理率",
            "%",
            H,
            [Some(40.0), Some(36.5), Some(34.2), N],
            "生活污水治理率达到36.5%，距目标还差3.5个百分点，较上月提高2.3个百分点",
        ),
        (
            "2026",
            "生活污水治理率",
            "%",
            H,
            [Some(40.0), Some(36.55), N, N],
            "生活污水治理率达到36.55%，距目标还差3.45个百分点",
        ),
        ("2026-10", "生活污水治理率", "%", H, [N, Some(36.5), Some(36.5), N], "生活污水治理率达到36.5%，与上月持平"),
        // A change as fine as the printed levels: never 持平 when they differ.
        (
            "2026-10",
            "生活污水治理率",
            "%",
            H,
            [N, Some(99.996), Some(99.999), N],
            "生活污水治理率达到99.996%，较上月下降0.003个百分点",
        ),
        (
            "2026-10",
            "生活污水治理率",
            "%",
            H,
            [N, Some(36.5), Some(34.2), Some(30.0)],
            "生活污水治理率达到36.5%，较上月提高2.3个百分点，较上年同期提高6.5个百分点",
        ),
        (
            "2026-10",
            "生活污水治理率",
            "%",
            H,
            [Some(40.0), Some(36.0), Some(35.0), N],
            "生活污水治理率达到36%，距目标还差4个百分点，较上月提高1个百分点",
        ),
        // Ceilings (lower is better).
        (
            "2026",
            "贫困发生率",
            "%",
            L,
            [Some(11.0), Some(10.3), Some(14.1), N],
            "贫困发生率为10.3%，控制在目标11%以内，较上年下降3.8个百分点",
        ),
        ("2026", "贫困发生率", "%", L, [Some(11.0), Some(12.1), N, N], "贫困发生率为12.1%，比控制目标11%高1.1个百分点"),
        ("2026", "贫困发生率", "%", L, [N, Some(10.3), Some(14.1), N], "贫困发生率为10.3%，较上年下降3.8个百分点"),
        (
            "2026-10",
            "安全生产事故",
            "起",
            L,
            [Some(5.0), Some(3.0), Some(4.0), N],
            "安全生产事故3起，控制在目标5起以内，较上月减少1起，下降25%",
        ),
        ("2026-10", "安全生产事故", "起", L, [Some(2.0), Some(3.0), N, N], "安全生产事故3起，比控制目标2起多1起"),
        ("2026-10", "安全生产事故", "起", L, [Some(3.0), Some(3.0), N, N], "安全生产事故3起，控制在目标3起以内"),
        (
            "2026-10",
            "行政运行支出",
            "元",
            L,
            [Some(1_000_000.0), Some(1_200_000.0), N, N],
            "行政运行支出120万元，比控制目标100万元多20万元",
        ),
        // Amounts: 元 below 10万元, one unit per sentence, no rounding that changes a figure.
        (
            "2026",
            "发放补贴",
            "元",
            H,
            [Some(12345.0), Some(12999.0), N, N],
            "发放补贴12999元，超额完成目标12345元，完成率105.3%",
        ),
        (
            "2026",
            "拨付资金",
            "元",
            H,
            [Some(128_400_000.0), Some(128_450_000.0), N, N],
            "拨付资金12845万元，超额完成目标12840万元",
        ),
        (
            "2026-10",
            "发放补贴",
            "元",
            H,
            [N, Some(17350.0), Some(15210.0), N],
            "发放补贴17350元，较上月增加2140元，增长14.1%",
        ),
        ("2026", "发放贷款", "元", H, [N, Some(32_200_000.0), N, N], "发放贷款3220万元"),
        ("2026", "争取贷款", "元", H, [N, Some(630_000_000.0), N, N], "争取贷款6.3亿元"),
        ("2026", "慰问金", "元", H, [N, Some(8000.0), N, N], "慰问金8000元"),
        ("2026", "筹集资金", "元", H, [N, Some(290_000.0), N, N], "筹集资金29万元"),
        ("2026", "投入资金", "元", H, [N, Some(70000.0), N, N], "投入资金7万元"),
        ("2026", "投入资金", "元", H, [N, Some(15000.0), N, N], "投入资金15000元"),
        ("2026", "投入资金", "元", H, [N, Some(99999.0), N, N], "投入资金99999元"),
        ("2026", "投入资金", "元", H, [N, Some(100_000.0), N, N], "投入资金10万元"),
        ("2026", "投入资金", "元", H, [N, Some(123_456.0), N, N], "投入资金12.35万元"),
        ("2026", "投入资金", "元", H, [Some(100_000.0), Some(70000.0), N, N], "投入资金7万元，完成目标10万元的70%"),
        ("2026", "投入资金", "元", H, [Some(90000.0), Some(75000.0), N, N], "投入资金75000元，完成目标90000元的83.3%"),
        ("2026", "投入资金", "元", H, [Some(100_000.0), Some(75000.0), N, N], "投入资金7.5万元，完成目标10万元的75%"),
        (
            "2026",
            "筹集资金",
            "元",
            H,
            [Some(150_000.0), Some(186_000.0), Some(82000.0), Some(82000.0)],
            "筹集资金18.6万元，超额完成目标15万元，完成率124%，较上年增加10.4万元，是上年的2.3倍",
        ),
        (
            "2026-10",
            "拨付资金",
            "元",
            H,
            [Some(40_000_000.0), Some(30_970_000.0), Some(26_040_000.0), N],
            "拨付资金3097万元，完成目标4000万元的77.4%，较上月增加493万元，增长18.9%",
        ),
        (
            "2026-10",
            "拨付资金",
            "元",
            H,
            [N, Some(26_040_000.0), Some(30_970_000.0), N],
            "拨付资金2604万元，较上月减少493万元，下降15.9%",
        ),
        (
            "2026",
            "拨付资金",
            "元",
            H,
            [Some(300_000_000.0), Some(286_000_000.0), N, N],
            "拨付资金2.86亿元，完成目标3亿元的95.3%",
        ),
        (
            "2026",
            "拨付资金",
            "元",
            H,
            [Some(123_456_789.0), Some(100_000_000.0), N, N],
            "拨付资金10000万元，完成目标12345.68万元的81%",
        ),
        (
            "2026",
            "拨付资金",
            "元",
            H,
            [Some(123_456.0), Some(123_449.0), N, N],
            "拨付资金123449元，距目标123456元还差7元",
        ),
        (
            "2026",
            "拨付资金",
            "元",
            H,
            [Some(10_000_000.0), Some(9_999_000.0), N, N],
            "拨付资金999.9万元，距目标1000万元还差0.1万元",
        ),
        (
            "2026",
            "拨付资金",
            "元",
            H,
            [Some(128_000_000.0), Some(128_000_000.0), N, N],
            "拨付资金1.28亿元，全面完成目标任务",
        ),
        (
            "2026-10",
            "发放补贴",
            "元",
            H,
            [N, Some(17350.0), Some(1000.0), N],
            "发放补贴17350元，较上月增加16350元，是上月的17.4倍",
        ),
        (
            "2026-Q3",
            "发放补贴",
            "元",
            H,
            [N, Some(200_000.0), Some(100_000.0), N],
            "发放补贴20万元，较上季度增加10万元，是上季度的2倍",
        ),
        (
            "2026",
            "争取贷款",
            "元",
            H,
            [N, Some(630_000_000.0), Some(320_000_000.0), N],
            "争取贷款6.3亿元，较上年增加3.1亿元，增长96.9%",
        ),
        ("2026-10", "发放补贴", "元", H, [Some(0.0), Some(0.0), Some(0.0), N], "发放补贴0元（目标为0），与上月持平"),
        // A level short of its target by less than the decimals show.
        ("2026-10", "覆盖率", "%", H, [Some(100.0), Some(99.996), N, N], "覆盖率达到99.996%，距目标还差0.004个百分点"),
        // A ceiling of 0.
        ("2026-10", "火灾事故", "起", L, [Some(0.0), Some(0.0), N, N], "火灾事故0起，实现“零发生”目标"),
        ("2026-10", "火灾事故", "起", L, [Some(0.0), Some(2.0), N, N], "火灾事故2起，未实现“零发生”目标"),
        // Never 0% or 100% for a change that is not; no multiple short of double.
        (
            "2026-10",
            "新增就业",
            "人",
            H,
            [N, Some(4999.0), Some(2500.0), N],
            "新增就业4999人，较上月增加2499人，增长99.96%",
        ),
        (
            "2026-10",
            "新增就业",
            "人",
            H,
            [N, Some(2499.0), Some(2500.0), N],
            "新增就业2499人，较上月减少1人，下降0.04%",
        ),
        // A year's change on last year is 较上年, said once.
        (
            "2026",
            "村集体经济收入",
            "元",
            H,
            [Some(200_000.0), Some(215_000.0), Some(98000.0), Some(126_000.0)],
            "村集体经济收入21.5万元，超额完成目标20万元，完成率107.5%，较上年增加8.9万元，增长70.6%",
        ),
        (
            "2026",
            "村集体经济收入",
            "元",
            H,
            [N, Some(215_000.0), N, Some(126_000.0)],
            "村集体经济收入21.5万元，较上年增加8.9万元，增长70.6%",
        ),
        // The rate is that of the printed figures: 2.35 / 2, not 2.346 / 2.
        (
            "2026-10",
            "清运垃圾",
            "吨",
            H,
            [Some(2.0), Some(2.346), N, N],
            "清运垃圾2.35吨，超额完成目标2吨，完成率117.5%",
        ),
        ("2026-10", "清运垃圾", "吨", H, [Some(2.004), Some(1.5), N, N], "清运垃圾1.5吨，完成目标2吨的75%"),
        // Amounts given in 万元 or 亿元 read as amounts in 元 do.
        (
            "2026",
            "争取贷款",
            "万元",
            H,
            [N, Some(63000.0), Some(32000.0), N],
            "争取贷款6.3亿元，较上年增加3.1亿元，增长96.9%",
        ),
        (
            "2026-10",
            "拨付资金",
            "万元",
            H,
            [Some(12840.0), Some(12845.0), N, N],
            "拨付资金12845万元，超额完成目标12840万元",
        ),
        (
            "2026-10",
            "固定资产投资",
            "万元",
            H,
            [Some(99999.0), Some(100_004.0), Some(45000.0), N],
            "固定资产投资100004万元，超额完成目标99999万元，较上月增加55004万元，是上月的2.2倍",
        ),
        ("2026-10", "发放补贴", "万元", H, [Some(1.5), Some(1.2999), N, N], "发放补贴12999元，完成目标15000元的86.7%"),
        (
            "2026",
            "地方财政收入",
            "亿元",
            H,
            [Some(12.0), Some(12.345), N, N],
            "地方财政收入12.35亿元，超额完成目标12亿元，完成率102.9%",
        ),
    ];

    #[test]
    fn chinese_figures_read_as_an_office_writes_them() {
        assert!(ZH.len() >= 60, "{} cases", ZH.len());
        check(Lang::Zh, ZH);
    }

    const EN: &[Case] = &[
        (
            "2026-10",
            "People lifted out of poverty",
            "people",
            H,
            [Some(28174.0), Some(21000.0), Some(15000.0), N],
            "21,000 people lifted out of poverty, 74.5% of the target of 28,174, up 6,000 (40%) on the previous month",
        ),
        (
            "2026-Q3",
            "People lifted out of poverty",
            "people",
            H,
            [Some(28174.0), Some(21000.0), Some(15000.0), N],
            "21,000 people lifted out of poverty, 74.5% of the target of 28,174, up 6,000 (40%) on the previous quarter",
        ),
        (
            "2026-H2",
            "People lifted out of poverty",
            "people",
            H,
            [Some(28174.0), Some(21000.0), Some(15000.0), N],
            "21,000 people lifted out of poverty, 74.5% of the target of 28,174, up 6,000 (40%) on the first half of the year",
        ),
        (
            "2026-H1",
            "People lifted out of poverty",
            "people",
            H,
            [Some(28174.0), Some(21000.0), Some(15000.0), N],
            "21,000 people lifted out of poverty, 74.5% of the target of 28,174, up 6,000 (40%) on the second half of last year",
        ),
        (
            "2026",
            "People lifted out of poverty",
            "people",
            H,
            [Some(28174.0), Some(21000.0), Some(15000.0), N],
            "21,000 people lifted out of poverty, 74.5% of the target of 28,174, up 6,000 (40%) on the previous year",
        ),
        (
            "2026-07-15..2026-10-31",
            "People lifted out of poverty",
            "people",
            H,
            [Some(28174.0), Some(21000.0), Some(15000.0), N],
            "21,000 people lifted out of poverty, 74.5% of the target of 28,174, up 6,000 (40%) on the previous period",
        ),
        (
            "2026-10-05",
            "People lifted out of poverty",
            "people",
            H,
            [Some(28174.0), Some(21000.0), Some(15000.0), N],
            "21,000 people lifted out of poverty, 74.5% of the target of 28,174, up 6,000 (40%) on the previous day",
        ),
        (
            "2026-10",
            "People lifted out of poverty",
            "people",
            H,
            [Some(28174.0), Some(21000.0), N, Some(12000.0)],
            "21,000 people lifted out of poverty, 74.5% of the target of 28,174, up 9,000 (75%) on the same period last year",
        ),
        (
            "2026-10",
            "People lifted out of poverty",
            "people",
            H,
            [Some(28174.0), Some(21000.0), Some(15000.0), Some(12000.0)],
            "21,000 people lifted out of poverty, 74.5% of the target of 28,174, up 6,000 (40%) on the previous month, up 9,000 (75%) on the same period last year",
        ),
        (
            "2026",
            "New jobs",
            "",
            H,
            [Some(1700.0), Some(1756.0), Some(1320.0), Some(1320.0)],
            "New jobs: 1,756, exceeding the target of 1,700 (103.3%), up 436 (33%) on the previous year",
        ),
        (
            "2026",
            "Villages connected",
            "villages",
            H,
            [Some(4.0), Some(4.0), N, N],
            "4 villages connected, meeting the target of 4 in full",
        ),
        (
            "2026",
            "Houses renovated",
            "",
            H,
            [Some(500.0), Some(512.0), N, N],
            "Houses renovated: 512, exceeding the target of 500 (102.4%)",
        ),
        (
            "2026",
            "People lifted out of poverty",
            "people",
            H,
            [Some(10000.0), Some(9999.0), N, N],
            "9,999 people lifted out of poverty, 1 short of the target of 10,000",
        ),
        (
            "2026",
            "People lifted out of poverty",
            "people",
            H,
            [Some(10000.0), Some(10001.0), N, N],
            "10,001 people lifted out of poverty, exceeding the target of 10,000",
        ),
        (
            "2026",
            "People lifted out of poverty",
            "people",
            H,
            [Some(28174.0), Some(0.0), N, N],
            "0 people lifted out of poverty, 0% of the target of 28,174",
        ),
        (
            "2026-10",
            "Trainees",
            "",
            H,
            [N, Some(2000.0), Some(1000.0), N],
            "Trainees: 2,000, doubled on the previous month (up 1,000)",
        ),
        (
            "2026-10",
            "Trainees",
            "",
            H,
            [N, Some(3400.0), Some(1000.0), N],
            "Trainees: 3,400, up 2,400 on the previous month, 3.4 times the earlier figure",
        ),
        (
            "2026-10",
            "Trainees",
            "",
            H,
            [N, Some(1999.0), Some(1000.0), N],
            "Trainees: 1,999, up 999 (99.9%) on the previous month",
        ),
        (
            "2026-Q3",
            "Trainees",
            "",
            H,
            [N, Some(10000.0), Some(1000.0), N],
            "Trainees: 10,000, up 9,000 on the previous quarter, 10 times the earlier figure",
        ),
        (
            "2026-10",
            "Trainees",
            "",
            H,
            [N, Some(700.0), Some(800.0), N],
            "Trainees: 700, down 100 (12.5%) on the previous month",
        ),
        (
            "2026-10",
            "Trainees",
            "",
            H,
            [N, Some(800.0), Some(800.0), N],
            "Trainees: 800, unchanged on the previous month",
        ),
        ("2026-10", "Trainees", "", H, [N, Some(20.0), Some(0.0), N], "Trainees: 20, up 20 on the previous month"),
        (
            "2026-10",
            "Trainees",
            "",
            H,
            [N, Some(0.0), Some(20.0), N],
            "Trainees: 0, down 20 (100%) on the previous month",
        ),
        ("2026-10", "Trainees", "", H, [Some(0.0), Some(5.0), N, N], "Trainees: 5 (the target is 0)"),
        ("2026-10", "Trainees", "", H, [N, Some(5.0), N, N], "Trainees: 5"),
        ("2026-10", "Trainees", "", H, [Some(10.0), N, Some(3.0), N], "Trainees: no figure reported (target: 10)"),
        ("2026-10", "Trainees", "", H, [N, N, N, N], "Trainees: no figure reported"),
        (
            "2026",
            "Land afforested",
            "mu",
            H,
            [Some(600.0), Some(550.0), Some(320.0), N],
            "Land afforested: 550 mu, 91.7% of the target of 600, up 230 (71.9%) on the previous year",
        ),
        (
            "2026",
            "Land afforested",
            "mu",
            H,
            [Some(600.0), Some(550.5), Some(320.0), N],
            "Land afforested: 550.5 mu, 91.8% of the target of 600, up 230.5 (72%) on the previous year",
        ),
        (
            "2026",
            "Sewage treatment rate",
            "%",
            H,
            [Some(40.0), Some(36.5), N, N],
            "Sewage treatment rate reached 36.5%, 3.5 percentage points short of the target of 40%",
        ),
        (
            "2026",
            "Sewage treatment rate",
            "%",
            H,
            [Some(40.0), Some(41.3), N, N],
            "Sewage treatment rate reached 41.3%, 1.3 percentage points above the target of 40%",
        ),
        (
            "2026",
            "Sewage treatment rate",
            "%",
            H,
            [Some(40.0), Some(40.0), N, N],
            "Sewage treatment rate reached 40%, meeting the target of 40% in full",
        ),
        (
            "2026-10",
            "Sewage treatment rate",
            "%",
            H,
            [Some(40.0), Some(36.5), Some(34.2), N],
            "Sewage treatment rate reached 36.5%, 3.5 percentage points short of the target of 40%, up 2.3 percentage points on the previous month",
        ),
        (
            "2026",
            "Sewage treatment rate",
            "%",
            H,
            [Some(40.0), Some(36.55), N, N],
            "Sewage treatment rate reached 36.55%, 3.45 percentage points short of the target of 40%",
        ),
        (
            "2026-10",
            "Sewage treatment rate",
            "%",
            H,
            [N, Some(36.5), Some(36.5), N],
            "Sewage treatment rate reached 36.5%, unchanged on the previous month",
        ),
        (
            "2026-10",
            "Sewage treatment rate",
            "%",
            H,
            [N, Some(99.996), Some(99.999), N],
            "Sewage treatment rate reached 99.996%, down 0.003 percentage points on the previous month",
        ),
        (
            "2026-10",
            "Sewage treatment rate",
            "%",
            H,
            [N, Some(36.5), Some(34.2), Some(30.0)],
            "Sewage treatment rate reached 36.5%, up 2.3 percentage points on the previous month, up 6.5 percentage points on the same period last year",
        ),
        (
            "2026-10",
            "Sewage treatment rate",
            "%",
            H,
            [Some(40.0), Some(36.0), Some(35.0), N],
            "Sewage treatment rate reached 36%, 4 percentage points short of the target of 40%, up 1 percentage point on the previous month",
        ),
        (
            "2026",
            "Poverty rate",
            "%",
            L,
            [Some(11.0), Some(10.3), Some(14.1), N],
            "Poverty rate stood at 10.3%, within the target of 11%, down 3.8 percentage points on the previous year",
        ),
        (
            "2026",
            "Poverty rate",
            "%",
            L,
            [Some(11.0), Some(12.1), N, N],
            "Poverty rate stood at 12.1%, 1.1 percentage points above the target of 11%",
        ),
        (
            "2026",
            "Poverty rate",
            "%",
            L,
            [N, Some(10.3), Some(14.1), N],
            "Poverty rate stood at 10.3%, down 3.8 percentage points on the previous year",
        ),
        (
            "2026-10",
            "Workplace accidents",
            "",
            L,
            [Some(5.0), Some(3.0), Some(4.0), N],
            "Workplace accidents: 3, within the target of 5, down 1 (25%) on the previous month",
        ),
        (
            "2026-10",
            "Workplace accidents",
            "",
            L,
            [Some(2.0), Some(3.0), N, N],
            "Workplace accidents: 3, 1 above the target of 2",
        ),
        (
            "2026-10",
            "Workplace accidents",
            "",
            L,
            [Some(3.0), Some(3.0), N, N],
            "Workplace accidents: 3, within the target of 3",
        ),
        (
            "2026-10",
            "Running costs",
            "yuan",
            L,
            [Some(1_000_000.0), Some(1_200_000.0), N, N],
            "Running costs: 1.2 million yuan, 0.2 million yuan above the target of 1 million yuan",
        ),
        (
            "2026",
            "Subsidies paid",
            "yuan",
            H,
            [Some(12345.0), Some(12999.0), N, N],
            "Subsidies paid: 12,999 yuan, exceeding the target of 12,345 yuan (105.3%)",
        ),
        (
            "2026",
            "Funds allocated",
            "yuan",
            H,
            [Some(128_400_000.0), Some(128_450_000.0), N, N],
            "Funds allocated: 128.45 million yuan, exceeding the target of 128.4 million yuan",
        ),
        (
            "2026-10",
            "Subsidies paid",
            "yuan",
            H,
            [N, Some(17350.0), Some(15210.0), N],
            "Subsidies paid: 17,350 yuan, up 2,140 yuan (14.1%) on the previous month",
        ),
        ("2026", "Loans granted", "yuan", H, [N, Some(32_200_000.0), N, N], "Loans granted: 32.2 million yuan"),
        ("2026", "Loan secured", "yuan", H, [N, Some(630_000_000.0), N, N], "Loan secured: 630 million yuan"),
        ("2026", "Solatium", "yuan", H, [N, Some(8000.0), N, N], "Solatium: 8,000 yuan"),
        ("2026", "Funds raised", "yuan", H, [N, Some(290_000.0), N, N], "Funds raised: 290,000 yuan"),
        ("2026", "Funds invested", "yuan", H, [N, Some(70000.0), N, N], "Funds invested: 70,000 yuan"),
        ("2026", "Funds invested", "yuan", H, [N, Some(999_999.0), N, N], "Funds invested: 999,999 yuan"),
        ("2026", "Funds invested", "yuan", H, [N, Some(1_284_500_000.0), N, N], "Funds invested: 1.28 billion yuan"),
        ("2026", "Funds invested", "yuan", H, [N, Some(1_234_567.0), N, N], "Funds invested: 1.23 million yuan"),
        (
            "2026",
            "Funds raised",
            "yuan",
            H,
            [Some(150_000.0), Some(186_000.0), Some(82000.0), Some(82000.0)],
            "Funds raised: 186,000 yuan, exceeding the target of 150,000 yuan (124%), up 104,000 yuan on the previous year, 2.3 times the earlier figure",
        ),
        (
            "2026-10",
            "Funds disbursed",
            "yuan",
            H,
            [Some(40_000_000.0), Some(30_970_000.0), Some(26_040_000.0), N],
            "Funds disbursed: 30.97 million yuan, 77.4% of the target of 40 million yuan, up 4.93 million yuan (18.9%) on the previous month",
        ),
        (
            "2026-10",
            "Funds disbursed",
            "yuan",
            H,
            [N, Some(26_040_000.0), Some(30_970_000.0), N],
            "Funds disbursed: 26.04 million yuan, down 4.93 million yuan (15.9%) on the previous month",
        ),
        (
            "2026",
            "Funds disbursed",
            "yuan",
            H,
            [Some(3_000_000_000.0), Some(2_860_000_000.0), N, N],
            "Funds disbursed: 2.86 billion yuan, 95.3% of the target of 3 billion yuan",
        ),
        (
            "2026",
            "Funds disbursed",
            "yuan",
            H,
            [Some(1_234_567_890.0), Some(1_000_000_000.0), N, N],
            "Funds disbursed: 1,000 million yuan, 81% of the target of 1,234.57 million yuan",
        ),
        (
            "2026",
            "Funds disbursed",
            "yuan",
            H,
            [Some(1_234_560.0), Some(1_234_490.0), N, N],
            "Funds disbursed: 1,234,490 yuan, 70 yuan short of the target of 1,234,560 yuan",
        ),
        (
            "2026",
            "Funds disbursed",
            "yuan",
            H,
            [Some(100_000_000.0), Some(99_990_000.0), N, N],
            "Funds disbursed: 99.99 million yuan, 0.01 million yuan short of the target of 100 million yuan",
        ),
        (
            "2026",
            "Funds disbursed",
            "yuan",
            H,
            [Some(1_280_000_000.0), Some(1_280_000_000.0), N, N],
            "Funds disbursed: 1.28 billion yuan, meeting the target of 1.28 billion yuan in full",
        ),
        (
            "2026-Q3",
            "Subsidies paid",
            "yuan",
            H,
            [N, Some(200_000.0), Some(100_000.0), N],
            "Subsidies paid: 200,000 yuan, doubled on the previous quarter (up 100,000 yuan)",
        ),
        (
            "2026",
            "Loan secured",
            "yuan",
            H,
            [N, Some(630_000_000.0), Some(320_000_000.0), N],
            "Loan secured: 630 million yuan, up 310 million yuan (96.9%) on the previous year",
        ),
        (
            "2026-10",
            "Subsidies paid",
            "yuan",
            H,
            [Some(0.0), Some(0.0), Some(0.0), N],
            "Subsidies paid: 0 yuan (the target is 0), unchanged on the previous month",
        ),
        // A count of 1 takes the singular.
        (
            "2026-10",
            "Work safety accidents",
            "accidents",
            L,
            [Some(3.0), Some(1.0), N, N],
            "Work safety accidents: 1 accident, within the target of 3",
        ),
        (
            "2026-10",
            "People lifted out of poverty",
            "people",
            H,
            [N, Some(1.0), N, N],
            "1 person lifted out of poverty",
        ),
        // A ceiling of 0.
        ("2026-10", "Fires", "fires", L, [Some(0.0), Some(2.0), N, N], "2 fires, against a target of zero"),
        ("2026-10", "Fires", "fires", L, [Some(0.0), Some(0.0), N, N], "0 fires, meeting the target of zero"),
        // Never 0% or 100% for a change that is not; not "doubled" short of it.
        (
            "2026-10",
            "New jobs",
            "jobs",
            H,
            [N, Some(4999.0), Some(2500.0), N],
            "New jobs: 4,999 jobs, up 2,499 (99.96%) on the previous month",
        ),
        // A year's change on last year is said once.
        (
            "2026",
            "Village income",
            "yuan",
            H,
            [N, Some(215_000.0), Some(98000.0), Some(126_000.0)],
            "Village income: 215,000 yuan, up 89,000 yuan (70.6%) on the previous year",
        ),
        // The rate is that of the printed figures.
        (
            "2026-10",
            "Waste removed",
            "tonnes",
            H,
            [Some(2.0), Some(2.346), N, N],
            "Waste removed: 2.35 tonnes, exceeding the target of 2 (117.5%)",
        ),
        // Amounts given in 万元 or million yuan read as amounts in yuan do.
        (
            "2026-10",
            "Loans granted",
            "万元",
            H,
            [Some(3000.0), Some(3220.0), N, N],
            "Loans granted: 32.2 million yuan, exceeding the target of 30 million yuan (107.3%)",
        ),
        (
            "2026",
            "Revenue",
            "million yuan",
            H,
            [Some(1200.0), Some(1280.0), N, N],
            "Revenue: 1.28 billion yuan, exceeding the target of 1.2 billion yuan (106.7%)",
        ),
    ];

    #[test]
    fn english_figures_read_as_an_office_writes_them() {
        assert!(EN.len() >= 60, "{} cases", EN.len());
        check(Lang::En, EN);
    }

    #[test]
    fn means_of_percentages_have_one_decimal() {
        let case: Case = ("2026-10", "平均入户率", "%", H, [Some(90.0), Some(88.83), N, N], "");
        assert_eq!(sentence_of(Lang::Zh, &case, true), "平均入户率达到88.8%，距目标还差1.2个百分点");
        let case: Case = ("2026-10", "Mean coverage", "%", H, [Some(90.0), Some(88.83), N, N], "");
        assert_eq!(
            sentence_of(Lang::En, &case, true),
            "Mean coverage reached 88.8%, 1.2 percentage points short of the target of 90%"
        );
    }

    /// The gap to the schedule is that of the printed figures.
    #[test]
    fn schedule_gaps_are_the_gaps_of_the_printed_figures() {
        let cases: &[(f64, f64, f64, &str, &str)] = &[
            (
                0.8312,
                10.0 / 12.0,
                -0.2,
                "完成率为83.1%，低于序时进度0.2个百分点",
                "83.1%, 0.2 percentage points behind schedule",
            ),
            (
                0.8349,
                10.0 / 12.0,
                0.0,
                "完成率为83.5%，高于序时进度0.2个百分点",
                "83.5%, 0.2 percentage points ahead of schedule",
            ),
            (0.8333, 10.0 / 12.0, 0.0, "完成率为83.3%，与序时进度持平", "83.3%, exactly on schedule"),
            (
                0.75,
                10.0 / 12.0,
                -8.3,
                "完成率为75%，低于序时进度8.3个百分点",
                "75%, 8.3 percentage points behind schedule",
            ),
            (0.9, 0.5, 40.0, "完成率为90%，高于序时进度40个百分点", "90%, 40 percentage points ahead of schedule"),
        ];
        for &(rate, schedule, _, zh, en) in cases {
            let m = metric("people", Some(10000.0), Some(rate * 10000.0), None, Better::Higher);
            let f = metric_figures(&m, &cx(Lang::Zh, Some(schedule)));
            let said =
                format!("完成率为{}，{}", f.rate_text.as_deref().unwrap(), f.schedule_gap_text.as_deref().unwrap());
            assert_eq!(said, zh);
            let f = metric_figures(&m, &cx(Lang::En, Some(schedule)));
            let said = format!("{}, {}", f.rate_text.as_deref().unwrap(), f.schedule_gap_text.as_deref().unwrap());
            assert_eq!(said, en);
        }
        let m = metric("people", Some(10000.0), Some(8312.0), None, Better::Higher);
        let f = metric_figures(&m, &cx(Lang::Zh, Some(10.0 / 12.0)));
        assert!(f.schedule_gap.is_some_and(|g| (g + 0.2).abs() < 1e-9), "{:?}", f.schedule_gap);
        assert_eq!(f.on_schedule, Some(false));
        // Where lower is better there is no schedule.
        let m = metric("people", Some(10000.0), Some(8312.0), None, Better::Lower);
        assert_eq!(metric_figures(&m, &cx(Lang::Zh, Some(0.5))).schedule_gap_text, None);
    }

    #[test]
    fn no_percentages_over_a_base_of_zero_or_below() {
        let m = metric("people", Some(-10.0), Some(20.0), Some(-5.0), Better::Higher);
        let en = metric_figures(&m, &cx(Lang::En, None));
        assert_eq!(en.rate, None);
        assert_eq!(en.vs_previous.as_ref().unwrap().ratio, None);
        assert!(!en.sentence.contains('%'), "{}", en.sentence);
        assert!(en.sentence.contains("up 25 on the previous period"), "{}", en.sentence);
        let zh = metric_figures(&m, &cx(Lang::Zh, None));
        assert!(!zh.sentence.contains('%') && !zh.sentence.contains("下降"), "{}", zh.sentence);
    }

    #[test]
    fn no_absurd_shares_of_a_tiny_target() {
        for lang in [Lang::En, Lang::Zh] {
            let f = metric_figures(&metric("people", Some(1e-20), Some(5.0), None, Better::Higher), &cx(lang, None));
            assert_eq!(f.rate, None);
            assert_eq!(f.met, Some(true));
            assert!(!f.sentence.contains('%') && !f.sentence.contains("e2"), "{}", f.sentence);
            let f = metric_figures(&metric("people", Some(40.0), Some(3000.0), None, Better::Higher), &cx(lang, None));
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
                for unit in ["people", "元", "%"] {
                    let f =
                        metric_figures(&metric(unit, target, actual, previous, Better::Higher), &cx(lang, Some(0.5)));
                    for bad in ["NaN", "nan", "inf", "∞"] {
                        assert!(!f.sentence.contains(bad), "{}", f.sentence);
                    }
                }
            }
        }
    }

    #[test]
    fn rates_change_in_points_and_are_judged_by_better() {
        let m = metric("%", Some(11.0), Some(10.3), Some(14.1), Better::Lower);
        let f = metric_figures(&m, &cx(Lang::Zh, None));
        assert_eq!(f.outcome, Some(Outcome::Within));
        let change = f.vs_previous.unwrap();
        assert_eq!(change.good, Some(true));
        assert_eq!(change.text, "较上期下降3.8个百分点");
        assert_eq!(change.figure, "下降3.8个百分点");
        assert_eq!(f.met, Some(true));
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
