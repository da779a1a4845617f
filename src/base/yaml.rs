//! A guard against deeply nested flow collections (`[[[[…`, `{a: {a: …`),
//! run on YAML text before serde_yaml sees it.
//!
//! serde_yaml refuses data nested deeper than 128 levels, but only after
//! libyaml has scanned the whole document, and libyaml's scanner spends time
//! proportional to the flow depth on every token (it walks its stack of
//! possible simple keys, one per open `[` or `{`). Nesting 20,000 levels
//! deep costs seconds, and a 16 MB file of `[` would take hours. This scan
//! follows libyaml's tokenizer (unsafe-libyaml 0.2, `scanner.rs`) closely
//! enough to count flow levels as libyaml does, in one linear pass, and
//! reports where they first exceed [`MAX_FLOW_DEPTH`].
//!
//! Where the scan and libyaml could disagree, the scan counts a `[` or `{`
//! rather than skipping it: it may overestimate the depth of malformed YAML,
//! never underestimate that of YAML libyaml reads. Since serde_yaml refuses
//! anything nested deeper than 128 levels anyway, refusing beyond
//! [`MAX_FLOW_DEPTH`] turns away no file that would otherwise load.

/// Flow nesting beyond this is refused before parsing; serde_yaml's own
/// recursion limit (128, counting block nesting too) is lower.
pub const MAX_FLOW_DEPTH: usize = 200;

/// The byte offset of the `[` or `{` at which flow collections first nest
/// deeper than [`MAX_FLOW_DEPTH`], if they do.
pub fn too_deep(yaml: &str) -> Option<usize> {
    Scan::new(yaml.as_bytes()).run()
}

/// Whether a line starting with `text` is a document marker: `---` or
/// `...` followed by a blank, a line break or the end, as libyaml reads one.
pub fn starts_with_document_marker(text: &[u8]) -> bool {
    (text.starts_with(b"---") || text.starts_with(b"...")) && Scan::new(text).blankz(3)
}

struct Scan<'a> {
    b: &'a [u8],
    i: usize,
    /// Byte offset where the current line starts.
    line_start: usize,
    /// Open flow collections.
    flow: usize,
    /// Columns of the open block collections (libyaml's indent stack).
    indents: Vec<usize>,
}

impl<'a> Scan<'a> {
    fn new(b: &'a [u8]) -> Self {
        Scan { b, i: 0, line_start: 0, flow: 0, indents: Vec::new() }
    }

    /// A document marker at the current position, at the start of a line.
    fn at_document_marker(&self) -> bool {
        self.column() == 0 && starts_with_document_marker(&self.b[self.i..])
    }

    fn at(&self, i: usize) -> u8 {
        self.b.get(i).copied().unwrap_or(0)
    }

    /// A line break at `i`: its length (LF, CR, CRLF, NEL, LS, PS), or 0.
    fn brk(&self, i: usize) -> usize {
        match (self.at(i), self.at(i + 1), self.at(i + 2)) {
            (b'\r', b'\n', _) => 2,
            (b'\r' | b'\n', _, _) => 1,
            (0xC2, 0x85, _) => 2,
            (0xE2, 0x80, 0xA8 | 0xA9) => 3,
            _ => 0,
        }
    }

    fn blank(&self, i: usize) -> bool {
        matches!(self.at(i), b' ' | b'\t')
    }

    /// Blank, line break or end of text.
    fn blankz(&self, i: usize) -> bool {
        self.blank(i) || self.brk(i) > 0 || i >= self.b.len()
    }

    fn flow_indicator(&self, i: usize) -> bool {
        matches!(self.at(i), b',' | b'[' | b']' | b'{' | b'}')
    }

    fn column(&self) -> usize {
        self.i - self.line_start
    }

    /// Consumes a line break at `i` if there is one.
    fn take_break(&mut self) -> bool {
        let n = self.brk(self.i);
        if n > 0 {
            self.i += n;
            self.line_start = self.i;
        }
        n > 0
    }

    fn skip_to_line_end(&mut self) {
        while self.i < self.b.len() && self.brk(self.i) == 0 {
            self.i += 1;
        }
    }

    /// The top of the indent stack, as libyaml's signed `indent` (-1: none).
    fn indent(&self) -> isize {
        self.indents.last().map_or(-1, |&c| c as isize)
    }

