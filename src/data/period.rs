//! Reporting periods (`2026-10`, `2026-Q3`, …) and deadlines (`due:`).

use crate::base::msg::{Key, Message, msg};
use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};

/// What kind of span a [`Period`] is; the dates come from [`Period::start`]
/// and [`Period::end`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PeriodKind {
    /// One day: `2026-07-15`.
    Day,
    /// A calendar month: `2026-10`.
    Month,
    /// A calendar quarter: `2026-Q3`.
    Quarter,
    /// A half year: `2026-H1` (January–June) or `2026-H2` (July–December).
    Half,
    /// A calendar year: `2026`.
    Year,
    /// Any inclusive span of days: `2026-07-15..2026-10-31`.
    Range,
}

/// A reporting period: a span of whole days, inclusive at both ends.
///
/// Built by [`Period::parse`] (or `str::parse`) from the forms of the data
/// contract, or by the constructors. [`Display`](fmt::Display) writes the
/// canonical text form back, so `parse(p.to_string()) == p`.
///
/// ```
/// # use zongjie::data::Period;
/// let q3 = Period::parse("2026-Q3").unwrap();
/// assert_eq!(q3.start().to_string(), "2026-07-01");
/// assert_eq!(q3.end().to_string(), "2026-09-30");
/// assert_eq!(q3.to_string(), "2026-Q3");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Period {
    kind: PeriodKind,
    start: NaiveDate,
    end: NaiveDate,
}

/// Why a period or deadline could not be read. Each message names the
/// offending text and what to write instead.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum PeriodError {
    /// Nothing was written.
    Empty,
    /// Not one of the accepted forms, and no obvious fix.
    Unrecognised {
        /// The text that was given.
        input: String,
    },
    /// A near miss with one obvious spelling, e.g. `2026.10` for `2026-10`.
    Spelling {
        /// The text that was given.
        input: String,
        /// The accepted spelling of the same period.
        suggestion: String,
    },
    /// Month outside 1–12: `2026-13`.
    Month {
        /// The text that was given.
        input: String,
    },
    /// Quarter outside Q1–Q4: `2026-Q5`.
    Quarter {
        /// The text that was given.
        input: String,
    },
    /// Half other than H1 or H2: `2026-H3`.
    Half {
        /// The text that was given.
        input: String,
    },
    /// A day that the month does not have: `2026-02-30`.
    NotADate {
        /// The text that was given.
        input: String,
        /// The English name of the month ("February").
        month_name: &'static str,
        /// The year of the date.
        year: i32,
        /// How many days that month has.
        days: u32,
    },
    /// A range whose end comes before its start.
    RangeOrder {
        /// The text that was given.
        input: String,
    },
}

impl PeriodError {
    /// What is wrong, as a message of the catalogue.
    pub fn message(&self) -> Message {
        match self {
            PeriodError::Empty => msg!(PeriodEmpty),
            PeriodError::Unrecognised { input } => msg!(PeriodUnrecognised, input = input),
            PeriodError::Spelling { input, suggestion } => {
                msg!(PeriodSpelling, input = input, suggestion = suggestion)
            }
            PeriodError::Month { input } => msg!(PeriodMonth, input = input),
            PeriodError::Quarter { input } => msg!(PeriodQuarter, input = input),
            PeriodError::Half { input } => msg!(PeriodHalf, input = input),
            PeriodError::NotADate { input, month_name, year, days } => {
                let month = MONTH_NAMES.iter().position(|m| m == month_name).and_then(|i| MONTHS.get(i));
                let month = month.map_or_else(|| Message::verbatim(*month_name), |key| Message::new(*key));
                msg!(NotADate, input = input, month = month, year = *year, days = *days)
            }
            PeriodError::RangeOrder { input } => msg!(RangeOrder, input = input),
        }
    }
}

/// The months as the catalogue names them, January first.
const MONTHS: [Key; 12] = [
    Key::Month1,
    Key::Month2,
    Key::Month3,
    Key::Month4,
    Key::Month5,
    Key::Month6,
    Key::Month7,
    Key::Month8,
    Key::Month9,
    Key::Month10,
    Key::Month11,
    Key::Month12,
];

impl std::fmt::Display for PeriodError {
    /// The message in English.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message().english())
    }
}

impl std::error::Error for PeriodError {}

/// The English names of the months, January first: the one list of them.
pub(crate) const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The English name of month `m` (1–12).
pub(crate) fn month_name(m: u32) -> Option<&'static str> {
    let index = usize::try_from(m.checked_sub(1)?).ok()?;
    MONTH_NAMES.get(index).copied()
}

/// The last day of month `m` of year `y`, if both are valid.
pub(crate) fn last_day_of_month(y: i32, m: u32) -> Option<NaiveDate> {
    let (ny, nm) = if m == 12 { (y.checked_add(1)?, 1) } else { (y, m + 1) };
    NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()
}

/// True when `d` is the last day of its month.
pub(crate) fn is_month_end(d: NaiveDate) -> bool {
    d.succ_opt().is_none_or(|next| next.day() == 1)
}

/// Months from the epoch, to count calendar months between dates.
fn month_index(d: NaiveDate) -> i64 {
    i64::from(d.year()) * 12 + i64::from(d.month0())
}

