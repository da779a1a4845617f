//! The lint: things a careful reader would send back. Placeholders left from
//! model texts (20xx, XX县, "October X", ××, 某某, `* * *` inside a sentence,
//! TODO), next-step deadlines before the report date, metric ids referenced
//! but not defined, 请示 formulas in a report (errors); dates outside the
//! period and empty sections (warnings). Each finding names the file and
//! line and says what to do. `check` fails on errors; `build` prints all as
//! warnings.

use std::sync::{Arc, LazyLock};

use chrono::NaiveDate;
use regex::Regex;

use crate::data::{Document, Fields, Source};
use crate::diag::{Diagnostic, Severity};
use crate::figures::Figures;
use crate::mdfile::MdFile;

/// A placeholder pattern and what to do about it.
struct Placeholder {
    regex: Regex,
    what: &'static str,
}

fn re(pattern: &str) -> Regex {
    // The patterns are fixed and tested; a bad one is caught by the tests.
    Regex::new(pattern).unwrap_or_else(|e| panic!("lint pattern {pattern}: {e}"))
}

/// Letters, digits and `_` of ASCII count as word characters here, so that
/// `XX县` is a placeholder next to a Chinese character, but `XXL`, `Xbox`
/// and `Louis XIV` are words.
static PLACEHOLDERS: LazyLock<Vec<Placeholder>> = LazyLock::new(|| {
    const MONTHS: &str = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec";
    vec![
        Placeholder {
            regex: re(r"(?:^|[^A-Za-z0-9_])((?:19|20)[xX×]{2})(?:$|[^A-Za-z0-9_])"),
            what: "a year left as a placeholder",
        },
        Placeholder {
            regex: re(&format!(r"(?:^|[^A-Za-z0-9_])((?:{MONTHS})\.?\s+[xX]{{1,2}})(?:$|[^A-Za-z0-9_])")),
            what: "a day left as a placeholder",
        },
        Placeholder {
            regex: re(
                r"((?:[XxＸｘ×]{1,2}|[？?]{1,2})月(?:[XxＸｘ×]{1,2}|[？?]{1,2})日|[XxＸｘ×]{1,2}月|(?:^|[^A-Za-z0-9_])[XxＸｘ×]{1,2}日)",
            ),
            what: "a date left as a placeholder",
        },
        Placeholder {
            regex: re(r"(?:^|[^A-Za-z0-9_])([xX]{2,4}|[ＸＸ]{2,})(?:$|[^A-Za-z0-9_])"),
            what: "a name or number left as a placeholder",
        },
        Placeholder { regex: re(r"(×{2,}|某某)"), what: "a name left as a placeholder" },
        Placeholder {
            regex: re(r"(?:^|[^A-Za-z0-9_])(TODO|FIXME|TBD)(?:$|[^A-Za-z0-9_])"),
            what: "a note left in the text",
        },
    ]
});

/// Asterisks spaced as a thematic break.
static STARS: LazyLock<Regex> = LazyLock::new(|| re(r"\*(?:[ \t]+\*){2,}"));

/// 请示 formulas: a report informs, it does not ask for approval.
const REQUEST_FORMULAS: &[&str] =
    &["妥否，请批示", "妥否,请批示", "当否，请批示", "请批示", "请批复", "请审批", "请予审批", "请予批准", "以上请示"];

/// Lint a document built from data.
pub fn document(source: &Source, doc: &Document, figures: &Figures, md: &MdFile) -> Vec<Diagnostic> {
    let content = content_of(md);
    let mut out = placeholders(source, &content);
    out.extend(request_formulas(source, &content));
    out.extend(undefined_metrics(source, doc));
    out.extend(due_dates(source, doc, figures.date));
    out.extend(empty_sections(source, doc));
    out.extend(dates_outside_period(source, doc));
    out.sort_by_key(|d| (d.line_column(), d.severity == Severity::Warning));
    out
}

/// Lint a `.md` file given to `build` or `check`.
pub fn markdown(source: &Source, md: &MdFile) -> Vec<Diagnostic> {
    let content = content_of(md);
    let mut out = placeholders(source, &content);
    out.extend(request_formulas(source, &content));
    out.sort_by_key(Diagnostic::line_column);
    out
}

/// Everything the reader of the document sees, as text.
fn content_of(md: &MdFile) -> String {
    let m = &md.meta;
    let mut text = format!("{}\n{}\n{}\n", md.body, m.title, m.organization);
    for t in m.recipient.iter().chain(&m.attachments) {
        text.push_str(t.as_str());
        text.push('\n');
    }
    text
}

