use super::*;
use crate::report::fixtures::{BOTH, CIO, CLOSE_CALL, COMBINED, NARROW_CIO, finish, no_notes};
use std::collections::BTreeMap;

fn render_for(answers: &[(&str, &str)], width: usize) -> String {
    let done = finish(answers);
    let notes = no_notes();
    let input = ReportInput {
        tree: &done.tree,
        interview: &done.interview,
        recommendation: &done.recommendation,
        client: None,
        consultant: None,
        date: None,
        notes: &notes,
        interview_note: None,
        private_notes: false,
        firm: None,
    };
    render(&input, width)
}

#[test]
fn the_cio_result_explains_itself() {
    let out = render_for(CIO, 80);
    assert!(out.contains("Recommendation: Hire a CIO\n"), "{out}");
    assert!(
        out.contains("favour it clearly over the next option"),
        "{out}"
    );
    assert!(!out.contains("close call"), "{out}");
    assert!(out.contains("  ▸ Hire a CIO"), "{out}");
    for heading in [
        "\nWhat we heard\n",
        "\nWhy we recommend it\n",
        "\nWhat would change it\n",
        "\nWhat to do\n",
        "\nAppendix: how your answers were weighed\n",
        "\nSources\n",
    ] {
        assert!(out.contains(heading), "{heading:?} in {out}");
    }
    assert!(
        out.contains("  • Run and modernise our core systems\n    Keeping the core systems"),
        "{out}"
    );
    assert!(
        out.contains("No single changed answer would change this recommendation"),
        "{out}"
    );
    assert!(out.contains("What the role owns"), "{out}");
    assert!(out.contains("Next steps\n    1. "), "{out}");
    assert!(
        out.contains("What Does a Chief Information Officer Do?"),
        "{out}"
    );
    assert!(!out.contains("When to split"), "{out}");
    for line in out.lines() {
        assert!(line.width() <= 80, "too wide: {line:?}");
    }
}

#[test]
fn scores_are_in_the_appendix_highest_first() {
    let out = render_for(CIO, 0);
    let (client, appendix) = out
        .split_once("Appendix: how your answers were weighed")
        .unwrap_or_default();
    assert!(!client.contains('█'), "{out}");
    let scores: Vec<i64> = appendix
        .split("Every answer")
        .next()
        .unwrap_or_default()
        .lines()
        .filter_map(|l| l.split_whitespace().find_map(|w| w.parse().ok()))
        .collect();
    assert!(scores.len() >= 3, "{out}");
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
}

#[test]
fn both_shows_how_the_two_work_together() {
    let out = render_for(BOTH, 100);
    assert!(
        out.contains("Recommendation: Have both a CIO and a CTO"),
        "{out}"
    );
    assert!(out.contains("How the two should work together"), "{out}");
    assert!(out.contains("peers"), "{out}");
}

#[test]
fn combined_shows_when_to_split() {
    let out = render_for(COMBINED, 100);
    assert!(
        out.contains("Recommendation: Hire one leader for both roles"),
        "{out}"
    );
    assert!(out.contains("When to split the role"), "{out}");
}

#[test]
fn a_tie_is_too_close_to_call() {
    let out = render_for(CLOSE_CALL, 100);
    assert!(
        out.contains(
            "Recommendation: Too close to call: Hire a CTO, or Hire one leader for both roles\n"
        ),
        "{out}"
    );
}

#[test]
fn what_ifs_say_when_the_branch_needs_more_answers() {
    let out = render_for(NARROW_CIO, 0);
    assert!(
        out.contains("  ! A close call. “Hire a CTO” came a close second, and one changed"),
        "{out}"
    );
    let change = out
        .split("\nWhat would change it\n")
        .nth(1)
        .unwrap_or_default();
    assert!(change.contains("You answered \u{201c}"), "{out}");
    assert!(
        change.contains("would lean toward Hire a CTO (1 more question to answer)."),
        "{out}"
    );
}

#[test]
fn no_wrapping_gives_one_line_per_paragraph() {
    let out = render_for(CIO, 0);
    assert!(out.lines().any(|l| l.width() > 120), "{out}");
}

#[test]
fn file_text_cannot_drive_the_terminal() {
    let done = finish(CIO);
    let mut notes = BTreeMap::new();
    notes.insert(
        "size".to_string(),
        "turnover \u{1b}[2J€40m\nsecond line".to_string(),
    );
    let input = ReportInput {
        tree: &done.tree,
        interview: &done.interview,
        recommendation: &done.recommendation,
        client: Some("Acme\u{1b}]52;c;eA==\u{7}"),
        consultant: Some("Jo"),
        date: Some("2026-03-02"),
        notes: &notes,
        interview_note: None,
        private_notes: false,
        firm: None,
    };
    let out = render(&input, 80);
    assert!(!out.chars().any(|c| c.is_control() && c != '\n'), "{out:?}");
    assert!(out.contains("Client: Acme"), "{out}");
    assert!(out.contains("Note:"), "{out}");
    assert!(out.contains("  second line"), "{out}");
}

#[test]
fn every_note_shows_even_off_the_path_and_the_date_reads_as_written() {
    let done = finish(CIO);
    let mut notes = BTreeMap::new();
    notes.insert("size".to_string(), "about 900 staff".to_string());
    // `product_team` is not on a CIO path: asked earlier on another branch.
    notes.insert("product_team".to_string(), "agencies today".to_string());
    notes.insert(
        "gone_question".to_string(),
        "from an older tree".to_string(),
    );
    let input = ReportInput {
        tree: &done.tree,
        interview: &done.interview,
        recommendation: &done.recommendation,
        client: Some("Acme Ltd"),
        consultant: Some("Jo Smith"),
        date: Some("2026-11-23T09:47:25Z"),
        notes: &notes,
        interview_note: None,
        private_notes: false,
        firm: None,
    };
    let out = render(&input, 0);
    assert!(
        out.contains("Client: Acme Ltd · Consultant: Jo Smith · Date: 23 November 2026"),
        "{out}"
    );
    let size = out.find("  about 900 staff").unwrap_or(usize::MAX);
    let team = out.find("      agencies today").unwrap_or(usize::MAX);
    let gone = out
        .find("    gone_question\n      from an older tree")
        .unwrap_or(usize::MAX);
    assert!(size < team && team < gone && gone < usize::MAX, "{out}");
}
