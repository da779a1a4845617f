//! Markdown → Typst markup: the boundary between what a person wrote and
//! Typst code.
//!
//! The writer is shaped like pulldown-cmark's `html.rs`: a private struct over
//! the parser's events, an exhaustive `match` over every event and tag of
//! pulldown-cmark 0.13 (no wildcard arm, so a new tag is a compile error), and
//! thin public functions around it.
//!
//! Every piece of text goes through [`escape::markup`] or, as an argument,
//! through [`escape::string_literal`], so nothing in the Markdown can become
//! Typst code; only the writer's own constructs (`#strong[…]`, `#list(…)`,
//! …) are code. Raw HTML is not interpreted (see `html.rs`). The result is a
//! markup fragment for a style to include after its `#show` rules: no `#set`,
//! no page setup, and it ends with a newline.
//!
//! Nesting deeper than [`Options::max_depth`] is flattened: the text is kept,
//! the extra wrappers are dropped. Conversion is linear in the input and uses
//! no recursion that the input can deepen beyond that limit.

use crate::base::markdown::{fnv1a, is_safe_link, parser_options};
use crate::base::msg::Message;
use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use pulldown_cmark::{
    Alignment, BlockQuoteKind, CodeBlockKind, CowStr, Event, LinkType, MetadataBlockKind, Parser, Tag, TagEnd,
};

pub mod breaks;
pub mod escape;
mod html;
pub(crate) use html::{Piece as HtmlPiece, strip as strip_html};
#[cfg(test)]
mod tests;

/// Options for [`to_typst`].
#[derive(Debug, Clone)]
pub struct Options {
    /// How many wrappers (block quotes, lists, emphasis, links, tables,
    /// footnotes) may nest before further ones are dropped, keeping their
    /// text. Typst's parser (depth 256) and layout (depth 72, show rules 64)
    /// must accept the result inside a style's own nesting.
    pub max_depth: usize,
    /// Prefix of the labels given to footnotes that are referenced more than
    /// once (`<zj-fn-…>`). A hash of the Markdown follows it, so different
    /// texts get different labels; converting the same text twice into one
    /// document needs two prefixes. Only ASCII letters, digits, `-` and `_`
    /// are kept.
    pub label_prefix: String,
    /// Whether the document's last paragraph keeps to what follows the body
    /// (a signature, a date): wrapped in a sticky block, it is never left on
    /// the page before them alone. A body ending in a table or a list is
    /// left to break as it falls.
    pub keep_end_with_next: bool,
    /// How table text is set, for tables wider than the page: their
    /// columns are then given widths from their cells' contents
    /// ([`crate::write::columns`]), so that no figure runs into the next
    /// cell; none leaves every table's columns to Typst.
    pub tables: Option<TableText>,
}

/// How a document sets its tables' text: size, script and the width they
/// may take.
#[derive(Debug, Clone, Copy)]
pub struct TableText {
    /// The text size, in half-points.
    pub size: u32,
    /// Chinese text (full-width CJK, half-width figures).
    pub zh: bool,
    /// The text block's width, in twips.
    pub width: u32,
    /// A cell's left and right insets and a rule, in twips.
    pub margins: u64,
}

/// The default [`Options::max_depth`]: deep enough for any real document,
/// shallow enough that Typst's own limits are never reached. Measured with
/// typst 0.15: alone, block quotes fail beyond 16 levels (each costs four of
/// the 64 show-rule levels), lists beyond 31, emphasis beyond 64; 10 leaves a
/// style room for its own nesting.
pub const DEFAULT_MAX_DEPTH: usize = 10;

impl Default for Options {
    fn default() -> Self {
        Self { max_depth: DEFAULT_MAX_DEPTH, label_prefix: "zj-fn".to_owned(), keep_end_with_next: false, tables: None }
    }
}

/// A hook for fenced code blocks that stand for something else (```` ```chart ````).
pub trait Embeds {
    /// Called for every fenced code block with a language (the first word of
    /// its info string) and its content. `Some(Ok(code))` is inserted into
    /// the markup as is (it must be valid Typst markup, such as `#chart(…)`),
    /// `Some(Err(message))` fails the conversion with
    /// [`WriterError::Embed`], `None` makes it an ordinary code block.
    fn fenced(&self, lang: &str, content: &str) -> Option<Result<String, Message>>;
}

/// [`Embeds`] that embeds nothing: every code block is a code block.
#[derive(Debug, Clone, Copy, Default)]
#[cfg(test)]
pub struct NoEmbeds;

#[cfg(test)]
impl Embeds for NoEmbeds {
    fn fenced(&self, _lang: &str, _content: &str) -> Option<Result<String, Message>> {
        None
    }
}

/// The result of [`to_typst`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Converted {
    /// Typst markup, ending with a newline.
    pub markup: String,
    /// The destination of every image, in document order, as written but
    /// with `\` as `/` (Typst paths separate with `/` only and refuse a
    /// backslash; `img\chart.png` is a Windows path). Images with an empty
    /// destination are shown as their description and not listed. The markup
    /// loads them with `image("…")`, relative to the main file; the caller
    /// must make sure they exist.
    pub images: Vec<String>,
}

/// Why a conversion failed.
#[derive(Debug, thiserror::Error)]
pub enum WriterError {
    /// An [`Embeds`] hook rejected a fenced code block.
    #[error("line {line}: ```{lang} block: {msg}")]
    Embed {
        /// The block's language.
        lang: String,
        /// The 1-based line of the opening fence in the Markdown.
        line: usize,
        /// The hook's message.
        msg: Message,
        /// The block's content, to find it where the Markdown came from.
        content: String,
    },
}

