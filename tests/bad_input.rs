//! Bad and awkward input, through the command line: every case of the
//! corpus in `tests/bad_input/` (and the big ones, generated here) gives the
//! error or the result it must.
//!
//! For every error: exit status 1, the file named, the line (and, where
//! there is one, the field) named, what was expected said, no panic, no
//! output written, and an earlier output of the same name left as it was.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::{pdf_text, squeeze, temp, zongjie};

/// The corpus folder.
fn corpus() -> PathBuf {
    common::root().join("tests/bad_input")
}

/// What a failed build must leave: an earlier output, byte for byte.
const SENTINEL: &[u8] = b"%PDF-1.7 an earlier output that a failed build must leave alone\n";

/// Runs `build` and `check` on `name` (a file in `dir`) and asserts that
/// both fail as an input error naming the file and each of `expected`, and
/// that the build leaves the earlier outputs alone. Returns the time `check`
/// took, for a guard against hanging (how fast refusals really are is
/// measured by `scripts/limits.sh`).
#[track_caller]
fn fails(dir: &Path, name: &str, expected: &[&str]) -> Duration {
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    let out = dir.join("out");
    fs::create_dir_all(&out).unwrap();
    let pdf = out.join(format!("{stem}.pdf"));
    let md = out.join(format!("{stem}.md"));
    fs::write(&pdf, SENTINEL).unwrap();
    fs::write(&md, SENTINEL).unwrap();

    let build = zongjie(["build", name, "-o", "out"]).current_dir(dir).run().expect(1).stderr_has(expected);
    let err = build.stderr();
    assert!(err.contains(name), "the file is not named:\n{err}");
    assert!(!err.contains("panicked"), "a panic:\n{err}");
    assert_eq!(fs::read(&pdf).unwrap(), SENTINEL, "{name}: the earlier PDF was changed");
    assert_eq!(fs::read(&md).unwrap(), SENTINEL, "{name}: the earlier Markdown was changed");
    let mut left: Vec<String> =
        fs::read_dir(&out).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    left.sort();
    assert_eq!(left, [format!("{stem}.md"), format!("{stem}.pdf")], "{name}: the build left files behind");

    let started = Instant::now();
    let check = zongjie(["check", name]).current_dir(dir).run();
    let took = started.elapsed();
    let check = check.expect(1).stderr_has(expected);
    let err = check.stderr();
    assert!(err.contains(name), "check does not name the file:\n{err}");
    assert!(!err.contains("panicked"), "a panic in check:\n{err}");
    took
}

/// Longer than any refusal takes on the slowest machine (they take about
/// 10 ms): only a refusal that expands, recurses or reads the whole file
/// comes near it.
const HANG: Duration = Duration::from_secs(5);

/// Copies a corpus file into a fresh folder; returns the folder.
fn copy(name: &str) -> tempfile::TempDir {
    let dir = temp();
    fs::copy(corpus().join(name), dir.path().join(name)).unwrap();
    dir
}

