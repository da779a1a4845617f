//! `zongjie serve` in a real browser: Debian's Chromium, headless, driven
//! through the DevTools protocol (over a WebSocket, with the few lines of
//! client below). The first page is in the screenshot and its text in the
//! page; after an edit of the data file the new text appears without a
//! reload, the scroll position kept; after a broken edit the page shows
//! the error with its file, line and caret; the next good save clears it.
//! Several inputs get an index page. A missing Chromium fails the test.

mod common;

use std::io::{BufRead as _, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use base64::Engine as _;
use common::{Live, temp, write_file};
use serde_json::{Value, json};

const CHROMIUM: &str = "/usr/bin/chromium";

/// A headless Chromium with one page, killed when dropped.
struct Browser {
    child: Child,
    socket: TcpStream,
    next_id: u64,
    _profile: tempfile::TempDir,
}

impl Browser {
    fn start() -> Browser {
        assert!(Path::new(CHROMIUM).exists(), "{CHROMIUM} is missing: apt-get install chromium");
        let profile = temp();
        let mut child = Command::new(CHROMIUM)
            .args([
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--remote-debugging-port=0",
                "--window-size=1200,1600",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg("about:blank")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {CHROMIUM} ({e}): apt-get install chromium"));
        let mut stderr = BufReader::new(child.stderr.take().expect("chromium's stderr"));
        let mut endpoint = None;
        let mut seen = String::new();
        let mut line = String::new();
        while endpoint.is_none() {
            line.clear();
            let n = stderr.read_line(&mut line).expect("chromium's stderr");
            assert!(n > 0, "chromium exited before it listened:\n{seen}");
            seen.push_str(&line);
            endpoint = line.trim().strip_prefix("DevTools listening on ws://").map(str::to_owned);
        }
        // Keep reading, so that Chromium never blocks on a full pipe.
        std::thread::spawn(move || std::io::copy(&mut stderr, &mut std::io::sink()));
        let endpoint = endpoint.unwrap();
        let host = endpoint.split('/').next().unwrap().to_owned();
        let list: Value = serde_json::from_str(&http_get(&host, "/json/list")).expect("the list of targets");
        let page = list
            .as_array()
            .and_then(|targets| targets.iter().find(|t| t["type"] == "page"))
            .unwrap_or_else(|| panic!("no page among {list}"));
        let url = page["webSocketDebuggerUrl"].as_str().expect("the page's WebSocket").to_owned();
        let path = url.trim_start_matches("ws://").trim_start_matches(&host).to_owned();
        let socket = connect(&host, &path);
        Browser { child, socket, next_id: 0, _profile: profile }
    }

    /// Sends a command and returns its result.
    #[track_caller]
    fn call(&mut self, method: &str, params: Value) -> Value {
        self.try_call(method, params).unwrap_or_else(|e| panic!("{method}: {e}"))
    }

    /// Sends a command and returns its result or its error.
    fn try_call(&mut self, method: &str, params: Value) -> Result<Value, Value> {
        self.next_id += 1;
        let id = self.next_id;
        send_text(&mut self.socket, &json!({ "id": id, "method": method, "params": params }).to_string());
        loop {
            let message: Value = serde_json::from_str(&receive_text(&mut self.socket)).expect("a JSON message");
            if message["id"] == id {
                return match message.get("error") {
                    Some(error) => Err(error.clone()),
                    None => Ok(message["result"].clone()),
                };
            }
        }
    }

    fn open(&mut self, url: &str) {
        self.call("Page.navigate", json!({ "url": url }));
    }

    /// The value of a JavaScript expression in the page (null while a
    /// page is being loaded, or where the expression throws).
    fn eval(&mut self, expression: &str) -> Value {
        match self.try_call("Runtime.evaluate", json!({ "expression": expression, "returnByValue": true })) {
            Ok(result) => result["result"]["value"].clone(),
            Err(_) => Value::Null,
        }
    }

    /// Waits until the expression is true; fails after `seconds`.
    #[track_caller]
    fn wait_until(&mut self, seconds: u64, expression: &str) -> Duration {
        let started = Instant::now();
        loop {
            if self.eval(expression) == json!(true) {
                return started.elapsed();
            }
            if started.elapsed() > Duration::from_secs(seconds) {
                let body = self.eval("document.body ? document.body.innerText : ''");
                panic!("not true within {seconds} s: {expression}\npage text:\n{}", body.as_str().unwrap_or(""));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The page as a PNG picture: width, height and RGBA pixels.
    fn screenshot(&mut self) -> (u32, u32, Vec<u8>) {
        let result = self.call("Page.captureScreenshot", json!({ "format": "png" }));
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(result["data"].as_str().expect("the picture"))
            .expect("base64");
        rgba(bytes)
    }
}

/// How many pixels of a region of an RGBA picture `width` wide are white
/// (the sheet), how many dark (print), and how many there are.
fn shades(width: u32, pixels: &[u8], xs: std::ops::Range<u32>, ys: std::ops::Range<u32>) -> (u64, u64, u64) {
    let (mut white, mut dark, mut all) = (0u64, 0u64, 0u64);
    for y in ys {
        for x in xs.clone() {
            let i = ((y * width + x) * 4) as usize;
            let (r, g, b) = (pixels[i], pixels[i + 1], pixels[i + 2]);
            all += 1;
            if r > 245 && g > 245 && b > 245 {
                white += 1;
            } else if r < 100 && g < 100 && b < 100 {
                dark += 1;
            }
        }
    }
    (white, dark, all)
}

/// A PNG picture's width, height and RGBA pixels.
fn rgba(bytes: Vec<u8>) -> (u32, u32, Vec<u8>) {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::normalize_to_color8() | png::Transformations::ALPHA);
    let mut reader = decoder.read_info().expect("a PNG");
    let mut pixels = vec![0; reader.output_buffer_size().expect("a size")];
    let info = reader.next_frame(&mut pixels).expect("a frame");
    pixels.truncate(info.buffer_size());
    (info.width, info.height, pixels)
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn http_get(host: &str, path: &str) -> String {
    let mut stream = TcpStream::connect(host).expect("the DevTools port");
    write!(stream, "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").unwrap();
    let head = read_head(&mut stream);
    // DevTools keeps the connection open: read as much as it says.
    let length = head
        .lines()
        .find_map(|l| l.to_ascii_lowercase().strip_prefix("content-length:").map(|v| v.trim().to_owned()))
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or_else(|| panic!("no Content-Length in {head}"));
    let mut body = vec![0u8; length];
    stream.read_exact(&mut body).expect("the body");
    String::from_utf8(body).expect("UTF-8")
}

/// An HTTP answer's head, up to the blank line.
fn read_head(stream: &mut TcpStream) -> String {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        stream.read_exact(&mut byte).expect("an answer");
        head.push(byte[0]);
    }
    String::from_utf8_lossy(&head).into_owned()
}

/// Opens a WebSocket (RFC 6455) to `host` at `path`.
fn connect(host: &str, path: &str) -> TcpStream {
    let mut stream = TcpStream::connect(host).expect("the DevTools port");
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
    )
    .unwrap();
    let head = read_head(&mut stream);
    assert!(head.starts_with("HTTP/1.1 101"), "no WebSocket: {head}");
    stream
}

/// Sends one text frame (masked, as a client must).
fn send_text(stream: &mut TcpStream, text: &str) {
    let payload = text.as_bytes();
    let mut frame = vec![0x81u8];
    match payload.len() {
        n if n < 126 => frame.push(0x80 | n as u8),
        n if n < 65536 => {
            frame.push(0x80 | 126);
            frame.extend_from_slice(&(n as u16).to_be_bytes());
        }
        n => {
            frame.push(0x80 | 127);
            frame.extend_from_slice(&(n as u64).to_be_bytes());
        }
    }
    let mask = [0x37u8, 0xfa, 0x21, 0x3d];
    frame.extend_from_slice(&mask);
    frame.extend(payload.iter().enumerate().map(|(i, b)| b ^ mask[i % 4]));
    stream.write_all(&frame).expect("a frame sent");
}

/// Receives the next text message (frames joined; pings skipped).
fn receive_text(stream: &mut TcpStream) -> String {
    let mut message = Vec::new();
    loop {
        let mut head = [0u8; 2];
        stream.read_exact(&mut head).expect("a frame");
        let (fin, opcode) = (head[0] & 0x80 != 0, head[0] & 0x0f);
        let len = match head[1] & 0x7f {
            126 => {
                let mut n = [0u8; 2];
                stream.read_exact(&mut n).unwrap();
                u64::from(u16::from_be_bytes(n))
            }
            127 => {
                let mut n = [0u8; 8];
                stream.read_exact(&mut n).unwrap();
                u64::from_be_bytes(n)
            }
            n => u64::from(n),
        };
        let mut payload = vec![0u8; usize::try_from(len).unwrap()];
        stream.read_exact(&mut payload).expect("a frame's payload");
        match opcode {
            0 | 1 => {
                message.extend(payload);
                if fin {
                    return String::from_utf8(message).expect("UTF-8 text");
                }
            }
            8 => panic!("the browser closed the connection"),
            _ => {}
        }
    }
}

fn report(title: &str, body: &str) -> String {
    format!("title: {title}\norganization: Qingshan County Office\ndate: 2026-10-12\nintro: |\n  {body}\n")
}

/// The address `serve` printed.
fn address(live: &mut Live) -> String {
    live.wait_for(60, "the address", |err| err.contains("serving at http://127.0.0.1:"));
    let err = live.stderr();
    let start = err.find("http://127.0.0.1:").unwrap();
    err[start..].split_whitespace().next().unwrap().to_owned()
}

/// The text of the pages' text layer.
const PAGE_TEXT: &str = "[...document.querySelectorAll('.page svg')].map(s => s.textContent).join(' ')";

#[test]
fn the_page_follows_the_data_file_in_a_real_browser() {
    let dir = temp();
    let long: String = (1..=60).map(|i| format!("Sentence number {i} of the opening goes on for a while. ")).collect();
    let data = write_file(dir.path(), "r.yaml", &report("Quarterly Report on Orchards", &long));
    let mut live = Live::start(["serve", data.to_str().unwrap(), "-f", "md,pdf"]);
    let url = address(&mut live);
    let mut browser = Browser::start();
    browser.open(&url);
    browser.wait_until(60, &format!("{PAGE_TEXT}.includes('Quarterly Report on Orchards')"));
    browser.wait_until(20, "[...document.querySelectorAll('.page img')].every(i => i.complete && i.naturalWidth > 0)");

    // The first page is in the picture: a white sheet with dark print on it.
    let rect = browser.eval(
        "(() => { const r = document.querySelector('.page').getBoundingClientRect(); return [r.left, r.top, r.width, r.height, devicePixelRatio]; })()",
    );
    let (width, height, pixels) = browser.screenshot();
    let r: Vec<f64> = rect.as_array().unwrap().iter().map(|v| v.as_f64().unwrap()).collect();
    let scale = r[4];
    let (x0, y0) = ((r[0] * scale) as u32, (r[1] * scale) as u32);
    let (x1, y1) = ((((r[0] + r[2]) * scale) as u32).min(width), (((r[1] + r[3]) * scale) as u32).min(height));
    assert!(x1 > x0 + 100 && y1 > y0 + 100, "no page on screen: {rect}");
    let (white, dark, all) = shades(width, &pixels, x0..x1, y0..y1);
    assert!(white * 10 > all * 7, "the page is not a white sheet: {white} of {all} pixels white");
    assert!(dark * 1000 > all, "no print on the page: {dark} of {all} pixels dark");
    // The downloads of the formats written.
    browser
        .wait_until(10, "[...document.querySelectorAll('#downloads a')].map(a => a.textContent).join() === 'MD,PDF'");

    // Scrolled down, then the data changes: the new text comes without a
    // reload, and the reader stays where they were.
    browser.eval("window.scrollTo(0, 400); window.__marker = 'same page'");
    std::fs::write(&data, report("Annual Report on Orchards", &long)).unwrap();
    let took = browser.wait_until(20, &format!("{PAGE_TEXT}.includes('Annual Report on Orchards')"));
    assert_eq!(browser.eval("window.__marker"), json!("same page"), "the page was reloaded");
    assert_eq!(browser.eval("Math.round(window.scrollY)"), json!(400), "the scroll position was lost");
    eprintln!("the page showed the edit {took:?} after the save");

    // A broken edit: the error, with file, line and caret, over the last good pages.
    std::fs::write(
        &data,
        report("Annual Report on Orchards", &long).replace("\ndate: 2026-10-12", "\ndate: 2026-13-12"),
    )
    .unwrap();
    browser.wait_until(20, "!document.getElementById('error').hidden");
    let error = browser.eval("document.querySelector('#error pre').textContent");
    let error = error.as_str().unwrap();
    assert!(error.contains("r.yaml:3:7"), "the error does not say where:\n{error}");
    assert!(error.contains("2026-13-12") && error.contains('^'), "the error does not show the line:\n{error}");
    assert_eq!(browser.eval(&format!("{PAGE_TEXT}.includes('Annual Report on Orchards')")), json!(true));

    // The next good save clears it.
    std::fs::write(&data, report("Final Report on Orchards", &long)).unwrap();
    browser.wait_until(20, &format!("{PAGE_TEXT}.includes('Final Report on Orchards')"));
    browser.wait_until(5, "document.getElementById('error').hidden");
}

#[test]
fn several_inputs_have_an_index_page() {
    let dir = temp();
    let a = write_file(dir.path(), "a.yaml", &report("Report of Baiguo Town", "Roads were repaired."));
    let b = write_file(
        dir.path(),
        "b.yaml",
        &report("Report of Liulin Township", "Wells were dug.").replace("title:", "titel:"),
    );
    let mut live = Live::start(["serve", a.to_str().unwrap(), b.to_str().unwrap(), "-f", "pdf"]);
    let url = address(&mut live);
    let mut browser = Browser::start();
    browser.open(&url);
    browser.wait_until(60, "document.querySelectorAll('#docs tr').length === 2");
    browser.wait_until(60, "document.querySelector('#docs').innerText.includes('built')");
    browser.wait_until(60, "document.querySelector('#docs').innerText.includes('error')");
    let text = browser.eval("document.querySelector('#docs').innerText");
    assert!(text.as_str().unwrap().contains("a.yaml") && text.as_str().unwrap().contains("b.yaml"), "{text}");
    browser.eval("document.querySelector('#docs a').click()");
    browser.wait_until(30, &format!("{PAGE_TEXT}.includes('Report of Baiguo Town')"));
    // The broken one says why, and gets its page once fixed.
    browser.open(&format!("{url}doc/1/"));
    browser.wait_until(30, "!document.getElementById('error').hidden");
    std::fs::write(&b, report("Report of Liulin Township", "Wells were dug.")).unwrap();
    browser.wait_until(30, &format!("{PAGE_TEXT}.includes('Report of Liulin Township')"));
}

/// A plain `chromium --screenshot`, taken when the page has loaded with no
/// test driving it (what a writer or a script does to look at the page),
/// shows the first page: the state is written into the page, not only
/// fetched after it.
#[test]
fn a_plain_screenshot_shows_the_first_page() {
    let dir = temp();
    let data = write_file(dir.path(), "r.yaml", &report("Annual Report on Wells", "Forty wells were dug this year."));
    let mut live = Live::start(["serve", data.to_str().unwrap(), "-f", "pdf"]);
    let url = address(&mut live);
    let host = url.trim_start_matches("http://").trim_end_matches('/').to_owned();
    let deadline = Instant::now() + Duration::from_secs(60);
    while !http_get(&host, "/doc/0/state").contains("\"hash\"") {
        assert!(Instant::now() < deadline, "no page built within 60 s:\n{}", live.stderr());
        std::thread::sleep(Duration::from_millis(50));
    }
    let profile = temp();
    let shot = dir.path().join("shot.png");
    let mut chromium = Command::new(CHROMIUM)
        .args(["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--window-size=900,1200"])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--screenshot={}", shot.display()))
        .arg(format!("{url}doc/0/"))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {CHROMIUM} ({e}): apt-get install chromium"));
    let deadline = Instant::now() + Duration::from_secs(60);
    while chromium.try_wait().expect("chromium's status").is_none() {
        if Instant::now() > deadline {
            let _ = chromium.kill();
            panic!("chromium --screenshot did not end within 60 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let (width, height, pixels) = rgba(std::fs::read(&shot).expect("chromium wrote the screenshot"));
    // Below the header: the sheet (white) with print on it (dark).
    let (white, dark, all) = shades(width, &pixels, 0..width, 60..height);
    assert!(white * 10 > all * 3, "no sheet in the screenshot: {white} of {all} pixels white");
    assert!(dark * 1000 > all, "no print in the screenshot: {dark} of {all} pixels dark");
}

/// A Chinese document's page speaks Chinese: its status line, and the
/// error box after a broken save.
#[test]
fn a_chinese_documents_page_is_in_chinese() {
    let dir = temp();
    let text = "lang: zh\ntitle: 关于水利工作进展情况的报告\norganization: 青山县水利局\ndate: 2026-10-12\nintro: |\n  今年以来，我局抓好农田水利建设。\n";
    let data = write_file(dir.path(), "r.yaml", text);
    let mut live = Live::start(["serve", data.to_str().unwrap(), "-f", "pdf"]);
    let url = address(&mut live);
    let mut browser = Browser::start();
    browser.open(&url);
    browser.wait_until(60, "document.getElementById('status').textContent.startsWith('已生成')");
    assert_eq!(browser.eval("document.documentElement.lang"), json!("zh-CN"));
    std::fs::write(&data, text.replace("date: 2026-10-12", "date: 2026-13-12")).unwrap();
    browser.wait_until(30, "!document.getElementById('error').hidden");
    let title = browser
        .eval("document.getElementById('error-title').textContent + document.getElementById('status').textContent");
    assert!(title.as_str().unwrap().contains("无法生成"), "{title}");
}
