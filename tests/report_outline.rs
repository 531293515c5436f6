//! The one report outline as every format draws it: snapshots of text, Markdown and HTML for
//! the same finished interview, and for every shipped answers file and every format, no engine
//! vocabulary (points, scores, "the lead") before the appendix.

mod shipped;

use shipped::finished;

use std::collections::BTreeMap;
use std::fs;

use techhire::report::outline::APPENDIX;
use techhire::report::{Format, ReportInput};

/// Every shipped answers file, by name.
fn shipped_answers() -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir("tests/answers")
        .unwrap()
        .filter_map(|e| {
            let path = e.ok()?.path();
            (path.extension()? == "toml").then(|| path.file_stem()?.to_str().map(String::from))?
        })
        .collect();
    names.sort();
    names
}

/// The report of `name` in `format`, for Acme Ltd, with a note on the first question.
fn report(name: &str, format: Format) -> String {
    let (tree, interview, recommendation) = finished(name);
    let first = tree.question(interview.path()[0].question).id.clone();
    let notes = BTreeMap::from([(first, "Board wants the ERP upgrade finished first.".into())]);
    let bytes = format
        .render(
            &ReportInput {
                tree: &tree,
                interview: &interview,
                recommendation: &recommendation,
                client: Some("Acme Ltd"),
                consultant: Some("Jo Smith"),
                date: Some("2026-11-23T09:47:25Z"),
                notes: &notes,
                interview_note: None,
                private_notes: false,
                firm: None,
            },
            80,
        )
        .unwrap();
    String::from_utf8(bytes).unwrap()
}

/// Words for how the engine weighs answers: a board should not have to learn them.
fn engine_words(text: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words
        .windows(2)
        .filter(|w| {
            // "A single point of failure" is plain English, not a score.
            (["point", "points", "score", "scores", "margin"].contains(&w[0])
                && w != &["point", "of"])
                || w == &["the", "lead"]
        })
        .map(|w| w.join(" "))
        .collect()
}

#[test]
fn no_client_facing_part_of_any_format_uses_the_engines_words() {
    let names = shipped_answers();
    assert!(names.len() >= 5, "{names:?}");
    for name in &names {
        for format in [Format::Text, Format::Markdown, Format::Html] {
            let report = report(name, format);
            let (client, appendix) = report
                .split_once(APPENDIX)
                .unwrap_or_else(|| panic!("{name} as {format:?} has no appendix"));
            // What a reader sees: not the HTML's style sheet or its tags.
            let client = client
                .split_once("</style>")
                .map_or(client, |(_, body)| body);
            let seen: String = client
                .split('<')
                .map(|piece| piece.split_once('>').map_or(piece, |(_, text)| text))
                .collect();
            assert_eq!(
                engine_words(&seen),
                Vec::<String>::new(),
                "{name} as {format:?}"
            );
            assert!(
                !engine_words(appendix).is_empty(),
                "{name} as {format:?}: the appendix shows the points"
            );
        }
    }
}

#[test]
fn text_report_snapshot() {
    insta::assert_snapshot!(report("both", Format::Text));
}

#[test]
fn markdown_report_snapshot() {
    insta::assert_snapshot!(report("both", Format::Markdown));
}

#[test]
fn every_format_has_the_same_sections_in_the_same_order() {
    let headings = [
        "What we heard",
        "Why we recommend it",
        "What would change it",
        "What to do",
        APPENDIX,
        "Sources",
    ];
    for format in [Format::Text, Format::Markdown, Format::Html] {
        let report = report("cio", format);
        let mut at = 0;
        for heading in headings {
            let found = report[at..]
                .find(heading)
                .unwrap_or_else(|| panic!("{format:?}: {heading} after byte {at}"));
            at += found + heading.len();
        }
    }
}

#[test]
fn every_answer_that_would_change_it_is_told_once_in_every_format() {
    // The longest path ends in a tie: "What would change it" names the questions of view, the
    // facts that would change it are told beside their answers in the appendix, and the "not
    // sure" answer only in its own paragraph.
    for format in [Format::Text, Format::Markdown, Format::Html] {
        let report = report("longest", format);
        let report = report.replace("&#39;", "'");
        let appendix = report.find(APPENDIX).expect("an appendix");
        for told in [
            "\u{201c}Take their place\u{201d} would change it to",
            "\u{201c}Both, in roughly equal measure\u{201d}",
            "\u{201c}The new leader: there's nobody else to give it to\u{201d} would change it",
        ] {
            let flat = report.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(
                flat.matches(told).count(),
                1,
                "{format:?}: {told}\n{report}"
            );
        }
        // Beside its answer, after the appendix starts, before the next question.
        let answer = report[appendix..]
            .find("Join them: they are staying")
            .map(|at| appendix + at)
            .unwrap_or_else(|| panic!("{format:?}\n{report}"));
        let next = report[answer..]
            .find("How would that leader and the new hire fit together?")
            .map(|at| answer + at)
            .unwrap();
        assert!(
            report[answer..next].contains("Take their place"),
            "{format:?}\n{}",
            &report[answer..next]
        );
    }
}
