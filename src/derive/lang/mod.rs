//! The words of each language in one place: every phrase and formatter a
//! stage needs in the document's language is a method of [`Language`],
//! implemented once per language ([`en`], [`zh`]); a stage asks
//! [`language`] for the document's and never branches on the language
//! itself.

mod en;
mod zh;

use chrono::NaiveDate;

use crate::base::lang::Lang;
use crate::data::{Due, Period, PeriodKind};
use crate::derive::metric::MetricFigures;

/// What a change is measured against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Since {
    /// The previous period (环比: 较上月, 较上季度…), as the document's
    /// period names it.
    Previous(Basis),
    /// The same period last year (同比: 较上年同期).
    LastYear,
}

impl Since {
    /// How a change on last year is named: 较上年同期, or in a year's
    /// document, whose previous period is last year, 较上年.
    pub fn last_year(basis: Basis) -> Since {
        if basis == Basis::Year { Since::Previous(Basis::Year) } else { Since::LastYear }
    }
}

/// The period before the document's, as a change names it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Basis {
    /// 上月 / the previous month.
    Month,
    /// 上季度 / the previous quarter.
    Quarter,
    /// Before a second half: 上半年 / the first half of the year.
    FirstHalf,
    /// Before a first half: 上年下半年 / the second half of last year.
    LastSecondHalf,
    /// 上年 / the previous year.
    Year,
    /// 上日 / the previous day.
    Day,
    /// A range of days, or no period: 上期 / the previous period.
    #[default]
    Period,
}

impl Basis {
    /// The period before `period`, by its kind.
    pub fn of(period: Option<&Period>) -> Basis {
        use chrono::Datelike;
        match period.map(|p| (p.kind(), p.start().month())) {
            Some((PeriodKind::Month, _)) => Basis::Month,
            Some((PeriodKind::Quarter, _)) => Basis::Quarter,
            Some((PeriodKind::Half, 1)) => Basis::LastSecondHalf,
            Some((PeriodKind::Half, _)) => Basis::FirstHalf,
            Some((PeriodKind::Year, _)) => Basis::Year,
            Some((PeriodKind::Day, _)) => Basis::Day,
            Some((PeriodKind::Range, _)) | None => Basis::Period,
        }
    }
}

/// What kind of figure a change is of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quantity {
    /// A percentage: changes in percentage points.
    Percent,
    /// An amount of money in yuan.
    Yuan,
    /// Anything counted in its own unit.
    Count,
}

/// A change as the sentence prints it: the difference of the printed
/// figures, in the unit they are printed in.
#[derive(Clone, Copy, Debug)]
pub struct Step<'a> {
    /// What the figures are.
    pub kind: Quantity,
    /// Printed actual − printed base: percentage points for
    /// [`Quantity::Percent`], units of 10^`exp` yuan for [`Quantity::Yuan`],
    /// the metric's unit otherwise.
    pub delta: f64,
    /// `delta / base` of the printed figures; none for percentages and over
    /// a base of 0 or below.
    pub ratio: Option<f64>,
    /// The money scale (see [`Language::money`]); 0 for other kinds.
    pub exp: i32,
    /// The metric's unit.
    pub unit: &'a str,
    /// The decimals the change is printed with, at least two: those of
    /// the printed figures (99.996% against 99.999% is down 0.003 points,
    /// not unchanged).
    pub decimals: usize,
}

/// A scale amounts of money are printed in: 10^`exp` yuan.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MoneyScale {
    /// The power of ten (0: 元/yuan, 4: 万元, 6: million…).
    pub exp: i32,
    /// The largest amount of a sentence from which this scale is the one
    /// to read in.
    pub from: f64,
    /// Below `from`, down to this, the scale is still used when every
    /// amount of the sentence is a whole number in it (7万元).
    pub whole_from: f64,
}

/// Why a unit's figures are not all in a rate over units.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LeftOut {
    /// It gave a target but no actual figure.
    NoActual,
    /// It gave an actual figure but no target.
    NoTarget,
    /// Its return was not received.
    NoReturn,
    /// Its return was set aside (another period, another unit of count).
    SetAside,
}

