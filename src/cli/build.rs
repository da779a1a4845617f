//! `zongjie build`: every input to every format, on `-j N` threads in one
//! process sharing fonts, templates and Typst's library. A bad file stops
//! nothing: the others are built, a summary names each failure, and the exit
//! status is 1 (3 if zongjie itself is at fault).

use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use crate::base::diag::Severity;
use crate::base::lang::Lang;
use crate::base::msg::{List, Message, msg};
use crate::cli::args::BuildArgs;
use crate::compile::fonts::{Fonts, Role};
use crate::compile::world::Shared;
use crate::engine::output;
use crate::engine::watchdog::Watchdog;
use crate::engine::{BuildOptions, Built, Engine, Format, Target, Timings};
use crate::render::Templates;

use super::{INPUT, OK, USAGE, emit, emit_build_error, error, error_in, shown};

/// A validated build: what to build, where, how.
pub(super) struct Plan {
    /// Each input and where its outputs go.
    pub(super) jobs: Vec<Target>,
    threads: usize,
}

/// Runs the command; returns the exit status.
pub fn run(args: &BuildArgs) -> i32 {
    let (engine, plan) = match prepare(args, false) {
        Ok(prepared) => prepared,
        Err(status) => return status,
    };
    // What a killed run (SIGKILL) may have left in the output folders.
    sweep(&plan.jobs, args.verbose);
    let dog =
        Watchdog::start(args.limits.limits(), args.template.template_dir.as_deref(), args.template.template.as_deref());
    if args.verbose && plan.jobs.len() > 1 {
        eprintln!("building {} documents on {} threads", plan.jobs.len(), plan.threads);
    }
    let progress = Progress::new(plan.jobs.len());
    let failures: Mutex<Vec<(PathBuf, String, i32)>> = Mutex::new(Vec::new());
    let langs: Mutex<Vec<Lang>> = Mutex::new(Vec::new());
    let totals: Mutex<Timings> = Mutex::new(Timings::default());
    let next = AtomicUsize::new(0);
    let started = Instant::now();
    std::thread::scope(|scope| {
        for _ in 0..plan.threads {
            scope.spawn(|| {
                while let Some(job) = plan.jobs.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let watched = dog.watch(&job.input);
                    let result = build_one(&engine, job, args.verbose, &progress);
                    drop(watched);
                    progress.inc();
                    if let Ok(mut l) = langs.lock() {
                        l.push(match &result {
                            Ok((_, lang)) | Err((_, _, lang)) => *lang,
                        });
                    }
                    match result {
                        Ok((timings, _)) => {
                            if let Ok(mut t) = totals.lock() {
                                *t += timings;
                            }
                        }
                        Err((summary, code, _)) => {
                            if let Ok(mut f) = failures.lock() {
                                f.push((job.input.clone(), summary, code));
                            }
                        }
                    }
                    // Keep memory flat over long batches: drop what the last two
                    // documents did not use.
                    comemo::evict(2);
                }
            });
        }
    });
    progress.finish();
    let failures = failures.into_inner().unwrap_or_default();
    let built = plan.jobs.len() - failures.len();
    let elapsed = started.elapsed();
    if args.verbose && plan.jobs.len() > 1 {
        let t = totals.into_inner().unwrap_or_default();
        let per = |d: std::time::Duration| format!("{:.2} ms", d.as_secs_f64() * 1000.0 / built.max(1) as f64);
        eprintln!(
            "total: {built} document{} in {elapsed:.2?} ({:.1} docs/s); per document: load {}, derive {}, render {}, markdown→typst {}, compile {}, pdf {}, writing and the rest {}",
            if built == 1 { "" } else { "s" },
            built as f64 / elapsed.as_secs_f64().max(1e-9),
            per(t.load),
            per(t.derive),
            per(t.render),
            per(t.convert),
            per(t.compile),
            per(t.export),
            per((elapsed * plan.threads as u32)
                .saturating_sub(t.load + t.derive + t.render + t.convert + t.compile + t.export)),
        );
    }
    let lang = common_lang(&langs.into_inner().unwrap_or_default());
    if failures.is_empty() {
        if plan.jobs.len() > 1 {
            let elapsed = format!("{elapsed:.1?}");
            eprintln!("{}", msg!(BuiltDocuments, count = built, elapsed = elapsed).render(lang));
        }
        return OK;
    }
    let mut failures = failures;
    failures.sort();
    let lines: Vec<String> = failures
        .iter()
        .map(|(p, s, _)| if s.starts_with(&shown(p)) { s.clone() } else { format!("{}: {s}", shown(p)) })
        .collect();
    let summary = match plan.jobs.len() {
        1 => msg!(OneDocumentFailed),
        total => msg!(DocumentsFailed, failed = failures.len(), total = total, built = built),
    };
    error_in(lang, summary, lines.into_iter().map(Message::verbatim).collect());
    failures.iter().map(|(_, _, c)| *c).max().unwrap_or(INPUT)
}

