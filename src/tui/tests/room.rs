//! A workshop run in one room, as the keyboard goes round: the facts with the room, then each
//! person's turn, the handover between them, the reveal. The blindness test presses every key
//! of three people's turns and checks every frame drawn for anything of the people before:
//! the highlight, a ✓ for an answer given, a note, an answer in the review, the progress, a
//! result. It runs the same flow against a host that leaks one person's session into the
//! next, and the checks must catch it, so they cannot pass for want of looking.

mod blindness;
mod rounds;
mod screens;
mod setup;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use techhire::Interview;
use techhire::session::{Audience, Saved};
use techhire::tree::Step;
use techhire::workshop::{Combined, Facts, Person, Status, facts_step};

use super::{answers, screen, tree};
use crate::tui::app::App;
use crate::tui::host::{Draft, Host, RoomNews, Start};
use crate::tui::keys::action_for;
use crate::tui::reveal::Reveal;
use crate::tui::room::{Beside, Room, RoomRequest, Seat, Stage};
use crate::tui::step;
use crate::tui::theme::{Theme, ThemeName};

/// The people of the worked example, in the order they answer, with their answers files.
const PEOPLE: [(&str, Option<&str>, &str); 3] = [
    ("Ana", Some("CEO"), "workshop/ana-ceo"),
    ("Ben", Some("CFO"), "workshop/ben-cfo"),
    ("Cai", Some("COO"), "workshop/cai-coo"),
];

/// One person's session, as the room's host keeps it.
#[derive(Clone, Default)]
struct Kept {
    interview: Option<Interview>,
    notes: BTreeMap<String, String>,
}

/// How the test host gets blindness wrong, for the checks to catch.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Leak {
    /// It does not.
    None,
    /// Each person gets the session of the one before, finished.
    Finished,
    /// Each person gets the session of the one before, at its first question.
    Rewound,
}

/// The room's host for tests: each person's session in memory.
pub(super) struct RoomHost {
    facts: Vec<Step>,
    people: Vec<Seat>,
    kept: Vec<Kept>,
    turn: Option<usize>,
    leak: Leak,
    early: Option<bool>,
    /// What the set-up screen asked for: the client and the people.
    set_up: Option<(String, Vec<String>)>,
    /// The round, and each earlier round's sessions.
    round: u32,
    earlier: Vec<Vec<Kept>>,
}

impl RoomHost {
    fn new(leak: Leak) -> RoomHost {
        RoomHost {
            facts: Vec::new(),
            people: seats(),
            kept: vec![Kept::default(); PEOPLE.len()],
            turn: None,
            leak,
            early: None,
            set_up: None,
            round: 1,
            earlier: Vec::new(),
        }
    }

    fn news(&self) -> RoomNews {
        RoomNews {
            people: self.people.clone(),
            turn: None,
            revealed: None,
            begun: None,
        }
    }

    /// A fresh session for a person: the facts given and settled, nothing of theirs yet but,
    /// after the first round, their own views from the round before, offered.
    fn invited(&self, person: usize) -> Interview {
        let tree = tree();
        let mut interview = Interview::new(Arc::clone(&tree));
        interview.restore(self.facts.iter().copied());
        interview.settle(self.facts.iter().map(|s| s.question));
        let before = self
            .earlier
            .last()
            .and_then(|round| round[person].interview.as_ref());
        if let Some(before) = before {
            interview.offer(
                before
                    .path()
                    .iter()
                    .copied()
                    .filter(|s| !tree.is_fact(s.question)),
            );
        }
        interview
    }

    /// The result of those who finished this round, as the workshop's screens show it.
    fn revealed(&self) -> Reveal {
        let mut people = Vec::new();
        let mut left_out = Vec::new();
        for (seat, kept) in self.people.iter().zip(&self.kept) {
            match kept.interview.clone().filter(Interview::is_finished) {
                Some(interview) => people.push(Person {
                    name: seat.name.clone(),
                    role: seat.role.clone(),
                    interview,
                }),
                None => left_out.push(seat.name.clone()),
            }
        }
        let combined = Combined::new(&tree(), people).unwrap_or_else(|e| panic!("{e}"));
        Reveal::new(combined, Vec::new(), left_out)
    }

    /// The room as it stands, for a Start.
    fn room_at(&self, stage: Stage, beside: Option<Arc<Beside>>) -> Room {
        Room {
            people: self.people.clone(),
            stage,
            round: self.round,
            beside,
            shown: None,
        }
    }

