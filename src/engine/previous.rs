//! Reading last period's file (`previous_file:`): the path is the
//! writer's own choice, relative to the data file, so it may lead out of
//! the data folder (unlike images and unit returns); but it must be a
//! regular `.yaml` data file, read with the bounded reader, of a genre with
//! next steps. What it gives the document is computed in
//! [`crate::derive::previous`]. Its own `previous_file` is not followed.

use std::path::{Path, PathBuf};

use crate::base::diag::Diagnostic;
use crate::base::file::{self, ReadError};
use crate::base::msg::{Message, msg};
use crate::data::{self, Document, Kind, Source};
use crate::render::Templates;

use super::BuildError;

/// Last period's document, loaded.
#[derive(Debug)]
pub(crate) struct Earlier {
    /// The document.
    pub(crate) doc: Document,
    /// The file it was read from (for `watch`).
    pub(crate) path: PathBuf,
}

/// Reads and loads the file `doc`'s `previous_file` names, if it names
/// one. Every error is at the `previous_file:` line of `source` and says
/// what is wrong with the file, or what the file's own error is.
pub(crate) fn load(source: &Source, doc: &Document, templates: &Templates) -> Result<Option<Earlier>, BuildError> {
    let Some(written) = &doc.previous_file else { return Ok(None) };
    let written = written.as_str().trim();
    let refuse = |why: Message, hint: Message| -> BuildError {
        let mut d =
            Diagnostic::error(msg!(PreviousFileRefused, file = written, why = why)).in_file(&source.path).hint(hint);
        if let Some(line) = data::line_of_key(&source.text, "previous_file") {
            let column = source
                .text
                .lines()
                .nth(line - 1)
                .and_then(|l| l.find(written))
                .map_or(1, |at| source.text.lines().nth(line - 1).map_or(1, |l| l[..at].chars().count() + 1));
            d = d.at_line(source.text.clone(), line, column);
        }
        BuildError::Input(Box::new(d))
    };
    let path = match source.path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder.join(written),
        _ => PathBuf::from(written),
    };
    let ext = path.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
    match ext.as_str() {
        "yaml" | "yml" => {}
        "md" => {
            return Err(refuse(msg!(PreviousIsMd), msg!(NameYamlBuiltFrom)));
        }
        _ => {
            return Err(refuse(msg!(PreviousNotYaml), msg!(NameEarlierYaml)));
        }
    }
    if same_file(&path, &source.path) {
        return Err(refuse(msg!(PreviousIsItself), msg!(NameEarlierFile)));
    }
    let hint = || msg!(PreviousPathRelative);
    let bytes = file::read(&path, data::MAX_FILE_BYTES as u64).map_err(|e| match e {
        ReadError::TooLarge(_) => refuse(msg!(PreviousTooLarge), hint()),
        e => refuse(msg!(CannotBeReadBecause, reason = e.reason()), hint()),
    })?;
    let loaded = data::source_from_bytes(&path, bytes).and_then(|earlier| {
        let name = data::front_matter_template(&earlier)?.unwrap_or_else(|| doc.template.clone());
        let info = templates.info(&name).map_err(|e| data::DataError(e.0))?;
        if info.schema.kind == Kind::Bulletin || info.schema.kind == Kind::Common {
            return Ok(Err(name));
        }
        data::parse(&earlier, &info.schema).map(Ok)
    });
    match loaded {
        Err(e) => {
            // The file's own hints first (a "did you mean"), then ours.
            let mut refused = refuse(msg!(PreviousDoesNotLoad, error = e.0.one_line()), msg!(CorrectEarlierFile));
            if let BuildError::Input(d) = &mut refused {
                let ours = std::mem::take(&mut d.hints);
                d.hints = e.0.hints.iter().cloned().chain(ours).collect();
            }
            Err(refused)
        }
        Ok(Err(name)) => Err(refuse(msg!(PreviousOtherKind, name = name), msg!(NameEarlierReport))),
        Ok(Ok(earlier)) => Ok(Some(Earlier { doc: earlier, path })),
    }
}

/// Whether two paths lead to one file.
fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
