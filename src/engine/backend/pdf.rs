//! The PDF: the Typst source compiled in-process and exported.

use crate::base::msg::msg;
use std::time::Instant;

use super::{Assembled, Backend, Format, Typeset};
use crate::base::diag::Diagnostic;
use crate::compile::pdf::{self as compile, TypstError};
use crate::compile::world::DocWorld;
use crate::engine::{BuildError, keep_source, refused_image};
use crate::write::source::MainFile;

/// Compiles and writes the PDF.
pub(crate) struct Pdf;

impl Backend for Pdf {
    fn format(&self) -> Format {
        Format::Pdf
    }

    fn write(&self, doc: &mut Assembled<'_>) -> Result<Option<Vec<u8>>, BuildError> {
        let shared = doc.engine.shared.clone();
        let (input, text, root) = (doc.input, doc.text.clone(), doc.root.clone());
        doc.typst()?;
        // The PDF is the Typst source's last user: it takes it, uncopied.
        let Some(Typeset { main, ours }) = doc.typst.take() else { unreachable!("made above") };
        let MainFile { text: source, parts, module } = main;
        let world = match module {
            Some(m) => DocWorld::new(shared.clone(), &root, m.main).map(|w| w.with_style_module(m.style, m.parts)),
            None => DocWorld::new(shared.clone(), &root, source.clone()).map(|w| w.with_parts(parts)),
        }
        .map_err(|e| {
            Diagnostic::error(msg!(CannotOpenDataFolder, reason = crate::base::file::io_reason(&e))).in_file(&root)
        })?;
        let typst_failed = |error: TypstError| match &error.image {
            // An image Typst cannot read is the input's fault.
            Some(image) => refused_image(input, &text, image, msg!(CannotBeUsed, reason = error.first.as_str()))
                .hint(msg!(SaveAsImageNoLinks))
                .into(),
            // The self-contained source, which compiles on its own.
            None => BuildError::Typst { kept: keep_source(input, &source), error, ours, lang: None },
        };
        let t = Instant::now();
        let (document, typst_warnings) = compile::layout_guarded(&world).map_err(typst_failed)?;
        let compiled = t.elapsed();
        let t = Instant::now();
        let engine = doc.engine;
        let options = &engine.options;
        let pdf = if options.formats.contains(&Format::Pdf) {
            compile::pdf_guarded(&world, &document, shared.epoch).map_err(typst_failed)?
        } else {
            Vec::new()
        };
        if options.pages {
            doc.pages = crate::compile::preview::pages(&document);
        }
        let exported = t.elapsed();
        let warnings = compile::render(&world, &typst_warnings).into_iter().map(|w| match w {
            compile::Rendered::Located(d) => d,
            compile::Rendered::Typst(text) => Diagnostic::warning(msg!(TypstWarns, detail = text)).in_file(input),
        });
        doc.timings.compile += compiled;
        doc.timings.export += exported;
        doc.warnings.extend(warnings);
        Ok(Some(pdf))
    }
}
