//! The `.html` output: a standalone page with the same parts as the PDF:
//! the title block and 主送 line, or a bulletin's masthead (name, issue,
//! editing unit and date, rule); the body; the attachments line; the
//! signature and date, or a bulletin's 报/送/发 foot and copies printed.

use std::fmt::Write as _;

use super::{Assembled, Backend, Format};
use crate::data::mdfile::Meta;
use crate::derive::lang::{Label, language};
use crate::engine::BuildError;
use crate::write::html::{body, escape};

/// Writes the HTML page.
pub(crate) struct Html;

impl Backend for Html {
    fn format(&self) -> Format {
        Format::Html
    }

    fn write(&self, doc: &mut Assembled<'_>) -> Result<Option<Vec<u8>>, BuildError> {
        Ok(Some(page(&doc.md.meta, &body(&doc.md.body)).into_bytes()))
    }
}

/// The 版头 of a formal document: 份号, 密级, 紧急程度, the red mark, the
/// number with 签发人, the red rule.
fn letterhead(out: &mut String, meta: &Meta) {
    let o = &meta.official;
    let words = language(meta.lang);
    corner(out, meta);
    if !o.issuer_mark.is_empty() {
        let names: Vec<String> = o.issuer_mark.iter().map(|t| escape(t.as_str())).collect();
        let joint = names.len() > 1 && meta.lang == crate::data::Lang::Zh;
        let _ = writeln!(out, "<p class=\"mark\">{}{}</p>", names.join("<br>"), if joint { " 文件" } else { "" });
    }
    if o.doc_number.is_some() {
        let number = o.doc_number.as_ref().map_or_else(String::new, |d| escape(d.as_str()));
        let signers: Vec<String> = o
            .signer
            .iter()
            .map(|s| format!("{}{}{}", words.label(Label::Signer), words.colon(), escape(s.as_str())))
            .collect();
        let _ = writeln!(out, "<p class=\"number\"><span>{number}</span><span>{}</span></p>", signers.join("<br>"));
    }
}

/// 份号, 密级, 紧急程度 at the top left (of a bulletin too).
fn corner(out: &mut String, meta: &Meta) {
    let o = &meta.official;
    let corner =
        [o.copy_number.as_ref().map(|c| &c.0), o.secrecy.as_ref().map(|s| &s.0), o.urgency.as_ref().map(|u| &u.0)];
    for c in corner.into_iter().flatten() {
        let _ = writeln!(out, "<p class=\"corner\">{}</p>", escape(c));
    }
}

/// The 版记: 抄送, 印发机关 and 印发日期 between rules.
fn closing(out: &mut String, meta: &Meta) {
    let o = &meta.official;
    if !o.has_closing_block() {
        return;
    }
    let words = language(meta.lang);
    let _ = writeln!(out, "<footer class=\"closing\">");
    if !o.copy_to.is_empty() {
        let names: Vec<String> = o.copy_to.iter().map(|n| escape(n.as_str())).collect();
        let _ = writeln!(
            out,
            "<p>{}{}{}</p>",
            words.label(Label::CopyTo),
            words.colon(),
            names.join(words.list_separator())
        );
    }
    let by = o.printed_by.as_ref().map_or_else(String::new, |b| escape(b.as_str()));
    let on = o.printed_on.map_or_else(String::new, |d| escape(&words.printed_on(d)));
    let _ = writeln!(out, "<p class=\"printed\"><span>{by}</span><span>{on}</span></p>\n</footer>");
}

