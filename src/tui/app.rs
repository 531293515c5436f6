//! The app: the screen shown and the box over it, each owning its state, and what they share
//! (the interview, its notes, the theme, the size). `update` applies one `Action`: the screen
//! or box takes it and returns a `Transition`, which the app makes. No drawing and no terminal
//! here, so every flow can be tested by feeding actions; the decisions themselves come from the
//! engine's `Interview` and `Recommendation`. What needs a file (saving, another session, a
//! report) is queued as an `Effect` for the run loop, and its `Reply` applied here.

use std::sync::Arc;

use techhire::session::Saved;

pub use super::action::Action;
use super::host::{Choose, Draft, Effect, Reply, RoomNews, Start};
use super::keys::Context;
use super::layout::too_small;
use super::overlays::Overlay;
use super::overlays::export::{self, ExportMenu};
use super::overlays::help::HelpOverlay;
use super::overlays::note::NoteEdit;
use super::overlays::notice::NoticeOverlay;
use super::reveal::Reveal;
use super::room::{RoomRequest, Stage};
use super::screens::Screen;
use super::screens::combined::CombinedScreen;
use super::screens::compare::CompareScreen;
use super::screens::handover::HandoverScreen;
use super::screens::question::QuestionScreen;
use super::screens::result::ResultScreen;
use super::screens::review::ReviewScreen;
use super::screens::setup::SetupScreen;
use super::screens::start::StartScreen;
use super::shared::Shared;
use super::theme::Theme;
use super::transition::Transition;

/// How the interview was left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// The user chose to leave.
    Quit,
    /// Ctrl-C.
    Interrupted,
}

/// Everything on screen, and the interview behind it.
pub struct App {
    /// The interview, its notes, the theme and the size: what every screen reads.
    pub shared: Shared,
    pub screen: Screen,
    /// The box over the screen, if any: it takes the keys while it is open.
    pub overlay: Option<Overlay>,
    /// Mouse reporting is on (off lets the terminal select text).
    pub mouse: bool,
    /// Why saving fails, while it does: the header says the session is not saved.
    pub unsaved: Option<String>,
    /// Set when the user has left; the run loop stops.
    pub ending: Option<Ending>,
    /// Set when the user asked to suspend; the run loop does it and clears this.
    pub suspend: bool,
}

impl App {
    /// An interview at its first question, laid out for a `width` x `height` screen.
    #[cfg(test)]
    pub fn new(tree: std::sync::Arc<techhire::Tree>, theme: Theme, width: u16, height: u16) -> App {
        App::with_interview(techhire::Interview::new(tree), theme, width, height)
    }

    /// An interview already under way (a resumed session), laid out for the screen.
    #[cfg(test)]
    pub fn with_interview(
        interview: techhire::Interview,
        theme: Theme,
        width: u16,
        height: u16,
    ) -> App {
        App::begin(
            Start {
                interview,
                notes: std::collections::BTreeMap::new(),
                private: std::collections::BTreeSet::new(),
                interview_note: None,
                client: None,
                notice: Vec::new(),
                choose: None,
                room: None,
            },
            theme,
            width,
            height,
        )
    }

    /// An interview as the host hands it over: the start screen first when asked for, else
    /// where the interview stands (its result, when finished), under any notice.
    pub fn begin(start: Start, theme: Theme, width: u16, height: u16) -> App {
        let Start {
            interview,
            notes,
            private,
            interview_note,
            client,
            notice,
            choose,
            room,
        } = start;
        let shared_interview_done = interview.current().is_none();
        let (interview_private, interview_note) = match interview_note {
            Some((text, private)) => (private, Some(text)),
            None => (false, None),
        };
        let shared = Shared {
            interview,
            notes,
            private,
            interview_note,
            interview_private,
            client,
            report_folder: None,
            beside: None,
            reports_wait: None,
            theme,
            width,
            height,
            notice: None,
            effects: Vec::new(),
            room: room.map(|mut room| {
                // The facts all given: the room goes on to the first person.
                if room.stage == Stage::Facts && shared_interview_done {
                    room.stage = Stage::Between;
                }
                room
            }),
        };
        let screen = first_screen(&shared, choose);
        let mut app = App {
            shared,
            screen,
            overlay: None,
            mouse: true,
            unsaved: None,
            ending: None,
            suspend: false,
        };
        app.notify(notice);
        app.settle();
        app
    }

