//! The terminal while the interview runs: raw mode, the alternate screen, bracketed paste and
//! mouse reporting on start, and all of it undone on every way out (and on Ctrl-Z, until `fg`): a normal return or an error
//! (the `Session` guard's `Drop`), a panic (a hook that restores before the message prints),
//! and SIGTERM, SIGHUP or SIGINT (a thread that restores, then exits).
//!
//! Nothing here delays the first frame that can wait: the modes are written in the same write
//! as the first frame, and the signal thread starts once that frame is up (the signals are
//! caught from the start and wait for it).

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, Once};

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute, queue};
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Frame, Terminal, TerminalOptions, Viewport};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGTSTP};
use signal_hook::iterator::Signals;

/// The terminal is in the interview's modes and must be restored.
static ACTIVE: AtomicBool = AtomicBool::new(false);
/// Held while a frame is written, so a signal's restore never lands inside a half-drawn frame.
static WRITING: Mutex<()> = Mutex::new(());
static HOOKS: Once = Once::new();
/// The signals caught since the terminal was set up, until the thread that acts on them starts.
static SIGNALS: Mutex<Option<Signals>> = Mutex::new(None);

/// The terminal, set up for the interview until dropped.
pub struct Session {
    terminal: Terminal<CrosstermBackend<FrameWriter>>,
    /// The size frames are drawn at: the window's, as of the last resize event.
    size: (u16, u16),
    mouse: bool,
}

/// Collects a frame and writes it in one go on flush, so the terminal is never shown half a
/// frame; what was never flushed (a frame cut short by a panic) is dropped, not written over
/// the restored screen.
#[derive(Default)]
struct FrameWriter {
    frame: Vec<u8>,
}

impl Write for FrameWriter {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.frame.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        let mut out = io::stdout().lock();
        out.write_all(&self.frame)?;
        self.frame.clear();
        out.flush()
    }
}

impl Session {
    /// Switches the terminal into the interview's modes. Asks the terminal nothing, so the first
    /// frame is never held up waiting for an answer.
    pub fn start() -> io::Result<Session> {
        HOOKS.call_once(install_hooks);
        enable_raw_mode()?;
        ACTIVE.store(true, Ordering::SeqCst);
        interrupt_by_the_kernel();
        // From here on, an early return drops nothing that restores; do it by hand.
        let started = (|| {
            // A fixed viewport, resized on resize events: ratatui would otherwise ask the
            // system for the size before every frame.
            let (width, height) = crossterm::terminal::size()?;
            let mut terminal = Terminal::with_options(
                CrosstermBackend::new(FrameWriter::default()),
                TerminalOptions {
                    viewport: Viewport::Fixed(Rect::new(0, 0, width, height)),
                },
            )?;
            // Written with the first frame, in the same write.
            enter_modes(terminal.backend_mut(), true)?;
            Ok((terminal, (width, height)))
        })();
        match started {
            Ok((terminal, size)) => Ok(Session {
                terminal,
                size,
                mouse: true,
            }),
            Err(e) => {
                restore();
                Err(e)
            }
        }
    }

    /// The size the frames are drawn at.
    pub fn size(&self) -> (u16, u16) {
        self.size
    }

    /// Draws at a new size from the next frame on (after a resize event).
    pub fn resize(&mut self, width: u16, height: u16) -> io::Result<()> {
        let _writing = WRITING.lock().unwrap_or_else(|e| e.into_inner());
        self.terminal.resize(Rect::new(0, 0, width, height))?;
        self.size = (width, height);
        Ok(())
    }

