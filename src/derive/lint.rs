//! The lint: things a careful reader would send back. Placeholders left from
//! model texts (20xx, XX县, ×户, 增长X%, "October X", "X October", "X
//! households", ××, 某某, ○○村, □□, ____, [Name], 待补充, `* * *` inside a
//! sentence, TODO), next-step deadlines before the report date, metric ids
//! referenced but not defined, 请示 formulas in a report (errors); template
//! syntax in data, dates outside the period and empty sections (warnings);
//! and the style of Chinese text a superior sends back (`style`: half-width
//! punctuation, straight quotes, dates written wrongly, headings ending in
//! a stop, a 报告 closing as a 汇报, paragraphs without their 。), whose
//! mechanical faults [`fix`] mends in the file.
//! Only what reaches the document is looked at: not YAML comments, and not
//! the letters of URLs and e-mail addresses. Each finding names the file and
//! line and says what to do. `check` fails on errors; `build` prints all as
//! warnings.

mod scan;
mod style;

use crate::base::msg::{Key, Message, msg};
use crate::base::text::is_han;
use crate::data::period::MONTH_NAMES as MONTH_NAMES_FULL;
use std::cmp::Reverse;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;
use std::sync::{Arc, LazyLock};

use chrono::NaiveDate;
use regex::Regex;

use crate::base::diag::{Diagnostic, Severity};
use crate::data::mdfile::MdFile;
use crate::data::{Document, Fields, Source};
use crate::derive::Figures;

/// A placeholder pattern and what to do about it.
struct Placeholder {
    /// Group 1 is the placeholder; the rest of a match is the context that
    /// makes it one (a non-word character on each side, say).
    regex: Regex,
    what: Key,
    /// Whether a match is an ordinary word after all (a Roman numeral, a
    /// CSS size, X光), given the line and the range of group 1.
    except: fn(&str, Range<usize>) -> bool,
}

fn re(pattern: &str) -> Regex {
    // The patterns are fixed and tested; a bad one is caught by the tests.
    Regex::new(pattern).unwrap_or_else(|e| panic!("lint pattern {pattern}: {e}"))
}

fn never(_: &str, _: Range<usize>) -> bool {
    false
}

/// Month names, full and abbreviated, for English dates.
/// Month names as a regex alternation: the full names, then the
/// abbreviations that are not prefixes matched already.
static MONTH_NAMES: LazyLock<String> = LazyLock::new(|| {
    let mut names: Vec<&str> = MONTH_NAMES_FULL.to_vec();
    names.extend(["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept?", "Oct", "Nov", "Dec"]);
    names.join("|")
});

/// Letters, digits and `_` of ASCII count as word characters here, so that
/// `XX县` is a placeholder next to a Chinese character, but `XXL`, `Xbox`
/// and `Louis XIV` are words. Single X's (×户, "X households") are found by
/// [`lone_xs`], which needs more context than a pattern.
static PLACEHOLDERS: LazyLock<Vec<Placeholder>> = LazyLock::new(|| {
    // Day placeholders, alone or in a range: X, XX, X-X, 1-X.
    let day = r"(?:(?:\d{1,2}|[xX]{1,2})\s*[-–]\s*)?[xX]{1,2}(?:\s*[-–]\s*(?:\d{1,2}|[xX]{1,2}))?";
    let months = MONTH_NAMES.as_str();
    vec![
        Placeholder {
            // 20xx, 201X, 20__
            regex: re(r"(?:^|[^A-Za-z0-9_])((?:19|20)(?:[xX×]{2}|\d[xX×]|_{2,}))(?:$|[^A-Za-z0-9_])"),
            what: Key::PlaceholderYear,
            except: never,
        },
        Placeholder {
            // October X, Oct. XX, November X-X
            regex: re(&format!(r"(?:^|[^A-Za-z0-9_])((?:{months})\.?\s+{day})(?:$|[^A-Za-z0-9_])")),
            what: Key::PlaceholderDay,
            except: never,
        },
        Placeholder {
            // X October, X-X November, 1-X Nov.
            regex: re(&format!(r"(?:^|[^A-Za-z0-9_])({day}\s+(?:{months})\.?)(?:$|[^A-Za-z0-9_])")),
            what: Key::PlaceholderDay,
            except: never,
        },
        Placeholder {
            // X月X日, 10月X日, X月
            regex: re(concat!(
                r"(?:^|[^A-Za-z0-9_])(",
                r"(?:\d{1,2}|[XxＸｘ×]{1,2}|[？?]{1,2})月(?:[XxＸｘ×]{1,2}|[？?]{1,2})日",
                r"|[XxＸｘ×]{1,2}月(?:\d{1,2}日)?",
                r"|[XxＸｘ×]{1,2}日",
                r")",
            )),
            what: Key::PlaceholderDate,
            except: never,
        },
        Placeholder {
            // XX县, the XXX town, ＸＸ
            regex: re(r"(?:^|[^A-Za-z0-9_])([xX]{2,4}|[Ｘｘ]{2,})(?:$|[^A-Za-z0-9_])"),
            what: Key::PlaceholderNameOrNumber,
            except: is_xx_word,
        },
        Placeholder { regex: re(r"(×{2,}|某某)"), what: Key::PlaceholderName, except: is_xx_word },
        Placeholder {
            // ○○村, 〇〇镇, □□
            regex: re(r"([○〇]{2,}|□{2,})"),
            what: Key::PlaceholderNameOrNumber,
            except: is_numeral_zero,
        },
        Placeholder {
            // a blank to fill in: ____ (not a_b___c, nor `___` as a rule)
            regex: re(r"(?:^|[^A-Za-z0-9_])(_{3,})(?:$|[^A-Za-z0-9_])"),
            what: Key::PlaceholderBlank,
            except: is_rule,
        },
        Placeholder {
            // [Name], [insert figure], [XX]; not links, footnotes or task boxes
            regex: re(concat!(
                r"(\[(?i:insert[^\[\]]{0,60}",
                r"|(?:name|date|number|figure|unit|amount|place|organi[sz]ation)(?: [a-z ]{1,30})?",
                r"|x{2,4})\])",
            )),
            what: Key::PlaceholderSlot,
            except: is_link,
        },
        Placeholder {
            regex: re(r"(?:^|[^A-Za-z0-9_])(TODO|FIXME|TBD)(?:$|[^A-Za-z0-9_])"),
            what: Key::PlaceholderNote,
            except: never,
        },
        Placeholder {
            // todo: at the start of a line (after a list marker, a YAML key
            // or a quote) or of a sentence
            regex: re(concat!(
                r"(?:^[ \t]*(?:[-*+>][ \t]+|\d{1,3}[.)][ \t]+)?(?:[A-Za-z_][A-Za-z0-9_-]*:[ \t]+)?",
                r"|[.!?。！？；;][ \t]*)",
                r#"["'“‘（(]?((?i:todo)[ \t]*[:：])"#,
            )),
            what: Key::PlaceholderNote,
            except: never,
        },
        Placeholder { regex: re(r"(待补充|待填写)"), what: Key::PlaceholderNote, except: never },
    ]
});

