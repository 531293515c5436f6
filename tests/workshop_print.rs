//! The workshop report as a board receives it on paper: the worked example (three leaders at a
//! CTO, a CIO and one combined leader), four and six leaders, and the six lettered, printed to
//! PDF by headless Chromium on A4 and on Letter, each on at most three pages (the single
//! report's budget) with the client and the page number in every footer and no near-empty last
//! page. Set TECHHIRE_KEEP_PRINTS to a folder to keep the PDFs and look at them.

mod shipped;

use std::io::Write;

use techhire::config::Firm;
use techhire::report::html;
use techhire::report::pdf::Paper;
use techhire::report::workshop::WorkshopReport;
use techhire::workshop::Revealed;

/// The page budget: the single report's.
const MOST_PAGES: usize = 3;

const CLIENT: &str = "Globex Corporation";

/// The workshop report of the first `people` of the test workshop, as HTML for `paper`.
fn report_html(people: usize, anonymous: bool, paper: Paper) -> String {
    let revealed = Revealed {
        combined: shipped::workshop(people, anonymous),
        left_out: Vec::new(),
        round: 1,
        movement: None,
        agreed: None,
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

#[test]
fn every_workshop_report_prints_within_the_page_budget() {
    let cases = [(3, false), (4, false), (6, false), (6, true)];
    let prints: Vec<(String, shipped::Print)> = cases
        .iter()
        .map(|&(people, anonymous)| {
            let name = match anonymous {
                true => format!("workshop of {people}, lettered"),
                false => format!("workshop of {people}"),
            };
            let print: shipped::Print =
                Box::new(move |paper| report_html(people, anonymous, paper));
            (name, print)
        })
        .collect();
    let counts = shipped::check_prints(&prints, CLIENT, MOST_PAGES);
    let _ = writeln!(std::io::stderr(), "{}", counts.join("\n"));
}