    /// A block collection may start at `column`.
    fn roll(&mut self, column: usize) {
        if self.flow == 0 && self.indent() < column as isize {
            self.indents.push(column);
        }
    }

    fn run(mut self) -> Option<usize> {
        while self.i < self.b.len() {
            // Blanks, comments and line breaks between tokens.
            if self.blank(self.i) {
                self.i += 1;
                continue;
            }
            if self.at(self.i) == b'#' {
                self.skip_to_line_end();
                continue;
            }
            if self.take_break() {
                continue;
            }
            let column = self.column();
            if self.flow == 0 {
                while self.indents.last().is_some_and(|&c| c > column) {
                    self.indents.pop();
                }
            }
            let c = self.at(self.i);
            let next_blankz = self.blankz(self.i + 1);
            if column == 0 && c == b'%' {
                self.skip_to_line_end();
            } else if self.at_document_marker() {
                self.indents.clear();
                self.i += 3;
            } else if c == b'[' || c == b'{' {
                self.flow += 1;
                if self.flow > MAX_FLOW_DEPTH {
                    return Some(self.i);
                }
                self.i += 1;
            } else if c == b']' || c == b'}' {
                self.flow = self.flow.saturating_sub(1);
                self.i += 1;
            } else if c == b',' {
                self.i += 1;
            } else if c == b'-' && next_blankz {
                self.roll(column);
                self.i += 1;
            } else if (c == b'?' || c == b':') && (self.flow > 0 || next_blankz) {
                if c == b'?' {
                    self.roll(column);
                }
                self.i += 1;
            } else if c == b'*' || c == b'&' {
                self.i += 1;
                while self.at(self.i).is_ascii_alphanumeric() || matches!(self.at(self.i), b'_' | b'-') {
                    self.i += 1;
                }
            } else if c == b'!' {
                // A tag: up to a blank. A `[` or `{` ends it here (so it is
                // counted); libyaml may read it as part of the tag.
                while !self.blankz(self.i) && !matches!(self.at(self.i), b'[' | b'{') {
                    self.i += 1;
                }
            } else if (c == b'|' || c == b'>') && self.flow == 0 {
                self.block_scalar();
            } else {
                let line = self.line_start;
                if c == b'\'' || c == b'"' {
                    self.quoted(c);
                } else {
                    self.plain();
                }
                if line == self.line_start {
                    self.simple_key(column);
                }
            }
        }
        None
    }

    /// After a scalar in block context: a `: ` on the same line makes it a
    /// key, which opens a block mapping at its column.
    fn simple_key(&mut self, column: usize) {
        let mut j = self.i;
        while self.blank(j) {
            j += 1;
        }
        if self.flow == 0 && self.at(j) == b':' && self.blankz(j + 1) {
            self.roll(column);
        }
    }

    /// A single- or double-quoted scalar, to its closing quote.
    fn quoted(&mut self, quote: u8) {
        self.i += 1;
        while self.i < self.b.len() {
            let c = self.at(self.i);
            if quote == b'"' && c == b'\\' {
                self.i += 2;
            } else if c == quote {
                if quote == b'\'' && self.at(self.i + 1) == b'\'' {
                    self.i += 2;
                } else {
                    self.i += 1;
                    return;
                }
            } else if !self.take_break() {
                self.i += 1;
            }
        }
    }

    /// A plain scalar, as libyaml's `yaml_parser_scan_plain_scalar` reads it.
    fn plain(&mut self) {
        let indent = self.indent() + 1;
        loop {
            if self.at_document_marker() || self.at(self.i) == b'#' {
                return;
            }
            while !self.blankz(self.i) {
                let c = self.at(self.i);
                if c == b':' && (self.blankz(self.i + 1) || (self.flow > 0 && self.flow_indicator(self.i + 1))) {
                    return;
                }
                if self.flow > 0 && self.flow_indicator(self.i) {
                    return;
                }
                self.i += 1;
            }
            if self.i >= self.b.len() {
                return;
            }
            // Blanks and line breaks inside the scalar.
            let mut crossed = false;
            while self.blank(self.i) || self.brk(self.i) > 0 {
                if !self.take_break() {
                    self.i += 1;
                } else {
                    crossed = true;
                }
            }
            if self.flow == 0 && crossed && (self.column() as isize) < indent {
                return;
            }
        }
    }

