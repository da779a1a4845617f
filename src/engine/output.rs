//! Writing a document's outputs: every format goes to a temporary file in
//! the output folder first, and only when all are written are they renamed
//! into place, together. A failure or an interruption leaves the earlier
//! outputs as they were and no temporary file behind. [`write_new`] is
//! the same for files that must not exist yet (a bulletin's forms): it
//! places them all or none, and never over a file.

use crate::base::diag::shown_path;
use crate::base::file::io_reason;
use crate::base::msg::{Message, msg};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, RwLock};

use crate::base::atomic::{self, new_temp};
use crate::engine::{Format, Target};

/// The outputs this process is writing, shared by its threads.
static WRITES: Writes = Writes::new();

/// The final path of a format of `stem` in `dir`.
pub fn target(dir: &Path, stem: &str, format: Format) -> PathBuf {
    dir.join(format!("{stem}.{}", format.ext()))
}

/// Writes all files of one document atomically; returns their paths.
pub fn write_all(dir: &Path, stem: &str, files: &[(Format, Vec<u8>)]) -> std::io::Result<Vec<PathBuf>> {
    let named: Vec<(String, &[u8])> =
        files.iter().map(|(format, bytes)| (format!("{stem}.{}", format.ext()), bytes.as_slice())).collect();
    WRITES.replace_all(dir, &named)
}

/// Writes a built document's files into its target's folder (made if
/// missing), all together; or says why not.
///
/// A `.md` that the writer has edited since `build` wrote it is not written
/// over: nothing of the document is written, and the message says how to
/// keep the edits (build the `.md`) or write it again.
pub fn write_target(target: &Target, files: &[(Format, Vec<u8>)]) -> Result<Vec<PathBuf>, Message> {
    // A `.md` built into its own folder is its own `.md` output: left as it is.
    let is_input = |format: &Format| {
        let out = self::target(&target.out_dir, &target.stem, *format);
        let same = |a: &Path, b: &Path| a.canonicalize().ok().is_some_and(|a| b.canonicalize().ok() == Some(a));
        same(&out, &target.input)
    };
    let kept: Vec<(Format, Vec<u8>)> = files.iter().filter(|(format, _)| !is_input(format)).cloned().collect();
    let files = kept.as_slice();
    if let Some((_, new)) = files.iter().find(|(format, _)| *format == Format::Md) {
        let md = self::target(&target.out_dir, &target.stem, Format::Md);
        // Written again as it is, an edited file loses nothing.
        let edited = crate::base::file::read(&md, crate::data::MAX_FILE_BYTES as u64).ok().is_some_and(|bytes| {
            bytes != *new && crate::data::mdfile::edited_since_written(&String::from_utf8_lossy(&bytes))
        });
        if edited {
            return Err(msg!(MdEditedSinceWritten, md = shown_path(&md), input = shown_path(&target.input)));
        }
    }
    fs::create_dir_all(&target.out_dir)
        .map_err(|e| msg!(CannotCreateOutputFolder, folder = shown_path(&target.out_dir), reason = io_reason(&e)))?;
    write_all(&target.out_dir, &target.stem, files)
        .map_err(|e| msg!(CannotWriteOutputs, file = shown_path(&target.input), reason = io_reason(&e)))
}

/// Writes one file `name` in `dir` atomically, replacing the one there:
/// its bytes go to a temporary file first, renamed into place when whole.
pub fn replace(dir: &Path, name: &str, bytes: &[u8]) -> std::io::Result<()> {
    WRITES.replace_all(dir, &[(name.to_owned(), bytes)]).map(|_| ())
}

/// Writes new files into `dir`, all or none, never over a file that is
/// there: each name gets its bytes in a temporary file first; then each is
/// linked into place, which fails where any file is (even one that
/// appeared meanwhile); if one fails, the ones already placed are removed.
/// Returns their paths. An existing file fails with `AlreadyExists`.
pub fn write_new(dir: &Path, files: &[(String, Vec<u8>)]) -> std::io::Result<Vec<PathBuf>> {
    WRITES.write_new(dir, files)
}

/// Removes every temporary file being written (on Ctrl-C or termination),
/// after any document being renamed into place is complete. Writes wait
/// from then on: the process is about to exit.
pub fn remove_pending() {
    WRITES.remove_pending();
}

/// Temporary files and backups being written, and the lock that keeps an
/// interruption from stopping a document half renamed.
struct Writes {
    /// Temporary files and backups that exist right now.
    pending: Mutex<Vec<PathBuf>>,
    /// Held (shared) while a document's files are renamed into place; an
    /// interruption takes it (exclusive) first.
    renaming: RwLock<()>,
}

impl Writes {
    const fn new() -> Self {
        Self { pending: Mutex::new(Vec::new()), renaming: RwLock::new(()) }
    }

