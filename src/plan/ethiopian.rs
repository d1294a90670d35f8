//! Dates in the Ethiopian calendar, as Ethiopia writes them: read where
//! Gregorian and Solar Hijri dates are read, and said back beside the
//! Gregorian date so the person can check it. Mulu (Addis Ababa) typed
//! "20/3/2019", meaning 20 Hidar 2019 (29 November 2026), and it was read
//! as 20 March 2019. The calendar arithmetic is ICU4X's (`icu_calendar`).

use toml::value::Date;

use super::date::{TypedDate, When, days_from_civil, is_real_date};

/// The thirteen Ethiopian months, in order: in Amharic (with the spellings
/// people type, ኅ or ህ or ሕ, ሐ or ሀ) and in the Latin letters they are
/// often written with. The first is how a date is said back.
const MONTHS: [&[&str]; 13] = [
    &["መስከረም", "meskerem", "meskarem"],
    &["ጥቅምት", "tikimt", "tikemt", "teqemt", "tekemt"],
    &["ኅዳር", "ህዳር", "ሕዳር", "hidar", "hedar"],
    &[
        "ታኅሣሥ",
        "ታህሳስ",
        "ታኅሳስ",
        "ታሕሳስ",
        "tahsas",
        "tahesas",
        "tahisas",
    ],
    &["ጥር", "tir", "ter"],
    &["የካቲት", "yekatit", "yakatit"],
    &["መጋቢት", "megabit", "magabit"],
    &["ሚያዝያ", "ሚያዚያ", "miyazya", "miyaziya", "miazia"],
    &["ግንቦት", "ginbot", "genbot"],
    &["ሰኔ", "sene", "sane"],
    &["ሐምሌ", "ሀምሌ", "hamle", "hamlie"],
    &["ነሐሴ", "ነሃሴ", "ነሀሴ", "nehase", "nehasse", "nahase"],
    &["ጳጉሜ", "ጳጉሜን", "pagume", "pagumen", "pagume"],
];

/// Words around a written date that say nothing of which day it is: "day"
/// (ቀን), the era (ዓ.ም., "in the year of mercy"), "year" (ዓመት).
const AROUND: &[&str] = &["ቀን", "ዓ.ም.", "ዓ.ም", "ዓም", "ዓመት", "ec", "e.c.", "e.c"];

/// A date typed in the Ethiopian calendar, as the Gregorian date it is:
/// `ኅዳር 20 2019`, `20 Hidar 2019` and `ኅዳር 20` (the next one) anywhere, a
/// month's name saying the calendar; and, where the plan is in Ethiopia
/// (`in_ethiopia`), numbers alone written day first (`20/3/2019`, also with
/// `.` or `-`) whose year is an Ethiopian year near today's. Such a year
/// read as a Gregorian one is years gone, so a date to come (`when` is
/// [`When::Future`]) is the Ethiopian one; a date gone is asked about,
/// unless the Ethiopian reading is yet to come. `None` for text that is
/// none of these.
pub fn read(text: &str, in_ethiopia: bool, today: Date, when: When) -> Option<TypedDate> {
    let folded = crate::plan::typed::fold(text).to_lowercase();
    if let Some(read) = written(&folded, today) {
        return Some(read);
    }
    if in_ethiopia {
        return numbers(folded.trim(), today, when);
    }
    None
}

/// A day, a month's name and perhaps a year ([`read`]).
fn written(folded: &str, today: Date) -> Option<TypedDate> {
    let words: Vec<&str> = folded
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '፣' | '፡' | '።'))
        .map(|w| w.trim_matches('-'))
        .filter(|w| !w.is_empty() && !AROUND.contains(w))
        .collect();
    let at = words.iter().position(|w| month_of(w).is_some())?;
    let month = month_of(words[at])?;
    let number = |w: &str| {
        (!w.is_empty() && w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit()))
            .then(|| w.parse::<i32>().ok())
            .flatten()
    };
    let (day, year) = match (at, words.len()) {
        // 20 ኅዳር, 20 ኅዳር 2019
        (1, 2) => (number(words[0]), None),
        (1, 3) => (number(words[0]), Some(number(words[2]))),
        // ኅዳር 20, ኅዳር 20 2019
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
        let this_year = ethiopian(today)?.0;
        gregorian(this_year, month, day)
            .filter(|d| days_from_civil(*d) >= days_from_civil(today))
            .or_else(|| gregorian(this_year + 1, month, day))
    };
    Some(found.map_or(TypedDate::NoSuchDate, TypedDate::Date))
}

/// The month (1-13) a word names ([`MONTHS`]).
fn month_of(word: &str) -> Option<u8> {
    let at = MONTHS.iter().position(|names| names.contains(&word))?;
    u8::try_from(at + 1).ok()
}