/// Each corpus file that must fail, and what its error must say: where
/// (`file:line:column`) and what.
const ERRORS: &[(&str, &[&str])] = &[
    // Malformed YAML at a known line: says what was expected.
    ("malformed_yaml.yaml", &["malformed_yaml.yaml:7:22", "did not find expected ',' or '}'"]),
    // A wrong type three levels down names its path.
    ("wrong_type_nested.yaml", &["wrong_type_nested.yaml:9:7", "progress[2].title", "expected text"]),
    // Duplicate keys, at the second key, at the top and below.
    ("duplicate_key.yaml", &["duplicate_key.yaml:4:1", "duplicate field `title`"]),
    ("duplicate_key_nested.yaml", &["duplicate_key_nested.yaml:6:5", "progress[0].body", "duplicate field `body`"]),
    // Unknown fields, with "did you mean".
    ("unknown_field.yaml", &["unknown_field.yaml:6:1", "unknown field `next_step`", "did you mean `next_steps`?"]),
    (
        "unknown_field_nested.yaml",
        &["unknown_field_nested.yaml:5:5", "progress[0]", "unknown field `bodie`", "did you mean `body`?"],
    ),
    // Billion laughs: the typed loader stops at the first list where text
    // belongs; as keys, the first pass does not expand them.
    ("alias_bomb.yaml", &["alias_bomb.yaml:6:5", "attachments[1]", "expected a title"]),
    ("alias_bomb_key.yaml", &["alias_bomb_key.yaml:4:3", "expected a field name"]),
    // A NUL byte: located by its offset, named, with what to do.
    ("nul_byte.yaml", &["nul_byte.yaml:4:19", "control characters are not allowed (U+0000)", "remove it"]),
    // A tab as indentation.
    ("tab_indent.yaml", &["tab_indent.yaml:4:1", "indented with a tab", "spaces"]),
    // An impossible date.
    (
        "impossible_date.yaml",
        &["impossible_date.yaml:3:7", "date: 2026-02-30 is not a date", "February 2026 has 28 days"],
    ),
    // NaN is refused with a message.
    ("nan_target.yaml", &["nan_target.yaml:7:13", "metrics[0].target", "NaN is not a usable figure", "finite number"]),
    ("huge_target.yaml", &["huge_target.yaml:8:13", "metrics[0].target", "too large to be a figure", "10^15"]),
    // A target below zero: no share of it means anything.
    ("negative_target.yaml", &["negative_target.yaml:8:5", "metrics[0].target", "has a target of -5000, below zero"]),
    // Other encodings, with a hint.
    ("gbk_encoded.yaml", &["gbk_encoded.yaml", "not valid UTF-8 (line 1", "looks like GBK", "save it as UTF-8"]),
    ("utf16_encoded.yaml", &["utf16_encoded.yaml", "not valid UTF-8 (line 1", "looks like UTF-16"]),
    // Two YAML documents in one file: the second one's `---` is named.
    ("multi_document.yaml", &["multi_document.yaml:3:1", "more than one document", "remove this `---` line"]),
    // Windows line ends do not shift the line numbers.
    ("crlf_error.yaml", &["crlf_error.yaml:7:14", "progress[1].metrics", "found a text, expected a list"]),
];

#[test]
fn corpus_errors() {
    for (name, expected) in ERRORS {
        let dir = copy(name);
        fails(dir.path(), name, expected);
    }
}

#[test]
fn every_corpus_file_has_a_case() {
    let mut listed: Vec<&str> = ERRORS.iter().map(|(n, _)| *n).chain(BUILDS.iter().map(|(n, _)| *n)).collect();
    listed.sort_unstable();
    let mut files: Vec<String> = fs::read_dir(corpus())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".yaml"))
        .collect();
    files.sort();
    assert_eq!(files, listed, "each file in tests/bad_input has an expected outcome here");
}

#[test]
fn alias_bombs_are_refused_at_once() {
    for name in ["alias_bomb.yaml", "alias_bomb_key.yaml"] {
        let dir = copy(name);
        let took = fails(dir.path(), name, &["expected"]);
        assert!(took < HANG, "{name}: check took {took:?}");
    }
}

/// 20,000 levels of nesting, in flow and block style: refused at once,
/// at a line, with no stack overflow.
#[test]
fn deep_nesting_is_refused_at_once() {
    let n = 20_000;
    // Flow collections are refused by a scan before parsing; block nesting
    // by the typed loader at its first level (no field takes nested lists).
    let cases = [
        ("deep_flow_seq.yaml", format!("intro: {}{}\n", "[".repeat(n), "]".repeat(n)), "nest more than 200 levels"),
        ("deep_flow_map.yaml", format!("intro: {}x{}\n", "{a: ".repeat(n), "}".repeat(n)), "nest more than 200 levels"),
        ("deep_flow_lines.yaml", format!("intro:\n{}", "  [\n".repeat(n)), "nest more than 200 levels"),
        ("deep_block_seq.yaml", format!("intro:\n{}x\n", "- ".repeat(n)), "expected Markdown text"),
        (
            "deep_block_map.yaml",
            format!("intro:\n{}", (0..2_000).map(|i| format!("{}a{i}:\n", " ".repeat(i + 1))).collect::<String>()),
            "expected Markdown text",
        ),
        (
            "deep_unknown_field.yaml",
            format!("progress:\n  - title: x\n    extra:\n{}x\n", "      - ".repeat(n)),
            "unknown field `extra`",
        ),
    ];
    for (name, body, message) in cases {
        let dir = temp();
        fs::write(dir.path().join(name), format!("title: Deep\norganization: County Office\n{body}")).unwrap();
        let took = fails(dir.path(), name, &[&format!("{name}:"), message]);
        assert!(took < HANG, "{name}: check took {took:?}");
    }
}

