//! Calendar arithmetic on TOML dates, so the file keeps native TOML dates:
//! days since 1970-01-01 both ways, and the person's local calendar day of a
//! moment stored in UTC (time zones come from jiff, given as a value).

use jiff::Timestamp;
use jiff::tz::TimeZone;
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

/// The moment a new revision is dated (issue 12): the clock's, but never
/// before the revision it follows, so history, `review --since` and the
/// plan's age keep their order when a computer's clock is set back (to
/// 1970 after a flat battery, say). A later moment already in the file,
/// even one from a clock set forwards, is kept rather than guessed at.
pub fn dated_after(previous: Option<&Datetime>, now: Datetime) -> Datetime {
    match previous {
        Some(before)
            if is_moment(before)
                && unix_seconds(before)
                    .zip(unix_seconds(&now))
                    .is_some_and(|(b, n)| b > n) =>
        {
            *before
        }
        _ => now,
    }
}

/// The earliest day a working clock can say it is: this version's crisis
/// lines were checked on 22 November 2026, so a computer that says an
/// earlier day has lost its time (a flat battery sets it to 1970), while
/// one that says a later day may be right, even when an entry in a file
/// is later still (saved while the clock was ahead: Trudy, a year ahead).
pub const EARLIEST_TODAY: Date = Date {
    year: 2026,
    month: 11,
    day: 22,
};

/// Whether a clock that says `today` can be right ([`EARLIEST_TODAY`]).
pub fn clock_can_be_right(today: Date) -> bool {
    days_from_civil(today) >= days_from_civil(EARLIEST_TODAY)
}

/// The moment a new revision of the plan is dated: [`dated_after`] the
/// last one, unless the clock can be right ([`clock_can_be_right`] in
/// UTC) and the last save is more than a day ahead of it: that save came
/// from a clock that was ahead, and dating every change after it for a
/// year would keep the mistake (Trudy). Then it is the clock's, and
/// history keeps its order by revision number, as it always has.
pub fn dated_for_history(previous: Option<&Datetime>, now: Datetime) -> Datetime {
    let ahead = previous
        .and_then(unix_seconds)
        .zip(unix_seconds(&now))
        .is_some_and(|(before, n)| before - n > 86_400);
    if ahead && now.date.is_some_and(clock_can_be_right) {
        now
    } else {
        dated_after(previous, now)
    }
}

/// The person's calendar date of a stored moment in `zone`: a rehearsal at
/// 9 am in Auckland is on that Auckland day, whatever the UTC date. A date
/// alone (or a time without an offset) is already a calendar date.
pub fn local_date(value: &Datetime, zone: &TimeZone) -> Option<Date> {
    let date = value.date?;
    if value.time.is_none() || value.offset.is_none() {
        return Some(date);
    }
    let civil = zone.to_datetime(timestamp(value)?);
    Some(Date {
        year: u16::try_from(civil.year()).ok()?,
        month: u8::try_from(civil.month()).ok()?,
        day: u8::try_from(civil.day()).ok()?,
    })
}

/// Days since 1970-01-01 of [`local_date`].
pub fn local_day(value: &Datetime, zone: &TimeZone) -> Option<i64> {
    local_date(value, zone).map(days_from_civil)
}

/// "UTC+13", "UTC+5:30", "UTC-8", "UTC": an offset no one can mistake
/// for another place's.
pub fn utc_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let minutes = seconds.unsigned_abs() / 60;
    match (minutes / 60, minutes % 60) {
        (0, 0) => "UTC".to_owned(),
        (hours, 0) => format!("UTC{sign}{hours}"),
        (hours, rest) => format!("UTC{sign}{hours}:{rest:02}"),
    }
}

/// The time of day of a stored moment on the person's clock ("23:50"),
/// for a sentence that gives its date in words beside it.
pub fn local_time_of_day(value: &Datetime, zone: &TimeZone) -> Option<String> {
    let civil = zone.to_datetime(timestamp(value)?);
    Some(format!("{:02}:{:02}", civil.hour(), civil.minute()))
}

/// A stored moment as the person reads it on paper, on her own clock:
/// "23 November 2026 at 09:15" (issue 13: "2026-11-29 23:50 UTC+9"
/// was numbers for a machine, and the offset of her own zone tells her
/// nothing). Whole, with its year: a printed page is read on days and in
/// years to come, where "today" would be wrong. A zone with no name (a
/// bare offset, or the UTC used when hers is unknown) keeps its offset,
/// so it says which clock it is on. Dates alone are said in words; times
/// without an offset are said as written. On a screen, [`moment_near`].
pub fn local_moment(value: &Datetime, zone: &TimeZone) -> String {
    in_words(value, zone, None)
}

/// A stored moment as she reads it on a screen, counted from her
/// `today`: "today at 23:50", "yesterday at 09:15", "Friday 27 November
/// at 18:00" within a week, else "3 November at 09:30", the year only
/// when it is not this year (issue 13). A date alone is [`day_near`].
pub fn moment_near(value: &Datetime, zone: &TimeZone, today: Date) -> String {
    in_words(value, zone, Some(today))
}

/// [`local_moment`] (no `today`: on paper) or [`moment_near`].
fn in_words(value: &Datetime, zone: &TimeZone, today: Option<Date>) -> String {
    if is_date_only(value) {
        return match (value.date, today) {
            (Some(date), Some(today)) => day_near(date, today),
            _ => date_in_words(value),
        };
    }
    let (Some(date), Some(time)) = (value.date, value.time) else {
        return value.to_string();
    };
    if value.offset.is_none() {
        // A time with no zone (a hand edit): on no one's clock in
        // particular, so said as written, in words.
        let day = today.map_or_else(|| long_date(date), |today| day_near(date, today));
        return format!("{day} at {:02}:{:02}", time.hour, time.minute);
    }
    let Some(at) = timestamp(value) else {
        // Past what the time-zone database reaches (the last hours of
        // 9999, from a hand edit): as stored, with its own offset, so it
        // still says which clock it is on.
        let seconds = match value.offset {
            Some(toml::value::Offset::Custom { minutes }) => i32::from(minutes) * 60,
            _ => 0,
        };
        return format!(
            "{date} {:02}:{:02} {}",
            time.hour,
            time.minute,
            utc_offset(seconds)
        );
    };
    let civil = zone.to_datetime(at);
    // The offset, never the zone's abbreviation: "IST" is India, Ireland
    // and Israel alike, and "CST" is China or Chicago (issue 13).
    let label = match zone.iana_name() {
        Some(name) if name != "UTC" => String::new(),
        _ => format!(" {}", utc_offset(zone.to_offset(at).seconds())),
    };
    let day = Date {
        year: u16::try_from(civil.year()).unwrap_or(0),
        month: u8::try_from(civil.month()).unwrap_or(1),
        day: u8::try_from(civil.day()).unwrap_or(1),
    };
    let clock = format!("{:02}:{:02}{label}", civil.hour(), civil.minute());
    match today {
        Some(today) => format!("{} at {clock}", day_near(day, today)),
        None => format!("{} at {clock}", long_date(day)),
    }
}

/// A day as she reads it on a screen, counted from her `today`: "today",
/// "tomorrow", "yesterday"; within a week either side with its weekday
/// ("Friday 4 December"); else "4 December"; the year only when it is not
/// this year ("4 January 2027"). Paper says [`long_date`].
pub fn day_near(date: Date, today: Date) -> String {
    let days = days_from_civil(date);
    let words = match days - days_from_civil(today) {
        0 => return "today".into(),
        1 => return "tomorrow".into(),
        -1 => return "yesterday".into(),
        _ if date.year == today.year => {
            let month = MONTHS
                .get(usize::from(date.month).wrapping_sub(1))
                .copied()
                .unwrap_or("?");
            format!("{} {month}", date.day)
        }
        _ => long_date(date),
    };
    if (days - days_from_civil(today)).abs() <= 6 {
        format!(
            "{} {words}",
            WEEKDAYS[usize::try_from(weekday(days)).unwrap_or(0)]
        )
    } else {
        words
    }
}

/// "Tuesday": the day of the week a date falls on.
pub fn weekday_name(date: Date) -> &'static str {
    WEEKDAYS[usize::try_from(weekday(days_from_civil(date))).unwrap_or(0)]
}

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

fn timestamp(value: &Datetime) -> Option<Timestamp> {
    Timestamp::from_second(unix_seconds(value)?).ok()
}

/// A day to come, for a plan she acts on: [`day_near`], and beside
/// "today", "tomorrow" or "yesterday" the day itself ("tomorrow, Tuesday
/// 24 November"): near midnight "tomorrow" alone may be read as the
/// morning after. `on` puts "on" before a day said by its date, after a
/// verb ("next on Friday 4 December", never "next on tomorrow").
pub fn day_to_act(date: Date, today: Date, on: bool) -> String {
    let day = day_near(date, today);
    if matches!(day.as_str(), "today" | "tomorrow" | "yesterday") {
        let weekday = weekday_name(date);
        let month = MONTHS
            .get(usize::from(date.month).wrapping_sub(1))
            .copied()
            .unwrap_or("?");
        let year = if date.year == today.year {
            String::new()
        } else {
            format!(" {}", date.year)
        };
        return format!("{day}, {weekday} {} {month}{year}", date.day);
    }
    if on { format!("on {day}") } else { day }
}

/// "Monday 30 November": a day near today with its weekday, never
/// "yesterday" (after midnight, which day "yesterday" is depends on
/// whether she has slept).
pub fn weekday_and_date(date: Date) -> String {
    let weekday = weekday_name(date);
    let month = MONTHS
        .get(usize::from(date.month).wrapping_sub(1))
        .copied()
        .unwrap_or("?");
    format!("{weekday} {} {month}", date.day)
}

/// Which order the person's locale writes day and month in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayOrder {
    /// 31/12/2027: most of the world.
    DayFirst,
    /// 12/31/2027: the United States and a few others.
    MonthFirst,
    /// 2027/12/31 (2027年12月31日, 2027. 12. 31.): Japan, China, Korea,
    /// Hungary, Iran and others. Numbers with the year last are not how
    /// they write, so `4/12/2026` is asked about.
    YearFirst,
    /// Not known (no locale, or a country that writes both): ask.
    Unknown,
}

impl DayOrder {
    /// The order a locale's region writes dates in (`US` → month first).
    pub fn of_region(region: Option<&str>) -> DayOrder {
        match region {
            Some("US" | "PH" | "FM" | "MH" | "PW") => DayOrder::MonthFirst,
            Some("JP" | "CN" | "TW" | "KR" | "KP" | "MN" | "HU" | "IR" | "LT" | "BT") => {
                DayOrder::YearFirst
            }
            // Canada writes both.
            None | Some("CA") => DayOrder::Unknown,
            Some(_) => DayOrder::DayFirst,
        }
    }
}

/// What a typed date turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TypedDate {
    Date(Date),
    /// `4/1/2027` where the order is not known: day first, or month first.
    EitherOf(Date, Date),
    /// Numbers that make no calendar date (`31/02/2027`).
    NoSuchDate,
    /// Not a date at all (`abc`).
    NotADate,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A stored date for people: a date alone in words ([`long_date`]), as
/// the walk-through and `set` say it; anything else as written.
pub fn date_in_words(value: &Datetime) -> String {
    match (value.date, value.time) {
        (Some(date), None) => long_date(date),
        _ => value.to_string(),
    }
}

/// "4 January 2027": a date no one can misread, whatever their locale.
pub fn long_date(date: Date) -> String {
    let month = MONTHS
        .get(usize::from(date.month).wrapping_sub(1))
        .copied()
        .unwrap_or("?");
    format!("{} {month} {}", date.day, date.year)
}

/// Why a date can be no review date: a year before 1900 or after 2200 is
/// most likely a date written in another calendar (Persian ۱۴۰۵, Hebrew
/// 5787, Buddhist 2569) read as if it were Gregorian, and saving it would
/// quietly lose the review.
pub fn other_calendar(date: Date) -> Option<String> {
    (date.year < 1900 || date.year > 2200).then(|| {
        let when = if date.year < 1900 {
            "long past"
        } else {
            "centuries away"
        };
        format!(
            "{} is {when}: if you wrote it in another calendar (such as the Persian, Hebrew or Buddhist one), please give the same day in the Gregorian calendar",
            long_date(date)
        )
    })
}

