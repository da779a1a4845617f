//! Every CommonMark spec example without an image, placed in `intro`, builds
//! to a PDF through the whole pipeline, and the words of its HTML rendering
//! are in the PDF's text, in the same order.

mod common;

use common::{pdf_text, temp, words_in_order, yaml_string, zongjie};
use pulldown_cmark::{Event, Parser, Tag};

const SUITE: &str = include_str!("../src/write/typst/testdata/pulldown_cmark_suite.txt");

/// (name, Markdown) of the CommonMark spec's examples.
fn spec_examples() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut lines = SUITE.lines();
    while let Some(line) = lines.next() {
        let Some(header) = line.strip_prefix("~~~~~~~~~~~~~~~~ example ") else { continue };
        let mut parts = header.split_whitespace();
        let (file, name) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
        let mut markdown = String::new();
        for l in lines.by_ref() {
            if l == "~~~~~~~~~~~~~~~~ html" {
                break;
            }
            markdown.push_str(l);
            markdown.push('\n');
        }
        if file == "spec" {
            out.push((name.to_owned(), markdown));
        }
    }
    out
}

/// What a browser shows of the HTML rendering (tags and comments removed,
/// entities decoded), and whether it has footnotes (set at the page foot).
fn rendered_text(markdown: &str) -> (String, bool, bool) {
    let events: Vec<Event> = Parser::new_ext(markdown, zongjie::testing::parser_options()).collect();
    let image = events.iter().any(|e| matches!(e, Event::Start(Tag::Image { .. })));
    let footnotes =
        events.iter().any(|e| matches!(e, Event::Start(Tag::FootnoteDefinition(_)) | Event::FootnoteReference(_)));
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    (visible(&html), image, footnotes)
}

/// The text a browser shows: tags (with quoted attribute values),
/// comments, and `<?…>` / `<!…>` bogus comments removed.
fn visible(html: &str) -> String {
    let mut out = String::new();
    let bytes = html.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let rest = &html[i..];
        let end = if let Some(comment) = rest.strip_prefix("<!--") {
            comment.find("-->").map(|e| e + 7)
        } else if rest.starts_with("<?") || rest.starts_with("<!") {
            rest.find('>').map(|e| e + 1)
        } else if rest.starts_with('<') && rest[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/') {
            tag_end(rest)
        } else {
            None
        };
        match end {
            Some(e) => {
                out.push(' ');
                i += e;
            }
            None => {
                let c = rest.chars().next().unwrap_or(' ');
                out.push(c);
                i += c.len_utf8();
            }
        }
    }
    decode(&out)
}

/// The length of a tag up to its `>`, skipping quoted attribute values.
fn tag_end(tag: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in tag.char_indices().skip(1) {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return Some(i + 1),
            _ => {}
        }
    }
    None
}

fn decode(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let after = &rest[i..];
        let end = after.find(';').filter(|e| *e <= 12);
        let entity = end.map(|e| &after[1..e]);
        let decoded = match entity {
            Some("amp") => Some('&'),
            Some("lt") => Some('<'),
            Some("gt") => Some('>'),
            Some("quot") => Some('"'),
            Some("nbsp") => Some('\u{a0}'),
            Some(e) if e.starts_with("#x") || e.starts_with("#X") => {
                u32::from_str_radix(&e[2..], 16).ok().and_then(char::from_u32)
            }
            Some(e) if e.starts_with('#') => e[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match (decoded, end) {
            (Some(c), Some(e)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            _ => {
                out.push('&');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[test]
fn every_commonmark_example_builds_and_keeps_its_words() {
    let examples = spec_examples();
    assert!(examples.len() > 600, "the suite holds the CommonMark spec ({} examples found)", examples.len());
    let dir = temp();
    let mut checked = Vec::new();
    for (name, markdown) in &examples {
        let (text, image, footnotes) = rendered_text(markdown);
        if image {
            continue;
        }
        let data = format!(
            "title: CommonMark {name}\norganization: Test Office\ndate: 2026-11-05\ndoc_kind: summary\nintro: {}\n",
            yaml_string(markdown)
        );
        std::fs::write(dir.path().join(format!("{name}.yaml")), data).unwrap();
        checked.push((name.clone(), text, footnotes));
    }
    assert!(checked.len() > 550, "{} examples without images", checked.len());
    let inputs: Vec<String> =
        checked.iter().map(|(n, _, _)| dir.path().join(format!("{n}.yaml")).display().to_string()).collect();
    let mut args = vec!["build".to_owned(), "-f".into(), "pdf".into()];
    args.extend(inputs);
    zongjie(&args).run().expect(0);
    let mut failures = Vec::new();
    for (name, text, footnotes) in &checked {
        let pdf = pdf_text(&dir.path().join(format!("{name}.pdf")));
        let result = if *footnotes {
            // Footnote text sits at the foot of the page: every word must be there.
            text.split_whitespace().try_for_each(|w| words_in_order(w, &pdf))
        } else {
            words_in_order(text, &pdf)
        };
        if let Err(e) = result {
            failures.push(format!("{name}: {e}\n  expected text: {text:?}\n  pdf text: {pdf:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} examples lost words:\n{}",
        failures.len(),
        checked.len(),
        failures.join("\n")
    );
}
