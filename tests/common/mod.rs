//! Helpers shared by the integration tests: the CLI driven through its
//! binary with a small chainable builder, temporary folders, and PDF text
//! and font extraction with poppler's tools. A missing tool fails the test
//! with a message saying what to install; nothing is ever skipped.

#![allow(dead_code, reason = "each test file uses a different part")]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A temporary folder that is removed when dropped.
pub fn temp() -> tempfile::TempDir {
    tempfile::Builder::new().prefix("zongjie-test-").tempdir().expect("a temporary folder")
}

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A run of the `zongjie` binary, built up step by step.
pub struct Run {
    command: Command,
}

/// Starts a run of `zongjie` with these arguments.
pub fn zongjie<I, S>(args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let mut command = Command::new(env!("CARGO_BIN_EXE_zongjie"));
    command.args(args).env_remove("ZONGJIE_FONT_PATHS").env_remove("ZONGJIE_TEMPLATE_DIR").env("NO_COLOR", "1");
    // Messages about no document in particular follow the environment's
    // language: English, whatever the machine running the tests is set to.
    command.env_remove("ZONGJIE_LANG").env_remove("LC_ALL").env_remove("LC_MESSAGES").env("LANG", "C.UTF-8");
    command.env("SOURCE_DATE_EPOCH", "1785974400");
    Run { command }
}

impl Run {
    /// Runs in `dir`.
    pub fn current_dir(mut self, dir: &Path) -> Self {
        self.command.current_dir(dir);
        self
    }

    /// Sets an environment variable.
    pub fn env(mut self, key: &str, value: &str) -> Self {
        self.command.env(key, value);
        self
    }

    /// Removes an environment variable.
    #[allow(dead_code)]
    pub fn env_remove(mut self, key: &str) -> Self {
        self.command.env_remove(key);
        self
    }

    /// Runs and returns the result.
    pub fn run(mut self) -> Done {
        let output = self.command.output().expect("the zongjie binary runs");
        Done { output }
    }
}

/// A finished run.
pub struct Done {
    /// What the process gave.
    pub output: Output,
}

impl Done {
    /// The exit code.
    pub fn code(&self) -> i32 {
        self.output.status.code().unwrap_or(-1)
    }

    /// Standard error as text.
    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.output.stderr).into_owned()
    }

    /// Standard output as text.
    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.output.stdout).into_owned()
    }

    /// Asserts the exit code, showing the output when it differs.
    #[track_caller]
    pub fn expect(self, code: i32) -> Self {
        assert_eq!(self.code(), code, "exit code\nstdout:\n{}\nstderr:\n{}", self.stdout(), self.stderr());
        self
    }

    /// Asserts that standard error contains each of the texts.
    #[track_caller]
    pub fn stderr_has(self, texts: &[&str]) -> Self {
        let err = self.stderr();
        for t in texts {
            assert!(err.contains(t), "stderr lacks {t:?}:\n{err}");
        }
        self
    }
}

