//! Days said from today in Korean and Hebrew (issue 13: Min-jun in Seoul
//! typed 내일, Noa in Jerusalem מחר, and both were told it was no date):
//! read where [`super::date`] reads the Thai, Arabic and Chinese ones, in
//! their own module so each language's words stay together.

use toml::value::Date;

use super::date::{TypedDate, civil_from_days, days_from_civil, months_after, weekday};

/// A day said from `today` in Korean or Hebrew ([`korean`], [`hebrew`]);
/// `None` when the text is neither.
pub(super) fn read(text: &str, today: Date) -> Option<TypedDate> {
    korean(text, today).or_else(|| hebrew(text, today).map(TypedDate::Date))
}

/// Korean weekdays, Monday 0 … Sunday 6, only in full (월 alone is also
/// "month", and 일 "day").
const KOREAN_WEEKDAYS: [&str; 7] = [
    "월요일",
    "화요일",
    "수요일",
    "목요일",
    "금요일",
    "토요일",
    "일요일",
];

/// A day said from `today` in Korean: 오늘, 내일, 모레 (내일모레), 글피;
/// a weekday (금요일: the first after today, as "Friday" is; 다음 금요일
/// the same; 이번 주 금요일 this week's; 다음 주 금요일, with or without
/// the space, Friday of next week, weeks starting on Monday, as Korean
/// calendars do); 다음 주, 다음 달; 3일 후 (or 뒤), 2주 후, 일주일 후,
/// 이틀 후, 한 달 후, 3개월 후; and, for `review --since`, 어제, 그제,
/// 지난 금요일, 지난주 금요일, 지난주, 3일 전. "On" and "by" after it
/// (금요일에, 내일까지) say the same day. `None` for text with no Hangul,
/// or Korean that is none of these.
pub(super) fn korean(text: &str, today: Date) -> Option<TypedDate> {
    if !text.chars().any(|c| matches!(c, '\u{ac00}'..='\u{d7a3}')) {
        return None;
    }
    // Korean spaces these words either way (다음 주, 다음주).
    let squeezed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let said = ["까지", "에는", "에"]
        .iter()
        .find_map(|ending| squeezed.strip_suffix(ending))
        .unwrap_or(&squeezed);
    let start = days_from_civil(today);
    let on = |days: i64| Some(TypedDate::Date(civil_from_days(start + days)));
    let months = |n: i64| months_after(today, n).map(TypedDate::Date);
    match said {
        "오늘" => return on(0),
        "내일" => return on(1),
        "모레" | "내일모레" => return on(2),
        "글피" => return on(3),
        "어제" => return on(-1),
        "그제" | "그저께" | "엊그제" => return on(-2),
        "다음주" | "담주" => return on(7),
        "다다음주" => return on(14),
        "지난주" | "저번주" => return on(-7),
        "다음달" | "담달" => return months(1),
        "지난달" | "저번달" => return months(-1),
        _ => {}
    }
    korean_weekday(said, today).or_else(|| korean_distance(said, today).map(TypedDate::Date))
}

/// A weekday in Korean, spaces taken out ([`korean`]): 금요일, 다음금요일,
/// 이번주금요일, 다음주금요일, 지난금요일, 지난주금요일. A week named
/// (다음 주) starts on Monday by the calendar's standard and on Sunday on
/// most Korean wall calendars: where the two give different days (다음 주
/// 금요일 said on a Sunday), both are given, to be asked about.
fn korean_weekday(said: &str, today: Date) -> Option<TypedDate> {
    let start = days_from_civil(today);
    let on = |days: i64| civil_from_days(start + days);
    // Longest first: 다음주 before 다음.
    let ((mark, weeks), day) = [
        ("다다음주", Some(2)),
        ("다음주", Some(1)),
        ("담주", Some(1)),
        ("이번주", Some(0)),
        ("지난주", Some(-1)),
        ("저번주", Some(-1)),
        ("다음", None),
        ("지난", None),
        ("저번", None),
        ("", None),
    ]
    .iter()
    .find_map(|(mark, weeks)| {
        let day = said.strip_prefix(mark)?;
        let target = KOREAN_WEEKDAYS.iter().position(|d| *d == day)?;
        Some(((*mark, *weeks), i64::try_from(target).ok()?))
    })?;
    let today_is = weekday(start);
    Some(match (mark, weeks) {
        (_, Some(weeks)) => {
            // Monday of that week, then on to the day; or Sunday of it.
            let from_monday = on(7 * weeks - today_is + day);
            let sunday_week = |d: i64| (d + 1).rem_euclid(7);
            let from_sunday = on(7 * weeks - sunday_week(today_is) + sunday_week(day));
            if from_monday == from_sunday {
                TypedDate::Date(from_monday)
            } else {
                TypedDate::EitherOf(from_monday, from_sunday)
            }
        }
        ("지난" | "저번", None) => {
            TypedDate::Date(on(-((today_is - day - 1).rem_euclid(7) + 1)))
        }
        _ => TypedDate::Date(on((day - today_is - 1).rem_euclid(7) + 1)),
    })
}

