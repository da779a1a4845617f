//! Every message zongjie prints, in English and in Chinese: the catalogue
//! (`catalogue.rs`, one line per message), the [`Message`] value a
//! diagnostic holds (a key and its arguments), and the choice of language
//! when no document's language is known yet.
//!
//! A message is worded when it is printed, in the language of the document
//! it is about; a stage builds it with `msg!` and never holds
//! the words itself.

mod catalogue;

use std::fmt;

pub use catalogue::Key;

use super::lang::Lang;

/// A message of the catalogue with its arguments, worded when printed.
#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    key: Key,
    args: Vec<(&'static str, Arg)>,
}

/// One argument of a message.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    /// A value shown as it is: a file name, a field name, a user's value, a
    /// number.
    Text(String),
    /// Values shown as a list: "a, b" in English, "a、b" in Chinese.
    List(Vec<String>),
    /// Names of fields, templates, ids shown as a list: "`a`, `b`" in
    /// English, "“a”、“b”" in Chinese.
    Names(Vec<String>),
    /// What the writer wrote shown as a list: "\"a\", \"b\"" in English,
    /// "“a”、“b”" in Chinese.
    Quoted(Vec<String>),
    /// A message of its own, worded in the same language (a part of a
    /// sentence: "a list", "一个列表").
    Message(Box<Message>),
}

/// A list argument: `msg!(Key, names = List(names))`.
#[derive(Clone, Debug, PartialEq)]
pub struct List(pub Vec<String>);

/// A list of names argument: `msg!(Key, expected = Names(names))`.
#[derive(Clone, Debug, PartialEq)]
pub struct Names(pub Vec<String>);

/// A list of the writer's titles or values: `msg!(Key, titles = Quoted(titles))`.
#[derive(Clone, Debug, PartialEq)]
pub struct Quoted(pub Vec<String>);

impl IntoArg for Quoted {
    fn into_arg(self) -> Arg {
        Arg::Quoted(self.0)
    }
}

impl IntoArg for Names {
    fn into_arg(self) -> Arg {
        Arg::Names(self.0)
    }
}

/// What can be an argument of a message.
pub trait IntoArg {
    /// The argument.
    fn into_arg(self) -> Arg;
}

impl IntoArg for Message {
    fn into_arg(self) -> Arg {
        Arg::Message(Box::new(self))
    }
}

impl IntoArg for List {
    fn into_arg(self) -> Arg {
        Arg::List(self.0)
    }
}

impl IntoArg for Arg {
    fn into_arg(self) -> Arg {
        self
    }
}

impl IntoArg for &str {
    fn into_arg(self) -> Arg {
        Arg::Text(self.to_owned())
    }
}

impl<T: IntoArg + Clone> IntoArg for &T {
    fn into_arg(self) -> Arg {
        self.clone().into_arg()
    }
}

macro_rules! shown_as_text {
    ($($ty:ty),*) => {$(
        impl IntoArg for $ty {
            fn into_arg(self) -> Arg {
                Arg::Text(self.to_string())
            }
        }
    )*};
}

