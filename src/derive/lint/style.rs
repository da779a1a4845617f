//! What a 县委办 sends back first: half-width punctuation and straight
//! quotes in Chinese text, dates written as no document writes them
//! (2026年09月05日, 2026.8.8, 2026-8-8, 7月5号), impossible dates, a
//! month and day without a year that cannot lie in the period, headings
//! that end with a stop, a 报告 closing as a 汇报 does, and paragraphs
//! without their closing 。.
//!
//! Each finding is at its place in the file and says what to write; the
//! purely mechanical ones carry their edit, which `check --fix` applies.
//! Only string values are read (never keys or comments), and in them not
//! code spans, link targets, addresses or HTML. Every check reads each
//! line once: the whole lint is linear in the file's length.
//!
//! The rule for a date without a year (`12月20日`, "20 December"): in the
//! account of the work (the bodies of `progress`, `tasks` and `items`) it
//! must be able to lie between the period's first day and the later of
//! its last day and the document's date, in one of the period's years;
//! otherwise it is named, unless the text marks it as background (以来,
//! 自…起, 截至, "since") or as a deadline or plan (…前, 计划, 预计, 将,
//! 力争, "by", "before", "will"). `next_steps`, `problems` and the
//! opening are never checked for it: they name deadlines after the period
//! and background before it.

use std::ops::Range;
use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use regex::Regex;

use super::scan::{Scalar, Style};
use crate::base::diag::Severity;
use crate::base::lang::Lang;
use crate::base::msg::{Message, msg};
use crate::base::text::is_han;
use crate::data::DocKind;
use crate::data::period::{MONTH_NAMES, Period};

/// A fault found: where, what, what to do, and the edit that mends it
/// when that is mechanical.
#[derive(Clone, Debug)]
pub(crate) struct Fault {
    pub span: Range<usize>,
    pub severity: Severity,
    pub message: Message,
    /// The first hint is the same for every fault of a kind (the lint
    /// counts repeats by it); a second one may give this fault's fix.
    pub hints: Vec<Message>,
    /// Byte ranges of the text and what to write there.
    pub edits: Vec<(Range<usize>, String)>,
}

/// What the checks need to know of the document.
#[derive(Clone, Debug)]
pub(crate) struct Context {
    pub lang: Lang,
    pub doc_kind: DocKind,
    pub title: String,
    pub period: Option<Period>,
    pub date: Option<NaiveDate>,
    /// Whether the text of a `.md` file's body is read (its sections
    /// cannot be told apart: no date-without-year check there).
    pub markdown_file: bool,
}

/// One character of a value and where it is written (an escape takes
/// several bytes: `\"` is one `"`).
#[derive(Clone, Debug)]
struct Unit {
    c: char,
    at: Range<usize>,
}

/// A character that stands for an escape other than `\"` (or `\\`): not
/// text the checks read.
const OPAQUE: char = '\u{1A}';

/// Keys whose values are no prose: ids, codes, paths, dates, choices.
const NOT_PROSE: &[&str] = &[
    "id",
    "template",
    "lang",
    "paper",
    "date",
    "period",
    "due",
    "doc_kind",
    "charts",
    "better",
    "status",
    "metrics",
    "rank_by",
    "units",
    "previous_file",
    "image",
    "file",
    "path",
    "src",
    "collect",
    "doc_number",
    "level",
    "unit",
    "security",
    "urgency",
    "retention",
    "issue",
    "total_issue",
    "copies",
    "target",
    "actual",
    "previous",
    "last_year",
];

/// Keys of headings.
const HEADINGS: &[&str] = &["title"];

/// Keys whose values are paragraphs of Markdown.
const BODIES: &[&str] = &["body", "intro", "closing"];

/// The sections that give the account of the work.
const ACCOUNT: &[&str] = &["progress", "tasks", "items"];

/// A text to check: its lines of units, and what it is.
struct Prose {
    lines: Vec<Vec<Unit>>,
    heading: bool,
    body: bool,
    account: bool,
}

