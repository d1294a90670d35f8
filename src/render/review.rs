//! `review` as the therapist or the person reads it: a hand-in's tasks,
//! then for any period what changed revision by revision, the practice
//! with its confidence trends, the check-ins at a glance, and what is worth
//! talking about. Everything from a hand-in is untrusted, so every word
//! from it goes through [`clean`].

use std::collections::BTreeMap;
use std::fmt::{self, Write as _};
use std::io::{self, Write};
use std::path::Path;

use jiff::tz::TimeZone;
use toml::value::Datetime;

use super::chart::sparkline;
use super::checkin::day_name;
use super::homework::{progress_line, progress_line_as};
use super::{Reader, clean, heading, plural, shorten, wrap};
use crate::plan::Plan;
use crate::plan::checkin::{CheckIn, SCALE_MAX, tally};
use crate::plan::date::{
    civil_from_days, date_in_words, days_from_civil, is_date_only, long_date, moment_near,
};
use crate::plan::early_warning::{assess, periods};
use crate::plan::edit::Entry;
use crate::plan::hand_in_zone::ZoneDoubt;
use crate::plan::homework::{Assignment, Differs, Progress, Revision, Task, flags};
use crate::plan::period::{Period, Since};
use crate::plan::rehearsal::{ExerciseKind, Rehearsal};
use crate::render::Style;

/// How and when a review is shown: the style, the person's time zone for
/// moments, and today (days since 1970) for what is overdue.
/// The zone is its own (a cheap clone), so a command can hold an `At`
/// while it writes to its output.
pub struct At {
    pub style: Style,
    pub zone: TimeZone,
    pub today: i64,
}

/// When the homework was set and is due, in words. On two clocks
/// (`two_clocks`), no word counts from anyone's today without saying
/// whose: "due yesterday" (Seoul's) stood beside "today at 06:30 your
/// time" (Los Angeles'), and "Assigned Sunday 29 November" was the
/// therapist's day under "Days and times here are 민준's" (issue 13).
fn assigned_and_due(a: &Assignment, at: &At, reader_at: &At, two_clocks: bool) -> (String, String) {
    let today = civil_from_days(at.today);
    if !two_clocks {
        return (
            moment_near(&a.assigned, &at.zone, today),
            super::homework::due_words(&a.due, today),
        );
    }
    let reader_today = civil_from_days(reader_at.today);
    let assigned = match a.assigned.date.filter(|_| is_date_only(&a.assigned)) {
        Some(day) => plain_day(day, reader_today),
        None => moment_near(&a.assigned, &reader_at.zone, reader_today),
    };
    let due = a
        .due
        .date
        .map_or_else(|| date_in_words(&a.due), |day| plain_day(day, today));
    (format!("{assigned} your time"), due)
}

/// A day in words without "today", "tomorrow" or "yesterday", which
/// would leave open whose today it is: "Friday 4 December" near `today`,
/// else as [`crate::plan::date::day_near`] says it (with its year when
/// not this year's).
fn plain_day(day: toml::value::Date, today: toml::value::Date) -> String {
    match (days_from_civil(day) - days_from_civil(today)).abs() {
        0 | 1 => crate::plan::date::weekday_and_date(day),
        _ => crate::plan::date::day_near(day, today),
    }
}

/// A hand-in: who it is from, when, each task's progress, then its period.
/// `client`: the client's clock, when the hand-in names a zone other than
/// the reader's (`at`): the moment it was handed in is said on both, and
/// every day and time after it is the client's, said so once.
pub fn hand_in(
    out: &mut dyn Write,
    file: &Path,
    a: &Assignment,
    submitted_at: &Datetime,
    (period, tasks): (&Period, &[Progress]),
    (reader_at, client): (&At, Option<&At>),
) -> io::Result<()> {
    hand_in_doubted(
        out,
        file,
        a,
        (submitted_at, None),
        (period, tasks),
        (reader_at, client),
        None,
    )
}

