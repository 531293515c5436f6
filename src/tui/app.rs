//! The interview screen's state and everything that changes it: one `App`, the `Action`s a key,
//! a click or a resize turns into, and `update`, which applies one action. No drawing and no
//! terminal here, so every flow can be tested by feeding actions; the decisions themselves come
//! from the engine's `Interview` and `Recommendation`. What needs a file (saving, another
//! session, a report) is queued as an `Effect` for the run loop, and its `Reply` applied here.

use std::collections::BTreeMap;

use techhire::Recommendation;
use techhire::session::Saved;

pub use super::action::Action;
use super::export::ExportMenu;
use super::host::{Choose, Effect, Reply, Start};
use super::keys::Context;
use super::layout::{self, too_small};
use super::note::NoteEdit;
use super::shared::Shared;
use super::start::StartForm;
use super::theme::Theme;
use super::{export, navigate, note, pointer, start};

/// The screens, in the order a user meets them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// Names for a new interview, and saved sessions to carry on with.
    Start,
    Question,
    Review,
    Result,
}

/// A box drawn over the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help,
    Quit,
    /// What to know before going on: a session resumed, a question tree changed.
    Notice,
    /// The note editor.
    Note,
    /// Writing the report.
    Export,
}

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
    pub overlay: Option<Overlay>,
    /// The highlighted choice of the current question.
    pub choice: usize,
    /// The first line of the choice list in view, when the list is taller than its space.
    pub choice_offset: usize,
    /// How far "Why this matters" is scrolled.
    pub help_scroll: usize,
    /// The question screen laid out for the current state: worked out once per action by
    /// `update`, then drawn by the view and used to hit-test clicks.
    pub question_plan: Option<layout::question::Plan>,
    /// The highlighted row of the review: an answer, or `path().len()` for "See the
    /// recommendation".
    pub review: usize,
    pub review_offset: usize,
    /// The recommendation, worked out once when the result screen opens.
    pub result: Option<Recommendation>,
    pub result_scroll: usize,
    pub overlay_scroll: usize,
    /// The current question was opened from the review to change its answer.
    pub from_review: bool,
    /// Mouse reporting is on (off lets the terminal select text).
    pub mouse: bool,
    /// A one-off message shown in the footer until the next action.
    pub notice: Option<String>,
    /// Set when the user has left; the run loop stops.
    pub ending: Option<Ending>,
    /// Set when the user asked to suspend; the run loop does it and clears this.
    pub suspend: bool,
    /// The start screen's fields and list, while it is shown.
    pub start: Option<StartForm>,
    /// The note being written, while the editor is open.
    pub note: Option<NoteEdit>,
    pub export: ExportMenu,
    /// The paragraphs of the notice overlay.
    pub notice_panel: Vec<String>,
    /// Why saving fails, while it does: the header says the session is not saved.
    pub unsaved: Option<String>,
    /// What the run loop is to do next, in order.
    pub effects: Vec<Effect>,
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
                notes: BTreeMap::new(),
                client: None,
                notice: Vec::new(),
                choose: None,
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
            client,
            notice,
            choose,
        } = start;
        let mut app = App {
            shared: Shared {
                interview,
                notes: BTreeMap::new(),
                client: None,
                theme,
                width,
                height,
            },
            screen: Screen::Question,
            overlay: None,
            choice: 0,
            choice_offset: 0,
            help_scroll: 0,
            question_plan: None,
            review: 0,
            review_offset: 0,
            result: None,
            result_scroll: 0,
            overlay_scroll: 0,
            from_review: false,
            mouse: true,
            notice: None,
            ending: None,
            suspend: false,
            start: None,
            note: None,
            export: ExportMenu::default(),
            notice_panel: Vec::new(),
            unsaved: None,
            effects: Vec::new(),
        };
        app.arrive(notes, client, notice, choose);
        settle(&mut app);
        app
    }

    /// Switches to another session's interview, resumed from the start screen.
    fn take(&mut self, start: Start) {
        let Start {
            interview,
            notes,
            client,
            notice,
            choose,
        } = start;
        self.shared.interview = interview;
        self.arrive(notes, client, notice, choose);
    }

    /// Shows the interview just taken: the start screen when asked for, else where it stands
    /// (its result, when finished), with any notice over it.
    fn arrive(
        &mut self,
        notes: BTreeMap<String, String>,
        client: Option<String>,
        notice: Vec<String>,
        choose: Option<Choose>,
    ) {
        self.shared.notes = notes;
        self.shared.client = client;
        self.result = None;
        self.overlay = None;
        self.note = None;
        self.export = ExportMenu::default();
        self.start = choose.map(StartForm::new);
        if self.start.is_some() {
            self.screen = Screen::Start;
        } else if self.shared.interview.current().is_some() {
            self.show_question();
        } else if self.shared.interview.is_finished() {
            self.show_result();
        } else {
            self.show_review();
        }
        self.notice_panel = notice;
        if !self.notice_panel.is_empty() {
            open(self, Overlay::Notice);
        }
    }

    /// Where keys are being pressed.
    pub fn context(&self) -> Context {
        if too_small(self.shared.width, self.shared.height) {
            return Context::TooSmall;
        }
        match (self.overlay, self.screen) {
            (Some(Overlay::Quit), _) => Context::Quit,
            (Some(Overlay::Help), _) => Context::Help,
            (Some(Overlay::Notice), _) => Context::Notice,
            (Some(Overlay::Note), _) => match &self.note {
                Some(note) if note.confirming => Context::NoteConfirm,
                _ => Context::Note,
            },
            (Some(Overlay::Export), _) => Context::Export,
            (None, Screen::Start) => match &self.start {
                Some(form) if form.focus.is_field() => Context::StartField,
                _ => Context::StartList,
            },
            (None, Screen::Question) => Context::Question,
            (None, Screen::Review) => Context::Review,
            (None, Screen::Result) => Context::Result,
        }
    }

    /// Whether an action would do anything right now, so the footer offers only what works.
    pub fn offers(&self, action: &Action) -> bool {
        match (self.screen, action) {
            (Screen::Question, Action::Back) => self.shared.interview.cursor() > 0,
            (Screen::Question, Action::Forward) => {
                self.shared.interview.cursor() < self.shared.interview.path().len()
            }
            (Screen::Review, Action::Note) => self.review < self.shared.interview.path().len(),
            _ => true,
        }
    }

    /// The section of the key list for the screen under it.
    pub fn help_here(&self) -> Context {
        match self.screen {
            Screen::Start => Context::StartField,
            Screen::Question => Context::Question,
            Screen::Review => Context::Review,
            Screen::Result => Context::Result,
        }
    }

    pub(super) fn choices(&self) -> usize {
        let shared = &self.shared;
        shared
            .interview
            .current()
            .map_or(0, |q| shared.tree().question(q).choices.len())
    }

    pub(super) fn show_question(&mut self) {
        self.screen = Screen::Question;
        self.choice = self.shared.interview.selected().unwrap_or(0);
        self.choice_offset = 0;
        self.help_scroll = 0;
    }

    pub(super) fn show_review(&mut self) {
        self.screen = Screen::Review;
        self.review = self.shared.interview.path().len();
        self.review_offset = 0;
        self.from_review = false;
    }

    pub(super) fn show_result(&mut self) {
        if let Some(result) = self.shared.interview.result() {
            self.result = Some(result);
            self.screen = Screen::Result;
            self.result_scroll = 0;
        }
    }

    /// Answers the current question. After a change made from the review, the interview skips
    /// over answers already given to the first question still unanswered, and returns to the
    /// review when there is none.
    pub(super) fn answer(&mut self, choice: usize) {
        if self.shared.interview.answer(choice).is_err() {
            return;
        }
        if self.from_review {
            self.shared.interview.go_to_frontier();
        }
        if self.shared.interview.current().is_some() {
            self.show_question();
        } else {
            self.show_review();
        }
    }
}

