//! Putting Markdown fields together without one changing another: every
//! Markdown field is sealed (an unclosed code fence or HTML block would
//! swallow the rest of the document), and text added to a field — a run-in
//! lead, a closing sentence — is kept only if the field's structure stays as
//! it was; otherwise it goes in a paragraph of its own.

use std::borrow::Cow;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::escape;
use super::parser_options;
use crate::base::text::is_cjk;

/// A paragraph no Markdown field can contain: it must come out of the
/// parser as a top-level paragraph after the field if the field is closed.
const SENTINEL: &str = "zongjie\u{2063}sentinel";

/// Closers tried, in order, on a field that swallows what follows it.
const CLOSERS: &[&str] = &["-->", "?>", ">", "]]>", "</script>", "</pre>", "</style>", "</textarea>"];

/// The field, closed so that nothing after it in the document can become
/// part of it.
pub fn seal(markdown: &str) -> Cow<'_, str> {
    if is_sealed(markdown) {
        return Cow::Borrowed(markdown);
    }
    let trimmed = markdown.trim_end();
    let mut candidates: Vec<String> = fence_closers(trimmed).into_iter().map(|f| format!("{trimmed}\n{f}\n")).collect();
    candidates.extend(CLOSERS.iter().map(|c| format!("{trimmed}\n{c}\n")));
    for candidate in candidates {
        if is_sealed(&candidate) {
            return Cow::Owned(candidate);
        }
    }
    // Nothing closes it: keep every character, as plain text.
    Cow::Owned(markdown.lines().map(escape::markdown).collect::<Vec<_>>().join("\n\n"))
}

/// The field with its footnote labels made its own: every field of a
/// document ends up in one Markdown body, where two fields that both number
/// their notes `[^1]` would share one note and lose the other. Each label
/// gets a prefix drawn from the field's text (`[^1]` → `[^n3f9a1c-1]`);
/// readers see numbers, never labels.
pub fn own_footnotes(markdown: &str) -> Cow<'_, str> {
    if !markdown.contains("[^") {
        return Cow::Borrowed(markdown);
    }
    let mut at: Vec<usize> = Parser::new_ext(markdown, parser_options())
        .into_offset_iter()
        .filter(|(e, _)| matches!(e, Event::FootnoteReference(_) | Event::Start(Tag::FootnoteDefinition(_))))
        .filter_map(|(_, range)| {
            let start = range.start + markdown[range.start..range.end].find("[^")?;
            Some(start + 2)
        })
        .collect();
    if at.is_empty() {
        return Cow::Borrowed(markdown);
    }
    at.sort_unstable();
    at.dedup();
    let prefix = format!("n{:06x}-", super::fnv1a(markdown.as_bytes()) & 0xff_ffff);
    let mut out = String::with_capacity(markdown.len() + at.len() * prefix.len());
    let mut last = 0;
    for i in at {
        out.push_str(&markdown[last..i]);
        out.push_str(&prefix);
        last = i;
    }
    out.push_str(&markdown[last..]);
    Cow::Owned(out)
}

/// The level below which a field's own headings go: the templates' sections
/// are level 1 and their items level 2, so a heading a person writes inside
/// a field is at least level 3.
pub const FIELD_HEADING_LEVEL: usize = 3;

