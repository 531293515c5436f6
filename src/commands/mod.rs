//! The glue between the command line and the engine: one file per subcommand (`interview.rs`
//! is techhire with no subcommand), the sessions opened and closed for any front end
//! (`opening.rs`), the full-screen interview wired to them (`full_screen.rs`), and here the
//! helpers every command shares: the exit codes, [`Failure`], loading the tree and printing.

pub mod census;
pub mod full_screen;
pub mod graph;
pub mod interview;
pub mod opening;
pub mod report;
pub mod resume;
pub mod run;
pub mod sessions;
pub mod validate;

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use std::process::ExitCode;

use techhire::Report;
use techhire::tree::{self, EMBEDDED, EMBEDDED_NAME, Loaded, TreeError};

use crate::cli::{Cli, Command};

/// Exit code when a tree or answers file has problems, or an interview stops before the end.
pub const PROBLEMS: u8 = 1;
/// Exit code for usage errors, files that cannot be read, and no terminal.
pub const USAGE: u8 = 2;

/// The widest the terminal text is wrapped, however wide the terminal.
const MAX_WIDTH: usize = 100;

/// Why a command stopped: what to tell the user, and the exit code.
pub struct Failure {
    pub message: String,
    pub code: u8,
}

impl Failure {
    pub fn new(code: u8, message: impl Into<String>) -> Self {
        Failure {
            message: message.into(),
            code,
        }
    }
}

/// `--session` belongs to the interview, and the interview's flags to it and `resume`; given
/// before another command they would be ignored, which would surprise.
pub fn check_session_flags(cli: &Cli) -> Result<(), Failure> {
    let command = match &cli.command {
        None => return Ok(()),
        Some(Command::Resume { .. }) if cli.session.is_some() => {
            return Err(Failure::new(
                USAGE,
                "`resume` takes the session itself: `techhire resume PATH` (or an id), \
                 without --session.",
            ));
        }
        Some(Command::Resume { .. }) => return Ok(()),
        Some(Command::Validate { .. }) => "validate",
        Some(Command::Run { .. }) => "run",
        Some(Command::Graph { .. }) => "graph",
        Some(Command::Census { .. }) => "census",
        Some(Command::Sessions { .. }) => "sessions",
        Some(Command::Report { .. }) => "report",
    };
    if cli.session.is_none() && !cli.interview.any() {
        return Ok(());
    }
    let hint = if command == "report" {
        " The report takes the names saved in the session; set them with \
         `techhire resume SESSION --client NAME`."
    } else {
        ""
    };
    Err(Failure::new(
        USAGE,
        format!(
            "--session, --plain, --theme, --client and --consultant are for the interview \
             (and `resume`), not for `techhire {command}`.{hint}"
        ),
    ))
}

/// The tree a command works on, given as an argument or with `--questions`, not both.
pub fn one_tree(
    argument: Option<PathBuf>,
    questions: Option<PathBuf>,
    command: &str,
) -> Result<Option<PathBuf>, Failure> {
    match (argument, questions) {
        (Some(a), Some(q)) if a != q => Err(Failure::new(
            USAGE,
            format!(
                "two trees given: {} and --questions {}. Give one: `techhire {command} FILE`.",
                a.display(),
                q.display()
            ),
        )),
        (a, q) => Ok(a.or(q)),
    }
}

/// Loads the tree from a file, or the built-in one.
pub fn load_tree(path: Option<&Path>) -> Result<Loaded, Failure> {
    let result = match path {
        None => tree::load_str(EMBEDDED_NAME, EMBEDDED).map_err(TreeError::Invalid),
        Some(path) => tree::load_path(path),
    };
    result.map_err(|e| match e {
        TreeError::Io { .. } => unreadable(&e),
        TreeError::Invalid(report) => Failure::new(
            PROBLEMS,
            format!(
                "{}The question tree has problems; fix them and try again \
                 (`techhire validate {}` lists them again).\n",
                report.render(),
                report.file
            ),
        ),
        other => Failure::new(PROBLEMS, other.to_string()),
    })
}

pub fn unreadable(e: &TreeError) -> Failure {
    Failure::new(
        USAGE,
        format!("{e}\nCheck the path, or leave the file out to use the built-in tree."),
    )
}

/// Mentions a tree's warnings without burying the interview under them.
pub fn note_warnings(report: &Report) {
    if let Some(line) = warnings_line(report) {
        eprintln!("note: {line}");
    }
}

/// "questions.toml has 2 warnings; `techhire validate` lists them.", when it has any.
pub fn warnings_line(report: &Report) -> Option<String> {
    let n = report.warnings();
    (n > 0).then(|| {
        format!(
            "{} has {n} warning{}; `techhire validate` lists {}.",
            techhire::text::terminal_safe(&report.file),
            if n == 1 { "" } else { "s" },
            if n == 1 { "it" } else { "them" }
        )
    })
}

/// Writes a command's output; a reader that stops early (`| head`) is not an error.
pub fn print_out(text: &str) -> Result<ExitCode, Failure> {
    let mut stdout = io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) => Err(output_failure(&e)),
    }
}

pub fn output_failure(e: &io::Error) -> Failure {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Failure::new(0, "")
    } else {
        Failure::new(USAGE, format!("cannot write the output: {e}"))
    }
}

/// The width to wrap terminal text at: the terminal's, up to [`MAX_WIDTH`]; 80 for a file.
pub fn terminal_width() -> usize {
    if !io::stdout().is_terminal() {
        return 80;
    }
    crossterm::terminal::size().map_or(80, |(w, _)| usize::from(w).clamp(20, MAX_WIDTH))
}
