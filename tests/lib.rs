//! The integration tests: one binary, one file per feature, all driving the
//! built `relapse-plan` in a sealed environment (see [`Env`]) through one
//! builder, [`Test`]: what goes in, what must come out, then `run()`. The
//! exit status is always checked.

mod architecture;
mod boundary;
mod card_room;
mod checkin;
mod citizen;
mod clock_ahead;
mod commands;
mod days_she_lived;
mod edges;
mod editing;
mod export;
mod extensions;
mod finding_people;
mod first_save;
mod from_others;
mod fuzzed;
mod hand_edits;
mod hand_in_props;
mod hard_moments;
mod her_own_numbers;
#[cfg(unix)]
mod her_words;
mod his_number_any_way;
mod history;
mod homework;
#[cfg(unix)]
mod homework_words;
mod hostile;
#[cfg(unix)]
mod keys;
#[cfg(unix)]
mod late_night;
#[cfg(unix)]
mod left_off_by_number;
mod lists;
mod local_day;
mod lockscreen;
mod long_crisis;
mod long_words;
#[cfg(unix)]
mod menus_choose_nothing;
mod minjun;
mod my_own_note;
mod named_like_lines;
#[cfg(unix)]
mod narrow;
mod niran;
mod no_terminal;
mod noa;
mod not_to_involve;
#[cfg(unix)]
mod nothing_lost;
#[cfg(unix)]
mod oksana;
mod old_numbers;
mod own_words;
mod paper;
mod plain_eyes;
#[cfg(unix)]
mod plan_link;
mod printed_trends;
mod printing;
mod privacy;
mod priya;
mod properties;
#[cfg(unix)]
mod ranking;
mod reasons_in_order;
mod resumed;
mod robustness;
mod rtl_card;
mod rtl_screen;
#[cfg(unix)]
mod said_as_it_is;
mod screen_says;
mod shirin;
mod short_hints;
mod small_truths;
mod snapshots;
mod supporters;
#[cfg(unix)]
mod terminal;
mod their_words;
mod therapist_hints;
#[cfg(unix)]
mod torture;
mod trudy;
mod trudy_files;
mod trudy_morning;
mod trudy_round3;
mod trudy_round6;
mod trudy_said;
mod two_clocks;
#[cfg(unix)]
mod typed_ahead;
mod typed_dates;
#[cfg(unix)]
mod typed_two_ways;
mod urdu_on_paper;
#[cfg(unix)]
mod vowel_signs;
mod walk;
mod web;
mod wei;
mod wei_homework;

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{ExitStatus, Output};
use std::time::{Duration, Instant};

/// `text` with every run of white space one space: what the screen or the
/// file says, wherever a width wrapped it.
pub(crate) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The moment every test runs at.
pub const NOW: &str = "2026-11-22T10:15:00Z";

/// A sealed environment: a temp plan folder and HOME, no inherited
/// variables (no XDG, no `NO_COLOR`, no `COLUMNS`, no `LANG`), `TZ=UTC`, and
/// a fixed clock.
pub struct Env {
    temp: tempfile::TempDir,
}

impl Default for Env {
    fn default() -> Env {
        Env::new()
    }
}

