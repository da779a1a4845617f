//! `zongjie new`: writes a template's starter data file, with realistic
//! sample content in every field; it builds as is and passes `check`.
//! Never overwrites.

use std::io::Write;
use std::path::PathBuf;

use crate::cli::{LangArg, NewArgs};
use crate::template::Templates;

use super::{INPUT, OK, USAGE, emit, error, shown};

/// Runs the command; returns the exit status.
pub fn run(args: &NewArgs) -> i32 {
    let templates = match Templates::new(args.template_dir.as_deref()) {
        Ok(t) => t,
        Err(e) => {
            emit(e.diagnostic());
            return USAGE;
        }
    };
    let info = match templates.info(&args.template) {
        Ok(info) => info,
        Err(e) => {
            emit(e.diagnostic());
            return USAGE;
        }
    };
    let lang = match args.lang {
        LangArg::En => "en",
        LangArg::Zh => "zh",
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
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&file)
        .and_then(|mut f| f.write_all(text.as_bytes()));
    match written {
        Ok(()) => {
            eprintln!("wrote {}: edit it, then run `zongjie build {}`", shown(&file), shown(&file));
            OK
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            error(
                &format!("{} already exists; nothing was written", shown(&file)),
                &["name another file: zongjie new TEMPLATE FILE"],
            );
            INPUT
        }
        Err(e) => {
            error(&format!("cannot write {}: {e}", shown(&file)), &[]);
            INPUT
        }
    }
}
