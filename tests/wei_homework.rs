//! Homework as Wei (Taipei, 50 columns) and his therapist Dr Lin (Los
//! Angeles) live it, fresh eyes round 14 (homework14d, issues 12 and 13):
//! what is counted and said is what happened, on both clocks, in words a
//! therapist reads, at every width.

use crate::one_line;
use std::fs;
use std::path::{Path, PathBuf};

use crate::Env;

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples")
}

/// The example hand-in with Alex's number holding characters that do not
/// show: a right-to-left override, a zero-width space and an isolate.
fn hand_in_with_a_hidden_number(env: &Env) -> PathBuf {
    let text = fs::read_to_string(examples().join("hand-in.toml"))
        .unwrap()
        .replace(
            "phone = \"+44 7700 900123\"",
            "phone = \"+44 7700\\u202E\\u200B\\u2066900123\\u202C\"",
        );
    let path = env.home().join("hand-in.toml");
    fs::write(&path, text).unwrap();
    path
}

/// Before: at 50 columns the written-out number in "Worth talking about"
/// ran past the edge (a terminal cuts it there). Now every line of the
/// review fits, the number is all there, read across the lines.
#[test]
fn every_line_of_a_review_fits_50_columns() {
    let dr_lin = Env::new();
    let file = hand_in_with_a_hidden_number(&dr_lin);
    let review = dr_lin
        .test(["review", file.to_str().unwrap()])
        .env("COLUMNS", "50")
        .run()
        .stdout;
    let over: Vec<&str> = review
        .lines()
        .filter(|l| textwrap::core::display_width(l) > 50)
        .collect();
    assert_eq!(over, Vec::<&str>::new(), "{review}");
    let talk = &review[review.find("Worth talking about").unwrap()..];
    let joined: String = talk.lines().map(str::trim).collect();
    assert!(
        joined.contains(r"(+44 7700\u{202e}\u{200b}\u{2066}900123\u{202c})"),
        "{review}"
    );
}

/// Before: `validate` said "reads cleanly", then listed a number that may
/// dial differently from how it reads. Now the first line says there is a
/// thing to check, and lists it under it; a homework file whose name hides
/// characters says the same; a clean one still reads cleanly.
#[test]
fn validate_says_reads_cleanly_only_when_nothing_follows() {
    let env = Env::new();
    let file = hand_in_with_a_hidden_number(&env);
    let out = env.test(["validate", file.to_str().unwrap()]).run();
    let first = out.stdout.lines().next().unwrap_or_default();
    assert!(
        first.ends_with("not a plan. It reads, with one thing to check:"),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("cleanly"), "{}", out.stdout);
    assert!(
        out.stdout.contains(
            "  - Line 265: the phone number of “Alex (sponsor)” holds characters that do not show"
        ),
        "{}",
        out.stdout
    );
    let homework = env.home().join("hw.toml");
    fs::write(
        &homework,
        fs::read_to_string(examples().join("homework.toml"))
            .unwrap()
            .replace(
                "therapist = \"Dr Patel\"",
                "therapist = \"Dr \\u202EPatel\"",
            ),
    )
    .unwrap();
    let out = env.test(["validate", homework.to_str().unwrap()]).run();
    assert!(!out.stdout.contains("cleanly"), "{}", out.stdout);
    assert!(
        out.stdout.contains(": 6 tasks, due 29 November 2026. It reads, with one thing to check:\n  - Line 10: the therapist's name (“Dr \\u{202e}Patel”) holds characters that do not show"),
        "{}",
        out.stdout
    );
    let clean = env
        .test([
            "validate",
            examples().join("homework.toml").to_str().unwrap(),
        ])
        .run();
    assert!(
        clean.stdout.contains("and it reads cleanly: 6 tasks"),
        "{}",
        clean.stdout
    );
}

/// Dr Lin's homework for Wei, with one short note and no title of its own.
fn dr_lin_assigns(when: &str, due: &str, tasks: &[&str]) -> (Env, PathBuf) {
    let dr_lin = Env::new();
    let file = dr_lin.home().join("homework.toml");
    let mut args = vec![
        "homework",
        "assign",
        "-o",
        file.to_str().unwrap(),
        "--therapist",
        "林醫師",
        "--client",
        "Wei",
        "--due",
        due,
        "--message",
        "每天晚上做",
    ];
    for task in tasks {
        args.extend(["--task", task]);
    }
    dr_lin
        .test(&args)
        .env("TZ", "America/Los_Angeles")
        .env("RELAPSE_PLAN_NOW", when)
        .run();
    (dr_lin, file)
}

