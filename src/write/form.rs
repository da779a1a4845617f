//! A bulletin's fill-in form (填报表) for one unit of its roster, as an
//! `.xlsx` workbook or as CSV: the metrics of `collect:` with the unit's
//! targets, and empty cells for what the unit achieved, to be sent out,
//! filled in and read back.
//!
//! The form is laid out once ([`Form`]) and written by both formats, so a
//! CSV has the cells the workbook has. Its labels are the words the reader
//! finds a return's cells by ([`crate::data::sheet::words`]), and the period
//! is written in its canonical form (`2026-10`), which the reader parses:
//!
//! ```text
//! row 1  title, merged across the table
//! row 2  A 填报单位 | B:C the unit | D 报送期间 | E 2026-10
//! row 4  编号 | 指标 | 计量单位 | 年度目标 | 本期完成 | 上期 | 去年同期
//! row 5… one row per collected metric; the last three cells are the unit's
//! then   a blank row, and the notes (填报说明) merged across
//! ```

use rust_xlsxwriter::{
    Color, DataValidation, DataValidationRule, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder,
    ProtectionOptions, Workbook, Worksheet, XlsxError,
};

use crate::base::lang::Lang;
use crate::base::msg::{Message, msg};
use crate::base::text::is_cjk;
use crate::data::sheet::words::{self, Column};
use crate::data::{BulletinFields, Document};
use crate::derive::lang::{Quantity, language};
use crate::derive::metric::{is_percent, is_yuan};

/// The row of the title (0-based, as rust_xlsxwriter counts).
const TITLE_ROW: u32 = 0;
/// The row of the 填报单位 / 报送期间 cells.
const UNIT_ROW: u32 = 1;
/// The row of the column headers.
const HEADER_ROW: u32 = 3;
/// The row of the first metric.
const FIRST_METRIC_ROW: u32 = 4;
/// The number of columns of the table.
const COLUMNS: u16 = Column::ALL.len() as u16;

/// The workbook of one unit's form. `created` (seconds since 1970, UTC;
/// `SOURCE_DATE_EPOCH`) fixes the workbook's creation date, so that one
/// bulletin gives the same bytes each time; without it the date is now.
///
/// # Errors
/// What rust_xlsxwriter refuses (a text longer than a cell holds, a date
/// outside Excel's years), in words.
pub fn xlsx(doc: &Document, bulletin: &BulletinFields, unit: &str, created: Option<i64>) -> Result<Vec<u8>, Message> {
    let form = Form::new(doc, bulletin, unit)?;
    let failed = |e: XlsxError| msg!(FormNotLaidOut, unit = unit, reason = e.to_string());
    let mut workbook = Workbook::new();
    workbook.set_properties(&properties(&form, doc, created).map_err(failed)?);
    form.write_sheet(workbook.add_worksheet()).map_err(failed)?;
    workbook.save_to_buffer().map_err(failed)
}

/// The same form as CSV: UTF-8 with a byte order mark (so that Excel and
/// WPS read Chinese right), CRLF line ends, every row as wide as the table.
///
/// # Errors
/// The bulletin has no period.
pub fn csv(doc: &Document, bulletin: &BulletinFields, unit: &str) -> Result<Vec<u8>, Message> {
    let form = Form::new(doc, bulletin, unit)?;
    let mut out = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(b"\xEF\xBB\xBF".to_vec());
    for row in form.grid() {
        out.write_record(row.iter().map(Cell::text)).map_err(|e| msg!(FormCsvFailed, reason = e.to_string()))?;
    }
    out.into_inner().map_err(|e| msg!(FormCsvFailed, reason = e.to_string()))
}

/// A cell of the form, as both formats write it.
#[derive(Clone, Debug, PartialEq)]
enum Cell {
    /// Text.
    Text(String),
    /// A number.
    Number(f64),
    /// Nothing.
    Empty,
}

impl Cell {
    /// The cell as CSV writes it: a number in its shortest form (`380`,
    /// `36.5`).
    fn text(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Number(n) => n.to_string(),
            Cell::Empty => String::new(),
        }
    }
}

