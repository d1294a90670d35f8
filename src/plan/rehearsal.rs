//! Rehearsal scheduling and the practice log. Each trigger is practised at
//! expanding intervals (1, 2, 4, 8, 16, 30 days): recalling all of the
//! planned response moves it one step out, some keeps the interval, none
//! starts over. A rehearsal is practice, not a change to the plan, so it is
//! logged in practice.toml rather than saved as a revision.

use jiff::tz::TimeZone;
use serde::{Deserialize, Serialize};
use toml::value::Datetime;

use super::date::{civil_from_days, date_only, days_from_civil, local_day};
use super::priority::sorted;
use super::{Plan, Trigger};

/// Days until the next rehearsal, by step.
pub const INTERVALS: [i64; 6] = [1, 2, 4, 8, 16, 30];

/// How much of the planned response the person recalled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Recall {
    All,
    Some,
    None,
}

/// The practice log's own format version. Logs written before it had a
/// version read as version 1.
pub const PRACTICE_VERSION: i64 = 1;

/// One rehearsal, as logged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rehearsal {
    pub trigger: String,
    pub at: Datetime,
    /// What the person typed they would do, kept as they wrote it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub response: String,
    pub recalled: Recall,
    /// Confidence to handle it now, 0-100 %.
    pub confidence: u8,
    /// Keys a newer relapse-plan wrote, kept as they are.
    #[serde(flatten)]
    pub other: toml::Table,
}

/// A timed exercise: paced breathing or urge surfing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ExerciseKind {
    Breathe,
    Surf,
}

/// One exercise, as logged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Exercise {
    pub kind: ExerciseKind,
    pub at: Datetime,
    /// How long it ran.
    pub seconds: u32,
    /// Whether it ran to the end (false when stopped early, which is fine).
    pub completed: bool,
    /// Urge surfing: the urge, 0-10, at each check.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ratings: Vec<u8>,
    /// The trigger it was for, when the person said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trigger: Option<String>,
    /// Keys a newer relapse-plan wrote, kept as they are.
    #[serde(flatten)]
    pub other: toml::Table,
}

/// practice.toml: every rehearsal and exercise, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PracticeLog {
    #[serde(default = "first_version")]
    pub version: i64,
    #[serde(default)]
    pub rehearsals: Vec<Rehearsal>,
    #[serde(default)]
    pub exercises: Vec<Exercise>,
    /// Keys a newer relapse-plan wrote, kept as they are.
    #[serde(flatten)]
    pub other: toml::Table,
}

impl Default for PracticeLog {
    fn default() -> PracticeLog {
        PracticeLog {
            version: PRACTICE_VERSION,
            rehearsals: Vec::new(),
            exercises: Vec::new(),
            other: toml::Table::new(),
        }
    }
}

fn first_version() -> i64 {
    1
}

/// When a trigger is next due, and how often it has been practised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Due {
    pub trigger: String,
    /// Days since 1970-01-01 of the due date; `None` when never rehearsed.
    pub due_day: Option<i64>,
    pub rehearsals: usize,
    pub last_confidence: Option<u8>,
}

impl Due {
    /// Whether it is due on `today` (days since 1970-01-01).
    pub fn is_due(&self, today: i64) -> bool {
        self.due_day.is_none_or(|d| d <= today)
    }

    /// The due date as a TOML date, when there is one.
    pub fn due_date(&self) -> Option<Datetime> {
        self.due_day.map(|d| date_only(civil_from_days(d)))
    }
}

/// The person's local day (since 1970-01-01) of a logged moment.
pub fn day_of(at: &Datetime, zone: &TimeZone) -> Option<i64> {
    local_day(at, zone)
}

/// The schedule for one trigger, from its rehearsals in order; days are
/// the person's days in `zone`.
pub fn schedule(trigger: &str, log: &PracticeLog, zone: &TimeZone) -> Due {
    let mut step: Option<usize> = None;
    let mut last = None;
    let mut count = 0;
    for r in log.rehearsals.iter().filter(|r| r.trigger == trigger) {
        count += 1;
        step = Some(match (r.recalled, step) {
            (Recall::All, Some(s)) => (s + 1).min(INTERVALS.len() - 1),
            (Recall::Some, Some(s)) => s,
            (Recall::All | Recall::Some, None) | (Recall::None, _) => 0,
        });
        last = Some(r);
    }
    Due {
        trigger: trigger.to_string(),
        due_day: last
            .and_then(|r| day_of(&r.at, zone))
            .zip(step)
            .map(|(day, s)| day + INTERVALS[s]),
        rehearsals: count,
        last_confidence: last.map(|r| r.confidence),
    }
}

