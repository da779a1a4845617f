//! What last period's file gives this period's document, once the engine
//! has read it (`previous_file:`): each metric's `previous` from that
//! file's `actual` (matched by id; a figure written here wins), and its
//! `next_steps` followed up by this document's `followups:`. Pure: the
//! earlier document comes loaded; every finding is located in this
//! document's text.
//!
//! The earlier file's own `previous_file` is not followed: one period back,
//! never a chain.

use serde::Serialize;

use crate::base::diag::Diagnostic;
use crate::data::{Document, Due, Fields, FollowStatus, Followup, Source, Step, Text, line_of_id, line_of_key};

/// One of last period's next steps and what became of it.
#[derive(Clone, Debug, Serialize)]
pub struct FollowedUp {
    /// The step's title, as last period's file gives it.
    pub step: Text,
    /// How far it has come: `done`, `ongoing` or `dropped`.
    pub status: FollowStatus,
    /// What was done, or why not.
    pub note: Option<Text>,
    /// The lead unit the step named.
    pub owner: Option<Text>,
    /// The deadline the step set.
    pub due: Option<Due>,
}

/// What last period's file gave.
#[derive(Clone, Debug, Default)]
pub struct Carried {
    /// The steps followed up, in the order of `followups:`.
    pub followups: Vec<FollowedUp>,
    /// How many next steps last period's file has.
    pub steps: usize,
    /// Figures that disagree, units that differ, steps matched only
    /// closely, steps nobody followed up.
    pub warnings: Vec<Diagnostic>,
}

/// How alike two titles must be (normalized Levenshtein, after dropping
/// spaces and punctuation) to be taken as one step.
const CLOSE: f64 = 0.75;
/// How alike a title must be to be suggested.
const SUGGEST: f64 = 0.4;

/// Fills `doc`'s metrics from `earlier` and matches its followups to the
/// earlier next steps. `shown` names the earlier file as `previous_file`
/// writes it. An error for a followup that names no earlier step, or a
/// step followed up twice.
pub fn carry(source: &Source, doc: &mut Document, earlier: &Document, shown: &str) -> Result<Carried, Diagnostic> {
    let mut carried = Carried::default();
    fill_previous(source, doc, earlier, shown, &mut carried.warnings);
    if let (Some(now), Some(then)) = (doc.period, earlier.period)
        && then.end() >= now.start()
    {
        carried.warnings.push(
            at_key(
                source,
                "previous_file",
                Diagnostic::warning(format!("`{shown}` is for {then}, which does not end before this period ({now})")),
            )
            // zh: `{shown}` 的报告期为 {then}，不早于本期（{now}）
            .hint("name the file of the period before this one"),
            // zh: 请填写上一期的数据文件
        );
    }
    let steps: &[Step] = match &earlier.fields {
        Fields::Progress(f) => &f.next_steps,
        Fields::VillageStay(f) => &f.next_steps,
        _ => &[],
    };
    carried.steps = steps.len();
    let mut taken: Vec<Option<usize>> = vec![None; steps.len()];
    for (i, followup) in doc.followups.iter().enumerate() {
        let at = |d: Diagnostic| at_step(source, i, d.in_file(&source.path).field(format!("followups[{i}].step")));
        let found = match_step(followup, steps).map_err(|best| {
            let hint = match best {
                Some(best) => format!("did you mean \"{best}\"? write the title as {shown} gives it"),
                // zh: 是否应为“{best}”？请照 {shown} 中的标题书写
                None if steps.is_empty() => format!("{shown} has no `next_steps` to follow up"),
                // zh: {shown} 中没有 `next_steps` 可供说明落实情况
                None => format!("its next steps are: {}", titles(steps)),
                // zh: 上期的工作打算为：{titles}
            };
            at(Diagnostic::error(format!("step \"{}\" is not among the next steps of {shown}", followup.step)))
                // zh: “{step}”不在 {shown} 的下一步工作打算中
                .hint(hint)
        })?;
        let (index, exact) = found;
        if let Some(first) = taken[index] {
            return Err(at(Diagnostic::error(format!(
                "step \"{}\" is followed up twice (also by followups[{first}])",
                steps[index].title
            )))
            // zh: “{step}”的落实情况写了两次（另见 followups[{first}]）
            .hint("say once what became of each step"));
            // zh: 每项工作打算只写一次落实情况
        }
        taken[index] = Some(i);
        if !exact {
            carried.warnings.push(
                at(Diagnostic::warning(format!(
                    "step \"{}\" is taken to be \"{}\" of {shown}",
                    followup.step, steps[index].title
                )))
                // zh: “{step}”按 {shown} 中的“{title}”处理
                .hint(format!("write the title as {shown} gives it: {}", steps[index].title)),
                // zh: 请照 {shown} 中的标题书写：{title}
            );
        }
        carried.followups.push(FollowedUp {
            step: steps[index].title.clone(),
            status: followup.status,
            note: followup.note.clone(),
            owner: steps[index].owner.clone(),
            due: steps[index].due,
        });
    }
    let key = if doc.followups.is_empty() { "previous_file" } else { "followups" };
    for (step, _) in steps.iter().zip(&taken).filter(|(_, t)| t.is_none()) {
        carried.warnings.push(
            at_key(
                source,
                key,
                Diagnostic::warning(format!("last period's step \"{}\" ({shown}) is not followed up", step.title)),
            )
            // zh: 上期工作打算“{title}”（{shown}）未说明落实情况
            .hint(format!(
                "add `- {{step: {}, status: done}}` under `followups:` (status: done, ongoing or dropped)",
                step.title
            )),
            // zh: 在 `followups:` 下添加 `- {step: …, status: done}`（status 为 done、ongoing 或 dropped）
        );
    }
    Ok(carried)
}

