//! The lines of a Chinese document's title. GB/T 9704-2012 (7.3.3) sets the
//! title in 二号 小标宋 on one line or several, "回行时，要做到词意完整，排列
//! 对称，长短适宜": a line breaks between words, never inside one, and the
//! lines are even. Typst and Word break Chinese between any two characters
//! ("…农村人居环境整 / 治工作…"), so zongjie chooses the lines itself and
//! gives the same lines to the PDF (an array of strings the style joins
//! with line breaks) and to the `.docx` (`w:br` in the title's paragraph).
//!
//! How the lines are chosen:
//! - The title is cut into words by jieba (its own dictionary, embedded in
//!   the program), and words that must stay together are glued: a closing
//!   mark to the word before it (，。、）》” never start a line), an opening
//!   mark to the word after it, 的/地/得/等/之/们 to the word before, a
//!   number to its 年/月/期… (2026年), the two sides of a dash (1—9月).
//!   The issuers a title opens with, before its first 关于 (`中共团风县委办公室
//!   团风县人民政府办公室关于…`), are each one piece: an office's name is
//!   never split. A conjunction jieba runs into the word before it (its
//!   dictionary holds 检查和) is cut off again.
//! - A line holds at most [`CAPACITY`] ems: the 156 mm text block over 22 pt
//!   characters (tracking 0 in the style, −0.2 pt in the `.docx`) holds 20
//!   ideographs. Digits and Latin letters count 0.6 em, a space 0.35 em.
//! - The fewest lines that fit; among those, the break points that cost
//!   least: a line's length away from the mean (one for each em, and more
//!   the further it goes), plus a cost for each break by where it falls
//!   (after 、，；： or at a space, before 关于 or 和/及/与/暨/并/同
//!   nothing; between other words more; before a head noun such as 工作,
//!   情况 or 报告, which ends the compound before it, much more; inside
//!   《》“”（） more again). A line ends on 关于, a conjunction (以及, 和,
//!   与, 及, 并, 暨, 同) or the particle 的 only where no other break fits,
//!   and not even then if one line more avoids it: the conjunction starts
//!   the next line instead. Three lines never make an hourglass (a middle
//!   line shorter than both others): the shapes are GB/T's 梯形 and 菱形.
//! - A writer's own line breaks (a newline in `title:`) win: each of the
//!   writer's lines is kept, and only one too long for a line is broken.
//! - English titles keep the writer's lines as they are: Typst and Word
//!   break English between words already (the styles do not hyphenate
//!   titles).

use std::sync::OnceLock;

use crate::base::lang::Lang;
use crate::base::text::is_cjk;

/// The width of the title's line in ems of its 22 pt characters: the text
/// block of GB/T 9704 is 156 mm wide (`margin: (left: 28mm, right: 26mm)`
/// on A4 in `templates/common/style.typ`, 11906 − 1587 − 1474 twips in the
/// `.docx`), 442.2 pt, over 22 pt (`size: 22pt`, `w:sz 44`): 20.1.
pub const CAPACITY: f64 = 156.0 / 25.4 * 72.0 / 22.0;

/// The width of a line of a bulletin's name in its masthead, in ems: the
/// text block over the smallest size the masthead sets the name in (26 pt,
/// tracked 0.08 em: `bulletin-name` in the bulletin's style): 15.7.
pub const MASTHEAD_CAPACITY: f64 = 156.0 / 25.4 * 72.0 / (26.0 * 1.08);

/// What a space counts, in ems.
const SPACE: f64 = 0.35;

/// The title's lines: the writer's lines (blank ones dropped, each
/// trimmed), and in a Chinese document each one that is wider than a line
/// of the title broken between words (see the module's text).
pub fn lines(title: &str, lang: Lang) -> Vec<String> {
    lines_within(title, lang, CAPACITY)
}

/// The title's lines as [`lines`] makes them, for lines of `capacity` ems
/// (a bulletin's name in its masthead's type).
pub fn lines_within(title: &str, lang: Lang, capacity: f64) -> Vec<String> {
    let mut out = Vec::new();
    for line in title.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if lang == Lang::Zh && width(line) > capacity {
            out.extend(break_line(line, capacity));
        } else {
            out.push(line.to_owned());
        }
    }
    out
}

/// The width of a text in ems: a wide character (ideograph, full-width mark)
/// or one of the marks Chinese shares with Latin (“ ” … —) one, a space
/// [`SPACE`], anything else 0.6.
fn width(text: &str) -> f64 {
    text.chars().map(char_width).sum()
}

