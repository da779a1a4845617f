//! Markdown → WordprocessingML: the body of the `.docx`, shaped like the
//! Typst writer: a private writer over pulldown-cmark's events with an
//! exhaustive `match` on every tag (no wildcard arm), every piece of text
//! escaped. Footnotes become Word footnotes, links only those the PDF keeps,
//! images from the data folder are embedded, a chart block becomes a table
//! of its figures.

use std::collections::HashMap;
use std::fmt::Write as _;

use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};

use super::image::Picture;
use super::xml::{ParaProps, RunProps, escape, paragraph, run};
use crate::base::markdown::{is_safe_link, parser_options};
use crate::base::text::joins;
use crate::data::chart::Chart;
use crate::write::columns;
use crate::write::typst::{HtmlPiece, strip_html};

/// What the body needs from the document around it.
pub struct Context<'a> {
    /// Whether the document is Chinese (GB/T 9704 layout).
    pub zh: bool,
    /// The width of the text block in twips (for images and tables).
    pub text_width: u32,
    /// The height of the text block in twips (for images).
    pub text_height: u32,
    /// Reads an image the body names (inside the data folder), or none.
    pub image: &'a dyn Fn(&str) -> Option<Vec<u8>>,
    /// The fonts of an SVG picture's text.
    pub svg_fonts: &'a super::svg::SvgFonts<'a>,
    /// Seconds since 1970 for the charts' workbooks' creation time.
    pub epoch: Option<i64>,
    /// The text that marks where the attachments' pages begin: their tables
    /// are set as the PDF sets them there (四号 in Chinese).
    pub pages_from: Option<&'a str>,
}

/// The converted body and the parts it refers to.
#[derive(Default)]
pub struct Converted {
    /// `<w:p>` and `<w:tbl>` elements.
    pub xml: String,
    /// `<w:footnote>` elements (ids from 1).
    pub footnotes: Vec<String>,
    /// External links: relationship id and target.
    pub links: Vec<(String, String)>,
    /// Embedded pictures: relationship id, part name, bytes.
    pub media: Vec<(String, String, Vec<u8>)>,
    /// Native charts: relationship id, part name, XML, and its workbook.
    pub charts: Vec<(String, String, String, Option<Vec<u8>>)>,
}

/// Converts a Markdown body.
pub fn convert(markdown: &str, ctx: &Context<'_>) -> Converted {
    let events: Vec<Event<'_>> = Parser::new_ext(markdown, parser_options()).collect();
    // Footnote definitions, taken out of the flow: they may come after the
    // references.
    let mut defs: HashMap<String, Vec<Event<'_>>> = HashMap::new();
    let mut flow = Vec::with_capacity(events.len());
    let mut iter = events.into_iter();
    while let Some(event) = iter.next() {
        if let Event::Start(Tag::FootnoteDefinition(label)) = &event {
            let label = label.to_lowercase();
            let mut depth = 1;
            let mut body = Vec::new();
            for e in iter.by_ref() {
                match &e {
                    Event::Start(Tag::FootnoteDefinition(_)) => depth += 1,
                    Event::End(TagEnd::FootnoteDefinition) => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                body.push(e);
            }
            defs.entry(label).or_insert(body);
        } else {
            flow.push(event);
        }
    }
    let mut w = Writer::new(ctx);
    w.events(flow, &defs, false);
    w.flush_paragraph();
    let mut out = w.out;
    out.xml = std::mem::take(&mut w.xml);
    out
}

/// One open container.
#[derive(Clone, Debug)]
enum Open {
    Quote,
    List { next: Option<u64> },
    Item { marker: Option<String> },
}

struct Writer<'c> {
    ctx: &'c Context<'c>,
    out: Converted,
    xml: String,
    /// The paragraph being written: its properties and runs.
    para: Option<(ParaProps, String)>,
    open: Vec<Open>,
    bold: usize,
    italic: usize,
    strike: usize,
    sup: usize,
    sub: usize,
    heading: Option<usize>,
    /// The relationship id of the link being written.
    link: Option<String>,
    /// Inside an image: its destination, its title and its alt text so far.
    image_alt: Option<(String, String, String)>,
    /// Pictures with a title so far: the PDF numbers them as figures.
    figures: usize,
    /// Inside a table: cells of the current row, and its rows.
    table: Option<Table>,
    last_char: Option<char>,
    pending_space: bool,
    in_code_block: Option<String>,
    code_lang: String,
    in_html_block: bool,
    /// Past the start of the attachments' pages.
    in_pages: bool,
    /// The properties of the last run written and where the runs ended
    /// then: text with the same properties right after it joins that run.
    last_run: Option<(RunProps, usize)>,
    /// Footnotes written, by label: their ids.
    cited: HashMap<String, usize>,
    /// Where the runs of the paragraph end right after a list marker (a
    /// task's box then takes the marker's place).
    after_marker: Option<usize>,
    /// Writing a footnote's text: its own paragraph style, no links or
    /// pictures (their relationships would belong to the footnotes part).
    note: bool,
}

#[derive(Default)]
struct Table {
    alignments: Vec<pulldown_cmark::Alignment>,
    rows: Vec<(bool, Vec<Cell>)>,
    in_head: bool,
    cell: Option<Cell>,
    row: Vec<Cell>,
    /// The pictures in its cells: their extent in EMU at most the text
    /// block's, scaled to their column's width once it is known.
    pictures: Vec<(u64, u64)>,
}

