//! Markdown → HTML (pulldown-cmark's own HTML writer), for the `.html`
//! page and for previews. Raw HTML in the Markdown
//! is not interpreted: its text is shown, as in the PDF.

use pulldown_cmark::html::push_html;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::write::typst::HtmlPiece;

/// The HTML of a Markdown body (a fragment, no page around it).
pub fn body(markdown: &str) -> String {
    // A link to a scheme that runs code or opens local files keeps its text
    // and loses its address, as in the PDF (links do not nest).
    let mut unlinked = false;
    let parser = Parser::new_ext(markdown, crate::base::markdown::parser_options()).flat_map(|event| match event {
        // Raw HTML shows its text, as in the PDF: never a tag of the page.
        Event::Html(html) | Event::InlineHtml(html) => crate::write::typst::strip_html(&html)
            .into_iter()
            .map(|piece| match piece {
                HtmlPiece::Text(text) => Event::Text(text.into()),
                HtmlPiece::Break => Event::HardBreak,
            })
            .collect(),
        Event::Start(Tag::Link { ref dest_url, .. }) if !crate::base::markdown::is_safe_link(dest_url) => {
            unlinked = true;
            Vec::new()
        }
        Event::End(TagEnd::Link) if unlinked => {
            unlinked = false;
            Vec::new()
        }
        other => vec![other],
    });
    let mut out = String::with_capacity(markdown.len() * 2);
    push_html(&mut out, parser);
    out
}

pub use crate::base::xml::escape;