    /// A revealed workshop's screens, its combined result first, under `notice` when there is
    /// something to know first. The interview the other screens read is an empty one on the
    /// workshop's tree: these screens read none of it.
    pub fn reveal(
        reveal: Arc<Reveal>,
        client: Option<String>,
        notice: Vec<String>,
        theme: Theme,
        width: u16,
        height: u16,
    ) -> App {
        let interview = techhire::Interview::new(Arc::clone(&reveal.combined.tree));
        let mut app = App::begin(
            Start {
                interview,
                notes: std::collections::BTreeMap::new(),
                private: std::collections::BTreeSet::new(),
                interview_note: None,
                client,
                notice,
                choose: None,
                room: None,
            },
            theme,
            width,
            height,
        );
        app.screen = Screen::Combined(CombinedScreen::new(reveal));
        app.settle();
        app
    }

    /// Switches to another session's interview, resumed from the start screen.
    fn take(&mut self, start: Start) {
        let Start {
            interview,
            notes,
            private,
            interview_note,
            client,
            notice,
            choose,
            room: _,
        } = start;
        self.shared.interview = interview;
        self.shared.notes = notes;
        self.shared.private = private;
        self.shared.interview_private = interview_note.as_ref().is_some_and(|n| n.1);
        self.shared.interview_note = interview_note.map(|n| n.0);
        self.shared.client = client;
        self.screen = first_screen(&self.shared, choose);
        self.overlay = None;
        self.notify(notice);
    }

    /// Opens the notice over the screen, when there is something to say.
    fn notify(&mut self, paragraphs: Vec<String>) {
        if !paragraphs.is_empty() {
            self.overlay = Some(Overlay::Notice(NoticeOverlay::new(paragraphs)));
        }
    }

    /// Which box is open, if any: for tests to say where the user is.
    #[cfg(test)]
    pub fn overlay_kind(&self) -> Option<super::overlays::OverlayKind> {
        self.overlay.as_ref().map(Overlay::kind)
    }

    /// Where keys are being pressed.
    pub fn context(&self) -> Context {
        if too_small(self.shared.width, self.shared.height) {
            return Context::TooSmall;
        }
        match &self.overlay {
            Some(overlay) => overlay.context(),
            None => self.screen.context(),
        }
    }

    /// Whether an action would do anything right now, so the footer offers only what works.
    pub fn offers(&self, action: &Action) -> bool {
        self.screen.offers(action, &self.shared)
    }

    /// The note being written, while it differs from the saved one.
    pub fn draft(&self) -> Option<Draft> {
        match &self.overlay {
            Some(Overlay::Note(note)) => note.draft(&self.shared),
            _ => None,
        }
    }