/// Checks the arguments and makes the engine: templates, the Word styles,
/// fonts (scanned once for every document). `pages`: lay the pages out as
/// pictures too (`serve`). An error is printed; its exit status returned.
pub(super) fn prepare(args: &BuildArgs, pages: bool) -> Result<(Engine, Plan), i32> {
    let plan = plan(args)?;
    let templates = match Templates::new(args.template.template_dir.as_deref()) {
        Ok(t) => t,
        Err(e) => {
            emit(e.diagnostic());
            return Err(USAGE);
        }
    };
    let formats: Vec<Format> = args.formats.clone();
    let reference_docx = match &args.reference_docx {
        None => None,
        Some(path) => {
            let read = std::fs::read(path)
                .map_err(|e| msg!(CannotBeRead, reason = crate::base::file::io_reason(&e)))
                .and_then(|bytes| crate::write::docx::Reference::read(&bytes));
            match read {
                Ok(reference) => Some(Arc::new(reference)),
                Err(why) => {
                    error(msg!(BadReferenceDocx, file = shown(path), why = why), vec![msg!(GiveAReferenceDocx)]);
                    return Err(USAGE);
                }
            }
        }
    };
    let t = Instant::now();
    let fonts = Fonts::load(&args.fonts.options());
    super::warn_skipped_fonts(&fonts);
    if args.verbose {
        let cache = match &fonts.cache {
            Some(file) => format!("{} of them known from the cache {}", fonts.cached, shown(file)),
            None => "no font cache".to_owned(),
        };
        eprintln!("fonts: {} faces scanned in {:.0?} ({cache})", fonts.len(), t.elapsed());
    }
    let engine = Engine {
        templates,
        shared: Shared { fonts: Arc::new(fonts), epoch: args.source_date_epoch },
        options: BuildOptions {
            template: args.template.template.clone(),
            formats,
            draft: args.draft,
            today: chrono::Local::now().date_naive(),
            reference_docx,
            pages,
        },
    };
    Ok((engine, plan))
}

/// Removes what a killed run (SIGKILL) may have left in the output folders.
pub(super) fn sweep(targets: &[Target], verbose: bool) {
    let mut dirs: Vec<&Path> = targets.iter().map(|j| j.out_dir.as_path()).collect();
    dirs.sort_unstable();
    dirs.dedup();
    for dir in dirs {
        let removed = crate::base::atomic::sweep_stale(dir);
        if removed > 0 && verbose {
            eprintln!("removed {removed} temporary files a killed run left in {}", shown(dir));
        }
    }
}

/// A progress bar on a terminal (several documents); plain lines otherwise.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
}

impl Progress {
    fn new(total: usize) -> Progress {
        let terminal = std::io::stderr().is_terminal() && total > 1;
        let bar = terminal.then(|| {
            let color = super::color() != codespan_reporting::term::termcolor::ColorChoice::Never;
            let template = if color {
                "{spinner:.green} [{elapsed_precise}] {bar:40.cyan/blue} {pos}/{len} documents ({per_sec}, {eta} left)"
            } else {
                "[{elapsed_precise}] {bar:40} {pos}/{len} documents ({per_sec}, {eta} left)"
            };
            let style = indicatif::ProgressStyle::with_template(template)
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
                .progress_chars("=> ");
            indicatif::ProgressBar::new(total as u64).with_style(style)
        });
        Progress { bar }
    }