    /// A literal or folded block scalar: its header line and every line of
    /// its content (libyaml's `yaml_parser_scan_block_scalar`).
    fn block_scalar(&mut self) {
        self.i += 1;
        let mut increment = 0usize;
        for _ in 0..2 {
            match self.at(self.i) {
                b'+' | b'-' => self.i += 1,
                d @ b'1'..=b'9' => {
                    increment = usize::from(d - b'0');
                    self.i += 1;
                }
                _ => {}
            }
        }
        // The rest of the header line is blanks and a comment (or an error).
        self.skip_to_line_end();
        if !self.take_break() {
            return;
        }
        let parent = self.indent();
        let mut indent = if increment > 0 { (parent.max(0) as usize) + increment } else { 0 };
        if increment > 0 && parent < 0 {
            indent = increment;
        }
        // Leading blank lines, then (without an indicator) the indentation
        // of the first line with content.
        let mut max_indent = 0;
        loop {
            while self.at(self.i) == b' ' && (indent == 0 || self.column() < indent) {
                self.i += 1;
            }
            max_indent = max_indent.max(self.column());
            if !self.take_break() {
                break;
            }
        }
        if indent == 0 {
            indent = max_indent.max((parent + 1).max(1) as usize);
        }
        // Content lines: those indented at least `indent`, and blank lines.
        while self.i < self.b.len() && self.column() == indent {
            self.skip_to_line_end();
            if !self.take_break() {
                return;
            }
            loop {
                while self.at(self.i) == b' ' && self.column() < indent {
                    self.i += 1;
                }
                if !self.take_break() {
                    break;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn depth_ok(yaml: &str) -> bool {
        too_deep(yaml).is_none()
    }

    #[test]
    fn counts_flow_collections() {
        let deep = format!("a: {}{}\n", "[".repeat(201), "]".repeat(201));
        assert_eq!(too_deep(&deep), Some(3 + 200));
        let ok = format!("a: {}{}\n", "[".repeat(200), "]".repeat(200));
        assert!(depth_ok(&ok));
        let mixed = format!("a: {}\n", "{a: [".repeat(101));
        assert!(too_deep(&mixed).is_some());
        let lines = format!("a:\n{}", "  [\n".repeat(300));
        assert!(too_deep(&lines).is_some());
    }

    #[test]
    fn brackets_in_text_are_not_flow() {
        let many = "[".repeat(500);
        for yaml in [
            format!("title: a {many}\n"),
            format!("title: '{many}'\n"),
            format!("title: \"{many}\"\n"),
            format!("title: \"\\\"{many}\"\n"),
            format!("# {many}\ntitle: x\n"),
            format!("body: |\n  {many}\n  more {many}\nnext: x\n"),
            format!("body: >-\n\n    {many}\n\n    {many}\n"),
            format!("- item: |2\n    {many}\n"),
            format!("intro: a\n  {many} continued\n"),
            format!("intro: a\n\n  {many} continued\n"),
            format!("k: [\"{many}\", '{many}', a #{many}\n]\n"),
            format!("k: !tag{} x\n", "]".repeat(50)),
        ] {
            assert!(depth_ok(&yaml), "{yaml}");
        }
    }

    #[test]
    fn closers_in_text_do_not_hide_depth() {
        let open = "[".repeat(150);
        for hide in ["\"]]]]]]]]\"", "']]]]]]]]'", "a]", "&a", "!t]]]]]"] {
            let yaml = format!("k: {open} {hide}, {open}\n");
            assert!(too_deep(&yaml).is_some(), "{yaml}");
        }
        // A quote inside a plain scalar is text, in flow and block context.
        let yaml = format!("k: [a\n'b, {open}{open}\nc: x 'y\n");
        assert!(too_deep(&yaml).is_some(), "{yaml}");
        let yaml = format!("k: a 'b\nl: {open}{open}\nm: c'\n");
        assert!(too_deep(&yaml).is_some(), "{yaml}");
        // Less indented than the block scalar's content: YAML again.
        let yaml = format!("a: |\n    text\nb: {open}{open}\n");
        assert!(too_deep(&yaml).is_some(), "{yaml}");
    }

    #[test]
    fn every_example_passes() {
        for dir in ["examples", "data/bulletin-en", "data/bulletin-zh"] {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_some_and(|e| e == "yaml") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    assert!(depth_ok(&text), "{}", path.display());
                }
            }
        }
    }
}
