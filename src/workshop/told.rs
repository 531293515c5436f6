//! What a combined result says, in words, written once here so the command line, the screens
//! and the reports to come say the same: the headline (never "hire X" when the group has not
//! agreed), the opening paragraph naming the split and the question to settle first, one line
//! per person, the averaged scores with their sums, and each question's spread and what would
//! settle it. Every number is one a reader can trace to people's answers. `esc` prepares each
//! piece of the tree's or people's text for the output (terminal-safe, Markdown or HTML).

use super::alignment::Agreement;
use super::combine::Combined;
use super::movement::{Moved, Movement};
use super::spread::{Accord, Settle, Spread};
use super::together::Together;
use crate::outcome::told::and_list;
use crate::outcome::{Recommendation, label_in, or_list};

/// People named as still apart after a question is settled, at most; the rest are counted.
const STILL_APART: usize = 3;

type Esc<'a> = &'a dyn Fn(&str) -> String;

/// The headline: the combined recommendation when agreed, broadly or fully; otherwise that
/// leadership has not yet agreed what the hire is for, and where the answers lean.
pub fn headline(c: &Combined, esc: Esc) -> String {
    let names = leaders(c, &c.together, esc);
    let a = &c.alignment;
    match a.agreement {
        Agreement::Agreed if c.together.tie() => {
            format!("Agreed that it is too close to call: {names}")
        }
        Agreement::Agreed => format!("Agreed: {names}"),
        Agreement::BroadlyAgreed if c.together.tie() => format!(
            "Broadly agreed ({} of {}) that it is too close to call: {names}",
            a.sharing.len(),
            a.people
        ),
        Agreement::BroadlyAgreed => {
            format!(
                "Broadly agreed ({} of {}): {names}",
                a.sharing.len(),
                a.people
            )
        }
        Agreement::NotAgreed | Agreement::OppositeEnds => format!(
            "Leadership is not yet agreed on what this hire is for; the answers lean to {names}"
        ),
    }
}

/// After an early reveal: who had not finished, so whose answers are not in (`None` when
/// nobody was left out). `names` are ready for the output.
pub fn left_out(names: &[String]) -> Option<String> {
    (!names.is_empty()).then(|| {
        format!(
            "Revealed early: {} had not finished, so {} answers are not in.",
            and_list(names),
            if names.len() == 1 { "their" } else { "those" }
        )
    })
}

/// For an anonymised result: how little letters hide in a small group.
pub fn anonymity(c: &Combined) -> Option<String> {
    c.anonymous.then(|| {
        format!(
            "People are named by letter, in an order that comes from their scores rather than \
             from who answered first. In a group of {}, that hides little: anyone who knows how \
             each person sees the role can tell whose answers are whose, so share this only \
             with people who may see everyone's answers.",
            c.people()
        )
    })
}

/// How the answers were combined, in four sentences: what the workshop report prints.
pub fn method() -> &'static str {
    "The company's facts were answered once for everyone; each person answered the other \
     questions for themselves. Each person's own recommendation comes from the facts and their \
     own answers alone. The combined scores average everyone's scores, one equal voice each, so \
     every point traces to one person's answers. The alignment rule was fixed before anyone \
     answered: agreed when everyone's own recommendation is the combined one; broadly agreed \
     when at least three in four share it and nobody is at the opposite end; never agreed when \
     one person's result is a CIO and another's a CTO; not agreed otherwise."
}

/// The verdict in a word or two, as the alignment rule names it.
pub fn verdict(agreement: Agreement) -> &'static str {
    match agreement {
        Agreement::Agreed => "agreed",
        Agreement::BroadlyAgreed => "broadly agreed",
        Agreement::NotAgreed => "not agreed",
        Agreement::OppositeEnds => "not agreed: opposite ends",
    }
}

