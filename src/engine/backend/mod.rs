//! The output backends: one module per format, each implementing
//! [`Backend`] on one [`Assembled`] document (front matter, Markdown body,
//! and the Typst source made from them once, when a format needs it). A new
//! format is a new module, a variant of [`Format`] (which is also the
//! command line's list of formats) and a line in [`BACKENDS`].

mod docx;
mod html;
mod md;
mod pdf;
mod typ;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use crate::base::diag::Diagnostic;
use crate::compile::fonts::RoleFonts;
use crate::data::mdfile::MdFile;
use crate::render::TemplateInfo;
use crate::write::source::{self, Extras, MainFile};

use super::{BuildError, Drafted, Engine, Timings};

/// An output format (also the values of `build -f`, with these doc
/// comments as their help).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, clap::ValueEnum)]
pub enum Format {
    /// Front matter + Markdown body; `zongjie build X.md` rebuilds from it.
    Md,
    /// The PDF.
    Pdf,
    /// The Typst source (`typst compile --root <data folder> X.typ`).
    Typ,
    /// A standalone HTML page with the PDF's parts.
    Html,
    /// Word/WPS (.docx), the same layout as the PDF.
    Docx,
}

impl Format {
    /// The file extension.
    pub fn ext(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Pdf => "pdf",
            Format::Typ => "typ",
            Format::Html => "html",
            Format::Docx => "docx",
        }
    }
}

/// Writes one format of a document.
pub(crate) trait Backend: Sync {
    /// The format it writes.
    fn format(&self) -> Format;

    /// The file's bytes; none when the format has nothing to add for this
    /// input (the `.md` of a `.md` input).
    fn write(&self, doc: &mut Assembled<'_>) -> Result<Option<Vec<u8>>, BuildError>;
}

/// Every backend, in the order they run (the PDF last of those that
/// use the Typst source: it takes it).
pub(crate) static BACKENDS: &[&dyn Backend] = &[&md::Md, &html::Html, &typ::Typ, &pdf::Pdf, &docx::Docx];

/// One document as every backend sees it.
pub(crate) struct Assembled<'a> {
    /// The engine: templates, fonts, options.
    pub engine: &'a Engine,
    /// The input file.
    pub input: &'a Path,
    /// The input's text, for errors to point into.
    pub text: Arc<str>,
    /// The folder of files the document may use.
    pub root: PathBuf,
    /// The template.
    pub info: TemplateInfo,
    /// Front matter and Markdown body.
    pub md: MdFile,
    /// Whether the input is itself the `.md` file.
    pub from_md: bool,
    /// The fonts of each role (extended by the preflight).
    pub fonts: RoleFonts,
    /// Warnings so far: lint findings, then what the backends add.
    pub warnings: Vec<Diagnostic>,
    /// Time per stage.
    pub timings: Timings,
    /// The images the body uses, relative to `root`, once the body is
    /// converted.
    pub images: Vec<String>,
    /// The `units:` patterns of a bulletin.
    pub patterns: Vec<String>,
    /// The pages as pictures with their text, when the options ask for them.
    pub pages: Vec<crate::compile::preview::PageImage>,
    /// The Typst source, once made.
    typst: Option<Typeset>,
    /// Whether the body's charts and images were found good.
    body_checked: bool,
}

/// The Typst main file of a document, with what compiling it needs.
pub(crate) struct Typeset {
    /// The main file (self-contained, and as a style module plus main).
    pub main: MainFile,
    /// Whether every style file is ours (a Typst error is then our bug).
    pub ours: bool,
}

impl<'a> Assembled<'a> {
    /// The document drafted by `engine` from `input`.
    pub(crate) fn new(engine: &'a Engine, input: &'a Path, drafted: Drafted, timings: Timings) -> Self {
        let Drafted { info, md, findings, root, text, patterns, previous: _ } = drafted;
        let fonts = RoleFonts::resolve(&engine.shared.fonts, md.meta.lang);
        let from_md = input.extension().is_some_and(|e| e == "md");
        Assembled {
            engine,
            input,
            text,
            root,
            info,
            md,
            from_md,
            fonts,
            warnings: findings,
            timings,
            images: Vec::new(),
            patterns,
            pages: Vec::new(),
            typst: None,
            body_checked: false,
        }
    }

    /// Checks the body's charts and images as the PDF would (done already
    /// when the Typst source was made).
    pub(crate) fn check_body(&mut self) -> Result<(), BuildError> {
        if !self.body_checked {
            self.images =
                super::convert(self.input, &self.text, &self.root, &self.md.meta, &self.md.body, true)?.images;
            super::convert_attachments(self.input, &self.text, &self.root, &self.md)?;
            self.body_checked = true;
        }
        Ok(())
    }

    /// The Typst source of the document, made on first use: the body
    /// converted (charts and images checked), every character's font found,
    /// the style and the front matter as data around it.
    pub(crate) fn typst(&mut self) -> Result<&Typeset, BuildError> {
        if self.typst.is_none() {
            let t = Instant::now();
            let converted = super::convert(self.input, &self.text, &self.root, &self.md.meta, &self.md.body, true)?;
            self.images.clone_from(&converted.images);
            let pages: Vec<Option<String>> = super::convert_attachments(self.input, &self.text, &self.root, &self.md)?
                .into_iter()
                .map(|c| c.map(|c| c.markup))
                .collect();
            self.body_checked = true;
            let markup = super::document_markup(&converted.markup, &pages);
            crate::compile::preflight::check(
                &self.engine.shared.fonts,
                &mut self.fonts,
                &self.md,
                &markup,
                self.input,
                &self.text,
            )?;
            let styles = self.engine.templates.style(&self.info)?;
            let extras = Extras { fonts: self.fonts.to_data(), draft: self.engine.options.draft };
            let meta = source::meta_data(&self.md.meta, &extras, &pages);
            let origin = self.input.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            let main = source::main_file(&styles, &meta, &converted.markup, &origin);
            self.timings.convert += t.elapsed();
            self.typst = Some(Typeset { main, ours: !styles.iter().any(|s| s.user) });
        }
        Ok(self.typst.as_ref().expect("made above"))
    }
}
