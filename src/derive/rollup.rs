//! The monthly bulletin's roll-up of the unit files its `units:` globs name:
//! per metric id the totals of target and actual and the rate
//! Σactual / Σtarget over the units that give both (the others are named);
//! for a metric in `%` the mean over the units instead, since rates do not
//! add up. The ranking of the units by the rate of `rank_by` (descending for
//! `better: higher`, ties by actual, then by name), the top and bottom three;
//! the units under `lag_below` and under the schedule (序时进度), or, where
//! lower is better, the units over their target. A unit file that fails to
//! load, or that reports on another period, is named, and the bulletin says
//! which units are missing.

use crate::base::msg::{List, Message, Names, msg};
use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

use crate::base::diag::Diagnostic;
use crate::data::{self, Better, BulletinFields, Document, Lang};
use crate::derive::figures;
use crate::derive::lang::{LeftOut, language};
use crate::derive::metric::MetricFigures;
use crate::derive::plausible;

/// The roll-up of a bulletin.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Rollup {
    /// Units that loaded, in file order.
    pub units: Vec<Unit>,
    /// Unit files that did not load.
    pub missing: Vec<Missing>,
    /// Per metric id: totals over the units.
    pub totals: Vec<Total>,
    /// The total of each metric id, by id.
    pub total: BTreeMap<String, Total>,
    /// The metric ranked by.
    pub rank_by: Option<Total>,
    /// Units ranked by the rate of `rank_by`; units without a rate last.
    pub ranking: Vec<Ranked>,
    /// The first three of the ranking.
    pub top: Vec<Ranked>,
    /// The last three of the ranking (of those with a rate), best first.
    pub bottom: Vec<Ranked>,
    /// Units whose rate is under `lag_below`.
    pub lagging: Vec<Ranked>,
    /// Units whose rate is under the schedule (序时进度).
    pub below_schedule: Vec<Ranked>,
    /// `lag_below` as a percentage.
    pub lag_below_text: Option<String>,
    /// Units on the roster whose return was not received (nor set aside).
    pub not_received: Vec<String>,
    /// Units rolled up that are not on the roster (each warned of), which
    /// the bulletin names beside the number of units it rolls up.
    pub off_roster: Vec<String>,
    /// Every metric per unit, for the figures table: in the order of
    /// `collect:` (else of the returns), units in roster order.
    pub table: Vec<TableMetric>,
    /// Whether the bulletin prints the figures table.
    pub figures_table: bool,
    /// Problems met while loading unit files, for the log.
    #[serde(skip)]
    pub warnings: Vec<Diagnostic>,
}

/// A unit that submitted its file.
#[derive(Clone, Debug, Serialize)]
pub struct Unit {
    /// Its name (the file's `organization`).
    pub name: String,
    /// The file, relative to the bulletin's folder.
    pub file: String,
    /// Its metrics with derived figures.
    pub metrics: Vec<MetricFigures>,
}

/// A unit file that was expected but did not load.
#[derive(Clone, Debug, Serialize)]
pub struct Missing {
    /// The file (or the pattern that matched nothing).
    pub file: String,
    /// Why, in one line.
    pub reason: String,
    /// `unmatched`: a pattern matched no file; `broken`: the file did not
    /// load; `faulty`: a spreadsheet that names its unit did not load;
    /// `other_period`: the file reports on another period; `disagrees`: it
    /// counts a metric in another unit, or with the other direction, than
    /// the bulletin; `twice`: several returns name one unit (the first
    /// file is given).
    pub kind: &'static str,
    /// The unit whose return it is, where known.
    pub unit: Option<String>,
    /// How a return disagrees, by the metric's label, in the document's
    /// language (`衔接资金拨付的计量单位为“万元”，与汇总口径“元”不一致`;
    /// never a cell or line: `check` names those); empty for the other kinds.
    pub detail: String,
    /// The unit's name, where known, else the file's name alone (never a
    /// path): what the bulletin names the return by.
    pub name: String,
    /// The return and why it is not rolled up, in the bulletin's language:
    /// "红旗村（报送期次不符）" / "Hongqi (a return for another period)".
    pub text: String,
}

impl Missing {
    /// A return expected but not loaded, for a reason of `kind`.
    pub fn new(file: String, reason: String, kind: &'static str) -> Missing {
        Missing { file, reason, kind, unit: None, detail: String::new(), name: String::new(), text: String::new() }
    }
}

/// One metric of the figures table.
#[derive(Clone, Debug, Serialize)]
pub struct TableMetric {
    /// The metric's id.
    pub id: String,
    /// Its label.
    pub label: String,
    /// The unit of its figures.
    pub unit: String,
    /// One row per unit.
    pub rows: Vec<TableRow>,
    /// The county's totals (the mean, for a metric in `%`).
    pub total: TableRow,
}

/// A unit's figures of one metric.
#[derive(Clone, Debug, Serialize)]
pub struct TableRow {
    /// The unit (or the totals row's name).
    pub name: String,
    /// Its target.
    pub target: Option<f64>,
    /// Its actual figure.
    pub actual: Option<f64>,
    /// Its rate, as a percentage.
    pub rate_text: Option<String>,
    /// Whether the unit's figures are rolled up (its return was received
    /// and not set aside).
    pub received: bool,
}

/// One metric summed over the units.
#[derive(Clone, Debug, Serialize)]
pub struct Total {
    /// The id.
    pub id: String,
    /// The label (from the first unit that has it).
    pub label: String,
    /// The unit of the figures.
    pub unit: String,
    /// Whether higher is better.
    pub better: Better,
    /// Σ target over the units that give one.
    pub target: Option<f64>,
    /// Σ actual.
    pub actual: Option<f64>,
    /// Σ previous.
    pub previous: Option<f64>,
    /// Σ last year.
    pub last_year: Option<f64>,
    /// Number of units reporting this metric.
    pub count: usize,
    /// The figures are the mean over the units, not their sum (a metric in
    /// `%`: rates do not add up).
    pub averaged: bool,
    /// Units that give a target or an actual figure but not both, left out
    /// of the rate.
    pub outside_rate: Vec<String>,
    /// What the rate leaves out and over how many units it is, as the end
    /// of `figures.sentence` says it ("（东岭乡未报送完成数，完成率按其余5个单位
    /// 计算）"); empty when the rate is over every unit.
    pub rate_note: String,
    /// `figures.sentence` without `rate_note`, for a template that says the
    /// note once for several totals.
    pub bare_sentence: String,
    /// The metric with the totals as its figures, derived like any metric
    /// (rate, changes, sentence).
    pub figures: MetricFigures,
}

