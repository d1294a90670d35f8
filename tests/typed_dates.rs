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
    crate::one_line(&format!("{}{}", ran.stdout, ran.stderr))
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

/// In the walk-through, a date that is refused is never shown under a tick
/// ("✔ Which date? · …" read as accepted, its refusal folded into the next
/// question): the refusal is a line of its own, and the question is asked
/// again as it was. Korean days from today are read there too.
#[cfg(unix)]
#[test]
fn a_refused_date_in_the_walk_through_is_never_ticked() {
    use crate::keys::Tmux;
    let env = Env::new();
    crate::own_words::draft_with(
        &env,
        relapse_plan::plan::Plan::new("민준".into(), Some("KR".into())),
    );
    let t = Tmux::start_in(&env, &["new"], 100, ("Asia/Seoul", crate::NOW));
    t.wait_for("You have unfinished answers");
    t.keys(&["Enter"]);
    t.wait_for("When would you like to review");
    t.keys(&["Down", "Down", "Down", "Enter"]);
    t.wait_for("Which date? (like 2027. 3. 31., 2027-03-31, or 2027년 3월 31일)");
    t.type_text("언젠가");
    t.keys(&["Enter"]);
    let screen = t.wait_for("as a date; write it like");
    let lines: Vec<&str> = screen.lines().collect();
    let answered = lines
        .iter()
        .position(|l| l.contains("· 언젠가"))
        .unwrap_or_else(|| panic!("the answer stays on screen: {screen}"));
    assert!(!lines[answered].contains('✔'), "{screen}");
    assert!(
        lines[answered + 1].starts_with("I couldn't read “언젠가” as a date; write it like"),
        "{screen}"
    );
    let last = lines.iter().rev().find(|l| !l.trim().is_empty());
    assert!(
        last.is_some_and(|l| l.starts_with("? Which date? (like 2027. 3. 31.")),
        "asked again as it was: {screen}"
    );
    // A day gone is refused the same way.
    t.type_text("2026. 11. 1.");
    t.keys(&["Enter"]);
    let screen = t.wait_for("1 November 2026 is today or earlier");
    let answered = screen
        .lines()
        .find(|l| l.contains("· 2026. 11. 1."))
        .unwrap_or_else(|| panic!("the answer stays on screen: {screen}"));
    assert!(!answered.contains('✔'), "{screen}");
    // Tomorrow, in Korean: 23 November in Seoul.
    t.type_text("내일");
    t.keys(&["Enter"]);
    let screen = t.wait_for("Your next review:");
    assert!(
        screen.contains("Your next review: 23 November 2026, a Monday."),
        "{screen}"
    );
    t.wait_for("Save my plan");
    t.keys(&["Enter"]);
    t.wait_for("A few words about this version?");
    t.keys(&["Enter"]);
    t.wait_until_ended();
    assert_eq!(next_review(&env).as_deref(), Some("2026-11-23"));
}

/// Runs `args` for the plan in `env` in `tz` at `now` (UTC).
fn at(env: &Env, tz: &str, now: &str, args: &[&str]) -> crate::Ran {
    env.test(args)
        .env("TZ", tz)
        .env("RELAPSE_PLAN_NOW", now)
        .run()
}

/// Homework set in Los Angeles on Sunday 29 November (already Monday in
/// Seoul), started and handed in by Min-jun in Seoul: the therapist's and
/// the client's folders, and the hand-in file (in the client's).
fn seoul_hand_in(tasks: &[&str]) -> (Env, Env, std::path::PathBuf) {
    const LA: &str = "America/Los_Angeles";
    const SEOUL: &str = "Asia/Seoul";
    let therapist = Env::new();
    let homework = therapist.home().join("homework.toml");
    let mut assign = vec![
        "homework",
        "assign",
        "-o",
        homework.to_str().unwrap(),
        "--therapist",
        "Dr Lee",
        "--client",
        "민준",
        "--due",
        "2026-12-04",
    ];
    for task in tasks {
        assign.extend(["--task", task]);
    }
    at(&therapist, LA, "2026-11-29T18:00:00Z", &assign);
    let client = Env::new();
    at(
        &client,
        SEOUL,
        "2026-11-29T19:00:00Z",
        &["init", "--name", "민준"],
    );
    at(
        &client,
        SEOUL,
        "2026-11-29T19:00:00Z",
        &["homework", "start", homework.to_str().unwrap()],
    );
    for now in ["2026-11-30T10:00:00Z", "2026-12-04T10:00:00Z"] {
        at(
            &client,
            SEOUL,
            now,
            &["check-in", "--urge", "3", "--acted", "no"],
        );
    }
    let hand_in = client.home().join("hand-in.toml");
    at(
        &client,
        SEOUL,
        // Friday 4 December, 23:30 in Seoul; 06:30 in Los Angeles.
        "2026-12-04T14:30:00Z",
        &[
            "homework",
            "submit",
            "-o",
            hand_in.to_str().unwrap(),
            "--yes",
        ],
    );
    (therapist, client, hand_in)
}

