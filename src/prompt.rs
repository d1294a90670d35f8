//! Asking questions. Wizards ask through [`Prompter`]: [`Terminal`] asks with
//! our own line editor and menus on the real terminal, [`Scripted`] answers from a list so every
//! branch of a wizard can be tested without one.

use std::collections::VecDeque;
use std::io::{self, IsTerminal};

use console::Term;
use nix::sys::termios;
use unicode_segmentation::UnicodeSegmentation;

use crate::error::{Error, Result};

/// Asks the person something.
pub trait Prompter {
    /// Shows text that is not a question (an explanation, a table).
    fn show(&mut self, text: &str) -> Result<()>;
    /// Shows a section's title.
    fn heading(&mut self, title: &str) -> Result<()> {
        self.show(&format!("\n── {title} ──"))
    }
    /// A line of text, starting from `initial`; `None` when left empty.
    /// Esc skips the question: what was there (`initial`) stays.
    fn text(&mut self, question: &str, initial: &str) -> Result<Option<String>>;
    /// One of `choices` by index; `None` for Esc. The cursor starts on
    /// `start`, or on no choice at all, where Enter alone chooses nothing:
    /// an answer about the person (a rating, how a practice went) is hers
    /// to give, never one a stray Enter gives for her.
    fn select(
        &mut self,
        question: &str,
        choices: &[String],
        start: Option<usize>,
    ) -> Result<Option<usize>>;
    /// [`Prompter::select`] where Esc stops more than this question (rank's
    /// comparisons): the question stays on screen answered with `esc`, the
    /// words the screen gave for that key, never "skipped".
    fn select_or_stop(
        &mut self,
        question: &str,
        choices: &[String],
        start: Option<usize>,
        esc: &str,
    ) -> Result<Option<usize>> {
        let _ = esc;
        self.select(question, choices, start)
    }
    /// One of `choices` that must be given: the cursor starts on none, and
    /// Enter there or Esc says `why` and asks on.
    fn select_needed(&mut self, question: &str, choices: &[String], why: &str) -> Result<usize> {
        loop {
            if let Some(i) = self.select(question, choices, None)? {
                return Ok(i);
            }
            let said = crate::render::wrap(why, self.width(), "", "");
            self.show(&said)?;
        }
    }
    /// One of `choices`, where `kept` was the answer given earlier (say,
    /// earlier today): the cursor starts on no choice, as it did then, so
    /// the keys that chose before choose the same now, and Enter there
    /// (or Esc) keeps `kept`. The question says so; the screen shows the
    /// answer kept. A cursor started on the earlier answer, unsaid, made
    /// one ↓ and Enter record "Partly" for a "No" (Wei).
    fn select_keeping(&mut self, question: &str, choices: &[String], kept: usize) -> Result<usize> {
        Ok(self.select(question, choices, None)?.unwrap_or(kept))
    }
    /// A line of text where Enter on nothing (or Esc) keeps `kept`, an
    /// answer given earlier, shown on screen as the answer; `None` then.
    fn text_keeping(&mut self, question: &str, kept: &str) -> Result<Option<String>> {
        let _ = kept;
        self.text(question, "")
    }
    /// [`Prompter::text`] for an answer still to be checked (a date that
    /// may not read as one): it is left on screen without a tick, since it
    /// may yet be refused; the caller says what it was read as, or why
    /// not, on a line of its own. A refused date once showed "✔ … · 내일"
    /// (Min-jun, issue 13).
    fn text_to_check(&mut self, question: &str, initial: &str) -> Result<Option<String>> {
        self.text(question, initial)
    }
    /// Leaves the answer [`Prompter::text_to_check`] gave on screen, now
    /// that it is checked: with a tick when it was `taken`, as every other
    /// answer given is, and without one when it was not (Mulu: her
    /// accepted review date stood alone without a tick).
    fn checked(&mut self, taken: bool) -> Result<()> {
        let _ = taken;
        Ok(())
    }
    /// Yes or no.
    fn confirm(&mut self, question: &str, default: bool) -> Result<bool>;
    /// Any number of `choices` by index (Space ticks, Enter goes on),
    /// starting with `chosen` ticked. Esc, as everywhere, leaves the
    /// question keeping what is there: the ticks as they are on screen.
    /// `None` only where nothing could be asked. By default, one yes or no
    /// for each choice.
    fn multi_select(
        &mut self,
        question: &str,
        choices: &[String],
        chosen: &[bool],
    ) -> Result<Option<Vec<usize>>> {
        let mut picked = Vec::new();
        for (i, choice) in choices.iter().enumerate() {
            let ticked = chosen.get(i).copied().unwrap_or(false);
            if self.confirm(&format!("{question} {choice}?"), ticked)? {
                picked.push(i);
            }
        }
        Ok(Some(picked))
    }

    /// Columns to lay text out in.
    fn width(&self) -> usize {
        80
    }

    /// Whether to say things in words only (`--plain`): no arrows or
    /// other symbols a screen reader names instead of reading.
    fn plain(&self) -> bool {
        false
    }

    /// What was on the line when Ctrl-C stopped a text question, if it
    /// differed from what the line started with.
    fn take_unsent(&mut self) -> Option<crate::plan::draft::Unsent> {
        None
    }

    /// The ticks on screen when Ctrl-C stopped a tick list (their
    /// places among its choices), so what was ticked is not lost.
    fn take_ticked(&mut self) -> Option<Vec<usize>> {
        None
    }

    /// A half-typed answer from last time, not yet back on its line: the
    /// walk-through leads to its question rather than past it.
    fn waiting(&self) -> Option<&crate::plan::draft::Unsent> {
        None
    }

    /// Notes what the next text questions are about (a stable key, see
    /// [`crate::plan::draft::Unsent::about`]); `None` for none. Only the
    /// wizards' keeper of half-typed words listens.
    fn asking_about(&mut self, _key: Option<String>) {}
}

/// Shortens a choice for the screen; one rule for every screen, in render.
pub use crate::render::shorten;

/// What the environment says about the terminal (`NO_COLOR`, `COLUMNS`),
/// read once at start and handed in, never read here.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TermEnv {
    pub no_color: bool,
    pub columns: Option<usize>,
}

/// What Ctrl-C does while a command runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CtrlC {
    /// Show the cursor, say that everything typed is kept, exit 130.
    SayStopped,
    /// Show the cursor, say these words, exit 130 (owned words are kept
    /// until the next call replaces them, never leaked). They are wrapped
    /// when said ([`fit_stopped`]), so give them unwrapped.
    Say(std::borrow::Cow<'static, str>),
    /// Only note it: a timed exercise asks [`ctrl_c_pressed`] and stops
    /// at its next tick, then logs what was done.
    Note,
}

static ON_CTRL_C: std::sync::Mutex<CtrlC> = std::sync::Mutex::new(CtrlC::SayStopped);
/// `COLUMNS` as given at start (0 when not set), for the words Ctrl-C says.
static STOP_COLUMNS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// Hands in `COLUMNS` (read once at start, never here) for the words said
/// when a command stops.
pub fn stop_columns(columns: Option<usize>) {
    STOP_COLUMNS.store(columns.unwrap_or(0), std::sync::atomic::Ordering::SeqCst);
}

/// The plan's folder when it is not the default one, for the commands the
/// words said when a command stops suggest.
static STOP_FOLDER: std::sync::Mutex<Option<std::path::PathBuf>> = std::sync::Mutex::new(None);

/// `--plain`, for the words said when a command stops.
static STOP_PLAIN: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Hands in the plan's folder when it is not the default one (found once
/// at start): "run `relapse-plan check-in` again" then names it, or the
/// command run again would act on another plan.
pub fn stop_folder(folder: Option<&std::path::Path>, plain: bool) {
    STOP_PLAIN.store(plain, std::sync::atomic::Ordering::SeqCst);
    *STOP_FOLDER
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner) =
        folder.map(std::path::Path::to_path_buf);
}

