//! Classes of characters that more than one stage asks about: wide East
//! Asian (CJK) characters, Han ideographs, characters that need a glyph.
//!
//! Whether a soft line break between two characters is a space or nothing:
//! Chinese and Japanese do not put spaces between words, so a line break in
//! the source between two such characters must vanish; Typst would print a
//! space. This follows the segment break rule of CSS Text 3 (§4.1.2): the
//! break is removed between two wide East Asian characters unless one of them
//! is Hangul (Korean separates words with spaces). Curly quotes, the ellipsis,
//! the dash and the middle dot are shared with Western text: they join only
//! next to an unambiguous CJK character.

/// How a character takes part in CJK line joining.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Ideographs, kana, bopomofo, CJK and full-width punctuation and forms.
    Wide,
    /// Punctuation that Chinese shares with Western text: “ ” ‘ ’ … — ·.
    Shared,
    /// Hangul syllables and jamo.
    Hangul,
}

fn class(c: char) -> Option<Class> {
    let class = match u32::from(c) {
        0x1100..=0x11FF | 0x3130..=0x318F | 0xA960..=0xA97F | 0xAC00..=0xD7FF => Class::Hangul,
        0x2E80..=0x2FFF // radicals, Kangxi, description characters
        | 0x3000..=0x303F // CJK symbols and punctuation: 、。「」《》…
        | 0x3040..=0x30FF // hiragana, katakana
        | 0x3100..=0x312F // bopomofo
        | 0x3190..=0x31FF // kanbun, bopomofo ext., strokes, katakana ext.
        | 0x3200..=0x33FF // enclosed CJK, compatibility
        | 0x3400..=0x4DBF // ext. A
        | 0x4E00..=0x9FFF // unified ideographs
        | 0xF900..=0xFAFF // compatibility ideographs
        | 0xFE10..=0xFE1F // vertical forms
        | 0xFE30..=0xFE4F // compatibility forms
        | 0xFF00..=0xFFEF // full-width and half-width forms: ，！？（）：；
        | 0x20000..=0x3FFFF => Class::Wide, // ext. B and later
        0x00B7 | 0x2014 | 0x2015 | 0x2018 | 0x2019 | 0x201C | 0x201D | 0x2026 => Class::Shared,
        _ => return None,
    };
    Some(class)
}

/// Whether `c` is a wide East Asian character (ideograph, kana, full-width
/// punctuation or form): text next to it joins without a space.
pub fn is_cjk(c: char) -> bool {
    class(c) == Some(Class::Wide)
}

/// Whether a soft line break between `before` and `after` should vanish.
pub fn joins(before: char, after: char) -> bool {
    match (class(before), class(after)) {
        (Some(a), Some(b)) => a != Class::Hangul && b != Class::Hangul && !(a == Class::Shared && b == Class::Shared),
        _ => false,
    }
}

/// Whether a character needs a glyph: not a space, a control character or
/// a default-ignorable one.
pub fn is_printed(c: char) -> bool {
    !c.is_whitespace() && !c.is_control() && !is_default_ignorable(c)
}

/// Characters that render as nothing (joiners, variation selectors, marks
/// of direction), which no font needs to have.
fn is_default_ignorable(c: char) -> bool {
    matches!(c as u32,
        0x00AD | 0x034F | 0x061C | 0x115F..=0x1160 | 0x17B4..=0x17B5 | 0x180B..=0x180F
        | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F | 0x3164 | 0xFE00..=0xFE0F
        | 0xFEFF | 0xFFA0 | 0xFFF0..=0xFFF8 | 0x1BCA0..=0x1BCA3 | 0x1D173..=0x1D17A
        | 0xE0000..=0xE0FFF)
}

/// Private-use code points: the Private Use Area of the BMP and the
/// supplementary private-use planes 15 and 16.
pub fn is_private_use(c: char) -> bool {
    matches!(c as u32, 0xE000..=0xF8FF | 0xF0000..=0xFFFFD | 0x100000..=0x10FFFD)
}

/// CJK ideographs (unified, extensions, compatibility).
pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF)
}

/// Whether a metric's values are percentages (changes in points).
pub fn is_percent(unit: &str) -> bool {
    matches!(unit.trim(), "%" | "％" | "percent")
}

/// Whether a metric's values are amounts of money in yuan.
pub fn is_yuan(unit: &str) -> bool {
    matches!(unit.trim(), "yuan" | "元" | "CNY" | "RMB")
}

/// Of a unit of money, the power of ten of a yuan it is: 0 for 元, 4 for
/// 万元, 8 for 亿元 (3 for 千元; 3, 6 and 9 for thousand, million and
/// billion yuan); none for other units.
pub fn yuan_exp(unit: &str) -> Option<i32> {
    match unit.trim() {
        u if is_yuan(u) => Some(0),
        "千元" | "thousand yuan" => Some(3),
        "万元" => Some(4),
        "million yuan" => Some(6),
        "亿元" => Some(8),
        "billion yuan" => Some(9),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::joins;

    #[test]
    fn joins_only_between_cjk() {
        let join = [
            ('中', '文'),
            ('。', '这'),
            ('，', '我'),
            ('文', '（'),
            ('）', '文'),
            ('」', '「'),
            ('》', '《'),
            ('：', '“'),
            ('”', '中'),
            ('中', '“'),
            ('日', 'ひ'),
            ('カ', 'ナ'),
            ('！', '？'),
            ('；', '、'),
            ('文', '…'),
            ('翰', '·'),
            ('𠀀', '中'),
        ];
        for (a, b) in join {
            assert!(joins(a, b), "{a}{b} should join");
        }
        let space = [
            ('a', 'b'),
            ('中', 'a'),
            ('a', '中'),
            ('1', '中'),
            ('”', '“'),
            ('…', '—'),
            ('”', 'T'),
            ('한', '국'),
            ('中', '한'),
            ('.', '中'),
            (',', '中'),
        ];
        for (a, b) in space {
            assert!(!joins(a, b), "{a}{b} should keep the space");
        }
    }
}