fn char_width(c: char) -> f64 {
    if is_cjk(c) || matches!(c, '“' | '”' | '‘' | '’' | '…' | '—' | '·') {
        1.0
    } else if c.is_whitespace() {
        SPACE
    } else if is_mark(c) {
        0.0
    } else {
        0.6
    }
}

fn is_mark(c: char) -> bool {
    matches!(u32::from(c), 0x0300..=0x036F | 0x200B..=0x200D | 0xFE00..=0xFE0F)
}

/// The segmenter, made once (its dictionary takes about a quarter of a
/// second to load) and only when a title needs it.
fn jieba() -> &'static jieba_rs::Jieba {
    static JIEBA: OnceLock<jieba_rs::Jieba> = OnceLock::new();
    JIEBA.get_or_init(|| {
        let mut jieba = jieba_rs::Jieba::new();
        for term in TERMS {
            jieba.add_word(term, Some(TERM_FREQUENCY), None);
        }
        jieba
    })
}

/// Terms of the reports' trade that jieba's dictionary cuts in two
/// (人居 / 环境, 河长 / 制): each is one word of the title.
const TERMS: &[&str] = &[
    "人居环境",
    "农村人居环境",
    "乡村振兴",
    "精准扶贫",
    "脱贫攻坚",
    "集体经济",
    "民生实事",
    "驻村工作队",
    "第一书记",
    "基层党组织",
    "营商环境",
    "生态环境",
    "高质量发展",
    "河长制",
    "湖长制",
    "林长制",
    "厕所革命",
    "污水治理",
    "生活污水",
    "垃圾分类",
    "易地扶贫搬迁",
    "序时进度",
    "低收入人口",
    "防返贫",
    "党风廉政建设",
    "基本医疗保险",
    "三年行动",
    "全面从严治党",
    "安全生产",
    "重点项目",
    "后续扶持",
    "有效衔接",
    "衔接资金",
    "补助资金",
    "森林防灭火",
    "常态化",
    "整村推进",
    "国民经济",
    "社会发展",
    "主体责任",
    "医疗保险",
    "城乡居民",
    "秋冬种",
    "农业农村",
    "现代化",
];

/// The frequency each of [`TERMS`] gets: enough to win over its parts.
const TERM_FREQUENCY: usize = 10_000;

/// A piece of the title that a line never breaks inside.
#[derive(Debug)]
struct Atom {
    text: String,
    /// The last word jieba gave of it (`和`, `的`, `工作`): what a line
    /// ending after it would end on.
    last_word: String,
    /// A space stands between it and the atom before it (dropped where a
    /// line breaks).
    space_before: bool,
    /// How many brackets and quotes are open at its start.
    depth: usize,
}

const CLOSING: &str = "，。、；：？！）》」』”’〕】〉…·%％,.;:?!)]}";
const OPENING: &str = "（《「『“‘〔【〈([{";
const DASHES: &str = "—–-～~";
/// Characters that count the number before them (2026年, 3个, 10月份).
const COUNTERS: &str = "年月日号期届次批项个户人元万亿条座家名度季周天倍轮件所";
/// Words that join the word before them.
const SUFFIXES: [&str; 6] = ["的", "地", "得", "等", "之", "们"];
/// Words a line may start with at little cost: each begins the next part.
const CONJUNCTIONS: [&str; 7] = ["和", "及", "与", "暨", "并", "以及", "同"];
/// Head nouns: each ends the compound before it (人居环境整治工作,
/// 推进情况, 工作报告), so a break before one splits a compound.
const HEADS: [&str; 21] = [
    "工作", "情况", "问题", "报告", "汇报", "总结", "通知", "意见", "决定", "方案", "打算", "计划", "要点", "办法",
    "措施", "机制", "体系", "规定", "细则", "纪要", "请示",
];