/// One collected metric as the form asks for it.
#[derive(Debug)]
struct Line {
    /// Its id.
    id: String,
    /// Its label.
    label: String,
    /// The unit of its figures.
    unit: String,
    /// The yearly target assigned to this unit.
    target: Option<f64>,
    /// Percent, yuan or a count: decides the number format and the advice.
    quantity: Quantity,
}

/// One unit's form, laid out for both formats.
#[derive(Debug)]
struct Form {
    /// The words of the bulletin's language.
    words: &'static Phrases,
    /// The bulletin's language.
    lang: Lang,
    /// The title.
    title: String,
    /// The unit's name, as the roster gives it.
    unit: String,
    /// The period, canonical (`2026-10`).
    period: String,
    /// The metrics asked for.
    lines: Vec<Line>,
    /// The notes under the table, one per line.
    notes: String,
}

impl Form {
    /// The form of `unit`; the bulletin must have a period.
    fn new(doc: &Document, bulletin: &BulletinFields, unit: &str) -> Result<Form, Message> {
        let period = doc.period.ok_or_else(|| msg!(FormWithoutPeriod))?;
        let words = phrases(doc.lang);
        let unit = unit.trim();
        let targets = bulletin.targets.get(unit);
        let lines: Vec<Line> = bulletin
            .collect
            .iter()
            .map(|m| Line {
                id: m.id.0.clone(),
                label: m.label.as_str().to_owned(),
                unit: m.unit.trim().to_owned(),
                target: targets.and_then(|t| t.get(&m.id)).map(|n| n.0),
                quantity: quantity(&m.unit),
            })
            .collect();
        let said = language(doc.lang);
        let notes = notes(words, &said.date(period.end()), doc.organization.as_str(), &lines);
        Ok(Form {
            words,
            lang: doc.lang,
            title: (words.title)(doc.title.as_str(), &said.period(&period)),
            unit: unit.to_owned(),
            period: period.to_string(),
            lines,
            notes,
        })
    }

    /// The row of the notes (0-based).
    fn notes_row(&self) -> u32 {
        FIRST_METRIC_ROW + self.lines.len() as u32 + 1
    }

    /// Every row of the form, each as wide as the table: what CSV writes,
    /// and what the workbook's cells hold (merged cells in their first).
    fn grid(&self) -> Vec<Vec<Cell>> {
        let text = |s: &str| Cell::Text(s.to_owned());
        let pad = |mut row: Vec<Cell>| {
            row.resize(usize::from(COLUMNS), Cell::Empty);
            row
        };
        let mut rows = vec![
            pad(vec![text(&self.title)]),
            pad(vec![
                text(words::unit_label(self.lang)),
                text(&self.unit),
                Cell::Empty,
                text(words::period_label(self.lang)),
                text(&self.period),
            ]),
            pad(Vec::new()),
            Column::ALL.iter().map(|c| text(c.header(self.lang))).collect(),
        ];
        rows.extend(self.lines.iter().map(|line| Column::ALL.iter().map(|&c| line.cell(c)).collect()));
        rows.push(pad(Vec::new()));
        rows.push(pad(vec![text(&self.notes)]));
        rows
    }

    /// Writes the form onto a worksheet: cells, formats, the input cells'
    /// validation, widths, and the protection that keeps the rest as sent.
    fn write_sheet(&self, sheet: &mut Worksheet) -> Result<(), XlsxError> {
        let formats = Formats::new();
        sheet.set_name(self.words.sheet)?;
        sheet.merge_range(TITLE_ROW, 0, TITLE_ROW, COLUMNS - 1, &self.title, &formats.title)?;
        sheet.set_row_height(TITLE_ROW, 30)?;
        self.write_unit_row(sheet, &formats)?;
        for (col, column) in (0..).zip(Column::ALL) {
            sheet.write_string_with_format(HEADER_ROW, col, column.header(self.lang), &formats.header)?;
        }
        sheet.set_row_height(HEADER_ROW, 22)?;
        for (row, line) in (FIRST_METRIC_ROW..).zip(&self.lines) {
            self.write_line(sheet, row, line)?;
            sheet.set_row_height(row, 20)?;
        }
        let notes_row = self.notes_row();
        sheet.merge_range(notes_row, 0, notes_row, COLUMNS - 1, &self.notes, &formats.notes)?;
        sheet.set_row_height(notes_row, 16 * self.notes_lines())?;
        for (col, width) in (0..).zip(self.widths()) {
            sheet.set_column_width(col, width)?;
        }
        sheet.set_freeze_panes(FIRST_METRIC_ROW, 0)?;
        sheet.set_paper_size(9).set_landscape().set_print_fit_to_pages(1, 0);
        // No password: the lock keeps the cells from slips, not from
        // anyone who means to change them.
        sheet.protect_with_options(&ProtectionOptions {
            format_columns: true,
            format_rows: true,
            ..ProtectionOptions::new()
        });
        Ok(())
    }

