//! The report as a board receives it on paper: every shipped outcome, a tie, a close call and
//! reports with a note on every answer and on the interview, printed to PDF by headless
//! Chromium on A4 and on Letter, fit on at most three pages, each with the client's name and
//! its page number in the footer, and no near-empty last page; so does the longest path
//! (thirteen answers, a tie) with a note on every answer. Set TECHHIRE_KEEP_PRINTS to a folder
//! to keep the PDFs (and the HTML printed) and look at them.

mod shipped;

use shipped::finished;

use std::collections::BTreeMap;
use std::io::Write;

use techhire::config::Firm;
use techhire::report::pdf::Paper;
use techhire::report::{Outline, ReportInput, html};

/// The page budget for any shipped report.
const MOST_PAGES: usize = 3;

const CLIENT: &str = "Globex Corporation";

/// One report to print: an answers file, and whether every answer carries a note.
#[derive(Clone, Copy)]
struct Case {
    answers: &'static str,
    every_note: bool,
}

impl Case {
    /// The answers file with one short note, on its first answer.
    const fn answers(answers: &'static str) -> Case {
        Case {
            answers,
            every_note: false,
        }
    }

    /// The answers file with a note on every answer and one on the interview as a whole.
    const fn noted(answers: &'static str) -> Case {
        Case {
            answers,
            every_note: true,
        }
    }

    fn name(self) -> String {
        match self.every_note {
            true => format!("{} with every note", self.answers),
            false => self.answers.to_string(),
        }
    }
}

/// What a consultant might write against each question during a board interview: a sentence
/// or two, as real notes are, and true of whichever answer was given.
const NOTES: [(&str, &str); 13] = [
    (
        "looking_for",
        "Board wants the first results within a year; the CFO asked what it will cost to get there.",
    ),
    (
        "focus",
        "CEO and COO put this differently; worth checking with the chair before the board meets.",
    ),
    (
        "digital_vs_tech",
        "They found this one hard; we talked it through with two projects from last year.",
    ),
    (
        "value_line",
        "Chair: the board will look at margin and at growth, and will not rank them in advance.",
    ),
    (
        "business",
        "Last spring's strategy paper has the detail; ask the CFO for the latest revenue split.",
    ),
    (
        "product_team",
        "Head of product to confirm team sizes and which supplier contracts renew next year.",
    ),
    (
        "internal_estate",
        "An audit of systems and suppliers is under way; results are due before the board meets.",
    ),
    (
        "size",
        "From last year's accounts; the CFO will confirm this year's forecast.",
    ),
    (
        "ownership",
        "The bankers have asked who will own technology risk; the board wants that settled first.",
    ),
    (
        "existing_leaders",
        "HR to send the current organisation chart and the job descriptions on file.",
    ),
    (
        "incumbent",
        "Sensitive: to be discussed with the CEO alone before anything is said to the team.",
    ),
    (
        "reporting",
        "The chair would rather keep the CEO's direct reports as they are; the CEO is open to it.",
    ),
    (
        "security_owner",
        "A head of security starts next month; where they report is still being decided.",
    ),
];

/// A note on the interview as a whole, as a consultant closes one.
const INTERVIEW_NOTE: &str = "Answered with the CEO, the CFO and the chair in the room. \
    The board meets on the 14th; they want a recommendation they can take to the search firm, \
    and a short list of what to settle before the search starts.";

/// The report as HTML on `paper`, from a finished interview.
fn report_html(case: Case, paper: Paper) -> String {
    let (tree, interview, recommendation) = finished(case.answers);
    let asked: Vec<String> = interview
        .path()
        .iter()
        .map(|step| tree.question(step.question).id.clone())
        .collect();
    let notes: BTreeMap<String, String> = match case.every_note {
        true => NOTES
            .iter()
            .filter(|(id, _)| asked.iter().any(|a| a == id))
            .map(|&(id, note)| (id.to_string(), note.to_string()))
            .collect(),
        false => BTreeMap::from([(asked[0].clone(), NOTES[0].1.to_string())]),
    };
    if case.every_note {
        assert_eq!(notes.len(), asked.len(), "a note for every answer");
    }
    let firm = Firm {
        name: Some("Northwind Advisory".into()),
        logo: None,
    };
    let outline = Outline::new(&ReportInput {
        tree: &tree,
        interview: &interview,
        recommendation: &recommendation,
        client: Some(CLIENT),
        consultant: Some("Jo Smith"),
        date: Some("2026-11-23T09:47:25Z"),
        notes: &notes,
        interview_note: case.every_note.then_some(INTERVIEW_NOTE),
        private_notes: false,
        firm: Some(&firm),
    });
    html::render_outline(&outline, Some(paper.css()))
}

/// Prints each report on A4 and Letter and checks the pages (see [`shipped::check_prints`]).
fn check(reports: &[Case]) -> Vec<String> {
    let prints: Vec<(String, shipped::Print)> = reports
        .iter()
        .map(|&case| {
            let print: shipped::Print = Box::new(move |paper| report_html(case, paper));
            (case.name(), print)
        })
        .collect();
    shipped::check_prints(&prints, CLIENT, MOST_PAGES)
}

#[test]
fn every_shipped_report_prints_within_the_page_budget() {
    let counts = check(&[
        Case::answers("cio"),
        Case::answers("cto"),
        Case::answers("both"),
        Case::answers("combined"),
        Case::answers("tie"),
        Case::answers("close_call"),
        Case::noted("cio"),
        Case::noted("both"),
        // The longest path: thirteen answers, a tie that ten of them would settle.
        Case::answers("longest"),
        Case::noted("longest"),
    ]);
    let _ = writeln!(std::io::stderr(), "{}", counts.join("\n"));
}
