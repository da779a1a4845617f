//! Chinese formatters: Chinese numerals (一、十一、一百零五), the heading
//! numbers of GB/T 9704 (一、→（一）→ 1. →（1）), 一是/二是, dates without zero
//! padding (2026年11月5日), periods, money in 元/万元/亿元, percentages and the
//! wording of changes in points (提高/下降×个百分点).
//!
//! Arabic numbers carry no thousands separators (3220万元, 21000人) and
//! negatives take the ASCII "-" (present in every Chinese font). Non-finite
//! input prints [`MISSING`] ("—").

use chrono::{Datelike, NaiveDate};

use super::MISSING;
use super::num::Fixed;
use crate::data::period::is_month_end;
use crate::data::{Due, Period, PeriodKind};

const MINUS: &str = "-";
const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/// `x` with `decimals` fixed decimals, no separators: "21000", "12.5".
/// Rounded half away from zero on the number as written; at most 20
/// decimals.
///
/// ```text
/// assert_eq!(zh::number(21000.0, 0), "21000");
/// assert_eq!(zh::number(-1.25, 1), "-1.3");
/// ```
#[must_use]
pub fn number(x: f64, decimals: usize) -> String {
    Fixed::new(x, 0, decimals).map_or_else(|| MISSING.to_owned(), |f| f.render(MINUS, None))
}

/// Writes 1–9999 as one four-digit section; `leading` drops the 一 of a
/// 十 that opens the whole numeral (十一, not 一十一).
fn write_section(out: &mut String, n: u64, leading: bool) {
    const UNITS: [(u64, &str); 4] = [(1000, "千"), (100, "百"), (10, "十"), (1, "")];
    let mut started = false;
    let mut gap = false;
    for (place, unit) in UNITS {
        let digit = usize::try_from(n / place % 10).unwrap_or(0);
        if digit == 0 {
            gap |= started;
            continue;
        }
        if gap {
            out.push('零');
            gap = false;
        }
        if !(leading && !started && digit == 1 && place == 10) {
            out.push(DIGITS[digit]);
        }
        out.push_str(unit);
        started = true;
    }
}

/// Writes `n` ≥ 1 with 万 and 亿 sections; a lower part that does not fill
/// its section's top place gets one 零 (一万零二十, 一亿零一万).
fn write_numeral(out: &mut String, n: u64, leading: bool) {
    const WAN: u64 = 10_000;
    const YI: u64 = 100_000_000;
    for (size, unit) in [(YI, '亿'), (WAN, '万')] {
        if n >= size {
            write_numeral(out, n / size, leading);
            out.push(unit);
            let rest = n % size;
            if rest > 0 {
                if rest < size / 10 {
                    out.push('零');
                }
                write_numeral(out, rest, false);
            }
            return;
        }
    }
    write_section(out, n, leading);
}

/// Any whole number in Chinese numerals: 零, 一, 十, 十一, 二十, 一百零五,
/// 一千零一十, 一万零二十, 十万, 一亿零一万, 一万亿, 一亿亿, 负三.
///
/// Rules: 十 rather than 一十 only at the very start (十五, 十万, but
/// 一百一十); one 零 for each gap of zeros (一千零一, 一万零二十); sections of
/// four digits with 万 and 亿, and 万亿/亿亿 above (一万亿 = 10¹², 一亿亿 =
/// 10¹⁶); 二 rather than 两 (二百, 二千); negatives with 负.
///
/// ```text
/// assert_eq!(zh::numeral(105), "一百零五");
/// assert_eq!(zh::numeral(100_010_000), "一亿零一万");
/// assert_eq!(zh::numeral(-3), "负三");
/// ```
#[must_use]
pub fn numeral(n: i64) -> String {
    if n == 0 {
        return DIGITS[0].to_string();
    }
    let mut out = String::from(if n < 0 { "负" } else { "" });
    write_numeral(&mut out, n.unsigned_abs(), true);
    out
}

/// Level-2 heading number, full-width parentheses: 1 → "（一）".
///
/// ```text
/// assert_eq!(zh::item_number(11), "（十一）");
/// ```
#[must_use]
pub fn item_number(n: i64) -> String {
    format!("（{}）", numeral(n))
}

