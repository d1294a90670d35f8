//! Dates in the Solar Hijri (Persian) calendar, as Iran writes them: read
//! where Gregorian, Thai and ROC dates are read, and said back beside the
//! Gregorian date so the person can check it (Shirin, Tehran: "۱۵ آذر
//! ۱۴۰۵", "1405/09/15" and "فردا" were not read as dates). The calendar
//! arithmetic is ICU4X's (`icu_calendar`), not ours.

use toml::value::Date;

use super::date::{TypedDate, civil_from_days, days_from_civil, is_real_date, months_after};

/// The Solar Hijri months, in order, as Persian writes them (مرداد also
/// as امرداد).
const MONTHS: [&[&str]; 12] = [
    &["فروردین"],
    &["اردیبهشت"],
    &["خرداد"],
    &["تیر"],
    &["مرداد", "امرداد"],
    &["شهریور"],
    &["مهر"],
    &["آبان"],
    &["آذر"],
    &["دی"],
    &["بهمن"],
    &["اسفند"],
];

/// Words around a written date that say nothing of which day it is: the
/// era (هجری شمسی, ه.ش.), "year", "day", "month" and the weekdays.
const AROUND: &[&str] = &[
    "ه.ش.",
    "ه.ش",
    "هـ.ش.",
    "هـ.ش",
    "هش",
    "ش",
    "هجری",
    "شمسی",
    "خورشیدی",
    "سال",
    "روز",
    "ماه",
    "شنبه",
    "یکشنبه",
    "دوشنبه",
    "سهشنبه",
    "چهارشنبه",
    "پنجشنبه",
    "جمعه",
];

/// A date typed in the Solar Hijri calendar, or in Persian words for a
/// day near `today`, as the Gregorian date it is: `۱۵ آذر ۱۴۰۵` and `15
/// آذر 1405` (a month's name says the calendar anywhere), `۱۵ آذر` (the
/// next one from today), `۱۴۰۵/۰۹/۱۵` (Persian digits say it anywhere),
/// `1405/09/15` and `15/9/1405` (only `in_iran`, where the plan's country
/// writes years so: elsewhere a year 1405 is asked about), and امروز,
/// فردا, پس‌فردا, هفته بعد, ماه بعد. `None` for text that is none of
/// these.
pub fn read(text: &str, in_iran: bool, today: Date) -> Option<TypedDate> {
    let persian_digits = text.chars().any(|c| ('\u{6f0}'..='\u{6f9}').contains(&c));
    let folded = normalized(&crate::plan::typed::fold(text));
    if let Some(date) = near(&folded, today) {
        return Some(TypedDate::Date(date));
    }
    if let Some(read) = written(&folded, today) {
        return Some(read);
    }
    if in_iran || persian_digits {
        return numbers(folded.trim());
    }
    None
}

/// Arabic letters Persian text is often typed with made Persian (ي ی, ك
/// ک), the zero-width non-joiner (پس‌فردا) and the stretching tatweel
/// taken out.
fn normalized(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, '\u{200c}' | '\u{640}'))
        .map(|c| match c {
            'ي' | 'ى' => 'ی',
            'ك' => 'ک',
            '٫' | '،' => '/',
            other => other,
        })
        .collect()
}

/// The Persian words for a day near today ([`read`]).
fn near(folded: &str, today: Date) -> Option<Date> {
    let squeezed: String = folded.chars().filter(|c| !c.is_whitespace()).collect();
    let squeezed = squeezed.trim_end_matches('.');
    let start = days_from_civil(today);
    let days = match squeezed {
        "امروز" => 0,
        "فردا" => 1,
        "پسفردا" => 2,
        "هفتهبعد" | "هفتهیبعد" | "هفتهآینده" | "هفتهیآینده" | "هفتهدیگر" => {
            7
        }
        "ماهبعد" | "ماهآینده" | "ماهدیگر" => return months_after(today, 1),
        _ => return None,
    };
    Some(civil_from_days(start + days))
}

