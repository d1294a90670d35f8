//! Therapist homework: an assignment of tasks from a fixed list, the
//! client's progress on it (always computed from the plan and the practice
//! log, never ticked by hand), and the hand-in file that goes back.

use std::collections::{HashMap, HashSet};
use std::fmt;

use serde::{Deserialize, Serialize};
use toml::value::{Date, Datetime};

use super::checkin::{CheckIn, CheckInLog};
use super::date::{date_only, days_from_civil, unix_seconds, utc_from_unix};
use super::diff::Change;
use super::edit::Entry;
use super::parse::ParseError;
use super::rehearsal::{ExerciseKind, PracticeLog};
use super::validate::Step;
use super::{Plan, Role, Section, priority};

/// The format version of homework files (and of started homework).
pub const HOMEWORK_VERSION: u32 = 1;
/// The format version of hand-ins. 2 added the check-ins; 3 stores each
/// revision's changes as typed changes (`[[revisions.changes]]`) instead of
/// sentences; 4 adds one kind of change, a rename (`change = "renamed"`),
/// which version 3 could not read; 5 adds the client's time zone
/// (`zone`), so a therapist elsewhere reads the client's days as the
/// client's; 6 adds `replaces`, the moment of the hand-in a second one
/// replaces, and is written only by such a hand-in (a first one stays 5,
/// so a therapist on an older relapse-plan still reads it). Versions 1 to
/// 5 still open; a newer one is refused.
pub const HAND_IN_VERSION: u32 = 6;
/// The version a hand-in with no `replaces` is written as.
const FIRST_HAND_IN_VERSION: u32 = 5;
/// The longest time-zone name a hand-in may give (the longest in the
/// zone database is about 30 characters).
pub const MAX_ZONE_CHARS: usize = 64;
/// The most check-ins a hand-in may carry: a little over a year of days.
/// `submit` hands in the newest this many; a file with more came from
/// somewhere else.
pub const MAX_HAND_IN_CHECK_INS: usize = 400;
/// What a homework file says it is, so a hand-in or plan is not taken for one.
pub const HOMEWORK_KIND: &str = "relapse-plan-homework";
/// What a hand-in file says it is.
pub const HAND_IN_KIND: &str = "relapse-plan-hand-in";

/// An assignment, as the therapist writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assignment {
    pub schema_version: u32,
    pub kind: String,
    /// Identifies this assignment, so a hand-in can be matched to it.
    pub id: String,
    pub therapist: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client: Option<String>,
    pub assigned: Datetime,
    pub due: Datetime,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    pub tasks: Vec<Task>,
}

/// An assignment the client has started: kept as homework.toml in the
/// plan folder, with where the plan and practice stood at the start.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Started {
    pub schema_version: u32,
    pub kind: String,
    pub started_at: Datetime,
    /// The plan revision when it was started (0: there was no plan).
    pub started_revision: u64,
    pub assignment: Assignment,
    /// The plan as it was when started, kept here (never in the hand-in)
    /// so progress counts what changed even if old revisions are missing.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::parse::embedded_plan_opt"
    )]
    pub base: Option<Plan>,
    /// When it was handed in (`homework submit` wrote the hand-in to a
    /// file): from then on it is finished, and starting the next homework
    /// loses nothing (Anjali was warned her work would be lost after she
    /// had handed it in).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handed_in: Option<Datetime>,
}

/// The day the computer's clock must at least have reached, when it says
/// an earlier one: the homework was assigned on that day, or started then
/// (`started`, the person's local day it was started, if it was). One rule
/// with the saves' ([`super::date::dated_after`]): a clock set back is said
/// in words, and no count of days is made from it, so no screen shows
/// "10 days left" of a 7-day homework or a check-in that "does not count".
pub fn clock_behind(assignment: &Assignment, started: Option<Date>, today: Date) -> Option<Date> {
    let known = assignment
        .assigned
        .date
        .into_iter()
        .chain(started)
        .max_by_key(|d| days_from_civil(*d))?;
    (days_from_civil(today) < days_from_civil(known)).then_some(known)
}

/// What homework.toml says it is.
pub const STARTED_KIND: &str = "relapse-plan-homework-started";

/// One task, with how many it asks for.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Task {
    pub task: TaskKind,
    /// How many (triggers, contacts, steps, exercises…); for
    /// `rehearse-top`, how many of the riskiest triggers.
    #[serde(default = "one")]
    pub count: u32,
    /// For `rehearse-top`: how many times each.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub times: Option<u32>,
}

fn one() -> u32 {
    1
}

/// The fixed list of tasks a therapist can assign.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TaskKind {
    MapTriggers,
    RankTriggers,
    AddHelpContacts,
    WriteCrisisSteps,
    RehearseTop,
    PractiseUrgeSurfing,
    PractiseBreathing,
    ReviewSaferEnvironment,
    WriteLapsePlan,
    AddReasons,
    AddWarningSigns,
    CheckIn,
}

impl TaskKind {
    pub const ALL: [TaskKind; 12] = [
        TaskKind::MapTriggers,
        TaskKind::RankTriggers,
        TaskKind::AddHelpContacts,
        TaskKind::WriteCrisisSteps,
        TaskKind::RehearseTop,
        TaskKind::PractiseUrgeSurfing,
        TaskKind::PractiseBreathing,
        TaskKind::ReviewSaferEnvironment,
        TaskKind::WriteLapsePlan,
        TaskKind::AddReasons,
        TaskKind::AddWarningSigns,
        TaskKind::CheckIn,
    ];

    /// The name in files and on the command line.
    pub fn key(self) -> &'static str {
        match self {
            TaskKind::MapTriggers => "map-triggers",
            TaskKind::RankTriggers => "rank-triggers",
            TaskKind::AddHelpContacts => "add-help-contacts",
            TaskKind::WriteCrisisSteps => "write-crisis-steps",
            TaskKind::RehearseTop => "rehearse-top",
            TaskKind::PractiseUrgeSurfing => "practise-urge-surfing",
            TaskKind::PractiseBreathing => "practise-breathing",
            TaskKind::ReviewSaferEnvironment => "review-safer-environment",
            TaskKind::WriteLapsePlan => "write-lapse-plan",
            TaskKind::AddReasons => "add-reasons",
            TaskKind::AddWarningSigns => "add-warning-signs",
            TaskKind::CheckIn => "check-in",
        }
    }

    pub fn parse(key: &str) -> Option<TaskKind> {
        TaskKind::ALL.iter().copied().find(|k| k.key() == key)
    }
}

/// The most tasks one assignment may hold: `assign` offers twelve kinds,
/// so a file asking for more came from somewhere else.
pub const MAX_TASKS: usize = 50;

/// The largest count (or times) a task may ask for, as `assign` allows.
pub const MAX_COUNT: u32 = 100;

/// The longest name (therapist, client) a homework file may hold, in
/// characters, as for a contact's name from a vCard.
pub const MAX_NAME_CHARS: usize = 200;
/// The longest note a homework file may hold: a few paragraphs.
pub const MAX_NOTE_CHARS: usize = 4000;
/// The longest id: `assign` writes about forty characters.
pub const MAX_ID_CHARS: usize = 200;

/// What is wrong with one of the words in an assignment (a name, the note,
/// the id), by the one rule `assign` writes them with and every reader of
/// them checks them by: the therapist's file at `start`, the copy kept in
/// the plan folder, and the hand-in at `review`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flaw {
    /// Longer than this many characters.
    TooLong(usize),
    /// A line break where one line belongs.
    LineBreak,
    /// A control character: an escape sequence would reach the other
    /// person's terminal.
    Control,
    /// Nothing, or only spaces, where a name belongs.
    Blank,
}

impl Flaw {
    /// The flaw of `what` ("the therapist's name"), in plain words.
    pub fn describe(self, what: &str) -> String {
        match self {
            Flaw::TooLong(max) => format!("{what} is longer than {max} characters"),
            Flaw::LineBreak => format!("{what} holds a line break"),
            Flaw::Control => {
                format!("{what} holds a control character (such as an escape)")
            }
            Flaw::Blank => format!("{what} is empty"),
        }
    }

