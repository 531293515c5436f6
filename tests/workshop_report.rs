//! `techhire workshop report` as a consultant runs it: the worked example's report (its first
//! paragraph names the split and the question to settle first, its numbers add up to the
//! people's answers), every format written through the same safe writer as `report`, refused
//! with nothing written while the answers are hidden, no private note in any format, and
//! `--anonymous` naming nobody anywhere.

#[allow(dead_code)] // Each test file uses some of the shared helpers.
mod common;
mod shipped;

use std::path::Path;
use std::sync::Arc;

use predicates::prelude::*;
use predicates::str::contains;
use serde_json::Value;
use techhire::session::{Store, Timestamp, TreeStamp};
use techhire::tree::{EMBEDDED, EMBEDDED_NAME, load_str};
use techhire::workshop::{Facts, Workshop, status_of};

const DIR: &str = "tests/answers/workshop";

/// Every format `workshop report` writes, by its `--format` name and file extension.
const FORMATS: [(&str, &str); 5] = [
    ("html", "html"),
    ("pdf", "pdf"),
    ("markdown", "md"),
    ("text", "txt"),
    ("json", "json"),
];

/// What the consultant and the respondents wrote privately: none of it may reach a report.
const PRIVATE: [&str; 4] = [
    "CONSULTANT-QUESTION-NOTE",
    "CONSULTANT-WORKSHOP-NOTE",
    "RESPONDENT-PRIVATE-NOTE",
    "RESPONDENT-PRIVATE-INTERVIEW-NOTE",
];

/// The shipped tree, its stamp, and the worked example's facts.
fn shipped_tree() -> (Arc<techhire::Tree>, TreeStamp, Facts) {
    let tree = Arc::new(load_str(EMBEDDED_NAME, EMBEDDED).unwrap().tree);
    let stamp = TreeStamp::new(&tree, EMBEDDED_NAME, EMBEDDED.as_bytes());
    let facts = Facts::from_answers(&tree, &read("facts")).unwrap();
    (tree, stamp, facts)
}

/// `tests/answers/workshop/<name>.toml`.
fn read(name: &str) -> techhire::answers::Answers {
    let text = std::fs::read_to_string(format!("{DIR}/{name}.toml")).unwrap();
    techhire::answers::parse(&format!("{name}.toml"), &text).unwrap()
}

/// A first round's revealed result of `people`, each `(name, answers file)`, on the example's
/// facts, everyone in.
fn revealed_of(people: &[(&str, &str)]) -> techhire::workshop::Revealed<'static> {
    use techhire::workshop::{Combined, Person, Revealed};
    let (tree, _, facts) = shipped_tree();
    let people: Vec<Person> = people
        .iter()
        .map(|&(name, file)| Person {
            name: name.to_string(),
            role: None,
            interview: facts.apply(&tree, &read(file)).unwrap().interview,
        })
        .collect();
    Revealed {
        combined: Combined::new(&tree, people).unwrap(),
        left_out: Vec::new(),
        round: 1,
        movement: None,
        agreed: None,
    }
}

/// A workshop in `data`'s sessions folder with the first `people` of the test workshop
/// (shipped::PEOPLE), everyone finished, revealed when `revealed`; the consultant's private
/// notes in the workshop file and each person's notes (private, and for the client) in their
/// session. Returns its id.
fn workshop(data: &Path, people: usize, revealed: bool) -> String {
    let (tree, stamp, facts) = shipped_tree();
    let store = Store::at(data.join("sessions"));
    let now = Timestamp::now();
    let mut w = Workshop::new(
        stamp.clone(),
        Some("Acme Ltd".into()),
        Some("Jo Smith".into()),
    );
    for step in facts.steps() {
        let q = tree.question(step.question);
        w.set_fact(&tree, &q.id, &q.choices[step.choice].id, now)
            .unwrap();
    }
    w.set_note(Some("looking_for"), PRIVATE[0], now);
    w.set_note(None, PRIVATE[1], now);
    for &(name, role, file) in &shipped::PEOPLE[..people] {
        let r = w.add_respondent(name, Some(role), now).unwrap().clone();
        let mut session = w.session_for(&r, &tree, stamp.clone()).unwrap();
        let interview = facts.apply(&tree, &read(file)).unwrap().interview;
        session.record(&interview, now);
        session.set_note("focus", PRIVATE[2], true, now);
        session.set_note("value_line", "A note for the client.", false, now);
        session.interview_note = Some(techhire::session::Note {
            text: PRIVATE[3].into(),
            at: now,
            private: true,
        });
        let status = status_of(&tree, &session);
        store.create(session).unwrap();
        w.set_status(&r.session, status, now);
    }
    if revealed {
        w.reveal(now);
    }
    techhire::workshop::create(&w.path_in(store.folder()), &w).unwrap();
    w.id
}

