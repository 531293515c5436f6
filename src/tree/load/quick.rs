//! A quick reader for one section written in the plain TOML that question trees are made of:
//! bare keys, one-line strings without escapes, decimal integers, booleans, arrays of strings,
//! one-line inline tables of integers, comments, and `[[questions.choices]]` headers. It builds
//! the item straight from the text, with no parse tree in between, which is what makes a
//! 100,000-question file load in a fraction of a second.
//!
//! It only ever says "here is the item" or "not mine". Anything outside that subset, and any
//! item that would not read cleanly (an unknown or repeated key, a missing field, a wrong
//! type, a number out of range), is left to the toml parser, which reports the problem with its
//! place. So this reader can change how fast a file loads, never what it loads to; the tests
//! here, in `load.rs` and in `tests/properties.rs`, and the tree fuzz target hold it to that.

use super::Item;
use super::sections::Kind;
use crate::tree::model::{Choice, Evidence, Meta, Outcome, Question, Source};

/// Reads a section (its header first) into its item, or `None` when the toml parser must.
pub(super) fn read(kind: Kind, section: &str) -> Option<Item> {
    let mut r = Reader {
        text: section,
        at: 0,
    };
    r.expect(kind.header())?;
    r.end_of_line()?;
    Some(match kind {
        Kind::Meta => {
            let meta = meta(&mut r)?;
            let start = meta.start.clone();
            Item::Meta(Some(meta), Some(start))
        }
        Kind::Source => {
            let source = source(&mut r)?;
            let id = source.id.clone();
            Item::Source(Some(source), Some(id))
        }
        Kind::Outcome => {
            let outcome = outcome(&mut r)?;
            let id = outcome.id.clone();
            Item::Outcome(Some(outcome), Some(id))
        }
        Kind::Question => {
            let question = question(&mut r)?;
            let id = question.id.clone();
            Item::Question(Some(question), Some(id))
        }
        // Few and small: the toml parser reads them.
        Kind::Rule | Kind::Example => return None,
    })
}

/// Whether a text holds nothing but blank lines and comments, as TOML allows them.
pub(super) fn blank(text: &str) -> bool {
    let mut r = Reader { text, at: 0 };
    r.blank().is_some() && r.peek().is_none()
}

/// What a line of a section holds, once blank lines and comments are skipped.
enum Line<'t> {
    Pair(&'t str, Value<'t>),
    /// A `[[questions.choices]]` header: the lines after it belong to a new choice.
    Choice,
    End,
}

/// The values the subset has.
enum Value<'t> {
    Str(&'t str),
    Int(i64),
    Bool(bool),
    Strings(Vec<String>),
    /// A one-line inline table of integers that fit an `i32`, as evidence is written.
    Points(Evidence),
}

impl Value<'_> {
    fn string(self) -> Option<String> {
        match self {
            Value::Str(s) => Some(s.to_string()),
            _ => None,
        }
    }

    fn strings(self) -> Option<Vec<String>> {
        match self {
            Value::Strings(list) => Some(list),
            _ => None,
        }
    }

    fn integer(self) -> Option<i64> {
        match self {
            Value::Int(n) => Some(n),
            _ => None,
        }
    }

    fn boolean(self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(b),
            _ => None,
        }
    }

    fn points(self) -> Option<Evidence> {
        match self {
            Value::Points(points) => Some(points),
            _ => None,
        }
    }
}

/// Fills a field once: a key given twice is a TOML error, left to the parser to report.
fn set<T>(field: &mut Option<T>, value: Option<T>) -> Option<()> {
    match field {
        Some(_) => None,
        None => {
            *field = Some(value?);
            Some(())
        }
    }
}

fn meta(r: &mut Reader<'_>) -> Option<Meta> {
    let (mut title, mut version, mut start, mut margin) = (None, None, None, None);
    while let Some((key, value)) = r.pair()? {
        match key {
            "title" => set(&mut title, value.string())?,
            "version" => set(&mut version, value.string())?,
            "start" => set(&mut start, value.string())?,
            "close_call_margin" => set(
                &mut margin,
                value.integer().and_then(|n| u32::try_from(n).ok()),
            )?,
            _ => return None,
        }
    }
    Some(Meta {
        title: title?,
        version: version?,
        start: start?,
        close_call_margin: margin.unwrap_or(1),
    })
}

