//! `workshop report ID|PATH`: the workshop report for the board (HTML, PDF, Markdown, text or
//! JSON), to standard output or a file written as `techhire report` writes one; refused,
//! with nothing written, while the answers are hidden.

use std::path::Path;
use std::process::ExitCode;

use techhire::report::workshop::WorkshopReport;
use techhire::text::terminal_safe;
use techhire::workshop::{Reveal, Status};

use super::open;
use crate::cli::ReportOutput;
use crate::commands::report::{deliver, format_for, not_for_the_terminal};
use crate::commands::{Failure, PROBLEMS, config, program, quiet};

/// Text reports are wrapped for a page of this many columns, as `techhire report` wraps them.
const WIDTH: usize = 80;

/// The workshop report of a revealed workshop.
pub(super) fn run(
    questions: Option<&Path>,
    which: &str,
    write: &ReportOutput,
    anonymous: bool,
) -> Result<ExitCode, Failure> {
    let (output, force) = (write.output.as_deref(), write.force);
    let format = format_for(write.format.map(|f| f.0), output)?;
    let opened = open(questions, which, false)?;
    let (saved, tree, folder) = (&opened.workshop, &opened.tree, opened.folder());
    let id = terminal_safe(&saved.id);
    if !saved.is_revealed() {
        let finished = saved
            .respondents
            .iter()
            .filter(|r| r.status == Status::Finished)
            .count();
        return Err(Failure::new(
            PROBLEMS,
            format!(
                "workshop {id}'s {round}answers are hidden until everyone has finished \
                 ({finished} of {} so far), so no report was written: a report now would show \
                 people's answers before the others have given theirs. Once everyone has \
                 finished, `{me} workshop reveal {id}` shows them (with --early, before)",
                saved.respondents.len(),
                round = match saved.round() {
                    1 => String::new(),
                    n => format!("round {n} "),
                },
                me = program::name(),
            ),
        ));
    }
    not_for_the_terminal(format, output)?;
    let config = config::load()?;
    let (sessions, unreadable) = saved.sessions_in(folder);
    if !quiet() {
        for e in &unreadable {
            eprintln!("note: {}", terminal_safe(&e.to_string()));
        }
    }
    let revealed = saved
        .combine_as(tree, &sessions, anonymous)
        .map_err(|e| Failure::new(PROBLEMS, terminal_safe(&e.to_string())))?;
    let date = match &saved.reveal {
        Reveal::Revealed { at } | Reveal::RevealedEarly { at, .. } => *at,
        Reveal::Hidden => saved.updated,
    }
    .to_string();
    let report = WorkshopReport {
        revealed: &revealed,
        client: saved.client.as_deref(),
        // A workshop kept by `workshop run --save` names no consultant: the config's, as `run`.
        consultant: saved.consultant.as_deref().or(config.consultant.as_deref()),
        date: Some(&date),
        firm: Some(&config.firm),
    };
    let bytes = report
        .render(format, WIDTH)
        .map_err(|e| Failure::new(PROBLEMS, e.to_string()))?;
    let name = match saved.client.as_deref() {
        Some(client) => format!("workshop {id} ({})", terminal_safe(client)),
        None => format!("workshop {id}"),
    };
    deliver(&bytes, format, output, force, &name)
}
