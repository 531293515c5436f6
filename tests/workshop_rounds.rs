//! A workshop's second round and the interview the room agrees together, from the command
//! line as a consultant runs them: `workshop round` after the reveal, each person resuming
//! their new session with their earlier answers offered, the reveal, `show` telling who moved,
//! `workshop agree --plain` with everyone's answers under each question, and `sessions`
//! showing the round and the agreed result. Everything out of order is refused.

#[allow(dead_code)] // Each test file uses some of the shared helpers.
mod common;

use std::path::Path;

use predicates::prelude::*;
use predicates::str::contains;
use serde_json::Value;

const DIR: &str = "tests/answers/workshop";

/// Cai's views, which Ben comes round to in round 2.
const CAI: &[(&str, &str)] = &[
    ("looking_for", "transform_internal"),
    ("focus", "both_equal"),
    ("digital_vs_tech", "both_ends"),
    ("value_line", "both_lines"),
    ("security_owner", "new_leader"),
];

/// The worked example kept as a workshop, revealed (everyone has finished); its id.
fn revealed(data: &Path) -> String {
    let mut cmd = common::techhire(data);
    cmd.args(["workshop", "run", "--facts", &format!("{DIR}/facts.toml")]);
    for (name, file) in [
        ("Ana (CEO)", "ana-ceo.toml"),
        ("Ben (CFO)", "ben-cfo.toml"),
        ("Cai (COO)", "cai-coo.toml"),
    ] {
        cmd.arg("--answers").arg(format!("{name}={DIR}/{file}"));
    }
    cmd.args(["--save", "--client", "Acme Ltd"])
        .assert()
        .success();
    let listed: Value =
        serde_json::from_str(&common::succeeds(data, &["sessions", "--format", "json"])).unwrap();
    listed["workshops"][0]["id"].as_str().unwrap().to_string()
}

/// Resumes a session in plain mode, typing `typed`; returns what it printed.
fn resume(data: &Path, id: &str, typed: &str) -> String {
    let out = common::techhire(data)
        .args(["resume", "--plain", id])
        .write_stdin(typed.to_string())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", common::text(&out.stderr));
    common::text(&out.stdout)
}