impl Env {
    pub fn new() -> Env {
        Env {
            temp: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// A new environment whose plan is the example plan (revision 3), as
    /// plan.toml and as its saved revision.
    pub fn with_example() -> Env {
        Env::with_plan(&example_plan(), 3)
    }

    /// A new environment whose plan is `file`, saved as revision `revision`
    /// (the one the file names).
    pub fn with_plan(file: &Path, revision: u64) -> Env {
        let env = Env::new();
        std::fs::create_dir_all(env.plan_dir().join("revisions")).unwrap();
        std::fs::copy(file, env.plan_file()).unwrap();
        std::fs::copy(
            file,
            env.plan_dir().join(format!("revisions/{revision:06}.toml")),
        )
        .unwrap();
        env
    }

    /// A new environment with the many-scripts plan, tests/data/world.toml
    /// (revision 7): right-to-left text holding numbers, CJK, Devanagari,
    /// Greek, Cyrillic, Hebrew, emoji and Markdown/HTML metacharacters.
    pub fn with_world() -> Env {
        Env::with_plan(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/world.toml"),
            7,
        )
    }

    pub fn plan_dir(&self) -> PathBuf {
        self.temp.path().join("plan")
    }

    pub fn plan_file(&self) -> PathBuf {
        self.plan_dir().join("plan.toml")
    }

    pub fn home(&self) -> &Path {
        self.temp.path()
    }

    /// Any program (relapse-plan itself, a shell, strace) with this
    /// environment's sealed variables and nothing inherited: the one place
    /// a test's process is sealed (tests/architecture.rs keeps it so).
    fn sealed(&self, program: impl AsRef<OsStr>) -> std::process::Command {
        let mut cmd = std::process::Command::new(program);
        cmd.env_clear()
            .env("HOME", self.home())
            .env("TZ", "UTC")
            .env("RELAPSE_PLAN_DIR", self.plan_dir())
            .env("RELAPSE_PLAN_NOW", NOW);
        cmd
    }

    /// `sh -c SCRIPT`, sealed, with `"$0"` standing for relapse-plan and
    /// any further `.arg`s as `"$@"`.
    pub fn shell(&self, script: &str) -> Test {
        self.program("sh").arg("-c").arg(script).arg(bin())
    }

    /// Files set aside beside the plan (`plan.kept-*.toml`).
    pub fn kept_files(&self) -> Vec<PathBuf> {
        let mut kept: Vec<PathBuf> = std::fs::read_dir(self.plan_dir())
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().starts_with("plan.kept-"))
            .map(|e| e.path())
            .collect();
        kept.sort();
        kept
    }

    /// `relapse-plan ARGS` in this environment, to be run with [`Test::run`].
    pub fn test<I: IntoIterator<Item = S>, S: AsRef<OsStr>>(&self, args: I) -> Test {
        Test::of(self.sealed(bin())).args(args)
    }

    /// Another program (a shell, strace, python3) in this environment.
    pub fn program(&self, program: impl AsRef<OsStr>) -> Test {
        Test::of(self.sealed(program))
    }

    /// Runs a command that must succeed; returns its stdout.
    #[track_caller]
    pub fn ok<I: IntoIterator<Item = S>, S: AsRef<OsStr>>(&self, args: I) -> String {
        String::from_utf8(self.test(args).run().bytes).expect("utf-8 stdout")
    }

    /// Writes `to` for `from` in plan.toml, as a hand edit or an older
    /// version would: typed, hidden characters are left out, and a plan
    /// holding them must still be shown safely.
    #[track_caller]
    pub fn edit_plan_by_hand(&self, from: &str, to: &str) {
        let file = self.plan_dir().join("plan.toml");
        let text = std::fs::read_to_string(&file).unwrap();
        assert_eq!(text.matches(from).count(), 1, "{from:?} once in\n{text}");
        std::fs::write(&file, text.replace(from, to)).unwrap();
    }

    /// Runs a command that must fail with `code`; returns its stderr.
    #[track_caller]
    pub fn fails<I: IntoIterator<Item = S>, S: AsRef<OsStr>>(&self, code: i32, args: I) -> String {
        String::from_utf8(self.test(args).status(code).run().err_bytes).expect("utf-8 stderr")
    }

    /// The current plan, read back through the library.
    pub fn plan(&self) -> relapse_plan::plan::Plan {
        let bytes = std::fs::read(self.plan_file()).expect("plan.toml");
        relapse_plan::plan::parse::parse(&bytes)
            .expect("plan parses")
            .plan
    }

    /// Every file in the plan folder with its bytes, to prove nothing changed.
    pub fn snapshot_dir(&self) -> Vec<(PathBuf, Vec<u8>)> {
        let mut files = Vec::new();
        let mut stack = vec![self.plan_dir()];
        while let Some(dir) = stack.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                } else {
                    files.push((path.clone(), std::fs::read(&path).unwrap_or_default()));
                }
            }
        }
        files.sort();
        files
    }
}

