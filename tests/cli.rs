//! The `techhire` binary as a user runs it: each subcommand with good and bad input, the exit
//! codes, and what lands on standard output and standard error.

use assert_cmd::Command;
use assert_cmd::cargo::cargo_bin_cmd;
use predicates::prelude::*;
use predicates::str::contains;
use serde_json::Value;

/// The binary, with its sessions kept under Cargo's scratch folder for tests, never in the
/// user's data directory.
fn techhire() -> Command {
    let mut cmd = cargo_bin_cmd!("techhire");
    cmd.env(
        "TECHHIRE_DATA_DIR",
        std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-data"),
    );
    // Never the user's settings: no config file there.
    cmd.env("XDG_CONFIG_HOME", "/nonexistent/techhire-tests");
    cmd.env_remove("TECHHIRE_CONFIG");
    // Whatever terminal runs the tests, nothing in the environment asks for plain mode.
    cmd.env("TERM", "xterm-256color")
        .env_remove("TECHHIRE_PLAIN")
        .env_remove("ACCESSIBLE");
    cmd
}

fn stdout_of(cmd: &mut Command) -> String {
    String::from_utf8_lossy(&cmd.output().map(|o| o.stdout).unwrap_or_default()).into_owned()
}

fn json_of(cmd: &mut Command) -> Value {
    let out = stdout_of(cmd);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("not JSON ({e}):\n{out}"))
}

// ---- validate ------------------------------------------------------------------------------

#[test]
fn validate_passes_the_built_in_tree_and_questions_toml() {
    techhire()
        .arg("validate")
        .assert()
        .success()
        .stdout(contains(
            "questions.toml (built in) is valid: 13 questions, 4 outcomes",
        ));
    techhire()
        .args(["validate", "questions.toml"])
        .assert()
        .success()
        .stdout(contains("questions.toml is valid"));
    techhire()
        .args(["--questions", "questions.toml", "validate"])
        .assert()
        .success()
        .stdout(contains("questions.toml is valid"));
}

#[test]
fn validate_lists_every_problem_with_its_place() {
    techhire()
        .args(["validate", "tests/fixtures/cli/broken.toml"])
        .assert()
        .code(1)
        .stdout(contains("error[unknown-key]: unknown key `colour`"))
        .stdout(contains("--> tests/fixtures/cli/broken.toml:27:1"))
        .stdout(contains("error[unknown-next]"))
        .stdout(contains("--> tests/fixtures/cli/broken.toml:37:8"))
        .stdout(contains("37 | next = \"secnd\""))
        .stdout(contains("hint: did you mean `second`?"))
        .stdout(contains("error[unknown-outcome]"))
        .stdout(contains("--> tests/fixtures/cli/broken.toml:44:14"))
        .stdout(contains(
            "tests/fixtures/cli/broken.toml: 3 errors, 0 warnings",
        ));
    techhire()
        .args(["validate", "tests/fixtures/cli/syntax.toml"])
        .assert()
        .code(1)
        .stdout(contains("error[syntax]"))
        .stdout(contains("--> tests/fixtures/cli/syntax.toml:2:25"));
}

#[test]
fn validate_runs_the_examples_and_places_a_failing_one() {
    techhire()
        .args(["validate", "tests/fixtures/valid/example.toml"])
        .assert()
        .success()
        .stdout(contains("1 rule, 1 example passing"));
    techhire()
        .args(["validate", "tests/fixtures/invalid/example-fails.toml"])
        .assert()
        .code(1)
        .stdout(contains("error[example-fails]: example `inward_small`"))
        .stdout(contains(
            "--> tests/fixtures/invalid/example-fails.toml:144:10",
        ))
        .stdout(contains("144 | expect = [\"combined\"]"))
        .stdout(contains(
            "tests/fixtures/invalid/example-fails.toml: 2 errors, 0 warnings",
        ));
}

#[test]
fn validate_prints_warnings_and_still_passes() {
    techhire()
        .args(["validate", "tests/fixtures/cli/warnings.toml"])
        .assert()
        .success()
        .stdout(contains("warning[unreached-outcome]"))
        .stdout(contains("warning[too-many-choices]"))
        .stdout(contains("0 errors, 2 warnings"))
        .stdout(contains("warnings.toml is valid: 1 question, 2 outcomes"));
}

