//! The parts of a formal document (GB/T 9704) in WordprocessingML: the
//! 版头 (份号, 密级, 紧急程度, the red 发文机关标志 35 mm under the top of the
//! text block, the 发文字号 two blank lines under it with 签发人 on its right,
//! the red rule 4 mm under the number), the sealed, joint and personal
//! signatures, the attachment pages, and the 版记, which is a section of its
//! own that starts on an even page and carries no page number.

use std::fmt::Write as _;

use super::xml::{ParaProps, RunProps, paragraph, run};
use super::{RED, blank, hint, text_para, width};
use crate::data::Lang;
use crate::data::mdfile::Meta;
use crate::derive::lang::{Label, language};

/// One character of a Chinese body, in twips: 16 pt condensed by a quarter
/// point.
const CHAR: u32 = 315;
/// One line of the grid, in twips.
const LINE: u32 = 579;
/// 35 mm in twips.
const MARK_TOP: u32 = 1984;
/// 4 mm in points: the red rule under the number.
const RULE_GAP_PT: u32 = 11;
/// The 黑体 face.
const HEI: &str = "黑体";
/// The 楷体 face.
const KAI: &str = "楷体_GB2312";
/// The 小标宋 face.
const XBS: &str = "方正小标宋简体";

/// 份号, then 密级 and 紧急程度 in 黑体, flush left on the first lines (of a
/// bulletin too); returns how many lines they take.
pub(super) fn corner(out: &mut String, meta: &Meta) -> u32 {
    let o = &meta.official;
    let zh = meta.lang == Lang::Zh;
    let heavy = RunProps { east_asia: zh.then_some(HEI), bold: !zh, hint_east_asia: zh, ..RunProps::default() };
    let plain = ParaProps { style: Some("ZjPlain"), keep_next: true, ..ParaProps::default() };
    let mut lines = 0;
    if let Some(c) = &o.copy_number {
        text_para(out, &plain, &hint(zh), &c.0);
        lines += 1;
    }
    for level in
        [o.secrecy.as_ref().map(|s| s.0.as_str()), o.urgency.as_ref().map(|u| u.0.as_str())].into_iter().flatten()
    {
        text_para(out, &plain, &heavy, level);
        lines += 1;
    }
    lines
}