impl Placeholder {
    /// Every match in `line`, each looked for from the end of the one before
    /// (not of its context), so that `XX XX` is two findings.
    fn find_in(&self, line: &str, found: &mut Vec<Found>) {
        let mut from = 0;
        while let Some(caps) = self.regex.captures_at(line, from) {
            let Some(m) = caps.get(1) else { break };
            if !(self.except)(line, m.range()) {
                found.push(Found { at: m.range(), what: self.what });
            }
            from = m.end().max(next_char(line, from));
            if from >= line.len() {
                break;
            }
        }
    }
}

/// The byte index after the character at `at`.
fn next_char(line: &str, at: usize) -> usize {
    line[at..].chars().next().map_or(line.len(), |c| at + c.len_utf8())
}

/// A placeholder on a line: where, and what it looks like.
struct Found {
    at: Range<usize>,
    what: Key,
}

/// Words a Roman numeral comes after: Chapter XX, Vol. XX, Super Bowl XXX,
/// Pope Pius XX.
const ROMAN_AFTER: &[&str] = &[
    "chapter", "article", "part", "volume", "vol", "book", "section", "act", "bowl", "olympiad", "congress", "century",
    "phase", "round", "class", "pope", "king", "queen", "emperor", "louis", "pius", "leo", "gregory", "benedict",
    "clement",
];
/// Words a Roman numeral comes before: the XX Congress, the XX National
/// Congress, the XX Olympiad.
const ROMAN_BEFORE: &[&str] =
    &["congress", "olympiad", "olympiads", "olympic", "olympics", "century", "dynasty", "games"];
/// Words allowed between a Roman numeral and a word of [`ROMAN_BEFORE`].
const ROMAN_BETWEEN: &[&str] = &["national", "party", "central", "plenary", "summer", "winter"];

/// Chinese words an X begins that are not placeholders: X光, X射线, X线,
/// X型, X染色体, XX染色体, X轴, X形.
const X_WORDS: &[char] = &['光', '射', '线', '型', '染', '轴', '形'];

/// Whether the X's at `at` are a Roman numeral (Chapter XX, the XX
/// Congress), a CSS size (xx-large) or the start of a word (X光, XX染色体).
fn is_xx_word(line: &str, at: Range<usize>) -> bool {
    let run = &line[at.clone()];
    let (before, after) = (&line[..at.start], &line[at.end..]);
    if after.starts_with(X_WORDS) {
        return true;
    }
    let css = |size: &str| after.as_bytes().get(..size.len()).is_some_and(|a| a.eq_ignore_ascii_case(size.as_bytes()));
    if css("-large") || css("-small") {
        return true;
    }
    if !run.bytes().all(|b| b == b'X') {
        return false;
    }
    let word_before = before.strip_suffix([' ', '\u{a0}']).and_then(|b| b.split_whitespace().next_back());
    let word_before = word_before.map(|w| w.trim_end_matches('.').to_ascii_lowercase());
    if word_before.is_some_and(|w| ROMAN_AFTER.contains(&w.as_str())) {
        return true;
    }
    if !after.starts_with([' ', '\u{a0}']) {
        return false;
    }
    let mut words = after.split_whitespace().take(2).map(|w| w.trim_end_matches([',', '.', ';']).to_ascii_lowercase());
    match words.next() {
        Some(w) if ROMAN_BEFORE.contains(&w.as_str()) => true,
        Some(w) if ROMAN_BETWEEN.contains(&w.as_str()) => {
            words.next().is_some_and(|w| ROMAN_BEFORE.contains(&w.as_str()))
        }
        _ => false,
    }
}

/// Whether the circles at `at` are zeros of a number written in Chinese
/// (二〇〇八年), or stand next to no Chinese character at all.
fn is_numeral_zero(line: &str, at: Range<usize>) -> bool {
    if line[at.clone()].starts_with('□') {
        return false;
    }
    let prev = line[..at.start].chars().next_back();
    let next = line[at.end..].chars().next();
    let numeral = |c: &char| "〇○零一二三四五六七八九".contains(*c);
    let near_cjk = prev.is_some_and(is_han) || next.is_some_and(is_han);
    !near_cjk || prev.as_ref().is_some_and(numeral) || next.as_ref().is_some_and(numeral)
}

/// Whether the underscores are a Markdown rule: alone on their line.
fn is_rule(line: &str, _: Range<usize>) -> bool {
    line.trim().chars().all(|c| c == '_' || c == ' ' || c == '\t')
}

/// Whether the brackets are a link's (`[Name](url)`, `[text][Name]`,
/// `[Name]: url`), not a slot to fill.
fn is_link(line: &str, at: Range<usize>) -> bool {
    line[..at.start].ends_with(']') || line[at.end..].starts_with(['(', '[', ':'])
}

/// A lone X (one of X x Ｘ ｘ ×, or X.X) that a word or figure stands next
/// to, so that it can only be a number or a name left out.
static LONE_X: LazyLock<Regex> = LazyLock::new(|| re(r"[XxＸｘ×]+(?:\.[XxＸｘ×]+)?"));

/// What follows a number in Chinese: a percent sign, units and measure
/// words (×户, X个, X万元, 培训X人次, X平方米).
const ZH_AFTER: &str = "%％户人次个万亿千百十元角期名家项所座条台亩里件场批篇份位村镇乡县区市省年月日天周季届栋间处辆头只吨米斤套张本册株棵余多倍级类支队组号轮节课门口眼宗笔例岁";
/// Units of more than one character, looked for first so that a finding
/// shows the whole unit (and X平台 is not X平方米).
const ZH_AFTER_LONG: &[&str] =
    &["平方公里", "平方米", "立方米", "个百分点", "百分点", "小时", "分钟", "公里", "公顷", "人次"];
/// What comes before a number in Chinese: 第X期, 增长X%, 共X个.
const ZH_BEFORE: &[&str] =
    &["第", "增长", "下降", "提高", "增加", "减少", "降低", "共", "达", "约", "完成", "累计", "合计", "超过"];

/// English words after a number: group 1 an amount (only a number comes
/// before "million"), group 2 something counted ("X households"; but
/// "Model X units" is a car's).
static EN_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"^[ \t]+(?i:",
        r"(million|billion|thousand|hundred|percent|per cent|percentage points?|yuan|rmb|dollars?",
        r"|km|kilomet(?:re|er)s?|hectares?|mu|tonnes?|tons?)",
        r"|(households?|people|persons?|villages?|towns?|townships?|counties|projects?|times|units?",
        r"|enterprises?|companies|jobs?|trainees?|participants?|cases?|meetings?|wells?|schools?|students?",
        r"|farmers?|workers?|visits?|sessions?|events?|days?|weeks?|months?|years?)",
        r")(?:$|[^A-Za-z])",
    ))
});
/// English words before a number: "up X%", "a total of X", "by X".
static EN_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?i:^|[^a-z])((?i:up|down|by|of|to|from|reached|totall?ed|total of|about|nearly|over|some|than",
        r"|around|approximately|almost|roughly)[ \t]+)$",
    ))
});
/// Capitalised words that are not a name: "In X villages", "The X
/// households" (but "Malcolm X", "Model X" are names).
const NOT_NAMES: &[&str] = &[
    "the", "a", "an", "in", "on", "at", "for", "with", "and", "or", "but", "all", "only", "each", "every", "another",
    "its", "their", "our", "these", "those", "as", "after", "before", "during", "within", "across",
];

