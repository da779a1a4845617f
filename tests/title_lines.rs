//! A Chinese title longer than a line breaks between words, at the same
//! places in the PDF (its lines as pdftotext reads them, and the Typst
//! source's `title_lines`) and in the `.docx` (`w:br` in the one Title
//! paragraph); an attachment page's title likewise; a writer's own line
//! break is kept; an English title is left as written.

mod common;

use std::fs;
use std::io::Read as _;
use std::path::Path;

use common::{pdf_lines, temp, write_file, zongjie};

const TITLE: &str = "关于2026年团风镇农村人居环境整治工作推进情况和下一步工作打算的报告";
const TITLE_LINES: [&str; 2] = ["关于2026年团风镇农村人居环境整治工作", "推进情况和下一步工作打算的报告"];
const ATTACHMENT: &str = "团风镇2026年农村人居环境整治工作任务分解表和责任单位名单";
const ATTACHMENT_LINES: [&str; 2] = ["团风镇2026年农村人居环境", "整治工作任务分解表和责任单位名单"];

fn data(title: &str) -> String {
    format!(
        "template: progress-report\nlang: zh\ntitle: {title}\norganization: 团风镇人民政府\nrecipient: 县委、县政府\n\
         date: 2026-10-12\nintro: 今年以来，我镇扎实推进农村人居环境整治工作。\n\
         attachments:\n  - {{title: {ATTACHMENT}, body: 任务分解见下。}}\n"
    )
}

/// The document's `word/document.xml`.
fn document_xml(docx: &Path) -> String {
    let mut zip = zip::ZipArchive::new(fs::File::open(docx).unwrap()).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml").unwrap().read_to_string(&mut xml).unwrap();
    xml
}

/// The lines of each Title paragraph of a `.docx`: its text cut at `w:br`.
fn docx_titles(xml: &str) -> Vec<Vec<String>> {
    xml.split("<w:p>")
        .filter(|p| p.contains("<w:pStyle w:val=\"Title\"/>"))
        .map(|p| {
            let p = &p[..p.find("</w:p>").unwrap()];
            p.split("<w:br/>")
                .map(|piece| {
                    piece
                        .split("<w:t xml:space=\"preserve\">")
                        .skip(1)
                        .map(|t| &t[..t.find("</w:t>").unwrap()])
                        .collect::<String>()
                })
                .collect()
        })
        .collect()
}

/// The PDF's lines, page by page, with the spaces pdftotext puts between
/// characters taken out.
fn pdf_text_lines(pdf: &Path) -> Vec<Vec<String>> {
    pdf_lines(pdf).into_iter().map(|page| page.into_iter().map(|l| l.text.replace(' ', "")).collect()).collect()
}

#[test]
fn a_long_chinese_title_breaks_between_words_in_the_pdf_and_the_docx_alike() {
    let dir = temp();
    let file = write_file(dir.path(), "report.yaml", &data(TITLE));
    let out = dir.path().join("out");
    zongjie(["build", file.to_str().unwrap(), "-f", "pdf,docx,typ", "-o", out.to_str().unwrap()]).run().expect(0);

    // The Typst source gives the style the lines.
    let typ = fs::read_to_string(out.join("report.typ")).unwrap();
    assert!(typ.contains(&format!("title_lines: (\"{}\", \"{}\")", TITLE_LINES[0], TITLE_LINES[1])), "{typ}");
    assert!(typ.contains(&format!("title: \"{TITLE}\"")), "the title itself stays whole (the PDF's metadata)");

    // The PDF: the title's lines are the first two of the first page, the
    // attachment's under its 附件 label.
    let pages = pdf_text_lines(&out.join("report.pdf"));
    assert_eq!(pages[0][..2], TITLE_LINES, "{:?}", pages[0]);
    let last = pages.last().unwrap();
    let at = last.iter().position(|l| l == "附件").unwrap_or_else(|| panic!("{last:?}"));
    assert_eq!(last[at + 1..at + 3], ATTACHMENT_LINES, "{last:?}");

    // The .docx: one Title paragraph per title, the same lines between w:br.
    let xml = document_xml(&out.join("report.docx"));
    assert_eq!(docx_titles(&xml), [TITLE_LINES.to_vec(), ATTACHMENT_LINES.to_vec()]);
}

#[test]
fn a_writers_own_break_is_kept_and_english_titles_are_left_alone() {
    let dir = temp();
    let title = "\"团风镇人民政府\\n关于农村人居环境整治工作的报告\"";
    let file = write_file(dir.path(), "own.yaml", &data(title));
    let out = dir.path().join("out");
    zongjie(["build", file.to_str().unwrap(), "-f", "pdf,docx", "-o", out.to_str().unwrap()]).run().expect(0);
    let lines = ["团风镇人民政府", "关于农村人居环境整治工作的报告"];
    assert_eq!(pdf_text_lines(&out.join("own.pdf"))[0][..2], lines);
    assert_eq!(docx_titles(&document_xml(&out.join("own.docx")))[0], lines);

    let english = "template: progress-report\nlang: en\ntitle: Report on the Progress of Rural Living Environment Improvement in Qingshan County\norganization: Qingshan County Office\ndate: 2026-10-12\nintro: Work went on.\n";
    let file = write_file(dir.path(), "en.yaml", english);
    zongjie(["build", file.to_str().unwrap(), "-f", "docx", "-o", out.to_str().unwrap()]).run().expect(0);
    assert_eq!(
        docx_titles(&document_xml(&out.join("en.docx"))),
        [vec!["Report on the Progress of Rural Living Environment Improvement in Qingshan County".to_owned()]]
    );
}