    /// Row 2: A 填报单位, B:C the unit, D 报送期间, E the period.
    fn write_unit_row(&self, sheet: &mut Worksheet, formats: &Formats) -> Result<(), XlsxError> {
        sheet.write_string_with_format(UNIT_ROW, 0, words::unit_label(self.lang), &formats.label)?;
        sheet.merge_range(UNIT_ROW, 1, UNIT_ROW, 2, &self.unit, &formats.value)?;
        sheet.write_string_with_format(UNIT_ROW, 3, words::period_label(self.lang), &formats.label)?;
        sheet.write_string_with_format(UNIT_ROW, 4, &self.period, &formats.value)?;
        Ok(())
    }

    /// One metric's row: its locked cells, and the unit's cells, unlocked,
    /// each taking a number of 0 or more.
    fn write_line(&self, sheet: &mut Worksheet, row: u32, line: &Line) -> Result<(), XlsxError> {
        let validation = self.validation(line)?;
        for (col, column) in (0..).zip(Column::ALL) {
            let format = Formats::cell(column, line.quantity);
            match line.cell(column) {
                Cell::Text(s) => sheet.write_string_with_format(row, col, &s, &format)?,
                Cell::Number(n) => sheet.write_number_with_format(row, col, n, &format)?,
                Cell::Empty => sheet.write_blank(row, col, &format)?,
            };
            if is_input(column) {
                sheet.add_data_validation(row, col, row, col, &validation)?;
            }
        }
        Ok(())
    }

    /// What the unit's cells of a metric accept, and the message shown on
    /// entering one.
    fn validation(&self, line: &Line) -> Result<DataValidation, XlsxError> {
        DataValidation::new()
            .allow_decimal_number(DataValidationRule::GreaterThanOrEqualTo(0.0))
            .set_input_title(fit(self.words.input_title, 32))?
            .set_input_message(fit(&(self.words.input)(line.quantity, &line.unit), 255))?
            .set_error_title(fit(self.words.error_title, 32))?
            .set_error_message(fit(self.words.error, 255))
    }

    /// The width of each column, in characters: its widest cell (a Chinese
    /// character counting two), within bounds; the label column wraps.
    fn widths(&self) -> Vec<f64> {
        let grid = self.grid();
        // The title, the unit's name (B:C) and the notes are merged cells.
        let measured = |row: usize, col: usize| !(row == 0 || row + 1 == grid.len() || (row == 1 && col == 1));
        (0..usize::from(COLUMNS))
            .map(|col| {
                let widest = (0..grid.len())
                    .filter(|&row| measured(row, col))
                    .map(|row| display_width(&grid[row][col].text()))
                    .max()
                    .unwrap_or(0);
                let (least, most) = match Column::ALL[col] {
                    Column::Label => (16, 40),
                    column if is_input(column) => (12, 20),
                    _ => (8, 24),
                };
                (widest + 2).clamp(least, most) as f64
            })
            .collect()
    }

    /// About how many lines the notes take across the table.
    fn notes_lines(&self) -> u16 {
        let across = self.widths().iter().sum::<f64>().max(1.0);
        let lines: f64 = self.notes.lines().map(|l| (display_width(l) as f64 / across).ceil().max(1.0)).sum();
        lines.min(40.0) as u16 + 1
    }
}

