//! Homework and hand-ins as fresh eyes found them (homework16d, issues 12
//! and 13): a hand-in's zone its own times contradict, `Etc/GMT-14` shown
//! backwards, an early hand-in with work not done, a late-night check-in
//! told "today", and a due date echoed only at the end of the form.

use std::fs;
use std::path::{Path, PathBuf};

use crate::Env;
use crate::keys::Tmux;
use crate::wei::{one_line, wait_said};

/// The example hand-in (Sam's, for Dr Patel) with `edits` made to its
/// text, written in `env`'s home.
fn example_hand_in(env: &Env, edits: &[(&str, &str)]) -> PathBuf {
    let mut text =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/hand-in.toml"))
            .unwrap();
    for (from, to) in edits {
        assert_eq!(text.matches(from).count(), 1, "{from:?} once");
        text = text.replace(from, to);
    }
    let path = env.home().join("hand-in.toml");
    fs::write(&path, text).unwrap();
    path
}

/// Before: a hand-in naming Los Angeles whose times were written at
/// +08:00 was read as Los Angeles days ("Saturday 28 November at 10:00 in
/// Los Angeles"), without a word. Now the therapist is told once, plainly,
/// and the days are the ones its times prove (UTC+8: Sunday, 02:00).
#[test]
fn a_zone_its_own_times_contradict_is_said_and_not_trusted() {
    let env = Env::new();
    let file = example_hand_in(
        &env,
        &[
            ("zone = \"UTC\"", "zone = \"America/Los_Angeles\""),
            (
                "submitted_at = 2026-11-28T18:00:00Z",
                "submitted_at = 2026-11-29T02:00:00+08:00",
            ),
        ],
    );
    let review = env
        .test(["review", file.to_str().unwrap()])
        .env("TZ", "Europe/Dublin")
        .env("RELAPSE_PLAN_NOW", "2026-11-29T12:00:00Z")
        .run()
        .stdout;
    let said = one_line(&review);
    assert!(
        said.contains("handed in on Sam's Sunday 29 November at 02:00 in UTC+8"),
        "{review}"
    );
    assert!(
        said.contains("Check the time zone: this hand-in names Los Angeles as the client's time zone, but its times were written at UTC+8, and Los Angeles was UTC-8 then. Days and times here are Sam's, in UTC+8, as its times show."),
        "{review}"
    );
    assert_eq!(said.matches("Check the time zone").count(), 1, "{review}");
    assert!(!said.contains("in Los Angeles"), "{review}");

    // Times on two different clocks, neither Los Angeles: UTC, said so.
    let file = example_hand_in(
        &env,
        &[
            ("zone = \"UTC\"", "zone = \"America/Los_Angeles\""),
            (
                "submitted_at = 2026-11-28T18:00:00Z",
                "submitted_at = 2026-11-29T02:00:00+08:00",
            ),
            (
                "times = [2026-11-27T21:00:00Z]",
                "times = [2026-11-28T06:00:00+09:00]",
            ),
        ],
    );
    let said = one_line(
        &env.test(["review", file.to_str().unwrap()])
            .env("TZ", "Europe/Dublin")
            .env("RELAPSE_PLAN_NOW", "2026-11-29T12:00:00Z")
            .run()
            .stdout,
    );
    assert!(
        said.contains(
            "and its times do not all carry the same offset. Days and times here are in UTC."
        ),
        "{said}"
    );
    assert!(
        said.contains("Saturday 28 November at 18:00 in UTC"),
        "{said}"
    );
}

/// What `submit` writes (UTC moments, her named zone) is never doubted.
#[test]
fn a_hand_in_in_utc_with_a_named_zone_raises_no_doubt() {
    let env = Env::new();
    let file = example_hand_in(&env, &[("zone = \"UTC\"", "zone = \"Asia/Taipei\"")]);
    let said = one_line(&env.ok(["review", file.to_str().unwrap()]));
    assert!(!said.contains("Check the time zone"), "{said}");
    assert!(
        said.contains("Days and times here are Sam's, in Taipei."),
        "{said}"
    );
}

