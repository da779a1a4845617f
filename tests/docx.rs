//! The Word output: the package's XML (schema order, fonts, styles,
//! escaping, reproducible bytes), and a round trip through LibreOffice on a
//! long Chinese report (A4, the 22-line grid, margins, odd and even page
//! numbers, every paragraph in order).

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{pdf_text_joined, pdf_words, squeeze, temp, write_file, yaml_string, zongjie};

/// The parts of a `.docx`, by name.
fn parts(docx: &Path) -> BTreeMap<String, String> {
    let file = fs::File::open(docx).unwrap_or_else(|e| panic!("{}: {e}", docx.display()));
    let mut zip = zip::ZipArchive::new(file).expect("a zip archive");
    let mut out = BTreeMap::new();
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).unwrap();
        let name = entry.name().expect("an entry name").to_string();
        out.insert(name, String::from_utf8_lossy(&bytes).into_owned());
    }
    out
}

fn build_docx(data: &Path, out: &Path) -> PathBuf {
    zongjie(["build", data.to_str().unwrap(), "-f", "docx", "-o", out.to_str().unwrap()]).run().expect(0);
    out.join(format!("{}.docx", data.file_stem().unwrap().to_string_lossy()))
}

fn example(name: &str) -> PathBuf {
    common::root().join("examples").join(name)
}

/// The names of an element's children, in order, for every `<tag>…</tag>`
/// of `xml` (its direct children only).
fn children_of(xml: &str, tag: &str) -> Vec<Vec<String>> {
    let open = format!("<{tag}>");
    let close = format!("</{tag}>");
    let mut out = Vec::new();
    let mut rest = xml;
    while let Some(at) = rest.find(&open) {
        let inner_start = at + open.len();
        let Some(end) = rest[inner_start..].find(&close) else { break };
        let inner = &rest[inner_start..inner_start + end];
        let mut names = Vec::new();
        let mut depth = 0usize;
        let mut i = 0;
        while let Some(lt) = inner[i..].find('<') {
            let s = i + lt;
            let gt = s + inner[s..].find('>').expect("a closed tag");
            let tagtext = &inner[s + 1..gt];
            if let Some(_name) = tagtext.strip_prefix('/') {
                depth = depth.saturating_sub(1);
            } else {
                let name = tagtext.split([' ', '/']).next().unwrap_or("").to_owned();
                if depth == 0 {
                    names.push(name);
                }
                if !tagtext.ends_with('/') {
                    depth += 1;
                }
            }
            i = gt + 1;
        }
        out.push(names);
        rest = &rest[inner_start + end + close.len()..];
    }
    out
}

/// ECMA-376 Part 1 sequences (CT_SectPr, CT_PPr, CT_RPr, CT_TblPr): the
/// order Word's repair prompt holds files to.
const SECT_PR: &[&str] = &[
    "w:headerReference|w:footerReference",
    "w:endnotePr",
    "w:footnotePr",
    "w:type",
    "w:pgSz",
    "w:pgMar",
    "w:paperSrc",
    "w:pgBorders",
    "w:lnNumType",
    "w:pgNumType",
    "w:cols",
    "w:formProt",
    "w:vAlign",
    "w:noEndnote",
    "w:titlePg",
    "w:textDirection",
    "w:bidi",
    "w:rtlGutter",
    "w:docGrid",
];
const P_PR: &[&str] = &[
    "w:pStyle",
    "w:keepNext",
    "w:keepLines",
    "w:pageBreakBefore",
    "w:framePr",
    "w:widowControl",
    "w:numPr",
    "w:suppressLineNumbers",
    "w:pBdr",
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
];
const R_PR: &[&str] = &[
    "w:rStyle",
    "w:rFonts",
    "w:b",
    "w:bCs",
    "w:i",
    "w:iCs",
    "w:caps",
    "w:smallCaps",
    "w:strike",
    "w:dstrike",
    "w:outline",
    "w:shadow",
    "w:emboss",
    "w:imprint",
    "w:noProof",
    "w:snapToGrid",
    "w:vanish",
    "w:webHidden",
    "w:color",
    "w:spacing",
    "w:w",
    "w:kern",
    "w:position",
    "w:sz",
    "w:szCs",
    "w:highlight",
    "w:u",
    "w:effect",
    "w:bdr",
    "w:shd",
    "w:fitText",
    "w:vertAlign",
    "w:rtl",
    "w:cs",
    "w:em",
    "w:lang",
    "w:eastAsianLayout",
    "w:specVanish",
    "w:oMath",
];
const TBL_PR: &[&str] = &[
    "w:tblStyle",
    "w:tblpPr",
    "w:tblOverlap",
    "w:bidiVisual",
    "w:tblStyleRowBandSize",
    "w:tblStyleColBandSize",
    "w:tblW",
    "w:jc",
    "w:tblCellSpacing",
    "w:tblInd",
    "w:tblBorders",
    "w:shd",
    "w:tblLayout",
    "w:tblCellMar",
    "w:tblLook",
];

fn check_order(part: &str, xml: &str, tag: &str, order: &[&str]) -> Vec<String> {
    let rank = |name: &str| order.iter().position(|o| o.split('|').any(|x| x == name));
    let mut problems = Vec::new();
    for names in children_of(xml, tag) {
        let mut last = 0;
        for name in &names {
            match rank(name) {
                None => problems.push(format!("{part}: <{name}> is no child of <{tag}> ({names:?})")),
                Some(r) if r < last => problems.push(format!("{part}: <{name}> out of order in <{tag}> ({names:?})")),
                Some(r) => last = r,
            }
        }
    }
    problems
}

