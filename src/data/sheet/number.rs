//! A figure in a return's cell: a number, or text that is a number beyond
//! doubt ("1,234", "12.5%", "１２３", "3220万", "353户"); "—", "/", "无" or
//! an empty cell mean "no figure".

use super::grid::Value;
use super::words::half_width;
use crate::base::msg::{Message, msg};

/// A figure as the cell gives it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Figure {
    /// A number as it stands (a fraction shown as a percentage is its
    /// percentage).
    Plain(f64),
    /// Written as a percentage (`12.5%`, or a number formatted as one).
    Percent(f64),
    /// Written with 万 or 亿: the whole amount.
    Scaled(f64),
}

/// Texts that mean "no figure".
const NONE: [&str; 12] = ["-", "--", "—", "——", "/", "\\", "无", "空", "n/a", "na", "none", "…"];

/// Words of a unit that may follow a number in a cell ("353户", "295万元").
const UNIT_WORDS: [&str; 32] = [
    "元",
    "户",
    "人",
    "人次",
    "个",
    "次",
    "项",
    "家",
    "所",
    "座",
    "处",
    "名",
    "套",
    "条",
    "间",
    "场",
    "吨",
    "亩",
    "公里",
    "千米",
    "米",
    "平方米",
    "万人",
    "天",
    "期",
    "篇",
    "件",
    "台",
    "辆",
    "km",
    "t",
    "yuan",
];

/// The figure of a cell, none for an empty one.
///
/// # Errors
/// Why the cell is not a figure, quoting it.
pub fn read(value: &Value) -> Result<Option<Figure>, Message> {
    let figure = match value {
        Value::Empty => return Ok(None),
        // 0.365 × 100 is 36.499…: the percentage as it was shown.
        Value::Number { value, percent: true } => Figure::Percent((value * 1e11).round() / 1e9),
        Value::Number { value, percent: false } => Figure::Plain(*value),
        Value::Text(text) => match text_figure(text)? {
            Some(f) => f,
            None => return Ok(None),
        },
        Value::Date(d) => return Err(msg!(DateNotFigure, date = d.to_string())),
        Value::Other(what) => return Err(msg!(OtherNotFigure, what = what)),
        Value::Unsaved => return Err(msg!(FormulaNotSaved)),
    };
    let v = match figure {
        Figure::Plain(v) | Figure::Percent(v) | Figure::Scaled(v) => v,
    };
    crate::data::figure_check(v)?;
    Ok(Some(figure))
}

/// The figure text stands for, if it is one beyond doubt.
fn text_figure(text: &str) -> Result<Option<Figure>, Message> {
    let quoted = || msg!(NotANumber, text = text.trim());
    let s: String = text.chars().map(half_width).filter(|c| !c.is_whitespace()).collect();
    if s.is_empty() || NONE.contains(&s.to_lowercase().as_str()) {
        return Ok(None);
    }
    // A unit word after the number is dropped: 353户, 295万元, 12人次.
    let digits_end = s.rfind(|c: char| c.is_ascii_digit() || c == '%' || c == '万' || c == '亿').ok_or_else(quoted)?;
    let tail = &s[digits_end..].chars().skip(1).collect::<String>();
    if !tail.is_empty() && !UNIT_WORDS.contains(&tail.to_lowercase().as_str()) {
        return Err(quoted());
    }
    let mut body = &s[..s.len() - tail.len()];
    let mut scale = None;
    let mut percent = false;
    if let Some(rest) = body.strip_suffix('%') {
        (body, percent) = (rest, true);
    } else if let Some(rest) = body.strip_suffix('万') {
        (body, scale) = (rest, Some(1e4));
    } else if let Some(rest) = body.strip_suffix('亿') {
        (body, scale) = (rest, Some(1e8));
    }
    let value = plain_number(body).ok_or_else(quoted)?;
    Ok(Some(match (percent, scale) {
        (true, _) => Figure::Percent(value),
        (false, Some(k)) => Figure::Scaled(value * k),
        (false, None) => Figure::Plain(value),
    }))
}

/// A number in digits: an optional sign, digits with `,` between groups of
/// three, an optional decimal part.
fn plain_number(s: &str) -> Option<f64> {
    let unsigned = s.strip_prefix(['-', '+']).unwrap_or(s);
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    if whole.is_empty() || !fraction.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let groups: Vec<&str> = whole.split(',').collect();
    let grouped = groups.len() > 1;
    let ok = groups.iter().enumerate().all(|(i, g)| {
        g.chars().all(|c| c.is_ascii_digit())
            && !g.is_empty()
            && (!grouped || if i == 0 { g.len() <= 3 } else { g.len() == 3 })
    });
    if !ok || (unsigned.ends_with('.')) {
        return None;
    }
    s.replace(',', "").parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Result<Option<Figure>, String> {
        read(&Value::Text(s.into())).map_err(|e| e.english())
    }

    #[test]
    fn numbers_written_as_text() {
        assert_eq!(text("1,234"), Ok(Some(Figure::Plain(1234.0))));
        assert_eq!(text("１２３"), Ok(Some(Figure::Plain(123.0))));
        assert_eq!(text(" 12.5% "), Ok(Some(Figure::Percent(12.5))));
        assert_eq!(text("１２．５％"), Ok(Some(Figure::Percent(12.5))));
        assert_eq!(text("3220万"), Ok(Some(Figure::Scaled(32_200_000.0))));
        assert_eq!(text("3220万元"), Ok(Some(Figure::Scaled(32_200_000.0))));
        assert_eq!(text("1.28亿"), Ok(Some(Figure::Scaled(128_000_000.0))));
        assert_eq!(text("353户"), Ok(Some(Figure::Plain(353.0))));
        assert_eq!(text("-3.5"), Ok(Some(Figure::Plain(-3.5))));
        for none in ["", " ", "—", "/", "无", "－", "N/A", "——"] {
            assert_eq!(text(none), Ok(None), "{none:?}");
        }
    }

    #[test]
    fn what_is_not_a_number_says_so() {
        for bad in [
            "三百",
            "1,23",
            "12..5",
            "1.2.3",
            "约300",
            "300左右",
            "300多",
            "inf",
            "NaN",
            "1e5",
            "5.",
            "12%3",
            "300/400",
        ] {
            let err = text(bad).expect_err(bad);
            assert!(err.contains(&format!("「{bad}」")), "{err}");
        }
        assert!(read(&Value::Other("#DIV/0!".into())).unwrap_err().english().contains("#DIV/0!"));
        assert!(read(&Value::Number { value: f64::INFINITY, percent: false }).is_err());
    }

    #[test]
    fn a_percentage_cell_is_its_percentage() {
        assert_eq!(read(&Value::Number { value: 0.365, percent: true }), Ok(Some(Figure::Percent(36.5))));
    }
}