/// Aliases that repeat one long text (180 KB of file, gigabytes of data)
/// are refused at once, before any of it is copied; so is a duplicate
/// metric id, at its second line.
#[test]
fn aliases_repeating_a_long_text_and_duplicate_ids_are_refused() {
    let dir = temp();
    let name = "alias_text_bomb.yaml";
    let text = format!(
        "title: T\norganization: County Office\nintro: &s {}\nattachments: [{}]\n",
        "word ".repeat(20_000),
        vec!["*s"; 20_000].join(", ")
    );
    fs::write(dir.path().join(name), text).unwrap();
    let took = fails(dir.path(), name, &["alias_text_bomb.yaml:3:8", "would hold over 16 MB", "write the values out"]);
    assert!(took < HANG, "check took {took:?}");

    let dir = temp();
    let name = "duplicate_id.yaml";
    let text = "title: T\norganization: O\nmetrics:\n  - {id: m1, label: A, actual: 1}\n  - id: m1\n    label: B\n";
    fs::write(dir.path().join(name), text).unwrap();
    fails(dir.path(), name, &["duplicate_id.yaml:5:", "metrics[1].id", "metric id `m1` is given twice"]);
}

/// Control characters written as escapes (`"\e"`, `"\0"`) and direction
/// overrides are refused in text; nothing of an escape sequence reaches the
/// terminal, not even in the name of an unknown field.
#[test]
fn escaped_control_characters_are_refused_and_never_printed() {
    let dir = temp();
    let cases = [
        ("esc_title.yaml", "title: \"T\\e]0;PWNED\\a\"\norganization: O\n", "U+001B"),
        ("nul_body.yaml", "title: T\norganization: O\nintro: \"Body \\0 two\"\n", "U+0000"),
        ("rlo.yaml", "title: T\norganization: O\nintro: \"a \\u202e b\"\n", "direction override (U+202E)"),
        ("esc_key.yaml", "\"\\e]0;PWNED\\a\\e[2J\": x\ntitle: T\norganization: O\n", "unknown field"),
    ];
    for (name, text, message) in cases {
        fs::write(dir.path().join(name), text).unwrap();
        let err = zongjie(["check", name]).current_dir(dir.path()).run().expect(1).stderr_has(&[message]).stderr();
        assert!(
            !err.contains('\u{1b}') && !err.contains('\u{7}'),
            "{name}: a control character reached the terminal: {err:?}"
        );
    }
}

/// A 50 MB file is refused before it is parsed, with its size.
#[test]
fn a_50_mb_file_is_refused() {
    let dir = temp();
    let name = "huge.yaml";
    let line = "  Forty teams were trained in the county, and every village has one.\n";
    let mut text = String::from("title: Huge\norganization: County Office\nintro: |\n");
    while text.len() < 50 * 1024 * 1024 {
        text.push_str(line);
    }
    fs::write(dir.path().join(name), &text).unwrap();
    let took = fails(dir.path(), name, &["the file is 50.0 MB", "over 16 MB are refused", "split it"]);
    assert!(took < HANG, "check took {took:?}");
}

/// Each corpus file that must build, and text its PDF must hold.
const BUILDS: &[(&str, &[&str])] = &[
    ("utf8_bom.yaml", &["A file saved with a byte order mark", "Notepad writes a BOM before the text."]),
    ("crlf.yaml", &["A file with Windows line ends", "Two lines of intro.", "first item", "Done."]),
    ("tabs_in_values.yaml", &["Tabs inside a title", "Column column", "a b c"]),
    ("awkward_targets.yaml", &["Figures at the edges", "Rates over a target of zero must not crash the build."]),
    ("empty_lists.yaml", &["A report with nothing in its lists"]),
];

#[test]
fn awkward_but_valid_files_build() {
    for (name, texts) in BUILDS {
        let dir = copy(name);
        let done = zongjie(["build", name, "-o", "out"]).current_dir(dir.path()).run().expect(0);
        assert!(!done.stderr().contains("panicked"), "{}", done.stderr());
        let stem = name.trim_end_matches(".yaml");
        let pdf = dir.path().join("out").join(format!("{stem}.pdf"));
        let md = fs::read_to_string(dir.path().join("out").join(format!("{stem}.md"))).unwrap();
        assert!(!md.contains('\r') && !md.contains('\u{feff}'), "{name}: CR or BOM reached the Markdown:\n{md}");
        let text = pdf_text(&pdf);
        for expected in *texts {
            assert!(squeeze(&text).contains(&squeeze(expected)), "{name}: {expected:?} missing from the PDF:\n{text}");
        }
        for wrong in ["NaN", "inf", "∞"] {
            assert!(!text.contains(wrong), "{name}: {wrong:?} in the PDF:\n{text}");
        }
        zongjie(["check", name]).current_dir(dir.path()).run().expect(0);
    }
}