/// Applies one action. Pure: no I/O, so tests can drive whole interviews through it.
pub fn update(app: &mut App, action: Action) {
    app.notice = None;
    match action {
        Action::Resize { width, height } => {
            app.shared.width = width;
            app.shared.height = height;
        }
        Action::QuitNow => {
            // A note being written is kept: Ctrl-C stops the interview, not the typing.
            note::save_draft(app);
            app.ending = Some(Ending::Interrupted);
        }
        Action::Suspend => app.suspend = true,
        Action::ToggleMouse => {
            app.mouse = !app.mouse;
            app.notice = Some(if app.mouse {
                "Mouse on: click to choose, scroll with the wheel.".into()
            } else {
                "Mouse off: the terminal selects text again; m turns it back on.".into()
            });
        }
        Action::Click { column, row } => pointer::click(app, column, row),
        Action::Wheel { down, column, row } => pointer::wheel(app, down, column, row),
        _ => match app.context() {
            Context::Question => navigate::on_question(app, action),
            Context::Review => navigate::on_review(app, action),
            Context::Result => navigate::on_result(app, action),
            Context::Help => navigate::on_help(app, action),
            Context::Quit => match action {
                Action::Leave => app.ending = Some(Ending::Quit),
                Action::Stay => app.overlay = None,
                _ => {}
            },
            Context::Notice => navigate::on_notice(app, action),
            Context::Note | Context::NoteConfirm => note::update(app, action),
            Context::Export => export::update(app, action),
            Context::StartField | Context::StartList => start::update(app, action),
            Context::TooSmall => {}
        },
    }
    settle(app);
}