/// One run of a program in an [`Env`], in the style of just's tests: say
/// what goes in and what must come out, then [`Test::run`] (or, for a run
/// that must go on beside the test, [`Test::spawn`] or [`Test::pty`]).
/// Standard input is empty unless given; the exit status must be 0 unless
/// `.status(n)` says otherwise, so no run goes unchecked.
#[must_use = "a Test does nothing until .run()"]
pub struct Test {
    command: std::process::Command,
    stdin: Vec<u8>,
    within: Option<Duration>,
    expect: Expect,
    /// What a failure names first (the case a loop is on).
    case: Option<String>,
}

/// What a run must end with and show.
struct Expect {
    status: Status,
    stdout: Vec<Text>,
    stderr: Vec<Text>,
}

/// The exit status a run must end with.
enum Status {
    /// One of these: `Some(code)`, or `None` for ended by a signal (or by
    /// the time limit).
    OneOf(Vec<Option<i32>>),
    /// Any exit code, not a signal (the caller checks it, as a table of
    /// runs does).
    AnyCode,
}

/// What standard output or error must hold.
enum Text {
    Is(String),
    Has(String),
    Lacks(String),
}

/// What a run left: its status and its output.
#[derive(Debug)]
pub struct Ran {
    pub status: ExitStatus,
    /// Standard output as text (lossy where it is not UTF-8).
    pub stdout: String,
    pub stderr: String,
    /// Standard output as bytes (a PDF, an image).
    pub bytes: Vec<u8>,
    /// Standard error as bytes.
    pub err_bytes: Vec<u8>,
}

impl Ran {
    fn of(output: Output) -> Ran {
        Ran {
            status: output.status,
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
            bytes: output.stdout,
            err_bytes: output.stderr,
        }
    }
}

impl Test {
    fn of(command: std::process::Command) -> Test {
        Test {
            command,
            stdin: Vec::new(),
            within: None,
            case: None,
            expect: Expect {
                status: Status::OneOf(vec![Some(0)]),
                stdout: Vec::new(),
                stderr: Vec::new(),
            },
        }
    }

    /// Names the case a failure is in (a corpus file, a time zone), for a
    /// test that runs one command over many.
    pub fn case(mut self, case: impl std::fmt::Display) -> Test {
        self.case = Some(case.to_string());
        self
    }

    /// The command as a failure shows it, after the case's name.
    fn shown(&self) -> String {
        match &self.case {
            Some(case) => format!("{case}: {:?}", self.command),
            None => format!("{:?}", self.command),
        }
    }

    pub fn arg(mut self, arg: impl AsRef<OsStr>) -> Test {
        self.command.arg(arg);
        self
    }

    pub fn args<I: IntoIterator<Item = S>, S: AsRef<OsStr>>(mut self, args: I) -> Test {
        self.command.args(args);
        self
    }

    /// Sets a variable (over the sealed ones).
    pub fn env(mut self, name: impl AsRef<OsStr>, value: impl AsRef<OsStr>) -> Test {
        self.command.env(name, value);
        self
    }

    /// Clears a variable the sealed environment sets (`TZ`, `RELAPSE_PLAN_DIR`).
    pub fn env_remove(mut self, name: impl AsRef<OsStr>) -> Test {
        self.command.env_remove(name);
        self
    }

    pub fn current_dir(mut self, dir: impl AsRef<Path>) -> Test {
        self.command.current_dir(dir);
        self
    }

    pub fn stdin(mut self, input: impl Into<Vec<u8>>) -> Test {
        self.stdin = input.into();
        self
    }

    /// The exit code it must end with (default 0).
    pub fn status(mut self, code: i32) -> Test {
        self.expect.status = Status::OneOf(vec![Some(code)]);
        self
    }

    /// It may end with any of `codes`: for a run whose outcome the test
    /// reads afterwards (a save on a nearly full disk saves or fails).
    pub fn status_one_of(mut self, codes: impl IntoIterator<Item = i32>) -> Test {
        self.expect.status = Status::OneOf(codes.into_iter().map(Some).collect());
        self
    }

