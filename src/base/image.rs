//! What an image may cost, decided from its bytes before anything decodes
//! it: its kind from its first bytes, its size in pixels from its header,
//! what a compressed SVG inflates to, and how much an SVG asks of the
//! renderer (elements, text, filters, and the pictures embedded in it).
//!
//! Every way an image enters a document goes through [`vet`]: the images
//! of the Markdown body (for every output format and for `check`), and the
//! files a template's Typst style reads. Typst and the Word writer only
//! ever see images that passed.

use super::msg::{Message, msg};
use std::io::Read as _;

/// The kinds of image a document can use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Png,
    Jpeg,
    Gif,
    /// SVG text, or gzipped SVG (`.svgz`).
    Svg,
}

impl Kind {
    /// The name a message gives the kind.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Png => "PNG",
            Kind::Jpeg => "JPEG",
            Kind::Gif => "GIF",
            Kind::Svg => "SVG",
        }
    }

    /// Whether a file name's extension fits the kind; `None` when the
    /// extension names no image kind (Typst then goes by the bytes).
    fn fits(self, ext: &str) -> Option<bool> {
        let kind = match ext.to_ascii_lowercase().as_str() {
            "png" => Kind::Png,
            "jpg" | "jpeg" | "jpe" | "jfif" => Kind::Jpeg,
            "gif" => Kind::Gif,
            "svg" | "svgz" => Kind::Svg,
            "webp" | "pdf" | "bmp" | "tif" | "tiff" | "ico" | "avif" | "heic" => return Some(false),
            _ => return None,
        };
        Some(kind == self)
    }
}

/// The most pixels an image may have: 40 million (8000 × 5000, a large
/// camera's photo). Decoded, that is 160 MB.
pub const MAX_PIXELS: u64 = 40_000_000;
/// The largest image file read.
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;
/// The most an SVG's text may be, after a `.svgz` is inflated.
pub const MAX_SVG_BYTES: usize = 8 * 1024 * 1024;
/// The most elements an SVG may have.
pub const MAX_SVG_ELEMENTS: usize = 50_000;
/// The most characters of text an SVG may lay out.
pub const MAX_SVG_TEXT: usize = 20_000;
/// The most filter steps (`<feGaussianBlur>` and the like) an SVG may have.
pub const MAX_SVG_FILTER_STEPS: usize = 64;
/// The largest area a filter may be applied to, in the SVG's own units
/// (pixels), counted over all filter steps: 4000 × 4000 once, or a smaller
/// area as many times.
pub const MAX_SVG_FILTER_AREA: f64 = 16_000_000.0;
/// The most a compressed part of a PNG (a colour profile, text) may
/// inflate to.
const MAX_PNG_CHUNK_INFLATED: u64 = 16 * 1024 * 1024;

/// Why an image cannot be used, as the end of a sentence starting with the
/// image's name ("… is 60000 × 60000 pixels …"), and what to do.
#[derive(Debug, Clone, PartialEq)]
pub struct Refusal {
    pub why: Message,
    pub hint: Message,
}

fn refuse(why: Message, hint: Message) -> Refusal {
    Refusal { why, hint }
}

fn save_as() -> Message {
    msg!(SaveAsImage)
}

/// Whether the bytes look like an image at all (of any kind, also the ones
/// refused), so that a file read by a template can be told from data.
pub fn looks_like_one(bytes: &[u8]) -> bool {
    sniff(bytes).is_some()
        || bytes.starts_with(b"%PDF-")
        || (bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP"))
}

/// The kind the first bytes say, without checking the rest.
fn sniff(bytes: &[u8]) -> Option<Kind> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(Kind::Png)
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(Kind::Jpeg)
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        Some(Kind::Gif)
    } else if bytes.starts_with(&[0x1F, 0x8B]) || is_svg_text(bytes) {
        Some(Kind::Svg)
    } else {
        None
    }
}

/// SVG text: XML (in any encoding: a UTF-16 one is refused later, by name)
/// with an `<svg` element near its start.
fn is_svg_text(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    let text: String = if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        head.iter().filter(|b| **b != 0 && b.is_ascii()).map(|b| char::from(*b)).collect()
    } else {
        String::from_utf8_lossy(head).into_owned()
    };
    let lower = text.to_ascii_lowercase();
    let trimmed = lower.trim_start_matches(['\u{feff}', '\u{fffd}', '\u{fe}', '\u{ff}']).trim_start();
    trimmed.starts_with('<') && lower.contains("<svg")
}