/// A unit's place in the ranking.
#[derive(Clone, Debug, Serialize)]
pub struct Ranked {
    /// 1-based place; none for units without a rate.
    pub rank: Option<usize>,
    /// The unit's name.
    pub name: String,
    /// Its actual figure.
    pub actual: Option<f64>,
    /// Its target.
    pub target: Option<f64>,
    /// actual / target.
    pub rate: Option<f64>,
    /// The rate as a percentage.
    pub rate_text: Option<String>,
    /// Actual with unit.
    pub actual_text: Option<String>,
    /// Target with unit.
    pub target_text: Option<String>,
    /// Under `lag_below`; where lower is better, over the target.
    pub lagging: bool,
    /// Under the schedule.
    pub below_schedule: bool,
}

/// The returns of a bulletin's units as the engine loaded them: what the
/// roll-up is computed from, with no file system in sight.
#[derive(Clone, Debug, Default)]
pub struct Returns {
    /// Returns that loaded, in the order of the bulletin's patterns.
    pub loaded: Vec<Return>,
    /// Returns expected but not loaded (a pattern matched nothing, a file
    /// was broken or refused).
    pub missing: Vec<Missing>,
    /// Problems met while loading, for the log.
    pub warnings: Vec<Diagnostic>,
}

/// One unit's return.
#[derive(Clone, Debug)]
pub struct Return {
    /// The return's data.
    pub doc: Document,
    /// Its file, as the bulletin shows it (relative to the bulletin's folder).
    pub file: String,
    /// What the lint finds in what the bulletin shows of it.
    pub findings: Vec<Diagnostic>,
    /// Where each metric is given in the file, by id (`line 12`, `Sheet1!B5`).
    pub places: BTreeMap<String, String>,
}

/// Why the returns cannot be rolled up together.
#[derive(Debug)]
pub struct RollupError(pub Box<Diagnostic>);

/// Rolls up the loaded returns of a bulletin: pure, given what was loaded.
pub fn roll_up(
    doc: &Document,
    bulletin: &BulletinFields,
    returns: Returns,
    schedule: Option<f64>,
) -> Result<Rollup, RollupError> {
    let lang = doc.lang;
    let cx = figures::Context { lang, schedule, period: doc.period };
    let mut rollup = Rollup { missing: returns.missing, warnings: returns.warnings, ..Rollup::default() };
    let mut loaded: Vec<Return> = Vec::new();
    for r in returns.loaded {
        match other_period(doc, &r.doc) {
            Some(why) => {
                rollup.warnings.push(
                    Diagnostic::warning(msg!(NotRolledUp, file = r.file.as_str(), why = why.clone()))
                        .in_file(&doc.path)
                        .hint(msg!(AskForThisPeriod)),
                );
                let mut missing = Missing::new(r.file, why.english(), "other_period");
                missing.unit = Some(r.doc.organization.as_str().trim().to_owned());
                rollup.missing.push(missing);
            }
            None => loaded.push(r),
        }
    }
    take_for_roster(doc, bulletin, &mut loaded, &mut rollup);
    named_for_another(doc, bulletin, &loaded, &mut rollup.warnings);
    let counts = plausible::previous_counts(loaded.iter().map(|r| &r.doc));
    let loaded = conform(doc, bulletin, loaded, &counts, &mut rollup);
    let loaded = one_return_per_unit(doc, loaded, &mut rollup);
    rollup.warnings.extend(disagreements(&loaded, &doc.path));
    roster_check(doc, bulletin, &loaded, &mut rollup);
    for (unit, file) in &loaded {
        rollup.units.push(Unit {
            name: unit.organization.to_string(),
            file: file.clone(),
            metrics: unit.metrics.iter().map(|m| figures::metric_figures(m, &cx)).collect(),
        });
    }
    let rolled_up: Vec<String> = rollup.units.iter().map(|u| u.name.trim().to_owned()).collect();
    for m in &mut rollup.missing {
        // A file that could not be read is named by its file name alone
        // (its unit is only guessed from it); a pattern that matched
        // nothing, as the bulletin writes it; a return that was read, by
        // its unit, unless another return of that unit is rolled up (a
        // faulty first copy beside a good one): then by its file's name.
        m.name = match (&m.unit, m.kind) {
            (_, "unmatched") => m.file.clone(),
            (Some(unit), kind) if !unit.is_empty() && kind != "broken" && !rolled_up.contains(unit) => unit.clone(),
            _ => file_name(&m.file),
        };
        m.text = language(lang).not_rolled_up(&m.name, m.kind, &m.detail);
    }
    // One line for a unit whose returns were set aside alike.
    let mut said: Vec<String> = Vec::new();
    rollup.missing.retain(|m| {
        let new = !said.contains(&m.text);
        said.push(m.text.clone());
        new
    });
    rollup.totals = totals(&loaded, bulletin, &cx, &rollup);
    rollup.total = rollup.totals.iter().map(|t| (t.id.clone(), t.clone())).collect();
    if let Some(id) = &bulletin.rank_by {
        // A metric no return gives, where nothing says which are collected:
        // a misspelt id, which would drop the ranking without a word.
        if bulletin.collect.is_empty() && !loaded.is_empty() && !rollup.total.contains_key(&id.0) {
            let reported: Vec<&str> = rollup.totals.iter().map(|t| t.id.as_str()).collect();
            let hint = match crate::data::did_you_mean(&id.0, &reported) {
                Some(best) => msg!(DidYouMean, name = best),
                None => msg!(ReturnsGive, ids = Names(reported.iter().map(|r| (*r).to_owned()).collect())),
            };
            let error = Diagnostic::error(msg!(NoReturnGives, id = id.0.as_str()))
                .in_file(&doc.path)
                .field("rank_by")
                .hint(hint);
            return Err(RollupError(Box::new(error)));
        }
        rollup.rank_by = rollup.total.get(&id.0).cloned();
        let better = rollup.rank_by.as_ref().map_or(Better::Higher, |t| t.better);
        let lag_below = bulletin.lag_below.map(|n| n.0);
        rollup.ranking = rank(&rollup.units, &id.0, better, lag_below, schedule);
        let ranked: Vec<&Ranked> = rollup.ranking.iter().filter(|r| r.rank.is_some()).collect();
        rollup.top = ranked.iter().take(3).map(|r| (*r).clone()).collect();
        let skip = ranked.len().saturating_sub(3).max(rollup.top.len().min(ranked.len()));
        rollup.bottom = ranked.iter().skip(skip).map(|r| (*r).clone()).collect();
        rollup.lagging = rollup.ranking.iter().filter(|r| r.lagging).cloned().collect();
        rollup.below_schedule = rollup.ranking.iter().filter(|r| r.below_schedule).cloned().collect();
    }
    rollup.lag_below_text = bulletin.lag_below.map(|n| language(lang).percent(n.0));
    rollup.table = table(&rollup, bulletin, lang);
    rollup.figures_table = bulletin.figures_table.unwrap_or(true);
    Ok(rollup)
}