/// Converts Markdown to a Typst markup fragment.
///
/// # Errors
///
/// Only when an [`Embeds`] hook rejects a code block; any Markdown converts.
pub fn to_typst(markdown: &str, options: &Options, embeds: &dyn Embeds) -> Result<Converted, WriterError> {
    convert(markdown, parser_options(), options, embeds)
}

/// [`to_typst`] with any parser options (tests use it to reach the events
/// that zongjie's options never produce).
fn convert(
    markdown: &str,
    parser_options: pulldown_cmark::Options,
    options: &Options,
    embeds: &dyn Embeds,
) -> Result<Converted, WriterError> {
    let doc = Doc::parse(markdown, parser_options);
    let mut writer = Writer::new(&doc, options, embeds, markdown);
    writer.run_document()?;
    Ok(writer.finish())
}

/// The index of the event that starts the last top-level block, if that is
/// a paragraph: a table or a list kept to what follows would be moved
/// whole to the next page, leaving the space before it empty.
fn last_paragraph(seq: &Seq<'_>) -> Option<usize> {
    last_top_level(seq).filter(|&at| matches!(seq.events[at].0, Event::Start(Tag::Paragraph)))
}

/// The index of the event that starts the last top-level block.
fn last_top_level(seq: &Seq<'_>) -> Option<usize> {
    let mut depth = 0usize;
    let mut last = None;
    for (index, (event, _)) in seq.events.iter().enumerate() {
        match event {
            Event::Start(_) => {
                if depth == 0 {
                    last = Some(index);
                }
                depth += 1;
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            _ if depth == 0 => last = Some(index),
            _ => {}
        }
    }
    last
}

/// A run of events with each event's byte offset in the Markdown.
#[derive(Default)]
struct Seq<'a> {
    events: Vec<(Event<'a>, usize)>,
    /// Indices of `Start(List)` events of loose lists.
    loose: HashSet<usize>,
    /// Indices of `Start(List)` events of bulleted lists whose every item is
    /// a task: their boxes stand in for the bullets.
    tasks: HashSet<usize>,
}

impl Seq<'_> {
    /// Finds the loose lists: those with a paragraph directly in an item (the
    /// items of tight lists hold their text without a paragraph).
    fn mark_loose_lists(&mut self) {
        #[derive(Clone, Copy, PartialEq)]
        enum Kind {
            List,
            Item,
            Other,
        }
        let mut open: Vec<(usize, Kind)> = Vec::new();
        // Per bulleted list: its items, and those that are tasks.
        let mut counts: HashMap<usize, (usize, usize)> = HashMap::new();
        for (index, (event, _)) in self.events.iter().enumerate() {
            match event {
                Event::Start(tag) => {
                    let kind = match tag {
                        Tag::List(_) => Kind::List,
                        Tag::Item => Kind::Item,
                        _ => Kind::Other,
                    };
                    if matches!(tag, Tag::List(None)) {
                        counts.insert(index, (0, 0));
                    }
                    if kind == Kind::Item
                        && let Some(&(list, Kind::List)) = open.last()
                        && let Some(count) = counts.get_mut(&list)
                    {
                        count.0 += 1;
                    }
                    if matches!(tag, Tag::Paragraph)
                        && let [.., (list, Kind::List), (_, Kind::Item)] = open[..]
                    {
                        self.loose.insert(list);
                    }
                    open.push((index, kind));
                }
                Event::End(_) => {
                    open.pop();
                }
                Event::TaskListMarker(_) => {
                    // The marker opens its item, or the item's first paragraph.
                    let item = open.iter().rposition(|(_, k)| *k == Kind::Item);
                    if let Some(at) = item.filter(|&at| at > 0)
                        && let (list, Kind::List) = open[at - 1]
                        && let Some(count) = counts.get_mut(&list)
                    {
                        count.1 += 1;
                    }
                }
                _ => {}
            }
        }
        self.tasks
            .extend(counts.into_iter().filter(|(_, (items, tasks))| *items > 0 && items == tasks).map(|(l, _)| l));
    }
}

/// A footnote definition.
struct Note<'a> {
    name: CowStr<'a>,
    body: Seq<'a>,
    /// How many references name it.
    refs: usize,
}

/// The parsed document: the main flow, and the footnote definitions taken
/// out of it (a definition may come after its references).
struct Doc<'a> {
    main: Seq<'a>,
    notes: Vec<Note<'a>>,
    /// Note index by [`note_key`]; the first definition of a name wins.
    by_key: HashMap<String, usize>,
    /// A hash of the Markdown, for footnote labels.
    hash: u32,
}

impl<'a> Doc<'a> {
    fn parse(markdown: &'a str, options: pulldown_cmark::Options) -> Self {
        let events = Parser::new_ext(markdown, options).into_offset_iter().map(|(event, range)| (event, range.start));
        Self::from_events(events, fnv1a(markdown.as_bytes()))
    }