/// `words` laid out for standard error as it is when they are said: the
/// window may have been resized since the command began, and words wrapped
/// for the old width broke in the wrong places. A line starting with
/// spaces is a command to copy, and stays one line (it names the folder
/// already, built by [`crate::render::rescue`]).
pub fn fit_stopped(words: &str) -> String {
    let folder = STOP_FOLDER
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .clone();
    let columns = STOP_COLUMNS.load(std::sync::atomic::Ordering::SeqCst);
    let width = crate::ctx::stderr_width(&TermEnv {
        no_color: false,
        columns: (columns > 0).then_some(columns),
    });
    words
        .split('\n')
        .map(|line| {
            let plain = STOP_PLAIN.load(std::sync::atomic::Ordering::SeqCst);
            if line.starts_with(' ') {
                crate::render::clean(line)
            } else {
                let line = crate::render::rescue::in_this_folder(line, folder.as_deref());
                let line = if plain {
                    crate::render::plain_punctuation(&line).into_owned()
                } else {
                    line.into_owned()
                };
                crate::render::wrap_for(&line, width)
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}
static CTRL_C_PRESSED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Says what Ctrl-C does from now on. The handler itself is installed
/// once, the first time (`ctrlc` accepts only one per process); later
/// calls only change what it does.
pub fn on_ctrl_c(then: CtrlC) {
    static INSTALL: std::sync::Once = std::sync::Once::new();
    *ON_CTRL_C
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner) = then;
    INSTALL.call_once(|| {
        let _ = ctrlc::set_handler(|| {
            CTRL_C_PRESSED.store(true, std::sync::atomic::Ordering::SeqCst);
            // Held to the end: every arm either returns at once or exits.
            let then = ON_CTRL_C
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            match &*then {
                CtrlC::Note => {}
                // Through the unlocked descriptor: the command's thread
                // holds standard error's lock for the whole run, so a
                // locked write here would wait for it (and Ctrl-C during a
                // wait for another relapse-plan would do nothing).
                CtrlC::SayStopped => {
                    restore_terminal();
                    say_stopped(&mut UnlockedStderr);
                    std::process::exit(130);
                }
                CtrlC::Say(words) => {
                    restore_terminal();
                    say_stopped_with(&mut UnlockedStderr, &fit_stopped(words));
                    std::process::exit(130);
                }
            }
        });
    });
}

/// Standard error written straight to its descriptor, without taking
/// the lock `std::io::Stderr` keeps (the command's thread holds it while it
/// runs), for the Ctrl-C handler and the terminal's restoring.
struct UnlockedStderr;

impl io::Write for UnlockedStderr {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        use std::os::fd::AsFd;
        nix::unistd::write(io::stderr().as_fd(), buf).map_err(io::Error::from)
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Whether Ctrl-C was pressed since the handler was installed.
pub fn ctrl_c_pressed() -> bool {
    CTRL_C_PRESSED.load(std::sync::atomic::Ordering::SeqCst)
}

/// A key as the line editor and the menus see it, read by [`Raw`].
#[derive(Debug, Clone, PartialEq, Eq)]
enum Key {
    Char(char),
    Enter,
    Escape,
    Backspace,
    Del,
    Left,
    Right,
    Up,
    Down,
    Home,
    End,
    PageUp,
    PageDown,
    Tab,
    BackTab,
    /// Ctrl and a letter, the letter in lower case (Ctrl-C is `Ctrl('c')`).
    Ctrl(char),
    /// A block the terminal marked as pasted (bracketed paste), whole.
    Paste(String),
    /// No key, but the terminal is now a different width: draw again.
    Resized,
    /// Anything else (Alt and a key, function keys): nothing here uses it.
    Other,
}

/// The terminal's settings from before a prompt turned raw mode on, put
/// back when the prompt ends ([`Raw`]'s drop, also on an error or a
/// panic) or when Ctrl-C's handler or an error ends the run in the middle
/// of one ([`restore_terminal`]).
static SAVED: std::sync::Mutex<Option<termios::Termios>> = std::sync::Mutex::new(None);

/// Bracketed paste on and off: while a prompt reads, a pasted block comes
/// marked, so its newlines are not Enter presses answering questions.
const PASTE_ON: &str = "\x1b[?2004h";
const PASTE_OFF: &str = "\x1b[?2004l";

/// Bytes read from the terminal and not made into keys when a question
/// ended (typed or pasted straight after its answer): the next text
/// question starts with them, so nothing typed ahead is lost.
static LEFT_OVER: std::sync::Mutex<Vec<u8>> = std::sync::Mutex::new(Vec::new());

/// Whether a question takes keys typed before it was on screen: a text
/// question keeps them (a fast typist's first letters, the rest of a
/// paste), a menu or a yes/no throws them away, so a key meant for
/// something else never picks in it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ahead {
    Keep,
    Discard,
}

/// The terminal in raw mode (no echo, no line buffering, Ctrl-C as a key)
/// with bracketed paste on, for as long as one question reads keys.
/// Dropping it turns both off but leaves echo off and keeps what was typed
/// and not read, for the next question ([`Ahead`]); when the program ends
/// or stops, [`restore_terminal`] and the [`Terminal`]'s drop throw it
/// away, so it never reaches the shell.
struct Raw {
    /// Bytes read from the terminal and not yet made into keys.
    ahead: VecDeque<u8>,
}

impl Raw {
    fn enter(typed_ahead: Ahead) -> io::Result<Raw> {
        let stdin = io::stdin();
        let original = termios::tcgetattr(&stdin)?;
        let mut raw = original.clone();
        termios::cfmakeraw(&mut raw);
        // Output stays as it was (newline still starts a new line).
        raw.output_flags = original.output_flags;
        raw.control_chars[termios::SpecialCharacterIndices::VMIN as usize] = 1;
        raw.control_chars[termios::SpecialCharacterIndices::VTIME as usize] = 0;
        SAVED
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .get_or_insert(original);
        termios::tcsetattr(&stdin, termios::SetArg::TCSANOW, &raw)?;
        let left_over = std::mem::take(
            &mut *LEFT_OVER
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
        );
        let ahead = if typed_ahead == Ahead::Keep {
            VecDeque::from(left_over)
        } else {
            termios::tcflush(&stdin, termios::FlushArg::TCIFLUSH)?;
            VecDeque::new()
        };
        let mut err = io::stderr();
        io::Write::write_all(&mut err, PASTE_ON.as_bytes())?;
        io::Write::flush(&mut err)?;
        Ok(Raw { ahead })
    }

    /// Whether more input is already waiting, read or not: an Enter that
    /// comes with more behind it in the same burst was pasted, not pressed
    /// (no hand presses the next key in the same instant).
    fn more_waiting(&self) -> bool {
        use nix::poll::{PollFd, PollFlags, PollTimeout, poll};
        use std::os::fd::AsFd;
        if !self.ahead.is_empty() {
            return true;
        }
        let stdin = io::stdin();
        let mut fds = [PollFd::new(stdin.as_fd(), PollFlags::POLLIN)];
        matches!(poll(&mut fds, PollTimeout::ZERO), Ok(n) if n > 0)
    }

    /// The next byte, waiting at most `ms` milliseconds; `None` if none came.
    fn byte(&mut self, ms: u16) -> io::Result<Option<u8>> {
        use nix::poll::{PollFd, PollFlags, poll};
        use std::os::fd::AsFd;
        if let Some(b) = self.ahead.pop_front() {
            return Ok(Some(b));
        }
        let stdin = io::stdin();
        let mut fds = [PollFd::new(stdin.as_fd(), PollFlags::POLLIN)];
        match poll(&mut fds, ms) {
            Ok(0) | Err(nix::errno::Errno::EINTR) => return Ok(None),
            Ok(_) => {}
            Err(e) => return Err(e.into()),
        }
        let mut buf = [0u8; 512];
        match nix::unistd::read(stdin.as_fd(), &mut buf) {
            Ok(0) => Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "the terminal was closed",
            )),
            Ok(n) => {
                self.ahead.extend(&buf[..n]);
                Ok(self.ahead.pop_front())
            }
            Err(nix::errno::Errno::EINTR | nix::errno::Errno::EAGAIN) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// The next key. While waiting, `resized` is asked a few times a
    /// second whether the terminal changed width, so the screen is drawn
    /// again for the new one.
    fn key(&mut self, resized: &mut dyn FnMut() -> bool) -> io::Result<Key> {
        let first = loop {
            if let Some(b) = self.byte(150)? {
                break b;
            }
            if resized() {
                return Ok(Key::Resized);
            }
        };
        Ok(match first {
            0x1b => self.escape()?,
            b'\r' => {
                // A pasted "\r\n" is one line break.
                if self.ahead.front() == Some(&b'\n') {
                    self.ahead.pop_front();
                }
                Key::Enter
            }
            b'\n' => Key::Enter,
            0x7f | 0x08 => Key::Backspace,
            b'\t' => Key::Tab,
            0x01..=0x1a => Key::Ctrl(char::from(first + 0x60)),
            0x00..=0x1f => Key::Other,
            0x20..=0x7e => Key::Char(char::from(first)),
            _ => self.utf8(first)?,
        })
    }

    /// A character of several bytes, from its first.
    fn utf8(&mut self, lead: u8) -> io::Result<Key> {
        let len = match lead {
            0xc0..=0xdf => 2,
            0xe0..=0xef => 3,
            0xf0..=0xf7 => 4,
            _ => return Ok(Key::Other),
        };
        let mut bytes = vec![lead];
        while bytes.len() < len {
            match self.byte(100)? {
                Some(b) if b & 0xc0 == 0x80 => bytes.push(b),
                Some(b) => {
                    self.ahead.push_front(b);
                    return Ok(Key::Other);
                }
                None => return Ok(Key::Other),
            }
        }
        Ok(std::str::from_utf8(&bytes)
            .ok()
            .and_then(|s| s.chars().next())
            .map_or(Key::Other, Key::Char))
    }

    /// After an ESC byte: Esc itself when nothing follows at once, else the
    /// key the sequence names.
    fn escape(&mut self) -> io::Result<Key> {
        let Some(next) = self.byte(40)? else {
            return Ok(Key::Escape);
        };
        Ok(match next {
            b'[' => self.csi()?,
            b'O' => match self.byte(40)? {
                Some(b'A') => Key::Up,
                Some(b'B') => Key::Down,
                Some(b'C') => Key::Right,
                Some(b'D') => Key::Left,
                Some(b'H') => Key::Home,
                Some(b'F') => Key::End,
                _ => Key::Other,
            },
            0x1b => {
                self.ahead.push_front(0x1b);
                Key::Escape
            }
            // A control string (OSC, DCS, SOS, PM, APC: a clipboard write
            // `ESC ] 52 ; … BEL`) goes whole: its payload is no typing
            // (Trudy pasted one into her name and it was kept).
            b']' | b'P' | b'X' | b'^' | b'_' => {
                self.control_string()?;
                Key::Other
            }
            _ => Key::Other,
        })
    }

    /// Reads a control string up to its end (BEL, `ESC \`, or ST) and
    /// throws it away; a bounded read, so a string that never ends costs
    /// no more than a pause.
    fn control_string(&mut self) -> io::Result<()> {
        for _ in 0..65_536 {
            match self.byte(40)? {
                None | Some(0x07 | 0x9c) => return Ok(()),
                Some(0x1b) => {
                    match self.byte(40)? {
                        Some(b'\\') | None => {}
                        Some(b) => {
                            // The start of something else: read it next.
                            self.ahead.push_front(b);
                            self.ahead.push_front(0x1b);
                        }
                    }
                    return Ok(());
                }
                Some(_) => {}
            }
        }
        Ok(())
    }

    /// A control sequence after `ESC [`: its parameters, then its final byte.
    fn csi(&mut self) -> io::Result<Key> {
        let mut params = Vec::new();
        let last = loop {
            match self.byte(40)? {
                Some(b @ 0x40..=0x7e) => break b,
                Some(b @ 0x20..=0x3f) if params.len() < 32 => params.push(b),
                _ => return Ok(Key::Other),
            }
        };
        let first = params.split(|b| *b == b';').next().unwrap_or(&[]);
        Ok(match (last, first) {
            (b'A', _) => Key::Up,
            (b'B', _) => Key::Down,
            (b'C', _) => Key::Right,
            (b'D', _) => Key::Left,
            (b'H', _) | (b'~', b"1" | b"7") => Key::Home,
            (b'F', _) | (b'~', b"4" | b"8") => Key::End,
            (b'Z', _) => Key::BackTab,
            (b'~', b"3") => Key::Del,
            (b'~', b"5") => Key::PageUp,
            (b'~', b"6") => Key::PageDown,
            (b'~', b"200") => self.paste()?,
            _ => Key::Other,
        })
    }

    /// A pasted block, up to the terminal's end-of-paste mark.
    fn paste(&mut self) -> io::Result<Key> {
        const END: &[u8] = b"\x1b[201~";
        let mut bytes = Vec::new();
        while !bytes.ends_with(END) {
            match self.byte(2000)? {
                Some(b) => bytes.push(b),
                None => break,
            }
        }
        if bytes.ends_with(END) {
            bytes.truncate(bytes.len() - END.len());
        }
        Ok(Key::Paste(String::from_utf8_lossy(&bytes).into_owned()))
    }
}

impl Drop for Raw {
    fn drop(&mut self) {
        if std::thread::panicking() {
            leave_raw();
            // A panic in the middle of a menu must not leave the cursor hidden.
            if io::stderr().is_terminal() {
                let _ = Term::stderr().show_cursor();
            }
            return;
        }
        *LEFT_OVER
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = self.ahead.drain(..).collect();
        between_questions();
    }
}

/// Between two questions: bracketed paste off and the terminal's own
/// settings back (Ctrl-C stops, lines are lines), but without echo, so
/// keys typed before the next question is drawn are not printed over the
/// screen and wait, unread, for it.
fn between_questions() {
    let saved = SAVED
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .clone();
    if let Some(mut settings) = saved {
        let mut err = io::stderr();
        let _ = io::Write::write_all(&mut err, PASTE_OFF.as_bytes());
        let _ = io::Write::flush(&mut err);
        settings.local_flags.remove(termios::LocalFlags::ECHO);
        let _ = termios::tcsetattr(io::stdin(), termios::SetArg::TCSANOW, &settings);
    }
}

/// Bracketed paste off, keys typed and not read thrown away, and the
/// terminal's own settings back, if a prompt had changed them.
fn leave_raw() {
    let saved = SAVED
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .take();
    if let Some(settings) = saved {
        let mut err = UnlockedStderr;
        let _ = io::Write::write_all(&mut err, PASTE_OFF.as_bytes());
        let _ = io::Write::flush(&mut err);
        let stdin = io::stdin();
        let _ = termios::tcflush(&stdin, termios::FlushArg::TCIFLUSH);
        let _ = termios::tcsetattr(&stdin, termios::SetArg::TCSANOW, &settings);
    }
}

/// Throws away keys typed and not read, so they never reach the shell
/// once the program has ended.
fn discard_typed_ahead() {
    let stdin = io::stdin();
    if stdin.is_terminal() {
        let _ = termios::tcflush(&stdin, termios::FlushArg::TCIFLUSH);
    }
}

/// Columns `text` takes on screen, drawn character by character as a
/// terminal draws it (colour codes take none): "لا" is two, not one.
fn columns(text: &str) -> usize {
    crate::width::display_width(text)
}

/// Moves to the choice that `typed` begins (or a word in it begins), from
/// the one under the cursor on; one letter typed again moves on to the
/// next such choice. With none, the cursor stays and `note` says so; the
/// flag is whether what was typed found nothing.
/// The key that moves down a list, as a sentence names it: "↓", or with
/// `--plain` in words.
pub fn down_key(plain: bool) -> &'static str {
    if plain { "the down arrow key" } else { "↓" }
}

/// How to move in a list, said to the person: arrows drawn, or with
/// `--plain` in words (a screen reader reads "↑" as "upwards arrow").
fn move_keys(plain: bool) -> &'static str {
    if plain {
        "use the up and down arrow keys"
    } else {
        "move with ↑ ↓"
    }
}

