//! zongjie (总结, "summary") drafts the work summaries offices send upward:
//! YAML progress data in; Markdown and PDF out, in English and in Chinese
//! after GB/T 9704-2012.
//!
//! The code is in layers, each importing only from the ones before it
//! (`ARCHITECTURE.md` at the root says what each holds):
//!
//! ```text
//! base → data → derive → render → write → compile → engine → cli
//! ```
//! The binary is a thin wrapper around [`run`]. A caller builds documents
//! with an [`Engine`] and reads the data types in [`data`].

mod base;
mod cli;
mod compile;
pub mod data;
mod derive;
mod engine;
mod render;
mod write;

#[cfg(feature = "testing")]
pub mod testing;

pub use base::diag::{Diagnostic, Severity};
pub use cli::run;
pub use compile::fonts::{FontOptions, Fonts};
pub use compile::world::Shared;
pub use engine::{BuildError, BuildOptions, Built, Checked, Engine, Format, Timings};
pub use render::{TemplateError, TemplateInfo, Templates};
pub use write::docx::Reference as ReferenceDocx;
