//! The layers of `src/` import only downward, and no file imports one that
//! imports it back.
//!
//! Every `crate::`, `super::` and `self::` path of every file (in `use`
//! lines and inline; comments, strings and `#[cfg(test)]` modules left out)
//! is resolved to the module it names. A path from a file of a lower layer
//! to a higher one fails the test, naming the file and the path; so does a
//! cycle among the files. The order is written here once, and in
//! ARCHITECTURE.md.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers, lowest first: each may use the ones before it.
const LAYERS: &[&str] = &["base", "data", "derive", "render", "write", "compile", "engine", "cli"];

/// The crate root's own files: above every layer.
const ROOT_FILES: &[&str] = &["lib", "main", "testing"];

#[test]
fn lower_layers_never_use_higher_ones() {
    let files = sources();
    let mut violations = Vec::new();
    for file in &files {
        let own = layer_of(&file.module);
        for path in &file.paths {
            let Some(first) = path.first() else { continue };
            let target = layer_of(std::slice::from_ref(first));
            if target > own {
                violations.push(format!(
                    "{} (layer {}) uses `crate::{}` (layer {})",
                    file.display,
                    layer_name(own),
                    path.join("::"),
                    layer_name(target)
                ));
            }
        }
    }
    assert!(violations.is_empty(), "lower layers use higher ones:\n{}", violations.join("\n"));
}

#[test]
fn no_file_imports_one_that_imports_it() {
    let files = sources();
    let modules: BTreeSet<Vec<String>> = files.iter().map(|f| f.module.clone()).collect();
    let mut edges: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    for file in &files {
        let targets = edges.entry(file.module.clone()).or_default();
        for path in &file.paths {
            // The longest prefix that is a file's module.
            let Some(target) = (1..=path.len()).rev().map(|n| path[..n].to_vec()).find(|p| modules.contains(p)) else {
                continue;
            };
            // A module owns its submodules: naming them is not a use of a
            // peer (every `mod.rs` does it).
            if target != file.module && !target.starts_with(&file.module) {
                targets.insert(target);
            }
        }
    }
    if let Some(cycle) = find_cycle(&edges) {
        let names: Vec<String> = cycle.iter().map(|m| m.join("::")).collect();
        panic!("the files of src/ import each other in a loop: {}", names.join(" → "));
    }
}

/// The test fails when a lower layer uses a higher one: shown on a file
/// written for it.
#[test]
fn the_check_catches_an_upward_use() {
    let text = "use crate::base::diag::Diagnostic;\nfn f() { let _ = crate::engine::Engine::new; }\n// crate::cli in a comment\nconst S: &str = \"crate::cli\";\n#[cfg(test)]\nmod tests {\n    use crate::cli::run;\n}\n";
    let paths = paths_in(&strip(text), &["data".to_owned(), "load".to_owned()]);
    assert_eq!(paths, [vec!["base", "diag", "Diagnostic"], vec!["engine", "Engine", "new"]]);
    assert!(layer_of(&["engine".to_owned()]) > layer_of(&["data".to_owned()]));
    let grouped = paths_in(
        "use crate::{data::Lang, write::html};\nuse super::{Label, lang::x};",
        &["derive".to_owned(), "lang".to_owned(), "en".to_owned()],
    );
    assert_eq!(
        grouped,
        [
            vec!["data", "Lang"],
            vec!["write", "html"],
            vec!["derive", "lang", "Label"],
            vec!["derive", "lang", "lang", "x"]
        ]
    );
}

struct SourceFile {
    display: String,
    module: Vec<String>,
    paths: Vec<Vec<String>>,
}

fn sources() -> Vec<SourceFile> {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    let mut stack = vec![src.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("src/ is readable") {
            let path = entry.expect("an entry of src/").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let module = module_of(&src, &path);
                // `tests.rs` files are test modules (declared under #[cfg(test)]).
                if module.last().is_some_and(|m| m == "tests") {
                    continue;
                }
                let text = std::fs::read_to_string(&path).expect("a source file is UTF-8");
                let paths = paths_in(&strip(&text), &module);
                out.push(SourceFile { display: path.strip_prefix(&src).unwrap().display().to_string(), module, paths });
            }
        }
    }
    assert!(out.len() > 40, "found only {} files in src/", out.len());
    out
}

fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    if parts.len() == 1 && ROOT_FILES.contains(&parts[0].as_str()) {
        parts.clear();
    }
    parts
}

/// The layer of a module path: its index in [`LAYERS`], past the last for
/// the crate root's files.
fn layer_of(module: &[String]) -> usize {
    module.first().and_then(|m| LAYERS.iter().position(|l| l == m)).unwrap_or(LAYERS.len())
}

fn layer_name(layer: usize) -> &'static str {
    LAYERS.get(layer).copied().unwrap_or("crate root")
}

/// The text without comments, string and char literals, and `#[cfg(test)]`
/// modules.
fn strip(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
        } else if c == 'r' && (next == Some('"') || next == Some('#')) && !prev_is_ident(&chars, i) {
            // A raw string: r"…", r#"…"#.
            let mut j = i + 1;
            let mut hashes = 0;
            while chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if chars.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            'raw: while j < chars.len() {
                if chars[j] == '"' && (0..hashes).all(|k| chars.get(j + 1 + k) == Some(&'#')) {
                    j += 1 + hashes;
                    break 'raw;
                }
                j += 1;
            }
            out.push_str("\"\"");
            i = j;
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            out.push_str("\"\"");
        } else if c == '\'' && is_char_literal(&chars, i) {
            i += 1;
            while i < chars.len() && chars[i] != '\'' {
                if chars[i] == '\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            out.push_str("' '");
        } else {
            out.push(c);
            i += 1;
        }
    }
    remove_test_modules(&out)
}

