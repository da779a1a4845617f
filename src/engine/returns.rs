//! The engine's side of the bulletin's roll-up: finding the unit returns its
//! `units:` patterns name inside its folder, reading and checking each one,
//! and linting what the bulletin shows of it. The roll-up itself
//! ([`crate::derive::rollup`]) is computed from what this loads.

use std::path::{Component, Path, PathBuf};

use crate::base::diag::Diagnostic;
use crate::data::{self, BulletinFields, DataError, Document, Schema};
use crate::derive::rollup::{Missing, Return, Returns};
use crate::render::Templates;

/// Loads the returns of a bulletin's units.
pub fn load(
    doc: &Document,
    bulletin: &BulletinFields,
    root: &Path,
    templates: &Templates,
) -> Result<Returns, DataError> {
    let mut returns = Returns::default();
    let mut read: std::collections::BTreeSet<PathBuf> = std::collections::BTreeSet::new();
    if let Ok(real) = doc.path.canonicalize() {
        read.insert(real);
    }
    for pattern in &bulletin.units {
        let files = expand(root, pattern.as_str()).map_err(|why| {
            DataError(Box::new(
                Diagnostic::error(format!("units: `{pattern}` {why}"))
                    .in_file(&doc.path)
                    .hint("unit files must be named by paths relative to the bulletin, inside its folder"),
            ))
        })?;
        if files.is_empty() {
            returns.warnings.push(
                Diagnostic::warning(format!("units: `{pattern}` matches no file; the bulletin names it as missing"))
                    .in_file(&doc.path)
                    .hint("check the file name, or remove the pattern once the unit has stopped reporting"),
            );
            returns.missing.push(Missing {
                file: pattern.to_string(),
                reason: "no file matches".into(),
                kind: "unmatched",
            });
            continue;
        }
        for (path, shown, refused) in files {
            // One file is one return, however many names lead to it.
            if !read.insert(path.clone()) {
                continue;
            }
            if let Some(why) = refused {
                // Not read: the bulletin names it as missing, like a broken file.
                returns.warnings.push(
                    Diagnostic::warning(format!("units: `{pattern}` matches {shown}, which {why}; it was not read"))
                        .in_file(&doc.path)
                        .hint("unit files must be inside the bulletin's folder, not symlinks to files elsewhere"),
                );
                returns.missing.push(Missing { file: shown, reason: format!("{why}; not read"), kind: "broken" });
                continue;
            }
            match load_unit(&path, templates) {
                Ok((unit, findings)) => returns.loaded.push(Return { doc: unit, file: shown, findings }),
                Err(e) => {
                    returns.missing.push(Missing { file: shown, reason: e.to_string(), kind: "broken" });
                    returns.warnings.push(e.0.as_ref().clone());
                }
            }
        }
    }
    Ok(returns)
}

/// The files a `units:` pattern names, sorted by name, each with the
/// name shown for it and, for a file that leads outside `root` (a symlink),
/// why it is not read; a file that is read is given by its real path. An error if the pattern itself leads outside.
///
/// The folder is walked without following symlinks to folders (a link to
/// `.` would name every file again, and two of them would never end), at
/// most [`MAX_WALK_DEPTH`] folders deep and [`MAX_WALK_ENTRIES`] entries
/// wide.
fn expand(root: &Path, pattern: &str) -> Result<Vec<(PathBuf, String, Option<String>)>, String> {
    let rel = Path::new(pattern);
    if rel.is_absolute() || pattern.starts_with('/') || pattern.starts_with('\\') {
        return Err("is an absolute path".into());
    }
    if rel.components().any(|c| matches!(c, Component::ParentDir | Component::Prefix(_) | Component::RootDir)) {
        return Err("leads outside the bulletin's folder (`..`)".into());
    }
    let glob = glob::Pattern::new(pattern).map_err(|e| format!("is not a valid pattern: {}", e.msg))?;
    let options = glob::MatchOptions { require_literal_separator: true, ..glob::MatchOptions::new() };
    let root = root.canonicalize().map_err(|e| format!("cannot be searched: {e}"))?;
    let mut found = Vec::new();
    let mut stack = vec![(root.clone(), 0)];
    let mut seen = 0;
    while let Some((dir, depth)) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            seen += 1;
            if seen > MAX_WALK_ENTRIES {
                return Err(format!(
                    "is searched for in a folder of over {MAX_WALK_ENTRIES} entries: name the units' folder"
                ));
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
                Ok(real) if real.starts_with(&root) => {}
                Ok(_) => found.push((path, shown, Some("leads outside the bulletin's folder".to_owned()))),
                Err(e) => found.push((path, shown, Some(format!("cannot be opened ({e})")))),
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

/// A unit file: the common contract, or the fields of its own `template:`
/// if it names one (a town may submit its own progress report); with what
/// the lint finds in what the bulletin shows of it.
fn load_unit(path: &Path, templates: &Templates) -> Result<(Document, Vec<Diagnostic>), DataError> {
    let source = data::read_source(path)?;
    let schema = match data::front_matter_template(&source)? {
        Some(name) => templates.info(&name).map_err(|e| DataError(e.0))?.schema,
        None => Schema::common(),
    };
    let doc = data::parse(&source, &schema)?;
    let findings = crate::derive::lint::unit_return(&source, &doc);
    Ok((doc, findings))
}