    /// Builds the document from events and their byte offsets.
    fn from_events(events: impl Iterator<Item = (Event<'a>, usize)>, hash: u32) -> Self {
        let mut main = Seq::default();
        let mut notes: Vec<Note<'a>> = Vec::new();
        let mut open: Vec<usize> = Vec::new();
        for (event, offset) in events {
            match event {
                Event::Start(Tag::FootnoteDefinition(name)) => {
                    open.push(notes.len());
                    notes.push(Note { name, body: Seq::default(), refs: 0 });
                }
                Event::End(TagEnd::FootnoteDefinition) => {
                    open.pop();
                }
                event => {
                    let seq = match open.last() {
                        Some(&index) => &mut notes[index].body,
                        None => &mut main,
                    };
                    seq.events.push((event, offset));
                }
            }
        }
        let mut by_key = HashMap::new();
        for (index, note) in notes.iter().enumerate() {
            by_key.entry(note_key(&note.name)).or_insert(index);
        }
        let mut refs = vec![0; notes.len()];
        for seq in std::iter::once(&main).chain(notes.iter().map(|n| &n.body)) {
            for (event, _) in &seq.events {
                if let Event::FootnoteReference(name) = event
                    && let Some(&index) = by_key.get(&note_key(name))
                {
                    refs[index] += 1;
                }
            }
        }
        main.mark_loose_lists();
        for (note, refs) in notes.iter_mut().zip(refs) {
            note.refs = refs;
            note.body.mark_loose_lists();
        }
        Self { main, notes, by_key, hash }
    }
}

/// Footnote labels match case-insensitively with collapsed whitespace, as
/// pulldown-cmark's do (it folds case with `unicase`; upper- then lower-casing
/// comes close).
fn note_key(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ").to_uppercase().to_lowercase()
}

/// What has become of a footnote definition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NoteState {
    /// Not written yet.
    Pending,
    /// Written as `#footnote[…]`, with a label if referenced more than once.
    Footnote { labeled: bool },
    /// Written as text (at the end of the document).
    Text,
}

/// An open tag and what its end must write.
#[derive(Debug)]
enum Open {
    /// Nothing to close (headings, wrappers dropped by flattening).
    Plain,
    /// A paragraph, written from `start` in the output.
    Paragraph { start: usize },
    /// An inline wrapper such as `#strong[`: its end writes `]`.
    Wrapper,
    /// A block quote.
    Quote { emitted: bool },
    /// A list; items of an emitted list are content blocks, and items of
    /// a tight one hold their text without a paragraph.
    List { emitted: bool, tight: bool },
    /// A list item; an item of a tight list is written from `start`.
    Item { emitted: bool, tight_start: Option<usize> },
    /// A table.
    Table(Table),
    /// A table head or row, with the number of cells so far.
    Row { emitted: bool, cells: usize },
    /// A table cell.
    Cell { emitted: bool },
    /// A definition list.
    Terms(Terms),
    /// A definition list title or definition.
    TermPart { emitted: bool },
}

/// An open table.
#[derive(Debug)]
struct Table {
    emitted: bool,
    columns: usize,
    /// Where `#table(` starts, for a smaller text size set before it.
    start: usize,
    /// Where `columns:` gives the count, to be replaced by widths.
    count_at: std::ops::Range<usize>,
    /// Each row's cells' text (whether a header row), for their widths.
    rows: Vec<(bool, Vec<String>)>,
}

/// How a table wider than the text block is set: the `columns:` as
/// fractions from its cells' contents, each column at least as wide as its
/// longest figure (see [`crate::write::columns`]), none for a table that
/// fits, whose columns Typst sets as their contents ask; and, for a
/// table that does not fit at its size, the rules that set the smaller
/// size it steps down to, as the Word file does: English relative to the
/// table text's (`0.87em`), Chinese 四号 or 小四 on the grid.
fn table_layout(table: &Table, text: TableText) -> (Option<String>, Option<String>) {
    use crate::write::columns::{Need, fitting_size, widths};
    let needs_at = |size: u32| {
        let mut needs = vec![Need::default(); table.columns];
        for (head, row) in &table.rows {
            for (need, cell) in needs.iter_mut().zip(row) {
                *need = need.max(Need::of_cell(cell, &[], size, *head, text.zh, text.margins));
            }
        }
        needs
    };
    let size = fitting_size(text.size, text.width, text.zh, needs_at);
    let scale = (size != text.size).then(|| {
        if text.zh {
            // Smaller type, each row still a line of the 22-line grid.
            let (pt, pitch) = (f64::from(size) / 2.0, 225.0 / 22.0 * 72.0 / 25.4);
            let gap = pitch - pt;
            format!(
                "#set text(size: {pt}pt, tracking: 0pt)\n#set par(leading: {gap:.3}pt)\n#set table(inset: (x: 3pt, y: {:.3}pt))\n",
                gap / 2.0
            )
        } else {
            format!("#set text(size: {:.3}em)\n", f64::from(size) / f64::from(text.size))
        }
    });
    let needs = needs_at(size);
    let full: u64 = needs.iter().map(|n| n.full()).sum();
    if full <= u64::from(text.width) {
        return (None, scale);
    }
    let parts: Vec<String> = widths(&needs, text.width).iter().map(|w| format!("{w}fr")).collect();
    (Some(format!("({},)", parts.join(", "))), scale)
}

/// An open definition list (`#terms(…)`).
#[derive(Debug)]
struct Terms {
    emitted: bool,
    /// A `terms.item(` is open and its description has started.
    item_open: bool,
    /// Definitions so far in the open item.
    definitions: usize,
}

/// The writer: walks the events and appends markup to `out`.
struct Writer<'a, 'd> {
    doc: &'d Doc<'a>,
    options: &'d Options,
    embeds: &'d dyn Embeds,
    markdown: &'d str,
    out: String,
    images: Vec<String>,
    /// Open tags, innermost last.
    stack: Vec<Open>,
    /// Wrappers currently open (those that count against `max_depth`).
    depth: usize,
    /// Inside a heading: line breaks must not be newlines.
    in_heading: bool,
    /// The last character of user text written, for CJK soft breaks.
    last_char: Option<char>,
    /// The run of user text with no line break opportunity that the
    /// output ends with, across changes of style (see [`breaks`]).
    run: breaks::Run,
    /// The raw HTML of the HTML block being read.
    html_block: Option<String>,
    /// A paragraph ended: the next content starts after a blank line, unless
    /// a closing delimiter comes first.
    pending_blank: bool,
    notes: Vec<NoteState>,
    /// Footnote labels are `<{label_base}-{index}>`.
    label_base: String,
}