/// The faults of the string values `scalars` of `text`, and of the
/// Markdown body `body` (the byte range of a `.md` file's body), as
/// `context` asks.
pub(crate) fn faults(text: &str, scalars: &[Scalar], body: Option<Range<usize>>, context: &Context) -> Vec<Fault> {
    let mut texts: Vec<Prose> = Vec::new();
    for s in scalars {
        let key = s.key();
        // (Dates of fields: `printed_on`, `signed_date`.)
        if NOT_PROSE.contains(&key) || key.ends_with("_on") || key.ends_with("_date") {
            continue;
        }
        let lines = s.lines.iter().map(|r| units(text, r.clone(), s.style)).collect();
        texts.push(Prose {
            lines,
            heading: HEADINGS.contains(&key),
            body: BODIES.contains(&key),
            account: key == "body" && s.path.first().is_some_and(|k| ACCOUNT.contains(&k.as_str())),
        });
    }
    if let Some(body) = body {
        let mut lines = Vec::new();
        let mut start = body.start;
        for raw in text[body].split_inclusive('\n') {
            let line = raw.strip_suffix('\n').unwrap_or(raw);
            let line = line.strip_suffix('\r').unwrap_or(line);
            lines.push(units(text, start..start + line.len(), Style::Plain));
            start += raw.len();
        }
        texts.push(Prose { lines, heading: false, body: true, account: false });
    }
    let mut out = Vec::new();
    let zh = context.lang == Lang::Zh;
    for prose in &texts {
        let mut fence = false;
        let mut blocks: Vec<Vec<(&[Unit], Vec<bool>)>> = vec![Vec::new()];
        for line in &prose.lines {
            let s: String = line.iter().map(|u| u.c).collect();
            let trimmed = s.trim_start();
            if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
                fence = !fence;
                blocks.push(Vec::new());
                continue;
            }
            if fence || (prose.body && s.starts_with("    ")) {
                continue;
            }
            if s.trim().is_empty() {
                blocks.push(Vec::new());
                continue;
            }
            let masked = mask(&s, line);
            if zh {
                punctuation(line, &masked, &mut out);
                quotes(line, &masked, &mut out);
                zh_dates(&s, line, &masked, context, prose.account && !context.markdown_file, &mut out);
            } else if prose.account && !context.markdown_file {
                en_dates(&s, line, &masked, context, &mut out);
            }
            if prose.body && trimmed.starts_with('#') {
                if context.markdown_file {
                    heading_end(line, &masked, zh, &mut out);
                }
                blocks.push(Vec::new());
                continue;
            }
            if let Some(block) = blocks.last_mut() {
                block.push((line.as_slice(), masked));
            }
        }
        if prose.heading {
            for line in prose.lines.iter().rev().filter(|l| !l.is_empty()).take(1) {
                let s: String = line.iter().map(|u| u.c).collect();
                heading_end(line, &mask(&s, line), zh, &mut out);
            }
        }
        if prose.body && zh {
            for block in &blocks {
                unclosed_paragraph(block, &mut out);
            }
        }
    }
    if zh {
        closing_formula(&texts, scalars, context, &mut out);
    }
    out
}

/// The characters of `text[range]` as a value of `style` holds them.
fn units(text: &str, range: Range<usize>, style: Style) -> Vec<Unit> {
    let base = range.start;
    let s = &text[range];
    let mut out = Vec::with_capacity(s.len());
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let at = base + i;
        match (style, c) {
            (Style::Double, '\\') => {
                let next = chars.next();
                let len = 1 + next.map_or(0, |(_, n)| n.len_utf8());
                let shown = match next {
                    Some((_, '"')) => '"',
                    _ => OPAQUE,
                };
                out.push(Unit { c: shown, at: at..at + len });
            }
            (Style::Single, '\'') if chars.peek().is_some_and(|&(_, n)| n == '\'') => {
                chars.next();
                out.push(Unit { c: '\'', at: at..at + 2 });
            }
            _ => out.push(Unit { c, at: at..at + c.len_utf8() }),
        }
    }
    out
}