/// Checks an image: its kind (which the extension `ext` of its name, when
/// it names an image kind, must agree with), its size in pixels, what it
/// inflates to, and for an SVG its complexity and the pictures inside it.
pub fn vet(bytes: &[u8], ext: &str) -> Result<Kind, Refusal> {
    let Some(kind) = sniff(bytes) else {
        let what = if bytes.is_empty() {
            msg!(ImageEmpty)
        } else if bytes.starts_with(b"%PDF-") {
            msg!(ImagePdf)
        } else if bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
            msg!(ImageWebp)
        } else {
            msg!(ImageUnknownKind)
        };
        return Err(refuse(what, save_as()));
    };
    if kind.fits(ext) == Some(false) {
        return Err(refuse(
            msg!(ImageWrongExt, kind = kind.name(), ext = ext),
            msg!(RenameImage, ext = preferred_ext(kind, bytes)),
        ));
    }
    match kind {
        Kind::Png => png(bytes),
        Kind::Jpeg => jpeg(bytes),
        Kind::Gif => gif(bytes),
        Kind::Svg => svg(bytes, 0),
    }?;
    Ok(kind)
}

fn preferred_ext(kind: Kind, bytes: &[u8]) -> &'static str {
    match kind {
        Kind::Png => "png",
        Kind::Jpeg => "jpg",
        Kind::Gif => "gif",
        Kind::Svg if bytes.starts_with(&[0x1F, 0x8B]) => "svgz",
        Kind::Svg => "svg",
    }
}

fn damaged(kind: &str, what: Message) -> Refusal {
    refuse(msg!(ImageDamaged, kind = kind, what = what), msg!(SaveImageAgain))
}

/// Refuses a picture of more than [`MAX_PIXELS`].
fn within_budget(width: u64, height: u64) -> Result<(), Refusal> {
    if width == 0 || height == 0 {
        return Err(refuse(msg!(ImageSaysSize, width = width, height = height), msg!(SaveImageAgain)));
    }
    if width.saturating_mul(height) > MAX_PIXELS {
        return Err(refuse(msg!(ImageTooManyPixels, width = width, height = height), msg!(MakeImageSmaller)));
    }
    Ok(())
}

fn be16(b: &[u8], at: usize) -> Option<u64> {
    Some(u64::from(u16::from_be_bytes(b.get(at..at + 2)?.try_into().ok()?)))
}

fn be32(b: &[u8], at: usize) -> Option<u64> {
    Some(u64::from(u32::from_be_bytes(b.get(at..at + 4)?.try_into().ok()?)))
}

fn le16(b: &[u8], at: usize) -> Option<u64> {
    Some(u64::from(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?)))
}

/// A PNG: its header's size, every chunk whole up to `IEND`, and its
/// compressed colour profile and texts within bounds.
fn png(b: &[u8]) -> Result<(), Refusal> {
    let cut = || damaged("PNG", msg!(CutShort));
    if b.get(12..16) != Some(b"IHDR") {
        return Err(damaged("PNG", msg!(NoHeader)));
    }
    within_budget(be32(b, 16).ok_or_else(cut)?, be32(b, 20).ok_or_else(cut)?)?;
    let mut at = 8usize;
    let mut chunks = 0usize;
    loop {
        let len = usize::try_from(be32(b, at).ok_or_else(cut)?).map_err(|_| cut())?;
        let kind = b.get(at + 4..at + 8).ok_or_else(cut)?;
        let data = b.get(at + 8..(at + 8).checked_add(len).ok_or_else(cut)?).ok_or_else(cut)?;
        match kind {
            b"IEND" => return Ok(()),
            b"iCCP" | b"zTXt" => inflated_within(skip_name(data).get(1..).unwrap_or_default())?,
            b"iTXt" => {
                // keyword\0, compression flag, method, language\0, keyword\0, text
                let rest = skip_name(data);
                if rest.first() == Some(&1) {
                    let rest = skip_name(skip_name(rest.get(2..).unwrap_or_default()));
                    inflated_within(rest)?;
                }
            }
            _ => {}
        }
        chunks += 1;
        if chunks > 100_000 {
            return Err(damaged("PNG", msg!(TooManyParts)));
        }
        at += 12 + len;
    }
}

