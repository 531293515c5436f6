//! The interview screen's state and everything that changes it: one `App`, the `Action`s a key,
//! a click or a resize turns into, and `update`, which applies one action. No drawing and no
//! terminal here, so every flow can be tested by feeding actions; the decisions themselves come
//! from the engine's `Interview` and `Recommendation`.

use techhire::{Interview, Recommendation, Tree};

use super::keys::Context;
use super::theme::Theme;
use super::ui;

/// Something the user asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    /// Enter: answer, or open what is highlighted.
    Confirm,
    /// A digit key: answer with that choice (1-based).
    Number(u8),
    Back,
    Forward,
    /// Open or close the list of keys.
    Help,
    /// Ask "leave the interview?".
    AskQuit,
    /// Yes, leave.
    Leave,
    /// No, stay.
    Stay,
    /// Ctrl-C: leave without asking.
    QuitNow,
    /// Ctrl-Z: hand the terminal back to the shell until `fg`.
    Suspend,
    ToggleMouse,
    Resize {
        width: u16,
        height: u16,
    },
    Click {
        column: u16,
        row: u16,
    },
    Wheel {
        down: bool,
        column: u16,
        row: u16,
    },
}

/// The screens, in the order a user meets them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Question,
    Review,
    Result,
}

/// A box drawn over the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help,
    Quit,
}

/// How the interview was left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// The user chose to leave.
    Quit,
    /// Ctrl-C.
    Interrupted,
}

/// Lines the wheel scrolls at a time.
const WHEEL_LINES: usize = 3;

/// Everything on screen, and the interview behind it.
pub struct App {
    pub interview: Interview,
    pub theme: Theme,
    pub width: u16,
    pub height: u16,
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
    pub question_plan: Option<ui::question::Plan>,
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
}

impl App {
    /// An interview at its first question, laid out for a `width` x `height` screen.
    #[cfg(test)]
    pub fn new(tree: std::sync::Arc<Tree>, theme: Theme, width: u16, height: u16) -> App {
        App::with_interview(Interview::new(tree), theme, width, height)
    }

    /// An interview already under way (a resumed session), laid out for the screen.
    pub fn with_interview(interview: Interview, theme: Theme, width: u16, height: u16) -> App {
        let mut app = App {
            interview,
            theme,
            width,
            height,
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
        };
        settle(&mut app);
        app
    }

    /// The question tree being asked.
    pub fn tree(&self) -> &Tree {
        self.interview.tree()
    }

    /// Where keys are being pressed.
    pub fn context(&self) -> Context {
        if ui::too_small(self.width, self.height) {
            return Context::TooSmall;
        }
        match (self.overlay, self.screen) {
            (Some(Overlay::Quit), _) => Context::Quit,
            (Some(Overlay::Help), _) => Context::Help,
            (None, Screen::Question) => Context::Question,
            (None, Screen::Review) => Context::Review,
            (None, Screen::Result) => Context::Result,
        }
    }

    /// Whether an action would do anything right now, so the footer offers only what works.
    pub fn offers(&self, action: Action) -> bool {
        match (self.screen, action) {
            (Screen::Question, Action::Back) => self.interview.cursor() > 0,
            (Screen::Question, Action::Forward) => {
                self.interview.cursor() < self.interview.path().len()
            }
            _ => true,
        }
    }

    fn choices(&self) -> usize {
        self.interview
            .current()
            .map_or(0, |q| self.tree().question(q).choices.len())
    }

    fn show_question(&mut self) {
        self.screen = Screen::Question;
        self.choice = self.interview.selected().unwrap_or(0);
        self.choice_offset = 0;
        self.help_scroll = 0;
    }

    fn show_review(&mut self) {
        self.screen = Screen::Review;
        self.review = self.interview.path().len();
        self.review_offset = 0;
        self.from_review = false;
    }

    fn show_result(&mut self) {
        if let Some(result) = self.interview.result() {
            self.result = Some(result);
            self.screen = Screen::Result;
            self.result_scroll = 0;
        }
    }

    /// Answers the current question. After a change made from the review, the interview skips
    /// over answers already given to the first question still unanswered, and returns to the
    /// review when there is none.
    fn answer(&mut self, choice: usize) {
        if self.interview.answer(choice).is_err() {
            return;
        }
        if self.from_review {
            self.interview.go_to_frontier();
        }
        if self.interview.current().is_some() {
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
            app.width = width;
            app.height = height;
        }
        Action::QuitNow => app.ending = Some(Ending::Interrupted),
        Action::Suspend => app.suspend = true,
        Action::ToggleMouse => {
            app.mouse = !app.mouse;
            app.notice = Some(if app.mouse {
                "Mouse on: click to choose, scroll with the wheel.".into()
            } else {
                "Mouse off: the terminal selects text again; m turns it back on.".into()
            });
        }
        Action::Click { column, row } => click(app, column, row),
        Action::Wheel { down, column, row } => wheel(app, down, column, row),
        _ => match app.context() {
            Context::Question => on_question(app, action),
            Context::Review => on_review(app, action),
            Context::Result => on_result(app, action),
            Context::Help => on_help(app, action),
            Context::Quit => match action {
                Action::Leave => app.ending = Some(Ending::Quit),
                Action::Stay => app.overlay = None,
                _ => {}
            },
            Context::TooSmall => {}
        },
    }
    settle(app);
}

