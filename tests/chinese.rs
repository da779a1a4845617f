//! Chinese documents after GB/T 9704-2012, measured on the PDF: A4, the
//! text block at 28 mm from the left and 37 mm from the top, 22 lines a page
//! on a 28.95 pt pitch, 28 characters a line, "— 1 —" page numbers, dates
//! without zero padding, Simplified Chinese faces only, and a clear failure
//! for characters no font has. Needs Chinese fonts: on Debian
//! `apt-get install fonts-noto-cjk fonts-arphic-ukai`.

mod common;

use std::path::Path;
use std::process::Command;

use common::{Line, pdf_fonts, pdf_lines as layout, pdf_text, root, squeeze, temp, yaml_string, zongjie};

const MM: f64 = 72.0 / 25.4;

/// The line pitch: 225 mm of text block over 22 lines.
const PITCH: f64 = 225.0 * MM / 22.0;
/// One character of the body: 16 pt glyphs tracked 0.22 pt closer.
const CHAR: f64 = 16.0 - 0.22;

/// How far a line's top is from the nearest line of the grid, in points.
/// The grid's lines start 37 mm from the top of the page, one pitch apart;
/// a 三号 line's box is 0.88 em above the baseline and 0.12 em below, which
/// is the box pdftotext reports for the Noto CJK and AR PL UKai faces.
fn off_grid(line: &Line) -> f64 {
    let k = (line.y_min - 37.0 * MM) / PITCH;
    (k - k.round()) * PITCH
}

/// The lines of 三号 (16 pt) text on every page, with their page numbers
/// (from 1): the title (二号), footnotes (四号), page numbers and the
/// small print of charts left out.
fn body_lines(pages: &[Vec<Line>]) -> Vec<(usize, &Line)> {
    pages
        .iter()
        .enumerate()
        .flat_map(|(n, page)| page.iter().map(move |l| (n + 1, l)))
        .filter(|(_, l)| ((l.y_max - l.y_min) - 16.0).abs() < 0.3 && !l.text.starts_with('—'))
        .collect()
}

/// Asserts that every 三号 line of the PDF sits on the line grid.
#[track_caller]
fn assert_on_grid(pdf: &Path) {
    let pages = layout(pdf);
    let lines = body_lines(&pages);
    assert!(lines.len() > 3, "too few 16 pt lines found: {lines:?}");
    let off: Vec<String> = lines
        .iter()
        .filter(|(_, l)| off_grid(l).abs() > 0.5)
        .map(|(n, l)| format!("page {n}: {:+.2} pt at {:.1} pt: {}", off_grid(l), l.y_min, l.text))
        .collect();
    assert!(off.is_empty(), "lines off the {PITCH:.2} pt grid:\n{}", off.join("\n"));
}

/// Builds a Chinese progress report with these extra fields (YAML lines)
/// and returns its PDF.
fn build_zh(dir: &Path, name: &str, fields: &str) -> std::path::PathBuf {
    let data = dir.join(format!("{name}.yaml"));
    let text = format!(
        "lang: zh\ntitle: 关于测试的报告\norganization: 县扶贫开发领导小组办公室\ndate: 2026-11-05\ndoc_kind: report\n{fields}"
    );
    std::fs::write(&data, text).unwrap();
    zongjie(["build", data.to_str().unwrap(), "-f", "pdf"]).run().expect(0);
    dir.join(format!("{name}.pdf"))
}

/// A report long enough for full pages, with headings of every level, a
/// list and a table.
fn long_report() -> String {
    let sentence = "全县上下紧紧围绕精准扶贫精准脱贫基本方略，扎实推进各项工作，取得了阶段性成效。";
    let paragraph = sentence.repeat(4);
    // A paragraph of ideographs alone: 28 of them fill a line exactly.
    let mut body = "精准扶贫".repeat(60);
    body.push_str("\n\n");
    for i in 0..14 {
        body.push_str(&paragraph);
        body.push_str("\n\n");
        if i == 2 {
            body.push_str("1. 强化责任落实\n\n（1）压实乡镇责任\n\n- 一是加强组织领导。\n- 二是强化督查考核。\n\n");
            body.push_str(
                "| 指标 | 目标 | 完成 |\n|---|---|---|\n| 脱贫人口 | 28174 | 21000 |\n| 贫困村出列 | 10 | 6 |\n\n",
            );
        }
    }
    format!(
        "lang: zh\ntitle: 关于全县精准扶贫工作进展情况的报告\norganization: 县扶贫开发领导小组办公室\nrecipient: 县委、县政府\ndate: 2026-11-05\nperiod: 2026-Q3\ndoc_kind: report\nintro: {}\nprogress:\n  - title: 强化组织领导\n    body: {}\nproblems:\n  - title: 工作进展不平衡\n    body: 个别乡镇重视程度不够。\nnext_steps:\n  - title: 加大资金整合力度\n    body: 集中财力支持精准扶贫。\n    owner: 县财政局\n    due: 2026-12\n",
        yaml_string("按照市委、市政府的部署要求，我县扎实推进精准扶贫工作。"),
        yaml_string(&body)
    )
}

