//! Raw HTML in Markdown is not interpreted: tags, comments, processing
//! instructions and declarations are removed, the text between them is kept,
//! as a browser shows it.
//!
//! A construct that is not closed (`<div` at the end of a block, `<!--`
//! without `-->`) is not a construct: it stays as text, so nothing a person
//! wrote disappears because of a typo. `<br>` becomes a line break, block-level
//! tags (`<p>`, `<div>`, `<td>`, …) a space so that words on either side do not
//! run together; a CDATA section is, as in a browser, hidden up to its first
//! `>`. In the text, the
//! entities `&amp; &lt; &gt; &quot; &#39; &apos; &nbsp;` and numeric
//! references are decoded; any other `&…;` is kept as written.

/// A piece of the visible content of some raw HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Piece {
    /// Text, as it should read (entities decoded, not yet escaped for Typst).
    Text(String),
    /// A `<br>`: a line break.
    Break,
}

/// Block-level HTML elements (CommonMark's HTML block start condition 6, plus
/// the elements of condition 1): a tag of one of these separates words.
const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "base",
    "basefont",
    "blockquote",
    "body",
    "caption",
    "center",
    "col",
    "colgroup",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "frame",
    "frameset",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hr",
    "html",
    "iframe",
    "legend",
    "li",
    "link",
    "main",
    "menu",
    "menuitem",
    "nav",
    "noframes",
    "ol",
    "optgroup",
    "option",
    "p",
    "param",
    "pre",
    "script",
    "search",
    "section",
    "style",
    "summary",
    "table",
    "tbody",
    "td",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "track",
    "ul",
];

/// Splits raw HTML into its visible pieces (see the module documentation).
pub(crate) fn strip(html: &str) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut text = String::new();
    let mut rest = html;
    while let Some(pos) = rest.find(['<', '&']) {
        text.push_str(&rest[..pos]);
        rest = &rest[pos..];
        if rest.starts_with('&') {
            let (decoded, len) = entity(rest);
            match decoded {
                Some(c) => text.push(c),
                None => text.push_str(&rest[..len]),
            }
            rest = &rest[len..];
            continue;
        }
        if let Some((len, what)) = markup_len(rest) {
            match what {
                Markup::Break => {
                    if !text.is_empty() {
                        pieces.push(Piece::Text(std::mem::take(&mut text)));
                    }
                    pieces.push(Piece::Break);
                }
                Markup::Block => text.push(' '),
                Markup::Hidden => {}
            }
            rest = &rest[len..];
        } else {
            text.push('<');
            rest = &rest[1..];
        }
    }
    text.push_str(rest);
    if !text.is_empty() {
        pieces.push(Piece::Text(text));
    }
    pieces
}

/// What a complete HTML construct contributes to the text.
enum Markup {
    /// `<br>`, `<br/>`, `<br />`.
    Break,
    /// A block-level tag: a space.
    Block,
    /// Anything else: nothing.
    Hidden,
}

/// The length of the complete HTML construct at the start of `s` (which
/// starts with `<`), or `None` if there is none.
fn markup_len(s: &str) -> Option<(usize, Markup)> {
    if let Some(after) = s.strip_prefix("<!--") {
        // CommonMark accepts `<!-->` and `<!--->` as (empty) comments.
        let len = if after.starts_with('>') {
            5
        } else if after.starts_with("->") {
            6
        } else {
            4 + after.find("-->")? + 3
        };
        return Some((len, Markup::Hidden));
    }
    if let Some(after) = s.strip_prefix("<?") {
        // As in a browser (HTML5 "bogus comment"): it ends at the first `>`,
        // so `<?php echo '>'; ?>` shows `'; ?>`.
        return Some((2 + after.find('>')? + 1, Markup::Hidden));
    }
    if let Some(after) = s.strip_prefix("<![CDATA[") {
        // In HTML (not SVG or MathML) a browser reads it as a bogus comment
        // that ends at the first `>`.
        return Some((9 + after.find('>')? + 1, Markup::Hidden));
    }
    if let Some(after) = s.strip_prefix("<!") {
        if after.starts_with(|c: char| c.is_ascii_alphabetic()) {
            return Some((2 + after.find('>')? + 1, Markup::Hidden));
        }
        return None;
    }
    let after = s.strip_prefix('<')?;
    let name_start = usize::from(after.starts_with('/'));
    let name: &str = {
        let rest = &after[name_start..];
        let end = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-')).unwrap_or(rest.len());
        &rest[..end]
    };
    if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let len = 1 + name_start + name.len() + tag_rest_len(&after[name_start + name.len()..])?;
    let name = name.to_ascii_lowercase();
    let what = if name == "br" {
        Markup::Break
    } else if BLOCK_TAGS.contains(&name.as_str()) {
        Markup::Block
    } else {
        Markup::Hidden
    };
    Some((len, what))
}