/// The 版头, before the title: nothing when the document has none of its
/// fields.
pub(super) fn letterhead(out: &mut String, meta: &Meta, text_width: u32) {
    let o = &meta.official;
    let zh = meta.lang == Lang::Zh;
    let words = language(meta.lang);
    let lines = corner(out, meta);
    // 签发人 stands on the line of the 发文字号: none without it.
    let numbered = o.doc_number.is_some();
    if !o.issuer_mark.is_empty() {
        // As large as fits the text block, at most 44 pt (Chinese) or 26 pt.
        let names: Vec<&str> = o.issuer_mark.iter().map(|t| t.as_str().trim()).collect();
        let joint = names.len() > 1;
        let widest = names.iter().map(|n| width(n)).max().unwrap_or(100) + if joint && zh { 225 } else { 0 };
        let most = if zh { 88 } else { 52 };
        // Half points: the text block's width over the mark's in characters.
        let fit = u32::try_from(i64::from(text_width) * 100 / i64::from(widest.max(100)) / 10).unwrap_or(most);
        let size = fit.min(most).max(24);
        let red = RunProps {
            color: Some(RED),
            size: Some(size),
            east_asia: zh.then_some(XBS),
            bold: !zh,
            hint_east_asia: zh,
            ..RunProps::default()
        };
        let before = if zh { MARK_TOP.saturating_sub(lines * LINE) } else { 240 };
        let line = Some((size * 10 * 6 / 5, "exact"));
        if joint {
            // The names stacked in one cell, 文件 in the next, centred
            // against them.
            // Column widths from the characters at the mark's size (a
            // half point is 10 twips a character).
            let names_width =
                u32::try_from(names.iter().map(|n| width(n)).max().unwrap_or(100)).unwrap_or(100) * size / 10 + 120;
            let file_width = if zh { 2 * size * 10 + 200 } else { 0 };
            let _ = write!(
                out,
                "<w:tbl><w:tblPr><w:tblW w:w=\"{}\" w:type=\"dxa\"/><w:jc w:val=\"center\"/><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid><w:gridCol w:w=\"{names_width}\"/>{}</w:tblGrid><w:tr><w:tc><w:tcPr><w:tcW w:w=\"{names_width}\" w:type=\"dxa\"/><w:vAlign w:val=\"center\"/></w:tcPr>",
                names_width + file_width,
                if zh { format!("<w:gridCol w:w=\"{file_width}\"/>") } else { String::new() }
            );
            for (i, name) in names.iter().enumerate() {
                let props = ParaProps {
                    style: Some("ZjPlain"),
                    align: Some("center"),
                    keep_next: true,
                    spacing: Some((if i == 0 { before } else { 0 }, line)),
                    ..ParaProps::default()
                };
                text_para(out, &props, &red, name);
            }
            out.push_str("</w:tc>");
            if zh {
                let _ = write!(
                    out,
                    "<w:tc><w:tcPr><w:tcW w:w=\"{file_width}\" w:type=\"dxa\"/><w:vAlign w:val=\"center\"/></w:tcPr>"
                );
                let props = ParaProps {
                    style: Some("ZjPlain"),
                    align: Some("center"),
                    keep_next: true,
                    spacing: Some((before, line)),
                    ..ParaProps::default()
                };
                text_para(out, &props, &red, "文件");
                out.push_str("</w:tc>");
            }
            out.push_str("</w:tr></w:tbl>");
        } else {
            let props = ParaProps {
                style: Some("ZjPlain"),
                align: Some("center"),
                keep_next: true,
                spacing: Some((before, line)),
                ..ParaProps::default()
            };
            text_para(out, &props, &red, names[0]);
        }
    }
    if numbered {
        // Two blank lines under the mark; the red rule 4 mm under the number.
        // Two lines and the space between two lines' glyphs (13 pt), as the PDF
        // measures it from the mark's glyphs to the number's.
        let gap = if o.issuer_mark.is_empty() { 0 } else { 2 * LINE + 200 };
        let signers: Vec<&str> = o.signer.iter().map(|t| t.as_str().trim()).collect();
        let number = o.doc_number.as_ref().map_or("", |d| d.as_str());
        let rule = ParaProps {
            style: Some("ZjPlain"),
            keep_next: true,
            borders: vec![("bottom", 12, RED)],
            border_space: Some(RULE_GAP_PT),
            ..ParaProps::default()
        };
        let label = format!("{}{}", words.label(Label::Signer), words.label_colon());
        let kai = RunProps { east_asia: zh.then_some(KAI), hint_east_asia: zh, ..RunProps::default() };
        // Chinese signers two to a line (7.2.5), 签发人 once, the later
        // lines' names under the first's; the lines flush left with one
        // another, the widest one character from the right.
        let lines: Vec<String> = if zh {
            signers.chunks(2).map(|pair| pair.join("\u{3000}")).collect()
        } else {
            signers.iter().map(|n| (*n).to_owned()).collect()
        };
        let unit = if zh { CHAR } else { 240 };
        let widest = lines.iter().map(|n| width(&format!("{label}{n}"))).max().unwrap_or(0);
        let start = text_width
            .saturating_sub(if zh { CHAR } else { 0 })
            .saturating_sub(u32::try_from(widest).unwrap_or(0) * unit / 100);
        let under_first = start + u32::try_from(width(&label)).unwrap_or(0) * unit / 100;
        if signers.is_empty() {
            let props = ParaProps { align: Some("center"), spacing: Some((gap, None)), ..rule };
            text_para(out, &props, &hint(zh), number);
        } else {
            for (i, name) in lines.iter().enumerate() {
                let last = i == lines.len() - 1;
                let mut props = if last {
                    rule.clone()
                } else {
                    ParaProps { style: Some("ZjPlain"), keep_next: true, ..ParaProps::default() }
                };
                let again = zh && i > 0;
                props.tabs = if again { vec![("left", start), ("left", under_first)] } else { vec![("left", start)] };
                props.spacing = Some((if i == 0 { gap } else { 0 }, None));
                if zh {
                    props.indent = Some((i32::try_from(CHAR).unwrap_or(315), 0, 0));
                }
                let mut runs = String::new();
                if last {
                    run(&mut runs, &hint(zh), number);
                }
                runs.push_str("<w:r><w:tab/></w:r>");
                if again {
                    runs.push_str("<w:r><w:tab/></w:r>");
                } else {
                    run(&mut runs, &hint(zh), &label);
                }
                run(&mut runs, &kai, name);
                paragraph(out, &props, &runs);
            }
        }
    } else if !o.issuer_mark.is_empty() {
        // The rule under the mark.
        paragraph(out, &ParaProps { keep_next: true, ..rule_only() }, "");
    }
    if !o.issuer_mark.is_empty() || numbered {
        // The title two blank lines under the rule.
        blank(out, true);
        if zh {
            blank(out, true);
        }
    }
}