/// Level-1 heading number with the ideographic comma: 1 → "一、".
///
/// ```text
/// assert_eq!(zh::section_number(4), "四、");
/// ```
#[must_use]
pub fn section_number(n: i64) -> String {
    format!("{}、", numeral(n))
}

/// Level-3 heading number, Arabic digit and a half-width full stop: "1.".
///
/// ```text
/// assert_eq!(zh::sub_number(12), "12.");
/// ```
#[must_use]
pub fn sub_number(n: i64) -> String {
    format!("{n}.")
}

/// Level-4 heading number, Arabic digit in full-width parentheses: "（1）".
///
/// ```text
/// assert_eq!(zh::subsub_number(3), "（3）");
/// ```
#[must_use]
pub fn subsub_number(n: i64) -> String {
    format!("（{n}）")
}

/// The in-paragraph enumerator: 1 → "一是", 2 → "二是", 10 → "十是".
///
/// ```text
/// assert_eq!(zh::ordinal_lead(2), "二是");
/// ```
#[must_use]
pub fn ordinal_lead(n: i64) -> String {
    format!("{}是", numeral(n))
}

/// A date in Arabic digits without zero padding: "2026年11月5日".
///
/// ```text
/// let d = chrono::NaiveDate::from_ymd_opt(2026, 11, 5).unwrap();
/// assert_eq!(zh::date(d), "2026年11月5日");
/// ```
#[must_use]
pub fn date(d: NaiveDate) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

/// A month: "2026年10月"; "—" if `month` is not 1–12.
///
/// ```text
/// assert_eq!(zh::month(2026, 10), "2026年10月");
/// ```
#[must_use]
pub fn month(year: i32, month: u32) -> String {
    if (1..=12).contains(&month) { format!("{year}年{month}月") } else { MISSING.to_owned() }
}

/// A span of months within one year, with an em dash: "1—10月"; one month
/// alone is "10月"; "—" if a month is not 1–12 or `first > last`.
/// Put the year in front yourself ("2026年1—10月"), or use [`period`].
///
/// ```text
/// assert_eq!(zh::month_range(1, 10), "1—10月");
/// ```
#[must_use]
pub fn month_range(first: u32, last: u32) -> String {
    if !(1..=12).contains(&first) || !(1..=12).contains(&last) || first > last {
        MISSING.to_owned()
    } else if first == last {
        format!("{first}月")
    } else {
        format!("{first}—{last}月")
    }
}

/// A period:
///
/// | period | text |
/// |---|---|
/// | `2026-07-15` | 2026年7月15日 |
/// | `2026-10` | 2026年10月 |
/// | `2026-Q3` | 2026年第三季度 |
/// | `2026-H1` / `2026-H2` | 2026年上半年 / 2026年下半年 |
/// | `2026` | 2026年 |
/// | `2026-07-15..2026-10-31` | 2026年7月15日至10月31日 |
/// | `2026-10-01..2026-10-15` | 2026年10月1日至15日 |
/// | `2025-12-15..2026-01-31` | 2025年12月15日至2026年1月31日 |
/// | `2026-01-01..2026-10-31` | 2026年1—10月 (whole months) |
/// | `2025-12-01..2026-01-31` | 2025年12月至2026年1月 |
///
/// A range of one day prints as that day, one whole month as the month.
///
/// ```text
/// let p = Period::parse("2026-07-15..2026-10-31").unwrap();
/// assert_eq!(zh::period(&p), "2026年7月15日至10月31日");
/// ```
#[must_use]
pub fn period(p: &Period) -> String {
    let (s, e) = (p.start(), p.end());
    let y = s.year();
    match p.kind() {
        PeriodKind::Day => date(s),
        PeriodKind::Month => month(y, s.month()),
        PeriodKind::Quarter => format!("{y}年第{}季度", DIGITS[(s.month0() / 3 + 1) as usize]),
        PeriodKind::Half => format!("{y}年{}半年", if s.month() == 1 { "上" } else { "下" }),
        PeriodKind::Year => format!("{y}年"),
        PeriodKind::Range => {
            let same_year = s.year() == e.year();
            let same_month = same_year && s.month() == e.month();
            if s == e {
                date(s)
            } else if s.day() == 1 && is_month_end(e) {
                if same_year {
                    format!("{y}年{}", month_range(s.month(), e.month()))
                } else {
                    format!("{}至{}", month(y, s.month()), month(e.year(), e.month()))
                }
            } else if same_month {
                format!("{}至{}日", date(s), e.day())
            } else if same_year {
                format!("{}至{}月{}日", date(s), e.month(), e.day())
            } else {
                format!("{}至{}", date(s), date(e))
            }
        }
    }
}

