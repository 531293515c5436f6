//! Limits: files too big, nested too deep, lines too long, too many questions or choices, numbers
//! too large. Each is a clear error or a working program, never a hang, a crash or a machine out
//! of memory. Inputs are generated in memory; big files on disk are sparse.

use std::fs::File;
use std::sync::Arc;

use techhire::answers::{self, AnswersError, MAX_ANSWERS_BYTES};
use techhire::session::{MAX_SESSION_BYTES, SessionError, read_path};
use techhire::tree::{EMBEDDED, EMBEDDED_NAME, MAX_TREE_BYTES, load_path, load_str};
use techhire::{Diagnostics, Interview, Step, TreeError};

const OUTCOMES: &str = r#"
[meta]
title = "Limits"
version = "1"
start = "q0"

[[outcomes]]
id = "cio"
label = "Hire a CIO"
summary = "s"
owns = []
priorities = []
profile = "p"
risks = []
next_steps = []

[[outcomes]]
id = "cto"
label = "Hire a CTO"
summary = "s"
owns = []
priorities = []
profile = "p"
risks = []
next_steps = []
"#;

/// A tree of `questions` questions in a chain, each with `choices` choices: the first leads on
/// to the next question, the others end the interview.
fn chain(questions: usize, choices: usize) -> String {
    let mut text = String::from(OUTCOMES);
    for q in 0..questions {
        text.push_str(&format!(
            "\n[[questions]]\nid = \"q{q}\"\nprompt = \"Question {q}?\"\nhelp = \"Why.\"\n"
        ));
        for c in 0..choices {
            let lead = if c == 0 && q + 1 < questions {
                format!("next = \"q{}\"", q + 1)
            } else {
                "end = true".to_string()
            };
            let outcome = ["cio", "cto"][c % 2];
            text.push_str(&format!(
                "[[questions.choices]]\nid = \"c{c}\"\nlabel = \"Choice {c}\"\n{lead}\n\
                 evidence = {{ {outcome} = 1 }}\n"
            ));
        }
    }
    text
}

/// The error report of a tree that must not load.
fn refused(text: &str) -> Diagnostics {
    match load_str("limits.toml", text) {
        Ok(_) => panic!("the tree loaded"),
        Err(report) => report,
    }
}

fn codes(report: &Diagnostics) -> Vec<&str> {
    report.diagnostics.iter().map(|d| d.code).collect()
}

#[test]
fn a_tree_over_the_size_limit_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.toml");
    // Sparse: takes no disk space, and would take the limit in memory if it were read.
    File::create(&path)
        .unwrap()
        .set_len(MAX_TREE_BYTES + 1)
        .unwrap();
    let error = load_path(&path).unwrap_err();
    assert!(matches!(error, TreeError::TooLarge { .. }), "{error:?}");
    let message = error.to_string();
    assert!(message.contains("huge.toml"), "{message}");
    assert!(
        message.contains(&format!("over the {MAX_TREE_BYTES}-byte limit")),
        "{message}"
    );
    assert!(message.contains("is it the right file?"), "{message}");
}

/// A device that never ends is refused before a byte is read (a file that grows while read is
/// cut off at the limit).
#[cfg(target_os = "linux")]
#[test]
fn a_tree_that_never_ends_is_refused_unread() {
    let error = load_path(std::path::Path::new("/dev/zero")).unwrap_err();
    assert!(matches!(error, TreeError::Io { .. }), "{error:?}");
    let message = error.to_string();
    assert!(
        message.contains("/dev/zero: it is a character device, not a regular file"),
        "{message}"
    );
}

/// The TOML parser stops at a nesting depth instead of overflowing the stack; this test runs
/// on the test harness's small (2 MiB) thread stack in a debug build, the worst case.
#[test]
fn deep_nesting_is_a_clear_error_not_a_stack_overflow() {
    let deep = 100_000;
    let dotted = vec!["a"; deep].join(".");
    for text in [
        format!("a = {}{}\n", "[".repeat(deep), "]".repeat(deep)),
        format!("a = {}\n", "[".repeat(deep)),
        format!("a = {}{}\n", "{b = ".repeat(deep), "}".repeat(deep)),
        format!("a = {}\n", "{b = ".repeat(deep)),
        format!("{dotted} = 1\n"),
        format!("[{dotted}]\n"),
        format!("[[{dotted}]]\n"),
    ] {
        let report = refused(&text);
        assert!(codes(&report).contains(&"too-deep"), "{:?}", codes(&report));
        let rendered = report.render();
        assert!(rendered.contains("nest too deeply"), "{rendered}");
        assert!(rendered.contains("limits.toml"), "{rendered}");
        assert!(rendered.len() < 64 * 1024, "{} bytes", rendered.len());
    }
}

