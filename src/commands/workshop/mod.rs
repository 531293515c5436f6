//! `techhire workshop`: several leaders answering the same tree. `run` combines answers files
//! without asking (`run.rs`); `new`, `invite`, `add` and `reveal` run a workshop over several
//! machines (`manage.rs`); `round` and `agree` run the rounds after a reveal and the interview
//! the room agrees together (`rounds.rs`); `room` runs one in a single room, full screen,
//! passing the keyboard (`room.rs`); `show` gives a saved workshop's combined result
//! (`show.rs`), `compare` shows it full screen (`compare.rs`) and `report` writes it as the
//! board's report (`report.rs`). What
//! they share is here: finding and reading a workshop, holding it while it changes, reading an
//! answers file.

mod compare;
mod manage;
mod report;
mod room;
mod rounds;
mod run;
mod show;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use techhire::answers::{self, Answers, AnswersError};
use techhire::session::Store;
use techhire::text::terminal_safe;
use techhire::workshop::{self, Workshop, WorkshopError};

use crate::cli::{InterviewArgs, WorkshopAction};
use crate::commands::opening::{failure, stamp};
use crate::commands::{Failure, PROBLEMS, USAGE, load_tree, note_warnings, program};

/// The workshop command.
pub fn run(
    questions: Option<&Path>,
    action: &WorkshopAction,
    outer: InterviewArgs,
) -> Result<ExitCode, Failure> {
    match action {
        WorkshopAction::Run(args) => run::run(questions, args),
        WorkshopAction::Show { which, format } => show::run(questions, which, *format),
        WorkshopAction::Compare { which, theme } => compare::run(questions, which, *theme),
        WorkshopAction::Report {
            which,
            write,
            anonymous,
        } => report::run(questions, which, write, *anonymous),
        WorkshopAction::New { facts, client } => manage::new(questions, facts, client.clone()),
        WorkshopAction::Invite {
            which,
            name,
            role,
            output,
        } => manage::invite(questions, which, name, role.as_deref(), output.as_deref()),
        WorkshopAction::Add { which, file } => manage::add(questions, which, file),
        WorkshopAction::Reveal { which, early } => manage::reveal(which, *early),
        WorkshopAction::Round { which } => rounds::round(questions, which),
        WorkshopAction::Agree { which, interview } => {
            rounds::agree(questions, which, &interview.clone().or(outer))
        }
        WorkshopAction::Room {
            which,
            client,
            people,
            theme,
        } => room::run(questions, which.as_deref(), client.clone(), people, *theme),
    }
}

/// A person as the command line names them: "Ben (CFO)" is Ben, whose role is CFO.
pub(super) fn name_and_role(label: String) -> (String, Option<String>) {
    match label.strip_suffix(')').and_then(|l| l.rsplit_once(" (")) {
        Some((name, role)) if !name.trim().is_empty() => {
            (name.trim().to_string(), Some(role.trim().to_string()))
        }
        _ => (label, None),
    }
}

/// A saved workshop, its file, and the tree it was set up on.
pub(super) struct Opened {
    /// Held from before it was read until the command ends, when it changes the workshop.
    pub(super) held: Option<workshop::Held>,
    pub(super) path: PathBuf,
    pub(super) workshop: Workshop,
    pub(super) tree: Arc<techhire::Tree>,
    pub(super) stamp: techhire::session::TreeStamp,
}

impl Opened {
    pub(super) fn folder(&self) -> &Path {
        self.path.parent().unwrap_or(Path::new("."))
    }

    pub(super) fn save(&self) -> Result<(), Failure> {
        workshop::save(&self.path, &self.workshop).map_err(|e| Failure::new(USAGE, e.to_string()))
    }
}

