//! Filters and functions templates can use: numbering, numbers, amounts,
//! dates and periods in the document's language, and Markdown helpers.
//! Every filter returns plain text (escaped on output) unless it says it
//! returns Markdown.

use minijinja::value::{Kwargs, ValueKind};
use minijinja::{Environment, Error, ErrorKind, State, Value};

use crate::base::markdown::fields as markdown;
use crate::data::Lang;
use crate::data::{Due, Period};
use crate::derive::format::{en, zh};
use crate::derive::lang::{Language, language};

/// Registers every filter on the Environment.
pub(super) fn register(env: &mut Environment<'static>) {
    env.add_filter("run_in", run_in);
    env.add_filter("append_to_last", append_to_last);
    env.add_filter("lcfirst", lcfirst);
    env.add_filter("item_lead", |title: &str, n: i64| crate::derive::format::lead::item_lead(n, title));
    env.add_filter("roman", |n: i64| en::roman(n));
    env.add_filter("ordinal", |n: i64| en::ordinal_word(n));
    env.add_filter("ordinal_lower", |n: i64| en::ordinal_lower(n));
    env.add_filter("zh_num", |n: i64| zh::numeral(n));
    env.add_filter("section_no", |n: i64| zh::section_number(n));
    env.add_filter("item_no", |n: i64| zh::item_number(n));
    env.add_filter("sub_no", |n: i64| zh::sub_number(n));
    env.add_filter("subsub_no", |n: i64| zh::subsub_number(n));
    env.add_filter("ordinal_lead", |n: i64| zh::ordinal_lead(n));
    env.add_filter("num", num);
    env.add_filter("amount", amount);
    env.add_filter("percent", percent);
    env.add_filter("points", points);
    env.add_filter("date", date);
    env.add_filter("period", period);
    env.add_filter("due", due);
    env.add_filter("households_people", households_people);
    env.add_function("chart", chart);
}

/// A value as text: whole floats without `.0`, so `28174.0` prints `28174`.
pub(super) fn display(value: &Value) -> String {
    if value.kind() == ValueKind::Number
        && let Ok(f) = f64::try_from(value.clone())
        && f.fract() == 0.0
        && f.abs() < 1e15
    {
        return format!("{f:.0}");
    }
    value.to_string()
}

/// The words of the document's language.
fn words(state: &State) -> &'static dyn Language {
    language(if state.lookup("lang").is_some_and(|l| l.as_str() == Some("zh")) { Lang::Zh } else { Lang::En })
}

fn number(value: &Value) -> Result<f64, Error> {
    f64::try_from(value.clone())
        .map_err(|_| Error::new(ErrorKind::InvalidOperation, format!("expected a number, found {value}")))
}

/// `{{ body | run_in(lead) }}`: Markdown with `lead` as a bold run-in
/// heading at the start of the first paragraph; on a paragraph of its own
/// when the body starts with something else (a list, a table). Returns
/// Markdown.
fn run_in(body: Value, lead: &str) -> Value {
    Value::from_safe_string(markdown::run_in(body.as_str().unwrap_or_default(), lead))
}

/// `{{ intro | append_to_last("The situation is as follows:", if_not_ending=":") }}`:
/// Markdown with `text` added to its last paragraph (or as a paragraph of
/// its own when that would change the Markdown's structure). With
/// `if_not_ending`, nothing is added when the Markdown already ends with one
/// of those characters, nor when it ends with a lead-in of its own closed by
/// a full stop ("现将有关情况报告如下。", "as follows."), whose stop becomes
/// the colon a lead-in takes. Returns Markdown.
fn append_to_last(body: Value, text: &str, kwargs: Kwargs) -> Result<Value, Error> {
    let body = body.as_str().unwrap_or_default();
    let skip_if: Option<String> = kwargs.get("if_not_ending")?;
    kwargs.assert_all_used()?;
    if let Some(chars) = skip_if {
        let end = body.trim_end();
        if end.chars().last().is_some_and(|c| chars.contains(c)) {
            return Ok(Value::from_safe_string(end.to_owned()));
        }
        let lead = end.trim_end_matches(['。', '.', '；', ';']);
        if lead.len() < end.len() && lead.ends_with("如下") {
            return Ok(Value::from_safe_string(format!("{lead}：")));
        }
        if lead.len() < end.len() && lead.to_lowercase().ends_with("as follows") {
            return Ok(Value::from_safe_string(format!("{lead}:")));
        }
    }
    Ok(Value::from_safe_string(markdown::append_to_last(body, text)))
}

/// Lower-cases the first letter of a capitalised first word ("Set up" →
/// "set up"), leaving acronyms and names in capitals alone ("NASA", "iPhone"),
/// and a word that begins a name of several capitalised words ("Tuanfeng
/// County opened…").
fn lcfirst(text: &str) -> String {
    let mut chars = text.chars();
    let Some(first) = chars.next() else { return String::new() };
    let word: String = chars.clone().take_while(|c| c.is_alphabetic()).collect();
    let next_word = text.split_whitespace().nth(1).and_then(|w| w.chars().next());
    let in_a_name = next_word.is_some_and(char::is_uppercase);
    if first.is_uppercase() && !word.is_empty() && word.chars().all(char::is_lowercase) && !in_a_name {
        first.to_lowercase().chain(chars).collect()
    } else {
        text.to_owned()
    }
}

/// `{{ n | num }}` / `{{ n | num(1) }}`: 1,234 / 1,234.5 (en), 1234 (zh).
fn num(state: &State, value: Value, decimals: Option<usize>) -> Result<String, Error> {
    let n = number(&value)?;
    let decimals = decimals.unwrap_or(if n.fract() == 0.0 { 0 } else { 1 });
    Ok(words(state).number(n, decimals))
}