/// Month names and their usual short forms in the languages people most
/// often write dates in (English, French, German, Spanish, Italian,
/// Portuguese, Dutch, Polish, Turkish, the Nordic languages, Russian,
/// Ukrainian, Greek, Hebrew, Arabic, Hindi), lower case, in both the forms a date
/// uses (`марта`, `marca`) and the month's own name (`март`, `marzec`).
const MONTH_NAMES: [&[&str]; 12] = [
    &[
        "january",
        "janvier",
        "januar",
        "jänner",
        "enero",
        "gennaio",
        "janeiro",
        "januari",
        "styczeń",
        "styczen",
        "stycznia",
        "ocak",
        "январь",
        "января",
        "січень",
        "січня",
        "ιανουάριος",
        "ιανουαρίου",
        "ιανουαριου",
        "ינואר",
        "يناير",
        "जनवरी",
    ],
    &[
        "february",
        "février",
        "fevrier",
        "februar",
        "febrero",
        "febbraio",
        "fevereiro",
        "februari",
        "luty",
        "lutego",
        "şubat",
        "subat",
        "февраль",
        "февраля",
        "лютий",
        "лютого",
        "φεβρουάριος",
        "φεβρουαρίου",
        "φεβρουαριου",
        "פברואר",
        "فبراير",
        "شباط",
        "फ़रवरी",
        "फरवरी",
    ],
    &[
        "march",
        "mars",
        "märz",
        "maerz",
        "marz",
        "marzo",
        "março",
        "marco",
        "maart",
        "marzec",
        "marca",
        "mart",
        "март",
        "марта",
        "березень",
        "березня",
        "μάρτιος",
        "μαρτίου",
        "μαρτιου",
        "מרץ",
        "מרס",
        "مارس",
        "آذار",
        "اذار",
        "मार्च",
    ],
    &[
        "april",
        "avril",
        "abril",
        "aprile",
        "kwiecień",
        "kwiecien",
        "kwietnia",
        "nisan",
        "апрель",
        "апреля",
        "квітень",
        "квітня",
        "απρίλιος",
        "απριλίου",
        "απριλιου",
        "אפריל",
        "أبريل",
        "ابريل",
        "إبريل",
        "نيسان",
        "अप्रैल",
        "अप्रेल",
    ],
    &[
        "may",
        "mai",
        "mayo",
        "maggio",
        "maio",
        "mei",
        "maj",
        "maja",
        "mayıs",
        "mayis",
        "май",
        "мая",
        "травень",
        "травня",
        "μάιος",
        "μαΐου",
        "μαιου",
        "מאי",
        "مايو",
        "أيار",
        "ايار",
        "मई",
    ],
    &[
        "june",
        "juin",
        "juni",
        "junio",
        "giugno",
        "junho",
        "czerwiec",
        "czerwca",
        "haziran",
        "июнь",
        "июня",
        "червень",
        "червня",
        "ιούνιος",
        "ιουνίου",
        "ιουνιου",
        "יוני",
        "يونيو",
        "يونيه",
        "حزيران",
        "जून",
    ],
    &[
        "july",
        "juillet",
        "juli",
        "julio",
        "luglio",
        "julho",
        "lipiec",
        "lipca",
        "temmuz",
        "июль",
        "июля",
        "липень",
        "липня",
        "ιούλιος",
        "ιουλίου",
        "ιουλιου",
        "יולי",
        "يوليو",
        "يوليه",
        "تموز",
        "जुलाई",
    ],
    &[
        "august",
        "août",
        "aout",
        "agosto",
        "augustus",
        "sierpień",
        "sierpien",
        "sierpnia",
        "ağustos",
        "agustos",
        "август",
        "августа",
        "серпень",
        "серпня",
        "αύγουστος",
        "αυγούστου",
        "αυγουστου",
        "אוגוסט",
        "أغسطس",
        "اغسطس",
        "آب",
        "अगस्त",
    ],
    &[
        "september",
        "septembre",
        "septiembre",
        "settembre",
        "setembro",
        "wrzesień",
        "wrzesien",
        "września",
        "wrzesnia",
        "eylül",
        "eylul",
        "сентябрь",
        "сентября",
        "вересень",
        "вересня",
        "σεπτέμβριος",
        "σεπτεμβρίου",
        "σεπτεμβριου",
        "ספטמבר",
        "سبتمبر",
        "أيلول",
        "ايلول",
        "सितंबर",
        "सितम्बर",
    ],
    &[
        "october",
        "octobre",
        "oktober",
        "octubre",
        "ottobre",
        "outubro",
        "październik",
        "pazdziernik",
        "października",
        "pazdziernika",
        "ekim",
        "октябрь",
        "октября",
        "жовтень",
        "жовтня",
        "οκτώβριος",
        "οκτωβρίου",
        "οκτωβριου",
        "אוקטובר",
        "أكتوبر",
        "اكتوبر",
        "अक्टूबर",
        "अक्तूबर",
    ],
    &[
        "november",
        "novembre",
        "noviembre",
        "novembro",
        "listopad",
        "listopada",
        "kasım",
        "kasim",
        "ноябрь",
        "ноября",
        "листопад",
        "листопада",
        "νοέμβριος",
        "νοεμβρίου",
        "νοεμβριου",
        "נובמבר",
        "نوفمبر",
        "नवंबर",
        "नवम्बर",
    ],
    &[
        "december",
        "décembre",
        "decembre",
        "dezember",
        "diciembre",
        "dicembre",
        "dezembro",
        "grudzień",
        "grudzien",
        "grudnia",
        "aralık",
        "aralik",
        "декабрь",
        "декабря",
        "грудень",
        "грудня",
        "δεκέμβριος",
        "δεκεμβρίου",
        "δεκεμβριου",
        "דצמבר",
        "ديسمبر",
        "दिसंबर",
        "दिसम्बर",
    ],
];

/// Words around a date that say nothing of which day it is: `1 de marzo
/// de 2027`, `the 1st of March`, `1 марта 2027 г.`.
const FILLER: &[&str] = &[
    "the", "of", "de", "del", "le", "el", "г", "года", "року", "r", "roku", "den", "der",
];

/// The month a word names, in any of [`MONTH_NAMES`]: the whole name, or
/// (three letters or more) the start of one. A start that could be two
/// different months names none.
fn month_named(word: &str) -> Option<i64> {
    let word = word.to_lowercase();
    let month_of = |name: &str| {
        let exact = MONTH_NAMES.iter().position(|names| names.contains(&name));
        let starts: Vec<usize> = MONTH_NAMES
            .iter()
            .enumerate()
            .filter(|(_, names)| names.iter().any(|n| n.starts_with(name)))
            .map(|(i, _)| i)
            .collect();
        exact
            .or_else(|| (name.chars().count() >= 3 && starts.len() == 1).then(|| starts[0]))
            .and_then(|i| i64::try_from(i + 1).ok())
    };
    // Hebrew writes "in March" as one word: במרץ.
    month_of(&word).or_else(|| word.strip_prefix('ב').and_then(month_of))
}

/// A day of the month as written before or after a month's name: `1`,
/// `1st`, `2nd`, `1er`, `1º`.
fn day_number(word: &str) -> Option<i64> {
    let digits = word.len() - word.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let (number, suffix) = word.split_at(digits);
    let suffix = suffix.to_lowercase();
    (digits > 0
        && digits <= 2
        && [
            "", "st", "nd", "rd", "th", "er", "re", "e", "º", "ª", "o", "a",
        ]
        .contains(&suffix.as_str()))
    .then(|| number.parse().ok())
    .flatten()
}

/// A date written with the year, month and day marks of Chinese, Japanese
/// and Korean (`2027年3月1日`, `3月1号`, `2027년 3월 1일`): the numbers, or
/// `None` when the text has no such mark; `Some(Err)` when it has marks
/// but is no date.
#[allow(clippy::type_complexity)] // (year, month, day), each if written
fn marked(text: &str) -> Option<Result<(Option<i64>, i64, i64), ()>> {
    const MARKS: [char; 8] = ['年', '月', '日', '号', '號', '년', '월', '일'];
    if !text.contains(MARKS) {
        return None;
    }
    let (mut year, mut month, mut day) = (None, None, None);
    let mut number = String::new();
    let mut after_space = false;
    for c in text.chars() {
        if c.is_ascii_digit() {
            if after_space && !number.is_empty() {
                return Some(Err(()));
            }
            number.push(c);
            after_space = false;
            continue;
        }
        if c.is_whitespace() {
            after_space = true;
            continue;
        }
        after_space = false;
        let slot = match c {
            '年' | '년' => &mut year,
            '月' | '월' => &mut month,
            '日' | '号' | '號' | '일' => &mut day,
            _ => return Some(Err(())),
        };
        if number.is_empty() || number.len() > 4 || slot.is_some() {
            return Some(Err(()));
        }
        *slot = number.parse::<i64>().ok();
        number.clear();
    }
    // `3月1`: the day's mark left off at the end.
    if !number.is_empty() {
        if month.is_none() || day.is_some() || number.len() > 2 {
            return Some(Err(()));
        }
        day = number.parse::<i64>().ok();
    }
    match (month, day) {
        (Some(month), Some(day)) => Some(Ok((year, month, day))),
        _ => Some(Err(())),
    }
}

/// Monday 0 … Sunday 6 of a day counted from 1970-01-01 (a Thursday).
pub(super) fn weekday(days: i64) -> i64 {
    (days + 3).rem_euclid(7)
}

/// A weekday's name or short form in English, or after 周/星期/礼拜 in
/// Chinese (一 … 六, 日 or 天): Monday 0 … Sunday 6.
fn weekday_named(word: &str) -> Option<i64> {
    const ENGLISH: [&[&str]; 7] = [
        &["monday", "mon"],
        &["tuesday", "tue", "tues"],
        &["wednesday", "wed"],
        &["thursday", "thu", "thur", "thurs"],
        &["friday", "fri"],
        &["saturday", "sat"],
        &["sunday", "sun"],
    ];
    // German, and Ukrainian as said alone, after у/в ("on") and after
    // наступного/наступної ("next": the genitive).
    const OTHERS: [&[&str]; 7] = [
        &["montag", "понеділок", "понеділка"],
        &["dienstag", "вівторок", "вівторка"],
        &["mittwoch", "середа", "середу", "середи"],
        &["donnerstag", "четвер", "четверга"],
        &["freitag", "п'ятниця", "п'ятницю", "п'ятниці"],
        &["samstag", "sonnabend", "субота", "суботу", "суботи"],
        &["sonntag", "неділя", "неділю", "неділі"],
    ];
    // Japanese (金曜日, 金曜) and Hindi (शुक्रवार).
    const JAPANESE_HINDI: [&[&str]; 7] = [
        &["月曜日", "月曜", "सोमवार"],
        &["火曜日", "火曜", "मंगलवार"],
        &["水曜日", "水曜", "बुधवार"],
        &["木曜日", "木曜", "गुरुवार", "बृहस्पतिवार", "वीरवार"],
        &["金曜日", "金曜", "शुक्रवार"],
        &["土曜日", "土曜", "शनिवार"],
        &["日曜日", "日曜", "रविवार", "इतवार"],
    ];
    if let Some(i) =
        ENGLISH
            .iter()
            .zip(OTHERS)
            .zip(JAPANESE_HINDI)
            .position(|((english, other), more)| {
                english.contains(&word) || other.contains(&word) || more.contains(&word)
            })
    {
        return i64::try_from(i).ok();
    }
    let rest = ["星期", "礼拜", "禮拜", "周", "週"]
        .iter()
        .find_map(|mark| word.strip_prefix(mark))?;
    match rest {
        "一" => Some(0),
        "二" => Some(1),
        "三" => Some(2),
        "四" => Some(3),
        "五" => Some(4),
        "六" => Some(5),
        "日" | "天" => Some(6),
        _ => None,
    }
}

/// A small count in digits, English words or Chinese numerals (一 … 十, 两).
fn count(word: &str) -> Option<i64> {
    const ENGLISH: [&str; 13] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    if let Some(i) = ENGLISH.iter().position(|w| *w == word) {
        return i64::try_from(i).ok();
    }
    if matches!(
        word,
        "a" | "an" | "ein" | "eine" | "einer" | "einem" | "einen" | "один" | "одну" | "одна"
    ) {
        return Some(1);
    }
    // German and Ukrainian small counts (2 to 6), and Hindi's to ten.
    for (n, words) in [
        (1, &["एक"][..]),
        (2, &["zwei", "два", "дві", "दो"]),
        (3, &["drei", "три", "तीन"]),
        (4, &["vier", "чотири", "चार"]),
        (5, &["fünf", "п'ять", "पाँच", "पांच"]),
        (6, &["sechs", "шість", "छह", "छः", "छे"]),
        (7, &["सात"]),
        (8, &["आठ"]),
        (9, &["नौ"]),
        (10, &["दस"]),
    ] {
        if words.contains(&word) {
            return Some(n);
        }
    }
    if !word.is_empty() && word.len() <= 3 && word.chars().all(|c| c.is_ascii_digit()) {
        return word.parse().ok();
    }
    let digit = |c: char| {
        "零一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .or((c == '两').then_some(2))
    };
    let chars: Vec<char> = word.chars().collect();
    let value = match chars.as_slice() {
        ['十'] => Some(10),
        ['十', one] => digit(*one).map(|d| 10 + d),
        [tens, '十'] => digit(*tens).map(|d| 10 * d),
        [tens, '十', one] => digit(*tens).zip(digit(*one)).map(|(t, o)| 10 * t + o),
        [one] => digit(*one),
        _ => None,
    };
    value.and_then(|v| i64::try_from(v).ok())
}