    /// It must be ended by a signal, not exit.
    pub fn killed(mut self) -> Test {
        self.expect.status = Status::OneOf(vec![None]);
        self
    }

    /// It may be ended by a signal the test sends; if it finishes first, it
    /// must exit 0.
    pub fn ok_or_killed(mut self) -> Test {
        self.expect.status = Status::OneOf(vec![Some(0), None]);
        self
    }

    /// Any exit code will do: the caller checks [`Ran::status`] itself.
    pub fn status_any(mut self) -> Test {
        self.expect.status = Status::AnyCode;
        self
    }

    /// Standard output must be exactly `text`.
    pub fn stdout(mut self, text: impl Into<String>) -> Test {
        self.expect.stdout.push(Text::Is(text.into()));
        self
    }

    /// Standard output must contain `text`.
    pub fn stdout_has(mut self, text: impl Into<String>) -> Test {
        self.expect.stdout.push(Text::Has(text.into()));
        self
    }

    /// Standard output must not contain `text`.
    pub fn stdout_lacks(mut self, text: impl Into<String>) -> Test {
        self.expect.stdout.push(Text::Lacks(text.into()));
        self
    }

    /// Standard error must be exactly `text`.
    pub fn stderr(mut self, text: impl Into<String>) -> Test {
        self.expect.stderr.push(Text::Is(text.into()));
        self
    }

    /// Standard error must contain `text`.
    pub fn stderr_has(mut self, text: impl Into<String>) -> Test {
        self.expect.stderr.push(Text::Has(text.into()));
        self
    }

    /// Standard error must not contain `text`.
    pub fn stderr_lacks(mut self, text: impl Into<String>) -> Test {
        self.expect.stderr.push(Text::Lacks(text.into()));
        self
    }

    /// It must finish within `secs` (a hang is killed and fails the test);
    /// in a pseudo-terminal, each wait for what it shows is limited so.
    pub fn within(mut self, secs: u64) -> Test {
        self.within = Some(Duration::from_secs(secs));
        self
    }

    /// Runs it and checks everything asked for; returns what it left.
    #[track_caller]
    pub fn run(self) -> Ran {
        let shown = self.shown();
        let mut command = assert_cmd::Command::from_std(self.command);
        command.write_stdin(self.stdin);
        if let Some(limit) = self.within {
            command.timeout(limit);
        }
        let started = Instant::now();
        let ran = Ran::of(command.output().expect("run"));
        if let Some(limit) = self.within {
            assert!(
                started.elapsed() < limit,
                "still running after {} s (a hang): {}",
                limit.as_secs(),
                ran.context(&shown)
            );
        }
        self.expect.check(&shown, &ran);
        ran
    }

    /// Starts it beside the test (a lock holder, a pipe's reader, one of
    /// many writers); [`Running::wait`] checks it as [`Test::run`] does.
    pub fn spawn(mut self) -> Running {
        use std::process::Stdio;
        let shown = self.shown();
        let mut child = self
            .command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("could not start {shown}: {e}"));
        let mut stdin = child.stdin.take().expect("stdin");
        let input = std::mem::take(&mut self.stdin);
        // Written beside it, so a large input never blocks the test.
        std::thread::spawn(move || {
            use std::io::Write;
            let _ = stdin.write_all(&input);
        });
        Running {
            child,
            shown,
            expect: self.expect,
        }
    }

    /// Starts it in a pseudo-terminal, as a person at a keyboard would,
    /// with ANSI escapes taken out of what it shows.
    #[cfg(unix)]
    pub fn pty(self) -> Pty {
        self.start_pty(true)
    }

    /// Starts it in a pseudo-terminal, escapes (colour, cursor) kept.
    #[cfg(unix)]
    pub fn pty_raw(self) -> Pty {
        self.start_pty(false)
    }

    #[cfg(unix)]
    fn start_pty(self, strip_ansi: bool) -> Pty {
        let shown = self.shown();
        let limit = self.within.unwrap_or(Duration::from_secs(20));
        let options = rexpect::reader::Options::new()
            .timeout_ms(Some(u64::try_from(limit.as_millis()).unwrap_or(u64::MAX)))
            .strip_ansi_escape_codes(strip_ansi);
        let session = rexpect::session::spawn_with_options(self.command, options)
            .unwrap_or_else(|e| panic!("could not start {shown} in a pty: {e}"));
        Pty {
            session,
            shown,
            expect: self.expect,
            ended: false,
        }
    }
}