impl Period {
    /// Reads a period from its text form (surrounding spaces are ignored):
    ///
    /// | text | period |
    /// |---|---|
    /// | `2026-07-15` | that day |
    /// | `2026-10` | October 2026 |
    /// | `2026-Q3` | July–September 2026 |
    /// | `2026-H1` | January–June 2026 (`H2`: July–December) |
    /// | `2026` | the year 2026 |
    /// | `2026-07-15..2026-10-31` | the days from 15 July to 31 October, inclusive |
    ///
    /// Each end of a range may be any of the other forms: `2026-01..2026-10`
    /// runs from 1 January to 31 October. Years have four digits, months and
    /// days two. Near misses get a suggestion (`2026.10: write 2026-10`).
    ///
    /// Pass the YAML scalar's *text*: a YAML parser reads `2026.10` as the
    /// float 2026.1, which is a different month.
    ///
    /// ```
    /// # use zongjie::data::Period;
    /// assert_eq!(Period::parse("2026-10").unwrap().end().to_string(), "2026-10-31");
    /// assert_eq!(
    ///     Period::parse("2026.10").unwrap_err().to_string(),
    ///     "2026.10: write 2026-10"
    /// );
    /// ```
    ///
    /// # Errors
    /// A [`PeriodError`] naming the text and what was expected.
    pub fn parse(text: &str) -> Result<Period, PeriodError> {
        let s = text.trim();
        if s.is_empty() {
            return Err(PeriodError::Empty);
        }
        if let Some((a, b)) = s.split_once("..") {
            let (a, b) = (a.trim(), b.trim());
            if let Some(b_fixed) = b.strip_prefix('.') {
                return Err(spelling(s, &format!("{a}..{}", b_fixed.trim())));
            }
            if a.is_empty() || b.is_empty() {
                return Err(PeriodError::Unrecognised { input: s.to_owned() });
            }
            let first = parse_single(a)?;
            let last = parse_single(b)?;
            return Period::range(first.start, last.end).ok_or_else(|| PeriodError::RangeOrder { input: s.to_owned() });
        }
        match parse_single(s) {
            Err(PeriodError::Unrecognised { .. }) => Err(suggest_range(s)
                .map_or_else(|| PeriodError::Unrecognised { input: s.to_owned() }, |fixed| spelling(s, &fixed))),
            other => other,
        }
    }

    /// A period as a spreadsheet's 报送期间 cell may write it: the
    /// canonical forms and their near misses (`2026年10月`, `2026.10`,
    /// `2026/10`), a span of months of one year (`2026年1-10月`, as a
    /// cumulative return is labelled), a quarter or half in words
    /// (`2026年第三季度`, `2026年上半年`, `Q3 2026`), a year (`2026年`), a
    /// month in English (`October 2026`, `Oct 2026`).
    ///
    /// ```
    /// # use zongjie::data::Period;
    /// assert_eq!(Period::parse_loose("2026年10月").unwrap().to_string(), "2026-10");
    /// assert_eq!(Period::parse_loose("2026年1-10月").unwrap().end().to_string(), "2026-10-31");
    /// assert_eq!(Period::parse_loose("2026年第三季度").unwrap().to_string(), "2026-Q3");
    /// assert_eq!(Period::parse_loose("October 2026").unwrap().to_string(), "2026-10");
    /// assert!(Period::parse_loose("十月").is_none());
    /// ```
    #[must_use]
    pub fn parse_loose(text: &str) -> Option<Period> {
        let s: String = text
            .trim()
            .chars()
            .map(|c| match c {
                '\u{FF10}'..='\u{FF19}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
                '\u{FF0D}' | '\u{2014}' | '\u{2013}' | '～' | '~' | '至' | '到' => '-',
                _ => c,
            })
            .filter(|c| !c.is_whitespace())
            .collect();
        if s.is_empty() || s.len() > MAX_HINTED_LEN {
            return None;
        }
        let digits = |t: &str| t.parse::<u32>().ok();
        // 2026年1-10月: a span of months (before the near misses, which
        // would read it as a day).
        if let Some((year, months)) = s.split_once('年').and_then(|(y, r)| Some((digits(y)?, r.strip_suffix('月')?)))
            && let Some((a, b)) = months.split_once('-')
        {
            let year = i32::try_from(year).ok()?;
            let first = Period::month(year, digits(a)?)?;
            let last = Period::month(year, digits(b)?)?;
            return Period::range(first.start(), last.end());
        }
        match Period::parse(&s) {
            Ok(p) => return Some(p),
            Err(PeriodError::Spelling { suggestion, .. }) => return Period::parse(&suggestion).ok(),
            Err(_) => {}
        }
        let (year, rest) = s.split_once('年').map_or((None, s.as_str()), |(y, r)| (digits(y), r));
        if let Some(year) = year.and_then(|y| i32::try_from(y).ok()).filter(|y| (1900..=2200).contains(y)) {
            let rest = rest.trim_end_matches("份").trim_end_matches("度");
            if rest.is_empty() || rest == "全年" {
                return Period::full_year(year);
            }
            let quarter = rest.trim_start_matches('第').trim_end_matches('季');
            let n = match quarter {
                "一" | "1" => Some(1),
                "二" | "2" => Some(2),
                "三" | "3" => Some(3),
                "四" | "4" => Some(4),
                _ => None,
            };
            if let Some(n) = n.filter(|_| rest.ends_with('季')) {
                return Period::quarter(year, n);
            }
            return match rest {
                "上半年" => Period::half(year, 1),
                "下半年" => Period::half(year, 2),
                _ => None,
            };
        }
        // English: a month name or a quarter, then the year.
        let lower = text.trim().to_ascii_lowercase().replace(',', " ");
        let words: Vec<&str> = lower.split_whitespace().collect();
        let [first, year] = words.as_slice() else { return None };
        let year = digits(year).and_then(|y| i32::try_from(y).ok())?;
        if let Some(q) = first.strip_prefix('q').and_then(digits) {
            return Period::quarter(year, q);
        }
        const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
        let month = MONTHS.iter().position(|m| first.starts_with(m))?;
        Period::month(year, u32::try_from(month).ok()? + 1)
    }

