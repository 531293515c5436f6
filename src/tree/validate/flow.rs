//! Checks of the interview's flow: every question reachable from the start, no cycles, an end
//! reachable from every question, every outcome the winner of at least one path, and rules that
//! can fire and leave something to recommend (`rule_paths.rs`). They run
//! even when other errors were found, reading broken references generously so that one mistake
//! is not reported three times.

use std::collections::HashSet;

use super::{Ids, Path, Seg, question_path};
use crate::tree::diagnostics::Diagnostic;
use crate::tree::model::TreeFile;
use crate::tree::resolved::{Edge, Resolved};

/// How many score cells (one per outcome per state) the exact search for reachable outcomes may
/// hold before it settles for a weaker check. States are distinct (question, score differences)
/// pairs, so the shipped tree's 7 million paths fold into a few hundred states; 1M cells stay
/// within a few tens of MiB whatever the tree.
const OUTCOME_SEARCH_CELLS: usize = 1_000_000;

/// Runs the flow checks. `index` maps question ids to their first question; `next` is the
/// flow as validation resolved it. `outcomes_final` says the outcome list and scoring are
/// complete and error-free, so the unreached-outcome warning can be trusted.
pub(super) fn check(
    file: &TreeFile,
    index: &Ids<'_>,
    next: &Resolved,
    outcomes_final: bool,
    out: &mut Vec<(Diagnostic, Path)>,
) {
    let start = index.get(file.meta.start.as_str()).copied();
    let errors_before = out.iter().filter(|(d, _)| d.is_error()).count();

    if let Some(start) = start {
        unreachable(file, index, next, start, out);
    }
    cycles(file, next, out);
    no_end(file, next, out);

    let clean = errors_before == 0 && !out.iter().any(|(d, _)| d.is_error());
    let (Some(start), true) = (start, clean && outcomes_final) else {
        return;
    };
    for oi in unreached_outcomes(file, next, start) {
        out.push((
            Diagnostic::warning(
                "unreached-outcome",
                format!(
                    "no path through the interview recommends `{}`",
                    file.outcomes[oi].id
                ),
                "give it more evidence on some path, or remove it",
            ),
            vec![Seg::Key("outcomes"), Seg::Index(oi), Seg::Key("id")],
        ));
    }
    super::rule_paths::check(file, next, start, out);
}

fn unreachable(
    file: &TreeFile,
    index: &Ids<'_>,
    next: &Resolved,
    start: usize,
    out: &mut Vec<(Diagnostic, Path)>,
) {
    let mut reached = vec![false; next.questions()];
    let mut stack = vec![start];
    reached[start] = true;
    while let Some(q) = stack.pop() {
        for edge in next.choices(q) {
            if let Edge::To(to) | Edge::Broken(Some(to)) = *edge
                && !reached[to]
            {
                reached[to] = true;
                stack.push(to);
            }
        }
    }
    for (qi, question) in file.questions.iter().enumerate() {
        // A second question with a taken id is reported as a duplicate, not as unreachable.
        if !reached[qi] && index.get(question.id.as_str()) == Some(&qi) {
            out.push((
                Diagnostic::error(
                    "unreachable",
                    format!(
                        "question `{}` cannot be reached from the start",
                        question.id
                    ),
                    "point some choice's `next` at it, or remove it",
                ),
                question_path(qi, &[Seg::Key("id")]),
            ));
        }
    }
}

/// Reports every back edge a depth-first search finds, with the cycle it closes.
fn cycles(file: &TreeFile, next: &Resolved, out: &mut Vec<(Diagnostic, Path)>) {
    const NEW: usize = usize::MAX;
    const DONE: usize = usize::MAX - 1;
    // NEW, DONE, or the question's depth on the search stack while it is open.
    let mut mark = vec![NEW; next.questions()];
    for root in 0..next.questions() {
        if mark[root] != NEW {
            continue;
        }
        // (question, next choice to look at)
        let mut stack = vec![(root, 0usize)];
        mark[root] = 0;
        while let Some(&mut (q, ref mut ci)) = stack.last_mut() {
            if *ci == next.choices(q).len() {
                mark[q] = DONE;
                stack.pop();
                continue;
            }
            let choice = *ci;
            *ci += 1;
            let Edge::To(to) = next.choices(q)[choice] else {
                continue;
            };
            match mark[to] {
                NEW => {
                    mark[to] = stack.len();
                    stack.push((to, 0));
                }
                DONE => {}
                depth => {
                    let cycle: Vec<usize> = stack[depth..].iter().map(|&(s, _)| s).collect();
                    out.push(cycle_diagnostic(file, q, choice, &cycle));
                }
            }
        }
    }
}