/// Reads a workshop (held first when `to_change`) and loads the tree, which must be the
/// edition it was set up on.
pub(super) fn open(
    questions: Option<&Path>,
    which: &str,
    to_change: bool,
) -> Result<Opened, Failure> {
    let path = find(which)?;
    let held = hold_if(&path, to_change)?;
    let saved = read_workshop(&path)?;
    let loaded = load_tree(questions)?;
    note_warnings(&loaded.warnings);
    let stamp = stamp(&loaded, questions);
    if stamp.sha256 != saved.tree.sha256 {
        return Err(Failure::new(
            PROBLEMS,
            format!(
                "{} was set up on another edition of the question tree ({} {}); give that tree \
                 with --questions",
                path.display(),
                terminal_safe(&saved.tree.title),
                terminal_safe(&saved.tree.version)
            ),
        ));
    }
    Ok(Opened {
        held,
        path,
        workshop: saved,
        tree: Arc::new(loaded.tree),
        stamp,
    })
}

/// Holds the workshop file against another techhire changing it at the same time.
pub(super) fn hold_if(path: &Path, to_change: bool) -> Result<Option<workshop::Held>, Failure> {
    if !to_change || !path.is_file() {
        // A path that is not a file is refused, with its reason, when it is read.
        return Ok(None);
    }
    workshop::hold(path).map(Some).map_err(|e| failure(&e))
}

/// What of a workshop can be shown now: the workshop itself (refused later if its answers
/// are hidden); or, while a later round's answers are hidden, the round before as it was
/// revealed, with a sentence saying so.
pub(super) fn showable(saved: &Workshop) -> (std::borrow::Cow<'_, Workshop>, Option<String>) {
    match saved.round_before().filter(|_| !saved.is_revealed()) {
        Some(before) => {
            let round = saved.round();
            let finished = saved
                .respondents
                .iter()
                .filter(|r| r.status == workshop::Status::Finished)
                .count();
            let people = saved.respondents.len();
            let reveal = format!("`{} workshop reveal {}`", program::name(), saved.id);
            let state = if finished == people {
                format!("Everyone has finished round {round}: {reveal} shows its answers.")
            } else {
                format!(
                    "Round {round} is under way ({finished} of {people} finished); its answers \
                     stay hidden until {reveal} shows them."
                )
            };
            let note = format!(
                "{state} Until then, this is round {}, as it was revealed.",
                round - 1
            );
            (std::borrow::Cow::Owned(before), Some(note))
        }
        None => (std::borrow::Cow::Borrowed(saved), None),
    }
}

/// Reads a workshop file; one that cannot be read at all is a usage error, like a session's.
pub(super) fn read_workshop(path: &Path) -> Result<Workshop, Failure> {
    workshop::read_path(path).map_err(|e| match e {
        WorkshopError::Read { .. } => Failure::new(
            USAGE,
            format!("{e}; `{} sessions` lists the workshops", program::name()),
        ),
        other => Failure::new(PROBLEMS, other.to_string()),
    })
}

/// A workshop's file: the path given, or `<id>.workshop.json` in the sessions folder.
pub(super) fn find(which: &str) -> Result<PathBuf, Failure> {
    let as_path = Path::new(which);
    if as_path.is_file() || !techhire::session::is_valid_id(which) {
        return Ok(as_path.to_path_buf());
    }
    let store = Store::open_default().map_err(|e| failure(&e))?;
    Ok(store
        .folder()
        .join(format!("{which}{}", techhire::session::WORKSHOP_SUFFIX)))
}

/// Reads an answers file, or says why not.
pub(super) fn read(path: &Path) -> Result<Answers, Failure> {
    answers::load_path(path).map_err(|e| match e {
        AnswersError::Io { .. } => Failure::new(USAGE, e.to_string()),
        AnswersError::Invalid(problems) => fix(&problems),
        other => Failure::new(PROBLEMS, other.to_string()),
    })
}

/// Every problem with an answers file, at its line, and what to do.
pub(super) fn fix(problems: &answers::Problems) -> Failure {
    Failure::new(
        PROBLEMS,
        format!("{}Fix the file, then run again.\n", problems.render()),
    )
}
