//! A small text editor for a note or a name: the text and a cursor that moves and deletes by
//! grapheme (an emoji, a flag or an accented letter is one step), laid out in rows by display
//! width (CJK characters and most emoji take two columns). Typed and pasted text is cleaned the
//! way text from a file is, so nothing in it can drive the terminal. No drawing here: the note
//! and start screens draw what `rows` and `cursor_at` say.

use techhire::text::terminal_safe_multiline;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// The text being edited and where the cursor is.
#[derive(Debug, Clone, PartialEq, Eq)]
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
            self.cursor = start;
        }
        self.goal = None;
    }

    /// Deletes the grapheme after the cursor.
    pub fn delete_forward(&mut self) {
        if let Some(end) = self.next() {
            self.text.replace_range(self.cursor..end, "");
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
        let width = width.max(1);
        let mut rows = Vec::new();
        let mut line_start = 0;
        for line in self.text.split('\n') {
            let line_end = line_start + line.len();
            let mut start = line_start;
            let mut column = 0;
            // Where the row could break after a space, as an offset into the text.
            let mut space: Option<usize> = None;
            for (i, grapheme) in line.grapheme_indices(true) {
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
                            column = self.text[start..at].width();
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
            line_start = line_end + 1;
        }
        rows
    }

    /// The cursor's row and column in the text laid out `width` columns wide.
    pub fn cursor_at(&self, width: usize) -> (usize, usize) {
        self.position(&self.rows(width))
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
            .iter()
            .rposition(|r| r.start <= self.cursor)
            .unwrap_or(0);
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
        if let Some((i, g)) = self
            .text
            .grapheme_indices(true)
            .find(|(i, g)| i + g.len() >= self.cursor)
            && i < self.cursor
        {
            self.cursor = i + g.len();
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
