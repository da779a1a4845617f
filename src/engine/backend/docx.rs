//! The `.docx` (Word, WPS): the same document as the PDF, laid out for Word.
//! Images are read here, inside the data folder, as the PDF's are.

use super::{Assembled, Backend, Format};
use crate::base::sandbox;
use crate::engine::BuildError;
use crate::write::docx;

/// Writes the Word file.
pub(crate) struct Docx;

impl Backend for Docx {
    fn format(&self) -> Format {
        Format::Docx
    }

    fn write(&self, doc: &mut Assembled<'_>) -> Result<Option<Vec<u8>>, BuildError> {
        // The body's charts and images are checked as for the PDF.
        doc.check_body()?;
        let root = doc.root.canonicalize().ok();
        let image = |dest: &str| -> Option<Vec<u8>> {
            if sandbox::refused_by_name(dest).is_some() {
                return None;
            }
            let path = sandbox::resolve(root.as_deref()?, dest).ok()?;
            // Pictures beyond this size are left as their text.
            let meta = std::fs::metadata(&path).ok()?;
            (meta.len() <= MAX_PICTURE_BYTES).then(|| std::fs::read(&path).ok()).flatten()
        };
        // An SVG's text in the PDF's faces, the body's families first.
        let fonts = &doc.engine.shared.fonts;
        let database = || fonts.svg_database();
        let families = doc.fonts.get(crate::compile::fonts::Role::Body).to_vec();
        let svg_fonts = docx::SvgFonts { database: &database, families: &families };
        let input = docx::Input {
            meta: &doc.md.meta,
            body: &doc.md.body,
            epoch: doc.engine.shared.epoch,
            image: &image,
            reference: doc.engine.options.reference_docx.as_deref(),
            draft: doc.engine.options.draft,
            svg_fonts: &svg_fonts,
        };
        let bytes = docx::write(&input).map_err(|e| {
            crate::base::diag::Diagnostic::error(crate::base::msg::msg!(WordNotWritten, reason = e.0.as_str()))
                .in_file(doc.input)
        })?;
        Ok(Some(bytes))
    }
}

/// The largest picture embedded in a Word file.
const MAX_PICTURE_BYTES: u64 = 32 * 1024 * 1024;
