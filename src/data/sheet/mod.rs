//! A unit's return as a spreadsheet (.xlsx, .xlsm, .xls, .ods, .csv): found
//! by its labels, not by fixed cells, and read into the same [`Document`]
//! a YAML return becomes.
//!
//! The sheet read is the first whose first rows hold a header row: a cell
//! naming the metric (指标 / Metric, or its id) and one naming a figure
//! (本期完成, 年度目标 … / Actual, Target …), columns in any order, title
//! rows and merged cells above, a 合计 row, notes and blank rows below.
//! The unit is the 填报单位 cell's, else the file's name; the period is the
//! 报送期间 cell's, when there is one. A metric row is matched to the
//! bulletin's `collect:` by its id, else by its label (exact, then close,
//! with a warning); a figure is read from a number, or from text when that
//! is unambiguous ([`number`]).

mod grid;
mod number;
pub mod words;

use crate::base::msg::{List, Message, msg};
use std::collections::BTreeMap;
use std::path::Path;

use self::grid::{Grid, Value};
pub use self::grid::{Kind, a1};
use self::number::Figure;
use self::words::{Column, PERIOD_LABELS, UNIT_LABELS, normalise};
use super::{Collected, DataError, Document, Fields, Id, Lang, Metric, NoFields, Number, Period, Text};
use crate::base::diag::Diagnostic;

/// What the bulletin asks of a return: what it is matched against.
#[derive(Clone, Copy, Debug)]
pub struct Asked<'a> {
    /// The bulletin's language (the return's document is in it).
    pub lang: Lang,
    /// The metrics collected; none: the sheet's ids are taken as they are.
    pub collect: &'a [Collected],
    /// The targets assigned, per unit and metric id (a percentage's
    /// fraction is told by them where the file has no formats).
    pub targets: &'a BTreeMap<String, BTreeMap<Id, Number>>,
}

/// A return read from a spreadsheet.
#[derive(Clone, Debug)]
pub struct SheetReturn {
    /// The return as a document of the common contract.
    pub doc: Document,
    /// What was read but should be looked at (a close match of a label, a
    /// row that is no collected metric, a guessed percentage).
    pub warnings: Vec<Diagnostic>,
    /// Where each metric's row is, by id: the cell of its label (`Sheet1!B5`);
    /// by `id#unit`, `id#target`, `id#actual` and `id#previous`, the cells
    /// of its unit and target (where written) and its figures; by
    /// [`UNIT_PLACE`], the cell that names the unit (填报单位).
    pub places: BTreeMap<String, String>,
}

/// How many unreadable cells besides the first an error names.
const MAX_NAMED: usize = 9;

/// How many rows from the top a header row is looked for in.
const HEADER_ROWS: u32 = 40;

