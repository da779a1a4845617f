//! Keeping documents built while they are written (`watch`, `serve`): each
//! document is built, then rebuilt whenever a file it is made from changes
//! (its input, an image of its body, a unit return its `units:` patterns
//! match, a file of the template folder), once the changes have been quiet
//! for [`QUIET`]. Folders are watched, not files, so that editors that save
//! by writing a new file and renaming it over the old one, and files that
//! are deleted and made again, are seen; `poll` reads the folders instead,
//! where file events never come (network shares, WSL). A failed build
//! writes nothing: the last good outputs stay until the next good save.
//!
//! Typst's memo cache is kept between rebuilds (the batch trims it after
//! every document), so an edit of one paragraph is laid out again from
//! mostly cached pieces; entries unused for [`MEMO_AGE`] rebuilds are
//! dropped, so a long session does not grow without bound.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use notify::{Event, EventKind, RecursiveMode};

use super::watchdog::Watchdog;
use super::{BuildError, Built, Engine, Format, Sources, Target, output};

/// How long the files must be quiet after a change before the rebuild: one
/// save is several events (truncate, write, rename).
pub const QUIET: Duration = Duration::from_millis(50);

/// How long the files must be quiet after a save of a file a document was
/// made of is seen to be complete (written and closed, or renamed into
/// place): none. The events
/// already delivered are read, then the rebuild starts; whatever an editor
/// does after it is done (a backup, a second write) is a change of its own,
/// rebuilt in the next round.
pub const SETTLE: Duration = Duration::ZERO;

/// The longest a rebuild waits for the files to be quiet.
const MOST_WAIT: Duration = Duration::from_millis(500);

/// How often `poll` reads the folders.
pub const POLL_EVERY: Duration = Duration::from_millis(250);

/// How many rounds of rebuilds a memo entry is kept unused.
pub const MEMO_AGE: usize = 8;

/// One build of one document.
#[derive(Debug)]
pub struct Rebuilt {
    /// Which document (its index among the targets).
    pub index: usize,
    /// What came of it.
    pub outcome: Outcome,
    /// From the first change seen to the start of the build: the quiet
    /// period and the time the events took. None for the first build.
    pub waited: Option<Duration>,
    /// How long building and writing took.
    pub took: Duration,
    /// It failed as the build before it did, with the same error: nothing
    /// new to tell (a file beside the document keeps changing).
    pub repeated: bool,
}

/// What a build gave.
#[derive(Debug)]
pub enum Outcome {
    /// Built, and its files written.
    Written {
        /// The document.
        built: Built,
        /// The files written.
        paths: Vec<PathBuf>,
    },
    /// Built, but its files could not be written (the earlier ones stay).
    Unwritten {
        /// The document.
        built: Built,
        /// Why.
        message: crate::base::msg::Message,
    },
    /// Not built: the earlier outputs stay.
    Failed(BuildError),
}

/// What is known of one document between its builds.
#[derive(Debug, Default)]
struct Known {
    /// Its sources, as the last build (or the last good one) found them,
    /// each as its folder's real path and its name.
    files: Vec<PathBuf>,
    /// Its folder's real path.
    root: PathBuf,
    /// Its unit patterns.
    patterns: Vec<glob::Pattern>,
    /// Whether its last build failed (then any change in its folder of a
    /// file it could be made of counts: what it is missing may be what
    /// appears).
    failed: bool,
    /// The error of its last build, if it failed, as its debug text.
    last_error: Option<String>,
}

/// Documents kept built.
pub struct Session {
    engine: Engine,
    targets: Vec<Target>,
    known: Vec<Known>,
    /// Our own outputs, which never count as a change.
    outputs: BTreeSet<PathBuf>,
    template_dir: Option<PathBuf>,
    watcher: Box<dyn notify::Watcher + Send>,
    events: Receiver<notify::Result<Event>>,
    watched: BTreeSet<(PathBuf, bool)>,
    /// Whether a file of the template folder changed since the last build.
    templates_changed: bool,
    /// Ends the process when a build passes `--timeout` or `--max-memory`
    /// (Typst cannot be interrupted in-process).
    dog: Arc<Watchdog>,
    /// The tracker of the last "renamed to" event (see [`told_twice`]).
    renamed_to: Option<usize>,
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Session").field("targets", &self.targets).finish_non_exhaustive()
    }
}

