//! `techhire` with no subcommand: a new interview (or the one at `--session`), full screen or
//! plain; and running any opened interview in the front end asked for, which `resume` shares.

use std::io::{self, IsTerminal};
use std::path::Path;
use std::process::ExitCode;

use crate::cli::{self, InterviewArgs};
use crate::commands::opening::{self, Ending, Opened};
use crate::commands::{Failure, USAGE, config, full_screen, output_failure};
use crate::{plain, tui};
use techhire::config::{Config, Theme};

/// The interview command.
pub fn run(
    args: &InterviewArgs,
    questions: Option<&Path>,
    session: Option<&Path>,
) -> Result<ExitCode, Failure> {
    needs_a_terminal(args.plain)?;
    let config = config::load()?;
    let mut names = names(args);
    // A new interview is run by the consultant the config file names, unless told otherwise.
    names.consultant = names.consultant.or(config.consultant.as_deref());
    let to = match (session, args.no_save) {
        (Some(_), true) => {
            return Err(Failure::new(
                USAGE,
                "--no-save keeps nothing, and --session names where to keep the interview: \
                 give one of them.",
            ));
        }
        (Some(path), false) => opening::SaveTo::File(path),
        (None, true) => opening::SaveTo::Nowhere,
        (None, false) => opening::SaveTo::Store,
    };
    let opened = opening::start(questions, to, names)?;
    front_end(opened, args, questions, &config)
}

pub fn names(args: &InterviewArgs) -> opening::Names<'_> {
    opening::Names {
        client: args.client.as_deref(),
        consultant: args.consultant.as_deref(),
    }
}

/// The full-screen interview needs a terminal; checked before a session is opened, so a
/// refusal leaves nothing behind.
pub fn needs_a_terminal(plain: bool) -> Result<(), Failure> {
    if plain || (io::stdin().is_terminal() && io::stdout().is_terminal()) {
        return Ok(());
    }
    Err(Failure::new(
        USAGE,
        "The full-screen interview needs a terminal, but standard input or output is \
         not one (a pipe or a file).\n\
         \x20 techhire --plain                 asks the questions line by line; works with \
         pipes and screen readers\n\
         \x20 techhire run --answers FILE      gives the result for answers written in a file\n",
    ))
}

/// Runs an opened interview in plain mode or full screen, then closes its session (which, in
/// full screen, may be another one the user resumed from the start screen).
pub fn front_end(
    mut opened: Opened,
    args: &InterviewArgs,
    questions: Option<&Path>,
    config: &Config,
) -> Result<ExitCode, Failure> {
    let ending = if args.plain {
        let ask_names = opened.fresh && io::stdin().is_terminal();
        let (folder, _) = config::report_folder(config)?;
        let reports = plain::Reports {
            folder: &folder,
            firm: &config.firm,
        };
        plain_mode(&mut opened, 0, ask_names, reports)
    } else {
        // --theme, else the config file's, else the terminal decides.
        let theme = args
            .theme
            .map(|theme| match theme {
                cli::Theme::Dark => tui::ThemeName::Dark,
                cli::Theme::Light => tui::ThemeName::Light,
                cli::Theme::Mono => tui::ThemeName::Mono,
            })
            .or(config.theme.map(|theme| match theme {
                Theme::Dark => tui::ThemeName::Dark,
                Theme::Light => tui::ThemeName::Light,
                Theme::Mono => tui::ThemeName::Mono,
            }));
        full_screen::run(&mut opened, questions, theme, config)
    };
    match ending {
        Ok(ending) => opening::close(opened, ending, args.plain),
        Err(failure) => {
            // Say why the front end stopped, but never lose track of the session.
            let _ = opening::close(opened, Ending::Unfinished, args.plain);
            Err(failure)
        }
    }
}

fn plain_mode(
    opened: &mut Opened,
    width: usize,
    ask_names: bool,
    reports: plain::Reports,
) -> Result<Ending, Failure> {
    let mut input = io::stdin().lock();
    let mut output = io::stdout().lock();
    let options = plain::Options {
        width,
        ask_names,
        reports,
    };
    match plain::run(opened, &mut input, &mut output, options) {
        Ok(plain::Ending::Finished) => Ok(Ending::Finished),
        Ok(plain::Ending::Quit | plain::Ending::InputEnded) => Ok(Ending::Unfinished),
        // The reader went away before the result: unfinished, but nothing to complain about.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(Ending::Unfinished),
        Err(e) => Err(output_failure(&e)),
    }
}
