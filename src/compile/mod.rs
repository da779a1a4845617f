//! The compile layer: fonts, the Typst `World` of one document, the check
//! that every character has a font (preflight), and Typst's layout and PDF
//! export, and the pages as pictures with their text for the browser
//! (preview).

pub mod fonts;
pub mod pdf;
pub mod preflight;
pub mod preview;
pub mod world;