/// `months` calendar months after `date`, on the same day or the month's
/// last (31 January and a month is 28 or 29 February).
pub(crate) fn months_after(date: Date, months: i64) -> Option<Date> {
    let index = i64::from(date.year) * 12 + i64::from(date.month) - 1 + months;
    let (year, month) = (index.div_euclid(12), index.rem_euclid(12) + 1);
    // The same day, or the month's last when it is shorter.
    (1..=date.day).rev().take(4).find_map(|day| {
        let day = Date {
            year: u16::try_from(year).ok()?,
            month: u8::try_from(month).ok()?,
            day,
        };
        is_real_date(day).then_some(day)
    })
}

/// A day typed for a time already past (`review --since "29 Nov"`): when
/// `typed` names no year and `day` (read as the next such day) is still to
/// come, the same day a year before, the latest one on or before `today`.
/// A year she wrote stays as written.
pub fn in_the_past(day: Date, typed: &str, today: Date) -> Date {
    let folded = super::typed::fold(typed);
    let has_year = folded
        .split(|c: char| !c.is_ascii_digit())
        .any(|run| run.len() == 4);
    if has_year || days_from_civil(day) <= days_from_civil(today) {
        return day;
    }
    months_after(day, -12).unwrap_or(day)
}

// "next", "last" and "this", as German and Ukrainian say them.
/// "next", "last" and "on"/"this" as English, German and Ukrainian say
/// them before a weekday or a week or month.
const NEXT: &[&str] = &[
    "next",
    "nächste",
    "nächsten",
    "nächster",
    "kommende",
    "kommenden",
    "наступного",
    "наступний",
    "наступної",
    "наступну",
    "наступна",
    "अगले",
    "अगला",
    "अगली",
    "आगामी",
];
const LAST: &[&str] = &[
    "last",
    "letzte",
    "letzten",
    "letzter",
    "vergangene",
    "vergangenen",
    "минулого",
    "минулий",
    "минулої",
    "минулу",
    "минула",
    "पिछले",
    "पिछला",
    "पिछली",
    "बीते",
];
const ON: &[&str] = &["this", "on", "am", "у", "в"];

/// A date said relative to `today` (the person's local day): "today",
/// "tomorrow", "in 2 weeks", "3 days from now", "next Friday", "Friday",
/// "next week", "next month"; in Chinese 今天, 明天, 后天, 下周五, 周五,
/// 两周后, 3天后, 一个月后, 下个月; in Ukrainian завтра, за тиждень, за 2
/// тижні, у п'ятницю; in German morgen, in 2 Wochen, am Freitag. A weekday alone, or "next" with it, is
/// the first such day after today; 下周五 is Friday of next week (weeks
/// start on Monday). `None` when the text says none of these.
fn relative(text: &str, today: Date) -> Option<Date> {
    // One apostrophe for п'ятниця, however it was typed; हफ़्ते and हफ्ते
    // alike, with or without the nukta; and Japanese "by" (金曜日まで,
    // 3日後に) says the same day.
    let lower = text
        .to_lowercase()
        .replace(['’', 'ʼ', '`', '\u{2bc}'], "'")
        .replace('\u{95e}', "फ")
        .replace('\u{93c}', "");
    let lower = ["までに", "まで", "に"]
        .iter()
        .find_map(|by| lower.strip_suffix(by))
        .unwrap_or(&lower);
    if let Some(date) = relative_arabic(lower, today) {
        return Some(date);
    }
    let start = days_from_civil(today);
    let on = |days: i64| Some(civil_from_days(start + days));
    let after_weekday = |target: i64| on((target - weekday(start) - 1).rem_euclid(7) + 1);
    // A weekday named alone or after "next" or "on": the first after today;
    // 周五 or "this Friday": this week's, if it is still to come.
    let on_weekday = |day: &str, this: bool| {
        let target = weekday_named(day)?;
        if this || day.starts_with(['周', '週', '星', '礼', '禮']) {
            on((target - weekday(start)).rem_euclid(7))
        } else {
            after_weekday(target)
        }
    };
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == ',')
        // Hindi's "on" and "by" (शुक्रवार को, शुक्रवार तक) say the same day.
        .filter(|w| !w.is_empty() && !["the", "को", "तक"].contains(w))
        .collect();
    // Days, weeks and months in English, German, Ukrainian and Hindi (each
    // language's forms after a number).
    let unit = |word: &str, n: i64| match word {
        "day" | "days" | "tag" | "tage" | "tagen" | "день" | "дні" | "днів" | "дня" | "दिन"
        | "दिनों" => on(n),
        "week"
        | "weeks"
        | "woche"
        | "wochen"
        | "тиждень"
        | "тижні"
        | "тижнів"
        | "тижня"
        | "हफ्ता"
        | "हफ्ते"
        | "हफ्तों"
        | "सप्ताह"
        | "सप्ताहों" => on(7 * n),
        "fortnight" | "fortnights" => on(14 * n),
        "month" | "months" | "monat" | "monate" | "monaten" | "місяць" | "місяці" | "місяців"
        | "місяця" | "महीना" | "महीने" | "महीनों" | "माह" => {
            months_after(today, n)
        }
        _ => None,
    };
    match words.as_slice() {
        ["today" | "今天" | "今日" | "heute" | "сьогодні" | "आज"] => return on(0),
        ["tomorrow" | "明天" | "明日" | "morgen" | "завтра"] => return on(1),
        ["day", "after", "tomorrow"] | ["后天" | "後天" | "übermorgen" | "післязавтра"] =>
        {
            return on(2);
        }
        ["大后天" | "大後天"] => return on(3),
        [day] if weekday_named(day).is_some() => return on_weekday(day, false),
        [first, day]
            if (ON.contains(first) || NEXT.contains(first)) && weekday_named(day).is_some() =>
        {
            return on_weekday(day, *first == "this");
        }
        [next, what] if NEXT.contains(next) => return unit(what, 1),
        // "in 2 weeks", "in 2 Wochen", "за 2 тижні", "через 2 тижні".
        // "3 दिन में", "3 दिन बाद", "3 दिन के बाद".
        ["in" | "за" | "через", n, what]
        | [n, what, "from", "now"]
        | [n, what, "later" | "में" | "बाद"]
        | [n, what, "के", "बाद"] => {
            return unit(what, count(n)?);
        }
        // "за тиждень", "через місяць": in one.
        ["за" | "через", what] => return unit(what, 1),
        // The past, for `review --since`.
        ["yesterday" | "昨天" | "昨日" | "gestern" | "вчора" | "учора"] => {
            return on(-1);
        }
        ["前天" | "vorgestern" | "позавчора"] => return on(-2),
        [last, day] if LAST.contains(last) && weekday_named(day).is_some() => {
            return on(-((weekday(start) - weekday_named(day)? - 1).rem_euclid(7) + 1));
        }
        [last, what] if LAST.contains(last) => return unit(what, -1),
        [n, what, "ago" | "тому" | "पहले"] | ["vor", n, what] => {
            return unit(what, -count(n)?);
        }
        [what, "тому"] => return unit(what, -1),
        _ => {}
    }
    relative_chinese(&words.concat(), today)
}

/// Arabic written as people type it, folded to one spelling: no short
/// vowels (غداً, غدًا and غدا are one word), no tatweel, one alef for
/// أ إ آ ٱ (الأسبوع or الاسبوع), ى as ي and ة as ه (بكرة or بكره), and
/// no direction marks (a right-to-left keyboard can put them in).
fn fold_arabic(text: &str) -> String {
    text.chars()
        .filter(|c| {
            !matches!(
                c,
                '\u{64b}'..='\u{65f}' | '\u{670}' | '\u{640}' | '\u{200e}' | '\u{200f}' | '\u{61c}'
            )
        })
        .map(|c| match c {
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ى' => 'ي',
            'ة' => 'ه',
            _ => c,
        })
        .collect()
}

/// An Arabic weekday (folded, with or without ال, in Egyptian speech
/// too: الاتنين, التلات): Monday 0 … Sunday 6.
fn weekday_arabic(word: &str) -> Option<i64> {
    if word == "الحد" {
        return Some(6);
    }
    let bare = word.strip_prefix("ال").unwrap_or(word);
    match bare {
        "اثنين" | "اتنين" => Some(0),
        "ثلاثاء" | "ثلاثا" | "تلات" | "تلاتاء" => Some(1),
        "اربعاء" | "اربعا" | "اربع" => Some(2),
        "خميس" => Some(3),
        "جمعه" => Some(4),
        "سبت" => Some(5),
        "احد" => Some(6),
        _ => None,
    }
}

/// A small count in Arabic words (folded), or in digits (already folded
/// to ASCII by [`crate::plan::typed::fold`]): بعد ثلاثة أيام, بعد ٣ أيام.
fn count_arabic(word: &str) -> Option<i64> {
    for (n, words) in [
        (1, &["واحد", "واحده"][..]),
        (2, &["اثنين", "اتنين", "اثنان"]),
        (3, &["ثلاث", "ثلاثه", "تلات", "تلاته"]),
        (4, &["اربع", "اربعه"]),
        (5, &["خمس", "خمسه"]),
        (6, &["ست", "سته"]),
        (7, &["سبع", "سبعه"]),
        (8, &["ثمان", "ثماني", "ثمانيه", "تمن", "تمانيه"]),
        (9, &["تسع", "تسعه"]),
        (10, &["عشر", "عشره"]),
    ] {
        if words.contains(&word) {
            return Some(n);
        }
    }
    count(word)
}

/// Days, weeks or months in Arabic (folded): how many days on from
/// `today` `n` of them are. A dual says its own two (يومين, أسبوعين,
/// شهرين) and takes no count.
fn unit_arabic(word: &str, n: i64, today: Date) -> Option<Date> {
    let start = days_from_civil(today);
    let on = |days: i64| Some(civil_from_days(start + days));
    match word {
        "يوم" | "يوما" | "ايام" => on(n),
        "يومين" | "يومان" => on(2 * n.signum()),
        "اسبوع" | "اسبوعا" | "اسابيع" => on(7 * n),
        "اسبوعين" | "اسبوعان" => on(14 * n.signum()),
        "شهر" | "شهرا" | "اشهر" | "شهور" => months_after(today, n),
        "شهرين" | "شهران" => months_after(today, 2 * n.signum()),
        _ => None,
    }
}

/// "Next" and "last" after a weekday, a week or a month, in Arabic
/// (folded): الجمعة القادمة, الأسبوع الجاي, الأسبوع الماضي.
const NEXT_ARABIC: &[&str] = &["القادم", "القادمه", "المقبل", "المقبله", "الجاي", "الجايه"];
const LAST_ARABIC: &[&str] = &["الماضي", "الماضيه", "الفائت", "الفايت"];

/// The Arabic forms of [`relative`] (issue 13, Layla in Cairo): اليوم;
/// غداً, بكرة; بعد غد; أمس, امبارح; بعد أسبوع, بعد أسبوعين, بعد ٣ أيام;
/// الأسبوع القادم, الشهر القادم; a weekday, with or without ال, يوم
/// before it or القادم after it (the first such day after today, as
/// "Friday" and "next Friday" are); and, for `review --since`, قبل ٣
/// أيام, الأسبوع الماضي, الجمعة الماضية. `None` when it is none of these.
fn relative_arabic(text: &str, today: Date) -> Option<Date> {
    if !text.chars().any(|c| matches!(c, '\u{600}'..='\u{6ff}')) {
        return None;
    }
    let folded = fold_arabic(text);
    let mut words: Vec<&str> = folded
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '،' | '.'))
        .filter(|w| !w.is_empty())
        .collect();
    // "in" and "on" say the same day: في الأسبوع القادم, يوم الجمعة.
    if words.len() > 1 && matches!(words[0], "في" | "فى") {
        words.remove(0);
    }
    if words.len() > 1 && words[0] == "يوم" && weekday_arabic(words[1]).is_some() {
        words.remove(0);
    }
    let start = days_from_civil(today);
    let on = |days: i64| Some(civil_from_days(start + days));
    let after = |target: i64| on((target - weekday(start) - 1).rem_euclid(7) + 1);
    let before = |target: i64| on(-((weekday(start) - target - 1).rem_euclid(7) + 1));
    match words.as_slice() {
        ["اليوم" | "النهارده" | "النهاردة"] => on(0),
        ["غدا" | "بكره" | "بكرا" | "الغد"] => on(1),
        ["بعد", "غد" | "الغد" | "بكره" | "بكرا"] => on(2),
        ["امس" | "الامس" | "امبارح" | "مبارح" | "البارحه"] => on(-1),
        ["اول", "امس" | "امبارح" | "مبارح"] => on(-2),
        [day] => after(weekday_arabic(day)?),
        [day, next] if NEXT_ARABIC.contains(next) && weekday_arabic(day).is_some() => {
            after(weekday_arabic(day)?)
        }
        [day, last] if LAST_ARABIC.contains(last) && weekday_arabic(day).is_some() => {
            before(weekday_arabic(day)?)
        }
        ["الاسبوع" | "الشهر", next] if NEXT_ARABIC.contains(next) => {
            unit_arabic(words[0].strip_prefix("ال")?, 1, today)
        }
        ["الاسبوع" | "الشهر", last] if LAST_ARABIC.contains(last) => {
            unit_arabic(words[0].strip_prefix("ال")?, -1, today)
        }
        ["بعد" | "خلال", what] => unit_arabic(what, 1, today),
        ["بعد", n, what] => unit_arabic(what, count_arabic(n)?, today),
        ["قبل", what] => unit_arabic(what, -1, today),
        ["قبل", n, what] => unit_arabic(what, -count_arabic(n)?, today),
        _ => None,
    }
}