#[test]
fn a_second_round_moves_ben_and_the_room_agrees_together() {
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    let id = revealed(d);

    let out = common::techhire(d)
        .args(["workshop", "round", &id])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", common::text(&out.stderr));
    let sessions: Vec<String> = common::text(&out.stdout)
        .lines()
        .map(String::from)
        .collect();
    assert_eq!(sessions.len(), 3);
    let told = common::text(&out.stderr);
    assert!(
        told.contains(&format!("Round 2 of workshop {id} has started")),
        "{told}"
    );
    assert!(
        told.contains(&format!(" resume {}` here", sessions[0])),
        "{told}"
    );
    assert!(told.contains(&format!("workshop add {id} FILE")), "{told}");

    // Hidden again: round 2 shows nothing, but round 1 can still be shown; no agreement yet.
    // Its lines wrap: words are compared.
    let words = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let shown = words(&common::succeeds(d, &["workshop", "show", &id]));
    assert!(
        shown.starts_with("Round 2 is under way (0 of 3 finished)")
            && shown.contains("Until then, this is round 1, as it was")
            && !shown.contains("Since round"),
        "{shown}"
    );
    // The same workshop's result as round 1 showed it, lean and all.
    assert!(
        shown.contains("Leadership is not yet agreed on what this hire is for"),
        "{shown}"
    );
    common::techhire(d)
        .args(["workshop", "report", &id])
        .assert()
        .code(1);
    common::techhire(d)
        .args(["workshop", "agree", &id, "--plain"])
        .assert()
        .code(1)
        .stderr(contains("round 2's answers are still hidden").and(contains("workshop reveal")));
    common::techhire(d)
        .args(["workshop", "round", &id])
        .assert()
        .code(1)
        .stderr(contains("round 2's answers are still hidden"));

    // Ana keeps every answer with Enter; Ben takes Cai's view; Cai keeps hers.
    let ana = resume(d, &sessions[0], "\n\n\n\n\n");
    assert!(ana.contains("(your answer last round)"), "{ana}");
    assert!(ana.contains("Enter keeps"), "{ana}");
    assert!(ana.contains("Hire a CTO"), "{ana}");
    // Her own result, but no report before the reveal: not offered, and said why.
    assert!(!ana.contains("e writes the report"), "{ana}");
    assert!(ana.contains("Next (Enter, n, b): "), "{ana}");
    assert!(
        ana.contains("The report waits until the consultant reveals everyone's answers"),
        "{ana}"
    );
    let ben = resume(d, &sessions[1], &common::typed(CAI));
    assert!(ben.contains("Hire one leader for both roles"), "{ben}");
    let cai = resume(d, &sessions[2], "\n\n\n\n\n\n");
    // Answered in the workshop's own folder: nothing to send back, the reveal is next.
    assert!(
        cai.contains("Your answers stay hidden until everyone has finished"),
        "{cai}"
    );
    assert!(cai.contains(&format!("workshop reveal {id}")), "{cai}");
    assert!(!cai.contains("Send this file back"), "{cai}");
    // Sessions answered here count as they stand, without `add`.
    let listed = common::succeeds(d, &["sessions"]);
    assert!(
        listed.contains("round 2: 3 of 3 finished, answers hidden"),
        "{listed}"
    );
    let shown = words(&common::succeeds(d, &["workshop", "show", &id]));
    assert!(
        shown.starts_with("Everyone has finished round 2: `")
            && shown.contains(&format!("workshop reveal {id}` shows its answers"))
            && shown.contains("this is round 1, as it was revealed"),
        "{shown}"
    );

    common::techhire(d)
        .args(["workshop", "reveal", &id])
        .assert()
        .success();
    let shown = common::succeeds(d, &["workshop", "show", &id]);
    assert!(shown.starts_with("Round 2\n"), "{shown}");
    assert!(shown.contains("Since round 1"), "{shown}");
    assert!(
        shown.contains("Ben (CFO): Hire a CIO in round 1, now Hire one leader for both roles"),
        "{shown}"
    );
    assert!(shown.contains("Ana (CEO): still Hire a CTO"), "{shown}");
    let doc: Value = serde_json::from_str(&common::succeeds(
        d,
        &["workshop", "show", &id, "--format", "json"],
    ))
    .unwrap();
    assert_eq!(doc["round"], 2);
    assert_eq!(
        doc["movement"]["people"][1]["changed"]
            .as_array()
            .unwrap()
            .len(),
        4
    );

    // The room answers together, seeing everyone's round 2 answer under each question.
    let out = common::techhire(d)
        .args(["workshop", "agree", &id, "--plain"])
        .write_stdin(common::typed(CAI))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", common::text(&out.stderr));
    let agreeing = common::text(&out.stdout);
    assert!(
        agreeing.contains("The room answers this interview together"),
        "{agreeing}"
    );
    assert!(!agreeing.contains("cannot be blind"), "{agreeing}");
    assert!(
        agreeing.contains("  How each person answered in round 2:\n"),
        "{agreeing}"
    );
    assert!(
        agreeing.contains("    Ana (CEO): Build technology products for our customers\n"),
        "{agreeing}"
    );
    assert!(
        agreeing.contains("    Ben (CFO): Change how we work inside the business\n"),
        "{agreeing}"
    );
    assert!(agreeing.contains("Ana (CEO): not asked"), "{agreeing}");
    // The room's result is no secret: its report is offered.
    assert!(agreeing.contains("e writes the report"), "{agreeing}");
    let shown = common::succeeds(d, &["workshop", "show", &id]);
    // What the room agreed is the headline; where people stood alone comes next.
    assert!(
        shown.contains("Agreed together: Hire one leader for both roles\n")
            && shown.contains("Answering alone, they had not agreed what this hire is for")
            && !shown.contains("Leadership is not yet agreed"),
        "{shown}"
    );
    assert!(
        shown.contains("Agreed together, answering as one room: Hire one leader for both roles."),
        "{shown}"
    );
    let listed = common::succeeds(d, &["sessions"]);
    assert!(
        listed.contains("round 2: 3 of 3 finished, revealed"),
        "{listed}"
    );
    assert!(listed.contains("agreed together: "), "{listed}");
    assert!(
        listed.contains("earlier rounds: 3 sessions kept"),
        "{listed}"
    );
    // Round 1's sessions are not listed as single sessions.
    assert!(!listed.contains("Sessions in"), "{listed}");

    // Once agreed, no further round; the agreed interview carries on where it was.
    common::techhire(d)
        .args(["workshop", "round", &id])
        .assert()
        .code(1)
        .stderr(contains("already agreed").and(contains("workshop show")));
    common::techhire(d)
        .args(["workshop", "agree", &id, "--no-save"])
        .assert()
        .code(2)
        .stderr(contains("--no-save does nothing here"));
}

