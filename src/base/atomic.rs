//! Files made where nothing was: temporary files for atomic writes (never
//! through a symlink or over a file someone placed at that name), and the
//! sweep of the ones a killed process left behind.

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

static COUNTER: AtomicUsize = AtomicUsize::new(0);

/// The number the next temporary file name will take (tests plant files there).
#[cfg(test)]
pub(crate) fn next_number() -> usize {
    COUNTER.load(Ordering::Relaxed)
}

/// Tries up to 64 names from `name_of(n)` and opens the first that does not
/// exist yet, created new (readable by its owner only when `private`).
pub fn create_new(private: bool, mut name_of: impl FnMut(usize) -> PathBuf) -> std::io::Result<(PathBuf, fs::File)> {
    let mut last = None;
    for _ in 0..64 {
        let path = name_of(COUNTER.fetch_add(1, Ordering::Relaxed));
        let mut options = fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        if private {
            std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        }
        #[cfg(not(unix))]
        let _ = private;
        match options.open(&path) {
            Ok(file) => return Ok((path, file)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| std::io::Error::other("no free temporary file name")))
}

/// A new temporary file in `dir` for `name`, named
/// `.<name>.zongjie-<pid>-<n>.tmp`: made only where nothing is (never
/// through a symlink or over a file someone placed at that name; the next
/// number is tried instead).
pub fn new_temp(dir: &Path, name: &str) -> std::io::Result<(PathBuf, fs::File)> {
    create_new(false, |n| dir.join(format!(".{name}.zongjie-{}-{n}.tmp", std::process::id())))
}

/// Writes `text` to a new file in the temp folder named after `stem`,
/// readable by its owner only; returns its path.
pub fn keep_in_temp(stem: &str, ext: &str, text: &str) -> Option<PathBuf> {
    let dir = std::env::temp_dir();
    let (path, mut file) =
        create_new(true, |n| dir.join(format!("zongjie-{stem}-{}-{n}.{ext}", std::process::id()))).ok()?;
    file.write_all(text.as_bytes()).ok().map(|()| path)
}

/// Removes the temporary files and backups that a zongjie process killed
/// outright (SIGKILL, power loss) left in `dir`: those named

/// `.<stem>.<ext>.zongjie-<pid>-<n>.tmp|.bak` whose process is gone. Only
/// where running processes can be listed (`/proc`, Linux); elsewhere nothing
/// is removed. Returns how many files were removed.
pub fn sweep_stale(dir: &Path) -> usize {
    let proc = Path::new("/proc/self");
    if !proc.exists() {
        return 0;
    }
    let Ok(entries) = fs::read_dir(dir) else { return 0 };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(stale_pid) else { continue };
        if pid != std::process::id()
            && !Path::new(&format!("/proc/{pid}")).exists()
            && fs::remove_file(entry.path()).is_ok()
        {
            removed += 1;
        }
    }
    removed
}

/// The process id in the name of one of our temporary files or backups.
fn stale_pid(name: &str) -> Option<u32> {
    if !name.starts_with('.') {
        return None;
    }
    let rest = name.strip_suffix(".tmp").or_else(|| name.strip_suffix(".bak"))?;
    let (_, ids) = rest.rsplit_once(".zongjie-")?;
    let (pid, n) = ids.split_once('-')?;
    n.parse::<usize>().ok()?;
    pid.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stale_temporaries_of_dead_processes_are_swept() {
        assert_eq!(stale_pid(".r.pdf.zongjie-123-4.tmp"), Some(123));
        assert_eq!(stale_pid(".r.pdf.zongjie-123-4.bak"), Some(123));
        assert_eq!(stale_pid("r.pdf.zongjie-123-4.tmp"), None);
        assert_eq!(stale_pid(".notes.zongjie-x-1.tmp"), None);
        let dir = std::env::temp_dir().join(format!("zongjie-sweep-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        // No process has id 4294967; this one is alive.
        let dead = dir.join(".r.pdf.zongjie-4294967-0.tmp");
        let alive = dir.join(format!(".r.md.zongjie-{}-0.tmp", std::process::id()));
        let other = dir.join(".r.pdf.tmp");
        for path in [&dead, &alive, &other] {
            fs::write(path, b"x").unwrap();
        }
        assert_eq!(sweep_stale(&dir), 1);
        assert!(!dead.exists() && alive.exists() && other.exists());
        fs::remove_dir_all(&dir).unwrap();
    }
}
