//! Where the string values of a YAML text are, byte for byte: what the
//! style lint reads and `check --fix` may rewrite. Keys, comments, anchors,
//! tags, block-scalar headers and flow indicators are never part of a
//! value. One pass over the lines, in time linear in the text.
//!
//! The scan follows YAML's rules as far as a well-formed data file needs:
//! block mappings and sequences, flow collections over one or more lines,
//! plain scalars (also over several lines), quoted scalars (also over
//! several lines) and block scalars (`|`, `>`, with indicators). What it
//! cannot place is left out; `check --fix` re-reads its result with the
//! YAML parser and refuses any change of shape, so a misreading here can
//! at worst make the fix refuse.

use std::ops::Range;

/// How a scalar is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Style {
    /// Unquoted.
    Plain,
    /// `'…'`: `''` is one quote.
    Single,
    /// `"…"`: `\` starts an escape.
    Double,
    /// `|` or `>`: the lines are the text.
    Block,
}

/// A string value: the keys above it and its text on each source line.
#[derive(Clone, Debug)]
pub(crate) struct Scalar {
    /// The keys from the top down to the value's own (a sequence item has
    /// its sequence's key last).
    pub path: Vec<String>,
    pub style: Style,
    /// The value's text on each line it spans (byte ranges of the whole
    /// text, without indentation, quotes or line breaks); an empty range
    /// for a blank line inside it.
    pub lines: Vec<Range<usize>>,
}

impl Scalar {
    /// The value's own key (or its sequence's).
    pub fn key(&self) -> &str {
        self.path.last().map_or("", String::as_str)
    }
}

/// What goes on from one line to the next.
enum State {
    Normal,
    /// Inside a block scalar whose parent sits at column `parent`.
    Block {
        parent: usize,
        indent: Option<usize>,
        scalar: usize,
    },
    /// Inside a quoted scalar, in flow collections `flow` deep.
    Quoted {
        quote: u8,
        scalar: usize,
        flow: usize,
    },
    /// After a plain scalar that may go on, on lines indented past `parent`.
    Plain {
        parent: usize,
        scalar: usize,
    },
    /// Inside flow collections `depth` deep.
    Flow {
        depth: usize,
    },
}

struct Scanner {
    out: Vec<Scalar>,
    /// Block mapping keys open above the current line: column and key.
    keys: Vec<(usize, String)>,
    /// The key inside a flow mapping, until its value ends.
    flow_key: Option<String>,
    state: State,
}

