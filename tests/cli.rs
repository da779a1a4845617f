//! The command line, end to end through the binary: outputs and their
//! names, rebuilding from edited Markdown, formats, exit codes, errors that
//! name the file and line and leave earlier outputs alone, batches that go on
//! past a bad file.

mod common;

use std::fs;
use std::path::Path;

use common::{names, pdf_text, root, squeeze, temp, zongjie};

const GOOD: &str = "\
title: Quarterly Report of the Agriculture Bureau
organization: County Agriculture Bureau
recipient: County Government
date: 2026-10-08
period: 2026-Q3
intro: |
  In the third quarter the bureau kept to its annual plan.
metrics:
  - id: wells
    label: Irrigation wells repaired
    unit: wells
    target: 120
    actual: 96
    previous: 60
progress:
  - title: Repair the irrigation wells
    body: |
      Teams repaired wells in nine townships.
    metrics: [wells]
problems:
  - title: Funds arrive late
    body: Two townships waited a month for funds.
next_steps:
  - title: Finish the remaining wells
    body: The last wells will be repaired before the frost.
    owner: Water Section
    due: 2026-12
";

fn write(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    fs::write(&path, text).unwrap();
    path
}

#[test]
fn builds_markdown_and_pdf_next_to_the_data_by_default() {
    let dir = temp();
    let data = write(dir.path(), "q3.yaml", GOOD);
    zongjie(["build", data.to_str().unwrap()]).run().expect(0).stderr_has(&["q3.md", "q3.pdf"]);
    assert_eq!(names(dir.path()), ["q3.md", "q3.pdf", "q3.yaml"]);
    let text = pdf_text(&dir.path().join("q3.pdf"));
    for words in [
        "Quarterly Report of the Agriculture Bureau",
        "County Government:",
        "I. Progress of work",
        "The first is to repair the irrigation wells.",
        "96 wells, 80% of the target of 120",
        "II. Existing problems",
        "III. Next steps",
        "Lead unit: Water Section; by the end of December 2026.",
        "This report is hereby submitted.",
        "County Agriculture Bureau",
        "8 October 2026",
    ] {
        assert!(squeeze(&text).contains(&squeeze(words)), "PDF lacks {words:?}:\n{text}");
    }
}

#[test]
fn an_edited_markdown_file_rebuilds_the_pdf() {
    let dir = temp();
    let data = write(dir.path(), "q3.yaml", GOOD);
    zongjie(["build", data.to_str().unwrap(), "-f", "md"]).run().expect(0);
    let md = dir.path().join("q3.md");
    let edited = fs::read_to_string(&md).unwrap().replace("nine townships", "eleven townships, ahead of plan");
    fs::write(&md, edited).unwrap();
    zongjie(["build", md.to_str().unwrap()]).run().expect(0);
    let text = pdf_text(&dir.path().join("q3.pdf"));
    assert!(squeeze(&text).contains(&squeeze("eleven townships, ahead of plan")), "{text}");
    // The Markdown given as input is not rewritten.
    assert!(fs::read_to_string(&md).unwrap().contains("eleven townships"));
}