/// `workshop report ID` with these arguments, on `data`.
fn report(data: &Path, id: &str, args: &[&str]) -> assert_cmd::Command {
    let mut cmd = common::techhire(data);
    cmd.args(["workshop", "report", id]).args(args);
    cmd
}

/// A written report's words: the file's text, or a PDF's text as pdftotext reads it.
fn words(path: &Path) -> String {
    if path.extension().is_some_and(|e| e == "pdf") {
        let out = std::process::Command::new("pdftotext")
            .arg(path)
            .arg("-")
            .output()
            .unwrap();
        return String::from_utf8_lossy(&out.stdout).into_owned();
    }
    std::fs::read_to_string(path).unwrap()
}

/// The formats this machine can write: PDF only with a browser and poppler to read it.
fn formats() -> Vec<(&'static str, &'static str)> {
    let pdf = shipped::print_tools().is_some();
    FORMATS
        .into_iter()
        .filter(|(id, _)| pdf || *id != "pdf")
        .collect()
}

#[test]
fn the_worked_examples_first_paragraph_names_the_split_and_what_to_settle_first() {
    let data = tempfile::tempdir().unwrap();
    let id = workshop(data.path(), 3, true);
    let text = common::succeeds(
        data.path(),
        &["workshop", "report", &id, "--format", "markdown"],
    );
    // The headline never says "Hire X": the group is at opposite ends.
    assert!(
        text.starts_with(
            "# Leadership is not yet agreed on what this hire is for; the answers lean to Hire \
             one leader for both roles\n"
        ),
        "{text}"
    );
    let first = text
        .lines()
        .find(|l| l.starts_with("> "))
        .expect("the first paragraph");
    for said in [
        "Ben (CFO) comes out at Hire a CIO and Ana (CEO) at Hire a CTO: opposite ends",
        "6.3 points (19 over 3 people), against 5.3 points for Hire a CIO",
        "Settle first “What do you most need this technology leader to get done in their first \
         two or three years?”",
        "Ben (CFO) answered “Run and modernise our core systems”",
        "(6 points apart)",
    ] {
        assert!(first.contains(said), "{said:?} not in:\n{first}");
    }
    // One line per person, then the grid and the appendix's points, whose sums and averages
    // are the first paragraph's numbers.
    for said in [
        "- Ana (CEO): Hire a CTO, by 5 points over Hire one leader for both roles",
        "- Ben (CFO): Hire a CIO, by 5 points over Hire one leader for both roles",
        "- Cai (COO): Hire one leader for both roles, by 5 points over Hire a CIO",
        "| Question | Ana (CEO) | Ben (CFO) | Cai (COO) | How far apart |",
        "| **What do you most need this technology leader to get done in their first two or \
         three years?** | Build technology products for our customers | Run and modernise our \
         core systems | Change how we work inside the business | split, 6 points apart |",
        "| Which senior technology leaders do you have today? | None yet, and we're open to one \
         leader or two | ″ | ″ | fact |",
        "| **Hire one leader for both roles** | 4 | 5 | 10 | 19 | 6.3 |",
        "| Hire a CIO | 1 | 10 | 5 | 16 | 5.3 |",
        "| Hire a CTO | 9 | 1 | 1 | 11 | 3.7 |",
        "| Have both a CIO and a CTO | -1 | -2 | 1 | -2 | -0.7 |",
        "If everyone answered “Run and modernise our core systems”: Hire a CIO (not agreed: \
         opposite ends)",
        "## Each person's top reasons",
    ] {
        assert!(text.contains(said), "{said:?} not in:\n{text}");
    }
}

#[test]
fn every_format_is_written_once_revealed_and_never_over_a_file_unless_forced() {
    let data = tempfile::tempdir().unwrap();
    let id = workshop(data.path(), 3, true);
    let out = tempfile::tempdir().unwrap();
    for (format, extension) in formats() {
        let file = out.path().join(format!("board.{extension}"));
        let path = file.to_str().unwrap();
        report(data.path(), &id, &["--format", format, "-o", path])
            .assert()
            .success()
            .stderr(contains(format!("report for workshop {id} (Acme Ltd) to")));
        let said = words(&file);
        assert!(
            said.contains("Leadership is not yet agreed"),
            "{format}:\n{said}"
        );
        // A second time, without --force, the first file stays.
        report(data.path(), &id, &["--format", format, "-o", path])
            .assert()
            .code(1)
            .stderr(contains("already exists"));
        report(
            data.path(),
            &id,
            &["--format", format, "-o", path, "--force"],
        )
        .assert()
        .success();
    }
    // The format from the file's name.
    let file = out.path().join("board-by-name.html");
    report(data.path(), &id, &["-o", file.to_str().unwrap()])
        .assert()
        .success();
    assert!(words(&file).starts_with("<!DOCTYPE html>"));
    let json: Value = serde_json::from_str(&words(&out.path().join("board.json"))).unwrap();
    assert_eq!(json["format"], "techhire-workshop-result");
    assert_eq!(json["client"], "Acme Ltd");
    assert_eq!(json["consultant"], "Jo Smith");
    assert_eq!(json["alignment"]["agreement"], "opposite_ends");
}

