//! A batch stopped by Ctrl-C or a termination signal exits 130 and leaves no
//! temporary file and no partial output behind: every output present is
//! complete.

mod common;

use std::process::Command;
use std::time::{Duration, Instant};

use common::{root, temp};

#[cfg(unix)]
fn stop_a_batch(signal: &str) {
    let dir = temp();
    let example = std::fs::read_to_string(root().join("examples/tuanfeng-progress.en.yaml")).unwrap();
    let mut inputs = Vec::new();
    for i in 0..400 {
        let path = dir.path().join(format!("r{i:03}.yaml"));
        std::fs::write(&path, example.replace("Tuanfeng County", &format!("County {i}"))).unwrap();
        inputs.push(path);
    }
    let out = dir.path().join("out");
    let mut child = Command::new(env!("CARGO_BIN_EXE_zongjie"))
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
    let status = Command::new("kill").args([signal, &child.id().to_string()]).status().expect("kill runs");
    assert!(status.success());
    let status = child.wait().expect("zongjie ends");
    assert_eq!(status.code(), Some(130), "{signal}: exit status");
    let names: Vec<String> =
        std::fs::read_dir(&out).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert!(names.len() < 800, "{signal}: the batch was stopped before the end ({} files)", names.len());
    for name in &names {
        assert!(!name.starts_with('.') && !name.ends_with(".tmp") && !name.ends_with(".bak"), "{signal}: left {name}");
        if name.ends_with(".pdf") {
            let bytes = std::fs::read(out.join(name)).unwrap();
            assert!(bytes.starts_with(b"%PDF") && bytes.trim_ascii_end().ends_with(b"%%EOF"), "{name} is partial");
            let md = name.replace(".pdf", ".md");
            assert!(names.contains(&md), "{name} was written without its Markdown");
        }
    }
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
