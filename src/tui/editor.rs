//! A small text editor for a note or a name: the text and a cursor that moves and deletes by
//! grapheme (an emoji, a flag or an accented letter is one step), laid out in rows by display
//! width (CJK characters and most emoji take two columns). Typed and pasted text is cleaned the
//! way text from a file is, so nothing in it can drive the terminal. No drawing here: the note
//! and start screens draw what `rows` and `cursor_at` say.
//!
//! A key costs the same in a 64 KiB note as in a short one: the rows are kept between keys and
//! an edit lays out again only from the row before it until the rows meet the old ones again
//! (a row's layout depends only on the text from its start on), and the cursor is placed by
//! looking at the graphemes around it, not from the start of the text.

use std::cell::RefCell;

use techhire::text::terminal_safe_multiline;
use unicode_segmentation::{GraphemeCursor, UnicodeSegmentation};
use unicode_width::UnicodeWidthStr;

/// The text being edited and where the cursor is.
#[derive(Debug, Clone)]
pub struct Editor {
    text: String,
    /// A byte offset into `text`, always on a grapheme boundary.
    cursor: usize,
    /// The column Up and Down aim for, kept across a run of them so the cursor does not drift
    /// left over short rows.
    goal: Option<usize>,
    /// Whether the text may hold newlines (a note) or is one line (a name).
    multiline: bool,
    /// The most bytes the text may hold.
    limit: usize,
    /// The rows as last laid out, kept up to date by every edit.
    layout: RefCell<Option<Layout>>,
}

/// Two editors are the same when their text, cursor and settings are; the rows kept are a
/// cache.
impl PartialEq for Editor {
    fn eq(&self, other: &Editor) -> bool {
        (
            self.cursor,
            self.goal,
            self.multiline,
            self.limit,
            &self.text,
        ) == (
            other.cursor,
            other.goal,
            other.multiline,
            other.limit,
            &other.text,
        )
    }
}

impl Eq for Editor {}

/// The text's rows at one width.
#[derive(Debug, Clone)]
struct Layout {
    width: usize,
    rows: Vec<Row>,
}

/// One row of the laid-out text: the bytes `start..end` of the text, without the newline that
/// may end it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub start: usize,
    pub end: usize,
    /// The row was wrapped to fit, rather than ended by a newline or the end of the text.
    pub soft: bool,
}

