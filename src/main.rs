//! The `techhire` command: parses the command line, runs the interview or a subcommand, and
//! turns every failure into a message on standard error and an exit code. Never panics.

mod cli;
mod full_screen;
mod listing;
mod opening;
mod plain;
mod report_file;
mod tui;

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use clap::Parser;
use techhire::answers::{self, AnswersError};
use techhire::report::{self, ReportInput};
use techhire::session::Audience;
use techhire::tree::{self, EMBEDDED, EMBEDDED_NAME, Loaded, TreeError};
use techhire::{Report, graph};

use cli::{Cli, Command, GraphFormat, InterviewArgs, RunFormat, ValidateFormat};

/// Exit code when a tree or answers file has problems, or an interview stops before the end.
const PROBLEMS: u8 = 1;
/// Exit code for usage errors, files that cannot be read, and no terminal.
const USAGE: u8 = 2;

/// The widest the terminal text is wrapped, however wide the terminal.
const MAX_WIDTH: usize = 100;

/// Why a command stopped: what to tell the user, and the exit code.
struct Failure {
    message: String,
    code: u8,
}

impl Failure {
    fn new(code: u8, message: impl Into<String>) -> Self {
        Failure {
            message: message.into(),
            code,
        }
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // --help and --version arrive here too, with exit code 0.
            let _ = e.print();
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(USAGE));
        }
    };
    match dispatch(cli) {
        Ok(code) => code,
        Err(failure) => {
            if !failure.message.is_empty() {
                let mut stderr = io::stderr().lock();
                let _ = write!(stderr, "{}", failure.message);
                if !failure.message.ends_with('\n') {
                    let _ = writeln!(stderr);
                }
            }
            ExitCode::from(failure.code)
        }
    }
}

fn dispatch(cli: Cli) -> Result<ExitCode, Failure> {
    check_session_flags(&cli)?;
    match cli.command {
        Some(Command::Validate { file, format }) => {
            let file = one_tree(file, cli.questions, "validate")?;
            validate(file.as_deref(), format)
        }
        Some(Command::Run {
            ref answers,
            format,
        }) => run(cli.questions.as_deref(), answers, format),
        Some(Command::Graph { file, format }) => {
            let file = one_tree(file, cli.questions, "graph")?;
            let loaded = load_tree(file.as_deref())?;
            let text = match format {
                GraphFormat::Mermaid => graph::mermaid(&loaded.tree),
                GraphFormat::Dot => graph::dot(&loaded.tree),
            };
            print_out(&text)
        }
        Some(Command::Sessions { format }) => listing::sessions(format),
        Some(Command::Resume { which, interview }) => {
            let args = interview.or(cli.interview);
            needs_a_terminal(args.plain)?;
            let path = match which {
                Some(what) => opening::find(&what)?,
                None => listing::latest_unfinished()?,
            };
            let opened = opening::resume(&path, cli.questions.as_deref(), names(&args))?;
            self::interview(opened, &args, cli.questions.as_deref())
        }
        Some(Command::Report {
            ref which,
            format,
            ref output,
            force,
            private_notes,
        }) => report_file::report(
            which,
            cli.questions.as_deref(),
            format,
            output.as_deref(),
            force,
            if private_notes {
                Audience::Consultant
            } else {
                Audience::Client
            },
        ),
        None => {
            let args = cli.interview;
            needs_a_terminal(args.plain)?;
            let opened = opening::start(
                cli.questions.as_deref(),
                cli.session.as_deref(),
                names(&args),
            )?;
            interview(opened, &args, cli.questions.as_deref())
        }
    }
}

fn names(args: &InterviewArgs) -> opening::Names<'_> {
    opening::Names {
        client: args.client.as_deref(),
        consultant: args.consultant.as_deref(),
    }
}

