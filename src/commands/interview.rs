//! `techhire` with no subcommand: a new interview (or the one at `--session`), full screen or
//! plain; and running any opened interview in the front end asked for, which `resume` shares.
//! Plain mode is chosen by `--plain`, or by the environment where a full screen would not
//! serve (TERM=dumb, TECHHIRE_PLAIN, the ACCESSIBLE convention), unless `--no-plain`.

use std::ffi::OsString;
use std::io::{self, IsTerminal, Write as _};
use std::path::Path;
use std::process::ExitCode;

use techhire::config::{Config, Theme};

use crate::cli::{self, InterviewArgs};
use crate::commands::opening::{self, Ending, Opened};
use crate::commands::{Failure, USAGE, config, full_screen, output_failure, program};
use crate::{plain, tui};

/// The interview command.
pub fn run(
    args: &InterviewArgs,
    questions: Option<&Path>,
    session: Option<&Path>,
) -> Result<ExitCode, Failure> {
    let mode = Mode::of(args);
    needs_a_terminal(mode, || {
        let me = program::name();
        vec![
            (format!("{me} --plain"), LINE_BY_LINE),
            (
                format!("{me} run --answers FILE"),
                "gives the result for answers written in a file",
            ),
        ]
    })?;
    let config = config::load()?;
    let mut names = names(args);
    // A new interview is run by the consultant the config file names, unless told otherwise.
    names.consultant = names.consultant.or(config.consultant.as_deref());
    let to = match (session, args.no_save) {
        (_, true) if mode == Mode::FullScreen => {
            return Err(Failure::new(
                USAGE,
                "--no-save is for plain mode (--plain): the full-screen interview keeps its \
                 session.",
            ));
        }
        (Some(_), true) => {
            return Err(Failure::new(
                USAGE,
                "--no-save keeps nothing, and --session names where to keep the interview: \
                 give one of them.",
            ));
        }
        (Some(path), false) => opening::SaveTo::File(path),
        (None, true) => opening::SaveTo::Nowhere,
        // The full screen writes the new session's file once its first frame is up.
        (None, false) if mode == Mode::FullScreen => opening::SaveTo::StoreLater,
        (None, false) => opening::SaveTo::Store,
    };
    let opened = opening::start(questions, to, names)?;
    front_end(opened, args, mode, questions, &config)
}

/// How the interview is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    FullScreen,
    /// Line by line; `because` names the environment variable that chose it, if one did.
    Plain {
        because: Option<&'static str>,
    },
}

impl Mode {
    /// The mode the flags ask for, or else the one the environment does.
    pub fn of(args: &InterviewArgs) -> Mode {
        Mode::chosen(args, |name| std::env::var_os(name))
    }

    fn chosen(args: &InterviewArgs, var: impl Fn(&str) -> Option<OsString>) -> Mode {
        if args.plain {
            return Mode::Plain { because: None };
        }
        if args.no_plain {
            return Mode::FullScreen;
        }
        let set = |name: &str| var(name).is_some_and(|v| !v.is_empty() && v != "0");
        let because = if var("TERM").is_some_and(|t| t == "dumb") {
            Some("TERM is dumb")
        } else if set("TECHHIRE_PLAIN") {
            Some("TECHHIRE_PLAIN is set")
        } else if var("ACCESSIBLE").is_some_and(|v| !v.is_empty()) {
            Some("ACCESSIBLE is set")
        } else {
            None
        };
        because.map_or(Mode::FullScreen, |why| Mode::Plain { because: Some(why) })
    }
}

pub fn names(args: &InterviewArgs) -> opening::Names<'_> {
    opening::Names {
        client: args.client.as_deref(),
        consultant: args.consultant.as_deref(),
    }
}

/// The full-screen theme the config file asks for, if any.
fn config_theme(config: &Config) -> Option<tui::ThemeName> {
    config.theme.map(|theme| match theme {
        Theme::Dark => tui::ThemeName::Dark,
        Theme::Light => tui::ThemeName::Light,
        Theme::Mono => tui::ThemeName::Mono,
    })
}