    /// Makes the move a screen or box asked for.
    fn go(&mut self, transition: Transition) {
        let shared = &mut self.shared;
        match (shared.room.as_mut().map(|r| r.stage), transition) {
            // The room has given every fact: pass the keyboard to the first person.
            (Some(Stage::Facts), Transition::Review) => {
                if let Some(room) = &mut shared.room {
                    room.stage = Stage::Between;
                    self.screen = Screen::Handover(HandoverScreen::new(room, None));
                }
                return;
            }
            // A person has finished: no result, their session closed, the keyboard passed on.
            (Some(Stage::Turn(_)), Transition::Result) => {
                shared.effects.push(Effect::Room(RoomRequest::EndTurn));
                return;
            }
            _ => {}
        }
        let shared = &self.shared;
        match transition {
            Transition::Stay => {}
            Transition::Question { changing } => {
                self.screen = Screen::Question(QuestionScreen::new(shared, changing));
            }
            Transition::Review => self.screen = Screen::Review(ReviewScreen::new(shared)),
            Transition::Result => {
                if let Some(result) = ResultScreen::new(shared) {
                    self.screen = Screen::Result(result);
                }
            }
            Transition::Combined => {
                if let Some(reveal) = self.screen.reveal() {
                    self.screen = Screen::Combined(CombinedScreen::new(Arc::clone(reveal)));
                }
            }
            Transition::Compare => {
                if let Some(reveal) = self.screen.reveal() {
                    self.screen = Screen::Compare(CompareScreen::new(Arc::clone(reveal)));
                }
            }
            Transition::OpenHelp => {
                let here = match self.screen.context() {
                    Context::StartList => Context::StartField,
                    Context::SetupButton => Context::SetupField,
                    here => here,
                };
                self.overlay = Some(Overlay::Help(HelpOverlay::new(here)));
            }
            Transition::OpenQuit => self.overlay = Some(Overlay::Quit),
            Transition::OpenNote(on) => {
                self.overlay = Some(Overlay::Note(NoteEdit::open(shared, on)));
            }
            Transition::OpenExport => {
                if let Some(why) = shared.reports_wait.clone() {
                    self.shared.notice = Some(why);
                } else if let Screen::Result(result) = &self.screen {
                    let folder = shared.report_folder.clone();
                    self.overlay = Some(Overlay::Export(ExportMenu::new(result.format, folder)));
                }
            }
            Transition::OpenReveal => self.overlay = Some(Overlay::Reveal),
            Transition::OpenNextRound => self.overlay = Some(Overlay::NextRound),
            Transition::Close => self.overlay = None,
            Transition::Leave => self.ending = Some(Ending::Quit),
        }
    }

    /// Lays the screen and the box over it out for the current size, scroll positions no
    /// further than the text goes and the highlighted row in view.
    fn settle(&mut self) {
        if too_small(self.shared.width, self.shared.height) {
            self.screen.forget_layout();
            return;
        }
        self.screen.settle(&self.shared);
        if let Some(overlay) = &mut self.overlay {
            overlay.settle(&self.shared);
        }
    }
}

/// The screen an interview opens on: the start screen when asked for, else the question it
/// stands at, its result when finished, or the review.
fn first_screen(shared: &Shared, choose: Option<Choose>) -> Screen {
    if let Some(choose) = choose {
        return Screen::Start(StartScreen::new(choose));
    }
    if let Some(room) = &shared.room {
        match room.stage {
            Stage::Setup => {
                let client = shared.client.as_deref().unwrap_or_default();
                return Screen::Setup(SetupScreen::new(client));
            }
            Stage::Between => return Screen::Handover(HandoverScreen::new(room, None)),
            Stage::Revealed { .. } => {
                return match &room.shown {
                    Some(reveal) => Screen::Combined(CombinedScreen::new(Arc::clone(reveal))),
                    None => Screen::Handover(HandoverScreen::new(room, None)),
                };
            }
            // A person's own finished interview is reviewed, never its result.
            Stage::Turn(_) if shared.interview.current().is_none() => {
                return Screen::Review(ReviewScreen::new(shared));
            }
            Stage::Facts | Stage::Turn(_) | Stage::Agree => {}
        }
    }
    if shared.interview.current().is_some() {
        return Screen::Question(QuestionScreen::new(shared, false));
    }
    match ResultScreen::new(shared) {
        Some(result) => Screen::Result(result),
        None => Screen::Review(ReviewScreen::new(shared)),
    }
}

