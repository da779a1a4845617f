//! Formatters for the templates, in English ([`en`]) and Chinese ([`zh`]):
//! numbers, ordinals, heading numbers, dates, reporting periods, money,
//! percentages and changes.
//!
//! Every function is pure (no I/O, no clock, no locale) and total: it
//! returns a defined string for every input and never panics.
//!
//! Rules shared by both languages:
//! - **Rounding** is half away from zero (四舍五入) on the number as written,
//!   i.e. on the shortest decimal that reads back as the same `f64`: 2.675
//!   rounds to 2.68 and 0.745 prints as 74.5%, where rounding the binary
//!   value would give 2.67 and 74.4%.
//! - **No "-0"**: a value that rounds to zero prints without sign.
//! - **Non-finite input** (NaN, ±∞) prints [`MISSING`], an em dash "—",
//!   so a division by zero upstream shows as a gap, never as "NaN" or "inf".
//! - **Ratios, not percents**: [`en::percent`], [`en::points`] and their
//!   Chinese twins take ratios (0.745 → 74.5%; a rate change of 0.096 →
//!   9.6 percentage points). A metric whose values are already in percent
//!   (unit "%") must be divided by 100 first.
//! - **Money** is given in yuan and scaled for reading: English million /
//!   billion / trillion yuan, Chinese 万元 / 亿元 / 万亿元. The scale is
//!   chosen after rounding, so a value never prints as "1000 million" or
//!   "10000万元".
//!
//! ```text
//! let q3 = Period::parse("2026-Q3").unwrap();
//! assert_eq!(en::period(&q3), "the third quarter of 2026");
//! assert_eq!(zh::period(&q3), "2026年第三季度");
//! assert_eq!(en::amount_yuan(630_000_000.0), "630 million yuan");
//! assert_eq!(zh::amount_yuan(630_000_000.0), "6.3亿元");
//! ```

pub mod en;
pub mod lead;
mod num;
pub mod zh;

/// `x × 10^shift` rounded to `decimals` places as the formatters round it
/// (half away from zero on the number as written): the value a reader sees.
/// `None` for NaN and infinities.
///
/// ```text
/// assert_eq!(rounded(128_450_000.0, -8, 2), Some(1.28));
/// assert_eq!(rounded(0.8325, 2, 1), Some(83.3));
/// ```
#[must_use]
pub fn rounded(x: f64, shift: i32, decimals: usize) -> Option<f64> {
    num::Fixed::new(x, shift, decimals)?.render("-", None).parse().ok()
}

/// How many decimals a percentage (given as a ratio) prints with: one, or
/// up to four where one would print 0% or 100% for a share that is not:
/// 0.9996 is "99.96%", not "100%"; 0.0004 is "0.04%", not "0%".
pub fn percent_decimals(ratio: f64) -> usize {
    let boundary = |p: f64| p == 0.0 || p.abs() == 100.0;
    let exact = ratio * 100.0;
    (1..=4).find(|&d| rounded(ratio, 2, d).is_none_or(|p| !boundary(p) || p == exact)).unwrap_or(4)
}

/// The ratio a percentage prints: `ratio` itself, unless even four
/// decimals would print 100% for a share that is not (a target missed by
/// 1 yuan in 300 million), which then prints the nearest figure on its own
/// side: 0.999999993 is "99.9999%", 1.000000007 "100.0001%". (A share of
/// 0.00001% still prints 0%.)
pub fn printed_ratio(ratio: f64) -> f64 {
    let exact = ratio * 100.0;
    match rounded(ratio, 2, 4) {
        Some(p) if p.abs() == 100.0 && p != exact => (p + if exact > p { 1e-4 } else { -1e-4 }) / 100.0,
        _ => ratio,
    }
}

/// The fewest decimals, up to `max`, that show `x` as it is (float noise
/// aside): 3.5 → 1, 99.996 → 3, 3.3999999999999986 → 1.
pub fn decimals_of(x: f64, max: usize) -> usize {
    let close = |d: usize| rounded(x, 0, d).is_some_and(|r| (r - x).abs() <= 1e-9 * x.abs().max(1.0));
    (0..=max).find(|&d| close(d)).unwrap_or(max)
}

/// What every formatter prints for a number it cannot show (NaN, ±∞) or an
/// out-of-range month: an em dash.
pub const MISSING: &str = "—";
