//! Homework as files: the assignment a therapist hands over and the
//! hand-in that comes back (both untrusted, read size-limited and refused
//! by name when odd), and the period of work a started assignment covers,
//! loaded from the plan folder for the domain to weigh.

use std::path::Path;

use jiff::tz::TimeZone;
use toml::value::Datetime;

use super::Store;
use super::files::{read_limited_as, within_limit};
use crate::error::{Error, Result};
use crate::plan::Plan;
use crate::plan::homework::{Assignment, HOMEWORK_KIND, HandIn, Started};
use crate::plan::parse::{Document, ParseError};
use crate::plan::period::Period;

/// Reads a homework file a therapist wrote.
pub fn read_assignment(path: &Path) -> Result<Assignment> {
    assignment_from(path, &read_limited_as(path, HOMEWORK)?)
}

const HOMEWORK: &str = "a homework file";

/// What `review --assignment` reads: the homework the reader set. Named
/// so, what goes wrong with it is said to the therapist, never with the
/// client's way on (`homework start`, "the homework file your therapist
/// gave you").
pub const SET_HOMEWORK: &str = "the homework you set";

/// Reads the homework file a therapist gives `review --assignment`.
pub fn read_set_assignment(path: &Path) -> Result<Assignment> {
    assignment_as(path, &read_limited_as(path, SET_HOMEWORK)?, SET_HOMEWORK)
}

/// The homework file `bytes` (from `path`), checked as `homework start`
/// checks it.
pub fn assignment_from(path: &Path, bytes: &[u8]) -> Result<Assignment> {
    assignment_as(path, bytes, HOMEWORK)
}

/// [`assignment_from`], said as `what`.
fn assignment_as(path: &Path, bytes: &[u8], what: &'static str) -> Result<Assignment> {
    let document =
        Document::read(bytes, HOMEWORK_KIND, what).map_err(|source| bad(what, path, source))?;
    let assignment: Assignment = document
        .fields()
        .map_err(|source| bad(what, path, source))?;
    if assignment.tasks.is_empty() {
        return Err(Error::NoTasks {
            path: path.to_path_buf(),
        });
    }
    // Homework `assign` could not have written (see
    // [`Assignment::troubles`]), named at its line.
    match assignment.troubles().into_iter().next() {
        Some(trouble) => Err(bad(
            what,
            path,
            ParseError::AtLine {
                line: document.line_at(&trouble.at),
                message: trouble.words,
            },
        )),
        None => Ok(assignment),
    }
}

const HAND_IN: &str = "a hand-in file";

/// Reads a hand-in file a client wrote, of any version this build knows.
pub fn read_hand_in(path: &Path) -> Result<HandIn> {
    hand_in_from(path, &read_hand_in_bytes(path)?)
}

/// A hand-in's bytes, size-limited, not yet checked (see [`hand_in_from`]):
/// for `review`, which says it is reading a large one before it does.
pub fn read_hand_in_bytes(path: &Path) -> Result<Vec<u8>> {
    read_limited_as(path, HAND_IN)
}

/// The hand-in `bytes` (from `path`), checked as `review` checks it.
pub fn hand_in_from(path: &Path, bytes: &[u8]) -> Result<HandIn> {
    crate::plan::homework::read_hand_in(bytes).map_err(|source| bad(HAND_IN, path, source))
}

/// Refuses a hand-in that `review` would refuse, before `submit` writes
/// it to `path`: the reader `review` uses, the size limit included, so a
/// person never hands their therapist a file that does not open.
pub fn check_hand_in(path: &Path, bytes: &[u8]) -> Result<()> {
    let why = match within_limit(HAND_IN, path, bytes) {
        Err(Error::WouldBeTooLarge { size, limit, .. }) => {
            format!(
                "it would be {}; a hand-in file is at most {}",
                crate::error::size_words(size),
                crate::error::size_words(limit)
            )
        }
        Err(e) => return Err(e),
        Ok(()) => match hand_in_from(path, bytes) {
            Ok(_) => return Ok(()),
            Err(Error::BadFile { source, .. }) => source.to_string(),
            Err(e) => return Err(e),
        },
    };
    Err(Error::HandInWouldNotOpen {
        path: path.to_path_buf(),
        why,
    })
}

fn bad(what: &'static str, path: &Path, source: ParseError) -> Error {
    Error::BadFile {
        what,
        path: path.to_path_buf(),
        source,
    }
}

