//! Properties of the Markdown → Typst writer and of the data loader on
//! generated input: the same properties as the fuzz targets in `fuzz/`, run
//! on a few hundred cases in the normal suite.
//!
//! - Any Markdown converts; the markup parses with no error, is a fragment
//!   (ends with one newline), keeps every alphanumeric word of the text, and
//!   compiles, with every word laid out (nesting deeper than Typst allows is
//!   flattened, never an error).
//! - Any bytes given to the loader load or fail with a located error; none
//!   panics.

use std::path::Path;
use std::sync::LazyLock;

use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence};
use zongjie::testing::verify;

/// Checks the writer's properties on one Markdown text (see
/// [`verify::check_writer`]), as a proptest case.
fn check_writer(markdown: &str, compile: bool) -> Result<(), TestCaseError> {
    verify::check_writer(markdown, compile).map_err(TestCaseError::fail)
}

/// Inputs the fuzzer found (`fuzz/`), kept as regression cases.
#[test]
fn fuzz_findings() {
    // writer, 25 minutes in: a Hebrew point (U+05C7, alphabetic) before a
    // letter. The markup keeps the word; layout shows it in visual order.
    // Not a writer bug: the check compared the laid-out text in logical
    // order; it now counts letters.
    let found = b"\xffb\x01Y\xdf\x8b\x8b\x9a\x87\xd7\x87\xd7\x95re$) \xe6$$\n";
    check_writer(&String::from_utf8_lossy(found), true).unwrap();
    check_writer("\u{5c7}\u{5d5}re \u{5e9}\u{5c1}\u{5b8}\u{5dc}\u{5d5}\u{5b9}\u{5dd} abc", true).unwrap();
    // writer, 20 minutes in: `۔ ۭ1` (right-to-left text, a space, a
    // combining mark, none in the fonts) trips a debug assertion in Typst's
    // shaping of missing glyphs. The engine never lays out characters no
    // font has (tests/bad_input.rs); the check now skips compiling them too.
    assert!(!verify::covered("\u{6d4}\n\u{6ed}1"));
    check_writer("\u{6d4}\n\u{6ed}1", true).unwrap();
}

// ----- generated Markdown -----

/// Pieces of Markdown syntax, Typst syntax, CJK text and hostile characters.
const TOKENS: &[&str] = &[
    // Markdown
    "*",
    "**",
    "_",
    "__",
    "`",
    "``",
    "```",
    "```rust\n",
    "~~~",
    "# ",
    "## ",
    "###### ",
    "> ",
    ">> ",
    "- ",
    "* ",
    "+ ",
    "1. ",
    "2) ",
    "- [ ] ",
    "- [x] ",
    "[",
    "]",
    "](",
    "(",
    ")",
    "![",
    "[^1]",
    "[^1]: ",
    "[^a b]",
    "|",
    "| --- |",
    "|:-:|",
    "---",
    "***",
    "___",
    "~~",
    "~",
    "<",
    ">",
    "<b>",
    "</b>",
    "<br>",
    "<!-- c -->",
    "<div>",
    "</div>",
    "&amp;",
    "&#42;",
    "\\",
    "\\*",
    "    ",
    "\t",
    "\n",
    "\n\n",
    "  \n",
    "http://x.y/a(b",
    "<https://a.b/c>",
    "a@b.c",
    "[x]: /url",
    "===",
    "\\\n",
    // Typst
    "#",
    "#set text(red)",
    "#let x = 1",
    "#{",
    "}",
    "#(",
    "$",
    "$x$",
    "//",
    "/*",
    "*/",
    "@ref",
    "<label>",
    "=",
    "= ",
    "+",
    "/ ",
    "1.",
    "\\u{41}",
    "#raw(",
    "...",
    "--",
    "---",
    "-?",
    "'",
    "\"",
    ";",
    ".",
    "#emph[",
    "]",
    // CJK
    "中文",
    "，",
    "。",
    "（一）",
    "“重点”",
    "脱贫攻坚",
    "、",
    "！",
    "《标题》",
    "ひらがな",
    "한국어",
    // hostile characters
    "\u{0}",
    "\u{1}",
    "\u{7f}",
    "\r",
    "\r\n",
    "\u{b}",
    "\u{c}",
    "\u{85}",
    "\u{2028}",
    "\u{2029}",
    "\u{feff}",
    "\u{200b}",
    "\u{202e}",
    "e\u{301}",
    "\u{1F600}",
    "𠀀",
];

