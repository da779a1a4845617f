//! Reading last period's file (`previous_file:`): the path is the
//! writer's own choice, relative to the data file, so it may lead out of
//! the data folder (unlike images and unit returns); but it must be a
//! regular `.yaml` data file, read with the bounded reader, of a genre with
//! next steps. What it gives the document is computed in
//! [`crate::derive::previous`]. Its own `previous_file` is not followed.

use std::path::{Path, PathBuf};

use crate::base::diag::Diagnostic;
use crate::base::file::{self, ReadError};
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
    let refuse = |why: String, hint: &str| -> BuildError {
        let mut d =
            Diagnostic::error(format!("previous_file `{written}` {why}")).in_file(&source.path).hint(hint.to_owned());
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
            return Err(refuse(
                "is a built .md file, which holds the text but not the figures or the next steps".into(),
                // zh: 是生成的 .md 文件，其中只有正文，没有指标数据和工作打算
                "name the .yaml data file it was built from",
                // zh: 请填写生成它的 .yaml 数据文件
            ));
        }
        _ => {
            return Err(refuse(
                "is not a data file (.yaml)".into(),
                // zh: 不是数据文件（.yaml）
                "name last period's .yaml data file, relative to this file's folder",
                // zh: 请填写上期的 .yaml 数据文件，路径相对于本文件所在文件夹
            ));
        }
    }
    if same_file(&path, &source.path) {
        return Err(refuse(
            "is this file itself".into(),
            // zh: 就是本文件
            "name last period's data file",
            // zh: 请填写上期的数据文件
        ));
    }
    let hint = "the path is relative to this file's folder, such as ../2026-09/report.yaml";
    // zh: 路径相对于本文件所在文件夹，如 ../2026-09/report.yaml
    let bytes = file::read(&path, data::MAX_FILE_BYTES as u64).map_err(|e| match e {
        ReadError::Io(e) => refuse(format!("cannot be read: {}", file::io_reason(&e)), hint),
        // zh: 无法读取：{reason}
        ReadError::TooLarge(_) => refuse("is too large for a data file".into(), hint),
        // zh: 超出数据文件的大小限制
        e => refuse(format!("cannot be read: {}", e.reason()), hint),
    })?;
    let loaded = data::source_from_bytes(&path, bytes).and_then(|earlier| {
        let name = data::front_matter_template(&earlier)?.unwrap_or_else(|| doc.template.clone());
        let info = templates.info(&name).map_err(|e| data::DataError(e.0))?;
        if info.schema.kind == Kind::Bulletin || info.schema.kind == Kind::Common {
            return Ok(Err(name));
        }
        data::parse(&earlier, &info.schema).map(Ok)
    });
    let does_not_load = "correct last period's file, or name another";
    // zh: 请改正上期文件，或换一个文件
    match loaded {
        Err(e) => {
            // The file's own hints first (a "did you mean"), then ours.
            let mut refused = refuse(format!("does not load: {e}"), does_not_load);
            if let BuildError::Input(d) = &mut refused {
                let ours = std::mem::take(&mut d.hints);
                d.hints = e.0.hints.iter().cloned().chain(ours).collect();
            }
            Err(refused)
        }
        // zh: 无法载入：{error}
        Ok(Err(name)) => Err(refuse(
            format!("is a `{name}` file: last period's file is a report of this document's kind"),
            // zh: 是 `{name}` 文件：上期文件应与本文件为同一类报告
            "name last period's report, with its metrics and next steps",
            // zh: 请填写上期的报告文件，其中有指标和工作打算
        )),
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