/// Reads a return from the bytes of the spreadsheet at `path`.
///
/// # Errors
/// A [`DataError`] naming the file, and the sheet and cell where one is at
/// fault: the file cannot be read, no sheet has a header row, a figure is
/// not a number, a metric is given twice.
pub fn read(path: &Path, bytes: Vec<u8>, asked: &Asked<'_>) -> Result<SheetReturn, DataError> {
    let fail = |message: Message, hint: Message| {
        DataError::new(Diagnostic::error(message).in_file(path).hint(hint).or_lang(asked.lang))
    };
    let mut kind = Kind::of(path).ok_or_else(|| fail(msg!(NotASpreadsheet), msg!(ReturnKinds)))?;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(fail(msg!(SpreadsheetEmpty), msg!(SaveAgainAsXlsx)));
    }
    // A workbook's name on a CSV text (as some systems export one): read
    // as the CSV it is, with a warning.
    let disguised = kind != Kind::Csv && grid::is_text(&bytes);
    if disguised {
        kind = Kind::Csv;
    }
    let grids =
        grid::read(kind, bytes).map_err(|why| fail(msg!(SheetFileUnreadable, why = why), msg!(SaveAgainAsXlsx)))?;
    // The return is the first visible sheet with a header row (a hidden
    // one only when no visible sheet has one); other visible sheets with
    // one are warned of, not read.
    let tables: Vec<(&Grid, Header)> = grids.iter().filter_map(|g| find_header(g).map(|h| (g, h))).collect();
    let chosen = tables.iter().position(|(g, _)| !g.hidden).or((!tables.is_empty()).then_some(0));
    let Some((grid, header)) = chosen.map(|i| &tables[i]) else {
        let names: Vec<String> = [Column::Label, Column::Actual]
            .into_iter()
            .map(|word| {
                let (en, zh) = word.words();
                format!("{} / {}", zh[0], en[0])
            })
            .collect();
        let mut error = fail(msg!(NoHeaderRow), msg!(NeedsHeaderRow, headings = List(names)));
        if grids.iter().any(|g| g.cut) {
            let cut = msg!(SheetCut, rows = grid::MAX_ROWS, columns = grid::MAX_COLUMNS);
            error = DataError::new(error.diagnostic().clone().hint(cut).hint(msg!(SheetCutHint)));
        }
        return Err(error);
    };
    let mut reading =
        Reading { path, grid, header, asked, warnings: Vec::new(), unreadable: Vec::new(), uncollected: 0 };
    let first_column = |h: &Header| h.columns.values().copied().min().unwrap_or(0);
    let sheet = || grid.name.clone().unwrap_or_default();
    if grid.hidden {
        reading.warn(header.row, first_column(header), msg!(HiddenSheetRead, sheet = sheet()), msg!(ShowTheSheet));
    }
    if grid.cut {
        reading.warnings.push(
            Diagnostic::warning(msg!(SheetCut, rows = grid::MAX_ROWS, columns = grid::MAX_COLUMNS))
                .in_file(path)
                .hint(msg!(SheetCutHint))
                .or_lang(asked.lang),
        );
    }
    if disguised {
        reading.warnings.push(
            Diagnostic::warning(msg!(CsvNamedAsWorkbook)).in_file(path).hint(msg!(SaveAgainAsXlsx)).or_lang(asked.lang),
        );
    }
    for (other, h) in tables.iter().filter(|(g, _)| !g.hidden && !std::ptr::eq(*g, *grid)) {
        let cell = other.cell_name(h.row, first_column(h));
        reading.warnings.push(
            Diagnostic::warning(msg!(
                OtherSheetNotRead,
                cell = cell,
                sheet = other.name.clone().unwrap_or_default(),
                read = sheet()
            ))
            .in_file(path)
            .hint(msg!(OneSheetPerReturn))
            .or_lang(asked.lang),
        );
    }
    reading.read()
}

/// The unit a spreadsheet names in its 填报单位 cell, for a return that
/// cannot be rolled up (a figure that is no number, the wrong period): so
/// that the bulletin names the unit, not the file, and does not call it
/// one that sent nothing. None when the file cannot be read at all.
pub fn unit_named(path: &Path, bytes: Vec<u8>, lang: Lang) -> Option<String> {
    let grids = grid::read(Kind::of(path)?, bytes).ok()?;
    let targets = BTreeMap::new();
    let asked = Asked { lang, collect: &[], targets: &targets };
    let visible_first = grids.iter().filter(|g| !g.hidden).chain(grids.iter().filter(|g| g.hidden));
    // The 填报单位 cell is looked for above a header row, or at the top of a
    // sheet that has none (a table too far down to be read).
    let top = Header { row: 0, columns: BTreeMap::new(), twice: None };
    visible_first.map(|grid| (grid, find_header(grid).unwrap_or_else(|| top.clone()))).find_map(|(grid, header)| {
        let reading = Reading {
            path,
            grid,
            header: &header,
            asked: &asked,
            warnings: Vec::new(),
            unreadable: Vec::new(),
            uncollected: 0,
        };
        match reading.labelled_cell(UNIT_LABELS) {
            Some((Value::Text(t), _, _)) => Some(t.trim().to_owned()).filter(|t| !t.is_empty()),
            _ => None,
        }
    })
}

