//! The widths of a table's columns, for the Word file and the PDF alike.
//! Word and LibreOffice set a table's columns as the grid says
//! (`w:tblGrid`, `w:tcW`) and break whatever does not fit, a figure or a
//! word too; Typst's automatic columns, when a table is wider than the
//! page, narrow a column below its longest figure, which then runs into
//! the next cell. So the cells are measured here, by an estimate of their glyphs' advances
//! (Times New Roman for Latin letters and digits, full-width CJK), in the
//! spirit of CSS's automatic table layout: each column gets at least its
//! narrowest unbroken width and shares what is left by how much more text
//! it holds.

use crate::base::text::is_cjk;

/// What one column asks for, in twips, its cell margins included, from
/// the narrowest it can be to the widest it uses. Each level holds the one
/// below it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Need {
    /// No figure broken (a number with its sign or unit); words and CJK
    /// text broken anywhere.
    floor: u64,
    /// Nothing broken but where a line may break: at spaces, between CJK
    /// characters (not before closing punctuation, not after opening).
    hard: u64,
    /// Besides, each short cell of the body (a unit's name, a date, a
    /// person's name) on one line.
    body: u64,
    /// Besides, each short header cell on one line.
    soft: u64,
    /// Each cell's lines as they are.
    full: u64,
}

/// A line at most this wide (in thousandths of an em: 5 ideographs) is a
/// short cell, kept on one line when there is room.
const SHORT: u64 = 5000;

/// A picture asks for at least this much (2 cm), unless it is narrower.
const PICTURE_FLOOR: u64 = 1134;

impl Need {
    /// A cell's need: its text (lines split by `\n`) at `size` half-points,
    /// bold or not, with pictures of these widths (twips); `margins` twips
    /// around it.
    pub(crate) fn of_cell(text: &str, pictures: &[u64], size: u32, bold: bool, zh: bool, margins: u64) -> Need {
        // Thousandths of an em to twips: an em is `size` × 10 twips; bold
        // glyphs are some 5 % wider.
        let scale = u64::from(size) * if bold { 105 } else { 100 };
        let twips = |units: u64| (units * scale).div_ceil(10_000) + margins;
        let mut need = Need::default();
        for line in text.split('\n') {
            let line = line.trim();
            let tokens = tokens(line, zh);
            let hard = tokens.iter().map(|t| t.width).max().unwrap_or(0);
            let floor = tokens.iter().map(|t| if t.figure { t.width } else { t.widest }).max().unwrap_or(0);
            let full = width(line, zh);
            let soft = if full <= SHORT { full } else { hard };
            let body = if bold { hard } else { soft };
            need = need.max(Need {
                floor: twips(floor),
                hard: twips(hard),
                body: twips(body),
                soft: twips(soft),
                full: twips(full),
            });
        }
        for &picture in pictures {
            let least = picture.min(PICTURE_FLOOR) + margins;
            need = need.max(Need { floor: margins, hard: least, body: least, soft: least, full: picture + margins });
        }
        need
    }

    /// The narrowest width: no figure broken.
    #[cfg(test)]
    pub(crate) fn floor_width(self) -> u64 {
        self.floor
    }

    /// The width that sets every cell's lines as they are.
    pub(crate) fn full(self) -> u64 {
        self.full
    }

    /// The larger of two needs, level by level.
    pub(crate) fn max(self, other: Need) -> Need {
        Need {
            floor: self.floor.max(other.floor),
            hard: self.hard.max(other.hard),
            body: self.body.max(other.body),
            soft: self.soft.max(other.soft),
            full: self.full.max(other.full),
        }
    }

    fn levels(self) -> [u64; 5] {
        [self.floor, self.hard, self.body, self.soft, self.full]
    }
}

