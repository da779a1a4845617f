//! The glyph preflight: before Typst runs, every character of the document
//! must be covered by a font zongjie may use for it. Characters that the
//! role fonts lack but another suitable installed font has are added to the
//! fallback list; characters no font has stop the build with their names, so
//! no tofu box is ever printed silently. Han characters are never taken from
//! a Japanese, Korean or Traditional Chinese face.
//!
//! Private-use characters (U+E000–U+F8FF, planes 15 and 16: the code points
//! of a 造字 font's own characters) are whatever glyph a font put there. They
//! count as covered only by a font on the system or in a `--font-path`
//! folder, never by Typst's embedded fonts (New Computer Modern keeps math
//! symbols there) nor by a regional face (AR PL UKai HK keeps HKSCS
//! characters there), and the faces found for them come first for those
//! code points alone, so no other face's glyph stands in.

use crate::base::msg::msg;
use crate::base::text::{is_han, is_printed, is_private_use};
use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;

use crate::base::diag::Diagnostic;
use crate::compile::fonts::{Fonts, RoleFonts};
use crate::data::mdfile::MdFile;
use crate::derive::lang::{Label, language};

/// Characters of the document that no available font has: the error names
/// them, with what to install.
#[derive(Debug)]
pub struct MissingGlyphs(pub Box<Diagnostic>);

/// Checks coverage and extends `roles.fallback`; an error names every
/// character no font has.
/// `markup` is the converted body, so characters the writer adds (task-list
/// boxes) are checked too.
pub fn check(
    fonts: &Fonts,
    roles: &mut RoleFonts,
    md: &MdFile,
    markup: &str,
    input: &Path,
    text: &Arc<str>,
) -> Result<(), MissingGlyphs> {
    let chars = document_chars(md, markup);
    let book = fonts.book();
    let faces_of = |family: &str| book.select_family(&family.to_lowercase()).collect::<Vec<_>>();
    let mut usable: Vec<usize> = roles.families().flat_map(faces_of).collect();
    let mut missing = Vec::new();
    for c in chars {
        let private = is_private_use(c);
        let covered = |i: &usize| {
            book.info(*i).is_some_and(|info| {
                info.coverage.contains(c as u32)
                    && !(private && (fonts.path(*i).is_none() || is_regional(&info.family)))
            })
        };
        if private {
            // The first face the document may use that has it, else any.
            let found = usable.iter().copied().find(covered).or_else(|| (0..fonts.len()).find(covered));
            match found.and_then(|i| book.info(i)) {
                Some(info) if roles.private_use.contains(&info.family) => {}
                Some(info) => roles.private_use.push(info.family.clone()),
                None => missing.push(c),
            }
            continue;
        }
        if usable.iter().any(covered) {
            continue;
        }
        let han = is_han(c);
        let found = (0..fonts.len())
            .find(|i| covered(i) && book.info(*i).is_some_and(|info| !(han && is_regional(&info.family))));
        match found.and_then(|i| book.info(i)) {
            Some(info) => {
                let family = info.family.clone();
                usable.extend(faces_of(&family));
                roles.add_fallback(fonts, family);
            }
            None => missing.push(c),
        }
    }
    if missing.is_empty() {
        return Ok(());
    }
    let mut error = Diagnostic::error(msg!(NoFontHas, chars = named(&missing))).in_file(input);
    // At the first place the input writes one of them.
    if let Some((at, c)) = text.char_indices().find(|(_, c)| missing.contains(c)) {
        error = error.at(text.clone(), at..at + c.len_utf8());
    }
    let mut error = error.hint(msg!(InstallFonts)).hint(msg!(PointAtFonts));
    if missing.iter().any(|c| is_private_use(*c)) {
        error = error.hint(msg!(PrivateUseFont));
    }
    Err(MissingGlyphs(Box::new(error.hint(msg!(FontsLists)))))
}

/// The distinct printed characters of `text` that no font has (as the
/// check above finds them), in order: a unit return whose name or labels
/// hold one is set aside before it reaches the bulletin.
pub fn no_font_has(fonts: &Fonts, text: &str) -> Vec<char> {
    let book = fonts.book();
    let chars: BTreeSet<char> = text.chars().filter(|c| is_printed(*c)).collect();
    chars
        .into_iter()
        .filter(|&c| {
            let private = is_private_use(c);
            let han = is_han(c);
            !(0..fonts.len()).any(|i| {
                book.info(i).is_some_and(|info| {
                    info.coverage.contains(c as u32)
                        && !(private && fonts.path(i).is_none())
                        && !((private || han) && is_regional(&info.family))
                })
            })
        })
        .collect()
}

