//! Reading a data file: bytes → text (with encoding hints) → a first pass
//! that finds the template → the typed document, deserialized field by field
//! so that every error carries the line and column of the offending key or
//! value and its field path.

use std::cell::Cell;
use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::de::{self, DeserializeOwned, DeserializeSeed, Deserializer, MapAccess, VariantAccess as _, Visitor};
use serde::{Deserialize, Serialize};

use super::error::raise;
use super::error::{DataError, did_you_mean};
use super::official::OneOrMore;
use super::period::Period;
use super::scalar::{Markdown, Number, Text};
use super::schema::{ExtraKind, Kind, Schema};
use super::{
    Attachment, BulletinFields, Charts, CopyNumber, Distribution, DocKind, DocNumber, Document, ExtraValue, Fields, Id,
    Lang, NoFields, Official, Paper, ProgressFields, Secrecy, Urgency, VillageStayFields,
};
use crate::base::diag::Diagnostic;
use crate::base::msg::{Message, Names, msg};

/// Data files larger than this are refused before parsing.
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;

/// The text of a file, checked to be UTF-8, BOM removed.
#[derive(Clone, Debug)]
pub struct Source {
    /// Where it came from.
    pub path: PathBuf,
    /// The text.
    pub text: Arc<str>,
}

/// Reads a file as UTF-8 text, with a hint when it is in another encoding.
///
/// A file over [`MAX_FILE_BYTES`] is refused without reading more than
/// that, and a FIFO or device without waiting on it.
pub fn read_source(path: &Path) -> Result<Source, DataError> {
    source_from_bytes(path, read_bytes(path)?)
}

/// The language a data file's top-level `lang:` line names, read from the
/// text alone, so that an error in a file that does not load is still
/// worded in its document's language.
pub fn written_lang(text: &str) -> Option<Lang> {
    text.lines().find_map(|line| {
        let value = line.strip_prefix("lang:")?;
        let value = value.split('#').next().unwrap_or("").trim().trim_matches(['"', '\'']);
        match value {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    })
}

/// Reads a file's bytes (a data file, a spreadsheet), refusing a folder, a
/// FIFO or device, and a file over [`MAX_FILE_BYTES`].
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, DataError> {
    use crate::base::file::{ReadError, read};
    read(path, MAX_FILE_BYTES as u64).map_err(|e| match e {
        ReadError::Folder => {
            DataError::new(Diagnostic::error(msg!(FolderNotDataFile)).in_file(path).hint(msg!(NameFilesInFolder)))
        }
        ReadError::TooLarge(size) => too_large(path, size),
        e => DataError::new(Diagnostic::error(msg!(CannotReadFile, reason = e.reason())).in_file(path)),
    })
}

/// The 1-based line where a metric's `id: …` is first written.
pub fn line_of_id(text: &str, id: &str) -> Option<usize> {
    lines_of_id(text, id).next()
}

/// The 1-based lines where a metric's `id: …` is written.
fn lines_of_id<'a>(text: &'a str, id: &'a str) -> impl Iterator<Item = usize> + 'a {
    text.lines().enumerate().filter(move |(_, line)| ids_in(line).any(|v| v == id)).map(|(i, _)| i + 1)
}

/// The ids a line writes (`id: x`, `- {id: x, …}`).
fn ids_in(line: &str) -> impl Iterator<Item = &str> {
    line.split(['{', ',', '-'])
        .filter_map(|part| part.trim_start().strip_prefix("id:"))
        .map(|v| v.trim().trim_end_matches(['}', ',']).trim().trim_matches(['"', '\'']))
}

/// The 1-based line where each metric id is first written, in one pass
/// over the text (a return may give thousands).
pub fn first_lines_of_ids(text: &str) -> std::collections::HashMap<&str, usize> {
    let mut lines = std::collections::HashMap::new();
    for (i, line) in text.lines().enumerate() {
        for id in ids_in(line) {
            lines.entry(id).or_insert(i + 1);
        }
    }
    lines
}

/// The error for a file over [`MAX_FILE_BYTES`], with its size where known.
fn too_large(path: &Path, size: Option<u64>) -> DataError {
    let limit = MAX_FILE_BYTES / 1_048_576;
    #[expect(clippy::cast_precision_loss, reason = "a size in MB, to one decimal")]
    let message = match size {
        Some(size) => msg!(FileTooLarge, size = format!("{:.1}", size as f64 / 1_048_576.0), limit = limit),
        None => msg!(FileOverLimit, limit = limit),
    };
    DataError::new(Diagnostic::error(message).in_file(path).hint(msg!(SplitTheFile)))
}

/// Checks bytes read from `path` and makes them a [`Source`].
pub fn source_from_bytes(path: &Path, mut bytes: Vec<u8>) -> Result<Source, DataError> {
    if bytes.len() > MAX_FILE_BYTES {
        // `read_source` stops reading one byte past the limit.
        let size = (bytes.len() > MAX_FILE_BYTES + 1).then_some(bytes.len() as u64);
        return Err(too_large(path, size));
    }
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let lang = written_lang(&String::from_utf8_lossy(e.as_bytes()));
        encoding_error(path, e.as_bytes(), e.utf8_error()).or_lang(lang)
    })?;
    Ok(Source { path: path.to_path_buf(), text: text.into() })
}

/// Names the encoding a non-UTF-8 file seems to be in.
fn encoding_error(path: &Path, bytes: &[u8], err: std::str::Utf8Error) -> DataError {
    let at = err.valid_up_to();
    let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
    let hint = if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") || looks_utf16(bytes) {
        msg!(LooksUtf16)
    } else if looks_gbk(&bytes[at..]) {
        msg!(LooksGbk)
    } else {
        msg!(SaveAsUtf8)
    };
    DataError::new(Diagnostic::error(msg!(NotUtf8, line = line, byte = at)).in_file(path).hint(hint))
}