/// A deadline, as plans write it before the verb ("……前完成"):
///
/// | due | text |
/// |---|---|
/// | `2026-07-15` | 2026年7月15日前 |
/// | `2026-06` | 2026年6月底前 |
/// | `2026-Q3` | 2026年第三季度末前 |
/// | `2026-H1` | 2026年6月底前 |
/// | `2026-H2`, `2026` | 2026年底前 |
/// | `2026-07-15..2026-10-31` | 2026年10月31日前 |
///
/// ```text
/// assert_eq!(zh::due(&Due::parse("2026-06").unwrap()), "2026年6月底前");
/// ```
#[must_use]
pub fn due(d: &Due) -> String {
    let p = d.period();
    let end = d.deadline();
    match p.kind() {
        PeriodKind::Day | PeriodKind::Range => format!("{}前", date(end)),
        PeriodKind::Quarter => format!("{}末前", period(p)),
        PeriodKind::Month => format!("{}底前", month(end.year(), end.month())),
        PeriodKind::Half if end.month() == 6 => format!("{}底前", month(end.year(), 6)),
        PeriodKind::Half | PeriodKind::Year => format!("{}年底前", end.year()),
    }
}

/// An amount of money given in 元, in the unit offices use: below 10万 in
/// whole 元 ("8000元", "12999元"; a whole number of 万元 stays in 万元:
/// "7万元"), then 万元, 亿元 and 万亿元 with as many decimals as it needs
/// up to two ("1.5万元" only from 10万元 up: "29万元", "3220万元", "6.3亿元",
/// "2.86亿元"). Rounding happens before the unit is chosen, so 99999.6元 is
/// "10万元" and 99999999.6元 is "1亿元". A sentence that compares amounts
/// chooses one unit for all of them (see [`money`] and the figures).
///
/// ```text
/// assert_eq!(zh::amount_yuan(32_200_000.0), "3220万元");
/// assert_eq!(zh::amount_yuan(286_000_000.0), "2.86亿元");
/// ```
#[must_use]
pub fn amount_yuan(yuan: f64) -> String {
    let Some(plain) = Fixed::new(yuan, 0, 0) else {
        return MISSING.to_owned();
    };
    if plain.int_digits() <= 5 {
        if let Some(wan) = Fixed::new(yuan, -4, 0)
            && !wan.is_zero()
            && yuan.fract() == 0.0
            && yuan % 10_000.0 == 0.0
        {
            return format!("{}万元", wan.render(MINUS, None));
        }
        return format!("{}元", plain.render(MINUS, None));
    }
    for (shift, unit) in [(4, "万"), (8, "亿")] {
        if let Some(f) = Fixed::new(yuan, -shift, 2)
            && f.int_digits() <= 4
        {
            return format!("{}{unit}元", f.trim().render(MINUS, None));
        }
    }
    Fixed::new(yuan, -12, 2).map_or_else(|| MISSING.to_owned(), |f| format!("{}万亿元", f.trim().render(MINUS, None)))
}

/// An amount already in the unit of 10^`exp` 元 (0: 元, 4: 万元, 8: 亿元,
/// 12: 万亿元), with up to two decimals, trailing zeros dropped: (12845, 4)
/// → "12845万元", (1.5, 8) → "1.5亿元". Another `exp` prints in 元.
///
/// ```text
/// assert_eq!(zh::money(12845.0, 4), "12845万元");
/// ```
#[must_use]
pub fn money(amount: f64, exp: i32) -> String {
    let unit = match exp {
        4 => "万元",
        8 => "亿元",
        12 => "万亿元",
        _ => "元",
    };
    Fixed::new(amount, 0, 2).map_or_else(|| MISSING.to_owned(), |f| format!("{}{unit}", f.trim().render(MINUS, None)))
}