/// A paragraph with this many break opportunities in its long runs is
/// broken into lines first fit (see [`Writer::simple_breaks_if_many`]).
const MANY_BREAKS: usize = 500;

/// A URL longer than this is refused by Typst's `link`.
const MAX_URL_LEN: usize = 8000;

impl<'a, 'd> Writer<'a, 'd> {
    fn new(doc: &'d Doc<'a>, options: &'d Options, embeds: &'d dyn Embeds, markdown: &'d str) -> Self {
        let mut prefix: String =
            options.label_prefix.chars().filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_')).collect();
        if !prefix.starts_with(|c: char| c.is_ascii_alphabetic()) {
            prefix = "zj-fn".to_owned();
        }
        Self {
            doc,
            options,
            embeds,
            markdown,
            out: String::with_capacity(markdown.len() * 5 / 4 + 16),
            images: Vec::new(),
            stack: Vec::new(),
            depth: 0,
            in_heading: false,
            last_char: None,
            run: breaks::Run::default(),
            html_block: None,
            pending_blank: false,
            notes: vec![NoteState::Pending; doc.notes.len()],
            label_base: format!("{prefix}-{:08x}", doc.hash),
        }
    }

    fn finish(mut self) -> Converted {
        let trimmed = self.out.trim_end_matches([' ', '\n']).len();
        self.out.truncate(trimmed);
        if !self.out.is_empty() {
            self.out.push('\n');
        }
        Converted { markup: self.out, images: self.images }
    }

    /// Writes the main flow, then every footnote definition that never
    /// became a footnote (unreferenced, or referenced only too deep), as text.
    fn run_document(&mut self) -> Result<(), WriterError> {
        let doc = self.doc;
        let end = doc.main.events.len();
        match self.options.keep_end_with_next.then(|| last_paragraph(&doc.main)).flatten() {
            Some(last) => {
                self.run(&doc.main, 0, last)?;
                self.blank_line();
                self.write("#block(sticky: true)[\n\n");
                self.run(&doc.main, last, end)?;
                self.close_line("]\n");
            }
            None => self.run(&doc.main, 0, end)?,
        }
        for (index, note) in doc.notes.iter().enumerate() {
            if self.notes[index] != NoteState::Pending {
                continue;
            }
            self.notes[index] = NoteState::Text;
            self.blank_line();
            self.text(&format!("[^{}]:", note.name));
            self.run(&note.body, 0, note.body.events.len())?;
            self.blank_line();
        }
        Ok(())
    }

    // ----- output primitives -----

    /// Writes writer-made markup (never user text).
    fn write(&mut self, s: &str) {
        self.flush();
        self.out.push_str(s);
        self.run.end();
    }

    /// Writes the closing delimiter of a construct: a pending blank line is
    /// not needed before it.
    fn close(&mut self, s: &str) {
        self.pending_blank = false;
        self.out.push_str(s);
        self.run.end();
    }

    /// Writes a closing delimiter on a line of its own.
    fn close_line(&mut self, s: &str) {
        self.pending_blank = false;
        if !self.out.ends_with('\n') {
            self.out.push('\n');
        }
        self.out.push_str(s);
        self.run.end();
    }

    /// Writes user text, escaped, with break opportunities in its long runs.
    fn text(&mut self, s: &str) {
        if let Some(cell) = self.table_mut().and_then(|t| t.rows.last_mut()).and_then(|(_, cells)| cells.last_mut()) {
            cell.push_str(s);
        }
        self.flush();
        let text = self.run.insert(s);
        escape::markup(&text, &mut self.out);
        if let Some(c) = s.chars().rev().find_map(escape::normalize) {
            self.last_char = Some(c);
        }
    }

    /// Writes writer-made markup that changes the style inside a run of
    /// text (`#strong[`, `]`): the run goes on across it.
    fn write_in_run(&mut self, s: &str) {
        let run = self.run;
        self.write(s);
        self.run = run;
    }

    /// Writes a string literal.
    fn string(&mut self, s: &str) {
        self.flush();
        escape::push_string_literal(s, &mut self.out);
    }

    /// Writes the blank line a paragraph end asked for, unless nothing
    /// precedes it (at the start, or of a content block).
    fn flush(&mut self) {
        if std::mem::take(&mut self.pending_blank) && !self.at_block_start() {
            while !self.out.ends_with("\n\n") {
                self.out.push('\n');
            }
        }
    }

    /// Whether the output is empty or ends with a `[` that opens a content
    /// block (a `[` from the text is always escaped).
    fn at_block_start(&self) -> bool {
        self.out.is_empty() || (self.out.ends_with('[') && !self.out.ends_with("\\["))
    }

    /// Starts a new line unless at one or at the start of a content block.
    fn newline(&mut self) {
        self.flush();
        self.run.end();
        if !self.out.ends_with('\n') && !self.at_block_start() {
            self.out.push('\n');
        }
    }

    /// Ends a paragraph: what follows starts after a blank line.
    fn blank_line(&mut self) {
        self.pending_blank = true;
        self.run.end();
    }

    fn line_break(&mut self) {
        // `\` before whitespace is a line break; in a heading a newline would
        // end the heading.
        self.write(if self.in_heading { "\\ " } else { "\\\n" });
    }

    /// Lays the paragraph written from `start` out with first-fit line
    /// breaking when it holds [`MANY_BREAKS`] break opportunities or more:
    /// Typst's optimal line breaking slows down faster than the square of
    /// a paragraph's opportunities (800 long runs: 28 s against 2 s), while
    /// first fit stays linear and sets ordinary paragraphs as before.
    fn simple_breaks_if_many(&mut self, start: usize) {
        const WRITTEN_BREAK: &str = "\\u{200b}";
        if self.out[start..].matches(WRITTEN_BREAK).nth(MANY_BREAKS - 1).is_none() {
            return;
        }
        let trimmed = self.out.trim_end_matches([' ', '\n']).len();
        self.out.truncate(trimmed);
        self.out.insert_str(start, "#[#set par(linebreaks: \"simple\")\n");
        self.out.push_str("\n]");
        self.run.end();
    }