/// A finding at 1-based `line` and `column`, underlining `len` bytes.
fn finding(source: &Source, severity: Severity, at: (usize, usize, usize), message: String, hint: &str) -> Diagnostic {
    let d = match severity {
        Severity::Error => Diagnostic::error(message),
        Severity::Warning => Diagnostic::warning(message),
    };
    let (line, column, len) = at;
    let start = crate::diag::offset_of(&source.text, line, column);
    d.in_file(&source.path).at(Arc::clone(&source.text), start..start + len.max(1)).hint(hint)
}

/// Placeholders that reach the document, at the lines where they are
/// written (a placeholder in a YAML comment reaches nothing and is skipped).
fn placeholders(source: &Source, content: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut in_fence = false;
    for (i, line) in source.text.lines().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = !in_fence;
        }
        for p in PLACEHOLDERS.iter() {
            for caps in p.regex.captures_iter(line) {
                let Some(m) = caps.get(1) else { continue };
                if !content.contains(m.as_str()) {
                    continue;
                }
                let column = line[..m.start()].chars().count() + 1;
                out.push(finding(
                    source,
                    Severity::Error,
                    (i + 1, column, m.len()),
                    format!("`{}` looks like {}", m.as_str(), p.what),
                    "write the real value; the model text's placeholder must not reach your superiors",
                ));
            }
        }
        if !in_fence && let Some(m) = STARS.find(line) {
            let before = line[..m.start()].trim();
            let before = before.trim_start_matches('-').trim();
            let key_only = before.is_empty()
                || before.ends_with(':')
                    && before.chars().all(|c| c.is_alphanumeric() || c == '_' || c == ':' || c == ' ');
            let after = line[m.end()..].trim();
            if (!key_only || !after.is_empty()) && content.contains(m.as_str()) {
                let column = line[..m.start()].chars().count() + 1;
                out.push(finding(
                    source,
                    Severity::Error,
                    (i + 1, column, m.len()),
                    format!("`{}` inside a sentence stands for a missing word or figure", m.as_str()),
                    "write the missing words; on a line of its own `* * *` is a rule between sections",
                ));
            }
        }
    }
    out
}

/// 请示 formulas in a report.
fn request_formulas(source: &Source, content: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, line) in source.text.lines().enumerate() {
        if let Some(f) = REQUEST_FORMULAS.iter().find(|f| line.contains(*f) && content.contains(*f)) {
            let column = line[..line.find(f).unwrap_or(0)].chars().count() + 1;
            out.push(finding(
                source,
                Severity::Error,
                (i + 1, column, f.len()),
                format!("`{f}` asks for approval, which a report must not do (it is a 请示 formula)"),
                "end a 报告 with 特此报告。 and a 汇报 with 以上汇报，请批评指正。; send what needs approval as a separate 请示",
            ));
        }
    }
    out
}

/// The first line (1-based) whose text matches `pred`, the column of
/// `needle` in it and its length.
fn locate(source: &Source, needle: &str, pred: impl Fn(&str) -> bool) -> (usize, usize, usize) {
    for (i, line) in source.text.lines().enumerate() {
        if pred(line)
            && let Some(at) = line.find(needle)
        {
            return (i + 1, line[..at].chars().count() + 1, needle.len());
        }
    }
    (1, 1, 1)
}

fn is_word_at(line: &str, word: &str) -> bool {
    line.match_indices(word).any(|(at, _)| {
        let before = line[..at].chars().next_back();
        let after = line[at + word.len()..].chars().next();
        let boundary = |c: Option<char>| c.is_none_or(|c| !(c.is_alphanumeric() || c == '_' || c == '-'));
        boundary(before) && boundary(after)
    })
}

/// Items that cite metric ids the document does not define.
fn undefined_metrics(source: &Source, doc: &Document) -> Vec<Diagnostic> {
    let defined: Vec<&str> = doc.metrics.iter().map(|m| m.id.0.as_str()).collect();
    let cited = match &doc.fields {
        Fields::Progress(f) => f.progress.iter().flat_map(|i| &i.metrics).collect::<Vec<_>>(),
        Fields::VillageStay(f) => f.tasks.iter().flat_map(|i| &i.metrics).collect(),
        _ => Vec::new(),
    };
    let mut out = Vec::new();
    let mut reported = Vec::new();
    for id in cited {
        if defined.contains(&id.0.as_str()) || reported.contains(&id.0.as_str()) {
            continue;
        }
        reported.push(id.0.as_str());
        let at = locate(source, &id.0, |l| is_word_at(l, &id.0) && !l.contains("id:"));
        let mut hint =
            "define it under `metrics:` (with `id:`, `label:`, `actual:`…) or remove the reference".to_owned();
        if let Some(best) = crate::data::did_you_mean(&id.0, &defined) {
            hint = format!("did you mean `{best}`?");
        }
        out.push(finding(
            source,
            Severity::Error,
            at,
            format!("metric `{id}` is cited but not defined under `metrics:`"),
            &hint,
        ));
    }
    out
}

