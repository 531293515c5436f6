//! `techhire schema [--doc]`: the question-tree format from an installed binary, with no
//! checkout at hand: its JSON Schema for editors, or its reference for people.

use std::process::ExitCode;

use techhire::tree::json_schema;

use crate::commands::{Failure, print_out};

/// The format's reference, as the repository has it (docs/questions-format.md).
const REFERENCE: &str = include_str!("../../docs/questions-format.md");

/// The schema command.
pub fn run(doc: bool) -> Result<ExitCode, Failure> {
    if doc {
        print_out(REFERENCE)
    } else {
        print_out(json_schema())
    }
}
