//! `workshop compare ID|PATH`: a revealed workshop full screen, for a workshop run over several
//! machines: its combined result, then the questions × people grid with each question's
//! detail and the side panel. Refused while the answers are hidden, as `show` and `report` are;
//! where no full screen can be drawn (plain mode asked for by the environment, or not a
//! terminal) it says to use `workshop show`, which prints the same result as text.

use std::collections::BTreeMap;
use std::io::{self, IsTerminal};
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use techhire::Tree;
use techhire::session::{Audience, SessionError};
use techhire::text::terminal_safe;
use techhire::workshop::Workshop;

use super::{open, showable};
use crate::cli::{InterviewArgs, Theme};
use crate::commands::interview::{self, Mode};
use crate::commands::{Failure, PROBLEMS, USAGE, config, program, quiet};
use crate::tui;

/// Shows a revealed workshop full screen until the user leaves.
pub(super) fn run(
    questions: Option<&Path>,
    which: &str,
    theme: Option<Theme>,
) -> Result<ExitCode, Failure> {
    let mut opened = open(questions, which, false)?;
    // Sessions answered right here with `resume` count as they stand (not saved).
    let folder = opened.folder().to_path_buf();
    opened.workshop.refresh_statuses(&folder);
    let (shown, under_way) = showable(&opened.workshop);
    let (saved, tree) = (shown.as_ref(), &opened.tree);
    let (reveal, unreadable) = reveal_of(saved, tree, &folder)?;
    refuse_without_a_screen(which)?;
    let client = saved.client.clone();
    let config = config::load()?;
    let options = tui::TuiOptions {
        theme: interview::theme(theme, &config),
        report_folder: None,
        ..tui::TuiOptions::default()
    };
    let notice = match under_way {
        Some(note) => vec![format!("Round {}, as it was revealed", saved.round()), note],
        None => Vec::new(),
    };
    tui::compare(reveal, client, notice, options)
        .map_err(|e| Failure::new(USAGE, terminal_safe(&e.to_string())))?;
    if !quiet() {
        for e in &unreadable {
            eprintln!("note: {}", terminal_safe(&e.to_string()));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A revealed workshop as the workshop screens show it, from its respondents' sessions in
/// `folder`: the combined result, each person's notes for the client (never a private one),
/// and who an early reveal left out; and the sessions that could not be read. Refused while
/// the answers are hidden.
pub(super) fn reveal_of(
    saved: &Workshop,
    tree: &Arc<Tree>,
    folder: &Path,
) -> Result<(tui::Reveal, Vec<SessionError>), Failure> {
    let (sessions, unreadable) = saved.sessions_in(folder);
    let revealed = saved
        .combine(tree, &sessions)
        .map_err(|e| Failure::new(PROBLEMS, terminal_safe(&e.to_string())))?;
    // The room sees each person's notes for the client, never a private one.
    let notes: Vec<BTreeMap<String, String>> = saved
        .respondents
        .iter()
        .filter(|r| !revealed.left_out.iter().any(|out| out.session == r.session))
        .map(|r| {
            sessions
                .iter()
                .find(|s| s.id == r.session)
                .map(|s| s.report_notes(Audience::Client))
                .unwrap_or_default()
        })
        .collect();
    let left_out = revealed.left_out.iter().map(|r| r.name.clone()).collect();
    let reveal = tui::Reveal::new(revealed.combined, notes, left_out).in_round(
        revealed.round,
        revealed.movement,
        revealed.agreed,
    );
    Ok((reveal, unreadable))
}

/// The compare screen is full screen: where plain mode is asked for, or standard input or
/// output is not a terminal, say what prints the same result instead.
fn refuse_without_a_screen(which: &str) -> Result<(), Failure> {
    let show = format!(
        "{} workshop show {}",
        program::name(),
        crate::commands::quote(which)
    );
    let why = match Mode::of(&InterviewArgs::default()) {
        Mode::Plain {
            because: Some(because),
        } => Some(format!("{because}, so plain mode is asked for")),
        _ if !(io::stdin().is_terminal() && io::stdout().is_terminal()) => {
            Some("standard input or output is not a terminal (a pipe or a file)".to_string())
        }
        _ => None,
    };
    match why {
        None => Ok(()),
        Some(why) => Err(Failure::new(
            USAGE,
            format!(
                "`workshop compare` is a full screen, and {why}. `{show}` prints the same \
                 result as text (--format json for scripts)."
            ),
        )),
    }
}
