//! `techhire sessions delete|rename|copy ID`: looking after one saved session. Delete asks
//! first (unless `--yes`); copy makes a new session with the same answers and notes, for a
//! what-if that leaves the record as it was.

use std::io::{self, BufRead as _, Read as _, Write as _};
use std::process::ExitCode;

use techhire::session::{Session, Store, read_path};
use techhire::text::terminal_safe;

use crate::cli::SessionsAction;
use crate::commands::opening::{failure, find};
use crate::commands::{Failure, PROBLEMS, USAGE, program, quiet, quote};

/// Does what was asked to one session.
pub fn run(action: SessionsAction) -> Result<ExitCode, Failure> {
    let store = Store::open_default().map_err(|e| failure(&e))?;
    match action {
        SessionsAction::Delete { which, yes } => {
            let path = find(&which)?;
            let session = read_path(&path).map_err(|e| failure(&e))?;
            let name = describe(&session);
            if !yes && !confirmed(&name)? {
                return Err(Failure::new(
                    PROBLEMS,
                    format!(
                        "Nothing was deleted. `{} sessions delete {} --yes` deletes without \
                         asking.",
                        program::name(),
                        quote(&terminal_safe(&which))
                    ),
                ));
            }
            store.delete(&path).map_err(|e| failure(&e))?;
            if !quiet() {
                println!("Deleted {name}.");
            }
        }
        SessionsAction::Rename { which, new_id } => {
            let path = find(&which)?;
            let session = read_path(&path).map_err(|e| failure(&e))?;
            let renamed = store.rename(&path, &new_id).map_err(|e| failure(&e))?;
            if quiet() {
                return Ok(ExitCode::SUCCESS);
            }
            println!(
                "{} is now session {new_id}, in {}.\nCarry on with `{} resume {new_id}`.",
                capitalised(&describe(&session)),
                renamed.display(),
                program::name()
            );
        }
        SessionsAction::Copy { which, client } => {
            let path = find(&which)?;
            let copy = store
                .copy(&path, client.as_deref())
                .map_err(|e| failure(&e))?;
            let copied = copy.session();
            let original = read_path(&path).map_err(|e| failure(&e))?;
            if quiet() {
                // The new id is what was asked for.
                println!("{}", copied.id);
                return Ok(ExitCode::SUCCESS);
            }
            println!(
                "Copied {} to session {}, with {} and {}; the original is unchanged.\n\
                 Change an answer in the copy with `{} resume {}`.",
                describe(&original),
                copied.id,
                count(copied.answers.len(), "answer"),
                count(
                    copied.notes.len() + usize::from(copied.interview_note.is_some()),
                    "note"
                ),
                program::name(),
                copied.id
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// "session k3f9x2 (Acme Ltd, finished: Hire a CIO)".
fn describe(session: &Session) -> String {
    let client = session.client.as_deref().map_or_else(
        || "no client name".to_string(),
        |c| terminal_safe(c).into_owned(),
    );
    let state = match &session.result {
        Some(result) => format!("finished: {}", terminal_safe(&result.label)),
        None => format!("{} answered", session.progress.answered),
    };
    format!("session {} ({client}, {state})", terminal_safe(&session.id))
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// Asks on standard error and reads the answer from standard input; only `y` or `yes` agree.
fn confirmed(name: &str) -> Result<bool, Failure> {
    let mut stderr = io::stderr().lock();
    let _ = write!(
        stderr,
        "Delete {name}? It cannot be undone. Type y and Enter to delete: "
    );
    let _ = stderr.flush();
    let mut line = String::new();
    io::stdin()
        .lock()
        .take(1024)
        .read_line(&mut line)
        .map_err(|e| Failure::new(USAGE, format!("cannot read the answer: {e}")))?;
    if line.is_empty() {
        let _ = writeln!(stderr);
    }
    Ok(matches!(line.trim(), "y" | "Y" | "yes" | "Yes" | "YES"))
}

fn count(n: usize, thing: &str) -> String {
    if n == 1 {
        format!("1 {thing}")
    } else {
        format!("{n} {thing}s")
    }
}