/// [`hand_in`] with `doubt`: its named zone is contradicted by its own
/// times, `client` is the clock they prove, and that is said once.
/// `submitted`: when it was handed in, and when the hand-in it replaces
/// was, for a second one.
pub fn hand_in_doubted(
    out: &mut dyn Write,
    file: &Path,
    a: &Assignment,
    (submitted_at, replaces): (&Datetime, Option<&Datetime>),
    (period, tasks): (&Period, &[Progress]),
    (reader_at, client): (&At, Option<&At>),
    doubt: Option<&ZoneDoubt>,
) -> io::Result<()> {
    let who = a
        .client
        .as_deref()
        .map_or_else(|| "your client".into(), clean);
    let title = format!("Hand-in from {who} for {}'s homework", clean(&a.therapist));
    writeln!(out, "{}", heading(&title, reader_at.style))?;
    let at = client.unwrap_or(reader_at);
    let today = civil_from_days(at.today);
    let handed_in = match client {
        None => moment_near(submitted_at, &at.zone, today),
        Some(theirs) => {
            let place = place_of(&theirs.zone, submitted_at);
            format!(
                "on {}'s {} in {place} ({} your time)",
                a.client
                    .as_deref()
                    .map_or_else(|| "the client".into(), clean),
                whole_moment(submitted_at, &theirs.zone),
                moment_near(
                    submitted_at,
                    &reader_at.zone,
                    civil_from_days(reader_at.today)
                )
            )
        }
    };
    let (assigned, mut due) = assigned_and_due(a, at, reader_at, client.is_some());
    // On two clocks the due day is hers, and says so: "due Sunday 6
    // December, Kolkata time" (a therapist in Los Angeles read "due
    // Sunday" as his own Sunday).
    if let Some(theirs) = client {
        let place = place_of(&theirs.zone, submitted_at);
        due = if place.starts_with("UTC") {
            format!("{due}, {place}")
        } else {
            format!("{due}, {place} time")
        };
    }
    let when = format!(
        "Assigned {assigned}, due {due}, handed in {handed_in}{}.",
        submitted_doubt(a, submitted_at, at.today)
            .map(|why| format!(" (this date looks wrong: {why})"))
            .unwrap_or_default()
    );
    writeln!(out, "{}", wrap(&when, at.style.width, "", ""))?;
    if let Some(theirs) = client {
        let whose = a
            .client
            .as_deref()
            .filter(|c| !c.trim().is_empty())
            .map_or_else(|| "the client's".into(), |c| format!("{}'s", clean(c)));
        let said = match doubt {
            Some(doubt) => zone_doubt_words(doubt, &whose),
            None => format!(
                "Days and times here are {whose}, in {}.",
                place_of(&theirs.zone, submitted_at)
            ),
        };
        writeln!(out, "{}", wrap(&said, at.style.width, "", ""))?;
    }
    if let Some(earlier) = replaces {
        // A second hand-in says which is newer (Linh, issue 13), after
        // whose days and times these are, when the clocks differ.
        let said = format!(
            "This is the newer hand-in: it replaces the one handed in {}, and holds everything that one did and what came after.",
            moment_near(earlier, &at.zone, today)
        );
        writeln!(out, "{}", wrap(&said, at.style.width, "", ""))?;
    }
    writeln!(out)?;
    writeln!(out, "{}", heading("Tasks", at.style))?;
    // The therapist reads about the client's things: by the name the
    // homework gives, or "their", never "your" (Dr Lin).
    let whose = a
        .client
        .as_deref()
        .filter(|c| !c.trim().is_empty())
        .map_or_else(|| "their".to_string(), |c| format!("{c}'s"));
    for p in tasks {
        writeln!(out, "{}", progress_line_as(p, at.style.width, &whose, true))?;
    }
    let all = format!(
        "open `{}` in a text editor to read them all",
        file.display()
    );
    let client = Client::Named(a.client.as_deref().filter(|c| !c.trim().is_empty()));
    body(out, period, at, (Reader::Therapist, client), &all, true)
}

/// Said after a hand-in's review when it names no zone.
pub const NO_ZONE: &str = "This hand-in does not say which time zone it was written in, so its days and times are counted on your clock.";

/// Said after a hand-in's review when the zone it names can't be read:
/// what it says, cleaned and cut short (it may be kilobytes of escapes),
/// and whose clock the days are counted on instead.
pub fn unread_zone(zone: &str) -> String {
    format!(
        "This hand-in names its time zone as “{}”, which relapse-plan can't read, so its days and times are counted on your clock.",
        shorten(zone, 40)
    )
}

/// Where a time zone is, as people name it: "Taipei" for `Asia/Taipei`,
/// "Los Angeles" for `America/Los_Angeles`. A zone that is no place is
/// said by its offset at `when`, as jiff reads it: `Etc/GMT-14` is
/// "UTC+14" (POSIX names count the other way: it was shown as "GMT-14"),
/// `Etc/UTC` "UTC", a fixed offset "UTC+8".
fn place_of(zone: &TimeZone, when: &Datetime) -> String {
    zone.iana_name().and_then(place_name).unwrap_or_else(|| {
        let at = crate::plan::date::unix_seconds(when)
            .and_then(|s| jiff::Timestamp::from_second(s).ok())
            .unwrap_or_default();
        crate::plan::date::utc_offset(zone.to_offset(at).seconds())
    })
}

/// A zone's name as a place ("Los Angeles" for `America/Los_Angeles`),
/// when it is one.
fn place_name(name: &str) -> Option<String> {
    is_place(name).then(|| clean(&name.rsplit('/').next().unwrap_or(name).replace('_', " ")))
}

/// Whether a zone's name is a place's (`Asia/Taipei`, `US/Pacific`)
/// rather than an offset's or an abbreviation's (`Etc/GMT-14`, `UTC`,
/// `CET`, `EST5EDT`).
fn is_place(name: &str) -> bool {
    crate::plan::zones::country_of(name).is_some()
        || (name.contains('/') && !name.starts_with("Etc/"))
}

/// `validate`'s line about a hand-in whose named zone its own times
/// contradict (`line`: where `zone` is written), saying what `review`
/// does about it.
pub fn zone_doubt_check(line: Option<usize>, doubt: &ZoneDoubt) -> String {
    let utc_offset = crate::plan::date::utc_offset;
    let at = line.map_or_else(String::new, |line| format!("Line {line}: "));
    let name = clean(doubt.named.iana_name().unwrap_or("UTC"));
    let (written, then) = (utc_offset(doubt.written), utc_offset(doubt.named_then));
    let shown = if doubt.proven {
        written.as_str()
    } else {
        "UTC"
    };
    format!(
        "{at}the time zone “{name}” is not the one its times were written in ({written}, where {name} was {then}), so `review` shows its days in {shown}"
    )
}

/// `validate`'s line about a hand-in whose zone can't be read (`line`:
/// where `zone` is written), saying what `review` does about it.
pub fn unread_zone_check(line: Option<usize>, zone: &str) -> String {
    let at = line.map_or_else(String::new, |line| format!("Line {line}: "));
    format!(
        "{at}the time zone “{}” is not one relapse-plan can read (`submit` writes a name like Asia/Taipei), so `review` counts its days on the reader's clock",
        shorten(zone, 40)
    )
}

