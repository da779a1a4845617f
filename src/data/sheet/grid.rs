//! A spreadsheet file as grids of cell values: the workbooks through
//! calamine, CSV through the csv crate after its encoding is found. Only the
//! first [`MAX_ROWS`] rows and [`MAX_COLUMNS`] columns are kept, and a
//! workbook that would inflate past [`MAX_INFLATED`] is refused before it
//! is read, so a forged file cannot make a build swell.

use crate::base::msg::{Key, Message, msg};
use std::collections::BTreeMap;
use std::io::Cursor;

use calamine::{Data, Reader as _};

/// Rows of a sheet looked at.
pub const MAX_ROWS: u32 = 2_000;
/// Columns of a sheet looked at.
pub const MAX_COLUMNS: u32 = 64;
/// Sheets of a workbook looked at.
pub const MAX_SHEETS: usize = 32;
/// What the parts of an .xlsx or .ods may inflate to, together.
pub const MAX_INFLATED: u128 = 64 * 1024 * 1024;

/// A cell as read.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// Nothing in it.
    Empty,
    /// A number; `percent` when its format shows it as a percentage (the
    /// number is then the fraction: 0.365 for 36.5%).
    Number {
        /// The value stored.
        value: f64,
        /// Shown as a percentage.
        percent: bool,
    },
    /// Text (a number typed as text stays text here).
    Text(String),
    /// A date (Excel makes one of `2026-10` typed into a cell).
    Date(chrono::NaiveDate),
    /// Something that is neither: a date, a truth value, an error such as
    /// `#DIV/0!`; how it reads.
    Other(String),
    /// A formula whose result the file does not keep (written by a program
    /// that does not calculate, such as a script with openpyxl).
    Unsaved,
}

impl Value {
    /// The cell's text, for a cell of text.
    pub fn text(&self) -> Option<&str> {
        match self {
            Value::Text(t) => Some(t.trim()).filter(|t| !t.is_empty()),
            _ => None,
        }
    }

    /// Whether the cell holds nothing (or only spaces).
    pub fn is_blank(&self) -> bool {
        match self {
            Value::Empty => true,
            Value::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }
}

/// One sheet: its name and its cells, by 0-based row and column.
#[derive(Clone, Debug, Default)]
pub struct Grid {
    /// The sheet's name (for a CSV file, none).
    pub name: Option<String>,
    /// The cells that hold something.
    pub cells: BTreeMap<(u32, u32), Value>,
    /// Whether the sheet is hidden in the workbook.
    pub hidden: bool,
    /// Whether cells beyond the first [`MAX_ROWS`] rows or [`MAX_COLUMNS`]
    /// columns hold something, which is not read.
    pub cut: bool,
}

impl Grid {
    /// The cell at a place.
    pub fn get(&self, row: u32, column: u32) -> &Value {
        self.cells.get(&(row, column)).unwrap_or(&Value::Empty)
    }

    /// The last row that holds something.
    pub fn last_row(&self) -> Option<u32> {
        self.cells.keys().map(|(r, _)| *r).max()
    }

    /// How a user names a cell: `Sheet1!E7`, or `E7` in a CSV file.
    pub fn cell_name(&self, row: u32, column: u32) -> String {
        let a1 = a1(row, column);
        match &self.name {
            Some(name) if name.chars().all(|c| c.is_alphanumeric() || c == '_') => format!("{name}!{a1}"),
            Some(name) => format!("'{}'!{a1}", name.replace('\'', "''")),
            None => a1,
        }
    }

    fn put(&mut self, row: u32, column: u32, value: Value) {
        if value == Value::Empty {
            return;
        }
        if row < MAX_ROWS && column < MAX_COLUMNS {
            self.cells.insert((row, column), value);
        } else {
            self.cut = true;
        }
    }
}

/// A cell's A1 name: column letters, then the 1-based row.
pub fn a1(row: u32, column: u32) -> String {
    let mut letters = Vec::new();
    let mut n = column + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + u8::try_from(rem).unwrap_or(0)));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect::<String>() + &(row + 1).to_string()
}

