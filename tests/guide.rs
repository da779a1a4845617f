//! The user's guides (`docs/guide.zh.md`, `docs/guide.en.md`) run as they
//! are written: every command in them is run here, by the binary under test,
//! and what they say it prints and writes is checked.
//!
//! # The convention the guides follow
//!
//! - Every fenced block marked ```` ```sh ```` is run, in the order of the
//!   guide, each by `bash -e` on its own, starting in the folder where the
//!   previous block ended (the first one in `~`). `~` is a fresh temporary
//!   folder, the reader's home, in which `~/zongjie` is the guide's
//!   "zongjie's source folder": the committed files of this repository's
//!   `examples/` and `data/` (`git ls-files`), copied.
//!   `zongjie` is the binary under test, first on `PATH`; the Chinese guide
//!   runs with `LANG=zh_CN.UTF-8`, the English one with `LANG=C.UTF-8`.
//! - A block that shows what a command prints is a ```` ```text ```` block
//!   right after the `sh` block (nothing but blank lines between): the block's
//!   standard output and standard error, merged, must read as it says, line
//!   by line, after the home folder's path is written `~` and trailing spaces
//!   are dropped. In the expected text, `...` stands for any text within a
//!   line (a time, a port), and a line of `...` alone for any number of lines.
//! - A command's trailing comment says what the guide promises of it:
//!   - `# 写出 a.pdf、b.docx` / `# writes a.pdf, b.docx`: each file named
//!     (a word with an extension; `*` allowed, matching at least one file)
//!     must exist after the block, written during it, not empty;
//!   - `# 退出码 1` / `# exit status 1`: the command must exit with that
//!     status (any other command must exit 0: `bash -e` stops at the first
//!     that does not, and the test names its line);
//!   - `Ctrl-C` in the comment (`# 按 Ctrl-C 结束` / `# Ctrl-C stops it`):
//!     the command runs until the reader stops it (`watch`, `serve`), so it
//!     must be the block's last line, its block must be followed by its
//!     expected output, and the test starts it, waits (at most 120 s) until
//!     its output reads as expected, then sends it SIGINT and expects exit
//!     status 130 within 20 s.
//! - What the reader does by hand (editing a file in Notepad or Word) is a
//!   ```` ```sh ```` block inside an HTML comment that starts `<!-- by hand`:
//!   hidden in the rendered guide, run here like the others, so that the
//!   commands after it see the file as the reader would have it.
//! - A ```` ```sh norun ```` block is shown and never run: only the set-up
//!   commands that need an administrator or a network (`sudo apt-get …`,
//!   `cargo install …`, `brew …`, `winget …`) may be in one.
//! - Pictures: every `![…](img/NAME.png)` of a guide must be one that
//!   `scripts/guide-pictures.sh` makes (a line `picture NAME GUIDE FILE PAGE`
//!   of it, GUIDE being `zh` or `en`), the FILE it is made from (relative to
//!   `~`) must be there when the guide shows the picture (the commands before
//!   it wrote it), and `docs/img/NAME.png` must be committed. The test copies
//!   FILE as it is at that point of the guide to `DIR/GUIDE/pictures/NAME.EXT`
//!   when `GUIDE_KEEP=DIR` is set, and the script makes the PNGs from those
//!   copies, so each picture shows the file as the reader has it there.
//!
//! Failures name the guide, the block (by its line in the guide) and the
//! command's line.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime};

/// The repository root.
fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// What a block of the guide is.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    /// Shown and run.
    Run,
    /// Hidden (inside `<!-- by hand … -->`) and run.
    ByHand,
    /// Shown and never run (installation).
    NoRun,
    /// The expected output of the `sh` block before it.
    Text,
    /// A picture shown (`![…](img/NAME.png)`): its NAME is the body.
    Picture,
}

/// A fenced block of a guide.
#[derive(Debug)]
struct Block {
    kind: Kind,
    /// The guide's line of the opening fence (1-based).
    line: usize,
    /// The lines inside the fences.
    body: Vec<String>,
    /// Only blank lines between this block and the one before it.
    follows_directly: bool,
}

