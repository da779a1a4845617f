//! Whether a rewritten YAML text says what the original said: the check
//! `check --fix` makes before it replaces a data file (or a `.md` file's
//! front matter).

use serde_yaml::Value;

use crate::base::msg::{Message, msg};

/// Parses `yaml` as one YAML document.
fn value(yaml: &str) -> Result<Value, Message> {
    if crate::base::yaml::too_deep(yaml).is_some() {
        return Err(msg!(FixNestsTooDeep));
    }
    serde_yaml::from_str(yaml).map_err(|e| {
        // serde_yaml's text with its location (`… at line 3 column 1, while
        // …`) left out: the catalogue words the problem.
        let mut text = e.to_string();
        if let Some(at) = e.location() {
            text = text.replacen(&format!(" at line {} column {}", at.line(), at.column()), "", 1);
        }
        super::error::serde_message(&text)
    })
}

/// Ok when `new` parses to the same keys, in the same order, the same
/// sequences and the same non-string values as `old`, and each string
/// value of `new` is its counterpart of `old` up to `same_text` (which
/// says whether two texts differ only as the fix meant them to). The error
/// says what differs.
///
/// # Errors
/// Why `new` does not say what `old` said.
pub fn same_yaml(old: &str, new: &str, same_text: fn(&str, &str) -> bool) -> Result<(), Message> {
    let old = value(old).map_err(|e| msg!(FixOriginalUnparsed, error = e))?;
    let new = value(new).map_err(|e| msg!(FixWouldNotParse, error = e))?;
    same(&old, &new, same_text, "")
}

fn same(old: &Value, new: &Value, same_text: fn(&str, &str) -> bool, at: &str) -> Result<(), Message> {
    let shown = if at.is_empty() { "/" } else { at };
    let differs = || Err(msg!(FixReadsDifferently, at = shown));
    match (old, new) {
        (Value::Mapping(a), Value::Mapping(b)) => {
            if a.len() != b.len() || a.keys().zip(b.keys()).any(|(x, y)| x != y) {
                return Err(msg!(FixOtherKeys, at = shown));
            }
            for ((k, x), y) in a.iter().zip(b.values()) {
                let key = match k {
                    Value::String(s) => s.clone(),
                    other => serde_yaml::to_string(other).unwrap_or_default().trim().to_owned(),
                };
                same(x, y, same_text, &format!("{at}/{key}"))?;
            }
            Ok(())
        }
        (Value::Sequence(a), Value::Sequence(b)) => {
            if a.len() != b.len() {
                return differs();
            }
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                same(x, y, same_text, &format!("{at}/{i}"))?;
            }
            Ok(())
        }
        (Value::Tagged(a), Value::Tagged(b)) => {
            if a.tag != b.tag {
                return differs();
            }
            same(&a.value, &b.value, same_text, at)
        }
        (Value::String(a), Value::String(b)) => {
            if a == b || same_text(a, b) {
                Ok(())
            } else {
                differs()
            }
        }
        (a, b) => {
            if a == b {
                Ok(())
            } else {
                differs()
            }
        }
    }
}

/// The text of the top-level `key` of `yaml`, if it parses and has one.
pub fn top_level_text(yaml: &str, key: &str) -> Option<String> {
    match value(yaml).ok()?.get(key)? {
        Value::String(s) => Some(s.clone()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loose(a: &str, b: &str) -> bool {
        a.replace('，', ",") == b.replace('，', ",")
    }

    #[test]
    fn only_strings_may_change_and_only_as_meant() {
        assert!(same_yaml("a: 中,文\nb: [1, x]\n", "a: 中，文\nb: [1, x]\n", loose).is_ok());
        assert!(same_yaml("a: 中,文\n", "a: 中，字\n", loose).is_err());
        assert!(same_yaml("a,b: 1\n", "a，b: 1\n", loose).unwrap_err().english().contains("other keys"));
        assert!(same_yaml("a: [x,y]\n", "a: [x，y]\n", loose).is_err());
        assert!(same_yaml("a: \"x\"\n", "a: \"x\n", loose).unwrap_err().english().contains("would not parse"));
        assert!(same_yaml("a: 1\n", "a: '1'\n", loose).is_err());
        // The parser's problem in the catalogue's words, in either language.
        let broken = same_yaml("a: [x\n", "a: [x\n", loose).unwrap_err();
        assert!(
            broken.english().starts_with("the original does not parse: did not find expected ',' or ']'"),
            "{broken:?}"
        );
        assert!(
            broken.render(crate::base::lang::Lang::Zh).starts_with("原文件无法解析：YAML 格式错误："),
            "{broken:?}"
        );
    }
}