#[test]
fn validate_json_is_for_editors() {
    let v = json_of(techhire().args([
        "validate",
        "tests/fixtures/cli/broken.toml",
        "--format",
        "json",
    ]));
    assert_eq!(v["valid"], false);
    assert_eq!(v["errors"], 3);
    let d = &v["diagnostics"][1];
    assert_eq!(d["code"], "unknown-next");
    assert_eq!(d["file"], "tests/fixtures/cli/broken.toml");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(37), Some(8))
    );
    techhire()
        .args([
            "validate",
            "tests/fixtures/cli/broken.toml",
            "--format",
            "json",
        ])
        .assert()
        .code(1);

    let v = json_of(techhire().args(["validate", "--format", "json"]));
    assert_eq!(v["valid"], true);
    assert_eq!(v["diagnostics"], serde_json::json!([]));
}

#[test]
fn validate_refuses_what_it_cannot_read() {
    techhire()
        .args(["validate", "tests/fixtures/cli/no-such-file.toml"])
        .assert()
        .code(2)
        .stderr(contains("cannot read tests/fixtures/cli/no-such-file.toml"));
    techhire()
        .args(["validate", "questions.toml", "--questions", "other.toml"])
        .assert()
        .code(2)
        .stderr(contains("two trees given"));
    techhire()
        .args(["validate", "--format", "yaml"])
        .assert()
        .code(2)
        .stderr(contains("invalid value 'yaml'"));
}

// ---- run -----------------------------------------------------------------------------------

const OUTCOMES: [(&str, &str, &str); 4] = [
    ("cio", "Hire a CIO", "What the role owns"),
    ("cto", "Hire a CTO", "What the role owns"),
    (
        "both",
        "Have both a CIO and a CTO",
        "How the two should work together",
    ),
    (
        "combined",
        "Hire one leader for both roles",
        "When to split the role",
    ),
];

fn run(answers: &str, format: &str) -> Command {
    let mut cmd = techhire();
    cmd.args(["run", "--answers", answers, "--format", format]);
    cmd
}

#[test]
fn run_gives_each_outcome_with_reasons_and_what_would_change_it_as_text() {
    for (id, label, guidance) in OUTCOMES {
        run(&format!("tests/answers/{id}.toml"), "text")
            .assert()
            .success()
            .stdout(contains(format!("Recommendation: {label}\n")))
            .stdout(contains("\nWhat we heard\n"))
            .stdout(contains("\nWhy we recommend it\n"))
            .stdout(contains("What would change it"))
            .stdout(contains(guidance))
            .stdout(contains("Sources"));
    }
}

#[test]
fn run_gives_each_outcome_as_json() {
    for (id, label, _) in OUTCOMES {
        let v = json_of(&mut run(&format!("tests/answers/{id}.toml"), "json"));
        assert_eq!(v["format"], "techhire-result");
        assert_eq!(v["version"], 1);
        assert_eq!(v["recommendation"]["id"], id);
        assert_eq!(v["recommendation"]["label"], label);
        assert!(v["answers"].as_array().is_some_and(|a| a.len() >= 8), "{v}");
        assert!(v["what_ifs"].is_array(), "{v}");
        assert!(v["guidance"]["next_steps"].is_array(), "{v}");
    }
}

#[test]
fn run_gives_each_outcome_as_markdown() {
    for (id, label, _) in OUTCOMES {
        run(&format!("tests/answers/{id}.toml"), "markdown")
            .assert()
            .success()
            .stdout(predicate::str::starts_with(format!("# {label}\n")))
            .stdout(contains("\n## What we heard\n"))
            .stdout(contains("\n## Why we recommend it\n"))
            .stdout(contains("\n## What would change it\n"))
            .stdout(contains("\n### Every answer, in the order given\n"));
    }
}

