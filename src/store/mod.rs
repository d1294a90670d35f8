//! The plan directory: the one place that touches plan files on disk.
//!
//! ```text
//! <dir>/plan.toml             the current revision, readable and editable by hand
//! <dir>/revisions/000001.toml every saved revision, never rewritten
//! <dir>/.lock                 advisory lock held by every read-modify-write
//! ```
//!
//! Every write goes to a temp file in the same folder (0600), is synced,
//! renamed over the target, and the folder is synced, so a crash leaves
//! either the old file or the new one, never half of one. A revision is
//! written before plan.toml, so a crash between the two leaves plan.toml one
//! revision behind, which the next read notices and recovers from.

mod checkins;
mod history;

use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use toml::value::Datetime;

use crate::error::{Error, Result};
use crate::plan::draft::{self, Draft};
use crate::plan::homework::{STARTED_KIND, Started};
use crate::plan::parse::{Parsed, parse, to_toml};
use crate::plan::parse::{parse_document, parse_toml};
use crate::plan::rehearsal::{Exercise, PracticeLog, Rehearsal};
use crate::plan::validate::{Problem, validate};
use crate::plan::{Plan, RevisionInfo};

/// Plan files beyond this size are refused before they are read: a real
/// plan is a few kilobytes, and a huge file is a mistake or an attack.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

const PLAN_FILE: &str = "plan.toml";
const REVISIONS_DIR: &str = "revisions";
const LOCK_FILE: &str = ".lock";
const DRAFT_FILE: &str = "draft.toml";
const PRACTICE_FILE: &str = "practice.toml";
const HOMEWORK_FILE: &str = "homework.toml";
const TEMP_PREFIX: &str = ".relapse-plan-";
const TEMP_SUFFIX: &str = ".tmp";

/// The plan directory.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
}

/// A plan as read, with what the person should be told about it.
#[derive(Debug)]
pub struct Loaded {
    pub plan: Plan,
    /// Where it was read from.
    pub path: PathBuf,
    /// Set when the file comes from a newer relapse-plan: read-only.
    pub newer_schema: Option<i64>,
    /// What validation found in the file as it is.
    pub problems: Vec<Problem>,
    /// One-line notices for stderr (a recovery, say).
    pub warnings: Vec<String>,
}

/// What a change did.
#[derive(Debug)]
pub enum Saved {
    /// The change left the plan as it was, so no revision was written.
    Unchanged(Plan),
    /// A new revision was written.
    Revision(Plan),
}

