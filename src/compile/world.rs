//! The Typst [`World`] of one document: the generated main file from memory,
//! files under the document's root folder only (checked after
//! canonicalisation, so a symlink cannot lead outside), no packages, no
//! network; fonts and the standard library shared by the whole batch.

use crate::base::{file, image, sandbox};
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock};

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_kit::datetime::Time;
use typst_kit::files::{FileLoader, FileStore};

use crate::compile::fonts::Fonts;

/// The virtual path of the generated main file.
pub const MAIN_PATH: &str = "/__zongjie__.typ";

/// Typst's standard library, built once per process.
pub(crate) static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::builder().build()));

/// What every document of a batch shares.
#[derive(Debug, Clone)]
pub struct Shared {
    /// The fonts.
    pub fonts: Arc<Fonts>,
    /// The clock: fixed by `SOURCE_DATE_EPOCH`, or the system's.
    pub epoch: Option<i64>,
}

/// The World of one document.
pub struct DocWorld {
    shared: Shared,
    main: FileId,
    source: Source,
    files: FileStore<RootFiles>,
    time: Time,
    parts: Vec<crate::write::source::Part>,
    /// The style module, where the style is one, and its files' places.
    style: Option<(Source, Vec<crate::write::source::Part>)>,
}

impl DocWorld {
    /// A world compiling `text` as its main file, reading other files from
    /// `root` (which must exist).
    pub fn new(shared: Shared, root: &Path, text: String) -> std::io::Result<DocWorld> {
        let root = root.canonicalize()?;
        let main = main_id();
        let time = match shared.epoch {
            Some(epoch) => Time::fixed_timestamp(epoch).unwrap_or_else(|_| Time::system()),
            None => Time::system(),
        };
        let source = Source::new(main, text);
        Ok(DocWorld {
            shared,
            main,
            source,
            files: FileStore::new(RootFiles { root }),
            time,
            parts: Vec::new(),
            style: None,
        })
    }

    /// Serves `text` as the style module at
    /// [`STYLE_PATH`](crate::write::source::STYLE_PATH); `parts` say where its
    /// style files sit in it. The same text is the same parsed source for
    /// every document, so Typst's memo cache can serve its evaluation.
    #[must_use]
    pub fn with_style_module(mut self, text: String, parts: Vec<crate::write::source::Part>) -> Self {
        self.style = Some((style_source(text), parts));
        self
    }

    /// The style module's id, text and its files' places, if it has one.
    pub fn style_module(&self) -> Option<(FileId, &str, &[crate::write::source::Part])> {
        self.style.as_ref().map(|(source, parts)| (source.id(), source.text(), parts.as_slice()))
    }

    /// Says where the style files sit in the main file, so that errors in
    /// them name the style file (see [`crate::compile::pdf::render`]).
    #[must_use]
    pub fn with_parts(mut self, parts: Vec<crate::write::source::Part>) -> Self {
        self.parts = parts;
        self
    }

    /// The style files' places in the main file.
    pub fn parts(&self) -> &[crate::write::source::Part] {
        &self.parts
    }

    /// The main source.
    pub fn source_text(&self) -> &str {
        self.source.text()
    }
}

/// Parsed style modules by text: a handful per process (one per template
/// and set of style files).
static STYLE_SOURCES: LazyLock<std::sync::Mutex<Vec<Source>>> = LazyLock::new(Default::default);

/// The parsed source of a style module: the one parsed before for the same
/// text, so that its evaluation is found in Typst's memo cache.
fn style_source(text: String) -> Source {
    let mut known = STYLE_SOURCES.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(source) = known.iter().find(|s| s.text() == text) {
        return source.clone();
    }
    let vpath = VirtualPath::new(crate::write::source::STYLE_PATH)
        .unwrap_or_else(|_| VirtualPath::new("/style.typ").expect("valid path"));
    let source = Source::new(RootedPath::new(VirtualRoot::Project, vpath).intern(), text);
    if known.len() >= 16 {
        known.remove(0);
    }
    known.push(source.clone());
    source
}

