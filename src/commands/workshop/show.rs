//! `workshop show ID|PATH`: a saved workshop's combined result from its respondents'
//! sessions beside it, refused while the answers are hidden.

use std::path::Path;
use std::process::ExitCode;

use techhire::text::{json_output, terminal_safe};
use techhire::workshop;

use super::{open, showable};
use crate::cli::WorkshopFormat;
use crate::commands::{Failure, PROBLEMS, print_out, quiet, terminal_width};

/// A saved workshop's combined result, from its respondents' sessions beside it.
pub(super) fn run(
    questions: Option<&Path>,
    which: &str,
    format: WorkshopFormat,
) -> Result<ExitCode, Failure> {
    let mut opened = open(questions, which, false)?;
    // Sessions answered right here with `resume` count as they stand (not saved: `show`
    // changes nothing).
    let folder = opened.folder().to_path_buf();
    opened.workshop.refresh_statuses(&folder);
    let (shown, under_way) = showable(&opened.workshop);
    let (saved, tree, folder) = (shown.as_ref(), &opened.tree, folder.as_path());
    let (sessions, unreadable) = saved.sessions_in(folder);
    if !quiet() {
        for e in &unreadable {
            eprintln!("note: {}", terminal_safe(&e.to_string()));
        }
    }
    let revealed = saved.combine(tree, &sessions).map_err(|e| {
        // Everyone has finished, but nobody has revealed yet: say how.
        let next = if saved.all_finished() && !saved.is_revealed() {
            format!(
                ". Everyone has finished: `{} workshop reveal {}` shows the answers",
                crate::commands::program::name(),
                saved.id
            )
        } else {
            String::new()
        };
        Failure::new(PROBLEMS, format!("{}{next}", terminal_safe(&e.to_string())))
    })?;
    match format {
        WorkshopFormat::Text => {
            let mut text = String::new();
            if let Some(note) = &under_way {
                text.push_str(&techhire::text::wrap(note, terminal_width(), "", ""));
                text.push('\n');
            }
            text.push_str(&workshop::text::render_revealed(
                &revealed,
                terminal_width(),
            ));
            print_out(text)
        }
        WorkshopFormat::Json => {
            if let Some(note) = under_way.as_ref().filter(|_| !quiet()) {
                eprintln!("note: {}", terminal_safe(note));
            }
            if let Some(note) =
                workshop::told::left_out(&revealed.left_names()).filter(|_| !quiet())
            {
                eprintln!("note: {}", terminal_safe(&note));
            }
            print_out(json_output(&workshop::json::revealed(&revealed)))
        }
    }
}
