use std::io::Cursor;
use std::path::Path;

use techhire::session::{Session, read_path};
use techhire::tree::{EMBEDDED, EMBEDDED_NAME, load_str};
use unicode_width::UnicodeWidthStr;

use super::*;
use crate::commands::opening::{self, Names, Opened};

fn tree() -> Arc<Tree> {
    match load_str(EMBEDDED_NAME, EMBEDDED) {
        Ok(loaded) => Arc::new(loaded.tree),
        Err(report) => panic!("{}", report.render()),
    }
}

/// A new session at `path`.
fn open(path: &Path) -> Opened {
    opening::start(None, opening::SaveTo::File(path), Names::default())
        .unwrap_or_else(|f| panic!("{}", f.message))
}

/// What plain mode works on, of an opened session.
fn live(opened: &mut Opened) -> Live<'_> {
    Live {
        interview: &mut opened.interview,
        save: &mut opened.save,
        notice: &opened.notice,
    }
}

/// Runs plain mode on typed lines, on an opened session.
fn drive(opened: &mut Opened, typed: &str, width: usize, ask_names: bool) -> (Ending, String) {
    let reports = std::env::temp_dir().join("techhire-plain-tests-never-written");
    drive_bytes(opened, typed.as_bytes(), width, ask_names, &reports)
}

/// Runs plain mode on typed bytes, writing any report into `reports`.
fn drive_bytes(
    opened: &mut Opened,
    typed: &[u8],
    width: usize,
    ask_names: bool,
    reports: &Path,
) -> (Ending, String) {
    let mut input = Cursor::new(typed.to_vec());
    let mut output = Vec::new();
    let firm = techhire::config::Firm::default();
    let options = Options {
        width,
        ask_names,
        reports: Reports {
            folder: reports,
            firm: &firm,
        },
        beside: None,
        reports_wait: None,
    };
    let ending = run(&mut live(opened), &mut input, &mut output, options)
        .unwrap_or_else(|e| panic!("writing to memory cannot fail: {e}"));
    (ending, String::from_utf8_lossy(&output).into_owned())
}

/// Runs plain mode on typed lines in a new session; returns how it ended, everything it
/// printed, and the session as saved.
fn session(typed: &str, width: usize) -> (Ending, String, Session) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("s.json");
    let mut opened = open(&path);
    let (ending, out) = drive(&mut opened, typed, width, false);
    let saved = read_path(&path).unwrap_or_else(|e| panic!("{e}"));
    (ending, out, saved)
}

/// Runs plain mode on typed lines; returns how it ended and everything it printed.
fn interview(typed: &str, width: usize) -> (Ending, String) {
    let (ending, out, _) = session(typed, width);
    (ending, out)
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

/// The answers of `tests/answers/{cio,cto,both,combined}.toml`, in the order asked.
const CIO: &[(&str, &str)] = &[
    ("looking_for", "run_core"),
    ("focus", "internal"),
    ("value_line", "bottom_line"),
    ("business", "b2b_behind"),
    ("internal_estate", "moderate"),
    ("size", "midsize"),
    ("ownership", "private"),
    ("existing_leaders", "none_open"),
    ("security_owner", "new_leader"),
];

const CTO: &[(&str, &str)] = &[
    ("looking_for", "market_products"),
    ("focus", "external"),
    ("value_line", "top_line"),
    ("business", "tech_product"),
    ("product_team", "inhouse_large"),
    ("internal_estate", "light"),
    ("size", "midsize"),
    ("ownership", "private"),
    ("existing_leaders", "none_open"),
    ("security_owner", "product_security"),
];

const BOTH: &[(&str, &str)] = &[
    ("looking_for", "enable_scale"),
    ("focus", "both_equal"),
    ("digital_vs_tech", "both_ends"),
    ("value_line", "both_lines"),
    ("business", "tech_product"),
    ("product_team", "inhouse_large"),
    ("internal_estate", "large"),
    ("size", "over_5b"),
    ("ownership", "public"),
    ("existing_leaders", "none_open"),
    ("security_owner", "product_security"),
];

const COMBINED: &[(&str, &str)] = &[
    ("looking_for", "transform_internal"),
    ("focus", "both_equal"),
    ("digital_vs_tech", "both_ends"),
    ("value_line", "both_lines"),
    ("business", "consumer_digital"),
    ("product_team", "agencies"),
    ("internal_estate", "moderate"),
    ("size", "midsize"),
    ("ownership", "private"),
    ("existing_leaders", "none_open"),
    ("security_owner", "new_leader"),
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
        assert!(out.contains("Why we recommend it"), "{out}");
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
        out.contains("\nQuestion 1 (8 to 13 left)\nWhat do you most need"),
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
    assert!(out.contains("Your answer (1-6, b, n, p, ?, q): "), "{out}");
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
        out.contains("Your answer (1-6, Enter keeps 1, b, n, p, ?, q): "),
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
            "Sources: What Does a Chief Information Officer Do? (Norman Consultants, executive search, no date on the page)"
        ),
        "{out}"
    );
    // The prompt line comes again, without repeating the whole question.
    assert_eq!(out.matches("Question 1 (").count(), 1, "{out}");
    assert_eq!(
        out.matches("Your answer (1-6, b, n, p, ?, q): ").count(),
        2,
        "{out}"
    );
}

