//! A clock that was ahead, then put right (Trudy, fresh eyes): check-ins
//! are filed on the day the clock says now, one dated in the future is
//! named with its year and can be moved, and days far from today say
//! their year. Fixed clocks (`RELAPSE_PLAN_NOW`) going ahead, then back.

use crate::Env;

/// `relapse-plan ARGS` at `now` (UTC, `TZ=UTC`): (stdout, stderr).
fn at(env: &Env, now: &str, args: &[&str]) -> (String, String) {
    let ran = env.test(args).env("RELAPSE_PLAN_NOW", now).run();
    (ran.stdout, ran.stderr)
}

fn log(env: &Env) -> String {
    std::fs::read_to_string(env.plan_dir().join("check-ins.toml")).unwrap()
}

/// Trudy checked in once with the clock a year ahead; every check-in after
/// it, with the clock right again, was added to that 2027 day: her lapse
/// and urge 8 never reached trends, the early warning stayed silent, and
/// each plan save was "dated 30 November 2027" for a year.
#[test]
fn a_check_in_from_a_clock_a_year_ahead_never_takes_todays() {
    let env = Env::with_example();
    at(
        &env,
        "2026-11-27T20:00:00Z",
        &["check-in", "--urge", "1", "--acted", "no"],
    );
    let (out, _) = at(
        &env,
        "2027-11-29T20:00:00Z",
        &[
            "check-in",
            "--urge",
            "2",
            "--acted",
            "no",
            "--distress",
            "2",
        ],
    );
    // Said on the clock's own day, the year is that year: nothing to add.
    assert!(out.contains("Checked in for Mon 29 Nov."), "{out}");
    at(
        &env,
        "2027-11-29T20:01:00Z",
        &["set", "--next-review", "2027-12-20"],
    );
    // The clock is right again.
    let (out, err) = at(
        &env,
        "2026-11-29T20:00:00Z",
        &[
            "check-in",
            "--urge",
            "8",
            "--acted",
            "yes",
            "--distress",
            "8",
            "--note",
            "bad night",
        ],
    );
    assert!(out.contains("Checked in for Sun 29 Nov."), "{out}");
    assert!(!out.contains("Added to"), "{out}");
    assert!(!err.contains("gone back"), "{err}");
    assert!(
        err.contains("An earlier check-in is dated 29 November 2027, a day still to come: your computer's clock was probably ahead when it was saved. This check-in is for today, 29 November 2026"),
        "{err}"
    );
    assert!(
        err.contains("check-in --move 2027-11-29 --to 2026-11-29"),
        "{err}"
    );
    // The early warning hears the lapse today.
    assert!(out.contains("You noted a lapse on Sun 29 Nov"), "{out}");
    let saved = log(&env);
    assert!(
        saved.contains(
            "day = 2026-11-29\ntimes = [2026-11-29T20:00:00Z]\nurge = 8\nacted = \"yes\""
        ),
        "{saved}"
    );
    let (trends, _) = at(&env, "2026-11-29T20:02:00Z", &["trends", "--plain"]);
    assert!(trends.contains("One lapse, on Sun 29 Nov."), "{trends}");
    assert!(trends.contains("highest 8 on Sun 29 Nov"), "{trends}");
    // A plan saved now is dated now: the save from the clock ahead does
    // not hold every later one at 2027 for a year.
    let (_, err) = at(
        &env,
        "2026-11-29T20:03:00Z",
        &["set", "--next-review", "2026-12-20"],
    );
    assert!(!err.contains("to keep your history in order"), "{err}");
    let plan = env.plan();
    assert_eq!(plan.saved_at.unwrap().to_string(), "2026-11-29T20:03:00Z");
    assert_eq!(plan.revision, 5, "history keeps its order by revision");
}

/// A check-in from the clock ahead, moved to the day it was for, joins
/// that day's: nothing either said is lost, and nothing more is said.
#[test]
fn a_check_in_dated_ahead_is_moved_to_the_day_it_was_for() {
    let env = Env::with_example();
    at(
        &env,
        "2026-11-27T20:00:00Z",
        &["check-in", "--urge", "1", "--acted", "no"],
    );
    at(
        &env,
        "2027-11-29T20:00:00Z",
        &[
            "check-in",
            "--urge",
            "2",
            "--acted",
            "no",
            "--distress",
            "2",
        ],
    );
    // Moved to the day it was for, it joins that day; nothing is lost.
    let (_, err) = at(
        &env,
        "2026-11-29T20:04:00Z",
        &["check-in", "--move", "2027-11-29", "--to", "2026-11-27"],
    );
    assert!(
        err.contains("Moved your check-in of 29 November 2027 to 27 November 2026: it joins the check-in you saved that day"),
        "{err}"
    );
    let saved = log(&env);
    assert!(!saved.contains("day = 2027"), "{saved}");
    assert!(
        saved.contains("day = 2026-11-27\ntimes = [\n    2026-11-27T20:00:00Z,\n    2027-11-29T20:00:00Z,\n]\nurge = 2\nacted = \"no\"\ndistress = 2"),
        "{saved}"
    );
    // Nothing left in the future: nothing more is said.
    let (_, err) = at(
        &env,
        "2026-11-29T21:00:00Z",
        &["check-in", "--urge", "3", "--acted", "no"],
    );
    assert!(!err.contains("still to come"), "{err}");
    // A day with no check-in to move says so.
    let err = String::from_utf8(
        env.test(["check-in", "--move", "2027-11-29", "--to", "2026-11-27"])
            .env("RELAPSE_PLAN_NOW", "2026-11-29T21:00:00Z")
            .status(1)
            .run()
            .err_bytes,
    )
    .unwrap();
    assert!(
        err.contains("there is no check-in on 29 November 2027 to move"),
        "{err}"
    );
}

