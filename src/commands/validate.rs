//! `techhire validate [FILE]`: every problem in a tree with file:line:column (its failing
//! examples among them), as text for people or JSON for editors, and a one-line summary of a
//! valid tree.

use std::path::Path;
use std::process::ExitCode;

use techhire::examples;
use techhire::text::json_output;
use techhire::tree::{EMBEDDED, EMBEDDED_NAME, TreeError};

use crate::cli::ValidateFormat;
use crate::commands::{Failure, PROBLEMS, print_out, unreadable};

/// The validate command.
pub fn run(file: Option<&Path>, format: ValidateFormat) -> Result<ExitCode, Failure> {
    let loaded = match file {
        None => examples::load_str(EMBEDDED_NAME, EMBEDDED).map_err(TreeError::Invalid),
        Some(path) => examples::load_path(path),
    };
    let (found, tree) = match loaded {
        Ok(loaded) => (loaded.warnings, Some(loaded.tree)),
        Err(TreeError::Invalid(found)) => (found, None),
        Err(e @ TreeError::Io { .. }) => return Err(unreadable(&e)),
        Err(e) => return refuse_whole_file(&e, format),
    };
    let text = match (format, &tree) {
        (ValidateFormat::Json, _) => json_output(&found.to_json()),
        (ValidateFormat::Text, None) => found.render(),
        (ValidateFormat::Text, Some(tree)) => {
            let (fewest, most) = tree.remaining_from(tree.start());
            let paths = if fewest == most {
                count(fewest as usize, "question")
            } else {
                format!("{fewest} to {most} questions")
            };
            let mut parts = vec![
                count(tree.questions().len(), "question"),
                count(tree.outcomes().len(), "outcome"),
            ];
            if !tree.rules().is_empty() {
                parts.push(count(tree.rules().len(), "rule"));
            }
            if !tree.examples().is_empty() {
                parts.push(format!(
                    "{} passing",
                    count(tree.examples().len(), "example")
                ));
            }
            let summary = format!(
                "{} is valid: {}, and every path asks {paths}.\n",
                found.file,
                parts.join(", "),
            );
            if found.diagnostics.is_empty() {
                summary
            } else {
                found.render() + &summary
            }
        }
    };
    print_out(&text)?;
    Ok(match tree {
        Some(_) => ExitCode::SUCCESS,
        None => ExitCode::from(PROBLEMS),
    })
}

/// `1 question`, `11 questions`.
fn count(n: usize, thing: &str) -> String {
    if n == 1 {
        format!("1 {thing}")
    } else {
        format!("{n} {thing}s")
    }
}

/// A file refused before it could be parsed (too large, not text), in the format asked for.
fn refuse_whole_file(e: &TreeError, format: ValidateFormat) -> Result<ExitCode, Failure> {
    let (file, code) = match e {
        TreeError::TooLarge { file, .. } => (file.as_str(), "too-large"),
        TreeError::NotUtf8 { file, .. } => (file.as_str(), "not-utf8"),
        _ => ("", "unreadable"),
    };
    let text = match format {
        ValidateFormat::Text => format!("error[{code}]: {e}\n"),
        ValidateFormat::Json => json_output(&serde_json::json!({
            "file": file,
            "valid": false,
            "errors": 1,
            "warnings": 0,
            "diagnostics": [{
                "file": file, "severity": "error", "code": code, "message": e.to_string(),
                "hint": "check that this is the question tree you meant",
                "line": null, "column": null, "end_line": null, "end_column": null,
            }],
        })),
    };
    print_out(&text)?;
    Ok(ExitCode::from(PROBLEMS))
}