/// Two returns or more naming one unit (a corrected copy sent beside the
/// first, a form filled in under another unit's name): none is rolled up,
/// for adding them would count the unit twice and choosing one could keep
/// the wrong figures. Each such unit is an error of `check` naming the
/// files, and the bulletin names it once among the returns not rolled up.
fn one_return_per_unit(doc: &Document, kept: Vec<(Document, String)>, rollup: &mut Rollup) -> Vec<(Document, String)> {
    let name = |unit: &Document| unit.organization.as_str().trim().to_owned();
    let mut files: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (unit, file) in &kept {
        files.entry(name(unit)).or_default().push(file.clone());
    }
    files.retain(|unit, files| !unit.is_empty() && files.len() > 1);
    for (unit, files) in &files {
        rollup.warnings.push(
            Diagnostic::error(msg!(SentTwice, count = files.len(), unit = unit.as_str(), files = List(files.clone())))
                .in_file(&doc.path)
                .hint(msg!(KeepOneReturn)),
        );
        let mut missing = Missing::new(files[0].clone(), format!("{} returns name this unit", files.len()), "twice");
        missing.unit = Some(unit.clone());
        missing.detail = files.len().to_string();
        rollup.missing.push(missing);
    }
    kept.into_iter().filter(|(unit, _)| !files.contains_key(&name(unit))).collect()
}

/// The last part of a file's path or pattern: "returns/hongqi.yaml" →
/// "hongqi.yaml".
fn file_name(file: &str) -> String {
    file.rsplit(['/', '\\']).find(|part| !part.is_empty()).unwrap_or(file).to_owned()
}

/// Brings each return to the bulletin's terms: with `collect:`, its labels,
/// units and directions, and only its metrics; without, the unit most
/// returns give each id. A return that states another unit (or, for a
/// metric where higher is better, says lower is) is set aside: named in
/// the bulletin and as an error of `check`, the others rolled up. The
/// targets the county assigned replace the returns' own, which are warned
/// about where they differ. Unlikely figures are warned of
/// ([`plausible`]); `previous_counts` says how many units give an actual
/// figure of each metric, and how many of them a previous one (this
/// return among them).
fn conform(
    doc: &Document,
    bulletin: &BulletinFields,
    returns: Vec<Return>,
    previous_counts: &BTreeMap<String, (usize, usize)>,
    rollup: &mut Rollup,
) -> Vec<(Document, String)> {
    let words = language(doc.lang);
    // A bulletin's forms ask for figures cumulative for the year.
    let cumulative = !bulletin.collect.is_empty() && plausible::cumulative_in_year(doc.period);
    let units = expected_units(bulletin, &returns);
    let mut kept = Vec::new();
    // The metric ids rolled up so far (without `collect:`), in order.
    let mut seen: Vec<String> = Vec::new();
    'returns: for r in returns {
        let Return { doc: mut unit, file, findings, places } = r;
        let name = unit.organization.as_str().trim().to_owned();
        // Where a metric's unit (or target) is written, else its row.
        let place = |id: &str, what: &str| {
            places.get(&format!("{id}#{what}")).or_else(|| places.get(id)).map_or("", String::as_str)
        };
        let here = |id: &str, what: &str| match place(id, what) {
            "" => file.clone(),
            p => format!("{file}, {p}"),
        };
        let assigned = bulletin.targets.get(&name);
        let mut metrics = Vec::new();
        let mut left_out: Vec<String> = Vec::new();
        // The metrics whose previous figure the unit left empty, and where the first is.
        let mut no_previous: Vec<String> = Vec::new();
        let mut no_previous_place: Option<String> = None;
        for mut m in std::mem::take(&mut unit.metrics) {
            let collected = bulletin.collect.iter().find(|c| c.id == m.id);
            let known = seen.contains(&m.id.0);
            if (!bulletin.collect.is_empty() && collected.is_none())
                || (bulletin.collect.is_empty() && !known && seen.len() >= MAX_ROLLED_UP)
            {
                left_out.push(m.id.0.clone());
                continue;
            }
            if !known {
                seen.push(m.id.0.clone());
            }
            let expected = units.get(&m.id.0).cloned().unwrap_or_default();
            let stated = m.unit.trim().to_owned();
            // The printed bulletin names the metric by its label; `check`
            // names the cell (or line) where the disagreement is written.
            let label = collected.map_or(m.label.as_str(), |c| c.label.as_str()).trim().to_owned();
            let disagreement = if !stated.is_empty() && !same_unit(&stated, &expected) {
                Some((
                    words.disagreeing_unit(&label, &stated, &expected),
                    msg!(CountsIn, id = m.id.0.as_str(), stated = stated.as_str(), expected = expected.as_str()),
                    "unit",
                ))
            } else if collected.is_some_and(|c| c.better == Better::Higher && m.better == Better::Lower) {
                Some((words.disagreeing_better(&label), msg!(SaysLowerIsBetter, id = m.id.0.as_str()), "better"))
            } else {
                None
            };
            if let Some((detail, why, what)) = disagreement {
                rollup.warnings.push(
                    Diagnostic::error(msg!(SetAside, place = here(&m.id.0, what), why = why.clone()))
                        .in_file(&doc.path)
                        .hint(msg!(AskToCorrect)),
                );
                let mut missing = Missing::new(file, why.english(), "disagrees");
                missing.unit = Some(name);
                missing.detail = detail;
                rollup.missing.push(missing);
                continue 'returns;
            }
            m.unit = expected;
            if let Some(c) = collected {
                m.label = c.label.clone();
                m.better = c.better;
            }
            if let Some(target) = assigned.and_then(|t| t.get(&m.id)) {
                if let Some(own) = m.target.filter(|own| (own.0 - target.0).abs() > 1e-9 * target.0.abs().max(1.0)) {
                    rollup.warnings.push(
                        Diagnostic::warning(msg!(
                            OwnTarget,
                            place = here(&m.id.0, "target"),
                            own = own.0,
                            id = m.id.0.as_str(),
                            unit = name.as_str(),
                            assigned = target.0
                        ))
                        .in_file(&doc.path)
                        .hint(msg!(TargetsAreCounty)),
                    );
                }
                m.target = Some(*target);
            }
            let place = |what: &str| here(&m.id.0, what);
            let checked = plausible::Checked { metric: &m, unit: &name, cumulative, place: &place };
            rollup.warnings.extend(plausible::figure(&checked).map(|d| d.in_file(&doc.path)));
            let (count, with) = previous_counts.get(&m.id.0).copied().unwrap_or_default();
            // The others: all but this return, which gives no previous figure.
            if plausible::lacks_previous(&m, (count.saturating_sub(1), with)) {
                no_previous_place.get_or_insert_with(|| place("previous"));
                no_previous.push(m.label.as_str().trim().to_owned());
            }
            metrics.push(m);
        }
        if !left_out.is_empty() {
            rollup.warnings.push(left_out_warning(&file, &left_out, bulletin.collect.is_empty()).in_file(&doc.path));
        }
        let place = no_previous_place.unwrap_or_default();
        rollup.warnings.extend(plausible::no_previous(&name, no_previous, place).map(|d| d.in_file(&doc.path)));
        unit.metrics = metrics;
        rollup.warnings.extend(findings);
        kept.push((unit, file));
    }
    kept
}

