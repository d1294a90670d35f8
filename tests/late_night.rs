//! A check-in after midnight (Niran in Bangkok, Shirin in Tehran): at
//! 00:30 a person up late reports the night still going on. Asked on the
//! terminal, she is asked once which day it is for, tonight the default,
//! and the questions name that day; with flags it is filed on the clock's
//! day, said in words, with how to file it on the day before.

use crate::Env;
use crate::keys::Tmux;

/// 00:30 on Tuesday 1 December in Bangkok (UTC+7).
const AFTER_MIDNIGHT: (&str, &str) = ("Asia/Bangkok", "2026-11-30T17:30:00Z");

fn log(env: &Env) -> String {
    std::fs::read_to_string(env.plan_dir().join("check-ins.toml")).unwrap()
}

/// The cursor starts on neither day (issue 13, Min-jun: it started on
/// tonight, so one stray Enter filed the check-in on yesterday): Enter
/// there says to choose, and ↓ then Enter chooses tonight. This test said
/// tonight was the default, chosen by Enter alone; it now says Enter alone
/// chooses nothing.
#[test]
fn after_midnight_the_check_in_asks_which_day_and_enter_alone_chooses_none() {
    let env = Env::with_example();
    let t = Tmux::start_in(&env, &["check-in"], 100, AFTER_MIDNIGHT);
    let screen =
        t.wait_for("Is this check-in for Monday 30 November (tonight) or Tuesday 1 December?");
    assert!(screen.contains("Monday 30 November (tonight)"), "{screen}");
    assert!(screen.contains("(↓"), "says how to choose: {screen}");
    assert!(!screen.contains("❯"), "no day chosen for her: {screen}");
    t.keys(&["Enter"]);
    let screen = t.wait_for("Which day is this check-in for? Move to one with ↓, then Enter.");
    assert!(!screen.contains("Strongest urge"), "{screen}");
    t.keys(&["Down"]);
    t.keys(&["Enter"]);
    let screen = t.wait_for("Strongest urge on Monday, 0-10?");
    assert!(
        screen.contains("Your check-in for Monday: a few quick questions"),
        "{screen}"
    );
    assert!(!screen.contains("today"), "{screen}");
    t.type_text("6");
    t.keys(&["Enter"]);
    t.wait_for("Did you act on an urge on Monday?");
    t.keys(&["Enter"]);
    t.keys(&["Escape"]);
    t.wait_for("Which of your warning signs showed on Monday?");
    t.keys(&["Enter"]);
    t.wait_for("Which daily maintenance did you do?");
    t.keys(&["Enter"]);
    t.wait_for("Which coping did you use on Monday?");
    t.keys(&["Enter"]);
    t.wait_for("Distress or low mood on Monday");
    t.keys(&["Enter"]);
    t.wait_for("Anything else about Monday");
    t.keys(&["Enter"]);
    t.wait_until_ended();
    let shown = t.scrollback();
    assert!(shown.contains("Checked in for Mon 30 Nov."), "{shown}");
    let saved = log(&env);
    assert!(saved.contains("day = 2026-11-30\n"), "{saved}");
    assert!(saved.contains("urge = 6"), "{saved}");
}

#[test]
fn after_midnight_the_clocks_own_day_can_be_chosen() {
    let env = Env::with_example();
    let t = Tmux::start_in(&env, &["check-in"], 100, AFTER_MIDNIGHT);
    t.wait_for("(tonight) or Tuesday 1 December?");
    // The first ↓ reaches tonight (the cursor starts on neither), the
    // second the clock's day.
    t.keys(&["Down"]);
    t.keys(&["Down"]);
    t.keys(&["Enter"]);
    let screen = t.wait_for("Strongest urge today, 0-10?");
    assert!(!screen.contains("on Monday"), "{screen}");
    t.keys(&["C-c"]);
    t.wait_until_ended();
    let shown = t.scrollback_joined();
    assert!(shown.contains("Stopped."), "{shown}");
}

