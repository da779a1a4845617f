//! `zongjie check`: validate and lint; write nothing. Exits 1 if any file
//! has an error (lint warnings alone do not fail).

use std::sync::Arc;

use crate::base::diag::Severity;
use crate::cli::args::CheckArgs;
use crate::compile::fonts::Fonts;
use crate::compile::world::Shared;
use crate::engine::watchdog::Watchdog;
use crate::engine::{BuildOptions, Engine};
use crate::render::Templates;

use super::{INPUT, OK, USAGE, emit, emit_build_error, error_in, status_of};
use crate::base::msg::msg;

/// Runs the command; returns the exit status.
pub fn run(args: &CheckArgs) -> i32 {
    let templates = match Templates::new(args.template.template_dir.as_deref()) {
        Ok(t) => t,
        Err(e) => {
            emit(e.diagnostic());
            return USAGE;
        }
    };
    // The fonts a build would have: check refuses a character none has,
    // as build does.
    let fonts = Fonts::load(&args.fonts.options());
    super::warn_skipped_fonts(&fonts);
    let engine = Engine {
        templates,
        shared: Shared { fonts: Arc::new(fonts), epoch: None },
        options: BuildOptions {
            template: args.template.template.clone(),
            formats: Vec::new(),
            draft: false,
            today: chrono::Local::now().date_naive(),
            reference_docx: None,
            pages: false,
        },
    };
    let mut status = OK;
    let (mut errors, mut warnings) = (0, 0);
    let mut langs = Vec::new();
    let dog =
        Watchdog::start(args.limits.limits(), args.template.template_dir.as_deref(), args.template.template.as_deref());
    for input in &args.inputs {
        let _watched = dog.watch(input);
        match engine.check(input) {
            Ok(drafted) => {
                langs.push(drafted.lang);
                for finding in &drafted.findings {
                    emit(finding);
                    match finding.severity {
                        Severity::Error => errors += 1,
                        Severity::Warning => warnings += 1,
                    }
                }
                if drafted.findings.iter().any(|f| f.severity == Severity::Error) {
                    status = INPUT;
                }
            }
            Err(e) => {
                langs.push(e.lang());
                emit_build_error(&e);
                errors += 1;
                status = status.max(status_of(&e));
            }
        }
    }
    let files = args.inputs.len();
    let lang = super::build::common_lang(&langs);
    if status == OK {
        let line = match (files, warnings) {
            (1, 0) => msg!(CheckedOneClean),
            (1, 1) => msg!(CheckedOneWarning),
            (1, w) => msg!(CheckedOneWarnings, warnings = w),
            (f, 0) => msg!(CheckedClean, files = f),
            (f, 1) => msg!(CheckedWarning, files = f),
            (f, w) => msg!(CheckedWarnings, files = f, warnings = w),
        };
        eprintln!("{}", line.render(lang));
    } else {
        let line = match (errors, files) {
            (1, 1) => msg!(OneErrorOneFile),
            (e, 1) => msg!(ErrorsOneFile, errors = e),
            (1, f) => msg!(OneErrorFiles, files = f),
            (e, f) => msg!(ErrorsFiles, errors = e, files = f),
        };
        error_in(lang, line, vec![]);
    }
    status
}
