//! The daily check-in: one entry per local day (urge, whether it was acted
//! on, warning signs, maintenance, coping, distress, a note), the log that
//! holds them, and the days-since-a-lapse count. Pure: the day and the
//! moment are always given, never read from a clock.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use toml::value::{Date, Datetime};

use super::date::{civil_from_days, date_only, days_from_civil};

/// The check-in log's own format version (`version` in check-ins.toml).
pub const CHECK_IN_VERSION: i64 = 1;

/// The highest an urge or distress rating goes.
pub const SCALE_MAX: u8 = 10;

/// Whether the person acted on an urge today.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Acted {
    /// Not said: a check-in by flags without `--acted`, or one stopped
    /// before the question. Never written to a file (the key is left
    /// out), never counted as "no": what was not said is not recorded as
    /// said. Lowest, so any answer that day wins over it.
    #[default]
    NotSaid,
    No,
    Partly,
    Yes,
}

impl Acted {
    pub const ALL: [Acted; 3] = [Acted::No, Acted::Partly, Acted::Yes];

    pub fn key(self) -> &'static str {
        match self {
            Acted::NotSaid => "not-said",
            Acted::No => "no",
            Acted::Partly => "partly",
            Acted::Yes => "yes",
        }
    }

    /// A "partly" or "yes" is a lapse: something to learn from.
    pub fn is_lapse(self) -> bool {
        matches!(self, Acted::Partly | Acted::Yes)
    }

    /// Whether it was not said (see [`Acted::NotSaid`]).
    pub fn not_said(&self) -> bool {
        *self == Acted::NotSaid
    }
}

impl fmt::Display for Acted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Acted::NotSaid => f.write_str("not said"),
            other => f.write_str(other.key()),
        }
    }
}

impl FromStr for Acted {
    type Err = String;

    fn from_str(s: &str) -> Result<Acted, String> {
        let wanted = s.trim().to_lowercase();
        Acted::ALL
            .into_iter()
            .find(|a| a.key() == wanted)
            .ok_or_else(|| format!("`{s}` is not one of: no, partly, yes"))
    }
}

/// What one check-in says about a day.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answers {
    /// The strongest urge today, 0-10.
    pub urge: u8,
    pub acted: Acted,
    /// The plan's warning signs that showed today, verbatim.
    pub signs: Vec<String>,
    /// The daily maintenance done today, verbatim.
    pub did: Vec<String>,
    /// Ids of the coping strategies used today.
    pub used: Vec<String>,
    /// Distress or low mood, 0-10.
    pub distress: Option<u8>,
    /// A line in the person's own words.
    pub note: Option<String>,
}

/// One local day's check-in, as kept in check-ins.toml.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckIn {
    /// The person's local calendar day.
    pub day: Datetime,
    /// Every moment they checked in that day (UTC), first first.
    pub times: Vec<Datetime>,
    pub urge: u8,
    #[serde(default, skip_serializing_if = "Acted::not_said")]
    pub acted: Acted,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub signs: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub did: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub used: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distress: Option<u8>,
    /// Every line they wrote that day, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// Keys a newer relapse-plan wrote, kept as they are.
    #[serde(flatten)]
    pub other: toml::Table,
}

impl CheckIn {
    /// The day as days since 1970-01-01 (0 for a day that is not a date,
    /// which validation refuses before it gets here).
    pub fn day_number(&self) -> i64 {
        self.day.date.map_or(0, days_from_civil)
    }

    pub fn is_lapse(&self) -> bool {
        self.acted.is_lapse()
    }

    /// The answers as they stand for the day.
    pub fn answers(&self) -> Answers {
        Answers {
            urge: self.urge,
            acted: self.acted,
            signs: self.signs.clone(),
            did: self.did.clone(),
            used: self.used.clone(),
            distress: self.distress,
            note: None,
        }
    }
}

/// check-ins.toml: every day's check-in, oldest first, one per day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckInLog {
    pub version: i64,
    #[serde(default, rename = "check_ins")]
    pub entries: Vec<CheckIn>,
    /// Keys a newer relapse-plan wrote, kept as they are.
    #[serde(flatten)]
    pub other: toml::Table,
}

impl Default for CheckInLog {
    fn default() -> CheckInLog {
        CheckInLog {
            version: CHECK_IN_VERSION,
            entries: Vec::new(),
            other: toml::Table::new(),
        }
    }
}

/// Whether a check-in was new for its day or added to an earlier one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recorded {
    New,
    Updated,
}