/// Before: `homework start` headed the homework with the note as its
/// title, then showed the note: "每天晚上做" twice. Now once, under a
/// heading that names the homework by the day it was set.
#[test]
fn homework_start_shows_the_note_once() {
    let (_dr_lin, file) = dr_lin_assigns("2026-11-28T18:00:00Z", "2026-12-05", &["check-in=2"]);
    let wei = Env::new();
    let started = wei
        .test(["homework", "start", file.to_str().unwrap()])
        .env("TZ", "Asia/Taipei")
        .env("RELAPSE_PLAN_NOW", "2026-11-29T02:00:00Z")
        .run()
        .stdout;
    assert_eq!(started.matches("每天晚上做").count(), 1, "{started}");
    assert!(
        one_line(&started).contains("Homework from 林醫師, set on 28 November 2026, due"),
        "{started}"
    );
}

/// Before: Wei got the homework Dr Lin set on Sunday 29 November, added
/// three warning signs that evening (Taipei), started it just before
/// midnight, and read "0 of 3 new warning signs since 29 November 2026".
/// What is added after it was set counts, before `homework start` too, as
/// the words say; what was in the plan when she set it (a sign added in
/// the session, before) does not.
#[test]
fn what_was_added_after_it_was_set_counts_near_midnight_in_taipei() {
    // 07:30 on Sunday 29 November in Los Angeles: 23:30 in Taipei.
    let (_dr_lin, file) = dr_lin_assigns(
        "2026-11-29T15:30:00Z",
        "2026-12-06",
        &["add-warning-signs=3"],
    );
    let wei = Env::new();
    let at = |when: &str, args: &[&str]| {
        wei.test(args)
            .env("TZ", "Asia/Taipei")
            .env("RELAPSE_PLAN_NOW", when)
            .run()
    };
    at("2026-11-29T12:00:00Z", &["init", "--name", "Wei"]);
    // 23:20 in Taipei, in the session: before the homework was set.
    at("2026-11-29T15:20:00Z", &["warning-sign", "add", "不接電話"]);
    // 23:40 to 23:50 in Taipei, after it was set.
    for (when, sign) in [
        ("2026-11-29T15:40:00Z", "睡不著"),
        ("2026-11-29T15:45:00Z", "不想吃飯"),
        ("2026-11-29T15:50:00Z", "不回訊息"),
    ] {
        at(when, &["warning-sign", "add", sign]);
    }
    // Started at 23:55 in Taipei; looked at five minutes after midnight.
    at(
        "2026-11-29T15:55:00Z",
        &["homework", "start", file.to_str().unwrap()],
    );
    let status = one_line(&at("2026-11-29T16:05:00Z", &["homework", "status"]).stdout);
    assert!(
        status.contains(
            "done add at least 3 new warning signs (3 new warning signs since 29 November 2026)"
        ),
        "{status}"
    );
}

