//! `zongjie watch` driven through real file edits, as editors make them:
//! a write in place, a new file renamed over the old one, a delete and a
//! new file, a broken save and then a good one, a changed image, a changed
//! unit return, a changed template file; with file events and with
//! `--poll`. The outputs are checked after each edit, and Ctrl-C leaves
//! exit status 130 and no temporary file.

mod common;

use std::fs;
use std::path::Path;

use common::{Live, names, pdf_text_joined, temp, write_file};

/// A one-page report whose title and opening name `word`, with an image.
fn report(word: &str) -> String {
    format!(
        "title: Report {word}\norganization: Qingshan County Office\ndate: 2026-10-12\nintro: |\n  The {word} paragraph of the report.\n\n  ![The seal](seal.svg)\n"
    )
}

fn seal(color: &str) -> String {
    format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40" fill="{color}"/></svg>"#
    )
}

/// How many times the outputs were written so far.
fn writes(stderr: &str) -> usize {
    stderr.lines().filter(|l| l.starts_with("wrote ")).count()
}

/// How many saves did not build so far.
fn failures(stderr: &str) -> usize {
    stderr.matches("was not rebuilt").count()
}

/// Waits for write number `n`, then checks that both outputs say `word`.
#[track_caller]
fn built(live: &mut Live, dir: &Path, n: usize, word: &str) {
    live.wait_for(60, &format!("write number {n} ({word})"), |err| writes(err) >= n);
    let md = fs::read_to_string(dir.join("r.md")).unwrap();
    assert!(md.contains(&format!("The {word} paragraph")), "r.md after write {n}:\n{md}");
    let pdf = pdf_text_joined(&dir.join("r.pdf"));
    assert!(pdf.contains(&format!("Report{word}")), "r.pdf after write {n}:\n{pdf}");
}

fn no_temporaries(dir: &Path) {
    let left: Vec<String> = names(dir).into_iter().filter(|n| n.ends_with(".tmp") || n.ends_with(".bak")).collect();
    assert!(left.is_empty(), "temporary files left: {left:?}");
}

/// Saves `text` as a new file renamed over `path`, as vim, VS Code and
/// most editors do.
fn save_by_rename(path: &Path, text: &str) {
    let new = path.with_extension("yaml.new~");
    fs::write(&new, text).unwrap();
    fs::rename(&new, path).unwrap();
}

fn edits(poll: bool) {
    let dir = temp();
    let data = write_file(dir.path(), "r.yaml", &report("Alpha"));
    write_file(dir.path(), "seal.svg", &seal("red"));
    let mut args = vec!["watch".to_owned(), data.display().to_string(), "-f".into(), "md,pdf".into()];
    if poll {
        args.push("--poll".into());
    }
    let mut live = Live::start(&args);
    built(&mut live, dir.path(), 1, "Alpha");

    // A write in place.
    fs::write(&data, report("Bravo")).unwrap();
    built(&mut live, dir.path(), 2, "Bravo");

    // A new file renamed over the old one.
    save_by_rename(&data, &report("Charlie"));
    built(&mut live, dir.path(), 3, "Charlie");

    // Deleted, then made again.
    fs::remove_file(&data).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(400));
    fs::write(&data, report("Delta")).unwrap();
    built(&mut live, dir.path(), 4, "Delta");

    // A broken save: the error names the file and line; the outputs stay.
    let (md, pdf) = (fs::read(dir.path().join("r.md")).unwrap(), fs::read(dir.path().join("r.pdf")).unwrap());
    let failed = failures(&live.stderr());
    let shown = live.stderr().len();
    fs::write(&data, report("Echo").replace("title: Report Echo", "titel: Report Echo")).unwrap();
    live.wait_for(60, "the broken save's error", |err| failures(err) > failed);
    let err = live.stderr()[shown..].to_owned();
    assert!(err.contains("r.yaml:1:1") && err.contains("did you mean `title`"), "the error does not say where:\n{err}");
    assert_eq!(fs::read(dir.path().join("r.md")).unwrap(), md, "r.md changed after a broken save");
    assert_eq!(fs::read(dir.path().join("r.pdf")).unwrap(), pdf, "r.pdf changed after a broken save");
    no_temporaries(dir.path());

    // A log written beside the broken document (`watch > watch.log`) is
    // no source of it: no rebuild, no error told again for each line.
    let told = failures(&live.stderr());
    for i in 0..5 {
        write_file(dir.path(), "watch.log", &format!("line {i}\n"));
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    std::thread::sleep(std::time::Duration::from_millis(1000));
    assert_eq!(failures(&live.stderr()), told, "the error was told again for a log:\n{}", live.stderr());

    // The next good save builds.
    save_by_rename(&data, &report("Foxtrot"));
    built(&mut live, dir.path(), 5, "Foxtrot");

    // The image changed: the PDF is made again.
    let before = fs::read(dir.path().join("r.pdf")).unwrap();
    fs::write(dir.path().join("seal.svg"), seal("blue")).unwrap();
    built(&mut live, dir.path(), 6, "Foxtrot");
    assert_ne!(fs::read(dir.path().join("r.pdf")).unwrap(), before, "the PDF did not change with its image");

    // A file that is none of the document's changes nothing.
    write_file(dir.path(), "notes.txt", "unrelated");
    std::thread::sleep(std::time::Duration::from_millis(1500));
    assert_eq!(writes(&live.stderr()), 6, "rebuilt for a file it does not use:\n{}", live.stderr());

    assert_eq!(live.interrupt(), 130);
    no_temporaries(dir.path());
    assert!(pdf_text_joined(&dir.path().join("r.pdf")).contains("ReportFoxtrot"));
}

