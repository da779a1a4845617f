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
/// number is tried instead), and locked while the returned file is open.
pub fn new_temp(dir: &Path, name: &str) -> std::io::Result<(PathBuf, fs::File)> {
    let name = within_name_limit(name);
    let (path, file) = create_new(false, |n| dir.join(format!(".{name}.zongjie-{}-{n}.tmp", std::process::id())))?;
    // Held while the file exists, so that another process's sweep can tell
    // it is in use (see `sweep_stale`); where locks are not supported the
    // sweep removes nothing.
    let _ = file.try_lock();
    Ok((path, file))
}

/// The start of `name`, short enough that a temporary name made of it
/// stays within the 255 bytes file systems allow, even where the name of
/// the output itself takes almost all of them.
fn within_name_limit(name: &str) -> &str {
    const MAX: usize = 200;
    if name.len() <= MAX {
        return name;
    }
    let mut end = MAX;
    while !name.is_char_boundary(end) {
        end -= 1;
    }
    &name[..end]
}

/// Writes `text` to a new file in the temp folder named after `stem`,
/// readable by its owner only; returns its path.
pub fn keep_in_temp(stem: &str, ext: &str, text: &str) -> Option<PathBuf> {
    let dir = std::env::temp_dir();
    let stem = within_name_limit(stem);
    let (path, mut file) =
        create_new(true, |n| dir.join(format!("zongjie-{stem}-{}-{n}.{ext}", std::process::id()))).ok()?;
    file.write_all(text.as_bytes()).ok().map(|()| path)
}

/// Removes the temporary files and backups that a zongjie process killed
/// outright (SIGKILL, power loss) left in `dir`: those named
/// `.<stem>.<ext>.zongjie-<pid>-<n>.tmp|.bak` that no process holds. A
/// process holds a lock on each of its temporary files and backups while
/// they exist ([`new_temp`], [`backup`]), so a file is stale when its lock
/// can be taken; the kernel gives up the locks of a process that is gone.
/// Process ids are not compared: in containers, or on a share two machines
/// use, they say nothing of another process. Where locks are not supported,
/// nothing is removed. Returns how many files were removed.
pub fn sweep_stale(dir: &Path) -> usize {
    let Ok(entries) = fs::read_dir(dir) else { return 0 };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        if name.to_str().and_then(stale_pid).is_none() || !entry.file_type().is_ok_and(|t| t.is_file()) {
            continue;
        }
        // Open for writing: on network file systems an exclusive lock
        // needs it.
        let Ok(file) = fs::OpenOptions::new().read(true).write(true).open(entry.path()) else { continue };
        if file.try_lock().is_ok() && fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// Keeps the earlier contents of `target` at `backup` (a new name, made
/// where nothing is) while `target` is replaced: a hard link, or a copy
/// where the file system has no links (FAT, exFAT, some network shares).
/// The returned file holds the backup's lock; drop it after removing the
/// backup.
pub fn backup(target: &Path, backup: &Path) -> std::io::Result<fs::File> {
    backup_by(target, backup, |target, backup| fs::hard_link(target, backup))
}

/// [`backup`] with the way to link a file given (tests give one that
/// fails, as a file system without links does).
fn backup_by(
    target: &Path,
    backup: &Path,
    link: impl FnOnce(&Path, &Path) -> std::io::Result<()>,
) -> std::io::Result<fs::File> {
    match link(target, backup) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => return Err(e),
        Err(_) => {
            let mut source = fs::File::open(target)?;
            let mut copy = fs::OpenOptions::new().write(true).create_new(true).open(backup)?;
            if let Err(e) = std::io::copy(&mut source, &mut copy).and_then(|_| copy.sync_all()) {
                let _ = fs::remove_file(backup);
                return Err(e);
            }
        }
    }
    let file = fs::OpenOptions::new().read(true).write(true).open(backup)?;
    let _ = file.try_lock();
    Ok(file)
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
    fn temporary_names_stay_within_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let name = format!("{}.pdf", "长".repeat(81));
        assert_eq!(name.len(), 247);
        let (path, _) = new_temp(dir.path(), &name).unwrap();
        let made = path.file_name().unwrap().len();
        assert!(made <= 255, "{made} bytes");
        assert!(path.file_name().unwrap().to_str().unwrap().starts_with(".长长"));
    }

    #[test]
    fn stale_temporaries_are_the_ones_nobody_holds() {
        assert_eq!(stale_pid(".r.pdf.zongjie-123-4.tmp"), Some(123));
        assert_eq!(stale_pid(".r.pdf.zongjie-123-4.bak"), Some(123));
        assert_eq!(stale_pid("r.pdf.zongjie-123-4.tmp"), None);
        assert_eq!(stale_pid(".notes.zongjie-x-1.tmp"), None);
        let dir = tempfile::tempdir().unwrap();
        let dir = dir.path();
        // Left by a killed process (nobody holds it), even with this
        // process's id: ids are not compared.
        let dead = dir.join(format!(".r.pdf.zongjie-{}-999999.tmp", std::process::id()));
        fs::write(&dead, b"x").unwrap();
        // Being written by a live process (this one): held.
        let (alive, held) = new_temp(dir, "r.md").unwrap();
        fs::write(dir.join("r.md"), b"old").unwrap();
        let kept = dir.join(".r.md.zongjie-1-0.bak");
        let backup_held = backup(&dir.join("r.md"), &kept).unwrap();
        let other = dir.join(".r.pdf.tmp");
        fs::write(&other, b"x").unwrap();
        assert_eq!(sweep_stale(dir), 1);
        assert!(!dead.exists() && alive.exists() && kept.exists() && other.exists());
        drop((held, backup_held));
        assert_eq!(sweep_stale(dir), 2);
        assert!(!alive.exists() && !kept.exists());
        assert_eq!(fs::read(dir.join("r.md")).unwrap(), b"old");
    }

    /// Where the file system has no hard links the backup is a copy of
    /// its own, held like a link.
    #[test]
    fn a_backup_is_a_copy_where_links_fail() {
        let dir = tempfile::tempdir().unwrap();
        let dir = dir.path();
        let target = dir.join("r.pdf");
        fs::write(&target, b"the earlier document").unwrap();
        let kept = dir.join(".r.pdf.zongjie-1-0.bak");
        let no_links = |_: &Path, _: &Path| Err(std::io::Error::from(std::io::ErrorKind::Unsupported));
        let held = backup_by(&target, &kept, no_links).unwrap();
        assert_eq!(fs::read(&kept).unwrap(), b"the earlier document");
        // A copy, not a second name of the same file: replacing the target
        // in place leaves the backup as it was.
        fs::write(&target, b"new").unwrap();
        assert_eq!(fs::read(&kept).unwrap(), b"the earlier document");
        assert_eq!(sweep_stale(dir), 0, "the copy is held while it exists");
        drop(held);
        assert_eq!(sweep_stale(dir), 1);
        // A backup name already taken is never written over.
        fs::write(&kept, b"someone's").unwrap();
        let err = backup_by(&target, &kept, |t, b| fs::hard_link(t, b)).unwrap_err();
        assert_eq!(err.kind(), std::io::ErrorKind::AlreadyExists);
        let err = backup_by(&target, &kept, no_links).unwrap_err();
        assert_eq!(err.kind(), std::io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read(&kept).unwrap(), b"someone's");
    }
}