/// The one warning about a hand-in whose named zone its own times
/// contradict: what it names, what its times show, and the clock its days
/// are shown on instead.
fn zone_doubt_words(doubt: &ZoneDoubt, whose: &str) -> String {
    let utc_offset = crate::plan::date::utc_offset;
    let (written, then) = (utc_offset(doubt.written), utc_offset(doubt.named_then));
    let named = match doubt.named.iana_name().and_then(place_name) {
        Some(place) => {
            format!(
                "{place} as the client's time zone, but its times were written at {written}, and {place} was {then} then"
            )
        }
        None => {
            format!("{then} as the client's time zone, but its times were written at {written}")
        }
    };
    if doubt.proven {
        format!(
            "Check the time zone: this hand-in names {named}. Days and times here are {whose}, in {written}, as its times show."
        )
    } else {
        format!(
            "Check the time zone: this hand-in names {named}, and its times do not all carry the same offset. Days and times here are in UTC."
        )
    }
}

/// A moment whole on `zone`'s clock, as no one could mistake for another
/// day: "Monday 30 November at 00:30".
fn whole_moment(at: &Datetime, zone: &TimeZone) -> String {
    crate::plan::date::unix_seconds(at)
        .and_then(|s| jiff::Timestamp::from_second(s).ok())
        .map_or_else(
            || crate::plan::date::local_moment(at, zone),
            |t| {
                t.to_zoned(zone.clone())
                    .strftime("%A %-d %B at %H:%M")
                    .to_string()
            },
        )
}

/// Who wrote the rehearsal answers a review shows: the person reading
/// ("you"), or the client the homework names (`None`: "they").
#[derive(Clone, Copy)]
enum Client<'a> {
    Reader,
    Named(Option<&'a str>),
}

impl Client<'_> {
    /// "you would do", "Wei would do", "they would do".
    fn would_do(self) -> String {
        match self {
            Client::Reader => "what you would do".into(),
            Client::Named(Some(name)) => format!("what {name} would do"),
            Client::Named(None) => "what they would do".into(),
        }
    }
}

/// What `homework submit` is about to write to `file`, in words, as the
/// person's own review shows her plan: the tasks, what of her plan goes in,
/// then what changed, her practice and her check-ins with her notes. Read
/// aloud by a screen reader too, so no file syntax, ids or UTC times
/// (Priya heard 190 lines of TOML); the file itself is one command away.
/// `what` names the file as she reads it ("`hand-in.toml`", or "the
/// hand-in" when it goes to standard output).
pub fn hand_in_preview(
    out: &mut dyn Write,
    what: &str,
    a: &Assignment,
    (period, tasks): (&Period, &[Progress]),
    hidden: bool,
    at: &At,
) -> io::Result<()> {
    let style = at.style;
    let title = format!("Your hand-in for {}'s homework", clean(&a.therapist));
    writeln!(out, "{}", heading(&title, style))?;
    let intro = format!(
        "This is what {what} will hold, in words. Nothing else from your plan folder goes in it.{}",
        if hidden {
            " Characters that would not show, or would turn text around, are written out here like \\u{202e}, and in the file the same way, so they show wherever it is opened; your words are kept as they are."
        } else {
            ""
        }
    );
    writeln!(out, "{}", wrap(&intro, style.width, "", ""))?;
    writeln!(out)?;
    writeln!(out, "{}", heading("Your homework", style))?;
    for p in tasks {
        writeln!(out, "{}", progress_line(p, style.width))?;
    }
    writeln!(out)?;
    writeln!(out, "{}", heading("Your plan as it is now", style))?;
    writeln!(
        out,
        "{}",
        wrap(&plan_parts(&period.plan), style.width, "  ", "  ")
    )?;
    body(
        out,
        period,
        at,
        (Reader::Owner, Client::Reader),
        "the file holds them all",
        false,
    )
}

/// Every part of the plan that goes into a hand-in, counted by its own
/// name, with the people named: the numbers of those she turns to go too,
/// and she should know whose; someone marked not to involve is named as
/// such (Anjali heard Ramesh read out among "people with their numbers").
fn plan_parts(plan: &Plan) -> String {
    let count = |n: usize, one: &str, many: &str| {
        (n > 0).then(|| format!("{} {}", n, if n == 1 { one } else { many }))
    };
    let parts: Vec<String> = [
        count(plan.reasons.len(), "reason", "reasons"),
        count(plan.warning_signs.len(), "warning sign", "warning signs"),
        count(plan.triggers.len(), "trigger", "triggers"),
        count(plan.coping.len(), "way to cope", "ways to cope"),
        count(plan.crisis_steps.len(), "crisis step", "crisis steps"),
        count(
            plan.safe_environment.len(),
            "step for a safer place",
            "steps for a safer place",
        ),
        count(
            plan.lapse_plan.len(),
            "step after a slip",
            "steps after a slip",
        ),
        count(plan.maintenance.len(), "daily habit", "daily habits"),
    ]
    .into_iter()
    .flatten()
    .collect();
    let names = |to_involve: bool, numbered: bool| {
        plan.contacts
            .iter()
            .filter(|c| c.to_involve() == to_involve)
            .filter(|c| c.phone.as_deref().is_some_and(|p| !p.trim().is_empty()) == numbered)
            .map(|c| super::quoted(&c.name))
            .collect::<Vec<_>>()
    };
    // Someone she keeps out of a crisis whose number is in her plan: the
    // number goes too, and she should know (Yuki's mother's did, unsaid).
    let (numbered, without, not_to_involve, not_to_involve_numbered) = (
        names(true, true),
        names(true, false),
        names(false, false),
        names(false, true),
    );
    let mut said = if parts.is_empty() {
        String::new()
    } else {
        format!("{}.", parts.join(", "))
    };
    for (group, words) in [
        (numbered, "People, with their numbers"),
        (without, "People with no number"),
        (not_to_involve, "Marked not to involve"),
        (
            not_to_involve_numbered,
            "Marked not to involve, with their numbers",
        ),
    ] {
        if !group.is_empty() {
            let _ = write!(said, " {words}: {}.", group.join(", "));
        }
    }
    if said.trim().is_empty() {
        return "Nothing yet.".into();
    }
    said.trim_start().to_string()
}

