//! Hostile inputs of every class the red-team pass found (issue 17): images
//! with forged sizes and decompression bombs, costly SVGs, a corrupt font,
//! template code without bounds, FIFOs, lint floods, a return of 60,000
//! metrics, a unit no font can print, negative targets, names that steer the
//! terminal. Each ends with exit 1 and a message naming the file and line or
//! image (or a warning and a built document where a unit return is set
//! aside), with every other document of the batch built. Large inputs are
//! made here, in the test. How long each takes, and at what memory, is
//! measured by `scripts/limits.sh`, not here.

mod common;

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use common::{temp, write_file, zongjie};

const REPORT: &str = "title: A report\norganization: An office\ndate: 2026-11-05\nintro: Text.\n";

/// A report whose one progress item shows `image`; the image is named on
/// line 8, column 14.
fn report_showing(dir: &Path, image: &str) -> std::path::PathBuf {
    write_file(dir, "r.yaml", &format!("{REPORT}progress:\n  - title: A picture\n    body: |\n      ![map]({image})\n"))
}

/// A PNG whose header says `w` × `h`, with an empty data chunk.
fn png_of(w: u32, h: u32) -> Vec<u8> {
    let mut b = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut chunk = |kind: &[u8], data: &[u8]| {
        b.extend((data.len() as u32).to_be_bytes());
        b.extend(kind);
        b.extend(data);
        b.extend([0; 4]);
    };
    let mut ihdr = w.to_be_bytes().to_vec();
    ihdr.extend(h.to_be_bytes());
    ihdr.extend([8, 2, 0, 0, 0]);
    chunk(b"IHDR", &ihdr);
    chunk(b"IDAT", &[0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
    chunk(b"IEND", &[]);
    b
}

/// A JPEG whose frame header says 60000 × 60000 (`sof` 0xC0 baseline, 0xC2
/// progressive).
fn jpeg_60000(sof: u8) -> Vec<u8> {
    let mut b = vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10];
    b.extend(b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0");
    b.extend([0xFF, sof, 0x00, 0x11, 0x08]);
    b.extend(60000u16.to_be_bytes());
    b.extend(60000u16.to_be_bytes());
    b.extend([0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01]);
    b.extend([0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00, 0xFF, 0xD9]);
    b
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    std::io::Write::write_all(&mut gz, bytes).unwrap();
    gz.finish().unwrap()
}

/// Builds a good report and one showing `image` (written with `bytes`) in
/// one batch: exit 1 naming the image at its line, the good one built, no
/// generated source left in the temp folder; `check` says the same.
#[track_caller]
fn refused_image(image: &str, bytes: &[u8], why: &str) {
    let dir = temp();
    let tmp = dir.path().join("tmp");
    fs::create_dir(&tmp).unwrap();
    fs::write(dir.path().join(image), bytes).unwrap();
    let data = report_showing(dir.path(), image);
    let good = write_file(dir.path(), "good.yaml", REPORT);
    let started = Instant::now();
    let done = zongjie(["build", good.to_str().unwrap(), data.to_str().unwrap(), "-f", "md,pdf,docx"])
        .env("TMPDIR", tmp.to_str().unwrap())
        .run()
        .expect(1)
        .stderr_has(&[&format!("image `{image}` {why}"), "r.yaml:8:14", "1 of 2 documents failed"]);
    assert!(!done.stderr().contains("panicked"), "{}", done.stderr());
    assert!(started.elapsed() < Duration::from_secs(60), "took {:?}", started.elapsed());
    assert!(dir.path().join("good.pdf").is_file(), "the other document was not built");
    assert!(!dir.path().join("r.pdf").exists() && !dir.path().join("r.docx").exists());
    assert_eq!(common::names(&tmp), Vec::<String>::new(), "files left in the temp folder");
    zongjie(["check", data.to_str().unwrap()]).run().expect(1).stderr_has(&[&format!("image `{image}` {why}")]);
}

#[test]
fn images_with_forged_sizes_are_refused_before_decoding() {
    refused_image("forged.png", &png_of(2_147_483_647, 2_147_483_647), "is 2147483647 × 2147483647 pixels");
    refused_image("zeros.png", &png_of(20_000, 20_000), "is 20000 × 20000 pixels");
    refused_image("big.jpg", &jpeg_60000(0xC0), "is 60000 × 60000 pixels");
    refused_image("progressive.jpg", &jpeg_60000(0xC2), "is 60000 × 60000 pixels");
    refused_image(
        "screen.gif",
        b"GIF89a\xff\xff\xff\xff\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;",
        "is 65535 × 65535 pixels",
    );
}

#[test]
fn decompression_bombs_and_other_kinds_are_refused() {
    let mut big = b"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><g/></svg>".to_vec();
    big.extend(std::iter::repeat_n(b' ', 64 * 1024 * 1024));
    refused_image("bomb.svgz", &gzip(&big), "inflates to more than 8 MB");
    refused_image("picture.pdf", b"%PDF-1.4\n1 0 obj << >> endobj\n", "is a PDF file");
    refused_image("picture.webp", b"RIFF\x1a\0\0\0WEBPVP8 ", "is a WebP image");
    // A picture in an SVG is what Typst decodes too.
    use base64::Engine as _;
    let inner = base64::engine::general_purpose::STANDARD.encode(png_of(100_000, 100_000));
    let svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><image href=\"data:image/png;base64,{inner}\" width=\"10\" height=\"10\"/></svg>"
    );
    refused_image("inline.svg", svg.as_bytes(), "holds a picture that is 100000 × 100000 pixels");
}

#[test]
fn costly_svgs_are_refused() {
    let blur = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"30000\" height=\"30000\"><filter id=\"f\"><feGaussianBlur stdDeviation=\"3000\"/></filter><rect width=\"30000\" height=\"30000\" filter=\"url(#f)\"/></svg>";
    refused_image("blur.svg", blur.as_bytes(), "is an SVG whose filters");
    let text = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><text>{}</text></svg>",
        "word ".repeat(80_000)
    );
    refused_image("text.svg", text.as_bytes(), "is an SVG with 400000 characters of text");
    let many = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\">{}</svg>",
        "<rect width=\"1\" height=\"1\"/>".repeat(60_000)
    );
    refused_image("many.svg", many.as_bytes(), "is an SVG of 60001 elements");
    // Found by the `media` fuzz target: usvg, the SVG reader of Typst and
    // of the Word writer, panics on a 1 × 33554433 picture in a 4 × 4 box.
    use base64::Engine as _;
    let thin = base64::engine::general_purpose::STANDARD.encode(png_of(1, 33_554_433));
    let svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"20\"><image width=\"4\" height=\"4\" href=\"data:image/png;base64,{thin}\"/></svg>"
    );
    refused_image("thin.svg", svg.as_bytes(), "is an SVG the SVG renderer fails on (");
}

