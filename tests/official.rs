//! Send-ready official documents (GB/T 9704-2012), measured on the PDF of
//! documents made here (not the bundled examples): the 版头 (份号, 密级,
//! 紧急程度, the red 发文机关标志 35 mm under the top of the text block, the
//! 发文字号 two blank lines under it, 签发人, the red rule 4 mm under the
//! number, as wide as the text block), the sealed, joint and personal
//! signatures, the 版记 on the last, even page between its rules, the
//! attachment pages, where the charts go, and the lint. Positions come from
//! `pdftotext -bbox-layout`; colours and rules from Typst's own layout of
//! the `.typ` output. Needs Chinese fonts (fonts-noto-cjk, fonts-arphic-ukai).

mod common;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use common::{Line, pdf_lines, temp, yaml_string, zongjie};

const MM: f64 = 72.0 / 25.4;
/// The line pitch: 225 mm over 22 lines.
const PITCH: f64 = 225.0 * MM / 22.0;
/// The space between two lines' boxes.
const LEADING: f64 = PITCH - 16.0;
/// One character of the body: 16 pt tracked 0.22 pt closer.
const CHAR: f64 = 16.0 - 0.22;
/// The text block: 28 mm from the left, 37 mm from the top, 156 × 225 mm.
const LEFT: f64 = 28.0 * MM;
const TOP: f64 = 37.0 * MM;
const RIGHT: f64 = (28.0 + 156.0) * MM;

/// Writes a Chinese progress report with these fields (YAML lines after the
/// common ones) and builds it to `formats`; returns the data file's path.
fn write_zh(dir: &Path, name: &str, fields: &str) -> PathBuf {
    let data = dir.join(format!("{name}.yaml"));
    let text = format!("lang: zh\ntitle: 关于石门镇农村人居环境整治工作情况的报告\ndate: 2026-10-09\n{fields}");
    std::fs::write(&data, text).unwrap();
    data
}

fn build(data: &Path, formats: &str) -> PathBuf {
    zongjie(["build", data.to_str().unwrap(), "-f", formats]).run().expect(0);
    data.with_extension("pdf")
}

/// The first line of a page holding `text`.
#[track_caller]
fn find<'a>(page: &'a [Line], text: &str) -> &'a Line {
    page.iter().find(|l| l.text.contains(text)).unwrap_or_else(|| {
        panic!("no line with {text:?} on the page: {:?}", page.iter().map(|l| &l.text).collect::<Vec<_>>())
    })
}

/// Something drawn on a page, from Typst's layout: its page (from 1) and
/// position from the page's top left, in points.
#[derive(Debug)]
enum Drawn {
    Text { page: usize, text: String, rgb: [u8; 4] },
    Line { page: usize, x: f64, y: f64, length: f64, thickness: f64, rgb: [u8; 4] },
}

fn rgb(paint: &typst::visualize::Paint) -> [u8; 4] {
    match paint {
        typst::visualize::Paint::Solid(c) => c.to_vec4_u8(),
        _ => [0, 0, 0, 0],
    }
}

fn walk(page: usize, frame: &typst::layout::Frame, at: (f64, f64), out: &mut Vec<Drawn>) {
    use typst::layout::FrameItem;
    use typst::visualize::Geometry;
    for (pos, item) in frame.items() {
        let (x, y) = (at.0 + pos.x.to_pt(), at.1 + pos.y.to_pt());
        match item {
            FrameItem::Group(g) => walk(page, &g.frame, (x + g.transform.tx.to_pt(), y + g.transform.ty.to_pt()), out),
            FrameItem::Text(t) => out.push(Drawn::Text { page, text: t.text.to_string(), rgb: rgb(&t.fill) }),
            FrameItem::Shape(shape, _) => {
                if let (Geometry::Line(to), Some(stroke)) = (&shape.geometry, &shape.stroke) {
                    out.push(Drawn::Line {
                        page,
                        x,
                        y,
                        length: to.x.to_pt(),
                        thickness: stroke.thickness.to_pt(),
                        rgb: rgb(&stroke.paint),
                    });
                }
            }
            _ => {}
        }
    }
}

/// Everything drawn in the document built from `data` (its `.typ` laid out
/// in-process).
fn drawn(data: &Path) -> Vec<Drawn> {
    use zongjie::{FontOptions, Fonts};
    zongjie(["build", data.to_str().unwrap(), "-f", "typ"]).run().expect(0);
    let typ = std::fs::read_to_string(data.with_extension("typ")).unwrap();
    let fonts = Fonts::load(&FontOptions { system: true, ..FontOptions::default() });
    let root = data.parent().unwrap();
    let document = zongjie::testing::layout_typ(Arc::new(fonts), root, typ).unwrap_or_else(|e| panic!("{e}"));
    let mut out = Vec::new();
    for (i, page) in document.pages().iter().enumerate() {
        walk(i + 1, &page.frame, (0.0, 0.0), &mut out);
    }
    out
}

const RED: [u8; 4] = [230, 0, 18, 255];

