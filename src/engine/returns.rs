//! The engine's side of the bulletin's roll-up: finding the unit returns its
//! `units:` patterns name inside its folder, reading and checking each one,
//! and linting what the bulletin shows of it. The roll-up itself
//! ([`crate::derive::rollup`]) is computed from what this loads.

use crate::base::msg::{Message, msg};
use std::path::{Component, Path, PathBuf};

use crate::base::diag::Diagnostic;
use crate::compile::fonts::Fonts;
use crate::compile::preflight;
use crate::data::{self, BulletinFields, DataError, Document, Fields, Schema};
use crate::derive::rollup::{Missing, Return, Returns};
use crate::render::Templates;

/// Loads the returns of a bulletin's units.
pub fn load(
    doc: &Document,
    bulletin: &BulletinFields,
    root: &Path,
    templates: &Templates,
    fonts: &Fonts,
) -> Result<Returns, DataError> {
    let mut returns = Returns::default();
    let mut read: std::collections::BTreeSet<PathBuf> = std::collections::BTreeSet::new();
    if let Ok(real) = doc.path.canonicalize() {
        read.insert(real);
    }
    for pattern in &bulletin.units {
        let files = expand(root, pattern.as_str()).map_err(|why| {
            DataError(Box::new(
                Diagnostic::error(msg!(UnitsPattern, pattern = pattern.as_str(), why = why))
                    .in_file(&doc.path)
                    .hint(msg!(UnitFilesRelative)),
            ))
        })?;
        if files.is_empty() {
            returns.warnings.push(
                Diagnostic::warning(msg!(PatternMatchesNothing, pattern = pattern.as_str()))
                    .in_file(&doc.path)
                    .hint(msg!(CheckTheFileName)),
            );
            returns.missing.push(Missing::new(pattern.to_string(), "no file matches".into(), "unmatched"));
            continue;
        }
        for (path, shown, refused) in files {
            // One file is one return, however many names lead to it.
            if !read.insert(path.clone()) {
                continue;
            }
            // Excel's and LibreOffice's lock files of an open workbook.
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            if name.starts_with("~$") || name.starts_with(".~lock.") {
                continue;
            }
            if !is_return(&path) {
                returns.warnings.push(
                    Diagnostic::warning(msg!(MatchesNotAReturn, pattern = pattern.as_str(), file = shown.as_str()))
                        .in_file(&doc.path)
                        .hint(msg!(ReturnKinds)),
                );
                continue;
            }
            if let Some(why) = refused {
                // Not read: the bulletin names it as missing, like a broken file.
                returns.warnings.push(
                    Diagnostic::warning(msg!(
                        MatchesRefused,
                        pattern = pattern.as_str(),
                        file = shown.as_str(),
                        why = why.clone()
                    ))
                    .in_file(&doc.path)
                    .hint(msg!(UnitFilesInside)),
                );
                returns.missing.push(broken(shown, format!("{why}; not read")));
                continue;
            }
            let display = root.join(&shown);
            match load_unit(&path, &display, &shown, doc, bulletin, templates) {
                Ok(unit) => match unprintable(&unit, &path, &display, fonts) {
                    None => returns.loaded.push(unit),
                    Some(error) => {
                        returns.missing.push(broken(shown, "has characters no font has; set aside".into()));
                        returns.warnings.push(error);
                    }
                },
                Err(e) => {
                    // Printed in the bulletin, whatever the language of messages.
                    let reason = e.0.as_ref().clone().in_lang(crate::base::lang::Lang::En).to_string();
                    let mut missing = broken(shown, reason);
                    // A spreadsheet read but refused is named by the unit it names.
                    let named = is_spreadsheet(&path)
                        .then(|| data::read_bytes(&path).ok())
                        .flatten()
                        .and_then(|bytes| data::sheet::unit_named(&path, bytes, doc.lang));
                    if let Some(unit) = named {
                        missing.unit = Some(unit);
                        missing.kind = "faulty";
                    }
                    returns.missing.push(missing);
                    returns.warnings.push(e.0.as_ref().clone());
                }
            }
        }
    }
    // The bulletin names the returns it could not use: by what a font can show.
    for missing in &mut returns.missing {
        missing.file = printable(fonts, &missing.file);
        missing.unit = missing.unit.as_deref().map(|u| printable(fonts, u));
    }
    Ok(returns)
}

/// What of a return the bulletin prints (the unit's name, the metrics'
/// labels and units) that no font can show: an error at its first place in
/// the file, which sets the return aside; else none.
fn unprintable(unit: &Return, path: &Path, display: &Path, fonts: &Fonts) -> Option<Diagnostic> {
    let mut text = unit.doc.organization.as_str().to_owned();
    for m in &unit.doc.metrics {
        text.push_str(m.label.as_str());
        text.push_str(&m.unit);
    }
    let chars = preflight::no_font_has(fonts, &text);
    if chars.is_empty() {
        return None;
    }
    let mut error = Diagnostic::error(msg!(ReturnNoFont, chars = preflight::named(&chars)))
        .in_file(display)
        .hint(msg!(WriteWithFontChars));
    if !is_spreadsheet(path)
        && let Ok(source) = data::read_source(path)
        && let Some((at, c)) = source.text.char_indices().find(|(_, c)| chars.contains(c))
    {
        error = error.at(source.text.clone(), at..at + c.len_utf8());
    }
    Some(error)
}

