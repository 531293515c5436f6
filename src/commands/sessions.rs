//! `techhire sessions`: the saved sessions as a table for people or JSON for programs, each
//! workshop as one row with its respondents under it, and the files that could not be read;
//! and the session `techhire resume` picks when given none.

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use jiff::tz::TimeZone;
use serde::Serialize;
use techhire::session::{Listing, ProgressSnapshot, Store, Summary};
use techhire::text::{terminal_safe, truncate, width};
use techhire::workshop::{self, Respondent, Reveal, Status, Workshop};
use unicode_width::UnicodeWidthStr;

use crate::cli::{SessionsAction, SessionsFormat};
use crate::commands::opening::failure;
use crate::commands::{Failure, PROBLEMS, USAGE, manage, print_out, program};

/// The widest a client's name or an outcome is shown in the table; longer ones end in `…`.
const MAX_CELL: usize = 32;

/// The `sessions` command: the list, or an action on one session.
pub fn run(
    action: Option<SessionsAction>,
    format: Option<SessionsFormat>,
) -> Result<ExitCode, Failure> {
    if let Some(action) = action {
        if format.is_some() {
            return Err(Failure::new(
                USAGE,
                format!(
                    "--format is for the list of sessions; give it as `{} sessions --format json`",
                    program::name()
                ),
            ));
        }
        return manage::run(action);
    }
    let format = format.unwrap_or(SessionsFormat::Text);
    let store = Store::open_default().map_err(|e| failure(&e))?;
    let listing = store.list().map_err(|e| failure(&e))?;
    let workshops = Workshops::in_folder(store.folder(), &listing.workshops);
    let text = match format {
        SessionsFormat::Text => table(&store, &listing, &workshops),
        SessionsFormat::Json => json(&store, &listing, &workshops),
    };
    print_out(&text)
}

/// The workshops in the folder, and those whose file could not be read.
struct Workshops(workshop::Listing);

impl Workshops {
    /// The workshops in `folder`, whose files (`files`) the listing of sessions found.
    fn in_folder(folder: &Path, files: &[PathBuf]) -> Workshops {
        let mut listing = workshop::read_all(files.iter().cloned());
        // Sessions answered right here with `resume` count as they stand (not saved: listing
        // changes nothing).
        for (_, w) in &mut listing.found {
            w.refresh_statuses(folder);
        }
        Workshops(listing)
    }

    /// Whether a session is one of a workshop's (a respondent's in any round, or the agreed
    /// interview's): shown under its workshop.
    fn has_member(&self, session: &str) -> bool {
        self.of(session).is_some()
    }

    /// The workshop a session belongs to, if any.
    fn of(&self, session: &str) -> Option<&Workshop> {
        self.0
            .found
            .iter()
            .map(|(_, w)| w)
            .find(|w| w.session_ids().any(|s| s == session))
    }
}

/// The most recently changed session that is not finished, for `techhire resume` alone.
pub fn latest_unfinished() -> Result<PathBuf, Failure> {
    let store = Store::open_default().map_err(|e| failure(&e))?;
    let listing = store.list().map_err(|e| failure(&e))?;
    if let Some(found) = listing.sessions.iter().find(|s| s.outcome.is_none()) {
        return Ok(found.path.clone());
    }
    let folder = store.folder().display();
    let me = program::name();
    let mut message = if listing.sessions.is_empty() {
        format!(
            "There are no sessions in {folder} to resume. Start one with `{me}` \
             (or `{me} --plain`)."
        )
    } else {
        format!(
            "Every session in {folder} is finished. `{me} sessions` lists them; \
             `{me} resume ID` opens one at its result."
        )
    };
    if !listing.unreadable.is_empty() {
        message.push_str(&format!(
            " {} could not be read; `{me} sessions` says why.",
            files(listing.unreadable.len())
        ));
    }
    Err(Failure::new(PROBLEMS, message))
}

