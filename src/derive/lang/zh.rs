//! The Chinese words.

use chrono::NaiveDate;

use super::{Basis, Label, Language, LeftOut, MoneyScale, Quantity, Since, Step, trim_zeros};
use crate::data::{Better, Due, Period};
use crate::derive::format::{MISSING, rounded, zh};
use crate::derive::metric::{MetricFigures, Outcome, is_percent, is_yuan};

/// Simplified Chinese.
pub(super) struct Chinese;

impl Language for Chinese {
    fn number(&self, x: f64, decimals: usize) -> String {
        zh::number(x, decimals)
    }

    fn amount_yuan(&self, yuan: f64) -> String {
        zh::amount_yuan(yuan)
    }

    fn percent(&self, ratio: f64) -> String {
        zh::percent(ratio)
    }

    fn points(&self, delta: f64) -> String {
        zh::points(delta)
    }

    fn date(&self, date: NaiveDate) -> String {
        zh::date(date)
    }

    fn period(&self, period: &Period) -> String {
        zh::period(period)
    }

    fn due(&self, due: &Due) -> String {
        zh::due(due)
    }

    fn households_people(&self, households: f64, people: f64) -> String {
        zh::households_people(households, people)
    }

    fn quantity(&self, unit: &str, value: f64) -> String {
        // Counts and amounts come rounded to two decimals; a level may
        // need up to four (99.996%).
        let digits = crate::derive::format::decimals_of(value, 4);
        if is_yuan(unit) {
            zh::amount_yuan(value)
        } else if is_percent(unit) {
            format!("{}%", trim_zeros(zh::number(value, digits)))
        } else {
            format!("{}{}", trim_zeros(zh::number(value, digits)), unit.trim())
        }
    }

    fn change(&self, since: Since, step: &Step) -> String {
        change_words(true, since_word(since), step)
    }

    fn change_figure(&self, since: Since, step: &Step) -> String {
        change_words(false, since_word(since), step)
    }

    fn money(&self, amount: f64, exp: i32) -> String {
        zh::money(amount, exp)
    }