const LETTERHEAD: &str = "organization: 石门镇人民政府\nrecipient: 县委、县政府\nissuer_mark: 石门镇人民政府文件\ndoc_number: 石政报〔2026〕15号\nsigner: 王立新\ncopy_number: \"000123\"\nsecrecy: 秘密★1年\nurgency: 特急\nintro: 今年以来，我镇扎实推进农村人居环境整治工作，取得了阶段性成效。\n";

#[test]
fn the_letterhead_of_an_upward_document() {
    let dir = temp();
    let data = write_zh(dir.path(), "upward", LETTERHEAD);
    let pdf = build(&data, "pdf");
    let pages = pdf_lines(&pdf);
    let page = &pages[0];
    // 份号, 密级, 紧急程度: the first three lines, flush left.
    for (i, text) in ["000123", "秘密★1年", "特急"].iter().enumerate() {
        let line = find(page, text);
        assert!((line.x_min - LEFT).abs() < 1.0, "{text} starts at {:.1} mm", line.x_min / MM);
        let want = TOP + i as f64 * PITCH;
        assert!((line.y_min - want).abs() < 1.0, "{text} at {:.2} pt, not line {} ({want:.2} pt)", line.y_min, i + 1);
    }
    // The mark: its top 35 mm under the top of the text block, centred.
    let mark = find(page, "石门镇人民政府文件");
    let below = (mark.y_min - TOP) / MM;
    assert!((below - 35.0).abs() <= 1.0, "the mark's top is {below:.2} mm under the text block's top");
    let centre = (mark.x_min + mark.x_max) / 2.0;
    assert!((centre - (LEFT + RIGHT) / 2.0).abs() < 1.5, "the mark is centred at {:.1} mm", centre / MM);
    assert!(mark.x_max - mark.x_min <= 156.0 * MM + 0.5, "the mark is no wider than the text block");
    // The number one character in on the left, two blank lines under the
    // mark; 签发人 on its line, one character in on the right.
    let number = find(page, "石政报〔2026〕15号");
    let gap = number.y_min - mark.y_max;
    assert!(
        (gap - (2.0 * PITCH + LEADING)).abs() < 1.0,
        "the number is {gap:.2} pt under the mark, not two blank lines"
    );
    assert!((number.x_min - (LEFT + CHAR)).abs() < 1.0, "the number starts at {:.1} mm", number.x_min / MM);
    let signer = find(page, "签发人");
    assert!((signer.y_min - number.y_min).abs() < 0.5, "签发人 is on the number's line");
    assert!(signer.text.ends_with("王立新"), "{}", signer.text);
    assert!((signer.x_max - (RIGHT - CHAR)).abs() < 1.0, "签发人 ends at {:.1} mm", signer.x_max / MM);
    // The mark is red; the red rule 4 mm under the number, as wide as the
    // text block.
    let drawn = drawn(&data);
    let mark_ink: Vec<_> = drawn
        .iter()
        .filter_map(|d| match d {
            Drawn::Text { page: 1, text, rgb, .. } if text.contains("文件") => Some(*rgb),
            _ => None,
        })
        .collect();
    assert!(!mark_ink.is_empty() && mark_ink.iter().all(|c| *c == RED), "the mark's colour: {mark_ink:?}");
    let rules: Vec<(f64, f64, f64)> = drawn
        .iter()
        .filter_map(|d| match d {
            Drawn::Line { page: 1, x, y, length, rgb, .. } if *rgb == RED => Some((*x, *y, *length)),
            _ => None,
        })
        .collect();
    assert_eq!(rules.len(), 1, "one red rule: {rules:?}");
    let (x, y, length) = rules[0];
    assert!((x - LEFT).abs() < 0.5 && (length - 156.0 * MM).abs() < 0.5, "the rule runs {x:.1}–{:.1} pt", x + length);
    let under = (y - number.y_max) / MM;
    assert!((under - 4.0).abs() < 0.5, "the rule is {under:.2} mm under the number");
    eprintln!(
        "measured: mark top {below:.2} mm under the block's top, centre {:.2} mm from the block's left (78 wanted); number {:.2} pt under the mark ({:.2} wanted); rule {under:.2} mm under the number, {:.2} mm wide, colour {:?}",
        (centre - LEFT) / MM,
        gap,
        2.0 * PITCH + LEADING,
        length / MM,
        mark_ink[0]
    );
    // The title under the rule; the body on the grid.
    let title = find(page, "关于石门镇");
    assert!(title.y_min > y + PITCH, "the title is under the rule");
    let body = find(page, "今年以来");
    let k = (body.y_min - TOP) / PITCH;
    assert!((k - k.round()).abs() * PITCH < 0.5, "the body is off the grid by {:.2} pt", (k - k.round()) * PITCH);
}

