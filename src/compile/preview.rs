//! The pages of a laid-out document as a reader sees them, for the
//! browser (`zongjie serve`): each page as an SVG picture, from the same
//! layout as the PDF, and its text as an SVG layer of invisible text set
//! over the picture at the place and width of each run, so that the
//! browser's search finds it and a reader can select and copy it.

use std::fmt::Write as _;
use std::hash::{Hash, Hasher};

use typst::layout::{Frame, FrameItem, Transform};
use typst_layout::PagedDocument;

/// One page.
#[derive(Clone, Debug, PartialEq)]
pub struct PageImage {
    /// The page as an SVG document.
    pub svg: String,
    /// The page's text as SVG `<text>` elements in page coordinates (pt).
    pub text: String,
    /// Width in pt.
    pub width: f64,
    /// Height in pt.
    pub height: f64,
    /// A hash of the picture: the page changed when it changed.
    pub hash: u64,
}

/// Every page of `document`.
pub fn pages(document: &PagedDocument) -> Vec<PageImage> {
    let options = typst_svg::SvgOptions::default();
    document
        .pages()
        .iter()
        .map(|page| {
            let svg = typst_svg::svg(page, &options);
            let mut text = String::new();
            text_layer(&page.frame, Transform::identity(), &mut text);
            let mut hasher = std::collections::hash_map::DefaultHasher::new();
            svg.hash(&mut hasher);
            text.hash(&mut hasher);
            PageImage {
                svg,
                text,
                width: page.frame.width().to_pt(),
                height: page.frame.height().to_pt(),
                hash: hasher.finish(),
            }
        })
        .collect()
}

/// The text runs of `frame`, placed by `ts` (frame to page), as `<text>`
/// elements stretched to the run's width.
fn text_layer(frame: &Frame, ts: Transform, out: &mut String) {
    for (pos, item) in frame.items() {
        let here = ts.pre_concat(Transform::translate(pos.x, pos.y));
        match item {
            FrameItem::Group(group) => text_layer(&group.frame, here.pre_concat(group.transform), out),
            FrameItem::Text(run) => {
                let width = run.width().to_pt();
                if run.text.trim().is_empty() || width <= 0.0 {
                    continue;
                }
                let _ = write!(
                    out,
                    r#"<text transform="matrix({} {} {} {} {:.2} {:.2})" font-size="{:.2}" textLength="{:.2}" lengthAdjust="spacingAndGlyphs">"#,
                    here.sx.get(),
                    here.ky.get(),
                    here.kx.get(),
                    here.sy.get(),
                    here.tx.to_pt(),
                    here.ty.to_pt(),
                    run.size.to_pt(),
                    width,
                );
                crate::base::xml::escape_into(out, &run.text);
                out.push_str("</text>");
            }
            FrameItem::Shape(..) | FrameItem::Image(..) | FrameItem::Link(..) | FrameItem::Tag(_) => {}
        }
    }
}