fn cycle_diagnostic(
    file: &TreeFile,
    q: usize,
    choice: usize,
    cycle: &[usize],
) -> (Diagnostic, Path) {
    let name = |i: usize| file.questions[i].id.as_str();
    // Long cycles are shortened, so a 100,000-question loop stays a one-line message.
    let shown: Vec<&str> = if cycle.len() > 8 {
        let mut v: Vec<&str> = cycle[..4].iter().map(|&i| name(i)).collect();
        v.push("…");
        v.extend(cycle[cycle.len() - 3..].iter().map(|&i| name(i)));
        v
    } else {
        cycle.iter().map(|&i| name(i)).collect()
    };
    (
        Diagnostic::error(
            "cycle",
            format!(
                "choice `{}` of question `{}` leads back round a cycle: {} → {}",
                file.questions[q].choices[choice].id,
                file.questions[q].id,
                shown.join(" → "),
                shown.first().copied().unwrap_or_default()
            ),
            "an interview must always move on: point this `next` at a later question or end here",
        ),
        question_path(
            q,
            &[Seg::Key("choices"), Seg::Index(choice), Seg::Key("next")],
        ),
    )
}

/// Reports questions from which no answers lead to an end. Broken references and questions
/// without choices are already errors, so they count as ends here.
fn no_end(file: &TreeFile, next: &Resolved, out: &mut Vec<(Diagnostic, Path)>) {
    let n = next.questions();
    // Who leads to each question, stored flat: counted first, then filled in.
    let mut incoming_start = vec![0usize; n + 1];
    for edge in &next.edges.items {
        if let Edge::To(to) = *edge {
            incoming_start[to + 1] += 1;
        }
    }
    for q in 0..n {
        incoming_start[q + 1] += incoming_start[q];
    }
    let mut filled = incoming_start.clone();
    let mut incoming = vec![0usize; incoming_start[n]];
    let mut ends = vec![false; n];
    let mut queue = Vec::new();
    for (q, ends_here) in ends.iter_mut().enumerate() {
        let choices = next.choices(q);
        // A question without choices is already an error; it counts as an end here.
        *ends_here = choices.is_empty()
            || choices
                .iter()
                .any(|edge| matches!(edge, Edge::End | Edge::Broken(_)));
        if *ends_here {
            queue.push(q);
        }
        for edge in choices {
            if let Edge::To(to) = *edge {
                incoming[filled[to]] = q;
                filled[to] += 1;
            }
        }
    }
    while let Some(q) = queue.pop() {
        for &from in &incoming[incoming_start[q]..incoming_start[q + 1]] {
            if !ends[from] {
                ends[from] = true;
                queue.push(from);
            }
        }
    }
    for qi in (0..n).filter(|&q| !ends[q]) {
        out.push((
            Diagnostic::error(
                "no-end",
                format!(
                    "no answer to question `{}` can ever end the interview",
                    file.questions[qi].id
                ),
                "give some choice on the way `end = true`, or break the cycle it is caught in",
            ),
            question_path(qi, &[Seg::Key("id")]),
        ));
    }
}

/// Outcomes that win no path, in a tree without errors. The exact search walks distinct
/// (question, score differences) states; when the tree has too many for the budget, only
/// outcomes proven to lose on every path are reported.
fn unreached_outcomes(file: &TreeFile, next: &Resolved, start: usize) -> Vec<usize> {
    let n_out = file.outcomes.len();
    let (won, complete) = search_winners(next, start, n_out);
    if complete {
        return (0..n_out).filter(|&o| !won[o]).collect();
    }
    (0..n_out)
        .filter(|&o| !won[o] && always_beaten(next, start, o, n_out))
        .collect()
}

