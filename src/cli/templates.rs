//! `zongjie templates`: lists the templates with what each is for, or
//! writes the built-in template files out to edit (`--export DIR`).

use crate::base::msg::msg;
use crate::cli::args::TemplatesArgs;
use crate::render::Templates;

use super::{INPUT, OK, USAGE, emit, error, shown};

/// Runs the command; returns the exit status.
pub fn run(args: &TemplatesArgs) -> i32 {
    if let Some(dir) = &args.export {
        // The Word styles, to restyle in Word and give back with
        // --reference-docx: made first, so that nothing is written if one fails.
        let mut references = Vec::new();
        for (lang, name) in [(crate::data::Lang::Zh, "reference.zh.docx"), (crate::data::Lang::En, "reference.en.docx")]
        {
            let path = dir.join(name);
            if path.exists() {
                error(
                    msg!(AlreadyHoldsTemplates, folder = shown(dir)),
                    vec![msg!(FirstExistingFile, file = name), msg!(ExportIntoEmpty)],
                );
                return INPUT;
            }
            match crate::write::docx::default_reference(lang) {
                Ok(bytes) => references.push((path, bytes)),
                Err(e) => {
                    error(msg!(ReferenceNotMade, reason = e.0.as_str()), vec![]);
                    return INPUT;
                }
            }
        }
        return match Templates::export(dir).and_then(|mut files| {
            for (path, bytes) in references {
                std::fs::write(&path, bytes).map_err(|e| {
                    crate::render::TemplateError(Box::new(
                        crate::base::diag::Diagnostic::error(msg!(
                            CannotWrite,
                            reason = crate::base::file::io_reason(&e)
                        ))
                        .in_file(&path),
                    ))
                })?;
                files.push(path);
            }
            Ok(files)
        }) {
            Ok(files) => {
                let line = msg!(WroteTemplateFiles, count = files.len(), folder = shown(dir));
                eprintln!("{}", line.render(crate::base::msg::env_lang()));
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
    let mut out = String::new();
    for name in templates.names() {
        match templates.info(&name) {
            Ok(info) => out.push_str(&format!("{:<22} {}\n", info.name, info.description)),
            Err(e) => {
                emit(e.diagnostic());
                status = INPUT;
            }
        }
    }
    super::print_listing(&out);
    status
}