fn build_long(dir: &Path) -> std::path::PathBuf {
    let data = dir.join("report.yaml");
    std::fs::write(&data, long_report()).unwrap();
    zongjie(["build", data.to_str().unwrap(), "-f", "pdf"]).run().expect(0);
    dir.join("report.pdf")
}

#[test]
fn the_page_and_the_text_block() {
    let dir = temp();
    let pdf = build_long(dir.path());
    let info = Command::new("pdfinfo").arg(&pdf).output().expect("pdfinfo (poppler-utils) runs");
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(info.contains("x 841.89 pts (A4)"), "{info}");
    let pages = layout(&pdf);
    assert!(pages.len() >= 3, "a long report");
    for (n, page) in pages.iter().enumerate() {
        let body: Vec<&Line> = page.iter().filter(|l| !l.text.contains('—')).collect();
        let left = body.iter().map(|l| l.x_min).fold(f64::MAX, f64::min) / MM;
        // The last page may hold only indented lines and the signature.
        let last = n + 1 == pages.len();
        assert!(left >= 25.0 && (last || left <= 31.0), "page {}: leftmost text at {left:.1} mm", n + 1);
        let top = body.iter().map(|l| l.y_min).fold(f64::MAX, f64::min) / MM;
        assert!((top - 37.0).abs() <= 4.0, "page {}: text block starts at {top:.1} mm", n + 1);
    }
    // A full page (not the first or last): 22 lines 28.95 pt apart.
    let page = &pages[1];
    // (Lines of 三号 text: list markers are set smaller.)
    let mut ys: Vec<f64> = body_lines(std::slice::from_ref(page)).iter().map(|(_, l)| l.y_max).collect();
    ys.sort_by(f64::total_cmp);
    ys.dedup_by(|a, b| (*a - *b).abs() < 0.5);
    assert_eq!(ys.len(), 22, "lines on page 2: {ys:?}");
    for pair in ys.windows(2) {
        let pitch = pair[1] - pair[0];
        assert!((pitch - 28.95).abs() <= 0.5, "line pitch {pitch:.2} pt on page 2: {ys:?}");
    }
    // 28 characters a full line: lines of ideographs alone hold 28, or 26
    // after the two-character indent. (Lines with digits, which are
    // half-width, or with punctuation, which Chinese typesetting may set at
    // half width at a line's end, can hold more characters.)
    let ideographs: Vec<usize> = pages
        .iter()
        .flatten()
        .filter(|l| l.text.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)))
        .map(|l| l.text.chars().count())
        .collect();
    assert!(ideographs.contains(&28) && ideographs.contains(&26), "{ideographs:?}");
    assert!(ideographs.iter().all(|n| *n <= 28), "{ideographs:?}");
}

