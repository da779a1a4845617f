//! `zongjie serve`: the documents' pages in the browser, kept up to date as
//! `watch` keeps their files. A small HTTP server on 127.0.0.1 only (a free
//! port unless `--port` names one) serves:
//!
//! - `/`: the document's page, or with several inputs an index of them
//!   with their status;
//! - `/doc/N/`: document N's pages, each an SVG picture from the same layout
//!   as the PDF with the page's text laid invisibly over it (the browser's
//!   search finds it; it can be selected and copied), its build error with
//!   the file, the line and the caret while the last save does not build,
//!   and links to the formats written;
//! - `/doc/N/state?after=V`: the document's state as JSON once its version
//!   passes V (a long poll: the page's script asks again at once, so a save
//!   shows within the rebuild's time; only pages whose picture changed are
//!   fetched again, and the scroll position stays);
//! - `/doc/N/page/HASH.svg`, `/doc/N/file/EXT`: a page's picture, an output.
//!
//! The page is plain HTML with a short script; nothing comes from anywhere
//! but this server, so it works without the internet.

use crate::base::lang::Lang;
use crate::base::msg::msg;
use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::cli::args::ServeArgs;
use crate::engine::watch::{Outcome, Rebuilt};
use crate::engine::{Format, PageImage, Target, output};

use super::{INPUT, build, build_error_text, error, shown, watch};

/// How long a long poll waits for a change before answering anyway.
const POLL_WAIT: Duration = Duration::from_secs(20);

/// The document page.
const DOC_PAGE: &str = include_str!("serve/doc.html");
/// The index of several documents.
const INDEX_PAGE: &str = include_str!("serve/index.html");

/// Runs the command; returns the exit status (when the watcher stops).
pub fn run(args: &ServeArgs) -> i32 {
    let (engine, plan) = match build::prepare(&args.build, true) {
        Ok(prepared) => prepared,
        Err(status) => return status,
    };
    let formats = args.build.formats.clone();
    let server = match tiny_http::Server::http(("127.0.0.1", args.port.unwrap_or(0))) {
        Ok(server) => server,
        Err(e) => {
            let port = args.port.map_or_else(|| msg!(AFreePort), |p| msg!(PortNumber, port = p));
            error(
                msg!(CannotServe, port = port, reason = crate::base::file::error_reason(e.as_ref())),
                vec![msg!(AnotherPort)],
            );
            return INPUT;
        }
    };
    let Some(address) = server.server_addr().to_ip() else {
        error(msg!(NoAddress), vec![]);
        return INPUT;
    };
    let docs = plan.jobs.iter().map(|t| Doc::new(t, &formats)).collect();
    let shared = Arc::new(Shared { state: Mutex::new(State { version: 0, docs }), changed: Condvar::new() });
    let mut session = match watch::start(engine, plan.jobs, args.watch, &args.build) {
        Ok(session) => session,
        Err(status) => return status,
    };
    let server = Arc::new(server);
    {
        let shared = shared.clone();
        let server = server.clone();
        std::thread::spawn(move || serve(&server, &shared));
    }
    let url = format!("http://{address}/");
    eprintln!("{}", msg!(ServingAt, url = url.as_str()).render(crate::base::msg::env_lang()));
    if args.open {
        open(&url);
    }
    let inputs: Vec<PathBuf> = session.targets().iter().map(|t| t.input.clone()).collect();
    let verbose = args.build.verbose;
    session.run(&mut |rebuilt| {
        watch::report(rebuilt, &inputs[rebuilt.index], verbose);
        shared.update(rebuilt);
    });
    server.unblock();
    error(msg!(WatcherStopped), vec![msg!(StartServeAgain)]);
    INPUT
}

/// What the server shows, shared by the rebuilds and the requests.
struct Shared {
    state: Mutex<State>,
    /// Notified on every change of the state.
    changed: Condvar,
}

struct State {
    /// Raised on every rebuild.
    version: u64,
    docs: Vec<Doc>,
}

/// One document as the page shows it.
struct Doc {
    /// The input, as given.
    name: String,
    /// The state's version when it last changed.
    version: u64,
    /// Built yet (or failed) at all.
    done: bool,
    /// The pages of the last good build.
    pages: Vec<PageImage>,
    /// Why the last save did not build, while it does not.
    error: Option<String>,
    /// Its outputs: format and path.
    outputs: Vec<(Format, PathBuf)>,
    /// When it was last built, for the page's status line.
    built_at: Option<Instant>,
    /// Its language, the page's words' (the data file's `lang:` until it
    /// has built).
    lang: Lang,
}

impl Doc {
    fn new(target: &Target, formats: &[Format]) -> Doc {
        Doc {
            name: shown(&target.input),
            version: 0,
            done: false,
            pages: Vec::new(),
            error: None,
            outputs: formats.iter().map(|f| (*f, output::target(&target.out_dir, &target.stem, *f))).collect(),
            built_at: None,
            lang: crate::data::read_source(&target.input)
                .ok()
                .and_then(|s| crate::data::written_lang(&s.text))
                .unwrap_or_else(crate::base::msg::env_lang),
        }
    }