/// What the keys of a tick list do, said where it helps: the same words
/// with `--plain` (no symbol in them to be read out as one).
const TICK_KEYS: &str = "Space ticks the one under the cursor (or unticks it); Enter goes on.";

fn find(
    choices: &[String],
    typed: &mut String,
    at: Option<usize>,
    note: &mut Option<String>,
    plain: bool,
    ticks: bool,
) -> (Option<usize>, bool) {
    if let Some(found) = find_choice(choices, typed, at) {
        *note = None;
        return (Some(found), false);
    }
    // One letter typed again and again moves on through the choices it
    // begins ("ppp"). Any other letter that leaves the words matching
    // nothing is said, never read as a new search from that letter alone:
    // "Inda" chose Australia, and "haan" (yes) chose "No".
    let newest: String = typed.chars().last().map(String::from).unwrap_or_default();
    let repeated = typed.chars().all(|c| newest.starts_with(c));
    if typed.chars().count() > 1
        && repeated
        && let Some(found) = find_choice(choices, &newest, at)
    {
        *typed = newest;
        *note = None;
        return (Some(found), false);
    }
    let shown = crate::render::shorten(&crate::render::clean(typed), 24);
    // In a tick list Enter chooses nothing: it goes on. Said so, never
    // "then Enter on your choice" (Yuki pressed it, and her ticks were done).
    *note = Some(if ticks {
        format!("“{shown}” is not in this list. {TICK_KEYS}")
    } else {
        format!(
            "“{shown}” is not in this list: {}, then Enter on your choice.",
            move_keys(plain)
        )
    });
    (at, true)
}

/// The choice that `typed` begins, or that has a word `typed` begins,
/// ignoring case: from the one after `at` when a single letter is typed
/// (so typing it again moves on), else from `at` itself.
fn find_choice(choices: &[String], typed: &str, at: Option<usize>) -> Option<usize> {
    // `４` and `٤` find "4: likely", as they are read in a typed rating.
    let fold = |text: &str| crate::plan::typed::fold(text).to_lowercase();
    let typed = fold(typed);
    if typed.trim().is_empty() || choices.is_empty() {
        return None;
    }
    // A number finds only the choice with that very number: "1" on the
    // 0%–100% scale once chose "100%: completely sure" for Farida, and her
    // most dangerous trigger became low priority.
    if typed.trim().bytes().all(|b| b.is_ascii_digit()) {
        return numbered(choices, typed.trim(), at, fold);
    }
    let begins = |choice: &String| {
        let choice = fold(choice);
        choice.starts_with(&typed)
            || choice
                .split(|c: char| c.is_whitespace() || c == '(' || c == '“')
                .any(|word| word.starts_with(&typed))
    };
    let from = match at {
        Some(a) if typed.chars().count() == 1 => a + 1,
        Some(a) => a,
        None => 0,
    };
    let count = choices.len();
    // Whole choices that begin with it first, then a word inside one.
    (0..count)
        .map(|k| (from + k) % count)
        .find(|i| fold(&choices[*i]).starts_with(&typed))
        .or_else(|| {
            (0..count)
                .map(|k| (from + k) % count)
                .find(|i| begins(&choices[*i]))
        })
}

/// The choice whose number equals `number` (ASCII digits, already folded
/// from any script): a choice's own leading number first ("20%", "4:
/// likely"), else one with that whole number among its words; from the one
/// after `at` for a single digit typed again, as letters move on.
fn numbered(
    choices: &[String],
    number: &str,
    at: Option<usize>,
    fold: impl Fn(&str) -> String,
) -> Option<usize> {
    let value = |digits: &str| digits.trim_start_matches('0').to_string();
    let wanted = value(number);
    let numbers_in = |choice: &String| -> Vec<String> {
        fold(choice)
            .split(|c: char| !c.is_ascii_digit())
            .filter(|run| !run.is_empty())
            .map(value)
            .collect()
    };
    let leading = |choice: &String| {
        let folded = fold(choice);
        let run: String = folded
            .trim_start()
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        !run.is_empty() && value(&run) == wanted
    };
    let from = match at {
        Some(a) if number.chars().count() == 1 => a + 1,
        Some(a) => a,
        None => 0,
    };
    let count = choices.len();
    (0..count)
        .map(|k| (from + k) % count)
        .find(|i| leading(&choices[*i]))
        .or_else(|| {
            (0..count)
                .map(|k| (from + k) % count)
                .find(|i| numbers_in(&choices[*i]).contains(&wanted))
        })
}

/// What Enter says after a number that is no choice's: the numbers there
/// are, as the choices write them ("0%, 20% … and 100%"), so she need not
/// guess again. `None` when what was typed is not a number, or no choice
/// begins with one.
fn numbers_here(choices: &[String], typed: &str, plain: bool) -> Option<String> {
    crate::plan::typed::whole_number(typed)?;
    let numbers: Vec<&str> = choices
        .iter()
        .filter(|c| crate::plan::typed::fold(c).starts_with(|d: char| d.is_ascii_digit()))
        .map(|c| c.split(':').next().unwrap_or(c).trim())
        .collect();
    let (last, rest) = numbers.split_last()?;
    let listed = if rest.is_empty() {
        (*last).to_string()
    } else {
        format!("{} and {last}", rest.join(", "))
    };
    let shown = crate::render::shorten(&crate::render::clean(typed.trim()), 12);
    Some(format!(
        "Nothing was chosen: “{shown}” is not one of the numbers here, which are {listed}. Type one of them, or {}, then Enter on your choice.",
        move_keys(plain)
    ))
}

/// The rows a line of `width` columns takes on a terminal `cols` wide.
fn rows_of(width: usize, cols: usize) -> usize {
    width.div_ceil(cols.max(1)).max(1)
}

/// Where each grapheme of widths `widths` starts on a terminal `cols`
/// wide, and where the text ends, as the terminal itself places them: one
/// that does not fit in what is left of a row (a wide one in the last
/// column) starts the next row. Also whether the text fills its last row
/// exactly (the terminal then waits at the edge, on that row).
fn place(widths: &[usize], cols: usize) -> (Vec<(usize, usize)>, bool) {
    let cols = cols.max(2);
    let mut spots = Vec::with_capacity(widths.len() + 1);
    let (mut row, mut col) = (0, 0);
    for &w in widths {
        if col > 0 && col + w.max(1) > cols {
            row += 1;
            col = 0;
        }
        spots.push((row, col));
        col += w;
    }
    let at_edge = col >= cols;
    if at_edge {
        row += 1;
        col = 0;
    }
    spots.push((row, col));
    (spots, at_edge)
}

/// The prompt and the answer being typed as they are drawn `cols` wide:
/// a word of the answer that would run over the edge starts the next row
/// instead, the rest of its row filled with spaces (the terminal alone
/// broke "сест|ра" at the edge, while every other text here keeps words
/// whole). A word longer than a row still breaks, between graphemes.
/// Gives the text to write, each drawn grapheme's width (the fillers
/// too, so [`place`] and the terminal agree on every row, even after a
/// resize), and the drawn grapheme the cursor stands before (`pos` is
/// counted in the answer's graphemes).
fn word_wrapped(prompt: &str, line: &str, pos: usize, cols: usize) -> (String, Vec<usize>, usize) {
    let is_space = |g: &str| g.chars().all(char::is_whitespace);
    let mut drawn = Drawing {
        shown: String::with_capacity(prompt.len() + line.len()),
        widths: Vec::new(),
        col: 0,
        cols: cols.max(2),
    };
    for g in prompt.graphemes(true) {
        drawn.put(g, columns(g));
    }
    let graphemes: Vec<(&str, usize)> = line.graphemes(true).map(|g| (g, columns(g))).collect();
    let starts = word_starts(line);
    let mut cursor = None;
    for (i, &(g, w)) in graphemes.iter().enumerate() {
        if !is_space(g) && starts[i] {
            let word: usize = graphemes[i..]
                .iter()
                .enumerate()
                .take_while(|&(k, (g, _))| !is_space(g) && (k == 0 || !starts[i + k]))
                .map(|(_, (_, w))| *w)
                .sum();
            if drawn.col > 0 && drawn.col + word > drawn.cols && word <= drawn.cols {
                while drawn.col < drawn.cols {
                    drawn.put(" ", 1);
                }
            }
        }
        if i == pos {
            cursor = Some(drawn.widths.len());
        }
        drawn.put(g, w);
    }
    let cursor = cursor.unwrap_or(drawn.widths.len());
    (drawn.shown, drawn.widths, cursor)
}

/// For each grapheme of `line`, whether a row may start with it: where
/// [`crate::breaks`] finds a break, the rule every other text on screen
/// keeps. Thai writes no space between words, so one sentence was one
/// "word" broken wherever the row ran out, "สวนลุ / ม" mid-syllable
/// (Niran, 50 columns); it now breaks between his words.
fn word_starts(line: &str) -> Vec<bool> {
    let mut breaks = crate::breaks::opportunities(line)
        .map(|(at, _)| at)
        .peekable();
    line.grapheme_indices(true)
        .map(|(at, _)| {
            while breaks.next_if(|&b| b < at).is_some() {}
            at == 0 || breaks.peek() == Some(&at)
        })
        .collect()
}

/// Text being laid out grapheme by grapheme as the terminal places it
/// (the rule of [`place`]), for [`word_wrapped`].
struct Drawing {
    shown: String,
    widths: Vec<usize>,
    /// The column the next grapheme would start at, on a row `cols` wide.
    col: usize,
    cols: usize,
}

impl Drawing {
    fn put(&mut self, g: &str, w: usize) {
        if self.col > 0 && self.col + w.max(1) > self.cols {
            self.col = 0;
        }
        self.col += w;
        self.shown.push_str(g);
        self.widths.push(w);
    }
}

/// What the line editor last drew: each grapheme's width (the prompt's
/// and the answer's) and the one the cursor was left before.
struct Drawn {
    widths: Vec<usize>,
    cursor: usize,
}

/// The real terminal, on stderr: our own line editor and menus on
/// `console`, so every question, choice and answer is wrapped to the
/// terminal's width (words kept whole), and Esc says what it did.
pub struct Terminal {
    term: Term,
    /// Colours (not with `--plain` or `NO_COLOR`).
    color: bool,
    /// `--plain`: no decorative symbols.
    plain: bool,
    /// `COLUMNS`, when set: the width to use whatever the terminal says.
    columns: Option<usize>,
    /// A half-typed answer Ctrl-C stopped, for the draft to keep.
    unsent: Option<crate::plan::draft::Unsent>,
    /// The ticks on screen when Ctrl-C stopped a tick list.
    ticked: Option<Vec<usize>>,
    /// The earlier answer that Enter on an empty line keeps, shown as the
    /// answer ([`Prompter::text_keeping`]).
    kept: Option<String>,
    /// The plan's folder when it is not the default one: every command
    /// the walk-through suggests names it
    /// ([`crate::render::rescue::in_this_folder_lines`]).
    folder: Option<std::path::PathBuf>,
    /// The answer being asked for is still to be checked: echoed without
    /// a tick ([`Prompter::text_to_check`]).
    to_check: bool,
    /// A checked answer's question and answer as shown, waiting to be
    /// left on screen with or without a tick ([`Prompter::checked`]).
    checking: Option<(String, String)>,
}

