//! The `.md` output: front matter and Markdown body, the file a writer
//! edits and builds again.

use super::{Assembled, Backend, Format};
use crate::engine::BuildError;

/// Writes the `.md` file.
pub(crate) struct Md;

impl Backend for Md {
    fn format(&self) -> Format {
        Format::Md
    }

    fn write(&self, doc: &mut Assembled<'_>) -> Result<Option<Vec<u8>>, BuildError> {
        // Built from a .md file: that file is the output, as the writer left
        // it (copied into another output folder; never written over itself,
        // see `output::write_target`).
        if doc.from_md {
            return Ok(Some(doc.text.as_bytes().to_vec()));
        }
        Ok(Some(doc.md.to_text().into_bytes()))
    }
}
