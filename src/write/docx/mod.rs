//! The `.docx` (Word, WPS): the same document as the PDF, from the same
//! front matter and Markdown body, in the layout Word understands: for
//! Chinese documents GB/T 9704 (A4, margins 37/35/28/26 mm, 22 lines of 28
//! characters by exact line spacing and condensed character spacing,
//! headings 一、/（一）/1./（1） as Heading 1–4, "— N —" page numbers on the
//! outer side of odd and even pages), fonts named in every slot and no
//! theme fonts.
//!
//! The package is written by hand: every part's XML in the order ECMA-376
//! requires, every string escaped, a fixed order and fixed times in the zip,
//! so that the same input gives the same bytes.

mod body;
mod chart;
mod image;
mod official;
mod parts;
mod reference;
mod svg;
pub mod xml;

use std::fmt::Write as _;
use std::io::Write as _;

use crate::data::Lang;
use crate::data::mdfile::Meta;
use crate::derive::lang::{Label, language};
use xml::{ParaProps, RunProps, paragraph, run};

pub use parts::Layout;
pub use reference::Reference;
pub use svg::SvgFonts;

/// What the `.docx` is made from.
pub struct Input<'a> {
    /// The front matter.
    pub meta: &'a Meta,
    /// The Markdown body.
    pub body: &'a str,
    /// Seconds since 1970 for the document's creation time (reproducible
    /// builds); none for now.
    pub epoch: Option<i64>,
    /// Reads an image the body names (inside the data folder).
    pub image: &'a dyn Fn(&str) -> Option<Vec<u8>>,
    /// An office's own styles (`--reference-docx`), in place of zongjie's.
    pub reference: Option<&'a Reference>,
    /// A DRAFT / 草稿 watermark on every page.
    pub draft: bool,
    /// The fonts of an SVG picture's text (its PNG fallback).
    pub svg_fonts: &'a SvgFonts<'a>,
}

/// Why the package could not be written (the zip writer failed: out of
/// memory or the like, never because of the input).
#[derive(Debug)]
pub struct DocxError(pub String);

/// The `.docx` file's bytes.
pub fn write(input: &Input<'_>) -> Result<Vec<u8>, DocxError> {
    let meta = input.meta;
    let zh = meta.lang == Lang::Zh;
    let layout = Layout::of(meta);
    let text_width = layout.text_width();
    // The body and the attachments' pages in one conversion (one set of
    // footnotes, pictures and charts), cut where each page begins.
    let pages: Vec<(usize, &crate::data::Attachment)> =
        meta.attachments.iter().enumerate().filter(|(_, a)| a.body.is_some()).collect();
    let mut markdown = input.body.trim_end().to_owned();
    let marker = official::marker(&format!("{}{:?}", input.body, meta.attachments));
    let ctx = body::Context {
        zh,
        text_width,
        text_height: layout.text_height(),
        image: input.image,
        svg_fonts: input.svg_fonts,
        epoch: input.epoch,
        pages_from: Some(&marker),
    };
    for (k, (_, a)) in pages.iter().enumerate() {
        let text = a.body.as_ref().map_or("", |b| b.as_str());
        let _ =
            write!(markdown, "\n\n{marker}{k}Z\n\n{}", crate::base::markdown::fields::own_footnotes(text).trim_end());
    }
    let converted = body::convert(&markdown, &ctx);
    let parts = official::split_pages(&converted.xml, &marker, pages.len());
    let mut doc = String::with_capacity(converted.xml.len() + 8192);
    if meta.masthead.is_some() {
        official::corner(&mut doc, meta);
        masthead(&mut doc, meta, &layout);
    } else {
        official::letterhead(&mut doc, meta, text_width);
        title_block(&mut doc, meta);
    }
    if meta.masthead.is_some() {
        doc.push_str(&parts[0]);
    } else {
        // The body's last paragraph keeps to the signature (GB/T 9704
        // 7.3.5.5: signature and date never alone on a page).
        doc.push_str(&keep_last_with_next(&parts[0]));
    }
    attachments(&mut doc, meta);
    if meta.masthead.is_some() {
        foot(&mut doc, meta, &layout);
    } else {
        official::signature(&mut doc, meta, text_width);
    }
    for (k, (i, a)) in pages.iter().enumerate() {
        official::attachment_page(&mut doc, meta, i + 1, a.title.as_str(), &parts[k + 1]);
    }
    let closing = official::closing_block(meta, text_width);
    let plan = parts::Furnishing::of(&layout, input.draft, input.reference);
    let document = parts::document(&doc, &layout, &plan, closing.as_deref());
    let files: Vec<(String, Vec<u8>)> =
        parts::package(&layout, document, &converted, input.epoch, meta, input.reference, input.draft, &plan);
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    // Parts that are compressed already (workbooks, PNG, JPEG, GIF) are
    // stored as they are: deflating them again costs time and saves nothing.
    let stored = options.compression_method(zip::CompressionMethod::Stored);
    for (name, bytes) in files {
        let packed = [".xlsx", ".png", ".jpeg", ".gif"].iter().any(|ext| name.ends_with(ext));
        zip.start_file(name, if packed { stored } else { options }).map_err(|e| DocxError(e.to_string()))?;
        zip.write_all(&bytes).map_err(|e| DocxError(e.to_string()))?;
    }
    zip.finish().map(std::io::Cursor::into_inner).map_err(|e| DocxError(e.to_string()))
}