impl Store {
    /// The store in `dir`; nothing is created until the first save.
    pub fn open_dir(dir: impl Into<PathBuf>) -> Store {
        Store { dir: dir.into() }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn plan_path(&self) -> PathBuf {
        self.dir.join(PLAN_FILE)
    }

    pub(crate) fn revisions_dir(&self) -> PathBuf {
        self.dir.join(REVISIONS_DIR)
    }

    pub fn revision_path(&self, revision: u64) -> PathBuf {
        self.revisions_dir().join(format!("{revision:06}.toml"))
    }

    /// The current plan. Recovers from the newest revision when plan.toml is
    /// missing or behind it; a damaged plan.toml is an error, never replaced.
    pub fn load(&self) -> Result<Loaded> {
        let mut loaded = self.load_plan_file()?;
        loaded.warnings.extend(self.conflict_copies().into_iter().map(|name| {
            format!(
                "`{name}` looks like a copy made by a sync tool; relapse-plan uses only `{PLAN_FILE}`. Compare them (`relapse-plan validate {name}`), keep what you need, then remove the copy"
            )
        }));
        Ok(loaded)
    }

    /// Copies a sync tool (Syncthing, Dropbox, Nextcloud…) left beside the
    /// plan when two devices changed it at once.
    fn conflict_copies(&self) -> Vec<String> {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut names: Vec<String> = entries
            .flatten()
            .filter_map(|e| e.file_name().into_string().ok())
            .filter(|name| {
                let lower = name.to_lowercase();
                lower.starts_with("plan")
                    && lower.contains("conflict")
                    && Path::new(&lower).extension().is_some_and(|e| e == "toml")
            })
            .collect();
        names.sort();
        names
    }

    fn load_plan_file(&self) -> Result<Loaded> {
        let path = self.plan_path();
        let bytes = match read_limited(&path) {
            Ok(bytes) => bytes,
            Err(Error::Read { source, .. }) if source.kind() == io::ErrorKind::NotFound => {
                return match self.newest_revision()? {
                    Some(newest) => self.recover(newest, &format!("`{PLAN_FILE}` was missing")),
                    None => Err(Error::NoPlan {
                        dir: self.dir.clone(),
                    }),
                };
            }
            Err(e) => return Err(e),
        };
        let parsed = parse(&bytes).map_err(|source| Error::Damaged {
            path: path.clone(),
            source,
        })?;
        // One stat in the common case, so reading stays fast however long
        // the history grows.
        let revision = parsed.plan.revision;
        if parsed.newer_schema.is_none() && self.revision_path(revision.saturating_add(1)).exists()
        {
            let newest = self.next_revision(revision)? - 1;
            // Only a file that is exactly its own saved revision may be
            // passed over: anything else holds words that are nowhere else.
            if fs::read(self.revision_path(revision)).ok().as_deref() != Some(&bytes[..]) {
                return Err(Error::Diverged {
                    path,
                    revision,
                    newest,
                });
            }
            return self.recover(
                newest,
                &format!("`{PLAN_FILE}` was at revision {revision}, behind the saved revisions (an interrupted save?)"),
            );
        }
        Ok(loaded(parsed, path, Vec::new()))
    }

    fn recover(&self, newest: u64, why: &str) -> Result<Loaded> {
        let (revision, parsed) = self.newest_valid_revision(newest)?;
        let warning = format!(
            "{why}; using revision {revision}, which the next change will save as the plan"
        );
        Ok(loaded(parsed, self.revision_path(revision), vec![warning]))
    }

    /// For the crisis view: the plan if there is one, falling back to the
    /// newest revision that reads cleanly when plan.toml is damaged.
    pub fn load_for_crisis(&self) -> Result<Option<Loaded>> {
        match self.load() {
            Ok(loaded) => Ok(Some(loaded)),
            Err(Error::NoPlan { .. }) => Ok(None),
            Err(error) => {
                let Some(newest) = self.newest_revision()? else {
                    return Err(error);
                };
                let Ok((revision, parsed)) = self.newest_valid_revision(newest) else {
                    return Err(error);
                };
                // One calm line: the details are for later, with `validate`.
                let _ = error;
                let warning = format!(
                    "your plan file can't be read just now, so this is your last saved plan (revision {revision}); `relapse-plan validate {}` says what to fix",
                    self.plan_path().display()
                );
                Ok(Some(loaded(
                    parsed,
                    self.revision_path(revision),
                    vec![warning],
                )))
            }
        }
    }

    /// The first free revision number after `revision`, from the folder's
    /// listing: bounded work whatever the files are named (a stray
    /// twelve-digit name must never mean counting up to it).
    fn next_revision(&self, revision: u64) -> Result<u64> {
        let mut next = revision.saturating_add(1);
        for n in self.revision_numbers()? {
            if n == next {
                next = next.saturating_add(1);
            } else if n > next {
                break;
            }
        }
        Ok(next)
    }

    /// The newest revision at or below `newest` that reads cleanly, trying
    /// only the revision files that exist.
    fn newest_valid_revision(&self, newest: u64) -> Result<(u64, Parsed)> {
        let mut first_error = None;
        let numbers = self.revision_numbers()?;
        for revision in numbers.into_iter().rev().filter(|&r| r <= newest) {
            let path = self.revision_path(revision);
            match read_limited(&path).and_then(|bytes| {
                parse(&bytes).map_err(|source| Error::Damaged {
                    path: path.clone(),
                    source,
                })
            }) {
                Ok(parsed) => return Ok((revision, parsed)),
                Err(e) => {
                    first_error.get_or_insert(e);
                }
            }
        }
        Err(first_error.unwrap_or(Error::NoPlan {
            dir: self.dir.clone(),
        }))
    }

    /// The numbers of every saved revision, oldest first.
    pub fn revision_numbers(&self) -> Result<Vec<u64>> {
        let dir = self.revisions_dir();
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(source) => return Err(Error::Read { path: dir, source }),
        };
        let mut numbers: Vec<u64> = entries
            .filter_map(|entry| {
                let name = entry.ok()?.file_name();
                let stem = name.to_str()?.strip_suffix(".toml")?;
                stem.bytes()
                    .all(|b| b.is_ascii_digit())
                    .then(|| stem.parse().ok())?
            })
            .collect();
        numbers.sort_unstable();
        Ok(numbers)
    }