/// Several signers: two to a line, 签发人 once, a third under the first
/// name, the number on the line of the last (GB/T 9704 7.2.5).
#[test]
fn several_signers_two_to_a_line() {
    let dir = temp();
    let fields = LETTERHEAD.replace("signer: 王立新", "signer: [李建国, 王立新, 张三]");
    let page = &pdf_lines(&build(&write_zh(dir.path(), "signers", &fields), "pdf"))[0];
    let first = find(page, "李建国");
    assert!(first.text.starts_with("签发人：李建国") && first.text.ends_with("王立新"), "{}", first.text);
    assert_eq!(page.iter().filter(|l| l.text.contains("签发人")).count(), 1, "签发人 once");
    let third = find(page, "张三");
    assert!((third.y_min - first.y_min - PITCH).abs() < 0.5, "the third on the next line");
    let number = find(page, "石政报〔2026〕15号");
    assert!((number.y_min - third.y_min).abs() < 0.5, "the number on the last signers' line");
    // 张三 under 李建国: the label's width (签发人 and its colon) in.
    let indent = (third.x_min - first.x_min) / CHAR;
    assert!((3.0..=4.2).contains(&indent), "张三 starts {indent:.2} characters in, not under 李建国");
}

#[test]
fn a_joint_mark_and_a_centred_number() {
    let dir = temp();
    let data = write_zh(
        dir.path(),
        "joint",
        "organization: [中共石门镇委员会, 石门镇人民政府]\nissuer_mark: [中共石门镇委员会, 石门镇人民政府]\ndoc_number: 石发〔2026〕3号\nintro: 正文。\n",
    );
    let pages = pdf_lines(&build(&data, "pdf"));
    let page = &pages[0];
    let first = find(page, "中共石门镇委员会");
    let second =
        page.iter().filter(|l| l.text.contains("石门镇人民政府")).min_by(|a, b| a.y_min.total_cmp(&b.y_min)).unwrap();
    assert!(((first.y_min - TOP) / MM - 35.0).abs() <= 1.0, "the stack's top is 35 mm under the text block's top");
    assert!(second.y_min > first.y_max - 0.5, "the organs stack");
    let words = common::pdf_words(&data.with_extension("pdf"));
    let file = words[0].words.iter().find(|w| w.text == "文件").expect("文件 beside the stack");
    assert!(file.x_min > first.x_max.max(second.x_max) - 1.0, "文件 is to the right of the names");
    let (stack_mid, file_mid) = ((first.y_min + second.y_max) / 2.0, (file.y_min + file.y_max) / 2.0);
    assert!((stack_mid - file_mid).abs() < 3.0, "文件 is centred against the stack ({file_mid:.1} vs {stack_mid:.1})");
    let number = find(page, "石发〔2026〕3号");
    let centre = (number.x_min + number.x_max) / 2.0;
    assert!((centre - (LEFT + RIGHT) / 2.0).abs() < 1.0, "the number is centred");
    assert!((number.y_min - second.y_max - (2.0 * PITCH + LEADING)).abs() < 1.0, "two blank lines under the mark");
}

#[test]
fn a_sealed_signature() {
    let dir = temp();
    let data = write_zh(dir.path(), "sealed", "organization: 石门镇人民政府\nsealed: true\nintro: 正文。\n");
    let pages = pdf_lines(&build(&data, "pdf"));
    let page = &pages[0];
    let date = find(page, "2026年10月9日");
    let org = page.iter().rfind(|l| l.text == "石门镇人民政府").expect("the signature");
    let from_right = RIGHT - date.x_max;
    assert!(
        (from_right - 4.0 * CHAR).abs() < 1.5,
        "the date ends {from_right:.1} pt from the right edge, not 4 characters"
    );
    let (org_mid, date_mid) = ((org.x_min + org.x_max) / 2.0, (date.x_min + date.x_max) / 2.0);
    assert!(
        (org_mid - date_mid).abs() <= CHAR,
        "the organization is centred on the date: {org_mid:.1} vs {date_mid:.1}"
    );
    assert!((date.y_min - org.y_min - PITCH).abs() < 0.5, "the date is on the next line");
    // Two blank lines under the body, for the seal.
    let body = find(page, "正文。");
    assert!(
        (org.y_min - body.y_min - 3.0 * PITCH).abs() < 0.5,
        "the signature is {:.1} pt under the body",
        org.y_min - body.y_min
    );
    eprintln!(
        "measured: sealed date ends {from_right:.2} pt from the right edge (4 characters: {:.2}); organization centre {:+.2} pt from the date's",
        4.0 * CHAR,
        org_mid - date_mid
    );
}