    /// What the one who writes it (the therapist, at `assign`) does about it.
    fn fix(self) -> &'static str {
        match self {
            Flaw::TooLong(_) => "give it shorter",
            Flaw::LineBreak => "give the name on one line",
            Flaw::Control => "give it as plain text",
            Flaw::Blank => "give a name",
        }
    }
}

/// The flaw of a word that stays on one line: a name or the id.
fn one_line_flaw(text: &str, max: usize) -> Option<Flaw> {
    if text.chars().nth(max).is_some() {
        Some(Flaw::TooLong(max))
    } else if text.contains(['\n', '\r', '\u{2028}', '\u{2029}']) {
        Some(Flaw::LineBreak)
    } else if text.chars().any(char::is_control) {
        Some(Flaw::Control)
    } else {
        None
    }
}

/// The flaw of a name: blank (a homework from "" or "   " says from whom
/// to no one), or one of [`one_line_flaw`]'s.
fn name_flaw(name: &str) -> Option<Flaw> {
    if name.trim().is_empty() {
        Some(Flaw::Blank)
    } else {
        one_line_flaw(name, MAX_NAME_CHARS)
    }
}

/// The flaw of the note, which may have lines of its own (ended `\r\n`
/// too, as a homework file saved on Windows ends them).
fn note_flaw(note: &str) -> Option<Flaw> {
    if note.chars().nth(MAX_NOTE_CHARS).is_some() {
        Some(Flaw::TooLong(MAX_NOTE_CHARS))
    } else if note
        .replace("\r\n", "\n")
        .chars()
        .any(|c| c.is_control() && c != '\n')
    {
        Some(Flaw::Control)
    } else {
        None
    }
}

/// Why a name (`what`: "--therapist") can't go in a homework file, said
/// to the therapist writing it: too long, a line break, or a control
/// character (an escape sequence would reach the other person's terminal).
pub fn name_problem(what: &str, name: &str) -> Option<String> {
    one_line_flaw(name, MAX_NAME_CHARS).map(|f| format!("{}: {}", f.describe(what), f.fix()))
}

/// Why a note can't go in a homework file, said to the therapist.
pub fn note_problem(what: &str, note: &str) -> Option<String> {
    note_flaw(note).map(|f| format!("{}: {}", f.describe(what), f.fix()))
}

/// The latest a homework may be due: a year (and a day, for a leap
/// year) after it was assigned. `assign` writes no later one, so a file
/// due in 9999 came from somewhere else.
pub const MAX_DAYS_DUE: i64 = 366;

/// The years a homework's days may fall in: relapse-plan dates homework
/// from today, so a day in 1900 or 9999 is a hand edit, and counting days
/// from it says "46352 days past due".
pub const YEARS: std::ops::RangeInclusive<i64> = 2000..=2199;

/// One thing wrong in an assignment, with where it is written (the path
/// of keys and entries from the assignment's table), so a reader with the
/// file can name its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trouble {
    pub at: Vec<Step>,
    pub words: String,
}

impl Trouble {
    fn new(at: &[Step], words: String) -> Trouble {
        Trouble {
            at: at.to_vec(),
            words,
        }
    }
}

fn key(name: &str) -> Step {
    Step::Key(name.to_string())
}

impl Assignment {
    /// What makes an assignment from an untrusted file one that `assign`
    /// could not have written, in words; see [`Assignment::troubles`].
    pub fn problems(&self) -> Vec<String> {
        self.troubles().into_iter().map(|t| t.words).collect()
    }

    /// What makes an assignment from an untrusted file one that `assign`
    /// could not have written, each with where it is: words it would
    /// refuse (megabytes of name, an escape sequence in it), too many
    /// tasks, counts past what it allows (a `map-triggers` of 4294967295
    /// would be homework no one finishes), days it would not write (due
    /// before it was assigned, in 1900 or 9999), and homework no one can
    /// do (5 check-ins in 3 days). A bidi control or a zero-width
    /// character is no reason: `assign` takes those, and they are shown
    /// written out (and `homework start` says so, see [`hidden_in_names`]).
    pub fn troubles(&self) -> Vec<Trouble> {
        let mut problems: Vec<Trouble> = [
            (
                "therapist",
                "the therapist's name",
                name_flaw(&self.therapist),
            ),
            (
                "client",
                "the client's name",
                self.client.as_deref().and_then(name_flaw),
            ),
            ("note", "the note", note_flaw(&self.note)),
            ("id", "the id", one_line_flaw(&self.id, MAX_ID_CHARS)),
        ]
        .into_iter()
        .filter_map(|(field, what, flaw)| {
            flaw.map(|flaw| {
                let words = match flaw {
                    Flaw::TooLong(_) => format!(
                        "{}, more than `homework assign` writes",
                        flaw.describe(what)
                    ),
                    _ => format!(
                        "{}, which `homework assign` never writes",
                        flaw.describe(what)
                    ),
                };
                Trouble::new(&[key(field)], words)
            })
        })
        .collect();
        problems.extend(self.day_troubles());
        if self.tasks.len() > MAX_TASKS {
            problems.push(Trouble::new(
                &[key("tasks"), Step::Entry(MAX_TASKS)],
                format!(
                    "it asks for {} tasks; homework holds at most {MAX_TASKS}",
                    self.tasks.len()
                ),
            ));
        }
        for (n, task) in self.tasks.iter().enumerate().take(MAX_TASKS) {
            let at = |field: &str| [key("tasks"), Step::Entry(n), key(field)];
            let counts = [("count", Some(task.count)), ("times", task.times)];
            if let Some((field, _)) = counts
                .iter()
                .find(|(_, n)| n.is_some_and(|n| !(1..=MAX_COUNT).contains(&n)))
            {
                problems.push(Trouble::new(
                    &at(field),
                    format!(
                        "task `{}` asks for {}; counts go from 1 to {MAX_COUNT}",
                        task.task.key(),
                        match task.times {
                            Some(times) => format!("{}x{times}", task.count),
                            None => task.count.to_string(),
                        }
                    ),
                ));
            } else if let Some(words) = self.undoable(task) {
                problems.push(Trouble::new(&at("count"), words));
            }
        }
        problems.extend(self.twice());
        problems
    }

    /// Each task listed again after its first, at its line: `assign`
    /// lists a task once, with its count, and a file that lists
    /// `map-triggers` twice says two different things about one task.
    fn twice(&self) -> Vec<Trouble> {
        let mut first: HashMap<TaskKind, usize> = HashMap::new();
        let mut troubles = Vec::new();
        for (n, task) in self.tasks.iter().enumerate().take(MAX_TASKS) {
            match first.get(&task.task) {
                Some(earlier) => troubles.push(Trouble::new(
                    &[key("tasks"), Step::Entry(n), key("task")],
                    format!(
                        "task `{}` is listed twice (as task {} and task {}), which `homework assign` never writes: it lists each task once, with its count",
                        task.task.key(),
                        earlier + 1,
                        n + 1
                    ),
                )),
                None => {
                    first.insert(task.task, n);
                }
            }
        }
        troubles
    }

    /// The therapist's own title for it: the first words of the first
    /// line of their note (`None` without one), so two homework files from
    /// the same therapist can be told apart. Not cleaned: shown through
    /// the renderer's cleaning like every word of the file.
    pub fn title(&self) -> Option<String> {
        self.note
            .lines()
            .map(str::trim)
            .find(|line| !line.is_empty())
            .map(in_brief)
    }

