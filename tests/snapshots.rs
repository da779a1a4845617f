//! Snapshots of the generated Markdown and Typst of every bundled example,
//! kept apart so a diff shows which stage changed. Font lists depend on the
//! machine and are redacted. Update with `INSTA_UPDATE=always cargo test
//! --test snapshots` (never in CI) and review the diff.

use std::path::Path;
use std::sync::Arc;

use zongjie::Shared;
use zongjie::Templates;
use zongjie::{BuildOptions, Engine, Format};
use zongjie::{FontOptions, Fonts};

fn engine() -> Engine {
    Engine {
        templates: Templates::new(None).expect("built-in templates"),
        shared: Shared {
            fonts: Arc::new(Fonts::load(&FontOptions { system: true, ..FontOptions::default() })),
            epoch: Some(0),
        },
        options: BuildOptions {
            template: None,
            formats: vec![Format::Md, Format::Typ],
            draft: false,
            today: chrono::NaiveDate::from_ymd_opt(2026, 11, 28).expect("a date"),
            reference_docx: None,
            pages: false,
        },
    }
}

/// The `fonts: (…)` entry of the meta dictionary, which names the fonts
/// installed on this machine.
fn redact_fonts(typ: &str) -> String {
    let mut out = String::new();
    let mut skipping = false;
    for line in typ.lines() {
        if line == "  fonts: (" {
            skipping = true;
            out.push_str("  fonts: (/* the installed fonts of each role */),\n");
            continue;
        }
        if skipping {
            skipping = line != "  ),";
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

fn snapshot(path: &Path, engine: &Engine) {
    let built = engine.build(path).unwrap_or_else(|e| panic!("{}: {}", path.display(), e.summary()));
    let name = path.file_stem().unwrap().to_string_lossy().into_owned();
    for (format, bytes) in built.files {
        let text = String::from_utf8(bytes).expect("text output");
        match format {
            Format::Md => insta::assert_snapshot!(format!("{name}.md"), text),
            Format::Typ => insta::assert_snapshot!(format!("{name}.typ"), redact_fonts(&text)),
            _ => {}
        }
    }
}

#[test]
fn examples() {
    let engine = engine();
    insta::glob!("../examples", "*.yaml", |path| snapshot(path, &engine));
}

#[test]
fn bulletins() {
    let engine = engine();
    insta::glob!("../data", "bulletin-*/bulletin.yaml", |path| snapshot(path, &engine));
}
