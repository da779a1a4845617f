//! An office's own Word template (`--reference-docx`, as pandoc's
//! `--reference-doc`): its styles and theme, taken as they are. Each style
//! zongjie uses is matched to the office's style of the same name (Chinese
//! Word names Heading 1 `heading 1` but gives it the id `1`); a style the
//! office does not have is added from zongjie's own. Its headers and
//! footers (those its body's last `w:sectPr` names, with their own parts
//! such as a logo, and the first-page and even-page settings that go with
//! them) are taken too, in place of zongjie's page numbers.

use std::io::Read as _;

use crate::base::msg::{Message, msg};

/// The styles, theme, headers and footers of a `.docx`.
#[derive(Clone, Debug)]
pub struct Reference {
    styles: String,
    theme: Option<Vec<u8>>,
    furniture: Furniture,
}

/// An office's headers and footers, ready to go into a package under names
/// of their own (`word/zjref*`).
#[derive(Clone, Debug, Default)]
pub struct Furniture {
    /// The headers and footers: whether a footer, its type (`default`,
    /// `first`, `even`) and its part name under `word/`.
    pub refs: Vec<(bool, String, String)>,
    /// Whether the first page has a header and footer of its own (`w:titlePg`).
    pub title_page: bool,
    /// Whether even pages have theirs (`w:evenAndOddHeaders`).
    pub even_and_odd: bool,
    /// The parts to write: name in the package, content type (none for a
    /// relationships part), bytes.
    pub parts: Vec<(String, Option<String>, Vec<u8>)>,
}

impl Furniture {
    /// Whether it has headers (`false`) or footers (`true`).
    pub fn has(&self, footer: bool) -> bool {
        self.refs.iter().any(|(f, _, _)| *f == footer)
    }
}

/// The largest part read from a reference file.
const MAX_PART: u64 = 16 * 1024 * 1024;

impl Reference {
    /// Reads a `.docx`'s styles (and theme); what is wrong with it, in a
    /// sentence, otherwise.
    pub fn read(bytes: &[u8]) -> Result<Reference, Message> {
        let mut zip =
            zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| msg!(RefNotDocx, detail = e.to_string()))?;
        let mut part = |name: &str| -> Result<Option<Vec<u8>>, Message> {
            let Ok(entry) = zip.by_name(name) else { return Ok(None) };
            if entry.size() > MAX_PART {
                return Err(msg!(RefPartTooLarge, name = name, mb = MAX_PART / 1024 / 1024));
            }
            let mut out = Vec::new();
            entry
                .take(MAX_PART)
                .read_to_end(&mut out)
                .map_err(|e| msg!(RefPartUnreadable, name = name, reason = crate::base::file::io_reason(&e)))?;
            Ok(Some(out))
        };
        let styles = part("word/styles.xml")?.ok_or_else(|| msg!(RefNoStyles))?;
        let styles = String::from_utf8(styles).map_err(|_| msg!(RefStylesNotUtf8))?;
        if !styles.contains("<w:styles") || !styles.contains("</w:styles>") {
            return Err(msg!(RefStylesEmpty));
        }
        // Word refuses a part with a document type declaration.
        if styles.contains("<!DOCTYPE") || styles.contains("<!ENTITY") {
            return Err(msg!(RefStylesDtd));
        }
        let theme = part("word/theme/theme1.xml")?;
        let furniture = furniture(&mut part).unwrap_or_default();
        Ok(Reference { styles, theme, furniture })
    }

    /// Its headers and footers (none, when it has none).
    pub fn furniture(&self) -> &Furniture {
        &self.furniture
    }

    /// The theme part, if the reference has one.
    pub fn theme(&self) -> Option<&[u8]> {
        self.theme.as_deref()
    }

    /// The styles part for a document whose own styles are `ours`, and the
    /// ids of ours to write as the office's: (ours, theirs).
    pub fn merge(&self, ours: &str) -> (String, Vec<(String, String)>) {
        let theirs = styles_of(&self.styles);
        let mut renames = Vec::new();
        let mut added = String::new();
        for style in styles_of(ours) {
            let same = theirs.iter().find(|t| t.kind == style.kind && t.name.eq_ignore_ascii_case(&style.name));
            match same {
                Some(t) if t.id != style.id => renames.push((style.id.clone(), t.id.clone())),
                Some(_) => {}
                None => {
                    // An id of theirs taken by another style: ours is renamed.
                    if theirs.iter().any(|t| t.id == style.id) {
                        let id = format!("Zj{}", style.id);
                        added.push_str(
                            &style.xml.replace(&format!("w:styleId=\"{}\"", style.id), &format!("w:styleId=\"{id}\"")),
                        );
                        renames.push((style.id.clone(), id));
                    } else {
                        added.push_str(&style.xml);
                    }
                }
            }
        }
        let end = self.styles.rfind("</w:styles>").unwrap_or(self.styles.len());
        let mut out = String::with_capacity(self.styles.len() + added.len());
        out.push_str(&self.styles[..end]);
        out.push_str(&added);
        out.push_str(&self.styles[end..]);
        (out, renames)
    }
}

