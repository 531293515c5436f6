//! `techhire resume [ID|PATH]`: carry on with a saved session, by default the most recently
//! changed unfinished one, in the front end asked for.

use std::path::Path;
use std::process::ExitCode;

use crate::cli::InterviewArgs;
use crate::commands::interview::{LINE_BY_LINE, Mode, front_end, names, needs_a_terminal};
use crate::commands::{Failure, USAGE, config, opening, program, quote, sessions};

/// The resume command.
pub fn run(
    which: Option<&str>,
    args: &InterviewArgs,
    questions: Option<&Path>,
) -> Result<ExitCode, Failure> {
    let mode = Mode::of(args);
    needs_a_terminal(mode, || {
        let resume = match which {
            Some(which) => format!("{} resume {} --plain", program::name(), quote(which)),
            None => format!("{} resume --plain", program::name()),
        };
        vec![(resume, LINE_BY_LINE)]
    })?;
    if args.no_save {
        return Err(Failure::new(
            USAGE,
            format!(
                "--no-save is for a new interview; a resumed session is saved as it changes. \
                 To explore without touching it, copy it first: `{} sessions copy ID`.",
                program::name()
            ),
        ));
    }
    let config = config::load()?;
    let path = match which {
        Some(what) => opening::find(what)?,
        None => sessions::latest_unfinished()?,
    };
    let opened = opening::resume(&path, questions, names(args))?;
    front_end(opened, args, mode, questions, &config)
}
