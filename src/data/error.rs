//! Errors of the data stage: every one names the file and, where the YAML
//! tells, the line, column and field path, with a hint on what to write.

use std::fmt;
use std::path::Path;
use std::sync::Arc;

use crate::base::diag::Diagnostic;
use crate::base::msg::{Message, Names, msg};

/// Between a check's message and its hint in the one string serde keeps.
const HINT: &str = "\nhint: ";

/// What a period is expected to be, in serde's "expected …".
pub(crate) const PERIOD_EXPECTED: &str = "a period: 2026-10, 2026-Q3, 2026-H1, 2026 or 2026-07-15..2026-10-31";
/// What a deadline is expected to be.
pub(crate) const DUE_EXPECTED: &str = "a deadline: 2026-12-31, 2026-12, 2026-Q4, 2026-H2 or 2026";

/// What a check of this stage raised through serde, which keeps only the
/// English text: the message itself, found again by that text when the
/// error comes back.
struct Raised {
    text: String,
    message: Message,
    hints: Vec<Message>,
}

thread_local! {
    static RAISED: std::cell::RefCell<Vec<Raised>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The most raised messages kept (an untagged value tries and drops some).
const MAX_RAISED: usize = 64;

/// A serde error that says `message`, worded in the document's language
/// when printed.
pub(crate) fn raise<E: serde::de::Error>(message: Message) -> E {
    raise_with_hint(message, None)
}

/// A serde error that says `message`, with `hint` on what to write.
pub(crate) fn raise_with_hint<E: serde::de::Error>(message: Message, hint: Option<Message>) -> E {
    let mut text = message.english();
    if let Some(hint) = &hint {
        text = format!("{text}{}{}", HINT, hint.english());
    }
    RAISED.with(|raised| {
        let mut raised = raised.borrow_mut();
        if raised.len() >= MAX_RAISED {
            raised.remove(0);
        }
        raised.push(Raised { text: text.clone(), message, hints: hint.into_iter().collect() });
    });
    E::custom(text)
}

/// The message raised with the English `text`, if one was.
fn recall(text: &str) -> Option<(Message, Vec<Message>)> {
    RAISED.with(|raised| {
        let mut raised = raised.borrow_mut();
        let found = raised.iter().rposition(|r| r.text == text).map(|i| raised.swap_remove(i));
        raised.clear();
        found.map(|r| (r.message, r.hints))
    })
}

/// A data file could not be read or does not follow the contract.
#[derive(Debug)]
pub struct DataError(pub Box<Diagnostic>);

impl DataError {
    /// The diagnostic to print.
    pub fn diagnostic(&self) -> &Diagnostic {
        &self.0
    }

    /// The same error, naming `path` as its file.
    #[must_use]
    pub fn in_file(self, path: &std::path::Path) -> Self {
        DataError(Box::new(self.0.in_file(path)))
    }

    /// The same error, worded in `lang` unless its language is known.
    #[must_use]
    pub fn or_lang(self, lang: Option<crate::base::lang::Lang>) -> Self {
        match lang {
            Some(lang) => DataError(Box::new(self.0.or_lang(lang))),
            None => self,
        }
    }

    pub(crate) fn new(diagnostic: Diagnostic) -> Self {
        DataError(Box::new(diagnostic))
    }

    /// An error from serde_yaml, with the field path tracked alongside;
    /// `line_offset` counts the lines of the file before the YAML part.
    pub(crate) fn from_yaml(
        path: &Path,
        text: &Arc<str>,
        err: &serde_yaml::Error,
        field: Option<String>,
        names: &[&str],
        line_offset: usize,
    ) -> Self {
        let mut message = plain_words(&err.to_string());
        // libyaml's reader errors (control characters, bad UTF-8) carry a
        // byte offset and no line: locate them by the offset.
        let offset = match message.rfind(" at position ") {
            Some(cut) => {
                let offset = message[cut + " at position ".len()..].parse::<usize>().ok();
                if offset.is_some() {
                    message.truncate(cut);
                }
                offset
            }
            None => None,
        };
        if let Some(loc) = err.location() {
            let suffix = format!(" at line {} column {}", loc.line(), loc.column());
            if let Some(cut) = message.find(&suffix) {
                message.replace_range(cut..cut + suffix.len(), "");
            }
        }
        // Other places the message names ("while parsing a flow sequence at
        // line 5 column 15") count from the YAML part: count from the file.
        if line_offset > 0 {
            message = shift_lines(&message, line_offset);
        }
        // serde_yaml puts its own path first (the field's, or its parent's);
        // ours is kept separately.
        if let Some(field) = &field {
            let mut path = field.as_str();
            loop {
                if let Some(rest) = message.strip_prefix(&format!("{path}: ")) {
                    message = rest.to_owned();
                    break;
                }
                match path.rfind(['.', '[']) {
                    Some(cut) if cut > 0 => path = &path[..cut],
                    _ => break,
                }
            }
        }
        let mut hints: Vec<Message> = Vec::new();
        // A check of ours raised it: its own message.
        let raised = recall(message.trim_end());
        // A value's own check says how to fix it after a marker.
        if let Some((what, fix)) = message.split_once(HINT) {
            hints.push(Message::verbatim(fix.trim_end()));
            message = what.to_owned();
        }
        let mut worded = match raised {
            Some((raised, raised_hints)) => {
                hints = raised_hints;
                raised
            }
            None => serde_message(&message),
        };
        let mut field = field;
        if let Some(name) = unknown_field(&message) {
            // The path ends with the unknown key itself: name where it is.
            field = field.map(|f| parent_path(&f, &name));
            let expected = expected_fields(&message);
            let candidates: Vec<&str> =
                if expected.is_empty() { names.to_vec() } else { expected.iter().map(String::as_str).collect() };
            if let Some(best) = did_you_mean(&name, &candidates) {
                hints.push(msg!(DidYouMean, name = best));
            }
            // A data file's letterhead and 版记 field, at the top of an
            // `.md`'s front matter, where they sit under `official:`.
            const OFFICIAL: [&str; 11] = [
                "issuer_mark",
                "doc_number",
                "signer",
                "copy_number",
                "secrecy",
                "urgency",
                "sealed",
                "signer_post",
                "copy_to",
                "printed_by",
                "printed_on",
            ];
            if OFFICIAL.contains(&name.as_str()) && expected.iter().any(|e| e == "official") {
                hints.push(msg!(UnderOfficial, name = name.as_str()));
            }
            worded = match expected.is_empty() {
                true => msg!(UnknownField, name = name),
                false => msg!(UnknownFieldExpected, name = name, expected = Names(expected)),
            };
        }
        if message.contains("recursion limit exceeded") {
            hints.push(msg!(FlattenIt));
        }
        if message.contains("repetition limit exceeded") {
            hints.push(msg!(AliasesTooMuch));
        }
        // serde_yaml names no line for a second document: find its `---`.
        let second_document =
            message.contains("more than one document").then(|| second_document(text, line_offset)).flatten();
        if second_document.is_some() {
            hints.push(msg!(OneYamlDocument));
        }
        let mut diag = Diagnostic::error(worded).in_file(path);
        if let Some(line) = second_document {
            diag = diag.at_line(text.clone(), line, 1);
        } else if let Some(offset) = offset {
            let start = crate::base::diag::offset_of(text, line_offset + 1, 1) + offset;
            if let Some(c) = text.get(start..).and_then(|rest| rest.chars().next())
                && c.is_control()
            {
                diag.message = msg!(WithCodePoint, text = diag.message, code = format!("{:04X}", u32::from(c)));
                hints.push(msg!(RemoveControlCharacter));
            }
            diag = diag.at(text.clone(), start..start + 1);
        } else if let Some(loc) = err.location() {
            let mut line = loc.line() + line_offset;
            let mut column = loc.column();
            // serde reports a duplicate field at the start of its mapping:
            // point at the second key instead.
            if let Some(name) = message.strip_prefix("duplicate field `").and_then(|r| r.split('`').next())
                && let Some(second) = second_key(text, line, column, name)
            {
                (line, column) = (second, column_of_key(text, second));
                field = Some(match field {
                    Some(f) if !f.is_empty() && f != "." => format!("{f}.{name}"),
                    _ => name.to_owned(),
                });
            }
            // serde reports an error in a field's value raised by the
            // document's own checks ("must not be empty") at the start of
            // the mapping: point at the field's key where it is written.
            if let Some(key) = field.as_deref().map(last_key).filter(|k| !k.is_empty())
                && let Some(at) = nth_key(text, line, column, key, 1).filter(|at| *at != line)
            {
                (line, column) = (at, column_of_key(text, at));
            }
            // A key typed with a Chinese input method's full-width colon
            // (`recipient：…`) is no key: libyaml trips over it a line or
            // two later. Point at the colon and say so.
            if yaml_syntax(&message).is_some()
                && let Some((at, key, colon)) = full_width_colon_key(text, line)
            {
                (line, column) = (at, colon);
                hints.push(msg!(FullWidthColon, key = key));
            }
            let indented_with_tab = text
                .lines()
                .nth(line.saturating_sub(1))
                .is_some_and(|l| l[..l.len() - l.trim_start().len()].contains('\t'));
            if indented_with_tab {
                hints.push(msg!(IndentedWithTab));
            }
            diag = diag.at_line(text.clone(), line, column);
        }
        if let Some(field) = field {
            diag = diag.field(field);
        }
        diag.hints = hints;
        DataError::new(diag)
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for DataError {}

/// `progress[0].ownr` → `progress[0]`; `next_step` → ``.
fn parent_path(path: &str, key: &str) -> String {
    path.strip_suffix(key).map_or(path, |p| p.strip_suffix('.').unwrap_or(p)).to_owned()
}

/// `message` with each "line N" of "at line N column M" moved down by
/// `offset` lines.
fn shift_lines(message: &str, offset: usize) -> String {
    static AT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"at line (\d+) column (\d+)").unwrap_or_else(|e| panic!("fixed pattern: {e}"))
    });
    AT.replace_all(message, |c: &regex::Captures<'_>| {
        let line = c[1].parse::<usize>().map_or_else(|_| c[1].to_owned(), |n| (n + offset).to_string());
        format!("at line {line} column {}", &c[2])
    })
    .into_owned()
}

