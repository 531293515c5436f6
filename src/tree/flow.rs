//! Checks of the interview's flow, run once every reference resolves: every question reachable
//! from the start, no cycles, an end reachable from every question, and every outcome the
//! winner of at least one path.

use std::collections::HashMap;

use super::diagnostics::Diagnostic;
use super::model::TreeFile;
use super::validate::{Path, Seg, question_path};

/// How many question visits the search for reachable outcomes may make before it settles for a
/// weaker check; the shipped tree needs a few thousand, and a 100,000-question tree stays fast.
const OUTCOME_SEARCH_BUDGET: usize = 1_000_000;

/// Where each choice leads, by question index; `None` ends the interview.
fn edges(file: &TreeFile, index: &HashMap<&str, usize>) -> Vec<Vec<Option<usize>>> {
    file.questions
        .iter()
        .map(|q| {
            q.choices
                .iter()
                .map(|c| c.next.as_deref().and_then(|n| index.get(n).copied()))
                .collect()
        })
        .collect()
}

pub(super) fn check(
    file: &TreeFile,
    index: &HashMap<&str, usize>,
    out: &mut Vec<(Diagnostic, Path)>,
) {
    let Some(&start) = index.get(file.meta.start.as_str()) else {
        return;
    };
    let next = edges(file, index);
    let n = next.len();

    // Reachability from the start.
    let mut reached = vec![false; n];
    let mut stack = vec![start];
    reached[start] = true;
    while let Some(q) = stack.pop() {
        for &to in next[q].iter().flatten() {
            if !reached[to] {
                reached[to] = true;
                stack.push(to);
            }
        }
    }
    for (qi, _) in reached.iter().enumerate().filter(|(_, r)| !**r) {
        out.push((
            Diagnostic::error(
                "unreachable",
                format!(
                    "question `{}` cannot be reached from the start",
                    file.questions[qi].id
                ),
                "point some choice's `next` at it, or remove it",
            ),
            question_path(qi, &[Seg::Key("id")]),
        ));
    }

    let cycles = find_cycles(&next);
    for &(qi, ci, ref cycle) in &cycles {
        let names: Vec<&str> = cycle
            .iter()
            .map(|&q| file.questions[q].id.as_str())
            .collect();
        out.push((
            Diagnostic::error(
                "cycle",
                format!(
                    "choice `{}` of question `{}` leads back round a cycle: {} → {}",
                    file.questions[qi].choices[ci].id,
                    file.questions[qi].id,
                    names.join(" → "),
                    names.first().copied().unwrap_or_default()
                ),
                "an interview must always move on: point this `next` at a later question or end here",
            ),
            question_path(qi, &[Seg::Key("choices"), Seg::Index(ci), Seg::Key("next")]),
        ));
    }

    // An end is reachable from a question when some choice ends or leads to such a question.
    let mut incoming: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut ends = vec![false; n];
    let mut queue = Vec::new();
    for (q, choices) in next.iter().enumerate() {
        for to in choices {
            match to {
                Some(to) => incoming[*to].push(q),
                None if !ends[q] => {
                    ends[q] = true;
                    queue.push(q);
                }
                None => {}
            }
        }
    }
    while let Some(q) = queue.pop() {
        for &from in &incoming[q] {
            if !ends[from] {
                ends[from] = true;
                queue.push(from);
            }
        }
    }
    for qi in (0..n).filter(|&q| !ends[q] && !file.questions[q].choices.is_empty()) {
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

    if out.iter().any(|(d, _)| d.is_error()) {
        return;
    }
    for oi in unreached_outcomes(file, &next, start) {
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
}

/// Every back edge found by a depth-first search, with the cycle it closes.
fn find_cycles(next: &[Vec<Option<usize>>]) -> Vec<(usize, usize, Vec<usize>)> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    let mut mark = vec![Mark::New; next.len()];
    let mut cycles = Vec::new();
    for root in 0..next.len() {
        if mark[root] != Mark::New {
            continue;
        }
        // (question, next choice to look at)
        let mut stack = vec![(root, 0usize)];
        mark[root] = Mark::Open;
        while let Some(&mut (q, ref mut ci)) = stack.last_mut() {
            if *ci == next[q].len() {
                mark[q] = Mark::Done;
                stack.pop();
                continue;
            }
            let choice = *ci;
            *ci += 1;
            let Some(to) = next[q][choice] else { continue };
            match mark[to] {
                Mark::New => {
                    mark[to] = Mark::Open;
                    stack.push((to, 0));
                }
                Mark::Open => {
                    let from = stack.iter().position(|&(s, _)| s == to).unwrap_or(0);
                    let cycle = stack[from..].iter().map(|&(s, _)| s).collect();
                    cycles.push((q, choice, cycle));
                }
                Mark::Done => {}
            }
        }
    }
    cycles
}

/// Outcomes that win no path. Paths are walked exhaustively within a budget; past it, only
/// outcomes that can never gain a point (and are not first in the tie-break) are reported.
fn unreached_outcomes(file: &TreeFile, next: &[Vec<Option<usize>>], start: usize) -> Vec<usize> {
    let outcome_index: HashMap<&str, usize> = file
        .outcomes
        .iter()
        .enumerate()
        .map(|(i, o)| (o.id.as_str(), i))
        .collect();
    let weights: Vec<Vec<Vec<(usize, i64)>>> = file
        .questions
        .iter()
        .map(|q| {
            q.choices
                .iter()
                .map(|c| {
                    c.evidence
                        .iter()
                        .filter_map(|(o, w)| outcome_index.get(o.as_str()).map(|&i| (i, *w as i64)))
                        .collect()
                })
                .collect()
        })
        .collect();
    let n_out = file.outcomes.len();
    let mut won = vec![false; n_out];
    let mut left = n_out;
    let mut scores = vec![0i64; n_out];
    let mut budget = OUTCOME_SEARCH_BUDGET;
    let mut stack = vec![(start, 0usize)];
    while let Some(&mut (q, ref mut ci)) = stack.last_mut() {
        if left == 0 || budget == 0 {
            break;
        }
        budget -= 1;
        if *ci > 0 {
            for &(o, w) in &weights[q][*ci - 1] {
                scores[o] -= w;
            }
        }
        if *ci == next[q].len() {
            stack.pop();
            continue;
        }
        let choice = *ci;
        *ci += 1;
        for &(o, w) in &weights[q][choice] {
            scores[o] += w;
        }
        match next[q][choice] {
            Some(to) => stack.push((to, 0)),
            None => {
                let best = winner(&scores);
                if !won[best] {
                    won[best] = true;
                    left -= 1;
                }
            }
        }
    }
    if left == 0 {
        return Vec::new();
    }
    if budget > 0 {
        return (0..n_out).filter(|&o| !won[o]).collect();
    }
    let mut gains = vec![false; n_out];
    for (o, _) in weights.iter().flatten().flatten().filter(|(_, w)| *w > 0) {
        gains[*o] = true;
    }
    (1..n_out).filter(|&o| !gains[o] && !won[o]).collect()
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