/// What a menu lets the person do.
enum Menu<'a> {
    /// Pick one.
    One,
    /// Tick any number (Space), Enter goes on.
    Many(&'a mut Vec<bool>),
    /// Pick one, or Enter on no choice to keep the earlier answer.
    Keep,
}

/// Why a prompt stopped reading keys before it was answered.
fn stopped(e: io::Error) -> Error {
    Error::Terminal(e)
}

impl Terminal {
    /// Clears a yes/no question drawn as `(above, last)`: the widths of its
    /// lines but the last, and of the last, which the cursor follows. The
    /// width is read again, as the window may have changed since.
    fn erase_question(&mut self, (above, last): &(Vec<usize>, usize)) -> Result<()> {
        let cols = self.cols();
        let rows: usize = above.iter().map(|w| rows_of(*w, cols)).sum::<usize>()
            + (last + 1).saturating_sub(1) / cols.max(1);
        self.term.write_str("\r").map_err(Error::Terminal)?;
        if rows > 0 {
            self.term.move_cursor_up(rows).map_err(Error::Terminal)?;
        }
        self.term.clear_to_end_of_screen().map_err(Error::Terminal)
    }

    /// The terminal, if stdin and stderr both are one: keys are read from
    /// stdin's terminal and everything is drawn on stderr.
    pub fn open(plain: bool, env: &TermEnv) -> Option<Terminal> {
        if !(io::stdin().is_terminal() && io::stderr().is_terminal()) {
            return None;
        }
        let color = !plain && !env.no_color;
        if !color {
            console::set_colors_enabled_stderr(false);
        }
        Some(Terminal {
            term: Term::stderr(),
            color,
            plain,
            columns: env.columns,
            unsent: None,
            ticked: None,
            kept: None,
            folder: None,
            to_check: false,
            checking: None,
        })
    }

    /// Names `folder` (the plan's, when not the default one) in every
    /// command this terminal is asked to show.
    pub fn name_folder(&mut self, folder: Option<&std::path::Path>) {
        self.folder = folder.map(std::path::Path::to_path_buf);
    }

    /// Ctrl-C at any prompt: show the cursor again (a menu hides it), say
    /// that nothing is lost, and exit 130. Every answer is already in the
    /// draft, written atomically, so stopping here loses nothing.
    pub fn stop_cleanly_on_ctrl_c() {
        on_ctrl_c(CtrlC::SayStopped);
    }

    /// The terminal's width now: read again at every redraw, so a window
    /// made narrower or wider mid-question is drawn for its new width.
    fn cols(&self) -> usize {
        self.columns
            .or_else(|| self.term.size_checked().map(|(_, w)| usize::from(w)))
            .filter(|w| *w >= 20)
            .unwrap_or(80)
            .min(500)
    }

    /// Columns text may fill: one short of the edge, so a full line never
    /// makes the terminal wrap on its own and throw the redraw off.
    fn room(&self) -> usize {
        self.cols().saturating_sub(1).max(19)
    }

    /// `text` wrapped to the terminal, later lines indented by `hang`.
    fn wrapped(&self, text: &str, first: &str, hang: &str) -> Vec<String> {
        // With --plain, quotes and dots said plainly, as every screen does.
        let text = self.said(text);
        crate::render::wrap(&text, self.room(), first, hang)
            .lines()
            .map(str::to_string)
            .collect()
    }

