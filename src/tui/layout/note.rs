//! The note editor's plan: a box over the screen with the question the note is on (cut to two
//! rows) and the text area, whose width is where the note wraps.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use techhire::text::terminal_safe;

use super::centered;
use crate::tui::shared::Shared;
use crate::tui::transition::NoteOn;
use crate::tui::wrap::{truncate, wrap};

const WIDTH: u16 = 80;
const HEIGHT: u16 = 20;
/// Rows the question takes at the top of the box, at the most.
const PROMPT_ROWS: usize = 2;

/// Where the editor's parts go.
pub struct Plan {
    pub outer: Rect,
    pub prompt: Rect,
    pub text: Rect,
    /// The question the note is on, wrapped.
    pub prompt_lines: Vec<Line<'static>>,
}

impl Plan {
    /// The columns the text wraps at: one fewer than the area, so the cursor fits after a
    /// full row.
    pub fn text_width(&self) -> usize {
        usize::from(self.text.width.saturating_sub(1)).max(1)
    }

    /// The rows of text in view.
    pub fn text_height(&self) -> usize {
        usize::from(self.text.height)
    }
}

/// Lays out the editor for a note on a question or the interview, over the whole screen.
pub fn plan(shared: &Shared, on: NoteOn) -> Plan {
    let outer = centered(
        shared.screen(),
        WIDTH.min(shared.width.saturating_sub(4)),
        HEIGHT.min(shared.height.saturating_sub(2)),
    );
    let inner = Rect::new(
        outer.x + 2,
        outer.y + 1,
        outer.width.saturating_sub(5),
        outer.height.saturating_sub(2),
    );
    let prompt_lines = prompt(shared, on, usize::from(inner.width));
    let prompt = Rect {
        height: (prompt_lines.len() as u16).min(inner.height),
        ..inner
    };
    let text = Rect::new(
        inner.x,
        prompt.bottom() + 1,
        inner.width,
        inner.bottom().saturating_sub(prompt.bottom() + 1),
    );
    Plan {
        outer,
        prompt,
        text,
        prompt_lines,
    }
}

/// The question the note is on, cut to two rows.
fn prompt(shared: &Shared, on: NoteOn, width: usize) -> Vec<Line<'static>> {
    let muted = shared.theme.muted;
    let text = match on {
        NoteOn::Question(question) => {
            terminal_safe(&shared.tree().question(question).prompt).into_owned()
        }
        NoteOn::Interview => "On the interview as a whole".to_string(),
    };
    let mut lines = wrap(&[Span::styled(text, muted)], width);
    if lines.len() > PROMPT_ROWS {
        let cut = lines[PROMPT_ROWS - 1].to_string() + " …";
        lines.truncate(PROMPT_ROWS - 1);
        lines.push(Line::from(Span::styled(truncate(&cut, width), muted)));
    }
    lines
}
