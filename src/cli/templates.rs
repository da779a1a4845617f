//! `zongjie templates`: lists the templates with what each is for, or
//! writes the built-in template files out to edit (`--export DIR`).

use crate::cli::args::TemplatesArgs;
use crate::render::Templates;

use super::{INPUT, OK, USAGE, emit, shown};

/// Runs the command; returns the exit status.
pub fn run(args: &TemplatesArgs) -> i32 {
    if let Some(dir) = &args.export {
        return match Templates::export(dir) {
            Ok(files) => {
                eprintln!(
                    "wrote {} files under {}; use them with --template-dir {}",
                    files.len(),
                    shown(dir),
                    shown(dir)
                );
                OK
            }
            Err(e) => {
                emit(e.diagnostic());
                INPUT
            }
        };
    }
    let templates = match Templates::new(args.template_dir.as_deref()) {
        Ok(t) => t,
        Err(e) => {
            emit(e.diagnostic());
            return USAGE;
        }
    };
    let mut status = OK;
    for name in templates.names() {
        match templates.info(&name) {
            Ok(info) => println!("{:<22} {}", info.name, info.description),
            Err(e) => {
                emit(e.diagnostic());
                status = INPUT;
            }
        }
    }
    status
}