    fn money_scales(&self) -> &'static [MoneyScale] {
        const SCALES: [MoneyScale; 4] = [
            MoneyScale { exp: 12, from: 1e12, whole_from: f64::INFINITY },
            MoneyScale { exp: 8, from: 1e8, whole_from: f64::INFINITY },
            // 元 below 10万元, but a whole number of 万 stays in 万元: 7万元.
            MoneyScale { exp: 4, from: 1e5, whole_from: 1e4 },
            MoneyScale { exp: 0, from: 0.0, whole_from: 0.0 },
        ];
        &SCALES
    }

    fn points_gap(&self, points: f64) -> String {
        format!(
            "{}个百分点",
            trim_zeros(zh::number(points.abs(), crate::derive::format::decimals_of(points.abs(), 4).max(2)))
        )
    }

    fn schedule_gap(&self, points: f64) -> String {
        match rounded(points, 0, 2) {
            Some(g) if g < 0.0 => format!("低于序时进度{}", self.points_gap(g)),
            Some(g) if g > 0.0 => format!("高于序时进度{}", self.points_gap(g)),
            _ => "与序时进度持平".to_owned(),
        }
    }

    fn table_header(&self, previous: Basis) -> [&'static str; 7] {
        let previous = match previous {
            Basis::Month => "较上月",
            Basis::Quarter => "较上季度",
            Basis::FirstHalf => "较上半年",
            Basis::LastSecondHalf => "较上年下半年",
            Basis::Year => "较上年",
            Basis::Day => "较上日",
            Basis::Period => "较上期",
        };
        ["指标", "单位", "目标", "完成", "完成率", previous, "同比"]
    }

    fn figures_title(&self) -> &'static str {
        "目标任务完成情况"
    }

    fn printed_on(&self, date: NaiveDate) -> String {
        format!("{}印发", self.date(date))
    }

    fn sentence(&self, figures: &MetricFigures) -> String {
        sentence(figures)
    }

    fn mean_of(&self, label: &str, units: usize) -> String {
        format!("{label}（{units}个单位平均）")
    }

    fn rate_basis(&self, left_out: &[(String, LeftOut)], rest: usize) -> String {
        let mut parts = Vec::new();
        for (why, words) in [
            (LeftOut::NoReturn, "未报送数据"),
            (LeftOut::SetAside, "报送的数据未纳入汇总"),
            (LeftOut::NoActual, "未报送完成数"),
            (LeftOut::NoTarget, "未报送目标数"),
        ] {
            let names: Vec<&str> = left_out.iter().filter(|(_, w)| *w == why).map(|(n, _)| n.as_str()).collect();
            if !names.is_empty() {
                parts.push(format!("{}{words}", names.join("、")));
            }
        }
        format!("（{}，完成率按其余{rest}个单位计算）", parts.join("，"))
    }

    fn change_basis(&self, since: Since, without: &[String], rest: usize) -> String {
        let word = since_word(since);
        format!("（{}未报送{word}数，较{word}变化按其余{rest}个单位计算）", without.join("、"))
    }

    fn not_rolled_up(&self, name: &str, kind: &str, detail: &str) -> String {
        match kind {
            "unmatched" => format!("{name}（未找到报送文件）"),
            "other_period" => format!("{name}（报送期次不符）"),
            "twice" => format!("{name}（报送了{detail}份报表，均未汇总）"),
            "faulty" => format!("{name}（报表有误，未能汇总）"),
            "disagrees" if !detail.is_empty() => format!("{name}（{detail}）"),
            "disagrees" => format!("{name}（计量口径与汇总口径不一致）"),
            _ => format!("{name}（文件有误，未能汇总）"),
        }
    }

    fn disagreeing_unit(&self, label: &str, stated: &str, expected: &str) -> String {
        let expected = if expected.is_empty() { "不带单位" } else { expected };
        format!("{label}的计量单位为“{stated}”，与汇总口径“{expected}”不一致")
    }

    fn disagreeing_better(&self, label: &str) -> String {
        format!("{label}的指标方向与汇总口径不一致")
    }

    fn total_row(&self) -> &'static str {
        "合计"
    }

    fn issue(&self, n: u32) -> String {
        format!("第{n}期")
    }

    fn total_issue(&self, n: u32) -> String {
        format!("总第{n}期")
    }

    fn issue_line(&self, issue: u32, total: Option<u32>) -> String {
        match total {
            Some(total) => format!("{}（{}）", self.issue(issue), self.total_issue(total)),
            None => self.issue(issue),
        }
    }

    fn compiled_by(&self, organization: &str) -> String {
        if organization.ends_with('编') { organization.to_owned() } else { format!("{organization}编") }
    }

    fn copies(&self, n: u32) -> String {
        format!("共印{n}份")
    }

    fn label(&self, label: Label) -> &'static str {
        match label {
            Label::Attachment | Label::Attachments => "附件",
            Label::Draft => "草稿",
            Label::ReportTo => "报",
            Label::SendTo => "送",
            Label::IssueTo => "发",
            Label::To => "致",
            Label::Signer => "签发人",
            Label::CopyTo => "抄送",
        }
    }

    fn colon(&self) -> &'static str {
        "："
    }

    fn label_colon(&self) -> &'static str {
        "："
    }

    fn list_separator(&self) -> &'static str {
        "、"
    }

    fn style_chars(&self) -> &'static str {
        "●○■—：，、。（）"
    }
}

/// A ceiling of 0: 零事故, 零发生.
fn zero_ceiling(f: &MetricFigures) -> bool {
    f.metric.better == Better::Lower && f.metric.target.is_some_and(|t| t.0 == 0.0)
}

/// The words after 较 of the period a change is on.
fn since_word(since: Since) -> &'static str {
    match since {
        Since::Previous(Basis::Month) => "上月",
        Since::Previous(Basis::Quarter) => "上季度",
        Since::Previous(Basis::FirstHalf) => "上半年",
        Since::Previous(Basis::LastSecondHalf) => "上年下半年",
        Since::Previous(Basis::Year) => "上年",
        Since::Previous(Basis::Day) => "上日",
        Since::Previous(Basis::Period) => "上期",
        Since::LastYear => "上年同期",
    }
}