/// The kinds of file a return may be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Office Open XML workbook (`.xlsx`, `.xlsm`).
    Xlsx,
    /// Excel 97–2003 workbook (`.xls`).
    Xls,
    /// OpenDocument spreadsheet (`.ods`).
    Ods,
    /// Comma- (or tab-, semicolon-) separated text (`.csv`).
    Csv,
}

impl Kind {
    /// The kind of a file, by its extension.
    pub fn of(path: &std::path::Path) -> Option<Kind> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "xlsx" | "xlsm" => Some(Kind::Xlsx),
            "xls" => Some(Kind::Xls),
            "ods" => Some(Kind::Ods),
            "csv" => Some(Kind::Csv),
            _ => None,
        }
    }
}

/// The sheets of a file's bytes, in workbook order.
pub fn read(kind: Kind, bytes: Vec<u8>) -> Result<Vec<Grid>, Message> {
    match kind {
        Kind::Xlsx => xlsx(bytes),
        Kind::Xls => {
            let book = calamine::Xls::new(Cursor::new(bytes)).map_err(|e| unreadable(Key::FormatXls, &e))?;
            workbook(book)
        }
        Kind::Ods => {
            bounded_zip(&bytes, Key::FormatOds)?;
            let book = calamine::Ods::new(Cursor::new(bytes)).map_err(|e| unreadable(Key::FormatOds, &e))?;
            workbook(book)
        }
        Kind::Csv => csv(&bytes).map(|g| vec![g]),
    }
}

fn unreadable(what: Key, e: &dyn std::fmt::Display) -> Message {
    let reason = e.to_string();
    let lower = reason.to_lowercase();
    if lower.contains("password") {
        return msg!(SpreadsheetPassword);
    }
    // The zip library's words for a file that is no zip at all.
    if lower.contains("invalid zip archive") || lower.contains("eocd") {
        return msg!(SpreadsheetNotThisKind, what = Message::new(what));
    }
    msg!(SpreadsheetUnreadable, what = Message::new(what), reason = reason)
}

/// Whether a file's bytes are text (a CSV export), not a workbook: no zip
/// or OLE signature, and readable as UTF-8, UTF-16 or GB 18030.
pub fn is_text(bytes: &[u8]) -> bool {
    let workbook = bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]);
    !workbook && !bytes.contains(&0) && decode(bytes).is_ok() || bytes.starts_with(&[0xFF, 0xFE])
}

/// Refuses a zip whose parts would inflate past [`MAX_INFLATED`].
fn bounded_zip(bytes: &[u8], what: Key) -> Result<(), Message> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| unreadable(what, &e))?;
    // The central directory's sizes (entries written with a data
    // descriptor, as LibreOffice writes them, have theirs there too).
    let mut size: u128 = 0;
    for i in 0..archive.len() {
        let entry = archive.by_index_raw(i).map_err(|e| unreadable(what, &e))?;
        // A Word or PowerPoint file under a workbook's name: said so, not
        // as the XML error its missing workbook parts give.
        let other = match entry.name().unwrap_or_default() {
            n if n.starts_with("word/") => Some(Key::WordDocument),
            n if n.starts_with("ppt/") => Some(Key::PowerPointFile),
            _ => None,
        };
        if let Some(other) = other {
            return Err(msg!(SpreadsheetIsOther, what = Message::new(what), other = Message::new(other)));
        }
        size += u128::from(entry.size());
    }
    match size {
        size if size <= MAX_INFLATED => Ok(()),
        _ => Err(msg!(WouldInflate, limit = MAX_INFLATED / 1024 / 1024)),
    }
}

