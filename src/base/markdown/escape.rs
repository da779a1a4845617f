//! Escaping plain text for Markdown: the template stage's auto-escape. Every
//! character a person wrote must come out of pulldown-cmark as the same text,
//! never as emphasis, a link, a heading, a list or HTML.

/// Characters that can start or end Markdown syntax anywhere in a line. A
/// backslash before any ASCII punctuation is a literal in CommonMark.
const ALWAYS: &[char] = &['\\', '`', '*', '_', '[', ']', '<', '>', '!', '|', '~', '&', '#', '$', '{', '}'];

/// Escapes plain text so that it renders as exactly that text, wherever the
/// template prints it: mid-line or at the start of a line.
///
/// Newlines become spaces: a plain-text value is one paragraph's worth of
/// words (a title, a name), and a line break inside it could end a heading.
/// Leading spaces shrink to one (four would start a code block at a line's
/// start, and one is still a space mid-line); trailing spaces go (two would
/// be a hard line break).
pub fn markdown(text: &str) -> String {
    let flat: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    let body = flat.trim_start_matches(' ');
    let mut out = String::with_capacity(flat.len() + flat.len() / 8);
    if body.len() < flat.len() {
        out.push(' ');
    }
    let chars: Vec<char> = body.chars().collect();
    // What would be block syntax if the value began a line.
    let marker = line_start_marker(&chars);
    for (i, &c) in chars.iter().enumerate() {
        if ALWAYS.contains(&c) || marker == Some(i) {
            out.push('\\');
        }
        out.push(c);
    }
    let trimmed = out.trim_end_matches(' ').len();
    out.truncate(trimmed);
    out
}

/// The index of the character to escape so that the value cannot start a
/// block when printed at the start of a line: a list marker (`-`, `+`, `*`
/// or digits with `.`/`)` before a space or the end), a thematic break or
/// setext underline (`---`, `===`), a heading (`#`), a block quote (`>`).
fn line_start_marker(chars: &[char]) -> Option<usize> {
    let first = *chars.first()?;
    let next_is_gap = |i: usize| chars.get(i).is_none_or(|c| *c == ' ');
    match first {
        '-' | '+' | '*' if next_is_gap(1) => Some(0),
        '-' | '=' | '_' if chars.iter().all(|c| *c == first || *c == ' ') => Some(0),
        c if c.is_ascii_digit() => {
            let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
            let delimiter = chars.get(digits).is_some_and(|c| *c == '.' || *c == ')');
            (digits <= 9 && delimiter && next_is_gap(digits + 1)).then_some(digits)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::{Event, Parser};

    /// What pulldown-cmark makes of the escaped text, as plain text, with
    /// the events that are not text or soft breaks listed.
    fn round_trip(text: &str) -> (String, Vec<String>) {
        let md = markdown(text);
        let mut plain = String::new();
        let mut other = Vec::new();
        for event in Parser::new_ext(&md, crate::base::markdown::parser_options()) {
            match event {
                Event::Text(t) => plain.push_str(&t),
                Event::SoftBreak => plain.push(' '),
                Event::Start(pulldown_cmark::Tag::Paragraph) | Event::End(pulldown_cmark::TagEnd::Paragraph) => {}
                e => other.push(format!("{e:?}")),
            }
        }
        (plain, other)
    }

    #[test]
    fn hostile_plain_text_stays_text() {
        let cases = [
            "Progress of *work* in _2026_",
            "# not a heading",
            "## Title",
            "- not a list",
            "+ not a list",
            "* not a list",
            "1. not a list",
            "2026. A year",
            "12) paren",
            "> not a quote",
            "=== not setext",
            "--- not a rule",
            "***",
            "[a link](http://example.com)",
            "![img](x.png)",
            "<b>html</b> <!-- c -->",
            "&amp; &copy; &#65;",
            "`code` ``x``",
            "~~strike~~ ~tilde~",
            "| a | b |",
            "a\\b\\\\c\\",
            "{{ title }} {% if x %}",
            "#set text(red) $x$ @ref <label>",
            "http://example.com/a_b_c",
            "foo@example.com",
            "    four spaces",
            "tab\tinside",
            "line\nbreak",
            "trailing spaces  ",
            "-5 degrees",
            "- ",
            "1)",
            "83.3%",
            "===",
            "  = =",
            "_ _ _",
            "[^1] footnote ref",
            "- [ ] task",
            "团风县“1347”工程：**三年**_四批_",
            "Term\n: definition",
        ];
        for text in cases {
            let (plain, other) = round_trip(text);
            let expected: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
            let got: String = plain.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(got, expected, "text {text:?} escaped as {:?}", markdown(text));
            assert!(other.is_empty(), "text {text:?} became {other:?}");
        }
    }

    #[test]
    fn readable_where_safe() {
        assert_eq!(markdown("Set up the headquarters, 2026."), "Set up the headquarters, 2026.");
        assert_eq!(markdown("成立扶贫机构和工作专班"), "成立扶贫机构和工作专班");
        assert_eq!(markdown("1. x"), "1\\. x");
        assert_eq!(markdown("R&D"), "R\\&D");
        assert_eq!(markdown("83.3%"), "83.3%");
        assert_eq!(markdown("-5"), "-5");
        assert_eq!(markdown(" in the county"), " in the county");
        assert_eq!(markdown("    code?"), " code?");
    }
}
