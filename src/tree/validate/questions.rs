//! The checks of each question and its choices: texts, cited sources, choice ids, where each
//! choice leads and the outcomes its evidence names. Each reference is resolved here once, for
//! the flow checks and the `Tree` to reuse. Questions are independent of each other, so a large
//! tree is checked on every core.

use std::collections::HashSet;

use super::suggest::{Kind, Suggest};
use super::{ID_HINT, Ids, Known, MAX_WEIGHT, Path, Seg, bad_id, question_path, unknown_source};
use crate::tree::diagnostics::Diagnostic;
use crate::tree::model::{Choice, Question};
use crate::tree::resolved::{Edge, Resolved};

/// What checking a question needs to know of the rest of the file.
pub(super) struct Context<'f, 'm> {
    pub sources: &'m Ids<'f>,
    pub outcomes: &'m Ids<'f>,
    pub questions: &'m Ids<'f>,
    pub known: &'f Known,
    /// The file has no outcomes at all, which one error already says.
    pub no_outcomes: bool,
}

impl Context<'_, '_> {
    /// Whether a cited source is declared (or was, in an item that failed to read).
    pub(super) fn source_known(&self, id: &str) -> bool {
        self.sources.contains_key(id) || self.known.sources.contains(id)
    }
}

/// Questions per thread below which checking in parallel is not worth a thread.
const QUESTIONS_PER_THREAD: usize = 2_000;

/// Checks every question in file order, adding problems to `out`; returns where each choice
/// leads and the evidence it carries (not yet finished).
///
/// Large trees are checked on every core, each thread taking a run of questions without
/// "did you mean" hints (their search shares one budget across the file). A run that meets a
/// problem needing a hint gives up, and then the questions are checked again in one pass, so
/// the result never depends on the number of cores.
pub(super) fn check(
    context: &Context<'_, '_>,
    questions: &[Question],
    suggest: &mut Suggest<'_, '_>,
    out: &mut Vec<(Diagnostic, Path)>,
) -> Resolved {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(questions.len() / QUESTIONS_PER_THREAD);
    if threads > 1
        && let Some(runs) = check_in_parallel(context, questions, threads)
    {
        // The first run's lists take the others', so the largest part is not copied.
        let mut runs = runs.into_iter();
        let (problems, mut resolved) = runs.next().unwrap_or_default();
        out.extend(problems);
        for (problems, part) in runs {
            out.extend(problems);
            resolved.append(part);
        }
        return resolved;
    }
    let mut resolved = Resolved::default();
    // With hints at hand, a run never gives up.
    let _ = check_run(context, questions, 0, Some(suggest), out, &mut resolved);
    resolved
}

type Run = (Vec<(Diagnostic, Path)>, Resolved);

