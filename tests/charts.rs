//! Charts stay inside the text block whatever their labels: bar labels wrap
//! in a column of at most 38% of the width and the bars get the rest; the
//! values are printed inside the right margin; column labels wrap in their
//! column; negative values are drawn below (left of) a zero line, their
//! values printed with the minus sign. Checked on the PDF's word boxes
//! (`pdftotext -bbox`), in English and Chinese.

mod common;

use common::{Page, Word, pdf_words, temp, yaml_string, zongjie};

const MM: f64 = 72.0 / 25.4;

/// A long label with spaces, and a long word: one character short of the
/// runs that get break opportunities, it is set smaller where it does not
/// fit.
const LONG_LABEL: &str = "Relocation loans secured from the Agricultural Development Bank of China for the county";
const LONG_WORD: &str = "Supercalifragilisticexpi";

struct Lang {
    code: &'static str,
    left: f64,
    right: f64,
}

const LANGS: [Lang; 2] =
    [Lang { code: "en", left: 25.0 * MM, right: 25.0 * MM }, Lang { code: "zh", left: 28.0 * MM, right: 26.0 * MM }];

/// Builds a report whose one item holds `chart` (the YAML of a chart block);
/// returns the pages of the PDF.
fn build(lang: &Lang, chart: &str) -> Vec<Page> {
    let dir = temp();
    let body = format!("Chart:\n\n```chart\n{chart}```\n\nEnd.\n");
    let data = format!(
        "template: progress-report\nlang: {}\ntitle: Charts\norganization: Org\ndate: 2026-12-10\nintro: Intro.\n\
         progress:\n  - title: Charts\n    body: {}\n",
        lang.code,
        yaml_string(&body)
    );
    let file = dir.path().join("c.yaml");
    std::fs::write(&file, data).unwrap();
    zongjie(["build", file.to_str().unwrap(), "-f", "pdf"]).run().expect(0);
    pdf_words(&dir.path().join("c.pdf"))
}

/// The words of all pages with their page, and the text block's edges.
fn words(pages: &[Page]) -> Vec<(usize, &Word)> {
    pages.iter().enumerate().flat_map(|(n, p)| p.words.iter().map(move |w| (n, w))).collect()
}

#[track_caller]
fn find<'a>(pages: &'a [Page], text: &str) -> &'a Word {
    let found: Vec<_> = words(pages).into_iter().filter(|(_, w)| w.text == text).collect();
    assert_eq!(found.len(), 1, "{text:?} found {} times", found.len());
    found[0].1
}

#[track_caller]
fn inside_margins(pages: &[Page], lang: &Lang) {
    for (n, w) in words(pages) {
        let right = pages[n].width - lang.right;
        assert!(
            w.x_min >= lang.left - 1.0 && w.x_max <= right + 1.0,
            "{}: page {}: {:?} runs from x = {:.1} to {:.1}, outside the text block ({:.1} to {right:.1})",
            lang.code,
            n + 1,
            w.text,
            w.x_min,
            w.x_max,
            lang.left
        );
    }
}

#[test]
fn bar_labels_wrap_in_a_bounded_column_and_bars_get_the_rest() {
    let chart = format!(
        "kind: bar\ntitle: Loans\nlabels: [{}, Short, {}, 从中国农业发展银行为全县争取的易地扶贫搬迁贷款资金总额]\nseries:\n  \
         - {{name: Target, values: [320, 12, 45.5, 100], texts: [\"320 million yuan\", \"12\", \"45.5\", \"100\"]}}\n  \
         - {{name: Actual, values: [250.75, 15, 60, 80]}}\n",
        yaml_string(LONG_LABEL),
        LONG_WORD
    );
    for lang in &LANGS {
        let pages = build(lang, &chart);
        inside_margins(&pages, lang);
        let width = pages[0].width - lang.left - lang.right;
        let column = lang.left + 0.38 * width;
        let mut label_edge: f64 = 0.0;
        for word in LONG_LABEL.split(' ').chain([LONG_WORD]) {
            // The long word may be split over lines: find its pieces.
            for (_, w) in words(&pages).into_iter().filter(|(_, w)| word.starts_with(&w.text) || w.text == word) {
                assert!(
                    w.x_max <= column + 1.0,
                    "{}: label word {:?} ends at {:.1}, past {column:.1}",
                    lang.code,
                    w.text,
                    w.x_max
                );
                label_edge = label_edge.max(w.x_max);
            }
        }
        // The largest value's bar fills the plot: its value is printed far
        // right, at least 30% of the width after the labels.
        let top = find(&pages, "320");
        assert!(
            top.x_min - label_edge >= 0.3 * width,
            "{}: the longest bar is {:.1} pt wide at most, of a {width:.1} pt text block",
            lang.code,
            top.x_min - label_edge
        );
        // And a small value's bar is short.
        let small = find(&pages, "12");
        assert!(
            small.x_min < top.x_min - 0.25 * width,
            "{}: 12 is printed at {:.1}, 320 at {:.1}",
            lang.code,
            small.x_min,
            top.x_min
        );
    }
}

