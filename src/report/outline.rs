//! The report's outline, built once from a finished interview: what every format shows, in
//! which order, under which headings, in which words. Renderers (text, Markdown, HTML, the
//! result screen) only decide how a block looks; none of them chooses what to say.
//!
//! The client-facing part speaks to a board: what we heard, the recommendation and why in
//! plain sentences, what would change it, and the guidance. How the answers were weighed
//! (points, scores, every answer) is in the appendix, the only place engine words may appear.

use super::ReportInput;
use crate::outcome::{Reason, WhatIf, told};
use crate::tree::{Outcome, Tree};

/// How many answers "Why" names: the few that mattered most.
const STRONGEST: usize = 3;
/// How many answers "Why" names as pointing the other way.
const AGAINST: usize = 2;
/// How many questions "What would change it" names; the others are told beside their answers
/// in the appendix, so a close call's report still reads in minutes and prints on three pages.
const MOST_CHANGES: usize = 4;

/// The whole report, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outline {
    /// The document's title: "Acme Ltd: Hire a CIO".
    pub title: String,
    pub masthead: Masthead,
    pub headline: Headline,
    /// The client-facing sections, in order. No engine vocabulary here.
    pub sections: Vec<Section>,
    /// How the answers were weighed, every answer and note, the sources.
    pub appendix: Vec<Section>,
    /// One line on where the report came from: the tool and the question tree.
    pub colophon: String,
    /// What every printed page's footer says after the client: the recommendation, or a
    /// workshop's standing in a few words.
    pub running: String,
}

/// Who the report is for, by whom and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Masthead {
    /// The consultant's firm, from the config file.
    pub firm: Option<String>,
    /// The firm's logo as a `data:` URI (a checked PNG, JPEG or SVG), for the HTML report.
    pub logo: Option<String>,
    /// "Technology leadership recommendation".
    pub kicker: &'static str,
    pub client: Option<String>,
    pub consultant: Option<String>,
    /// The date, as a person writes it: "23 November 2026".
    pub date: Option<String>,
    /// Set on the consultant's copy, which has private notes: says it is not for the client.
    pub copy: Option<&'static str>,
}

/// The recommendation and how firm it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Headline {
    /// What the label is, where a format names it: "Recommendation".
    pub lead: &'static str,
    /// The outcome's label: "Hire a CIO".
    pub label: String,
    /// The outcome's one-sentence summary.
    pub summary: String,
    /// How it compares with the next option, in words.
    pub standing: Option<Text>,
    /// A warning to read on before deciding: a close call or a tie.
    pub caution: Option<Caution>,
}

/// A highlighted warning next to the headline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caution {
    /// "A close call."
    pub title: String,
    pub body: Text,
}

/// A titled part of the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// A stable name for styling and tests: "heard", "why", "changes", "guidance", ...
    pub id: &'static str,
    pub heading: String,
    pub blocks: Vec<Block>,
}

/// One piece of a section. Every renderer draws every kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Paragraph(Text),
    /// A paragraph of lesser weight: an introduction or an aside.
    Aside(Text),
    Subheading(String),
    Bullets(Vec<Text>),
    /// Numbered steps, in order.
    Steps(Vec<Text>),
    /// Answers and why each mattered: a short lead, then a plain sentence.
    Points(Vec<Point>),
    /// Per question, the answers that would lead elsewhere.
    Changes(Vec<Change>),
    /// Points per outcome, highest first (appendix only).
    Scores(Vec<Score>),
    /// Every answer given, with the points it gave and its note (appendix only).
    Answers(Vec<Answer>),
    /// Notes that belong to no answer shown, each under what it is about.
    Notes(Vec<Note>),
    Sources(Vec<SourceRef>),
    /// A table: a row per question and a column per person (a workshop's agreement grid), or
    /// a row per option and a column per person (their points).
    Grid(Grid),
}

/// Text with emphasis: the only styling the outline asks for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Text(pub Vec<Span>);

/// A run of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Span {
    Plain(String),
    /// An outcome or another name that carries the sentence.
    Strong(String),
    /// The client's own words, set in quotation marks by the renderer's typography.
    Quoted(String),
}

/// An answer that mattered and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Point {
    /// The answer, as the client chose it.
    pub answer: String,
    /// Why it points where it does, one sentence.
    pub because: String,
}

/// One question whose answer, changed, would change the recommendation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub question: String,
    /// The answer given.
    pub answered: String,
    /// Each other answer and what it would lead to, one sentence each.
    pub instead: Vec<Text>,
}