/// Single X's that stand for a number or a name: ×户×人, 增长X%, 第X期,
/// "X households", "up X%", "X million". Not X光, 3×4, 4x4, SpaceX, X-ray,
/// "Malcolm X said" or "Model X sales".
fn lone_xs(line: &str, found: &mut Vec<Found>) {
    let ascii_word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    for m in LONE_X.find_iter(line) {
        if m.as_str().split('.').next().map_or(0, |x| x.chars().count()) != 1 {
            continue; // XX and ×× are the other patterns'
        }
        let (before, after) = (&line[..m.start()], &line[m.end()..]);
        let prev = before.chars().next_back();
        let next = after.chars().next();
        // Part of a word or a code (SpaceX, Xi'an, X-ray, X.509), or a
        // multiplication (3×4, 4 x 4).
        let glued = prev.is_some_and(|c| ascii_word(c) || digit(c))
            || next.is_some_and(|c| ascii_word(c) || matches!(c, '-' | '\'' | '’' | '_'))
            || next == Some('.') && after[1..].starts_with(|c: char| c.is_alphanumeric())
            || before.trim_end().ends_with(digit)
            || after.trim_start().starts_with(digit)
            || after.starts_with(X_WORDS);
        if glued {
            continue;
        }
        let mut at = m.range();
        let mut hit = false;
        // Chinese: 增长X%, ×户, 第X期.
        let long = ZH_AFTER_LONG.iter().find(|u| after.starts_with(**u)).map(|u| u.len());
        if let Some(len) = long.or_else(|| next.filter(|c| ZH_AFTER.contains(*c)).map(char::len_utf8)) {
            at.end += len;
            hit = true;
        }
        if let Some(w) = ZH_BEFORE.iter().find(|w| before.ends_with(**w)) {
            at.start -= w.len();
            hit = true;
        }
        // English: "up X%", "X million", "X households" (not after a name).
        let tail = &before[before.floor_char_boundary(before.len().saturating_sub(24))..];
        if let Some(w) = EN_BEFORE.captures(tail).and_then(|c| c.get(1)) {
            at.start = at.start.min(m.start() - (tail.len() - w.start()));
            hit = true;
        }
        let head = &after[..after.floor_char_boundary(48)];
        if let Some(caps) = EN_AFTER.captures(head) {
            let word = caps.get(1).or_else(|| caps.get(2));
            let counted = caps.get(2).is_some();
            if let Some(word) = word
                && !(counted && after_a_name(before))
            {
                at.end = at.end.max(m.end() + word.end());
                hit = true;
            }
        }
        if hit {
            found.push(Found { at, what: Key::PlaceholderNumberOrName });
        }
    }
}

/// Whether `before` ends with a capitalised word that is not a function
/// word: "Malcolm ", "Model ".
fn after_a_name(before: &str) -> bool {
    if !before.ends_with(' ') {
        return false;
    }
    before.split_whitespace().next_back().is_some_and(|w| {
        w.starts_with(|c: char| c.is_ascii_uppercase()) && !NOT_NAMES.contains(&w.to_ascii_lowercase().as_str())
    })
}

/// URLs, host names and e-mail addresses: letters in them that look like a
/// placeholder (`…/XXX/`, `xx.example.org`, `xx@example.com`) belong to the
/// address.
static ADDRESSES: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        // a URL, with or without its scheme
        r"(?:(?i:https?|ftp)://|(?i:www)\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+",
        // an e-mail address
        r"|[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+",
        // a host name ending in a common top-level domain
        r"|(?:[A-Za-z0-9\-]+\.)+(?i:com|org|net|edu|gov|int|mil|info|io|cn|hk|tw|uk|us|eu|de|fr|jp|ru)",
        r"(?:/[A-Za-z0-9\-._~:/?#@!$&'*+,;=%]*)?",
    ))
});

/// Asterisks spaced as a thematic break.
static STARS: LazyLock<Regex> = LazyLock::new(|| re(r"\*(?:[ \t]+\*){2,}"));

/// 请示 formulas: a report informs, it does not ask for approval.
const REQUEST_FORMULAS: &[&str] =
    &["妥否，请批示", "妥否,请批示", "当否，请批示", "请批示", "请批复", "请审批", "请予审批", "请予批准", "以上请示"];

/// Lint a document built from data.
pub fn document(source: &Source, doc: &Document, figures: &Figures, md: &MdFile) -> Vec<Diagnostic> {
    let content = content_of(md);
    let lines = visible_lines(&source.text, Input::Data);
    let mut out = placeholders(source, &lines, &content);
    out.extend(request_formulas(source, &lines, &content));
    out.extend(upward_without_signer(source, &md.meta));
    out.extend(undefined_metrics(source, doc));
    out.extend(due_dates(source, doc, figures.date));
    out.extend(empty_sections(source, doc));
    out.extend(dates_outside_period(source, doc));
    let context = style::Context {
        lang: doc.lang,
        doc_kind: doc.doc_kind,
        title: doc.title.as_str().to_owned(),
        period: doc.period,
        date: Some(figures.date),
        markdown_file: false,
    };
    out.extend(style_findings(source, Input::Data, &context));
    out.sort_by_key(|d| (place(d), d.severity == Severity::Warning));
    cap_repeats(out)
}

/// Lint a unit's return rolled up into a bulletin: what of it the bulletin
/// shows (the unit's name, its metrics' labels and units).
pub fn unit_return(source: &Source, doc: &Document) -> Vec<Diagnostic> {
    let mut content = format!("{}\n", doc.organization);
    for m in &doc.metrics {
        content.push_str(&format!("{}\n{}\n", m.label, m.unit));
    }
    let lines = visible_lines(&source.text, Input::Data);
    let mut out = placeholders(source, &lines, &content);
    out.sort_by_key(place);
    cap_repeats(out)
}

/// Lint a `.md` file given to `build` or `check`.
pub fn markdown(source: &Source, md: &MdFile) -> Vec<Diagnostic> {
    let content = content_of(md);
    let lines = visible_lines(&source.text, Input::MdFile);
    let mut out = placeholders(source, &lines, &content);
    out.extend(request_formulas(source, &lines, &content));
    out.extend(upward_without_signer(source, &md.meta));
    let m = &md.meta;
    let context = style::Context {
        lang: m.lang,
        doc_kind: m.doc_kind,
        title: m.title.as_str().to_owned(),
        period: m.period,
        date: Some(m.date),
        markdown_file: true,
    };
    out.extend(style_findings(source, Input::MdFile, &context));
    out.sort_by_key(place);
    cap_repeats(out)
}