/// The most metrics a bulletin without `collect:` rolls up: the first ids
/// the returns give, in their order.
pub const MAX_ROLLED_UP: usize = 50;

/// One warning for the metrics of a return that are left out, naming the
/// first few.
fn left_out_warning(file: &str, ids: &[String], uncollected: bool) -> Diagnostic {
    let named = Names(ids.iter().take(5).cloned().collect());
    let (what, hint) = if uncollected {
        (msg!(AtMostRolledUp, max = MAX_ROLLED_UP), msg!(ListUnderCollect))
    } else {
        (msg!(NotCollectedByBulletin), msg!(AddToCollect))
    };
    let message = match (ids.len(), ids.len() > 5) {
        (1, _) => msg!(MetricLeftOut, file = file, ids = named, what = what),
        (n, false) => msg!(MetricsLeftOut, file = file, count = n, ids = named, what = what),
        (n, true) => msg!(MetricsLeftOutMore, file = file, count = n, ids = named, more = n - 5, what = what),
    };
    Diagnostic::warning(message).hint(hint)
}

/// The unit of each metric id: `collect:`'s, else the one most returns
/// give (the first met, in a tie).
fn expected_units(bulletin: &BulletinFields, returns: &[Return]) -> BTreeMap<String, String> {
    if !bulletin.collect.is_empty() {
        return bulletin.collect.iter().map(|c| (c.id.0.clone(), c.unit.trim().to_owned())).collect();
    }
    let mut votes: BTreeMap<String, Vec<(String, usize)>> = BTreeMap::new();
    for r in returns {
        for m in &r.doc.metrics {
            let unit = m.unit.trim();
            if unit.is_empty() {
                continue;
            }
            let list = votes.entry(m.id.0.clone()).or_default();
            match list.iter_mut().find(|(u, _)| same_unit(u, unit)) {
                Some((_, n)) => *n += 1,
                None => list.push((unit.to_owned(), 1)),
            }
        }
    }
    votes
        .into_iter()
        .filter_map(|(id, list)| {
            let best = list.iter().map(|(_, n)| *n).max()?;
            list.into_iter().find(|(_, n)| *n == best).map(|(u, _)| (id, u))
        })
        .collect()
}

/// Whether two units are one (`%` and `％`, `元` and `yuan`).
fn same_unit(a: &str, b: &str) -> bool {
    use crate::derive::metric::{is_percent, is_yuan};
    a.trim() == b.trim() || (is_percent(a) && is_percent(b)) || (is_yuan(a) && is_yuan(b))
}

/// The roster against the returns: who did not report (named in the
/// bulletin and warned), and returns from units not on it (warned).
fn roster_check(doc: &Document, bulletin: &BulletinFields, kept: &[(Document, String)], rollup: &mut Rollup) {
    if bulletin.roster.is_empty() {
        return;
    }
    let roster: Vec<&str> = bulletin.roster.iter().map(|n| n.as_str().trim()).collect();
    let reported = |name: &str| {
        kept.iter().any(|(d, _)| d.organization.as_str().trim() == name)
            || rollup.missing.iter().any(|m| m.unit.as_deref() == Some(name))
    };
    rollup.not_received = roster.iter().filter(|n| !reported(n)).map(|n| (*n).to_owned()).collect();
    if !rollup.not_received.is_empty() {
        rollup.warnings.push(
            Diagnostic::warning(msg!(NoReturnFrom, units = List(rollup.not_received.clone())))
                .in_file(&doc.path)
                .hint(msg!(NamedAsNotReceived)),
        );
    }
    off_roster(doc, &roster, kept, &mut rollup.warnings);
    for (unit, _) in kept {
        let name = unit.organization.as_str().trim();
        if !roster.contains(&name) && !rollup.off_roster.iter().any(|n| n == name) {
            rollup.off_roster.push(name.to_owned());
        }
    }
}

/// Returns whose unit is not on the roster but is, by its name, one roster
/// unit that sent no return of its own ("黄岗" for 黄岗镇): each is taken as
/// that unit, with a warning that names both and asks the unit to correct
/// its name, so that the bulletin neither counts it as a unit of its own
/// nor calls the roster unit missing. A name that fits several roster
/// units, or a unit that several returns fit, is left as it is (and warned
/// of as off the roster). The returns set aside are matched the same way,
/// so that the roster does not call their units not received.
fn take_for_roster(doc: &Document, bulletin: &BulletinFields, loaded: &mut [Return], rollup: &mut Rollup) {
    let roster: Vec<&str> = bulletin.roster.iter().map(|n| n.as_str().trim()).collect();
    if roster.is_empty() {
        return;
    }
    let named = |name: &str| roster.contains(&name);
    // The roster units some return already names exactly.
    let mut claimed: Vec<String> = loaded
        .iter()
        .map(|r| r.doc.organization.as_str().trim().to_owned())
        .chain(rollup.missing.iter().filter_map(|m| m.unit.clone()))
        .filter(|n| named(n))
        .collect();
    let off: Vec<String> = loaded
        .iter()
        .map(|r| r.doc.organization.as_str().trim().to_owned())
        .chain(rollup.missing.iter().filter_map(|m| m.unit.clone()))
        .filter(|n| !n.is_empty() && !named(n))
        .collect();
    let taken = |name: &str, claimed: &[String]| -> Option<String> {
        let unit = roster_unit_for(name, &roster)?;
        let rivals = off.iter().filter(|o| roster_unit_for(o, &roster) == Some(unit)).count();
        (rivals == 1 && !claimed.iter().any(|c| c == unit)).then(|| unit.to_owned())
    };
    for r in loaded.iter_mut() {
        let name = r.doc.organization.as_str().trim().to_owned();
        if named(&name) {
            continue;
        }
        let Some(unit) = taken(&name, &claimed) else { continue };
        let place = unit_place(r);
        rollup.warnings.push(
            Diagnostic::warning(msg!(TakenAsRosterUnit, place = place, unit = name.as_str(), roster = unit.as_str()))
                .in_file(&doc.path)
                .hint(msg!(CorrectUnitName, roster = unit.as_str())),
        );
        r.doc.organization = data::Text(unit.clone());
        claimed.push(unit);
    }
    for m in &mut rollup.missing {
        let Some(name) = m.unit.clone().filter(|n| !n.is_empty() && !named(n)) else { continue };
        if let Some(unit) = taken(&name, &claimed) {
            m.unit = Some(unit.clone());
            claimed.push(unit);
        }
    }
}