/// Which units of a line are no prose: code spans, link targets, HTML tags
/// and autolinks, Markdown escapes, addresses, reference definitions.
fn mask(s: &str, line: &[Unit]) -> Vec<bool> {
    let mut ranges: Vec<Range<usize>> = Vec::new();
    let b = s.as_bytes();
    if s.trim_start().starts_with('[') && s.contains("]:") {
        ranges.push(0..s.len());
    }
    // Code spans: a run of backticks to the next run as long.
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'`' {
            let start = i;
            while i < b.len() && b[i] == b'`' {
                i += 1;
            }
            runs.push((start, i - start));
        } else {
            i += 1;
        }
    }
    let mut next_of_len: std::collections::HashMap<usize, Vec<usize>> = std::collections::HashMap::new();
    for (k, (_, len)) in runs.iter().enumerate().rev() {
        next_of_len.entry(*len).or_default().push(k);
    }
    let mut k = 0;
    while k < runs.len() {
        let (start, len) = runs[k];
        let list = next_of_len.get_mut(&len);
        // Drop this run and earlier ones from its length's list.
        let close = list.and_then(|l| {
            while l.last().is_some_and(|&j| j <= k) {
                l.pop();
            }
            l.last().copied()
        });
        match close {
            Some(j) => {
                ranges.push(start..runs[j].0 + len);
                k = j + 1;
            }
            None => k += 1,
        }
    }
    // Link targets: `](` to the next `)`. Each search starts past the
    // last one's end, so a line is read once.
    let mut from = 0;
    while let Some(at) = s[from..].find("](").map(|i| from + i) {
        let Some(end) = s[at..].find(')').map(|e| at + e + 1) else {
            ranges.push(at + 1..s.len());
            break;
        };
        ranges.push(at + 1..end);
        from = end;
    }
    let mut from = 0;
    while let Some(at) = s[from..].find('<').map(|i| from + i) {
        let next = s[at + 1..].chars().next();
        if next.is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?')) {
            let Some(end) = s[at..].find('>') else { break };
            ranges.push(at..at + end + 1);
            from = at + end + 1;
        } else {
            from = at + 1;
        }
    }
    for (at, _) in s.match_indices('\\') {
        if s[at + 1..].starts_with(|c: char| c.is_ascii_punctuation()) {
            ranges.push(at..at + 2);
        }
    }
    ranges.extend(super::ADDRESSES.find_iter(s).map(|m| m.range()));
    let mut masked = vec![false; line.len()];
    if ranges.is_empty() {
        return masked;
    }
    let offsets = offsets(line);
    for r in ranges {
        let first = offsets.partition_point(|&x| x < r.start);
        let last = offsets.partition_point(|&x| x < r.end);
        for m in &mut masked[first..last] {
            *m = true;
        }
    }
    masked
}

/// Chinese text before a mark: a Han character or a closing mark.
fn zh_before(c: Option<char>) -> bool {
    c.is_some_and(|c| is_han(c) || "”’》）」』】〕％%…".contains(c))
}

/// Chinese text after a mark: a Han character or an opening mark.
fn zh_after(c: Option<char>) -> bool {
    c.is_some_and(|c| is_han(c) || "“‘《（「『【〔".contains(c))
}

fn full_width(c: char) -> char {
    match c {
        ',' => '，',
        ';' => '；',
        ':' => '：',
        '!' => '！',
        '?' => '？',
        '.' => '。',
        '(' => '（',
        ')' => '）',
        other => other,
    }
}

fn half_width_fault(u: &Unit, out: &mut Vec<Fault>) {
    let full = full_width(u.c);
    out.push(Fault {
        span: u.at.clone(),
        severity: Severity::Warning,
        message: msg!(StyleHalfWidth, c = u.c.to_string()),
        hints: vec![msg!(StyleHalfWidthHint, full = full.to_string())],
        edits: vec![(u.at.clone(), full.to_string())],
    });
}

/// Half-width `, ; : ! ? . ( )` after or before Chinese text, and `...`
/// for ……; not in numbers (3.5, 1,000, 14:30), words, or addresses.
fn punctuation(line: &[Unit], masked: &[bool], out: &mut Vec<Fault>) {
    let c = |i: usize| if masked[i] { None } else { Some(line[i].c) };
    let prev = |i: usize| if i == 0 { None } else { c(i - 1) };
    let next = |i: usize| if i + 1 < line.len() { c(i + 1) } else { None };
    let mut open: Vec<usize> = Vec::new();
    let mut pairs: Vec<(Option<usize>, Option<usize>)> = Vec::new();
    let mut i = 0;
    while i < line.len() {
        let Some(ch) = c(i) else {
            i += 1;
            continue;
        };
        match ch {
            ',' | ';' | ':' | '!' | '?' => {
                let (p, n) = (prev(i), next(i));
                let skip = (ch == '!' && n == Some('['))
                    || (ch == ':' && n == Some('/'))
                    || p.is_some_and(char::is_whitespace) && !zh_after(n);
                if !skip && (zh_before(p) || zh_after(n) && p.is_some()) {
                    half_width_fault(&line[i], out);
                }
            }
            '.' => {
                let mut end = i;
                while end + 1 < line.len() && c(end + 1) == Some('.') {
                    end += 1;
                }
                let (p, n) = (prev(i), next(end));
                if end > i {
                    if zh_before(p) || zh_after(n) {
                        let at = line[i].at.start..line[end].at.end;
                        let dots = ".".repeat(end - i + 1);
                        out.push(Fault {
                            span: at.clone(),
                            severity: Severity::Warning,
                            message: msg!(StyleDots, dots = dots.to_string()),
                            hints: vec![msg!(StyleDotsHint)],
                            edits: vec![(at, "……".into())],
                        });
                    }
                } else if zh_before(p) && !n.is_some_and(|n| n.is_ascii_alphanumeric()) {
                    half_width_fault(&line[i], out);
                }
                i = end + 1;
                continue;
            }
            '(' => open.push(i),
            ')' => pairs.push((open.pop(), Some(i))),
            _ => {}
        }
        i += 1;
    }
    pairs.extend(open.into_iter().map(|o| (Some(o), None)));
    let near = |i: usize| zh_before(prev(i)) || zh_after(next(i));
    let mut brackets: Vec<usize> = Vec::new();
    for (o, cl) in pairs {
        if o.is_some_and(near) || cl.is_some_and(near) {
            brackets.extend(o);
            brackets.extend(cl);
        }
    }
    for b in brackets {
        half_width_fault(&line[b], out);
    }
}

