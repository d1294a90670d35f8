//! Issue 13, fresh eyes (Yuki in Osaka at 100 and 50 columns; Anjali with
//! a screen reader and `--plain`): keys that do what the screen says in
//! `rank` and `check-in`, a warning sign named as the lists name it, and a
//! trigger's number the same on every screen. In tmux where a key is
//! pressed, as a person would.

use crate::one_line as flat;
use std::fs;

use crate::Env;
use crate::keys::Tmux;

/// The command shown to save a stopped check-in, from the screen.
#[track_caller]
fn command_shown(t: &Tmux) -> String {
    let screen = t.scrollback_joined();
    screen
        .lines()
        .map(str::trim)
        .find_map(|row| row.strip_prefix("relapse-plan "))
        .unwrap_or_else(|| panic!("no command shown:\n{screen}"))
        .to_string()
}

fn check_ins(env: &Env) -> toml::Table {
    toml::from_str(&fs::read_to_string(env.plan_dir().join("check-ins.toml")).unwrap()).unwrap()
}

/// Runs a command as shown on screen, pasted into a shell at `when`.
fn run_as_shown(env: &Env, command: &str, when: &str) {
    env.shell(&format!("\"$0\" {command}"))
        .env_remove("RELAPSE_PLAN_DIR")
        .env("RELAPSE_PLAN_NOW", when)
        .run();
}

/// Yuki answered how strong the urge was and stopped at "did you act on
/// it?": no command was shown, so her answer was lost. Now it is, naming
/// its day, and saying nothing for her about whether she acted; run the
/// next morning, it is filed on the day it was about.
#[test]
fn ctrl_c_before_saying_whether_she_acted_shows_the_command_with_its_day() {
    let env = Env::with_example();
    let t = Tmux::start(&env, &["check-in"], 100);
    t.wait_for("Strongest urge today");
    t.type_text("5");
    t.keys(&["Enter"]);
    t.wait_for("Did you act on an urge today?");
    t.keys(&["C-c"]);
    t.wait_for("--urge 5");
    let screen = flat(&t.scrollback_joined());
    assert!(
        screen.contains("Stopped. Nothing was saved for today. To save what you answered (add --acted partly or --acted yes if you acted on an urge today):"),
        "{screen}"
    );
    let command = command_shown(&t);
    assert!(
        command.starts_with("check-in --date 2026-11-22 --urge 5"),
        "{command}"
    );
    assert!(!command.contains("--acted"), "{command}");
    assert!(!env.plan_dir().join("check-ins.toml").exists());
    run_as_shown(&env, &command, "2026-11-23T09:00:00Z");
    let log = check_ins(&env);
    let entry = &log["check_ins"][0];
    assert_eq!(entry["day"].to_string(), "2026-11-22");
    assert_eq!(entry["urge"].as_integer(), Some(5));
    // She stopped before saying: kept as not said, never as "no".
    assert!(entry.get("acted").is_none(), "{entry}");
}

/// The signs she ticked, and the maintenance ticked on screen when she
/// stopped, were missing from the command.
#[test]
fn ctrl_c_in_a_tick_list_keeps_what_is_ticked_in_the_command() {
    let env = Env::with_example();
    let t = Tmux::start(&env, &["check-in"], 100);
    t.wait_for("Strongest urge today");
    t.type_text("4");
    t.keys(&["Enter"]);
    t.wait_for("Did you act on an urge today?");
    t.type_text("n");
    t.keys(&["Enter"]);
    t.wait_for("Which of your warning signs showed today?");
    t.keys(&["Space"]);
    t.keys(&["Enter"]);
    t.wait_for("Which daily maintenance did you do?");
    t.keys(&["Space"]);
    t.wait_for("[x]");
    t.keys(&["C-c"]);
    t.wait_for("--urge 4");
    let command = command_shown(&t);
    let plan = env.plan();
    let (sign, did) = (&plan.warning_signs[0].text, &plan.maintenance[0].text);
    assert!(
        command.contains(&format!("--sign '{sign}'")) && command.contains("--acted no"),
        "{command}"
    );
    assert!(command.contains(&format!("--did '{did}'")), "{command}");
    run_as_shown(&env, &command, crate::NOW);
    let log = check_ins(&env);
    let entry = &log["check_ins"][0];
    assert_eq!(entry["signs"][0].as_str(), Some(sign.as_str()));
    assert_eq!(entry["did"][0].as_str(), Some(did.as_str()));
}