/// Column widths in twips: each column's full width if they all fit in
/// `text_width` (the table is then as narrow as its contents); otherwise,
/// if the columns of short cells only fit whole with the others at their
/// words, that, the rest shared by how much more text each of those holds;
/// otherwise,
/// filling `text_width`, the columns get the highest level of their needs that fits
/// all of them (short cells whole, then the body's short cells whole and
/// the header wrapped, then words and figures whole, then figures whole);
/// then, of the level above, the columns asking least get theirs first,
/// as long as it lasts, and what is left is shared by how much more text
/// each column holds: the column with the most text gets the most.
/// When not even every figure fits, the widths are in proportion to the
/// figures'.
pub(crate) fn widths(needs: &[Need], text_width: u32) -> Vec<u32> {
    let width = u64::from(text_width);
    let levels: Vec<[u64; 5]> = needs.iter().map(|n| n.levels()).collect();
    let sum = |k: usize| levels.iter().map(|l| l[k]).sum::<u64>();
    let shared = |weights: &[u64], room: u64| -> Vec<u64> {
        let total = weights.iter().sum::<u64>().max(1);
        weights.iter().map(|w| w * room / total).collect()
    };
    // A table whose every cell fits on its lines keeps that width, as the
    // PDF's does: not stretched over the page.
    if sum(4) <= width {
        return levels.iter().map(|l| u32::try_from(l[4]).unwrap_or(text_width)).collect();
    }
    // Columns of short cells only whole, and the columns of long text with
    // their body's short cells whole, or else the one with most text at its
    // words (a remark's short cells wrapped too), when that fits and keeping
    // every column's short cells whole does not: a short heading or a
    // unit's name is not broken to spare a remark a line.
    let short = |l: &[u64; 5]| l[3] == l[4];
    let most = (0..levels.len()).filter(|&i| !short(&levels[i])).max_by_key(|&i| levels[i][4]);
    let base_at = |drop: Option<usize>| -> Vec<u64> {
        let level = |(i, l): (usize, &[u64; 5])| match () {
            () if short(l) => l[4],
            () if Some(i) == drop => l[1],
            () => l[2],
        };
        levels.iter().enumerate().map(level).collect()
    };
    let fitting_base = [None, most].into_iter().map(base_at).find(|b| b.iter().sum::<u64>() <= width);
    let widths: Vec<u64> =
        if let Some(base) = fitting_base.filter(|_| sum(3) > width && levels.iter().any(|l| !short(l))) {
            let wants: Vec<u64> = levels.iter().zip(&base).map(|(l, b)| l[4] - b).collect();
            let rest = shared(&wants, width - base.iter().sum::<u64>());
            base.iter().zip(rest).map(|(b, r)| b + r).collect()
        } else if let Some(k) = (0..4).rev().find(|&k| sum(k) <= width) {
            // Up the next level, the columns that ask least first, each whole
            // while there is room (a short heading kept on its line before a
            // long remark gains a little); what is left goes by how much more
            // text each column holds.
            let mut widths: Vec<u64> = levels.iter().map(|l| l[k]).collect();
            let mut room = width - sum(k);
            let mut order: Vec<usize> = (0..levels.len()).collect();
            order.sort_by_key(|&i| (levels[i][k + 1] - levels[i][k], levels[i][4]));
            for i in order {
                let more = levels[i][k + 1] - levels[i][k];
                if more <= room {
                    widths[i] += more;
                    room -= more;
                }
            }
            let wants: Vec<u64> = levels.iter().zip(&widths).map(|(l, w)| l[4].saturating_sub(*w)).collect();
            let rest = shared(&wants, room);
            widths.iter().zip(rest).map(|(w, r)| w + r).collect()
        } else {
            let floor: Vec<u64> = levels.iter().map(|l| l[0]).collect();
            shared(&floor, width)
        };
    let mut widths: Vec<u32> = widths.into_iter().map(|w| u32::try_from(w).unwrap_or(text_width)).collect();
    // What rounding down left over goes to the widest column.
    let left = text_width.saturating_sub(widths.iter().sum());
    if let Some(widest) = widths.iter_mut().max() {
        *widest += left;
    }
    widths
}

/// The smaller sizes, in half-points, a table steps down to when its
/// cells do not fit at the table text's size: English 10, 9 and 8 pt;
/// Chinese 四号 and 小四 (14 and 12 pt), its rows still whole lines of the
/// grid. The Word file has a table text style for each.
pub(crate) fn smaller(zh: bool) -> &'static [u32] {
    if zh { &[28, 24] } else { &[20, 18, 16] }
}