#[test]
fn joint_signatures_sealed_and_unsealed() {
    let dir = temp();
    let orgs = "organization: [中共石门镇委员会, 石门镇人民政府]\nintro: 正文。\n";
    let sealed = write_zh(dir.path(), "sealed", &format!("{orgs}sealed: true\n"));
    let page = &pdf_lines(&build(&sealed, "pdf"))[0];
    let date = find(page, "2026年10月9日");
    let (first, second) = (find(page, "中共石门镇委员会"), find(page, "石门镇人民政府"));
    assert!((first.y_min - second.y_min).abs() < 0.5, "sealed: the signatures side by side, in order");
    assert!(first.x_max < second.x_min, "sealed: the 主办机关 first");
    let (mid, date_mid) = ((second.x_min + second.x_max) / 2.0, (date.x_min + date.x_max) / 2.0);
    assert!((mid - date_mid).abs() <= CHAR, "sealed: the last signature over the date");
    assert!(second.x_min - first.x_max > 5.0 * MM, "sealed: room between the seals");
    let unsealed = write_zh(dir.path(), "unsealed", orgs);
    let page = &pdf_lines(&build(&unsealed, "pdf"))[0];
    let (first, second) = (find(page, "中共石门镇委员会"), find(page, "石门镇人民政府"));
    let date = find(page, "2026年10月9日");
    assert!((second.y_min - first.y_min - PITCH).abs() < 0.5, "unsealed: the others stacked under the 主办机关");
    assert!((first.x_min - second.x_min).abs() < 0.5, "unsealed: stacked flush");
    assert!((date.y_min - second.y_min - PITCH).abs() < 0.5, "unsealed: the date under the last");
    assert!(
        (date.x_min - first.x_min - 2.0 * CHAR).abs() < 1.0,
        "unsealed: the date two characters right of the signature"
    );
    assert!((RIGHT - first.x_max.max(date.x_max) - 2.0 * CHAR).abs() < 1.0, "unsealed: two characters from the right");
    // Sealed, a name too long to stand beside the other: one to a row,
    // never running into each other.
    let long = "organization: [中共青山县委农村工作领导小组办公室, 青山县农业农村局]\nintro: 正文。\nsealed: true\n";
    let page = &pdf_lines(&build(&write_zh(dir.path(), "long", long), "pdf"))[0];
    let (first, second) = (find(page, "中共青山县委农村工作领导小组办公室"), find(page, "青山县农业农村局"));
    assert!(second.y_min - first.y_min > 3.0 * PITCH, "sealed long: stacked, a seal's room apart");
    let date = find(page, "2026年10月9日");
    let date_mid = (date.x_min + date.x_max) / 2.0;
    assert!(((second.x_min + second.x_max) / 2.0 - date_mid).abs() <= CHAR, "sealed long: the last over the date");
    // (The long one as near it as the text block allows.)
    assert!(first.x_max <= RIGHT + 1.0 && first.x_min >= LEFT - 1.0, "sealed long: within the text block");
}

#[test]
fn a_persons_signature() {
    let dir = temp();
    let data = write_zh(
        dir.path(),
        "person",
        "organization: 石门镇许楼村驻村工作队\nsigner: 王立\nsigner_post: 驻村第一书记\nintro: 正文。\n",
    );
    let page = &pdf_lines(&build(&data, "pdf"))[0];
    let words = &common::pdf_words(&data.with_extension("pdf"))[0].words;
    let name = words.iter().find(|w| w.text == "王立").expect("the name");
    let post = words.iter().find(|w| w.text == "驻村第一书记").expect("the post");
    let date = find(page, "2026年10月9日");
    assert!((RIGHT - name.x_max - 4.0 * CHAR).abs() < 1.5, "the name ends 4 characters from the right");
    assert!((name.x_min - post.x_max - 2.0 * CHAR).abs() < 1.5, "the post two characters left of the name");
    assert!((RIGHT - date.x_max - 4.0 * CHAR).abs() < 1.5, "the date ends 4 characters from the right");
    assert!((date.y_min - name.y_min - PITCH).abs() < 0.5, "the date one line below");
    let body = find(page, "正文。");
    assert!((name.y_min - body.y_min - 3.0 * PITCH).abs() < 0.5, "two blank lines under the body");
    assert!(!page.iter().any(|l| l.text.contains("签发人")), "no 签发人 without a 发文字号");
}

/// A report of `n` one-line paragraphs with a 版记.
fn closing_report(dir: &Path, name: &str, n: usize) -> PathBuf {
    let paragraphs = "整治农村人居环境，推进美丽乡村建设工作。\n\n".repeat(n);
    write_zh(
        dir,
        name,
        &format!(
            "organization: 石门镇人民政府\nintro: {}\ncopy_to: [县委办公室, 县人大常委会办公室, 县政府办公室, 县政协办公室]\nprinted_by: 石门镇党政办公室\nprinted_on: 2026-10-09\n",
            yaml_string(&paragraphs)
        ),
    )
}

