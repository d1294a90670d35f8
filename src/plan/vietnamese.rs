//! Dates as Vietnamese writes them (round 18: "ngày 5 tháng 12 năm 2026",
//! "5 tháng 12", "thứ Sáu tuần sau" and "ngày mai" were no date, and the
//! hint showed only ISO). Read where [`super::date`] reads the other
//! languages' words, with or without the tone marks, since many type
//! Vietnamese without them ("ngay mai").

use toml::value::Date;
use unicode_normalization::UnicodeNormalization;

use super::date::{
    TypedDate, civil_from_days, days_from_civil, is_real_date, months_after, weekday,
};

/// `text` in lower case without tone marks or other accents, đ as d,
/// spaces as one: "Thứ Sáu tuần sau" → "thu sau tuan sau".
fn plain(text: &str) -> String {
    let bare: String = text
        .nfd()
        .filter(|c| !matches!(u32::from(*c), 0x300..=0x36f))
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            c => c,
        })
        .collect::<String>()
        .to_lowercase();
    bare.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `text` is written in Vietnamese letters (ơ, ư, ă, đ, or a
/// vowel with a tone mark only Vietnamese uses): for the hint's example.
pub fn is_vietnamese(text: &str) -> bool {
    text.nfc().any(|c| {
        matches!(c, 'ơ' | 'Ơ' | 'ư' | 'Ư' | 'ă' | 'Ă' | 'đ' | 'Đ')
            || matches!(u32::from(c), 0x1ea0..=0x1ef9)
    })
}

/// Weekdays, Monday 0 … Sunday 6, as written without tone marks: thứ
/// Hai … thứ Bảy (or thứ 2 … thứ 7, T2 … T7), Chủ nhật (CN).
const WEEKDAYS: [&[&str]; 7] = [
    &["thu hai", "thu 2", "t2"],
    &["thu ba", "thu 3", "t3"],
    &["thu tu", "thu 4", "t4"],
    &["thu nam", "thu 5", "t5"],
    &["thu sau", "thu 6", "t6"],
    &["thu bay", "thu 7", "t7"],
    &["chu nhat", "cn"],
];

/// A date said in Vietnamese, as the day it is from `today`: hôm nay,
/// (ngày) mai, ngày kia or ngày mốt, hôm qua, hôm kia; tuần sau (or tới),
/// tháng sau, tuần trước, tháng trước; 3 ngày nữa, sau 2 tuần, 3 ngày
/// trước; a weekday (thứ Sáu: the first after today, as "Friday" is; thứ
/// Sáu này this week's; thứ Sáu tuần sau Friday of next week, weeks
/// starting on Monday as Vietnamese calendars do; thứ Sáu tuần trước);
/// and a date written out, ngày 5 tháng 12 năm 2026, 5 tháng 12 (the next
/// one from today). "On" and "by" before it (vào, đến, trước) say the same
/// day. `None` for text that is none of these.
pub(super) fn read(text: &str, today: Date) -> Option<TypedDate> {
    let plain = plain(text);
    let plain = plain.trim_end_matches(['.', '!']).trim();
    let said = ["vao ", "den ", "toi "]
        .iter()
        .find_map(|on| plain.strip_prefix(on))
        .unwrap_or(plain);
    let start = days_from_civil(today);
    let on = |days: i64| Some(TypedDate::Date(civil_from_days(start + days)));
    let months = |n: i64| months_after(today, n).map(TypedDate::Date);
    match said {
        "hom nay" | "ngay hom nay" => return on(0),
        "mai" | "ngay mai" => return on(1),
        "ngay kia" | "ngay mot" | "mot" => return on(2),
        "hom qua" => return on(-1),
        "hom kia" => return on(-2),
        "tuan sau" | "tuan toi" => return on(7),
        "tuan truoc" => return on(-7),
        "thang sau" | "thang toi" => return months(1),
        "thang truoc" => return months(-1),
        _ => {}
    }
    weekday_said(said, today)
        .or_else(|| distance(said, today))
        .or_else(|| written(said, today))
}

/// A weekday, alone or with the week it is in ([`read`]).
fn weekday_said(said: &str, today: Date) -> Option<TypedDate> {
    let (day, rest) = WEEKDAYS.iter().enumerate().find_map(|(i, names)| {
        names.iter().find_map(|name| {
            let rest = said.strip_prefix(name)?;
            (rest.is_empty() || rest.starts_with(' ')).then_some((i, rest.trim()))
        })
    })?;
    let day = i64::try_from(day).ok()?;
    let start = days_from_civil(today);
    let today_is = weekday(start);
    let on = |days: i64| Some(TypedDate::Date(civil_from_days(start + days)));
    // The day of a week counted from this one, weeks starting on Monday.
    let in_week = |weeks: i64| on(7 * weeks - today_is + day);
    match rest {
        "" | "toi" | "sap toi" => on((day - today_is - 1).rem_euclid(7) + 1),
        "nay" | "tuan nay" => in_week(0),
        "tuan sau" | "tuan toi" => in_week(1),
        "tuan truoc" => in_week(-1),
        "truoc" | "vua roi" => on(-((today_is - day - 1).rem_euclid(7) + 1)),
        _ => None,
    }
}

/// Small numbers in words, as a count of days or weeks is said.
fn count(word: &str) -> Option<i64> {
    const WORDS: [&str; 10] = [
        "mot", "hai", "ba", "bon", "nam", "sau", "bay", "tam", "chin", "muoi",
    ];
    if let Some(at) = WORDS.iter().position(|w| *w == word) {
        return i64::try_from(at + 1).ok();
    }
    (word.len() <= 3 && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()
}

/// A count of days, weeks or months on or back ([`read`]): 3 ngày nữa,
/// sau 3 ngày, 3 ngày sau, 2 tuần nữa, một tháng nữa, 3 ngày trước.
fn distance(said: &str, today: Date) -> Option<TypedDate> {
    let words: Vec<&str> = said.split(' ').collect();
    let (n, unit, sign) = match words.as_slice() {
        ["sau", n, unit] | [n, unit, "nua" | "sau" | "toi"] => (*n, *unit, 1),
        [n, unit, "truoc"] => (*n, *unit, -1),
        _ => return None,
    };
    let n = count(n)? * sign;
    let start = days_from_civil(today);
    match unit {
        "ngay" => Some(TypedDate::Date(civil_from_days(start + n))),
        "tuan" => Some(TypedDate::Date(civil_from_days(start + 7 * n))),
        "thang" => months_after(today, n).map(TypedDate::Date),
        _ => None,
    }
}

/// ngày 5 tháng 12 năm 2026, 5 tháng 12 năm 2026, ngày 5 tháng 12 and 5
/// tháng 12 (the next one from today) ([`read`]).
fn written(said: &str, today: Date) -> Option<TypedDate> {
    let words: Vec<&str> = said
        .split([' ', ','])
        .filter(|w| !w.is_empty() && *w != "ngay")
        .collect();
    let number = |w: &str| {
        (!w.is_empty() && w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit()))
            .then(|| w.parse::<i64>().ok())
            .flatten()
    };
    let (day, month, year) = match words.as_slice() {
        [d, "thang", m] => (number(d)?, number(m)?, None),
        [d, "thang", m, "nam", y] => (number(d)?, number(m)?, Some(number(y)?)),
        _ => return None,
    };
    let date = |year: i64| -> Option<Date> {
        let date = Date {
            year: u16::try_from(year).ok()?,
            month: u8::try_from(month).ok()?,
            day: u8::try_from(day).ok()?,
        };
        is_real_date(date).then_some(date)
    };
    // Without a year: the next such day from today on.
    let found = year.map_or_else(
        || {
            let this_year = i64::from(today.year);
            date(this_year)
                .filter(|d| days_from_civil(*d) >= days_from_civil(today))
                .or_else(|| date(this_year + 1))
        },
        date,
    );
    Some(found.map_or(TypedDate::NoSuchDate, TypedDate::Date))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: u16, month: u8, day: u8) -> Date {
        Date { year, month, day }
    }

    /// Sunday 22 November 2026, the tests' day.
    const TODAY: Date = Date {
        year: 2026,
        month: 11,
        day: 22,
    };

    #[test]
    fn dates_written_out_in_vietnamese_are_read() {
        for (typed, want) in [
            ("ngày 5 tháng 12 năm 2026", date(2026, 12, 5)),
            ("Ngày 5 tháng 12 năm 2026", date(2026, 12, 5)),
            ("ngay 5 thang 12 nam 2026", date(2026, 12, 5)),
            ("5 tháng 12", date(2026, 12, 5)),
            ("ngày 5 tháng 12", date(2026, 12, 5)),
            // A day gone this year is next year's.
            ("1 tháng 3", date(2027, 3, 1)),
            // Composed another way (NFD), as some keyboards send it.
            ("nga\u{300}y 5 tha\u{301}ng 12", date(2026, 12, 5)),
        ] {
            assert_eq!(read(typed, TODAY), Some(TypedDate::Date(want)), "{typed}");
        }
        assert_eq!(
            read("ngày 31 tháng 2 năm 2027", TODAY),
            Some(TypedDate::NoSuchDate)
        );
    }

    #[test]
    fn days_said_from_today_in_vietnamese_are_read() {
        for (typed, want) in [
            ("hôm nay", date(2026, 11, 22)),
            ("ngày mai", date(2026, 11, 23)),
            ("Ngày mai", date(2026, 11, 23)),
            ("ngay mai", date(2026, 11, 23)),
            ("ngày mốt", date(2026, 11, 24)),
            ("hôm qua", date(2026, 11, 21)),
            ("tuần sau", date(2026, 11, 29)),
            ("tháng sau", date(2026, 12, 22)),
            ("3 ngày nữa", date(2026, 11, 25)),
            ("sau 2 tuần", date(2026, 12, 6)),
            ("hai tuần nữa", date(2026, 12, 6)),
            ("3 ngày trước", date(2026, 11, 19)),
            // Today is a Sunday: the first Friday after it, this week's
            // (Monday to Sunday: the one gone), and next week's.
            ("thứ Sáu", date(2026, 11, 27)),
            ("thứ 6", date(2026, 11, 27)),
            ("vào thứ Sáu", date(2026, 11, 27)),
            ("thứ Sáu này", date(2026, 11, 20)),
            ("thứ Sáu tuần sau", date(2026, 11, 27)),
            ("thu sau tuan sau", date(2026, 11, 27)),
            ("thứ Sáu tuần trước", date(2026, 11, 13)),
            ("chủ nhật tuần sau", date(2026, 11, 29)),
            ("thứ Hai tuần sau", date(2026, 11, 23)),
        ] {
            assert_eq!(read(typed, TODAY), Some(TypedDate::Date(want)), "{typed}");
        }
        // On a Wednesday, next week's Friday is nine days on.
        let wednesday = date(2026, 11, 25);
        assert_eq!(
            read("thứ Sáu tuần sau", wednesday),
            Some(TypedDate::Date(date(2026, 12, 4)))
        );
        assert_eq!(
            read("thứ Sáu", wednesday),
            Some(TypedDate::Date(date(2026, 11, 27)))
        );
        for typed in ["xin chào", "abc", "5/12/2026", "sau", "thứ Tám"] {
            assert_eq!(read(typed, TODAY), None, "{typed}");
        }
    }
}
