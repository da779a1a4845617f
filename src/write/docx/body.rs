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
use crate::write::typst::{HtmlPiece, strip_html};

/// What the body needs from the document around it.
pub struct Context<'a> {
    /// Whether the document is Chinese (GB/T 9704 layout).
    pub zh: bool,
    /// The width of the text block in twips (for images and tables).
    pub text_width: u32,
    /// Reads an image the body names (inside the data folder), or none.
    pub image: &'a dyn Fn(&str) -> Option<Vec<u8>>,
    /// The fonts of an SVG picture's text.
    pub svg_fonts: &'a super::svg::SvgFonts<'a>,
    /// Seconds since 1970 for the charts' workbooks' creation time.
    pub epoch: Option<i64>,
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
    /// Inside an image: its alt text so far.
    image_alt: Option<(String, String)>,
    /// Inside a table: cells of the current row, and its rows.
    table: Option<Table>,
    last_char: Option<char>,
    pending_space: bool,
    in_code_block: Option<String>,
    code_lang: String,
    in_html_block: bool,
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
    rows: Vec<(bool, Vec<String>)>,
    in_head: bool,
    cell: Option<String>,
    row: Vec<String>,
}

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
            table: None,
            last_char: None,
            pending_space: false,
            in_code_block: None,
            code_lang: String::new(),
            last_run: None,
            cited: HashMap::new(),
            after_marker: None,
            in_html_block: false,
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
                    self.runs().push_str("<w:r><w:br/></w:r>");
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
                    t.cell = Some(String::new());
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
            Tag::Image { dest_url, .. } => self.image_alt = Some((dest_url.to_string(), String::new())),
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
                if let Some((dest, alt)) = self.image_alt.take() {
                    self.picture(&dest, &alt);
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
            return self.table.as_mut().and_then(|t| t.cell.as_mut()).expect("checked above");
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
        if let Some((_, alt)) = &mut self.image_alt {
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

    fn html(&mut self, html: &str) {
        for piece in strip_html(html) {
            match piece {
                HtmlPiece::Text(text) => self.text(&text),
                HtmlPiece::Break => self.runs().push_str("<w:r><w:br/></w:r>"),
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
        let workbook = super::chart::workbook(chart, self.ctx.epoch).ok();
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
        let widths = column_widths(table, cols, self.ctx.text_width, self.ctx.zh);
        let out = &mut self.xml;
        out.push_str("<w:tbl><w:tblPr><w:tblStyle w:val=\"ZjTable\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:jc w:val=\"center\"/><w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>");
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
                let props = ParaProps { style: Some("ZjTableText"), align: Some(align), ..ParaProps::default() };
                paragraph(out, &props, row.get(c).map_or("", String::as_str));
                out.push_str("</w:tc>");
            }
            out.push_str("</w:tr>");
        }
        out.push_str("</w:tbl>");
        // Word needs a paragraph between two tables, and after the last: a
        // 2 pt spacer, not a blank line.
        paragraph(out, &ParaProps { style: Some("ZjSpacer"), ..ParaProps::default() }, "");
    }

    fn picture(&mut self, dest: &str, alt: &str) {
        let loaded = if self.note { None } else { (self.ctx.image)(dest) };
        // At most the text block: its width, and 22 lines high.
        let max = (u64::from(self.ctx.text_width) * 635, 225 * 36_000);
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
        let mut drawing = String::new();
        let _ = write!(
            drawing,
            "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"{cx}\" cy=\"{cy}\"/><wp:docPr id=\"{n}\" name=\"Picture {n}\" descr=\"{alt}\"/><a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:nvPicPr><pic:cNvPr id=\"{n}\" name=\"{file}\"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill>{blip}<a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{cx}\" cy=\"{cy}\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>",
            alt = escape(alt),
        );
        // In a table cell (single-spaced) it stays in the cell; elsewhere a
        // picture stands in a paragraph of its own, single-spaced (exact
        // line spacing would clip it).
        if self.table.as_ref().is_some_and(|t| t.cell.is_some()) {
            self.runs().push_str(&drawing);
            return;
        }
        self.flush_paragraph();
        paragraph(&mut self.xml, &ParaProps { style: Some("ZjFigure"), ..ParaProps::default() }, &drawing);
    }
}

/// Column widths in twips, filling the text width. Each column needs its
/// longest text on one line (a CJK character counting as two half-width
/// ones) and its cell margins. When every column fits, each gets what it
/// needs and the room left is shared in proportion; when they do not, the
/// columns that need no more than an even share of what is left keep their
/// need (a unit's name, a figure stay on one line), and the others share
/// the rest in proportion and wrap.
fn column_widths(table: &Table, cols: usize, text_width: u32, zh: bool) -> Vec<u32> {
    let visible = |xml: &str| -> u64 {
        let mut n = 0;
        let mut in_tag = false;
        for c in xml.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => n += if crate::base::text::is_cjk(c) { 2 } else { 1 },
                _ => {}
            }
        }
        n
    };
    let mut longest = vec![1u64; cols];
    for (_, row) in &table.rows {
        for (c, cell) in row.iter().enumerate().take(cols) {
            longest[c] = longest[c].max(visible(cell).min(60));
        }
    }
    // A half-width character is half the text size: size in half-points × 5 twips.
    let half = u64::from(table_size(zh)) * 5;
    let need: Vec<u64> = longest.iter().map(|&n| n * half + CELL_MARGINS).collect();
    let width = u64::from(text_width);
    let total: u64 = need.iter().sum();
    let shared = |weights: &[u64], room: u64| -> Vec<u64> {
        let sum: u64 = weights.iter().sum::<u64>().max(1);
        weights.iter().map(|w| w * room / sum).collect()
    };
    let widths = if total <= width {
        shared(&need, width)
    } else {
        let mut kept: Vec<Option<u64>> = vec![None; cols];
        let mut room = width;
        loop {
            let open: Vec<usize> = (0..cols).filter(|&c| kept[c].is_none()).collect();
            let Some(share) = room.checked_div(open.len() as u64) else { break };
            let fits: Vec<usize> = open.into_iter().filter(|&c| need[c] <= share).collect();
            if fits.is_empty() {
                break;
            }
            for c in fits {
                kept[c] = Some(need[c]);
                room -= need[c];
            }
        }
        let open: Vec<u64> = (0..cols).map(|c| if kept[c].is_none() { need[c] } else { 0 }).collect();
        let rest = shared(&open, room);
        (0..cols).map(|c| kept[c].unwrap_or(rest[c])).collect()
    };
    let mut widths: Vec<u32> = widths.into_iter().map(|w| u32::try_from(w).unwrap_or(text_width)).collect();
    // What rounding down left over goes to the widest column.
    let left = text_width.saturating_sub(widths.iter().sum());
    if let Some(widest) = widths.iter_mut().max() {
        *widest += left;
    }
    widths
}