/// A `.md` the writer edited is never written over by a build of its data
/// file: nothing of that document is written, the message says how to keep
/// the edits; `-f pdf,docx` leaves the `.md` alone, and a `.md` nobody
/// touched (line endings aside) is written again as before.
#[test]
fn an_edited_markdown_file_is_not_written_over() {
    let dir = temp();
    let data = write(dir.path(), "q3.yaml", GOOD);
    zongjie(["build", data.to_str().unwrap()]).run().expect(0);
    let (md, pdf) = (dir.path().join("q3.md"), dir.path().join("q3.pdf"));
    // Saved again unchanged, with Windows line endings: not an edit.
    let crlf = fs::read_to_string(&md).unwrap().replace('\n', "\r\n");
    fs::write(&md, &crlf).unwrap();
    zongjie(["build", data.to_str().unwrap()]).run().expect(0);
    let edited = fs::read_to_string(&md).unwrap().replace("nine townships", "eleven townships");
    fs::write(&md, &edited).unwrap();
    let before = fs::read(&pdf).unwrap();
    zongjie(["build", data.to_str().unwrap()]).run().expect(1).stderr_has(&[
        "q3.md was edited after zongjie wrote it",
        "nothing was written",
        "zongjie build",
        "-f pdf,docx",
    ]);
    assert_eq!(fs::read_to_string(&md).unwrap(), edited, "the edited .md was written over");
    assert_eq!(fs::read(&pdf).unwrap(), before, "the PDF was written though the document was refused");
    // Without `md` in the formats the .md is left alone and the rest built.
    zongjie(["build", data.to_str().unwrap(), "-f", "pdf,docx"]).run().expect(0);
    assert_eq!(fs::read_to_string(&md).unwrap(), edited);
    assert!(dir.path().join("q3.docx").is_file());
    // Building the edited .md uses the edits.
    zongjie(["build", md.to_str().unwrap()]).run().expect(0);
    assert!(squeeze(&pdf_text(&pdf)).contains(&squeeze("eleven townships")));
    // Moved away, it is written again from the data file.
    fs::rename(&md, dir.path().join("q3-edited.md")).unwrap();
    zongjie(["build", data.to_str().unwrap()]).run().expect(0);
    assert!(fs::read_to_string(&md).unwrap().contains("nine townships"));
}

/// An edited `.md` asked for as Markdown: copied into another output
/// folder (again and again, as it stands), never written over itself, and
/// "nothing to write" said, not an empty "wrote".
#[test]
fn a_markdown_file_built_to_markdown_is_copied_or_left() {
    let dir = temp();
    let data = write(dir.path(), "q3.yaml", GOOD);
    zongjie(["build", data.to_str().unwrap(), "-f", "md"]).run().expect(0);
    let md = dir.path().join("q3.md");
    let edited = fs::read_to_string(&md).unwrap().replace("nine townships", "eleven townships");
    fs::write(&md, &edited).unwrap();
    let out = dir.path().join("out");
    for _ in 0..2 {
        zongjie(["build", md.to_str().unwrap(), "-f", "md", "-o", out.to_str().unwrap()])
            .run()
            .expect(0)
            .stderr_has(&["q3.md"]);
        assert_eq!(fs::read_to_string(out.join("q3.md")).unwrap(), edited);
    }
    zongjie(["build", md.to_str().unwrap(), "-f", "md"]).run().expect(0).stderr_has(&["nothing to write"]);
    assert_eq!(fs::read_to_string(&md).unwrap(), edited);
}

/// A listing read only in part (`zongjie fonts | head -1`) ends quietly.
#[test]
fn a_listing_whose_reader_stops_ends_quietly() {
    for args in [["fonts"], ["templates"]] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_zongjie"))
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // The reader is gone before anything is written.
        drop(child.stdout.take());
        let done = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&done.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert_eq!(done.status.code(), Some(0), "{args:?}: {stderr}");
    }
}