/// The Chinese forms of [`relative`], written without spaces (`joined`):
/// 下周五, 上周, 下个月, 两周后, 3天前.
fn relative_chinese(joined: &str, today: Date) -> Option<Date> {
    let start = days_from_civil(today);
    let on = |days: i64| Some(civil_from_days(start + days));
    // Japanese (issue 13, Tokyo): あした, あさって, 来週, 来月, in kana or
    // kanji.
    match joined {
        "きょう" | "本日" => return on(0),
        "あした" | "あす" => return on(1),
        "明後日" | "あさって" => return on(2),
        "明々後日" | "明明後日" | "しあさって" => return on(3),
        "きのう" => return on(-1),
        "一昨日" | "おととい" | "おとつい" => return on(-2),
        "来週" | "らいしゅう" => return on(7),
        "再来週" => return on(14),
        "先週" => return on(-7),
        "来月" | "らいげつ" => return months_after(today, 1),
        "再来月" => return months_after(today, 2),
        "先月" => return months_after(today, -1),
        _ => {}
    }
    // 来週の金曜日: Friday of next week (weeks start on Monday);
    // 次の金曜日 or 今度の金曜日: the first after today.
    for (week, weeks) in [("再来週", 2), ("来週", 1), ("今週", 0), ("先週", -1)] {
        if let Some(rest) = joined.strip_prefix(week) {
            let rest = rest.strip_prefix('の').unwrap_or(rest);
            let target = weekday_named(rest)?;
            return on(7 * weeks - weekday(start) + target);
        }
    }
    for coming in ["次の", "今度の"] {
        if let Some(rest) = joined.strip_prefix(coming) {
            let target = weekday_named(rest)?;
            return on((target - weekday(start) - 1).rem_euclid(7) + 1);
        }
    }
    for next in ["下周", "下星期", "下礼拜", "下禮拜", "下週"] {
        if let Some(rest) = joined.strip_prefix(next) {
            if rest.is_empty() {
                return on(7);
            }
            let target = weekday_named(&format!("周{rest}"))?;
            // Monday of next week, then on to the day.
            return on(7 - weekday(start) + target);
        }
    }
    for last in ["上周", "上星期", "上礼拜", "上禮拜", "上週"] {
        if let Some(rest) = joined.strip_prefix(last) {
            if rest.is_empty() {
                return on(-7);
            }
            let target = weekday_named(&format!("周{rest}"))?;
            // Monday of last week, then on to the day.
            return on(-7 - weekday(start) + target);
        }
    }
    match joined {
        "下个月" | "下個月" | "下月" => return months_after(today, 1),
        "上个月" | "上個月" | "上月" => return months_after(today, -1),
        _ => {}
    }
    // 两周后 (two weeks on) or 两周前 (two weeks ago).
    let (rest, sign) = if let Some(rest) = joined
        .strip_suffix("后")
        .or_else(|| joined.strip_suffix("後"))
    {
        (rest, 1)
    } else {
        (joined.strip_suffix("前")?, -1)
    };
    let rest = rest.strip_suffix("以").unwrap_or(rest);
    // 3日後, 1週間後, 2か月後 in Japanese too.
    for (mark, days) in [
        ("天", 1),
        ("日", 1),
        ("週間", 7),
        ("周", 7),
        ("个星期", 7),
        ("星期", 7),
        ("個星期", 7),
        ("週", 7),
    ] {
        if let Some(n) = rest.strip_suffix(mark) {
            return on(sign * days * count(n)?);
        }
    }
    for mark in [
        "个月",
        "個月",
        "ヶ月",
        "か月",
        "カ月",
        "ヵ月",
        "ケ月",
        "ヶ月間",
        "か月間",
    ] {
        if let Some(n) = rest.strip_suffix(mark) {
            return months_after(today, sign * count(n)?);
        }
    }
    None
}

/// Reads a date as people type it: `2027-01-04`, `4/1/2027` (also with
/// `.` or `-`, and two-digit years), `4 Jan 2027`, `January 4 2027`,
/// month names of common languages (`1 марта 2027`, `1. März`, `1 de
/// marzo`), the year, month and day marks of Chinese, Japanese and Korean
/// (`2027年3月1日`), in any script's digits; or a day and month alone (`4
/// Jan`, `3月1日`: the next one on or after `today`). Numbers in an order
/// the locale does not settle come back as [`TypedDate::EitherOf`].
pub fn parse_typed(text: &str, order: DayOrder, today: Date) -> TypedDate {
    parse_typed_when(text, order, today, When::Either)
}

/// Which side of today a typed date must be on, for words that say a
/// distance but not a side: Hindi कल is both yesterday and tomorrow, and
/// परसों both the day before yesterday and the day after tomorrow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// A review or due date: कल is tomorrow.
    Future,
    /// `review --since`: कल is yesterday.
    Past,
    /// Not known: both are given, to be asked about.
    Either,
}

/// How many days from today a word names that is either side of it (कल,
/// परसों, with "on"/"by" after it or not).
fn either_side(text: &str) -> Option<i64> {
    let words: Vec<&str> = text
        .split_whitespace()
        .filter(|w| !["को", "तक"].contains(w))
        .collect();
    match words.as_slice() {
        ["कल"] => Some(1),
        ["परसों" | "परसो"] => Some(2),
        _ => None,
    }
}

/// [`parse_typed`] for a date that must be on one side of today (`when`).
pub fn parse_typed_when(text: &str, order: DayOrder, today: Date, when: When) -> TypedDate {
    if let Some(read) = roc_date(text, false) {
        return read;
    }
    // A Persian month's name or Persian digits say the Solar Hijri
    // calendar wherever the plan is ([`crate::plan::persian`]).
    if let Some(read) = crate::plan::persian::read(text, false, today) {
        return read;
    }
    // So does an Ethiopian month's name ([`crate::plan::ethiopian`]).
    if let Some(read) = crate::plan::ethiopian::read(text, false, today, when) {
        return read;
    }
    let folded = crate::plan::typed::fold(text);
    let text = folded.trim();
    if let Some(days) = either_side(text) {
        let start = days_from_civil(today);
        let (before, after) = (civil_from_days(start - days), civil_from_days(start + days));
        return match when {
            When::Future => TypedDate::Date(after),
            When::Past => TypedDate::Date(before),
            When::Either => TypedDate::EitherOf(before, after),
        };
    }
    if let Some(read) = thai(text, today) {
        return read;
    }
    if let Some(read) = super::near_days::read(text, today) {
        return read;
    }
    if let Some(read) = super::vietnamese::read(text, today) {
        return read;
    }
    match relative(text, today) {
        Some(date) => TypedDate::Date(date),
        None => written(text, order, today),
    }
}

/// [`parse_typed_when`] knowing where the plan is (`region`, its country
/// code): in Taiwan a bare three-digit year is a year of the ROC era
/// ([`roc_date`]), so `115/12/01` is 1 December 2026.
pub fn parse_typed_in(
    text: &str,
    order: DayOrder,
    region: Option<&str>,
    today: Date,
    when: When,
) -> TypedDate {
    let in_taiwan = region.is_some_and(|r| r.eq_ignore_ascii_case("TW"));
    // In Iran (and Afghanistan) `1405/09/15` is a Solar Hijri date.
    let in_iran =
        region.is_some_and(|r| r.eq_ignore_ascii_case("IR") || r.eq_ignore_ascii_case("AF"));
    if let Some(read) = crate::plan::persian::read(text, in_iran, today) {
        return read;
    }
    // In Ethiopia `20/3/2019` is 20 Hidar 2019, seven years on from the
    // Gregorian reading (Mulu, Addis Ababa).
    let in_ethiopia = region.is_some_and(|r| r.eq_ignore_ascii_case("ET"));
    if let Some(read) = crate::plan::ethiopian::read(text, in_ethiopia, today, when) {
        return read;
    }
    match roc_date(text, in_taiwan) {
        Some(read) => read,
        // A Buddhist Era year in Thailand ([`gregorian_in`]).
        None => parse_typed_when(&gregorian_in(text, region), order, today, when),
    }
}

/// `words` (a Gregorian date in words) with the same day in the calendar
/// she keeps or typed it in beside it: Solar Hijri in Iran, Ethiopian in
/// Ethiopia ([`crate::plan::persian::beside`],
/// [`crate::plan::ethiopian::beside`]), so a day read in the wrong calendar
/// shows at once.
pub fn in_her_calendars(words: &str, date: Date, region: Option<&str>, typed: &str) -> String {
    let words = crate::plan::persian::beside(words, date, region, typed);
    crate::plan::ethiopian::beside(&words, date, region, typed)
}

/// The ROC (民國) era's years count from 1912: its year 115 is 2026.
const ROC_YEAR_ZERO: i64 = 1911;

/// A date written in the ROC (民國) era, as Taiwan writes dates (issue 13:
/// 民國115年12月1日, 115年12月1日, 115/12/01 and 115.12.1 are all 1 December
/// 2026). With 民國 (中華民國, 民国) it is read wherever the plan is; a bare
/// year only in Taiwan (`in_taiwan`), and only of three digits from 100,
/// so it cannot be mistaken for a year, a day or a month anywhere else.
/// `None` when the text is not written that way.
pub fn roc_date(text: &str, in_taiwan: bool) -> Option<TypedDate> {
    let folded = crate::plan::typed::fold(text);
    let text = folded.trim();
    let era = ["中華民國", "中华民国", "民國", "民国"]
        .iter()
        .find_map(|era| text.strip_prefix(era));
    let rest = era.map_or(text, str::trim_start);
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    let bare_year = digits == 3 && rest.starts_with('1');
    if era.is_none() && !(in_taiwan && bare_year) {
        return None;
    }
    let not_a_date = Some(TypedDate::NotADate);
    if digits == 0 || digits > 3 {
        return era.and(not_a_date);
    }
    let year: i64 = rest[..digits].parse().ok()?;
    let after = rest[digits..].trim_start();
    let month_day = if let Some(marked_part) = after.strip_prefix('年') {
        match marked(marked_part.trim_start()) {
            Some(Ok((None, month, day))) => Some((month, day)),
            _ => None,
        }
    } else if let Some(mark) = after
        .chars()
        .next()
        .filter(|c| matches!(c, '/' | '.' | '-'))
    {
        let parts: Vec<&str> = after[mark.len_utf8()..]
            .trim_end_matches('.')
            .split(mark)
            .collect();
        let number = |w: &str| {
            (!w.is_empty() && w.len() <= 2 && w.chars().all(|c| c.is_ascii_digit()))
                .then(|| w.parse::<i64>().ok())
                .flatten()
        };
        match parts.as_slice() {
            [month, day] => number(month).zip(number(day)),
            _ => None,
        }
    } else {
        None
    };
    let Some((month, day)) = month_day else {
        // 民國 said it is a date; a bare number in Taiwan may be something
        // else, read the usual way.
        return era.and(not_a_date);
    };
    let date = (year >= 1)
        .then(|| {
            Some(Date {
                year: u16::try_from(year + ROC_YEAR_ZERO).ok()?,
                month: u8::try_from(month).ok()?,
                day: u8::try_from(day).ok()?,
            })
        })
        .flatten()
        .filter(|d| is_real_date(*d));
    Some(date.map_or(TypedDate::NoSuchDate, TypedDate::Date))
}

/// Thai months, in full and as Thai abbreviates them (with dots).
const THAI_MONTHS: [(&str, &str); 12] = [
    ("มกราคม", "ม.ค."),
    ("กุมภาพันธ์", "ก.พ."),
    ("มีนาคม", "มี.ค."),
    ("เมษายน", "เม.ย."),
    ("พฤษภาคม", "พ.ค."),
    ("มิถุนายน", "มิ.ย."),
    ("กรกฎาคม", "ก.ค."),
    ("สิงหาคม", "ส.ค."),
    ("กันยายน", "ก.ย."),
    ("ตุลาคม", "ต.ค."),
    ("พฤศจิกายน", "พ.ย."),
    ("ธันวาคม", "ธ.ค."),
];

