//! The compile layer: fonts, the Typst `World` of one document, the check
//! that every character has a font (preflight), and Typst's layout and PDF
//! export.

pub mod fonts;
pub mod pdf;
pub mod preflight;
pub mod world;