/// The therapist in Los Angeles reads a hand-in from Seoul on her Friday
/// morning, Saturday in Seoul: "due yesterday" was Seoul's yesterday beside
/// "today at 06:30 your time", and "Assigned Sunday 29 November" her own
/// day under "Days and times here are 민준's". Each day now says whose it
/// is, or is a plain date.
#[test]
fn a_review_across_two_clocks_says_whose_day_each_is() {
    let (therapist, _client, hand_in) = seoul_hand_in(&["check-in=2"]);
    let ran = at(
        &therapist,
        "America/Los_Angeles",
        "2026-12-04T15:00:00Z",
        &["review", hand_in.to_str().unwrap()],
    );
    let shown = said(&ran);
    // Korean may be broken between syllables at the end of a line: read
    // without the breaks.
    let unbroken = |text: &str| text.split_whitespace().collect::<String>();
    assert!(
        unbroken(&shown).contains(&unbroken(
            "Assigned Sunday 29 November your time, due Friday 4 December, Seoul time, handed in on 민준's Friday 4 December at 23:30 in Seoul (today at 06:30 your time)."
        )),
        "{shown}"
    );
    assert!(!shown.contains("due yesterday"), "{shown}");
}

/// "Check in on 6 days" set on Sunday 29 November in Los Angeles, due
/// Friday, reached Min-jun on Monday in Seoul, with 5 days left: `homework
/// start` says so, and how to check in for the day gone, which then
/// counts. In Los Angeles, where no day has gone, nothing is said.
#[test]
fn homework_start_says_when_a_check_in_day_has_already_gone() {
    let therapist = Env::new();
    let homework = therapist.home().join("homework.toml");
    at(
        &therapist,
        "America/Los_Angeles",
        "2026-11-29T18:00:00Z",
        &[
            "homework",
            "assign",
            "-o",
            homework.to_str().unwrap(),
            "--therapist",
            "Dr Lee",
            "--due",
            "2026-12-04",
            "--task",
            "check-in=6",
        ],
    );
    let client = Env::new();
    let start = ["homework", "start", homework.to_str().unwrap()];
    let ran = at(&client, "Asia/Seoul", "2026-11-29T19:00:00Z", &start);
    let shown = said(&ran);
    assert!(
        shown.contains(
            "This homework asks you to check in on 6 days by Friday 4 December, and from today to then there are 5, as Sunday 29 November has already gone by your clock. If you can say how a day that has gone was, `relapse-plan"
        ),
        "{shown}"
    );
    assert!(
        shown.contains("check-in --date 2026-11-29` checks in for it."),
        "{shown}"
    );
    at(
        &client,
        "Asia/Seoul",
        "2026-11-29T19:05:00Z",
        &[
            "check-in",
            "--date",
            "2026-11-29",
            "--urge",
            "2",
            "--acted",
            "no",
        ],
    );
    let ran = at(
        &client,
        "Asia/Seoul",
        "2026-11-29T19:06:00Z",
        &["homework", "status"],
    );
    assert!(
        said(&ran).contains("(1 of 6 days checked in"),
        "{}",
        said(&ran)
    );
    // On the therapist's own clock no day has gone.
    let near = Env::new();
    let ran = at(&near, "America/Los_Angeles", "2026-11-29T19:00:00Z", &start);
    assert!(!said(&ran).contains("already gone"), "{}", said(&ran));
}

/// `set --review` is what a person types for the next review (clap once
/// offered `--remove-own-line` for it), and the help says dates are read
/// as people write them, not only as YYYY-MM-DD.
#[test]
fn set_review_is_the_next_review_and_its_help_shows_dates_as_written() {
    let env = plan_in("IE");
    let ran = env.test(["set", "--review", "31/03/2027"]).run();
    assert_eq!(next_review(&env).as_deref(), Some("2027-03-31"));
    assert!(
        said(&ran).contains("next review on 31 March 2027"),
        "{}",
        said(&ran)
    );
    let help = crate::one_line(&env.ok(["set", "--help"]));
    assert!(
        help.contains(
            "When to review it next, as you write dates (31/03/2027, 2027-03-31, \"next Friday\")"
        ),
        "{help}"
    );
}