/// A table cell being written.
#[derive(Default)]
struct Cell {
    /// Its runs.
    xml: String,
    /// Its text as printed, lines split by `\n`, to measure.
    text: String,
    /// The widths of its pictures, twips.
    pictures: Vec<u64>,
}

/// Marks where a picture's extent goes in a cell's runs: the picture's
/// number in the table between two of these (a character escaped text
/// never holds).
const EXTENT: char = '\u{1}';

impl<'c> Writer<'c> {
    fn new(ctx: &'c Context<'c>) -> Self {
        Writer {
            ctx,
            out: Converted::default(),
            xml: String::new(),
            para: None,
            open: Vec::new(),
            bold: 0,
            italic: 0,
            strike: 0,
            sup: 0,
            sub: 0,
            heading: None,
            link: None,
            image_alt: None,
            figures: 0,
            table: None,
            last_char: None,
            pending_space: false,
            in_code_block: None,
            code_lang: String::new(),
            last_run: None,
            cited: HashMap::new(),
            after_marker: None,
            in_html_block: false,
            in_pages: false,
            note: false,
        }
    }

    fn events(&mut self, events: Vec<Event<'_>>, defs: &HashMap<String, Vec<Event<'_>>>, in_note: bool) {
        for event in events {
            match event {
                Event::Start(tag) => self.start(tag),
                Event::End(tag) => self.end(tag),
                Event::Text(text) => {
                    if let Some(code) = &mut self.in_code_block {
                        code.push_str(&text);
                    } else if self.in_html_block {
                        self.html(&text);
                    } else {
                        if self.ctx.pages_from.is_some_and(|m| text.contains(m)) {
                            self.in_pages = true;
                        }
                        self.text(&text);
                    }
                }
                Event::Code(text) => {
                    let props = RunProps { ascii: Some(MONO), east_asia: None, ..self.props() };
                    self.styled_text(&text, &props);
                }
                Event::InlineMath(text) | Event::DisplayMath(text) => self.text(&text),
                Event::Html(html) | Event::InlineHtml(html) => self.html(&html),
                Event::FootnoteReference(label) => {
                    let key = label.to_lowercase();
                    match (defs.get(&key).filter(|_| !in_note), self.cited.get(&key).copied()) {
                        // Cited again: its number, as the PDF marks it
                        // (Word has no second reference to one footnote).
                        (Some(_), Some(id)) => {
                            let _ = write!(
                                self.runs(),
                                "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:t>{id}</w:t></w:r>"
                            );
                        }
                        (Some(body), None) => {
                            let id = self.footnote(body.clone(), defs);
                            self.cited.insert(key, id);
                        }
                        (None, _) => self.text(&format!("[^{label}]")),
                    }
                }
                Event::SoftBreak => {
                    self.pending_space = true;
                }
                Event::HardBreak => {
                    self.pending_space = false;
                    self.line_break();
                }
                Event::Rule => {
                    self.flush_paragraph();
                    let props = ParaProps {
                        style: Some("ZjPlain"),
                        borders: vec![("bottom", 6, "000000")],
                        ..ParaProps::default()
                    };
                    paragraph(&mut self.xml, &props, "");
                }
                Event::TaskListMarker(checked) => {
                    let boxed = if checked { "☒" } else { "☐" };
                    // A tight item's text has no paragraph of its own yet.
                    if self.para.is_none() && matches!(self.open.last(), Some(Open::Item { .. })) {
                        self.begin_paragraph();
                    }
                    let at_marker =
                        self.after_marker.is_some() && self.para.as_ref().map(|(_, r)| r.len()) == self.after_marker;
                    if at_marker && let Some((_, runs)) = &mut self.para {
                        // The box is the item's marker.
                        runs.clear();
                        run(runs, &RunProps { hint_east_asia: self.ctx.zh, ..RunProps::default() }, boxed);
                        runs.push_str("<w:r><w:tab/></w:r>");
                    } else {
                        self.text(&format!("{boxed} "));
                    }
                }
            }
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Paragraph => self.begin_paragraph(),
            Tag::Heading { level, .. } => {
                let level = (level as usize).min(4);
                self.flush_paragraph();
                self.heading = Some(level);
                self.para = Some((
                    ParaProps { style: Some(HEADINGS[level - 1]), keep_next: true, ..ParaProps::default() },
                    String::new(),
                ));
            }
            Tag::BlockQuote(_) => {
                self.flush_paragraph();
                self.open.push(Open::Quote);
            }
            Tag::CodeBlock(kind) => {
                self.flush_paragraph();
                let lang = match &kind {
                    CodeBlockKind::Fenced(info) => info.split_whitespace().next().unwrap_or("").to_owned(),
                    CodeBlockKind::Indented => String::new(),
                };
                self.in_code_block = Some(String::new());
                self.code_lang = lang;
            }
            Tag::HtmlBlock => {
                self.begin_paragraph();
                self.in_html_block = true;
            }
            Tag::List(first) => {
                self.flush_paragraph();
                self.open.push(Open::List { next: first });
            }
            Tag::Item => {
                self.flush_paragraph();
                let depth = self.list_depth();
                let marker = match self.open.iter_mut().rev().find(|o| matches!(o, Open::List { .. })) {
                    Some(Open::List { next: Some(n) }) => {
                        let m = format!("{n}.");
                        *n += 1;
                        m
                    }
                    _ => BULLETS[(depth.saturating_sub(1)) % BULLETS.len()].to_owned(),
                };
                self.open.push(Open::Item { marker: Some(marker) });
            }
            Tag::FootnoteDefinition(_) => self.begin_paragraph(),
            Tag::DefinitionList | Tag::DefinitionListTitle | Tag::DefinitionListDefinition => self.begin_paragraph(),
            Tag::Table(alignments) => {
                self.flush_paragraph();
                self.table = Some(Table { alignments, ..Table::default() });
            }
            Tag::TableHead => {
                if let Some(t) = &mut self.table {
                    t.in_head = true;
                    t.row.clear();
                }
            }
            Tag::TableRow => {
                if let Some(t) = &mut self.table {
                    t.row.clear();
                }
            }
            Tag::TableCell => {
                if let Some(t) = &mut self.table {
                    t.cell = Some(Cell::default());
                }
            }
            Tag::Emphasis => self.italic += 1,
            Tag::Strong => self.bold += 1,
            Tag::Strikethrough => self.strike += 1,
            Tag::Superscript => self.sup += 1,
            Tag::Subscript => self.sub += 1,
            Tag::Link { dest_url, .. } => {
                // Only links out of the document: an anchor (#x) has no
                // bookmark to go to in Word.
                if !self.note
                    && is_safe_link(&dest_url)
                    && !dest_url.is_empty()
                    && !dest_url.starts_with('#')
                    && self.link.is_none()
                {
                    let id = format!("rIdL{}", self.out.links.len() + 1);
                    self.out.links.push((id.clone(), dest_url.to_string()));
                    let _ = write!(self.runs(), "<w:hyperlink r:id=\"{id}\">");
                    self.link = Some(id);
                }
            }
            Tag::Image { dest_url, title, .. } => {
                self.image_alt = Some((dest_url.to_string(), title.to_string(), String::new()));
            }
            Tag::MetadataBlock(_) => self.in_code_block = Some(String::new()),
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::FootnoteDefinition => self.flush_paragraph(),
            TagEnd::Heading(_) => {
                self.flush_paragraph();
                self.heading = None;
            }
            TagEnd::BlockQuote(_) => {
                self.flush_paragraph();
                self.open.pop();
            }
            TagEnd::CodeBlock => {
                let code = self.in_code_block.take().unwrap_or_default();
                let lang = std::mem::take(&mut self.code_lang);
                if lang == "chart"
                    && let Ok(chart) = Chart::parse(&code)
                {
                    self.chart(&chart);
                } else {
                    self.code_block(&code);
                }
            }
            TagEnd::HtmlBlock => {
                self.in_html_block = false;
                self.flush_paragraph();
            }
            TagEnd::List(_) => {
                self.flush_paragraph();
                self.open.pop();
            }
            TagEnd::Item => {
                self.flush_paragraph();
                self.open.pop();
            }
            TagEnd::DefinitionList | TagEnd::DefinitionListTitle | TagEnd::DefinitionListDefinition => {
                self.flush_paragraph();
            }
            TagEnd::Table => {
                if let Some(t) = self.table.take() {
                    self.write_table(&t);
                }
            }
            TagEnd::TableHead => {
                if let Some(t) = &mut self.table {
                    let row = std::mem::take(&mut t.row);
                    t.rows.push((true, row));
                    t.in_head = false;
                }
            }
            TagEnd::TableRow => {
                if let Some(t) = &mut self.table {
                    let row = std::mem::take(&mut t.row);
                    t.rows.push((false, row));
                }
            }
            TagEnd::TableCell => {
                if let Some(t) = &mut self.table {
                    let cell = t.cell.take().unwrap_or_default();
                    t.row.push(cell);
                }
            }
            TagEnd::Emphasis => self.italic = self.italic.saturating_sub(1),
            TagEnd::Strong => self.bold = self.bold.saturating_sub(1),
            TagEnd::Strikethrough => self.strike = self.strike.saturating_sub(1),
            TagEnd::Superscript => self.sup = self.sup.saturating_sub(1),
            TagEnd::Subscript => self.sub = self.sub.saturating_sub(1),
            TagEnd::Link => {
                if self.link.take().is_some() {
                    self.runs().push_str("</w:hyperlink>");
                }
            }
            TagEnd::Image => {
                if let Some((dest, title, alt)) = self.image_alt.take() {
                    self.picture(&dest, &title, &alt);
                }
            }
            TagEnd::MetadataBlock(_) => self.in_code_block = None,
        }
    }
}