fn prev_is_ident(chars: &[char], i: usize) -> bool {
    i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_')
}

/// A `'` that opens a char literal, not a lifetime: `'x'` or `'\…'`.
fn is_char_literal(chars: &[char], i: usize) -> bool {
    match chars.get(i + 1) {
        Some('\\') => true,
        Some(_) => chars.get(i + 2) == Some(&'\''),
        None => false,
    }
}

fn remove_test_modules(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("#[cfg(test)]") {
        out.push_str(&rest[..at]);
        let after = &rest[at + "#[cfg(test)]".len()..];
        let trimmed = after.trim_start();
        if trimmed.starts_with("mod ") || trimmed.starts_with("pub mod ") || trimmed.starts_with("pub(crate) mod ") {
            // Skip to the end of the module: `;` or its matching brace.
            let open = trimmed.find(['{', ';']).unwrap_or(trimmed.len());
            if trimmed[open..].starts_with(';') {
                rest = &trimmed[open + 1..];
                continue;
            }
            let mut depth = 0;
            let mut end = trimmed.len();
            for (k, ch) in trimmed[open..].char_indices() {
                match ch {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            end = open + k + 1;
                            break;
                        }
                    }
                    _ => {}
                }
            }
            rest = &trimmed[end..];
        } else {
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// Every `crate::`, `super::` and `self::` path, resolved to a path from
/// the crate root; `{…}` groups expanded one level.
fn paths_in(text: &str, module: &[String]) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let bytes: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < bytes.len() {
        let starts = ["crate::", "super::", "self::"]
            .iter()
            .find(|s| bytes[i..].iter().take(s.len()).copied().eq(s.chars()) && !prev_is_ident(&bytes, i));
        let Some(start) = starts else {
            i += 1;
            continue;
        };
        // The base module the path starts from.
        let mut base: Vec<String> = match *start {
            "crate::" => Vec::new(),
            "self::" => module.to_vec(),
            _ => module[..module.len().saturating_sub(1)].to_vec(),
        };
        i += start.len();
        loop {
            let rest: String = bytes[i..].iter().take(7).collect();
            if rest.starts_with("super::") {
                base.pop();
                i += "super::".len();
            } else {
                break;
            }
        }
        let (tails, end) = read_tail(&bytes, i);
        i = end;
        for tail in tails {
            let mut path = base.clone();
            path.extend(tail);
            if !path.is_empty() {
                out.push(path);
            }
        }
    }
    out
}

/// The segments after a path's start: `a::b::C`, or a group `{a::b, c}`
/// (each member's leading segments).
fn read_tail(chars: &[char], mut i: usize) -> (Vec<Vec<String>>, usize) {
    let mut segments = Vec::new();
    loop {
        if chars.get(i) == Some(&'{') {
            // A group: split at top-level commas.
            let mut depth = 0;
            let mut member = String::new();
            let mut members = Vec::new();
            while i < chars.len() {
                let c = chars[i];
                i += 1;
                match c {
                    '{' => {
                        depth += 1;
                        if depth > 1 {
                            member.push(c);
                        }
                    }
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                        member.push(c);
                    }
                    ',' if depth == 1 => members.push(std::mem::take(&mut member)),
                    c => member.push(c),
                }
            }
            members.push(member);
            let mut out = Vec::new();
            for m in members {
                let m = m.trim();
                if m.is_empty() || m == "self" {
                    continue;
                }
                let inner: Vec<char> = m.chars().collect();
                let (tails, _) = read_tail(&inner, 0);
                for t in tails {
                    let mut p = segments.clone();
                    p.extend(t);
                    out.push(p);
                }
            }
            return (out, i);
        }
        let ident: String = chars[i..].iter().take_while(|c| c.is_alphanumeric() || **c == '_').collect();
        if ident.is_empty() {
            break;
        }
        i += ident.chars().count();
        segments.push(ident);
        if chars.get(i) == Some(&':') && chars.get(i + 1) == Some(&':') {
            i += 2;
        } else {
            break;
        }
    }
    (vec![segments], i)
}

/// A cycle of the graph, if it has one.
fn find_cycle(edges: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>) -> Option<Vec<Vec<String>>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    let mut marks: BTreeMap<&Vec<String>, Mark> = edges.keys().map(|k| (k, Mark::New)).collect();
    for start in edges.keys() {
        if marks[start] != Mark::New {
            continue;
        }
        // Depth-first, without recursion: (node, its next edge to try).
        let mut stack: Vec<(&Vec<String>, Vec<&Vec<String>>)> = vec![(start, edges[start].iter().collect())];
        marks.insert(start, Mark::Open);
        while let Some((node, next)) = stack.last_mut() {
            let node = *node;
            match next.pop() {
                Some(target) => match marks.get(target).copied() {
                    Some(Mark::Open) => {
                        let from = stack.iter().position(|(n, _)| *n == target).unwrap_or(0);
                        let mut cycle: Vec<Vec<String>> = stack[from..].iter().map(|(n, _)| (*n).clone()).collect();
                        cycle.push(target.clone());
                        return Some(cycle);
                    }
                    Some(Mark::New) => {
                        marks.insert(target, Mark::Open);
                        stack.push((target, edges[target].iter().collect()));
                    }
                    _ => {}
                },
                None => {
                    marks.insert(node, Mark::Done);
                    stack.pop();
                }
            }
        }
    }
    None
}
