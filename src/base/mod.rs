//! The base layer: small pieces every stage shares, importing nothing of
//! the project's own: diagnostics, the document language, classes of
//! characters, the project's Markdown rules, guards on YAML text, files
//! made atomically, panics of the crates below turned into errors, bounded reads of regular files, what an image may cost, the sandbox of the data folder, and escaping for XML
//! and HTML.

pub mod atomic;
pub mod diag;
pub mod file;
pub mod guard;
pub mod image;
pub mod lang;
pub mod markdown;
pub mod msg;
pub mod sandbox;
pub mod text;
pub mod xml;
pub mod yaml;
