//! One renderer for every diagnostic the user sees: YAML, schema, lint,
//! template and output errors all print typst-style, with the file, line and
//! column, the offending line and a caret (codespan-reporting, as Typst's own
//! diagnostics do).

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label};
use codespan_reporting::files::{Error as FilesError, Files, SimpleFile};
use codespan_reporting::term::{self, termcolor::WriteColor};

use super::lang::Lang;
use super::msg::{Message, env_lang, msg};

/// How bad a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    /// Stops the document.
    Error,
    /// Reported; the document is still built.
    Warning,
}

/// A message about a file, located where possible.
#[derive(Clone, Debug)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, in one sentence, worded when printed.
    pub message: Message,
    /// The file concerned.
    pub file: Option<PathBuf>,
    /// The file's text, for the snippet.
    pub source: Option<Arc<str>>,
    /// Byte range in `source`.
    pub span: Option<Range<usize>>,
    /// The field path (`progress[2].title`), where known.
    pub field: Option<String>,
    /// What to do about it.
    pub hints: Vec<Message>,
    /// The language of the document concerned, once known; until then the
    /// environment's ([`env_lang`]).
    pub lang: Option<Lang>,
}

impl Diagnostic {
    /// An error with a message and nothing else yet.
    pub fn error(message: impl Into<Message>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            message: message.into(),
            file: None,
            source: None,
            span: None,
            field: None,
            hints: Vec::new(),
            lang: None,
        }
    }

    /// A warning with a message and nothing else yet.
    pub fn warning(message: impl Into<Message>) -> Self {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(message) }
    }

    /// Names the file.
    #[must_use]
    pub fn in_file(mut self, file: &Path) -> Self {
        self.file = Some(file.to_path_buf());
        self
    }

    /// Attaches the file's text and a byte range in it.
    #[must_use]
    pub fn at(mut self, source: Arc<str>, span: Range<usize>) -> Self {
        let len = source.len();
        let start = floor_char_boundary(&source, span.start.min(len));
        let end = floor_char_boundary(&source, span.end.clamp(start, len));
        self.span = Some(start..end);
        self.source = Some(source);
        self
    }

    /// Attaches the file's text and a 1-based line and column (in characters).
    #[must_use]
    pub fn at_line(self, source: Arc<str>, line: usize, column: usize) -> Self {
        let start = offset_of(&source, line, column);
        let end = token_end(&source, start);
        self.at(source, start..end)
    }

    /// Names the field path.
    #[must_use]
    pub fn field(mut self, field: impl Into<String>) -> Self {
        let field = field.into();
        if !field.is_empty() && field != "." {
            self.field = Some(field);
        }
        self
    }

    /// Adds a hint.
    #[must_use]
    pub fn hint(mut self, hint: impl Into<Message>) -> Self {
        self.hints.push(hint.into());
        self
    }

    /// Words the diagnostic in the language of the document it is about.
    #[must_use]
    pub fn in_lang(mut self, lang: Lang) -> Self {
        self.lang = Some(lang);
        self
    }

    /// Words the diagnostic in `lang` unless a document's language is
    /// already set.
    #[must_use]
    pub fn or_lang(mut self, lang: Lang) -> Self {
        self.lang.get_or_insert(lang);
        self
    }

    /// The language it is printed in: its document's, else the
    /// environment's.
    pub fn shown_lang(&self) -> Lang {
        self.lang.unwrap_or_else(env_lang)
    }

    /// The message as printed, in [`shown_lang`](Self::shown_lang).
    pub fn message_text(&self) -> String {
        self.message.render(self.shown_lang())
    }

    /// The 1-based line and column of the span's start.
    pub fn line_column(&self) -> Option<(usize, usize)> {
        let (source, span) = (self.source.as_ref()?, self.span.as_ref()?);
        let before = &source[..span.start];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Some((line, column))
    }

    /// Prints the diagnostic with its snippet. Control characters of the
    /// input (an escape sequence in a field name, say) are shown, never sent
    /// to the terminal; a message is cut to a readable length.
    pub fn emit(&self, out: &mut dyn WriteColor) -> std::io::Result<()> {
        let lang = self.shown_lang();
        let text = self.message.render(lang);
        let message = match &self.field {
            Some(field) => msg!(FieldPrefix, field = field, text = text).render(lang),
            None => text,
        };
        let message = shorten(&escape_controls(&message), MAX_MESSAGE_CHARS);
        let mut diag = match self.severity {
            Severity::Error => CsDiagnostic::error(),
            Severity::Warning => CsDiagnostic::warning(),
        }
        .with_message(message)
        .with_notes(
            self.hints
                .iter()
                .map(|h| {
                    let text = shorten(&escape_controls(&h.render(lang)), MAX_MESSAGE_CHARS);
                    msg!(Hint, text = text).render(lang)
                })
                .collect(),
        );
        let name = self.file.as_deref().map_or_else(|| "<input>".into(), shown_path);
        let config = term::Config::default();
        let mut buffer =
            if out.supports_color() { term::termcolor::Buffer::ansi() } else { term::termcolor::Buffer::no_color() };
        match (&self.source, &self.span) {
            (Some(source), Some(span)) => {
                let snippet = Snippet::new(name, source, span.clone());
                diag = diag.with_labels(vec![Label::primary((), snippet.span.clone())]);
                term::emit(&mut buffer, &config, &snippet, &diag).map_err(std::io::Error::other)?;
            }
            _ => {
                if self.file.is_some() {
                    diag.message = msg!(FilePrefix, file = name.as_str(), text = diag.message).render(lang);
                }
                let file = SimpleFile::new(name, "");
                term::emit(&mut buffer, &config, &file, &diag).map_err(std::io::Error::other)?;
            }
        }
        out.write_all(&translate_header(buffer.into_inner(), self.severity, lang))
    }
}

