use super::*;
use crate::report::fixtures::{
    BOTH, CIO, CLOSE_CALL, COMBINED, LONGEST, NARROW_CIO, finish, no_notes,
};
use std::collections::BTreeMap;

fn outline_for(answers: &[(&str, &str)], notes: &BTreeMap<String, String>) -> Outline {
    let done = finish(answers);
    Outline::new(&ReportInput {
        tree: &done.tree,
        interview: &done.interview,
        recommendation: &done.recommendation,
        client: Some("  Acme Ltd "),
        consultant: Some(""),
        date: Some("2026-11-23T09:47:25Z"),
        notes,
        interview_note: None,
        private_notes: false,
        firm: None,
    })
}

/// Every word the client-facing part of an outline says: headline and sections.
fn client_facing(outline: &Outline) -> String {
    let h = &outline.headline;
    let mut words = vec![h.label.clone(), h.summary.clone()];
    words.extend(h.standing.iter().map(|t| t.flat("“", "”")));
    if let Some(c) = &h.caution {
        words.push(format!("{} {}", c.title, c.body.flat("“", "”")));
    }
    for section in &outline.sections {
        words.push(section.heading.clone());
        for block in &section.blocks {
            words.extend(block_words(block));
        }
    }
    words.join("\n")
}

/// The words of a block.
fn block_words(block: &Block) -> Vec<String> {
    let flat = |t: &Text| t.flat("“", "”");
    match block {
        Block::Paragraph(t) | Block::Aside(t) => vec![flat(t)],
        Block::Subheading(s) => vec![s.clone()],
        Block::Bullets(items) | Block::Steps(items) => items.iter().map(flat).collect(),
        Block::Points(points) => points
            .iter()
            .map(|p| format!("{} {}", p.answer, p.because))
            .collect(),
        Block::Changes(changes) => changes
            .iter()
            .flat_map(|c| {
                let mut words = vec![c.question.clone(), c.answered.clone()];
                words.extend(c.instead.iter().map(flat));
                words
            })
            .collect(),
        Block::Scores(scores) => scores
            .iter()
            .map(|s| format!("{} {} points", s.label, s.points))
            .collect(),
        Block::Answers(answers) => answers
            .iter()
            .map(|a| format!("{} {} {:?} {:?}", a.question, a.answer, a.gave, a.note))
            .collect(),
        Block::Notes(notes) => notes
            .iter()
            .map(|n| format!("{} {}", n.about, n.text))
            .collect(),
        Block::Sources(sources) => sources.iter().map(|s| s.title.clone()).collect(),
        Block::Grid(g) => g
            .rows
            .iter()
            .map(|r| format!("{} {} {}", r.label, r.cells.said(&g.columns), r.mark))
            .collect(),
    }
}

#[test]
fn sections_come_in_the_order_a_board_reads_them() {
    let outline = outline_for(BOTH, &no_notes());
    let ids: Vec<&str> = outline.sections.iter().map(|s| s.id).collect();
    assert_eq!(ids, ["heard", "why", "changes", "guidance"]);
    let appendix: Vec<&str> = outline.appendix.iter().map(|s| s.id).collect();
    assert_eq!(appendix, ["weighed", "sources"]);
    assert_eq!(outline.appendix[0].heading, APPENDIX);
    assert_eq!(outline.title, "Acme Ltd: Have both a CIO and a CTO");
    assert_eq!(outline.masthead.client.as_deref(), Some("Acme Ltd"));
    assert_eq!(outline.masthead.consultant, None, "a blank name is no name");
    assert_eq!(outline.masthead.date.as_deref(), Some("23 November 2026"));
}

/// Words for how the engine weighs answers, which a board should not have to learn.
const ENGINE_WORDS: [&str; 5] = ["point", "points", "score", "scores", "margin"];

#[test]
fn the_client_facing_part_has_no_engine_vocabulary() {
    for answers in [CIO, BOTH, COMBINED, CLOSE_CALL, NARROW_CIO] {
        let words = client_facing(&outline_for(answers, &no_notes())).to_lowercase();
        let words: Vec<&str> = words
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        // "A single point of failure" is plain English, not a score.
        let engine = words.windows(2).find(|w| {
            (ENGINE_WORDS.contains(&w[0]) && w != &["point", "of"])
                || w == &["the", "lead"]
                || w == &["runner", "up"]
        });
        assert_eq!(engine, None, "{words:?}");
    }
}

