//! A period of the person's work: the plan now, what changed revision by
//! revision since a start, and the practice and check-ins since then.
//! Homework status, hand-ins and review all read one; the store loads what
//! goes in, this decides what counts.

use jiff::tz::TimeZone;
use toml::value::{Date, Datetime};

use super::checkin::CheckIn;
use super::date::{civil_from_days, days_from_civil, local_day, unix_seconds, utc_from_unix};
use super::diff::{Change, diff};
use super::edit::Entry;
use super::homework::{Assignment, Evidence, HandIn, Progress, Revision, progress};
use super::rehearsal::PracticeLog;
use super::{Plan, RevisionInfo};

/// The evidence for a stretch of time.
#[derive(Debug, Clone, PartialEq)]
pub struct Period {
    pub plan: Plan,
    /// The revisions saved in the period, each with its changes.
    pub revisions: Vec<Revision>,
    pub practice: PracticeLog,
    /// Check-ins from the local day the period began, oldest first.
    pub check_ins: Vec<CheckIn>,
}

impl Period {
    /// The period from `before` (the plan at its start) through `saved`,
    /// the revisions saved since in order (each with its number), to
    /// `plan`; practice from the moment `since`, check-ins from its day on
    /// the person's calendar (in `zone`).
    pub fn new(
        plan: Plan,
        mut before: Plan,
        saved: impl IntoIterator<Item = (u64, Plan)>,
        mut practice: PracticeLog,
        check_ins: Vec<CheckIn>,
        since: &Datetime,
        zone: &TimeZone,
    ) -> Period {
        let mut revisions = Vec::new();
        for (revision, after) in saved {
            revisions.push(Revision {
                revision,
                saved_at: after.saved_at,
                change_note: after.change_note.clone(),
                changes: diff(&before, &after),
            });
            before = after;
        }
        let first_day = local_day(since, zone).unwrap_or(i64::MIN);
        // Compared as instants, so a hand-edited time with an offset still counts right.
        let since = unix_seconds(since).unwrap_or(i64::MIN);
        let after = |at: &Datetime| unix_seconds(at).is_some_and(|t| t >= since);
        // A check-in from the period's first day on, or made in the period
        // and filed on the night before it (at 00:20, "for tonight"): she
        // did it after the period began (Linh's client, issue 13).
        let check_ins = check_ins
            .into_iter()
            .filter(|c| {
                let day = c.day_number();
                day >= first_day || (day == first_day - 1 && c.times.iter().any(after))
            })
            .collect();
        practice.rehearsals.retain(|r| after(&r.at));
        practice.exercises.retain(|e| after(&e.at));
        Period {
            plan,
            revisions,
            practice,
            check_ins,
        }
    }

    /// The period a hand-in carries.
    pub fn of_hand_in(hand_in: HandIn) -> (Assignment, Period) {
        (
            hand_in.assignment,
            Period {
                plan: hand_in.plan,
                revisions: hand_in.revisions,
                practice: hand_in.practice,
                check_ins: hand_in.check_ins,
            },
        )
    }

    /// Every change in the period, oldest first.
    pub fn changes(&self) -> Vec<Change> {
        self.revisions
            .iter()
            .flat_map(|r| r.changes.iter().cloned())
            .collect()
    }

    /// The confidence she rated trigger `id` at (when ranking it, or
    /// editing it) as it stood at `first`, her first rehearsal in the
    /// period, and when she rated it: the trend of her confidence starts
    /// there, not at the first rehearsal. The moment is `None` when it was
    /// rated before this period (or its revision has no time); `None` in
    /// all when it has no rating.
    pub fn rating_before(&self, id: &str, first: &Datetime) -> Option<(u8, Option<Datetime>)> {
        let first = unix_seconds(first)?;
        let before = |r: &&Revision| {
            r.saved_at
                .as_ref()
                .and_then(unix_seconds)
                .is_some_and(|at| at <= first)
        };
        let (earlier, later): (Vec<&Revision>, Vec<&Revision>) =
            self.revisions.iter().partition(|r| before(r));
        let about = |c: &Change| c.entry() == Some((Entry::Trigger, id));
        let rated = |c: &Change| {
            matches!(c, Change::Field { field, .. } if field == "confidence") && about(c)
        };
        let value = |v: Option<&toml::Value>| {
            v.and_then(toml::Value::as_integer)
                .and_then(|n| u8::try_from(n).ok())
        };
        // Its value then: what a later change changed it from, else what
        // the plan holds now.
        let then = match later.iter().flat_map(|r| &r.changes).find(|c| rated(c)) {
            Some(Change::Field { old, .. }) => value(old.as_ref()),
            _ => self.plan.trigger(id).and_then(|t| t.confidence),
        }?;
        // When: the last rating before it, else the save that added it
        // (rated as it was mapped), else before this period.
        let when = earlier
            .iter()
            .rev()
            .find(|r| {
                r.changes
                    .iter()
                    .any(|c| rated(c) || (matches!(c, Change::Added { .. }) && about(c)))
            })
            .and_then(|r| r.saved_at);
        Some((then, when))
    }

