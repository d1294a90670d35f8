//! Calendar arithmetic on TOML dates, so the file keeps native TOML dates and
//! the domain needs no date crate: days since 1970-01-01 both ways.

use toml::value::{Date, Datetime, Offset, Time};

/// Days since 1970-01-01 of a civil date (proleptic Gregorian).
/// Howard Hinnant's `days_from_civil`, exact for every representable year.
pub fn days_from_civil(date: Date) -> i64 {
    let (y, m, d) = (
        i64::from(date.year),
        i64::from(date.month),
        i64::from(date.day),
    );
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date `days` days after 1970-01-01.
pub fn civil_from_days(days: i64) -> Date {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    Date {
        year: u16::try_from(year).unwrap_or(u16::MAX),
        month: u8::try_from(month).unwrap_or(1),
        day: u8::try_from(day).unwrap_or(1),
    }
}

/// A UTC datetime from seconds since the Unix epoch.
pub fn utc_from_unix(secs: i64) -> Datetime {
    let days = secs.div_euclid(86_400);
    let rest = secs.rem_euclid(86_400);
    Datetime {
        date: Some(civil_from_days(days)),
        time: Some(Time {
            hour: u8::try_from(rest / 3600).unwrap_or(0),
            minute: u8::try_from(rest % 3600 / 60).unwrap_or(0),
            second: Some(u8::try_from(rest % 60).unwrap_or(0)),
            nanosecond: None,
        }),
        offset: Some(Offset::Z),
    }
}

/// Seconds since the Unix epoch of a moment (offset applied), or of a date
/// alone at midnight UTC; `None` for a time without a date.
pub fn unix_seconds(value: &Datetime) -> Option<i64> {
    let days = days_from_civil(value.date?);
    let (h, m, s) = value.time.map_or((0, 0, 0), |t| {
        (
            i64::from(t.hour),
            i64::from(t.minute),
            i64::from(t.second.unwrap_or(0)),
        )
    });
    let offset_minutes = match value.offset {
        Some(Offset::Custom { minutes }) => i64::from(minutes),
        Some(Offset::Z) | None => 0,
    };
    Some(days * 86_400 + h * 3600 + m * 60 + s - offset_minutes * 60)
}

/// A date alone, as the file stores review dates.
pub fn date_only(date: Date) -> Datetime {
    Datetime {
        date: Some(date),
        time: None,
        offset: None,
    }
}

/// Whether a TOML datetime is a plain date (no time, no offset).
pub fn is_date_only(value: &Datetime) -> bool {
    value.date.is_some() && value.time.is_none() && value.offset.is_none()
}

/// Whether a TOML datetime is a full moment in time (date, time and offset).
pub fn is_moment(value: &Datetime) -> bool {
    value.date.is_some() && value.time.is_some() && value.offset.is_some()
}

/// Whether a civil date exists (no 31 February).
pub fn is_real_date(date: Date) -> bool {
    (1..=12).contains(&date.month)
        && date.day >= 1
        && civil_from_days(days_from_civil(date)) == date
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: u16, month: u8, day: u8) -> Date {
        Date { year, month, day }
    }

    #[test]
    fn days_round_trip_across_leap_years_and_centuries() {
        // Years 0 to 9999, the range a TOML date can hold.
        for days in (-719_468..2_932_896).step_by(97) {
            assert_eq!(days_from_civil(civil_from_days(days)), days);
        }
        assert_eq!(days_from_civil(date(1970, 1, 1)), 0);
        assert_eq!(days_from_civil(date(2000, 3, 1)), 11_017);
        assert_eq!(civil_from_days(20_414), date(2025, 11, 22));
    }

    #[test]
    fn unix_seconds_become_utc() {
        let dt = utc_from_unix(1_795_342_500);
        assert_eq!(dt.to_string(), "2026-11-22T10:15:00Z");
    }

    #[test]
    fn moments_with_offsets_compare_by_the_instant() {
        let utc: Datetime = "2026-11-22T10:15:00Z".parse().unwrap();
        let paris: Datetime = "2026-11-22T11:15:00+01:00".parse().unwrap();
        let fraction: Datetime = "2026-11-22T10:15:00.5Z".parse().unwrap();
        assert_eq!(unix_seconds(&utc), unix_seconds(&paris));
        assert_eq!(unix_seconds(&utc), unix_seconds(&fraction));
        assert_eq!(unix_seconds(&utc), Some(1_795_342_500));
    }

    #[test]
    fn impossible_dates_are_not_real() {
        assert!(is_real_date(date(2028, 2, 29)));
        assert!(!is_real_date(date(2027, 2, 29)));
        assert!(!is_real_date(date(2027, 4, 31)));
        assert!(!is_real_date(date(2027, 13, 1)));
    }
}