/// The issuers a title begins with, before its first 关于, as byte ranges:
/// `中共团风县委办公室 团风县人民政府办公室关于…` names two offices, each
/// kept whole on its line (jieba would cut 团风县 / 人民政府办公室). None
/// when what comes before 关于 is no name (it holds brackets, dashes or
/// digits); a name too long for a line is not kept whole.
fn issuers(line: &str) -> Vec<std::ops::Range<usize>> {
    let Some(at) = line.find("关于") else { return Vec::new() };
    let prefix = &line[..at];
    if prefix.chars().any(|c| OPENING.contains(c) || CLOSING.contains(c) || DASHES.contains(c) || c.is_ascii_digit()) {
        return Vec::new();
    }
    let mut names = Vec::new();
    let mut start = None;
    for (i, c) in prefix.char_indices().chain(std::iter::once((at, ' '))) {
        match (c.is_whitespace(), start) {
            (false, None) => start = Some(i),
            (true, Some(from)) => {
                if width(&prefix[from..i]) <= CAPACITY {
                    names.push(from..i);
                }
                start = None;
            }
            _ => {}
        }
    }
    names
}

/// The title cut into words by jieba, with their byte ranges; a word of
/// jieba's that is a word and a conjunction run together (`检查和`, which its
/// dictionary holds) is two words, so that a line can end before the
/// conjunction. Words that end so themselves (参与, 涉及, 来得及) stay.
fn words(line: &str) -> Vec<(&str, usize, usize)> {
    let jieba = jieba();
    let mut out = Vec::new();
    for token in jieba.cut(line, true) {
        let (word, start, end) = (token.word, token.byte_start, token.byte_end);
        let last = word.chars().last().map_or(0, char::len_utf8);
        let (rest, tail) = word.split_at(word.len() - last);
        let run_together = ["和", "与", "及", "并"].contains(&tail)
            && rest.chars().count() >= 2
            && jieba.has_word(rest)
            && !["来得及", "来不及", "赶得及", "赶不及"].contains(&word);
        if run_together {
            out.push((rest, start, end - last));
            out.push((tail, end - last, end));
        } else {
            out.push((word, start, end));
        }
    }
    out
}

/// The title cut into atoms.
fn atoms(line: &str) -> Vec<Atom> {
    let mut atoms: Vec<Atom> = Vec::new();
    let mut space = false;
    let mut glue_next = false;
    let mut depth: usize = 0;
    let names = issuers(line);
    let name_of = |start: usize, end: usize| names.iter().position(|r| r.start <= start && end <= r.end);
    let mut last_name = None;
    for (word, byte_start, byte_end) in words(line) {
        if word.trim().is_empty() {
            space = true;
            last_name = None;
            continue;
        }
        let name = name_of(byte_start, byte_end);
        // Inside an issuer's name: one atom.
        let in_name = name.is_some() && name == last_name;
        last_name = name;
        let joins = atoms.last().is_some_and(|last| in_name || glue_next || joins_before(&last.text, word, space));
        match atoms.last_mut() {
            Some(last) if joins => {
                if space {
                    last.text.push(' ');
                }
                last.text.push_str(word);
                word.clone_into(&mut last.last_word);
            }
            _ => atoms.push(Atom { text: word.to_owned(), last_word: word.to_owned(), space_before: space, depth }),
        }
        for c in word.chars() {
            if OPENING.contains(c) {
                depth += 1;
            } else if matches!(c, '）' | '》' | '」' | '』' | '”' | '’' | '〕' | '】' | '〉' | ')' | ']' | '}')
            {
                depth = depth.saturating_sub(1);
            }
        }
        glue_next = word.chars().last().is_some_and(|c| OPENING.contains(c) || DASHES.contains(c));
        space = false;
    }
    atoms
}

/// Whether `word` may not start a line after `before`.
fn joins_before(before: &str, word: &str, space: bool) -> bool {
    let Some(first) = word.chars().next() else { return true };
    let last = before.chars().last().unwrap_or(' ');
    if CLOSING.contains(first) || DASHES.contains(first) || SUFFIXES.contains(&word) {
        return true;
    }
    if space {
        return false;
    }
    // 2026年, 1—9月, 10月份, 第3期: a number and the word that counts it.
    if last.is_ascii_digit() && COUNTERS.contains(first) && word.chars().count() <= 2 {
        return true;
    }
    // 5G, COVID-19: letters and digits that jieba gives as pieces.
    !is_cjk(last) && !is_cjk(first) && !last.is_whitespace()
}

/// What a break costs that only a title with no other break takes.
const LAST_RESORT: f64 = 60.0;

