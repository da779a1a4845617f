//! `zongjie form`: a bulletin's fill-in forms (填报表), one per unit of its
//! `roster:`, named after the unit. They are written into one folder all
//! together or not at all, and never over a file that is there.

use std::collections::HashMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::base::diag::Diagnostic;
use crate::cli::args::{FormArgs, FormFormat};
use crate::data::{self, BulletinFields, Document, Fields, Kind};
use crate::engine::output;
use crate::render::Templates;
use crate::write::form;

use super::{INPUT, OK, USAGE, emit, error_in, shown};
use crate::base::msg::{Message, msg};

/// Runs the command; returns the exit status.
pub fn run(args: &FormArgs) -> i32 {
    let templates = match Templates::new(args.template_dir.as_deref()) {
        Ok(t) => t,
        Err(e) => {
            emit(e.diagnostic());
            return USAGE;
        }
    };
    let (doc, bulletin) = match load(&templates, &args.bulletin) {
        Ok(loaded) => loaded,
        Err(d) => {
            emit(&d);
            return INPUT;
        }
    };
    let files = match forms(&doc, &bulletin, args) {
        Ok(files) => files,
        Err(d) => {
            emit(&d);
            return INPUT;
        }
    };
    let dir = args.out_dir.clone().unwrap_or_else(|| beside(&args.bulletin));
    if let Some((name, _)) = files.iter().find(|(name, _)| std::fs::symlink_metadata(dir.join(name)).is_ok()) {
        error_in(doc.lang, msg!(FormExists, file = shown(&dir.join(name))), vec![msg!(FormNeverOverwrites)]);
        return INPUT;
    }
    write(&dir, &files, &args.bulletin, doc.lang)
}

/// The bulletin, once it is found to be one, with units to write forms
/// for, metrics to ask for and a period to ask about.
fn load(templates: &Templates, path: &Path) -> Result<(Document, BulletinFields), Box<Diagnostic>> {
    let not_a_bulletin = |what: Message| {
        Box::new(Diagnostic::error(msg!(NotABulletin, what = what)).in_file(path).hint(msg!(FormWritesForms)))
    };
    if path.extension().is_some_and(|e| e == "md") {
        return Err(not_a_bulletin(msg!(MarkdownByBuild)));
    }
    if data::sheet::Kind::of(path).is_some() {
        return Err(not_a_bulletin(msg!(ASpreadsheet)));
    }
    let source = data::read_source(path).map_err(|e| Box::new(e.diagnostic().clone()))?;
    let name = data::front_matter_template(&source)
        .map_err(|e| Box::new(e.diagnostic().clone()))?
        .unwrap_or_else(|| "progress-report".to_owned());
    let info = templates.info(&name).map_err(|e| Box::new(e.diagnostic().clone().in_file(path)))?;
    if info.schema.kind != Kind::Bulletin {
        return Err(not_a_bulletin(msg!(ADocumentOf, template = name.as_str())));
    }
    let doc = data::parse(&source, &info.schema).map_err(|e| Box::new(e.diagnostic().clone()))?;
    let Fields::Bulletin(bulletin) = &doc.fields else {
        return Err(not_a_bulletin(msg!(ADocumentOf, template = name.as_str())));
    };
    let bulletin = bulletin.clone();
    let lacks = |message: Message, hint: Message| {
        Err(Box::new(Diagnostic::error(message).in_file(path).hint(hint).in_lang(doc.lang)))
    };
    if bulletin.roster.is_empty() {
        return lacks(msg!(NoRoster), msg!(AddRoster));
    }
    if bulletin.collect.is_empty() {
        return lacks(msg!(NoCollect), msg!(ListCollect));
    }
    if doc.period.is_none() {
        return lacks(msg!(NoPeriod), msg!(AddPeriod));
    }
    Ok((doc, bulletin))
}