#[test]
fn numbering_dates_page_numbers_and_faces() {
    let dir = temp();
    let pdf = build_long(dir.path());
    let text = pdf_text(&pdf);
    let flat = squeeze(&text);
    for words in [
        "关于全县精准扶贫工作进展情况的报告",
        "县委、县政府：",
        "现将有关情况报告如下：",
        "一、工作进展情况",
        "（一）强化组织领导",
        "二、存在的问题",
        "三、下一步工作打算",
        "（县财政局牵头，2026年12月底前）",
        "特此报告。",
        "县扶贫开发领导小组办公室",
        "2026年11月5日",
    ] {
        assert!(flat.contains(&squeeze(words)), "{words:?} not in the PDF:\n{text}");
    }
    assert!(!flat.contains("2026年11月05日"));
    let pages = layout(&pdf);
    let number = |page: &Vec<Line>| page.iter().find(|l| l.text.starts_with('—')).map(|l| (l.text.clone(), l.x_min));
    let (first, x1) = number(&pages[0]).expect("a page number on page 1");
    assert_eq!(first, "—1—");
    let (second, x2) = number(&pages[1]).expect("a page number on page 2");
    assert_eq!(second, "—2—");
    assert!(x1 > 400.0 && x2 < 150.0, "odd pages right ({x1:.0}), even pages left ({x2:.0})");
    let under = pages[0].iter().find(|l| l.text.starts_with('—')).map(|l| l.y_min / MM).unwrap_or(0.0);
    assert!(under > 37.0 + 225.0 && under < 37.0 + 225.0 + 12.0, "page number {under:.1} mm from the top");
    for face in pdf_fonts(&pdf) {
        let regional = ["JP", "KR", "TC", "HK", "TW", "Jp", "Kr", "Tc"].iter().any(|r| face.contains(r));
        assert!(!regional, "a non-Simplified-Chinese face is embedded: {face}");
    }
}

#[test]
fn the_chinese_examples_build() {
    let dir = temp();
    for name in ["tuanfeng-progress.zh", "town-summary.zh"] {
        let data = root().join(format!("examples/{name}.yaml"));
        zongjie(["build", data.to_str().unwrap(), "-o", dir.path().to_str().unwrap()]).run().expect(0);
        let text = squeeze(&pdf_text(&dir.path().join(format!("{name}.pdf"))));
        for words in ["一、", "（一）", "年", "月", "日"] {
            assert!(text.contains(words), "{name}: {words}");
        }
    }
}

#[test]
fn a_character_no_font_has_fails_clearly() {
    let dir = temp();
    let data = dir.path().join("tofu.yaml");
    let text = long_report().replace("强化组织领导\n", "强化组织领导\u{10FFFD}\n");
    std::fs::write(&data, text).unwrap();
    zongjie(["build", data.to_str().unwrap()]).run().expect(1).stderr_has(&[
        "这些字符没有可用的字体",
        "U+10FFFD",
        "apt-get install fonts-noto-cjk",
        "--font-path",
    ]);
    assert!(!dir.path().join("tofu.pdf").exists());
}

#[test]
fn chinese_names_in_english_documents_use_simplified_faces() {
    let dir = temp();
    let data = dir.path().join("names.yaml");
    std::fs::write(&data, "title: Visit of 王立 to 许楼村\norganization: 县农业局\ndate: 2026-11-05\nintro: 王立 met the team of 许楼村 and 老寨乡 (骨 直 写 说 — shapes that differ in Japanese).\n").unwrap();
    zongjie(["build", data.to_str().unwrap(), "-f", "pdf"]).run().expect(0);
    let fonts = pdf_fonts(&dir.path().join("names.pdf"));
    assert!(fonts.iter().any(|f| f.contains("CJK") && f.contains("sc")), "{fonts:?}");
    assert!(fonts.iter().all(|f| !f.contains("CJKjp") && !f.contains("JP")), "{fonts:?}");
}

#[test]
fn the_signature_ends_two_characters_from_the_right_margin() {
    let dir = temp();
    for (name, fields) in [("plain", "intro: 正文。\n"), ("attached", "intro: 正文。\nattachments: [附件一]\n")]
    {
        let pdf = build_zh(dir.path(), name, fields);
        let pages = layout(&pdf);
        let org = pages[0].iter().find(|l| l.text == "县扶贫开发领导小组办公室").expect("the organization's line");
        // The text block ends 26 mm from the right edge of the page.
        let right = (210.0 - 26.0) * MM - 2.0 * CHAR;
        assert!(
            (org.x_max - right).abs() < 1.0,
            "{name}: the organization ends at {:.2} mm, not {:.2} mm",
            org.x_max / MM,
            right / MM
        );
        let date = pages[0].iter().find(|l| l.text == "2026年11月5日").expect("the date's line");
        assert!(
            date.x_min > org.x_min + 2.0 * CHAR - 1.0,
            "{name}: the date starts two characters right of the organization"
        );
    }
}