    /// The document's state for its page.
    fn to_json(&self, index: usize) -> Value {
        let pages: Vec<Value> = self
            .pages
            .iter()
            .map(
                |p| json!({ "hash": format!("{:016x}", p.hash), "width": p.width, "height": p.height, "text": p.text }),
            )
            .collect();
        let downloads: Vec<Value> = self
            .outputs
            .iter()
            .filter(|(_, path)| path.is_file())
            .map(|(format, path)| {
                json!({
                    "format": format.ext(),
                    "href": format!("/doc/{index}/file/{}", format.ext()),
                    "name": path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
                })
            })
            .collect();
        json!({
            "version": self.version,
            "name": self.name,
            "status": self.status(),
            "error": self.error,
            "pages": pages,
            "downloads": downloads,
            "age": self.built_at.map(|t| t.elapsed().as_secs()),
            "lang": self.lang.code(),
        })
    }

    fn status(&self) -> &'static str {
        match (self.done, &self.error) {
            (false, _) => "building",
            (true, None) => "built",
            (true, Some(_)) => "error",
        }
    }
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Takes in one build: its pages when it built, its error when not
    /// (the pages of the last good build stay).
    fn update(&self, rebuilt: &Rebuilt) {
        let mut state = self.lock();
        state.version += 1;
        let version = state.version;
        let Some(doc) = state.docs.get_mut(rebuilt.index) else { return };
        doc.version = version;
        doc.done = true;
        match &rebuilt.outcome {
            Outcome::Written { built, .. } => {
                doc.lang = built.lang;
                doc.pages.clone_from(&built.pages);
                doc.error = None;
                doc.built_at = Some(Instant::now());
            }
            Outcome::Unwritten { built, message } => {
                doc.lang = built.lang;
                doc.pages.clone_from(&built.pages);
                doc.error =
                    Some(crate::base::diag::Diagnostic::error(message.clone()).in_lang(built.lang).to_plain_text());
            }
            Outcome::Failed(e) => {
                doc.lang = e.lang();
                doc.error = Some(build_error_text(e));
            }
        }
        drop(state);
        self.changed.notify_all();
    }

    /// The state once `version(state)` passes `after`, or after
    /// [`POLL_WAIT`] whatever it is.
    fn wait_past(&self, after: u64, version: impl Fn(&State) -> u64) -> MutexGuard<'_, State> {
        let deadline = Instant::now() + POLL_WAIT;
        let mut state = self.lock();
        while version(&state) <= after {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                break;
            }
            state = match self.changed.wait_timeout(state, left) {
                Ok((state, _)) => state,
                Err(poisoned) => poisoned.into_inner().0,
            };
        }
        state
    }
}

/// Answers requests, each on a thread of its own (long polls wait).
fn serve(server: &Arc<tiny_http::Server>, shared: &Arc<Shared>) {
    for request in server.incoming_requests() {
        let shared = shared.clone();
        std::thread::spawn(move || {
            let response = respond(&request, &shared);
            let _ = request.respond(response);
        });
    }
}

type Reply = tiny_http::Response<std::io::Cursor<Vec<u8>>>;

fn reply(status: u16, kind: &str, body: Vec<u8>) -> Reply {
    reply_kept(status, kind, body, "no-store")
}

/// A reply the browser may keep as `cache` (Cache-Control) says.
fn reply_kept(status: u16, kind: &str, body: Vec<u8>, cache: &str) -> Reply {
    let mut response = tiny_http::Response::from_data(body).with_status_code(status);
    for (name, value) in [
        ("Content-Type", kind),
        ("Cache-Control", cache),
        ("X-Content-Type-Options", "nosniff"),
        // Nothing from elsewhere, and no other page may frame this one.
        (
            "Content-Security-Policy",
            "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'",
        ),
    ] {
        if let Ok(header) = tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()) {
            response.add_header(header);
        }
    }
    response
}

fn not_found() -> Reply {
    reply(404, "text/plain; charset=utf-8", b"not found\n".to_vec())
}

