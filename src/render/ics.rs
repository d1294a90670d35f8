//! Upcoming rehearsals as an iCalendar file (RFC 5545), so practice can go
//! in a calendar app. A calendar is often shared or synced, so an event
//! says only "Practise your plan" and carries nothing of the plan (not a
//! trigger's id, which is made from her words, not even in its UID),
//! unless the person asks for details: then her situation, in her words.

use jiff::tz::TimeZone;
use toml::value::Datetime;

use crate::plan::Trigger;
use crate::plan::date::civil_from_days;
use crate::plan::rehearsal::Due;

/// One all-day event per trigger, on its next due day (today if overdue).
pub fn calendar(items: &[(&Trigger, Due)], today: i64, now: Datetime, details: bool) -> String {
    // Always a UTC form, whatever offset or fraction the clock carries.
    let stamp = crate::plan::date::unix_seconds(&now).map_or_else(String::new, |secs| {
        compact(&crate::plan::date::utc_from_unix(secs).to_string())
    });
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//relapse-plan//relapse-plan//EN".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
    ];
    for (trigger, due) in items {
        let day = due.due_day.map_or(today, |d| d.max(today));
        // iCalendar dates have four-digit years: an event past 9999 (a
        // hand-edited practice log) is left out rather than written wrong.
        if civil_from_days(day.saturating_add(1)).year > 9999 || civil_from_days(day).year < 1 {
            continue;
        }
        let (start, end) = (ymd(day), ymd(day + 1));
        lines.push("BEGIN:VEVENT".into());
        // Stable, so a calendar updates the event on a new export rather
        // than adding it twice, and opaque: the id is made from her words.
        lines.push(format!(
            "UID:rehearse-{:016x}-{start}@relapse-plan",
            fnv1a(&trigger.id)
        ));
        lines.push(format!("DTSTAMP:{stamp}"));
        lines.push(format!("DTSTART;VALUE=DATE:{start}"));
        lines.push(format!("DTEND;VALUE=DATE:{end}"));
        let summary = if details {
            format!("Practise your plan: {}", trigger.situation)
        } else {
            "Practise your plan".to_string()
        };
        lines.push(format!("SUMMARY:{}", escape(&summary)));
        if details {
            lines.push(format!(
                "DESCRIPTION:{}",
                escape(&format!(
                    "{}\nRun: relapse-plan rehearse {}",
                    trigger.situation, trigger.id
                ))
            ));
        }
        lines.push("END:VEVENT".into());
    }
    lines.push("END:VCALENDAR".into());
    lines.iter().map(|l| fold(l)).collect()
}

/// The 64-bit FNV-1a hash of `text`: the same on every machine and build
/// (the standard library's hasher may change), for a UID that names no
/// part of the plan.
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The next review of the plan: one all-day event on `day` (days since
/// 1970), with a reminder at 09:00 that day. It says only that the plan is
/// due a look, nothing of what the plan holds.
pub fn review_reminder(day: i64, now: Datetime) -> Option<String> {
    if civil_from_days(day.saturating_add(1)).year > 9999 || civil_from_days(day).year < 1 {
        return None;
    }
    let stamp = crate::plan::date::unix_seconds(&now).map_or_else(String::new, |secs| {
        compact(&crate::plan::date::utc_from_unix(secs).to_string())
    });
    let (start, end) = (ymd(day), ymd(day + 1));
    let lines = [
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//relapse-plan//relapse-plan//EN".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
        "BEGIN:VEVENT".to_string(),
        format!("UID:review-{start}@relapse-plan"),
        format!("DTSTAMP:{stamp}"),
        format!("DTSTART;VALUE=DATE:{start}"),
        format!("DTEND;VALUE=DATE:{end}"),
        format!("SUMMARY:{}", escape("Look at your crisis plan again")),
        format!(
            "DESCRIPTION:{}",
            escape(
                "Time to review your plan, on your own or with someone you trust.\nRun: relapse-plan show"
            )
        ),
        "BEGIN:VALARM".to_string(),
        "ACTION:DISPLAY".to_string(),
        format!("DESCRIPTION:{}", escape("Your plan is due a review today")),
        "TRIGGER;RELATED=START:PT9H".to_string(),
        "END:VALARM".to_string(),
        "END:VEVENT".to_string(),
        "END:VCALENDAR".to_string(),
    ];
    Some(lines.iter().map(|l| fold(l)).collect())
}

/// A daily check-in reminder: one event at `hour:minute` on the person's
/// clock from `today` on, repeating every day (RRULE), with an alarm when
/// it starts. The time carries the person's zone (`TZID`, defined by a
/// `VTIMEZONE`, RFC 5545 3.6.5), so a calendar app set to another zone, or
/// one that reads a zoneless time as UTC, still rings at their hour.
pub fn daily_reminder(today: i64, hour: u8, minute: u8, now: Datetime, zone: &TimeZone) -> String {
    let stamp = crate::plan::date::unix_seconds(&now).map_or_else(String::new, |secs| {
        compact(&crate::plan::date::utc_from_unix(secs).to_string())
    });
    let tzid = escape(zone.iana_name().unwrap_or("Local time"));
    let start = format!("{}T{hour:02}{minute:02}00", ymd(today));
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//relapse-plan//relapse-plan//EN".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
    ];
    let d = civil_from_days(today);
    let from = jiff::civil::date(
        i16::try_from(d.year).unwrap_or(1970),
        i8::try_from(d.month).unwrap_or(1),
        i8::try_from(d.day).unwrap_or(1),
    )
    .to_zoned(zone.clone())
    .map_or(jiff::Timestamp::UNIX_EPOCH, |z| z.timestamp());
    lines.extend(vtimezone(&tzid, zone, from));
    lines.extend([
        "BEGIN:VEVENT".to_string(),
        format!("UID:check-in-{}@relapse-plan", ymd(today)),
        format!("DTSTAMP:{stamp}"),
        format!("DTSTART;TZID={tzid}:{start}"),
        "DURATION:PT5M".to_string(),
        "RRULE:FREQ=DAILY".to_string(),
        format!(
            "SUMMARY:{}",
            escape("Check in with your plan (about a minute)")
        ),
        format!("DESCRIPTION:{}", escape("Run: relapse-plan check-in")),
        "BEGIN:VALARM".to_string(),
        "ACTION:DISPLAY".to_string(),
        format!("DESCRIPTION:{}", escape("Time for your check-in")),
        "TRIGGER:PT0M".to_string(),
        "END:VALARM".to_string(),
        "END:VEVENT".to_string(),
        "END:VCALENDAR".to_string(),
    ]);
    lines.iter().map(|l| fold(l)).collect()
}