/// The body with `w:keepNext` on its last paragraph.
fn keep_last_with_next(xml: &str) -> String {
    let Some(at) = xml.rfind("<w:p>") else { return xml.to_owned() };
    let after = at + "<w:p>".len();
    let rest = &xml[after..];
    let mut out = String::with_capacity(xml.len() + 32);
    out.push_str(&xml[..after]);
    if let Some(props) = rest.strip_prefix("<w:pPr>") {
        out.push_str("<w:pPr>");
        // After the style, before everything else (CT_PPr order).
        let style_end = props.starts_with("<w:pStyle ").then(|| props.find("/>").map(|e| e + 2)).flatten().unwrap_or(0);
        out.push_str(&props[..style_end]);
        if !props[style_end..].starts_with("<w:keepNext/>") {
            out.push_str("<w:keepNext/>");
        }
        out.push_str(&props[style_end..]);
    } else {
        out.push_str("<w:pPr><w:keepNext/></w:pPr>");
        out.push_str(rest);
    }
    out
}

fn hint(zh: bool) -> RunProps {
    RunProps { hint_east_asia: zh, ..RunProps::default() }
}

fn text_para(out: &mut String, props: &ParaProps, run_props: &RunProps, text: &str) {
    let mut runs = String::new();
    run(&mut runs, run_props, text);
    paragraph(out, props, &runs);
}

fn blank(out: &mut String, keep_next: bool) {
    paragraph(out, &ParaProps { style: Some("ZjPlain"), keep_next, ..ParaProps::default() }, "");
}

/// Title and 主送 line.
fn title_block(out: &mut String, meta: &Meta) {
    let zh = meta.lang == Lang::Zh;
    title_paragraph(out, meta.title.as_str(), meta.lang);
    if zh {
        blank(out, true);
    } else if let Some(period) = &meta.period {
        // The period under the title, small and grey, as the PDF has it.
        let props =
            ParaProps { style: Some("ZjPlain"), align: Some("center"), keep_next: true, ..ParaProps::default() };
        let grey = RunProps { color: Some("464646"), size: Some(21), ..RunProps::default() };
        text_para(out, &props, &grey, &language(meta.lang).period(period));
    }
    if let Some(r) = &meta.recipient {
        let words = language(meta.lang);
        let text = format!("{}{}", r.as_str(), words.colon());
        text_para(out, &ParaProps { style: Some("ZjRecipient"), ..ParaProps::default() }, &hint(zh), &text);
    }
}