    /// Starts the thread that restores the terminal when SIGTERM, SIGHUP or SIGINT stops the
    /// program: called once the first frame is up, so starting a thread (its stack, its
    /// memory arena) does not hold that frame back. A signal that came before waits for it.
    pub fn watch_signals(&self) {
        let signals = SIGNALS.lock().unwrap_or_else(|e| e.into_inner()).take();
        if let Some(mut signals) = signals {
            std::thread::spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    stop(signal);
                }
            });
        }
    }

    /// Starts watching for resizes (crossterm does so from its first look at events), and
    /// returns the size now, in case the window changed before the watch began.
    pub fn watch_resizes(&self) -> io::Result<(u16, u16)> {
        crossterm::event::poll(std::time::Duration::ZERO)?;
        crossterm::terminal::size()
    }

    /// Draws one frame.
    pub fn draw(&mut self, view: impl FnOnce(&mut Frame)) -> io::Result<()> {
        let _writing = WRITING.lock().unwrap_or_else(|e| e.into_inner());
        self.terminal.draw(view)?;
        Ok(())
    }

    /// Turns mouse reporting on or off (off lets the terminal select and copy text).
    pub fn set_mouse(&mut self, on: bool) -> io::Result<()> {
        if on == self.mouse {
            return Ok(());
        }
        let _writing = WRITING.lock().unwrap_or_else(|e| e.into_inner());
        let out = self.terminal.backend_mut();
        if on {
            execute!(out, EnableMouseCapture)?;
        } else {
            execute!(out, DisableMouseCapture)?;
        }
        self.mouse = on;
        Ok(())
    }
}

impl Session {
    /// Hands the terminal back to the shell and stops, as Ctrl-Z does elsewhere; when the shell
    /// brings the interview back (`fg`), takes the terminal again and redraws from scratch.
    pub fn suspend(&mut self) -> io::Result<()> {
        {
            let _writing = WRITING.lock().unwrap_or_else(|e| e.into_inner());
            restore();
        }
        // Stops here until continued. A process the shell cannot stop (no job control) carries
        // straight on.
        let _ = signal_hook::low_level::raise(SIGTSTP);
        enable_raw_mode()?;
        ACTIVE.store(true, Ordering::SeqCst);
        interrupt_by_the_kernel();
        // Written with the clear, which flushes.
        enter_modes(self.terminal.backend_mut(), self.mouse)?;
        self.terminal.clear()
    }
}

/// Raw mode turns the terminal's own Ctrl-C off, so Ctrl-C reaches the program as a byte,
/// behind anything crossterm is still waiting to complete. A bracketed paste whose end marker
/// never comes (`ESC[200~` from a hostile clipboard, or a connection cut mid-paste) makes
/// crossterm wait for ever, swallowing every later key, Ctrl-C included. So the kernel's Ctrl-C
/// is turned back on: it interrupts whatever crossterm waits for with SIGINT, which the signal
/// thread below handles as it handles SIGTERM (terminal restored, the note being written kept,
/// exit 130). Ctrl-Z and Ctrl-\ stay keys: their signals stay off. NOFLSH too: by default the
/// kernel throws away the terminal's pending output when it sends SIGINT, and on a second core
/// the signal thread can write the restoring sequence before that happens, leaving the shell
/// on the alternate screen; keys typed ahead are dropped by the signal thread instead, once the
/// terminal is restored (`discard_typed_ahead`). `disable_raw_mode` puts back the settings from
/// before raw mode, so nothing here needs undoing. Best effort: without a controlling
/// terminal, Ctrl-C stays a key.
#[cfg(unix)]
fn interrupt_by_the_kernel() {
    use std::os::fd::AsRawFd as _;
    use std::os::unix::fs::OpenOptionsExt as _;
    let Ok(tty) = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .custom_flags(libc::O_NOCTTY)
        .open("/dev/tty")
    else {
        return;
    };
    let fd = tty.as_raw_fd();
    let mut settings = std::mem::MaybeUninit::<libc::termios>::uninit();
    // SAFETY: tcgetattr fills the termios it is given when it returns 0, and only then is it
    // read; fpathconf and tcsetattr take a descriptor this function holds open.
    unsafe {
        if libc::tcgetattr(fd, settings.as_mut_ptr()) != 0 {
            return;
        }
        let mut settings = settings.assume_init();
        let disabled = libc::fpathconf(fd, libc::_PC_VDISABLE);
        let Ok(disabled) = libc::cc_t::try_from(disabled) else {
            return;
        };
        settings.c_lflag |= libc::ISIG | libc::NOFLSH;
        settings.c_cc[libc::VQUIT] = disabled;
        settings.c_cc[libc::VSUSP] = disabled;
        libc::tcsetattr(fd, libc::TCSANOW, &settings);
    }
}