/// Before: `Etc/GMT-14` was shown as "GMT-14", the wrong way round (POSIX
/// names count west as plus). Now it is the offset people read, UTC+14;
/// a place is still its name.
#[test]
fn an_etc_zone_is_shown_as_its_real_offset() {
    let env = Env::new();
    let file = example_hand_in(&env, &[("zone = \"UTC\"", "zone = \"Etc/GMT-14\"")]);
    let said = one_line(&env.ok(["review", file.to_str().unwrap()]));
    assert!(
        said.contains("handed in on Sam's Sunday 29 November at 08:00 in UTC+14"),
        "{said}"
    );
    assert!(
        said.contains("Days and times here are Sam's, in UTC+14."),
        "{said}"
    );
    assert!(!said.contains("GMT"), "{said}");
    let file = example_hand_in(&env, &[("zone = \"UTC\"", "zone = \"Etc/GMT+5\"")]);
    let said = one_line(&env.ok(["review", file.to_str().unwrap()]));
    assert!(said.contains("in UTC-5"), "{said}");
    let file = example_hand_in(&env, &[("zone = \"UTC\"", "zone = \"Pacific/Auckland\"")]);
    let said = one_line(&env.ok(["review", file.to_str().unwrap()]));
    assert!(
        said.contains("Days and times here are Sam's, in Auckland."),
        "{said}"
    );
}

/// Before: the form said the due date it understood only in its last
/// line. Now it is said back at once, weekday and month in words, before
/// the next question.
#[test]
fn the_form_says_the_due_date_back_as_soon_as_it_is_typed() {
    let env = Env::new();
    let out = env.home().join("hw.toml");
    let t = Tmux::start(
        &env,
        &["homework", "assign", "-o", out.to_str().unwrap()],
        50,
    );
    t.wait_for("Your name, as your client knows you");
    t.type_text("Dr Lin");
    t.keys(&["Enter"]);
    t.wait_for("Your client's first name");
    t.type_text("Wei");
    t.keys(&["Enter"]);
    t.wait_for("Due date");
    t.type_text("2026-12-10");
    t.keys(&["Enter"]);
    t.wait_for("A note for your client");
    let screen = wait_said(&t, "A note for your client");
    let due = screen.find("Due Thursday 10 December, in 18 days.");
    let note = screen.find("A note for your client");
    assert!(due.is_some() && due < note, "{screen}");
}

/// Before: at 00:30 on Monday, a check-in she said was for Sunday night
/// (tonight) answered a lapse with "You acted on an urge today". Now the
/// words follow the day it is for, as its questions do.
#[test]
fn a_late_night_check_in_for_the_night_before_says_that_day() {
    let env = Env::with_example();
    let t = Tmux::start_in(
        &env,
        &["check-in"],
        80,
        ("Asia/Taipei", "2026-11-29T16:30:00Z"),
    );
    t.wait_for("Is this check-in for");
    // The question starts on neither day (dates16h): ↓ to tonight.
    t.keys(&["Down", "Enter"]);
    t.wait_for("Strongest urge on Sunday");
    t.type_text("6");
    t.keys(&["Enter"]);
    t.wait_for("Did you act on an urge on Sunday?");
    t.type_text("y");
    t.keys(&["Enter"]);
    let screen = wait_said(&t, "You acted on an urge");
    assert!(
        screen.contains("You acted on an urge on Sunday"),
        "{screen}"
    );
    assert!(!screen.contains("urge today"), "{screen}");
    t.keys(&["C-c"]);
    t.wait_until_ended();
}