/// The bytes after a NUL-terminated name.
fn skip_name(data: &[u8]) -> &[u8] {
    data.iter().position(|c| *c == 0).map_or(&[][..], |nul| &data[nul + 1..])
}

/// Refuses zlib data that inflates to more than a PNG chunk may.
fn inflated_within(zlib: &[u8]) -> Result<(), Refusal> {
    let mut decoder = flate2::read::ZlibDecoder::new(zlib).take(MAX_PNG_CHUNK_INFLATED + 1);
    let mut sink = Sink(0);
    let _ = std::io::copy(&mut decoder, &mut sink);
    if sink.0 > MAX_PNG_CHUNK_INFLATED {
        return Err(refuse(msg!(ProfileInflates), msg!(SaveWithoutMetadata)));
    }
    Ok(())
}

/// Counts what is written to it.
struct Sink(u64);

impl std::io::Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len() as u64;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The most scans a JPEG may have: a progressive photo has about ten; each
/// scan makes the decoder go over the whole picture again.
const MAX_JPEG_SCANS: usize = 256;

/// A JPEG: the size its frame header gives, found by walking the segments,
/// and how many scans it has.
fn jpeg(b: &[u8]) -> Result<(), Refusal> {
    let cut = || damaged("JPEG", msg!(CutShort));
    let mut at = 2usize;
    let mut frame = false;
    let mut scans = 0usize;
    loop {
        if at >= b.len() && frame {
            // The end of the data without an end marker: decoders stop there.
            return Ok(());
        }
        // Fill bytes (0xFF runs) may come before a marker.
        while b.get(at) == Some(&0xFF) && b.get(at + 1) == Some(&0xFF) {
            at += 1;
        }
        if b.get(at) != Some(&0xFF) {
            return Err(damaged("JPEG", msg!(StructureBroken)));
        }
        let marker = *b.get(at + 1).ok_or_else(cut)?;
        if matches!(marker, 0xD0..=0xD7 | 0x01) {
            at += 2;
            continue;
        }
        if marker == 0xD9 {
            return if frame { Ok(()) } else { Err(damaged("JPEG", msg!(NoFrameHeader))) };
        }
        let len = usize::try_from(be16(b, at + 2).ok_or_else(cut)?).map_err(|_| cut())?;
        match marker {
            0xC0..=0xC3 | 0xC5..=0xC7 | 0xC9..=0xCB | 0xCD..=0xCF if !frame => {
                let height = be16(b, at + 5).ok_or_else(cut)?;
                let width = be16(b, at + 7).ok_or_else(cut)?;
                within_budget(width, height)?;
                frame = true;
            }
            0xDA if !frame => return Err(damaged("JPEG", msg!(NoFrameHeader))),
            0xDA => {
                scans += 1;
                if scans > MAX_JPEG_SCANS {
                    return Err(refuse(msg!(JpegScans, max = MAX_JPEG_SCANS), msg!(SaveImageAgain)));
                }
                // The coded data runs to the next marker that is not a
                // stuffed byte (FF 00) or a restart (FF D0–D7).
                at += 2 + len;
                let marker_at = |at: usize| b[at] == 0xFF && !matches!(b[at + 1], 0x00 | 0xD0..=0xD7 | 0xFF);
                while at + 1 < b.len() && !marker_at(at) {
                    at += 1;
                }
                if at + 1 >= b.len() {
                    return Ok(());
                }
                continue;
            }
            _ => {}
        }
        if len < 2 {
            return Err(damaged("JPEG", msg!(StructureBroken)));
        }
        at += 2 + len;
    }
}

/// A GIF: its screen and every frame within the budget, every block whole.
fn gif(b: &[u8]) -> Result<(), Refusal> {
    let cut = || damaged("GIF", msg!(CutShort));
    within_budget(le16(b, 6).ok_or_else(cut)?, le16(b, 8).ok_or_else(cut)?)?;
    let flags = *b.get(10).ok_or_else(cut)?;
    let mut at = 13 + color_table(flags);
    // Skips data sub-blocks up to their terminator; returns the position after it.
    let sub_blocks = |mut at: usize| -> Result<usize, Refusal> {
        loop {
            let len = usize::from(*b.get(at).ok_or_else(cut)?);
            at += 1 + len;
            if len == 0 {
                return Ok(at);
            }
        }
    };
    let mut frames = 0usize;
    loop {
        match *b.get(at).ok_or_else(cut)? {
            0x3B => return Ok(()),
            0x21 => at = sub_blocks(at + 2)?,
            0x2C => {
                within_budget(le16(b, at + 5).ok_or_else(cut)?, le16(b, at + 7).ok_or_else(cut)?)?;
                let flags = *b.get(at + 9).ok_or_else(cut)?;
                // Descriptor, colour table, the LZW code size, then the data.
                at = sub_blocks(at + 10 + color_table(flags) + 1)?;
                frames += 1;
                if frames > 10_000 {
                    return Err(refuse(msg!(GifFrames), msg!(SaveOneFrame)));
                }
            }
            // Data after the last block that is not a trailer: GIF
            // decoders stop at it, so the first frame stands.
            _ if frames > 0 => return Ok(()),
            _ => return Err(damaged("GIF", msg!(StructureBroken))),
        }
    }
}

