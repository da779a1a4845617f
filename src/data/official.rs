//! The fields that make a document send-ready as a formal 公文 (GB/T
//! 9704-2012): the 版头 (份号, 密级, 紧急程度, 发文机关标志, 发文字号, 签发人),
//! the sealed or signed signature, the 版记 (抄送, 印发机关和印发日期), and
//! the attachment pages. Each value type checks itself, so that a bad
//! value is an error at its own line, with the fix in its hint.

use super::error::{raise, raise_with_hint};
use crate::base::msg::{Message, msg};
use std::fmt;

use chrono::NaiveDate;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use super::scalar::{Markdown, Text};
use crate::base::text::is_han;

/// The official-document fields of a data file or `.md` front matter, all
/// optional.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Official {
    /// 发文机关标志: one mark as written ("石门镇人民政府文件"), or the
    /// organs of a joint mark, stacked, with 文件 once to their right.
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "one_or_more")]
    pub issuer_mark: Vec<Text>,
    /// 发文字号: 石政报〔2026〕15号.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc_number: Option<DocNumber>,
    /// 签发人 (upward documents); several stack downwards. With
    /// `signer_post`, also the person who signs (7.3.5.3).
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "one_or_more")]
    pub signer: Vec<Text>,
    /// 份号: six digits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copy_number: Option<CopyNumber>,
    /// 密级和保密期限: 绝密, 机密 or 秘密, with the term after ★.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secrecy: Option<Secrecy>,
    /// 紧急程度: 特急 or 加急.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub urgency: Option<Urgency>,
    /// Whether the document is sealed (7.3.5.1); unsealed by default
    /// (7.3.5.2).
    #[serde(default, skip_serializing_if = "is_false")]
    pub sealed: bool,
    /// The post of the person who signs (7.3.5.3): "第一书记" before the name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signer_post: Option<Text>,
    /// 抄送机关.
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "one_or_more")]
    pub copy_to: Vec<Text>,
    /// 印发机关.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub printed_by: Option<Text>,
    /// 印发日期.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "opt_date")]
    pub printed_on: Option<NaiveDate>,
}

#[expect(clippy::trivially_copy_pass_by_ref, reason = "serde's skip_serializing_if passes a reference")]
fn is_false(b: &bool) -> bool {
    !*b
}

impl Official {
    /// Whether no field is given.
    pub fn is_empty(&self) -> bool {
        *self == Official::default()
    }

    /// The names of the fields given, as the data file writes them.
    pub fn given(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        let mut add = |given: bool, name: &'static str| {
            if given {
                out.push(name);
            }
        };
        add(!self.issuer_mark.is_empty(), "issuer_mark");
        add(self.doc_number.is_some(), "doc_number");
        add(!self.signer.is_empty(), "signer");
        add(self.copy_number.is_some(), "copy_number");
        add(self.secrecy.is_some(), "secrecy");
        add(self.urgency.is_some(), "urgency");
        add(self.sealed, "sealed");
        add(self.signer_post.is_some(), "signer_post");
        add(!self.copy_to.is_empty(), "copy_to");
        add(self.printed_by.is_some(), "printed_by");
        add(self.printed_on.is_some(), "printed_on");
        out
    }

    /// Whether the document has a 版记.
    pub fn has_closing_block(&self) -> bool {
        !self.copy_to.is_empty() || self.printed_by.is_some() || self.printed_on.is_some()
    }
}

fn opt_date<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<NaiveDate>, D::Error> {
    Option::<DateText>::deserialize(deserializer).map(|d| d.map(|d| d.0))
}

struct DateText(NaiveDate);

impl<'de> Deserialize<'de> for DateText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        super::scalar::date(deserializer).map(DateText)
    }
}

/// A text or a list of texts (`organization: 甲` or `organization: [甲, 乙]`).
pub(crate) fn one_or_more<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<Text>, D::Error> {
    Option::<OneOrMore>::deserialize(deserializer).map(|o| o.map(|o| o.0).unwrap_or_default())
}

/// A text or a non-empty list of texts.
pub(crate) struct OneOrMore(pub(crate) Vec<Text>);