/// The clock at the very end of what it can say: its own day, never "1
/// January 1970", and that check-in then says its year when the clock is
/// right.
#[test]
fn the_last_moment_a_clock_can_say_is_its_own_day() {
    let env = Env::with_example();
    at(
        &env,
        "2026-11-27T20:00:00Z",
        &["check-in", "--urge", "1", "--acted", "no"],
    );
    let (out, err) = at(
        &env,
        "9999-12-31T23:59:59Z",
        &["check-in", "--urge", "2", "--acted", "no"],
    );
    assert!(!err.contains("1970"), "{err}");
    assert!(out.contains("Checked in for Fri 31 Dec."), "{out}");
    let (out, err) = at(
        &env,
        "2026-11-29T20:00:00Z",
        &["check-in", "--urge", "2", "--acted", "no"],
    );
    assert!(out.contains("Checked in for Sun 29 Nov."), "{out}");
    assert!(err.contains("dated 31 December 9999"), "{err}");
}

/// A clock that says a day before this version was made (1970 after a
/// flat battery) can't be right: the check-in still goes with the last
/// one (issue 12), and a clock a year ahead does not change that.
#[test]
fn a_clock_that_cannot_be_right_still_files_with_the_last_check_in() {
    let env = Env::with_example();
    at(
        &env,
        "2026-11-27T20:00:00Z",
        &["check-in", "--urge", "1", "--acted", "no"],
    );
    let (out, err) = at(
        &env,
        "1970-01-02T10:00:00Z",
        &["check-in", "--urge", "7", "--acted", "no"],
    );
    assert!(err.contains("seems to have gone back"), "{err}");
    assert!(
        out.contains("Added to your check-in for Fri 27 Nov"),
        "{out}"
    );
}

/// Trudy: `check-in --date 1900-01-01` was saved as "Mon 1 Jan". A day
/// more than a year back is refused kindly; one within it says its year
/// when it is not this year's or the last 12 months'.
#[test]
fn a_check_in_more_than_a_year_back_is_refused_and_far_days_say_their_year() {
    let env = Env::with_example();
    let err = String::from_utf8(
        env.test(["check-in", "--urge", "2", "--date", "1900-01-01"])
            .env("RELAPSE_PLAN_NOW", "2026-11-30T12:00:00Z")
            .status(2)
            .run()
            .err_bytes,
    )
    .unwrap();
    assert!(
        err.contains("1 January 1900 is more than a year ago: a check-in is for today or a day in the past year"),
        "{err}"
    );
    assert!(!log_exists(&env), "nothing saved");
    let (out, _) = at(
        &env,
        "2026-11-30T12:00:00Z",
        &["check-in", "--urge", "2", "--date", "2025-12-01"],
    );
    // Last year's, so with its year (Trudy, round 5).
    assert!(out.contains("Checked in for Mon 1 Dec 2025."), "{out}");
    let (out, _) = at(
        &env,
        "2026-11-30T12:00:00Z",
        &["check-in", "--urge", "2", "--date", "2026-11-30"],
    );
    assert!(out.contains("Checked in for Mon 30 Nov."), "{out}");
    // A year of check-ins: its ends carry their years.
    let (trends, _) = at(&env, "2026-11-30T12:00:00Z", &["trends", "--days", "365"]);
    assert!(
        trends.contains("Your check-ins, Mon 1 Dec 2025 to Mon 30 Nov 2026"),
        "{trends}"
    );
    let (trends, _) = at(
        &env,
        "2026-11-30T12:00:00Z",
        &["trends", "--days", "365", "--plain"],
    );
    assert!(
        trends.contains("from Mon 1 Dec 2025 to Mon 30 Nov 2026"),
        "{trends}"
    );
}

fn log_exists(env: &Env) -> bool {
    env.plan_dir().join("check-ins.toml").exists()
}

/// Two check-ins from a clock ahead are both named, with their years.
#[test]
fn every_check_in_dated_ahead_is_named() {
    let env = Env::with_example();
    for now in ["2027-11-29T20:00:00Z", "2028-01-05T20:00:00Z"] {
        at(&env, now, &["check-in", "--urge", "2", "--acted", "no"]);
    }
    let (out, err) = at(
        &env,
        "2026-11-29T20:00:00Z",
        &["check-in", "--urge", "3", "--acted", "no"],
    );
    assert!(out.contains("Checked in for Sun 29 Nov."), "{out}");
    assert!(
        err.contains("2 earlier check-ins are dated in days still to come (29 November 2027, 5 January 2028): your computer's clock was probably ahead when they were saved."),
        "{err}"
    );
    assert!(err.contains("To move each to the day it was for"), "{err}");
}