/// How many years of the zone's changes the `VTIMEZONE` looks at.
const ZONE_YEARS: i64 = 10;

/// The zone's definition from `from` on (RFC 5545 3.6.5): one observance
/// per kind of change (standard or daylight time, with its offsets), each
/// from the change in effect at `from`. Where a kind of change falls on the
/// same weekday rule every year of the next ten ("last Sunday of March at
/// 01:00"), it is one yearly `RRULE`, so it holds for as long as the
/// reminder repeats; otherwise each change is listed (`RDATE`). A zone
/// that never changes is one observance.
fn vtimezone(tzid: &str, zone: &TimeZone, from: jiff::Timestamp) -> Vec<String> {
    let mut lines = vec!["BEGIN:VTIMEZONE".to_string(), format!("TZID:{tzid}")];
    let until = from
        .saturating_add(jiff::SignedDuration::from_hours(ZONE_YEARS * 366 * 24))
        .unwrap_or(from);
    // The change in effect at `from`, then the changes after it.
    let changes: Vec<jiff::tz::TimeZoneTransition> = zone
        .preceding(
            from.saturating_add(jiff::SignedDuration::from_secs(1))
                .unwrap_or(from),
        )
        .take(1)
        .chain(zone.following(from).take_while(|t| t.timestamp() < until))
        .collect();
    let info = zone.to_offset_info(from);
    if changes.len() < 2 {
        lines.extend(observance(
            info.dst().is_dst(),
            "19700101T000000",
            info.offset(),
            info.offset(),
            info.abbreviation(),
            None,
        ));
    } else {
        // Each change with the offset before it and its onset on the clock
        // before it (how DTSTART and RDATE are written).
        let onsets: Vec<(
            &jiff::tz::TimeZoneTransition,
            jiff::tz::Offset,
            jiff::civil::DateTime,
        )> = changes
            .iter()
            .map(|t| {
                let before = zone.to_offset(
                    t.timestamp()
                        .saturating_sub(jiff::SignedDuration::from_secs(1))
                        .unwrap_or(t.timestamp()),
                );
                (t, before, before.to_datetime(t.timestamp()))
            })
            .collect();
        let mut kinds: Vec<(bool, jiff::tz::Offset, jiff::tz::Offset)> = Vec::new();
        for (t, before, _) in &onsets {
            let kind = (t.dst().is_dst(), *before, t.offset());
            if !kinds.contains(&kind) {
                kinds.push(kind);
            }
        }
        for kind in kinds {
            let same: Vec<&(
                &jiff::tz::TimeZoneTransition,
                jiff::tz::Offset,
                jiff::civil::DateTime,
            )> = onsets
                .iter()
                .filter(|(t, before, _)| (t.dst().is_dst(), *before, t.offset()) == kind)
                .collect();
            let (first, _, at) = same[0];
            let rules: Vec<Option<String>> =
                same.iter().map(|(_, _, at)| yearly_rule(*at)).collect();
            let yearly = same.len() > 1
                && rules.iter().all(|r| r.is_some() && *r == rules[0])
                && same.windows(2).all(|w| w[1].2.year() == w[0].2.year() + 1)
                && same.iter().all(|(_, _, a)| a.time() == at.time());
            let rest = if yearly {
                Some(format!(
                    "RRULE:FREQ=YEARLY;{}",
                    rules[0].clone().unwrap_or_default()
                ))
            } else if same.len() > 1 {
                let dates: Vec<String> = same[1..].iter().map(|(_, _, a)| local(*a)).collect();
                Some(format!("RDATE:{}", dates.join(",")))
            } else {
                None
            };
            lines.extend(observance(
                kind.0,
                &local(*at),
                kind.1,
                kind.2,
                first.abbreviation(),
                rest,
            ));
        }
    }
    lines.push("END:VTIMEZONE".to_string());
    lines
}

