//! The check-in log beside the plan: `check-ins.toml` (every day, its own
//! `version`, unknown keys kept) and `check-ins.recent.toml`, the last few
//! weeks of it, rewritten with every check-in so `now` and `show` can look
//! for an early warning without reading years of history; and
//! `check-ins.waiting.toml`, where a check-in waits while the log can't be
//! written (a hand edit it does not understand), until the log is mended.

use std::path::{Path, PathBuf};

use super::Store;
use super::files::{read_optional, through_link, within_limit, write_own};
use crate::error::{Error, Result};
use crate::plan::checkin::{CHECK_IN_VERSION, CheckInLog};
use crate::plan::early_warning::MAX_LOOK_BACK;
use crate::plan::parse::{ParseError, parse_toml};

const CHECK_INS_FILE: &str = "check-ins.toml";
const RECENT_FILE: &str = "check-ins.recent.toml";
const WAITING_FILE: &str = "check-ins.waiting.toml";

impl Store {
    pub fn check_ins_path(&self) -> PathBuf {
        self.dir().join(CHECK_INS_FILE)
    }

    pub fn recent_check_ins_path(&self) -> PathBuf {
        self.dir().join(RECENT_FILE)
    }

    /// Every check-in; empty when there are none yet. A log from a newer
    /// relapse-plan is read as far as this one understands it.
    pub fn load_check_ins(&self) -> Result<CheckInLog> {
        read_log(&self.check_ins_path())
    }

    /// The last weeks of check-ins, enough for the early warning: from the
    /// small summary when it is there, else from the whole log.
    pub fn load_recent_check_ins(&self) -> Result<CheckInLog> {
        let path = self.recent_check_ins_path();
        match read_optional(&path, CHECK_IN_LOG)? {
            Some(_) => read_log(&path),
            None => Ok(self.load_check_ins()?.recent(usize::from(MAX_LOOK_BACK))),
        }
    }

    /// Changes the log under the lock and writes it and its summary
    /// atomically. A log from a newer relapse-plan, or one with problems,
    /// is never rewritten.
    pub fn update_check_ins<R>(&self, change: impl FnOnce(&mut CheckInLog) -> R) -> Result<R> {
        let _lock = self.lock()?;
        let mut log = self.load_check_ins()?;
        refuse_newer(&log, self.check_ins_path())?;
        let result = change(&mut log);
        self.write_check_ins(&log)?;
        Ok(result)
    }

    /// Where a check-in waits while the log can't take it.
    pub fn waiting_check_ins_path(&self) -> PathBuf {
        self.dir().join(WAITING_FILE)
    }

    /// [`Store::update_check_ins`] for a new check-in, which is never
    /// refused for the log's sake: a person in distress must still be
    /// able to check in (Linh's client, issue 12). When the log can't be
    /// read or written as it is (a key typed into it by hand, a newer
    /// version), it is left byte for byte as it is and the change is made
    /// to `check-ins.waiting.toml` instead; the error says why, beside
    /// the result. Once the log reads again, the check-ins waiting are
    /// joined to it (as a second check-in of their day is) at the next
    /// check-in, and the waiting file is removed.
    pub fn update_check_ins_or_wait<R>(
        &self,
        change: impl FnOnce(&mut CheckInLog) -> R,
    ) -> Result<(R, Option<Error>)> {
        let _lock = self.lock()?;
        let waiting_path = self.waiting_check_ins_path();
        let log = self
            .load_check_ins()
            .and_then(|log| refuse_newer(&log, self.check_ins_path()).map(|()| log));
        match log {
            Ok(mut log) => {
                let waiting = read_optional(&waiting_path, CHECK_IN_LOG)?.is_some();
                if waiting {
                    for entry in read_log(&waiting_path)?.entries {
                        log.join(entry);
                    }
                }
                let result = change(&mut log);
                self.write_check_ins(&log)?;
                // Written into the log (the commit point), the waiting
                // ones are there: joined again, they would change nothing.
                if waiting {
                    let _ = std::fs::remove_file(&waiting_path);
                }
                Ok((result, None))
            }
            Err(why @ Error::BadFile { .. }) => {
                let mut waiting = read_log(&waiting_path)?;
                let result = change(&mut waiting);
                let text =
                    toml::to_string_pretty(&waiting).expect("a check-in log always serializes");
                within_limit(CHECK_IN_LOG, &waiting_path, text.as_bytes())?;
                write_own(&self.dir, &waiting_path, text.as_bytes())?;
                Ok((result, Some(why)))
            }
            Err(other) => Err(other),
        }
    }

    /// Writes the log and its summary atomically; only called with the
    /// lock held. A log from a newer relapse-plan is never rewritten.
    pub(super) fn write_check_ins(&self, log: &CheckInLog) -> Result<()> {
        let path = self.check_ins_path();
        refuse_newer(log, path.clone())?;
        let text = toml::to_string_pretty(log).expect("a check-in log always serializes");
        within_limit("the check-in log", &path, text.as_bytes())?;
        // The log is the commit point: once it is written the check-in is
        // saved, and nothing after it may say otherwise (a retry would count
        // the day twice).
        write_own(&self.dir, &path, text.as_bytes())?;
        let recent = log.recent(usize::from(MAX_LOOK_BACK));
        let text = toml::to_string_pretty(&recent).expect("a check-in log always serializes");
        let summary = self.recent_check_ins_path();
        if write_own(&self.dir, &summary, text.as_bytes()).is_err() {
            // The summary is only a quicker way to read the log's last weeks:
            // when it can't be written (a full disk), an old one is removed so
            // readers fall back to the log itself, never to stale days.
            // Removing needs no room; if even that fails the next check-in
            // with room rewrites it.
            let _ = std::fs::remove_file(&summary);
        }
        Ok(())
    }
}

fn refuse_newer(log: &CheckInLog, path: PathBuf) -> Result<()> {
    if log.version > CHECK_IN_VERSION {
        return Err(Error::BadFile {
            what: "the check-in log",
            path,
            source: ParseError::NewerVersion(log.version),
        });
    }
    Ok(())
}

/// What the check-in logs are called when one is too large to read.
const CHECK_IN_LOG: &str = "the check-in log";

fn read_log(path: &Path) -> Result<CheckInLog> {
    parse_log(path).map_err(|e| through_link(path, e))
}

fn parse_log(path: &Path) -> Result<CheckInLog> {
    let path = path.to_path_buf();
    let Some(bytes) = read_optional(&path, CHECK_IN_LOG)? else {
        return Ok(CheckInLog::default());
    };
    let log: CheckInLog = parse_toml(&bytes).map_err(|source| Error::BadFile {
        what: "the check-in log",
        path: path.clone(),
        source,
    })?;
    if log.version < 1 {
        return Err(Error::BadFile {
            what: "the check-in log",
            path,
            source: ParseError::BadSchemaVersion(log.version.to_string()),
        });
    }
    // At its line, as a hand-in's check-in problems are.
    if let Some(trouble) = log.troubles().into_iter().next() {
        use crate::plan::validate::Step;
        let at = [
            Step::Key("check_ins".into()),
            Step::Entry(trouble.entry),
            Step::Key(trouble.field),
        ];
        return Err(Error::BadFile {
            what: "the check-in log",
            path,
            source: ParseError::AtLine {
                line: crate::plan::parse::line_in(&bytes, &at),
                message: trouble.words,
            },
        });
    }
    Ok(log)
}

impl super::Store {
    /// A check-in log kept at `path` (given to `validate`), read and
    /// checked as the one beside the plan is.
    pub fn read_check_in_file(path: &Path) -> Result<CheckInLog> {
        parse_log(path)
    }
}
