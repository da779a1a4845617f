//! Runs of characters with no line break opportunity (a 250-letter word,
//! 85 x's, emphasis around every character, a 10,000-letter word, 6,000
//! Chinese commas) wrap at the margin in every field that prints text: no
//! character is lost, they stay in order, and no hyphen is added. Ordinary
//! text gets no break opportunities.

mod common;

use std::path::Path;

use common::{Page, pdf_text, pdf_text_joined, pdf_words, root, temp, yaml_string, zongjie};

/// A 250-letter word.
fn long_word() -> String {
    format!("Loo{}ngword", "o".repeat(250))
}

/// An 80-letter compound with no hyphen.
const COMPOUND: &str = "Agriculturaldevelopmentbankrelocationloanscountyvillagehouseholdsubsidyprogrammes";

/// The runs a document holds, each in a different place.
struct Runs {
    title: String,
    organization: String,
    recipient: String,
    item: String,
    cell: String,
    code: String,
    attachment: String,
    huge: String,
    url: String,
}

fn runs() -> Runs {
    Runs {
        title: long_word(),
        organization: "x".repeat(85),
        recipient: COMPOUND.to_owned(),
        item: "y".repeat(90),
        cell: "z".repeat(120),
        code: "c".repeat(100),
        attachment: "q".repeat(150),
        huge: "Latinword".repeat(1111),
        url: format!("https://example.com/{}/path", "a".repeat(200)),
    }
}

/// A report with the runs in its fields and body; `extra` goes into the
/// closing (Markdown), after the others.
fn data(lang: &str, r: &Runs, extra: &str) -> String {
    let body = format!(
        "Body of the item with `{code}` in it.\n\n| Column | {cell} |\n|---|---|\n| a | b |\n",
        cell = r.cell,
        code = r.code
    );
    let closing = format!("Closing {} and {} end. See {} for more. {extra}", "_*".repeat(800), r.huge, r.url);
    format!(
        "template: progress-report\nlang: {lang}\ntitle: {}\norganization: {}\nrecipient: {}\ndate: 2026-12-10\n\
         intro: Intro.\nattachments: [{}]\nprogress:\n  - title: {}\n    body: {}\nclosing: {}\n",
        yaml_string(&format!("Title {}", r.title)),
        yaml_string(&format!("Org {}", r.organization)),
        yaml_string(&format!("Recipient {}", r.recipient)),
        yaml_string(&format!("Annex {}", r.attachment)),
        yaml_string(&format!("Item {}", r.item)),
        yaml_string(&body),
        yaml_string(&closing),
    )
}

fn build(dir: &Path, name: &str, yaml: &str) -> std::path::PathBuf {
    let file = dir.join(format!("{name}.yaml"));
    std::fs::write(&file, yaml).unwrap();
    zongjie(["build", file.to_str().unwrap(), "-f", "pdf,typ"]).run().expect(0);
    dir.join(format!("{name}.pdf"))
}

/// Every word lies between the left and the right margin (in points);
/// punctuation at the end of a line may hang into the right one by half a
/// Chinese character, as Typst's `overhang` lets it.
#[track_caller]
fn inside_margins(pages: &[Page], left: f64, right: f64) {
    for (n, page) in pages.iter().enumerate() {
        for w in &page.words {
            let hang = if w.text.ends_with(|c: char| !c.is_alphanumeric()) { 8.5 } else { 1.0 };
            assert!(
                w.x_min >= left - 1.0 && w.x_max <= page.width - right + hang,
                "page {}: {:?} runs from x = {:.1} to {:.1}, outside the text block ({left:.1} to {:.1})",
                n + 1,
                w.text.chars().take(40).collect::<String>(),
                w.x_min,
                w.x_max,
                page.width - right
            );
        }
    }
}

#[track_caller]
fn all_there(pdf: &Path, r: &Runs) {
    let raw = pdf_text(pdf);
    assert!(!raw.contains('\u{200B}'), "a zero-width space reached the PDF's text");
    let text = pdf_text_joined(pdf);
    for (what, run) in [
        ("title", &r.title),
        ("organization", &r.organization),
        ("recipient", &r.recipient),
        ("item title", &r.item),
        ("table cell", &r.cell),
        ("inline code", &r.code),
        ("attachment", &r.attachment),
        ("10,000-letter word", &r.huge),
        ("URL", &r.url),
    ] {
        assert!(text.contains(run.as_str()), "the {what} is not whole in the PDF (or got a hyphen): {run:.60}…");
    }
    // `_*_*…`: emphasis around single characters; the text between the
    // delimiters that Markdown takes.
    assert!(text.contains(&"*_".repeat(250)), "the emphasis run is not whole");
}

const MM: f64 = 72.0 / 25.4;

#[test]
fn long_runs_wrap_in_english() {
    let dir = temp();
    let r = runs();
    let pdf = build(dir.path(), "en", &data("en", &r, ""));
    all_there(&pdf, &r);
    inside_margins(&pdf_words(&pdf), 25.0 * MM, 25.0 * MM);
}

#[test]
fn long_runs_wrap_in_chinese() {
    let dir = temp();
    let r = runs();
    let commas = "，".repeat(6000);
    let latin = "x".repeat(85);
    let pdf = build(dir.path(), "zh", &data("zh", &r, &format!("正文{commas}结束。中文{latin}中文。")));
    all_there(&pdf, &r);
    let text = pdf_text_joined(&pdf);
    assert!(text.contains(&format!("正文{commas}结束")), "the 6,000 commas are not whole");
    assert!(text.contains(&format!("中文{latin}中文")), "the Latin run in Chinese is not whole");
    inside_margins(&pdf_words(&pdf), 28.0 * MM, 26.0 * MM);
}

#[test]
fn ordinary_text_gets_no_break_opportunities() {
    let dir = temp();
    for name in ["town-summary.en.yaml", "tuanfeng-progress.zh.yaml", "xulou-village-stay.en.yaml"] {
        let data = root().join("examples").join(name);
        zongjie(["build", data.to_str().unwrap(), "-f", "typ", "-o", dir.path().to_str().unwrap()]).run().expect(0);
        let typ = std::fs::read_to_string(dir.path().join(name.replace(".yaml", ".typ"))).unwrap();
        let body = &typ[typ.find("// ---- the document's fields").unwrap()..];
        assert!(!body.contains("\\u{200b}"), "{name}: a break opportunity in ordinary text");
    }
}