/// Straight quotes in Chinese text: "三农" for “三农”, '…' for ‘…’,
/// paired on their line. Apostrophes in words (it's) are no quotes.
fn quotes(line: &[Unit], masked: &[bool], out: &mut Vec<Fault>) {
    for (quote, open, close) in [('"', '“', '”'), ('\'', '‘', '’')] {
        let found: Vec<usize> = (0..line.len())
            .filter(|&i| !masked[i] && line[i].c == quote)
            .filter(|&i| {
                let p = i.checked_sub(1).map(|j| line[j].c);
                let n = line.get(i + 1).map(|u| u.c);
                !(p.is_some_and(|p| p.is_ascii_alphanumeric()) && n.is_some_and(|n| n.is_ascii_alphanumeric()))
            })
            .collect();
        if found.is_empty() {
            continue;
        }
        let chinese = |from: usize, to: usize| {
            line[from.saturating_sub(1)..(to + 2).min(line.len())].iter().any(|u| is_han(u.c) || zh_after(Some(u.c)))
        };
        if found.len() % 2 == 1 {
            let at = found[found.len() - 1];
            if chinese(at, at) {
                out.push(Fault {
                    span: line[at].at.clone(),
                    severity: Severity::Warning,
                    message: msg!(StyleUnpairedQuote, quote = quote.to_string()),
                    hints: vec![msg!(StyleQuotesPairHint)],
                    edits: Vec::new(),
                });
            }
            continue;
        }
        for pair in found.chunks(2) {
            let (a, b) = (pair[0], pair[1]);
            if !chinese(a, b) {
                continue;
            }
            // Single quotes are for a quote inside a quote: outside one,
            // '三清一改' is “三清一改”.
            let inside = |at: usize| {
                let before = &line[..at];
                let count = |c: char| before.iter().filter(|u| u.c == c).count();
                count('“') > count('”') || count('"') % 2 == 1
            };
            let (open, close) = if quote == '\'' && !inside(a) { ('“', '”') } else { (open, close) };
            let inner: String = line[a + 1..b].iter().map(|u| u.c).collect();
            out.push(Fault {
                span: line[a].at.start..line[b].at.end,
                severity: Severity::Warning,
                message: msg!(StyleStraightQuotes, quote = quote.to_string(), inner = inner.to_string()),
                hints: vec![
                    msg!(StyleQuotesHint),
                    msg!(StyleWriteQuoted, fixed = format!("{}{}{}", open, inner, close)),
                ],
                edits: vec![(line[a].at.clone(), open.to_string()), (line[b].at.clone(), close.to_string())],
            });
        }
    }
}

/// 2026年9月5日, 2026年09月, 9月5号: year (optional), month, and day
/// with 日 or 号 (optional).
static ZH_DATE: LazyLock<Regex> = LazyLock::new(|| super::re(r"(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})([日号]))?"));
/// 2026.8.8, 2026-8-8, 2026/8/8.
static NUMERIC_DATE: LazyLock<Regex> = LazyLock::new(|| super::re(r"((?:19|20)\d\d)([./-])(\d{1,2})([./-])(\d{1,2})"));

/// What follows 号 when it is no day: 5号文件, 3号楼.
const NOT_DAY_AFTER_HAO: &str = "文楼院线令车房门室床机窗台";

/// The days of a month (of `year`, or of any year: 29 for February).
fn days_in(year: Option<i32>, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => match year {
            Some(y) if NaiveDate::from_ymd_opt(y, 2, 29).is_none() => 28,
            _ => 29,
        },
        _ => 0,
    }
}