/// A count of days, weeks or months on or back, in Korean ([`korean`]):
/// 3일후, 2주뒤, 일주일후, 이틀후, 한달후, 3개월후, 3일전.
fn korean_distance(said: &str, today: Date) -> Option<Date> {
    let (rest, sign) = match said.strip_suffix("후").or_else(|| said.strip_suffix("뒤")) {
        Some(rest) => (rest, 1),
        None => (said.strip_suffix("전")?, -1),
    };
    let start = days_from_civil(today);
    let on = |days: i64| Some(civil_from_days(start + days));
    // Days counted in native words: 하루 1, 이틀 2, 사흘 3, 나흘 4.
    if let Some(days) = ["하루", "이틀", "사흘", "나흘"]
        .iter()
        .position(|d| *d == rest)
    {
        return on(sign * (i64::try_from(days).ok()? + 1));
    }
    // Longest first: 주일 before 일.
    for (unit, days) in [("주일", 7), ("개월", 0), ("일", 1), ("주", 7), ("달", 0)] {
        if let Some(n) = rest.strip_suffix(unit) {
            let n = sign * korean_count(n)?;
            return if days == 0 {
                months_after(today, n)
            } else {
                on(days * n)
            };
        }
    }
    None
}

/// A small count in digits or Korean numerals: native 한 … 열 (한 달, 두
/// 주) or Sino-Korean 일 … 십 (일주일, 삼 개월).
fn korean_count(word: &str) -> Option<i64> {
    const NATIVE: [&str; 10] = [
        "한", "두", "세", "네", "다섯", "여섯", "일곱", "여덟", "아홉", "열",
    ];
    const SINO: [&str; 10] = ["일", "이", "삼", "사", "오", "육", "칠", "팔", "구", "십"];
    if let Some(i) = NATIVE
        .iter()
        .position(|w| *w == word)
        .or_else(|| SINO.iter().position(|w| *w == word))
    {
        return i64::try_from(i + 1).ok();
    }
    (!word.is_empty() && word.len() <= 3 && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()
}

/// Hebrew weekdays after יום, Monday 0 … Sunday 6 (Sunday is יום ראשון,
/// the week's first day); שבת also alone.
const HEBREW_WEEKDAYS: [&str; 7] = ["שני", "שלישי", "רביעי", "חמישי", "שישי", "שבת", "ראשון"];

/// "Next" and "last" after a weekday, a week or a month, in Hebrew.
const NEXT_HEBREW: &[&str] = &["הבא", "הבאה", "הקרוב", "הקרובה"];
const LAST_HEBREW: &[&str] = &["שעבר", "שעברה", "הקודם", "הקודמת", "האחרון", "האחרונה"];

/// A day said from `today` in Hebrew: היום, מחר, מחרתיים; a weekday (יום
/// שישי, ביום שישי, יום שישי הבא, שבת: the first after today, as "Friday"
/// and "next Friday" are); שבוע הבא, בשבוע הבא, חודש הבא; בעוד שבוע, בעוד
/// שבועיים, בעוד 3 ימים, בעוד חודש; and, for `review --since`, אתמול,
/// שלשום, יום שישי שעבר, שבוע שעבר, לפני 3 ימים, לפני שבוע. עד ("by")
/// before it says the same day. Written with or without vowel points and
/// direction marks. `None` for text with no Hebrew, or Hebrew that is none
/// of these.
pub(super) fn hebrew(text: &str, today: Date) -> Option<Date> {
    if !text.chars().any(|c| matches!(c, '\u{5d0}'..='\u{5ea}')) {
        return None;
    }
    let folded: String = text
        .chars()
        .filter(|c| {
            !matches!(
                c,
                '\u{591}'..='\u{5c7}' | '\u{200e}' | '\u{200f}' | '\u{61c}'
            )
        })
        .collect();
    let mut words: Vec<&str> = folded
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '.'))
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() > 1 && words[0] == "עד" {
        words.remove(0);
    }
    // "On" and "in" are a letter before the word: ביום שישי, בשבוע הבא;
    // "the" too before a week or month: השבוע הבא (היום is "today").
    if let Some(first) = words.first_mut() {
        let bare = first.strip_prefix('ב').unwrap_or(first);
        if matches!(bare, "יום" | "שבת") {
            *first = bare;
        } else if let Some(unit) = ["שבוע", "חודש"]
            .into_iter()
            .find(|unit| bare == *unit || bare.strip_prefix('ה') == Some(unit))
        {
            *first = unit;
        }
    }
    let start = days_from_civil(today);
    let on = |days: i64| Some(civil_from_days(start + days));
    let after = |target: i64| on((target - weekday(start) - 1).rem_euclid(7) + 1);
    let before = |target: i64| on(-((weekday(start) - target - 1).rem_euclid(7) + 1));
    let day_of = |words: &[&str]| -> Option<(i64, usize)> {
        let at = |name: &str| {
            HEBREW_WEEKDAYS
                .iter()
                .position(|d| *d == name)
                .and_then(|i| i64::try_from(i).ok())
        };
        match words {
            ["יום", name, ..] => Some((at(name)?, 2)),
            ["שבת", ..] => Some((5, 1)),
            _ => None,
        }
    };
    if let Some((day, used)) = day_of(&words) {
        return match &words[used..] {
            [] => after(day),
            [next] if NEXT_HEBREW.contains(next) => after(day),
            [last] if LAST_HEBREW.contains(last) => before(day),
            _ => None,
        };
    }
    match words.as_slice() {
        ["היום"] => on(0),
        ["מחר"] => on(1),
        ["מחרתיים"] => on(2),
        ["אתמול"] => on(-1),
        ["שלשום"] => on(-2),
        [what @ ("שבוע" | "חודש"), next] if NEXT_HEBREW.contains(next) => {
            hebrew_unit(what, 1, today)
        }
        [what @ ("שבוע" | "חודש"), last] if LAST_HEBREW.contains(last) => {
            hebrew_unit(what, -1, today)
        }
        ["בעוד", what] => hebrew_unit(what, 1, today),
        ["בעוד", n, what] => hebrew_unit(what, hebrew_count(n)?, today),
        ["לפני", what] => hebrew_unit(what, -1, today),
        ["לפני", n, what] => hebrew_unit(what, -hebrew_count(n)?, today),
        _ => None,
    }
}