fn markdown() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        6 => proptest::sample::select(TOKENS).prop_map(str::to_owned),
        3 => "[a-zA-Z0-9]{1,8}",
        1 => " ",
    ];
    // Some texts start with deep nesting, which must be flattened.
    let nest = prop_oneof![
        4 => Just(String::new()),
        1 => (0usize..80).prop_map(|n| "> ".repeat(n)),
        1 => (0usize..60).prop_map(|n| (0..n).map(|i| format!("{}- x\n", "  ".repeat(i))).collect()),
        1 => (0usize..100).prop_map(|n| format!("{}deep{}", "*".repeat(n), "*".repeat(n))),
        1 => (0usize..60).prop_map(|n| format!("{}x{}", "[".repeat(n), "](u)".repeat(n))),
    ];
    (nest, proptest::collection::vec(token, 0..60)).prop_map(|(nest, tokens)| nest + &tokens.concat())
}

fn config(cases: u32) -> Config {
    Config {
        cases,
        // Failures are reported, not saved next to the sources.
        failure_persistence: Some(Box::new(FileFailurePersistence::Off)),
        ..Config::default()
    }
}

proptest! {
    #![proptest_config(config(1000))]

    /// Markdown of every kind converts to markup that parses and keeps its
    /// words; every fifth case is compiled too.
    #[test]
    fn writer_output_parses_and_keeps_words(markdown in markdown(), compile in proptest::bool::weighted(0.2)) {
        check_writer(&markdown, compile)?;
    }
}

// ----- generated data files -----

/// Pieces of YAML: keys of the contract, indicators, anchors, odd scalars.
const YAML_TOKENS: &[&str] = &[
    "title: ",
    "organization: ",
    "progress:",
    "metrics:",
    "next_steps:",
    "date: ",
    "period: ",
    "lang: zh",
    "\n",
    "\n  - ",
    "\n    ",
    "- ",
    ": ",
    "? ",
    "[",
    "]",
    "{",
    "}",
    ", ",
    "&a ",
    "*a",
    "!!str ",
    "!x ",
    "|",
    ">-",
    "'",
    "\"",
    "#",
    "---",
    "...",
    "%YAML 1.2",
    "\t",
    "\r\n",
    "2026-02-30",
    "2026-Q3",
    ".nan",
    ".inf",
    "-1e300",
    "0x10",
    "~",
    "null",
    "yes",
    "中文",
    "\u{0}",
    "\u{feff}",
    "\u{85}",
    "<<: *a",
];

fn yaml_bytes() -> impl Strategy<Value = Vec<u8>> {
    let token = prop_oneof![
        6 => proptest::sample::select(YAML_TOKENS).prop_map(|t| t.as_bytes().to_vec()),
        3 => "[a-z0-9 ]{1,10}".prop_map(String::into_bytes),
        1 => proptest::collection::vec(any::<u8>(), 1..4),
    ];
    proptest::collection::vec(token, 0..80).prop_map(|t| {
        let mut bytes = b"title: T\norganization: O\n".to_vec();
        bytes.extend(t.concat());
        bytes
    })
}

static SCHEMA: LazyLock<zongjie::data::Schema> =
    LazyLock::new(|| zongjie::Templates::new(None).unwrap().info("progress-report").unwrap().schema);

proptest! {
    #![proptest_config(config(1000))]

    /// The loader never panics: a file loads, or fails naming the file.
    #[test]
    fn loader_never_panics(bytes in yaml_bytes()) {
        let path = Path::new("generated.yaml");
        match zongjie::data::source_from_bytes(path, bytes.clone()) {
            Err(e) => prop_assert!(e.to_string().starts_with("generated.yaml"), "{e}"),
            Ok(source) => {
                let _ = zongjie::data::front_matter_template(&source);
                if let Err(e) = zongjie::data::parse(&source, &SCHEMA) {
                    prop_assert!(e.to_string().starts_with("generated.yaml"), "{e}");
                }
            }
        }
        let path = Path::new("generated.md");
        let mut md = b"---\n".to_vec();
        md.extend(&bytes);
        md.extend(b"\n---\nbody\n");
        if let Ok(source) = zongjie::data::source_from_bytes(path, md) {
            let _ = zongjie::data::mdfile::MdFile::parse(&source);
        }
    }
}