    /// The single day `date`.
    ///
    /// ```
    /// # use zongjie::data::{Period, PeriodKind};
    /// let d = chrono::NaiveDate::from_ymd_opt(2026, 7, 15).unwrap();
    /// assert_eq!(Period::day(d).kind(), PeriodKind::Day);
    /// ```
    #[must_use]
    pub fn day(date: NaiveDate) -> Period {
        Period { kind: PeriodKind::Day, start: date, end: date }
    }

    /// Month `month` (1–12) of `year`; `None` if the month is out of range.
    ///
    /// ```
    /// # use zongjie::data::Period;
    /// assert_eq!(Period::month(2026, 2).unwrap().end().to_string(), "2026-02-28");
    /// assert!(Period::month(2026, 13).is_none());
    /// ```
    #[must_use]
    pub fn month(year: i32, month: u32) -> Option<Period> {
        Period::months(PeriodKind::Month, year, month, month)
    }

    /// Quarter `quarter` (1–4) of `year`; `None` if out of range.
    ///
    /// ```
    /// # use zongjie::data::Period;
    /// assert_eq!(Period::quarter(2026, 4).unwrap().start().to_string(), "2026-10-01");
    /// ```
    #[must_use]
    pub fn quarter(year: i32, quarter: u32) -> Option<Period> {
        if !(1..=4).contains(&quarter) {
            return None;
        }
        Period::months(PeriodKind::Quarter, year, quarter * 3 - 2, quarter * 3)
    }

    /// Half `half` (1 = January–June, 2 = July–December) of `year`.
    ///
    /// ```
    /// # use zongjie::data::Period;
    /// assert_eq!(Period::half(2026, 2).unwrap().start().to_string(), "2026-07-01");
    /// ```
    #[must_use]
    pub fn half(year: i32, half: u32) -> Option<Period> {
        if !(1..=2).contains(&half) {
            return None;
        }
        Period::months(PeriodKind::Half, year, half * 6 - 5, half * 6)
    }

    /// The calendar year `year`; `None` outside chrono's date range.
    ///
    /// ```
    /// # use zongjie::data::Period;
    /// assert_eq!(Period::full_year(2024).unwrap().end().to_string(), "2024-12-31");
    /// ```
    #[must_use]
    pub fn full_year(year: i32) -> Option<Period> {
        Period::months(PeriodKind::Year, year, 1, 12)
    }

    /// The days from `start` to `end`, inclusive; `None` if `end < start`.
    ///
    /// ```
    /// # use zongjie::data::Period;
    /// let d = |m, d| chrono::NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    /// assert!(Period::range(d(7, 15), d(10, 31)).is_some());
    /// assert!(Period::range(d(10, 31), d(7, 15)).is_none());
    /// ```
    #[must_use]
    pub fn range(start: NaiveDate, end: NaiveDate) -> Option<Period> {
        (start <= end).then_some(Period { kind: PeriodKind::Range, start, end })
    }

    fn months(kind: PeriodKind, year: i32, first: u32, last: u32) -> Option<Period> {
        Some(Period { kind, start: NaiveDate::from_ymd_opt(year, first, 1)?, end: last_day_of_month(year, last)? })
    }

    /// Which form this period has.
    ///
    /// ```
    /// # use zongjie::data::{Period, PeriodKind};
    /// assert_eq!(Period::parse("2026-H2").unwrap().kind(), PeriodKind::Half);
    /// ```
    #[must_use]
    pub fn kind(&self) -> PeriodKind {
        self.kind
    }

    /// The first day of the period.
    ///
    /// ```
    /// # use zongjie::data::Period;
    /// assert_eq!(Period::parse("2026").unwrap().start().to_string(), "2026-01-01");
    /// ```
    #[must_use]
    pub fn start(&self) -> NaiveDate {
        self.start
    }

    /// The last day of the period (inclusive).
    ///
    /// ```
    /// # use zongjie::data::Period;
    /// assert_eq!(Period::parse("2024-02").unwrap().end().to_string(), "2024-02-29");
    /// ```
    #[must_use]
    pub fn end(&self) -> NaiveDate {
        self.end
    }

    /// The reporting year: the year of the last day. A range from
    /// 15 December 2025 to 31 January 2026 reports on 2026.
    ///
    /// ```
    /// # use zongjie::data::Period;
    /// assert_eq!(Period::parse("2025-12-15..2026-01-31").unwrap().year(), 2026);
    /// ```
    #[must_use]
    pub fn year(&self) -> i32 {
        self.end.year()
    }