/// An .xlsx, read cell by cell (a sheet whose cells lie far apart is not
/// laid out as one huge range), with the number formats that say which
/// numbers are percentages.
fn xlsx(bytes: Vec<u8>) -> Result<Vec<Grid>, Message> {
    const WHAT: Key = Key::FormatXlsx;
    bounded_zip(&bytes, WHAT)?;
    let mut book = calamine::Xlsx::new(Cursor::new(bytes)).map_err(|e| unreadable(WHAT, &e))?;
    let hidden = hidden_sheets(&book);
    let mut grids = Vec::new();
    for name in book.sheet_names().into_iter().take(MAX_SHEETS) {
        let hidden = hidden.contains(&name);
        let mut grid = Grid { name: Some(name.clone()), hidden, ..Grid::default() };
        {
            let mut reader = book.worksheet_cells_reader(&name).map_err(|e| unreadable(WHAT, &e))?;
            while let Some(cell) = reader.next_cell_with_formula_metadata().map_err(|e| unreadable(WHAT, &e))? {
                let (row, column) = cell.pos;
                let mut value = value(&Data::from(cell.value));
                if cell.formula.is_some() && value.is_blank() {
                    value = Value::Unsaved;
                }
                grid.put(row, column, value);
            }
        }
        let styles = book.worksheet_style(&name).map_err(|e| unreadable(WHAT, &e))?;
        for ((row, column), value) in &mut grid.cells {
            if let Value::Number { percent, .. } = value {
                let format = styles.get((*row, *column)).and_then(|s| s.number_format.as_ref());
                *percent = format.is_some_and(|f| shows_percent(&f.format_code));
            }
        }
        grids.push(grid);
    }
    Ok(grids)
}

/// The names of a workbook's hidden sheets.
fn hidden_sheets<R: calamine::Reader<Cursor<Vec<u8>>>>(book: &R) -> Vec<String> {
    book.sheets_metadata()
        .iter()
        .filter(|sheet| sheet.visible != calamine::SheetVisible::Visible)
        .map(|sheet| sheet.name.clone())
        .collect()
}

/// Whether a number format shows a percentage: a `%` outside quotes.
fn shows_percent(code: &str) -> bool {
    let mut quoted = false;
    let mut escaped = false;
    for c in code.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => quoted = !quoted,
            '%' if !quoted => return true,
            _ => {}
        }
    }
    false
}

/// The sheets of a workbook read whole by calamine (.xls, .ods).
fn workbook<R: calamine::Reader<Cursor<Vec<u8>>>>(mut book: R) -> Result<Vec<Grid>, Message>
where
    R::Error: std::fmt::Display,
{
    let hidden = hidden_sheets(&book);
    let mut grids = Vec::new();
    for name in book.sheet_names().into_iter().take(MAX_SHEETS) {
        let hidden = hidden.contains(&name);
        let range = book
            .worksheet_range(&name)
            .map_err(|e| msg!(SheetUnreadable, sheet = name.as_str(), reason = e.to_string()))?;
        let mut grid = Grid { name: Some(name), hidden, ..Grid::default() };
        let (top, left) = range.start().unwrap_or((0, 0));
        for (r, row) in range.rows().enumerate().take(MAX_ROWS as usize + 1) {
            for (c, data) in row.iter().enumerate().take(MAX_COLUMNS as usize + 1) {
                let (r, c) = (u32::try_from(r).unwrap_or(u32::MAX), u32::try_from(c).unwrap_or(u32::MAX));
                grid.put(top.saturating_add(r), left.saturating_add(c), value(data));
            }
        }
        grids.push(grid);
    }
    Ok(grids)
}