fn source(r: &mut Reader<'_>) -> Option<Source> {
    let [
        mut id,
        mut title,
        mut publisher,
        mut author,
        mut date,
        mut url,
    ] = [const { None }; 6];
    while let Some((key, value)) = r.pair()? {
        let field = match key {
            "id" => &mut id,
            "title" => &mut title,
            "publisher" => &mut publisher,
            "author" => &mut author,
            "date" => &mut date,
            "url" => &mut url,
            _ => return None,
        };
        set(field, value.string())?;
    }
    Some(Source {
        id: id?,
        title: title?,
        publisher: publisher?,
        author,
        date: date?,
        url,
    })
}

fn outcome(r: &mut Reader<'_>) -> Option<Outcome> {
    let [
        mut id,
        mut label,
        mut summary,
        mut profile,
        mut collaboration,
        mut when_to_split,
    ] = [const { None }; 6];
    let [
        mut owns,
        mut priorities,
        mut risks,
        mut next_steps,
        mut sources,
    ] = [const { None }; 5];
    while let Some((key, value)) = r.pair()? {
        let text = match key {
            "id" => &mut id,
            "label" => &mut label,
            "summary" => &mut summary,
            "profile" => &mut profile,
            "collaboration" => &mut collaboration,
            "when_to_split" => &mut when_to_split,
            _ => {
                let list = match key {
                    "owns" => &mut owns,
                    "priorities" => &mut priorities,
                    "risks" => &mut risks,
                    "next_steps" => &mut next_steps,
                    "sources" => &mut sources,
                    _ => return None,
                };
                set(list, value.strings())?;
                continue;
            }
        };
        set(text, value.string())?;
    }
    Some(Outcome {
        id: id?,
        label: label?,
        summary: summary?,
        owns: owns?,
        priorities: priorities?,
        profile: profile?,
        risks: risks?,
        next_steps: next_steps?,
        collaboration,
        when_to_split,
        sources: sources.unwrap_or_default(),
    })
}

fn question(r: &mut Reader<'_>) -> Option<Question> {
    let (mut id, mut prompt, mut help, mut sources) = (None, None, None, None);
    let mut line = r.line()?;
    while let Line::Pair(key, value) = line {
        match key {
            "id" => set(&mut id, value.string())?,
            "prompt" => set(&mut prompt, value.string())?,
            "help" => set(&mut help, value.string())?,
            "sources" => set(&mut sources, value.strings())?,
            _ => return None,
        }
        line = r.line()?;
    }
    // Without a `[[questions.choices]]` header the question has no `choices`: a missing field.
    let mut choices = Vec::with_capacity(4);
    while let Line::Choice = line {
        let (choice, after) = choice(r)?;
        choices.push(choice);
        line = after;
    }
    if choices.is_empty() {
        return None;
    }
    Some(Question {
        id: id?,
        prompt: prompt?,
        help: help?,
        sources: sources.unwrap_or_default(),
        choices,
    })
}

/// Reads one choice's lines; also returns the line that ended it (another choice, or the end).
fn choice<'t>(r: &mut Reader<'t>) -> Option<(Choice, Line<'t>)> {
    let (mut id, mut label, mut detail, mut next, mut reason) = (None, None, None, None, None);
    let (mut end, mut unsure, mut evidence) = (None, None, None);
    let after = loop {
        let (key, value) = match r.line()? {
            Line::Pair(key, value) => (key, value),
            other => break other,
        };
        let text = match key {
            "id" => &mut id,
            "label" => &mut label,
            "detail" => &mut detail,
            "next" => &mut next,
            "reason" => &mut reason,
            "end" => {
                set(&mut end, value.boolean())?;
                continue;
            }
            "unsure" => {
                set(&mut unsure, value.boolean())?;
                continue;
            }
            "evidence" => {
                set(&mut evidence, value.points())?;
                continue;
            }
            _ => return None,
        };
        set(text, value.string())?;
    };
    let choice = Choice {
        id: id?,
        label: label?,
        detail,
        next,
        end: end.unwrap_or(false),
        evidence: evidence.unwrap_or_default(),
        reason,
        unsure: unsure.unwrap_or(false),
    };
    Some((choice, after))
}

/// A cursor over a section's text. Every method returns `None` for anything outside the subset.
struct Reader<'t> {
    text: &'t str,
    at: usize,
}