/// `{{ yuan | amount }}`: "32.2 million yuan" / "3220万元".
fn amount(state: &State, value: Value) -> Result<String, Error> {
    let n = number(&value)?;
    Ok(words(state).amount_yuan(n))
}

/// `{{ ratio | percent }}`: 0.745 → "74.5%".
fn percent(state: &State, value: Value) -> Result<String, Error> {
    let n = number(&value)?;
    Ok(words(state).percent(n))
}

/// `{{ delta | points }}`: "up 9.6 percentage points" / "提高9.6个百分点".
fn points(state: &State, value: Value) -> Result<String, Error> {
    let n = number(&value)?;
    Ok(words(state).points(n))
}

fn parse_day(value: &Value) -> Result<chrono::NaiveDate, Error> {
    let text = display(value);
    crate::data::parse_date(&text).map_err(|e| Error::new(ErrorKind::InvalidOperation, e.to_string()))
}

/// `{{ date | date }}`: "5 November 2026" / "2026年11月5日".
fn date(state: &State, value: Value) -> Result<String, Error> {
    let d = parse_day(&value)?;
    Ok(words(state).date(d))
}

/// `{{ period | period }}`: "October 2026" / "2026年10月".
fn period(state: &State, value: Value) -> Result<String, Error> {
    let p = Period::parse(&display(&value)).map_err(|e| Error::new(ErrorKind::InvalidOperation, e.to_string()))?;
    Ok(words(state).period(&p))
}

/// `{{ step.due | due }}`: "by 31 December 2026" / "2026年12月31日前".
fn due(state: &State, value: Value) -> Result<String, Error> {
    let d = Due::parse(&display(&value)).map_err(|e| Error::new(ErrorKind::InvalidOperation, e.to_string()))?;
    Ok(words(state).due(&d))
}

/// `{{ h | households_people(p) }}`: "103 households (307 people)" / "103户307人".
fn households_people(state: &State, households: Value, people: Value) -> Result<String, Error> {
    let (h, p) = (number(&households)?, number(&people)?);
    Ok(words(state).households_people(h, p))
}

/// `{{ chart(labels=[…], series=[{"name": …, "values": […], "texts": […]}], title=…, unit=…, kind="bar", scale="all") }}`:
/// a ```` ```chart ```` block drawing the data. Returns Markdown.
fn chart(kwargs: Kwargs) -> Result<Value, Error> {
    let text = |v: Value| if v.is_none() || v.is_undefined() { None } else { Some(display(&v)) };
    let labels: Vec<String> = match kwargs.get::<Value>("labels")? {
        v if v.is_undefined() => Vec::new(),
        v => v.try_iter()?.map(|l| display(&l)).collect(),
    };
    let mut series = Vec::new();
    for s in kwargs.get::<Value>("series")?.try_iter()? {
        let name = display(&s.get_attr("name")?);
        let mut values = Vec::new();
        for v in s.get_attr("values")?.try_iter()? {
            values.push(if v.is_none() || v.is_undefined() { None } else { Some(number(&v)?) });
        }
        let texts = match s.get_attr("texts")? {
            t if t.is_undefined() || t.is_none() => None,
            t => Some(t.try_iter()?.map(|x| if x.is_none() { String::new() } else { display(&x) }).collect()),
        };
        series.push(crate::data::chart::Series { name, values, texts });
    }
    let chart = crate::data::chart::Chart {
        kind: kwargs.get::<Option<String>>("kind")?.unwrap_or_else(|| "bar".into()),
        title: text(kwargs.get::<Value>("title").unwrap_or_default()),
        unit: text(kwargs.get::<Value>("unit").unwrap_or_default()),
        scale: kwargs.get::<Option<String>>("scale")?,
        labels,
        series,
    };
    kwargs.assert_all_used()?;
    Ok(Value::from_safe_string(crate::data::chart::fenced_block(&chart)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An opening that ends with a lead-in of its own gets none added: its
    /// full stop becomes a colon.
    #[test]
    fn a_lead_in_of_the_writers_own_is_kept() {
        let mut env = minijinja::Environment::new();
        env.add_filter("append_to_last", append_to_last);
        let render = |intro: &str, lead: &str| {
            env.render_str(
                "{{ intro | append_to_last(lead, if_not_ending=\"：:\") }}",
                minijinja::context! { intro, lead },
            )
            .unwrap()
        };
        assert_eq!(render("正文。现将有关情况报告如下。", "现将有关情况报告如下："), "正文。现将有关情况报告如下：");
        assert_eq!(
            render("Text. The situation is as follows.", "It is reported as follows:"),
            "Text. The situation is as follows:"
        );
        assert_eq!(render("正文。现将有关情况报告如下：", "现将有关情况报告如下："), "正文。现将有关情况报告如下：");
        assert_eq!(render("正文。", "现将有关情况报告如下："), "正文。现将有关情况报告如下：");
    }

    #[test]
    fn lcfirst_keeps_names_and_acronyms() {
        assert_eq!(lcfirst("Set up the headquarters"), "set up the headquarters");
        assert_eq!(lcfirst("NASA visit"), "NASA visit");
        assert_eq!(lcfirst("iPhone"), "iPhone");
        assert_eq!(lcfirst("A plan"), "A plan");
        assert_eq!(lcfirst("Tuanfeng County opened a market"), "Tuanfeng County opened a market");
        assert_eq!(lcfirst("Build the Party"), "build the Party");
        assert_eq!(lcfirst(""), "");
    }
}
