//! The full-screen interview: a ratatui + crossterm front end on the engine, in the Elm
//! architecture. `keys` maps a key to an `Action`; `app::update` hands it to the screen shown
//! (`screens/`) or the box over it (`overlays/`), each owning its state, and makes the
//! `Transition` it returns; `layout` works out where things go, for `update` and `ui` alike;
//! `ui` draws and changes nothing; `host` is what the program around it does for it (save,
//! resume, write reports), asked for as `Effect`s and answered as `Reply`s; `terminal` sets
//! the terminal up and always restores it. `run` is the loop that joins them: it blocks on the
//! next event and redraws after it, so an idle interview uses no CPU.

mod action;
mod app;
mod editor;
mod host;
mod keys;
mod layout;
mod overlays;
mod reveal;
mod room;
mod screens;
mod scroll;
mod shared;
mod terminal;
mod theme;
mod transition;
mod ui;
mod wrap;

#[cfg(test)]
mod tests;

use std::time::Duration;

use crossterm::event::{self, Event};
use techhire::Interview;
use techhire::session::Saved;

pub use app::Ending;
use app::{Action, App, reply, update};
use host::perform;
pub use host::{Choose, Draft, Host, Listed, Reply, RoomNews, Start};
pub use reveal::Reveal;
pub use room::{Beside, Room, RoomRequest, Seat, Stage};
pub use terminal::on_signal;
use theme::Theme;
pub use theme::ThemeName;

/// How the interview looks.
#[derive(Debug, Clone, Default)]
pub struct TuiOptions {
    /// The theme asked for; `None` picks one from `NO_COLOR` and `COLORFGBG`.
    pub theme: Option<ThemeName>,
    /// Where reports are written, to say so in the report box.
    pub report_folder: Option<String>,
    /// For the interview a workshop's room answers together (`workshop agree`): how each
    /// person answered in the latest round, shown beside each question as in the room.
    pub beside: Option<std::sync::Arc<Beside>>,
    /// Why writing the report is not offered, when it is not: a workshop respondent's session
    /// before the reveal. `e` is then left out of the footer and the key list.
    pub reports_wait: Option<String>,
}