/// Checks the 版记 of a built document and returns how many pages it has
/// and whether a blank page comes before the 版记's.
#[track_caller]
fn check_closing(data: &Path) -> (usize, bool) {
    let pdf = build(data, "pdf");
    let pages = pdf_lines(&pdf);
    let n = pages.len();
    assert!(n.is_multiple_of(2), "the 版记 is on an even page: {n} pages");
    let last = &pages[n - 1];
    let copy = find(last, "抄送：");
    let names = find(last, "县委办公室");
    assert!(
        (names.y_min - copy.y_min).abs() < 0.5 && names.x_min > copy.x_min + 28.0,
        "the names after 抄送：: {copy:?} {names:?}"
    );
    let printed = find(last, "2026年10月9日印发");
    let by = find(last, "石门镇党政办公室");
    let end = last.iter().rfind(|l| l.text.ends_with("公室。")).expect("the end of the 抄送 line");
    assert!(end.y_min > names.y_min, "the names wrap: {end:?} {names:?}");
    assert!((end.x_min - names.x_min).abs() < 0.5, "wrapped names under the first: {end:?}");
    assert!((by.x_min - LEFT - 14.0).abs() < 1.0, "印发机关 one character in on the left");
    assert!((RIGHT - printed.x_max - 14.0).abs() < 1.0, "印发日期 one character in on the right");
    // The last row on the last line of the text block.
    let last_line = TOP + 21.0 * PITCH;
    assert!(
        printed.y_min > last_line - 2.0 && printed.y_max < TOP + 225.0 * MM,
        "印发 on the last line: {:.1} pt",
        printed.y_min
    );
    // Between the rules: 0.35 mm first and last, 0.25 mm between.
    let drawn = drawn(data);
    let mut rules: Vec<(f64, f64)> = drawn
        .iter()
        .filter_map(|d| match d {
            Drawn::Line { page, y, thickness, length, .. } if *page == n && (*length - 156.0 * MM).abs() < 0.5 => {
                Some((*y, *thickness / MM))
            }
            _ => None,
        })
        .collect();
    rules.sort_by(|a, b| a.0.total_cmp(&b.0));
    assert_eq!(rules.len(), 3, "three rules: {rules:?}");
    let widths: Vec<f64> = rules.iter().map(|r| (r.1 * 100.0).round() / 100.0).collect();
    assert_eq!(widths, vec![0.35, 0.25, 0.35], "rule widths in mm");
    assert!(rules[0].0 < copy.y_min && copy.y_max < rules[1].0, "抄送 between the first rules");
    assert!(rules[1].0 < printed.y_min && printed.y_max < rules[2].0, "印发 between the last rules");
    eprintln!(
        "measured: {n} pages; 印发 line {:.2}–{:.2} pt (last line {last_line:.2} pt); rules at {:?} pt, {widths:?} mm",
        printed.y_min,
        printed.y_max,
        rules.iter().map(|r| (r.0 * 100.0).round() / 100.0).collect::<Vec<_>>()
    );
    let blank = n >= 2 && pages[n - 2].iter().all(|l| l.text.trim().is_empty() || l.text.starts_with('—'));
    let numbered = |page: &[Line]| page.iter().any(|l| l.text.starts_with('—'));
    if blank {
        assert!(!numbered(&pages[n - 2]) && !numbered(last), "no page numbers on a blank page and the 版记's after it");
        assert!(pages[n - 2].is_empty(), "the page before the 版记 is blank: {:?}", pages[n - 2]);
    } else {
        assert!(numbered(last), "the 版记's page keeps its number when no blank page comes before it");
    }
    (n, blank)
}

#[test]
fn the_closing_block_is_on_the_last_even_page() {
    let dir = temp();
    // One page of text: the 版记 alone on page 2, numbered.
    let (n, blank) = check_closing(&closing_report(dir.path(), "short", 1));
    assert_eq!((n, blank), (2, false));
    // Text to the foot of page 2: the 版记 on page 4 after a blank page 3.
    let mut cases = Vec::new();
    for paragraphs in [28, 32, 36] {
        cases.push(check_closing(&closing_report(dir.path(), &format!("long{paragraphs}"), paragraphs)));
    }
    assert!(cases.iter().any(|c| c.1), "one case puts a blank page before the 版记: {cases:?}");
    assert!(cases.iter().any(|c| !c.1 && c.0 == 2), "one case shares page 2 with the text: {cases:?}");
}

const METRICS: &str = "metrics:\n  - id: toilets\n    label: 改造农村户厕\n    unit: 户\n    target: 1200\n    actual: 960\n    previous: 700\n    last_year: 500\n  - id: funds\n    label: 整治资金\n    unit: 元\n    target: 5000000\n    actual: 4200000\n    previous: 3000000\n";

