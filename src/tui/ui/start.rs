//! Draws the start screen: two optional names for a new interview, "Start the interview", and the
//! saved sessions to carry on with instead (client, last saved, progress, outcome), with the
//! files that could not be read shown as such.

use std::borrow::Cow;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use techhire::text::terminal_safe;

use super::{draw_lines, scrollbar};
use crate::tui::editor::Editor;
use crate::tui::host::Listed;
use crate::tui::layout::start::{ERROR_ROWS, Focus, Plan, Widths, error_lines, plan};
use crate::tui::screens::start::StartScreen;
use crate::tui::theme::Theme;
use crate::tui::wrap::{cut, truncate};

/// Columns before a name's field: marker, label, gap.
const LABEL: usize = 14;
/// The widest a name's field is drawn.
const FIELD: u16 = 48;

/// Draws the start screen into `area`, the body; returns where the cursor goes when a name is
/// being typed.
pub fn render(form: &StartScreen, theme: &Theme, area: Rect, buf: &mut Buffer) -> Option<Position> {
    let plan = plan(theme, area, form.error.as_deref());
    let width = usize::from(plan.intro.width);
    let intro = [
        Line::from(Span::styled("Start a new interview", theme.heading)),
        Line::from(Span::styled(
            truncate(
                "Both names are optional: they go on the report and in the list of sessions.",
                width,
            ),
            theme.muted,
        )),
    ];
    draw_lines(buf, plan.intro, &intro, 0);
    let mut cursor = None;
    for (rect, label, editor, focus) in [
        (plan.client, "Client", &form.client, Focus::Client),
        (
            plan.consultant,
            "Consultant",
            &form.consultant,
            Focus::Consultant,
        ),
    ] {
        let label = (label, "(optional)");
        if let Some(at) = field(theme, buf, rect, label, editor, form.focus == focus) {
            cursor = Some(at);
        }
    }
    let on_begin = form.focus == Focus::Begin;
    let mut begin = Line::from(vec![
        marker(on_begin, theme),
        Span::styled("Start the interview →", theme.accent),
    ]);
    if on_begin {
        begin.style = theme.selected;
    }
    draw_lines(buf, plan.begin, &[begin], 0);
    saved(theme, form, &plan, buf);
    if let Some(error) = &form.error {
        let lines = error_lines(theme, error, usize::from(plan.error.width));
        let mut shown: Vec<Line> = lines.iter().take(ERROR_ROWS).cloned().collect();
        if lines.len() > ERROR_ROWS
            && let Some(last) = shown.last_mut()
        {
            let text = truncate(&format!("{last} …"), usize::from(plan.error.width));
            *last = Line::from(Span::styled(text, theme.warn));
        }
        draw_lines(buf, plan.error, &shown, 0);
    }
    cursor
}

/// A name's label and field, `placeholder` in it while it is empty; the cursor's place when it
/// has the focus.
pub(super) fn field(
    theme: &Theme,
    buf: &mut Buffer,
    rect: Rect,
    (label, placeholder): (&str, &str),
    editor: &Editor,
    focused: bool,
) -> Option<Position> {
    if rect.height == 0 {
        return None;
    }
    let label_style = if focused { theme.accent } else { theme.text };
    let head = Line::from(vec![
        marker(focused, theme),
        Span::styled(label, label_style),
    ]);
    draw_lines(buf, rect, &[head], 0);
    let input = Rect::new(
        rect.x + LABEL as u16,
        rect.y,
        rect.width.saturating_sub(LABEL as u16).min(FIELD),
        1,
    );
    if input.width == 0 {
        return None;
    }
    buf.set_style(input, theme.text.add_modifier(Modifier::UNDERLINED));
    let (shown, column) = editor.window(usize::from(input.width));
    buf.set_string(input.x, input.y, shown, theme.text);
    if editor.text().is_empty() && !focused {
        buf.set_string(input.x, input.y, placeholder, theme.muted);
    }
    focused.then(|| Position::new(input.x + column as u16, input.y))
}