/// An outcome's total, for the appendix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Score {
    pub label: String,
    pub points: i64,
    pub recommended: bool,
}

/// An answer as given, for the appendix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub question: String,
    pub answer: String,
    /// The points this answer gave each outcome, most first.
    pub gave: Vec<(String, i32)>,
    /// The other answers that would change the recommendation, one sentence each, when the
    /// client-facing "What would change it" does not already tell them.
    pub instead: Vec<Text>,
    pub note: Option<String>,
}

/// A note and what it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// The question's prompt, or its saved id when the tree no longer has it.
    pub about: String,
    /// The note as written, newlines kept.
    pub text: String,
}

/// A table with a label per row, a column per person, and a mark per row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grid {
    /// The heading over the rows' labels: "Question".
    pub corner: String,
    /// The columns' headings: each person, in order.
    pub columns: Vec<String>,
    /// The heading over the marks ("Answers"), when the rows carry one.
    pub mark: Option<String>,
    pub rows: Vec<GridRow>,
}

/// One row of a [`Grid`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GridRow {
    pub label: String,
    pub cells: Cells,
    /// How the row stands ("split, 6 points apart"); empty when the grid has no marks.
    pub mark: String,
    /// A row to read first: a question people are split on, the recommended option.
    pub stands_out: bool,
}

/// A grid row's cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cells {
    /// One cell per column; `None` where it does not apply ("not asked").
    Each(Vec<Option<String>>),
    /// One answer for every column: a fact, answered once for everyone.
    All(String),
}

/// A document the guidance draws on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceRef {
    pub title: String,
    pub publisher: String,
    pub author: Option<String>,
    pub date: String,
}

impl Text {
    pub fn plain(s: impl Into<String>) -> Text {
        Text(vec![Span::Plain(s.into())])
    }

    fn push(mut self, span: Span) -> Text {
        self.0.push(span);
        self
    }

    pub fn and(self, s: impl Into<String>) -> Text {
        self.push(Span::Plain(s.into()))
    }

    pub fn strong(self, s: impl Into<String>) -> Text {
        self.push(Span::Strong(s.into()))
    }

    pub fn quoted(self, s: impl Into<String>) -> Text {
        self.push(Span::Quoted(s.into()))
    }

    /// The words without styling, quotation marks as given (`open`, `close`).
    pub fn flat(&self, open: &str, close: &str) -> String {
        let mut out = String::new();
        for span in &self.0 {
            match span {
                Span::Plain(s) | Span::Strong(s) => out.push_str(s),
                Span::Quoted(s) => {
                    out.push_str(open);
                    out.push_str(s);
                    out.push_str(close);
                }
            }
        }
        out
    }
}

impl Cells {
    /// Who gave what, in a line: "Ana: x · Ben: not asked", or "Everyone: x".
    pub fn said(&self, columns: &[String]) -> String {
        match self {
            Cells::All(all) => format!("Everyone: {all}"),
            Cells::Each(each) => columns
                .iter()
                .zip(each)
                .map(|(who, said)| format!("{who}: {}", said.as_deref().unwrap_or("not asked")))
                .collect::<Vec<_>>()
                .join(" \u{b7} "),
        }
    }
}

impl Point {
    /// The answer as the lead of a sentence: a full stop added unless it ends in punctuation.
    pub fn lead(&self) -> String {
        sentence(&self.answer)
    }
}

impl Outline {
    /// The outline of the report for `input`.
    pub fn new(input: &ReportInput) -> Outline {
        let tree = input.tree;
        let rec = input.recommendation;
        let outcome = tree.outcome(rec.outcome);
        let client = input
            .client
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(str::to_string);
        let title = match &client {
            Some(client) => format!("{client}: {}", rec.headline(tree)),
            None => rec.headline(tree),
        };
        let mut sections = vec![heard(input), why(input), changes(input)];
        sections.extend(guidance(input, outcome));
        Outline {
            title,
            masthead: Masthead {
                firm: input.firm_name().map(str::to_string),
                logo: input
                    .firm
                    .and_then(|f| f.logo.as_ref())
                    .map(|logo| logo.data_uri()),
                kicker: "Technology leadership recommendation",
                client,
                consultant: input
                    .consultant
                    .map(str::trim)
                    .filter(|c| !c.is_empty())
                    .map(str::to_string),
                date: input
                    .date
                    .filter(|d| !d.trim().is_empty())
                    .map(super::long_date),
                copy: input.private_notes.then_some(super::CONSULTANT_COPY),
            },
            headline: headline(input, outcome),
            sections,
            appendix: appendix(input),
            running: rec.headline(tree),
            colophon: format!(
                "Prepared with techhire from the question tree \u{201c}{}\u{201d}, version {}.",
                tree.meta().title,
                tree.meta().version
            ),
        }
    }