#[test]
fn attachment_pages_and_their_table() {
    let dir = temp();
    let data = write_zh(
        dir.path(),
        "attached",
        &format!(
            "organization: 石门镇人民政府\nperiod: 2026-09\nintro: 正文。\nprogress:\n  - title: 推进户厕改造\n    body: 全镇推进户厕改造。\n    metrics: [toilets, funds]\n{METRICS}attachments:\n  - 石门镇整治工作名单\n  - title: 石门镇整治工作说明\n    body: |\n      说明正文第一段。\n\n      | 村名 | 户数 |\n      |---|---|\n      | 石门村 | 120 |\n{}  - title: 石门镇整治主要指标完成情况表\n    table: metrics\n",
            // A table longer than the page: it starts on its title's.
            (1..=30).map(|i| format!("      | 第{i}村 | {i} |\n")).collect::<String>()
        ),
    );
    let pdf = build(&data, "pdf");
    let pages = pdf_lines(&pdf);
    let first = &pages[0];
    let note = find(first, "附件：");
    assert!(note.text.starts_with("附件：1.石门镇整治工作名单"), "no space after 1.: {}", note.text);
    assert!((note.x_min - LEFT - 2.0 * CHAR).abs() < 1.0, "附件 two characters in");
    find(first, "2.石门镇整治工作说明");
    // Each attachment with a page starts one: 附件2, 附件3 at the top left.
    for (label, title) in [("附件2", "石门镇整治工作说明"), ("附件3", "石门镇整治主要指标完成情况表")]
    {
        let (n, page) = pages
            .iter()
            .enumerate()
            .find(|(_, p)| p.first().is_some_and(|l| l.text == label))
            .unwrap_or_else(|| panic!("no page starts with {label}"));
        let head = &page[0];
        assert!((head.x_min - LEFT).abs() < 1.0 && (head.y_min - TOP).abs() < 1.0, "{label} at the top left");
        let t = find(page, title);
        assert!(((t.x_min + t.x_max) / 2.0 - (LEFT + RIGHT) / 2.0).abs() < 1.0, "{title} centred");
        assert!(t.y_min > TOP + 1.5 * PITCH && t.y_min < TOP + 2.5 * PITCH, "{title} on the third line");
        assert!(n > 0, "{label} is not on the first page");
        // A table that ends an attachment's text is on its title's page
        // (it was moved whole to the next, as a body's last block kept to
        // the signature is).
        let first_line = if label == "附件2" { "石门村" } else { "指标" };
        find(page, first_line);
    }
    // The table: a row per metric, its figures those of the body, the
    // change on the previous period headed 较上月 (the period is a month).
    let text = common::pdf_text(&pdf);
    let (body, table) = text.split_at(text.find("附件3").unwrap());
    for header in ["指标", "单位", "目标", "完成", "完成率", "较上月", "同比"] {
        assert!(table.contains(header), "the table lacks {header}");
    }
    for (body_figure, cells) in
        [("960户", ["960", "1200", "80%", "增加260户"]), ("420万元", ["420", "500", "84%", "增加120万元"])]
    {
        assert!(body.contains(body_figure), "the body says {body_figure}");
        for cell in cells {
            assert!(table.contains(cell), "the table lacks {cell}:\n{table}");
        }
    }
    assert!(body.replace('\n', "").contains("较上月增加260户"), "the body's change");
}

#[test]
fn one_attachment_is_not_numbered() {
    let dir = temp();
    let data = write_zh(
        dir.path(),
        "one",
        "organization: 石门镇人民政府\nintro: 正文。\nattachments:\n  - title: 石门镇整治工作说明\n    body: 说明。\n",
    );
    let pages = pdf_lines(&build(&data, "pdf"));
    let note = find(&pages[0], "附件：");
    assert_eq!(note.text, "附件：石门镇整治工作说明");
    assert_eq!(pages[1][0].text, "附件");
}

#[test]
fn where_the_chart_goes() {
    let dir = temp();
    let base = format!(
        "organization: 石门镇人民政府\nintro: 正文。\nprogress:\n  - title: 推进户厕改造\n    body: 全镇推进户厕改造。\n{METRICS}"
    );
    let md = |name: &str, extra: &str| {
        let data = write_zh(dir.path(), name, &format!("{base}{extra}"));
        zongjie(["build", data.to_str().unwrap(), "-f", "md"]).run().expect(0);
        std::fs::read_to_string(data.with_extension("md")).unwrap()
    };
    assert!(!md("default", "").contains("```chart"), "a report to a superior has no chart by default");
    let body = md("body", "charts: body\n");
    assert!(body.split("\n---\n").nth(1).unwrap().contains("```chart"), "charts: body");
    let attached = md("attached", "charts: attachment\n");
    let (front, rest) = attached.split_at(attached.find("\n---\n").unwrap());
    assert!(!rest.contains("```chart") && front.contains("title: 目标任务完成情况") && front.contains("```chart"));
    let pdf = build(&write_zh(dir.path(), "attached", &format!("{base}charts: attachment\n")), "pdf");
    let pages = pdf_lines(&pdf);
    assert!(pages.iter().any(|p| p.first().is_some_and(|l| l.text == "附件")), "the chart has a page");
}

