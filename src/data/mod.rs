//! The data stage: a YAML file of the data contract (DESIGN.md) becomes a
//! typed [`Document`], or a [`DataError`] that names the file, the line and
//! column, the field path and what was expected.
//!
//! serde_yaml is used in this module alone (it is archived upstream; a fork
//! with the same API can replace it here).

pub mod chart;
mod error;
pub mod fields;
mod jsonschema;
mod load;
pub mod mdfile;
mod official;
pub(crate) mod period;
pub mod rewrite;
mod scalar;
mod schema;
pub mod sheet;

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use self::error::{DataError, closest, did_you_mean, serde_message};
pub use self::jsonschema::json_schema;
pub use self::load::{
    MAX_FILE_BYTES, Source, first_lines_of_ids, from_yaml_text, front_matter_template, line_of_id, line_of_key, parse,
    parse_front_matter, read_bytes, read_source, source_from_bytes, to_yaml, written_lang, written_previous_file,
};
pub use self::official::{
    Attachment, AttachmentTable, Charts, CopyNumber, DocNumber, Issuers, Official, Secrecy, Urgency, check_doc_number,
};
pub use self::period::{Due, Period, PeriodError, PeriodKind};
pub(crate) use self::scalar::date as scalar_date;
pub use self::scalar::{MAX_FIGURE, Markdown, Number, Text, figure_check, parse_date};
pub use self::schema::{ExtraField, ExtraKind, FieldSpec, Kind, Schema, SchemaFile};
pub use crate::base::lang::Lang;

/// Paper size.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    /// ISO A4, 210 × 297 mm.
    #[default]
    A4,
    /// US Letter.
    Letter,
}

/// What kind of document this is; decides the closing formula.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DocKind {
    /// A written report (报告): "特此报告。"
    #[default]
    Report,
    /// A spoken briefing (汇报): "以上汇报，请批评指正。"
    Briefing,
    /// A summary (总结), closing with a resolve rather than a formula.
    Summary,
}

/// Whether a rising figure is good news.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Better {
    /// More is better (people lifted out of poverty).
    #[default]
    Higher,
    /// Less is better (a poverty rate).
    Lower,
}

/// An identifier for a metric: letters, digits, `_` and `-`, starting with a
/// letter, so templates can write `metrics.people_out_of_poverty`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Id(pub String);

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        let mut chars = s.chars();
        let ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
            && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
        if ok { Ok(Id(s)) } else { Err(error::raise(crate::base::msg::msg!(BadId, id = s.as_str()))) }
    }
}

impl std::fmt::Display for Id {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A figure the office tracks: target, actual and the comparison points.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Metric {
    /// Identifier, referenced by items and by `rank_by`.
    pub id: Id,
    /// What is counted, as a reader should see it.
    pub label: Text,
    /// Unit of the figures; `%` makes changes percentage points; `yuan` / `元`
    /// (or 万元, 亿元, 千元, thousand, million, billion yuan) formats amounts
    /// in millions / 万元 and 亿元.
    #[serde(default)]
    pub unit: String,
    /// The target for the period.
    pub target: Option<Number>,
    /// What was achieved.
    pub actual: Option<Number>,
    /// The figure of the previous period (环比 / 较上期).
    pub previous: Option<Number>,
    /// The figure of the same period last year (同比).
    pub last_year: Option<Number>,
    /// Whether higher or lower is good news.
    #[serde(default)]
    pub better: Better,
}

/// A progress item or task: a title, Markdown body and the metrics it cites.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Heading of the item, without numbering.
    pub title: Text,
    /// What was done.
    #[serde(default)]
    pub body: Markdown,
    /// Ids of metrics whose figures belong to this item.
    #[serde(default)]
    pub metrics: Vec<Id>,
}

/// A problem that remains.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Problem {
    /// The problem in a phrase ("Progress is uneven").
    pub title: Text,
    /// How it shows.
    #[serde(default)]
    pub body: Markdown,
}

