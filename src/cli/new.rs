//! `zongjie new`: writes a template's starter data file, with realistic
//! sample content in every field; it builds as is and passes `check`.
//! Beside it, the template's JSON Schema, which its first line names for
//! editors. Never overwrites.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::cli::args::{LangArg, NewArgs};

use super::{INPUT, OK, emit, error_in, shown};
use crate::base::lang::Lang;
use crate::base::msg::msg;

/// Runs the command; returns the exit status.
pub fn run(args: &NewArgs) -> i32 {
    let (templates, info) = match super::template(args.template_dir.as_deref(), &args.template) {
        Ok(found) => found,
        Err(status) => return status,
    };
    let (lang, words) = match args.lang {
        Some(LangArg::En) => ("en", Lang::En),
        Some(LangArg::Zh) => ("zh", Lang::Zh),
        None => match crate::base::msg::env_lang() {
            // A user's template may have an English starter only.
            Lang::Zh if templates.starter(&info, "zh").is_ok() => ("zh", Lang::Zh),
            _ => ("en", Lang::En),
        },
    };
    let text = match templates.starter(&info, lang) {
        Ok(text) => text,
        Err(e) => {
            emit(e.diagnostic());
            return INPUT;
        }
    };
    let file = args.file.clone().unwrap_or_else(|| {
        PathBuf::from(if lang == "en" { format!("{}.yaml", info.name) } else { format!("{}.{lang}.yaml", info.name) })
    });
    let beside = match templates.starter_files(&info, lang) {
        Ok(files) => files,
        Err(e) => {
            emit(e.diagnostic());
            return INPUT;
        }
    };
    let folder = file.parent().map_or_else(PathBuf::new, PathBuf::from);
    // The sample files go into folders beside the starter, never through a
    // symlink that may lead anywhere.
    for (name, _) in &beside {
        let mut at = folder.clone();
        for part in Path::new(name).parent().into_iter().flat_map(Path::components) {
            at.push(part);
            if std::fs::symlink_metadata(&at).is_ok_and(|m| m.file_type().is_symlink()) {
                error_in(words, msg!(IsASymlink, file = shown(&at)), vec![msg!(SamplesOwnFolder)]);
                return INPUT;
            }
        }
    }
    // The JSON Schema beside it, named on its first line, so that an editor
    // with a YAML extension completes and checks the fields (a relative
    // path: it works offline and moves with the folder).
    let stem = file.file_stem().map_or_else(|| info.name.clone(), |s| s.to_string_lossy().into_owned());
    let schema_name = format!("{stem}.schema.json");
    let text = format!("# yaml-language-server: $schema={schema_name}\n{text}");
    let mut files = vec![(file.clone(), text), (folder.join(&schema_name), templates.json_schema(&info))];
    files.extend(beside.into_iter().map(|(name, text)| (folder.join(name), text)));
    // All or nothing, and never over a file that is there.
    if let Some((existing, _)) = files.iter().find(|(path, _)| std::fs::symlink_metadata(path).is_ok()) {
        error_in(words, msg!(AlreadyExists, file = shown(existing)), vec![msg!(NameAnotherFile)]);
        return INPUT;
    }
    let mut written: Vec<&Path> = Vec::new();
    for (path, text) in &files {
        let made = path.parent().map_or(Ok(()), std::fs::create_dir_all).and_then(|()| {
            std::fs::OpenOptions::new().write(true).create_new(true).open(path)?.write_all(text.as_bytes())
        });
        if let Err(e) = made {
            for done in &written {
                let _ = std::fs::remove_file(done);
            }
            let message = msg!(CannotWriteFile, file = shown(path), reason = crate::base::file::io_reason(&e));
            error_in(words, message, vec![msg!(NothingWritten)]);
            return INPUT;
        }
        written.push(path);
    }
    let line = match files.len() - 2 {
        0 => msg!(WroteStarter, file = shown(&file), schema = shown(&files[1].0)),
        n => msg!(
            WroteStarterWithSamples,
            file = shown(&file),
            count = n,
            folder = shown(files[2].0.parent().unwrap_or(&folder)),
            schema = shown(&files[1].0)
        ),
    };
    eprintln!("{}", line.render(words));
    OK
}