/// The saved sessions, with a heading and column titles.
fn saved(theme: &Theme, form: &StartScreen, plan: &Plan, buf: &mut Buffer) {
    let width = usize::from(plan.list.width);
    let mut title = vec![Line::from(Span::styled(
        "Or carry on with a saved session",
        theme.heading,
    ))];
    if form.saved.is_empty() {
        title.push(Line::from(Span::styled(
            truncate(
                "None yet: each interview is saved here as you answer.",
                width,
            ),
            theme.muted,
        )));
        draw_lines(buf, plan.saved_title, &title, 0);
        return;
    }
    // Only the rows in view are formatted.
    let shown: Vec<(usize, &Listed, String)> = form
        .saved
        .iter()
        .enumerate()
        .skip(form.offset)
        .take(usize::from(plan.list.height))
        .map(|(i, listed)| (i, listed, listed.updated.map(form.time).unwrap_or_default()))
        .collect();
    for (_, _, time) in &shown {
        form.widths.fit_time(time);
    }
    let columns = Columns::fit(&form.widths, width);
    draw_lines(buf, plan.saved_title, &title, 0);
    if plan.saved_title.height > 1 {
        let area = plan.saved_title;
        let titles = Rect::new(area.x + 2, area.y + 1, area.width.saturating_sub(2), 1);
        columns.titles(buf, titles.intersection(area), theme.muted);
    }
    for ((i, listed, time), y) in shown.iter().zip(plan.list.y..plan.list.bottom()) {
        let row = Rect::new(plan.list.x, y, plan.list.width, 1);
        let highlighted = form.focus == Focus::Saved(*i);
        if highlighted {
            buf.set_style(row, theme.selected);
        }
        marker(highlighted, theme).render(row, buf);
        let cells = Rect::new(row.x + 2, y, row.width.saturating_sub(2), 1).intersection(row);
        match &listed.problem {
            None => columns.session(buf, cells, listed, time, theme.text),
            Some(problem) => {
                let text = format!(
                    "⚠ {} {}",
                    terminal_safe(&listed.client),
                    terminal_safe(problem)
                );
                Span::styled(cut(&text, width.saturating_sub(2)), theme.warn).render(cells, buf);
            }
        }
    }
    scrollbar(buf, plan.bar, form.saved.len(), form.offset, theme);
}

/// "❯ " before what has the focus; otherwise two blanks in the default style, which the
/// terminal is not sent at all on a first frame. (The key's colour and bold on a blank would
/// look the same, with nothing under it to show them, but were written out cell by cell.)
fn marker(on: bool, theme: &Theme) -> Span<'static> {
    if on {
        Span::styled("❯ ", theme.key)
    } else {
        Span::raw("  ")
    }
}

/// The widths of the list's columns, fitted to the screen: the time and the progress whole,
/// the client and the outcome sharing what is left. Too narrow for four, a finished session's
/// outcome takes the place of its progress ("✓ Hire a CTO" for "finished").
struct Columns {
    client: usize,
    updated: usize,
    progress: usize,
    /// 0 when the outcome shares the progress column.
    outcome: usize,
}

/// The narrowest the outcome column is drawn.
const MIN_OUTCOME: usize = 10;

impl Columns {
    fn fit(widths: &Widths, width: usize) -> Columns {
        let updated = widths.updated.get();
        let rest = width.saturating_sub(2 + updated + widths.progress + 6);
        let client = widths
            .client
            .min((rest / 2).max(rest.saturating_sub(24)).max(8));
        if rest.saturating_sub(client) >= MIN_OUTCOME {
            return Columns {
                client,
                updated,
                progress: widths.progress,
                outcome: rest - client,
            };
        }
        let rest = width.saturating_sub(2 + updated + 4);
        let client = widths.client.min(rest.saturating_sub(widths.merged).max(8));
        Columns {
            client,
            updated,
            progress: rest.saturating_sub(client),
            outcome: 0,
        }
    }

    /// Draws one session's cells into `area`, a row of the list after its marker.
    fn session(&self, buf: &mut Buffer, area: Rect, listed: &Listed, updated: &str, style: Style) {
        let client = terminal_safe(&listed.client);
        if self.outcome == 0 {
            let progress = merged_progress(listed);
            return self.draw(buf, area, [&client, updated, &progress, ""], style);
        }
        let outcome = terminal_safe(listed.outcome.as_deref().unwrap_or("–"));
        self.draw(
            buf,
            area,
            [&client, updated, &listed.progress, &outcome],
            style,
        );
    }

    /// Draws the columns' titles into `area`, the row over the sessions.
    fn titles(&self, buf: &mut Buffer, area: Rect, style: Style) {
        let outcome = if self.outcome == 0 { "" } else { "OUTCOME" };
        self.draw(buf, area, ["CLIENT", "UPDATED", "PROGRESS", outcome], style);
    }

    /// Draws each cell cut to its column at the column's place, two columns apart: what lies
    /// between and after them is left as it is, so no padding is laid out or walked.
    fn draw(&self, buf: &mut Buffer, area: Rect, cells: [&str; 4], style: Style) {
        let widths = [self.client, self.updated, self.progress, self.outcome];
        let mut x = area.x;
        for (text, width) in cells.into_iter().zip(widths) {
            let column = u16::try_from(width).unwrap_or(u16::MAX);
            let rect = Rect::new(x, area.y, column, 1).intersection(area);
            Span::styled(cut(text, width), style).render(rect, buf);
            x = x.saturating_add(column).saturating_add(2);
        }
    }
}

/// Progress, or for a finished session its outcome: "✓ Hire a CTO".
fn merged_progress(listed: &Listed) -> Cow<'_, str> {
    match &listed.outcome {
        Some(outcome) => Cow::Owned(format!("✓ {}", terminal_safe(outcome))),
        None => Cow::Borrowed(&listed.progress),
    }
}
