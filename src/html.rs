//! The `.html` output: a standalone page of the Markdown (pulldown-cmark's
//! own HTML writer), for the web and for previews. Raw HTML in the Markdown
//! is not interpreted: its text is shown, as in the PDF.

use pulldown_cmark::html::push_html;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::mdfile::MdFile;
use crate::typst_writer::HtmlPiece;

/// A complete HTML page: title block, body, signature.
pub fn page(md: &MdFile) -> String {
    let meta = &md.meta;
    // A link to a scheme that runs code or opens local files keeps its text
    // and loses its address, as in the PDF (links do not nest).
    let mut unlinked = false;
    let parser = Parser::new_ext(&md.body, crate::typst_writer::parser_options()).flat_map(|event| match event {
        // Raw HTML shows its text, as in the PDF: never a tag of the page.
        Event::Html(html) | Event::InlineHtml(html) => crate::typst_writer::strip_html(&html)
            .into_iter()
            .map(|piece| match piece {
                HtmlPiece::Text(text) => Event::Text(text.into()),
                HtmlPiece::Break => Event::HardBreak,
            })
            .collect(),
        Event::Start(Tag::Link { ref dest_url, .. }) if !crate::typst_writer::is_safe_link(dest_url) => {
            unlinked = true;
            Vec::new()
        }
        Event::End(TagEnd::Link) if unlinked => {
            unlinked = false;
            Vec::new()
        }
        other => vec![other],
    });
    let mut body = String::with_capacity(md.body.len() * 2);
    push_html(&mut body, parser);
    let zh = meta.lang == crate::data::Lang::Zh;
    let date = if zh { crate::format::zh::date(meta.date) } else { crate::format::en::date(meta.date) };
    let recipient = meta.recipient.as_ref().map_or_else(String::new, |r| {
        format!("<p class=\"recipient\">{}{}</p>\n", escape(r.as_str()), if zh { "：" } else { ":" })
    });
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"zongjie {version}\">\n<title>{title}</title>\n<style>\nbody {{ max-width: 44rem; margin: 2rem auto; padding: 0 1rem; font-family: {font}; line-height: 1.7; }}\nh1.title {{ text-align: center; font-size: 1.6rem; }}\n.signature {{ text-align: right; margin-top: 2rem; }}\ntable {{ border-collapse: collapse; }} td, th {{ border: 1px solid #999; padding: .2rem .5rem; }}\n</style>\n</head>\n<body>\n<h1 class=\"title\">{title}</h1>\n{recipient}{body}<p class=\"signature\">{org}<br>{date}</p>\n</body>\n</html>\n",
        lang = if zh { "zh-CN" } else { "en" },
        version = env!("CARGO_PKG_VERSION"),
        title = escape(meta.title.as_str()),
        font =
            if zh { "FangSong, STFangsong, 'Noto Serif CJK SC', serif" } else { "'Libertinus Serif', Georgia, serif" },
        org = escape(meta.organization.as_str()),
        date = escape(&date),
    )
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