impl Session {
    /// A session over `targets`, noticing changes by file events, or by
    /// reading the folders every [`POLL_EVERY`] with `poll`; each build is
    /// watched by `dog`.
    pub fn new(engine: Engine, targets: Vec<Target>, poll: bool, dog: Arc<Watchdog>) -> notify::Result<Session> {
        let (tx, events) = channel();
        let watcher: Box<dyn notify::Watcher + Send> = if poll {
            // Contents, not only times: two saves within one tick of a coarse
            // clock (network shares) look alike by time.
            let config = notify::Config::default().with_poll_interval(POLL_EVERY).with_compare_contents(true);
            Box::new(notify::PollWatcher::new(tx, config)?)
        } else {
            Box::new(notify::recommended_watcher(tx)?)
        };
        let template_dir = engine.templates.user_dir().map(Path::to_path_buf);
        let mut outputs = BTreeSet::new();
        for target in &targets {
            let dir = real(&target.out_dir);
            for format in [Format::Md, Format::Pdf, Format::Typ, Format::Html, Format::Docx] {
                outputs.insert(output::target(&dir, &target.stem, format));
            }
        }
        let known = targets
            .iter()
            .map(|t| Known {
                files: vec![normal(&t.input)],
                root: real(&parent_of(&t.input)),
                patterns: Vec::new(),
                failed: false,
                last_error: None,
            })
            .collect();
        let mut session = Session {
            engine,
            targets,
            known,
            outputs,
            template_dir,
            watcher,
            events,
            watched: BTreeSet::new(),
            templates_changed: false,
            dog,
            renamed_to: None,
        };
        if let Some(dir) = session.template_dir.clone() {
            session.watch(&dir, true);
        }
        for i in 0..session.targets.len() {
            session.watch_sources(i);
        }
        Ok(session)
    }

    /// The documents.
    pub fn targets(&self) -> &[Target] {
        &self.targets
    }

    /// Builds every document, then rebuilds them as their files change,
    /// telling `report` of each build. Returns when the watcher stops.
    pub fn run(&mut self, report: &mut dyn FnMut(&Rebuilt)) {
        let all: Vec<usize> = (0..self.targets.len()).collect();
        self.rebuild(&all, None, report);
        while let Some((which, first)) = self.next_change() {
            self.rebuild(&which, Some(first), report);
        }
    }

    /// Builds the documents `which` and writes their files.
    fn rebuild(&mut self, which: &[usize], first: Option<Instant>, report: &mut dyn FnMut(&Rebuilt)) {
        if first.is_some() && std::mem::take(&mut self.templates_changed) {
            // The template engine keeps the templates it has read: read them again.
            if let Ok(templates) = crate::render::Templates::new(self.template_dir.as_deref()) {
                self.engine.templates = templates;
            }
        }
        for &index in which {
            let waited = first.map(|t| t.elapsed());
            let started = Instant::now();
            let target = &self.targets[index];
            let watched = self.dog.watch(&target.input);
            let outcome = match self.engine.build(&target.input) {
                Ok(built) => match output::write_target(target, &built.files) {
                    Ok(paths) => Outcome::Written { built, paths },
                    Err(message) => Outcome::Unwritten { built, message },
                },
                Err(e) => Outcome::Failed(e),
            };
            drop(watched);
            let took = started.elapsed();
            let error = match &outcome {
                Outcome::Failed(e) => Some(format!("{e:?}")),
                _ => None,
            };
            let repeated = error.is_some() && self.known[index].last_error == error;
            self.known[index].last_error = error;
            match &outcome {
                Outcome::Written { built, .. } | Outcome::Unwritten { built, .. } => {
                    self.learn(index, &built.sources);
                }
                Outcome::Failed(_) => {
                    // What it is missing may be last period's file, outside
                    // its folder: follow that file too.
                    let previous = previous_of(&target.input);
                    let known = &mut self.known[index];
                    known.failed = true;
                    known.files.extend(previous.filter(|p| !known.files.contains(p)));
                }
            }
            self.watch_sources(index);
            report(&Rebuilt { index, outcome, waited, took, repeated });
        }
        comemo::evict(MEMO_AGE);
    }

    /// Keeps what a good build found the document is made of.
    fn learn(&mut self, index: usize, sources: &Sources) {
        let known = &mut self.known[index];
        known.files = sources.files.iter().map(|f| normal(f)).collect();
        known.root = real(&sources.root);
        known.patterns = sources.patterns.iter().filter_map(|p| glob::Pattern::new(p).ok()).collect();
        known.failed = false;
    }

    /// Watches the folders of a document's files (its own folder with all
    /// below it where it rolls up unit returns).
    fn watch_sources(&mut self, index: usize) {
        let known = &self.known[index];
        let mut folders: Vec<(PathBuf, bool)> = vec![(known.root.clone(), !known.patterns.is_empty())];
        folders.extend(known.files.iter().filter_map(|f| f.parent()).map(|d| (d.to_path_buf(), false)));
        for (folder, recursive) in folders {
            self.watch(&folder, recursive);
        }
    }

