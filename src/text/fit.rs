//! Plain text fitted to a width in terminal columns: paragraphs wrapped at spaces (the text
//! report, plain mode and the graph's labels), and one line cut short with "…" (tables, chart
//! labels, the screens). Widths are display widths, so wide characters count twice.

use std::borrow::Cow;

use unicode_truncate::UnicodeTruncateStr;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Wraps text at spaces to `width` columns (0: no wrapping), starting with `first` and
/// indenting later lines with `rest`; words longer than a line are broken where they must be.
pub fn wrap(text: &str, width: usize, first: &str, rest: &str) -> String {
    let mut out = String::from(first);
    if width == 0 {
        out.push_str(text.trim());
        out.push('\n');
        return out;
    }
    let mut column = first.width();
    let mut line_has_words = false;
    for word in text.split_whitespace() {
        let w = word.width();
        if line_has_words && column + 1 + w > width {
            out.push('\n');
            out.push_str(rest);
            column = rest.width();
            line_has_words = false;
        }
        if line_has_words {
            out.push(' ');
            column += 1;
        }
        for c in word.chars() {
            let cw = c.width().unwrap_or(0);
            if column + cw > width && column > rest.width() {
                out.push('\n');
                out.push_str(rest);
                column = rest.width();
            }
            out.push(c);
            column += cw;
        }
        line_has_words = true;
    }
    out.push('\n');
    out
}

/// Cuts one line to at most `width` columns, ending in "…" when something was cut (at a
/// grapheme boundary, with the spaces before the "…" dropped).
pub fn truncate(text: &str, width: usize) -> String {
    cut(text, width).into_owned()
}

/// [`truncate`], borrowing `text` when it fits as it is (most cells of a table, drawn each
/// frame): a copy only when something is cut.
pub fn cut(text: &str, width: usize) -> Cow<'_, str> {
    // No character takes more columns than its UTF-8 bytes, so text no longer in bytes than
    // the width fits as it is: most cells of a table, found without walking its graphemes.
    if text.len() <= width {
        return Cow::Borrowed(text);
    }
    if width == 0 {
        return Cow::Borrowed("");
    }
    // Printable ASCII is a column and a grapheme a byte: cut where the width says.
    if is_printable_ascii(text) {
        return Cow::Owned(format!("{}…", text[..width - 1].trim_end()));
    }
    by_graphemes(text, width)
}

/// [`truncate`] by unicode-truncate, for any text.
fn by_graphemes(text: &str, width: usize) -> Cow<'_, str> {
    let (fits, _) = text.unicode_truncate(width);
    if fits.len() == text.len() {
        return Cow::Borrowed(text);
    }
    if width == 0 {
        return Cow::Borrowed("");
    }
    let (cut, _) = text.unicode_truncate(width - 1);
    Cow::Owned(format!("{}…", cut.trim_end()))
}

/// The columns a line takes: a column a byte for printable ASCII (most names and table
/// cells), found without looking each character up; unicode-width's measure otherwise.
pub fn width(text: &str) -> usize {
    if is_printable_ascii(text) {
        text.len()
    } else {
        text.width()
    }
}

/// Only printable ASCII (a space to `~`): one column and one grapheme a byte, and nothing a
/// terminal could take for a command.
pub fn is_printable_ascii(text: &str) -> bool {
    text.bytes().all(|b| matches!(b, b' '..=b'~'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_at_spaces_and_long_words() {
        assert_eq!(wrap("aa bb cc", 6, "", "  "), "aa bb\n  cc\n");
        assert_eq!(wrap("abcdefgh", 4, "", ""), "abcd\nefgh\n");
        assert_eq!(wrap("a b", 0, "- ", ""), "- a b\n");
    }

    #[test]
    fn truncate_cuts_to_the_width_with_an_ellipsis() {
        assert_eq!(truncate("short", 10), "short");
        assert_eq!(truncate("exactly10!", 10), "exactly10!");
        assert_eq!(truncate("one two three", 8), "one two…");
        assert_eq!(truncate("one two three", 5), "one…");
        assert_eq!(truncate("anything", 0), "");
        // Wide characters take two columns each, and are never split.
        assert_eq!(truncate("你好吗你好吗", 5), "你好…");
        assert_eq!(truncate("你好吗你好吗", 5).width(), 5);
    }

    proptest::proptest! {
        /// The short cuts in `truncate` and `width` give what the libraries give.
        #[test]
        fn short_cuts_agree_with_the_libraries(text in "[ -~]{0,40}|.{0,40}", width in 0usize..44) {
            proptest::prop_assert_eq!(truncate(&text, width), by_graphemes(&text, width));
            proptest::prop_assert_eq!(cut(&text, width), by_graphemes(&text, width));
            proptest::prop_assert_eq!(super::width(&text), text.width());
        }

        /// What the short cut in `truncate` rests on: text no longer in bytes than the width
        /// is never cut by the library either, whatever its characters (wide, combining,
        /// emoji sequences, controls).
        #[test]
        fn text_no_longer_than_the_width_fits(text in ".{0,24}", extra in 0usize..4) {
            let width = text.len() + extra;
            proptest::prop_assert_eq!(text.unicode_truncate(width).0, text.as_str());
            proptest::prop_assert!(text.width() <= text.len());
        }
    }
}