/// The opening paragraph: whose own result is what, the split, where the average leans and by
/// how much, and the question to settle first with who answered what.
pub fn opening(c: &Combined, esc: Esc) -> String {
    let tree = &c.tree;
    // "Ana (CEO), Hire a CTO; Ben (CFO), Hire a CIO; and Cai (COO), ...": a result may hold
    // commas of its own (a tie), so people are parted by semicolons.
    let own: Vec<String> = c
        .voices
        .iter()
        .map(|v| {
            format!(
                "{}, {}",
                esc(&v.display_name()),
                v.own.headline_with(tree, esc)
            )
        })
        .collect();
    let own = match own.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [first @ .., last] => format!("{}; and {last}", first.join("; ")),
    };
    format!(
        "Each person's own result: {own}. {}",
        standing_after(c, esc, false)
    )
}

/// The opening paragraph without each person's own result, for a report that lists them next:
/// the split (naming the results at opposite ends), where the average leans, and the question
/// to settle first.
pub fn standing(c: &Combined, esc: Esc) -> String {
    standing_after(c, esc, true)
}

fn standing_after(c: &Combined, esc: Esc, name_results: bool) -> String {
    let mut out = String::new();
    let a = &c.alignment;
    let name = |p: usize| esc(&c.voices[p].display_name());
    match a.agreement {
        Agreement::OppositeEnds => {
            if let Some((x, y)) = a.opposite {
                match name_results {
                    true => out.push_str(&format!(
                        "{} comes out at {} and {} at {}: opposite ends, so the group has not \
                         agreed what this hire is for. ",
                        name(x),
                        c.voices[x].own.headline_with(&c.tree, esc),
                        name(y),
                        c.voices[y].own.headline_with(&c.tree, esc),
                    )),
                    false => out.push_str(&format!(
                        "{} and {} are at opposite ends, so the group has not agreed what this \
                         hire is for. ",
                        name(x),
                        name(y)
                    )),
                }
            }
        }
        Agreement::NotAgreed => out.push_str(&format!(
            "{} of {} share the combined recommendation, short of the three in four the rule \
             asks. ",
            a.sharing.len(),
            a.people
        )),
        Agreement::BroadlyAgreed | Agreement::Agreed => {}
    }
    out.push_str(&lean(c, esc));
    if let Some(first) = c.spreads.iter().find(|s| s.accord != Accord::Agreed) {
        out.push(' ');
        out.push_str(&settle_first(c, first, esc));
    }
    out
}

/// "Averaged, one equal voice each, the answers lean to X: 5.3 points (16 over 3 people),
/// against 4.7 for Y."
fn lean(c: &Combined, esc: Esc) -> String {
    let t = &c.together;
    let names = leaders(c, t, esc);
    let Some(&top) = t.leaders.first() else {
        return String::new();
    };
    let mut out = format!(
        "Averaged, one equal voice each, the answers lean to {names}: {} ({} over {})",
        points(c.mean(top)),
        t.totals[top],
        people(c.people())
    );
    if t.tie() {
        out.push_str(" each");
    }
    if let Some(r) = t.runner_up.filter(|r| !t.leaders.contains(r)) {
        out.push_str(&format!(
            ", against {} for {}",
            points(c.mean(r)),
            esc(c.label(r))
        ));
    }
    out.push('.');
    out
}

/// "Settle first “Q?”: Ann answered “x” and Ben “y”, 6 points apart."
fn settle_first(c: &Combined, s: &Spread, esc: Esc) -> String {
    let tree = &c.tree;
    let q = tree.question(s.question);
    let mut out = format!(
        "Settle first \u{201c}{}\u{201d}: {}",
        esc(&q.prompt),
        who_answered(c, s, esc)
    );
    if s.points_apart > 0 {
        out.push_str(&format!(
            " ({} apart)",
            plural(s.points_apart, "point", "points")
        ));
    }
    out.push('.');
    out
}

