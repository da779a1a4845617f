//! Compiling the generated Typst in-process and exporting the PDF.

use typst::World as _;
use typst::diag::{Severity, SourceDiagnostic, Warned};
use typst::foundations::{Datetime, Smart};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, Timestamp};

use crate::base::diag::Diagnostic;
use crate::base::lang::Lang;
use crate::base::msg::msg;
use crate::compile::world::DocWorld;

/// Typst refused the document.
#[derive(Debug)]
pub struct TypstError {
    /// The diagnostics.
    pub diagnostics: Vec<Rendered>,
    /// The first message, in Typst's words, for one-line summaries.
    pub first: String,
    /// The image the document could not use, when that is what failed (a
    /// file that is no image, an SVG that links to other files): the
    /// input's fault, not a bug.
    pub image: Option<String>,
}

/// One diagnostic of Typst's.
#[derive(Debug, Clone)]
pub enum Rendered {
    /// One in a file of the writer's (a style of --template-dir), or of
    /// zongjie's about Typst: worded by zongjie, in the document's language,
    /// Typst's own text quoted in it.
    Located(Diagnostic),
    /// One in the source zongjie generated, as Typst renders it (a bug of
    /// zongjie's, in Typst's words).
    Typst(String),
}

impl TypstError {
    /// The diagnostics as printed, zongjie's worded in `lang`.
    pub fn rendered(&self, lang: Lang) -> String {
        rendered(&self.diagnostics, lang)
    }
}

/// `diagnostics` as printed, zongjie's worded in `lang` (unless their
/// document's language is set).
pub fn rendered(diagnostics: &[Rendered], lang: Lang) -> String {
    diagnostics
        .iter()
        .map(|d| match d {
            Rendered::Located(d) => d.clone().or_lang(lang).to_plain_text(),
            Rendered::Typst(text) => text.clone(),
        })
        .collect()
}

/// Lays the document out.
pub fn layout(world: &DocWorld) -> Result<(PagedDocument, Vec<SourceDiagnostic>), TypstError> {
    let Warned { output, warnings } = typst::compile::<PagedDocument>(world);
    match output {
        Ok(doc) => Ok((doc, warnings.into_iter().collect())),
        Err(errors) => Err(TypstError {
            diagnostics: render(world, errors.iter().chain(&warnings)),
            first: first(&errors),
            image: image_at_fault(world, &errors),
        }),
    }
}

/// [`layout`], with a panic inside Typst (a bug of Typst's) turned into
/// an error of this document, so that the other documents of a batch are
/// still built.
pub fn layout_guarded(world: &DocWorld) -> Result<(PagedDocument, Vec<SourceDiagnostic>), TypstError> {
    guarded(Stage::Layout, || layout(world))
}

/// [`pdf`], guarded as [`layout_guarded`] is.
pub fn pdf_guarded(world: &DocWorld, document: &PagedDocument, epoch: Option<i64>) -> Result<Vec<u8>, TypstError> {
    guarded(Stage::Pdf, || pdf(world, document, epoch))
}

/// What Typst was doing.
#[derive(Clone, Copy)]
enum Stage {
    Layout,
    Pdf,
}

fn guarded<T>(stage: Stage, run: impl FnOnce() -> Result<T, TypstError>) -> Result<T, TypstError> {
    crate::base::guard::quietly(run).unwrap_or_else(|why| {
        let stage = match stage {
            Stage::Layout => msg!(StageLayout),
            Stage::Pdf => msg!(StagePdf),
        };
        let message = msg!(TypstPanicked, stage = stage, why = why);
        let first = message.english();
        Err(TypstError { diagnostics: vec![Rendered::Located(Diagnostic::error(message))], first, image: None })
    })
}

/// Exports the laid-out document as PDF. With `epoch` (SOURCE_DATE_EPOCH)
/// the file's dates are fixed, so the same input gives the same bytes.
pub fn pdf(world: &DocWorld, document: &PagedDocument, epoch: Option<i64>) -> Result<Vec<u8>, TypstError> {
    let timestamp =
        epoch.and_then(|e| chrono::DateTime::from_timestamp(e, 0)).or_else(|| Some(chrono::Utc::now())).and_then(|t| {
            use chrono::{Datelike, Timelike};
            let dt = Datetime::from_ymd_hms(
                t.year(),
                u8::try_from(t.month()).ok()?,
                u8::try_from(t.day()).ok()?,
                u8::try_from(t.hour()).ok()?,
                u8::try_from(t.minute()).ok()?,
                u8::try_from(t.second()).ok()?,
            )?;
            Some(Timestamp::new_utc(dt))
        });
    let options = PdfOptions {
        ident: Smart::Auto,
        creator: Smart::Custom(Some(format!("zongjie {}", env!("CARGO_PKG_VERSION")))),
        timestamp,
        ..PdfOptions::default()
    };
    typst_pdf::pdf(document, &options).map_err(|errors| TypstError {
        diagnostics: render(world, errors.iter()),
        first: first(&errors),
        image: image_at_fault(world, &errors),
    })
}