/// The size of table text, in half-points: 三号 (16 pt) in Chinese, 11 pt
/// in English (the ZjTableText style's).
pub(super) fn table_size(zh: bool) -> u32 {
    if zh { 32 } else { 22 }
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
        convert(markdown, &Context { zh: true, text_width: 8844, image: &none, svg_fonts: &svg_fonts, epoch: Some(0) })
    }

    #[test]
    fn a_wide_table_wraps_its_long_column_and_keeps_the_short_ones_whole() {
        let row = |cells: &[&str]| (false, cells.iter().map(|c| (*c).to_owned()).collect());
        let table = Table {
            alignments: Vec::new(),
            rows: vec![
                row(&["产业帮扶覆盖脱贫户数及其增收情况（户）", "陈淋子镇", "380", "353", "92.9%"]),
                row(&["", "胡族铺镇", "1500", "1042", "100.0%"]),
            ],
            in_head: false,
            cell: None,
            row: Vec::new(),
        };
        let widths = column_widths(&table, 5, 8844, true);
        assert_eq!(widths.iter().sum::<u32>(), 8844, "{widths:?}");
        // 4 ideographs at 16 pt and the cell margins; six digits and a sign.
        assert_eq!(widths[1], 8 * 160 + CELL_MARGINS as u32);
        assert_eq!(widths[4], 6 * 160 + CELL_MARGINS as u32);
        assert!(widths[0] < 36 * 160, "the long label wraps: {widths:?}");
        let c = body("| a | b |\n|---|---|\n| 1 | 2 |\n");
        assert_eq!(c.xml.matches("<w:cantSplit/>").count(), 2, "{}", c.xml);
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
