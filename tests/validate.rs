//! The validator, one fixture per kind of problem: each file in `tests/fixtures/invalid/` is
//! loaded as `techhire validate` loads it (examples run), and every diagnostic is checked for its code, message and
//! exact line:column. `many.toml` holds many problems at once and proves a single pass reports
//! them all; its rendered report is snapshotted.

use std::path::Path;

use techhire::examples::load_path;
use techhire::tree::{Diagnostics, TreeError};

use Level::{Error, Warning};

#[derive(Debug, Clone, Copy, PartialEq)]
enum Level {
    Error,
    Warning,
}

/// (severity, code, line, column, message), as the JSON report gives them.
type Found = (Level, String, u64, u64, String);

fn path(name: &str) -> String {
    format!("tests/fixtures/invalid/{name}.toml")
}

/// Loads a fixture; its report, whether it loaded (warnings only) or not.
fn report(name: &str) -> Diagnostics {
    match load_path(Path::new(&path(name))) {
        Ok(loaded) => loaded.warnings,
        Err(TreeError::Invalid(report)) => report,
        Err(other) => panic!("{name}: expected diagnostics, got: {other}"),
    }
}

fn found(report: &Diagnostics) -> Vec<Found> {
    let json = report.to_json();
    let items = json["diagnostics"].as_array().cloned().unwrap_or_default();
    items
        .iter()
        .map(|d| {
            let level = if d["severity"] == "warning" {
                Warning
            } else {
                Error
            };
            (
                level,
                d["code"].as_str().unwrap_or_default().to_string(),
                d["line"].as_u64().unwrap_or(0),
                d["column"].as_u64().unwrap_or(0),
                d["message"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

fn expect(name: &str, expected: &[(Level, &str, u64, u64, &str)]) {
    let report = report(name);
    let expected: Vec<Found> = expected
        .iter()
        .map(|&(l, c, line, col, m)| (l, c.to_string(), line, col, m.to_string()))
        .collect();
    assert_eq!(found(&report), expected, "{}", report.render());
    // Errors stop the tree from loading; warnings alone do not.
    let has_errors = expected.iter().any(|d| d.0 == Error);
    assert_eq!(
        load_path(Path::new(&path(name))).is_err(),
        has_errors,
        "{name}"
    );
}

#[test]
fn cycle() {
    expect(
        "cycle",
        &[(
            Error,
            "cycle",
            119,
            8,
            "choice `large` of question `size` leads back round a cycle: need → sells_tech → size → need",
        )],
    );
}

#[test]
fn duplicate_id_choices() {
    expect(
        "duplicate-id-choices",
        &[(
            Error,
            "duplicate-id",
            104,
            6,
            "question `sells_tech` has two choices with the id `yes`",
        )],
    );
}

#[test]
fn duplicate_id_outcomes() {
    expect(
        "duplicate-id-outcomes",
        &[(
            Error,
            "duplicate-id",
            63,
            6,
            "two outcomes have the id `cto`",
        )],
    );
}

#[test]
fn duplicate_id_questions() {
    expect(
        "duplicate-id-questions",
        &[(
            Error,
            "duplicate-id",
            131,
            6,
            "two questions have the id `size`",
        )],
    );
}

#[test]
fn duplicate_id_sources() {
    expect(
        "duplicate-id-sources",
        &[(
            Error,
            "duplicate-id",
            17,
            6,
            "two sources have the id `techtarget`",
        )],
    );
}

#[test]
fn empty_text() {
    expect(
        "empty-text",
        &[
            (
                Error,
                "empty-text",
                92,
                10,
                "question `sells_tech` has an empty `prompt`",
            ),
            (
                Error,
                "empty-text",
                105,
                9,
                "choice `no` of question `sells_tech` has an empty label",
            ),
        ],
    );
}

#[test]
fn invalid_id() {
    expect(
        "invalid-id",
        &[(
            Error,
            "invalid-id",
            91,
            6,
            "the id `sells tech` has characters other than letters, digits, `_` and `-`",
        )],
    );
}

#[test]
fn many() {
    expect(
        "many",
        &[
            (
                Error,
                "wrong-type",
                7,
                21,
                "expected a whole number, 0 or more, found string \"one\"",
            ),
            (
                Error,
                "missing-key",
                9,
                1,
                "this table has no `date`, which it needs",
            ),
            (Error, "unknown-key", 18, 1, "unknown key `colour`"),
            (
                Error,
                "duplicate-id",
                63,
                6,
                "two outcomes have the id `cto`",
            ),
            (
                Error,
                "invalid-id",
                79,
                6,
                "the id `in side` has characters other than letters, digits, `_` and `-`",
            ),
            (
                Error,
                "unknown-next",
                89,
                8,
                "choice `products` of question `need` leads to `sell_tech`, which is not a question",
            ),
            (
                Error,
                "unknown-outcome",
                90,
                14,
                "choice `products` of question `need` gives evidence for `ctoo`, which is not an outcome",
            ),
            (
                Error,
                "next-and-end",
                97,
                7,
                "choice `both_sides` of question `need` has both `next` and `end = true`",
            ),
            (
                Error,
                "empty-text",
                103,
                10,
                "question `sells_tech` has an empty `prompt`",
            ),
            (
                Error,
                "unknown-source",
                105,
                12,
                "`techtargt` is not a declared source",
            ),
            (
                Error,
                "duplicate-id",
                115,
                6,
                "question `sells_tech` has two choices with the id `yes`",
            ),
            (
                Error,
                "weight-range",
                118,
                20,
                "evidence weight 1001 for `cio` is out of range",
            ),
            (
                Error,
                "no-next",
                135,
                6,
                "choice `smaller` of question `size` says neither where it leads nor that it ends",
            ),
            (
                Warning,
                "too-many-choices",
                174,
                6,
                "question `size` has 10 choices; only the first nine get a digit key",
            ),
            (
                Error,
                "no-end",
                181,
                6,
                "no answer to question `stuck` can ever end the interview",
            ),
            (
                Error,
                "cycle",
                188,
                8,
                "choice `again` of question `stuck` leads back round a cycle: stuck → stuck",
            ),
            (
                Error,
                "unreachable",
                191,
                6,
                "question `budget` cannot be reached from the start",
            ),
            (
                Error,
                "no-choices",
                194,
                11,
                "question `budget` has no choices",
            ),
        ],
    );
}

#[test]
fn missing_key() {
    expect(
        "missing-key",
        &[(
            Error,
            "missing-key",
            27,
            1,
            "this table has no `profile`, which it needs",
        )],
    );
}

#[test]
fn next_and_end() {
    expect(
        "next-and-end",
        &[(
            Error,
            "next-and-end",
            87,
            7,
            "choice `both_sides` of question `need` has both `next` and `end = true`",
        )],
    );
}

#[test]
fn no_choices() {
    expect(
        "no-choices",
        &[(
            Error,
            "no-choices",
            134,
            11,
            "question `budget` has no choices",
        )],
    );
}

#[test]
fn no_end() {
    expect(
        "no-end",
        &[
            (
                Error,
                "no-end",
                131,
                6,
                "no answer to question `stuck` can ever end the interview",
            ),
            (
                Error,
                "cycle",
                138,
                8,
                "choice `again` of question `stuck` leads back round a cycle: stuck → stuck",
            ),
        ],
    );
}

#[test]
fn no_next() {
    expect(
        "no-next",
        &[(
            Error,
            "no-next",
            124,
            6,
            "choice `smaller` of question `size` says neither where it leads nor that it ends",
        )],
    );
}

#[test]
fn no_outcomes() {
    expect(
        "no-outcomes",
        &[(Error, "no-outcomes", 3, 1, "the tree declares no outcomes")],
    );
}

#[test]
fn no_questions() {
    expect(
        "no-questions",
        &[(
            Error,
            "no-questions",
            3,
            1,
            "the tree declares no questions",
        )],
    );
}

#[test]
fn syntax() {
    expect(
        "syntax",
        &[
            (
                Error,
                "syntax",
                5,
                10,
                "string values must be quoted, expected literal string",
            ),
            (
                Error,
                "syntax",
                6,
                9,
                "`need` is not a TOML value: text needs quotes, like \"need\"",
            ),
        ],
    );
}

#[test]
fn too_deep() {
    expect(
        "too-deep",
        &[(
            Error,
            "too-deep",
            8,
            88,
            "arrays or tables nest too deeply here to be read",
        )],
    );
}

#[test]
fn too_many_choices() {
    expect(
        "too-many-choices",
        &[(
            Warning,
            "too-many-choices",
            181,
            6,
            "question `sector` has 10 choices; only the first nine get a digit key",
        )],
    );
}

#[test]
fn unknown_key() {
    expect(
        "unknown-key",
        &[(Error, "unknown-key", 112, 1, "unknown key `promt`")],
    );
}

#[test]
fn unknown_next() {
    expect(
        "unknown-next",
        &[(
            Error,
            "unknown-next",
            71,
            8,
            "choice `inside` of question `need` leads to `sell_tech`, which is not a question",
        )],
    );
}

#[test]
fn unknown_outcome() {
    expect(
        "unknown-outcome",
        &[(
            Error,
            "unknown-outcome",
            100,
            14,
            "choice `yes` of question `sells_tech` gives evidence for `ctoo`, which is not an outcome",
        )],
    );
}

#[test]
fn unknown_source() {
    expect(
        "unknown-source",
        &[(
            Error,
            "unknown-source",
            94,
            12,
            "`techtargt` is not a declared source",
        )],
    );
}

#[test]
fn unknown_start() {
    expect(
        "unknown-start",
        &[(
            Error,
            "unknown-start",
            6,
            9,
            "`start` names `needs`, which is not a question",
        )],
    );
}

#[test]
fn unreachable() {
    expect(
        "unreachable",
        &[(
            Error,
            "unreachable",
            131,
            6,
            "question `budget` cannot be reached from the start",
        )],
    );
}

#[test]
fn unreached_outcome() {
    expect(
        "unreached-outcome",
        &[(
            Warning,
            "unreached-outcome",
            51,
            6,
            "no path through the interview recommends `combined`",
        )],
    );
}

#[test]
fn weight_range() {
    expect(
        "weight-range",
        &[(
            Error,
            "weight-range",
            72,
            20,
            "evidence weight 3000 for `cio` is out of range",
        )],
    );
}

#[test]
fn wrong_type() {
    expect(
        "wrong-type",
        &[(
            Error,
            "wrong-type",
            107,
            20,
            "expected a whole number, found string \"one\"",
        )],
    );
}

#[test]
fn a_file_that_is_not_utf8_is_refused_with_its_place() {
    let file = path("not-utf8");
    match load_path(Path::new(&file)) {
        Err(e @ TreeError::NotUtf8 { line, column, .. }) => {
            assert_eq!((line, column), (18, 25));
            assert_eq!(
                e.to_string(),
                format!(
                    "{file}:18:25: the file is not UTF-8 text (byte 409 is not valid UTF-8); save it as UTF-8"
                )
            );
        }
        other => panic!("expected NotUtf8, got {other:?}"),
    }
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_it_is_read() {
    // A sparse file: one byte over the limit, yet taking no space on disk.
    let dir = tempfile::tempdir().expect("a temporary directory");
    let file = dir.path().join("huge.toml");
    let handle = std::fs::File::create(&file).expect("create the file");
    let limit = techhire::tree::MAX_TREE_BYTES;
    handle.set_len(limit + 1).expect("size the file");
    match load_path(&file) {
        Err(e @ TreeError::TooLarge { size, .. }) => {
            assert_eq!(size, limit + 1);
            assert_eq!(
                e.to_string(),
                format!(
                    "{} is {} bytes, over the {limit}-byte limit for question trees; is it the right file?",
                    file.display(),
                    limit + 1
                )
            );
        }
        other => panic!("expected TooLarge, got {other:?}"),
    }
}

#[test]
fn many_problems_are_all_reported_in_one_pass() {
    let report = report("many");
    let kinds: std::collections::BTreeSet<String> =
        found(&report).into_iter().map(|d| d.1).collect();
    // Everything but what cannot share a file with the rest: a syntax error (nothing else is
    // checked until the TOML parses), an unknown start (reachability needs one), empty lists of
    // outcomes or questions, and the unreached-outcome warning (it needs an error-free tree).
    for kind in [
        "wrong-type",
        "missing-key",
        "unknown-key",
        "duplicate-id",
        "invalid-id",
        "unknown-next",
        "unknown-outcome",
        "next-and-end",
        "empty-text",
        "unknown-source",
        "weight-range",
        "no-next",
        "too-many-choices",
        "no-end",
        "cycle",
        "unreachable",
        "no-choices",
    ] {
        assert!(
            kinds.contains(kind),
            "{kind} missing from:\n{}",
            report.render()
        );
    }
    insta::assert_snapshot!(report.render());
}

/// The codes the loader and validator can emit, read from their source, so that a new kind of
/// problem cannot be added without a fixture.
fn codes_in_source() -> Vec<String> {
    let sources = [
        include_str!("../src/tree/load/mod.rs"),
        include_str!("../src/tree/validate/mod.rs"),
        include_str!("../src/tree/validate/questions.rs"),
        include_str!("../src/tree/validate/flow.rs"),
        include_str!("../src/tree/load/wording.rs"),
    ];
    let mut codes = Vec::new();
    for text in sources {
        for call in ["Diagnostic::error(", "Diagnostic::warning("] {
            for (at, _) in text.match_indices(call) {
                let rest = text[at + call.len()..].trim_start();
                if let Some(quoted) = rest.strip_prefix('"')
                    && let Some(end) = quoted.find('"')
                {
                    codes.push(quoted[..end].to_string());
                }
            }
        }
    }
    codes.sort();
    codes.dedup();
    codes
}

#[test]
fn every_kind_of_problem_has_a_fixture() {
    let codes = codes_in_source();
    assert!(codes.len() >= 20, "found only {codes:?}");
    let mut covered = std::collections::BTreeSet::new();
    for entry in std::fs::read_dir("tests/fixtures/invalid").expect("the fixtures folder") {
        let name = entry.expect("a fixture").path();
        let stem = name
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        if stem == "not-utf8" {
            continue;
        }
        covered.extend(found(&report(&stem)).into_iter().map(|d| d.1));
    }
    let missing: Vec<&String> = codes.iter().filter(|c| !covered.contains(*c)).collect();
    assert!(missing.is_empty(), "no fixture shows {missing:?}");
}

#[test]
fn every_kind_of_problem_is_documented() {
    let doc = include_str!("../docs/questions-format.md");
    let undocumented: Vec<String> = codes_in_source()
        .into_iter()
        .filter(|code| !doc.contains(&format!("| `{code}` |")))
        .collect();
    assert!(
        undocumented.is_empty(),
        "docs/questions-format.md does not explain {undocumented:?}"
    );
}

#[test]
fn unknown_ids_in_rules_and_examples() {
    expect(
        "unknown-in-rules",
        &[
            (
                Error,
                "unknown-question",
                141,
                10,
                "rule `sells` names `sells_tek`, which is not a question",
            ),
            (
                Error,
                "unknown-choice",
                141,
                36,
                "rule `sells` names choice `product` of question `need`, which has no such choice",
            ),
            (
                Error,
                "unknown-outcome",
                142,
                13,
                "rule `sells` rules out `ceo`, which is not an outcome",
            ),
            (
                Error,
                "unknown-outcome",
                150,
                18,
                "example `startup` expects `cfo`, which is not an outcome",
            ),
        ],
    );
}

#[test]
fn rule_never_fires() {
    expect(
        "rule-never-fires",
        &[(
            Warning,
            "rule-never-fires",
            141,
            8,
            "rule `both_and_selling` never holds: no path through the interview meets all of its conditions",
        )],
    );
}

#[test]
fn nothing_left() {
    expect(
        "nothing-left",
        &[(
            Error,
            "nothing-left",
            148,
            12,
            "on some paths the rules rule out every outcome (`sells`, `large_seller` together), leaving nothing to recommend",
        )],
    );
    // The hint gives a path on which it happens.
    let report = report("nothing-left");
    assert_eq!(
        report.diagnostics[0].hint,
        "for example: need = inside, sells_tech = yes, size = large; narrow a rule's `when` or `rule_out` so one outcome stays open"
    );
}

#[test]
fn example_fails() {
    expect(
        "example-fails",
        &[
            (
                Error,
                "example-fails",
                144,
                10,
                "example `inward_small` (A small manufacturer that runs its own systems) expects `combined`, but the tree recommends `cio` (\"Hire a CIO\")",
            ),
            (
                Error,
                "example-fails",
                145,
                36,
                "the explanation for example `inward_small` never says \"board\"",
            ),
        ],
    );
}
