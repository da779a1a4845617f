//! The parts of the package other than the body: page layout (`w:sectPr`),
//! styles, settings, fonts, footers, footnotes, relationships, content types
//! and document properties.

use std::fmt::Write as _;

use super::body::{Converted, KAI, table_size};
use super::reference::{Furniture, Reference, rename_styles};
use super::xml::escape;
use crate::data::mdfile::Meta;
use crate::data::{Lang, Paper};

/// Fonts of Chinese documents, as Chinese offices have them on Windows.
const XBS: &str = "方正小标宋简体";
const FANG: &str = "仿宋_GB2312";
const HEI: &str = "黑体";
const SONG: &str = "宋体";
const LATIN: &str = "Times New Roman";
/// The East Asian face of English documents (names in Chinese).
const EN_EAST_ASIA: &str = "SimSun";

/// The page of a document.
#[derive(Clone, Copy, Debug)]
pub struct Layout {
    /// Chinese (GB/T 9704) or English.
    pub zh: bool,
    /// Page width and height, twips.
    pub page: (u32, u32),
    /// Margins top, right, bottom, left, twips.
    pub margins: (u32, u32, u32, u32),
}

impl Layout {
    /// The layout of a document's language and paper.
    pub fn of(meta: &Meta) -> Layout {
        if meta.lang == Lang::Zh {
            // A4, 37/26/35/28 mm; the right margin 25.85 mm (GB/T allows
            // ±1 mm) so that 28 characters condensed by 0.2 pt fit the line
            // in Word and LibreOffice alike (by 0.25 pt, LibreOffice drops
            // a full stop at the end of a full line).
            Layout { zh: true, page: (11906, 16838), margins: (2098, 1465, 1984, 1587) }
        } else {
            let page = match meta.paper {
                Paper::A4 => (11906, 16838),
                Paper::Letter => (12240, 15840),
            };
            Layout { zh: false, page, margins: (1417, 1417, 1417, 1417) }
        }
    }

    /// The width of the text block, twips.
    pub fn text_width(&self) -> u32 {
        self.page.0 - self.margins.1 - self.margins.3
    }

    /// The height of the text block, twips.
    pub fn text_height(&self) -> u32 {
        self.page.1 - self.margins.0 - self.margins.2
    }
}

const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture""#;
const HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// The headers and footers of the sections: each type's relationship id.
/// An office's (`--reference-docx`) take the place of zongjie's of the
/// same kind: its headers, and its footers in place of the page numbers;
/// the DRAFT watermark's header wins over its headers.
pub struct Furnishing<'r> {
    headers: Vec<(String, String)>,
    footers: Vec<(String, String)>,
    title_page: bool,
    even_and_odd: bool,
    /// The office's parts in use, with their relationship ids.
    theirs: Vec<(String, &'r str)>,
    /// Whether zongjie's own page-number footers are used.
    our_footers: bool,
    furniture: Option<&'r Furniture>,
}