/// Where a return names its unit: its file and the unit's cell, if a
/// spreadsheet's ("units/a.xlsx, 填报表!B2"), else its file.
fn unit_place(r: &Return) -> String {
    match r.places.get(crate::data::sheet::UNIT_PLACE) {
        Some(p) => format!("{}, {p}", r.file),
        None => r.file.clone(),
    }
}

/// A return whose file is named for one roster unit while it names another
/// (白果镇.xlsx whose 填报单位 is 柳林乡): rolled up as the unit it names,
/// with a warning naming both, for a unit may have filled in another's
/// form, or sent another's file.
fn named_for_another(doc: &Document, bulletin: &BulletinFields, loaded: &[Return], warnings: &mut Vec<Diagnostic>) {
    let roster: Vec<&str> = bulletin.roster.iter().map(|n| n.as_str().trim()).collect();
    for r in loaded {
        let unit = r.doc.organization.as_str().trim();
        let stem = std::path::Path::new(&r.file).file_stem().map(|s| s.to_string_lossy().trim().to_owned());
        let Some(stem) = stem.filter(|s| roster.contains(&s.as_str()) && s != unit) else { continue };
        let place = unit_place(r);
        warnings.push(
            Diagnostic::warning(msg!(FileNamedForAnother, place = place, file_unit = stem.as_str(), unit = unit))
                .in_file(&doc.path)
                .hint(msg!(CheckWhoseReturn, file_unit = stem.as_str(), unit = unit)),
        );
    }
}

/// The one roster unit a name not on the roster stands for: the roster
/// unit whose name contains it or is contained in it ("黄岗" and 黄岗镇,
/// "固始县黄岗镇" and 黄岗镇; case and spaces aside), if exactly one does.
fn roster_unit_for<'a>(name: &str, roster: &[&'a str]) -> Option<&'a str> {
    // Spaces, case and the width of brackets aside: 白果镇(经开区) is 白果镇（经开区）.
    let key = |s: &str| {
        s.chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| match c {
                '(' => '（',
                ')' => '）',
                '[' => '［',
                ']' => '］',
                c => c,
            })
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    let name = key(name);
    let fits = |unit: &str| {
        let unit = key(unit);
        let (short, long) = if name.chars().count() <= unit.chars().count() { (&name, &unit) } else { (&unit, &name) };
        short.chars().count() >= MIN_NAME_CHARS && long.contains(short.as_str())
    };
    let mut found = roster.iter().filter(|u| fits(u));
    match (found.next(), found.next()) {
        (Some(unit), None) => Some(unit),
        _ => None,
    }
}

/// The fewest characters of a unit's name that may stand for a roster
/// unit whose name contains it.
const MIN_NAME_CHARS: usize = 2;

/// Warns of each return from a unit not on the roster.
fn off_roster(doc: &Document, roster: &[&str], kept: &[(Document, String)], warnings: &mut Vec<Diagnostic>) {
    for (unit, file) in kept {
        let name = unit.organization.as_str().trim();
        if !roster.contains(&name) {
            // Names of units differ in a character or two: a looser match
            // than a field name's.
            let hint = match crate::data::closest(name, roster, 0.7) {
                Some(best) => msg!(RosterDidYouMean, name = best),
                None => msg!(AddToRoster),
            };
            warnings.push(
                Diagnostic::warning(msg!(OffRoster, file = file.as_str(), unit = name)).in_file(&doc.path).hint(hint),
            );
        }
    }
}

/// The figures table: every metric, every unit (roster order, then the
/// others), the units not received with no figures, and the totals.
fn table(rollup: &Rollup, bulletin: &BulletinFields, lang: Lang) -> Vec<TableMetric> {
    let mut names: Vec<String> = bulletin.roster.iter().map(|n| n.as_str().trim().to_owned()).collect();
    for u in &rollup.units {
        if !names.contains(&u.name) {
            names.push(u.name.clone());
        }
    }
    rollup
        .totals
        .iter()
        .map(|t| {
            let rows = names
                .iter()
                .filter_map(|name| {
                    let unit = rollup.units.iter().find(|u| &u.name == name);
                    let listed = unit.is_some()
                        || rollup.not_received.contains(name)
                        || rollup.missing.iter().any(|m| m.unit.as_deref() == Some(name.as_str()));
                    if !listed {
                        return None;
                    }
                    let f = unit.and_then(|u| u.metrics.iter().find(|m| m.metric.id.0 == t.id));
                    Some(TableRow {
                        name: name.clone(),
                        target: f.and_then(|f| f.metric.target).map(|n| n.0).or_else(|| {
                            bulletin.targets.get(name).and_then(|m| m.get(&crate::data::Id(t.id.clone()))).map(|n| n.0)
                        }),
                        actual: f.and_then(|f| f.metric.actual).map(|n| n.0),
                        rate_text: f.and_then(|f| f.rate_text.clone()),
                        received: unit.is_some(),
                    })
                })
                .collect();
            TableMetric {
                id: t.id.clone(),
                label: t.label.clone(),
                unit: t.unit.clone(),
                rows,
                total: TableRow {
                    name: language(lang).total_row().to_owned(),
                    target: t.target,
                    actual: t.actual,
                    rate_text: t.figures.rate_text.clone(),
                    received: true,
                },
            }
        })
        .collect()
}

/// What the roll-up would find in one return, for `check` on it the moment
/// it arrives: another period, a unit or direction the bulletin does not
/// count in (errors), metrics not collected, targets that differ from the
/// assigned ones, a unit not on the roster, unlikely figures (warnings).
/// `others` are the other returns the bulletin would roll up beside it:
/// whether they give a previous figure.
pub fn check_return(doc: &Document, bulletin: &BulletinFields, r: Return, others: &[Return]) -> Vec<Diagnostic> {
    if let Some(why) = other_period(doc, &r.doc) {
        return vec![
            Diagnostic::error(msg!(ReturnOtherPeriod, file = r.file.as_str(), why = why))
                .in_file(&doc.path)
                .hint(msg!(CorrectThePeriod)),
        ];
    }
    let mut rollup = Rollup::default();
    let others: Vec<&Document> =
        others.iter().filter(|o| o.file != r.file && other_period(doc, &o.doc).is_none()).map(|o| &o.doc).collect();
    let counts = plausible::previous_counts(others.into_iter().chain([&r.doc]));
    let mut returns = vec![r];
    take_for_roster(doc, bulletin, &mut returns, &mut rollup);
    let kept = conform(doc, bulletin, returns, &counts, &mut rollup);
    if !bulletin.roster.is_empty() {
        let roster: Vec<&str> = bulletin.roster.iter().map(|n| n.as_str().trim()).collect();
        off_roster(doc, &roster, &kept, &mut rollup.warnings);
    }
    rollup.warnings
}

