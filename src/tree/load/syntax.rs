//! TOML syntax errors, found by the `toml` crate's own parser (`toml_parser`, with the same
//! whitespace checks and nesting guard the `toml` crate uses) without building the document,
//! and kept to a bounded number: a file of a million broken lines costs a counter, not a
//! million messages. Trees and answers files are checked here before they are parsed whole.

use std::ops::Range;

use toml_parser::decoder::{Encoding, ScalarKind};
use toml_parser::parser::{EventReceiver, RecursionGuard, ValidateWhitespace, parse_document};
use toml_parser::{ErrorSink, Expected, ParseError, Raw, Source, Span};

use crate::tree::diagnostics::MAX_LISTED;

/// The syntax errors of a text: the first ones, and how many there are in all.
#[derive(Debug, Default)]
pub(crate) struct SyntaxErrors {
    /// Up to [`MAX_LISTED`] errors, in the order found: the message as the `toml` crate words
    /// it, and where the parser stopped.
    pub(crate) first: Vec<(String, Option<Range<usize>>)>,
    /// Every error, those kept included.
    pub(crate) total: usize,
}

/// The nesting depth the `toml` crate stops at, rather than overflow the stack.
const NESTING_LIMIT: u32 = 80;

/// Checks `text`'s TOML syntax.
pub(crate) fn check(text: &str) -> SyntaxErrors {
    let source = Source::new(text);
    let tokens = source.lex().into_vec();
    let mut sink = Capped::default();
    let mut decode = Decode { source };
    let mut whitespace = ValidateWhitespace::new(&mut decode, source);
    let mut guard = RecursionGuard::new(&mut whitespace, NESTING_LIMIT);
    parse_document(&tokens, &mut guard, &mut sink);
    sink.errors
}

/// Decodes every key and value as the `toml` crate does when it builds the document (escapes
/// in strings, numbers, dates), keeping nothing.
struct Decode<'s> {
    source: Source<'s>,
}

impl EventReceiver for Decode<'_> {
    fn simple_key(&mut self, span: Span, encoding: Option<Encoding>, error: &mut dyn ErrorSink) {
        if let Some(raw) = self.raw(span, encoding) {
            raw.decode_key(&mut (), error);
        }
    }

    fn scalar(&mut self, span: Span, encoding: Option<Encoding>, error: &mut dyn ErrorSink) {
        let Some(raw) = self.raw(span, encoding) else {
            return;
        };
        let mut decoded = std::borrow::Cow::Borrowed("");
        if raw.decode_scalar(&mut decoded, error) == ScalarKind::DateTime
            && let Err(e) = decoded.parse::<toml_datetime::Datetime>()
        {
            error.report_error(ParseError::new(e.to_string()).with_unexpected(span));
        }
    }
}

impl<'s> Decode<'s> {
    fn raw(&self, span: Span, encoding: Option<Encoding>) -> Option<Raw<'s>> {
        let text = self.source.input().get(span.start()..span.end())?;
        Some(Raw::new_unchecked(text, encoding, span))
    }
}

#[derive(Default)]
struct Capped {
    errors: SyntaxErrors,
    /// The last error, so the same error at the same place (an unclosed run of brackets is
    /// reported once per bracket) counts once.
    last: Option<ParseError>,
}

impl ErrorSink for Capped {
    fn report_error(&mut self, error: ParseError) {
        let same = self.last.as_ref().is_some_and(|last| {
            last.unexpected() == error.unexpected()
                && last.description() == error.description()
                && last.expected() == error.expected()
        });
        if same {
            return;
        }
        self.errors.total += 1;
        // Past the errors kept, nothing is formatted: a million of them cost a counter.
        if self.errors.first.len() < MAX_LISTED {
            let span = error.unexpected().map(|s| s.start()..s.end());
            self.errors.first.push((message(&error), span));
        }
        self.last = Some(error);
    }
}