/// Checks runs of questions on `threads` threads; `None` when a run needs hints (or a thread
/// could not start or finish).
fn check_in_parallel(
    context: &Context<'_, '_>,
    questions: &[Question],
    threads: usize,
) -> Option<Vec<Run>> {
    let size = questions.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = questions
            .chunks(size)
            .enumerate()
            .map(|(i, run)| {
                std::thread::Builder::new().spawn_scoped(scope, move || {
                    let mut out = Vec::new();
                    let mut resolved = Resolved::default();
                    check_run(context, run, i * size, None, &mut out, &mut resolved).ok()?;
                    Some((out, resolved))
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.ok()?.join().ok()?)
            .collect()
    })
}

/// A problem was found whose message needs a "did you mean" hint, and none were at hand.
struct NeedsHints;

/// Checks a run of questions, the first of them at index `first` in the file.
fn check_run(
    c: &Context<'_, '_>,
    questions: &[Question],
    first: usize,
    mut suggest: Option<&mut Suggest<'_, '_>>,
    out: &mut Vec<(Diagnostic, Path)>,
    resolved: &mut Resolved,
) -> Result<(), NeedsHints> {
    for (i, question) in questions.iter().enumerate() {
        let qi = first + i;
        let at = |rest: &[Seg]| question_path(qi, rest);
        for (field, text) in [("prompt", &question.prompt), ("help", &question.help)] {
            if text.trim().is_empty() {
                out.push((
                    Diagnostic::error(
                        "empty-text",
                        format!("question `{}` has an empty `{field}`", question.id),
                        "write the text a client will read here",
                    ),
                    at(&[Seg::Key(field)]),
                ));
            }
        }
        for (si, source) in question.sources.iter().enumerate() {
            if !c.source_known(source) {
                let suggest = suggest.as_deref_mut().ok_or(NeedsHints)?;
                out.push(unknown_source(
                    source,
                    suggest,
                    at(&[Seg::Key("sources"), Seg::Index(si)]),
                ));
            }
        }
        if question.choices.is_empty() {
            out.push((
                Diagnostic::error(
                    "no-choices",
                    format!("question `{}` has no choices", question.id),
                    "add [[questions.choices]] tables under it: a question needs answers",
                ),
                at(&[Seg::Key("choices")]),
            ));
        }
        if question.choices.len() > 9 {
            out.push((
                Diagnostic::warning(
                    "too-many-choices",
                    format!(
                        "question `{}` has {} choices; only the first nine get a digit key",
                        question.id,
                        question.choices.len()
                    ),
                    "split the question in two, or merge similar answers",
                ),
                at(&[Seg::Key("choices"), Seg::Index(9), Seg::Key("id")]),
            ));
        }
        resolved.begin_question();
        let mut seen = Repeats::default();
        for (ci, choice) in question.choices.iter().enumerate() {
            let repeated = seen.repeated(&question.choices, ci);
            resolved.begin_choice();
            // Each reference is looked up once, here.
            let mut edge = match choice.next.as_deref() {
                None => Edge::End,
                Some(next) => c
                    .questions
                    .get(next)
                    .map_or(Edge::Broken(None), |&to| Edge::To(to)),
            };
            let at_choice = |rest: &[Seg]| {
                let mut p = at(&[Seg::Key("choices"), Seg::Index(ci)]);
                p.extend_from_slice(rest);
                p
            };
            if let Some(problem) = bad_id(&choice.id) {
                out.push((
                    Diagnostic::error("invalid-id", problem, ID_HINT),
                    at_choice(&[Seg::Key("id")]),
                ));
            } else if repeated {
                out.push((
                    Diagnostic::error(
                        "duplicate-id",
                        format!(
                            "question `{}` has two choices with the id `{}`",
                            question.id, choice.id
                        ),
                        "give each choice of a question its own id",
                    ),
                    at_choice(&[Seg::Key("id")]),
                ));
            }
            if choice.label.trim().is_empty() {
                out.push((
                    Diagnostic::error(
                        "empty-text",
                        format!(
                            "choice `{}` of question `{}` has an empty label",
                            choice.id, question.id
                        ),
                        "write the answer as the client will read it",
                    ),
                    at_choice(&[Seg::Key("label")]),
                ));
            }
            match (&choice.next, choice.end) {
                (Some(_), true) => out.push((
                    Diagnostic::error(
                        "next-and-end",
                        format!(
                            "choice `{}` of question `{}` has both `next` and `end = true`",
                            choice.id, question.id
                        ),
                        "keep `next` to ask another question, or `end = true` to finish here",
                    ),
                    at_choice(&[Seg::Key("end")]),
                )),
                (None, false) => out.push((
                    Diagnostic::error(
                        "no-next",
                        format!(
                            "choice `{}` of question `{}` says neither where it leads nor that it ends",
                            choice.id, question.id
                        ),
                        "add `next = \"<question id>\"` or `end = true`",
                    ),
                    at_choice(&[Seg::Key("id")]),
                )),
                (Some(next), false)
                    if edge == Edge::Broken(None) && !c.known.questions.contains(next) =>
                {
                    let suggest = suggest.as_deref_mut().ok_or(NeedsHints)?;
                    // The guess may be a question that failed to read, which has no index.
                    edge = Edge::Broken(
                        suggest
                            .closest(Kind::Question, next)
                            .and_then(|guess| c.questions.get(guess).copied()),
                    );
                    out.push((
                        Diagnostic::error(
                            "unknown-next",
                            format!(
                                "choice `{}` of question `{}` leads to `{next}`, which is not a question",
                                choice.id, question.id
                            ),
                            suggest.hint(Kind::Question, next),
                        ),
                        at_choice(&[Seg::Key("next")]),
                    ));
                }
                _ => {}
            }
            for (outcome, weight) in &choice.evidence {
                let index = c.outcomes.get(outcome.as_str()).copied();
                if let Some(o) = index {
                    resolved.add_evidence(o, *weight);
                }
                if c.no_outcomes {
                    // The no-outcomes error covers every reference.
                } else if index.is_none() && !c.known.outcomes.contains(outcome) {
                    let suggest = suggest.as_deref_mut().ok_or(NeedsHints)?;
                    out.push((
                        Diagnostic::error(
                            "unknown-outcome",
                            format!(
                                "choice `{}` of question `{}` gives evidence for `{outcome}`, which is not an outcome",
                                choice.id, question.id
                            ),
                            suggest.hint(Kind::Outcome, outcome),
                        ),
                        at_choice(&[Seg::Key("evidence"), Seg::KeyName(outcome.clone())]),
                    ));
                } else if weight.abs() > MAX_WEIGHT {
                    out.push((
                        Diagnostic::error(
                            "weight-range",
                            format!("evidence weight {weight} for `{outcome}` is out of range"),
                            format!("use a weight between -{MAX_WEIGHT} and {MAX_WEIGHT}"),
                        ),
                        at_choice(&[Seg::Key("evidence"), Seg::Value(outcome.clone())]),
                    ));
                }
            }
            resolved.end_choice(edge);
        }
    }
    Ok(())
}

/// Finds choice ids a question repeats: by looking back over the few choices a question
/// usually has, and with a set once there are many (a file may give one question 10,000).
#[derive(Default)]
struct Repeats<'a> {
    seen: HashSet<&'a str, foldhash::fast::RandomState>,
}

