//! A minimal Typst world for the writer's tests: the main file from memory,
//! the fonts embedded in typst-assets, a tiny image for every image path (of
//! the format its extension names), no packages, no clock.

use std::sync::LazyLock;

use typst::diag::{FileError, FileResult, Severity, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::layout::FrameItem;
use typst::syntax::{FileId, Source};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};
use typst_kit::fonts::FontStore;
use typst_layout::PagedDocument;

static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::builder().build()));

static FONTS: LazyLock<FontStore> = LazyLock::new(|| {
    let mut fonts = FontStore::new();
    fonts.extend(typst_kit::fonts::embedded());
    fonts
});

/// A 10×10 pt square, served for every image path without a raster
/// extension.
const SVG: &[u8] =
    br#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>"#;
/// 1×1 grey pixel.
const PNG: &[u8] = b"\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x01\x00\x00\x00\x01\x08\x00\x00\x00\x00\x3a\x7e\x9b\x55\x00\x00\x00\x0a\x49\x44\x41\x54\x78\x9c\x63\x68\x00\x00\x00\x82\x00\x81\x77\xcd\x72\xb6\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82";
/// 8×8 grey pixels: baseline, one component, all coefficients zero.
const JPEG: &[u8] = b"\xff\xd8\xff\xdb\x00\x43\x00\x01\x01\x01\x01\x01\x01\x01\x01\x01\
    \x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\
    \x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\
    \x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\
    \x01\x01\x01\x01\x01\x01\x01\xff\xc0\x00\x0b\x08\x00\x08\x00\x08\
    \x01\x01\x11\x00\xff\xc4\x00\x14\x00\x01\x00\x00\x00\x00\x00\x00\
    \x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\xff\xc4\x00\x14\x10\x01\
    \x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\
    \xff\xda\x00\x08\x01\x01\x00\x00\x3f\x00\x3f\xff\xd9";
/// 1×1 pixel.
const GIF: &[u8] = b"\x47\x49\x46\x38\x39\x61\x01\x00\x01\x00\x80\x00\x00\x00\xff\xff\xff\x00\x00\x00\x21\xf9\x04\x01\x00\x00\x00\x00\x2c\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02\x44\x01\x00\x3b";

/// One document in memory.
pub(super) struct TestWorld {
    main: Source,
}

impl TestWorld {
    pub(super) fn new(text: &str) -> Self {
        Self { main: Source::detached(text) }
    }
}

impl World for TestWorld {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        FONTS.book()
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() { Ok(self.main.clone()) } else { Err(FileError::AccessDenied) }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        let extension = id.get().vpath().extension().map(str::to_ascii_lowercase);
        Ok(Bytes::new(match extension.as_deref() {
            Some("png") => PNG,
            Some("jpg" | "jpeg") => JPEG,
            Some("gif") => GIF,
            _ => SVG,
        }))
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.font(index)
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}

/// Compiles `text` (a whole Typst document) to a laid-out document, or
/// returns the errors with the source they point at.
pub(super) fn compile(text: &str) -> Result<PagedDocument, String> {
    let world = TestWorld::new(text);
    let result = typst::compile::<PagedDocument>(&world);
    let document = result.output.map_err(|errors| describe(&world, &errors))?;
    Ok(document)
}

/// Compiles `text` and also returns its warnings, described.
pub(super) fn compile_with_warnings(text: &str) -> Result<(PagedDocument, Vec<String>), String> {
    let world = TestWorld::new(text);
    let result = typst::compile::<PagedDocument>(&world);
    let warnings = result.warnings.iter().map(|w| describe(&world, std::slice::from_ref(w))).collect();
    let document = result.output.map_err(|errors| describe(&world, &errors))?;
    Ok((document, warnings))
}

fn describe(world: &TestWorld, diagnostics: &[SourceDiagnostic]) -> String {
    let mut out = String::new();
    for diagnostic in diagnostics {
        let severity = match diagnostic.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let at = diagnostic
            .span
            .id()
            .filter(|&id| id == world.main.id())
            .and_then(|_| world.range(diagnostic.span))
            .map(|range| {
                let text = world.main.text();
                let start = range.start.saturating_sub(40);
                let end = (range.end + 40).min(text.len());
                let start = (0..=start).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
                let end = (end..=text.len()).find(|&i| text.is_char_boundary(i)).unwrap_or(end);
                format!(" at {:?}", &text[start..end])
            })
            .unwrap_or_default();
        out.push_str(&format!("{severity}: {}{at}\n", diagnostic.message));
        for hint in &diagnostic.hints {
            out.push_str(&format!("  hint: {}\n", hint.v));
        }
    }
    out
}

/// The text of every text run of the document, in layout order, each run
/// followed by a space.
pub(super) fn document_text(document: &PagedDocument) -> String {
    let mut text = String::new();
    for page in document.pages() {
        // Depth-first, in item order: a stack of item iterators.
        let mut stack = vec![page.frame.items()];
        while let Some(items) = stack.last_mut() {
            match items.next() {
                Some((_, FrameItem::Group(group))) => stack.push(group.frame.items()),
                Some((_, FrameItem::Text(item))) => {
                    text.push_str(&item.text);
                    text.push(' ');
                }
                Some(_) => {}
                None => {
                    stack.pop();
                }
            }
        }
    }
    text
}