/// The byte offset of each unit in the line's text (its characters).
fn offsets(line: &[Unit]) -> Vec<usize> {
    let mut out = Vec::with_capacity(line.len());
    let mut o = 0;
    for u in line {
        out.push(o);
        o += u.c.len_utf8();
    }
    out
}

/// A line of units and the units' byte offsets in its text.
struct Chars<'a> {
    line: &'a [Unit],
    offsets: Vec<usize>,
}

impl<'a> Chars<'a> {
    fn new(line: &'a [Unit]) -> Self {
        Chars { line, offsets: offsets(line) }
    }

    /// Byte offset in the text → index of the unit there.
    fn unit_at(&self, byte: usize) -> usize {
        self.offsets.partition_point(|&o| o <= byte).saturating_sub(1).min(self.line.len().saturating_sub(1))
    }

    /// The span in the file of `s[range]`.
    fn span_of(&self, range: &Range<usize>) -> Range<usize> {
        let first = self.unit_at(range.start);
        let last = self.unit_at(range.end.saturating_sub(1).max(range.start));
        self.line[first].at.start..self.line[last].at.end
    }
}

/// Dates of Chinese text: zero padding, 号, impossible dates, numeric
/// dates, and (in the account of the work) a month and day that cannot
/// lie in the period.
fn zh_dates(s: &str, line: &[Unit], masked: &[bool], context: &Context, account: bool, out: &mut Vec<Fault>) {
    let t = Chars::new(line);
    let is_masked = |r: &Range<usize>| masked[t.unit_at(r.start)];
    for c in ZH_DATE.captures_iter(s) {
        let whole = c.get(0).map_or(0..0, |m| m.range());
        let (year, month, day, mark) = (c.get(1), c.get(2), c.get(3), c.get(4));
        let Some(month) = month else { continue };
        if (year.is_none() && day.is_none()) || is_masked(&whole) {
            continue;
        }
        if s[..whole.start].ends_with(|p: char| p.is_ascii_digit()) {
            continue;
        }
        let found = &s[whole.clone()];
        let span = t.span_of(&whole);
        let y = year.and_then(|y| y.as_str().parse::<i32>().ok());
        let m: u32 = month.as_str().parse().unwrap_or(0);
        let d: Option<u32> = day.and_then(|d| d.as_str().parse().ok());
        let mut fixed = String::new();
        if let Some(y) = year {
            fixed.push_str(y.as_str());
            fixed.push('年');
        }
        fixed.push_str(&m.to_string());
        fixed.push('月');
        if let Some(d) = d {
            fixed.push_str(&d.to_string());
            fixed.push('日');
        }
        let mut edits = Vec::new();
        for part in [Some(month), day].into_iter().flatten() {
            if part.as_str().len() == 2 && part.as_str().starts_with('0') {
                let digits = part.as_str().trim_start_matches('0');
                if !digits.is_empty() {
                    edits.push((t.span_of(&part.range()), digits.to_owned()));
                }
            }
        }
        if !edits.is_empty() {
            out.push(Fault {
                span: span.clone(),
                severity: Severity::Warning,
                message: msg!(StyleLeadingZero, found = found.to_string()),
                hints: vec![msg!(StyleLeadingZeroHint), msg!(StyleWrite, fixed = fixed.to_string())],
                edits,
            });
        }
        if let Some(mark) = mark.filter(|m| m.as_str() == "号")
            && !s[whole.end..].starts_with(|n: char| NOT_DAY_AFTER_HAO.contains(n))
        {
            out.push(Fault {
                span: span.clone(),
                severity: Severity::Warning,
                message: msg!(StyleHao, found = found.to_string()),
                hints: vec![msg!(StyleHaoHint), msg!(StyleWrite, fixed = fixed.to_string())],
                edits: vec![(t.span_of(&mark.range()), "日".into())],
            });
        }
        let known_year = y;
        let impossible = !(1..=12).contains(&m) || d.is_some_and(|d| d == 0 || d > days_in(known_year, m));
        if impossible {
            let why = if !(1..=12).contains(&m) {
                msg!(StyleNoMonth, m = m)
            } else if d == Some(0) {
                msg!(StyleNoDayZero)
            } else {
                msg!(StyleMonthDays, m = m, days = days_in(known_year, m))
            };
            out.push(Fault {
                span: span.clone(),
                severity: Severity::Error,
                message: msg!(StyleNotADate, found = found.to_string(), why = why),
                hints: vec![msg!(StyleCheckDate)],
                edits: Vec::new(),
            });
            continue;
        }
        if account
            && year.is_none()
            && let Some(d) = d
        {
            without_year(s, &whole, span, found, m, d, context, out);
        }
    }
    for c in NUMERIC_DATE.captures_iter(s) {
        let whole = c.get(0).map_or(0..0, |m| m.range());
        // A value that is a date alone is a field's, not prose.
        if c[2] != c[4] || is_masked(&whole) || s.trim() == &c[0] {
            continue;
        }
        let before = s[..whole.start].chars().next_back();
        let after = &s[whole.end..];
        let glued = before.is_some_and(|b| b.is_ascii_alphanumeric() || "./-_".contains(b))
            || after.starts_with(|a: char| a.is_ascii_digit())
            || (after.starts_with(['.', '/', '-']) && after[1..].starts_with(|a: char| a.is_ascii_alphanumeric()));
        if glued {
            continue;
        }
        let (m, d): (u32, u32) = (c[3].parse().unwrap_or(0), c[5].parse().unwrap_or(0));
        let fixed = format!("{}年{m}月{d}日", &c[1]);
        out.push(Fault {
            span: t.span_of(&whole),
            severity: Severity::Warning,
            message: msg!(StyleDateForm, found = c[0].to_string()),
            hints: vec![msg!(StyleDateFormHint), msg!(StyleWrite, fixed = fixed.to_string())],
            edits: Vec::new(),
        });
    }
}