/// The id of the generated main file.
pub fn main_id() -> FileId {
    // The path is fixed and valid; the fallback cannot be taken.
    let vpath = VirtualPath::new(MAIN_PATH).unwrap_or_else(|_| VirtualPath::new("/main.typ").expect("valid path"));
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

impl World for DocWorld {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.shared.fonts.book()
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        match &self.style {
            _ if id == self.main => Ok(self.source.clone()),
            Some((style, _)) if id == style.id() => Ok(style.clone()),
            _ => self.files.source(id),
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        match &self.style {
            _ if id == self.main => Ok(Bytes::from_string(self.source.text().to_owned())),
            Some((style, _)) if id == style.id() => Ok(Bytes::from_string(style.text().to_owned())),
            _ => self.files.file(id),
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.shared.fonts.font(index)
    }

    fn today(&self, offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        self.time.today(offset)
    }
}

impl typst_kit::diagnostics::DiagnosticWorld for DocWorld {
    fn name(&self, id: FileId) -> String {
        id.vpath().get_without_slash().to_owned()
    }
}

/// Serves files under one folder; refuses packages and anything outside.
struct RootFiles {
    root: PathBuf,
}

impl FileLoader for RootFiles {
    fn load(&self, id: FileId) -> FileResult<Bytes> {
        if !matches!(id.root(), VirtualRoot::Project) {
            return Err(FileError::Other(Some("packages are not available in zongjie documents".into())));
        }
        let path = resolve(&self.root, id.vpath().get_without_slash())?;
        let bytes = file::read(&path, image::MAX_FILE_BYTES).map_err(|e| match e {
            file::ReadError::Folder => FileError::IsDirectory,
            file::ReadError::Io(e) => FileError::from_io(e, &path),
            e => {
                FileError::Other(Some(format!("cannot read {}: {}", id.vpath().get_without_slash(), e.reason()).into()))
            }
        })?;
        // An image, by its name or its bytes, as Typst tells them: vetted
        // as the body's images are, before Typst decodes it.
        let ext = path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
        let named = matches!(ext.as_str(), "png" | "jpg" | "jpeg" | "gif" | "svg" | "svgz" | "webp" | "pdf");
        if named || image::looks_like_one(&bytes) {
            image::vet(&bytes, &ext).map_err(|r| {
                let name = id.vpath().get_without_slash();
                FileError::Other(Some(format!("image `{name}` {} ({})", r.why, r.hint).into()))
            })?;
        }
        Ok(Bytes::new(bytes))
    }
}

/// The real path of `rel` under `root` (canonical), or why it is refused.
pub fn resolve(root: &Path, rel: &str) -> FileResult<PathBuf> {
    sandbox::resolve(root, rel).map_err(|e| match e {
        sandbox::Refused::Outside => FileError::AccessDenied,
        sandbox::Refused::Io(e, path) => FileError::from_io(e, &path),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_paths_outside_the_root() {
        let dir = std::env::temp_dir().join(format!("zongjie-world-{}", std::process::id()));
        let inside = dir.join("root");
        std::fs::create_dir_all(&inside).unwrap();
        std::fs::write(inside.join("ok.txt"), "ok").unwrap();
        std::fs::write(dir.join("secret.txt"), "secret").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(dir.join("secret.txt"), inside.join("link.txt")).unwrap();
        let root = inside.canonicalize().unwrap();
        assert!(resolve(&root, "ok.txt").is_ok());
        assert_eq!(resolve(&root, "../secret.txt"), Err(FileError::AccessDenied));
        #[cfg(unix)]
        assert_eq!(resolve(&root, "link.txt"), Err(FileError::AccessDenied));
        assert!(matches!(resolve(&root, "missing.png"), Err(FileError::NotFound(_))));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
