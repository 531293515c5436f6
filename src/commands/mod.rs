//! The glue between the command line and the engine: one file per subcommand (`interview.rs`
//! is techhire with no subcommand), the sessions opened and closed for any front end
//! (`opening.rs`), the full-screen interview wired to them (`full_screen.rs`), and here the
//! helpers every command shares: the exit codes, [`Failure`], loading the tree and printing.

pub mod census;
pub mod completions;
pub mod config;
pub mod full_screen;
pub mod graph;
pub mod interview;
pub mod man;
pub mod manage;
pub mod opening;
pub mod program;
pub mod report;
pub mod resume;
pub mod run;
pub mod schema;
pub mod sessions;
pub mod usage_error;
pub mod validate;
pub mod version;
pub mod workshop;

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

use techhire::Diagnostics;
use techhire::tree::{self, EMBEDDED, EMBEDDED_NAME, Loaded, TreeError};

use crate::cli::{Cli, Command, WorkshopAction};
pub use program::quote;

/// Exit code when a tree or answers file has problems, or an interview stops before the end.
pub const PROBLEMS: u8 = 1;
/// Exit code for usage errors, files that cannot be read, and no terminal.
pub const USAGE: u8 = 2;

/// The widest the terminal text is wrapped, however wide the terminal.
const MAX_WIDTH: usize = 100;

/// `--quiet`: set once, before any command runs, so everything that only brings news (a
/// `note:`, where something was saved, the next step) can leave it out.
static QUIET: AtomicBool = AtomicBool::new(false);

pub fn set_quiet(quiet: bool) {
    QUIET.store(quiet, Ordering::Relaxed);
}

/// Whether news is to be left out.
pub fn quiet() -> bool {
    QUIET.load(Ordering::Relaxed)
}

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

/// Refuses flags that would do nothing where they were given: `--session` and the interview's
/// flags belong to the interview (and `resume`), `--questions` to the commands that read a
/// question tree. Ignoring them silently would surprise.
pub fn check_flags(cli: &Cli) -> Result<(), Failure> {
    let Some(command) = &cli.command else {
        return Ok(());
    };
    let (name, reads_a_tree) = match command {
        Command::Resume { .. } if cli.session.is_some() => {
            return Err(Failure::new(
                USAGE,
                format!(
                    "`resume` takes the session itself: `{} resume PATH` (or an id), \
                     without --session.",
                    program::name()
                ),
            ));
        }
        Command::Resume { .. } => ("resume", true),
        Command::Validate { .. } => ("validate", true),
        Command::Run(_) => ("run", true),
        Command::Graph { .. } => ("graph", true),
        Command::Census { .. } => ("census", true),
        Command::Report { .. } => ("report", true),
        Command::Sessions { .. } => ("sessions", false),
        Command::Schema { .. } => ("schema", false),
        Command::Completions { .. } => ("completions", false),
        Command::Man => ("man", false),
        Command::Version => ("version", false),
        Command::Config { .. } => ("config", false),
        Command::Workshop {
            action: WorkshopAction::Reveal { .. },
        } => ("workshop reveal", false),
        Command::Workshop {
            action: WorkshopAction::Agree { .. },
        } if cli.session.is_some() => {
            return Err(Failure::new(
                USAGE,
                "`workshop agree` keeps the agreed interview beside the workshop, without \
                 --session.",
            ));
        }
        Command::Workshop {
            action: WorkshopAction::Agree { .. },
        } => ("workshop agree", true),
        Command::Workshop {
            action: WorkshopAction::Compare { .. },
        } => ("workshop compare", true),
        Command::Workshop { .. } => ("workshop", true),
    };
    if let (false, Some(file)) = (reads_a_tree, &cli.questions) {
        return Err(Failure::new(
            USAGE,
            format!(
                "--questions {} does nothing here: `techhire {name}` reads no question tree. \
                 It is for the interview, `resume`, `report`, `run`, `validate`, `graph`, `census` and \
                 `workshop`.",
                techhire::text::terminal_safe(&file.display().to_string())
            ),
        ));
    }
    if name == "resume"
        || name == "workshop agree"
        || (cli.session.is_none() && !cli.interview.any())
    {
        return Ok(());
    }
    let hint = if name == "report" {
        format!(
            " The report takes the names saved in the session; set them with \
             `{} resume SESSION --client NAME`.",
            program::name()
        )
    } else {
        String::new()
    };
    Err(Failure::new(
        USAGE,
        format!(
            "--session, --plain, --no-plain, --theme, --client and --consultant are for the \
             interview (and `resume`), not for `techhire {name}`.{hint}"
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
                "two trees given: {} and --questions {}. Give one: `{} {command} FILE`.",
                techhire::text::terminal_safe(&a.display().to_string()),
                techhire::text::terminal_safe(&q.display().to_string()),
                program::name()
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
        TreeError::Invalid(diagnostics) => Failure::new(
            PROBLEMS,
            format!(
                "{}The question tree has problems; fix them and try again \
                 (`{}` lists them again).\n",
                diagnostics.render(),
                validate_command(&diagnostics.file)
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
pub fn note_warnings(warnings: &Diagnostics) {
    if quiet() {
        return;
    }
    if let Some(line) = warnings_line(warnings) {
        eprintln!("note: {line}");
    }
}

/// "tree.toml has 2 warnings; `techhire validate tree.toml` lists them.", when it has any.
pub fn warnings_line(diagnostics: &Diagnostics) -> Option<String> {
    let n = diagnostics.warnings();
    (n > 0).then(|| {
        format!(
            "{} has {n} warning{}; `{}` lists {}.",
            techhire::text::terminal_safe(&diagnostics.file),
            if n == 1 { "" } else { "s" },
            validate_command(&diagnostics.file),
            if n == 1 { "it" } else { "them" }
        )
    })
}

/// The command that lists a tree's problems: `techhire validate`, with the file unless it is
/// the built-in tree.
fn validate_command(file: &str) -> String {
    if file == EMBEDDED_NAME {
        format!("{} validate", program::name())
    } else {
        format!(
            "{} validate {}",
            program::name(),
            techhire::text::terminal_safe(&quote(file))
        )
    }
}

/// Writes a command's output; a reader that stops early (`| head`) is not an error.
pub fn print_out(text: impl AsRef<[u8]>) -> Result<ExitCode, Failure> {
    let mut stdout = io::stdout().lock();
    match stdout
        .write_all(text.as_ref())
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