impl<'r> Furnishing<'r> {
    /// The plan for a document of `layout`.
    pub fn of(layout: &Layout, draft: bool, reference: Option<&'r Reference>) -> Furnishing<'r> {
        let furniture = reference.map(Reference::furniture);
        let their_headers = furniture.filter(|f| f.has(false) && !draft);
        let their_footers = furniture.filter(|f| f.has(true));
        let mut theirs: Vec<(String, &'r str)> = Vec::new();
        let mut pick = |f: &'r Furniture, footer: bool| -> Vec<(String, String)> {
            f.refs
                .iter()
                .filter(|(is_footer, _, _)| *is_footer == footer)
                .map(|(_, kind, name)| {
                    let id = match theirs.iter().find(|(_, n)| *n == name.as_str()) {
                        Some((id, _)) => id.clone(),
                        None => {
                            let id = format!("rIdR{}", theirs.len() + 1);
                            theirs.push((id.clone(), name.as_str()));
                            id
                        }
                    };
                    (kind.clone(), id)
                })
                .collect()
        };
        let headers = match their_headers {
            Some(f) => pick(f, false),
            None if draft => vec![("default".into(), "rIdH1".into())],
            None => Vec::new(),
        };
        let footers = match their_footers {
            Some(f) => pick(f, true),
            None if layout.zh => vec![("default".into(), "rIdF1".into()), ("even".into(), "rIdF2".into())],
            None => vec![("default".into(), "rIdF1".into())],
        };
        // Even and first pages as the office has them where its footers are
        // used; zongjie's odd and even page numbers otherwise.
        let taken = |f: Option<&Furniture>, kind: &str| f.is_some_and(|f| f.refs.iter().any(|(_, k, _)| k == kind));
        let even_and_odd = match their_footers {
            Some(f) => f.even_and_odd,
            None => layout.zh,
        } || their_headers.is_some_and(|f| f.even_and_odd && taken(Some(f), "even"));
        let used = their_headers.or(their_footers);
        let title_page = used.is_some_and(|f| f.title_page && taken(Some(f), "first"));
        let mut plan = Furnishing {
            headers,
            footers,
            title_page,
            even_and_odd,
            theirs,
            our_footers: their_footers.is_none(),
            furniture,
        };
        // A type the pages use but the set lacks: its default, so that no
        // page loses its header or its page number.
        for set in [&mut plan.headers, &mut plan.footers] {
            let Some(default) = set.iter().find(|(k, _)| k == "default").map(|(_, id)| id.clone()) else { continue };
            for (kind, wanted) in [("even", even_and_odd), ("first", title_page)] {
                if wanted && !set.iter().any(|(k, _)| k == kind) {
                    set.push((kind.into(), default.clone()));
                }
            }
        }
        plan
    }

    /// The office's parts to write, with their relationship ids.
    fn their_parts(&self) -> impl Iterator<Item = (&str, &str)> {
        self.theirs.iter().map(|(id, name)| (id.as_str(), *name))
    }
}

/// `word/document.xml`: the body and the section's page layout, its
/// children in the order of CT_SectPr (header and footer references first,
/// then type, pgSz, pgMar, pgNumType, cols, vAlign, titlePg, docGrid).
pub fn document(body: &str, layout: &Layout, plan: &Furnishing<'_>, closing: Option<&str>) -> String {
    let mut out = String::with_capacity(body.len() + 4096);
    let _ = write!(out, "{HEAD}<w:document {NS}><w:body>{body}");
    match closing {
        None => {
            section(&mut out, layout, plan, false);
        }
        Some(closing) => {
            // The text's section ends with its last paragraph; the 版记 is a
            // section of its own that starts on an even page (封四), with
            // an empty footer: no page number on it, nor on a blank page
            // Word adds before it (GB/T 9704 7.5).
            out.push_str("<w:p><w:pPr>");
            section(&mut out, layout, plan, false);
            out.push_str("</w:pPr></w:p>");
            out.push_str(closing);
            section(&mut out, layout, plan, true);
        }
    }
    out.push_str("</w:body></w:document>");
    out
}

/// A `w:sectPr`: the headers and footers (the page numbers, or the empty
/// footer of the 版记's section, which starts on an even page), the page
/// and its margins.
fn section(out: &mut String, layout: &Layout, plan: &Furnishing<'_>, closing: bool) {
    let (w, h) = layout.page;
    let (top, right, bottom, left) = layout.margins;
    out.push_str("<w:sectPr>");
    for (kind, id) in &plan.headers {
        let _ = write!(out, "<w:headerReference w:type=\"{kind}\" r:id=\"{id}\"/>");
    }
    for (kind, id) in &plan.footers {
        let id = if closing { "rIdF3" } else { id.as_str() };
        let _ = write!(out, "<w:footerReference w:type=\"{kind}\" r:id=\"{id}\"/>");
    }
    if closing {
        out.push_str("<w:type w:val=\"evenPage\"/>");
    }
    let footer = if layout.zh { 1191 } else { 709 };
    let _ = write!(
        out,
        "<w:pgSz w:w=\"{w}\" w:h=\"{h}\"/><w:pgMar w:top=\"{top}\" w:right=\"{right}\" w:bottom=\"{bottom}\" w:left=\"{left}\" w:header=\"851\" w:footer=\"{footer}\" w:gutter=\"0\"/>"
    );
    if !closing {
        out.push_str("<w:pgNumType w:start=\"1\"/>");
    }
    out.push_str("<w:cols w:space=\"425\"/>");
    if closing {
        out.push_str("<w:vAlign w:val=\"bottom\"/>");
    }
    if plan.title_page && !closing {
        out.push_str("<w:titlePg/>");
    }
    // No character grid: the 28 characters of a line come from condensed
    // character spacing, which Word, WPS and LibreOffice all honour alike.
    out.push_str("<w:docGrid w:linePitch=\"579\"/></w:sectPr>");
}

/// Every part of the package, in a fixed order.
pub fn package(
    layout: &Layout,
    document: String,
    converted: &Converted,
    epoch: Option<i64>,
    meta: &Meta,
    reference: Option<&Reference>,
    draft: bool,
    plan: &Furnishing<'_>,
) -> Vec<(String, Vec<u8>)> {
    // The 版记's section has a footer of its own, without a page number.
    let closing = meta.official.has_closing_block();
    let (styles, renames) = match reference {
        Some(r) => r.merge(&styles(layout)),
        None => (styles(layout), Vec::new()),
    };
    let named = |xml: String| if renames.is_empty() { xml } else { rename_styles(&xml, &renames) };
    let theme = reference.and_then(Reference::theme);
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let mut types = String::from(HEAD);
    types.push_str(r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Default Extension="jpeg" ContentType="image/jpeg"/><Default Extension="gif" ContentType="image/gif"/><Default Extension="svg" ContentType="image/svg+xml"/><Default Extension="xlsx" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/><Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>"#);
    if plan.our_footers {
        types.push_str(r#"<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>"#);
    }
    if plan.our_footers && layout.zh {
        types.push_str(r#"<Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>"#);
    }
    if draft {
        types.push_str(r#"<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>"#);
    }
    let their_parts: Vec<&(String, Option<String>, Vec<u8>)> = plan
        .furniture
        .map(|f| {
            f.parts
                .iter()
                .filter(|(name, _, _)| {
                    plan.their_parts().any(|(_, n)| {
                        let stem = n.trim_end_matches(".xml");
                        *name == format!("word/{n}")
                            || *name == format!("word/_rels/{n}.rels")
                            || name.starts_with(&format!("word/media/{stem}-"))
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    for (name, content, _) in &their_parts {
        if let Some(content) = content {
            let _ = write!(types, "<Override PartName=\"/{name}\" ContentType=\"{}\"/>", escape(content));
        }
    }
    if closing {
        types.push_str(r#"<Override PartName="/word/footer3.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>"#);
    }
    for (_, name, _, _) in &converted.charts {
        let _ = write!(
            types,
            "<Override PartName=\"/word/{name}\" ContentType=\"application/vnd.openxmlformats-officedocument.drawingml.chart+xml\"/>"
        );
    }
    if theme.is_some() {
        types.push_str(r#"<Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>"#);
    }
    types.push_str(r#"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>"#);
    files.push(("[Content_Types].xml".into(), types.into_bytes()));
    files.push((
        "_rels/.rels".into(),
        format!("{HEAD}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/><Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/></Relationships>").into_bytes(),
    ));
    files.push(("docProps/core.xml".into(), core(meta, epoch).into_bytes()));
    files.push((
        "docProps/app.xml".into(),
        format!("{HEAD}<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>zongjie {}</Application></Properties>", env!("CARGO_PKG_VERSION")).into_bytes(),
    ));
    files.push(("word/document.xml".into(), named(document).into_bytes()));
    files.push(("word/styles.xml".into(), styles.into_bytes()));
    files.push(("word/settings.xml".into(), settings(plan.even_and_odd).into_bytes()));
    files.push(("word/fontTable.xml".into(), font_table(layout).into_bytes()));
    files.push(("word/footnotes.xml".into(), named(footnotes(&converted.footnotes)).into_bytes()));
    if plan.our_footers {
        files.push(("word/footer1.xml".into(), named(footer(layout, true)).into_bytes()));
    }
    if plan.our_footers && layout.zh {
        files.push(("word/footer2.xml".into(), named(footer(layout, false)).into_bytes()));
    }
    // The office's, as they are (in its own style ids, which its styles keep).
    for (name, _, bytes) in &their_parts {
        files.push((name.clone(), bytes.clone()));
    }
    if closing {
        files.push((
            "word/footer3.xml".into(),
            format!("{HEAD}<w:ftr {NS}><w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr></w:p></w:ftr>").into_bytes(),
        ));
    }
    if let Some(theme) = theme {
        files.push(("word/theme/theme1.xml".into(), theme.to_vec()));
    }
    if draft {
        files.push(("word/header1.xml".into(), watermark(layout).into_bytes()));
    }
    let mut rels =
        format!("{HEAD}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
    for (id, kind, target) in [
        ("rIdS", "styles", "styles.xml"),
        ("rIdT", "settings", "settings.xml"),
        ("rIdN", "fontTable", "fontTable.xml"),
        ("rIdFn", "footnotes", "footnotes.xml"),
    ] {
        let _ = write!(
            rels,
            "<Relationship Id=\"{id}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}\" Target=\"{target}\"/>"
        );
    }
    if plan.our_footers {
        rels.push_str("<Relationship Id=\"rIdF1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>");
    }
    if plan.our_footers && layout.zh {
        rels.push_str("<Relationship Id=\"rIdF2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer2.xml\"/>");
    }
    for (id, name) in plan.their_parts() {
        let kind = if name.starts_with("zjreffooter") { "footer" } else { "header" };
        let _ = write!(
            rels,
            "<Relationship Id=\"{id}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}\" Target=\"{name}\"/>"
        );
    }
    if closing {
        rels.push_str("<Relationship Id=\"rIdF3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer3.xml\"/>");
    }
    if draft {
        rels.push_str("<Relationship Id=\"rIdH1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header1.xml\"/>");
    }
    if theme.is_some() {
        rels.push_str("<Relationship Id=\"rIdTh\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme\" Target=\"theme/theme1.xml\"/>");
    }
    for (id, url) in &converted.links {
        let _ = write!(
            rels,
            "<Relationship Id=\"{id}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"{}\" TargetMode=\"External\"/>",
            escape(url)
        );
    }
    for (id, name, _, _) in &converted.charts {
        let _ = write!(
            rels,
            "<Relationship Id=\"{id}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart\" Target=\"{name}\"/>"
        );
    }
    for (id, name, _) in &converted.media {
        let _ = write!(
            rels,
            "<Relationship Id=\"{id}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"{name}\"/>"
        );
    }
    rels.push_str("</Relationships>");
    files.push(("word/_rels/document.xml.rels".into(), rels.into_bytes()));
    for (n, (_, name, xml, workbook)) in converted.charts.iter().enumerate() {
        files.push((format!("word/{name}"), xml.clone().into_bytes()));
        if let Some(workbook) = workbook {
            let n = n + 1;
            files.push((format!("word/charts/_rels/chart{n}.xml.rels"), super::chart::rels(n).into_bytes()));
            files.push((format!("word/embeddings/Microsoft_Excel_Worksheet{n}.xlsx"), workbook.clone()));
        }
    }
    for (_, name, bytes) in &converted.media {
        files.push((format!("word/{name}"), bytes.clone()));
    }
    files
}

fn core(meta: &Meta, epoch: Option<i64>) -> String {
    let when = epoch
        .and_then(|e| chrono::DateTime::from_timestamp(e, 0))
        .unwrap_or_else(chrono::Utc::now)
        .format("%Y-%m-%dT%H:%M:%SZ");
    format!(
        "{HEAD}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>{}</dc:title><dc:creator>{}</dc:creator><dc:language>{}</dc:language><dcterms:created xsi:type=\"dcterms:W3CDTF\">{when}</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">{when}</dcterms:modified></cp:coreProperties>",
        escape(meta.title.as_str()),
        escape(meta.organization.as_str()),
        if meta.lang == Lang::Zh { "zh-CN" } else { "en-US" },
    )
}

/// The four font slots, never a theme attribute.
fn fonts(latin: &str, east_asia: &str) -> String {
    format!("<w:rFonts w:ascii=\"{latin}\" w:hAnsi=\"{latin}\" w:eastAsia=\"{east_asia}\" w:cs=\"{latin}\"/>")
}

/// One paragraph style: `ppr` and `rpr` are the children of its pPr and
/// rPr, already in schema order.
fn style(out: &mut String, id: &str, name: &str, based_on: Option<&str>, ppr: &str, rpr: &str) {
    // Normal is the default paragraph style: Word and python-docx need one.
    let default = if id == "Normal" { " w:default=\"1\"" } else { "" };
    let _ = write!(out, "<w:style w:type=\"paragraph\"{default} w:styleId=\"{id}\"><w:name w:val=\"{name}\"/>");
    if let Some(b) = based_on {
        let _ = write!(out, "<w:basedOn w:val=\"{b}\"/>");
    }
    if id != "Normal" {
        out.push_str("<w:next w:val=\"Normal\"/>");
    }
    out.push_str("<w:qFormat/>");
    if !ppr.is_empty() {
        let _ = write!(out, "<w:pPr>{ppr}</w:pPr>");
    }
    if !rpr.is_empty() {
        let _ = write!(out, "<w:rPr>{rpr}</w:rPr>");
    }
    out.push_str("</w:style>");
}

/// `word/styles.xml`: docDefaults, the paragraph styles the body and the
/// front parts use, the footnote and link character styles, the table style.
pub fn styles(layout: &Layout) -> String {
    let zh = layout.zh;
    let (latin, east) = if zh { (LATIN, FANG) } else { (LATIN, EN_EAST_ASIA) };
    let lang = if zh {
        "<w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/>"
    } else {
        "<w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/>"
    };
    let size = if zh { 32 } else { 24 };
    let mut out = format!("{HEAD}<w:styles {NS}><w:docDefaults><w:rPrDefault><w:rPr>{}", fonts(latin, east));
    // rPr order: rFonts, b, i, color, spacing, kern, sz, szCs, lang.
    if zh {
        // 16 pt glyphs on a 15.8 pt pitch: 28 to the line.
        out.push_str("<w:spacing w:val=\"-4\"/>");
    }
    let _ = write!(
        out,
        "<w:kern w:val=\"0\"/><w:sz w:val=\"{size}\"/><w:szCs w:val=\"{size}\"/>{lang}</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
    );
    if zh {
        // pPr order: overflowPunct, autoSpaceDE/DN, spacing, ind, jc. No
        // punctuation hangs into the margin (LibreOffice draws none of it
        // there); no space is added between Chinese and Latin letters or
        // digits (2026年10月12日, as written and as the PDF prints it).
        out.push_str("<w:overflowPunct w:val=\"0\"/><w:autoSpaceDE w:val=\"0\"/><w:autoSpaceDN w:val=\"0\"/><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"579\" w:lineRule=\"exact\"/>");
    } else {
        out.push_str("<w:spacing w:before=\"0\" w:after=\"120\" w:line=\"276\" w:lineRule=\"auto\"/>");
    }
    out.push_str("</w:pPr></w:pPrDefault></w:docDefaults>");
    let body_ind = if zh { "<w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/>" } else { "" };
    // Chars attributes win over twips (ECMA-376): both are reset.
    let no_ind = "<w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/>";
    // Chinese lines are left-aligned: 28 full-width characters fill the
    // measure anyway, and LibreOffice drops the comma or full stop that ends
    // a justified Chinese line (seen with 7.4 and later).
    let body_jc = if zh { "left" } else { "both" };
    // No space added between Chinese and Latin letters or digits, in the
    // style too (LibreOffice does not read it from the defaults).
    let no_auto_space = if zh { "<w:autoSpaceDE w:val=\"0\"/><w:autoSpaceDN w:val=\"0\"/>" } else { "" };
    style(
        &mut out,
        "Normal",
        "Normal",
        None,
        &format!("{no_auto_space}{body_ind}<w:jc w:val=\"{body_jc}\"/>"),
        &fonts(latin, east),
    );
    if zh {
        let title_f = fonts(LATIN, XBS);
        style(
            &mut out,
            "Title",
            "Title",
            Some("Normal"),
            &format!("<w:keepNext/>{no_ind}<w:jc w:val=\"center\"/><w:outlineLvl w:val=\"9\"/>"),
            &format!("{title_f}<w:sz w:val=\"44\"/><w:szCs w:val=\"44\"/>"),
        );
        let heads = [(HEI, false), (KAI, false), (FANG, true), (FANG, false)];
        for (i, (face, bold)) in heads.iter().enumerate() {
            let b = if *bold { "<w:b/><w:bCs/>" } else { "" };
            style(
                &mut out,
                &format!("Heading{}", i + 1),
                &format!("heading {}", i + 1),
                Some("Normal"),
                &format!("<w:keepNext/><w:outlineLvl w:val=\"{i}\"/>"),
                &format!("{}{b}", fonts(LATIN, face)),
            );
        }
        style(
            &mut out,
            "ZjMasthead",
            "Bulletin name",
            Some("Normal"),
            &format!(
                "<w:keepNext/><w:spacing w:before=\"0\" w:after=\"120\" w:line=\"240\" w:lineRule=\"auto\"/>{no_ind}<w:jc w:val=\"center\"/>"
            ),
            &fonts(LATIN, XBS),
        );
        style(&mut out, "ZjQuote", "Quote", Some("Normal"), "", &fonts(LATIN, KAI));
        style(
            &mut out,
            "ZjFoot",
            "Distribution",
            Some("Normal"),
            &format!(
                "<w:spacing w:before=\"60\" w:after=\"60\" w:line=\"240\" w:lineRule=\"auto\"/>{no_ind}<w:jc w:val=\"left\"/>"
            ),
            "<w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/>",
        );
    } else {
        style(
            &mut out,
            "Title",
            "Title",
            Some("Normal"),
            &format!(
                "<w:keepNext/><w:spacing w:before=\"0\" w:after=\"240\"/>{no_ind}<w:jc w:val=\"center\"/><w:outlineLvl w:val=\"9\"/>"
            ),
            "<w:b/><w:bCs/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/>",
        );
        for i in 0..4 {
            let size = [28, 26, 24, 24][i];
            style(
                &mut out,
                &format!("Heading{}", i + 1),
                &format!("heading {}", i + 1),
                Some("Normal"),
                &format!(
                    "<w:keepNext/><w:spacing w:before=\"240\" w:after=\"120\"/><w:jc w:val=\"left\"/><w:outlineLvl w:val=\"{i}\"/>"
                ),
                &format!("<w:b/><w:bCs/><w:sz w:val=\"{size}\"/><w:szCs w:val=\"{size}\"/>"),
            );
        }
        style(
            &mut out,
            "ZjMasthead",
            "Bulletin name",
            Some("Normal"),
            "<w:keepNext/><w:jc w:val=\"center\"/>",
            "<w:b/><w:bCs/>",
        );
        style(
            &mut out,
            "ZjQuote",
            "Quote",
            Some("Normal"),
            "<w:ind w:left=\"720\" w:right=\"720\"/>",
            "<w:i/><w:iCs/>",
        );
        style(
            &mut out,
            "ZjFoot",
            "Distribution",
            Some("Normal"),
            "<w:spacing w:before=\"60\" w:after=\"60\"/><w:jc w:val=\"left\"/>",
            "<w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/>",
        );
    }
    style(&mut out, "ZjRecipient", "Recipient", Some("Normal"), &format!("{no_ind}<w:jc w:val=\"left\"/>"), "");
    style(&mut out, "ZjSignature", "Signature", Some("Normal"), &format!("{no_ind}<w:jc w:val=\"right\"/>"), "");
    style(&mut out, "ZjPlain", "Plain", Some("Normal"), &format!("{no_ind}<w:jc w:val=\"left\"/>"), "");
    style(&mut out, "ZjList", "List", Some("Normal"), "", "");
    // Code as the PDF sets it: Chinese lines on the body's grid (its exact
    // line spacing) at 0.8 of 三号, 13 pt; English single-spaced, 10 pt.
    let (code_line, code_size) = if zh { ("", 26) } else { (" w:line=\"240\" w:lineRule=\"auto\"", 20) };
    style(
        &mut out,
        "ZjCode",
        "Code",
        Some("Normal"),
        &format!("<w:spacing w:before=\"0\" w:after=\"0\"{code_line}/>{no_ind}<w:jc w:val=\"left\"/>"),
        &format!(
            "<w:rFonts w:ascii=\"Courier New\" w:hAnsi=\"Courier New\" w:cs=\"Courier New\"/><w:sz w:val=\"{code_size}\"/><w:szCs w:val=\"{code_size}\"/>"
        ),
    );
    style(
        &mut out,
        "ZjFigure",
        "Figure",
        Some("Normal"),
        &format!(
            "<w:spacing w:before=\"120\" w:after=\"120\" w:line=\"240\" w:lineRule=\"auto\"/>{no_ind}<w:jc w:val=\"left\"/>"
        ),
        "",
    );
    style(&mut out, "ZjCaption", "Caption", Some("Normal"), &format!("{no_ind}<w:jc w:val=\"center\"/>"), "");
    let table_size = table_size(zh);
    style(
        &mut out,
        "ZjTableText",
        "Table text",
        Some("Normal"),
        &format!("<w:spacing w:before=\"40\" w:after=\"40\" w:line=\"240\" w:lineRule=\"auto\"/>{no_ind}"),
        &format!("<w:sz w:val=\"{table_size}\"/><w:szCs w:val=\"{table_size}\"/>"),
    );
    // An attachment page's tables: 四号 in Chinese, as the PDF's.
    let pages_size = super::body::pages_table_size(zh);
    style(
        &mut out,
        "ZjPageTableText",
        "Table text (attachments)",
        Some("ZjTableText"),
        "",
        &format!("<w:sz w:val=\"{pages_size}\"/><w:szCs w:val=\"{pages_size}\"/>"),
    );
    // Tables too wide at the table text's size step down to one of these
    // (see columns::fitting_size); Chinese 四号 is the attachments' style.
    for &size in crate::write::columns::smaller(zh).iter().filter(|&&s| !(zh && s == pages_size)) {
        let name = format!("Table text {}", f64::from(size) / 2.0);
        let rpr = format!("<w:sz w:val=\"{size}\"/><w:szCs w:val=\"{size}\"/>");
        style(&mut out, &format!("ZjTableText{size}"), &name, Some("ZjTableText"), "", &rpr);
    }
    // After a table: a spacer line of 2 pt, not a blank body line.
    style(
        &mut out,
        "ZjSpacer",
        "Spacer",
        Some("Normal"),
        &format!("<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"40\" w:lineRule=\"exact\"/>{no_ind}"),
        "<w:sz w:val=\"4\"/><w:szCs w:val=\"4\"/>",
    );
    style(
        &mut out,
        "FootnoteText",
        "footnote text",
        Some("Normal"),
        &format!("<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>{no_ind}"),
        "<w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/>",
    );
    style(
        &mut out,
        "Footer",
        "footer",
        Some("Normal"),
        &format!("<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>{no_ind}"),
        "",
    );
    out.push_str("<w:style w:type=\"character\" w:styleId=\"FootnoteReference\"><w:name w:val=\"footnote reference\"/><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr></w:style>");
    // Links as the PDF colours them: black in a Chinese document (公文 are
    // printed in black), dark blue in an English one.
    let link = if zh { "000000" } else { "1F3F7A" };
    let _ = write!(
        out,
        "<w:style w:type=\"character\" w:styleId=\"Hyperlink\"><w:name w:val=\"Hyperlink\"/><w:rPr><w:color w:val=\"{link}\"/></w:rPr></w:style>"
    );
    // Tables: single-spaced (the body's exact spacing would blow up the
    // rows), thin borders.
    out.push_str("<w:style w:type=\"table\" w:styleId=\"ZjTable\"><w:name w:val=\"Zongjie table\"/><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/><w:ind w:firstLine=\"0\"/></w:pPr><w:tblPr><w:tblBorders><w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/><w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/><w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/><w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/><w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/></w:tblBorders><w:tblCellMar><w:left w:w=\"80\" w:type=\"dxa\"/><w:right w:w=\"80\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>");
    out.push_str("</w:styles>");
    out
}

fn settings(even_and_odd: bool) -> String {
    let even = if even_and_odd { "<w:evenAndOddHeaders/>" } else { "" };
    format!(
        "{HEAD}<w:settings {NS}><w:defaultTabStop w:val=\"420\"/>{even}<w:characterSpacingControl w:val=\"doNotCompress\"/><w:footnotePr><w:footnote w:id=\"-1\"/><w:footnote w:id=\"0\"/></w:footnotePr><w:compat><w:doNotExpandShiftReturn/><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat><w:themeFontLang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/></w:settings>"
    )
}

fn font_table(layout: &Layout) -> String {
    let mut out = format!("{HEAD}<w:fonts {NS}>");
    let faces: &[(&str, &str, &str)] = if layout.zh {
        &[
            (LATIN, "", "roman"),
            (FANG, "仿宋", "modern"),
            (XBS, "宋体", "auto"),
            (HEI, "SimHei", "modern"),
            (KAI, "楷体", "modern"),
            (SONG, "SimSun", "auto"),
        ]
    } else {
        &[(LATIN, "", "roman"), (EN_EAST_ASIA, "宋体", "auto")]
    };
    for (name, alt, family) in faces {
        let _ = write!(out, "<w:font w:name=\"{name}\">");
        if !alt.is_empty() {
            let _ = write!(out, "<w:altName w:val=\"{alt}\"/>");
        }
        let charset = if *name == LATIN { "00" } else { "86" };
        let _ = write!(
            out,
            "<w:charset w:val=\"{charset}\"/><w:family w:val=\"{family}\"/><w:pitch w:val=\"variable\"/></w:font>"
        );
    }
    out.push_str("</w:fonts>");
    out
}

fn footnotes(notes: &[String]) -> String {
    let mut out = format!("{HEAD}<w:footnotes {NS}>");
    out.push_str("<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/><w:ind w:firstLine=\"0\"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>");
    out.push_str("<w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/><w:ind w:firstLine=\"0\"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>");
    for n in notes {
        out.push_str(n);
    }
    out.push_str("</w:footnotes>");
    out
}

/// A header holding the DRAFT / 草稿 watermark: grey text across the page,
/// behind the text, as Word's own watermarks are made (VML text path).
fn watermark(layout: &Layout) -> String {
    let (word, font) = if layout.zh { ("草稿", "SimHei") } else { ("DRAFT", "Times New Roman") };
    format!(
        "{HEAD}<w:hdr {NS} xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\"><w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr><w:r><w:pict><v:shapetype id=\"_x0000_t136\" coordsize=\"21600,21600\" o:spt=\"136\" adj=\"10800\" path=\"m@7,l@8,m@5,21600l@6,21600e\"><v:path textpathok=\"t\" o:connecttype=\"custom\"/><v:textpath on=\"t\" fitshape=\"t\"/></v:shapetype><v:shape id=\"ZongjieDraft\" o:spid=\"_x0000_s2049\" type=\"#_x0000_t136\" style=\"position:absolute;margin-left:0;margin-top:0;width:400pt;height:160pt;rotation:315;z-index:-251657216;mso-position-horizontal:center;mso-position-horizontal-relative:margin;mso-position-vertical:center;mso-position-vertical-relative:margin\" o:allowincell=\"f\" fillcolor=\"#d9d9d9\" stroked=\"f\"><v:fill opacity=\".5\"/><v:textpath style=\"font-family:&quot;{font}&quot;;font-size:1pt\" string=\"{word}\"/></v:shape></w:pict></w:r></w:p></w:hdr>"
    )
}

/// A footer with the page number: "— N —" in 四号 宋体 on the outer side
/// (odd pages right, even pages left, one character in) for Chinese
/// documents; centred for English ones.
fn footer(layout: &Layout, odd: bool) -> String {
    let field = |rpr: &str| {
        format!(
            "<w:r>{rpr}<w:fldChar w:fldCharType=\"begin\"/></w:r><w:r>{rpr}<w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r><w:r>{rpr}<w:fldChar w:fldCharType=\"separate\"/></w:r><w:r>{rpr}<w:t>1</w:t></w:r><w:r>{rpr}<w:fldChar w:fldCharType=\"end\"/></w:r>"
        )
    };
    let body = if layout.zh {
        let rpr = format!("<w:rPr>{}<w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/></w:rPr>", fonts(SONG, SONG));
        let (ind, jc) = if odd {
            ("<w:ind w:right=\"280\" w:firstLine=\"0\"/>", "right")
        } else {
            ("<w:ind w:left=\"280\" w:firstLine=\"0\"/>", "left")
        };
        format!(
            "<w:p><w:pPr><w:pStyle w:val=\"Footer\"/>{ind}<w:jc w:val=\"{jc}\"/></w:pPr><w:r>{rpr}<w:t xml:space=\"preserve\">— </w:t></w:r>{}<w:r>{rpr}<w:t xml:space=\"preserve\"> —</w:t></w:r></w:p>",
            field(&rpr)
        )
    } else {
        let rpr = "<w:rPr><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/></w:rPr>";
        format!("<w:p><w:pPr><w:pStyle w:val=\"Footer\"/><w:jc w:val=\"center\"/></w:pPr>{}</w:p>", field(rpr))
    };
    format!("{HEAD}<w:ftr {NS}>{body}</w:ftr>")
}