impl<'t> Reader<'t> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn rest(&self) -> &'t [u8] {
        &self.text.as_bytes()[self.at..]
    }

    fn expect(&mut self, word: &str) -> Option<()> {
        self.rest().starts_with(word.as_bytes()).then(|| {
            self.at += word.len();
        })
    }

    fn spaces(&mut self) {
        while let Some(b' ' | b'\t') = self.peek() {
            self.at += 1;
        }
    }

    /// A line break (`\n` or `\r\n`), if one is next.
    fn newline(&mut self) -> bool {
        match self.rest() {
            [b'\n', ..] => self.at += 1,
            [b'\r', b'\n', ..] => self.at += 2,
            _ => return false,
        }
        true
    }

    /// A comment, if one is next, up to its line break. TOML allows no control characters
    /// in comments but the tab.
    fn comment(&mut self) -> Option<()> {
        if self.peek() != Some(b'#') {
            return Some(());
        }
        let rest = self.rest();
        let len = rest
            .iter()
            .position(|&b| b == b'\n' || b == b'\r')
            .unwrap_or(rest.len());
        if rest[..len].iter().any(|&b| is_control(b)) {
            return None;
        }
        self.at += len;
        Some(())
    }

    /// The rest of a line after a header or value: spaces, maybe a comment, then a line break
    /// or the end of the text.
    fn end_of_line(&mut self) -> Option<()> {
        self.spaces();
        self.comment()?;
        (self.newline() || self.peek().is_none()).then_some(())
    }

    /// Blank lines, comments and spaces, up to the next thing that is none of those.
    fn blank(&mut self) -> Option<()> {
        loop {
            self.spaces();
            self.comment()?;
            if !self.newline() {
                return Some(());
            }
        }
    }

    /// The next key and value of a table that has no sub-tables; `Some(None)` at the end.
    fn pair(&mut self) -> Option<Option<(&'t str, Value<'t>)>> {
        match self.line()? {
            Line::Pair(key, value) => Some(Some((key, value))),
            Line::Choice => None,
            Line::End => Some(None),
        }
    }

    /// The next line that says something.
    fn line(&mut self) -> Option<Line<'t>> {
        self.blank()?;
        match self.peek() {
            None => Some(Line::End),
            Some(b'[') => {
                self.expect("[[questions.choices]]")?;
                self.end_of_line()?;
                Some(Line::Choice)
            }
            Some(_) => {
                let key = self.key()?;
                self.spaces();
                self.expect("=")?;
                self.spaces();
                let value = self.value()?;
                self.end_of_line()?;
                Some(Line::Pair(key, value))
            }
        }
    }

    /// A bare key: letters, digits, `_` and `-`. Quoted and dotted keys are not in the subset.
    fn key(&mut self) -> Option<&'t str> {
        let len = self
            .rest()
            .iter()
            .position(|&b| !(b.is_ascii_alphanumeric() || b == b'_' || b == b'-'))
            .unwrap_or(self.rest().len());
        (len > 0).then(|| {
            let key = &self.text[self.at..self.at + len];
            self.at += len;
            key
        })
    }

    fn value(&mut self) -> Option<Value<'t>> {
        match self.peek()? {
            b'"' | b'\'' => self.string().map(Value::Str),
            b'[' => self.strings().map(Value::Strings),
            b'{' => self.points().map(Value::Points),
            b't' => self.word("true").map(|()| Value::Bool(true)),
            b'f' => self.word("false").map(|()| Value::Bool(false)),
            _ => self.int().map(Value::Int),
        }
    }

    /// A one-line string in double quotes without escapes, or in single quotes.
    fn string(&mut self) -> Option<&'t str> {
        let quote = self.peek().filter(|&b| b == b'"' || b == b'\'')?;
        // Three quotes open a multi-line string.
        if self.rest().get(1..3) == Some(&[quote, quote][..]) {
            return None;
        }
        let body = &self.rest()[1..];
        let len = body.iter().position(|&b| b == quote)?;
        let inside = &body[..len];
        if inside
            .iter()
            .any(|&b| is_control(b) || (b == b'\\' && quote == b'"'))
        {
            return None;
        }
        let s = &self.text[self.at + 1..self.at + 1 + len];
        self.at += len + 2;
        Some(s)
    }

    /// An array of strings, over as many lines as it likes, with comments and a trailing comma.
    fn strings(&mut self) -> Option<Vec<String>> {
        self.at += 1;
        let mut list = Vec::new();
        loop {
            self.blank()?;
            if self.peek()? == b']' {
                break;
            }
            list.push(self.string()?.to_string());
            self.blank()?;
            match self.peek()? {
                b',' => self.at += 1,
                b']' => break,
                _ => return None,
            }
        }
        self.at += 1;
        Some(list)
    }

    /// A one-line inline table of integers that fit an `i32`, such as `{ cio = 3, cto = -1 }`.
    fn points(&mut self) -> Option<Evidence> {
        self.at += 1;
        self.spaces();
        let mut points: Vec<(String, i32)> = Vec::new();
        if self.peek()? == b'}' {
            self.at += 1;
            return Some(Evidence::default());
        }
        loop {
            let key = self.key()?;
            if points.iter().any(|(k, _)| k == key) {
                return None;
            }
            self.spaces();
            self.expect("=")?;
            self.spaces();
            points.push((key.to_string(), i32::try_from(self.int()?).ok()?));
            self.spaces();
            match self.peek()? {
                b',' => {
                    self.at += 1;
                    self.spaces();
                }
                b'}' => break,
                _ => return None,
            }
        }
        self.at += 1;
        Some(points.into_iter().collect())
    }

    /// A decimal integer without underscores or leading zeros.
    fn int(&mut self) -> Option<i64> {
        let rest = self.rest();
        let (negative, sign) = match rest.first()? {
            b'-' => (true, 1),
            b'+' => (false, 1),
            _ => (false, 0),
        };
        let digits = &rest[sign..];
        let len = digits
            .iter()
            .position(|b| !b.is_ascii_digit())
            .unwrap_or(digits.len());
        if len == 0 || (digits[0] == b'0' && len > 1) {
            return None;
        }
        let mut n: i64 = 0;
        for &d in &digits[..len] {
            let d = i64::from(d - b'0');
            n = n.checked_mul(10)?;
            n = if negative {
                n.checked_sub(d)?
            } else {
                n.checked_add(d)?
            };
        }
        self.at += sign + len;
        self.delimited().then_some(n)
    }

    /// A keyword such as `true`, standing alone.
    fn word(&mut self, word: &str) -> Option<()> {
        self.expect(word)?;
        self.delimited().then_some(())
    }

    /// Whether what was just read stands alone: `1e3`, `1.5`, `2025-05` and `truex` are not
    /// integers or booleans.
    fn delimited(&self) -> bool {
        matches!(
            self.peek(),
            None | Some(b' ' | b'\t' | b'\r' | b'\n' | b',' | b'}' | b']' | b'#')
        )
    }
}