    /// A Start on `interview` in this room.
    fn start(&self, interview: Interview, room: Option<Room>) -> Start {
        Start {
            interview,
            notes: BTreeMap::new(),
            private: BTreeSet::new(),
            interview_note: None,
            client: Some("Acme Ltd".into()),
            notice: Vec::new(),
            choose: None,
            room,
        }
    }
}

fn seats() -> Vec<Seat> {
    PEOPLE
        .iter()
        .map(|(name, role, _)| Seat {
            name: (*name).into(),
            role: role.map(String::from),
            status: Status::Invited,
        })
        .collect()
}

impl Host for RoomHost {
    fn record(&mut self, interview: &Interview) -> Saved {
        match self.turn {
            Some(i) => self.kept[i].interview = Some(interview.clone()),
            None if self.people.iter().all(|p| p.status == Status::Invited) => {
                self.facts = Facts::answered_in(interview).steps().to_vec();
            }
            None => {}
        }
        Saved::Quietly
    }

    fn set_names(&mut self, _: &str, _: &str) -> Saved {
        Saved::Quietly
    }

    fn set_note(&mut self, question: Option<&str>, text: &str, _: bool) -> Saved {
        if let (Some(i), Some(q)) = (self.turn, question) {
            self.kept[i].notes.insert(q.into(), text.into());
        }
        Saved::Quietly
    }

    fn keep_draft(&mut self, _: Option<&Draft>) {}

    fn resume(&mut self, _: &std::path::Path) -> Result<Start, String> {
        Err("no".into())
    }

    fn export(
        &mut self,
        _: &Interview,
        _: techhire::report::Format,
        _: Audience,
    ) -> Result<std::path::PathBuf, String> {
        Err("no".into())
    }

    fn room(&mut self, request: RoomRequest, interview: &Interview) -> Result<RoomNews, String> {
        match request {
            RoomRequest::SetUp { client, people } => {
                self.set_up = Some((client, people.clone()));
                self.people = people
                    .iter()
                    .map(|p| Seat {
                        name: p.clone(),
                        role: None,
                        status: Status::Invited,
                    })
                    .collect();
                let mut start = facts_start();
                if let Some(room) = &mut start.room {
                    room.people = self.people.clone();
                }
                Ok(RoomNews {
                    begun: Some(Box::new(start)),
                    ..self.news()
                })
            }
            RoomRequest::Turn(i) => {
                let from = if self.leak != Leak::None && i > 0 {
                    i - 1
                } else {
                    i
                };
                let mut kept = self.kept[from].clone();
                if let (Leak::Rewound, Some(interview)) = (self.leak, &mut kept.interview) {
                    let first = interview
                        .path()
                        .iter()
                        .find(|s| !interview.is_settled(s.question));
                    if let Some(first) = first.map(|s| s.question) {
                        interview.go_to(first).map_err(|e| e.to_string())?;
                    }
                }
                self.turn = Some(i);
                self.people[i].status = Status::Answering;
                let start = Start {
                    interview: kept.interview.unwrap_or_else(|| self.invited(i)),
                    notes: kept.notes,
                    private: BTreeSet::new(),
                    interview_note: None,
                    client: Some("Acme Ltd".into()),
                    notice: Vec::new(),
                    choose: None,
                    room: None,
                };
                Ok(RoomNews {
                    turn: Some((i, Box::new(start))),
                    ..self.news()
                })
            }
            RoomRequest::EndTurn => {
                let i = self.turn.take().ok_or("nobody is answering")?;
                self.kept[i].interview = Some(interview.clone());
                if interview.is_finished() {
                    self.people[i].status = Status::Finished;
                }
                Ok(self.news())
            }
            RoomRequest::Reveal { early } => {
                self.early = Some(early);
                Ok(RoomNews {
                    revealed: Some((early, Arc::new(self.revealed()))),
                    ..self.news()
                })
            }
            RoomRequest::NextRound => {
                self.earlier.push(std::mem::take(&mut self.kept));
                self.kept = vec![Kept::default(); self.people.len()];
                self.round += 1;
                for p in &mut self.people {
                    p.status = Status::Invited;
                }
                let blank = Interview::new(tree());
                let start = self.start(blank, Some(self.room_at(Stage::Between, None)));
                Ok(RoomNews {
                    begun: Some(Box::new(start)),
                    ..self.news()
                })
            }
            RoomRequest::Agree => {
                let tree = tree();
                let answers = (0..tree.questions().len())
                    .filter(|&q| !tree.is_fact(q))
                    .map(|q| {
                        let each = self.kept.iter().map(|k| {
                            let interview = k.interview.as_ref()?;
                            interview
                                .path()
                                .iter()
                                .find(|s| s.question == q)
                                .map(|s| s.choice)
                        });
                        (q, each.collect())
                    })
                    .collect();
                let beside = Beside {
                    round: self.round,
                    people: self.people.iter().map(Seat::label).collect(),
                    answers,
                };
                let mut agreed = Interview::new(Arc::clone(&tree));
                agreed.restore(self.facts.iter().copied());
                agreed.settle(self.facts.iter().map(|s| s.question));
                let room = self.room_at(Stage::Agree, Some(Arc::new(beside)));
                self.turn = None;
                Ok(RoomNews {
                    begun: Some(Box::new(self.start(agreed, Some(room)))),
                    ..self.news()
                })
            }
        }
    }
}

