//! The properties every conversion must have, and a minimal Typst world to
//! verify them: shared by the writer's unit tests, the property tests
//! (`tests/properties.rs`) and the fuzz targets (`fuzz/`). Not part of the
//! engine; public only so that those can reach it.
//!
//! The world holds the main file in memory, the fonts embedded in
//! typst-assets and a tiny image for every image path (of the format its
//! extension names); no packages, no clock.

use std::sync::LazyLock;

use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};
use typst::diag::{FileError, FileResult, Severity, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::layout::FrameItem;
use typst::syntax::{FileId, Source};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, World, WorldExt};
use typst_layout::PagedDocument;

use crate::base::markdown::parser_options;
use crate::compile::fonts::Fonts;
use crate::compile::world::LIBRARY;
use crate::engine::ChartEmbeds;
use crate::write::typst::{Options, WriterError, to_typst};

static FONTS: LazyLock<Fonts> = LazyLock::new(Fonts::embedded_only);

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
pub struct TestWorld {
    main: Source,
}

impl TestWorld {
    pub fn new(text: &str) -> Self {
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
pub fn compile(text: &str) -> Result<PagedDocument, String> {
    compile_with_warnings(text).map(|(document, _)| document)
}

/// Compiles `text` and also returns its warnings, described.
pub fn compile_with_warnings(text: &str) -> Result<(PagedDocument, Vec<String>), String> {
    let world = TestWorld::new(text);
    let result = typst::compile::<PagedDocument>(&world);
    // Typst memoises across calls: keep long runs (fuzzing) flat in memory.
    comemo::evict(10);
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
pub fn document_text(document: &PagedDocument) -> String {
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

/// Whether the test world can serve an image at `dest` as the engine would:
/// it has samples of PNG, JPEG and GIF and serves SVG for any other path,
/// which Typst would read as WebP, PDF or SVGZ by those extensions. Paths
/// the engine refuses before compiling (URLs, absolute paths, paths that
/// climb out of the data folder) are not served either.
pub fn servable(dest: &str) -> bool {
    // Any `..` counts as refused here: the engine refuses those that climb
    // out of the data folder, which this world has not.
    let refused =
        crate::base::sandbox::refused_by_name(dest).is_some() || dest.split(['/', '\\']).any(|part| part == "..");
    let extension =
        dest.rsplit(['/', '\\']).next().and_then(|name| name.rsplit_once('.')).map(|(_, e)| e.to_ascii_lowercase());
    !refused && !matches!(extension.as_deref(), Some("webp" | "pdf" | "svgz"))
}

/// The alphanumeric words of the text a reader sees: the `Text` and `Code`
/// events of the Markdown, outside chart blocks. Text inside an image (its
/// description) becomes the image's `alt`, which is not laid out: those
/// words are returned second.
pub fn visible_words(markdown: &str) -> (Vec<String>, Vec<String>) {
    let (mut shown, mut alt) = (Vec::new(), Vec::new());
    let mut in_image = 0usize;
    let mut in_chart = false;
    for event in Parser::new_ext(markdown, parser_options()) {
        match event {
            Event::Start(Tag::Image { .. }) => in_image += 1,
            Event::End(TagEnd::Image) => in_image = in_image.saturating_sub(1),
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                in_chart = info.split_whitespace().next() == Some("chart");
            }
            Event::End(TagEnd::CodeBlock) => in_chart = false,
            Event::Text(_) if in_chart => {}
            Event::Text(t) | Event::Code(t) => {
                let target = if in_image > 0 { &mut alt } else { &mut shown };
                target.extend(words(&t).map(str::to_owned));
            }
            _ => {}
        }
    }
    (shown, alt)
}

/// The markup without the `\u{200b}` escapes of break opportunities: an
/// escape only where its `\` is not itself escaped (`\\u{200b}` is a
/// backslash and the text `u{200b}`, which a person may have written).
pub fn without_breaks(markup: &str) -> String {
    let mut out = String::with_capacity(markup.len());
    let mut rest = markup;
    while let Some(at) = rest.find('\\') {
        out.push_str(&rest[..at]);
        let escape = &rest[at..];
        if let Some(after) = escape.strip_prefix("\\u{200b}") {
            rest = after;
        } else {
            // `\` and the character it escapes, kept as written.
            let len = escape[1..].chars().next().map_or(1, |c| 1 + c.len_utf8());
            out.push_str(&escape[..len]);
            rest = &escape[len..];
        }
    }
    out.push_str(rest);
    out
}

/// The maximal runs of alphanumeric characters.
pub fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty())
}

/// Only the alphanumeric characters: the writer may put escapes, markup and
/// line breaks between words, and Typst splits text runs anywhere.
pub fn alnum(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// The first alphanumeric character that the words hold more often than the
/// laid-out text, if any. Order is not compared: layout puts right-to-left
/// text and its combining marks in visual order (`ׇו` is laid out as `וׇ`).
pub fn missing_chars<'a>(words: impl Iterator<Item = &'a str>, laid_out: &str) -> Option<char> {
    let mut counts = std::collections::HashMap::<char, isize>::new();
    for c in laid_out.chars().filter(|c| c.is_alphanumeric()) {
        *counts.entry(c).or_default() += 1;
    }
    for c in words.flat_map(str::chars) {
        let n = counts.entry(c).or_default();
        *n -= 1;
        if *n < 0 {
            return Some(c);
        }
    }
    None
}

/// Whether the test world's fonts have every character of `text` that needs
/// a glyph.
pub fn covered(text: &str) -> bool {
    let book = FONTS.book();
    let mut seen = std::collections::HashSet::new();
    text.chars()
        .filter(|&c| crate::base::text::is_printed(c) && seen.insert(c))
        .all(|c| (0..).map_while(|i| book.info(i)).any(|info| info.coverage.contains(c as u32)))
}

/// Stands in for the style's `zj-chart`, with its parameters.
const CHART_STUB: &str =
    "#let zj-chart(kind: none, scale: none, title: none, unit: none, labels: (), series: ()) = []\n";

/// Checks the writer's properties on one Markdown text: it converts (a
/// chart block with wrong data is the user's error and ends the check); the
/// markup is a fragment (empty, or one final newline), parses without
/// errors and holds every alphanumeric word of the text. With `compile`, the
/// markup also compiles (nesting deeper than Typst allows is flattened,
/// never an error) and every letter of the text is laid out.
pub fn check_writer(markdown: &str, compile: bool) -> Result<(), String> {
    let converted = match to_typst(markdown, &Options::default(), &ChartEmbeds) {
        Ok(converted) => converted,
        Err(WriterError::Embed { .. }) => return Ok(()),
    };
    let markup = &converted.markup;
    let context = || format!("\n--- markdown\n{markdown:?}\n--- typst\n{markup}");
    if !(markup.is_empty() || (markup.ends_with('\n') && !markup.ends_with("\n\n"))) {
        return Err(format!("not a fragment{}", context()));
    }
    let (errors, _) = typst::syntax::parse(markup).errors_and_warnings();
    if !errors.is_empty() {
        let messages: Vec<_> = errors.iter().map(|e| e.message.to_string()).collect();
        return Err(format!("the markup does not parse: {messages:?}{}", context()));
    }
    let (shown, alt) = visible_words(markdown);
    // Long runs get zero-width spaces, written `\u{200b}`, between their
    // characters.
    let hay = alnum(&without_breaks(markup));
    if let Some(word) = shown.iter().chain(&alt).find(|word| !hay.contains(word.as_str())) {
        return Err(format!("word {word:?} lost{}", context()));
    }
    // The engine lays out only text its fonts cover (the preflight stops
    // the build before Typst runs otherwise): so does this check.
    if compile && converted.images.iter().all(|dest| servable(dest)) && covered(markup) {
        let document = self::compile(&format!("{CHART_STUB}{markup}"))
            .map_err(|e| format!("does not compile: {e}{}", context()))?;
        let text = document_text(&document);
        if let Some(missing) = missing_chars(shown.iter().map(String::as_str), &text) {
            return Err(format!("{missing:?} not laid out{}\n--- text\n{text}", context()));
        }
    }
    Ok(())
}
