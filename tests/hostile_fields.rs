//! Plain-text and Markdown fields full of Typst and template syntax reach
//! the PDF verbatim, in the body font: nothing in data runs as code.

mod common;

use common::{pdf_fonts, pdf_text, squeeze, temp, yaml_string, zongjie};

/// Strings that would do something if they were ever read as Typst,
/// minijinja or Markdown.
const HOSTILE: &[&str] = &[
    "#set text(fill: red, size: 40pt)",
    "#panic(\"boom\")",
    "#read(\"/etc/passwd\")",
    "$x^2 + y$",
    "*not bold* _not italic_ `not raw`",
    "@not-a-ref <not-a-label>",
    "// not a comment /* nor this */",
    "{{ organization }} {% if true %}yes{% endif %} {# gone? #}",
    "= not a heading",
    "- not a list + nor this",
    "1. not numbered",
    "\\ backslash \\\\ and \\u{41}",
    "http://example.com/(unbalanced",
    "-- --- ... -? ~ '' \"\"",
    "[link](http://x) ![img](y.png) <b>html</b>",
    "| a | b |",
    "团风县“1347”工程#1",
];

fn data(title: &str, body_text: &str) -> String {
    let items: String = HOSTILE
        .iter()
        .map(|h| format!("  - title: {}\n    body: {}\n", yaml_string(h), yaml_string(&markdown_text(h))))
        .collect();
    format!(
        "title: {}\norganization: {}\nrecipient: {}\ndate: 2026-11-05\nintro: {}\nattachments: [{}]\nprogress:\n{items}",
        yaml_string(title),
        yaml_string(HOSTILE[7]),
        yaml_string(HOSTILE[0]),
        yaml_string(body_text),
        yaml_string(HOSTILE[3]),
    )
}

/// The hostile string as Markdown text: Markdown syntax escaped by the
/// writer of the data (a person writing Markdown means Markdown), Typst
/// and template syntax left as is.
fn markdown_text(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if "\\`*_[]<>!|#-+=.".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[test]
fn hostile_fields_reach_the_pdf_verbatim_in_the_body_font() {
    let dir = temp();
    let intro = "Typst #set page(width: 1cm) and $x$ and // comment and {{ title }} and #eval(\"1+1\").";
    std::fs::write(dir.path().join("h.yaml"), data(HOSTILE[0], intro)).unwrap();
    zongjie(["build", dir.path().join("h.yaml").to_str().unwrap(), "-f", "pdf,md"]).run().expect(0);
    let pdf = dir.path().join("h.pdf");
    let text = squeeze(&pdf_text(&pdf));
    for s in HOSTILE.iter().chain([&intro]) {
        assert!(text.contains(&squeeze(s)), "{s:?} did not reach the PDF verbatim:\n{text}");
    }
    // No code font for text that only looks like code, no extra page from
    // a `#pagebreak` or a page width of 1 cm: the body font alone.
    let fonts = pdf_fonts(&pdf);
    assert!(fonts.iter().all(|f| f.starts_with("LibertinusSerif") || f.contains("CJK")), "{fonts:?}");
    // Template syntax in data was printed, not evaluated.
    assert!(text.contains(&squeeze("{{ organization }}")));
    let md = std::fs::read_to_string(dir.path().join("h.md")).unwrap();
    assert!(md.contains("{{ title }}"), "{md}");
}
