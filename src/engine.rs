//! One document, start to finish: the fold of the pipeline's stages.
//!
//! ```text
//! data.yaml ─load─▶ Document ─derive─▶ Figures ─template─▶ Markdown (.md)
//! .md ─writer─▶ Typst markup ─+ style + meta─▶ main.typ ─typst─▶ PDF
//! ```
//! Everything is produced in memory; writing the files is the caller's job
//! (see [`crate::output`]), so a failed document leaves nothing behind.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::NaiveDate;

use crate::compile::{self, TypstError};
use crate::data::{self, DataError, Document, Fields};
use crate::diag::Diagnostic;
use crate::figures::{self, Figures};
use crate::fonts::RoleFonts;
use crate::mdfile::{Masthead, MdFile, Meta};
use crate::template::{TemplateError, TemplateInfo, Templates};
use crate::typst_source::{self, Extras};
use crate::typst_writer::{self, Embeds};
use crate::world::{DocWorld, Shared};
use crate::{html, lint};

/// An output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    /// Front matter + Markdown body.
    Md,
    /// The PDF.
    Pdf,
    /// The generated Typst source.
    Typ,
    /// A standalone HTML page of the Markdown.
    Html,
}

impl Format {
    /// Every format, in the order they are listed.
    pub const ALL: [Format; 4] = [Format::Md, Format::Pdf, Format::Typ, Format::Html];

    /// The file extension.
    pub fn ext(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Pdf => "pdf",
            Format::Typ => "typ",
            Format::Html => "html",
        }
    }

    /// The format of an extension.
    pub fn from_ext(ext: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.ext() == ext)
    }
}

/// How documents are built.
#[derive(Clone, Debug)]
pub struct BuildOptions {
    /// The template, overriding the data's `template:`.
    pub template: Option<String>,
    /// The formats to produce.
    pub formats: Vec<Format>,
    /// Add a DRAFT watermark.
    pub draft: bool,
    /// The date of documents without a `date:` (local).
    pub today: NaiveDate,
}

/// Time spent in each stage of one document.
#[derive(Clone, Copy, Debug, Default)]
pub struct Timings {
    /// Reading and validating the data.
    pub load: Duration,
    /// Computing figures and roll-ups.
    pub derive: Duration,
    /// Rendering the template to Markdown.
    pub render: Duration,
    /// Converting Markdown to Typst.
    pub convert: Duration,
    /// Typst's layout.
    pub compile: Duration,
    /// PDF export.
    pub export: Duration,
}

impl std::ops::AddAssign for Timings {
    fn add_assign(&mut self, o: Timings) {
        self.load += o.load;
        self.derive += o.derive;
        self.render += o.render;
        self.convert += o.convert;
        self.compile += o.compile;
        self.export += o.export;
    }
}

/// A built document, in memory.
#[derive(Debug)]
pub struct Built {
    /// The output files: format and bytes.
    pub files: Vec<(Format, Vec<u8>)>,
    /// Lint findings and Typst warnings.
    pub warnings: Vec<Diagnostic>,
    /// The fonts each role got.
    pub fonts: RoleFonts,
    /// Time per stage.
    pub timings: Timings,
}

/// Why a document was not built.
#[derive(Debug)]
pub enum BuildError {
    /// The data is wrong.
    Data(DataError),
    /// A template could not be loaded or rendered.
    Template(TemplateError),
    /// The body or the document cannot be built as written (a bad chart, a
    /// missing image, a character no font has).
    Input(Box<Diagnostic>),
    /// Typst refused the generated source.
    Typst {
        /// Typst's diagnostics.
        error: TypstError,
        /// Where the generated source was kept for inspection.
        kept: Option<PathBuf>,
        /// Whether the source is ours alone (a bug of ours) or includes a
        /// style from the user's template folder.
        ours: bool,
    },
}

impl BuildError {
    /// The exit code: 1 for wrong input, 3 for a bug of ours.
    pub fn code(&self) -> i32 {
        match self {
            BuildError::Typst { ours: true, .. } => 3,
            _ => 1,
        }
    }