/// With flags, it is filed on the clock's day, said in words, with how to
/// file it on the day before.
#[test]
fn after_midnight_a_check_in_with_flags_says_its_day_and_how_to_file_it_the_day_before() {
    let env = Env::with_example();
    let ran = env
        .test(["check-in", "--urge", "4", "--acted", "no"])
        .env("TZ", AFTER_MIDNIGHT.0)
        .env("RELAPSE_PLAN_NOW", AFTER_MIDNIGHT.1)
        .run();
    assert!(
        ran.stdout.contains("Checked in for Tue 1 Dec."),
        "{}",
        ran.stdout
    );
    assert!(
        ran.stderr.contains("It is after midnight, so this check-in is for Tuesday 1 December. If it was about Monday 30 November (tonight), `relapse-plan check-in"),
        "{}",
        ran.stderr
    );
    assert!(
        ran.stderr.contains(
            "check-in --move 2026-12-01 --to 2026-11-30` files it there; `--date 2026-11-30` files"
        ),
        "{}",
        ran.stderr
    );
    assert!(log(&env).contains("day = 2026-12-01\n"));
    // Its own way out works: moved, it is Monday's.
    env.test(["check-in", "--move", "2026-12-01", "--to", "2026-11-30"])
        .env("TZ", AFTER_MIDNIGHT.0)
        .env("RELAPSE_PLAN_NOW", AFTER_MIDNIGHT.1)
        .run();
    let saved = log(&env);
    assert!(
        saved.contains("day = 2026-11-30\n") && !saved.contains("2026-12-01\n"),
        "{saved}"
    );
    // At 04:30 the night is over: nothing is said.
    let ran = env
        .test(["check-in", "--urge", "4", "--acted", "no"])
        .env("TZ", AFTER_MIDNIGHT.0)
        .env("RELAPSE_PLAN_NOW", "2026-11-30T21:30:00Z")
        .run();
    assert!(!ran.stderr.contains("after midnight"), "{}", ran.stderr);
}

/// Ctrl-C at the question about the day says what a check-in says: nothing
/// was saved, never "everything you typed is kept".
#[test]
fn ctrl_c_at_the_day_question_says_nothing_was_saved() {
    let env = Env::with_example();
    let t = Tmux::start_in(&env, &["check-in"], 100, AFTER_MIDNIGHT);
    t.wait_for("(tonight) or Tuesday 1 December?");
    t.keys(&["C-c"]);
    t.wait_until_ended();
    let shown = t.scrollback_joined();
    assert!(
        shown.contains("Stopped. Nothing was saved for today"),
        "{shown}"
    );
    assert!(!shown.contains("Everything you typed is kept"), "{shown}");
    assert!(!env.plan_dir().join("check-ins.toml").exists());
}

/// A second check-in for Monday, after midnight: her earlier answer is
/// said as Monday's, never "earlier today" (it was Tuesday by the clock:
/// issue 13).
#[test]
fn after_midnight_an_earlier_answer_is_said_as_that_days() {
    let env = Env::with_example();
    env.test([
        "check-in",
        "--date",
        "2026-11-30",
        "--urge",
        "6",
        "--acted",
        "no",
    ])
    .env("TZ", AFTER_MIDNIGHT.0)
    .env("RELAPSE_PLAN_NOW", AFTER_MIDNIGHT.1)
    .run();
    // Wide enough for the whole question on one line.
    let t = Tmux::start_in(&env, &["check-in"], 160, AFTER_MIDNIGHT);
    t.wait_for("(tonight) or Tuesday 1 December?");
    t.keys(&["Down"]);
    t.keys(&["Enter"]);
    let screen = t.wait_for(
        "Strongest urge on Monday, 0-10? (0 none, 10 the strongest it gets) (earlier on Monday: 6; Enter keeps it)",
    );
    assert!(
        screen.contains("You checked in earlier on Monday"),
        "{screen}"
    );
    assert!(!screen.contains("today"), "{screen}");
    t.keys(&["C-c"]);
    t.wait_until_ended();
}
