//! Answers files: a flat TOML table of question id = choice id, read with a size limit and
//! checked against a tree, so `techhire run --answers FILE` can give a recommendation without
//! asking. Every problem names the file and, where it has one, the line and column, and says
//! what to write instead.

use std::fmt::Write as _;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use toml::de::{DeTable, DeValue};
use unicode_width::UnicodeWidthStr;

use crate::interview::Interview;
use crate::text::terminal_safe;
use crate::tree::Step;
use crate::tree::Tree;
use crate::tree::diagnostics::{self, Diagnostic, Lines, MAX_RENDERED, Position, Severity};

/// Answers files larger than this are refused before being read. The shipped tree's longest
/// path answers in under 400 bytes, and 100,000 answers with short ids take 1.5 MiB; the TOML
/// parser needs some 100 times a file's size in memory for a file of tiny lines, so this keeps
/// the worst answers file well under 256 MiB.
pub const MAX_ANSWERS_BYTES: u64 = 2 * 1024 * 1024;

/// Ids listed under a hint; past this many, the hint points to `techhire graph` instead.
const MAX_LISTED: usize = 20;

/// An answers file that parsed: each question id with its choice id, in file order.
#[derive(Debug, Clone)]
pub struct Answers {
    file: String,
    text: String,
    entries: Vec<Entry>,
}

/// One line of an answers file, with where its key and value are.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub(crate) question: String,
    pub(crate) choice: String,
    pub(crate) key: Range<usize>,
    pub(crate) value: Range<usize>,
}

/// Why an answers file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum AnswersError {
    #[error("cannot read {file}: {source}; check the path")]
    Io {
        file: String,
        source: std::io::Error,
    },
    #[error(
        "{file} is {size} bytes, over the {limit}-byte limit for answers files; is it the right file?"
    )]
    TooLarge { file: String, size: u64, limit: u64 },
    #[error("{file} is not UTF-8 text (invalid byte at offset {offset}); save it as UTF-8")]
    NotUtf8 { file: String, offset: usize },
    #[error("{}", .0.render())]
    Invalid(Problems),
}

/// One problem with an answers file, and the ids to choose from when that helps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub diagnostic: Diagnostic,
    /// Ids to list under the hint, each with what it means (a choice's label, a prompt).
    pub listed: Vec<(String, String)>,
}

/// Every problem found in one answers file, with the text they point into.
#[derive(Debug, Clone, Default)]
pub struct Problems {
    pub file: String,
    pub text: String,
    pub problems: Vec<Problem>,
    /// Syntax errors past the first [`diagnostics::MAX_LISTED`], counted but not kept.
    pub unlisted: usize,
}

/// Answers applied to a tree: the finished interview, and warnings about answers not used.
#[derive(Debug)]
pub struct Applied {
    pub interview: Interview,
    pub warnings: Problems,
}

/// Reads an answers file, refusing files over [`MAX_ANSWERS_BYTES`] before reading them.
pub fn load_path(path: &Path) -> Result<Answers, AnswersError> {
    let name = path.display().to_string();
    let io_err = |source| AnswersError::Io {
        file: name.clone(),
        source,
    };
    let too_large = |size| AnswersError::TooLarge {
        file: name.clone(),
        size,
        limit: MAX_ANSWERS_BYTES,
    };
    let bytes = crate::files::read_bounded(path, MAX_ANSWERS_BYTES).map_err(|e| match e {
        crate::files::ReadError::TooLarge(size) => too_large(size),
        other => io_err(other.into_io()),
    })?;
    let text = String::from_utf8(bytes).map_err(|e| AnswersError::NotUtf8 {
        file: name.clone(),
        offset: e.utf8_error().valid_up_to(),
    })?;
    parse(&name, &text).map_err(AnswersError::Invalid)
}