/// Why a unit's return does not belong in the bulletin: it gives figures as
/// of another date (its period ends elsewhere than the bulletin's).
fn other_period(bulletin: &Document, unit: &Document) -> Option<Message> {
    let (Some(ours), Some(theirs)) = (bulletin.period, unit.period) else { return None };
    (ours.end() != theirs.end()).then(|| msg!(ReportsOn, theirs = theirs.to_string(), ours = ours.to_string()))
}

/// What the roll-up can go on with but the office should hear of: one
/// metric labelled differently by different units (the first label is
/// used).
fn disagreements(units: &[(Document, String)], bulletin: &Path) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut labels: BTreeMap<&str, (&str, &str)> = BTreeMap::new();
    for (doc, file) in units {
        for m in &doc.metrics {
            let label = m.label.as_str().trim();
            match labels.get(m.id.0.as_str()) {
                Some((first, at)) if *first != label => out.push(
                    Diagnostic::warning(msg!(
                        LabelsDiffer,
                        id = m.id.0.as_str(),
                        first = *first,
                        at = *at,
                        label = label,
                        file = file.as_str()
                    ))
                    .in_file(bulletin)
                    .hint(msg!(SameLabel)),
                ),
                Some(_) => {}
                None => {
                    labels.insert(&m.id.0, (label, file));
                }
            }
        }
    }
    out
}

/// Sums of one metric over the units.
#[derive(Clone, Debug)]
struct Sums {
    first: data::Metric,
    count: usize,
    actual: Sum,
    target: Base,
    previous: Base,
    last_year: Base,
    /// Units that give only one of target and actual.
    outside_rate: Vec<String>,
    /// Those units, with the figure each left out.
    left_out: Vec<(String, LeftOut)>,
    /// The units that report the metric.
    units: Vec<String>,
    /// Those that give an actual figure but no previous one.
    no_previous: Vec<String>,
    /// Those that give an actual figure but none of last year.
    no_last_year: Vec<String>,
    /// Each unit's own target, where its return gives one.
    own_targets: Vec<(String, f64)>,
}

/// Sums of one figure an actual is compared with (target, previous,
/// last year), and how many units each sum is over.
#[derive(Clone, Copy, Debug, Default)]
struct Base {
    /// Σ over every unit that gives it.
    all: Sum,
    /// Σ over the units that also give an actual figure.
    paired: Sum,
    /// Σ actual over those same units: what the comparison may use.
    actual: Sum,
}

impl Base {
    fn add(&mut self, base: Option<f64>, actual: Option<f64>) {
        let Some(b) = base else { return };
        self.all.add(b);
        if let Some(a) = actual {
            self.paired.add(b);
            self.actual.add(a);
        }
    }
}

/// A sum and the number of terms in it.
#[derive(Clone, Copy, Debug, Default)]
struct Sum {
    total: Option<f64>,
    terms: u32,
}

impl Sum {
    fn add(&mut self, value: f64) {
        self.total = Some(self.total.unwrap_or(0.0) + value);
        self.terms += 1;
    }

    /// The sum, or the mean when `mean`.
    fn value(self, mean: bool) -> Option<f64> {
        self.total.map(|t| if mean { t / f64::from(self.terms) } else { t })
    }
}

fn totals(
    units: &[(Document, String)],
    bulletin: &BulletinFields,
    cx: &figures::Context,
    rollup: &Rollup,
) -> Vec<Total> {
    let lang = cx.lang;
    // The order of `collect:`, then of the returns.
    let mut order: Vec<String> = bulletin.collect.iter().map(|c| c.id.0.clone()).collect();
    let mut sums: BTreeMap<String, Sums> = BTreeMap::new();
    for (doc, _) in units {
        for m in &doc.metrics {
            let s = sums.entry(m.id.0.clone()).or_insert_with(|| {
                if !order.contains(&m.id.0) {
                    order.push(m.id.0.clone());
                }
                Sums {
                    first: m.clone(),
                    count: 0,
                    actual: Sum::default(),
                    target: Base::default(),
                    previous: Base::default(),
                    last_year: Base::default(),
                    outside_rate: Vec::new(),
                    left_out: Vec::new(),
                    units: Vec::new(),
                    no_previous: Vec::new(),
                    no_last_year: Vec::new(),
                    own_targets: Vec::new(),
                }
            });
            s.count += 1;
            let name = doc.organization.as_str().trim().to_owned();
            let value = |n: Option<data::Number>| n.map(|n| n.0);
            let actual = value(m.actual);
            if let Some(a) = actual {
                s.actual.add(a);
            }
            match (m.target.is_some(), m.actual.is_some()) {
                (true, false) => s.left_out.push((name.clone(), LeftOut::NoActual)),
                (false, true) => s.left_out.push((name.clone(), LeftOut::NoTarget)),
                _ => {}
            }
            if m.actual.is_some() != m.target.is_some() {
                s.outside_rate.push(name.clone());
            }
            if actual.is_some() && m.previous.is_none() {
                s.no_previous.push(name.clone());
            }
            if actual.is_some() && m.last_year.is_none() {
                s.no_last_year.push(name.clone());
            }
            if let Some(t) = value(m.target) {
                s.own_targets.push((name.clone(), t));
            }
            s.units.push(name);
            s.target.add(value(m.target), actual);
            s.previous.add(value(m.previous), actual);
            s.last_year.add(value(m.last_year), actual);
        }
    }
    order
        .iter()
        .filter_map(|id| sums.get(id))
        .map(|s| {
            // Rates do not add up: a metric in % is given as the mean over
            // the units, and says so.
            let mean = crate::derive::metric::is_percent(&s.first.unit);
            // The figures compare like with like: each base with the actual
            // figures of the units that give both.
            let mut metric = s.first.clone();
            if mean && s.count > 1 {
                let label = s.first.label.as_str().trim();
                metric.label = data::Text(language(lang).mean_of(label, s.count));
            }
            metric.target = s.target.paired.value(mean).map(data::Number);
            metric.actual = s.actual.value(mean).map(data::Number);
            metric.previous = s.previous.paired.value(mean).map(data::Number);
            metric.last_year = s.last_year.paired.value(mean).map(data::Number);
            // With `targets:`, the county's target is the sum over the
            // roster, whoever reported, and the targets of the units rolled
            // up beside it (a unit not on the roster); without, the sum of
            // every unit's target. The sentence names the whole of it. A
            // mean in % is of the units that give both figures, as its level
            // is: the gap is between like and like.
            let assigned = assigned_targets(bulletin, &s.first.id);
            let assigned_total = (!assigned.is_empty()).then(|| {
                let mut sum = Sum::default();
                assigned.iter().for_each(|(_, t)| sum.add(*t));
                let beside = s.own_targets.iter().filter(|(name, _)| !assigned.iter().any(|(a, _)| a == name));
                beside.for_each(|(_, t)| sum.add(*t));
                sum
            });
            let target = if mean {
                s.target.paired.value(true)
            } else {
                assigned_total.and_then(|sum| sum.value(false)).or_else(|| s.target.all.value(false))
            };
            let pairs = figures::Pairs {
                for_target: s.target.actual.value(mean),
                for_previous: s.previous.actual.value(mean),
                for_last_year: s.last_year.actual.value(mean),
                mean,
                named_target: target,
            };
            let mut figures = figures::metric_figures_with(&metric, cx, pairs);
            // The rate is over the units that gave both figures; the
            // sentence names every unit left out and why.
            let mut left_out = s.left_out.clone();
            for (name, _) in &assigned {
                if s.units.contains(name) {
                    continue;
                }
                let why = if rollup.not_received.contains(name) {
                    LeftOut::NoReturn
                } else if rollup.missing.iter().any(|m| m.unit.as_deref() == Some(name.as_str())) {
                    LeftOut::SetAside
                } else {
                    LeftOut::NoActual
                };
                left_out.push((name.clone(), why));
            }
            let bare_sentence = figures.sentence.clone();
            let mut rate_note = String::new();
            if !left_out.is_empty() && figures.rate.is_some() {
                let rest = usize::try_from(s.target.paired.terms).unwrap_or(usize::MAX);
                rate_note = language(lang).rate_basis(&left_out, rest);
                figures.sentence.push_str(&rate_note);
            }
            // The changes are over the units that gave both figures.
            let basis = crate::derive::lang::Basis::of(cx.period.as_ref());
            let said_previous = figures.vs_previous.is_some() && !figures.previous_is_last_year;
            for (said, without, paired, since) in [
                (said_previous, &s.no_previous, s.previous.paired, crate::derive::lang::Since::Previous(basis)),
                (
                    figures.vs_last_year.is_some(),
                    &s.no_last_year,
                    s.last_year.paired,
                    crate::derive::lang::Since::last_year(basis),
                ),
            ] {
                if said && !without.is_empty() {
                    let rest = usize::try_from(paired.terms).unwrap_or(usize::MAX);
                    figures.sentence.push_str(&language(lang).change_basis(since, without, rest));
                }
            }
            figures.metric.target = target.map(data::Number);
            Total {
                id: s.first.id.0.clone(),
                label: s.first.label.to_string(),
                unit: s.first.unit.clone(),
                better: s.first.better,
                target,
                actual: s.actual.value(mean),
                previous: s.previous.all.value(mean),
                last_year: s.last_year.all.value(mean),
                count: s.count,
                averaged: mean,
                outside_rate: s.outside_rate.clone(),
                rate_note,
                bare_sentence,
                figures,
            }
        })
        .collect()
}