/// The `sh` and `text` blocks of a guide, in order (blocks of other
/// languages, such as `yaml`, are passed over).
fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut in_comment = false;
    let mut by_hand = false;
    // The block being read, and whether it is kept.
    let mut open: Option<(Block, bool)> = None;
    let mut only_blank_since_last = false;
    for (i, line) in text.lines().enumerate() {
        if let Some((block, _)) = open.as_mut() {
            if line.trim_end() == "```" {
                let (block, kept) = open.take().expect("an open block");
                if kept {
                    out.push(block);
                }
                // A block of another language between an `sh` block and a
                // `text` block parts them.
                only_blank_since_last = kept;
            } else {
                block.body.push(line.to_owned());
            }
            continue;
        }
        if let Some(info) = line.strip_prefix("```") {
            let kind = match info.trim() {
                "sh" if by_hand => Some(Kind::ByHand),
                "sh" => Some(Kind::Run),
                "sh norun" => Some(Kind::NoRun),
                "text" => Some(Kind::Text),
                _ => None,
            };
            let block = Block {
                kind: kind.unwrap_or(Kind::NoRun),
                line: i + 1,
                body: Vec::new(),
                follows_directly: only_blank_since_last,
            };
            open = Some((block, kind.is_some()));
            continue;
        }
        if line.trim_start().starts_with("<!--") {
            in_comment = !line.contains("-->");
            by_hand = in_comment && line.trim_start().starts_with("<!-- by hand");
        } else if in_comment && line.contains("-->") {
            in_comment = false;
            by_hand = false;
        }
        for name in shown_pictures(line) {
            out.push(Block { kind: Kind::Picture, line: i + 1, body: vec![name], follows_directly: false });
        }
        if !line.trim().is_empty() {
            only_blank_since_last = false;
        }
    }
    assert!(open.is_none(), "a fenced block is not closed");
    out
}

/// A command line's trailing comment, outside quotes: ` # …`.
fn comment(line: &str) -> Option<&str> {
    let (mut single, mut double) = (false, false);
    let bytes = line.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'\'' if !double => single = !single,
            b'"' if !single => double = !double,
            b'#' if !single && !double && (i == 0 || bytes[i - 1] == b' ') => return Some(&line[i + 1..]),
            _ => {}
        }
    }
    None
}

/// The exit status a command's comment promises (`退出码 1`, `exit status 1`).
fn promised_status(comment: &str) -> Option<i32> {
    ["退出码", "exit status"].iter().find_map(|key| {
        let rest = comment.split(key).nth(1)?;
        let digits: String = rest.trim_start().chars().take_while(char::is_ascii_digit).collect();
        digits.parse().ok()
    })
}

/// The files a command's comment says it writes (`写出 a.pdf、b.docx`).
fn promised_files(comment: &str) -> Vec<String> {
    let Some(rest) = ["写出", "writes"].iter().find_map(|key| comment.split_once(key).map(|(_, r)| r)) else {
        return Vec::new();
    };
    // Up to another promise in the same comment.
    let rest = rest.split([';', '；']).next().unwrap_or(rest);
    rest.split(|c: char| c.is_whitespace() || "、，,（）()：:".contains(c))
        .map(|w| w.trim_end_matches(['.', '。']))
        .filter(|w| {
            let ext = w.rsplit_once('.').map(|(stem, ext)| (stem, ext));
            matches!(ext, Some((stem, ext)) if !stem.is_empty() && !ext.is_empty()
                && ext.chars().all(|c| c.is_ascii_alphanumeric()))
        })
        .map(str::to_owned)
        .collect()
}

/// Does `actual` read as `expected` says (`...`: any text; a line `...`: any lines)?
fn matches(expected: &[String], actual: &[String]) -> bool {
    fn line_matches(pattern: &str, text: &str) -> bool {
        let parts: Vec<&str> = pattern.split("...").collect();
        if parts.len() == 1 {
            return pattern == text;
        }
        let Some(rest) = text.strip_prefix(parts[0]) else { return false };
        let mut rest = rest;
        for part in &parts[1..parts.len() - 1] {
            match rest.find(part) {
                Some(at) => rest = &rest[at + part.len()..],
                None => return false,
            }
        }
        rest.ends_with(parts[parts.len() - 1])
    }
    match expected.split_first() {
        None => actual.is_empty(),
        Some((first, more)) if first == "..." => (0..=actual.len()).any(|skip| matches(more, &actual[skip..])),
        Some((first, more)) => {
            actual.split_first().is_some_and(|(a, rest)| line_matches(first, a) && matches(more, rest))
        }
    }
}

