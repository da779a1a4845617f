//! One module per subcommand; this one holds what they share: printing
//! diagnostics and turning arguments into a validated configuration.

pub mod args;
pub mod build;
pub mod check;
pub mod fonts;
pub mod form;
pub mod new;
pub mod schema;
pub mod serve;
pub mod templates;
pub mod watch;

use std::io::{IsTerminal, Write};

use clap::Parser as _;
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream, WriteColor};

use crate::base::diag::Diagnostic;
use crate::base::lang::Lang;
use crate::base::msg::{Message, msg};
use crate::engine::BuildError;

/// Exit status: success.
pub const OK: i32 = 0;
/// Exit status: the input is wrong.
pub const INPUT: i32 = 1;
/// Exit status: usage error.
pub const USAGE: i32 = 2;
/// Exit status: a bug of ours.
pub const INTERNAL: i32 = 3;
/// Exit status: interrupted.
pub const INTERRUPTED: i32 = 130;

/// Whether to color messages: only on a terminal, and never with NO_COLOR.
pub fn color() -> ColorChoice {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    if std::io::stderr().is_terminal() && !no_color { ColorChoice::Auto } else { ColorChoice::Never }
}

/// Standard error, colored where it should be.
pub fn stderr() -> StandardStream {
    StandardStream::stderr(color())
}

/// Prints a diagnostic to standard error.
pub fn emit(diagnostic: &Diagnostic) {
    let mut err = stderr();
    if diagnostic.emit(&mut err).is_err() {
        let _ = writeln!(err, "error: {diagnostic}");
    }
}

/// Prints a plain `error:` line with hints, in the environment's language
/// (an error of the command line, about no document).
pub fn error(message: Message, hints: Vec<Message>) {
    let mut d = Diagnostic::error(message);
    d.hints = hints;
    emit(&d);
}

/// Prints a plain `error:` line with hints, in `lang`.
pub fn error_in(lang: Lang, message: Message, hints: Vec<Message>) {
    let mut d = Diagnostic::error(message).in_lang(lang);
    d.hints = hints;
    emit(&d);
}

/// The exit status of a failed document: 3 when Typst refused a source that
/// is ours alone (a bug of zongjie), 1 for everything the input is wrong
/// about. The one place an error becomes a status.
pub fn status_of(error: &BuildError) -> i32 {
    match error {
        BuildError::Typst { ours: true, .. } => INTERNAL,
        _ => INPUT,
    }
}

/// Prints why a document failed.
pub fn emit_build_error(error: &BuildError) {
    let (typst, diagnostic) = explain(error);
    if let Some(rendered) = typst {
        let mut err = stderr();
        let _ = err.write_all(crate::base::diag::escape_controls(&rendered).as_bytes());
        let _ = err.reset();
    }
    emit(&diagnostic);
}

/// Why a document failed, as plain text (file, line, the line itself with a
/// caret, hints), as [`emit_build_error`] prints it.
pub fn build_error_text(error: &BuildError) -> String {
    let (typst, diagnostic) = explain(error);
    let mut text = typst.map(|t| crate::base::diag::escape_controls(&t)).unwrap_or_default();
    text.push_str(&diagnostic.to_plain_text());
    text
}

/// Typst's own rendering of its diagnostics, where it is Typst that failed,
/// and the diagnostic that says what failed.
fn explain(error: &BuildError) -> (Option<String>, Diagnostic) {
    match error {
        BuildError::Data(e) => (None, e.diagnostic().clone()),
        BuildError::Template(e) => (None, e.diagnostic().clone()),
        BuildError::Input(d) => (None, d.as_ref().clone()),
        BuildError::Typst { error, kept, ours, lang } => {
            let mut d = Diagnostic::error(if *ours { msg!(TypstRefusedOurs) } else { msg!(TypstRefusedStyle) });
            if let Some(lang) = lang {
                d = d.in_lang(*lang);
            }
            if let Some(path) = kept {
                d = d.hint(msg!(SourceKeptAt, file = shown(path)));
            }
            if *ours {
                d = d.hint(msg!(PleaseReport));
            }
            (Some(error.rendered(d.shown_lang())), d)
        }
    }
}

/// A warning for each font file left out because it cannot be read
/// sensibly (a damaged character map).
pub fn warn_skipped_fonts(fonts: &crate::compile::fonts::Fonts) {
    for (path, why) in &fonts.skipped {
        emit(&Diagnostic::warning(msg!(FontSkipped, why = why.reason())).in_file(path).hint(msg!(RemoveTheFont)));
    }
}

