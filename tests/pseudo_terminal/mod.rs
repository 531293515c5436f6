//! The real binary in a pseudo-terminal, shared by the pty test files: start techhire with
//! arguments, a sessions folder and a working folder of the test's own, press keys, read the
//! screen (vt100) and every byte written, send signals, and check the terminal came back as it
//! was. Every wait is bounded; nothing depends on timing. Each test file uses part of this.
#![allow(dead_code)]

use std::ffi::OsStr;
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// How long anything may take before the test fails (generous: CI machines are slow).
pub const PATIENCE: Duration = Duration::from_secs(30);
pub const ROWS: u16 = 30;
pub const COLUMNS: u16 = 100;
pub const ENTER_ALTERNATE: &[u8] = b"\x1b[?1049h";
pub const LEAVE_ALTERNATE: &[u8] = b"\x1b[?1049l";

/// The program running in a pseudo-terminal, and the screen it has drawn.
pub struct Running {
    pub child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    keys: Box<dyn Write + Send>,
    output: Receiver<Vec<u8>>,
    pub screen: vt100::Parser,
    /// Everything the program wrote, to check the escape sequences it sent.
    pub bytes: Vec<u8>,
    /// The terminal's settings (termios) before the program started, in their debug form
    /// (the type belongs to a crate this test does not name).
    cooked: String,
    /// A sessions folder made for this run, removed with it.
    _data: Option<tempfile::TempDir>,
}

/// A scratch folder for a test: sessions go in its `sessions`, reports in it.
pub fn scratch() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("techhire-pty-")
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
        .expect("a scratch folder")
}

impl Running {
    /// A new user's first run: techhire with no arguments, sessions in a fresh folder, past the
    /// start screen (Enter: no names) to the first question.
    pub fn start() -> Running {
        let data = scratch();
        let mut app = Running::spawn(&[] as &[&str], data.path(), data.path());
        app._data = Some(data);
        app.wait_for("Start a new interview");
        app.press(b"\r");
        app.wait_for("Why this matters");
        app
    }

    /// techhire with `args`, its sessions in `data`/sessions, run in `cwd`.
    pub fn spawn<S: AsRef<OsStr>>(args: &[S], data: &Path, cwd: &Path) -> Running {
        Running::spawn_with(args, &[], data, cwd)
    }

    /// As [`Running::spawn`], with environment variables set on top of the usual ones (a
    /// terminal that is `xterm-256color`, colours allowed, no plain mode asked for).
    pub fn spawn_with<S: AsRef<OsStr>>(
        args: &[S],
        env: &[(&str, &str)],
        data: &Path,
        cwd: &Path,
    ) -> Running {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLUMNS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let cooked = format!(
            "{:?}",
            pty.master.get_termios().expect("termios can be read")
        );
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_techhire"));
        command.args(args);
        command.env("TERM", "xterm-256color");
        command.env_remove("NO_COLOR");
        command.env_remove("TECHHIRE_PLAIN");
        command.env_remove("ACCESSIBLE");
        for (name, value) in env {
            command.env(name, value);
        }
        // Sessions go to the test's scratch folder, never the user's data directory.
        command.env("TECHHIRE_DATA_DIR", data);
        command.env("TZ", "UTC");
        command.env("XDG_CONFIG_HOME", data.join("config"));
        command.env_remove("TECHHIRE_CONFIG");
        command.cwd(cwd);
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
        let size = |n| NonZeroU16::new(n).expect("a size above zero");
        Running {
            keys: pty.master.take_writer().expect("a writer"),
            master: pty.master,
            child,
            output,
            screen: vt100::Parser::new(size(ROWS), size(COLUMNS), 0),
            bytes: Vec::new(),
            cooked,
            _data: None,
        }
    }

    /// Whether the terminal's settings are those it had before the program started.
    pub fn settings_as_before(&self) -> bool {
        self.master.get_termios().map(|t| format!("{t:?}")) == Some(self.cooked.clone())
    }

    pub fn text(&self) -> String {
        self.screen.screen().contents()
    }

    /// Reads output until the screen shows `text`.
    pub fn wait_for(&mut self, text: &str) {
        self.wait_until(&format!("“{text}” to show"), |screen| {
            screen.contains(text)
        });
    }

    /// Reads output until the screen shows these words in this order, however its rows wrap
    /// them.
    pub fn wait_for_words(&mut self, text: &str) {
        let words = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
        let wanted = words(text);
        self.wait_until(&format!("“{text}” to show"), |screen| {
            words(screen).contains(&wanted)
        });
    }

    /// The screen's text with every run of spaces and line breaks as one space.
    pub fn words(&self) -> String {
        self.text().split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// Reads output until the screen no longer shows `text`.
    pub fn wait_for_gone(&mut self, text: &str) {
        self.wait_until(&format!("“{text}” to go"), |screen| {
            !screen.contains(text)
        });
    }

    fn wait_until(&mut self, what: &str, done: impl Fn(&str) -> bool) {
        let deadline = Instant::now() + PATIENCE;
        while !done(&self.text()) {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.output.recv_timeout(left) {
                Ok(chunk) => self.take(&chunk),
                Err(RecvTimeoutError::Timeout) => {
                    panic!("waited in vain for {what}; the screen:\n{}", self.text())
                }
                Err(RecvTimeoutError::Disconnected) => {
                    panic!("techhire ended while waiting for {what}:\n{}", self.text())
                }
            }
        }
    }

    fn take(&mut self, chunk: &[u8]) {
        self.screen.process(chunk);
        self.bytes.extend_from_slice(chunk);
    }

    /// Resizes the terminal, as dragging the window's corner does.
    pub fn resize(&mut self, rows: u16, cols: u16) {
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

    pub fn press(&mut self, keys: &[u8]) {
        self.keys.write_all(keys).expect("keys reach techhire");
        self.keys.flush().expect("keys reach techhire");
    }

    /// Sends a signal by name (`TERM`, `HUP`, `KILL`) with the system's `kill`.
    pub fn signal(&mut self, name: &str) {
        let pid = self.child.process_id().expect("a process id").to_string();
        let sent = std::process::Command::new("kill")
            .args([&format!("-{name}"), &pid])
            .status()
            .expect("kill runs");
        assert!(sent.success(), "kill -{name} {pid}");
    }

    /// Waits for the program to exit and for the last of its output; returns the exit code.
    pub fn finish(&mut self) -> u32 {
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

    /// Asserts the program left the alternate screen after it last entered it, turned mouse
    /// reporting off and showed the cursor again.
    pub fn assert_screen_restored(&self) {
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

pub fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// How many times `needle` occurs in `haystack`.
pub fn count(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .filter(|w| *w == needle)
        .count()
}

/// The beginning of a question's prompt, short enough to sit on one screen row.
pub fn prompt_start(prompt: &str) -> String {
    prompt.chars().take(40).collect()
}

/// Reads a session file until `ready` says it is as expected (the program saves after each
/// answer, before drawing the next question, but the test reads the file on its own time).
pub fn session_when(
    path: &Path,
    ready: impl Fn(&techhire::session::Session) -> bool,
) -> techhire::session::Session {
    let deadline = Instant::now() + PATIENCE;
    loop {
        if let Ok(session) = techhire::session::read_path(path)
            && ready(&session)
        {
            return session;
        }
        assert!(
            Instant::now() < deadline,
            "{} never reached the expected state",
            path.display()
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}
