//! Any bytes given as an image or a font at the engine's boundary: the
//! image check (`base::image::vet`, under every name a file may have) never
//! panics, and what it lets through Typst decodes within libFuzzer's time
//! and memory limits (`-timeout`, `-rss_limit_mb`); a font file is refused
//! or read by Typst the same way. A panic the engine's guard turns into a
//! refusal (usvg's, in the image check's read of an SVG) is a refusal here
//! too; any other panic is a finding.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zongjie::testing::{decode_image, evict_memo, install_panic_guard, scan_font, vet_image};

/// The names an image may be given: each kind's, another kind's, none.
const EXTENSIONS: &[&str] = &["png", "jpg", "gif", "svg", "svgz", "webp", "pdf", "img"];

fuzz_target!(|bytes: &[u8]| {
    install_panic_guard();
    let Some((&selector, data)) = bytes.split_first() else { return };
    if selector & 0x80 == 0 {
        let ext = EXTENSIONS[usize::from(selector) % EXTENSIONS.len()];
        if let Ok(kind) = vet_image(data, ext) {
            let _ = decode_image(data, kind);
            // Typst memoizes decoded images; the engine evicts after each
            // document, and so must a run of a million inputs.
            evict_memo();
        }
    } else {
        let _ = scan_font(data);
    }
});
