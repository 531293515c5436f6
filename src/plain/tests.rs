use std::io::Cursor;

use techhire::tree::{EMBEDDED, EMBEDDED_NAME, load_str};
use unicode_width::UnicodeWidthStr;

use super::*;

fn tree() -> Arc<Tree> {
    match load_str(EMBEDDED_NAME, EMBEDDED) {
        Ok(loaded) => Arc::new(loaded.tree),
        Err(report) => panic!("{}", report.render()),
    }
}

/// Runs plain mode on typed lines; returns how it ended and everything it printed.
fn interview(typed: &str, width: usize) -> (Ending, String) {
    let mut input = Cursor::new(typed.as_bytes().to_vec());
    let mut output = Vec::new();
    let ending = run(tree(), &mut input, &mut output, width)
        .unwrap_or_else(|e| panic!("writing to memory cannot fail: {e}"));
    (ending, String::from_utf8_lossy(&output).into_owned())
}

/// The numbers to type for answers given as (question id, choice id).
fn numbers(answers: &[(&str, &str)]) -> String {
    let tree = tree();
    answers
        .iter()
        .map(|(q, c)| {
            let q = tree
                .question_index(q)
                .unwrap_or_else(|| panic!("question {q}"));
            let c = tree
                .choice_index(q, c)
                .unwrap_or_else(|| panic!("choice {c}"));
            format!("{}\n", c + 1)
        })
        .collect()
}

const CIO: &[(&str, &str)] = &[
    ("looking_for", "run_core"),
    ("focus", "internal"),
    ("value_line", "bottom_line"),
    ("business", "b2b_behind"),
    ("size", "small_private"),
    ("existing_leaders", "none_open"),
    ("security_owner", "new_leader"),
    ("vendors", "infrastructure"),
];

const CTO: &[(&str, &str)] = &[
    ("looking_for", "market_products"),
    ("focus", "external"),
    ("value_line", "top_line"),
    ("business", "tech_product"),
    ("product_team", "inhouse_large"),
    ("size", "small_private"),
    ("existing_leaders", "it_head"),
    ("reporting", "undecided"),
    ("security_owner", "product_security"),
    ("vendors", "product"),
];

const BOTH: &[(&str, &str)] = &[
    ("looking_for", "run_core"),
    ("focus", "both_equal"),
    ("digital_vs_tech", "both_ends"),
    ("value_line", "both_lines"),
    ("business", "b2b_digital"),
    ("product_team", "inhouse_large"),
    ("size", "large_public"),
    ("existing_leaders", "cto_in_place"),
    ("reporting", "peers"),
    ("security_owner", "product_security"),
    ("vendors", "both_kinds"),
];

const COMBINED: &[(&str, &str)] = &[
    ("looking_for", "enable_scale"),
    ("focus", "both_equal"),
    ("digital_vs_tech", "both_ends"),
    ("value_line", "both_lines"),
    ("business", "consumer_digital"),
    ("product_team", "agencies"),
    ("size", "small_private"),
    ("existing_leaders", "none_one"),
    ("security_owner", "new_leader"),
    ("vendors", "both_kinds"),
];

#[test]
fn each_outcome_can_be_reached() {
    for (answers, label) in [
        (CIO, "Hire a CIO"),
        (CTO, "Hire a CTO"),
        (BOTH, "Have both a CIO and a CTO"),
        (COMBINED, "Hire one leader for both roles"),
    ] {
        let (ending, out) = interview(&numbers(answers), 0);
        assert_eq!(ending, Ending::Finished, "{out}");
        assert!(out.contains(&format!("Recommendation: {label}\n")), "{out}");
        assert!(out.contains("Why: the answers that moved it"), "{out}");
        assert!(out.contains("What would change it"), "{out}");
        assert!(
            out.contains(&format!("Question {} (last question)", answers.len())),
            "{out}"
        );
    }
}

#[test]
fn a_question_shows_its_place_prompt_and_numbered_choices() {
    let (_, out) = interview("", 0);
    assert!(
        out.starts_with("Which technology leader should you hire?\n"),
        "{out}"
    );
    assert!(
        out.contains("\nQuestion 1 (8 to 11 left)\nWhat do you most need"),
        "{out}"
    );
    assert!(
        out.contains("  1. Run and modernise our core systems\n     Finance, operations"),
        "{out}"
    );
    assert!(
        out.contains("  6. Lead research, development and innovation\n"),
        "{out}"
    );
    assert!(out.contains("Your answer (1-6, b, ?, q): "), "{out}");
}

