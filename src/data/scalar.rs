//! Scalar field types of the data contract: plain text, Markdown, numbers,
//! dates, periods and deadlines, each with its own validation, so that a bad
//! value is reported at its own line and column.

use super::error::raise;
use crate::base::msg::{Message, msg};
use std::fmt;

use chrono::NaiveDate;
use serde::de::{self, Deserializer, Unexpected, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use super::period::{Due, Period};

/// Plain text written by a person: reaches the document exactly as written,
/// never interpreted as Markdown, Typst or template code. Never empty.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Text(pub String);

impl Text {
    /// The text as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The longest a plain-text field (a title, a name, a label) may be, in
/// characters.
pub const MAX_TEXT_CHARS: usize = 1_000;

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = deserializer.deserialize_any(ScalarText("text"))?;
        // Spaces and invisible characters (zero-width spaces) alone are empty.
        if !text.chars().any(|c| crate::base::text::is_printed(c) && !c.is_whitespace()) {
            return Err(raise(msg!(MustNotBeEmpty)));
        }
        let chars = text.chars().count();
        if chars > MAX_TEXT_CHARS {
            return Err(raise(msg!(TextTooLong, chars = chars, max = MAX_TEXT_CHARS)));
        }
        Ok(Text(text))
    }
}

/// Markdown written by a person (CommonMark plus tables, strikethrough, task
/// lists and footnotes). Inserted into templates as Markdown, not escaped.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Markdown(pub String);

impl Markdown {
    /// The Markdown source.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Serialize for Markdown {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if minijinja::value::serializing_for_value() {
            // Marked safe: the template's Markdown escaping leaves it alone;
            // sealed, so it cannot swallow what the template puts after it.
            let demoted = crate::base::markdown::fields::demote_headings(&self.0);
            let own = crate::base::markdown::fields::own_footnotes(&demoted);
            let sealed = crate::base::markdown::fields::seal(&own).into_owned();
            Serialize::serialize(&minijinja::Value::from_safe_string(sealed), serializer)
        } else {
            serializer.serialize_str(&self.0)
        }
    }
}

impl<'de> Deserialize<'de> for Markdown {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ScalarText("Markdown text")).map(Markdown)
    }
}