/// A new room at the facts step, `width` x `height`.
fn room_app(width: u16, height: u16) -> App {
    App::begin(facts_start(), Theme::named(ThemeName::Dark), width, height)
}

/// A new room before its set-up, `width` x `height`.
fn setup_app(width: u16, height: u16) -> App {
    let mut start = facts_start();
    start.client = None;
    if let Some(room) = &mut start.room {
        room.people.clear();
        room.stage = Stage::Setup;
    }
    App::begin(start, Theme::named(ThemeName::Dark), width, height)
}

/// The room as the host opens a new one: at the facts step.
fn facts_start() -> Start {
    Start {
        interview: facts_step(&tree(), &[]),
        notes: BTreeMap::new(),
        private: BTreeSet::new(),
        interview_note: None,
        client: Some("Acme Ltd".into()),
        notice: Vec::new(),
        choose: None,
        room: Some(Room {
            people: seats(),
            stage: Stage::Facts,
            round: 1,
            beside: None,
            shown: None,
        }),
    }
}

/// Presses a key as the run loop does.
pub(super) fn key(app: &mut App, host: &mut RoomHost, code: KeyCode) {
    key_with(app, host, code, KeyModifiers::NONE);
}

fn key_with(app: &mut App, host: &mut RoomHost, code: KeyCode, modifiers: KeyModifiers) {
    if let Some(action) = action_for(app.context(), KeyEvent::new(code, modifiers)) {
        step(app, host, action);
    }
}

/// The facts step answered from the worked example's facts file, key by key.
fn answer_the_facts(app: &mut App, host: &mut RoomHost) {
    let facts = answers("workshop/facts");
    while app
        .shared
        .room
        .as_ref()
        .is_some_and(|r| r.stage == Stage::Facts)
    {
        let q = app.shared.interview.current().expect("a fact on screen");
        let id = &app.shared.tree().question(q).id;
        let wanted = facts
            .iter()
            .find(|(question, _)| question == id)
            .and_then(|(_, c)| app.shared.tree().choice_index(q, c))
            .unwrap_or_else(|| panic!("the facts file has no answer to `{id}`"));
        key(app, host, KeyCode::Char(char::from(b'1' + wanted as u8)));
    }
}

/// A person's whole turn, from the handover: their views from their answers file, by digit,
/// then their review. Stops at the review, before handing back.
fn answer_views(app: &mut App, host: &mut RoomHost, person: usize) {
    key(app, host, KeyCode::Enter);
    let file = answers(PEOPLE[person].2);
    while let (Some(q), crate::tui::screens::ScreenKind::Question) =
        (app.shared.interview.current(), app.screen.kind())
    {
        let tree = app.shared.tree();
        let id = &tree.question(q).id;
        let wanted = file
            .iter()
            .find(|(question, _)| question == id)
            .and_then(|(_, c)| tree.choice_index(q, c))
            .unwrap_or_else(|| panic!("no answer to `{id}`"));
        key(app, host, KeyCode::Char(char::from(b'1' + wanted as u8)));
    }
}

/// A room `width` x `height` with the facts given and the first `done` people finished, at the
/// handover to the next.
pub(super) fn handed_over(width: u16, height: u16, done: usize) -> (App, RoomHost) {
    let mut app = room_app(width, height);
    let mut host = RoomHost::new(Leak::None);
    answer_the_facts(&mut app, &mut host);
    for person in 0..done {
        answer_views(&mut app, &mut host, person);
        key(&mut app, &mut host, KeyCode::Right);
    }
    (app, host)
}