    /// A one-line summary.
    pub fn summary(&self) -> String {
        match self {
            BuildError::Data(e) => e.to_string(),
            BuildError::Template(e) => e.to_string(),
            BuildError::Input(d) => d.to_string(),
            BuildError::Typst { error, .. } => format!("typst: {}", error.first),
        }
    }
}

impl From<DataError> for BuildError {
    fn from(e: DataError) -> Self {
        BuildError::Data(e)
    }
}

impl From<Diagnostic> for BuildError {
    fn from(d: Diagnostic) -> Self {
        BuildError::Input(Box::new(d))
    }
}

impl From<TemplateError> for BuildError {
    fn from(e: TemplateError) -> Self {
        BuildError::Template(e)
    }
}

/// Shared by every document of a run: templates, fonts, options.
#[derive(Debug)]
pub struct Engine {
    /// The templates.
    pub templates: Templates,
    /// Fonts and clock.
    pub shared: Shared,
    /// Options.
    pub options: BuildOptions,
}

/// A document up to its Markdown: what `check` validates and `build` goes on
/// from.
#[derive(Debug)]
pub struct Drafted {
    /// The template.
    pub info: TemplateInfo,
    /// The `.md` file: front matter and body.
    pub md: MdFile,
    /// Lint findings.
    pub findings: Vec<Diagnostic>,
    /// The root folder of files the document may use.
    pub root: PathBuf,
    /// The input's text, to point at what the errors of later stages are
    /// about.
    pub text: std::sync::Arc<str>,
}

impl Engine {
    /// Loads, derives and renders one input up to its Markdown.
    pub fn draft(&self, input: &Path, timings: &mut Timings) -> Result<Drafted, BuildError> {
        let t = Instant::now();
        let source = data::read_source(input)?;
        let root = input.parent().map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        let root = if root.as_os_str().is_empty() { PathBuf::from(".") } else { root };
        if input.extension().is_some_and(|e| e == "md") {
            let md = MdFile::parse(&source)?;
            let info = self.templates.info(&md.meta.template)?;
            timings.load += t.elapsed();
            let findings = lint::markdown(&source, &md);
            return Ok(Drafted { info, md, findings, root, text: source.text });
        }
        let name = match &self.options.template {
            Some(name) => name.clone(),
            None => data::front_matter_template(&source)?.unwrap_or_else(|| "progress-report".into()),
        };
        let info = self.templates.info(&name)?;
        let doc = data::parse(&source, &info.schema)?;
        timings.load += t.elapsed();

        let t = Instant::now();
        let figures = figures::derive(&doc, &root, self.options.today, &self.templates)?;
        timings.derive += t.elapsed();

        let t = Instant::now();
        let context = figures::context(&doc, &figures);
        let body = self.templates.render_markdown(&info, doc.lang, &context)?;
        let md = MdFile { meta: meta_of(&doc, &figures), body };
        timings.render += t.elapsed();
        let mut findings = lint::document(&source, &doc, &figures, &md);
        if let Some(rollup) = &figures.rollup {
            findings.extend(rollup.warnings.iter().cloned());
        }
        Ok(Drafted { info, md, findings, root, text: source.text })
    }