#[test]
fn bad_input_asks_again_with_a_hint() {
    let typed = format!("7\nzero\n\n0\n-1\n{}", numbers(CIO));
    let (ending, out) = interview(&typed, 0);
    assert_eq!(ending, Ending::Finished, "{out}");
    let hint = "Please type a number from 1 to 6, or b to go back, n for a note, p to make it private or for the client, ? for why this matters, q to stop.";
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
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut opened = open(&dir.path().join("s.json"));
    let (ending, _) = drive_bytes(&mut opened, &typed, 0, false, dir.path());
    assert_eq!(ending, Ending::Finished);
}

#[test]
fn at_the_result_e_writes_each_report_into_the_reports_folder() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let reports = dir.path().join("reports");
    let mut opened = open(&dir.path().join("s.json"));
    // A note made private, seen again on going back; then three reports and a note on the
    // whole interview.
    let typed = format!(
        "n\nCFO disagrees\n\np\n{}b\n{}e\n\ne\n3c\ne\n9\nn\nA good first meeting\n\n\n",
        numbers(&CIO[..1]),
        numbers(CIO)
    );
    let (ending, out) = drive_bytes(&mut opened, typed.as_bytes(), 0, false, &reports);
    assert_eq!(ending, Ending::Finished);
    assert!(out.contains("The note is now private"), "{out}");
    assert!(out.contains("Your private note: CFO disagrees"), "{out}");
    assert!(
        out.contains(&format!("It goes in {}", reports.display())),
        "{out}"
    );
    assert!(out.contains("Add c for the consultant's copy"), "{out}");
    let html = reports.join(format!(
        "techhire-{}.html",
        opened
            .save
            .session()
            .result
            .as_ref()
            .map(|r| r.finished.local_date())
            .unwrap_or_default()
    ));
    assert!(
        out.contains(&format!("Wrote the HTML report to {}", html.display())),
        "{out}"
    );
    assert!(
        out.contains("Wrote the consultant's copy of the Markdown report to "),
        "{out}"
    );
    assert!(
        out.contains("No report written: type a number from 1 to 5"),
        "{out}"
    );
    let client = std::fs::read_to_string(&html).unwrap_or_default();
    assert!(client.contains("Hire a CIO") && !client.contains("CFO disagrees"));
    // The consultant's copy is named as such, so it is never sent by mistake.
    let copy = html.with_file_name(format!(
        "{}-consultant-copy.md",
        html.file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
    ));
    let markdown = std::fs::read_to_string(copy).unwrap_or_default();
    assert!(
        markdown.contains("Private note: CFO disagrees"),
        "{markdown}"
    );
    let saved = opened.save.session();
    assert_eq!(
        saved.interview_note.as_ref().map(|n| n.text.as_str()),
        Some("A good first meeting")
    );
}

