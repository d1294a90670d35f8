//! Fresh eyes (issue 13): Min-jun in Seoul, whose country writes the year
//! first, and Noa in Jerusalem, writing in Hebrew. Short dates are read in
//! the plan's country's order, a next review in the past is never saved
//! without a word, and days said from today in Korean and Hebrew are read.

use crate::Env;

/// A plan in `country`, typed in from `tz` (the clock is Sunday 22
/// November 2026, 19:15 in Seoul).
fn plan_in(country: &str) -> Env {
    let env = Env::new();
    env.ok(["init", "--name", "민준", "--country", country]);
    env
}

/// What `set` said, on either stream, on one line.
fn said(ran: &crate::Ran) -> String {
    format!("{}{}", ran.stdout, ran.stderr)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn next_review(env: &Env) -> Option<String> {
    env.plan().review.next.map(|d| d.to_string())
}

/// `26.12.05` in Korea is 5 December 2026 (it was saved as 26 December
/// 2005, a Monday, 21 years gone), and so are `26/12/05` and `26-12-05`;
/// `12.5` and `12/5` are 5 December, not 12 May.
#[test]
fn short_dates_in_korea_are_read_year_first() {
    for typed in [
        "26.12.05",
        "26/12/05",
        "26-12-05",
        "12.5",
        "12/5",
        "2026. 12. 5.",
    ] {
        let env = plan_in("KR");
        let ran = env
            .test(["set", "--next-review", typed])
            .env("TZ", "Asia/Seoul")
            .case(typed)
            .run();
        assert_eq!(next_review(&env).as_deref(), Some("2026-12-05"), "{typed}");
        assert!(
            said(&ran).contains("next review on 5 December 2026, a Saturday"),
            "{typed}: {}",
            said(&ran)
        );
    }
}

/// A next review in the past is refused, saying the day it was read as
/// and the reading still to come, written so it can't be misread; the
/// plan keeps what it had.
#[test]
fn a_next_review_in_the_past_is_never_saved_without_a_word() {
    // In Korea, 05.12.26 read year first is 26 December 2005.
    let env = plan_in("KR");
    let ran = env
        .test(["set", "--next-review", "05.12.26"])
        .env("TZ", "Asia/Seoul")
        .status(2)
        .run();
    let words = said(&ran);
    assert!(
        words.contains("“05.12.26” reads as 26 December 2005, a Monday: that is in the past"),
        "{words}"
    );
    assert!(
        words.contains("If you meant 5 December 2026, a Saturday, write 2026-12-05"),
        "{words}"
    );
    assert_eq!(next_review(&env), None);
    // Day first (Germany), 26.12.05 is 26 December 2005: refused the same.
    let env = plan_in("DE");
    let ran = env
        .test(["set", "--next-review", "26.12.05"])
        .env("TZ", "Europe/Berlin")
        .status(2)
        .run();
    let words = said(&ran);
    assert!(words.contains("26 December 2005, a Monday"), "{words}");
    assert!(words.contains("write 2026-12-05"), "{words}");
    assert_eq!(next_review(&env), None);
    // A day gone with no other reading says so plainly.
    let ran = env
        .test(["set", "--next-review", "2026-11-01"])
        .status(2)
        .run();
    assert!(
        said(&ran).contains("1 November 2026, a Sunday: that is in the past"),
        "{}",
        said(&ran)
    );
    // Today is still to come; a last review in the past is what it is.
    env.test([
        "set",
        "--next-review",
        "2026-11-22",
        "--last-review",
        "2026-11-01",
    ])
    .run();
    assert_eq!(next_review(&env).as_deref(), Some("2026-11-22"));
}

/// When the plan already had the date, `set` still says which day it read
/// ("Nothing changed" alone hid it).
#[test]
fn set_says_the_date_it_read_when_nothing_changed() {
    let env = plan_in("KR");
    env.test(["set", "--next-review", "2026-12-05"]).run();
    let ran = env
        .test(["set", "--next-review", "2026. 12. 5."])
        .env("TZ", "Asia/Seoul")
        .run();
    assert!(
        said(&ran).contains(
            "Nothing changed: your next review was already on 5 December 2026, a Saturday, so no new revision was saved."
        ),
        "{}",
        said(&ran)
    );
}

/// Korean days said from today (Sunday 22 November in Seoul), and the hint
/// showing the way Korea writes a date.
#[test]
fn korean_days_said_from_today_are_read() {
    let env = plan_in("KR");
    for (typed, stored, words) in [
        ("내일", "2026-11-23", "23 November 2026, a Monday"),
        ("모레", "2026-11-24", "24 November 2026, a Tuesday"),
        ("금요일", "2026-11-27", "27 November 2026, a Friday"),
        ("3일 후", "2026-11-25", "25 November 2026, a Wednesday"),
    ] {
        let ran = env
            .test(["set", "--next-review", typed])
            .env("TZ", "Asia/Seoul")
            .case(typed)
            .run();
        assert_eq!(next_review(&env).as_deref(), Some(stored), "{typed}");
        assert!(said(&ran).contains(words), "{typed}: {}", said(&ran));
    }
    // On a Sunday, "next week" starts tomorrow by the standard and in a
    // week on a Korean wall calendar: both days are named, nothing saved.
    let ran = env
        .test(["set", "--next-review", "다음 주 금요일"])
        .env("TZ", "Asia/Seoul")
        .status(2)
        .run();
    assert!(
        said(&ran).contains("“다음 주 금요일” could be 27 November 2026 or 4 December 2026"),
        "{}",
        said(&ran)
    );
    assert_eq!(next_review(&env).as_deref(), Some("2026-11-25"));
    // A date it can't read is asked again with Korea's own forms.
    let ran = env
        .test(["set", "--next-review", "언젠가"])
        .env("TZ", "Asia/Seoul")
        .status(2)
        .run();
    assert!(
        said(&ran).contains("2027. 3. 31., 2027-03-31, or 2027년 3월 31일"),
        "{}",
        said(&ran)
    );
}

/// Hebrew days said from today (Sunday 22 November in Jerusalem), and
/// yesterday for `review --since`.
#[test]
fn hebrew_days_said_from_today_are_read() {
    let env = plan_in("IL");
    for (typed, stored) in [
        ("מחר", "2026-11-23"),
        ("מחרתיים", "2026-11-24"),
        ("היום", "2026-11-22"),
        ("יום שישי", "2026-11-27"),
        ("יום שישי הבא", "2026-11-27"),
        ("בשבוע הבא", "2026-11-29"),
    ] {
        env.test(["set", "--next-review", typed])
            .env("TZ", "Asia/Jerusalem")
            .case(typed)
            .run();
        assert_eq!(next_review(&env).as_deref(), Some(stored), "{typed}");
    }
    let ran = env
        .test(["set", "--last-review", "אתמול"])
        .env("TZ", "Asia/Jerusalem")
        .run();
    assert_eq!(
        env.plan().review.last.map(|d| d.to_string()).as_deref(),
        Some("2026-11-21"),
        "{}",
        said(&ran)
    );
}