    /// The moment `homework assign` wrote it, as seconds since 1970: its
    /// id begins with that moment in UTC, to the second
    /// (`20261122t101500z-…`). `None` for an id written any other way
    /// (by hand, or by someone else's tool).
    pub fn set_at(&self) -> Option<i64> {
        let moment = self.id.get(..16)?;
        let (day, rest) = moment.split_at(8);
        let (time, zulu) = rest.strip_prefix('t')?.split_at(6);
        if zulu != "z" || !day.bytes().chain(time.bytes()).all(|b| b.is_ascii_digit()) {
            return None;
        }
        let written = format!(
            "{}-{}-{}T{}:{}:{}Z",
            &day[..4],
            &day[4..6],
            &day[6..],
            &time[..2],
            &time[2..4],
            &time[4..]
        );
        unix_seconds(&written.parse().ok()?)
    }

    /// The days between assigned and due, both included: the most days
    /// anyone can check in on. `None` when either is not a day.
    pub fn days_to_do(&self) -> Option<i64> {
        let (from, to) = (self.assigned.date?, self.due.date?);
        Some(days_from_civil(to) - days_from_civil(from) + 1)
    }

    /// Check-ins asked for (the most any task asks) that the days left
    /// from `today` to the due date, both included, can't hold, because
    /// days since it was set are already gone on her calendar (set on
    /// Sunday in Los Angeles, it reached Seoul on Monday: Min-jun, issue
    /// 13): `(asked, days left, the first day gone)`. `None` when the days
    /// left are enough, or none have gone.
    pub fn check_ins_past_reach(&self, today: Date) -> Option<(u32, i64, Date)> {
        let (from, to) = (self.assigned.date?, self.due.date?);
        let today_n = days_from_civil(today);
        let left = days_from_civil(to) - today_n + 1;
        let asked = self
            .tasks
            .iter()
            .filter(|t| t.task == TaskKind::CheckIn)
            .map(|t| t.count)
            .max()?;
        (days_from_civil(from) < today_n && left >= 0 && i64::from(asked) > left)
            .then_some((asked, left, from))
    }

    /// Why `task` can't be done in the time given, in words: check-ins are
    /// one a day, so 5 of them need 5 days.
    fn undoable(&self, task: &Task) -> Option<String> {
        let days = self.days_to_do()?;
        if task.task != TaskKind::CheckIn || i64::from(task.count) <= days || days < 1 {
            return None;
        }
        let (from, to) = (self.assigned.date?, self.due.date?);
        Some(format!(
            "task `check-in` asks for {} check-ins in {} ({} to {}, both included), and a day has one check-in",
            task.count,
            if days == 1 {
                "1 day".to_string()
            } else {
                format!("{days} days")
            },
            super::date::long_date(from),
            super::date::long_date(to)
        ))
    }

    /// Days `assign` would not write: not a day at all, a year no homework
    /// is dated in, due before it was assigned or more than a year after.
    fn day_troubles(&self) -> Vec<Trouble> {
        let mut troubles = Vec::new();
        let mut days = Vec::new();
        for (field, what, value) in [
            ("assigned", "the day it was assigned", &self.assigned),
            ("due", "the due date", &self.due),
        ] {
            match value.date {
                None => troubles.push(Trouble::new(
                    &[key(field)],
                    format!("{what} has no day in it (`{field}` is written like 2026-11-22)"),
                )),
                Some(day) if !YEARS.contains(&i64::from(day.year)) => {
                    troubles.push(Trouble::new(
                        &[key(field)],
                        format!(
                            "{what}, {}, can't be right: homework is dated from the year {} to {}",
                            super::date::long_date(day),
                            YEARS.start(),
                            YEARS.end()
                        ),
                    ));
                }
                Some(day) => days.push(day),
            }
        }
        if let [assigned, due] = days[..] {
            let (a, d) = (days_from_civil(assigned), days_from_civil(due));
            if d < a {
                troubles.push(Trouble::new(
                    &[key("due")],
                    format!(
                        "it is due on {}, before it was assigned ({})",
                        super::date::long_date(due),
                        super::date::long_date(assigned)
                    ),
                ));
            } else if d - a > MAX_DAYS_DUE {
                troubles.push(Trouble::new(
                    &[key("due")],
                    format!(
                        "it is due on {}, more than a year after it was assigned ({}); homework is due within a year",
                        super::date::long_date(due),
                        super::date::long_date(assigned)
                    ),
                ));
            }
        }
        troubles
    }
}

/// One way the copy of the homework inside a hand-in differs from the
/// homework file the therapist gave (`set`): what `review --assignment`
/// compares, all of it, not only the id (a copy whose counts were lowered
/// to 1 practice where 3 were asked passed as the same homework).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Differs {
    /// Another assignment altogether (the ids differ).
    Id,
    Therapist {
        handed: String,
        set: String,
    },
    Client {
        handed: Option<String>,
        set: Option<String>,
    },
    Assigned {
        handed: Datetime,
        set: Datetime,
    },
    Due {
        handed: Datetime,
        set: Datetime,
    },
    Note,
    /// What one kind of task asks, in each (empty: not asked there).
    Task {
        kind: TaskKind,
        handed: Vec<Task>,
        set: Vec<Task>,
    },
}

/// Every way the hand-in's copy `handed` differs from the homework file
/// `set`, in the order a person reads a homework: who, when, the note,
/// then each kind of task in the file's order. Tasks are compared kind by
/// kind, whatever order each lists them in.
pub fn differences(handed: &Assignment, set: &Assignment) -> Vec<Differs> {
    let mut found = Vec::new();
    if handed.id != set.id {
        found.push(Differs::Id);
    }
    if handed.therapist != set.therapist {
        found.push(Differs::Therapist {
            handed: handed.therapist.clone(),
            set: set.therapist.clone(),
        });
    }
    if handed.client != set.client {
        found.push(Differs::Client {
            handed: handed.client.clone(),
            set: set.client.clone(),
        });
    }
    if handed.assigned != set.assigned {
        found.push(Differs::Assigned {
            handed: handed.assigned,
            set: set.assigned,
        });
    }
    if handed.due != set.due {
        found.push(Differs::Due {
            handed: handed.due,
            set: set.due,
        });
    }
    if handed.note.replace("\r\n", "\n") != set.note.replace("\r\n", "\n") {
        found.push(Differs::Note);
    }
    let of_kind = |a: &Assignment, kind: TaskKind| -> Vec<Task> {
        let mut tasks: Vec<Task> = a.tasks.iter().filter(|t| t.task == kind).cloned().collect();
        tasks.sort_by_key(|t| (t.count, t.times));
        tasks
    };
    let mut kinds: Vec<TaskKind> = Vec::new();
    for task in set.tasks.iter().chain(&handed.tasks) {
        if !kinds.contains(&task.task) {
            kinds.push(task.task);
        }
    }
    for kind in kinds {
        let (h, s) = (of_kind(handed, kind), of_kind(set, kind));
        if h != s {
            found.push(Differs::Task {
                kind,
                handed: h,
                set: s,
            });
        }
    }
    found
}

/// The names in an assignment that hold characters that do not show (a
/// right-to-left override, a zero-width space): `assign` keeps them, as
/// they may be meant, but a name that shows differently from what it is
/// is worth a word before the client trusts the file. Each is (what, the
/// name).
pub fn hidden_in_names(a: &Assignment) -> Vec<(&'static str, &str)> {
    [
        ("the therapist's name", Some(a.therapist.as_str())),
        ("the client's name", a.client.as_deref()),
    ]
    .into_iter()
    .filter_map(|(what, name)| {
        name.filter(|n| super::hidden::any_hidden(n))
            .map(|n| (what, n))
    })
    .collect()
}

impl Started {
    /// `assignment` started at `now`, with the plan as it is (None: no
    /// plan yet), so progress counts only what is done from here on.
    pub fn new(assignment: Assignment, now: Datetime, base: Option<Plan>) -> Started {
        Started {
            schema_version: HOMEWORK_VERSION,
            kind: STARTED_KIND.into(),
            started_at: now,
            started_revision: base.as_ref().map_or(0, |plan| plan.revision),
            assignment,
            base,
            handed_in: None,
        }
    }