#[test]
fn every_answer_is_saved_as_it_is_given() {
    let (ending, _, saved) = session(&numbers(&BOTH[..4]), 0);
    assert_eq!(ending, Ending::InputEnded);
    let given: Vec<(&str, &str)> = saved
        .answers
        .iter()
        .map(|a| (a.question.as_str(), a.choice.as_str()))
        .collect();
    assert_eq!(given, BOTH[..4]);
    assert!(saved.result.is_none());

    let (ending, _, saved) = session(&numbers(BOTH), 0);
    assert_eq!(ending, Ending::Finished);
    assert_eq!(saved.answers.len(), BOTH.len());
    assert_eq!(saved.result.map(|r| r.outcome).as_deref(), Some("both"));
}

#[test]
fn a_note_takes_lines_until_an_empty_one_and_shows_in_the_result() {
    let typed = format!(
        "n\nThey run SAP\n  and a <b>mainframe</b>\n\n{}",
        numbers(CIO)
    );
    let (ending, out, saved) = session(&typed, 0);
    assert_eq!(ending, Ending::Finished, "{out}");
    assert_eq!(
        saved.note("looking_for"),
        Some("They run SAP\n  and a <b>mainframe</b>")
    );
    assert!(out.contains("Note saved.\n"), "{out}");
    assert!(
        out.contains("    1. What do you most need this technology leader to get done in their first two or three years?\n       “Run and modernise our core systems” (+3 Hire a CIO)\n       Note:\n         They run SAP\n         and a <b>mainframe</b>\n"),
        "{out}"
    );
}

#[test]
fn a_note_shows_under_its_question_and_can_be_kept_replaced_or_removed() {
    // Note, answer, back: the note shows under the question; Enter alone keeps it.
    let typed = "n\nfirst\n\n1\nb\nn\n\nn\nsecond\n\n";
    let (_, out, saved) = session(typed, 0);
    assert!(out.contains("  Your note: first\n"), "{out}");
    assert!(out.contains("Note unchanged."), "{out}");
    assert!(out.contains("What you type now replaces it."), "{out}");
    assert_eq!(saved.note("looking_for"), Some("second"));

    let (_, out, saved) = session("n\nfirst\n\nn\n-\n\n", 0);
    assert!(out.contains("Note removed."), "{out}");
    assert_eq!(saved.note("looking_for"), None);
}

#[test]
fn a_note_cut_short_by_the_end_of_input_is_still_saved() {
    let (ending, out, saved) = session("1\nn\nhalf a thought", 0);
    assert_eq!(ending, Ending::InputEnded, "{out}");
    assert_eq!(saved.note("focus"), Some("half a thought"));
    assert_eq!(saved.answers.len(), 1);
}

