//! The `.typ` output: the generated Typst source, self-contained apart from
//! images, which `typst compile --root <data folder>` compiles on its own.

use super::{Assembled, Backend, Format};
use crate::engine::BuildError;

/// Writes the Typst source.
pub(crate) struct Typ;

impl Backend for Typ {
    fn format(&self) -> Format {
        Format::Typ
    }

    fn write(&self, doc: &mut Assembled<'_>) -> Result<Option<Vec<u8>>, BuildError> {
        Ok(Some(doc.typst()?.main.text.clone().into_bytes()))
    }
}