    pub(crate) fn newest_revision(&self) -> Result<Option<u64>> {
        Ok(self.revision_numbers()?.last().copied())
    }

    /// One saved revision, exactly as it was saved.
    pub fn load_revision(&self, revision: u64) -> Result<Plan> {
        let path = self.revision_path(revision);
        let bytes = match read_limited(&path) {
            Err(Error::Read { source, .. }) if source.kind() == io::ErrorKind::NotFound => {
                return Err(Error::NoRevision {
                    revision,
                    newest: self.newest_revision()?.unwrap_or(0),
                });
            }
            other => other?,
        };
        parse(&bytes)
            .map(|parsed| parsed.plan)
            .map_err(|source| Error::Damaged { path, source })
    }

    /// Saves a first plan as revision 1; refuses if any plan is already here.
    pub fn create(&self, mut plan: Plan, now: Datetime, note: Option<String>) -> Result<Plan> {
        let _lock = self.lock()?;
        if self.plan_path().exists() || self.newest_revision()?.is_some() {
            let revision = self.load().map_or(0, |l| l.plan.revision);
            return Err(Error::PlanExists {
                dir: self.dir.clone(),
                revision,
            });
        }
        plan.change_note = Some(note.unwrap_or_else(|| "started the plan".into()));
        self.commit(plan, 1, now)
    }

    /// Applies `change` to the current plan and saves the result as a new
    /// revision, all under the lock. `change` returns a description of what
    /// it did, used as the change note unless the person gave one.
    pub fn update(
        &self,
        now: Datetime,
        note: Option<String>,
        change: impl FnOnce(&mut Plan) -> Result<String>,
    ) -> Result<Saved> {
        let _lock = self.lock()?;
        self.update_locked(now, note, change, |_| Ok(()))
    }

    /// [`Store::update`] for a change that renames trigger `from` to `to`:
    /// the practice log follows under the same lock, so the trigger keeps its
    /// rehearsals. The log is written first, and only once the new plan is
    /// known to be valid: if the save is cut off in between, running the
    /// same rename again finishes it.
    pub fn update_renaming_trigger(
        &self,
        now: Datetime,
        note: Option<String>,
        (from, to): (&str, &str),
        change: impl FnOnce(&mut Plan) -> Result<String>,
    ) -> Result<Saved> {
        let _lock = self.lock()?;
        self.update_locked(now, note, change, |_| {
            let mut log = self.load_practice()?;
            let mut renamed = false;
            for r in log.rehearsals.iter_mut().filter(|r| r.trigger == from) {
                r.trigger = to.to_string();
                renamed = true;
            }
            for e in &mut log.exercises {
                if e.trigger.as_deref() == Some(from) {
                    e.trigger = Some(to.to_string());
                    renamed = true;
                }
            }
            if renamed {
                self.write_practice(&log)?;
            }
            Ok(())
        })
    }