    fn has_room(&self) -> bool {
        self.depth < self.options.max_depth
    }

    /// Opens an inline wrapper (`#strong[`) if there is room.
    fn open_wrapper(&mut self, open: &str) {
        if self.has_room() {
            self.write_in_run(open);
            self.depth += 1;
            self.stack.push(Open::Wrapper);
        } else {
            self.stack.push(Open::Plain);
        }
    }

    fn label(&self, index: usize) -> String {
        format!("<{}-{}>", self.label_base, index + 1)
    }

    // ----- the event loop -----

    /// Writes the events `seq[start..end]`.
    fn run(&mut self, seq: &'d Seq<'a>, start: usize, end: usize) -> Result<(), WriterError> {
        let mut index = start;
        while index < end {
            let (event, offset) = &seq.events[index];
            index += 1;
            match event {
                Event::Start(tag) => {
                    index = self.start_tag(tag, seq, index, *offset)?;
                }
                Event::End(tag) => self.end_tag(*tag),
                Event::Text(text) => {
                    if let Some(html) = &mut self.html_block {
                        // Cannot happen: HTML blocks hold only `Html`.
                        html.push_str(text);
                    } else {
                        self.text(text);
                    }
                }
                Event::Code(code) => {
                    self.write_in_run("#raw(");
                    let code_text = self.run.insert(code);
                    let run = self.run;
                    self.string(&code_text);
                    self.write(")");
                    self.run = run;
                    self.last_char = code.chars().last().or(self.last_char);
                }
                Event::InlineMath(math) => self.text(&format!("${math}$")),
                Event::DisplayMath(math) => self.text(&format!("$${math}$$")),
                Event::Html(html) => match &mut self.html_block {
                    Some(block) => block.push_str(html),
                    None => self.inline_html(html),
                },
                Event::InlineHtml(html) => self.inline_html(html),
                Event::FootnoteReference(name) => self.footnote_reference(name)?,
                Event::SoftBreak => {
                    let next = next_char(&seq.events[index..end]);
                    if self.in_heading {
                        self.write(" ");
                    } else if let (Some(before), Some(after)) = (self.last_char, next)
                        && crate::base::text::joins(before, after)
                    {
                        // Nothing between two CJK characters.
                    } else {
                        self.write("\n");
                    }
                }
                Event::HardBreak => self.line_break(),
                Event::Rule => {
                    self.newline();
                    self.write("#line(length: 100%)");
                    self.blank_line();
                }
                Event::TaskListMarker(checked) => {
                    self.text(if *checked { "☒ " } else { "☐ " });
                }
            }
        }
        Ok(())
    }

    /// Handles a start tag at `seq[index - 1]`; returns the index of the next
    /// event to handle (tags that read their content skip it).
    fn start_tag(
        &mut self,
        tag: &'d Tag<'a>,
        seq: &'d Seq<'a>,
        index: usize,
        offset: usize,
    ) -> Result<usize, WriterError> {
        match tag {
            Tag::Paragraph => {
                self.newline();
                self.stack.push(Open::Paragraph { start: self.out.len() });
            }
            Tag::Heading { level, id: _, classes: _, attrs: _ } => {
                self.newline();
                self.write(&"=".repeat(*level as usize));
                self.write(" ");
                self.in_heading = true;
                self.stack.push(Open::Plain);
            }
            Tag::BlockQuote(kind) => self.start_quote(*kind),
            Tag::CodeBlock(kind) => return self.code_block_tag(kind, seq, index, offset),
            Tag::HtmlBlock => {
                self.html_block = Some(String::new());
                self.stack.push(Open::Plain);
            }
            Tag::List(first) => {
                self.start_list(*first, seq.loose.contains(&(index - 1)), seq.tasks.contains(&(index - 1)))
            }
            Tag::Item => {
                let (emitted, tight) = match self.stack.last() {
                    Some(Open::List { emitted, tight }) => (*emitted, *tight),
                    _ => (false, false),
                };
                if emitted {
                    self.write("[");
                } else {
                    // Flattened: each item is a paragraph of its own.
                    self.blank_line();
                }
                let tight_start = (emitted && tight).then_some(self.out.len());
                self.stack.push(Open::Item { emitted, tight_start });
            }
            Tag::FootnoteDefinition(name) => {
                // `Doc::parse` takes definitions out of the flow; should one
                // remain, show it as written.
                self.blank_line();
                self.text(&format!("[^{name}]:"));
                self.stack.push(Open::Plain);
            }
            Tag::DefinitionList => {
                let emitted = self.has_room();
                self.newline();
                if emitted {
                    self.write("#terms(\n");
                    self.depth += 1;
                }
                self.stack.push(Open::Terms(Terms { emitted, item_open: false, definitions: 0 }));
            }
            Tag::DefinitionListTitle => self.start_term(),
            Tag::DefinitionListDefinition => self.start_definition(),
            Tag::Table(alignments) => self.start_table(alignments),
            Tag::TableHead | Tag::TableRow => {
                let head = matches!(tag, Tag::TableHead);
                if let Some(table) = self.table_mut() {
                    table.rows.push((head, Vec::new()));
                }
                let emitted = self.table().is_some_and(|t| t.emitted);
                if emitted {
                    self.write(if matches!(tag, Tag::TableHead) { "  table.header(" } else { "  " });
                } else {
                    self.blank_line();
                }
                self.stack.push(Open::Row { emitted, cells: 0 });
            }
            Tag::TableCell => {
                if let Some((_, cells)) = self.table_mut().and_then(|t| t.rows.last_mut()) {
                    cells.push(String::new());
                }
                let mut emitted = false;
                if let Some(Open::Row { emitted: row, cells }) = self.stack.last_mut() {
                    emitted = *row;
                    let first = *cells == 0;
                    *cells += 1;
                    match (emitted, first) {
                        (true, false) => self.close(", "),
                        (false, false) => self.write(" "),
                        _ => {}
                    }
                }
                if emitted {
                    self.write("[");
                }
                self.stack.push(Open::Cell { emitted });
            }
            Tag::Emphasis => self.open_wrapper("#emph["),
            Tag::Strong => self.open_wrapper("#strong["),
            Tag::Strikethrough => self.open_wrapper("#strike["),
            Tag::Superscript => self.open_wrapper("#super["),
            Tag::Subscript => self.open_wrapper("#sub["),
            Tag::Link { link_type, dest_url, title: _, id: _ } => {
                let url = match link_type {
                    LinkType::Email => format!("mailto:{dest_url}"),
                    _ => dest_url.to_string(),
                };
                if dest_url.is_empty() || url.len() > MAX_URL_LEN || !is_safe_link(&url) || !self.has_room() {
                    // No link: just its text.
                    self.stack.push(Open::Plain);
                } else {
                    let mut open = String::from("#link(");
                    escape::push_string_literal(&url, &mut open);
                    open.push_str(")[");
                    self.open_wrapper(&open);
                }
            }
            Tag::Image { link_type: _, dest_url, title, id: _ } => {
                let (alt, next) = raw_text(&seq.events, index);
                self.image(dest_url, title, &alt);
                return Ok(next);
            }
            Tag::MetadataBlock(kind) => {
                let (content, next) = collect_text(&seq.events, index);
                let lang = match kind {
                    MetadataBlockKind::YamlStyle => "yaml",
                    MetadataBlockKind::PlusesStyle => "toml",
                };
                self.code_block(lang, &content);
                return Ok(next);
            }
        }
        Ok(index)
    }

