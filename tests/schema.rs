//! The JSON Schema in `docs/questions.schema.json` is generated from the format's Rust types;
//! these tests fail when the committed copy falls behind them, and check what editors rely on.

use serde_json::Value;
use techhire::tree::{EMBEDDED, json_schema};

const COMMITTED: &str = "docs/questions.schema.json";

#[test]
fn the_committed_schema_matches_the_types() {
    let fresh = json_schema();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        if let Err(e) = std::fs::write(COMMITTED, &fresh) {
            panic!("cannot write {COMMITTED}: {e}");
        }
        return;
    }
    let committed = std::fs::read_to_string(COMMITTED).unwrap_or_default();
    assert!(
        committed == fresh,
        "{COMMITTED} is stale: the format's types changed. Regenerate it with\n\n    \
         UPDATE_SCHEMA=1 cargo test --test schema\n\nand commit the result."
    );
}

fn schema() -> Value {
    match serde_json::from_str(&json_schema()) {
        Ok(value) => value,
        Err(e) => panic!("the schema is not JSON: {e}"),
    }
}

/// Every table of the format, as the schema describes it.
fn tables(value: &Value, found: &mut Vec<Value>) {
    match value {
        Value::Object(map) => {
            if map.contains_key("properties") {
                found.push(value.clone());
            }
            map.values().for_each(|v| tables(v, found));
        }
        Value::Array(items) => items.iter().for_each(|v| tables(v, found)),
        _ => {}
    }
}

#[test]
fn the_schema_names_itself_and_refuses_unknown_keys_everywhere() {
    let schema = schema();
    assert_eq!(schema["$id"], "urn:techhire:question-tree");
    assert_eq!(schema["title"], "techhire question tree");
    let mut found = Vec::new();
    tables(&schema, &mut found);
    // The tree, meta, source, outcome, question, choice, rule and example.
    assert_eq!(found.len(), 8);
    for table in &found {
        assert_eq!(table["additionalProperties"], false, "{table:#}");
        for (key, property) in table["properties"].as_object().into_iter().flatten() {
            assert!(
                property["description"]
                    .as_str()
                    .is_some_and(|d| !d.is_empty())
                    || property.get("$ref").is_some(),
                "`{key}` has no description (write a doc comment on its field)"
            );
        }
    }
}

#[test]
fn the_shipped_tree_points_editors_at_the_schema() {
    assert_eq!(
        EMBEDDED.lines().next(),
        Some("#:schema ./docs/questions.schema.json")
    );
}