#[test]
fn broken_images_are_the_inputs_fault() {
    refused_image("png.svg", &png_of(10, 10), "is a PNG image, but its name ends in `.svg`");
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    refused_image("utf16.svg", &utf16, "is an SVG in UTF-16");
    refused_image("bad.svgz", &[0x1F, 0x8B, 0x08, 0x00, 1, 2, 3, 4, 5, 6, 7], "is a damaged SVGZ image");
    refused_image("empty.pdf", b"", "is empty");
    refused_image("cut.png", &png_of(10, 10)[..40], "is a damaged PNG image");
}

/// The test font with one more character-map subtable, for this platform
/// and encoding record.
fn font_with_subtable(record_ids: [u8; 4], subtable: &[u8]) -> Vec<u8> {
    let font = fs::read(common::root().join("tests/fonts/zaozi.ttf")).unwrap();
    let be32 = |b: &[u8], at: usize| u32::from_be_bytes(b[at..at + 4].try_into().unwrap()) as usize;
    let tables = u16::from_be_bytes([font[4], font[5]]) as usize;
    let record = (0..tables).map(|i| 12 + 16 * i).find(|&r| &font[r..r + 4] == b"cmap").unwrap();
    let (offset, length) = (be32(&font, record + 8), be32(&font, record + 12));
    let old = &font[offset..offset + length];
    let count = u16::from_be_bytes([old[2], old[3]]) as usize;
    // The new cmap: the old records moved down by one, then the new record
    // to the subtable at the end.
    let mut cmap = vec![0, 0];
    cmap.extend(((count + 1) as u16).to_be_bytes());
    let shift = 8u32;
    for r in 0..count {
        let at = 4 + 8 * r;
        cmap.extend(&old[at..at + 4]);
        cmap.extend((be32(old, at + 4) as u32 + shift).to_be_bytes());
    }
    let subtable_at = (old.len() as u32) + shift;
    cmap.extend(record_ids);
    cmap.extend(subtable_at.to_be_bytes());
    cmap.extend(&old[4 + 8 * count..]);
    cmap.extend(subtable);
    let mut out = font.clone();
    let new_offset = out.len().next_multiple_of(4);
    out.resize(new_offset, 0);
    out.extend(&cmap);
    out[record + 8..record + 12].copy_from_slice(&(new_offset as u32).to_be_bytes());
    out[record + 12..record + 16].copy_from_slice(&(cmap.len() as u32).to_be_bytes());
    out
}