impl Line {
    /// This metric's cell in `column`: the unit's own columns are empty.
    fn cell(&self, column: Column) -> Cell {
        match column {
            Column::Id => Cell::Text(self.id.clone()),
            Column::Label => Cell::Text(self.label.clone()),
            Column::Unit if self.unit.is_empty() => Cell::Empty,
            Column::Unit => Cell::Text(self.unit.clone()),
            Column::Target => self.target.map_or(Cell::Empty, Cell::Number),
            Column::Actual | Column::Previous | Column::LastYear => Cell::Empty,
        }
    }
}

/// Whether the unit fills in this column.
fn is_input(column: Column) -> bool {
    match column {
        Column::Actual | Column::Previous | Column::LastYear => true,
        Column::Id | Column::Label | Column::Unit | Column::Target => false,
    }
}

/// What kind of figure a metric of this unit is.
fn quantity(unit: &str) -> Quantity {
    if is_percent(unit) {
        Quantity::Percent
    } else if is_yuan(unit) {
        Quantity::Yuan
    } else {
        Quantity::Count
    }
}

/// The notes under the table, numbered, one per line.
fn notes(words: &Phrases, end: &str, organization: &str, lines: &[Line]) -> String {
    let mut items = vec![(words.fill_in)(), (words.cumulative)(end)];
    if lines.iter().any(|l| l.quantity == Quantity::Percent) {
        items.push(words.percent.to_owned());
    }
    if lines.iter().any(|l| l.quantity == Quantity::Yuan) {
        items.push(words.yuan.to_owned());
    }
    items.push((words.send_back)(organization));
    let numbered: Vec<String> = (1..).zip(items).map(|(n, item)| format!("{n}. {item}")).collect();
    format!("{}\n{}", words.notes, numbered.join("\n"))
}

/// The workbook's document properties: title, author, language, and the
/// creation date.
fn properties(form: &Form, doc: &Document, created: Option<i64>) -> Result<DocProperties, XlsxError> {
    let properties = DocProperties::new()
        .set_title(&form.title)
        .set_author(doc.organization.as_str())
        .set_company(doc.organization.as_str())
        .set_subject(&form.unit);
    Ok(match created {
        Some(seconds) => properties.set_creation_datetime(&ExcelDateTime::from_timestamp(seconds)?),
        None => properties,
    })
}

/// The formats of the form's cells.
struct Formats {
    /// The title: bold, larger, centred.
    title: Format,
    /// 填报单位 and 报送期间.
    label: Format,
    /// The unit's name and the period.
    value: Format,
    /// The column headers: bold, bordered, a light fill.
    header: Format,
    /// The notes: wrapped, from the top left.
    notes: Format,
}

impl Formats {
    fn new() -> Formats {
        let centred = Format::new().set_align(FormatAlign::Center).set_align(FormatAlign::VerticalCenter);
        Formats {
            title: centred.clone().set_bold().set_font_size(16),
            label: Format::new().set_bold().set_align(FormatAlign::VerticalCenter),
            value: Format::new().set_align(FormatAlign::Left).set_align(FormatAlign::VerticalCenter),
            header: centred
                .set_bold()
                .set_text_wrap()
                .set_border(FormatBorder::Thin)
                .set_background_color(Color::RGB(0x00D9_E1F2)),
            notes: Format::new().set_text_wrap().set_align(FormatAlign::Left).set_align(FormatAlign::Top),
        }
    }

    /// The format of a metric's cell: bordered; the unit's cells unlocked
    /// and lightly filled; a percentage as a plain number (`36.5`, not a
    /// percent format, which would hold 0.365).
    fn cell(column: Column, quantity: Quantity) -> Format {
        let format = Format::new().set_border(FormatBorder::Thin).set_align(FormatAlign::VerticalCenter);
        let format = match column {
            Column::Label => format.set_text_wrap(),
            Column::Id | Column::Unit => format,
            Column::Target | Column::Actual | Column::Previous | Column::LastYear => match quantity {
                Quantity::Percent => format.set_num_format("0.0"),
                Quantity::Yuan | Quantity::Count => format,
            },
        };
        if is_input(column) { format.set_unlocked().set_background_color(Color::RGB(0x00FF_F2CC)) } else { format }
    }
}