/// `tests/answers/near/*.toml`: each outcome won by a few points, where one changed answer
/// would change the recommendation; the what-ifs must say which, in every format.
#[test]
fn run_names_the_single_answers_that_would_change_each_outcome() {
    for (id, label, _) in OUTCOMES {
        let file = format!("tests/answers/near/{id}.toml");
        let text = stdout_of(&mut run(&file, "text"));
        assert!(
            text.contains(&format!("Recommendation: {label}\n")),
            "{text}"
        );
        assert!(
            !text.contains("Close call"),
            "a clear, if narrow, win: {text}"
        );
        let changes = text
            .split("What would change it")
            .nth(1)
            .unwrap_or_default();
        assert!(
            changes.contains("would change it to") || changes.contains("would lean toward"),
            "{file}: {changes}"
        );
        let v = json_of(&mut run(&file, "json"));
        assert_eq!(v["recommendation"]["id"], id);
        let what_ifs = v["what_ifs"].as_array().cloned().unwrap_or_default();
        assert!(!what_ifs.is_empty(), "{file}: {v}");
        let markdown = stdout_of(&mut run(&file, "markdown"));
        assert!(
            markdown.contains("\n## What would change it\n"),
            "{markdown}"
        );
    }
}

#[test]
fn run_flags_a_close_call_and_what_would_change_it() {
    run("tests/answers/close_call.toml", "text")
        .assert()
        .success()
        .stdout(contains("! A close call. “Hire a CTO” came a close second"))
        .stdout(contains("would change it to Hire a CTO."));
}

#[test]
fn run_names_a_missing_answer_and_its_choices() {
    run("tests/fixtures/cli/answers/missing.toml", "text")
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains(
            "error[missing-answer]: no answer to question `size`",
        ))
        .stderr(contains("after `internal_estate = \"moderate\"`"))
        .stderr(contains("--> tests/fixtures/cli/answers/missing.toml"))
        .stderr(contains("startup        A start-up or small company"))
        .stderr(contains("over_5b        Well over $5 billion"));
}

#[test]
fn run_names_a_wrong_choice_with_the_valid_ones_and_a_mistyped_question() {
    run("tests/fixtures/cli/answers/wrong_choice.toml", "json")
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains(
            "error[unknown-choice]: question `size` has no choice `huge`",
        ))
        .stderr(contains(
            "--> tests/fixtures/cli/answers/wrong_choice.toml:7:8",
        ))
        .stderr(contains(
            "near_5b        Around $5 billion, or growing fast towards it",
        ))
        .stderr(contains(
            "error[unknown-question]: there is no question `focs`",
        ))
        .stderr(contains("did you mean `focus`?"));
}

#[test]
fn run_warns_about_answers_off_the_path() {
    run("tests/fixtures/cli/answers/off_path.toml", "text")
        .assert()
        .success()
        .stdout(contains("Recommendation: Hire a CIO"))
        .stderr(contains(
            "warning[off-path]: question `product_team` is not asked",
        ))
        .stderr(contains("off_path.toml:6:1"));
}

#[test]
fn run_refuses_a_missing_answers_file() {
    run("tests/fixtures/cli/answers/nowhere.toml", "text")
        .assert()
        .code(2)
        .stderr(contains(
            "cannot read tests/fixtures/cli/answers/nowhere.toml",
        ));
    techhire()
        .arg("run")
        .assert()
        .code(2)
        .stderr(contains("--answers <FILE>"));
}

#[test]
fn run_keeps_hostile_tree_text_inert() {
    let mut text = run("tests/fixtures/cli/answers/hostile.toml", "text");
    text.args(["--questions", "tests/fixtures/cli/hostile.toml"]);
    let out = stdout_of(&mut text);
    assert!(out.contains("Recommendation: X <b>bold</b>"), "{out}");
    assert!(!out.chars().any(|c| c.is_control() && c != '\n'), "{out:?}");

    let mut markdown = run("tests/fixtures/cli/answers/hostile.toml", "markdown");
    markdown.args(["--questions", "tests/fixtures/cli/hostile.toml"]);
    let out = stdout_of(&mut markdown);
    assert!(
        out.starts_with("# X \\<b>bold\\</b> & \"quoted\" #1\n"),
        "{out}"
    );
}

#[test]
fn run_reports_a_broken_tree_before_reading_answers() {
    techhire()
        .args(["--questions", "tests/fixtures/cli/broken.toml"])
        .args(["run", "--answers", "tests/answers/cio.toml"])
        .assert()
        .code(1)
        .stderr(contains("--> tests/fixtures/cli/broken.toml:37:8"))
        .stderr(contains(
            // The program as run: `target/debug/techhire` here, as it is not on the PATH.
            "techhire validate tests/fixtures/cli/broken.toml`",
        ));
}

// ---- graph ---------------------------------------------------------------------------------

// ---- census --------------------------------------------------------------------------------