/// Days, weeks or months in Hebrew: `n` of them on from `today`. A dual
/// says its own two (יומיים, שבועיים, חודשיים) and takes no count.
fn hebrew_unit(word: &str, n: i64, today: Date) -> Option<Date> {
    let start = days_from_civil(today);
    let on = |days: i64| Some(civil_from_days(start + days));
    match word {
        "יום" | "ימים" => on(n),
        "יומיים" => on(2 * n.signum()),
        "שבוע" | "שבועות" => on(7 * n),
        "שבועיים" => on(14 * n.signum()),
        "חודש" | "חודשים" => months_after(today, n),
        "חודשיים" => months_after(today, 2 * n.signum()),
        _ => None,
    }
}

/// A small count in digits or Hebrew words (both genders: שלושה ימים,
/// שלוש שנים).
fn hebrew_count(word: &str) -> Option<i64> {
    for (n, words) in [
        (1, &["אחד", "אחת"][..]),
        (2, &["שני", "שתי", "שניים", "שתיים"]),
        (3, &["שלושה", "שלוש"]),
        (4, &["ארבעה", "ארבע"]),
        (5, &["חמישה", "חמש"]),
        (6, &["שישה", "שש"]),
        (7, &["שבעה", "שבע"]),
        (8, &["שמונה"]),
        (9, &["תשעה", "תשע"]),
        (10, &["עשרה", "עשר"]),
    ] {
        if words.contains(&word) {
            return Some(n);
        }
    }
    (!word.is_empty() && word.len() <= 3 && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: u16, month: u8, day: u8) -> Date {
        Date { year, month, day }
    }

    /// Issue 13: Sunday 29 November 2026 in Seoul.
    #[test]
    fn korean_days_from_today_are_read() {
        let today = date(2026, 11, 29);
        for (said, day) in [
            ("오늘", date(2026, 11, 29)),
            ("내일", date(2026, 11, 30)),
            ("내일까지", date(2026, 11, 30)),
            ("모레", date(2026, 12, 1)),
            ("내일 모레", date(2026, 12, 1)),
            ("글피", date(2026, 12, 2)),
            // A Sunday: Friday is the coming one, and next week's Friday
            // is the one of the week starting tomorrow.
            ("금요일", date(2026, 12, 4)),
            ("금요일에", date(2026, 12, 4)),
            ("다음 금요일", date(2026, 12, 4)),
            ("다음 주", date(2026, 12, 6)),
            ("다음 달", date(2026, 12, 29)),
            ("3일 후", date(2026, 12, 2)),
            ("3일 뒤", date(2026, 12, 2)),
            ("일주일 후", date(2026, 12, 6)),
            ("2주 후", date(2026, 12, 13)),
            ("이틀 후", date(2026, 12, 1)),
            ("한 달 후", date(2026, 12, 29)),
            ("3개월 후", date(2027, 2, 28)),
            ("어제", date(2026, 11, 28)),
            ("그저께", date(2026, 11, 27)),
            ("지난 금요일", date(2026, 11, 27)),
            ("지난주", date(2026, 11, 22)),
            ("3일 전", date(2026, 11, 26)),
        ] {
            assert_eq!(korean(said, today), Some(TypedDate::Date(day)), "{said}");
        }
        // On a Sunday, a week named starts tomorrow (Monday) or in a week
        // (Sunday, as Korean wall calendars start): both are asked about.
        for (said, monday_week, sunday_week) in [
            ("다음 주 금요일", date(2026, 12, 4), date(2026, 12, 11)),
            ("다음주 금요일", date(2026, 12, 4), date(2026, 12, 11)),
            ("이번 주 금요일", date(2026, 11, 27), date(2026, 12, 4)),
            ("지난주 금요일", date(2026, 11, 20), date(2026, 11, 27)),
        ] {
            assert_eq!(
                korean(said, today),
                Some(TypedDate::EitherOf(monday_week, sunday_week)),
                "{said}"
            );
        }
        // On a Wednesday both weeks agree: next week's Friday, not this
        // week's.
        let wednesday = date(2026, 12, 2);
        for (said, day) in [
            ("다음 주 금요일", date(2026, 12, 11)),
            ("다음주 금요일에", date(2026, 12, 11)),
            ("이번 주 금요일", date(2026, 12, 4)),
            ("금요일", date(2026, 12, 4)),
        ] {
            assert_eq!(
                korean(said, wednesday),
                Some(TypedDate::Date(day)),
                "{said}"
            );
        }
        for no_day in ["월", "일", "금요일쯤", "다음", "hello", "2027년 3월 31일"] {
            assert_eq!(korean(no_day, today), None, "{no_day}");
        }
    }

    /// Issue 13: Sunday 29 November 2026 in Jerusalem.
    #[test]
    fn hebrew_days_from_today_are_read() {
        let today = date(2026, 11, 29);
        for (said, day) in [
            ("היום", date(2026, 11, 29)),
            ("מחר", date(2026, 11, 30)),
            ("עד מחר", date(2026, 11, 30)),
            ("מחרתיים", date(2026, 12, 1)),
            ("יום שישי", date(2026, 12, 4)),
            ("ביום שישי", date(2026, 12, 4)),
            ("יום שישי הבא", date(2026, 12, 4)),
            ("\u{200f}יום שישי הבא", date(2026, 12, 4)),
            ("שבת", date(2026, 12, 5)),
            ("יום ראשון", date(2026, 12, 6)),
            ("שבוע הבא", date(2026, 12, 6)),
            ("בשבוע הבא", date(2026, 12, 6)),
            ("חודש הבא", date(2026, 12, 29)),
            ("בעוד שבוע", date(2026, 12, 6)),
            ("בעוד שבועיים", date(2026, 12, 13)),
            ("בעוד 3 ימים", date(2026, 12, 2)),
            ("בעוד שלושה ימים", date(2026, 12, 2)),
            ("בעוד חודש", date(2026, 12, 29)),
            ("אתמול", date(2026, 11, 28)),
            ("שלשום", date(2026, 11, 27)),
            ("יום שישי שעבר", date(2026, 11, 27)),
            ("שבוע שעבר", date(2026, 11, 22)),
            ("לפני 3 ימים", date(2026, 11, 26)),
            ("לפני שבוע", date(2026, 11, 22)),
        ] {
            assert_eq!(hebrew(said, today), Some(day), "{said}");
        }
        for no_day in ["יום", "שישי", "1 במרץ", "abc", "יום שישי בערב"] {
            assert_eq!(hebrew(no_day, today), None, "{no_day}");
        }
    }
}