impl CheckInLog {
    /// Records a check-in for `day` at `at`. A second one the same day is
    /// merged into the first so nothing said earlier is lost: the strongest
    /// urge, the most acted, every sign, maintenance and coping named either
    /// time, the highest distress, every note, and both times. Highest, not
    /// latest: a 9 in the afternoon and a 3 at night is a day with a 9 in
    /// it, and that is what her therapist needs to see (Linh, issue 13).
    pub fn record(&mut self, day: Date, at: Datetime, answers: Answers) -> Recorded {
        let key = days_from_civil(day);
        let note: Vec<String> = answers.note.into_iter().collect();
        // Entries are kept in day order; a check-in for today almost always
        // goes at the end, so search from there.
        let position = self.entries.iter().rposition(|e| e.day_number() <= key);
        if let Some(i) = position
            && self.entries[i].day_number() == key
        {
            let entry = &mut self.entries[i];
            entry.times.push(at);
            entry.urge = entry.urge.max(answers.urge);
            entry.acted = entry.acted.max(answers.acted);
            union(&mut entry.signs, answers.signs);
            union(&mut entry.did, answers.did);
            union(&mut entry.used, answers.used);
            entry.distress = highest(entry.distress, answers.distress);
            for n in note {
                if !entry.notes.contains(&n) {
                    entry.notes.push(n);
                }
            }
            return Recorded::Updated;
        }
        let entry = CheckIn {
            day: date_only(day),
            times: vec![at],
            urge: answers.urge,
            acted: answers.acted,
            signs: dedup(answers.signs),
            did: dedup(answers.did),
            used: dedup(answers.used),
            distress: answers.distress,
            notes: note,
            other: toml::Table::new(),
        };
        self.entries.insert(position.map_or(0, |i| i + 1), entry);
        Recorded::New
    }

    /// Moves the check-in of day `from` to day `to` (one saved while the
    /// clock was ahead), joined to any check-in `to` already holds as a
    /// second check-in that day is: nothing either said is lost, and each
    /// moment it was saved at is kept as it was. `None` when `from` holds
    /// no check-in.
    pub fn move_day(&mut self, from: Date, to: Date) -> Option<Recorded> {
        let key = days_from_civil(from);
        let at = self.entries.iter().position(|e| e.day_number() == key)?;
        if from == to {
            return Some(Recorded::Updated);
        }
        let moved = self.entries.remove(at);
        let mut moved = moved;
        moved.day = date_only(to);
        Some(self.join(moved))
    }

    /// Adds `other` as the check-in of its day, joined to the one the log
    /// holds for that day as a second check-in is: nothing either said is
    /// lost, and a moment already there is not added twice (so joining the
    /// same check-in again changes nothing).
    pub fn join(&mut self, other: CheckIn) -> Recorded {
        let target = other.day_number();
        let position = self.entries.iter().rposition(|e| e.day_number() <= target);
        if let Some(i) = position
            && self.entries[i].day_number() == target
        {
            let entry = &mut self.entries[i];
            for at in other.times {
                if !entry.times.contains(&at) {
                    entry.times.push(at);
                }
            }
            entry.urge = entry.urge.max(other.urge);
            entry.acted = entry.acted.max(other.acted);
            union(&mut entry.signs, other.signs);
            union(&mut entry.did, other.did);
            union(&mut entry.used, other.used);
            entry.distress = highest(entry.distress, other.distress);
            union(&mut entry.notes, other.notes);
            for (key, value) in other.other {
                entry.other.entry(key).or_insert(value);
            }
            return Recorded::Updated;
        }
        self.entries.insert(position.map_or(0, |i| i + 1), other);
        Recorded::New
    }

    /// Today's entry, if there is one.
    pub fn on(&self, day: Date) -> Option<&CheckIn> {
        let key = days_from_civil(day);
        self.entries.iter().rev().find(|e| e.day_number() == key)
    }

    /// The entries on or before `day`, oldest first: what she said
    /// before, earlier today or on earlier days (never a day the clock has
    /// not reached, if it was set back).
    pub fn until(&self, day: Date) -> &[CheckIn] {
        let key = days_from_civil(day);
        &self.entries[..self.entries.partition_point(|e| e.day_number() <= key)]
    }

    /// The entries from `first` to `last` (days since 1970), in order.
    pub fn between(&self, first: i64, last: i64) -> impl Iterator<Item = &CheckIn> {
        self.entries
            .iter()
            .filter(move |e| (first..=last).contains(&e.day_number()))
    }

    /// The newest `n` entries, oldest first: all the early warning needs.
    #[must_use]
    pub fn recent(&self, n: usize) -> CheckInLog {
        CheckInLog {
            version: self.version,
            entries: self.entries[self.entries.len().saturating_sub(n)..].to_vec(),
            other: toml::Table::new(),
        }
    }