#[test]
fn the_lint_finds_a_malformed_number_and_a_missing_signer() {
    let dir = temp();
    for (bad, fix) in [
        ("石政报[2026]15号", "请写成 石政报〔2026〕15号"),
        ("石政报(2026)15号", "请写成 石政报〔2026〕15号"),
        ("石政报【2026】15号", "请写成 石政报〔2026〕15号"),
        ("石政报〔2026〕015号", "请写成 石政报〔2026〕15号"),
    ] {
        let data = write_zh(
            dir.path(),
            "bad",
            &format!("organization: 石门镇人民政府\nrecipient: 县委\ndoc_number: {bad}\nsigner: 王立新\n"),
        );
        zongjie(["check", data.to_str().unwrap()]).run().expect(1).stderr_has(&["bad.yaml:6:", fix]);
        zongjie(["build", data.to_str().unwrap()]).run().expect(1).stderr_has(&["bad.yaml:6:"]);
    }
    let data = write_zh(
        dir.path(),
        "unsigned",
        "organization: 石门镇人民政府\nrecipient: 县委\ndoc_number: 石政报〔2026〕15号\n",
    );
    zongjie(["check", data.to_str().unwrap()]).run().expect(0).stderr_has(&["unsigned.yaml:6:", "签发人", "signer:"]);
    // The same in a `.md` file's front matter.
    zongjie(["build", data.to_str().unwrap(), "-f", "md"]).run().expect(0);
    let md = data.with_extension("md");
    zongjie(["check", md.to_str().unwrap()]).run().expect(0).stderr_has(&["unsigned.md:", "签发人"]);
    let text = std::fs::read_to_string(&md).unwrap().replace("〔2026〕15号", "[2026]15号");
    let line = text.lines().position(|l| l.contains("[2026]")).unwrap() + 1;
    std::fs::write(&md, text).unwrap();
    zongjie(["check", md.to_str().unwrap()])
        .run()
        .expect(1)
        .stderr_has(&[&format!("unsigned.md:{line}:"), "请写成 石政报〔2026〕15号"]);
    // Addressed to no superior, or signed: no warning.
    let data = write_zh(
        dir.path(),
        "signed",
        "organization: 石门镇人民政府\nrecipient: 县委\ndoc_number: 石政报〔2026〕15号\nsigner: 王立新\n",
    );
    let done = zongjie(["check", data.to_str().unwrap()]).run().expect(0);
    assert!(!done.stderr().contains("签发人"), "{}", done.stderr());
}

#[test]
fn official_fields_are_refused_where_they_do_not_belong() {
    let dir = temp();
    let data = dir.path().join("bulletin.yaml");
    std::fs::write(
        &data,
        "template: monthly-bulletin\nlang: zh\ntitle: 简报\norganization: 办公室\ndate: 2026-10-08\nsealed: true\n",
    )
    .unwrap();
    zongjie(["check", data.to_str().unwrap()]).run().expect(1).stderr_has(&["bulletin.yaml:6:", "“sealed”"]);
    let data = write_zh(dir.path(), "post", "organization: 工作队\nsigner_post: 第一书记\n");
    zongjie(["check", data.to_str().unwrap()]).run().expect(1).stderr_has(&["post.yaml:5:", "signer:"]);
    let data = write_zh(dir.path(), "copy", "organization: 工作队\ncopy_number: 123\n");
    zongjie(["check", data.to_str().unwrap()]).run().expect(1).stderr_has(&["copy.yaml:5:", "\"000123\""]);
    let data = write_zh(dir.path(), "secret", "organization: 工作队\nsecrecy: 内部\n");
    zongjie(["check", data.to_str().unwrap()]).run().expect(1).stderr_has(&["secret.yaml:5:", "秘密★1年"]);
}

#[test]
fn the_md_file_keeps_every_field_and_rebuilds() {
    let dir = temp();
    let data = write_zh(
        dir.path(),
        "round",
        &format!(
            "{LETTERHEAD}sealed: true\ncopy_to: [县委办公室]\nprinted_by: 石门镇党政办公室\nprinted_on: 2026-10-09\n{METRICS}attachments:\n  - title: 指标表\n    table: metrics\n"
        ),
    );
    let pdf = build(&data, "md,pdf");
    let first = common::pdf_text(&pdf);
    let md = data.with_extension("md");
    let again = dir.path().join("again.md");
    std::fs::copy(&md, &again).unwrap();
    zongjie(["build", again.to_str().unwrap(), "-f", "pdf"]).run().expect(0);
    assert_eq!(common::pdf_text(&again.with_extension("pdf")), first, "the .md rebuilds the same document");
}

#[test]
fn the_signature_never_stands_alone_on_a_page() {
    let dir = temp();
    // Bodies that end at every line of page 1's foot: the signature and
    // the date (and the 附件 line) keep the body's last paragraph with them.
    for n in 14..=22 {
        let paragraphs = "整治农村人居环境，推进美丽乡村建设工作。\n\n".repeat(n);
        let sealed = if n % 2 == 0 { "sealed: true\n" } else { "" };
        let data = write_zh(
            dir.path(),
            &format!("n{n}"),
            &format!(
                "organization: 石门镇人民政府\n{sealed}attachments: [名单]\nintro: {}\n",
                yaml_string(&paragraphs)
            ),
        );
        let pages = pdf_lines(&build(&data, "pdf"));
        let page = pages.iter().find(|p| p.iter().any(|l| l.text == "2026年10月9日")).expect("the date");
        assert!(
            page.iter().any(|l| l.text.contains("整治农村人居环境") || l.text.contains("特此报告")),
            "{n} paragraphs: the signature is alone on its page: {:?}",
            page.iter().map(|l| &l.text).collect::<Vec<_>>()
        );
        let org = page.iter().find(|l| l.text == "石门镇人民政府").expect("the signature on the date's page");
        assert!(org.y_min < find(page, "2026年10月9日").y_min);
    }
}