/// The last key of a field path: `title` of `progress[1].title`; empty when
/// the path ends with an index.
fn last_key(path: &str) -> &str {
    if path.ends_with(']') { "" } else { path.rsplit('.').next().unwrap_or(path) }
}

/// The 1-based line of the second `name:` key of the block mapping whose
/// first key is at `line` and `column` (1-based, in characters).
fn second_key(text: &str, line: usize, column: usize, name: &str) -> Option<usize> {
    nth_key(text, line, column, name, 2)
}

/// The 1-based line of the `nth` key `name` of the block mapping whose first
/// key is at `line` and `column`.
fn nth_key(text: &str, line: usize, column: usize, name: &str, nth: usize) -> Option<usize> {
    let indent = column.checked_sub(1)?;
    let is_key = |rest: &str| rest.strip_prefix(name).is_some_and(|r| r.trim_start_matches(' ').starts_with(':'));
    let mut seen = 0;
    for (i, text_line) in text.lines().enumerate().skip(line.checked_sub(1)?) {
        let rest = if i + 1 == line {
            let at = text_line.char_indices().nth(indent).map_or(text_line.len(), |(b, _)| b);
            &text_line[at..]
        } else {
            let trimmed = text_line.trim_start_matches(' ');
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            let lead = text_line.len() - trimmed.len();
            if lead < indent {
                break;
            }
            if lead > indent {
                continue;
            }
            trimmed
        };
        if is_key(rest) {
            seen += 1;
            if seen == nth {
                return Some(i + 1);
            }
        }
    }
    None
}