/// Thai weekdays, Monday 0 … Sunday 6 (พฤหัส is short for พฤหัสบดี).
const THAI_WEEKDAYS: [&[&str]; 7] = [
    &["จันทร์"],
    &["อังคาร"],
    &["พุธ"],
    &["พฤหัสบดี", "พฤหัส"],
    &["ศุกร์"],
    &["เสาร์"],
    &["อาทิตย์"],
];

/// A date written in Thai (issue 13, Niran in Bangkok), with its digits
/// already folded to ASCII: `5 ธ.ค. 2569` and `5 ธันวาคม 2026` (a year of
/// 2400 or more is the Buddhist Era's, 543 years ahead, unless `ค.ศ.`
/// says otherwise; two digits are the Buddhist year's last two, as `ธ.ค.
/// 69` is written), `วันที่ 5 ธันวาคม พ.ศ. 2569`, and the words for days
/// near today: พรุ่งนี้ (tomorrow), มะรืนนี้ (the day after), อาทิตย์หน้า
/// (next week), วันศุกร์หน้า (Friday of next week, as 下周五), วันศุกร์นี้
/// (this Friday, still to come). `None` for text with no Thai in it, or
/// Thai that is none of these.
fn thai(text: &str, today: Date) -> Option<TypedDate> {
    if !text.chars().any(|c| ('\u{e01}'..='\u{e5b}').contains(&c)) {
        return None;
    }
    let squeezed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if let Some(date) = thai_near(&squeezed, today) {
        return Some(TypedDate::Date(date));
    }
    thai_written(&squeezed, today)
}

/// The Thai words for a day near today ([`thai`]), spaces taken out.
fn thai_near(squeezed: &str, today: Date) -> Option<Date> {
    let start = days_from_civil(today);
    let on = |days: i64| Some(civil_from_days(start + days));
    match squeezed {
        "วันนี้" => return on(0),
        "พรุ่งนี้" => return on(1),
        "มะรืน" | "มะรืนนี้" => return on(2),
        "อาทิตย์หน้า" | "สัปดาห์หน้า" => return on(7),
        "เดือนหน้า" => return months_after(today, 1),
        _ => {}
    }
    let rest = squeezed.strip_prefix("วัน").unwrap_or(squeezed);
    let (day, next_week) = match rest.strip_suffix("หน้า") {
        Some(day) => (day, true),
        None => (rest.strip_suffix("นี้").unwrap_or(rest), false),
    };
    let target = THAI_WEEKDAYS
        .iter()
        .position(|names| names.contains(&day))?;
    let target = i64::try_from(target).ok()?;
    if next_week {
        // Monday of next week, then on to the day.
        on(7 - weekday(start) + target)
    } else {
        on((target - weekday(start)).rem_euclid(7))
    }
}

/// A day, a Thai month's name and perhaps a year ([`thai`]), spaces taken
/// out: `5ธ.ค.2569`.
fn thai_written(squeezed: &str, today: Date) -> Option<TypedDate> {
    let gregorian = squeezed.contains("ค.ศ");
    let mut text = squeezed.strip_prefix("วันที่").unwrap_or(squeezed).to_string();
    for era in ["พ.ศ.", "พ.ศ", "ค.ศ.", "ค.ศ"] {
        text = text.replace(era, "");
    }
    let day_len = text.bytes().take_while(u8::is_ascii_digit).count();
    let year_len = text.bytes().rev().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&day_len) || day_len + year_len >= text.len() {
        return None;
    }
    let name = &text[day_len..text.len() - year_len];
    let month = THAI_MONTHS.iter().position(|(full, short)| {
        name == *full || name == *short || name == short.replace('.', "")
    })?;
    let day: u8 = text[..day_len].parse().ok()?;
    let year: Option<u16> = text[text.len() - year_len..].parse().ok();
    let year = match (year_len, year) {
        (0, _) => None,
        (4, Some(y)) if gregorian || y < 2400 => Some(y),
        (4, Some(y)) => Some(y - 543),
        (2, Some(y)) if gregorian => Some(2000 + y),
        (2, Some(y)) => Some(2500 + y - 543),
        _ => return Some(TypedDate::NotADate),
    };
    let date = |year: u16| {
        let date = Date {
            year,
            month: u8::try_from(month + 1).ok()?,
            day,
        };
        is_real_date(date).then_some(date)
    };
    let found = match year {
        Some(year) => date(year),
        // Without a year: the next such day from today on.
        None => date(today.year)
            .filter(|d| days_from_civil(*d) >= days_from_civil(today))
            .or_else(|| date(today.year + 1)),
    };
    Some(found.map_or(TypedDate::NoSuchDate, TypedDate::Date))
}

/// `typed` with a year of the Buddhist Era (2400 to 2700, as Thailand
/// writes `5/12/2569`) made the Gregorian one (543 less) when the plan's
/// country is Thailand (`region` `TH`); elsewhere, as typed, so such a
/// year is still asked about kindly ([`other_calendar`]).
pub fn gregorian_in(typed: &str, region: Option<&str>) -> String {
    if !region.is_some_and(|r| r.eq_ignore_ascii_case("TH")) {
        return typed.to_string();
    }
    let folded = crate::plan::typed::fold(typed);
    let mut out = String::with_capacity(folded.len());
    let mut digits = String::new();
    let flush = |digits: &mut String, out: &mut String| {
        match digits.parse::<u16>() {
            Ok(y) if digits.len() == 4 && (2400..=2700).contains(&y) => {
                out.push_str(&(y - 543).to_string());
            }
            _ => out.push_str(digits),
        }
        digits.clear();
    };
    for c in folded.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else {
            flush(&mut digits, &mut out);
            out.push(c);
        }
    }
    flush(&mut digits, &mut out);
    out
}

/// A date written out (numbers, month names, CJK marks) rather than said
/// relative to today: the rest of [`parse_typed`].
fn written(text: &str, order: DayOrder, today: Date) -> TypedDate {
    let real = |y: i64, m: i64, d: i64| -> Option<Date> {
        let date = Date {
            year: u16::try_from(y).ok()?,
            month: u8::try_from(m).ok()?,
            day: u8::try_from(d).ok()?,
        };
        is_real_date(date).then_some(date)
    };
    let found = |date: Option<Date>| date.map_or(TypedDate::NoSuchDate, TypedDate::Date);
    let full_year = |y: i64, w: &str| if w.len() <= 2 { 2000 + y } else { y };
    // Without a year: the next such day from today on.
    let next = |m: i64, d: i64| {
        let this_year = i64::from(today.year);
        match real(this_year, m, d) {
            Some(date) if days_from_civil(date) >= days_from_civil(today) => Some(date),
            _ => real(this_year + 1, m, d),
        }
    };
    if order == DayOrder::YearFirst
        && let Some(read) = year_first(text, today)
    {
        return read;
    }
    match marked(text) {
        Some(Ok((Some(year), month, day))) => return found(real(year, month, day)),
        Some(Ok((None, month, day))) => return found(next(month, day)),
        Some(Err(())) => return TypedDate::NotADate,
        None => {}
    }
    let words: Vec<&str> = text
        .split(|c: char| {
            c.is_whitespace()
                // Arabic comma, CJK comma, and the marks that keep
                // right-to-left text in order.
                || matches!(c, '/' | '.' | '-' | ',' | '،' | '、' | '\u{200e}' | '\u{200f}' | '\u{61c}')
        })
        .filter(|w| !w.is_empty() && !FILLER.contains(&w.to_lowercase().as_str()))
        .collect();
    let number = |w: &str| -> Option<i64> {
        (w.len() <= 4 && w.chars().all(|c| c.is_ascii_digit()))
            .then(|| w.parse().ok())
            .flatten()
    };
    match words.as_slice() {
        // 2027-01-04
        [y, m, d] if y.len() == 4 && number(y).is_some() && number(m).is_some() => {
            match (number(y), number(m), number(d)) {
                (Some(y), Some(m), Some(d)) => found(real(y, m, d)),
                _ => TypedDate::NotADate,
            }
        }
        // 4 Jan 2027, or January 4 2027, or 4 Jan
        [first, second, rest @ ..]
            if rest.len() <= 1
                && (month_named(first).is_some() || month_named(second).is_some()) =>
        {
            let ((Some(day), Some(month), _, _) | (_, _, Some(month), Some(day))) = (
                day_number(first),
                month_named(second),
                month_named(first),
                day_number(second),
            ) else {
                return TypedDate::NotADate;
            };
            match rest {
                [] => found(next(month, day)),
                [year] => match number(year) {
                    Some(n) => found(real(full_year(n, year), month, day)),
                    None => TypedDate::NotADate,
                },
                _ => TypedDate::NotADate,
            }
        }
        // 15.3. or 15.03.: a day and month, as German and Ukrainian write
        // them (with dots the day always comes first): the next such day
        // from today on. `1/2` alone stays no date: it may be a fraction.
        [first, second] if first.len() <= 2 && second.len() <= 2 && text.contains('.') => {
            match (number(first), number(second)) {
                (Some(day), Some(month)) => found(next(month, day)),
                _ => TypedDate::NotADate,
            }
        }
        // 4/1/2027 or 1/4/2027
        [first, second, year] => match (number(first), number(second), number(year)) {
            (Some(first), Some(second), Some(n)) => {
                let full = full_year(n, year);
                match (real(full, second, first), real(full, first, second)) {
                    (None, None) => TypedDate::NoSuchDate,
                    (Some(date), None) | (None, Some(date)) => TypedDate::Date(date),
                    (Some(day_first), Some(month_first)) if day_first == month_first => {
                        TypedDate::Date(day_first)
                    }
                    (Some(day_first), Some(month_first)) => match order {
                        DayOrder::DayFirst => TypedDate::Date(day_first),
                        DayOrder::MonthFirst => TypedDate::Date(month_first),
                        DayOrder::Unknown | DayOrder::YearFirst => {
                            TypedDate::EitherOf(day_first, month_first)
                        }
                    },
                }
            }
            _ => TypedDate::NotADate,
        },
        _ => TypedDate::NotADate,
    }
}

/// Short dates where the year comes first (Korea, Japan, China): `26.12.05`
/// is 5 December 2026 (it was read as 26 December 2005, a date 21 years
/// gone: Min-jun in Seoul), and `12.5` or `12/5` is 5 December (the month
/// comes first too; it was read as 12 May), the next one from `today` on.
/// `None` for text that is not two or three short numbers.
fn year_first(text: &str, today: Date) -> Option<TypedDate> {
    let found = |date: Option<Date>| date.map_or(TypedDate::NoSuchDate, TypedDate::Date);
    if let Some(date) = short_year_first(text) {
        return Some(found(date));
    }
    let parts: Vec<&str> = text
        .trim()
        .trim_end_matches('.')
        .split(['.', '/'])
        .collect();
    let [month, day] = parts.as_slice() else {
        return None;
    };
    let number = |p: &str| {
        let p = p.trim();
        ((1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse::<u8>().ok())
            .flatten()
    };
    let (month, day) = (number(month)?, number(day)?);
    let on = |year: u16| {
        let date = Date { year, month, day };
        is_real_date(date).then_some(date)
    };
    let next = on(today.year)
        .filter(|d| days_from_civil(*d) >= days_from_civil(today))
        .or_else(|| on(today.year + 1));
    Some(found(next))
}

/// Three short numbers read year first (`26.12.05`, `26/12/5`, `26-12-05`:
/// 5 December 2026), as Korea, Japan and China write them: `Some` with the
/// date, or `Some(None)` when the numbers make no calendar date; `None`
/// when the text is not two-digit year, month and day.
pub fn short_year_first(text: &str) -> Option<Option<Date>> {
    let folded = crate::plan::typed::fold(text);
    let parts: Vec<&str> = folded
        .trim()
        .trim_end_matches('.')
        .split(['.', '/', '-'])
        .map(str::trim)
        .collect();
    let [year, month, day] = parts.as_slice() else {
        return None;
    };
    if year.len() != 2
        || ![month, day].iter().all(|p| (1..=2).contains(&p.len()))
        || !parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let number = |p: &str| p.parse::<u8>().ok();
    let date = Date {
        year: 2000 + u16::from(number(year)?),
        month: number(month)?,
        day: number(day)?,
    };
    Some(is_real_date(date).then_some(date))
}

/// Every calendar date three numbers (`05.12.26`, `12/5/2026`) can be,
/// year first, day first or month first, each once: what a reading that
/// turned out wrong (a review date in the past) may have meant. A year of
/// four digits stays where it was written (Mulu, Addis Ababa: `12/5/2026`
/// read as 12 May was not offered as 5 December).
pub fn short_readings(text: &str) -> Vec<Date> {
    let folded = crate::plan::typed::fold(text);
    let parts: Vec<(u16, bool)> = folded
        .trim()
        .trim_end_matches('.')
        .split(['.', '/', '-'])
        .map(str::trim)
        .map(|p| {
            (matches!(p.len(), 1 | 2 | 4) && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| p.parse().ok().map(|n| (n, p.len() == 4)))
                .flatten()
        })
        .collect::<Option<_>>()
        .unwrap_or_default();
    let [(a, a_long), (b, false), (c, c_long)] = parts[..] else {
        return Vec::new();
    };
    // Two-digit years are this century's.
    let orders: Vec<(u16, u16, u16)> = match (a_long, c_long) {
        (false, false) => vec![(2000 + a, b, c), (2000 + c, b, a), (2000 + c, a, b)],
        (true, false) => vec![(a, b, c)],
        (false, true) => vec![(c, b, a), (c, a, b)],
        (true, true) => Vec::new(),
    };
    let mut dates: Vec<Date> = Vec::new();
    for (y, month, day) in orders {
        let (Ok(month), Ok(day)) = (u8::try_from(month), u8::try_from(day)) else {
            continue;
        };
        let date = Date {
            year: y,
            month,
            day,
        };
        if is_real_date(date) && !dates.contains(&date) {
            dates.push(date);
        }
    }
    dates
}

/// A date to show as an example of what to type, in the locale's order.
pub fn example(order: DayOrder) -> &'static str {
    match order {
        DayOrder::DayFirst => "31.03.2027, 31/03/2027 or 2027-03-31",
        DayOrder::MonthFirst => "3/31/2027 or 2027-03-31",
        DayOrder::YearFirst => "2027/3/31 or 2027-03-31",
        DayOrder::Unknown => "31 March 2027 or 2027-03-31",
    }
}