fn color_table(flags: u8) -> usize {
    if flags & 0x80 == 0 { 0 } else { 3 << ((flags & 7) + 1) }
}

/// An SVG, gzipped or not: what it inflates to, its encoding, and what it
/// asks of the renderer. `depth` counts SVGs embedded in SVGs.
fn svg(b: &[u8], depth: usize) -> Result<(), Refusal> {
    let inflated;
    let b = if b.starts_with(&[0x1F, 0x8B]) {
        let mut out = Vec::new();
        let mut decoder = flate2::read::GzDecoder::new(b).take(MAX_SVG_BYTES as u64 + 1);
        if decoder.read_to_end(&mut out).is_err() {
            return Err(damaged("SVGZ", msg!(CompressedBroken)));
        }
        if out.len() > MAX_SVG_BYTES {
            return Err(refuse(msg!(SvgzInflates), msg!(SimplifyDrawing)));
        }
        inflated = out;
        &inflated[..]
    } else {
        if b.len() > MAX_SVG_BYTES {
            return Err(refuse(msg!(SvgTooLarge), msg!(SimplifyDrawing)));
        }
        b
    };
    if b.starts_with(&[0xFF, 0xFE]) || b.starts_with(&[0xFE, 0xFF]) {
        return Err(refuse(msg!(SvgUtf16), msg!(SaveSvgUtf8)));
    }
    let text =
        std::str::from_utf8(b).map_err(|e| refuse(msg!(SvgNotUtf8, at = e.valid_up_to()), msg!(SaveAsUtf8Short)))?;
    let options =
        roxmltree::ParsingOptions { allow_dtd: true, nodes_limit: (MAX_SVG_ELEMENTS * 4) as u32, ..Default::default() };
    let document = roxmltree::Document::parse_with_options(text.trim_start_matches('\u{feff}'), options)
        .map_err(|e| damaged("SVG", Message::verbatim(e.to_string())))?;
    let mut elements = 0usize;
    let mut text_chars = 0usize;
    let mut steps = 0usize;
    let mut filter_area = 0.0f64;
    let (width, height) = canvas(document.root_element());
    for node in document.descendants() {
        if node.is_text() {
            if node.ancestors().any(|a| a.tag_name().name() == "text") {
                text_chars += node.text().map_or(0, |t| t.chars().count());
            }
            continue;
        }
        if !node.is_element() {
            continue;
        }
        elements += 1;
        let name = node.tag_name().name();
        if name.starts_with("fe") && node.parent().is_some_and(|p| p.tag_name().name() == "filter") {
            steps += 1;
            let filter = node.parent().unwrap_or(node);
            filter_area += region(filter, width, height);
        }
        if name == "image" {
            let href = node.attributes().find(|a| a.name() == "href").map(|a| a.value().trim()).unwrap_or_default();
            if let Some(data) = href.strip_prefix("data:") {
                embedded(data, depth)?;
            } else if !href.is_empty() {
                // Typst would refuse it when it lays the page out; refused
                // here, `check` and every format say so alike.
                let shown: String = href.chars().take(80).collect();
                return Err(refuse(msg!(SvgLinks, link = shown), msg!(EmbedThePicture)));
            }
        }
    }
    if elements > MAX_SVG_ELEMENTS {
        return Err(refuse(msg!(SvgElements, count = elements, max = MAX_SVG_ELEMENTS), msg!(SimplifyDrawing)));
    }
    if text_chars > MAX_SVG_TEXT {
        return Err(refuse(msg!(SvgText, count = text_chars, max = MAX_SVG_TEXT), msg!(LongTextInDocument)));
    }
    if steps > MAX_SVG_FILTER_STEPS {
        return Err(refuse(msg!(SvgFilterSteps, count = steps, max = MAX_SVG_FILTER_STEPS), msg!(SaveAsPng)));
    }
    if filter_area > MAX_SVG_FILTER_AREA {
        return Err(refuse(msg!(SvgFilterArea), msg!(MakeDrawingSmaller)));
    }
    if depth == 0 {
        renderer_reads(text.trim_start_matches('\u{feff}'))?;
    }
    Ok(())
}

