//! English formatters: numbers with thousands separators, ordinal words,
//! Roman numerals, British-style dates ("5 November 2026"), periods, money
//! in million/billion yuan, percentages and changes.
//!
//! Negative numbers take the minus sign "−" (U+2212). Non-finite input
//! prints [`MISSING`] ("—").

use chrono::{Datelike, NaiveDate};

use super::MISSING;
use super::num::Fixed;
use crate::data::period::{is_month_end, month_name};
use crate::data::{Due, Period, PeriodKind};

/// The minus sign used before negative numbers.
const MINUS: &str = "\u{2212}";

/// `x` with `decimals` fixed decimals and "," between thousands; rounded
/// half away from zero on the number as written (see the module notes of
/// [`crate::derive::format`]). At most 20 decimals are printed.
///
/// ```text
/// assert_eq!(en::number(1234.0, 0), "1,234");
/// assert_eq!(en::number(1234.5, 1), "1,234.5");
/// assert_eq!(en::number(-0.04, 1), "0.0");
/// assert_eq!(en::number(f64::NAN, 1), "—");
/// ```
#[must_use]
pub fn number(x: f64, decimals: usize) -> String {
    Fixed::new(x, 0, decimals).map_or_else(|| MISSING.to_owned(), |f| f.render(MINUS, Some(',')))
}

const UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 10] = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const SCALES: [&str; 7] = ["", "thousand", "million", "billion", "trillion", "quadrillion", "quintillion"];

/// Words for 1–99.
fn below_hundred(n: u64, out: &mut String) {
    let n = usize::try_from(n % 100).unwrap_or(0);
    if n < 20 {
        out.push_str(UNITS[n]);
    } else {
        out.push_str(TENS[n / 10]);
        if n % 10 != 0 {
            out.push('-');
            out.push_str(UNITS[n % 10]);
        }
    }
}

/// The number in words, British style: "one hundred and one",
/// "one thousand and one", "twenty-one", "zero".
///
/// ```text
/// assert_eq!(en::cardinal(21), "twenty-one");
/// assert_eq!(en::cardinal(1234), "one thousand two hundred and thirty-four");
/// ```
#[must_use]
pub fn cardinal(n: u64) -> String {
    if n == 0 {
        return UNITS[0].to_owned();
    }
    let mut groups = Vec::new();
    let mut rest = n;
    while rest > 0 {
        groups.push(rest % 1000);
        rest /= 1000;
    }
    let mut out = String::new();
    for (scale, &group) in groups.iter().enumerate().rev() {
        if group == 0 {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
            // British "and" before a last group below a hundred.
            if scale == 0 && group < 100 {
                out.push_str("and ");
            }
        }
        let hundreds = group / 100;
        if hundreds > 0 {
            below_hundred(hundreds, &mut out);
            out.push_str(" hundred");
            if group % 100 != 0 {
                out.push_str(" and ");
            }
        }
        if group % 100 != 0 {
            below_hundred(group % 100, &mut out);
        }
        if scale > 0 {
            out.push(' ');
            out.push_str(SCALES[scale]);
        }
    }
    out
}

/// The ordinal in lower-case words: "first", "twenty-first",
/// "one hundredth", "one hundred and first", "zeroth"; a negative number
/// gets "minus" ("minus first").
///
/// ```text
/// assert_eq!(en::ordinal_lower(2), "second");
/// assert_eq!(en::ordinal_lower(21), "twenty-first");
/// ```
#[must_use]
pub fn ordinal_lower(n: i64) -> String {
    let words = cardinal(n.unsigned_abs());
    let cut = words.rfind([' ', '-']).map_or(0, |i| i + 1);
    let (head, last) = words.split_at(cut);
    let last = match last {
        "one" => "first".to_owned(),
        "two" => "second".to_owned(),
        "three" => "third".to_owned(),
        "five" => "fifth".to_owned(),
        "eight" => "eighth".to_owned(),
        "nine" => "ninth".to_owned(),
        "twelve" => "twelfth".to_owned(),
        other => match other.strip_suffix('y') {
            Some(stem) => format!("{stem}ieth"),
            None => format!("{other}th"),
        },
    };
    let minus = if n < 0 { "minus " } else { "" };
    format!("{minus}{head}{last}")
}

