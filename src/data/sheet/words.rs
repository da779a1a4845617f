//! The words a return's sheet is recognised by: the labels of its columns
//! and of its 填报单位 / 报送期间 cells, in both languages. `zongjie form`
//! writes the first word of each list, so that a form comes back readable.

use crate::base::lang::Lang;

/// What a column of a return holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Column {
    /// The metric's id.
    Id,
    /// The metric's label.
    Label,
    /// The unit of its figures.
    Unit,
    /// The yearly target.
    Target,
    /// What was achieved.
    Actual,
    /// The figure of the previous period.
    Previous,
    /// The figure of the same period last year.
    LastYear,
}

impl Column {
    /// Every column, in the order a form lays them out.
    pub const ALL: [Column; 7] =
        [Column::Id, Column::Label, Column::Unit, Column::Target, Column::Actual, Column::Previous, Column::LastYear];

    /// The header a form gives this column.
    pub fn header(self, lang: Lang) -> &'static str {
        let (en, zh) = self.words();
        match lang {
            Lang::En => en[0],
            Lang::Zh => zh[0],
        }
    }

    /// Whether the column holds figures (an actual, target or earlier one).
    pub fn is_figure(self) -> bool {
        matches!(self, Column::Target | Column::Actual | Column::Previous | Column::LastYear)
    }

    /// The headers this column is known by, English and Chinese (compared
    /// once normalised: see [`normalise`]); the first of each is the form's.
    pub fn words(self) -> (&'static [&'static str], &'static [&'static str]) {
        match self {
            Column::Id => {
                (&["ID", "code", "metric id", "indicator code"], &["编号", "指标编号", "代码", "指标代码", "序号id"])
            }
            Column::Label => (
                &["Metric", "indicator", "item", "label", "name", "metric name"],
                &["指标", "指标名称", "项目", "项目名称", "名称", "内容", "工作内容", "主要指标"],
            ),
            Column::Unit => (&["Unit", "units", "unit of measure"], &["计量单位", "单位"]),
            Column::Target => (
                &["Target", "annual target", "yearly target", "goal", "plan", "assigned target"],
                &["年度目标", "目标", "目标数", "目标任务", "年度目标任务", "任务数", "计划数", "年度计划"],
            ),
            Column::Actual => (
                &["Actual", "this period", "achieved", "completed", "done", "result", "actual to date"],
                &[
                    "本期完成",
                    "完成",
                    "完成数",
                    "实际完成",
                    "累计完成",
                    "本期",
                    "本期数",
                    "实际",
                    "完成情况",
                    "截至本期完成",
                ],
            ),
            Column::Previous => (
                &["Previous", "last period", "previous period", "last month", "prior period"],
                &["上期", "上期完成", "上月", "上月完成", "上期数", "上期累计"],
            ),
            Column::LastYear => (
                &["Last year", "same period last year", "a year ago", "prior year"],
                &["去年同期", "上年同期", "同期", "去年同期完成", "上年同期完成"],
            ),
        }
    }
}

/// Labels of the cells that name the reporting unit, then the period.
pub const UNIT_LABELS: &[&str] = &["填报单位", "报送单位", "单位名称", "reportingunit", "unitname", "submittedby"];
/// Labels of the cells that name the period reported on.
pub const PERIOD_LABELS: &[&str] =
    &["报送期间", "填报期间", "统计期间", "报送期次", "所属期间", "period", "reportingperiod", "periodcovered"];

/// The form's label of the 填报单位 cell.
pub fn unit_label(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Reporting unit",
        Lang::Zh => "填报单位",
    }
}

/// The form's label of the 报送期间 cell.
pub fn period_label(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Period",
        Lang::Zh => "报送期间",
    }
}

/// A header as it is compared: full-width forms made half-width, letters
/// lower-cased, spaces, punctuation and a parenthesised note ("（万元）",
/// "(%)") removed.
pub fn normalise(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in text.chars() {
        let c = half_width(c);
        match c {
            '(' | '[' | '【' | '〔' => depth += 1,
            ')' | ']' | '】' | '〕' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            c if c.is_alphanumeric() => out.extend(c.to_lowercase()),
            _ => {}
        }
    }
    out
}

/// A full-width ASCII form (`１`, `，`, `％`, `（`) as its ASCII character;
/// the ideographic space as a space.
pub fn half_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}