    /// True when `date` falls within the period (both ends included).
    ///
    /// ```
    /// # use zongjie::data::Period;
    /// let q3 = Period::parse("2026-Q3").unwrap();
    /// assert!(q3.contains(chrono::NaiveDate::from_ymd_opt(2026, 9, 30).unwrap()));
    /// assert!(!q3.contains(chrono::NaiveDate::from_ymd_opt(2026, 10, 1).unwrap()));
    /// ```
    #[must_use]
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.end
    }

    /// Number of days in the period (at least 1).
    fn day_count(&self) -> i64 {
        (self.end - self.start).num_days() + 1
    }

    /// Share of the period's *days* elapsed at `at`, in 0..=1.
    ///
    /// The day `at` itself counts as elapsed: on the first day the share is
    /// 1/days, on the last day 1. Before the start it is 0, after the end 1.
    /// For a year at 30 November 2026 this is 334/365 ≈ 0.915; offices
    /// usually want [`Period::elapsed_share_months`] (11/12) instead.
    ///
    /// ```
    /// # use zongjie::data::Period;
    /// let year = Period::parse("2026").unwrap();
    /// let at = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    /// assert_eq!(year.elapsed_share_days(at), 334.0 / 365.0);
    /// ```
    #[must_use]
    pub fn elapsed_share_days(&self, at: NaiveDate) -> f64 {
        if at < self.start {
            return 0.0;
        }
        if at >= self.end {
            return 1.0;
        }
        let elapsed = (at - self.start).num_days() + 1;
        ratio(elapsed, self.day_count())
    }

    /// The 序时进度: share of the period's *calendar months* elapsed at `at`,
    /// in 0..=1 — the convention offices use (after 1—11月 it is 11/12).
    ///
    /// Rule: a month counts as elapsed once `at` is on or after its last day.
    /// So for the year 2026, 29 November gives 10/12 and 30 November 11/12;
    /// before the start the share is 0, from the last day on it is 1.
    ///
    /// Only periods made of whole months (month, quarter, half, year, and
    /// ranges from a 1st to a month end) are counted in months. For a day or
    /// a range that starts or ends inside a month this returns
    /// [`Period::elapsed_share_days`].
    ///
    /// ```
    /// # use zongjie::data::Period;
    /// let year = Period::parse("2026").unwrap();
    /// let d = |m, d| chrono::NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    /// assert_eq!(year.elapsed_share_months(d(11, 30)), 11.0 / 12.0);
    /// assert_eq!(year.elapsed_share_months(d(11, 29)), 10.0 / 12.0);
    /// ```
    #[must_use]
    pub fn elapsed_share_months(&self, at: NaiveDate) -> f64 {
        if self.start.day() != 1 || !is_month_end(self.end) {
            return self.elapsed_share_days(at);
        }
        if at < self.start {
            return 0.0;
        }
        if at >= self.end {
            return 1.0;
        }
        let total = month_index(self.end) - month_index(self.start) + 1;
        let elapsed = month_index(at) - month_index(self.start) + i64::from(is_month_end(at));
        ratio(elapsed, total)
    }
}

/// `part / whole` for small day or month counts.
fn ratio(part: i64, whole: i64) -> f64 {
    // Periods span at most a few million days, far inside i32.
    let part = i32::try_from(part).unwrap_or(i32::MAX);
    let whole = i32::try_from(whole).unwrap_or(i32::MAX);
    (f64::from(part) / f64::from(whole)).clamp(0.0, 1.0)
}

impl fmt::Display for Period {
    /// The canonical text form: `2026-07-15`, `2026-10`, `2026-Q3`,
    /// `2026-H1`, `2026`, `2026-07-15..2026-10-31` (ranges always as days).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let y = self.start.year();
        match self.kind {
            PeriodKind::Day => write!(f, "{}", self.start.format("%Y-%m-%d")),
            PeriodKind::Month => write!(f, "{y:04}-{:02}", self.start.month()),
            PeriodKind::Quarter => write!(f, "{y:04}-Q{}", self.start.month0() / 3 + 1),
            PeriodKind::Half => write!(f, "{y:04}-H{}", self.start.month0() / 6 + 1),
            PeriodKind::Year => write!(f, "{y:04}"),
            PeriodKind::Range => write!(f, "{}..{}", self.start.format("%Y-%m-%d"), self.end.format("%Y-%m-%d")),
        }
    }
}

impl FromStr for Period {
    type Err = PeriodError;

    /// Same as [`Period::parse`].
    fn from_str(s: &str) -> Result<Period, PeriodError> {
        Period::parse(s)
    }
}

/// A deadline, written in the same forms as a [`Period`] and meaning "by the
/// end of that": `2026-06` is due on 30 June 2026, `2026-Q3` on 30 September,
/// `2026-07-15..2026-10-31` on 31 October.
///
/// ```
/// # use zongjie::data::Due;
/// let due: Due = "2026-H1".parse().unwrap();
/// assert_eq!(due.deadline().to_string(), "2026-06-30");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Due(Period);

impl Due {
    /// Reads a deadline; the text forms and errors are those of
    /// [`Period::parse`].
    ///
    /// ```
    /// # use zongjie::data::Due;
    /// assert_eq!(Due::parse("2026").unwrap().deadline().to_string(), "2026-12-31");
    /// ```
    ///
    /// # Errors
    /// A [`PeriodError`] naming the text and what was expected.
    pub fn parse(text: &str) -> Result<Due, PeriodError> {
        Period::parse(text).map(Due)
    }

