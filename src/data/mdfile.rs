//! The `.md` output: YAML front matter holding the document's fields, then
//! the Markdown body. `zongjie build X.md` reads it back (template stage
//! skipped), so a writer can fix the wording by hand and rebuild the PDF.

use crate::base::msg::msg;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::base::diag::Diagnostic;
use crate::data::{
    self, Attachment, DataError, Distribution, DocKind, Issuers, Lang, Official, Paper, Period, Source, Text,
};

/// The fields the Typst style lays out: everything but the body.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// The template whose style lays the document out.
    pub template: String,
    /// Language.
    #[serde(default)]
    pub lang: Lang,
    /// Paper size.
    #[serde(default)]
    pub paper: Paper,
    /// Title.
    pub title: Text,
    /// Issuing unit; signs the document. A list for joint issuance, the
    /// 主办机关 first.
    pub organization: Issuers,
    /// The superior addressed (主送).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient: Option<Text>,
    /// Date of the document.
    #[serde(deserialize_with = "data::scalar_date")]
    pub date: NaiveDate,
    /// Period reported on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// Report, briefing or summary.
    #[serde(default)]
    pub doc_kind: DocKind,
    /// Attachments (附件): named only, or with a page (its Markdown; an
    /// attachment table is written out as a Markdown table).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<Attachment>,
    /// The 版头, signature and 版记 of a formal document.
    #[serde(default, skip_serializing_if = "Official::is_empty")]
    pub official: Official,
    /// The bulletin's masthead and foot, for `monthly-bulletin`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub masthead: Option<Masthead>,
}

/// What a bulletin's 报头 and 报尾 say.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Masthead {
    /// Issue number within the year (第10期).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issue: Option<u32>,
    /// Running number (总第58期).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_issue: Option<u32>,
    /// Copies printed (共印40份).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copies: Option<u32>,
    /// 报/送/发.
    #[serde(default)]
    pub distribution: Distribution,
}

/// A `.md` file: front matter and body.
#[derive(Clone, Debug)]
pub struct MdFile {
    /// The fields.
    pub meta: Meta,
    /// The Markdown body.
    pub body: String,
}

impl MdFile {
    /// The file's text.
    ///
    /// The front matter's last line is a comment holding a check of the
    /// rest ([`STAMP`]): a later build from the data file sees whether the
    /// writer has edited the `.md` since ([`edited_since_written`]) and
    /// does not write over the edits.
    pub fn to_text(&self) -> String {
        let yaml = data::to_yaml(&self.meta);
        let body = self.body.trim_end();
        let text = format!("---\n{yaml}---\n\n{body}\n");
        let check = text_check(&text);
        format!("---\n{yaml}{STAMP}{check:08x}\n---\n\n{body}\n")
    }

    /// Reads a `.md` file written by `build` (or by hand in that shape).
    pub fn parse(source: &Source) -> Result<MdFile, DataError> {
        let text = &source.text;
        let missing = || {
            DataError(Box::new(
                Diagnostic::error(msg!(ExpectedFrontMatter))
                    .in_file(&source.path)
                    .at_line(source.text.clone(), 1, 1)
                    .hint(msg!(BuildWithMd)),
            ))
        };
        let first_end = text.find('\n').ok_or_else(missing)?;
        if text[..first_end].trim_end() != "---" {
            return Err(missing());
        }
        let yaml_start = first_end + 1;
        let mut offset = yaml_start;
        let mut yaml_end = None;
        for line in text[yaml_start..].split_inclusive('\n') {
            let trimmed = line.trim_end();
            if trimmed == "---" || trimmed == "..." {
                yaml_end = Some((offset, offset + line.len()));
                break;
            }
            offset += line.len();
        }
        let (yaml_end, body_start) = yaml_end.ok_or_else(missing)?;
        let meta: Meta = data::parse_front_matter(source, yaml_start, yaml_end - yaml_start)?;
        if let Some(a) = meta.attachments.iter().find(|a| a.table.is_some()) {
            let mut diagnostic = Diagnostic::error(msg!(MdTableAttachment, title = a.title.to_string()))
                .in_file(&source.path)
                .hint(msg!(TableAsMarkdown));
            if let Some(line) = text.lines().position(|l| l.contains("table:")) {
                diagnostic = diagnostic.at_line(source.text.clone(), line + 1, 1);
            }
            return Err(DataError(Box::new(diagnostic)));
        }
        let body = text[body_start..].trim_start_matches(['\r', '\n']).to_owned();
        Ok(MdFile { meta, body })
    }
}

