//! `techhire workshop run` as a script runs it: the worked example of docs/workshop-format.md
//! (three leaders whose own results are a CTO, a CIO and one combined leader) as text and JSON,
//! agreement and broad agreement, and every way the files can be wrong.

#[allow(dead_code)] // Each test file uses some of the shared helpers.
mod common;

use assert_cmd::Command;
use predicates::prelude::*;
use predicates::str::contains;
use serde_json::Value;

const DIR: &str = "tests/answers/workshop";

/// The binary with no config file and its data in Cargo's scratch folder; nothing in the
/// environment asks for plain mode.
fn techhire() -> Command {
    let data = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("workshop-data");
    let mut cmd = common::techhire(&data);
    cmd.env("TERM", "xterm-256color")
        .env_remove("TECHHIRE_PLAIN")
        .env_remove("ACCESSIBLE");
    cmd
}

/// `workshop run` with the example's facts and these `--answers` (NAME=file in DIR).
fn workshop(people: &[(&str, &str)], extra: &[&str]) -> Command {
    let mut cmd = techhire();
    cmd.args(["workshop", "run", "--facts", &format!("{DIR}/facts.toml")]);
    for (name, file) in people {
        cmd.arg("--answers").arg(format!("{name}={DIR}/{file}"));
    }
    cmd.args(extra);
    cmd
}

const EXAMPLE: [(&str, &str); 3] = [
    ("Ana (CEO)", "ana-ceo.toml"),
    ("Ben (CFO)", "ben-cfo.toml"),
    ("Cai (COO)", "cai-coo.toml"),
];

fn json(cmd: &mut Command) -> Value {
    let out = cmd.output().expect("the binary runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON on standard output")
}

#[test]
fn the_worked_example_says_the_leaders_have_not_agreed_and_what_to_settle_first() {
    workshop(&EXAMPLE, &[])
        .assert()
        .success()
        .stdout(
            // The headline does not say "hire": the group has not agreed.
            contains("Leadership is not yet agreed on what this hire is for; the answers lean to Hire\none leader for both roles\n")
                .and(contains("Ben (CFO) and Ana (CEO) are at opposite\nends"))
                .and(contains("Ana (CEO): Hire a CTO, by 5 points over Hire one leader for both roles"))
                .and(contains("Ben (CFO): Hire a CIO, by 5 points"))
                .and(contains("Cai (COO): Hire one leader for both roles, by 5 points over Hire a CIO"))
                // Every average with the sum it comes from.
                .and(contains("Hire one leader for both roles   6.3 points  (19 \u{f7} 3)"))
                .and(contains("Hire a CIO                       5.3 points  (16 \u{f7} 3)"))
                .and(contains("Have both a CIO and a CTO       -0.7 points  (-2 \u{f7} 3)"))
                .and(contains("  1. \u{201c}What do you most need this technology leader"))
                .and(contains("If everyone answered \u{201c}Run and modernise our core systems\u{201d}: Hire a CIO"))
                .and(contains("How agreement is decided")),
        )
        .stderr("");
}

