//! The scores as an inline SVG bar chart for the HTML report: one bar per outcome, the
//! recommendation highlighted, negative scores extending left of a zero line. Plain SVG with no
//! script or external font, so it prints as it shows.

use std::fmt::Write as _;

use super::{number, text};
use crate::report::outline::Score;
use crate::text::{truncate, wrap};

/// How many characters of a label one line holds left of the bars (13px text, bold at most).
const LABEL_COLUMNS: usize = 30;

/// A label in one or two lines that fit left of the bars; a longer one is cut short.
fn label_lines(label: &str) -> Vec<String> {
    let wrapped = wrap(label, LABEL_COLUMNS, "", "");
    let mut lines = wrapped.lines();
    let first = truncate(lines.next().unwrap_or_default(), LABEL_COLUMNS);
    let rest: Vec<&str> = lines.collect();
    match rest.is_empty() {
        true => vec![first],
        false => vec![first, truncate(&rest.join(" "), LABEL_COLUMNS)],
    }
}

/// The scores as horizontal bars, the recommendation highlighted; negative scores extend left
/// of a zero line.
pub(super) fn scores(scores: &[Score]) -> String {
    let mut out = String::new();
    let labels: Vec<Vec<String>> = scores.iter().map(|s| label_lines(&s.label)).collect();
    // Rows grow when a label takes two lines, all alike so the bars stay evenly spaced.
    let row = match labels.iter().any(|l| l.len() > 1) {
        true => 40.0,
        false => 30.0,
    };
    let (label_width, bar_width, value_width) = (250.0, 330.0, 60.0);
    let width = label_width + bar_width + value_width;
    let height = row * scores.len() as f64 + 10.0;
    let low = scores.iter().map(|s| s.points).min().unwrap_or(0).min(0);
    let high = scores.iter().map(|s| s.points).max().unwrap_or(0).max(0);
    let span = (high - low).max(1) as f64;
    let scale = |v: i64| label_width + (v - low) as f64 / span * bar_width;
    let zero = scale(0);
    let described: Vec<String> = scores
        .iter()
        .map(|s| format!("{} {}", s.label, number(s.points)))
        .collect();
    let _ = write!(
        out,
        "<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" \
         role=\"img\" aria-label=\"Scores: {}\">\n",
        text(&described.join(", "))
    );
    for (i, (s, label)) in scores.iter().zip(&labels).enumerate() {
        let score = s.points;
        let y = 5.0 + row * i as f64;
        let (x, w) = if score >= 0 {
            (zero, scale(score) - zero)
        } else {
            (scale(score), zero - scale(score))
        };
        let chosen = s.recommended;
        let (fill, weight) = if chosen {
            ("#1f5fa8", "bold")
        } else {
            ("#9aa5b4", "normal")
        };
        // Lines 14 units apart, centred on the bar.
        let first = y + row / 2.0 + 4.0 - 7.0 * (label.len() - 1) as f64;
        for (n, line) in label.iter().enumerate() {
            let _ = writeln!(
                out,
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" font-family=\"system-ui, \
                 sans-serif\" font-size=\"13\" font-weight=\"{weight}\" fill=\"#1d2330\">{}</text>",
                label_width - 10.0,
                first + 14.0 * n as f64,
                text(line),
            );
        }
        let _ = write!(
            out,
            "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"20.0\" rx=\"3\" \
             fill=\"{fill}\"/>\n\
             <text x=\"{:.1}\" y=\"{:.1}\" font-family=\"system-ui, sans-serif\" font-size=\"13\" \
             font-weight=\"{weight}\" fill=\"#1d2330\">{}</text>\n",
            y + row / 2.0 - 10.0,
            w.max(1.0),
            label_width + bar_width + 8.0,
            y + row / 2.0 + 4.0,
            number(score)
        );
    }
    let _ = write!(
        out,
        "<line x1=\"{zero:.1}\" y1=\"2\" x2=\"{zero:.1}\" y2=\"{:.1}\" stroke=\"#5a6270\" \
         stroke-width=\"1\"/>\n</svg>\n<figcaption>Points for each option, added up from the \
         answers below.</figcaption>\n</figure>\n",
        height - 2.0
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The x and width of each bar, in outcome order.
    fn bars(svg: &str) -> Vec<(f64, f64)> {
        svg.split("<rect ")
            .skip(1)
            .map(|rect| {
                let attribute = |name: &str| -> f64 {
                    let start = rect.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
                    let end = start + rect[start..].find('"').unwrap();
                    rect[start..end].parse().unwrap()
                };
                (attribute("x"), attribute("width"))
            })
            .collect()
    }

    #[test]
    fn a_long_label_takes_two_lines_and_never_runs_off_the_chart() {
        let given = [
            Score {
                label: "Widen your CIO's remit to cover both roles".into(),
                points: 6,
                recommended: true,
            },
            Score {
                label: "Hire one leader over all technology, with your CIO reporting to them"
                    .into(),
                points: 2,
                recommended: false,
            },
        ];
        let svg = scores(&given);
        let labels: Vec<&str> = svg
            .split("text-anchor=\"end\"")
            .skip(1)
            .filter_map(|t| t.split_once('>')?.1.split_once("</text>"))
            .map(|(label, _)| label)
            .collect();
        assert_eq!(
            labels,
            [
                "Widen your CIO&#39;s remit to",
                "cover both roles",
                "Hire one leader over all",
                "technology, with your CIO rep…",
            ]
        );
        assert!(
            labels
                .iter()
                .all(|l| l.replace("&#39;", "'").chars().count() <= LABEL_COLUMNS)
        );
    }

    #[test]
    fn negative_scores_extend_left_of_zero_and_the_highest_is_longest() {
        let score = |label: &str, points: i64, recommended: bool| Score {
            label: label.into(),
            points,
            recommended,
        };
        let given = [
            score("Hire a CIO", -2, false),
            score("Hire a CTO", 8, true),
            score("Have both", 6, false),
            score("One leader", 0, false),
        ];
        let svg = scores(&given);
        let bars = bars(&svg);
        let zero = bars[1].0;
        assert!(bars[0].0 < zero && (bars[0].0 + bars[0].1 - zero).abs() < 0.01);
        assert!(bars[1].1 > bars[2].1 && bars[2].1 > bars[3].1);
        assert!(svg.contains("\u{2212}2</text>"));
        assert_eq!(
            svg.matches("font-weight=\"bold\"").count(),
            2,
            "label and value"
        );
    }
}