fn rule_only() -> ParaProps {
    ParaProps {
        style: Some("ZjPlain"),
        borders: vec![("bottom", 12, RED)],
        border_space: Some(RULE_GAP_PT),
        spacing: Some((0, Some((40, "exact")))),
        ..ParaProps::default()
    }
}

/// 发文机关署名 and 成文日期 (GB/T 9704 7.3.5), after the body or the 附件说明:
/// unsealed (7.3.5.2) one blank line under it, the signature two
/// characters from the right, the date's first character two right of the
/// signature's (a longer date two from the right, the signature moved
/// left), a joint document's issuers stacked; sealed (7.3.5.1) two blank
/// lines under it, the date four characters from the right and the
/// organization centred on it, joint signatures two to a row, four lines
/// apart, the last over the date; signed by a person (7.3.5.3), the post two
/// characters left of the name, four from the right, the date under it.
pub(super) fn signature(out: &mut String, meta: &Meta, text_width: u32) {
    let o = &meta.official;
    let zh = meta.lang == Lang::Zh;
    let words = language(meta.lang);
    let date = words.date(meta.date);
    let orgs: Vec<&str> = meta.organization.all().iter().map(|t| t.as_str().trim()).collect();
    blank(out, true);
    if o.sealed || o.signer_post.is_some() {
        blank(out, true);
    }
    let para = |right: i32, keep: bool| ParaProps {
        style: Some("ZjSignature"),
        keep_next: keep,
        indent_chars: zh.then_some((0, right, 0)),
        ..ParaProps::default()
    };
    if !zh {
        let lines: Vec<String> = match (&o.signer_post, o.signer.first()) {
            (Some(post), Some(name)) => vec![name.as_str().trim().to_owned(), post.as_str().trim().to_owned()],
            _ => orgs.iter().map(|s| (*s).to_owned()).collect(),
        };
        for line in lines.iter().chain(std::iter::once(&date)) {
            let keep = *line != date;
            text_para(
                out,
                &ParaProps { style: Some("ZjSignature"), keep_next: keep, ..ParaProps::default() },
                &RunProps::default(),
                line,
            );
        }
        return;
    }
    let w_date = width(&date);
    if let (Some(post), Some(name)) = (&o.signer_post, o.signer.first()) {
        let line = format!("{}\u{3000}\u{3000}{}", post.as_str().trim(), name.as_str().trim());
        text_para(out, &para(400, true), &hint(true), &line);
        text_para(out, &para(400, false), &hint(true), &date);
    } else if o.sealed {
        // Centres in twips from the left margin: the date's, and 52 mm
        // (two seals apart) to its left.
        let date_width = u32::try_from(w_date).unwrap_or(0) * CHAR / 100;
        let centre = text_width.saturating_sub(4 * CHAR + date_width / 2);
        let left = centre.saturating_sub(APART);
        for (r, row) in orgs.chunks(signatures_a_row(&orgs, left)).enumerate() {
            if r > 0 {
                for _ in 0..4 {
                    blank(out, true);
                }
            }
            let mut props = ParaProps { style: Some("ZjPlain"), keep_next: true, ..ParaProps::default() };
            props.tabs =
                if row.len() == 2 { vec![("center", left), ("center", centre)] } else { vec![("center", centre)] };
            let mut runs = String::new();
            for name in row {
                runs.push_str("<w:r><w:tab/></w:r>");
                run(&mut runs, &hint(true), name);
            }
            paragraph(out, &props, &runs);
        }
        text_para(out, &para(400, false), &hint(true), &date);
    } else {
        // The issuers' lines start where the widest begins.
        let widest = orgs.iter().map(|s| width(s)).max().unwrap_or(0).max(w_date + 200);
        for org in &orgs {
            text_para(out, &para(200 + widest - width(org), true), &hint(true), org);
        }
        text_para(out, &para(widest - w_date, false), &hint(true), &date);
    }
}