    /// The last day on which the work is still on time.
    ///
    /// ```
    /// # use zongjie::data::Due;
    /// assert_eq!(Due::parse("2024-02").unwrap().deadline().to_string(), "2024-02-29");
    /// ```
    #[must_use]
    pub fn deadline(&self) -> NaiveDate {
        self.0.end
    }

    /// The period whose end is the deadline, as written.
    ///
    /// ```
    /// # use zongjie::data::{Due, PeriodKind};
    /// assert_eq!(Due::parse("2026-Q3").unwrap().period().kind(), PeriodKind::Quarter);
    /// ```
    #[must_use]
    pub fn period(&self) -> &Period {
        &self.0
    }
}

impl From<Period> for Due {
    /// "By the end of `period`".
    fn from(period: Period) -> Due {
        Due(period)
    }
}

impl fmt::Display for Due {
    /// The text form it was written in (see [`Period`]'s `Display`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl FromStr for Due {
    type Err = PeriodError;

    /// Same as [`Due::parse`].
    fn from_str(s: &str) -> Result<Due, PeriodError> {
        Due::parse(s)
    }
}

fn spelling(input: &str, suggestion: &str) -> PeriodError {
    PeriodError::Spelling { input: input.to_owned(), suggestion: suggestion.to_owned() }
}

/// `n` ASCII digits at the start of `s`, as a number, and the rest.
fn digits(s: &str, n: usize) -> Option<(u32, &str)> {
    let head = s.get(..n)?;
    if !head.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((head.parse().ok()?, &s[n..]))
}

/// Longer text gets no spelling hint (the longest form, a range, has 22
/// characters); this bounds the work spent on hints.
const MAX_HINTED_LEN: usize = 64;

/// One form other than a range.
fn parse_single(s: &str) -> Result<Period, PeriodError> {
    let unrecognised = || match suggest_single(s) {
        Some(fixed) => spelling(s, &fixed),
        None => PeriodError::Unrecognised { input: s.to_owned() },
    };
    let Some((year, rest)) = digits(s, 4) else {
        return Err(unrecognised());
    };
    let year = i32::try_from(year).map_err(|_| unrecognised())?;
    if rest.is_empty() {
        return Period::full_year(year).ok_or_else(unrecognised);
    }
    let Some(rest) = rest.strip_prefix('-') else {
        return Err(unrecognised());
    };
    if let Some(q) = rest.strip_prefix('Q') {
        return match q.parse::<u32>() {
            Ok(n) if q.len() == 1 => {
                Period::quarter(year, n).ok_or_else(|| PeriodError::Quarter { input: s.to_owned() })
            }
            _ => Err(PeriodError::Quarter { input: s.to_owned() }),
        };
    }
    if let Some(h) = rest.strip_prefix('H') {
        return match h.parse::<u32>() {
            Ok(n) if h.len() == 1 => Period::half(year, n).ok_or_else(|| PeriodError::Half { input: s.to_owned() }),
            _ => Err(PeriodError::Half { input: s.to_owned() }),
        };
    }
    let Some((month, rest)) = digits(rest, 2) else {
        return Err(unrecognised());
    };
    let month_error = || PeriodError::Month { input: s.to_owned() };
    if rest.is_empty() {
        return Period::month(year, month).ok_or_else(month_error);
    }
    let Some((day, "")) = rest.strip_prefix('-').and_then(|r| digits(r, 2)) else {
        return Err(unrecognised());
    };
    let (Some(month_name), Some(last)) = (month_name(month), last_day_of_month(year, month)) else {
        return Err(month_error());
    };
    NaiveDate::from_ymd_opt(year, month, day).map(Period::day).ok_or_else(|| PeriodError::NotADate {
        input: s.to_owned(),
        month_name,
        year,
        days: last.day(),
    })
}

/// The accepted spelling of a near miss such as `2026.10`, `2026/7/5`,
/// `2026年10月`, `2026q3` or `2026 H1`, if it names a valid period.
fn suggest_single(s: &str) -> Option<String> {
    if s.len() > MAX_HINTED_LEN {
        return None;
    }
    let mut tokens: Vec<String> = Vec::new();
    let mut current = String::new();
    for c in s.chars() {
        let boundary = match current.chars().last() {
            Some(prev) => prev.is_ascii_digit() != c.is_ascii_digit(),
            None => false,
        };
        if c.is_ascii_alphanumeric() {
            if boundary && !current.is_empty() {
                tokens.push(std::mem::take(&mut current));
            }
            current.push(c.to_ascii_uppercase());
        } else if matches!(c, '.' | '/' | '-' | '_' | ' ' | '年' | '月' | '日' | '号' | '－') {
            if !current.is_empty() {
                tokens.push(std::mem::take(&mut current));
            }
        } else {
            return None;
        }
    }
    if !current.is_empty() {
        tokens.push(current);
    }
    let is_num = |t: &str, max: usize| !t.is_empty() && t.len() <= max && t.bytes().all(|b| b.is_ascii_digit());
    let fixed = match tokens.as_slice() {
        [y] if is_num(y, 4) && y.len() == 4 => y.clone(),
        [y, m] if y.len() == 4 && is_num(y, 4) && is_num(m, 2) => format!("{y}-{m:0>2}"),
        [y, m, d] if y.len() == 4 && is_num(y, 4) && is_num(m, 2) && is_num(d, 2) => {
            format!("{y}-{m:0>2}-{d:0>2}")
        }
        [y, l, n] | [l, n, y] if y.len() == 4 && is_num(y, 4) && (l == "Q" || l == "H") && is_num(n, 1) => {
            format!("{y}-{l}{n}")
        }
        _ => return None,
    };
    (fixed != s && parse_single(&fixed).is_ok()).then_some(fixed)
}