fn looks_utf16(bytes: &[u8]) -> bool {
    let n = bytes.len().min(200);
    n >= 4 && bytes[..n].iter().filter(|&&b| b == 0).count() * 3 >= n
}

/// Most bytes from the first bad one on form GBK double-byte pairs.
fn looks_gbk(bytes: &[u8]) -> bool {
    let (mut pairs, mut bad, mut i) = (0, 0, 0);
    while i < bytes.len().min(400) {
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
        } else if (0x81..=0xFE).contains(&b)
            && bytes.get(i + 1).is_some_and(|t| (0x40..=0xFE).contains(t) && *t != 0x7F)
        {
            pairs += 1;
            i += 2;
        } else {
            bad += 1;
            i += 1;
        }
    }
    pairs > 0 && bad * 4 <= pairs
}

/// Finds the template a data file asks for (first pass over the YAML), and
/// checks that the file holds a mapping at all.
pub fn front_matter_template(source: &Source) -> Result<Option<String>, DataError> {
    template_field(source, 0, 0)
}

fn template_field(source: &Source, base: usize, len: usize) -> Result<Option<String>, DataError> {
    let lang = written_lang(yaml_part(source, base, len));
    first_pass(source, base, len).map_err(|e| e.or_lang(lang))
}

fn first_pass(source: &Source, base: usize, len: usize) -> Result<Option<String>, DataError> {
    let yaml = yaml_part(source, base, len);
    refuse_deep_flow(source, yaml, base)?;
    let first: FirstPass = serde_yaml::from_str(yaml)
        .map_err(|e| DataError::from_yaml(&source.path, &source.text, &e, None, &[], line_of(&source.text, base)))?;
    // Only aliases (`*name`) can make the data larger than the file.
    if yaml.contains('*') {
        refuse_expansion(source, yaml, base)?;
    }
    match first {
        FirstPass::Mapping(template) => Ok(template),
        FirstPass::Empty => Err(DataError::new(Diagnostic::error(msg!(FileEmpty)).in_file(&source.path))),
        FirstPass::Other(kind) => Err(DataError::new(
            Diagnostic::error(msg!(ExpectedMappingFound, found = kind)).in_file(&source.path).at_line(
                source.text.clone(),
                1 + line_of(&source.text, base),
                1,
            ),
        )),
    }
}

/// Refuses YAML whose `[`/`{` collections nest too deeply to be worth
/// parsing (see [`depth`](super::depth)); `base` is the YAML's offset in the
/// source.
fn refuse_deep_flow(source: &Source, yaml: &str, base: usize) -> Result<(), DataError> {
    match crate::base::yaml::too_deep(yaml) {
        None => Ok(()),
        Some(at) => Err(DataError::new(
            Diagnostic::error(msg!(NestsTooDeep, depth = crate::base::yaml::MAX_FLOW_DEPTH))
                .in_file(&source.path)
                .at(source.text.clone(), base + at..base + at + 1)
                .hint(msg!(FlattenIt)),
        )),
    }
}

/// A key as the first pass sees it: its text if it is a string; any other
/// key is skipped unread.
struct KeyProbe(Option<String>);

impl<'de> Deserialize<'de> for KeyProbe {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Probe;
        impl<'de> Visitor<'de> for Probe {
            type Value = KeyProbe;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a field name")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<KeyProbe, E> {
                Ok(KeyProbe(Some(v.to_owned())))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<KeyProbe, E> {
                Ok(KeyProbe(None))
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<KeyProbe, E> {
                Ok(KeyProbe(None))
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<KeyProbe, E> {
                Ok(KeyProbe(None))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<KeyProbe, E> {
                Ok(KeyProbe(None))
            }
            fn visit_unit<E: de::Error>(self) -> Result<KeyProbe, E> {
                Ok(KeyProbe(None))
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<KeyProbe, A::Error> {
                while seq.next_element::<de::IgnoredAny>()?.is_some() {}
                Ok(KeyProbe(None))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<KeyProbe, A::Error> {
                while map.next_entry::<de::IgnoredAny, de::IgnoredAny>()?.is_some() {}
                Ok(KeyProbe(None))
            }
            fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<KeyProbe, A::Error> {
                use de::VariantAccess;
                let (de::IgnoredAny, variant) = data.variant()?;
                variant.newtype_variant::<de::IgnoredAny>()?;
                Ok(KeyProbe(None))
            }
        }
        deserializer.deserialize_any(Probe)
    }
}

/// What the first pass over a data file finds: the `template` field of a
/// mapping, or what the file holds instead. The other values are skipped
/// unread (duplicates are left to the second pass, which names them at
/// their own line).
enum FirstPass {
    Mapping(Option<String>),
    Empty,
    Other(Message),
}

/// The most text, in bytes, the data may hold once its aliases (`*name`)
/// are expanded: as much as a file may hold. Aliases repeat what their
/// anchor holds, so a file of 200 KB could otherwise repeat a long text into
/// gigabytes (serde_yaml's own limit counts events, not bytes).
const MAX_EXPANDED_BYTES: u64 = MAX_FILE_BYTES as u64;

impl<'de> Deserialize<'de> for FirstPass {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(FirstPassVisitor)
    }
}

struct FirstPassVisitor;

/// Refuses data whose aliases expand it beyond [`MAX_EXPANDED_BYTES`],
/// before the typed pass copies any of it. Other errors are left to the
/// typed pass, which names them better.
fn refuse_expansion(source: &Source, yaml: &str, base: usize) -> Result<(), DataError> {
    let budget = Cell::new(MAX_EXPANDED_BYTES);
    match Measure(&budget).deserialize(serde_yaml::Deserializer::from_str(yaml)) {
        Err(e) if budget.get() == 0 => {
            Err(DataError::from_yaml(&source.path, &source.text, &e, None, &[], line_of(&source.text, base)))
        }
        _ => Ok(()),
    }
}

/// Measures a value, aliases expanded, against what is left of the budget.
struct Measure<'a>(&'a Cell<u64>);

impl Measure<'_> {
    fn spend<E: de::Error>(&self, bytes: usize) -> Result<(), E> {
        let cost = u64::try_from(bytes).unwrap_or(u64::MAX).saturating_add(1);
        match self.0.get().checked_sub(cost) {
            Some(left) => {
                self.0.set(left);
                Ok(())
            }
            None => {
                self.0.set(0);
                Err(raise(msg!(AliasesRepeat, limit = MAX_EXPANDED_BYTES / 1_048_576)))
            }
        }
    }
}

impl<'de> DeserializeSeed<'de> for Measure<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Measure<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any value")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        self.spend(v.len())
    }
    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<(), E> {
        self.spend(v.len())
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        self.spend(0)
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        self.spend(0)
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        self.spend(0)
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        self.spend(0)
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.spend(0)
    }
    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        self.spend(0)
    }
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element_seed(Measure(self.0))?.is_some() {}
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while map.next_key_seed(Measure(self.0))?.is_some() {
            map.next_value_seed(Measure(self.0))?;
        }
        Ok(())
    }
    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<(), A::Error> {
        // A tagged value (`!tag value`): the tag, then the value.
        let ((), variant) = data.variant_seed(Measure(self.0))?;
        variant.newtype_variant_seed(Measure(self.0))
    }
}