#[cfg(not(unix))]
fn interrupt_by_the_kernel() {}

/// Drops the keys typed into the terminal that the program did not read, as the kernel's own
/// Ctrl-C would have without NOFLSH, so they do not spill into the shell after a Ctrl-C.
#[cfg(unix)]
fn discard_typed_ahead() {
    use std::os::fd::AsRawFd as _;
    use std::os::unix::fs::OpenOptionsExt as _;
    if let Ok(tty) = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOCTTY | libc::O_NONBLOCK)
        .open("/dev/tty")
    {
        // SAFETY: tcflush takes a descriptor this function holds open.
        unsafe {
            libc::tcflush(tty.as_raw_fd(), libc::TCIFLUSH);
        }
    }
}

#[cfg(not(unix))]
fn discard_typed_ahead() {}

/// Switches to the alternate screen, hides the cursor, and turns on bracketed paste (so pasted
/// text cannot answer questions) and, when asked, mouse reporting: queued in `out`, written
/// when it is flushed.
fn enter_modes(out: &mut impl Write, mouse: bool) -> io::Result<()> {
    queue!(
        out,
        EnterAlternateScreen,
        cursor::Hide,
        EnableBracketedPaste
    )?;
    if mouse {
        queue!(out, EnableMouseCapture)?;
    }
    Ok(())
}

impl Drop for Session {
    fn drop(&mut self) {
        restore();
    }
}

/// Puts the terminal back as it was; does nothing the second time.
fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut out = io::stdout();
    // Each step is tried even if one fails: a half-restored terminal is worse than a message.
    let _ = execute!(
        out,
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = out.flush();
    let _ = disable_raw_mode();
}

/// What to do when a signal stops the program, once the terminal is restored and before it
/// exits.
type LastWords = Box<dyn FnOnce() + Send>;

static LAST_WORDS: Mutex<Option<LastWords>> = Mutex::new(None);

/// Sets, or clears, the last thing the program does when SIGTERM, SIGHUP or SIGINT stops it:
/// the session host keeps the save of the note being written here.
pub fn on_signal(last: Option<LastWords>) {
    *LAST_WORDS.lock().unwrap_or_else(|e| e.into_inner()) = last;
}

fn install_hooks() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
    // Caught from here on (`Session::watch_signals` starts the thread that acts on them).
    // Without them the terminal could be left raw by `kill`; the interview still runs, so a
    // failure here is not fatal.
    if let Ok(signals) = Signals::new([SIGTERM, SIGHUP, SIGINT]) {
        *SIGNALS.lock().unwrap_or_else(|e| e.into_inner()) = Some(signals);
    }
}

/// What SIGTERM, SIGHUP or SIGINT does: restores the terminal (never inside a frame being
/// written), drops the keys typed ahead after a Ctrl-C, does the host's last act, and exits.
fn stop(signal: i32) -> ! {
    let _writing = WRITING.lock().unwrap_or_else(|e| e.into_inner());
    let was_active = ACTIVE.load(Ordering::SeqCst);
    restore();
    if was_active && signal == SIGINT {
        discard_typed_ahead();
    }
    let last = LAST_WORDS.lock().unwrap_or_else(|e| e.into_inner()).take();
    if let Some(last) = last {
        last();
    }
    std::process::exit(128 + signal);
}