#[test]
fn elements_follow_the_schema_order() {
    let dir = temp();
    let mut problems = Vec::new();
    let mut inputs = vec![
        example("tuanfeng-progress.zh.yaml"),
        example("tuanfeng-progress.en.yaml"),
        example("xulou-village-stay.zh.yaml"),
    ];
    inputs.push(common::root().join("data/bulletin-zh/bulletin.yaml"));
    for input in inputs {
        let out = dir.path().join(input.file_stem().unwrap());
        let docx = build_docx(&input, &out);
        for (name, xml) in parts(&docx) {
            if !name.ends_with(".xml") {
                continue;
            }
            problems.extend(check_order(&name, &xml, "w:sectPr", SECT_PR));
            problems.extend(check_order(&name, &xml, "w:pPr", P_PR));
            problems.extend(check_order(&name, &xml, "w:rPr", R_PR));
            problems.extend(check_order(&name, &xml, "w:tblPr", TBL_PR));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // The check finds disorder: shown on a part written for it.
    let bad = "<w:sectPr><w:pgSz/><w:footerReference/></w:sectPr>";
    assert_eq!(check_order("x", bad, "w:sectPr", SECT_PR).len(), 1);
}

#[test]
fn chinese_styles_fonts_and_page() {
    let dir = temp();
    let docx = build_docx(&example("tuanfeng-progress.zh.yaml"), dir.path());
    let parts = parts(&docx);
    let styles = &parts["word/styles.xml"];
    assert!(!styles.contains("Theme"), "no theme font attributes: {styles}");
    assert!(!parts.keys().any(|k| k.contains("theme")), "no theme part");
    assert!(styles.contains("w:eastAsia=\"zh-CN\""), "East Asian text is zh-CN");
    for (id, face, level) in [("Heading1", "黑体", 0), ("Heading2", "楷体_GB2312", 1), ("Heading3", "仿宋_GB2312", 2)]
    {
        let at = styles.find(&format!("w:styleId=\"{id}\"")).unwrap_or_else(|| panic!("style {id}"));
        let style = &styles[at..at + styles[at..].find("</w:style>").unwrap()];
        assert!(style.contains(&format!("w:eastAsia=\"{face}\"")), "{id}: {style}");
        assert!(style.contains(&format!("<w:outlineLvl w:val=\"{level}\"/>")), "{id}: {style}");
    }
    // Every rFonts of the styles names all four slots, or only the East
    // Asian face over the defaults'.
    for rfonts in styles.split("<w:rFonts").skip(1) {
        let tag = &rfonts[..rfonts.find("/>").unwrap()];
        let all = ["w:ascii=", "w:hAnsi=", "w:eastAsia=", "w:cs="].iter().all(|s| tag.contains(s));
        let mono = tag.contains("Courier New");
        assert!(all || mono, "rFonts {tag}");
    }
    assert!(styles.contains("<w:sz w:val=\"32\"/>") && styles.contains("w:line=\"579\" w:lineRule=\"exact\""));
    assert!(styles.contains("w:firstLineChars=\"200\""));
    // Code on the grid at 13 pt, as the PDF's 0.8 of 三号.
    let at = styles.find("w:styleId=\"ZjCode\"").expect("the Code style");
    let code = &styles[at..at + styles[at..].find("</w:style>").unwrap()];
    assert!(code.contains("<w:sz w:val=\"26\"/>") && !code.contains("w:lineRule"), "{code}");
    let doc = &parts["word/document.xml"];
    assert!(doc.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"));
    assert!(doc.contains("w:top=\"2098\" w:right=\"1465\" w:bottom=\"1984\" w:left=\"1587\""));
    assert!(doc.contains("w:type=\"even\"") && parts["word/settings.xml"].contains("<w:evenAndOddHeaders/>"));
    assert!(doc.contains("<w:pStyle w:val=\"Heading1\"/>") && doc.contains("一、"));
    assert!(parts["word/footer1.xml"].contains("<w:jc w:val=\"right\"/>"));
    assert!(parts["word/footer2.xml"].contains("<w:jc w:val=\"left\"/>"));
    assert!(parts["word/footer1.xml"].contains("PAGE") && parts["word/footer1.xml"].contains("— "));
}

#[test]
fn hostile_text_reaches_the_document_as_text_and_bytes_are_reproducible() {
    let dir = temp();
    let body = "Text <w:p> & ]]> <![CDATA[x]]> \"quoted\" 'single'[^1] [link](https://example.org/?a=1&b=2) [bad](javascript:alert(1))\n\n[^1]: A note & <b>bold</b>.\n";
    let data = write_file(
        dir.path(),
        "hostile.yaml",
        &format!(
            "title: {}\norganization: {}\ndate: 2026-11-05\nintro: {}\n",
            yaml_string("A <w:r> & ]]> title"),
            yaml_string("Office & <Co>"),
            yaml_string(body)
        ),
    );
    let docx = build_docx(&data, &dir.path().join("a"));
    let parts = parts(&docx);
    let doc = &parts["word/document.xml"];
    assert!(doc.contains("A &lt;w:r&gt; &amp; ]]&gt; title"), "{doc}");
    assert!(doc.contains("Office &amp; &lt;Co&gt;"));
    assert!(doc.contains("&lt;w:p&gt; &amp; ]]&gt;"));
    assert!(parts["word/footnotes.xml"].contains("A note &amp; "));
    let rels = &parts["word/_rels/document.xml.rels"];
    assert!(rels.contains("https://example.org/?a=1&amp;b=2") && !rels.contains("javascript"));
    for (name, xml) in &parts {
        if name.ends_with(".xml") || name.ends_with(".rels") {
            well_formed(xml).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }
    // The same input gives the same bytes.
    let again = build_docx(&data, &dir.path().join("b"));
    assert_eq!(fs::read(&docx).unwrap(), fs::read(&again).unwrap());
}

/// Tags balance, attributes are quoted, `&` starts an entity, `<` a tag.
fn well_formed(xml: &str) -> Result<(), String> {
    let mut stack: Vec<&str> = Vec::new();
    let mut i = 0;
    let bytes = xml.as_bytes();
    while i < xml.len() {
        match bytes[i] {
            b'<' => {
                let end = i + xml[i..].find('>').ok_or("an unclosed tag")?;
                let tag = &xml[i + 1..end];
                if tag.starts_with('?') {
                } else if let Some(name) = tag.strip_prefix('/') {
                    if stack.pop() != Some(name) {
                        return Err(format!("</{name}> closes nothing open"));
                    }
                } else {
                    let name = tag.split([' ', '/']).next().unwrap_or("");
                    if tag.matches('"').count() % 2 != 0 || tag.contains('<') {
                        return Err(format!("bad tag <{tag}>"));
                    }
                    if !tag.ends_with('/') {
                        stack.push(name);
                    }
                }
                i = end + 1;
            }
            b'&' => {
                let end = xml[i..].find(';').ok_or("an unclosed entity")?;
                let entity = &xml[i + 1..i + end];
                if !matches!(entity, "amp" | "lt" | "gt" | "quot" | "apos") && !entity.starts_with('#') {
                    return Err(format!("unknown entity &{entity};"));
                }
                i += end + 1;
            }
            b'>' => return Err("a stray >".into()),
            _ => i += 1,
        }
    }
    if stack.is_empty() { Ok(()) } else { Err(format!("unclosed: {stack:?}")) }
}

/// Converts `.docx` files to PDF in `out` with LibreOffice, in one run
/// with its own profile (so runs can overlap); fails naming a file it did
/// not convert.
fn libreoffice_pdfs(files: &[PathBuf], out: &Path) -> Vec<PathBuf> {
    let profile = out.join("lo-profile");
    let done = Command::new("soffice")
        .arg(format!("-env:UserInstallation=file://{}", profile.display()))
        // Blank pages kept, as printed: the one before a 版记 that starts an
        // even page (LibreOffice's export skips such pages by default).
        .args([
            "--headless",
            "--convert-to",
            r#"pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}"#,
            "--outdir",
        ])
        .arg(out)
        .args(files)
        .output()
        .unwrap_or_else(|e| {
            panic!("cannot run `soffice` ({e}): install LibreOffice (apt-get install libreoffice-writer-nogui)")
        });
    files
        .iter()
        .map(|docx| {
            let pdf = out.join(format!("{}.pdf", docx.file_stem().unwrap().to_string_lossy()));
            assert!(
                pdf.is_file(),
                "LibreOffice did not open {}: {}",
                docx.display(),
                String::from_utf8_lossy(&done.stderr)
            );
            pdf
        })
        .collect()
}

#[test]
fn libreoffice_lays_a_long_chinese_report_on_the_grid() {
    let dir = temp();
    let data = example("tuanfeng-progress.zh.yaml");
    zongjie(["build", data.to_str().unwrap(), "-f", "md,docx", "-o", dir.path().to_str().unwrap()]).run().expect(0);
    let pdf = libreoffice_pdfs(&[dir.path().join("tuanfeng-progress.zh.docx")], dir.path()).remove(0);
    let pages = pdf_words(&pdf);
    assert!(pages.len() >= 4, "a long report: {} pages", pages.len());
    let mm = 72.0 / 25.4;
    let mut full_pages = 0;
    // The example is a formal document: its letterhead starts page 1 at the
    // 发文机关标志 (35 mm down), and its 版记 stands at the foot of the last
    // page, after a blank one when needed.
    let last = pages.len() - 1;
    for (n, page) in pages.iter().enumerate() {
        assert!((page.width - 210.0 * mm).abs() < 1.0 && (page.height - 297.0 * mm).abs() < 1.0, "A4");
        let attachment = page.words.first().is_some_and(|w| w.text.starts_with("附件") && w.x_min < 30.0 * mm);
        if page.words.is_empty() || n == last || attachment {
            continue;
        }
        // Lines: distinct baselines of the text block (the page number is
        // below it).
        let block_bottom = page.height - 35.0 * mm + 2.0;
        let mut lines: Vec<f64> = Vec::new();
        // Text in the body's size (a chart's labels are smaller).
        for w in page.words.iter().filter(|w| w.y_max < block_bottom && w.y_max - w.y_min > 15.0) {
            if !lines.iter().any(|y| (y - w.y_max).abs() < 3.0) {
                lines.push(w.y_max);
            }
        }
        assert!(lines.len() <= 22, "page {}: {} lines", n + 1, lines.len());
        if lines.len() == 22 {
            full_pages += 1;
        }
        let left = page.words.iter().map(|w| w.x_min).fold(f64::MAX, f64::min);
        // (A page holding only rows of a table starts at the cells' inset,
        // 1.5 mm in.)
        let inset = left / mm - 28.0;
        assert!(inset > -1.5 && inset < 2.0, "page {}: text block left edge at {:.1} mm", n + 1, left / mm);
        let top = page.words.iter().map(|w| w.y_min).fold(f64::MAX, f64::min);
        let first_line = if n == 0 { 72.0 } else { 37.0 };
        assert!(
            top >= first_line * mm - 3.0 && top < first_line * mm + 12.0,
            "page {}: first line at {:.1} mm",
            n + 1,
            top / mm
        );
    }
    assert!(full_pages >= 2, "{full_pages} pages with 22 lines");
    assert!(pages.len().is_multiple_of(2), "the 版记 on an even page: {} pages", pages.len());
    // 28 characters on a full line (27 where LibreOffice will not break),
    // a 29th only where punctuation is compressed.
    let text = common::pdf_text(&pdf);
    let wide = |c: &char| matches!(*c as u32, 0x3000..=0x9fff | 0xff00..=0xffef | 0x201c | 0x201d);
    let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
    for line in text.lines() {
        *counts.entry(line.chars().filter(wide).count()).or_default() += 1;
    }
    let full = counts.iter().filter(|(n, _)| **n >= 25).max_by_key(|(_, lines)| **lines).map(|(n, _)| *n);
    assert!(matches!(full, Some(27 | 28)), "characters on a full line: {counts:?}");
    assert!(counts.keys().all(|n| *n <= 29), "{counts:?}");
    // Page numbers: "— 2 —" on the left of page 2, "— 3 —" on the right of page 3.
    for (n, left) in [(2usize, true), (3, false)] {
        let page = &pages[n - 1];
        let number =
            page.words.iter().filter(|w| w.text.contains(&n.to_string())).max_by(|a, b| a.y_min.total_cmp(&b.y_min));
        let number = number.unwrap_or_else(|| panic!("no page number on page {n}"));
        assert!(number.y_min > page.height - 35.0 * mm, "page {n}: the number is below the text block");
        assert_eq!(number.x_min < page.width / 2.0, left, "page {n}: number at x = {:.1} mm", number.x_min / mm);
    }
    // Every paragraph of the body, in order.
    let md = fs::read_to_string(dir.path().join("tuanfeng-progress.zh.md")).unwrap();
    let body = md.splitn(3, "---\n").nth(2).unwrap();
    let laid_out = pdf_text_joined(&pdf);
    let mut at = 0;
    let mut in_fence = false;
    for para in body.split("\n\n") {
        if para.trim_start().starts_with("```") {
            in_fence = !para.trim_end().ends_with("```") || para.trim().len() <= 3;
            continue;
        }
        if in_fence {
            in_fence = !para.contains("```");
            continue;
        }
        let plain: String = squeeze(&para.replace(['#', '*', '\\', '>'], ""));
        if plain.is_empty() {
            continue;
        }
        let found = laid_out[at..].find(&plain).unwrap_or_else(|| panic!("paragraph missing or out of order: {plain}"));
        at += found + plain.len();
    }
}

/// python-docx (Debian's python3-docx) reads every Word file of the
/// examples, the bulletins and the starters; their headings use the
/// Heading 1–4 styles, at outline levels 0–3.
#[test]
fn python_docx_reads_every_file() {
    let dir = temp();
    let mut inputs: Vec<PathBuf> = fs::read_dir(common::root().join("examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    inputs.push(common::root().join("data/bulletin-zh/bulletin.yaml"));
    inputs.push(common::root().join("data/bulletin-en/bulletin.yaml"));
    for template in ["progress-report", "village-stay-report", "monthly-bulletin"] {
        for lang in ["en", "zh"] {
            let folder = dir.path().join(format!("new-{template}-{lang}"));
            fs::create_dir_all(&folder).unwrap();
            let file = folder.join(format!("{template}-{lang}.yaml"));
            zongjie(["new", template, file.to_str().unwrap(), "--lang", lang]).run().expect(0);
            inputs.push(file);
        }
    }
    let mut files = Vec::new();
    for (i, input) in inputs.iter().enumerate() {
        let out = dir.path().join(format!("out{i}"));
        files.push(build_docx(input, &out));
    }
    let script = r#"
import sys, docx
from docx.oxml.ns import qn
for path in sys.argv[1:]:
    d = docx.Document(path)
    levels = {}
    for s in d.styles:
        if s.name and s.name.startswith("Heading"):
            el = s.element.find(qn("w:pPr"))
            lvl = el.find(qn("w:outlineLvl")) if el is not None else None
            levels[s.name] = lvl.get(qn("w:val")) if lvl is not None else None
    used = sorted({p.style.name for p in d.paragraphs if p.style.name.startswith("Heading")})
    print(path, len(d.paragraphs), ",".join(used), ",".join(f"{k}={v}" for k, v in sorted(levels.items())), sep="\t")
"#;
    let out = Command::new("/usr/bin/python3").arg("-c").arg(script).args(&files).output().unwrap_or_else(|e| {
        panic!("cannot run /usr/bin/python3 ({e}): install python3-docx (apt-get install python3-docx)")
    });
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "python-docx failed: {}{stdout}", String::from_utf8_lossy(&out.stderr));
    // LibreOffice opens every one of them too (one run for all).
    let pdfs = dir.path().join("pdfs");
    fs::create_dir_all(&pdfs).unwrap();
    for pdf in libreoffice_pdfs(&files, &pdfs) {
        assert!(pdf_text_joined(&pdf).chars().count() > 100, "{} is nearly empty", pdf.display());
    }
    assert_eq!(stdout.lines().count(), files.len(), "{stdout}");
    for line in stdout.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        let paragraphs: usize = fields[1].parse().unwrap();
        assert!(paragraphs > 5, "{line}");
        assert!(fields[2].contains("Heading 1"), "a Heading 1 in {line}");
        assert!(line.ends_with("Heading 1=0,Heading 2=1,Heading 3=2,Heading 4=3"), "{line}");
    }
}

/// `--reference-docx` takes an office's styles as they are: a style is
/// matched by name (Chinese Word gives Heading 1 the id `1`), theirs kept
/// with their theme fonts, the styles they lack added; `templates --export`
/// writes zongjie's own reference to start from; a file that is no Word
/// document is a usage error naming it.
#[test]
fn an_offices_reference_docx_gives_its_styles() {
    let dir = temp();
    let export = dir.path().join("export");
    zongjie(["templates", "--export", export.to_str().unwrap()]).run().expect(0);
    let ours = export.join("reference.zh.docx");
    let mut reference = parts(&ours);
    assert!(reference["word/styles.xml"].contains("w:styleId=\"Heading1\""));
    // As Chinese Word saves it: Heading 1 under the id "1", theme fonts in Normal.
    let styles = reference["word/styles.xml"]
        .replace("w:styleId=\"Heading1\"", "w:styleId=\"1\"")
        .replace(
            "<w:name w:val=\"Normal\"/>",
            "<w:name w:val=\"Normal\"/><w:rPr><w:rFonts w:eastAsiaTheme=\"minorEastAsia\"/></w:rPr>",
        )
        .replace(
            "<w:style w:type=\"paragraph\" w:styleId=\"ZjCode\">",
            "<w:style w:type=\"paragraph\" w:styleId=\"OfficeCode\">",
        );
    reference.insert("word/styles.xml".into(), styles);
    let office = dir.path().join("office.docx");
    let mut zip = zip::ZipWriter::new(fs::File::create(&office).unwrap());
    for (name, text) in &reference {
        zip.start_file(name.as_str(), zip::write::SimpleFileOptions::default()).unwrap();
        std::io::Write::write_all(&mut zip, text.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
    let data = example("tuanfeng-progress.zh.yaml");
    let out = dir.path().join("out");
    let built = parts(&build_with(&data, &out, &office));
    let doc = &built["word/document.xml"];
    assert!(
        doc.contains("<w:pStyle w:val=\"1\"/>") && !doc.contains("w:val=\"Heading1\""),
        "headings in the office's style"
    );
    let styles = &built["word/styles.xml"];
    assert!(styles.contains("w:eastAsiaTheme=\"minorEastAsia\""), "their styles as they are");
    assert_eq!(styles.matches("w:styleId=\"ZjCaption\"").count(), 1, "a style they lack is added");
    assert!(!styles.contains("w:styleId=\"ZjCode\"") && !doc.contains("w:val=\"ZjCode\""), "Code is theirs, by name");
    // Not a Word file.
    let bad = write_file(dir.path(), "notes.docx", "plain text");
    run_with(&data, &out, &bad).expect(2).stderr_has(&["notes.docx", "not a Word file"]);
    // Exporting again into the same folder writes nothing.
    zongjie(["templates", "--export", export.to_str().unwrap()]).run().expect(1);
}

/// `--draft` puts the DRAFT / 草稿 watermark in a header of every page.
#[test]
fn drafts_carry_the_watermark() {
    let dir = temp();
    let data = example("town-summary.zh.yaml");
    zongjie(["build", data.to_str().unwrap(), "-f", "docx", "--draft", "-o", dir.path().to_str().unwrap()])
        .run()
        .expect(0);
    let parts = parts(&dir.path().join("town-summary.zh.docx"));
    assert!(parts["word/header1.xml"].contains("string=\"草稿\""));
    let doc = &parts["word/document.xml"];
    let sect = &doc[doc.find("<w:sectPr>").unwrap()..];
    assert!(sect.find("w:headerReference").unwrap() < sect.find("w:footerReference").unwrap());
    assert!(check_order("document", doc, "w:sectPr", SECT_PR).is_empty());
}

/// A send-ready document in Word, laid out by LibreOffice: the red 发文机关标志
/// about 35 mm under the top of the text block and centred, the 发文字号 with
/// 签发人 on its line and the red rule under it, the sealed signature (the
/// date 4 characters from the right, the organization centred on it), the
/// attachment pages ("附件2" at the top left of a page of its own, the
/// metrics table there), and the 版记 on the last page, an even one, with no
/// page number.
#[test]
fn an_official_document_in_word() {
    let dir = temp();
    let mm = 72.0 / 25.4;
    let data = write_file(
        dir.path(),
        "official.yaml",
        "lang: zh\ntitle: 关于石门镇农村人居环境整治工作情况的报告\norganization: 石门镇人民政府\nrecipient: 县委、县政府\ndate: 2026-10-09\nperiod: 2026-09\nissuer_mark: 石门镇人民政府文件\ndoc_number: 石政报〔2026〕15号\nsigner: 王立新\nsealed: true\ncopy_to: [县委办公室, 县政府办公室]\nprinted_by: 石门镇党政办公室\nprinted_on: 2026-10-09\nintro: 今年以来，我镇扎实推进农村人居环境整治工作。\nmetrics:\n  - {id: toilets, label: 改造农村户厕, unit: 户, target: 1200, actual: 960, previous: 700}\nprogress:\n  - title: 推进户厕改造\n    body: 全镇推进户厕改造。\n    metrics: [toilets]\nattachments:\n  - 石门镇整治工作名单\n  - title: 石门镇整治主要指标完成情况表\n    table: metrics\n",
    );
    let docx = build_docx(&data, dir.path());
    let xml = parts(&docx);
    let document = &xml["word/document.xml"];
    assert!(document.contains("<w:color w:val=\"E60012\"/>"), "the mark is red");
    assert!(document.contains("w:color=\"E60012\""), "the rule is red");
    assert!(document.contains("<w:type w:val=\"evenPage\"/>"), "the 版记 starts an even page");
    assert!(!xml["word/footer3.xml"].contains("PAGE"), "the 版记's footer has no page number");
    let pdf = libreoffice_pdfs(&[docx], dir.path()).remove(0);
    let pages = pdf_words(&pdf);
    assert!(pages.len().is_multiple_of(2), "{} pages: the 版记 is on an even page", pages.len());
    let first = &pages[0].words;
    let word = |page: &[common::Word], text: &str| {
        page.iter()
            .find(|w| w.text.contains(text))
            .cloned()
            .unwrap_or_else(|| panic!("no {text:?}: {:?}", page.iter().map(|w| w.text.as_str()).collect::<Vec<_>>()))
    };
    let mark = word(first, "石门镇人民政府文件");
    let below = mark.y_min / mm - 37.0;
    assert!((below - 35.0).abs() < 3.0, "the mark's top is {below:.1} mm under the text block's top");
    let centre = (mark.x_min + mark.x_max) / 2.0 / mm;
    assert!((centre - 106.0).abs() < 2.0, "the mark is centred: {centre:.1} mm");
    let number = word(first, "石政报");
    let signer = word(first, "王立新");
    assert!((number.y_min - signer.y_min).abs() < 2.0, "签发人 on the number's line");
    assert!(number.x_min / mm < 34.0 && signer.x_max / mm > 175.0, "the number left, 签发人 right");
    let gap = number.y_min - mark.y_max;
    let two_blank_lines = 2.0 * 225.0 * mm / 22.0 + (225.0 * mm / 22.0 - 16.0);
    assert!((gap - two_blank_lines).abs() < 6.0, "the number is {gap:.1} pt under the mark, not two blank lines");
    // The sealed signature: the date 4 characters from the right, the
    // organization centred on it.
    let lines = common::pdf_lines(&pdf);
    let all: Vec<&common::Line> = lines.iter().flatten().collect();
    let date = all.iter().find(|l| l.text == "2026年10月9日").expect("the date");
    let org = all.iter().find(|l| l.text == "石门镇人民政府").expect("the signature");
    let from_right = 184.0 * mm - date.x_max;
    assert!((from_right - 4.0 * 15.75).abs() < 4.0, "the date ends {from_right:.1} pt from the right");
    let (org_mid, date_mid) = ((org.x_min + org.x_max) / 2.0, (date.x_min + date.x_max) / 2.0);
    assert!((org_mid - date_mid).abs() < 16.0, "the organization centred on the date: {org_mid:.1} vs {date_mid:.1}");
    assert!(date.y_min > org.y_min, "the date under the organization");
    // The attachment page and its table.
    let page =
        lines.iter().find(|p| p.first().is_some_and(|l| l.text.replace(' ', "") == "附件2")).expect("a page for 附件2");
    let head = &page[0];
    assert!((head.x_min / mm - 28.0).abs() < 1.5 && (head.y_min / mm - 37.0).abs() < 3.0, "附件2 at the top left");
    for cell in ["指标", "较上月", "960", "1200", "80%"] {
        assert!(page.iter().any(|l| l.text.contains(cell)), "the table lacks {cell}");
    }
    // The 版记 at the foot of the last page, with no page number.
    let last = &pages[pages.len() - 1].words;
    let printed = word(last, "印发");
    assert!(
        printed.y_max / mm > 297.0 - 35.0 - 12.0 && printed.y_max / mm < 297.0 - 35.0 + 1.0,
        "印发 on the last line"
    );
    word(last, "抄送");
    assert!(!last.iter().any(|w| w.y_min / mm > 297.0 - 35.0 + 2.0), "no page number under the 版记");
}

/// Word's joint and personal signatures, laid out by LibreOffice: a joint
/// document's issuers stacked flush, the date two characters right of them
/// (unsealed); a person's post two characters left of the name, the name
/// and the date four characters from the right.
#[test]
fn joint_and_personal_signatures_in_word() {
    let dir = temp();
    let mm = 72.0 / 25.4;
    let head = "lang: zh\ntitle: 关于石门镇工作情况的报告\ndate: 2026-10-09\nintro: 正文。\n";
    let joint =
        write_file(dir.path(), "joint.yaml", &format!("{head}organization: [中共石门镇委员会, 石门镇人民政府]\n"));
    let person = write_file(
        dir.path(),
        "person.yaml",
        &format!("{head}organization: 石门镇许楼村驻村工作队\nsigner: 王立\nsigner_post: 驻村第一书记\n"),
    );
    let files = vec![build_docx(&joint, dir.path()), build_docx(&person, dir.path())];
    let pdfs = libreoffice_pdfs(&files, dir.path());
    let right = 184.0 * mm;
    let line =
        |lines: &[common::Line], text: &str| {
            lines.iter().find(|l| l.text.replace(' ', "").contains(text)).cloned().unwrap_or_else(|| {
                panic!("no {text:?}: {:?}", lines.iter().map(|l| l.text.as_str()).collect::<Vec<_>>())
            })
        };
    let lines = common::pdf_lines(&pdfs[0]).remove(0);
    let (first, second) = (line(&lines, "中共石门镇委员会"), line(&lines, "石门镇人民政府"));
    let date = line(&lines, "2026年10月9日");
    assert!(second.y_min > first.y_min && date.y_min > second.y_min, "stacked, the date under them");
    assert!((first.x_min - second.x_min).abs() < 2.0, "the issuers flush: {:.1} vs {:.1}", first.x_min, second.x_min);
    assert!(
        (date.x_min - first.x_min - 2.0 * 15.75).abs() < 4.0,
        "the date two characters right of them: {date:?} {first:?}"
    );
    assert!(
        (right - first.x_max.max(date.x_max) - 2.0 * 15.75).abs() < 4.0,
        "the widest two characters from the right"
    );
    let lines = common::pdf_lines(&pdfs[1]).remove(0);
    let words = &pdf_words(&pdfs[1])[0].words;
    let signed = words.iter().find(|w| w.text == "王立").expect("the name");
    let post = words.iter().find(|w| w.text == "驻村第一书记").expect("the post");
    let date = line(&lines, "2026年10月9日");
    assert!((signed.y_min - post.y_min).abs() < 1.0, "the post on the name's line");
    assert!((signed.x_min - post.x_max - 2.0 * 15.75).abs() < 4.0, "the post two characters left of the name");
    assert!((right - signed.x_max - 4.0 * 15.75).abs() < 4.0, "the name four characters from the right");
    assert!((right - date.x_max - 4.0 * 15.75).abs() < 4.0, "the date four characters from the right");
}

/// An SVG picture in Word as Word 2016 and later embed one: its PNG in the
/// blip, the SVG in the blip's extension, both parts in word/media with
/// their content types; LibreOffice draws it where it stands, and a
/// document with an SVG has the same bytes twice with `SOURCE_DATE_EPOCH`.
#[test]
fn an_svg_picture_is_embedded_with_its_png() {
    let dir = temp();
    let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="288" height="144" viewBox="0 0 288 144"><rect width="288" height="144" fill="#1f4e9e"/><text x="20" y="80" font-size="40" fill="#ffffff">SVG 图</text></svg>"##;
    write_file(dir.path(), "drawing.svg", svg);
    let md = "---\ntemplate: progress-report\nlang: zh\ntitle: 关于图的报告\norganization: 某镇人民政府\ndate: 2026-12-10\n---\n\n正文在图前。\n\n![示意图](drawing.svg)\n\n正文在图后。\n";
    let input = write_file(dir.path(), "r.md", md);
    let out = dir.path().join("out");
    let build = |out: &Path| {
        zongjie(["build", input.to_str().unwrap(), "-f", "docx", "-o", out.to_str().unwrap()])
            .env("SOURCE_DATE_EPOCH", "1700000000")
            .run()
            .expect(0);
        out.join("r.docx")
    };
    let docx = build(&out);
    let parts = parts(&docx);
    assert_eq!(parts["word/media/image2.svg"], svg, "the SVG as it is");
    let png = part_bytes(&docx, "word/media/image1.png");
    assert!(png.starts_with(b"\x89PNG"));
    // 288 × 144 units at 96 an inch (as Typst sets an SVG): 3 × 1.5
    // inches, 576 × 288 pixels at 192 dpi.
    let be32 = |at: usize| u32::from_be_bytes([png[at], png[at + 1], png[at + 2], png[at + 3]]);
    assert_eq!((be32(16), be32(20)), (576, 288));
    let types = &parts["[Content_Types].xml"];
    assert!(types.contains(r#"<Default Extension="svg" ContentType="image/svg+xml"/>"#));
    assert!(types.contains(r#"<Default Extension="png" ContentType="image/png"/>"#));
    let rels = &parts["word/_rels/document.xml.rels"];
    for (id, target) in [("rIdI1", "media/image1.png"), ("rIdI2", "media/image2.svg")] {
        assert!(
            rels.contains(&format!("<Relationship Id=\"{id}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"{target}\"/>")),
            "{rels}"
        );
    }
    let doc = &parts["word/document.xml"];
    assert!(
        doc.contains(r#"<a:blip r:embed="rIdI1"><a:extLst><a:ext uri="{96DAC541-7B7A-43D3-8B79-37D633B846F1}"><asvg:svgBlip xmlns:asvg="http://schemas.microsoft.com/office/drawing/2016/SVG/main" r:embed="rIdI2"/></a:ext></a:extLst></a:blip>"#),
        "{doc}"
    );
    assert!(doc.contains(r#"<wp:extent cx="2743200" cy="1371600"/>"#) && doc.contains("descr=\"示意图\""));
    assert!(!doc.contains("[示意图]"), "no alt text in its place");
    assert_eq!(fs::read(&docx).unwrap(), fs::read(build(&dir.path().join("again"))).unwrap(), "same bytes");
    // LibreOffice draws it: one picture of the PNG's size in its PDF, and
    // the picture's blue where it stands on the page.
    let pdf = &libreoffice_pdfs(std::slice::from_ref(&docx), dir.path())[0];
    let list = Command::new("pdfimages").arg("-list").arg(pdf).output().expect("pdfimages (poppler-utils)");
    let list = String::from_utf8_lossy(&list.stdout);
    let images: Vec<Vec<&str>> =
        list.lines().skip(2).map(|l| l.split_whitespace().collect::<Vec<_>>()).filter(|c| c[2] == "image").collect();
    assert_eq!(images.len(), 1, "{list}");
    // The PNG, at 192 pixels an inch on the page.
    assert_eq!((images[0][3], images[0][4], images[0][12]), ("576", "288", "192"), "{list}");
    // The first page in grey at 20 dpi: a solid dark band 3 inches (60
    // pixels) wide, which no line of text makes.
    let (width, pixels) = grey_page(pdf, 20);
    let longest = pixels.chunks(width).map(dark_run).max().unwrap_or(0);
    assert!((52..=68).contains(&longest), "the picture's band on the page: {longest} pixels");
}

/// A part of a `.docx`, as bytes.
fn part_bytes(docx: &Path, name: &str) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(fs::File::open(docx).unwrap()).expect("a zip archive");
    let mut bytes = Vec::new();
    zip.by_name(name).unwrap_or_else(|e| panic!("{name}: {e}")).read_to_end(&mut bytes).unwrap();
    bytes
}

/// A PDF's first page in grey (`pdftoppm -gray`): its width and its pixels.
fn grey_page(pdf: &Path, dpi: u32) -> (usize, Vec<u8>) {
    let out = pdf.with_extension("grey");
    let made = Command::new("pdftoppm")
        .args(["-gray", "-r", &dpi.to_string(), "-f", "1", "-l", "1", "-singlefile"])
        .arg(pdf)
        .arg(&out)
        .status()
        .expect("pdftoppm (poppler-utils)");
    assert!(made.success(), "pdftoppm failed on {}", pdf.display());
    let pgm = fs::read(out.with_extension("grey.pgm")).unwrap();
    // P5, width, height, maximum, one whitespace, then the pixels.
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        while pgm[at].is_ascii_whitespace() {
            at += 1;
        }
        let start = at;
        while !pgm[at].is_ascii_whitespace() {
            at += 1;
        }
        fields.push(String::from_utf8_lossy(&pgm[start..at]).into_owned());
    }
    let width: usize = fields[1].parse().unwrap();
    (width, pgm[at + 1..].to_vec())
}

/// The longest run of dark pixels in a row.
fn dark_run(row: &[u8]) -> usize {
    let (mut best, mut run) = (0, 0);
    for &p in row {
        run = if p < 128 { run + 1 } else { 0 };
        best = best.max(run);
    }
    best
}

/// Every part of a `.docx`, as bytes.
fn zip_parts(docx: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut zip = zip::ZipArchive::new(fs::File::open(docx).unwrap()).expect("a zip archive");
    let mut out = BTreeMap::new();
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).unwrap();
        out.insert(entry.name().expect("an entry name").to_string(), bytes);
    }
    out
}

fn write_zip(path: &Path, parts: &BTreeMap<String, Vec<u8>>) {
    let mut zip = zip::ZipWriter::new(fs::File::create(path).unwrap());
    for (name, bytes) in parts {
        zip.start_file(name.as_str(), zip::write::SimpleFileOptions::default()).unwrap();
        std::io::Write::write_all(&mut zip, bytes).unwrap();
    }
    zip.finish().unwrap();
}

/// An office's reference file, made from zongjie's exported one: its body's
/// `w:sectPr` names `refs` (`(element, type, id)`) in place of zongjie's
/// footer, `parts` are added (name, text), `rels` added to the document's
/// relationships, and the settings get `w:evenAndOddHeaders` if `even`.
fn office_reference(
    dir: &Path,
    name: &str,
    refs: &[(&str, &str, &str)],
    parts: &[(&str, Vec<u8>)],
    rels: &str,
    even: bool,
    title_page: bool,
) -> PathBuf {
    let export = dir.join(format!("export-{name}"));
    zongjie(["templates", "--export", export.to_str().unwrap()]).run().expect(0);
    let mut all = zip_parts(&export.join("reference.en.docx"));
    let text = |b: &[u8]| String::from_utf8(b.to_vec()).unwrap();
    let doc = text(&all["word/document.xml"]).replace("<w:footerReference w:type=\"default\" r:id=\"rIdF1\"/>", "");
    let mut own: String =
        refs.iter().map(|(element, kind, id)| format!("<w:{element} w:type=\"{kind}\" r:id=\"{id}\"/>")).collect();
    own.insert_str(0, "<w:sectPr>");
    let mut doc = doc.replace("<w:sectPr>", &own);
    if title_page {
        doc = doc.replace("<w:docGrid", "<w:titlePg/><w:docGrid");
    }
    all.insert("word/document.xml".into(), doc.into_bytes());
    let doc_rels =
        text(&all["word/_rels/document.xml.rels"]).replace("</Relationships>", &format!("{rels}</Relationships>"));
    all.insert("word/_rels/document.xml.rels".into(), doc_rels.into_bytes());
    let settings = text(&all["word/settings.xml"]).replace("<w:evenAndOddHeaders/>", "");
    let settings = if even {
        settings.replace("<w:characterSpacingControl", "<w:evenAndOddHeaders/><w:characterSpacingControl")
    } else {
        settings
    };
    all.insert("word/settings.xml".into(), settings.into_bytes());
    let mut types = text(&all["[Content_Types].xml"]);
    for (part, bytes) in parts {
        all.insert((*part).to_owned(), bytes.clone());
        let kind = if part.contains("footer") { "footer" } else { "header" };
        if part.ends_with(".xml") && !part.contains("_rels") {
            types = types.replace(
                "</Types>",
                &format!("<Override PartName=\"/{part}\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.{kind}+xml\"/></Types>"),
            );
        }
    }
    all.insert("[Content_Types].xml".into(), types.into_bytes());
    let path = dir.join(format!("{name}.docx"));
    write_zip(&path, &all);
    path
}

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;

fn furniture_part(element: &str, text: &str) -> Vec<u8> {
    format!(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:{element} {W}><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:{element}>"#).into_bytes()
}

fn rel(id: &str, kind: &str, target: &str) -> String {
    format!(
        "<Relationship Id=\"{id}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}\" Target=\"{target}\"/>"
    )
}

fn build_with(data: &Path, out: &Path, reference: &Path) -> PathBuf {
    run_with(data, out, reference).expect(0);
    out.join(format!("{}.docx", data.file_stem().unwrap().to_string_lossy()))
}

/// `build DATA -f docx -o OUT --reference-docx REFERENCE`.
fn run_with(data: &Path, out: &Path, reference: &Path) -> common::Done {
    zongjie([
        "build",
        data.to_str().unwrap(),
        "-f",
        "docx",
        "-o",
        out.to_str().unwrap(),
        "--reference-docx",
        reference.to_str().unwrap(),
    ])
    .run()
}

/// The first `w:sectPr` of a document part (the text's).
fn first_section(doc: &str) -> &str {
    let at = doc.find("<w:sectPr>").unwrap();
    &doc[at..at + doc[at..].find("</w:sectPr>").unwrap()]
}

/// An office's headers and footers from `--reference-docx`: taken as they
/// are, in place of zongjie's page numbers of the same kind; a reference
/// without footers keeps the page numbers. LibreOffice shows them.
#[test]
fn an_offices_headers_and_footers_are_taken() {
    let dir = temp();
    let data = example("tuanfeng-progress.zh.yaml");
    // A default header only: the page numbers stay, on odd and even pages;
    // even pages get the same header (the document has even footers).
    let header_only = office_reference(
        dir.path(),
        "header-only",
        &[("headerReference", "default", "rIdOfficeH")],
        &[("word/header7.xml", furniture_part("hdr", "OFFICE HEADER"))],
        &rel("rIdOfficeH", "header", "header7.xml"),
        false,
        false,
    );
    let docx = build_with(&data, &dir.path().join("a"), &header_only);
    let parts = parts(&docx);
    assert!(parts["word/zjrefheader1.xml"].contains("OFFICE HEADER"));
    let doc = &parts["word/document.xml"];
    let sect = first_section(doc);
    for reference in [
        "<w:headerReference w:type=\"default\" r:id=\"rIdR1\"/>",
        "<w:headerReference w:type=\"even\" r:id=\"rIdR1\"/>",
        "<w:footerReference w:type=\"default\" r:id=\"rIdF1\"/>",
        "<w:footerReference w:type=\"even\" r:id=\"rIdF2\"/>",
    ] {
        assert!(sect.contains(reference), "{reference}: {sect}");
    }
    assert!(
        parts["word/footer1.xml"].contains(" PAGE ") && parts["word/settings.xml"].contains("<w:evenAndOddHeaders/>")
    );
    assert!(parts["word/_rels/document.xml.rels"].contains(&rel("rIdR1", "header", "zjrefheader1.xml")));
    assert!(parts["[Content_Types].xml"].contains("<Override PartName=\"/word/zjrefheader1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>"));
    assert!(check_order("document", doc, "w:sectPr", SECT_PR).is_empty(), "{sect}");
    let header_pdf = libreoffice_pdfs(std::slice::from_ref(&docx), &dir.path().join("a"))[0].clone();

    // Even and odd footers and a first page of its own: theirs in place of
    // the page numbers, the settings with them.
    let footers = office_reference(
        dir.path(),
        "footers",
        &[
            ("footerReference", "default", "rIdOdd"),
            ("footerReference", "even", "rIdEven"),
            ("footerReference", "first", "rIdFirst"),
        ],
        &[
            ("word/footer5.xml", furniture_part("ftr", "ODD FOOTER")),
            ("word/footer6.xml", furniture_part("ftr", "EVEN FOOTER")),
            ("word/footer8.xml", furniture_part("ftr", "FIRST FOOTER")),
        ],
        &[
            rel("rIdOdd", "footer", "footer5.xml"),
            rel("rIdEven", "footer", "footer6.xml"),
            rel("rIdFirst", "footer", "footer8.xml"),
        ]
        .concat(),
        true,
        true,
    );
    let docx = build_with(&example("tuanfeng-progress.en.yaml"), &dir.path().join("b"), &footers);
    let parts = self::parts(&docx);
    assert!(
        !parts.contains_key("word/footer1.xml") && !parts.contains_key("word/footer2.xml"),
        "no page numbers of ours"
    );
    let doc = &parts["word/document.xml"];
    let sect = first_section(doc);
    for (kind, text) in [("default", "ODD FOOTER"), ("even", "EVEN FOOTER"), ("first", "FIRST FOOTER")] {
        let at = sect
            .find(&format!("<w:footerReference w:type=\"{kind}\" r:id=\""))
            .unwrap_or_else(|| panic!("{kind}: {sect}"));
        let id = &sect[at..].split('"').nth(3).unwrap().to_owned();
        let rels = &parts["word/_rels/document.xml.rels"];
        let target = rels[rels.find(&format!("Id=\"{id}\"")).unwrap()..]
            .split("Target=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        assert!(parts[&format!("word/{target}")].contains(text), "{kind} → {target}");
    }
    assert!(sect.contains("<w:titlePg/>") && parts["word/settings.xml"].contains("<w:evenAndOddHeaders/>"));
    assert!(check_order("document", doc, "w:sectPr", SECT_PR).is_empty(), "{sect}");
    let footers_pdf = libreoffice_pdfs(std::slice::from_ref(&docx), &dir.path().join("b"))[0].clone();

    // A header with a picture: the picture goes with it, under a name of
    // its own, with its content type.
    let logo = logo_bytes();
    let header_xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr {W} xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:p><w:r><w:drawing><wp:inline><wp:extent cx="914400" cy="457200"/><wp:docPr id="90" name="Logo"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="90" name="logo.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="rId1"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="914400" cy="457200"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r><w:r><w:t>LOGO HEADER</w:t></w:r></w:p></w:hdr>"#
    );
    let header_rels = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{}</Relationships>"#,
        rel("rId1", "image", "media/logo.png")
    );
    let with_logo = office_reference(
        dir.path(),
        "logo",
        &[("headerReference", "default", "rId9")],
        &[
            ("word/header1.xml", header_xml.into_bytes()),
            ("word/_rels/header1.xml.rels", header_rels.into_bytes()),
            ("word/media/logo.png", logo),
        ],
        &rel("rId9", "header", "header1.xml"),
        false,
        false,
    );
    let docx = build_with(&example("tuanfeng-progress.en.yaml"), &dir.path().join("c"), &with_logo);
    let parts = zip_parts(&docx);
    let text = |name: &str| String::from_utf8_lossy(&parts[name]).into_owned();
    assert_eq!(parts["word/media/zjrefheader1-logo.png"], logo_bytes(), "the picture as it is");
    assert!(text("word/_rels/zjrefheader1.xml.rels").contains("Target=\"media/zjrefheader1-logo.png\""));
    assert!(
        text("[Content_Types].xml")
            .contains("<Override PartName=\"/word/media/zjrefheader1-logo.png\" ContentType=\"image/png\"/>")
    );
    assert!(text("word/zjrefheader1.xml").contains("r:embed=\"rId1\""));
    // The body's own pictures' ids are not the header's.
    assert!(parts.contains_key("word/footer1.xml"), "page numbers kept");

    // LibreOffice: the header on every page, the page numbers kept; the
    // office's odd and even footers on their pages, the first its own.
    let pages = pdf_words(&header_pdf);
    assert!(pages.len() >= 3);
    // Every page with text (the blank page LibreOffice adds before the 版记
    // has none); the text's first pages with their numbers.
    for (i, page) in pages.iter().enumerate().filter(|(_, p)| !p.words.is_empty()) {
        let words: String = page.words.iter().map(|w| w.text.as_str()).collect();
        assert!(words.contains("OFFICEHEADER"), "page {}: {words}", i + 1);
        if i < 3 {
            assert!(words.contains(&format!("—{}—", i + 1)), "page {} keeps its number: {words}", i + 1);
        }
    }
    let pages = pdf_words(&footers_pdf);
    assert!(pages.len() >= 3);
    for (i, page) in pages.iter().enumerate() {
        let words: String = page.words.iter().map(|w| w.text.as_str()).collect();
        let expected = match i {
            0 => "FIRSTFOOTER",
            i if i % 2 == 1 => "EVENFOOTER",
            _ => "ODDFOOTER",
        };
        assert!(words.contains(expected), "page {}: {words}", i + 1);
    }
    let logo_pdf = libreoffice_pdfs(std::slice::from_ref(&docx), &dir.path().join("c"))[0].clone();
    let list = Command::new("pdfimages").arg("-list").arg(&logo_pdf).output().expect("pdfimages (poppler-utils)");
    let list = String::from_utf8_lossy(&list.stdout);
    assert!(list.lines().skip(2).filter(|l| l.split_whitespace().nth(2) == Some("image")).count() >= 1, "{list}");
}

/// A small PNG to use as a logo: 8 × 4 pixels, red.
fn logo_bytes() -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, 8, 4);
        encoder.set_color(png::ColorType::Rgb);
        let mut writer = encoder.write_header().unwrap();
        writer.write_image_data(&[0xD0, 0x10, 0x10].repeat(32)).unwrap();
    }
    out
}

/// A reference saved by LibreOffice (its own part names and ids): its
/// header and footers are taken, and LibreOffice shows them again.
#[test]
fn a_reference_saved_by_libreoffice_gives_its_header_and_footers() {
    let dir = temp();
    let ours = office_reference(
        dir.path(),
        "ours",
        &[("headerReference", "default", "rIdOfficeH"), ("footerReference", "default", "rIdF1")],
        &[("word/header3.xml", furniture_part("hdr", "SAVED HEADER"))],
        &rel("rIdOfficeH", "header", "header3.xml"),
        false,
        false,
    );
    let first = build_with(&example("tuanfeng-progress.en.yaml"), &dir.path().join("first"), &ours);
    let saved_dir = dir.path().join("saved");
    let profile = dir.path().join("lo-profile");
    let done = Command::new("soffice")
        .arg(format!("-env:UserInstallation=file://{}", profile.display()))
        .args(["--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir"])
        .arg(&saved_dir)
        .arg(&first)
        .output()
        .expect("soffice (LibreOffice)");
    let saved = saved_dir.join("tuanfeng-progress.en.docx");
    assert!(saved.is_file(), "LibreOffice did not save: {}", String::from_utf8_lossy(&done.stderr));
    let theirs = parts(&saved);
    assert!(theirs.keys().any(|k| k.starts_with("word/header")), "LibreOffice kept the header: {:?}", theirs.keys());
    let docx = build_with(&example("tuanfeng-progress.zh.yaml"), &dir.path().join("out"), &saved);
    let parts = parts(&docx);
    let header = parts.iter().find(|(k, v)| k.starts_with("word/zjrefheader") && v.contains("SAVED HEADER"));
    assert!(header.is_some(), "{:?}", parts.keys());
    assert!(parts.keys().any(|k| k.starts_with("word/zjreffooter")) && !parts.contains_key("word/footer1.xml"));
    let doc = &parts["word/document.xml"];
    assert!(check_order("document", doc, "w:sectPr", SECT_PR).is_empty(), "{}", first_section(doc));
    let pdf = &libreoffice_pdfs(std::slice::from_ref(&docx), &dir.path().join("out"))[0];
    let pages = pdf_words(pdf);
    let first_page: String = pages[0].words.iter().map(|w| w.text.as_str()).collect();
    assert!(first_page.contains("SAVEDHEADER"), "{first_page}");
    // Its footer is the English page number it was saved with, centred.
    let second: Vec<&common::Word> = pages[1].words.iter().filter(|w| w.text == "2").collect();
    assert!(second.iter().any(|w| w.y_min > pages[1].height * 0.9), "page 2's number at the foot: {second:?}");
}

/// A chart's figures in an embedded workbook, as Word's "Edit Data" opens
/// them: the workbook part and its content type, the chart's package
/// relationship, `c:externalData` after `c:chart`, formulas over the cells
/// whose values the chart caches, the same bytes with `SOURCE_DATE_EPOCH`;
/// openpyxl reads the figures back.
#[test]
fn a_chart_carries_its_workbook() {
    let dir = temp();
    let md = "---\ntemplate: progress-report\nlang: zh\ntitle: 关于图表的报告\norganization: 某镇人民政府\ndate: 2026-12-10\n---\n\n正文。\n\n```chart\nkind: column\ntitle: 完成情况\nlabels: [甲村, 乙村, 丙村]\nseries:\n  - {name: 目标, values: [10, 20, 30]}\n  - {name: 完成, values: [8, null, 27.5]}\n```\n\n```chart\nlabels: [一月]\nseries: [{name: 户数, values: [3]}]\n```\n";
    let input = write_file(dir.path(), "c.md", md);
    let build = |out: &Path| {
        zongjie(["build", input.to_str().unwrap(), "-f", "docx", "-o", out.to_str().unwrap()])
            .env("SOURCE_DATE_EPOCH", "1700000000")
            .run()
            .expect(0);
        out.join("c.docx")
    };
    let docx = build(&dir.path().join("one"));
    assert_eq!(fs::read(&docx).unwrap(), fs::read(build(&dir.path().join("two"))).unwrap(), "same bytes");
    let parts = parts(&docx);
    assert!(parts["[Content_Types].xml"].contains(
        r#"<Default Extension="xlsx" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"/>"#
    ));
    for n in [1, 2] {
        let rels = &parts[&format!("word/charts/_rels/chart{n}.xml.rels")];
        assert!(rels.contains(&format!("<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/package\" Target=\"../embeddings/Microsoft_Excel_Worksheet{n}.xlsx\"/>")), "{rels}");
        let chart = &parts[&format!("word/charts/chart{n}.xml")];
        let data = chart.find("<c:externalData r:id=\"rId1\"><c:autoUpdate val=\"0\"/></c:externalData>").expect(chart);
        assert!(data > chart.find("</c:chart>").unwrap() && !chart.contains("c:numLit"), "{chart}");
    }
    let chart = &parts["word/charts/chart1.xml"];
    assert!(chart.contains("<c:f>Sheet1!$A$2:$A$4</c:f>") && chart.contains("<c:f>Sheet1!$C$2:$C$4</c:f>"));
    assert!(chart.contains("<c:pt idx=\"2\"><c:v>27.5</c:v></c:pt>"));
    // What openpyxl reads in the cells is what the chart caches.
    let book = dir.path().join("book1.xlsx");
    fs::write(&book, part_bytes(&docx, "word/embeddings/Microsoft_Excel_Worksheet1.xlsx")).unwrap();
    let read = Command::new("/usr/bin/python3")
        .args(["-c", "import sys, openpyxl\nws = openpyxl.load_workbook(sys.argv[1]).active\nprint(ws.title, [[c.value for c in row] for row in ws.iter_rows()])"])
        .arg(&book)
        .output()
        .expect("/usr/bin/python3 with python3-openpyxl");
    let out = String::from_utf8_lossy(&read.stdout);
    assert_eq!(
        out.trim(),
        "Sheet1 [[None, '目标', '完成'], ['甲村', 10, 8], ['乙村', 20, None], ['丙村', 30, 27.5]]",
        "{}",
        String::from_utf8_lossy(&read.stderr)
    );
    // LibreOffice opens it and draws the chart.
    let pdf = &libreoffice_pdfs(std::slice::from_ref(&docx), dir.path())[0];
    let text = pdf_text_joined(pdf);
    assert!(text.contains("完成情况") && text.contains("丙村"), "{text}");
}

/// English labels put a space after their colon, as the PDF does ("Signed
/// off by: Li Jianguo", "Copy to: …", "Reported to: …", "Attachments:
/// 1. Timetable"); Chinese ones the full-width colon and nothing after it
/// ("签发人：王立新", "附件：1.名单").
#[test]
fn labels_and_their_colons_in_word() {
    let dir = temp();
    let official = |lang: &str, signer: &str, copy: &str, a: &str, b: &str| {
        format!(
            "lang: {lang}\ntitle: Report\norganization: Qingshan Bureau\nrecipient: County\ndate: 2026-10-09\nperiod: 2026-09\nissuer_mark: Qingshan Bureau\ndoc_number: QNB 15\nsigner: {signer}\ncopy_to: [{copy}]\nprinted_by: Bureau Office\nprinted_on: 2026-10-09\nintro: Text.\nprogress:\n  - {{title: Work, body: Text.}}\nattachments: [{a}, {b}]\n"
        )
    };
    let en = write_file(dir.path(), "en.yaml", &official("en", "Li Jianguo", "County Office", "Timetable", "Names"));
    let document = &parts(&build_docx(&en, dir.path()))["word/document.xml"];
    for text in [">Signed off by: </w:t>", ">Copy to: </w:t>", "1. Timetable", "2. Names"] {
        assert!(document.contains(text), "no {text:?} in {document}");
    }
    let zh = write_file(dir.path(), "zh.yaml", &official("zh", "王立新", "县委办公室", "时间表", "名单"));
    let document = &parts(&build_docx(&zh, dir.path()))["word/document.xml"];
    for text in [">签发人：</w:t>", ">抄送：</w:t>", "1.时间表", "2.名单"] {
        assert!(document.contains(text), "no {text:?} in {document}");
    }
    assert!(!document.contains("： "), "no space after a full-width colon");
    fs::create_dir_all(dir.path().join("units")).unwrap();
    write_file(
        &dir.path().join("units"),
        "a.yaml",
        "organization: Town A\ntitle: October return\ndate: 2026-11-01\nperiod: 2026-10\nmetrics:\n  - {id: households, label: Households, unit: households, target: 100, actual: 60}\n",
    );
    let bulletin = write_file(
        dir.path(),
        "bulletin.yaml",
        "lang: en\ntemplate: monthly-bulletin\ntitle: County Work Bulletin\norganization: County Office\ndate: 2026-11-05\nperiod: 2026-10\nissue: 10\nunits: [units/*.yaml]\ndistribution: {report_to: [City Office], send_to: [County Committee], issue_to: [All towns]}\ncopies: 40\n",
    );
    let document = &parts(&build_docx(&bulletin, dir.path()))["word/document.xml"];
    for text in ["Reported to: City Office", "Sent to: County Committee", "Issued to: All towns"] {
        assert!(document.contains(text), "no {text:?} in {document}");
    }
}

/// A grey PNG of `width` × `height` pixels (72 dpi: no resolution given).
fn grey_png(width: u32, height: u32) -> Vec<u8> {
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, width, height);
    encoder.set_color(png::ColorType::Grayscale);
    let mut writer = encoder.write_header().unwrap();
    writer.write_image_data(&vec![128; (width * height) as usize]).unwrap();
    writer.finish().unwrap();
    bytes
}

/// A picture in a table cell is as wide as its cell at most (inside the
/// cell's margins), its height scaled with it, and never taller than the
/// page's text block; SVGs too. A picture outside a table keeps the text
/// width.
#[test]
fn pictures_in_cells_fit_their_cells() {
    let dir = temp();
    // 1200 × 400 px and 600 × 3000 px at 72 dpi: 42 cm wide, 106 cm tall.
    fs::write(dir.path().join("wide.png"), grey_png(1200, 400)).unwrap();
    fs::write(dir.path().join("tall.png"), grey_png(600, 3000)).unwrap();
    write_file(
        dir.path(),
        "wide.svg",
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="400"><rect width="1200" height="400"/></svg>"#,
    );
    let md = "---\ntemplate: progress-report\nlang: zh\ntitle: 关于图的报告\norganization: 某镇人民政府\ndate: 2026-12-10\n---\n\n![整幅](wide.png)\n\n| 图 | 说明 | 备注 |\n|---|---|---|\n| ![宽](wide.png) | 单元格里的宽图 | 南河乡 |\n| ![高](tall.png) | 单元格里的高图 | 城关镇 |\n| ![矢量](wide.svg) | 单元格里的矢量图 | 石桥镇 |\n";
    let input = write_file(dir.path(), "r.md", md);
    zongjie(["build", input.to_str().unwrap(), "-f", "docx", "-o", dir.path().to_str().unwrap()]).run().expect(0);
    let document = &parts(&dir.path().join("r.docx"))["word/document.xml"];
    let number = |s: &str, key: &str| -> u64 {
        let at = s.find(key).unwrap_or_else(|| panic!("no {key} in {s}")) + key.len();
        s[at..].split('"').next().unwrap().parse().unwrap()
    };
    let extents: Vec<(u64, u64)> =
        document.split("<wp:extent ").skip(1).map(|e| (number(e, "cx=\""), number(e, "cy=\""))).collect();
    assert_eq!(extents.len(), 4, "{document}");
    // Outside the table: the text width, 8854 twips.
    assert_eq!(extents[0], (8854 * 635, 8854 * 635 / 3));
    let table = &document[document.find("<w:tbl>").unwrap()..];
    let cell = number(table, "<w:tcW w:w=\"");
    assert!(cell < 8854 && cell > 1134, "the picture column: {cell} twips");
    let inside = (cell - 180) * 635;
    let text_height = (16838 - 2098 - 1984) * 635;
    for (i, &(cx, cy)) in extents[1..].iter().enumerate() {
        assert!(cx <= inside && cy < text_height, "picture {i}: {cx} × {cy} EMU in a cell {inside} EMU wide");
        // Its proportions kept (3:1, 1:5, 3:1), to a thousandth.
        let ratio = if i == 1 { cy * 1000 / cx } else { cx * 1000 / cy };
        let want = if i == 1 { 5000 } else { 3000 };
        assert!(ratio.abs_diff(want) <= want / 1000 + 1, "picture {i}: {cx} × {cy}");
    }
    // The wide ones fill their cell; the tall one is as tall as the page allows.
    assert_eq!(extents[1].0, inside);
    assert_eq!(extents[3].0, inside);
    assert!(extents[2].1 > text_height * 8 / 10, "{:?}", extents[2]);
}