    /// `text` as this terminal says it: with `--plain`, typographic quotes
    /// and dots in their plain forms ([`crate::render::plain_punctuation`]).
    fn said<'t>(&self, text: &'t str) -> std::borrow::Cow<'t, str> {
        if self.plain {
            crate::render::plain_punctuation(text)
        } else {
            text.into()
        }
    }

    /// Asks `resized` of [`Raw::key`]: whether the width changed since
    /// `*seen`, noting the new one.
    fn watch(&self, seen: &mut usize) -> bool {
        let now = self.cols();
        let changed = now != *seen;
        *seen = now;
        changed
    }

    /// Takes away lines drawn earlier (their display widths, each ended by
    /// a newline), counting the rows each takes at the width now: a window
    /// made narrower wraps them over more rows, and all of them go.
    fn clear_lines(&self, widths: &[usize]) -> io::Result<()> {
        let cols = self.cols();
        let rows: usize = widths.iter().map(|w| rows_of(*w, cols)).sum();
        if rows > 0 {
            self.term.move_cursor_up(rows)?;
        }
        self.term.write_str("\r")?;
        self.term.clear_to_end_of_screen()
    }

    /// What a text question leaves on screen once answered: the answer as
    /// the person wrote it, or what Enter or Esc did (an earlier answer
    /// kept is shown as the answer, never as "left empty").
    fn echo_answer(
        &mut self,
        question: &str,
        answer: &str,
        skipped: bool,
        kept_as_it_was: bool,
    ) -> Result<()> {
        let shown = crate::render::clean(answer);
        if let Some(kept) = self.kept.take().filter(|_| answer.is_empty()) {
            let kept = crate::render::clean(&kept);
            self.echo(question, &format!("{kept} (kept)"), true)
        } else if skipped {
            self.echo(question, "skipped (Esc)", false)
        } else if answer.is_empty() {
            self.echo(question, "(left empty)", false)
        } else if kept_as_it_was {
            self.echo(question, &format!("{shown} (kept as it was)"), false)
        } else if self.to_check {
            self.checking = Some((question.to_string(), shown));
            Ok(())
        } else {
            self.echo(question, &shown, true)
        }
    }

    /// The line left on screen once a question is answered, wrapped so no
    /// word is cut: `✔ Question · answer`, or `· Question · skipped`.
    fn echo(&self, question: &str, answer: &str, answered: bool) -> Result<()> {
        let text = match (answered, self.plain) {
            // "Any answer helps your plan.: No" read badly: a question
            // ending in its own stop needs no colon.
            (_, true) if question.ends_with(['.', '?', '!', ':', '。', '？', '！']) => {
                format!("{question} {answer}")
            }
            (_, true) => format!("{question}: {answer}"),
            (true, false) => format!("✔ {question} · {answer}"),
            (false, false) => format!("· {question} · {answer}"),
        };
        let mut lines = self.wrapped(&text, "", "  ");
        if self.color && answered && !self.plain {
            lines[0] = lines[0].replacen('✔', &console::style("✔").green().to_string(), 1);
        }
        for line in lines {
            // Her number in her Arabic answer held left to right, as every
            // other screen holds it: echoed bare, "٠١٠٠ ١٢٣ ٤٥٦٧" showed
            // its groups swapped on a bidi terminal (Layla, round 9).
            self.term
                .write_line(&crate::render::for_screen(&line))
                .map_err(Error::Terminal)?;
        }
        Ok(())
    }

    /// The question as its menu shows it: `? Question ›`, wrapped.
    fn question_lines(&self, question: &str, hint: &str) -> Vec<String> {
        let text = if self.plain {
            format!("{question}{hint}")
        } else {
            format!("? {question}{hint}")
        };
        let mut lines = self.wrapped(&text, "", "  ");
        if self.color && !self.plain {
            lines[0] = lines[0].replacen('?', &console::style("?").yellow().to_string(), 1);
        }
        lines
    }

    /// A menu of our own: every choice wrapped whole under its marker, a
    /// window that follows the cursor when they do not all fit, and the
    /// chosen one left on screen in full. Only Enter chooses; the cursor
    /// stops at the first and the last choice (it never jumps from one end
    /// to the other); keys typed before the menu was drawn are thrown away.
    /// The cursor may start on no choice (`start` is `None`): Enter there
    /// says to move to one first. Letters and digits typed move to the
    /// choice they begin; words typed that begin none are said not to be
    /// in the list, and the Enter after them chooses nothing (she may have
    /// thought she was typing an answer, and one stray Enter once saved a
    /// plan). `None` for Esc (in a menu of many, the ticks stay as they
    /// are), unless `needed` says why an answer is needed: then Esc says it.
    fn menu(
        &self,
        question: &str,
        choices: &[String],
        start: Option<usize>,
        mut mode: Menu<'_>,
        needed: Option<&str>,
    ) -> Result<Option<usize>> {
        // Joined by no-break spaces, so a narrow window moves the hint
        // whole to the next row rather than breaking it.
        let hint = match (&mode, start, self.plain) {
            // Space ticks; Enter goes on (it ticks nothing).
            (Menu::Many(_), _, _) => " (Space\u{a0}ticks, Enter\u{a0}goes\u{a0}on)",
            (Menu::One, None, false) => " (↓\u{a0}to\u{a0}choose, then\u{a0}Enter)",
            (Menu::One, None, true) => {
                " (use the down\u{a0}arrow\u{a0}key to\u{a0}choose, then\u{a0}Enter)"
            }
            (Menu::One, Some(_), _) | (Menu::Keep, _, _) => "",
        };
        let ticks = matches!(mode, Menu::Many(_));
        let mut raw = Raw::enter(Ahead::Discard).map_err(stopped)?;
        let last = choices.len().saturating_sub(1);
        let mut at = start.map(|s| s.min(last));
        let mut top = 0;
        let mut drawn: Vec<usize> = Vec::new();
        let mut seen = self.cols();
        // What was typed to find a choice, and a word for the person under
        // the menu (why Enter did not choose, what was typed).
        let mut typed = String::new();
        let mut note: Option<String> = None;
        let mut typed_in_vain = false;
        self.term.hide_cursor().map_err(Error::Terminal)?;
        let picked = loop {
            let head = self.question_lines(question, hint);
            let lines = self.menu_lines(&head, choices, at, &mut top, &mode, note.as_deref());
            self.redraw(&mut drawn, &lines)?;
            let key = raw.key(&mut || self.watch(&mut seen));
            if !matches!(key, Ok(Key::Resized)) {
                note = None;
            }
            match key {
                Ok(Key::Down | Key::Tab) => at = Some(at.map_or(0, |a| (a + 1).min(last))),
                Ok(Key::Up | Key::BackTab) => at = Some(at.map_or(0, |a| a.saturating_sub(1))),
                Ok(Key::Home | Key::PageUp) => at = Some(0),
                Ok(Key::End | Key::PageDown) => at = Some(last),
                Ok(Key::Char(' ')) if matches!(mode, Menu::Many(_)) => {
                    if let (Menu::Many(ticked), Some(a)) = (&mut mode, at)
                        && let Some(t) = ticked.get_mut(a)
                    {
                        *t = !*t;
                    }
                }
                Ok(Key::Char(c)) => {
                    typed.push(c);
                    (at, typed_in_vain) =
                        find(choices, &mut typed, at, &mut note, self.plain, ticks);
                    continue;
                }
                Ok(Key::Paste(block)) => {
                    typed.push_str(&block);
                    (at, typed_in_vain) =
                        find(choices, &mut typed, at, &mut note, self.plain, ticks);
                    continue;
                }
                Ok(Key::Backspace) if !typed.is_empty() => {
                    typed.pop();
                    if !typed.is_empty() {
                        (at, typed_in_vain) =
                            find(choices, &mut typed, at, &mut note, self.plain, ticks);
                        continue;
                    }
                }
                // After words that are not in the list, Enter takes them
                // away rather than choosing what the cursor happens to be on.
                Ok(Key::Enter) if typed_in_vain && ticks => {
                    note = Some(format!("Nothing was ticked by those words. {TICK_KEYS}"));
                }
                Ok(Key::Enter) if typed_in_vain => {
                    note = Some(
                        numbers_here(choices, &typed, self.plain)
                            .unwrap_or_else(|| self.enter_on_nothing(true, None)),
                    );
                }
                Ok(Key::Enter) => match at {
                    Some(a) => break Some(a),
                    None if matches!(mode, Menu::Keep) => break None,
                    None => note = Some(self.enter_on_nothing(false, needed)),
                },
                Ok(Key::Escape) => match needed {
                    Some(why) => note = Some(why.to_string()),
                    None => break None,
                },
                Ok(Key::Ctrl('c')) => {
                    let _ = self.clear_lines(&drawn);
                    let _ = self.term.show_cursor();
                    drop(raw);
                    // The question stays on screen with what stopped it, as
                    // a line being typed does: the screen says what the key did.
                    let _ = self.echo(question, "stopped (Ctrl-C)", false);
                    return Err(Error::Cancelled);
                }
                // Drawn again at the new width, with the search as it was.
                Ok(Key::Resized) => continue,
                Ok(_) => {}
                Err(e) => {
                    let _ = self.clear_lines(&drawn);
                    let _ = self.term.show_cursor();
                    return Err(Error::Terminal(e));
                }
            }
            // Any other key ends a search: the next letter starts a new one.
            typed.clear();
            typed_in_vain = false;
        };
        drop(raw);
        self.clear_lines(&drawn).map_err(Error::Terminal)?;
        self.term.show_cursor().map_err(Error::Terminal)?;
        Ok(picked)
    }

    /// What Enter on no choice says: after words typed that are in no
    /// choice (`typed`), or with the cursor on none (`needed` says why an
    /// answer is needed, if it is); keys named in words with `--plain`.
    fn enter_on_nothing(&self, typed: bool, needed: Option<&str>) -> String {
        if typed {
            return format!(
                "Nothing was chosen: this is a list. {}, then Enter on your choice.",
                if self.plain {
                    "Use the up and down arrow keys"
                } else {
                    "Move with ↑ ↓"
                }
            );
        }
        needed.map_or_else(
            || {
                format!(
                    "Nothing is chosen yet: move to one with {}, then Enter. Esc skips this question.",
                    down_key(self.plain)
                )
            },
            str::to_string,
        )
    }

    fn dim(&self, line: &str) -> String {
        if self.color {
            console::style(line).dim().to_string()
        } else {
            line.to_string()
        }
    }

    /// Takes away the lines drawn last (`drawn`, their widths) and draws
    /// `lines` in their place.
    fn redraw(&self, drawn: &mut Vec<usize>, lines: &[String]) -> Result<()> {
        self.clear_lines(drawn).map_err(Error::Terminal)?;
        for line in lines {
            self.term.write_line(line).map_err(Error::Terminal)?;
        }
        self.term.flush().map_err(Error::Terminal)?;
        *drawn = lines.iter().map(|l| columns(l)).collect();
        Ok(())
    }

    /// The menu's lines as drawn now: the question, the window of choices
    /// from `*top` (moved so the one under the cursor is in it, as many
    /// whole choices as fit) and `note` under them.
    fn menu_lines(
        &self,
        head: &[String],
        choices: &[String],
        at: Option<usize>,
        top: &mut usize,
        mode: &Menu<'_>,
        note: Option<&str>,
    ) -> Vec<String> {
        let rows = self
            .term
            .size_checked()
            .map_or(24, |(r, _)| usize::from(r))
            .max(8);
        let mut lines = head.to_vec();
        let items: Vec<Vec<String>> = choices
            .iter()
            .enumerate()
            .map(|(i, choice)| self.menu_item(choice, Some(i) == at, mode, i))
            .collect();
        let said: Vec<String> = note
            .map(|n| self.wrapped(n, "  ", "  "))
            .unwrap_or_default();
        let room = rows.saturating_sub(head.len() + said.len() + 2).max(3);
        let here = at.unwrap_or(0);
        *top = (*top).min(here);
        while items[*top..=here].iter().map(Vec::len).sum::<usize>() > room && *top < here {
            *top += 1;
        }
        let mut used = 0;
        let mut end = *top;
        while end < items.len() && (end == *top || used + items[end].len() <= room) {
            used += items[end].len();
            end += 1;
        }
        if *top > 0 {
            lines.push(self.more_line("more above"));
        }
        for item in &items[*top..end] {
            lines.extend(item.iter().cloned());
        }
        if end < items.len() {
            lines.push(self.more_line("more below"));
        }
        lines.extend(said.iter().map(|l| self.dim(l)));
        lines
    }

    /// One choice's lines: the marker (`❯` under the cursor), a tick box
    /// in a menu of many, and the words wrapped under themselves.
    fn menu_item(&self, choice: &str, here: bool, mode: &Menu<'_>, i: usize) -> Vec<String> {
        // With `--plain`, words a screen reader says as words: "chosen:"
        // where Enter would choose, "ticked:" and "not ticked:", never
        // "greater than" or "left bracket space right bracket".
        let cursor = match (here, self.plain) {
            (true, true) => "chosen: ",
            (true, false) => "❯ ",
            (false, _) => "  ",
        };
        let ticked = match mode {
            Menu::One | Menu::Keep => None,
            Menu::Many(ticked) => Some(ticked.get(i).copied().unwrap_or(false)),
        };
        let tick = match (ticked, self.plain) {
            (None, _) => "",
            (Some(true), false) => "[x] ",
            (Some(false), false) => "[ ] ",
            (Some(true), true) => "ticked: ",
            (Some(false), true) => "not ticked: ",
        };
        let first = format!("{cursor}{tick}");
        // Later lines sit two further in, so each choice reads as one.
        let hang = " ".repeat(columns(&first) + 2);
        let mut lines = self.wrapped(choice, &first, &hang);
        if here && self.color {
            for line in &mut lines {
                *line = console::style(line.as_str()).cyan().to_string();
            }
        }
        lines
    }

    fn more_line(&self, what: &str) -> String {
        let arrow = if what.ends_with("above") {
            "↑"
        } else {
            "↓"
        };
        let text = if self.plain {
            format!("  ({what})")
        } else {
            format!("  {arrow} {what}")
        };
        if self.color {
            console::style(text).dim().to_string()
        } else {
            text
        }
    }

    /// Every answer is one line: lines pasted together were joined, and
    /// she is told, rather than finding it out later.
    fn say_joined(&mut self) -> Result<()> {
        for row in self.wrapped(PASTE_JOINED, "  ", "  ") {
            self.term.write_line(&row).map_err(Error::Terminal)?;
        }
        Ok(())
    }

    /// The question as the line that is typed on asks it: a question that
    /// leaves too little room to type on its line is shown whole above,
    /// and the line asks for the answer.
    fn on_the_line(&mut self, question: &str) -> Result<String> {
        if columns(question) + 16 <= self.cols() {
            return Ok(self.said(question).into_owned());
        }
        for line in self.wrapped(question, "", "") {
            self.term.write_line(&line).map_err(Error::Terminal)?;
        }
        Ok("Your answer".to_string())
    }

    /// Goes back to where the line editor's prompt starts and clears from
    /// there down. Where the cursor is is worked out from what was drawn,
    /// laid out at the width now: a window resized since has rewrapped it.
    fn back_to_prompt(&self, drawn: Option<&Drawn>) -> io::Result<()> {
        if let Some(drawn) = drawn {
            let (spots, _) = place(&drawn.widths, self.cols());
            let row = spots[drawn.cursor.min(drawn.widths.len())].0;
            if row > 0 {
                self.term.move_cursor_up(row)?;
            }
        }
        self.term.write_str("\r")?;
        self.term.clear_to_end_of_screen()
    }

    /// Redraws a text answer being typed: back to the prompt's first row,
    /// clear, write it again, and put the cursor where the person is
    /// typing, before grapheme `pos` of the answer. Rows and columns are
    /// counted as the terminal places each grapheme (a wide one that does
    /// not fit in the last column starts the next row), at the width now.
    fn draw_line(
        &self,
        prompt: &str,
        line: &str,
        pos: usize,
        drawn: &mut Option<Drawn>,
    ) -> io::Result<()> {
        self.back_to_prompt(drawn.as_ref())?;
        let cols = self.cols();
        let line = &harmless_while_typing(line);
        let (shown, widths, cursor) = word_wrapped(prompt, line, pos, cols);
        self.term.write_str(&shown)?;
        let (spots, at_edge) = place(&widths, cols);
        if at_edge {
            // The terminal waits at the end of a full row: move it on.
            self.term.write_str(" \r")?;
        }
        let (end_row, _) = spots[widths.len()];
        let (row, col) = spots[cursor.min(widths.len())];
        if end_row > row {
            self.term.move_cursor_up(end_row - row)?;
        }
        self.term.write_str("\r")?;
        if col > 0 {
            self.term.move_cursor_right(col)?;
        }
        self.term.flush()?;
        *drawn = Some(Drawn { widths, cursor });
        Ok(())
    }
}

/// A line being typed: the text and the cursor (a byte offset, always
/// between graphemes), edited a grapheme at a time so a letter with its
/// accent, or an emoji made of several, goes with one key.
struct Line {
    text: String,
    at: usize,
}

impl Line {
    fn before(&self) -> Option<&str> {
        self.text[..self.at].graphemes(true).next_back()
    }

    fn after(&self) -> Option<&str> {
        self.text[self.at..].graphemes(true).next()
    }

    /// The cursor as a count of graphemes from the start.
    fn pos(&self) -> usize {
        self.text[..self.at].graphemes(true).count()
    }

    fn insert(&mut self, s: &str) {
        self.text.insert_str(self.at, s);
        self.at += s.len();
    }

    fn backspace(&mut self) {
        if let Some(g) = self.before() {
            let from = self.at - g.len();
            self.text.replace_range(from..self.at, "");
            self.at = from;
        }
    }

    fn delete(&mut self) {
        if let Some(g) = self.after() {
            let len = g.len();
            self.text.replace_range(self.at..self.at + len, "");
        }
    }

    fn left(&mut self) {
        if let Some(g) = self.before() {
            self.at -= g.len();
        }
    }

    fn right(&mut self) {
        if let Some(g) = self.after() {
            self.at += g.len();
        }
    }

    /// A pasted block, its lines joined ([`pasted`]); the joined text is
    /// kept in `joined`, to say so while it is in the answer.
    fn paste(&mut self, block: &str, joined: &mut Vec<String>) {
        let text = pasted(block);
        if block.trim().contains(['\n', '\r']) {
            joined.push(text.trim().to_string());
        }
        self.insert(&text);
    }

    /// Ctrl-W: the word before the cursor goes, with the spaces and the
    /// punctuation after it. Words are Unicode's (UAX #29: "п'ятниця" and
    /// "don't" are one), and a run of them stops at punctuation too: Chinese
    /// has no spaces, and Mei's whole sentence went with one press; now
    /// "骄傲。（７年）" loses "７年）", not the sentence.
    fn delete_word(&mut self) {
        let words: Vec<(usize, &str)> = self.text[..self.at].split_word_bound_indices().collect();
        let is_word = |w: &str| w.chars().any(char::is_alphanumeric);
        let mut rest = words.as_slice();
        while let [before @ .., (_, last)] = rest
            && !is_word(last)
        {
            rest = before;
        }
        while let [before @ .., (_, last)] = rest
            && is_word(last)
        {
            rest = before;
        }
        let from = rest.last().map_or(0, |(at, w)| at + w.len());
        self.text.replace_range(from..self.at, "");
        self.at = from;
    }
}