/// A title in the Title style: one paragraph, its lines (as the PDF has
/// them: broken between words in a Chinese document, see
/// [`crate::write::title`]) separated by `w:br`.
fn title_paragraph(out: &mut String, title: &str, lang: Lang) {
    let props = hint(lang == Lang::Zh);
    let mut runs = String::new();
    for (i, line) in crate::write::title::lines(title, lang).iter().enumerate() {
        if i > 0 {
            runs.push_str("<w:r><w:br/></w:r>");
        }
        run(&mut runs, &props, line);
    }
    paragraph(out, &ParaProps { style: Some("Title"), keep_next: true, ..ParaProps::default() }, &runs);
}

/// 附件说明: "附件：1.XXXX", later ones under the first name.
fn attachments(out: &mut String, meta: &Meta) {
    if meta.attachments.is_empty() {
        return;
    }
    let zh = meta.lang == Lang::Zh;
    let words = language(meta.lang);
    let many = meta.attachments.len() > 1;
    let label = format!("{}{}", words.label(if many { Label::Attachments } else { Label::Attachment }), words.colon());
    blank(out, true);
    for (i, a) in meta.attachments.iter().enumerate() {
        // "1.XXXX" in Chinese (GB/T 9704 7.3.4), "1. XXXX" in English, as
        // the PDF has them.
        let number = if zh { format!("{}.", i + 1) } else { format!("{}. ", i + 1) };
        let name = if many { format!("{number}{}", a.title.as_str()) } else { a.title.as_str().to_owned() };
        let mut props = ParaProps { style: Some("ZjPlain"), keep_next: true, ..ParaProps::default() };
        if zh {
            // "附件：" is three characters, two in from the margin.
            props.indent_chars = Some((500, 0, if i == 0 { -300 } else { 0 }));
        } else {
            props.indent = Some((1440, 0, if i == 0 { -1440 } else { 0 }));
        }
        let text = if i == 0 { format!("{label}{}{name}", if zh { "" } else { "\t" }) } else { name };
        text_para(out, &props, &hint(zh), &text);
    }
}

/// The width of a text in hundredths of a 三号 character: a CJK character
/// is one, anything else half.
/// Word and LibreOffice put a little space (about a fifth of a character)
/// between ideographs and Latin letters or digits (`w:autoSpaceDE`/`DN`,
/// on by default): 2026年10月9日 is 6.5 characters and five such gaps.
fn width(text: &str) -> i32 {
    let cjk = crate::base::text::is_cjk;
    let glyphs: i32 = text.chars().map(|c| if cjk(c) { 100 } else { 50 }).sum();
    let chars: Vec<char> = text.chars().collect();
    let gaps =
        chars.windows(2).filter(|w| cjk(w[0]) != cjk(w[1]) && !w[0].is_whitespace() && !w[1].is_whitespace()).count();
    glyphs + 20 * i32::try_from(gaps).unwrap_or(0)
}