/// A day, a month's name and perhaps a year ([`read`]).
fn written(folded: &str, today: Date) -> Option<TypedDate> {
    let words: Vec<&str> = folded
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| matches!(c, ',' | '،' | '-')))
        .map(|w| {
            // آذرماه: the month with "month" written onto it.
            w.strip_suffix("ماه")
                .filter(|m| month_of(m).is_some())
                .unwrap_or(w)
        })
        .filter(|w| !w.is_empty() && !AROUND.contains(w))
        .collect();
    let at = words.iter().position(|w| month_of(w).is_some())?;
    let month = month_of(words[at])?;
    let number = |w: &str| {
        (!w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()))
            .then(|| w.parse::<i32>().ok())
            .flatten()
    };
    let (day, year) = match (at, words.len()) {
        // ۱۵ آذر, ۱۵ آذر ۱۴۰۵
        (1, 2) => (number(words[0]), None),
        (1, 3) => (number(words[0]), Some(number(words[2]))),
        // آذر ۱۵, آذر ۱۵ ۱۴۰۵
        (0, 2) => (number(words[1]), None),
        (0, 3) => (number(words[1]), Some(number(words[2]))),
        _ => return Some(TypedDate::NotADate),
    };
    let (Some(day), Some(year)) = (day, year.map_or(Some(None), |y| y.map(Some))) else {
        return Some(TypedDate::NotADate);
    };
    let Ok(day) = u8::try_from(day) else {
        return Some(TypedDate::NoSuchDate);
    };
    let found = if let Some(year) = year {
        gregorian(year, month, day)
    } else {
        // Without a year: the next such day from today on.
        let this_year = solar_hijri(today)?.0;
        gregorian(this_year, month, day)
            .filter(|d| days_from_civil(*d) >= days_from_civil(today))
            .or_else(|| gregorian(this_year + 1, month, day))
    };
    Some(found.map_or(TypedDate::NoSuchDate, TypedDate::Date))
}

/// The month (1-12) a word names ([`MONTHS`]).
fn month_of(word: &str) -> Option<u8> {
    let at = MONTHS.iter().position(|names| names.contains(&word))?;
    u8::try_from(at + 1).ok()
}

/// `1405/09/15` (also with `-` or `.`) or `15/9/1405`, with a year of
/// 1300 to 1499, as the Solar Hijri date it is; `None` for anything else.
fn numbers(text: &str) -> Option<TypedDate> {
    let mark = text.chars().find(|c| matches!(c, '/' | '-' | '.'))?;
    let parts: Vec<&str> = text.trim_end_matches('.').split(mark).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let digits = |w: &str, len: std::ops::RangeInclusive<usize>| {
        (len.contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit()))
            .then(|| w.parse::<i32>().ok())
            .flatten()
    };
    let (year, month, day) = match (digits(a, 4..=4), digits(c, 4..=4)) {
        (Some(year), None) => (year, digits(b, 1..=2)?, digits(c, 1..=2)?),
        (None, Some(year)) => (year, digits(b, 1..=2)?, digits(a, 1..=2)?),
        _ => return None,
    };
    if !(1300..=1499).contains(&year) {
        return None;
    }
    let date = u8::try_from(month)
        .ok()
        .zip(u8::try_from(day).ok())
        .and_then(|(month, day)| gregorian(year, month, day));
    Some(date.map_or(TypedDate::NoSuchDate, TypedDate::Date))
}

/// The Gregorian date of Solar Hijri `year`/`month`/`day`, if that day
/// exists (Mehr has 30 days, Esfand 29 or 30).
fn gregorian(year: i32, month: u8, day: u8) -> Option<Date> {
    let iso = icu_calendar::Date::try_new_persian(year, month, day)
        .ok()?
        .to_calendar(icu_calendar::Iso);
    let date = Date {
        year: u16::try_from(iso.year().extended_year()).ok()?,
        month: iso.month().ordinal,
        day: iso.day_of_month().0,
    };
    is_real_date(date).then_some(date)
}

/// `date` in the Solar Hijri calendar: (year, month, day).
fn solar_hijri(date: Date) -> Option<(i32, u8, u8)> {
    let persian = icu_calendar::Date::try_new_iso(i32::from(date.year), date.month, date.day)
        .ok()?
        .to_calendar(icu_calendar::cal::Persian);
    Some((
        persian.year().extended_year(),
        persian.month().ordinal,
        persian.day_of_month().0,
    ))
}

/// `date` as Persian writes it in the Solar Hijri calendar, in Persian
/// digits: "۱۵ آذر ۱۴۰۵", to show beside the Gregorian date.
pub fn in_words(date: Date) -> Option<String> {
    let (year, month, day) = solar_hijri(date)?;
    let name = MONTHS.get(usize::from(month).checked_sub(1)?)?[0];
    let digits = |n: i64| -> String {
        n.to_string()
            .chars()
            .map(|c| {
                c.to_digit(10)
                    .and_then(|d| char::from_u32(0x6f0 + d))
                    .unwrap_or(c)
            })
            .collect()
    };
    Some(format!(
        "{} {name} {}",
        digits(i64::from(day)),
        digits(i64::from(year))
    ))
}

/// Whether to say a date in the Solar Hijri calendar too: the plan's
/// country is Iran (or Afghanistan, which keeps the same calendar), or the
/// date was typed in that calendar (its month names, its years, its words
/// for days near today). Not for its digits or letters alone: Urdu
/// writes ۵/۱۲/۲۰۲۶ with the same digits, and Pakistan keeps the
/// Gregorian calendar (Farida was told "(۱۴ آذر ۱۴۰۵)").
pub fn wanted(region: Option<&str>, typed: &str) -> bool {
    region.is_some_and(|r| r.eq_ignore_ascii_case("IR") || r.eq_ignore_ascii_case("AF"))
        // What it was read as says whether it was typed in the calendar
        // (the day given does not change whether it was).
        || read(typed, false, super::date::EARLIEST_TODAY).is_some()
}