/// `text` with the characters no font has written as `?`.
fn printable(fonts: &Fonts, text: &str) -> String {
    let missing = preflight::no_font_has(fonts, text);
    if missing.is_empty() {
        return text.to_owned();
    }
    text.chars().map(|c| if missing.contains(&c) { '?' } else { c }).collect()
}

fn is_spreadsheet(path: &Path) -> bool {
    data::sheet::Kind::of(path).is_some()
}

/// The files a `units:` pattern names, sorted by name, each with the
/// name shown for it and, for a file that leads outside `root` (a symlink),
/// why it is not read; a file that is read is given by its real path. An error if the pattern itself leads outside.
///
/// The folder is walked without following symlinks to folders (a link to
/// `.` would name every file again, and two of them would never end), at
/// most [`MAX_WALK_DEPTH`] folders deep and [`MAX_WALK_ENTRIES`] entries
/// wide.
fn expand(root: &Path, pattern: &str) -> Result<Vec<(PathBuf, String, Option<Message>)>, Message> {
    let rel = Path::new(pattern);
    if rel.is_absolute() || pattern.starts_with('/') || pattern.starts_with('\\') {
        return Err(msg!(IsAbsolutePath));
    }
    if rel.components().any(|c| matches!(c, Component::ParentDir | Component::Prefix(_) | Component::RootDir)) {
        return Err(msg!(LeadsOutsideDotDot));
    }
    let glob = glob::Pattern::new(pattern).map_err(|e| msg!(NotAValidPattern, reason = e.msg))?;
    let options = glob::MatchOptions { require_literal_separator: true, ..glob::MatchOptions::new() };
    let root = root.canonicalize().map_err(|e| msg!(CannotBeSearched, reason = crate::base::file::io_reason(&e)))?;
    let mut found = Vec::new();
    let mut stack = vec![(root.clone(), 0)];
    let mut seen = 0;
    while let Some((dir, depth)) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            seen += 1;
            if seen > MAX_WALK_ENTRIES {
                return Err(msg!(FolderTooLarge, max = MAX_WALK_ENTRIES));
            }
            let path = entry.path();
            let Ok(kind) = entry.file_type() else { continue };
            if kind.is_dir() {
                if depth < MAX_WALK_DEPTH {
                    stack.push((path, depth + 1));
                }
                continue;
            }
            let Ok(relative) = path.strip_prefix(&root) else { continue };
            if !glob.matches_path_with(relative, options) {
                continue;
            }
            let shown = relative.display().to_string();
            // A file inside is given by its real path: one file reached by
            // several names is then one return.
            match path.canonicalize() {
                Ok(real) if real.starts_with(&root) && real.is_file() => found.push((real, shown, None)),
                Ok(real) if real.starts_with(&root) && real.is_dir() => {}
                Ok(real) if real.starts_with(&root) => {
                    found.push((path, shown, Some(msg!(IsNotRegular))));
                }
                Ok(_) => found.push((path, shown, Some(msg!(LeadsOutside)))),
                Err(e) => {
                    found.push((path, shown, Some(msg!(CannotBeOpened, reason = crate::base::file::io_reason(&e)))))
                }
            }
        }
    }
    found.sort_by(|a, b| a.1.cmp(&b.1));
    Ok(found)
}

/// How deep below the bulletin's folder unit files are looked for.
const MAX_WALK_DEPTH: usize = 8;
/// How many folder entries are looked at for one pattern.
const MAX_WALK_ENTRIES: usize = 100_000;

/// A return that did not load: the unit is guessed from the file's name
/// (`黄岗镇.xlsx`), so that the roster does not call it not received too.
fn broken(shown: String, reason: String) -> Missing {
    let mut missing = Missing::new(shown, reason, "broken");
    missing.unit = Path::new(&missing.file).file_stem().map(|s| s.to_string_lossy().trim().to_owned());
    missing
}

/// Whether a file is one of the kinds a return may be.
pub fn is_return(path: &Path) -> bool {
    is_spreadsheet(path)
        || path.extension().is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
}