/// What a break before atom `at` costs.
fn break_cost(atoms: &[Atom], at: usize) -> f64 {
    let before = &atoms[at - 1].text;
    let word = atoms[at].text.as_str();
    // Free after a mark or at a space, and before 关于 or a conjunction,
    // which begin the next part.
    let free = before.ends_with(['、', '，', '；', '：', ',', ';', ':'])
        || atoms[at].space_before
        || word.starts_with("关于")
        || CONJUNCTIONS.contains(&word);
    let mut cost = if free { 0.0 } else { 3.0 };
    if HEADS.iter().any(|h| word.starts_with(h)) {
        cost += 7.0;
    }
    // A line does not end on 关于 or the conjunction that begins the next
    // part (it starts the next line instead), nor on the particle 的 that
    // ties its words to the next line's: only where no other break fits.
    let last = atoms[at - 1].last_word.as_str();
    if CONJUNCTIONS.contains(&last) || last == "的" || before.ends_with("关于") {
        cost += LAST_RESORT;
    }
    if atoms[at].depth > 0 {
        cost += 6.0;
    }
    cost
}

/// One line of the writer's, wider than a line of the title, as lines.
fn break_line(line: &str, capacity: f64) -> Vec<String> {
    let atoms = atoms(line);
    let m = atoms.len();
    // where[k]: the width of atoms 0..k laid on one line.
    let mut prefix = vec![0.0; m + 1];
    for (k, atom) in atoms.iter().enumerate() {
        let space = if k > 0 && atom.space_before { SPACE } else { 0.0 };
        prefix[k + 1] = prefix[k] + space + width(&atom.text);
    }
    let span = |i: usize, j: usize| {
        let space = if i > 0 && atoms[i].space_before { SPACE } else { 0.0 };
        prefix[j] - prefix[i] - space
    };
    // A line fits, or is one atom too wide for any line (Typst and Word
    // then break it where they can).
    let fits = |i: usize, j: usize| j == i + 1 || span(i, j) <= capacity;
    // The fewest lines: fill each as far as it goes.
    let mut n = 0;
    let mut i = 0;
    while i < m {
        let mut j = i + 1;
        while j < m && fits(i, j + 1) {
            j += 1;
        }
        n += 1;
        i = j;
    }
    let solve = |n: usize| {
        let mean = prefix[m] / n as f64;
        // Each em away from the mean costs one, and more the further it goes.
        let line_cost = |i: usize, j: usize| {
            let off = (span(i, j) - mean).abs();
            off + 0.1 * off * off
        };
        if n == 3 {
            three_lines(m, &fits, &|i, j| line_cost(i, j), &|at| break_cost(&atoms, at), &span)
        } else {
            fewest_lines(m, n, &fits, &|i, j| line_cost(i, j), &|at| break_cost(&atoms, at))
        }
    };
    // The fewest lines, unless they end a line on 关于, a conjunction or 的
    // and one line more does not.
    let last_resort = |breaks: &[usize]| breaks.iter().any(|&at| break_cost(&atoms, at) >= LAST_RESORT);
    let mut breaks = solve(n);
    if last_resort(&breaks) && n < m {
        let more = solve(n + 1);
        if more.len() == n && !last_resort(&more) {
            breaks = more;
        }
    }
    let mut out = Vec::with_capacity(breaks.len() + 1);
    let mut start = 0;
    for end in breaks.into_iter().chain(std::iter::once(m)) {
        let mut text = String::new();
        for (k, atom) in atoms[start..end].iter().enumerate() {
            if k > 0 && atom.space_before {
                text.push(' ');
            }
            text.push_str(&atom.text);
        }
        out.push(text);
        start = end;
    }
    out
}

/// The break points (the index of each line's first atom, after the first
/// line) of `n` lines of the `m` atoms that cost least.
fn fewest_lines(
    m: usize,
    n: usize,
    fits: &dyn Fn(usize, usize) -> bool,
    line_cost: &dyn Fn(usize, usize) -> f64,
    break_cost: &dyn Fn(usize) -> f64,
) -> Vec<usize> {
    // best[l][j]: the least cost of atoms 0..j on l lines, and where the
    // last of them starts.
    let mut best = vec![vec![(f64::INFINITY, 0usize); m + 1]; n + 1];
    best[0][0] = (0.0, 0);
    for l in 1..=n {
        for j in 1..=m {
            for i in (0..j).rev() {
                if !fits(i, j) {
                    break;
                }
                let (before, _) = best[l - 1][i];
                if before.is_infinite() {
                    continue;
                }
                let cost = before + line_cost(i, j) + if i > 0 { break_cost(i) } else { 0.0 };
                if cost < best[l][j].0 {
                    best[l][j] = (cost, i);
                }
            }
        }
    }
    let mut breaks = Vec::with_capacity(n);
    let mut j = m;
    for l in (1..=n).rev() {
        let i = best[l][j].1;
        if i > 0 {
            breaks.push(i);
        }
        j = i;
    }
    breaks.reverse();
    breaks
}