/// Next steps due before the report's own date.
fn due_dates(source: &Source, doc: &Document, date: NaiveDate) -> Vec<Diagnostic> {
    let steps = match &doc.fields {
        Fields::Progress(f) => &f.next_steps,
        Fields::VillageStay(f) => &f.next_steps,
        _ => return Vec::new(),
    };
    let mut out = Vec::new();
    for step in steps {
        let Some(due) = step.due else { continue };
        if due.deadline() < date {
            let text = due.to_string();
            let at = locate(source, &text, |l| l.contains("due") && l.contains(&text));
            out.push(finding(
                source,
                Severity::Error,
                at,
                format!("next step \"{}\" is due {} — before the report's date, {}", step.title, due.deadline(), date),
                "a next step lies ahead: give a deadline after the report's date, or report it as done",
            ));
        }
    }
    out
}

/// Sections given but with nothing in them.
fn empty_sections(source: &Source, doc: &Document) -> Vec<Diagnostic> {
    let mut empty: Vec<(&str, String)> = Vec::new();
    let blank = |m: &crate::data::Markdown| m.as_str().trim().is_empty();
    for (field, value) in [("intro", &doc.intro), ("closing", &doc.closing)] {
        if value.as_ref().is_some_and(blank) {
            empty.push((field, format!("`{field}` is empty")));
        }
    }
    /// A list field: its name, its length, and each item's title and whether
    /// its body is blank.
    type Section<'a> = (&'static str, usize, Vec<(&'a crate::data::Text, bool)>);
    let lists: Vec<Section<'_>> = match &doc.fields {
        Fields::Progress(f) => vec![
            ("progress", f.progress.len(), f.progress.iter().map(|i| (&i.title, blank(&i.body))).collect()),
            ("problems", f.problems.len(), f.problems.iter().map(|i| (&i.title, blank(&i.body))).collect()),
            ("next_steps", f.next_steps.len(), f.next_steps.iter().map(|i| (&i.title, blank(&i.body))).collect()),
        ],
        Fields::VillageStay(f) => vec![
            ("tasks", f.tasks.len(), f.tasks.iter().map(|i| (&i.title, blank(&i.body))).collect()),
            ("experiences", f.experiences.len(), f.experiences.iter().map(|i| (&i.thesis, blank(&i.body))).collect()),
            ("problems", f.problems.len(), f.problems.iter().map(|i| (&i.title, blank(&i.body))).collect()),
            ("next_steps", f.next_steps.len(), f.next_steps.iter().map(|i| (&i.title, blank(&i.body))).collect()),
        ],
        Fields::Bulletin(f) => {
            vec![("items", f.items.len(), f.items.iter().map(|i| (&i.title, blank(&i.body))).collect())]
        }
        Fields::Common(_) => Vec::new(),
    };
    let mut out = Vec::new();
    for (field, len, items) in lists {
        let key = format!("{field}:");
        let written = source.text.lines().any(|l| l.trim_start().starts_with(&key));
        if len == 0 && written {
            let at = locate(source, &key, |l| l.trim_start().starts_with(&key));
            out.push(finding(
                source,
                Severity::Warning,
                at,
                format!("`{field}` has no items; its section is left out of the document"),
                "add the items, or remove the field",
            ));
        }
        for (title, is_blank) in items {
            if is_blank {
                let at = locate(source, title.as_str(), |l| l.contains(title.as_str()));
                out.push(finding(
                    source,
                    Severity::Warning,
                    at,
                    format!("\"{title}\" in `{field}` has no body"),
                    "say what was done, with figures; a heading alone tells the reader little",
                ));
            }
        }
    }
    for (field, message) in empty {
        let key = format!("{field}:");
        let at = locate(source, &key, |l| l.trim_start().starts_with(&key));
        out.push(finding(source, Severity::Warning, at, message, "write it, or remove the field"));
    }
    out
}

static ISO_DATE: LazyLock<Regex> = LazyLock::new(|| re(r"(?:^|[^0-9])((?:19|20)\d\d)-(\d{1,2})-(\d{1,2})(?:$|[^0-9])"));
static ZH_DATE: LazyLock<Regex> = LazyLock::new(|| re(r"((?:19|20)\d\d)年(\d{1,2})月(\d{1,2})日"));
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

static EN_DATE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^|[^0-9])(\d{1,2}) (January|February|March|April|May|June|July|August|September|October|November|December),? ((?:19|20)\d\d)",
    )
});