#[test]
fn column_labels_wrap_in_their_column() {
    let chart = format!(
        "kind: column\ntitle: Loans\nlabels: [{}, Short, {}, Fourth, Fifth]\nseries:\n  \
         - {{name: Target, values: [320, 12, 45.5, 100, 5], texts: [\"320 million yuan\", \"12\", \"45.5\", \"100\", \"5\"]}}\n  \
         - {{name: Actual, values: [250.75, 15, 60, 80, 7]}}\n",
        yaml_string(LONG_LABEL),
        LONG_WORD
    );
    for lang in &LANGS {
        let pages = build(lang, &chart);
        inside_margins(&pages, lang);
        let width = pages[0].width - lang.left - lang.right;
        // Five columns: the first label stays in the first fifth (its
        // words may be hyphenated: all their pieces).
        let first: Vec<_> = words(&pages)
            .into_iter()
            .filter(|(_, w)| ["Reloc", "Agri", "Devel", "Bank", "coun"].iter().any(|p| w.text.starts_with(p)))
            .collect();
        assert!(first.len() >= 5, "{}: {first:?}", lang.code);
        for (_, w) in first {
            assert!(w.x_max <= lang.left + width / 5.0 + 1.0, "{}: {:?} ends at {:.1}", lang.code, w.text, w.x_max);
        }
        let short = find(&pages, "Short");
        assert!(short.x_min >= lang.left + width / 5.0, "{}: \"Short\" starts at {:.1}", lang.code, short.x_min);
    }
}

#[test]
fn negative_values_are_drawn_from_zero() {
    for lang in &LANGS {
        let chart =
            "kind: column\nlabels: [Fengxu, Laozhai, Hongmen]\nseries:\n  - {name: Change, values: [12.5, -8, 3]}\n";
        let pages = build(lang, chart);
        inside_margins(&pages, lang);
        // The value of a negative column is printed under its column, which
        // hangs from the zero line: −8 is further below 3 than 12.5 is above
        // it (values printed on a zero-height column would sit above it).
        let (big, small, negative) = (find(&pages, "12.5"), find(&pages, "3"), find(&pages, "−8"));
        assert!(
            negative.y_min - small.y_max > small.y_max - big.y_max,
            "{}: 12.5, 3 and −8 at y = {:.1}, {:.1} and {:.1}",
            lang.code,
            big.y_max,
            small.y_max,
            negative.y_min
        );
        let chart = "kind: bar\nlabels: [Fengxu, Laozhai]\nseries:\n  - {name: Change, values: [12.5, -8]}\n  - {name: Other, values: [-2, 4]}\n";
        let pages = build(lang, chart);
        inside_margins(&pages, lang);
        // Bars start from a zero line right of the labels by the length of
        // the longest negative bar (8 of 20.5); the values are printed after
        // it, the negative ones too.
        let width = pages[0].width - lang.left - lang.right;
        let labels = find(&pages, "Fengxu").x_max.max(find(&pages, "Laozhai").x_max);
        let (a, b) = (find(&pages, "−8"), find(&pages, "−2"));
        assert!((a.x_min - b.x_min).abs() < 1.0, "{}: −8 at {:.1}, −2 at {:.1}", lang.code, a.x_min, b.x_min);
        assert!(
            a.x_min - labels > 0.2 * width,
            "{}: the zero line is {:.1} pt from the labels",
            lang.code,
            a.x_min - labels
        );
        assert!(find(&pages, "12.5").x_min > a.x_min + 0.3 * width, "{}", lang.code);
    }
}