fn table(store: &Store, listing: &Listing, workshops: &Workshops) -> String {
    let folder = store.folder().display();
    let me = program::name();
    let mut out = String::new();
    // A workshop's respondents are listed under it, not among the single sessions.
    let own: Vec<&Summary> = listing
        .sessions
        .iter()
        .filter(|s| !workshops.has_member(&s.id))
        .collect();
    if own.is_empty() {
        if workshops.0.found.is_empty() {
            out.push_str(&format!(
                "No sessions yet in {folder}.\nStart one with `{me}` (or `{me} --plain`): \
                 it is saved there after every answer.\n"
            ));
        }
    } else {
        out.push_str(&format!("Sessions in {folder}, most recent first:\n\n"));
        let header = ["ID", "CLIENT", "UPDATED", "PROGRESS", "OUTCOME"];
        let header = (header.map(Cow::Borrowed), header.map(width));
        let rows = rows(&own);
        // Widths once for the listing; then each cell is written straight into the text.
        let widths = rows.iter().fold(header.1, |mut w, (_, widths)| {
            for (width, cell) in w.iter_mut().zip(widths) {
                *width = (*width).max(*cell);
            }
            w
        });
        out.reserve(rows.len() * (widths.iter().sum::<usize>() + 12));
        for (row, cells) in std::iter::once(&header).chain(&rows) {
            let line_start = out.len();
            for (i, ((cell, cell_width), width)) in row.iter().zip(cells).zip(widths).enumerate() {
                if i > 0 {
                    out.push_str("  ");
                }
                out.push_str(cell);
                out.extend(std::iter::repeat_n(' ', width - cell_width));
            }
            let end = out[line_start..].trim_end().len();
            out.truncate(line_start + end);
            out.push('\n');
        }
    }
    if !workshops.0.found.is_empty() {
        if !own.is_empty() {
            out.push('\n');
        }
        out.push_str(&workshop_rows(workshops, listing));
    }
    if !listing.sessions.is_empty() {
        out.push_str(&format!(
            "\nCarry on with `{me} resume ID`; write a finished one's report with \
             `{me} report ID --format html -o report.html`.\n",
        ));
        if !workshops.0.found.is_empty() {
            out.push_str(
                "Each workshop respondent's ID is that of their own session, which resumes \
                 and reports the same way.\n",
            );
        }
    }
    let unreadable: Vec<String> = listing
        .unreadable
        .iter()
        .map(|bad| bad.error.to_string())
        .chain(workshops.0.unreadable.iter().map(|(_, e)| e.to_string()))
        .collect();
    if !unreadable.is_empty() {
        let n = unreadable.len();
        out.push_str(&format!(
            "\n{} in the folder could not be read, and {} left as {} {}:\n",
            files(n),
            if n == 1 { "was" } else { "were" },
            if n == 1 { "it" } else { "they" },
            if n == 1 { "is" } else { "are" },
        ));
        for error in &unreadable {
            out.push_str(&format!("  {}\n", terminal_safe(error)));
        }
    }
    out
}