/// "Ann answered “x”, Ben and Cat “y”" (people grouped by answer, in choice order).
pub fn who_answered(c: &Combined, s: &Spread, esc: Esc) -> String {
    let q = c.tree.question(s.question);
    let mut groups: Vec<(usize, Vec<String>)> = Vec::new();
    for (p, answer) in s.answers.iter().enumerate() {
        let Some(choice) = answer else { continue };
        let name = esc(&c.voices[p].display_name());
        match groups.iter_mut().find(|(c, _)| c == choice) {
            Some((_, names)) => names.push(name),
            None => groups.push((*choice, vec![name])),
        }
    }
    groups.sort_by_key(|(choice, _)| *choice);
    let parts: Vec<String> = groups
        .iter()
        .enumerate()
        .map(|(i, (choice, names))| {
            let verb = if i == 0 { " answered" } else { "" };
            format!(
                "{}{verb} \u{201c}{}\u{201d}",
                and_list(names),
                esc(&q.choices[*choice].label)
            )
        })
        .collect();
    let mut out = and_list(&parts);
    let not_asked: Vec<String> = s
        .answers
        .iter()
        .enumerate()
        .filter(|(_, a)| a.is_none())
        .map(|(p, _)| esc(&c.voices[p].display_name()))
        .collect();
    if !not_asked.is_empty() {
        out.push_str(&format!("; {} not asked", and_list(&not_asked)));
    }
    out
}

/// "Ann (CEO): Hire a CTO, by 3 points over Hire one leader for both roles."
pub fn person_line(c: &Combined, p: usize, esc: Esc) -> String {
    let v = &c.voices[p];
    let tree = &c.tree;
    let mut out = format!(
        "{}: {}",
        esc(&v.display_name()),
        v.own.headline_with(tree, esc)
    );
    if !v.own.tie
        && let Some(r) = v.own.runner_up
    {
        out.push_str(&format!(
            ", by {} over {}",
            plural(v.own.margin, "point", "points"),
            esc(v.own.label(tree, r))
        ));
    }
    out
}

/// Each outcome's average, highest first: (name, average, total), with the ones the rules
/// that hold for everyone rule out marked by `open = false`.
pub fn averages(c: &Combined) -> Vec<(String, String, i64, bool)> {
    let t = &c.together;
    let mut order: Vec<usize> = (0..t.totals.len()).collect();
    order.sort_by_key(|&o| (std::cmp::Reverse(t.totals[o]), o));
    order
        .into_iter()
        .map(|o| {
            (
                c.label(o).to_string(),
                points(c.mean(o)),
                t.totals[o],
                t.open[o],
            )
        })
        .collect()
}

/// How a question stands: "split, 6 points apart", "mostly agreed", "agreed".
pub fn accord(s: &Spread) -> String {
    let word = match s.accord {
        Accord::Agreed => "agreed",
        Accord::Mostly => "mostly agreed",
        Accord::Split => "split",
    };
    if s.points_apart > 0 {
        format!(
            "{word}, {} apart",
            plural(s.points_apart, "point", "points")
        )
    } else {
        word.to_string()
    }
}

/// "If everyone answered “x”: Hire a CTO (agreed)." with, when some people's paths would ask
/// more, who and that their part is where their answers lean.
pub fn settle_line(c: &Combined, question: usize, s: &Settle, esc: Esc) -> String {
    settle_said(c, question, &[s.choice], s, esc)
}

/// What would follow from each answer someone gave to a question, one sentence per outcome:
/// answers that would leave everyone in the same place are told together ("If everyone
/// answered “x” or “y”: ..."), in the order the first of each is listed.
pub fn settle_lines(c: &Combined, spread: &Spread, esc: Esc) -> Vec<String> {
    let mut groups: Vec<(&Settle, Vec<usize>)> = Vec::new();
    for s in &spread.settle {
        match groups.iter_mut().find(|(first, _)| same_place(first, s)) {
            Some((_, choices)) => choices.push(s.choice),
            None => groups.push((s, vec![s.choice])),
        }
    }
    groups
        .into_iter()
        .map(|(s, choices)| settle_said(c, spread.question, &choices, s, esc))
        .collect()
}

/// Whether two settled answers leave everyone in the same place: the same combined result and
/// verdict, each person at the same outcome, the same people with more to answer.
fn same_place(a: &Settle, b: &Settle) -> bool {
    a.together.leaders == b.together.leaders
        && a.agreement == b.agreement
        && a.own == b.own
        && a.unfinished == b.unfinished
}

