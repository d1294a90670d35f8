//! The files beside the plan that are not revisions: the wizard's draft,
//! the homework being worked on, and the practice log. Each is written
//! atomically under the lock and refused, not replaced, when damaged.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::Store;
use super::files::{read_optional, sync_dir, through_link, within_limit, write_own};
use crate::error::{Error, Result};
use crate::plan::draft::{self, Draft};
use crate::plan::homework::{STARTED_KIND, Started};
use crate::plan::parse::{ParseError, parse_document, parse_toml};
use crate::plan::rehearsal::{Exercise, PRACTICE_VERSION, PracticeLog, Rehearsal};

const DRAFT_FILE: &str = "draft.toml";
const PRACTICE_FILE: &str = "practice.toml";
const HOMEWORK_FILE: &str = "homework.toml";

impl Store {
    pub fn draft_path(&self) -> PathBuf {
        self.dir.join(DRAFT_FILE)
    }

    /// The unfinished wizard answers, if any.
    pub fn load_draft(&self) -> Result<Option<Draft>> {
        let path = self.draft_path();
        Self::read_draft(&path).map_err(|e| through_link(&path, e))
    }

    fn read_draft(path: &Path) -> Result<Option<Draft>> {
        let path = path.to_path_buf();
        let Some(bytes) = read_optional(&path, "the unfinished plan")? else {
            return Ok(None);
        };
        let draft = draft::parse(&bytes).map_err(|source| Error::BadDraft {
            path: path.clone(),
            source,
        })?;
        // A newer relapse-plan's draft could mean something this one does
        // not know: it is refused, never resumed and rewritten.
        if i64::from(draft.schema_version) > i64::from(draft::DRAFT_VERSION) {
            return Err(Error::BadDraft {
                path,
                source: ParseError::NewerVersion(i64::from(draft.schema_version)),
            });
        }
        Ok(Some(draft))
    }

    /// Saves the wizard's answers so far (after every answer).
    pub fn save_draft(&self, draft: &Draft) -> Result<()> {
        let _lock = self.lock()?;
        let text = draft::to_toml(draft);
        within_limit("the unfinished plan", &self.draft_path(), text.as_bytes())?;
        write_own(&self.dir, &self.draft_path(), text.as_bytes())
    }

    /// Removes the draft once its answers are saved in the plan (or the
    /// person chose to discard them).
    pub fn remove_draft(&self) -> Result<()> {
        let path = self.draft_path();
        match fs::remove_file(&path) {
            Ok(()) => sync_dir(&self.dir),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            Err(source) => Err(Error::Write { path, source }),
        }
    }

    pub fn homework_path(&self) -> PathBuf {
        self.dir.join(HOMEWORK_FILE)
    }

    /// The homework being worked on, if any. One that can't be used is
    /// named as the started homework, with a way out (`homework start
    /// --force` takes its place), never as "a plan file".
    pub fn load_homework(&self) -> Result<Option<Started>> {
        let path = self.homework_path();
        Self::read_homework(&path).map_err(|e| through_link(&path, e))
    }

    /// A started homework kept at `path` (given to `validate`, say), checked
    /// as the one beside the plan is; `None` when there is no file.
    pub fn read_started_homework(path: &Path) -> Result<Option<Started>> {
        Self::read_homework(path)
    }

    fn read_homework(path: &Path) -> Result<Option<Started>> {
        let path = path.to_path_buf();
        let unreadable = |why: String| Error::BadStartedHomework {
            path: path.clone(),
            why,
        };
        let bytes = match read_optional(&path, "your started homework") {
            Ok(Some(bytes)) => bytes,
            Ok(None) => return Ok(None),
            Err(Error::TooLarge { size, limit, .. }) => {
                return Err(unreadable(format!(
                    "it is {}; relapse-plan reads at most {}",
                    crate::error::size_words(size),
                    crate::error::size_words(limit)
                )));
            }
            Err(Error::NotAFile { .. }) => {
                return Err(unreadable("it is not a regular file".into()));
            }
            Err(Error::Read { source, .. }) => {
                return Err(unreadable(crate::error::plain(&source)));
            }
            Err(e) => return Err(e),
        };
        let started: Started = parse_document(&bytes, STARTED_KIND, "started homework")
            .map_err(|source| unreadable(source.to_string()))?;
        // Checked by the rules `homework start` checks the therapist's file
        // by: a copy holding an 8 MB name or an escape sequence is named,
        // never shown, handed in, or counted.
        match started.problems().into_iter().next() {
            Some(why) => Err(unreadable(why)),
            None => Ok(Some(started)),
        }
    }