/// Why a text cannot go into a document, if it cannot: it holds a control
/// character (written as an escape such as `"\e"` or `"\0"`; raw ones are
/// refused with the file), which a document cannot show and a terminal
/// would obey, or a direction override, which turns the text after it
/// around (the template's words as well as the writer's).
fn unshowable(text: &str) -> Option<Message> {
    let c = text
        .chars()
        .find(|c| (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{202a}'..='\u{202e}'))?;
    let code = format!("{:04X}", u32::from(c));
    Some(if c.is_control() { msg!(HoldsControl, code = code) } else { msg!(HoldsDirectionOverride, code = code) })
}

/// Accepts any scalar as text (YAML reads `2026` as a number, but as a title
/// it is text); rejects lists and mappings.
struct ScalarText(&'static str);

impl<'de> Visitor<'de> for ScalarText {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
        unshowable(v).map_or_else(|| Ok(v.to_owned()), |why| Err(raise(why)))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<String, E> {
        unshowable(&v).map_or(Ok(v), |why| Err(raise(why)))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<String, E> {
        Ok(v.to_string())
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<String, E> {
        Ok(v.to_string())
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<String, E> {
        Ok(v.to_string())
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<String, E> {
        Ok(v.to_string())
    }
    fn visit_unit<E: de::Error>(self) -> Result<String, E> {
        Ok(String::new())
    }
}

/// A finite number below [`MAX_FIGURE`] in size. Strings that look like
/// formatted numbers (`28,174`, `3220万`, `74.5%`) are refused with a hint on
/// how to write them.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd, Serialize)]
#[serde(transparent)]
pub struct Number(pub f64);

impl<'de> Deserialize<'de> for Number {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(NumberVisitor)
    }
}

struct NumberVisitor;

impl<'de> Visitor<'de> for NumberVisitor {
    type Value = Number;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number such as 28174 or 0.95")
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Number, E> {
        #[expect(clippy::cast_precision_loss, reason = "larger figures are refused below")]
        self.visit_f64(v as f64)
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Number, E> {
        #[expect(clippy::cast_precision_loss, reason = "larger figures are refused below")]
        self.visit_f64(v as f64)
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Number, E> {
        figure_check(v).map(Number).map_err(raise)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Number, E> {
        Err(raise(number_hint(v)))
    }
}

/// The largest figure, in size, that a document may give: a thousand
/// trillion (10^15), beyond any count or amount of money an office reports,
/// and well inside the range where every whole number is exact and prints
/// in full. A larger figure is a slip of the keyboard.
pub const MAX_FIGURE: f64 = 1e15;

/// A figure if it is finite and below [`MAX_FIGURE`] in size, or why not.
pub fn figure_check(v: f64) -> Result<f64, Message> {
    if !v.is_finite() {
        Err(msg!(NotFinite, value = v))
    } else if v.abs() >= MAX_FIGURE {
        Err(msg!(FigureTooLarge, value = format!("{v:e}")))
    } else {
        Ok(v)
    }
}

/// Explains how to write a figure that was written as formatted text.
fn number_hint(v: &str) -> Message {
    let t = v.trim();
    let digits: String = t.chars().filter(|c| c.is_ascii_digit() || *c == '.' || *c == '-').collect();
    if t.contains(',') && digits.parse::<f64>().is_ok() {
        msg!(NumberWithSeparators, text = v, digits = digits)
    } else if t.ends_with('%') {
        let inner = t.trim_end_matches('%').trim();
        msg!(NumberWithPercent, text = v, number = inner)
    } else if t.contains('万') || t.contains('亿') {
        msg!(NumberWithWan, text = v)
    } else {
        msg!(NumberExpected, text = v)
    }
}

/// A calendar date written `YYYY-MM-DD`.
pub fn date<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
    deserializer.deserialize_any(DateVisitor)
}

struct DateVisitor;

impl<'de> Visitor<'de> for DateVisitor {
    type Value = NaiveDate;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a date written YYYY-MM-DD, such as 2026-11-05")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<NaiveDate, E> {
        parse_date(v.trim()).map_err(raise)
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<NaiveDate, E> {
        Err(E::invalid_type(Unexpected::Signed(v), &self))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<NaiveDate, E> {
        Err(E::invalid_type(Unexpected::Unsigned(v), &self))
    }
}

/// Parses `YYYY-MM-DD`, saying what is wrong with an impossible date.
pub fn parse_date(v: &str) -> Result<NaiveDate, Message> {
    // A date and time (`2026-11-05T10:00:00Z`, `2026-11-05 10:00`): the day
    // is what is meant.
    if let Some((day, time)) = v.trim().split_once(['T', 't', ' '])
        && time.trim_start().starts_with(|c: char| c.is_ascii_digit())
        && let Ok(p) = Period::parse(day)
        && p.kind() == super::period::PeriodKind::Day
    {
        return Err(msg!(DateAndTime, text = v, day = day));
    }
    match Period::parse(v) {
        Ok(p) if p.kind() == super::period::PeriodKind::Day => Ok(p.start()),
        Ok(_) => Err(msg!(SingleDayExpected, text = v)),
        Err(e) => Err(e.message()),
    }
}

macro_rules! period_like {
    ($ty:ident, $visitor:ident, $what:expr) => {
        /// Deserializes from the scalar's text, so that `2026` (read by YAML
        /// as a number) is a year; `2026.10` (read as 2026.1) gets a hint.
        pub(crate) struct $visitor;

        impl<'de> Visitor<'de> for $visitor {
            type Value = $ty;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str($what)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<$ty, E> {
                $ty::parse(v.trim()).map_err(|e| raise(e.message()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<$ty, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<$ty, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<$ty, E> {
                Err(raise(msg!(PeriodReadAsNumber, value = v)))
            }
        }

        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserializer.deserialize_any($visitor)
            }
        }

        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }
    };
}

period_like!(Period, PeriodVisitor, super::error::PERIOD_EXPECTED);
period_like!(Due, DueVisitor, super::error::DUE_EXPECTED);

#[cfg(test)]
mod tests {
    use super::*;

    fn load<T: for<'de> Deserialize<'de>>(yaml: &str) -> Result<T, String> {
        serde_yaml::from_str(yaml).map_err(|e| e.to_string())
    }

    #[test]
    fn text_refuses_empty_and_accepts_scalars() {
        assert!(load::<Text>("''").unwrap_err().contains("must not be empty"));
        assert!(load::<Text>("\"\\u200b\\u200b \"").unwrap_err().contains("must not be empty"));
        assert!(load::<Text>(&"x".repeat(1_001)).unwrap_err().contains("1001 characters long"));
        assert_eq!(load::<Text>(&"长".repeat(1_000)).unwrap().as_str().chars().count(), 1_000);
        assert!(load::<Text>("'   '").is_err());
        assert_eq!(load::<Text>("2026").unwrap().0, "2026");
        assert_eq!(load::<Text>("'#set text(red)'").unwrap().0, "#set text(red)");
        assert!(load::<Text>("[a, b]").is_err());
    }

    #[test]
    fn numbers_with_hints() {
        assert_eq!(load::<Number>("28174").unwrap(), Number(28174.0));
        assert_eq!(load::<Number>("0.5").unwrap(), Number(0.5));
        assert!(load::<Number>("'28,174'").unwrap_err().contains("write 28174"));
        assert!(load::<Number>("3220万").unwrap_err().contains("32200000"));
        assert!(load::<Number>("74.5%").unwrap_err().contains("unit"));
        assert!(load::<Number>(".nan").unwrap_err().contains("finite"));
        assert!(load::<Number>(".inf").unwrap_err().contains("finite"));
        assert!(load::<Number>("1.0e19").unwrap_err().contains("too large"));
        assert!(load::<Number>("-1000000000000000").unwrap_err().contains("too large"));
        assert!(load::<Number>("18446744073709551615").unwrap_err().contains("too large"));
        assert_eq!(load::<Number>("999999999999999").unwrap(), Number(999_999_999_999_999.0));
    }

    #[test]
    fn dates_and_periods() {
        #[derive(Debug, Deserialize)]
        struct D {
            #[serde(deserialize_with = "date")]
            d: NaiveDate,
        }
        assert_eq!(load::<D>("d: 2026-11-05").unwrap().d, NaiveDate::from_ymd_opt(2026, 11, 5).unwrap());
        let err = load::<D>("d: 2026-02-30").unwrap_err();
        assert!(err.contains("2026-02-30"), "{err}");
        assert!(load::<D>("d: 2026-10").is_err());
        let err = load::<D>("d: 2026-11-05T10:00:00Z").unwrap_err();
        assert!(err.contains("a date and time") && err.contains("write 2026-11-05"), "{err}");
        assert!(load::<Period>("2026").is_ok());
        assert!(load::<Period>("2026-Q3").is_ok());
        assert!(load::<Period>("2026.10").unwrap_err().contains("2026-10"));
        assert!(load::<Due>("2026-12").is_ok());
    }
}
