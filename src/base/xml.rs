//! Escaping text for XML and HTML: the one escaper of the Word package's
//! parts and the HTML page.

/// Appends `text` escaped for XML or HTML character data or an attribute
/// value; characters XML 1.0 cannot hold (most control characters,
/// U+FFFE/FFFF) are dropped.
pub fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
}

/// `text` escaped for XML or HTML.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_controls_dropped() {
        assert_eq!(escape("<w:p> & ]]> \"'\u{1}\u{FFFF}x"), "&lt;w:p&gt; &amp; ]]&gt; &quot;&apos;x");
    }
}