/// The size at which a table fits `width`: English words and figures
/// whole; Chinese, besides, the short cells of its body (a unit's name, a
/// person's): `size` if they do there, else the largest of [`smaller`]
/// below it at which they do, else the smallest. `needs_at` gives the
/// columns' needs at a size.
pub(crate) fn fitting_size(size: u32, width: u32, zh: bool, needs_at: impl Fn(u32) -> Vec<Need>) -> u32 {
    let level = |n: &Need| if zh { n.body } else { n.hard };
    let fits = |s: u32| needs_at(s).iter().map(level).sum::<u64>() <= u64::from(width);
    let steps: Vec<u32> = smaller(zh).iter().copied().filter(|&s| s < size).collect();
    match steps.last() {
        Some(&smallest) if !fits(size) => steps.into_iter().find(|&s| fits(s)).unwrap_or(smallest),
        _ => size,
    }
}

/// A piece of a line that no line break divides.
#[derive(Debug, PartialEq, Eq)]
struct Token {
    /// Thousandths of an em.
    width: u64,
    /// Its widest character's width.
    widest: u64,
    /// Whether it holds a digit (a figure, a date, a percentage).
    figure: bool,
}

/// The line's unbreakable pieces: a break may come at a space, and before
/// or after a CJK character, but not before closing punctuation or after
/// opening punctuation, nor between a figure and its sign (as Unicode's
/// line breaking rules have it, roughly).
fn tokens(line: &str, zh: bool) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut current: Option<Token> = None;
    let mut prev: Option<char> = None;
    for c in line.chars() {
        if c.is_whitespace() {
            tokens.extend(current.take());
            prev = None;
            continue;
        }
        let wide = |c: char| is_cjk(c) || c == '—';
        let breaks = prev.is_some_and(|p| {
            !CLOSING.contains(c) && !OPENING.contains(p) && (wide(p) || wide(c) || (p == '-' && c.is_alphabetic()))
        });
        if breaks {
            tokens.extend(current.take());
        }
        let w = advance(c, zh);
        let token = current.get_or_insert(Token { width: 0, widest: 0, figure: false });
        token.width += w;
        token.widest = token.widest.max(w);
        token.figure |= c.is_ascii_digit();
        prev = Some(c);
    }
    tokens.extend(current);
    tokens
}

/// No line break before these.
const CLOSING: &str = "，。、；：？！）》」』】〕〉”’…％,.;:?!)]%";
/// No line break after these.
const OPENING: &str = "（《「『【〔〈“‘([";

/// A line's width in thousandths of an em.
fn width(line: &str, zh: bool) -> u64 {
    line.chars().map(|c| advance(c, zh)).sum()
}

