//! The generated Typst main file of a document: the template's style, the
//! front matter as Typst *data* (strings in a dictionary, never markup), and
//! the body converted from Markdown. Self-contained apart from images, so
//! `typst compile --root <data folder> X.typ` compiles it.

use std::fmt::Write as _;

use crate::data::mdfile::Meta;
use crate::data::{DocKind, Lang, Paper};
use crate::derive::lang::{Label, language};
use crate::render::StyleFile;
use crate::write::typst::breaks;
use crate::write::typst::escape::string_literal;

/// A Typst value written as code: only data, never markup.
#[derive(Clone, Debug)]
pub enum Data {
    /// `none`.
    None,
    /// `true` / `false`.
    Bool(bool),
    /// A string literal.
    Str(String),
    /// An array.
    Array(Vec<Data>),
    /// A dictionary with identifier keys.
    Dict(Vec<(&'static str, Data)>),
    /// Content: Typst markup made by the Markdown writer (every text in it
    /// escaped), as a content block `[…]`.
    Content(String),
}

impl Data {
    /// A string, or `none`.
    pub fn opt(s: Option<impl Into<String>>) -> Data {
        s.map_or(Data::None, |s| Data::Str(s.into()))
    }

    /// An array of strings.
    pub fn strings<S: AsRef<str>>(items: impl IntoIterator<Item = S>) -> Data {
        Data::Array(items.into_iter().map(|s| Data::Str(s.as_ref().to_owned())).collect())
    }

    /// A string that the style prints: its long runs of characters with no
    /// line break opportunity get some (see [`breaks`]).
    pub fn text(s: &str) -> Data {
        Data::Str(breaks::breakable(s).into_owned())
    }

    /// [`Data::text`], or `none`.
    pub fn opt_text(s: Option<&str>) -> Data {
        s.map_or(Data::None, Data::text)
    }

    /// An array of [`Data::text`].
    pub fn texts<S: AsRef<str>>(items: impl IntoIterator<Item = S>) -> Data {
        Data::Array(items.into_iter().map(|s| Data::text(s.as_ref())).collect())
    }

    /// Writes the value on one line.
    pub fn write_inline(&self, out: &mut String) {
        match self {
            Data::Dict(entries) if !entries.is_empty() => {
                out.push('(');
                for (key, value) in entries {
                    out.push_str(key);
                    out.push_str(": ");
                    value.write_inline(out);
                    out.push_str(", ");
                }
                out.push(')');
            }
            Data::Array(items) => {
                out.push('(');
                for item in items {
                    item.write_inline(out);
                    out.push_str(", ");
                }
                out.push(')');
            }
            other => other.write(out, 0),
        }
    }

    fn write(&self, out: &mut String, indent: usize) {
        match self {
            Data::None => out.push_str("none"),
            Data::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Data::Str(s) => out.push_str(&string_literal(s)),
            Data::Content(markup) => {
                out.push_str("[\n");
                out.push_str(markup.trim_end());
                out.push_str("\n]");
            }
            Data::Array(items) => {
                out.push('(');
                for item in items {
                    item.write(out, indent);
                    out.push_str(", ");
                }
                if items.len() == 1 {
                    // `("a", )` is an array; `("a")` would be a string.
                } else if !items.is_empty() {
                    out.truncate(out.len() - 2);
                }
                out.push(')');
            }
            Data::Dict(entries) if entries.is_empty() => out.push_str("(:)"),
            Data::Dict(entries) => {
                out.push_str("(\n");
                for (key, value) in entries {
                    let _ = write!(out, "{:width$}{key}: ", "", width = indent + 2);
                    value.write(out, indent + 2);
                    out.push_str(",\n");
                }
                let _ = write!(out, "{:width$})", "", width = indent);
            }
        }
    }
}

/// Everything the style needs beyond the front matter.
#[derive(Clone, Debug)]
pub struct Extras {
    /// The fonts of each role, as the style reads them (built by the
    /// compile layer, which chooses them).
    pub fonts: Data,
    /// Whether to add a DRAFT watermark.
    pub draft: bool,
}

/// The dictionary `meta` the style receives. `attachments` holds the
/// markup of each attachment's page (none for one named only), in the
/// order of `meta.attachments`.
pub fn meta_data(meta: &Meta, extras: &Extras, attachments: &[Option<String>]) -> Data {
    let words = language(meta.lang);
    let date = words.date(meta.date);
    let period = meta.period.as_ref().map(|p| words.period(p));
    let masthead = meta.masthead.as_ref().map_or(Data::None, |m| {
        let d = &m.distribution;
        let issue = m.issue.map(|n| words.issue(n));
        let total = m.total_issue.map(|n| words.total_issue(n));
        let copies = m.copies.map(|n| words.copies(n));
        // The name's lines where it cannot stand on one: broken between words.
        let name_lines =
            crate::write::title::lines_within(meta.title.as_str(), meta.lang, crate::write::title::MASTHEAD_CAPACITY);
        Data::Dict(vec![
            ("name_lines", Data::texts(name_lines)),
            ("issue", Data::opt(issue)),
            ("total_issue", Data::opt(total)),
            ("copies", Data::opt(copies)),
            ("report_to", Data::texts(d.report_to.iter().map(|t| t.as_str()))),
            ("send_to", Data::texts(d.send_to.iter().map(|t| t.as_str()))),
            ("issue_to", Data::texts(d.issue_to.iter().map(|t| t.as_str()))),
        ])
    });
    Data::Dict(vec![
        ("template", Data::Str(meta.template.clone())),
        ("lang", Data::Str(meta.lang.code().into())),
        (
            "paper",
            Data::Str(match meta.paper {
                Paper::A4 => "a4".into(),
                Paper::Letter => "us-letter".into(),
            }),
        ),
        ("title", Data::text(meta.title.as_str())),
        ("title_lines", title_lines(meta.title.as_str(), meta.lang)),
        ("organization", Data::text(meta.organization.as_str())),
        ("organizations", Data::texts(meta.organization.all().iter().map(|t| t.as_str()))),
        ("recipient", Data::opt_text(meta.recipient.as_ref().map(|r| r.as_str()))),
        ("date", Data::Str(date)),
        ("period", Data::opt_text(period.as_deref())),
        (
            "doc_kind",
            Data::Str(match meta.doc_kind {
                DocKind::Report => "report".into(),
                DocKind::Briefing => "briefing".into(),
                DocKind::Summary => "summary".into(),
            }),
        ),
        ("attachments", Data::texts(meta.attachments.iter().map(|a| a.title.as_str()))),
        (
            "attachment_pages",
            Data::Array(
                meta.attachments
                    .iter()
                    .zip(attachments.iter().chain(std::iter::repeat(&None)))
                    .enumerate()
                    .filter_map(|(i, (a, markup))| {
                        markup.as_ref().map(|m| {
                            Data::Dict(vec![
                                ("number", Data::Str((i + 1).to_string())),
                                ("title", Data::text(a.title.as_str())),
                                ("title_lines", title_lines(a.title.as_str(), meta.lang)),
                                ("body", Data::Content(m.clone())),
                            ])
                        })
                    })
                    .collect(),
            ),
        ),
        ("official", official_data(meta)),
        ("masthead", masthead),
        ("draft", Data::Bool(extras.draft)),
        ("fonts", extras.fonts.clone()),
        ("labels", labels(meta.lang)),
    ])
}

/// A title's lines as the style sets them: broken between words in a
/// Chinese document (see [`crate::write::title`]), the same lines as the
/// `.docx` has.
fn title_lines(title: &str, lang: Lang) -> Data {
    Data::texts(crate::write::title::lines(title, lang))
}

/// The 版头, signature and 版记 fields, as the style prints them.
fn official_data(meta: &Meta) -> Data {
    let o = &meta.official;
    let words = language(meta.lang);
    let texts = |v: &[crate::data::Text]| Data::texts(v.iter().map(|t| t.as_str().trim()));
    // 抄送：A、B、C。 — the names as written, separated and closed in the
    // document's punctuation.
    let copy_to = (!o.copy_to.is_empty()).then(|| crate::derive::lang::names_closed(meta.lang, &o.copy_to));
    Data::Dict(vec![
        ("issuer_mark", texts(&o.issuer_mark)),
        ("doc_number", Data::opt_text(o.doc_number.as_ref().map(|d| d.as_str()))),
        ("signers", texts(&o.signer)),
        ("copy_number", Data::opt(o.copy_number.as_ref().map(|c| c.0.clone()))),
        ("secrecy", Data::opt_text(o.secrecy.as_ref().map(|s| s.0.as_str()))),
        ("urgency", Data::opt_text(o.urgency.as_ref().map(|u| u.0.as_str()))),
        ("sealed", Data::Bool(o.sealed)),
        ("signer_post", Data::opt_text(o.signer_post.as_ref().map(|t| t.as_str().trim()))),
        ("copy_to", Data::opt_text(copy_to.as_deref())),
        ("printed_by", Data::opt_text(o.printed_by.as_ref().map(|t| t.as_str().trim()))),
        ("printed_on", Data::opt(o.printed_on.map(|d| words.printed_on(d)))),
    ])
}

/// Words the style prints, in the document's language.
fn labels(lang: Lang) -> Data {
    let words = language(lang);
    Data::Dict(Label::ALL.iter().map(|&(label, key)| (key, Data::Str(words.label(label).into()))).collect())
}

/// The whole main file.
pub fn main_file(styles: &[StyleFile], meta: &Data, body: &str, origin: &str) -> MainFile {
    let mut style = String::with_capacity(32 * 1024);
    let mut parts = Vec::with_capacity(styles.len());
    for file in styles {
        let _ = writeln!(style, "// ---- style: {} ----", file.name);
        let start = style.len();
        style.push_str(file.text.trim_end());
        parts.push(Part { path: file.path.clone(), range: start..style.len() });
        style.push_str("\n\n");
    }
    let mut rest = String::with_capacity(body.len() + 4096);
    rest.push_str("// ---- the document's fields, as data ----\n#let meta = ");
    meta.write(&mut rest, 0);
    rest.push_str("\n\n#show: document.with(meta)\n\n// ---- the body ----\n");
    rest.push_str(body);
    if !rest.ends_with('\n') {
        rest.push('\n');
    }
    let mut text = String::with_capacity(style.len() + rest.len() + 256);
    let _ = writeln!(text, "// Generated by zongjie {} from {origin}.", env!("CARGO_PKG_VERSION"));
    text.push_str("// Compile with: typst compile --root <folder of the data file> <this file>\n\n");
    let shift = text.len();
    text.push_str(&style);
    text.push_str(&rest);
    // Our own styles hold definitions only: they can be a module of their
    // own. A user's style is left in the main file, where its top-level
    // rules apply as written.
    let module = (!styles.iter().any(|f| f.user)).then(|| StyleModule {
        main: format!("#import \"{STYLE_PATH}\": *\n\n{rest}"),
        style,
        parts: parts.clone(),
    });
    let parts = parts.into_iter().map(|p| Part { range: p.range.start + shift..p.range.end + shift, ..p }).collect();
    MainFile { text, parts, module }
}

/// The virtual path of the style module.
pub const STYLE_PATH: &str = "/__zongjie__/style.typ";

/// The generated main file, and where its style files sit in it.
#[derive(Clone, Debug)]
pub struct MainFile {
    /// The Typst source, self-contained: the `.typ` output.
    pub text: String,
    /// The style files' places in `text`.
    pub parts: Vec<Part>,
    /// The same document with its style as a module of its own, for the
    /// engine's compile, when the style is ours.
    pub module: Option<StyleModule>,
}

/// A document whose style is a module of its own (at [`STYLE_PATH`]): the
/// module's text is the same for every document of a template, so Typst
/// parses and evaluates it once per batch and its memo cache serves every
/// later document, where a style inside each main file is parsed and
/// evaluated anew each time.
#[derive(Clone, Debug)]
pub struct StyleModule {
    /// The main file: an import of the style, the fields, the body.
    pub main: String,
    /// The style module.
    pub style: String,
    /// The style files' places in `style`.
    pub parts: Vec<Part>,
}

/// A style file's place in the main file, so that a Typst error in it can
/// name the file and line the author wrote.
#[derive(Clone, Debug)]
pub struct Part {
    /// Where the style was read from (a user's file, or `built-in:…`).
    pub path: std::path::PathBuf,
    /// Its bytes in the main file.
    pub range: std::ops::Range<usize>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn style(name: &str, text: &str, user: bool) -> StyleFile {
        StyleFile { name: name.into(), path: name.into(), text: text.into(), user }
    }

    #[test]
    fn our_style_is_a_module_and_the_typ_output_stays_self_contained() {
        let styles = [style("a.typ", "#let x = 1", false), style("b.typ", "#let document(meta, body) = body", false)];
        let main = main_file(&styles, &Data::Dict(vec![]), "Body.\n", "r.yaml");
        assert!(!main.text.contains("#import") && main.text.contains("#let x = 1"));
        for part in &main.parts {
            assert!(["#let x = 1", "#let document(meta, body) = body"].contains(&&main.text[part.range.clone()]));
        }
        let module = main.module.expect("our styles make a module");
        assert!(module.main.starts_with(&format!("#import \"{STYLE_PATH}\": *")) && module.main.ends_with("Body.\n"));
        assert_eq!(&module.style[module.parts[0].range.clone()], "#let x = 1");
        // A user's style stays in the main file: its top-level rules apply.
        let styles = [style("a.typ", "#let x = 1", false), style("mine.typ", "#set text(red)", true)];
        assert!(main_file(&styles, &Data::Dict(vec![]), "", "r.yaml").module.is_none());
    }

    #[test]
    fn data_is_code_of_literals() {
        let d = Data::Dict(vec![
            ("a", Data::Str("#set text(red) \"q\" \\".into())),
            ("b", Data::strings(["one"])),
            ("c", Data::strings(Vec::<String>::new())),
            ("d", Data::None),
            ("e", Data::Dict(vec![])),
        ]);
        let mut out = String::new();
        d.write(&mut out, 0);
        let src = format!("#let x = {out}\n#x.a#x.b.first()");
        let root = typst::syntax::parse(&src);
        assert!(!root.diagnosis().errors, "{src}\n{:?}", root.errors_and_warnings());
        assert!(out.contains("(\"one\", )"), "{out}");
        assert!(out.contains("c: ()"), "{out}");
        assert!(out.contains("e: (:)"), "{out}");
    }
}