/// The bulletin's 报头: its name in large red type, the issue, the editing
/// unit and the date on one line, and the red rule.
fn masthead(out: &mut String, meta: &Meta, layout: &Layout) {
    let zh = meta.lang == Lang::Zh;
    let words = language(meta.lang);
    let name = meta.title.as_str().trim();
    // As large as 二号 × 2 allows on one line of the text block, and never
    // under 26 pt, as the PDF sets it: a longer name takes several lines,
    // broken between words as the PDF breaks it.
    let chars = u32::try_from(width(name).max(100)).unwrap_or(100);
    let fit = layout.text_width() * 100 / chars / 10 * 95 / 100; // half points
    let size = fit.clamp(52, 88);
    let red = RunProps { color: Some(RED), size: Some(size), hint_east_asia: zh, ..RunProps::default() };
    let props = ParaProps { style: Some("ZjMasthead"), keep_next: true, ..ParaProps::default() };
    let lines = crate::write::title::lines_within(name, meta.lang, crate::write::title::MASTHEAD_CAPACITY);
    if fit < 52 && lines.len() > 1 {
        for line in &lines {
            text_para(out, &props, &red, line);
        }
    } else {
        text_para(out, &props, &red, name);
    }
    if let Some(m) = &meta.masthead
        && let Some(issue) = m.issue
    {
        let props =
            ParaProps { style: Some("ZjPlain"), align: Some("center"), keep_next: true, ..ParaProps::default() };
        text_para(out, &props, &hint(zh), &words.issue_line(issue, m.total_issue));
    }
    // The editing unit on the left, the date on the right: two cells, so a
    // long unit wraps in its own and the date stays whole; the red rule is
    // the table's bottom border.
    let date = words.date(meta.date);
    let date_width = u32::try_from(width(&date) * 32 / 10 + 320).unwrap_or(3000).min(layout.text_width() / 2);
    let org_width = layout.text_width() - date_width;
    let cell = |out: &mut String, w: u32, align: &'static str, text: &str| {
        let _ = write!(out, "<w:tc><w:tcPr><w:tcW w:w=\"{w}\" w:type=\"dxa\"/><w:vAlign w:val=\"bottom\"/></w:tcPr>");
        let props = ParaProps { style: Some("ZjPlain"), align: Some(align), ..ParaProps::default() };
        text_para(out, &props, &hint(zh), text);
        out.push_str("</w:tc>");
    };
    let _ = write!(
        out,
        "<w:tbl><w:tblPr><w:tblW w:w=\"{}\" w:type=\"dxa\"/><w:tblBorders><w:bottom w:val=\"single\" w:sz=\"18\" w:space=\"0\" w:color=\"{RED}\"/></w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid><w:gridCol w:w=\"{org_width}\"/><w:gridCol w:w=\"{date_width}\"/></w:tblGrid><w:tr>",
        layout.text_width()
    );
    cell(out, org_width, "left", &words.compiled_by(meta.organization.as_str().trim()));
    cell(out, date_width, "right", &date);
    out.push_str("</w:tr></w:tbl>");
    blank(out, false);
}

/// The 报尾: 报/送/发 between two rules, copies printed on the right.
fn foot(out: &mut String, meta: &Meta, layout: &Layout) {
    let Some(m) = &meta.masthead else { return };
    let zh = meta.lang == Lang::Zh;
    let words = language(meta.lang);
    let d = &m.distribution;
    let mut rows: Vec<String> =
        [(Label::ReportTo, &d.report_to), (Label::SendTo, &d.send_to), (Label::IssueTo, &d.issue_to)]
            .into_iter()
            .filter(|(_, names)| !names.is_empty())
            .map(|(label, names)| {
                let names: Vec<&str> = names.iter().map(|n| n.as_str()).collect();
                format!("{}{}{}", words.label(label), words.label_colon(), names.join(words.list_separator()))
            })
            .collect();
    if rows.is_empty() && m.copies.is_none() {
        return;
    }
    if rows.is_empty() {
        rows.push(String::new());
    }
    // A table of one cell between the two rules, floating at the foot of
    // the last page's text block, where GB/T 9704 puts the 报尾.
    let width = layout.text_width();
    let _ = write!(
        out,
        "<w:tbl><w:tblPr><w:tblpPr w:leftFromText=\"0\" w:rightFromText=\"0\" w:topFromText=\"120\" w:bottomFromText=\"0\" w:vertAnchor=\"margin\" w:horzAnchor=\"margin\" w:tblpXSpec=\"center\" w:tblpYSpec=\"bottom\"/><w:tblW w:w=\"{width}\" w:type=\"dxa\"/><w:tblBorders><w:top w:val=\"single\" w:sz=\"6\" w:space=\"0\" w:color=\"000000\"/><w:bottom w:val=\"single\" w:sz=\"8\" w:space=\"0\" w:color=\"000000\"/></w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid><w:gridCol w:w=\"{width}\"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/></w:tcPr>"
    );
    let last = rows.len() - 1;
    for (i, row) in rows.iter().enumerate() {
        let mut props = ParaProps {
            style: Some("ZjFoot"),
            keep_next: i != last,
            tabs: vec![("right", width.saturating_sub(if zh { 320 } else { 0 }))],
            ..ParaProps::default()
        };
        if zh {
            props.indent_chars = Some((100, 100, 0));
        }
        let mut runs = String::new();
        run(&mut runs, &hint(zh), row);
        if i == last
            && let Some(n) = m.copies
        {
            runs.push_str("<w:r><w:tab/></w:r>");
            run(&mut runs, &hint(zh), &words.copies(n));
        }
        paragraph(out, &props, &runs);
    }
    out.push_str("</w:tc></w:tr></w:tbl>");
    // The body ends with a paragraph (Word wants one after a table).
    paragraph(out, &ParaProps { style: Some("ZjSpacer"), ..ParaProps::default() }, "");
}