/// The string values of the YAML in `text[range]` (a whole data file, or a
/// `.md` file's front matter), in order.
pub(crate) fn scalars(text: &str, range: Range<usize>) -> Vec<Scalar> {
    let mut s = Scanner { out: Vec::new(), keys: Vec::new(), flow_key: None, state: State::Normal };
    let mut start = range.start;
    for raw in text[range].split_inclusive('\n') {
        let mut line = raw.strip_suffix('\n').unwrap_or(raw);
        line = line.strip_suffix('\r').unwrap_or(line);
        s.line(start, line);
        start += raw.len();
    }
    s.out.retain(|sc| !sc.lines.is_empty());
    s.out
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

impl Scanner {
    fn path(&self) -> Vec<String> {
        let mut path: Vec<String> = self.keys.iter().map(|(_, k)| k.clone()).collect();
        if let Some(k) = &self.flow_key {
            path.push(k.clone());
        }
        path
    }

    fn push(&mut self, style: Style, range: Range<usize>) -> usize {
        let path = self.path();
        self.out.push(Scalar { path, style, lines: vec![range] });
        self.out.len() - 1
    }

    fn line(&mut self, start: usize, line: &str) {
        let indent = indent_of(line);
        let blank = line.trim().is_empty();
        match std::mem::replace(&mut self.state, State::Normal) {
            State::Block { parent, indent: content, scalar } => {
                if blank {
                    self.out[scalar].lines.push(start + line.len()..start + line.len());
                    self.state = State::Block { parent, indent: content, scalar };
                    return;
                }
                if indent > parent {
                    let content = content.unwrap_or(indent);
                    let from = indent.min(content);
                    self.out[scalar].lines.push(start + from..start + line.len());
                    self.state = State::Block { parent, indent: Some(content), scalar };
                    return;
                }
                // Trailing blank lines are not the text's.
                let lines = &mut self.out[scalar].lines;
                while lines.last().is_some_and(|r| r.is_empty()) {
                    lines.pop();
                }
            }
            State::Quoted { quote, scalar, flow } => {
                let from = line.len() - line.trim_start().len();
                self.quoted(start, line, from, quote, Some(scalar), flow);
                return;
            }
            State::Plain { parent, scalar } => {
                let trimmed = line.trim_start();
                if blank {
                    self.out[scalar].lines.push(start + line.len()..start + line.len());
                    self.state = State::Plain { parent, scalar };
                    return;
                }
                if indent > parent && !trimmed.starts_with('#') {
                    let end = plain_end(line, indent, 0);
                    if end < line.len() && line[end..].starts_with(':') {
                        // `key: value` where a continuation was possible: a
                        // YAML error; leave the line alone.
                        return;
                    }
                    let text = line[indent..end].trim_end();
                    self.out[scalar].lines.push(start + indent..start + indent + text.len());
                    if end == line.len() {
                        self.state = State::Plain { parent, scalar };
                    }
                    return;
                }
                let lines = &mut self.out[scalar].lines;
                while lines.last().is_some_and(|r| r.is_empty()) {
                    lines.pop();
                }
            }
            State::Flow { depth } => {
                self.node(start, line, indent, depth, indent);
                return;
            }
            State::Normal => {}
        }
        if blank || line[indent..].starts_with('#') {
            return;
        }
        if indent == 0 && (line.starts_with('%') || is_marker(line)) {
            self.keys.clear();
            self.flow_key = None;
            return;
        }
        self.node(start, line, indent, 0, indent);
    }

    /// Reads from byte `i` of `line` (starting at `start` in the text), in
    /// flow collections `flow` deep; `parent` is the column a block value
    /// begun here must be indented past.
    fn node(&mut self, start: usize, line: &str, mut i: usize, mut flow: usize, mut parent: usize) {
        let b = line.as_bytes();
        let blank_at = |j: usize| j >= b.len() || b[j] == b' ' || b[j] == b'\t';
        let mut at_start = flow == 0;
        while i < b.len() {
            let c = b[i];
            if c == b' ' || c == b'\t' {
                i += 1;
                continue;
            }
            if c == b'#' && (i == 0 || matches!(b[i - 1], b' ' | b'\t')) {
                break;
            }
            if flow == 0 && at_start && c == b'-' && blank_at(i + 1) {
                // A sequence item: what its key was is closed.
                self.keys.retain(|(col, _)| *col < i);
                parent = i;
                i += 1;
                continue;
            }
            if flow == 0 && c == b'?' && blank_at(i + 1) {
                return; // complex keys: left alone
            }
            at_start = false;
            match c {
                b'&' | b'!' | b'*' => {
                    while i < b.len() && !matches!(b[i], b' ' | b'\t') && !(flow > 0 && b",[]{}".contains(&b[i])) {
                        i += 1;
                    }
                }
                b'|' | b'>' if flow == 0 => {
                    let scalar = self.push(Style::Block, 0..0);
                    self.out[scalar].lines.clear();
                    let indicator = &line[i + 1..];
                    let digit = indicator.bytes().take_while(|b| !b.is_ascii_whitespace()).find(u8::is_ascii_digit);
                    let indent = digit.map(|d| parent + usize::from(d - b'0'));
                    self.state = State::Block { parent, indent, scalar };
                    return;
                }
                b'"' | b'\'' => {
                    self.quoted(start, line, i + 1, c, None, flow);
                    return;
                }
                b'[' | b'{' => {
                    flow += 1;
                    self.flow_key = None;
                    i += 1;
                }
                b']' | b'}' => {
                    flow = flow.saturating_sub(1);
                    self.flow_key = None;
                    i += 1;
                }
                b',' if flow > 0 => {
                    self.flow_key = None;
                    i += 1;
                }
                b':' if blank_at(i + 1) || flow > 0 => {
                    // A value after an empty or implicit key.
                    i += 1;
                }
                _ => {
                    let end = plain_end(line, i, flow);
                    let text = line[i..end].trim_end();
                    if end < b.len() && b[end] == b':' {
                        self.key(text, i, flow);
                        parent = if flow == 0 { i } else { parent };
                        i = end + 1;
                        continue;
                    }
                    let scalar = self.push(Style::Plain, start + i..start + i + text.len());
                    if flow == 0 {
                        if end == b.len() {
                            self.state = State::Plain { parent, scalar };
                        }
                        return;
                    }
                    self.flow_key = None;
                    i = end;
                }
            }
        }
        if flow > 0 {
            self.state = State::Flow { depth: flow };
        }
    }

    fn key(&mut self, key: &str, column: usize, flow: usize) {
        if flow == 0 {
            self.keys.retain(|(col, _)| *col < column);
            self.keys.push((column, key.to_owned()));
        } else {
            self.flow_key = Some(key.to_owned());
        }
    }

    /// A quoted scalar from byte `from` (after its opening quote, or the
    /// start of a continued line), continuing `scalar` if given.
    fn quoted(&mut self, start: usize, line: &str, from: usize, quote: u8, scalar: Option<usize>, flow: usize) {
        let b = line.as_bytes();
        let mut i = from;
        let mut close = None;
        while i < b.len() {
            if quote == b'"' && b[i] == b'\\' {
                i += 2;
                continue;
            }
            if b[i] == quote {
                if quote == b'\'' && b.get(i + 1) == Some(&b'\'') {
                    i += 2;
                    continue;
                }
                close = Some(i);
                break;
            }
            i += 1;
        }
        let end = close.unwrap_or(b.len()).min(b.len());
        let style = if quote == b'"' { Style::Double } else { Style::Single };
        let range = start + from..start + end;
        let scalar = match scalar {
            Some(s) => {
                self.out[s].lines.push(range);
                s
            }
            None => self.push(style, range),
        };
        let Some(close) = close else {
            self.state = State::Quoted { quote, scalar, flow };
            return;
        };
        // A quoted key (`"a b": value`) is no value.
        let after = close + 1;
        let rest = &line[after..];
        let gap = rest.len() - rest.trim_start().len();
        let is_key = rest.trim_start().starts_with(':') && {
            let next = rest.as_bytes().get(gap + 1);
            next.is_none_or(|n| *n == b' ' || *n == b'\t' || (flow > 0 && b",[]{}".contains(n))) || flow > 0
        };
        if is_key && self.out[scalar].lines.len() == 1 {
            self.out.pop();
            let key = &line[from..close];
            let column = from.saturating_sub(1);
            self.key(key, column, flow);
            self.node(start, line, after + gap + 1, flow, column);
            return;
        }
        if flow > 0 {
            self.flow_key = None;
        }
        self.node(start, line, after, flow, indent_of(line));
        // (What follows a closed scalar on its line is a comment, a flow
        // indicator or nothing.)
    }
}

/// Where a plain scalar starting at `from` ends: at ` #`, at `: ` (or a
/// `:` at the end), and in flow collections at `,[]{}` or `:` before one.
fn plain_end(line: &str, from: usize, flow: usize) -> usize {
    let b = line.as_bytes();
    let mut i = from;
    while i < b.len() {
        let c = b[i];
        if c == b'#' && i > from && matches!(b[i - 1], b' ' | b'\t') {
            return i;
        }
        if c == b':' {
            let next = b.get(i + 1);
            if next.is_none_or(|n| *n == b' ' || *n == b'\t' || (flow > 0 && b",[]{}".contains(n))) {
                return i;
            }
        }
        if flow > 0 && b",[]{}".contains(&c) {
            return i;
        }
        i += 1;
    }
    b.len()
}

/// `---` or `...` alone (or before a space) at the start of a line.
fn is_marker(line: &str) -> bool {
    crate::base::yaml::starts_with_document_marker(line.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<(String, Style, Vec<&str>)> {
        scalars(text, 0..text.len())
            .into_iter()
            .map(|s| (s.path.join("."), s.style, s.lines.iter().map(|r| &text[r.clone()]).collect()))
            .collect()
    }

    #[test]
    fn finds_values_not_keys_comments_or_indicators() {
        let text = "\
# a comment, with: punctuation
title: 关于\"三农\"工作的报告  # 注释,不动
工作,情况: 值,一
metrics:
  - {id: wells, label: '水井,维修', unit: 眼}
  - id: roads
    label: \"道路\\\"硬化\\\"\"
progress:
  - title: 加强领导
    body: |
      第一段,文字。

      第二段。
    tags: [甲,乙, \"丙,丁\"]
  - title: &a !!str 锚点
    body: >-
      折叠
      文字
plain: 第一行
  第二行
";
        let v = values(text);
        let expect: Vec<(String, Style, Vec<&str>)> = vec![
            ("title".into(), Style::Plain, vec!["关于\"三农\"工作的报告"]),
            ("工作,情况".into(), Style::Plain, vec!["值,一"]),
            ("metrics.id".into(), Style::Plain, vec!["wells"]),
            ("metrics.label".into(), Style::Single, vec!["水井,维修"]),
            ("metrics.unit".into(), Style::Plain, vec!["眼"]),
            ("metrics.id".into(), Style::Plain, vec!["roads"]),
            ("metrics.label".into(), Style::Double, vec!["道路\\\"硬化\\\""]),
            ("progress.title".into(), Style::Plain, vec!["加强领导"]),
            ("progress.body".into(), Style::Block, vec!["第一段,文字。", "", "第二段。"]),
            ("progress.tags".into(), Style::Plain, vec!["甲"]),
            ("progress.tags".into(), Style::Plain, vec!["乙"]),
            ("progress.tags".into(), Style::Double, vec!["丙,丁"]),
            ("progress.title".into(), Style::Plain, vec!["锚点"]),
            ("progress.body".into(), Style::Block, vec!["折叠", "文字"]),
            ("plain".into(), Style::Plain, vec!["第一行", "第二行"]),
        ];
        assert_eq!(v, expect);
    }

    #[test]
    fn quoted_values_go_on_over_lines() {
        let text = "a: \"one,\n  two\" # c\nb: 'it''s\n  x'\nc: [x,\n  'y', z]\n";
        let v = values(text);
        assert_eq!(v[0].2, ["one,", "two"]);
        assert_eq!(v[1].2, ["it''s", "x"]);
        assert_eq!(v[2..].iter().map(|x| x.2[0]).collect::<Vec<_>>(), ["x", "y", "z"]);
        assert!(v[2..].iter().all(|x| x.0 == "c"));
    }

    #[test]
    fn quoted_keys_and_urls() {
        let v = values("\"键: 值\": 值\nurl: https://a.cn/x?y=1#z\n- - 深\n");
        assert_eq!(v[0].0, "键: 值");
        assert_eq!(v[0].2, ["值"]);
        assert_eq!(v[1].2, ["https://a.cn/x?y=1#z"]);
        assert_eq!(v[2].2, ["深"]);
    }
}