fn value(data: &Data) -> Value {
    match data {
        Data::Empty => Value::Empty,
        Data::String(s) => Value::Text(s.clone()),
        #[expect(clippy::cast_precision_loss, reason = "figures are far below 2^53")]
        Data::Int(i) => Value::Number { value: *i as f64, percent: false },
        Data::Float(f) => Value::Number { value: *f, percent: false },
        Data::Bool(b) => Value::Other(if *b { "TRUE" } else { "FALSE" }.into()),
        Data::DateTime(d) => date(d.as_datetime()),
        // OpenDocument keeps dates as ISO 8601 text: 2026-10-01 or 2026-10-01T00:00:00.
        Data::DateTimeIso(s) => s
            .get(..10)
            .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .map_or_else(|| Value::Other(format!("a date or time ({s})")), Value::Date),
        Data::DurationIso(s) => Value::Other(format!("a duration ({s})")),
        Data::Error(e) => Value::Other(e.to_string()),
    }
}

fn date(at: Option<chrono::NaiveDateTime>) -> Value {
    at.map_or_else(|| Value::Other("a date or time".into()), |at| Value::Date(at.date()))
}

/// A CSV file: UTF-8 (with or without a BOM), UTF-16 with a BOM (Excel's
/// "Unicode text"), or GBK/GB 18030 as Chinese Excel and WPS save it; the
/// separator is the one of `,` `;` and tab that splits the first lines
/// most evenly.
fn csv(bytes: &[u8]) -> Result<Grid, Message> {
    let text = decode(bytes)?;
    let delimiter = sniff_delimiter(&text);
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(text.as_bytes());
    let mut grid = Grid::default();
    let mut rows = Rows::new(delimiter);
    let mut last_row: Option<u32> = None;
    for record in reader.records() {
        let record = record.map_err(|e| msg!(BadCsv, reason = e.to_string()))?;
        // The row a spreadsheet shows: blank lines are rows too, a quoted
        // line break is none.
        let mut byte = record.position().map_or(0, |p| usize::try_from(p.byte()).unwrap_or(usize::MAX));
        // The csv crate places a record at the line breaks before it (after
        // a CRLF, at its LF; after blank lines, at the first): it starts
        // after them.
        while matches!(text.as_bytes().get(byte), Some(b'\n' | b'\r')) {
            byte += 1;
        }
        let line = rows.up_to(text.as_bytes(), byte);
        // Each record a row of its own, whatever stray quotes say.
        let row = u32::try_from(line).unwrap_or(u32::MAX).max(last_row.map_or(0, |r| r.saturating_add(1)));
        last_row = Some(row);
        if row >= MAX_ROWS {
            grid.cut |= record.iter().any(|f| !f.trim().is_empty());
            if grid.cut {
                break;
            }
            continue;
        }
        for (c, field) in record.iter().enumerate().take(MAX_COLUMNS as usize + 1) {
            if !field.trim().is_empty() {
                grid.put(row, u32::try_from(c).unwrap_or(u32::MAX), Value::Text(field.to_owned()));
            }
        }
    }
    Ok(grid)
}

/// Counts a CSV text's rows as a spreadsheet does, reading on from where
/// it stopped: line breaks outside quoted fields (a quote opens a field
/// only at its start; `""` inside one is a quote).
struct Rows {
    delimiter: u8,
    at: usize,
    rows: usize,
    quoted: bool,
    field_start: bool,
}

impl Rows {
    fn new(delimiter: u8) -> Self {
        Rows { delimiter, at: 0, rows: 0, quoted: false, field_start: true }
    }

    /// The rows before byte `end`.
    fn up_to(&mut self, text: &[u8], end: usize) -> usize {
        let end = end.min(text.len());
        while self.at < end {
            let b = text[self.at];
            self.at += 1;
            if self.quoted {
                if b == b'"' {
                    if text.get(self.at) == Some(&b'"') {
                        self.at += 1;
                    } else {
                        self.quoted = false;
                    }
                }
                continue;
            }
            match b {
                b'\n' => {
                    self.rows += 1;
                    self.field_start = true;
                }
                b'"' if self.field_start => {
                    self.quoted = true;
                    self.field_start = false;
                }
                b'\r' => {}
                b if b == self.delimiter => self.field_start = true,
                _ => self.field_start = false,
            }
        }
        self.rows
    }
}