fn settle_said(c: &Combined, question: usize, choices: &[usize], s: &Settle, esc: Esc) -> String {
    let tree = &c.tree;
    let labels: Vec<String> = choices
        .iter()
        .map(|&ch| {
            format!(
                "\u{201c}{}\u{201d}",
                esc(&tree.question(question).choices[ch].label)
            )
        })
        .collect();
    // "“a”", "“a” or “b”", "“a”, “b” or “c”": each label is quoted, so no comma is needed.
    let answered = match labels.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, first)) => format!("{} or {last}", first.join(", ")),
        None => String::new(),
    };
    let mut out = format!(
        "If everyone answered {answered}: {} ({})",
        leaders(c, &s.together, esc),
        verdict(s.agreement)
    );
    if !s.agreement.is_agreed() {
        // Who would still come out elsewhere, and where: what is left to talk through.
        let apart: Vec<String> = (0..c.people())
            .filter(|&p| s.own[p] != s.together.leaders)
            .enumerate()
            .map(|(i, p)| {
                let names: Vec<String> = s.own[p]
                    .iter()
                    .map(|&o| esc(&tree.outcome(o).label))
                    .collect();
                let verb = if i == 0 { " would still be" } else { "" };
                format!(
                    "{}{verb} at {}",
                    esc(&c.voices[p].display_name()),
                    or_list(&names)
                )
            })
            .collect();
        let named: Vec<String> = apart.iter().take(STILL_APART).cloned().collect();
        let mut list = and_list(&named);
        if apart.len() > STILL_APART {
            list = format!(
                "{} and {} more",
                named.join(", "),
                apart.len() - STILL_APART
            );
        }
        if !apart.is_empty() {
            out.push_str(&format!("; {list}"));
        }
    }
    if !s.unfinished.is_empty() {
        let names: Vec<String> = s
            .unfinished
            .iter()
            .map(|&p| esc(&c.voices[p].display_name()))
            .collect();
        out.push_str(&format!(
            "; {} would have more questions to answer, so this counts where their answers lean",
            and_list(&names)
        ));
    }
    out.push('.');
    out
}

/// The combined recommendation's outcomes, named where the shared rules hold: "A", "A, or B".
fn leaders(c: &Combined, t: &Together, esc: Esc) -> String {
    let names: Vec<String> = t
        .leaders
        .iter()
        .map(|&o| esc(label_in(&c.tree, o, &t.rules)))
        .collect();
    or_list(&names)
}

/// An average to one decimal place: "5.3 points", "5 points", "1 point".
pub fn points(mean: f64) -> String {
    let rounded = (mean * 10.0).round() / 10.0;
    if rounded == 1.0 || rounded == -1.0 {
        format!("{rounded} point")
    } else if rounded.fract() == 0.0 {
        format!("{rounded:.0} points")
    } else {
        format!("{rounded:.1} points")
    }
}

fn people(n: usize) -> String {
    plural(n as i64, "person", "people")
}

fn plural(n: i64, one: &str, many: &str) -> String {
    if n.abs() == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}

/// How one person moved since the round before: "Ben (CFO): Hire a CIO in round 1, now Hire
/// one leader for both roles; changed “Q” from “a” to “b”." Every changed answer is named.
pub fn moved_line(c: &Combined, movement: &Movement, m: &Moved, esc: Esc) -> String {
    let tree = &c.tree;
    let name = esc(&c.voices[m.person].display_name());
    let now = c.voices[m.person].own.headline_with(tree, esc);
    let round = movement.round_before;
    let mut out = match &m.before {
        Some(_) if !m.moved() => format!("{name}: still {now}"),
        Some(before) => {
            let names: Vec<String> = before
                .iter()
                .map(|&o| esc(&tree.outcome(o).label))
                .collect();
            format!("{name}: {} in round {round}, now {now}", or_list(&names))
        }
        None if m.changed.is_empty() => format!("{name}: new in round {}, {now}", round + 1),
        None => format!("{name}: had not finished round {round}, now {now}"),
    };
    let choice = |q: usize, c: Option<usize>| match c {
        Some(c) => format!(
            "\u{201c}{}\u{201d}",
            esc(&tree.question(q).choices[c].label)
        ),
        None => "not asked".to_string(),
    };
    let changes: Vec<String> = m
        .changed
        .iter()
        .enumerate()
        .map(|(i, ch)| {
            format!(
                "{}\u{201c}{}\u{201d} from {} to {}",
                if i == 0 { "changed " } else { "" },
                esc(&tree.question(ch.question).prompt),
                choice(ch.question, ch.from),
                choice(ch.question, ch.to)
            )
        })
        .collect();
    if !changes.is_empty() {
        out.push_str(&format!("; {}", and_list(&changes)));
    } else if m.before.is_some() {
        out.push_str(&format!("; every answer as in round {round}"));
    }
    out.push('.');
    out
}

