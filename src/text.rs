//! Terminal-safe text. Question trees and sessions travel between people, so every string from
//! a file is cleaned before it reaches a terminal: control characters (which carry escape
//! sequences such as OSC 52 clipboard writes or OSC 8 links), bidirectional overrides and
//! invisible characters are shown as visible stand-ins or removed. [`is_unsafe`] is the one
//! list of such characters: the screens, the plain and text outputs, the HTML report (which
//! removes them) and every JSON output (which escapes them) all use it.
//!
//! Fitting plain text to a width, wrapped or cut short, is here too (`fit.rs`).

mod fit;

use std::borrow::Cow;

pub use fit::{cut, is_printable_ascii, truncate, width, wrap};

/// Cleans one line of text for display: newlines become spaces.
pub fn terminal_safe(s: &str) -> Cow<'_, str> {
    clean(s, false)
}

/// Cleans text for display, keeping its newlines (for wrapped paragraphs and notes).
pub fn terminal_safe_multiline(s: &str) -> Cow<'_, str> {
    clean(s, true)
}

/// A value as pretty JSON for output, ending in a newline, with every unsafe character in it
/// escaped ([`json_safe`]): what every JSON output of techhire prints or writes.
pub fn json_output(value: &impl serde::Serialize) -> String {
    let mut text = serde_json::to_string_pretty(value)
        .unwrap_or_else(|e| serde_json::json!({ "error": e.to_string() }).to_string());
    text.push('\n');
    json_safe(text)
}

/// JSON text with every unsafe character inside its strings written as a `\u` escape, so the
/// JSON means exactly what it did (any JSON reader gets the same strings back) but a terminal
/// it is printed on sees only plain characters. `json` must be serde_json's output, where
/// such characters occur only inside strings, and a raw newline only between values.
pub fn json_safe(json: String) -> String {
    if !json.chars().any(|c| c != '\n' && is_unsafe(c)) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 64);
    for c in json.chars() {
        if c != '\n' && is_unsafe(c) {
            for unit in c.encode_utf16(&mut [0; 2]) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn clean(s: &str, keep_newlines: bool) -> Cow<'_, str> {
    if s.chars()
        .all(|c| !is_unsafe(c) || (keep_newlines && c == '\n'))
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
            c if is_unsafe(c) => out.push('\u{fffd}'),
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

/// The characters that must never reach a terminal as they are: C0 and C1 controls (newline
/// and tab included; callers that keep them say so), bidirectional marks, overrides and
/// isolates, invisible characters that can make text read differently from what it is, and
/// noncharacters.
pub fn is_unsafe(c: char) -> bool {
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
            | '\u{fdd0}'..='\u{fdef}' // noncharacters
        )
        // The last two code points of every plane are noncharacters too.
        || (c as u32 & 0xfffe) == 0xfffe
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
    fn json_keeps_its_meaning_but_shows_no_unsafe_character() {
        let value = serde_json::json!({ "client": "admin\u{202e}txt\u{9b}31m\u{7f}\u{10fffe} ok" });
        let json = json_safe(serde_json::to_string_pretty(&value).unwrap());
        assert!(!json.chars().any(|c| c != '\n' && is_unsafe(c)), "{json:?}");
        assert!(
            json.contains(r"admin\u202etxt\u009b31m\u007f\udbff\udffe ok"),
            "{json}"
        );
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back, value);
        let clean = serde_json::to_string(&serde_json::json!({"a": "Hire a CIO — 日本"})).unwrap();
        assert_eq!(json_safe(clean.clone()), clean);
    }

    #[test]
    fn noncharacters_are_unsafe() {
        assert!(is_unsafe('\u{fdd0}') && is_unsafe('\u{fffe}') && is_unsafe('\u{1ffff}'));
        assert!(!is_unsafe('\u{fffd}') && !is_unsafe('€'));
    }

    #[test]
    fn newlines_are_kept_only_in_multiline_text() {
        assert_eq!(terminal_safe("a\nb"), "a b");
        assert_eq!(terminal_safe_multiline("a\nb\r\n"), "a\nb \n");
    }
}