#[test]
fn the_signature_is_one_blank_line_under_the_attachments() {
    let dir = temp();
    let pdf = build_zh(dir.path(), "attached", "intro: 正文。\nattachments: [附件一, 附件二]\n");
    let pages = layout(&pdf);
    let find = |text: &str| {
        pages[0].iter().find(|l| l.text.contains(text)).unwrap_or_else(|| panic!("{text}: {:?}", pages[0]))
    };
    let gap = find("县扶贫开发领导小组办公室").y_min - find("附件二").y_min;
    assert!(
        (gap - 2.0 * PITCH).abs() < 0.5,
        "the signature is {gap:.2} pt under the last attachment, not two lines ({:.2} pt)",
        2.0 * PITCH
    );
    assert_on_grid(&pdf);
}

#[test]
fn a_table_at_the_top_of_a_page_keeps_the_grid() {
    let dir = temp();
    // 18 one-line paragraphs fill page 1 with the title, so the table
    // starts page 2; a long table runs on over page 3 and 4.
    let lines = "测试正文测试正文测试正文测试正文测试正文测试正文\n\n".repeat(18);
    let rows: String = (1..=40).map(|i| format!("| 第{i}项 | {i} |\n")).collect();
    let body = format!(
        "{lines}| 项目 | 数量 |\n|:---|---:|\n| 甲 | 1 |\n| 乙 | 2 |\n\n表后正文一行。\n\n| 项目 | 数量 |\n|:---|---:|\n{rows}\n表后正文。\n"
    );
    let pdf = build_zh(dir.path(), "tables", &format!("intro: {}\n", yaml_string(&body)));
    let pages = layout(&pdf);
    assert!(pages.len() >= 3, "{} pages", pages.len());
    assert!(pages[1][0].text.starts_with("项目"), "page 2 starts with the table: {:?}", pages[1][0]);
    assert_on_grid(&pdf);
}

#[test]
fn every_line_after_a_block_is_on_the_grid() {
    let dir = temp();
    // No 主送 line and no opening paragraph: a heading comes first.
    let pdf = build_zh(dir.path(), "heading", "progress: [{title: 第一项工作, body: 正文一段。}]\n");
    assert_on_grid(&pdf);
    let body = "正文第一段，正文第一段，正文第一段，正文第一段，正文第一段，正文第一段。\n\n\
        > 这是一段引文，这是一段引文，这是一段引文，这是一段引文，这是一段引文，这是一段引文。\n\n正文。\n\n\
        ```\n代码块第一行 code line 1\n代码块第二行 code line 2\n```\n\n正文。\n\n---\n\n正文。\n\n\
        1) 第一项，使用右括号的有序列表，内容较长需要换行，内容较长需要换行，内容较长需要换行。\n2) 第二项。\n\n\
        - 一项\n  - 二级项\n    - 三级项\n\n正文，包含脚注[^1]。\n\n\
        > 引文第一段。\n>\n> 引文第二段。\n\n#### （1）四级标题\n\n正文。\n\n[^1]: 这是脚注内容。\n";
    let pdf =
        build_zh(dir.path(), "blocks", &format!("progress: [{{title: 第一项工作, body: {}}}]\n", yaml_string(body)));
    let text = squeeze(&pdf_text(&pdf));
    for words in ["这是一段引文", "代码块第二行", "二级项", "引文第二段", "这是脚注内容"] {
        assert!(text.contains(words), "{words}");
    }
    assert_on_grid(&pdf);
}

#[test]
fn a_private_use_character_needs_a_font_of_the_users() {
    let dir = temp();
    let data = dir.path().join("zaozi.yaml");
    std::fs::write(
        &data,
        "lang: zh\ntitle: 关于测试的报告\norganization: 测试单位\ndate: 2026-11-05\ndoc_kind: report\nintro: \"正文中有一个生僻字\\ue000，请检查。\"\n",
    )
    .unwrap();
    // Typst's embedded New Computer Modern has a math symbol at U+E000, and
    // AR PL UKai HK an HKSCS character: neither stands for a 造字 character.
    zongjie(["build", data.to_str().unwrap()]).run().expect(1).stderr_has(&[
        "这些字符没有可用的字体",
        "\u{E000} (U+E000)",
        "apt-get install fonts-noto-cjk",
        "--font-path",
        "私用区字符",
    ]);
    let written: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(written, ["zaozi.yaml"], "nothing is written");
    // A 造字 font in a --font-path folder does count, and sets that character.
    let fonts = root().join("tests/fonts");
    zongjie(["build", data.to_str().unwrap(), "-f", "pdf", "--font-path", fonts.to_str().unwrap()]).run().expect(0);
    let pdf = dir.path().join("zaozi.pdf");
    assert!(pdf_text(&pdf).contains('\u{E000}'));
    let faces = pdf_fonts(&pdf);
    assert!(faces.iter().any(|f| f == "ZongjieTestZaozi-Regular"), "{faces:?}");
    assert!(faces.iter().all(|f| !f.contains("NewCM") && !f.contains("UKaiHK")), "{faces:?}");
}