/// Every trigger's schedule: due ones first, riskiest first among them,
/// then the rest by due date.
pub fn agenda<'a>(
    plan: &'a Plan,
    log: &PracticeLog,
    today: i64,
    zone: &TimeZone,
) -> Vec<(&'a Trigger, Due)> {
    // Riskiest first by the plan's one order, as every screen shows it.
    let mut items: Vec<(&Trigger, Due)> = sorted(&plan.triggers)
        .into_iter()
        .map(|t| (t, schedule(&t.id, log, zone)))
        .collect();
    items.sort_by(|(_, da), (_, db)| {
        db.is_due(today).cmp(&da.is_due(today)).then_with(|| {
            if da.is_due(today) {
                std::cmp::Ordering::Equal
            } else {
                da.due_day.cmp(&db.due_day)
            }
        })
    });
    items
}

/// How much practice happened this week (from Monday) and this month.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    pub week_rehearsals: usize,
    pub week_exercises: usize,
    pub month_rehearsals: usize,
    pub month_exercises: usize,
}

/// Counts practice in the calendar week (Monday first) and month of `today`,
/// by the person's days in `zone`.
pub fn totals(log: &PracticeLog, today: i64, zone: &TimeZone) -> Totals {
    // 1970-01-01 was a Thursday: three days after a Monday.
    let monday = today - (today + 3).rem_euclid(7);
    let first_of_month = {
        let date = civil_from_days(today);
        days_from_civil(toml::value::Date { day: 1, ..date })
    };
    let count = |days: Vec<Option<i64>>, since: i64| {
        days.into_iter()
            .flatten()
            .filter(|d| (since..=today).contains(d))
            .count()
    };
    let rehearsal_days = || {
        log.rehearsals
            .iter()
            .map(|r| day_of(&r.at, zone))
            .collect::<Vec<_>>()
    };
    let exercise_days = || {
        log.exercises
            .iter()
            .map(|e| day_of(&e.at, zone))
            .collect::<Vec<_>>()
    };
    Totals {
        week_rehearsals: count(rehearsal_days(), monday),
        week_exercises: count(exercise_days(), monday),
        month_rehearsals: count(rehearsal_days(), first_of_month),
        month_exercises: count(exercise_days(), first_of_month),
    }
}