    /// Each task's progress over this period.
    pub fn progress(&self, assignment: &Assignment) -> Vec<Progress> {
        let changes = self.changes();
        progress(
            assignment,
            &Evidence {
                plan: &self.plan,
                changes: &changes,
                practice: &self.practice,
                check_ins: &self.check_ins,
            },
        )
    }
}

/// Where a plain `review` starts: the person's last review, or a week
/// ago when none is written down (or it is written for a day still to come).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Since {
    LastReview(Date),
    WeekAgo(Date),
}

impl Since {
    /// From the plan's last review date and the person's `today`.
    pub fn last_review(last: Option<&Datetime>, today: Date) -> Since {
        match last.and_then(|d| d.date) {
            Some(day) if days_from_civil(day) <= days_from_civil(today) => Since::LastReview(day),
            _ => Since::WeekAgo(civil_from_days(days_from_civil(today) - 7)),
        }
    }

    /// The day the review starts.
    pub fn day(self) -> Date {
        match self {
            Since::LastReview(day) | Since::WeekAgo(day) => day,
        }
    }
}

/// Where a period from revision `revision` begins: the plan just before it
/// (the newest revision saved before it, 0 for none), so that revision's
/// own change and note are in the period, as a date's first revision is;
/// and when it was saved. `None` when the history has no such revision.
pub fn start_of_revision(
    history: &[RevisionInfo],
    revision: u64,
) -> Option<(u64, Option<Datetime>)> {
    let info = history.iter().find(|h| h.revision == revision)?;
    let base = history
        .iter()
        .map(|h| h.revision)
        .filter(|&r| r < revision)
        .max()
        .unwrap_or(0);
    Some((base, info.saved_at))
}

/// Where a period from the start of `date` on the person's calendar (in
/// `zone`) begins: the plan as it stood at that local midnight (the newest
/// revision saved before it, 0 for none) and that midnight as a moment.
/// Moments are compared, never UTC dates: in Auckland a morning's work is
/// still "yesterday" in UTC, and a review must never say it did not happen.
pub fn start_of_day(history: &[RevisionInfo], date: Datetime, zone: &TimeZone) -> (u64, Datetime) {
    let midnight = date
        .date
        .and_then(|d| {
            jiff::civil::Date::new(
                i16::try_from(d.year).ok()?,
                i8::try_from(d.month).ok()?,
                i8::try_from(d.day).ok()?,
            )
            .ok()
        })
        .and_then(|d| d.to_zoned(zone.clone()).ok())
        .map_or_else(
            || unix_seconds(&date).unwrap_or(i64::MIN),
            |z| z.timestamp().as_second(),
        );
    let base = history
        .iter()
        .filter(|h| {
            h.saved_at
                .as_ref()
                .and_then(unix_seconds)
                .is_some_and(|t| t < midnight)
        })
        .map(|h| h.revision)
        .max()
        .unwrap_or(0);
    (base, utc_from_unix(midnight))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A plain `review` starts at the last review, or a week ago when
    /// none is written down or it names a day still to come.
    #[test]
    fn a_plain_review_starts_at_the_last_one_or_a_week_ago() {
        let today = toml::value::Date {
            year: 2026,
            month: 11,
            day: 22,
        };
        let day = |s: &str| s.parse::<Datetime>().unwrap();
        let last = day("2026-11-01");
        assert_eq!(
            Since::last_review(Some(&last), today),
            Since::LastReview(last.date.unwrap())
        );
        let week_ago = Since::WeekAgo(toml::value::Date {
            year: 2026,
            month: 11,
            day: 15,
        });
        assert_eq!(Since::last_review(None, today), week_ago);
        assert_eq!(
            Since::last_review(Some(&day("2026-12-01")), today),
            week_ago
        );
    }

    fn info(revision: u64) -> RevisionInfo {
        RevisionInfo {
            revision,
            saved_at: None,
            change_note: Some(format!("note {revision}")),
        }
    }

    /// "Since revision 3" holds revision 3's own change: it starts from the
    /// revision before it, the one found in the history (never 3 - 1 by
    /// arithmetic, as a restored or missing number may lie between).
    #[test]
    fn a_period_from_a_revision_holds_that_revision() {
        let history = [info(1), info(2), info(5), info(6)];
        assert_eq!(start_of_revision(&history, 1), Some((0, None)));
        assert_eq!(start_of_revision(&history, 5), Some((2, None)));
        assert_eq!(start_of_revision(&history, 6), Some((5, None)));
        assert_eq!(start_of_revision(&history, 3), None);
    }
}