    /// Every section, client-facing first, then the appendix.
    pub fn all_sections(&self) -> impl Iterator<Item = &Section> {
        self.sections.iter().chain(&self.appendix)
    }
}

/// The heading the appendix opens with, so every format marks where it starts.
pub const APPENDIX: &str = "Appendix: how your answers were weighed";

fn headline(input: &ReportInput, outcome: &Outcome) -> Headline {
    let rec = input.recommendation;
    let tree = input.tree;
    let label = |o: usize| rec.label(tree, o).to_string();
    let (standing, caution) = match rec.runner_up {
        None => (None, None),
        Some(_) if rec.tie => (
            None,
            Some(Caution {
                title: "Settle it first.".into(),
                body: Text::plain(
                    "Talk through the answers under \u{201c}What would change it\u{201d} before \
                     choosing between them.",
                ),
            }),
        ),
        Some(other) if rec.close_call => (
            None,
            Some(Caution {
                title: "A close call.".into(),
                body: Text::default().quoted(label(other)).and(
                    " came a close second, and one changed answer could tip it: read \
                     \u{201c}What would change it\u{201d} before deciding.",
                ),
            }),
        ),
        Some(other) => (
            Some(
                Text::plain("Your answers favour it clearly over the next option, ")
                    .quoted(label(other))
                    .and("."),
            ),
            None,
        ),
    };
    let summary = if rec.tie {
        "Your answers support these options equally.".to_string()
    } else {
        outcome.summary.clone()
    };
    Headline {
        lead: "Recommendation",
        label: rec.headline(tree),
        summary,
        standing,
        caution,
    }
}

/// "What we heard": the client's situation, in the order asked, one sentence per answer as the
/// tree words it (`heard`); an answer without one is quoted with its question after them.
fn heard(input: &ReportInput) -> Section {
    let tree = input.tree;
    let mut heard = Vec::new();
    let mut quoted = Vec::new();
    for step in input.interview.path() {
        let question = tree.question(step.question);
        let choice = &question.choices[step.choice];
        match choice
            .heard
            .as_deref()
            .map(str::trim)
            .filter(|h| !h.is_empty())
        {
            Some(said) => heard.push(sentence(said)),
            None => quoted.push(
                Text::plain(format!("{} ", question.prompt.trim())).quoted(choice.label.clone()),
            ),
        }
    }
    let mut blocks = Vec::new();
    if !heard.is_empty() {
        blocks.push(Block::Paragraph(Text::plain(heard.join(" "))));
    }
    if !quoted.is_empty() {
        blocks.push(Block::Bullets(quoted));
    }
    if blocks.is_empty() {
        blocks.push(Block::Paragraph(Text::plain("No answers were recorded.")));
    }
    if let Some(note) = input.note_on_interview() {
        blocks.push(Block::Notes(vec![Note {
            about: "On the interview as a whole".into(),
            text: note.to_string(),
        }]));
    }
    Section {
        id: "heard",
        heading: "What we heard".into(),
        blocks,
    }
}

/// "Why": the few answers that mattered most, and what pointed the other way.
fn why(input: &ReportInput) -> Section {
    let tree = input.tree;
    let rec = input.recommendation;
    let strongest = rec.strongest_reasons();
    // A tie names as many answers each way, so neither option reads as the favourite.
    let toward = if rec.tie { AGAINST } else { STRONGEST };
    let toward: Vec<Point> = strongest
        .iter()
        .filter(|r| r.lead > 0)
        .take(toward)
        .map(|r| point(tree, r))
        .collect();
    let against: Vec<Point> = strongest
        .iter()
        .rev()
        .filter(|r| r.lead < 0)
        .take(AGAINST)
        .map(|r| point(tree, r))
        .collect();
    let mut blocks = Vec::new();
    if toward.is_empty() {
        blocks.push(Block::Paragraph(Text::plain(
            "No single answer set it apart: your answers, taken together, lean this way.",
        )));
    } else {
        let lead = if toward.len() == 1 {
            "The answer that mattered most:"
        } else {
            "The answers that mattered most:"
        };
        blocks.push(Block::Paragraph(Text::plain(lead)));
        blocks.push(Block::Points(toward));
    }
    if !against.is_empty() {
        let other = rec.runner_up.map_or_else(String::new, |r| {
            format!(", toward \u{201c}{}\u{201d}", rec.label(tree, r))
        });
        blocks.push(Block::Paragraph(Text::plain(format!(
            "What pointed the other way{other}:"
        ))));
        blocks.push(Block::Points(against));
    }
    // The rules' reasons, said as every front end says them, in one paragraph.
    let plain = |s: &str| s.to_string();
    let ruled_out = told::ruled_out(tree, rec, &plain);
    if !ruled_out.is_empty() {
        blocks.push(Block::Paragraph(Text::plain(ruled_out.join(" "))));
    }
    Section {
        id: "why",
        heading: if rec.tie {
            "Why these options".into()
        } else {
            "Why we recommend it".into()
        },
        blocks,
    }
}

