//! `workshop new`, `invite`, `add` and `reveal`: a workshop over several machines, the
//! workshop file held while each changes it.

use std::path::Path;
use std::process::ExitCode;

use techhire::session::{SessionFile, Store};
use techhire::text::terminal_safe;
use techhire::workshop::{self, Facts, Status, Workshop};

use super::{find, fix, hold_if, open, read, read_workshop};
use crate::commands::config;
use crate::commands::opening::{failure, stamp};
use crate::commands::{Failure, PROBLEMS, USAGE, load_tree, note_warnings, program, quiet};

/// `workshop new`: the workshop file, in the sessions folder, with its facts.
pub(super) fn new(
    questions: Option<&Path>,
    facts: &Path,
    client: Option<String>,
) -> Result<ExitCode, Failure> {
    let loaded = load_tree(questions)?;
    note_warnings(&loaded.warnings);
    let stamp = stamp(&loaded, questions);
    let facts = Facts::from_answers(&loaded.tree, &read(facts)?).map_err(|p| fix(&p))?;
    let consultant = config::load()?.consultant;
    let made = Workshop::with_facts(&loaded.tree, stamp, client, consultant, &facts)
        .map_err(|e| Failure::new(PROBLEMS, e.to_string()))?;
    let store = Store::open_default().map_err(|e| failure(&e))?;
    std::fs::create_dir_all(store.folder())
        .map_err(|e| Failure::new(USAGE, format!("{}: {e}", store.folder().display())))?;
    let path = made.path_in(store.folder());
    workshop::create(&path, &made).map_err(|e| Failure::new(USAGE, e.to_string()))?;
    println!("{}", made.id);
    if !quiet() {
        eprintln!(
            "Workshop {id} set up in {}, with {} facts. Invite each respondent with \
             `{me} workshop invite {id} --name NAME --role ROLE`.",
            path.display(),
            made.facts.len(),
            id = made.id,
            me = program::name()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// `workshop invite`: a respondent added, their session written beside the workshop (and a
/// copy to send them).
pub(super) fn invite(
    questions: Option<&Path>,
    which: &str,
    name: &str,
    role: Option<&str>,
    output: Option<&Path>,
) -> Result<ExitCode, Failure> {
    let mut opened = open(questions, which, true)?;
    let folder = opened.folder().to_path_buf();
    let respondent = opened
        .workshop
        .invite(&opened.tree, opened.stamp.clone(), &folder, name, role)
        .map_err(|e| Failure::new(PROBLEMS, terminal_safe(&e.to_string())))?;
    opened.save()?;
    let session_path = folder.join(format!("{}.json", respondent.session));
    if let Some(output) = output {
        let session = techhire::session::read_path(&session_path).map_err(|e| failure(&e))?;
        SessionFile::create_at(output, session).map_err(|e| failure(&e))?;
    }
    println!("{}", respondent.session);
    if !quiet() {
        let me = program::name();
        let file = output.unwrap_or(&session_path).display().to_string();
        eprintln!(
            "{} is invited, with session {}: they answer it with `{me} resume {file}`, and \
             `{me} workshop add {} {file}` joins it when it comes back.",
            terminal_safe(&respondent.name),
            respondent.session,
            opened.workshop.id
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// `workshop add`: a respondent's answered session checked and joined.
pub(super) fn add(questions: Option<&Path>, which: &str, file: &Path) -> Result<ExitCode, Failure> {
    let mut opened = open(questions, which, true)?;
    let session = techhire::session::read_path(file).map_err(|e| failure(&e))?;
    let folder = opened.folder().to_path_buf();
    let status = opened
        .workshop
        .join(&opened.tree, &folder, session.clone())
        .map_err(|e| Failure::new(PROBLEMS, terminal_safe(&e.to_string())))?;
    opened.save()?;
    if !quiet() {
        let w = &opened.workshop;
        let name = w
            .respondents
            .iter()
            .find(|r| r.session == session.id)
            .map_or_else(String::new, |r| terminal_safe(&r.name).into_owned());
        let finished = w
            .respondents
            .iter()
            .filter(|r| r.status == Status::Finished)
            .count();
        let how = match status {
            Status::Finished => "finished",
            Status::Answering => "not finished yet",
            Status::Invited => "not started yet",
        };
        let next = if w.is_revealed() {
            format!(
                "everyone has finished, so the answers are revealed: `{me} workshop show {id}`, \
                 or full screen `{me} workshop compare {id}`; the board's report: \
                 `{me} workshop report {id} -o report.pdf`",
                me = program::name(),
                id = w.id
            )
        } else {
            format!(
                "{finished} of {} finished; the answers stay hidden until everyone has",
                w.respondents.len()
            )
        };
        eprintln!("{name}'s session is joined ({how}); {next}.");
    }
    Ok(ExitCode::SUCCESS)
}

/// `workshop reveal`: the answers shown, early only when asked.
pub(super) fn reveal(which: &str, early: bool) -> Result<ExitCode, Failure> {
    let path = find(which)?;
    let _held = hold_if(&path, true)?;
    let mut saved = read_workshop(&path)?;
    // Sessions answered right here with `resume` count as they stand.
    saved.refresh_statuses(path.parent().unwrap_or(Path::new(".")));
    if saved.is_revealed() {
        return Err(Failure::new(
            PROBLEMS,
            format!("workshop {} is already revealed", saved.id),
        ));
    }
    saved.reveal_now(early).map_err(|e| {
        let waiting: Vec<String> = saved
            .respondents
            .iter()
            .filter(|r| r.status != Status::Finished)
            .map(|r| terminal_safe(&r.name).into_owned())
            .collect();
        Failure::new(
            PROBLEMS,
            format!(
                "{e}: {} not finished. To reveal now, which the result will say, add --early",
                techhire::outcome::told::and_list(&waiting)
            ),
        )
    })?;
    workshop::save(&path, &saved).map_err(|e| Failure::new(USAGE, e.to_string()))?;
    if !quiet() {
        eprintln!(
            "The answers of workshop {id} are revealed: `{me} workshop show {id}`, or full \
             screen `{me} workshop compare {id}`; the board's report: `{me} workshop report \
             {id} -o report.pdf`.",
            me = program::name(),
            id = saved.id
        );
    }
    Ok(ExitCode::SUCCESS)
}