    /// Prints without tearing the bar.
    fn print<R>(&self, f: impl FnOnce() -> R) -> R {
        match &self.bar {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }

    fn inc(&self) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// Builds one document and writes its files; prints what happened (on a
/// terminal with many documents, only problems: the bar shows the rest).
fn build_one(
    engine: &Engine,
    job: &Target,
    verbose: bool,
    progress: &Progress,
) -> Result<(Timings, Lang), (String, i32, Lang)> {
    let built: Built = match engine.build(&job.input) {
        Ok(b) => b,
        Err(e) => {
            progress.print(|| emit_build_error(&e));
            return Err((e.summary(), super::status_of(&e), e.lang()));
        }
    };
    progress.print(|| warn(&built));
    match output::write_target(job, &built.files) {
        Ok(_) if progress.bar.is_some() && !verbose => Ok((built.timings, built.lang)),
        Ok(paths) => {
            progress.print(|| written(&built, &paths, verbose, None));
            Ok((built.timings, built.lang))
        }
        Err(message) => {
            let shown = message.render(built.lang);
            progress.print(|| error_in(built.lang, message, vec![msg!(EarlierOutputsKept)]));
            Err((shown, INPUT, built.lang))
        }
    }
}

/// The language of a batch's summary: its documents' if they share one,
/// else the environment's.
pub(super) fn common_lang(langs: &[Lang]) -> Lang {
    match langs.split_first() {
        Some((first, rest)) if rest.iter().all(|l| l == first) => *first,
        _ => crate::base::msg::env_lang(),
    }
}

/// Prints a built document's lint findings and Typst warnings.
pub(super) fn warn(built: &Built) {
    for w in &built.warnings {
        let mut w = w.clone();
        w.severity = Severity::Warning;
        emit(&w);
    }
}

/// Prints which files were written (with `after` at the end of the line),
/// and with `verbose` the fonts of each role and the time of each stage.
pub(super) fn written(built: &Built, paths: &[PathBuf], verbose: bool, after: Option<Message>) {
    let names: Vec<String> = paths.iter().map(|p| shown(p)).collect();
    let mut err = std::io::stderr().lock();
    let line = match after {
        Some(after) => msg!(WroteAfter, files = List(names), after = after),
        None if names.is_empty() => msg!(WroteNothing),
        None => msg!(Wrote, files = List(names)),
    };
    let _ = writeln!(err, "{}", line.render(built.lang));
    if !verbose {
        return;
    }
    for role in Role::ALL {
        let families = built.fonts.get(role);
        let _ = writeln!(
            err,
            "  font {:<12} {}",
            role.key(),
            if families.is_empty() { "(none installed)".into() } else { families.join(", ") }
        );
    }
    if !built.fonts.fallback.is_empty() {
        let _ = writeln!(err, "  font {:<12} {}", "fallback", built.fonts.fallback.join(", "));
    }
    if !built.fonts.private_use.is_empty() {
        let _ = writeln!(err, "  font {:<12} {}", "private use", built.fonts.private_use.join(", "));
    }
    let t = built.timings;
    let _ = writeln!(
        err,
        "  time load {:.1?}, derive {:.1?}, render {:.1?}, markdown→typst {:.1?}, compile {:.1?}, pdf {:.1?}",
        t.load, t.derive, t.render, t.convert, t.compile, t.export
    );
}

/// Checks the arguments before any work: formats make sense, no two inputs
/// share an output name. An input that cannot be read is one failure of the
/// batch, named in its summary, like any other bad file.
fn plan(args: &BuildArgs) -> Result<Plan, i32> {
    for input in &args.inputs {
        let ext = input.extension().and_then(|e| e.to_str()).unwrap_or("");
        if input.is_dir() {
            let hint = msg!(NameDataFilesIn, pattern = shown(&input.join("*.yaml")));
            error(msg!(IsAFolder, file = shown(input)), vec![hint]);
            return Err(USAGE);
        }
        if !matches!(ext, "yaml" | "yml" | "md") {
            error(msg!(NotADataFileName, file = shown(input)), vec![]);
            return Err(USAGE);
        }
    }
    if args.formats.is_empty() {
        error(msg!(NoFormat), vec![msg!(UseFormats)]);
        return Err(USAGE);
    }
    let mut seen: BTreeMap<(PathBuf, String), &Path> = BTreeMap::new();
    let mut jobs = Vec::new();
    for input in &args.inputs {
        let stem = input.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let out_dir = match &args.out_dir {
            Some(dir) => dir.clone(),
            None => input.parent().map_or_else(
                || PathBuf::from("."),
                |p| if p.as_os_str().is_empty() { PathBuf::from(".") } else { p.to_path_buf() },
            ),
        };
        let key_dir = out_dir.canonicalize().unwrap_or_else(|_| out_dir.clone());
        if let Some(other) = seen.insert((key_dir, stem.clone()), input) {
            error(
                msg!(BothWrite, first = shown(other), second = shown(input), output = shown(&out_dir.join(&stem))),
                vec![msg!(RenameOrOutDir)],
            );
            return Err(USAGE);
        }
        jobs.push(Target { input: input.clone(), out_dir, stem });
    }
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    // More threads than cores only add memory: each holds a document.
    let threads = args.jobs.unwrap_or(cores).clamp(1, cores.max(1)).min(jobs.len().max(1));
    Ok(Plan { jobs, threads })
}