impl<'a> Repeats<'a> {
    /// Looks back past this many choices only through the set.
    const SCAN: usize = 16;

    /// Whether the choice at `ci` repeats the id of one before it; call it for each in turn.
    fn repeated(&mut self, choices: &'a [Choice], ci: usize) -> bool {
        let id = choices[ci].id.as_str();
        if choices.len() <= Self::SCAN {
            return choices[..ci].iter().any(|c| c.id == id);
        }
        !self.seen.insert(id)
    }
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use super::*;
    use crate::tree::model::TreeFile;

    /// A chain of `n` questions of two choices each; `odd` rewrites some of the text.
    fn tree(n: usize, odd: impl Fn(usize, String) -> String) -> TreeFile {
        let mut t = String::from(
            "[meta]\ntitle = \"t\"\nversion = \"1\"\nstart = \"q0\"\n\
             [[outcomes]]\nid = \"a\"\nlabel = \"A\"\nsummary = \"s\"\nowns = []\n\
             priorities = []\nprofile = \"p\"\nrisks = []\nnext_steps = []\n",
        );
        for q in 0..n {
            let next = if q + 1 < n {
                format!("next = \"q{}\"", q + 1)
            } else {
                "end = true".to_string()
            };
            let question = format!(
                "[[questions]]\nid = \"q{q}\"\nprompt = \"P\"\nhelp = \"H\"\n\
                 [[questions.choices]]\nid = \"x\"\nlabel = \"X\"\n{next}\nevidence = {{ a = 1 }}\n\
                 [[questions.choices]]\nid = \"y\"\nlabel = \"Y\"\nend = true\n"
            );
            let _ = write!(t, "{}", odd(q, question));
        }
        toml::from_str(&t).expect("the test tree is valid TOML of the format")
    }

    /// Checks a tree's questions in one run with hints, and in `threads` runs without.
    fn one_way_and_in_parallel(file: &TreeFile, threads: usize) -> (Run, Option<Vec<Run>>) {
        let sources = Ids::default();
        let outcomes: Ids<'_> = file
            .outcomes
            .iter()
            .map(|o| o.id.as_str())
            .zip(0..)
            .collect();
        let questions: Ids<'_> = file
            .questions
            .iter()
            .map(|q| q.id.as_str())
            .zip(0..)
            .collect();
        let known = Known::default();
        let context = Context {
            sources: &sources,
            outcomes: &outcomes,
            questions: &questions,
            known: &known,
            no_outcomes: false,
        };
        let mut suggest = Suggest::new([
            (&sources, &known.sources),
            (&outcomes, &known.outcomes),
            (&questions, &known.questions),
        ]);
        let mut serial = (Vec::new(), Resolved::default());
        let done = check_run(
            &context,
            &file.questions,
            0,
            Some(&mut suggest),
            &mut serial.0,
            &mut serial.1,
        );
        assert!(done.is_ok(), "with hints at hand a run never gives up");
        (
            serial,
            check_in_parallel(&context, &file.questions, threads),
        )
    }

    #[test]
    fn runs_checked_in_parallel_add_up_to_one_pass() {
        // Problems that need no hint, in several runs.
        let file = tree(1_000, |q, text| match q % 97 {
            3 => text.replacen("label = \"X\"", "label = \" \"", 1),
            5 => text.replacen("id = \"y\"", "id = \"x\"", 1),
            7 => text.replacen("a = 1", "a = 5000", 1),
            11 => text.replacen("end = true", "end = true\nnext = \"q0\"", 1),
            13 => text.replacen("id = \"x\"", "id = \"x y\"", 1),
            _ => text,
        });
        for threads in [2, 3, 7] {
            let (serial, runs) = one_way_and_in_parallel(&file, threads);
            let runs = runs.expect("no problem needs a hint");
            assert_eq!(runs.len(), threads);
            let mut out = Vec::new();
            let mut resolved = Resolved::default();
            for (problems, part) in runs {
                out.extend(problems);
                resolved.append(part);
            }
            assert!(serial.0.len() > 40, "the tree has problems in every run");
            assert_eq!(out, serial.0);
            assert_eq!(resolved, serial.1);
        }
    }

    #[test]
    fn a_problem_that_needs_a_hint_sends_the_check_back_to_one_pass() {
        let file = tree(1_000, |q, text| {
            if q == 700 {
                text.replacen("next = \"q701\"", "next = \"q7o1\"", 1)
            } else {
                text
            }
        });
        let (serial, runs) = one_way_and_in_parallel(&file, 2);
        assert!(runs.is_none());
        assert_eq!(serial.0.len(), 1);
        assert!(serial.0[0].0.hint.contains("q701"), "{:?}", serial.0[0].0);
    }
}