/// The headers and footers the body's last `w:sectPr` names, with the
/// parts they refer to; none when the file has none, or when one of them
/// is missing or refers to a part the file lacks (taken whole or not at all).
fn furniture(part: &mut dyn FnMut(&str) -> Result<Option<Vec<u8>>, Message>) -> Option<Furniture> {
    let text = |bytes: Vec<u8>| String::from_utf8(bytes).ok();
    let document = text(part("word/document.xml").ok()??)?;
    let body_end = document.rfind("</w:body>")?;
    let sect_at = document[..body_end].rfind("<w:sectPr")?;
    let sect = &document[sect_at..body_end];
    let rels = text(part("word/_rels/document.xml.rels").ok()??)?;
    let types = part("[Content_Types].xml").ok()?.and_then(text).unwrap_or_default();
    let settings = part("word/settings.xml").ok()?.and_then(text).unwrap_or_default();
    let mut out = Furniture {
        title_page: on(sect, "w:titlePg"),
        even_and_odd: on(&settings, "w:evenAndOddHeaders"),
        ..Furniture::default()
    };
    let mut taken: Vec<(String, String)> = Vec::new();
    for tag in elements(sect, &["w:headerReference", "w:footerReference"]) {
        let footer = tag.starts_with("<w:footerReference");
        let kind = attr(tag, "w:type").unwrap_or_else(|| "default".into());
        if !matches!(kind.as_str(), "default" | "first" | "even")
            || out.refs.iter().any(|(f, k, _)| *f == footer && *k == kind)
        {
            continue;
        }
        let id = attr(tag, "r:id")?;
        let target = target_of(&rels, &id)?;
        let name = match taken.iter().find(|(t, _)| *t == target) {
            Some((_, name)) => name.clone(),
            None => {
                let name = format!("zjref{}{}.xml", if footer { "footer" } else { "header" }, taken.len() + 1);
                let xml = part(&format!("word/{target}")).ok()??;
                let xml_text = std::str::from_utf8(&xml).ok()?;
                if xml_text.contains("<!DOCTYPE") || xml_text.contains("<!ENTITY") {
                    return None;
                }
                let content = if footer { "footer" } else { "header" };
                out.parts.push((
                    format!("word/{name}"),
                    Some(format!("application/vnd.openxmlformats-officedocument.wordprocessingml.{content}+xml")),
                    xml,
                ));
                let own = rels_of(&target);
                if let Some(own_rels) = part(&own).ok()? {
                    let own_rels = text(own_rels)?;
                    let rewritten = carry_parts(&own_rels, &target, &name, &types, part, &mut out.parts)?;
                    out.parts.push((format!("word/_rels/{name}.rels"), None, rewritten.into_bytes()));
                }
                taken.push((target, name.clone()));
                name
            }
        };
        out.refs.push((footer, kind, name));
    }
    Some(out)
}

/// Whether an on/off element is there and on (`<w:x/>`, `<w:x w:val="1"/>`).
fn on(xml: &str, tag: &str) -> bool {
    elements(xml, &[tag]).first().is_some_and(|t| !matches!(attr(t, "w:val").as_deref(), Some("0" | "false" | "off")))
}

/// The start tags of elements named `names` (exactly) in `xml`.
fn elements<'x>(xml: &'x str, names: &[&str]) -> Vec<&'x str> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(found) = xml[at..].find('<') {
        let start = at + found;
        let Some(len) = xml[start..].find('>') else { break };
        let tag = &xml[start..=start + len];
        let name = tag[1..].split(|c: char| c.is_whitespace() || c == '/' || c == '>').next().unwrap_or("");
        if names.contains(&name) {
            out.push(tag);
        }
        at = start + len + 1;
    }
    out
}

/// An attribute's value in a start tag (entities left as they are).
fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let at = tag.find(&key)? + key.len();
    Some(tag[at..at + tag[at..].find('"')?].to_owned())
}

