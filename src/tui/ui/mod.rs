//! Drawing: `view` paints the whole screen from the `App` and changes nothing. Each screen's
//! layout is a public function of the `App`, so `update` hit-tests clicks and bounds scrolling
//! with exactly the geometry that is drawn.

pub mod export;
pub mod help;
pub mod note;
pub mod notice;
pub mod question;
pub mod quit;
pub mod result;
pub mod review;
mod scroll_box;
pub mod start;
pub mod too_small;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::app::{App, Overlay, Screen};
use super::keys::{self, Context};
use super::theme::Theme;
use super::wrap;

/// Below this size the screens cannot be laid out well; a message asks for more room.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

/// Whether a screen this size is below the minimum the screens are laid out for.
pub fn too_small(width: u16, height: u16) -> bool {
    width < MIN_WIDTH || height < MIN_HEIGHT
}

/// Draws the whole screen.
pub fn view(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let buf = frame.buffer_mut();
    if too_small(area.width, area.height) {
        too_small::render(app, area, buf);
        return;
    }
    let [head, body, foot] = areas(area);
    header(app, head, buf);
    let mut cursor = None;
    match app.screen {
        Screen::Start => cursor = start::render(app, body, buf),
        Screen::Question => question::render(app, body, buf),
        Screen::Review => review::render(app, body, buf),
        Screen::Result => result::render(app, body, buf),
    }
    footer(app, foot, buf);
    match app.overlay {
        Some(Overlay::Help) => help::render(app, area, buf),
        Some(Overlay::Quit) => quit::render(app, area, buf),
        Some(Overlay::Notice) => notice::render(app, area, buf),
        Some(Overlay::Note) => cursor = note::render(app, area, buf),
        Some(Overlay::Export) => export::render(app, area, buf),
        None => {}
    }
    // Only a text being typed shows the cursor; a box over it hides it.
    let typing = matches!(
        app.context(),
        Context::StartField | Context::Note | Context::NoteConfirm
    );
    if let Some(at) = cursor.filter(|_| typing) {
        frame.set_cursor_position(at);
    }
}

/// The header (title and progress, two rows), the body, and the footer (keys, one row).
pub fn areas(area: Rect) -> [Rect; 3] {
    let head = Rect {
        height: area.height.min(2),
        ..area
    };
    let foot = Rect {
        y: area.bottom().saturating_sub(1),
        height: area.height.saturating_sub(head.height).min(1),
        ..area
    };
    let body = Rect {
        y: head.bottom(),
        height: area.height.saturating_sub(head.height + foot.height),
        ..area
    };
    [head, body, foot]
}

/// The body of the screen at the app's current size.
pub fn body(app: &App) -> Rect {
    areas(Rect::new(0, 0, app.width, app.height))[1]
}

/// The tree's title and how far along the interview is, over a gauge.
fn header(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let progress = app.interview.progress();
    let status = if app.screen == Screen::Start {
        "new interview".to_string()
    } else if app.interview.is_finished() {
        format!("{} answered · done", progress.answered)
    } else if progress.fewest_left == progress.most_left {
        format!(
            "{} answered · {} to go",
            progress.answered, progress.most_left
        )
    } else {
        format!(
            "{} answered · {}–{} to go",
            progress.answered, progress.fewest_left, progress.most_left
        )
    };
    let unsaved = if app.unsaved.is_some() {
        "⚠ not saved · "
    } else {
        ""
    };
    let width = usize::from(area.width.saturating_sub(2));
    let status_width = wrap::width(unsaved) + wrap::width(&status);
    let title = match &app.client {
        Some(client) => format!("{} · {}", client, app.tree().meta().title),
        None => app.tree().meta().title.clone(),
    };
    let title = techhire::text::terminal_safe(&title);
    let title = wrap::truncate(&title, width.saturating_sub(status_width + 2));
    let gap = width.saturating_sub(wrap::width(&title) + status_width);
    let line = Line::from(vec![
        Span::raw(" "),
        Span::styled(title, theme.heading),
        Span::raw(" ".repeat(gap)),
        Span::styled(unsaved, theme.warn),
        Span::styled(status, theme.muted),
    ]);
    line.render(Rect { height: 1, ..area }, buf);
    if area.height > 1 {
        let inner = usize::from(area.width.saturating_sub(2));
        let ratio = if app.interview.is_finished() {
            1.0
        } else {
            progress.ratio()
        };
        let filled = ((inner as f64) * ratio).round() as usize;
        let gauge = Line::from(vec![
            Span::raw(" "),
            Span::styled("━".repeat(filled), theme.filled),
            Span::styled("─".repeat(inner - filled.min(inner)), theme.unfilled),
        ]);
        gauge.render(Rect::new(area.x, area.y + 1, area.width, 1), buf);
    }
}

/// The most rows a notice in the footer takes, growing up over the body.
const NOTICE_ROWS: usize = 3;