/// The answer to one request.
fn respond(request: &tiny_http::Request, shared: &Shared) -> Reply {
    if *request.method() != tiny_http::Method::Get {
        return reply(405, "text/plain; charset=utf-8", b"only GET\n".to_vec());
    }
    let (path, query) = request.url().split_once('?').unwrap_or((request.url(), ""));
    let after = query.split('&').find_map(|kv| kv.strip_prefix("after=")).and_then(|v| v.parse::<u64>().ok());
    let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
    let html = "text/html; charset=utf-8";
    match parts.as_slice() {
        [] => {
            if shared.lock().docs.len() == 1 {
                let mut response = reply(302, html, Vec::new());
                if let Ok(header) = tiny_http::Header::from_bytes(&b"Location"[..], &b"/doc/0/"[..]) {
                    response.add_header(header);
                }
                return response;
            }
            reply(200, html, INDEX_PAGE.as_bytes().to_vec())
        }
        ["status"] => {
            let state = match after {
                Some(after) => shared.wait_past(after, |s| s.version),
                None => shared.lock(),
            };
            let docs: Vec<Value> = state
                .docs
                .iter()
                .enumerate()
                .map(|(i, d)| {
                    json!({ "name": d.name, "status": d.status(), "href": format!("/doc/{i}/"), "pages": d.pages.len(), "lang": d.lang.code() })
                })
                .collect();
            let body = json!({ "version": state.version, "docs": docs });
            reply(200, "application/json", body.to_string().into_bytes())
        }
        ["doc", n, rest @ ..] => {
            let Ok(index) = n.parse::<usize>() else { return not_found() };
            if index >= shared.lock().docs.len() {
                return not_found();
            }
            match rest {
                [] => {
                    let state = shared.lock().docs[index].to_json(index).to_string();
                    reply(200, html, doc_page(&state).into_bytes())
                }
                ["state"] => {
                    let state = match after {
                        Some(after) => shared.wait_past(after, |s| s.docs[index].version),
                        None => shared.lock(),
                    };
                    let body = state.docs[index].to_json(index);
                    reply(200, "application/json", body.to_string().into_bytes())
                }
                ["page", file] => {
                    let Some(hash) = file.strip_suffix(".svg") else { return not_found() };
                    let state = shared.lock();
                    match state.docs[index].pages.iter().find(|p| format!("{:016x}", p.hash) == hash) {
                        // A page's address is its picture's hash: it never changes.
                        Some(page) => reply_kept(
                            200,
                            "image/svg+xml",
                            page.svg.clone().into_bytes(),
                            "private, max-age=86400, immutable",
                        ),
                        None => not_found(),
                    }
                }
                ["file", ext] => {
                    let state = shared.lock();
                    let Some((format, path)) = state.docs[index].outputs.iter().find(|(f, _)| f.ext() == *ext) else {
                        return not_found();
                    };
                    let (format, path) = (*format, path.clone());
                    drop(state);
                    match std::fs::read(&path) {
                        Ok(bytes) => download(format, &path, bytes),
                        Err(_) => not_found(),
                    }
                }
                _ => not_found(),
            }
        }
        _ => not_found(),
    }
}

/// The document's page with its state as it is now written in, for the
/// script to draw before the page has loaded. Every `<` is written
/// `\u003c` (the same string in JSON, where `<` is only ever inside a
/// string), so that no text of the document ends or bends the script.
fn doc_page(state: &str) -> String {
    DOC_PAGE.replacen("{{STATE}}", &state.replace('<', "\\u003c"), 1)
}

/// An output file as a download, under its own name.
fn download(format: Format, path: &std::path::Path, bytes: Vec<u8>) -> Reply {
    let kind = match format {
        Format::Md => "text/markdown; charset=utf-8",
        Format::Pdf => "application/pdf",
        Format::Typ => "text/plain; charset=utf-8",
        Format::Html => "text/html; charset=utf-8",
        Format::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    };
    let mut response = reply(200, kind, bytes);
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    // The name percent-encoded (RFC 5987), for names in Chinese.
    let encoded: String = name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._".contains(&b) { (b as char).to_string() } else { format!("%{b:02X}") }
        })
        .collect();
    let value = format!("attachment; filename*=UTF-8''{encoded}");
    if let Ok(header) = tiny_http::Header::from_bytes(&b"Content-Disposition"[..], value.as_bytes()) {
        response.add_header(header);
    }
    response
}

/// Opens `url` in the default browser (errors are only printed).
fn open(url: &str) {
    let mut command = if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else if cfg!(windows) {
        let mut c = std::process::Command::new("cmd");
        c.args(["/c", "start", ""]);
        c
    } else {
        std::process::Command::new("xdg-open")
    };
    command.arg(url).stdout(std::process::Stdio::null()).stderr(std::process::Stdio::null());
    if let Err(e) = command.spawn() {
        error(msg!(CannotOpenBrowser, reason = crate::base::file::io_reason(&e)), vec![msg!(OpenYourself, url = url)]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_state_written_into_the_page_cannot_end_its_script() {
        let state = json!({ "name": "</script><script>alert(1)</script><!--", "pages": [] }).to_string();
        let page = doc_page(&state);
        let start = page.find("<script id=\"initial\" type=\"application/json\">").unwrap();
        let rest = &page[start..];
        let inline = &rest[rest.find('>').unwrap() + 1..rest.find("</script>").unwrap()];
        assert!(!inline.contains('<'), "{inline}");
        let read: Value = serde_json::from_str(inline).unwrap();
        assert_eq!(read["name"], "</script><script>alert(1)</script><!--");
    }
}