    fn watch(&mut self, folder: &Path, recursive: bool) {
        if self.watched.contains(&(folder.to_path_buf(), recursive))
            || self.watched.contains(&(folder.to_path_buf(), true))
        {
            return;
        }
        let mode = if recursive { RecursiveMode::Recursive } else { RecursiveMode::NonRecursive };
        // A folder that is not there (yet) has nothing to watch.
        if self.watcher.watch(folder, mode).is_ok() {
            self.watched.insert((folder.to_path_buf(), recursive));
        }
    }

    /// Waits for a change to the files of some documents, then for the
    /// files to be quiet; returns those documents and when the first
    /// change was seen. None when the watcher has stopped.
    fn next_change(&mut self) -> Option<(Vec<usize>, Instant)> {
        let mut touched = BTreeSet::new();
        let mut first: Option<Instant> = None;
        // Whether the last change seen finished a save.
        let mut saved = false;
        loop {
            let event = match first {
                None => self.events.recv().ok()?,
                Some(t) => {
                    let left = MOST_WAIT.saturating_sub(t.elapsed());
                    let quiet = if saved { SETTLE } else { QUIET };
                    match self.events.recv_timeout(quiet.min(left)) {
                        Ok(event) => event,
                        Err(RecvTimeoutError::Timeout) => return Some((touched.into_iter().collect(), t)),
                        Err(RecvTimeoutError::Disconnected) => return None,
                    }
                }
            };
            let Ok(event) = event else { continue };
            if told_twice(&mut self.renamed_to, &event) {
                continue;
            }
            let before = touched.len();
            if event.need_rescan() {
                touched.extend(0..self.targets.len());
            } else if counts(&event.kind) || completes(&event.kind) {
                let mut concerns = false;
                for path in &event.paths {
                    let concerned: Vec<usize> = (0..self.targets.len()).filter(|&i| self.touches(i, path)).collect();
                    concerns |= !concerned.is_empty();
                    touched.extend(concerned);
                    self.templates_changed |= self.in_templates(path);
                }
                if concerns {
                    // Finished: a file the documents were last made of, not
                    // an editor's temporary beside it that a pattern
                    // (`units/*`) or a failed build's watch also sees.
                    saved = completes(&event.kind)
                        && event.paths.iter().any(|p| self.known.iter().any(|k| k.files.contains(p)));
                }
            }
            if touched.len() > before {
                first.get_or_insert_with(Instant::now);
            }
        }
    }

    /// Whether `path` is a file of the template folder.
    fn in_templates(&self, path: &Path) -> bool {
        self.template_dir.as_ref().is_some_and(|dir| path.starts_with(dir)) && !ours(path)
    }

    /// Whether a change at `path` concerns document `index`.
    fn touches(&self, index: usize, path: &Path) -> bool {
        let known = &self.known[index];
        if known.files.iter().any(|f| f == path) {
            return true;
        }
        if self.in_templates(path) {
            return true;
        }
        let Ok(relative) = path.strip_prefix(&known.root) else { return false };
        let options = glob::MatchOptions { require_literal_separator: true, ..glob::MatchOptions::new() };
        if known.patterns.iter().any(|p| p.matches_path_with(relative, options)) {
            return !ours(path);
        }
        known.failed && !ours(path) && !self.outputs.contains(path) && may_be_source(path)
    }
}

/// Whether a file could be one a document is made of, by its kind: data,
/// an edited text, a unit return, a picture, a style or a folder (no
/// extension). A log written beside the document (`watch > log.txt`) is
/// not, or each failed build would start the next.
fn may_be_source(path: &Path) -> bool {
    const KINDS: [&str; 18] = [
        "yaml", "yml", "md", "markdown", "xlsx", "xlsm", "xls", "ods", "csv", "png", "jpg", "jpeg", "gif", "svg",
        "svgz", "typ", "ttf", "otf",
    ];
    path.extension().is_none_or(|e| KINDS.iter().any(|k| e.eq_ignore_ascii_case(k)))
}

/// Whether `event` tells again of a rename already seen: a rename within
/// the watched folders comes as "renamed to" and then as "renamed from and
/// to" with the same tracker, perhaps after the rebuild the first one
/// started has begun. `renamed_to` keeps the last "renamed to" tracker.
fn told_twice(renamed_to: &mut Option<usize>, event: &Event) -> bool {
    use notify::event::{ModifyKind, RenameMode};
    match event.kind {
        EventKind::Modify(ModifyKind::Name(RenameMode::To)) if event.tracker().is_some() => {
            *renamed_to = event.tracker();
            false
        }
        EventKind::Modify(ModifyKind::Name(RenameMode::Both)) => {
            event.tracker().is_some() && std::mem::take(renamed_to) == event.tracker()
        }
        _ => false,
    }
}