#[test]
fn every_format_into_an_output_folder() {
    let dir = temp();
    let data = write(dir.path(), "q3.yaml", GOOD);
    let out = dir.path().join("out");
    zongjie(["build", data.to_str().unwrap(), "-f", "md,pdf,typ,html", "-o", out.to_str().unwrap()]).run().expect(0);
    assert_eq!(names(&out), ["q3.html", "q3.md", "q3.pdf", "q3.typ"]);
    let html = fs::read_to_string(out.join("q3.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("repair the irrigation wells"), "{html}");
    // Raw HTML shows its text, as in the PDF, and is never a tag of the page.
    let text = GOOD.replace("kept to its annual plan.", "kept to its <b>annual</b> plan.<script>alert(1)</script>");
    let data = write(dir.path(), "raw.yaml", &text);
    zongjie(["build", data.to_str().unwrap(), "-f", "html"]).run().expect(0);
    let html = fs::read_to_string(dir.path().join("raw.html")).unwrap();
    assert!(html.contains("kept to its annual plan.") && !html.contains("<script") && !html.contains("<b>"), "{html}");
    let typ = fs::read_to_string(out.join("q3.typ")).unwrap();
    assert!(typ.contains("#let document(meta, body)") && typ.contains("#show: document.with(meta)"));
    assert!(!typ.contains("#import") && !typ.contains("#include"), "the .typ is self-contained");
}

#[test]
fn the_typ_output_compiles_on_its_own() {
    use std::sync::Arc;
    use zongjie::{FontOptions, Fonts};
    let dir = temp();
    let data = write(dir.path(), "q3.yaml", GOOD);
    zongjie(["build", data.to_str().unwrap(), "-f", "typ,pdf"]).run().expect(0);
    let typ = fs::read_to_string(dir.path().join("q3.typ")).unwrap();
    let fonts = Arc::new(Fonts::load(&FontOptions { system: true, ..FontOptions::default() }));
    let document = zongjie::testing::layout_typ(fonts, dir.path(), typ).unwrap_or_else(|e| panic!("{e}"));
    assert!(!document.pages().is_empty());
}

#[test]
fn builds_are_reproducible_with_source_date_epoch() {
    let dir = temp();
    let data = write(dir.path(), "q3.yaml", GOOD);
    zongjie(["build", data.to_str().unwrap(), "-f", "pdf"]).run().expect(0);
    let first = fs::read(dir.path().join("q3.pdf")).unwrap();
    zongjie(["build", data.to_str().unwrap(), "-f", "pdf"]).run().expect(0);
    assert_eq!(first, fs::read(dir.path().join("q3.pdf")).unwrap());
}

#[test]
fn draft_adds_a_watermark() {
    let dir = temp();
    let data = write(dir.path(), "q3.yaml", GOOD);
    zongjie(["build", data.to_str().unwrap(), "-f", "pdf", "--draft"]).run().expect(0);
    assert!(pdf_text(&dir.path().join("q3.pdf")).contains("DRAFT"));
}

#[test]
fn two_inputs_with_one_stem_are_refused_before_any_work() {
    let dir = temp();
    fs::create_dir_all(dir.path().join("a")).unwrap();
    let one = write(dir.path(), "q3.yaml", GOOD);
    let two = write(&dir.path().join("a"), "q3.yaml", GOOD);
    let out = dir.path().join("out");
    zongjie(["build", one.to_str().unwrap(), two.to_str().unwrap(), "-o", out.to_str().unwrap()])
        .run()
        .expect(2)
        .stderr_has(&["would both write"]);
    assert!(!out.exists());
}

/// A bad input: exit 1, the file and the line or field named, no panic, no
/// output, an earlier output of the same name untouched.
fn refused(name: &str, bytes: &[u8], expect: &[&str]) {
    let dir = temp();
    let path = dir.path().join(name);
    fs::write(&path, bytes).unwrap();
    let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
    let earlier = dir.path().join(format!("{stem}.pdf"));
    fs::write(&earlier, b"earlier output").unwrap();
    let done = zongjie(["build", path.to_str().unwrap()]).run().expect(1);
    let mut texts = vec![name];
    texts.extend_from_slice(expect);
    let done = done.stderr_has(&texts);
    assert!(!done.stderr().contains("panicked"), "{}", done.stderr());
    assert_eq!(fs::read(&earlier).unwrap(), b"earlier output", "{name}: the earlier output was changed");
    assert!(!dir.path().join(format!("{stem}.md")).exists(), "{name}: an output was written");
    let left: Vec<String> = names(dir.path()).into_iter().filter(|n| n.contains(".tmp")).collect();
    assert!(left.is_empty(), "{name}: temporary files left: {left:?}");
}

#[test]
fn broken_yaml_names_the_line() {
    refused(
        "broken.yaml",
        b"title: A\norganization: B\nprogress:\n  - title: x\n   body: y\n",
        &[":5:", "broken.yaml"],
    );
}

#[test]
fn a_wrong_type_names_the_field_path() {
    let text = GOOD.replace("  - title: Repair the irrigation wells", "  - title: [not, text]");
    refused("wrongtype.yaml", text.as_bytes(), &["progress[0].title", "wrongtype.yaml:16:12"]);
}

#[test]
fn a_misspelt_field_gets_a_suggestion() {
    let text = GOOD.replace("next_steps:", "next_step:");
    refused(
        "misspelt.yaml",
        text.as_bytes(),
        &["unknown field `next_step`", "did you mean `next_steps`?", "misspelt.yaml:23:1"],
    );
    let text = GOOD.replace("    owner: Water Section", "    ownr: Water Section");
    refused("misspelt2.yaml", text.as_bytes(), &["next_steps[0]: unknown field `ownr`", "did you mean `owner`?"]);
}

#[test]
fn a_missing_or_empty_title_is_refused() {
    let text = GOOD.replace("title: Quarterly Report of the Agriculture Bureau\n", "");
    refused("notitle.yaml", text.as_bytes(), &["missing field `title`"]);
    let text = GOOD.replace("title: Quarterly Report of the Agriculture Bureau", "title: ''");
    refused("emptytitle.yaml", text.as_bytes(), &["title: must not be empty", "emptytitle.yaml:1:"]);
    let text = GOOD.replace("  - title: Funds arrive late", "  - title:");
    refused("emptyitem.yaml", text.as_bytes(), &["problems[0].title"]);
    // The caret is on the field's own line, not on the first of its mapping.
    refused("lowtitle.yaml", b"organization: O\ndate: 2026-11-05\ntitle: ''\n", &["lowtitle.yaml:3:1", "title"]);
    let text = GOOD
        .replace("    body: Two townships waited a month for funds.\n", "")
        .replace("  - title: Funds arrive late", "  - body: Two townships waited a month for funds.\n    title: ''");
    refused("seconditem.yaml", text.as_bytes(), &["seconditem.yaml:22:5", "problems[0].title"]);
}

#[test]
fn an_empty_file_is_refused() {
    refused("empty.yaml", b"", &["empty"]);
    refused("comments.yaml", b"# nothing but a comment\n", &["empty"]);
    refused("list.yaml", b"- a\n- b\n", &["expected a mapping"]);
}

#[test]
fn invalid_utf8_gets_a_hint() {
    // "标题" in GBK.
    refused("gbk.yaml", b"title: \xb1\xea\xcc\xe2\norganization: x\n", &["not valid UTF-8", "GBK"]);
}

#[test]
fn an_impossible_date_is_refused() {
    let text = GOOD.replace("date: 2026-10-08", "date: 2026-02-30");
    refused("baddate.yaml", text.as_bytes(), &["2026-02-30", "baddate.yaml:4:"]);
    let text = GOOD.replace("period: 2026-Q3", "period: 2026-Q5");
    refused("badperiod.yaml", text.as_bytes(), &["2026-Q5", "badperiod.yaml:5:"]);
}

#[test]
fn a_batch_goes_on_past_a_bad_file_and_names_it() {
    let dir = temp();
    let good = write(dir.path(), "good.yaml", GOOD);
    let bad = write(dir.path(), "bad.yaml", "title: [\n");
    let also = write(dir.path(), "also.yaml", &GOOD.replace("Quarterly", "Second"));
    zongjie(["build", good.to_str().unwrap(), bad.to_str().unwrap(), also.to_str().unwrap()])
        .run()
        .expect(1)
        .stderr_has(&["1 of 3 documents failed", "bad.yaml"]);
    assert!(dir.path().join("good.pdf").exists() && dir.path().join("also.pdf").exists());
    assert!(!dir.path().join("bad.pdf").exists());
}

#[test]
fn check_validates_and_writes_nothing() {
    let dir = temp();
    let data = write(dir.path(), "q3.yaml", GOOD);
    zongjie(["check", data.to_str().unwrap()]).run().expect(0).stderr_has(&["no errors"]);
    assert_eq!(names(dir.path()), ["q3.yaml"]);
    let text = GOOD.replace("in nine townships", "in xx townships by October X");
    let data = write(dir.path(), "placeholder.yaml", &text);
    zongjie(["check", data.to_str().unwrap()]).run().expect(1).stderr_has(&[
        "placeholder.yaml:18:31",
        "placeholder.yaml:18:47",
        "`xx`",
        "`October X`",
    ]);
    assert_eq!(names(dir.path()), ["placeholder.yaml", "q3.yaml"]);
}

#[test]
fn images_must_be_inside_the_data_folder() {
    let dir = temp();
    fs::create_dir_all(dir.path().join("doc")).unwrap();
    fs::write(dir.path().join("secret.png"), b"not shown").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.path().join("secret.png"), dir.path().join("doc/link.png")).unwrap();
    for (dest, why) in [
        ("../secret.png", "leads outside"),
        ("/etc/passwd", "absolute"),
        ("missing.png", "does not exist"),
        ("http://example.com/x.png", "not a local file"),
        #[cfg(unix)]
        ("link.png", "leads outside"),
    ] {
        let text = GOOD.replace("Teams repaired wells in nine townships.", &format!("![map]({dest})"));
        let data = write(&dir.path().join("doc"), "img.yaml", &text);
        // The error points at the image in the data file.
        let line = 1 + text.lines().position(|l| l.contains(dest)).unwrap();
        let column = 1 + text.lines().nth(line - 1).unwrap().find(dest).unwrap();
        let at = format!("img.yaml:{line}:{column}");
        let run = zongjie(["build", data.to_str().unwrap()]).run().expect(1).stderr_has(&[dest, why, &at]);
        assert!(!run.stderr().contains("not shown"), "{}", run.stderr());
        assert!(!dir.path().join("doc/img.pdf").exists());
    }
}

#[test]
fn usage_errors_exit_2() {
    zongjie(["build"]).run().expect(2);
    zongjie(["build", "--no-such-flag", "x.yaml"]).run().expect(2);
    zongjie(["frobnicate"]).run().expect(2);
    let dir = temp();
    let data = write(dir.path(), "q3.yaml", GOOD);
    zongjie(["build", data.to_str().unwrap(), "-f", "rtf"]).run().expect(2);
}

#[test]
fn a_missing_input_file_is_named() {
    zongjie(["build", "no/such/file.yaml"]).run().expect(1).stderr_has(&["no/such/file.yaml", "no such file"]);
}

#[test]
fn a_missing_input_is_one_failure_of_the_batch() {
    let dir = temp();
    let one = write(dir.path(), "one.yaml", GOOD);
    let two = write(dir.path(), "two.yaml", &GOOD.replace("Quarterly", "Second"));
    let missing = dir.path().join("typo.yaml");
    zongjie(["build", "-f", "md", one.to_str().unwrap(), missing.to_str().unwrap(), two.to_str().unwrap()])
        .run()
        .expect(1)
        .stderr_has(&["1 of 3 documents failed", "typo.yaml", "no such file"]);
    assert!(dir.path().join("one.md").exists() && dir.path().join("two.md").exists());
    zongjie(["build", dir.path().to_str().unwrap()]).run().expect(2).stderr_has(&["is a folder", "*.yaml"]);
}

#[test]
fn check_refuses_what_build_would_refuse_in_the_body() {
    let dir = temp();
    let text = GOOD.replace(
        "      Teams repaired wells in nine townships.\n",
        "      Teams repaired wells.\n\n      ```chart\n      labels: [a, b]\n      series: [{name: s, values: [1]}]\n      ```\n\n      ![map](../map.png)\n",
    );
    let data = write(dir.path(), "chart.yaml", &text);
    zongjie(["check", data.to_str().unwrap()]).run().expect(1).stderr_has(&["chart.yaml:20:7", "one value per label"]);
    let text = text.replace("values: [1]", "values: [1, 2]");
    let data = write(dir.path(), "image.yaml", &text);
    zongjie(["check", data.to_str().unwrap()]).run().expect(1).stderr_has(&[
        "image.yaml:25",
        "../map.png",
        "does not exist",
    ]);
}

#[test]
fn a_broken_user_style_names_the_kept_source() {
    let dir = temp();
    let data = write(dir.path(), "q3.yaml", GOOD);
    let styles = dir.path().join("tpl/progress-report");
    fs::create_dir_all(&styles).unwrap();
    fs::write(styles.join("style.typ"), "// My style\n#let document(meta, body) = {\n  undefined-function()\n}\n")
        .unwrap();
    // The error names the user's file and its line, and shows that line.
    let at = format!("{}:3:3", styles.join("style.typ").display());
    zongjie(["build", data.to_str().unwrap(), "--template-dir", dir.path().join("tpl").to_str().unwrap()])
        .run()
        .expect(1)
        .stderr_has(&[&at, "3 │   undefined-function()", "style files of your --template-dir", "kept at"]);
    assert!(!dir.path().join("q3.pdf").exists());
}

#[test]
fn templates_are_listed_and_exported() {
    let done = zongjie(["templates"]).run().expect(0);
    for name in ["progress-report", "village-stay-report", "monthly-bulletin"] {
        assert!(done.stdout().contains(name), "{}", done.stdout());
    }
    let dir = temp();
    let out = dir.path().join("tpl");
    zongjie(["templates", "--export", out.to_str().unwrap()]).run().expect(0);
    assert!(out.join("progress-report/en.md").is_file() && out.join("common/style.typ").is_file());
    zongjie(["templates", "--export", out.to_str().unwrap()]).run().expect(1).stderr_has(&["already holds"]);
}

#[test]
fn fonts_lists_the_roles() {
    let done = zongjie(["fonts"]).run().expect(0);
    let out = done.stdout();
    assert!(out.contains("Libertinus Serif") && out.contains("roles in Chinese documents"), "{out}");
}

#[test]
fn the_bundled_example_builds() {
    let dir = temp();
    let example = root().join("examples/tuanfeng-progress.en.yaml");
    zongjie(["build", example.to_str().unwrap(), "-o", dir.path().to_str().unwrap()]).run().expect(0);
    let text = squeeze(&pdf_text(&dir.path().join("tuanfeng-progress.en.pdf")));
    for words in [
        "Report on the Progress of Precision Poverty Alleviation in Tuanfeng County",
        "I. Progress of work",
        "The first is to",
        "The ninth is to",
        "II. Existing problems",
        "III. Next steps",
        "Seventh,",
        "Tuanfeng County Precision Poverty Alleviation Headquarters",
        "5 November 2026",
    ] {
        assert!(text.contains(&squeeze(words)), "{words:?} missing");
    }
}

/// English body text is justified without hyphens, as office documents are;
/// narrow table cells still hyphenate long words.
#[test]
fn the_body_is_not_hyphenated_but_narrow_table_cells_are() {
    let words = [
        "accountability",
        "responsibilities",
        "implementation",
        "internationalization",
        "characteristically",
        "environmentalists",
        "representativeness",
        "incomprehensibility",
    ];
    let prose: Vec<&str> = (0..400).map(|i| words[i % words.len()]).collect();
    let header: Vec<String> = (0..words.len()).map(|i| format!("H{i}")).collect();
    let table = format!("| {} |\n|{}\n| {} |\n", header.join(" | "), "---|".repeat(words.len()), words.join(" | "));
    let intro = format!("{}\n\n{table}", prose.join(" "));
    let dir = temp();
    let text = format!("title: Hyphens\norganization: County Office\nintro: |\n{}", indent(&intro));
    let data = write(dir.path(), "h.yaml", &text);
    zongjie(["build", data.to_str().unwrap(), "-f", "pdf"]).run().expect(0);
    let text = pdf_text(&dir.path().join("h.pdf"));
    let (body, table) = text.split_once("H0").expect("the table is in the PDF");
    let broken = |line: &&str| line.ends_with('\u{ad}') || line.ends_with('-');
    let hyphenated: Vec<&str> = body.lines().filter(broken).collect();
    assert!(hyphenated.is_empty(), "the body hyphenates: {hyphenated:?}");
    assert!(body.lines().count() > 20, "the prose is not in the PDF:\n{body}");
    assert!(table.lines().any(|l| broken(&l)), "no word in the narrow cells is hyphenated:\n{table}");
}

/// `text` indented for a YAML block scalar.
fn indent(text: &str) -> String {
    text.lines().map(|l| format!("  {l}\n")).collect()
}

#[test]
fn links_that_run_code_or_open_local_files_keep_only_their_text() {
    let dir = temp();
    let text = GOOD.replace(
        "  In the third quarter the bureau kept to its annual plan.\n",
        "  See [the plan](https://example.org/plan), [click](javascript:alert(1)), [case](JaVa\tScRiPt:x),\n  <javascript:alert(2)>, [page](data:text/html,x), [f](file:///etc/passwd), [v](vbscript:x) and [rel](plan.html).\n",
    );
    let data = write(dir.path(), "links.yaml", &text);
    zongjie(["build", "-f", "html,typ,pdf", data.to_str().unwrap()]).run().expect(0);
    let html = fs::read_to_string(dir.path().join("links.html")).unwrap();
    let typ = fs::read_to_string(dir.path().join("links.typ")).unwrap();
    for out in [&html, &typ] {
        for bad in ["javascript:", "JaVa", "data:text", "file://", "vbscript:"] {
            let linked = out.contains(&format!("href=\"{bad}")) || out.contains(&format!("#link(\"{bad}"));
            assert!(!linked, "a {bad} link survived");
        }
        assert!(out.contains("https://example.org/plan") && out.contains("plan.html"), "safe links were lost");
    }
    assert!(html.contains(">click<") || html.contains(" click,"), "the text of an unsafe link was lost");
    let pdf = common::pdf_text(&dir.path().join("links.pdf"));
    assert!(pdf.contains("click") && pdf.contains("case"), "{pdf}");
}

#[test]
fn fields_that_number_their_notes_alike_keep_their_own_notes() {
    let dir = temp();
    let text = GOOD
        .replace(
            "  In the third quarter the bureau kept to its annual plan.\n",
            "  In the third quarter the bureau kept to its plan.[^1]\n\n  [^1]: Source A, the plan.\n",
        )
        .replace(
            "      Teams repaired wells in nine townships.\n",
            "      Teams repaired wells.[^1]\n\n      [^1]: Source B, the teams.\n",
        );
    let data = write(dir.path(), "notes.yaml", &text);
    zongjie(["build", data.to_str().unwrap()]).run().expect(0);
    let pdf = common::squeeze(&common::pdf_text(&dir.path().join("notes.pdf")));
    for note in ["SourceA,theplan.", "SourceB,theteams."] {
        assert_eq!(pdf.matches(note).count(), 1, "{note} is not one footnote: {pdf}");
    }
    assert!(!pdf.contains("[^1]"), "a note was printed as text: {pdf}");
    // The .md rebuilds to the same notes.
    zongjie(["build", dir.path().join("notes.md").to_str().unwrap()]).run().expect(0);
    let again = common::squeeze(&common::pdf_text(&dir.path().join("notes.pdf")));
    assert_eq!(again, pdf);
}

/// The HTML page has the PDF's parts: a bulletin's masthead (issue line,
/// editing unit and date) and its 报/送/发 foot with the copies, and no
/// signature; a report's title, 主送 line, attachments and signature.
#[test]
fn the_html_page_has_the_pdfs_parts() {
    let dir = temp();
    let bulletin = root().join("data/bulletin-zh/bulletin.yaml");
    zongjie(["build", bulletin.to_str().unwrap(), "-f", "html", "-o", dir.path().to_str().unwrap()]).run().expect(0);
    let page = fs::read_to_string(dir.path().join("bulletin.html")).unwrap();
    for part in
        ["class=\"masthead\"", "第10期（总第58期）", "县乡村振兴领导小组办公室编", "2026年11月5日", "报：", "共印40份"]
    {
        assert!(page.contains(part), "{part} in the bulletin's page");
    }
    assert!(!page.contains("class=\"signature\""), "a bulletin has no signature");
    let report = root().join("examples/tuanfeng-progress.zh.yaml");
    zongjie(["build", report.to_str().unwrap(), "-f", "html", "-o", dir.path().to_str().unwrap()]).run().expect(0);
    let page = fs::read_to_string(dir.path().join("tuanfeng-progress.zh.html")).unwrap();
    for part in ["<h1 class=\"title\">", "市委、市政府：", "class=\"attachments\">附件：", "class=\"signature\">团风县"]
    {
        assert!(page.contains(part), "{part} in the report's page");
    }
}