/// The text of a CSV file, whatever of the usual encodings it is in.
fn decode(bytes: &[u8]) -> Result<String, Message> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return String::from_utf8(rest.to_vec()).map_err(|_| msg!(StartsAsUtf8));
    }
    for (bom, encoding) in [(b"\xFF\xFE", encoding_rs::UTF_16LE), (b"\xFE\xFF", encoding_rs::UTF_16BE)] {
        if bytes.starts_with(bom) {
            let (text, _, bad) = encoding.decode(bytes);
            return if bad { Err(msg!(NotValidUtf16)) } else { Ok(text.into_owned()) };
        }
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.to_owned());
    }
    let (text, bad) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
    if bad {
        return Err(msg!(CsvEncoding));
    }
    Ok(text.into_owned())
}

/// The separator of a CSV text.
fn sniff_delimiter(text: &str) -> u8 {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).take(20).collect();
    let score = |d: char| -> usize { lines.iter().map(|l| l.matches(d).count()).sum() };
    [b',', b'\t', b';'].into_iter().max_by_key(|d| (score(char::from(*d)), *d == b',')).unwrap_or(b',')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_named_as_users_name_them() {
        assert_eq!(a1(0, 0), "A1");
        assert_eq!(a1(6, 4), "E7");
        assert_eq!(a1(0, 25), "Z1");
        assert_eq!(a1(9, 26), "AA10");
        let grid = Grid { name: Some("Sheet 1".into()), ..Grid::default() };
        assert_eq!(grid.cell_name(6, 4), "'Sheet 1'!E7");
    }

    #[test]
    fn csv_in_each_encoding_reads_the_same() {
        let text = "填报单位,黄岗镇\n指标,本期完成\n产业帮扶覆盖脱贫户,353\n";
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(text.as_bytes());
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(text.replace(',', "\t").encode_utf16().flat_map(u16::to_le_bytes));
        for bytes in [text.as_bytes().to_vec(), gbk.into_owned(), bom, utf16] {
            let grid = csv(&bytes).unwrap();
            assert_eq!(grid.get(0, 1), &Value::Text("黄岗镇".into()));
            assert_eq!(grid.get(2, 1), &Value::Text("353".into()));
        }
        assert!(csv(b"\x81\x20\xff\xfe\x00").is_err());
    }

    /// Rows as a spreadsheet shows them: blank lines count, a line break
    /// inside a quoted cell does not, nor does a quote inside a cell.
    #[test]
    fn csv_rows_are_the_rows_a_spreadsheet_shows() {
        let text = "a,b\n\n\nc,\"two\nlines\"\nd,坚持\"三农\"\ne,5\r\n\r\nf,6\n";
        let grid = csv(text.as_bytes()).unwrap();
        let at = |s: &str| grid.cells.iter().find(|(_, v)| v.text() == Some(s)).map(|(k, _)| *k);
        assert_eq!(at("c"), Some((3, 0)));
        assert_eq!(at("d"), Some((4, 0)));
        assert_eq!(at("e"), Some((5, 0)));
        assert_eq!(at("f"), Some((7, 0)));
    }

    #[test]
    fn an_opendocument_date_is_a_date() {
        let d = chrono::NaiveDate::from_ymd_opt(2026, 10, 1).unwrap();
        assert_eq!(value(&Data::DateTimeIso("2026-10-01".into())), Value::Date(d));
        assert_eq!(value(&Data::DateTimeIso("2026-10-01T00:00:00".into())), Value::Date(d));
    }

    #[test]
    fn percent_formats() {
        assert!(shows_percent("0.0%"));
        assert!(shows_percent("0%"));
        assert!(!shows_percent("0.0\"%\""));
        assert!(!shows_percent("#,##0.00"));
    }
}