/// `words` (a Gregorian date in words) with the Solar Hijri date after
/// it when [`wanted`]: "6 December 2026 (۱۵ آذر ۱۴۰۵)".
pub fn beside(words: &str, date: Date, region: Option<&str>, typed: &str) -> String {
    match in_words(date).filter(|_| wanted(region, typed)) {
        Some(persian) => format!("{words} ({persian})"),
        None => words.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: u16, month: u8, day: u8) -> Date {
        Date { year, month, day }
    }

    const TODAY: Date = Date {
        year: 2026,
        month: 11,
        day: 29,
    };

    #[test]
    fn solar_hijri_dates_are_read_as_shirin_types_them() {
        let azar_15 = TypedDate::Date(date(2026, 12, 6));
        for typed in [
            "۱۵ آذر ۱۴۰۵",
            "15 آذر 1405",
            "۱۵ آذرماه ۱۴۰۵",
            "۱۵ آذر ماه ۱۴۰۵",
            "آذر ۱۵ ۱۴۰۵",
            "۱۵ آذر",
            "۱۴۰۵/۰۹/۱۵",
            "۱۴۰۵/۹/۱۵",
            "١٥ آذر ١٤٠٥",
        ] {
            assert_eq!(read(typed, false, TODAY), Some(azar_15), "{typed}");
        }
        for typed in ["1405/09/15", "1405-9-15", "15/09/1405"] {
            assert_eq!(read(typed, true, TODAY), Some(azar_15), "{typed}");
            // Elsewhere a year 1405 is asked about, never guessed.
            assert_eq!(read(typed, false, TODAY), None, "{typed}");
        }
        // Nowruz, the first day of 1406.
        assert_eq!(
            read("۱ فروردین ۱۴۰۶", false, TODAY),
            Some(TypedDate::Date(date(2027, 3, 21)))
        );
        // A day gone this year is next year's.
        assert_eq!(
            read("۱ مهر", false, TODAY),
            Some(TypedDate::Date(date(2027, 9, 23)))
        );
    }

    #[test]
    fn persian_words_for_days_near_today_are_read() {
        for (typed, want) in [
            ("امروز", date(2026, 11, 29)),
            ("فردا", date(2026, 11, 30)),
            ("پس‌فردا", date(2026, 12, 1)),
            ("پسفردا", date(2026, 12, 1)),
            ("هفته بعد", date(2026, 12, 6)),
            ("هفته‌ی آینده", date(2026, 12, 6)),
            ("ماه بعد", date(2026, 12, 29)),
        ] {
            assert_eq!(
                read(typed, false, TODAY),
                Some(TypedDate::Date(want)),
                "{typed}"
            );
        }
    }

    #[test]
    fn days_that_do_not_exist_and_words_that_are_no_date() {
        // Mehr has 30 days.
        assert_eq!(
            read("۳۱ مهر ۱۴۰۵", false, TODAY),
            Some(TypedDate::NoSuchDate)
        );
        assert_eq!(read("1405/07/31", true, TODAY), Some(TypedDate::NoSuchDate));
        assert_eq!(read("آذر", false, TODAY), Some(TypedDate::NotADate));
        for typed in ["سلام", "2026-12-06", "6 December 2026", "", "4/1/2027"] {
            assert_eq!(read(typed, true, TODAY), None, "{typed}");
        }
    }

    #[test]
    fn a_date_is_said_back_in_the_solar_hijri_calendar_too() {
        assert_eq!(in_words(date(2026, 12, 6)).as_deref(), Some("۱۵ آذر ۱۴۰۵"));
        assert_eq!(
            in_words(date(2027, 3, 21)).as_deref(),
            Some("۱ فروردین ۱۴۰۶")
        );
        assert_eq!(
            beside(
                "6 December 2026",
                date(2026, 12, 6),
                Some("IR"),
                "1405/09/15"
            ),
            "6 December 2026 (۱۵ آذر ۱۴۰۵)"
        );
        assert_eq!(
            beside("6 December 2026", date(2026, 12, 6), None, "۱۵ آذر ۱۴۰۵"),
            "6 December 2026 (۱۵ آذر ۱۴۰۵)"
        );
        assert_eq!(
            beside(
                "6 December 2026",
                date(2026, 12, 6),
                Some("IE"),
                "6/12/2026"
            ),
            "6 December 2026"
        );
        // Farida, in Karachi: Urdu digits, the Gregorian calendar.
        assert_eq!(
            beside(
                "5 December 2026",
                date(2026, 12, 5),
                Some("PK"),
                "۵/۱۲/۲۰۲۶"
            ),
            "5 December 2026"
        );
        assert!(!wanted(Some("PK"), "۵/۱۲/۲۰۲۶"));
    }
}