/// [`fewest_lines`] for three lines, where the shape counts too: the middle
/// line is not the shortest of the three by more than one em (an
/// hourglass), unless no other break fits.
fn three_lines(
    m: usize,
    fits: &dyn Fn(usize, usize) -> bool,
    line_cost: &dyn Fn(usize, usize) -> f64,
    break_cost: &dyn Fn(usize) -> f64,
    span: &dyn Fn(usize, usize) -> f64,
) -> Vec<usize> {
    let mut best = (f64::INFINITY, vec![]);
    for a in 1..m {
        if !fits(0, a) {
            break;
        }
        for b in a + 1..m {
            if !fits(a, b) {
                break;
            }
            if !fits(b, m) {
                continue;
            }
            let (top, middle, bottom) = (span(0, a), span(a, b), span(b, m));
            let hourglass = middle + 1.0 < top && middle + 1.0 < bottom;
            let cost = line_cost(0, a)
                + line_cost(a, b)
                + line_cost(b, m)
                + break_cost(a)
                + break_cost(b)
                + if hourglass { 25.0 } else { 0.0 };
            if cost < best.0 {
                best = (cost, vec![a, b]);
            }
        }
    }
    best.1
}

#[cfg(test)]
mod tests {

    /// A bulletin's name too long for its masthead breaks between words,
    /// in lines of the masthead's type.
    #[test]
    fn a_long_bulletin_name_breaks_between_words() {
        let name = "青山县乡村振兴暨巩固拓展脱贫攻坚成果同乡村振兴有效衔接工作简报";
        let lines = lines_within(name, Lang::Zh, MASTHEAD_CAPACITY);
        assert_eq!(lines, ["青山县乡村振兴", "暨巩固拓展脱贫攻坚成果", "同乡村振兴有效衔接工作简报"]);
        assert_eq!(lines_within("青山县乡村振兴工作简报", Lang::Zh, MASTHEAD_CAPACITY).len(), 1);
    }
    use super::*;

    fn zh(title: &str) -> Vec<String> {
        lines(title, Lang::Zh)
    }

    #[test]
    fn a_line_holds_twenty_ideographs_as_the_styles_set_them() {
        assert_eq!(CAPACITY.floor(), 20.0);
        let style = include_str!("../../templates/common/style.typ");
        assert!(style.contains("margin: (top: 37mm, bottom: 35mm, left: 28mm, right: 26mm)"));
        assert!(style.contains("text(..zj-zh-role(meta, \"title\"), size: 22pt,"));
        assert_eq!(zh("一二三四五六七八九十一二三四五六七八九十"), ["一二三四五六七八九十一二三四五六七八九十"]);
        assert_eq!(
            zh("一二三四五六七八九十一二三四五六七八九十一"),
            ["一二三四五六七八九十", "一二三四五六七八九十一"]
        );
    }

