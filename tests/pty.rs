//! The real binary in a pseudo-terminal, as a user meets it: answer by keys, read the result off
//! the screen, leave, and check the terminal came back as it was (main screen, cooked mode, no
//! mouse reporting), on quitting, on Ctrl-C and on SIGTERM and SIGHUP. Every wait is bounded;
//! nothing here depends on timing.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use techhire::Interview;
use techhire::tree::{EMBEDDED, EMBEDDED_NAME, load_str};

/// How long anything may take before the test fails (generous: CI machines are slow).
const PATIENCE: Duration = Duration::from_secs(30);
const ROWS: NonZeroU16 = NonZeroU16::new(30).expect("not zero");
const COLUMNS: NonZeroU16 = NonZeroU16::new(100).expect("not zero");
const ENTER_ALTERNATE: &[u8] = b"\x1b[?1049h";
const LEAVE_ALTERNATE: &[u8] = b"\x1b[?1049l";

/// The program running in a pseudo-terminal, and the screen it has drawn.
struct Running {
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    keys: Box<dyn Write + Send>,
    output: Receiver<Vec<u8>>,
    screen: vt100::Parser,
    /// Everything the program wrote, to check the escape sequences it ended with.
    bytes: Vec<u8>,
    /// The terminal's settings (termios) before the program started, in their debug form
    /// (the type belongs to a crate this test does not name).
    cooked: String,
}

impl Running {
    fn start() -> Running {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: ROWS.get(),
                cols: COLUMNS.get(),
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let cooked = format!(
            "{:?}",
            pty.master.get_termios().expect("termios can be read")
        );
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_techhire"));
        command.env("TERM", "xterm-256color");
        command.env_remove("NO_COLOR");
        // Sessions go to the test's scratch folder, never the user's data directory.
        command.env("TECHHIRE_DATA_DIR", env!("CARGO_TARGET_TMPDIR"));
        command.cwd(env!("CARGO_MANIFEST_DIR"));
        let child = pty.slave.spawn_command(command).expect("techhire starts");
        // Only the child may hold the terminal's other end, so its exit ends our reading.
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("a reader");
        let (send, output) = mpsc::channel();
        std::thread::spawn(move || {
            let mut chunk = [0u8; 8192];
            while let Ok(n) = reader.read(&mut chunk) {
                if n == 0 || send.send(chunk[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Running {
            keys: pty.master.take_writer().expect("a writer"),
            master: pty.master,
            child,
            output,
            screen: vt100::Parser::new(ROWS, COLUMNS, 0),
            bytes: Vec::new(),
            cooked,
        }
    }

    /// Whether the terminal's settings are those it had before the program started.
    fn settings_as_before(&self) -> bool {
        self.master.get_termios().map(|t| format!("{t:?}")) == Some(self.cooked.clone())
    }

    fn text(&self) -> String {
        self.screen.screen().contents()
    }

    /// Reads output until the screen shows `text`.
    fn wait_for(&mut self, text: &str) {
        let deadline = Instant::now() + PATIENCE;
        while !self.text().contains(text) {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.output.recv_timeout(left) {
                Ok(chunk) => self.take(&chunk),
                Err(RecvTimeoutError::Timeout) => {
                    panic!("“{text}” never showed; the screen:\n{}", self.text())
                }
                Err(RecvTimeoutError::Disconnected) => {
                    panic!("techhire ended before showing “{text}”:\n{}", self.text())
                }
            }
        }
    }

    fn take(&mut self, chunk: &[u8]) {
        self.screen.process(chunk);
        self.bytes.extend_from_slice(chunk);
    }

    /// Resizes the terminal, as dragging the window's corner does.
    fn resize(&mut self, rows: u16, cols: u16) {
        let size = |n| NonZeroU16::new(n).expect("a size above zero");
        self.screen.set_size(size(rows), size(cols));
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("the terminal resizes");
    }

    fn press(&mut self, keys: &[u8]) {
        self.keys.write_all(keys).expect("keys reach techhire");
        self.keys.flush().expect("keys reach techhire");
    }

    /// Waits for the program to exit and for the last of its output; returns the exit code.
    fn finish(&mut self) -> u32 {
        let deadline = Instant::now() + PATIENCE;
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("the child's status") {
                break status;
            }
            assert!(
                Instant::now() < deadline,
                "techhire did not exit:\n{}",
                self.text()
            );
            std::thread::sleep(Duration::from_millis(10));
        };
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.output.recv_timeout(left) {
                Ok(chunk) => self.take(&chunk),
                Err(RecvTimeoutError::Disconnected) => break,
                Err(RecvTimeoutError::Timeout) => panic!("the terminal never closed"),
            }
        }
        status.exit_code()
    }

    /// Asserts the program left the alternate screen after it last entered it, and turned
    /// mouse reporting off.
    fn assert_screen_restored(&self) {
        let entered = rfind(&self.bytes, ENTER_ALTERNATE).expect("it used the alternate screen");
        let left = rfind(&self.bytes, LEAVE_ALTERNATE).expect("it left the alternate screen");
        assert!(
            left > entered,
            "the last alternate-screen switch was not back to the main one"
        );
        let screen = self.screen.screen();
        assert!(!screen.alternate_screen());
        assert_eq!(screen.mouse_protocol_mode(), vt100::MouseProtocolMode::None);
        assert!(!screen.hide_cursor(), "the cursor is shown again");
    }
}

fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// The beginning of a question's prompt, short enough to sit on one screen row.
fn prompt_start(prompt: &str) -> String {
    prompt.chars().take(40).collect()
}

#[test]
fn a_whole_interview_by_keys_ends_in_a_restored_terminal() {
    let tree = std::sync::Arc::new(
        load_str(EMBEDDED_NAME, EMBEDDED)
            .expect("built-in tree")
            .tree,
    );
    let answers: BTreeMap<String, String> = toml::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/answers/cio.toml"
        ))
        .expect("the cio answers"),
    )
    .expect("the cio answers");
    let mut app = Running::start();