/// Those who gave every answer as in the round before, in one line: "Ana (CEO) and Cai (COO):
/// every answer as in round 1, so each is still where they were." `None` when nobody did.
pub fn unchanged_line(c: &Combined, movement: &Movement, esc: Esc) -> Option<String> {
    let names: Vec<String> = movement
        .people
        .iter()
        .filter(|m| m.before.is_some() && m.changed.is_empty())
        .map(|m| esc(&c.voices[m.person].display_name()))
        .collect();
    (!names.is_empty()).then(|| {
        format!(
            "{}: every answer as in round {}, so {} still where they were.",
            and_list(&names),
            movement.round_before,
            if names.len() == 1 {
                "they are"
            } else {
                "each is"
            }
        )
    })
}

/// How the group moved: "In round 1 the answers leaned to Hire a CIO (not agreed: opposite
/// ends); now they lean to Hire one leader for both roles (broadly agreed). 2 of 3 people
/// changed an answer."
pub fn group_movement(c: &Combined, movement: &Movement, esc: Esc) -> String {
    let round = movement.round_before;
    let now = format!(
        "now they lean to {} ({})",
        leaders(c, &c.together, esc),
        verdict(c.alignment.agreement)
    );
    let mut out = match &movement.before {
        Some(before) => format!(
            "In round {round} the answers leaned to {} ({}); {now}.",
            leaders(before, &before.together, esc),
            verdict(before.alignment.agreement)
        ),
        None => format!("Nobody had finished round {round}; {now}."),
    };
    let changed = movement
        .people
        .iter()
        .filter(|m| !m.changed.is_empty())
        .count();
    out.push_str(&format!(
        " {} of {} changed an answer",
        changed,
        people(movement.people.len())
    ));
    let moved = movement.people.iter().filter(|m| m.moved()).count();
    if moved > 0 {
        out.push_str(&format!(
            ", and {} own recommendation changed",
            if moved == 1 {
                "1 person's".to_string()
            } else {
                format!("{moved} people's")
            }
        ));
    }
    out.push('.');
    out
}

/// The headline once the room has agreed together: "Agreed together: Hire a CIO". What each
/// person concluded alone follows it ([`alone_line`]).
pub fn agreed_headline(c: &Combined, agreed: &Recommendation, esc: Esc) -> String {
    format!("Agreed together: {}", agreed.headline_with(&c.tree, esc))
}

/// Where people stood answering alone, told after what the room agreed: "Answering alone, they
/// had not agreed what this hire is for (opposite ends); their answers leaned to Hire a CIO."
pub fn alone_line(c: &Combined, esc: Esc) -> String {
    let names = leaders(c, &c.together, esc);
    let a = &c.alignment;
    match a.agreement {
        Agreement::Agreed => format!("Answering alone, everyone had already come to {names}."),
        Agreement::BroadlyAgreed => format!(
            "Answering alone, {} of {} had already come to {names}.",
            a.sharing.len(),
            a.people
        ),
        Agreement::NotAgreed => format!(
            "Answering alone, they had not agreed what this hire is for; their answers leaned \
             to {names}."
        ),
        Agreement::OppositeEnds => format!(
            "Answering alone, they had not agreed what this hire is for, some of them at \
             opposite ends; their answers leaned to {names}."
        ),
    }
}

/// The agreed recommendation: "Agreed together: Hire one leader for both roles."
pub fn agreed_line(c: &Combined, agreed: &Recommendation, esc: Esc) -> String {
    format!(
        "Agreed together, answering as one room: {}.",
        agreed.headline_with(&c.tree, esc)
    )
}
