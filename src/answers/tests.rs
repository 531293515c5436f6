use std::sync::Arc;

use super::*;
use crate::tree::{EMBEDDED, EMBEDDED_NAME, load_str};

fn tree() -> Arc<Tree> {
    match load_str(EMBEDDED_NAME, EMBEDDED) {
        Ok(loaded) => Arc::new(loaded.tree),
        Err(report) => panic!("the built-in tree must load:\n{}", report.render()),
    }
}

const CIO: &str = r#"# a comment
looking_for = "run_core"
focus = "internal"
value_line = "bottom_line"
business = "b2b_behind"
size = "midsize"
internal_estate = "moderate"
ownership = "private"
existing_leaders = "none_open"
security_owner = "new_leader"
"#;

fn apply(text: &str) -> Result<Applied, Problems> {
    match parse("a.toml", text) {
        Ok(answers) => answers.apply(&tree()),
        Err(problems) => panic!("should parse:\n{}", problems.render()),
    }
}

fn errors(text: &str) -> String {
    match parse("a.toml", text) {
        Err(problems) => problems.render(),
        Ok(answers) => match answers.apply(&tree()) {
            Err(problems) => problems.render(),
            Ok(_) => panic!("expected problems with:\n{text}"),
        },
    }
}

#[test]
fn a_complete_file_finishes_the_interview() {
    let applied = apply(CIO).unwrap_or_else(|p| panic!("{}", p.render()));
    assert!(applied.interview.is_finished());
    assert!(applied.warnings.is_empty());
    let result = applied.interview.result().map(|r| r.outcome);
    assert_eq!(result, tree().outcome_index("cio"));
}

#[test]
fn an_unknown_choice_lists_the_valid_ones_with_labels() {
    let out = errors(&CIO.replace("\"midsize\"", "\"huge\""));
    assert!(
        out.contains("error[unknown-choice]: question `size` has no choice `huge`"),
        "{out}"
    );
    assert!(out.contains("--> a.toml:6:8"), "{out}");
    assert!(out.contains("6 | size = \"huge\""), "{out}");
    assert!(out.contains("|        ^^^^^^"), "{out}");
    assert!(
        out.contains("midsize        An established company, well under $5 billion"),
        "{out}"
    );
    assert!(out.contains("over_5b"), "{out}");
    // The wrong answer is not reported a second time as a missing one.
    assert!(!out.contains("missing-answer"), "{out}");
    assert!(out.contains("a.toml: 1 error, 0 warnings"), "{out}");
}

#[test]
fn a_close_typo_of_a_choice_is_suggested() {
    let out = errors(&CIO.replace("\"midsize\"", "\"midsze\""));
    assert!(out.contains("did you mean `midsize`?"), "{out}");
}

#[test]
fn an_unknown_question_suggests_close_ids() {
    let out = errors(&CIO.replace("size =", "sise ="));
    assert!(
        out.contains("error[unknown-question]: there is no question `sise`"),
        "{out}"
    );
    assert!(out.contains("--> a.toml:6:1"), "{out}");
    assert!(out.contains("did you mean `size`?"), "{out}");
    // With `size` unanswered, the path stops there too.
    assert!(
        out.contains("error[missing-answer]: no answer to question `size`"),
        "{out}"
    );
}

#[test]
fn an_unknown_question_with_nothing_close_lists_every_question() {
    let out = errors(&format!("{CIO}zzzzzzzz = \"x\"\n"));
    assert!(out.contains("use one of the question ids below"), "{out}");
    assert!(out.contains("looking_for"), "{out}");
    assert!(out.contains("What do you most need"), "{out}");
}

#[test]
fn a_missing_answer_names_the_question_and_its_choices() {
    let without_size: String = CIO
        .lines()
        .filter(|l| !l.starts_with("size"))
        .map(|l| format!("{l}\n"))
        .collect();
    let out = errors(&without_size);
    assert!(out.contains("no answer to question `size`"), "{out}");
    assert!(out.contains("Roughly how large is the company"), "{out}");
    assert!(
        out.contains("after `internal_estate = \"moderate\"`"),
        "{out}"
    );
    assert!(out.contains(" --> a.toml\n"), "{out}");
    assert!(out.contains("add a line `size = \"choice_id\"`"), "{out}");
    assert!(out.contains("near_5b"), "{out}");
}

#[test]
fn an_empty_file_is_missing_the_first_answer() {
    let out = errors("");
    assert!(out.contains("no answer to question `looking_for`"), "{out}");
    assert!(out.contains("which the interview asks first"), "{out}");
}

#[test]
fn answers_off_the_path_are_warnings() {
    let applied = apply(&format!("{CIO}digital_vs_tech = \"technologies\"\n"))
        .unwrap_or_else(|p| panic!("{}", p.render()));
    assert!(applied.interview.is_finished());
    let out = applied.warnings.render();
    assert_eq!(applied.warnings.warnings(), 1, "{out}");
    assert!(
        out.contains("warning[off-path]: question `digital_vs_tech` is not asked"),
        "{out}"
    );
    assert!(out.contains("--> a.toml:11:1"), "{out}");
}

#[test]
fn syntax_errors_and_wrong_types_are_placed() {
    let out = errors("looking_for = run_core\n");
    assert!(out.contains("error[syntax]"), "{out}");
    assert!(out.contains("--> a.toml:1:"), "{out}");

    let out = errors("looking_for = 3\nfocus = \"internal\"\n");
    assert!(
        out.contains("error[wrong-type]: the answer to `looking_for` is not a choice id in quotes"),
        "{out}"
    );
    assert!(out.contains("--> a.toml:1:15"), "{out}");

    let out = errors("[answers]\nlooking_for = \"run_core\"\n");
    assert!(out.contains("error[not-flat]"), "{out}");
}

#[test]
fn duplicate_keys_are_refused() {
    let out = errors("looking_for = \"run_core\"\nlooking_for = \"rnd_innovation\"\n");
    assert!(out.contains("error[syntax]"), "{out}");
    assert!(out.contains("--> a.toml:2:1"), "{out}");
}

#[test]
fn hostile_text_cannot_reach_the_terminal() {
    let out = errors("looking_for = \"\\u001b]52;c;eA==\\u0007\"\n");
    assert!(!out.chars().any(|c| c.is_control() && c != '\n'), "{out:?}");
}

#[test]
fn files_over_the_limit_are_refused_unread() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("big.toml");
    let file = std::fs::File::create(&path).unwrap_or_else(|e| panic!("{e}"));
    file.set_len(MAX_ANSWERS_BYTES + 1)
        .unwrap_or_else(|e| panic!("{e}"));
    let err = load_path(&path).map(|_| ()).map_err(|e| e.to_string());
    assert!(
        matches!(&err, Err(m) if m.contains("over the") && m.contains("big.toml")),
        "{err:?}"
    );
}

#[test]
fn a_missing_file_is_an_io_error_naming_it() {
    let err = load_path(Path::new("no/such/answers.toml"));
    assert!(matches!(&err, Err(AnswersError::Io { file, .. }) if file == "no/such/answers.toml"));
}

#[test]
fn suggestions_are_close_and_few() {
    let ids = ["size", "vendors", "focus", "security_owner"];
    assert_eq!(suggestions("sise", ids.iter().copied()), vec!["size"]);
    assert_eq!(
        suggestions("security", ids.iter().copied()),
        vec!["security_owner"]
    );
    assert!(suggestions("xyz", ids.iter().copied()).is_empty());
}