/// "较上月增加493万元，增长18.9%", "较上月提高3.8个百分点", "较上年增加2.4万户，
/// 是上年的3.4倍", "与上月持平"; without `with_since`, the table's cell:
/// "增加493万元，增长18.9%", "持平".
///
/// A growth of 100% or more is said as a multiple of the base: 增长240% is
/// "是上期的3.4倍" (not "增长2.4倍", which readers take both ways).
fn change_words(with_since: bool, since: &str, step: &Step) -> String {
    let delta = step.delta;
    let Some(printed) = rounded(delta, 0, step.decimals) else { return MISSING.to_owned() };
    if printed == 0.0 {
        return if with_since { format!("与{since}持平") } else { "持平".to_owned() };
    }
    let (more, rise) = if printed > 0.0 { ("增加", "增长") } else { ("减少", "下降") };
    let amount = match step.kind {
        Quantity::Percent => {
            let word = if printed > 0.0 { "提高" } else { "下降" };
            format!("{word}{}个百分点", trim_zeros(zh::number(delta.abs(), step.decimals)))
        }
        Quantity::Yuan => format!("{more}{}", zh::money(delta.abs(), step.exp)),
        Quantity::Count => format!("{more}{}{}", trim_zeros(zh::number(delta.abs(), step.decimals)), step.unit),
    };
    let head = if with_since { format!("较{since}{amount}") } else { amount };
    match step.ratio.filter(|r| r.is_finite()) {
        // A growth of 99.96% is none: it is said as a percentage.
        Some(r) if r >= 1.0 - 1e-9 => {
            format!("{head}，是{since}的{}倍", trim_zeros(zh::number(1.0 + r, 1)))
        }
        Some(r) => format!("{head}，{rise}{}", zh::percent(r.abs())),
        None => head,
    }
}

/// "脱贫人口21000人，完成目标28174人的74.5%，较上期增加6000人，增长40%";
/// "生活污水治理率达到36.5%，距目标还差3.5个百分点".
fn sentence(f: &MetricFigures) -> String {
    let m = &f.metric;
    let label = m.label.as_str().trim();
    let level = is_percent(&m.unit);
    let mut s = match &f.actual_text {
        Some(text) if level && m.better == Better::Higher => format!("{label}达到{text}"),
        Some(text) if level => format!("{label}为{text}"),
        Some(text) => format!("{label}{text}"),
        None => format!("{label}暂无数据"),
    };
    let target = f.target_text.as_deref().unwrap_or("");
    let gap = f.gap_text.as_deref().unwrap_or("");
    // A rate that prints as 100% of a target the figures miss or pass.
    // (The table prints it with the decimals it needs: 99.99%.)
    let rate = f.rate_text.as_deref().filter(|_| f.rate.and_then(|r| rounded(r, 2, 1)) != Some(100.0));
    let said = match f.outcome {
        Some(Outcome::Exceeded) if level => format!("，高于目标{gap}"),
        Some(Outcome::Exceeded) => match rate {
            Some(rate) => format!("，超额完成目标{target}，完成率{rate}"),
            None => format!("，超额完成目标{target}"),
        },
        Some(Outcome::Met) => "，全面完成目标任务".to_owned(),
        Some(Outcome::Short) if level => format!("，距目标还差{gap}"),
        Some(Outcome::Short) => match rate {
            Some(rate) => format!("，完成目标{target}的{rate}"),
            None => format!("，距目标{target}还差{gap}"),
        },
        Some(Outcome::Within) if zero_ceiling(f) => "，实现“零发生”目标".to_owned(),
        Some(Outcome::Over) if zero_ceiling(f) => "，未实现“零发生”目标".to_owned(),
        Some(Outcome::Within) => format!("，控制在目标{target}以内"),
        Some(Outcome::Over) if level => format!("，比控制目标{target}高{gap}"),
        Some(Outcome::Over) => format!("，比控制目标{target}多{gap}"),
        None => match (m.target, &f.target_text) {
            (Some(t), _) if t.0 == 0.0 => "（目标为0）".to_owned(),
            (Some(_), Some(target)) => format!("（目标{target}）"),
            _ => String::new(),
        },
    };
    s.push_str(&said);
    let previous = if f.previous_is_last_year { None } else { f.vs_previous.as_ref() };
    for change in [previous, f.vs_last_year.as_ref()].into_iter().flatten() {
        s.push('，');
        s.push_str(&change.text);
    }
    s
}
