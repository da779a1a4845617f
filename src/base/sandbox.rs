//! Which files a document may use: files inside its data folder, named by
//! a relative path, never a URL or an absolute path, and never a symlink
//! that leads outside.

use super::msg::{Message, msg};
use std::path::{Path, PathBuf};

/// Why a path is refused.
#[derive(Debug)]
pub enum Refused {
    /// It leads outside the root.
    Outside,
    /// It cannot be read (for example, it does not exist).
    Io(std::io::Error, PathBuf),
}

/// The real path of `rel` under `root` (canonical), or why it is refused.
pub fn resolve(root: &Path, rel: &str) -> Result<PathBuf, Refused> {
    let candidate = root.join(rel);
    let real = candidate.canonicalize().map_err(|e| Refused::Io(e, candidate))?;
    if real.starts_with(root) { Ok(real) } else { Err(Refused::Outside) }
}

/// Why an image path is refused by its name alone (a URL, an absolute
/// path), before any file is looked at.
pub fn refused_by_name(dest: &str) -> Option<Message> {
    if dest.contains("://") || dest.starts_with("data:") {
        Some(msg!(NotLocalFile))
    } else if Path::new(dest).is_absolute() || dest.starts_with(['/', '\\']) {
        Some(msg!(IsAbsolutePath))
    } else {
        None
    }
}