/// A TrueType font with a character map (format 12) whose one range is
/// stretched to two billion characters.
fn corrupt_font() -> Vec<u8> {
    let mut format12 = vec![0, 12, 0, 0];
    for n in [28, 0, 1, 0x20, 0x7FFF_FFFF, 1u32] {
        format12.extend(n.to_be_bytes());
    }
    font_with_subtable([0, 3, 0, 10], &format12)
}

/// A font whose variation-selector subtable (format 14) claims four
/// billion records: ttf-parser's debug assertion fails on it (found by
/// the `media` fuzz target), which the test build has.
fn forged_font() -> Vec<u8> {
    let mut format14 = vec![0, 14];
    for n in [10, 0xFFFF_FFFFu32] {
        format14.extend(n.to_be_bytes());
    }
    font_with_subtable([0, 0, 0, 5], &format14)
}

#[test]
fn a_corrupt_font_is_skipped_with_a_warning() {
    let dir = temp();
    let fonts = dir.path().join("fonts");
    fs::create_dir(&fonts).unwrap();
    fs::write(fonts.join("stretched.ttf"), corrupt_font()).unwrap();
    fs::write(fonts.join("forged.ttf"), forged_font()).unwrap();
    let cache = dir.path().join("cache");
    for _ in 0..2 {
        // Also when the cache knows it already.
        zongjie(["fonts", "--font-path", fonts.to_str().unwrap()])
            .env("ZONGJIE_CACHE_DIR", cache.to_str().unwrap())
            .run()
            .expect(0)
            .stderr_has(&["stretched.ttf", "this font is skipped", "character map is damaged"])
            .stderr_has(&["forged.ttf", "not a font zongjie can read"]);
    }
    let data = write_file(dir.path(), "r.yaml", REPORT);
    zongjie(["build", data.to_str().unwrap(), "--font-path", fonts.to_str().unwrap()])
        .env("ZONGJIE_CACHE_DIR", "")
        .run()
        .expect(0)
        .stderr_has(&["stretched.ttf", "forged.ttf"]);
    assert!(dir.path().join("r.pdf").is_file());
}

/// A template folder whose `progress-report` has this `en.md` and, if
/// given, this `style.typ`.
fn user_template(dir: &Path, md: Option<&str>, style: Option<&str>) -> std::path::PathBuf {
    let t = dir.join("t/progress-report");
    fs::create_dir_all(&t).unwrap();
    let builtin = common::root().join("templates/progress-report");
    fs::write(t.join("en.md"), md.map_or_else(|| fs::read_to_string(builtin.join("en.md")).unwrap(), str::to_owned))
        .unwrap();
    if let Some(style) = style {
        fs::write(t.join("style.typ"), style).unwrap();
    }
    dir.join("t")
}

#[test]
fn a_template_loop_ends_at_its_fuel_with_the_line() {
    let dir = temp();
    let md = "Start.\n{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}\n";
    let t = user_template(dir.path(), Some(md), None);
    let data = write_file(dir.path(), "r.yaml", REPORT);
    zongjie(["build", data.to_str().unwrap(), "--template-dir", t.to_str().unwrap()])
        .run()
        .expect(1)
        .stderr_has(&["en.md:2", "fuel"]);
}

#[test]
fn a_template_that_doubles_a_string_ends_at_the_memory_limit() {
    let dir = temp();
    let md = "{% set ns = namespace(s=\"x\") %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s|length }}\n";
    let t = user_template(dir.path(), Some(md), None);
    let data = write_file(dir.path(), "r.yaml", REPORT);
    zongjie(["build", data.to_str().unwrap(), "--template-dir", t.to_str().unwrap(), "--max-memory", "512"])
        .run()
        .expect(1)
        .stderr_has(&["r.yaml", "template `progress-report`", "--max-memory", "stopped"]);
    assert!(!dir.path().join("r.pdf").exists() && !dir.path().join("r.md").exists());
}

