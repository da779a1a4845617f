//! The Chinese words.

use chrono::NaiveDate;

use super::{Label, Language, Quantity, Since, trim_zeros};
use crate::data::{Better, Due, Period, PeriodKind};
use crate::derive::format::zh;
use crate::derive::metric::{MetricFigures, is_percent, is_yuan};

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
        let digits = if value.fract() == 0.0 { 0 } else { 2 };
        if is_yuan(unit) {
            zh::amount_yuan(value)
        } else if is_percent(unit) {
            format!("{}%", trim_zeros(zh::number(value, digits)))
        } else {
            format!("{}{}", trim_zeros(zh::number(value, digits)), unit.trim())
        }
    }

    fn change(&self, since: Since, kind: Quantity, delta: f64, ratio: Option<f64>, unit: &str) -> String {
        let since = match since {
            Since::Previous => "上期",
            Since::LastYear => "上年同期",
        };
        match kind {
            Quantity::Percent => format!("较{since}{}", zh::points(delta / 100.0)),
            Quantity::Yuan => amount_change(since, delta, ratio),
            Quantity::Count => zh::change(since, delta, ratio, unit),
        }
    }

    fn change_figure(&self, kind: Quantity, delta: f64, ratio: Option<f64>, unit: &str) -> String {
        // The words of the body's sentence, without 较上期 / 与上期.
        let text = self.change(Since::Previous, kind, delta, ratio, unit);
        match text.strip_prefix("较上期").or_else(|| text.strip_prefix("与上期")) {
            Some(figure) => figure.to_owned(),
            None => text,
        }
    }

    fn table_header(&self, previous: Option<PeriodKind>) -> [&'static str; 7] {
        let previous = match previous {
            Some(PeriodKind::Month) => "较上月",
            Some(PeriodKind::Quarter) => "较上季度",
            Some(PeriodKind::Half) => "较上半年",
            Some(PeriodKind::Year) => "较上年",
            Some(PeriodKind::Day) => "较上日",
            Some(PeriodKind::Range) | None => "较上期",
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

    fn outside_rate(&self, names: &[String]) -> String {
        format!("（{}仅报送目标数或完成数，未计入完成率）", names.join("、"))
    }

    fn rate_over(&self, reported: usize, assigned: usize, target: &str, mean: bool) -> String {
        let how = if mean { "平均" } else { "合计" };
        format!("（{assigned}个单位目标{how}{target}，完成率按报送目标数和完成数的{reported}个单位计算）")
    }

    fn disagreeing_unit(&self, place: &str, stated: &str, expected: &str) -> String {
        let expected = if expected.is_empty() { "不带单位" } else { expected };
        format!("{place}计量单位为“{stated}”，与汇总口径“{expected}”不一致")
    }

    fn disagreeing_better(&self, place: &str) -> String {
        format!("{place}指标方向与汇总口径不一致")
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

    fn list_separator(&self) -> &'static str {
        "、"
    }

    fn style_chars(&self) -> &'static str {
        "●○■—：，、。（）"
    }
}

/// "较上期增加493万元，增长18.9%".
fn amount_change(since: &str, delta: f64, ratio: Option<f64>) -> String {
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

/// "脱贫人口21000人，完成目标28174人的74.5%，较上期增加6000人，增长40.0%".
fn sentence(f: &MetricFigures) -> String {
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