    // ----- start tags with more to do -----

    fn start_quote(&mut self, kind: Option<BlockQuoteKind>) {
        let emitted = self.has_room();
        self.newline();
        if emitted {
            self.write("#quote(block: true)[\n");
            self.depth += 1;
        }
        if let Some(kind) = kind {
            // GitHub alerts are off in zongjie; show the marker as
            // written.
            let name = match kind {
                BlockQuoteKind::Note => "NOTE",
                BlockQuoteKind::Tip => "TIP",
                BlockQuoteKind::Important => "IMPORTANT",
                BlockQuoteKind::Warning => "WARNING",
                BlockQuoteKind::Caution => "CAUTION",
            };
            self.text(&format!("[!{name}]"));
            self.write("\n");
        }
        self.stack.push(Open::Quote { emitted });
    }

    /// A code block: read its text, then offer it to the embeds.
    fn code_block_tag(
        &mut self,
        kind: &CodeBlockKind<'a>,
        seq: &'d Seq<'a>,
        index: usize,
        offset: usize,
    ) -> Result<usize, WriterError> {
        let (content, next) = collect_text(&seq.events, index);
        let lang = match kind {
            CodeBlockKind::Fenced(info) => info.split_whitespace().next().unwrap_or(""),
            CodeBlockKind::Indented => "",
        };
        if !lang.is_empty() {
            match self.embeds.fenced(lang, &content) {
                Some(Ok(code)) => {
                    self.newline();
                    self.write(&code);
                    self.blank_line();
                    return Ok(next);
                }
                Some(Err(msg)) => {
                    return Err(WriterError::Embed {
                        lang: lang.to_owned(),
                        line: line_of(self.markdown, offset),
                        msg,
                        content,
                    });
                }
                None => {}
            }
        }
        self.code_block(lang, &content);
        Ok(next)
    }

    fn start_list(&mut self, first: Option<u64>, loose: bool, tasks: bool) {
        let emitted = self.has_room();
        let tight = !loose;
        self.newline();
        if emitted {
            match first {
                Some(first) => {
                    let _ = writeln!(self.out, "#enum(start: {first}, tight: {tight},");
                }
                // A list of tasks: each item's box is its marker.
                None if tasks => {
                    let _ = writeln!(self.out, "#list(tight: {tight}, marker: [], body-indent: 0pt,");
                }
                None => {
                    let _ = writeln!(self.out, "#list(tight: {tight},");
                }
            }
            self.depth += 1;
        }
        self.stack.push(Open::List { emitted, tight });
    }

    fn start_term(&mut self) {
        let mut emitted = false;
        let mut close_item = false;
        if let Some(Open::Terms(terms)) = self.stack.last_mut() {
            emitted = terms.emitted;
            close_item = terms.item_open;
            terms.item_open = false;
            terms.definitions = 0;
        }
        if emitted {
            if close_item {
                self.close("]),\n");
            }
            self.write("terms.item([");
        } else {
            self.blank_line();
        }
        self.stack.push(Open::TermPart { emitted });
    }

    fn start_definition(&mut self) {
        let mut emitted = false;
        let mut open_item = false;
        let mut separate = false;
        if let Some(Open::Terms(terms)) = self.stack.last_mut() {
            emitted = terms.emitted;
            open_item = !terms.item_open;
            separate = terms.definitions > 0;
            terms.item_open = true;
            terms.definitions += 1;
        }
        if emitted && open_item {
            // A definition without a title.
            self.write("terms.item([], [");
        } else if separate || !emitted {
            self.blank_line();
        }
        self.stack.push(Open::TermPart { emitted });
    }

