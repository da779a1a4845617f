//! Writing WordprocessingML by hand: text escaped for XML (the escaper of
//! [`crate::base::xml`]), and the run and
//! paragraph properties in the order ECMA-376 requires (CT_RPr, CT_PPr), so
//! that Word opens the file without a repair prompt.

use std::fmt::Write as _;

pub use crate::base::xml::{escape, escape_into};

/// Run formatting.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RunProps {
    /// A character style (`w:rStyle`).
    pub style: Option<&'static str>,
    /// The East Asian font, when not the style's.
    pub east_asia: Option<&'static str>,
    /// The Latin font, when not the style's.
    pub ascii: Option<&'static str>,
    /// Shared punctuation set as East Asian (Chinese documents).
    pub hint_east_asia: bool,
    /// Bold.
    pub bold: bool,
    /// Italic.
    pub italic: bool,
    /// Struck through.
    pub strike: bool,
    /// Colour (RRGGBB).
    pub color: Option<&'static str>,
    /// Size in half points.
    pub size: Option<u32>,
    /// Superscript.
    pub superscript: bool,
    /// Subscript.
    pub subscript: bool,
}

impl RunProps {
    /// `<w:rPr>…</w:rPr>`, children in schema order (rStyle, rFonts, b,
    /// i, strike, color, sz, szCs, vertAlign); empty when nothing is set.
    pub fn write(&self, out: &mut String) {
        if *self == RunProps::default() {
            return;
        }
        out.push_str("<w:rPr>");
        if let Some(style) = self.style {
            let _ = write!(out, "<w:rStyle w:val=\"{style}\"/>");
        }
        if self.ascii.is_some() || self.east_asia.is_some() || self.hint_east_asia {
            out.push_str("<w:rFonts");
            if let Some(f) = self.ascii {
                let _ = write!(out, " w:ascii=\"{f}\" w:hAnsi=\"{f}\" w:cs=\"{f}\"");
            }
            if let Some(f) = self.east_asia {
                let _ = write!(out, " w:eastAsia=\"{f}\"");
            }
            if self.hint_east_asia {
                out.push_str(" w:hint=\"eastAsia\"");
            }
            out.push_str("/>");
        }
        if self.bold {
            out.push_str("<w:b/><w:bCs/>");
        }
        if self.italic {
            out.push_str("<w:i/><w:iCs/>");
        }
        if self.strike {
            out.push_str("<w:strike/>");
        }
        if let Some(c) = self.color {
            let _ = write!(out, "<w:color w:val=\"{c}\"/>");
        }
        if let Some(s) = self.size {
            let _ = write!(out, "<w:sz w:val=\"{s}\"/><w:szCs w:val=\"{s}\"/>");
        }
        if self.superscript {
            out.push_str("<w:vertAlign w:val=\"superscript\"/>");
        } else if self.subscript {
            out.push_str("<w:vertAlign w:val=\"subscript\"/>");
        }
        out.push_str("</w:rPr>");
    }
}

/// Appends a run of text.
pub fn run(out: &mut String, props: &RunProps, text: &str) {
    if text.is_empty() {
        return;
    }
    out.push_str("<w:r>");
    props.write(out);
    out.push_str("<w:t xml:space=\"preserve\">");
    escape_into(out, text);
    out.push_str("</w:t></w:r>");
}