/// Each workshop as one row (id, client, last change, how many have finished, whether
/// revealed), its respondents under it with their session ids.
fn workshop_rows(workshops: &Workshops, listing: &Listing) -> String {
    let zone = TimeZone::system();
    let mut out = String::from("Workshops, most recent first:\n\n");
    for (_, w) in &workshops.0.found {
        let finished = w
            .respondents
            .iter()
            .filter(|r| r.status == Status::Finished)
            .count();
        let reveal = match w.reveal {
            Reveal::Hidden => "answers hidden",
            Reveal::Revealed { .. } => "revealed",
            Reveal::RevealedEarly { .. } => "revealed early",
        };
        let round = if w.round() > 1 {
            format!("round {}: ", w.round())
        } else {
            String::new()
        };
        out.push_str(&format!(
            "{}  {}  {}  {round}{finished} of {} finished, {reveal}\n",
            w.id,
            fit(w.client.as_deref().unwrap_or("-")),
            w.updated.minute_in(&zone),
            w.respondents.len()
        ));
        let names: Vec<String> = w
            .respondents
            .iter()
            .map(|r| match &r.role {
                Some(role) => fit(&format!("{} ({role})", r.name)),
                None => fit(&r.name),
            })
            .collect();
        let width = names.iter().map(|n| n.width()).max().unwrap_or(0);
        for (r, name) in w.respondents.iter().zip(&names) {
            // The session as listed, if its file is there.
            let outcome = listing
                .sessions
                .iter()
                .find(|s| s.id == r.session)
                .and_then(|s| s.outcome.as_deref());
            let status = match (r.status, w.is_revealed(), outcome) {
                (Status::Finished, true, Some(outcome)) => fit(outcome),
                (Status::Finished, _, _) => "finished".to_string(),
                (Status::Answering, ..) => "answering".to_string(),
                (Status::Invited, ..) => "invited".to_string(),
            };
            let pad = " ".repeat(width - name.width());
            out.push_str(&format!("    {name}{pad}  {}  {status}\n", r.session));
        }
        if w.round() > 1 {
            let earlier = w.respondents.iter().map(|r| r.earlier.len()).sum::<usize>();
            out.push_str(&format!(
                "    earlier rounds: {earlier} sessions kept as they were (`--format json` names \
                 them)\n"
            ));
        }
        if let Some(agreed) = &w.agreed {
            let outcome = listing
                .sessions
                .iter()
                .find(|s| s.id == agreed.session)
                .and_then(|s| s.outcome.as_deref())
                .map_or_else(|| "not finished yet".to_string(), fit);
            out.push_str(&format!(
                "    agreed together: {}  {outcome}\n",
                agreed.session
            ));
        }
    }
    out
}

/// From this many sessions on, the table's rows are made on two threads, half each.
const SHARED_FROM: usize = 1_000;

/// The table's rows, each cell with its width.
fn rows<'a>(sessions: &[&'a Summary]) -> Vec<([Cow<'a, str>; 5], [usize; 5])> {
    // The user's time zone looked up once, not once a row.
    let zone = TimeZone::system();
    let made = |sessions: &[&'a Summary]| -> Vec<_> {
        sessions
            .iter()
            .map(|s| {
                let row = row(s, &zone);
                let widths = [0, 1, 2, 3, 4].map(|i| width(&row[i]));
                (row, widths)
            })
            .collect()
    };
    if sessions.len() < SHARED_FROM {
        return made(sessions);
    }
    let (first, second) = sessions.split_at(sessions.len() / 2);
    std::thread::scope(|scope| {
        let other = scope.spawn(|| made(second));
        let mut rows = made(first);
        match other.join() {
            Ok(more) => rows.extend(more),
            Err(panic) => std::panic::resume_unwind(panic),
        }
        rows
    })
}

/// A session's cells, borrowed from it where they are shown as they are.
fn row<'a>(s: &'a Summary, zone: &TimeZone) -> [Cow<'a, str>; 5] {
    [
        Cow::Borrowed(s.id.as_str()),
        cell(s.client.as_deref().unwrap_or("-")),
        Cow::Owned(s.updated.minute_in(zone)),
        Cow::Owned(s.progress_text()),
        cell(s.outcome.as_deref().unwrap_or("-")),
    ]
}

/// A name made safe for the terminal, on one line, and cut to [`MAX_CELL`] columns.
fn fit(text: &str) -> String {
    cell(text).into_owned()
}

/// [`fit`], borrowing the name when it is shown as it is (most are).
fn cell(text: &str) -> Cow<'_, str> {
    let safe = terminal_safe(text);
    // Most names are already one line with single spaces between words.
    let one_line = safe
        .split(' ')
        .all(|word| !word.is_empty() && !word.contains(char::is_whitespace));
    match safe {
        // No character is wider than its bytes: it fits.
        Cow::Borrowed(text) if one_line && text.len() <= MAX_CELL => Cow::Borrowed(text),
        safe if one_line => Cow::Owned(truncate(&safe, MAX_CELL)),
        safe => Cow::Owned(truncate(
            &safe.split_whitespace().collect::<Vec<_>>().join(" "),
            MAX_CELL,
        )),
    }
}

fn files(n: usize) -> String {
    if n == 1 {
        "1 file".to_string()
    } else {
        format!("{n} files")
    }
}

