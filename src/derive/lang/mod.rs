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
    /// The previous period (环比 / 较上期).
    Previous,
    /// The same period last year (同比).
    LastYear,
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
    /// A change on an earlier figure, in words: "up 6,000 (40.0%) on the
    /// previous period" / "较上期增加6000人，增长40.0%".
    fn change(&self, since: Since, kind: Quantity, delta: f64, ratio: Option<f64>, unit: &str) -> String;
    /// The change alone, without what it is measured against, as a
    /// table's cell under [`Language::table_header`] prints it: "up 6,000
    /// (40.0%)" / "增加6000人，增长40.0%".
    fn change_figure(&self, kind: Quantity, delta: f64, ratio: Option<f64>, unit: &str) -> String;
    /// The header of a table of metrics: indicator, unit, target, actual,
    /// rate, the change on the previous period in the period's word
    /// (`previous`: the kind of the document's period), and year on year.
    fn table_header(&self, previous: Option<PeriodKind>) -> [&'static str; 7];
    /// The title of the figures' chart or table: "Targets and results" /
    /// 目标任务完成情况.
    fn figures_title(&self) -> &'static str;
    /// The 印发 date of a 版记: "Printed 9 October 2026" / 2026年10月9日印发.
    fn printed_on(&self, date: NaiveDate) -> String;
    /// One sentence saying all of a metric's figures.
    fn sentence(&self, figures: &MetricFigures) -> String;
    /// The label of a metric averaged over units: "X (mean of 5 units)".
    fn mean_of(&self, label: &str, units: usize) -> String;
    /// What a rate over units leaves out: the units that gave only a target
    /// or only an actual figure.
    fn outside_rate(&self, names: &[String]) -> String;
    /// What a rate over the units that reported leaves out of the assigned
    /// target: "; the units' targets total X, the rate is over the 11 of
    /// 12 units that reported both figures".
    /// `mean`: the targets are averaged (a metric in `%`), not summed.
    fn rate_over(&self, reported: usize, assigned: usize, target: &str, mean: bool) -> String;
    /// Where a return counts a metric in another unit than the bulletin
    /// (`place` may be empty).
    fn disagreeing_unit(&self, place: &str, stated: &str, expected: &str) -> String;
    /// Where a return says lower is better of a metric the bulletin counts
    /// as higher is better.
    fn disagreeing_better(&self, place: &str) -> String;
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
