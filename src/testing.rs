//! What the integration tests and the fuzz crate reach beyond the public
//! API, behind the `testing` feature (not part of the library's API): the
//! writer's property harness, the Markdown parser options, the loading and
//! rendering steps one by one, a compile of a `.typ` file, and the checks
//! on images and fonts at the engine's boundary with what Typst does with
//! what passes them.

use std::path::Path;
use std::sync::Arc;

pub use crate::base::image::{Kind as ImageKind, vet as vet_image};
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
    crate::write::chart::to_typst(yaml).map_err(|e| e.english())
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
    crate::compile::pdf::layout(&world)
        .map(|(document, _)| document)
        .map_err(|e| e.rendered(crate::base::lang::Lang::En))
}

/// Decodes an image as Typst does (the kind [`vet_image`] found): its size
/// in points, or Typst's error.
pub fn decode_image(bytes: &[u8], kind: ImageKind) -> Result<(f64, f64), String> {
    use typst::visualize::{ImageFormat, RasterImage, SvgImage};
    let data = typst::foundations::Bytes::new(bytes.to_vec());
    let format = match kind {
        ImageKind::Png => typst::visualize::ExchangeFormat::Png,
        ImageKind::Jpeg => typst::visualize::ExchangeFormat::Jpg,
        ImageKind::Gif => typst::visualize::ExchangeFormat::Gif,
        ImageKind::Svg => {
            let svg = SvgImage::new(data).map_err(|e| format!("{e:?}"))?;
            return Ok((svg.width(), svg.height()));
        }
    };
    let _ = ImageFormat::Raster(format.into());
    let image = RasterImage::plain(data, format).map_err(|e| e.to_string())?;
    Ok((f64::from(image.width()), f64::from(image.height())))
}

/// Makes a panic that the engine's guard catches (`base::guard`, as in
/// the image check's read of an SVG) an error rather than a crash, as the
/// command does: a fuzz target calls it once, after libFuzzer set its hook.
/// Panics outside a guard still reach that hook.
pub fn install_panic_guard() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(crate::base::guard::install);
}

/// Drops Typst's memoized results (decoded images among them), as the
/// engine does after each document: a fuzz target calls it after each
/// input, or the cache grows with every input until the RSS limit.
pub fn evict_memo() {
    comemo::evict(0);
}

/// Reads a font file as the font scan does: refused when its character map
/// is damaged, else Typst's information on its first face (its family).
pub fn scan_font(bytes: &[u8]) -> Result<Option<String>, String> {
    match crate::compile::fonts::read(bytes, 0) {
        (_, Some(why)) => Err(why.reason().english()),
        (info, None) => Ok(info.map(|info| info.family)),
    }
}