/// Each unit's form, named after the unit; two units may not come to one
/// name (not even in another case, as Windows and macOS compare names).
fn forms(
    doc: &Document,
    bulletin: &BulletinFields,
    args: &FormArgs,
) -> Result<Vec<(String, Vec<u8>)>, Box<Diagnostic>> {
    let mut seen: HashMap<String, &str> = HashMap::new();
    let mut files = Vec::new();
    for unit in &bulletin.roster {
        let unit = unit.as_str().trim();
        let name = format!("{}.{}", file_stem(unit), args.format.ext());
        if let Some(other) = seen.insert(name.to_lowercase(), unit) {
            let clash = Diagnostic::error(msg!(FormsClash, first = other, second = unit, name = name.as_str()))
                .in_file(&args.bulletin)
                .hint(msg!(TellThemApart))
                .in_lang(doc.lang);
            return Err(Box::new(clash));
        }
        let bytes = match args.format {
            FormFormat::Xlsx => form::xlsx(doc, bulletin, unit, args.source_date_epoch),
            FormFormat::Csv => form::csv(doc, bulletin, unit),
        }
        .map_err(|e| {
            Box::new(Diagnostic::error(e).in_file(&args.bulletin).hint(msg!(NoFormWritten)).in_lang(doc.lang))
        })?;
        files.push((name, bytes));
    }
    Ok(files)
}

/// A unit's name as a file name: the characters no file name may have
/// (`/ \ : * ? " < > |` and control characters) become `_`, as do the
/// dots of `.` and `..`; no name at all is `_`.
fn file_stem(unit: &str) -> String {
    let unsafe_char = |c: char| matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') || c.is_control();
    let stem: String = unit.chars().map(|c| if unsafe_char(c) { '_' } else { c }).collect();
    match stem.as_str() {
        "" => "_".to_owned(),
        "." | ".." => stem.replace('.', "_"),
        _ => stem,
    }
}

/// The default folder of the forms: `forms` beside the bulletin.
fn beside(bulletin: &Path) -> PathBuf {
    bulletin.parent().map_or_else(PathBuf::new, Path::to_path_buf).join("forms")
}

/// Writes the forms into `dir` (made if missing, and removed again if
/// nothing could be written into it); prints the path of each to standard
/// output and what was done to standard error.
fn write(dir: &Path, files: &[(String, Vec<u8>)], bulletin: &Path, lang: crate::base::lang::Lang) -> i32 {
    let made = std::fs::symlink_metadata(dir).is_err();
    if let Err(e) = std::fs::create_dir_all(dir) {
        let message = msg!(CannotCreateFolder, folder = shown(dir), reason = crate::base::file::io_reason(&e));
        error_in(lang, message, vec![msg!(NoFormWritten)]);
        return INPUT;
    }
    crate::base::atomic::sweep_stale(dir);
    match output::write_new(dir, files) {
        Ok(paths) => {
            let mut out = std::io::stdout().lock();
            for path in &paths {
                let _ = writeln!(out, "{}", shown(path));
            }
            let (bulletin, dir) = (shown(bulletin), shown(dir));
            let line = match paths.len() {
                1 => msg!(WroteOneForm, bulletin = bulletin, folder = dir),
                n => msg!(WroteForms, count = n, bulletin = bulletin, folder = dir),
            };
            eprintln!("{}", line.render(lang));
            OK
        }
        Err(e) => {
            if made {
                let _ = std::fs::remove_dir(dir);
            }
            let message = msg!(CannotWriteForms, folder = shown(dir), reason = crate::base::file::io_reason(&e));
            error_in(lang, message, vec![msg!(NoFormWritten)]);
            INPUT
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_names_become_safe_file_names() {
        assert_eq!(file_stem("陈淋子镇"), "陈淋子镇");
        assert_eq!(file_stem("A/B: C*?"), "A_B_ C__");
        assert_eq!(file_stem("tab\there"), "tab_here");
        assert_eq!(file_stem("."), "_");
        assert_eq!(file_stem(".."), "__");
        assert_eq!(file_stem(""), "_");
        assert_eq!(file_stem("..a"), "..a");
    }

    #[test]
    fn forms_go_beside_the_bulletin() {
        assert_eq!(beside(Path::new("data/b.yaml")), Path::new("data/forms"));
        assert_eq!(beside(Path::new("b.yaml")), Path::new("forms"));
    }
}