    /// The body of [`Store::update`], with the lock held; `before_commit`
    /// runs once the new revision is known to be a valid change.
    fn update_locked(
        &self,
        now: Datetime,
        note: Option<String>,
        change: impl FnOnce(&mut Plan) -> Result<String>,
        before_commit: impl FnOnce(&Plan) -> Result<()>,
    ) -> Result<Saved> {
        let current = self.load()?;
        if let Some(found) = current.newer_schema {
            return Err(Error::NewerSchema {
                path: current.path,
                found,
            });
        }
        let mut plan = current.plan.clone();
        let description = change(&mut plan)?;
        // Whatever the plan came from (an older file, an old draft), it is
        // saved in the current schema.
        plan.schema_version = crate::plan::SCHEMA_VERSION;
        if plan.content() == current.plan.content() {
            return Ok(Saved::Unchanged(current.plan));
        }
        // The note is part of what is written, so it is checked with the
        // rest; the previous revision's note is not this change's to carry.
        plan.change_note = Some(fold_note(&note.unwrap_or(description)));
        let problems = validate(&plan);
        if !problems.is_empty() {
            // Problems already in the file are the file's to fix, not this change's.
            let path = (!current.problems.is_empty()).then_some(current.path);
            return Err(Error::Invalid { path, problems });
        }
        // After a recovery the newest revision file may be unreadable, so
        // number from the first free slot, never from the plan alone.
        let revision = self.next_revision(current.plan.revision)?;
        before_commit(&plan)?;
        self.commit(plan, revision, now).map(Saved::Revision)
    }

    /// Saves revision `revision` of the plan, returning it as saved. Only
    /// called with the lock held.
    fn commit(&self, mut plan: Plan, revision: u64, now: Datetime) -> Result<Plan> {
        plan.schema_version = crate::plan::SCHEMA_VERSION;
        plan.revision = revision;
        plan.saved_at = Some(now);
        plan.change_note = plan.change_note.as_deref().map(fold_note);
        // Exactly what is about to be written is checked, note and all: a
        // revision that fails validation would refuse every later change.
        let problems = validate(&plan);
        if !problems.is_empty() {
            return Err(Error::Invalid {
                path: None,
                problems,
            });
        }
        let text = to_toml(&plan);
        // Never write what could not be read back exactly.
        match parse(text.as_bytes()) {
            Ok(parsed) if parsed.plan == plan => {}
            _ => {
                return Err(Error::Write {
                    path: self.plan_path(),
                    source: io::Error::other(
                        "the plan would not read back the same; this is a bug",
                    ),
                });
            }
        }
        // A plan that could not be read back would lock its owner out.
        within_limit("your plan", &self.plan_path(), text.as_bytes())?;
        let revision_path = self.revision_path(revision);
        if revision_path.exists() {
            return Err(Error::Write {
                path: revision_path,
                source: io::Error::new(
                    io::ErrorKind::AlreadyExists,
                    "revisions are never rewritten",
                ),
            });
        }
        create_private_dir(&self.revisions_dir())?;
        // The commit point: once the revision file is written (atomically,
        // synced) the change is saved, and is reported so. Before it, a
        // failure leaves no trace; after it, plan.toml and the index are
        // copies the next command brings up to date from the revision, so
        // their failure (a full disk, say) is a notice, never "nothing was
        // changed" about a change that the next command would then adopt.
        write_atomic_via(&self.dir, &revision_path, text.as_bytes())?;
        if let Err(error) = write_atomic(&self.plan_path(), text.as_bytes()) {
            eprintln!(
                "note: saved as revision {revision}, but `{PLAN_FILE}` could not be brought up to date ({error}); the next command does it"
            );
            return Ok(plan);
        }
        // The index only saves time: one that falls behind is rebuilt.
        let _ = self.index_revision(&RevisionInfo::of(&plan));
        Ok(plan)
    }