#[test]
fn before_the_reveal_every_format_is_refused_and_nothing_written() {
    let data = tempfile::tempdir().unwrap();
    let id = workshop(data.path(), 3, false);
    let out = tempfile::tempdir().unwrap();
    for (format, extension) in FORMATS {
        let file = out.path().join(format!("board.{extension}"));
        report(
            data.path(),
            &id,
            &["--format", format, "-o", file.to_str().unwrap()],
        )
        .assert()
        .code(1)
        .stdout("")
        .stderr(
            contains(format!(
                "workshop {id}'s answers are hidden until everyone has finished"
            ))
            .and(contains("(3 of 3 so far)"))
            .and(contains("so no report was written"))
            .and(contains(format!("workshop reveal {id}"))),
        );
        assert!(!file.exists(), "{format} was written before the reveal");
        // Nor to standard output.
        report(data.path(), &id, &["--format", format])
            .assert()
            .code(1)
            .stdout("");
    }
}

#[test]
fn no_private_note_is_printed_in_any_format() {
    let data = tempfile::tempdir().unwrap();
    let id = workshop(data.path(), 4, true);
    let out = tempfile::tempdir().unwrap();
    for anonymous in [false, true] {
        for (format, extension) in formats() {
            let file = out.path().join(format!("notes-{anonymous}.{extension}"));
            let mut args = vec!["--format", format, "-o", file.to_str().unwrap()];
            if anonymous {
                args.push("--anonymous");
            }
            report(data.path(), &id, &args).assert().success();
            let said = words(&file);
            assert!(said.contains("Where you agree and differ") || format == "json");
            for private in PRIVATE {
                assert!(!said.contains(private), "{private} in the {format} report");
            }
        }
    }
}

#[test]
fn anonymous_letters_everyone_everywhere_and_says_how_little_that_hides() {
    let data = tempfile::tempdir().unwrap();
    let id = workshop(data.path(), 4, true);
    let out = tempfile::tempdir().unwrap();
    for (format, extension) in formats() {
        let file = out.path().join(format!("lettered.{extension}"));
        report(
            data.path(),
            &id,
            &[
                "--format",
                format,
                "-o",
                file.to_str().unwrap(),
                "--anonymous",
            ],
        )
        .assert()
        .success();
        let said = words(&file);
        for &(name, role, _) in &shipped::PEOPLE[..4] {
            assert!(
                !said.contains(name),
                "{name} in the {format} report:\n{said}"
            );
            assert!(
                !said.contains(&format!("({role})")),
                "{role} in the {format} report"
            );
        }
        for letter in ["Leader A", "Leader B", "Leader C", "Leader D"] {
            assert!(said.contains(letter), "{letter} not in the {format} report");
        }
        // PDF text breaks lines where the page does.
        let one_line = said.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            one_line.contains("In a group of 4, that hides little"),
            "{format}:\n{said}"
        );
    }
}

/// The worked example's workshop in `data` taken to a second round, where Ben answers as Cai
/// did, and to the interview the room answers together, also as Cai did.
fn second_round_and_agreed(data: &Path, id: &str) {
    use techhire::session::SessionFile;
    use techhire::workshop::Status;
    let (tree, stamp, facts) = shipped_tree();
    let folder = data.join("sessions");
    let path = folder.join(format!("{id}.workshop.json"));
    let mut w = techhire::workshop::read_path(&path).unwrap();
    let now = Timestamp::now();
    // Each session answered as `file` says, over the one techhire wrote.
    let answer = |session_id: &str, file: &str| {
        let session_path = folder.join(format!("{session_id}.json"));
        let mut session = techhire::session::read_path(&session_path).unwrap();
        let interview = facts.apply(&tree, &read(file)).unwrap().interview;
        session.record(&interview, now);
        std::fs::remove_file(&session_path).unwrap();
        SessionFile::create_at(&session_path, session).unwrap();
    };
    let respondents = w.start_round(&tree, stamp.clone(), &folder).unwrap();
    for (r, file) in respondents.iter().zip(["ana-ceo", "cai-coo", "cai-coo"]) {
        answer(&r.session, file);
        w.set_status(&r.session, Status::Finished, now);
    }
    w.reveal(now);
    let agreed = w.agree(&tree, stamp, &folder).unwrap();
    answer(&agreed, "cai-coo");
    techhire::workshop::save(&path, &w).unwrap();
}