/// The message the `toml` crate gives for a parse error: what is wrong, and what was expected.
fn message(error: &ParseError) -> String {
    let mut message = error.description().to_string();
    if let Some(expected) = error.expected() {
        message.push_str(", expected ");
        if expected.is_empty() {
            message.push_str("nothing");
        }
        for (i, expected) in expected.iter().enumerate() {
            if i != 0 {
                message.push_str(", ");
            }
            match expected {
                Expected::Literal(literal) => message.push_str(&literal_name(literal)),
                Expected::Description(description) => message.push_str(description),
                _ => message.push_str("etc"),
            }
        }
    }
    message
}

fn literal_name(literal: &str) -> String {
    match literal {
        "\n" => "newline".to_owned(),
        "`" => "'`'".to_owned(),
        s if s.chars().all(|c| c.is_ascii_control()) => format!("`{}`", s.escape_debug()),
        s => format!("`{s}`"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_and_places_are_the_toml_crates() {
        for text in [
            "x\n",
            "a = \n",
            "a = [1, 2\n",
            "[meta\n",
            "a = \"unclosed\n",
            "a = 1 b = 2\n",
            "a = 1\r\n\u{7}\n",
            "[[[x]]]\n",
        ] {
            let mut ours = check(text).first;
            let (_, theirs) = toml::de::DeTable::parse_recoverable(text);
            let mut theirs: Vec<(String, Option<Range<usize>>)> = theirs
                .iter()
                .map(|e| (e.message().to_string(), e.span()))
                .collect();
            theirs.dedup();
            // The same errors; ours in the order of the text, theirs parser's first.
            let place = |e: &(String, Option<Range<usize>>)| e.1.as_ref().map(|s| s.start);
            ours.sort_by_key(place);
            theirs.sort_by_key(place);
            assert!(!ours.is_empty(), "{text:?}");
            assert_eq!(ours, theirs, "{text:?}");
        }
        assert_eq!(check("a = 1\n[b]\nc = [1, {d = 2}]\n").total, 0);
    }

    #[test]
    fn a_million_errors_are_counted_and_a_few_kept() {
        let errors = check(&"x\n".repeat(1_000_000));
        assert_eq!(errors.total, 1_000_000);
        assert_eq!(errors.first.len(), MAX_LISTED);
    }

    #[test]
    fn deep_nesting_stops_at_the_guard() {
        let errors = check(&format!("a = {}", "[".repeat(100_000)));
        assert!(
            errors.first.iter().any(|(m, _)| m.contains("recurs")),
            "{errors:?}"
        );
        assert!(errors.total < 10, "{}", errors.total);
    }

    /// A file the toml crate accepts is never refused here. (On a broken file the two may word
    /// or count its errors differently: this check also decodes keys the toml crate skips once
    /// a line is broken.) Checked on damaged copies of the shipped tree and on TOML-like noise.
    fn refused_only_if_the_toml_crate_refuses(text: &str) -> Result<(), TestCaseError> {
        let ours = check(text);
        if ours.total > 0 {
            let refused = toml::de::DeTable::parse(text).is_err();
            prop_assert!(refused, "{:?} in {:?}", ours.first[0], text);
        }
        Ok(())
    }

    use proptest::prelude::*;
    use proptest::test_runner::TestCaseError;

    proptest! {
        #[test]
        fn damaged_trees_are_refused_only_if_the_toml_crate_refuses_them(
            at in 0.0f64..1.0,
            cut in 0usize..40,
            with in "[ -~\n\t\u{80}-\u{10ffff}]{0,12}",
        ) {
            let text = crate::tree::EMBEDDED;
            let mut i = (text.len() as f64 * at) as usize;
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            let mut j = (i + cut).min(text.len());
            while !text.is_char_boundary(j) {
                j -= 1;
            }
            refused_only_if_the_toml_crate_refuses(&format!("{}{with}{}", &text[..i], &text[j..]))?;
        }

        #[test]
        fn toml_like_noise_is_refused_only_if_the_toml_crate_refuses_it(
            text in r#"([a-z\[\]{}=,."' 0-9#\n-]|\\u|1979-05-27|true|"""|'''){0,80}"#,
        ) {
            refused_only_if_the_toml_crate_refuses(&text)?;
        }
    }
}
