//! Drawing: `view` paints the whole screen from the `App` and changes nothing. Where things go
//! comes from `layout`, the plans `update` also reads, so a click lands on what is drawn there.

mod compare;
mod export;
mod help;
mod note;
mod notice;
mod question;
mod quit;
mod result;
mod review;
mod room;
mod scroll_box;
mod start;
mod too_small;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{LineGauge, Widget};

use super::app::App;
use super::keys::{self, Context};
use super::layout::{self, areas, too_small};
use super::overlays::Overlay;
use super::room::Stage;
use super::screens::Screen;
use super::theme::Theme;
use super::wrap;

/// Draws the whole screen.
pub fn view(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let buf = frame.buffer_mut();
    if too_small(area.width, area.height) {
        too_small::render(&app.shared.theme, area, buf);
        return;
    }
    let [head, body, foot] = areas(area);
    header(app, head, buf);
    let shared = &app.shared;
    let theme = &shared.theme;
    let mut cursor = None;
    match &app.screen {
        Screen::Start(form) => cursor = start::render(form, theme, body, buf),
        Screen::Question(screen) => {
            if let Some(plan) = screen.plan_for(shared, body) {
                question::render(&plan, screen.offset, screen.help_scroll, theme, buf);
            }
        }
        Screen::Review(screen) => review::render(shared, screen.row, screen.offset, body, buf),
        Screen::Result(screen) => {
            let plan = screen.plan_for(shared, body);
            result::render(&plan, screen.scroll, theme, buf);
        }
        Screen::Combined(screen) => {
            let plan = screen.plan_for(shared, body);
            result::render(&plan, screen.scroll, theme, buf);
        }
        Screen::Compare(screen) => {
            let plan = screen.plan_for(shared, body);
            compare::render(&plan, screen.scroll(), screen.row, theme, buf);
        }
        Screen::Setup(screen) => cursor = room::setup(screen, theme, body, buf),
        Screen::Handover(screen) => {
            if let Some(room) = &shared.room {
                let page = layout::room::handover(room, screen.next, screen.thanked, theme, body);
                room::render(&page, buf);
            }
        }
    }
    footer(app, foot, buf);
    match &app.overlay {
        Some(Overlay::Help(help)) => help::render(&help.plan(shared), help.text.scroll, theme, buf),
        Some(Overlay::Quit) => {
            let leaving = if app.screen.reveal().is_some() {
                quit::Leaving::Workshop
            } else if shared.room.is_some() {
                quit::Leaving::Room
            } else {
                quit::Leaving::Interview
            };
            quit::render(leaving, theme, area, buf);
        }
        Some(Overlay::Notice(notice)) => {
            notice::render(&notice.plan(shared), notice.text.scroll, theme, buf);
        }
        Some(Overlay::Note(note)) => {
            cursor = note::render(note, &note.plan(shared), theme, area, buf);
        }
        Some(Overlay::Export(menu)) => export::render(menu, theme, area, buf),
        Some(Overlay::Reveal) => {
            if let Some(room) = &shared.room {
                room::confirm(room, theme, area, buf);
            }
        }
        Some(Overlay::NextRound) => {
            if let Some(room) = &shared.room {
                room::confirm_round(room, theme, area, buf);
            }
        }
        None => {}
    }
    // Only a text being typed shows the cursor; a box over it hides it.
    let typing = matches!(
        app.context(),
        Context::StartField | Context::SetupField | Context::Note | Context::NoteConfirm
    );
    if let Some(at) = cursor.filter(|_| typing) {
        frame.set_cursor_position(at);
    }
}

/// The tree's title and how far along the interview is, over a gauge.
fn header(app: &App, area: Rect, buf: &mut Buffer) {
    let shared = &app.shared;
    let theme = &shared.theme;
    let progress = shared.interview.progress();
    let workshop = app.screen.reveal().map(|r| &r.combined);
    let room = shared.room.as_ref();
    let between = matches!(app.screen, Screen::Handover(_));
    let status = if let Some(reveal) = app.screen.reveal() {
        // "3 people · round 2 · revealed early": an early reveal leaves people out.
        let people = reveal.combined.people();
        let round = match reveal.round {
            1 => String::new(),
            round => format!("round {round} · "),
        };
        let early = if reveal.left_out.is_empty() {
            ""
        } else {
            " early"
        };
        format!("{people} people · {round}revealed{early}")
    } else if matches!(app.screen, Screen::Setup(_)) {
        "new workshop".to_string()
    } else if let Some(room) = room.filter(|_| between) {
        let round = match room.round {
            1 => String::new(),
            n => format!("round {n} · "),
        };
        format!(
            "{round}{} of {} finished",
            room.finished(),
            room.people.len()
        )
    } else if matches!(app.screen, Screen::Start(_)) {
        "new interview".to_string()
    } else if shared.interview.is_finished() {
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
    let title = match &shared.client {
        Some(client) => format!("{} · {}", client, shared.tree().meta().title),
        None => shared.tree().meta().title.clone(),
    };
    // In a workshop room: whose turn it is, or that the room answers the facts together.
    let title = match room.map(|r| (r.stage, r.turn())) {
        Some((_, Some(person))) => format!("{} · {title}", person.label()),
        Some((Stage::Facts, _)) => format!("The company's facts, with the room · {title}"),
        Some((Stage::Agree, _)) => format!("Agreeing together · {title}"),
        Some(_) => format!("Workshop · {title}"),
        None => title,
    };
    let title = techhire::text::terminal_safe(&title);
    let title = wrap::cut(&title, width.saturating_sub(status_width + 2));
    // The title from the left and the status to the right, each drawn where it goes: the
    // blanks between them are left as they are rather than laid out as spaces.
    let row = Rect::new(
        area.x + 1,
        area.y,
        area.width.saturating_sub(2),
        area.height.min(1),
    );
    Span::styled(title, theme.heading).render(row, buf);
    Line::from(vec![
        Span::styled(unsaved, theme.warn),
        Span::styled(status, theme.muted),
    ])
    .right_aligned()
    .render(row, buf);
    if area.height > 1 {
        let inner = usize::from(area.width.saturating_sub(2));
        let ratio = if let Some(room) = room.filter(|_| between) {
            room.finished() as f64 / room.people.len().max(1) as f64
        } else if workshop.is_some() || shared.interview.is_finished() {
            1.0
        } else {
            progress.ratio()
        };
        let filled = (((inner as f64) * ratio).round() as usize).min(inner);
        gauge(theme, filled, inner).render(
            Rect::new(area.x, area.y + 1, area.width.saturating_sub(1), 1),
            buf,
        );
    }
}

/// The header's gauge, `filled` of its `inner` cells drawn thick, after a blank. ratatui's
/// LineGauge fills the whole cells under its ratio (rounding down); the header fills a whole
/// number of cells, so the gauge is handed that number's ratio taken at the middle of the last.
fn gauge(theme: &Theme, filled: usize, inner: usize) -> LineGauge<'static> {
    let ratio = if filled >= inner {
        1.0
    } else {
        (filled as f64 + 0.5) / inner as f64
    };
    LineGauge::default()
        .label(Line::default())
        .ratio(ratio)
        .filled_symbol("━")
        .unfilled_symbol("─")
        .filled_style(theme.filled)
        .unfilled_style(theme.unfilled)
}