/// [`example`] for someone who typed `typed`: with the CJK form too
/// ("2027年3月31日") when they wrote in Chinese or Japanese characters or
/// full-width forms, or the plan is in a country that writes dates so
/// (Japan, China, Taiwan), so the example shows a way they write dates.
pub fn example_for(order: DayOrder, region: Option<&str>, typed: &str) -> String {
    let cjk = matches!(region, Some("JP" | "CN" | "TW" | "HK" | "MO")) || typed.chars().any(|c| {
        matches!(u32::from(c), 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF)
    });
    let persian = crate::plan::persian::wanted(region, typed)
        .then(|| {
            crate::plan::persian::in_words(Date {
                year: 2027,
                month: 3,
                day: 31,
            })
        })
        .flatten();
    // Korea writes 2027. 3. 31. and 2027년 3월 31일 (Min-jun: the hint
    // showed neither).
    let korean =
        region == Some("KR") || typed.chars().any(|c| matches!(c, '\u{ac00}'..='\u{d7a3}'));
    // Vietnam writes 31/03/2027 and ngày 31 tháng 3 năm 2027 (the hint
    // showed only ISO to a Vietnamese writer).
    let vietnamese = region == Some("VN") || crate::plan::vietnamese::is_vietnamese(typed);
    if korean {
        "2027. 3. 31., 2027-03-31, or 2027년 3월 31일".to_string()
    } else if vietnamese {
        "31/03/2027, 2027-03-31, or ngày 31 tháng 3 năm 2027".to_string()
    } else if cjk {
        format!("{}, or 2027年3月31日", example(order).replace(" or ", ", "))
    } else if let Some(persian) = persian {
        format!("{}, or {persian}", example(order).replace(" or ", ", "))
    } else {
        example(order).to_string()
    }
}

/// Why a typed date (`shown` as the screen shows it) gave no one date, in
/// words: the same wherever a date is typed (the walk-through, `set`).
/// `None` when it is a date.
pub fn why_not_a_date(shown: &str, read: TypedDate) -> Option<String> {
    match read {
        TypedDate::Date(_) => None,
        TypedDate::EitherOf(day_first, month_first) => Some(format!(
            "“{shown}” could be {} or {}",
            long_date(day_first),
            long_date(month_first)
        )),
        TypedDate::NoSuchDate => Some(format!("“{shown}” isn't a day on the calendar")),
        TypedDate::NotADate if has_time(shown) => Some(format!(
            "“{shown}” has a time in it, and a date here is a day alone (a time would not be kept)"
        )),
        // Ethiopic month names say the Ethiopian calendar, whose year is
        // seven or eight behind (Mulu, Addis Ababa: "ኅዳር 20 2019" got
        // only a generic example).
        TypedDate::NotADate if is_ethiopic(shown) => Some(format!(
            "“{shown}” looks like a date in the Ethiopian calendar, which relapse-plan can't read yet: please give the same day in the Gregorian calendar"
        )),
        TypedDate::NotADate => Some(format!("I couldn't read “{shown}” as a date")),
    }
}

/// Whether typed words hold Ethiopic letters or numerals (a month's name
/// such as ኅዳር, or ፳): what an Ethiopian-calendar date is written in.
fn is_ethiopic(text: &str) -> bool {
    text.chars()
        .any(|c| matches!(c, '\u{1200}'..='\u{139f}' | '\u{2d80}'..='\u{2ddf}' | '\u{ab00}'..='\u{ab2f}'))
}

/// Whether typed words hold a time of day ("10:00", "2026-12-04T10:00",
/// "10am", "3 p.m."), which a day alone cannot keep (issue 12).
fn has_time(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    let digit = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    (0..chars.len()).any(|i| {
        let clock = matches!(chars[i], ':' | 'T') && i > 0 && digit(i - 1) && digit(i + 1);
        let meridiem = digit(i) && {
            let rest: String = chars[i + 1..]
                .iter()
                .collect::<String>()
                .trim_start()
                .to_lowercase()
                .replace('.', "");
            (rest.starts_with("am") || rest.starts_with("pm"))
                && !rest[2..].starts_with(char::is_alphabetic)
        };
        clock || meridiem
    })
}

/// A date alone, as the file stores review dates.
pub fn date_only(date: Date) -> Datetime {
    Datetime {
        date: Some(date),
        time: None,
        offset: None,
    }
}

