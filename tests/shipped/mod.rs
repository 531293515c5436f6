//! What the report tests share: a finished interview on the shipped tree, from one of
//! `tests/answers/*.toml`.

use std::collections::BTreeMap;
use std::fs;
use std::sync::Arc;

use techhire::tree::{EMBEDDED, EMBEDDED_NAME, load_str};
use techhire::{Interview, Recommendation, Tree};

/// The shipped tree answered as `tests/answers/<name>.toml` says, and its result.
pub fn finished(name: &str) -> (Arc<Tree>, Interview, Recommendation) {
    let tree = Arc::new(load_str(EMBEDDED_NAME, EMBEDDED).unwrap().tree);
    let text = fs::read_to_string(format!("tests/answers/{name}.toml")).unwrap();
    let answers: BTreeMap<String, String> = toml::from_str(&text).unwrap();
    let mut interview = Interview::new(tree.clone());
    while let Some(q) = interview.current() {
        interview.answer_id(&answers[&tree.question(q).id]).unwrap();
    }
    let recommendation = interview.result().unwrap();
    (tree, interview, recommendation)
}
