//! The sandbox: a document (and even a user's own template) reads files
//! only from inside the data file's folder; absolute paths, `..` and
//! symlinks leading outside are refused, and nothing of the outside file
//! reaches the output or the message.

mod common;

use std::fs;

use common::{temp, zongjie};

const SECRET: &str = "TOP-SECRET-PAYROLL-4711";

const REPORT: &str = "title: A report\norganization: An office\ndate: 2026-11-05\nintro: Text.\n";

#[test]
fn a_user_style_cannot_read_outside_the_root() {
    let dir = temp();
    fs::write(dir.path().join("secret.txt"), SECRET).unwrap();
    let doc = dir.path().join("doc");
    fs::create_dir_all(&doc).unwrap();
    fs::write(doc.join("r.yaml"), REPORT).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.path().join("secret.txt"), doc.join("link.txt")).unwrap();
    let secret = dir.path().join("secret.txt");
    let mut paths = vec!["../secret.txt".to_owned(), secret.display().to_string()];
    if cfg!(unix) {
        paths.push("link.txt".into());
    }
    for path in paths {
        let tpl = dir.path().join("tpl/progress-report");
        fs::create_dir_all(&tpl).unwrap();
        fs::write(tpl.join("style.typ"), format!("#let document(meta, body) = [#read(\"{path}\") #body]\n")).unwrap();
        let done = zongjie([
            "build",
            doc.join("r.yaml").to_str().unwrap(),
            "--template-dir",
            dir.path().join("tpl").to_str().unwrap(),
        ])
        .run()
        .expect(1);
        assert!(!done.stderr().contains(SECRET), "{path}: the secret reached the message:\n{}", done.stderr());
        assert!(!doc.join("r.pdf").exists(), "{path}: a PDF was written");
    }
}

#[test]
fn a_user_template_cannot_include_files_outside_its_folder() {
    let dir = temp();
    fs::write(dir.path().join("secret.md"), SECRET).unwrap();
    fs::write(dir.path().join("r.yaml"), REPORT).unwrap();
    let tpl = dir.path().join("tpl/progress-report");
    fs::create_dir_all(&tpl).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.path().join("secret.md"), tpl.join("linked.md")).unwrap();
    for include in ["../../secret.md", "/etc/passwd", "linked.md"] {
        fs::write(tpl.join("en.md"), format!("{{% include \"{include}\" %}}\n")).unwrap();
        let done = zongjie([
            "build",
            dir.path().join("r.yaml").to_str().unwrap(),
            "--template-dir",
            dir.path().join("tpl").to_str().unwrap(),
        ])
        .run()
        .expect(1);
        assert!(!done.stderr().contains(SECRET), "{include}: {}", done.stderr());
        assert!(!dir.path().join("r.md").exists());
    }
}

#[test]
fn packages_are_not_available() {
    let dir = temp();
    fs::write(dir.path().join("r.yaml"), REPORT).unwrap();
    let tpl = dir.path().join("tpl/progress-report");
    fs::create_dir_all(&tpl).unwrap();
    fs::write(tpl.join("style.typ"), "#import \"@preview/cetz:0.3.0\": *\n#let document(meta, body) = body\n").unwrap();
    zongjie([
        "build",
        dir.path().join("r.yaml").to_str().unwrap(),
        "--template-dir",
        dir.path().join("tpl").to_str().unwrap(),
    ])
    .run()
    .expect(1)
    .stderr_has(&["packages are not available"]);
}

/// A file that is no image, or an SVG that links to a file outside (or to
/// the web), is the input's fault: exit 1 naming the image where the data
/// uses it, nothing of the outside file shown, no source kept as a bug.
#[test]
fn an_image_typst_cannot_use_is_an_input_error() {
    let dir = temp();
    fs::write(dir.path().join("secret.txt"), SECRET).unwrap();
    fs::write(dir.path().join("fake.png"), "not an image at all").unwrap();
    let links = [
        ("outside.svg", format!("{}/secret.txt", dir.path().display())),
        ("up.svg", "../secret.txt".to_owned()),
        ("web.svg", "http://example.com/x.png".to_owned()),
    ];
    for (name, href) in &links {
        let svg = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><image href=\"{href}\" width=\"10\" height=\"10\"/></svg>"
        );
        fs::write(dir.path().join(name), svg).unwrap();
    }
    for image in ["fake.png", "outside.svg", "up.svg", "web.svg"] {
        let data = dir.path().join("r.yaml");
        fs::write(&data, format!("{REPORT}progress:\n  - title: A picture\n    body: |\n      ![map]({image})\n"))
            .unwrap();
        let done = zongjie(["build", data.to_str().unwrap()])
            .run()
            .expect(1)
            .stderr_has(&[&format!("image `{image}` "), "r.yaml:8:14"]);
        let err = done.stderr();
        assert!(!err.contains(SECRET) && !err.contains("bug in zongjie"), "{err}");
        assert!(!dir.path().join("r.pdf").exists());
    }
}
