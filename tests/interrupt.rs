//! A batch stopped by Ctrl-C or a termination signal exits 130 and leaves no
//! temporary file and no partial output behind: every output present is
//! complete. A batch killed outright (SIGKILL), which no program can clean up
//! after, may leave temporary files; the next build into that folder removes
//! them.

mod common;

use std::process::Command;
use std::time::{Duration, Instant};

use common::{root, temp};

/// Starts a batch of 400 documents and waits until some are written.
#[cfg(unix)]
fn start_a_batch() -> (tempfile::TempDir, std::path::PathBuf, std::process::Child) {
    let dir = temp();
    let example = std::fs::read_to_string(root().join("examples/tuanfeng-progress.en.yaml")).unwrap();
    let mut inputs = Vec::new();
    for i in 0..400 {
        let path = dir.path().join(format!("r{i:03}.yaml"));
        std::fs::write(&path, example.replace("Tuanfeng County", &format!("County {i}"))).unwrap();
        inputs.push(path);
    }
    let out = dir.path().join("out");
    let child = Command::new(env!("CARGO_BIN_EXE_zongjie"))
        .arg("build")
        .args(&inputs)
        .args(["-j", "2", "-o"])
        .arg(&out)
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("zongjie starts");
    // Wait until some documents are written, then interrupt mid-batch.
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(60) {
        let written = std::fs::read_dir(&out).map(|d| d.count()).unwrap_or(0);
        if written >= 6 {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    (dir, out, child)
}

/// The outputs are whole: no temporary file, every PDF complete and with
/// its Markdown.
#[cfg(unix)]
fn outputs_are_whole(out: &std::path::Path, signal: &str) -> Vec<String> {
    let names: Vec<String> =
        std::fs::read_dir(out).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    for name in &names {
        assert!(!name.starts_with('.') && !name.ends_with(".tmp") && !name.ends_with(".bak"), "{signal}: left {name}");
        if name.ends_with(".pdf") {
            let bytes = std::fs::read(out.join(name)).unwrap();
            assert!(bytes.starts_with(b"%PDF") && bytes.trim_ascii_end().ends_with(b"%%EOF"), "{name} is partial");
            let md = name.replace(".pdf", ".md");
            assert!(names.contains(&md), "{name} was written without its Markdown");
        }
    }
    names
}

#[cfg(unix)]
fn stop_a_batch(signal: &str) {
    let (_dir, out, mut child) = start_a_batch();
    let status = Command::new("kill").args([signal, &child.id().to_string()]).status().expect("kill runs");
    assert!(status.success());
    let status = child.wait().expect("zongjie ends");
    assert_eq!(status.code(), Some(130), "{signal}: exit status");
    let names = outputs_are_whole(&out, signal);
    assert!(names.len() < 800, "{signal}: the batch was stopped before the end ({} files)", names.len());
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_cleanly() {
    stop_a_batch("-INT");
}

#[cfg(unix)]
#[test]
fn termination_stops_cleanly() {
    stop_a_batch("-TERM");
}

#[cfg(target_os = "linux")]
#[test]
fn what_a_killed_batch_leaves_goes_with_the_next_build() {
    let (dir, out, mut child) = start_a_batch();
    let status = Command::new("kill").args(["-KILL", &child.id().to_string()]).status().expect("kill runs");
    assert!(status.success());
    child.wait().expect("zongjie ends");
    // What a kill in the middle of writing leaves (made sure of here: the
    // kill may have missed that moment).
    std::fs::write(out.join(format!(".r000.pdf.zongjie-{}-7.tmp", child.id())), b"%PDF-1.7 partial").unwrap();
    let next = Command::new(env!("CARGO_BIN_EXE_zongjie"))
        .arg("build")
        .arg(dir.path().join("r399.yaml"))
        .arg("-o")
        .arg(&out)
        .output()
        .expect("zongjie runs");
    assert_eq!(next.status.code(), Some(0), "{}", String::from_utf8_lossy(&next.stderr));
    let names = outputs_are_whole(&out, "KILL");
    assert!(names.contains(&"r399.pdf".to_owned()), "{names:?}");
}