/// The lines of a command's output as the guide shows them.
fn normalised(output: &str, home: &Path) -> Vec<String> {
    let home = home.to_string_lossy();
    let text = output.replace(home.as_ref(), "~");
    let mut lines: Vec<String> = text.lines().map(|l| l.trim_end().to_owned()).collect();
    while lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    lines
}

fn expected_lines(block: &Block) -> Vec<String> {
    let mut lines: Vec<String> = block.body.iter().map(|l| l.trim_end().to_owned()).collect();
    while lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    lines
}

/// A `bash` command with the guide's environment.
fn bash(home: &Path, lang: &str) -> Command {
    let bin = Path::new(env!("CARGO_BIN_EXE_zongjie")).parent().expect("the binary's folder").to_path_buf();
    let path = std::env::var_os("PATH").unwrap_or_default();
    let mut paths = vec![bin];
    paths.extend(std::env::split_paths(&path));
    let mut command = Command::new("bash");
    command
        .env("PATH", std::env::join_paths(paths).expect("a PATH"))
        .env("HOME", home)
        .env("LANG", if lang == "zh" { "zh_CN.UTF-8" } else { "C.UTF-8" })
        .env("NO_COLOR", "1")
        .env("SOURCE_DATE_EPOCH", "1785974400")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("ZONGJIE_LANG")
        .env_remove("ZONGJIE_FONT_PATHS")
        .env_remove("ZONGJIE_TEMPLATE_DIR")
        .env_remove("ZONGJIE_CACHE_DIR")
        .env_remove("XDG_CACHE_HOME");
    command
}

/// Where a guide's run is: its home, and the state between blocks.
struct Run {
    guide: String,
    lang: String,
    home: PathBuf,
    state: PathBuf,
}

impl Run {
    /// The folder the previous block ended in.
    fn cwd(&self) -> PathBuf {
        fs::read_to_string(self.state.join("cwd"))
            .map(|c| PathBuf::from(c.trim_end_matches('\n')))
            .unwrap_or_else(|_| self.home.clone())
    }

    /// `bash ARGS` in the guide's environment, its standard output and error
    /// both into the file `log`.
    fn bash(&self, log: &Path, args: &[&str]) -> Command {
        let out = fs::File::create(log).expect("the output file");
        let err = out.try_clone().expect("a second handle");
        let mut command = bash(&self.home, &self.lang);
        command.args(args).env("GUIDE_STATE", &self.state).stdin(Stdio::null()).stdout(out).stderr(err);
        command
    }

    fn fail(&self, block: &Block, what: String) -> ! {
        panic!("{}, the block at line {}: {what}", self.guide, block.line)
    }