pub(crate) fn point(tree: &Tree, reason: &Reason) -> Point {
    let choice = &tree.question(reason.question).choices[reason.choice];
    Point {
        answer: choice.label.clone(),
        because: sentence(choice.reason.as_deref().unwrap_or(&choice.label)),
    }
}

/// "What would change it": what the "not sure" answers could do, then per question the other
/// answers that would lead elsewhere, for the few questions [`told`] chooses; the appendix
/// tells the others beside their answers.
fn changes(input: &ReportInput) -> Section {
    let rec = input.recommendation;
    let mut blocks = Vec::new();
    blocks.extend(unsure(input));
    let all = all_changes(input);
    if rec.what_ifs.is_empty() {
        let settled = if rec.runner_up.is_some() {
            "No single changed answer would change this recommendation: it would take several \
             answers changing together."
        } else {
            "No changed answer would change this recommendation."
        };
        blocks.push(Block::Paragraph(Text::plain(settled)));
    } else if !all.is_empty() {
        let shown = told(input, &all);
        let more = all.len() - shown.len();
        // A tie names the questions of view when it can: say so, as the reason to talk them
        // through first.
        let views = shown.iter().all(|&q| !input.tree.is_fact(q));
        blocks.push(Block::Aside(Text::plain(match (rec.tie, views && more > 0) {
            (true, true) => {
                "Each of these answers is yours to decide, and changed on its own would settle it."
            }
            (true, false) => "Each of these answers, changed on its own, would settle it.",
            (false, _) => {
                "Each of these answers, changed on its own, would lead to a different \
                 recommendation."
            }
        })));
        blocks.push(Block::Changes(
            all.into_iter()
                .filter(|(q, _)| shown.contains(q))
                .map(|(_, change)| change)
                .collect(),
        ));
        if more > 0 {
            let (questions, are) = match more {
                1 => ("question", "is"),
                _ => ("questions", "are"),
            };
            blocks.push(Block::Aside(Text::plain(format!(
                "{more} more {questions} whose answer would change it {are} marked beside \
                 {} in the appendix.",
                if more == 1 {
                    "its answer"
                } else {
                    "their answers"
                },
            ))));
        }
    }
    Section {
        id: "changes",
        heading: "What would change it".into(),
        blocks,
    }
}

/// The questions "What would change it" names, of those with a change (`all`): the first few
/// in the order asked; for a tie, the questions of view among them (what the client decides,
/// which a board can talk through to settle it), unless there are none. The others' changes
/// are told beside their answers in the appendix: every one is in the report, once.
fn told(input: &ReportInput, all: &[(usize, Change)]) -> Vec<usize> {
    let tree = input.tree;
    let asked = all.iter().map(|&(q, _)| q);
    let views: Vec<usize> = asked.clone().filter(|&q| !tree.is_fact(q)).collect();
    let chosen = match input.recommendation.tie && !views.is_empty() {
        true => views,
        false => asked.collect(),
    };
    chosen.into_iter().take(MOST_CHANGES).collect()
}

/// Per question asked, in order, the other answers that would change the recommendation, but
/// for those the "not sure" paragraph already tells.
fn all_changes(input: &ReportInput) -> Vec<(usize, Change)> {
    let tree = input.tree;
    let rec = input.recommendation;
    let told_unsure = |w: &WhatIf| {
        rec.unsure
            .as_ref()
            .is_some_and(|u| !u.holds && u.changes.contains(w))
    };
    let what_ifs: Vec<WhatIf> = rec
        .what_ifs
        .iter()
        .filter(|w| !told_unsure(w))
        .cloned()
        .collect();
    what_ifs
        .chunk_by(|a, b| a.question == b.question)
        .map(|group| {
            let question = tree.question(group[0].question);
            let change = Change {
                question: question.prompt.clone(),
                answered: question.choices[group[0].from].label.clone(),
                instead: alike(group)
                    .into_iter()
                    .map(|same| instead(tree, &same))
                    .collect(),
            };
            (group[0].question, change)
        })
        .collect()
}