/// Why the moment a hand-in says it was handed in cannot be right: before
/// the homework was assigned (year 0001, or a clock set back; a day's
/// slack, for time zones), or still to come on the reader's clock and more
/// than a year past the due date (year 9999).
fn submitted_doubt(a: &Assignment, submitted_at: &Datetime, today: i64) -> Option<&'static str> {
    let day = submitted_at.date.map(days_from_civil)?;
    if a.assigned
        .date
        .map(days_from_civil)
        .is_some_and(|assigned| day < assigned - 1)
    {
        Some("it is before the homework was assigned")
    } else if day > today + 1
        && a.due
            .date
            .map(days_from_civil)
            .is_none_or(|due| day > due + 366)
    {
        // Still to come on the reader's clock and more than a year past
        // the due date: not a clock a little out, but a date that can't be.
        Some("it is still to come")
    } else {
        None
    }
}

/// The person's own plan since a date or revision.
pub fn own(out: &mut dyn Write, since: &str, period: &Period, at: &At) -> io::Result<()> {
    writeln!(
        out,
        "{}",
        heading(&format!("Your plan since {since}"), at.style)
    )?;
    body(
        out,
        period,
        at,
        (Reader::Owner, Client::Reader),
        "`relapse-plan history` lists every revision",
        true,
    )
}

/// "your last review, 2 March 2027" or "a week ago, …", after "since".
pub fn since_words(since: Since) -> String {
    let day = long_date(since.day());
    match since {
        Since::LastReview(_) => format!("your last review, {day}"),
        Since::WeekAgo(_) => format!("a week ago, {day}"),
    }
}

/// Said when a hand-in's copy of the homework is not the homework file
/// given with `--assignment` (`differs`, from
/// [`crate::plan::homework::differences`]): each difference in words, the
/// hand-in's side first. Every word from either file is cleaned.
pub fn wrong_assignment(
    file: &Path,
    a: &Assignment,
    path: &Path,
    set: &Assignment,
    differs: &[Differs],
) -> String {
    let file = clean(&file.display().to_string());
    let path = clean(&path.display().to_string());
    let (handed, given) = (
        super::homework::named_due_whole(a),
        super::homework::named_due_whole(set),
    );
    // Another homework altogether reads as such, by name; a list of all
    // it differs in would only bury that. One that reads as this homework
    // but is not (its id changed too) has every difference listed.
    if differs.contains(&Differs::Id) && handed != given {
        return format!(
            "`{file}` answers a different assignment: the homework {handed} for {}, not the one in `{path}` ({given}).",
            a.client.as_deref().map_or_else(|| "a client".into(), clean),
        );
    }
    let head = if differs.contains(&Differs::Id) {
        format!(
            "`{file}` answers a different assignment from the one in `{path}`, though both read as the homework {given}"
        )
    } else {
        format!(
            "`{file}` was made from a changed copy of the homework in `{path}`, so it is not what was set"
        )
    };
    let name = |n: &Option<String>| n.as_deref().map_or_else(|| "no one".into(), super::quoted);
    let asks = |tasks: &[Task]| {
        let asked: Vec<String> = tasks
            .iter()
            .map(|t| format!("“{}”", t.describe()))
            .collect();
        super::and_list(&asked)
    };
    let lines: Vec<String> = differs
        .iter()
        .filter_map(|d| {
            Some(match d {
                Differs::Id => return None,
                Differs::Therapist { handed, set } => format!(
                    "the hand-in names the therapist {}, the homework file {}",
                    super::quoted(handed),
                    super::quoted(set)
                ),
                Differs::Client { handed, set } => format!(
                    "the hand-in names the client {}, the homework file {}",
                    name(handed),
                    name(set)
                ),
                Differs::Assigned { handed, set } => format!(
                    "the hand-in says it was set on {}, the homework file on {}",
                    date_in_words(handed),
                    date_in_words(set)
                ),
                Differs::Due { handed, set } => format!(
                    "the hand-in says it is due {}, the homework file {}",
                    date_in_words(handed),
                    date_in_words(set)
                ),
                Differs::Note => "the therapist's note is not the same".into(),
                Differs::Task { handed, set, .. } if handed.is_empty() => format!(
                    "the homework file asks to {}, and the hand-in does not",
                    asks(set)
                ),
                Differs::Task { handed, set, .. } if set.is_empty() => format!(
                    "the hand-in asks to {}, which the homework file does not",
                    asks(handed)
                ),
                Differs::Task { handed, set, .. } => format!(
                    "the hand-in asks to {}, where the homework file asks to {}",
                    asks(handed),
                    asks(set)
                ),
            })
        })
        .collect();
    if lines.is_empty() {
        return format!("{head}.");
    }
    format!("{head}:\n  - {}", lines.join("\n  - "))
}

/// The most changes a review lists, the newest: weeks of homework make a
/// few dozen. A file with tens of thousands came from somewhere else, and
/// a screen of them helps no one (38,000 revisions printed 114,000 lines).
pub const CHANGES_SHOWN: usize = 300;

