//! The fields of the data contract, one table per mapping: each field's
//! name, the shape of its value, whether a file must give it, and what it
//! means, in English and Chinese. The loader accepts exactly the names of
//! these tables (its "unknown field" and "did you mean" come from them), and
//! the JSON Schema for editors (`zongjie schema`, [`super::jsonschema`]) is
//! made from them, so a field added to the contract is added here or is
//! refused as unknown. The tests below hold the tables of the nested
//! mappings and of the enums to what serde accepts.

/// The shape of a field's value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// Plain text: any scalar, not empty.
    Text,
    /// Markdown text: any scalar.
    Markdown,
    /// Free text that may be empty (a metric's unit).
    Label,
    /// A number.
    Number,
    /// A whole number from 1 up (issue numbers, copies).
    Count,
    /// A share between 0 and 1.
    Share,
    /// Yes or no.
    Bool,
    /// A day, `YYYY-MM-DD`.
    Date,
    /// A period: `2026-10`, `2026-Q3`, `2026-H1`, `2026`, or a range `a..b`.
    Period,
    /// A deadline: a day, month, quarter, half-year or year.
    Due,
    /// An identifier: a letter, then letters, digits, `_` and `-`.
    Id,
    /// One of a fixed set of words.
    Choice(&'static [&'static str]),
    /// A list of values of one shape.
    List(&'static Shape),
    /// A mapping of the fields of a table.
    Record(&'static [Field]),
    /// A mapping of any names to values of one shape.
    Map(&'static Shape),
    /// Any one of these shapes (a text or a list of texts).
    OneOf(&'static [Shape]),
}

/// One field of a mapping.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Field {
    /// Its name in the data file.
    pub name: &'static str,
    /// The shape of its value.
    pub shape: Shape,
    /// Whether a data file must give it.
    pub required: bool,
    /// What it means, in English.
    pub en: &'static str,
    /// What it means, in Chinese.
    pub zh: &'static str,
}

const fn optional(name: &'static str, shape: Shape, en: &'static str, zh: &'static str) -> Field {
    Field { name, shape, required: false, en, zh }
}

const fn required(name: &'static str, shape: Shape, en: &'static str, zh: &'static str) -> Field {
    Field { name, shape, required: true, en, zh }
}

/// `lang`: the languages of documents.
pub const LANGS: &[&str] = &["en", "zh"];
/// `paper`: the paper sizes.
pub const PAPERS: &[&str] = &["a4", "letter"];
/// `doc_kind`: the kinds of document.
pub const DOC_KINDS: &[&str] = &["report", "briefing", "summary"];
/// `better`: which way a figure is good news.
pub const BETTER: &[&str] = &["higher", "lower"];
/// `level`: the places of an experience in the conventional order.
pub const LEVELS: &[&str] = &["premise", "basis", "key", "guarantee"];
/// `status`: how far a step planned last period has come.
pub const STATUSES: &[&str] = &["done", "ongoing", "dropped"];

/// A figure the office tracks (`metrics:`).
pub const METRIC: &[Field] = &[
    required(
        "id",
        Shape::Id,
        "Identifier of the metric, used by items (`metrics: [id]`) and by `rank_by`.",
        "指标标识，供事项（`metrics: [id]`）和 `rank_by` 引用。",
    ),
    required("label", Shape::Text, "What is counted, as a reader should see it.", "指标名称，按读者所见书写。"),
    optional(
        "unit",
        Shape::Label,
        "Unit of the figures; \"%\" makes changes percentage points; \"元\" / \"yuan\" (or 万元, 亿元, million yuan) formats amounts.",
        "计量单位；“%”时变化按百分点表述；“元”（或“万元”“亿元”）按元、万元、亿元表述金额。",
    ),
    optional("target", Shape::Number, "The target for the period.", "本期目标数。"),
    optional("actual", Shape::Number, "What was achieved.", "实际完成数。"),
    optional("previous", Shape::Number, "The figure of the previous period (环比).", "上期数（环比）。"),
    optional("last_year", Shape::Number, "The figure of the same period last year (同比).", "上年同期数（同比）。"),
    optional(
        "better",
        Shape::Choice(BETTER),
        "Whether a rise is good news (higher) or a fall is (lower, e.g. a poverty rate).",
        "数值越高越好（higher）还是越低越好（lower，如贫困发生率）。",
    ),
];

/// A progress item or task (`progress:`, `tasks:`).
pub const ITEM: &[Field] = &[
    required("title", Shape::Text, "Heading of the item, without numbering.", "事项标题，不带序号。"),
    optional("body", Shape::Markdown, "What was done (Markdown).", "做了什么（Markdown）。"),
    optional(
        "metrics",
        Shape::List(&Shape::Id),
        "Ids of the metrics whose figures belong to this item.",
        "属于本事项的指标标识。",
    ),
];

/// A problem that remains (`problems:`).
pub const PROBLEM: &[Field] = &[
    required("title", Shape::Text, "The problem in a phrase.", "问题，一句话概括。"),
    optional("body", Shape::Markdown, "How it shows (Markdown).", "具体表现（Markdown）。"),
];

/// A next step (`next_steps:`).
pub const STEP: &[Field] = &[
    required("title", Shape::Text, "The step in a phrase.", "措施，一句话概括。"),
    optional("body", Shape::Markdown, "What will be done (Markdown).", "具体做法（Markdown）。"),
    optional("owner", Shape::Text, "The lead unit.", "牵头单位。"),
    optional(
        "due",
        Shape::Due,
        "The deadline: 2026-12-31, 2026-12, 2026-Q4, 2026-H2 or 2026.",
        "完成时限：2026-12-31、2026-12、2026-Q4、2026-H2 或 2026。",
    ),
];

/// What became of one of last period's next steps (`followups:`).
pub const FOLLOWUP: &[Field] = &[
    required(
        "step",
        Shape::Text,
        "The title of the step as the previous period's file (`previous_file`) gives it under `next_steps`.",
        "上期文件（`previous_file`）`next_steps` 中该项打算的标题。",
    ),
    required(
        "status",
        Shape::Choice(STATUSES),
        "done, ongoing (under way) or dropped.",
        "done（已完成）、ongoing（正在推进）或 dropped（不再实施）。",
    ),
    optional("note", Shape::Text, "What was done, or why not, in a sentence.", "落实情况或未落实的原因，一句话。"),
];

/// Last period's file and what became of its next steps: the fields of the
/// genres that have next steps.
const PREVIOUS: [Field; 2] = [
    optional(
        "previous_file",
        Shape::Text,
        "Last period's data file (.yaml), relative to this file: fills each metric's `previous` from its `actual`, and its `next_steps` are followed up under `followups`.",
        "上期数据文件（.yaml），路径相对于本文件：各指标的 `previous` 取其 `actual`，其 `next_steps` 在 `followups` 中逐项说明落实情况。",
    ),
    optional(
        "followups",
        Shape::List(&Shape::Record(FOLLOWUP)),
        "What became of last period's next steps: {step, status, note}.",
        "上期工作打算落实情况：{step, status, note}。",
    ),
];

/// A member of a village-stay team (`team:`).
pub const MEMBER: &[Field] = &[
    required("name", Shape::Text, "Full name.", "姓名。"),
    optional("role", Shape::Text, "Role in the team.", "在工作队中的职务。"),
];

/// A lesson of the work (`experiences:`).
pub const EXPERIENCE: &[Field] = &[
    required("thesis", Shape::Text, "The thesis, one sentence.", "经验观点，一句话。"),
    optional(
        "level",
        Shape::Choice(LEVELS),
        "Its place in the order premise → basis → key → guarantee.",
        "在“前提—基础—关键—保障”顺序中的位置。",
    ),
    optional("body", Shape::Markdown, "The evidence (Markdown).", "事实依据（Markdown）。"),
];

/// A news item of a bulletin (`items:`).
pub const NEWS_ITEM: &[Field] = &[
    required("title", Shape::Text, "Headline.", "标题。"),
    optional("body", Shape::Markdown, "Text (Markdown).", "正文（Markdown）。"),
    optional("source", Shape::Text, "The unit that supplied it (供稿).", "供稿单位。"),
];

/// Who receives a bulletin (`distribution:`).
pub const DISTRIBUTION: &[Field] = &[
    optional("report_to", Shape::List(&Shape::Text), "Superiors (报).", "报：上级机关。"),
    optional("send_to", Shape::List(&Shape::Text), "Peers (送).", "送：平级单位。"),
    optional("issue_to", Shape::List(&Shape::Text), "Subordinate units (发).", "发：下级单位。"),
];

/// A metric a bulletin asks its units for (`collect:`).
pub const COLLECTED: &[Field] = &[
    required("id", Shape::Id, "The id the returns give it.", "各单位报送时使用的指标标识。"),
    required("label", Shape::Text, "What is counted, as the bulletin prints it.", "简报中印出的指标名称。"),
    optional(
        "unit",
        Shape::Label,
        "Unit of the figures; a return that states another is set aside.",
        "计量单位；报送单位不一致的报表被搁置。",
    ),
    optional(
        "better",
        Shape::Choice(BETTER),
        "Whether higher or lower is good news; a return that states the other is set aside.",
        "越高越好还是越低越好；与之相反的报表被搁置。",
    ),
];

/// Fields every data file may have.
pub const COMMON: &[Field] = &[
    optional(
        "template",
        Shape::Text,
        "The template that renders the file; the command line's --template wins.",
        "使用的模板；命令行 --template 优先。",
    ),
    optional(
        "lang",
        Shape::Choice(LANGS),
        "Language of the document: en or zh (default en).",
        "文种语言：en 或 zh（默认 en）。",
    ),
    optional(
        "paper",
        Shape::Choice(PAPERS),
        "Paper size: a4 or letter (default a4).",
        "纸张：a4 或 letter（默认 a4）。",
    ),
    required("title", Shape::Text, "Title of the document.", "标题。"),
    required(
        "organization",
        Shape::OneOf(TEXTS),
        "The issuing unit; it signs the document. A list for joint issuance, the lead unit first.",
        "发文机关，文末署名；联合行文写成列表，主办机关在前。",
    ),
    optional("recipient", Shape::Text, "The superior addressed (主送).", "主送机关。"),
    optional(
        "date",
        Shape::Date,
        "Date of the document, YYYY-MM-DD (default: today).",
        "成文日期，YYYY-MM-DD（默认今天）。",
    ),
    optional(
        "period",
        Shape::Period,
        "The period reported on: 2026-10, 2026-Q3, 2026-H1, 2026, or 2026-01-01..2026-09-30.",
        "报告期：2026-10、2026-Q3、2026-H1、2026 或 2026-01-01..2026-09-30。",
    ),
    optional(
        "doc_kind",
        Shape::Choice(DOC_KINDS),
        "report (ends with the report formula), briefing (asks for comments) or summary.",
        "report（特此报告）、briefing（请批评指正）或 summary（总结）。",
    ),
    optional("intro", Shape::Markdown, "The opening paragraph (Markdown).", "开头段（Markdown）。"),
    optional("metrics", Shape::List(&Shape::Record(METRIC)), "The figures of the period.", "本期指标数据。"),
    optional(
        "closing",
        Shape::Markdown,
        "Closing paragraph (Markdown); replaces the formula of doc_kind.",
        "结尾段（Markdown），取代 doc_kind 的结束语。",
    ),
    optional(
        "attachments",
        Shape::List(&Shape::OneOf(&[Shape::Text, Shape::Record(ATTACHMENT)])),
        "The attachments (附件): a title, or {title, body} or {title, table: metrics} for a page of its own.",
        "附件：只写名称，或写 {title, body}、{title, table: metrics}，另起一页。",
    ),
    optional(
        "charts",
        Shape::Choice(&["body", "attachment", "none"]),
        "Where the figures' charts go: body, attachment or none.",
        "图表位置：body（正文）、attachment（附件）或 none（不出图）。",
    ),
    optional(
        "issuer_mark",
        Shape::OneOf(TEXTS),
        "发文机关标志, the red letterhead: one mark, or the organs of a joint mark.",
        "发文机关标志（红头）；联合行文写成列表。",
    ),
    optional("doc_number", Shape::Text, "发文字号, such as 石政报〔2026〕15号.", "发文字号，如 石政报〔2026〕15号。"),
    optional("signer", Shape::OneOf(TEXTS), "签发人 of an upward document.", "签发人（上行文）。"),
    optional("copy_number", Shape::OneOf(&[Shape::Text, Shape::Number]), "份号: six digits.", "份号：6位数字。"),
    optional(
        "secrecy",
        Shape::Text,
        "密级: 绝密, 机密 or 秘密, with the term after ★.",
        "密级和保密期限：绝密、机密或秘密，★后写期限。",
    ),
    optional("urgency", Shape::Text, "紧急程度: 特急 or 加急.", "紧急程度：特急或加急。"),
    optional("sealed", Shape::Bool, "Lay out the signature for a seal (7.3.5.1).", "加盖印章的署名版式（7.3.5.1）。"),
    optional("signer_post", Shape::Text, "The post of the person who signs (7.3.5.3).", "署名人职务（7.3.5.3）。"),
    optional("copy_to", Shape::OneOf(TEXTS), "抄送机关 of the 版记.", "版记的抄送机关。"),
    optional("printed_by", Shape::Text, "印发机关 of the 版记.", "版记的印发机关。"),
    optional("printed_on", Shape::Date, "印发日期 of the 版记, YYYY-MM-DD.", "版记的印发日期，YYYY-MM-DD。"),
];

/// A text or a list of texts.
const TEXTS: &[Shape] = &[Shape::Text, Shape::List(&Shape::Text)];

/// An attachment with a page of its own.
const ATTACHMENT: &[Field] = &[
    required("title", Shape::Text, "The attachment's title.", "附件标题。"),
    optional("body", Shape::Markdown, "The page's text (Markdown).", "附件正文（Markdown）。"),
    optional("table", Shape::Choice(&["metrics"]), "metrics: a table of every metric.", "metrics：全部指标的表格。"),
];

/// The fields of `progress-report`.
pub const PROGRESS_REPORT: &[Field] = &[
    optional("situation", Shape::Markdown, "Basic situation (Markdown).", "基本情况（Markdown）。"),
    optional("progress", Shape::List(&Shape::Record(ITEM)), "Progress of work: one item each.", "工作进展，逐项列出。"),
    optional("problems", Shape::List(&Shape::Record(PROBLEM)), "Problems that remain.", "存在的问题。"),
    optional("next_steps", Shape::List(&Shape::Record(STEP)), "Next steps.", "下一步工作打算。"),
    PREVIOUS[0],
    PREVIOUS[1],
];

/// The fields of `village-stay-report`.
pub const VILLAGE_STAY: &[Field] = &[
    optional("village", Shape::Text, "The village (and township).", "所驻村（及乡镇）。"),
    optional("team", Shape::List(&Shape::Record(MEMBER)), "The team members.", "工作队成员。"),
    optional("since", Shape::Date, "When the team arrived, YYYY-MM-DD.", "驻村时间，YYYY-MM-DD。"),
    optional("situation", Shape::Markdown, "The village's basic figures (Markdown).", "村情概况（Markdown）。"),
    optional(
        "tasks",
        Shape::List(&Shape::Record(ITEM)),
        "Work done on each assigned task (default: the four duties).",
        "各项职责任务完成情况（默认四项职责）。",
    ),
    optional(
        "experiences",
        Shape::List(&Shape::Record(EXPERIENCE)),
        "Experiences: a thesis and its evidence.",
        "经验体会：观点与事实。",
    ),
    optional("problems", Shape::List(&Shape::Record(PROBLEM)), "Problems that remain.", "存在的问题。"),
    optional("next_steps", Shape::List(&Shape::Record(STEP)), "Plans.", "下一步打算。"),
    PREVIOUS[0],
    PREVIOUS[1],
];

/// The fields of `monthly-bulletin`.
pub const BULLETIN: &[Field] = &[
    optional(
        "issue",
        Shape::Count,
        "Issue number within the year (default: the period's month).",
        "期号（默认报告期月份）。",
    ),
    optional("total_issue", Shape::Count, "Running number over all issues (总第N期).", "总期号。"),
    optional("editor_note", Shape::Markdown, "Editor's note (Markdown).", "编者按（Markdown）。"),
    optional(
        "units",
        Shape::List(&Shape::Text),
        "Patterns of the unit returns, relative to this file (units/*.yaml).",
        "各单位报表的文件名模式，相对于本文件（units/*.yaml）。",
    ),
    optional("rank_by", Shape::Id, "Id of the metric units are ranked by.", "排名所依据的指标标识。"),
    optional(
        "lag_below",
        Shape::Share,
        "Completion rate under which a unit lags (0.6 for 60%).",
        "完成率低于此值的单位列为滞后（0.6 即 60%）。",
    ),
    optional("items", Shape::List(&Shape::Record(NEWS_ITEM)), "News items.", "工作动态。"),
    optional("distribution", Shape::Record(DISTRIBUTION), "Who receives the bulletin (报/送/发).", "报、送、发范围。"),
    optional("copies", Shape::Count, "Copies printed (共印N份).", "印发份数。"),
    optional("roster", Shape::List(&Shape::Text), "The units that must report.", "应报送的单位名单。"),
    optional(
        "collect",
        Shape::List(&Shape::Record(COLLECTED)),
        "The metrics asked for: id, label, unit, better.",
        "要求报送的指标：标识、名称、单位、方向。",
    ),
    optional(
        "targets",
        Shape::Map(&Shape::Map(&Shape::Number)),
        "Yearly target of each unit: unit → metric id → number.",
        "各单位年度目标：单位 → 指标标识 → 数值。",
    ),
    optional(
        "figures_table",
        Shape::Bool,
        "Whether to print the table of every metric per unit (default yes).",
        "是否印出各单位指标表（默认是）。",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{
        Better, Collected, DocKind, Experience, FollowStatus, Followup, Item, Lang, Level, Member, Metric, NewsItem,
        Paper, Problem, Step,
    };

    /// The names serde lists after "expected" in an error about `zzz`.
    fn expected<T: serde::de::DeserializeOwned + std::fmt::Debug>(yaml: &str) -> Vec<String> {
        let err = serde_yaml::from_str::<T>(yaml).expect_err("zzz is refused").to_string();
        let (_, list) = err.split_once("expected").unwrap_or_else(|| panic!("no list in {err}"));
        list.split('`').skip(1).step_by(2).map(str::to_owned).collect()
    }

    fn names(fields: &[Field]) -> Vec<String> {
        fields.iter().map(|f| f.name.to_owned()).collect()
    }

    /// A value of each shape that the loader accepts.
    fn sample(shape: Shape) -> String {
        match shape {
            Shape::Text | Shape::Markdown | Shape::Label | Shape::Id => "x".into(),
            Shape::Number | Shape::Count | Shape::Share => "1".into(),
            Shape::Bool => "true".into(),
            Shape::Date => "2026-10-01".into(),
            Shape::Period | Shape::Due => "2026-10".into(),
            Shape::Choice(words) => words[0].into(),
            Shape::List(inner) => format!("[{}]", sample(*inner)),
            Shape::Record(fields) => {
                let given: Vec<String> =
                    fields.iter().filter(|f| f.required).map(|f| format!("{}: {}", f.name, sample(f.shape))).collect();
                format!("{{{}}}", given.join(", "))
            }
            Shape::Map(inner) => format!("{{x: {}}}", sample(*inner)),
            Shape::OneOf(shapes) => sample(shapes[0]),
        }
    }

    /// The fields serde accepts in `T`, and the ones it requires.
    fn holds<T: serde::de::DeserializeOwned + std::fmt::Debug>(fields: &'static [Field]) {
        assert_eq!(expected::<T>("zzz: 1"), names(fields), "{}", std::any::type_name::<T>());
        assert!(serde_yaml::from_str::<T>(&sample(Shape::Record(fields))).is_ok(), "{}", std::any::type_name::<T>());
        for field in fields.iter().filter(|f| f.required) {
            let others: Vec<String> = fields
                .iter()
                .filter(|f| f.required && f.name != field.name)
                .map(|f| format!("{}: {}", f.name, sample(f.shape)))
                .collect();
            let err = serde_yaml::from_str::<T>(&format!("{{{}}}", others.join(", "))).expect_err(field.name);
            assert!(err.to_string().contains(&format!("missing field `{}`", field.name)), "{err}");
        }
    }

    #[test]
    fn the_tables_of_nested_mappings_are_the_fields_serde_accepts() {
        holds::<Metric>(METRIC);
        holds::<Item>(ITEM);
        holds::<Problem>(PROBLEM);
        holds::<Step>(STEP);
        holds::<Member>(MEMBER);
        holds::<Experience>(EXPERIENCE);
        holds::<NewsItem>(NEWS_ITEM);
        holds::<crate::data::Distribution>(DISTRIBUTION);
        holds::<Collected>(COLLECTED);
        holds::<Followup>(FOLLOWUP);
    }

    #[test]
    fn the_choices_are_the_words_serde_accepts() {
        assert_eq!(expected::<Lang>("zzz"), LANGS);
        assert_eq!(expected::<Paper>("zzz"), PAPERS);
        assert_eq!(expected::<DocKind>("zzz"), DOC_KINDS);
        assert_eq!(expected::<Better>("zzz"), BETTER);
        assert_eq!(expected::<Level>("zzz"), LEVELS);
        assert_eq!(expected::<FollowStatus>("zzz"), STATUSES);
    }

    /// Every field of every top-level table loads with a sample value, and
    /// a document without one of the required fields does not.
    #[test]
    fn the_top_level_tables_are_what_the_loader_reads() {
        use crate::data::{Kind, Schema};
        for kind in [Kind::ProgressReport, Kind::VillageStay, Kind::Bulletin, Kind::Common] {
            let schema = Schema { template: "t".into(), kind, extra: Vec::new() };
            // Fields that check their own values take a real one; a
            // bulletin takes of the formal document's fields only the marks
            // at its top left.
            let value = |f: &Field| match f.name {
                "doc_number" => "石政报〔2026〕15号".to_owned(),
                "copy_number" => "\"000001\"".to_owned(),
                "secrecy" => "秘密".to_owned(),
                "urgency" => "加急".to_owned(),
                // Sealed, and signed by a person, do not go together.
                "sealed" => "false".to_owned(),
                _ => sample(f.shape),
            };
            let official = ["copy_number", "secrecy", "urgency"];
            let letterhead_only = |f: &&Field| {
                !(kind == Kind::Common && official.contains(&f.name))
                    && !(matches!(kind, Kind::Bulletin | Kind::Common)
                        && matches!(
                            f.name,
                            "issuer_mark"
                                | "doc_number"
                                | "signer"
                                | "sealed"
                                | "signer_post"
                                | "copy_to"
                                | "printed_by"
                                | "printed_on"
                                | "charts"
                                | "attachments"
                        ))
            };
            let all: Vec<String> = COMMON
                .iter()
                .chain(kind.fields())
                .filter(letterhead_only)
                .map(|f| format!("{}: {}", f.name, value(f)))
                .collect();
            let text = all.join("\n").replace("template: x", "template: t");
            let source = crate::data::Source { path: "d.yaml".into(), text: text.into() };
            if let Err(e) = crate::data::parse(&source, &schema) {
                panic!("{kind:?}: {e}\n{}", source.text);
            }
            for field in COMMON.iter().filter(|f| f.required) {
                let rest: Vec<&String> = all.iter().filter(|l| !l.starts_with(&format!("{}:", field.name))).collect();
                let text: String = rest.iter().map(|l| format!("{l}\n")).collect();
                let source = crate::data::Source { path: "d.yaml".into(), text: text.into() };
                let err = crate::data::parse(&source, &schema).expect_err(field.name).to_string();
                assert!(err.contains(&format!("missing field `{}`", field.name)), "{err}");
            }
        }
    }
}