/// A tick list said "arrow keys … then Enter on your choice", and Enter
/// there ticks nothing: it goes on. It says what Space and Enter do, in
/// the same words with `--plain`.
#[test]
fn a_tick_list_says_space_ticks_and_enter_goes_on() {
    for (args, width) in [(&["check-in"][..], 100), (&["--plain", "check-in"][..], 50)] {
        let env = Env::with_example();
        let t = Tmux::start(&env, args, width);
        t.wait_for("Strongest urge today");
        t.type_text("4");
        t.keys(&["Enter"]);
        t.wait_for("Did you act on an urge today?");
        t.type_text("n");
        t.keys(&["Enter"]);
        let screen = t.wait_for("Which of your warning signs showed today?");
        assert!(
            flat(&screen).contains("(Space ticks, Enter goes on)"),
            "{screen}"
        );
        t.type_text("xyz");
        let screen = t.wait_for("is not in this list");
        let list = &screen[screen.find("Which of your warning signs").unwrap()..];
        // After her words, however they are quoted.
        assert!(
            flat(list).contains("xyz")
                && flat(list).contains(
                    "is not in this list. Space ticks the one under the cursor (or unticks it); Enter goes on."
                ),
            "{args:?}:\n{screen}"
        );
        assert!(
            !list.contains("arrow") && !list.contains('↑'),
            "{args:?}:\n{screen}"
        );
        t.keys(&["Enter"]);
        let screen = t.wait_for("Nothing was ticked by those words");
        assert!(!screen.contains("Which daily maintenance"), "{screen}");
        t.keys(&["C-c"]);
    }
}

/// `show` listed triggers without the numbers `trigger list` and every
/// command give them, and `map` numbered them 1, 2, 3 down the
/// riskiest-first list, so "1" in `map` was another trigger's number.
#[test]
fn map_and_show_number_triggers_as_trigger_list_does() {
    let env = Env::with_example();
    env.ok([
        "trigger",
        "add",
        "--situation",
        "一人の夜",
        "--likelihood",
        "5",
        "--intensity",
        "5",
        "--confidence",
        "0",
    ]);
    let listed = flat(&env.ok(["trigger", "list"]));
    assert!(listed.contains("4. 一人の夜"), "{listed}");
    let shown = flat(&env.ok(["show"]));
    assert!(shown.contains("4. 一人の夜"), "{shown}");
    assert!(shown.contains("1. Friday payday"), "{shown}");
    assert!(
        shown.contains("Each trigger keeps its number (the order you added them)"),
        "{shown}"
    );
    let t = Tmux::start(&env, &["map"], 100);
    let screen = flat(&t.wait_for("Your triggers"));
    assert!(screen.contains("4. 一人の夜"), "{screen}");
    assert!(screen.contains("1. Friday payday"), "{screen}");
    assert!(!screen.contains("1. 一人"), "{screen}");
    t.keys(&["C-c"]);
}

/// Yuki pressed Esc at the second comparison, as the screen said ("Esc
/// stops"), and lost the one she had answered. Her answers are kept as
/// her order, and the screen says so.
#[test]
fn esc_while_comparing_keeps_the_comparisons_answered() {
    let env = Env::with_example();
    let t = Tmux::start(&env, &["rank"], 100);
    t.wait_for("Change their ratings?");
    t.keys(&["Enter"]);
    let screen = flat(&t.wait_for("Compare them now?"));
    assert!(
        screen.contains("Esc stops comparing and keeps the answers you gave."),
        "{screen}"
    );
    t.keys(&["Enter"]);
    t.wait_for("Which of these would be harder for you to handle?");
    // The argument with Jo is harder than Friday payday, her first.
    t.keys(&["Down"]);
    t.keys(&["Enter"]);
    t.wait_for("· An argument with Jo about money");
    t.keys(&["Escape"]);
    let screen = flat(&t.wait_for("Save these changes to your plan?"));
    // The key said as the screen named it: it stopped, nothing skipped.
    assert!(
        screen.contains(
            "· Which of these would be harder for you to handle? · stopped comparing (Esc)"
        ),
        "{screen}"
    );
    assert!(
        screen.contains("Stopped comparing. You put 2 of 3 triggers in order; both are in the order you chose, hardest first: 2. An argument with Jo about money 1. Friday payday, walking past the pub on the way home The other one keeps its place by your ratings."),
        "{screen}"
    );
    t.keys(&["Enter"]);
    t.wait_until_ended();
    let plan = env.plan();
    let rank = |words: &str| {
        plan.triggers
            .iter()
            .find(|t| t.situation.starts_with(words))
            .unwrap()
            .rank
    };
    assert_eq!(rank("An argument"), Some(1));
    assert_eq!(rank("Friday payday"), Some(2));
    assert_eq!(rank("Sunday evening"), None);
}