    /// Builds one input to every requested format, in memory.
    pub fn build(&self, input: &Path) -> Result<Built, BuildError> {
        let mut timings = Timings::default();
        let drafted = self.draft(input, &mut timings)?;
        let Drafted { info, md, findings, root, text } = drafted;
        let mut warnings = findings;
        let mut files = Vec::new();
        let from_md = input.extension().is_some_and(|e| e == "md");
        let wants = |f: Format| self.options.formats.contains(&f);
        if wants(Format::Md) && !from_md {
            files.push((Format::Md, md.to_text().into_bytes()));
        }
        if wants(Format::Html) {
            files.push((Format::Html, html::page(&md).into_bytes()));
        }
        let mut fonts = RoleFonts::resolve(&self.shared.fonts, md.meta.lang);
        if wants(Format::Pdf) || wants(Format::Typ) {
            let t = Instant::now();
            let converted = convert(input, &text, &root, &md.body)?;
            crate::preflight::check(&self.shared.fonts, &mut fonts, &md, &converted.markup, input)?;
            let styles = self.templates.style(&info)?;
            let extras = Extras { fonts: &fonts, draft: self.options.draft };
            let meta = typst_source::meta_data(&md.meta, &extras);
            let origin = input.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            let main = typst_source::main_file(&styles, &meta, &converted.markup, &origin);
            timings.convert += t.elapsed();
            if wants(Format::Typ) {
                files.push((Format::Typ, main.text.clone().into_bytes()));
            }
            if wants(Format::Pdf) {
                let ours = !styles.iter().any(|s| s.user);
                let (text_to_compile, module) = match main.module {
                    Some(m) => (m.main, Some((m.style, m.parts))),
                    None => (main.text.clone(), None),
                };
                let mut world = DocWorld::new(self.shared.clone(), &root, text_to_compile).map_err(|e| {
                    BuildError::Input(Box::new(
                        Diagnostic::error(format!("cannot open the data folder: {e}")).in_file(&root),
                    ))
                })?;
                world = match module {
                    Some((style, parts)) => world.with_style_module(style, parts),
                    None => world.with_parts(main.parts),
                };
                let typst_failed = |error: TypstError| match &error.image {
                    // An image Typst cannot read is the input's fault.
                    Some(image) => refused_image(input, &text, image, &format!("cannot be used: {}", error.first))
                        .hint("save it as PNG, JPEG, GIF or SVG; an SVG may not link to other files or to the web")
                        .into(),
                    // The self-contained source, which compiles on its own.
                    None => BuildError::Typst { kept: keep_source(input, &main.text), error, ours },
                };
                let t = Instant::now();
                let (document, typst_warnings) = compile::layout_guarded(&world).map_err(typst_failed)?;
                timings.compile += t.elapsed();
                let t = Instant::now();
                let pdf = compile::pdf_guarded(&world, &document, self.shared.epoch).map_err(typst_failed)?;
                timings.export += t.elapsed();
                if !typst_warnings.is_empty() {
                    warnings.push(Diagnostic::warning(compile::render(&world, &typst_warnings)).in_file(input));
                }
                files.push((Format::Pdf, pdf));
            }
        }
        files.sort_by_key(|(f, _)| *f);
        Ok(Built { files, warnings, fonts, timings })
    }
}

/// The body in Typst markup, once its charts and images are found good.
///
/// `check` calls this too, so that it refuses what `build` would.
pub fn convert(
    input: &Path,
    text: &std::sync::Arc<str>,
    root: &Path,
    body: &str,
) -> Result<typst_writer::Converted, BuildError> {
    let converted = typst_writer::to_typst(body, &WRITER_OPTIONS, &ChartEmbeds).map_err(|e| {
        let typst_writer::WriterError::Embed { lang, line, msg, content } = &e;
        let mut diagnostic = Diagnostic::error(format!("```{lang} block: {msg}")).in_file(input);
        match fence_in(text, lang, content) {
            Some(span) => diagnostic = diagnostic.at(text.clone(), span),
            // Written by the template, not by the user.
            None => diagnostic = diagnostic.hint(format!("the block is at line {line} of the Markdown body")),
        }
        BuildError::Input(Box::new(diagnostic))
    })?;
    check_images(input, text, root, &converted.images)?;
    Ok(converted)
}

/// Where the input writes the fenced block of `lang` with `content`: the
/// opening fence whose next lines, indented or not, are the content's.
fn fence_in(text: &str, lang: &str, content: &str) -> Option<std::ops::Range<usize>> {
    let wanted: Vec<&str> = content.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let mut offset = 0;
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    for (i, line) in lines.iter().enumerate() {
        let fence = line.trim().trim_start_matches(['`', '~']);
        let opens = line.trim_start().starts_with("```") || line.trim_start().starts_with("~~~");
        if opens && fence.split_whitespace().next() == Some(lang) {
            let following = lines[i + 1..].iter().map(|l| l.trim()).filter(|l| !l.is_empty());
            if following.take(wanted.len()).eq(wanted.iter().copied()) {
                let start = offset + (line.len() - line.trim_start().len());
                return Some(start..start + line.trim().len());
            }
        }
        offset += line.len();
    }
    None
}