/// Said under an answer that pasted lines were joined into.
const PASTE_JOINED: &str = "(The pasted lines are one answer, joined with spaces.)";

/// The line being typed as it is echoed: a character that would act on
/// the terminal or hide (a pasted right-to-left override turned the rest
/// of the line around, Trudy) is shown as `\u{fffd}`, one marker for one
/// grapheme, so the cursor stays where it is counted. Enter leaves them
/// out of the answer ([`tidied_answer`]); nothing raw is echoed before it.
fn harmless_while_typing(line: &str) -> std::borrow::Cow<'_, str> {
    let harmful = |g: &str| {
        g.chars().any(|c| {
            crate::plan::hidden::hidden_at(c, None, None)
                && !matches!(c, '\u{200c}' | '\u{200d}' | '\u{fe00}'..='\u{fe0f}')
                && !('\u{e0100}'..='\u{e01ef}').contains(&c)
        })
    };
    if !line.graphemes(true).any(harmful) {
        return line.into();
    }
    line.graphemes(true)
        .map(|g| if harmful(g) { "\u{fffd}" } else { g })
        .collect::<String>()
        .into()
}

/// A pasted block as one answer's text: each line break (and tab) becomes
/// a space, since every answer is one line; other control characters go.
fn pasted(block: &str) -> String {
    // Escape sequences whole, as a typed note loses them: not only their
    // first byte, which left "]52;c;…" in Trudy's name.
    // (Line breaks first: a lone `\r` is a control character it drops.)
    crate::plan::hidden::without_escapes(&block.replace("\r\n", " ").replace('\r', " "))
        .chars()
        .filter_map(|c| match c {
            '\r' | '\n' | '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

/// New words without what does not show or would turn them around (a
/// right-to-left override, a zero-width space pasted with them), as on the
/// command line, and what was typed when anything was left out, to say so.
/// Words that would be left empty are kept, for the usual answer to them.
/// (`unchanged`: an answer kept as it was is left as it is.)
fn tidied_answer(answer: String, unchanged: bool) -> (String, Option<String>) {
    if unchanged {
        return (answer, None);
    }
    let kept = crate::plan::hidden::without_hidden(&answer)
        .trim()
        .to_string();
    if kept == answer || kept.is_empty() {
        (answer, None)
    } else {
        (kept, Some(answer))
    }
}

/// Says once that stopping lost nothing: Ctrl-C can reach both the signal
/// handler and the prompt that was reading a key, and the person should
/// read it once.
pub fn say_stopped(out: &mut dyn io::Write) {
    say_stopped_with(out, &fit_stopped(&Error::Cancelled.to_string()));
}

/// [`say_stopped`] in a command's own words (a check-in saves nothing
/// until its end, so it says so).
pub fn say_stopped_with(out: &mut dyn io::Write, words: &str) {
    static SAID: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    if !SAID.swap(true, std::sync::atomic::Ordering::SeqCst) {
        let _ = writeln!(out, "\n{words}");
    }
}

/// Gives the person's terminal back as it was: the cursor shown (a menu
/// hides it), bracketed paste off and the terminal's own settings back (a
/// question turns raw mode on), and keys typed and not read thrown away,
/// so a stop in the middle of a question leaves nothing behind and nothing
/// typed reaches the shell.
pub fn restore_terminal() {
    leave_raw();
    discard_typed_ahead();
    if io::stderr().is_terminal() {
        // What `console` writes to show the cursor, without the lock.
        let _ = io::Write::write_all(&mut UnlockedStderr, b"\x1b[?25h");
    }
}

impl Terminal {
    /// [`Prompter::text`] with `typed` on the line to start with, where
    /// Esc still keeps `initial`.
    fn text_from(
        &mut self,
        question: &str,
        initial: &str,
        typed: Option<&str>,
    ) -> Result<Option<String>> {
        let mut raw = Raw::enter(Ahead::Keep).map_err(stopped)?;
        let asked = self.on_the_line(question)?;
        let whole_question = question;
        let question = asked.as_str();
        let prompt = if self.plain {
            format!("{question}: ")
        } else {
            format!("? {question} › ")
        };
        let start = crate::render::clean(typed.unwrap_or(initial));
        let mut line = Line {
            at: start.len(),
            text: start.clone(),
        };
        let mut drawn = None;
        let mut seen = self.cols();
        let mut skipped = false;
        // Lines pasted and joined into this answer, to say so if they are
        // still in it when it is given (not when she cleared them and
        // typed her own words instead).
        let mut joined: Vec<String> = Vec::new();
        loop {
            self.draw_line(&prompt, &line.text, line.pos(), &mut drawn)
                .map_err(Error::Terminal)?;
            match raw.key(&mut || self.watch(&mut seen)) {
                // An Enter with more input right behind it came in one
                // burst with it: a paste from a terminal that does not
                // mark pastes. Its line break stays in this answer as a
                // space, as in a marked paste, so no pasted line answers
                // (or is thrown away by) a later question.
                Ok(Key::Enter) if raw.more_waiting() => {
                    if !line.text.trim().is_empty() {
                        joined.push(line.text.trim().to_string());
                    }
                    line.insert(" ");
                }
                Ok(Key::Enter) => break,
                // Esc leaves the question keeping what is on the line: what
                // was there before if nothing was typed (a skip), and never
                // throws away what the person typed. Ctrl-D on an empty
                // line does the same, as it ends input in a shell.
                Ok(Key::Escape) => {
                    skipped = line.text == start;
                    break;
                }
                Ok(Key::Ctrl('d')) if line.text.is_empty() => {
                    skipped = line.text == start;
                    break;
                }
                Ok(Key::Ctrl('d') | Key::Del) => line.delete(),
                Ok(Key::Char(c)) if !c.is_control() => line.insert(c.encode_utf8(&mut [0; 4])),
                Ok(Key::Paste(block)) => line.paste(&block, &mut joined),
                Ok(Key::Backspace) => line.backspace(),
                Ok(Key::Left | Key::Ctrl('b')) => line.left(),
                Ok(Key::Right | Key::Ctrl('f')) => line.right(),
                Ok(Key::Home | Key::Ctrl('a')) => line.at = 0,
                Ok(Key::End | Key::Ctrl('e')) => line.at = line.text.len(),
                // As in a shell: Ctrl-U clears back to the start, Ctrl-K to
                // the end, Ctrl-W the word before the cursor.
                Ok(Key::Ctrl('u')) => {
                    line.text.replace_range(..line.at, "");
                    line.at = 0;
                }
                Ok(Key::Ctrl('k')) => line.text.truncate(line.at),
                Ok(Key::Ctrl('w')) => line.delete_word(),
                Ok(Key::Ctrl('c')) => {
                    drop(raw);
                    // What was being typed stays on screen, whole, with
                    // what stopped it, whatever else keeps it.
                    let typed = line.text.trim();
                    let _ = self.back_to_prompt(drawn.as_ref());
                    let _ = if typed.is_empty() {
                        self.echo(question, "stopped (Ctrl-C)", false)
                    } else {
                        self.echo(question, &format!("{typed} (stopped: Ctrl-C)"), false)
                    };
                    if line.text.trim() != crate::render::clean(initial).trim() {
                        self.unsent = Some(crate::plan::draft::Unsent::new(
                            whole_question,
                            initial,
                            line.text.clone(),
                        ));
                    }
                    return Err(Error::Cancelled);
                }
                Ok(_) => {}
                Err(e) => return Err(Error::Terminal(e)),
            }
        }
        drop(raw);
        let answer = if skipped {
            initial.trim().to_string()
        } else {
            line.text.trim().to_string()
        };
        // New words longer than an item may be are asked for again, with
        // what was typed still on the line to shorten or split: nothing
        // she wrote is thrown away, and nothing that long is saved.
        if answer != initial.trim()
            && let Some(chars) = crate::plan::limits::over_cap(&answer)
        {
            self.back_to_prompt(drawn.as_ref())
                .map_err(Error::Terminal)?;
            return self.too_long_again(whole_question, initial, &line.text, chars);
        }
        // What does not show, or would turn her words around, is left
        // out of new words and said (Trudy pasted both into `new`).
        let unchanged = skipped || answer == initial.trim();
        let (answer, typed) = tidied_answer(answer, unchanged);
        let kept_as_it_was = skipped && !answer.is_empty();
        let skipped = skipped && answer.is_empty();
        self.back_to_prompt(drawn.as_ref())
            .map_err(Error::Terminal)?;
        // What was answered stays on screen, wrapped, as the person wrote it.
        self.echo_answer(question, &answer, skipped, kept_as_it_was)?;
        self.say_tidied(typed.as_deref(), &answer)?;
        if !skipped && joined.iter().any(|text| answer.contains(text.as_str())) {
            self.say_joined()?;
        }
        Ok((!answer.is_empty()).then_some(answer))
    }

    /// Under an answer something was left out of (`typed`, as typed):
    /// what, by name, and how it reads now.
    fn say_tidied(&mut self, typed: Option<&str>, answer: &str) -> Result<()> {
        if let Some(typed) = typed {
            let words = crate::render::tidied_text_words("answer", typed, answer);
            for row in self.wrapped(&words, "  ", "  ") {
                self.term.write_line(&row).map_err(Error::Terminal)?;
            }
        }
        Ok(())
    }

    /// Says that the answer is longer than one item may be, kindly, with
    /// a way on, and asks the same question again with `typed` on the line.
    fn too_long_again(
        &mut self,
        question: &str,
        initial: &str,
        typed: &str,
        chars: usize,
    ) -> Result<Option<String>> {
        use crate::plan::limits::{MAX_ITEM_CHARS, thousands};
        self.echo(
            question,
            &format!("not kept yet: {} characters", thousands(chars)),
            false,
        )?;
        let words = format!(
            "That is {} characters long; one answer can be up to {}. Could you split it into two, or say it in fewer words? What you typed is still here to change.",
            thousands(chars),
            thousands(MAX_ITEM_CHARS)
        );
        for row in self.wrapped(&words, "  ", "  ") {
            self.term.write_line(&row).map_err(Error::Terminal)?;
        }
        self.text_from(question, initial, Some(typed))
    }
}

impl Drop for Terminal {
    /// The terminal's own settings back, and keys typed while the last
    /// answer was being saved reach no shell.
    fn drop(&mut self) {
        leave_raw();
        discard_typed_ahead();
    }
}

impl Prompter for Terminal {
    /// Shows text, any line too wide for the terminal wrapped at words
    /// under its own indent, so nothing is broken mid-word at the edge.
    fn show(&mut self, text: &str) -> Result<()> {
        let width = self.cols();
        // A line the folder makes too wide is wrapped below, as any other.
        let text =
            crate::render::rescue::in_this_folder_lines(text, self.folder.as_deref(), usize::MAX);
        let text = if self.plain {
            crate::render::plain_punctuation(&text).into_owned()
        } else {
            text.into_owned()
        };
        let mut out = String::new();
        for (n, line) in text.split('\n').enumerate() {
            if n > 0 {
                out.push('\n');
            }
            if columns(line) <= width || line.contains('\x1b') {
                out.push_str(line);
            } else {
                let indent = &line[..line.len() - line.trim_start().len()];
                out.push_str(&crate::render::wrap(
                    line.trim_start(),
                    self.room(),
                    indent,
                    indent,
                ));
            }
        }
        // Numbers in right-to-left lines held left to right for a bidi
        // terminal, as on every other screen (marks of no width, added
        // after the lines are fitted).
        self.term
            .write_line(&crate::render::for_screen(&out))
            .map_err(Error::Terminal)
    }

    fn width(&self) -> usize {
        self.cols()
    }

    fn plain(&self) -> bool {
        self.plain
    }

    fn take_unsent(&mut self) -> Option<crate::plan::draft::Unsent> {
        self.unsent.take()
    }

    fn take_ticked(&mut self) -> Option<Vec<usize>> {
        self.ticked.take()
    }

    fn heading(&mut self, title: &str) -> Result<()> {
        if self.plain {
            self.show(&format!("\n{title}"))
        } else {
            self.show(&format!("\n── {title} ──"))
        }
    }

    /// A line editor of our own: Esc has to mean "skip, keep what is
    /// there", a long answer has to redraw cleanly at any width, and a
    /// pasted block has to stay in this answer.
    fn text(&mut self, question: &str, initial: &str) -> Result<Option<String>> {
        self.text_from(question, initial, None)
    }

    fn select(
        &mut self,
        question: &str,
        choices: &[String],
        start: Option<usize>,
    ) -> Result<Option<usize>> {
        self.select_or_stop(question, choices, start, "skipped (Esc)")
    }

    fn select_or_stop(
        &mut self,
        question: &str,
        choices: &[String],
        start: Option<usize>,
        esc: &str,
    ) -> Result<Option<usize>> {
        if choices.is_empty() {
            return Ok(None);
        }
        let picked = self.menu(question, choices, start, Menu::One, None)?;
        match picked {
            Some(i) => self.echo(question, &choices[i], true)?,
            None => self.echo(question, esc, false)?,
        }
        Ok(picked)
    }

    fn select_keeping(&mut self, question: &str, choices: &[String], kept: usize) -> Result<usize> {
        let picked = self.menu(question, choices, None, Menu::Keep, None)?;
        let chosen = picked.unwrap_or(kept);
        let shown = choices.get(chosen).map_or("", String::as_str);
        if picked.is_some() {
            self.echo(question, shown, true)?;
        } else {
            self.echo(question, &format!("{shown} (kept)"), true)?;
        }
        Ok(chosen)
    }

    fn text_keeping(&mut self, question: &str, kept: &str) -> Result<Option<String>> {
        self.kept = Some(kept.to_string());
        let answer = self.text(question, "");
        self.kept = None;
        answer
    }

    fn text_to_check(&mut self, question: &str, initial: &str) -> Result<Option<String>> {
        self.to_check = true;
        let answer = self.text(question, initial);
        self.to_check = false;
        answer
    }

    fn checked(&mut self, taken: bool) -> Result<()> {
        match self.checking.take() {
            Some((question, answer)) => self.echo(&question, &answer, taken),
            None => Ok(()),
        }
    }

    fn select_needed(&mut self, question: &str, choices: &[String], why: &str) -> Result<usize> {
        let picked = self
            .menu(question, choices, None, Menu::One, Some(why))?
            .unwrap_or(0);
        self.echo(question, &choices[picked], true)?;
        Ok(picked)
    }

    /// Yes or no: `y` or `n` puts that answer in the field and Enter
    /// gives it (Enter alone gives the one shown in capitals), so a key is
    /// never an answer on its own and the Enter after it never falls
    /// through to the next question; Esc for no. The answer stays on
    /// screen in words, whichever key gave it.
    fn confirm(&mut self, question: &str, default: bool) -> Result<bool> {
        let hint = if default { " (Y/n)" } else { " (y/N)" };
        let mut raw = Raw::enter(Ahead::Discard).map_err(stopped)?;
        let mut seen = self.cols();
        // The rows drawn: the question's lines but the last, each ended by
        // a newline, then the last with the cursor after it.
        let mut drawn: Option<(Vec<usize>, usize)> = None;
        let mut field: Option<bool> = None;
        let answer = loop {
            if let Some(drawn) = &drawn {
                self.erase_question(drawn)?;
            }
            let lines = self.question_lines(question, hint);
            let (last, above) = lines.split_last().unwrap_or((&lines[0], &[]));
            for line in above {
                self.term.write_line(line).map_err(Error::Terminal)?;
            }
            let last = match field {
                Some(true) => format!("{last} yes"),
                Some(false) => format!("{last} no"),
                None => last.clone(),
            };
            self.term
                .write_str(&format!("{last} "))
                .map_err(Error::Terminal)?;
            self.term.flush().map_err(Error::Terminal)?;
            drawn = Some((above.iter().map(|l| columns(l)).collect(), columns(&last)));
            match raw.key(&mut || self.watch(&mut seen)) {
                Ok(Key::Char('y' | 'Y')) => field = Some(true),
                Ok(Key::Char('n' | 'N')) => field = Some(false),
                Ok(Key::Backspace | Key::Ctrl('u')) => field = None,
                Ok(Key::Enter) => break Some(field.unwrap_or(default)),
                Ok(Key::Escape) => break None,
                Ok(Key::Ctrl('c')) => {
                    drop(raw);
                    if let Some(drawn) = &drawn {
                        let _ = self.erase_question(drawn);
                    }
                    let _ = self.echo(question, "stopped (Ctrl-C)", false);
                    return Err(Error::Cancelled);
                }
                Ok(_) => {}
                Err(e) => {
                    let _ = self.term.write_line("");
                    return Err(Error::Terminal(e));
                }
            }
        };
        drop(raw);
        if let Some(drawn) = &drawn {
            self.erase_question(drawn)?;
        }
        match answer {
            Some(yes) => self.echo(question, if yes { "yes" } else { "no" }, true)?,
            None => self.echo(question, "no (Esc)", false)?,
        }
        Ok(answer.unwrap_or(false))
    }

    /// Ticks in a menu: Enter is done, and Esc leaves the question with
    /// the ticks as they are on screen (Esc never throws away what was
    /// done, here as on a text line).
    fn multi_select(
        &mut self,
        question: &str,
        choices: &[String],
        chosen: &[bool],
    ) -> Result<Option<Vec<usize>>> {
        if choices.is_empty() {
            return Ok(Some(Vec::new()));
        }
        let mut ticked: Vec<bool> = (0..choices.len())
            .map(|i| chosen.get(i).copied().unwrap_or(false))
            .collect();
        let done = match self.menu(question, choices, Some(0), Menu::Many(&mut ticked), None) {
            // What was ticked on screen is kept for whoever asked.
            Err(Error::Cancelled) => {
                self.ticked = Some((0..choices.len()).filter(|i| ticked[*i]).collect());
                return Err(Error::Cancelled);
            }
            done => done?,
        };
        let picked: Vec<usize> = (0..choices.len()).filter(|i| ticked[*i]).collect();
        let names: Vec<&str> = picked.iter().map(|i| choices[*i].as_str()).collect();
        let said = if names.is_empty() {
            "none".to_string()
        } else {
            names.join("; ")
        };
        if done.is_none() {
            self.echo(question, &format!("{said} (Esc: kept as ticked)"), false)?;
        } else {
            self.echo(question, &said, true)?;
        }
        Ok(Some(picked))
    }
}

/// The choice a scripted answer names: the whole choice, or its start.
fn scripted_choice(choices: &[String], answer: &str, question: &str) -> Result<usize> {
    choices
        .iter()
        .position(|c| c == answer)
        .or_else(|| choices.iter().position(|c| c.starts_with(answer)))
        .ok_or_else(|| {
            Error::Usage(format!(
                "{answer:?} is not one of {choices:?} for {question:?}"
            ))
        })
}

/// Answers from a list, in order, for tests and scripted demos.
///
/// A text answer is the text (`""` for an empty line); a choice is the
/// choice's text or its start; `<esc>` is Esc and `<ctrl-c>` stops
/// (`<ctrl-c>words` stops a text question with `words` half typed).
#[derive(Debug, Default)]
pub struct Scripted {
    answers: VecDeque<String>,
    unsent: Option<crate::plan::draft::Unsent>,
    ticked: Option<Vec<usize>>,
    /// Everything shown and asked, in order, to assert on what was seen.
    pub transcript: Vec<String>,
    /// The terminal's width, as a test sets it (80 when not set).
    pub columns: Option<usize>,
}

impl Scripted {
    pub fn new<I: IntoIterator<Item = S>, S: Into<String>>(answers: I) -> Scripted {
        Scripted {
            answers: answers.into_iter().map(Into::into).collect(),
            unsent: None,
            ticked: None,
            transcript: Vec::new(),
            columns: None,
        }
    }

    /// How many answers were not used.
    pub fn unused(&self) -> usize {
        self.answers.len()
    }

    fn next(&mut self, question: &str) -> Result<String> {
        self.transcript.push(format!("? {question}"));
        let answer = self
            .answers
            .pop_front()
            .ok_or_else(|| Error::Usage(format!("the script has no answer for {question:?}")))?;
        if answer == "<ctrl-c>" {
            return Err(Error::Cancelled);
        }
        Ok(answer)
    }
}

impl Prompter for Scripted {
    fn show(&mut self, text: &str) -> Result<()> {
        self.transcript.push(text.to_string());
        Ok(())
    }

    fn take_unsent(&mut self) -> Option<crate::plan::draft::Unsent> {
        self.unsent.take()
    }

    fn take_ticked(&mut self) -> Option<Vec<usize>> {
        self.ticked.take()
    }

    fn width(&self) -> usize {
        self.columns.unwrap_or(80)
    }

    fn text(&mut self, question: &str, initial: &str) -> Result<Option<String>> {
        let half_typed = self
            .answers
            .front()
            .and_then(|a| a.strip_prefix("<ctrl-c>"))
            .filter(|typed| !typed.is_empty())
            .map(str::to_string);
        if let Some(typed) = half_typed {
            self.unsent = Some(crate::plan::draft::Unsent::new(question, initial, typed));
            self.answers.pop_front();
            self.transcript.push(format!("? {question}"));
            return Err(Error::Cancelled);
        }
        let answer = self.next(question)?;
        // Enter on what is there, or Esc: both keep it.
        let answer = if answer == "<keep>" || answer == "<esc>" {
            initial.to_string()
        } else {
            answer
        };
        let answer = answer.trim();
        Ok((!answer.is_empty()).then(|| answer.to_string()))
    }

    /// Enter on no choice is said, as on screen, and the next answer read.
    fn select(
        &mut self,
        question: &str,
        choices: &[String],
        start: Option<usize>,
    ) -> Result<Option<usize>> {
        loop {
            let answer = self.next(question)?;
            return match (answer.as_str(), start) {
                ("<esc>", _) => Ok(None),
                ("<enter>", Some(start)) => Ok(Some(start)),
                ("<enter>", None) => {
                    self.transcript.push("Nothing is chosen yet.".to_string());
                    continue;
                }
                _ => scripted_choice(choices, &answer, question).map(Some),
            };
        }
    }

    /// As on screen: Enter on no choice, or Esc, keeps the earlier answer.
    fn select_keeping(&mut self, question: &str, choices: &[String], kept: usize) -> Result<usize> {
        let answer = self.next(question)?;
        match answer.as_str() {
            "<enter>" | "<esc>" => Ok(kept),
            _ => scripted_choice(choices, &answer, question),
        }
    }

    /// As on screen: Enter on no choice and Esc each say why an answer is
    /// needed, and the next answer is read.
    fn select_needed(&mut self, question: &str, choices: &[String], why: &str) -> Result<usize> {
        loop {
            let answer = self.next(question)?;
            if answer != "<enter>" && answer != "<esc>" {
                return scripted_choice(choices, &answer, question);
            }
            self.transcript
                .push(crate::render::wrap(why, self.width(), "", ""));
        }
    }

    fn confirm(&mut self, question: &str, default: bool) -> Result<bool> {
        let answer = self.next(question)?;
        Ok(match answer.as_str() {
            "y" | "yes" => true,
            "n" | "no" | "<esc>" => false,
            _ => default,
        })
    }

    /// The answer names the choices (or their starts) joined by `|`; `""`
    /// picks none and `<enter>` keeps `chosen`; `<ctrl-c>` before them
    /// stops with those ticked on screen.
    fn multi_select(
        &mut self,
        question: &str,
        choices: &[String],
        chosen: &[bool],
    ) -> Result<Option<Vec<usize>>> {
        if let Some(ticks) = self
            .answers
            .front()
            .and_then(|a| a.strip_prefix("<ctrl-c>"))
            .filter(|ticks| !ticks.is_empty())
            .map(str::to_string)
        {
            self.answers.pop_front();
            self.answers.push_front(ticks);
            let ticked = self.multi_select(question, choices, chosen)?;
            self.ticked = ticked;
            return Err(Error::Cancelled);
        }
        let answer = self.next(question)?;
        match answer.as_str() {
            // Esc keeps the ticks as they are, as the terminal does.
            "<esc>" | "<enter>" => Ok(Some(
                chosen
                    .iter()
                    .enumerate()
                    .filter_map(|(i, &c)| c.then_some(i))
                    .collect(),
            )),
            "" => Ok(Some(Vec::new())),
            _ => answer
                .split('|')
                .map(|part| {
                    choices
                        .iter()
                        .position(|c| c == part)
                        .or_else(|| choices.iter().position(|c| c.starts_with(part)))
                        .ok_or_else(|| {
                            Error::Usage(format!(
                                "{part:?} is not one of {choices:?} for {question:?}"
                            ))
                        })
                })
                .collect::<Result<Vec<usize>>>()
                .map(Some),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripted_answers_come_in_order_and_record_what_was_asked() {
        let mut p = Scripted::new(["Sam", "", "help", "<esc>", "y", "<ctrl-c>"]);
        assert_eq!(p.text("Name?", "").unwrap().as_deref(), Some("Sam"));
        assert_eq!(p.text("Anything else?", "").unwrap(), None);
        let roles = ["distraction".to_string(), "help".to_string()];
        assert_eq!(p.select("Role?", &roles, Some(0)).unwrap(), Some(1));
        assert_eq!(p.select("Role?", &roles, Some(0)).unwrap(), None);
        assert!(p.confirm("Save?", false).unwrap());
        assert!(matches!(p.text("More?", ""), Err(Error::Cancelled)));
        assert_eq!(p.transcript.len(), 6);
    }

    #[test]
    fn a_wide_character_that_does_not_fit_starts_the_next_row() {
        // Nine columns used on a row of ten: a wide one goes on, a narrow
        // one still fits.
        let (spots, at_edge) = place(&[1; 9].iter().copied().chain([2]).collect::<Vec<_>>(), 10);
        assert_eq!(spots[9], (1, 0));
        assert_eq!(spots[10], (1, 2));
        assert!(!at_edge);
        let (spots, at_edge) = place(&[1; 10], 10);
        assert_eq!(spots[10], (1, 0));
        assert!(at_edge);
        assert_eq!(rows_of(0, 10), 1);
        assert_eq!(rows_of(21, 10), 3);
    }

    #[test]
    fn a_word_being_typed_moves_whole_to_the_next_row() {
        // 20 columns, a prompt of 6: "сестра" would run over the edge from
        // column 16, so it starts the next row, spaces filling the first.
        let (shown, widths, cursor) = word_wrapped("? Q › ", "мій кіт і сестра", 11, 20);
        let (spots, _) = place(&widths, 20);
        let at = shown.graphemes(true).position(|g| g == "с").unwrap();
        assert_eq!(spots[at], (1, 0), "{shown:?}");
        assert_eq!(
            shown.trim_end_matches("сестра").trim_end(),
            "? Q › мій кіт і"
        );
        // The cursor, before the answer's grapheme 11 ("е"), is drawn there.
        assert_eq!(shown.graphemes(true).nth(cursor), Some("е"));
        assert_eq!(spots[cursor], (1, 1));
        // A word longer than a row still breaks, between graphemes.
        let long = "щ".repeat(30);
        let (shown, widths, _) = word_wrapped("? Q › ", &long, 0, 20);
        assert_eq!(shown, format!("? Q › {long}"));
        assert_eq!(place(&widths, 20).0[20], (1, 0));
        // A wide letter at the edge goes on as the terminal places it.
        let (_, widths, end) = word_wrapped("", &"台".repeat(15), 15, 20);
        assert_eq!(place(&widths, 20).0[end], (1, 10));
    }

    /// Niran at 20 columns: Thai has no spaces, so the whole answer was
    /// one "word", broken where the row ran out ("สวนลุ / ม"); each row now
    /// ends between his words, and nothing is lost or added.
    #[test]
    fn thai_being_typed_moves_to_the_next_row_between_words() {
        let words = [
            "ผม",
            "ไป",
            "สวน",
            "ลุม",
            "กับ",
            "พี่",
            "ชาย",
            "แล้ว",
            "โทร",
            "หา",
            "แม่",
        ];
        let line = words.concat();
        let (shown, widths, _) = word_wrapped("? Q › ", &line, 0, 20);
        let (spots, _) = place(&widths, 20);
        let mut rows: Vec<String> = Vec::new();
        for (g, &(row, _)) in shown.graphemes(true).zip(&spots) {
            if rows.len() <= row {
                rows.push(String::new());
            }
            rows[row].push_str(g);
        }
        assert!(rows.len() > 1, "{rows:?}");
        let answer: Vec<&str> = rows.iter().map(|r| r.trim_end()).collect();
        assert_eq!(answer.concat(), format!("? Q › {line}"));
        let mut ends = vec![0];
        for word in words {
            ends.push(ends.last().unwrap() + word.len());
        }
        let mut at = 0;
        for row in &answer[..answer.len() - 1] {
            at += row.len();
            assert!(
                ends.contains(&(at - "? Q › ".len())) || at == "? Q › ".len(),
                "{rows:?}"
            );
        }
    }

    #[test]
    fn the_line_is_edited_a_grapheme_at_a_time() {
        let text = "Cafe\u{301} 👩\u{200d}👩\u{200d}👧".to_string();
        let mut line = Line {
            at: text.len(),
            text,
        };
        line.backspace();
        assert_eq!(line.text, "Cafe\u{301} ");
        line.left();
        line.left();
        assert_eq!(line.pos(), 3);
        line.delete();
        assert_eq!(line.text, "Caf ");
        line.at = line.text.len();
        line.insert("台灣 家");
        line.delete_word();
        assert_eq!(line.text, "Caf 台灣 ");
        line.delete_word();
        assert_eq!(line.text, "Caf ");
        // A Chinese sentence goes a phrase at a time; an apostrophe is
        // inside a word.
        for (typed, left) in [
            (
                "①我想读完硕士，让妈妈骄傲。（７年）",
                "①我想读完硕士，让妈妈骄傲。（",
            ),
            ("①我想读完硕士，让妈妈骄傲。", "①我想读完硕士，"),
            ("зарплата в п'ятницю", "зарплата в "),
        ] {
            let mut line = Line {
                at: typed.len(),
                text: typed.to_string(),
            };
            line.delete_word();
            assert_eq!(line.text, left, "{typed}");
        }
        assert_eq!(pasted("一\r\n二\n三\t四\u{7}"), "一 二 三 四");
    }

    /// Letters typed in a menu find the choice they begin (case aside),
    /// then a word inside one; one letter again moves on to the next.
    #[test]
    fn typing_finds_the_choice_it_begins() {
        let urge: Vec<String> = (0..=10)
            .map(|n| match n {
                0 => "0: no urge at all".to_string(),
                10 => "10: the strongest it gets".to_string(),
                n => n.to_string(),
            })
            .collect();
        assert_eq!(find_choice(&urge, "1", None), Some(1));
        assert_eq!(find_choice(&urge, "10", Some(1)), Some(10));
        assert_eq!(find_choice(&urge, "７", None), Some(7));
        assert_eq!(find_choice(&urge, "٤", None), Some(4));
        // A number finds only the choice with that very number.
        let sure: Vec<String> = ["0%: not at all sure", "20%", "40%", "100%: completely sure"]
            .map(String::from)
            .to_vec();
        assert_eq!(find_choice(&sure, "1", None), None);
        assert_eq!(find_choice(&sure, "10", None), None);
        assert_eq!(find_choice(&sure, "100", None), Some(3));
        assert_eq!(find_choice(&sure, "２0", None), Some(1));
        assert_eq!(find_choice(&sure, "0", Some(2)), Some(0));
        assert_eq!(find_choice(&sure, "c", None), Some(3));
        let menu: Vec<String> = ["Save to my plan", "Stop for now (your answers are kept)"]
            .map(String::from)
            .to_vec();
        assert_eq!(find_choice(&menu, "stop", Some(0)), Some(1));
        assert_eq!(find_choice(&menu, "S", Some(0)), Some(1));
        assert_eq!(find_choice(&menu, "s", Some(1)), Some(0));
        assert_eq!(find_choice(&menu, "answers", None), Some(1));
        assert_eq!(find_choice(&menu, "等一下", Some(0)), None);
        assert_eq!(find_choice(&menu, " ", None), None);
    }

    /// Letters typed one by one, as a person types them: where the cursor
    /// ends and whether the words were found in no choice.
    fn typed_letters(
        choices: &[String],
        start: Option<usize>,
        words: &str,
    ) -> (Option<usize>, bool) {
        let (mut at, mut typed, mut note) = (start, String::new(), None);
        let mut in_vain = false;
        for c in words.chars() {
            typed.push(c);
            (at, in_vain) = find(choices, &mut typed, at, &mut note, false, false);
        }
        (at, in_vain)
    }

    /// Anjali: a slip in a word never starts a new search from its last
    /// letter ("Inda" chose Australia and showed its crisis lines; "haan",
    /// yes in Hindi, chose "No"). One letter typed again still moves on.
    #[test]
    fn a_word_in_no_choice_is_said_and_chooses_nothing() {
        let countries: Vec<String> = ["Australia", "India", "Ireland", "New Zealand"]
            .map(String::from)
            .to_vec();
        assert_eq!(typed_letters(&countries, Some(1), "Ind"), (Some(1), false));
        assert_eq!(typed_letters(&countries, Some(1), "Inda"), (Some(1), true));
        assert_eq!(typed_letters(&countries, Some(1), "xyz"), (Some(1), true));
        assert_eq!(typed_letters(&countries, None, "Bharat"), (None, true));
        let acted: Vec<String> = ["Yes", "Partly", "No"].map(String::from).to_vec();
        assert_eq!(typed_letters(&acted, None, "haan"), (None, true));
        assert_eq!(typed_letters(&acted, None, "n"), (Some(2), false));
        // "i", then "i" again: on to the next choice that begins with it.
        assert_eq!(typed_letters(&countries, None, "i"), (Some(1), false));
        assert_eq!(typed_letters(&countries, None, "ii"), (Some(2), false));
    }

    #[test]
    fn long_choices_are_shortened_on_screen() {
        assert_eq!(shorten("abcdef", 4), "abc…");
        assert_eq!(shorten("abc", 4), "abc");
        assert_eq!(shorten("Llamar a Máire esta noche", 16), "Llamar a Máire…");
        // No spaces in Chinese: cut between characters, never back to
        // nothing.
        assert_eq!(
            shorten("為了女兒，還有我自己、我的家人 and 1 more", 20),
            "為了女兒，還有我自…"
        );
        assert_eq!(shorten("不吃飯、睡不好，一直滑手機", 16), "不吃飯、睡不…");
        assert_eq!(shorten("Your reasons   為了女兒", 18), "Your reasons   為…");
    }
}
