//! The command line, as DESIGN.md gives it. Help text comes from the doc
//! comments; environment variables are bound on the arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// zongjie drafts work summaries: YAML progress data in, Markdown and PDF out,
/// in English and Chinese (GB/T 9704-2012).
#[derive(Debug, Parser)]
#[command(name = "zongjie", version, about, max_term_width = 100)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build documents from data files (.yaml) or edited Markdown (.md).
    Build(BuildArgs),
    /// Validate and lint data files; write nothing (with --fix, mend the
    /// mechanical style faults of Chinese text in the files first).
    Check(CheckArgs),
    /// Write a starter data file for a template (never overwrites).
    New(NewArgs),
    /// Write a bulletin's fill-in forms (填报表): one per unit of its
    /// `roster:`, asking for the metrics of `collect:` with the unit's
    /// targets, to send out and read back (never overwrites).
    Form(FormArgs),
    /// List the templates, or write the built-in ones out to edit.
    Templates(TemplatesArgs),
    /// List the fonts zongjie can use and which font each role gets.
    ///
    /// What each font covers is kept in a font cache (in the user's cache
    /// folder, or ZONGJIE_CACHE_DIR; an empty ZONGJIE_CACHE_DIR turns it
    /// off). A changed font is read again.
    Fonts(FontArgs),
    /// Build, then rebuild each document whenever its data file, a unit
    /// return it rolls up, an image it uses or a file of --template-dir
    /// changes. A broken save prints its error and keeps the last good
    /// outputs; Ctrl-C stops (exit status 130).
    Watch(WatchArgs),
    /// Show the documents' pages in the browser, on 127.0.0.1 only,
    /// updated on every save (the outputs are written as `watch` writes
    /// them, and offered for download).
    Serve(ServeArgs),
    /// Write a template's data as a JSON Schema (draft-07), for editors
    /// that complete and check YAML (VS Code's YAML extension).
    Schema(SchemaArgs),
}

/// Which template, and where user templates live.
#[derive(Debug, Args, Clone, Default)]
pub struct TemplateArgs {
    /// The template to use; wins over the data's `template:`.
    #[arg(short = 't', long = "template", value_name = "NAME")]
    pub template: Option<String>,
    /// A folder of templates: its files override the built-in ones.
    #[arg(long = "template-dir", value_name = "DIR", env = "ZONGJIE_TEMPLATE_DIR")]
    pub template_dir: Option<PathBuf>,
}

/// Where fonts come from.
#[derive(Debug, Args, Clone, Default)]
pub struct FontArgs {
    /// An extra folder of fonts (repeatable).
    #[arg(long = "font-path", value_name = "DIR", env = "ZONGJIE_FONT_PATHS", value_delimiter = if cfg!(windows) { ';' } else { ':' })]
    pub font_paths: Vec<PathBuf>,
    /// Do not use the system's fonts (only embedded and --font-path ones).
    #[arg(long = "no-system-fonts")]
    pub no_system_fonts: bool,
}

impl FontArgs {
    /// Where to look for fonts, with the font cache of this user.
    pub fn options(&self) -> crate::compile::fonts::FontOptions {
        crate::compile::fonts::FontOptions {
            paths: self.font_paths.clone(),
            system: !self.no_system_fonts,
            cache_dir: crate::compile::fonts::cache_dir(),
        }
    }
}

/// Limits of a run (see `engine::watchdog`).
#[derive(Debug, Args)]
pub struct LimitArgs {
    /// End the run when one document takes longer than this (seconds).
    #[arg(long, value_name = "SECS", default_value_t = crate::engine::watchdog::DEFAULT_TIMEOUT_SECS,
          value_parser = clap::value_parser!(u64).range(1..))]
    pub timeout: u64,
    /// End the run when it holds more memory than this (MB; Linux).
    #[arg(long = "max-memory", value_name = "MB", default_value_t = crate::engine::watchdog::DEFAULT_MAX_MEMORY_MB,
          value_parser = clap::value_parser!(u64).range(64..))]
    pub max_memory: u64,
}

impl LimitArgs {
    /// The limits.
    pub fn limits(&self) -> crate::engine::watchdog::Limits {
        crate::engine::watchdog::Limits {
            timeout: std::time::Duration::from_secs(self.timeout),
            max_memory: Some(self.max_memory.saturating_mul(1_048_576)),
        }
    }
}

/// `zongjie build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Data files (.yaml) or Markdown files written by build (.md).
    #[arg(required = true, value_name = "DATA")]
    pub inputs: Vec<PathBuf>,
    #[command(flatten)]
    pub template: TemplateArgs,
    /// Formats to write, comma-separated.
    #[arg(short = 'f', long = "format", value_name = "FORMATS", value_delimiter = ',', default_value = "md,pdf")]
    pub formats: Vec<crate::engine::Format>,
    /// Folder for the outputs (default: each data file's folder).
    #[arg(short = 'o', long = "out-dir", value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
    #[command(flatten)]
    pub fonts: FontArgs,
    /// Documents built at once (default: the number of cores).
    #[arg(short = 'j', long = "jobs", value_name = "N")]
    pub jobs: Option<usize>,
    /// Add a DRAFT / 草稿 watermark.
    #[arg(long)]
    pub draft: bool,
    /// Take the Word styles (and theme) of this .docx, as pandoc's
    /// --reference-doc does: an office's own template.
    #[arg(long = "reference-docx", value_name = "FILE")]
    pub reference_docx: Option<PathBuf>,
    #[command(flatten)]
    pub limits: LimitArgs,
    /// Say which font each role got and how long each stage took.
    #[arg(short = 'v', long)]
    pub verbose: bool,
    /// Fixes the PDFs' dates (seconds since 1970, UTC), for reproducible builds.
    #[arg(long = "source-date-epoch", env = "SOURCE_DATE_EPOCH", hide = true)]
    pub source_date_epoch: Option<i64>,
}