/// Runs a poppler tool, failing with an install hint if it is missing.
fn poppler(tool: &str, args: &[&str], pdf: &Path) -> String {
    let out =
        Command::new(tool).args(args).arg(pdf).arg("-").output().unwrap_or_else(|e| {
            panic!("cannot run `{tool}` ({e}): install poppler-utils (apt-get install poppler-utils)")
        });
    assert!(out.status.success(), "{tool} failed on {}: {}", pdf.display(), String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The text of a PDF, in content order.
pub fn pdf_text(pdf: &Path) -> String {
    poppler("pdftotext", &["-raw", "-enc", "UTF-8"], pdf)
}

/// The text of a PDF with its layout (columns kept apart).
pub fn pdf_text_layout(pdf: &Path) -> String {
    poppler("pdftotext", &["-layout", "-enc", "UTF-8"], pdf)
}

/// A word of a PDF page with its box, in points from the page's top left
/// (from `pdftotext -bbox`).
#[derive(Debug, Clone)]
pub struct Word {
    pub text: String,
    pub x_min: f64,
    pub y_min: f64,
    pub x_max: f64,
    pub y_max: f64,
}

/// A PDF page: its size in points and its words.
#[derive(Debug, Clone)]
pub struct Page {
    pub width: f64,
    pub height: f64,
    pub words: Vec<Word>,
}

/// The pages of a PDF with the boxes of their words.
pub fn pdf_words(pdf: &Path) -> Vec<Page> {
    let html = poppler("pdftotext", &["-bbox", "-enc", "UTF-8"], pdf);
    let attr = |tag: &str, name: &str| -> f64 {
        let key = format!("{name}=\"");
        let start = tag.find(&key).map(|i| i + key.len()).unwrap_or_else(|| panic!("no {name} in {tag}"));
        let end = start + tag[start..].find('"').expect("a closing quote");
        tag[start..end].parse().unwrap_or_else(|e| panic!("{name} in {tag}: {e}"))
    };
    let mut pages = Vec::new();
    for page in html.split("<page ").skip(1) {
        let head = &page[..page.find('>').expect("a page tag")];
        let mut words = Vec::new();
        for word in page.split("<word ").skip(1) {
            let end = word.find('>').expect("a word tag");
            let (tag, rest) = (&word[..end], &word[end + 1..]);
            let text = rest[..rest.find("</word>").expect("a closing word tag")].to_owned();
            let text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
            words.push(Word {
                text,
                x_min: attr(tag, "xMin"),
                y_min: attr(tag, "yMin"),
                x_max: attr(tag, "xMax"),
                y_max: attr(tag, "yMax"),
            });
        }
        pages.push(Page { width: attr(head, "width"), height: attr(head, "height"), words });
    }
    pages
}

/// A line of text on a page, from `pdftotext -bbox-layout`.
#[derive(Debug, Clone)]
pub struct Line {
    pub x_min: f64,
    pub x_max: f64,
    pub y_min: f64,
    pub y_max: f64,
    pub text: String,
}

/// Every page's lines (`pdftotext -bbox-layout`), in points from the
/// page's top left.
pub fn pdf_lines(pdf: &Path) -> Vec<Vec<Line>> {
    let out = Command::new("pdftotext")
        .args(["-bbox-layout", "-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap_or_else(|e| panic!("cannot run pdftotext ({e}): install poppler-utils"));
    let html = String::from_utf8_lossy(&out.stdout).into_owned();
    let attr = |tag: &str, name: &str| -> f64 {
        let key = format!("{name}=\"");
        let at = tag.find(&key).map(|i| i + key.len()).unwrap_or(0);
        tag[at..].split('"').next().unwrap_or("0").parse().unwrap_or(0.0)
    };
    html.split("<page ")
        .skip(1)
        .map(|page| {
            page.split("<line ")
                .skip(1)
                .map(|l| {
                    let tag = &l[..l.find('>').unwrap_or(0)];
                    let text = l
                        .split("<word ")
                        .skip(1)
                        .filter_map(|w| w.split('>').nth(1).and_then(|t| t.split('<').next()))
                        .collect::<String>();
                    Line {
                        x_min: attr(tag, "xMin"),
                        x_max: attr(tag, "xMax"),
                        y_min: attr(tag, "yMin"),
                        y_max: attr(tag, "yMax"),
                        text,
                    }
                })
                .collect()
        })
        .collect()
}

/// The text of a PDF without its page numbers (the last line of each page,
/// `7` or `— 7 —`) and with no whitespace at all: a word broken over lines
/// or pages reads whole. Hyphens are kept, so a hyphen added at a line
/// break shows.
pub fn pdf_text_joined(pdf: &Path) -> String {
    let mut out = String::new();
    for page in pdf_text(pdf).split('\u{c}') {
        let mut lines: Vec<&str> = page.lines().filter(|l| !l.trim().is_empty()).collect();
        if lines.last().is_some_and(|l| {
            let n = l.trim().trim_matches('—').trim();
            !n.is_empty() && n.chars().all(|c| c.is_ascii_digit())
        }) {
            lines.pop();
        }
        out.extend(lines.iter().flat_map(|l| l.chars()).filter(|c| !c.is_whitespace()));
    }
    out
}

/// The font names embedded in a PDF (from `pdffonts`).
pub fn pdf_fonts(pdf: &Path) -> Vec<String> {
    let out = Command::new("pdffonts").arg(pdf).output().unwrap_or_else(|e| {
        panic!("cannot run `pdffonts` ({e}): install poppler-utils (apt-get install poppler-utils)")
    });
    assert!(out.status.success(), "pdffonts failed on {}", pdf.display());
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .skip(2)
        .filter_map(|l| l.split_whitespace().next())
        .map(|name| name.split_once('+').map_or(name, |(_, n)| n).to_owned())
        .collect()
}

/// Text without whitespace, hyphens and ligatures: what is compared when
/// checking that words reach a PDF (Typst hyphenates justified text).
pub fn squeeze(text: &str) -> String {
    text.replace('ﬁ', "fi")
        .replace('ﬂ', "fl")
        .replace('ﬀ', "ff")
        .replace('ﬃ', "ffi")
        .replace('ﬄ', "ffl")
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '\u{AD}' | '\u{2010}' | '\u{2011}'))
        .collect()
}

/// Checks that every word of `expected` is in `actual`, in the same order.
pub fn words_in_order(expected: &str, actual: &str) -> Result<(), String> {
    let haystack = squeeze(actual);
    let mut at = 0;
    for word in expected.split_whitespace() {
        let word = squeeze(word);
        if word.is_empty() {
            continue;
        }
        match haystack[at..].find(&word) {
            Some(i) => at += i + word.len(),
            None => {
                let found_earlier = haystack.contains(&word);
                return Err(format!(
                    "word {word:?} {} after byte {at} of the PDF text",
                    if found_earlier { "is out of order: not found" } else { "is missing: not found" }
                ));
            }
        }
    }
    Ok(())
}

/// A data file's text with these fields (YAML double-quoted strings, which
/// can hold any text).
pub fn yaml_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Writes a file in `dir` and returns its path.
pub fn write_file(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("a file in the temporary folder");
    path
}

/// The names of the files in `dir`, sorted.
pub fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("a folder")
        .map(|e| e.expect("an entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A `zongjie` process that keeps running (`watch`, `serve`), its standard
/// error gathered as it comes; killed when dropped.
pub struct Live {
    child: std::process::Child,
    stderr: std::sync::Arc<std::sync::Mutex<String>>,
    /// The thread that gathers standard error, until the pipe closes.
    reader: Option<std::thread::JoinHandle<()>>,
}

impl Live {
    /// Starts `zongjie` with these arguments.
    pub fn start<I, S>(args: I) -> Live
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        let mut command = zongjie(args).command;
        command.stdin(std::process::Stdio::null()).stdout(std::process::Stdio::null());
        command.stderr(std::process::Stdio::piped());
        let mut child = command.spawn().expect("the zongjie binary starts");
        let stderr = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
        let pipe = child.stderr.take().expect("its standard error");
        let gathered = stderr.clone();
        let reader = std::thread::spawn(move || {
            use std::io::BufRead as _;
            for line in std::io::BufReader::new(pipe).lines().map_while(Result::ok) {
                let mut text = gathered.lock().unwrap();
                text.push_str(&line);
                text.push('\n');
            }
        });
        Live { child, stderr, reader: Some(reader) }
    }

    /// Standard error so far.
    pub fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// Waits until `done` holds, checking every 20 ms, failing after
    /// `seconds` with `what` and the standard error so far.
    #[track_caller]
    pub fn wait_for(&mut self, seconds: u64, what: &str, mut done: impl FnMut(&str) -> bool) {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(seconds);
        loop {
            if done(&self.stderr()) {
                return;
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!("zongjie exited ({status}) before {what}:\n{}", self.stderr());
            }
            assert!(std::time::Instant::now() < deadline, "no {what} within {seconds} s:\n{}", self.stderr());
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    }

    /// Waits until the process ends by itself, failing after `seconds`
    /// with `what`; returns its exit code.
    #[track_caller]
    pub fn wait_exit(&mut self, seconds: u64, what: &str) -> i32 {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(seconds);
        loop {
            if let Some(status) = self.child.try_wait().expect("the child's status") {
                // Its last lines: the pipe is closed now.
                if let Some(reader) = self.reader.take() {
                    let _ = reader.join();
                }
                return status.code().unwrap_or(-1);
            }
            assert!(std::time::Instant::now() < deadline, "no {what} within {seconds} s:\n{}", self.stderr());
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    }

    /// Sends Ctrl-C (SIGINT) and returns the exit code.
    pub fn interrupt(mut self) -> i32 {
        let pid = self.child.id().to_string();
        let sent = Command::new("kill").args(["-INT", &pid]).status().expect("`kill` runs");
        assert!(sent.success(), "kill -INT {pid} failed");
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        loop {
            if let Some(status) = self.child.try_wait().expect("the child's status") {
                return status.code().unwrap_or(-1);
            }
            assert!(std::time::Instant::now() < deadline, "zongjie did not stop on Ctrl-C:\n{}", self.stderr());
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    }
}

impl Drop for Live {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
