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
use crate::base::msg::{Quoted, msg};
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
                Diagnostic::warning(msg!(
                    PreviousNotBefore,
                    shown = shown,
                    then = then.to_string(),
                    now = now.to_string()
                )),
            )
            .hint(msg!(NamePeriodBefore)),
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
                Some(best) => msg!(StepDidYouMean, best = best, shown = shown),
                None if steps.is_empty() => msg!(StepNoNextSteps, shown = shown),
                None => msg!(StepsAre, titles = titles(steps)),
            };
            at(Diagnostic::error(msg!(StepNotAmong, step = followup.step.to_string(), shown = shown))).hint(hint)
        })?;
        let (index, exact) = found;
        if let Some(first) = taken[index] {
            return Err(at(Diagnostic::error(msg!(StepTwice, step = steps[index].title.to_string(), first = first)))
                .hint(msg!(StepOnce)));
        }
        taken[index] = Some(i);
        if !exact {
            carried.warnings.push(
                at(Diagnostic::warning(msg!(
                    StepTakenAs,
                    step = followup.step.to_string(),
                    title = steps[index].title.to_string(),
                    shown = shown
                )))
                .hint(msg!(StepWriteAs, shown = shown, title = steps[index].title.to_string())),
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
                Diagnostic::warning(msg!(StepNotFollowed, title = step.title.to_string(), shown = shown)),
            )
            .hint(msg!(StepAddFollowup, title = step.title.to_string())),
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
            let unit = |u: &str| if u.trim().is_empty() { msg!(NoUnit) } else { msg!(QuotedUnit, unit = u.trim()) };
            warnings.push(
                at(
                    "unit",
                    Diagnostic::warning(msg!(
                        PreviousUnitDiffers,
                        id = m.id.0.as_str(),
                        unit = unit(&m.unit),
                        then = unit(&then.unit),
                        shown = shown
                    )),
                )
                .hint(msg!(SameUnitHint)),
            );
            continue;
        }
        match m.previous {
            None => m.previous = Some(actual),
            Some(written) if !same(written.0, actual.0) => warnings.push(
                at(
                    "previous",
                    Diagnostic::warning(msg!(
                        PreviousDisagrees,
                        id = m.id.0.as_str(),
                        written = written.0,
                        shown = shown,
                        actual = actual.0
                    )),
                )
                .hint(msg!(CorrectOneOrRemove, actual = actual.0, shown = shown)),
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

fn titles(steps: &[Step]) -> Quoted {
    Quoted(steps.iter().map(|s| s.title.as_str().trim().to_owned()).collect())
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