/// Words before a date that make it background or a plan.
const NOT_DONE_BEFORE: &[&str] = &[
    "自",
    "从",
    "截至",
    "截止",
    "计划",
    "预计",
    "将于",
    "将在",
    "将",
    "力争",
    "争取",
    "确保",
    "拟",
    "定于",
    "since",
    "from",
    "as of",
    "until",
    "by",
    "before",
    "will",
    "planned for",
    "scheduled for",
    "due",
    "expected",
    "on or before",
];
/// Words after a date that make it background or a deadline.
const NOT_DONE_AFTER: &[&str] = &["以来", "起", "至今", "前", "之前", "以前", "截止"];

fn background_or_plan(s: &str, whole: &Range<usize>) -> bool {
    let before: String = s[..whole.start].chars().rev().take(14).collect::<Vec<_>>().into_iter().rev().collect();
    let before = before.to_lowercase();
    let before = before.trim_end_matches([' ', '，', ',']);
    let after = &s[whole.end..];
    NOT_DONE_BEFORE.iter().any(|w| before.ends_with(w)) || NOT_DONE_AFTER.iter().any(|w| after.starts_with(w))
}

/// A month and day without a year that lies neither in the period nor
/// between its end and the document's date, in one of its years.
#[allow(clippy::too_many_arguments)]
fn without_year(
    s: &str,
    whole: &Range<usize>,
    span: Range<usize>,
    found: &str,
    month: u32,
    day: u32,
    context: &Context,
    out: &mut Vec<Fault>,
) {
    let Some(period) = context.period else { return };
    if background_or_plan(s, whole) {
        return;
    }
    let last = context.date.map_or(period.end(), |d| d.max(period.end()));
    let years = [period.start().year(), period.end().year()];
    let fits = years
        .iter()
        .filter_map(|&y| NaiveDate::from_ymd_opt(y, month, day))
        .any(|date| period.start() <= date && date <= last);
    if fits {
        return;
    }
    out.push(Fault {
        span,
        severity: Severity::Warning,
        message: msg!(StyleNoYear, found = found.to_string(), period = period.to_string()),
        hints: vec![msg!(StyleNoYearHint)],
        edits: Vec::new(),
    });
}