/// `techhire sessions --format json`, documented in docs/session-format.md.
#[derive(Serialize)]
struct Document<'a> {
    format: &'static str,
    version: u32,
    folder: String,
    sessions: Vec<Entry<'a>>,
    /// The workshops in the folder; their respondents' sessions are also in `sessions`.
    workshops: Vec<WorkshopEntry<'a>>,
    unreadable: Vec<Bad>,
}

#[derive(Serialize)]
struct WorkshopEntry<'a> {
    id: &'a str,
    path: String,
    client: Option<&'a str>,
    updated: String,
    /// `hidden`, `revealed` or `revealed_early`.
    reveal: &'static str,
    respondents: &'a [Respondent],
    /// The current round, from 1; each respondent's `earlier` holds their earlier sessions.
    round: u32,
    /// The session of the interview the room answered together, once started.
    #[serde(skip_serializing_if = "Option::is_none")]
    agreed: Option<&'a str>,
}

#[derive(Serialize)]
struct Entry<'a> {
    id: &'a str,
    path: String,
    client: Option<&'a str>,
    consultant: Option<&'a str>,
    created: String,
    updated: String,
    tree: &'a str,
    progress: ProgressSnapshot,
    finished: bool,
    /// Null for a respondent of a workshop whose answers are still hidden.
    outcome: Option<Outcome<'a>>,
    /// The id of the workshop the session answers in, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    workshop: Option<&'a str>,
}

#[derive(Serialize)]
struct Outcome<'a> {
    id: &'a str,
    label: &'a str,
}

#[derive(Serialize)]
struct Bad {
    path: String,
    error: String,
}

fn json(store: &Store, listing: &Listing, workshops: &Workshops) -> String {
    let document = Document {
        format: "techhire-sessions",
        version: 1,
        folder: store.folder().display().to_string(),
        sessions: listing
            .sessions
            .iter()
            .map(|s| Entry {
                id: &s.id,
                path: s.path.display().to_string(),
                client: s.client.as_deref(),
                consultant: s.consultant.as_deref(),
                created: s.created.to_string(),
                updated: s.updated.to_string(),
                tree: &s.tree_title,
                progress: s.progress,
                finished: s.outcome.is_some(),
                outcome: s
                    .outcome_id
                    .as_deref()
                    .zip(s.outcome.as_deref())
                    .map(|(id, label)| Outcome { id, label })
                    .filter(|_| workshops.of(&s.id).is_none_or(|w| !w.hides(&s.id))),
                workshop: workshops.of(&s.id).map(|w| w.id.as_str()),
            })
            .collect(),
        workshops: workshops
            .0
            .found
            .iter()
            .map(|(path, w)| WorkshopEntry {
                id: &w.id,
                path: path.display().to_string(),
                client: w.client.as_deref(),
                updated: w.updated.to_string(),
                reveal: match w.reveal {
                    Reveal::Hidden => "hidden",
                    Reveal::Revealed { .. } => "revealed",
                    Reveal::RevealedEarly { .. } => "revealed_early",
                },
                respondents: &w.respondents,
                round: w.round(),
                agreed: w.agreed.as_ref().map(|a| a.session.as_str()),
            })
            .collect(),
        unreadable: listing
            .unreadable
            .iter()
            .map(|bad| Bad {
                path: bad.path.display().to_string(),
                error: bad.error.to_string(),
            })
            .chain(workshops.0.unreadable.iter().map(|(path, e)| Bad {
                path: path.display().to_string(),
                error: e.to_string(),
            }))
            .collect(),
    };
    techhire::text::json_output(&document)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_and_hostile_names_fit_one_cell() {
        assert_eq!(fit("Acme Ltd"), "Acme Ltd");
        assert_eq!(fit("Acme\nLtd\t\u{1b}[2J"), "Acme Ltd ␛[2J");
        let long = fit(&"Großunternehmen ".repeat(5));
        assert_eq!(long.width(), MAX_CELL);
        assert!(long.ends_with('…'), "{long}");
        assert_eq!(fit("株式会社".repeat(10).as_str()).width(), MAX_CELL - 1);
    }
}