/// Parses answers from text; `file` names it in messages. Every problem is reported at once.
pub fn parse(file: &str, text: &str) -> Result<Answers, Problems> {
    let mut problems = Problems {
        file: file.to_string(),
        text: text.to_string(),
        problems: Vec::new(),
        unlisted: 0,
    };
    // Checked first without building the document, so a file of countless broken lines is
    // counted rather than held in memory.
    let syntax = crate::tree::load::syntax::check(text);
    let (root, syntax_errors) = if syntax.total > 0 {
        problems.unlisted = syntax.total - syntax.first.len();
        (None, syntax.first)
    } else {
        let (root, errors) = DeTable::parse_recoverable(text);
        let errors = errors
            .iter()
            .take(diagnostics::MAX_LISTED)
            .map(|e| (e.message().to_string(), e.span()))
            .collect();
        (Some(root), errors)
    };
    for (message, span) in &syntax_errors {
        let message = message.lines().next().unwrap_or("").trim().to_string();
        problems.push(
            Diagnostic::error(
                "syntax",
                message,
                "each line reads question_id = \"choice_id\", with the choice id in quotes",
            )
            .at(span.clone()),
        );
    }
    let Some(root) = root.filter(|_| syntax_errors.is_empty()) else {
        return Err(problems);
    };
    let mut entries = Vec::new();
    for (key, value) in root.get_ref() {
        let question = key.get_ref().to_string();
        match value.get_ref() {
            DeValue::String(choice) => entries.push(Entry {
                question,
                choice: choice.to_string(),
                key: key.span(),
                value: value.span(),
            }),
            DeValue::Table(_) => problems.push(
                Diagnostic::error(
                    "not-flat",
                    format!("`{question}` is a table, but an answers file is one flat list"),
                    "write one line per question, question_id = \"choice_id\", with no [sections] or dotted keys",
                )
                .at(Some(key.span())),
            ),
            _ => problems.push(
                Diagnostic::error(
                    "wrong-type",
                    format!("the answer to `{question}` is not a choice id in quotes"),
                    format!("write it as {question} = \"choice_id\""),
                )
                .at(Some(value.span())),
            ),
        }
    }
    if problems.errors() > 0 {
        return Err(problems);
    }
    Ok(Answers {
        file: file.to_string(),
        text: text.to_string(),
        entries,
    })
}

impl Answers {
    /// The file's name as given.
    pub fn file(&self) -> &str {
        &self.file
    }

    /// Answers the tree's questions from the file. Errors: an unknown question or choice, or a
    /// question on the path the file does not answer. Answers to questions off the path are
    /// warnings, returned with the finished interview.
    pub fn apply(&self, tree: &Arc<Tree>) -> Result<Applied, Problems> {
        self.apply_over(tree, &[])
    }

    /// No problems yet, pointing into this file.
    pub(crate) fn problems(&self) -> Problems {
        Problems {
            file: self.file.clone(),
            text: self.text.clone(),
            problems: Vec::new(),
            unlisted: 0,
        }
    }

    /// Each line's question and choice found in the tree, with its line; an unknown question
    /// or choice is added to `problems`, and such a question is also returned on its own, so it
    /// is not reported again as unanswered.
    pub(crate) fn resolve(
        &self,
        tree: &Tree,
        problems: &mut Problems,
    ) -> (Vec<(Step, &Entry)>, Vec<usize>) {
        let mut steps = Vec::new();
        let mut wrong = Vec::new();
        for entry in &self.entries {
            // Past the problems that are shown, skip the suggestions and lists: a generated
            // file with a million wrong lines would otherwise list the tree a million times.
            let detailed = problems.problems.len() < MAX_RENDERED;
            let Some(question) = tree.question_index(&entry.question) else {
                problems
                    .problems
                    .push(unknown_question(tree, entry, detailed));
                continue;
            };
            match tree.choice_index(question, &entry.choice) {
                Some(choice) => steps.push((Step { question, choice }, entry)),
                None => {
                    wrong.push(question);
                    problems
                        .problems
                        .push(unknown_choice(tree, question, entry, detailed));
                }
            }
        }
        (steps, wrong)
    }

    /// [`Answers::apply`] over answers given elsewhere (a workshop's facts, answered once for
    /// everyone): `fixed` is restored first, then the file's own answers. A question on the
    /// path that neither answers is a fact missing from `fixed` when it is a fact, else one
    /// missing from this file.
    pub fn apply_over(&self, tree: &Arc<Tree>, fixed: &[Step]) -> Result<Applied, Problems> {
        let mut problems = self.problems();
        let (steps, wrong) = self.resolve(tree, &mut problems);
        let mut interview = Interview::new(Arc::clone(tree));
        interview.restore(
            fixed
                .iter()
                .chain(steps.iter().map(|(step, _)| step))
                .copied(),
        );
        if let Some(frontier) = interview.current()
            && !fixed.is_empty()
            && tree.is_fact(frontier)
        {
            problems.problems.push(missing_fact(tree, frontier));
        } else if let Some(frontier) = interview.current()
            && !wrong.contains(&frontier)
        {
            let after = interview.path().last().and_then(|last| {
                steps
                    .iter()
                    .find(|(step, _)| step.question == last.question)
            });
            problems
                .problems
                .push(missing_answer(tree, frontier, after.map(|(_, e)| *e)));
        }
        if problems.errors() > 0 {
            return Err(problems);
        }
        let mut on_path = vec![false; tree.questions().len()];
        for step in interview.path() {
            on_path[step.question] = true;
        }
        for (step, entry) in &steps {
            if !on_path[step.question] {
                problems.push(
                    Diagnostic::warning(
                        "off-path",
                        format!(
                            "question `{}` is not asked on the path these answers take, so this answer is not used",
                            clip(&entry.question)
                        ),
                        "remove the line, or change an earlier answer if you meant this question to be asked",
                    )
                    .at(Some(entry.key.clone())),
                );
            }
        }
        Ok(Applied {
            interview,
            warnings: problems,
        })
    }
}