/// The accepted spelling of a range written with another separator
/// (`2026-07-15 to 2026-10-31`, `2026-07-15~2026-10-31`, `2026-07-15/2026-10-31`,
/// `2026-07-15—2026-10-31`, `2026-07-15至2026-10-31`, `2026-07-15 - 2026-10-31`).
fn suggest_range(s: &str) -> Option<String> {
    const SEPARATORS: [&str; 9] = [" to ", "至", "~", "～", "—", "–", "/", " - ", "-"];
    if s.len() > MAX_HINTED_LEN {
        return None;
    }
    for sep in SEPARATORS {
        for (i, _) in s.match_indices(sep) {
            let (a, b) = (s[..i].trim(), s[i + sep.len()..].trim());
            let end_of =
                |t: &str| parse_single(t).ok().or_else(|| suggest_single(t).and_then(|f| parse_single(&f).ok()));
            if let (Some(first), Some(last)) = (end_of(a), end_of(b))
                && first.start <= last.end
            {
                return Some(format!("{first}..{last}"));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn parses_every_form() {
        let cases: &[(&str, PeriodKind, NaiveDate, NaiveDate)] = &[
            ("2026-07-15", PeriodKind::Day, d(2026, 7, 15), d(2026, 7, 15)),
            ("2026-10", PeriodKind::Month, d(2026, 10, 1), d(2026, 10, 31)),
            ("2026-01", PeriodKind::Month, d(2026, 1, 1), d(2026, 1, 31)),
            ("2026-12", PeriodKind::Month, d(2026, 12, 1), d(2026, 12, 31)),
            ("2026-02", PeriodKind::Month, d(2026, 2, 1), d(2026, 2, 28)),
            ("2024-02", PeriodKind::Month, d(2024, 2, 1), d(2024, 2, 29)),
            ("2000-02", PeriodKind::Month, d(2000, 2, 1), d(2000, 2, 29)),
            ("1900-02", PeriodKind::Month, d(1900, 2, 1), d(1900, 2, 28)),
            ("2026-Q1", PeriodKind::Quarter, d(2026, 1, 1), d(2026, 3, 31)),
            ("2026-Q2", PeriodKind::Quarter, d(2026, 4, 1), d(2026, 6, 30)),
            ("2026-Q3", PeriodKind::Quarter, d(2026, 7, 1), d(2026, 9, 30)),
            ("2026-Q4", PeriodKind::Quarter, d(2026, 10, 1), d(2026, 12, 31)),
            ("2026-H1", PeriodKind::Half, d(2026, 1, 1), d(2026, 6, 30)),
            ("2026-H2", PeriodKind::Half, d(2026, 7, 1), d(2026, 12, 31)),
            ("2026", PeriodKind::Year, d(2026, 1, 1), d(2026, 12, 31)),
            ("  2026  ", PeriodKind::Year, d(2026, 1, 1), d(2026, 12, 31)),
            ("2026-07-15..2026-10-31", PeriodKind::Range, d(2026, 7, 15), d(2026, 10, 31)),
            ("2026-07-15 .. 2026-10-31", PeriodKind::Range, d(2026, 7, 15), d(2026, 10, 31)),
            ("2025-12-15..2026-01-31", PeriodKind::Range, d(2025, 12, 15), d(2026, 1, 31)),
            ("2026-07-15..2026-07-15", PeriodKind::Range, d(2026, 7, 15), d(2026, 7, 15)),
            ("2026-01..2026-10", PeriodKind::Range, d(2026, 1, 1), d(2026, 10, 31)),
            ("2026-Q3..2026", PeriodKind::Range, d(2026, 7, 1), d(2026, 12, 31)),
            ("2024-02-29", PeriodKind::Day, d(2024, 2, 29), d(2024, 2, 29)),
        ];
        for &(text, kind, start, end) in cases {
            let p = Period::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!((p.kind(), p.start(), p.end()), (kind, start, end), "{text}");
        }
    }

    #[test]
    fn display_round_trips() {
        for text in [
            "2026-07-15",
            "2026-10",
            "2026-Q3",
            "2026-Q4",
            "2026-H1",
            "2026-H2",
            "2026",
            "2026-07-15..2026-10-31",
            "2025-12-15..2026-01-31",
            "0999-01",
            "0999-01-05",
        ] {
            let p = Period::parse(text).unwrap();
            assert_eq!(p.to_string(), text);
            assert_eq!(text.parse::<Period>().unwrap(), p);
            assert_eq!(Due::parse(text).unwrap().to_string(), text);
        }
        assert_eq!(Period::parse("2026-01..2026-10").unwrap().to_string(), "2026-01-01..2026-10-31");
    }

    fn assert_error(text: &str, want: &str) {
        let err = Period::parse(text).expect_err(text);
        assert_eq!(err.to_string(), want, "{text}");
        assert_eq!(Due::parse(text).expect_err(text), err, "{text}");
    }

    #[test]
    fn errors_name_the_problem() {
        let cases: &[(&str, &str)] = &[
            ("2026-13", "2026-13: month must be 1–12"),
            ("2026-00", "2026-00: month must be 1–12"),
            ("2026-13-01", "2026-13-01: month must be 1–12"),
            ("2026-02-30", "2026-02-30 is not a date: February 2026 has 28 days"),
            ("2025-02-29", "2025-02-29 is not a date: February 2025 has 28 days"),
            ("2026-04-31", "2026-04-31 is not a date: April 2026 has 30 days"),
            ("2026-07-00", "2026-07-00 is not a date: July 2026 has 31 days"),
            ("2026-07-32", "2026-07-32 is not a date: July 2026 has 31 days"),
            ("2026-Q0", "2026-Q0: quarter must be Q1–Q4"),
            ("2026-Q5", "2026-Q5: quarter must be Q1–Q4"),
            ("2026-Q", "2026-Q: quarter must be Q1–Q4"),
            ("2026-Q10", "2026-Q10: quarter must be Q1–Q4"),
            ("2026-H0", "2026-H0: half must be H1 or H2"),
            ("2026-H3", "2026-H3: half must be H1 or H2"),
            ("2026-10-31..2026-07-15", "2026-10-31..2026-07-15: range end before start"),
            ("2026-10..2026-09-30", "2026-10..2026-09-30: range end before start"),
            ("2026-07-15..2026-13-01", "2026-13-01: month must be 1–12"),
        ];
        for &(text, want) in cases {
            assert_error(text, want);
        }
    }

    #[test]
    fn near_misses_get_the_accepted_spelling() {
        let cases: &[(&str, &str)] = &[
            ("2026.10", "2026-10"),
            ("2026/10", "2026-10"),
            ("2026-7", "2026-07"),
            ("2026-7-5", "2026-07-05"),
            ("2026/7/15", "2026-07-15"),
            ("2026.07.15", "2026-07-15"),
            ("2026年10月", "2026-10"),
            ("2026年7月15日", "2026-07-15"),
            ("2026年", "2026"),
            ("2026q3", "2026-Q3"),
            ("2026-q3", "2026-Q3"),
            ("2026 Q3", "2026-Q3"),
            ("Q3 2026", "2026-Q3"),
            ("2026h1", "2026-H1"),
            ("2026-07-15...2026-10-31", "2026-07-15..2026-10-31"),
            ("2026-07-15 to 2026-10-31", "2026-07-15..2026-10-31"),
            ("2026-07-15~2026-10-31", "2026-07-15..2026-10-31"),
            ("2026-07-15—2026-10-31", "2026-07-15..2026-10-31"),
            ("2026-07-15/2026-10-31", "2026-07-15..2026-10-31"),
            ("2026-07-15至2026-10-31", "2026-07-15..2026-10-31"),
            ("2026-07-15 - 2026-10-31", "2026-07-15..2026-10-31"),
            ("2026-07-15-2026-10-31", "2026-07-15..2026-10-31"),
            ("2026/7/15-2026/10/31", "2026-07-15..2026-10-31"),
            ("2026-01-2026-10", "2026-01..2026-10"),
            ("2026-10-31-", "2026-10-31"),
        ];
        for &(text, suggestion) in cases {
            assert_error(text, &format!("{text}: write {suggestion}"));
            assert!(Period::parse(suggestion).is_ok(), "{suggestion}");
        }
    }

    #[test]
    fn unrecognised_forms_list_the_accepted_ones() {
        let expected = "expected a month (2026-10), quarter (2026-Q3), half (2026-H1), year (2026), day (2026-07-15) or range (2026-07-15..2026-10-31)";
        for text in ["2026.13", "26-10", "October 2026", "2026年上半年", "20261", "2026-10-31..", "+2026", "２０２６"]
        {
            assert_error(text, &format!("{text}: {expected}"));
        }
        let long = "2026-".repeat(1000);
        assert_error(&long, &format!("{long}: {expected}"));
        for text in ["", "   "] {
            assert_error(
                text,
                "empty period: write a month (2026-10), quarter (2026-Q3), half (2026-H1), year (2026), day (2026-07-15) or range (2026-07-15..2026-10-31)",
            );
        }
    }

    #[test]
    fn constructors_validate() {
        assert!(Period::month(2026, 0).is_none());
        assert!(Period::month(2026, 13).is_none());
        assert!(Period::quarter(2026, 0).is_none());
        assert!(Period::quarter(2026, 5).is_none());
        assert!(Period::half(2026, 0).is_none());
        assert!(Period::half(2026, 3).is_none());
        assert!(Period::full_year(i32::MAX).is_none());
        assert!(Period::month(i32::MAX, 12).is_none());
        assert!(Period::range(d(2026, 1, 2), d(2026, 1, 1)).is_none());
        assert_eq!(Period::day(d(2026, 7, 15)), Period::parse("2026-07-15").unwrap());
    }

    #[test]
    fn year_contains_and_due() {
        let p = Period::parse("2025-12-15..2026-01-31").unwrap();
        assert_eq!(p.year(), 2026);
        assert!(p.contains(d(2025, 12, 15)));
        assert!(p.contains(d(2026, 1, 31)));
        assert!(!p.contains(d(2025, 12, 14)));
        assert!(!p.contains(d(2026, 2, 1)));
        let cases: &[(&str, NaiveDate)] = &[
            ("2026-07-15", d(2026, 7, 15)),
            ("2026-06", d(2026, 6, 30)),
            ("2024-02", d(2024, 2, 29)),
            ("2026-Q1", d(2026, 3, 31)),
            ("2026-Q4", d(2026, 12, 31)),
            ("2026-H1", d(2026, 6, 30)),
            ("2026-H2", d(2026, 12, 31)),
            ("2026", d(2026, 12, 31)),
            ("2026-07-15..2026-10-31", d(2026, 10, 31)),
        ];
        for &(text, deadline) in cases {
            let due: Due = text.parse().unwrap();
            assert_eq!(due.deadline(), deadline, "{text}");
            assert_eq!(due.period(), &Period::parse(text).unwrap());
            assert_eq!(Due::from(*due.period()), due);
        }
    }

    #[test]
    fn elapsed_share_by_days() {
        let year = Period::parse("2026").unwrap();
        let leap = Period::parse("2024").unwrap();
        let range = Period::parse("2026-07-15..2026-10-31").unwrap(); // 109 days
        let day = Period::parse("2026-07-15").unwrap();
        let cases: &[(&Period, NaiveDate, f64)] = &[
            (&year, d(2025, 12, 31), 0.0),
            (&year, d(2026, 1, 1), 1.0 / 365.0),
            (&year, d(2026, 11, 30), 334.0 / 365.0),
            (&year, d(2026, 12, 30), 364.0 / 365.0),
            (&year, d(2026, 12, 31), 1.0),
            (&year, d(2027, 6, 1), 1.0),
            (&leap, d(2024, 2, 29), 60.0 / 366.0),
            (&leap, d(2024, 11, 30), 335.0 / 366.0),
            (&range, d(2026, 7, 14), 0.0),
            (&range, d(2026, 7, 15), 1.0 / 109.0),
            (&range, d(2026, 8, 31), 48.0 / 109.0),
            (&range, d(2026, 10, 31), 1.0),
            (&day, d(2026, 7, 14), 0.0),
            (&day, d(2026, 7, 15), 1.0),
        ];
        for &(p, at, want) in cases {
            assert!((p.elapsed_share_days(at) - want).abs() < 1e-12, "{p} at {at}");
        }
    }

    #[test]
    fn elapsed_share_by_months() {
        let year = Period::parse("2026").unwrap();
        let q4 = Period::parse("2026-Q4").unwrap();
        let h2 = Period::parse("2026-H2").unwrap();
        let month = Period::parse("2024-02").unwrap();
        let aligned = Period::parse("2025-11..2026-02").unwrap();
        let unaligned = Period::parse("2026-07-15..2026-10-31").unwrap();
        let cases: &[(&Period, NaiveDate, f64)] = &[
            (&year, d(2025, 12, 31), 0.0),
            (&year, d(2026, 1, 1), 0.0),
            (&year, d(2026, 1, 30), 0.0),
            (&year, d(2026, 1, 31), 1.0 / 12.0),
            (&year, d(2026, 2, 28), 2.0 / 12.0),
            (&year, d(2026, 11, 29), 10.0 / 12.0),
            (&year, d(2026, 11, 30), 11.0 / 12.0),
            (&year, d(2026, 12, 5), 11.0 / 12.0),
            (&year, d(2026, 12, 31), 1.0),
            (&year, d(2027, 1, 1), 1.0),
            (&q4, d(2026, 9, 30), 0.0),
            (&q4, d(2026, 10, 31), 1.0 / 3.0),
            (&q4, d(2026, 11, 30), 2.0 / 3.0),
            (&h2, d(2026, 9, 30), 3.0 / 6.0),
            (&month, d(2024, 2, 28), 0.0),
            (&month, d(2024, 2, 29), 1.0),
            (&aligned, d(2025, 12, 31), 2.0 / 4.0),
            (&aligned, d(2026, 1, 31), 3.0 / 4.0),
            (&unaligned, d(2026, 8, 31), 48.0 / 109.0),
            (&unaligned, d(2026, 10, 31), 1.0),
        ];
        for &(p, at, want) in cases {
            assert!((p.elapsed_share_months(at) - want).abs() < 1e-12, "{p} at {at}");
        }
        assert!((year.elapsed_share_months(d(2026, 11, 30)) - 0.917).abs() < 0.001);
    }

    #[test]
    fn month_helpers() {
        assert_eq!(month_name(0), None);
        assert_eq!(month_name(1), Some("January"));
        assert_eq!(month_name(12), Some("December"));
        assert_eq!(month_name(13), None);
        assert_eq!(last_day_of_month(2024, 2), Some(d(2024, 2, 29)));
        assert_eq!(last_day_of_month(2026, 12), Some(d(2026, 12, 31)));
        assert_eq!(last_day_of_month(2026, 13), None);
        assert!(is_month_end(d(2026, 4, 30)));
        assert!(!is_month_end(d(2026, 5, 30)));
        assert!(is_month_end(NaiveDate::MAX));
    }
}
