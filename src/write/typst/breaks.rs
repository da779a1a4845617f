//! Line break opportunities in runs of text that have none.
//!
//! Typst breaks lines where Unicode's line breaking algorithm (UAX #14)
//! allows it and, in English, never inside a word (hyphenation is off). A run
//! of characters with no break opportunity, a 250-letter word, 85 x's,
//! 6,000 Chinese commas, runs off the right edge of the page and what runs
//! off is lost. Such runs get a zero-width space ([`BREAK`]) between their
//! characters here, and the style shows each one as an empty box: a break
//! opportunity that adds no hyphen and leaves no character in the PDF's text
//! (a zero-width space itself would be copied with the text). Typst cannot
//! find such runs by itself cheaply: a show rule on a pattern of long runs
//! compiles its regular expression anew for each document (10 ms for one
//! that follows Unicode's classes of characters) and cannot match across a
//! change of style (`*a*b`).
//!
//! Only runs of [`LONG_RUN`] characters or more are touched, so ordinary
//! words, numbers and codes (an 18-character ID) keep their line breaks. A
//! run ends at a space, at an ideograph, kana or hangul (a line may break
//! next to each), and where a line may break after punctuation (see
//! [`breaks_between`]): words joined by dashes, slashes or Chinese commas are
//! not one run, so URLs and compounds keep their own breaks.

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation;

use crate::base::text as cjk;

/// The zero-width space: the style turns each one into an empty box.
pub const BREAK: char = '\u{200B}';

/// Runs this long get a break opportunity between their characters: longer
/// than any ordinary word with its punctuation, shorter than a line of the
/// narrowest text the styles set (a 22 pt Chinese title holds about 37 Latin
/// letters).
pub const LONG_RUN: usize = 25;

/// Runs of thousands of characters get a break opportunity every few
/// characters instead of every one: a paragraph's line breaking slows down
/// with the square of the opportunities in a line.
const MAX_BREAKS: usize = 1000;

/// The run of characters with no line break opportunity that text written
/// so far ends with, carried across pieces of text (the writer writes a
/// paragraph in pieces, between changes of style).
#[derive(Debug, Clone, Copy, Default)]
pub struct Run {
    /// Its length in characters, not counting combining marks.
    len: usize,
    /// Its last character.
    last: Option<char>,
}

impl Run {
    /// Ends the run: a block, a line break or a space follows.
    pub fn end(&mut self) {
        *self = Self::default();
    }

    /// `text` with a [`BREAK`] between the characters of each of its runs
    /// that makes, with the run before it, [`LONG_RUN`] characters or more
    /// (and before its first character, when it goes on with a long run).
    /// Updates the run to where `text` ends.
    pub fn insert<'t>(&mut self, text: &'t str) -> Cow<'t, str> {
        // Most text has no long run: none of its pieces between spaces and
        // ideographs has as many bytes (a character has at least one). Then
        // only the last piece matters, for the run it leaves open.
        if let Some(tail) = short_pieces(text, self.len) {
            if tail.len() < text.len() {
                self.end();
            }
            for c in tail.chars() {
                match kind(c) {
                    Kind::Space | Kind::Wide => self.end(),
                    Kind::Mark => {}
                    Kind::Other => {
                        if self.last.is_some_and(|last| breaks_between(last, c)) {
                            self.len = 0;
                        }
                        self.len += 1;
                        self.last = Some(c);
                    }
                }
            }
            return Cow::Borrowed(text);
        }
        let mut out: Option<String> = None;
        // The current run of `text`: where it starts, how many characters
        // it has, and how many of the run before `text` it goes on with.
        let (mut start, mut count, mut carried) = (0, 0, self.len);
        let mut last = self.last;
        for (at, c) in text.char_indices() {
            let kind = kind(c);
            if matches!(kind, Kind::Space | Kind::Wide)
                || (kind == Kind::Other && last.is_some_and(|last| breaks_between(last, c)))
            {
                if out.is_some() || carried + count >= LONG_RUN {
                    self.write(text, start..at, count, carried, &mut out);
                }
                (start, count, carried) = (at, 0, 0);
            }
            match kind {
                Kind::Space | Kind::Wide => last = None,
                Kind::Mark => {}
                Kind::Other => {
                    count += 1;
                    last = Some(c);
                }
            }
        }
        self.write(text, start..text.len(), count, carried, &mut out);
        *self = Self { len: carried + count, last };
        out.map_or(Cow::Borrowed(text), Cow::Owned)
    }

    /// Writes a run of `text` that goes on with `carried` characters of the
    /// run before `text` to `out`, with breaks if it is long. `out` stays
    /// `None` as long as nothing is changed; then it starts as a copy of
    /// `text` up to the run.
    fn write(&self, text: &str, range: std::ops::Range<usize>, count: usize, carried: usize, out: &mut Option<String>) {
        let run = &text[range.start..range.end];
        // Typst 0.15 panics shaping a zero-width space inside right-to-left
        // text in some fonts (found by fuzzing): such runs keep their length.
        if carried + count < LONG_RUN || run.chars().any(is_right_to_left) {
            if let Some(out) = out {
                out.push_str(run);
            }
            return;
        }
        let out = out.get_or_insert_with(|| {
            let mut s = String::with_capacity(2 * text.len());
            s.push_str(&text[..range.start]);
            s
        });
        let step = (carried + count).div_ceil(MAX_BREAKS);
        let mut before = if carried > 0 { self.last } else { None };
        for (i, g) in run.graphemes(true).enumerate() {
            let c = g.chars().next().unwrap_or(' ');
            if let Some(before) = before
                && kind(c) == Kind::Other
                && (carried + i).is_multiple_of(step)
                && (!is_punctuation(c) || is_punctuation(before))
            {
                out.push(BREAK);
            }
            out.push_str(g);
            before = (kind(c) == Kind::Other).then_some(c);
        }
    }
}