/// The what-ifs of one question gathered by where they lead, so five answers that all lead to
/// the same outcome make one sentence, in the order the first of each was found.
fn alike(group: &[WhatIf]) -> Vec<Vec<&WhatIf>> {
    let mut gathered: Vec<Vec<&WhatIf>> = Vec::new();
    for w in group {
        let same = |g: &&mut Vec<&WhatIf>| {
            g[0].outcome == w.outcome
                && g[0].tied_with == w.tied_with
                && g[0].rules == w.rules
                && g[0].unanswered == w.unanswered
        };
        match gathered.iter_mut().find(same) {
            Some(g) => g.push(w),
            None => gathered.push(vec![w]),
        }
    }
    gathered
}

/// One sentence for answers that lead to the same place: "“A” or “B” would change it to X."
fn instead(tree: &Tree, same: &[&WhatIf]) -> Text {
    let first = same[0];
    let question = tree.question(first.question);
    let mut text = Text::default();
    if same.len() >= 3 && same.len() + 1 == question.choices.len() {
        text = text.and("Any other answer");
    } else {
        for (i, w) in same.iter().enumerate() {
            if i > 0 {
                text = text.and(if i + 1 == same.len() { " or " } else { ", " });
            }
            text = text.quoted(question.choices[w.to].label.clone());
        }
    }
    let outcome = first.outcome_names(tree, str::to_string);
    let tied = !first.tied_with.is_empty();
    match first.unanswered {
        None if tied => text
            .and(" would make it too close to call: ")
            .strong(outcome)
            .and("."),
        None => text.and(" would change it to ").strong(outcome).and("."),
        Some(u) => {
            let more = match (u.fewest, u.most) {
                (1, 1) => "1 more question".to_string(),
                (f, m) if f == m => format!("{f} more questions"),
                (f, m) => format!("{f} to {m} more questions"),
            };
            text.and(" would lean toward ")
                .strong(outcome)
                .and(format!(" ({more} to answer)."))
        }
    }
}

/// What the "not sure" answers could do, said as every front end says it.
fn unsure(input: &ReportInput) -> Vec<Block> {
    let plain = |s: &str| s.to_string();
    told::unsure(input.tree, input.recommendation, &plain)
        .into_iter()
        .map(|said| Block::Paragraph(Text::plain(said)))
        .collect()
}

/// What to do about it: the outcome's guidance.
fn guidance(input: &ReportInput, outcome: &Outcome) -> Option<Section> {
    let rec = input.recommendation;
    let tree = input.tree;
    let mut blocks = Vec::new();
    if rec.tie {
        let mut note = Text::plain("This guidance is for ")
            .quoted(rec.label(tree, rec.outcome))
            .and(format!(", named first: {}", sentence(&outcome.summary)));
        for &other in rec.leaders.iter().skip(1) {
            note = note
                .and(" If it settles the other way, ")
                .quoted(rec.label(tree, other))
                .and(format!(": {}", sentence(&tree.outcome(other).summary)));
        }
        blocks.push(Block::Aside(note));
    }
    let mut list = |title: &str, items: &[String], numbered: bool| {
        if items.is_empty() {
            return;
        }
        blocks.push(Block::Subheading(title.into()));
        let items = items.iter().map(|i| Text::plain(i.trim())).collect();
        blocks.push(if numbered {
            Block::Steps(items)
        } else {
            Block::Bullets(items)
        });
    };
    list("What the role owns", &outcome.owns, false);
    list("What to look for when hiring", &outcome.priorities, false);
    list("What can go wrong", &outcome.risks, false);
    list("Next steps", &outcome.next_steps, true);
    let mut prose = |title: &str, body: Option<&str>| {
        let paragraphs = paragraphs(body.unwrap_or_default());
        if paragraphs.is_empty() {
            return;
        }
        blocks.push(Block::Subheading(title.into()));
        blocks.extend(paragraphs.into_iter().map(Block::Paragraph));
    };
    prose("Who succeeds in it", Some(&outcome.profile));
    prose(
        "How the two should work together",
        outcome.collaboration.as_deref(),
    );
    prose("When to split the role", outcome.when_to_split.as_deref());
    (!blocks.is_empty()).then(|| Section {
        id: "guidance",
        heading: "What to do".into(),
        blocks,
    })
}