/// The header row: where it is and which column holds what.
#[derive(Clone, Debug)]
struct Header {
    row: u32,
    columns: BTreeMap<Column, u32>,
    /// A figure column two headings name alike (本月完成 and 累计完成, 1-9月累计完成
    /// and 1-10月累计完成): its role and the two columns. Which one the unit
    /// meant cannot be known, so the return is refused naming both.
    twice: Option<(Column, u32, u32)>,
}

/// The first row, among the first [`HEADER_ROWS`], that names a metric
/// column (label or id) and a figure column (actual or target). A heading
/// merged down from the row above counts as this row's.
fn find_header(grid: &Grid) -> Option<Header> {
    let last = grid.last_row()?.min(HEADER_ROWS);
    for row in 0..=last {
        let mut columns = BTreeMap::new();
        // Each role's column, and whether its heading is one of the role's
        // own words (累计完成) or only holds one (本月完成).
        let mut exact: BTreeMap<Column, bool> = BTreeMap::new();
        let mut twice = None;
        for column in 0..grid::MAX_COLUMNS {
            let text = grid.get(row, column).text().or_else(|| {
                // A heading merged over two rows keeps its text in the upper one.
                (row > 0).then(|| grid.get(row - 1, column).text()).flatten().filter(|t| classify(t).is_some())
            });
            let Some((role, own)) = text.and_then(classify_how) else { continue };
            match (columns.get(&role).copied(), exact.get(&role).copied()) {
                (None, _) => {
                    columns.insert(role, column);
                    exact.insert(role, own);
                }
                // An own word wins over a heading that only holds one.
                (Some(_), Some(false)) if own => {
                    columns.insert(role, column);
                    exact.insert(role, own);
                    twice = twice.filter(|&(r, _, _)| r != role);
                }
                (Some(first), Some(first_own)) if own == first_own && role.is_figure() => {
                    twice = twice.or(Some((role, first, column)));
                }
                _ => {}
            }
        }
        let names = columns.contains_key(&Column::Label) || columns.contains_key(&Column::Id);
        let figures = columns.contains_key(&Column::Actual) || columns.contains_key(&Column::Target);
        if names && figures {
            // A heading over a group of columns (对比数 over 上期 and 去年同期)
            // has the group's own headings in the row below.
            let mut row = row;
            let below: Vec<(Column, u32)> = (0..grid::MAX_COLUMNS)
                .filter_map(|c| grid.get(row + 1, c).text().and_then(classify).map(|role| (role, c)))
                .filter(|(role, c)| !columns.contains_key(role) && !columns.values().any(|v| v == c))
                .collect();
            if !below.is_empty() {
                columns.extend(below);
                row += 1;
            }
            return Some(Header { row, columns, twice });
        }
    }
    None
}

/// What a column heading names, if it names one of ours: an exact word
/// first, then a word it contains (a rate or a note column is none).
fn classify(heading: &str) -> Option<Column> {
    classify_how(heading).map(|(column, _)| column)
}

/// [`classify`], and whether the heading is one of the column's own words.
fn classify_how(heading: &str) -> Option<(Column, bool)> {
    let n = normalise(heading);
    if n.is_empty() {
        return None;
    }
    for column in Column::ALL {
        let (en, zh) = column.words();
        if en.iter().chain(zh).any(|w| normalise(w) == n) {
            return Some((column, true));
        }
    }
    const NONE: [&str; 8] = ["完成率", "rate", "率", "备注", "note", "remark", "排名", "rank"];
    if NONE.iter().any(|w| n.contains(w)) {
        return None;
    }
    const CONTAINED: [(Column, &[&str]); 5] = [
        (Column::LastYear, &["同期", "lastyear", "yearago"]),
        (Column::Previous, &["上期", "上月", "previous", "lastperiod", "lastmonth"]),
        (Column::Target, &["目标", "任务", "计划", "target", "goal"]),
        (Column::Actual, &["完成", "实际", "本期", "actual", "achieved", "completed"]),
        (Column::Label, &["指标", "项目", "名称", "metric", "indicator"]),
    ];
    CONTAINED.iter().find(|(_, words)| words.iter().any(|w| n.contains(w))).map(|(c, _)| (*c, false))
}

