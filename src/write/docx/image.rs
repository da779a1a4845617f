//! The pictures a `.docx` can embed: PNG, JPEG and GIF, their size read
//! from the file's header (nothing is decoded).

/// A picture's kind and size.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Picture {
    /// The extension of its part (`png`, `jpeg`, `gif`).
    pub ext: &'static str,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Pixels per inch, from the file (PNG `pHYs`, JPEG JFIF); none for
    /// the default of 72, as Typst reads them.
    pub dpi: Option<f64>,
}

impl Picture {
    /// The kind and size of a PNG, JPEG or GIF file; none for anything else.
    pub fn read(bytes: &[u8]) -> Option<Picture> {
        let be16 = |at: usize| bytes.get(at..at + 2).map(|b| u32::from(u16::from_be_bytes([b[0], b[1]])));
        let be32 = |at: usize| bytes.get(at..at + 4).map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]));
        let le16 = |at: usize| bytes.get(at..at + 2).map(|b| u32::from(u16::from_le_bytes([b[0], b[1]])));
        let picture = if bytes.starts_with(b"\x89PNG\r\n\x1a\n") && bytes.get(12..16) == Some(b"IHDR") {
            Picture { ext: "png", width: be32(16)?, height: be32(20)?, dpi: png_dpi(bytes) }
        } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
            Picture { ext: "gif", width: le16(6)?, height: le16(8)?, dpi: None }
        } else if bytes.starts_with(&[0xFF, 0xD8]) {
            // Walk the segments to the first start-of-frame.
            let mut at = 2;
            let mut dpi = None;
            loop {
                if *bytes.get(at)? != 0xFF {
                    return None;
                }
                let marker = *bytes.get(at + 1)?;
                if matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC) {
                    break Picture { ext: "jpeg", width: be16(at + 7)?, height: be16(at + 5)?, dpi };
                }
                // JFIF: units (1 per inch, 2 per cm), then the x density.
                if marker == 0xE0 && bytes.get(at + 4..at + 9) == Some(b"JFIF\0") {
                    let density = f64::from(be16(at + 12)?);
                    dpi = match bytes.get(at + 11) {
                        Some(1) if density > 0.0 => Some(density),
                        Some(2) if density > 0.0 => Some(density * 2.54),
                        _ => None,
                    };
                }
                if marker == 0xFF {
                    at += 1;
                    continue;
                }
                at += 2 + usize::try_from(be16(at + 2)?).ok()?;
            }
        } else {
            return None;
        };
        (picture.width > 0 && picture.height > 0).then_some(picture)
    }

    /// Its size in EMU at its resolution (72 dpi by default, as the PDF
    /// has it), scaled down to at most `max_width` and `max_height` EMU.
    pub fn extent_emu(&self, max_width: u64, max_height: u64) -> (u64, u64) {
        let emu_per_px = 914_400.0 / self.dpi.filter(|d| d.is_finite() && *d >= 1.0).unwrap_or(72.0);
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "pixel counts times a positive factor"
        )]
        let (w, h) = ((f64::from(self.width) * emu_per_px) as u64, (f64::from(self.height) * emu_per_px) as u64);
        let (w, h) = (w.max(1), h.max(1));
        let (w, h) = if w <= max_width { (w, h) } else { (max_width, (h * max_width / w).max(1)) };
        if h <= max_height { (w, h) } else { ((w * max_height / h).max(1), max_height) }
    }
}

/// A PNG's resolution from its `pHYs` chunk (pixels per metre), if any,
/// before the image data.
fn png_dpi(bytes: &[u8]) -> Option<f64> {
    let mut at = 8;
    while let Some(head) = bytes.get(at..at + 8) {
        let len = usize::try_from(u32::from_be_bytes([head[0], head[1], head[2], head[3]])).ok()?;
        match &head[4..8] {
            b"pHYs" => {
                let d = bytes.get(at + 8..at + 17)?;
                let x = u32::from_be_bytes([d[0], d[1], d[2], d[3]]);
                return (d[8] == 1 && x > 0).then(|| f64::from(x) * 0.0254);
            }
            b"IDAT" | b"IEND" => return None,
            _ => at = at.checked_add(12 + len)?,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_from_headers() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        png.extend(640u32.to_be_bytes());
        png.extend(480u32.to_be_bytes());
        assert_eq!(Picture::read(&png), Some(Picture { ext: "png", width: 640, height: 480, dpi: None }));
        let gif = b"GIF89a\x0a\x00\x05\x00";
        assert_eq!(Picture::read(gif), Some(Picture { ext: "gif", width: 10, height: 5, dpi: None }));
        let jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 0, 0, 0xFF, 0xC0, 0, 11, 8, 0, 20, 0, 30, 1, 0, 0, 0];
        assert_eq!(Picture::read(&jpeg), Some(Picture { ext: "jpeg", width: 30, height: 20, dpi: None }));
        let jfif = [
            0xFF, 0xD8, 0xFF, 0xE0, 0, 16, b'J', b'F', b'I', b'F', 0, 1, 1, 1, 0, 10, 0, 10, 0, 0, 0xFF, 0xC0, 0, 11,
            8, 0, 20, 0, 30, 1, 0, 0, 0,
        ];
        assert_eq!(Picture::read(&jfif).and_then(|p| p.dpi), Some(10.0));
        assert_eq!(Picture::read(b"<svg/>"), None);
        assert_eq!(Picture::read(&[0xFF, 0xD8, 0xFF]), None);
        // 120 px at 72 dpi: 42.3 mm, as the PDF sets it.
        let red = Picture { ext: "png", width: 120, height: 60, dpi: None };
        assert_eq!(red.extent_emu(u64::MAX, u64::MAX), (1_524_000, 762_000));
        let big = Picture { ext: "png", width: 2000, height: 1000, dpi: None };
        assert_eq!(big.extent_emu(5_000_000, u64::MAX), (5_000_000, 2_500_000));
        assert_eq!(big.extent_emu(5_000_000, 1_000_000), (2_000_000, 1_000_000));
    }
}