/// How wide a text shows, in the width of a Latin character: a Chinese
/// character or a full-width form takes two.
fn display_width(text: &str) -> usize {
    text.lines().map(|line| line.chars().map(|c| if is_cjk(c) { 2 } else { 1 }).sum()).max().unwrap_or(0)
}

/// `text` cut to at most `max` UTF-16 units, Excel's measure of its limits.
fn fit(text: &str, max: usize) -> String {
    let mut used = 0;
    text.chars()
        .take_while(|c| {
            used += c.len_utf16();
            used <= max
        })
        .collect()
}

/// The words of a form in one language.
#[derive(Debug)]
struct Phrases {
    /// The sheet's name.
    sheet: &'static str,
    /// The title, from the bulletin's title and the period in words.
    title: fn(&str, &str) -> String,
    /// The heading of the notes.
    notes: &'static str,
    /// Which cells to fill in.
    fill_in: fn() -> String,
    /// That the figures are for the year to the period's end (in words).
    cumulative: fn(&str) -> String,
    /// How a percentage is entered.
    percent: &'static str,
    /// In what amounts of money are entered.
    yuan: &'static str,
    /// How to send the form back, to the bulletin's organization.
    send_back: fn(&str) -> String,
    /// The title of the message shown on entering a cell.
    input_title: &'static str,
    /// The message shown on entering a metric's cell, from its kind and unit.
    input: fn(Quantity, &str) -> String,
    /// The title of the message shown when an entry is refused.
    error_title: &'static str,
    /// The message shown when an entry is refused.
    error: &'static str,
}

/// The words of `lang`.
fn phrases(lang: Lang) -> &'static Phrases {
    match lang {
        Lang::En => &ENGLISH,
        Lang::Zh => &CHINESE,
    }
}

/// The form in English.
static ENGLISH: Phrases = Phrases {
    sheet: "Return",
    title: |title, period| format!("{title}: return form, {period}"),
    notes: "Notes",
    fill_in: || {
        let [actual, previous, last_year] = input_headers(Lang::En);
        format!(
            "Fill in only the columns “{actual}”, “{previous}” and “{last_year}” (the yellow cells); the other cells are locked."
        )
    },
    cumulative: |end| {
        format!(
            "Every figure is cumulative for the year to {end}: “{}” as of the end of the previous period, “{}” as of the same date last year.",
            Column::Previous.header(Lang::En),
            Column::LastYear.header(Lang::En)
        )
    },
    percent: "Enter a percentage as a number: 36.5 for 36.5%.",
    yuan: "Enter amounts of money in yuan (元), in full: 3560000 for 3.56 million yuan.",
    send_back: |organization| {
        format!("Save the file as it is (keep its name, rows and columns) and send it back to {organization}.")
    },
    input_title: "Enter a number",
    input: |quantity, unit| match quantity {
        Quantity::Percent => "A percentage, entered as a number: 36.5 for 36.5%. 0 or more.".to_owned(),
        Quantity::Yuan => "An amount in yuan (元), in full: 3560000 for 3.56 million yuan. 0 or more.".to_owned(),
        Quantity::Count if unit.is_empty() => "A number, 0 or more.".to_owned(),
        Quantity::Count => format!("A number of {unit}, 0 or more."),
    },
    error_title: "Not a number of 0 or more",
    error: "Enter a number of 0 or more (a percentage as a number: 36.5 for 36.5%).",
};