#[test]
fn round_and_agree_are_refused_before_the_reveal() {
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    let id = common::succeeds(
        d,
        &["workshop", "new", "--facts", &format!("{DIR}/facts.toml")],
    );
    common::succeeds(d, &["workshop", "invite", &id, "--name", "Ana"]);
    for args in [
        vec!["workshop", "round", &id],
        vec!["workshop", "agree", &id, "--plain"],
    ] {
        common::techhire(d).args(&args).assert().code(1).stderr(
            contains("round 1's answers are still hidden")
                .and(contains(format!("workshop reveal {id}"))),
        );
    }
    // Nothing was written: still one session, the one Ana was invited with.
    let listed: Value =
        serde_json::from_str(&common::succeeds(d, &["sessions", "--format", "json"])).unwrap();
    assert_eq!(
        listed["sessions"].as_array().map(Vec::len),
        Some(1),
        "{listed}"
    );
    assert_eq!(listed["workshops"][0]["round"], 1);
    assert!(listed["workshops"][0].get("agreed").is_none());
    // Nothing to agree on without anyone's answers.
    common::succeeds(d, &["workshop", "reveal", &id, "--early"]);
    common::techhire(d)
        .args(["workshop", "agree", &id, "--plain"])
        .assert()
        .code(1)
        .stderr(contains("nobody's answers"));
    // --session belongs to an ordinary interview.
    common::techhire(d)
        .args(["--session", "x.json", "workshop", "agree", &id])
        .assert()
        .code(2)
        .stderr(contains("without --session"));
}

#[test]
fn someone_invited_in_round_2_answers_it_and_has_no_round_1_to_move_from() {
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    let id = revealed(d);
    common::succeeds(d, &["workshop", "round", &id]);
    // Dee joins the board's discussion after round 1 and answers round 2 only.
    let dee = common::succeeds(
        d,
        &[
            "workshop", "invite", &id, "--name", "Dee", "--role", "Board",
        ],
    );
    let dee = dee.trim();
    let listed: Value =
        serde_json::from_str(&common::succeeds(d, &["sessions", "--format", "json"])).unwrap();
    let people = listed["workshops"][0]["respondents"]
        .as_array()
        .expect("the workshop's respondents");
    assert_eq!(people.len(), 4, "{listed}");
    // Her session has the facts and nothing offered: she has no answers from round 1.
    let asked = resume(d, dee, &common::typed(CAI));
    assert!(!asked.contains("(your answer last round)"), "{asked}");
    // Everyone else keeps their round 1 answers with Enter.
    let now: Value =
        serde_json::from_str(&common::succeeds(d, &["sessions", "--format", "json"])).unwrap();
    for person in now["workshops"][0]["respondents"].as_array().unwrap() {
        let session = person["session"].as_str().unwrap();
        if session != dee {
            resume(d, session, "\n\n\n\n\n\n");
        }
    }
    common::succeeds(d, &["workshop", "reveal", &id]);
    let json: Value = serde_json::from_str(&common::succeeds(
        d,
        &["workshop", "show", &id, "--format", "json"],
    ))
    .unwrap();
    let moved = json["movement"]["people"]
        .as_array()
        .expect("round 2 says how people moved");
    assert_eq!(moved.len(), 4, "{json}");
    let dee_moved = moved
        .iter()
        .find(|m| m["person"] == "Dee")
        .unwrap_or_else(|| panic!("Dee in the movement: {json}"));
    assert!(dee_moved["before"].is_null(), "{dee_moved}");
    assert_eq!(dee_moved["changed"].as_array().map(Vec::len), Some(0));
    assert_eq!(
        dee_moved["sentence"],
        "Dee (Board): new in round 2, Hire one leader for both roles."
    );
    // Round 1 as it was: three people, and the group's lean then.
    assert_eq!(json["movement"]["round_before"], 1);
    assert_eq!(
        json["movement"]["before"]["combined"]["scores"][3]["total"], 19,
        "{json}"
    );
}