/// The red of the 版头 (about Y80% M80%).
const RED: &str = "E60012";

/// The default reference file of a language: a short document with a
/// paragraph in each of zongjie's styles, to open in Word, restyle, and give
/// back with `--reference-docx` (`templates --export` writes it).
pub fn default_reference(lang: Lang) -> Result<Vec<u8>, DocxError> {
    use crate::data::{DocKind, Paper, Text};
    let zh = lang == Lang::Zh;
    let meta = Meta {
        template: "progress-report".into(),
        lang,
        paper: Paper::A4,
        title: Text(if zh { "标题（Title）" } else { "Title" }.into()),
        organization: crate::data::Issuers(vec![Text(if zh { "署名（Signature）" } else { "Signature" }.into())]),
        recipient: Some(Text(if zh { "主送机关（Recipient）" } else { "Recipient" }.into())),
        date: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default(),
        period: None,
        doc_kind: DocKind::Report,
        attachments: vec![crate::data::Attachment::titled(Text(if zh { "附件名称" } else { "Attachment" }.into()))],
        official: crate::data::Official::default(),
        masthead: None,
    };
    let body = if zh {
        "# 一、一级标题（Heading 1）\n\n正文（Normal）：三号仿宋，首行缩进2字符。[^1]\n\n## （一）二级标题（Heading 2）\n\n### 1.三级标题（Heading 3）\n\n#### （1）四级标题（Heading 4）\n\n> 引文（Quote）\n\n- 列表（List）\n\n| 表格（Table text） | 数 |\n|---|--:|\n| 甲 | 1 |\n\n    代码（Code）\n\n[^1]: 脚注（Footnote text）\n"
    } else {
        "# I. Heading 1\n\nBody text (Normal).[^1]\n\n## Heading 2\n\n### Heading 3\n\n#### Heading 4\n\n> Quote\n\n- List\n\n| Table text | n |\n|---|--:|\n| a | 1 |\n\n    Code\n\n[^1]: Footnote text\n"
    };
    let none = |_: &str| None;
    let database = || std::sync::Arc::new(resvg::usvg::fontdb::Database::new());
    let svg_fonts = SvgFonts { database: &database, families: &[] };
    write(&Input {
        meta: &meta,
        body,
        epoch: Some(0),
        image: &none,
        reference: None,
        draft: false,
        svg_fonts: &svg_fonts,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_paragraph_keeps_to_the_signature() {
        assert_eq!(
            keep_last_with_next("<w:p><w:r/></w:p><w:p><w:r/></w:p>"),
            "<w:p><w:r/></w:p><w:p><w:pPr><w:keepNext/></w:pPr><w:r/></w:p>"
        );
        assert_eq!(
            keep_last_with_next("<w:p><w:pPr><w:pStyle w:val=\"Q\"/><w:jc w:val=\"left\"/></w:pPr></w:p>"),
            "<w:p><w:pPr><w:pStyle w:val=\"Q\"/><w:keepNext/><w:jc w:val=\"left\"/></w:pPr></w:p>"
        );
        assert_eq!(
            keep_last_with_next("<w:p><w:pPr><w:keepNext/></w:pPr></w:p>"),
            "<w:p><w:pPr><w:keepNext/></w:pPr></w:p>"
        );
    }
}