/// The 1-based line of the `---` or `...` marker that ends the first YAML
/// document after line `line_offset` (a `---` before any content starts it).
fn second_document(text: &str, line_offset: usize) -> Option<usize> {
    let mut content = false;
    for (i, line) in text.lines().enumerate().skip(line_offset) {
        let marker = crate::base::yaml::starts_with_document_marker(line.as_bytes());
        if marker && content {
            return Some(i + 1);
        }
        let trimmed = line.trim();
        if !marker && !trimmed.is_empty() && !trimmed.starts_with('#') && !line.starts_with('%') {
            content = true;
        }
    }
    None
}

/// The 1-based column of the first character after the indentation of a line.
fn column_of_key(text: &str, line: usize) -> usize {
    text.lines().nth(line - 1).map_or(1, |l| l.len() - l.trim_start_matches(' ').len() + 1)
}

/// serde's type names in words a writer knows: "invalid type: sequence,
/// expected struct Item" says "found a list, expected fields (`title: …`)".
fn plain_words(message: &str) -> String {
    let Some(at) = message.find("invalid type: ") else { return message.to_owned() };
    let (head, rest) = (&message[..at], &message[at + "invalid type: ".len()..]);
    let Some((found, expected)) = rest.split_once(", expected ") else { return message.to_owned() };
    // What follows the expectation (" at line 7 column 14") is kept.
    let (expected, tail) = expected.split_at(expected.find(" at line ").unwrap_or(expected.len()));
    let found = match found {
        "sequence" => "a list",
        "map" => "a mapping of fields",
        "unit value" => "nothing",
        f if f.starts_with("string ") => "a text",
        f if f.starts_with("integer ") || f.starts_with("floating point ") => "a number",
        f if f.starts_with("boolean ") => "true/false",
        f => f,
    };
    let expected = if expected.starts_with("struct ") {
        "fields such as `title: …` (a mapping)"
    } else if expected == "a sequence" {
        "a list (`- …` lines)"
    } else {
        expected
    };
    format!("{head}found {found}, expected {expected}{tail}")
}

