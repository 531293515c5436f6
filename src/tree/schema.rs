//! The JSON Schema of the question-tree format, generated from the types in `model.rs` (their
//! doc comments become its descriptions), so editors such as Taplo and Even Better TOML can
//! complete and check `questions.toml` through its `#:schema` line. The committed copy lives in
//! `docs/questions.schema.json`; a test fails when it is stale.

use schemars::generate::SchemaSettings;
use serde_json::Value;

use super::model::TreeFile;

/// The schema's `$id`: a name, not an address, since the schema travels with the project.
pub const SCHEMA_ID: &str = "urn:techhire:question-tree";

/// The schema as pretty-printed JSON, ending with a line break. Draft 7, which every editor
/// that reads `#:schema` understands.
pub fn json_schema() -> String {
    let schema = SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<TreeFile>();
    let mut value = schema.to_value();
    if let Value::Object(root) = &mut value {
        root.insert("$id".into(), SCHEMA_ID.into());
    }
    tidy(&mut value);
    crate::text::json_output(&value)
}

/// Drops `null` from every type (TOML has none: optional keys are simply left out) and joins
/// the lines of doc comments, so editors show each description as one paragraph.
fn tidy(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if let Some(Value::Array(types)) = map.get_mut("type") {
                types.retain(|t| t != "null");
                if types.len() == 1 {
                    let only = types.remove(0);
                    map.insert("type".into(), only);
                }
            }
            if let Some(Value::String(text)) = map.get_mut("description") {
                *text = text.replace('\n', " ");
            }
            map.values_mut().for_each(tidy);
        }
        Value::Array(items) => items.iter_mut().for_each(tidy),
        _ => {}
    }
}