#[test]
fn a_ten_megabyte_line_loads_and_its_errors_stay_short() {
    let long = "x".repeat(10 * 1024 * 1024);
    let text = chain(2, 2).replacen(
        "prompt = \"Question 0?\"",
        &format!("prompt = \"{long}\""),
        1,
    );
    let loaded = load_str("limits.toml", &text).unwrap();
    assert_eq!(loaded.tree.question(0).prompt.len(), long.len());

    // The same line with a mistake after the long string: the error shows a window of it.
    let broken = text.replacen(&format!("\"{long}\""), &format!("\"{long}\" oops"), 1);
    let rendered = refused(&broken).render();
    assert!(rendered.contains(" | …xxxxxxxx"), "{rendered}");
    assert!(rendered.contains("xxxxxxxx\" oops\n"), "{rendered}");
    assert!(rendered.len() < 2_000, "{} bytes", rendered.len());
}

#[test]
fn ten_thousand_choices_on_a_question_warn_and_work() {
    let text = chain(2, 10_000);
    let loaded = load_str("limits.toml", &text).unwrap();
    assert_eq!(codes(&loaded.warnings), ["too-many-choices"; 2]);
    assert!(loaded.warnings.render().contains("has 10000 choices"));
    let mut interview = Interview::new(Arc::new(loaded.tree));
    interview.answer(0).unwrap();
    interview.answer(9_999).unwrap();
    let result = interview.result().unwrap();
    // A tie (cio +1, cto +1) names both.
    assert_eq!(
        (result.scores.as_slice(), result.leaders.as_slice()),
        ([1, 1].as_slice(), [0, 1].as_slice())
    );
    // Every other choice of the first question ends the interview there with one point for
    // cio or cto: each settles the tie, so all 9,999 change the result; of the second
    // question's, the 5,000 for cio do (the other cto answers keep the tie).
    assert_eq!(result.what_ifs.len(), 9_999 + 5_000);
}

#[test]
fn a_hundred_thousand_questions_load_and_finish_with_a_result() {
    let questions = 100_000;
    let text = chain(questions, 2);
    // Files are limited to a few MiB, but the engine takes a bigger text from memory.
    let tree = Arc::new(load_str("limits.toml", &text).unwrap().tree);
    assert_eq!(tree.remaining_from(tree.start()), (1, questions as u32));
    let mut interview = Interview::new(tree);
    interview.restore((0..questions).map(|question| Step {
        question,
        choice: 0,
    }));
    assert!(interview.is_finished());
    assert_eq!(interview.path().len(), questions);
    let result = interview.result().unwrap();
    assert_eq!(result.scores, [questions as i64, 0]);
    // Only answering the first question the other way (cto +1, and the end) changes it to a
    // CTO, and the second (cio 1, cto 1) to a tie.
    assert_eq!(result.what_ifs.len(), 2);
    assert_eq!((result.what_ifs[0].question, result.what_ifs[0].to), (0, 1));
    assert_eq!(result.what_ifs[1].tied_with, [1]);
}

#[test]
fn thousands_of_mistakes_are_counted_and_the_first_hundred_shown() {
    // Every `next` misspelt: each is reported (with the questions it leaves unreachable once
    // the hints run out of guesses), and the report stays readable.
    let text = chain(5_000, 1).replace("next = \"q", "next = \"x");
    let report = refused(&text);
    let misspelt = codes(&report)
        .iter()
        .filter(|c| **c == "unknown-next")
        .count();
    assert_eq!(misspelt, 5_000 - 1);
    let rendered = report.render();
    let shown = rendered
        .lines()
        .filter(|l| l.starts_with("error[") || l.starts_with("warning["))
        .count();
    assert_eq!(shown, 100);
    let hidden = format!("… and {} more not shown", report.diagnostics.len() - 100);
    assert!(rendered.contains(&hidden), "{}", &rendered[..500]);
    assert_eq!(report.to_json()["errors"], report.errors());

    // A hundred thousand lines that are not TOML at all.
    let report = refused(&"x\n".repeat(100_000));
    assert_eq!(report.errors(), 100_000);
    assert!(report.render().contains("… and 99900 more not shown"));
}

#[test]
fn evidence_weights_out_of_range_are_errors_at_their_place() {
    let tree = chain(1, 2);
    for (weight, code, says) in [
        (
            "5000",
            "weight-range",
            "evidence weight 5000 for `cio` is out of range",
        ),
        (
            "-1001",
            "weight-range",
            "evidence weight -1001 for `cio` is out of range",
        ),
        ("99999999999", "wrong-type", "99999999999"),
        ("-2147483649", "wrong-type", "-2147483649"),
        ("1e300", "wrong-type", "float"),
    ] {
        let text = tree.replacen(
            "evidence = { cio = 1 }",
            &format!("evidence = {{ cio = {weight} }}"),
            1,
        );
        let report = refused(&text);
        assert_eq!(codes(&report), [code], "{weight}");
        let rendered = report.render();
        assert!(rendered.contains(says), "{weight}: {rendered}");
        let line = text.lines().position(|l| l.contains(weight)).unwrap() + 1;
        assert!(
            rendered.contains(&format!("limits.toml:{line}:")),
            "{rendered}"
        );
    }
}

