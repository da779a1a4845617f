//! `zongjie watch`: builds the documents, then rebuilds each one whenever a
//! file it is made from changes (see [`crate::engine::watch`]), printing
//! what was written or why a save did not build; the last good outputs stay
//! until the next good save. Ctrl-C stops it (exit status 130), with no
//! file half-written.

use std::path::Path;

use crate::cli::args::{BuildArgs, WatchOptions};
use crate::engine::watch::{Outcome, Rebuilt, Session};
use crate::engine::{Engine, Target};

use super::build;
use super::{INPUT, emit_build_error, error, shown};

/// Runs the command; returns the exit status (when the watcher stops).
pub fn run(args: &BuildArgs, watch: WatchOptions) -> i32 {
    let (engine, plan) = match build::prepare(args, false) {
        Ok(prepared) => prepared,
        Err(status) => return status,
    };
    let mut session = match start(engine, plan.jobs, watch, args.verbose) {
        Ok(session) => session,
        Err(status) => return status,
    };
    let inputs: Vec<_> = session.targets().iter().map(|t| t.input.clone()).collect();
    eprintln!(
        "watching {} document{}{}; press Ctrl-C to stop",
        inputs.len(),
        if inputs.len() == 1 { "" } else { "s" },
        if watch.poll { " (reading the folders twice a second)" } else { "" }
    );
    let verbose = args.verbose;
    session.run(&mut |rebuilt| report(rebuilt, &inputs[rebuilt.index], verbose));
    error("the file watcher stopped", &["start `zongjie watch` again, or use --poll"]);
    INPUT
}

/// Sweeps what a killed run left in the output folders and starts
/// watching; a watcher that cannot start is printed, its status returned.
pub(super) fn start(engine: Engine, targets: Vec<Target>, watch: WatchOptions, verbose: bool) -> Result<Session, i32> {
    build::sweep(&targets, verbose);
    Session::new(engine, targets, watch.poll).map_err(|e| {
        error(
            &format!("cannot watch the files: {e}"),
            &["with --poll the folders are read for changes instead (network shares, WSL)"],
        );
        INPUT
    })
}

/// Prints what one build gave.
pub(super) fn report(rebuilt: &Rebuilt, input: &Path, verbose: bool) {
    let took = rebuilt.took.as_secs_f64() * 1000.0;
    let timing = match rebuilt.waited {
        Some(waited) => format!(" in {took:.0} ms ({:.0} ms after the change)", waited.as_secs_f64() * 1000.0),
        None => format!(" in {took:.0} ms"),
    };
    match &rebuilt.outcome {
        Outcome::Written { built, paths } => {
            build::warn(built);
            build::written(built, paths, verbose, &timing);
        }
        Outcome::Unwritten { built, message } => {
            build::warn(built);
            error(message, &["the earlier outputs were left as they were"]);
        }
        Outcome::Failed(e) => {
            emit_build_error(e);
            error(
                &format!("{} was not rebuilt; its last good outputs are kept", shown(input)),
                &["it is built again at its next save"],
            );
        }
    }
}