/// Dates in the account of the work (progress items, tasks, news items)
/// that fall outside the period reported on.
fn dates_outside_period(source: &Source, doc: &Document) -> Vec<Diagnostic> {
    let Some(period) = doc.period else { return Vec::new() };
    // The opening and the basic situation give background (the decision
    // that started the work, the baseline): only the account of the work
    // itself is checked.
    let mut texts: Vec<&str> = Vec::new();
    match &doc.fields {
        Fields::Progress(f) => texts.extend(f.progress.iter().map(|i| i.body.as_str())),
        Fields::VillageStay(f) => texts.extend(f.tasks.iter().map(|i| i.body.as_str())),
        Fields::Bulletin(f) => texts.extend(f.items.iter().map(|i| i.body.as_str())),
        Fields::Common(_) => {}
    }
    let mut out = Vec::new();
    for text in texts {
        for (found, date) in dates_in(text) {
            if period.contains(date) || is_background(text, &found) {
                continue;
            }
            let at = locate(source, &found, |l| l.contains(&found));
            out.push(finding(
                source,
                Severity::Warning,
                at,
                format!("{found} lies outside the period reported on ({period})"),
                "check the date; if it is background, say so (\"since …\")",
            ));
        }
    }
    out
}

/// Whether the date is said to be background: "since …", "from …",
/// "……以来", "自……起", "截至……".
fn is_background(text: &str, found: &str) -> bool {
    let Some(at) = text.find(found) else { return false };
    let before: String = text[..at].chars().rev().take(8).collect::<Vec<_>>().into_iter().rev().collect();
    let after: String = text[at + found.len()..].chars().take(4).collect();
    let before = before.to_lowercase();
    ["since ", "from ", "as of ", "until ", "by ", "自", "从", "截至", "截止"]
        .iter()
        .any(|w| before.trim_end().ends_with(w.trim_end()))
        || ["以来", "起", "至今", "前"].iter().any(|w| after.starts_with(w))
}

fn dates_in(text: &str) -> Vec<(String, NaiveDate)> {
    let num = |s: &str| s.parse::<u32>().unwrap_or(0);
    let mut out = Vec::new();
    for c in ISO_DATE.captures_iter(text).chain(ZH_DATE.captures_iter(text)) {
        let (y, m, d) = (num(&c[1]), num(&c[2]), num(&c[3]));
        if let Some(date) = NaiveDate::from_ymd_opt(i32::try_from(y).unwrap_or(0), m, d) {
            let whole = c.get(0).map_or("", |m| m.as_str());
            let found = if whole.contains('年') { whole.to_owned() } else { format!("{}-{}-{}", &c[1], &c[2], &c[3]) };
            out.push((found, date));
        }
    }
    for c in EN_DATE.captures_iter(text) {
        let month = MONTHS.iter().position(|m| *m == &c[2]).map_or(0, |i| i + 1);
        let month = u32::try_from(month).unwrap_or(0);
        if let Some(date) = NaiveDate::from_ymd_opt(i32::try_from(num(&c[3])).unwrap_or(0), month, num(&c[1])) {
            out.push((format!("{} {} {}", &c[1], &c[2], &c[3]), date));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lint_text(text: &str) -> Vec<String> {
        let source = Source { path: "t.yaml".into(), text: text.into() };
        placeholders(&source, text).iter().map(|d| d.message.clone()).collect()
    }

    #[test]
    fn finds_placeholders() {
        for text in [
            "in 20xx the county",
            "In 20XX",
            "xx County",
            "XX县",
            "the XXX town",
            "On October X, the",
            "10月X日",
            "X月X日",
            "××乡",
            "某某同志",
            "town * * * involved",
            "TODO: figures",
            "xxx, xx, xx",
            "2026年X月",
        ] {
            assert!(!lint_text(text).is_empty(), "missed: {text}");
        }
    }

    #[test]
    fn no_false_alarms() {
        for text in [
            "XXL sizes",
            "an X-ray of the lungs",
            "Louis XIV",
            "an Xbox",
            "Xulou Village",
            "the fox xylophone",
            "* * *",
            "body: |",
            "    * * *",
            "2026年11月5日",
            "Express mail",
            "taxi",
            "maximum",
            "exceed",
            "X",
            "Sixth, relevant",
            "TODOS",
            "textbox",
        ] {
            assert!(lint_text(text).is_empty(), "false alarm on {text}: {:?}", lint_text(text));
        }
    }

    #[test]
    fn background_dates_are_not_findings() {
        assert!(is_background("Since 1 November 2025 the team", "1 November 2025"));
        assert!(is_background("自2025年11月1日进驻以来", "2025年11月1日"));
        assert!(is_background("2025年11月1日以来，工作队", "2025年11月1日"));
        assert!(!is_background("On 1 November 2025 the team", "1 November 2025"));
    }

    #[test]
    fn finds_dates() {
        let found = dates_in("On 31 July 2026 and 2026年8月2日 and 2026-09-02.");
        assert_eq!(found.len(), 3);
    }
}