/// "20 December", "December 20" without a year, in the account of the
/// work of an English document.
fn en_dates(s: &str, line: &[Unit], masked: &[bool], context: &Context, out: &mut Vec<Fault>) {
    let t = Chars::new(line);
    static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
        let months = MONTH_NAMES.join("|");
        super::re(&format!(r"\b(?:(\d{{1,2}}) ({months})|({months}) (\d{{1,2}}))\b"))
    });
    static YEAR_NEXT: LazyLock<Regex> = LazyLock::new(|| super::re(r"^,? (?:19|20)\d\d"));
    for c in DAY_MONTH.captures_iter(s) {
        let whole = c.get(0).map_or(0..0, |m| m.range());
        if masked[t.unit_at(whole.start)] || YEAR_NEXT.is_match(&s[whole.end..]) {
            continue;
        }
        if s[..whole.start].trim_end().ends_with(|p: char| p.is_ascii_digit()) {
            continue;
        }
        let (day, month) = match (c.get(1), c.get(2), c.get(3), c.get(4)) {
            (Some(d), Some(m), _, _) | (_, _, Some(m), Some(d)) => (d.as_str(), m.as_str()),
            _ => continue,
        };
        let Some(m) = MONTH_NAMES.iter().position(|n| *n == month) else { continue };
        let (m, d) = (u32::try_from(m + 1).unwrap_or(0), day.parse().unwrap_or(0));
        if d == 0 || d > days_in(None, m) {
            out.push(Fault {
                span: t.span_of(&whole),
                severity: Severity::Error,
                message: msg!(
                    StyleNotADate,
                    found = s[whole.clone()].to_string(),
                    why = if d == 0 {
                        msg!(StyleNoDayZero)
                    } else {
                        msg!(StyleMonthNameDays, month = month.to_string(), days = days_in(None, m))
                    }
                ),
                hints: vec![msg!(StyleCheckDate)],
                edits: Vec::new(),
            });
            continue;
        }
        without_year(s, &whole, t.span_of(&whole), &s[whole.clone()], m, d, context, out);
    }
}

/// English words that end with their own full stop.
const ABBREVIATIONS: &[&str] =
    &["etc.", "Co.", "Inc.", "Ltd.", "No.", "St.", "Jr.", "Sr.", "Dr.", "Mr.", "Mrs.", "Ms.", "vs.", "Corp.", "Bros."];

/// A heading that ends with a stop or a comma.
fn heading_end(line: &[Unit], masked: &[bool], zh: bool, out: &mut Vec<Fault>) {
    let Some(last) = (0..line.len()).rev().find(|&i| !line[i].c.is_whitespace()) else { return };
    if masked[last] {
        return;
    }
    let c = line[last].c;
    let bad = if zh { "。.，,；;" } else { ".,;" };
    if !bad.contains(c) {
        return;
    }
    if !zh && c == '.' {
        // An abbreviation: U.S., etc., Co.
        let text: String = line.iter().map(|u| u.c).collect();
        let word = text.trim_end().rsplit(' ').next().unwrap_or("");
        if ABBREVIATIONS.contains(&word) || word[..word.len() - 1].contains('.') {
            return;
        }
    }
    // The half-width rule's fault of the same stop ("." for "。") goes:
    // a heading takes none.
    out.retain(|f| f.span != line[last].at);
    out.push(Fault {
        span: line[last].at.clone(),
        severity: Severity::Warning,
        message: msg!(StyleHeadingStop, c = c.to_string()),
        hints: vec![msg!(StyleHeadingStopHint, c = c.to_string())],
        edits: vec![(line[last].at.clone(), String::new())],
    });
}

/// A paragraph of Chinese text that does not end with 。！？…… (or ；：),
/// a closing quote or bracket after them allowed.
fn unclosed_paragraph(block: &[(&[Unit], Vec<bool>)], out: &mut Vec<Fault>) {
    let Some((first, _)) = block.first() else { return };
    let head: String = first.iter().map(|u| u.c).collect();
    let head = head.trim_start();
    let not_paragraph = ["#", "|", ">", "<", "!", "[", "- ", "* ", "+ ", "---", "***", "___", "-\t"]
        .iter()
        .any(|p| head.starts_with(p))
        || head == "-"
        || ordered_item(head);
    if not_paragraph || !block.iter().any(|(l, _)| l.iter().any(|u| is_han(u.c))) {
        return;
    }
    let Some((line, masked)) = block.last() else { return };
    let mut end = line.len();
    // Trailing spaces, emphasis, a footnote reference, closing marks.
    let text: String = line.iter().map(|u| u.c).collect();
    if text.trim_end().ends_with(']')
        && let Some(at) = text.rfind("[^")
    {
        end = Chars::new(line).unit_at(at);
    }
    while end > 0 && (line[end - 1].c.is_whitespace() || "*_”’）)】」』》\"'".contains(line[end - 1].c)) {
        end -= 1;
    }
    // A note in brackets after the closing stop, as the templates write a
    // next step's owner and deadline: `…完成验收。（县农业农村局牵头，11月30日前）`.
    if text.trim_end().ends_with('）')
        && let Some(at) = text.rfind('（')
        && let Some(before) = Chars::new(line).unit_at(at).checked_sub(1)
        && "。！？…".contains(line[before].c)
        && !masked[before]
    {
        return;
    }
    let Some(last) = end.checked_sub(1) else { return };
    if masked[last] {
        // (A paragraph ending in an address, a link or code: left alone.)
        return;
    }
    if "。！？…；：.!?;:".contains(line[last].c) || line[last].c == OPAQUE {
        return;
    }
    out.push(Fault {
        span: line[last].at.clone(),
        severity: Severity::Warning,
        message: msg!(StyleNoClosingStop),
        hints: vec![msg!(StyleNoClosingStopHint)],
        edits: Vec::new(),
    });
}

