//! zongjie (总结, "summary") drafts the work summaries offices send upward:
//! YAML progress data in; Markdown and PDF out, in English and in Chinese
//! after GB/T 9704-2012. The pipeline is a fold of pure stages:
//!
//! ```text
//! load (data) → derive (figures, rollup) → render Markdown (template) →
//! Markdown→Typst (typst_writer) → compile (world, compile)
//! ```
//! The binary is a thin wrapper around [`run`].

pub mod chart;
pub mod cli;
pub mod commands;
pub mod compile;
pub mod data;
pub mod diag;
pub mod engine;
pub mod figures;
pub mod fonts;
pub mod format;
pub mod html;
pub mod lint;
pub mod mdfile;
pub mod output;
pub mod preflight;
pub mod rollup;
pub mod template;
pub mod typst_source;
pub mod typst_writer;
pub mod world;

use clap::Parser;

/// Parses the command line, runs the command, returns the exit status.
pub fn run() -> i32 {
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { commands::USAGE } else { commands::OK };
        }
    };
    install_interrupt_handler();
    match &cli.command {
        cli::Command::Build(args) => commands::build::run(args),
        cli::Command::Check(args) => commands::check::run(args),
        cli::Command::New(args) => commands::new::run(args),
        cli::Command::Templates(args) => commands::templates::run(args),
        cli::Command::Fonts(args) => commands::fonts::run(args),
    }
}

/// On Ctrl-C or termination: remove the temporary files being written and
/// exit 130. Finished outputs stay; unfinished ones never appear.
fn install_interrupt_handler() {
    let _ = ctrlc::set_handler(|| {
        output::remove_pending();
        eprintln!("\ninterrupted: no partial output was left behind");
        std::process::exit(commands::INTERRUPTED);
    });
}
