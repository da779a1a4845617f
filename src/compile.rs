//! Compiling the generated Typst in-process and exporting the PDF.

use typst::diag::{SourceDiagnostic, Warned};
use typst::foundations::{Datetime, Smart};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, Timestamp};

use crate::world::DocWorld;

/// Typst refused the document.
#[derive(Debug)]
pub struct TypstError {
    /// The diagnostics, rendered with their source lines.
    pub rendered: String,
    /// The first message, for one-line summaries.
    pub first: String,
}

/// Lays the document out.
pub fn layout(world: &DocWorld) -> Result<(PagedDocument, Vec<SourceDiagnostic>), TypstError> {
    let Warned { output, warnings } = typst::compile::<PagedDocument>(world);
    match output {
        Ok(doc) => Ok((doc, warnings.into_iter().collect())),
        Err(errors) => {
            Err(TypstError { rendered: render(world, errors.iter().chain(&warnings)), first: first(&errors) })
        }
    }
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
    typst_pdf::pdf(document, &options)
        .map_err(|errors| TypstError { rendered: render(world, errors.iter()), first: first(&errors) })
}

fn first(errors: &[SourceDiagnostic]) -> String {
    errors.first().map_or_else(|| "unknown error".into(), |e| e.message.to_string())
}

/// Typst's own rendering of diagnostics, with source lines.
pub fn render<'a>(world: &DocWorld, diagnostics: impl IntoIterator<Item = &'a SourceDiagnostic>) -> String {
    let mut buffer = typst_kit::diagnostics::termcolor::NoColor::new(Vec::new());
    let diagnostics: Vec<&SourceDiagnostic> = diagnostics.into_iter().collect();
    if typst_kit::diagnostics::emit(
        &mut buffer,
        world,
        diagnostics.iter().copied(),
        typst_kit::diagnostics::DiagnosticFormat::Human,
    )
    .is_err()
    {
        return diagnostics.iter().map(|d| d.message.to_string()).collect::<Vec<_>>().join("\n");
    }
    String::from_utf8_lossy(&buffer.into_inner()).into_owned()
}
