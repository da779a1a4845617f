//! SVG pictures in Word, as Word 2016 and later embed them: the SVG itself
//! (`asvg:svgBlip`, which Word draws) and a PNG of it (`a:blip`, which
//! older Word, WPS and LibreOffice draw), rendered with resvg at the size the
//! PDF gives the picture.
//!
//! The SVG has been vetted before it gets here (`base::image::vet`: its
//! size, elements, text, filters and embedded pictures), so it is parsed
//! once, by usvg, to be drawn.

use std::sync::Arc;

use resvg::{tiny_skia, usvg};

use super::image::Picture;

/// The fonts an SVG's text is set in: the same faces as the PDF's, made
/// only when an SVG has text, and the families of the body (what the PDF
/// sets text without a family of its own in).
pub struct SvgFonts<'a> {
    /// The faces, made on first use.
    pub database: &'a dyn Fn() -> Arc<usvg::fontdb::Database>,
    /// The body's families, in order of preference.
    pub families: &'a [String],
}

/// An SVG ready to embed: its text (inflated, if it was a `.svgz`), the
/// PNG fallback, and the picture's size in EMU.
pub struct Vector {
    pub svg: Vec<u8>,
    pub png: Vec<u8>,
    pub extent: (u64, u64),
}

/// The fallback's resolution: twice Windows' 96 dpi, sharp on screen and
/// on paper.
const DPI: f64 = 192.0;
/// The most pixels of a fallback (a full A4 text block at 192 dpi is about
/// 2.1 million).
const MAX_PIXELS: f64 = 4_000_000.0;

/// The SVG of `bytes`, at its size in the PDF (its width and height at 96
/// units an inch, as Typst reads an SVG's pixels, at most `max_width` × `max_height` EMU), with its PNG;
/// none when it cannot be drawn.
pub fn vector(bytes: &[u8], max: (u64, u64), fonts: &SvgFonts<'_>) -> Option<Vector> {
    let svg = if bytes.starts_with(&[0x1F, 0x8B]) {
        let mut out = Vec::new();
        // Vetted: it inflates to at most base::image::MAX_SVG_BYTES.
        let limit = crate::base::image::MAX_SVG_BYTES as u64 + 1;
        std::io::Read::read_to_end(&mut std::io::Read::take(flate2::read::GzDecoder::new(bytes), limit), &mut out)
            .ok()?;
        out
    } else {
        bytes.to_vec()
    };
    let mut options = usvg::Options {
        // Nothing outside the file (vetting refused links already).
        resources_dir: None,
        image_href_resolver: usvg::ImageHrefResolver {
            resolve_data: usvg::ImageHrefResolver::default_data_resolver(),
            resolve_string: Box::new(|_, _| None),
        },
        font_family: fonts.families.first().cloned().unwrap_or_default(),
        ..usvg::Options::default()
    };
    // The faces are needed for text only (a `text` element, prefixed or not).
    if has_text(&svg) {
        options.fontdb = (fonts.database)();
    }
    // Vetting read it with usvg already; drawing it is guarded all the same
    // (with fonts its text is laid out too): a panic leaves it undrawn.
    crate::base::guard::quietly(|| draw(svg, &options, max)).ok().flatten()
}

/// The PNG of an SVG at its size in the PDF, within `max`.
fn draw(svg: Vec<u8>, options: &usvg::Options<'_>, max: (u64, u64)) -> Option<Vector> {
    let tree = usvg::Tree::from_data(&svg, options).ok()?;
    let size = tree.size();
    let (width, height) = (f64::from(size.width()), f64::from(size.height()));
    let extent = extent(width, height, max)?;
    // The pixels: the picture's size at DPI, within MAX_PIXELS.
    #[expect(clippy::cast_precision_loss, reason = "EMU of a page, far below 2^52")]
    let (w_in, h_in) = (extent.0 as f64 / 914_400.0, extent.1 as f64 / 914_400.0);
    let shrink = (MAX_PIXELS / (w_in * DPI * h_in * DPI)).sqrt().min(1.0);
    let (px_w, px_h) = ((w_in * DPI * shrink).round().max(1.0), (h_in * DPI * shrink).round().max(1.0));
    #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "at most MAX_PIXELS, positive")]
    let mut pixmap = tiny_skia::Pixmap::new(px_w as u32, px_h as u32)?;
    #[expect(clippy::cast_possible_truncation, reason = "a scale factor")]
    let scale = tiny_skia::Transform::from_scale((px_w / width) as f32, (px_h / height) as f32);
    resvg::render(&tree, scale, &mut pixmap.as_mut());
    let png = pixmap.encode_png().ok()?;
    Some(Vector { svg, png, extent })
}

