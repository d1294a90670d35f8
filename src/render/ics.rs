//! Upcoming rehearsals as an iCalendar file (RFC 5545), so practice can go
//! in a calendar app. Each event carries only the trigger's short name
//! unless the person asks for details.

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
        lines.push(format!(
            "UID:rehearse-{}-{start}@relapse-plan",
            escape(&trigger.id)
        ));
        lines.push(format!("DTSTAMP:{stamp}"));
        lines.push(format!("DTSTART;VALUE=DATE:{start}"));
        lines.push(format!("DTEND;VALUE=DATE:{end}"));
        lines.push(format!(
            "SUMMARY:{}",
            escape(&format!("Practise your plan: {}", trigger.id))
        ));
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

/// A daily check-in reminder: one event at `hour:minute` local time from
/// `today` on, repeating every day (RRULE), with an alarm when it starts.
/// The time is "floating" (no time zone), so it rings at that hour wherever
/// the person is.
pub fn daily_reminder(today: i64, hour: u8, minute: u8, now: Datetime) -> String {
    let stamp = crate::plan::date::unix_seconds(&now).map_or_else(String::new, |secs| {
        compact(&crate::plan::date::utc_from_unix(secs).to_string())
    });
    let start = format!("{}T{hour:02}{minute:02}00", ymd(today));
    let lines = [
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//relapse-plan//relapse-plan//EN".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
        "BEGIN:VEVENT".to_string(),
        format!("UID:check-in-{}@relapse-plan", ymd(today)),
        format!("DTSTAMP:{stamp}"),
        format!("DTSTART:{start}"),
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
    ];
    lines.iter().map(|l| fold(l)).collect()
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
