//! Charts: a ```` ```chart ```` block in the body holds YAML data (kind,
//! labels, series); it becomes a call of the style's `zj-chart` with that
//! data as Typst literals, so nothing in the block can become code.
//!
//! ```yaml
//! kind: bar                 # bar (horizontal, the default) or column
//! title: Households lifted out of poverty
//! unit: households
//! scale: all                # or row: each label's bars on their own scale
//! labels: [Fengxu, Laozhai]
//! series:
//!   - {name: Target, values: [186, 142]}
//!   - {name: Actual, values: [178, 131], texts: ["178", "131"]}   # texts: optional
//! ```

use serde::{Deserialize, Serialize};

use crate::typst_source::Data;
use crate::typst_writer::breaks::breakable;
use crate::typst_writer::escape::string_literal;

/// The data of a chart.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Chart {
    /// `bar` (horizontal bars) or `column`.
    #[serde(default = "default_kind")]
    pub kind: String,
    /// A caption above the chart.
    #[serde(default)]
    pub title: Option<String>,
    /// The unit of the values, shown in the caption.
    #[serde(default)]
    pub unit: Option<String>,
    /// `all` (default): one scale for every bar; `row`: each label's bars
    /// on a scale of their own (target against actual of figures in
    /// different units).
    #[serde(default)]
    pub scale: Option<String>,
    /// One label per group of bars.
    pub labels: Vec<String>,
    /// The series: a name and one value per label.
    pub series: Vec<Series>,
}

/// One series of a chart.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Series {
    /// Its name, shown in the legend.
    pub name: String,
    /// One value per label; empty for a missing figure.
    pub values: Vec<Option<f64>>,
    /// What to print beside each bar instead of the bare value ("32.2
    /// million yuan").
    #[serde(default)]
    pub texts: Option<Vec<String>>,
}

fn default_kind() -> String {
    "bar".into()
}

/// Most labels a chart may have before it stops being readable.
const MAX_LABELS: usize = 60;
/// Most series.
const MAX_SERIES: usize = 6;

/// The Typst code of a chart block, or what is wrong with its data.
pub fn to_typst(yaml: &str) -> Result<String, String> {
    let chart: Chart = crate::data::from_yaml_text(yaml)?;
    if !matches!(chart.scale.as_deref(), None | Some("all" | "row")) {
        return Err("scale must be `all` or `row`".into());
    }
    if !matches!(chart.kind.as_str(), "bar" | "column") {
        return Err(format!("kind `{}` is not a chart zongjie draws: use `bar` or `column`", chart.kind));
    }
    if chart.labels.is_empty() || chart.labels.len() > MAX_LABELS {
        return Err(format!("a chart needs 1 to {MAX_LABELS} labels, found {}", chart.labels.len()));
    }
    if chart.series.is_empty() || chart.series.len() > MAX_SERIES {
        return Err(format!("a chart needs 1 to {MAX_SERIES} series, found {}", chart.series.len()));
    }
    for s in &chart.series {
        if s.values.len() != chart.labels.len() {
            let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
            return Err(format!(
                "series `{}` has {} for {}: give one value per label",
                s.name,
                plural(s.values.len(), "value", "values"),
                plural(chart.labels.len(), "label", "labels")
            ));
        }
        if s.texts.as_ref().is_some_and(|t| t.len() != chart.labels.len()) {
            return Err(format!(
                "series `{}` has texts for {} labels: give one text per label",
                s.name,
                chart.labels.len()
            ));
        }
        for v in s.values.iter().flatten() {
            crate::data::figure_check(*v).map_err(|why| format!("series `{}`: {why}", s.name))?;
        }
    }
    let number = |v: &Option<f64>| v.map_or_else(|| "none".to_owned(), |v| format!("{v:?}"));
    let mut series = String::from("(");
    for s in &chart.series {
        let values: Vec<String> = s.values.iter().map(number).collect();
        let texts = match &s.texts {
            Some(texts) => {
                let mut out = String::new();
                Data::texts(texts).write_inline(&mut out);
                out
            }
            None => "none".into(),
        };
        series.push_str(&format!(
            "(name: {}, values: ({},), texts: {texts}), ",
            string_literal(&breakable(&s.name)),
            values.join(", ")
        ));
    }
    series.push(')');
    let mut labels = String::new();
    Data::texts(&chart.labels).write_inline(&mut labels);
    Ok(format!(
        "#zj-chart(kind: {}, scale: {}, title: {}, unit: {}, labels: {labels}, series: {series})\n",
        string_literal(&chart.kind),
        string_literal(chart.scale.as_deref().unwrap_or("all")),
        chart.title.as_deref().map_or_else(|| "none".into(), |t| string_literal(&breakable(t))),
        chart.unit.as_deref().map_or_else(|| "none".into(), |u| string_literal(&breakable(u))),
    ))
}

