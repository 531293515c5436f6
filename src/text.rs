//! Terminal-safe text. Question trees and sessions travel between people, so every string from
//! a file is cleaned before it reaches a terminal: control characters (which carry escape
//! sequences such as OSC 52 clipboard writes or OSC 8 links), bidirectional overrides and
//! invisible characters are shown as visible stand-ins or removed.

use std::borrow::Cow;

/// Cleans one line of text for display: newlines become spaces.
pub fn terminal_safe(s: &str) -> Cow<'_, str> {
    clean(s, false)
}

/// Cleans text for display, keeping its newlines (for wrapped paragraphs and notes).
pub fn terminal_safe_multiline(s: &str) -> Cow<'_, str> {
    clean(s, true)
}

fn clean(s: &str, keep_newlines: bool) -> Cow<'_, str> {
    if s.chars()
        .all(|c| !needs_cleaning(c) || (keep_newlines && c == '\n'))
    {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    let mut previous = None;
    while let Some(c) = chars.next() {
        match c {
            '\n' if keep_newlines => out.push('\n'),
            '\n' | '\t' | '\r' => out.push(' '),
            // ESC shown as the "escape" symbol, so a smuggled sequence is visible, not run.
            '\u{1b}' => out.push('\u{241b}'),
            // Other C0 controls and DEL as their Unicode control pictures.
            c @ '\u{0}'..='\u{1f}' => {
                out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'))
            }
            '\u{7f}' => out.push('\u{2421}'),
            // The zero-width joiner is what makes 👨‍👩‍👧 one emoji: kept between two emoji,
            // shown anywhere else.
            '\u{200d}'
                if previous.is_some_and(in_emoji) && chars.peek().is_some_and(|&n| in_emoji(n)) =>
            {
                out.push(c)
            }
            c if needs_cleaning(c) => out.push('\u{fffd}'),
            c => out.push(c),
        }
        previous = Some(c);
    }
    Cow::Owned(out)
}

/// Pictographs, their skin-tone modifiers and the emoji variation selector: the characters a
/// zero-width joiner may join.
fn in_emoji(c: char) -> bool {
    matches!(c,
        '\u{1f000}'..='\u{1faff}' | '\u{2600}'..='\u{27bf}' | '\u{2300}'..='\u{23ff}'
        | '\u{2b00}'..='\u{2bff}' | '\u{fe0f}'
    )
}

/// C0 and C1 controls, bidirectional overrides and isolates, and invisible characters that can
/// make text read differently from what it is.
fn needs_cleaning(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{061c}'               // Arabic letter mark
            | '\u{200b}'..='\u{200f}' // zero-width space/joiners, LRM/RLM
            | '\u{2028}' | '\u{2029}' // line and paragraph separators
            | '\u{202a}'..='\u{202e}' // bidi embeddings and overrides
            | '\u{2060}'..='\u{2064}' // word joiner, invisible operators
            | '\u{2066}'..='\u{2069}' // bidi isolates
            | '\u{feff}'              // zero-width no-break space
            | '\u{fff9}'..='\u{fffb}' // interlinear annotations
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed_unchanged() {
        assert!(matches!(
            terminal_safe("Hire a CIO — 5 € ✓ 日本"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn escape_sequences_cannot_reach_the_terminal() {
        let hostile = "a\u{1b}]52;c;cGF3bmVk\u{7}b\u{1b}[2Jc\u{9b}31md";
        let clean = terminal_safe(hostile);
        assert!(!clean.chars().any(|c| c.is_control()), "{clean:?}");
        assert!(
            clean.contains('\u{241b}'),
            "ESC is shown visibly: {clean:?}"
        );
    }

    #[test]
    fn bidi_and_invisible_characters_are_shown() {
        let clean = terminal_safe("admin\u{202e}txt.exe\u{200b}");
        assert_eq!(clean, "admin\u{fffd}txt.exe\u{fffd}");
    }

    #[test]
    fn joined_emoji_stay_whole_but_a_lone_joiner_is_shown() {
        assert_eq!(
            terminal_safe("family 👨\u{200d}👩\u{200d}👧"),
            "family 👨\u{200d}👩\u{200d}👧"
        );
        assert_eq!(terminal_safe("🏳\u{fe0f}\u{200d}🌈"), "🏳\u{fe0f}\u{200d}🌈");
        assert_eq!(terminal_safe("ad\u{200d}min"), "ad\u{fffd}min");
        assert_eq!(terminal_safe("👨\u{200d}"), "👨\u{fffd}");
    }

    #[test]
    fn newlines_are_kept_only_in_multiline_text() {
        assert_eq!(terminal_safe("a\nb"), "a b");
        assert_eq!(terminal_safe_multiline("a\nb\r\n"), "a\nb \n");
    }
}