impl<'de> Visitor<'de> for FirstPassVisitor {
    type Value = FirstPass;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a mapping of fields (`title: …`)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<FirstPass, A::Error> {
        let mut template = None;
        while let Some(key) = map.next_key::<KeyProbe>()? {
            if key.0.as_deref() == Some("template") && template.is_none() {
                if let serde_yaml::Value::String(s) = map.next_value::<serde_yaml::Value>()? {
                    template = Some(s.trim().to_owned());
                }
            } else {
                map.next_value::<de::IgnoredAny>()?;
            }
        }
        Ok(FirstPass::Mapping(template))
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<FirstPass, A::Error> {
        while seq.next_element::<de::IgnoredAny>()?.is_some() {}
        Ok(FirstPass::Other(msg!(AList)))
    }

    fn visit_unit<E: de::Error>(self) -> Result<FirstPass, E> {
        Ok(FirstPass::Empty)
    }

    fn visit_none<E: de::Error>(self) -> Result<FirstPass, E> {
        Ok(FirstPass::Empty)
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<FirstPass, E> {
        Ok(FirstPass::Other(msg!(TrueFalse)))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<FirstPass, E> {
        Ok(FirstPass::Other(msg!(ANumber)))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<FirstPass, E> {
        Ok(FirstPass::Other(msg!(ANumber)))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<FirstPass, E> {
        Ok(FirstPass::Other(msg!(ANumber)))
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<FirstPass, E> {
        Ok(FirstPass::Other(msg!(AText)))
    }
}

fn yaml_part(source: &Source, base: usize, len: usize) -> &str {
    if len == 0 && base == 0 { &source.text } else { &source.text[base..base + len] }
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset].matches('\n').count()
}

/// Deserializes the data file into a [`Document`] for the given template.
pub fn parse(source: &Source, schema: &Schema) -> Result<Document, DataError> {
    let lang = written_lang(&source.text);
    parse_document(source, schema).map_err(|e| e.or_lang(lang))
}

fn parse_document(source: &Source, schema: &Schema) -> Result<Document, DataError> {
    // The first pass reports syntax errors, empty files and non-mappings.
    template_field(source, 0, 0)?;
    let names = schema.field_names();
    let de = serde_yaml::Deserializer::from_str(&source.text);
    let mut track = serde_path_to_error::Track::new();
    let seed = DocSeed { schema, names: &names, path: &source.path };
    let doc = seed.deserialize(serde_path_to_error::Deserializer::new(de, &mut track)).map_err(|e| {
        let path = track.path().to_string();
        DataError::from_yaml(&source.path, &source.text, &e, Some(path), &names, 0)
    })?;
    unique_metric_ids(source, &doc)?;
    no_negative_targets(source, &doc)?;
    official_fits(source, &doc)?;
    followups_need_a_file(source, &doc)?;
    if let Fields::Bulletin(b) = &doc.fields {
        bulletin_lists(source, b)?;
    }
    Ok(doc)
}

/// What a bulletin's `roster`, `collect` and `targets` must agree on: one
/// entry per unit and per metric id, targets only for units on the roster
/// and metrics collected, and a `rank_by` that is collected.
fn bulletin_lists(source: &Source, b: &BulletinFields) -> Result<(), DataError> {
    let at = |key: &str, needle: &str, message: Message, hint: Message| {
        let mut diagnostic = Diagnostic::error(message).in_file(&source.path).field(key.to_owned()).hint(hint);
        if let Some((line, column)) = written_under(&source.text, key, needle) {
            diagnostic = diagnostic.at_line(source.text.clone(), line, column);
        }
        DataError::new(diagnostic)
    };
    let mut seen = HashSet::new();
    for name in &b.roster {
        if !seen.insert(name.as_str().trim()) {
            return Err(at("roster", name.as_str(), msg!(RosterTwice, unit = name.as_str()), msg!(NameEachUnitOnce)));
        }
    }
    let mut ids = HashSet::new();
    for m in &b.collect {
        if !ids.insert(m.id.0.as_str()) {
            return Err(at("collect", &m.id.0, msg!(CollectedTwice, id = m.id.0.as_str()), msg!(CollectedOwnId)));
        }
    }
    let roster: Vec<&str> = b.roster.iter().map(|n| n.as_str().trim()).collect();
    let collected: Vec<&str> = b.collect.iter().map(|m| m.id.0.as_str()).collect();
    for (unit, targets) in &b.targets {
        if !roster.is_empty() && !roster.contains(&unit.as_str()) {
            let hint = match did_you_mean(unit, &roster) {
                Some(best) => msg!(TargetsRosterDidYouMean, name = best),
                None => msg!(TargetsRosterAdd),
            };
            return Err(at("targets", unit, msg!(TargetsNotOnRoster, unit = unit.as_str()), hint));
        }
        for (id, target) in targets {
            if target.0 < 0.0 {
                return Err(at(
                    "targets",
                    &id.0,
                    msg!(UnitTargetBelowZero, id = id.0.as_str(), unit = unit.as_str(), target = target.0),
                    msg!(TargetZeroOrMore),
                ));
            }
            if !collected.is_empty() && !collected.contains(&id.0.as_str()) {
                let hint = match did_you_mean(&id.0, &collected) {
                    Some(best) => msg!(TargetsCollectDidYouMean, name = best),
                    None => msg!(TargetsCollectList, ids = Names(collected.iter().map(|c| (*c).to_owned()).collect())),
                };
                return Err(at(
                    "targets",
                    &id.0,
                    msg!(TargetNotCollected, id = id.0.as_str(), unit = unit.as_str()),
                    hint,
                ));
            }
        }
    }
    if let Some(id) = &b.rank_by
        && !collected.is_empty()
        && !collected.contains(&id.0.as_str())
    {
        return Err(at(
            "rank_by",
            &id.0,
            msg!(RankByNotCollected, id = id.0.as_str()),
            msg!(RankByOneOf, ids = Names(collected.iter().map(|c| (*c).to_owned()).collect())),
        ));
    }
    Ok(())
}

/// The line and column (1-based) where `needle` is first written under the
/// top-level `key:` of a YAML text.
fn written_under(text: &str, key: &str, needle: &str) -> Option<(usize, usize)> {
    let mut inside = false;
    for (i, line) in text.lines().enumerate() {
        if !line.starts_with([' ', '\t', '-', '#']) && !line.is_empty() {
            inside = line.strip_prefix(key).is_some_and(|rest| rest.trim_start().starts_with(':'));
        }
        if inside && !needle.is_empty() {
            let body = line.strip_prefix(key).unwrap_or(line);
            if let Some(at) = body.find(needle) {
                let byte = line.len() - body.len() + at;
                return Some((i + 1, line[..byte].chars().count() + 1));
            }
        }
    }
    None
}

/// The 版头, signature and 版记 belong to a formal document (a report or
/// summary); a bulletin has its 报头 and 报尾, and a unit's return is
/// rolled up, not sent. One unit's return names one unit. Attachment
/// tables need figures.
fn official_fits(source: &Source, doc: &Document) -> Result<(), DataError> {
    let at_key = |key: &str, message: Message, hint: Message| {
        let mut diagnostic = Diagnostic::error(message).in_file(&source.path).field(key.to_owned()).hint(hint);
        if let Some(line) = line_of_key(&source.text, key) {
            diagnostic = diagnostic.at_line(source.text.clone(), line, 1);
        }
        DataError::new(diagnostic)
    };
    let refused = match &doc.fields {
        Fields::Bulletin(_) => Some((msg!(ABulletin), msg!(BulletinOwnFields))),
        Fields::Common(_) => Some((msg!(AUnitReturn), msg!(ReturnRolledUp))),
        _ => None,
    };
    // A bulletin may carry a 份号, 密级 and 紧急程度 at its top left.
    let corner = ["copy_number", "secrecy", "urgency"];
    let bulletin = matches!(doc.fields, Fields::Bulletin(_));
    if let Some((what, hint)) = refused {
        if let Some(field) = doc.official.given().into_iter().find(|f| !(bulletin && corner.contains(f))) {
            return Err(at_key(field, msg!(FormalField, field = field, what = what), hint));
        }
        if !doc.joint.is_empty() {
            return Err(at_key("organization", msg!(OneOrganization, what = what), msg!(NameTheOneUnit)));
        }
    }
    if doc.official.signer_post.is_some() && doc.official.signer.is_empty() {
        return Err(at_key("signer_post", msg!(SignerPostWithoutSigner), msg!(AddSigner)));
    }
    if doc.official.signer_post.is_some() && doc.official.sealed {
        return Err(at_key("sealed", msg!(SealedAndSigned), msg!(KeepOneSignature)));
    }
    if doc.metrics.is_empty()
        && let Some(a) = doc.attachments.iter().find(|a| a.table.is_some())
    {
        return Err(at_key(
            "attachments",
            msg!(TableWithoutMetrics, title = a.title.to_string()),
            msg!(AddMetricsOrBody),
        ));
    }
    if doc.charts == Some(Charts::Attachment) && matches!(doc.fields, Fields::Bulletin(_)) {
        return Err(at_key("charts", msg!(ChartsAttachmentBulletin), msg!(WriteChartsBody)));
    }
    Ok(())
}

/// `followups` say what became of the steps of `previous_file`: without
/// that file there is nothing to follow up.
fn followups_need_a_file(source: &Source, doc: &Document) -> Result<(), DataError> {
    if doc.followups.is_empty() || doc.previous_file.is_some() {
        return Ok(());
    }
    let mut diagnostic = Diagnostic::error(msg!(FollowupsWithoutFile))
        .in_file(&source.path)
        .field("followups".to_owned())
        .hint(msg!(AddPreviousFile));
    if let Some(line) = line_of_key(&source.text, "followups") {
        diagnostic = diagnostic.at_line(source.text.clone(), line, 1);
    }
    Err(DataError::new(diagnostic))
}

/// The `previous_file:` a data file writes, read without loading the rest
/// of it (for `watch`, to follow that file while the document does not
/// build). None when the file does not parse or names none.
pub fn written_previous_file(source: &Source) -> Option<String> {
    super::rewrite::top_level_text(&source.text, "previous_file").map(|s| s.trim().to_owned())
}

/// The 1-based line where the top-level `key:` is written.
pub fn line_of_key(text: &str, key: &str) -> Option<usize> {
    text.lines().position(|l| l.strip_prefix(key).is_some_and(|rest| rest.trim_start().starts_with(':'))).map(|i| i + 1)
}

/// Two metrics with one id: the second would hide the first.
fn unique_metric_ids(source: &Source, doc: &Document) -> Result<(), DataError> {
    let mut seen = HashSet::new();
    for (i, m) in doc.metrics.iter().enumerate() {
        if seen.insert(m.id.0.as_str()) {
            continue;
        }
        let mut diagnostic = Diagnostic::error(msg!(MetricIdTwice, id = m.id.0.as_str()))
            .in_file(&source.path)
            .field(format!("metrics[{i}].id"))
            .hint(msg!(MetricOwnId));
        // The second `id: …` written with this id.
        if let Some(line) = lines_of_id(&source.text, &m.id.0).nth(1) {
            diagnostic = diagnostic.at_line(source.text.clone(), line, 1);
        }
        return Err(DataError::new(diagnostic));
    }
    Ok(())
}

/// A target below zero: no share of it means anything. The error is at the
/// metric's `target:` line.
fn no_negative_targets(source: &Source, doc: &Document) -> Result<(), DataError> {
    let Some((i, m)) = doc.metrics.iter().enumerate().find(|(_, m)| m.target.is_some_and(|t| t.0 < 0.0)) else {
        return Ok(());
    };
    let target = m.target.map_or(0.0, |t| t.0);
    let mut diagnostic = Diagnostic::error(msg!(TargetBelowZero, id = m.id.0.as_str(), target = target))
        .in_file(&source.path)
        .field(format!("metrics[{i}].target"))
        .hint(msg!(TargetBetterLower));
    // The `target:` of the metric's list item (whether `id:` comes first or
    // last in it), else its `id:` line.
    if let Some((line, column)) = line_of_id(&source.text, &m.id.0).map(|id_line| {
        let lines: Vec<&str> = source.text.lines().collect();
        let item = item_around(&lines, id_line - 1);
        item.clone()
            .find_map(|n| lines[n].find("target:").map(|at| (n + 1, lines[n][..at].chars().count() + 1)))
            .unwrap_or((id_line, 1))
    }) {
        diagnostic = diagnostic.at_line(source.text.clone(), line, column);
    }
    Err(DataError::new(diagnostic))
}

/// The lines (0-based) of the block-style YAML list item that holds the
/// key at `line`: from its `- ` line to the next item or the end of the list.
fn item_around(lines: &[&str], line: usize) -> std::ops::Range<usize> {
    let indent = |l: &str| l.len() - l.trim_start().len();
    // The item's dash: this line's, or the nearest one above it indented less.
    let here = lines[line];
    let dash_of = |l: &str| l.trim_start().starts_with("- ").then(|| indent(l));
    let start = match dash_of(here) {
        Some(_) => line,
        None => (0..line).rev().find(|&n| dash_of(lines[n]).is_some_and(|d| d < indent(here))).unwrap_or(line),
    };
    let dash = dash_of(lines[start]).unwrap_or(indent(here));
    let end = (start + 1..lines.len())
        .find(|&n| !lines[n].trim().is_empty() && !lines[n].trim_start().starts_with('#') && indent(lines[n]) <= dash)
        .unwrap_or(lines.len());
    start..end
}

/// Deserializes front matter (the YAML between `---` lines at `base..base+len`
/// of a Markdown file) into `T`, with errors located in the whole file.
pub fn parse_front_matter<T: DeserializeOwned>(source: &Source, base: usize, len: usize) -> Result<T, DataError> {
    let lang = written_lang(yaml_part(source, base, len));
    front_matter(source, base, len).map_err(|e| e.or_lang(lang))
}

fn front_matter<T: DeserializeOwned>(source: &Source, base: usize, len: usize) -> Result<T, DataError> {
    template_field(source, base, len)?;
    let de = serde_yaml::Deserializer::from_str(yaml_part(source, base, len));
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        DataError::from_yaml(&source.path, &source.text, &e.into_inner(), Some(path), &[], line_of(&source.text, base))
    })
}

/// Writes a value as YAML (for front matter).
pub fn to_yaml<T: Serialize>(value: &T) -> String {
    // Serializing our own plain structs cannot fail.
    serde_yaml::to_string(value).unwrap_or_default()
}

struct DocSeed<'a> {
    schema: &'a Schema,
    names: &'a [&'a str],
    path: &'a Path,
}

impl<'de> DeserializeSeed<'de> for DocSeed<'_> {
    type Value = Document;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Document, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for DocSeed<'_> {
    type Value = Document;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a mapping of fields such as `title:`")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Document, A::Error> {
        let mut seen = HashSet::new();
        let mut fields = match self.schema.kind {
            Kind::ProgressReport => Fields::Progress(ProgressFields::default()),
            Kind::VillageStay => Fields::VillageStay(VillageStayFields::default()),
            Kind::Bulletin => Fields::Bulletin(BulletinFields::default()),
            Kind::Common => Fields::Common(NoFields {}),
        };
        let mut c = Common::default();
        let mut extra = BTreeMap::new();
        while let Some(key) = map.next_key_seed(KeySeed { schema: self.schema, names: self.names, seen: &mut seen })? {
            match key.as_str() {
                "template" => {
                    map.next_value::<Option<Text>>()?;
                }
                "lang" => c.lang = map.next_value::<Option<Lang>>()?,
                "paper" => c.paper = map.next_value::<Option<Paper>>()?,
                "title" => c.title = map.next_value::<Option<Text>>()?,
                "organization" => c.organization = map.next_value::<Option<OneOrMore>>()?.map(|o| o.0),
                "recipient" => c.recipient = map.next_value::<Option<Text>>()?,
                "date" => c.date = map.next_value::<Option<DateValue>>()?.map(|d| d.0),
                "period" => c.period = map.next_value::<Option<Period>>()?,
                "doc_kind" => c.doc_kind = map.next_value::<Option<DocKind>>()?,
                "intro" => c.intro = map.next_value()?,
                "metrics" => c.metrics = list(&mut map)?,
                "closing" => c.closing = map.next_value()?,
                "attachments" => c.attachments = list(&mut map)?,
                "charts" => c.charts = map.next_value::<Option<Charts>>()?,
                "previous_file" => c.previous_file = map.next_value::<Option<Text>>()?,
                "followups" => c.followups = list(&mut map)?,
                "issuer_mark" => c.official.issuer_mark = more(&mut map)?,
                "doc_number" => c.official.doc_number = map.next_value::<Option<DocNumber>>()?,
                "signer" => c.official.signer = more(&mut map)?,
                "copy_number" => c.official.copy_number = map.next_value::<Option<CopyNumber>>()?,
                "secrecy" => c.official.secrecy = map.next_value::<Option<Secrecy>>()?,
                "urgency" => c.official.urgency = map.next_value::<Option<Urgency>>()?,
                "sealed" => c.official.sealed = map.next_value::<Option<bool>>()?.unwrap_or(false),
                "signer_post" => c.official.signer_post = map.next_value::<Option<Text>>()?,
                "copy_to" => c.official.copy_to = more(&mut map)?,
                "printed_by" => c.official.printed_by = map.next_value::<Option<Text>>()?,
                "printed_on" => c.official.printed_on = map.next_value::<Option<DateValue>>()?.map(|d| d.0),
                name => {
                    if let Some(field) = self.schema.extra.iter().find(|f| f.name == name) {
                        if let Some(v) = extra_value(&mut map, field.kind)? {
                            extra.insert(name.to_owned(), v);
                        }
                    } else {
                        accept(&mut fields, name, &mut map)?;
                    }
                }
            }
        }
        for field in self.schema.extra.iter().filter(|f| f.required) {
            if !extra.contains_key(&field.name) {
                return Err(raise(msg!(
                    MissingTemplateField,
                    name = field.name.as_str(),
                    template = self.schema.template.as_str()
                )));
            }
        }
        let title = c.title.ok_or_else(|| raise(msg!(MissingTitle)))?;
        let mut issuers = c.organization.unwrap_or_default().into_iter();
        let organization = issuers.next().ok_or_else(|| raise(msg!(MissingOrganization)))?;
        let joint: Vec<Text> = issuers.collect();
        Ok(Document {
            path: self.path.to_path_buf(),
            template: self.schema.template.clone(),
            lang: c.lang.unwrap_or_default(),
            paper: c.paper.unwrap_or_default(),
            title,
            organization,
            joint,
            recipient: c.recipient,
            date: c.date,
            period: c.period,
            doc_kind: c.doc_kind.unwrap_or_default(),
            intro: c.intro,
            metrics: c.metrics,
            closing: c.closing,
            attachments: c.attachments,
            charts: c.charts,
            previous_file: c.previous_file,
            followups: c.followups,
            official: c.official,
            fields,
            extra,
        })
    }
}