/// Reads the drawing once with usvg, the SVG reader of Typst and of the
/// Word writer, guarded: usvg panics on some degenerate drawings (a
/// picture drawn narrower than a float's step, found by fuzzing), and such
/// a drawing is refused here by name rather than failing later. Its other
/// errors are left to Typst, which words them. Nothing outside the file is
/// read (a link was refused above), and text needs no fonts to be read.
fn renderer_reads(text: &str) -> Result<(), Refusal> {
    use resvg::usvg;
    let options = usvg::Options {
        resources_dir: None,
        image_href_resolver: usvg::ImageHrefResolver {
            resolve_data: usvg::ImageHrefResolver::default_data_resolver(),
            resolve_string: Box::new(|_, _| None),
        },
        ..usvg::Options::default()
    };
    match super::guard::quietly(|| usvg::Tree::from_str(text, &options).map(drop)) {
        Err(why) => Err(refuse(msg!(SvgRendererFails, why = why), msg!(SaveAsPng))),
        Ok(_) => Ok(()),
    }
}

/// The size of an SVG's canvas in its own units: `width` and `height`,
/// else the `viewBox`'s, else the 100 × 100 a missing size means.
fn canvas(root: roxmltree::Node<'_, '_>) -> (f64, f64) {
    let view: Vec<f64> = root
        .attribute("viewBox")
        .map(|v| v.split([' ', ',']).filter(|s| !s.is_empty()).filter_map(|s| s.parse().ok()).collect())
        .unwrap_or_default();
    let side = |name: &str, at: usize| {
        root.attribute(name).and_then(length).or_else(|| (view.len() == 4).then(|| view[at])).unwrap_or(100.0).abs()
    };
    (side("width", 2), side("height", 3))
}

/// A length in user units: a plain number or pixels, points, millimetres,
/// centimetres or inches; a percentage is of the canvas (taken as 1).
fn length(value: &str) -> Option<f64> {
    let value = value.trim();
    let split = value.find(|c: char| c.is_ascii_alphabetic() || c == '%').unwrap_or(value.len());
    let number: f64 = value[..split].trim().parse().ok()?;
    let scale = match &value[split..] {
        "" | "px" => 1.0,
        "pt" => 4.0 / 3.0,
        "mm" => 96.0 / 25.4,
        "cm" => 96.0 / 2.54,
        "in" => 96.0,
        "pc" => 16.0,
        "em" | "ex" => 16.0,
        "%" => return None,
        _ => return None,
    };
    number.is_finite().then_some(number * scale)
}

/// The area a filter step works on: the filter's own region where it gives
/// one in user units, else the canvas with the 10% margins SVG adds on each
/// side.
fn region(filter: roxmltree::Node<'_, '_>, width: f64, height: f64) -> f64 {
    let user = filter.attribute("filterUnits") == Some("userSpaceOnUse");
    let side = |name: &str, canvas: f64| {
        let value = filter.attribute(name)?;
        if user {
            return length(value);
        }
        // objectBoundingBox: a fraction (or a percentage) of the element's box.
        let fraction = match value.trim().strip_suffix('%') {
            Some(p) => p.trim().parse::<f64>().ok()? / 100.0,
            None => value.trim().parse::<f64>().ok()?,
        };
        Some(fraction * canvas)
    };
    let w = side("width", width).unwrap_or(width * 1.2).abs();
    let h = side("height", height).unwrap_or(height * 1.2).abs();
    if w.is_finite() && h.is_finite() { w * h } else { f64::INFINITY }
}