/// The stroke widths pdftocairo draws on a page, as written in its SVG.
fn stroke_widths(pdf: &Path, page: u32) -> Vec<String> {
    let dir = temp();
    let svg = dir.path().join("page.svg");
    let n = page.to_string();
    let out = Command::new("pdftocairo")
        .args(["-svg", "-f", &n, "-l", &n])
        .arg(pdf)
        .arg(&svg)
        .output()
        .unwrap_or_else(|e| panic!("cannot run pdftocairo ({e}): install poppler-utils"));
    assert!(out.status.success(), "pdftocairo: {}", String::from_utf8_lossy(&out.stderr));
    let text = std::fs::read_to_string(&svg).unwrap();
    text.split("stroke-width:")
        .skip(1)
        .map(|s| s.chars().take_while(|c| c.is_ascii_digit() || *c == '.').collect())
        .collect()
}

#[test]
fn bold_in_kai_text_is_bold() {
    let dir = temp();
    let data = dir.path().join("bulletin.yaml");
    // The editor's note is set in the 楷体 face (AR PL UKai on Debian, which
    // has no bold cut) and starts with a bold 编者按; the body's face (Noto
    // Serif CJK SC) has a bold cut, which must not decide for the note.
    std::fs::write(
        &data,
        "template: monthly-bulletin\nlang: zh\ntitle: 青山县乡村振兴工作简报\norganization: 青山县乡村振兴领导小组办公室\ndate: 2026-11-05\nperiod: 2026-10\nissue: 10\neditor_note: 本期刊发白果镇的经验做法。\nintro: 正文**加粗**正文。\n",
    )
    .unwrap();
    zongjie(["build", data.to_str().unwrap(), "-f", "pdf"]).run().expect(0);
    let pdf = dir.path().join("bulletin.pdf");
    assert!(squeeze(&pdf_text(&pdf)).contains("编者按：本期刊发"));
    let faces = pdf_fonts(&pdf);
    assert!(faces.iter().any(|f| f.contains("UKai")), "the note in AR PL UKai: {faces:?}");
    // 编者按 drawn with a thin stroke (0.03 em of 16 pt) in the 楷体 face;
    // the body's bold (加粗) in its bold face.
    let strokes = stroke_widths(&pdf, 1).iter().filter(|w| w.as_str() == "0.48").count();
    assert!(strokes >= 3, "{strokes} glyphs stroked 0.48 pt wide: 编者按 is not bold");
    assert!(faces.iter().any(|f| f.contains("Serif") && f.contains("Bold")), "{faces:?}");
}

#[test]
fn list_markers_come_from_the_chinese_faces() {
    let dir = temp();
    let body = "正文。\n\n- 第一级列表项\n  - 第二级列表项\n    - 第三级列表项\n      - 第四级列表项\n- 第一级第二项\n  1. 有序子项\n  2. 有序子项\n\n正文。\n";
    let pdf = build_zh(dir.path(), "lists", &format!("intro: {}\n", yaml_string(body)));
    // Simplified Chinese faces (Noto CJK SC, AR PL UKai CN, Source Han
    // SC/CN) and the faces Chinese offices have; nothing else is needed for
    // lists (Typst's own markers • ‣ – would bring in DejaVu Sans Mono).
    const CHINESE: &[&str] = &[
        "CJKsc",
        "UKaiCN",
        "SC-",
        "CN-",
        "FangSong",
        "Fangsong",
        "KaiTi",
        "Kaiti",
        "SimHei",
        "SimSun",
        "STSong",
        "STZhongsong",
        "STHeiti",
        "FZXiaoBiaoSong",
    ];
    let faces = pdf_fonts(&pdf);
    assert!(!faces.is_empty());
    for face in &faces {
        assert!(CHINESE.iter().any(|c| face.contains(c)), "a face that is not a Chinese one: {face} (all: {faces:?})");
    }
    let text = squeeze(&pdf_text(&pdf));
    for marked in ["●第一级列表项", "○第二级列表项", "■第三级列表项", "●第四级列表项", "1.有序子项"]
    {
        assert!(text.contains(marked), "{marked} not in {text}");
    }
}