/// The revisions with changes that a review lists (the newest, up to
/// [`CHANGES_SHOWN`] changes in all, at least one revision), and how many
/// earlier ones, with how many changes, are left out.
fn newest_changes(revisions: &[Revision]) -> (Vec<&Revision>, usize, usize) {
    // By number, oldest first, whatever order the file holds them in (a
    // hand-edited hand-in showed revision 4 above 3; Trudy, issue 13).
    let mut with_changes: Vec<&Revision> =
        revisions.iter().filter(|r| !r.changes.is_empty()).collect();
    with_changes.sort_by_key(|r| r.revision);
    let mut first = with_changes.len();
    let mut room = CHANGES_SHOWN;
    while first > 0 {
        let n = with_changes[first - 1].changes.len();
        if n > room && first < with_changes.len() {
            break;
        }
        room = room.saturating_sub(n);
        first -= 1;
        if room == 0 {
            break;
        }
    }
    let left_out: usize = with_changes[..first].iter().map(|r| r.changes.len()).sum();
    (with_changes[first..].to_vec(), first, left_out)
}

/// What changed, the practice with its trends and answers, the check-ins,
/// and what is worth talking about (only when `talk`: a preview of what
/// she hands in shows what the file holds, not a reading of it), for the
/// `reader` whose notes they are or are not, about `client`; `all` says
/// where to read what a long list leaves out.
fn body(
    out: &mut dyn Write,
    period: &Period,
    at: &At,
    (reader, client): (Reader, Client),
    all: &str,
    talk: bool,
) -> io::Result<()> {
    let style = at.style;
    let width = style.width;
    writeln!(out)?;
    writeln!(out, "{}", heading("What changed", style))?;
    if period.revisions.iter().all(|c| c.changes.is_empty()) {
        writeln!(out, "  Nothing in the plan changed in this period.")?;
    }
    let words = entry_words(period);
    let (shown, earlier, earlier_changes) = newest_changes(&period.revisions);
    if earlier > 0 {
        let left_out = format!(
            "The {} earlier {} ({} {}) are not shown here, only the newest; {all}.",
            super::long::thousands(earlier),
            super::noun(earlier, "revision"),
            super::long::thousands(earlier_changes),
            super::noun(earlier_changes, "change"),
        );
        writeln!(out, "{}", wrap(&left_out, width, "  ", "  "))?;
    }
    for Revision {
        revision,
        saved_at,
        change_note,
        changes,
    } in shown
    {
        let when = saved_at
            .as_ref()
            .map(|s| moment_near(s, &at.zone, civil_from_days(at.today)))
            .unwrap_or_default();
        // The tool's own line about a change repeats what the change lines
        // under it say (Priya read "added contact “…”" twice): said once,
        // there. Her own note, and one that says more, stay.
        let note = change_note
            .as_deref()
            .filter(|n| changes.is_empty() || !crate::plan::note::says_what_changed(n))
            .map(|n| format!(": {}", super::change_note(n, reader)))
            .unwrap_or_default();
        writeln!(
            out,
            "{}",
            super::wrap_labelled(
                &format!("Revision {revision}, {when}{note}"),
                super::note_label(reader),
                width,
                "  ",
                "    "
            )
        )?;
        for change in changes.iter().take(CHANGES_SHOWN) {
            let shown = super::changes::in_words(
                style.plain,
                change,
                &|entry, id| words.get(&(entry, id)).map(|w| (*w).to_string()),
                &|id| period.plan.contact(id).is_some_and(|c| !c.to_involve()),
            );
            writeln!(
                out,
                "{}",
                super::item(super::bullet_marker(style), &shown, width, 4)
            )?;
        }
        if let Some(more) = changes.len().checked_sub(CHANGES_SHOWN).filter(|n| *n > 0) {
            let left_out = format!(
                "and {} more {} in this revision; {all}",
                super::long::thousands(more),
                super::noun(more, "change")
            );
            writeln!(out, "{}", wrap(&left_out, width, "    ", "    "))?;
        }
    }
    writeln!(out)?;
    writeln!(out, "{}", heading("Practice", style))?;
    practice(out, period, at, client)?;
    writeln!(out)?;
    writeln!(out, "{}", heading("Check-ins", style))?;
    check_ins(out, &period.check_ins, &period.plan, reader, at)?;
    if talk {
        worth_talking_about(out, period, at, reader)?;
    }
    Ok(())
}

/// What stands out, for `reader`: the plan's gaps, the stretches the early
/// warning held, and the people named in it.
fn worth_talking_about(
    out: &mut dyn Write,
    period: &Period,
    at: &At,
    reader: Reader,
) -> io::Result<()> {
    let style = at.style;
    let width = style.width;
    writeln!(out)?;
    writeln!(out, "{}", heading("Worth talking about", style))?;
    let mut flags = flags(&period.plan, &period.practice, at.today);
    // Dr Rao was told which command her client could run: for the
    // therapist it is something to plan together in the session.
    if reader == Reader::Therapist {
        for flag in &mut flags {
            if let Some(start) = flag.strip_suffix(crate::plan::homework::MAP_HINT) {
                *flag = format!("{start} (worth planning a response together)");
            }
        }
    }
    let periods = warning_periods(period, at.today);
    if periods.is_empty() {
        flags.extend(strong_urges(period, at.today));
    }
    flags.extend(periods);
    flags.extend(
        crate::plan::mentions::in_plan(&period.plan)
            .iter()
            .map(super::mention_words),
    );
    if flags.is_empty() {
        writeln!(out, "  Nothing stands out.")?;
    }
    for flag in flags {
        let marker = super::bullet_marker(style);
        let laid = super::item(marker, &flag, width, 2);
        writeln!(out, "{}", fit(&laid, width, under(marker, 2)))?;
    }
    Ok(())
}