/// The file a document's `previous_file:` names, as events name it.
fn previous_of(input: &Path) -> Option<PathBuf> {
    if input.extension().is_some_and(|e| e == "md") {
        return None;
    }
    let written = crate::data::written_previous_file(&crate::data::read_source(input).ok()?)?;
    Some(normal(&parent_of(input).join(written)))
}

/// Whether an event is a change of a file (not someone reading it).
fn counts(kind: &EventKind) -> bool {
    matches!(
        kind,
        EventKind::Any | EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_) | EventKind::Other
    )
}

/// Whether an event finishes a save: the file was written and closed, or
/// renamed into place. A save by an editor ends with one of them; the
/// writes before it are not the file's final content.
fn completes(kind: &EventKind) -> bool {
    use notify::event::{AccessKind, AccessMode, ModifyKind, RenameMode};
    matches!(
        kind,
        EventKind::Access(AccessKind::Close(AccessMode::Write))
            | EventKind::Modify(ModifyKind::Name(RenameMode::To | RenameMode::Both))
    )
}

/// Whether a file is a temporary file of ours (`.<name>.zongjie-<pid>-<n>.tmp`).
fn ours(path: &Path) -> bool {
    let name = path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
    name.starts_with('.') && name.contains(".zongjie-") && (name.ends_with(".tmp") || name.ends_with(".bak"))
}

/// The folder of a file (`.` for a bare name).
fn parent_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// A folder's real path (as given, made absolute, if it cannot be found).
fn real(dir: &Path) -> PathBuf {
    dir.canonicalize().or_else(|_| std::path::absolute(dir)).unwrap_or_else(|_| dir.to_path_buf())
}

/// A file as events name it: its folder's real path and its name (the
/// file itself may be gone, or be a new file at the same name).
fn normal(file: &Path) -> PathBuf {
    match file.file_name() {
        Some(name) => real(&parent_of(file)).join(name),
        None => real(file),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn our_temporary_files_are_not_changes() {
        assert!(ours(Path::new("/d/.r.pdf.zongjie-12-3.tmp")));
        assert!(ours(Path::new("/d/.r.pdf.zongjie-12-3.bak")));
        assert!(!ours(Path::new("/d/r.yaml")));
        assert!(!ours(Path::new("/d/.r.yaml.swp")));
    }

    #[test]
    fn a_log_beside_a_failed_document_is_no_source() {
        assert!(!may_be_source(Path::new("/d/watch.log")));
        assert!(!may_be_source(Path::new("/d/notes.txt")));
        for source in ["/d/r.yaml", "/d/units/a.XLSX", "/d/img/p.png", "/d/units", "/d/r.md"] {
            assert!(may_be_source(Path::new(source)), "{source}");
        }
    }

    #[test]
    fn reading_a_file_is_not_a_change() {
        use notify::event::{AccessKind, AccessMode, CreateKind, ModifyKind, RenameMode};
        assert!(!counts(&EventKind::Access(AccessKind::Close(AccessMode::Write))));
        assert!(counts(&EventKind::Modify(ModifyKind::Name(RenameMode::To))));
        assert!(counts(&EventKind::Create(CreateKind::File)));
    }

    #[test]
    fn a_rename_told_twice_is_one_change() {
        use notify::event::{ModifyKind, RenameMode};
        let rename = |mode, tracker| Event::new(EventKind::Modify(ModifyKind::Name(mode))).set_tracker(tracker);
        let mut last = None;
        assert!(!told_twice(&mut last, &rename(RenameMode::To, 7)));
        assert!(told_twice(&mut last, &rename(RenameMode::Both, 7)));
        // Another rename, or the same tracker told a third time: changes.
        assert!(!told_twice(&mut last, &rename(RenameMode::Both, 7)));
        assert!(!told_twice(&mut last, &rename(RenameMode::To, 8)));
        assert!(!told_twice(&mut last, &rename(RenameMode::Both, 9)));
        assert!(!told_twice(&mut last, &Event::new(EventKind::Modify(ModifyKind::Name(RenameMode::Both)))));
    }

    #[test]
    fn a_closed_or_renamed_file_is_a_finished_save() {
        use notify::event::{AccessKind, AccessMode, DataChange, ModifyKind, RenameMode};
        assert!(completes(&EventKind::Access(AccessKind::Close(AccessMode::Write))));
        assert!(completes(&EventKind::Modify(ModifyKind::Name(RenameMode::To))));
        assert!(completes(&EventKind::Modify(ModifyKind::Name(RenameMode::Both))));
        assert!(!completes(&EventKind::Modify(ModifyKind::Name(RenameMode::From))));
        assert!(!completes(&EventKind::Modify(ModifyKind::Data(DataChange::Content))));
    }
}