#[test]
fn the_worked_example_as_json_traces_every_number() {
    let v = json(&mut workshop(&EXAMPLE, &["--format", "json"]));
    assert_eq!(v["format"], "techhire-workshop-result");
    assert_eq!(v["alignment"]["agreement"], "opposite_ends");
    assert_eq!(
        v["alignment"]["opposite_ends"],
        serde_json::json!(["Ben", "Ana"])
    );
    assert_eq!(v["alignment"]["sharing"], serde_json::json!(["Cai"]));
    let own: Vec<&Value> = v["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| &p["recommendation"])
        .collect();
    assert_eq!(
        own,
        [
            &serde_json::json!(["cto"]),
            &serde_json::json!(["cio"]),
            &serde_json::json!(["combined"])
        ]
    );
    assert_eq!(v["people"][0]["role"], "CEO");
    // Each total is the sum of the people's points for that outcome.
    let combined = &v["combined"];
    assert_eq!(combined["recommendation"], serde_json::json!(["combined"]));
    for (o, score) in combined["scores"].as_array().unwrap().iter().enumerate() {
        let sum: i64 = v["people"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["scores"][o]["points"].as_i64().unwrap())
            .sum();
        assert_eq!(score["total"].as_i64(), Some(sum), "{score}");
        let average = score["average"].as_f64().unwrap();
        assert!((average - sum as f64 / 3.0).abs() < 1e-9, "{score}");
    }
    let first = &v["questions"][0];
    assert_eq!(first["question"], "looking_for");
    assert_eq!(first["accord"], "split");
    assert_eq!(first["points_apart"], 6);
    assert_eq!(first["asked"], 3);
    let only_cai = v["questions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["question"] == "digital_vs_tech")
        .expect("Cai's answers led to digital_vs_tech");
    assert_eq!(only_cai["asked"], 1);
    assert_eq!(only_cai["answers"][0]["choice"], Value::Null);
    let run_core = first["settle"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["choice"] == "run_core")
        .expect("Ben's answer is one way to settle it");
    assert_eq!(run_core["given_by"], serde_json::json!(["Ben"]));
    assert_eq!(
        run_core["combined"]["recommendation"],
        serde_json::json!(["cio"])
    );
    // Questions furthest apart first.
    let apart: Vec<i64> = v["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["points_apart"].as_i64().unwrap())
        .collect();
    assert!(apart.windows(2).all(|w| w[0] >= w[1]), "{apart:?}");
}

#[test]
fn the_same_answers_from_everyone_are_agreed_and_three_in_four_broadly() {
    workshop(&[("Ana", "ana-ceo.toml"), ("Dev", "ana-ceo.toml")], &[])
        .assert()
        .success()
        .stdout(contains("Agreed: Hire a CTO\n").and(contains(
            "Everyone answered every question they were asked alike.",
        )));
    let v = json(&mut workshop(
        &[
            ("Ana", "ana-ceo.toml"),
            ("Dev", "ana-ceo.toml"),
            ("Eve", "ana-ceo.toml"),
            ("Cai", "cai-coo.toml"),
        ],
        &["--format", "json"],
    ));
    assert_eq!(v["alignment"]["agreement"], "broadly_agreed");
    assert_eq!(v["headline"], "Broadly agreed (3 of 4): Hire a CTO");
    // Three in four, but one at the other end: not agreed.
    let v = json(&mut workshop(
        &[
            ("Ana", "ana-ceo.toml"),
            ("Dev", "ana-ceo.toml"),
            ("Eve", "ana-ceo.toml"),
            ("Ben", "ben-cfo.toml"),
        ],
        &["--format", "json"],
    ));
    assert_eq!(v["alignment"]["agreement"], "opposite_ends");
}

#[test]
fn people_are_named_after_their_files_unless_named() {
    let v = json(
        techhire()
            .args(["workshop", "run", "--format", "json", "--facts"])
            .arg(format!("{DIR}/facts.toml"))
            .arg("--answers")
            .arg(format!("{DIR}/ana-ceo.toml"))
            .arg("--answers")
            .arg(format!("{DIR}/ben-cfo.toml")),
    );
    assert_eq!(v["people"][0]["name"], "ana-ceo");
    assert!(v["people"][0].get("role").is_none());
    workshop(&[("Ana", "ana-ceo.toml"), ("ana", "ben-cfo.toml")], &[])
        .assert()
        .code(2)
        .stderr(contains("two people are called ana"));
}

#[test]
fn one_person_is_not_a_workshop() {
    workshop(&[("Ana", "ana-ceo.toml")], &[])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("two or more people's answers").and(contains("run --answers FILE")));
}

#[test]
fn facts_are_refused_where_they_do_not_belong() {
    let dir = tempfile::tempdir().unwrap();
    let facts = std::fs::read_to_string(format!("{DIR}/facts.toml")).unwrap();
    // A view in the facts file.
    let with_view = dir.path().join("facts.toml");
    std::fs::write(&with_view, format!("{facts}focus = \"internal\"\n")).unwrap();
    techhire()
        .args(["workshop", "run", "--facts"])
        .arg(&with_view)
        .args(["--answers", &format!("{DIR}/ana-ceo.toml")])
        .args(["--answers", &format!("{DIR}/ben-cfo.toml")])
        .assert()
        .code(1)
        .stdout("")
        .stderr(
            contains("error[not-a-fact]: `focus` is a view")
                .and(contains("facts.toml:10:1"))
                .and(contains("Fix the file, then run again.")),
        );
    // A person answering a fact their own way.
    let ana = std::fs::read_to_string(format!("{DIR}/ana-ceo.toml")).unwrap();
    let own_size = dir.path().join("ana.toml");
    std::fs::write(&own_size, format!("{ana}size = \"over_5b\"\n")).unwrap();
    techhire()
        .args(["workshop", "run", "--facts", &format!("{DIR}/facts.toml")])
        .arg("--answers")
        .arg(&own_size)
        .args(["--answers", &format!("{DIR}/ben-cfo.toml")])
        .assert()
        .code(1)
        .stderr(
            contains("error[fact-in-answers]")
                .and(contains("answered once for everyone as `midsize`"))
                .and(contains("ana.toml:7:8")),
        );
    // A fact the facts file leaves out.
    let short = dir.path().join("short.toml");
    std::fs::write(
        &short,
        facts.replace("existing_leaders = \"none_open\"\n", ""),
    )
    .unwrap();
    techhire()
        .args(["workshop", "run", "--facts"])
        .arg(&short)
        .args(["--answers", &format!("{DIR}/ana-ceo.toml")])
        .args(["--answers", &format!("{DIR}/ben-cfo.toml")])
        .assert()
        .code(1)
        .stderr(
            contains("error[unanswered-fact]")
                .and(contains("the facts leave `existing_leaders`"))
                .and(contains(short.display().to_string()))
                .and(contains(
                    "add a line `existing_leaders = \"choice_id\"` to this file",
                ))
                .and(contains("none_open")),
        );
    // `workshop new` refuses it the same way, and sets nothing up.
    let data = tempfile::tempdir().unwrap();
    common::techhire(data.path())
        .args(["workshop", "new", "--facts"])
        .arg(&short)
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains("error[unanswered-fact]").and(contains("Fix the file")));
    assert!(!data.path().join("sessions").exists());
}

#[test]
fn unfinished_or_missing_answers_files_say_so() {
    let dir = tempfile::tempdir().unwrap();
    let ana = std::fs::read_to_string(format!("{DIR}/ana-ceo.toml")).unwrap();
    let unfinished = dir.path().join("ana.toml");
    std::fs::write(&unfinished, ana.replace("focus = \"external\"\n", "")).unwrap();
    techhire()
        .args(["workshop", "run", "--facts", &format!("{DIR}/facts.toml")])
        .arg("--answers")
        .arg(&unfinished)
        .args(["--answers", &format!("{DIR}/ben-cfo.toml")])
        .assert()
        .code(1)
        .stderr(contains("error[missing-answer]").and(contains("`focus`")));
    workshop(&[("Ana", "ana-ceo.toml"), ("Ben", "nobody.toml")], &[])
        .assert()
        .code(2)
        .stderr(contains("nobody.toml"));
}

const DOC: &str = include_str!("../docs/workshop-format.md");

/// The fenced block after a line of the page starting with `after`.
fn block(after: &str, fence: &str) -> &'static str {
    let start = DOC.find(after).expect("the marker is on the page");
    let rest = &DOC[start..];
    let open = format!("```{fence}\n");
    let body = &rest[rest.find(&open).expect("a fenced block") + open.len()..];
    &body[..body.find("```").expect("the block ends")]
}