    /// Writes `plan` (an old revision's content) as a new revision. A damaged
    /// plan.toml is first set aside under a new name, byte for byte, so
    /// restoring never destroys what someone typed.
    pub fn restore(
        &self,
        revision: u64,
        now: Datetime,
        note: Option<String>,
    ) -> Result<(Saved, Option<PathBuf>)> {
        let _lock = self.lock()?;
        let old = self.load_revision(revision)?;
        if old.schema_version > crate::plan::SCHEMA_VERSION {
            // Rewriting it under this version would drop what it does not know.
            return Err(Error::NewerSchema {
                path: self.revision_path(revision),
                found: i64::from(old.schema_version),
            });
        }
        let newest = self.newest_revision()?.unwrap_or(0);
        let mut set_aside = None;
        match self.load() {
            Ok(current) if current.newer_schema.is_some() => {
                return Err(Error::NewerSchema {
                    path: current.path,
                    found: current.newer_schema.unwrap_or_default(),
                });
            }
            Ok(current) if current.plan.content() == old.content() => {
                return Ok((Saved::Unchanged(current.plan), None));
            }
            Err(Error::NoPlan { .. }) => {}
            _ => {
                if self.plan_path().exists() && !self.plan_file_is_saved() {
                    set_aside = Some(self.set_aside_plan_file(now)?);
                }
            }
        }
        let mut plan = old.content();
        plan.change_note = Some(note.unwrap_or_else(|| format!("restored revision {revision}")));
        let saved = self.commit(plan, self.next_revision(newest)?, now)?;
        Ok((Saved::Revision(saved), set_aside))
    }

    /// Whether plan.toml is byte for byte one of the saved revisions, so
    /// replacing it loses nothing.
    fn plan_file_is_saved(&self) -> bool {
        let Ok(bytes) = read_limited(&self.plan_path()) else {
            return false;
        };
        let Ok(parsed) = parse(&bytes) else {
            return false;
        };
        fs::read(self.revision_path(parsed.plan.revision)).is_ok_and(|saved| saved == bytes)
    }

    /// Moves plan.toml to a new name beside it, never over another file.
    fn set_aside_plan_file(&self, now: Datetime) -> Result<PathBuf> {
        let stamp = now.to_string().replace([':', '-'], "");
        let mut aside = self.dir.join(format!("plan.kept-{stamp}.toml"));
        let mut n = 2;
        while aside.exists() {
            aside = self.dir.join(format!("plan.kept-{stamp}-{n}.toml"));
            n += 1;
        }
        fs::rename(self.plan_path(), &aside).map_err(|source| Error::Write {
            path: aside.clone(),
            source,
        })?;
        sync_dir(&self.dir)?;
        Ok(aside)
    }

    /// Whether a plan has been saved here.
    pub fn has_plan(&self) -> bool {
        self.plan_path().exists() || self.revision_path(1).exists()
    }

    /// Saves `plan` as the whole new content (a wizard's finished draft):
    /// revision 1 when there is no plan yet, else the next revision.
    pub fn save_whole(
        &self,
        plan: Plan,
        now: Datetime,
        note: Option<String>,
        description: &str,
    ) -> Result<Saved> {
        self.save_whole_onto(plan, None, now, note, description)
    }

    /// Saves a walk-through's `plan`, made from revision `base`: if the plan
    /// moved on since (another command saved in the moment before this
    /// one), the walk-through's changes are brought onto it, under the
    /// lock, so nothing saved in between is lost.
    pub fn save_draft_plan(
        &self,
        plan: Plan,
        base: u64,
        now: Datetime,
        note: Option<String>,
        description: &str,
    ) -> Result<Saved> {
        self.save_whole_onto(plan, Some(base), now, note, description)
    }

    fn save_whole_onto(
        &self,
        plan: Plan,
        base: Option<u64>,
        now: Datetime,
        note: Option<String>,
        description: &str,
    ) -> Result<Saved> {
        if !self.has_plan() {
            return self
                .create(
                    plan,
                    now,
                    Some(note.unwrap_or_else(|| description.to_string())),
                )
                .map(Saved::Revision);
        }
        self.update(now, note, |current| {
            let plan = match base {
                Some(base) if base != current.revision => {
                    let base = self.base_of_draft(base);
                    crate::plan::merge::merge(&base, &plan, current, &[]).map_or(plan, |m| m.plan)
                }
                _ => plan,
            };
            *current = Plan {
                revision: current.revision,
                saved_at: current.saved_at,
                change_note: current.change_note.take(),
                ..plan
            };
            Ok(description.to_string())
        })
    }