/// Where the YAML of the input is, and the Markdown body of a `.md` file:
/// byte ranges of `text`.
fn parts(text: &str, input: Input) -> (Range<usize>, Option<Range<usize>>) {
    let yaml = yaml_lines(text, input);
    if yaml == usize::MAX {
        return (0..text.len(), None);
    }
    // The lines `---` … `---` of the front matter; the body after them.
    let mut offsets = text.split_inclusive('\n').scan(0, |at, l| {
        let start = *at;
        *at += l.len();
        Some(start..*at)
    });
    if yaml == 0 {
        return (0..0, Some(0..text.len()));
    }
    let first = offsets.next().map_or(0, |r| r.end);
    let closing = offsets.nth(yaml - 2).unwrap_or(text.len()..text.len());
    (first..closing.start.max(first), Some(closing.end..text.len()))
}

/// The style findings of the input.
fn style_findings(source: &Source, input: Input, context: &style::Context) -> Vec<Diagnostic> {
    let text = &source.text;
    let (yaml, body) = parts(text, input);
    let scalars = scan::scalars(text, yaml);
    style::faults(text, &scalars, body, context)
        .into_iter()
        .map(|f| {
            let mut d = located(source, f.severity, f.span, f.message);
            d.hints = f.hints;
            d
        })
        .collect()
}

/// A file with the mechanical style faults mended: its new text, and each
/// line changed (1-based number, old text, new text).
#[derive(Debug)]
pub struct Fixed {
    /// The whole new text.
    pub text: String,
    /// Each changed line: its 1-based number, old text and new text.
    pub lines: Vec<(usize, String, String)>,
}

/// Mends what [`style`] finds that is mechanical (half-width punctuation in
/// Chinese text, straight quotes, zero-padded dates, 号 for 日) in a data
/// file or a `.md` file, inside string values and prose only. `None` when
/// nothing is to mend.
///
/// # Errors
/// Why the file is not mended: it does not parse, or the mended file would
/// not parse or would read otherwise than meant (other keys, other values).
pub fn fix(source: &Source) -> Result<Option<Fixed>, Message> {
    let input = if source.path.extension().is_some_and(|e| e == "md") { Input::MdFile } else { Input::Data };
    let text: &str = &source.text;
    let (yaml, body) = parts(text, input);
    if matches!(input, Input::MdFile) && body.as_ref().is_some_and(|b| b.start == 0) && yaml.is_empty() {
        return Err(msg!(FixNoFrontMatter));
    }
    let lang = crate::data::rewrite::top_level_text(&text[yaml.clone()], "lang");
    if lang.as_deref() != Some("zh") {
        return Ok(None);
    }
    let context = style::Context {
        lang: crate::base::lang::Lang::Zh,
        doc_kind: crate::data::DocKind::Summary,
        title: String::new(),
        period: None,
        date: None,
        markdown_file: matches!(input, Input::MdFile),
    };
    let scalars = scan::scalars(text, yaml.clone());
    let mut edits: Vec<(Range<usize>, String)> =
        style::faults(text, &scalars, body.clone(), &context).into_iter().flat_map(|f| f.edits).collect();
    edits.sort_by_key(|(r, _)| r.start);
    let mut fixed = String::with_capacity(text.len() + edits.len() * 2);
    let mut at = 0;
    for (range, new) in edits {
        if range.start < at {
            continue; // overlapping: the first wins
        }
        fixed.push_str(&text[at..range.start]);
        fixed.push_str(&new);
        at = range.end;
    }
    fixed.push_str(&text[at..]);
    if fixed == text {
        return Ok(None);
    }
    let (new_yaml, new_body) = parts(&fixed, input);
    crate::data::rewrite::same_yaml(&text[yaml], &fixed[new_yaml], style::same_text)?;
    if let (Some(old), Some(new)) = (body, new_body)
        && !same_markdown(&text[old], &fixed[new])
    {
        return Err(msg!(FixOtherMarkdown));
    }
    let lines = text
        .lines()
        .zip(fixed.lines())
        .enumerate()
        .filter(|(_, (a, b))| a != b)
        .map(|(i, (a, b))| (i + 1, a.to_owned(), b.to_owned()))
        .collect();
    Ok(Some(Fixed { text: fixed, lines }))
}

/// Whether two Markdown texts have the same structure: the same blocks and
/// inline elements, code and link targets (their prose may differ).
fn same_markdown(old: &str, new: &str) -> bool {
    use pulldown_cmark::{Event, Parser};
    let shape = |text: &str| -> Vec<String> {
        Parser::new_ext(text, crate::base::markdown::parser_options())
            .filter_map(|e| match e {
                Event::Text(_) => None,
                other => Some(format!("{other:?}")),
            })
            .collect()
    };
    shape(old) == shape(new)
}

/// A numbered document to a superior (上行文: a report with a 发文字号 and a
/// 主送机关) names its 签发人 (GB/T 9704 7.2.6).
fn upward_without_signer(source: &Source, meta: &crate::data::mdfile::Meta) -> Vec<Diagnostic> {
    let o = &meta.official;
    if o.doc_number.is_none() || !o.signer.is_empty() || meta.recipient.is_none() || meta.masthead.is_some() {
        return Vec::new();
    }
    let at = locate(source, "doc_number", |l| l.trim_start().starts_with("doc_number:"));
    vec![finding(source, Severity::Warning, at, msg!(UpwardNeedsSigner), msg!(AddSignerLeader))]
}

/// Everything the reader of the document sees, as text: the Markdown's
/// backslash escapes are undone (a title's `[Name]` is `\[Name\]` in it).
fn content_of(md: &MdFile) -> String {
    let m = &md.meta;
    let mut text = format!("{}\n{}\n", md.body, m.title);
    let o = &m.official;
    for t in m
        .organization
        .all()
        .iter()
        .chain(&m.recipient)
        .chain(&o.issuer_mark)
        .chain(&o.signer)
        .chain(&o.signer_post)
        .chain(&o.copy_to)
        .chain(&o.printed_by)
    {
        text.push_str(t.as_str());
        text.push('\n');
    }
    for a in &m.attachments {
        text.push_str(a.title.as_str());
        text.push('\n');
        if let Some(body) = &a.body {
            text.push_str(body.as_str());
            text.push('\n');
        }
    }
    let mut plain = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\'
            && let Some(&next) = chars.peek()
            && next.is_ascii_punctuation()
        {
            plain.push(next);
            chars.next();
        } else {
            plain.push(c);
        }
    }
    plain
}

/// What kind of file is linted.
#[derive(Clone, Copy)]
enum Input {
    /// A YAML data file.
    Data,
    /// A `.md` file: YAML front matter, then a Markdown body.
    MdFile,
}

/// A line of the input as far as it can reach the document, and the byte
/// offset where the line starts.
struct Line<'a> {
    start: usize,
    text: &'a str,
}