#[test]
fn the_chinese_starter_shows_every_new_field() {
    let dir = temp();
    let file = dir.path().join("report.yaml");
    zongjie(["new", "progress-report", file.to_str().unwrap(), "--lang", "zh"]).run().expect(0);
    let text = std::fs::read_to_string(&file).unwrap();
    for field in [
        "issuer_mark",
        "doc_number",
        "signer",
        "copy_number",
        "secrecy",
        "urgency",
        "sealed",
        "signer_post",
        "copy_to",
        "printed_by",
        "printed_on",
        "charts",
    ] {
        assert!(text.contains(&format!("# {field}: ")), "the starter lacks a commented `{field}:`");
    }
    assert!(text.contains("#   table: metrics") && text.contains("#   body: |"), "the attachment forms are shown");
    // Uncommented, the fields build.
    let on = text
        .replace("# issuer_mark:", "issuer_mark:")
        .replace("# doc_number:", "doc_number:")
        .replace("# signer:", "signer:")
        .replace("# sealed:", "sealed:")
        .replace("# copy_to:", "copy_to:")
        .replace("# printed_by:", "printed_by:")
        .replace("# printed_on:", "printed_on:")
        .replace(
            "  # - title: 青山县农村人居环境整治主要指标完成情况表\n  #   table: metrics",
            "  - title: 青山县农村人居环境整治主要指标完成情况表\n    table: metrics",
        );
    std::fs::write(&file, on).unwrap();
    let pdf = build(&file, "pdf");
    let pages = pdf_lines(&pdf);
    assert!(pages.len().is_multiple_of(2));
    find(&pages[0], "青山县农业农村局文件");
    find(&pages[pages.len() - 1], "印发");
}

#[test]
fn an_english_document_gets_the_same_parts() {
    let dir = temp();
    let data = dir.path().join("english.yaml");
    std::fs::write(
        &data,
        "title: Report on the Town's Work\norganization: [Shimen Town Party Committee, Shimen Town Government]\nrecipient: County Party Committee\ndate: 2026-10-09\nissuer_mark: Shimen Town Government\ndoc_number: SZB No. 15 (2026)\nsigner: Wang Lixin\nsealed: true\ncopy_to: [County Office, County Government Office]\nprinted_by: Shimen Town Office\nprinted_on: 2026-10-09\nintro: The town improved its rural living environment.\nattachments:\n  - title: Main figures\n    body: Figures.\n",
    )
    .unwrap();
    let pdf = build(&data, "pdf");
    // pdftotext -bbox-layout joins a line's words without spaces.
    let pages = pdf_lines(&pdf);
    assert_eq!(pages.len(), 2, "the attachment on a page of its own");
    let first = &pages[0];
    let mark = find(first, "ShimenTownGovernment");
    assert!(mark.y_min < find(first, "SZBNo.15(2026)").y_min, "the mark above the number");
    find(first, "Signedoffby:WangLixin");
    let org = find(first, "ShimenTownPartyCommittee");
    assert!(find(first, "9October2026").y_min > org.y_min, "the date under the signatures");
    assert_eq!(pages[1][0].text, "Attachment", "the attachment's label at the top of its page");
    let last = &pages[1];
    let copy = find(last, "Copyto:");
    let printed = find(last, "Printed9October2026");
    assert!(
        copy.y_min < printed.y_min && printed.y_max > 297.0 * MM - 25.0 * MM - 30.0,
        "the closing block at the foot"
    );
    let drawn = drawn(&data);
    let red = drawn
        .iter()
        .any(|d| matches!(d, Drawn::Text { page: 1, text, rgb, .. } if text.contains("Shimen") && *rgb == RED));
    assert!(red, "the mark is red");
}

#[test]
fn a_bulletin_takes_the_copy_number_and_classification() {
    let dir = temp();
    let from = common::root().join("data/bulletin-zh");
    let to = dir.path().join("bulletin");
    std::fs::create_dir_all(to.join("units")).unwrap();
    for entry in std::fs::read_dir(from.join("units")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, to.join("units").join(path.file_name().unwrap())).unwrap();
    }
    let text = std::fs::read_to_string(from.join("bulletin.yaml")).unwrap();
    let data = to.join("bulletin.yaml");
    std::fs::write(&data, format!("{text}\ncopy_number: \"000042\"\nsecrecy: 秘密\nattachments:\n  - title: 本月工作要点\n    body: 一是抓好产业帮扶。\n")).unwrap();
    let pages = pdf_lines(&build(&data, "pdf,docx"));
    let (copy, secret) = (find(&pages[0], "000042"), find(&pages[0], "秘密"));
    assert!(
        (copy.y_min - TOP).abs() < 1.0 && (copy.x_min - LEFT).abs() < 1.0,
        "the 份号 on the first line, at the left"
    );
    assert!((secret.y_min - TOP - PITCH).abs() < 1.0, "the 密级 on the second");
    assert!(pages.iter().any(|p| p.first().is_some_and(|l| l.text == "附件")), "the attachment's page");
}