/// Households and people with no separator: "103户307人". Counts print
/// with up to two decimals; a non-finite count prints "—".
///
/// ```text
/// assert_eq!(zh::households_people(103.0, 307.0), "103户307人");
/// ```
#[must_use]
pub fn households_people(households: f64, people: f64) -> String {
    format!("{}户{}人", quantity(households), quantity(people))
}

/// A quantity with up to two decimals, trailing zeros dropped.
fn quantity(x: f64) -> String {
    Fixed::new(x, 0, 2).map_or_else(|| MISSING.to_owned(), |f| f.trim().render(MINUS, None))
}

/// A ratio as a percentage with one decimal, a whole percentage without
/// ".0": 0.745 → "74.5%", 0.6 → "60%", −0.125 → "-12.5%".
///
/// ```text
/// assert_eq!(zh::percent(1.083), "108.3%");
/// ```
#[must_use]
pub fn percent(ratio: f64) -> String {
    Fixed::new(super::printed_ratio(ratio), 2, super::percent_decimals(ratio))
        .map_or_else(|| MISSING.to_owned(), |f| f.trim().render(MINUS, None) + "%")
}

/// A change between two rates, given as a difference of *ratios* (0.096 is
/// 9.6 points): "提高9.6个百分点", "下降1.2个百分点", "提高1个百分点" (a
/// whole number without ".0"), or "持平" when it rounds to 0.0.
///
/// ```text
/// assert_eq!(zh::points(0.096), "提高9.6个百分点");
/// assert_eq!(zh::points(-0.012), "下降1.2个百分点");
/// ```
#[must_use]
pub fn points(delta: f64) -> String {
    let Some(mut f) = Fixed::new(delta, 2, 1) else {
        return MISSING.to_owned();
    };
    if f.is_zero() {
        return "持平".to_owned();
    }
    let word = if f.negative { "下降" } else { "提高" };
    f.negative = false;
    format!("{word}{}个百分点", f.trim().render(MINUS, None))
}