    /// Runs one `sh` block, with its expected output when it has one.
    fn block(&self, block: &Block, expected: Option<&Block>) {
        let started = SystemTime::now() - Duration::from_millis(10);
        let last = block.body.iter().rposition(|l| !l.trim().is_empty());
        let mut script = String::new();
        let mut promised = Vec::new();
        let mut background: Option<String> = None;
        for (i, line) in block.body.iter().enumerate() {
            let note = comment(line);
            let command = match note {
                Some(n) => line[..line.len() - n.len() - 1].trim_end(),
                None => line.trim_end(),
            };
            if let Some(note) = note {
                for file in promised_files(note) {
                    promised.push((i + 1, file));
                }
            }
            if note.is_some_and(|n| n.contains("Ctrl-C")) {
                if Some(i) != last {
                    self.fail(block, format!("line {}: a command stopped by Ctrl-C must end its block", i + 1));
                }
                background = Some(command.to_owned());
                script.push('\n');
                continue;
            }
            match note.and_then(promised_status) {
                Some(status) => script.push_str(&format!(
                    "__rc=0; {command} || __rc=$?; if [ \"$__rc\" != {status} ]; then echo \"exit status $__rc, \
                     the guide says {status}\" >&2; false; fi\n"
                )),
                None => {
                    script.push_str(command);
                    script.push('\n');
                }
            }
        }
        let body = format!(
            "trap 'echo $LINENO > \"$GUIDE_STATE/line\"' ERR\ncd \"$(cat \"$GUIDE_STATE/cwd\" 2>/dev/null || echo ~)\"\n\
             {script}pwd > \"$GUIDE_STATE/cwd\"\n"
        );
        // The first two lines are the prelude: a command's line in its block is LINENO - 2.
        let log = self.state.join("output");
        let status = self.bash(&log, &["-e", "-c", &body]).status().expect("bash runs");
        let output = fs::read_to_string(&log).unwrap_or_default();
        if !status.success() {
            let line = fs::read_to_string(self.state.join("line"))
                .ok()
                .and_then(|l| l.trim().parse::<usize>().ok())
                .map_or("?".to_owned(), |l| (l.saturating_sub(2)).to_string());
            let command = line.parse::<usize>().ok().and_then(|l| block.body.get(l.wrapping_sub(1)));
            self.fail(
                block,
                format!(
                    "line {line} of the block ({}) failed with {status}:\n{output}",
                    command.map_or("", String::as_str)
                ),
            );
        }
        let mut lines = normalised(&output, &self.home);
        if let Some(command) = background {
            let Some(expected) = expected else {
                self.fail(block, "a command stopped by Ctrl-C needs its expected output after it".to_owned())
            };
            lines.extend(self.until_interrupted(block, &command, &expected_lines(expected)));
        } else if let Some(expected) = expected
            && !matches(&expected_lines(expected), &lines)
        {
            self.fail(
                block,
                format!(
                    "the output is not what the block at line {} shows.\n--- expected\n{}\n--- printed\n{}",
                    expected.line,
                    expected_lines(expected).join("\n"),
                    lines.join("\n")
                ),
            );
        }
        let cwd = self.cwd();
        for (line, file) in promised {
            let written = written_files(&cwd, &file, started);
            if written.is_empty() {
                self.fail(
                    block,
                    format!("line {line} promises to write {file} (in {}), which it did not", cwd.display()),
                );
            }
        }
    }

    /// Runs a command that runs until Ctrl-C: until its output reads as
    /// expected, then interrupts it. Returns its output.
    fn until_interrupted(&self, block: &Block, command: &str, expected: &[String]) -> Vec<String> {
        let log = self.state.join("background");
        let script = format!("cd \"$(cat \"$GUIDE_STATE/cwd\")\" && exec {command}");
        let mut child = self.bash(&log, &["-c", &script]).spawn().expect("bash runs");
        let start = Instant::now();
        let read = || normalised(&fs::read_to_string(&log).unwrap_or_default(), &self.home);
        loop {
            if matches(expected, &read()) {
                break;
            }
            if let Ok(Some(status)) = child.try_wait() {
                self.fail(block, format!("`{command}` ended by itself ({status}):\n{}", read().join("\n")));
            }
            if start.elapsed() > Duration::from_secs(120) {
                let _ = child.kill();
                self.fail(
                    block,
                    format!(
                        "`{command}` did not print what the guide shows within 120 s.\n--- expected\n{}\n--- printed\n{}",
                        expected.join("\n"),
                        read().join("\n")
                    ),
                );
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let sent = Command::new("kill").args(["-INT", &child.id().to_string()]).status().expect("kill runs");
        assert!(sent.success(), "kill -INT failed");
        let stop = Instant::now();
        let status = loop {
            if let Ok(Some(status)) = child.try_wait() {
                break status;
            }
            if stop.elapsed() > Duration::from_secs(20) {
                let _ = child.kill();
                self.fail(block, format!("`{command}` did not stop within 20 s of Ctrl-C"));
            }
            std::thread::sleep(Duration::from_millis(50));
        };
        if status.code() != Some(130) {
            self.fail(block, format!("`{command}` stopped by Ctrl-C exited with {status}, not 130"));
        }
        read()
    }
}

/// The files `pattern` names under `dir` (a `*` in the last part matching
/// any text) written since `since`, and not empty.
fn written_files(dir: &Path, pattern: &str, since: SystemTime) -> Vec<PathBuf> {
    let path = dir.join(pattern);
    let candidates: Vec<PathBuf> = if pattern.contains('*') {
        let parent = path.parent().expect("a folder").to_path_buf();
        let name = path.file_name().expect("a name").to_string_lossy().into_owned();
        let (head, tail) = name.split_once('*').expect("a star");
        fs::read_dir(&parent)
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| {
                        let n = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                        n.len() >= head.len() + tail.len() && n.starts_with(head) && n.ends_with(tail)
                    })
                    .collect()
            })
            .unwrap_or_default()
    } else {
        vec![path]
    };
    candidates
        .into_iter()
        .filter(|p| fs::metadata(p).is_ok_and(|m| m.is_file() && m.len() > 0 && m.modified().is_ok_and(|t| t >= since)))
        .collect()
}