#[test]
fn the_pages_example_workshop_file_reads() {
    let text = block("<!-- example: a workshop file -->", "json");
    let workshop = techhire::workshop::parse("example.json", text.as_bytes())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(workshop.respondents.len(), 3);
    assert!(workshop.is_revealed());
    assert_eq!(workshop.facts.len(), 6);
    // The fuzz target's seeds are this example and a hidden workshop: both must read.
    let fixture = "tests/fixtures/workshops/example.workshop.json";
    assert_eq!(std::fs::read_to_string(fixture).unwrap(), text);
    let hidden = techhire::workshop::read_path(std::path::Path::new(
        "tests/fixtures/workshops/hidden.workshop.json",
    ))
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(!hidden.is_revealed());
}

#[test]
fn the_pages_second_round_example_reads_and_is_the_fuzz_seed() {
    let text = block(
        "<!-- example: a workshop file in its second round -->",
        "json",
    );
    let fixture = "tests/fixtures/workshops/rounds.workshop.json";
    assert_eq!(std::fs::read_to_string(fixture).unwrap(), text);
    let workshop =
        techhire::workshop::parse("rounds.json", text.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(workshop.round(), 2);
    assert_eq!(workshop.version(), techhire::workshop::VERSION);
    let dee = &workshop.respondents[3];
    assert!(dee.earlier.is_empty());
    assert_eq!(workshop.first_round_of(dee), 2);
    assert_eq!(workshop.first_round_of(&workshop.respondents[0]), 1);
    assert_eq!(workshop.agreed.map(|a| a.after_round), Some(2));
}

#[test]
fn the_pages_worked_example_is_what_the_command_prints() {
    let shown = block("opposite ends. `techhire workshop run` says:", "text");
    let out = workshop(&EXAMPLE, &[]).output().unwrap();
    let printed = String::from_utf8(out.stdout).unwrap();
    assert!(printed.starts_with(shown), "{printed}");
}

#[test]
fn anonymous_names_nobody_and_says_how_little_that_hides() {
    let out = workshop(&EXAMPLE, &["--anonymous"]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    for name in ["Ana", "Ben", "Cai", "CEO", "CFO", "COO"] {
        assert!(!text.contains(name), "{name} in:\n{text}");
    }
    assert!(text.contains("Leader A: Hire a CIO"), "{text}");
    assert!(
        text.contains("In a group of 3, that hides little"),
        "{text}"
    );
    let v = json(&mut workshop(
        &EXAMPLE,
        &["--anonymous", "--format", "json"],
    ));
    let names: Vec<&str> = v["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Leader A", "Leader B", "Leader C"]);
    assert!(v["anonymity"].as_str().unwrap().contains("hides little"));
    // The same result as with names.
    let named = json(&mut workshop(&EXAMPLE, &["--format", "json"]));
    assert_eq!(v["combined"], named["combined"]);
    assert!(named.get("anonymity").is_none());
}

#[test]
fn save_keeps_a_workshop_beside_a_session_for_each_person() {
    let data = tempfile::tempdir().unwrap();
    let mut cmd = workshop(&EXAMPLE, &["--save", "--client", "Acme Ltd"]);
    cmd.env("TECHHIRE_DATA_DIR", data.path());
    cmd.assert()
        .success()
        .stdout(contains("Leadership is not yet agreed"))
        .stderr(contains("Kept as workshop").and(contains("writes Ana's own report")));
    let folder = data.path().join("sessions");
    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.'))
        .collect();
    names.sort();
    let file = names
        .iter()
        .find(|n| n.ends_with(".workshop.json"))
        .expect("the workshop file");
    let w = techhire::workshop::read_path(&folder.join(file)).unwrap();
    assert_eq!(w.client.as_deref(), Some("Acme Ltd"));
    assert!(w.is_revealed());
    assert_eq!(w.facts.len(), 6);
    let people: Vec<(&str, Option<&str>)> = w
        .respondents
        .iter()
        .map(|r| (r.name.as_str(), r.role.as_deref()))
        .collect();
    assert_eq!(
        people,
        [
            ("Ana", Some("CEO")),
            ("Ben", Some("CFO")),
            ("Cai", Some("COO"))
        ]
    );
    // Each person's session is an ordinary one: listed, and reported on.
    assert_eq!(names.len(), 4, "{names:?}");
    let listed = techhire()
        .env("TECHHIRE_DATA_DIR", data.path())
        .args(["sessions", "--format", "json"])
        .output()
        .unwrap();
    let listed: Value = serde_json::from_slice(&listed.stdout).unwrap();
    assert_eq!(
        listed["sessions"].as_array().map(Vec::len),
        Some(3),
        "{listed}"
    );
    assert_eq!(
        listed["unreadable"].as_array().map(Vec::len),
        Some(0),
        "{listed}"
    );
    let ben = &w.respondents[1].session;
    techhire()
        .env("TECHHIRE_DATA_DIR", data.path())
        .args(["report", ben, "--format", "text"])
        .assert()
        .success()
        .stdout(contains("Acme Ltd").and(contains("Hire a CIO")));
    // Together, the sessions combine as the files did.
    let sessions: Vec<techhire::session::Session> = w
        .respondents
        .iter()
        .map(|r| techhire::session::read_path(&folder.join(format!("{}.json", r.session))).unwrap())
        .collect();
    let tree = std::sync::Arc::new(
        techhire::tree::load_str(techhire::tree::EMBEDDED_NAME, techhire::tree::EMBEDDED)
            .unwrap()
            .tree,
    );
    let revealed = w.combine(&tree, &sessions).unwrap();
    assert_eq!(revealed.combined.together.totals, [16, 11, -2, 19]);
}

#[test]
fn client_without_save_is_refused() {
    workshop(&EXAMPLE, &["--client", "Acme"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("--save"));
}

/// A workshop of the worked example in `data`'s sessions folder, everyone finished, the
/// answers not yet revealed; its id and the sessions' ids.
fn hidden_workshop(data: &std::path::Path) -> (String, Vec<String>) {
    use std::sync::Arc;
    use techhire::session::{Store, Timestamp, TreeStamp};
    use techhire::tree::{EMBEDDED, EMBEDDED_NAME, load_str};
    use techhire::workshop::{Facts, Workshop, status_of};
    let tree = Arc::new(load_str(EMBEDDED_NAME, EMBEDDED).unwrap().tree);
    let stamp = TreeStamp::new(&tree, EMBEDDED_NAME, EMBEDDED.as_bytes());
    let read = |file: &str| std::fs::read_to_string(format!("{DIR}/{file}")).unwrap();
    let facts = techhire::answers::parse("facts.toml", &read("facts.toml")).unwrap();
    let facts = Facts::from_answers(&tree, &facts).unwrap();
    let store = Store::at(data.join("sessions"));
    let now = Timestamp::now();
    let mut w = Workshop::new(stamp.clone(), Some("Hidden Co".into()), None);
    for step in facts.steps() {
        let q = tree.question(step.question);
        w.set_fact(&tree, &q.id, &q.choices[step.choice].id, now)
            .unwrap();
    }
    let mut ids = Vec::new();
    for (name, file) in [("Ana", "ana-ceo.toml"), ("Ben", "ben-cfo.toml")] {
        let r = w.add_respondent(name, None, now).unwrap().clone();
        let mut session = w.session_for(&r, &tree, stamp.clone()).unwrap();
        let answers = techhire::answers::parse(file, &read(file)).unwrap();
        let interview = facts.apply(&tree, &answers).unwrap().interview;
        session.record(&interview, now);
        let status = status_of(&tree, &session);
        store.create(session).unwrap();
        w.set_status(&r.session, status, now);
        ids.push(r.session);
    }
    techhire::workshop::create(&w.path_in(store.folder()), &w).unwrap();
    (w.id, ids)
}

#[test]
fn sessions_lists_a_workshop_as_one_row_with_its_members() {
    let data = tempfile::tempdir().unwrap();
    let mut cmd = workshop(&EXAMPLE, &["--save", "--client", "Acme Ltd"]);
    cmd.env("TECHHIRE_DATA_DIR", data.path());
    cmd.assert().success();
    let listed = techhire()
        .env("TECHHIRE_DATA_DIR", data.path())
        .arg("sessions")
        .output()
        .unwrap();
    let text = String::from_utf8(listed.stdout).unwrap();
    // No single sessions: the three are the workshop's, listed under it.
    assert!(!text.contains("Sessions in"), "{text}");
    assert!(text.contains("Workshops, most recent first:"), "{text}");
    assert!(text.contains("Acme Ltd"), "{text}");
    assert!(text.contains("3 of 3 finished, revealed"), "{text}");
    for (name, outcome) in [
        ("Ana (CEO)", "Hire a CTO"),
        ("Ben (CFO)", "Hire a CIO"),
        ("Cai (COO)", "Hire one leader for both roles"),
    ] {
        let line = text
            .lines()
            .find(|l| l.trim_start().starts_with(name))
            .unwrap_or_else(|| panic!("{name} in:\n{text}"));
        assert!(line.ends_with(outcome), "{line}");
    }
}

#[test]
fn a_hidden_workshop_shows_who_finished_but_no_result() {
    let data = tempfile::tempdir().unwrap();
    let (id, members) = hidden_workshop(data.path());
    let listed = techhire()
        .env("TECHHIRE_DATA_DIR", data.path())
        .arg("sessions")
        .output()
        .unwrap();
    let text = String::from_utf8(listed.stdout).unwrap();
    assert!(text.contains("2 of 2 finished, answers hidden"), "{text}");
    assert!(!text.contains("Hire a"), "a result leaked:\n{text}");
    let v = json(
        techhire()
            .env("TECHHIRE_DATA_DIR", data.path())
            .args(["sessions", "--format", "json"]),
    );
    assert_eq!(v["workshops"][0]["id"], id.as_str());
    assert_eq!(v["workshops"][0]["reveal"], "hidden");
    for s in v["sessions"].as_array().unwrap() {
        assert!(members.iter().any(|m| s["id"] == m.as_str()), "{s}");
        assert_eq!(s["workshop"], id.as_str());
        assert_eq!(s["finished"], true);
        assert_eq!(s["outcome"], Value::Null, "a result leaked: {s}");
    }
    // Nor does a report of one person's session leak it before the reveal.
    for format in ["text", "json"] {
        techhire()
            .env("TECHHIRE_DATA_DIR", data.path())
            .args(["report", &members[0], "--format", format])
            .assert()
            .code(1)
            .stdout("")
            .stderr(
                contains(format!("is a respondent's in workshop {id}"))
                    .and(contains("stay hidden until everyone has finished")),
            );
    }
    // A damaged workshop file is listed as unreadable, saying what it is.
    std::fs::write(
        data.path().join("sessions").join("bad.workshop.json"),
        "{\"format\": \"something-else\"}",
    )
    .unwrap();
    techhire()
        .env("TECHHIRE_DATA_DIR", data.path())
        .arg("sessions")
        .assert()
        .success()
        .stdout(
            contains("1 file in the folder could not be read")
                .and(contains("bad.workshop.json is not a techhire workshop")),
        );
}

#[test]
fn show_gives_a_saved_workshops_result_as_run_did() {
    let data = tempfile::tempdir().unwrap();
    let ran = workshop(&EXAMPLE, &["--save"])
        .env("TECHHIRE_DATA_DIR", data.path())
        .output()
        .unwrap();
    assert!(ran.status.success());
    let listed = json(
        techhire()
            .env("TECHHIRE_DATA_DIR", data.path())
            .args(["sessions", "--format", "json"]),
    );
    let id = listed["workshops"][0]["id"].as_str().unwrap().to_string();
    let shown = techhire()
        .env("TECHHIRE_DATA_DIR", data.path())
        .args(["workshop", "show", &id])
        .output()
        .unwrap();
    assert!(
        shown.status.success(),
        "{}",
        String::from_utf8_lossy(&shown.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&shown.stdout),
        String::from_utf8_lossy(&ran.stdout)
    );
    let path = listed["workshops"][0]["path"].as_str().unwrap().to_string();
    let by_path = json(
        techhire()
            .env("TECHHIRE_DATA_DIR", data.path())
            .args(["workshop", "show", &path, "--format", "json"]),
    );
    let from_files = json(&mut workshop(&EXAMPLE, &["--format", "json"]));
    assert_eq!(by_path, from_files);
    techhire()
        .env("TECHHIRE_DATA_DIR", data.path())
        .args(["workshop", "show", "nosuch"])
        .assert()
        .code(2)
        .stderr(contains("nosuch.workshop.json").and(contains("sessions` lists the workshops")));
}

#[test]
fn show_refuses_while_hidden_and_names_who_is_missing_after_an_early_reveal() {
    let data = tempfile::tempdir().unwrap();
    let (id, members) = hidden_workshop(data.path());
    techhire()
        .env("TECHHIRE_DATA_DIR", data.path())
        .args(["workshop", "show", &id])
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains(
            "the answers are hidden until everyone has finished (2 of 2 so far)",
        ));
    // Revealed early, before Ben finished: only Ana's answers are in, and that is said.
    let folder = data.path().join("sessions");
    let path = folder.join(format!("{id}.workshop.json"));
    let mut w = techhire::workshop::read_path(&path).unwrap();
    let now = techhire::session::Timestamp::now();
    w.set_status(&members[1], techhire::workshop::Status::Answering, now);
    w.reveal(now);
    techhire::workshop::save(&path, &w).unwrap();
    std::fs::remove_file(folder.join(format!("{}.json", members[1]))).unwrap();
    techhire()
        .env("TECHHIRE_DATA_DIR", data.path())
        .args(["workshop", "show", &id])
        .assert()
        .success()
        .stdout(
            contains("Revealed early: Ben had not finished, so their answers are not in.")
                .and(contains("Agreed: Hire a CTO"))
                .and(contains("the average of 1 person, one equal voice each")),
        )
        .stderr(contains(format!("{}.json", members[1])));
}

#[test]
fn compare_refuses_while_hidden_and_says_to_use_show_without_a_terminal() {
    let data = tempfile::tempdir().unwrap();
    let (id, _) = hidden_workshop(data.path());
    let compare = || {
        let mut command = techhire();
        command
            .env("TECHHIRE_DATA_DIR", data.path())
            .args(["workshop", "compare", &id]);
        command
    };
    compare().assert().code(1).stdout("").stderr(contains(
        "the answers are hidden until everyone has finished (2 of 2 so far)",
    ));
    let path = data.path().join(format!("sessions/{id}.workshop.json"));
    let mut w = techhire::workshop::read_path(&path).unwrap();
    w.reveal(techhire::session::Timestamp::now());
    techhire::workshop::save(&path, &w).unwrap();
    // Revealed, but standard output is a pipe here: no full screen, and `show` is named.
    compare().assert().code(2).stdout("").stderr(
        contains("`workshop compare` is a full screen")
            .and(contains("not a terminal"))
            .and(contains(format!(
                "workshop show {id}` prints the same result"
            ))),
    );
    compare()
        .env("TECHHIRE_PLAIN", "1")
        .assert()
        .code(2)
        .stderr(contains(
            "TECHHIRE_PLAIN is set, so plain mode is asked for",
        ));
}

/// Runs a workshop command in `data`, returning its standard output's first line.
#[test]
fn over_several_machines_new_invite_answer_add_and_reveal() {
    let data = tempfile::tempdir().unwrap();
    let away = tempfile::tempdir().unwrap();
    let d = data.path();
    let id = common::succeeds(
        d,
        &[
            "workshop",
            "new",
            "--facts",
            &format!("{DIR}/facts.toml"),
            "--client",
            "Acme Ltd",
        ],
    );
    let mut copies = Vec::new();
    for (name, role) in [("Ana", "CEO"), ("Ben", "CFO")] {
        let copy = away.path().join(format!("{name}.json"));
        common::succeeds(
            d,
            &[
                "workshop",
                "invite",
                &id,
                "--name",
                name,
                "--role",
                role,
                "-o",
                copy.to_str().unwrap(),
            ],
        );
        copies.push(copy);
    }
    // Each answers on their own machine, in plain mode, told first to answer alone. The facts
    // are already in their session, settled: only the views are asked.
    let views: [&[(&str, &str)]; 2] = [
        &[
            ("looking_for", "market_products"),
            ("focus", "external"),
            ("value_line", "top_line"),
            ("security_owner", "product_security"),
        ],
        &[
            ("looking_for", "run_core"),
            ("focus", "internal"),
            ("value_line", "bottom_line"),
            ("security_owner", "new_leader"),
        ],
    ];
    for (copy, answers) in copies.iter().zip(views) {
        let elsewhere = tempfile::tempdir().unwrap();
        common::techhire(elsewhere.path())
            .args(["resume", "--plain"])
            .arg(copy)
            .write_stdin(common::typed(answers))
            .assert()
            .success()
            .stdout(
                contains("Hire a C")
                    .and(contains("A shared screen cannot be blind"))
                    .and(contains("Enter keeps").not())
                    .and(contains("Question 5 (").not())
                    .and(contains(
                        "Send this file back to the consultant, who joins it with:",
                    ))
                    .and(contains(format!(" workshop add {id} ")))
                    .and(contains("report --format").not()),
            );
    }
    // Hidden until both are back.
    techhire()
        .env("TECHHIRE_DATA_DIR", d)
        .args(["workshop", "show", &id])
        .assert()
        .code(1)
        .stderr(contains(
            "hidden until everyone has finished (0 of 2 so far)",
        ));
    techhire()
        .env("TECHHIRE_DATA_DIR", d)
        .args(["workshop", "add", &id])
        .arg(&copies[0])
        .assert()
        .success()
        .stderr(contains(
            "Ana's session is joined (finished); 1 of 2 finished",
        ));
    techhire()
        .env("TECHHIRE_DATA_DIR", d)
        .args(["workshop", "reveal", &id])
        .assert()
        .code(1)
        .stderr(contains("Ben not finished").and(contains("--early")));
    techhire()
        .env("TECHHIRE_DATA_DIR", d)
        .args(["workshop", "add", &id])
        .arg(&copies[1])
        .assert()
        .success()
        .stderr(
            contains("everyone has finished, so the answers are revealed")
                .and(contains(format!("workshop report {id} -o report.pdf"))),
        );
    techhire()
        .env("TECHHIRE_DATA_DIR", d)
        .args(["workshop", "show", &id])
        .assert()
        .success()
        .stdout(
            contains("Ana (CEO): Hire a CTO")
                .and(contains("Ben (CFO): Hire a CIO"))
                .and(contains("not yet agreed")),
        );
}

#[test]
fn add_refuses_another_edition_other_facts_and_strangers() {
    let data = tempfile::tempdir().unwrap();
    let away = tempfile::tempdir().unwrap();
    let d = data.path();
    let id = common::succeeds(
        d,
        &["workshop", "new", "--facts", &format!("{DIR}/facts.toml")],
    );
    let copy = away.path().join("ana.json");
    common::succeeds(
        d,
        &[
            "workshop",
            "invite",
            &id,
            "--name",
            "Ana",
            "-o",
            copy.to_str().unwrap(),
        ],
    );
    let text = std::fs::read_to_string(&copy).unwrap();
    let session: Value = serde_json::from_str(&text).unwrap();
    let sha = session["tree"]["sha256"].as_str().unwrap().to_string();
    let refused = |changed: String, expected: &str| {
        let bad = away.path().join("bad.json");
        std::fs::write(&bad, changed).unwrap();
        techhire()
            .env("TECHHIRE_DATA_DIR", d)
            .args(["workshop", "add", &id])
            .arg(&bad)
            .assert()
            .code(1)
            .stderr(contains(expected.to_string()));
        std::fs::remove_file(&bad).unwrap();
    };
    refused(
        text.replace(&sha, &"0".repeat(64)),
        "Ana's session was answered on another edition of the question tree",
    );
    refused(
        text.replace("\"midsize\"", "\"over_5b\""),
        "answers the fact `size` as `over_5b`, and the workshop's facts say `midsize`",
    );
    let stranger = session["id"].as_str().unwrap();
    refused(
        text.replace(stranger, "zzz999"),
        "is no respondent's in this workshop",
    );
    // Nothing was joined.
    let w = techhire::workshop::read_path(&d.join("sessions").join(format!("{id}.workshop.json")))
        .unwrap();
    assert_eq!(w.respondents[0].status, techhire::workshop::Status::Invited);
}

#[test]
fn a_workshop_being_changed_elsewhere_is_not_changed_here_too() {
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    let id = common::succeeds(
        d,
        &["workshop", "new", "--facts", &format!("{DIR}/facts.toml")],
    );
    let path = d.join("sessions").join(format!("{id}.workshop.json"));
    let held = techhire::workshop::hold(&path).unwrap();
    for args in [
        &["workshop", "invite", &id, "--name", "Ana"][..],
        &["workshop", "reveal", &id, "--early"],
    ] {
        techhire()
            .env("TECHHIRE_DATA_DIR", d)
            .args(args)
            .assert()
            .code(2)
            .stderr(contains("is open in another techhire"));
    }
    // Looking is fine while it is held.
    techhire()
        .env("TECHHIRE_DATA_DIR", d)
        .args(["workshop", "show", &id])
        .assert()
        .code(1)
        .stderr(contains("hidden"));
    drop(held);
    common::succeeds(d, &["workshop", "invite", &id, "--name", "Ana"]);
    let w = techhire::workshop::read_path(&path).unwrap();
    assert_eq!(w.respondents.len(), 1);
}