#[test]
fn a_second_round_says_who_moved_and_what_the_room_agreed() {
    let data = tempfile::tempdir().unwrap();
    let id = workshop(data.path(), 3, true);
    second_round_and_agreed(data.path(), &id);
    let text = common::succeeds(
        data.path(),
        &["workshop", "report", &id, "--format", "markdown"],
    );
    for said in [
        // Page one: what the room agreed, before anything else, then where people stood alone.
        "# Agreed together: Hire one leader for both roles\n",
        "> Answering alone, they had not agreed what this hire is for; their answers leaned to \
         Hire one leader for both roles. 2 of 3 share",
        "## Round 2: how the answers moved since round 1",
        "In round 1 the answers leaned to Hire one leader for both roles (not agreed: opposite \
         ends); now they lean to Hire one leader for both roles (not agreed).",
        "- Ana (CEO) and Cai (COO): every answer as in round 1, so each is still where they were.",
        "- Ben (CFO): Hire a CIO in round 1, now Hire one leader for both roles; changed “What \
         do you most need this technology leader to get done in their first two or three \
         years?” from “Run and modernise our core systems” to “Change how we work inside the \
         business”",
    ] {
        assert!(text.contains(said), "{said:?} not in:\n{text}");
    }
    // Lettered, the round before keeps everyone's letter and names nobody.
    let lettered = common::succeeds(
        data.path(),
        &[
            "workshop",
            "report",
            &id,
            "--format",
            "markdown",
            "--anonymous",
        ],
    );
    for name in ["Ana", "Ben", "Cai", "CEO", "CFO", "COO"] {
        assert!(!lettered.contains(name), "{name} in:\n{lettered}");
    }
    assert!(lettered.contains(": Hire a CIO in round 1, now Hire one leader for both roles"));
}

#[test]
fn after_an_early_reveal_the_report_says_whose_answers_are_not_in_and_letters_hide_them() {
    use techhire::workshop::Reveal;
    let data = tempfile::tempdir().unwrap();
    let id = workshop(data.path(), 3, true);
    // Cai never sent his session back; the consultant revealed the other two early.
    let folder = data.path().join("sessions");
    let path = folder.join(format!("{id}.workshop.json"));
    let mut w = techhire::workshop::read_path(&path).unwrap();
    let cai = w.respondents[2].session.clone();
    std::fs::remove_file(folder.join(format!("{cai}.json"))).unwrap();
    w.reveal = Reveal::RevealedEarly {
        at: Timestamp::now(),
        waiting: vec![cai],
    };
    techhire::workshop::save(&path, &w).unwrap();
    let text = common::succeeds(
        data.path(),
        &["workshop", "report", &id, "--format", "markdown"],
    );
    assert!(
        text.contains("Revealed early: Cai had not finished, so their answers are not in."),
        "{text}"
    );
    assert!(text.contains("combining 2 people's answers"), "{text}");
    let lettered = common::succeeds(
        data.path(),
        &["workshop", "report", &id, "--format", "json", "--anonymous"],
    );
    assert!(!lettered.contains("Cai"), "{lettered}");
    let json: Value = serde_json::from_str(&lettered).unwrap();
    assert_eq!(json["left_out"], serde_json::json!(["1 person"]));
}

#[test]
fn an_agreed_group_is_told_to_hire_and_has_nothing_to_settle() {
    use techhire::report::Format;
    use techhire::report::workshop::WorkshopReport;
    let revealed = revealed_of(&[("Ana", "ana-ceo"), ("Ben", "ana-ceo"), ("Cai", "ana-ceo")]);
    let report = WorkshopReport {
        revealed: &revealed,
        client: Some("Acme Ltd"),
        consultant: None,
        date: None,
        firm: None,
    };
    let text = String::from_utf8(report.render(Format::Markdown, 0).unwrap()).unwrap();
    assert!(text.starts_with("# Agreed: Hire a CTO\n"), "{text}");
    assert!(
        text.contains("Everyone answered every question they were asked alike"),
        "{text}"
    );
    assert!(!text.contains("Leadership is not yet agreed"), "{text}");
}