impl<'de> Deserialize<'de> for OneOrMore {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = OneOrMore;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a text or a list of texts")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<OneOrMore, E> {
                Text::deserialize(de::value::StrDeserializer::new(v)).map(|t| OneOrMore(vec![t]))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<OneOrMore, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<OneOrMore, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<OneOrMore, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<OneOrMore, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<OneOrMore, A::Error> {
                let mut out = Vec::new();
                while let Some(t) = seq.next_element::<Text>()? {
                    out.push(t);
                }
                if out.is_empty() {
                    return Err(raise(msg!(EmptyNameList)));
                }
                Ok(OneOrMore(out))
            }
        }
        deserializer.deserialize_any(V)
    }
}

/// The issuing units: the 主办机关 first, then the others of a joint
/// document. Written as one name, or a list for joint issuance.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issuers(pub Vec<Text>);

impl Issuers {
    /// The 主办机关 (the first, or only, issuer).
    pub fn as_str(&self) -> &str {
        self.0.first().map_or("", Text::as_str)
    }

    /// Every issuer, the 主办机关 first.
    pub fn all(&self) -> &[Text] {
        &self.0
    }
}

impl fmt::Display for Issuers {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Issuers {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0.as_slice() {
            [one] => one.serialize(serializer),
            many => many.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for Issuers {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        OneOrMore::deserialize(deserializer).map(|o| Issuers(o.0))
    }
}

/// A 发文字号 (GB/T 9704 7.2.5): 机关代字, the full year in hexagonal
/// brackets 〔〕, the number without leading zeros and without 第, then 号:
/// 石政报〔2026〕15号. A number without Chinese characters (an English
/// document's) is taken as written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct DocNumber(pub Text);

impl DocNumber {
    /// The number as written.
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

impl<'de> Deserialize<'de> for DocNumber {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = Text::deserialize(deserializer)?;
        check_doc_number(text.as_str().trim()).map_err(|(message, fix)| raise_with_hint(message, Some(fix)))?;
        Ok(DocNumber(Text(text.as_str().trim().to_owned())))
    }
}

/// 机关代字〔year〕n号.
fn doc_number(prefix: &str, year: &str, n: &str) -> String {
    format!("{prefix}〔{year}〕{n}号")
}

/// Why a 发文字号 is malformed, and the fix: `(message, hint)`.
pub fn check_doc_number(s: &str) -> Result<(), (Message, Message)> {
    if !s.chars().any(is_han) {
        return Ok(());
    }
    let example = || msg!(DocNumberExample);
    // The year: the first run of four digits.
    let digits: Vec<(usize, char)> = s.char_indices().collect();
    let mut year = None;
    let mut i = 0;
    while i < digits.len() {
        if digits[i].1.is_ascii_digit() {
            let start = i;
            while i < digits.len() && digits[i].1.is_ascii_digit() {
                i += 1;
            }
            if i - start == 4 {
                year = Some((digits[start].0, digits.get(i).map_or(s.len(), |d| d.0)));
                break;
            }
        } else {
            i += 1;
        }
    }
    let Some((ys, ye)) = year else {
        return Err((msg!(DocNumberNoYear, number = s, example = example()), msg!(DocNumberWriteYear)));
    };
    let year_text = &s[ys..ye];
    let before = &s[..ys];
    let after = &s[ye..];
    let open = before.chars().next_back();
    let close = after.chars().next();
    let brackets = [
        '[', ']', '(', ')', '（', '）', '【', '】', '［', '］', '〔', '〕', '{', '}', '<', '>', '〈', '〉', '《', '》',
        '「', '」', '〖', '〗',
    ];
    let is_bracket = |c: Option<char>| c.is_some_and(|c| brackets.contains(&c));
    let prefix = if is_bracket(open) { &before[..before.len() - open.map_or(0, char::len_utf8)] } else { before };
    let rest = if is_bracket(close) { &after[close.map_or(0, char::len_utf8)..] } else { after };
    let number: String = rest.trim_start_matches('第').trim_end_matches('号').trim().to_owned();
    let plain: String = number.trim_start_matches('0').to_owned();
    let fixed = doc_number(prefix.trim(), year_text, if plain.is_empty() { "1" } else { &plain });
    if open != Some('〔') || close != Some('〕') {
        let written = format!(
            "{}{year_text}{}",
            open.filter(|_| is_bracket(open)).map(String::from).unwrap_or_default(),
            close.filter(|_| is_bracket(close)).map(String::from).unwrap_or_default()
        );
        return Err((msg!(DocNumberBrackets, number = s, written = written), msg!(WriteFixed, fixed = fixed.as_str())));
    }
    if prefix.trim().is_empty() {
        return Err((msg!(DocNumberNoPrefix, number = s, example = example()), msg!(DocNumberPrefixFirst)));
    }
    if !rest.ends_with('号') {
        return Err((msg!(DocNumberNoHao, number = s, example = example()), msg!(WriteFixed, fixed = fixed.as_str())));
    }
    if rest.starts_with('第') {
        return Err((msg!(DocNumberDi, number = s), msg!(WriteFixed, fixed = fixed.as_str())));
    }
    if number.is_empty() || !number.chars().all(|c| c.is_ascii_digit()) {
        return Err((msg!(DocNumberDigits, number = s, example = example()), msg!(DocNumberWriteDigits)));
    }
    if number.starts_with('0') {
        return Err((msg!(DocNumberLeadingZeros, number = s), msg!(WriteFixed, fixed = fixed.as_str())));
    }
    Ok(())
}

/// A 份号: six Arabic digits (000123). Quote it in YAML, or leading zeros
/// are lost.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct CopyNumber(pub String);

impl<'de> Deserialize<'de> for CopyNumber {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = CopyNumber;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("six digits, such as \"000123\"")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<CopyNumber, E> {
                let v = v.trim();
                if v.len() == 6 && v.chars().all(|c| c.is_ascii_digit()) {
                    Ok(CopyNumber(v.to_owned()))
                } else {
                    let digits = format!("{:0>6}", v.chars().filter(char::is_ascii_digit).collect::<String>());
                    Err(raise_with_hint(
                        msg!(CopyNumberDigits, value = v),
                        Some(msg!(CopyNumberQuoted, digits = digits)),
                    ))
                }
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<CopyNumber, E> {
                Err(raise_with_hint(
                    msg!(CopyNumberAsText),
                    Some(msg!(CopyNumberInQuotes, digits = format!("{v:0>6}"))),
                ))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<CopyNumber, E> {
                self.visit_str(&v.to_string())
            }
        }
        deserializer.deserialize_any(V)
    }
}

/// 密级 (7.2.2): 绝密, 机密 or 秘密, with the term after ★ (秘密★1年); in
/// English "Top Secret", "Secret" or "Confidential". Printed as written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Secrecy(pub String);

const SECRECY_LEVELS: &[&str] = &["绝密", "机密", "秘密", "Top Secret", "Secret", "Confidential"];

impl<'de> Deserialize<'de> for Secrecy {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = Text::deserialize(deserializer)?;
        let v = text.as_str().trim();
        let (level, term) = match v.split_once('★') {
            Some((level, term)) => (level.trim(), Some(term.trim())),
            None => (v, None),
        };
        let known = SECRECY_LEVELS.iter().find(|l| l.eq_ignore_ascii_case(level));
        match (known, term) {
            (Some(_), Some("")) => Err(raise_with_hint(msg!(SecrecyNoTerm, value = v), Some(msg!(SecrecyWriteTerm)))),
            (Some(_), _) => Ok(Secrecy(v.to_owned())),
            (None, _) => Err(raise_with_hint(msg!(SecrecyLevel, value = level), Some(msg!(SecrecyWriteLevel)))),
        }
    }
}

/// 紧急程度 (7.2.3): 特急 or 加急 (English "Extra Urgent", "Urgent").
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Urgency(pub String);

impl<'de> Deserialize<'de> for Urgency {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = Text::deserialize(deserializer)?;
        let v = text.as_str().trim();
        if ["特急", "加急", "Extra Urgent", "Urgent"].iter().any(|u| u.eq_ignore_ascii_case(v)) {
            Ok(Urgency(v.to_owned()))
        } else {
            Err(raise_with_hint(msg!(UrgencyLevel, value = v), Some(msg!(UrgencyWrite))))
        }
    }
}