/// The form in Chinese.
static CHINESE: Phrases = Phrases {
    sheet: "填报表",
    title: |title, period| format!("{title}数据填报表（{period}）"),
    notes: "填报说明",
    fill_in: || {
        let [actual, previous, last_year] = input_headers(Lang::Zh);
        format!("请只填写“{actual}”“{previous}”“{last_year}”三列（黄色单元格），其他单元格已锁定，不能改动。")
    },
    cumulative: |end| {
        format!(
            "各项数字均填写截至{end}的本年累计数；“{}”填写截至上期末的累计数，“{}”填写上年同一时间的累计数。",
            Column::Previous.header(Lang::Zh),
            Column::LastYear.header(Lang::Zh)
        )
    },
    percent: "百分比指标直接填写数值，如36.5%填写36.5。",
    yuan: "金额以元为单位填写，如356万元填写3560000。",
    send_back: |organization| format!("填好后保存本文件（不要改动文件名和表格的行列），报送{organization}。"),
    input_title: "请填写数字",
    input: |quantity, unit| match quantity {
        Quantity::Percent => "填写百分比的数值，如36.5%填写36.5；不小于0。".to_owned(),
        Quantity::Yuan => "以元为单位填写，如356万元填写3560000；不小于0。".to_owned(),
        Quantity::Count if unit.is_empty() => "填写不小于0的数字。".to_owned(),
        Quantity::Count => format!("计量单位：{unit}；填写不小于0的数字。"),
    },
    error_title: "请填写不小于0的数字",
    error: "请填写不小于0的数字（百分比填写数值，如36.5%填写36.5）。",
};