    /// Titles of county and town reports, 通报 and 通知, and their lines.
    const TITLES: &[(&str, &[&str])] = &[
        (
            "关于2026年团风镇农村人居环境整治工作推进情况和下一步工作打算的报告",
            &["关于2026年团风镇农村人居环境整治工作", "推进情况和下一步工作打算的报告"],
        ),
        ("关于团风县精准扶贫工作进展情况的汇报", &["关于团风县精准扶贫工作进展情况的汇报"]),
        (
            "中共中央关于接收宋庆龄同志为中国共产党正式党员的决定",
            &["中共中央关于接收宋庆龄同志", "为中国共产党正式党员的决定"],
        ),
        ("全国人民代表大会常务委员会关于教师节的决定", &["全国人民代表大会常务委员会", "关于教师节的决定"]),
        (
            "青山县2026年1—9月农村人居环境整治工作推进情况的报告",
            &["青山县2026年1—9月农村人居环境", "整治工作推进情况的报告"],
        ),
        ("石门镇2026年度乡村振兴工作总结和2027年工作打算", &["石门镇2026年度乡村振兴工作总结", "和2027年工作打算"]),
        (
            "关于进一步加强农村集体经济组织财务管理和审计监督的实施意见",
            &["关于进一步加强农村集体经济组织", "财务管理和审计监督的实施意见"],
        ),
        ("许楼村驻村工作队2025年度工作总结", &["许楼村驻村工作队2025年度工作总结"]),
        ("驻村第一书记2025年度述职报告", &["驻村第一书记2025年度述职报告"]),
        ("关于2026年上半年全县民生实事项目推进情况的通报", &["关于2026年上半年全县", "民生实事项目推进情况的通报"]),
        (
            "关于做好2026年度农村低收入人口常态化帮扶工作的通知",
            &["关于做好2026年度农村", "低收入人口常态化帮扶工作的通知"],
        ),
        (
            "关于印发《团风县农村生活污水治理三年行动方案（2026—2028年）》的通知",
            &["关于印发《团风县农村生活污水治理", "三年行动方案（2026—2028年）》的通知"],
        ),
        (
            "团风县人民政府关于2026年全县安全生产工作情况的报告",
            &["团风县人民政府关于2026年", "全县安全生产工作情况的报告"],
        ),
        (
            "关于巩固拓展脱贫攻坚成果同乡村振兴有效衔接工作情况的报告",
            &["关于巩固拓展脱贫攻坚成果", "同乡村振兴有效衔接工作情况的报告"],
        ),
        (
            "中共团风县委 团风县人民政府关于全面推进乡村振兴加快农业农村现代化的实施意见",
            &["中共团风县委 团风县人民政府关于全面推进", "乡村振兴加快农业农村现代化的实施意见"],
        ),
        ("关于开展“我为群众办实事”实践活动情况的汇报", &["关于开展“我为群众办实事”", "实践活动情况的汇报"]),
        ("关于2026年1—10月全县重点项目建设进展情况的通报", &["关于2026年1—10月全县", "重点项目建设进展情况的通报"]),
        (
            "县乡村振兴局关于2026年度衔接推进乡村振兴补助资金使用管理情况的自查报告",
            &["县乡村振兴局关于2026年度衔接推进", "乡村振兴补助资金使用管理情况的自查报告"],
        ),
        ("关于团风县2026年度河长制湖长制工作开展情况的报告", &["关于团风县2026年度河长制", "湖长制工作开展情况的报告"]),
        ("团风镇2026年工作总结和2027年工作计划", &["团风镇2026年工作总结和2027年工作计划"]),
        ("关于全县农村厕所革命整村推进工作进展情况的汇报", &["关于全县农村厕所革命", "整村推进工作进展情况的汇报"]),
        (
            "关于进一步优化营商环境促进民营经济高质量发展的若干措施",
            &["关于进一步优化营商环境促进", "民营经济高质量发展的若干措施"],
        ),
        ("关于2026年第三季度全县经济运行情况的分析报告", &["关于2026年第三季度全县", "经济运行情况的分析报告"]),
        ("关于加强和改进新时代基层党组织建设工作的意见", &["关于加强和改进新时代", "基层党组织建设工作的意见"]),
        (
            "关于对2026年度易地扶贫搬迁后续扶持工作开展督查的情况通报",
            &["关于对2026年度易地扶贫搬迁", "后续扶持工作开展督查的情况通报"],
        ),
        (
            "县委办公室关于2026年度党风廉政建设责任制落实情况的报告",
            &["县委办公室关于2026年度", "党风廉政建设责任制落实情况的报告"],
        ),
        (
            "关于2026年全县森林防灭火工作开展情况及下一步工作安排的汇报",
            &["关于2026年全县森林防灭火工作", "开展情况及下一步工作安排的汇报"],
        ),
        (
            "团风县2026年国民经济和社会发展计划执行情况与2027年计划草案的报告",
            &["团风县2026年国民经济和社会发展计划", "执行情况与2027年计划草案的报告"],
        ),
        ("关于全县农村集体经济发展壮大情况的调研报告", &["关于全县农村集体经济", "发展壮大情况的调研报告"]),
        (
            "关于下达2026年第二批中央财政衔接推进乡村振兴补助资金的通知",
            &["关于下达2026年第二批中央财政", "衔接推进乡村振兴补助资金的通知"],
        ),
        (
            "关于团风县2026年度城乡居民基本医疗保险参保缴费工作进展情况的通报",
            &["关于团风县2026年度城乡居民", "基本医疗保险参保缴费工作进展情况的通报"],
        ),
        (
            "关于转发《省农业农村厅关于做好2026年秋冬种工作的通知》的通知",
            &["关于转发《省农业农村厅关于做好", "2026年秋冬种工作的通知》的通知"],
        ),
        (
            "中共团风县委关于2026年度落实全面从严治党主体责任情况的报告",
            &["中共团风县委关于2026年度落实", "全面从严治党主体责任情况的报告"],
        ),
        ("关于2026年10月份全县民生实事项目进展情况的通报", &["关于2026年10月份全县", "民生实事项目进展情况的通报"]),
        ("关于2026年度全县农业农村工作考核结果的通报", &["关于2026年度全县", "农业农村工作考核结果的通报"]),
        (
            "驻村工作队关于许楼村2026年度帮扶工作开展情况暨2027年工作计划的报告",
            &["驻村工作队关于许楼村2026年度帮扶工作", "开展情况暨2027年工作计划的报告"],
        ),
        (
            "关于2026年团风镇农村人居环境整治、农村生活污水治理和农村厕所革命整村推进工作进展情况以及下一步工作打算的报告",
            &[
                "关于2026年团风镇农村人居环境整治、",
                "农村生活污水治理和农村厕所革命整村推进",
                "工作进展情况以及下一步工作打算的报告",
            ],
        ),
        (
            "中共团风县委办公室 团风县人民政府办公室关于印发《团风县2026年度巩固拓展脱贫攻坚成果同乡村振兴有效衔接工作要点》的通知",
            &[
                "中共团风县委办公室",
                "团风县人民政府办公室关于印发",
                "《团风县2026年度巩固拓展脱贫攻坚成果",
                "同乡村振兴有效衔接工作要点》的通知",
            ],
        ),
    ];