fn on_question(app: &mut App, action: Action) {
    let last = app.choices().saturating_sub(1);
    match action {
        Action::Up => app.choice = app.choice.saturating_sub(1),
        Action::Down => app.choice = (app.choice + 1).min(last),
        Action::Top => app.choice = 0,
        Action::Bottom => app.choice = last,
        Action::PageUp | Action::PageDown => {
            let page = ui::question::help_page(app);
            app.help_scroll = if action == Action::PageUp {
                app.help_scroll.saturating_sub(page)
            } else {
                app.help_scroll + page
            };
        }
        Action::Confirm => app.answer(app.choice),
        Action::Number(n) => {
            let count = app.choices();
            match usize::from(n).checked_sub(1) {
                Some(i) if i < count => app.answer(i),
                _ => {
                    app.notice = Some(format!(
                        "There are {count} choices here: press 1 to {}.",
                        count.min(9)
                    ))
                }
            }
        }
        Action::Back => {
            if app.interview.back() {
                app.show_question();
            } else {
                app.notice = Some("This is the first question.".into());
            }
        }
        Action::Forward => {
            if !app.interview.forward() {
                app.notice = Some("Choose an answer to go on.".into());
            } else if app.interview.current().is_some() {
                app.show_question();
            } else {
                app.show_review();
            }
        }
        Action::Help => open(app, Overlay::Help),
        Action::AskQuit => open(app, Overlay::Quit),
        _ => {}
    }
}

fn on_review(app: &mut App, action: Action) {
    let button = app.interview.path().len();
    match action {
        Action::Up => app.review = app.review.saturating_sub(1),
        Action::Down => app.review = (app.review + 1).min(button),
        Action::Top => app.review = 0,
        Action::Bottom => app.review = button,
        Action::Confirm if app.review >= button => app.show_result(),
        Action::Confirm => {
            let question = app.interview.path()[app.review].question;
            if app.interview.go_to(question).is_ok() {
                app.show_question();
                app.from_review = true;
            }
        }
        Action::Forward => app.show_result(),
        Action::Back if app.interview.back() => app.show_question(),
        Action::Help => open(app, Overlay::Help),
        Action::AskQuit => open(app, Overlay::Quit),
        _ => {}
    }
}

fn on_result(app: &mut App, action: Action) {
    let page = ui::result::page(app);
    let scroll = &mut app.result_scroll;
    match action {
        Action::Up => *scroll = scroll.saturating_sub(1),
        Action::Down => *scroll += 1,
        Action::PageUp => *scroll = scroll.saturating_sub(page),
        Action::PageDown => *scroll += page,
        Action::Top => *scroll = 0,
        Action::Bottom => *scroll = usize::MAX,
        Action::Back => {
            app.screen = Screen::Review;
            app.review = app.interview.path().len();
        }
        Action::Help => open(app, Overlay::Help),
        Action::AskQuit => open(app, Overlay::Quit),
        _ => {}
    }
}

fn on_help(app: &mut App, action: Action) {
    let page = ui::help::page(app);
    let scroll = &mut app.overlay_scroll;
    match action {
        Action::Up => *scroll = scroll.saturating_sub(1),
        Action::Down => *scroll += 1,
        Action::PageUp => *scroll = scroll.saturating_sub(page),
        Action::PageDown => *scroll += page,
        Action::Help => app.overlay = None,
        _ => {}
    }
}

fn open(app: &mut App, overlay: Overlay) {
    app.overlay = Some(overlay);
    app.overlay_scroll = 0;
}

/// A click highlights a choice or an answer; a click on what is already highlighted picks it,
/// so pointing at the screen while talking never answers by accident.
fn click(app: &mut App, column: u16, row: u16) {
    match app.context() {
        Context::Question => {
            if let Some(i) = ui::question::choice_at(app, column, row) {
                if i == app.choice {
                    app.answer(i);
                } else {
                    app.choice = i;
                }
            }
        }
        Context::Review => {
            if let Some(i) = ui::review::row_at(app, column, row) {
                if i == app.review {
                    on_review(app, Action::Confirm);
                } else {
                    app.review = i;
                }
            }
        }
        _ => {}
    }
}

/// The wheel scrolls the text under it; over a list it moves the highlight.
fn wheel(app: &mut App, down: bool, column: u16, row: u16) {
    let step = if down { Action::Down } else { Action::Up };
    match app.context() {
        Context::Question if ui::question::over_choices(app, column, row) => on_question(app, step),
        Context::Question => {
            app.help_scroll = scrolled(app.help_scroll, down);
        }
        Context::Review => on_review(app, step),
        Context::Result => app.result_scroll = scrolled(app.result_scroll, down),
        Context::Help => app.overlay_scroll = scrolled(app.overlay_scroll, down),
        _ => {}
    }
}

fn scrolled(at: usize, down: bool) -> usize {
    if down {
        at + WHEEL_LINES
    } else {
        at.saturating_sub(WHEEL_LINES)
    }
}

/// Brings the view state back within bounds for the current size: scroll positions no further
/// than the text goes, and the highlighted row in view.
fn settle(app: &mut App) {
    app.question_plan = None;
    if ui::too_small(app.width, app.height) {
        return;
    }
    match app.screen {
        Screen::Question => {
            app.question_plan = ui::question::plan(app, ui::body(app));
            let (offset, help_max) = ui::question::settled(app);
            app.choice_offset = offset;
            app.help_scroll = app.help_scroll.min(help_max);
        }
        Screen::Review => app.review_offset = ui::review::settled_offset(app),
        Screen::Result => app.result_scroll = app.result_scroll.min(ui::result::max_scroll(app)),
    }
    if app.overlay == Some(Overlay::Help) {
        app.overlay_scroll = app.overlay_scroll.min(ui::help::max_scroll(app));
    }
}