/// The field name of an "unknown field `x`" message.
fn unknown_field(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    Some(rest[..rest.find('`')?].to_owned())
}

/// The names listed after "expected one of" / "expected" in serde's message.
fn expected_fields(message: &str) -> Vec<String> {
    let Some(at) = message.find("expected") else { return Vec::new() };
    message[at..].split('`').skip(1).step_by(2).map(str::to_owned).collect()
}

/// A message of serde or libyaml about YAML that is not a data file (a
/// chart block's), in the catalogue's words where it is recognised.
pub(crate) fn yaml_text_message(message: &str) -> Message {
    if let Some((message, _)) = recall(message) {
        return message;
    }
    serde_message(&plain_words(message))
}

/// The nearest line, from `line` back two lines, that starts (after
/// indentation and a `- `) with a field name followed by a full-width
/// colon `：`: its number, the name and the colon's column.
fn full_width_colon_key(text: &str, line: usize) -> Option<(usize, String, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    (line.saturating_sub(2).max(1)..=line.min(lines.len())).rev().find_map(|at| {
        let whole = lines[at - 1];
        let rest = whole.trim_start_matches([' ', '\t']);
        let rest = rest.strip_prefix("- ").map_or(rest, |r| r.trim_start_matches(' '));
        let key: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
        let after = rest[key.len()..].trim_start_matches(' ');
        (!key.is_empty() && after.starts_with('：')).then(|| {
            let colon = whole.len() - after.len();
            (at, key, whole[..colon].chars().count() + 1)
        })
    })
}

/// serde's and libyaml's own messages (in English, as plain_words left
/// them) as messages of the catalogue; what is not recognised is shown as
/// it is.
pub fn serde_message(message: &str) -> Message {
    let name_in = |rest: &str| rest.split('`').next().unwrap_or(rest).to_owned();
    if let Some(rest) = message.strip_prefix("found ")
        && let Some((found, expected)) = rest.split_once(", expected ")
    {
        return msg!(FoundExpected, found = phrase(found), expected = phrase(expected));
    }
    if let Some(rest) = message.strip_prefix("invalid value: ")
        && let Some((found, expected)) = rest.split_once(", expected ")
    {
        return msg!(InvalidValue, found = phrase(found), expected = phrase(expected));
    }
    if let Some(rest) = message.strip_prefix("invalid length ")
        && let Some((len, expected)) = rest.split_once(", expected ")
    {
        return msg!(InvalidLength, len = len, expected = phrase(expected));
    }
    if let Some(name) = unknown_field(message) {
        let expected = expected_fields(message);
        return match expected.is_empty() {
            true => msg!(UnknownField, name = name),
            false => msg!(UnknownFieldExpected, name = name, expected = Names(expected)),
        };
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        return msg!(MissingField, name = name_in(rest));
    }
    if let Some(rest) = message.strip_prefix("duplicate field `") {
        return msg!(DuplicateField, name = name_in(rest));
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        let value = name_in(rest);
        let expected = expected_fields(&rest[value.len()..]);
        return msg!(UnknownVariant, value = value, expected = Names(expected));
    }
    if message.contains("recursion limit exceeded") {
        return msg!(RecursionLimit);
    }
    if message.contains("repetition limit exceeded") {
        return msg!(RepetitionLimit);
    }
    if message.contains("more than one document") {
        return msg!(MoreThanOneDocument);
    }
    yaml_syntax(message).unwrap_or_else(|| Message::verbatim(message))
}