/// How far apart two sealed signatures of a row are centred, in twips:
/// 52 mm, so that their seals (42 mm) do not touch.
const APART: u32 = 2948;

/// How many sealed signatures stand in a row: two, the first centred
/// `left` twips in, unless two names of a row would then come within a
/// character of each other (or run off the page): one, stacked, each over
/// the date. The PDF decides the same (`zj-zh-signature`).
fn signatures_a_row(orgs: &[&str], left: u32) -> usize {
    let twips = |name: &str| u32::try_from(width(name)).unwrap_or(0) * CHAR / 100;
    let fits = orgs.chunks(2).all(|pair| match pair {
        [a, b] => (twips(a) + twips(b)) / 2 + CHAR <= APART && twips(a) / 2 <= left,
        _ => true,
    });
    if fits { 2 } else { 1 }
}

/// An attachment's page: "附件1" (or "附件") at the top left in 黑体 on a
/// new page, the title centred on the third line, then `body` (converted).
pub(super) fn attachment_page(out: &mut String, meta: &Meta, number: usize, title: &str, body: &str) {
    let zh = meta.lang == Lang::Zh;
    let words = language(meta.lang);
    let many = meta.attachments.len() > 1;
    let label = match (many, zh) {
        (false, _) => words.label(Label::Attachment).to_owned(),
        (true, true) => format!("{}{number}", words.label(Label::Attachment)),
        (true, false) => format!("{} {number}", words.label(Label::Attachment)),
    };
    let heavy = RunProps { east_asia: zh.then_some(HEI), bold: !zh, hint_east_asia: zh, ..RunProps::default() };
    let props = ParaProps { style: Some("ZjPlain"), keep_next: true, page_break_before: true, ..ParaProps::default() };
    text_para(out, &props, &heavy, &label);
    blank(out, true);
    super::title_paragraph(out, title, meta.lang);
    if zh {
        blank(out, true);
    }
    out.push_str(body);
}