    /// Problems that make the log unsafe to use, in words.
    pub fn problems(&self) -> Vec<String> {
        self.troubles().into_iter().map(|t| t.words).collect()
    }

    /// [`CheckInLog::problems`], each with the entry (counted from 0) and
    /// its field, so a file holding the log (a hand-in) can name the line,
    /// as it does for every other problem.
    pub fn troubles(&self) -> Vec<EntryTrouble> {
        let mut problems = Vec::new();
        let mut last = None;
        for (i, e) in self.entries.iter().enumerate() {
            let n = i + 1;
            let mut push = |field: &str, words: String| {
                problems.push(EntryTrouble {
                    entry: i,
                    field: field.to_string(),
                    words,
                });
            };
            // A key hand-written into a check-in of this version (`note`
            // for `notes`, `distres`) was read as nothing and left out when
            // the log was next written: her words lost without a word
            // (Trudy, issue 12). Only a newer log's keys are kept as they
            // are, and such a log is never rewritten.
            if self.version <= CHECK_IN_VERSION
                && let Some(unknown) = e.other.keys().next()
            {
                push(
                    unknown,
                    format!(
                        "check-in {n}: `{unknown}` is not a field relapse-plan knows (a typo?); \
                         it would be lost, so nothing was changed"
                    ),
                );
                continue;
            }
            if !e.day.date.is_some_and(super::date::is_real_date)
                || e.day.time.is_some()
                || e.day.offset.is_some()
            {
                push(
                    "day",
                    format!("check-in {n}: `day` should be a date like 2026-11-22"),
                );
                continue;
            }
            if e.urge > SCALE_MAX || e.distress.is_some_and(|d| d > SCALE_MAX) {
                let field = if e.urge > SCALE_MAX {
                    "urge"
                } else {
                    "distress"
                };
                push(
                    field,
                    format!("check-in {n}: urge and distress go from 0 to 10"),
                );
            }
            let day = e.day_number();
            if last.is_some_and(|l| l >= day) {
                push(
                    "day",
                    format!("check-in {n} ({}) is out of order or repeats a day", e.day),
                );
            }
            last = Some(day);
        }
        problems
    }
}

/// One problem of a check-in log: which entry (counted from 0), the
/// field it is in, and the words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryTrouble {
    pub entry: usize,
    pub field: String,
    pub words: String,
}

/// The higher of two ratings, either of which may be unsaid.
fn highest(a: Option<u8>, b: Option<u8>) -> Option<u8> {
    a.max(b)
}

fn union(list: &mut Vec<String>, more: Vec<String>) {
    for item in more {
        if !list.contains(&item) {
            list.push(item);
        }
    }
}

fn dedup(list: Vec<String>) -> Vec<String> {
    let mut out = Vec::with_capacity(list.len());
    union(&mut out, list);
    out
}

/// Days without a lapse: the current stretch and the longest one. Counted
/// over checked-in days only from the first check-in; a lapse starts a new
/// stretch but never takes the earlier days away.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stretch {
    /// Days since the last lapse (or since the first check-in, when there
    /// has been none), today included when today is lapse-free.
    pub current: i64,
    /// The longest lapse-free stretch so far, the current one included.
    pub longest: i64,
    /// How many lapse-free days there have been in all.
    pub total_free: i64,
    /// Whether there has been any lapse at all.
    pub any_lapse: bool,
}

/// The stretches as of `today`, from the log.
pub fn stretch(log: &CheckInLog, today: Date) -> Option<Stretch> {
    let first = log.entries.first()?.day_number();
    let today = days_from_civil(today);
    let mut longest = 0;
    let mut start = first;
    let mut lapse_days = 0;
    let mut any_lapse = false;
    for e in log.entries.iter().filter(|e| e.is_lapse()) {
        let day = e.day_number();
        if day > today {
            break;
        }
        any_lapse = true;
        lapse_days += 1;
        longest = longest.max(day - start);
        start = day + 1;
    }
    let current = (today + 1 - start).max(0);
    Some(Stretch {
        current,
        longest: longest.max(current),
        total_free: (today + 1 - first - lapse_days).max(0),
        any_lapse,
    })
}

/// Counts by text over a set of entries, in first-seen order.
pub fn tally<'a>(items: impl Iterator<Item = &'a String>) -> Vec<(String, usize)> {
    let mut order: Vec<String> = Vec::new();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for item in items {
        let count = counts.entry(item.as_str()).or_insert(0);
        if *count == 0 {
            order.push(item.clone());
        }
        *count += 1;
    }
    order
        .into_iter()
        .map(|k| {
            let n = counts[k.as_str()];
            (k, n)
        })
        .collect()
}