/// The targets assigned to the units of the roster (or, without one, to
/// every unit of `targets:`) for a metric, by unit; empty without
/// `targets:` for it.
fn assigned_targets(bulletin: &BulletinFields, id: &crate::data::Id) -> Vec<(String, f64)> {
    let target = |unit: &str| bulletin.targets.get(unit).and_then(|t| t.get(id)).map(|t| (unit.to_owned(), t.0));
    if bulletin.roster.is_empty() {
        bulletin.targets.keys().filter_map(|u| target(u)).collect()
    } else {
        bulletin.roster.iter().filter_map(|u| target(u.as_str().trim())).collect()
    }
}

/// The units in the order of the ranking. Where higher is better a unit
/// lags under `lag_below` of its target and is behind under the schedule;
/// where lower is better (a ceiling, such as a poverty rate) it lags over
/// its target, and the schedule does not apply.
fn rank(units: &[Unit], id: &str, better: Better, lag_below: Option<f64>, schedule: Option<f64>) -> Vec<Ranked> {
    let mut rows: Vec<Ranked> = units
        .iter()
        .map(|u| {
            let f = u.metrics.iter().find(|m| m.metric.id.0 == id);
            let rate = f.and_then(|f| f.rate);
            // Judged on the printed figures: a rate printed as the
            // threshold or the schedule is not below it.
            let printed = |x: f64| crate::derive::format::rounded(x, 2, 1);
            let low = |limit: Option<f64>| match (rate, limit, better) {
                (Some(r), Some(l), Better::Higher) => printed(r) < printed(l),
                _ => false,
            };
            let lagging = match better {
                Better::Higher => low(lag_below),
                Better::Lower => f.and_then(|f| f.outcome) == Some(crate::derive::metric::Outcome::Over),
            };
            Ranked {
                rank: None,
                name: u.name.clone(),
                actual: f.and_then(|f| f.metric.actual).map(|n| n.0),
                target: f.and_then(|f| f.metric.target).map(|n| n.0),
                rate,
                rate_text: f.and_then(|f| f.rate_text.clone()),
                actual_text: f.and_then(|f| f.actual_text.clone()),
                target_text: f.and_then(|f| f.target_text.clone()),
                lagging,
                below_schedule: low(schedule),
            }
        })
        .collect();
    rows.sort_by(|a, b| compare(a, b, better));
    let mut place = 0;
    for row in &mut rows {
        if row.rate.is_some() {
            place += 1;
            row.rank = Some(place);
        }
    }
    rows
}

