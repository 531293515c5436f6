//! The `?` overlay: every key, per screen, generated from the key table.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Widget};

use super::{centered, draw_lines, scrollbar};
use crate::tui::app::{App, Screen};
use crate::tui::keys::{Binding, Context, MOUSE_HELP, bindings, everywhere};
use crate::tui::wrap::{self, wrap_indented};

const WIDTH: u16 = 78;

/// The sections of the list: the rows first bound on one screen each, then the rows that
/// work on every screen. The section for the screen the list was opened on comes first.
const SECTIONS: [(&str, Option<Context>); 6] = [
    ("On a question", Some(Context::Question)),
    ("Checking your answers", Some(Context::Review)),
    ("The recommendation", Some(Context::Result)),
    ("Writing a note", Some(Context::Note)),
    ("Starting", Some(Context::StartField)),
    ("Anywhere", None),
];

/// The section for the screen under the list.
fn here(app: &App) -> Context {
    match app.screen {
        Screen::Start => Context::StartField,
        Screen::Question => Context::Question,
        Screen::Review => Context::Review,
        Screen::Result => Context::Result,
    }
}

fn in_section(binding: &Binding, section: Option<Context>) -> bool {
    match section {
        _ if everywhere(binding) => section.is_none(),
        Some(context) => binding.contexts.first() == Some(&context),
        None => false,
    }
}

fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let here = here(app);
    let mut sections = SECTIONS.to_vec();
    sections.sort_by_key(|&(_, context)| context != Some(here));
    let mut rows: Vec<(&str, Vec<(&str, &str)>)> = sections
        .iter()
        .map(|&(title, section)| {
            let keys = bindings()
                .filter(|b| in_section(b, section))
                .filter_map(|b| b.help)
                .collect();
            (title, keys)
        })
        .collect();
    rows.push(("Mouse", MOUSE_HELP.to_vec()));
    let key_width = rows
        .iter()
        .flat_map(|(_, keys)| keys.iter().map(|(k, _)| wrap::width(k)))
        .max()
        .unwrap_or(0)
        + 2;
    let mut out = Vec::new();
    for (title, keys) in rows {
        if !out.is_empty() {
            out.push(Line::default());
        }
        out.push(Line::from(Span::styled(title, theme.heading)));
        for (key, does) in keys {
            let pad = key_width - wrap::width(key);
            out.extend(wrap_indented(
                Span::styled(format!("{key}{}", " ".repeat(pad)), theme.key),
                &[Span::styled(does, theme.text)],
                width,
            ));
        }
    }
    out
}

/// The box and the text area inside it.
fn boxes(app: &App, area: Rect) -> (Rect, Rect) {
    let width = WIDTH.min(area.width.saturating_sub(4));
    let inner_width = usize::from(width.saturating_sub(5));
    let wanted = lines(app, inner_width).len() as u16 + 2;
    let outer = centered(area, width, wanted.min(area.height.saturating_sub(2)));
    let inner = Rect::new(
        outer.x + 2,
        outer.y + 1,
        outer.width.saturating_sub(5),
        outer.height.saturating_sub(2),
    );
    (outer, inner)
}

fn screen(app: &App) -> Rect {
    Rect::new(0, 0, app.width, app.height)
}

/// How far the list can scroll at the current size.
pub fn max_scroll(app: &App) -> usize {
    let (_, inner) = boxes(app, screen(app));
    lines(app, usize::from(inner.width))
        .len()
        .saturating_sub(usize::from(inner.height))
}

/// Rows PgUp and PgDn move the list by.
pub fn page(app: &App) -> usize {
    usize::from(boxes(app, screen(app)).1.height.saturating_sub(1)).max(1)
}

/// Draws the list of keys over `area`, the whole screen.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let (outer, inner) = boxes(app, area);
    Clear.render(outer, buf);
    Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border)
        .title(Span::styled(" Keys ", theme.heading))
        .title_bottom(Line::from(Span::styled(" ? or Esc closes ", theme.muted)).right_aligned())
        .render(outer, buf);
    let lines = lines(app, usize::from(inner.width));
    let scroll = app
        .overlay_scroll
        .min(lines.len().saturating_sub(usize::from(inner.height)));
    draw_lines(buf, inner, &lines, scroll);
    let bar = Rect::new(outer.right().saturating_sub(2), inner.y, 1, inner.height);
    scrollbar(buf, bar, lines.len(), scroll, theme);
}