    #[test]
    fn titles_break_between_words_into_even_lines() {
        for (title, expected) in TITLES {
            let got = zh(title);
            assert_eq!(got, *expected, "{title}");
            for line in &got {
                assert!(width(line) <= CAPACITY, "{line} is {} ems", width(line));
            }
            assert_eq!(got.concat().replace(' ', ""), title.replace(' ', ""), "no character lost or added");
        }
    }

    /// Titles whose lines split an office of a joint issuer
    /// (`团风县 / 人民政府办公室`) or ended on a conjunction or 的 before
    /// issuers were kept whole and such breaks made a last resort.
    const WEAK_BREAKS: &[(&str, &[&str])] = &[
        (
            "团风县人民政府办公室 团风县财政局关于进一步加强和规范村级集体经济组织财务管理工作的通知",
            &["团风县人民政府办公室 团风县财政局", "关于进一步加强和规范村级集体经济", "组织财务管理工作的通知"],
        ),
        (
            "中共团风县委组织部 中共团风县委宣传部关于做好2026年度全县基层党组织书记培训工作的通知",
            &["中共团风县委组织部", "中共团风县委宣传部关于做好2026年度", "全县基层党组织书记培训工作的通知"],
        ),
        (
            "团风县应急管理局 团风县自然资源和规划局关于开展2026年度汛期地质灾害隐患排查工作的通知",
            &["团风县应急管理局 团风县自然资源和规划局", "关于开展2026年度汛期地质灾害", "隐患排查工作的通知"],
        ),
        // Three lines would end the first on 关于: four do not.
        (
            "中共团风县委办公室 团风县农业农村局关于印发《团风县2026年度巩固拓展脱贫攻坚成果同乡村振兴有效衔接工作要点》的通知",
            &[
                "中共团风县委办公室 团风县农业农村局",
                "关于印发《团风县2026年度巩固",
                "拓展脱贫攻坚成果同乡村振兴",
                "有效衔接工作要点》的通知",
            ],
        ),
        (
            "关于团风县2026年度重点民生项目的建设进展情况和资金使用管理情况的报告",
            &["关于团风县2026年度重点民生项目的建设", "进展情况和资金使用管理情况的报告"],
        ),
        // jieba's dictionary holds 检查和: the 和 starts the next line all the same.
        (
            "关于2026年全县安全生产大检查和农村饮水安全巩固提升工作情况的报告",
            &["关于2026年全县安全生产大检查", "和农村饮水安全巩固提升工作情况的报告"],
        ),
        (
            "关于团风县城乡居民基本医疗保险参保以及农村饮水安全巩固提升工作情况的报告",
            &["关于团风县城乡居民基本医疗保险参保", "以及农村饮水安全巩固提升工作情况的报告"],
        ),
    ];

