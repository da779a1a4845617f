//! The template context of a document: its fields, with `metrics` replaced
//! by the derived figures and `followups` by last period's steps followed
//! up, plus `metric` (by id), `date`, `figures`, `previous_steps` and, for a
//! bulletin, `rollup`.

use std::collections::BTreeMap;

use minijinja::Value;

use crate::data::Document;
use crate::derive::Figures;
use crate::derive::metric::MetricFigures;

/// The template context: the document's fields, with `metrics` replaced by
/// the derived figures, plus `metric` (by id), `date`, `figures`.
pub fn context(doc: &Document, figures: &Figures) -> Value {
    let doc_value = Value::from(minijinja::value::Serde(doc));
    let mut map: BTreeMap<String, Value> = BTreeMap::new();
    if let Ok(keys) = doc_value.try_iter() {
        for key in keys {
            if let (Some(name), Ok(v)) = (key.as_str(), doc_value.get_item(&key)) {
                map.insert(name.to_owned(), v);
            }
        }
    }
    let by_id: BTreeMap<String, &MetricFigures> = figures.metrics.iter().map(|m| (m.metric.id.0.clone(), m)).collect();
    map.insert("metrics".into(), Value::from(minijinja::value::Serde(&figures.metrics)));
    map.insert("metric".into(), Value::from(minijinja::value::Serde(&by_id)));
    map.insert("date".into(), Value::from(figures.date.to_string()));
    // Last period's steps with what became of them, in place of the
    // `followups:` as written (their titles are the earlier file's).
    map.insert("followups".into(), Value::from(minijinja::value::Serde(&figures.followups)));
    map.insert("previous_steps".into(), Value::from(figures.previous_steps));
    // Where the chart goes, the template's default applied: "body",
    // "attachment" or "none".
    let charts = match doc.charts() {
        crate::data::Charts::Body => "body",
        crate::data::Charts::Attachment => "attachment",
        crate::data::Charts::None => "none",
    };
    map.insert("charts".into(), Value::from(charts));
    // Every issuer of a joint document, the 主办机关 (`organization`) first.
    let issuers: Vec<&str> =
        std::iter::once(doc.organization.as_str()).chain(doc.joint.iter().map(|t| t.as_str())).collect();
    map.insert("organizations".into(), Value::from(issuers.into_iter().map(Value::from).collect::<Vec<_>>()));
    map.insert("figures".into(), Value::from(minijinja::value::Serde(figures)));
    if let Some(rollup) = &figures.rollup {
        map.insert("rollup".into(), Value::from(minijinja::value::Serde(rollup)));
    }
    Value::from(map)
}