shown_as_text!(String, char, u8, u16, u32, u64, u128, usize, i32, i64, f64, std::borrow::Cow<'_, str>);

/// A message of the catalogue: `msg!(UnknownField, name = key)` is the
/// message `Key::UnknownField` with its placeholder `{name}` filled.
macro_rules! msg {
    ($key:ident $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::base::msg::Message::new($crate::base::msg::Key::$key)
            $(.with(stringify!($name), $value))*
    };
}

pub(crate) use msg;

impl Message {
    /// The message `key`, its placeholders not filled yet.
    pub fn new(key: Key) -> Self {
        Message { key, args: Vec::new() }
    }

    /// Text from outside zongjie shown as it is (an operating system's
    /// reason, Typst's or minijinja's own message), in either language.
    pub fn verbatim(text: impl Into<String>) -> Self {
        Message::new(Key::Verbatim).with("text", text.into())
    }

    /// Fills the placeholder `{name}`.
    #[must_use]
    pub fn with(mut self, name: &'static str, value: impl IntoArg) -> Self {
        self.args.push((name, value.into_arg()));
        self
    }

    /// The message's key.
    pub fn key(&self) -> Key {
        self.key
    }

    /// The text shown for the argument `name`, in English, if given as text.
    pub fn arg(&self, name: &str) -> Option<&str> {
        self.args.iter().find_map(|(n, a)| match a {
            Arg::Text(t) if *n == name => Some(t.as_str()),
            _ => None,
        })
    }

    /// The message worded in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let template = self.key.text(lang);
        let mut out = String::with_capacity(template.len() + 16);
        let mut rest = template;
        while let Some(at) = rest.find(['{', '}']) {
            out.push_str(&rest[..at]);
            let brace = &rest[at..];
            if brace.starts_with("{{") || brace.starts_with("}}") {
                out.push_str(&brace[..1]);
                rest = &brace[2..];
                continue;
            }
            let Some(end) = brace.find('}').filter(|_| brace.starts_with('{')) else {
                out.push_str(&brace[..1]);
                rest = &brace[1..];
                continue;
            };
            let name = &brace[1..end];
            match self.args.iter().find(|(n, _)| *n == name) {
                Some((_, arg)) => render_arg(arg, lang, &mut out),
                None => {
                    debug_assert!(false, "message {:?} lacks its argument `{name}`", self.key);
                    out.push_str(&brace[..=end]);
                }
            }
            rest = &brace[end + 1..];
        }
        out.push_str(rest);
        out
    }

    /// The message in English, as tests and logs read it.
    pub fn english(&self) -> String {
        self.render(Lang::En)
    }
}

fn render_arg(arg: &Arg, lang: Lang, out: &mut String) {
    match arg {
        Arg::Text(text) => out.push_str(text),
        Arg::List(items) => out.push_str(&items.join(separator(lang))),
        Arg::Names(names) => {
            let quoted: Vec<String> = match lang {
                Lang::En => names.iter().map(|n| format!("`{n}`")).collect(),
                Lang::Zh => names.iter().map(|n| format!("“{n}”")).collect(),
            };
            out.push_str(&quoted.join(separator(lang)));
        }
        Arg::Quoted(items) => {
            let quoted: Vec<String> = match lang {
                Lang::En => items.iter().map(|n| format!("\"{n}\"")).collect(),
                Lang::Zh => items.iter().map(|n| format!("“{n}”")).collect(),
            };
            out.push_str(&quoted.join(separator(lang)));
        }
        Arg::Message(message) => out.push_str(&message.render(lang)),
    }
}

/// Between the names of a list.
pub fn separator(lang: Lang) -> &'static str {
    match lang {
        Lang::En => ", ",
        Lang::Zh => "、",
    }
}

impl fmt::Display for Message {
    /// The message in English.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.english())
    }
}

/// The names of the placeholders of a catalogue text, in order of first use.
#[cfg(test)]
fn placeholders(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(at) = rest.find('{') {
        let brace = &rest[at..];
        if brace.starts_with("{{") {
            rest = &brace[2..];
            continue;
        }
        let Some(end) = brace.find('}') else { break };
        let name = &brace[1..end];
        if !names.contains(&name) {
            names.push(name);
        }
        rest = &brace[end + 1..];
    }
    names
}

/// The language of messages about no document in particular (the command
/// line, a file that does not parse): `ZONGJIE_LANG` (`en` or `zh`), else
/// the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`: `zh_*` is Chinese), else
/// English.
pub fn env_lang() -> Lang {
    lang_of_env(|name| std::env::var(name).ok())
}

/// [`env_lang`] over the variables `var` gives.
pub fn lang_of_env(var: impl Fn(&str) -> Option<String>) -> Lang {
    match var("ZONGJIE_LANG").map(|v| v.trim().to_ascii_lowercase()).as_deref() {
        Some("zh") => return Lang::Zh,
        Some("en") => return Lang::En,
        _ => {}
    }
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].into_iter().filter_map(&var).find(|v| !v.is_empty());
    match locale {
        Some(l) if l.to_ascii_lowercase().starts_with("zh") => Lang::Zh,
        _ => Lang::En,
    }
}

#[cfg(test)]
mod tests;
