//! The workshop report as a board receives it on paper: the worked example (three leaders at a
//! CTO, a CIO and one combined leader), four and six leaders, the six lettered, and the six in a
//! second round (two of them moved, the room agreed together), printed to
//! PDF by headless Chromium on A4 and on Letter, each on at most three pages (the single
//! report's budget) with the client and the page number in every footer and no near-empty last
//! page. Set TECHHIRE_KEEP_PRINTS to a folder to keep the PDFs and look at them.

mod shipped;

use std::io::Write;

use techhire::config::Firm;
use techhire::report::html;
use techhire::report::pdf::Paper;
use techhire::report::workshop::WorkshopReport;
use techhire::workshop::{Changed, Combined, Moved, Movement, Revealed};

/// The page budget: the single report's.
const MOST_PAGES: usize = 3;

const CLIENT: &str = "Globex Corporation";

/// The workshop report of the first `people` of the test workshop, as HTML for `paper`; in a
/// second round when `moved`.
fn report_html(people: usize, anonymous: bool, moved: bool, paper: Paper) -> String {
    let combined = shipped::workshop(people, anonymous);
    let (round, movement, agreed) = match moved {
        true => (
            2,
            Some(second_round(&combined)),
            Some(combined.voices[2].own.clone()),
        ),
        false => (1, None, None),
    };
    let revealed = Revealed {
        combined,
        left_out: Vec::new(),
        round,
        movement,
        agreed,
    };
    let firm = Firm {
        name: Some("Northwind Advisory".into()),
        logo: None,
    };
    let report = WorkshopReport {
        revealed: &revealed,
        client: Some(CLIENT),
        consultant: Some("Jo Smith"),
        date: Some("2026-11-30T10:40:00Z"),
        firm: Some(&firm),
    };
    html::render_outline(&report.outline(), Some(paper.css()))
}

/// A second round's movement over `now`: the first two people each changed what the hire is
/// for (from another answer to the one they give now) and one of them their own
/// recommendation; the round before stood where this one does.
fn second_round(now: &Combined) -> Movement {
    let tree = &now.tree;
    let q = tree.question_index("looking_for").unwrap();
    let people = (0..now.people())
        .map(|p| {
            let own = now.voices[p].own.leaders.clone();
            let to = now.voices[p].answer_on_path(q);
            let from = to.map(|c| (c + 1) % tree.question(q).choices.len());
            Moved {
                person: p,
                before: Some(match p {
                    0 => vec![tree.outcome_index("combined").unwrap()],
                    _ => own.clone(),
                }),
                now: own,
                changed: match p < 2 {
                    true => vec![Changed {
                        question: q,
                        from,
                        to,
                    }],
                    false => Vec::new(),
                },
            }
        })
        .collect();
    Movement {
        round_before: 1,
        people,
        before: Some(now.clone()),
    }
}

#[test]
fn every_workshop_report_prints_within_the_page_budget() {
    let cases = [
        (3, false, false),
        (4, false, false),
        (6, false, false),
        (6, true, false),
        (6, false, true),
    ];
    let prints: Vec<(String, shipped::Print)> = cases
        .iter()
        .map(|&(people, anonymous, moved)| {
            let name = match (anonymous, moved) {
                (true, _) => format!("workshop of {people}, lettered"),
                (false, true) => format!("workshop of {people}, round 2 and agreed"),
                (false, false) => format!("workshop of {people}"),
            };
            let print: shipped::Print =
                Box::new(move |paper| report_html(people, anonymous, moved, paper));
            (name, print)
        })
        .collect();
    let counts = shipped::check_prints(&prints, CLIENT, MOST_PAGES);
    let _ = writeln!(std::io::stderr(), "{}", counts.join("\n"));
}
