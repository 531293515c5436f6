//! The workshop target: read any bytes as a workshop file; a file that fails gets a readable
//! error naming it, and a workshop that reads saves back the same, and on the shipped tree its
//! facts resolve or are refused, each respondent's session made from it joins it exactly when
//! the tree editions match, and combining is refused while the answers are hidden; once
//! revealed, the current round is combined (with its movement from round 2) and told, and the
//! board's report of it is written in every format that needs no browser, named or lettered.

use techhire::report::Format;
use techhire::report::workshop::WorkshopReport;
use techhire::workshop::{JoinError, json, parse, text};

use crate::check::terminal_safe;
use crate::session::shipped;

const FILE: &str = "fuzz.workshop.json";

/// Respondents looked at, at most, so a file of thousands stays quick.
const RESPONDENTS: usize = 8;

pub fn workshop(data: &[u8]) {
    let workshop = match parse(FILE, data) {
        Ok(workshop) => workshop,
        Err(e) => {
            let message = e.to_string();
            assert!(
                message.contains(FILE),
                "errors must name the file: {message}"
            );
            terminal_safe("the error", &message);
            return;
        }
    };
    let json = serde_json::to_string(&workshop).expect("a workshop always serialises");
    let again = parse("again.json", json.as_bytes())
        .unwrap_or_else(|e| panic!("a workshop that read must save and read back: {e}"));
    assert_eq!(again, workshop, "a workshop must read back as it was saved");

    let (tree, stamp) = shipped();
    if workshop.fact_steps(tree).is_err() {
        return;
    }
    let same_edition = workshop.tree.sha256 == stamp.sha256;
    let mut sessions = Vec::new();
    for respondent in workshop.respondents.iter().take(RESPONDENTS) {
        let session = workshop
            .session_for(respondent, tree, stamp.clone())
            .expect("facts that resolve make a session");
        match workshop.check_facts_of(tree, &session) {
            Ok(()) => assert!(same_edition, "a session on another edition joined"),
            Err(JoinError::OtherTree { .. }) => assert!(!same_edition),
            Err(e) => {
                // Only a fact the workshop answers twice over could differ; the reader
                // refuses that, so the session made from the facts agrees with them.
                panic!("a respondent's own session was refused: {e}")
            }
        }
        sessions.push(session);
    }
    match workshop.combine(tree, &sessions) {
        Err(JoinError::Hidden { .. }) => assert!(!workshop.is_revealed()),
        Ok(revealed) => {
            assert!(workshop.is_revealed() && revealed.combined.people() > 0);
            // Rounds: the current one is combined, moving from the one before from round 2.
            assert_eq!(revealed.round, workshop.round());
            assert_eq!(revealed.movement.is_some(), workshop.round() > 1);
            terminal_safe("the text", &text::render_revealed(&revealed, 80));
            let _ = json::revealed(&revealed);
            report(&workshop, &revealed);
            if let Ok(lettered) = workshop.combine_as(tree, &sessions, true) {
                report(&workshop, &lettered);
            }
        }
        Err(e) => terminal_safe("the error", &e.to_string()),
    }
}

/// The board's report of a revealed workshop in every format that needs no browser: text and
/// Markdown terminal-safe, HTML and JSON written.
fn report(workshop: &techhire::workshop::Workshop, revealed: &techhire::workshop::Revealed) {
    let report = WorkshopReport {
        revealed,
        client: workshop.client.as_deref(),
        consultant: workshop.consultant.as_deref(),
        date: None,
        firm: None,
    };
    for format in [Format::Text, Format::Markdown, Format::Html, Format::Json] {
        let bytes = report
            .render(format, 80)
            .expect("only a PDF needs a browser");
        let said = String::from_utf8(bytes).expect("a report is UTF-8");
        if matches!(format, Format::Text | Format::Markdown) {
            terminal_safe("the report", &said);
        }
    }
}