    fn replace_all(&self, dir: &Path, files: &[(String, &[u8])]) -> std::io::Result<Vec<PathBuf>> {
        let mut temps: Vec<(PathBuf, PathBuf)> = Vec::new();
        // Open (and so locked) until the end: see `atomic::sweep_stale`.
        let mut held = Vec::new();
        let result = (|| {
            for (name, bytes) in files {
                let (temp, mut file) = self.registered(|| new_temp(dir, name))?;
                temps.push((temp, dir.join(name)));
                file.write_all(bytes)?;
                held.push(file);
            }
            self.rename_together(&temps)?;
            for (temp, _) in &temps {
                self.unregister(temp);
            }
            Ok(temps.iter().map(|(_, t)| t.clone()).collect())
        })();
        if result.is_err() {
            for (temp, _) in &temps {
                let _ = fs::remove_file(temp);
                self.unregister(temp);
            }
        }
        result
    }

    fn write_new(&self, dir: &Path, files: &[(String, Vec<u8>)]) -> std::io::Result<Vec<PathBuf>> {
        let mut temps: Vec<(PathBuf, PathBuf)> = Vec::new();
        let mut held = Vec::new();
        let result = (|| {
            for (name, bytes) in files {
                let (temp, mut file) = self.registered(|| new_temp(dir, name))?;
                temps.push((temp, dir.join(name)));
                file.write_all(bytes)?;
                file.sync_all()?;
                held.push(file);
            }
            let _renaming = self.renaming.read();
            let mut placed: Vec<&Path> = Vec::new();
            for (temp, target) in &temps {
                if let Err(e) = place_new(temp, target) {
                    for done in placed {
                        let _ = fs::remove_file(done);
                    }
                    return Err(e);
                }
                placed.push(target);
            }
            Ok(temps.iter().map(|(_, t)| t.clone()).collect())
        })();
        for (temp, _) in &temps {
            let _ = fs::remove_file(temp);
            self.unregister(temp);
        }
        result
    }

    /// Renames every temporary file onto its target; if one rename fails,
    /// the targets already replaced get their earlier contents back (kept as
    /// hard links meanwhile, or copies where links cannot be made), so the
    /// outputs change all together or not at all.
    fn rename_together(&self, temps: &[(PathBuf, PathBuf)]) -> std::io::Result<()> {
        let _renaming = self.renaming.read();
        let mut backups: Vec<(PathBuf, PathBuf)> = Vec::new();
        let mut held = Vec::new();
        let mut done: Vec<&Path> = Vec::new();
        let result = (|| {
            for (temp, target) in temps {
                if target.is_file() {
                    let backup = temp.with_extension("bak");
                    // Made only where nothing is: never through a symlink
                    // someone placed there.
                    let (_, file) = self.registered(|| atomic::backup(target, &backup).map(|f| (backup.clone(), f)))?;
                    held.push(file);
                    backups.push((backup, target.clone()));
                }
            }
            for (temp, target) in temps {
                fs::rename(temp, target).map_err(|e| {
                    std::io::Error::new(e.kind(), format!("{}: {e}", crate::base::diag::shown_path(target)))
                })?;
                done.push(target);
            }
            Ok(())
        })();
        if result.is_err() {
            for target in done {
                match backups.iter().find(|(_, t)| t == target) {
                    Some((backup, _)) => {
                        let _ = fs::rename(backup, target);
                    }
                    None => {
                        let _ = fs::remove_file(target);
                    }
                }
            }
        }
        for (backup, _) in &backups {
            let _ = fs::remove_file(backup);
            self.unregister(backup);
        }
        result
    }

    /// Makes a file with `make`, which returns its path, and records it as
    /// pending, both under the lock an interruption takes: no file is made
    /// after the interruption has removed the pending ones (this waits for
    /// the exit instead).
    fn registered<T>(&self, make: impl FnOnce() -> std::io::Result<(PathBuf, T)>) -> std::io::Result<(PathBuf, T)> {
        let mut pending = self.pending.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let made = make()?;
        pending.push(made.0.clone());
        Ok(made)
    }

    fn unregister(&self, path: &Path) {
        self.pending.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).retain(|p| p != path);
    }

    fn remove_pending(&self) {
        std::mem::forget(self.renaming.write());
        let mut pending = self.pending.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        for path in pending.drain(..) {
            let _ = fs::remove_file(path);
        }
        // Held until the exit, so no temporary file is made after this.
        std::mem::forget(pending);
    }
}

