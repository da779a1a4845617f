//! One document, start to finish: the fold of the pipeline's stages, and
//! the output backends that each write one format.
//!
//! ```text
//! data.yaml ─load─▶ Document ─derive─▶ Figures ─render─▶ Markdown (.md)
//! .md ─write─▶ Typst markup ─+ style + meta─▶ main.typ ─compile─▶ PDF
//! ```
//! Everything is produced in memory; writing the files is [`output`]'s job,
//! so a failed document leaves nothing behind. The stage that owns an I/O
//! step is this one: reading the input, loading a bulletin's unit returns
//! ([`returns`]), checking the images the body names.

mod backend;
pub mod output;
mod previous;
mod returns;
#[cfg(any(test, feature = "testing"))]
pub mod verify;
pub mod watch;
pub mod watchdog;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::NaiveDate;

use crate::base::diag::Diagnostic;
use crate::base::lang::Lang;
use crate::base::msg::{Message, msg};
use crate::base::{file, image, sandbox};
use crate::compile::fonts::RoleFonts;
use crate::compile::pdf::TypstError;
use crate::compile::preflight::MissingGlyphs;
pub use crate::compile::preview::PageImage;
use crate::compile::world::Shared;
use crate::data::mdfile::{Masthead, MdFile, Meta};
use crate::data::{self, DataError, Document, Fields};
use crate::derive::Figures;
use crate::derive::lint;
use crate::derive::rollup::RollupError;
use crate::render::{TemplateError, TemplateInfo, Templates};
use crate::write::typst::{self as typst_writer, Embeds};

pub use backend::Format;

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
    /// An office's own Word styles (`--reference-docx`).
    pub reference_docx: Option<Arc<crate::write::docx::Reference>>,
    /// Also lay the pages out as pictures with their text (`serve`), with
    /// or without the PDF among the formats.
    pub pages: bool,
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

/// One input and where its outputs go: `<out_dir>/<stem>.<ext>`.
#[derive(Clone, Debug)]
pub struct Target {
    /// The data file or `.md` file.
    pub input: PathBuf,
    /// The folder of its outputs.
    pub out_dir: PathBuf,
    /// The name of its outputs, without extension.
    pub stem: String,
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
    /// The files it was made from.
    pub sources: Sources,
    /// Its pages as pictures with their text, when the options ask for them.
    pub pages: Vec<PageImage>,
    /// The document's language, which its messages are worded in.
    pub lang: Lang,
}

/// The files a document is made from, to rebuild it when one changes.
#[derive(Clone, Debug, Default)]
pub struct Sources {
    /// Files it read: the input, the images of its body and last period's
    /// file.
    pub files: Vec<PathBuf>,
    /// The folder the input is in, which the document's other files are in.
    pub root: PathBuf,
    /// Patterns, relative to `root`, of the unit returns a bulletin rolls
    /// up: a file that appears, changes or goes away there counts.
    pub patterns: Vec<String>,
}

/// What `check` found in a document that loads.
#[derive(Debug)]
pub struct Checked {
    /// Lint findings, errors and warnings.
    pub findings: Vec<Diagnostic>,
    /// The document's language, which its messages are worded in.
    pub lang: Lang,
}

/// Why a document was not built: the one aggregate of the stages' errors.
#[derive(Debug)]
pub enum BuildError {
    /// The data is wrong.
    Data(DataError),
    /// A template could not be loaded or rendered.
    Template(TemplateError),
    /// The body or the document cannot be built as written (a bad chart, a
    /// missing image, a character no font has, returns that do not add up).
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
        /// The document's language, which the message is worded in.
        lang: Option<Lang>,
    },
}

impl BuildError {
    /// The same error, worded in `lang` unless its own document's language
    /// is known.
    #[must_use]
    pub fn or_lang(self, lang: Option<Lang>) -> Self {
        let Some(lang) = lang else { return self };
        match self {
            BuildError::Data(e) => BuildError::Data(e.or_lang(Some(lang))),
            BuildError::Template(e) => BuildError::Template(e.or_lang(lang)),
            BuildError::Input(d) => BuildError::Input(Box::new(d.or_lang(lang))),
            BuildError::Typst { error, kept, ours, lang: own } => {
                BuildError::Typst { error, kept, ours, lang: own.or(Some(lang)) }
            }
        }
    }

