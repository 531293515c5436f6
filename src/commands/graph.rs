//! `techhire graph`: the whole flow of a tree as Mermaid or Graphviz text.

use std::path::Path;
use std::process::ExitCode;

use techhire::graph;

use crate::cli::GraphFormat;
use crate::commands::{Failure, load_tree, print_out};

/// The graph command.
pub fn run(file: Option<&Path>, format: GraphFormat) -> Result<ExitCode, Failure> {
    let loaded = load_tree(file)?;
    let text = match format {
        GraphFormat::Mermaid => graph::mermaid(&loaded.tree),
        GraphFormat::Dot => graph::dot(&loaded.tree),
    };
    print_out(&text)
}