/// The templates (with the user's folder `dir`) and the template `name`;
/// an error is printed and the usage status returned.
pub fn template(
    dir: Option<&std::path::Path>,
    name: &str,
) -> Result<(crate::render::Templates, crate::render::TemplateInfo), i32> {
    let templates = crate::render::Templates::new(dir).map_err(|e| {
        emit(e.diagnostic());
        USAGE
    })?;
    let info = templates.info(name).map_err(|e| {
        emit(e.diagnostic());
        USAGE
    })?;
    Ok((templates, info))
}

/// The path to show for a file: as given, with control characters escaped.
pub fn shown(path: &std::path::Path) -> String {
    crate::base::diag::shown_path(path)
}

/// Parses the command line, runs the command, returns the exit status.
pub fn run() -> i32 {
    let cli = match args::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            if !e.use_stderr() || crate::base::msg::env_lang() == Lang::En || !usage_error(&e) {
                let _ = e.print();
            }
            return if e.use_stderr() { USAGE } else { OK };
        }
    };
    install_interrupt_handler();
    crate::base::guard::install();
    match &cli.command {
        args::Command::Build(args) => build::run(args),
        args::Command::Check(args) => check::run(args),
        args::Command::New(args) => new::run(args),
        args::Command::Form(args) => form::run(args),
        args::Command::Templates(args) => templates::run(args),
        args::Command::Fonts(args) => fonts::run(args),
        args::Command::Watch(args) => watch::run(&args.build, args.watch),
        args::Command::Serve(args) => serve::run(args),
        args::Command::Schema(args) => schema::run(args),
    }
}

/// Writes a listing to standard output; a reader that stops early
/// (`zongjie fonts | head`) ends it quietly, without a panic.
pub(crate) fn print_listing(text: &str) {
    use std::io::Write as _;
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}

/// Prints a usage error of the command line in Chinese: what is wrong in
/// the catalogue's words, then clap's usage line as clap writes it. False
/// for an error it has no words for, which clap then prints itself.
fn usage_error(e: &clap::Error) -> bool {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let text = |kind: ContextKind| match e.get(kind) {
        Some(ContextValue::Strings(values)) => Some(values.join("、")),
        Some(value) => Some(value.to_string()),
        None => None,
    };
    let arg = text(ContextKind::InvalidArg).unwrap_or_default();
    let message = match e.kind() {
        ErrorKind::UnknownArgument => msg!(UnknownArgument, arg = arg),
        ErrorKind::InvalidSubcommand => {
            msg!(UnknownSubcommand, command = text(ContextKind::InvalidSubcommand).unwrap_or_default())
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            msg!(InvalidArgValue, arg = arg, value = text(ContextKind::InvalidValue).unwrap_or_default())
        }
        ErrorKind::MissingRequiredArgument => msg!(MissingArguments, args = arg),
        ErrorKind::ArgumentConflict => {
            msg!(ArgumentsConflict, arg = arg, other = text(ContextKind::PriorArg).unwrap_or_default())
        }
        ErrorKind::NoEquals | ErrorKind::TooManyValues | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            msg!(WrongArgumentUse, arg = arg)
        }
        _ => return false,
    };
    let mut d = Diagnostic::error(message).in_lang(Lang::Zh);
    if let Some(ContextValue::Strings(valid)) = e.get(ContextKind::ValidValue) {
        d = d.hint(msg!(PossibleValues, values = crate::base::msg::Names(valid.clone())));
    }
    if let Some(suggested) = text(ContextKind::SuggestedArg).or_else(|| text(ContextKind::SuggestedSubcommand)) {
        d = d.hint(msg!(DidYouMean, name = suggested));
    }
    d = d.hint(msg!(TryHelp));
    emit(&d);
    // clap's usage line, as clap writes it.
    let rendered = e.render().to_string();
    if let Some(usage) = rendered.lines().find(|l| l.starts_with("Usage:")) {
        eprintln!("{usage}");
    }
    true
}

/// On Ctrl-C or termination: remove the temporary files being written and
/// exit 130. Finished outputs stay; unfinished ones never appear.
fn install_interrupt_handler() {
    let _ = ctrlc::set_handler(|| {
        crate::engine::output::remove_pending();
        eprintln!("\n{}", msg!(Interrupted).render(crate::base::msg::env_lang()));
        std::process::exit(INTERRUPTED);
    });
}
