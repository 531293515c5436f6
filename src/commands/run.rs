//! `techhire run --answers FILE`: the recommendation for answers written in a file, without
//! asking, as text, Markdown or JSON.

use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use techhire::answers::{self, AnswersError};
use techhire::report::{self, ReportInput};

use crate::cli::RunFormat;
use crate::commands::{
    Failure, PROBLEMS, USAGE, load_tree, note_warnings, print_out, terminal_width,
};

/// The run command.
pub fn run(
    questions: Option<&Path>,
    answers: &Path,
    format: RunFormat,
) -> Result<ExitCode, Failure> {
    let loaded = load_tree(questions)?;
    note_warnings(&loaded.warnings);
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
    };
    let text = match format {
        RunFormat::Text => report::text::render(&input, terminal_width()),
        RunFormat::Json => report::json::render(&input),
        RunFormat::Markdown => report::markdown::render(&input),
    };
    print_out(&text)
}