    /// The revision a draft was made from, to merge it onto a newer plan:
    /// an empty plan for a draft made before there was one, or when that
    /// revision can no longer be read (then everything in the plan counts as
    /// added since, and is kept).
    pub fn base_of_draft(&self, revision: u64) -> Plan {
        if revision == 0 {
            return Plan::new(String::new(), None);
        }
        self.load_revision(revision)
            .unwrap_or_else(|_| Plan::new(String::new(), None))
    }

    pub fn draft_path(&self) -> PathBuf {
        self.dir.join(DRAFT_FILE)
    }

    /// The unfinished wizard answers, if any.
    pub fn load_draft(&self) -> Result<Option<Draft>> {
        let path = self.draft_path();
        read_optional(&path)?
            .map(|bytes| draft::parse(&bytes).map_err(|source| Error::BadDraft { path, source }))
            .transpose()
    }

    /// Saves the wizard's answers so far (after every answer).
    pub fn save_draft(&self, draft: &Draft) -> Result<()> {
        let _lock = self.lock()?;
        let text = draft::to_toml(draft);
        within_limit("the unfinished plan", &self.draft_path(), text.as_bytes())?;
        write_atomic(&self.draft_path(), text.as_bytes())
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

    /// The homework being worked on, if any.
    pub fn load_homework(&self) -> Result<Option<Started>> {
        let path = self.homework_path();
        read_optional(&path)?
            .map(|bytes| {
                parse_document(&bytes, STARTED_KIND, "started homework").map_err(|source| {
                    Error::BadFile {
                        what: "the started homework",
                        path,
                        source,
                    }
                })
            })
            .transpose()
    }

    /// Keeps a started assignment (replacing any earlier one).
    pub fn save_homework(&self, started: &Started) -> Result<()> {
        let _lock = self.lock()?;
        let text = toml::to_string_pretty(started).expect("homework always serializes");
        write_atomic(&self.homework_path(), text.as_bytes())
    }

    pub fn practice_path(&self) -> PathBuf {
        self.dir.join(PRACTICE_FILE)
    }

    /// The practice log; empty when nothing has been practised yet.
    pub fn load_practice(&self) -> Result<PracticeLog> {
        let path = self.practice_path();
        let Some(bytes) = read_optional(&path)? else {
            return Ok(PracticeLog::default());
        };
        parse_toml(&bytes).map_err(|source| Error::BadFile {
            what: "the practice log",
            path,
            source,
        })
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
    fn write_practice(&self, log: &PracticeLog) -> Result<()> {
        let text = toml::to_string_pretty(log).expect("a practice log always serializes");
        within_limit("the practice log", &self.practice_path(), text.as_bytes())?;
        write_atomic(&self.practice_path(), text.as_bytes())
    }

    /// Takes the advisory lock, creating the folder if needed, and clears
    /// temp files left by a save that was killed part-way. While another
    /// relapse-plan holds it, says so once and waits, for
    /// [`LOCK_WAIT_SECONDS`] at most.
    fn lock(&self) -> Result<File> {
        create_private_dir(&self.dir)?;
        tighten(&self.dir)?;
        if self.revisions_dir().is_dir() {
            tighten(&self.revisions_dir())?;
        }
        let path = self.dir.join(LOCK_FILE);
        refuse_special(&path)?;
        let file = private_options()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(|source| Error::Write {
                path: path.clone(),
                source,
            })?;
        let started = std::time::Instant::now();
        let mut told = false;
        loop {
            match file.try_lock() {
                Ok(()) => break,
                Err(fs::TryLockError::WouldBlock) => {}
                Err(fs::TryLockError::Error(source)) => {
                    return Err(Error::Write { path, source });
                }
            }
            if started.elapsed().as_secs() >= LOCK_WAIT_SECONDS {
                return Err(Error::LockTimeout {
                    path,
                    seconds: LOCK_WAIT_SECONDS,
                });
            }
            if !told {
                // The store's one word to the terminal: silence here would
                // look like a hang.
                eprintln!(
                    "Another relapse-plan is saving your plan just now; waiting for it to finish…"
                );
                told = true;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        // Temp files only ever live in the plan folder itself (see
        // `commit`), so this scan stays small however long the history.
        remove_stale_temps(&self.dir);
        Ok(file)
    }
}

/// How long a save waits for another one to finish: a save takes
/// milliseconds, so this long means something is stuck.
pub const LOCK_WAIT_SECONDS: u64 = 10;

/// Refuses a path that exists and is not a regular file (a FIFO, a device,
/// a folder), before anything opens it: opening a FIFO waits for a writer.
fn refuse_special(path: &Path) -> Result<()> {
    match fs::metadata(path) {
        Ok(meta) if !meta.is_file() => Err(Error::NotAFile {
            path: path.to_path_buf(),
        }),
        _ => Ok(()),
    }
}

/// A change note as one line: line breaks (from `--note`, or a file name
/// that holds one) are folded into " / ", so the note reads as typed and
/// the revision stays valid.
fn fold_note(note: &str) -> String {
    if !note.contains(['\n', '\r', '\u{2028}', '\u{2029}']) {
        return note.to_string();
    }
    note.split(['\n', '\r', '\u{2028}', '\u{2029}'])
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join(" / ")
}

fn loaded(parsed: Parsed, path: PathBuf, warnings: Vec<String>) -> Loaded {
    Loaded {
        plan: parsed.plan,
        path,
        newer_schema: parsed.newer_schema,
        problems: parsed.problems,
        warnings,
    }
}

/// Reads a whole file, refusing anything that is not a regular file or is
/// larger than [`MAX_FILE_BYTES`] before reading it.
pub fn read_limited(path: &Path) -> Result<Vec<u8>> {
    let read_error = |source| Error::Read {
        path: path.to_path_buf(),
        source,
    };
    refuse_special(path)?;
    // Non-blocking as well, for a FIFO swapped in after the check above.
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(read_error)?;
    let meta = file.metadata().map_err(read_error)?;
    if !meta.is_file() {
        return Err(Error::NotAFile {
            path: path.to_path_buf(),
        });
    }
    let too_large = |size| Error::TooLarge {
        path: path.to_path_buf(),
        size,
        limit: MAX_FILE_BYTES,
    };
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large(meta.len()));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(read_error)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Refuses to write what [`read_limited`] would then refuse to read: a save
/// that crossed the limit would lock the person out of their own file.
pub(crate) fn within_limit(what: &'static str, path: &Path, bytes: &[u8]) -> Result<()> {
    let size = bytes.len() as u64;
    if size > MAX_FILE_BYTES {
        return Err(Error::WouldBeTooLarge {
            what,
            path: path.to_path_buf(),
            size,
            limit: MAX_FILE_BYTES,
        });
    }
    Ok(())
}

/// Whether a `-o` path means standard output (`-`, as in most
/// command-line tools).
pub fn is_stdout(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Checks a file named with `-o` before any work is done: never a file in
/// the plan's folder (plan.toml, a revision that is never rewritten), never
/// a folder. One check for every command that writes a file.
pub fn check_output(plan_dir: &Path, path: &Path) -> Result<()> {
    if inside_folder(plan_dir, path) {
        return Err(Error::Usage(format!(
            "`{}` is inside your plan's folder, which holds only the plan and its history: choose a file somewhere else",
            path.display()
        )));
    }
    if fs::metadata(path).is_ok_and(|meta| meta.is_dir()) {
        let example = match path.extension() {
            Some(_) => path.to_path_buf(),
            None => path.join("my-crisis-plan"),
        };
        return Err(Error::Usage(format!(
            "`{}` is a folder: name the file to write in it, like `{}`",
            path.display(),
            example.display()
        )));
    }
    Ok(())
}

/// Writes what a command made to the file named with `-o`, checked as
/// [`check_output`] does. A device or a FIFO (`/dev/null`, `>(gpg -e)`) is
/// written directly, never replaced by a regular file; a regular file is
/// replaced atomically, so a reader never sees half of it.
pub fn write_output(plan_dir: &Path, path: &Path, bytes: &[u8]) -> Result<()> {
    check_output(plan_dir, path)?;
    match fs::metadata(path) {
        Ok(meta) if !meta.is_file() => {
            let write_error = |source| Error::Write {
                path: path.to_path_buf(),
                source,
            };
            let mut file = fs::OpenOptions::new()
                .write(true)
                .open(path)
                .map_err(write_error)?;
            file.write_all(bytes).map_err(write_error)?;
            file.flush().map_err(write_error)
        }
        _ => write_atomic(path, bytes),
    }
}

/// Whether `path` would land in `dir` (after following links).
fn inside_folder(dir: &Path, path: &Path) -> bool {
    let Ok(dir) = dir.canonicalize() else {
        return false;
    };
    let lands_in = |p: &Path| p.canonicalize().is_ok_and(|p| p.starts_with(&dir));
    lands_in(parent_of(path)) || lands_in(path)
}

/// A file's bytes, or `None` when it does not exist (yet).
fn read_optional(path: &Path) -> Result<Option<Vec<u8>>> {
    match read_limited(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(Error::Read { source, .. }) if source.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// Writes a file atomically with owner-only permissions: temp file in the
/// same folder, fsync, rename over the target, fsync the folder.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomic_via(parent_of(path), path, bytes)
}

/// The folder a file is in; "." for a bare file name.
fn parent_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// [`write_atomic`] with the temp file in `temp_dir` (same file system), so
/// a folder that grows large never needs scanning for leftovers.
pub(crate) fn write_atomic_via(temp_dir: &Path, path: &Path, bytes: &[u8]) -> Result<()> {
    let write_error = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    let dir = temp_dir;
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMP_PREFIX).suffix(TEMP_SUFFIX);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o600));
    }
    let mut temp = builder.tempfile_in(dir).map_err(write_error)?;
    temp.write_all(bytes).map_err(write_error)?;
    temp.as_file().sync_all().map_err(write_error)?;
    temp.persist(path).map_err(|e| write_error(e.error))?;
    let target_dir = parent_of(path);
    if target_dir != dir {
        sync_dir(target_dir)?;
    }
    sync_dir(dir)
}

/// Creates a folder readable by its owner alone (0700), whatever the umask.
/// An existing folder is left as it is: it may be one the person chose.
pub fn create_private_dir(dir: &Path) -> Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let write_error = |source| Error::Write {
        path: dir.to_path_buf(),
        source,
    };
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir).map_err(write_error)?;
    #[cfg(unix)]
    {
        // The mode above is filtered by the umask; set it outright.
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700)).map_err(write_error)?;
    }
    Ok(())
}

/// Makes a plan folder readable by its owner alone (0700) when it was left
/// open to others (0755, 0777): the plan says it is private, and every save
/// keeps it so.
fn tighten(dir: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let meta = fs::metadata(dir).map_err(|source| Error::Read {
            path: dir.to_path_buf(),
            source,
        })?;
        if meta.permissions().mode() & 0o077 != 0 {
            fs::set_permissions(dir, fs::Permissions::from_mode(0o700)).map_err(|source| {
                Error::Write {
                    path: dir.to_path_buf(),
                    source,
                }
            })?;
        }
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

pub(crate) fn private_options() -> fs::OpenOptions {
    #[allow(unused_mut)] // mutated on Unix only
    let mut options = fs::OpenOptions::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options
}

/// Makes a rename durable: on Unix the folder entry itself must be synced.
fn sync_dir(dir: &Path) -> Result<()> {
    #[cfg(unix)]
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|source| Error::Write {
            path: dir.to_path_buf(),
            source,
        })?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// Removes temp files left by a killed save. Only called under the lock, so
/// no other save can be writing them.
fn remove_stale_temps(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX) {
            let _ = fs::remove_file(entry.path());
        }
    }
}