/// Lines laid out by [`super::item`] or [`wrap`], each at most `width`
/// columns: a piece no line holds whole (a phone number with its hidden
/// characters written out, `+886\u{202e}\u{200b}912…`, which dials
/// nothing as shown) is carried on `hang` columns in, split only between
/// whole shown units. At 50 columns Wei's review cut it at the edge.
fn fit(laid: &str, width: usize, hang: usize) -> String {
    use crate::width::display_width;
    let mut lines = Vec::new();
    for line in laid.split('\n') {
        if display_width(line) <= width {
            lines.push(line.to_string());
            continue;
        }
        let hang = " ".repeat(hang);
        let mut piece = String::new();
        let mut piece_width = 0;
        for (_, unit) in super::shown_units(line) {
            let w = display_width(unit);
            if piece_width + w > width && piece_width > hang.len() {
                lines.push(std::mem::take(&mut piece).trim_end().to_string());
                piece.push_str(&hang);
                piece_width = hang.len();
                if unit == " " {
                    continue;
                }
            }
            piece.push_str(unit);
            piece_width += w;
        }
        lines.push(piece);
    }
    lines.join("\n")
}

/// The column [`super::item`] hangs an item's further lines at.
fn under(marker: &str, depth: usize) -> usize {
    if marker.is_empty() {
        depth
    } else {
        depth + crate::width::display_width(marker) + 1
    }
}

/// Every entry's words by kind and id, gathered once for all the change
/// lines (a lookup each, never a search of the plan per line): from the
/// plan as it is now, or for one that has gone, the words it was first
/// added, removed or renamed with in the period.
fn entry_words(period: &Period) -> BTreeMap<(Entry, &str), &str> {
    use crate::plan::diff::Change;
    let plan = &period.plan;
    let now = (plan
        .triggers
        .iter()
        .map(|t| (Entry::Trigger, &t.id, &t.situation)))
    .chain(plan.coping.iter().map(|c| (Entry::Coping, &c.id, &c.name)))
    .chain(
        plan.contacts
            .iter()
            .map(|c| (Entry::Contact, &c.id, &c.name)),
    );
    let gone = period
        .revisions
        .iter()
        .flat_map(|r| &r.changes)
        .filter_map(|c| match c {
            Change::Added { entry, id, name }
            | Change::Removed { entry, id, name }
            | Change::Renamed {
                entry,
                to: id,
                name,
                ..
            } if !name.trim().is_empty() => Some((*entry, id, name)),
            _ => None,
        });
    let mut words = BTreeMap::new();
    for (entry, id, name) in now.chain(gone) {
        words.entry((entry, id.as_str())).or_insert(name.as_str());
    }
    words
}

/// The check-ins at a glance: urge and distress as small charts, then each
/// day with its numbers, the signs that showed, any lapse and the notes
/// written that day, in the person's words (cleaned: a hand-in is
/// untrusted).
/// A check-in note's label for the therapist, the words revision notes use.
const NOTE_LABEL: &str = "note from the client:";

/// The coping strategies used one day, by their names in the plan; any no
/// longer in it counted as "a strategy since removed" (its id means nothing
/// to a person).
fn used_words(used: &[String], plan: &Plan) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut removed = 0u64;
    for id in used {
        match plan.coping_strategy(id) {
            Some(c) => words.push(format!("“{}”", clean(&c.name))),
            None => removed += 1,
        }
    }
    match removed {
        0 => {}
        1 => words.push("a strategy since removed".into()),
        n => words.push(format!("{n} strategies since removed")),
    }
    words.join(", ")
}

fn check_ins(
    out: &mut dyn Write,
    entries: &[CheckIn],
    plan: &Plan,
    reader: Reader,
    at: &At,
) -> io::Result<()> {
    let (style, today) = (at.style, at.today);
    let (Some(first), Some(last)) = (entries.first(), entries.last()) else {
        writeln!(out, "  No check-ins in this period.")?;
        return Ok(());
    };
    let lapses = entries.iter().filter(|e| e.is_lapse()).count();
    // One day is named once: "from Fri 20 Nov to Fri 20 Nov" read as a
    // form (Linh, issue 13).
    let first_day = day_label(entries, first.day_number(), today);
    let span = if entries.len() == 1 {
        format!(": {first_day}")
    } else {
        format!(
            " from {first_day} to {}",
            day_label(entries, last.day_number(), today)
        )
    };
    let days = format!(
        "{} checked in{span}{}.",
        plural(entries.len() as u64, "day"),
        match lapses {
            0 => String::new(),
            n => format!(", {}", plural(n as u64, "lapse")),
        }
    );
    writeln!(out, "{}", wrap(&days, style.width, "  ", "  "))?;
    let urges: Vec<u8> = entries.iter().map(|e| e.urge).collect();
    writeln!(
        out,
        "  Urge      {}  {}",
        sparkline(&urges, SCALE_MAX, style),
        super::from_to(first.urge, last.urge, style)
    )?;
    let distress: Vec<u8> = entries.iter().filter_map(|e| e.distress).collect();
    if let (Some(a), Some(b)) = (distress.first(), distress.last()) {
        writeln!(
            out,
            "  Distress  {}  {}",
            sparkline(&distress, SCALE_MAX, style),
            super::from_to(a, b, style)
        )?;
    }
    for e in entries {
        let mut line = format!(
            "{}{}: urge {}, distress {}",
            day_label(entries, e.day_number(), today),
            super::checkin::times_that_day(e),
            e.urge,
            e.distress
                .map_or_else(|| "not given".to_string(), |d| d.to_string())
        );
        // Not said is said so, never read as "no" (a check-in by flags
        // without --acted).
        if e.is_lapse() || e.acted.not_said() {
            let _ = fmt::Write::write_fmt(&mut line, format_args!("; acted on it: {}", e.acted));
        }
        if !e.signs.is_empty() {
            let signs: Vec<String> = e.signs.iter().map(|s| format!("“{}”", clean(s))).collect();
            let _ = fmt::Write::write_fmt(&mut line, format_args!("; signs: {}", signs.join(", ")));
        }
        // What helped is what the therapist most wants to hear about
        // (Dr Rao never saw it): the strategy's name from the plan, never
        // its id; one since taken out of the plan is said so plainly.
        if !e.used.is_empty() {
            let used = used_words(&e.used, plan);
            let _ = fmt::Write::write_fmt(&mut line, format_args!("; used: {used}"));
        }
        if !e.did.is_empty() {
            let did: Vec<String> = e.did.iter().map(|s| format!("“{}”", clean(s))).collect();
            let _ = fmt::Write::write_fmt(&mut line, format_args!("; did: {}", did.join(", ")));
        }
        writeln!(out, "{}", wrap(&line, style.width, "  ", "    "))?;
        // Each line they wrote that day, as they wrote it, under the day;
        // for the therapist labelled as the client's, as revision notes are
        // (Dr Rao read a bare quote).
        for note in e.notes.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
            let shown = match reader {
                Reader::Therapist => super::wrap_labelled(
                    &format!("{NOTE_LABEL} “{note}”"),
                    NOTE_LABEL,
                    style.width,
                    "      ",
                    "       ",
                ),
                Reader::Owner => wrap(&format!("“{note}”"), style.width, "      ", "       "),
            };
            writeln!(out, "{shown}")?;
        }
    }
    let mut signs = tally(entries.iter().flat_map(|e| e.signs.iter()));
    signs.sort_by_key(|c| std::cmp::Reverse(c.1));
    if !signs.is_empty() {
        let shown: Vec<String> = signs
            .iter()
            .map(|(sign, n)| format!("“{}” on {}", clean(sign), plural(*n as u64, "day")))
            .collect();
        writeln!(
            out,
            "{}",
            wrap(
                &format!("Signs that showed: {}.", shown.join(", ")),
                style.width,
                "  ",
                "  "
            )
        )?;
    }
    Ok(())
}