/// A libyaml syntax error (`did not find expected key, while parsing a
/// block mapping at line 3 column 1`) as a message of the catalogue.
fn yaml_syntax(message: &str) -> Option<Message> {
    let (problem, context) = message.split_once(", while ").map_or((message, None), |(p, c)| (p, Some(c)));
    let problem = match problem.trim() {
        "did not find expected key" => msg!(YamlExpectedKey),
        "mapping values are not allowed in this context" => msg!(YamlMappingValues),
        "found character that cannot start any token" => msg!(YamlBadCharacter),
        "did not find expected ',' or ']'" => msg!(YamlUnclosed, close = "]"),
        "did not find expected ',' or '}'" => msg!(YamlUnclosed, close = "}"),
        "found unexpected end of stream" => msg!(YamlUnexpectedEnd),
        "block sequence entries are not allowed in this context" => msg!(YamlSequenceEntries),
        "found undefined alias" => msg!(YamlUndefinedAlias),
        "did not find expected '-' indicator" => msg!(YamlExpectedDash),
        "did not find expected node content" => msg!(YamlExpectedValue),
        "could not find expected ':'" => msg!(YamlExpectedColon),
        "found a tab character that violates indentation"
        | "found a tab character where an indentation space is expected" => msg!(YamlTab),
        "control characters are not allowed" => msg!(YamlControlCharacters),
        "found unknown escape character" => msg!(YamlUnknownEscape),
        "did not find expected comment or line break" => msg!(YamlExpectedLineBreak),
        "found unexpected document indicator" => msg!(YamlDocumentIndicator),
        p if p.starts_with("found duplicate anchor") => msg!(YamlDuplicateAnchor),
        "found unexpected ':'" => msg!(YamlUnexpectedColon),
        "invalid leading UTF-8 octet" | "invalid trailing UTF-8 octet" | "incomplete UTF-8 octet sequence" => {
            msg!(YamlBadUtf8)
        }
        _ => return None,
    };
    let at = context.and_then(|c| {
        let (what, rest) = c.split_once(" at line ")?;
        let (line, column) = rest.split_once(" column ")?;
        let what = what.trim_start_matches("parsing ").trim_start_matches("scanning ");
        let context = match what {
            "a block mapping" => msg!(YamlCtxMapping),
            "a flow mapping" => msg!(YamlCtxFlowMapping),
            "a block collection" => msg!(YamlCtxList),
            "a flow sequence" => msg!(YamlCtxFlowList),
            "a quoted scalar" | "a plain scalar" | "a block scalar" => msg!(YamlCtxText),
            "a simple key" => msg!(YamlCtxKey),
            _ => msg!(YamlCtxValue),
        };
        Some((context, line.trim().to_owned(), column.trim().to_owned()))
    });
    Some(match at {
        Some((context, line, column)) => {
            msg!(YamlSyntaxAt, problem = problem, context = context, line = line, column = column)
        }
        None => msg!(YamlSyntax, problem = problem),
    })
}

/// A phrase of serde's "found …, expected …" in the catalogue's words.
fn phrase(text: &str) -> Message {
    match text.trim() {
        "a list" | "a sequence" => msg!(AList),
        "a mapping of fields" | "a map" => msg!(AMapping),
        "nothing" => msg!(Nothing),
        "a text" | "a string" => msg!(AText),
        "a number" => msg!(ANumber),
        "true/false" | "a boolean" => msg!(TrueFalse),
        "fields such as `title: …` (a mapping)"
        | "a mapping of fields such as `title:`"
        | "a mapping of fields (`title: …`)" => msg!(FieldsMapping),
        "a list (`- …` lines)" => msg!(ListLines),
        "a field name" => msg!(AFieldName),
        "text" => msg!(TextValue),
        "Markdown text" => msg!(MarkdownText),
        "a number such as 28174 or 0.95" => msg!(NumberSuch),
        "a date written YYYY-MM-DD, such as 2026-11-05" => msg!(DateSuch),
        "a text or a list of texts" => msg!(TextOrList),
        "six digits, such as \"000123\"" => msg!(SixDigits),
        "a title, {title, body} or {title, table: metrics}" => msg!(AttachmentShape),
        t if t == PERIOD_EXPECTED => msg!(PeriodSuch),
        t if t == DUE_EXPECTED => msg!(DueSuch),
        t => Message::verbatim(t),
    }
}