/// Where a document's figures go as a chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Charts {
    /// In the body, after the items.
    Body,
    /// On an attachment page of its own.
    Attachment,
    /// Nowhere: the figures are in sentences (and an attachment table).
    None,
}

/// What an attachment's table holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum AttachmentTable {
    /// Every metric: 指标, 单位, 目标, 完成, 完成率, change on the previous
    /// period, 同比.
    Metrics,
}

/// An attachment (附件): its title, and what its page holds: Markdown of its
/// own, or a table of the document's figures. A title alone names an
/// attachment sent with the document, and makes no page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attachment {
    /// The title, as the 附件 line and the page print it.
    pub title: Text,
    /// The page's text, Markdown.
    pub body: Option<Markdown>,
    /// A table of the figures, made by zongjie.
    pub table: Option<AttachmentTable>,
}

impl Attachment {
    /// An attachment named only.
    pub fn titled(title: Text) -> Attachment {
        Attachment { title, body: None, table: None }
    }

    /// Whether it has a page of its own.
    pub fn has_page(&self) -> bool {
        self.body.is_some() || self.table.is_some()
    }
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct AttachmentFields {
    title: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    body: Option<Markdown>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    table: Option<AttachmentTable>,
}

impl Serialize for Attachment {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.has_page() {
            AttachmentFields { title: self.title.clone(), body: self.body.clone(), table: self.table }
                .serialize(serializer)
        } else {
            self.title.serialize(serializer)
        }
    }
}

