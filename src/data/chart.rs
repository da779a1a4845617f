//! The data of a chart: a ```` ```chart ```` block in the body holds YAML
//! (kind, labels, series), read and checked here; each output format draws
//! it its own way.
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

use crate::base::msg::{Message, msg};
use serde::{Deserialize, Serialize};

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

impl Chart {
    /// A chart block's YAML, read and checked, or what is wrong with it.
    pub fn parse(yaml: &str) -> Result<Chart, Message> {
        let chart: Chart = super::from_yaml_text(yaml)?;
        if !matches!(chart.scale.as_deref(), None | Some("all" | "row")) {
            return Err(msg!(ChartScale));
        }
        if !matches!(chart.kind.as_str(), "bar" | "column") {
            return Err(msg!(ChartKind, kind = chart.kind.as_str()));
        }
        if chart.labels.is_empty() || chart.labels.len() > MAX_LABELS {
            return Err(msg!(ChartLabels, max = MAX_LABELS, found = chart.labels.len()));
        }
        if chart.series.is_empty() || chart.series.len() > MAX_SERIES {
            return Err(msg!(ChartSeries, max = MAX_SERIES, found = chart.series.len()));
        }
        for s in &chart.series {
            if s.values.len() != chart.labels.len() {
                return Err(msg!(
                    ChartValuesPerLabel,
                    series = s.name.as_str(),
                    values = s.values.len(),
                    labels = chart.labels.len()
                ));
            }
            if s.texts.as_ref().is_some_and(|t| t.len() != chart.labels.len()) {
                return Err(msg!(ChartTextsPerLabel, series = s.name.as_str(), labels = chart.labels.len()));
            }
            for v in s.values.iter().flatten() {
                super::figure_check(*v).map_err(|why| msg!(ChartSeriesValue, series = s.name.as_str(), why = why))?;
            }
        }
        Ok(chart)
    }
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
    fn bad_charts_say_why() {
        let err = |yaml: &str| Chart::parse(yaml).unwrap_err().english();
        assert!(err("labels: [a]\nseries: [{name: s, values: [1, 2]}]").contains("one value per label"));
        assert!(err("labels: []\nseries: []").contains("labels"));
        assert!(err("kind: pie\nlabels: [a]\nseries: [{name: s, values: [1]}]").contains("pie"));
        assert!(Chart::parse("labels: [a]\nseries: [{name: s, values: [.nan]}]").is_err());
        assert!(err("labels: [a]\nseries: [{name: s, values: [1.0e19]}]").contains("too large"));
        assert!(err("labels: [a\n").contains("line"));
        assert!(err("labells: [a]").contains("labells"));
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
        assert!(Chart::parse(&inner).is_ok(), "{block}");
        assert!(block.starts_with("````chart"), "{block}");
    }
}