/// The key of `places` for where the return names its unit: no metric id
/// has a `#`.
pub const UNIT_PLACE: &str = "#organization";

/// The figures of a row: each with its column's role and place.
type RowFigures = Vec<((Column, u32), Option<Figure>)>;

/// One return being read.
struct Reading<'a> {
    path: &'a Path,
    grid: &'a Grid,
    header: &'a Header,
    asked: &'a Asked<'a>,
    warnings: Vec<Diagnostic>,
    /// The cells that are no figure, each with why: the return is refused
    /// naming them all.
    unreadable: Vec<Message>,
    /// Rows with figures that are no metric the bulletin collects: the
    /// first [`MAX_ROW_WARNINGS`] are warned of one by one, the rest counted.
    uncollected: usize,
}

/// How many rows that are no collected metric a return's warnings name.
const MAX_ROW_WARNINGS: usize = 20;

impl Reading<'_> {
    fn read(mut self) -> Result<SheetReturn, DataError> {
        if let Some((role, first, second)) = self.header.twice {
            let row = self.header.row;
            let heading = |column: u32| self.grid.get(row, column).text().unwrap_or_default().trim().to_owned();
            let (en, zh) = role.words();
            let form = if self.asked.lang == Lang::Zh { zh[0] } else { en[0] };
            let message = msg!(
                TwoColumnsAlike,
                first = self.grid.cell_name(row, first),
                first_heading = heading(first),
                second = self.grid.cell_name(row, second),
                second_heading = heading(second),
                role = form
            );
            return Err(DataError::new(
                Diagnostic::error(message)
                    .in_file(self.path)
                    .or_lang(self.asked.lang)
                    .hint(msg!(KeepOneColumn, role = form)),
            ));
        }
        let unit_cell = self.labelled_cell(UNIT_LABELS);
        let unit = match &unit_cell {
            Some((Value::Text(t), _, _)) => Some(t.trim().to_owned()),
            _ => None,
        };
        let unit = unit.unwrap_or_else(|| {
            self.path.file_stem().map_or_else(String::new, |s| s.to_string_lossy().trim().to_owned())
        });
        let period = match self.labelled_cell(PERIOD_LABELS) {
            None => None,
            Some((value, row, column)) => Some(self.period(&value, row, column)?),
        };
        let (metrics, mut places) = self.metrics(&unit)?;
        if let Some(more) = self.uncollected.checked_sub(MAX_ROW_WARNINGS).filter(|&n| n > 0) {
            self.warnings.push(
                Diagnostic::warning(msg!(MoreRowsNotCollected, count = more))
                    .in_file(self.path)
                    .or_lang(self.asked.lang),
            );
        }
        if let Some((_, row, column)) = unit_cell {
            places.insert(UNIT_PLACE.to_owned(), self.grid.cell_name(row, column));
        }
        if let Some((first, others)) = self.unreadable.split_first() {
            let mut diagnostic = Diagnostic::error(first.clone()).in_file(self.path).or_lang(self.asked.lang);
            for other in others.iter().take(MAX_NAMED) {
                diagnostic = diagnostic.hint(msg!(AlsoCell, text = other));
            }
            if others.len() > MAX_NAMED {
                diagnostic = diagnostic.hint(msg!(MoreCells, count = others.len() - MAX_NAMED));
            }
            return Err(DataError::new(diagnostic.hint(msg!(WriteFigureInDigits))));
        }
        // A form sent back as it came (its targets filled in by the office,
        // no figure of the unit's): no return, though it looks like one.
        if !metrics.is_empty() && metrics.iter().all(|m| m.actual.is_none()) {
            let (en, zh) = Column::Actual.words();
            let form = if self.asked.lang == Lang::Zh { zh[0] } else { en[0] };
            let heading =
                self.header.columns.get(&Column::Actual).and_then(|&c| self.grid.get(self.header.row, c).text());
            let heading = heading.map_or_else(|| form.to_owned(), |h| h.trim().to_owned());
            return Err(DataError::new(
                Diagnostic::error(msg!(NoActualFilledIn, column = heading))
                    .in_file(self.path)
                    .or_lang(self.asked.lang)
                    .hint(msg!(FillInAndResend)),
            ));
        }
        let doc = Document {
            path: self.path.to_path_buf(),
            template: "common".into(),
            lang: self.asked.lang,
            paper: super::Paper::default(),
            title: Text(unit.clone()),
            organization: Text(unit),
            joint: Vec::new(),
            recipient: None,
            date: None,
            period,
            doc_kind: super::DocKind::default(),
            intro: None,
            metrics,
            closing: None,
            attachments: Vec::new(),
            charts: None,
            previous_file: None,
            followups: Vec::new(),
            official: super::Official::default(),
            fields: Fields::Common(NoFields {}),
            extra: BTreeMap::new(),
        };
        Ok(SheetReturn { doc, warnings: self.warnings, places })
    }

    fn error(&self, row: u32, column: u32, message: Message, hint: Message) -> DataError {
        DataError::new(
            Diagnostic::error(msg!(AtCell, cell = self.grid.cell_name(row, column), text = message))
                .in_file(self.path)
                .hint(hint)
                .or_lang(self.asked.lang),
        )
    }

    fn warn(&mut self, row: u32, column: u32, message: Message, hint: Message) {
        self.warnings.push(
            Diagnostic::warning(msg!(AtCell, cell = self.grid.cell_name(row, column), text = message))
                .in_file(self.path)
                .hint(hint)
                .or_lang(self.asked.lang),
        );
    }

    /// Counts a row that is no collected metric; whether it is still one
    /// to warn of by itself.
    fn count_uncollected(&mut self) -> bool {
        self.uncollected += 1;
        self.uncollected <= MAX_ROW_WARNINGS
    }

    /// The cell given for a label, and where it is.
    fn labelled_cell(&self, labels: &[&str]) -> Option<(Value, u32, u32)> {
        let labels: Vec<String> = labels.iter().map(|l| normalise(l)).collect();
        for ((row, column), value) in &self.grid.cells {
            if *row > HEADER_ROWS.max(self.header.row) {
                break;
            }
            let Some(text) = value.text() else { continue };
            let n = normalise(text);
            let Some(label) = labels.iter().find(|l| n.starts_with(l.as_str())) else { continue };
            // The rest of the cell, after the label and a colon.
            let rest = after_label(text, label.chars().count());
            if !rest.is_empty() {
                return Some((Value::Text(rest), *row, *column));
            }
            for next in column + 1..(column + 5).min(grid::MAX_COLUMNS) {
                let value = self.grid.get(*row, next);
                // The next label of the row (报送期间 beside a 填报单位 left
                // blank) is no value of this one.
                if value.text().is_some_and(is_a_label) {
                    break;
                }
                if !value.is_blank() {
                    return Some((value.clone(), *row, next));
                }
            }
        }
        None
    }

    fn period(&self, value: &Value, row: u32, column: u32) -> Result<Period, DataError> {
        use chrono::Datelike as _;
        let hint = || msg!(WriteReturnPeriod);
        match value {
            // The first of a month written out as a date (2026/10/1, or
            // Oct-26, as a spreadsheet shows a month it made a date of) is
            // that month, as a date cell is.
            Value::Text(t) => match first_of_month(t) {
                Some(d) => Period::month(d.year(), d.month())
                    .ok_or_else(|| self.error(row, column, msg!(IsNotAPeriod), hint())),
                None => Period::parse_loose(t)
                    .ok_or_else(|| self.error(row, column, msg!(CellNotAPeriod, text = t.trim()), hint())),
            },
            // Excel makes a date of `2026-10` typed into a cell: its first day.
            Value::Date(d) if d.day() == 1 => {
                Period::month(d.year(), d.month()).ok_or_else(|| self.error(row, column, msg!(IsNotAPeriod), hint()))
            }
            Value::Date(d) => Ok(Period::day(*d)),
            Value::Number { value, .. } => Err(self.error(row, column, msg!(NumberNotAPeriod, value = *value), hint())),
            Value::Other(what) => Err(self.error(row, column, msg!(OtherNotAPeriod, what = what), hint())),
            Value::Empty => Err(self.error(row, column, msg!(CellIsEmpty), hint())),
            Value::Unsaved => Err(self.error(row, column, msg!(FormulaNotSaved), hint())),
        }
    }

    /// The metric rows under the header.
    fn metrics(&mut self, unit: &str) -> Result<(Vec<Metric>, BTreeMap<String, String>), DataError> {
        let columns = self.header.columns.clone();
        let at = |c: Column| columns.get(&c).copied();
        let name_column = at(Column::Label).or(at(Column::Id)).unwrap_or(0);
        if self.asked.collect.is_empty() && at(Column::Id).is_none() {
            return Err(self.error(self.header.row, name_column, msg!(NoIdColumn), msg!(AddCollectOrId)));
        }
        let assigned = self.asked.targets.get(unit);
        let mut metrics: Vec<Metric> = Vec::new();
        let mut places: BTreeMap<String, String> = BTreeMap::new();
        let last = self.grid.last_row().unwrap_or(0);
        for row in self.header.row + 1..=last {
            let id_text = at(Column::Id).and_then(|c| cell_text(self.grid.get(row, c)));
            let label_text = at(Column::Label).and_then(|c| cell_text(self.grid.get(row, c)));
            let Some(name) = label_text.clone().or_else(|| id_text.clone()) else { continue };
            if not_a_metric(&name) {
                continue;
            }
            let figures = self.figures(row);
            let has_figures = figures.iter().any(|(_, f)| f.is_some());
            // A row left blank gives no figure: nothing to roll up, or to warn of.
            if !has_figures {
                continue;
            }
            let Some((id, label, unit_of, better)) =
                self.matched(row, name_column, id_text.as_deref(), label_text.as_deref(), has_figures)?
            else {
                continue;
            };
            if let Some(first) = places.get(&id) {
                return Err(self.error(
                    row,
                    name_column,
                    msg!(MetricGivenAgain, id = id.as_str(), first = first),
                    msg!(OneRowPerMetric),
                ));
            }
            let stated_unit = at(Column::Unit).and_then(|c| cell_text(self.grid.get(row, c)));
            let unit_of = stated_unit.unwrap_or(unit_of);
            let target_assigned = assigned.and_then(|t| t.get(&Id(id.clone()))).map(|n| n.0);
            let mut metric = Metric {
                id: Id(id.clone()),
                label: Text(label),
                unit: unit_of.clone(),
                target: None,
                actual: None,
                previous: None,
                last_year: None,
                better,
            };
            let values = self.values(row, &unit_of, &figures, target_assigned)?;
            for (column, value) in values {
                let slot = match column {
                    Column::Target => &mut metric.target,
                    Column::Actual => &mut metric.actual,
                    Column::Previous => &mut metric.previous,
                    _ => &mut metric.last_year,
                };
                *slot = value.map(Number);
            }
            // Where the unit and the figures are written, for messages about them.
            for (column, key) in [
                (Column::Unit, "unit"),
                (Column::Target, "target"),
                (Column::Actual, "actual"),
                (Column::Previous, "previous"),
            ] {
                // An empty figure's cell is where it is missing.
                let figure = matches!(column, Column::Actual | Column::Previous);
                if let Some(c) = at(column).filter(|c| figure || !self.grid.get(row, *c).is_blank()) {
                    places.insert(format!("{id}#{key}"), self.grid.cell_name(row, c));
                }
            }
            places.insert(id, self.grid.cell_name(row, name_column));
            metrics.push(metric);
        }
        Ok((metrics, places))
    }

    /// The figure cells of a row, read.
    fn figures(&mut self, row: u32) -> RowFigures {
        let mut out = Vec::new();
        for column in [Column::Target, Column::Actual, Column::Previous, Column::LastYear] {
            let Some(&c) = self.header.columns.get(&column) else { continue };
            let figure = number::read(self.grid.get(row, c)).unwrap_or_else(|why| {
                self.unreadable.push(msg!(AtCell, cell = self.grid.cell_name(row, c), text = why));
                None
            });
            out.push(((column, c), figure));
        }
        out
    }

    /// The figures of a metric row in the metric's own unit: percentages
    /// of a `%` metric as their number (36.5), amounts in 万 or 亿 as whole
    /// amounts.
    fn values(
        &mut self,
        row: u32,
        unit: &str,
        figures: &RowFigures,
        assigned: Option<f64>,
    ) -> Result<Vec<(Column, Option<f64>)>, DataError> {
        let percent_metric = crate::base::text::is_percent(unit);
        // A fraction among figures above 1.5 (or under an assigned target
        // above 1.5) was a percentage cell: without formats (.csv, .ods,
        // .xls) the format is lost, and in an .xlsx the writer typed the
        // fraction into a plain cell (0.585 beside a previous 55).
        let big = figures.iter().any(|(_, f)| matches!(f, Some(Figure::Plain(v)) if v.abs() > 1.5))
            || assigned.is_some_and(|t| t > 1.5);
        let mut out = Vec::new();
        for &((column, c), figure) in figures {
            let value = match figure {
                None => None,
                Some(Figure::Plain(v)) if percent_metric && big && v.abs() <= 1.0 && v != 0.0 => {
                    self.warn(row, c, msg!(ReadAsPercent, value = v, percent = v * 100.0), msg!(PercentWrittenAs));
                    Some(v * 100.0)
                }
                Some(Figure::Plain(v)) => Some(v),
                Some(Figure::Percent(v)) if percent_metric => Some(v),
                Some(Figure::Percent(v)) => {
                    return Err(self.error(
                        row,
                        c,
                        if unit.is_empty() {
                            msg!(PercentButCount, value = v)
                        } else {
                            msg!(PercentButUnit, value = v, unit = unit)
                        },
                        msg!(WriteFigureNotShare),
                    ));
                }
                Some(Figure::Scaled(v)) => Some(v),
            };
            out.push((column, value.map(|v| (v * 1e9).round() / 1e9)));
        }
        Ok(out)
    }

    /// The collected metric a row gives: by id, else by label, exactly,
    /// then closely (warned). A row that is no collected metric but has
    /// figures is warned about and left out.
    fn matched(
        &mut self,
        row: u32,
        column: u32,
        id: Option<&str>,
        label: Option<&str>,
        has_figures: bool,
    ) -> Result<Option<(String, String, String, super::Better)>, DataError> {
        let collect = self.asked.collect;
        if collect.is_empty() {
            let id = id.unwrap_or_default().trim();
            let valid = id.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
            if !valid {
                if !has_figures {
                    return Ok(None);
                }
                return Err(self.error(row, column, msg!(CellBadId, id = id), msg!(IdRule)));
            }
            let label = label.map_or_else(|| id.to_owned(), str::to_owned);
            return Ok(Some((id.to_owned(), label, String::new(), super::Better::default())));
        }
        let found = |m: &&Collected| Some((m.id.0.clone(), m.label.to_string(), m.unit.clone(), m.better));
        if let Some(id) = id
            && let Some(m) = collect.iter().find(|m| m.id.0.eq_ignore_ascii_case(id.trim()))
        {
            return Ok(found(&m));
        }
        let Some(label) = label else {
            if has_figures && self.count_uncollected() {
                let ids: Vec<&str> = collect.iter().map(|m| m.id.0.as_str()).collect();
                self.warn(
                    row,
                    column,
                    msg!(IdNotCollected, id = id.unwrap_or_default()),
                    msg!(BulletinCollects, metrics = List(ids.iter().map(|i| (*i).to_owned()).collect())),
                );
            }
            return Ok(None);
        };
        let n = normalise(label);
        // A label cell that holds the id itself.
        if let Some(m) = collect.iter().find(|m| m.id.0.eq_ignore_ascii_case(label.trim())) {
            return Ok(found(&m));
        }
        if let Some(m) = collect.iter().find(|m| normalise(m.label.as_str()) == n) {
            return Ok(found(&m));
        }
        let close = collect
            .iter()
            .map(|m| (closeness(&n, &normalise(m.label.as_str())), m))
            .filter(|(score, _)| *score >= 0.8)
            .max_by(|a, b| a.0.total_cmp(&b.0));
        if let Some((_, m)) = close {
            self.warn(
                row,
                column,
                msg!(TakenFor, label = label.trim(), id = m.id.0.as_str(), known = m.label.to_string()),
                msg!(GiveTheLabel),
            );
            return Ok(found(&m));
        }
        if has_figures && self.count_uncollected() {
            let labels: Vec<String> = collect.iter().map(|m| m.label.to_string()).collect();
            self.warn(
                row,
                column,
                msg!(LabelNotCollected, label = label.trim()),
                msg!(BulletinCollects, metrics = List(labels)),
            );
        }
        Ok(None)
    }
}