#[test]
fn census_counts_every_path_and_what_it_recommends() {
    techhire()
        .args(["census", "tests/fixtures/valid/example.toml"])
        .assert()
        .success()
        .stdout(contains("14 paths, every one counted."))
        .stdout(contains(
            "  Hire a CTO                                  6   42.9%",
        ))
        .stdout(contains(
            "  Hire a CTO / Have both a CIO and a CTO: 1 (7.1%)",
        ))
        .stdout(contains("  sells_technology              4   28.6%"))
        .stdout(contains("  need        100.0% of            14"))
        .stdout(contains("Examples: the one example passes."));
    let json = json_of(techhire().args([
        "census",
        "tests/fixtures/valid/example.toml",
        "--format",
        "json",
    ]));
    assert_eq!(json["format"], "techhire-census");
    assert_eq!(
        (json["paths"].as_u64(), json["sampled"].as_bool()),
        (Some(14), Some(false))
    );
    assert_eq!(
        json["rules"][0]["recommended"][0],
        serde_json::json!({"id": "cio", "paths": 0})
    );
    assert_eq!(json["questions"][0]["id"], "need");
}

#[test]
fn census_past_its_limit_counts_what_folds_samples_the_rest_and_fails_on_a_failing_example() {
    let past_the_limit = |sample: &str| {
        let mut command = techhire();
        command
            .args(["census", "tests/fixtures/valid/example.toml"])
            .args(["--limit", "10", "--sample", sample, "--seed", "3"]);
        command
    };
    // The example's 14 paths fold in less work than a sample of 1,000 takes: all counted.
    past_the_limit("1000")
        .assert()
        .success()
        .stdout(contains("14 paths, every one counted."));
    // A sample of 5 is less work than folding them: sampled, and said so.
    past_the_limit("5").assert().success().stdout(contains(
        "14 paths: too many to walk, so a random sample of 5 (seed 3) was",
    ));
    techhire()
        .args(["census", "tests/fixtures/invalid/example-fails.toml"])
        .assert()
        .code(1)
        .stdout(contains("Examples: 1 of 1 fail"))
        .stdout(contains("never says \"board\""));
}

#[test]
fn graph_draws_every_question_and_outcome_in_mermaid() {
    let out = stdout_of(techhire().arg("graph"));
    assert!(out.starts_with("flowchart TD\n"), "{out}");
    for id in [
        "looking_for",
        "product_team",
        "internal_estate",
        "incumbent",
    ] {
        assert!(out.contains(&format!("[\"{id}: ")), "{id} in {out}");
    }
    assert!(
        out.contains("-->|\"Run and modernise our core systems\"| q1"),
        "{out}"
    );
    assert!(
        out.contains("-->|\"Security reports elsewhere\"| result"),
        "{out}"
    );
    assert!(
        out.contains("[[\"Hire one leader for both roles\"]]"),
        "{out}"
    );
}

#[test]
fn graph_draws_dot_for_graphviz() {
    let out = stdout_of(techhire().args(["graph", "--format", "dot"]));
    assert!(out.starts_with("digraph techhire {\n"), "{out}");
    assert!(out.ends_with("}\n"), "{out}");
    assert!(
        out.contains("[label=\"Run and modernise our core systems\"];"),
        "{out}"
    );
    assert!(out.contains("result -> o3 [style=dashed];"), "{out}");
    let out = stdout_of(techhire().args([
        "graph",
        "tests/fixtures/cli/hostile.toml",
        "--format",
        "dot",
    ]));
    assert!(
        out.contains("[label=\"One \\\"1\\\" -->|x| end\"];"),
        "{out}"
    );
}

