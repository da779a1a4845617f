//! An office's own Word template (`--reference-docx`, as pandoc's
//! `--reference-doc`): its styles and theme, taken as they are. Each style
//! zongjie uses is matched to the office's style of the same name (Chinese
//! Word names Heading 1 `heading 1` but gives it the id `1`); a style the
//! office does not have is added from zongjie's own.

use std::io::Read as _;

use crate::base::msg::{Message, msg};

/// The styles and theme of a `.docx`.
#[derive(Clone, Debug)]
pub struct Reference {
    styles: String,
    theme: Option<Vec<u8>>,
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
        Ok(Reference { styles, theme })
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
        let reference = Reference { styles: THEIRS.into(), theme: None };
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
    fn files_that_are_not_word_documents_say_so() {
        assert!(Reference::read(b"not a zip").unwrap_err().english().contains("not a Word file"));
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        zip.start_file("word/styles.xml", zip::write::SimpleFileOptions::default()).unwrap();
        std::io::Write::write_all(&mut zip, b"<!DOCTYPE w:styles [<!ENTITY x \"E\">]><w:styles></w:styles>").unwrap();
        let bytes = zip.finish().unwrap().into_inner();
        assert!(Reference::read(&bytes).unwrap_err().english().contains("DTD"));
    }
}