/// The full-screen interview needs a terminal; checked before a session is opened, so a
/// refusal leaves nothing behind. `instead` lists the commands that work without one (the
/// command as typed, what it does), each as it applies to what was asked.
pub fn needs_a_terminal(
    mode: Mode,
    instead: impl FnOnce() -> Vec<(String, &'static str)>,
) -> Result<(), Failure> {
    let terminal = io::stdin().is_terminal() && io::stdout().is_terminal();
    if terminal || matches!(mode, Mode::Plain { .. }) {
        return Ok(());
    }
    // Worked out only now: naming the program searches the PATH, which a start need not do.
    let instead = instead();
    let width = instead.iter().map(|(c, _)| c.len()).max().unwrap_or(0) + 2;
    let mut said = String::from(
        "The full-screen interview needs a terminal, but standard input or output is not one \
         (a pipe or a file).\n",
    );
    for (command, does) in &instead {
        said.push_str(&format!("  {command:<width$}{does}\n"));
    }
    Err(Failure::new(USAGE, said))
}

/// What plain mode does, said beside the command that asks for it.
pub const LINE_BY_LINE: &str =
    "asks the questions line by line; works with pipes and screen readers";

/// Runs an opened interview in plain mode or full screen, then closes its session (which, in
/// full screen, may be another one the user resumed from the start screen).
pub fn front_end(
    mut opened: Opened,
    args: &InterviewArgs,
    mode: Mode,
    questions: Option<&Path>,
    config: &Config,
) -> Result<ExitCode, Failure> {
    let plain = matches!(mode, Mode::Plain { .. });
    let ending = match mode {
        Mode::Plain { because } => {
            let ask_names = opened.fresh && io::stdin().is_terminal();
            let (folder, _) = config::report_folder(config)?;
            let reports = plain::Reports {
                folder: &folder,
                firm: &config.firm,
            };
            plain_mode(&mut opened, because, ask_names, reports)
        }
        Mode::FullScreen => {
            full_screen::run(&mut opened, questions, theme(args.theme, config), config)
        }
    };
    match ending {
        Ok(ending) => opening::close(opened, ending, plain),
        Err(failure) => {
            // Say why the front end stopped, but never lose track of the session.
            let _ = opening::close(opened, Ending::Unfinished, plain);
            Err(failure)
        }
    }
}

/// The full screen's colours: --theme, else the config file's, else the terminal decides.
pub fn theme(asked: Option<cli::Theme>, config: &Config) -> Option<tui::ThemeName> {
    let theme = asked.map(|theme| match theme {
        cli::Theme::Dark => tui::ThemeName::Dark,
        cli::Theme::Light => tui::ThemeName::Light,
        cli::Theme::Mono => tui::ThemeName::Mono,
    });
    theme.or(config_theme(config))
}

/// Plain mode on standard input and output, one line per paragraph (screen readers wrap
/// themselves); first saying so when the environment chose it, and how to have the full
/// screen instead.
fn plain_mode(
    opened: &mut Opened,
    because: Option<&str>,
    ask_names: bool,
    reports: plain::Reports,
) -> Result<Ending, Failure> {
    let mut input = io::stdin().lock();
    let mut output = io::stdout().lock();
    let wait = crate::commands::report::not_offered(opened.save.path(), opened.save.session());
    let options = plain::Options {
        width: 0,
        ask_names,
        reports,
        beside: opened.beside.as_deref(),
        reports_wait: wait.as_deref(),
    };
    let said = match because {
        Some(why) => writeln!(
            output,
            "Plain mode, because {why}: questions line by line. --no-plain gives the full screen."
        ),
        None => Ok(()),
    };
    let mut live = plain::Live {
        interview: &mut opened.interview,
        save: &mut opened.save,
        notice: &opened.notice,
    };
    match said.and_then(|()| plain::run(&mut live, &mut input, &mut output, options)) {
        Ok(plain::Ending::Finished) => Ok(Ending::Finished),
        Ok(plain::Ending::Quit | plain::Ending::InputEnded) => Ok(Ending::Unfinished),
        // The reader went away before the result: unfinished, but nothing to complain about.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(Ending::Unfinished),
        Err(e) => Err(output_failure(&e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mode(args: &InterviewArgs, env: &[(&str, &str)]) -> Mode {
        Mode::chosen(args, |name| {
            env.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| OsString::from(v))
        })
    }

    #[test]
    fn the_environment_chooses_plain_mode_and_the_flags_overrule_it() {
        let none = InterviewArgs::default();
        let plain = InterviewArgs {
            plain: true,
            ..InterviewArgs::default()
        };
        let no_plain = InterviewArgs {
            no_plain: true,
            ..InterviewArgs::default()
        };
        let by = |why| Mode::Plain { because: Some(why) };
        assert_eq!(mode(&none, &[("TERM", "xterm-256color")]), Mode::FullScreen);
        assert_eq!(mode(&none, &[("TERM", "dumb")]), by("TERM is dumb"));
        assert_eq!(
            mode(&none, &[("TECHHIRE_PLAIN", "1")]),
            by("TECHHIRE_PLAIN is set")
        );
        assert_eq!(mode(&none, &[("TECHHIRE_PLAIN", "0")]), Mode::FullScreen);
        assert_eq!(mode(&none, &[("ACCESSIBLE", "1")]), by("ACCESSIBLE is set"));
        assert_eq!(mode(&none, &[("ACCESSIBLE", "")]), Mode::FullScreen);
        assert_eq!(mode(&no_plain, &[("TERM", "dumb")]), Mode::FullScreen);
        assert_eq!(mode(&plain, &[]), Mode::Plain { because: None });
    }
}
