use super::*;

#[test]
fn every_message_has_both_languages_with_the_same_placeholders() {
    for key in Key::ALL {
        let (en, zh) = (key.text(Lang::En), key.text(Lang::Zh));
        assert!(!en.trim().is_empty() && !zh.trim().is_empty(), "{key:?} lacks a text");
        let (mut a, mut b) = (placeholders(en), placeholders(zh));
        a.sort_unstable();
        b.sort_unstable();
        assert_eq!(a, b, "{key:?}: the English and the Chinese text have different placeholders");
        for name in a {
            assert!(
                !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
                "{key:?}: placeholder `{{{name}}}` is not a plain name"
            );
        }
        // Chinese text is Chinese, in Chinese punctuation, unless it is
        // placeholders alone.
        let words: String = {
            let mut s = zh.to_owned();
            for name in placeholders(zh) {
                s = s.replace(&format!("{{{name}}}"), "");
            }
            s
        };
        let han = words.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        // Placeholders and signs alone (`{text}（U+{code}）`), no words.
        let bare = !words.split(|c: char| !c.is_ascii_alphabetic()).any(|w| w.len() > 1);
        assert!(han || bare, "{key:?}: the Chinese text has no Chinese: {zh}");
        // What is quoted (“…”, `…`, "…") is what the writer types, as written.
        let plain = unquoted(&words);
        for bad in ["; ", ", ", ": ", "? ", "(", ")"] {
            assert!(!han || !plain.contains(bad), "{key:?}: half-width {bad:?} in the Chinese text: {zh}");
        }
        assert!(!zh.ends_with('.'), "{key:?}: the Chinese text ends with a full stop \".\": {zh}");
    }
}

#[test]
fn every_key_is_used_somewhere() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut code = String::new();
    let mut stack = vec![root];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("src is readable") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("msg/catalogue.rs") {
                code.push_str(&std::fs::read_to_string(&path).expect("a source file"));
            }
        }
    }
    let used = |name: &str| {
        code.contains(&format!("msg!({name}")) || code.contains(&format!("Key::{name}")) || {
            // `msg!(\n    Name,` as rustfmt breaks a long call.
            code.match_indices("msg!(").any(|(at, _)| code[at + 5..].trim_start().starts_with(&format!("{name},")))
        }
    };
    let unused: Vec<&str> = Key::ALL.iter().map(|k| k.name()).filter(|n| !used(n)).collect();
    assert!(unused.is_empty(), "messages of the catalogue that nothing raises: {unused:?}");
}

#[test]
fn placeholders_are_filled_in_the_language_asked() {
    let m = msg!(DidYouMean, name = "title");
    assert_eq!(m.render(Lang::En), "did you mean `title`?");
    assert_eq!(m.render(Lang::Zh), "是否应为“title”？");
    assert_eq!(m.to_string(), "did you mean `title`?");
    let nested = msg!(FieldPrefix, field = "progress[2].title", text = m);
    assert_eq!(nested.render(Lang::Zh), "progress[2].title：是否应为“title”？");
    assert_eq!(Message::verbatim("a {b} c").render(Lang::Zh), "a {b} c");
}

#[test]
fn the_environment_decides_when_no_document_does() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |name: &str| pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| (*v).to_owned())
    };
    assert_eq!(lang_of_env(env(&[])), Lang::En);
    assert_eq!(lang_of_env(env(&[("LANG", "zh_CN.UTF-8")])), Lang::Zh);
    assert_eq!(lang_of_env(env(&[("LANG", "en_US.UTF-8")])), Lang::En);
    assert_eq!(lang_of_env(env(&[("LANG", "zh_CN.UTF-8"), ("ZONGJIE_LANG", "en")])), Lang::En);
    assert_eq!(lang_of_env(env(&[("LANG", "C.UTF-8"), ("ZONGJIE_LANG", "zh")])), Lang::Zh);
    assert_eq!(lang_of_env(env(&[("LANG", "en_US.UTF-8"), ("LC_ALL", "zh_TW.UTF-8")])), Lang::Zh);
    assert_eq!(lang_of_env(env(&[("LANG", "zh_CN.UTF-8"), ("LC_MESSAGES", "C")])), Lang::En);
    assert_eq!(lang_of_env(env(&[("LANG", "zh_CN.UTF-8"), ("LC_ALL", "")])), Lang::Zh);
    assert_eq!(lang_of_env(env(&[("ZONGJIE_LANG", "fr"), ("LANG", "zh_CN")])), Lang::Zh);
}

/// `text` without what is inside “…”, `…` or "…".
fn unquoted(text: &str) -> String {
    let mut out = String::new();
    let mut closing = None;
    for c in text.chars() {
        match closing {
            Some(close) if c == close => closing = None,
            Some(_) => {}
            None => match c {
                '“' => closing = Some('”'),
                '`' | '"' => closing = Some(c),
                _ => out.push(c),
            },
        }
    }
    out
}