/// Whether an SVG has a `text` element.
fn has_text(svg: &[u8]) -> bool {
    svg.windows(5).enumerate().any(|(i, w)| {
        &w[1..] == b"text"
            && (w[0] == b'<' || w[0] == b':')
            && svg.get(i + 5).is_some_and(|c| c.is_ascii_whitespace() || matches!(c, b'>' | b'/'))
    })
}

/// The EMU size of a picture of `width` × `height` units at 96 an inch,
/// as Typst sets an SVG (CSS pixels), within `max`.
fn extent(width: f64, height: f64, max: (u64, u64)) -> Option<(u64, u64)> {
    if !(width.is_finite() && height.is_finite() && width > 0.0 && height > 0.0) {
        return None;
    }
    // Picture::extent_emu takes whole pixels: the units times 1000 at
    // 96000 dpi are the same size, and exact to a thousandth.
    #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "bounded, positive")]
    let (w, h) = (
        (width * 1000.0).round().min(f64::from(u32::MAX)) as u32,
        (height * 1000.0).round().min(f64::from(u32::MAX)) as u32,
    );
    let picture = Picture { ext: "svg", width: w.max(1), height: h.max(1), dpi: Some(96_000.0) };
    Some(picture.extent_emu(max.0, max.1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_fonts() -> Arc<usvg::fontdb::Database> {
        Arc::new(usvg::fontdb::Database::new())
    }

    #[test]
    fn an_svg_is_drawn_at_its_size_in_the_pdf() {
        let fonts = SvgFonts { database: &no_fonts, families: &[] };
        let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" width="144" height="72"><rect width="144" height="72" fill="red"/></svg>"#;
        let v = vector(svg, (u64::MAX, u64::MAX), &fonts).unwrap();
        // 144 units at 96 an inch: an inch and a half, 288 pixels at 192 dpi.
        assert_eq!(v.extent, (1_371_600, 685_800));
        let png = Picture::read(&v.png).unwrap();
        assert_eq!((png.ext, png.width, png.height), ("png", 288, 144));
        assert_eq!(v.svg, svg);
        // Within the text block: narrower, and still sharp.
        let v = vector(svg, (914_400, u64::MAX), &fonts).unwrap();
        assert_eq!(v.extent, (914_400, 457_200));
        assert_eq!(Picture::read(&v.png).map(|p| p.width), Some(192));
    }

    #[test]
    fn a_huge_svg_is_bounded_in_pixels_and_text_asks_for_fonts() {
        let asked = std::cell::Cell::new(false);
        let database = || {
            asked.set(true);
            no_fonts()
        };
        let fonts = SvgFonts { database: &database, families: &[] };
        let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" width="20000" height="20000"><rect width="9" height="9"/></svg>"#;
        let v = vector(svg, (u64::MAX, u64::MAX), &fonts).unwrap();
        let png = Picture::read(&v.png).unwrap();
        assert!(u64::from(png.width) * u64::from(png.height) <= 4_000_000, "{png:?}");
        assert!(!asked.get());
        let text =
            br#"<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20"><text x="1" y="9">A</text></svg>"#;
        assert!(vector(text, (u64::MAX, u64::MAX), &fonts).is_some());
        assert!(asked.get());
        assert!(has_text(b"<svg:text>") && !has_text(b"<textPath") && !has_text(b"<svg>text</svg>"));
    }
}