/// The control characters TOML allows in no string or comment (the tab is allowed).
fn is_control(b: u8) -> bool {
    (b < 0x20 && b != b'\t') || b == 0x7f
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::tree::EMBEDDED;
    use crate::tree::load::sections::{read_parsed, split};

    /// What toml's parse tree reads of a section, when it reads cleanly.
    fn parsed(kind: Kind, text: &str) -> Option<Item> {
        match read_parsed(kind, text, 0)? {
            (item, None) => Some(item),
            (_, Some(_)) => None,
        }
    }

    #[test]
    fn the_shipped_tree_is_read_quickly_and_the_same_as_by_toml() {
        let sections = split(EMBEDDED).expect("the shipped tree splits into sections");
        // Rules and examples are few and always read by the toml parser.
        let plain = sections
            .into_iter()
            .filter(|s| !matches!(s.kind, Kind::Rule | Kind::Example));
        for section in plain {
            let text = &EMBEDDED[section.range];
            let quick = read(section.kind, text);
            assert!(quick.is_some(), "the quick reader declined:\n{text}");
            assert_eq!(quick, parsed(section.kind, text), "{text}");
        }
    }

    #[test]
    fn a_choice_reads_every_field() {
        let text = "[[questions]]\nid = \"q\" # the id\nprompt = 'Why?'\nhelp = \"h\"\n\
                    sources = [\n  \"a\", # first\n  'b',\n]\n\n\
                    [[questions.choices]]\r\nid = \"c\"\nlabel = \"L\"\ndetail = \"d\"\n\
                    next = \"n\"\nevidence = { cto = -2, cio = +3 }\nreason = \"r\"\n\
                    \t[[questions.choices]]\nid = \"e\"\nlabel = \"E\"\nend = true\nevidence = {}";
        let Some(Item::Question(Some(q), Some(id))) = read(Kind::Question, text) else {
            panic!("the quick reader declined a plain question");
        };
        assert_eq!(id, "q");
        assert_eq!(q.sources, ["a", "b"]);
        assert_eq!(q.choices.len(), 2);
        let points: Vec<(&String, &i32)> = q.choices[0].evidence.iter().collect();
        assert_eq!(
            points,
            [(&"cio".to_string(), &3), (&"cto".to_string(), &-2)]
        );
        assert!(q.choices[1].end && q.choices[1].evidence.is_empty());
        assert_eq!(
            Some(Item::Question(Some(q), Some(id))),
            parsed(Kind::Question, text)
        );
    }

    #[test]
    fn anything_outside_the_subset_is_declined() {
        let plain = "[[questions]]\nid = \"q\"\nprompt = \"p\"\nhelp = \"h\"\n\
                     [[questions.choices]]\nid = \"c\"\nlabel = \"l\"\nend = true\n";
        assert!(read(Kind::Question, plain).is_some());
        for (from, to) in [
            ("\"p\"", "\"p\\\"q\""),                  // an escape
            ("\"p\"", "\"\"\"p\"\"\""),               // a multi-line string
            ("\"p\"", "'''p'''"),                     // a multi-line literal string
            ("\"p\"", "\"p\u{1}\""),                  // a control character
            ("\"p\"", "\"p\" x"),                     // junk after a value
            ("\"p\"", "7"),                           // a wrong type
            ("id = \"c\"", "\"id\" = \"c\""),         // a quoted key
            ("id = \"c\"", "id.x = \"c\""),           // a dotted key
            ("end = true", "end = True"),             // not a boolean
            ("\"p\"", "[1, 1]"),                      // not strings
            ("\"p\"", "[\u{40000}\u{40000}]"),        // not strings
            ("end = true", "end = true\nend = true"), // a repeated key
            ("end = true", "end = true\nnote = 1"),   // an unknown key
            ("label = \"l\"\n", ""),                  // a missing field
            ("end = true", "end = true\nevidence = { cio = 1_000 }"),
            ("end = true", "end = true\nevidence = { cio = 0x10 }"),
            ("end = true", "end = true\nevidence = { cio = 1e3 }"),
            ("end = true", "end = true\nevidence = { cio = 07 }"),
            ("end = true", "end = true\nevidence = { cio = 2147483648 }"),
            ("end = true", "end = true\nevidence = { cio = 1, }"),
            ("end = true", "end = true\nevidence = { cio = 1, cio = 2 }"),
            ("end = true", "end = true\nevidence = { cio = 1\n}"),
            ("end = true\n", "end = true\r"), // a lone carriage return
            ("end = true", "end = true # \u{7f}"), // a control character in a comment
            ("[[questions.choices]]", "[[ questions.choices ]]"),
            ("[[questions.choices]]", "[questions.choices]"),
        ] {
            let odd = plain.replacen(from, to, 1);
            assert!(read(Kind::Question, &odd).is_none(), "{odd:?}");
        }
        let no_choices = "[[questions]]\nid = \"q\"\nprompt = \"p\"\nhelp = \"h\"\n";
        assert!(read(Kind::Question, no_choices).is_none());
        let choices_in_meta = "[meta]\ntitle = \"t\"\nversion = \"1\"\nstart = \"q\"\n\
                               [[questions.choices]]\n";
        assert!(read(Kind::Meta, choices_in_meta).is_none());
    }

    /// Values as they might be written, inside and outside the subset, for the property below.
    const VALUES: [&str; 46] = [
        "\"plain\"",
        "\"with # a hash\"",
        "\"é ü 日本 \u{85}\"",
        "\"tab\there\"",
        "\"\"",
        "''",
        "'lit \\ back'",
        "\"esc \\\" q\"",
        "\"\"\"multi\"\"\"",
        "\"ctl \u{1}\"",
        "\"open",
        "3",
        "-2",
        "+4",
        "0",
        "-0",
        "007",
        "1_000",
        "0x1F",
        "1e3",
        "2.5",
        "4294967296",
        "-9223372036854775808",
        "99999999999999999999",
        "inf",
        "2025-05-01",
        "true",
        "false",
        "truex",
        "[]",
        "[\"a\"]",
        "[\"a\", 'b',]",
        "[\n  \"a\", # c\n  \"b\"\n]",
        "[1, 2]",
        "[1, 1]",
        "[\"a\", é]",
        "[\"a\" \"b\"]",
        "[,]",
        "{}",
        "{ cio = 1 }",
        "{cio=1,cto=-2}",
        "{ cio = 1, }",
        "{ \"cio\" = 1 }",
        "{ cio = 1, cio = 2 }",
        "{ cio = \"x\" }",
        "{ cio = 1\n}",
    ];

    const KEYS: [&str; 6] = ["id", "label", "evidence", "other", "\"id\"", "id.x"];

    const ENDINGS: [&str; 8] = ["\n", "\n", "\n", "\r\n", " # note\n", "#\t\n", "\r", "\n\n"];

    /// Each kind's keys with a value that reads.
    fn template(kind: Kind) -> Vec<(&'static str, &'static str)> {
        match kind {
            Kind::Meta => vec![
                ("title", "\"T\""),
                ("version", "'1'"),
                ("start", "\"q\""),
                ("close_call_margin", "2"),
            ],
            Kind::Source => vec![
                ("id", "\"s\""),
                ("title", "\"T\""),
                ("publisher", "\"P\""),
                ("author", "'A'"),
                ("date", "\"2025\""),
                ("url", "\"https://example.com\""),
            ],
            Kind::Outcome => vec![
                ("id", "\"cio\""),
                ("label", "\"L\""),
                ("summary", "\"S\""),
                ("owns", "[\"a\"]"),
                ("priorities", "[]"),
                ("profile", "\"p\""),
                ("risks", "[\"r\", 'x',]"),
                ("next_steps", "[\n  \"n\" # c\n]"),
                ("collaboration", "\"c\""),
                ("when_to_split", "\"w\""),
                ("sources", "[\"s\"]"),
            ],
            Kind::Question => vec![
                ("id", "\"q\""),
                ("prompt", "\"P\""),
                ("help", "\"H\""),
                ("sources", "[\"s\"]"),
                ("[[questions.choices]]", ""),
                ("id", "\"c\""),
                ("label", "\"L\""),
                ("detail", "\"d\""),
                ("next", "\"n\""),
                ("end", "false"),
                ("evidence", "{ cio = 1, cto = -2 }"),
                ("reason", "\"r\""),
                ("unsure", "true"),
                ("[[questions.choices]]", ""),
                ("id", "\"e\""),
                ("label", "\"E\""),
                ("end", "true"),
            ],
            // The quick reader leaves these to the toml parser.
            Kind::Rule | Kind::Example => vec![],
        }
    }

    /// A section that reads, with some of its lines dropped, repeated, given another value or
    /// key, or ended differently.
    fn section() -> impl Strategy<Value = (Kind, String)> {
        let kind = prop::sample::select(vec![
            Kind::Meta,
            Kind::Source,
            Kind::Outcome,
            Kind::Question,
        ]);
        // (what to do, a value, a key, an ending) for each template line.
        let edit = (0..30usize, 0..VALUES.len(), 0..KEYS.len(), 0..ENDINGS.len());
        (kind, prop::collection::vec(edit, 17)).prop_map(|(kind, edits)| {
            let mut text = format!("{}\n", kind.header());
            for (&(key, value), &(what, other_value, other_key, ending)) in
                template(kind).iter().zip(&edits)
            {
                let line = |key: &str, value: &str| {
                    if key.starts_with('[') {
                        format!("{key}\n")
                    } else {
                        format!("{key} = {value}{}", ENDINGS[ending])
                    }
                };
                match what {
                    0 => {}
                    1 => text.push_str(&line(key, VALUES[other_value])),
                    2 => text.push_str(&line(KEYS[other_key], value)),
                    3 => text.push_str(&line(key, value).repeat(2)),
                    _ => text.push_str(&line(key, value)),
                }
            }
            (kind, text)
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig {
            cases: 4000,
            failure_persistence: None,
            ..ProptestConfig::default()
        })]

        /// Whatever the quick reader takes, toml reads cleanly to the very same item.
        #[test]
        fn what_the_quick_reader_takes_toml_reads_the_same((kind, text) in section()) {
            if let Some(item) = read(kind, &text) {
                prop_assert_eq!(Some(item), parsed(kind, &text));
            }
        }
    }
}