/// `20/3/2019` (also with `.` or `-`): day, month and a four-digit year
/// that is an Ethiopian year near today's (a year either side of it), as
/// the Ethiopian date it is, or both readings to ask about ([`read`]).
fn numbers(text: &str, today: Date, when: When) -> Option<TypedDate> {
    let mark = text.chars().find(|c| matches!(c, '/' | '-' | '.'))?;
    let parts: Vec<&str> = text.trim_end_matches('.').split(mark).collect();
    let [day, month, year] = parts.as_slice() else {
        return None;
    };
    let digits = |w: &str, len: std::ops::RangeInclusive<usize>| {
        (len.contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit()))
            .then(|| w.parse::<i32>().ok())
            .flatten()
    };
    let (day, month, year) = (
        digits(day, 1..=2)?,
        digits(month, 1..=2)?,
        digits(year, 4..=4)?,
    );
    let this_year = ethiopian(today)?.0;
    if !(this_year - 1..=this_year + 1).contains(&year) {
        return None;
    }
    let (Ok(day), Ok(month)) = (u8::try_from(day), u8::try_from(month)) else {
        return Some(TypedDate::NoSuchDate);
    };
    let Some(ethiopian) = gregorian(year, month, day) else {
        return Some(TypedDate::NoSuchDate);
    };
    // The same numbers in the Gregorian calendar: seven or eight years gone.
    let as_gregorian = u16::try_from(year)
        .ok()
        .map(|year| Date { year, month, day })
        .filter(|d| is_real_date(*d));
    let to_come = days_from_civil(ethiopian) >= days_from_civil(today);
    Some(match (when, as_gregorian) {
        (_, None) | (When::Future, _) => TypedDate::Date(ethiopian),
        (When::Past, Some(gone)) if to_come => TypedDate::Date(gone),
        (_, Some(gone)) => TypedDate::EitherOf(ethiopian, gone),
    })
}

/// The Gregorian date of Ethiopian `year`/`month`/`day` (the Amete Mihret
/// era, as Ethiopia counts years today), if that day exists: every month
/// has 30 days, Pagume 5 or 6.
fn gregorian(year: i32, month: u8, day: u8) -> Option<Date> {
    let iso = icu_calendar::Date::try_new_ethiopian(
        icu_calendar::cal::EthiopianEraStyle::AmeteMihret,
        year,
        month,
        day,
    )
    .ok()?
    .to_calendar(icu_calendar::Iso);
    let date = Date {
        year: u16::try_from(iso.year().extended_year()).ok()?,
        month: iso.month().ordinal,
        day: iso.day_of_month().0,
    };
    is_real_date(date).then_some(date)
}

/// `date` in the Ethiopian calendar: (year, month, day).
fn ethiopian(date: Date) -> Option<(i32, u8, u8)> {
    let ethiopian = icu_calendar::Date::try_new_iso(i32::from(date.year), date.month, date.day)
        .ok()?
        .to_calendar(icu_calendar::cal::Ethiopian::new());
    Some((
        ethiopian.year().extended_year(),
        ethiopian.month().ordinal,
        ethiopian.day_of_month().0,
    ))
}

/// `date` as Amharic writes it in the Ethiopian calendar, month first:
/// "ኅዳር 20 2019", to show beside the Gregorian date.
pub fn in_words(date: Date) -> Option<String> {
    let (year, month, day) = ethiopian(date)?;
    let name = MONTHS.get(usize::from(month).checked_sub(1)?)?[0];
    Some(format!("{name} {day} {year}"))
}

/// Whether to say a date in the Ethiopian calendar too: the plan's
/// country is Ethiopia, or the date was typed with an Ethiopian month's
/// name.
pub fn wanted(region: Option<&str>, typed: &str) -> bool {
    region.is_some_and(|r| r.eq_ignore_ascii_case("ET"))
        || written(
            &crate::plan::typed::fold(typed).to_lowercase(),
            super::date::EARLIEST_TODAY,
        )
        .is_some()
}

/// `words` (a Gregorian date in words) with the Ethiopian date after it
/// when [`wanted`]: "29 November 2026 (ኅዳር 20 2019 in the Ethiopian
/// calendar)", so a reading in the wrong calendar shows at once.
pub fn beside(words: &str, date: Date, region: Option<&str>, typed: &str) -> String {
    match in_words(date).filter(|_| wanted(region, typed)) {
        Some(ethiopian) => format!("{words} ({ethiopian} in the Ethiopian calendar)"),
        None => words.to_string(),
    }
}

/// The day Ethiopian `year` began (its New Year, 1 Meskerem).
#[cfg(test)]
fn new_year(year: i32) -> Option<Date> {
    gregorian(year, 1, 1)
}

#[cfg(test)]
mod tests {
    use super::super::date::civil_from_days;
    use super::*;

    fn date(year: u16, month: u8, day: u8) -> Date {
        Date { year, month, day }
    }

    const TODAY: Date = Date {
        year: 2026,
        month: 11,
        day: 22,
    };

