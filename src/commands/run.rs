//! `techhire run --answers FILE`: answers taken elsewhere (on a call, in a workshop) made into
//! the client's report in any format, with the client's and consultant's names and the firm
//! from the config file; and, with `--save`, kept as a session like any interview.

use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use techhire::answers::{self, AnswersError};
use techhire::session::{Audience, Session, Store, Timestamp};
use techhire::text::terminal_safe;

use techhire::report::Format;

use crate::cli::RunArgs;
use crate::commands::opening::{failure, stamp};
use crate::commands::report::{deliver, from_extension, not_for_the_terminal, render};
use crate::commands::{
    Failure, PROBLEMS, USAGE, config, load_tree, note_warnings, program, quiet, terminal_width,
};

/// The run command.
pub fn run(questions: Option<&Path>, args: &RunArgs) -> Result<ExitCode, Failure> {
    let config = config::load()?;
    let loaded = load_tree(questions)?;
    note_warnings(&loaded.warnings);
    let stamp = stamp(&loaded, questions);
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
    let file = answers::load_path(&args.answers).map_err(|e| match e {
        AnswersError::Io { .. } => Failure::new(USAGE, e.to_string()),
        AnswersError::Invalid(problems) => fix(&problems),
        other => Failure::new(PROBLEMS, other.to_string()),
    })?;
    let applied = file.apply(&tree).map_err(|problems| fix(&problems))?;
    if !applied.warnings.is_empty() {
        eprint!("{}", applied.warnings.render());
    }
    let interview = applied.interview;
    let Some(recommendation) = interview.result() else {
        return Err(Failure::new(
            PROBLEMS,
            format!("{}: these answers do not finish the interview", file.file()),
        ));
    };
    // The interview as a session would record it, so the report is the one `techhire report`
    // writes for the same answers and names.
    let consultant = args.consultant.clone().or(config.consultant.clone());
    let mut session = Session::new(stamp, args.client.clone(), consultant, &interview);
    session.record(&interview, Timestamp::now());
    let format = args
        .format
        .map(|f| f.0)
        .or_else(|| args.output.as_deref().and_then(from_extension))
        .unwrap_or(Format::Text);
    not_for_the_terminal(format, args.output.as_deref())?;
    // Text for the terminal is wrapped to it; in a file, at 80 columns.
    let width = if args.output.is_none() {
        terminal_width()
    } else {
        80
    };
    let text = render(
        &session,
        &interview,
        &recommendation,
        format,
        Audience::Client,
        &config.firm,
        width,
    )?;
    let name = match &session.client {
        Some(client) => terminal_safe(client).into_owned(),
        None => "these answers".to_string(),
    };
    let code = deliver(&text, format, args.output.as_deref(), args.force, &name)?;
    if args.save {
        let store = Store::open_default().map_err(|e| failure(&e))?;
        let saved = store.create(session).map_err(|e| failure(&e))?;
        let id = &saved.session().id;
        if quiet() {
            return Ok(code);
        }
        eprintln!(
            "Saved as session {id}, in {}. `{me} report {id}` writes its report again; \
             `{me} sessions copy {id}` starts a what-if from it.",
            saved.path().display(),
            me = program::name()
        );
    }
    Ok(code)
}