/// A unit's return: a spreadsheet, found by its labels and matched to the
/// bulletin's `collect:`; or a YAML file of the common contract, or of its
/// own `template:` if it names one (a town may submit its own progress
/// report), with what the lint finds in what the bulletin shows of it.
///
/// `path` is the file read, `display` the path its messages name (as the
/// bulletin's folder and pattern name it, not the file's real path).
pub fn load_unit(
    path: &Path,
    display: &Path,
    shown: &str,
    bulletin_doc: &Document,
    bulletin: &BulletinFields,
    templates: &Templates,
) -> Result<Return, DataError> {
    if is_spreadsheet(path) {
        let bytes = data::read_bytes(path)?;
        let asked =
            data::sheet::Asked { lang: bulletin_doc.lang, collect: &bulletin.collect, targets: &bulletin.targets };
        let read = data::sheet::read(path, bytes, &asked)?;
        return Ok(Return { doc: read.doc, file: shown.to_owned(), findings: read.warnings, places: read.places });
    }
    let mut source = data::read_source(path).map_err(|e| e.in_file(display))?;
    source.path = display.to_path_buf();
    let schema = match data::front_matter_template(&source)? {
        Some(name) => templates.info(&name).map_err(|e| DataError(e.0))?.schema,
        None => Schema::common(),
    };
    let doc = data::parse(&source, &schema)?;
    no_previous_file(&source, &doc)?;
    let findings = crate::derive::lint::unit_return(&source, &doc);
    let lines = data::first_lines_of_ids(&source.text);
    let mut places: std::collections::BTreeMap<String, String> = doc
        .metrics
        .iter()
        .filter_map(|m| Some((m.id.0.clone(), format!("line {}", lines.get(m.id.0.as_str())?))))
        .collect();
    if let Some(line) = data::line_of_key(&source.text, "organization") {
        places.insert(data::sheet::UNIT_PLACE.to_owned(), format!("line {line}"));
    }
    Ok(Return { doc, file: shown.to_owned(), findings, places })
}

/// A return is read from the bulletin's folder alone: a return written as a
/// report of its own may not name last period's file (nor follow up its
/// steps), wherever that file is.
fn no_previous_file(source: &data::Source, doc: &Document) -> Result<(), DataError> {
    let key = if doc.previous_file.is_some() {
        "previous_file"
    } else if !doc.followups.is_empty() {
        "followups"
    } else {
        return Ok(());
    };
    let mut d = Diagnostic::error(msg!(RefusedInReturn, key = key))
        .in_file(&source.path)
        .field(key)
        .hint(msg!(RemoveFromReturn));
    if let Some(line) = data::line_of_key(&source.text, key) {
        d = d.at_line(source.text.clone(), line, 1);
    }
    Err(DataError::new(d))
}

/// `check` on one return: its own errors, and what the roll-up of the
/// bulletin whose `units:` name it would find in it. The bulletin is looked
/// for in the return's folder and the folders above it.
pub fn check_return(
    input: &Path,
    templates: &Templates,
    fonts: &Fonts,
) -> Result<(Vec<Diagnostic>, crate::data::Lang), DataError> {
    let not_found = || {
        DataError(Box::new(Diagnostic::error(msg!(NoBulletinFound)).in_file(input).hint(msg!(CheckAgainstBulletin))))
    };
    let (bulletin_doc, root) = bulletin_of(input, templates).ok_or_else(not_found)?;
    let Fields::Bulletin(bulletin) = &bulletin_doc.fields else { return Err(not_found()) };
    let real = input.canonicalize().unwrap_or_else(|_| input.to_path_buf());
    let shown = real
        .strip_prefix(root.canonicalize().unwrap_or(root.clone()))
        .map_or_else(|_| input.display().to_string(), |p| p.display().to_string());
    let unit = load_unit(input, input, &shown, &bulletin_doc, bulletin, templates)?;
    let unprintable = unprintable(&unit, input, input, fonts);
    // The other returns, for what the others give; their own faults are
    // the bulletin's check's to report.
    let others = load(&bulletin_doc, bulletin, &root, templates, fonts).map(|r| r.loaded).unwrap_or_default();
    // The roll-up's check passes the return's own findings on.
    let mut findings = crate::derive::rollup::check_return(&bulletin_doc, bulletin, unit, &others);
    findings.extend(unprintable);
    // Worded in the bulletin's language, as its build words them.
    Ok((findings.into_iter().map(|d| d.or_lang(bulletin_doc.lang)).collect(), bulletin_doc.lang))
}

/// The bulletin whose `units:` patterns name `input`, and its folder.
fn bulletin_of(input: &Path, templates: &Templates) -> Option<(Document, PathBuf)> {
    let real = input.canonicalize().ok()?;
    let info = templates.info("monthly-bulletin").ok()?;
    for dir in real.ancestors().skip(1).take(4) {
        let Ok(entries) = std::fs::read_dir(dir) else { continue };
        let mut names: Vec<PathBuf> = entries.flatten().map(|e| e.path()).take(1_000).collect();
        names.sort();
        for path in names.into_iter().filter(|p| p.extension().is_some_and(|e| e == "yaml" || e == "yml")) {
            let Ok(source) = data::read_source(&path) else { continue };
            if data::front_matter_template(&source).ok().flatten().as_deref() != Some("monthly-bulletin") {
                continue;
            }
            let Ok(doc) = data::parse(&source, &info.schema) else { continue };
            let Fields::Bulletin(b) = &doc.fields else { continue };
            let names_it = b.units.iter().any(|pattern| {
                expand(dir, pattern.as_str()).is_ok_and(|files| files.iter().any(|(p, _, _)| *p == real))
            });
            if names_it {
                return Some((doc, dir.to_path_buf()));
            }
        }
    }
    None
}