/// The closest name, if it is close enough to be what was meant.
pub fn did_you_mean<'a>(name: &str, candidates: &[&'a str]) -> Option<&'a str> {
    closest(&name.to_lowercase().replace([' ', '-'], "_"), candidates, 0.8)
}

/// The candidate most like `name` (Jaro–Winkler), if at least `min` alike.
pub fn closest<'a>(name: &str, candidates: &[&'a str], min: f64) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (strsim::jaro_winkler(name, c), *c))
        .filter(|(score, _)| *score >= min)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_with_a_full_width_colon_is_found() {
        let text = "title: x\nrecipient：县委\ndate: 2026-10-12\n";
        assert_eq!(full_width_colon_key(text, 3), Some((2, "recipient".to_owned(), 10)));
        assert_eq!(full_width_colon_key(text, 2), Some((2, "recipient".to_owned(), 10)));
        let item = "progress:\n  - title ：建立机制\n    body: x\n";
        assert_eq!(full_width_colon_key(item, 3), Some((2, "title".to_owned(), 11)));
        // Text with a full-width colon in a value, or too far above: none.
        assert_eq!(full_width_colon_key("intro: 总体情况：良好\nx\n", 2), None);
        assert_eq!(full_width_colon_key("a：b\nx: 1\ny: 2\nz\n", 4), None);
    }

    #[test]
    fn suggestions() {
        let names = ["title", "next_steps", "problems", "progress", "organization"];
        assert_eq!(did_you_mean("next_step", &names), Some("next_steps"));
        assert_eq!(did_you_mean("tilte", &names), Some("title"));
        assert_eq!(did_you_mean("organisation", &names), Some("organization"));
        assert_eq!(did_you_mean("Next Steps", &names), Some("next_steps"));
        assert_eq!(did_you_mean("zzz", &names), None);
    }

    #[test]
    fn serde_types_in_plain_words() {
        assert_eq!(
            plain_words("invalid type: sequence, expected struct Item"),
            "found a list, expected fields such as `title: …` (a mapping)"
        );
        assert_eq!(
            plain_words("invalid type: string \"x\", expected a sequence"),
            "found a text, expected a list (`- …` lines)"
        );
        assert_eq!(plain_words("invalid type: map, expected a text"), "found a mapping of fields, expected a text");
        assert_eq!(plain_words("missing field `title`"), "missing field `title`");
        assert_eq!(
            plain_words("a[1].b: invalid type: string \"oops\", expected a sequence at line 7 column 14"),
            "a[1].b: found a text, expected a list (`- …` lines) at line 7 column 14"
        );
    }

    #[test]
    fn finds_the_second_key_of_a_mapping() {
        let text = "a: 1\nitems:\n  - title: x\n    body: y\n\n    # note\n    body: z\n  - body: w\n";
        assert_eq!(second_key(text, 3, 5, "body"), Some(7));
        assert_eq!(second_key(text, 3, 5, "title"), None);
        assert_eq!(column_of_key(text, 7), 5);
        assert_eq!(second_key("a: 1\na: 2\n", 1, 1, "a"), Some(2));
        assert_eq!(second_key("ab: 1\na: 2\n", 1, 1, "a"), None);
    }

    #[test]
    fn finds_the_second_document() {
        assert_eq!(second_document("---\na: 1\n---\nb: 2\n", 0), Some(3));
        assert_eq!(second_document("# c\n---\na: 1\n...\n", 0), Some(4));
        assert_eq!(second_document("a: |\n  ---x\n", 0), None);
    }

    #[test]
    fn parses_serde_messages() {
        let m = "unknown field `tilte`, expected one of `title`, `body`";
        assert_eq!(unknown_field(m).as_deref(), Some("tilte"));
        assert_eq!(expected_fields(m), ["title", "body"]);
    }
}