#[cfg_attr(not(test), expect(dead_code, reason = "the letterhead's 发文字号 (issue 15) is its first caller"))]
pub fn doc_number(org_abbrev: &str, year: i32, n: u32) -> String {
    format!("{org_abbrev}〔{year}〕{n}号")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn numerals() {
        let cases: &[(i64, &str)] = &[
            (0, "零"),
            (1, "一"),
            (2, "二"),
            (9, "九"),
            (10, "十"),
            (11, "十一"),
            (15, "十五"),
            (19, "十九"),
            (20, "二十"),
            (21, "二十一"),
            (99, "九十九"),
            (100, "一百"),
            (101, "一百零一"),
            (105, "一百零五"),
            (110, "一百一十"),
            (111, "一百一十一"),
            (200, "二百"),
            (1000, "一千"),
            (1001, "一千零一"),
            (1010, "一千零一十"),
            (1100, "一千一百"),
            (1011, "一千零一十一"),
            (2026, "二千零二十六"),
            (9999, "九千九百九十九"),
            (10_000, "一万"),
            (10_001, "一万零一"),
            (10_010, "一万零一十"),
            (10_020, "一万零二十"),
            (10_100, "一万零一百"),
            (11_000, "一万一千"),
            (20_000, "二万"),
            (100_000, "十万"),
            (100_010, "十万零一十"),
            (110_000, "十一万"),
            (150_000, "十五万"),
            (1_000_000, "一百万"),
            (1_010_000, "一百零一万"),
            (10_000_000, "一千万"),
            (10_010_000, "一千零一万"),
            (100_000_000, "一亿"),
            (100_000_001, "一亿零一"),
            (100_010_000, "一亿零一万"),
            (100_100_000, "一亿零一十万"),
            (101_000_000, "一亿零一百万"),
            (110_000_000, "一亿一千万"),
            (1_000_000_000, "十亿"),
            (1_234_567_890, "十二亿三千四百五十六万七千八百九十"),
            (1_000_000_000_000, "一万亿"),
            (1_000_000_000_001, "一万亿零一"),
            (1_000_100_000_000, "一万零一亿"),
            (10_000_000_000_000, "十万亿"),
            (10_000_000_000_000_000, "一亿亿"),
            (10_000_000_100_000_000, "一亿零一亿"),
            (-1, "负一"),
            (-3, "负三"),
            (-10, "负十"),
            (-105, "负一百零五"),
            (i64::MAX, "九百二十二亿三千三百七十二万零三百六十八亿五千四百七十七万五千八百零七"),
            (i64::MIN, "负九百二十二亿三千三百七十二万零三百六十八亿五千四百七十七万五千八百零八"),
        ];
        for &(n, want) in cases {
            assert_eq!(numeral(n), want, "{n}");
        }
    }

    #[test]
    fn heading_numbers() {
        let cases: &[(i64, &str, &str, &str, &str, &str)] = &[
            (0, "（零）", "零、", "0.", "（0）", "零是"),
            (1, "（一）", "一、", "1.", "（1）", "一是"),
            (2, "（二）", "二、", "2.", "（2）", "二是"),
            (9, "（九）", "九、", "9.", "（9）", "九是"),
            (10, "（十）", "十、", "10.", "（10）", "十是"),
            (11, "（十一）", "十一、", "11.", "（11）", "十一是"),
            (20, "（二十）", "二十、", "20.", "（20）", "二十是"),
            (101, "（一百零一）", "一百零一、", "101.", "（101）", "一百零一是"),
        ];
        for &(n, item, section, sub, subsub, lead) in cases {
            assert_eq!(item_number(n), item, "{n}");
            assert_eq!(section_number(n), section, "{n}");
            assert_eq!(sub_number(n), sub, "{n}");
            assert_eq!(subsub_number(n), subsub, "{n}");
            assert_eq!(ordinal_lead(n), lead, "{n}");
        }
        assert_eq!(item_number(-1), "（负一）");
        assert_eq!(section_number(-1), "负一、");
        assert_eq!(sub_number(-1), "-1.");
        assert_eq!(ordinal_lead(i64::MIN).chars().next(), Some('负'));
    }

    #[test]
    fn dates_months_and_ranges() {
        assert_eq!(date(d(2026, 11, 5)), "2026年11月5日");
        assert_eq!(date(d(2026, 1, 1)), "2026年1月1日");
        assert_eq!(date(d(2024, 2, 29)), "2024年2月29日");
        assert_eq!(date(d(2026, 10, 31)), "2026年10月31日");
        assert_eq!(month(2026, 10), "2026年10月");
        assert_eq!(month(2026, 1), "2026年1月");
        assert_eq!(month(2026, 0), "—");
        assert_eq!(month(2026, 13), "—");
        let cases: &[(u32, u32, &str)] = &[
            (1, 10, "1—10月"),
            (1, 11, "1—11月"),
            (1, 12, "1—12月"),
            (10, 10, "10月"),
            (10, 1, "—"),
            (0, 10, "—"),
            (1, 13, "—"),
        ];
        for &(a, b, want) in cases {
            assert_eq!(month_range(a, b), want, "{a}..{b}");
        }
    }

    #[test]
    fn periods() {
        let cases: &[(&str, &str)] = &[
            ("2026-07-15", "2026年7月15日"),
            ("2026-10", "2026年10月"),
            ("2026-01", "2026年1月"),
            ("2026-Q1", "2026年第一季度"),
            ("2026-Q2", "2026年第二季度"),
            ("2026-Q3", "2026年第三季度"),
            ("2026-Q4", "2026年第四季度"),
            ("2026-H1", "2026年上半年"),
            ("2026-H2", "2026年下半年"),
            ("2026", "2026年"),
            ("2026-07-15..2026-10-31", "2026年7月15日至10月31日"),
            ("2026-10-01..2026-10-15", "2026年10月1日至15日"),
            ("2025-12-15..2026-01-31", "2025年12月15日至2026年1月31日"),
            ("2026-07-15..2026-07-15", "2026年7月15日"),
            ("2026-01..2026-10", "2026年1—10月"),
            ("2026-01-01..2026-11-30", "2026年1—11月"),
            ("2026-10-01..2026-10-31", "2026年10月"),
            ("2025-12..2026-01", "2025年12月至2026年1月"),
            ("2024-02-01..2024-02-28", "2024年2月1日至28日"),
            ("2024-02-01..2024-02-29", "2024年2月"),
        ];
        for &(text, want) in cases {
            assert_eq!(period(&Period::parse(text).unwrap()), want, "{text}");
        }
    }

    #[test]
    fn deadlines() {
        let cases: &[(&str, &str)] = &[
            ("2026-07-15", "2026年7月15日前"),
            ("2026-06", "2026年6月底前"),
            ("2026-Q3", "2026年第三季度末前"),
            ("2026-Q4", "2026年第四季度末前"),
            ("2026-H1", "2026年6月底前"),
            ("2026-H2", "2026年底前"),
            ("2026", "2026年底前"),
            ("2026-07-15..2026-10-31", "2026年10月31日前"),
            ("2025-12-15..2026-01-31", "2026年1月31日前"),
        ];
        for &(text, want) in cases {
            assert_eq!(due(&Due::parse(text).unwrap()), want, "{text}");
        }
    }

    #[test]
    fn amounts() {
        let cases: &[(f64, &str)] = &[
            (0.0, "0元"),
            (-0.0, "0元"),
            (-0.4, "0元"),
            (1.0, "1元"),
            (10.0, "10元"),
            (100.0, "100元"),
            (8000.0, "8000元"),
            (9999.0, "9999元"),
            (9999.4, "9999元"),
            (9999.5, "10000元"),
            (10_000.0, "1万元"),
            (70_000.0, "7万元"),
            (70_000.5, "70001元"),
            (12_999.0, "12999元"),
            (17_350.0, "17350元"),
            (99_999.0, "99999元"),
            (99_999.6, "10万元"),
            (10_010.0, "10010元"),
            (10_020.0, "10020元"),
            (10_050.0, "10050元"),
            (15_000.0, "15000元"),
            (100_000.0, "10万元"),
            (290_000.0, "29万元"),
            (32_200_000.0, "3220万元"),
            (32_215_000.0, "3221.5万元"),
            (32_215_550.0, "3221.56万元"),
            (99_995_000.0, "9999.5万元"),
            (99_999_949.0, "9999.99万元"),
            (99_999_950.0, "1亿元"),
            (100_000_000.0, "1亿元"),
            (100_010_000.0, "1亿元"),
            (101_000_000.0, "1.01亿元"),
            (630_000_000.0, "6.3亿元"),
            (286_000_000.0, "2.86亿元"),
            (2_860_000_000.0, "28.6亿元"),
            (999_949_000_000.0, "9999.49亿元"),
            (999_995_000_000.0, "9999.95亿元"),
            (999_999_500_000.0, "1万亿元"),
            (1.26e14, "126万亿元"),
            (1e16, "10000万亿元"),
            (-8000.0, "-8000元"),
            (-70_000.0, "-7万元"),
            (-32_200_000.0, "-3220万元"),
            (-630_000_000.0, "-6.3亿元"),
            (f64::NAN, "—"),
            (f64::INFINITY, "—"),
            (f64::NEG_INFINITY, "—"),
        ];
        for &(x, want) in cases {
            assert_eq!(amount_yuan(x), want, "{x}");
        }
    }

    #[test]
    fn money_in_a_chosen_unit() {
        let cases: &[(f64, i32, &str)] = &[
            (12845.0, 4, "12845万元"),
            (1.5, 8, "1.5亿元"),
            (1.28, 8, "1.28亿元"),
            (12999.0, 0, "12999元"),
            (0.1, 4, "0.1万元"),
            (3.0, 12, "3万亿元"),
            (7.0, 3, "7元"),
            (f64::NAN, 4, "—"),
        ];
        for &(x, exp, want) in cases {
            assert_eq!(money(x, exp), want, "{x} {exp}");
        }
    }

    #[test]
    fn numbers_and_counts() {
        let cases: &[(f64, usize, &str)] = &[
            (0.0, 0, "0"),
            (-0.0, 1, "0.0"),
            (21000.0, 0, "21000"),
            (1e16, 0, "10000000000000000"),
            (12.05, 1, "12.1"),
            (-1.25, 1, "-1.3"),
            (f64::NAN, 0, "—"),
            (f64::INFINITY, 0, "—"),
        ];
        for &(x, decimals, want) in cases {
            assert_eq!(number(x, decimals), want, "{x}");
        }
        let cases: &[(f64, f64, &str)] = &[
            (103.0, 307.0, "103户307人"),
            (0.0, 0.0, "0户0人"),
            (-0.0, 1.0, "0户1人"),
            (1442.0, 4960.0, "1442户4960人"),
            (2.5, 7.0, "2.5户7人"),
            (f64::NAN, 307.0, "—户307人"),
            (103.0, f64::INFINITY, "103户—人"),
        ];
        for &(h, p, want) in cases {
            assert_eq!(households_people(h, p), want, "{h} {p}");
        }
    }

    #[test]
    fn percents_and_points() {
        let cases: &[(f64, &str)] = &[
            (0.0, "0%"),
            (-0.0, "0%"),
            // Never 0% or 100% for a share that is not.
            (-0.0004, "-0.04%"),
            (0.9996, "99.96%"),
            (0.999_999_993, "99.9999%"),
            (1.000_000_007, "100.0001%"),
            (0.000_000_1, "0%"),
            (0.745, "74.5%"),
            (0.95, "95%"),
            (1.083, "108.3%"),
            (0.917, "91.7%"),
            (-0.125, "-12.5%"),
            (12.345, "1234.5%"),
            (f64::NAN, "—"),
            (f64::INFINITY, "—"),
        ];
        for &(x, want) in cases {
            assert_eq!(percent(x), want, "{x}");
        }
        let cases: &[(f64, &str)] = &[
            (0.096, "提高9.6个百分点"),
            (-0.012, "下降1.2个百分点"),
            (0.0, "持平"),
            (-0.0, "持平"),
            (0.0004, "持平"),
            (-0.0004, "持平"),
            (0.01, "提高1个百分点"),
            (f64::NAN, "—"),
            (f64::NEG_INFINITY, "—"),
        ];
        for &(x, want) in cases {
            assert_eq!(points(x), want, "{x}");
        }
    }

    #[test]
    fn doc_numbers() {
        assert_eq!(doc_number("团政", 2026, 12), "团政〔2026〕12号");
        assert_eq!(doc_number("团政", 2026, 1), "团政〔2026〕1号");
        assert_eq!(doc_number("团政办发", 2025, 105), "团政办发〔2025〕105号");
    }

    /// The examples of the functions' documentation.
    #[test]
    fn documented_examples() {
        use crate::derive::format::zh;
        assert_eq!(zh::number(21000.0, 0), "21000");
        assert_eq!(zh::number(-1.25, 1), "-1.3");
        assert_eq!(zh::numeral(105), "一百零五");
        assert_eq!(zh::numeral(100_010_000), "一亿零一万");
        assert_eq!(zh::numeral(-3), "负三");
        assert_eq!(zh::item_number(11), "（十一）");
        assert_eq!(zh::section_number(4), "四、");
        assert_eq!(zh::sub_number(12), "12.");
        assert_eq!(zh::subsub_number(3), "（3）");
        assert_eq!(zh::ordinal_lead(2), "二是");
        let d = chrono::NaiveDate::from_ymd_opt(2026, 11, 5).unwrap();
        assert_eq!(zh::date(d), "2026年11月5日");
        assert_eq!(zh::month(2026, 10), "2026年10月");
        assert_eq!(zh::month_range(1, 10), "1—10月");
        let p = Period::parse("2026-07-15..2026-10-31").unwrap();
        assert_eq!(zh::period(&p), "2026年7月15日至10月31日");
        assert_eq!(zh::due(&Due::parse("2026-06").unwrap()), "2026年6月底前");
        assert_eq!(zh::amount_yuan(32_200_000.0), "3220万元");
        assert_eq!(zh::amount_yuan(286_000_000.0), "2.86亿元");
        assert_eq!(zh::households_people(103.0, 307.0), "103户307人");
        assert_eq!(zh::percent(1.083), "108.3%");
        assert_eq!(zh::points(0.096), "提高9.6个百分点");
        assert_eq!(zh::points(-0.012), "下降1.2个百分点");
    }
}