/// Why the full-screen interview could not run.
#[derive(Debug, thiserror::Error)]
pub enum TuiError {
    #[error("the terminal could not be used for the full-screen interview: {0}")]
    Terminal(#[from] std::io::Error),
}

/// Runs an interview (new or resumed, or the start screen first) full-screen until the user
/// leaves. The host saves after every change of answers, and does what the user asks of files:
/// a note saved, another session opened, a report written. Returns how it ended and the
/// interview as it stands (which may be another session's, if one was resumed).
pub fn run(
    start: Start,
    options: TuiOptions,
    host: &mut impl Host,
) -> Result<(Ending, Interview), TuiError> {
    let theme = pick_theme(options.theme);
    let mut session = terminal::Session::start()?;
    let (width, height) = session.size();
    let mut app = App::begin(start, theme, width, height);
    app.shared.report_folder = options.report_folder;
    app.shared.beside = options.beside;
    app.shared.reports_wait = options.reports_wait;
    run_app(app, &mut session, host)
}

/// Shows a revealed workshop full-screen, its combined result first and then the compare
/// grid, until the user leaves. Nothing there changes a file.
pub fn compare(
    reveal: reveal::Reveal,
    client: Option<String>,
    notice: Vec<String>,
    options: TuiOptions,
) -> Result<Ending, TuiError> {
    let theme = pick_theme(options.theme);
    let mut session = terminal::Session::start()?;
    let (width, height) = session.size();
    let app = App::reveal(
        std::sync::Arc::new(reveal),
        client,
        notice,
        theme,
        width,
        height,
    );
    run_app(app, &mut session, &mut host::Viewer).map(|(ending, _)| ending)
}

/// The theme asked for, or one from `NO_COLOR` and `COLORFGBG`.
fn pick_theme(name: Option<ThemeName>) -> Theme {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let colorfgbg = std::env::var("COLORFGBG").ok();
    Theme::pick(name, no_color, colorfgbg.as_deref())
}

/// The loop: draws, blocks on the next event, applies it, has the host do what it asked, and
/// draws again, until the user leaves.
fn run_app(
    mut app: App,
    session: &mut terminal::Session,
    host: &mut impl Host,
) -> Result<(Ending, Interview), TuiError> {
    session.draw(|frame| ui::view(&app, frame))?;
    session.watch_signals();
    // What need not hold up the first frame is done now (the start screen's sessions, listed
    // as the folder's index has them, checked against their files; a new session's file
    // written), and the screen drawn again if it changes anything. Keys typed meanwhile wait
    // in the terminal, and act on what it changed.
    let news = host.first_frame();
    if !news.is_empty() {
        for news in news {
            reply(&mut app, news);
        }
        session.draw(|frame| ui::view(&app, frame))?;
    }
    let (width, height) = session.watch_resizes()?;
    let mut next =
        Some(Action::Resize { width, height }).filter(|_| (width, height) != session.size());
    // A frame left undrawn because more input was waiting, which may turn out to mean nothing
    // (a mouse button's release, the mouse moving): drawn before waiting for more.
    let mut undrawn = false;
    loop {
        let action = match next.take() {
            Some(action) => action,
            None => match next_action(&app) {
                Ok(Some(action)) => action,
                Ok(None) => {
                    if undrawn && !event::poll(Duration::from_micros(1))? {
                        session.draw(|frame| ui::view(&app, frame))?;
                        undrawn = false;
                    }
                    continue;
                }
                Err(e) => {
                    // The terminal is gone (a hang-up, say): keep the note being written.
                    apply(&mut app, host, Action::QuitNow);
                    return Err(e.into());
                }
            },
        };
        if let Action::Resize { width, height } = action {
            session.resize(width, height)?;
        }
        let changed = apply(&mut app, host, action);
        if let Some(ending) = app.ending {
            if changed {
                save_answers(&mut app, host);
            }
            return Ok((ending, app.shared.interview));
        }
        if std::mem::take(&mut app.suspend) {
            session.suspend()?;
        }
        session.set_mouse(app.mouse)?;
        // Keys already waiting (a paste without bracketed paste, a held key, keys typed during
        // a slow save) are applied before the screen is drawn: one frame for the lot. (Not
        // `Duration::ZERO`: crossterm's /dev/tty reader returns at once for a zero timeout
        // without looking at what it has read; a microsecond is rounded down to a poll(2)
        // that does not wait.)
        undrawn = !changed && event::poll(Duration::from_micros(1))?;
        if !undrawn {
            session.draw(|frame| ui::view(&app, frame))?;
        }
        // The answer is on screen at once; the save (two fsyncs) follows before the next key
        // is read, and the screen changes again only when the save has something to say.
        if changed && save_answers(&mut app, host) {
            session.draw(|frame| ui::view(&app, frame))?;
        }
    }
}

/// One turn of the loop, as tests drive it: applies an action, has the host do what it asked
/// for, and saves the answers if they changed.
#[cfg(test)]
fn step(app: &mut App, host: &mut impl Host, action: Action) {
    if apply(app, host, action) {
        save_answers(app, host);
    }
}

/// Applies an action and has the host do what it asked for, in order, each reply applied
/// before the next; tells the host when the note being written changed. Returns whether the
/// answers changed, so the caller saves them.
fn apply(app: &mut App, host: &mut impl Host, action: Action) -> bool {
    let before = app.shared.interview.all_answers();
    let draft = app.draft();
    update(app, action);
    // Compared before the effects: resuming another session replaces the interview without
    // changing an answer of it.
    let changed = app.shared.interview.all_answers() != before;
    for effect in std::mem::take(&mut app.shared.effects) {
        let answer = perform(host, &app.shared.interview, effect);
        reply(app, answer);
    }
    let now = app.draft();
    if now != draft {
        host.keep_draft(now.as_ref());
    }
    changed
}

/// Saves the answers; true when the outcome is worth showing (a failure, or saved again).
fn save_answers(app: &mut App, host: &mut impl Host) -> bool {
    let saved = host.record(&app.shared.interview);
    let news = !matches!(saved, Saved::Quietly | Saved::StillFailing);
    reply(app, Reply::Saved(saved));
    news
}

/// Blocks until the next event and says what it asks for; `None` for one that means nothing
/// here (mouse movement, a button's release, focus changes, text pasted where no text goes),
/// which the loop passes over without a redraw unless a frame is owed.
fn next_action(app: &App) -> std::io::Result<Option<Action>> {
    Ok(match event::read()? {
        Event::Key(key) => keys::action_for(app.context(), key),
        Event::Mouse(mouse) => keys::mouse_action(mouse),
        Event::Resize(width, height) => Some(Action::Resize { width, height }),
        Event::Paste(text) => keys::paste_action(app.context(), text),
        _ => None,
    })
}