impl Ran {
    /// The run named, with its status and output, for a failure message.
    fn context(&self, shown: &str) -> String {
        format!(
            "{shown}\nstatus: {:?}\nstdout:\n{}\nstderr:\n{}",
            self.status, self.stdout, self.stderr
        )
    }
}

impl Expect {
    /// The exit code (`None`: ended by a signal) is one allowed.
    #[track_caller]
    fn check_status(&self, code: Option<i32>, context: impl Fn() -> String) {
        match &self.status {
            Status::OneOf(allowed) => {
                let wanted = |s: &Option<i32>| s.map_or("a signal".to_string(), |c| c.to_string());
                assert!(
                    allowed.contains(&code),
                    "wanted exit status {}: {}",
                    allowed.iter().map(wanted).collect::<Vec<_>>().join(" or "),
                    context()
                );
            }
            Status::AnyCode => assert!(
                code.is_some(),
                "wanted an exit status, not a signal: {}",
                context()
            ),
        }
    }

    #[track_caller]
    fn check(&self, shown: &str, ran: &Ran) {
        let context = || ran.context(shown);
        self.check_status(ran.status.code(), context);
        for (name, got, wanted) in [
            ("stdout", &ran.stdout, &self.stdout),
            ("stderr", &ran.stderr, &self.stderr),
        ] {
            for text in wanted {
                match text {
                    Text::Is(text) => assert_eq!(got, text, "{name}: {}", context()),
                    Text::Has(text) => {
                        assert!(
                            got.contains(text.as_str()),
                            "{name} lacks {text:?}: {}",
                            context()
                        );
                    }
                    Text::Lacks(text) => {
                        assert!(
                            !got.contains(text.as_str()),
                            "{name} has {text:?}: {}",
                            context()
                        );
                    }
                }
            }
        }
    }
}

/// A [`Test`] started with [`Test::spawn`], still running.
#[must_use = "a Running is checked by .wait()"]
pub struct Running {
    child: std::process::Child,
    shown: String,
    expect: Expect,
}

impl Running {
    /// Ends it with `SIGKILL` (it must then allow that: `.killed()` or
    /// `.ok_or_killed()`).
    pub fn kill(&mut self) {
        // It may have finished already; `wait` says how it ended.
        let _ = self.child.kill();
    }

    /// Waits for it to end and checks everything asked for.
    #[track_caller]
    pub fn wait(self) -> Ran {
        let ran = Ran::of(self.child.wait_with_output().expect("wait"));
        self.expect.check(&self.shown, &ran);
        ran
    }
}

/// A [`Test`] running in a pseudo-terminal: drive it with rexpect's
/// `exp_string`, `send` and so on, then end with [`Pty::eof`], which checks
/// the exit status.
#[cfg(unix)]
#[must_use = "a Pty is checked by .eof()"]
pub struct Pty {
    session: rexpect::session::PtySession,
    shown: String,
    expect: Expect,
    /// Whether [`Pty::eof`] checked how it ended.
    ended: bool,
}

#[cfg(unix)]
impl std::ops::Deref for Pty {
    type Target = rexpect::session::PtySession;
    fn deref(&self) -> &Self::Target {
        &self.session
    }
}

#[cfg(unix)]
impl std::ops::DerefMut for Pty {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.session
    }
}

