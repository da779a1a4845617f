//! The write layer: the Markdown body and the front matter turned into
//! what an output format is made of: Typst markup and the main Typst file,
//! HTML, WordprocessingML (`.docx`), the drawing code of charts, and a
//! bulletin's fill-in forms (`.xlsx`, `.csv`).

pub mod chart;
pub(crate) mod columns;
pub mod docx;
pub mod form;
pub mod html;
pub mod source;
pub mod title;
pub mod typst;