#[test]
fn a_second_round_hides_the_report_again_until_everyone_has_finished_it() {
    let data = tempfile::tempdir().unwrap();
    let id = workshop(data.path(), 3, true);
    common::succeeds(data.path(), &["workshop", "round", &id]);
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("board.md");
    report(data.path(), &id, &["-o", file.to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(
            contains(format!("workshop {id}'s round 2 answers are hidden"))
                .and(contains("(0 of 3 so far)")),
        );
    assert!(!file.exists());
}

#[test]
fn every_number_traces_to_the_points_peoples_answers_give() {
    use techhire::report::outline::{Block, Cells};
    use techhire::report::workshop::WorkshopReport;
    use techhire::workshop::Revealed;
    for people in [3, 4, 6] {
        let revealed = Revealed {
            combined: shipped::workshop(people, false),
            left_out: Vec::new(),
            round: 1,
            movement: None,
            agreed: None,
        };
        let c = &revealed.combined;
        let tree = &c.tree;
        // Each person's points: the sum of what each of their answers gives each option.
        let points: Vec<Vec<i64>> = c
            .voices
            .iter()
            .map(|v| {
                let mut sums = vec![0i64; tree.outcomes().len()];
                for r in &v.own.reasons {
                    for &(o, p) in tree.evidence(r.question, r.choice) {
                        sums[o] += i64::from(p);
                    }
                }
                sums
            })
            .collect();
        let report = WorkshopReport {
            revealed: &revealed,
            client: None,
            consultant: None,
            date: None,
            firm: None,
        };
        let json = serde_json::to_value(report.document()).unwrap();
        for (p, person) in json["people"].as_array().unwrap().iter().enumerate() {
            for (o, score) in person["scores"].as_array().unwrap().iter().enumerate() {
                assert_eq!(score["points"], points[p][o], "{people} people: {person}");
            }
        }
        let totals: Vec<i64> = (0..tree.outcomes().len())
            .map(|o| points.iter().map(|p| p[o]).sum())
            .collect();
        for (o, score) in json["combined"]["scores"]
            .as_array()
            .unwrap()
            .iter()
            .enumerate()
        {
            assert_eq!(score["total"], totals[o]);
            let average = score["average"].as_f64().unwrap();
            assert!((average - totals[o] as f64 / people as f64).abs() < 1e-9);
        }
        // The appendix's table: each person's points, their sum and the average, per option.
        let outline = report.outline();
        let method = outline.appendix.iter().find(|s| s.id == "method").unwrap();
        let grid = method
            .blocks
            .iter()
            .find_map(|b| match b {
                Block::Grid(g) => Some(g),
                _ => None,
            })
            .unwrap();
        assert_eq!(grid.rows.len(), tree.outcomes().len());
        for row in &grid.rows {
            let o = (0..tree.outcomes().len())
                .find(|&o| row.label.starts_with(c.label(o)))
                .unwrap();
            let Cells::Each(cells) = &row.cells else {
                panic!("a row of points per person")
            };
            let mut expected: Vec<String> = points.iter().map(|p| p[o].to_string()).collect();
            expected.push(totals[o].to_string());
            expected.push(format!("{:.1}", totals[o] as f64 / people as f64));
            let cells: Vec<String> = cells.iter().map(|c| c.clone().unwrap()).collect();
            assert_eq!(cells, expected, "{people} people, {}", row.label);
        }
        // The first paragraph's lean is the top sum over the number of people.
        let top = c.together.leaders[0];
        assert!(
            outline
                .headline
                .summary
                .contains(&format!("({} over {people} people)", totals[top])),
            "{}",
            outline.headline.summary
        );
    }
}

#[test]
fn hostile_names_cannot_break_the_grid_or_the_page() {
    use techhire::report::Format;
    use techhire::report::workshop::WorkshopReport;
    let revealed = revealed_of(&[
        ("<script>alert(1)</script>", "ana-ceo"),
        ("Pipe | Cell", "ben-cfo"),
        ("Esc\u{1b}[31mape\u{202e}", "cai-coo"),
    ]);
    let report = WorkshopReport {
        revealed: &revealed,
        client: Some("</title><b>Acme"),
        consultant: None,
        date: None,
        firm: None,
    };
    let render = |format| String::from_utf8(report.render(format, 80).unwrap()).unwrap();
    let html = render(Format::Html);
    assert!(!html.contains("<script>") && !html.contains("</title><b>"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    let markdown = render(Format::Markdown);
    assert!(markdown.contains("| Pipe \\| Cell |"), "{markdown}");
    for text in [html, markdown, render(Format::Text)] {
        assert!(!text.contains('\u{1b}') && !text.contains('\u{202e}'));
    }
}
