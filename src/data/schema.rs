//! Which fields a template accepts: the common contract, the fields of its
//! built-in base, and the extra fields a user's template declares in its
//! `schema.yaml`.

use serde::Deserialize;

/// The built-in field sets a template can be based on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
pub enum Kind {
    /// `progress-report`: situation, progress, problems, next_steps.
    #[serde(rename = "progress-report")]
    ProgressReport,
    /// `village-stay-report`: village, team, since, situation, tasks,
    /// experiences, problems, next_steps.
    #[serde(rename = "village-stay-report")]
    VillageStay,
    /// `monthly-bulletin`: issue, total_issue, editor_note, units, rank_by,
    /// lag_below, items, distribution, copies, roster, collect, targets,
    /// figures_table.
    #[serde(rename = "monthly-bulletin")]
    Bulletin,
    /// The common contract alone (a bulletin's unit file).
    #[serde(rename = "common")]
    Common,
}

/// Fields every data file may have.
pub(crate) const COMMON_FIELDS: &[&str] = &[
    "template",
    "lang",
    "paper",
    "title",
    "organization",
    "recipient",
    "date",
    "period",
    "doc_kind",
    "intro",
    "metrics",
    "closing",
    "attachments",
    "charts",
    "issuer_mark",
    "doc_number",
    "signer",
    "copy_number",
    "secrecy",
    "urgency",
    "sealed",
    "signer_post",
    "copy_to",
    "printed_by",
    "printed_on",
];

impl Kind {
    /// The fields this kind adds to the common contract.
    pub fn fields(self) -> &'static [&'static str] {
        match self {
            Kind::ProgressReport => &["situation", "progress", "problems", "next_steps"],
            Kind::VillageStay => {
                &["village", "team", "since", "situation", "tasks", "experiences", "problems", "next_steps"]
            }
            Kind::Bulletin => &[
                "issue",
                "total_issue",
                "editor_note",
                "units",
                "rank_by",
                "lag_below",
                "items",
                "distribution",
                "copies",
                "roster",
                "collect",
                "targets",
                "figures_table",
            ],
            Kind::Common => &[],
        }
    }
}

/// The type of a field a user's template declares.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ExtraKind {
    /// Plain text.
    Text,
    /// Markdown.
    Markdown,
    /// A number.
    Number,
    /// A date `YYYY-MM-DD`.
    Date,
    /// A period.
    Period,
    /// A list of plain texts.
    List,
}

/// A field a user's template declares.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExtraField {
    /// Its name in the data file.
    pub name: String,
    /// Its type.
    pub kind: ExtraKind,
    /// Whether a data file must give it.
    pub required: bool,
}

/// The fields a template accepts.
#[derive(Clone, Debug)]
pub struct Schema {
    /// The template's name.
    pub template: String,
    /// The built-in field set it is based on.
    pub kind: Kind,
    /// Fields it adds.
    pub extra: Vec<ExtraField>,
}

impl Schema {
    /// The schema of a unit file: the common contract alone.
    pub fn common() -> Schema {
        Schema { template: "common".into(), kind: Kind::Common, extra: Vec::new() }
    }

    /// Every field name the template accepts, for "did you mean".
    pub fn field_names(&self) -> Vec<&str> {
        COMMON_FIELDS
            .iter()
            .chain(self.kind.fields())
            .copied()
            .chain(self.extra.iter().map(|f| f.name.as_str()))
            .collect()
    }
}

/// A template's `schema.yaml`: what it is for, which built-in field set it
/// builds on, and the fields it adds.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SchemaFile {
    /// One line saying what the template is for.
    pub description: String,
    /// The built-in field set it builds on.
    pub base: Kind,
    /// Extra fields: `name: text` or `name: {type: text, required: true}`.
    #[serde(default)]
    pub fields: std::collections::BTreeMap<String, FieldSpec>,
}

/// The declaration of one extra field.
#[derive(Clone, Debug, Deserialize)]
#[serde(untagged)]
pub enum FieldSpec {
    /// Just the type: optional field.
    Kind(ExtraKind),
    /// Type and whether it is required.
    Full {
        /// The type.
        #[serde(rename = "type")]
        kind: ExtraKind,
        /// Whether a data file must give it.
        #[serde(default)]
        required: bool,
    },
}

impl SchemaFile {
    /// The schema of template `name` described by this file.
    pub fn schema(&self, name: &str) -> Schema {
        let extra = self
            .fields
            .iter()
            .map(|(field, spec)| {
                let (kind, required) = match spec {
                    FieldSpec::Kind(kind) => (*kind, false),
                    FieldSpec::Full { kind, required } => (*kind, *required),
                };
                ExtraField { name: field.clone(), kind, required }
            })
            .collect();
        Schema { template: name.to_owned(), kind: self.base, extra }
    }

    /// Names of extra fields that clash with the common contract or the base.
    pub fn clashes(&self) -> Vec<&str> {
        self.fields
            .keys()
            .map(String::as_str)
            .filter(|f| COMMON_FIELDS.contains(f) || self.base.fields().contains(f))
            .collect()
    }
}