/// Before: `check-in --date` for a day gone by with `--acted yes` said
/// "You acted on an urge today". Now it names the day.
#[test]
fn a_check_in_for_another_day_says_that_day() {
    let env = Env::with_example();
    let out = env
        .test([
            "check-in",
            "--urge",
            "4",
            "--acted",
            "yes",
            "--date",
            "2026-11-20",
        ])
        .run()
        .stdout;
    let said = one_line(&out);
    assert!(said.contains("You acted on an urge on Friday"), "{out}");
    assert!(!said.contains("urge today"), "{out}");
    let out = env
        .test(["check-in", "--urge", "4", "--acted", "yes"])
        .run()
        .stdout;
    assert!(
        one_line(&out).contains("You acted on an urge today"),
        "{out}"
    );
}

/// The example plan with the example homework (set 22 November, due 29
/// November) started: most of its tasks not done yet.
fn homework_under_way() -> Env {
    let env = Env::with_example();
    let homework = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/homework.toml");
    env.ok(["homework", "start", homework.to_str().unwrap()]);
    env
}

/// Before: `homework submit` a week early, with most tasks not done,
/// asked only "Write it?" after a preview that had scrolled away, and
/// finished the homework. Now what is not done is said right before the
/// question, with what handing it in now means; no writes nothing and
/// loses nothing.
#[test]
fn an_early_hand_in_says_what_is_not_done_before_asking() {
    let env = homework_under_way();
    let out = env.home().join("hand-in.toml");
    let t = Tmux::start_in(
        &env,
        &["homework", "submit", "-o", out.to_str().unwrap()],
        80,
        ("UTC", crate::NOW),
    );
    t.wait_for("Write it?");
    let screen = one_line(&t.scrollback_joined());
    let said = "Not done yet, and it is due 29 November: map at least 4 new triggers; add at least 2 new help contacts;";
    let (left, asked) = (screen.rfind(said), screen.rfind("Write it?"));
    assert!(left.is_some() && left < asked, "{screen}");
    assert!(
        screen.contains("Handing it in now finishes this homework"),
        "{screen}"
    );
    t.keys(&["n", "Enter"]);
    t.wait_until_ended();
    assert!(!out.exists());
    let status = one_line(&env.ok(["homework", "status"]));
    assert!(!status.contains("you handed it in"), "{status}");
}

/// Without a question (`--yes`, as a script runs it) an early hand-in is
/// written, and what was not done is said; once due, nothing more is.
#[test]
fn a_scripted_early_hand_in_is_written_and_says_what_was_not_done() {
    let env = homework_under_way();
    let out = env.home().join("hand-in.toml");
    let ran = env
        .test(["homework", "submit", "-o", out.to_str().unwrap(), "--yes"])
        .run();
    assert!(out.exists());
    assert!(
        one_line(&ran.stderr).contains("Handed in before it is due (29 November), with these not done yet: map at least 4 new triggers; add at least 2 new help contacts;"),
        "{}",
        ran.stderr
    );
    let on_the_day = homework_under_way();
    let out = on_the_day.home().join("hand-in.toml");
    let ran = on_the_day
        .test(["homework", "submit", "-o", out.to_str().unwrap(), "--yes"])
        .env("RELAPSE_PLAN_NOW", "2026-11-29T10:00:00Z")
        .run();
    assert!(out.exists());
    assert!(!ran.stderr.contains("not done yet"), "{}", ran.stderr);
}

/// `validate` lists a zone the hand-in's own times contradict as a thing
/// to check, at its line, never "reads cleanly" above it.
#[test]
fn validate_lists_a_zone_its_times_contradict() {
    let env = Env::new();
    let file = example_hand_in(
        &env,
        &[
            ("zone = \"UTC\"", "zone = \"America/Los_Angeles\""),
            (
                "submitted_at = 2026-11-28T18:00:00Z",
                "submitted_at = 2026-11-29T02:00:00+08:00",
            ),
        ],
    );
    let out = env.ok(["validate", file.to_str().unwrap()]);
    assert!(!out.contains("cleanly"), "{out}");
    assert!(
        out.contains("  - Line 4: the time zone “America/Los_Angeles” is not the one its times were written in (UTC+8, where America/Los_Angeles was UTC-8), so `review` shows its days in UTC+8"),
        "{out}"
    );
}