/// How close two normalised labels are: 1 when one holds the other (and
/// is at least two characters), else their Jaro–Winkler similarity.
fn closeness(a: &str, b: &str) -> f64 {
    let short = a.chars().count().min(b.chars().count());
    if short >= 2 && (a.contains(b) || b.contains(a)) {
        return 0.95;
    }
    strsim::jaro_winkler(a, b)
}

/// The text of a cell that names something: its text, or a whole number
/// (an id typed as 1).
fn cell_text(value: &Value) -> Option<String> {
    match value {
        Value::Text(t) => Some(t.trim().to_owned()).filter(|t| !t.is_empty()),
        Value::Number { value, .. } if value.fract() == 0.0 => Some(format!("{value}")),
        _ => None,
    }
}

/// A row that names no metric: a total, a note, who filled it in.
fn not_a_metric(name: &str) -> bool {
    const WORDS: [&str; 16] = [
        "合计",
        "总计",
        "小计",
        "共计",
        "total",
        "sum",
        "填报说明",
        "说明",
        "注",
        "备注",
        "填报人",
        "审核人",
        "联系人",
        "联系电话",
        "填报日期",
        "notes",
    ];
    let n = normalise(name);
    WORDS.iter().any(|w| n.starts_with(w)) || n == "note"
}