    /// What makes the started copy in the plan folder one `homework start`
    /// could not have written: the same rules as the therapist's file
    /// (a copy edited by hand, or kept from an older relapse-plan that let
    /// an 8 MB name through), and a kind and tasks of its own.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = self.assignment.problems();
        if self.assignment.tasks.is_empty() {
            problems.push("it has no tasks".into());
        }
        problems
    }
}

/// What a therapist gave for a new assignment (flags, or the form in
/// `wizard::homework`), before [`Assignment::new`] checks it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Asked {
    pub therapist: Option<String>,
    pub client: Option<String>,
    pub note: Option<String>,
    pub tasks: Vec<Task>,
}

impl Assignment {
    /// The assignment `homework assign` writes, or why not, said to the
    /// therapist: a name is needed; names stay on one line and no control
    /// character (an escape sequence would reach the client's terminal)
    /// is kept; the due day is today or later; at least one task. `today`
    /// is the person's calendar day and `now` the moment, to the second,
    /// so two assignments never share an id.
    pub fn new(
        asked: Asked,
        due: toml::value::Date,
        today: toml::value::Date,
        now: &Datetime,
    ) -> Result<Assignment, String> {
        let therapist = asked
            .therapist
            .filter(|t| !t.trim().is_empty())
            .ok_or("--therapist is needed")?;
        let note = asked.note.unwrap_or_default();
        for (what, value) in [
            ("--therapist", Some(&therapist)),
            ("--client", asked.client.as_ref()),
        ] {
            if let Some(problem) = value.and_then(|v| name_problem(what, v)) {
                return Err(problem);
            }
        }
        if let Some(problem) = note_problem("the note", &note) {
            return Err(problem);
        }
        if let Some(problem) = due_problem(due, today) {
            return Err(problem);
        }
        if asked.tasks.is_empty() {
            return Err("give at least one --task".into());
        }
        let mut given = HashSet::new();
        if let Some(again) = asked.tasks.iter().find(|t| !given.insert(t.task)) {
            return Err(format!(
                "--task {} is given twice: give each task once, with its count (like {}=3)",
                again.task.key(),
                again.task.key()
            ));
        }
        let moment: String = unix_seconds(now)
            .map(|secs| utc_from_unix(secs).to_string())
            .unwrap_or_default()
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect();
        let who = super::ids::generate(
            &format!("{therapist} {}", asked.client.clone().unwrap_or_default()),
            "homework",
            |_| false,
        );
        let made = Assignment {
            schema_version: HOMEWORK_VERSION,
            kind: HOMEWORK_KIND.into(),
            id: format!("{}-{who}", moment.to_lowercase()),
            therapist,
            client: asked.client.filter(|c| !c.trim().is_empty()),
            assigned: date_only(today),
            due: date_only(due),
            note,
            tasks: asked.tasks,
        };
        // Never homework no one can do: the one rule `start` reads it by.
        if let Some(words) = made.tasks.iter().find_map(|t| made.undoable(t)) {
            return Err(format!("{words}: give a later --due, or fewer check-ins"));
        }
        Ok(made)
    }
}

/// Why `due` can't be a due date given on `today`, said to the therapist:
/// past, or more than a year away (what `start` would refuse).
pub fn due_problem(due: Date, today: Date) -> Option<String> {
    let (d, t) = (days_from_civil(due), days_from_civil(today));
    if d < t {
        Some(format!(
            "the due date, {}, is before today ({}): give the day the homework is due, today or later",
            super::date::long_date(due),
            super::date::long_date(today)
        ))
    } else if d - t > MAX_DAYS_DUE {
        Some(format!(
            "the due date, {}, is more than a year away: give a day within a year, by {}",
            super::date::long_date(due),
            super::date::long_date(super::date::civil_from_days(t + MAX_DAYS_DUE))
        ))
    } else {
        None
    }
}

impl Task {
    /// The task in words, as the client reads it.
    pub fn describe(&self) -> String {
        self.describe_as("your")
    }

    /// The task in words, with `whose` for the client's own things:
    /// "your" as the client reads it; for the therapist who reads the
    /// hand-in, the client's name as the homework gives it ("Wei's") or
    /// "their" (Dr Lin read "rank your triggers" about her client's).
    pub fn describe_as(&self, whose: &str) -> String {
        let n = self.count;
        let plural = |word: &str| {
            if n == 1 {
                format!("1 {word}")
            } else {
                format!("{n} {word}s")
            }
        };
        match self.task {
            TaskKind::MapTriggers => format!("map at least {}", plural("new trigger")),
            TaskKind::RankTriggers => format!("rank {whose} triggers"),
            TaskKind::AddHelpContacts => format!("add at least {}", plural("new help contact")),
            TaskKind::WriteCrisisSteps => format!("write at least {}", plural("crisis step")),
            TaskKind::RehearseTop => {
                let times = self.times.unwrap_or(1);
                let top = if n == 1 {
                    format!("{whose} riskiest trigger")
                } else {
                    format!("{whose} top {n} triggers")
                };
                let each = if n == 1 { "" } else { " each" };
                format!(
                    "rehearse {top} at least {times} time{}{each}",
                    if times == 1 { "" } else { "s" }
                )
            }
            TaskKind::PractiseUrgeSurfing => format!("practise urge surfing {}", times_word(n)),
            TaskKind::PractiseBreathing => format!("practise paced breathing {}", times_word(n)),
            TaskKind::ReviewSaferEnvironment => format!("review {whose} safer environment"),
            TaskKind::WriteLapsePlan => {
                format!("write at least {} in {whose} lapse plan", plural("step"))
            }
            TaskKind::AddReasons => format!("add at least {}", plural("new reason")),
            TaskKind::AddWarningSigns => format!("add at least {}", plural("new warning sign")),
            TaskKind::CheckIn => {
                format!(
                    "check in on at least {} by the due date, that day included",
                    plural("day")
                )
            }
        }
    }

    /// Reads `kind[=N]` or `rehearse-top=NxM` from the command line.
    pub fn from_flag(flag: &str) -> Result<Task, String> {
        let (key, amount) = flag.split_once('=').unwrap_or((flag, ""));
        let task = TaskKind::parse(key.trim()).ok_or_else(|| {
            let keys: Vec<&str> = TaskKind::ALL.iter().map(|k| k.key()).collect();
            format!("`{key}` is not a task; choose one of: {}", keys.join(", "))
        })?;
        let number = |s: &str| read_count(s).map_err(|why| format!("`{flag}`: {why}"));
        // Read as typed with any keyboard: `１０` is ten, `2×3` and `2*3`
        // are `2x3`.
        let amount = super::typed::fold(amount);
        let amount = amount.as_str();
        let (count, times) = match (amount, amount.split_once(['x', 'X', '×', '*'])) {
            ("", _) => (1, None),
            (_, Some((count, times))) => (number(count)?, Some(number(times)?)),
            (amount, None) => (number(amount)?, None),
        };
        let times = match (task, times) {
            (TaskKind::RehearseTop, times) => Some(times.unwrap_or(1)),
            (_, Some(_)) => {
                return Err(format!(
                    "`{flag}`: only rehearse-top takes NxM (triggers × times)"
                ));
            }
            (_, None) => None,
        };
        Ok(Task { task, count, times })
    }
}

/// A task's count (or times) as typed, in digits of any script (`１０`
/// is ten, as ratings read it), or why not, in words for whoever typed
/// it: a number out of range is said to be one, words that are no
/// number are said not to be.
pub fn read_count(typed: &str) -> Result<u32, String> {
    match super::typed::whole_number(typed).map(u32::try_from) {
        Some(Ok(n)) if (1..=MAX_COUNT).contains(&n) => Ok(n),
        Some(_) => Err(format!("numbers go from 1 to {MAX_COUNT}")),
        None => Err(format!(
            "that is not a whole number; numbers go from 1 to {MAX_COUNT}"
        )),
    }
}