/// A word the styles and pages print around the document's fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Label {
    /// "Attachment" / 附件 (one).
    Attachment,
    /// "Attachments" / 附件 (several).
    Attachments,
    /// The watermark of a draft.
    Draft,
    /// 报 (superiors).
    ReportTo,
    /// 送 (peers).
    SendTo,
    /// 发 (subordinates).
    IssueTo,
    /// "To" / 致.
    To,
    /// "Signed off by" / 签发人.
    Signer,
    /// "Copy to" / 抄送.
    CopyTo,
}

impl Label {
    /// Every label, with the key the style reads it by.
    pub const ALL: [(Label, &'static str); 9] = [
        (Label::Attachment, "attachment"),
        (Label::Attachments, "attachments"),
        (Label::Draft, "draft"),
        (Label::ReportTo, "report_to"),
        (Label::SendTo, "send_to"),
        (Label::IssueTo, "issue_to"),
        (Label::To, "to"),
        (Label::Signer, "signer"),
        (Label::CopyTo, "copy_to"),
    ];
}

/// The phrases and formatters of one language. Every method is pure and
/// total: a defined string for every input.
pub trait Language: Sync {
    /// A number with `decimals` decimals: "1,234.5" / "1234.5".
    fn number(&self, x: f64, decimals: usize) -> String;
    /// Money in yuan, scaled for reading: "32.2 million yuan" / "3220万元".
    fn amount_yuan(&self, yuan: f64) -> String;
    /// A ratio as a percentage: 0.745 → "74.5%".
    fn percent(&self, ratio: f64) -> String;
    /// A change of a ratio in percentage points.
    fn points(&self, delta: f64) -> String;
    /// A date: "5 November 2026" / "2026年11月5日".
    fn date(&self, date: NaiveDate) -> String;
    /// A reporting period: "October 2026" / "2026年10月".
    fn period(&self, period: &Period) -> String;
    /// A deadline: "by 31 December 2026" / "2026年12月31日前".
    fn due(&self, due: &Due) -> String;
    /// "103 households (307 people)" / "103户307人".
    fn households_people(&self, households: f64, people: f64) -> String;
    /// A figure with its unit, as a reader says it.
    fn quantity(&self, unit: &str, value: f64) -> String;
    /// A change on an earlier figure, in words: "up 6,000 (40%) on the
    /// previous month" / "较上月增加6000人，增长40%"; a growth of 100% or
    /// more as a multiple ("doubled", "3.4 times" / "是上月的3.4倍").
    fn change(&self, since: Since, step: &Step) -> String;
    /// The change alone, as a table's cell under [`Language::table_header`]
    /// prints it: "up 6,000 (40%)" / "增加6000人，增长40%".
    fn change_figure(&self, since: Since, step: &Step) -> String;
    /// An amount of money already in the scale of 10^`exp` yuan, with up to
    /// two decimals: "12845万元", "1.28 billion yuan".
    fn money(&self, amount: f64, exp: i32) -> String;
    /// The scales amounts are printed in, largest first, down to yuan.
    fn money_scales(&self) -> &'static [MoneyScale];
    /// A gap between two percentages, without sign, with up to two
    /// decimals: "3.5个百分点" / "3.5 percentage points".
    fn points_gap(&self, points: f64) -> String;
    /// A printed rate against the printed schedule (`points` = rate −
    /// schedule): "低于序时进度0.2个百分点" / "0.2 percentage points behind
    /// schedule".
    fn schedule_gap(&self, points: f64) -> String;
    /// The header of a table of metrics: indicator, unit, target, actual,
    /// rate, the change on the previous period in the period's word
    /// (`previous`: the period before the document's), and year on year.
    fn table_header(&self, previous: Basis) -> [&'static str; 7];
    /// The title of the figures' chart or table: "Targets and results" /
    /// 目标任务完成情况.
    fn figures_title(&self) -> &'static str;
    /// The 印发 date of a 版记: "Printed 9 October 2026" / 2026年10月9日印发.
    fn printed_on(&self, date: NaiveDate) -> String;
    /// One sentence saying all of a metric's figures.
    fn sentence(&self, figures: &MetricFigures) -> String;
    /// The label of a metric averaged over units: "X (mean of 5 units)".
    fn mean_of(&self, label: &str, units: usize) -> String;
    /// What a rate over units leaves out, and over how many units it is:
    /// "（东岭乡未报送完成数，完成率按其余5个单位计算）".
    fn rate_basis(&self, left_out: &[(String, LeftOut)], rest: usize) -> String;
    /// Over which units a total's change on the previous period is, when
    /// some gave no previous figure: "（较上月变化按其余5个单位计算，东岭乡
    /// 未报送上月数）".
    fn change_basis(&self, since: Since, without: &[String], rest: usize) -> String;
    /// A return not rolled up, by its unit's name (or its file's name) and
    /// why (`kind` of [`crate::derive::rollup::Missing`]; `detail`: where a
    /// return disagrees): "红旗村（报送期次不符）" / "Hongqi (a return for
    /// another period)".
    fn not_rolled_up(&self, name: &str, kind: &str, detail: &str) -> String;
    /// That a return counts the metric labelled `label` in another unit
    /// than the bulletin, as the printed bulletin says it (by the metric's
    /// label, never by a cell or line).
    fn disagreeing_unit(&self, label: &str, stated: &str, expected: &str) -> String;
    /// That a return says lower is better of the metric labelled `label`,
    /// which the bulletin counts as higher is better.
    fn disagreeing_better(&self, label: &str) -> String;
    /// The name of a table's totals row: "Total" / 合计.
    fn total_row(&self) -> &'static str;
    /// The issue number of a bulletin: "No. 10" / 第10期.
    fn issue(&self, n: u32) -> String;
    /// The running number: "Total No. 58" / 总第58期.
    fn total_issue(&self, n: u32) -> String;
    /// The bulletin's issue line: "Issue No. 10 (Total No. 58)" /
    /// 第10期（总第58期）.
    fn issue_line(&self, issue: u32, total: Option<u32>) -> String;
    /// The editing unit's line of a bulletin's masthead: "Compiled by the
    /// Office of …" / "……办公室编".
    fn compiled_by(&self, organization: &str) -> String;
    /// Copies printed: "40 copies" / 共印40份.
    fn copies(&self, n: u32) -> String;
    /// A word printed around the fields.
    fn label(&self, label: Label) -> &'static str;
    /// The colon after a label or the 主送 line: ":" / "：".
    fn colon(&self) -> &'static str;
    /// The colon between a label and the text after it on the same line:
    /// ": " / "：" (full-width, no space).
    fn label_colon(&self) -> &'static str;
    /// What separates names in a list: ", " / "、".
    fn list_separator(&self) -> &'static str;
    /// Characters the styles print themselves (list markers, dashes,
    /// punctuation), which the fonts must have too.
    fn style_chars(&self) -> &'static str;
}

/// The names of a 抄送 line as one text: separated in the document's
/// punctuation and closed with its full stop ("A、B。" / "A, B."), unless
/// the last already ends with one.
pub fn names_closed(lang: Lang, names: &[crate::data::Text]) -> String {
    let names: Vec<&str> = names.iter().map(|t| t.as_str().trim()).collect();
    let mut text = names.join(language(lang).list_separator());
    if !text.ends_with(['。', '.']) {
        text.push(if lang == Lang::Zh { '。' } else { '.' });
    }
    text
}

/// The phrases of `lang`.
pub fn language(lang: Lang) -> &'static dyn Language {
    match lang {
        Lang::En => &en::English,
        Lang::Zh => &zh::Chinese,
    }
}

pub(crate) fn trim_zeros(s: String) -> String {
    if s.contains('.') { s.trim_end_matches('0').trim_end_matches('.').to_owned() } else { s }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copy_to_names_are_closed_once() {
        use crate::data::Text;
        let names = [Text("县委办公室".into()), Text("县政府办公室".into())];
        assert_eq!(names_closed(Lang::Zh, &names), "县委办公室、县政府办公室。");
        assert_eq!(names_closed(Lang::Zh, &[Text("县委办公室。".into())]), "县委办公室。");
        assert_eq!(names_closed(Lang::En, &[Text("A".into()), Text("B".into())]), "A, B.");
    }

    #[test]
    fn every_language_answers_for_itself() {
        for lang in [Lang::En, Lang::Zh] {
            let words = language(lang);
            for (label, _) in Label::ALL {
                assert!(!words.label(label).is_empty());
            }
        }
        assert_eq!(language(Lang::Zh).issue(10), "第10期");
        assert_eq!(language(Lang::En).copies(40), "40 copies");
    }
}