/// Puts `temp` at `target`, where no file is: a hard link, which fails
/// where one is; where links cannot be made (FAT, some network shares), a
/// rename once the target is seen to be absent. `temp` stays, to be
/// removed.
fn place_new(temp: &Path, target: &Path) -> std::io::Result<()> {
    match fs::hard_link(temp, target) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists || fs::symlink_metadata(target).is_ok() => {
            Err(std::io::Error::new(
                std::io::ErrorKind::AlreadyExists,
                format!("{} already exists", crate::base::diag::shown_path(target)),
            ))
        }
        Err(_) => fs::rename(temp, target),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Symlinks placed at the names the next temporary files would take
    /// are neither written through nor renamed into place.
    #[cfg(unix)]
    #[test]
    fn symlinks_at_temporary_names_are_not_followed() {
        let dir = std::env::temp_dir().join(format!("zongjie-planted-{}", std::process::id()));
        let outside = std::env::temp_dir().join(format!("zongjie-outside-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        fs::write(&outside, b"precious").unwrap();
        let next = crate::base::atomic::next_number();
        for n in next..next + 40 {
            for ext in ["md", "pdf"] {
                let name = format!(".p.{ext}.zongjie-{}-{n}.tmp", std::process::id());
                std::os::unix::fs::symlink(&outside, dir.join(name)).unwrap();
            }
        }
        write_all(&dir, "p", &[(Format::Md, b"md".to_vec()), (Format::Pdf, b"pdf".to_vec())]).unwrap();
        assert_eq!(fs::read(&outside).unwrap(), b"precious");
        for name in ["p.md", "p.pdf"] {
            assert!(fs::symlink_metadata(dir.join(name)).unwrap().file_type().is_file(), "{name} is not a plain file");
        }
        assert_eq!(fs::read(dir.join("p.pdf")).unwrap(), b"pdf");
        fs::remove_dir_all(&dir).unwrap();
        fs::remove_file(&outside).unwrap();
    }

    #[test]
    fn new_files_are_written_all_or_none_and_never_over_one() {
        let dir = std::env::temp_dir().join(format!("zongjie-out-new-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let files = [("a.xlsx".to_owned(), b"a".to_vec()), ("b.xlsx".to_owned(), b"b".to_vec())];
        assert_eq!(write_new(&dir, &files).unwrap(), [dir.join("a.xlsx"), dir.join("b.xlsx")]);
        fs::remove_file(dir.join("a.xlsx")).unwrap();
        fs::write(dir.join("b.xlsx"), b"theirs").unwrap();
        let e = write_new(&dir, &files).unwrap_err();
        assert_eq!(e.kind(), std::io::ErrorKind::AlreadyExists);
        let mut names: Vec<String> =
            fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        names.sort();
        assert_eq!(names, ["b.xlsx"], "a.xlsx was left, or a temporary file");
        assert_eq!(fs::read(dir.join("b.xlsx")).unwrap(), b"theirs");
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn writes_together_and_leaves_no_temporaries() {
        let dir = std::env::temp_dir().join(format!("zongjie-out-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join("r.pdf"), b"old").unwrap();
        let written = write_all(&dir, "r", &[(Format::Md, b"md".to_vec()), (Format::Pdf, b"new".to_vec())]).unwrap();
        assert_eq!(written.len(), 2);
        assert_eq!(fs::read(dir.join("r.pdf")).unwrap(), b"new");
        let names: Vec<String> =
            fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        assert!(names.iter().all(|n| !n.ends_with(".tmp")), "{names:?}");
        fs::remove_dir_all(&dir).unwrap();
    }

    /// Once an interruption has removed the pending files, a thread about
    /// to write waits (for the exit) instead of leaving a file behind.
    #[test]
    fn nothing_is_written_after_an_interruption() {
        let dir = std::env::temp_dir().join(format!("zongjie-out-stop-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let writes: &'static Writes = Box::leak(Box::new(Writes::new()));
        writes.remove_pending();
        let late = dir.clone();
        std::thread::spawn(move || writes.replace_all(&late, &[("r.md".to_owned(), b"md")]));
        std::thread::sleep(std::time::Duration::from_millis(200));
        let names: Vec<String> =
            fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        assert!(names.is_empty(), "written after the interruption: {names:?}");
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_failed_write_keeps_the_old_output() {
        let dir = std::env::temp_dir().join(format!("zongjie-out-fail-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join("r.md"), b"old").unwrap();
        // A folder where the PDF should go makes its rename fail.
        fs::create_dir_all(dir.join("r.pdf")).unwrap();
        fs::write(dir.join("r.pdf").join("x"), b"x").unwrap();
        let result = write_all(&dir, "r", &[(Format::Md, b"new".to_vec()), (Format::Pdf, b"new".to_vec())]);
        assert!(result.is_err());
        // The Markdown was renamed into place before the PDF failed: it is
        // put back.
        assert_eq!(fs::read(dir.join("r.md")).unwrap(), b"old");
        let temps = fs::read_dir(&dir)
            .unwrap()
            .filter(|e| {
                let name = e.as_ref().unwrap().file_name().to_string_lossy().into_owned();
                name.ends_with(".tmp") || name.ends_with(".bak")
            })
            .count();
        assert_eq!(temps, 0);
        fs::remove_dir_all(&dir).unwrap();
    }
}