    #[test]
    fn issuers_stay_whole_and_no_line_ends_on_a_conjunction_or_de() {
        for (title, expected) in WEAK_BREAKS {
            assert_eq!(zh(title), *expected, "{title}");
        }
        // 参与, 涉及, 合并 are words of their own, not a word and a conjunction.
        let words: Vec<&str> = words("群众参与涉及合并").into_iter().map(|(w, _, _)| w).collect();
        assert_eq!(words.concat(), "群众参与涉及合并");
        assert!(words.iter().all(|w| !["与", "及", "并"].contains(w)), "{words:?}");
        assert_eq!(issuers("中共团风县委办公室 团风县人民政府办公室关于印发").len(), 2);
        assert!(issuers("关于印发《省厅关于做好工作的通知》的通知").is_empty());
        assert!(issuers("转发《省厅关于做好工作的通知》的通知").is_empty());
    }

    #[test]
    fn lines_start_and_end_where_chinese_typesetting_allows() {
        for (title, _) in TITLES.iter().chain(WEAK_BREAKS) {
            let got = zh(title);
            for pair in got.windows(2) {
                let (end, start) = (pair[0].chars().last().unwrap(), pair[1].chars().next().unwrap());
                assert!(!CLOSING.contains(start) && !OPENING.contains(end), "{title}: {pair:?}");
                assert!(!pair[1].starts_with('的'), "{pair:?}");
                for word in ["关于", "和", "以及", "与", "及", "并", "的"] {
                    assert!(!pair[0].ends_with(word), "{title}: a line ends on {word}: {pair:?}");
                }
                assert!(!(end.is_ascii_digit() && COUNTERS.contains(start)), "{pair:?}");
            }
        }
    }

    #[test]
    fn the_writers_own_breaks_win() {
        assert_eq!(zh("关于团风县精准扶贫工作\n进展情况的汇报"), ["关于团风县精准扶贫工作", "进展情况的汇报"]);
        assert_eq!(zh("  第一行  \n\n  第二行\r\n"), ["第一行", "第二行"]);
        // A line of the writer's that is too long is broken in its turn.
        assert_eq!(
            zh("团风县人民政府\n关于2026年团风镇农村人居环境整治工作推进情况和下一步工作打算的报告"),
            ["团风县人民政府", "关于2026年团风镇农村人居环境整治工作", "推进情况和下一步工作打算的报告"]
        );
    }

    #[test]
    fn english_titles_keep_their_lines() {
        let long = "Report on the Progress of Rural Living Environment Improvement in Qingshan County, January to September 2026";
        assert_eq!(lines(long, Lang::En), [long]);
        assert_eq!(lines("Report on the Progress\nof the Work", Lang::En), ["Report on the Progress", "of the Work"]);
        // Chinese in an English document is not broken by zongjie either.
        let zh_title = TITLES[0].0;
        assert_eq!(lines(zh_title, Lang::En), [zh_title]);
    }

    #[test]
    fn odd_titles_give_lines_that_keep_every_character() {
        let cases: &[(&str, &[&str])] = &[
            // Nothing to break between: one line, which Typst and Word wrap.
            (
                "，，，，，，，，，，，，，，，，，，，，，，，，，，，，，，",
                &["，，，，，，，，，，，，，，，，，，，，，，，，，，，，，，"],
            ),
            (
                "Averyveryveryveryveryverylongwordwithoutanyspacesatallinsideit关于报告",
                &["Averyveryveryveryveryverylongwordwithoutanyspacesatallinsideit", "关于报告"],
            ),
            (
                "关于Tuanfeng County农村人居环境整治工作推进情况的报告",
                &["关于Tuanfeng County农村人居环境", "整治工作推进情况的报告"],
            ),
            (
                "关于（团风县）“十四五”规划实施情况中期评估和“十五五”规划编制工作的报告",
                &["关于（团风县）“十四五”规划实施情况", "中期评估和“十五五”规划编制工作的报告"],
            ),
        ];
        for (title, expected) in cases {
            assert_eq!(zh(title), *expected, "{title}");
        }
        // The longest title the contract allows: 1,000 characters, at once.
        let long = "关于2026年团风镇农村人居环境整治工作推进情况和下一步工作打算的报告".repeat(29);
        let long: String = long.chars().take(1_000).collect();
        let started = std::time::Instant::now();
        let got = zh(&long);
        assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
        assert_eq!(got.concat(), long);
        assert!(got.len() >= 50 && got.iter().all(|l| width(l) <= CAPACITY), "{got:?}");
    }
}