#[test]
fn rebuilds_on_every_kind_of_save_with_file_events() {
    edits(false);
}

#[test]
fn rebuilds_on_every_kind_of_save_when_polling() {
    edits(true);
}

/// A bulletin is rebuilt when one of its unit returns changes or a new
/// one arrives.
#[test]
fn a_bulletin_follows_its_unit_returns() {
    let dir = temp();
    let bulletin = dir.path().join("bulletin.yaml");
    common::zongjie(["new", "monthly-bulletin", bulletin.to_str().unwrap()]).run().expect(0);
    let mut live = Live::start(["watch", bulletin.to_str().unwrap(), "-f", "md"]);
    live.wait_for(60, "the first build", |err| writes(err) >= 1);
    let unit = dir.path().join("units/baiguo.yaml");
    let text = fs::read_to_string(&unit).unwrap();
    assert!(text.contains("actual: 386"), "{text}");
    save_by_rename(&unit, &text.replace("actual: 386", "actual: 419"));
    live.wait_for(60, "the rebuild after a return changed", |err| writes(err) >= 2);
    let md = fs::read_to_string(dir.path().join("bulletin.md")).unwrap();
    assert!(md.contains("419"), "the changed figure is not in the bulletin:\n{md}");
    fs::remove_file(&unit).unwrap();
    live.wait_for(60, "the rebuild after a return went away", |err| writes(err) >= 3);
    let md = fs::read_to_string(dir.path().join("bulletin.md")).unwrap();
    assert!(!md.contains("419"), "the removed return is still rolled up:\n{md}");
    write_file(dir.path(), "units/baiguo.yaml", &text);
    live.wait_for(60, "the rebuild after a return arrived", |err| writes(err) >= 4);
    let md = fs::read_to_string(dir.path().join("bulletin.md")).unwrap();
    assert!(md.contains("386"), "the new return is not rolled up:\n{md}");
}

/// A changed file of --template-dir is read again.
#[test]
fn a_changed_template_file_is_read_again() {
    let dir = temp();
    let templates = dir.path().join("templates");
    common::zongjie(["templates", "--export", templates.to_str().unwrap()]).run().expect(0);
    let data = write_file(dir.path(), "r.yaml", &report("Alpha").replace("\n\n  ![The seal](seal.svg)", ""));
    let mut live =
        Live::start(["watch", data.to_str().unwrap(), "-f", "md", "--template-dir", templates.to_str().unwrap()]);
    live.wait_for(60, "the first build", |err| writes(err) >= 1);
    let en = templates.join("progress-report/en.md");
    let text = fs::read_to_string(&en).unwrap();
    fs::write(&en, format!("{text}\nHand-added closing line of the template.\n")).unwrap();
    live.wait_for(60, "the rebuild after the template changed", |err| writes(err) >= 2);
    let md = fs::read_to_string(dir.path().join("r.md")).unwrap();
    assert!(md.contains("Hand-added closing line of the template."), "{md}");
}

/// A save that makes the build run away (here a user style's endless loop,
/// which Typst cannot be interrupted in) ends the watcher at `--timeout`
/// with exit status 1 and a message naming the document, as it ends
/// `build`, keeping the outputs of the last good save and no temporary.
#[test]
fn a_build_that_passes_the_timeout_ends_the_watcher() {
    let dir = temp();
    let templates = dir.path().join("templates");
    common::zongjie(["templates", "--export", templates.to_str().unwrap()]).run().expect(0);
    fs::write(dir.path().join("seal.svg"), seal("red")).unwrap();
    let data = write_file(dir.path(), "r.yaml", &report("Alpha"));
    let mut live = Live::start([
        "watch",
        data.to_str().unwrap(),
        "-f",
        "md,pdf",
        "--timeout",
        "3",
        "--template-dir",
        templates.to_str().unwrap(),
    ]);
    built(&mut live, dir.path(), 1, "Alpha");
    let good_pdf = fs::read(dir.path().join("r.pdf")).unwrap();
    let style = templates.join("progress-report/style.typ");
    let text = fs::read_to_string(&style).unwrap();
    fs::write(&style, format!("#for i in range(100000) {{ for j in range(100000) {{}} }}\n{text}")).unwrap();
    let status = live.wait_exit(60, "the watcher to end at its --timeout");
    assert_eq!(status, 1, "{}", live.stderr());
    let err = live.stderr();
    assert!(err.contains("r.yaml") && err.contains("took more than 3 s (--timeout)"), "{err}");
    assert_eq!(fs::read(dir.path().join("r.pdf")).unwrap(), good_pdf, "the last good PDF was not kept");
    no_temporaries(dir.path());
}