/// The front matter of a document built from data.
fn meta_of(doc: &Document, figures: &Figures) -> Meta {
    let masthead = match &doc.fields {
        Fields::Bulletin(b) => Some(Masthead {
            issue: b.issue.or(figures.default_issue),
            total_issue: b.total_issue,
            copies: b.copies,
            distribution: b.distribution.clone(),
        }),
        _ => None,
    };
    Meta {
        template: doc.template.clone(),
        lang: doc.lang,
        paper: doc.paper,
        title: doc.title.clone(),
        organization: doc.organization.clone(),
        recipient: doc.recipient.clone(),
        date: figures.date,
        period: doc.period,
        doc_kind: doc.doc_kind,
        attachments: doc.attachments.clone(),
        masthead,
    }
}

/// Every image the body uses must be a file inside the root folder.
///
/// An error points at the first place the input's `text` names the image
/// (as written, with `/` or `\\`), where it can be found.
fn check_images(input: &Path, text: &std::sync::Arc<str>, root: &Path, images: &[String]) -> Result<(), BuildError> {
    let root = root.canonicalize().map_err(|e| {
        BuildError::Input(Box::new(Diagnostic::error(format!("cannot open the data folder: {e}")).in_file(root)))
    })?;
    for dest in images {
        let refuse = |why: &str| {
            refused_image(input, text, dest, why)
                .hint("images must be files in the data file's folder or below it, named by a relative path")
                .into()
        };
        if let Some(why) = refused_by_name(dest) {
            return Err(refuse(why));
        }
        match crate::world::resolve(&root, dest) {
            Ok(path) if path.is_file() => {}
            Ok(_) => return Err(refuse("is not a file")),
            Err(typst::diag::FileError::AccessDenied) => return Err(refuse("leads outside the data file's folder")),
            Err(_) => return Err(refuse("does not exist")),
        }
    }
    Ok(())
}

/// An error about the image `dest`, at the first place the input's `text`
/// names it (as written, with `/` or `\\`).
fn refused_image(input: &Path, text: &std::sync::Arc<str>, dest: &str, why: &str) -> Diagnostic {
    let mut diagnostic = Diagnostic::error(format!("image `{dest}` {why}")).in_file(input);
    let written = [dest.to_owned(), dest.replace('/', "\\"), dest.replace('/', "\\\\")];
    let found = written.iter().find_map(|w| text.find(w.as_str()).map(|at| at..at + w.len()));
    if let Some(span) = found.filter(|_| !dest.is_empty()) {
        diagnostic = diagnostic.at(text.clone(), span);
    }
    diagnostic
}

/// Why an image path is refused by its name alone (a URL, an absolute
/// path), before any file is looked at.
pub(crate) fn refused_by_name(dest: &str) -> Option<&'static str> {
    if dest.contains("://") || dest.starts_with("data:") {
        Some("is not a local file; zongjie does not download anything")
    } else if Path::new(dest).is_absolute() || dest.starts_with(['/', '\\']) {
        Some("is an absolute path")
    } else {
        None
    }
}

/// Keeps the generated source of a failed compile in the temp folder,
/// readable by the user only, in a file made where nothing was (never
/// through a symlink placed in the shared folder).
fn keep_source(input: &Path, text: &str) -> Option<PathBuf> {
    use std::io::Write as _;
    let stem = input.file_stem().map_or_else(|| "document".into(), |s| s.to_string_lossy().into_owned());
    for n in 0..64 {
        let path = std::env::temp_dir().join(format!("zongjie-{stem}-{}-{n}.typ", std::process::id()));
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        match options.open(&path) {
            Ok(mut file) => return file.write_all(text.as_bytes()).ok().map(|()| path),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(_) => return None,
        }
    }
    None
}

/// How the body is converted: its last block keeps to the signature.
static WRITER_OPTIONS: std::sync::LazyLock<typst_writer::Options> =
    std::sync::LazyLock::new(|| typst_writer::Options { keep_end_with_next: true, ..typst_writer::Options::default() });

/// The special fenced blocks: ```` ```chart ````.
pub struct ChartEmbeds;

impl Embeds for ChartEmbeds {
    fn fenced(&self, lang: &str, content: &str) -> Option<Result<String, String>> {
        (lang == "chart").then(|| crate::chart::to_typst(content))
    }
}