/// `--session` belongs to the interview, and the interview's flags to it and `resume`; given
/// before another command they would be ignored, which would surprise.
fn check_session_flags(cli: &Cli) -> Result<(), Failure> {
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

/// The full-screen interview needs a terminal; checked before a session is opened, so a
/// refusal leaves nothing behind.
fn needs_a_terminal(plain: bool) -> Result<(), Failure> {
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
fn interview(
    mut opened: opening::Opened,
    args: &InterviewArgs,
    questions: Option<&Path>,
) -> Result<ExitCode, Failure> {
    let ending = if args.plain {
        let ask_names = opened.fresh && io::stdin().is_terminal();
        plain_mode(&mut opened, 0, ask_names)
    } else {
        full_screen::run(&mut opened, questions, args.theme)
    };
    match ending {
        Ok(ending) => opening::close(opened, ending),
        Err(failure) => {
            // Say why the front end stopped, but never lose track of the session.
            let _ = opening::close(opened, opening::Ending::Unfinished);
            Err(failure)
        }
    }
}

fn plain_mode(
    opened: &mut opening::Opened,
    width: usize,
    ask_names: bool,
) -> Result<opening::Ending, Failure> {
    let mut input = io::stdin().lock();
    let mut output = io::stdout().lock();
    let options = plain::Options { width, ask_names };
    match plain::run(opened, &mut input, &mut output, options) {
        Ok(plain::Ending::Finished) => Ok(opening::Ending::Finished),
        Ok(plain::Ending::Quit | plain::Ending::InputEnded) => Ok(opening::Ending::Unfinished),
        // The reader went away before the result: unfinished, but nothing to complain about.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(opening::Ending::Unfinished),
        Err(e) => Err(output_failure(&e)),
    }
}

fn validate(file: Option<&Path>, format: ValidateFormat) -> Result<ExitCode, Failure> {
    let loaded = match file {
        None => tree::load_str(EMBEDDED_NAME, EMBEDDED).map_err(TreeError::Invalid),
        Some(path) => tree::load_path(path),
    };
    let (report, tree) = match loaded {
        Ok(loaded) => (loaded.report, Some(loaded.tree)),
        Err(TreeError::Invalid(report)) => (report, None),
        Err(e @ TreeError::Io { .. }) => return Err(unreadable(&e)),
        Err(e) => return refuse_whole_file(&e, format),
    };
    let text = match (format, &tree) {
        (ValidateFormat::Json, _) => json_text(&report.to_json()),
        (ValidateFormat::Text, None) => report.render(),
        (ValidateFormat::Text, Some(tree)) => {
            let (fewest, most) = tree.remaining_from(tree.start());
            let paths = if fewest == most {
                count(fewest as usize, "question")
            } else {
                format!("{fewest} to {most} questions")
            };
            let summary = format!(
                "{} is valid: {}, {}, and every path asks {paths}.\n",
                report.file,
                count(tree.questions().len(), "question"),
                count(tree.outcomes().len(), "outcome"),
            );
            if report.diagnostics.is_empty() {
                summary
            } else {
                report.render() + &summary
            }
        }
    };
    print_out(&text)?;
    Ok(match tree {
        Some(_) => ExitCode::SUCCESS,
        None => ExitCode::from(PROBLEMS),
    })
}

/// `1 question`, `11 questions`.
fn count(n: usize, thing: &str) -> String {
    if n == 1 {
        format!("1 {thing}")
    } else {
        format!("{n} {thing}s")
    }
}

/// A file refused before it could be parsed (too large, not text), in the format asked for.
fn refuse_whole_file(e: &TreeError, format: ValidateFormat) -> Result<ExitCode, Failure> {
    let (file, code) = match e {
        TreeError::TooLarge { file, .. } => (file.as_str(), "too-large"),
        TreeError::NotUtf8 { file, .. } => (file.as_str(), "not-utf8"),
        _ => ("", "unreadable"),
    };
    let text = match format {
        ValidateFormat::Text => format!("error[{code}]: {e}\n"),
        ValidateFormat::Json => json_text(&serde_json::json!({
            "file": file,
            "valid": false,
            "errors": 1,
            "warnings": 0,
            "diagnostics": [{
                "file": file, "severity": "error", "code": code, "message": e.to_string(),
                "hint": "check that this is the question tree you meant",
                "line": null, "column": null, "end_line": null, "end_column": null,
            }],
        })),
    };
    print_out(&text)?;
    Ok(ExitCode::from(PROBLEMS))
}

fn run(questions: Option<&Path>, answers: &Path, format: RunFormat) -> Result<ExitCode, Failure> {
    let loaded = load_tree(questions)?;
    note_warnings(&loaded.report);
    let tree = Arc::new(loaded.tree);
    let fix = |problems: &answers::Problems| {
        Failure::new(
            PROBLEMS,
            format!(
                "{}Fix the answers file, then run again.\n",
                problems.render()
            ),
        )
    };
    let file = answers::load_path(answers).map_err(|e| match e {
        AnswersError::Io { .. } => Failure::new(USAGE, e.to_string()),
        AnswersError::Invalid(problems) => fix(&problems),
        other => Failure::new(PROBLEMS, other.to_string()),
    })?;
    let applied = file.apply(&tree).map_err(|problems| fix(&problems))?;
    if !applied.warnings.is_empty() {
        eprint!("{}", applied.warnings.render());
    }
    let Some(recommendation) = applied.interview.result() else {
        return Err(Failure::new(
            PROBLEMS,
            format!("{}: these answers do not finish the interview", file.file()),
        ));
    };
    let notes = Default::default();
    let input = ReportInput {
        tree: &tree,
        interview: &applied.interview,
        recommendation: &recommendation,
        client: None,
        consultant: None,
        date: None,
        notes: &notes,
        interview_note: None,
        private_notes: false,
    };
    let text = match format {
        RunFormat::Text => report::text::render(&input, terminal_width()),
        RunFormat::Json => report::json::render(&input),
        RunFormat::Markdown => report::markdown::render(&input),
    };
    print_out(&text)
}

/// The tree a command works on, given as an argument or with `--questions`, not both.
fn one_tree(
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
fn load_tree(path: Option<&Path>) -> Result<Loaded, Failure> {
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

fn unreadable(e: &TreeError) -> Failure {
    Failure::new(
        USAGE,
        format!("{e}\nCheck the path, or leave the file out to use the built-in tree."),
    )
}

/// Mentions a tree's warnings without burying the interview under them.
fn note_warnings(report: &Report) {
    if let Some(line) = warnings_line(report) {
        eprintln!("note: {line}");
    }
}

/// "questions.toml has 2 warnings; `techhire validate` lists them.", when it has any.
fn warnings_line(report: &Report) -> Option<String> {
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

fn json_text(value: &serde_json::Value) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}

/// Writes a command's output; a reader that stops early (`| head`) is not an error.
fn print_out(text: &str) -> Result<ExitCode, Failure> {
    let mut stdout = io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) => Err(output_failure(&e)),
    }
}

fn output_failure(e: &io::Error) -> Failure {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Failure::new(0, "")
    } else {
        Failure::new(USAGE, format!("cannot write the output: {e}"))
    }
}

/// The width to wrap terminal text at: the terminal's, up to [`MAX_WIDTH`]; 80 for a file.
fn terminal_width() -> usize {
    if !io::stdout().is_terminal() {
        return 80;
    }
    crossterm::terminal::size().map_or(80, |(w, _)| usize::from(w).clamp(20, MAX_WIDTH))
}
