//! The pictures a `.docx` can embed: PNG, JPEG and GIF, their size read
//! from the file's header (nothing is decoded).

/// A picture's kind and size.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Picture {
    /// The extension of its part (`png`, `jpeg`, `gif`).
    pub ext: &'static str,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

impl Picture {
    /// The kind and size of a PNG, JPEG or GIF file; none for anything else.
    pub fn read(bytes: &[u8]) -> Option<Picture> {
        let be16 = |at: usize| bytes.get(at..at + 2).map(|b| u32::from(u16::from_be_bytes([b[0], b[1]])));
        let be32 = |at: usize| bytes.get(at..at + 4).map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]));
        let le16 = |at: usize| bytes.get(at..at + 2).map(|b| u32::from(u16::from_le_bytes([b[0], b[1]])));
        let picture = if bytes.starts_with(b"\x89PNG\r\n\x1a\n") && bytes.get(12..16) == Some(b"IHDR") {
            Picture { ext: "png", width: be32(16)?, height: be32(20)? }
        } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
            Picture { ext: "gif", width: le16(6)?, height: le16(8)? }
        } else if bytes.starts_with(&[0xFF, 0xD8]) {
            // Walk the segments to the first start-of-frame.
            let mut at = 2;
            loop {
                if *bytes.get(at)? != 0xFF {
                    return None;
                }
                let marker = *bytes.get(at + 1)?;
                if matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC) {
                    break Picture { ext: "jpeg", width: be16(at + 7)?, height: be16(at + 5)? };
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

    /// Its size in EMU at 96 dpi, scaled down to at most `max_width` EMU.
    pub fn extent_emu(&self, max_width: u64) -> (u64, u64) {
        let (w, h) = (u64::from(self.width) * 9525, u64::from(self.height) * 9525);
        if w <= max_width { (w, h) } else { (max_width, (h * max_width / w).max(1)) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_from_headers() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        png.extend(640u32.to_be_bytes());
        png.extend(480u32.to_be_bytes());
        assert_eq!(Picture::read(&png), Some(Picture { ext: "png", width: 640, height: 480 }));
        let gif = b"GIF89a\x0a\x00\x05\x00";
        assert_eq!(Picture::read(gif), Some(Picture { ext: "gif", width: 10, height: 5 }));
        let jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 0, 0, 0xFF, 0xC0, 0, 11, 8, 0, 20, 0, 30, 1, 0, 0, 0];
        assert_eq!(Picture::read(&jpeg), Some(Picture { ext: "jpeg", width: 30, height: 20 }));
        assert_eq!(Picture::read(b"<svg/>"), None);
        assert_eq!(Picture::read(&[0xFF, 0xD8, 0xFF]), None);
        let big = Picture { ext: "png", width: 2000, height: 1000 };
        assert_eq!(big.extent_emu(5_000_000), (5_000_000, 2_500_000));
    }
}
