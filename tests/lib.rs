//! The integration tests: one binary, one file per feature, all driving the
//! built `relapse-plan` in a sealed environment (see [`Env`]).

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

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

/// The moment every test runs at.
pub const NOW: &str = "2026-11-22T10:15:00Z";

/// A sealed environment: a temp plan folder and HOME, no inherited
/// variables (no XDG, no `NO_COLOR`, no `COLUMNS`), and a fixed clock.
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

    /// Runs a command that must succeed; returns its stdout.
    #[track_caller]
    pub fn ok<I: IntoIterator<Item = S>, S: AsRef<std::ffi::OsStr>>(&self, args: I) -> String {
        let output = self.cmd(args).output().expect("run");
        assert!(
            output.status.success(),
            "command failed ({:?}):\n{}",
            output.status.code(),
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).expect("utf-8 stdout")
    }

    /// Runs a command that must fail with `code`; returns its stderr.
    #[track_caller]
    pub fn fails<I: IntoIterator<Item = S>, S: AsRef<std::ffi::OsStr>>(
        &self,
        code: i32,
        args: I,
    ) -> String {
        let output: Output = self.cmd(args).output().expect("run");
        assert_eq!(
            output.status.code(),
            Some(code),
            "stdout:\n{}\nstderr:\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stderr).expect("utf-8 stderr")
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

/// The built relapse-plan binary.
pub fn bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("relapse-plan")
}

pub fn example_plan() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/plan.toml")
}
