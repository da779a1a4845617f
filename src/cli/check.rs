//! `zongjie check`: validate and lint; write nothing. Exits 1 if any file
//! has an error (lint warnings alone do not fail). With `--fix`, each file's
//! mechanical style faults are mended in place first (atomically, with a
//! diff on standard output); a file the fix would change in any other way
//! is left as it was, and that is an error.

use std::io::Write as _;
use std::path::Path;
use std::sync::Arc;

use crate::base::diag::escape_controls;

use crate::base::diag::Severity;
use crate::base::lang::Lang;
use crate::cli::args::CheckArgs;
use crate::compile::fonts::Fonts;
use crate::compile::world::Shared;
use crate::engine::watchdog::Watchdog;
use crate::engine::{BuildOptions, Engine};
use crate::render::Templates;

use super::{INPUT, OK, USAGE, emit, emit_build_error, error_in, shown, status_of};
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
        if args.fix && !fix(input) {
            errors += 1;
            status = status.max(INPUT);
        }
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

/// Mends the mechanical style faults of `input` in place, printing what
/// changed; false when the file should have been mended and was not.
/// A file that cannot be read or parsed is left to the check to report.
fn fix(input: &Path) -> bool {
    if crate::data::sheet::Kind::of(input).is_some() {
        return true;
    }
    let Ok(bytes) = crate::data::read_bytes(input) else { return true };
    // (A byte order mark is kept as it was.)
    let bom: &[u8] = if bytes.starts_with(b"\xEF\xBB\xBF") { b"\xEF\xBB\xBF" } else { b"" };
    let Ok(source) = crate::data::source_from_bytes(input, bytes) else { return true };
    let fixed = match crate::derive::lint::fix(&source) {
        Ok(Some(fixed)) => fixed,
        Ok(None) => return true,
        Err(why) => {
            error_in(Lang::Zh, msg!(FixRefused, file = shown(input), why = why), vec![msg!(FixRefusedHint)]);
            return false;
        }
    };
    if let Err(e) = write_in_place(input, &[bom, fixed.text.as_bytes()].concat()) {
        error_in(Lang::Zh, msg!(FixUnwritable, file = shown(input), why = crate::base::file::io_reason(&e)), vec![]);
        return false;
    }
    let name = shown(input);
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "--- {name}\n+++ {name}");
    for (line, old, new) in &fixed.lines {
        let _ = writeln!(out, "@@ -{line} +{line} @@\n-{}\n+{}", escape_controls(old), escape_controls(new));
    }
    // Only Chinese documents are mended.
    eprintln!("{}", msg!(FixedLines, lines = fixed.lines.len(), file = name).render(Lang::Zh));
    true
}

/// Replaces the file at `input` (or the one a symlink there points to)
/// with `bytes` atomically, keeping its permissions.
fn write_in_place(input: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let target = std::fs::canonicalize(input)?;
    let permissions = std::fs::metadata(&target)?.permissions();
    let dir = target.parent().unwrap_or(Path::new("."));
    let name = target.file_name().and_then(|n| n.to_str()).ok_or_else(|| std::io::Error::other("no file name"))?;
    crate::engine::output::replace(dir, name, bytes)?;
    std::fs::set_permissions(&target, permissions)
}