#[test]
fn a_typst_loop_ends_at_the_timeout_and_keeps_what_was_built() {
    let dir = temp();
    let style = fs::read_to_string(common::root().join("templates/progress-report/style.typ")).unwrap();
    // Ten billion steps, in little memory.
    let t = user_template(
        dir.path(),
        None,
        Some(&format!("#for i in range(100000) {{ for j in range(100000) {{}} }}\n{style}")),
    );
    let first = write_file(dir.path(), "a.yaml", &format!("template: village-stay-report\n{REPORT}"));
    let looping = write_file(dir.path(), "b.yaml", REPORT);
    let started = Instant::now();
    zongjie([
        "build",
        first.to_str().unwrap(),
        looping.to_str().unwrap(),
        "-j",
        "1",
        "--timeout",
        "3",
        "--template-dir",
        t.to_str().unwrap(),
    ])
    .run()
    .expect(1)
    .stderr_has(&["b.yaml", "template `progress-report`", "took more than 3 s (--timeout)", "--template-dir"]);
    assert!(started.elapsed() < Duration::from_secs(30), "took {:?}", started.elapsed());
    assert!(dir.path().join("a.pdf").is_file(), "the document finished before was not kept");
    assert!(!dir.path().join("b.pdf").exists());
    let leftovers: Vec<String> = common::names(dir.path()).into_iter().filter(|n| n.contains(".zongjie-")).collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_typst_style_that_allocates_without_end_ends_at_the_memory_limit() {
    let dir = temp();
    let style = fs::read_to_string(common::root().join("templates/progress-report/style.typ")).unwrap();
    let t = user_template(dir.path(), None, Some(&format!("#for i in range(1000000000) {{}}\n{style}")));
    let data = write_file(dir.path(), "r.yaml", REPORT);
    zongjie(["build", data.to_str().unwrap(), "--template-dir", t.to_str().unwrap(), "--max-memory", "1024"])
        .run()
        .expect(1)
        .stderr_has(&["r.yaml", "template `progress-report`", "(--max-memory)"]);
}

#[test]
fn many_jobs_are_capped_at_the_cores() {
    let dir = temp();
    let inputs: Vec<String> =
        (0..4).map(|i| write_file(dir.path(), &format!("r{i}.yaml"), REPORT).to_string_lossy().into_owned()).collect();
    let mut args = vec!["build".to_owned(), "-j".into(), "100000".into(), "-v".into()];
    args.extend(inputs);
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let threads = cores.min(4);
    zongjie(args)
        .run()
        .expect(0)
        .stderr_has(&["built 4 documents", &format!("building 4 documents on {threads} threads")]);
}

/// Runs `zongjie args` and fails if it takes longer than `limit` (a hang).
#[track_caller]
fn within(limit: Duration, args: &[&str], dir: &Path) -> (i32, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_zongjie"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let mut err = String::new();
            std::io::Read::read_to_string(child.stderr.as_mut().unwrap(), &mut err).unwrap();
            return (status.code().unwrap_or(-1), err);
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            panic!("zongjie {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn mkfifo(path: &Path) {
    let made = Command::new("mkfifo").arg(path).status().expect("mkfifo (coreutils) runs");
    assert!(made.success());
}

#[test]
fn a_fifo_is_refused_wherever_a_file_is_read() {
    let dir = temp();
    mkfifo(&dir.path().join("pipe.yaml"));
    for command in ["check", "build"] {
        let (code, err) = within(Duration::from_secs(20), &[command, "pipe.yaml"], dir.path());
        assert_eq!(code, 1, "{err}");
        assert!(err.contains("pipe.yaml") && err.contains("not a regular file"), "{err}");
    }
    // A unit return that is a FIFO: named, the others rolled up.
    let units = dir.path().join("units");
    fs::create_dir(&units).unwrap();
    fs::write(units.join("a.yaml"), "title: Return\norganization: Unit A\nperiod: 2026-10\nmetrics:\n  - {id: n, label: Things, unit: things, target: 10, actual: 5}\n").unwrap();
    mkfifo(&units.join("b.yaml"));
    write_file(
        dir.path(),
        "bulletin.yaml",
        "template: monthly-bulletin\ntitle: B\norganization: O\ndate: 2026-11-05\nperiod: 2026-10\nunits: [units/*.yaml]\n",
    );
    let (code, err) = within(Duration::from_secs(30), &["build", "bulletin.yaml"], dir.path());
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("units/b.yaml") && err.contains("not a regular file"), "{err}");
    // An image, and a file a user's style reads.
    mkfifo(&dir.path().join("map.png"));
    report_showing(dir.path(), "map.png");
    let (code, err) = within(Duration::from_secs(20), &["check", "r.yaml"], dir.path());
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("image `map.png`"), "{err}");
    let style = fs::read_to_string(common::root().join("templates/progress-report/style.typ")).unwrap();
    let t = user_template(dir.path(), None, Some(&format!("#let _ = read(\"pipe.yaml\")\n{style}")));
    write_file(dir.path(), "s.yaml", REPORT);
    let (code, err) =
        within(Duration::from_secs(30), &["build", "s.yaml", "--template-dir", t.to_str().unwrap()], dir.path());
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("not a regular file"), "{err}");
}