/// A next step, with who leads it and by when.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// The step in a phrase.
    pub title: Text,
    /// What will be done.
    #[serde(default)]
    pub body: Markdown,
    /// The lead unit (牵头单位).
    pub owner: Option<Text>,
    /// The deadline: a day, month, quarter, half-year or year.
    pub due: Option<Due>,
}

/// How far a step planned last period has come (`followups: [{status}]`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FollowStatus {
    /// Done (已完成).
    Done,
    /// Under way (正在推进).
    Ongoing,
    /// Dropped or put off (不再实施).
    Dropped,
}

/// What became of one of last period's next steps (`followups:`).
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Followup {
    /// The step's title as the previous period's file gives it.
    pub step: Text,
    /// How far it has come.
    pub status: FollowStatus,
    /// What was done, or why not, in a sentence.
    pub note: Option<Text>,
}

/// The fields of `progress-report`.
#[derive(Clone, Debug, Default, Serialize)]
pub struct ProgressFields {
    /// Basic situation (基本情况), Markdown.
    pub situation: Option<Markdown>,
    /// Progress items.
    pub progress: Vec<Item>,
    /// Problems that remain.
    pub problems: Vec<Problem>,
    /// Next steps.
    pub next_steps: Vec<Step>,
}

/// A member of a village-stay team.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Member {
    /// Full name.
    pub name: Text,
    /// Role in the team.
    pub role: Option<Text>,
}

/// Where an experience stands in the conventional order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// 前提: the precondition.
    Premise,
    /// 基础: the foundation.
    Basis,
    /// 关键: the key.
    Key,
    /// 保障: the guarantee.
    Guarantee,
}

/// A lesson of the work: a thesis and its evidence.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Experience {
    /// The thesis, one sentence.
    pub thesis: Text,
    /// Its place in the order premise → basis → key → guarantee.
    pub level: Option<Level>,
    /// The evidence.
    #[serde(default)]
    pub body: Markdown,
}

/// The fields of `village-stay-report`.
#[derive(Clone, Debug, Default, Serialize)]
pub struct VillageStayFields {
    /// The village (and township).
    pub village: Option<Text>,
    /// The team members.
    pub team: Vec<Member>,
    /// When the team arrived.
    pub since: Option<NaiveDate>,
    /// The village's basic figures, Markdown.
    pub situation: Option<Markdown>,
    /// Work done on each assigned task; the four duties when absent.
    pub tasks: Vec<Item>,
    /// Experiences, thesis and evidence.
    pub experiences: Vec<Experience>,
    /// Problems that remain.
    pub problems: Vec<Problem>,
    /// Plans.
    pub next_steps: Vec<Step>,
}

/// A news item of a bulletin.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct NewsItem {
    /// Headline.
    pub title: Text,
    /// Text, Markdown.
    #[serde(default)]
    pub body: Markdown,
    /// The unit that supplied it (供稿).
    pub source: Option<Text>,
}

/// Who receives a bulletin (报/送/发).
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Distribution {
    /// Superiors (报).
    #[serde(default)]
    pub report_to: Vec<Text>,
    /// Peers (送).
    #[serde(default)]
    pub send_to: Vec<Text>,
    /// Subordinate units (发).
    #[serde(default)]
    pub issue_to: Vec<Text>,
}

/// A metric a bulletin asks its units for (`collect:`): the roll-up uses
/// its label, unit and direction, whatever the returns say.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Collected {
    /// The id the returns give it (or the label they give it, if not).
    pub id: Id,
    /// What is counted, as the bulletin prints it.
    pub label: Text,
    /// Unit of the figures; a return that states another is set aside.
    #[serde(default)]
    pub unit: String,
    /// Whether higher or lower is good news; a return that states the
    /// other is set aside.
    #[serde(default)]
    pub better: Better,
}

