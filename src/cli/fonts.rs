//! `zongjie fonts`: which fonts zongjie can use, and which each role of an
//! English and a Chinese document gets.

use crate::cli::args::FontArgs;
use crate::compile::fonts::{Fonts, Role};
use crate::data::Lang;

use std::fmt::Write as _;

use super::OK;

/// Runs the command; returns the exit status.
pub fn run(args: &FontArgs) -> i32 {
    let fonts = Fonts::load(&args.options());
    super::warn_skipped_fonts(&fonts);
    let families = fonts.families();
    let mut out = String::new();
    let _ = writeln!(out, "{} font families ({} faces) usable:", families.len(), fonts.len());
    for family in &families {
        let _ = writeln!(out, "  {family}");
    }
    for lang in [Lang::En, Lang::Zh] {
        let _ = writeln!(out, "\nroles in {} documents:", if lang == Lang::En { "English" } else { "Chinese" });
        for role in Role::ALL {
            let got = fonts.for_role(role, lang);
            let line = if got.is_empty() {
                format!("none of {} is installed", role.candidates(lang).join(", "))
            } else {
                got.join(", ")
            };
            let _ = writeln!(out, "  {:<12} {line}", role.key());
        }
    }
    let _ = match &fonts.cache {
        Some(file) => {
            writeln!(out, "\nfont cache: {} (remove it to have every font read again)", crate::cli::shown(file))
        }
        None => writeln!(out, "\nno font cache (ZONGJIE_CACHE_DIR is empty, or the cache folder cannot be written)"),
    };
    if fonts.for_role(Role::Body, Lang::Zh).is_empty() {
        let _ = writeln!(
            out,
            "\nChinese documents need Chinese fonts: on Debian/Ubuntu `apt-get install fonts-noto-cjk fonts-arphic-ukai`,"
        );
        let _ = writeln!(
            out,
            "or give a folder of fonts with --font-path DIR. Windows and macOS offices already have them."
        );
    }
    super::print_listing(&out);
    OK
}
