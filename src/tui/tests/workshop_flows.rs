//! A workshop respondent resuming their invited session full screen: the company's facts were
//! given by the workshop, so they are never asked, the review shows them as given, Enter on
//! one says it is not theirs to change, and the workshop takes the finished session.

use techhire::answers;
use techhire::session::{Timestamp, TreeStamp};
use techhire::tree::{EMBEDDED, EMBEDDED_NAME};
use techhire::workshop::{Facts, Workshop};

use super::*;

const FACTS: &str = include_str!("../../../tests/answers/workshop/facts.toml");

/// A workshop on the shipped tree with the worked example's facts, and Ben's invited session.
fn invited() -> (Workshop, techhire::session::Session) {
    let tree = tree();
    let stamp = TreeStamp::new(&tree, EMBEDDED_NAME, EMBEDDED.as_bytes());
    let file = answers::parse("facts.toml", FACTS).unwrap_or_else(|p| panic!("{}", p.render()));
    let facts = Facts::from_answers(&tree, &file).unwrap_or_else(|p| panic!("{}", p.render()));
    let mut workshop = Workshop::with_facts(&tree, stamp.clone(), None, None, &facts)
        .unwrap_or_else(|e| panic!("{e}"));
    let ben = workshop
        .add_respondent("Ben", Some("CFO"), Timestamp::now())
        .unwrap_or_else(|e| panic!("{e}"))
        .clone();
    let session = workshop
        .session_for(&ben, &tree, stamp)
        .unwrap_or_else(|e| panic!("{e}"));
    (workshop, session)
}

#[test]
fn a_respondent_is_asked_only_the_views_and_cannot_change_a_fact() {
    let (workshop, mut session) = invited();
    let stamp = session.tree.clone();
    let interview = session.reconcile(tree(), stamp).interview;
    let mut app = App::with_interview(interview, Theme::named(ThemeName::Dark), 80, 24);
    assert_eq!(current_id(&app), "looking_for");
    // Ben's file has only his views: a fact on screen would find no answer in it and fail.
    answer_from(&mut app, &answers("workshop/ben-cfo"));
    assert_eq!(app.screen.kind(), ScreenKind::Review);
    let shown = screen(&app);
    assert!(shown.contains("· given by the workshop"), "{shown}");

    // Up to the last fact on the path (existing_leaders), then Enter: refused, said why.
    let path = app.shared.interview.path().to_vec();
    let fact = path
        .iter()
        .rposition(|s| app.shared.interview.is_settled(s.question))
        .expect("the facts are on the path");
    for _ in fact..path.len() {
        press(&mut app, KeyCode::Up);
    }
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen.kind(), ScreenKind::Review, "no question opens");
    assert!(
        app.shared
            .notice
            .as_deref()
            .is_some_and(|n| n.contains("given by the workshop for everyone")),
        "{:?}",
        app.shared.notice
    );
    // Going back from the review passes over the facts to the last view.
    press(&mut app, KeyCode::Left);
    assert_eq!(current_id(&app), "security_owner");

    // The finished session is one the workshop takes.
    press(&mut app, KeyCode::Right);
    session.record(&app.shared.interview, Timestamp::now());
    assert!(session.result.is_some());
    workshop
        .check_facts_of(&tree(), &session)
        .unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn a_respondents_result_before_the_reveal_offers_no_report() {
    let (_, mut session) = invited();
    let stamp = session.tree.clone();
    let interview = session.reconcile(tree(), stamp).interview;
    let mut app = App::with_interview(interview, Theme::named(ThemeName::Dark), 100, 30);
    let why = "The report waits until the consultant reveals everyone's answers.";
    app.shared.reports_wait = Some(why.to_string());
    answer_from(&mut app, &answers("workshop/ben-cfo"));
    press(&mut app, KeyCode::Right);
    assert_eq!(app.screen.kind(), ScreenKind::Result);
    let shown = screen(&app);
    assert!(!shown.contains("e export"), "{shown}");
    assert!(shown.contains("n note"), "{shown}");
    // Pressed anyway: no report box, and why.
    press_keys(&mut app, "e");
    assert!(app.overlay.is_none());
    assert_eq!(app.shared.notice.as_deref(), Some(why));
    // The list of keys leaves it out too.
    press_keys(&mut app, "?");
    let listed = screen(&app);
    assert!(listed.contains("write a note on the interview"), "{listed}");
    assert!(!listed.contains("write the report"), "{listed}");
    // Revealed: offered again.
    press(&mut app, KeyCode::Esc);
    app.shared.reports_wait = None;
    press(&mut app, KeyCode::Down);
    assert!(screen(&app).contains("e export"));
}

#[test]
fn a_second_round_marks_each_earlier_answer_and_enter_keeps_it() {
    let (_, mut session) = invited();
    // Ben's answers from round 1, offered as a second round's session offers them.
    let tree = tree();
    let ben = answers("workshop/ben-cfo");
    let steps: Vec<techhire::Step> = ben
        .iter()
        .map(|(q, c)| {
            let question = tree.question_index(q).unwrap();
            techhire::Step {
                question,
                choice: tree.choice_index(question, c).unwrap(),
            }
        })
        .collect();
    let stamp = session.tree.clone();
    let mut interview = session.reconcile(tree.clone(), stamp).interview;
    interview.offer(steps.iter().copied());
    let mut app = App::with_interview(interview, Theme::named(ThemeName::Dark), 100, 30);
    let shown = screen(&app);
    assert!(
        shown.contains("✓ marks your answer last round: Enter keeps it"),
        "{shown}"
    );
    assert!(
        shown.contains("Run and modernise our core systems ✓"),
        "{shown}"
    );
    let q = |id: &str| tree.question_index(id).unwrap();
    assert_eq!(app.shared.interview.answer_of(q("looking_for")), None);
    // Enter keeps it: given now, and on to the next view, its earlier answer marked too.
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.shared.interview.answer_of(q("looking_for")), Some(0));
    assert_eq!(current_id(&app), "focus");
    // Ben's earlier answer there: his own people (the first choice).
    assert!(screen(&app).contains("Our own people and business units ✓"));
    // Another answer replaces the earlier one.
    press_keys(&mut app, "3");
    assert_eq!(app.shared.interview.answer_of(q("focus")), Some(2));
}

#[test]
fn agreeing_together_outside_the_room_shows_how_each_answered() {
    let (_, mut session) = invited();
    let tree = tree();
    let stamp = session.tree.clone();
    let interview = session.reconcile(tree.clone(), stamp).interview;
    let mut app = App::with_interview(interview, Theme::named(ThemeName::Dark), 100, 40);
    let looking_for = tree.question_index("looking_for").unwrap();
    let mut answers = std::collections::BTreeMap::new();
    answers.insert(looking_for, vec![Some(4), Some(0), None]);
    app.shared.beside = Some(Arc::new(techhire::workshop::Beside {
        round: 2,
        people: vec!["Ana (CEO)".into(), "Ben (CFO)".into(), "Cai (COO)".into()],
        answers,
    }));
    press(&mut app, KeyCode::Down);
    let shown = screen(&app);
    assert!(shown.contains("In round 2:"), "{shown}");
    assert!(
        shown.contains("Ana (CEO): Build technology products for our customers"),
        "{shown}"
    );
    assert!(
        shown.contains("Ben (CFO): Run and modernise our core systems"),
        "{shown}"
    );
    assert!(shown.contains("Cai (COO): not asked"), "{shown}");
}