    fn start_table(&mut self, alignments: &[Alignment]) {
        let emitted = self.has_room();
        let mut count_at = 0..0;
        self.newline();
        let start = self.out.len();
        if emitted {
            self.write("#table(\n");
            self.write("  columns: ");
            let start = self.out.len();
            let _ = write!(self.out, "{}", alignments.len().max(1));
            count_at = start..self.out.len();
            self.write(",\n");
            self.write("  align: (");
            for alignment in alignments {
                self.write(match alignment {
                    Alignment::None => "auto",
                    Alignment::Left => "left",
                    Alignment::Center => "center",
                    Alignment::Right => "right",
                });
                self.write(", ");
            }
            self.write("),\n");
            self.depth += 1;
        }
        self.stack.push(Open::Table(Table {
            emitted,
            columns: alignments.len().max(1),
            start,
            count_at,
            rows: Vec::new(),
        }));
    }

    fn end_tag(&mut self, tag: TagEnd) {
        let open = self.stack.pop().unwrap_or(Open::Plain);
        if let Open::Paragraph { start } = open {
            self.simple_breaks_if_many(start);
        }
        match tag {
            TagEnd::Paragraph | TagEnd::FootnoteDefinition => self.blank_line(),
            TagEnd::Heading(_) => {
                self.in_heading = false;
                self.blank_line();
            }
            TagEnd::BlockQuote(_) => {
                if matches!(open, Open::Quote { emitted: true }) {
                    self.close_line("]");
                    self.depth = self.depth.saturating_sub(1);
                }
                self.blank_line();
            }
            TagEnd::CodeBlock | TagEnd::Image | TagEnd::MetadataBlock(_) => {
                // Read with their start tag.
            }
            TagEnd::HtmlBlock => {
                if let Some(html) = self.html_block.take() {
                    let mut pieces = html::strip(&html);
                    // Drop the blank space that surrounds the tags.
                    if let Some(html::Piece::Text(first)) = pieces.first_mut() {
                        let blank = first.len() - first.trim_start().len();
                        first.drain(..blank);
                    }
                    if let Some(html::Piece::Text(last)) = pieces.last_mut() {
                        last.truncate(last.trim_end().len());
                    }
                    pieces.retain(|p| !matches!(p, html::Piece::Text(t) if t.is_empty()));
                    if !pieces.is_empty() {
                        self.newline();
                        self.html_pieces(pieces);
                        self.blank_line();
                    }
                }
            }
            TagEnd::List(_) => {
                if matches!(open, Open::List { emitted: true, .. }) {
                    self.close_line(")");
                    self.depth = self.depth.saturating_sub(1);
                }
                self.blank_line();
            }
            TagEnd::Item => {
                if let Open::Item { emitted: true, tight_start } = open {
                    if let Some(start) = tight_start {
                        // The item's text is a paragraph of the list's.
                        self.simple_breaks_if_many(start);
                    }
                    self.close("],\n");
                } else {
                    self.blank_line();
                }
            }
            TagEnd::DefinitionList => {
                if let Open::Terms(terms) = open
                    && terms.emitted
                {
                    if terms.item_open {
                        self.close("]),\n");
                    }
                    self.close_line(")");
                    self.depth = self.depth.saturating_sub(1);
                }
                self.blank_line();
            }
            TagEnd::DefinitionListTitle => {
                if matches!(open, Open::TermPart { emitted: true }) {
                    self.close("], [");
                    if let Some(Open::Terms(terms)) = self.stack.last_mut() {
                        terms.item_open = true;
                    }
                } else {
                    self.blank_line();
                }
            }
            TagEnd::DefinitionListDefinition => {
                if !matches!(open, Open::TermPart { emitted: true }) {
                    self.blank_line();
                }
            }
            TagEnd::Table => {
                if let Open::Table(table) = open
                    && table.emitted
                {
                    self.close_line(")");
                    self.depth = self.depth.saturating_sub(1);
                    if let Some(text) = self.options.tables {
                        let (widths, scale) = table_layout(&table, text);
                        if scale.is_some() {
                            self.close_line("]");
                        }
                        if let Some(widths) = widths {
                            self.out.replace_range(table.count_at.clone(), &widths);
                        }
                        if let Some(scale) = scale {
                            self.out.insert_str(table.start, &format!("#[{scale}"));
                        }
                    }
                }
                self.blank_line();
            }
            TagEnd::TableHead | TagEnd::TableRow => {
                if let Open::Row { emitted: true, cells } = open {
                    let columns = self.table().map_or(1, |t| t.columns);
                    // Pad short rows (and rows that spill into another line).
                    let missing = (columns - cells % columns) % columns;
                    for n in 0..missing {
                        self.close(if cells + n > 0 { ", []" } else { "[]" });
                    }
                    self.close(if tag == TagEnd::TableHead { "),\n" } else { ",\n" });
                } else {
                    self.blank_line();
                }
            }
            TagEnd::TableCell => {
                if matches!(open, Open::Cell { emitted: true }) {
                    self.close("]");
                }
            }
            TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link => {
                if matches!(open, Open::Wrapper) {
                    let run = self.run;
                    self.close("]");
                    self.run = run;
                    self.depth = self.depth.saturating_sub(1);
                }
            }
        }
    }

    /// The innermost open table, to note its cells' text in.
    fn table_mut(&mut self) -> Option<&mut Table> {
        self.stack.iter_mut().rev().find_map(|open| match open {
            Open::Table(table) => Some(table),
            _ => None,
        })
    }

    /// The innermost open table.
    fn table(&self) -> Option<&Table> {
        self.stack.iter().rev().find_map(|open| match open {
            Open::Table(table) => Some(table),
            _ => None,
        })
    }

    // ----- constructs -----