/// Why `count` check-ins can't be done in `days` (today to the due date,
/// both included), in the words of `assign`'s form; `None` when they can.
pub fn check_ins_problem(count: u32, days: i64) -> Option<String> {
    (i64::from(count) > days && days >= 1).then(|| {
        let days_word = if days == 1 {
            "1 day".to_string()
        } else {
            format!("{days} days")
        };
        format!(
            "a day has one check-in, and there are {days_word} from today to the due date, both included: give {days} or fewer"
        )
    })
}

fn times_word(n: u32) -> String {
    match n {
        1 => "once".into(),
        2 => "twice".into(),
        n => format!("{n} times"),
    }
}

/// How far along a task is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    pub task: Task,
    pub done: bool,
    /// What counts toward it, in words ("rehearsed “Payday” 2 of 3").
    pub detail: String,
}

impl fmt::Display for Progress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mark = if self.done { "done" } else { "not yet" };
        write!(f, "{mark}: {} ({})", self.task.describe(), self.detail)
    }
}

/// Everything a task's progress is computed from: the plan now, what
/// changed since the assignment, practice since then, and the check-ins
/// from the person's local day the homework was started.
pub struct Evidence<'a> {
    pub plan: &'a Plan,
    pub changes: &'a [Change],
    pub practice: &'a PracticeLog,
    pub check_ins: &'a [CheckIn],
}

/// Each task's progress.
/// A task asked twice is weighed once: each weighing reads every change,
/// and a file may ask for the same task 50 times.
pub fn progress(assignment: &Assignment, evidence: &Evidence) -> Vec<Progress> {
    let window = Window {
        from: assignment.assigned.date.map(days_from_civil),
        to: assignment.due.date.map(days_from_civil),
        set_at: assignment.set_at(),
    };
    let set_on = assignment.assigned.date.map(super::date::long_date);
    let mut weighed: HashMap<&Task, Progress> = HashMap::new();
    assignment
        .tasks
        .iter()
        .map(|task| {
            weighed
                .entry(task)
                .or_insert_with(|| evaluate(task, evidence, window, set_on.as_deref()))
                .clone()
        })
        .collect()
}

/// What a task counts, as one and as many: ("new reason", "new reasons").
type Noun = (&'static str, &'static str);

/// `n` of a noun, its number agreeing: "1 new reason", "2 new reasons".
fn counted(n: usize, (one, many): Noun) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Progress towards at least `task.count` of `what`, as a person writes
/// it: "1 of 3 new reasons" while some are left, "1 new reason" once
/// done ("1 of 1 new reasons" read as a form; Linh, issue 13), and more
/// than asked said as more, never "2 of 1 days".
fn at_least(task: &Task, have: usize, what: Noun, since: Option<&str>) -> Progress {
    let want = task.count as usize;
    let count = if have >= want {
        counted(have, what)
    } else {
        format!("{have} of {}", counted(want, what))
    };
    // What is counted from the day the homework was set is said so: "3
    // breathing sessions since 20 November 2026" (Anjali practised before
    // she started it, and saw 0 of 3 with no word of what was counted).
    let since = since.map(|day| format!(" since {day}")).unwrap_or_default();
    let more = if have > want {
        format!(", more than the {want} asked")
    } else {
        String::new()
    };
    Progress {
        task: task.clone(),
        done: have >= want,
        detail: format!("{count}{since}{more}"),
    }
}

/// The ids of the `kind` entries the changes added, once each, under the
/// id each has now: one added and then renamed is one entry, and one
/// there before and renamed is none.
/// Linear in the changes: a rename moves the entries under its old id
/// to its new one at once (it searched every entry added before it, and
/// 45,000 renames in a hand-in took three minutes).
fn added_entries(changes: &[Change], kind: Entry) -> Vec<&str> {
    // How many times each id was added, under the id it has now.
    let mut added: HashMap<&str, usize> = HashMap::new();
    for change in changes {
        match change {
            Change::Added { entry, id, .. } if *entry == kind => *added.entry(id).or_default() += 1,
            Change::Renamed {
                entry, from, to, ..
            } if *entry == kind => {
                if let Some(n) = added.remove(from.as_str()) {
                    *added.entry(to).or_default() += n;
                }
            }
            Change::Words { words } => {
                if let Some(id) = v2::entry_noun(kind).and_then(|noun| v2::added(words, noun)) {
                    *added.entry(id).or_default() += 1;
                }
            }
            _ => {}
        }
    }
    once_each(added.into_keys())
}

/// The sentences the changes added to `section`, once each.
fn added_items(changes: &[Change], section: Section) -> Vec<&str> {
    once_each(changes.iter().filter_map(|c| match c {
        Change::ItemAdded { section: s, text } if *s == section => Some(text.as_str()),
        Change::Words { words } => v2::added(words, v2::item_noun(section)?),
        _ => None,
    }))
}

fn once_each<'a>(found: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut found: Vec<&str> = found.collect();
    found.sort_unstable();
    found.dedup();
    found
}

/// Hand-ins before version 3 stored each change as the sentence `diff`
/// wrote then. Those sentences are frozen in people's files, so they are
/// read here in the words of that time, never through today's `Display`.
mod v2 {
    use super::{Entry, Section};

    /// `added trigger payday` → `payday`; `added reason "Mia"` → `Mia`.
    pub(super) fn added<'a>(words: &'a str, noun: &str) -> Option<&'a str> {
        let rest = words.strip_prefix("added ")?.strip_prefix(noun)?;
        let rest = rest.strip_prefix(' ')?;
        Some(
            rest.strip_prefix('"')
                .and_then(|r| r.strip_suffix('"'))
                .unwrap_or(rest),
        )
    }

    pub(super) fn entry_noun(entry: Entry) -> Option<&'static str> {
        match entry {
            Entry::Trigger => Some("trigger"),
            Entry::Contact => Some("contact"),
            Entry::Coping => None,
        }
    }

    pub(super) fn item_noun(section: Section) -> Option<&'static str> {
        match section {
            Section::Reasons => Some("reason"),
            Section::WarningSigns => Some("warning sign"),
            _ => None,
        }
    }

    /// A sentence that added, removed or rewrote a safer-environment item.
    pub(super) fn touches_safer_environment(words: &str) -> bool {
        words.contains("safer-environment item")
    }
}

/// The homework's days, as days since 1970: from the day it was assigned
/// to its due date, each end open when the file has none. A hand-in can
/// hold check-ins and exercises from outside it (an edited file, a clock
/// set wrong): they are handed in, but count for nothing here, so a
/// therapist is never told a task is done by a check-in from before it.
#[derive(Debug, Clone, Copy)]
struct Window {
    from: Option<i64>,
    to: Option<i64>,
    /// The moment it was set (seconds since 1970), when its id says.
    set_at: Option<i64>,
}

impl Window {
    /// Whether local day `day` is in the homework's time.
    fn holds(self, day: i64) -> bool {
        self.from.is_none_or(|from| day >= from) && self.to.is_none_or(|to| day <= to)
    }

    /// Whether a check-in counts: its day is in the homework's time, or
    /// it was made after the homework was set and filed on an earlier
    /// night (at 00:20, "for tonight", right after `homework start`: she
    /// checked in after the homework began, and saw 0 of 2; Linh's
    /// client, issue 13). Only the night before: a check-in filed on an
    /// earlier day (an edited file, a `--date` a week back) counts for
    /// nothing, whenever it was made.
    fn counts(self, check_in: &CheckIn) -> bool {
        let day = check_in.day_number();
        if self.holds(day) {
            return true;
        }
        let night_before = self.from.is_some_and(|from| day == from - 1);
        night_before
            && self.set_at.is_some_and(|set| {
                check_in
                    .times
                    .iter()
                    .filter_map(unix_seconds)
                    .any(|t| t >= set)
            })
    }

    /// Whether the moment `at` (UTC) can be in it: a day of slack at each
    /// end, as the person's local day may differ from the UTC date.
    fn may_hold(self, at: &Datetime) -> bool {
        at.date.map(days_from_civil).is_some_and(|day| {
            self.from.is_none_or(|from| day >= from - 1) && self.to.is_none_or(|to| day <= to + 1)
        })
    }
}