#[derive(Default)]
struct Common {
    lang: Option<Lang>,
    paper: Option<Paper>,
    title: Option<Text>,
    organization: Option<Vec<Text>>,
    recipient: Option<Text>,
    date: Option<chrono::NaiveDate>,
    period: Option<Period>,
    doc_kind: Option<DocKind>,
    intro: Option<Markdown>,
    metrics: Vec<super::Metric>,
    closing: Option<Markdown>,
    attachments: Vec<Attachment>,
    charts: Option<Charts>,
    previous_file: Option<Text>,
    followups: Vec<super::Followup>,
    official: Official,
}

/// A text or a list of texts, or nothing.
fn more<'de, A: MapAccess<'de>>(map: &mut A) -> Result<Vec<Text>, A::Error> {
    Ok(map.next_value::<Option<OneOrMore>>()?.map(|o| o.0).unwrap_or_default())
}

/// A list that may also be written as nothing (`problems:`).
fn list<'de, A: MapAccess<'de>, T: Deserialize<'de>>(map: &mut A) -> Result<Vec<T>, A::Error> {
    Ok(map.next_value::<Option<Vec<T>>>()?.unwrap_or_default())
}

/// Deserializes one template-specific field into its slot.
fn accept<'de, A: MapAccess<'de>>(fields: &mut Fields, key: &str, map: &mut A) -> Result<(), A::Error> {
    match fields {
        Fields::Progress(f) => match key {
            "situation" => f.situation = map.next_value()?,
            "progress" => f.progress = list(map)?,
            "problems" => f.problems = list(map)?,
            "next_steps" => f.next_steps = list(map)?,
            _ => return Err(unhandled(key)),
        },
        Fields::VillageStay(f) => match key {
            "village" => f.village = map.next_value()?,
            "team" => f.team = list(map)?,
            "since" => f.since = map.next_value::<Option<DateValue>>()?.map(|d| d.0),
            "situation" => f.situation = map.next_value()?,
            "tasks" => f.tasks = list(map)?,
            "experiences" => f.experiences = list(map)?,
            "problems" => f.problems = list(map)?,
            "next_steps" => f.next_steps = list(map)?,
            _ => return Err(unhandled(key)),
        },
        Fields::Bulletin(f) => match key {
            "issue" => f.issue = map.next_value::<Option<Count>>()?.map(|c| c.0),
            "total_issue" => f.total_issue = map.next_value::<Option<Count>>()?.map(|c| c.0),
            "editor_note" => f.editor_note = map.next_value()?,
            "units" => f.units = list(map)?,
            "rank_by" => f.rank_by = map.next_value::<Option<Id>>()?,
            "lag_below" => f.lag_below = map.next_value::<Option<Ratio>>()?.map(|r| r.0),
            "items" => f.items = list(map)?,
            "distribution" => f.distribution = map.next_value::<Option<Distribution>>()?.unwrap_or_default(),
            "copies" => f.copies = map.next_value::<Option<Count>>()?.map(|c| c.0),
            "roster" => f.roster = list(map)?,
            "collect" => f.collect = list(map)?,
            "targets" => {
                f.targets = map
                    .next_value::<Option<BTreeMap<String, BTreeMap<Id, Number>>>>()?
                    .unwrap_or_default()
                    .into_iter()
                    .map(|(unit, t)| (unit.as_str().trim().to_owned(), t))
                    .collect();
            }
            "figures_table" => f.figures_table = map.next_value()?,
            _ => return Err(unhandled(key)),
        },
        Fields::Common(_) => return Err(unhandled(key)),
    }
    Ok(())
}

