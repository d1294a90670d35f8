//! The integration tests: one binary, one file per feature, all driving the
//! built `relapse-plan` in a sealed environment (see [`Env`]) through one
//! builder, [`Test`]: what goes in, what must come out, then `run()`. The
//! exit status is always checked.

mod architecture;
mod boundary;
mod checkin;
mod citizen;
mod commands;
mod editing;
mod export;
mod history;
mod homework;
mod hostile;
mod local_day;
mod lockscreen;
mod no_terminal;
mod printed_trends;
mod printing;
mod privacy;
mod properties;
mod robustness;
mod snapshots;
mod supporters;
#[cfg(unix)]
mod terminal;
#[cfg(unix)]
mod torture;
mod walk;
mod web;

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{ExitStatus, Output};
use std::time::{Duration, Instant};

use assert_cmd::Command;

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
    /// environment's sealed variables and nothing inherited.
    pub fn sealed(&self, program: impl AsRef<std::ffi::OsStr>) -> std::process::Command {
        let mut cmd = std::process::Command::new(program);
        cmd.env_clear()
            .env("HOME", self.home())
            .env("TZ", "UTC")
            .env("RELAPSE_PLAN_DIR", self.plan_dir())
            .env("RELAPSE_PLAN_NOW", NOW);
        cmd
    }

    /// `sh -c SCRIPT`, sealed, with `"$0"` standing for relapse-plan.
    pub fn shell(&self, script: &str) -> std::process::Command {
        let mut cmd = self.sealed("sh");
        cmd.arg("-c").arg(script).arg(bin());
        cmd
    }

    /// The command, sealed.
    pub fn cmd<I: IntoIterator<Item = S>, S: AsRef<std::ffi::OsStr>>(&self, args: I) -> Command {
        let mut cmd = Command::from_std(self.sealed(bin()));
        cmd.args(args).write_stdin("");
        cmd
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
/// what goes in and what must come out, then [`Test::run`]. Standard input
/// is empty unless given; the exit status must be 0 unless `.status(n)`
/// says otherwise, so no run goes unchecked.
#[must_use = "a Test does nothing until .run()"]
pub struct Test {
    command: std::process::Command,
    stdin: Vec<u8>,
    status: Expected,
    stdout: Vec<Text>,
    stderr: Vec<Text>,
    within: Option<Duration>,
}

/// The exit status a run must end with.
enum Expected {
    Code(i32),
    /// Ended by a signal (or by the time limit), with no exit code.
    Killed,
    /// Any exit code (the caller checks it, as a table of runs does).
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

impl Test {
    fn of(command: std::process::Command) -> Test {
        Test {
            command,
            stdin: Vec::new(),
            status: Expected::Code(0),
            stdout: Vec::new(),
            stderr: Vec::new(),
            within: None,
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
        self.status = Expected::Code(code);
        self
    }

    /// It must be ended by a signal, not exit.
    pub fn killed(mut self) -> Test {
        self.status = Expected::Killed;
        self
    }

    /// Any exit code will do: the caller checks [`Ran::status`] itself.
    pub fn status_any(mut self) -> Test {
        self.status = Expected::AnyCode;
        self
    }

    /// Standard output must be exactly `text`.
    pub fn stdout(mut self, text: impl Into<String>) -> Test {
        self.stdout.push(Text::Is(text.into()));
        self
    }

    /// Standard output must contain `text`.
    pub fn stdout_has(mut self, text: impl Into<String>) -> Test {
        self.stdout.push(Text::Has(text.into()));
        self
    }

    /// Standard output must not contain `text`.
    pub fn stdout_lacks(mut self, text: impl Into<String>) -> Test {
        self.stdout.push(Text::Lacks(text.into()));
        self
    }

    /// Standard error must be exactly `text`.
    pub fn stderr(mut self, text: impl Into<String>) -> Test {
        self.stderr.push(Text::Is(text.into()));
        self
    }

    /// Standard error must contain `text`.
    pub fn stderr_has(mut self, text: impl Into<String>) -> Test {
        self.stderr.push(Text::Has(text.into()));
        self
    }

    /// Standard error must not contain `text`.
    pub fn stderr_lacks(mut self, text: impl Into<String>) -> Test {
        self.stderr.push(Text::Lacks(text.into()));
        self
    }

    /// It must finish within `secs` (a hang is killed and fails the test).
    pub fn within(mut self, secs: u64) -> Test {
        self.within = Some(Duration::from_secs(secs));
        self
    }

    /// Runs it and checks everything asked for; returns what it left.
    #[track_caller]
    pub fn run(self) -> Ran {
        let shown = format!("{:?}", self.command);
        let mut command = assert_cmd::Command::from_std(self.command);
        command.write_stdin(self.stdin);
        if let Some(limit) = self.within {
            command.timeout(limit);
        }
        let started = Instant::now();
        let output: Output = command.output().expect("run");
        let ran = Ran {
            status: output.status,
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
            bytes: output.stdout,
            err_bytes: output.stderr,
        };
        let context = || {
            format!(
                "{shown}\nstatus: {:?}\nstdout:\n{}\nstderr:\n{}",
                ran.status, ran.stdout, ran.stderr
            )
        };
        if let Some(limit) = self.within {
            assert!(
                started.elapsed() < limit,
                "still running after {} s (a hang): {}",
                limit.as_secs(),
                context()
            );
        }
        match self.status {
            Expected::Code(code) => assert_eq!(
                ran.status.code(),
                Some(code),
                "wanted exit status {code}: {}",
                context()
            ),
            Expected::AnyCode => assert!(
                ran.status.code().is_some(),
                "wanted an exit status, not a signal: {}",
                context()
            ),
            Expected::Killed => assert_eq!(
                ran.status.code(),
                None,
                "wanted it ended by a signal: {}",
                context()
            ),
        }
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
        ran
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
        .find(|b| {
            std::process::Command::new(b)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        });
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