impl Store {
    /// The period a started assignment covers: practice and check-ins
    /// from the start of the day it was assigned (on the person's
    /// calendar), so what she did between the session and `homework
    /// start` counts (Anjali practised on Tuesday, started on Wednesday,
    /// and saw 0 of 3); started on an earlier day of her own (a
    /// therapist's date ahead of hers), from the start of that day.
    /// Changes to the plan count from the moment the homework was set
    /// (its id says when) when that was later that day: what was saved
    /// after it counts, before `homework start` too (Wei added three
    /// warning signs, started it that evening, and read "0 of 3 … since
    /// 29 November"), and the plan as it stood when it was set (built
    /// together in the session) is not homework done. A homework that
    /// does not say when it was set counts from its start, that day.
    pub fn period_since_start(&self, started: &Started, zone: &TimeZone) -> Result<Period> {
        use crate::plan::date::{date_only, days_from_civil, local_date, unix_seconds};
        let from_start = || {
            self.period(
                started.started_revision,
                started.base.as_ref(),
                &started.started_at,
                zone,
            )
        };
        let Some(assigned) = started.assignment.assigned.date else {
            return from_start();
        };
        let started_on = local_date(&started.started_at, zone);
        let day = match started_on {
            Some(on) if days_from_civil(on) < days_from_civil(assigned) => on,
            _ => assigned,
        };
        // A history that can't be read counts from the start, as before.
        let history = self.history().unwrap_or_default();
        let (before_day, midnight) =
            crate::plan::period::start_of_day(&history, date_only(day), zone);
        let (Some(from), Some(start)) =
            (unix_seconds(&midnight), unix_seconds(&started.started_at))
        else {
            return from_start();
        };
        if from > start {
            return from_start();
        }
        let base = match started.assignment.set_at() {
            // Set later that day (or after it began): the last revision
            // saved by then is the plan it was set on.
            Some(set) if set > from => history
                .iter()
                .filter(|h| {
                    h.saved_at
                        .as_ref()
                        .and_then(unix_seconds)
                        .is_some_and(|t| t <= set)
                })
                .map(|h| h.revision)
                .max()
                .unwrap_or(0)
                .max(before_day),
            // Not known when it was set: started the day it was set (in
            // the session, often), from the start.
            None if started_on == Some(assigned) => started.started_revision,
            Some(_) | None => before_day,
        };
        if base >= started.started_revision {
            return self.period(
                started.started_revision,
                started.base.as_ref(),
                &midnight,
                zone,
            );
        }
        // Revisions saved that day before the start: from the one before
        // them, as it is kept; a history missing it starts at the start.
        if base == 0 {
            return self.period(0, None, &midnight, zone);
        }
        match self.load_revision(base) {
            Ok(plan) => self.period(base, Some(&plan), &midnight, zone),
            Err(_) => from_start(),
        }
    }

    /// The plan, its changes since revision `base` (whose content is
    /// `base_plan` when known), the practice since `since` and the
    /// check-ins from `since`'s day on the person's calendar (in `zone`).
    pub fn period(
        &self,
        base: u64,
        base_plan: Option<&Plan>,
        since: &Datetime,
        zone: &TimeZone,
    ) -> Result<Period> {
        let plan = match self.load() {
            Ok(loaded) => loaded.plan,
            Err(Error::NoPlan { .. }) => Plan::new(String::new(), None),
            Err(e) => return Err(e),
        };
        let before = match (base_plan, base) {
            (Some(plan), _) => plan.clone(),
            (None, 0) => Plan::new(String::new(), None),
            (None, revision) => self.load_revision(revision)?,
        };
        // The revisions found in the folder, never a count between two
        // numbers: a stray file named with twelve digits must not mean a
        // billion steps. One that can't be read is passed over.
        let newest = plan.revision;
        let saved = self
            .revision_numbers()?
            .into_iter()
            .filter(|&r| r > base && r <= newest)
            .filter_map(|r| self.load_revision(r).ok().map(|plan| (r, plan)));
        let check_ins = self.load_check_ins()?.entries;
        Ok(Period::new(
            plan,
            before,
            saved,
            self.load_practice()?,
            check_ins,
            since,
            zone,
        ))
    }

    /// The homework being worked on, or an error saying how to start one.
    pub fn started_homework(&self) -> Result<Started> {
        self.load_homework()?.ok_or(Error::NoHomework)
    }
}