/// The 版记 (GB/T 9704 7.4): 抄送 (四号, one character in on each side,
/// wrapped lines under the first name), then 印发机关 on the left and
/// 印发日期 on the right, between rules as wide as the text block (0.35 mm
/// first and last, 0.25 mm between), at the foot of its page.
/// None without its fields.
pub(super) fn closing_block(meta: &Meta, text_width: u32) -> Option<String> {
    let o = &meta.official;
    if !o.has_closing_block() {
        return None;
    }
    let zh = meta.lang == Lang::Zh;
    let words = language(meta.lang);
    let (size, char) = if zh { (28, 280) } else { (20, 0) };
    let small = RunProps { size: Some(size), hint_east_asia: zh, ..RunProps::default() };
    let mut rows: Vec<String> = Vec::new();
    // Lines the rows take (a long 抄送 wraps), to stand the table on the
    // last line: 四号 characters a line, the indents left out.
    let mut lines = 0u32;
    let per_line = (text_width / 280).saturating_sub(2).max(1);
    if !o.copy_to.is_empty() {
        let label = format!("{}{}", words.label(Label::CopyTo), words.label_colon());
        let text = crate::derive::lang::names_closed(meta.lang, &o.copy_to);
        let hang = if zh { 3 * char } else { 0 };
        let props = ParaProps {
            style: Some("ZjPlain"),
            indent: Some((char + hang, char, -hang)),
            spacing: Some((0, Some((LINE, "exact")))),
            ..ParaProps::default()
        };
        let chars = u32::try_from(width(&format!("{label}{text}")) / 100 + 1).unwrap_or(1);
        lines += chars.div_ceil(per_line);
        let mut runs = String::new();
        run(&mut runs, &small, &label);
        run(&mut runs, &small, &text);
        let mut row = String::new();
        paragraph(&mut row, &props, &runs);
        rows.push(row);
    }
    if o.printed_by.is_some() || o.printed_on.is_some() {
        let props = ParaProps {
            style: Some("ZjPlain"),
            indent: Some((char, char, 0)),
            tabs: vec![("right", text_width.saturating_sub(2 * char.unsigned_abs()))],
            spacing: Some((0, Some((LINE, "exact")))),
            ..ParaProps::default()
        };
        lines += 1;
        let mut runs = String::new();
        if let Some(by) = &o.printed_by {
            run(&mut runs, &small, by.as_str().trim());
        }
        runs.push_str("<w:r><w:tab/></w:r>");
        if let Some(on) = o.printed_on {
            run(&mut runs, &small, &words.printed_on(on));
        }
        let mut row = String::new();
        paragraph(&mut row, &props, &runs);
        rows.push(row);
    }
    let mut out = String::new();
    // The 版记 stands alone on its page: space above it down to the rows'
    // lines at the foot of the text block (225 mm, 12756 twips); the
    // section is aligned to the foot too (`w:vAlign`, which Word honours).
    let above = 12756u32.saturating_sub(lines * LINE + 120);
    paragraph(
        &mut out,
        &ParaProps {
            style: Some("ZjPlain"),
            spacing: Some((0, Some((above.max(20), "exact")))),
            ..ParaProps::default()
        },
        "",
    );
    let _ = write!(
        out,
        "<w:tbl><w:tblPr><w:tblW w:w=\"{text_width}\" w:type=\"dxa\"/><w:tblBorders><w:top w:val=\"single\" w:sz=\"8\" w:space=\"0\" w:color=\"000000\"/><w:bottom w:val=\"single\" w:sz=\"8\" w:space=\"0\" w:color=\"000000\"/><w:insideH w:val=\"single\" w:sz=\"6\" w:space=\"0\" w:color=\"000000\"/></w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid><w:gridCol w:w=\"{text_width}\"/></w:tblGrid>"
    );
    for row in rows {
        let _ = write!(
            out,
            "<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w=\"{text_width}\" w:type=\"dxa\"/></w:tcPr>{row}</w:tc></w:tr>"
        );
    }
    out.push_str("</w:tbl>");
    // Word wants a paragraph after a table: one of no height.
    paragraph(
        &mut out,
        &ParaProps { style: Some("ZjPlain"), spacing: Some((0, Some((20, "exact")))), ..ParaProps::default() },
        "",
    );
    Some(out)
}

/// A text no Markdown body holds, to mark where each attachment's page
/// begins in one conversion of the body and the pages.
pub(super) fn marker(markdown: &str) -> String {
    let mut n = 0u32;
    loop {
        let candidate = format!("ZJPAGEMARK{n}X");
        if !markdown.contains(&candidate) {
            return candidate;
        }
        n += 1;
    }
}

/// The converted XML cut at the paragraphs holding `marker` and a number
/// (`0..count`): the body, then each page's part. A marker not found (a
/// page swallowed by an unclosed code fence before it) leaves its page
/// empty, its text where the fence took it.
pub(super) fn split_pages(xml: &str, marker: &str, count: usize) -> Vec<String> {
    let mut parts = vec![String::new(); count + 1];
    let mut rest = xml;
    let mut current = 0;
    for k in 0..count {
        let Some(at) = rest.find(&format!("{marker}{k}Z")) else { continue };
        let start = rest[..at].rfind("<w:p>").unwrap_or(at);
        let end = rest[at..].find("</w:p>").map_or(rest.len(), |e| at + e + "</w:p>".len());
        parts[current] = rest[..start].to_owned();
        rest = &rest[end..];
        current = k + 1;
    }
    parts[current] = rest.to_owned();
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_cut_at_their_markers() {
        let xml = "<w:p>a</w:p><w:p><w:r><w:t>M0Z</w:t></w:r></w:p><w:p>b</w:p><w:p><w:r><w:t>M1Z</w:t></w:r></w:p><w:p>c</w:p>";
        assert_eq!(split_pages(xml, "M", 2), vec!["<w:p>a</w:p>", "<w:p>b</w:p>", "<w:p>c</w:p>"]);
        assert_eq!(split_pages("<w:p>a</w:p>", "M", 1), vec!["<w:p>a</w:p>", ""]);
        assert_eq!(marker("ZJPAGEMARK0X ZJPAGEMARK1X"), "ZJPAGEMARK2X");
    }
}