/// Each line of the input as far as it can reach the document. YAML lines
/// lose their comment; lines of a block scalar (`body: |`) and of a `.md`
/// file's body are kept whole, since `#` there is Markdown (a heading).
fn visible_lines(text: &str, input: Input) -> Vec<Line<'_>> {
    let yaml = yaml_lines(text, input);
    // The column a block scalar's lines are indented past, while in one.
    let mut block: Option<usize> = None;
    // A quoted scalar that goes on to the next line.
    let mut quote: Option<char> = None;
    let mut start = 0;
    let mut out = Vec::new();
    for (i, raw) in text.split_inclusive('\n').enumerate() {
        let line = raw.strip_suffix('\n').unwrap_or(raw);
        let line = line.strip_suffix('\r').unwrap_or(line);
        let indent = line.len() - line.trim_start_matches(' ').len();
        // A Markdown body, or a block scalar's line (more indented than its
        // key, or blank), is text to the end.
        let whole = i >= yaml || block.is_some_and(|parent| indent > parent || line.trim().is_empty());
        let visible = if whole {
            line
        } else {
            let (kept, open) = cut_comment(line, quote);
            quote = open;
            block = if quote.is_none() { block_scalar(kept) } else { None };
            kept
        };
        out.push(Line { start, text: visible });
        start += raw.len();
    }
    out
}

/// How many lines at the start are YAML: all of a data file; of a `.md`
/// file, the front matter between its `---` lines.
fn yaml_lines(text: &str, input: Input) -> usize {
    match input {
        Input::Data => usize::MAX,
        Input::MdFile => {
            let mut lines = text.lines();
            if lines.next().map(str::trim_end) != Some("---") {
                return 0;
            }
            lines.position(|l| matches!(l.trim_end(), "---" | "...")).map_or(usize::MAX, |i| i + 2)
        }
    }
}

/// A YAML line without its comment, and the quote still open at its end
/// (a quoted scalar can go on over lines). `#` starts a comment at the
/// line's start or after a space or tab, outside quotes. A quote opens a
/// quoted scalar only where a value starts (at the line's start, after
/// `: `, `- `, `[`, `{` or `,`), so the apostrophe of "it's" is a letter.
fn cut_comment(line: &str, mut quote: Option<char>) -> (&str, Option<char>) {
    let mut prev: Option<char> = None;
    let mut value_starts = true;
    let mut chars = line.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        match quote {
            Some('\'') => {
                // '' is an escaped quote
                if c == '\'' && chars.next_if(|&(_, n)| n == '\'').is_none() {
                    quote = None;
                    value_starts = false;
                }
            }
            Some(_) => {
                if c == '\\' {
                    chars.next();
                } else if c == '"' {
                    quote = None;
                    value_starts = false;
                }
            }
            None => {
                if c == '#' && prev.is_none_or(|p| p == ' ' || p == '\t') {
                    return (&line[..at], None);
                }
                if matches!(c, '\'' | '"') && value_starts {
                    quote = Some(c);
                }
                value_starts = match c {
                    ' ' | '\t' => value_starts || matches!(prev, Some(':' | '-' | ',' | '?')),
                    '[' | '{' | ',' => true,
                    _ => false,
                };
            }
        }
        prev = Some(c);
    }
    (line, quote)
}

/// A line that starts a block scalar: `body: |`, `- >-`, `text: !!str |2`
/// (without its comment). Group 1 is the indentation with the `- ` of
/// sequences, group 2 the key.
static BLOCK_HEADER: LazyLock<Regex> =
    LazyLock::new(|| re(r"^( *(?:-[ \t]+)*)([^ \t#][^#]*?:[ \t]+)?(?:[!&][^ \t]*[ \t]+)*[|>][0-9+-]{0,2}[ \t]*$"));

/// When `line` starts a block scalar, the column its lines are indented
/// past: the key's (`  - body: |` → 4), or the last `-`'s (`- |` → 0).
fn block_scalar(line: &str) -> Option<usize> {
    let caps = BLOCK_HEADER.captures(line)?;
    let lead = caps.get(1).map_or("", |m| m.as_str());
    if caps.get(2).is_some() { Some(lead.len()) } else { Some(lead.rfind('-').unwrap_or(lead.len())) }
}

/// A finding at 1-based `line` and `column`, underlining `len` bytes.
fn finding(
    source: &Source,
    severity: Severity,
    at: (usize, usize, usize),
    message: Message,
    hint: Message,
) -> Diagnostic {
    let (line, column, len) = at;
    let start = crate::base::diag::offset_of(&source.text, line, column);
    finding_at(source, severity, start..start + len.max(1), message, hint)
}

/// A finding underlining `span`, bytes of the source.
fn finding_at(source: &Source, severity: Severity, span: Range<usize>, message: Message, hint: Message) -> Diagnostic {
    located(source, severity, span, message).hint(hint)
}

/// The finding `message` at `span` of the source, without hints yet.
fn located(source: &Source, severity: Severity, span: Range<usize>, message: Message) -> Diagnostic {
    let d = match severity {
        Severity::Error => Diagnostic::error(message),
        Severity::Warning => Diagnostic::warning(message),
    };
    d.in_file(&source.path).at(Arc::clone(&source.text), span)
}

/// Of findings that overlap, the longest (`October XX`, not also `XX`), in
/// the order of the line.
fn keep_longest(mut found: Vec<Found>) -> Vec<Found> {
    found.sort_by_key(|f| (Reverse(f.at.len()), f.at.start));
    // Kept findings by start; they never overlap, so the last one starting
    // before a finding's end is the only one that can overlap it.
    let mut kept: BTreeMap<usize, Found> = BTreeMap::new();
    for f in found {
        let overlaps = kept.range(..f.at.end).next_back().is_some_and(|(_, k)| k.at.end > f.at.start);
        if !overlaps {
            kept.insert(f.at.start, f);
        }
    }
    kept.into_values().collect()
}

/// Template tags (`{{ … }}`, `{% … %}`, `{# … #}`) in a line, or an
/// opening `{{`/`{%` left unclosed; `{#id}` is not one.
fn template_tags(line: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = line[from..].find('{').map(|i| from + i) {
        let closer = match line.as_bytes().get(at + 1) {
            Some(b'{') => "}}",
            Some(b'%') => "%}",
            Some(b'#') => "#}",
            _ => {
                from = at + 1;
                continue;
            }
        };
        // Look for the closer nearby only, so a long line stays linear.
        let window = &line[at + 2..line.floor_char_boundary(at + 2 + 200)];
        let end = window.find(closer).map(|i| at + 2 + i + 2);
        if closer == "#}" && end.is_none() {
            from = at + 2;
            continue;
        }
        let end = end.unwrap_or(at + 2);
        out.push(at..end);
        from = end;
    }
    out
}

