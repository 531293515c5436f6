//! The workshop report: what a board reads after a stakeholder workshop, built once as an
//! [`Outline`] and drawn by the same renderers as a single person's report (HTML, PDF printed
//! from it, Markdown, text); its JSON is the combined result's document
//! ([`crate::workshop::json`]) with the report's names and date.
//!
//! Page one: where leadership stands (never "hire X" when the group has not agreed), the
//! opening paragraph naming the split and the question to settle first, one line per person,
//! and the questions to settle first with who answered what. Then the agreement grid (the
//! facts too), the rounds, what would settle each question, each person's top reasons, and in
//! the appendix the method and every person's points with their sums and averages. Every
//! sentence comes from [`crate::workshop::told`], so the command line, the screens and the
//! report say the same. Notes are never printed: the input has none to print.

use super::format::Format;
use super::outline::{
    Block, Cells, Grid, GridRow, Headline, Masthead, Outline, Section, Text, point,
};
use super::pdf::{self, Paper, PrintError};
use super::{html, long_date, markdown, text};
use crate::config::Firm;
use crate::workshop::told;
use crate::workshop::{Accord, Combined, Revealed, Spread, Voice};

/// How many questions page one names to settle first (fewer in a large group, where each
/// names more people); the grid has them all.
const SETTLE_FIRST: usize = 3;
const SETTLE_FIRST_IN_A_LARGE_GROUP: usize = 2;
/// How many of each person's reasons are told; fewer in a larger group, to keep the pages.
const REASONS: usize = 3;
const REASONS_IN_A_LARGE_GROUP: usize = 2;
/// A group larger than this gets fewer reasons each, and fewer questions on page one.
const LARGE_GROUP: usize = 4;

/// Everything the workshop report shows: the revealed result (the current round combined, who
/// was left out, the movement since the round before, what the room agreed), and who and when
/// it is for.
pub struct WorkshopReport<'a> {
    pub revealed: &'a Revealed<'a>,
    pub client: Option<&'a str>,
    pub consultant: Option<&'a str>,
    /// When the answers were revealed (RFC 3339 or a date), when known.
    pub date: Option<&'a str>,
    pub firm: Option<&'a Firm>,
}

impl WorkshopReport<'_> {
    /// The report in `format`, text wrapped at `width` columns (0: one line per paragraph).
    /// Only PDF can fail: it needs a browser to print it.
    pub fn render(&self, format: Format, width: usize) -> Result<Vec<u8>, PrintError> {
        let outline = || self.outline();
        let text = match format {
            Format::Json => crate::text::json_output(&self.document()),
            Format::Html => html::render_outline(&outline(), None),
            Format::Markdown => markdown::render_outline(&outline()),
            Format::Text => text::render_outline(&outline(), width),
            Format::Pdf => return pdf::render(&outline(), Paper::from_locale()),
        };
        Ok(text.into_bytes())
    }

    /// The revealed result's JSON document (as `workshop show` writes it), with the report's
    /// client, consultant and date.
    pub fn document(&self) -> crate::workshop::json::Document {
        let mut document = crate::workshop::json::revealed(self.revealed);
        document.client = given(self.client);
        document.consultant = given(self.consultant);
        document.date = given(self.date);
        document
    }

    /// The report's outline: what every format says, in order.
    pub fn outline(&self) -> Outline {
        let r = self.revealed;
        let c = &r.combined;
        let plain = |s: &str| s.to_string();
        let client = given(self.client);
        // What the room agreed together, when it has, is what a board reads first; where
        // people stood alone comes straight after it.
        let label = match &r.agreed {
            Some(agreed) => told::agreed_headline(c, agreed, &plain),
            None => told::headline(c, &plain),
        };
        let title = match &client {
            Some(client) => format!("{client}: {label}"),
            None => label.clone(),
        };
        let summary = match &r.agreed {
            Some(_) => format!(
                "{} {}",
                told::alone_line(c, &plain),
                told::standing(c, &plain)
            ),
            None => told::standing(c, &plain),
        };
        Outline {
            title,
            masthead: Masthead {
                firm: self.firm.and_then(|f| f.name.clone()),
                logo: self
                    .firm
                    .and_then(|f| f.logo.as_ref())
                    .map(|logo| logo.data_uri()),
                kicker: "Stakeholder workshop",
                client,
                consultant: given(self.consultant),
                date: given(self.date).map(|d| long_date(&d)),
                copy: None,
            },
            headline: Headline {
                lead: "Workshop result",
                label,
                summary,
                standing: None,
                caution: None,
            },
            sections: vec![
                people(r),
                settle_first(c),
                grid(c),
                rounds(r),
                settle(c),
                reasons(c),
            ],
            appendix: vec![method(c)],
            colophon: format!(
                "Prepared with techhire from the question tree \u{201c}{}\u{201d}, version {}, \
                 combining {} answers.",
                c.tree.meta().title,
                c.tree.meta().version,
                people_count(c.people()),
            ),
            running: match r.agreed {
                Some(_) => "Stakeholder workshop, agreed together".to_string(),
                None => format!(
                    "Stakeholder workshop, {}",
                    told::verdict(c.alignment.agreement)
                ),
            },
        }
    }
}