/// Each metric's `previous` from the earlier `actual` of the same id, in the
/// same unit; a figure written here wins, and one that disagrees is warned.
fn fill_previous(source: &Source, doc: &mut Document, earlier: &Document, shown: &str, warnings: &mut Vec<Diagnostic>) {
    for (i, m) in doc.metrics.iter_mut().enumerate() {
        let Some(then) = earlier.metrics.iter().find(|e| e.id == m.id) else { continue };
        let Some(actual) = then.actual else { continue };
        let at = |key: &str, d: Diagnostic| {
            at_metric_key(source, &m.id.0, key, d.in_file(&source.path).field(format!("metrics[{i}]")))
        };
        if m.unit.trim() != then.unit.trim() {
            let unit = |u: &str| if u.trim().is_empty() { "no unit".to_owned() } else { format!("\"{}\"", u.trim()) };
            warnings.push(
                at(
                    "unit",
                    Diagnostic::warning(format!(
                        "metric `{}` is in {} here but in {} in {shown}; its previous figure is not taken from there",
                        m.id,
                        unit(&m.unit),
                        unit(&then.unit)
                    )),
                )
                // zh: 指标 `{id}` 本期单位为{unit}，{shown} 中为{then}；上期数不从该文件取
                .hint("give both periods the same unit, or write `previous:` here in this period's unit"),
                // zh: 两期使用同一单位，或在本文件中按本期单位填写 `previous:`
            );
            continue;
        }
        match m.previous {
            None => m.previous = Some(actual),
            Some(written) if !same(written.0, actual.0) => warnings.push(
                at(
                    "previous",
                    Diagnostic::warning(format!(
                        "metric `{}`: `previous: {}` here, but {shown} gives `actual: {}`; the figure written here is used",
                        m.id, written.0, actual.0
                    )),
                )
                // zh: 指标 `{id}`：本文件写 `previous: {written}`，{shown} 中为 `actual: {actual}`；采用本文件所写数字
                .hint(format!("correct one of them, or remove `previous:` to take {} from {shown}", actual.0)),
                // zh: 请改正其中之一，或删去 `previous:`，从 {shown} 取 {actual}
            ),
            Some(_) => {}
        }
    }
}

fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// The earlier step a followup names: its index and whether the title is
/// written exactly; else the closest title to suggest, if any is alike.
fn match_step(followup: &Followup, steps: &[Step]) -> Result<(usize, bool), Option<String>> {
    let wanted = followup.step.as_str().trim();
    if let Some(i) = steps.iter().position(|s| s.title.as_str().trim() == wanted) {
        return Ok((i, true));
    }
    let scored = steps
        .iter()
        .enumerate()
        .map(|(i, s)| (likeness(wanted, s.title.as_str()), i))
        .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)));
    match scored {
        Some((score, i)) if score >= CLOSE => Ok((i, false)),
        Some((score, i)) if score >= SUGGEST => Err(Some(steps[i].title.as_str().trim().to_owned())),
        _ => Err(None),
    }
}