#[test]
fn repeated_lint_findings_are_capped() {
    let dir = temp();
    let lines: String =
        (0..5_000).map(|i| format!("  Village four reported [insert figure {i}] households.\n")).collect();
    let data = write_file(
        dir.path(),
        "r.yaml",
        &format!("title: A report\norganization: An office\ndate: 2026-11-05\nintro: |\n{lines}"),
    );
    let done = zongjie(["check", data.to_str().unwrap()]).run().expect(1);
    let err = done.stderr();
    let shown = err.matches("looks like").count();
    assert!(shown <= 21, "{shown} findings shown");
    assert!(err.contains("… and 4980 more like"), "{}", &err[err.len().saturating_sub(2000)..]);
}

fn bulletin_dir(dir: &Path, extra: &str) {
    fs::create_dir_all(dir.join("units")).unwrap();
    write_file(
        dir,
        "bulletin.yaml",
        &format!(
            "template: monthly-bulletin\ntitle: Work bulletin\norganization: County office\ndate: 2026-11-05\nperiod: 2026-10\nunits: [units/*.yaml]\nrank_by: households\n{extra}"
        ),
    );
    for (file, name, actual) in [("a", "Town A", 50), ("b", "Town B", 70), ("c", "Town C", 90)] {
        write_file(
            &dir.join("units"),
            &format!("{file}.yaml"),
            &format!(
                "title: Return\norganization: {name}\nperiod: 2026-10\nmetrics:\n  - {{id: households, label: Households lifted out of poverty, unit: households, target: 100, actual: {actual}}}\n"
            ),
        );
    }
}

#[test]
fn a_return_cannot_add_without_bound() {
    let dir = temp();
    bulletin_dir(dir.path(), "");
    let mut many = String::from(
        "title: Return\norganization: Town D\nperiod: 2026-10\nmetrics:\n  - {id: households, label: Households lifted out of poverty, unit: households, target: 100, actual: 60}\n",
    );
    for i in 0..60_000 {
        many.push_str(&format!("  - {{id: m{i}, label: Metric {i}, unit: things, target: 10, actual: 5}}\n"));
    }
    write_file(&dir.path().join("units"), "d.yaml", &many);
    let done = zongjie(["build", "bulletin.yaml", "-f", "md,pdf"]).current_dir(dir.path()).run().expect(0);
    let err = done.stderr();
    assert!(err.contains("59951 metrics") && err.contains("at most 50 metrics"), "{}", &err[..err.len().min(3000)]);
    let md = fs::read_to_string(dir.path().join("bulletin.md")).unwrap();
    assert!(md.contains("Metric 48") && !md.contains("Metric 49"), "more than 50 metrics rolled up");
    let pages = common::pdf_words(&dir.path().join("bulletin.pdf")).len();
    assert!(pages <= 8, "{pages} pages");
}

/// A character no font on the test machine has (Tangut).
const UNPRINTABLE: char = '\u{17000}';

#[test]
fn a_unit_no_font_can_print_is_set_aside_and_named() {
    let dir = temp();
    bulletin_dir(dir.path(), "");
    write_file(
        &dir.path().join("units"),
        "d.yaml",
        &format!(
            "title: Return\norganization: Town {UNPRINTABLE}\nperiod: 2026-10\nmetrics:\n  - {{id: households, label: Households lifted out of poverty, unit: households, target: 100, actual: 60}}\n"
        ),
    );
    zongjie(["build", "bulletin.yaml"]).current_dir(dir.path()).run().expect(0).stderr_has(&[
        "units/d.yaml:2:",
        "no available font has these characters",
        "U+17000",
        "set aside",
    ]);
    let text = common::pdf_text(&dir.path().join("bulletin.pdf"));
    assert!(text.contains("Town A") && text.contains("Town C"), "{text}");
    // check on the bulletin and on the return both fail, at the line.
    zongjie(["check", "bulletin.yaml"]).current_dir(dir.path()).run().expect(1).stderr_has(&["units/d.yaml:2:"]);
    zongjie(["check", "units/d.yaml"]).current_dir(dir.path()).run().expect(1).stderr_has(&["d.yaml:2:", "U+17000"]);
    // In a document's own text: the error has its line.
    let data = write_file(
        dir.path(),
        "r.yaml",
        &format!("title: A report\norganization: An office\ndate: 2026-11-05\nintro: A sign {UNPRINTABLE} here.\n"),
    );
    for command in ["build", "check"] {
        zongjie([command, data.to_str().unwrap()]).run().expect(1).stderr_has(&["r.yaml:4:15", "U+17000"]);
    }
}