/// A date as typed on the command line: YYYY-MM-DD, a day that exists.
pub fn parse_date(text: &str) -> Option<Datetime> {
    text.trim()
        .parse::<Datetime>()
        .ok()
        .filter(is_date_only)
        .filter(|d| d.date.is_some_and(is_real_date))
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

    /// Issue 13: Taiwan writes 2026-12-01 as 民國115年12月1日, 115年12月1日,
    /// 115/12/01 and 115.12.1. With 民國 it is read anywhere; a bare
    /// three-digit year only in Taiwan, and never mistaken elsewhere.
    #[test]
    fn roc_era_dates_are_read_where_they_cannot_be_mistaken() {
        let d = |year, month, day| Date { year, month, day };
        let today = d(2026, 11, 29);
        let in_tw =
            |text: &str| parse_typed_in(text, DayOrder::YearFirst, Some("TW"), today, When::Future);
        let in_jp =
            |text: &str| parse_typed_in(text, DayOrder::YearFirst, Some("JP"), today, When::Future);
        let december = TypedDate::Date(d(2026, 12, 1));
        for text in [
            "民國115年12月1日",
            "民國 115 年 12 月 1 日",
            "中華民國115年12月1日",
            "民国115年12月1日",
            "民國115/12/01",
            "民國１１５年１２月１日",
            "115年12月1日",
            "115/12/01",
            "115.12.1",
            "115.12.1.",
            "115-12-01",
        ] {
            assert_eq!(in_tw(text), december, "{text}");
        }
        // 民國 says which era wherever the plan is; a bare year does not.
        assert_eq!(in_jp("民國115年12月1日"), december);
        assert_eq!(
            parse_typed("民國115年12月1日", DayOrder::Unknown, today),
            december
        );
        assert_eq!(roc_date("115/12/01", false), None);
        assert_eq!(roc_date("115年12月1日", false), None);
        assert_ne!(in_jp("115/12/01"), december);
        // Gregorian dates, and numbers that are no ROC year, read as before.
        assert_eq!(in_tw("2026年12月1日"), december);
        assert_eq!(in_tw("2026/12/01"), december);
        assert_eq!(
            in_tw("1/12/2026"),
            parse_typed_when("1/12/2026", DayOrder::YearFirst, today, When::Future)
        );
        assert_eq!(roc_date("12/1", true), None);
        assert_eq!(roc_date("015/12/01", true), None);
        assert_eq!(roc_date("99/12/01", true), None);
        // No such day, or not a date at all, said so rather than guessed.
        assert_eq!(in_tw("民國115年2月30日"), TypedDate::NoSuchDate);
        assert_eq!(in_tw("115/02/30"), TypedDate::NoSuchDate);
        assert_eq!(in_tw("民國0年1月1日"), TypedDate::NoSuchDate);
        assert_eq!(in_tw("民國115年"), TypedDate::NotADate);
        assert_eq!(in_tw("民國abc"), TypedDate::NotADate);
        assert_eq!(roc_date("115", true), None);
    }

    /// Priya, on 30 November: `review --since "29 नवंबर"` meant the day
    /// before, not 29 November of next year.
    #[test]
    fn a_day_without_a_year_for_the_past_is_the_one_just_past() {
        let d = |year, month, day| Date { year, month, day };
        let today = d(2026, 11, 30);
        assert_eq!(
            in_the_past(d(2027, 11, 29), "29 नवंबर", today),
            d(2026, 11, 29)
        );
        assert_eq!(
            in_the_past(d(2026, 11, 29), "29 Nov", today),
            d(2026, 11, 29)
        );
        assert_eq!(
            in_the_past(d(2027, 11, 29), "29/11/2027", today),
            d(2027, 11, 29)
        );
        assert_eq!(
            in_the_past(d(2027, 11, 29), "２０２７年11月29日", today),
            d(2027, 11, 29)
        );
        assert_eq!(
            in_the_past(d(2028, 2, 29), "29 Feb", d(2027, 3, 1)),
            d(2027, 2, 28)
        );
    }

    #[test]
    fn a_typed_date_is_a_day_that_exists() {
        assert_eq!(
            parse_date(" 2026-11-29 "),
            Some(date_only(Date {
                year: 2026,
                month: 11,
                day: 29
            }))
        );
        assert_eq!(parse_date("2026-02-31"), None);
        assert_eq!(parse_date("2026-11-29T10:00:00Z"), None);
        assert_eq!(parse_date("last tuesday"), None);
    }

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

    fn zone(name: &str) -> TimeZone {
        jiff::tz::db().get(name).unwrap()
    }

    #[test]
    fn moments_fall_on_the_persons_local_day() {
        // 20:30 UTC on the 22nd is 09:30 on the 23rd in Auckland (NZDT, +13)
        // and 12:30 on the 22nd in Los Angeles (PST, -8).
        let evening: Datetime = "2026-11-22T20:30:00Z".parse().unwrap();
        let auckland = zone("Pacific/Auckland");
        let los_angeles = zone("America/Los_Angeles");
        assert_eq!(local_date(&evening, &auckland), Some(date(2026, 11, 23)));
        assert_eq!(local_date(&evening, &los_angeles), Some(date(2026, 11, 22)));
        assert_eq!(
            local_moment(&evening, &auckland),
            "23 November 2026 at 09:30"
        );
        assert_eq!(
            local_moment(&evening, &TimeZone::UTC),
            "22 November 2026 at 20:30 UTC"
        );
        // 07:30 UTC on the 23rd is still the 22nd in Los Angeles.
        let morning: Datetime = "2026-11-23T07:30:00Z".parse().unwrap();
        assert_eq!(local_date(&morning, &los_angeles), Some(date(2026, 11, 22)));
        // Dates alone are already calendar dates.
        let review: Datetime = "2027-01-04".parse().unwrap();
        assert_eq!(local_date(&review, &auckland), Some(date(2027, 1, 4)));
        assert_eq!(local_moment(&review, &auckland), "4 January 2027");
        // Past what the zone database reaches, a moment still names its
        // clock (issue 12: a revision hand-dated 9999-12-31).
        let last: Datetime = "9999-12-31T23:59:59Z".parse().unwrap();
        assert_eq!(local_moment(&last, &auckland), "9999-12-31 23:59 UTC");
        let last: Datetime = "9999-12-31T23:59:59+05:30".parse().unwrap();
        assert_eq!(local_moment(&last, &auckland), "9999-12-31 23:59 UTC+5:30");
    }

    #[test]
    fn on_a_screen_days_are_said_from_today() {
        // Sunday 29 November 2026 (issue 13).
        let today = date(2026, 11, 29);
        let near = |d| day_near(d, today);
        assert_eq!(near(date(2026, 11, 29)), "today");
        assert_eq!(near(date(2026, 11, 30)), "tomorrow");
        assert_eq!(near(date(2026, 11, 28)), "yesterday");
        assert_eq!(near(date(2026, 12, 4)), "Friday 4 December");
        assert_eq!(near(date(2026, 11, 23)), "Monday 23 November");
        assert_eq!(near(date(2026, 12, 6)), "6 December");
        assert_eq!(near(date(2026, 3, 1)), "1 March");
        // The year only when it is not this one.
        assert_eq!(near(date(2027, 1, 15)), "15 January 2027");
        assert_eq!(near(date(2025, 11, 29)), "29 November 2025");
        assert_eq!(
            day_near(date(2027, 1, 1), date(2026, 12, 28)),
            "Friday 1 January 2027"
        );
        // Moments on her clock: no offset for her own named zone.
        let tokyo = zone("Asia/Tokyo");
        let at = |text: &str| text.parse::<Datetime>().unwrap();
        assert_eq!(
            moment_near(&at("2026-11-29T14:50:00Z"), &tokyo, today),
            "today at 23:50"
        );
        assert_eq!(
            moment_near(&at("2026-11-28T00:15:00Z"), &tokyo, today),
            "yesterday at 09:15"
        );
        assert_eq!(
            moment_near(&at("2026-11-20T00:15:00Z"), &tokyo, today),
            "20 November at 09:15"
        );
        assert_eq!(
            moment_near(&at("2026-11-29T10:15:00Z"), &TimeZone::UTC, today),
            "today at 10:15 UTC"
        );
        assert_eq!(
            moment_near(&at("2027-01-04"), &tokyo, today),
            "4 January 2027"
        );
        // A time with no zone (a hand edit) in words too, never raw.
        assert_eq!(
            moment_near(&at("2026-12-04T10:00:00"), &tokyo, today),
            "Friday 4 December at 10:00"
        );
        assert_eq!(
            local_moment(&at("2026-12-04T10:00:00"), &tokyo),
            "4 December 2026 at 10:00"
        );
    }

    #[test]
    fn a_day_to_act_on_says_its_date_beside_tomorrow() {
        let today = date(2026, 12, 31);
        assert_eq!(
            day_to_act(date(2027, 1, 1), today, true),
            "tomorrow, Friday 1 January 2027"
        );
        assert_eq!(
            day_to_act(date(2026, 12, 31), today, false),
            "today, Thursday 31 December"
        );
        assert_eq!(
            day_to_act(date(2027, 1, 4), today, true),
            "on Monday 4 January 2027"
        );
        assert_eq!(
            day_to_act(date(2026, 12, 4), date(2026, 11, 22), false),
            "4 December"
        );
    }

    #[test]
    fn a_time_typed_for_a_date_is_named() {
        for text in [
            "2026-12-04T10:00",
            "4 Dec 10am",
            "4 Dec 10 a.m.",
            "4/12 3PM",
            "10:00",
        ] {
            assert!(has_time(text), "{text}");
        }
        for text in [
            "4 Dec",
            "2026-12-04",
            "in 2 weeks",
            "4 Tag",
            "amy",
            "3 May",
            "1 April 2027",
        ] {
            assert!(!has_time(text), "{text}");
        }
        let why = why_not_a_date("4 Dec 10am", TypedDate::NotADate).unwrap();
        assert!(why.contains("has a time in it"), "{why}");
    }

    #[test]
    fn a_moment_names_its_offset_never_an_ambiguous_abbreviation() {
        // "IST" is India, Ireland (summer) and Israel (winter): each reads
        // as its own offset (issue 13).
        let at = |text: &str| text.parse::<Datetime>().unwrap();
        let cases = [
            (
                "Asia/Kolkata",
                "2026-11-22T20:30:00Z",
                "23 November 2026 at 02:00",
            ),
            (
                "Europe/Dublin",
                "2026-07-01T12:00:00Z",
                "1 July 2026 at 13:00",
            ),
            (
                "Asia/Jerusalem",
                "2026-11-22T12:00:00Z",
                "22 November 2026 at 14:00",
            ),
            (
                "America/Los_Angeles",
                "2026-11-23T07:30:00Z",
                "22 November 2026 at 23:30",
            ),
            (
                "America/St_Johns",
                "2026-11-23T12:00:00Z",
                "23 November 2026 at 08:30",
            ),
        ];
        for (name, moment, shown) in cases {
            let local = local_moment(&at(moment), &zone(name));
            assert_eq!(local, shown, "{name}");
            assert!(!local.contains("IST") && !local.contains("PST"), "{local}");
        }
    }

    #[test]
    fn relative_dates_are_read_against_the_persons_today() {
        // Sunday 29 November 2026.
        let today = date(2026, 11, 29);
        let read = |text: &str| match parse_typed(text, DayOrder::DayFirst, today) {
            TypedDate::Date(day) => long_date(day),
            other => format!("{other:?}"),
        };
        for (typed, meant) in [
            ("today", "29 November 2026"),
            ("Tomorrow", "30 November 2026"),
            ("the day after tomorrow", "1 December 2026"),
            ("next Friday", "4 December 2026"),
            ("friday", "4 December 2026"),
            ("next Sunday", "6 December 2026"),
            ("this Sunday", "29 November 2026"),
            ("in 2 weeks", "13 December 2026"),
            ("in two weeks", "13 December 2026"),
            ("in a week", "6 December 2026"),
            ("3 days from now", "2 December 2026"),
            ("next week", "6 December 2026"),
            ("in 3 months", "28 February 2027"),
            ("next month", "29 December 2026"),
            ("明天", "30 November 2026"),
            ("后天", "1 December 2026"),
            ("下周五", "4 December 2026"),
            ("下星期一", "30 November 2026"),
            ("周五", "4 December 2026"),
            ("两周后", "13 December 2026"),
            ("3天后", "2 December 2026"),
            ("３天后", "2 December 2026"),
            ("十天后", "9 December 2026"),
            ("一个月后", "29 December 2026"),
            ("yesterday", "28 November 2026"),
            ("2 weeks ago", "15 November 2026"),
            ("last Friday", "27 November 2026"),
            ("last Sunday", "22 November 2026"),
            ("last month", "29 October 2026"),
            ("昨天", "28 November 2026"),
            ("两周前", "15 November 2026"),
            ("上周五", "20 November 2026"),
        ] {
            assert_eq!(read(typed), meant, "{typed}");
        }
        // Issue 13 (Oksana): German and Ukrainian, as people say them.
        for (typed, meant) in [
            ("завтра", "30 November 2026"),
            ("Завтра", "30 November 2026"),
            ("сьогодні", "29 November 2026"),
            ("післязавтра", "1 December 2026"),
            ("за тиждень", "6 December 2026"),
            ("за 2 тижні", "13 December 2026"),
            ("через 2 тижні", "13 December 2026"),
            ("за 5 днів", "4 December 2026"),
            ("за місяць", "29 December 2026"),
            ("через три місяці", "28 February 2027"),
            ("наступного тижня", "6 December 2026"),
            ("у п'ятницю", "4 December 2026"),
            ("в п’ятницю", "4 December 2026"),
            ("наступної п'ятниці", "4 December 2026"),
            ("вчора", "28 November 2026"),
            ("тиждень тому", "22 November 2026"),
            ("2 тижні тому", "15 November 2026"),
            ("morgen", "30 November 2026"),
            ("Morgen", "30 November 2026"),
            ("übermorgen", "1 December 2026"),
            ("heute", "29 November 2026"),
            ("in 2 Wochen", "13 December 2026"),
            ("in zwei Wochen", "13 December 2026"),
            ("in einer Woche", "6 December 2026"),
            ("in 3 Tagen", "2 December 2026"),
            ("in einem Monat", "29 December 2026"),
            ("nächste Woche", "6 December 2026"),
            ("nächsten Monat", "29 December 2026"),
            ("am Freitag", "4 December 2026"),
            ("Freitag", "4 December 2026"),
            ("nächsten Freitag", "4 December 2026"),
            ("gestern", "28 November 2026"),
            ("vor 2 Wochen", "15 November 2026"),
            ("letzten Freitag", "27 November 2026"),
        ] {
            assert_eq!(read(typed), meant, "{typed}");
        }
    }

    /// Issue 13 (Layla, Cairo): Arabic relative dates, in every spelling
    /// a keyboard gives (with or without hamza and short vowels, ة or ه,
    /// Arabic-Indic or Latin digits, Egyptian speech).
    #[test]
    fn relative_dates_in_arabic_are_read() {
        // Sunday 29 November 2026.
        let today = date(2026, 11, 29);
        let read = |text: &str| match parse_typed(text, DayOrder::DayFirst, today) {
            TypedDate::Date(day) => long_date(day),
            other => format!("{other:?}"),
        };
        for (typed, meant) in [
            ("اليوم", "29 November 2026"),
            ("غدا", "30 November 2026"),
            ("غداً", "30 November 2026"),
            ("غدًا", "30 November 2026"),
            ("بكرة", "30 November 2026"),
            ("بكره", "30 November 2026"),
            ("بعد غد", "1 December 2026"),
            ("بعد بكرة", "1 December 2026"),
            ("أمس", "28 November 2026"),
            ("امبارح", "28 November 2026"),
            ("بعد أسبوع", "6 December 2026"),
            ("بعد اسبوع", "6 December 2026"),
            ("بعد أسبوعين", "13 December 2026"),
            ("بعد اسبوعين", "13 December 2026"),
            ("بعد ٣ أيام", "2 December 2026"),
            ("بعد 3 أيام", "2 December 2026"),
            ("بعد ثلاثة أيام", "2 December 2026"),
            ("بعد يومين", "1 December 2026"),
            ("بعد ١٠ أيام", "9 December 2026"),
            ("بعد شهر", "29 December 2026"),
            ("بعد ٣ أشهر", "28 February 2027"),
            ("الأسبوع القادم", "6 December 2026"),
            ("الاسبوع الجاي", "6 December 2026"),
            ("في الأسبوع القادم", "6 December 2026"),
            ("الشهر القادم", "29 December 2026"),
            ("الجمعة", "4 December 2026"),
            ("جمعة", "4 December 2026"),
            ("الجمعة القادمة", "4 December 2026"),
            ("يوم الجمعة", "4 December 2026"),
            ("السبت", "5 December 2026"),
            ("الأحد", "6 December 2026"),
            ("الأحد القادم", "6 December 2026"),
            ("الاثنين", "30 November 2026"),
            ("الإثنين", "30 November 2026"),
            ("اثنين", "30 November 2026"),
            ("الثلاثاء", "1 December 2026"),
            ("الأربعاء", "2 December 2026"),
            ("الخميس القادم", "3 December 2026"),
            ("خميس", "3 December 2026"),
            // A right-to-left mark typed with it changes nothing.
            ("\u{200f}الجمعة\u{200f}", "4 December 2026"),
            // The past, for `review --since`.
            ("أول أمس", "27 November 2026"),
            ("قبل ٣ أيام", "26 November 2026"),
            ("قبل أسبوع", "22 November 2026"),
            ("الأسبوع الماضي", "22 November 2026"),
            ("الجمعة الماضية", "27 November 2026"),
        ] {
            assert_eq!(read(typed), meant, "{typed}");
        }
        // Arabic words that are no date stay no date.
        for typed in ["بعد", "القادم", "مريم", "بعد كثير"] {
            assert!(
                !matches!(
                    parse_typed(typed, DayOrder::DayFirst, today),
                    TypedDate::Date(_)
                ),
                "{typed}"
            );
        }
    }

    #[test]
    fn relative_dates_in_japanese_and_hindi_are_read() {
        // Sunday 29 November 2026.
        let today = date(2026, 11, 29);
        let read = |text: &str| match parse_typed(text, DayOrder::DayFirst, today) {
            TypedDate::Date(day) => long_date(day),
            other => format!("{other:?}"),
        };
        // Issue 13 (Tokyo, Mumbai).
        for (typed, meant) in [
            ("来週の金曜日", "4 December 2026"),
            ("来週金曜", "4 December 2026"),
            ("明日", "30 November 2026"),
            ("あした", "30 November 2026"),
            ("あさって", "1 December 2026"),
            ("明後日", "1 December 2026"),
            ("きょう", "29 November 2026"),
            ("金曜日", "4 December 2026"),
            ("金曜日まで", "4 December 2026"),
            ("次の月曜日", "30 November 2026"),
            ("３日後", "2 December 2026"),
            ("3日後に", "2 December 2026"),
            ("１週間後", "6 December 2026"),
            ("2か月後", "29 January 2027"),
            ("来週", "6 December 2026"),
            ("来月", "29 December 2026"),
            ("きのう", "28 November 2026"),
            ("先週の金曜日", "20 November 2026"),
            ("3日前", "26 November 2026"),
            ("आज", "29 November 2026"),
            ("अगले शुक्रवार", "4 December 2026"),
            ("अगले शुक्रवार को", "4 December 2026"),
            ("शुक्रवार तक", "4 December 2026"),
            ("3 दिन में", "2 December 2026"),
            ("तीन दिन बाद", "2 December 2026"),
            ("३ दिन में", "2 December 2026"),
            ("दो हफ्ते बाद", "13 December 2026"),
            ("दो हफ़्ते बाद", "13 December 2026"),
            ("अगले हफ्ते", "6 December 2026"),
            ("अगले महीने", "29 December 2026"),
            ("पिछले शुक्रवार", "27 November 2026"),
            ("3 दिन पहले", "26 November 2026"),
        ] {
            assert_eq!(read(typed), meant, "{typed}");
        }
        // कल and परसों are either side of today: the side a date must be
        // on settles it, and when none does, both are offered.
        let when = |typed: &str, when: When| match parse_typed_when(
            typed,
            DayOrder::DayFirst,
            today,
            when,
        ) {
            TypedDate::Date(day) => long_date(day),
            other => format!("{other:?}"),
        };
        assert_eq!(when("कल", When::Future), "30 November 2026");
        assert_eq!(when("कल", When::Past), "28 November 2026");
        assert_eq!(when("परसों", When::Future), "1 December 2026");
        assert_eq!(when("परसों", When::Past), "27 November 2026");
        assert_eq!(
            parse_typed("कल", DayOrder::DayFirst, today),
            TypedDate::EitherOf(date(2026, 11, 28), date(2026, 11, 30))
        );
    }

    /// Issue 13 (Niran, Bangkok): Thai months, full and abbreviated, with
    /// a Buddhist Era year or a Gregorian one, in Thai or Latin digits, and
    /// the Thai words for days near today; echoed back in words.
    #[test]
    fn thai_dates_are_read() {
        // Sunday 29 November 2026 (2569 in the Buddhist Era).
        let today = date(2026, 11, 29);
        let read = |text: &str| match parse_typed(text, DayOrder::DayFirst, today) {
            TypedDate::Date(day) => long_date(day),
            other => format!("{other:?}"),
        };
        for (typed, meant) in [
            ("5 ธ.ค. 2569", "5 December 2026"),
            ("5 ธันวาคม 2026", "5 December 2026"),
            ("๕ ธ.ค. ๒๕๖๙", "5 December 2026"),
            ("5ธ.ค.69", "5 December 2026"),
            ("วันที่ 5 ธันวาคม พ.ศ. 2569", "5 December 2026"),
            ("5 ธค 2569", "5 December 2026"),
            ("5 ธ.ค. ค.ศ. 2026", "5 December 2026"),
            ("14 ก.พ.", "14 February 2027"),
            ("1 มกราคม 2570", "1 January 2027"),
            ("29 ก.พ. 2567", "29 February 2024"),
            ("พรุ่งนี้", "30 November 2026"),
            ("มะรืนนี้", "1 December 2026"),
            ("วันนี้", "29 November 2026"),
            ("อาทิตย์หน้า", "6 December 2026"),
            ("สัปดาห์หน้า", "6 December 2026"),
            ("วันศุกร์หน้า", "4 December 2026"),
            ("ศุกร์หน้า", "4 December 2026"),
            ("วันศุกร์นี้", "4 December 2026"),
            ("วันจันทร์", "30 November 2026"),
            ("วันอาทิตย์หน้า", "6 December 2026"),
            ("เดือนหน้า", "29 December 2026"),
        ] {
            assert_eq!(read(typed), meant, "{typed}");
        }
        assert_eq!(read("31 ก.พ. 2569"), "NoSuchDate");
        assert_eq!(read("ไม่รู้"), "NotADate");
        // Numbers alone keep the year as written (and the kind question
        // about other calendars) unless the plan's country is Thailand.
        assert_eq!(read("5/12/2569"), "5 December 2569");
        assert_eq!(gregorian_in("5/12/2569", None), "5/12/2569");
        assert_eq!(gregorian_in("5/12/2569", Some("TH")), "5/12/2026");
        assert_eq!(gregorian_in("๕/๑๒/๒๕๖๙", Some("TH")), "5/12/2026");
        assert_eq!(gregorian_in("2027-01-04", Some("TH")), "2027-01-04");
        assert_eq!(gregorian_in("29/2/2567", Some("TH")), "29/2/2024");
    }

    #[test]
    fn a_month_on_and_words_that_are_no_date() {
        let today = date(2026, 11, 29);
        let read = |text: &str| match parse_typed(text, DayOrder::DayFirst, today) {
            TypedDate::Date(day) => long_date(day),
            other => format!("{other:?}"),
        };
        // 31 January and a month on is the last of February.
        let january = date(2027, 1, 31);
        assert_eq!(
            parse_typed("in 1 month", DayOrder::DayFirst, january),
            TypedDate::Date(date(2027, 2, 28))
        );
        // Words that are no date stay no date.
        assert_eq!(read("next thing"), "NotADate");
        assert_eq!(read("in many weeks"), "NotADate");
        // On a Wednesday, 下周五 is the Friday of next week, nine days on,
        // while "Friday" is the one two days on.
        let wednesday = date(2026, 12, 2);
        assert_eq!(
            parse_typed("下周五", DayOrder::DayFirst, wednesday),
            TypedDate::Date(date(2026, 12, 11))
        );
        assert_eq!(
            parse_typed("Friday", DayOrder::DayFirst, wednesday),
            TypedDate::Date(date(2026, 12, 4))
        );
    }

    #[test]
    fn a_machine_without_zoneinfo_still_knows_the_zones() {
        // The bundled copy, used when /usr/share/zoneinfo is missing.
        let bundled = jiff::tz::TimeZoneDatabase::bundled();
        let auckland = bundled.get("Pacific/Auckland").unwrap();
        let evening: Datetime = "2026-11-22T20:30:00Z".parse().unwrap();
        assert_eq!(local_date(&evening, &auckland), Some(date(2026, 11, 23)));
    }

    #[test]
    fn dates_are_read_as_people_type_them() {
        let today = date(2026, 11, 22);
        let read = |text: &str, order| parse_typed(text, order, today);
        let jan4 = TypedDate::Date(date(2027, 1, 4));
        for text in [
            "2027-01-04",
            "2027/1/4",
            "4 Jan 2027",
            "4 January, 2027",
            "January 4 2027",
            "jan 4 27",
        ] {
            assert_eq!(read(text, DayOrder::Unknown), jan4, "{text}");
        }
        assert_eq!(read("04/01/2027", DayOrder::DayFirst), jan4);
        assert_eq!(read("04.01.27", DayOrder::DayFirst), jan4);
        assert_eq!(read("01/04/2027", DayOrder::MonthFirst), jan4);
        assert_eq!(
            read("04/01/2027", DayOrder::Unknown),
            TypedDate::EitherOf(date(2027, 1, 4), date(2027, 4, 1))
        );
        // 31 can only be a day, whatever the order.
        assert_eq!(
            read("31/03/2027", DayOrder::MonthFirst),
            TypedDate::Date(date(2027, 3, 31))
        );
        assert_eq!(
            read("3/31/2027", DayOrder::DayFirst),
            TypedDate::Date(date(2027, 3, 31))
        );
        // A day and month alone: the next one.
        assert_eq!(read("4 Jan", DayOrder::Unknown), jan4);
        assert_eq!(
            read("30 Nov", DayOrder::Unknown),
            TypedDate::Date(date(2026, 11, 30))
        );
        assert_eq!(
            read("31/02/2027", DayOrder::DayFirst),
            TypedDate::NoSuchDate
        );
        assert_eq!(
            read("2027-02-30", DayOrder::DayFirst),
            TypedDate::NoSuchDate
        );
        // Day and month with dots, as German and Ukrainian write them.
        for text in ["15.3.", "15.03.", "15.3", " 15.03. "] {
            assert_eq!(
                read(text, DayOrder::MonthFirst),
                TypedDate::Date(date(2027, 3, 15)),
                "{text}"
            );
        }
        assert_eq!(
            read("29.11.", DayOrder::DayFirst),
            TypedDate::Date(date(2026, 11, 29))
        );
        assert_eq!(read("31.02.", DayOrder::DayFirst), TypedDate::NoSuchDate);
        for text in [
            "abc",
            "",
            "soon",
            "4",
            "2027",
            "1/2",
            "4 janvier 2027x",
            "1.2.3.4",
        ] {
            assert_eq!(
                read(text, DayOrder::DayFirst),
                TypedDate::NotADate,
                "{text}"
            );
        }
        assert_eq!(long_date(date(2027, 1, 4)), "4 January 2027");
        assert_eq!(DayOrder::of_region(Some("IE")), DayOrder::DayFirst);
        assert_eq!(DayOrder::of_region(Some("US")), DayOrder::MonthFirst);
        assert_eq!(DayOrder::of_region(None), DayOrder::Unknown);
    }

    #[test]
    fn dates_in_the_persons_own_language_and_digits() {
        let today = date(2026, 11, 22);
        let read = |text: &str| parse_typed(text, DayOrder::DayFirst, today);
        let march1 = TypedDate::Date(date(2027, 3, 1));
        for text in [
            "2027年3月1日",
            "3月1日",
            "３月１日",
            "2027年 3月 1日",
            "3月1号",
            "3月1",
            "2027년 3월 1일",
            "3월 1일",
            "1 марта",
            "1 марта 2027 г.",
            "1 März 2027",
            "1. März",
            "1er mars 2027",
            "1 de marzo de 2027",
            "1 de março",
            "March 1st, 2027",
            "the 1st of March",
            "1 marca 2027",
            "1 березня",
            "1 Μαρτίου 2027",
            "1 במרץ 2027",
            "1 مارس 2027",
            "١ مارس ٢٠٢٧",
            "1 मार्च",
            "१ मार्च २०२७",
            "1 मार्च 2027",
            "٠١/٠٣/٢٠٢٧",
            "２０２７－０３－０１",
        ] {
            assert_eq!(read(text), march1, "{text}");
        }
        // The next such day on or after today: the 22nd is today.
        assert_eq!(read("11月22日"), TypedDate::Date(date(2026, 11, 22)));
        assert_eq!(read("21 ноября"), TypedDate::Date(date(2027, 11, 21)));
        assert_eq!(read("2027年2月30日"), TypedDate::NoSuchDate);
        for text in [
            "3月",
            "月1日",
            "3月1日2",
            "2027年3月1日x",
            "3 1日",
            "1 ma",
            "1 ju 2027",
        ] {
            assert_eq!(read(text), TypedDate::NotADate, "{text}");
        }
        // Every name is its own month, whole or (from three letters) begun.
        for (i, names) in MONTH_NAMES.iter().enumerate() {
            for name in *names {
                let month = i64::try_from(i + 1).unwrap();
                assert_eq!(month_named(name), Some(month), "{name}");
                let mut chars = name.chars();
                let capital: String = chars.next().unwrap().to_uppercase().chain(chars).collect();
                assert_eq!(month_named(&capital), Some(month), "{capital}");
            }
        }
    }

    #[test]
    fn impossible_dates_are_not_real() {
        assert!(is_real_date(date(2028, 2, 29)));
        assert!(!is_real_date(date(2027, 2, 29)));
        assert!(!is_real_date(date(2027, 4, 31)));
        assert!(!is_real_date(date(2027, 13, 1)));
    }

    #[test]
    fn the_example_shows_the_cjk_form_to_someone_who_typed_cjk() {
        assert_eq!(
            example_for(DayOrder::Unknown, None, "2027年13月1日"),
            "31 March 2027, 2027-03-31, or 2027年3月31日"
        );
        assert_eq!(
            example_for(DayOrder::DayFirst, None, "２/１３/2027")
                .matches("年")
                .count(),
            1
        );
        assert_eq!(
            example_for(DayOrder::Unknown, None, "31 Feb"),
            example(DayOrder::Unknown)
        );
        let ja = parse_typed(
            "2027年3月31日",
            DayOrder::Unknown,
            Date {
                year: 2026,
                month: 11,
                day: 28,
            },
        );
        assert_eq!(
            ja,
            TypedDate::Date(Date {
                year: 2027,
                month: 3,
                day: 31
            })
        );
    }

    #[test]
    fn a_year_from_another_calendar_is_named() {
        let day = |year| Date {
            year,
            month: 9,
            day: 15,
        };
        let why = other_calendar(day(1405)).unwrap();
        // Said once, plainly: the year is not repeated (issue 13).
        assert!(why.starts_with("15 September 1405 is long past: "), "{why}");
        assert_eq!(why.matches("1405").count(), 1, "{why}");
        assert!(
            other_calendar(day(5787))
                .unwrap()
                .starts_with("15 September 5787 is centuries away: "),
            "{why}"
        );
        assert!(why.contains("Persian"), "{why}");
        assert!(other_calendar(day(5787)).is_some());
        assert!(other_calendar(day(2027)).is_none());
    }
}
