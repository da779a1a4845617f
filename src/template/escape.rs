//! Escaping plain text for Markdown: the template stage's auto-escape. Every
//! character a person wrote must come out of pulldown-cmark as the same text,
//! never as emphasis, a link, a heading, a list or HTML.

/// Characters that can start or end Markdown syntax anywhere in a line. A
/// backslash before any ASCII punctuation is a literal in CommonMark.
const ALWAYS: &[char] = &['\\', '`', '*', '_', '[', ']', '<', '>', '!', '|', '~', '&', '#', '$', '{', '}'];

/// Characters that are syntax only at the start of a line (lists, headings,
/// block quotes, thematic breaks, setext underlines).
const LINE_START: &[char] = &['-', '+', '=', '>', '#', ':'];

/// Escapes plain text so that it renders as exactly that text.
///
/// Newlines become spaces: a plain-text value is one paragraph's worth of
/// words (a title, a name), and a line break inside it could end a heading.
pub fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut at_line_start = true;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let c = if matches!(c, '\n' | '\r' | '\t') || c.is_control() { ' ' } else { c };
        if at_line_start {
            if c == ' ' {
                // Leading spaces could make an indented code block.
                continue;
            }
            if LINE_START.contains(&c) || c.is_ascii_digit() && ordered_marker_follows(c, chars.clone()) {
                if c.is_ascii_digit() {
                    // `1. ` / `1) ` starts a list: escape the delimiter.
                    out.push(c);
                    while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                        out.push(d);
                        chars.next();
                    }
                    if let Some(d) = chars.next() {
                        out.push('\\');
                        out.push(d);
                    }
                    at_line_start = false;
                    continue;
                }
                out.push('\\');
                out.push(c);
                at_line_start = false;
                continue;
            }
        }
        at_line_start = false;
        if ALWAYS.contains(&c) {
            out.push('\\');
        }
        out.push(c);
    }
    // Trailing spaces could become a hard line break.
    let trimmed = out.trim_end_matches(' ').len();
    out.truncate(trimmed);
    out
}

/// Whether digits followed by `.` or `)` start here (an ordered list marker).
fn ordered_marker_follows(first: char, mut rest: impl Iterator<Item = char>) -> bool {
    let mut digits = 1;
    let _ = first;
    for c in rest.by_ref() {
        if c.is_ascii_digit() {
            digits += 1;
            if digits > 9 {
                return false;
            }
        } else {
            return c == '.' || c == ')';
        }
    }
    false
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
        for event in Parser::new_ext(&md, crate::typst_writer::parser_options()) {
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
    }
}
