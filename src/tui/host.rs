//! What the full-screen interview asks of the program around it, and what it hears back. The
//! screens never touch a file: `update` queues an `Effect`, the run loop hands it to the `Host`
//! (which saves, opens another session or writes a report), and the answer comes back to the
//! app as a `Reply`. Tests play the host's part by replying themselves.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use techhire::Interview;
use techhire::session::{Audience, Saved, Timestamp};

use techhire::report::Format;

use super::reveal::Reveal;
use super::room::{Room, RoomRequest, Seat};

/// The program around the interview: sessions and reports.
pub trait Host {
    /// Saves the answers as they stand: after every change.
    fn record(&mut self, interview: &Interview) -> Saved;
    /// Saves the client's and the consultant's names (blank: not given).
    fn set_names(&mut self, client: &str, consultant: &str) -> Saved;
    /// Saves a note: on a question, by id, or on the interview as a whole (`None`); for the
    /// client or private (blank text removes it).
    fn set_note(&mut self, question: Option<&str>, text: &str, private: bool) -> Saved;
    /// The note being written and not saved yet, after each change to it; `None` once it is
    /// saved or dropped. Kept so that it can still be saved if the program is stopped by a
    /// signal (a hang-up, a kill) while the editor is open.
    fn keep_draft(&mut self, draft: Option<&Draft>);
    /// Leaves this session for the saved one at `path`, resumed as `techhire resume` does;
    /// on failure the current session stays open and the message says why.
    fn resume(&mut self, path: &Path) -> Result<Start, String>;
    /// Writes the report of the finished interview (the client's, or the consultant's copy
    /// with private notes); says where, or why it could not.
    fn export(
        &mut self,
        interview: &Interview,
        format: Format,
        copy: Audience,
    ) -> Result<PathBuf, String>;
    /// Does the file work of a workshop run in one room (a turn opened or closed, the
    /// reveal); `interview` is the one on screen, saved first when a turn ends. Only the
    /// room's host runs a room.
    fn room(&mut self, request: RoomRequest, interview: &Interview) -> Result<RoomNews, String> {
        let _ = (request, interview);
        Err("This is not a workshop room.".into())
    }
    /// The work that need not hold up the first frame, done right after it and before any
    /// key, and what it changes on screen: the saved sessions as their files are now, when
    /// they differ from those the start screen was given (drawn from the folder's index,
    /// which may be out of date); a new session's file written, or why it could not be.
    fn first_frame(&mut self) -> Vec<Reply> {
        Vec::new()
    }
}

/// What the room's host says after a request: how far everyone has got, and the session
/// opened for a turn or the reveal made.
pub struct RoomNews {
    pub people: Vec<Seat>,
    /// The person (an index into the room's people) and their own session, opened for their
    /// turn.
    pub turn: Option<(usize, Box<Start>)>,
    /// The answers were revealed (early when some had not finished), and the combined result
    /// the workshop's screens show.
    pub revealed: Option<(bool, Arc<Reveal>)>,
    /// The workshop was set up: the room as it now stands (its facts step, usually).
    pub begun: Option<Box<Start>>,
}

/// A note being written: what it is on (a question's id, or `None` for the interview), its
/// text, and whether it is private.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub question: Option<String>,
    pub text: String,
    pub private: bool,
}

/// An interview to run, new or resumed, with what to show first.
pub struct Start {
    pub interview: Interview,
    /// Notes by question id.
    pub notes: BTreeMap<String, String>,
    /// The questions (by id) whose note is private.
    pub private: BTreeSet<String>,
    /// The note on the interview as a whole, and whether it is private.
    pub interview_note: Option<(String, bool)>,
    /// The client's name, for the header.
    pub client: Option<String>,
    /// Paragraphs to show before anything else (a resumed session, a changed question tree,
    /// answers set aside); lines starting `  - ` are items of a list.
    pub notice: Vec<String>,
    /// Show the start screen first: names to fill in, and saved sessions to carry on with.
    pub choose: Option<Choose>,
    /// A workshop run in one room: the room's screens first, and the interview is the facts
    /// step (or blank, between turns).
    pub room: Option<Room>,
}

/// What the start screen offers.
pub struct Choose {
    /// The names given on the command line, to start the fields with.
    pub client: String,
    pub consultant: String,
    /// The saved sessions, most recent first, then the files that could not be read.
    pub saved: Vec<Listed>,
    /// How a session's last save is shown ("2026-11-23 09:47 UTC"): only for the rows on
    /// screen, so 10,000 sessions cost no more than a screenful.
    pub time: fn(Timestamp) -> String,
}

/// A saved session on the start screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    pub path: PathBuf,
    /// The client's name, or what else to call the session.
    pub client: String,
    /// When it was last saved; none for a file that is not a readable session.
    pub updated: Option<Timestamp>,
    pub progress: String,
    pub outcome: Option<String>,
    /// What is wrong with the file, when it is not a readable session, said to follow its
    /// name: "ends early, at line 2...".
    pub problem: Option<String>,
}

/// Something only the host can do, asked for by `update`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    SetNames { client: String, consultant: String },
    SaveNote(Draft),
    Resume(PathBuf),
    Export { format: Format, copy: Audience },
    Room(RoomRequest),
}

/// The host's answer to an effect, or to a change of answers.
pub enum Reply {
    Saved(Saved),
    Resumed(Box<Start>),
    ResumeFailed(String),
    Exported {
        format: Format,
        copy: Audience,
        result: Result<PathBuf, String>,
    },
    Room(Result<RoomNews, String>),
    /// The saved sessions as checked against their files ([`Host::first_frame`]).
    Listed(Vec<Listed>),
}

/// Does what an effect asks, and says how it went.
pub fn perform(host: &mut impl Host, interview: &Interview, effect: Effect) -> Reply {
    match effect {
        Effect::SetNames { client, consultant } => {
            Reply::Saved(host.set_names(&client, &consultant))
        }
        Effect::SaveNote(draft) => {
            Reply::Saved(host.set_note(draft.question.as_deref(), &draft.text, draft.private))
        }
        Effect::Resume(path) => match host.resume(&path) {
            Ok(start) => Reply::Resumed(Box::new(start)),
            Err(why) => Reply::ResumeFailed(why),
        },
        Effect::Export { format, copy } => Reply::Exported {
            format,
            copy,
            result: host.export(interview, format, copy),
        },
        Effect::Room(request) => Reply::Room(host.room(request, interview)),
    }
}

/// The host of a revealed workshop's screens, which change no file: no answer changes there,
/// no note is written, no other session opens and no report is written from them, so each of
/// these says so rather than pretending.
pub struct Viewer;

impl Host for Viewer {
    fn record(&mut self, _: &Interview) -> Saved {
        Saved::Quietly
    }
    fn set_names(&mut self, _: &str, _: &str) -> Saved {
        Saved::Quietly
    }
    fn set_note(&mut self, _: Option<&str>, _: &str, _: bool) -> Saved {
        Saved::Quietly
    }
    fn keep_draft(&mut self, _: Option<&Draft>) {}
    fn resume(&mut self, _: &Path) -> Result<Start, String> {
        Err("a workshop's answers are compared here; resume a session from the start screen".into())
    }
    fn export(&mut self, _: &Interview, _: Format, _: Audience) -> Result<PathBuf, String> {
        Err("a workshop's report is written with `techhire workshop report`".into())
    }
}