#[cfg(unix)]
impl Pty {
    /// Reads to the end of what it shows, waits for it to exit and checks
    /// the exit status; returns the last of what it showed.
    #[track_caller]
    pub fn eof(&mut self) -> String {
        use rexpect::process::WaitStatus;
        let rest = match self.session.exp_eof() {
            Ok(rest) => rest,
            Err(e) => panic!("{} did not end: {e}", self.shown),
        };
        let code = match self.session.process().wait() {
            Ok(WaitStatus::Exited(_, code)) => Some(code),
            Ok(_) => None,
            Err(e) => panic!("{}: could not wait: {e}", self.shown),
        };
        self.expect.check_status(code, || {
            format!("{}\nended with {code:?}; last shown:\n{rest}", self.shown)
        });
        self.ended = true;
        rest
    }
}

/// A session left running would end unchecked: the test must end it.
#[cfg(unix)]
impl Drop for Pty {
    fn drop(&mut self) {
        // Not while a test is failing already: its own message comes first.
        assert!(
            self.ended || std::thread::panicking(),
            "{} was never ended: end it with .eof() (after Ctrl-C if need be), so its exit status is checked",
            self.shown
        );
    }
}

/// The built relapse-plan binary.
pub fn bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("relapse-plan")
}

pub fn example_plan() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/plan.toml")
}

/// The Chromium on this machine, for the tests that render HTML in a real
/// browser. Missing where CI runs (`CI` or `RELAPSE_PLAN_REQUIRE_BROWSER`
/// set, as `.ci/run` does), it fails the test rather than let it pass
/// unseen; elsewhere the test says it skipped.
pub fn chromium() -> Option<&'static str> {
    let found = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|b| installed(b, "--version"));
    if found.is_none() {
        assert!(
            std::env::var_os("RELAPSE_PLAN_REQUIRE_BROWSER").is_none()
                && std::env::var_os("CI").is_none(),
            "Chromium is needed to test the HTML (install it: apt-get install chromium)"
        );
        eprintln!("skipped: Chromium is not installed");
    }
    found
}

/// A program that prepares or reads what a test needs (pdftotext,
/// Chromium, python3, mkfifo): not the program under test, so it keeps the
/// test runner's own environment. Its exit status is checked like any run.
pub fn tool(program: impl AsRef<OsStr>) -> Test {
    Test::of(std::process::Command::new(program))
}

/// Whether `program` is installed: it runs, and `program ARG` (a version
/// flag) succeeds.
pub fn installed(program: &str, arg: &str) -> bool {
    std::process::Command::new(program)
        .arg(arg)
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Headless Chromium (from [`chromium`]) with its own profile folder in
/// `profile` and nothing that reaches out: add the page and what to do
/// with it (`--dump-dom`, `--print-to-pdf=…`).
pub fn browser(chromium: &str, profile: &Path) -> Test {
    tool(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
}

/// Text written to a terminal or a pipe without the marks relapse-plan
/// adds around numbers in right-to-left lines (left-to-right mark, and
/// override and its end): what a terminal without bidi shows, to assert
/// her words on. The marks themselves are tested in `rtl_screen.rs`.
pub fn unmarked(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, '\u{200e}' | '\u{200f}' | '\u{202d}' | '\u{202c}'))
        .collect()
}

/// The text of a PDF as poppler's pdftotext reads it (reading order, bidi
/// resolved), pages parted by form feeds.
pub fn pdftotext(pdf: &Path) -> String {
    let out = tool("pdftotext")
        .arg(pdf)
        .arg("-")
        .case("pdftotext (poppler-utils) reads the PDF")
        .stderr_lacks("Syntax Error")
        .run();
    String::from_utf8(out.bytes).expect("pdftotext writes UTF-8")
}

/// What poppler's pdfinfo says of a PDF, which must be without a "Syntax
/// Error" (poppler prints those on stderr, and every viewer built on it
/// may show them).
pub fn pdfinfo(pdf: &Path) -> String {
    tool("pdfinfo")
        .arg(pdf)
        .case("pdfinfo (poppler-utils) reads the PDF without a syntax error")
        .stderr_lacks("Syntax Error")
        .run()
        .stdout
}