/// codespan's header (`error: …`, `warning: …`) in `lang`: codespan writes
/// its severity in English, first thing of its output.
fn translate_header(mut bytes: Vec<u8>, severity: Severity, lang: Lang) -> Vec<u8> {
    if lang == Lang::En {
        return bytes;
    }
    let (word, ours): (&[u8], &str) = match severity {
        Severity::Error => (b"error", "错误"),
        Severity::Warning => (b"warning", "警告"),
    };
    let Some(at) = bytes.windows(word.len()).position(|w| w == word) else { return bytes };
    bytes.splice(at..at + word.len(), ours.bytes());
    let after = at + ours.len();
    // The ": " after the severity (colour codes may come between).
    if let Some(colon) = bytes[after..].windows(2).take(16).position(|w| w == b": ") {
        bytes.splice(after + colon..after + colon + 2, "：".bytes());
    }
    bytes
}

impl Diagnostic {
    /// The diagnostic as [`emit`](Self::emit) prints it, without colour;
    /// the one-line form if that fails.
    pub fn to_plain_text(&self) -> String {
        let mut out = term::termcolor::NoColor::new(Vec::new());
        match self.emit(&mut out) {
            Ok(()) => String::from_utf8_lossy(&out.into_inner()).into_owned(),
            Err(_) => self.to_string(),
        }
    }
}

impl Diagnostic {
    /// The diagnostic in one line, `file:line:column: field: message`, as
    /// a message to be worded in any language (a part of another message).
    pub fn one_line(&self) -> Message {
        let text = match &self.field {
            Some(field) => msg!(FieldPrefix, field = field, text = self.message.clone()),
            None => self.message.clone(),
        };
        let Some(file) = &self.file else { return text };
        let mut place = shown_path(file);
        if let Some((line, column)) = self.line_column() {
            place.push_str(&format!(":{line}:{column}"));
        }
        msg!(FilePrefix, file = place, text = text)
    }
}

impl fmt::Display for Diagnostic {
    /// One line: `file:line:column: field: message`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(file) = &self.file {
            f.write_str(&shown_path(file))?;
            if let Some((line, column)) = self.line_column() {
                write!(f, ":{line}:{column}")?;
            }
            f.write_str(": ")?;
        }
        let lang = self.shown_lang();
        let text = self.message.render(lang);
        match &self.field {
            Some(field) => f.write_str(&msg!(FieldPrefix, field = field, text = text).render(lang)),
            None => f.write_str(&text),
        }
    }
}