/// `~/zongjie`, the source folder as the reader has it: the bundled
/// examples and data, as committed (never the outputs a developer built
/// there, or forms written into `data/`).
fn bundled_examples(to: &Path) {
    let listed = Command::new("git")
        .args(["ls-files", "-z", "examples", "data"])
        .current_dir(root())
        .output()
        .expect("git runs (the guide test copies the committed examples)");
    assert!(listed.status.success(), "git ls-files: {}", String::from_utf8_lossy(&listed.stderr));
    let files: Vec<&[u8]> = listed.stdout.split(|&b| b == 0).filter(|f| !f.is_empty()).collect();
    assert!(files.len() > 20, "git ls-files lists {} files of examples/ and data/", files.len());
    for file in files {
        let file = String::from_utf8_lossy(file).into_owned();
        let target = to.join(&file);
        fs::create_dir_all(target.parent().expect("a folder")).expect("a folder of ~/zongjie");
        fs::copy(root().join(&file), &target).unwrap_or_else(|e| panic!("{file}: {e}"));
    }
}

/// The pictures `scripts/guide-pictures.sh` makes: (name, guide, file, page).
fn pictures() -> Vec<(String, String, String, String)> {
    let script = fs::read_to_string(root().join("scripts/guide-pictures.sh")).expect("scripts/guide-pictures.sh");
    script
        .lines()
        .filter_map(|l| l.strip_prefix("picture "))
        .map(|l| {
            let words: Vec<&str> = l.split_whitespace().collect();
            assert_eq!(words.len(), 4, "guide-pictures.sh: `picture NAME GUIDE FILE PAGE`, not `picture {l}`");
            (words[0].to_owned(), words[1].to_owned(), words[2].to_owned(), words[3].to_owned())
        })
        .collect()
}

/// The pictures a guide shows: the NAME of each `](img/NAME.png)`.
fn shown_pictures(text: &str) -> Vec<String> {
    text.split("](img/")
        .skip(1)
        .map(|rest| rest.split_once(".png)").map(|(name, _)| name.to_owned()).expect("img/NAME.png)"))
        .collect()
}

