//! The figures derived from one metric, as values: what the formatters of
//! each language and the templates read.

use serde::Serialize;

use crate::data::Metric;

/// A change between two figures.
#[derive(Clone, Debug, Serialize)]
pub struct Change {
    /// `actual − base` (for "%" metrics: in percentage points).
    pub delta: f64,
    /// `delta / base`; none when the base is 0 or below or the unit is "%".
    pub ratio: Option<f64>,
    /// Whether the change is good news, judged by `better`; none when flat.
    pub good: Option<bool>,
    /// The change in words: "up 6,000 (40.0%)" / "较上期增加6000人，增长40.0%".
    pub text: String,
    /// The change alone, as a table's cell: "up 6,000 (40.0%)" /
    /// "增加6000人，增长40.0%".
    pub figure: String,
}

/// How an actual figure stands to its target, judged on the printed
/// figures (so that "全面完成" never sits next to two different numbers).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Above the target where higher is better (超额完成 / exceeded).
    Exceeded,
    /// Exactly the target where higher is better (全面完成 / met in full).
    Met,
    /// Below the target where higher is better.
    Short,
    /// At or below the target where lower is better (控制在目标以内).
    Within,
    /// Above the target where lower is better.
    Over,
}

/// A metric with what is derived from it.
#[derive(Clone, Debug, Serialize)]
pub struct MetricFigures {
    /// The metric as written.
    #[serde(flatten)]
    pub metric: Metric,
    /// `actual / target`, when both are given and the target is not 0.
    pub rate: Option<f64>,
    /// The rate as a percentage ("74.5%").
    pub rate_text: Option<String>,
    /// Whether the target is met (judged by `better`).
    pub met: Option<bool>,
    /// Whether the rate is at or above the schedule (序时进度).
    pub on_schedule: Option<bool>,
    /// The actual figure with its unit ("21,000 people", "3220万元").
    pub actual_text: Option<String>,
    /// The target with its unit.
    pub target_text: Option<String>,
    /// Change on the previous period (环比 / 较上期).
    pub vs_previous: Option<Change>,
    /// Change on the same period last year (同比).
    pub vs_last_year: Option<Change>,
    /// How the actual figure stands to the target, on the printed figures;
    /// none without both (or with a target of 0 or below, unless the
    /// metric is in `%`).
    pub outcome: Option<Outcome>,
    /// The distance between the printed actual figure and the printed
    /// target, without sign, in the sentence's unit: "3.5个百分点", "5万元" /
    /// "3.5 percentage points".
    pub gap_text: Option<String>,
    /// The printed rate minus the printed schedule, in percentage points
    /// (83.1% against 83.3%: −0.2); none where lower is better.
    pub schedule_gap: Option<f64>,
    /// That gap in words: "低于序时进度0.2个百分点" / "0.2 percentage points
    /// behind schedule".
    pub schedule_gap_text: Option<String>,
    /// One sentence saying all of it.
    pub sentence: String,
    /// The sentence leaves out the change on the previous period: in a
    /// yearly document that is last year, said once, from `last_year`.
    #[serde(skip)]
    pub previous_is_last_year: bool,
}

pub use crate::base::text::{is_percent, is_yuan, yuan_exp};