/// The date a text writes, when it is the first of a month: `2026/10/1`,
/// `2026-10-01`, `2026.10.1`, `Oct-26`, `2026年10月1日`.
fn first_of_month(text: &str) -> Option<chrono::NaiveDate> {
    use chrono::{Datelike as _, NaiveDate};
    let t = text.trim();
    let date = ["%Y/%m/%d", "%Y-%m-%d", "%Y.%m.%d", "%Y年%m月%d日"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(t, f).ok())
        .or_else(|| NaiveDate::parse_from_str(&format!("1-{t}"), "%d-%b-%y").ok())?;
    (date.day() == 1).then_some(date)
}

/// Whether a cell's text is one of the form's labels: of the unit, the
/// period, or a column, or who filled it in.
fn is_a_label(text: &str) -> bool {
    let n = normalise(text);
    let column_word = Column::ALL.iter().any(|c| {
        let (en, zh) = c.words();
        en.iter().chain(zh).any(|w| normalise(w) == n)
    });
    UNIT_LABELS.iter().chain(PERIOD_LABELS).any(|l| n.starts_with(&normalise(l))) || column_word || not_a_metric(text)
}

/// The text after a label and its colon in one cell ("填报单位：黄岗镇").
fn after_label(text: &str, label_chars: usize) -> String {
    // The label was matched on the normalised text: skip as many of the
    // label's characters as the cell spends on them, spaces included.
    let mut seen = 0;
    let mut rest = text;
    for (i, c) in text.char_indices() {
        if seen == label_chars {
            rest = &text[i..];
            break;
        }
        if c.is_alphanumeric() {
            seen += 1;
        }
        rest = &text[i + c.len_utf8()..];
    }
    rest.trim().trim_start_matches([':', '：']).trim().to_owned()
}

#[cfg(test)]
mod tests;
