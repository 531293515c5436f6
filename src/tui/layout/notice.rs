//! The plan of what to know before going on, over the screen: the session resumed, a question
//! tree that changed since, the answers set aside.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use techhire::text::terminal_safe;

use super::scroll_box::{self, BoxPlan};
use crate::tui::theme::Theme;
use crate::tui::wrap::{wrap, wrap_indented};

/// The notice's `paragraphs` over `screen` (lines starting `  - ` are items of a list).
pub fn plan(theme: &Theme, screen: Rect, paragraphs: &[String]) -> BoxPlan {
    scroll_box::plan(screen, |width| lines(theme, paragraphs, width))
}

/// The paragraphs, wrapped: a blank row between paragraphs, none between the items of a list.
fn lines(theme: &Theme, paragraphs: &[String], width: usize) -> Vec<Line<'static>> {
    let mut out: Vec<Line<'static>> = Vec::new();
    for (i, paragraph) in paragraphs.iter().enumerate() {
        let item = paragraph.strip_prefix("  - ");
        if i > 0 && item.is_none() {
            out.push(Line::default());
        }
        let style = if i == 0 { theme.heading } else { theme.text };
        match item {
            Some(item) => out.extend(wrap_indented(
                Span::styled("  • ", theme.muted),
                &[Span::styled(terminal_safe(item).into_owned(), theme.text)],
                width,
            )),
            None => out.extend(wrap(
                &[Span::styled(terminal_safe(paragraph).into_owned(), style)],
                width,
            )),
        }
    }
    out
}