/// The field with its headings demoted so that the highest is at
/// [`FIELD_HEADING_LEVEL`], keeping their order among themselves (at most
/// level 6): a `# Heading` written inside an item's body never becomes a
/// section of the document. Setext headings (`Title` over `===`) become ATX
/// headings of the new level.
pub fn demote_headings(markdown: &str) -> Cow<'_, str> {
    if !markdown.contains('#') && !markdown.contains("==") && !markdown.contains("--") {
        return Cow::Borrowed(markdown);
    }
    // Each heading: its range, level, and the range of its inline content.
    let mut headings: Vec<(std::ops::Range<usize>, usize, Option<std::ops::Range<usize>>)> = Vec::new();
    for (event, range) in Parser::new_ext(markdown, parser_options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, .. }) => headings.push((range, level as usize, None)),
            Event::End(TagEnd::Heading(_)) => {}
            _ => {
                if let Some((outer, _, inner)) = headings.last_mut()
                    && range.start >= outer.start
                    && range.end <= outer.end
                {
                    let start = inner.as_ref().map_or(range.start, |r| r.start.min(range.start));
                    let end = inner.as_ref().map_or(range.end, |r| r.end.max(range.end));
                    *inner = Some(start..end);
                }
            }
        }
    }
    let Some(top) = headings.iter().map(|h| h.1).min() else { return Cow::Borrowed(markdown) };
    let shift = FIELD_HEADING_LEVEL.saturating_sub(top);
    if shift == 0 {
        return Cow::Borrowed(markdown);
    }
    let mut out = String::with_capacity(markdown.len() + headings.len() * shift);
    let mut last = 0;
    for (range, level, inner) in headings {
        if range.start < last {
            continue;
        }
        let new_level = (level + shift).min(6);
        out.push_str(&markdown[last..range.start]);
        let source = &markdown[range.clone()];
        if source.starts_with('#') {
            // ATX: `## x` → `#### x`.
            let hashes = source.chars().take_while(|c| *c == '#').count();
            out.push_str(&"#".repeat(new_level));
            out.push_str(&source[hashes..]);
        } else {
            // Setext: the text on one ATX line, container prefixes of its
            // continuation lines dropped.
            let text = inner.map_or("", |r| &markdown[range.start..r.end.max(range.start)]);
            let mut joined: Vec<&str> = Vec::new();
            for (n, line) in text.lines().enumerate() {
                // A continuation line starts with its container's prefix.
                let line = if n == 0 { line } else { line.trim_start_matches(|c: char| c == '>' || c.is_whitespace()) };
                joined.push(line.trim_end());
            }
            out.push_str(&"#".repeat(new_level));
            out.push(' ');
            out.push_str(&joined.join(" "));
            if source.ends_with('\n') {
                out.push('\n');
            }
        }
        last = range.end;
    }
    out.push_str(&markdown[last..]);
    Cow::Owned(out)
}

/// Closing fences for every fence opened in the text (longest first).
fn fence_closers(text: &str) -> Vec<String> {
    let mut closers: Vec<String> = text
        .lines()
        .filter_map(|l| {
            let t = l.trim_start();
            let c = t.chars().next().filter(|c| *c == '`' || *c == '~')?;
            let n = t.chars().take_while(|x| *x == c).count();
            (n >= 3).then(|| c.to_string().repeat(n))
        })
        .collect();
    closers.sort_by_key(|c| std::cmp::Reverse(c.len()));
    closers.dedup();
    closers
}

fn is_sealed(markdown: &str) -> bool {
    let probe = format!("{markdown}\n\n{SENTINEL}\n");
    let mut depth = 0usize;
    let mut last_top = None;
    for event in Parser::new_ext(&probe, parser_options()) {
        match event {
            Event::Start(tag) => {
                if depth == 0 {
                    last_top = Some(matches!(tag, Tag::Paragraph));
                }
                depth += 1;
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Text(t) if depth == 1 && last_top == Some(true) && t.as_ref() == SENTINEL => return true,
            _ => {}
        }
    }
    false
}

/// The sequence of tags a parse opens and closes, which must not change
/// when text is added to a field.
fn shape(markdown: &str) -> Vec<String> {
    Parser::new_ext(markdown, parser_options())
        .filter_map(|e| match e {
            Event::Start(tag) => Some(format!("{tag:?}")),
            Event::End(tag) => Some(format!("/{tag:?}")),
            Event::Html(_) | Event::InlineHtml(_) => Some("html".into()),
            Event::Code(_) => Some("code".into()),
            Event::FootnoteReference(_) => Some("footnote".into()),
            Event::Rule => Some("rule".into()),
            Event::TaskListMarker(_) => Some("task".into()),
            Event::HardBreak => Some("br".into()),
            _ => None,
        })
        .collect()
}

/// Whether a space goes between two pieces of text (not next to CJK).
fn joiner(before: &str, after: &str) -> &'static str {
    let b = before.chars().last();
    let a = after.chars().next();
    match (b, a) {
        // A Chinese sentence the writer left without its full stop, and a
        // Chinese sentence after it: 。 ends the first.
        (Some(b), Some(a)) if is_cjk(b) && is_cjk(a) && b.is_alphanumeric() && a.is_alphanumeric() => "。",
        (Some(b), _) if b.is_ascii_punctuation() => " ",
        (Some(b), Some(a)) if is_cjk(b) || is_cjk(a) => "",
        _ => " ",
    }
}