fn unknown_question(tree: &Tree, entry: &Entry, detailed: bool) -> Problem {
    let message = format!(
        "there is no question `{}` in this tree",
        clip(&entry.question)
    );
    if !detailed {
        let hint = "check the question id; `techhire graph` shows them all";
        return Problem::from(
            Diagnostic::error("unknown-question", message, hint).at(Some(entry.key.clone())),
        );
    }
    let ids = tree.questions().iter().map(|q| q.id.as_str());
    let close = suggestions(&entry.question, ids);
    if close.is_empty() {
        let hint = "use one of the question ids below";
        let listed = tree
            .questions()
            .iter()
            .map(|q| (q.id.clone(), q.prompt.clone()))
            .collect();
        return listing(Diagnostic::error("unknown-question", message, hint), listed)
            .at(entry.key.clone());
    }
    let hint = format!("did you mean {}?", or_list(&close));
    Problem::from(Diagnostic::error("unknown-question", message, hint).at(Some(entry.key.clone())))
}

fn unknown_choice(tree: &Tree, question: usize, entry: &Entry, detailed: bool) -> Problem {
    let q = tree.question(question);
    let message = format!(
        "question `{}` has no choice `{}`",
        clip(&entry.question),
        clip(&entry.choice)
    );
    if !detailed {
        let hint = "check the choice id; `techhire graph` shows them all";
        return Problem::from(Diagnostic::error("unknown-choice", message, hint))
            .at(entry.value.clone());
    }
    let close = suggestions(&entry.choice, q.choices.iter().map(|c| c.id.as_str()));
    let hint = if close.is_empty() {
        "use one of these choice ids".to_string()
    } else {
        format!("did you mean {}? The choice ids are", or_list(&close))
    };
    listing(
        Diagnostic::error("unknown-choice", message, hint),
        choices_of(q),
    )
    .at(entry.value.clone())
}

fn missing_answer(tree: &Tree, question: usize, after: Option<&Entry>) -> Problem {
    let q = tree.question(question);
    let reached = match after {
        Some(e) => format!("after `{} = \"{}\"`", clip(&e.question), clip(&e.choice)),
        None => "first".to_string(),
    };
    let listed = choices_of(q);
    listing(
        Diagnostic::error(
            "missing-answer",
            format!(
                "no answer to question `{}` (\u{201c}{}\u{201d}), which the interview asks {reached}",
                q.id, q.prompt
            ),
            format!(
                "add a line `{} = \"choice_id\"` with one of these choice ids",
                q.id
            ),
        ),
        listed,
    )
}

fn missing_fact(tree: &Tree, question: usize) -> Problem {
    let q = tree.question(question);
    let listed = choices_of(q);
    listing(
        Diagnostic::error(
            "missing-fact",
            format!(
                "no answer to `{}` (\u{201c}{}\u{201d}), a fact the facts and these answers lead to",
                q.id, q.prompt
            ),
            format!(
                "facts are answered once for everyone: add a line `{} = \"choice_id\"` to the facts file, with one of these choice ids",
                q.id
            ),
        ),
        listed,
    )
}

/// A fact a facts file leaves unanswered though respondents' answers can lead to it: it would
/// be asked of one respondent, and their session then refused for answering a fact.
pub(crate) fn unanswered_fact(tree: &Tree, question: usize) -> Problem {
    let q = tree.question(question);
    listing(
        Diagnostic::error(
            "unanswered-fact",
            format!(
                "the facts leave `{}` (\u{201c}{}\u{201d}) unanswered, and the interview can ask it: it is a fact of the company, answered once here for everyone",
                q.id, q.prompt
            ),
            format!(
                "add a line `{} = \"choice_id\"` to this file, with one of these choice ids",
                q.id
            ),
        ),
        choices_of(q),
    )
}

/// A question's choices to list under a hint: each id with its label.
fn choices_of(q: &crate::tree::Question) -> Vec<(String, String)> {
    q.choices
        .iter()
        .map(|c| (c.id.clone(), c.label.clone()))
        .collect()
}

fn listing(diagnostic: Diagnostic, listed: Vec<(String, String)>) -> Problem {
    Problem { diagnostic, listed }
}