/// A report with `n` progress items.
fn items(n: usize) -> String {
    let mut text = String::from("title: Many items\norganization: County Office\nprogress:\n");
    for i in 0..n {
        text.push_str(&format!("  - title: Item number {i}\n    body: Work item {i} was done on time.\n"));
    }
    text
}

/// A 10,000-item report builds, with every item. (Its time, linear in the
/// number of items, is measured by `scripts/limits.sh`.)
#[test]
fn ten_thousand_items_build() {
    let dir = temp();
    let n = 10_000;
    let name = format!("items{n}.yaml");
    fs::write(dir.path().join(&name), items(n)).unwrap();
    zongjie(["build", &name, "-o", "out"]).current_dir(dir.path()).run().expect(0);
    let md = fs::read_to_string(dir.path().join(format!("out/items{n}.md"))).unwrap();
    assert!(md.contains(&format!("item number {}", n - 1)), "the last item is missing");
    let text = pdf_text(&dir.path().join("out/items10000.pdf"));
    assert!(
        squeeze(&text).contains("itemnumber0") && squeeze(&text).contains("itemnumber9999"),
        "items missing from the PDF"
    );
}

/// 6,000 Chinese characters without a space: the lines break, and every
/// character reaches the PDF.
#[test]
fn a_long_cjk_run_breaks_into_lines() {
    let dir = temp();
    let phrase: Vec<char> = "脱贫攻坚工作取得明显成效全县上下齐心协力".chars().collect();
    let long: String = (0..6_000).map(|i| phrase[i % phrase.len()]).collect();
    fs::write(dir.path().join("cjk.yaml"), format!("lang: zh\ntitle: 长文本\norganization: 县扶贫办\nintro: {long}\n"))
        .unwrap();
    zongjie(["build", "cjk.yaml", "-o", "out"]).current_dir(dir.path()).run().expect(0);
    let text = pdf_text(&dir.path().join("out/cjk.pdf"));
    // The text without the page numbers (`— 1 —`) between the pages.
    let body: String =
        text.lines().filter(|l| !(l.starts_with('—') && l.trim_end().ends_with('—'))).collect::<Vec<_>>().join("\n");
    assert!(squeeze(&body).contains(&long), "the 6,000 characters are not all in the PDF, in order:\n{text}");
    let lines: Vec<&str> = text.lines().filter(|l| l.contains("脱贫")).collect();
    assert!(lines.len() > 100, "the text does not break into lines: {} lines", lines.len());
    assert!(lines.iter().all(|l| l.chars().count() < 60), "a line is too long to fit the page");
}

/// Found by fuzzing (`fuzz/`, target `writer`): right-to-left text, a space
/// and a combining mark that no font has (`۔ ۭ1`) trip an assertion in
/// Typst's shaping of missing glyphs. zongjie never lays out a character no
/// font has: the preflight stops the build first, naming the characters,
/// whatever Markdown they sit in.
#[test]
fn characters_no_font_has_never_reach_typst() {
    let dir = temp();
    for (i, text) in ["\"۔ ۭ1\"", "|\n  ۔\n  ۭ1", "|\n  > ۔ *ۭ1*\n", "|\n  | ۔ |\n  |---|\n  | ۭ1 |\n"].iter().enumerate()
    {
        let name = format!("rtl{i}.yaml");
        fs::write(dir.path().join(&name), format!("title: Marks\norganization: County Office\nintro: {text}\n"))
            .unwrap();
        // Typst's embedded fonts only, so that no installed font covers them.
        zongjie(["build", &name, "-o", "out", "--no-system-fonts"])
            .current_dir(dir.path())
            .run()
            .expect(1)
            .stderr_has(&[&name, "no available font has these characters", "U+06D4", "U+06ED"]);
    }
    assert!(!dir.path().join("out").exists() || fs::read_dir(dir.path().join("out")).unwrap().next().is_none());
}
