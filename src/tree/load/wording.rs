//! Turning the TOML parser's and serde's messages into ones a person writing a tree can act
//! on: TOML words (key, table, list, whole number) instead of Rust ones (field, struct, i32),
//! and a "did you mean" where a key is misspelt.

use std::ops::Range;

use crate::tree::diagnostics::Diagnostic;

/// A TOML syntax error. `span` is where the parser stopped, in `text`.
pub(super) fn syntax(text: &str, message: &str, span: Option<Range<usize>>) -> Diagnostic {
    // The parser stops at a nesting depth (its guard against running out of stack), saying
    // "cannot recurse further" or "recursion limit": words that mean little to a tree's author.
    if message.contains("recurs") {
        return Diagnostic::error(
            "too-deep",
            "arrays or tables nest too deeply here to be read",
            "a question tree nests only a few levels deep; look for a run of unclosed \
             brackets, and check that this is a question tree at all",
        )
        .at(span);
    }
    let hint = "fix the TOML syntax here; text needs quotes, tables need [brackets]";
    let message = match span.as_ref().and_then(|s| bare_word(text, s.start)) {
        Some(word) => format!("`{word}` is not a TOML value: text needs quotes, like \"{word}\""),
        None => first_line(message),
    };
    Diagnostic::error("syntax", message, hint).at(span)
}

/// An unquoted word right after `key =`, such as `start = need`, which the parser reports as
/// a malformed number or date.
fn bare_word(text: &str, at: usize) -> Option<&str> {
    let before = text.get(..at)?;
    let line = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
    if !line.trim_end().ends_with('=') {
        return None;
    }
    let rest = text.get(at..)?;
    let end = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(rest.len());
    let word = &rest[..end];
    let starts_alphabetic = word.chars().next().is_some_and(char::is_alphabetic);
    let is_value = matches!(word, "true" | "false" | "inf" | "nan");
    (starts_alphabetic && !is_value).then_some(word)
}

/// A table that failed to read into the tree's types: an unknown or missing key, or a value of
/// the wrong type.
pub(super) fn read_error(serde_message: &str, span: Range<usize>) -> Diagnostic {
    let message = first_line(serde_message);
    let diagnostic = if let Some(rest) = message.strip_prefix("unknown field ") {
        let (key, allowed) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let allowed = allowed.strip_prefix("one of ").unwrap_or(allowed);
        let close = allowed
            .split(", ")
            .map(|k| k.trim_matches('`'))
            .filter(|k| !k.is_empty())
            .map(|k| (strsim::levenshtein(key.trim_matches('`'), k), k))
            .filter(|(d, k)| *d <= 2.max(k.len() / 3))
            .min();
        let hint = match close {
            Some((_, k)) => format!("did you mean `{k}`? The keys allowed here: {allowed}"),
            None if allowed.is_empty() => "remove it or fix its spelling".to_string(),
            None => format!("remove it or fix its spelling; the keys allowed here: {allowed}"),
        };
        Diagnostic::error("unknown-key", format!("unknown key {key}"), hint)
    } else if let Some(key) = message.strip_prefix("missing field ") {
        Diagnostic::error(
            "missing-key",
            format!("this table has no {key}, which it needs"),
            "add it; `techhire schema --doc` lists what each table needs",
        )
    } else if let Some((number, min, max)) = out_of_range(&message) {
        Diagnostic::error(
            "wrong-type",
            format!("{number} is out of range: a whole number here goes from {min} to {max}"),
            "give a number in that range; docs/questions-format.md says what each key takes \
             (evidence weights go from -1000 to 1000)",
        )
    } else {
        let rest = message
            .strip_prefix("invalid type: ")
            .or_else(|| message.strip_prefix("invalid value: "))
            .unwrap_or(&message);
        let text = match rest.split_once(", expected ") {
            Some((found, expected)) => format!("expected {}, found {found}", plain(expected)),
            None => rest.to_string(),
        };
        Diagnostic::error(
            "wrong-type",
            text,
            "give the value the type `techhire schema --doc` shows",
        )
    };
    diagnostic.at(Some(span))
}

/// A whole number too large or too small for the key's type, from serde's "invalid value:
/// integer `N`, expected i32": the number, and the type's range.
fn out_of_range(message: &str) -> Option<(&str, i128, i128)> {
    let (found, expected) = message
        .strip_prefix("invalid value: integer `")?
        .split_once("`, expected ")?;
    let (min, max) = match expected {
        "i32" => (i32::MIN.into(), i32::MAX.into()),
        "u32" => (0, u32::MAX.into()),
        "i64" => (i64::MIN.into(), i64::MAX.into()),
        "u64" => (0, u64::MAX.into()),
        _ => return None,
    };
    Some((found, min, max))
}

/// serde's name for a type, in TOML words.
fn plain(expected: &str) -> String {
    match expected {
        "i32" | "i64" => "a whole number".to_string(),
        "u32" | "u64" => "a whole number, 0 or more".to_string(),
        "a sequence" => "a list, like [\"a\", \"b\"]".to_string(),
        "a boolean" => "true or false".to_string(),
        "a string" => "text in quotes".to_string(),
        "a map" => "a table".to_string(),
        other if other.starts_with("struct ") => "a table".to_string(),
        other => other.to_string(),
    }
}

pub(super) fn first_line(message: &str) -> String {
    message.lines().next().unwrap_or(message).trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bare_word_is_told_to_take_quotes() {
        let text = "start = need\n";
        let d = syntax(text, "invalid float, expected `nan`", Some(8..12));
        assert_eq!(
            d.message,
            "`need` is not a TOML value: text needs quotes, like \"need\""
        );
        // Real values, and words not after `=`, keep the parser's message.
        assert_eq!(syntax("a = true\n", "m", Some(4..8)).message, "m");
        assert_eq!(syntax("[a b]\n", "m", Some(3..4)).message, "m");
    }

    #[test]
    fn a_number_out_of_range_is_not_called_the_wrong_type() {
        let d = read_error(
            "invalid value: integer `9223372036854775807`, expected i32",
            0..1,
        );
        assert_eq!(
            d.message,
            "9223372036854775807 is out of range: a whole number here goes from -2147483648 \
             to 2147483647"
        );
        let d = read_error("invalid value: integer `-1`, expected u32", 0..1);
        assert!(d.message.starts_with("-1 is out of range"), "{}", d.message);
    }

    #[test]
    fn serde_words_become_toml_words() {
        let d = read_error(
            "unknown field `promt`, expected one of `id`, `prompt`, `help`",
            0..1,
        );
        assert_eq!(
            (d.code, d.message.as_str()),
            ("unknown-key", "unknown key `promt`")
        );
        assert!(d.hint.starts_with("did you mean `prompt`?"), "{}", d.hint);
        let d = read_error("missing field `date`", 0..1);
        assert_eq!(d.message, "this table has no `date`, which it needs");
        let d = read_error("invalid type: string \"one\", expected i32", 0..1);
        assert_eq!(d.message, "expected a whole number, found string \"one\"");
        let d = read_error("invalid type: integer `1`, expected a sequence", 0..1);
        assert_eq!(
            d.message,
            "expected a list, like [\"a\", \"b\"], found integer `1`"
        );
    }
}