/// The page around a body already in HTML.
pub(crate) fn page(meta: &Meta, body_html: &str) -> String {
    let words = language(meta.lang);
    let zh = meta.lang == crate::data::Lang::Zh;
    let date = escape(&words.date(meta.date));
    let mut head = String::new();
    let mut foot = String::new();
    match &meta.masthead {
        Some(m) => {
            corner(&mut head, meta);
            let _ =
                writeln!(head, "<header class=\"masthead\">\n<h1 class=\"title\">{}</h1>", escape(meta.title.as_str()));
            if let Some(issue) = m.issue {
                let _ = writeln!(head, "<p class=\"issue\">{}</p>", escape(&words.issue_line(issue, m.total_issue)));
            }
            let _ = writeln!(
                head,
                "<p class=\"editor\"><span>{}</span><span>{date}</span></p>\n</header>",
                escape(&words.compiled_by(meta.organization.as_str()))
            );
        }
        None => {
            letterhead(&mut head, meta);
            let _ = writeln!(head, "<h1 class=\"title\">{}</h1>", escape(meta.title.as_str()));
            if let Some(r) = &meta.recipient {
                let _ = writeln!(head, "<p class=\"recipient\">{}{}</p>", escape(r.as_str()), words.colon());
            }
        }
    }
    if !meta.attachments.is_empty() {
        let many = meta.attachments.len() > 1;
        let label = words.label(if many { Label::Attachments } else { Label::Attachment });
        let items: Vec<String> = meta
            .attachments
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let title = escape(a.title.as_str());
                // GB/T 9704 7.3.4: "1.XXXX", no space after the point.
                if !many {
                    title
                } else if zh {
                    format!("{}.{title}", i + 1)
                } else {
                    format!("{}. {title}", i + 1)
                }
            })
            .collect();
        let _ = writeln!(foot, "<p class=\"attachments\">{label}{}{}</p>", words.colon(), items.join("<br>"));
    }
    match &meta.masthead {
        Some(m) => {
            let d = &m.distribution;
            let mut rows = String::new();
            for (label, names) in
                [(Label::ReportTo, &d.report_to), (Label::SendTo, &d.send_to), (Label::IssueTo, &d.issue_to)]
            {
                if !names.is_empty() {
                    let names: Vec<String> = names.iter().map(|n| escape(n.as_str())).collect();
                    let _ = writeln!(
                        rows,
                        "<p>{}{}{}</p>",
                        words.label(label),
                        words.colon(),
                        names.join(words.list_separator())
                    );
                }
            }
            if let Some(n) = m.copies {
                let _ = writeln!(rows, "<p class=\"copies\">{}</p>", escape(&words.copies(n)));
            }
            if !rows.is_empty() {
                let _ = write!(foot, "<footer class=\"distribution\">\n{rows}</footer>\n");
            }
        }
        None => {
            let names: Vec<String> = meta.organization.all().iter().map(|n| escape(n.as_str())).collect();
            let names = match (&meta.official.signer_post, meta.official.signer.first()) {
                (Some(post), Some(name)) => vec![format!("{} {}", escape(post.as_str()), escape(name.as_str()))],
                _ => names,
            };
            let _ = writeln!(foot, "<p class=\"signature\">{}<br>{date}</p>", names.join("<br>"));
        }
    }
    // Each attachment with a page of its own: its number and title, then
    // its text.
    for (i, a) in meta.attachments.iter().enumerate() {
        if let Some(text) = &a.body {
            let label = words.label(Label::Attachment);
            let number = if zh { format!("{label}{}", i + 1) } else { format!("{label} {}", i + 1) };
            let _ = write!(
                foot,
                "<section class=\"attachment\">\n<p class=\"attachment-number\">{}</p>\n<h1 class=\"title\">{}</h1>\n{}</section>\n",
                escape(&number),
                escape(a.title.as_str()),
                body(text.as_str())
            );
        }
    }
    closing(&mut foot, meta);
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"zongjie {version}\">\n<title>{title}</title>\n<style>\n{STYLE}body {{ font-family: {font}; }}\n</style>\n</head>\n<body>\n{head}{body_html}{foot}</body>\n</html>\n",
        lang = if zh { "zh-CN" } else { "en" },
        version = env!("CARGO_PKG_VERSION"),
        title = escape(meta.title.as_str()),
        font =
            if zh { "FangSong, STFangsong, 'Noto Serif CJK SC', serif" } else { "'Libertinus Serif', Georgia, serif" },
    )
}

/// The page's own style: no file fetched from anywhere.
const STYLE: &str = "body { max-width: 44rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.7; }
h1.title { text-align: center; font-size: 1.6rem; }
.masthead h1.title { color: #e60012; font-size: 2.2rem; margin-bottom: .3rem; }
.masthead .issue { text-align: center; margin: 0; }
.masthead .editor { display: flex; justify-content: space-between; border-bottom: 2px solid #e60012; padding-bottom: .3rem; }
.signature { text-align: right; margin-top: 2rem; }
.attachments { margin-top: 1.5rem; }
.attachment { margin-top: 3rem; padding-top: 1rem; border-top: 1px dashed #999; }
.attachment-number { font-weight: bold; }
.mark { color: #e60012; font-size: 2rem; text-align: center; margin: 2rem 0 1rem; }
.number, .printed { display: flex; justify-content: space-between; }
.number { border-bottom: 2px solid #e60012; padding-bottom: .5rem; }
.closing { margin-top: 3rem; border-top: 2px solid #000; border-bottom: 2px solid #000; }
.distribution { border-top: 1px solid #000; border-bottom: 2px solid #000; margin-top: 2rem; }
.distribution p { margin: .2rem 0; }
.distribution .copies { text-align: right; }
li:has(> input[type=checkbox]), li:has(> p > input[type=checkbox]) { list-style: none; }
table { border-collapse: collapse; } td, th { border: 1px solid #999; padding: .2rem .5rem; }
";