    fn code_block(&mut self, lang: &str, content: &str) {
        self.newline();
        self.write("#raw(block: true, ");
        if !lang.is_empty() {
            self.write("lang: ");
            self.string(lang);
            self.write(", ");
        }
        self.string(&breaks::breakable(content.strip_suffix('\n').unwrap_or(content)));
        self.write(")");
        self.blank_line();
    }

    fn image(&mut self, dest: &str, title: &str, alt: &str) {
        if dest.is_empty() {
            self.text(alt);
            return;
        }
        // Typst refuses a path with a backslash: write Windows paths its way.
        let dest = dest.replace('\\', "/");
        let figure = !title.is_empty();
        // In a table cell, under the style's limit of a row's height.
        let in_cell =
            self.options.tables.is_some() && self.stack.iter().any(|o| matches!(o, Open::Cell { emitted: true }));
        self.write(if in_cell { "#zj-cell-picture(" } else { "#" });
        self.write(if figure { "figure(image(" } else { "image(" });
        self.string(&dest);
        self.images.push(dest);
        if !alt.is_empty() {
            self.write(", alt: ");
            self.string(alt);
        }
        self.write(")");
        if figure {
            self.write(", caption: [");
            escape::markup(&breaks::breakable(title), &mut self.out);
            self.write("])");
        }
        if in_cell {
            self.write(")");
        }
    }

    fn inline_html(&mut self, html: &str) {
        self.html_pieces(html::strip(html));
    }

    fn html_pieces(&mut self, pieces: Vec<html::Piece>) {
        for piece in pieces {
            match piece {
                html::Piece::Text(text) => self.text(&text),
                html::Piece::Break => self.line_break(),
            }
        }
    }

    fn footnote_reference(&mut self, name: &str) -> Result<(), WriterError> {
        let doc = self.doc;
        let Some(&index) = doc.by_key.get(&note_key(name)) else {
            // Undefined (pulldown-cmark normally leaves these as text).
            self.text(&format!("[^{name}]"));
            return Ok(());
        };
        match self.notes[index] {
            NoteState::Footnote { labeled: true } => {
                let label = self.label(index);
                self.write("#footnote(");
                self.write(&label);
                self.write(")");
            }
            NoteState::Pending if self.has_room() => {
                let labeled = doc.notes[index].refs > 1;
                self.notes[index] = NoteState::Footnote { labeled };
                self.write(if labeled { "#[#footnote[" } else { "#footnote[" });
                self.depth += 1;
                let saved = (self.in_heading, self.last_char);
                self.in_heading = false;
                let body = &doc.notes[index].body;
                let events = &body.events;
                // A single paragraph is written without its paragraph break.
                let single_paragraph = matches!(events.first(), Some((Event::Start(Tag::Paragraph), _)))
                    && events.iter().position(|(e, _)| matches!(e, Event::End(TagEnd::Paragraph)))
                        == Some(events.len() - 1);
                if single_paragraph {
                    self.run(body, 1, events.len() - 1)?;
                } else {
                    self.run(body, 0, events.len())?;
                }
                (self.in_heading, self.last_char) = saved;
                self.depth -= 1;
                self.close("]");
                if labeled {
                    let label = self.label(index);
                    self.close(&label);
                    self.close("]");
                }
            }
            // Referenced again but not labeled, or too deep to nest another
            // footnote: the reference stays visible as written.
            NoteState::Pending | NoteState::Footnote { labeled: false } | NoteState::Text => {
                self.text(&format!("[^{name}]"));
            }
        }
        Ok(())
    }
}

/// The text of a code or metadata block: its `Text` events up to the end
/// tag; returns the text and the index after the end tag.
fn collect_text(events: &[(Event<'_>, usize)], start: usize) -> (String, usize) {
    let mut text = String::new();
    let mut index = start;
    while let Some((event, _)) = events.get(index) {
        index += 1;
        match event {
            Event::Text(t) => text.push_str(t),
            Event::End(_) => break,
            _ => {}
        }
    }
    (text, index)
}

/// The plain text of an image description (like `raw_text` in
/// pulldown-cmark's `html.rs`): reads up to the image's end tag and returns
/// the text and the index after it.
fn raw_text(events: &[(Event<'_>, usize)], start: usize) -> (String, usize) {
    let mut text = String::new();
    let mut nest = 0usize;
    let mut index = start;
    while let Some((event, _)) = events.get(index) {
        index += 1;
        match event {
            Event::Start(_) => nest += 1,
            Event::End(_) => {
                if nest == 0 {
                    break;
                }
                nest -= 1;
            }
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            Event::Html(h) | Event::InlineHtml(h) => text.push_str(&html::plain_text(h)),
            Event::InlineMath(t) => {
                let _ = write!(text, "${t}$");
            }
            Event::DisplayMath(t) => {
                let _ = write!(text, "$${t}$$");
            }
            Event::SoftBreak | Event::HardBreak | Event::Rule => text.push(' '),
            Event::FootnoteReference(name) => {
                let _ = write!(text, "[^{name}]");
            }
            Event::TaskListMarker(true) => text.push_str("[x]"),
            Event::TaskListMarker(false) => text.push_str("[ ]"),
        }
    }
    (text, index)
}

/// The first character of the text that follows a soft break, looking
/// through the starts and ends of inline wrappers (a bounded look-ahead).
fn next_char(events: &[(Event<'_>, usize)]) -> Option<char> {
    for (event, _) in events.iter().take(32) {
        match event {
            Event::Text(t) | Event::Code(t) => return t.chars().find_map(escape::normalize),
            Event::Start(Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Link { .. })
            | Event::End(TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link) => {}
            _ => return None,
        }
    }
    None
}

/// The 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset).unwrap_or(text).matches('\n').count() + 1
}