/// Anjali: `--sign` needed the whole sign, word for word. The number the
/// list shows and a part of its words found in one sign alone name it
/// too; words found in several, or in none, list her signs with their
/// numbers, in her words.
#[test]
fn a_sign_is_named_by_its_number_or_a_part_of_its_words() {
    let env = Env::with_example();
    let signs: Vec<String> = env
        .plan()
        .warning_signs
        .iter()
        .map(|s| s.text.clone())
        .collect();
    env.ok([
        "check-in", "--urge", "3", "--sign", "2", "--sign", "sleeping", "--did", "1",
    ]);
    let log = check_ins(&env);
    let kept: Vec<&str> = log["check_ins"][0]["signs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    assert_eq!(kept, [signs[1].as_str(), signs[0].as_str()]);
    let before = env.snapshot_dir();
    let err = flat(&env.fails(1, ["check-in", "--urge", "3", "--sign", "in"]));
    assert!(
        err.contains("“in” is in more than one of your warning signs: 1 “Skipping meals and sleeping badly”, 2 “Thinking \"one won't matter\"”, 3 “Not answering Alex's messages”; give its number (like --sign 1) or more of its words"),
        "{err}"
    );
    let err = flat(&env.fails(1, ["check-in", "--urge", "3", "--sign", "Feeling great"]));
    assert!(
        err.contains("“Feeling great” is not one of your warning signs, which are: 1 “Skipping meals and sleeping badly”, 2 “Thinking \"one won't matter\"”, 3 “Not answering Alex's messages”; give a number (like --sign 1) or some of its words"),
        "{err}"
    );
    env.fails(1, ["check-in", "--urge", "3", "--sign", "4"]);
    assert_eq!(env.snapshot_dir(), before);
}

/// `--date` files a check-in on a day gone by (the day a stopped
/// check-in was about), read as people write dates; never a day to come.
#[test]
fn a_check_in_can_be_for_a_day_gone_by_but_not_one_to_come() {
    let env = Env::with_example();
    let out = env.ok(["check-in", "--urge", "2", "--date", "20 Nov"]);
    assert!(out.contains("Checked in for Fri 20 Nov"), "{out}");
    assert_eq!(
        check_ins(&env)["check_ins"][0]["day"].to_string(),
        "2026-11-20"
    );
    let err = flat(&env.fails(2, ["check-in", "--urge", "2", "--date", "2026-11-30"]));
    assert!(
        err.contains(
            "a check-in is for today or a day gone by, and 30 November 2026 is still to come"
        ),
        "{err}"
    );
}

/// Yuki: a trigger she rated 4 of 5 on likelihood and urge read "low"
/// beside others rated higher. The word comes from her own ratings by
/// fixed bands (high from 10, medium from 4, low below), shown beside
/// them, never from its place among the others: placed last in her own
/// order it is still "medium", and one placed above it still "low".
#[test]
fn the_priority_word_follows_her_own_ratings_not_its_place() {
    let env = Env::new();
    env.ok(["init", "--country", "JP"]);
    for (situation, l, i, c, rank) in [
        ("給料日", "5", "5", "0", "1"),
        ("一人の夜", "1", "1", "80", "2"),
        ("上司の電話", "4", "4", "40", "3"),
    ] {
        env.ok([
            "trigger",
            "add",
            "--situation",
            situation,
            "--likelihood",
            l,
            "--intensity",
            i,
            "--confidence",
            c,
            "--rank",
            rank,
        ]);
    }
    let listed = env.ok(["trigger", "list"]);
    // Each trigger's Priority cell, its lines joined by "; ".
    let priority = |trigger: &str| {
        let mut cell: Vec<String> = Vec::new();
        let mut inside = false;
        for row in listed.lines() {
            let cells: Vec<&str> = row.split('┆').map(|c| c.trim_matches(['│', ' '])).collect();
            if cells.len() < 4 {
                continue;
            }
            if !cells[0].is_empty() && cells[0].starts_with(|c: char| c.is_ascii_digit()) {
                inside = cells[0] == trigger;
            }
            if inside && !cells[2].is_empty() {
                cell.push(cells[2].to_string());
            }
        }
        cell.join("; ")
    };
    assert_eq!(
        priority("3. 上司の電話"),
        "your #3; medium; likely 4/5; urge 4/5; sure 40%",
        "{listed}"
    );
    assert_eq!(
        priority("2. 一人の夜"),
        "your #2; low; likely 1/5; urge 1/5; sure 80%",
        "{listed}"
    );
    let help = flat(&env.ok(["rank", "--help"]));
    assert!(
        help.contains("shown as high (from 10), medium (from 4) or low beside your own ratings: the word comes from your ratings alone, never from a trigger's place among the others"),
        "{help}"
    );
}