/// The image an error is about: the one an `image("…")` call of the
/// generated source names where the error points at that call, or the
/// image file (an SVG) the error points into.
fn image_at_fault(world: &DocWorld, errors: &[SourceDiagnostic]) -> Option<String> {
    use typst::WorldExt as _;
    errors.iter().find_map(|e| {
        let id = e.span.id()?;
        if id != world.main() {
            let name = id.vpath().get_without_slash();
            let image = [".svg", ".svgz", ".png", ".jpg", ".jpeg", ".gif", ".webp"]
                .iter()
                .any(|ext| name.to_ascii_lowercase().ends_with(ext));
            return image.then(|| name.to_owned());
        }
        let call = world.source_text().get(world.range(e.span)?)?;
        let literal = call.strip_prefix("image(\"").or_else(|| call.strip_prefix("#image(\""))?;
        // The path as the writer escaped it into a string literal.
        let mut path = String::new();
        let mut chars = literal.chars();
        while let Some(c) = chars.next() {
            match c {
                '"' => return Some(path),
                '\\' => path.extend(chars.next()),
                c => path.push(c),
            }
        }
        None
    })
}

fn first(errors: &[SourceDiagnostic]) -> String {
    errors.first().map_or_else(|| "unknown error".into(), |e| e.message.to_string())
}

/// Typst's own rendering of diagnostics, with source lines; a diagnostic
/// inside a style file of the main file names that file and its own line.
pub fn render<'a>(world: &DocWorld, diagnostics: impl IntoIterator<Item = &'a SourceDiagnostic>) -> Vec<Rendered> {
    diagnostics
        .into_iter()
        .map(|diagnostic| match in_style(world, diagnostic) {
            Some(ours) => Rendered::Located(ours),
            None => Rendered::Typst(typst_rendering(world, diagnostic)),
        })
        .collect()
}

/// The diagnostic as a [`Diagnostic`] of the style file it points into.
fn in_style(world: &DocWorld, diagnostic: &SourceDiagnostic) -> Option<Diagnostic> {
    use typst::WorldExt as _;
    let id = diagnostic.span.id()?;
    let (source, parts) = match world.style_module() {
        _ if id == world.main() => (world.source_text(), world.parts()),
        Some((style, text, parts)) if id == style => (text, parts),
        _ => return None,
    };
    let range = world.range(diagnostic.span)?;
    let part = parts.iter().find(|p| p.range.contains(&range.start))?;
    let text: std::sync::Arc<str> = source.get(part.range.clone())?.into();
    let span = range.start - part.range.start..range.end.min(part.range.end) - part.range.start;
    let says = msg!(TypstSays, detail = diagnostic.message.as_str());
    let mut ours = match diagnostic.severity {
        Severity::Error => Diagnostic::error(says),
        Severity::Warning => Diagnostic::warning(says),
    }
    .in_file(&part.path)
    .at(text, span);
    for hint in diagnostic.hints.iter().filter(|h| !about_the_cli(&h.v)) {
        ours = ours.hint(msg!(TypstHints, detail = hint.v.as_str()));
    }
    Some(ours)
}

/// A hint of Typst's about its own command line (`--root`), which zongjie
/// does not have.
fn about_the_cli(hint: &str) -> bool {
    hint.contains("--root") || hint.contains("--font-path") && hint.contains("typst")
}

fn typst_rendering(world: &DocWorld, diagnostic: &SourceDiagnostic) -> String {
    let mut buffer = typst_kit::diagnostics::termcolor::NoColor::new(Vec::new());
    let mut diagnostic = diagnostic.clone();
    diagnostic.hints.retain(|h| !about_the_cli(&h.v));
    if typst_kit::diagnostics::emit(
        &mut buffer,
        world,
        std::iter::once(&diagnostic),
        typst_kit::diagnostics::DiagnosticFormat::Human,
    )
    .is_err()
    {
        return format!("{}\n", diagnostic.message);
    }
    String::from_utf8_lossy(&buffer.into_inner()).into_owned()
}

#[cfg(test)]
mod guard_tests {
    use super::*;

    #[test]
    fn a_panic_inside_typst_is_an_error_of_the_document() {
        let err =
            guarded(Stage::Layout, || -> Result<(), TypstError> { panic!("glyphs fell out of range") }).unwrap_err();
        assert_eq!(err.first, "Typst failed inside its layout (glyphs fell out of range)");
        assert_eq!(err.rendered(Lang::En), "error: Typst failed inside its layout (glyphs fell out of range)\n\n");
        assert!(err.rendered(Lang::Zh).contains("Typst 排版时出错（glyphs fell out of range）"));
        assert!(err.image.is_none());
        assert_eq!(guarded(Stage::Layout, || Ok(7)).ok(), Some(7));
    }
}