/// The length of the rest of a tag after its name, up to and including the
/// closing `>`; quoted attribute values may contain `>`.
fn tag_rest_len(s: &str) -> Option<usize> {
    let mut chars = s.char_indices();
    let mut after_equals = false;
    while let Some((i, c)) = chars.next() {
        match c {
            '>' => return Some(i + 1),
            '=' => {
                after_equals = true;
                continue;
            }
            '"' | '\'' if after_equals => {
                // Skip to the closing quote.
                chars.by_ref().find(|&(_, q)| q == c)?;
            }
            c if c.is_whitespace() => continue,
            _ => {}
        }
        after_equals = false;
    }
    None
}

/// Decodes the entity at the start of `s` (which starts with `&`): the
/// character, if it is one this module decodes, and the length to skip
/// (just the `&` if it is not).
fn entity(s: &str) -> (Option<char>, usize) {
    const NAMED: &[(&str, char)] =
        &[("&amp;", '&'), ("&lt;", '<'), ("&gt;", '>'), ("&quot;", '"'), ("&apos;", '\''), ("&nbsp;", '\u{a0}')];
    for &(name, c) in NAMED {
        if s.starts_with(name) {
            return (Some(c), name.len());
        }
    }
    let Some(num) = s.strip_prefix("&#") else {
        return (None, 1);
    };
    let (digits, radix, prefix) = match num.strip_prefix(['x', 'X']) {
        Some(hex) => (hex, 16, 3),
        None => (num, 10, 2),
    };
    // CommonMark: 1–7 decimal or 1–6 hexadecimal digits, then `;`.
    let max = if radix == 16 { 6 } else { 7 };
    let len = digits.find(|c: char| !c.is_digit(radix)).unwrap_or(digits.len());
    if len == 0 || len > max || !digits[len..].starts_with(';') {
        return (None, 1);
    }
    let c = u32::from_str_radix(&digits[..len], radix)
        .ok()
        .filter(|&n| n != 0)
        .and_then(char::from_u32)
        .unwrap_or('\u{fffd}');
    (Some(c), prefix + len + 1)
}

/// The visible text of some raw HTML, with line breaks as spaces: for places
/// that take plain text (image descriptions).
pub(crate) fn plain_text(html: &str) -> String {
    let mut out = String::new();
    for piece in strip(html) {
        match piece {
            Piece::Text(t) => out.push_str(&t),
            Piece::Break => out.push(' '),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(html: &str) -> String {
        strip(html)
            .into_iter()
            .map(|p| match p {
                Piece::Text(t) => t,
                Piece::Break => "<BR>".to_owned(),
            })
            .collect()
    }

    #[test]
    fn tags_comments_and_declarations_are_removed() {
        let cases = [
            ("<span class=\"x\">a</span>", "a"),
            ("<a href='x>y'>link</a>", "link"),
            ("<div>a</div><div>b</div>", " a  b "),
            ("x<!-- c -->y", "xy"),
            ("x<!---->y<!-->z<!--->w", "xyzw"),
            ("x<?php echo 1; ?>y", "xy"),
            ("x<!DOCTYPE html>y", "xy"),
            ("x<![CDATA[a < b]]>y", "xy"),
            ("x<![CDATA[a>b]]>y", "xb]]>y"),
            ("a<br>b<br/>c<BR />d", "a<BR>b<BR>c<BR>d"),
            ("<p>\n<img src=\"x\" alt=\"y\">\n</p>", " \n\n "),
            ("<custom-element>t</custom-element>", "t"),
        ];
        for (html, want) in cases {
            assert_eq!(text(html), want, "{html:?}");
        }
    }

    #[test]
    fn unclosed_constructs_stay_text() {
        let cases = [
            ("<div id=\"x\"", "<div id=\"x\""),
            ("<!-- open", "<!-- open"),
            ("<? open", "<? open"),
            ("<![CDATA[ open", "<![CDATA[ open"),
            ("a < b", "a < b"),
            ("<1>", "<1>"),
            ("<", "<"),
            ("<a title=\"x>", "<a title=\"x>"),
        ];
        for (html, want) in cases {
            assert_eq!(text(html), want, "{html:?}");
        }
    }

    #[test]
    fn entities_are_decoded() {
        let cases = [
            ("&amp;&lt;&gt;&quot;&#39;&apos;", "&<>\"''"),
            ("a&nbsp;b", "a\u{a0}b"),
            ("&#65;&#x42;&#X43;", "ABC"),
            ("&#0;&#xD800;&#1114112;", "\u{fffd}\u{fffd}\u{fffd}"),
            ("&copy; &amp &#; &#x; &#12345678;", "&copy; &amp &#; &#x; &#12345678;"),
            ("&", "&"),
        ];
        for (html, want) in cases {
            assert_eq!(text(html), want, "{html:?}");
        }
    }
}