impl Editor {
    /// An editor holding `text` (cleaned, and cut to `limit` bytes), the cursor at its end.
    pub fn new(text: &str, multiline: bool, limit: usize) -> Editor {
        let mut editor = Editor {
            text: String::new(),
            cursor: 0,
            goal: None,
            multiline,
            limit,
            layout: RefCell::new(None),
        };
        editor.insert(text);
        editor
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The cursor, as a byte offset into the text.
    #[cfg(test)]
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Inserts text at the cursor, as typed or pasted: line endings become newlines (spaces in
    /// a one-line editor), and control characters, escape sequences and invisible characters
    /// are shown as visible stand-ins. Returns false when the text was cut at the limit.
    pub fn insert(&mut self, text: &str) -> bool {
        let cleaned = clean(text, self.multiline);
        let room = self.limit.saturating_sub(self.text.len());
        let mut fits = cleaned.len();
        if fits > room {
            fits = cleaned
                .grapheme_indices(true)
                .map(|(i, g)| i + g.len())
                .take_while(|&end| end <= room)
                .last()
                .unwrap_or(0);
        }
        self.text.insert_str(self.cursor, &cleaned[..fits]);
        self.edited(self.cursor, 0, fits);
        self.cursor += fits;
        self.snap();
        self.goal = None;
        fits == cleaned.len()
    }

    /// Starts a new line at the cursor (a space in a one-line editor).
    pub fn newline(&mut self) -> bool {
        self.insert("\n")
    }

    /// Deletes the grapheme before the cursor.
    pub fn delete_back(&mut self) {
        if let Some(start) = self.previous() {
            self.text.replace_range(start..self.cursor, "");
            self.edited(start, self.cursor - start, 0);
            self.cursor = start;
        }
        self.goal = None;
    }

    /// Deletes the grapheme after the cursor.
    pub fn delete_forward(&mut self) {
        if let Some(end) = self.next() {
            self.text.replace_range(self.cursor..end, "");
            self.edited(self.cursor, end - self.cursor, 0);
        }
        self.goal = None;
    }

    pub fn left(&mut self) {
        self.cursor = self.previous().unwrap_or(self.cursor);
        self.goal = None;
    }

    pub fn right(&mut self) {
        self.cursor = self.next().unwrap_or(self.cursor);
        self.goal = None;
    }

    /// To the start of the line (the text between newlines).
    pub fn home(&mut self) {
        self.cursor = self.text[..self.cursor].rfind('\n').map_or(0, |i| i + 1);
        self.goal = None;
    }

    /// To the end of the line.
    pub fn end(&mut self) {
        self.cursor = self.text[self.cursor..]
            .find('\n')
            .map_or(self.text.len(), |i| self.cursor + i);
        self.goal = None;
    }

    /// Up a row, as laid out `width` columns wide; from the top row, to the start.
    pub fn up(&mut self, width: usize) {
        let rows = self.rows(width);
        let (row, column) = self.position(&rows);
        let goal = self.goal.unwrap_or(column);
        if row == 0 {
            self.cursor = 0;
            self.goal = None;
        } else {
            self.cursor = self.offset_at(rows[row - 1], goal);
            self.goal = Some(goal);
        }
    }

    /// Down a row, as laid out `width` columns wide; from the bottom row, to the end.
    pub fn down(&mut self, width: usize) {
        let rows = self.rows(width);
        let (row, column) = self.position(&rows);
        let goal = self.goal.unwrap_or(column);
        if row + 1 >= rows.len() {
            self.cursor = self.text.len();
            self.goal = None;
        } else {
            self.cursor = self.offset_at(rows[row + 1], goal);
            self.goal = Some(goal);
        }
    }

    /// The text in rows at most `width` columns wide: broken at newlines, after a space where
    /// a word would not fit, and inside a word only when the word alone is wider than a row.
    /// Always at least one row, so an empty text still has a place for the cursor.
    pub fn rows(&self, width: usize) -> Vec<Row> {
        self.with_rows(width, <[Row]>::to_vec)
    }

    /// Calls `f` with the [`rows`](Editor::rows) at `width`, laid out only if they are not
    /// kept at that width.
    pub fn with_rows<R>(&self, width: usize, f: impl FnOnce(&[Row]) -> R) -> R {
        let width = width.max(1);
        let mut layout = self.layout.borrow_mut();
        if layout.as_ref().is_none_or(|kept| kept.width != width) {
            let mut rows = Vec::new();
            lay_out(&self.text, 0, width, &mut rows, |_| false);
            *layout = Some(Layout { width, rows });
        }
        f(layout.as_ref().map_or(&[], |kept| &kept.rows))
    }

    /// Brings the rows kept up to date after `removed` bytes at `at` were replaced by
    /// `inserted` bytes: laid out again from two rows before the edit (the rows before that
    /// end before anything the edit can change) until a row starts where an old row started,
    /// past the edit; the old rows from there on are the same, moved by the change in length.
    fn edited(&mut self, at: usize, removed: usize, inserted: usize) {
        let Some(layout) = self.layout.get_mut() else {
            return;
        };
        let rows = &mut layout.rows;
        let from = rows
            .partition_point(|r| r.start <= at)
            .saturating_sub(1)
            .saturating_sub(2);
        let restart = rows.get(from).map_or(0, |r| r.start);
        let (old_end, new_end) = (at + removed, at + inserted);
        let mut next_old = rows.partition_point(|r| r.start < old_end);
        let mut fresh = Vec::new();
        let stopped = lay_out(&self.text, restart, layout.width, &mut fresh, |start| {
            if start < new_end {
                return false;
            }
            let was = start - inserted + removed;
            while next_old < rows.len() && rows[next_old].start < was {
                next_old += 1;
            }
            rows.get(next_old).is_some_and(|r| r.start == was)
        });
        let kept_from = if stopped { next_old } else { rows.len() };
        for row in &mut rows[kept_from..] {
            row.start = row.start - removed + inserted;
            row.end = row.end - removed + inserted;
        }
        rows.splice(from..kept_from, fresh);
    }

    /// The cursor's row and column in the text laid out `width` columns wide.
    pub fn cursor_at(&self, width: usize) -> (usize, usize) {
        self.with_rows(width, |rows| self.position(rows))
    }

    /// For a one-line field `width` columns wide: the part of the text to show and the
    /// cursor's column in it, scrolled so the cursor is always in view.
    pub fn window(&self, width: usize) -> (&str, usize) {
        let width = width.max(1);
        let before = &self.text[..self.cursor];
        let mut start = 0;
        if before.width() >= width {
            // Show as much as fits to the left of the cursor, with one column for it.
            let mut used = 0;
            start = self.cursor;
            for (i, g) in before.grapheme_indices(true).rev() {
                used += g.width();
                if used > width - 1 {
                    break;
                }
                start = i;
            }
        }
        let mut end = start;
        let mut used = 0;
        for (i, g) in self.text[start..].grapheme_indices(true) {
            used += g.width();
            if used > width {
                break;
            }
            end = start + i + g.len();
        }
        let column = self.text[start..self.cursor].width();
        (&self.text[start..end], column)
    }

    fn position(&self, rows: &[Row]) -> (usize, usize) {
        let row = rows
            .partition_point(|r| r.start <= self.cursor)
            .saturating_sub(1);
        let start = rows.get(row).map_or(0, |r| r.start);
        (row, self.text[start..self.cursor].width())
    }

    /// The offset in `row` nearest to `column` without passing it. On a wrapped row the cursor
    /// stops before the last grapheme, since the row's end is shown at the start of the next.
    fn offset_at(&self, row: Row, column: usize) -> usize {
        let text = &self.text[row.start..row.end];
        let last = if row.soft {
            text.grapheme_indices(true)
                .next_back()
                .map_or(row.start, |(i, _)| row.start + i)
        } else {
            row.end
        };
        let mut used = 0;
        let mut offset = row.start;
        for (i, g) in text.grapheme_indices(true) {
            let at = row.start + i;
            if at >= last || used + g.width() > column {
                return at.min(last);
            }
            used += g.width();
            offset = at + g.len();
        }
        offset.min(last)
    }

    fn previous(&self) -> Option<usize> {
        self.text[..self.cursor]
            .grapheme_indices(true)
            .next_back()
            .map(|(i, _)| i)
    }

    fn next(&self) -> Option<usize> {
        self.text[self.cursor..]
            .graphemes(true)
            .next()
            .map(|g| self.cursor + g.len())
    }

    /// Moves the cursor to the end of the grapheme it is inside, if an insert joined it to its
    /// neighbour (a combining mark, the second half of a flag).
    fn snap(&mut self) {
        let mut cursor = GraphemeCursor::new(self.cursor, self.text.len(), true);
        if cursor.is_boundary(&self.text, 0) == Ok(false)
            && let Ok(Some(end)) = cursor.next_boundary(&self.text, 0)
        {
            self.cursor = end;
        }
    }
}

/// Lays out `text` from `from`, the start of a row (or of the text), pushing its rows onto
/// `rows`, until `stop` says the old rows take over at a row's start (returns true) or the text
/// ends (returns false). From a row's start the layout depends only on the text that follows.
fn lay_out(
    text: &str,
    from: usize,
    width: usize,
    rows: &mut Vec<Row>,
    mut stop: impl FnMut(usize) -> bool,
) -> bool {
    let mut line_start = from;
    loop {
        let line_end = text[line_start..]
            .find('\n')
            .map_or(text.len(), |i| line_start + i);
        let mut start = line_start;
        let mut column = 0;
        // Where the row could break after a space, as an offset into the text.
        let mut space: Option<usize> = None;
        for (i, grapheme) in text[line_start..line_end].grapheme_indices(true) {
            let at = line_start + i;
            let w = grapheme.width();
            while column + w > width && column > 0 {
                match space.take().filter(|&s| s > start) {
                    Some(after_space) => {
                        rows.push(Row {
                            start,
                            end: after_space,
                            soft: true,
                        });
                        start = after_space;
                        column = text[start..at].width();
                    }
                    None => {
                        rows.push(Row {
                            start,
                            end: at,
                            soft: true,
                        });
                        start = at;
                        column = 0;
                    }
                }
                if stop(start) {
                    return true;
                }
            }
            column += w;
            if grapheme == " " {
                space = Some(at + 1);
            }
        }
        rows.push(Row {
            start,
            end: line_end,
            soft: false,
        });
        if line_end == text.len() {
            return false;
        }
        line_start = line_end + 1;
        if stop(line_start) {
            return true;
        }
    }
}

/// Text as it may be kept: `\r\n` and `\r` as newlines (spaces on one line), and everything
/// that could drive a terminal shown visibly.
fn clean(text: &str, multiline: bool) -> String {
    let lines = text.replace("\r\n", "\n").replace('\r', "\n");
    let safe = terminal_safe_multiline(&lines).into_owned();
    if multiline {
        safe
    } else {
        safe.replace('\n', " ")
    }
}

#[cfg(test)]
mod tests;