/// A picture embedded in an SVG as a `data:` URI: decoded and vetted as a
/// file would be; an SVG in an SVG in an SVG is refused.
fn embedded(data: &str, depth: usize) -> Result<(), Refusal> {
    use base64::Engine as _;
    let (head, payload) = data.split_once(',').unwrap_or(("", data));
    let bytes = if head.ends_with(";base64") {
        let clean: String = payload.chars().filter(|c| !c.is_ascii_whitespace()).collect();
        base64::engine::general_purpose::STANDARD
            .decode(clean.trim_end_matches('='))
            .or_else(|_| base64::engine::general_purpose::STANDARD_NO_PAD.decode(clean.trim_end_matches('=')))
            .map_err(|_| damaged("SVG", msg!(BadBase64)))?
    } else {
        payload.as_bytes().to_vec()
    };
    let inner = |r: Refusal| refuse(msg!(HoldsPicture, why = r.why), r.hint);
    match sniff(&bytes) {
        Some(Kind::Png) => png(&bytes).map_err(inner),
        Some(Kind::Jpeg) => jpeg(&bytes).map_err(inner),
        Some(Kind::Gif) => gif(&bytes).map_err(inner),
        Some(Kind::Svg) if depth < 2 => svg(&bytes, depth + 1).map_err(inner),
        Some(Kind::Svg) => Err(refuse(msg!(NestsDrawings), msg!(SaveAsPng))),
        // Other kinds (WebP) are decoded by Typst too: refused as files are.
        None => Err(inner(refuse(msg!(ImageUnknownKind), save_as()))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A PNG of `w` × `h` with one (empty) data chunk: enough for the checks.
    pub(crate) fn png_of(w: u32, h: u32) -> Vec<u8> {
        let mut b = b"\x89PNG\r\n\x1a\n".to_vec();
        let chunk = |b: &mut Vec<u8>, kind: &[u8], data: &[u8]| {
            b.extend((data.len() as u32).to_be_bytes());
            b.extend(kind);
            b.extend(data);
            b.extend([0; 4]);
        };
        let mut ihdr = w.to_be_bytes().to_vec();
        ihdr.extend(h.to_be_bytes());
        ihdr.extend([8, 6, 0, 0, 0]);
        chunk(&mut b, b"IHDR", &ihdr);
        chunk(&mut b, b"IDAT", &[]);
        chunk(&mut b, b"IEND", &[]);
        b
    }

    #[test]
    fn sizes_are_read_from_headers() {
        assert_eq!(vet(&png_of(640, 480), "png"), Ok(Kind::Png));
        let err = vet(&png_of(2_147_483_647, 2_147_483_647), "png").unwrap_err();
        assert!(err.why.english().contains("2147483647 × 2147483647 pixels"), "{err:?}");
        assert!(vet(&png_of(0, 10), "png").unwrap_err().why.english().contains("0 × 10"));
        // A JPEG whose frame header says 60000 × 60000.
        let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 0, 0, 0xFF, 0xC2, 0, 11, 8];
        jpeg.extend(60000u16.to_be_bytes());
        jpeg.extend(60000u16.to_be_bytes());
        jpeg.extend([1, 1, 0x11, 0]);
        assert!(vet(&jpeg, "jpg").unwrap_err().why.english().contains("60000 × 60000"));
        // Within the budget, but with a scan too many.
        let mut scans = vec![0xFF, 0xD8, 0xFF, 0xC2, 0, 11, 8, 0, 10, 0, 10, 1, 1, 0x11, 0];
        for _ in 0..=MAX_JPEG_SCANS {
            scans.extend([0xFF, 0xDA, 0, 8, 1, 1, 0, 0, 0x3F, 0, 0x12, 0xFF, 0x00, 0x34]);
        }
        assert!(vet(&scans, "jpg").unwrap_err().why.english().contains("more than 256 scans"));
        scans.truncate(15 + 14 * 10);
        scans.extend([0xFF, 0xD9]);
        assert_eq!(vet(&scans, "jpg"), Ok(Kind::Jpeg));
        // A GIF whose screen is 65535².
        let gif = b"GIF89a\xff\xff\xff\xff\x00\x00\x00\x3b";
        assert!(vet(gif, "gif").unwrap_err().why.english().contains("65535 × 65535"));
        let small = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff\x2c\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02\x44\x01\x00\x3b";
        assert_eq!(vet(small, "gif"), Ok(Kind::Gif));
    }

    #[test]
    fn damaged_and_misnamed_images_are_named_as_such() {
        let png = png_of(10, 10);
        assert!(vet(&png[..30], "png").unwrap_err().why.english().contains("cut short"));
        let err = vet(&png, "svg").unwrap_err();
        assert!(err.why.english().contains("is a PNG image, but its name ends in `.svg`"), "{err:?}");
        assert_eq!(err.hint.english(), "rename it to end in .png");
        assert!(vet(b"", "png").unwrap_err().why.english().contains("empty"));
        assert!(vet(b"%PDF-1.7\n", "pdf").unwrap_err().why.english().contains("PDF"));
        assert!(vet(b"RIFF\0\0\0\0WEBPVP8 ", "webp").unwrap_err().why.english().contains("WebP"));
        let utf16: Vec<u8> =
            [0xFF, 0xFE].into_iter().chain("<svg/>".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert!(vet(&utf16, "svg").unwrap_err().why.english().contains("UTF-16"));
        assert!(vet(b"<svg", "svg").unwrap_err().why.english().contains("damaged SVG"));
        assert!(vet(&[0x1F, 0x8B, 8, 0, 0, 0], "svgz").unwrap_err().why.english().contains("SVGZ"));
        // An extension that names no image kind: the bytes decide.
        assert_eq!(vet(&png, "img"), Ok(Kind::Png));
    }

    #[test]
    fn svgs_are_bounded() {
        let svg =
            |body: &str| format!(r#"<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">{body}</svg>"#);
        assert_eq!(vet(svg("<rect width='10' height='10'/>").as_bytes(), "svg"), Ok(Kind::Svg));
        let long = svg(&format!("<text>{}</text>", "x".repeat(400_000)));
        assert!(vet(long.as_bytes(), "svg").unwrap_err().why.english().contains("400000 characters"));
        let many = svg(&"<g/>".repeat(60_000));
        assert!(vet(many.as_bytes(), "svg").is_err());
        let blur = r#"<svg xmlns="http://www.w3.org/2000/svg" width="20000" height="20000"><filter id="f"><feGaussianBlur stdDeviation="900"/></filter><rect width="20000" height="20000" filter="url(#f)"/></svg>"#;
        assert!(vet(blur.as_bytes(), "svg").unwrap_err().why.english().contains("filters"));
        let small_blur = blur.replace("20000", "400");
        assert_eq!(vet(small_blur.as_bytes(), "svg"), Ok(Kind::Svg));
        // Gzipped: inflated within the bound, or refused.
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        std::io::Write::write_all(&mut gz, svg(&" ".repeat(9 * 1024 * 1024)).as_bytes()).unwrap();
        assert!(vet(&gz.finish().unwrap(), "svgz").unwrap_err().why.english().contains("inflates"));
    }

    #[test]
    fn pictures_inside_svgs_are_vetted() {
        use base64::Engine as _;
        let inline = |bytes: &[u8]| {
            let data = base64::engine::general_purpose::STANDARD.encode(bytes);
            format!(
                r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="data:image/png;base64,{data}"/></svg>"#
            )
        };
        assert_eq!(vet(inline(&png_of(10, 10)).as_bytes(), "svg"), Ok(Kind::Svg));
        let err = vet(inline(&png_of(100_000, 100_000)).as_bytes(), "svg").unwrap_err();
        assert!(err.why.english().starts_with("holds a picture that is 100000 × 100000"), "{err:?}");
    }

    /// usvg panics when a picture in an SVG is drawn narrower than a
    /// float's step (found by the `media` fuzz target: a 1 × 33554433 PNG
    /// in a 4 × 4 box); such a drawing is refused, not a failed build.
    #[test]
    fn drawings_the_renderer_fails_on_are_refused() {
        use base64::Engine as _;
        let drawn = |png: &[u8], size: &str| {
            let data = base64::engine::general_purpose::STANDARD.encode(png);
            format!(
                r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="40" height="20"><image {size} xlink:href="data:image/png;base64,{data}"/></svg>"#
            )
        };
        for (png, size) in
            [(png_of(1, 33_554_433), r#"width="4" height="4""#), (png_of(10, 10), r#"width="1e-30" height="1""#)]
        {
            let err = vet(drawn(&png, size).as_bytes(), "svg").unwrap_err();
            assert!(err.why.english().starts_with("is an SVG the SVG renderer fails on ("), "{err:?}");
            assert_eq!(err.hint.english(), "save it as PNG");
        }
        assert_eq!(vet(drawn(&png_of(10, 10), r#"width="4" height="4""#).as_bytes(), "svg"), Ok(Kind::Svg));
    }
}
