//! `zongjie watch`: builds the documents, then rebuilds each one whenever a
//! file it is made from changes (see [`crate::engine::watch`]), printing
//! what was written or why a save did not build; the last good outputs stay
//! until the next good save. Ctrl-C stops it (exit status 130), with no
//! file half-written.

use std::path::Path;

use crate::cli::args::{BuildArgs, WatchOptions};
use crate::engine::watch::{Outcome, Rebuilt, Session};
use crate::engine::watchdog::Watchdog;
use crate::engine::{Engine, Target};

use super::build;
use super::{INPUT, emit_build_error, error, error_in, shown};
use crate::base::msg::msg;

/// Runs the command; returns the exit status (when the watcher stops).
pub fn run(args: &BuildArgs, watch: WatchOptions) -> i32 {
    let (engine, plan) = match build::prepare(args, false) {
        Ok(prepared) => prepared,
        Err(status) => return status,
    };
    let mut session = match start(engine, plan.jobs, watch, args) {
        Ok(session) => session,
        Err(status) => return status,
    };
    let inputs: Vec<_> = session.targets().iter().map(|t| t.input.clone()).collect();
    let lang = crate::base::msg::env_lang();
    let watching = match (inputs.len(), watch.poll) {
        (1, false) => msg!(WatchingOne),
        (1, true) => msg!(WatchingOnePolled),
        (n, false) => msg!(WatchingMany, count = n),
        (n, true) => msg!(WatchingManyPolled, count = n),
    };
    eprintln!("{}", watching.render(lang));
    let verbose = args.verbose;
    session.run(&mut |rebuilt| report(rebuilt, &inputs[rebuilt.index], verbose));
    error(msg!(WatcherStopped), vec![msg!(StartWatchAgain)]);
    INPUT
}

/// Sweeps what a killed run left in the output folders and starts
/// watching, each build under the run's limits (a build that passes one
/// ends the watcher, as it ends `build`: Typst cannot be interrupted); a
/// watcher that cannot start is printed, its status returned.
pub(super) fn start(
    engine: Engine,
    targets: Vec<Target>,
    watch: WatchOptions,
    args: &BuildArgs,
) -> Result<Session, i32> {
    build::sweep(&targets, args.verbose);
    let dog =
        Watchdog::start(args.limits.limits(), args.template.template_dir.as_deref(), args.template.template.as_deref());
    Session::new(engine, targets, watch.poll, dog).map_err(|e| {
        error(msg!(CannotWatch, reason = crate::base::file::error_reason(&e)), vec![msg!(UsePoll)]);
        INPUT
    })
}

/// Prints what one build gave (a failure told once, not again for each
/// rebuild that fails the same way).
pub(super) fn report(rebuilt: &Rebuilt, input: &Path, verbose: bool) {
    if rebuilt.repeated {
        return;
    }
    let took = rebuilt.took.as_secs_f64() * 1000.0;
    let took = format!("{took:.0}");
    let timing = match rebuilt.waited {
        Some(waited) => msg!(TookAfterChange, took = took, waited = format!("{:.0}", waited.as_secs_f64() * 1000.0)),
        None => msg!(Took, took = took),
    };
    match &rebuilt.outcome {
        Outcome::Written { built, paths } => {
            build::warn(built);
            build::written(built, paths, verbose, Some(timing));
        }
        Outcome::Unwritten { built, message } => {
            build::warn(built);
            error_in(built.lang, message.clone(), vec![msg!(EarlierOutputsLeft)]);
        }
        Outcome::Failed(e) => {
            emit_build_error(e);
            error_in(e.lang(), msg!(NotRebuilt, file = shown(input)), vec![msg!(BuiltAtNextSave)]);
        }
    }
}