/// Placeholders and template syntax that reach the document, at the lines
/// where they are written.
fn placeholders(source: &Source, lines: &[Line<'_>], content: &str) -> Vec<Diagnostic> {
    // First what each line holds; then, in one pass over the document's
    // text, which of those texts reach it (asking the whole text once per
    // candidate would take time in the square of the file's length).
    struct Held<'t> {
        line: &'t Line<'t>,
        found: Vec<Found>,
        stars: Option<Range<usize>>,
        tags: Vec<Range<usize>>,
    }
    let mut held = Vec::new();
    let mut in_fence = false;
    for line in lines {
        let text = line.text;
        let trimmed = text.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = !in_fence;
        }
        let mut found = Vec::new();
        for p in PLACEHOLDERS.iter() {
            p.find_in(text, &mut found);
        }
        lone_xs(text, &mut found);
        if !found.is_empty() {
            let addresses: Vec<Range<usize>> = ADDRESSES.find_iter(text).map(|m| m.range()).collect();
            found.retain(|f| !addresses.iter().any(|a| a.start < f.at.end && f.at.start < a.end));
        }
        let stars = if in_fence {
            None
        } else {
            STARS.find(text).filter(|m| {
                let before = text[..m.start()].trim();
                let before = before.trim_start_matches('-').trim();
                let key_only = before.is_empty()
                    || before.ends_with(':')
                        && before.chars().all(|c| c.is_alphanumeric() || c == '_' || c == ':' || c == ' ');
                !key_only || !text[m.end()..].trim().is_empty()
            })
        }
        .map(|m| m.range());
        let tags = if in_fence { Vec::new() } else { template_tags(text) };
        if !found.is_empty() || stars.is_some() || !tags.is_empty() {
            held.push(Held { line, found, stars, tags });
        }
    }
    let wanted = held.iter().flat_map(|h| {
        let text = h.line.text;
        h.found.iter().map(|f| &text[f.at.clone()]).chain(h.stars.iter().chain(&h.tags).map(|r| &text[r.clone()]))
    });
    let reaches = occurring(content, wanted);
    let mut out = Vec::new();
    for Held { line, found, stars, tags } in held {
        let (start, text) = (line.start, line.text);
        let found: Vec<Found> = found.into_iter().filter(|f| reaches.contains(&text[f.at.clone()])).collect();
        for f in keep_longest(found) {
            out.push(finding_at(
                source,
                Severity::Error,
                start + f.at.start..start + f.at.end,
                msg!(LooksLike, text = &text[f.at.clone()], what = Message::new(f.what)),
                msg!(WriteRealValue),
            ));
        }
        if let Some(m) = stars.filter(|m| reaches.contains(&text[m.clone()])) {
            out.push(finding_at(
                source,
                Severity::Error,
                start + m.start..start + m.end,
                msg!(StarsInSentence, text = &text[m.clone()]),
                msg!(WriteMissingWords),
            ));
        }
        for tag in tags {
            let tag_text = &text[tag.clone()];
            if reaches.contains(tag_text) {
                out.push(finding_at(
                    source,
                    Severity::Warning,
                    start + tag.start..start + tag.end,
                    msg!(TemplateSyntax, text = tag_text),
                    msg!(WriteTextItself),
                ));
            }
        }
    }
    out
}

/// Which of the texts `wanted` occur in `content`: all of them looked for
/// in one pass (Aho–Corasick), in time linear in the lengths.
fn occurring<'t>(content: &str, wanted: impl Iterator<Item = &'t str>) -> HashSet<&'t str> {
    let distinct: Vec<&str> = wanted.collect::<HashSet<_>>().into_iter().collect();
    let mut present = HashSet::new();
    if distinct.is_empty() {
        return present;
    }
    match aho_corasick::AhoCorasick::new(&distinct) {
        Ok(automaton) => {
            let mut seen = vec![false; distinct.len()];
            let mut left = distinct.len();
            for m in automaton.find_overlapping_iter(content) {
                let i = m.pattern().as_usize();
                if !seen[i] {
                    seen[i] = true;
                    present.insert(distinct[i]);
                    left -= 1;
                    if left == 0 {
                        break;
                    }
                }
            }
        }
        // Too many texts for one automaton: each asked on its own.
        Err(_) => present.extend(distinct.into_iter().filter(|t| content.contains(*t))),
    }
    present
}

/// Where a finding is in its file, for sorting: its byte offset (finding
/// its line would read the file from the start for each).
fn place(d: &Diagnostic) -> Option<usize> {
    d.span.as_ref().map(|span| span.start)
}

/// At most [`MAX_REPEATS`] findings of one kind (one hint) per file, then
/// one that counts the rest: a file of thousands of placeholders is
/// reported in a screenful.
fn cap_repeats(findings: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut count: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::new();
    let key_of = |d: &Diagnostic| d.hints.first().unwrap_or(&d.message).english();
    for d in findings {
        let key = key_of(&d);
        let n = count.entry(key).or_default();
        *n += 1;
        if *n <= MAX_REPEATS {
            out.push(d);
        }
    }
    let mut extra: Vec<(&String, &usize)> = count.iter().filter(|(_, n)| **n > MAX_REPEATS).collect();
    extra.sort();
    for (key, n) in extra {
        let like = out.iter().find(|d| key_of(d) == *key);
        if let Some(like) = like {
            let mut more = Diagnostic::warning(msg!(MoreLike, count = n - MAX_REPEATS, like = like.message.clone()));
            more.severity = like.severity;
            let hint = like.hints.first().unwrap_or(&like.message).clone();
            out.push(more.in_file(like.file.as_deref().unwrap_or(std::path::Path::new(""))).hint(hint));
        }
    }
    out
}

/// The most findings of one kind reported per file.
const MAX_REPEATS: usize = 20;