    // The engine says which question comes next; the screen must show it.
    let mut interview = Interview::new(tree.clone());
    let mut first = true;
    while let Some(q) = interview.current() {
        let question = tree.question(q);
        app.wait_for(&prompt_start(&question.prompt));
        if first {
            assert!(
                !app.settings_as_before(),
                "raw mode while the interview runs"
            );
            first = false;
        }
        let choice = tree
            .choice_index(q, &answers[&question.id])
            .expect("the answer is a choice");
        app.press((choice + 1).to_string().as_bytes());
        interview.answer(choice).expect("an answer");
    }
    app.wait_for("Check your answers");
    app.press(b"\r");
    app.wait_for("Recommendation: Hire a CIO");
    app.press(b"q");
    app.wait_for("Leave the interview?");
    app.press(b"y");

    assert_eq!(app.finish(), 0, "leaving is a clean exit");
    app.assert_screen_restored();
    assert!(
        app.settings_as_before(),
        "the terminal is back in cooked mode"
    );
}

#[test]
fn ctrl_c_quits_at_once_and_restores_the_terminal() {
    let mut app = Running::start();
    app.wait_for("Why this matters");
    app.press(b"\x03");
    assert_eq!(app.finish(), 130);
    app.assert_screen_restored();
    assert!(
        app.settings_as_before(),
        "the terminal is back in cooked mode"
    );
}

#[test]
fn sigterm_restores_the_terminal() {
    let mut app = Running::start();
    app.wait_for("Why this matters");
    let pid = app.child.process_id().expect("a process id").to_string();
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .expect("kill runs");
    assert!(killed.success());
    assert_eq!(app.finish(), 128 + 15);
    app.assert_screen_restored();
    assert!(
        app.settings_as_before(),
        "the terminal is back in cooked mode"
    );
}

#[test]
fn sighup_restores_the_terminal() {
    let mut app = Running::start();
    app.wait_for("Why this matters");
    // portable-pty's killer sends SIGHUP, as a closing terminal window does.
    app.child.clone_killer().kill().expect("SIGHUP is sent");
    assert_eq!(app.finish(), 128 + 1);
    app.assert_screen_restored();
    assert!(
        app.settings_as_before(),
        "the terminal is back in cooked mode"
    );
}

#[test]
fn resizing_redraws_at_the_new_size_and_too_small_says_so() {
    let mut app = Running::start();
    app.wait_for("Why this matters");
    app.resize(12, 50);
    app.wait_for("now 50x12, need at least 60x16");
    app.resize(24, 80);
    app.wait_for("Why this matters");
    // The first question's prompt wraps at 80 columns where it did not at 100.
    app.wait_for("\n or three years?");
    app.press(b"1");
    app.wait_for("Question 2");
    app.press(b"\x03");
    assert_eq!(app.finish(), 130);
    app.assert_screen_restored();
}

#[test]
fn m_hands_the_mouse_back_to_the_terminal_and_takes_it_again() {
    let mut app = Running::start();
    app.wait_for("Why this matters");
    assert_ne!(
        app.screen.screen().mouse_protocol_mode(),
        vt100::MouseProtocolMode::None,
        "clicks are reported while the interview runs"
    );
    app.press(b"m");
    app.wait_for("Mouse off");
    assert_eq!(
        app.screen.screen().mouse_protocol_mode(),
        vt100::MouseProtocolMode::None
    );
    app.press(b"m");
    app.wait_for("Mouse on");
    assert_ne!(
        app.screen.screen().mouse_protocol_mode(),
        vt100::MouseProtocolMode::None
    );
    app.press(b"\x03");
    assert_eq!(app.finish(), 130);
    app.assert_screen_restored();
}