/// A character's advance in thousandths of an em: Times New Roman's for
/// Latin letters, digits and signs (rounded up), a full em for CJK and
/// for the punctuation Chinese sets full-width.
fn advance(c: char, zh: bool) -> u64 {
    match c {
        _ if is_cjk(c) => 1000,
        '“' | '”' | '‘' | '’' | '·' if zh => 1000,
        '—' | '…' => 1000,
        '“' | '”' => 444,
        '‘' | '’' | '\'' => 333,
        '·' | ' ' | '.' | ',' | ':' | ';' | '!' | '/' => 278,
        'i' | 'j' | 'l' | 't' | 'f' | 'r' | 'I' => 333,
        'm' => 778,
        'w' => 722,
        'M' | 'W' => 944,
        'a'..='z' | '0'..='9' | '#' | '$' | '*' | '?' | '"' => 500,
        'A'..='Z' => 722,
        '%' => 833,
        '&' => 778,
        '@' => 921,
        '(' | ')' | '[' | ']' | '-' => 333,
        '+' | '=' | '<' | '>' => 564,
        c if c.is_alphabetic() => 600,
        _ => 600,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A column of these cells at 三号 (16 pt), the first the header's,
    /// the cell margins of 180 twips.
    fn column(cells: &[&str]) -> Need {
        let cell = |(i, text): (usize, &&str)| Need::of_cell(text, &[], 32, i == 0, true, 180);
        cells.iter().enumerate().map(cell).fold(Need::default(), Need::max)
    }

    #[test]
    fn figures_keep_their_signs_and_cjk_breaks_between_characters() {
        let pieces = |line: &str| tokens(line, true).into_iter().map(|t| t.width).collect::<Vec<_>>();
        // 96.5% is one piece: 3 digits, a point, a percent sign.
        assert_eq!(pieces("96.5%"), [3 * 500 + 278 + 833]);
        assert_eq!(pieces("1,234.56"), [6 * 500 + 2 * 278]);
        // 进度滞后，已约谈“一把手”: the comma stays with 后, the quotes
        // with the characters inside them.
        assert_eq!(pieces("后，已“一”"), [2000, 1000, 3000]);
        assert_eq!(pieces("2026年3月"), [2000, 1000, 500, 1000]);
        assert_eq!(pieces("Zhang San"), [722 + 4 * 500, 722 + 2 * 500]);
    }

    #[test]
    fn a_table_that_fits_keeps_the_width_of_its_contents() {
        let columns = [column(&["乡镇", "城关镇"]), column(&["户数", "620"])];
        let widths = widths(&columns, 8844);
        // 城关镇 at 16 pt and its margins; the bold 户数 (5 % wider).
        assert_eq!(widths, [3 * 320 + 180, 2 * 320 * 105 / 100 + 180], "{widths:?}");
    }

    #[test]
    fn each_column_is_as_wide_as_its_longest_figure_and_the_remarks_share_the_rest() {
        // The repro of the report: eight columns, headers longer than the
        // figures, long remarks.
        let columns = [
            column(&["乡镇", "城关镇", "南河乡"]),
            column(&["任务（户）", "620"]),
            column(&["完成（户）", "598"]),
            column(&["完成率", "96.5%", "100.0%"]),
            column(&["资金（万元）", "1,234.56"]),
            column(&["验收合格率", "99.1%", "100.0%"]),
            column(&["负责人", "张三"]),
            column(&["备注说明", "全面完成，含<特殊>户", "进度滞后，已约谈“一把手”"]),
        ];
        let widths = widths(&columns, 8844);
        assert_eq!(widths.iter().sum::<u32>(), 8844, "{widths:?}");
        // 100.0% at 16 pt: 4 digits, a point and a sign, 3.9 em.
        let percent = (4 * 500 + 278 + 833) * 32 / 100 + 180;
        assert!(widths[3] >= percent && widths[5] >= percent, "{widths:?}");
        assert!(widths[4] >= (6 * 500 + 2 * 278) * 32 / 100 + 180, "{widths:?}");
        // 南河乡 is a short cell: whole.
        assert!(widths[0] >= 3 * 320 + 180, "{widths:?}");
        // The remarks wrap, but get no more than their share.
        assert!(widths[7] < 8844 / 3, "{widths:?}");
    }

    #[test]
    fn short_cells_stay_whole_while_there_is_room_and_figures_win_when_there_is_none() {
        // Twelve columns of dates and figures: the dates' figures stay
        // whole even when the dates cannot.
        let date = column(&["开工时间", "2026年3月"]);
        let money = column(&["总投资（万元）", "1,280.50"]);
        let name = column(&["项目名称", "稻虾共作基地（一期）扩建工程"]);
        let roomy = widths(&[date, money, name], 8844);
        assert!(roomy[0] >= (4 * 500 + 2000) * 32 / 100 + 180, "{roomy:?}");
        let tight = widths(&[date, date, date, date, money, money, money, name, name, name], 8844);
        assert!(tight[0] >= 4 * 500 * 32 / 100 + 180, "{tight:?}");
        assert!(tight[4] >= (6 * 500 + 2 * 278) * 32 / 100 + 180, "{tight:?}");
        assert_eq!(tight.iter().sum::<u32>(), 8844);
        // More figures than the width holds: in proportion, nothing lost.
        let crowded = widths(&[money; 12], 8844);
        assert_eq!(crowded.iter().sum::<u32>(), 8844);
        assert!(crowded.iter().all(|&w| w == 737), "{crowded:?}");
    }

    #[test]
    fn short_headings_stay_whole_before_a_long_remark_gains() {
        // The black-box report's table: 目标 and 完成 broke into 目/标 while
        // the remarks and the telephone numbers had room to give.
        let columns = [
            column(&["乡镇", "石门镇", "黄土岗镇"]),
            column(&["目标", "520", "610"]),
            column(&["完成", "488", "590"]),
            column(&["完成率", "93.8%", "96.7%"]),
            column(&["责任人", "张三", "王五"]),
            column(&["备注说明", "已完成第三方验收，问题户全部整改到位", "进度滞后"]),
            column(&["联系电话", "0713-12345678", "13800138000"]),
        ];
        let widths = widths(&columns, 8854);
        let bold = |chars: u32| chars * 320 * 105 / 100 + 180;
        for (i, chars) in [(1, 2), (2, 2), (3, 3), (4, 3)] {
            assert!(widths[i] >= bold(chars), "column {i}: {widths:?}");
        }
        assert!(widths[0] >= 4 * 320 + 180, "黄土岗镇 whole: {widths:?}");
        assert_eq!(widths.iter().sum::<u32>(), 8854);
    }

    #[test]
    fn a_units_name_is_not_broken_for_a_heading() {
        // Nine columns at 小四: 石门镇 whole (its column's long 黄土岗镇人民政府
        // wraps), though short headings then wrap.
        let at = |cells: &[&str]| {
            cells
                .iter()
                .enumerate()
                .map(|(i, t)| Need::of_cell(t, &[], 24, i == 0, true, 180))
                .fold(Need::default(), Need::max)
        };
        let columns = [
            at(&["乡镇", "石门镇", "黄土岗镇人民政府"]),
            at(&["年度目标（户）", "520"]),
            at(&["已完成（户）", "488"]),
            at(&["完成率", "93.8%"]),
            at(&["投入资金（万元）", "1250.6"]),
            at(&["责任人", "张三"]),
            at(&["备注说明", "已完成第三方验收，问题户全部整改到位", "—"]),
            at(&["验收情况", "待验收"]),
            at(&["联系电话", "0713-12345678"]),
        ];
        let widths = widths(&columns, 8854);
        assert!(widths[0] >= 3 * 240 + 180 && widths[7] >= 3 * 240 + 180, "{widths:?}");
    }

    #[test]
    fn an_english_table_steps_down_until_its_words_fit() {
        let needs_at = |words: &'static [&'static str]| {
            move |size: u32| words.iter().map(|w| Need::of_cell(w, &[], size, false, false, 180)).collect::<Vec<_>>()
        };
        let words: &[&str] = &["Households", "Population", "Cooperatives", "Investment", "Completion"];
        // Five words fit at 11 pt on 160 mm.
        assert_eq!(fitting_size(22, 9072, false, needs_at(words)), 22);
        // Eight do not, nor at 10 pt, but at 9 pt.
        let eight: &[&str] = &[
            "Township",
            "Households",
            "Population",
            "Cooperatives",
            "Investment",
            "Completion",
            "Employment",
            "Enterprises",
        ];
        assert_eq!(fitting_size(22, 9072, false, needs_at(eight)), 18);
        let ten: &[&str] = &[
            "Township",
            "Households",
            "Population",
            "Cooperatives",
            "Investment",
            "Completion",
            "Employment",
            "Enterprises",
            "Villages",
            "Difference",
        ];
        // Ten never do, with their cells' margins: the smallest step.
        assert_eq!(fitting_size(22, 9072, false, needs_at(ten)), 16);
        // Nothing smaller than the size itself.
        assert_eq!(fitting_size(16, 9072, false, needs_at(ten)), 16);
        assert_eq!(fitting_size(23, 9072, false, needs_at(words)), 23);
    }

    #[test]
    fn a_picture_asks_for_its_width() {
        let need = Need::of_cell("", &[9000], 22, false, false, 180);
        assert_eq!(need.full, 9180);
        assert_eq!(need.hard, PICTURE_FLOOR + 180);
        let w = widths(&[need, Need::of_cell("a picture in a cell", &[], 22, false, false, 180)], 9072);
        // "picture": p i c t u r e, 3 em at 11 pt.
        assert!(w[0] > 5000 && w[1] >= (4 * 500 + 3 * 333) * 22 / 100 + 180, "{w:?}");
    }
}