/// Applies what the host did about an effect, or about a change of answers.
pub fn reply(app: &mut App, reply: Reply) {
    match reply {
        Reply::Saved(Saved::Quietly | Saved::StillFailing) => {}
        Reply::Saved(Saved::Failed(why)) => {
            app.notice = Some(format!("Not saved: {why}"));
            app.unsaved = Some(why);
        }
        Reply::Saved(Saved::Again) => {
            app.unsaved = None;
            app.notice = Some("Saved again: everything so far is in the session file.".into());
        }
        Reply::Resumed(start) => app.take(*start),
        Reply::ResumeFailed(why) => {
            if let Some(form) = &mut app.start {
                form.error = Some(why);
            }
        }
        Reply::Exported { format, result } => app.export.written(format, result),
    }
    settle(app);
}

pub(super) fn open(app: &mut App, overlay: Overlay) {
    app.overlay = Some(overlay);
    app.overlay_scroll = 0;
}

/// Brings the view state back within bounds for the current size: scroll positions no further
/// than the text goes, and the highlighted row in view.
fn settle(app: &mut App) {
    app.question_plan = None;
    if too_small(app.shared.width, app.shared.height) {
        return;
    }
    if app.screen == Screen::Start {
        start::settle(app);
    }
    let shared = &app.shared;
    let body = layout::body(shared);
    match app.screen {
        Screen::Start => {}
        Screen::Question => {
            let plan = layout::question::plan(shared, body, app.choice, app.from_review);
            if let Some(plan) = &plan {
                app.choice_offset = plan.settled_offset(app.choice, app.choice_offset);
                app.help_scroll = app.help_scroll.min(plan.help_max());
            }
            app.question_plan = plan;
        }
        Screen::Review => {
            let plan = layout::review::plan(body, shared.interview.path().len());
            app.review_offset = plan.settled_offset(app.review, app.review_offset);
        }
        Screen::Result => {
            if let Some(result) = &app.result {
                let max = layout::result::plan(shared, result, body).max_scroll();
                app.result_scroll = app.result_scroll.min(max);
            }
        }
    }
    match app.overlay {
        Some(Overlay::Help) => {
            let max =
                layout::help::plan(&shared.theme, shared.screen(), app.help_here()).max_scroll();
            app.overlay_scroll = app.overlay_scroll.min(max);
        }
        Some(Overlay::Notice) => {
            let plan = layout::notice::plan(&shared.theme, shared.screen(), &app.notice_panel);
            app.overlay_scroll = app.overlay_scroll.min(plan.max_scroll());
        }
        Some(Overlay::Note) => note::settle(app),
        _ => {}
    }
}