fn evaluate(task: &Task, e: &Evidence, window: Window, set_on: Option<&str>) -> Progress {
    let plan = e.plan;
    let since_set = |task: &Task, have: usize, what: Noun| at_least(task, have, what, set_on);
    match task.task {
        // One per local day (the log keeps one entry a day); a check-in
        // outside the homework's time is still handed in but counts for
        // nothing here.
        TaskKind::CheckIn => {
            let in_time = e.check_ins.iter().filter(|c| window.counts(c)).count();
            since_set(task, in_time, ("day checked in", "days checked in"))
        }
        // "Add" and "map" tasks count what is new since the homework began
        // and is still in the plan; "write" tasks count what the plan has.
        // Each looked up in a set made once, never a search of the plan
        // per entry: a hand-in may list 100,000 added entries.
        TaskKind::MapTriggers => {
            let now: HashSet<&str> = plan.triggers.iter().map(|t| t.id.as_str()).collect();
            let new = added_entries(e.changes, Entry::Trigger)
                .iter()
                .filter(|id| now.contains(**id))
                .count();
            since_set(task, new, ("new trigger", "new triggers"))
        }
        TaskKind::RankTriggers => {
            let rated = plan
                .triggers
                .iter()
                .filter(|t| {
                    t.likelihood.is_some() && t.intensity.is_some() && t.confidence.is_some()
                })
                .count();
            Progress {
                task: task.clone(),
                done: !plan.triggers.is_empty() && rated == plan.triggers.len(),
                detail: match (rated, plan.triggers.len()) {
                    (_, 0) => "no triggers yet".into(),
                    (rated, all) if rated == all => {
                        format!("{} rated", counted(all, ("trigger", "triggers")))
                    }
                    (rated, all) => {
                        format!("{rated} of {} rated", counted(all, ("trigger", "triggers")))
                    }
                },
            }
        }
        TaskKind::AddHelpContacts => {
            let help: HashSet<&str> = plan
                .contacts
                .iter()
                .filter(|c| c.role == Role::Help)
                .map(|c| c.id.as_str())
                .collect();
            let new = added_entries(e.changes, Entry::Contact)
                .iter()
                .filter(|id| help.contains(**id))
                .count();
            since_set(task, new, ("new help contact", "new help contacts"))
        }
        // What the plan holds, whenever it was written.
        TaskKind::WriteCrisisSteps => at_least(
            task,
            plan.crisis_steps.len(),
            ("crisis step", "crisis steps"),
            None,
        ),
        TaskKind::WriteLapsePlan => at_least(
            task,
            plan.lapse_plan.len(),
            ("lapse-plan step", "lapse-plan steps"),
            None,
        ),
        TaskKind::AddReasons => {
            let now: HashSet<&str> = plan.reasons.iter().map(|r| r.text.as_str()).collect();
            let new = added_items(e.changes, Section::Reasons)
                .iter()
                .filter(|t| now.contains(**t))
                .count();
            since_set(task, new, ("new reason", "new reasons"))
        }
        TaskKind::AddWarningSigns => {
            let now: HashSet<&str> = plan.warning_signs.iter().map(|r| r.text.as_str()).collect();
            let new = added_items(e.changes, Section::WarningSigns)
                .iter()
                .filter(|t| now.contains(**t))
                .count();
            since_set(task, new, ("new warning sign", "new warning signs"))
        }
        TaskKind::PractiseUrgeSurfing => since_set(
            task,
            exercises(e.practice, ExerciseKind::Surf, window),
            ("urge-surfing session", "urge-surfing sessions"),
        ),
        TaskKind::PractiseBreathing => since_set(
            task,
            exercises(e.practice, ExerciseKind::Breathe, window),
            ("breathing session", "breathing sessions"),
        ),
        TaskKind::ReviewSaferEnvironment => safer_environment(task, e),
        TaskKind::RehearseTop => rehearse_top(task, e, set_on),
    }
}

/// Adding, removing or rewriting a safer-environment item; moving them
/// is not counted, as it never was.
fn safer_environment(task: &Task, e: &Evidence) -> Progress {
    let touched = e
        .changes
        .iter()
        .filter(|c| match c {
            Change::ItemAdded { section, .. }
            | Change::ItemRemoved { section, .. }
            | Change::ItemEdited { section, .. } => *section == Section::SafeEnvironment,
            Change::Words { words } => v2::touches_safer_environment(words),
            _ => false,
        })
        .count();
    Progress {
        task: task.clone(),
        done: touched > 0,
        detail: match touched {
            0 => "no changes yet".into(),
            1 => "1 change".into(),
            n => format!("{n} changes"),
        },
    }
}

/// A situation cut to its first few words, so a line of progress stays
/// one line.
fn in_brief(text: &str) -> String {
    const WORDS: usize = 5;
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= WORDS {
        return words.join(" ");
    }
    format!(
        "{}…",
        words[..WORDS]
            .join(" ")
            .trim_end_matches([',', ';', ':', '.'])
    )
}

/// Each of the riskiest `count` triggers rehearsed at least `times` times.
fn rehearse_top(task: &Task, e: &Evidence, set_on: Option<&str>) -> Progress {
    let plan = e.plan;
    let times = task.times.unwrap_or(1) as usize;
    let sorted = priority::sorted(&plan.triggers);
    let top: Vec<&str> = sorted
        .iter()
        .take(task.count as usize)
        .map(|t| t.id.as_str())
        .collect();
    // Named in the person's words: the id is a handle for commands, and
    // this line reaches the person and their therapist.
    let counts: Vec<String> = sorted
        .iter()
        .take(task.count as usize)
        .map(|t| {
            let n = e
                .practice
                .rehearsals
                .iter()
                .filter(|r| r.trigger == t.id)
                .count();
            format!("rehearsed “{}” {n} of {times}", in_brief(&t.situation))
        })
        .collect();
    let done = top.len() >= task.count as usize
        && top.iter().all(|id| {
            e.practice
                .rehearsals
                .iter()
                .filter(|r| r.trigger == *id)
                .count()
                >= times
        });
    Progress {
        task: task.clone(),
        done,
        detail: match (counts.is_empty(), set_on) {
            (true, _) => "no triggers yet".into(),
            (false, Some(since)) => format!("{} since {since}", counts.join(", ")),
            (false, None) => counts.join(", "),
        },
    }
}

fn exercises(log: &PracticeLog, kind: ExerciseKind, window: Window) -> usize {
    log.exercises
        .iter()
        .filter(|x| x.kind == kind && window.may_hold(&x.at))
        .count()
}

/// The hand-in: the assignment, the plan now, what changed since the
/// assignment, and the practice in the period. Nothing else.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HandIn {
    pub schema_version: u32,
    pub kind: String,
    pub submitted_at: Datetime,
    /// When the homework was handed in before, when this is a second
    /// hand-in of it (from version 6): it replaces that one, and the
    /// therapist's `review` says which is newer (Linh, issue 13).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replaces: Option<Datetime>,
    /// The client's time zone when it was handed in (`Asia/Taipei`), from
    /// version 5: the days in it are the client's days. A clock set by a
    /// POSIX rule has no name, so the rule itself is written
    /// (`NZST-12NZDT,M9.5.0,M4.1.0/3`). Read from a file as whatever it
    /// holds (a number, megabytes of escapes): a zone that can't be read
    /// is said by `review`, never a reason to hide the rest of the work.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "any_zone"
    )]
    pub zone: Option<String>,
    pub assignment: Assignment,
    /// Revisions saved since the assignment was started, with their changes.
    #[serde(default)]
    pub revisions: Vec<Revision>,
    #[serde(default)]
    pub practice: PracticeLog,
    /// Check-ins from the day the homework was started, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub check_ins: Vec<CheckIn>,
    /// The plan, read through the plan's own migration (an older hand-in
    /// holds an older plan).
    #[serde(deserialize_with = "super::parse::embedded_plan")]
    pub plan: Plan,
}