/// Applies one action. Pure: no I/O, so tests can drive whole interviews through it.
pub fn update(app: &mut App, action: Action) {
    let shared = &mut app.shared;
    shared.notice = None;
    let transition = match action {
        Action::Resize { width, height } => {
            shared.width = width;
            shared.height = height;
            Transition::Stay
        }
        Action::QuitNow => {
            // A note being written is kept: Ctrl-C stops the interview, not the typing.
            if let Some(Overlay::Note(note)) = &app.overlay {
                note.save(shared);
            }
            app.overlay = None;
            app.ending = Some(Ending::Interrupted);
            Transition::Stay
        }
        Action::Suspend => {
            app.suspend = true;
            Transition::Stay
        }
        Action::ToggleMouse => {
            app.mouse = !app.mouse;
            shared.notice = Some(if app.mouse {
                "Mouse on: click to choose, scroll with the wheel.".into()
            } else {
                "Mouse off: the terminal selects text again; m turns it back on.".into()
            });
            Transition::Stay
        }
        _ if too_small(shared.width, shared.height) => Transition::Stay,
        Action::Click { column, row } => match &mut app.overlay {
            Some(_) => Transition::Stay,
            None => app.screen.click(column, row, shared),
        },
        Action::Wheel { down, column, row } => match &mut app.overlay {
            Some(overlay) => {
                overlay.wheel(down);
                Transition::Stay
            }
            None => app.screen.wheel(down, column, row, shared),
        },
        action => match &mut app.overlay {
            Some(overlay) => overlay.update(action, shared),
            None => app.screen.update(action, shared),
        },
    };
    app.go(transition);
    app.settle();
}

/// Applies what the host did about an effect, or about a change of answers.
pub fn reply(app: &mut App, reply: Reply) {
    match reply {
        Reply::Saved(Saved::Quietly | Saved::StillFailing) => {}
        Reply::Saved(Saved::Failed(why)) => {
            app.shared.notice = Some(format!("Not saved: {why}"));
            app.unsaved = Some(why);
        }
        Reply::Saved(Saved::Again) => {
            app.unsaved = None;
            app.shared.notice =
                Some("Saved again: everything so far is in the session file.".into());
        }
        Reply::Resumed(start) => {
            // Another session, with saves of its own: a failure of the one left is not its.
            app.unsaved = None;
            app.take(*start);
        }
        Reply::Listed(saved) => {
            if let Screen::Start(start) = &mut app.screen {
                start.relist(saved);
            }
        }
        Reply::ResumeFailed(why) => {
            if let Screen::Start(start) = &mut app.screen {
                start.error = Some(why);
            }
        }
        Reply::Exported {
            format,
            copy,
            result,
        } => {
            if let Screen::Result(screen) = &mut app.screen {
                screen.format = export::index(format);
            }
            if let Some(Overlay::Export(menu)) = &mut app.overlay {
                menu.written(format, copy, result);
            }
        }
        Reply::Room(Ok(news)) => app.room_news(news),
        Reply::Room(Err(why)) => app.shared.notice = Some(why),
    }
    app.settle();
}

impl App {
    /// Where the room goes after the host did a turn's or the reveal's file work: into a
    /// person's own session, back to the handover with nothing of theirs kept, or to the
    /// reveal.
    fn room_news(&mut self, news: RoomNews) {
        let Some(room) = &mut self.shared.room else {
            return;
        };
        let finished = match room.stage {
            Stage::Turn(person) => Some(person),
            _ => None,
        };
        room.people = news.people;
        self.overlay = None;
        if let Some(mut start) = news.begun {
            // Set up: the room as the host opened it, at its facts step.
            self.shared.room = start.room.take();
            self.take(*start);
        } else if let Some((early, reveal)) = news.revealed {
            // Revealed: the workshop's combined result, then the compare screen from there.
            room.stage = Stage::Revealed { early };
            room.shown = Some(Arc::clone(&reveal));
            self.screen = Screen::Combined(CombinedScreen::new(reveal));
        } else if let Some((person, start)) = news.turn {
            room.stage = Stage::Turn(person);
            self.take(*start);
        } else {
            room.stage = Stage::Between;
            let thanked = finished;
            let room = room.clone();
            // Nothing of the person who finished stays in memory: a blank interview and no
            // notes until the next person's own session is opened.
            let shared = &mut self.shared;
            shared.interview =
                techhire::Interview::new(std::sync::Arc::clone(shared.interview.tree()));
            shared.notes.clear();
            shared.private.clear();
            shared.interview_note = None;
            shared.interview_private = false;
            self.screen = Screen::Handover(HandoverScreen::new(&room, thanked));
        }
    }
}
