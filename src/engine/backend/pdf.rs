//! The PDF: the Typst source compiled in-process and exported.

use std::time::Instant;

use super::{Assembled, Backend, Format};
use crate::base::diag::Diagnostic;
use crate::compile::pdf::{self as compile, TypstError};
use crate::compile::world::DocWorld;
use crate::engine::{BuildError, keep_source, refused_image};

/// Compiles and writes the PDF.
pub(crate) struct Pdf;

impl Backend for Pdf {
    fn format(&self) -> Format {
        Format::Pdf
    }

    fn write(&self, doc: &mut Assembled<'_>) -> Result<Option<Vec<u8>>, BuildError> {
        let shared = doc.engine.shared.clone();
        let (input, text, root) = (doc.input, doc.text.clone(), doc.root.clone());
        let typeset = doc.typst()?;
        let ours = typeset.ours;
        let main = &typeset.main;
        let world = match &main.module {
            Some(m) => DocWorld::new(shared.clone(), &root, m.main.clone())
                .map(|w| w.with_style_module(m.style.clone(), m.parts.clone())),
            None => DocWorld::new(shared.clone(), &root, main.text.clone()).map(|w| w.with_parts(main.parts.clone())),
        }
        .map_err(|e| Diagnostic::error(format!("cannot open the data folder: {e}")).in_file(&root))?;
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
        let compiled = t.elapsed();
        let t = Instant::now();
        let pdf = compile::pdf_guarded(&world, &document, shared.epoch).map_err(typst_failed)?;
        let exported = t.elapsed();
        let warning = (!typst_warnings.is_empty())
            .then(|| Diagnostic::warning(compile::render(&world, &typst_warnings)).in_file(input));
        doc.timings.compile += compiled;
        doc.timings.export += exported;
        doc.warnings.extend(warning);
        Ok(Some(pdf))
    }
}