impl HandIn {
    /// What `homework submit` hands in: the assignment and the period
    /// since it started, with the newest check-ins when years of them
    /// would be more than a hand-in holds.
    /// `zone`: the client's time zone by its name, when it has one.
    pub fn new(
        assignment: Assignment,
        mut period: super::period::Period,
        now: Datetime,
        zone: Option<&str>,
    ) -> HandIn {
        let extra = period.check_ins.len().saturating_sub(MAX_HAND_IN_CHECK_INS);
        period.check_ins.drain(..extra);
        HandIn {
            schema_version: FIRST_HAND_IN_VERSION,
            kind: HAND_IN_KIND.into(),
            submitted_at: now,
            replaces: None,
            zone: zone.map(String::from),
            assignment,
            revisions: period.revisions,
            practice: period.practice,
            check_ins: period.check_ins,
            plan: period.plan,
        }
    }

    /// This hand-in as the one that replaces the hand-in of `earlier`
    /// (the moment it was handed in), written as version 6.
    #[must_use]
    pub fn replacing(mut self, earlier: Datetime) -> HandIn {
        self.replaces = Some(earlier);
        self.schema_version = HAND_IN_VERSION;
        self
    }

    /// What makes a hand-in from an untrusted file one `submit` could not
    /// have written: odd homework counts, too many check-ins, check-ins
    /// with impossible days or scales.
    pub fn problems(&self) -> Vec<String> {
        self.troubles().into_iter().map(|t| t.words).collect()
    }

    /// [`HandIn::problems`], each with where it is written in the file
    /// (a check-in's problem at its line, as every other one is).
    pub fn troubles(&self) -> Vec<Trouble> {
        let mut problems: Vec<Trouble> = self
            .assignment
            .troubles()
            .into_iter()
            .map(|t| Trouble {
                at: std::iter::once(key("assignment")).chain(t.at).collect(),
                words: t.words,
            })
            .collect();
        if self.check_ins.len() > MAX_HAND_IN_CHECK_INS {
            problems.push(Trouble::new(
                &[key("check_ins"), Step::Entry(MAX_HAND_IN_CHECK_INS)],
                format!(
                    "it carries {} check-ins; a hand-in holds at most {MAX_HAND_IN_CHECK_INS}",
                    self.check_ins.len()
                ),
            ));
        } else {
            let log = CheckInLog {
                entries: self.check_ins.clone(),
                ..CheckInLog::default()
            };
            problems.extend(log.troubles().into_iter().map(|t| {
                Trouble::new(
                    &[key("check_ins"), Step::Entry(t.entry), key(&t.field)],
                    t.words,
                )
            }));
        }
        problems
    }
}

impl HandIn {
    /// The zone the hand-in names when relapse-plan can't read it (a name
    /// no one knows, escapes, kilobytes of text), as it is written: its
    /// days are then counted on the reader's clock, and that is said.
    pub fn unread_zone(&self) -> Option<&str> {
        self.zone.as_deref().filter(|z| zone_named(z).is_none())
    }
}

/// The time zone `name` means in a hand-in: a zone of the database, as
/// `submit` writes it (short, plain ASCII, and known), or a POSIX rule
/// (`IST-5:30`, `NZST-12NZDT,M9.5.0,M4.1.0/3`), written for a clock that
/// has no name.
pub fn zone_named(name: &str) -> Option<jiff::tz::TimeZone> {
    if name.len() > MAX_ZONE_CHARS || !name.bytes().all(|b| b.is_ascii_graphic()) {
        return None;
    }
    if name
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"/_-+".contains(&b))
        && let Ok(zone) = jiff::tz::TimeZone::get(name)
    {
        return Some(zone);
    }
    // A rule needs a name for its standard time and an offset: `UTC` or
    // `Mars/Olympus` alone is no rule.
    name.bytes()
        .any(|b| b.is_ascii_digit())
        .then(|| jiff::tz::TimeZone::posix(name).ok())
        .flatten()
}

/// A hand-in's `zone` as whatever it holds: text kept as written, any
/// other value as its TOML (`zone = 5` is "5"), so a wrong one is said
/// and shown rather than making the whole file unreadable.
fn any_zone<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    Ok(match toml::Value::deserialize(deserializer)? {
        toml::Value::String(text) => Some(text),
        other => Some(other.to_string()),
    })
}

/// One revision's changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Revision {
    pub revision: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub saved_at: Option<Datetime>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change_note: Option<String>,
    #[serde(default)]
    pub changes: Vec<Change>,
}

/// Reads a hand-in of any version this build knows, and refuses one
/// `submit` could not have written: its own fields first (see
/// [`HandIn::problems`]), then the plan inside, checked as the plan loader
/// checks `plan.toml`, each problem with its line in this file.
pub fn read_hand_in(bytes: &[u8]) -> Result<HandIn, ParseError> {
    const WHAT: &str = "a hand-in file";
    let document = super::parse::Document::read(bytes, HAND_IN_KIND, WHAT)?;
    // Read first, so a wrong value in the plan is named at its own line
    // rather than at `[plan]`.
    let plan_problems = document.plan_inside("plan")?;
    let hand_in = if document.version >= 3 {
        document.fields()?
    } else {
        from_v2(document.fields()?)
    };
    // Each problem, of the assignment or a check-in, with its line in
    // this file.
    if let Some(trouble) = hand_in.troubles().into_iter().next() {
        return Err(ParseError::AtLine {
            line: document.line_at(&trouble.at),
            message: trouble.words,
        });
    }
    // A client's file is never shown as if it "read cleanly" when
    // relapse-plan would not have saved the plan in it.
    if !plan_problems.is_empty() {
        return Err(ParseError::PlanProblems(plan_problems));
    }
    Ok(hand_in)
}

/// A hand-in of version 1 or 2: the changes were sentences
/// (`[[changes]]`), kept as those words. Version 3 is version 4 without
/// renames, so it needs nothing of this.
fn from_v2(old: HandInV2) -> HandIn {
    HandIn {
        schema_version: old.schema_version,
        kind: old.kind,
        submitted_at: old.submitted_at,
        replaces: None,
        zone: None,
        assignment: old.assignment,
        revisions: old
            .changes
            .into_iter()
            .map(|r| Revision {
                revision: r.revision,
                saved_at: r.saved_at,
                change_note: r.change_note,
                changes: r
                    .changes
                    .into_iter()
                    .map(|words| Change::Words { words })
                    .collect(),
            })
            .collect(),
        practice: old.practice,
        check_ins: old.check_ins,
        plan: old.plan,
    }
}

/// A hand-in of version 1 or 2, as it was written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HandInV2 {
    schema_version: u32,
    kind: String,
    submitted_at: Datetime,
    assignment: Assignment,
    #[serde(default)]
    changes: Vec<RevisionV2>,
    #[serde(default)]
    practice: PracticeLog,
    #[serde(default)]
    check_ins: Vec<CheckIn>,
    #[serde(deserialize_with = "super::parse::embedded_plan")]
    plan: Plan,
}

/// One revision's changes in a version 1 or 2 hand-in: sentences.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RevisionV2 {
    revision: u64,
    #[serde(default)]
    saved_at: Option<Datetime>,
    #[serde(default)]
    change_note: Option<String>,
    changes: Vec<String>,
}