/// If no piece of `text` between spaces and ideographs U+5000 to U+9FFF
/// (those whose UTF-8 starts with the bytes E5 to E9) has [`LONG_RUN`]
/// bytes, with `carried` before the first: the last piece.
fn short_pieces(text: &str, carried: usize) -> Option<&str> {
    let mut len = carried;
    let mut tail = 0;
    for (at, &b) in text.as_bytes().iter().enumerate() {
        if b == b' ' {
            (len, tail) = (0, at + 1);
        } else if (0xE5..=0xE9).contains(&b) {
            (len, tail) = (0, at + 3);
        } else {
            len += 1;
            if len >= LONG_RUN {
                return None;
            }
        }
    }
    Some(text.get(tail..).unwrap_or(""))
}

/// `text` on its own (a title, a chart label) with break opportunities in its
/// long runs (see [`Run::insert`]).
#[must_use]
pub fn breakable(text: &str) -> Cow<'_, str> {
    Run::default().insert(text)
}

/// A letter of a right-to-left script (Hebrew, Arabic, Syriac, Thaana,
/// N'Ko and their presentation forms and historic relatives).
fn is_right_to_left(c: char) -> bool {
    matches!(
        c,
        '\u{0590}'..='\u{08FF}'
            | '\u{FB1D}'..='\u{FDFF}'
            | '\u{FE70}'..='\u{FEFF}'
            | '\u{10800}'..='\u{10FFF}'
            | '\u{1E800}'..='\u{1EFFF}'
    )
}

/// How a character takes part in runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A space where a line may break (not a no-break space), or a
    /// [`BREAK`] already there.
    Space,
    /// An ideograph, kana or hangul: a line may break before and after it.
    Wide,
    /// Part of the character before it (a combining mark, a joiner, a
    /// variation selector), or a control character that the writer drops.
    Mark,
    /// A character of a run.
    Other,
}

fn kind(c: char) -> Kind {
    match c {
        ' ' | '\t' | '\n' | '\r' | '\u{0b}' | '\u{0c}' => Kind::Space,
        '!'..='~' => Kind::Other,
        // Most of Chinese text, first.
        '\u{4E00}'..='\u{9FFF}' => Kind::Wide,
        '\u{85}' | '\u{1680}' | '\u{2000}'..='\u{2006}' | '\u{2008}'..='\u{200A}' | '\u{2028}' | '\u{2029}' => {
            Kind::Space
        }
        '\u{205F}' | '\u{3000}' | BREAK => Kind::Space,
        '\u{300}'..='\u{36F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{200C}'..='\u{200D}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FE20}'..='\u{FE2F}' => Kind::Mark,
        '\u{AC00}'..='\u{D7A3}' => Kind::Wide,
        c if c.is_control() => Kind::Mark,
        c if cjk::is_cjk(c) && c.is_alphabetic() => Kind::Wide,
        _ => Kind::Other,
    }
}

/// Whether a line may break next to `c` before a letter (UAX #14): after a
/// dash, a hyphen, a slash, `!`, `?` or Chinese punctuation that closes a
/// clause or a bracket, and before a full-width opening bracket (counted as
/// after it: either way, the run is split there).
fn is_end(c: char) -> bool {
    matches!(
        c,
        '-' | '/'
            | '‐'
            | '–'
            | '—'
            | '!'
            | '?'
            | '}'
            | '|'
            | '，'
            | '。'
            | '、'
            | '；'
            | '：'
            | '！'
            | '？'
            | '）'
            | '》'
            | '」'
            | '』'
            | '】'
            | '〉'
            | '〕'
            | '〗'
            | '〙'
            | '〛'
            | '…'
            | '（'
            | '《'
    )
}

