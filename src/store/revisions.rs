//! The plan and its revisions: load (recovering from the newest revision
//! when plan.toml is missing or behind), save a change as a new revision,
//! restore an old one, and read any revision back.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use toml::value::Datetime;

use super::files::{
    check_revisions_folder, create_private_dir, read_limited, sync_dir, through_link, within_limit,
    write_atomic_via, write_own,
};
use super::{Loaded, PLAN_FILE, Saved, Store};
use crate::error::{Error, Result};
use crate::plan::edit::{Entry, Rename};
use crate::plan::parse::{Parsed, parse, to_toml};
use crate::plan::restored::NumberBack;
use crate::plan::validate::{Problem, validate};
use crate::plan::{Plan, RevisionInfo};

/// How many revisions, newest first, are looked at for one this version
/// can open ([`Store::newest_readable_revision`]).
const READABLE_LOOKS: usize = 200;

impl Store {
    /// The current plan. Recovers from the newest revision when plan.toml is
    /// missing or behind it; a damaged plan.toml is an error, never replaced.
    pub fn load(&self) -> Result<Loaded> {
        let mut loaded = self.load_plan_file()?;
        loaded.warnings.extend(self.conflict_copies().into_iter().map(|name| {
            format!(
                "`{name}` looks like a copy made by a sync tool; relapse-plan uses only `{PLAN_FILE}`. Compare them (`relapse-plan validate {}`), keep what you need, then remove the copy",
                // The whole path, quoted: pasted anywhere, it names the copy
                // (a folder may hold a space, as macOS's does).
                crate::render::rescue::path_word(&self.dir.join(&name))
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
            Err(e) => return Err(through_link(&path, e)),
        };
        let parsed = parse(&bytes).map_err(|source| {
            through_link(
                &path,
                Error::Damaged {
                    path: path.clone(),
                    source,
                },
            )
        })?;
        // One stat in the common case, so reading stays fast however long
        // the history grows.
        let revision = parsed.plan.revision;
        if parsed.newer_schema.is_none() && self.revision_path(revision.saturating_add(1)).exists()
        {
            let newest = self.next_revision(revision)? - 1;
            // Only a file that is exactly its own saved revision may be
            // passed over: anything else holds words that are nowhere else.
            if read_limited(&self.revision_path(revision)).ok().as_deref() != Some(&bytes[..]) {
                return Err(Error::Diverged {
                    path,
                    revision,
                    newest,
                });
            }
            return self.recover(
                newest,
                &format!("`{PLAN_FILE}` still shows revision {revision}, but your newer changes are safe in its history (a save was cut short, by a full disk, say)"),
            );
        }
        Ok(loaded(parsed, path, Vec::new()))
    }

    fn recover(&self, newest: u64, why: &str) -> Result<Loaded> {
        let (revision, parsed) = self.newest_valid_revision(newest)?;
        let warning = format!(
            "{why}; using revision {revision}, which the next change will save as the plan"
        );
        let mut loaded = loaded(parsed, self.revision_path(revision), vec![warning]);
        loaded.recovered = true;
        Ok(loaded)
    }

    /// For the crisis view: the plan if there is one, falling back to the
    /// newest revision that reads cleanly when plan.toml is damaged.
    pub fn load_for_crisis(&self) -> Result<Option<Loaded>> {
        match self.load() {
            // A file that says it is from a newer relapse-plan and holds
            // nothing this one can read for a hard moment (a hand-in copied
            // over the plan, a damaged `schema_version = 9`): `now` showed
            // an empty plan without a word (Trudy). Her last saved plan
            // this version reads is shown instead, and said.
            Ok(newer)
                if newer.newer_schema.is_some()
                    && newer.plan.crisis_steps.is_empty()
                    && newer.plan.contacts.is_empty() =>
            {
                let found = newer.newer_schema.unwrap_or_default();
                match self.newest_readable_revision().and_then(|revision| {
                    let path = self.revision_path(revision);
                    let parsed = parse(&read_limited(&path).ok()?).ok()?;
                    Some((revision, parsed, path))
                }) {
                    Some((revision, parsed, path)) => {
                        let warning = format!(
                            "your plan file says it comes from a newer relapse-plan (schema {found}) and holds nothing this one can show, so this is your last saved plan it can read (revision {revision}); `relapse-plan validate {}` says what the file is",
                            crate::render::rescue::path_word(&self.plan_path())
                        );
                        Ok(Some(loaded(parsed, path, vec![warning])))
                    }
                    None => Ok(Some(newer)),
                }
            }
            Ok(loaded) => Ok(Some(loaded)),
            Err(Error::NoPlan { .. }) => Ok(None),
            Err(error) => {
                // The plan file's own error is the one to show: the
                // revisions folder, unreadable for the same reason, would
                // name only itself.
                let Ok(Some(newest)) = self.newest_revision() else {
                    return Err(error);
                };
                let Ok((revision, parsed)) = self.newest_valid_revision(newest) else {
                    return Err(error);
                };
                // One calm line: the details are for later, with `validate`.
                let _ = error;
                let warning = format!(
                    "your plan file can't be read just now, so this is your last saved plan (revision {revision}); `relapse-plan validate {}` says what to fix",
                    crate::render::rescue::path_word(&self.plan_path())
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

    /// The newest saved revision this version can open (its schema not
    /// newer, and it reads cleanly), for the way back from a plan a newer
    /// relapse-plan wrote. Looks at no more than [`READABLE_LOOKS`]
    /// revisions, newest first, so an error stays quick whatever the
    /// history holds; `None` when none of those will do.
    pub fn newest_readable_revision(&self) -> Option<u64> {
        let numbers = self.revision_numbers().ok()?;
        numbers
            .into_iter()
            .rev()
            .take(READABLE_LOOKS)
            .find(|&revision| {
                read_limited(&self.revision_path(revision))
                    .ok()
                    .and_then(|bytes| parse(&bytes).ok())
                    .is_some_and(|parsed| {
                        parsed.newer_schema.is_none() && parsed.problems.is_empty()
                    })
            })
    }

    /// A newer schema, said about the file it was found in, with the
    /// newest revision this version could bring back.
    fn newer_schema(&self, path: PathBuf, found: i64) -> Error {
        Error::NewerSchema {
            path,
            found,
            readable: self.newest_readable_revision(),
        }
    }

    /// The numbers of every saved revision, oldest first.
    pub fn revision_numbers(&self) -> Result<Vec<u64>> {
        let dir = self.revisions_dir();
        check_revisions_folder(&dir)?;
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
        check_revisions_folder(&self.revisions_dir())?;
        let path = self.revision_path(revision);
        let bytes = match read_limited(&path) {
            Err(Error::Read { source, .. }) if source.kind() == io::ErrorKind::NotFound => {
                return Err(match self.newest_revision()? {
                    Some(newest) => Error::NoRevision { revision, newest },
                    // No revision at all, though the plan has a number:
                    // its history is gone, and that is what is said.
                    None => match self.load().map(|l| l.plan.revision) {
                        Ok(current) if current > 0 => Error::HistoryEmpty {
                            revision,
                            current,
                            folder: self.revisions_dir(),
                        },
                        _ => Error::NoRevision {
                            revision,
                            newest: 0,
                        },
                    },
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
        if let Some(found) = crate::plan::limits::newly_too_long(None, &plan) {
            return Err(Error::TooLong { found });
        }
        self.commit(plan, 1, now, &[])
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
        self.update_locked(now, note, |plan| Ok((change(plan)?, ())), |()| Ok(()))
    }

    /// [`Store::update`] for a change that gives an entry a new id: the
    /// logs beside the plan follow under the same lock (a trigger keeps its
    /// rehearsals and exercises, a coping strategy the check-ins that used
    /// it). The logs are written first, and only once the new plan is
    /// known to be valid: if the save is cut off in between, running the
    /// same rename again finishes it.
    pub fn update_renaming(
        &self,
        now: Datetime,
        note: Option<String>,
        change: impl FnOnce(&mut Plan) -> Result<(String, Option<Rename>)>,
    ) -> Result<Saved> {
        let _lock = self.lock()?;
        self.update_locked(now, note, change, |rename| {
            let Some(rename) = rename else {
                return Ok(());
            };
            // Only the log that holds such ids is read, so a rename never
            // stops at a log it would not change.
            match rename.entry {
                Entry::Trigger => {
                    let mut log = self.load_practice()?;
                    if log.rename(&rename) {
                        self.write_practice(&log)?;
                    }
                }
                Entry::Coping => {
                    let mut log = self.load_check_ins()?;
                    if log.rename(&rename) {
                        self.write_check_ins(&log)?;
                    }
                }
                Entry::Contact => {}
            }
            Ok(())
        })
    }

    /// The body of [`Store::update`], with the lock held; `before_commit`
    /// runs once the new revision is known to be a valid change, with what
    /// else `change` returned beside its description.
    fn update_locked<T>(
        &self,
        now: Datetime,
        note: Option<String>,
        change: impl FnOnce(&mut Plan) -> Result<(String, T)>,
        before_commit: impl FnOnce(T) -> Result<()>,
    ) -> Result<Saved> {
        let current = self.load()?;
        if let Some(found) = current.newer_schema {
            return Err(self.newer_schema(current.path, found));
        }
        let mut plan = current.plan.clone();
        let (description, also) = change(&mut plan)?;
        // Whatever the plan came from (an older file, an old draft), it is
        // saved in the current schema.
        plan.schema_version = plan.schema_needed();
        if plan.content() == current.plan.content() {
            return Ok(Saved::Unchanged(current.plan));
        }
        // The note is part of what is written, so it is checked with the
        // rest; the previous revision's note is not this change's to carry.
        plan.change_note = Some(match note {
            Some(hers) => fold_note(&hers),
            None => crate::plan::note::recorded(&fold_note(&description)),
        });
        // New words over the cap are refused; a long item the plan held
        // before the cap is carried along, so no one is locked out.
        if let Some(found) = crate::plan::limits::newly_too_long(Some(&current.plan), &plan) {
            return Err(Error::TooLong { found });
        }
        let problems = validate(&plan);
        // A change that mends some of a hand-edited file's problems and adds
        // none is saved: otherwise two problems would each wait on the other
        // and no command could mend either (the person would be locked out
        // of their plan unless they edit the file by hand).
        let mends = problems.len() < current.problems.len()
            && problems.iter().all(|p| current.problems.contains(p));
        if !problems.is_empty() && !mends {
            // Problems already in the file are the file's to fix, not this change's.
            let path = (!current.problems.is_empty()).then_some(current.path);
            return Err(Error::Invalid { path, problems });
        }
        before_commit(also)?;
        let kept = self.keep_first_plan_file(&current)?;
        // After a recovery the newest revision file may be unreadable, so
        // number from the first free slot, never from the plan alone.
        let revision = self.next_revision(current.plan.revision.max(kept))?;
        let now = crate::plan::date::dated_for_history(current.plan.saved_at.as_ref(), now);
        self.commit(plan, revision, now, &current.problems)
            .map(Saved::Revision)
    }

    /// A plan.toml written by hand, with no saved revision yet (or an old
    /// plan whose revisions were never kept), is saved as it stands before
    /// the first change, so history starts with what the person wrote,
    /// comments and all. Returns the revision it was kept as (0 when
    /// nothing needed keeping). Only called with the lock held.
    fn keep_first_plan_file(&self, current: &Loaded) -> Result<u64> {
        if current.path != self.plan_path() || !self.revision_numbers()?.is_empty() {
            return Ok(0);
        }
        let bytes = read_limited(&current.path)?;
        let revision = current.plan.revision.max(1);
        // A file that names its own revision is kept byte for byte. One
        // without a number is kept as revision 1 with the number put first,
        // and plan.toml gets the same line first, so the two agree and a
        // cut-off save leaves a plan that reads as that revision.
        let text = if current.plan.revision == revision {
            bytes
        } else {
            let mut numbered = format!("revision = {revision}\n").into_bytes();
            numbered.extend_from_slice(&bytes);
            if parse(&numbered).map(|p| p.plan.revision).ok() != Some(revision) {
                // `revision = 0` written out: the file is kept as read.
                let mut plan = current.plan.clone();
                plan.revision = revision;
                numbered = to_toml(&plan).into_bytes();
            }
            within_limit("your plan", &current.path, &numbered)?;
            self.not_saved(self.write_plan_file(&numbered))?;
            numbered
        };
        // A full disk here is said about the plan, like any save before its
        // commit point, never about a revision file she has not heard of.
        self.not_saved(create_private_dir(&self.revisions_dir()))?;
        self.not_saved(write_atomic_via(
            &self.dir,
            &self.revision_path(revision),
            &text,
        ))?;
        Ok(revision)
    }

    /// A write before the commit point that failed for want of room, said
    /// about the plan (the revision file it failed on is nothing the person
    /// knows); nothing was kept, so "nothing was changed" is true.
    fn not_saved(&self, result: Result<()>) -> Result<()> {
        result.map_err(|error| match error {
            Error::Write { source, .. } if crate::error::disk_full(&source) => {
                Error::PlanNotSaved {
                    dir: self.dir.clone(),
                    why: crate::error::no_room(&source),
                }
            }
            error => error,
        })
    }

    /// Writes plan.toml; a link in its place is replaced, never written
    /// through, and the person is told (see [`write_own`]).
    fn write_plan_file(&self, bytes: &[u8]) -> Result<()> {
        write_own(&self.dir, &self.plan_path(), bytes)
    }

    /// Saves revision `revision` of the plan, returning it as saved. Only
    /// called with the lock held.
    /// `known` are problems the file already had, which a mending change
    /// may leave (see [`Store::update`]); any other problem refuses it.
    fn commit(
        &self,
        mut plan: Plan,
        revision: u64,
        now: Datetime,
        known: &[Problem],
    ) -> Result<Plan> {
        plan.schema_version = plan.schema_needed();
        plan.revision = revision;
        plan.saved_at = Some(now);
        plan.change_note = plan.change_note.as_deref().map(fold_note);
        // Exactly what is about to be written is checked, note and all: a
        // revision that fails validation would refuse every later change.
        let problems = validate(&plan);
        if problems.iter().any(|p| !known.contains(p)) {
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
        self.not_saved(create_private_dir(&self.revisions_dir()))?;
        // The commit point: once the revision file is written (atomically,
        // synced) the change is saved, and is reported so. Before it, a
        // failure leaves no trace; after it, plan.toml and the index are
        // copies the next command brings up to date from the revision, so
        // their failure (a full disk, say) is a notice, never "nothing was
        // changed" about a change that the next command would then adopt.
        self.not_saved(write_atomic_via(&self.dir, &revision_path, text.as_bytes()))?;
        if let Err(error) = self.write_plan_file(text.as_bytes()) {
            // Kept, but not finished: said by this command, as a failure,
            // with what was kept and what was not.
            let _ = self.index_revision(&RevisionInfo::of(&plan));
            let why = match &error {
                Error::Write { source, .. } if crate::error::disk_full(source) => {
                    crate::error::no_room(source)
                }
                _ => crate::error::WRITE_REFUSED,
            };
            return Err(Error::PlanFileBehind {
                path: self.plan_path(),
                revision,
                why,
            });
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
    ) -> Result<(Saved, Option<PathBuf>, Vec<NumberBack>)> {
        let _lock = self.lock()?;
        let old = self.load_revision(revision)?;
        if old.schema_version > crate::plan::SCHEMA_VERSION {
            // Rewriting it under this version would drop what it does not know.
            return Err(
                self.newer_schema(self.revision_path(revision), i64::from(old.schema_version))
            );
        }
        let newest = self.newest_revision()?.unwrap_or(0);
        let mut set_aside = None;
        let mut current = None;
        match self.load() {
            // A plan file from a newer relapse-plan is never written over;
            // once it is moved aside (as the hint says), an older revision
            // may be brought back: the newer ones stay in the history.
            Ok(current) if current.newer_schema.is_some() && self.plan_path().exists() => {
                return Err(
                    self.newer_schema(current.path, current.newer_schema.unwrap_or_default())
                );
            }
            Ok(current) if current.plan.content() == old.content() => {
                return Ok((Saved::Unchanged(current.plan), None, Vec::new()));
            }
            Err(Error::NoPlan { .. }) => {}
            other => {
                if self.plan_path().exists() && !self.plan_file_is_saved() {
                    set_aside = Some(self.set_aside_plan_file(now)?);
                }
                current = other.ok().map(|loaded| loaded.plan);
            }
        }
        let mut plan = old.content();
        // A number she replaced since never comes back unsaid, and the
        // record of her old numbers is kept (Kavya).
        let back = current
            .as_ref()
            .map(|current| plan.carry_numbers_from(current))
            .unwrap_or_default();
        plan.change_note = Some(note.unwrap_or_else(|| format!("restored revision {revision}")));
        let saved = self.commit(plan, self.next_revision(newest)?, now, &[])?;
        Ok((Saved::Revision(saved), set_aside, back))
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
        read_limited(&self.revision_path(parsed.plan.revision)).is_ok_and(|saved| saved == bytes)
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
                Some(base) if base != current.revision || self.edited_since(base, current) => {
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

    /// Whether plan.toml was edited by hand since it was saved as revision
    /// `revision`: it still names that revision, but says something else.
    /// A walk-through saved over it would quietly undo the edit (Trudy put
    /// a friend's new number in by hand; saving `new` brought the old one
    /// back). A revision that can't be read is not taken as a change.
    pub fn edited_since(&self, revision: u64, current: &Plan) -> bool {
        revision != 0
            && current.revision == revision
            && self
                .load_revision(revision)
                .is_ok_and(|saved| saved.content() != current.content())
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
}

/// A change note as one line: line breaks (from `--note`, or a file name
/// that holds one) are folded into " / ", so the note reads as typed and
/// the revision stays valid.
pub fn fold_note(note: &str) -> String {
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
        recovered: false,
    }
}