#[test]
fn graph_of_a_broken_tree_is_refused() {
    techhire()
        .args(["graph", "tests/fixtures/cli/broken.toml"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains("3 errors"));
}

// ---- the interview -------------------------------------------------------------------------

/// The CTO answers as numbers typed in plain mode.
const CTO_TYPED: &str = "5\n2\n2\n1\n1\n1\n2\n1\n2\n4\n";

#[test]
fn plain_mode_runs_through_standard_input_to_an_outcome() {
    techhire()
        .arg("--plain")
        .write_stdin(CTO_TYPED)
        .assert()
        .success()
        .stdout(contains("Question 1 (8 to 13 left)"))
        .stdout(contains("Recommendation: Hire a CTO\n"))
        .stdout(contains("What would change it"));
}

/// The README's pipe example finishes the interview, as the README implies: it has to follow
/// the shipped tree when the tree grows a question.
#[test]
fn the_readmes_plain_mode_pipe_reaches_a_recommendation() {
    let readme = std::fs::read_to_string("README.md").expect("README.md");
    let line = readme
        .lines()
        .find(|l| l.starts_with("printf '") && l.ends_with("| techhire --plain"))
        .expect("the README's `printf '...' | techhire --plain` example");
    let typed = line
        .trim_start_matches("printf '")
        .split_once('\'')
        .map(|(typed, _)| typed.replace("\\n", "\n"))
        .expect("the quoted answers");
    techhire()
        .arg("--plain")
        .write_stdin(typed)
        .assert()
        .success()
        .stdout(contains("Recommendation: "));
}

#[test]
fn plain_mode_explains_goes_back_and_hints() {
    let typed = format!("?\nnine\n1\nb\n{CTO_TYPED}");
    techhire()
        .arg("--plain")
        .write_stdin(typed)
        .assert()
        .success()
        .stdout(contains("Why this matters:"))
        .stdout(contains("Please type a number from 1 to 6"))
        .stdout(contains("Run and modernise our core systems (your answer)"))
        .stdout(contains("Recommendation: Hire a CTO"));
}

#[test]
fn plain_mode_stops_cleanly_when_input_ends_early() {
    techhire()
        .arg("--plain")
        .write_stdin("1\n1\n")
        .assert()
        .code(1)
        .stdout(contains("Input ended before the interview finished"));
    techhire()
        .arg("--plain")
        .write_stdin("q\n")
        .assert()
        .code(1)
        .stdout(contains("Stopped before the end"));
}

#[test]
fn plain_mode_uses_the_questions_given() {
    techhire()
        .args(["--plain", "--questions", "tests/fixtures/cli/warnings.toml"])
        .write_stdin("10\n")
        .assert()
        .success()
        .stdout(contains("Question 1 (last question)"))
        .stdout(contains("  10. Number 10"))
        .stdout(contains("Recommendation: Hire a CIO"))
        // The hint names the tree, so it lists these warnings, not the built-in tree's, and
        // the program as run (`target/debug/techhire`, not on the PATH).
        .stderr(contains("has 2 warnings; `"))
        .stderr(contains(
            "techhire validate tests/fixtures/cli/warnings.toml` lists them",
        ));
}

#[test]
fn without_a_terminal_the_interview_says_what_to_do() {
    techhire()
        .write_stdin("1\n")
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("The full-screen interview needs a terminal"))
        .stderr(contains("techhire --plain"))
        .stderr(contains("techhire run --answers FILE"));
    // Each command names its own way to go on line by line.
    techhire()
        .args(["resume", "k3f9x2"])
        .write_stdin("1\n")
        .assert()
        .code(2)
        .stderr(contains("techhire resume k3f9x2 --plain"))
        .stderr(contains("run --answers").not());
    techhire()
        .args(["workshop", "agree", "w7k2pq"])
        .write_stdin("1\n")
        .assert()
        .code(2)
        .stderr(contains("techhire workshop agree w7k2pq --plain"));
}

// ---- help and version ----------------------------------------------------------------------

#[test]
fn version_and_help() {
    techhire()
        .arg("--version")
        .assert()
        .success()
        .stdout(format!("techhire {}\n", env!("CARGO_PKG_VERSION")));
    let help = techhire().arg("--help").assert().success();
    let help = help
        .stdout(contains("validate"))
        .stdout(contains("run"))
        .stdout(contains("graph"))
        .stdout(contains("--plain"))
        .stdout(contains("--questions <FILE>"))
        .stdout(contains("Exit codes"));
    help.stdout(contains("--theme"));
    techhire()
        .args(["--theme", "neon"])
        .assert()
        .code(2)
        .stderr(contains("possible values: dark, light, mono"));
}

// ---- completions, manual, schema, flags that would do nothing --------------------------------

/// Every command `techhire --help` lists, read from the help itself so that commands added
/// later are covered too.
fn commands() -> Vec<String> {
    let help = stdout_of(techhire().arg("--help"));
    let listed = help
        .split("Commands:\n")
        .nth(1)
        .unwrap_or_default()
        .split("\n\n")
        .next()
        .unwrap_or_default();
    let names: Vec<String> = listed
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .map(str::to_string)
        .collect();
    assert!(names.len() >= 10, "too few commands in --help:\n{help}");
    names
}