/// Every stretch of days the plan's early warning held over the period's
/// check-ins, with why, in the person's own warning signs.
/// The days of a strong urge (at or above her plan's own early-warning
/// level) when they are too few to make a warning period: one hard night
/// ended "Nothing stands out" for her counsellor, though her own screen
/// had shown her crisis steps (Priya, round C).
fn strong_urges(period: &Period, today: i64) -> Option<String> {
    let entries = &period.check_ins;
    let rule = Some(period.plan.early_warning)
        .filter(|r| r.problems().is_empty())
        .unwrap_or_default();
    let strong: Vec<String> = entries
        .iter()
        .filter(|c| c.urge >= rule.urge)
        .map(|c| {
            format!(
                "{} on {}",
                c.urge,
                day_label(entries, c.day_number(), today)
            )
        })
        .collect();
    (!strong.is_empty()).then(|| format!("A strong urge: {}", strong.join(", ")))
}

fn warning_periods(period: &Period, today: i64) -> Vec<String> {
    let entries = &period.check_ins;
    let (Some(first), Some(last)) = (entries.first(), entries.last()) else {
        return Vec::new();
    };
    // A hand-in's plan is untrusted: a rule that could not be saved is not used.
    let rule = Some(period.plan.early_warning)
        .filter(|r| r.problems().is_empty())
        .unwrap_or_default();
    periods(rule, entries, first.day_number(), last.day_number())
        .into_iter()
        .map(|(from, to)| {
            let when = if from == to {
                format!("on {}", day_label(entries, from, today))
            } else {
                format!(
                    "from {} to {}",
                    day_label(entries, from, today),
                    day_label(entries, to, today)
                )
            };
            let mut why = Vec::new();
            if let Some(w) = assess(rule, entries, to) {
                if let Some(signs) = w.signs {
                    let shown: Vec<String> = signs
                        .counts
                        .iter()
                        .map(|(sign, n)| format!("“{}” on {n} of {}", clean(sign), signs.of))
                        .collect();
                    why.push(format!("warning signs: {}", shown.join(", ")));
                }
                if !w.urges.is_empty() {
                    let shown: Vec<String> = w
                        .urges
                        .iter()
                        .map(|(day, urge)| format!("{urge} on {}", day_label(entries, *day, today)))
                        .collect();
                    why.push(format!("strong urges: {}", shown.join(", ")));
                }
                if !w.lapses.is_empty() {
                    let shown: Vec<String> = w
                        .lapses
                        .iter()
                        .map(|d| day_label(entries, *d, today))
                        .collect();
                    why.push(format!("a lapse on {}", shown.join(" and ")));
                }
            }
            format!("the early warning held {when} ({})", why.join("; "))
        })
        .collect()
}

/// A day as people say it ("Mon 23 Nov"), with the year when the
/// check-ins span more than one or are not of this year (`today`), so a
/// far date never reads as this year's ("Mon 1 Jan" of 9999).
fn day_label(entries: &[CheckIn], day: i64, today: i64) -> String {
    let year = |e: Option<&CheckIn>| e.and_then(|e| e.day.date).map(|d| d.year);
    let this_year = Some(civil_from_days(today).year);
    if year(entries.first()) == year(entries.last()) && year(entries.first()) == this_year {
        day_name(day)
    } else {
        format!("{} {}", day_name(day), civil_from_days(day).year)
    }
}