fn unhandled<E: de::Error>(key: &str) -> E {
    raise(msg!(FieldNotHandled, name = key))
}

fn extra_value<'de, A: MapAccess<'de>>(map: &mut A, kind: ExtraKind) -> Result<Option<ExtraValue>, A::Error> {
    Ok(match kind {
        ExtraKind::Text => map.next_value::<Option<Text>>()?.map(ExtraValue::Text),
        ExtraKind::Markdown => map.next_value::<Option<Markdown>>()?.map(ExtraValue::Markdown),
        ExtraKind::Number => map.next_value::<Option<Number>>()?.map(ExtraValue::Number),
        ExtraKind::Date => map.next_value::<Option<DateValue>>()?.map(|d| ExtraValue::Date(d.0)),
        ExtraKind::Period => map.next_value::<Option<Period>>()?.map(ExtraValue::Period),
        ExtraKind::List => map.next_value::<Option<Vec<Text>>>()?.map(ExtraValue::List),
    })
}

/// Checks each key as it is read, so errors point at the key itself.
struct KeySeed<'a> {
    schema: &'a Schema,
    names: &'a [&'a str],
    seen: &'a mut HashSet<String>,
}

impl<'de> DeserializeSeed<'de> for KeySeed<'_> {
    type Value = String;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<String, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed<'_> {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<String, E> {
        if matches!(key, "previous_file" | "followups") && !self.names.contains(&key) {
            return Err(raise(not_here(key, self.schema.kind)));
        }
        if !self.names.contains(&key) {
            let mut msg = format!("unknown field `{key}`");
            if self.schema.kind != Kind::Common {
                msg.push_str(&format!(" for template `{}`", self.schema.template));
            }
            if let Some(best) = did_you_mean(key, self.names) {
                msg.push_str(&format!("; did you mean `{best}`?"));
            } else {
                msg.push_str(&format!("; expected one of {}", self.names.join(", ")));
            }
            return Err(E::custom(msg));
        }
        if !self.seen.insert(key.to_owned()) {
            return Err(raise(msg!(DuplicateField, name = key)));
        }
        Ok(key.to_owned())
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<String, E> {
        self.visit_str(&v.to_string())
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<String, E> {
        self.visit_str(&v.to_string())
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<String, E> {
        self.visit_str(&v.to_string())
    }
}

/// Why `previous_file` or `followups` is refused in a file of `kind`: a
/// unit's return is read inside the bulletin's folder only, and a
/// bulletin's figures are rolled up from its returns.
fn not_here(key: &str, kind: Kind) -> Message {
    match kind {
        Kind::Common => msg!(RefusedInReturn, key = key),
        _ => msg!(NotABulletinField, key = key),
    }
}

/// A date written `YYYY-MM-DD`.
struct DateValue(chrono::NaiveDate);

impl<'de> Deserialize<'de> for DateValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        super::scalar::date(deserializer).map(DateValue)
    }
}

