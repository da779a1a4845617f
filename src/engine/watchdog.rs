//! Limits on a run that Typst and minijinja cannot enforce themselves.
//! Typst cannot be interrupted in-process, and a template's loop that
//! doubles a string grows faster than any count of steps: a user's
//! `--template-dir` can ask for hours or for more memory than the machine
//! has. A watchdog thread looks at the documents being built: when one
//! takes longer than `--timeout`, or the process holds more memory than
//! `--max-memory`, it removes the temporary files being written, names
//! the document and its template, and ends the run (exit 1). Documents
//! finished before stay as they were written; nothing half-written is left.

use crate::base::diag::Diagnostic;
use crate::base::msg::{Message, msg};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// The limits of a run.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// The longest one document may take.
    pub timeout: Duration,
    /// The most memory the process may hold (resident), in bytes; `None`
    /// where it cannot be read (outside Linux).
    pub max_memory: Option<u64>,
}

/// The default `--timeout`: far above a legitimate build (a 1,000-unit
/// bulletin takes seconds).
pub const DEFAULT_TIMEOUT_SECS: u64 = 300;
/// The default `--max-memory`, in MB.
pub const DEFAULT_MAX_MEMORY_MB: u64 = 4096;

/// How often the watchdog looks.
const TICK: Duration = Duration::from_millis(20);

/// A document being built.
struct Running {
    id: u64,
    input: PathBuf,
    started: Instant,
}

/// The documents being built, watched by one thread.
pub struct Watchdog {
    running: Mutex<(u64, Vec<Running>)>,
    limits: Limits,
    /// What the message says of the template: the `--template-dir`, if any.
    template_dir: Option<PathBuf>,
    /// The template `-t` names, if any.
    template: Option<String>,
}

/// Keeps a document on the watchdog's list while it lives.
pub struct Watched<'a> {
    dog: &'a Watchdog,
    id: u64,
}

impl Drop for Watched<'_> {
    fn drop(&mut self) {
        let mut running = self.dog.running.lock().unwrap_or_else(PoisonError::into_inner);
        running.1.retain(|r| r.id != self.id);
    }
}

impl Watchdog {
    /// Starts the watchdog thread; it runs until the process ends.
    pub fn start(limits: Limits, template_dir: Option<&Path>, template: Option<&str>) -> Arc<Watchdog> {
        let dog = Arc::new(Watchdog {
            running: Mutex::new((0, Vec::new())),
            limits,
            template_dir: template_dir.map(Path::to_path_buf),
            template: template.map(str::to_owned),
        });
        let watched = Arc::clone(&dog);
        let _ = std::thread::Builder::new().name("zongjie-watchdog".into()).spawn(move || {
            loop {
                std::thread::sleep(TICK);
                if let Some(message) = watched.over_limit() {
                    crate::engine::output::remove_pending();
                    eprint!("{message}");
                    std::process::exit(1);
                }
            }
        });
        dog
    }

    /// Puts `input` on the list until the returned guard is dropped.
    pub fn watch(&self, input: &Path) -> Watched<'_> {
        let mut running = self.running.lock().unwrap_or_else(PoisonError::into_inner);
        running.0 += 1;
        let id = running.0;
        running.1.push(Running { id, input: input.to_path_buf(), started: Instant::now() });
        Watched { dog: self, id }
    }

    /// The message that ends the run, if a limit is passed.
    fn over_limit(&self) -> Option<String> {
        let running = self.running.lock().unwrap_or_else(PoisonError::into_inner);
        let oldest = running.1.iter().min_by_key(|r| r.started)?;
        if oldest.started.elapsed() > self.limits.timeout {
            return Some(self.message(&oldest.input, msg!(TookTooLong, seconds = self.limits.timeout.as_secs())));
        }
        let limit = self.limits.max_memory?;
        let used = resident_bytes()?;
        if used > limit {
            let names: Vec<&Path> = running.1.iter().map(|r| r.input.as_path()).collect();
            let input = if names.len() == 1 { names[0] } else { &oldest.input };
            return Some(self.message(input, msg!(NeededTooMuchMemory, megabytes = limit / 1_048_576)));
        }
        None
    }

    fn message(&self, input: &Path, what: Message) -> String {
        let file = crate::base::diag::shown_path(input);
        let template = self.template.clone().or_else(|| template_of(input));
        let message = match (template, &self.template_dir) {
            (Some(name), Some(dir)) => msg!(
                StoppedWithTemplateFrom,
                file = file,
                template = name,
                dir = crate::base::diag::shown_path(dir),
                what = what
            ),
            (Some(name), None) => msg!(StoppedWithTemplate, file = file, template = name, what = what),
            (None, Some(dir)) => {
                msg!(StoppedWithItsTemplateFrom, file = file, dir = crate::base::diag::shown_path(dir), what = what)
            }
            (None, None) => msg!(StoppedWithItsTemplate, file = file, what = what),
        };
        let lang = crate::data::read_source(input)
            .ok()
            .and_then(|s| crate::data::written_lang(&s.text))
            .unwrap_or_else(crate::base::msg::env_lang);
        Diagnostic::error(message).hint(msg!(LoopLikely)).in_lang(lang).to_plain_text()
    }
}

/// The template a data file names (the default one when it names none),
/// read again for the message.
fn template_of(input: &Path) -> Option<String> {
    let source = crate::data::read_source(input).ok()?;
    if input.extension().is_some_and(|e| e == "md") {
        return None;
    }
    Some(crate::data::front_matter_template(&source).ok().flatten().unwrap_or_else(|| "progress-report".into()))
}

/// The memory the process holds, from `/proc/self/statm` (Linux).
fn resident_bytes() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    #[cfg(unix)]
    // SAFETY: sysconf reads a constant of the system and has no preconditions.
    let page = u64::try_from(unsafe { libc::sysconf(libc::_SC_PAGESIZE) }).unwrap_or(4096);
    #[cfg(not(unix))]
    let page = 4096;
    Some(pages * page)
}