/// The most rows a notice in the footer takes, growing up over the body.
const NOTICE_ROWS: usize = 3;

/// The keys that work here, from the key table, or a one-off notice (wrapped over up to three
/// rows, so a message that says what to do is read whole).
fn footer(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.shared.theme;
    if let Some(notice) = &app.shared.notice {
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
        Context::Question
            | Context::Review
            | Context::TurnReview
            | Context::Handover
            | Context::Result
            | Context::Combined
            | Context::Compare
            | Context::CompareText
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
        // `Line::render` styles the row only when the line has text: an empty highlighted line
        // is filled here. The default style changes no cell, so most lines skip the walk.
        if line.style != Style::default() {
            buf.set_style(rect, line.style);
        }
        line.render(tight(rect, line), buf);
    }
}

/// The part of `row` a line drawn from its left needs: no more columns than its text has
/// bytes, since no character takes more columns than its UTF-8 bytes (printable ASCII, most
/// text, exactly as many). `Line::render` styles its whole Rect before drawing the text, so a
/// Rect no wider than the text spares it a walk over the rest of the row; the cells drawn are
/// the same. A centred or right-aligned line keeps the whole row, which places it.
fn tight(row: Rect, line: &Line<'_>) -> Rect {
    if matches!(line.alignment, Some(Alignment::Center | Alignment::Right)) {
        return row;
    }
    let bytes: usize = line.spans.iter().map(|span| span.content.len()).sum();
    Rect {
        width: row.width.min(u16::try_from(bytes).unwrap_or(u16::MAX)),
        ..row
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::theme::ThemeName;

    proptest::proptest! {
        /// A line drawn into the tight Rect leaves every cell as drawing it into the whole row
        /// does, whatever its text (wide, combining, emoji, halfwidth sound marks) and style.
        #[test]
        fn a_tight_rect_draws_the_same_cells(
            parts in proptest::collection::vec("[ -~]{0,12}|.{0,12}|[ｱ-ﾝﾞﾟ]{0,6}", 0..4),
            highlighted: bool,
            width in 1u16..40,
        ) {
            let theme = Theme::named(ThemeName::Dark);
            let spans: Vec<Span> = parts
                .iter()
                .enumerate()
                .map(|(i, p)| Span::styled(p.as_str(), if i % 2 == 0 { theme.text } else { theme.key }))
                .collect();
            let mut line = Line::from(spans);
            if highlighted {
                line.style = theme.selected;
            }
            let row = Rect::new(2, 0, width, 1);
            let mut whole = Buffer::empty(Rect::new(0, 0, width + 4, 1));
            whole.set_style(row, line.style);
            (&line).render(row, &mut whole);
            let mut drawn = Buffer::empty(Rect::new(0, 0, width + 4, 1));
            draw_lines(&mut drawn, row, std::slice::from_ref(&line), 0);
            proptest::prop_assert_eq!(drawn, whole);
        }
    }

    /// The gauge fills exactly the cells it is asked to, whatever the width (the header rounds
    /// to the nearest cell; ratatui's LineGauge rounds down).
    #[test]
    fn the_gauge_fills_the_cells_asked_for() {
        let theme = Theme::named(ThemeName::Dark);
        let wide =
            [1_000, 4_095, 65_533].map(|inner: usize| (inner, vec![1, inner / 3, inner - 1]));
        let narrow = (1..=300usize).map(|inner| (inner, (0..=inner).collect()));
        for (inner, fills) in narrow.chain(wide) {
            let area = Rect::new(0, 0, inner as u16 + 1, 1);
            for filled in fills {
                let mut buf = Buffer::empty(area);
                gauge(&theme, filled, inner).render(area, &mut buf);
                let symbols: Vec<&str> = buf.content.iter().map(|c| c.symbol()).collect();
                assert_eq!(symbols[0], " ", "{filled} of {inner}");
                assert!(
                    symbols[1..=filled].iter().all(|s| *s == "━")
                        && symbols[filled + 1..].iter().all(|s| *s == "─"),
                    "{filled} of {inner}: {symbols:?}"
                );
            }
        }
    }
}