/// A trigger's confidence at each rehearsal, oldest first.
pub fn trend(log: &PracticeLog, trigger: &str) -> Vec<u8> {
    log.rehearsals
        .iter()
        .filter(|r| r.trigger == trigger)
        .map(|r| r.confidence)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(day: &str) -> Datetime {
        format!("{day}T10:00:00Z").parse().unwrap()
    }

    fn log(entries: &[(&str, Recall)]) -> PracticeLog {
        PracticeLog {
            rehearsals: entries
                .iter()
                .map(|(day, recalled)| Rehearsal {
                    trigger: "payday".into(),
                    at: at(day),
                    response: String::new(),
                    recalled: *recalled,
                    confidence: 60,
                    other: toml::Table::new(),
                })
                .collect(),
            ..PracticeLog::default()
        }
    }

    #[test]
    fn an_old_log_reads_as_version_1_and_unknown_keys_are_kept() {
        let text = "future = \"x\"\n\n[[rehearsals]]\ntrigger = \"payday\"\nat = 2026-11-22T10:00:00Z\nrecalled = \"all\"\nconfidence = 60\nfelt = \"calm\"\n\n[[exercises]]\nkind = \"breathe\"\nat = 2026-11-22T10:00:00Z\nseconds = 60\ncompleted = true\nwith = \"Jo\"\n";
        let log: PracticeLog = toml::from_str(text).unwrap();
        assert_eq!(log.version, 1);
        let back = toml::to_string_pretty(&log).unwrap();
        assert!(back.starts_with("version = 1\n"), "{back}");
        for kept in ["future = \"x\"", "felt = \"calm\"", "with = \"Jo\""] {
            assert!(back.contains(kept), "{kept} lost:\n{back}");
        }
        assert_eq!(toml::from_str::<PracticeLog>(&back).unwrap(), log);
    }

    fn due(entries: &[(&str, Recall)]) -> String {
        schedule("payday", &log(entries), &TimeZone::UTC)
            .due_date()
            .map(|d| d.to_string())
            .unwrap_or_default()
    }

    #[test]
    fn intervals_expand_with_full_recall() {
        assert_eq!(due(&[]), "");
        assert_eq!(due(&[("2026-11-22", Recall::All)]), "2026-11-23");
        assert_eq!(
            due(&[("2026-11-22", Recall::All), ("2026-11-23", Recall::All)]),
            "2026-11-25"
        );
        let mut many = vec![("2026-11-01", Recall::All); 9];
        many.push(("2026-11-22", Recall::All));
        assert_eq!(due(&many), "2026-12-22", "capped at 30 days");
    }

    #[test]
    fn some_keeps_the_interval_and_none_starts_over() {
        let steps = [("2026-11-20", Recall::All), ("2026-11-21", Recall::All)];
        assert_eq!(
            due(&[steps[0], steps[1], ("2026-11-23", Recall::Some)]),
            "2026-11-25"
        );
        assert_eq!(
            due(&[steps[0], steps[1], ("2026-11-23", Recall::None)]),
            "2026-11-24"
        );
    }

    #[test]
    fn totals_count_the_calendar_week_and_month() {
        // 2026-11-22 is a Sunday: the week began on Monday 16 November.
        let practice = log(&[
            ("2026-10-31", Recall::All),
            ("2026-11-02", Recall::All),
            ("2026-11-16", Recall::Some),
            ("2026-11-22", Recall::None),
        ]);
        let today = day_of(&at("2026-11-22"), &TimeZone::UTC).unwrap();
        let t = totals(&practice, today, &TimeZone::UTC);
        assert_eq!((t.week_rehearsals, t.month_rehearsals), (2, 3));
        assert_eq!(trend(&practice, "payday"), [60, 60, 60, 60]);
    }

    #[test]
    fn a_morning_rehearsal_in_auckland_counts_on_that_day() {
        // 09:30 on Monday 23 November in Auckland is 20:30 UTC on Sunday:
        // the next practice is Tuesday there, and it is in the new week.
        let auckland = jiff::tz::db().get("Pacific/Auckland").unwrap();
        let mut practice = log(&[("2026-11-22", Recall::All)]);
        practice.rehearsals[0].at = "2026-11-22T20:30:00Z".parse().unwrap();
        let due = schedule("payday", &practice, &auckland);
        assert_eq!(due.due_date().unwrap().to_string(), "2026-11-24");
        let monday = days_from_civil(toml::value::Date {
            year: 2026,
            month: 11,
            day: 23,
        });
        assert_eq!(totals(&practice, monday, &auckland).week_rehearsals, 1);
        assert_eq!(totals(&practice, monday, &TimeZone::UTC).week_rehearsals, 0);
    }

    #[test]
    fn due_triggers_come_first_riskiest_first() {
        let mut plan = Plan::new(String::new(), None);
        for (id, l) in [("calm", 1), ("risky", 5), ("done", 5)] {
            let mut t = Trigger::new(id.into(), id.into());
            (t.likelihood, t.intensity, t.confidence) = (Some(l), Some(5), Some(0));
            plan.triggers.push(t);
        }
        let mut practice = log(&[("2026-11-22", Recall::All)]);
        practice.rehearsals[0].trigger = "done".into();
        let today = day_of(&at("2026-11-22"), &TimeZone::UTC).unwrap();
        let order: Vec<&str> = agenda(&plan, &practice, today, &TimeZone::UTC)
            .iter()
            .map(|(t, _)| t.id.as_str())
            .collect();
        assert_eq!(order, ["risky", "calm", "done"]);
    }
}
