//! The derive layer: pure computations on loaded data. The figures of a
//! document (rates, changes, schedule, sentences: [`figures`]), the
//! bulletin's roll-up of loaded unit returns ([`rollup`]), the words and
//! formatters of each language ([`lang`], [`format`]), the returns' unlikely
//! figures ([`plausible`]), and the lint.

pub mod figures;
pub mod format;
pub mod lang;
pub mod lint;
pub mod metric;
pub mod plausible;
pub mod previous;
pub mod rollup;
pub mod tables;

use chrono::NaiveDate;
use serde::Serialize;

use crate::data::{Document, Fields, PeriodKind};
use crate::derive::figures::{Context, metric_figures, schedule};
use crate::derive::lang::language;
use crate::derive::metric::MetricFigures;
use crate::derive::rollup::{Returns, Rollup, RollupError};

/// Everything derived from one document.
#[derive(Clone, Debug, Serialize)]
pub struct Figures {
    /// The document's date: its `date:`, or today.
    pub date: NaiveDate,
    /// The date as the document prints it.
    pub date_text: String,
    /// The period as the document prints it.
    pub period_text: Option<String>,
    /// 序时进度: share of the target's time span elapsed (see [`schedule`]).
    pub schedule: Option<f64>,
    /// The schedule as a percentage.
    pub schedule_text: Option<String>,
    /// Every metric with its derived figures, in the order of the data.
    pub metrics: Vec<MetricFigures>,
    /// The issue number a bulletin gets when it gives none: its month.
    #[serde(skip)]
    pub default_issue: Option<u32>,
    /// The roll-up of a bulletin's unit files.
    pub rollup: Option<Rollup>,
    /// Last period's next steps that `followups:` say what became of (set
    /// by the engine from `previous_file`, see [`previous`]).
    pub followups: Vec<previous::FollowedUp>,
    /// How many next steps last period's file has (none without one).
    pub previous_steps: Option<usize>,
}

/// Derives the figures of a document; a bulletin's from the `returns` of
/// its units, loaded by the engine (none for other documents).
pub fn derive(doc: &Document, today: NaiveDate, returns: Option<Returns>) -> Result<Figures, RollupError> {
    let date = doc.date.unwrap_or(today);
    let lang = doc.lang;
    let words = language(lang);
    let schedule = doc.period.as_ref().map(|p| schedule(p, date));
    let cx = Context { lang, schedule, period: doc.period };
    let metrics = doc.metrics.iter().map(|m| metric_figures(m, &cx)).collect();
    let rollup = match &doc.fields {
        Fields::Bulletin(b) => Some(rollup::roll_up(doc, b, returns.unwrap_or_default(), schedule)?),
        _ => None,
    };
    let default_issue = doc.period.as_ref().filter(|p| p.kind() == PeriodKind::Month).map(|p| {
        use chrono::Datelike;
        p.start().month()
    });
    Ok(Figures {
        date,
        date_text: words.date(date),
        period_text: doc.period.as_ref().map(|p| words.period(p)),
        schedule,
        schedule_text: schedule.map(|s| words.percent(s)),
        metrics,
        default_issue,
        rollup,
        followups: Vec::new(),
        previous_steps: None,
    })
}