    #[test]
    fn known_days_convert_both_ways() {
        // Ethiopian New Year (Enkutatash) is 11 September, 12 September
        // before a Gregorian leap year.
        assert_eq!(new_year(2016), Some(date(2023, 9, 12)));
        assert_eq!(new_year(2017), Some(date(2024, 9, 11)));
        assert_eq!(new_year(2019), Some(date(2026, 9, 11)));
        assert_eq!(new_year(2020), Some(date(2027, 9, 12)));
        // 20 Hidar 2019, the day Mulu meant.
        assert_eq!(gregorian(2019, 3, 20), Some(date(2026, 11, 29)));
        // Genna (Christmas), 29 Tahsas: 7 January.
        assert_eq!(gregorian(2019, 4, 29), Some(date(2027, 1, 7)));
        // Pagume has six days in the year before a Gregorian leap year.
        assert_eq!(gregorian(2019, 13, 6), Some(date(2027, 9, 11)));
        assert_eq!(gregorian(2018, 13, 6), None);
        assert_eq!(ethiopian(date(2026, 11, 29)), Some((2019, 3, 20)));
        assert_eq!(ethiopian(date(2026, 9, 10)), Some((2018, 13, 5)));
        for days in days_from_civil(date(2023, 1, 1))..days_from_civil(date(2029, 1, 1)) {
            let day = civil_from_days(days);
            let (y, m, d) = ethiopian(day).unwrap();
            assert_eq!(gregorian(y, m, d), Some(day));
        }
    }

    #[test]
    fn numbers_in_an_ethiopian_plan_are_read_in_her_calendar() {
        let hidar_20 = TypedDate::Date(date(2026, 11, 29));
        for typed in ["20/3/2019", "20.03.2019", "20-3-2019", "٢٠/٣/٢٠١٩"] {
            assert_eq!(
                read(typed, true, TODAY, When::Future),
                Some(hidar_20),
                "{typed}"
            );
            // Outside Ethiopia, numbers are Gregorian.
            assert_eq!(read(typed, false, TODAY, When::Future), None, "{typed}");
        }
        // A date gone, where both calendars make one: asked about.
        assert_eq!(
            read("1/2/2019", true, TODAY, When::Past),
            Some(TypedDate::EitherOf(date(2026, 10, 11), date(2019, 2, 1)))
        );
        // A date gone whose Ethiopian reading is still to come: Gregorian.
        assert_eq!(
            read("20/3/2019", true, TODAY, When::Past),
            Some(TypedDate::Date(date(2019, 3, 20)))
        );
        // Pagume 3 has no Gregorian reading (month 13).
        assert_eq!(
            read("3/13/2019", true, TODAY, When::Past),
            Some(TypedDate::Date(date(2027, 9, 8)))
        );
        assert_eq!(
            read("31/3/2019", true, TODAY, When::Future),
            Some(TypedDate::NoSuchDate)
        );
        // Gregorian years, and years far from today's Ethiopian one, are
        // left to the Gregorian reading.
        for typed in ["5/12/2026", "20/3/2015", "2019-03-20", "20/3/19"] {
            assert_eq!(read(typed, true, TODAY, When::Future), None, "{typed}");
        }
    }

    #[test]
    fn month_names_say_the_calendar_anywhere() {
        let hidar_20 = TypedDate::Date(date(2026, 11, 29));
        for typed in [
            "ኅዳር 20 2019",
            "ህዳር 20 2019",
            "ኅዳር 20 ቀን 2019 ዓ.ም.",
            "20 ኅዳር 2019",
            "20 Hidar 2019",
            "Hidar 20, 2019",
            "ኅዳር 20",
        ] {
            assert_eq!(
                read(typed, false, TODAY, When::Future),
                Some(hidar_20),
                "{typed}"
            );
        }
        assert_eq!(
            read("ጳጉሜ 6 2018", false, TODAY, When::Future),
            Some(TypedDate::NoSuchDate)
        );
        assert_eq!(
            read("ኅዳር", false, TODAY, When::Future),
            Some(TypedDate::NotADate)
        );
        for typed in ["20 March 2019", "abc", "", "ሰላም"] {
            assert_eq!(read(typed, false, TODAY, When::Future), None, "{typed}");
        }
    }

    #[test]
    fn a_date_is_said_back_in_the_ethiopian_calendar_too() {
        assert_eq!(in_words(date(2026, 11, 29)).as_deref(), Some("ኅዳር 20 2019"));
        assert_eq!(
            beside(
                "29 November 2026",
                date(2026, 11, 29),
                Some("ET"),
                "20/3/2019"
            ),
            "29 November 2026 (ኅዳር 20 2019 in the Ethiopian calendar)"
        );
        assert_eq!(
            beside("29 November 2026", date(2026, 11, 29), None, "ኅዳር 20 2019"),
            "29 November 2026 (ኅዳር 20 2019 in the Ethiopian calendar)"
        );
        assert_eq!(
            beside(
                "29 November 2026",
                date(2026, 11, 29),
                Some("IE"),
                "29/11/2026"
            ),
            "29 November 2026"
        );
    }
}