/// The fenced block of a chart, for templates: the fence is longer than any
/// run of backticks in the data.
pub fn fenced_block(chart: &Chart) -> String {
    let json = serde_json_line(chart);
    let longest = json.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest.max(2) + 1);
    format!("{fence}chart\n{json}\n{fence}\n")
}

/// A chart as one line of YAML flow syntax (JSON), which cannot close a fence.
fn serde_json_line(chart: &Chart) -> String {
    let quote = |s: &str| {
        let mut out = String::from("\"");
        for c in s.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                c if (c as u32) < 0x20 || c == '\u{7f}' => out.push_str(&format!("\\u{:04x}", c as u32)),
                c => out.push(c),
            }
        }
        out.push('"');
        out
    };
    let labels: Vec<String> = chart.labels.iter().map(|l| quote(l)).collect();
    let series: Vec<String> = chart
        .series
        .iter()
        .map(|s| {
            let values: Vec<String> =
                s.values.iter().map(|v| v.map_or_else(|| "null".into(), |v| format!("{v:?}"))).collect();
            let texts = s
                .texts
                .as_ref()
                .map(|t| format!(", \"texts\": [{}]", t.iter().map(|x| quote(x)).collect::<Vec<_>>().join(", ")))
                .unwrap_or_default();
            format!("{{\"name\": {}, \"values\": [{}]{texts}}}", quote(&s.name), values.join(", "))
        })
        .collect();
    let mut out = format!("{{\"kind\": {}", quote(&chart.kind));
    if let Some(t) = &chart.title {
        out.push_str(&format!(", \"title\": {}", quote(t)));
    }
    if let Some(u) = &chart.unit {
        out.push_str(&format!(", \"unit\": {}", quote(u)));
    }
    if let Some(scale) = &chart.scale {
        out.push_str(&format!(", \"scale\": {}", quote(scale)));
    }
    out.push_str(&format!(", \"labels\": [{}], \"series\": [{}]}}", labels.join(", "), series.join(", ")));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chart_data_becomes_literals() {
        let code =
            to_typst("labels: ['#set text(red)', 'B\"']\nseries:\n  - {name: '$x$', values: [1, 2.5]}\n").unwrap();
        assert!(code.contains("\"#set text(red)\""), "{code}");
        let root = typst::syntax::parse(&code);
        assert!(!root.diagnosis().errors, "{code}");
    }

    #[test]
    fn bad_charts_say_why() {
        assert!(
            to_typst("labels: [a]\nseries: [{name: s, values: [1, 2]}]").unwrap_err().contains("one value per label")
        );
        assert!(to_typst("labels: []\nseries: []").unwrap_err().contains("labels"));
        assert!(to_typst("kind: pie\nlabels: [a]\nseries: [{name: s, values: [1]}]").unwrap_err().contains("pie"));
        assert!(to_typst("labels: [a]\nseries: [{name: s, values: [.nan]}]").is_err());
        assert!(to_typst("labels: [a]\nseries: [{name: s, values: [1.0e19]}]").unwrap_err().contains("too large"));
        assert!(to_typst("labels: [a\n").unwrap_err().contains("line"));
        assert!(to_typst("labells: [a]").unwrap_err().contains("labells"));
    }

    #[test]
    fn fenced_blocks_round_trip() {
        let chart = Chart {
            kind: "bar".into(),
            title: Some("```\nnot a fence".into()),
            unit: None,
            scale: Some("row".into()),
            labels: vec!["a```b".into()],
            series: vec![Series { name: "s".into(), values: vec![Some(1.0)], texts: Some(vec!["one `yuan`".into()]) }],
        };
        let block = fenced_block(&chart);
        let inner: String = block.lines().skip(1).take(1).collect();
        assert!(to_typst(&inner).is_ok(), "{block}");
        assert!(block.starts_with("````chart"), "{block}");
    }
}
