//! The question-tree target: load any text as a tree; a tree that fails says so readably, and a
//! tree that loads is interviewed to the end, recommended on, saved as a session and reported.

use std::collections::BTreeMap;
use std::sync::Arc;

use techhire::report::{ReportInput, html};
use techhire::session::{Session, Timestamp, TreeStamp};
use techhire::tree::{TreeFile, load_str};

use crate::check::{Rng, terminal_safe};

const FILE: &str = "fuzz.toml";

pub fn tree(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let loaded = match load_str(FILE, &text) {
        Ok(loaded) => loaded,
        Err(report) => {
            assert!(report.errors() > 0, "a refused tree must say why");
            let rendered = report.render();
            assert!(
                rendered.contains(FILE),
                "errors must name the file: {rendered}"
            );
            terminal_safe("the error report", &rendered);
            let _ = report.to_json();
            return;
        }
    };
    assert_eq!(
        loaded.warnings.errors(),
        0,
        "a tree that loads has no errors"
    );
    // The loader reads each item on its own, to collect every problem; toml, reading the whole
    // file into the same types, must find every field the same.
    let by_toml: TreeFile = toml::from_str(&text)
        .unwrap_or_else(|e| panic!("a tree that loads must be valid TOML of the format: {e}"));
    assert_eq!(
        &by_toml,
        loaded.tree.file(),
        "the loader and toml read the tree differently"
    );
    terminal_safe("the warnings", &loaded.warnings.render());
    let tree = Arc::new(loaded.tree);
    let mut rng = Rng::new(data);
    let interview = crate::interview::run(&tree, &mut rng);
    let recommendation = crate::interview::recommend(&interview);

    let stamp = TreeStamp::new(&tree, FILE, data);
    let mut session = Session::new(stamp.clone(), Some("Fuzz".into()), None, &interview);
    let now = Timestamp::from_unix(1_767_225_600).expect("2026-01-01 is a valid time");
    session.record(&interview, now);
    if let Some(q) = tree.questions().first() {
        session.set_note(&q.id, "a note", false, now);
    }
    let json = serde_json::to_string(&session).expect("a session always serialises");
    let again = techhire::session::parse("again.json", json.as_bytes())
        .unwrap_or_else(|e| panic!("a saved session must read back: {e}"));
    assert_eq!(again, session, "a session must read back as it was saved");
    let mut resumed = again;
    let reconciled = resumed.reconcile(tree.clone(), stamp);
    assert!(
        reconciled.dropped.is_empty(),
        "nothing is dropped on the same tree"
    );
    assert_eq!(reconciled.interview.path(), interview.path());

    let notes = BTreeMap::from([(tree.question(tree.start()).id.clone(), "note".to_string())]);
    let report = html::render(&ReportInput {
        tree: &tree,
        interview: &interview,
        recommendation: &recommendation,
        client: Some("Fuzz"),
        consultant: None,
        date: Some("2026-01-01"),
        notes: &notes,
        interview_note: None,
        private_notes: false,
        firm: None,
    });
    assert!(
        !report.to_ascii_lowercase().contains("<script"),
        "the HTML report must escape text from the tree"
    );
}
