//! Errors of the data stage: every one names the file and, where the YAML
//! tells, the line, column and field path, with a hint on what to write.

use std::fmt;
use std::path::Path;
use std::sync::Arc;

use crate::diag::Diagnostic;

/// A data file could not be read or does not follow the contract.
#[derive(Debug)]
pub struct DataError(pub Box<Diagnostic>);

impl DataError {
    /// The diagnostic to print.
    pub fn diagnostic(&self) -> &Diagnostic {
        &self.0
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
        let mut message = err.to_string();
        if let Some(loc) = err.location() {
            let suffix = format!(" at line {} column {}", loc.line(), loc.column());
            if let Some(cut) = message.find(&suffix) {
                message.replace_range(cut..cut + suffix.len(), "");
            }
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
        let mut hints = Vec::new();
        let mut field = field;
        if let Some(name) = unknown_field(&message) {
            // The path ends with the unknown key itself: name where it is.
            field = field.map(|f| parent_path(&f, &name));
            let expected = expected_fields(&message);
            let candidates: Vec<&str> =
                if expected.is_empty() { names.to_vec() } else { expected.iter().map(String::as_str).collect() };
            if let Some(best) = did_you_mean(&name, &candidates) {
                hints.push(format!("did you mean `{best}`?"));
            }
            message = match expected.is_empty() {
                true => format!("unknown field `{name}`"),
                false => format!("unknown field `{name}`; expected one of {}", quote_list(&expected)),
            };
        }
        if message.contains("recursion limit exceeded") {
            hints.push("the data nests deeper than any document needs: flatten it".into());
        }
        if message.contains("repetition limit exceeded") {
            hints.push("aliases (`*name`) expand to too much data: write the values out".into());
        }
        let mut diag = Diagnostic::error(message).in_file(path);
        if let Some(loc) = err.location() {
            diag = diag.at_line(text.clone(), loc.line() + line_offset, loc.column());
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

fn quote_list(names: &[String]) -> String {
    names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ")
}

/// The closest name, if it is close enough to be what was meant.
pub fn did_you_mean<'a>(name: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let lower = name.to_lowercase().replace([' ', '-'], "_");
    candidates
        .iter()
        .map(|c| (strsim::jaro_winkler(&lower, c), *c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn parses_serde_messages() {
        let m = "unknown field `tilte`, expected one of `title`, `body`";
        assert_eq!(unknown_field(m).as_deref(), Some("tilte"));
        assert_eq!(expected_fields(m), ["title", "body"]);
    }
}