#[test]
fn a_session_over_the_size_limit_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.json");
    File::create(&path)
        .unwrap()
        .set_len(MAX_SESSION_BYTES + 1)
        .unwrap();
    let error = read_path(&path).unwrap_err();
    assert!(matches!(error, SessionError::TooLarge { .. }), "{error:?}");
    assert!(error.to_string().contains("huge.json"));
    #[cfg(target_os = "linux")]
    assert!(matches!(
        read_path(std::path::Path::new("/dev/zero")),
        Err(SessionError::Read { .. })
    ));
}

#[test]
fn a_deeply_nested_session_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("deep.json");
    for inner in [
        format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)),
        "{\"a\":".repeat(100_000),
        "[".repeat(100_000),
    ] {
        let text = format!("{{\"format\": \"techhire-session\", \"version\": 1, \"x\": {inner}}}");
        std::fs::write(&path, text).unwrap();
        let message = read_path(&path).unwrap_err().to_string();
        assert!(message.contains("deep.json"), "{message}");
        assert!(
            message.contains("nests lists or objects too deeply"),
            "{message}"
        );
        assert!(message.contains("left as it is"), "{message}");
    }
}

#[test]
fn an_answers_file_over_the_size_limit_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge-answers.toml");
    File::create(&path)
        .unwrap()
        .set_len(MAX_ANSWERS_BYTES + 1)
        .unwrap();
    let error = answers::load_path(&path).unwrap_err();
    assert!(matches!(error, AnswersError::TooLarge { .. }), "{error:?}");
    assert!(error.to_string().contains("huge-answers.toml"));
    #[cfg(target_os = "linux")]
    assert!(matches!(
        answers::load_path(std::path::Path::new("/dev/zero")),
        Err(AnswersError::Io { .. })
    ));
}

#[test]
fn hostile_answers_files_get_short_clear_errors() {
    let shipped = Arc::new(load_str(EMBEDDED_NAME, EMBEDDED).unwrap().tree);
    let problems = |text: &str| match answers::parse("a.toml", text) {
        Err(problems) => problems,
        Ok(answers) => match answers.apply(&shipped) {
            Err(problems) => problems,
            Ok(_) => panic!("the answers applied"),
        },
    };

    // Nested 100,000 deep: an error, not a stack overflow.
    let deep = problems(&format!(
        "a = {}{}\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    ));
    assert_eq!(deep.errors(), 1);
    assert!(deep.render().len() < 1_000);

    // A 10 MiB choice id: named in a few hundred bytes, not printed whole.
    let long = problems(&format!(
        "looking_for = \"{}\"\n",
        "x".repeat(10 * 1024 * 1024)
    ));
    let rendered = long.render();
    assert!(rendered.contains("has no choice `xxxx"), "{rendered}");
    assert!(rendered.len() < 2_000, "{} bytes", rendered.len());

    // A million lines that are not answers, or answers to questions the tree does not have:
    // every one counted, the first hundred shown.
    for text in [
        "x\n".repeat(1_000_000),
        (0..1_000_000).map(|i| format!("q{i} = \"x\"\n")).collect(),
    ] {
        let many = problems(&text);
        assert!(many.errors() >= 1_000_000, "{}", many.errors());
        let rendered = many.render();
        assert!(rendered.contains("more not shown"), "{}", &rendered[..500]);
        assert!(rendered.len() < 200_000, "{} bytes", rendered.len());
    }
}

#[test]
fn a_hundred_thousand_answers_apply_to_a_hundred_thousand_questions() {
    let questions = 100_000;
    let tree = Arc::new(load_str("limits.toml", &chain(questions, 2)).unwrap().tree);
    let text: String = (0..questions).map(|q| format!("q{q} = \"c0\"\n")).collect();
    assert!(
        text.len() < MAX_ANSWERS_BYTES as usize,
        "{} bytes",
        text.len()
    );
    let applied = answers::parse("a.toml", &text)
        .unwrap()
        .apply(&tree)
        .unwrap();
    assert!(applied.warnings.is_empty());
    assert_eq!(applied.interview.path().len(), questions);
    assert_eq!(
        applied.interview.result().unwrap().scores,
        [questions as i64, 0]
    );
}