/// `zongjie watch`.
#[derive(Debug, Args)]
pub struct WatchArgs {
    #[command(flatten)]
    pub build: BuildArgs,
    #[command(flatten)]
    pub watch: WatchOptions,
}

/// How changes are noticed.
#[derive(Debug, Args, Clone, Copy)]
pub struct WatchOptions {
    /// Look for changes by reading the folders twice a second, for folders
    /// where file events do not arrive (network shares, WSL).
    #[arg(long)]
    pub poll: bool,
}

/// `zongjie serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub build: BuildArgs,
    #[command(flatten)]
    pub watch: WatchOptions,
    /// The port on 127.0.0.1 (default: a free one).
    #[arg(long, value_name = "N")]
    pub port: Option<u16>,
    /// Open the page in the default browser.
    #[arg(long)]
    pub open: bool,
}

/// `zongjie schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// The template: progress-report, village-stay-report, monthly-bulletin,
    /// or one of --template-dir.
    #[arg(value_name = "TEMPLATE")]
    pub template: String,
    /// Write the schema into FILE (default: standard output).
    #[arg(short = 'o', long = "out", value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// A folder of templates.
    #[arg(long = "template-dir", value_name = "DIR", env = "ZONGJIE_TEMPLATE_DIR")]
    pub template_dir: Option<PathBuf>,
}

/// `zongjie check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Data files (.yaml) or Markdown files (.md).
    #[arg(required = true, value_name = "DATA")]
    pub inputs: Vec<PathBuf>,
    #[command(flatten)]
    pub template: TemplateArgs,
    #[command(flatten)]
    pub fonts: FontArgs,
    #[command(flatten)]
    pub limits: LimitArgs,
    /// First rewrite, in place, what is mechanical to mend in Chinese text
    /// (half-width punctuation, straight quotes, zero-padded dates, 号 for
    /// 日), inside string values and prose only, printing a diff; then check.
    #[arg(long)]
    pub fix: bool,
}

/// A document language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// English.
    En,
    /// Chinese.
    Zh,
}

/// `zongjie new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// The template: progress-report, village-stay-report, monthly-bulletin.
    #[arg(value_name = "TEMPLATE")]
    pub template: String,
    /// The file to write (default: <TEMPLATE>.yaml, or <TEMPLATE>.zh.yaml).
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// Language of the starter (default: the environment's, as for
    /// messages: ZONGJIE_LANG, LC_ALL, LC_MESSAGES, LANG; zh_* is Chinese).
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// A folder of templates with starters of their own.
    #[arg(long = "template-dir", value_name = "DIR", env = "ZONGJIE_TEMPLATE_DIR")]
    pub template_dir: Option<PathBuf>,
}

/// `zongjie form`.
#[derive(Debug, Args)]
pub struct FormArgs {
    /// The bulletin's data file (`template: monthly-bulletin`).
    #[arg(value_name = "BULLETIN")]
    pub bulletin: PathBuf,
    /// Folder for the forms, made if missing (default: `forms` beside the
    /// bulletin). Each is `<unit>.xlsx` (or `.csv`).
    #[arg(short = 'o', long = "out-dir", value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
    /// The forms' format: a protected workbook, or CSV (UTF-8 with a BOM).
    #[arg(short = 'f', long = "format", value_enum, default_value = "xlsx")]
    pub format: FormFormat,
    /// A folder of templates, for a bulletin of a template of its own.
    #[arg(long = "template-dir", value_name = "DIR", env = "ZONGJIE_TEMPLATE_DIR")]
    pub template_dir: Option<PathBuf>,
    /// Fixes the workbooks' creation date (seconds since 1970, UTC), for
    /// reproducible files.
    #[arg(long = "source-date-epoch", env = "SOURCE_DATE_EPOCH", hide = true)]
    pub source_date_epoch: Option<i64>,
}

/// The format of a form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormFormat {
    /// An Excel workbook: the unit's cells open, the rest locked.
    Xlsx,
    /// Comma-separated values, UTF-8 with a byte order mark.
    Csv,
}

impl FormFormat {
    /// The file name extension.
    pub fn ext(self) -> &'static str {
        match self {
            FormFormat::Xlsx => "xlsx",
            FormFormat::Csv => "csv",
        }
    }
}

/// `zongjie templates`.
#[derive(Debug, Args)]
pub struct TemplatesArgs {
    /// Write the built-in template files into DIR, to edit and use with --template-dir.
    #[arg(long, value_name = "DIR")]
    pub export: Option<PathBuf>,
    /// Also list the templates of this folder.
    #[arg(long = "template-dir", value_name = "DIR", env = "ZONGJIE_TEMPLATE_DIR")]
    pub template_dir: Option<PathBuf>,
}