#[test]
fn going_back_shows_the_answer_given_and_enter_keeps_it() {
    let typed = format!("1\nb\n\n{}", &numbers(&CIO[1..]));
    let (ending, out) = interview(&typed, 0);
    assert_eq!(ending, Ending::Finished, "{out}");
    assert!(
        out.contains("  1. Run and modernise our core systems (your answer)"),
        "{out}"
    );
    assert!(
        out.contains("Your answer (1-6, Enter keeps 1, b, ?, q): "),
        "{out}"
    );
    assert!(out.contains("Recommendation: Hire a CIO"), "{out}");
}

#[test]
fn going_back_and_changing_an_answer_follows_the_new_branch() {
    // Answer `focus` with "both", which asks digital_vs_tech; go back and answer "internal".
    let typed = format!("1\n3\nb\n1\n{}", numbers(&CIO[2..]));
    let (ending, out) = interview(&typed, 0);
    assert_eq!(ending, Ending::Finished, "{out}");
    assert!(
        out.contains("Will the work sit mostly"),
        "the branch was shown: {out}"
    );
    assert!(out.contains("Recommendation: Hire a CIO"), "{out}");
    assert!(!out.contains("A good deal of both (your answer)"), "{out}");
}

#[test]
fn back_at_the_first_question_says_so() {
    let (_, out) = interview("b\n", 0);
    assert!(
        out.contains("This is the first question; there is nothing before it."),
        "{out}"
    );
}

#[test]
fn question_mark_explains_with_sources_by_title() {
    let (_, out) = interview("?\n", 0);
    assert!(
        out.contains("Why this matters: I ask every client this first"),
        "{out}"
    );
    assert!(
        out.contains(
            "Sources: What Does a Chief Information Officer Do? (Norman Consultants, undated)"
        ),
        "{out}"
    );
    // The prompt line comes again, without repeating the whole question.
    assert_eq!(out.matches("Question 1 (").count(), 1, "{out}");
    assert_eq!(
        out.matches("Your answer (1-6, b, ?, q): ").count(),
        2,
        "{out}"
    );
}

#[test]
fn bad_input_asks_again_with_a_hint() {
    let typed = format!("7\nzero\n\n0\n-1\n{}", numbers(CIO));
    let (ending, out) = interview(&typed, 0);
    assert_eq!(ending, Ending::Finished, "{out}");
    let hint =
        "Please type a number from 1 to 6, or b to go back, ? for why this matters, q to quit.";
    assert_eq!(out.matches(hint).count(), 5, "{out}");
}

#[test]
fn the_end_of_input_stops_cleanly_without_a_result() {
    let (ending, out) = interview("1\n1\n", 0);
    assert_eq!(ending, Ending::InputEnded);
    assert!(
        out.contains("Input ended before the interview finished"),
        "{out}"
    );
    assert!(!out.contains("Recommendation:"), "{out}");
}

#[test]
fn q_quits() {
    let (ending, out) = interview("1\nq\n1\n", 0);
    assert_eq!(ending, Ending::Quit);
    assert!(out.contains("Stopped before the end"), "{out}");
    assert_eq!(out.matches("Question ").count(), 2, "{out}");
}

#[test]
fn text_wraps_to_the_width_given() {
    let (_, out) = interview(&numbers(BOTH), 60);
    assert!(
        out.contains("Recommendation: Have both a CIO and a CTO"),
        "{out}"
    );
    for line in out.lines() {
        // The prompt line is written without a newline, so it shares a line with no input here.
        let line = line.split("Your answer").next().unwrap_or(line);
        assert!(line.width() <= 60, "too wide: {line:?}");
    }
}

#[test]
fn lines_are_read_with_a_bound_and_carriage_returns_tolerated() {
    let mut long = vec![b'7'; MAX_LINE_BYTES * 4];
    long.extend_from_slice(b"\n2\r\n");
    let mut input = Cursor::new(long);
    let first = read_line(&mut input).ok().flatten().unwrap_or_default();
    assert_eq!(first.len(), MAX_LINE_BYTES);
    assert_eq!(read_line(&mut input).ok().flatten().as_deref(), Some("2\r"));
    assert_eq!(read_line(&mut input).ok().flatten(), None);

    let typed = numbers(CIO).replace('\n', "\r\n");
    let (ending, _) = interview(&typed, 0);
    assert_eq!(ending, Ending::Finished);
}

#[test]
fn invalid_utf8_is_just_bad_input() {
    let mut typed = vec![0xff, 0xfe, b'\n'];
    typed.extend_from_slice(numbers(CIO).as_bytes());
    let mut input = Cursor::new(typed);
    let mut output = Vec::new();
    let ending = run(tree(), &mut input, &mut output, 0).ok();
    assert_eq!(ending, Some(Ending::Finished));
}