/// Before: Dr Lin's review said "rank your triggers" of Wei's triggers,
/// and showed the confidence of each rehearsal but not what Wei wrote he
/// would do. Now the tasks name the client as the homework does (or say
/// "their"), and each answer is shown under its trigger, as written,
/// dated, and wrapped to the width.
#[test]
fn review_names_the_client_and_shows_what_they_would_do() {
    let dr_lin = Env::new();
    let text = fs::read_to_string(examples().join("hand-in.toml"))
        .unwrap()
        .replace(
            "response = \"Walk the canal way\"",
            "response = \"走河邊那條路回家，打電話給阿明\\u202E\"",
        );
    let named = dr_lin.home().join("named.toml");
    fs::write(&named, &text).unwrap();
    let review = dr_lin
        .test(["review", named.to_str().unwrap()])
        .env("COLUMNS", "50")
        .run()
        .stdout;
    let tasks = one_line(&review[..review.find("What changed").unwrap()]);
    assert!(!tasks.contains("your"), "{review}");
    assert!(tasks.contains("done rank Sam's triggers"), "{review}");
    assert!(
        tasks.contains("done review Sam's safer environment (1 change)"),
        "{review}"
    );
    assert!(
        one_line(&review).contains(
            "2 rehearsals confidence ▃▃▅ 40% → 60% rated 40% before rehearsing (earlier than shown here) what Sam would do (Wed 25 Nov): “走河邊那條路回家，打電話給阿明\\u{202e}”"
        ),
        "{review}"
    );
    assert!(
        review
            .lines()
            .all(|l| textwrap::core::display_width(l) <= 50),
        "{review}"
    );
    // A homework that names no client: "their", "they".
    let unnamed = dr_lin.home().join("unnamed.toml");
    fs::write(&unnamed, text.replace("client = \"Sam\"\n", "")).unwrap();
    let review = one_line(&dr_lin.ok(["review", unnamed.to_str().unwrap()]));
    assert!(review.contains("done rank their triggers"), "{review}");
    assert!(
        review.contains("what they would do (Wed 25 Nov):"),
        "{review}"
    );
}

/// Before: Dr Lin in Los Angeles read "handed in today at 08:30" and Wei's
/// rehearsal "(Sun 29 Nov)" of what was Monday 30 November, just after
/// midnight, in Taipei, beside check-ins on Wei's own days: two clocks,
/// unsaid. Now the hand-in carries Wei's zone; the moment it was handed in
/// is said on both clocks, and every day after it is Wei's, said so once.
#[test]
fn review_says_whose_day_it_is_across_time_zones() {
    let (dr_lin, file) = dr_lin_assigns(
        "2026-11-28T18:00:00Z",
        "2026-12-05",
        &["rehearse-top=1x1", "check-in=1"],
    );
    let wei = Env::with_example();
    let at = |when: &str, args: &[&str]| {
        wei.test(args)
            .env("TZ", "Asia/Taipei")
            .env("RELAPSE_PLAN_NOW", when)
            .run()
    };
    at(
        "2026-11-28T20:10:00Z",
        &["homework", "start", file.to_str().unwrap()],
    );
    // 00:10 and 00:15 on Monday 30 November in Taipei: still Sunday in
    // Los Angeles (08:10) and in UTC.
    at(
        "2026-11-29T16:10:00Z",
        &[
            "rehearse",
            "payday",
            "--recalled",
            "all",
            "--confidence",
            "70",
            "--response",
            "打電話給阿明",
        ],
    );
    at(
        "2026-11-29T16:15:00Z",
        &["check-in", "--urge", "3", "--acted", "no"],
    );
    let hand_in = wei.home().join("hand-in.toml");
    at(
        "2026-11-29T16:30:00Z",
        &[
            "homework",
            "submit",
            "-o",
            hand_in.to_str().unwrap(),
            "--yes",
        ],
    );
    assert!(
        fs::read_to_string(&hand_in)
            .unwrap()
            .contains("zone = \"Asia/Taipei\"\n")
    );
    // Dr Lin reads it at 20:00 that Sunday in Los Angeles.
    let review = one_line(
        &dr_lin
            .test(["review", hand_in.to_str().unwrap()])
            .env("TZ", "America/Los_Angeles")
            .env("RELAPSE_PLAN_NOW", "2026-11-30T04:00:00Z")
            .run()
            .stdout,
    );
    assert!(
        review.contains("handed in on Wei's Monday 30 November at 00:30 in Taipei (today at 08:30 your time). Days and times here are Wei's, in Taipei."),
        "{review}"
    );
    assert!(
        review.contains("what Wei would do (Mon 30 Nov): “打電話給阿明”"),
        "{review}"
    );
    assert!(review.contains("Mon 30 Nov: urge 3"), "{review}");
    assert!(!review.contains("Sun 29 Nov"), "{review}");
    // On the same clock, nothing more is said.
    let same = one_line(
        &wei.test(["review", hand_in.to_str().unwrap()])
            .env("TZ", "Asia/Taipei")
            .env("RELAPSE_PLAN_NOW", "2026-11-30T04:00:00Z")
            .run()
            .stdout,
    );
    assert!(same.contains("handed in today at 00:30."), "{same}");
    assert!(!same.contains("Days and times here"), "{same}");
}