impl<'de> Deserialize<'de> for Attachment {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Attachment;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a title, {title, body} or {title, table: metrics}")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Attachment, E> {
                Text::deserialize(de::value::StrDeserializer::new(v)).map(Attachment::titled)
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Attachment, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Attachment, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Attachment, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Attachment, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Attachment, A::Error> {
                let f = AttachmentFields::deserialize(de::value::MapAccessDeserializer::new(map))?;
                if f.body.is_some() && f.table.is_some() {
                    return Err(raise_with_hint(
                        msg!(AttachmentBodyAndTable, title = f.title.to_string()),
                        Some(msg!(EachItsOwnAttachment)),
                    ));
                }
                Ok(Attachment { title: f.title, body: f.body, table: f.table })
            }
        }
        deserializer.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(s: &str) -> String {
        let (message, hint) = check_doc_number(s).expect_err(s);
        format!("{message} | {hint}")
    }

    #[test]
    fn doc_numbers_are_checked_with_their_fix() {
        for good in ["石政报〔2026〕15号", "团政办发〔2025〕105号", "团政〔2026〕1号", "No. 15 [2026]"]
        {
            assert!(check_doc_number(good).is_ok(), "{good}");
        }
        for (bad, hint) in [
            ("石政报[2026]15号", "write 石政报〔2026〕15号"),
            ("石政报(2026)15号", "write 石政报〔2026〕15号"),
            ("石政报（2026）15号", "write 石政报〔2026〕15号"),
            ("石政报【2026】15号", "write 石政报〔2026〕15号"),
            ("石政报〔2026〕015号", "write 石政报〔2026〕15号"),
            ("石政报〔2026〕第15号", "write 石政报〔2026〕15号"),
            ("石政报〔2026〕15", "write 石政报〔2026〕15号"),
        ] {
            let got = fix(bad);
            assert!(got.ends_with(hint), "{bad}: {got}");
        }
        assert!(fix("石政报〔26〕15号").contains("four-digit year"));
        assert!(fix("〔2026〕15号").contains("机关代字"));
        assert!(fix("石政报〔2026〕十五号").contains("Arabic digits"));
    }

    #[test]
    fn attachments_are_a_title_or_a_page() {
        let a: Vec<Attachment> =
            serde_yaml::from_str("- 名单\n- {title: 说明, body: 正文}\n- {title: 表, table: metrics}\n").unwrap();
        assert!(!a[0].has_page() && a[1].body.is_some() && a[2].table == Some(AttachmentTable::Metrics));
        assert_eq!(serde_yaml::to_string(&a[0]).unwrap().trim(), "名单");
        assert!(serde_yaml::from_str::<Attachment>("{title: x, body: y, table: metrics}").is_err());
        assert!(serde_yaml::from_str::<Attachment>("{title: x, table: charts}").is_err());
    }

    #[test]
    fn copy_numbers_secrecy_and_urgency() {
        assert_eq!(serde_yaml::from_str::<CopyNumber>("\"000123\"").unwrap().0, "000123");
        let err = serde_yaml::from_str::<CopyNumber>("123").unwrap_err().to_string();
        assert!(err.contains("\"000123\""), "{err}");
        assert!(serde_yaml::from_str::<CopyNumber>("\"12345\"").is_err());
        for good in ["秘密", "秘密★1年", "机密★5年", "绝密★长期", "Secret"] {
            assert!(serde_yaml::from_str::<Secrecy>(good).is_ok(), "{good}");
        }
        for bad in ["内部", "秘密★", "保密"] {
            assert!(serde_yaml::from_str::<Secrecy>(bad).is_err(), "{bad}");
        }
        assert!(serde_yaml::from_str::<Urgency>("特急").is_ok());
        assert!(serde_yaml::from_str::<Urgency>("急件").is_err());
    }
}