impl std::error::Error for Diagnostic {}

/// The most characters of a message or hint shown: a value quoted in a
/// message can be a megabyte long.
const MAX_MESSAGE_CHARS: usize = 400;

/// `text` with its control characters (but line breaks and tabs) and
/// direction controls written as escapes (`\u{1b}`), so that printing it
/// cannot steer a terminal or turn the line around.
pub fn escape_controls(text: &str) -> String {
    text.chars().map(|c| if steers(c) { c.escape_unicode().to_string() } else { c.to_string() }).collect()
}

/// A file's name as a message shows it: every control character (line
/// breaks and tabs too) and direction control written as an escape, and a
/// name that is not UTF-8 shown with its odd bytes replaced.
pub fn shown_path(path: &Path) -> String {
    path.display()
        .to_string()
        .chars()
        .map(|c| if steers(c) || c.is_control() { c.escape_unicode().to_string() } else { c.to_string() })
        .collect()
}

/// `text` with each control or direction character replaced by a visible
/// one of the same length in UTF-8, so that byte offsets into it hold.
fn mask_controls(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(steers) {
        return text.into();
    }
    text.chars()
        .map(|c| match (steers(c), c.len_utf8()) {
            (false, _) => c,
            (true, 1) => '?',
            (true, 2) => '¿',
            (true, _) => '\u{fffd}',
        })
        .collect::<String>()
        .into()
}

