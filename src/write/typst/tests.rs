//! Tests of the Markdown → Typst writer: escaping checked against Typst's
//! parser, a spec file of Markdown → Typst cases, compilation of hostile text
//! and of every construct, the CommonMark/GFM example suites, and deep
//! nesting.

use std::time::{Duration, Instant};

use typst::syntax::{SyntaxKind, SyntaxNode, ast};

use super::*;
use crate::engine::verify::{compile, compile_with_warnings, document_text};

// ----- helpers -----

/// Converts with the default options and no embeds.
fn md(markdown: &str) -> String {
    match to_typst(markdown, &Options::default(), &NoEmbeds) {
        Ok(converted) => converted.markup,
        Err(err) => panic!("conversion failed: {err}"),
    }
}

/// The parse errors and warnings of a Typst markup text, described.
fn parse_errors(markup: &str) -> Vec<String> {
    let root = typst::syntax::parse(markup);
    let (errors, warnings) = root.errors_and_warnings();
    errors
        .into_iter()
        .chain(warnings)
        .map(|e| {
            let kind = if e.is_error { "error" } else { "warning" };
            let hints: Vec<_> = e.hints.iter().map(|h| h.v.to_string()).collect();
            format!("{kind}: {} (hints: {hints:?})", e.message)
        })
        .collect()
}

/// What `escape::markup` does to a text's characters.
fn normalized(s: &str) -> String {
    let mut text: String = s.chars().filter_map(escape::normalize).collect();
    text.push_str(&escape::direction_closers(s));
    text
}

/// The text of markup that holds only text, spaces and escapes; any other
/// node is an error.
fn flat_text(node: &SyntaxNode, out: &mut String) -> Result<(), String> {
    for child in node.children() {
        match child.kind() {
            SyntaxKind::Text | SyntaxKind::Space => out.push_str(child.leaf_text()),
            SyntaxKind::Escape => {
                let text = child.leaf_text();
                if text == "\\u{200b}" {
                    // The one Unicode escape written: a zero-width space.
                    out.push('\u{200B}');
                    continue;
                }
                if text.starts_with("\\u{") {
                    return Err(format!("unicode escape {text:?}"));
                }
                out.push_str(&text[1..]);
            }
            kind => {
                return Err(format!("unexpected {kind:?} node {:?}", child.full_text()));
            }
        }
    }
    Ok(())
}

/// The alphanumeric words of a text.
fn words(s: &str) -> Vec<&str> {
    s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect()
}

