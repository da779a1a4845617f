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

use super::{INPUT, OK, USAGE, emit, emit_build_error, error, status_of};

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
    let dog =
        Watchdog::start(args.limits.limits(), args.template.template_dir.as_deref(), args.template.template.as_deref());
    for input in &args.inputs {
        let _watched = dog.watch(input);
        match engine.check(input) {
            Ok(drafted) => {
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
                emit_build_error(&e);
                errors += 1;
                status = status.max(status_of(&e));
            }
        }
    }
    let files = args.inputs.len();
    if status == OK {
        eprintln!(
            "checked {files} file{}: no errors{}",
            plural(files),
            if warnings > 0 { format!(", {warnings} warning{}", plural(warnings)) } else { String::new() }
        );
    } else {
        error(&format!("{errors} error{} in {files} file{}", plural(errors), plural(files)), &[]);
    }
    status
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