impl From<Diagnostic> for Problem {
    fn from(diagnostic: Diagnostic) -> Self {
        listing(diagnostic, Vec::new())
    }
}

impl Problem {
    fn at(mut self, span: Range<usize>) -> Self {
        self.diagnostic.span = Some(span);
        self
    }
}

/// `a`, `a` or `b`, `a`, `b` or `c`.
fn or_list(ids: &[&str]) -> String {
    let quoted: Vec<String> = ids.iter().map(|id| format!("`{id}`")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => quoted.join(""),
    }
}

/// An id from the file as quoted in a message: cut short when it is too long to be an id, so a
/// megabyte-long value is not printed whole.
fn clip(id: &str) -> String {
    crate::text::truncate(id, 65)
}

/// Ids close to a mistyped one: a small edit distance, or one containing the other.
fn suggestions<'a>(typed: &str, ids: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    // Ids are at most 64 characters: text much longer is no mistyped id, and comparing it
    // with every id of a large tree would take minutes.
    if typed.len() > 128 {
        return Vec::new();
    }
    let typed = typed.to_lowercase();
    let limit = (typed.chars().count() / 3).max(1);
    let mut close: Vec<(usize, &str)> = ids
        .filter_map(|id| {
            let lower = id.to_lowercase();
            let distance = strsim::levenshtein(&typed, &lower);
            let contains = typed.len() >= 3 && (lower.contains(&typed) || typed.contains(&lower));
            (distance <= limit || contains).then_some((distance, id))
        })
        .collect();
    close.sort();
    close.into_iter().take(3).map(|(_, id)| id).collect()
}

impl Problems {
    pub(crate) fn push(&mut self, diagnostic: Diagnostic) {
        self.problems.push(Problem::from(diagnostic));
    }

    /// Adds a problem with ids to choose from listed under its hint.
    pub(crate) fn push_listed(&mut self, problem: Problem) {
        self.problems.push(problem);
    }

    pub fn errors(&self) -> usize {
        self.problems
            .iter()
            .filter(|p| p.diagnostic.is_error())
            .count()
            + self.unlisted
    }

    pub fn warnings(&self) -> usize {
        self.problems.len() + self.unlisted - self.errors()
    }

    pub fn is_empty(&self) -> bool {
        self.problems.is_empty() && self.unlisted == 0
    }

    /// Renders every problem the way `techhire validate` does (file:line:column, the line,
    /// a caret, a hint), with the ids to choose from listed under the hint, then a summary.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let lines = Lines::new(&self.text);
        let shown = self.problems.len().min(MAX_RENDERED);
        let starts: Vec<usize> = self.problems[..shown]
            .iter()
            .map(|p| p.diagnostic.span.as_ref().map_or(0, |s| s.start))
            .collect();
        for (problem, pos) in self.problems.iter().zip(lines.positions(&starts)) {
            self.render_one(problem, &lines, pos, &mut out);
            out.push('\n');
        }
        if self.problems.len() + self.unlisted > shown {
            let _ = writeln!(
                out,
                "… and {} more not shown; fix these first, then run again\n",
                self.problems.len() + self.unlisted - shown
            );
        }
        let (e, w) = (self.errors(), self.warnings());
        let _ = writeln!(
            out,
            "{}: {e} error{}, {w} warning{}",
            terminal_safe(&self.file),
            if e == 1 { "" } else { "s" },
            if w == 1 { "" } else { "s" }
        );
        out
    }

    fn render_one(&self, problem: &Problem, lines: &Lines<'_>, pos: Position, out: &mut String) {
        let d = &problem.diagnostic;
        let kind = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let file = terminal_safe(&self.file);
        let _ = writeln!(out, "{kind}[{}]: {}", d.code, terminal_safe(&d.message));
        let pad = match &d.span {
            Some(span) => lines.write_place(out, &file, pos, span),
            None => {
                let _ = writeln!(out, " --> {file}");
                " ".to_string()
            }
        };
        let _ = writeln!(out, "{pad} = hint: {}", terminal_safe(&d.hint));
        if problem.listed.len() > MAX_LISTED {
            let _ = writeln!(
                out,
                "{pad}   ({} to choose from; `techhire graph` shows them all)",
                problem.listed.len()
            );
            return;
        }
        let width = problem
            .listed
            .iter()
            .map(|(id, _)| terminal_safe(id).width())
            .max()
            .unwrap_or(0);
        for (id, meaning) in &problem.listed {
            let id = terminal_safe(id);
            let gap = " ".repeat(width - id.width() + 2);
            let _ = writeln!(out, "{pad}     {id}{gap}{}", terminal_safe(meaning));
        }
    }
}

#[cfg(test)]
mod tests;