#[test]
fn why_names_the_few_answers_that_mattered_most_strongest_first() {
    let done = finish(CIO);
    let outline = outline_for(CIO, &no_notes());
    let why = &outline.sections[1];
    let Block::Points(points) = &why.blocks[1] else {
        panic!("{why:?}")
    };
    assert_eq!(points.len(), STRONGEST);
    let strongest = done.recommendation.strongest_reasons()[0];
    let choice = &done.tree.question(strongest.question).choices[strongest.choice];
    assert_eq!(points[0].answer, choice.label);
    assert!(points[0].because.ends_with('.'), "{:?}", points[0]);
}

#[test]
fn a_tie_says_too_close_to_call_and_names_both() {
    let outline = outline_for(CLOSE_CALL, &no_notes());
    assert_eq!(
        outline.headline.label,
        "Too close to call: Hire a CTO, or Hire one leader for both roles"
    );
    assert!(outline.headline.caution.is_some());
    assert_eq!(outline.sections[1].heading, "Why these options");
    // The guidance is for the first, and says what the other would mean.
    let guidance = &outline.sections[3];
    let Some(Block::Aside(aside)) = guidance.blocks.first() else {
        panic!("{guidance:?}")
    };
    let aside = aside.flat("“", "”");
    assert!(
        aside.starts_with("This guidance is for “Hire a CTO”, named first: ")
            && aside.contains("If it settles the other way, “Hire one leader for both roles”: "),
        "{aside}"
    );
    let clear = outline_for(BOTH, &no_notes());
    assert!(clear.headline.caution.is_none());
}

#[test]
fn the_appendix_sorts_scores_and_keeps_every_answer_and_note() {
    let mut notes = BTreeMap::new();
    notes.insert("size".to_string(), "about 900 staff".to_string());
    notes.insert("gone".to_string(), "from an older tree".to_string());
    let outline = outline_for(CIO, &notes);
    let blocks = &outline.appendix[0].blocks;
    let Some(Block::Scores(scores)) = blocks.iter().find(|b| matches!(b, Block::Scores(_))) else {
        panic!("{blocks:?}")
    };
    assert!(scores.windows(2).all(|w| w[0].points >= w[1].points));
    assert!(scores[0].recommended);
    let Some(Block::Answers(answers)) = blocks.iter().find(|b| matches!(b, Block::Answers(_)))
    else {
        panic!("{blocks:?}")
    };
    assert_eq!(answers.len(), CIO.len());
    assert!(
        answers
            .iter()
            .any(|a| a.note.as_deref() == Some("about 900 staff"))
    );
    assert!(blocks.contains(&Block::Notes(vec![Note {
        about: "gone".into(),
        text: "from an older tree".into()
    }])));
}

/// The questions "What would change it" names.
fn changes_shown(outline: &Outline) -> &[Change] {
    match outline.sections[2]
        .blocks
        .iter()
        .find(|b| matches!(b, Block::Changes(_)))
    {
        Some(Block::Changes(shown)) => shown,
        _ => panic!("{:?}", outline.sections[2]),
    }
}

/// Every answer, as the appendix lists them.
fn appendix_answers(outline: &Outline) -> &[Answer] {
    match outline.appendix[0]
        .blocks
        .iter()
        .find(|b| matches!(b, Block::Answers(_)))
    {
        Some(Block::Answers(answers)) => answers,
        _ => panic!("{:?}", outline.appendix[0]),
    }
}

#[test]
fn what_would_change_it_groups_answers_by_question() {
    let outline = outline_for(NARROW_CIO, &no_notes());
    // The first few questions in "What would change it", the others beside their answers in
    // the appendix: each told once.
    let shown = changes_shown(&outline);
    let answers = appendix_answers(&outline);
    let beside: Vec<&Answer> = answers.iter().filter(|a| !a.instead.is_empty()).collect();
    assert!(
        shown.len() == MOST_CHANGES && !beside.is_empty(),
        "{shown:?}"
    );
    assert!(
        beside
            .iter()
            .all(|a| shown.iter().all(|c| c.question != a.question)),
        "{beside:?}"
    );
    assert!(
        !outline.appendix[0]
            .blocks
            .iter()
            .any(|b| matches!(b, Block::Changes(_))),
        "no second list of changes in the appendix"
    );
    let lines: Vec<String> = shown
        .iter()
        .find(|c| c.question.starts_with("What does the company sell"))
        .map(|c| &c.instead)
        .or_else(|| {
            beside
                .iter()
                .find(|a| a.question.starts_with("What does the company sell"))
                .map(|a| &a.instead)
        })
        .unwrap_or_else(|| panic!("{shown:?} {beside:?}"))
        .iter()
        .map(|t| t.flat("“", "”"))
        .collect();
    assert!(
        lines.contains(
            &"“Technology is our product”, “A consumer business with important digital \
              channels” or “Business-to-business, with platforms our clients use” would lean \
              toward Hire a CTO (1 more question to answer)."
                .to_string()
        ),
        "{lines:?}"
    );
}

