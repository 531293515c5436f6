//! The `techhire` command. For now: the full-screen interview on the built-in tree or on
//! `--questions FILE`, in the theme `--theme` names.

mod tui;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::Parser;
use techhire::tree::{EMBEDDED, EMBEDDED_NAME, load_path, load_str};

/// Helps a company decide which technology leader to hire: a CIO, a CTO, both, or one leader in
/// a combined role.
#[derive(Parser)]
#[command(version)]
struct Args {
    /// A question tree to use instead of the built-in one.
    #[arg(long, value_name = "FILE")]
    questions: Option<PathBuf>,
    /// Colours: dark, light or mono. Without it: mono when NO_COLOR is set, else dark.
    #[arg(long, value_enum)]
    theme: Option<tui::ThemeName>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let loaded = match &args.questions {
        Some(path) => load_path(path).map_err(|e| e.to_string()),
        None => load_str(EMBEDDED_NAME, EMBEDDED).map_err(|report| report.render()),
    };
    let tree = match loaded {
        Ok(loaded) => loaded.tree,
        Err(message) => {
            eprintln!("{}", message.trim_end());
            return ExitCode::from(1);
        }
    };
    if !std::io::stdout().is_terminal() {
        eprintln!("techhire: the interview needs a terminal; run it in one, not through a pipe");
        return ExitCode::from(2);
    }
    let options = tui::TuiOptions { theme: args.theme };
    match tui::run(Arc::new(tree), options) {
        Ok(tui::Ending::Quit) => ExitCode::SUCCESS,
        Ok(tui::Ending::Interrupted) => ExitCode::from(130),
        Err(e) => {
            eprintln!("techhire: {e}");
            ExitCode::from(1)
        }
    }
}