/// The keys that work here, from the key table, or a one-off notice (wrapped over up to three
/// rows, so a message that says what to do is read whole).
fn footer(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    if let Some(notice) = &app.notice {
        let width = usize::from(area.width).saturating_sub(2).max(1);
        let text = techhire::text::terminal_safe(notice).into_owned();
        let mut lines = wrap::wrap(&[Span::styled(text, theme.warn)], width);
        if lines.len() > NOTICE_ROWS {
            let cut = format!("{} …", lines[NOTICE_ROWS - 1]);
            lines.truncate(NOTICE_ROWS - 1);
            lines.push(Line::from(Span::styled(
                wrap::truncate(&cut, width),
                theme.warn,
            )));
        }
        let rows = (lines.len() as u16).min(area.y + 1);
        let top = (area.y + 1).saturating_sub(rows);
        let rect = Rect::new(area.x, top, area.width, rows);
        ratatui::widgets::Clear.render(rect, buf);
        let inner = Rect::new(area.x + 1, top, area.width.saturating_sub(1), rows);
        draw_lines(buf, inner, &lines, 0);
        return;
    }
    let context = app.context();
    let on_screen = matches!(
        context,
        Context::Question | Context::Review | Context::Result
    );
    let entries: Vec<_> = keys::footer(context)
        .filter(|(binding, _, _)| !on_screen || app.offers(&binding.action))
        .map(|(binding, key, does)| {
            let width = wrap::width(key) + 1 + wrap::width(does) + 2;
            (keys::everywhere(binding), key, does, width)
        })
        .collect();
    // The keys that work everywhere (help, quit) always show; the others as room allows.
    let mut room = usize::from(area.width).saturating_sub(1);
    room = room.saturating_sub(entries.iter().filter(|e| e.0).map(|e| e.3).sum());
    let mut spans = vec![Span::raw(" ")];
    for (everywhere, key, does, width) in entries {
        if !everywhere {
            if width > room {
                continue;
            }
            room -= width;
        }
        spans.push(Span::styled(key, theme.key));
        spans.push(Span::styled(format!(" {does}  "), theme.muted));
    }
    Line::from(spans).render(area, buf);
}

/// Draws `lines` into `area` one per row, starting at line `offset`; a line's own style (a
/// highlight) fills its whole row.
pub fn draw_lines(buf: &mut Buffer, area: Rect, lines: &[Line<'_>], offset: usize) {
    for (row, line) in (area.y..area.bottom()).zip(lines.iter().skip(offset)) {
        let rect = Rect::new(area.x, row, area.width, 1);
        buf.set_style(rect, line.style);
        line.render(rect, buf);
    }
}

/// A one-column scrollbar, drawn only when the text is longer than its space.
pub fn scrollbar(buf: &mut Buffer, area: Rect, total: usize, offset: usize, theme: &Theme) {
    let visible = usize::from(area.height);
    if total <= visible || visible == 0 {
        return;
    }
    let thumb = (visible * visible / total).clamp(1, visible);
    let max_offset = total - visible;
    let start = (offset.min(max_offset) * (visible - thumb) + max_offset / 2) / max_offset;
    for i in 0..visible {
        let (symbol, style) = if (start..start + thumb).contains(&i) {
            ("┃", theme.accent)
        } else {
            ("│", theme.border)
        };
        buf.set_string(area.x, area.y + i as u16, symbol, style);
    }
}

/// A `width` x `height` box in the middle of `area`, shrunk to fit.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}

/// The scroll offset that keeps lines `start..end` in a view `visible` rows tall, moving as
/// little as possible from `offset`.
pub fn keep_in_view(offset: usize, start: usize, end: usize, visible: usize) -> usize {
    if start < offset {
        start
    } else if end > offset + visible {
        end.saturating_sub(visible).min(start)
    } else {
        offset
    }
}

/// A section heading in the body's style.
pub fn heading(text: &str, theme: &Theme) -> Line<'static> {
    Line::from(Span::styled(text.to_string(), theme.heading))
}

/// A bulleted item, wrapped with a hanging indent.
pub fn bullet(text: &str, style: Style, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let text = techhire::text::terminal_safe(text);
    wrap::wrap_indented(
        Span::styled("• ", theme.muted),
        &[Span::styled(text.into_owned(), style)],
        width,
    )
}

/// A note, marked ✎, wrapped with a hanging indent and cut to `rows` rows (0: no limit); the
/// note's own line breaks are kept.
pub fn note_lines(note: &str, width: usize, rows: usize, theme: &Theme) -> Vec<Line<'static>> {
    let text = techhire::text::terminal_safe_multiline(note.trim()).into_owned();
    let mut lines = wrap::wrap_indented(
        Span::styled("✎ ", theme.accent),
        &[Span::styled(text, theme.muted)],
        width,
    );
    if rows > 0 && lines.len() > rows {
        lines.truncate(rows);
        if let Some(last) = lines.last_mut() {
            let cut = wrap::truncate(&format!("{last} …"), width);
            let (marker, rest) =
                cut.split_at(cut.find(|c: char| c != '✎' && c != ' ').unwrap_or(0));
            *last = Line::from(vec![
                Span::styled(marker.to_string(), theme.accent),
                Span::styled(rest.to_string(), theme.muted),
            ]);
        }
    }
    lines
}

/// Whether a point lies inside a rectangle.
pub fn contains(area: Rect, column: u16, row: u16) -> bool {
    column >= area.x && column < area.right() && row >= area.y && row < area.bottom()
}