/// Every run of text in a frame and its groups.
fn text_items<'a>(frame: &'a typst::layout::Frame, out: &mut Vec<&'a typst::text::TextItem>) {
    for (_, item) in frame.items() {
        match item {
            typst::layout::FrameItem::Group(group) => text_items(&group.frame, out),
            typst::layout::FrameItem::Text(text) => out.push(text),
            _ => {}
        }
    }
}

#[test]
fn kai_punctuation_never_runs_into_the_next_character() {
    use std::sync::Arc;
    use zongjie::{FontOptions, Fonts};
    let fonts = Fonts::load(&FontOptions { system: true, ..FontOptions::default() });
    // AR PL UKai centres ，。、：； in the em box; GB faces (KaiTi, STKaiti,
    // Noto CJK SC) set them in its left half.
    assert!(fonts.centres_punctuation("AR PL UKai"));
    for gb in ["Noto Serif CJK SC", "Noto Sans CJK SC"] {
        assert!(!fonts.centres_punctuation(gb), "{gb}");
    }
    let dir = temp();
    let data = dir.path().join("bulletin.yaml");
    let note = "9月份，全县各乡镇围绕巩固拓展脱贫攻坚成果同乡村振兴有效衔接，扎实推进产业帮扶和衔接资金项目建设，多数乡镇进度符合序时要求。本期刊发南河乡、麻河镇、刘家隔镇的经验做法，请各地结合实际学习借鉴；进度滞后的乡镇要认真分析原因，拿出过硬措施，确保完成全年目标任务。";
    std::fs::write(
        &data,
        format!(
            "template: monthly-bulletin\nlang: zh\ntitle: 汉川县乡村振兴工作简报\norganization: 汉川县乡村振兴局\ndate: 2026-10-08\nperiod: 2026-09\nissue: 9\neditor_note: {}\nintro: {}\n",
            yaml_string(note),
            yaml_string(note)
        ),
    )
    .unwrap();
    zongjie(["build", data.to_str().unwrap(), "-f", "typ"]).run().expect(0);
    let typ = std::fs::read_to_string(dir.path().join("bulletin.typ")).unwrap();
    let document = zongjie::testing::layout_typ(Arc::new(fonts), dir.path(), typ).unwrap_or_else(|e| panic!("{e}"));
    let mut items = Vec::new();
    for page in document.pages() {
        text_items(&page.frame, &mut items);
    }
    let (mut kai, mut compressed) = (0, 0);
    for item in &items {
        let family = item.font.font().info().family.clone();
        for bad in [" TW", " HK", " JP", " KR", " TC"] {
            assert!(!family.contains(bad), "a regional face is used: {family}");
        }
        let region = item.region.as_ref().map(|r| r.as_str().to_owned());
        let ukai = family == "AR PL UKai";
        if ukai {
            kai += 1;
            // Taiwan's style: centred punctuation is compressed on both sides.
            assert_eq!(region.as_deref(), Some("TW"), "{}", item.text);
        } else {
            assert_ne!(region.as_deref(), Some("TW"), "{family}: {}", item.text);
        }
        for glyph in &item.glyphs {
            let c = item.text[glyph.range()].chars().next().unwrap_or(' ');
            if !ukai || !"，。、：；".contains(c) {
                continue;
            }
            // The ink (0.37–0.63 em of the glyph) stays within the advance.
            let (offset, advance) = (glyph.x_offset.get(), glyph.x_advance.get());
            assert!(
                offset + 0.37 >= -0.01 && offset + 0.63 <= advance + 0.01,
                "{c} drawn at {offset:+.2} em in an advance of {advance:.2} em runs into its neighbour: {}",
                item.text
            );
            if advance < 0.9 {
                compressed += 1;
            }
        }
    }
    assert!(kai > 0, "the editor's note is in AR PL UKai");
    assert!(compressed > 0, "no compressed punctuation in the note: the test shows nothing");
}