/// The appendix: the scores, every answer with its points and note, notes on no answer shown,
/// and the sources.
fn appendix(input: &ReportInput) -> Vec<Section> {
    let tree = input.tree;
    let rec = input.recommendation;
    // Outcomes as the client's situation words them ("Add a CTO beside your CIO").
    let mut scores: Vec<Score> = rec
        .scores
        .iter()
        .enumerate()
        .map(|(i, &points)| Score {
            label: if rec.ruled_out.iter().any(|r| r.outcome == i) {
                format!("{} (ruled out)", rec.label(tree, i))
            } else {
                rec.label(tree, i).to_string()
            },
            points,
            recommended: rec.leads(i),
        })
        .collect();
    scores.sort_by_key(|s| (std::cmp::Reverse(s.points), !s.recommended));
    // The changes "What would change it" leaves out, each beside its answer.
    let mut untold = all_changes(input);
    let told = told(input, &untold);
    untold.retain(|(q, _)| !told.contains(q));
    let answers = input
        .interview
        .path()
        .iter()
        .map(|step| {
            let question = tree.question(step.question);
            let mut gave: Vec<(String, i32)> = tree
                .evidence(step.question, step.choice)
                .iter()
                .map(|&(o, p)| (rec.label(tree, o).to_string(), p))
                .collect();
            gave.sort_by_key(|(_, p)| std::cmp::Reverse(*p));
            Answer {
                question: question.prompt.clone(),
                answer: question.choices[step.choice].label.clone(),
                gave,
                instead: untold
                    .iter()
                    .find(|(q, _)| *q == step.question)
                    .map(|(_, change)| change.instead.clone())
                    .unwrap_or_default(),
                note: input.note(step.question).map(str::to_string),
            }
        })
        .collect();
    let mut weighed = vec![
        Block::Aside(Text::plain(
            "Each answer gives points to the options it supports; the recommendation is the \
             option with the most. Points weigh answers; they measure nothing.",
        )),
        Block::Scores(scores),
    ];
    weighed.extend([
        Block::Subheading("Every answer, in the order given".into()),
        Block::Answers(answers),
    ]);
    let others: Vec<Note> = input
        .other_notes()
        .iter()
        .map(|n| Note {
            about: n.about(tree).to_string(),
            text: n.note.to_string(),
        })
        .collect();
    if !others.is_empty() {
        weighed.push(Block::Subheading("Other notes".into()));
        weighed.push(Block::Notes(others));
    }
    let mut appendix = vec![Section {
        id: "weighed",
        heading: APPENDIX.into(),
        blocks: weighed,
    }];
    let sources = sources(input);
    if !sources.is_empty() {
        appendix.push(Section {
            id: "sources",
            heading: "Sources".into(),
            blocks: vec![Block::Sources(sources)],
        });
    }
    appendix
}

/// The documents behind the guidance and the questions asked: the outcome's first, then the
/// questions', each once.
fn sources(input: &ReportInput) -> Vec<SourceRef> {
    let tree = input.tree;
    let outcome = tree.outcome(input.recommendation.outcome);
    let asked = input
        .interview
        .path()
        .iter()
        .flat_map(|s| &tree.question(s.question).sources);
    let mut seen: Vec<&str> = Vec::new();
    for id in outcome.sources.iter().chain(asked) {
        if !seen.contains(&id.as_str()) {
            seen.push(id);
        }
    }
    seen.into_iter()
        .filter_map(|id| tree.source(id))
        .map(|s| SourceRef {
            title: s.title.clone(),
            publisher: s.publisher.clone(),
            author: s.author.clone(),
            date: s.date.clone(),
        })
        .collect()
}

/// Text from the tree as a sentence: trimmed, ending in a full stop unless it already ends in
/// punctuation.
pub(crate) fn sentence(s: &str) -> String {
    let s = s.trim();
    match s.chars().last() {
        Some('.' | '?' | '!' | ':' | '\u{2026}') | None => s.to_string(),
        Some(_) => format!("{s}."),
    }
}

/// Paragraphs of a text from the tree: blank lines separate them, other line breaks flow.
fn paragraphs(s: &str) -> Vec<Text> {
    s.split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .map(Text::plain)
        .collect()
}

#[cfg(test)]
mod tests;
