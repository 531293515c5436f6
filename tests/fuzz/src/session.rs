//! The session target: read any bytes as a session file; a file that fails gets a readable
//! error naming it, and a session that reads saves back the same and resumes on the shipped
//! tree without losing track of any answer.

use std::sync::{Arc, OnceLock};

use techhire::Tree;
use techhire::session::{TreeStamp, parse};
use techhire::tree::{EMBEDDED, EMBEDDED_NAME, load_str};

use crate::check::terminal_safe;

const FILE: &str = "fuzz.json";

/// The shipped tree, loaded once per process.
pub fn shipped() -> &'static (Arc<Tree>, TreeStamp) {
    static TREE: OnceLock<(Arc<Tree>, TreeStamp)> = OnceLock::new();
    TREE.get_or_init(|| {
        let tree = load_str(EMBEDDED_NAME, EMBEDDED)
            .expect("the shipped tree loads")
            .tree;
        let stamp = TreeStamp::new(&tree, EMBEDDED_NAME, EMBEDDED.as_bytes());
        (Arc::new(tree), stamp)
    })
}

pub fn session(data: &[u8]) {
    let mut session = match parse(FILE, data) {
        Ok(session) => session,
        Err(e) => {
            let message = e.to_string();
            assert!(
                message.contains(FILE),
                "errors must name the file: {message}"
            );
            terminal_safe("the error", &message);
            return;
        }
    };
    let json = serde_json::to_string(&session).expect("a session always serialises");
    let again = parse("again.json", json.as_bytes())
        .unwrap_or_else(|e| panic!("a session that read must save and read back: {e}"));
    assert_eq!(again, session, "a session must read back as it was saved");

    let (tree, stamp) = shipped();
    let answers = session.answers.len();
    let dropped_before = session.dropped.len();
    let reconciled = session.reconcile(tree.clone(), stamp.clone());
    let dropped_answers = reconciled
        .dropped
        .iter()
        .filter(|d| d.choice.is_some())
        .count();
    assert_eq!(
        session.answers.len() + dropped_answers,
        answers,
        "every answer is either kept or listed as dropped"
    );
    assert_eq!(
        session.dropped.len(),
        dropped_before + reconciled.dropped.len()
    );
    assert!(reconciled.interview.path().len() <= session.answers.len());
    for dropped in &reconciled.dropped {
        terminal_safe("a dropped answer's description", &dropped.describe());
    }
    let json = serde_json::to_string(&session).expect("a session always serialises");
    parse("resumed.json", json.as_bytes())
        .unwrap_or_else(|e| panic!("a resumed session must save and read back: {e}"));
}
