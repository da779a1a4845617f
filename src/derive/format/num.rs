//! Decimal rounding shared by the English and Chinese formatters.
//!
//! Floats are rounded on their shortest round-trip decimal form (what
//! `format!("{x}")` prints, i.e. what the user wrote in the YAML), half away
//! from zero (四舍五入), so `2.675` rounds to `2.68` and `0.745` is `74.5%`,
//! where rounding the binary value would give `2.67` and `74.49…%`.

/// The most decimals any formatter prints; larger requests are clamped.
pub(super) const MAX_DECIMALS: usize = 20;

/// A finite number rounded to a fixed count of decimals, ready to print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Fixed {
    /// True only when the rounded value is below zero (never for "-0").
    pub(super) negative: bool,
    /// Integer digits, without leading zeros ("0" for zero).
    pub(super) int: String,
    /// Fraction digits, exactly as many as asked for (before [`Fixed::trim`]).
    pub(super) frac: String,
}

impl Fixed {
    /// Rounds `x × 10^shift` to `decimals` places, half away from zero.
    ///
    /// Returns `None` for NaN and infinities. `decimals` is clamped to
    /// [`MAX_DECIMALS`].
    pub(super) fn new(x: f64, shift: i32, decimals: usize) -> Option<Fixed> {
        if !x.is_finite() {
            return None;
        }
        let decimals = decimals.min(MAX_DECIMALS);
        // Shortest round-trip digits: "-1.2345e3" → sign, "12345", exponent 3.
        let sci = format!("{x:e}");
        let (negative, sci) = match sci.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, sci.as_str()),
        };
        let (mantissa, exp) = sci.split_once('e')?;
        let exp: i32 = exp.parse().ok()?;
        let mut digits: Vec<u8> = mantissa.bytes().filter(u8::is_ascii_digit).map(|b| b - b'0').collect();
        let len = i32::try_from(digits.len()).ok()?;
        // value = digits (as an integer) × 10^pow
        let mut pow = exp.checked_add(shift)? - (len - 1);
        let want = -i32::try_from(decimals).ok()?;
        if pow < want {
            // Drop `cut` digits from the right, rounding half away from zero.
            let cut = usize::try_from(want - pow).ok()?;
            let round_up = if cut > digits.len() { false } else { digits[digits.len() - cut] >= 5 };
            digits.truncate(digits.len().saturating_sub(cut));
            if round_up {
                let mut i = digits.len();
                loop {
                    if i == 0 {
                        digits.insert(0, 1);
                        break;
                    }
                    i -= 1;
                    if digits[i] == 9 {
                        digits[i] = 0;
                    } else {
                        digits[i] += 1;
                        break;
                    }
                }
            }
            pow = want;
        }
        // Now pow >= want: append zeros so that pow == want exactly.
        let pad = usize::try_from(pow - want).ok()?;
        let mut text: String = digits.iter().map(|d| char::from(b'0' + d)).collect();
        text.extend(std::iter::repeat_n('0', pad));
        if text.len() <= decimals {
            let zeros = decimals + 1 - text.len();
            text.insert_str(0, &"0".repeat(zeros));
        }
        let (int, frac) = text.split_at(text.len() - decimals);
        let int = int.trim_start_matches('0');
        let int = if int.is_empty() { "0" } else { int };
        let mut fixed = Fixed { negative, int: int.to_owned(), frac: frac.to_owned() };
        fixed.negative = negative && !fixed.is_zero();
        Some(fixed)
    }

    /// Drops trailing zeros of the fraction ("2.50" → "2.5", "3.00" → "3").
    pub(super) fn trim(mut self) -> Fixed {
        let kept = self.frac.trim_end_matches('0').len();
        self.frac.truncate(kept);
        self
    }

    /// True when every printed digit is zero.
    pub(super) fn is_zero(&self) -> bool {
        self.int == "0" && self.frac.bytes().all(|b| b == b'0')
    }

    /// Number of digits in the integer part ("0" counts as 1).
    pub(super) fn int_digits(&self) -> usize {
        self.int.len()
    }

    /// Prints the number with `minus` before negatives and, if given,
    /// `group` between groups of three integer digits.
    pub(super) fn render(&self, minus: &str, group: Option<char>) -> String {
        let mut out = String::new();
        if self.negative {
            out.push_str(minus);
        }
        match group {
            Some(sep) => out.push_str(&group_thousands(&self.int, sep)),
            None => out.push_str(&self.int),
        }
        if !self.frac.is_empty() {
            out.push('.');
            out.push_str(&self.frac);
        }
        out
    }
}