#[test]
fn a_misspelt_rank_by_is_an_error_at_its_line() {
    let dir = temp();
    bulletin_dir(dir.path(), "");
    let text = fs::read_to_string(dir.path().join("bulletin.yaml"))
        .unwrap()
        .replace("rank_by: households", "rank_by: houshold");
    fs::write(dir.path().join("bulletin.yaml"), text).unwrap();
    zongjie(["build", "bulletin.yaml"]).current_dir(dir.path()).run().expect(1).stderr_has(&[
        "bulletin.yaml:7:1",
        "rank_by: `houshold` names a metric that no return gives",
        "did you mean `households`",
    ]);
}

#[test]
fn negative_targets_and_odd_values_are_refused_at_their_line() {
    let dir = temp();
    let data = write_file(
        dir.path(),
        "r.yaml",
        "title: A report\norganization: An office\ndate: 2026-11-05\nmetrics:\n  - id: n\n    label: Things\n    unit: things\n    target: -5\n    actual: 3\n",
    );
    zongjie(["check", data.to_str().unwrap()]).run().expect(1).stderr_has(&["r.yaml:8:5", "below zero"]);
    let data =
        write_file(dir.path(), "d.yaml", "title: A report\norganization: An office\ndate: 2026-11-05T10:00:00Z\n");
    zongjie(["check", data.to_str().unwrap()]).run().expect(1).stderr_has(&[
        "d.yaml:3",
        "a date and time",
        "write 2026-11-05",
    ]);
    let data =
        write_file(dir.path(), "t.yaml", "title: \"\\u200b\\u200b\"\norganization: An office\ndate: 2026-11-05\n");
    zongjie(["check", data.to_str().unwrap()]).run().expect(1).stderr_has(&["t.yaml:1", "must not be empty"]);
    let long = "word".repeat(300_000);
    let data = write_file(dir.path(), "l.yaml", &format!("title: A report\norganization: {long}\ndate: 2026-11-05\n"));
    zongjie(["check", data.to_str().unwrap()]).run().expect(1).stderr_has(&["l.yaml:2", "at most 1000"]);
}

#[test]
fn names_are_escaped_and_long_stems_build() {
    let dir = temp();
    let steering = write_file(dir.path(), "a\u{1b}[31mred.yaml", REPORT);
    let done = zongjie(["build", steering.to_str().unwrap(), "-f", "md"]).run().expect(0);
    let err = done.stderr();
    assert!(!err.contains('\u{1b}') && err.contains("\\u{1b}[31mred.md"), "{err}");
    let stem = "r".repeat(245);
    let long = write_file(dir.path(), &format!("{stem}.yaml"), REPORT);
    zongjie(["build", long.to_str().unwrap(), "-f", "md,pdf,docx"]).run().expect(0);
    assert!(dir.path().join(format!("{stem}.docx")).is_file());
    // Built again: the outputs are replaced (their backups named within the limit too).
    zongjie(["build", long.to_str().unwrap(), "-f", "md,pdf,docx"]).run().expect(0);
}

#[test]
fn a_starter_is_never_written_through_a_symlink() {
    let dir = temp();
    let outside = dir.path().join("outside");
    fs::create_dir(&outside).unwrap();
    let here = dir.path().join("here");
    fs::create_dir(&here).unwrap();
    std::os::unix::fs::symlink(&outside, here.join("units")).unwrap();
    zongjie(["new", "monthly-bulletin", here.join("b.yaml").to_str().unwrap()])
        .run()
        .expect(1)
        .stderr_has(&["units is a symbolic link", "nothing was written"]);
    assert!(common::names(&outside).is_empty() && !here.join("b.yaml").exists());
}
