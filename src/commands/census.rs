//! `techhire census [FILE]`: every path through a tree counted, as text or JSON.

use std::path::Path;
use std::process::ExitCode;

use techhire::census::{self, Options};
use techhire::text::json_output;

use crate::cli::CensusFormat;
use crate::commands::{Failure, PROBLEMS, load_tree, print_out};

/// The census command. A census with failing examples still prints, and exits with 1.
pub fn run(
    file: Option<&Path>,
    format: CensusFormat,
    limit: u64,
    sample: u64,
    seed: u64,
) -> Result<ExitCode, Failure> {
    let loaded = load_tree(file)?;
    let tree = &loaded.tree;
    let options = Options {
        limit,
        sample: sample.max(1),
        seed,
        ..Options::default()
    };
    let census = census::run(tree, &options).map_err(|e| Failure::new(PROBLEMS, e.to_string()))?;
    let text = match format {
        CensusFormat::Text => census::text(tree, &loaded.warnings.file, &census),
        CensusFormat::Json => json_output(&census::json(tree, &census)),
    };
    print_out(&text)?;
    Ok(if census.examples.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(PROBLEMS)
    })
}
