//! What the integration tests and the fuzz crate reach beyond the public
//! API, behind the `testing` feature (not part of the library's API): the
//! writer's property harness, the Markdown parser options, the loading and
//! rendering steps one by one, and a compile of a `.typ` file.

use std::path::Path;
use std::sync::Arc;

pub use crate::base::markdown::{fnv1a, parser_options};
pub use crate::data::mdfile::MdFile;
pub use crate::engine::verify;
pub use typst_layout::PagedDocument;

use crate::compile::fonts::Fonts;
use crate::compile::world::{DocWorld, Shared};
use crate::data::Document;
use crate::render::{TemplateInfo, Templates};

/// The Typst code of a chart block, or what is wrong with its data.
pub fn chart_to_typst(yaml: &str) -> Result<String, String> {
    crate::write::chart::to_typst(yaml)
}

/// A document's Markdown body from its data, as `build` renders it (no
/// unit returns: a bulletin's roll-up is then empty); the error as text.
pub fn render_markdown(
    templates: &Templates,
    info: &TemplateInfo,
    doc: &Document,
    today: chrono::NaiveDate,
) -> Result<String, String> {
    let figures = crate::derive::derive(doc, today, None).map_err(|e| e.0.to_string())?;
    let context = crate::render::context::context(doc, &figures);
    templates.render_markdown(info, doc.lang, &context).map_err(|e| e.to_string())
}

/// Lays out a Typst source (a `.typ` output) with files from `root`.
pub fn layout_typ(fonts: Arc<Fonts>, root: &Path, text: String) -> Result<PagedDocument, String> {
    let world = DocWorld::new(Shared { fonts, epoch: Some(0) }, root, text).map_err(|e| e.to_string())?;
    crate::compile::pdf::layout(&world).map(|(document, _)| document).map_err(|e| e.rendered)
}