/// How alike two titles are, 0 to 1: by characters, spaces, punctuation and
/// case left out.
fn likeness(a: &str, b: &str) -> f64 {
    let plain = |s: &str| -> String {
        s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect::<String>()
    };
    let (a, b) = (plain(a), plain(b));
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    strsim::normalized_levenshtein(&a, &b)
}

fn titles(steps: &[Step]) -> String {
    steps.iter().map(|s| format!("\"{}\"", s.title.as_str().trim())).collect::<Vec<_>>().join(", ")
}

/// The diagnostic at the top-level `key:` line.
fn at_key(source: &Source, key: &str, d: Diagnostic) -> Diagnostic {
    let d = d.in_file(&source.path).field(key.to_owned());
    match line_of_key(&source.text, key) {
        Some(line) => d.at_line(source.text.clone(), line, 1),
        None => d,
    }
}

/// The diagnostic at the `key:` of metric `id` (its `id:` line if the key
/// is not written).
fn at_metric_key(source: &Source, id: &str, key: &str, d: Diagnostic) -> Diagnostic {
    let Some(id_line) = line_of_id(&source.text, id) else { return d };
    let lines: Vec<&str> = source.text.lines().collect();
    let indent = |l: &str| l.len() - l.trim_start().len();
    let item_indent = indent(lines[id_line - 1]);
    let mut found = None;
    for (n, line) in lines.iter().enumerate().skip(id_line - 1) {
        let starts_item = line.trim_start().starts_with("- ") && indent(line) <= item_indent;
        if n >= id_line && (starts_item || (!line.trim().is_empty() && indent(line) == 0)) {
            break;
        }
        if let Some(column) = key_column(line, key) {
            found = Some((n + 1, column));
            break;
        }
    }
    let (line, column) = found.unwrap_or((id_line, 1));
    d.at_line(source.text.clone(), line, column)
}

/// The 1-based column (in characters) where `key:` is written as a key on
/// `line` (at its start, after `- `, `{` or `,`).
fn key_column(line: &str, key: &str) -> Option<usize> {
    let pattern = format!("{key}:");
    let mut from = 0;
    while let Some(at) = line[from..].find(&pattern) {
        let byte = from + at;
        let before = line[..byte].trim_end();
        if before.is_empty() || before.ends_with(['-', '{', ',']) {
            return Some(line[..byte].chars().count() + 1);
        }
        from = byte + pattern.len();
    }
    None
}

/// The diagnostic at the `step:` of `followups[index]` (the `followups:`
/// line if it cannot be found).
fn at_step(source: &Source, index: usize, d: Diagnostic) -> Diagnostic {
    let Some(start) = line_of_key(&source.text, "followups") else { return d };
    let mut seen = 0;
    for (n, line) in source.text.lines().enumerate().skip(start - 1) {
        if n >= start && !line.trim().is_empty() && !line.starts_with([' ', '\t', '-', '#']) {
            break;
        }
        let mut rest = 0;
        while let Some(column) = key_column(&line[rest..], "step") {
            let byte = rest + line[rest..].char_indices().nth(column - 1).map_or(0, |(b, _)| b);
            if seen == index {
                return d.at_line(source.text.clone(), n + 1, line[..byte].chars().count() + 1);
            }
            seen += 1;
            rest = byte + "step:".len();
        }
    }
    d.at_line(source.text.clone(), start, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_alike_despite_spaces_punctuation_and_a_word_more() {
        assert!(likeness("加快推进厕所改造", "加快推进农村厕所改造") >= CLOSE);
        assert!(likeness("Train the village cadres.", "train the village  cadres") >= 0.99);
        assert!(likeness("加快推进农村厕所改造", "加快推进污水治理") < CLOSE);
        assert!(likeness("", "x") == 0.0);
    }

    #[test]
    fn keys_are_found_as_keys_only() {
        assert_eq!(key_column("    previous: 5", "previous"), Some(5));
        assert_eq!(key_column("  - {id: a, previous: 5}", "previous"), Some(13));
        assert_eq!(key_column("    label: previous: x", "previous"), None);
        assert_eq!(key_column("  - step: 完成", "step"), Some(5));
    }
}