/// 请示 formulas in a report.
fn request_formulas(source: &Source, lines: &[Line<'_>], content: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    // The formulas the document holds, asked of it once each.
    let in_document: Vec<&str> = REQUEST_FORMULAS.iter().copied().filter(|f| content.contains(*f)).collect();
    if in_document.is_empty() {
        return out;
    }
    for line in lines {
        let text = line.text;
        if let Some(f) = in_document.iter().find(|f| text.contains(**f)) {
            let at = line.start + text.find(f).unwrap_or(0);
            out.push(finding_at(
                source,
                Severity::Error,
                at..at + f.len(),
                msg!(AsksForApproval, formula = *f),
                msg!(EndAReport),
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
        let hint = match crate::data::did_you_mean(&id.0, &defined) {
            Some(best) => msg!(DidYouMean, name = best),
            None => msg!(DefineTheMetric),
        };
        out.push(finding(source, Severity::Error, at, msg!(MetricNotDefined, id = id.0.as_str()), hint));
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
                msg!(
                    StepDueBefore,
                    title = step.title.to_string(),
                    due = due.deadline().to_string(),
                    date = date.to_string()
                ),
                msg!(StepLiesAhead),
            ));
        }
    }
    out
}

/// Sections given but with nothing in them.
fn empty_sections(source: &Source, doc: &Document) -> Vec<Diagnostic> {
    let mut empty: Vec<(&str, Message)> = Vec::new();
    let blank = |m: &crate::data::Markdown| m.as_str().trim().is_empty();
    for (field, value) in [("intro", &doc.intro), ("closing", &doc.closing)] {
        if value.as_ref().is_some_and(blank) {
            empty.push((field, msg!(FieldIsEmpty, field = field)));
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
            out.push(finding(source, Severity::Warning, at, msg!(NoItems, field = field), msg!(AddItemsOrRemove)));
        }
        for (title, is_blank) in items {
            if is_blank {
                let at = locate(source, title.as_str(), |l| l.contains(title.as_str()));
                out.push(finding(
                    source,
                    Severity::Warning,
                    at,
                    msg!(NoBody, title = title.to_string(), field = field),
                    msg!(SayWhatWasDone),
                ));
            }
        }
    }
    for (field, message) in empty {
        let key = format!("{field}:");
        let at = locate(source, &key, |l| l.trim_start().starts_with(&key));
        out.push(finding(source, Severity::Warning, at, message, msg!(WriteItOrRemove)));
    }
    out
}

static ISO_DATE: LazyLock<Regex> = LazyLock::new(|| re(r"(?:^|[^0-9])((?:19|20)\d\d)-(\d{1,2})-(\d{1,2})(?:$|[^0-9])"));
static ZH_DATE: LazyLock<Regex> = LazyLock::new(|| re(r"((?:19|20)\d\d)年(\d{1,2})月(\d{1,2})日"));

static EN_DATE: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"(?:^|[^0-9])(\d{{1,2}}) ({}),? ((?:19|20)\d\d)", MONTH_NAMES_FULL.join("|"))));

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
                msg!(DateOutsidePeriod, date = found.as_str(), period = period.to_string()),
                msg!(CheckTheDate),
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
        let month = MONTH_NAMES_FULL.iter().position(|m| *m == &c[2]).map_or(0, |i| i + 1);
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

    fn lint(text: &str, input: Input) -> Vec<Diagnostic> {
        let source = Source { path: "t.yaml".into(), text: text.into() };
        placeholders(&source, &visible_lines(text, input), text)
    }

    fn lint_text(text: &str) -> Vec<String> {
        lint(text, Input::Data).iter().map(|d| d.message.english()).collect()
    }

    fn errors(text: &str, input: Input) -> Vec<String> {
        lint(text, input).iter().filter(|d| d.severity == Severity::Error).map(|d| d.message.english()).collect()
    }

    fn warnings(text: &str, input: Input) -> Vec<String> {
        lint(text, input).iter().filter(|d| d.severity == Severity::Warning).map(|d| d.message.english()).collect()
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
            // a single X for a number or a name, in Chinese
            "×户×人",
            "贫困发生率×%",
            "同比增长X%",
            "同比增长X.X%",
            "完成投资X万元",
            "召开会议x次",
            "第X期",
            "X个村",
            "培训X人次",
            "建成X平方米",
            "培训X小时",
            "共X个项目",
            "约Ｘ万元",
            "达ｘ％",
            "第x批",
            "X县",
            "提高X个百分点",
            "下降X",
            // and in English
            "X households",
            "up X%",
            "X million yuan",
            "X people",
            "X%",
            "a total of X.",
            "rose by X",
            "X per cent",
            "In X villages",
            "The X households",
            "about x people",
            "reached X.",
            "nearly X jobs",
            "Model X% of sales",
            // years
            "201X年",
            "in 202x",
            "20__年",
            // day-first English dates
            "On X October",
            "X October 2026",
            "from 1 to X November",
            "X-X November",
            "on X Oct.",
            "October X-X",
            "Sept. XX",
            "1-X Dec",
            // other placeholders
            "○○村",
            "〇〇镇",
            "位于○○县",
            "□□",
            "共□□户",
            "____年",
            "填写____",
            "name: ___",
            "todo: add figures",
            "Done. todo: check",
            "- todo: ask",
            "Todo：补数据",
            "待补充",
            "（待填写）",
            "[Name]",
            "Dear [name],",
            "[Insert date]",
            "[XX]",
            "[Organisation]",
            "[Date of the meeting]",
            // Roman numerals only after their words
            "XX County",
            "in xx village",
            // a placeholder next to, not inside, an address
            "see https://example.com and XX County",
            "write to a@example.com about XX县",
            // a heading in a block scalar is text, not a comment
            "body: |\n  # XX County\n",
            "title: \"a # XX\"",
            "title: 'it''s # XX'",
        ] {
            assert!(!errors(text, Input::Data).is_empty(), "missed: {text}");
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
            // X in words and measures
            "X光",
            "X射线",
            "X线检查",
            "X型",
            "X染色体",
            "XX染色体",
            "X轴",
            "拍X光片",
            "X平台",
            "3×4米",
            "2×2",
            "4 × 4 米",
            "Malcolm X",
            "Malcolm X said",
            "Model X",
            "Model X sales",
            "Model X units sold",
            "SpaceX",
            "X-ray",
            "4x4",
            "4 x 4 metres",
            "0x1F",
            "x-axis",
            "the X axis",
            "Xi'an",
            "Windows XP",
            "Box X-1",
            "X.509 certificates",
            "Generation X people",
            // Roman numerals
            "Chapter XX",
            "Super Bowl XXX",
            "the XX Congress",
            "the XX National Congress",
            "Vol. XX",
            "Pope Pius XX",
            "Part XX",
            // CSS sizes
            "xx-large",
            "font-size: xxx-small",
            "xx-small",
            // addresses
            "https://example.com/XXX/",
            "xx.example.org",
            "xx@example.com",
            "www.xx.cn/XX",
            "http://example.com/20xx/x-y",
            // zeros, boxes, rules, identifiers
            "二〇〇八年",
            "二○○八年",
            "二〇二六年",
            "□是 □否",
            "___",
            "  ___",
            "foo___bar",
            "__init__",
            "___bold italic___",
            // links, footnotes, task lists
            "[Name](https://example.com)",
            "see [the list][Name]",
            "[Name]: https://example.com",
            "[^1]",
            "- [ ] task",
            "- [x] done",
            "[Figure 1]",
            // ordinary words
            "the todo list",
            "my todo: list",
            "待定事项",
            "{#intro}",
            // YAML comments
            "# TODO later",
            "# {{ x }}",
            "title: Report  # XX County",
            "title: it's done # XX",
            "title: \"a\" # XX",
            "body: |\n  text\nnote: x # XX\n",
            "- body: |\n    text\n  title: t # XX\n",
            "a: 1\n# TODO: figures for xx County\nb: 2\n",
        ] {
            assert!(lint_text(text).is_empty(), "false alarm on {text}: {:?}", lint_text(text));
        }
    }

    #[test]
    fn markdown_bodies_have_headings_not_comments() {
        let md = "---\ntitle: Report # XX County\norganization: o\n---\n\n# XX County\n\nBody.\n";
        let found = lint(md, Input::MdFile);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].line_column(), Some((6, 3)));
    }

    #[test]
    fn overlapping_findings_are_reported_once() {
        assert_eq!(lint_text("On October XX the town"), ["`October XX` looks like a day left as a placeholder"]);
        assert_eq!(
            errors("from 1 to X November", Input::Data),
            ["`X November` looks like a day left as a placeholder"]
        );
        assert_eq!(lint_text("×户×人").len(), 2);
        assert_eq!(lint_text("XX XX").len(), 2);
        assert_eq!(lint_text("同比增长X%"), ["`增长X%` looks like a number or name left as a placeholder"]);
        assert_eq!(lint_text("up X%"), ["`up X%` looks like a number or name left as a placeholder"]);
        assert_eq!(lint_text("培训X人次"), ["`X人次` looks like a number or name left as a placeholder"]);
    }

    #[test]
    fn findings_point_at_their_text() {
        let text = "a: 1\nbody: |\n  In xx townships by October X\n";
        let found = lint(text, Input::Data);
        let at: Vec<_> = found.iter().map(|d| (d.line_column(), d.span.clone().map(|s| &text[s]))).collect();
        assert_eq!(at, [(Some((3, 6)), Some("xx")), (Some((3, 22)), Some("October X"))]);
    }

    #[test]
    fn template_syntax_is_a_warning() {
        let text = "body: Wells: {{ metric.wells.sentence }}";
        assert_eq!(
            warnings(text, Input::Data),
            ["`{{ metric.wells.sentence }}` is template syntax; data is printed as written, never run as a template"]
        );
        assert!(errors(text, Input::Data).is_empty());
        // (A Markdown body: in YAML, `{` would start a flow mapping.)
        for text in ["{% if x %}done{% endif %}", "{# a note #}", "an open {{ brace", "# {{ x }}"] {
            assert!(!warnings(text, Input::MdFile).is_empty(), "missed: {text}");
        }
        assert_eq!(warnings("{% if x %}done{% endif %}", Input::MdFile).len(), 2);
        for text in ["{#intro}", "# {{ x }}", "title: t # {{ x }}", "body: |\n  ```\n  {{ x }}\n  ```\n", "{ {x} }"] {
            assert!(warnings(text, Input::Data).is_empty(), "false alarm on {text}");
        }
        // Text that does not reach the document is not linted.
        let source = Source { path: "t.yaml".into(), text: "id: {{ x }}".into() };
        assert!(placeholders(&source, &visible_lines(&source.text, Input::Data), "other text").is_empty());
    }

    #[test]
    fn comments_are_cut_where_yaml_cuts_them() {
        assert_eq!(cut_comment("a: b # c", None), ("a: b ", None));
        assert_eq!(cut_comment("a: C#", None), ("a: C#", None));
        assert_eq!(cut_comment("a: 'x # y' # z", None), ("a: 'x # y' ", None));
        assert_eq!(cut_comment("a: \"x \\\" # y\" # z", None), ("a: \"x \\\" # y\" ", None));
        assert_eq!(cut_comment("a: \"open # x", None), ("a: \"open # x", Some('"')));
        assert_eq!(cut_comment("still open\" # x", Some('"')), ("still open\" ", None));
        assert_eq!(cut_comment("- it's # x", None), ("- it's ", None));
        assert_eq!(cut_comment("# all", None), ("", None));
        assert_eq!(block_scalar("body: |"), Some(0));
        assert_eq!(block_scalar("  - body: >-"), Some(4));
        assert_eq!(block_scalar("- |"), Some(0));
        assert_eq!(block_scalar("text: !!str |2"), Some(0));
        assert_eq!(block_scalar("title: a | b"), None);
        assert_eq!(block_scalar("title: a |"), None);
    }

    #[test]
    fn long_lines_lint_fast() {
        let piece = "XX县×户 up X% https://a.cn/XX 20xx October X {{ y }} ○○村 ____ [Name] 某某 x x 4x4 X光 ";
        let line = piece.repeat(6000 / piece.chars().count() + 1);
        let plain = "maximum taxi exceed the fox, 3×4米，X光。".repeat(200);
        for text in [format!("body: {line}\n"), format!("body: {plain}\n"), "x".repeat(6000), "{{".repeat(3000)] {
            let t = std::time::Instant::now();
            let found = lint(&text, Input::Data);
            assert!(t.elapsed() < std::time::Duration::from_secs(2), "{} findings in {:?}", found.len(), t.elapsed());
        }
    }

    #[test]
    fn background_dates_are_not_findings() {
        assert!(is_background("Since 1 November 2025 the team", "1 November 2025"));
        assert!(is_background("自2025年11月1日进驻以来", "2025年11月1日"));
        assert!(is_background("2025年11月1日以来，工作队", "2025年11月1日"));
        assert!(!is_background("On 1 November 2025 the team", "1 November 2025"));
    }

    fn zh_context() -> style::Context {
        style::Context {
            lang: crate::base::lang::Lang::Zh,
            doc_kind: crate::data::DocKind::Report,
            title: "关于10月份工作情况的报告".into(),
            period: crate::data::Period::parse("2026-10").ok(),
            date: NaiveDate::from_ymd_opt(2026, 11, 5),
            markdown_file: false,
        }
    }

    fn style_of(text: &str) -> Vec<Diagnostic> {
        let source = Source { path: "t.yaml".into(), text: text.into() };
        style_findings(&source, Input::Data, &zh_context())
    }

    #[test]
    fn style_findings_point_at_their_text() {
        let text = "lang: zh\nprogress:\n  - title: 工作\n    body: \"完成\\\"三农\\\"任务,共3项。\"\n";
        let mut found = style_of(text);
        found.sort_by_key(place);
        let at: Vec<_> = found.iter().map(|d| (d.line_column(), d.span.clone().map(|s| &text[s]))).collect();
        assert_eq!(at, [(Some((4, 14)), Some("\\\"三农\\\"")), (Some((4, 22)), Some(","))], "{found:?}");
    }

    #[test]
    fn style_lint_of_a_large_file_stays_linear() {
        // 20,000 lines of faults (and one line of 20,000 marks): read once
        // each, and reported in a screenful.
        let line =
            "      全县完成投资3.5亿元,同比增长8%(上年\"三农\")2026年09月05日,10月5号,见`a,b`和[x](https://a.cn/,)。\n";
        let mut text = String::from("lang: zh\nprogress:\n  - title: 工作\n    body: |\n");
        for _ in 0..20_000 {
            text.push_str(line);
        }
        text.push_str(&format!("      {}\n", "中,](<a`".repeat(2_500)));
        let source = Source { path: "t.yaml".into(), text: text.as_str().into() };
        let found = cap_repeats(style_findings(&source, Input::Data, &zh_context()));
        assert!(found.len() < 200, "{} findings", found.len());
        assert!(found.iter().any(|d| d.message.english().starts_with("… and ")), "no count of the rest");
        let fixed = fix(&source).unwrap().unwrap();
        assert_eq!(fixed.lines.len(), 20_001);
        assert!(
            fixed
                .text
                .contains("投资3.5亿元，同比增长8%（上年“三农”）2026年9月5日，10月5日，见`a,b`和[x](https://a.cn/,)。")
        );
        let again = Source { path: "t.yaml".into(), text: fixed.text.as_str().into() };
        assert!(fix(&again).unwrap().is_none(), "a second fix changes nothing");
    }

    #[test]
    fn the_fixed_text_says_the_same() {
        assert!(style::same_text("中,文(甲)\"乙\"09月05号...", "中，文（甲）“乙”9月5日……"));
        assert!(!style::same_text("中,文", "中，字"));
        assert!(!style::same_text("2026年10月", "2026年1月"));
    }

    #[test]
    fn finds_dates() {
        let found = dates_in("On 31 July 2026 and 2026年8月2日 and 2026-09-02.");
        assert_eq!(found.len(), 3);
    }
}