/// Inserts `sep` between groups of three digits, from the right.
fn group_thousands(digits: &str, sep: char) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(x: f64, shift: i32, decimals: usize) -> String {
        Fixed::new(x, shift, decimals).map_or_else(|| "None".to_owned(), |f| f.render("-", None))
    }

    #[test]
    fn rounds_half_away_from_zero_on_the_written_digits() {
        let cases: &[(f64, i32, usize, &str)] = &[
            (0.0, 0, 0, "0"),
            (-0.0, 0, 2, "0.00"),
            (1.0, 0, 0, "1"),
            (0.5, 0, 0, "1"),
            (1.5, 0, 0, "2"),
            (2.5, 0, 0, "3"),
            (-2.5, 0, 0, "-3"),
            (-0.4, 0, 0, "0"),
            (-0.04, 0, 1, "0.0"),
            (2.675, 0, 2, "2.68"),
            (1.005, 0, 2, "1.01"),
            (0.745, 2, 1, "74.5"),
            (0.0745, 2, 1, "7.5"),
            (9.95, 0, 1, "10.0"),
            (999.96, 0, 1, "1000.0"),
            (9999.5, 0, 0, "10000"),
            (99_995_000.0, -4, 2, "9999.50"),
            (99_999_999.6, -4, 2, "10000.00"),
            (1e16, 0, 0, "10000000000000000"),
            (1.234e16, -8, 2, "123400000.00"),
            (123.456, 0, 5, "123.45600"),
            (0.001, 0, 2, "0.00"),
            (0.005, 0, 2, "0.01"),
            (0.0049, 0, 2, "0.00"),
            (5e-324, 0, 2, "0.00"),
            (0.4, 0, 0, "0"),
            (0.6, 0, 0, "1"),
            (f64::NAN, 0, 0, "None"),
            (f64::INFINITY, 0, 0, "None"),
            (f64::NEG_INFINITY, 0, 0, "None"),
        ];
        for &(x, shift, decimals, want) in cases {
            assert_eq!(show(x, shift, decimals), want, "x={x} shift={shift} decimals={decimals}");
        }
    }

    #[test]
    fn clamps_decimals() {
        let f = Fixed::new(1.0, 0, usize::MAX).unwrap();
        assert_eq!(f.frac.len(), MAX_DECIMALS);
    }

    #[test]
    fn huge_values_print_all_digits() {
        let f = Fixed::new(1e300, 0, 0).unwrap();
        assert_eq!(f.int.len(), 301);
        assert!(f.int.starts_with('1'));
    }

    #[test]
    fn trims_and_groups() {
        assert_eq!(Fixed::new(2.5, 0, 2).unwrap().trim().render("-", Some(',')), "2.5");
        assert_eq!(Fixed::new(3.0, 0, 2).unwrap().trim().render("-", Some(',')), "3");
        assert_eq!(Fixed::new(-1_234_567.891, 0, 2).unwrap().render("−", Some(',')), "−1,234,567.89");
        let cases = [
            ("0", "0"),
            ("12", "12"),
            ("123", "123"),
            ("1234", "1,234"),
            ("123456", "123,456"),
            ("1234567", "1,234,567"),
        ];
        for (digits, want) in cases {
            assert_eq!(group_thousands(digits, ','), want);
        }
    }
}
