//! The start screen's plan: the intro, the two names, "Start the interview", the saved
//! sessions and, when a session could not be opened, why; and what is under a point.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use techhire::text::terminal_safe_multiline;

use std::cell::Cell;

use techhire::text::terminal_safe;

use super::contains;
use crate::tui::host::Listed;
use crate::tui::theme::Theme;
use crate::tui::wrap::{self, wrap};

/// The most rows an error from opening a session takes.
pub const ERROR_ROWS: usize = 4;

/// The parts of the start screen that take the focus, top to bottom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Client,
    Consultant,
    /// "Start the interview".
    Begin,
    /// A saved session, by its place in the list.
    Saved(usize),
}

impl Focus {
    /// The names are text fields: keys type into them.
    pub fn is_field(self) -> bool {
        matches!(self, Focus::Client | Focus::Consultant)
    }
}

/// Where the start screen's parts go.
pub struct Plan {
    pub intro: Rect,
    pub client: Rect,
    pub consultant: Rect,
    pub begin: Rect,
    pub saved_title: Rect,
    pub list: Rect,
    pub bar: Rect,
    pub error: Rect,
}

/// Lays the start screen out in `area`, the body, with room for `error` (why the last session
/// picked could not be opened) under the list.
pub fn plan(theme: &Theme, area: Rect, error: Option<&str>) -> Plan {
    let x = area.x + 1;
    let width = area.width.saturating_sub(3);
    let row = |y: u16, height: u16| Rect::new(x, y, width, height).intersection(area);
    let intro = row(area.y, 2);
    let client = row(area.y + 3, 1);
    let consultant = row(area.y + 4, 1);
    let begin = row(area.y + 6, 1);
    let saved_title = row(area.y + 8, 2);
    let error_rows = error.map_or(0, |e| {
        error_lines(theme, e, usize::from(width))
            .len()
            .min(ERROR_ROWS) as u16
            + 1
    });
    let list_top = saved_title.bottom();
    let list_rows = area
        .bottom()
        .saturating_sub(list_top)
        .saturating_sub(error_rows);
    let list = row(list_top, list_rows);
    let error =
        Rect::new(x, list.bottom() + 1, width, error_rows.saturating_sub(1)).intersection(area);
    Plan {
        intro,
        client,
        consultant,
        begin,
        saved_title,
        list,
        bar: Rect::new(area.right().saturating_sub(1), list.y, 1, list.height),
        error,
    }
}

/// Why a session could not be opened, wrapped.
pub fn error_lines(theme: &Theme, error: &str, width: usize) -> Vec<Line<'static>> {
    let text = format!(
        "Could not open that session: {}",
        terminal_safe_multiline(error)
    );
    wrap(&[Span::styled(text, theme.warn)], width)
}

impl Plan {
    /// What is under a point: a name's field, the start button or one of `saved` sessions,
    /// the list scrolled to `offset`.
    pub fn target_at(&self, saved: usize, offset: usize, column: u16, row: u16) -> Option<Focus> {
        if contains(self.client, column, row) {
            return Some(Focus::Client);
        }
        if contains(self.consultant, column, row) {
            return Some(Focus::Consultant);
        }
        if contains(self.begin, column, row) {
            return Some(Focus::Begin);
        }
        if !contains(self.list, column, row) {
            return None;
        }
        let index = offset + usize::from(row - self.list.y);
        (index < saved).then_some(Focus::Saved(index))
    }
}

/// The widest cell of each column of the saved sessions (their titles included), measured once
/// per listing, so a key costs the same with 10,000 sessions as with 20. Times are formatted
/// only for the rows shown, so their column is measured on those and widens if a wider one
/// comes into view (every time has the same shape; only a zone's abbreviation could differ).
#[derive(Debug)]
pub struct Widths {
    pub client: usize,
    pub progress: usize,
    /// The progress column when it also holds a finished session's outcome.
    pub merged: usize,
    pub updated: Cell<usize>,
}

impl Widths {
    pub fn measure(saved: &[Listed]) -> Widths {
        let mut widths = Widths {
            client: wrap::width("CLIENT"),
            progress: wrap::width("PROGRESS"),
            merged: wrap::width("PROGRESS"),
            updated: Cell::new(wrap::width("UPDATED")),
        };
        for listed in saved.iter().filter(|l| l.problem.is_none()) {
            let client = shown_width(&listed.client);
            let progress = shown_width(&listed.progress);
            let merged = listed
                .outcome
                .as_deref()
                .map_or(progress, |o| 2 + shown_width(o));
            widths.client = widths.client.max(client);
            widths.progress = widths.progress.max(progress);
            widths.merged = widths.merged.max(merged);
        }
        widths
    }

    /// Widens the time's column to fit `time`.
    pub fn fit_time(&self, time: &str) {
        self.updated.set(self.updated.get().max(wrap::width(time)));
    }
}

/// The columns `text` takes once made safe for the terminal. Printable ASCII (most names) is
/// shown as it is, a column a byte: 10,000 sessions are measured without a character walk.
fn shown_width(text: &str) -> usize {
    if techhire::text::is_printable_ascii(text) {
        text.len()
    } else {
        wrap::width(&terminal_safe(text))
    }
}