    /// The language the error is worded in.
    pub fn lang(&self) -> Lang {
        match self {
            BuildError::Data(e) => e.diagnostic().shown_lang(),
            BuildError::Template(e) => e.diagnostic().shown_lang(),
            BuildError::Input(d) => d.shown_lang(),
            BuildError::Typst { lang, .. } => lang.unwrap_or_else(crate::base::msg::env_lang),
        }
    }

    /// A one-line summary, in the language of the error.
    pub fn summary(&self) -> String {
        match self {
            BuildError::Data(e) => e.to_string(),
            BuildError::Template(e) => e.to_string(),
            BuildError::Input(d) => d.to_string(),
            BuildError::Typst { error, .. } => msg!(TypstSummary, detail = error.first.as_str()).render(self.lang()),
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

impl From<RollupError> for BuildError {
    fn from(e: RollupError) -> Self {
        BuildError::Input(e.0)
    }
}

impl From<MissingGlyphs> for BuildError {
    fn from(e: MissingGlyphs) -> Self {
        BuildError::Input(e.0)
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
pub(crate) struct Drafted {
    /// The template.
    pub(crate) info: TemplateInfo,
    /// The `.md` file: front matter and body.
    pub(crate) md: MdFile,
    /// Lint findings.
    pub(crate) findings: Vec<Diagnostic>,
    /// The root folder of files the document may use.
    pub(crate) root: PathBuf,
    /// The input's text, to point at what the errors of later stages are
    /// about.
    pub(crate) text: Arc<str>,
    /// The `units:` patterns of a bulletin.
    pub(crate) patterns: Vec<String>,
    /// Last period's file (`previous_file:`), as read.
    pub(crate) previous: Option<PathBuf>,
}

impl Engine {
    /// Loads, derives and renders one input up to its Markdown.
    pub(crate) fn draft(
        &self,
        input: &Path,
        timings: &mut Timings,
        lang: &mut Option<Lang>,
    ) -> Result<Drafted, BuildError> {
        let t = Instant::now();
        let source = data::read_source(input)?;
        *lang = data::written_lang(&source.text);
        let root = input.parent().map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        let root = if root.as_os_str().is_empty() { PathBuf::from(".") } else { root };
        if input.extension().is_some_and(|e| e == "md") {
            let md = MdFile::parse(&source)?;
            *lang = Some(md.meta.lang);
            let info = self.templates.info(&md.meta.template)?;
            timings.load += t.elapsed();
            let findings = lint::markdown(&source, &md);
            return Ok(Drafted { info, md, findings, root, text: source.text, patterns: Vec::new(), previous: None });
        }
        let name = match &self.options.template {
            Some(name) => name.clone(),
            None => data::front_matter_template(&source)?.unwrap_or_else(|| "progress-report".into()),
        };
        let info = self.templates.info(&name)?;
        let mut doc = data::parse(&source, &info.schema)?;
        *lang = Some(doc.lang);
        // Last period's file fills the metrics' `previous` before anything
        // is derived from them.
        let earlier = previous::load(&source, &doc, &self.templates)?;
        let carried = match (&earlier, &doc.previous_file) {
            (Some(earlier), Some(shown)) => {
                let shown = shown.as_str().trim().to_owned();
                Some(crate::derive::previous::carry(&source, &mut doc, &earlier.doc, &shown)?)
            }
            _ => None,
        };
        let returns = match &doc.fields {
            Fields::Bulletin(b) => Some(returns::load(&doc, b, &root, &self.templates, &self.shared.fonts)?),
            _ => None,
        };
        timings.load += t.elapsed();

        let t = Instant::now();
        let mut figures = crate::derive::derive(&doc, self.options.today, returns).map_err(|e| {
            // At the line of the top-level field it names.
            let mut d = *e.0;
            if d.span.is_none()
                && let Some(field) = d.field.clone()
                && let Some(line) = source.text.lines().position(|l| l.starts_with(&format!("{field}:")))
            {
                d = d.at_line(source.text.clone(), line + 1, 1);
            }
            BuildError::Input(Box::new(d))
        })?;
        if let Some(carried) = &carried {
            figures.followups = carried.followups.clone();
            figures.previous_steps = Some(carried.steps);
        }
        timings.derive += t.elapsed();

        let t = Instant::now();
        let context = crate::render::context::context(&doc, &figures);
        let body = self.templates.render_markdown(&info, doc.lang, &context)?;
        let mut meta = meta_of(&doc, &figures);
        if doc.charts() == data::Charts::Attachment {
            let chart = self.templates.render_figures_chart(doc.lang, &context)?;
            if !chart.trim().is_empty() {
                let title = data::Text(crate::derive::lang::language(doc.lang).figures_title().to_owned());
                meta.attachments.push(data::Attachment { title, body: Some(data::Markdown(chart)), table: None });
            }
        }
        let md = MdFile { meta, body };
        timings.render += t.elapsed();
        let mut findings = lint::document(&source, &doc, &figures, &md);
        if let Some(rollup) = &figures.rollup {
            findings.extend(rollup.warnings.iter().cloned());
        }
        if let Some(carried) = carried {
            findings.extend(carried.warnings);
        }
        let patterns = match &doc.fields {
            Fields::Bulletin(b) => b.units.iter().map(|p| p.as_str().to_owned()).collect(),
            _ => Vec::new(),
        };
        let previous = earlier.map(|e| e.path);
        Ok(Drafted { info, md, findings, root, text: source.text, patterns, previous })
    }

    /// Validates and lints one input as `build` would, writing nothing: it
    /// refuses what `build` would refuse in the body (a bad chart, an image
    /// that is missing or outside the folder).
    pub fn check(&self, input: &Path) -> Result<Checked, BuildError> {
        let mut lang = None;
        let checked = self.check_in(input, &mut lang).map_err(|e| e.or_lang(lang))?;
        let findings = checked.findings.into_iter().map(|d| or_lang(d, lang)).collect();
        Ok(Checked { findings, lang: lang.unwrap_or_else(crate::base::msg::env_lang) })
    }

    fn check_in(&self, input: &Path, lang: &mut Option<Lang>) -> Result<Checked, BuildError> {
        if data::sheet::Kind::of(input).is_some() {
            let (findings, bulletin_lang) = returns::check_return(input, &self.templates, &self.shared.fonts)?;
            *lang = Some(bulletin_lang);
            return Ok(Checked { findings, lang: Lang::default() });
        }
        let drafted = self.draft(input, &mut Timings::default(), lang)?;
        let converted = convert(input, &drafted.text, &drafted.root, &drafted.md.meta, &drafted.md.body, true)?;
        let pages: Vec<Option<String>> = convert_attachments(input, &drafted.text, &drafted.root, &drafted.md)?
            .into_iter()
            .map(|c| c.map(|c| c.markup))
            .collect();
        // Every character must have a font, as for the PDF: check's verdict
        // is build's.
        let mut fonts = crate::compile::fonts::RoleFonts::resolve(&self.shared.fonts, drafted.md.meta.lang);
        crate::compile::preflight::check(
            &self.shared.fonts,
            &mut fonts,
            &drafted.md,
            &document_markup(&converted.markup, &pages),
            input,
            &drafted.text,
        )?;
        Ok(Checked { findings: drafted.findings, lang: Lang::default() })
    }

    /// Builds one input to every requested format, in memory.
    pub fn build(&self, input: &Path) -> Result<Built, BuildError> {
        let mut lang = None;
        let mut built = self.build_in(input, &mut lang).map_err(|e| e.or_lang(lang))?;
        built.warnings = built.warnings.into_iter().map(|d| or_lang(d, lang)).collect();
        built.lang = lang.unwrap_or_default();
        Ok(built)
    }

    fn build_in(&self, input: &Path, lang: &mut Option<Lang>) -> Result<Built, BuildError> {
        let mut timings = Timings::default();
        let drafted = self.draft(input, &mut timings, lang)?;
        let previous = drafted.previous.clone();
        let mut doc = backend::Assembled::new(self, input, drafted, timings);
        let mut files = Vec::new();
        for backend in backend::BACKENDS {
            let format = backend.format();
            let wanted = self.options.formats.contains(&format);
            // The pages are laid out by the PDF's backend.
            if wanted || (format == Format::Pdf && self.options.pages) {
                if let Some(bytes) = backend.write(&mut doc)?.filter(|_| wanted) {
                    files.push((format, bytes));
                }
            }
        }
        files.sort_by_key(|(f, _)| *f);
        let mut sources = Sources { files: vec![input.to_path_buf()], root: doc.root.clone(), patterns: doc.patterns };
        sources.files.extend(doc.images.iter().map(|image| doc.root.join(image)));
        sources.files.extend(previous);
        Ok(Built {
            files,
            warnings: doc.warnings,
            fonts: doc.fonts,
            timings: doc.timings,
            sources,
            pages: doc.pages,
            lang: Lang::default(),
        })
    }
}

/// `d` worded in `lang` unless its own document's language is known.
fn or_lang(d: Diagnostic, lang: Option<Lang>) -> Diagnostic {
    match lang {
        Some(lang) => d.or_lang(lang),
        None => d,
    }
}

/// The body in Typst markup, once its charts and images are found good.
///
/// `check` calls this too, so that it refuses what `build` would.
pub(crate) fn convert(
    input: &Path,
    text: &Arc<str>,
    root: &Path,
    meta: &crate::data::mdfile::Meta,
    body: &str,
    keep_end: bool,
) -> Result<typst_writer::Converted, BuildError> {
    // An attachment's page (`keep_end` false) sets its Chinese tables in 四号.
    let mut tables = table_text(meta);
    if !keep_end && tables.zh {
        tables.size = 28;
    }
    let options =
        typst_writer::Options { tables: Some(tables), keep_end_with_next: keep_end, ..WRITER_OPTIONS.clone() };
    let converted = typst_writer::to_typst(body, &options, &ChartEmbeds).map_err(|e| {
        let typst_writer::WriterError::Embed { lang, line, msg, content } = &e;
        let mut diagnostic =
            Diagnostic::error(msg!(FencedBlock, lang = lang.as_str(), text = msg.clone())).in_file(input);
        match fence_in(text, lang, content) {
            Some(span) => diagnostic = diagnostic.at(text.clone(), span),
            // Written by the template, not by the user.
            None => diagnostic = diagnostic.hint(msg!(BlockAtLine, line = *line)),
        }
        BuildError::Input(Box::new(diagnostic))
    })?;
    check_images(input, text, root, &converted.images)?;
    Ok(converted)
}

/// The pages of the attachments that have one, in Typst markup (none for
/// an attachment named only), their charts and images checked as the
/// body's are.
pub(crate) fn convert_attachments(
    input: &Path,
    text: &Arc<str>,
    root: &Path,
    md: &MdFile,
) -> Result<Vec<Option<typst_writer::Converted>>, BuildError> {
    md.meta
        .attachments
        .iter()
        // Nothing follows an attachment's text for it to keep to.
        .map(|a| a.body.as_ref().map(|body| convert(input, text, root, &md.meta, body.as_str(), false)).transpose())
        .collect()
}

/// The markup of the body and of the attachments' pages, for the check
/// that every character has a font.
pub(crate) fn document_markup(body: &str, pages: &[Option<String>]) -> String {
    let mut markup = body.to_owned();
    for page in pages.iter().flatten() {
        markup.push('\n');
        markup.push_str(page);
    }
    markup
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
        organization: data::Issuers(std::iter::once(&doc.organization).chain(&doc.joint).cloned().collect()),
        recipient: doc.recipient.clone(),
        date: figures.date,
        period: doc.period,
        doc_kind: doc.doc_kind,
        attachments: doc
            .attachments
            .iter()
            .map(|a| match a.table {
                // The table is written out, so that the .md holds it.
                Some(_) => data::Attachment {
                    title: a.title.clone(),
                    body: Some(data::Markdown(crate::derive::tables::metrics_table(
                        &figures.metrics,
                        doc.lang,
                        doc.period.as_ref(),
                    ))),
                    table: None,
                },
                None => a.clone(),
            })
            .collect(),
        official: doc.official.clone(),
        masthead,
    }
}

/// Every image the body uses must be a file inside the root folder.
///
/// An error points at the first place the input's `text` names the image
/// (as written, with `/` or `\\`), where it can be found.
fn check_images(input: &Path, text: &Arc<str>, root: &Path, images: &[String]) -> Result<(), BuildError> {
    let root = root.canonicalize().map_err(|e| {
        BuildError::Input(Box::new(
            Diagnostic::error(msg!(CannotOpenDataFolder, reason = file::io_reason(&e))).in_file(root),
        ))
    })?;
    for dest in images {
        let refuse = |why: Message| refused_image(input, text, dest, why).hint(msg!(ImagesInFolder)).into();
        if let Some(why) = sandbox::refused_by_name(dest) {
            return Err(refuse(why));
        }
        let path = match sandbox::resolve(&root, dest) {
            Ok(path) => path,
            Err(sandbox::Refused::Outside) => return Err(refuse(msg!(LeadsOutsideDataFolder))),
            Err(sandbox::Refused::Io(..)) => return Err(refuse(msg!(DoesNotExist))),
        };
        let bytes = match file::read(&path, image::MAX_FILE_BYTES) {
            Ok(bytes) => bytes,
            Err(file::ReadError::TooLarge(_)) => {
                return Err(refused_image(input, text, dest, msg!(LargerThan50Mb)).hint(msg!(MakeItSmaller)).into());
            }
            Err(file::ReadError::Io(e)) => {
                return Err(refuse(msg!(CannotBeReadBecause, reason = file::io_reason(&e))));
            }
            Err(e) => return Err(refuse(msg!(IsNotAFile, reason = e.reason()))),
        };
        let ext = path.extension().map(|e| e.to_string_lossy().into_owned()).unwrap_or_default();
        if let Err(refusal) = image::vet(&bytes, &ext) {
            return Err(refused_image(input, text, dest, refusal.why).hint(refusal.hint).into());
        }
    }
    Ok(())
}

/// An error about the image `dest`, at the first place the input's `text`
/// names it (as written, with `/` or `\\`).
pub(crate) fn refused_image(input: &Path, text: &Arc<str>, dest: &str, why: Message) -> Diagnostic {
    let mut diagnostic = Diagnostic::error(msg!(ImageRefused, image = dest, why = why)).in_file(input);
    let written = [dest.to_owned(), dest.replace('/', "\\"), dest.replace('/', "\\\\")];
    let found = written.iter().find_map(|w| text.find(w.as_str()).map(|at| at..at + w.len()));
    if let Some(span) = found.filter(|_| !dest.is_empty()) {
        diagnostic = diagnostic.at(text.clone(), span);
    }
    diagnostic
}

/// Keeps the generated source of a failed compile in the temp folder,
/// readable by the user only, in a file made where nothing was (never
/// through a symlink placed in the shared folder).
pub(crate) fn keep_source(input: &Path, text: &str) -> Option<PathBuf> {
    let stem = input.file_stem().map_or_else(|| "document".into(), |s| s.to_string_lossy().into_owned());
    crate::base::atomic::keep_in_temp(&stem, "typ", text)
}

/// How the PDF sets a document's tables (the style's): Chinese 三号 on
/// the 156 mm text block, cells 4 pt in at each side; English 11.5 pt on
/// the page less 25 mm margins, cells 6 pt in.
fn table_text(meta: &crate::data::mdfile::Meta) -> typst_writer::TableText {
    let mm = |mm: f64| {
        #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "a page's width in twips")]
        let twips = (mm / 25.4 * 1440.0) as u32;
        twips
    };
    match (meta.lang, meta.paper) {
        (Lang::Zh, _) => typst_writer::TableText { size: 32, zh: true, width: mm(156.0), margins: 170 },
        (Lang::En, crate::data::Paper::A4) => {
            typst_writer::TableText { size: 23, zh: false, width: mm(160.0), margins: 250 }
        }
        (Lang::En, crate::data::Paper::Letter) => {
            typst_writer::TableText { size: 23, zh: false, width: mm(165.9), margins: 250 }
        }
    }
}

/// How the body is converted: its last block keeps to the signature (the
/// attachments' texts: `keep_end` false).
static WRITER_OPTIONS: std::sync::LazyLock<typst_writer::Options> =
    std::sync::LazyLock::new(|| typst_writer::Options { keep_end_with_next: true, ..typst_writer::Options::default() });

/// The special fenced blocks: ```` ```chart ````.
pub(crate) struct ChartEmbeds;

impl Embeds for ChartEmbeds {
    fn fenced(&self, lang: &str, content: &str) -> Option<Result<String, Message>> {
        (lang == "chart").then(|| crate::write::chart::to_typst(content))
    }
}