/// The comment that ends the front matter of a `.md` that `build` wrote,
/// followed by the check of the file's text without it.
pub const STAMP: &str = "# zongjie: ";

/// The check of a `.md` file's text, the same whatever line endings or
/// byte-order mark an editor saved it with.
fn text_check(text: &str) -> u32 {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let normal: String = text.split('\n').map(|l| l.trim_end_matches('\r')).collect::<Vec<_>>().join("\n");
    crate::base::markdown::fnv1a(normal.trim_end().as_bytes())
}

/// Whether `text`, a `.md` file that `build` wrote (its front matter ends
/// with the [`STAMP`] line), was changed after it was written. A file
/// without the line (written by hand, or by an earlier zongjie) is not
/// known to be edited.
pub fn edited_since_written(text: &str) -> bool {
    let Some(at) = text.find(&format!("\n{STAMP}")) else { return false };
    let line_start = at + 1;
    let line_end = text[line_start..].find('\n').map_or(text.len(), |n| line_start + n + 1);
    let written = text[line_start + STAMP.len()..line_end].trim_end();
    let Ok(written) = u32::from_str_radix(written, 16) else { return true };
    let rest = format!("{}{}", &text[..line_start], &text[line_end..]);
    text_check(&rest) != written
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn source(text: &str) -> Source {
        Source { path: PathBuf::from("doc.md"), text: text.into() }
    }

    #[test]
    fn a_written_file_knows_when_it_was_edited() {
        let text = "---\ntemplate: progress-report\ntitle: T\norganization: Office\ndate: 2026-11-05\n---\n\nBody.\n";
        let written = MdFile::parse(&source(text)).unwrap().to_text();
        assert!(written.contains(&format!("\n{STAMP}")), "{written}");
        assert!(!edited_since_written(&written));
        // Line endings and a byte-order mark are not edits; text is.
        assert!(!edited_since_written(&written.replace('\n', "\r\n")));
        assert!(!edited_since_written(&format!("\u{feff}{written}")));
        assert!(edited_since_written(&written.replace("Body.", "Body, edited.")));
        assert!(edited_since_written(&written.replace("title: T", "title: U")));
        // A broken check is an edit; a file without one is not known to be.
        let line = written.lines().find(|l| l.starts_with(STAMP)).unwrap();
        assert!(edited_since_written(&written.replace(line, "# zongjie: nothex")));
        assert!(!edited_since_written(text));
        // The stamp is a comment: the file reads as before.
        let again = MdFile::parse(&source(&written)).unwrap();
        assert_eq!(again.to_text(), written);
    }

    #[test]
    fn round_trips() {
        let text = "---\ntemplate: progress-report\ntitle: 'A: #title'\norganization: Office\ndate: 2026-11-05\n---\n\nBody *text*.\n";
        let md = MdFile::parse(&source(text)).unwrap();
        assert_eq!(md.meta.title.as_str(), "A: #title");
        assert_eq!(md.body, "Body *text*.\n");
        let again = MdFile::parse(&source(&md.to_text())).unwrap();
        assert_eq!(again.meta.title, md.meta.title);
        assert_eq!(again.meta.date, md.meta.date);
        assert_eq!(again.body, md.body);
    }

    #[test]
    fn errors_point_into_the_whole_file() {
        let text = "---\ntemplate: progress-report\ntitle: x\norganization: o\ndate: 2026-02-30\n---\nbody\n";
        let err = MdFile::parse(&source(text)).unwrap_err();
        assert_eq!(err.diagnostic().line_column().map(|l| l.0), Some(5), "{err}");
        let err = MdFile::parse(&source("no front matter")).unwrap_err();
        assert!(err.to_string().contains("front matter"));
        let err = MdFile::parse(&source("---\ntitel: x\n---\n")).unwrap_err();
        assert!(err.to_string().contains("titel"), "{err}");
    }

    /// A letterhead field at the top, as a data file writes it, is told
    /// where a `.md` keeps it.
    #[test]
    fn an_official_field_at_the_top_is_told_its_place() {
        let text = "---\ntemplate: progress-report\ntitle: x\norganization: o\nissuer_mark: [某局文件]\n---\nbody\n";
        let err = MdFile::parse(&source(text)).unwrap_err();
        let d = err.diagnostic().clone().in_lang(crate::data::Lang::En).to_plain_text();
        assert!(d.contains("`issuer_mark` goes under `official:`"), "{d}");
    }
}