/// Runs every block of one guide; checks its pictures.
fn guide(lang: &str) {
    let name = format!("docs/guide.{lang}.md");
    let text = fs::read_to_string(root().join(&name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    let all = blocks(&text);
    assert!(all.iter().filter(|b| b.kind == Kind::Run).count() >= 10, "{name}: fewer than ten sh blocks to run");
    // The place: a kept folder (for the pictures) or a temporary one.
    let temp = tempfile::Builder::new().prefix("zongjie-guide-").tempdir().expect("a temporary folder");
    let base = match std::env::var_os("GUIDE_KEEP") {
        Some(keep) => {
            let dir = PathBuf::from(keep).join(lang);
            let _ = fs::remove_dir_all(&dir);
            dir
        }
        None => temp.path().to_path_buf(),
    };
    let home = base.join("home");
    let state = base.join("state");
    fs::create_dir_all(&home).expect("the home folder");
    fs::create_dir_all(&state).expect("the state folder");
    let home = home.canonicalize().expect("the home folder");
    bundled_examples(&home.join("zongjie"));
    let run = Run { guide: name.clone(), lang: lang.to_owned(), home: home.clone(), state };
    let made = pictures();
    for (i, block) in all.iter().enumerate() {
        match block.kind {
            Kind::Run | Kind::ByHand => {
                let next = all.get(i + 1).filter(|n| n.kind == Kind::Text && n.follows_directly);
                run.block(block, next);
            }
            Kind::NoRun => {
                let allowed = ["sudo apt-get ", "sudo apt ", "cargo install ", "brew ", "winget ", "curl "];
                for line in &block.body {
                    let line = line.trim();
                    if !(line.is_empty() || line.starts_with('#') || allowed.iter().any(|a| line.starts_with(a))) {
                        run.fail(block, format!("`{line}` is in a norun block, but is no set-up command: run it"));
                    }
                }
            }
            Kind::Text => {}
            Kind::Picture => {
                let picture = &block.body[0];
                let Some((_, guide, file, _)) = made.iter().find(|(n, ..)| n == picture) else {
                    run.fail(block, format!("img/{picture}.png is not one scripts/guide-pictures.sh makes"))
                };
                if guide != lang {
                    run.fail(block, format!("img/{picture}.png is made from the {guide} guide"));
                }
                let source = home.join(file);
                if !source.is_file() {
                    run.fail(block, format!("img/{picture}.png is made from ~/{file}, which is not there"));
                }
                // (When the script runs this test to make the pictures, they may be new.)
                let making = std::env::var_os("GUIDE_KEEP").is_some();
                if !making && !root().join("docs/img").join(format!("{picture}.png")).is_file() {
                    run.fail(block, format!("docs/img/{picture}.png is missing: run scripts/guide-pictures.sh"));
                }
                let ext = source.extension().map(|e| e.to_string_lossy().into_owned()).unwrap_or_default();
                fs::create_dir_all(base.join("pictures")).expect("the pictures folder");
                fs::copy(&source, base.join("pictures").join(format!("{picture}.{ext}"))).expect("a copy");
            }
        }
    }
    let shown = shown_pictures(&text);
    assert!(!shown.is_empty(), "{name} shows no picture");
    for (picture, guide, ..) in &made {
        if guide == lang {
            assert!(shown.contains(picture), "scripts/guide-pictures.sh makes {picture}.png, which {name} never shows");
        }
    }
}

#[test]
fn the_chinese_guide_runs_as_written() {
    guide("zh");
}

#[test]
fn the_english_guide_runs_as_written() {
    guide("en");
}

/// The two guides tell the same story: the same chapters, the same pictures
/// (their blocks may differ: `check --fix` mends Chinese text only, so the
/// English guide mends its faults by hand).
#[test]
fn the_two_guides_have_the_same_chapters() {
    let outline = |lang: &str| {
        let text = fs::read_to_string(root().join(format!("docs/guide.{lang}.md"))).expect("the guide");
        let chapters = text.lines().filter(|l| l.starts_with("## ")).count();
        let pictures: Vec<String> =
            shown_pictures(&text).iter().map(|p| p.strip_prefix(&format!("{lang}-")).unwrap_or(p).to_owned()).collect();
        (chapters, pictures)
    };
    assert_eq!(outline("zh"), outline("en"), "the chapters or pictures of guide.zh.md and guide.en.md differ");
}

#[test]
fn the_conventions_hold_on_small_cases() {
    let lines = |s: &str| s.lines().map(str::to_owned).collect::<Vec<_>>();
    assert!(matches(&lines("已写出 ./a.md、./a.pdf，用时 ... 毫秒"), &lines("已写出 ./a.md、./a.pdf，用时 380 毫秒")));
    assert!(!matches(&lines("已写出 ./a.md"), &lines("已写出 ./a.md、./a.pdf")));
    assert!(matches(&lines("a\n...\nd"), &lines("a\nb\nc\nd")));
    assert!(matches(&lines("a\n...\nb"), &lines("a\nb")));
    assert!(!matches(&lines("a\n...\nd"), &lines("a\nb\nc")));
    assert_eq!(comment("zongjie build \"a # b.yaml\"   # 写出 a.pdf"), Some(" 写出 a.pdf"));
    assert_eq!(promised_files(" 写出 报告.pdf、报告.docx 和 forms/*.xlsx"), ["报告.pdf", "报告.docx", "forms/*.xlsx"]);
    assert_eq!(promised_files(" writes report.md, report.pdf; exit status 0"), ["report.md", "report.pdf"]);
    assert_eq!(promised_status(" 有错误，退出码 1"), Some(1));
    assert_eq!(promised_status(" exit status 1: an error"), Some(1));
    let guide = "text\n\n```sh\nzongjie new x\n```\n\n```text\nwrote x\n```\n\n<!-- by hand\n```sh\nsed -i s/a/b/ x\n```\n-->\n\n```sh norun\nsudo apt-get install x\n```\n\n```yaml\na: 1\n```\n";
    let kinds: Vec<(Kind, usize, bool)> = blocks(guide).iter().map(|b| (b.kind, b.line, b.follows_directly)).collect();
    assert_eq!(
        kinds,
        [(Kind::Run, 3, false), (Kind::Text, 7, true), (Kind::ByHand, 12, false), (Kind::NoRun, 17, false)]
    );
}