/// `markdown` with the plain text `text` added at the end of its last
/// paragraph, or as a paragraph of its own.
pub fn append_to_last(markdown: &str, text: &str) -> String {
    let body = markdown.trim_end();
    let text = escape::markdown(text.trim());
    if text.is_empty() {
        return body.to_owned();
    }
    if body.is_empty() {
        return text;
    }
    let mut last_end = None;
    let mut paragraph_end = None;
    for (event, range) in Parser::new_ext(body, parser_options()).into_offset_iter() {
        if let Event::End(end) = event {
            last_end = Some(end);
            if end == TagEnd::Paragraph {
                paragraph_end = Some(range.end);
            }
        }
    }
    if last_end == Some(TagEnd::Paragraph)
        && let Some(end) = paragraph_end
    {
        let at = body[..end].trim_end().len();
        let candidate = format!("{}{}{text}{}", &body[..at], joiner(&body[..at], &text), &body[at..]);
        let mut expected = shape(body);
        let mut got = shape(&candidate);
        // Adding escaped text may only split or merge text events.
        expected.retain(|t| t != "br");
        got.retain(|t| t != "br");
        if expected == got {
            return candidate;
        }
    }
    format!("{body}\n\n{text}")
}

/// `markdown` with `lead` as a bold run-in heading at the start of its first
/// paragraph, or on a paragraph of its own. The lead's final stop stays
/// outside the bold where a character other than a space follows, since
/// `**…。**全县` is not bold in CommonMark.
pub fn run_in(markdown: &str, lead: &str) -> String {
    // Blank lines go, but not the indentation of the first line: four
    // spaces make a code block.
    let body = markdown.trim_end().trim_start_matches(['\n', '\r']);
    let body = match body.find(|c: char| !c.is_whitespace()) {
        Some(at) if !body[..at].contains('\n') => body,
        Some(at) => &body[body[..at].rfind('\n').map_or(0, |nl| nl + 1)..],
        None => "",
    };
    let lead = lead.trim();
    let (words, stop) = match lead.char_indices().last() {
        Some((i, '.' | ':' | ';' | '。' | '：' | '；' | '，' | ',')) => (&lead[..i], &lead[i..]),
        _ => (lead, ""),
    };
    // A title that ends its own sentence ("…a question?") takes no second stop.
    let stop = if words.ends_with(['.', '?', '!', '。', '？', '！', '…']) && matches!(stop, "." | "。") {
        ""
    } else {
        stop
    };
    let strong = if words.is_empty() { String::new() } else { format!("**{}**", escape::markdown(words)) };
    let stop = escape::markdown(stop);
    let alone = if words.is_empty() { stop.clone() } else { format!("**{}{stop}**", escape::markdown(words)) };
    if body.is_empty() {
        return alone;
    }
    let first = Parser::new_ext(body, parser_options()).into_offset_iter().next();
    if let Some((Event::Start(Tag::Paragraph), range)) = first {
        let (before, rest) = body.split_at(range.start);
        // Chinese runs on with no space: `**一是……**。全县`. The stop stays
        // outside the bold, since `**…。**全县` is not bold in CommonMark.
        let chinese_stop = stop.chars().next().is_some_and(is_cjk);
        let inline = if chinese_stop || (stop.is_empty() && rest.chars().next().is_some_and(is_cjk)) {
            format!("{strong}{stop}{rest}")
        } else if stop.is_empty() {
            format!("{strong} {rest}")
        } else {
            format!("**{}{stop}** {rest}", escape::markdown(words))
        };
        let candidate = format!("{before}{inline}");
        let mut got = shape(&candidate);
        if let Some(i) = got.iter().position(|t| t == "Strong") {
            got.remove(i);
            if let Some(j) = got.iter().position(|t| t == "/Strong") {
                got.remove(j);
            }
        }
        if strong.is_empty() || got == shape(body) {
            return candidate;
        }
    }
    format!("{alone}\n\n{body}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_in_a_field_go_below_the_templates_sections() {
        assert_eq!(demote_headings("# Top\n\ntext\n\n## Sub\n"), "### Top\n\ntext\n\n#### Sub\n");
        assert_eq!(demote_headings("Title\n=====\n\nbody\n"), "### Title\n\nbody\n");
        assert_eq!(demote_headings("> Two\n> lines\n> ---\n"), "> ### Two lines\n");
        assert_eq!(demote_headings("- # in a list\n"), "- ### in a list\n");
        assert_eq!(demote_headings("\\> foo\n------\n"), "### \\> foo\n");
        assert_eq!(demote_headings("#### deep\n###### deepest\n"), "#### deep\n###### deepest\n");
        assert_eq!(demote_headings("# a\n###### f\n"), "### a\n###### f\n");
        // Not headings: left alone.
        for text in ["#hashtag and 3 # 4", "a --- b", "```\n# code\n```\n", "x\n\n---\n"] {
            assert_eq!(demote_headings(text), text);
        }
    }

    #[test]
    fn unclosed_constructs_are_sealed() {
        for field in [
            "```\ncode",
            "~~~~ rust\nfn x",
            "````\n```\nstill code",
            "<!-- a comment",
            "<?php echo",
            "<!DOCTYPE",
            "<![CDATA[ x",
            "<script>\nalert(1)",
            "<pre>\nx",
            "<style>\np{}",
            "<div>\nopen",
            "- list\n  lazy",
            "> quote",
            "[^1]: footnote\n    more",
            "    indented code",
            "plain",
        ] {
            let sealed = seal(field);
            assert!(is_sealed(&sealed), "{field:?} → {sealed:?}");
            for word in field.split_whitespace().filter(|w| w.chars().all(char::is_alphanumeric)) {
                assert!(sealed.contains(word), "{field:?} lost {word}");
            }
        }
        assert!(matches!(seal("a *b*\n\nc"), Cow::Borrowed(_)));
    }

    #[test]
    fn appends_inside_the_last_paragraph_when_safe() {
        assert_eq!(append_to_last("In line with …", "Reported as follows:"), "In line with … Reported as follows:");
        assert_eq!(append_to_last("按照要求。", "现将有关情况报告如下："), "按照要求。现将有关情况报告如下：");
        assert_eq!(append_to_last("农民持续增收", "现将有关情况报告如下："), "农民持续增收。现将有关情况报告如下：");
        assert_eq!(append_to_last("收入达2万元", "（白果镇供稿）"), "收入达2万元（白果镇供稿）");
        assert_eq!(append_to_last("Done.", "县委"), "Done. 县委");
        assert_eq!(append_to_last("- a\n- b", "Next."), "- a\n- b\n\nNext.");
        // A reference definition after the paragraph stays a definition.
        assert_eq!(append_to_last("*[foo*][ref]\n\n[ref]: /uri", "x"), "*[foo*][ref] x\n\n[ref]: /uri");
        // `*` alone on the last line would become a list marker.
        assert_eq!(append_to_last("*foo bar\n*", "The work:"), "*foo bar\n*\n\nThe work:");
        assert_eq!(append_to_last("a", "*b*"), "a \\*b\\*");
    }

    #[test]
    fn runs_in_at_the_first_paragraph_when_safe() {
        assert_eq!(
            run_in("全县共选派292支工作队。", "一是选派驻村工作队。"),
            "**一是选派驻村工作队**。全县共选派292支工作队。"
        );
        assert_eq!(
            run_in("A group was set up.", "The first is to set up the headquarters."),
            "**The first is to set up the headquarters.** A group was set up."
        );
        assert_eq!(run_in("- a\n- b", "Second, plans."), "**Second, plans.**\n\n- a\n- b");
        assert_eq!(run_in("    code", "Lead."), "**Lead.**\n\n    code");
        assert_eq!(run_in("\n  \n    code\n", "Lead."), "**Lead.**\n\n    code");
        assert_eq!(run_in("Body.", "Is it done?."), "**Is it done?** Body.");
        assert_eq!(run_in("Body.", "The first is to open the 团风站."), "**The first is to open the 团风站.** Body.");
        assert_eq!(run_in("全县推进。", "一是加强领导。"), "**一是加强领导**。全县推进。");
        assert_eq!(run_in("", "Third *x*"), "**Third \\*x\\***");
        assert_eq!(run_in("[ref]: /u\n\nText [ref].", "Lead."), "[ref]: /u\n\n**Lead.** Text [ref].");
        assert_eq!(run_in("=== \nx", "Lead."), "**Lead.** === \nx");
    }
}