/// Only the alphanumeric characters of a text: compiled text runs split and
/// join words freely (a run ends at every style change and line end).
fn alnum(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Checks that `expected`'s words occur in `actual` in the same order.
fn words_in_order(expected: &str, actual: &str) -> Result<(), String> {
    let hay = alnum(actual);
    let mut pos = 0;
    for word in words(expected) {
        match hay[pos..].find(word) {
            Some(found) => pos += found + word.len(),
            None => {
                return Err(format!("word {word:?} missing (or out of order) in compiled text {actual:?}"));
            }
        }
    }
    Ok(())
}

/// Checks that each of `expected`'s words occurs somewhere in `actual`.
fn words_anywhere(expected: &str, actual: &str) -> Result<(), String> {
    let hay = alnum(actual);
    for word in words(expected) {
        if !hay.contains(word) {
            return Err(format!("word {word:?} missing in compiled text {actual:?}"));
        }
    }
    Ok(())
}

/// Strings that must reach the PDF as written.
const HOSTILE: &[&str] = &[
    "#set text(red)",
    "#set page(width: 1cm)",
    "#let x = 1",
    "#{1+1}",
    "#(1)",
    "#!shebang",
    "$x$",
    "$ x^2 $",
    "*a*",
    "**a**",
    "_a_",
    "a_b_c",
    "`a`",
    "```rust\nx```",
    "@ref",
    "@a.b:",
    "x@y.z",
    "<label>",
    "<",
    ">",
    "a < b > c",
    "// comment",
    "/* c */",
    "*/",
    "a/b",
    "/ term: desc",
    "\\",
    "\\\\",
    "a\\",
    "\\ ",
    "\\u{41}",
    "\\u{zz}",
    "http://x.y/(a",
    "https://x.y/[a",
    "see https://example.com/a_b.",
    "- item",
    "+ item",
    "= h",
    "== h",
    "=",
    "=x",
    "+",
    "1. x",
    "1.",
    "12345678901234567890123. x",
    "2026. 年",
    "2026.年",
    "  = indented",
    "\t+ tab",
    "--",
    "---",
    "a -- b --- c",
    "...",
    "....",
    "a..b",
    "-?",
    "-5",
    "~",
    "a~b",
    "'quoted'",
    "\"dq\"",
    "it's",
    "{{ x }}",
    "{% if %}",
    ")]}",
    "([{",
    "]",
    "[",
    "[x](y)",
    "(a)",
    ";",
    "x;y",
    ".",
    ":",
    "a: b",
    "h",
    "tab\there",
    "line\nbreak",
    "cr\r\nlf",
    "para\n\nbreak",
    "nul\0char",
    "bell\u{7}esc\u{1b}[31mdel\u{7f}",
    "c1\u{85}\u{9b}",
    "ls\u{2028}ps\u{2029}",
    "vt\u{b}ff\u{c}",
    "zw\u{200b}j\u{200d}bom\u{feff}",
    "\u{202e}rlo",
    "中文，标点。“引号”（括号）《书名》",
    "　= 全角空格",
    "=\u{3000}x",
    "+\u{a0}x",
    "😀👍🏽👨‍👩‍👧",
    "עברית ومرحبا",
    "e\u{301} *\u{301}",
    "ﬁ ligature",
    "%&|^!?,",
    "a *b* _c_ `d` $e$ #f @g <h> \\i //j ~k -l 'm' \"n\"",
];

/// Contexts a text is written into: markup before, and how to get the text
/// back from the parsed tree.
fn check_in_contexts(s: &str) -> Result<(), String> {
    let want = normalized(s);
    let mut alone = String::new();
    escape::markup(s, &mut alone);
    if let Some(c) = alone.chars().find(|c| c.is_control()) {
        return Err(format!("{alone:?} holds the control character {c:?}"));
    }
    // Plain prefixes: the whole tree must be flat text.
    for prefix in ["", "\n", "x ", "x", "a.", "12", "\n  ", "1", "\n3", "x)", "x\\]"] {
        let mut out = String::from(prefix);
        escape::markup(s, &mut out);
        let errors = parse_errors(&out);
        if !errors.is_empty() {
            return Err(format!("prefix {prefix:?}: {out:?}: {errors:?}"));
        }
        let mut text = String::new();
        flat_text(&typst::syntax::parse(&out), &mut text).map_err(|e| format!("prefix {prefix:?}: {out:?}: {e}"))?;
        let prefix_text = prefix.replace("\\]", "]");
        if text != format!("{prefix_text}{want}") {
            return Err(format!("prefix {prefix:?}: {out:?} reads {text:?}"));
        }
    }
    // After embedded expressions.
    for prefix in ["#strong[x]", "#raw(\"x\")", "#footnote(<l>)"] {
        let mut out = String::from(prefix);
        escape::markup(s, &mut out);
        let errors = parse_errors(&out);
        if !errors.is_empty() {
            return Err(format!("after {prefix:?}: {out:?}: {errors:?}"));
        }
        let root = typst::syntax::parse(&out);
        let children: Vec<_> = root.children().collect();
        let [hash, expr, rest @ ..] = &children[..] else {
            return Err(format!("after {prefix:?}: {out:?}: too few nodes"));
        };
        let code = format!("{}{}", hash.leaf_text(), expr.full_text());
        if code != prefix {
            return Err(format!("after {prefix:?}: {out:?}: expression became {code:?}"));
        }
        let mut text = String::new();
        let tail = SyntaxNode::inner(SyntaxKind::Markup, rest.iter().map(|n| (*n).clone()).collect());
        flat_text(&tail, &mut text).map_err(|e| format!("after {prefix:?}: {out:?}: {e}"))?;
        if text != want {
            return Err(format!("after {prefix:?}: {out:?} reads {text:?}"));
        }
    }
    // In content blocks and headings.
    for (open, close) in [("#strong[", "]"), ("#list([", "])"), ("#footnote[", "]")] {
        let mut out = String::from(open);
        escape::markup(s, &mut out);
        out.push_str(close);
        let errors = parse_errors(&out);
        if !errors.is_empty() {
            return Err(format!("in {open:?}: {out:?}: {errors:?}"));
        }
        let root = typst::syntax::parse(&out);
        let block =
            find(&root, SyntaxKind::ContentBlock).ok_or_else(|| format!("in {open:?}: {out:?}: no content block"))?;
        let markup = find(&block, SyntaxKind::Markup).ok_or_else(|| format!("in {open:?}: {out:?}: no markup"))?;
        let mut text = String::new();
        flat_text(&markup, &mut text).map_err(|e| format!("in {open:?}: {out:?}: {e}"))?;
        if text != want {
            return Err(format!("in {open:?}: {out:?} reads {text:?}"));
        }
    }
    let mut out = String::from("= ");
    escape::markup(s, &mut out);
    let errors = parse_errors(&out);
    if !errors.is_empty() {
        return Err(format!("in heading: {out:?}: {errors:?}"));
    }
    let root = typst::syntax::parse(&out);
    let children: Vec<_> = root.children().collect();
    // Trailing spaces may end up after the heading.
    let heading_only = match &children[..] {
        [heading] => heading.kind() == SyntaxKind::Heading,
        [heading, space] => heading.kind() == SyntaxKind::Heading && space.kind() == SyntaxKind::Space,
        _ => false,
    };
    if !heading_only {
        return Err(format!("in heading: {out:?}: not one heading: {children:?}"));
    }
    let mut text = String::new();
    for child in children[0].children() {
        match child.kind() {
            SyntaxKind::HeadingMarker | SyntaxKind::Space => {}
            SyntaxKind::Markup => {
                flat_text(child, &mut text).map_err(|e| format!("in heading: {out:?}: {e}"))?;
            }
            kind => return Err(format!("in heading: {out:?}: unexpected {kind:?}")),
        }
    }
    if text.trim_matches(' ') != want.trim_matches(' ') {
        return Err(format!("in heading: {out:?} reads {text:?}"));
    }
    Ok(())
}

/// The first descendant of a kind (depth-first).
fn find(node: &SyntaxNode, kind: SyntaxKind) -> Option<SyntaxNode> {
    let mut stack = vec![node.clone()];
    while let Some(node) = stack.pop() {
        if node.kind() == kind {
            return Some(node);
        }
        let mut children: Vec<_> = node.children().cloned().collect();
        children.reverse();
        stack.extend(children);
    }
    None
}

/// Checks that `string_literal(s)` parses as a string that evaluates to `s`.
fn check_string_literal(s: &str) -> Result<(), String> {
    let literal = escape::string_literal(s);
    let code = typst::syntax::parse_code(&literal);
    if code.diagnosis().either() {
        return Err(format!("{literal:?}: {:?}", code.errors_and_warnings()));
    }
    let node = find(&code, SyntaxKind::Str).ok_or_else(|| format!("{literal:?}: no string"))?;
    if node.full_text() != literal {
        return Err(format!("{literal:?}: the string is only {:?}", node.full_text()));
    }
    let value = node.cast::<ast::Str>().ok_or_else(|| format!("{literal:?}: not a string"))?.get();
    if value != s {
        return Err(format!("{literal:?} evaluates to {value:?}"));
    }
    // No raw control characters or line breaks in the literal.
    if literal.chars().any(|c| c.is_control() || matches!(c, '\u{2028}' | '\u{2029}')) {
        return Err(format!("{literal:?} holds a raw control character"));
    }
    // And it works as an argument in markup.
    let errors = parse_errors(&format!("#raw({literal})x"));
    if !errors.is_empty() {
        return Err(format!("#raw({literal}): {errors:?}"));
    }
    Ok(())
}

/// A small deterministic generator of hostile strings (no dependency on a
/// property-testing crate): mixes Typst's special characters, spaces, line
/// breaks, digits and CJK.
fn generated(count: usize) -> Vec<String> {
    const ATOMS: &[&str] = &[
        "\\", "/", "//", "/*", "*/", "[", "]", "~", "-", "--", ".", "..", "'", "\"", "*", "_", ":", "h", "http://",
        "`", "$", "<", ">", "<a>", "@", "@a", "#", "#a", "#(", "=", "+", "1", "12", "1.", "(", ")", ";", " ", "  ",
        "\n", "\t", "\r", "\0", "a", "x", "中", "。", "\u{3000}", "u{41}", "{", "}", "?", "!", "&", "%",
    ];
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    (0..count)
        .map(|_| {
            let len = 1 + (next() % 12) as usize;
            (0..len).map(|_| ATOMS[(next() % ATOMS.len() as u64) as usize]).collect()
        })
        .collect()
}

// ----- 1. escaping -----

#[test]
fn hostile_strings_stay_text_in_every_context() {
    let mut failures = Vec::new();
    for s in HOSTILE {
        if let Err(e) = check_in_contexts(s) {
            failures.push(format!("{s:?}: {e}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn generated_strings_stay_text_in_every_context() {
    let mut failures = Vec::new();
    for s in generated(3000) {
        if let Err(e) = check_in_contexts(&s) {
            failures.push(format!("{s:?}: {e}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn text_can_be_written_in_pieces() {
    // Each piece sees what was written before it.
    let pieces = ["1", "2", ".", " x ", "=", ".", ".", "-", "-", "/", "/", "c"];
    for split in 0..pieces.len() {
        let mut out = String::from("\n");
        escape::markup(&pieces[..split].concat(), &mut out);
        escape::markup(&pieces[split..].concat(), &mut out);
        let mut text = String::new();
        flat_text(&typst::syntax::parse(&out), &mut text).unwrap();
        assert_eq!(text, format!("\n{}", pieces.concat()), "{out:?}");
    }
    for (before, piece) in [("\n12", ". x"), ("a.", ".."), ("\n", "= x"), ("[", "+ x")] {
        let mut out = before.to_owned();
        escape::markup(piece, &mut out);
        assert_eq!(&out[before.len()..before.len() + 1], "\\", "{before:?} + {piece:?}");
    }
}

#[test]
fn escaping_keeps_ordinary_text_readable() {
    let cases = [
        ("Hello, world. 1, 2, 3", "Hello, world. 1, 2, 3"),
        ("中文，标点。", "中文，标点。"),
        ("a-b", "a\\-b"),
        ("it's", "it\\'s"),
        ("x.y...", "x.y.\\.."),
        ("1. item", "1\\. item"),
        ("= h", "\\= h"),
        ("a = b + c", "a = b + c"),
        ("#x", "\\#x"),
        ("a\tb\nc\0d", "a b cd"),
        ("(x)", "(x)"),
    ];
    for (input, want) in cases {
        let mut out = String::new();
        escape::markup(input, &mut out);
        assert_eq!(out, want, "{input:?}");
    }
    // After an expression, the characters that would continue it.
    for (input, want) in [("(x)", "\\(x)"), (".x", "\\.x"), ("[x", "\\[x"), (";", "\\;")] {
        let mut out = String::from("#strong[a]");
        escape::markup(input, &mut out);
        assert_eq!(&out["#strong[a]".len()..], want);
    }
}

#[test]
fn string_literals_evaluate_to_the_input() {
    let mut failures = Vec::new();
    let extra = ["", "\"", "\\\"", "\\n", "a\"b\\c", "\u{0}\u{1}\u{1f}\u{7f}\u{9f}", "\n\r\t"];
    let generated = generated(1000);
    for s in HOSTILE.iter().copied().chain(extra).chain(generated.iter().map(String::as_str)) {
        if let Err(e) = check_string_literal(s) {
            failures.push(e);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(escape::string_literal("a\"b\\c\n"), "\"a\\\"b\\\\c\\n\"");
    assert_eq!(escape::string_literal("\u{0}\u{2028}"), "\"\\u{0}\\u{2028}\"");
}

#[test]
fn hostile_strings_compile_as_written() {
    let mut failures = Vec::new();
    for s in HOSTILE {
        let mut paragraph = String::new();
        escape::markup(s, &mut paragraph);
        // The paragraph alone: its text must be the input's, apart from
        // whitespace.
        match compile(&paragraph) {
            Ok(document) => {
                // Bidi controls steer the layout but are not shown.
                let shown = |c: &char| {
                    !c.is_whitespace()
                        && !matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
                };
                let got: String = document_text(&document).chars().filter(shown).collect();
                let want: String = normalized(s).chars().filter(shown).collect();
                if got != want {
                    failures.push(format!("{s:?}: {paragraph:?} shows {got:?}"));
                }
            }
            Err(e) => failures.push(format!("{s:?}: {paragraph:?}: {e}")),
        }
        // In a heading, emphasis, a list, a table, a footnote and a link.
        let mut esc = String::new();
        escape::markup(s, &mut esc);
        let literal = escape::string_literal(s);
        let document = format!(
            "= {esc}\n\n#emph[{esc}]\n\n#list([{esc}], [x])\n\n#table(columns: 2, [{esc}], [y])\n\n\
             z#footnote[{esc}]\n\n#link(\"https://example.com\")[{esc}]\n\n#raw({literal})\n\n\
             #raw(block: true, lang: \"md\", {literal})\n"
        );
        match compile(&document) {
            Ok(compiled) => {
                let text = document_text(&compiled);
                let mut expected = String::new();
                for _ in 0..8 {
                    expected.push_str(&normalized(s));
                    expected.push(' ');
                }
                if let Err(e) = words_anywhere(&expected, &text) {
                    failures.push(format!("{s:?} in constructs: {e}"));
                }
            }
            Err(e) => failures.push(format!("{s:?} in constructs: {e}")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// ----- 2. the spec file -----

/// One case of `spec.txt`.
struct Case {
    line: usize,
    markdown: String,
    typst: String,
}

/// Reads `spec.txt`: cases in the format of CommonMark's spec, with the
/// Typst output after the `.` line; `→` stands for a tab.
fn spec_cases() -> Vec<Case> {
    const FENCE: &str = "````````````````````````````````";
    let text = include_str!("spec.txt");
    let mut cases = Vec::new();
    let mut lines = text.lines().enumerate();
    while let Some((number, line)) = lines.next() {
        if line != format!("{FENCE} example") {
            continue;
        }
        let mut markdown = String::new();
        let mut typst = String::new();
        let mut in_output = false;
        for (_, line) in lines.by_ref() {
            if line == FENCE {
                break;
            }
            if line == "." && !in_output {
                in_output = true;
                continue;
            }
            let target = if in_output { &mut typst } else { &mut markdown };
            target.push_str(&line.replace('→', "\t"));
            target.push('\n');
        }
        cases.push(Case { line: number + 1, markdown, typst });
    }
    cases
}

#[test]
fn spec_file_cases() {
    let cases = spec_cases();
    assert!(cases.len() >= 60, "only {} cases in spec.txt", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let got = md(&case.markdown);
        if got != case.typst {
            failures.push(format!(
                "spec.txt:{}\n--- markdown\n{}--- expected\n{}--- got\n{}",
                case.line, case.markdown, case.typst, got
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn spec_file_cases_parse_and_compile() {
    let mut failures = Vec::new();
    for case in spec_cases() {
        let errors = parse_errors(&case.typst);
        if !errors.is_empty() {
            failures.push(format!("spec.txt:{}: {errors:?}", case.line));
            continue;
        }
        match compile(&case.typst) {
            Ok(document) => {
                let text = document_text(&document);
                let visible = visible_text(&pulldown_html(&case.markdown));
                if let Err(e) = words_anywhere(&visible, &text) {
                    failures.push(format!("spec.txt:{}: {e}", case.line));
                }
            }
            Err(e) => failures.push(format!("spec.txt:{}: {e}", case.line)),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The visible text of HTML, without footnote numbers (those of the HTML
/// restart with each example; Typst's go on through a batch).
fn visible_text(html: &str) -> String {
    let mut html = html.to_owned();
    for class in ["<sup class=\"footnote-reference\">", "<sup class=\"footnote-definition-label\">"] {
        while let Some(start) = html.find(class) {
            let end = html[start..].find("</sup>").map_or(html.len(), |e| start + e + 6);
            html.replace_range(start..end, " ");
        }
    }
    html::plain_text(&html)
}

/// pulldown-cmark's own HTML for the same Markdown and options.
fn pulldown_html(markdown: &str) -> String {
    let mut out = String::new();
    pulldown_cmark::html::push_html(&mut out, Parser::new_ext(markdown, parser_options()));
    out
}

// ----- 3. the writer's behaviour -----

#[test]
fn parser_options_are_exactly_the_four_extensions() {
    use pulldown_cmark::Options as O;
    assert_eq!(
        parser_options(),
        O::ENABLE_TABLES | O::ENABLE_STRIKETHROUGH | O::ENABLE_TASKLISTS | O::ENABLE_FOOTNOTES
    );
    // `$` stays text, `{#id}` stays text, quotes stay straight.
    let out = md("# T {#id}\n\n$5 and $6 \"q\" -- ...\n");
    assert_eq!(out, "= T {\\#id}\n\n\\$5 and \\$6 \\\"q\\\" \\-\\- .\\..\n");
}

#[test]
fn images_are_listed_in_order() {
    let converted = to_typst(
        "![a](one.png) ![b](<two words.png> \"Cap\") [![c](three.svg)](http://x)\n\n![empty]()\n",
        &Options::default(),
        &NoEmbeds,
    )
    .unwrap();
    assert_eq!(converted.images, ["one.png", "two words.png", "three.svg"]);
    assert!(converted.markup.contains("#image(\"one.png\", alt: \"a\")"));
    assert!(converted.markup.contains("#figure(image(\"two words.png\", alt: \"b\"), caption: [Cap])"));
    assert!(converted.markup.contains("#link(\"http://x\")[#image(\"three.svg\", alt: \"c\")]"));
    assert!(converted.markup.contains("\nempty\n"));
    let document = compile(&converted.markup).unwrap();
    words_in_order("Cap empty", &document_text(&document)).unwrap();
}

/// Found by fuzzing (`fuzz/`, target `writer`): a Windows path made Typst
/// refuse the generated source ("path must not contain a backslash"), which
/// zongjie reported as its own bug (exit 3).
#[test]
fn image_paths_are_typst_paths() {
    let converted =
        to_typst("![chart](img\\chart.png) ![b](<a\\b\\c.svg> \"T\")\n", &Options::default(), &NoEmbeds).unwrap();
    assert_eq!(converted.images, ["img/chart.png", "a/b/c.svg"]);
    assert!(converted.markup.contains("#image(\"img/chart.png\", alt: \"chart\")"), "{}", converted.markup);
    compile(&converted.markup).unwrap();
    let found = b"![poo](<\xf5O \xf6\xc5\x82\xbf\x03\x8cp\x8b\xd9\x8c\xa3.\x5c.\x5c\xa3.\x5c.\x5c.\x00\x00l>)\x0a";
    let converted = to_typst(&String::from_utf8_lossy(found), &Options::default(), &NoEmbeds).unwrap();
    assert!(!converted.images[0].contains('\\'), "{:?}", converted.images);
    compile(&converted.markup).unwrap();
}

struct ChartEmbeds;

impl Embeds for ChartEmbeds {
    fn fenced(&self, lang: &str, content: &str) -> Option<Result<String, crate::base::msg::Message>> {
        match lang {
            "chart" if content.trim() == "bad" => Some(Err(crate::base::msg::Message::verbatim("no such chart"))),
            "chart" => Some(Ok(format!("#box[CHART {}]", content.trim()))),
            _ => None,
        }
    }
}

#[test]
fn embeds_insert_code_or_fail_with_the_line() {
    let converted =
        to_typst("Intro\n\n```chart\npie\n```\n\n```rust\nx\n```\n", &Options::default(), &ChartEmbeds).unwrap();
    assert_eq!(converted.markup, "Intro\n\n#box[CHART pie]\n\n#raw(block: true, lang: \"rust\", \"x\")\n");
    let err = to_typst("a\n\nb\n\n  ```chart x\n  bad\n  ```\n", &Options::default(), &ChartEmbeds).unwrap_err();
    let WriterError::Embed { lang, line, msg, .. } = &err;
    assert_eq!((lang.as_str(), *line, msg.english().as_str()), ("chart", 5, "no such chart"));
    assert_eq!(err.to_string(), "line 5: ```chart block: no such chart");
    // Without the hook, a chart block is code.
    assert!(md("```chart\npie\n```\n").starts_with("#raw(block: true, lang: \"chart\""));
}

#[test]
fn footnotes_before_and_after_their_definitions() {
    let out = md("A[^b] B[^a] C[^a] D[^missing]\n\n[^a]: Alpha.\n[^b]: Beta\n\n    more\n[^unused]: Unused.\n");
    let label = |n: usize| {
        format!(
            "<zj-fn-{:08x}-{n}>",
            fnv1a(b"A[^b] B[^a] C[^a] D[^missing]\n\n[^a]: Alpha.\n[^b]: Beta\n\n    more\n[^unused]: Unused.\n")
        )
    };
    let want = format!(
        "A#footnote[Beta\n\nmore] B#[#footnote[Alpha.]{l1}] C#footnote({l1}) D\\[^missing\\]\n\n\\[^unused\\]:\nUnused.\n",
        l1 = label(1)
    );
    assert_eq!(out, want);
    let document = compile(&out).unwrap();
    let text = document_text(&document);
    words_anywhere("A B C D missing Alpha Beta more unused Unused", &text).unwrap();
}

#[test]
fn footnote_labels_are_distinct_per_text_and_prefix() {
    let a = md("x[^1] y[^1]\n\n[^1]: n\n");
    let b = md("z[^1] w[^1]\n\n[^1]: n\n");
    let label = |s: &str| s[s.find("<").unwrap()..s.find(">").unwrap() + 1].to_owned();
    assert_ne!(label(&a), label(&b));
    let options = Options { label_prefix: "zj-intro".to_owned(), ..Options::default() };
    let c = to_typst("x[^1] y[^1]\n\n[^1]: n\n", &options, &NoEmbeds).unwrap().markup;
    assert!(label(&c).starts_with("<zj-intro-"), "{c}");
    let bad = Options { label_prefix: "<#\">".to_owned(), ..Options::default() };
    let d = to_typst("x[^1] y[^1]\n\n[^1]: n\n", &bad, &NoEmbeds).unwrap().markup;
    assert!(label(&d).starts_with("<zj-fn-"), "{d}");
    // Both in one document: no clash.
    compile(&format!("{a}\n{b}\n{c}")).unwrap();
}

#[test]
fn footnotes_that_refer_to_each_other_terminate() {
    let cases = [
        "x[^a]\n\n[^a]: self [^a]\n",
        "x[^a]\n\n[^a]: to b [^b]\n[^b]: to a [^a]\n",
        "[^a]: only a definition [^b]\n[^b]: and b [^a]\n",
        "| t[^a] |\n|---|\n| c[^a] |\n\n[^a]: | inner |\n    |---|\n    | cell[^a] |\n",
    ];
    for case in cases {
        let out = md(case);
        assert!(parse_errors(&out).is_empty(), "{case:?}: {out}");
        compile(&out).unwrap_or_else(|e| panic!("{case:?}: {out}\n{e}"));
    }
    // A chain longer than the nesting limit: the rest is appended as text.
    let mut chain = String::from("start[^0]\n\n");
    for n in 0..300 {
        chain.push_str(&format!("[^{n}]: note {n} [^{}]\n", n + 1));
    }
    let out = md(&chain);
    let document = compile(&out).unwrap();
    let text = document_text(&document);
    let expected: String = (0..300).map(|n| format!("note {n} ")).collect();
    words_anywhere(&expected, &text).unwrap();
}

#[test]
fn soft_breaks_vanish_only_between_cjk() {
    assert_eq!(md("中文\n接着"), "中文接着\n");
    assert_eq!(md("第一句。\n第二句"), "第一句。第二句\n");
    assert_eq!(md("中文\n**强调**"), "中文#strong[强调]\n");
    assert_eq!(md("**强调**\n中文"), "#strong[强调]中文\n");
    assert_eq!(md("English\nwords"), "English\nwords\n");
    assert_eq!(md("中文\nEnglish"), "中文\nEnglish\n");
    assert_eq!(md("한국어\n문장"), "한국어\n문장\n");
    assert_eq!(md("# 标题\n"), "= 标题\n");
    // The compiled text has no space between the two lines.
    let document = compile(&md("中文\n接着")).unwrap();
    assert_eq!(document_text(&document).trim(), "中文接着");
}

#[test]
fn hard_breaks() {
    assert_eq!(md("a  \nb"), "a\\\nb\n");
    assert_eq!(md("a\\\nb"), "a\\\nb\n");
    assert_eq!(md("a<br>b"), "a\\\nb\n");
    // In a heading a newline would end the heading.
    assert_eq!(md("a  \nb\n==="), "= a\\ b\n");
    // At the end of a wrapper, the break must not escape the bracket.
    let out = md("**a<br>**");
    assert_eq!(out, "#strong[a\\\n]\n");
    assert!(parse_errors(&out).is_empty());
}

#[test]
fn raw_html_is_text() {
    assert_eq!(
        md("<div class=\"x\">\nSome <b>bold</b> &amp; &lt;tags&gt;<!-- hidden -->\n</div>\n"),
        "Some bold & \\<tags\\>\n"
    );
    assert_eq!(md("a <span>b</span> <!-- c --> d"), "a b  d\n");
    assert_eq!(md("<script>alert(1)</script>"), "alert(1)\n");
    assert_eq!(md("<!-- only a comment -->"), "");
    assert_eq!(md("<?php x ?>\n"), "");
    assert_eq!(md("x <![CDATA[a<b]]> y"), "x  y\n");
    assert_eq!(md("x <![CDATA[a>b]]> y"), "x b\\]\\]\\> y\n");
    assert_eq!(md("<div\nunclosed"), "\\<div unclosed\n");
}

#[test]
fn links() {
    assert_eq!(md("[a](http://x.y)"), "#link(\"http://x.y\")[a]\n");
    assert_eq!(md("<http://x.y/(a>"), "#link(\"http://x.y/(a\")[http:\\/\\/x.y\\/(a]\n");
    assert_eq!(md("<me@x.y>"), "#link(\"mailto:me@x.y\")[me\\@x.y]\n");
    assert_eq!(md("[empty]()"), "empty\n");
    assert_eq!(md("[q](\"\\\"#x)"), "#link(\"\\\"\\\"#x\")[q]\n");
    let long = format!("[long](http://x/{})", "a".repeat(9000));
    assert_eq!(md(&long), "long\n");
    compile(&md("[a](http://x.y) <http://x.y/(a> <me@x.y> [q](\"\\\"#x)")).unwrap();
}

#[test]
fn lists_keep_start_and_tightness() {
    assert_eq!(md("3. a\n4. b\n"), "#enum(start: 3, tight: true,\n[a],\n[b],\n)\n");
    assert_eq!(md("0. zero\n"), "#enum(start: 0, tight: true,\n[zero],\n)\n");
    assert_eq!(md("- a\n\n- b\n"), "#list(tight: false,\n[a],\n[b],\n)\n");
    let out = md("1. x\n   - y\n\n     z\n2. w\n");
    compile(&out).unwrap_or_else(|e| panic!("{out}\n{e}"));
    let big = md("999999999. big\n");
    compile(&big).unwrap_or_else(|e| panic!("{big}\n{e}"));
}

#[test]
fn tables_are_padded() {
    assert_eq!(
        md("| a | b | c |\n|:-|:-:|-:|\n| 1 |\n| 1 | 2 | 3 |\n"),
        "#table(\n  columns: 3,\n  align: (left, center, right, ),\n  table.header([a], [b], [c]),\n  [1], [], [],\n  [1], [2], [3],\n)\n"
    );
    compile(&md("| a |\n|---|\n| `x` \\| y |\n| *e* |\n")).unwrap();
    // pulldown-cmark already pads short rows; the writer pads rows it did not
    // (and rows with too many cells, which Typst would wrap).
    let row = |cells: usize| {
        let mut events = vec![Event::Start(Tag::TableRow)];
        for n in 0..cells {
            events.push(Event::Start(Tag::TableCell));
            events.push(Event::Text(format!("c{n}").into()));
            events.push(Event::End(TagEnd::TableCell));
        }
        events.push(Event::End(TagEnd::TableRow));
        events
    };
    let mut events = vec![Event::Start(Tag::Table(vec![Alignment::None; 3]))];
    events.push(Event::Start(Tag::TableHead));
    events.extend(
        row(2).into_iter().filter(|e| !matches!(e, Event::Start(Tag::TableRow) | Event::End(TagEnd::TableRow))),
    );
    events.push(Event::End(TagEnd::TableHead));
    events.extend(row(1));
    events.extend(row(4));
    events.push(Event::End(TagEnd::Table));
    let doc = Doc::from_events(events.into_iter().map(|e| (e, 0)), 0);
    let options = Options::default();
    let mut writer = Writer::new(&doc, &options, &NoEmbeds, "");
    writer.run_document().unwrap();
    let out = writer.finish().markup;
    assert_eq!(
        out,
        "#table(\n  columns: 3,\n  align: (auto, auto, auto, ),\n  table.header([c0], [c1], []),\n  [c0], [], [],\n  [c0], [c1], [c2], [c3], [], [],\n)\n"
    );
    compile(&out).unwrap();
}

#[test]
fn events_our_options_never_produce_are_handled() {
    use pulldown_cmark::Options as O;
    let all = O::all() - O::ENABLE_OLD_FOOTNOTES;
    let inputs = [
        "Term\n: Definition\n: Another\n\nTerm 2\n: Def 2\n",
        ": orphan definition\n",
        "$x^2$ and $$y$$\n",
        "^sup^ and ~sub~\n",
        "---\ntitle: x\n---\n\nbody\n",
        "+++\ntitle = 1\n+++\n\nbody\n",
        "> [!NOTE]\n> note\n",
        "# H {#id .class key=v}\n",
        "'smart' \"quotes\" -- ...\n",
        "[[wiki]]\n",
    ];
    for input in inputs {
        let converted = convert(input, all, &Options::default(), &NoEmbeds).unwrap();
        let out = converted.markup;
        assert!(parse_errors(&out).is_empty(), "{input:?}: {out}");
        let document = compile(&out).unwrap_or_else(|e| panic!("{input:?}: {out}\n{e}"));
        // Heading attributes are consumed by the parser; the rest is kept.
        let visible = input.replace(" {#id .class key=v}", "");
        words_in_order(&visible, &document_text(&document)).unwrap_or_else(|e| panic!("{input:?}: {out}\n{e}"));
    }
    let terms = convert(inputs[0], all, &Options::default(), &NoEmbeds).unwrap().markup;
    assert_eq!(terms, "#terms(\nterms.item([Term], [Definition\n\nAnother]),\nterms.item([Term 2], [Def 2]),\n)\n");
}

#[test]
fn output_is_a_fragment() {
    for markdown in ["", "x", "# h", "> q", "- l", "```\nc\n```", "<br>"] {
        let out = md(markdown);
        assert!(!out.contains("#set"), "{out}");
        assert!(!out.contains("#show"), "{out}");
        assert!(out.is_empty() || (out.ends_with('\n') && !out.ends_with("\n\n")), "{out:?}");
        // It can follow a show rule.
        compile(&format!("#show: rest => rest\n{out}")).unwrap();
    }
}

// ----- 4. the CommonMark and GFM example suites -----

/// One example of the vendored pulldown-cmark test suite.
struct Example {
    file: String,
    name: String,
    /// pulldown-cmark options the expected HTML was made with, beyond the
    /// always-on ones.
    extra_options: Vec<String>,
    markdown: String,
    html: String,
}

fn suite() -> Vec<Example> {
    const MARK: &str = "~~~~~~~~~~~~~~~~ ";
    let text = include_str!("testdata/pulldown_cmark_suite.txt");
    let mut examples = Vec::new();
    let mut lines = text.split_inclusive('\n').peekable();
    while let Some(line) = lines.next() {
        let Some(header) = line.strip_prefix(MARK).and_then(|h| h.strip_prefix("example ")) else {
            continue;
        };
        let mut parts = header.split_whitespace();
        let file = parts.next().unwrap_or_default().to_owned();
        let name = parts.next().unwrap_or_default().to_owned();
        let extra_options = parts.map(str::to_owned).collect();
        let mut read = |end: &str| {
            let mut body = String::new();
            for line in lines.by_ref() {
                if line.trim_end_matches('\n') == format!("{MARK}{end}") {
                    break;
                }
                if line.trim_end_matches('\n') == format!("{MARK}no-final-newline") {
                    body.pop();
                    continue;
                }
                body.push_str(line);
            }
            body
        };
        let markdown = read("html");
        let html = read("end");
        examples.push(Example { file, name, extra_options, markdown, html });
    }
    examples
}

#[test]
fn suite_has_every_example() {
    let examples = suite();
    assert_eq!(examples.len(), 1154);
    assert_eq!(examples.iter().filter(|e| e.file == "spec").count(), 652);
    let spec_1 = &examples[0];
    assert_eq!((spec_1.file.as_str(), spec_1.name.as_str()), ("spec", "spec_test_1"));
    assert_eq!(spec_1.markdown, "\tfoo\tbaz\t\tbim\n");
    assert_eq!(spec_1.html, "<pre><code>foo\tbaz\t\tbim\n</code></pre>\n");
}

#[test]
fn every_suite_example_converts_to_valid_markup() {
    let mut failures = Vec::new();
    let mut count = 0;
    for example in suite() {
        let out = md(&example.markdown);
        count += 1;
        let errors = parse_errors(&out);
        if !errors.is_empty() {
            failures.push(format!(
                "{} {}: {errors:?}\n--- markdown\n{}--- typst\n{out}",
                example.file, example.name, example.markdown
            ));
        }
    }
    assert_eq!(count, 1154);
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

/// Files whose expected HTML was made with the same Markdown dialect as ours
/// (apart from MATH, SUPERSCRIPT, GFM alerts and HEADING_ATTRIBUTES, which the
/// pulldown-cmark tests always turn on: they only change markup around words,
/// so our text still holds the HTML's words). The other files test
/// extensions we turn off; their HTML differs in words, so they are only
/// compiled, not compared.
const WORD_CHECKED: &[&str] =
    &["spec", "table", "gfm_table", "strikethrough", "gfm_strikethrough", "footnotes", "gfm_tasklist", "regression"];

/// Examples whose HTML words legitimately differ from ours, and why.
const WORD_EXCEPTIONS: &[(&str, &str)] = &[];

#[test]
fn every_suite_example_compiles_and_keeps_its_words() {
    let examples = suite();
    let mut failures = Vec::new();
    let mut compiled = 0;
    let mut compared = 0;
    // Batches of examples, one per page, each introduced by a marker.
    for batch in examples.chunks(60) {
        let mut document = String::new();
        let mut parts = Vec::new();
        for (n, example) in batch.iter().enumerate() {
            let converted = to_typst(&example.markdown, &Options::default(), &NoEmbeds).unwrap();
            document.push_str(&format!("#pagebreak(weak: true)\nZJEXAMPLE{n}ZJ\n\n"));
            document.push_str(&converted.markup);
            parts.push(converted);
        }
        let text = match compile(&document) {
            Ok(doc) => document_text(&doc),
            Err(batch_error) => {
                // Find the culprits one by one.
                for (example, converted) in batch.iter().zip(&parts) {
                    if let Err(e) = compile(&converted.markup) {
                        failures.push(format!(
                            "{} {}: {e}\n--- markdown\n{}--- typst\n{}",
                            example.file, example.name, example.markdown, converted.markup
                        ));
                    }
                }
                if failures.is_empty() {
                    failures.push(format!("batch failed as a whole: {batch_error}"));
                }
                continue;
            }
        };
        compiled += batch.len();
        for (n, example) in batch.iter().enumerate() {
            let start_marker = format!("ZJEXAMPLE{n}ZJ");
            let end_marker = format!("ZJEXAMPLE{}ZJ", n + 1);
            let start = text.find(&start_marker).map(|i| i + start_marker.len());
            let end = text.find(&end_marker).unwrap_or(text.len());
            let Some(start) = start else {
                failures.push(format!("{} {}: marker missing", example.file, example.name));
                continue;
            };
            let actual = &text[start..end.max(start)];
            if !WORD_CHECKED.contains(&example.file.as_str())
                || !example.extra_options.is_empty()
                || WORD_EXCEPTIONS.iter().any(|(name, _)| *name == example.name)
            {
                continue;
            }
            compared += 1;
            let expected = visible_text(&example.html);
            // Footnote text is laid out at the foot of the page, away from
            // its reference: for examples with footnotes only check that
            // every word is there.
            let has_notes = example.html.contains("footnote-definition");
            let check = if has_notes { words_anywhere(&expected, actual) } else { words_in_order(&expected, actual) };
            if let Err(e) = check {
                failures.push(format!(
                    "{} {}: {e}\n--- markdown\n{}--- html\n{}--- typst\n{}",
                    example.file, example.name, example.markdown, example.html, parts[n].markup
                ));
            }
        }
        comemo::evict(10);
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n\n"));
    eprintln!("{compiled} examples compiled, {compared} compared word by word");
    assert_eq!(compiled, 1154);
    assert!(compared > 900, "only {compared} compared");
}

// ----- 5. deep nesting -----

/// A named way to nest Markdown `n` levels deep.
type Shape = (&'static str, fn(usize) -> String);

/// Converts `markdown` and compiles it; returns how long the conversion
/// took.
fn deep(markdown: &str, word: &str) -> Duration {
    let start = Instant::now();
    let out = md(markdown);
    let elapsed = start.elapsed();
    let errors = parse_errors(&out);
    assert!(errors.is_empty(), "{errors:?}");
    let (document, _warnings) =
        compile_with_warnings(&out).unwrap_or_else(|e| panic!("{}…: {e}", &out[..out.len().min(300)]));
    assert!(document_text(&document).contains(word));
    elapsed
}

#[test]
fn deep_nesting_is_flattened() {
    let shapes: [Shape; 7] = [
        ("quotes", |n| format!("{}deep\n", "> ".repeat(n))),
        ("bullets", |n| format!("{}deep\n", "- ".repeat(n))),
        ("numbers", |n| format!("{}deep\n", "1. ".repeat(n))),
        ("stars", |n| format!("{}deep{}\n", "*".repeat(n), "*".repeat(n))),
        ("underscores", |n| format!("{}deep{}\n", "_".repeat(n), "_".repeat(n))),
        ("mixed", |n| format!("{}deep\n", "> - ".repeat(n / 2))),
        ("emphasis runs", |n| format!("{}deep{}\n", "*a ".repeat(n), " b*".repeat(n))),
    ];
    for (name, make) in shapes {
        deep(&make(5_000), "deep");
        // A guard against a square (20,000² steps would take minutes);
        // `scripts/limits.sh` measures the linear time.
        let large = deep(&make(20_000), "deep");
        assert!(large < Duration::from_secs(10), "{name}: {large:?}");
    }
}

#[test]
fn the_default_depth_leaves_room_for_typst() {
    // Every kind of wrapper nested to the limit and beyond, inside a
    // style's own nesting: it compiles.
    let n = DEFAULT_MAX_DEPTH + 5;
    let cases = [
        format!("{}x\n", "> ".repeat(n)),
        format!("{}x\n", "- ".repeat(n)),
        format!("{}x{}\n", "*".repeat(2 * n), "*".repeat(2 * n)),
        format!("{}x{}\n", "~~a ".repeat(n), " b~~".repeat(n)),
        {
            let mut s = String::new();
            for level in 0..n {
                s.push_str(&format!("{}- > x{level}\n", "    ".repeat(level)));
            }
            s
        },
    ];
    for markdown in cases {
        let out = md(&markdown);
        let style = format!(
            "#show: rest => block(block(block(block(rest))))\n#quote(block: true)[#list([#table([#strong[#emph[\n{out}\n]]])])]\n"
        );
        compile(&style).unwrap_or_else(|e| panic!("{}\n{e}", &out[..out.len().min(400)]));
    }
}

#[test]
fn constructs_combine() {
    let cases = [
        "x[^h]\n\n[^h]: # Heading in a note\n\n    > quote in a note\n\n    | t |\n    |---|\n    | c[^i] |\n\n[^i]: inner\n",
        "- a[^n]\n  > b *c [d](e)[^n]*\n\n[^n]: note with `code` and ![img](i.png)\n",
        "# Heading with [link](u) and ![img](i.png) and `code`[^x]\n\n[^x]: note\n",
        "| ![a](i.png \"cap\") | [^y] |\n|---|---|\n| <br> | **b** |\n\n[^y]: in a cell\n",
        "> - [ ] task *with* ~~strike~~\n>   1. nested\n>\n>      ```js\n>      code()\n>      ```\n",
        "Setext *heading*  \nwith break\n---\n",
        "[![a](i.png)](u) [link *with **nested** emphasis*](v)\n",
        "***\n- ***\n> ***\n",
        "<table><tr><td>a</td><td>b</td></tr></table>\n\nafter <b>inline</b> html\n",
        "1. a\n\n   b\n2. c\n\n\n3. d\n",
        "| a | b |\n|---|---|\n| x |\n\n- | in | list |\n  |----|------|\n  | 1 | 2 |\n",
    ];
    for markdown in cases {
        let out = md(markdown);
        assert!(parse_errors(&out).is_empty(), "{markdown:?}: {out}");
        let document = compile(&out).unwrap_or_else(|e| panic!("{markdown:?}:\n{out}\n{e}"));
        let visible = visible_text(&pulldown_html(markdown));
        words_anywhere(&visible, &document_text(&document)).unwrap_or_else(|e| panic!("{markdown:?}:\n{out}\n{e}"));
    }
}

#[test]
fn direction_controls_are_closed_where_their_text_ends() {
    let mut out = String::new();
    escape::markup("ab\u{202e}cd\u{2067}ef", &mut out);
    assert!(out.ends_with("ef\u{2069}\u{202c}"), "{out:?}");
    let mut out = String::new();
    escape::markup("a\u{2067}b\u{2069}c", &mut out);
    assert_eq!(out, "a\u{2067}b\u{2069}c");
}

/// Found by the writer's fuzzer: a long run of right-to-left text with
/// break opportunities in it made Typst panic while shaping; such runs are
/// left as they are.
#[test]
fn a_long_right_to_left_run_gets_no_breaks_and_compiles() {
    let markdown = String::from_utf8_lossy(include_bytes!("fuzz-rtl-zwsp.bin"));
    crate::engine::verify::check_writer(&markdown, true).unwrap();
    let hebrew = "\u{5D0}\u{5D1}\u{5D2}".repeat(20);
    assert_eq!(super::breaks::breakable(&hebrew), hebrew);
}

/// Found by the writer's fuzzer: a person's text `\u{200b}` (a backslash
/// and `u{200b}`) is written as `\\u{200b}`, shown as written; the check
/// took it for the escape of a break opportunity and missed its words.
#[test]
fn text_that_looks_like_a_break_escape_is_kept() {
    let markdown = String::from_utf8_lossy(include_bytes!("fuzz-break-text.bin"));
    crate::engine::verify::check_writer(&markdown, true).unwrap();
    crate::engine::verify::check_writer("\\u{200b} and \\\\u{200b}", true).unwrap();
    assert_eq!(crate::engine::verify::without_breaks("a\\u{200b}b \\\\u{200b} \\\\\\u{200b}c"), "ab \\\\u{200b} \\\\c");
}

/// A paragraph of hundreds of long runs is broken first fit (Typst's
/// optimal line breaking slows down faster than the square of its break
/// opportunities); a paragraph with a few keeps the default.
#[test]
fn a_paragraph_of_many_long_runs_is_broken_first_fit() {
    let runs: Vec<String> = (0..40).map(|i| format!("{}{i:04}", "abcdefghij".repeat(3))).collect();
    let many = format!("Before.\n\n{}\n\nAfter.\n", runs.join(" "));
    let out = md(&many);
    assert!(out.contains("#[#set par(linebreaks: \"simple\")\n"), "{out}");
    assert!(out.starts_with("Before.\n\n#[#set par"), "{out}");
    assert!(out.ends_with("\n]\n\nAfter.\n"), "{out}");
    crate::engine::verify::check_writer(&many, true).unwrap();
    let few = format!("{}\n", runs[..10].join(" "));
    assert!(!md(&few).contains("linebreaks"), "{}", md(&few));
    // In a quote, a loose list's item and a tight list's item too (whose
    // text is the list's paragraph, not one of its own).
    for wrapped in [
        format!("- {}\n\n- b\n", runs.join(" ")),
        format!("> {}\n", runs.join(" ")),
        format!("- a\n- {}\n- b\n", runs.join(" ")),
        format!("1. a\n   - {}\n", runs.join(" ")),
    ] {
        assert!(md(&wrapped).contains("linebreaks: \"simple\""), "{}", md(&wrapped));
        crate::engine::verify::check_writer(&wrapped, true).unwrap();
    }
}

/// A table wider than the text block gets its columns' widths from its
/// cells (each at least its longest figure), a table that fits keeps
/// Typst's automatic columns.
#[test]
fn a_table_wider_than_the_page_gets_widths_from_its_cells() {
    let text = TableText { size: 32, zh: true, width: 8844, margins: 170 };
    let options = Options { tables: Some(text), ..Options::default() };
    let narrow = "| 乡镇 | 户数 |\n|---|---:|\n| 城关镇 | 620 |\n";
    let out = to_typst(narrow, &options, &NoEmbeds).unwrap().markup;
    assert!(out.contains("  columns: 2,"), "{out}");
    let wide = "| 乡镇 | 任务（户） | 完成（户） | 完成率 | 资金（万元） | 验收合格率 | 负责人 | 备注说明 |\n\
                |---|---:|---:|---:|---:|---:|---|---|\n\
                | 城关镇 | 620 | 598 | 96.5% | 1,234.56 | 99.1% | 张三 | 全面完成，含特殊困难户的改厕任务 |\n";
    let out = to_typst(wide, &options, &NoEmbeds).unwrap().markup;
    let columns = out.lines().find(|l| l.trim_start().starts_with("columns:")).unwrap();
    let widths: Vec<u64> = columns
        .split(['(', ')', ','])
        .filter_map(|w| w.trim().strip_suffix("fr"))
        .map(|w| w.parse().unwrap())
        .collect();
    assert_eq!(widths.len(), 8, "{columns}");
    // "1,234.56" at 16 pt, half-width digits, and its cell's insets.
    let figure = crate::write::columns::Need::of_cell("1,234.56", &[], 32, false, true, 170);
    assert!(u64::from(widths[4]) * 8844 / widths.iter().sum::<u64>() >= figure.floor_width(), "{columns}");
}

/// A picture in a table cell goes through the style's limit of a row's
/// height; one in the body does not.
#[test]
fn a_picture_in_a_cell_is_held_to_a_rows_height() {
    let text = TableText { size: 32, zh: true, width: 8844, margins: 170 };
    let options = Options { tables: Some(text), ..Options::default() };
    let out = to_typst("![a](a.png)\n\n| 图 |\n|---|\n| ![b](b.png \"题\") |\n", &options, &NoEmbeds).unwrap().markup;
    assert!(out.contains("#image(\"a.png\", alt: \"a\")"), "{out}");
    assert!(out.contains("#zj-cell-picture(figure(image(\"b.png\", alt: \"b\"), caption: [题]))"), "{out}");
}

/// Only a last paragraph keeps to the signature: a table or a list that
/// ends the body is left to break as it falls (kept, it moved whole to the
/// next page, the space before it left empty).
#[test]
fn only_a_last_paragraph_keeps_to_what_follows() {
    let options = Options { keep_end_with_next: true, ..Options::default() };
    let sticky = |markdown: &str| to_typst(markdown, &options, &NoEmbeds).unwrap().markup.contains("sticky: true");
    assert!(sticky("First.\n\nLast paragraph.\n"));
    assert!(!sticky("First.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"));
    assert!(!sticky("First.\n\n- one\n- two\n"));
    assert!(!to_typst("Last.\n", &Options::default(), &NoEmbeds).unwrap().markup.contains("sticky"));
}

/// A table whose cells do not fit steps its text down (as the Word file
/// does) and still compiles: English relative to its size, Chinese to 四号
/// or 小四 on the grid.
#[test]
fn a_wide_english_table_steps_its_text_down() {
    let header = "| Township | Households | Population | Cooperatives | Investment | Completion | Employment | Enterprises | Villages | Difference |";
    let markdown = format!(
        "{header}\n{}\n| Qingshuihe | 1,234 | 56,789 | 23 | 4.56 | 98.7% | 3,210 | 45 | 12 | +3.4% |\n",
        "|---".repeat(10) + "|"
    );
    let en = TableText { size: 23, zh: false, width: 9072, margins: 250 };
    let options = Options { tables: Some(en), ..Options::default() };
    let markup = to_typst(&markdown, &options, &NoEmbeds).unwrap().markup;
    assert!(markup.starts_with("#[#set text(size: 0."), "{markup}");
    assert!(markup.trim_end().ends_with(")\n]"), "{markup}");
    compile(&markup).unwrap();
    // Inside a list item too.
    let nested = format!("- An item:\n\n  {}\n", markdown.replace('\n', "\n  "));
    compile(&to_typst(&nested, &options, &NoEmbeds).unwrap().markup).unwrap();
    // Five columns fit: no step down.
    let five = "| Township | Households | Population | Cooperatives | Investment |\n|---|---|---|---|---|\n| a | 1 | 2 | 3 | 4 |\n";
    assert!(!to_typst(five, &options, &NoEmbeds).unwrap().markup.contains("#set text"));
    // Chinese steps to 四号 or 小四, each row still a line of the grid.
    let zh = Options { tables: Some(TableText { zh: true, size: 32, ..en }), ..Options::default() };
    let markup = to_typst(&markdown, &zh, &NoEmbeds).unwrap().markup;
    assert!(markup.starts_with("#[#set text(size: 12pt, tracking: 0pt)\n#set par(leading: 16.991pt)"), "{markup}");
    compile(&markup).unwrap();
    let small = "| 乡镇 | 户数 |\n|---|---:|\n| 城关镇 | 620 |\n";
    assert!(!to_typst(small, &zh, &NoEmbeds).unwrap().markup.contains("#set text"));
}