#[test]
fn names_are_asked_first_when_wanted_and_enter_skips_them() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("s.json");
    let mut opened = open(&path);
    let (_, out) = drive(&mut opened, "Acme Ltd\n\n1\n", 0, true);
    assert!(out.contains("Who is this interview for?"), "{out}");
    let saved = read_path(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(saved.client.as_deref(), Some("Acme Ltd"));
    assert_eq!(saved.consultant, None);
    assert_eq!(saved.answers.len(), 1);

    // Named on the command line: not asked again.
    let path = dir.path().join("named.json");
    let names = Names {
        client: Some("Beta plc"),
        consultant: None,
    };
    let mut opened = opening::start(None, opening::SaveTo::File(&path), names)
        .unwrap_or_else(|f| panic!("{}", f.message));
    let (_, out) = drive(&mut opened, "1\n", 0, true);
    assert!(!out.contains("Who is this interview for?"), "{out}");
    // The consultant from the config file: only the client is asked for.
    let path = dir.path().join("consultant.json");
    let names = Names {
        client: None,
        consultant: Some("Jo Smith"),
    };
    let mut opened = opening::start(None, opening::SaveTo::File(&path), names)
        .unwrap_or_else(|f| panic!("{}", f.message));
    let (_, out) = drive(&mut opened, "Gamma\n1\n", 0, true);
    assert!(out.contains("Who is this interview for?"), "{out}");
    assert!(!out.contains("your name, as the consultant"), "{out}");
    let saved = read_path(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(saved.client.as_deref(), Some("Gamma"));
    assert_eq!(saved.consultant.as_deref(), Some("Jo Smith"));
    assert_eq!(saved.answers.len(), 1);
}

#[test]
fn at_the_result_b_goes_back_to_change_an_answer() {
    // Finish as CIO, go back to the last question and change who owns security.
    let typed = format!("{}b\n4\n\n", numbers(CIO));
    let (ending, out, saved) = session(&typed, 0);
    assert_eq!(ending, Ending::Finished, "{out}");
    assert_eq!(out.matches("Recommendation: ").count(), 2, "{out}");
    assert!(out.contains("Enter finishes; e writes the report, n adds a note on the whole interview, b goes back to change an answer.\nNext (Enter, e, n, b): "));
    let last = saved
        .answers
        .last()
        .map(|a| (a.question.as_str(), a.choice.as_str()));
    assert_eq!(last.map(|l| l.0), Some("security_owner"));
    assert_ne!(last, Some(("security_owner", "new_leader")));
}

#[test]
fn a_resumed_session_says_so_and_carries_on_at_the_first_unanswered_question() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("s.json");
    let mut opened = open(&path);
    drive(&mut opened, &numbers(&CTO[..3]), 0, false);
    drop(opened);
    let mut opened =
        opening::resume(&path, None, Names::default()).unwrap_or_else(|f| panic!("{}", f.message));
    let (ending, out) = drive(&mut opened, &numbers(&CTO[3..]), 0, false);
    assert_eq!(ending, Ending::Finished, "{out}");
    assert!(out.contains("Resuming session "), "{out}");
    assert!(out.contains(": 3 answered, "), "{out}");
    assert!(out.contains("\nQuestion 4 ("), "{out}");
    assert!(!out.contains("\nQuestion 1 ("), "{out}");
    assert!(out.contains("Recommendation: Hire a CTO"), "{out}");
}

#[test]
fn a_failed_save_is_said_once_and_the_interview_carries_on() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let folder = dir.path().join("gone");
    let path = folder.join("s.json");
    let mut opened = open(&path);
    std::fs::remove_dir_all(&folder).unwrap_or_else(|e| panic!("{e}"));
    let (ending, out) = drive(&mut opened, &numbers(CIO), 0, false);
    assert_eq!(ending, Ending::Finished, "{out}");
    assert_eq!(out.matches("Could not save").count(), 1, "{out}");
    assert!(out.contains("s.json"), "{out}");
    assert!(out.contains("Recommendation: Hire a CIO"), "{out}");
    assert!(opened.save.failure().is_some());

    // The folder comes back: the next change saves everything.
    std::fs::create_dir_all(&folder).unwrap_or_else(|e| panic!("{e}"));
    let (_, out) = drive(&mut opened, "b\n1\n\n", 0, false);
    assert!(out.contains("Saved again"), "{out}");
    let saved = read_path(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(saved.answers.len(), CIO.len());
}

/// Ben's views in the worked example workshop (`tests/answers/workshop/ben-cfo.toml`).
const BEN: &[(&str, &str)] = &[
    ("looking_for", "run_core"),
    ("focus", "internal"),
    ("value_line", "bottom_line"),
    ("security_owner", "new_leader"),
];