/// The heading styles, levels 1 to 4 (5 and 6 are set as 4).
const HEADINGS: [&str; 4] = ["Heading1", "Heading2", "Heading3", "Heading4"];
/// List markers by depth, as the PDF has them.
const BULLETS: [&str; 3] = ["●", "○", "■"];
/// The font of code.
const MONO: &str = "Courier New";
/// The Chinese face of emphasis: 楷体.
pub(super) const KAI: &str = "楷体_GB2312";

impl Writer<'_> {
    /// The run properties the open inline tags give.
    fn props(&self) -> RunProps {
        let head = self.table.as_ref().is_some_and(|t| t.in_head);
        RunProps {
            bold: self.bold > 0 || head,
            italic: self.italic > 0 && !self.ctx.zh,
            east_asia: (self.italic > 0 && self.ctx.zh).then_some(KAI),
            strike: self.strike > 0,
            superscript: self.sup > 0,
            subscript: self.sub > 0 && self.sup == 0,
            style: self.link.as_ref().map(|_| "Hyperlink"),
            hint_east_asia: self.ctx.zh,
            ..RunProps::default()
        }
    }

    fn list_depth(&self) -> usize {
        self.open.iter().filter(|o| matches!(o, Open::List { .. })).count()
    }

    /// Where runs go now: the open table cell, or the paragraph (begun if
    /// none is open).
    fn runs(&mut self) -> &mut String {
        if self.table.as_ref().is_some_and(|t| t.cell.is_some()) {
            return self.table.as_mut().and_then(|t| t.cell.as_mut()).map(|c| &mut c.xml).expect("checked above");
        }
        if self.para.is_none() {
            self.begin_paragraph();
        }
        &mut self.para.as_mut().expect("begun above").1
    }

    fn begin_paragraph(&mut self) {
        if self.table.as_ref().is_some_and(|t| t.cell.is_some()) {
            return;
        }
        self.flush_paragraph();
        let depth = self.list_depth();
        let quote = self.open.iter().any(|o| matches!(o, Open::Quote));
        let mut props = ParaProps {
            style: if self.note {
                Some("FootnoteText")
            } else if depth > 0 {
                Some("ZjList")
            } else if quote {
                Some("ZjQuote")
            } else {
                None
            },
            ..ParaProps::default()
        };
        let mut runs = String::new();
        if depth > 0 && !self.note {
            let d = i32::try_from(depth).unwrap_or(1);
            if self.ctx.zh {
                props.indent_chars = Some((200 + 200 * d, 0, -200));
            } else {
                props.indent = Some((360 * d + 360 * i32::from(quote), 0, -360));
            }
            let marker = self.open.iter_mut().rev().find_map(|o| match o {
                Open::Item { marker } => Some(marker.take()),
                _ => None,
            });
            if let Some(Some(marker)) = marker {
                run(&mut runs, &RunProps { hint_east_asia: self.ctx.zh, ..RunProps::default() }, &marker);
                runs.push_str("<w:r><w:tab/></w:r>");
            }
        }
        self.after_marker = (!runs.is_empty()).then_some(runs.len());
        self.last_char = None;
        self.pending_space = false;
        self.para = Some((props, runs));
    }

    fn flush_paragraph(&mut self) {
        if let Some((props, runs)) = self.para.take() {
            if self.heading.is_some() || !runs.is_empty() {
                paragraph(&mut self.xml, &props, &runs);
            }
        }
    }

    fn text(&mut self, text: &str) {
        let props = self.props();
        self.styled_text(text, &props);
    }

    fn styled_text(&mut self, text: &str, props: &RunProps) {
        if let Some((_, _, alt)) = &mut self.image_alt {
            alt.push_str(text);
            return;
        }
        let mut piece = String::with_capacity(text.len() + 1);
        if self.pending_space {
            let joined = match (self.last_char, text.chars().next()) {
                (Some(a), Some(b)) => joins(a, b),
                _ => false,
            };
            if !joined && self.last_char.is_some() {
                piece.push(' ');
            }
            self.pending_space = false;
        }
        piece.push_str(text);
        if let Some(cell) = self.table.as_mut().and_then(|t| t.cell.as_mut()) {
            cell.text.push_str(&piece);
        }
        if let Some(c) = text.chars().next_back() {
            self.last_char = Some(c);
        }
        let last = self.last_run.take();
        let runs = self.runs();
        const END: &str = "</w:t></w:r>";
        match last {
            Some((p, len)) if p == *props && len == runs.len() && runs.ends_with(END) => {
                runs.truncate(runs.len() - END.len());
                super::xml::escape_into(runs, &piece);
                runs.push_str(END);
            }
            _ => run(runs, props, &piece),
        }
        let len = runs.len();
        self.last_run = Some((props.clone(), len));
    }

    /// A line break in the paragraph or the cell.
    fn line_break(&mut self) {
        self.runs().push_str("<w:r><w:br/></w:r>");
        if let Some(cell) = self.table.as_mut().and_then(|t| t.cell.as_mut()) {
            cell.text.push('\n');
        }
    }

    fn html(&mut self, html: &str) {
        for piece in strip_html(html) {
            match piece {
                HtmlPiece::Text(text) => self.text(&text),
                HtmlPiece::Break => self.line_break(),
            }
        }
    }

    fn footnote(&mut self, body: Vec<Event<'_>>, defs: &HashMap<String, Vec<Event<'_>>>) -> usize {
        let id = self.out.footnotes.len() + 1;
        let mut sub = Writer::new(self.ctx);
        sub.note = true;
        sub.events(body, defs, true);
        sub.flush_paragraph();
        let mut xml = std::mem::take(&mut sub.xml);
        let reference = "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space=\"preserve\"> </w:t></w:r>";
        match xml.find("</w:pPr>") {
            Some(at) => xml.insert_str(at + "</w:pPr>".len(), reference),
            None => {
                xml = format!("<w:p><w:pPr><w:pStyle w:val=\"FootnoteText\"/></w:pPr>{reference}</w:p>");
            }
        }
        self.out.footnotes.push(format!("<w:footnote w:id=\"{id}\">{xml}</w:footnote>"));
        let _ = write!(
            self.runs(),
            "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteReference w:id=\"{id}\"/></w:r>"
        );
        id
    }

    fn code_block(&mut self, code: &str) {
        let props = ParaProps { style: Some("ZjCode"), ..ParaProps::default() };
        let code = code.strip_suffix('\n').unwrap_or(code);
        for line in code.split('\n') {
            let mut runs = String::new();
            run(&mut runs, &RunProps::default(), line);
            paragraph(&mut self.xml, &props, &runs);
        }
    }

    /// A chart, as a native Word chart of its figures.
    fn chart(&mut self, chart: &Chart) {
        let n = self.out.charts.len() + 1;
        let id = format!("rIdC{n}");
        // Its figures in a workbook, for Word's "Edit Data"; literal data
        // in the chart if the workbook cannot be made (a label longer than
        // a cell holds).
        // (A chart on a scale per label draws shares, not the figures: no
        // workbook of them.)
        let workbook =
            if super::chart::by_row(chart) { None } else { super::chart::workbook(chart, self.ctx.epoch).ok() };
        let xml = super::chart::part(chart, self.ctx.zh, workbook.is_some());
        self.out.charts.push((id.clone(), format!("charts/chart{n}.xml"), xml, workbook));
        let cx = u64::from(self.ctx.text_width) * 635;
        let rows = u64::try_from(chart.labels.len() * if chart.kind == "column" { 1 } else { chart.series.len() })
            .unwrap_or(1);
        // A bar chart grows with its bars; a column chart is 7 cm high.
        let cm = 360_000u64;
        let cy = if chart.kind == "column" { 7 * cm } else { (2 * cm + rows * cm * 6 / 10).clamp(4 * cm, 20 * cm) };
        let mut drawing = String::new();
        let _ = write!(
            drawing,
            "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"{cx}\" cy=\"{cy}\"/><wp:docPr id=\"{}\" name=\"Chart {n}\"/><a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/chart\"><c:chart xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" r:id=\"{id}\"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>",
            1000 + n
        );
        self.flush_paragraph();
        paragraph(&mut self.xml, &ParaProps { style: Some("ZjFigure"), ..ParaProps::default() }, &drawing);
    }

    fn write_table(&mut self, table: &Table) {
        let cols = table.rows.iter().map(|(_, r)| r.len()).max().unwrap_or(0).max(table.alignments.len()).max(1);
        let zh = self.ctx.zh;
        let needs_at = |size: u32| {
            let mut needs = vec![columns::Need::default(); cols];
            for (head, row) in &table.rows {
                for (need, cell) in needs.iter_mut().zip(row) {
                    *need = need.max(columns::Need::of_cell(&cell.text, &cell.pictures, size, *head, zh, CELL_MARGINS));
                }
            }
            needs
        };
        let size = if self.in_pages { pages_table_size(zh) } else { table_size(zh) };
        // A table that does not fit steps down (English to 10, 9 or 8 pt,
        // Chinese to 四号 or 小四), each a style of its own, as the PDF does.
        let size = columns::fitting_size(size, self.ctx.text_width, zh, needs_at);
        let text_style = match size {
            28 if zh => "ZjPageTableText",
            24 if zh => "ZjTableText24",
            20 if !zh => "ZjTableText20",
            18 if !zh => "ZjTableText18",
            16 if !zh => "ZjTableText16",
            _ => "ZjTableText",
        };
        let widths = columns::widths(&needs_at(size), self.ctx.text_width);
        let out = &mut self.xml;
        let total: u32 = widths.iter().sum();
        let _ = write!(
            out,
            "<w:tbl><w:tblPr><w:tblStyle w:val=\"ZjTable\"/><w:tblW w:w=\"{total}\" w:type=\"dxa\"/><w:jc w:val=\"center\"/>"
        );
        out.push_str("<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>");
        for width in &widths {
            let _ = write!(out, "<w:gridCol w:w=\"{width}\"/>");
        }
        out.push_str("</w:tblGrid>");
        for (head, row) in &table.rows {
            // A row is never split over two pages; the header row repeats on each.
            out.push_str(if *head {
                "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
            } else {
                "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            });
            for c in 0..cols {
                let align = match table.alignments.get(c) {
                    Some(pulldown_cmark::Alignment::Center) => "center",
                    Some(pulldown_cmark::Alignment::Right) => "right",
                    _ if *head => "center",
                    _ => "left",
                };
                let _ = write!(out, "<w:tc><w:tcPr><w:tcW w:w=\"{}\" w:type=\"dxa\"/></w:tcPr>", widths[c]);
                let props = ParaProps { style: Some(text_style), align: Some(align), ..ParaProps::default() };
                let runs = row.get(c).map_or(String::new(), |cell| {
                    // Its pictures at most the cell's width inside its margins.
                    let inside = u64::from(widths[c]).saturating_sub(CELL_MARGINS) * 635;
                    fill_extents(&cell.xml, &table.pictures, inside)
                });
                paragraph(out, &props, &runs);
                out.push_str("</w:tc>");
            }
            out.push_str("</w:tr>");
        }
        out.push_str("</w:tbl>");
        // Word needs a paragraph between two tables, and after the last: a
        // 2 pt spacer, not a blank line.
        paragraph(out, &ParaProps { style: Some("ZjSpacer"), ..ParaProps::default() }, "");
    }

    fn picture(&mut self, dest: &str, title: &str, alt: &str) {
        let loaded = if self.note { None } else { (self.ctx.image)(dest) };
        let in_cell = self.table.as_ref().is_some_and(|t| t.cell.is_some());
        // At most the text block: its width, and its height but for the
        // spacing around the picture's paragraph; in a cell, but for the
        // cell's spacing and the header row above it too (a row is never
        // split). The cell's width comes later.
        let size = u64::from(table_size(self.ctx.zh));
        let room = if in_cell { 2 * (size * 13 + 80) } else { 240 };
        let max = (u64::from(self.ctx.text_width) * 635, u64::from(self.ctx.text_height).saturating_sub(room) * 635);
        let n = self.out.media.len() + 1;
        let id = format!("rIdI{n}");
        let picture = loaded.as_deref().and_then(Picture::read);
        let vector = match (&loaded, picture) {
            (Some(bytes), None) => super::svg::vector(bytes, max, self.ctx.svg_fonts),
            _ => None,
        };
        let (cx, cy, blip, file) = match (loaded, picture, vector) {
            (Some(bytes), Some(pic), _) => {
                let (cx, cy) = pic.extent_emu(max.0, max.1);
                self.out.media.push((id.clone(), format!("media/image{n}.{}", pic.ext), bytes));
                (cx, cy, format!("<a:blip r:embed=\"{id}\"/>"), format!("image{n}.{}", pic.ext))
            }
            // An SVG: its PNG for the programs that cannot draw it, the SVG
            // for Word 2016 and later (CT_Blip's extension list).
            (_, _, Some(v)) => {
                let svg_id = format!("rIdI{}", n + 1);
                self.out.media.push((id.clone(), format!("media/image{n}.png"), v.png));
                self.out.media.push((svg_id.clone(), format!("media/image{}.svg", n + 1), v.svg));
                let blip = format!(
                    "<a:blip r:embed=\"{id}\"><a:extLst><a:ext uri=\"{{96DAC541-7B7A-43D3-8B79-37D633B846F1}}\"><asvg:svgBlip xmlns:asvg=\"http://schemas.microsoft.com/office/drawing/2016/SVG/main\" r:embed=\"{svg_id}\"/></a:ext></a:extLst></a:blip>"
                );
                (v.extent.0, v.extent.1, blip, format!("image{}.svg", n + 1))
            }
            _ => {
                // Not embedded (a file Word cannot show): its text.
                let text = if alt.is_empty() { format!("[{dest}]") } else { format!("[{alt}]") };
                self.text(&text);
                return;
            }
        };
        // In a cell, a mark where the extent goes, once the column's width
        // is known.
        let extent = match self.table.as_mut().filter(|_| in_cell) {
            Some(table) => {
                let k = table.pictures.len();
                table.pictures.push((cx, cy));
                if let Some(cell) = &mut table.cell {
                    cell.pictures.push(cx / 635);
                }
                format!("{EXTENT}{k}{EXTENT}")
            }
            None => format!("cx=\"{cx}\" cy=\"{cy}\""),
        };
        let mut drawing = String::new();
        let _ = write!(
            drawing,
            "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent {extent}/><wp:docPr id=\"{n}\" name=\"Picture {n}\" descr=\"{alt}\"/><a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:nvPicPr><pic:cNvPr id=\"{n}\" name=\"{file}\"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill>{blip}<a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext {extent}/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>",
            alt = escape(alt),
        );
        // In a table cell (single-spaced) it stays in the cell; elsewhere a
        // picture stands in a paragraph of its own, single-spaced (exact
        // line spacing would clip it).
        // A title is a caption under the picture, numbered as the PDF
        // numbers its figures.
        let caption = (!title.is_empty()).then(|| {
            self.figures += 1;
            let mut runs = String::new();
            run(
                &mut runs,
                &RunProps { hint_east_asia: self.ctx.zh, ..RunProps::default() },
                &caption(self.ctx.zh, self.figures, title),
            );
            runs
        });
        if in_cell {
            let runs = self.runs();
            runs.push_str(&drawing);
            if let Some(caption) = caption {
                runs.push_str("<w:r><w:br/></w:r>");
                runs.push_str(&caption);
            }
            return;
        }
        self.flush_paragraph();
        let figure = ParaProps { style: Some("ZjFigure"), keep_next: caption.is_some(), ..ParaProps::default() };
        paragraph(&mut self.xml, &figure, &drawing);
        if let Some(caption) = caption {
            paragraph(&mut self.xml, &ParaProps { style: Some("ZjCaption"), ..ParaProps::default() }, &caption);
        }
    }
}

/// A figure's caption as Typst words it: "图 1 标题" (an em space after
/// the number), "Figure 1: Title"; a no-break space before the number.
fn caption(zh: bool, number: usize, title: &str) -> String {
    if zh { format!("图\u{a0}{number}\u{2003}{title}") } else { format!("Figure\u{a0}{number}: {title}") }
}

/// A cell's runs with its pictures' extents in place of their marks, each
/// picture at most `width` EMU wide, its height scaled with it.
fn fill_extents(xml: &str, pictures: &[(u64, u64)], width: u64) -> String {
    let mut out = String::with_capacity(xml.len());
    let mut pieces = xml.split(EXTENT);
    out.push_str(pieces.next().unwrap_or(""));
    // The marks come in pairs: a picture's number, then the text after it.
    while let (Some(number), Some(after)) = (pieces.next(), pieces.next()) {
        if let Some(&(cx, cy)) = number.parse::<usize>().ok().and_then(|k| pictures.get(k)) {
            let (cx, cy) = if cx <= width || width == 0 { (cx, cy) } else { (width, (cy * width / cx).max(1)) };
            let _ = write!(out, "cx=\"{cx}\" cy=\"{cy}\"");
        }
        out.push_str(after);
    }
    out
}

/// The size of table text, in half-points: 三号 (16 pt) in Chinese, 11 pt
/// in English (the ZjTableText style's).
pub(super) fn table_size(zh: bool) -> u32 {
    if zh { 32 } else { 22 }
}

/// The size of table text on an attachment's page, in half-points: 四号
/// (14 pt) in Chinese, as the PDF sets it (the ZjPageTableText style's).
pub(super) fn pages_table_size(zh: bool) -> u32 {
    if zh { 28 } else { table_size(zh) }
}

/// The left and right margins of a table cell (ZjTable: 80 twips each) and
/// the border between cells.
const CELL_MARGINS: u64 = 2 * 80 + 20;

#[cfg(test)]
mod tests {
    use super::*;

    fn body(markdown: &str) -> Converted {
        let none = |_: &str| None;
        let database = || std::sync::Arc::new(resvg::usvg::fontdb::Database::new());
        let svg_fonts = super::super::svg::SvgFonts { database: &database, families: &[] };
        convert(
            markdown,
            &Context {
                zh: true,
                text_width: 8844,
                text_height: 12756,
                image: &none,
                svg_fonts: &svg_fonts,
                epoch: Some(0),
                pages_from: None,
            },
        )
    }

    /// Tables past the start of the attachments' pages are set in 四号, as
    /// the PDF sets them there; the body's in 三号.
    #[test]
    fn an_attachment_page_sets_its_tables_smaller() {
        let none = |_: &str| None;
        let database = || std::sync::Arc::new(resvg::usvg::fontdb::Database::new());
        let svg_fonts = super::super::svg::SvgFonts { database: &database, families: &[] };
        let table = "| 乡镇 | 户数 |\n|---|---:|\n| 城关镇 | 620 |\n";
        let markdown = format!("{table}\nZJPAGEMARK0X0Z\n\n{table}");
        let ctx = Context {
            zh: true,
            text_width: 8844,
            text_height: 12756,
            image: &none,
            svg_fonts: &svg_fonts,
            epoch: None,
            pages_from: Some("ZJPAGEMARK0X"),
        };
        let xml = convert(&markdown, &ctx).xml;
        let (body, page) = xml.split_once("ZJPAGEMARK0X").unwrap();
        assert!(body.contains("ZjTableText") && !body.contains("ZjPageTableText"), "{body}");
        assert!(page.contains("ZjPageTableText"), "{page}");
    }

    /// An English table whose words do not fit whole at 11 pt steps down
    /// to a smaller table text style; a Chinese one to 四号 or 小四.
    #[test]
    fn a_wide_english_table_steps_its_text_down() {
        let none = |_: &str| None;
        let database = || std::sync::Arc::new(resvg::usvg::fontdb::Database::new());
        let svg_fonts = super::super::svg::SvgFonts { database: &database, families: &[] };
        let header = "| Township | Households | Population | Cooperatives | Investment | Completion | Employment | Enterprises | Villages | Difference |";
        let table = format!(
            "{header}\n{}|\n| Qingshuihe | 1,234 | 56,789 | 23 | 4.56 | 98.7% | 3,210 | 45 | 12 | +3.4% |\n",
            "|---".repeat(10)
        );
        let ctx = |zh| Context {
            zh,
            text_width: 9072,
            text_height: 12756,
            image: &none,
            svg_fonts: &svg_fonts,
            epoch: None,
            pages_from: None,
        };
        let en = convert(&table, &ctx(false)).xml;
        assert!(["ZjTableText20", "ZjTableText18", "ZjTableText16"].iter().any(|s| en.contains(s)), "{en}");
        let five = convert("| Township | Households |\n|---|---|\n| a | 1 |\n", &ctx(false)).xml;
        assert!(
            five.contains("\"ZjTableText\"") && !five.contains("ZjTableText1") && !five.contains("ZjTableText2"),
            "{five}"
        );
        // Chinese: 四号, then 小四, when the short cells do not fit whole.
        let zh = convert(&table, &ctx(true)).xml;
        assert!(zh.contains("ZjTableText24") || zh.contains("ZjPageTableText"), "{zh}");
        let small = convert("| 乡镇 | 户数 |\n|---|---:|\n| 城关镇 | 620 |\n", &ctx(true)).xml;
        assert!(small.contains("\"ZjTableText\""), "{small}");
    }

    #[test]
    fn table_columns_fit_their_figures_and_rows_never_split() {
        // Short headers over long figures: the figures decide.
        let c = body(
            "| 乡镇 | 任务（户） | 完成（户） | 完成率 | 资金（万元） | 验收合格率 | 负责人 | 备注说明 |\n\
             |---|---:|---:|---:|---:|---:|---|---|\n\
             | 城关镇 | 620 | 598 | 96.5% | 1,234.56 | 99.1% | 张三 | 全面完成，含户 |\n\
             | 南河乡 | 350 | 350 | 100.0% | 560.10 | 100.0% | 王五 | 进度滞后，已约谈“一把手” |\n",
        );
        assert_eq!(c.xml.matches("<w:cantSplit/>").count(), 3, "{}", c.xml);
        let grid: Vec<u32> =
            c.xml.split("<w:gridCol w:w=\"").skip(1).filter_map(|g| g.split('"').next()?.parse().ok()).collect();
        assert_eq!(grid.iter().sum::<u32>(), 8844, "{grid:?}");
        // 100.0% at 16 pt (3.9 em) and the cell margins.
        let percent = (4 * 500 + 278 + 833) * 32 / 100 + CELL_MARGINS as u32;
        assert!(grid[3] >= percent && grid[5] >= percent, "{grid:?}");
        assert!(grid[4] >= (6 * 500 + 2 * 278) * 32 / 100 + CELL_MARGINS as u32, "{grid:?}");
        // 南河乡 whole.
        assert!(grid[0] >= 3 * 320 + CELL_MARGINS as u32, "{grid:?}");
    }

    #[test]
    fn titled_pictures_have_numbered_captions_as_in_the_pdf() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        png.extend(120u32.to_be_bytes());
        png.extend(60u32.to_be_bytes());
        let image = |_: &str| Some(png.clone());
        let database = || std::sync::Arc::new(resvg::usvg::fontdb::Database::new());
        let svg_fonts = super::super::svg::SvgFonts { database: &database, families: &[] };
        let convert = |zh: bool, markdown: &str| {
            let ctx = Context {
                zh,
                text_width: 8844,
                text_height: 12756,
                image: &image,
                svg_fonts: &svg_fonts,
                epoch: None,
                pages_from: None,
            };
            convert(markdown, &ctx).xml
        };
        let xml = convert(true, "![a](a.png \"带标题\")\n\n![b](b.png)\n\n![c](c.png \"第二幅\")\n");
        let captions: Vec<&str> = xml
            .split("<w:pStyle w:val=\"ZjCaption\"/>")
            .skip(1)
            .filter_map(|p| p.split("</w:t>").next()?.rsplit('>').next())
            .collect();
        assert_eq!(captions, ["图\u{a0}1\u{2003}带标题", "图\u{a0}2\u{2003}第二幅"], "{xml}");
        // The picture keeps to its caption.
        assert!(xml.contains("<w:pStyle w:val=\"ZjFigure\"/><w:keepNext/>"), "{xml}");
        let xml = convert(false, "| x |\n|---|\n| ![a](a.png \"Title\") |\n");
        assert!(xml.contains("<w:br/></w:r><w:r><w:t xml:space=\"preserve\">Figure\u{a0}1: Title</w:t>"), "{xml}");
    }

    #[test]
    fn markup_in_text_stays_text() {
        let c = body("<w:p> & ]]> *a* **b** `c`");
        assert!(c.xml.contains("&lt;w:p&gt; &amp; ]]&gt; </w:t>"), "{}", c.xml);
        assert!(!c.xml.contains("<w:p> &"));
    }

    #[test]
    fn a_note_cited_twice_is_one_footnote() {
        let c = body("甲[^a]，乙[^a]。\n\n[^a]: 注。\n");
        assert_eq!(c.footnotes.len(), 1);
        assert!(c.xml.contains("<w:t>1</w:t>"), "{}", c.xml);
    }

    #[test]
    fn tasks_show_their_box_as_marker_and_anchors_are_text() {
        let c = body("- [x] 完成\n- [ ] 未完成\n\n[top](#top)");
        assert!(c.xml.contains(">☒</w:t></w:r><w:r><w:tab/>") && !c.xml.contains("●"), "{}", c.xml);
        assert!(c.links.is_empty());
    }

    #[test]
    fn footnotes_are_word_footnotes() {
        let c = body("A[^1] and B[^x].\n\n[^1]: First.\n[^x]: Second.\n");
        assert_eq!(c.footnotes.len(), 2);
        assert!(c.xml.contains("<w:footnoteReference w:id=\"1\"/>") && c.xml.contains("w:id=\"2\""));
        assert!(c.footnotes[0].contains("First.") && c.footnotes[0].contains("<w:footnoteRef/>"));
        assert!(!c.xml.contains("First."));
    }

    #[test]
    fn only_safe_links_are_links() {
        let c = body("[a](https://example.org) [b](javascript:alert(1))");
        assert_eq!(c.links, [("rIdL1".to_owned(), "https://example.org".to_owned())]);
        assert!(c.xml.contains(" b</w:t>") && !c.xml.contains("javascript"), "{}", c.xml);
    }

    #[test]
    fn headings_lists_tables_and_charts() {
        let c = body(
            "# 一、总体\n\n- 甲\n- 乙\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n\n```chart\nlabels: [x]\nseries: [{name: s, values: [3.5]}]\n```\n",
        );
        assert!(c.xml.contains("<w:pStyle w:val=\"Heading1\"/>"));
        assert!(c.xml.contains("●") && c.xml.contains("ZjList"));
        assert_eq!(c.xml.matches("<w:tbl>").count(), 1);
        assert_eq!(c.charts.len(), 1);
        assert!(c.charts[0].2.contains("<c:v>3.5</c:v>") && c.xml.contains("r:id=\"rIdC1\""));
        assert!(c.charts[0].2.contains("<c:f>Sheet1!$B$2:$B$2</c:f>") && c.charts[0].3.is_some());
    }

    #[test]
    fn chinese_soft_breaks_vanish() {
        let c = body("第一行\n第二行 and\nmore");
        assert!(c.xml.contains(">第一行第二行 and more</w:t>"), "{}", c.xml);
    }
}