/// A character that steers the terminal or the direction of the text.
fn steers(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\t'))
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` cut in the middle to at most `max` characters.
fn shorten(text: &str, max: usize) -> String {
    let count = text.chars().count();
    if count <= max {
        return text.to_owned();
    }
    let head: String = text.chars().take(max / 2).collect();
    let tail: String = text.chars().skip(count - max / 2).collect();
    format!("{head} … {tail}")
}

/// The line a diagnostic points at, cut to a window around the span when it
/// is long (a minified or generated file can hold megabytes on one line), as
/// a one-line "file" for codespan that still reports the true line and
/// column numbers.
struct Snippet {
    name: String,
    /// The window of the line, with `…` where it was cut.
    text: String,
    /// The span within `text`.
    span: Range<usize>,
    /// 0-based index of the line in the source.
    line: usize,
    /// Characters of the line before the first character of `text`'s window
    /// (not counting a leading `…`), and the byte length of that `…`.
    columns_before: usize,
    ellipsis: usize,
}

impl Snippet {
    /// Characters shown before and after the start of the span, at most.
    const BEFORE: usize = 60;
    const AFTER: usize = 100;

    fn new(name: String, source: &str, span: Range<usize>) -> Self {
        let start = floor_char_boundary(source, span.start.min(source.len()));
        let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = source[start..].find('\n').map_or(source.len(), |i| start + i);
        let line_text = source[line_start..line_end].trim_end_matches('\r');
        let line_end = line_start + line_text.len();
        let start = start.min(line_end);
        // The window: up to BEFORE characters before the span, AFTER after.
        let from = source[line_start..start]
            .char_indices()
            .rev()
            .nth(Self::BEFORE - 1)
            .map_or(line_start, |(i, _)| line_start + i);
        let to = source[start..line_end].char_indices().nth(Self::AFTER).map_or(line_end, |(i, _)| start + i);
        let ellipsis = if from > line_start { "…".len() } else { 0 };
        let mut text = String::with_capacity(to - from + 6);
        if ellipsis > 0 {
            text.push('…');
        }
        text.push_str(&mask_controls(&source[from..to]));
        if to < line_end {
            text.push('…');
        }
        let end = floor_char_boundary(source, span.end.clamp(start, to));
        let offset = |i: usize| i - from + ellipsis;
        Snippet {
            name,
            span: offset(start)..offset(end),
            line: source[..line_start].matches('\n').count(),
            columns_before: source[line_start..from].chars().count(),
            text,
            ellipsis,
        }
    }
}

impl<'a> Files<'a> for Snippet {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<&'a str, FilesError> {
        Ok(&self.name)
    }

    fn source(&'a self, (): ()) -> Result<&'a str, FilesError> {
        Ok(&self.text)
    }

    fn line_index(&'a self, (): (), _byte_index: usize) -> Result<usize, FilesError> {
        Ok(0)
    }

    fn line_number(&'a self, (): (), _line_index: usize) -> Result<usize, FilesError> {
        Ok(self.line + 1)
    }

    fn column_number(&'a self, (): (), _line_index: usize, byte_index: usize) -> Result<usize, FilesError> {
        let shown = self.text.get(self.ellipsis..byte_index.max(self.ellipsis)).map_or(0, |s| s.chars().count());
        Ok(self.columns_before + shown + 1)
    }

    fn line_range(&'a self, (): (), line_index: usize) -> Result<Range<usize>, FilesError> {
        if line_index == 0 {
            Ok(0..self.text.len())
        } else {
            Err(FilesError::LineTooLarge { given: line_index, max: 0 })
        }
    }
}

/// Byte offset of a 1-based line and character column.
pub fn offset_of(source: &str, line: usize, column: usize) -> usize {
    let mut offset = 0;
    for (i, l) in source.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            let col = l.char_indices().nth(column.saturating_sub(1)).map_or(l.len(), |(b, _)| b);
            return offset + col.min(l.trim_end_matches(['\n', '\r']).len());
        }
        offset += l.len();
    }
    source.len()
}

/// End of the token starting at `start`: up to the next space or line end,
/// at least one character.
fn token_end(source: &str, start: usize) -> usize {
    let rest = &source[floor_char_boundary(source, start)..];
    let len = rest.find(|c: char| c.is_whitespace() || c == ',' || c == ']' || c == '}').unwrap_or(rest.len());
    let len = if len == 0 { rest.chars().next().map_or(0, char::len_utf8) } else { len };
    start + len
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_round_trip() {
        let src: Arc<str> = "a: 1\ntitle: \"\"\n中文: x\n".into();
        let d = Diagnostic::error(Message::verbatim("must not be empty")).in_file(Path::new("r.yaml")).at_line(
            src.clone(),
            2,
            8,
        );
        assert_eq!(d.line_column(), Some((2, 8)));
        assert_eq!(d.to_string(), "r.yaml:2:8: must not be empty");
        let d = Diagnostic::error(Message::verbatim("x")).at_line(src, 3, 5);
        assert_eq!(d.line_column(), Some((3, 5)));
    }

    #[test]
    fn emits_snippet_with_caret() {
        let src: Arc<str> = "title: x\nnext_step: []\n".into();
        let d = Diagnostic::error(Message::verbatim("unknown field `next_step`"))
            .in_file(Path::new("r.yaml"))
            .at_line(src, 2, 1)
            .hint(Message::verbatim("did you mean `next_steps`?"));
        let text = d.to_plain_text();
        assert!(text.contains("r.yaml:2:1"), "{text}");
        assert!(text.contains("next_step: []"), "{text}");
        assert!(text.contains("^^^^"), "{text}");
        assert!(text.contains("did you mean `next_steps`?"), "{text}");
    }

    #[test]
    fn long_lines_are_cut_around_the_caret() {
        let long = format!("a: 1\nb: {}X{}\nc: 2\n", "[".repeat(5000), "]".repeat(5000));
        let column = 3 + 5000 + 1;
        let d = Diagnostic::error(Message::verbatim("too deep")).in_file(Path::new("r.yaml")).at_line(
            long.into(),
            2,
            column,
        );
        let text = d.to_plain_text();
        assert!(text.contains(&format!("r.yaml:2:{column}")), "{text}");
        assert!(text.lines().all(|l| l.chars().count() < 200), "{text}");
        let shown = text.lines().find(|l| l.contains('X')).expect("the line");
        let caret = text.lines().find(|l| l.contains('^')).expect("the caret");
        assert_eq!(caret.chars().position(|c| c == '^'), shown.chars().position(|c| c == 'X'), "{text}");
        assert!(shown.contains('…'), "{text}");
        // Short lines are shown whole, multi-byte text included.
        let d = Diagnostic::error(Message::verbatim("x")).at_line("中文: [\n".into(), 1, 5);
        let text = d.to_plain_text();
        assert!(text.contains("1:5") && text.contains("中文: [") && !text.contains('…'), "{text}");
    }
}
