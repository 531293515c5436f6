//! The glue between the command line and the engine: one file per subcommand.

pub mod full_screen;
pub mod opening;
pub mod report;
pub mod sessions;