/// The fields of `monthly-bulletin`.
#[derive(Clone, Debug, Default, Serialize)]
pub struct BulletinFields {
    /// Issue number within the year.
    pub issue: Option<u32>,
    /// Running number over all issues.
    pub total_issue: Option<u32>,
    /// Editor's note, Markdown.
    pub editor_note: Option<Markdown>,
    /// Globs of unit files, relative to the bulletin file.
    pub units: Vec<Text>,
    /// Metric id used for the ranking.
    pub rank_by: Option<Id>,
    /// Completion rate under which a unit lags (strict <).
    pub lag_below: Option<Number>,
    /// News items.
    pub items: Vec<NewsItem>,
    /// Recipients.
    pub distribution: Distribution,
    /// Copies printed.
    pub copies: Option<u32>,
    /// The units that must report, named as their returns name them.
    pub roster: Vec<Text>,
    /// The metrics asked for; empty: whatever the returns give.
    pub collect: Vec<Collected>,
    /// The yearly target assigned to each unit, per metric id.
    pub targets: BTreeMap<String, BTreeMap<Id, Number>>,
    /// Whether to print the table of every metric per unit (default yes).
    pub figures_table: Option<bool>,
}

/// The template-specific part of a document.
#[derive(Clone, Debug, Serialize)]
#[serde(untagged)]
pub enum Fields {
    /// `progress-report`.
    Progress(ProgressFields),
    /// `village-stay-report`.
    VillageStay(VillageStayFields),
    /// `monthly-bulletin`.
    Bulletin(BulletinFields),
    /// Only the common contract (a bulletin's unit file).
    Common(NoFields),
}

/// No template-specific fields.
#[derive(Clone, Debug, Default, Serialize)]
pub struct NoFields {}

/// A value of a field that a user's template declares in its `schema.yaml`.
#[derive(Clone, Debug, Serialize)]
#[serde(untagged)]
pub enum ExtraValue {
    /// Plain text.
    Text(Text),
    /// Markdown.
    Markdown(Markdown),
    /// A number.
    Number(Number),
    /// A date, as `YYYY-MM-DD`.
    Date(NaiveDate),
    /// A period.
    Period(Period),
    /// A list of plain texts.
    List(Vec<Text>),
}

/// A loaded, validated data file.
#[derive(Clone, Debug, Serialize)]
pub struct Document {
    /// The file it came from.
    #[serde(skip)]
    pub path: PathBuf,
    /// The template that renders it.
    pub template: String,
    /// Language.
    pub lang: Lang,
    /// Paper size.
    pub paper: Paper,
    /// Title of the document.
    pub title: Text,
    /// The issuing unit (the 主办机关 of a joint document).
    pub organization: Text,
    /// The other issuers of a joint document, in order.
    pub joint: Vec<Text>,
    /// The superior addressed (主送).
    pub recipient: Option<Text>,
    /// Date of the document; today when absent.
    pub date: Option<NaiveDate>,
    /// The period reported on.
    pub period: Option<Period>,
    /// Report, briefing or summary.
    pub doc_kind: DocKind,
    /// The opening, Markdown.
    pub intro: Option<Markdown>,
    /// Figures.
    pub metrics: Vec<Metric>,
    /// The closing, Markdown.
    pub closing: Option<Markdown>,
    /// Attachments (附件): named only, or with a page of their own.
    pub attachments: Vec<Attachment>,
    /// Where the figures go as a chart; the template's default when absent.
    pub charts: Option<Charts>,
    /// Last period's data file, as written (relative to this file's folder).
    pub previous_file: Option<Text>,
    /// What became of last period's next steps.
    pub followups: Vec<Followup>,
    /// The 版头, signature and 版记 fields of a formal document.
    #[serde(flatten)]
    pub official: Official,
    /// Template-specific fields.
    #[serde(flatten)]
    pub fields: Fields,
    /// Fields declared by a user's template.
    #[serde(flatten)]
    pub extra: BTreeMap<String, ExtraValue>,
}

impl Document {
    /// Where the figures go as a chart: as `charts:` says, or the default:
    /// in the body of a bulletin, nowhere in a report or summary to a
    /// superior (its figures are in sentences and an attachment table).
    pub fn charts(&self) -> Charts {
        self.charts.unwrap_or(match self.fields {
            Fields::Bulletin(_) => Charts::Body,
            _ => Charts::None,
        })
    }
}