/// A workshop with the worked example's facts in `folder`, and Ben's invited session there.
fn invited(folder: &Path) -> (techhire::workshop::Workshop, std::path::PathBuf) {
    use techhire::session::TreeStamp;
    use techhire::workshop::{self, Facts, Workshop};
    let tree = tree();
    let stamp = TreeStamp::new(&tree, EMBEDDED_NAME, EMBEDDED.as_bytes());
    let text = include_str!("../../tests/answers/workshop/facts.toml");
    let file = techhire::answers::parse("facts.toml", text).unwrap_or_else(|p| panic!("{p:?}"));
    let facts = Facts::from_answers(&tree, &file).unwrap_or_else(|p| panic!("{p:?}"));
    let mut w = Workshop::with_facts(&tree, stamp.clone(), None, None, &facts)
        .unwrap_or_else(|e| panic!("{e}"));
    let ben = w
        .invite(&tree, stamp, folder, "Ben", Some("CFO"))
        .unwrap_or_else(|e| panic!("{e}"));
    workshop::create(&w.path_in(folder), &w).unwrap_or_else(|e| panic!("{e}"));
    (w, folder.join(format!("{}.json", ben.session)))
}

#[test]
fn a_workshop_respondent_is_told_once_to_answer_alone_and_asked_only_the_views() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (w, path) = invited(dir.path());
    let mut opened =
        opening::resume(&path, None, Names::default()).unwrap_or_else(|f| panic!("{}", f.message));
    // From the result, b goes back to the last view, over the facts after it.
    let typed = format!("{}b\n\n", numbers(BEN));
    let (ending, out) = drive(&mut opened, &typed, 0, false);
    assert_eq!(ending, Ending::Finished, "{out}");
    assert_eq!(
        out.matches("A shared screen cannot be blind").count(),
        1,
        "{out}"
    );
    assert!(out.contains("one respondent at a time"), "{out}");
    // The report lists the facts; the questions before it never ask them.
    let asked = out
        .split("TECHNOLOGY LEADERSHIP RECOMMENDATION")
        .next()
        .unwrap_or("");
    assert!(!asked.contains("What does the company sell"), "{out}");
    // Only the last view, on going back from the result, is shown with its answer kept.
    assert_eq!(out.matches("Enter keeps").count(), 1, "{out}");
    assert_eq!(out.matches("\nQuestion 4 (").count(), 2, "{out}");
    for n in 1..=4 {
        assert!(out.contains(&format!("\nQuestion {n} (")), "{out}");
    }
    assert!(!out.contains("\nQuestion 5 ("), "{out}");
    // Counted as the respondent answers: the views left, not the facts.
    assert!(out.contains(": 0 answered, 4 to 5 to go."), "{out}");
    assert!(out.contains("\nQuestion 1 (4 to 5 left)"), "{out}");
    assert!(out.contains("\nQuestion 4 (last question)"), "{out}");
    assert!(out.contains("Recommendation: Hire a CIO"), "{out}");
    let saved = read_path(&path).unwrap_or_else(|e| panic!("{e}"));
    w.check_facts_of(&tree(), &saved)
        .unwrap_or_else(|e| panic!("the workshop refuses the session: {e}"));
}

#[test]
fn a_session_of_ones_own_is_not_told_about_workshops() {
    let (_, out) = interview(&numbers(CIO), 0);
    assert!(!out.contains("A shared screen cannot be blind"), "{out}");
}

#[test]
fn before_the_reveal_e_refuses_a_respondents_report_and_says_what_to_do() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let reports = dir.path().join("reports");
    let (w, path) = invited(dir.path());
    let mut opened =
        opening::resume(&path, None, Names::default()).unwrap_or_else(|f| panic!("{}", f.message));
    let typed = format!("{}e\n1\n\n", numbers(BEN));
    let (_, out) = drive_bytes(&mut opened, typed.as_bytes(), 0, false, &reports);
    assert!(out.contains("Could not write the report"), "{out}");
    assert!(
        out.contains(&format!("workshop {}, and its answers stay hidden", w.id)),
        "{out}"
    );
    assert!(out.contains(&format!("workshop reveal {}", w.id)), "{out}");
    assert!(!reports.exists(), "nothing was written");
}
