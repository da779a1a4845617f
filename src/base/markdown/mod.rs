//! The project's Markdown rules, shared by every stage that reads or writes
//! Markdown: the parser options, which links may be followed, escaping plain
//! text ([`escape`]), and putting fields together without one changing
//! another ([`fields`]).

pub mod escape;
pub mod fields;

/// The pulldown-cmark options of zongjie's Markdown: CommonMark plus tables,
/// strikethrough, task lists and footnotes, nothing else (no math, smart
/// punctuation, heading attributes or metadata blocks).
#[must_use]
pub fn parser_options() -> pulldown_cmark::Options {
    use pulldown_cmark::Options as O;
    O::ENABLE_TABLES | O::ENABLE_STRIKETHROUGH | O::ENABLE_TASKLISTS | O::ENABLE_FOOTNOTES
}

/// Whether a link may be followed from a document: a relative address or
/// one of the schemes a reader means (web, mail, telephone), never one that
/// runs code or opens local files (`javascript:`, `data:`, `file:`, …).
/// Letters of the scheme are compared as browsers read them: case, blanks
/// and control characters aside.
#[must_use]
pub fn is_safe_link(url: &str) -> bool {
    let read: String =
        url.chars().filter(|c| !c.is_whitespace() && !c.is_control()).take(32).collect::<String>().to_lowercase();
    let Some(colon) = read.find(':') else { return true };
    let scheme = &read[..colon];
    if scheme.contains(['/', '?', '#']) || scheme.is_empty() {
        return true;
    }
    matches!(scheme, "http" | "https" | "mailto" | "tel" | "ftp" | "ftps")
}

/// 32-bit FNV-1a: a hash that is the same on every platform and toolchain
/// (also how the fuzz targets pick their sample of inputs).
#[doc(hidden)]
pub fn fnv1a(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5, |hash, &byte| (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193))
}