/// One `STANDARD` or `DAYLIGHT` observance.
fn observance(
    dst: bool,
    start: &str,
    from: jiff::tz::Offset,
    to: jiff::tz::Offset,
    name: &str,
    rest: Option<String>,
) -> Vec<String> {
    let kind = if dst { "DAYLIGHT" } else { "STANDARD" };
    let mut lines = vec![
        format!("BEGIN:{kind}"),
        format!("DTSTART:{start}"),
        format!("TZOFFSETFROM:{}", utc_offset(from)),
        format!("TZOFFSETTO:{}", utc_offset(to)),
    ];
    // A name like "+13" is no name (tzdata writes numbers where a zone has
    // no abbreviation); RFC 5545 makes TZNAME optional.
    if name.chars().any(char::is_alphabetic) {
        lines.push(format!("TZNAME:{}", escape(name)));
    }
    lines.extend(rest);
    lines.push(format!("END:{kind}"));
    lines
}

/// `BYMONTH=3;BYDAY=-1SU` for a change on the last Sunday of March, or
/// `BYMONTH=9;BYDAY=2SU` on the second Sunday of September.
fn yearly_rule(at: jiff::civil::DateTime) -> Option<String> {
    let date = at.date();
    let day = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
        [usize::try_from(date.weekday().to_monday_zero_offset()).ok()?];
    let nth = if date.day() + 7 > date.days_in_month() {
        -1
    } else {
        (date.day() - 1) / 7 + 1
    };
    Some(format!("BYMONTH={};BYDAY={nth}{day}", date.month()))
}

/// A local date-time as iCalendar writes it: `20270328T010000`.
fn local(at: jiff::civil::DateTime) -> String {
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}",
        at.year(),
        at.month(),
        at.day(),
        at.hour(),
        at.minute(),
        at.second()
    )
}

/// An offset as iCalendar writes it: `+1300`, `-0330`, `+0000`.
fn utc_offset(offset: jiff::tz::Offset) -> String {
    let secs = offset.seconds();
    let sign = if secs < 0 { '-' } else { '+' };
    let secs = secs.unsigned_abs();
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    if s == 0 {
        format!("{sign}{h:02}{m:02}")
    } else {
        format!("{sign}{h:02}{m:02}{s:02}")
    }
}

fn ymd(day: i64) -> String {
    let d = civil_from_days(day);
    format!("{:04}{:02}{:02}", d.year, d.month, d.day)
}

/// `2026-11-22T10:15:00Z` → `20261122T101500Z`.
fn compact(moment: &str) -> String {
    moment.chars().filter(|c| *c != '-' && *c != ':').collect()
}

/// Escapes text values: backslash, semicolon, comma and line breaks.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a line at 75 octets (never inside a character) and ends it with CRLF.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_characters() {
        let folded = fold(&format!("SUMMARY:{}", "Ωλ".repeat(60)));
        for line in folded.split("\r\n") {
            assert!(line.len() <= 75, "{} octets", line.len());
        }
        assert_eq!(
            folded.replace("\r\n ", "").trim_end(),
            format!("SUMMARY:{}", "Ωλ".repeat(60))
        );
    }

    #[test]
    fn events_past_year_9999_are_left_out_never_malformed() {
        let trigger = Trigger::new("payday".into(), "Payday".into());
        let due = |day| Due {
            trigger: "payday".into(),
            due_day: Some(day),
            rehearsals: 1,
            last_confidence: None,
        };
        let last_day = crate::plan::date::days_from_civil(toml::value::Date {
            year: 9999,
            month: 12,
            day: 31,
        });
        let now: Datetime = "2026-11-22T10:15:00Z".parse().unwrap();
        for day in [last_day, last_day + 400, i64::MAX / 2] {
            let text = calendar(&[(&trigger, due(day))], 20_000, now, false);
            assert!(!text.contains("BEGIN:VEVENT"), "{text}");
            assert!(text.ends_with("END:VCALENDAR\r\n"), "{text}");
        }
        let text = calendar(&[(&trigger, due(last_day - 1))], 20_000, now, false);
        assert!(text.contains("DTSTART;VALUE=DATE:99991230\r\n"), "{text}");
        assert!(text.contains("DTEND;VALUE=DATE:99991231\r\n"), "{text}");
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a, b; c\\d\ne"), "a\\, b\\; c\\\\d\\ne");
    }
}
