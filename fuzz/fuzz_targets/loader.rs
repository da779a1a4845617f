//! Any bytes given as a data file or a `.md` file load or fail with an
//! error, never a panic; the error renders, and a document that loads goes
//! through derive and the template to its Markdown without a panic.
#![no_main]

use std::path::Path;
use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use zongjie::data;
use zongjie::testing::MdFile;
use zongjie::{TemplateInfo, Templates};

static TEMPLATES: LazyLock<Templates> = LazyLock::new(|| Templates::new(None).expect("built-in templates"));
static PROGRESS: LazyLock<TemplateInfo> =
    LazyLock::new(|| TEMPLATES.info("progress-report").expect("the progress-report template"));
static VILLAGE: LazyLock<TemplateInfo> =
    LazyLock::new(|| TEMPLATES.info("village-stay-report").expect("the village-stay-report template"));

fn render(err: &dyn std::fmt::Display) {
    let _ = err.to_string();
}

fuzz_target!(|bytes: &[u8]| {
    // A data file.
    match data::source_from_bytes(Path::new("fuzz.yaml"), bytes.to_vec()) {
        Err(e) => render(&e),
        Ok(source) => {
            if let Err(e) = data::front_matter_template(&source) {
                render(&e);
            }
            let info = if source.text.contains("village") { &*VILLAGE } else { &*PROGRESS };
            match data::parse(&source, &info.schema) {
                Err(e) => {
                    let d = e.diagnostic();
                    let _ = d.line_column();
                    let _ = d.to_plain_text();
                    render(&e);
                }
                Ok(doc) => {
                    let today = chrono_today();
                    let _ = zongjie::testing::render_markdown(&TEMPLATES, info, &doc, today);
                }
            }
        }
    }
    // A chart block's YAML.
    if let Ok(text) = std::str::from_utf8(bytes) {
        let _ = zongjie::testing::chart_to_typst(text);
    }
    // A Markdown file with front matter.
    if let Ok(source) = data::source_from_bytes(Path::new("fuzz.md"), bytes.to_vec()) {
        match MdFile::parse(&source) {
            Err(e) => render(&e),
            Ok(md) => {
                let _ = md.to_text();
            }
        }
    }
});

fn chrono_today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 5).expect("a date")
}
