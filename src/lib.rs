//! techhire's engine: the question-tree format and its loader and validator, the interview
//! state machine, and the recommendation with its reasons. No terminal I/O lives here; the
//! full-screen interface, the plain line mode and the command line are thin layers on top.

pub mod answers;
pub mod census;
pub mod config;
pub mod examples;
pub mod export;
pub mod files;
pub mod graph;
pub mod interview;
pub mod outcome;
pub mod report;
pub mod session;
pub mod text;
pub mod tree;
pub mod workshop;

pub use interview::{Interview, InterviewError, Progress};
pub use outcome::{Reason, Recommendation, Unanswered, WhatIf};
pub use tree::{Diagnostic, Diagnostics, Loaded, Severity, Step, Tree, TreeError, TreeFile};