/// The ordinal as a capitalised word, to open a sentence ("First, …;
/// second, …"): "First", "Eleventh", "Twenty-first", "One hundredth";
/// "Minus first" for −1.
///
/// ```text
/// assert_eq!(en::ordinal_word(1), "First");
/// assert_eq!(en::ordinal_word(100), "One hundredth");
/// ```
#[must_use]
pub fn ordinal_word(n: i64) -> String {
    let lower = ordinal_lower(n);
    let mut chars = lower.chars();
    match chars.next() {
        Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
        None => lower,
    }
}

/// Roman numerals for headings: "I", "IV", "XIV", "MMXXVI". Defined for
/// 1–3999; other numbers print in Arabic digits ("0", "4000", "-1").
///
/// ```text
/// assert_eq!(en::roman(4), "IV");
/// assert_eq!(en::roman(2026), "MMXXVI");
/// ```
#[must_use]
pub fn roman(n: i64) -> String {
    const TABLE: [(i64, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    if !(1..=3999).contains(&n) {
        return n.to_string();
    }
    let mut rest = n;
    let mut out = String::new();
    for (value, symbol) in TABLE {
        while rest >= value {
            out.push_str(symbol);
            rest -= value;
        }
    }
    out
}

/// A date, day first without padding: "5 November 2026".
///
/// ```text
/// let d = chrono::NaiveDate::from_ymd_opt(2026, 11, 5).unwrap();
/// assert_eq!(en::date(d), "5 November 2026");
/// ```
#[must_use]
pub fn date(d: NaiveDate) -> String {
    let name = month_name(d.month()).unwrap_or(MISSING);
    format!("{} {name} {}", d.day(), d.year())
}

/// A month: "November 2026"; "—" if `month` is not 1–12.
///
/// ```text
/// assert_eq!(en::month(2026, 11), "November 2026");
/// assert_eq!(en::month(2026, 13), "—");
/// ```
#[must_use]
pub fn month(year: i32, month: u32) -> String {
    month_name(month).map_or_else(|| MISSING.to_owned(), |name| format!("{name} {year}"))
}

/// "15 July", without the year.
fn day_month(d: NaiveDate) -> String {
    format!("{} {}", d.day(), month_name(d.month()).unwrap_or(MISSING))
}

/// A period as a noun phrase:
///
/// | period | text |
/// |---|---|
/// | `2026-07-15` | 15 July 2026 |
/// | `2026-10` | October 2026 |
/// | `2026-Q3` | the third quarter of 2026 |
/// | `2026-H1` | the first half of 2026 |
/// | `2026` | 2026 |
/// | `2026-07-15..2026-10-31` | 15 July to 31 October 2026 |
/// | `2026-10-01..2026-10-15` | 1 to 15 October 2026 |
/// | `2025-12-15..2026-01-31` | 15 December 2025 to 31 January 2026 |
/// | `2026-01-01..2026-10-31` | January to October 2026 (whole months) |
/// | `2025-12-01..2026-01-31` | December 2025 to January 2026 |
///
/// A range of one day prints as that day, one whole month as the month.
///
/// ```text
/// let p = Period::parse("2026-Q3").unwrap();
/// assert_eq!(en::period(&p), "the third quarter of 2026");
/// ```
#[must_use]
pub fn period(p: &Period) -> String {
    let (s, e) = (p.start(), p.end());
    let y = s.year();
    match p.kind() {
        PeriodKind::Day => date(s),
        PeriodKind::Month => month(y, s.month()),
        PeriodKind::Quarter => format!("the {} quarter of {y}", ordinal_lower(i64::from(s.month0() / 3 + 1))),
        PeriodKind::Half => format!("the {} half of {y}", if s.month() == 1 { "first" } else { "second" }),
        PeriodKind::Year => y.to_string(),
        PeriodKind::Range => {
            let same_year = s.year() == e.year();
            let same_month = same_year && s.month() == e.month();
            if s == e {
                date(s)
            } else if s.day() == 1 && is_month_end(e) {
                if same_month {
                    month(y, s.month())
                } else if same_year {
                    format!("{} to {}", month_name(s.month()).unwrap_or(MISSING), month(y, e.month()))
                } else {
                    format!("{} to {}", month(y, s.month()), month(e.year(), e.month()))
                }
            } else if same_month {
                format!("{} to {}", s.day(), date(e))
            } else if same_year {
                format!("{} to {}", day_month(s), date(e))
            } else {
                format!("{} to {}", date(s), date(e))
            }
        }
    }
}

/// A deadline as an adverbial phrase:
///
/// | due | text |
/// |---|---|
/// | `2026-07-15` | by 15 July 2026 |
/// | `2026-10` | by the end of October 2026 |
/// | `2026-Q3` | by the end of the third quarter of 2026 |
/// | `2026-H1` | by the end of June 2026 |
/// | `2026-H2`, `2026` | by the end of 2026 |
/// | `2026-07-15..2026-10-31` | by 31 October 2026 |
///
/// ```text
/// assert_eq!(en::due(&Due::parse("2026-06").unwrap()), "by the end of June 2026");
/// ```
#[must_use]
pub fn due(d: &Due) -> String {
    let p = d.period();
    let end = d.deadline();
    match p.kind() {
        PeriodKind::Day | PeriodKind::Range => format!("by {}", date(end)),
        PeriodKind::Month | PeriodKind::Quarter => format!("by the end of {}", period(p)),
        PeriodKind::Half if end.month() == 6 => format!("by the end of {}", month(end.year(), 6)),
        PeriodKind::Half | PeriodKind::Year => format!("by the end of {}", end.year()),
    }
}

/// An amount of money given in yuan, scaled to read well:
/// below a million in yuan with separators ("8,000 yuan", "290,000 yuan"),
/// then in million, billion and trillion yuan with as many decimals as it
/// needs up to two ("32.2 million yuan", "630 million yuan",
/// "1.28 billion yuan"). A sentence that compares amounts chooses one scale
/// for all of them (see [`money`]). Rounding happens before the scale is chosen, so
/// 999,999.5 yuan is "1 million yuan"; below a million, fen show ("0.5 yuan").
///
/// ```text
/// assert_eq!(en::amount_yuan(32_200_000.0), "32.2 million yuan");
/// assert_eq!(en::amount_yuan(8000.0), "8,000 yuan");
/// ```
#[must_use]
pub fn amount_yuan(yuan: f64) -> String {
    let Some(plain) = Fixed::new(yuan, 0, 0) else {
        return MISSING.to_owned();
    };
    if plain.int_digits() <= 6 {
        // Fen count in small amounts: 0.5 yuan is not "1 yuan".
        let exact = Fixed::new(yuan, 0, 2).map_or(plain, Fixed::trim);
        return format!("{} yuan", exact.render(MINUS, Some(',')));
    }
    for (shift, word) in [(6, "million"), (9, "billion")] {
        if let Some(f) = Fixed::new(yuan, -shift, 2)
            && f.int_digits() <= 3
        {
            return format!("{} {word} yuan", f.trim().render(MINUS, Some(',')));
        }
    }
    Fixed::new(yuan, -12, 2)
        .map_or_else(|| MISSING.to_owned(), |f| format!("{} trillion yuan", f.trim().render(MINUS, Some(','))))
}

/// An amount already in the scale of 10^`exp` yuan (0: yuan, 6: million,
/// 9: billion, 12: trillion), with up to two decimals, trailing zeros
/// dropped: (12999, 0) → "12,999 yuan", (1.28, 9) → "1.28 billion yuan".
/// Another `exp` prints in yuan.
///
/// ```text
/// assert_eq!(en::money(1.28, 9), "1.28 billion yuan");
/// ```
#[must_use]
pub fn money(amount: f64, exp: i32) -> String {
    let unit = match exp {
        6 => "million yuan",
        9 => "billion yuan",
        12 => "trillion yuan",
        _ => "yuan",
    };
    Fixed::new(amount, 0, 2)
        .map_or_else(|| MISSING.to_owned(), |f| format!("{} {unit}", f.trim().render(MINUS, Some(','))))
}

/// A ratio as a percentage with one decimal, a whole percentage without
/// ".0": 0.745 → "74.5%", 1 → "100%", −0.125 → "−12.5%".
///
/// ```text
/// assert_eq!(en::percent(0.745), "74.5%");
/// ```
#[must_use]
pub fn percent(ratio: f64) -> String {
    Fixed::new(super::printed_ratio(ratio), 2, super::percent_decimals(ratio))
        .map_or_else(|| MISSING.to_owned(), |f| f.trim().render(MINUS, Some(',')) + "%")
}

/// A change between two rates, given as a difference of *ratios* (like
/// [`percent`]: 0.096 is 9.6 points): "up 9.6 percentage points",
/// "down 1.2 percentage points", or "unchanged" when it rounds to 0.0.
///
/// ```text
/// assert_eq!(en::points(0.096), "up 9.6 percentage points");
/// assert_eq!(en::points(-0.012), "down 1.2 percentage points");
/// ```
#[must_use]
pub fn points(delta: f64) -> String {
    let Some(mut f) = Fixed::new(delta, 2, 1) else {
        return MISSING.to_owned();
    };
    if f.is_zero() {
        return "unchanged".to_owned();
    }
    let word = if f.negative { "down" } else { "up" };
    f.negative = false;
    let n = f.trim().render(MINUS, Some(','));
    let points = if n == "1" { "percentage point" } else { "percentage points" };
    format!("{word} {n} {points}")
}

/// A quantity with up to two decimals, trailing zeros dropped.
fn quantity(x: f64) -> String {
    Fixed::new(x, 0, 2).map_or_else(|| MISSING.to_owned(), |f| f.trim().render(MINUS, Some(',')))
}

/// A count with its noun, singular only for exactly 1: "1 household",
/// "282 households", "0 households", "1,771 people". Counts print with up
/// to two decimals ("2.5 mu"); a non-finite count prints "— households".
///
/// ```text
/// assert_eq!(en::count(1.0, "household", "households"), "1 household");
/// assert_eq!(en::count(282.0, "household", "households"), "282 households");
/// ```
#[must_use]
pub fn count(n: f64, singular: &str, plural: &str) -> String {
    let digits = quantity(n);
    let noun = if digits == "1" { singular } else { plural };
    format!("{digits} {noun}")
}

/// The singular of a unit written as an English plural, for a count of
/// exactly 1: "incidents" → "incident", "facilities" → "facility",
/// "classes" → "class", "people" → "person"; a unit that is no plural
/// ("mu", "km", "yuan", "staff", "times") or of several words as it is.
#[must_use]
pub fn singular(unit: &str) -> String {
    let unit = unit.trim();
    if !unit.chars().all(|c| c.is_ascii_lowercase()) || unit.len() < 3 {
        return unit.to_owned();
    }
    match unit {
        "people" | "persons" => return "person".to_owned(),
        "children" => return "child".to_owned(),
        "women" => return "woman".to_owned(),
        "men" => return "man".to_owned(),
        "buses" => return "bus".to_owned(),
        "times" | "series" | "species" | "news" => return unit.to_owned(),
        _ => {}
    }
    if let Some(stem) = unit.strip_suffix("ies") {
        return format!("{stem}y");
    }
    for ending in ["sses", "shes", "ches", "xes"] {
        if unit.ends_with(ending) {
            return unit[..unit.len() - 2].to_owned();
        }
    }
    match unit.strip_suffix('s') {
        Some(stem) if !stem.ends_with('s') && !stem.ends_with('u') && !stem.ends_with('i') => stem.to_owned(),
        _ => unit.to_owned(),
    }
}

/// Households and people together: "103 households (307 people)",
/// "1 household (1 person)" (see [`count`]).
///
/// ```text
/// assert_eq!(en::households_people(103.0, 307.0), "103 households (307 people)");
/// ```
#[must_use]
pub fn households_people(households: f64, people: f64) -> String {
    format!("{} ({})", count(households, "household", "households"), count(people, "person", "people"))
}

#[cfg(test)]
mod tests {

    #[test]
    fn units_of_one() {
        for (plural, one) in [
            ("incidents", "incident"),
            ("facilities", "facility"),
            ("classes", "class"),
            ("boxes", "box"),
            ("people", "person"),
            ("households", "household"),
            ("tonnes", "tonne"),
            ("mu", "mu"),
            ("km", "km"),
            ("staff", "staff"),
            ("times", "times"),
            ("bus", "bus"),
            ("buses", "bus"),
            ("houses", "house"),
            ("children", "child"),
            ("women", "woman"),
            ("tonnes of grain", "tonnes of grain"),
        ] {
            assert_eq!(singular(plural), one, "{plural}");
        }
    }
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn numbers() {
        let cases: &[(f64, usize, &str)] = &[
            (0.0, 0, "0"),
            (-0.0, 0, "0"),
            (-0.0, 2, "0.00"),
            (-0.004, 2, "0.00"),
            (1.0, 0, "1"),
            (10.0, 0, "10"),
            (999.0, 0, "999"),
            (999.5, 0, "1,000"),
            (1000.0, 0, "1,000"),
            (1234.0, 0, "1,234"),
            (1234.5, 1, "1,234.5"),
            (1234.5, 0, "1,235"),
            (-1234.5, 0, "−1,235"),
            (1234.0, 2, "1,234.00"),
            (2.675, 2, "2.68"),
            (100_000.0, 0, "100,000"),
            (1e16, 0, "10,000,000,000,000,000"),
            (-1e16, 0, "−10,000,000,000,000,000"),
            (0.125, 2, "0.13"),
            (f64::NAN, 0, "—"),
            (f64::INFINITY, 2, "—"),
            (f64::NEG_INFINITY, 2, "—"),
        ];
        for &(x, decimals, want) in cases {
            assert_eq!(number(x, decimals), want, "{x} with {decimals}");
        }
    }

    #[test]
    fn cardinals_and_ordinals() {
        let cases: &[(i64, &str, &str)] = &[
            (0, "zero", "Zeroth"),
            (1, "one", "First"),
            (2, "two", "Second"),
            (3, "three", "Third"),
            (4, "four", "Fourth"),
            (5, "five", "Fifth"),
            (8, "eight", "Eighth"),
            (9, "nine", "Ninth"),
            (10, "ten", "Tenth"),
            (11, "eleven", "Eleventh"),
            (12, "twelve", "Twelfth"),
            (13, "thirteen", "Thirteenth"),
            (19, "nineteen", "Nineteenth"),
            (20, "twenty", "Twentieth"),
            (21, "twenty-one", "Twenty-first"),
            (22, "twenty-two", "Twenty-second"),
            (23, "twenty-three", "Twenty-third"),
            (40, "forty", "Fortieth"),
            (99, "ninety-nine", "Ninety-ninth"),
            (100, "one hundred", "One hundredth"),
            (101, "one hundred and one", "One hundred and first"),
            (110, "one hundred and ten", "One hundred and tenth"),
            (112, "one hundred and twelve", "One hundred and twelfth"),
            (1000, "one thousand", "One thousandth"),
            (1001, "one thousand and one", "One thousand and first"),
            (1010, "one thousand and ten", "One thousand and tenth"),
            (1100, "one thousand one hundred", "One thousand one hundredth"),
            (1234, "one thousand two hundred and thirty-four", "One thousand two hundred and thirty-fourth"),
            (10_000, "ten thousand", "Ten thousandth"),
            (10_020, "ten thousand and twenty", "Ten thousand and twentieth"),
            (100_000, "one hundred thousand", "One hundred thousandth"),
            (1_000_000, "one million", "One millionth"),
            (1_000_005, "one million and five", "One million and fifth"),
            (100_000_000, "one hundred million", "One hundred millionth"),
            (100_010_000, "one hundred million ten thousand", "One hundred million ten thousandth"),
            (10_000_000_000_000_000, "ten quadrillion", "Ten quadrillionth"),
        ];
        for &(n, words, ordinal) in cases {
            assert_eq!(cardinal(n.unsigned_abs()), words, "{n}");
            assert_eq!(ordinal_word(n), ordinal, "{n}");
            assert_eq!(ordinal_lower(n), ordinal.to_lowercase(), "{n}");
        }
        assert_eq!(
            ordinal_lower(i64::MIN),
            "minus nine quintillion two hundred and twenty-three quadrillion three hundred and \
             seventy-two trillion thirty-six billion eight hundred and fifty-four million seven \
             hundred and seventy-five thousand eight hundred and eighth"
        );
        assert_eq!(ordinal_word(-1), "Minus first");
        assert_eq!(ordinal_lower(-21), "minus twenty-first");
        assert_eq!(
            cardinal(u64::MAX),
            "eighteen quintillion four hundred and forty-six quadrillion seven hundred and forty-four \
             trillion seventy-three billion seven hundred and nine million five hundred and fifty-one \
             thousand six hundred and fifteen"
        );
    }

    #[test]
    fn romans() {
        let cases: &[(i64, &str)] = &[
            (-1, "-1"),
            (0, "0"),
            (1, "I"),
            (2, "II"),
            (3, "III"),
            (4, "IV"),
            (5, "V"),
            (9, "IX"),
            (10, "X"),
            (11, "XI"),
            (14, "XIV"),
            (19, "XIX"),
            (20, "XX"),
            (40, "XL"),
            (90, "XC"),
            (100, "C"),
            (400, "CD"),
            (1000, "M"),
            (1994, "MCMXCIV"),
            (2026, "MMXXVI"),
            (3999, "MMMCMXCIX"),
            (4000, "4000"),
        ];
        for &(n, want) in cases {
            assert_eq!(roman(n), want, "{n}");
        }
    }

    #[test]
    fn dates_and_months() {
        assert_eq!(date(d(2026, 11, 5)), "5 November 2026");
        assert_eq!(date(d(2026, 1, 31)), "31 January 2026");
        assert_eq!(date(d(2024, 2, 29)), "29 February 2024");
        assert_eq!(month(2026, 1), "January 2026");
        assert_eq!(month(2026, 12), "December 2026");
        assert_eq!(month(2026, 0), "—");
        assert_eq!(month(2026, 13), "—");
    }

    #[test]
    fn periods() {
        let cases: &[(&str, &str)] = &[
            ("2026-07-15", "15 July 2026"),
            ("2026-10", "October 2026"),
            ("2024-02", "February 2024"),
            ("2026-Q1", "the first quarter of 2026"),
            ("2026-Q3", "the third quarter of 2026"),
            ("2026-Q4", "the fourth quarter of 2026"),
            ("2026-H1", "the first half of 2026"),
            ("2026-H2", "the second half of 2026"),
            ("2026", "2026"),
            ("2026-07-15..2026-10-31", "15 July to 31 October 2026"),
            ("2026-10-01..2026-10-15", "1 to 15 October 2026"),
            ("2025-12-15..2026-01-31", "15 December 2025 to 31 January 2026"),
            ("2026-07-15..2026-07-15", "15 July 2026"),
            ("2026-01..2026-10", "January to October 2026"),
            ("2026-01-01..2026-10-31", "January to October 2026"),
            ("2026-10-01..2026-10-31", "October 2026"),
            ("2025-12-01..2026-01-31", "December 2025 to January 2026"),
            ("2024-02-01..2024-02-28", "1 to 28 February 2024"),
            ("2024-02-01..2024-02-29", "February 2024"),
        ];
        for &(text, want) in cases {
            assert_eq!(period(&Period::parse(text).unwrap()), want, "{text}");
        }
    }

    #[test]
    fn deadlines() {
        let cases: &[(&str, &str)] = &[
            ("2026-07-15", "by 15 July 2026"),
            ("2026-06", "by the end of June 2026"),
            ("2026-Q3", "by the end of the third quarter of 2026"),
            ("2026-Q4", "by the end of the fourth quarter of 2026"),
            ("2026-H1", "by the end of June 2026"),
            ("2026-H2", "by the end of 2026"),
            ("2026", "by the end of 2026"),
            ("2026-07-15..2026-10-31", "by 31 October 2026"),
            ("2025-12-15..2026-01-31", "by 31 January 2026"),
        ];
        for &(text, want) in cases {
            assert_eq!(due(&Due::parse(text).unwrap()), want, "{text}");
        }
    }

    #[test]
    fn money_in_a_chosen_scale() {
        let cases: &[(f64, i32, &str)] = &[
            (12999.0, 0, "12,999 yuan"),
            (1.28, 9, "1.28 billion yuan"),
            (128.45, 6, "128.45 million yuan"),
            (1000.0, 6, "1,000 million yuan"),
            (2.5, 12, "2.5 trillion yuan"),
            (f64::INFINITY, 6, "—"),
        ];
        for &(x, exp, want) in cases {
            assert_eq!(money(x, exp), want, "{x} {exp}");
        }
    }

    #[test]
    fn amounts() {
        let cases: &[(f64, &str)] = &[
            (0.0, "0 yuan"),
            (-0.0, "0 yuan"),
            (0.4, "0.4 yuan"),
            (0.5, "0.5 yuan"),
            (12.345, "12.35 yuan"),
            (1.0, "1 yuan"),
            (10.0, "10 yuan"),
            (8000.0, "8,000 yuan"),
            (9999.5, "9,999.5 yuan"),
            (10_000.0, "10,000 yuan"),
            (15_000.0, "15,000 yuan"),
            (290_000.0, "290,000 yuan"),
            (999_999.0, "999,999 yuan"),
            (999_999.5, "1 million yuan"),
            (1_000_000.0, "1 million yuan"),
            (1_000_500.0, "1 million yuan"),
            (1_005_000.0, "1.01 million yuan"),
            (32_200_000.0, "32.2 million yuan"),
            (32_215_000.0, "32.22 million yuan"),
            (99_995_000.0, "100 million yuan"),
            (99_999_999.0, "100 million yuan"),
            (100_010_000.0, "100.01 million yuan"),
            (630_000_000.0, "630 million yuan"),
            (999_994_999.0, "999.99 million yuan"),
            (999_995_000.0, "1 billion yuan"),
            (2_860_000_000.0, "2.86 billion yuan"),
            (999_999_500_000.0, "1 trillion yuan"),
            (1.5e12, "1.5 trillion yuan"),
            (1e16, "10,000 trillion yuan"),
            (-8000.0, "−8,000 yuan"),
            (-32_200_000.0, "−32.2 million yuan"),
            (f64::NAN, "—"),
            (f64::INFINITY, "—"),
        ];
        for &(x, want) in cases {
            assert_eq!(amount_yuan(x), want, "{x}");
        }
    }

    #[test]
    fn percents_and_points() {
        let cases: &[(f64, &str)] = &[
            (0.0, "0%"),
            (-0.0, "0%"),
            // Never 0% or 100% for a share that is not.
            (-0.0004, "\u{2212}0.04%"),
            (0.9996, "99.96%"),
            (0.999_999_993, "99.9999%"),
            (1.000_000_007, "100.0001%"),
            (0.000_000_1, "0%"),
            (0.745, "74.5%"),
            (0.4, "40%"),
            (1.0, "100%"),
            (1.083, "108.3%"),
            (0.0005, "0.1%"),
            (0.9995, "99.95%"),
            (-0.125, "−12.5%"),
            (12.345, "1,234.5%"),
            (f64::NAN, "—"),
            (f64::NEG_INFINITY, "—"),
        ];
        for &(x, want) in cases {
            assert_eq!(percent(x), want, "{x}");
        }
        let cases: &[(f64, &str)] = &[
            (0.096, "up 9.6 percentage points"),
            (-0.012, "down 1.2 percentage points"),
            (0.0, "unchanged"),
            (-0.0, "unchanged"),
            (0.0004, "unchanged"),
            (-0.0004, "unchanged"),
            (0.0005, "up 0.1 percentage points"),
            (0.01, "up 1 percentage point"),
            (1.5, "up 150 percentage points"),
            (f64::NAN, "—"),
            (f64::INFINITY, "—"),
        ];
        for &(x, want) in cases {
            assert_eq!(points(x), want, "{x}");
        }
    }

    #[test]
    fn counts() {
        let cases: &[(f64, &str)] = &[
            (0.0, "0 households"),
            (-0.0, "0 households"),
            (1.0, "1 household"),
            (1.001, "1 household"),
            (1.5, "1.5 households"),
            (2.0, "2 households"),
            (282.0, "282 households"),
            (1771.0, "1,771 households"),
            (-1.0, "−1 households"),
            (f64::NAN, "— households"),
        ];
        for &(n, want) in cases {
            assert_eq!(count(n, "household", "households"), want, "{n}");
        }
        let cases: &[(f64, f64, &str)] = &[
            (103.0, 307.0, "103 households (307 people)"),
            (1.0, 1.0, "1 household (1 person)"),
            (1.0, 3.0, "1 household (3 people)"),
            (0.0, 0.0, "0 households (0 people)"),
            (1442.0, 4960.0, "1,442 households (4,960 people)"),
            (f64::NAN, f64::INFINITY, "— households (— people)"),
        ];
        for &(h, p, want) in cases {
            assert_eq!(households_people(h, p), want, "{h} {p}");
        }
    }

    /// The examples of the functions' documentation.
    #[test]
    fn documented_examples() {
        use crate::derive::format::en;
        assert_eq!(en::number(1234.0, 0), "1,234");
        assert_eq!(en::number(1234.5, 1), "1,234.5");
        assert_eq!(en::number(-0.04, 1), "0.0");
        assert_eq!(en::number(f64::NAN, 1), "—");
        assert_eq!(en::cardinal(21), "twenty-one");
        assert_eq!(en::cardinal(1234), "one thousand two hundred and thirty-four");
        assert_eq!(en::ordinal_lower(2), "second");
        assert_eq!(en::ordinal_lower(21), "twenty-first");
        assert_eq!(en::ordinal_word(1), "First");
        assert_eq!(en::ordinal_word(100), "One hundredth");
        assert_eq!(en::roman(4), "IV");
        assert_eq!(en::roman(2026), "MMXXVI");
        let d = chrono::NaiveDate::from_ymd_opt(2026, 11, 5).unwrap();
        assert_eq!(en::date(d), "5 November 2026");
        assert_eq!(en::month(2026, 11), "November 2026");
        assert_eq!(en::month(2026, 13), "—");
        let p = Period::parse("2026-Q3").unwrap();
        assert_eq!(en::period(&p), "the third quarter of 2026");
        assert_eq!(en::due(&Due::parse("2026-06").unwrap()), "by the end of June 2026");
        assert_eq!(en::amount_yuan(32_200_000.0), "32.2 million yuan");
        assert_eq!(en::amount_yuan(8000.0), "8,000 yuan");
        assert_eq!(en::percent(0.745), "74.5%");
        assert_eq!(en::points(0.096), "up 9.6 percentage points");
        assert_eq!(en::points(-0.012), "down 1.2 percentage points");
        assert_eq!(en::count(1.0, "household", "households"), "1 household");
        assert_eq!(en::count(282.0, "household", "households"), "282 households");
        assert_eq!(en::households_people(103.0, 307.0), "103 households (307 people)");
    }
}