/// Text a person gave, trimmed; nothing when blank.
fn given(s: Option<&str>) -> Option<String> {
    s.map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

fn people_count(n: usize) -> String {
    match n {
        1 => "1 person's".to_string(),
        n => format!("{n} people's"),
    }
}

/// The questions people did not all answer alike, among those more than one person was asked,
/// the furthest apart first.
fn split(c: &Combined) -> impl Iterator<Item = &Spread> {
    c.spreads
        .iter()
        .filter(|s| s.accord != Accord::Agreed && s.asked() > 1)
}

/// One line per person: their own recommendation, and by how much; who is not in after an
/// early reveal.
fn people(r: &Revealed) -> Section {
    let c = &r.combined;
    let plain = |s: &str| s.to_string();
    let mut blocks = vec![Block::Bullets(
        (0..c.people())
            .map(|p| Text::plain(told::person_line(c, p, &plain)))
            .collect(),
    )];
    if let Some(left_out) = told::left_out(&r.left_names()) {
        blocks.push(Block::Paragraph(Text::plain(left_out)));
    }
    if let Some(anonymity) = told::anonymity(c) {
        blocks.push(Block::Aside(Text::plain(anonymity)));
    }
    Section {
        id: "people",
        heading: "Each person's own result".into(),
        blocks,
    }
}

/// The questions furthest apart, with who answered what: the conversation to have first.
fn settle_first(c: &Combined) -> Section {
    let plain = |s: &str| s.to_string();
    let most = match c.people() > LARGE_GROUP {
        true => SETTLE_FIRST_IN_A_LARGE_GROUP,
        false => SETTLE_FIRST,
    };
    let first: Vec<Text> = split(c)
        .take(most)
        .map(|s| {
            Text::default()
                .quoted(c.tree.question(s.question).prompt.trim())
                .and(format!(
                    " {} ({}).",
                    told::who_answered(c, s, &plain),
                    told::accord(s)
                ))
        })
        .collect();
    let blocks = if first.is_empty() {
        vec![Block::Paragraph(Text::plain(
            "Everyone answered every question they were asked alike: there is nothing to \
             settle between you before the search.",
        ))]
    } else {
        vec![
            Block::Aside(Text::plain(
                "The questions you answered furthest apart: agree on these before the search \
                 starts.",
            )),
            Block::Steps(first),
        ]
    };
    Section {
        id: "settle-first",
        heading: "What to settle first".into(),
        blocks,
    }
}

/// The agreement grid: every question anyone was asked, each person's answer, and how far
/// apart they are; then the facts, answered once for everyone.
fn grid(c: &Combined) -> Section {
    let tree = &c.tree;
    let choice = |q: usize, ch: usize| tree.question(q).choices[ch].label.clone();
    let mut rows: Vec<GridRow> = c
        .spreads
        .iter()
        .map(|s| GridRow {
            label: tree.question(s.question).prompt.trim().to_string(),
            cells: Cells::Each(
                s.answers
                    .iter()
                    .map(|a| a.map(|ch| choice(s.question, ch)))
                    .collect(),
            ),
            mark: match s.asked() {
                1 => "asked of one".into(),
                _ => told::accord(s),
            },
            stands_out: s.accord == Accord::Split,
        })
        .collect();
    rows.extend(facts(c).into_iter().map(|(q, ch)| GridRow {
        label: tree.question(q).prompt.trim().to_string(),
        cells: Cells::All(choice(q, ch)),
        mark: "fact".into(),
        stands_out: false,
    }));
    Section {
        id: "grid",
        heading: "Where you agree and differ".into(),
        blocks: vec![
            Block::Aside(Text::plain(
                "The furthest apart first: how far is the largest gap between two people's \
                 answers, in the points those answers give each option. Then the facts, \
                 answered once for everyone. Not asked: earlier answers led past the question.",
            )),
            Block::Grid(Grid {
                corner: "Question".into(),
                columns: c.voices.iter().map(Voice::display_name).collect(),
                mark: Some("How far apart".into()),
                rows,
            }),
        ],
    }
}

/// The facts on anyone's path, in the order asked: (question, choice).
fn facts(c: &Combined) -> Vec<(usize, usize)> {
    let mut facts: Vec<(usize, usize)> = Vec::new();
    for voice in &c.voices {
        for reason in &voice.own.reasons {
            if c.tree.is_fact(reason.question) && !facts.iter().any(|f| f.0 == reason.question) {
                facts.push((reason.question, reason.choice));
            }
        }
    }
    facts
}

/// How the answers moved since the round before: the group's recommendation and alignment
/// then and now, and each person's (who changed which answer). A workshop of one round says
/// so. What the room agreed together heads page one instead.
fn rounds(r: &Revealed) -> Section {
    let c = &r.combined;
    let plain = |s: &str| s.to_string();
    let mut blocks = Vec::new();
    let heading = match &r.movement {
        Some(movement) => {
            blocks.push(Block::Paragraph(Text::plain(told::group_movement(
                c, movement, &plain,
            ))));
            // Who changed an answer, one line each; everyone else in one line.
            let mut lines: Vec<Text> = movement
                .people
                .iter()
                .filter(|m| m.before.is_none() || !m.changed.is_empty())
                .map(|m| Text::plain(told::moved_line(c, movement, m, &plain)))
                .collect();
            lines.extend(told::unchanged_line(c, movement, &plain).map(Text::plain));
            blocks.push(Block::Bullets(lines));
            format!(
                "Round {}: how the answers moved since round {}",
                r.round, movement.round_before
            )
        }
        None => {
            blocks.push(Block::Paragraph(Text::plain(
                "One round: each person answered once. After a second round this tells who \
                 changed which answer, and where the group stood before and after.",
            )));
            "Rounds".to_string()
        }
    };
    Section {
        id: "rounds",
        heading,
        blocks,
    }
}

/// For each question people split on, what would follow if everyone gave each answer given
/// (everyone run again with that answer: the combined result, and whether they would agree).
fn settle(c: &Combined) -> Section {
    let plain = |s: &str| s.to_string();
    let mut blocks = Vec::new();
    for s in split(c) {
        blocks.push(Block::Subheading(
            c.tree.question(s.question).prompt.trim().to_string(),
        ));
        blocks.push(Block::Bullets(
            told::settle_lines(c, s, &plain)
                .into_iter()
                .map(Text::plain)
                .collect(),
        ));
    }
    if blocks.is_empty() {
        blocks.push(Block::Paragraph(Text::plain(
            "Nobody answered any question differently from anyone else asked it.",
        )));
    }
    Section {
        id: "settle",
        heading: "What would settle it".into(),
        blocks,
    }
}

/// Each person's own strongest reasons, among their views when they have any: the facts are
/// everyone's.
fn reasons(c: &Combined) -> Section {
    let tree = &c.tree;
    let most = match c.people() > LARGE_GROUP {
        true => REASONS_IN_A_LARGE_GROUP,
        false => REASONS,
    };
    let mut blocks = Vec::new();
    for voice in &c.voices {
        let own = &voice.own;
        blocks.push(Block::Subheading(format!(
            "{}: {}",
            voice.display_name(),
            own.headline(tree)
        )));
        let toward: Vec<_> = own
            .strongest_reasons()
            .into_iter()
            .filter(|r| r.lead > 0)
            .collect();
        let views: Vec<_> = toward
            .iter()
            .filter(|r| !tree.is_fact(r.question))
            .collect();
        let chosen: Vec<_> = match views.is_empty() {
            true => toward.iter().take(most).map(|r| point(tree, r)).collect(),
            false => views.iter().take(most).map(|r| point(tree, r)).collect(),
        };
        blocks.push(match chosen.is_empty() {
            true => Block::Paragraph(Text::plain(
                "No single answer set it apart: their answers, taken together, lean this way.",
            )),
            false => Block::Points(chosen),
        });
    }
    Section {
        id: "reasons",
        heading: "Each person's top reasons".into(),
        blocks,
    }
}

/// The method in four sentences, and every person's points with their sums and averages (each
/// person's own report shows their points answer by answer).
fn method(c: &Combined) -> Section {
    let together = &c.together;
    let mut order: Vec<usize> = (0..together.totals.len()).collect();
    order.sort_by_key(|&o| (std::cmp::Reverse(together.totals[o]), o));
    let mut columns: Vec<String> = c.voices.iter().map(Voice::display_name).collect();
    columns.extend(["Sum".to_string(), "Average".to_string()]);
    let rows = order
        .into_iter()
        .map(|o| {
            let mut cells: Vec<Option<String>> = c
                .voices
                .iter()
                .map(|v| Some(v.own.scores[o].to_string()))
                .collect();
            cells.push(Some(together.totals[o].to_string()));
            cells.push(Some(format!("{:.1}", c.mean(o))));
            let label = match together.open[o] {
                true => c.label(o).to_string(),
                false => format!("{} (ruled out by the facts)", c.label(o)),
            };
            GridRow {
                label,
                cells: Cells::Each(cells),
                mark: String::new(),
                stands_out: together.leaders.contains(&o),
            }
        })
        .collect();
    Section {
        id: "method",
        heading: "Appendix: how the answers were combined".into(),
        blocks: vec![
            Block::Paragraph(Text::plain(told::method())),
            Block::Grid(Grid {
                corner: "Option".into(),
                columns,
                mark: None,
                rows,
            }),
        ],
    }
}
