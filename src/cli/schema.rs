//! `zongjie schema`: a template's data as a JSON Schema (draft-07) for
//! editors, on standard output or into a file (replaced whole, never left
//! half-written).

use crate::base::msg::msg;
use std::io::Write;

use crate::cli::args::SchemaArgs;

use super::{INPUT, OK, error, shown};

/// Runs the command; returns the exit status.
pub fn run(args: &SchemaArgs) -> i32 {
    let (templates, info) = match super::template(args.template_dir.as_deref(), &args.template) {
        Ok(found) => found,
        Err(status) => return status,
    };
    let text = templates.json_schema(&info);
    let Some(path) = &args.out else {
        return match std::io::stdout().lock().write_all(text.as_bytes()) {
            Ok(()) => OK,
            Err(e) => {
                error(msg!(CannotWriteSchema, reason = crate::base::file::io_reason(&e)), vec![]);
                INPUT
            }
        };
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let name = path.file_name().map_or_else(|| "schema.json".into(), |n| n.to_string_lossy().into_owned());
    match crate::engine::output::replace(&dir, &name, text.as_bytes()) {
        Ok(()) => {
            eprintln!("{}", msg!(Wrote, files = shown(path)).render(crate::base::msg::env_lang()));
            OK
        }
        Err(e) => {
            error(msg!(CannotWriteFile, file = shown(path), reason = crate::base::file::io_reason(&e)), vec![]);
            INPUT
        }
    }
}