/// The internal target of relationship `id`, as a path under `word/`.
fn target_of(rels: &str, id: &str) -> Option<String> {
    let tag = elements(rels, &["Relationship"]).into_iter().find(|t| attr(t, "Id").as_deref() == Some(id))?;
    if attr(tag, "TargetMode").as_deref() == Some("External") {
        return None;
    }
    under_word(&attr(tag, "Target")?, "")
}

/// A relationship target, relative to the folder of `from` (under `word/`),
/// as a path under `word/`; none when it leaves `word/` or is absolute.
fn under_word(target: &str, from: &str) -> Option<String> {
    let mut path: Vec<&str> = from.split('/').filter(|s| !s.is_empty()).collect();
    path.pop();
    let target = match target.strip_prefix("/word/") {
        Some(t) => {
            path.clear();
            t
        }
        None if target.starts_with('/') => return None,
        None => target,
    };
    for piece in target.split('/') {
        match piece {
            "" | "." => {}
            ".." => {
                path.pop()?;
            }
            p => path.push(p),
        }
    }
    (!path.is_empty()).then(|| path.join("/"))
}

/// The relationships part of a part under `word/`.
fn rels_of(target: &str) -> String {
    match target.rsplit_once('/') {
        Some((dir, file)) => format!("word/{dir}/_rels/{file}.rels"),
        None => format!("word/_rels/{target}.rels"),
    }
}

/// A header's or footer's relationships, its internal targets copied into
/// the package under names of their own (`media/zjref…`), with their
/// content types; none when a target is missing.
fn carry_parts(
    rels: &str,
    from: &str,
    name: &str,
    types: &str,
    part: &mut dyn FnMut(&str) -> Result<Option<Vec<u8>>, Message>,
    parts: &mut Vec<(String, Option<String>, Vec<u8>)>,
) -> Option<String> {
    let mut out = rels.to_owned();
    for tag in elements(rels, &["Relationship"]) {
        if attr(tag, "TargetMode").as_deref() == Some("External") {
            continue;
        }
        let written = attr(tag, "Target")?;
        let target = under_word(&written, from)?;
        let bytes = part(&format!("word/{target}")).ok()??;
        let file = target.rsplit('/').next().unwrap_or(&target);
        let stem = name.trim_end_matches(".xml");
        let new = format!("media/{stem}-{file}");
        let content = content_type(types, &format!("/word/{target}"))?;
        if !parts.iter().any(|(n, _, _)| *n == format!("word/{new}")) {
            parts.push((format!("word/{new}"), Some(content), bytes));
        }
        let old = format!(" Target=\"{written}\"");
        out = out.replacen(&old, &format!(" Target=\"{new}\""), 1);
    }
    Some(out)
}

/// A part's content type in a `[Content_Types].xml`: its Override, else
/// the Default of its extension.
fn content_type(types: &str, part: &str) -> Option<String> {
    let tags = elements(types, &["Override", "Default"]);
    let over = tags
        .iter()
        .find(|t| t.starts_with("<Override") && attr(t, "PartName").is_some_and(|p| p.eq_ignore_ascii_case(part)));
    let ext = part.rsplit_once('.').map(|(_, e)| e)?;
    let default = || {
        tags.iter()
            .find(|t| t.starts_with("<Default") && attr(t, "Extension").is_some_and(|e| e.eq_ignore_ascii_case(ext)))
            .copied()
    };
    over.copied().or_else(default).and_then(|t| attr(t, "ContentType"))
}

/// Writes a part's style references (`w:pStyle`, `w:rStyle`, `w:tblStyle`)
/// with the office's ids.
pub fn rename_styles(xml: &str, renames: &[(String, String)]) -> String {
    let mut out = xml.to_owned();
    for (ours, theirs) in renames {
        for tag in ["w:pStyle", "w:rStyle", "w:tblStyle", "w:basedOn", "w:next"] {
            out = out.replace(&format!("<{tag} w:val=\"{ours}\"/>"), &format!("<{tag} w:val=\"{theirs}\"/>"));
        }
    }
    out
}

struct Style {
    kind: String,
    id: String,
    name: String,
    xml: String,
}