/// Paragraph formatting.
#[derive(Clone, Debug, Default)]
pub struct ParaProps {
    /// The paragraph style (`w:pStyle`).
    pub style: Option<&'static str>,
    /// Keep with the next paragraph.
    pub keep_next: bool,
    /// A border: (`top` or `bottom`, size in eighths of a point, colour).
    pub borders: Vec<(&'static str, u32, &'static str)>,
    /// A tab stop: (`right`/`left`/`center`, position in twips).
    pub tabs: Vec<(&'static str, u32)>,
    /// Indentation in twips: left, right, hanging (negative: first line).
    pub indent: Option<(i32, i32, i32)>,
    /// Indentation in hundredths of a character: left, right, and the first
    /// line (negative: hanging), for Chinese documents.
    pub indent_chars: Option<(i32, i32, i32)>,
    /// `left`, `center`, `right`, `both`.
    pub align: Option<&'static str>,
    /// Start on a new page.
    pub page_break_before: bool,
    /// Space between the borders and the text, in points (1 when none).
    pub border_space: Option<u32>,
    /// Space before, in twips, and the line height (twips and rule:
    /// `exact`, `atLeast`, `auto`), when not the style's.
    pub spacing: Option<(u32, Option<(u32, &'static str)>)>,
}

impl ParaProps {
    /// `<w:pPr>…</w:pPr>`, children in schema order (pStyle, keepNext,
    /// pBdr, tabs, ind, jc).
    pub fn write(&self, out: &mut String) {
        let empty = self.style.is_none()
            && !self.keep_next
            && self.borders.is_empty()
            && self.tabs.is_empty()
            && self.indent.is_none()
            && self.indent_chars.is_none()
            && self.align.is_none()
            && !self.page_break_before
            && self.spacing.is_none();
        if empty {
            return;
        }
        out.push_str("<w:pPr>");
        if let Some(style) = self.style {
            let _ = write!(out, "<w:pStyle w:val=\"{style}\"/>");
        }
        if self.keep_next {
            out.push_str("<w:keepNext/>");
        }
        if self.page_break_before {
            out.push_str("<w:pageBreakBefore/>");
        }
        if !self.borders.is_empty() {
            out.push_str("<w:pBdr>");
            // top before bottom, as the schema orders them.
            for side in ["top", "bottom"] {
                for (s, size, color) in self.borders.iter().filter(|b| b.0 == side) {
                    let space = self.border_space.unwrap_or(1);
                    let _ = write!(
                        out,
                        "<w:{s} w:val=\"single\" w:sz=\"{size}\" w:space=\"{space}\" w:color=\"{color}\"/>"
                    );
                }
            }
            out.push_str("</w:pBdr>");
        }
        if !self.tabs.is_empty() {
            out.push_str("<w:tabs>");
            for (kind, pos) in &self.tabs {
                let _ = write!(out, "<w:tab w:val=\"{kind}\" w:pos=\"{pos}\"/>");
            }
            out.push_str("</w:tabs>");
        }
        if let Some((before, line)) = self.spacing {
            let _ = write!(out, "<w:spacing w:before=\"{before}\" w:after=\"0\"");
            if let Some((line, rule)) = line {
                let _ = write!(out, " w:line=\"{line}\" w:lineRule=\"{rule}\"");
            }
            out.push_str("/>");
        }
        match (self.indent, self.indent_chars) {
            (_, Some((left, right, first))) => {
                let _ = write!(
                    out,
                    "<w:ind w:leftChars=\"{left}\" w:left=\"{}\" w:rightChars=\"{right}\" w:right=\"{}\"",
                    left * 32 / 10,
                    right * 32 / 10
                );
                if first >= 0 {
                    let _ = write!(out, " w:firstLineChars=\"{first}\" w:firstLine=\"{}\"/>", first * 32 / 10);
                } else {
                    let _ = write!(out, " w:hangingChars=\"{}\" w:hanging=\"{}\"/>", -first, -first * 32 / 10);
                }
            }
            (Some((left, right, first)), None) => {
                let _ = write!(out, "<w:ind w:left=\"{left}\" w:right=\"{right}\"");
                if first >= 0 {
                    let _ = write!(out, " w:firstLine=\"{first}\"/>");
                } else {
                    let _ = write!(out, " w:hanging=\"{}\"/>", -first);
                }
            }
            (None, None) => {}
        }
        if let Some(a) = self.align {
            let _ = write!(out, "<w:jc w:val=\"{a}\"/>");
        }
        out.push_str("</w:pPr>");
    }
}

/// Appends a paragraph holding `runs` (already XML).
pub fn paragraph(out: &mut String, props: &ParaProps, runs: &str) {
    out.push_str("<w:p>");
    props.write(out);
    out.push_str(runs);
    out.push_str("</w:p>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn properties_keep_schema_order() {
        let mut out = String::new();
        RunProps { bold: true, style: Some("S"), east_asia: Some("黑体"), size: Some(32), ..RunProps::default() }
            .write(&mut out);
        let at = |s: &str| out.find(s).unwrap();
        assert!(at("w:rStyle") < at("w:rFonts") && at("w:rFonts") < at("<w:b/>") && at("<w:b/>") < at("w:sz"));
        let mut out = String::new();
        ParaProps {
            style: Some("P"),
            keep_next: true,
            borders: vec![("bottom", 12, "FF0000"), ("top", 4, "000000")],
            tabs: vec![("right", 8844)],
            indent: Some((0, 0, 0)),
            align: Some("both"),
            ..ParaProps::default()
        }
        .write(&mut out);
        let at = |s: &str| out.find(s).unwrap();
        assert!(at("w:pStyle") < at("w:keepNext") && at("w:keepNext") < at("w:pBdr"));
        assert!(at("<w:top") < at("<w:bottom") && at("w:pBdr") < at("w:tabs") && at("w:tabs") < at("w:ind"));
        assert!(at("w:ind") < at("w:jc"));
    }
}