/// A whole number ≥ 1 (issue numbers, copies).
struct Count(u32);

impl<'de> Deserialize<'de> for Count {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let n = Number::deserialize(deserializer)?.0;
        if n.fract() != 0.0 || !(1.0..=1_000_000.0).contains(&n) {
            return Err(raise(msg!(ExpectedCount, found = n)));
        }
        #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "checked range")]
        Ok(Count(n as u32))
    }
}

/// A share between 0 and 1 (`lag_below: 0.6`).
struct Ratio(Number);

impl<'de> Deserialize<'de> for Ratio {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let n = Number::deserialize(deserializer)?;
        if !(0.0..=1.0).contains(&n.0) {
            let message = if (1.0..=100.0).contains(&n.0) {
                msg!(ExpectedShareWrite, found = n.0, share = n.0 / 100.0)
            } else {
                msg!(ExpectedShare, found = n.0)
            };
            return Err(raise(message));
        }
        Ok(Ratio(n))
    }
}

/// Deserializes YAML that is not a data file (a chart block's contents),
/// with errors as one line that says where.
pub fn from_yaml_text<T: DeserializeOwned>(text: &str) -> Result<T, Message> {
    if let Some(at) = crate::base::yaml::too_deep(text) {
        let nests = msg!(NestsTooDeep, depth = crate::base::yaml::MAX_FLOW_DEPTH);
        return Err(msg!(AtLine, line = line_of(text, at) + 1, text = nests));
    }
    let de = serde_yaml::Deserializer::from_str(text);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let mut message = inner.to_string();
        let mut line = None;
        if let Some(loc) = inner.location() {
            let suffix = format!(" at line {} column {}", loc.line(), loc.column());
            message = message.replace(&suffix, "");
            line = Some(loc.line());
        }
        let prefix = format!("{path}: ");
        let message = message.strip_prefix(&prefix).unwrap_or(&message);
        let mut text = super::error::yaml_text_message(message);
        if path != "." {
            text = msg!(FieldPrefix, field = path, text = text);
        }
        match line {
            Some(line) => msg!(AtLine, line = line, text = text),
            None => text,
        }
    })
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use super::*;
    use crate::data::Schema;

    fn source(text: &str) -> Source {
        Source { path: PathBuf::from("r.yaml"), text: text.into() }
    }

    fn progress() -> Schema {
        Schema { template: "progress-report".into(), kind: Kind::ProgressReport, extra: Vec::new() }
    }

    /// Loads `text` and returns the error's one-line form.
    fn error(text: &str) -> String {
        let source = source(text);
        let err = template_field(&source, 0, 0).and_then(|_| parse(&source, &progress()).map(|_| ()));
        err.expect_err("an error").to_string()
    }

    /// A negative target is shown at its own `target:` line, whether the
    /// metric's `id:` comes first or last in its item.
    #[test]
    fn a_negative_target_is_shown_at_its_line() {
        let at = |text: &str| {
            let source = source(text);
            let err = parse(&source, &progress()).expect_err("an error");
            err.diagnostic().to_plain_text()
        };
        let head = "template: progress-report\ntitle: T\norganization: O\nmetrics:\n";
        let last =
            format!("{head}  - label: A\n    target: -100\n    id: a\n  - label: B\n    target: 10\n    id: b\n");
        assert!(at(&last).contains("r.yaml:6:5"), "{}", at(&last));
        let first = format!("{head}  - id: a\n    label: A\n    target: 5\n  - id: b\n    label: B\n    target: -3\n");
        assert!(at(&first).contains("r.yaml:10:5"), "{}", at(&first));
        let flow = format!("{head}  - {{id: a, label: A, target: 5}}\n  - {{id: b, label: B, target: -3}}\n");
        assert!(at(&flow).contains("r.yaml:6:23"), "{}", at(&flow));
    }

    #[test]
    fn deep_flow_nesting_is_refused_before_parsing() {
        let started = Instant::now();
        let text = format!("title: T\norganization: O\nintro: {}\n", "[".repeat(1_000_000));
        let err = error(&text);
        assert!(err.starts_with("r.yaml:3:208: "), "{err}");
        assert!(err.contains("nest more than 200 levels"), "{err}");
        let chart = from_yaml_text::<serde_yaml::Value>(&"{a: ".repeat(1_000_000)).unwrap_err().english();
        assert!(chart.starts_with("line 1: "), "{chart}");
        assert!(started.elapsed() < Duration::from_secs(2), "{:?}", started.elapsed());
    }

    #[test]
    fn the_first_pass_neither_expands_aliases_nor_hides_duplicates() {
        let mut text = String::from("title: T\norganization: O\n? &k0 [lol, lol, lol, lol, lol, lol, lol, lol]\n: x\n");
        for i in 1..12 {
            text.push_str(&format!("? &k{i} [{}]\n: x\n", vec![format!("*k{}", i - 1); 8].join(", ")));
        }
        let started = Instant::now();
        let err = error(&text);
        assert!(err.starts_with("r.yaml:3:3: "), "{err}");
        assert!(started.elapsed() < Duration::from_secs(1), "{:?}", started.elapsed());
        let err = error("title: T\norganization: O\ntitle: U\n");
        assert!(err.starts_with("r.yaml:3:1: title: duplicate field `title`"), "{err}");
        assert_eq!(template_field(&source("template: a\ntemplate: b\n"), 0, 0).unwrap().as_deref(), Some("a"));
    }

    #[test]
    fn errors_without_a_line_get_one() {
        let err = error("title: T\norganization: O\nintro: a\u{1}b\n");
        assert!(err.starts_with("r.yaml:3:9: control characters are not allowed (U+0001)"), "{err}");
        let err = error("title: T\norganization: O\n---\ntitle: U\n");
        assert!(err.starts_with("r.yaml:3:1: "), "{err}");
        let err = error("title: T\norganization: O\nprogress:\n  - title: x\n    body: a\n    body: b\n");
        assert!(err.starts_with("r.yaml:6:5: progress[0].body: duplicate field `body`"), "{err}");
    }

    #[test]
    fn what_the_file_holds_instead_of_a_mapping() {
        for (text, kind) in [("- a\n", "a list"), ("just text\n", "a text"), ("12\n", "a number")] {
            let err = error(text);
            assert!(err.contains(&format!("expected a mapping of fields (`title: …`), found {kind}")), "{err}");
        }
        for text in ["", "# only a comment\n", "---\n", "~\n"] {
            assert!(error(text).contains("the file is empty"), "{text:?}");
        }
    }
}