/// Hồng, in Hà Nội, writes dates as Vietnamese does: "ngày 5 tháng 12 năm
/// 2026", "5 tháng 12", "thứ Sáu tuần sau" (Friday of next week), "ngày
/// mai". None was read, and the hint showed only ISO. Now each is read
/// wherever a date is typed, and what can't be read is shown an example
/// in the form Vietnam writes.
#[test]
fn vietnamese_dates_are_read_where_a_date_is_typed() {
    const HANOI: &str = "Asia/Ho_Chi_Minh";
    let env = Env::new();
    env.ok(["init", "--name", "Hồng", "--country", "VN"]);
    for (typed, want) in [
        ("ngày 5 tháng 12 năm 2026", "2026-12-05"),
        ("5 tháng 12", "2026-12-05"),
        // Sunday 22 November in Hà Nội: next week's Friday.
        ("thứ Sáu tuần sau", "2026-11-27"),
        ("ngày mai", "2026-11-23"),
        ("ngay mai", "2026-11-23"),
    ] {
        let ran = at(&env, HANOI, crate::NOW, &["set", "--next-review", typed]);
        assert!(ran.status.success(), "{typed}: {}", ran.stderr);
        assert_eq!(next_review(&env).as_deref(), Some(want), "{typed}");
    }
    let ran = env
        .test(["set", "--next-review", "abc"])
        .env("TZ", HANOI)
        .status(2)
        .run();
    assert!(
        ran.stderr
            .contains("write it like 31/03/2027, 2027-03-31, or ngày 31 tháng 3 năm 2027"),
        "{}",
        ran.stderr
    );
    // Homework due "thứ Sáu tuần sau", set by her therapist in Hà Nội.
    let homework = env.home().join("homework.toml");
    let ran = at(
        &env,
        HANOI,
        crate::NOW,
        &[
            "homework",
            "assign",
            "-o",
            homework.to_str().unwrap(),
            "--therapist",
            "BS Lan",
            "--due",
            "thứ Sáu tuần sau",
            "--task",
            "map-triggers=1",
        ],
    );
    assert!(ran.status.success(), "{}", ran.stderr);
    let text = std::fs::read_to_string(&homework).unwrap();
    assert!(text.contains("due = 2026-11-27"), "{text}");
}

/// Hồng's "thứ Sáu tuần sau" at the walk-through's "Which date?", in a
/// real terminal: the question shows an example in the form Vietnam
/// writes, and her words are ticked and read back as next week's Friday.
#[cfg(unix)]
#[test]
fn the_walk_through_reads_a_vietnamese_date_and_ticks_it() {
    use crate::keys::Tmux;
    let env = Env::new();
    crate::own_words::draft_with(
        &env,
        relapse_plan::plan::Plan::new("Hồng".into(), Some("VN".into())),
    );
    let t = Tmux::start_in(&env, &["new"], 100, ("Asia/Ho_Chi_Minh", crate::NOW));
    t.wait_for("You have unfinished answers");
    t.keys(&["Enter"]);
    // Vietnam has no checked emergency number nor line: each skipped.
    t.wait_for("Your local emergency number?");
    t.keys(&["Enter"]);
    t.wait_for("The line's name? (Enter skips)");
    t.keys(&["Enter"]);
    t.wait_for("When would you like to review");
    t.keys(&["Down", "Down", "Down", "Enter"]);
    t.wait_for("Which date? (like 31/03/2027, 2027-03-31, or ngày 31 tháng 3 năm 2027)");
    t.type_text("thứ Sáu tuần sau");
    t.keys(&["Enter"]);
    let screen = t.wait_for("Your next review:");
    let lines: Vec<&str> = screen.lines().collect();
    let answered = lines
        .iter()
        .position(|l| l.contains("· thứ Sáu tuần sau"))
        .unwrap_or_else(|| panic!("her words stay on screen: {screen}"));
    assert!(lines[answered].starts_with("✔ Which date?"), "{screen}");
    assert_eq!(
        lines[answered + 1].trim_end(),
        "Your next review: 27 November 2026, a Friday.",
        "{screen}"
    );
    assert!(!screen.contains("couldn't read"), "{screen}");
    t.wait_for("Save my plan");
    t.keys(&["Enter"]);
    t.wait_for("A few words about this version?");
    t.keys(&["Enter"]);
    t.wait_until_ended();
    assert_eq!(next_review(&env).as_deref(), Some("2026-11-27"));
}