/// The headers of the columns the unit fills in.
fn input_headers(lang: Lang) -> [&'static str; 3] {
    [Column::Actual.header(lang), Column::Previous.header(lang), Column::LastYear.header(lang)]
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use calamine::{Data, Reader as _, Xlsx, open_workbook_from_rs};

    use super::*;
    use crate::data::{Schema, Source, parse};

    const BULLETIN: &str = "\
template: monthly-bulletin
lang: zh
title: 固始县乡村振兴工作简报
organization: 县乡村振兴领导小组办公室
period: 2026-10
units: [units/*.yaml]
roster: [陈淋子镇, 三河尖镇]
collect:
  - {id: households, label: 产业帮扶覆盖脱贫户, unit: 户}
  - {id: rate, label: 监测户风险消除率, unit: '%'}
  - {id: funds, label: 衔接资金拨付, unit: 元}
targets:
  陈淋子镇: {households: 380, rate: 95.5, funds: 3900000}
";

    fn bulletin(text: &str) -> (Document, BulletinFields) {
        let source = Source { path: "bulletin.yaml".into(), text: text.into() };
        let schema =
            Schema { template: "monthly-bulletin".into(), kind: crate::data::Kind::Bulletin, extra: Vec::new() };
        let doc = parse(&source, &schema).unwrap();
        let crate::data::Fields::Bulletin(b) = doc.fields.clone() else { panic!("not a bulletin") };
        (doc, b)
    }

    /// The cells of the first sheet as text, row by row, and its name.
    fn read_back(bytes: Vec<u8>) -> (String, Vec<Vec<String>>) {
        let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
        let name = book.sheet_names()[0].clone();
        let range = book.worksheet_range(&name).unwrap();
        let (rows, cols) = range.end().map_or((0, 0), |(r, c)| (r + 1, c + 1));
        let cells = (0..rows)
            .map(|r| {
                (0..cols)
                    .map(|c| match range.get_value((r, c)) {
                        Some(Data::String(s)) => s.clone(),
                        Some(Data::Float(n)) => n.to_string(),
                        Some(Data::Int(n)) => n.to_string(),
                        Some(Data::Empty) | None => String::new(),
                        Some(other) => format!("{other:?}"),
                    })
                    .collect()
            })
            .collect();
        (name, cells)
    }

    #[test]
    fn the_workbook_reads_back_with_the_reader_s_words() {
        let (doc, b) = bulletin(BULLETIN);
        let (sheet, cells) = read_back(xlsx(&doc, &b, "陈淋子镇", Some(0)).unwrap());
        assert_eq!(sheet, "填报表");
        assert_eq!(cells[0][0], "固始县乡村振兴工作简报数据填报表（2026年10月）");
        assert_eq!(cells[1][..5], ["填报单位", "陈淋子镇", "", "报送期间", "2026-10"]);
        assert!(cells[2].iter().all(String::is_empty));
        let headers: Vec<&str> = Column::ALL.iter().map(|c| c.header(Lang::Zh)).collect();
        assert_eq!(cells[3], headers);
        assert_eq!(cells[4], ["households", "产业帮扶覆盖脱贫户", "户", "380", "", "", ""]);
        assert_eq!(cells[5][..4], ["rate", "监测户风险消除率", "%", "95.5"]);
        assert_eq!(cells[6][..4], ["funds", "衔接资金拨付", "元", "3900000"]);
        assert!(cells[7].iter().all(String::is_empty));
        let notes = &cells[8][0];
        assert!(notes.starts_with("填报说明"), "{notes}");
        for words in [
            "本期完成",
            "截至2026年10月31日的本年累计数",
            "36.5%填写36.5",
            "以元为单位",
            "报送县乡村振兴领导小组办公室",
        ] {
            assert!(notes.contains(words), "the notes lack {words:?}: {notes}");
        }
    }

    #[test]
    fn a_unit_without_targets_gets_empty_target_cells_and_english_words() {
        let text =
            BULLETIN.replace("lang: zh", "lang: en").replace("title: 固始县乡村振兴工作简报", "title: Rural Bulletin");
        let (doc, b) = bulletin(&text);
        let (sheet, cells) = read_back(xlsx(&doc, &b, "三河尖镇", Some(0)).unwrap());
        assert_eq!(sheet, "Return");
        assert_eq!(cells[0][0], "Rural Bulletin: return form, October 2026");
        assert_eq!(cells[1][..5], ["Reporting unit", "三河尖镇", "", "Period", "2026-10"]);
        assert_eq!(cells[3][0], Column::Id.header(Lang::En));
        assert_eq!(cells[4][..4], ["households", "产业帮扶覆盖脱贫户", "户", ""]);
        assert!(cells[8][0].starts_with("Notes\n1. "), "{}", cells[8][0]);
    }

    #[test]
    fn the_csv_has_a_bom_crlf_and_the_workbook_s_cells() {
        let (doc, b) = bulletin(BULLETIN);
        let bytes = csv(&doc, &b, "陈淋子镇").unwrap();
        assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
        let text = std::str::from_utf8(&bytes[3..]).unwrap();
        assert!(text.contains("\r\n") && !text.replace("\r\n", "").contains("\r"));
        let rows: Vec<Vec<String>> = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(text.as_bytes())
            .records()
            .map(|r| r.unwrap().iter().map(str::to_owned).collect())
            .collect();
        let (_, cells) = read_back(xlsx(&doc, &b, "陈淋子镇", Some(0)).unwrap());
        assert_eq!(rows, cells);
    }

    #[test]
    fn one_epoch_gives_one_workbook() {
        let (doc, b) = bulletin(BULLETIN);
        assert_eq!(xlsx(&doc, &b, "陈淋子镇", Some(1_785_974_400)), xlsx(&doc, &b, "陈淋子镇", Some(1_785_974_400)));
    }

    #[test]
    fn percentages_are_plain_numbers_and_the_unit_s_cells_are_open() {
        let (doc, b) = bulletin(BULLETIN);
        let bytes = xlsx(&doc, &b, "陈淋子镇", Some(0)).unwrap();
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        let mut part = |name: &str| {
            let mut text = String::new();
            std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut text).unwrap();
            text
        };
        let sheet = part("xl/worksheets/sheet1.xml");
        assert!(sheet.contains("<sheetProtection"), "the sheet is not protected");
        assert!(sheet.contains("type=\"decimal\"") && sheet.contains("operator=\"greaterThanOrEqual\""));
        assert!(sheet.contains("36.5%填写36.5"));
        let styles = part("xl/styles.xml");
        assert!(styles.contains("formatCode=\"0.0\"") && !styles.contains('%'), "{styles}");
        assert!(styles.contains("locked=\"0\""));
        assert!(part("docProps/core.xml").contains("1970-01-01T00:00:00Z"));
    }

    #[test]
    fn texts_are_cut_to_excel_s_limits() {
        assert_eq!(fit("填写不小于0的数字", 4), "填写不小");
        assert_eq!(fit("ab😀c", 3), "ab");
        assert_eq!(display_width("编号id"), 6);
    }

    #[test]
    fn a_bulletin_without_a_period_has_no_form() {
        let (doc, b) = bulletin(&BULLETIN.replace("period: 2026-10\n", ""));
        assert!(xlsx(&doc, &b, "陈淋子镇", None).unwrap_err().english().contains("period"));
        assert!(csv(&doc, &b, "陈淋子镇").is_err());
    }
}