/// Best first: by rate (higher first when higher is better), then by
/// actual in the same direction, then by name; units without a rate last.
fn compare(a: &Ranked, b: &Ranked, better: Better) -> Ordering {
    let dir = |o: Ordering| if better == Better::Higher { o.reverse() } else { o };
    match (a.rate, b.rate) {
        (Some(x), Some(y)) => dir(x.total_cmp(&y))
            .then_with(|| dir(a.actual.unwrap_or(0.0).total_cmp(&b.actual.unwrap_or(0.0))))
            .then_with(|| a.name.cmp(&b.name)),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => a.name.cmp(&b.name),
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;

    #[test]
    fn a_name_in_half_width_brackets_is_the_roster_unit() {
        let roster = ["白果镇（经开区）", "柳林乡"];
        assert_eq!(roster_unit_for("白果镇(经开区)", &roster), Some("白果镇（经开区）"));
        assert_eq!(roster_unit_for("柳林 乡", &roster), Some("柳林乡"));
    }
    use crate::data::{Fields, Schema, Source};

    /// A document parsed from text in memory.
    fn doc(name: &str, text: &str, schema: &Schema) -> Document {
        crate::data::parse(&Source { path: PathBuf::from(name), text: text.into() }, schema).unwrap()
    }

    fn unit(name: &str, target: f64, actual: Option<f64>, period: &str) -> Return {
        let actual = actual.map_or_else(String::new, |a| format!("    actual: {a}\n"));
        let text = format!(
            "title: Return\norganization: {name}\nperiod: {period}\nmetrics:\n  - id: households\n    label: Households\n    unit: households\n    target: {target}\n{actual}"
        );
        Return {
            doc: doc(&format!("{name}.yaml"), &text, &Schema::common()),
            file: format!("{name}.yaml"),
            findings: Vec::new(),
            places: BTreeMap::new(),
        }
    }

    /// The roll-up is a function of the loaded returns: no file is read.
    #[test]
    fn rolls_up_returns_given_in_memory() {
        let schema = crate::render::Templates::new(None).unwrap().info("monthly-bulletin").unwrap().schema;
        let bulletin = doc(
            "bulletin.yaml",
            "template: monthly-bulletin\ntitle: B\norganization: O\nperiod: 2026-10\nunits: [units/*.yaml]\nrank_by: households\nlag_below: 0.6\n",
            &schema,
        );
        let Fields::Bulletin(fields) = &bulletin.fields else { panic!("a bulletin") };
        let returns = Returns {
            loaded: vec![
                unit("Alpha", 100.0, Some(90.0), "2026-10"),
                unit("Beta", 200.0, Some(100.0), "2026-10"),
                unit("Gamma", 50.0, None, "2026-10"),
                unit("Delta", 80.0, Some(80.0), "2026-09"),
            ],
            missing: vec![Missing::new("units/e.yaml".into(), "broken".into(), "broken")],
            warnings: Vec::new(),
        };
        let rollup = roll_up(&bulletin, fields, returns, Some(10.0 / 12.0)).unwrap();
        let total = &rollup.total["households"];
        // The rate is taken over the units that give both figures.
        assert_eq!(total.actual, Some(190.0));
        assert_eq!(total.outside_rate, ["Gamma"]);
        assert!((total.figures.rate.unwrap() - 190.0 / 300.0).abs() < 1e-12);
        let ranked: Vec<&str> = rollup.ranking.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(ranked, ["Alpha", "Beta", "Gamma"]);
        assert_eq!(rollup.lagging.iter().map(|r| r.name.as_str()).collect::<Vec<_>>(), ["Beta"]);
        // A return for another period is set aside and named.
        let kinds: Vec<(&str, &str)> = rollup.missing.iter().map(|m| (m.file.as_str(), m.kind)).collect();
        assert_eq!(kinds, [("units/e.yaml", "broken"), ("Delta.yaml", "other_period")]);
        assert!(rollup.warnings.iter().any(|w| w.to_string().contains("Delta.yaml")));
        // The sentence names the whole target and says who left out what.
        assert_eq!(total.target, Some(350.0));
        assert_eq!(
            total.figures.sentence,
            "190 households, 63.3% of the target of 350 (Gamma reported no actual figure; the rate is over the other 2 units)"
        );
        // Returns not rolled up are named by unit, or by file name alone.
        let named: Vec<&str> = rollup.missing.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(
            named,
            ["e.yaml (the file has errors and was not rolled up)", "Delta (a return for another period)"]
        );
    }

    /// With `targets:`, the county's target counts every unit of the
    /// roster, and the note names the units that reported nothing.
    #[test]
    fn the_bulletin_keeps_every_units_target() {
        let schema = crate::render::Templates::new(None).unwrap().info("monthly-bulletin").unwrap().schema;
        let bulletin = doc(
            "bulletin.yaml",
            "template: monthly-bulletin\nlang: zh\ntitle: B\norganization: O\nperiod: 2026-10\nunits: [units/*.yaml]\nroster: [Alpha, Beta, Gamma, Epsilon]\ntargets:\n  Alpha: {households: 100}\n  Beta: {households: 200}\n  Gamma: {households: 50}\n  Epsilon: {households: 40}\n",
            &schema,
        );
        let Fields::Bulletin(fields) = &bulletin.fields else { panic!("a bulletin") };
        let returns = Returns {
            loaded: vec![
                unit("Alpha", 100.0, Some(90.0), "2026-10"),
                unit("Beta", 200.0, Some(100.0), "2026-10"),
                unit("Gamma", 50.0, None, "2026-10"),
            ],
            missing: Vec::new(),
            warnings: Vec::new(),
        };
        let rollup = roll_up(&bulletin, fields, returns, Some(10.0 / 12.0)).unwrap();
        let total = &rollup.total["households"];
        assert_eq!(total.target, Some(390.0));
        assert_eq!(
            total.figures.sentence,
            "Households190households，完成目标390households的63.3%（Epsilon未报送数据，Gamma未报送完成数，完成率按其余2个单位计算）"
        );
    }

    /// A return whose name is a shortening of one roster unit that sent
    /// nothing is that unit: counted once, never also called missing. A
    /// name that fits two roster units, or none, is left as written.
    #[test]
    fn a_return_named_short_of_a_roster_unit_is_that_unit() {
        let schema = crate::render::Templates::new(None).unwrap().info("monthly-bulletin").unwrap().schema;
        let bulletin = doc(
            "bulletin.yaml",
            "template: monthly-bulletin\ntitle: B\norganization: O\nperiod: 2026-10\nunits: [units/*.yaml]\nroster: [Alpha Town, Beta Town, Beta City, Gamma]\n",
            &schema,
        );
        let Fields::Bulletin(fields) = &bulletin.fields else { panic!("a bulletin") };
        let returns = Returns {
            loaded: vec![
                unit("alpha", 100.0, Some(90.0), "2026-10"),
                unit("Beta", 200.0, Some(100.0), "2026-10"),
                unit("Gamma", 50.0, Some(10.0), "2026-10"),
            ],
            missing: Vec::new(),
            warnings: Vec::new(),
        };
        let rollup = roll_up(&bulletin, fields, returns, None).unwrap();
        let names: Vec<&str> = rollup.units.iter().map(|u| u.name.as_str()).collect();
        assert_eq!(names, ["Alpha Town", "Beta", "Gamma"]);
        assert_eq!(rollup.not_received, ["Beta Town", "Beta City"]);
        let warnings: Vec<String> = rollup.warnings.iter().map(ToString::to_string).collect();
        assert!(
            warnings.iter().any(|w| w.contains(
                "alpha.yaml: the reporting unit is written \"alpha\", which is not on the roster; it is rolled up as Alpha Town"
            )),
            "{warnings:#?}"
        );
        assert!(warnings.iter().any(|w| w.contains("Beta.yaml is the return of Beta")), "{warnings:#?}");
        assert_eq!(rollup.off_roster, ["Beta"]);
        // A roster unit that has a return of its own is not taken again.
        let returns = Returns {
            loaded: vec![unit("Gamma", 50.0, Some(10.0), "2026-10"), unit("Gamma Village", 5.0, Some(1.0), "2026-10")],
            missing: Vec::new(),
            warnings: Vec::new(),
        };
        let rollup = roll_up(&bulletin, fields, returns, None).unwrap();
        let names: Vec<&str> = rollup.units.iter().map(|u| u.name.as_str()).collect();
        assert_eq!(names, ["Gamma", "Gamma Village"]);
        assert_eq!(rollup.off_roster, ["Gamma Village"]);
    }
}