#[test]
fn a_tie_names_the_questions_of_view_that_would_settle_it_and_tells_the_rest_beside_their_answers()
{
    let done = finish(LONGEST);
    let outline = outline_for(LONGEST, &no_notes());
    assert!(done.recommendation.tie);
    let changes = &outline.sections[2];
    let shown = changes_shown(&outline);
    let tree = &done.tree;
    let prompt = |id: &str| {
        tree.questions()
            .iter()
            .find(|q| q.id == id)
            .map(|q| q.prompt.clone())
            .unwrap()
    };
    let named: Vec<&str> = shown.iter().map(|c| c.question.as_str()).collect();
    assert_eq!(
        named,
        [
            prompt("looking_for"),
            prompt("reporting"),
            prompt("security_owner")
        ],
        "the questions of view, in the order asked"
    );
    // The "not sure" answer is told once, in its own paragraph, and nowhere else.
    let focus = prompt("focus");
    let words = client_facing(&outline);
    assert_eq!(words.matches(focus.as_str()).count(), 1, "{words}");
    // Every fact that would change it is beside its answer in the appendix.
    let answers = appendix_answers(&outline);
    let beside: Vec<&str> = answers
        .iter()
        .filter(|a| !a.instead.is_empty())
        .map(|a| a.question.as_str())
        .collect();
    let facts: Vec<String> = [
        "business",
        "product_team",
        "internal_estate",
        "size",
        "existing_leaders",
        "incumbent",
    ]
    .map(prompt)
    .to_vec();
    assert_eq!(beside, facts);
    let Some(Block::Aside(more)) = changes.blocks.last() else {
        panic!("{changes:?}")
    };
    assert_eq!(
        more.flat("“", "”"),
        "6 more questions whose answer would change it are marked beside their answers in the \
         appendix."
    );
}

/// The built-in tree with its `heard` sentences replaced: "We heard c=<id>." on every choice
/// with `say`, none at all without.
fn tree_with_heard(say: bool) -> std::sync::Arc<crate::tree::Tree> {
    use crate::tree::{EMBEDDED, EMBEDDED_NAME, load_str};
    let mut text = String::new();
    let mut after_choice = false;
    for line in EMBEDDED.lines().filter(|l| !l.starts_with("heard = ")) {
        text.push_str(line);
        text.push('\n');
        if say
            && after_choice
            && let Some(id) = line.strip_prefix("id = ")
        {
            text.push_str(&format!(
                "heard = \"We heard c={}.\"\n",
                id.trim_matches('"')
            ));
        }
        after_choice = line == "[[questions.choices]]";
    }
    match load_str(EMBEDDED_NAME, &text) {
        Ok(loaded) => std::sync::Arc::new(loaded.tree),
        Err(report) => panic!("{}", report.render()),
    }
}

/// "What we heard" for the CIO answers on `tree`.
fn heard_on(tree: std::sync::Arc<crate::tree::Tree>) -> Section {
    let mut interview = crate::Interview::new(tree.clone());
    for (_, choice) in CIO {
        interview.answer_id(choice).unwrap();
    }
    let recommendation = interview.result().unwrap();
    let outline = Outline::new(&ReportInput {
        tree: &tree,
        interview: &interview,
        recommendation: &recommendation,
        client: None,
        consultant: None,
        date: None,
        notes: &no_notes(),
        interview_note: None,
        private_notes: false,
        firm: None,
    });
    outline.sections[0].clone()
}

#[test]
fn what_we_heard_is_the_trees_sentences_in_the_order_asked() {
    let expected: Vec<String> = CIO
        .iter()
        .map(|(_, c)| format!("We heard c={c}."))
        .collect();
    assert_eq!(
        heard_on(tree_with_heard(true)).blocks,
        [Block::Paragraph(Text::plain(expected.join(" ")))],
        "one paragraph, no list of questions"
    );
    // Without the sentences, each answer is quoted under its question.
    let plain = heard_on(tree_with_heard(false));
    let Block::Bullets(quoted) = &plain.blocks[0] else {
        panic!("{plain:?}")
    };
    assert_eq!(quoted.len(), CIO.len());
}