#[test]
fn completions_for_every_shell_name_every_command() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = stdout_of(techhire().args(["completions", shell]));
        assert!(script.len() > 500, "{shell}: {script}");
        for command in commands() {
            assert!(script.contains(&command), "{shell} lacks `{command}`");
        }
    }
    techhire()
        .args(["completions", "tcsh"])
        .assert()
        .code(2)
        .stderr(contains("possible values: bash"));
}

#[test]
fn the_manual_is_roff_with_every_command_the_exit_codes_and_the_environment() {
    let page = stdout_of(techhire().arg("man"));
    assert!(page.contains(".TH techhire 1"), "{page}");
    for section in [
        "NAME",
        "SYNOPSIS",
        "OPTIONS",
        "COMMANDS",
        "EXIT STATUS",
        "ENVIRONMENT",
    ] {
        assert!(
            page.contains(&format!(".SH {section}\n"))
                || page.contains(&format!(".SH \"{section}\"\n")),
            "no {section}"
        );
    }
    for command in commands() {
        assert!(
            page.contains(&format!(".SS \"techhire {command}\"\n")),
            "no section for `techhire {command}`"
        );
    }
    for code in ["0", "1", "2", "129", "130", "143"] {
        assert!(
            page.contains(&format!(".TP\n\\fB{code}\\fR\n")),
            "exit code {code}"
        );
    }
    for variable in [
        "TECHHIRE_DATA_DIR",
        "TECHHIRE_PLAIN",
        "ACCESSIBLE",
        "TERM",
        "NO_COLOR",
    ] {
        assert!(page.contains(&format!("\\fB{variable}\\fR")), "{variable}");
    }
}

#[test]
fn help_gives_every_exit_code_and_the_theme_default() {
    let help = stdout_of(techhire().arg("--help"));
    for code in ["0 ", "1 ", "2 ", "129", "130", "143"] {
        assert!(
            help.contains(&format!("  {code}")),
            "exit code {code}:\n{help}"
        );
    }
    assert!(help.contains("mono when NO_COLOR is set"), "{help}");
    assert!(
        !help.contains("docs/"),
        "help that needs a checkout:\n{help}"
    );
}

#[test]
fn schema_prints_the_format_for_editors_and_for_people() {
    let schema = json_of(techhire().arg("schema"));
    assert_eq!(schema["$id"], "urn:techhire:question-tree");
    let reference = stdout_of(techhire().args(["schema", "--doc"]));
    assert!(
        reference.starts_with("# The question-tree format"),
        "{reference}"
    );
}

#[test]
fn version_is_a_command_too() {
    techhire()
        .arg("version")
        .assert()
        .success()
        .stdout(format!("techhire {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn flags_that_would_do_nothing_are_refused() {
    techhire()
        .args(["sessions", "--questions", "/nonexistent.toml"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("--questions /nonexistent.toml does nothing here"))
        .stderr(contains("`techhire sessions` reads no question tree"));
    for command in [
        &["man"][..],
        &["schema"],
        &["version"],
        &["completions", "bash"],
    ] {
        techhire()
            .args(command)
            .args(["--questions", "q.toml"])
            .assert()
            .code(2)
            .stdout("");
    }
    techhire()
        .args(["--no-plain", "validate"])
        .assert()
        .code(2)
        .stderr(contains("not for `techhire validate`"));
    // --force only replaces an -o file; colours only show in the full screen.
    techhire()
        .args(["report", "k3f9x2", "--force"])
        .assert()
        .code(2)
        .stderr(contains("--output <FILE>"));
    techhire()
        .args(["--plain", "--theme", "light"])
        .assert()
        .code(2)
        .stderr(contains("cannot be used with"));
}

#[test]
fn quiet_leaves_out_the_notes_but_not_the_answer() {
    techhire()
        .args([
            "--quiet",
            "--plain",
            "--questions",
            "tests/fixtures/cli/warnings.toml",
        ])
        .write_stdin("10\n")
        .assert()
        .success()
        .stdout(contains("Recommendation: Hire a CIO"))
        .stdout(contains("Saved").not())
        .stderr("");
}