/// Which outcomes win some path, and whether the search saw every state.
fn search_winners(next: &Resolved, start: usize, n_out: usize) -> (Vec<bool>, bool) {
    let mut won = vec![false; n_out];
    let mut left = n_out;
    let max_states = (OUTCOME_SEARCH_CELLS / (n_out + 1)).max(1);
    // A state is the question followed by every score minus the first outcome's: only the
    // differences decide the winner.
    let state = |q: usize, scores: &[i64]| -> Box<[i64]> {
        std::iter::once(q as i64)
            .chain(scores.iter().map(|s| s - scores[0]))
            .collect()
    };
    let zero = vec![0i64; n_out];
    let mut seen: HashSet<Box<[i64]>> = HashSet::new();
    seen.insert(state(start, &zero));
    let mut stack = vec![(start, zero)];
    let mut complete = true;
    while let Some((q, scores)) = stack.pop() {
        for (c, edge) in next.choices(q).iter().enumerate() {
            let mut after = scores.clone();
            for &(o, w) in next.evidence(q, c) {
                after[o] += i64::from(w);
            }
            match *edge {
                Edge::To(to) => {
                    if seen.len() >= max_states {
                        complete = false;
                    } else if seen.insert(state(to, &after)) {
                        stack.push((to, after));
                    }
                }
                _ => {
                    let best = winner(&after);
                    if !won[best] {
                        won[best] = true;
                        left -= 1;
                    }
                }
            }
        }
        if left == 0 {
            return (won, true);
        }
    }
    (won, complete)
}

/// True when some other outcome beats `o` on every path: it always scores more, or, declared
/// earlier (and so winning ties), never scores less. Computed per rival as the smallest lead it
/// holds over `o` on any path from the start, in one pass over the flow.
fn always_beaten(next: &Resolved, start: usize, o: usize, n_out: usize) -> bool {
    let order = post_order(next, start);
    (0..n_out).filter(|&r| r != o).any(|rival| {
        let lead = |q: usize, c: usize| -> i64 {
            next.evidence(q, c)
                .iter()
                .map(|&(x, w)| match x {
                    x if x == rival => i64::from(w),
                    x if x == o => -i64::from(w),
                    _ => 0,
                })
                .sum()
        };
        // Smallest lead from each question to an end, filled in children-first order.
        let mut least = vec![i64::MAX; next.questions()];
        for &q in &order {
            least[q] = next
                .choices(q)
                .iter()
                .enumerate()
                .map(|(c, edge)| match *edge {
                    Edge::To(to) => lead(q, c).saturating_add(least[to]),
                    _ => lead(q, c),
                })
                .min()
                .unwrap_or(i64::MAX);
        }
        let lowest = least[start];
        lowest > 0 || (rival < o && lowest >= 0)
    })
}

/// The questions reachable from `start`, each after every question it leads to. The flow has
/// no cycles when this runs.
fn post_order(next: &Resolved, start: usize) -> Vec<usize> {
    let mut seen = vec![false; next.questions()];
    let mut order = Vec::new();
    let mut stack = vec![(start, 0usize)];
    seen[start] = true;
    while let Some(&mut (q, ref mut ci)) = stack.last_mut() {
        if *ci == next.choices(q).len() {
            order.push(q);
            stack.pop();
            continue;
        }
        let edge = next.choices(q)[*ci];
        *ci += 1;
        if let Edge::To(to) = edge
            && !seen[to]
        {
            seen[to] = true;
            stack.push((to, 0));
        }
    }
    order
}

/// The index of the highest score; ties go to the earliest.
pub(crate) fn winner(scores: &[i64]) -> usize {
    let mut best = 0;
    for (i, s) in scores.iter().enumerate() {
        if *s > scores[best] {
            best = i;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A chain of questions with two choices each, carrying the given evidence.
    fn chain(evidence: Vec<Vec<Vec<(usize, i32)>>>) -> Resolved {
        let n = evidence.len();
        let edges = (0..n)
            .map(|q| {
                if q + 1 == n {
                    vec![Edge::End, Edge::End]
                } else {
                    vec![Edge::To(q + 1), Edge::To(q + 1)]
                }
            })
            .collect();
        Resolved::from_lists(edges, evidence)
    }

    #[test]
    fn exact_search_folds_equal_scores_into_one_state() {
        // 2^60 paths, but only 61 distinct score differences per question.
        let next = chain((0..60).map(|_| vec![vec![(1, 1)], vec![(0, 1)]]).collect());
        let (won, complete) = search_winners(&next, 0, 3);
        assert!(complete);
        assert_eq!(won, vec![true, true, false]);
    }

    #[test]
    fn an_outcome_without_points_can_still_win_when_others_lose_points() {
        let next = chain(vec![vec![vec![(0, -1)], vec![]]]);
        assert!(!always_beaten(&next, 0, 1, 2));
        // ...but not when the first outcome never falls below it.
        let next = chain(vec![vec![vec![(0, 1)], vec![]]]);
        assert!(always_beaten(&next, 0, 1, 2));
    }
}