/// Whether a line should not start with `c` (a comma, a closing bracket, a
/// hyphen) where the character before it is no such character: a long run
/// gets no break there.
fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation() || is_end(c)
}

/// Whether a line may break between `before` and `after`, two characters of
/// a run: after a character of [`is_end`] that a letter or a digit follows
/// (not an ASCII symbol, which keeps the two together, nor another end), but
/// not between `-` or `/` and a digit. Checked against Typst 0.15's line
/// breaking with the fonts zongjie uses, in English and Chinese.
fn breaks_between(before: char, after: char) -> bool {
    let digit_after_dash = matches!(before, '-' | '/') && after.is_ascii_digit();
    is_end(before) && !is_end(after) && !after.is_ascii_punctuation() && !digit_after_dash
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(s: &str) -> String {
        s.replace(BREAK, "|")
    }

    #[test]
    fn ordinary_text_is_left_alone() {
        for text in [
            "",
            "In 2026 the town lifted 512 households out of poverty.",
            "internationalization, counterrevolutionaries; 91430000MA4L0XXXX8",
            "poverty-alleviation-and-rural-revitalization-related work",
            "https://www.example.gov.cn/xxgk/2026/12/t20261210_123456.html",
            "（intro、situation、body、closing）",
            "二〇二六年全县脱贫攻坚工作总结：贫困发生率由14.1%降至10.3%，成效明显。",
            "2026-07-15..2026-10-31",
        ] {
            assert!(matches!(breakable(text), Cow::Borrowed(_)), "{text}");
        }
    }

    #[test]
    fn long_runs_get_a_break_between_characters() {
        assert_eq!(shown(&breakable(&"x".repeat(LONG_RUN - 1))), "x".repeat(LONG_RUN - 1));
        assert_eq!(shown(&breakable(&"x".repeat(LONG_RUN))), vec!["x"; LONG_RUN].join("|"));
        let word = format!("Loo{}ngword", "o".repeat(250));
        let text = format!("A {word}, then more.");
        let broken = breakable(&text);
        assert_eq!(broken.replace(BREAK, ""), text);
        // No line starts with the comma.
        assert!(shown(&broken).starts_with("A L|o|o|o|"), "{}", shown(&broken));
        assert!(shown(&broken).ends_with("r|d, then more."), "{}", shown(&broken));
        // Chinese commas alone are one run; Chinese text around them is not.
        let commas = "，".repeat(40);
        assert_eq!(shown(&breakable(&format!("正文{commas}结束"))), format!("正文{}结束", vec!["，"; 40].join("|")));
        // A long piece between ends is broken; the short ones are not.
        let text = format!("see-{}-here", "y".repeat(30));
        assert_eq!(shown(&breakable(&text)), format!("see-{}-here", vec!["y"; 30].join("|")));
        // `-` before a digit, or an end before a symbol, does not end a run;
        // no line starts with `-` or `,` after a letter.
        let digits = "-1".repeat(20);
        assert_eq!(shown(&breakable(&digits)), format!("-{}|1", "|1-".repeat(19)));
        let symbols = "a，,".repeat(10);
        assert_eq!(shown(&breakable(&symbols)), format!("a，|,{}", "|a，|,".repeat(9)));
    }

    #[test]
    fn marks_stay_with_their_letters() {
        let text = "e\u{301}".repeat(30);
        let broken = breakable(&text);
        assert_eq!(broken.matches(BREAK).count(), 29);
        assert!(!broken.contains("\u{200B}\u{301}"));
    }

    #[test]
    fn runs_go_on_across_pieces() {
        let mut run = Run::default();
        let mut out = String::new();
        for _ in 0..40 {
            out.push_str(&run.insert("*"));
            out.push('[');
            out.push_str(&run.insert("_"));
            out.push(']');
        }
        // The first LONG_RUN characters as they are, then a break before
        // each piece.
        assert_eq!(out.matches(BREAK).count(), 80 - LONG_RUN + 1, "{out}");
        assert_eq!(run.insert("x"), format!("{BREAK}x"));
        run.end();
        assert_eq!(run.insert("x"), "x");
    }

    #[test]
    fn thousands_of_characters_break_every_few() {
        let text = "x".repeat(10_000);
        let broken = breakable(&text);
        assert_eq!(broken.matches(BREAK).count(), 999);
        assert_eq!(broken.replace(BREAK, ""), text);
    }

    #[test]
    fn spaces_and_ideographs_end_runs() {
        let text = format!("{0} {0}中{0}\u{3000}{0}", "x".repeat(LONG_RUN - 1));
        assert!(matches!(breakable(&text), Cow::Borrowed(_)));
        // A no-break space does not.
        let text = format!("{0}\u{a0}{0}", "x".repeat(20));
        assert_eq!(breakable(&text).matches(BREAK).count(), 40);
    }
}
