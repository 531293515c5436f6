//! A workshop run in one room, passing the keyboard: who is in it, how far each has got, and
//! whose turn it is. This is all the room's screens know of the people. Until the reveal it
//! never holds an answer: during a turn the interview in `Shared` is that person's own, and
//! between turns it is a blank one, so nothing of one person can reach the screen in another's
//! turn. After a reveal, the interview the room answers together shows beside each question
//! how each person answered in the latest round (`Beside`).

use std::sync::Arc;

use techhire::workshop::Status;

use super::reveal::Reveal;

/// The people in the room and where the workshop stands.
#[derive(Clone)]
pub struct Room {
    /// The respondents, in the order they answer.
    pub people: Vec<Seat>,
    pub stage: Stage,
    /// The round, from 1 (a second round gives everyone their own earlier views to keep or
    /// change).
    pub round: u32,
    /// How each person answered, for the interview the room answers together; only after a
    /// reveal.
    pub beside: Option<Arc<Beside>>,
    /// The revealed result the workshop's screens show; only after a reveal.
    pub shown: Option<Arc<Reveal>>,
}

/// How each person answered each question in the latest revealed round (the library's, shared
/// with `workshop agree` and plain mode).
pub use techhire::workshop::Beside;

/// One person answering.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seat {
    pub name: String,
    pub role: Option<String>,
    pub status: Status,
}

/// Where the room is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// The workshop is being set up: its client and people typed in.
    Setup,
    /// The room answers the company's facts together.
    Facts,
    /// Between turns: the keyboard is being passed.
    Between,
    /// This person (an index into `people`) is answering their views.
    Turn(usize),
    /// The answers are revealed; `early` when some had not finished.
    Revealed { early: bool },
    /// The room answers one interview together, after a reveal; its result is the agreed
    /// recommendation.
    Agree,
}

impl Seat {
    /// "Ben (CFO)", or "Ben".
    pub fn label(&self) -> String {
        match &self.role {
            Some(role) => format!("{} ({role})", self.name),
            None => self.name.clone(),
        }
    }
}

impl Room {
    /// The next person to answer: the first, in order, who has not finished.
    pub fn next_up(&self) -> Option<usize> {
        self.people
            .iter()
            .position(|p| p.status != Status::Finished)
    }

    /// How many have finished.
    pub fn finished(&self) -> usize {
        self.people
            .iter()
            .filter(|p| p.status == Status::Finished)
            .count()
    }

    /// The people who have not finished, by label.
    pub fn waiting(&self) -> Vec<String> {
        self.people
            .iter()
            .filter(|p| p.status != Status::Finished)
            .map(Seat::label)
            .collect()
    }

    /// Whose turn it is, if anyone's.
    pub fn turn(&self) -> Option<&Seat> {
        match self.stage {
            Stage::Turn(i) => self.people.get(i),
            _ => None,
        }
    }
}

/// What the room asks of the host: the file work of the set-up, a turn or the reveal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoomRequest {
    /// Set the workshop up: who it is for (blank: not given) and the people, in the order they
    /// answer, each as typed ("Ben (CFO)").
    SetUp { client: String, people: Vec<String> },
    /// Open this person's session for their turn (the facts are fixed at the first turn:
    /// every respondent's session is then written with them).
    Turn(usize),
    /// The person whose turn it is has finished: save and close their session.
    EndTurn,
    /// Reveal the answers; `early` before everyone has finished (confirmed by the consultant).
    Reveal { early: bool },
    /// After a reveal: another round, each person's session offering their own earlier views.
    NextRound,
    /// After a reveal: the interview the room answers together.
    Agree,
}
