//! Whether a hand-in's named time zone (`zone = "…"`) agrees with the
//! offsets its own moments were written with. A therapist is told the
//! client's days in that zone; a zone the timestamps contradict (a hand
//! edit, another program, a wrong copy) would put every day on the wrong
//! clock without a word. `submit` writes UTC (`Z`), which says nothing
//! about the client's clock, so only written offsets count as proof.

use jiff::Timestamp;
use jiff::tz::{Offset, TimeZone};
use toml::value::{Datetime, Offset as TomlOffset};

use super::date::unix_seconds;
use super::homework::HandIn;

/// A hand-in whose moments carry an offset its named zone does not have
/// at those moments.
#[derive(Debug, Clone)]
pub struct ZoneDoubt {
    /// The zone the hand-in names.
    pub named: TimeZone,
    /// The first moment that disagrees: the offset it was written with,
    /// and the named zone's offset then (both in seconds east of UTC).
    pub written: i32,
    pub named_then: i32,
    /// When it disagrees, on the named zone's clock: for the offset words
    /// of a zone whose offset changes.
    pub at: Timestamp,
    /// The clock the days are shown on: the one offset every written
    /// moment carries, or UTC when they carry more than one.
    pub shown: TimeZone,
    /// Whether [`ZoneDoubt::shown`] is that one offset (`false`: UTC,
    /// because the moments do not agree on one clock).
    pub proven: bool,
}

/// The doubt about `hand_in`'s zone, when it names one its own moments
/// contradict; `None` when it names none, names one not known here, or
/// every offset it wrote is that zone's at that moment.
pub fn zone_doubt(hand_in: &HandIn) -> Option<ZoneDoubt> {
    let named = super::homework::zone_named(hand_in.zone.as_deref()?)?;
    let mut first: Option<(i32, i32, Timestamp)> = None;
    // Whether every written offset is one and the same: one look a
    // moment, however many a hostile file holds.
    let mut seen: Option<i32> = None;
    let mut several = false;
    for (at, written) in moments(hand_in).filter_map(written_offset) {
        several |= seen.is_some_and(|s| s != written);
        seen.get_or_insert(written);
        let then = named.to_offset(at).seconds();
        if then != written && first.is_none() {
            first = Some((written, then, at));
        }
    }
    let (written, named_then, at) = first?;
    let one = (!several)
        .then(|| Offset::from_seconds(written).ok())
        .flatten();
    Some(ZoneDoubt {
        named,
        written,
        named_then,
        at,
        proven: one.is_some(),
        shown: one.map_or(TimeZone::UTC, TimeZone::fixed),
    })
}

/// Every moment the client's relapse-plan wrote: when it was handed in,
/// each revision, each practice, each check-in. The assignment's own
/// moments are the therapist's, on the therapist's clock, and prove
/// nothing about the client's.
fn moments(hand_in: &HandIn) -> impl Iterator<Item = &Datetime> {
    std::iter::once(&hand_in.submitted_at)
        .chain(hand_in.revisions.iter().filter_map(|r| r.saved_at.as_ref()))
        .chain(hand_in.practice.rehearsals.iter().map(|r| &r.at))
        .chain(hand_in.practice.exercises.iter().map(|x| &x.at))
        .chain(hand_in.check_ins.iter().flat_map(|c| c.times.iter()))
}

/// A moment with a written offset (`+08:00`, even `+00:00`), as an
/// instant and that offset in seconds; `Z` and dates alone say nothing.
fn written_offset(value: &Datetime) -> Option<(Timestamp, i32)> {
    let TomlOffset::Custom { minutes } = value.offset? else {
        return None;
    };
    value.time?;
    let at = Timestamp::from_second(unix_seconds(value)?).ok()?;
    Some((at, i32::from(minutes) * 60))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hand_in(zone: &str, moments: &[&str]) -> HandIn {
        let text = include_str!("../../examples/hand-in.toml");
        let mut h = super::super::homework::read_hand_in(text.as_bytes()).unwrap();
        h.zone = Some(zone.into());
        h.submitted_at = moments[0].parse().unwrap();
        h.revisions.clear();
        h.practice.rehearsals.clear();
        h.practice.exercises.clear();
        h.check_ins.clear();
        for (n, m) in moments[1..].iter().enumerate() {
            h.revisions.push(super::super::homework::Revision {
                revision: n as u64 + 1,
                saved_at: Some(m.parse().unwrap()),
                change_note: None,
                changes: Vec::new(),
            });
        }
        h
    }

    #[test]
    fn only_written_offsets_that_disagree_raise_a_doubt() {
        // What submit writes: UTC, no doubt.
        assert!(zone_doubt(&hand_in("Asia/Taipei", &["2026-11-29T16:30:00Z"])).is_none());
        // Offsets that are the zone's, summer and winter alike.
        let london = hand_in(
            "Europe/London",
            &["2026-11-29T16:30:00+00:00", "2026-07-01T10:00:00+01:00"],
        );
        assert!(zone_doubt(&london).is_none());
        // Taipei's offset under a Los Angeles name: shown at UTC+8.
        let doubt = zone_doubt(&hand_in(
            "America/Los_Angeles",
            &["2026-11-30T00:30:00+08:00", "2026-11-25T21:00:00+08:00"],
        ))
        .unwrap();
        assert_eq!((doubt.written, doubt.named_then), (8 * 3600, -8 * 3600));
        assert!(doubt.proven);
        assert_eq!(doubt.shown.to_offset(doubt.at).seconds(), 8 * 3600);
        // Two offsets, neither the zone's: UTC, and not called proven.
        let doubt = zone_doubt(&hand_in(
            "America/Los_Angeles",
            &["2026-11-30T00:30:00+08:00", "2026-11-25T21:00:00+09:00"],
        ))
        .unwrap();
        assert!(!doubt.proven);
        assert_eq!(doubt.shown, TimeZone::UTC);
    }
}