/// Each trigger rehearsed, with its confidence trend and, under it, each
/// answer `client` wrote of what they would do, as written (cleaned) and
/// dated: the therapist wants to read them (Dr Lin saw only the numbers).
fn practice(out: &mut dyn Write, period: &Period, at: &At, client: Client) -> io::Result<()> {
    let (practice, plan) = (&period.practice, &period.plan);
    let mut by_trigger: BTreeMap<&str, Vec<&Rehearsal>> = BTreeMap::new();
    for r in &practice.rehearsals {
        by_trigger.entry(r.trigger.as_str()).or_default().push(r);
    }
    if by_trigger.is_empty() {
        writeln!(out, "  No rehearsals in this period.")?;
    }
    for (id, rehearsals) in &by_trigger {
        // Her whole journey: from the confidence she rated it at before
        // practising, dated, to her last rehearsal (it started at the
        // first rehearsal, and the rating she began from was not shown).
        let rated = period.rating_before(id, &rehearsals[0].at);
        let values: Vec<u8> = rated
            .iter()
            .map(|(v, _)| *v)
            .chain(rehearsals.iter().map(|r| r.confidence))
            .collect();
        trend(out, id, rehearsals.len(), &values, plan, at)?;
        if let Some((value, when)) = &rated {
            let words = rated_words(*value, when.as_ref(), at);
            writeln!(out, "{}", wrap(&words, at.style.width, "    ", "      "))?;
        }
        for r in rehearsals.iter().filter(|r| !r.response.trim().is_empty()) {
            let day = crate::plan::date::local_day(&r.at, &at.zone)
                .map(|day| format!(" ({})", day_name(day)))
                .unwrap_or_default();
            let label = format!("{}{day}:", client.would_do());
            writeln!(
                out,
                "{}",
                fit(
                    &super::wrap_labelled(
                        &format!("{label} “{}”", r.response.trim()),
                        &label,
                        at.style.width,
                        "    ",
                        "      "
                    ),
                    at.style.width,
                    6
                )
            )?;
        }
        // Counted above, so said: a rehearsal with no answer typed is not
        // one of the answers shown (Min-jun's review said 3 rehearsals
        // and showed 2 answers).
        let empty = rehearsals
            .iter()
            .filter(|r| r.response.trim().is_empty())
            .count();
        if empty > 0 {
            writeln!(
                out,
                "    ({empty} {} with nothing typed)",
                if empty == 1 {
                    "rehearsal"
                } else {
                    "rehearsals"
                }
            )?;
        }
    }
    let count = |kind| practice.exercises.iter().filter(|e| e.kind == kind).count();
    let (surf, breathe) = (count(ExerciseKind::Surf), count(ExerciseKind::Breathe));
    if surf + breathe > 0 {
        writeln!(out, "  Urge surfing: {surf}. Paced breathing: {breathe}.")?;
    }
    Ok(())
}

/// The rating a confidence trend starts from: "rated 40% on Tue 24 Nov,
/// before rehearsing", or, rated before the period shown, said so.
fn rated_words(value: u8, when: Option<&Datetime>, at: &At) -> String {
    match when.and_then(|w| crate::plan::date::local_day(w, &at.zone)) {
        Some(day) => format!("rated {value}% on {}, before rehearsing", day_name(day)),
        None => format!("rated {value}% before rehearsing (earlier than shown here)"),
    }
}

/// One trigger's rehearsals at a glance: its situation, how many, and the
/// confidence trend.
/// `count`: how many rehearsals; `values` may start with the rating
/// before them.
fn trend(
    out: &mut dyn Write,
    id: &str,
    count: usize,
    values: &[u8],
    plan: &Plan,
    at: &At,
) -> io::Result<()> {
    let times = plural(count as u64, "rehearsal");
    let trend = format!(
        "{times:<13}  confidence {}  {}",
        sparkline(values, 100, at.style),
        super::from_to(
            format!("{}%", values[0]),
            format!("{}%", values[values.len() - 1]),
            at.style
        )
    );
    // Side by side where it fits; on a narrow terminal the situation
    // on a line of its own, and the counts under it.
    let room = at
        .style
        .width
        .saturating_sub(2 + 2 + crate::width::display_width(&trend));
    let name_width = room.min(30);
    if name_width >= 16 {
        let name = plan
            .trigger(id)
            .map_or_else(|| clean(id), |t| shorten(&t.situation, name_width));
        let line = format!("  {}  {trend}", super::pad(&name, name_width));
        writeln!(out, "{}", super::arrows_as_read(&line))?;
    } else {
        let name = plan.trigger(id).map_or_else(
            || clean(id),
            |t| shorten(&t.situation, at.style.width.saturating_sub(3)),
        );
        writeln!(out, "  {name}\n    {trend}")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Contact, Role};

    /// Yuki: her mother, marked not to involve, had a number in the plan,
    /// and the preview named her without saying the number goes too.
    #[test]
    fn the_preview_says_whose_numbers_go_in_the_hand_in() {
        let mut plan = Plan::new("由紀".into(), Some("JP".into()));
        for (id, name, phone, role) in [
            (
                "m",
                "佐藤　美咲",
                Some("０９０－１２３４－５６７８"),
                Role::Help,
            ),
            ("k", "鈴木", None, Role::Help),
            (
                "h",
                "母",
                Some("０６－１１１１－２２２２"),
                Role::DoNotInvolve,
            ),
            ("d", "Dave", None, Role::DoNotInvolve),
        ] {
            plan.contacts.push(Contact {
                id: id.into(),
                name: name.into(),
                phone: phone.map(String::from),
                role,
                reachable: None,
            });
        }
        let said = plan_parts(&plan);
        assert!(
            said.contains("People, with their numbers: “佐藤　美咲”."),
            "{said}"
        );
        assert!(said.contains("People with no number: “鈴木”."), "{said}");
        assert!(said.contains("Marked not to involve: “Dave”."), "{said}");
        assert!(
            said.contains("Marked not to involve, with their numbers: “母”."),
            "{said}"
        );
    }
}