    /// Keeps a started assignment (replacing any earlier one). The copy of
    /// the plan it carries is only a help (progress is also counted from
    /// the saved revisions), so a plan near the size limit is started
    /// without it rather than written past what can be read back.
    pub fn save_homework(&self, started: &Started) -> Result<()> {
        let _lock = self.lock()?;
        let path = self.homework_path();
        let mut text = toml::to_string_pretty(started).expect("homework always serializes");
        if within_limit("your started homework", &path, text.as_bytes()).is_err() {
            let lean = Started {
                base: None,
                ..started.clone()
            };
            text = toml::to_string_pretty(&lean).expect("homework always serializes");
        }
        within_limit("your started homework", &path, text.as_bytes())?;
        write_own(&self.dir, &path, text.as_bytes())
    }

    pub fn practice_path(&self) -> PathBuf {
        self.dir.join(PRACTICE_FILE)
    }

    /// The practice log; empty when nothing has been practised yet.
    pub fn load_practice(&self) -> Result<PracticeLog> {
        let path = self.practice_path();
        read_practice(&path).map_err(|e| through_link(&path, e))
    }

    /// Adds one rehearsal to the practice log.
    pub fn log_rehearsal(&self, rehearsal: Rehearsal) -> Result<()> {
        self.update_practice(|log| log.rehearsals.push(rehearsal))
    }

    /// Adds one exercise (breathing, urge surfing) to the practice log.
    pub fn log_exercise(&self, exercise: Exercise) -> Result<()> {
        self.update_practice(|log| log.exercises.push(exercise))
    }

    /// Changes the practice log under the lock, so parallel sessions lose
    /// nothing, and writes it atomically.
    fn update_practice(&self, change: impl FnOnce(&mut PracticeLog)) -> Result<()> {
        let _lock = self.lock()?;
        let mut log = self.load_practice()?;
        change(&mut log);
        self.write_practice(&log)
    }

    /// Writes the practice log atomically; only called with the lock held.
    /// A log from a newer relapse-plan is read as far as this one
    /// understands it, but never rewritten: it could mean something else.
    pub(super) fn write_practice(&self, log: &PracticeLog) -> Result<()> {
        if log.version > PRACTICE_VERSION {
            return Err(Error::BadFile {
                what: "the practice log",
                path: self.practice_path(),
                source: ParseError::NewerVersion(log.version),
            });
        }
        let text = toml::to_string_pretty(log).expect("a practice log always serializes");
        within_limit("the practice log", &self.practice_path(), text.as_bytes())?;
        write_own(&self.dir, &self.practice_path(), text.as_bytes())
    }
}

impl Store {
    /// A practice log kept at `path` (given to `validate`), read as the
    /// one beside the plan is.
    pub fn read_practice_file(path: &Path) -> Result<PracticeLog> {
        read_practice(path)
    }
}

fn read_practice(path: &Path) -> Result<PracticeLog> {
    let Some(bytes) = read_optional(path, "the practice log")? else {
        return Ok(PracticeLog::default());
    };
    let log: PracticeLog = parse_toml(&bytes).map_err(|source| Error::BadFile {
        what: "the practice log",
        path: path.to_path_buf(),
        source,
    })?;
    if log.version < 1 {
        return Err(Error::BadFile {
            what: "the practice log",
            path: path.to_path_buf(),
            source: ParseError::BadSchemaVersion(log.version.to_string()),
        });
    }
    Ok(log)
}