/// How [`check`] names characters in a message: `😀 (U+1F600)`, the first
/// twenty of them.
pub fn named(chars: &[char]) -> String {
    let shown: Vec<String> = chars.iter().take(20).map(|c| format!("{c} (U+{:04X})", *c as u32)).collect();
    let more = if chars.len() > 20 { format!(" and {} more", chars.len() - 20) } else { String::new() };
    format!("{}{more}", shown.join(", "))
}

/// Every distinct printable character the document shows.
fn document_chars<'a>(md: &'a MdFile, markup: &'a str) -> BTreeSet<char> {
    let meta = &md.meta;
    let words = language(meta.lang);
    let mut texts: Vec<&str> = vec![markup, meta.title.as_str(), words.style_chars()];
    texts.extend(meta.organization.all().iter().map(|t| t.as_str()));
    texts.extend(meta.recipient.as_ref().map(|r| r.as_str()));
    texts.extend(meta.attachments.iter().map(|a| a.title.as_str()));
    let o = &meta.official;
    texts.extend(
        o.issuer_mark
            .iter()
            .chain(&o.signer)
            .chain(&o.copy_to)
            .chain(&o.signer_post)
            .chain(&o.printed_by)
            .map(|t| t.as_str()),
    );
    texts.extend(o.doc_number.as_ref().map(|d| d.as_str()));
    texts.extend(o.copy_number.as_ref().map(|c| c.0.as_str()));
    texts.extend(o.secrecy.as_ref().map(|c| c.0.as_str()));
    texts.extend(o.urgency.as_ref().map(|c| c.0.as_str()));
    let printed = o.printed_on.map(|d| words.printed_on(d));
    texts.extend(printed.as_deref());
    texts.extend([Label::Signer, Label::CopyTo, Label::Attachment].map(|l| words.label(l)));
    // The 发文机关标志 of a joint document: 文件 to the right of the names.
    if meta.lang == crate::data::Lang::Zh && o.issuer_mark.len() > 1 {
        texts.push("文件");
    }
    if let Some(m) = &meta.masthead {
        let d = &m.distribution;
        texts.extend(d.report_to.iter().chain(&d.send_to).chain(&d.issue_to).map(|t| t.as_str()));
    }
    texts.iter().flat_map(|t| t.chars()).filter(|c| is_printed(*c)).collect()
}

/// A face made for Japanese, Korean or Traditional Chinese: its Han
/// characters have other shapes than Simplified Chinese ones.
pub fn is_regional(family: &str) -> bool {
    const MARKS: &[&str] = &[
        " JP", " KR", " TC", " HK", " TW", " J", " K", "Mincho", "Gothic", "Meiryo", "Yu ", "Hiragino", "Malgun",
        "Batang", "Gulim", "Dotum", "Gungsuh", "MingLiU", "PMingLiU", "Ming", "UKai TW", "UKai HK", "UMing", "Kochi",
        "IPA", "Takao", "Nanum", "Un ", "Baekmuk",
    ];
    let padded = format!("{family} ");
    MARKS.iter().any(|m| padded.contains(m) || family.ends_with(m.trim()) && m.starts_with(' '))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_use_code_points() {
        for c in ['\u{E000}', '\u{F8FF}', '\u{F0000}', '\u{FFFFD}', '\u{100000}', '\u{10FFFD}'] {
            assert!(is_private_use(c), "U+{:04X}", c as u32);
        }
        for c in ['\u{F900}', '\u{EFFFF}', '\u{FFFFE}', '\u{10FFFF}', '堃', 'a'] {
            assert!(!is_private_use(c), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn regional_faces() {
        for f in [
            "Noto Sans CJK JP",
            "Noto Serif CJK KR",
            "Noto Sans CJK TC",
            "AR PL UKai TW",
            "MS Mincho",
            "Source Han Sans K",
        ] {
            assert!(is_regional(f), "{f}");
        }
        for f in ["Noto Serif CJK SC", "AR PL UKai CN", "FangSong", "SimHei", "Libertinus Serif", "DejaVu Sans Mono"] {
            assert!(!is_regional(f), "{f}");
        }
    }
}