/// Things worth a conversation, from the plan and practice.
pub fn flags(plan: &Plan, practice: &PracticeLog, today: i64) -> Vec<String> {
    // First: a number that dials differently from how it reads, written
    // out where it is shown (the renderer shows each hidden character as
    // `\u{…}`).
    let mut flags: Vec<String> = super::phone::hidden_numbers(plan)
        .into_iter()
        .map(|(_, c)| {
            format!(
                "the phone number of “{}” holds characters that do not show ({}): it may dial differently from how it reads; ask for it to be written again",
                c.name,
                c.phone.as_deref().unwrap_or_default()
            )
        })
        .collect();
    flags.extend(not_to_involve_flags(plan));
    if let Some(riskiest) = priority::sorted(&plan.triggers).first()
        && !practice.rehearsals.iter().any(|r| r.trigger == riskiest.id)
    {
        // The person's words, as everywhere a therapist reads: never the id.
        flags.push(format!(
            "no rehearsal for the riskiest trigger (“{}”)",
            riskiest.situation
        ));
    }
    if !plan.contacts.iter().any(|c| c.role == Role::Help) {
        flags.push("no help contact".into());
    }
    if plan.crisis_steps.is_empty() {
        flags.push("crisis steps empty".into());
    }
    if let Some(next) = plan.review.next.and_then(|d| d.date) {
        if super::date::days_from_civil(next) < today {
            flags.push(format!(
                "the review date, {}, has passed",
                super::date::long_date(next)
            ));
        }
    } else {
        flags.push("no review date set".into());
    }
    // Named in her words, riskiest first, with the one command that plans
    // a response (`map` offers one for each trigger without).
    let without: Vec<String> = priority::sorted(&plan.triggers)
        .iter()
        .filter(|t| !t.has_response())
        .map(|t| format!("“{}”", t.situation))
        .collect();
    if !without.is_empty() {
        let shown = match without.len() {
            1..=3 => and_list(&without),
            n => format!("{}, {} and {} more", without[0], without[1], n - 2),
        };
        flags.push(format!("no planned response yet for {shown}{MAP_HINT}"));
    }
    flags.extend(unlikely(plan));
    flags
}

/// Where the plan meets someone its owner marked "do not involve": her
/// own emergency number or a crisis line of hers that is their number (or
/// a line under their name), and someone to turn to who shares their
/// number. Each is left off her crisis screen, card and printout, and a
/// review of a hand-in said nothing of it (Trudy's therapist had to see
/// that the "Emergency" her client handed in was Dermot's number).
fn not_to_involve_flags(plan: &Plan) -> Vec<String> {
    use super::own_doubt::{OwnDoubt, OwnNumber};
    let mut flags: Vec<String> = plan
        .own_numbers_in_doubt()
        .into_iter()
        .filter_map(|(which, doubt)| match doubt {
            OwnDoubt::NotToInvolve(them) => Some((which, them)),
            OwnDoubt::Former(_) => None,
        })
        .map(|(which, them)| {
            let what = match &which {
                OwnNumber::Emergency => format!(
                    "the emergency number in the plan, {},",
                    plan.own_lines.emergency.as_deref().unwrap_or_default().trim()
                ),
                OwnNumber::Call(line) => format!("the number to call for the crisis line “{line}”"),
                OwnNumber::Text(line) => format!("the number to text for the crisis line “{line}”"),
                OwnNumber::Name(line) => format!("the crisis line “{line}”"),
            };
            let kind = if matches!(which, OwnNumber::Name(_)) {
                "is named as"
            } else {
                "is the number of"
            };
            format!(
                "{what} {kind} “{}”, marked not to involve in a crisis: it is left off every screen and page until it is changed",
                them.name
            )
        })
        .collect();
    flags.extend(plan.helpers_sharing_a_number().into_iter().map(|(helper, them)| {
        format!(
            "“{}”, someone to turn to, is left off the crisis screen, card and printout: their number is also the number of “{}”, marked not to involve",
            helper.name, them.name
        )
    }));
    flags
}

/// The client's way to plan a trigger's response, after the flag that
/// asks for one; a therapist's review says it in the therapist's terms.
pub const MAP_HINT: &str = " (`relapse-plan map` helps plan one)";

/// `“a”`, `“a” and “b”`, `“a”, “b” and “c”`.
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Crisis steps and coping strategies the person rated under 50 % likely
/// to use: worth a conversation, with what gets in the way and their answer.
fn unlikely(plan: &Plan) -> Vec<String> {
    let describe = |what: String, follow: &super::FollowThrough| {
        let likely = follow.likely.unwrap_or_default();
        let rest = match (&follow.in_the_way, &follow.answer) {
            (Some(way), Some(answer)) => format!("in the way: “{way}”; answer: “{answer}”"),
            (Some(way), None) => format!("in the way: “{way}”; no answer to it yet"),
            (None, _) => "what gets in the way is not written yet".to_string(),
        };
        format!("{what} is rated {likely}% likely to be used; {rest}")
    };
    let steps = plan
        .crisis_steps
        .iter()
        .enumerate()
        .filter(|(_, s)| s.follow_through.unlikely())
        .map(|(n, s)| {
            describe(
                format!("crisis step {} “{}”", n + 1, s.text),
                &s.follow_through,
            )
        });
    let coping = plan
        .coping
        .iter()
        .filter(|c| c.follow_through.unlikely())
        .map(|c| describe(format!("coping strategy “{}”", c.name), &c.follow_through));
    steps.chain(coping).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `homework assign`'s rules, without a terminal or a clock.
    #[test]
    fn a_new_assignment_is_checked_and_named() {
        let day = |d: u8| toml::value::Date {
            year: 2026,
            month: 11,
            day: d,
        };
        let now: Datetime = "2026-11-22T09:30:05Z".parse().unwrap();
        let asked = Asked {
            therapist: Some("Dr Patel".into()),
            client: Some("Sam".into()),
            note: None,
            tasks: vec![Task::from_flag("map-triggers=3").unwrap()],
        };
        let made = Assignment::new(asked.clone(), day(29), day(22), &now).unwrap();
        assert_eq!(made.id, "20261122t093005z-dr-patel-sam");
        // The id says when it was set, to the second; one written by
        // hand says nothing.
        assert_eq!(made.set_at(), unix_seconds(&now));
        let by_hand = Assignment {
            id: "homework-for-sam".into(),
            ..made.clone()
        };
        assert_eq!(by_hand.set_at(), None);
        assert_eq!(made.assigned.to_string(), "2026-11-22");
        assert!(made.problems().is_empty(), "{:?}", made.problems());
        let late = Assignment::new(asked.clone(), day(21), day(22), &now).unwrap_err();
        assert!(
            late.contains("is before today (22 November 2026)"),
            "{late}"
        );
        let escape = Asked {
            therapist: Some("Dr \u{1b}]52;c;aGk=\u{7}Patel".into()),
            ..asked.clone()
        };
        assert!(Assignment::new(escape, day(29), day(22), &now).is_err());
        let none = Asked {
            tasks: vec![],
            ..asked
        };
        assert_eq!(
            Assignment::new(none, day(29), day(22), &now).unwrap_err(),
            "give at least one --task"
        );
    }

    #[test]
    fn tasks_read_from_flags() {
        assert_eq!(
            Task::from_flag("map-triggers=3").unwrap(),
            Task {
                task: TaskKind::MapTriggers,
                count: 3,
                times: None
            }
        );
        assert_eq!(
            Task::from_flag("rehearse-top=2x3").unwrap(),
            Task {
                task: TaskKind::RehearseTop,
                count: 2,
                times: Some(3)
            }
        );
        assert_eq!(Task::from_flag("rank-triggers").unwrap().count, 1);
        assert!(Task::from_flag("map-triggers=0").is_err());
        assert!(Task::from_flag("map-triggers=2x3").is_err());
        assert!(
            Task::from_flag("dance")
                .unwrap_err()
                .contains("choose one of")
        );
    }

    #[test]
    fn tasks_read_well() {
        let t = Task::from_flag("rehearse-top=2x3").unwrap();
        assert_eq!(
            t.describe(),
            "rehearse your top 2 triggers at least 3 times each"
        );
        assert_eq!(
            Task::from_flag("practise-urge-surfing=2")
                .unwrap()
                .describe(),
            "practise urge surfing twice"
        );
        assert_eq!(
            Task::from_flag("add-help-contacts=2").unwrap().describe(),
            "add at least 2 new help contacts"
        );
        assert_eq!(
            Task::from_flag("check-in=5").unwrap().describe(),
            "check in on at least 5 days by the due date, that day included"
        );
        assert!(Task::from_flag("check-in=101").is_err());
    }
}