/// The `<w:style>` elements of a styles part.
fn styles_of(xml: &str) -> Vec<Style> {
    let attr = |tag: &str, name: &str| -> Option<String> {
        let key = format!("{name}=\"");
        let at = tag.find(&key)? + key.len();
        Some(tag[at..at + tag[at..].find('"')?].to_owned())
    };
    let mut out = Vec::new();
    let mut rest = xml;
    while let Some(at) = rest.find("<w:style ") {
        let Some(end) = rest[at..].find("</w:style>").map(|e| at + e + "</w:style>".len()) else { break };
        let element = &rest[at..end];
        let head = &element[..element.find('>').unwrap_or(element.len())];
        let name = element
            .find("<w:name ")
            .and_then(|n| attr(&element[n..n + element[n..].find('>').unwrap_or(0)], "w:val"))
            .unwrap_or_default();
        out.push(Style {
            kind: attr(head, "w:type").unwrap_or_else(|| "paragraph".into()),
            id: attr(head, "w:styleId").unwrap_or_default(),
            name,
            xml: element.to_owned(),
        });
        rest = &rest[end..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const THEIRS: &str = r#"<w:styles><w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:rPr><w:rFonts w:eastAsiaTheme="minorEastAsia"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="ZjPlain"><w:name w:val="Something else"/></w:style></w:styles>"#;
    const OURS: &str = r#"<w:styles><w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style><w:style w:type="paragraph" w:styleId="ZjPlain"><w:name w:val="Plain"/></w:style><w:style w:type="paragraph" w:styleId="ZjCode"><w:name w:val="Code"/></w:style></w:styles>"#;

    #[test]
    fn styles_are_matched_by_name_and_the_missing_added() {
        let reference = Reference { styles: THEIRS.into(), theme: None, furniture: Furniture::default() };
        let (styles, renames) = reference.merge(OURS);
        assert!(renames.contains(&("Normal".into(), "a".into())));
        assert!(renames.contains(&("Heading1".into(), "1".into())));
        assert!(renames.contains(&("ZjPlain".into(), "ZjZjPlain".into())));
        // Theirs as they are, theme fonts included; ours that they lack added.
        assert!(styles.contains("w:eastAsiaTheme=\"minorEastAsia\""));
        assert!(styles.contains("w:styleId=\"ZjCode\"") && styles.contains("w:styleId=\"ZjZjPlain\""));
        assert_eq!(styles.matches("<w:name w:val=\"heading 1\"/>").count(), 1);
        let doc = rename_styles("<w:pStyle w:val=\"Heading1\"/><w:pStyle w:val=\"ZjCode\"/>", &renames);
        assert_eq!(doc, "<w:pStyle w:val=\"1\"/><w:pStyle w:val=\"ZjCode\"/>");
    }

    #[test]
    fn furniture_targets_stay_in_the_word_folder() {
        assert_eq!(under_word("media/logo.png", "header1.xml").as_deref(), Some("media/logo.png"));
        assert_eq!(under_word("../media/a.png", "sub/header1.xml").as_deref(), Some("media/a.png"));
        assert_eq!(under_word("/word/media/a.png", "header1.xml").as_deref(), Some("media/a.png"));
        assert_eq!(under_word("../../etc/passwd", "header1.xml"), None);
        assert_eq!(under_word("/docProps/core.xml", "header1.xml"), None);
        assert_eq!(rels_of("header2.xml"), "word/_rels/header2.xml.rels");
        let types = r#"<Types><Default Extension="PNG" ContentType="image/png"/><Override PartName="/word/media/x.emf" ContentType="image/x-emf"/></Types>"#;
        assert_eq!(content_type(types, "/word/media/logo.png").as_deref(), Some("image/png"));
        assert_eq!(content_type(types, "/word/media/x.emf").as_deref(), Some("image/x-emf"));
        assert_eq!(content_type(types, "/word/media/y.wmf"), None);
        assert!(on("<w:titlePg/>", "w:titlePg") && !on("<w:titlePg w:val=\"0\"/>", "w:titlePg"));
        assert!(!on("<w:titlePgX/>", "w:titlePg"));
    }

    #[test]
    fn files_that_are_not_word_documents_say_so() {
        assert!(Reference::read(b"not a zip").unwrap_err().english().contains("not a Word file"));
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        zip.start_file("word/styles.xml", zip::write::SimpleFileOptions::default()).unwrap();
        std::io::Write::write_all(&mut zip, b"<!DOCTYPE w:styles [<!ENTITY x \"E\">]><w:styles></w:styles>").unwrap();
        let bytes = zip.finish().unwrap().into_inner();
        assert!(Reference::read(&bytes).unwrap_err().english().contains("DTD"));
    }
}