/// `1. ` or `1) ` at the start: an item of an ordered list.
fn ordered_item(head: &str) -> bool {
    let digits = head.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && matches!(&head.as_bytes()[digits..], [b'.' | b')', b' ' | b'\t', ..] | [b'.' | b')'])
}

/// The closing formulas of a 汇报 and of a 报告.
const BRIEFING_FORMULA: &str = "请批评指正";
const REPORT_FORMULA: &str = "特此报告";

/// A document closing with the other kind's formula: a 报告 (by
/// `doc_kind` or by its title) with 以上汇报，不当之处，请批评指正。, a 汇报
/// with 特此报告。, written in the text or added by the template for the
/// `doc_kind` given. A title ending in 汇报 with `doc_kind: report` written
/// is a 汇报 sent in writing, which may close with 特此报告。.
fn closing_formula(texts: &[Prose], scalars: &[Scalar], context: &Context, out: &mut Vec<Fault>) {
    let title = context.title.trim_end();
    let (titled_report, titled_briefing) = (title.ends_with("报告"), title.ends_with("汇报"));
    let kind = context.doc_kind;
    let kind_written = scalars.iter().any(|s| s.path == ["doc_kind"]);
    let (wrong, message, hint, template_closes_wrong) =
        if (kind == DocKind::Briefing && !titled_report) || (titled_briefing && !kind_written) {
            let template = kind == DocKind::Report;
            (REPORT_FORMULA, msg!(StyleBriefingClosing), msg!(StyleBriefingClosingHint), template)
        } else if titled_report || (kind == DocKind::Report && !titled_briefing) {
            let template = titled_report && kind == DocKind::Briefing;
            (BRIEFING_FORMULA, msg!(StyleReportClosing), msg!(StyleReportClosingHint), template)
        } else {
            return;
        };
    let fault = |span| Fault {
        span,
        severity: Severity::Warning,
        message: message.clone(),
        hints: vec![hint.clone()],
        edits: Vec::new(),
    };
    for prose in texts {
        for line in &prose.lines {
            let s: String = line.iter().map(|u| u.c).collect();
            if let Some(at) = s.find(wrong) {
                out.push(fault(Chars::new(line).span_of(&(at..at + wrong.len()))));
                return;
            }
        }
    }
    // Not written, but the template closes so for the `doc_kind` given (or
    // left to its default, report): told at `doc_kind`, else at the title.
    let closing_written = scalars.iter().any(|s| s.path == ["closing"]);
    if template_closes_wrong && !context.markdown_file && !closing_written {
        let line_of = |key: &str| scalars.iter().find(|s| s.path == [key]).and_then(|s| s.lines.first().cloned());
        if let Some(at) = line_of("doc_kind").or_else(|| line_of("title")) {
            out.push(fault(at));
        }
    }
}

/// Whether `new` differs from `old` only as the edits of this module
/// change a text: full-width for half-width marks, curly for straight
/// quotes, …… for dots, 日 for 号, no leading 0 in a month or day, no stop
/// at the end of a heading.
pub(crate) fn same_text(old: &str, new: &str) -> bool {
    canonical(old) == canonical(new)
}

fn canonical(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        let c = match c {
            '，' => ',',
            '；' => ';',
            '：' => ':',
            '！' => '!',
            '？' => '?',
            '。' | '…' => '.',
            '（' => '(',
            '）' => ')',
            // Single quotes outside a quote become double ones.
            '“' | '”' | '‘' | '’' | '\'' => '"',
            '号' => '日',
            other => other,
        };
        let padding = c == '0'
            && !i.checked_sub(1).and_then(|p| chars.get(p)).is_some_and(char::is_ascii_digit)
            && chars.get(i + 1).is_some_and(char::is_ascii_digit)
            && chars.get(i + 2).is_some_and(|n| matches!(n, '月' | '日' | '号'));
        if padding || (c == '.' && out.ends_with('.')) {
            continue;
        }
        out.push(c);
    }
    // A heading's (a title's) stop at its end is removed.
    let kept = out.trim_end_matches(|c: char| c.is_whitespace() || ".,;".contains(c)).len();
    out.truncate(kept);
    out
}
