//! Escaping of user text for Typst: as markup text, and as string literals.
//!
//! Everything here was checked against the lexer and parser of typst-syntax
//! 0.15 (`lexer.rs`, `fn markup`, `fn text`, `fn backslash`; `parser.rs`,
//! `fn markup_expr`, `fn code_expr_prec`):
//!
//! - In markup, `\` followed by any non-whitespace character is an escape
//!   that yields that character, so every special character is written as
//!   `\c`. `\u{…}` cannot arise from the input: `u` is never escaped, and a
//!   `\` from the input becomes `\\`. The one `\u{…}` written is
//!   `\u{200b}` for a zero-width space, in markup and in string literals,
//!   so that the break opportunities of long runs (see `breaks`) show in
//!   the `.typ`.
//! - Special everywhere: `\`, `/`, `[`, `]`, `~`, `-`, `*`, `_`, `` ` ``,
//!   `$`, `<`, `>`, `@`, `#`, `'`, `"`. `/` starts
//!   comments (`//`, `/*`) and the `://` of automatic links; `-` forms `--`,
//!   `---`, `-?` and the minus sign; quotes become smart quotes unless
//!   escaped (escaped, they stay straight, as written).
//! - `.` forms `...`: a `.` right after an unescaped `.` is escaped.
//! - At the start of a line (after a newline or a `[` that opens a content
//!   block, and any spaces): `=` (heading), `+` (enum item), and digits
//!   followed by `.` (enum item) are special.
//! - Right after an embedded expression (`#strong[…]`, `#raw("…")`) the
//!   parser continues the expression with `(` or `[` (call), `.` (field
//!   access) and `;` (eaten as a terminator): those are escaped when the text
//!   written so far ends in `]` or `)`.
//! - Typst treats CR, LF, VT, FF, NEL, LS and PS as newlines and space and tab
//!   as spaces; they all become a plain space here (a line break is the
//!   writer's business), and other control characters are dropped.
//!
//! The context (start of line, after an expression, after a `.`) is read
//! from the end of the output buffer, so text may be appended in pieces.

use std::fmt::Write as _;

/// The zero-width space, written as `\u{200b}`.
const ZWSP: char = '\u{200B}';

/// Characters that are escaped wherever they occur in markup.
const ALWAYS: &[char] = &['\\', '/', '[', ']', '~', '-', '*', '_', '`', '$', '<', '>', '@', '#', '\'', '"'];

/// Appends `text` to `out`, escaped so that Typst markup shows it as written.
///
/// `out` is the markup written so far: its end decides whether `text` starts
/// a line or follows an embedded expression, so `text` may be written in
/// pieces. Each tab or line break becomes a space, other control characters
/// are dropped; no other character is changed, and letters, digits, CJK and
/// most punctuation are written as they are.
pub fn markup(text: &str, out: &mut String) {
    let mut state = State::from_tail(out);
    out.reserve(text.len());
    for c in text.chars() {
        let Some(c) = normalize(c) else { continue };
        if c == ZWSP {
            out.push_str("\\u{200b}");
            state.line_digits = false;
            state.prev_dot = false;
            state.line_start = false;
            state.after_expr = false;
            continue;
        }
        if c == ' ' {
            out.push(' ');
            // A space keeps a line start a line start, but ends a number.
            state.line_digits = false;
            state.prev_dot = false;
            state.after_expr = false;
            continue;
        }
        let escape = ALWAYS.contains(&c)
            || (c == '.' && (state.prev_dot || state.line_digits))
            || (state.line_start && matches!(c, '=' | '+'))
            || (state.after_expr && matches!(c, '.' | '(' | '[' | ';'));
        if escape {
            out.push('\\');
        }
        out.push(c);
        state.line_digits = c.is_ascii_digit() && (state.line_start || state.line_digits);
        state.prev_dot = c == '.' && !escape;
        state.line_start = false;
        state.after_expr = false;
    }
    // Closed here, so that they cannot turn around the words that follow
    // (a template's, or the next field's).
    out.push_str(&direction_closers(text));
}

/// What closes the direction controls (embeddings, overrides, isolates)
/// that `text` opens and does not close, innermost first.
#[must_use]
pub fn direction_closers(text: &str) -> String {
    let mut open: Vec<char> = Vec::new();
    for c in text.chars() {
        match c {
            '\u{202a}' | '\u{202b}' | '\u{202d}' | '\u{202e}' => open.push('\u{202c}'),
            '\u{2066}'..='\u{2068}' => open.push('\u{2069}'),
            '\u{202c}' | '\u{2069}' => {
                if let Some(at) = open.iter().rposition(|o| *o == c) {
                    open.truncate(at);
                }
            }
            _ => {}
        }
    }
    open.iter().rev().collect()
}

/// Returns `s` as a quoted Typst string literal: `"…"`.
///
/// `\` and `"` are escaped, newline, carriage return and tab become `\n`,
/// `\r` and `\t`, and other control characters (and the Unicode line and
/// paragraph separators, and the zero-width space) become `\u{…}`. The
/// literal evaluates to `s` exactly.
#[must_use]
pub fn string_literal(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    push_string_literal(s, &mut out);
    out
}

/// Appends `s` as a quoted Typst string literal to `out` (see
/// [`string_literal`]).
pub(crate) fn push_string_literal(s: &str, out: &mut String) {
    out.reserve(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | ZWSP) => {
                // Writing to a String cannot fail.
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// What `text` becomes in markup: `Some(' ')` for whitespace that Typst
/// would treat as a space or newline, `None` for other control characters.
pub(crate) fn normalize(c: char) -> Option<char> {
    match c {
        ' ' | '\t' | '\n' | '\r' | '\u{0b}' | '\u{0c}' | '\u{85}' | '\u{2028}' | '\u{2029}' => Some(' '),
        c if c.is_control() => None,
        c => Some(c),
    }
}

/// The escaping context, as left by the markup written so far.
#[derive(Debug, Clone, Copy)]
struct State {
    /// Only spaces since the start of the line (or of a content block).
    line_start: bool,
    /// Only ASCII digits since the start of the line: a `.` would make an
    /// enum marker.
    line_digits: bool,
    /// The last character written was an unescaped `.`.
    prev_dot: bool,
    /// The text written so far ends in `]` or `)`, possibly closing an
    /// embedded expression that a `(`, `[`, `.` or `;` would continue.
    after_expr: bool,
}

impl State {
    /// How far back the line start is looked for. An enum marker's number
    /// must parse as `u64` (at most 20 digits), so a longer run of digits and
    /// spaces is assumed, conservatively, to be at a line start.
    const LOOK_BACK: usize = 64;

    /// Reads the context from the end of `out`. Looks at no more than
    /// [`Self::LOOK_BACK`] characters, so writing a text in pieces stays
    /// linear. Errs on the side of escaping: a `[`, `]` or `)` that was itself
    /// escaped is still taken for a delimiter, which only costs a backslash.
    fn from_tail(out: &str) -> Self {
        let mut rev = out.chars().rev().take(Self::LOOK_BACK).peekable();
        let mut digits = 0;
        while rev.next_if(char::is_ascii_digit).is_some() {
            digits += 1;
        }
        while rev.next_if(|&c| c == ' ' || c == '\t').is_some() {}
        // The line (or content block) starts here if nothing else is left,
        // or if the look-back ran out, which counts as a start to be safe.
        let at_start = matches!(rev.next(), None | Some('\n' | '['));
        Self {
            line_start: at_start && digits == 0,
            line_digits: at_start && digits > 0,
            prev_dot: out.ends_with('.'),
            after_expr: out.ends_with([']', ')']),
        }
    }
}