/// The date `days` after 1970-01-01, as a TOML date.
pub fn date_of(days: i64) -> Date {
    civil_from_days(days)
}

/// Which of the plan's items (warning signs, daily maintenance: `known`,
/// as her lists number them from 1) a word on the command line names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Named {
    /// The item at this place in `known`.
    One(usize),
    /// Words found in more than one: their places.
    Several(Vec<usize>),
    Nothing,
}

/// The item `typed` names, as trigger commands read a name: its words in
/// any case (spaces folded), the number the list shows (in any script's
/// digits), or a part of its words found in that one item alone
/// (Anjali typed "sleep" for "Skipping meals and sleeping badly").
pub fn named(known: &[String], typed: &str) -> Named {
    // Accents however they were typed (composed or not) are one letter.
    let fold = |words: &str| super::same::words_key(&super::typed::fold(words));
    let wanted = fold(typed);
    if wanted.is_empty() {
        return Named::Nothing;
    }
    if let Some(at) = known.iter().position(|k| fold(k) == wanted) {
        return Named::One(at);
    }
    if let Some(n) = super::typed::whole_number(&wanted)
        && let Ok(n) = usize::try_from(n)
        && (1..=known.len()).contains(&n)
    {
        return Named::One(n - 1);
    }
    let having: Vec<usize> = (0..known.len())
        .filter(|&at| fold(&known[at]).contains(&wanted))
        .collect();
    match having.as_slice() {
        [] => Named::Nothing,
        [one] => Named::One(*one),
        _ => Named::Several(having),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sign_is_named_by_its_words_its_number_or_a_part_found_in_it_alone() {
        let known: Vec<String> = [
            "Skipping meals and sleeping badly",
            "Thinking \"one won't matter\"",
            "Not answering Alex's messages",
            "眠れない",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(
            named(&known, "skipping MEALS and  sleeping badly"),
            Named::One(0)
        );
        assert_eq!(named(&known, "2"), Named::One(1));
        assert_eq!(named(&known, "４"), Named::One(3));
        assert_eq!(named(&known, "sleep"), Named::One(0));
        assert_eq!(named(&known, "眠れ"), Named::One(3));
        assert_eq!(named(&known, "in"), Named::Several(vec![0, 1, 2]));
        assert_eq!(named(&known, "5"), Named::Nothing);
        assert_eq!(named(&known, "Feeling great"), Named::Nothing);
        assert_eq!(named(&known, "  "), Named::Nothing);
    }

    fn day(d: u8) -> Date {
        Date {
            year: 2026,
            month: 11,
            day: d,
        }
    }

    fn at(text: &str) -> Datetime {
        text.parse().unwrap()
    }

    fn answers(urge: u8, acted: Acted, signs: &[&str]) -> Answers {
        Answers {
            urge,
            acted,
            signs: signs.iter().map(ToString::to_string).collect(),
            ..Answers::default()
        }
    }

    #[test]
    fn a_second_check_in_the_same_day_keeps_both() {
        let mut log = CheckInLog::default();
        let mut first = answers(6, Acted::No, &["Skipping meals"]);
        first.note = Some("rough morning".into());
        first.distress = Some(5);
        assert_eq!(
            log.record(day(22), at("2026-11-22T08:00:00Z"), first),
            Recorded::New
        );
        let mut second = answers(3, Acted::Partly, &["Skipping meals", "Not sleeping"]);
        second.note = Some("better evening".into());
        assert_eq!(
            log.record(day(22), at("2026-11-22T20:00:00Z"), second),
            Recorded::Updated
        );
        assert_eq!(log.entries.len(), 1);
        let e = &log.entries[0];
        assert_eq!(e.times.len(), 2);
        assert_eq!(e.urge, 6, "the strongest urge of the day");
        assert_eq!(e.acted, Acted::Partly);
        assert_eq!(e.signs, ["Skipping meals", "Not sleeping"]);
        assert_eq!(e.distress, Some(5), "no new rating keeps the earlier one");
        assert_eq!(e.notes, ["rough morning", "better evening"]);
    }

    #[test]
    fn a_day_keeps_its_highest_distress_not_its_latest() {
        let mut log = CheckInLog::default();
        let mut afternoon = answers(4, Acted::No, &[]);
        afternoon.distress = Some(9);
        log.record(day(22), at("2026-11-22T08:00:00Z"), afternoon);
        let mut night = answers(1, Acted::No, &[]);
        night.distress = Some(3);
        log.record(day(22), at("2026-11-22T15:00:00Z"), night);
        let e = &log.entries[0];
        assert_eq!((e.urge, e.distress), (4, Some(9)));
        // A lower one first and the higher later: the higher all the same.
        let mut morning = answers(2, Acted::No, &[]);
        morning.distress = Some(2);
        log.record(day(23), at("2026-11-23T01:00:00Z"), morning);
        let mut evening = answers(2, Acted::No, &[]);
        evening.distress = Some(8);
        log.record(day(23), at("2026-11-23T12:00:00Z"), evening);
        assert_eq!(log.entries[1].distress, Some(8));
    }

    #[test]
    fn entries_stay_in_day_order() {
        let mut log = CheckInLog::default();
        for d in [22, 20, 21, 25] {
            log.record(day(d), at("2026-11-25T08:00:00Z"), Answers::default());
        }
        let days: Vec<u8> = log
            .entries
            .iter()
            .map(|e| e.day.date.unwrap().day)
            .collect();
        assert_eq!(days, [20, 21, 22, 25]);
        assert!(log.problems().is_empty());
        assert_eq!(log.on(day(21)).map(|e| e.urge), Some(0));
        assert!(log.on(day(23)).is_none());
    }

    #[test]
    fn a_lapse_starts_a_new_stretch_but_keeps_the_longest() {
        let mut log = CheckInLog::default();
        for d in 1..=10 {
            log.record(day(d), at("2026-11-10T08:00:00Z"), Answers::default());
        }
        log.record(
            day(11),
            at("2026-11-11T08:00:00Z"),
            answers(8, Acted::Yes, &[]),
        );
        log.record(day(13), at("2026-11-13T08:00:00Z"), Answers::default());
        let s = stretch(&log, day(13)).unwrap();
        assert_eq!(s.current, 2, "the 12th and the 13th");
        assert_eq!(s.longest, 10);
        assert_eq!(s.total_free, 12);
        assert!(s.any_lapse);
        let on_the_day = stretch(&log, day(11)).unwrap();
        assert_eq!(on_the_day.current, 0);
        assert_eq!(on_the_day.longest, 10);
    }

    #[test]
    fn a_check_in_moved_to_another_day_joins_it_and_nothing_is_lost() {
        let mut log = CheckInLog::default();
        let mut late = answers(2, Acted::No, &["Skipping meals"]);
        late.note = Some("from the clock ahead".into());
        let ahead = Date {
            year: 2027,
            month: 11,
            day: 30,
        };
        log.record(ahead, at("2027-11-29T20:00:00Z"), late);
        let mut real = answers(8, Acted::Yes, &["Not sleeping"]);
        real.note = Some("bad night".into());
        log.record(day(28), at("2026-11-28T20:00:00Z"), real);
        assert_eq!(log.move_day(day(1), day(28)), None, "no check-in that day");
        assert_eq!(log.move_day(ahead, day(28)), Some(Recorded::Updated));
        assert_eq!(log.entries.len(), 1);
        let e = &log.entries[0];
        assert_eq!(e.day.to_string(), "2026-11-28");
        assert_eq!(e.urge, 8);
        assert_eq!(e.acted, Acted::Yes);
        assert_eq!(e.signs, ["Not sleeping", "Skipping meals"]);
        assert_eq!(e.notes, ["bad night", "from the clock ahead"]);
        assert_eq!(e.times.len(), 2);
        // To a day with none: it becomes that day's, in day order.
        log.record(day(29), at("2026-11-29T20:00:00Z"), Answers::default());
        assert_eq!(log.move_day(day(29), day(20)), Some(Recorded::New));
        let days: Vec<String> = log.entries.iter().map(|e| e.day.to_string()).collect();
        assert_eq!(days, ["2026-11-20", "2026-11-28"]);
        assert!(log.problems().is_empty());
    }

    #[test]
    fn unknown_keys_are_kept() {
        let text = "version = 1\nfuture = \"x\"\n\n[[check_ins]]\nday = 2026-11-22\ntimes = [2026-11-22T08:00:00Z]\nurge = 3\nmood_colour = \"blue\"\n";
        let log: CheckInLog = toml::from_str(text).unwrap();
        assert_eq!(log.other.get("future").and_then(|v| v.as_str()), Some("x"));
        assert!(log.entries[0].other.contains_key("mood_colour"));
        let back = toml::to_string_pretty(&log).unwrap();
        let again: CheckInLog = toml::from_str(&back).unwrap();
        assert_eq!(again, log);
        assert!(back.contains("mood_colour"), "{back}");
    }
}
