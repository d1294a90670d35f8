//! Therapist homework, both sides, on two separate plan folders with a
//! fixed clock: assign → start → work → status → submit → review.

use crate::one_line as flat;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use crate::Env;

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples")
}

/// The client side: the example plan, the example homework started, then a
/// week of work. Returns the client's environment.
pub(crate) fn client_week() -> Env {
    let client = Env::with_example();
    // Practice from before the assignment must never reach the hand-in.
    client
        .test([
            "rehearse",
            "payday",
            "--recalled",
            "none",
            "--confidence",
            "20",
        ])
        .env("RELAPSE_PLAN_NOW", "2026-11-20T09:00:00Z")
        .run();
    // Nor a check-in from before it.
    client
        .test(["check-in", "--urge", "9", "--acted", "yes"])
        .env("RELAPSE_PLAN_NOW", "2026-11-20T10:00:00Z")
        .run();
    client.ok([
        "homework",
        "start",
        examples().join("homework.toml").to_str().unwrap(),
    ]);
    let at = |when: &str, args: &[&str]| {
        client.test(args).env("RELAPSE_PLAN_NOW", when).run();
    };
    at(
        "2026-11-24T19:00:00Z",
        &[
            "trigger",
            "add",
            "--id",
            "sunday-lunch",
            "--situation",
            "Sunday lunch at my parents'",
            "--category",
            "social-pressure",
            "--likelihood",
            "3",
            "--intensity",
            "3",
            "--confidence",
            "60",
            "--coping",
            "urge-surf",
        ],
    );
    at(
        "2026-11-24T19:05:00Z",
        &["safety", "add", "Alex keeps my spare bank card"],
    );
    at(
        "2026-11-25T08:00:00Z",
        &[
            "rehearse",
            "payday",
            "--recalled",
            "some",
            "--confidence",
            "40",
            "--response",
            "Walk the canal way",
        ],
    );
    at(
        "2026-11-26T08:00:00Z",
        &[
            "rehearse",
            "payday",
            "--recalled",
            "all",
            "--confidence",
            "60",
        ],
    );
    at(
        "2026-11-26T09:00:00Z",
        &["surf", "--ratings", "7,8,5,3", "--trigger", "payday"],
    );
    check_in_week(&client);
    client
}

/// A week of check-ins, signs rising then easing, with one lapse.
fn check_in_week(client: &Env) {
    for (when, urge, acted, distress, sign, note) in [
        ("2026-11-23T21:00:00Z", "3", "no", "2", "", "A quiet day"),
        (
            "2026-11-24T21:00:00Z",
            "5",
            "no",
            "4",
            "skipping meals and sleeping badly",
            "",
        ),
        (
            "2026-11-25T21:00:00Z",
            "7",
            "no",
            "6",
            "skipping meals and sleeping badly",
            "Payday tomorrow",
        ),
        (
            "2026-11-26T21:00:00Z",
            "8",
            "partly",
            "7",
            "skipping meals and sleeping badly",
            "Had two, then walked home",
        ),
        ("2026-11-27T21:00:00Z", "4", "no", "3", "", "Talked to Alex"),
    ] {
        let mut args = vec![
            "check-in",
            "--urge",
            urge,
            "--acted",
            acted,
            "--distress",
            distress,
        ];
        if !sign.is_empty() {
            args.extend(["--sign", sign]);
        }
        if !note.is_empty() {
            args.extend(["--note", note]);
        }
        client.test(&args).env("RELAPSE_PLAN_NOW", when).run();
    }
}

/// Priya's screen reader read 190 lines of TOML before "Write it?": the
/// preview says in words what goes in, her notes verbatim and her people
/// by name, and the file itself is one pasteable command away.
#[test]
fn submit_shows_what_goes_in_in_her_words() {
    let client = client_week();
    let (_, text) = submit(&client);
    let shown = client
        .test(["homework", "submit", "-o", "-", "--yes"])
        .env("RELAPSE_PLAN_NOW", "2026-11-28T18:00:00Z")
        .run();
    let flat = shown
        .stderr
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for part in [
        "People, with their numbers: “Alex (sponsor)”, “Priya”, “Dr Patel, Riverside Surgery”.",
        "Marked not to involve: “Dave from the Crown”.",
        "5 crisis steps,",
        "This is what the hand-in will hold",
        "“Had two, then walked home”",
        "Talked to Alex",
        "added trigger “Sunday lunch at my parents'”",
        "rank your triggers",
    ] {
        assert!(flat.contains(part), "{part:?} not in:\n{}", shown.stderr);
    }
    // `-o -` is the file itself, on standard output, and nothing written.
    // Handed in once already, it is a second hand-in: it says which one it
    // replaces, as version 6 (days18b); the rest is the same.
    let printed = shown.stdout;
    assert!(printed.starts_with("schema_version = 6\n"), "{printed}");
    assert!(
        printed.contains("\nreplaces = 2026-11-28T18:00:00Z\n"),
        "{printed}"
    );
    let same = |l: &&str| {
        !l.starts_with("submitted_at")
            && !l.starts_with("replaces")
            && !l.starts_with("schema_version")
    };
    assert_eq!(
        printed.lines().filter(same).collect::<Vec<_>>(),
        text.lines().filter(same).collect::<Vec<_>>()
    );
    assert!(text.starts_with("schema_version = 5\n"), "{text}");
}

fn submit(client: &Env) -> (PathBuf, String) {
    let file = client.home().join("hand-in.toml");
    let output = client
        .test(["homework", "submit", "-o", file.to_str().unwrap(), "--yes"])
        .env("RELAPSE_PLAN_NOW", "2026-11-28T18:00:00Z")
        .run();
    let text = fs::read_to_string(&file).unwrap();
    let shown = output.stderr;
    // What goes in is shown first in words (Priya's screen reader read out
    // 190 lines of TOML here): her notes verbatim, her people named, the
    // tasks; never the file's syntax, ids or UTC times.
    let flat = shown.split_whitespace().collect::<Vec<_>>().join(" ");
    for part in [
        "will hold, in words",
        "Your homework",
        "Your plan as it is now",
        "What changed",
        "Check-ins",
    ] {
        assert!(flat.contains(part), "{part:?} not shown first:\n{shown}");
    }
    for raw in ["schema_version", "[[", "sunday-lunch", "Z\n", "= \""] {
        assert!(!shown.contains(raw), "{raw:?} shown:\n{shown}");
    }
    assert!(shown.contains("private health information"));
    (file, text)
}

#[test]
#[allow(clippy::too_many_lines)] // one journey, told in order
fn a_whole_homework_cycle_on_two_plan_folders() {
    // The therapist needs no plan of their own.
    let therapist = Env::new();
    let homework = therapist.home().join("homework.toml");
    therapist.ok([
        "homework",
        "assign",
        "-o",
        homework.to_str().unwrap(),
        "--therapist",
        "Dr Patel",
        "--client",
        "Sam",
        "--due",
        "2026-11-29",
        "--message",
        "Take it gently; bring questions.",
        "--task",
        "map-triggers=4",
        "--task",
        "rank-triggers",
        "--task",
        "add-help-contacts=2",
        "--task",
        "rehearse-top=2x2",
        "--task",
        "practise-urge-surfing=1",
        "--task",
        "review-safer-environment",
    ]);
    let example = fs::read_to_string(examples().join("homework.toml")).unwrap();
    let written = fs::read_to_string(&homework).unwrap();
    assert!(
        example.ends_with(&written),
        "examples/homework.toml is what the tool writes:\n{written}"
    );

    let client = client_week();
    let status = client
        .test(["homework", "status"])
        .env("RELAPSE_PLAN_NOW", "2026-11-27T09:00:00Z")
        .run();
    let status = String::from_utf8(status.bytes).unwrap();
    assert!(
        status.contains("Homework from Dr Patel, “Take it gently; bring questions.”, due Sunday 29\nNovember (2 days left):"),
        "{status}"
    );
    // Task lines wrap to the width (80 here), words under words: read
    // them as one line each.
    let flat = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    for line in [
        "not yet map at least 4 new triggers (1 of 4 new triggers since 22 November 2026)",
        "not yet rehearse your top 2 triggers at least 2 times each (rehearsed “Friday payday, walking past the…” 2 of 2, rehearsed “An argument with Jo about…” 0 of 2 since 22 November 2026)",
        "done review your safer environment (1 change)",
    ] {
        assert!(flat(&status).contains(line), "{line}\n{status}");
    }
    assert!(status.contains("3 things still to do."), "{status}");
    let json: serde_json::Value =
        serde_json::from_str(&client.ok(["homework", "status", "--json"])).unwrap();
    assert_eq!(json["tasks"].as_array().unwrap().len(), 6);
    assert_eq!(json["tasks"][2]["done"], false);

    let (hand_in, text) = submit(&client);
    let table: toml::Table = toml::from_str(&text).unwrap();
    let keys: Vec<&str> = table.keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "schema_version",
            "kind",
            "submitted_at",
            // The client's time zone, so her days read as hers (homework14d).
            "zone",
            "assignment",
            "revisions",
            "practice",
            "check_ins",
            "plan"
        ],
        "nothing but plan, practice and check-in data"
    );
    assert!(
        !text.contains("2026-11-20"),
        "nothing from before the assignment:\n{text}"
    );
    assert_eq!(table["revisions"].as_array().unwrap().len(), 2);

    let review = therapist.ok([
        "review",
        hand_in.to_str().unwrap(),
        "--assignment",
        homework.to_str().unwrap(),
    ]);
    for expected in [
        "Hand-in from Sam for Dr Patel's homework",
        "not done  add at least 2 new help contacts (0 of 2 new help contacts since 22\n            November 2026)",
        "Revision 4, Tuesday 24 November at 19:00 UTC",
        "- added trigger “Sunday lunch at my parents'”",
        "- added safer-environment item “Alex keeps my spare bank card”",
        "2 rehearsals",
        "40% → 60%",
        "Urge surfing: 1.",
    ] {
        assert!(review.contains(expected), "missing {expected:?}:\n{review}");
    }
    assert!(
        !therapist.plan_dir().exists(),
        "review never writes into a plan folder"
    );
}

#[test]
fn review_flags_what_is_worth_a_conversation() {
    let client = Env::new();
    client.ok(["init"]);
    client.ok([
        "trigger",
        "add",
        "--id",
        "payday",
        "--situation",
        "Payday at the pub",
        "--likelihood",
        "5",
        "--intensity",
        "5",
        "--confidence",
        "0",
    ]);
    // Set in October, when 1 November was still to come: a next review
    // already gone is refused (issue 13), and this one passed since.
    client
        .test(["set", "--next-review", "2026-11-01"])
        .env("RELAPSE_PLAN_NOW", "2026-10-20T10:00:00Z")
        .run();
    client.ok([
        "homework",
        "start",
        examples().join("homework.toml").to_str().unwrap(),
    ]);
    let (hand_in, _) = submit(&client);
    let review = Env::new().ok(["review", hand_in.to_str().unwrap()]);
    for flag in [
        "no rehearsal for the riskiest trigger (“Payday at the pub”)",
        "no help contact",
        "crisis steps empty",
        "the review date, 1 November 2026, has passed",
        // Named in her words; for the therapist in the therapist's terms,
        // not a command for the client to run (Dr Rao, issue 13).
        "no planned response yet for “Payday at the pub” (worth planning a response together)",
    ] {
        let one_line = review.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(one_line.contains(flag), "missing {flag:?}:\n{review}");
    }
    assert!(!review.contains("relapse-plan map"), "{review}");
}

#[test]
fn a_hand_in_for_someone_elses_assignment_is_named() {
    let client = client_week();
    let (hand_in, _) = submit(&client);
    let therapist = Env::new();
    let other = therapist.home().join("other.toml");
    therapist.ok([
        "homework",
        "assign",
        "-o",
        other.to_str().unwrap(),
        "--therapist",
        "Dr Okafor",
        "--client",
        "Kim",
        "--due",
        "2026-12-01",
        "--task",
        "rank-triggers",
    ]);
    let err = therapist.fails(
        1,
        [
            "review",
            hand_in.to_str().unwrap(),
            "--assignment",
            other.to_str().unwrap(),
        ],
    );
    assert!(
        err.contains("answers a different assignment: the homework from Dr Patel, “Take it gently; bring questions.”, due 29 November 2026 for Sam, not the one in"),
        "{err}"
    );
}

#[test]
fn review_since_a_date_or_revision_reads_the_persons_own_plan() {
    let client = client_week();
    let before = client.snapshot_dir();
    let by_date = client
        .test(["review", "--since", "2026-11-23"])
        .env("RELAPSE_PLAN_NOW", "2026-11-30T09:00:00Z")
        .run();
    let by_date = String::from_utf8(by_date.bytes).unwrap();
    assert!(
        by_date.contains("Your plan since 23 November 2026"),
        "{by_date}"
    );
    assert!(
        by_date.contains("added trigger “Sunday lunch at my parents'”"),
        "{by_date}"
    );
    assert!(by_date.contains("2 rehearsals"), "{by_date}");
    // Since a revision holds that revision's own change (as since a date
    // holds that day's), and the ones after it.
    let by_revision = client.ok(["review", "--since", "5"]);
    assert!(
        !by_revision.contains("added trigger “Sunday lunch")
            && by_revision.contains("Alex keeps my spare bank card"),
        "{by_revision}"
    );
    let from_four = client.ok(["review", "--since", "4"]);
    assert!(
        from_four.contains("added trigger “Sunday lunch")
            && from_four.contains("Alex keeps my spare bank card"),
        "{from_four}"
    );
    assert_eq!(client.snapshot_dir(), before, "review changes nothing");
    client.fails(1, ["review", "--since", "99"]);
    client.fails(2, ["review", "--since", "some tuesday"]);
    // A relative date is read now (issue 13), and said back in words.
    let since_tuesday = client.ok(["review", "--since", "last tuesday"]);
    assert!(
        since_tuesday.starts_with("Your plan since 17 November 2026"),
        "{since_tuesday}"
    );
}

/// `review` alone is the person's own plan since their last review (or the
/// last week), as its help says; its dates are read as `set` reads them
/// (Anjali, in India, writes the day first), and a revision is named so.
#[test]
fn review_alone_and_review_since_a_day_first_date_read_the_own_plan() {
    let client = client_week();
    let at = |args: &[&str]| {
        let ran = client
            .test(args)
            .env("RELAPSE_PLAN_NOW", "2026-11-30T09:00:00Z")
            .env("LANG", "hi_IN.UTF-8")
            .run();
        String::from_utf8(ran.bytes).unwrap()
    };
    let alone = at(&["review"]);
    assert!(
        alone.contains("Your plan since your last review, 22 November 2026"),
        "{alone}"
    );
    assert!(alone.contains("2 rehearsals"), "{alone}");
    let day_first = at(&["review", "--since", "23/11/2026"]);
    assert!(
        day_first.contains("Your plan since 23 November 2026"),
        "{day_first}"
    );
    assert!(day_first.contains("2 rehearsals"), "{day_first}");
    let by_revision = at(&["review", "--since", "4"]);
    assert!(
        by_revision.contains("Your plan since revision 4"),
        "{by_revision}"
    );
    let help = client.ok(["review", "--help"]);
    assert!(help.contains("[FILE]"), "{help}");
    let nobody = Env::new();
    let err = nobody.fails(2, ["review"]);
    assert!(
        err.contains("give a hand-in file to review, or --since DATE for your own plan"),
        "{err}"
    );
    assert!(!err.contains("required arguments"), "{err}");
}

#[test]
fn the_example_hand_in_is_what_the_tool_produces() {
    let client = client_week();
    let (_, text) = submit(&client);
    assert!(
        text.contains("[[check_ins]]\nday = 2026-11-23"),
        "the check-ins since the start are handed in"
    );
    let example = examples().join("hand-in.toml");
    if std::env::var_os("RELAPSE_PLAN_UPDATE_EXAMPLES").is_some() {
        fs::write(&example, &text).unwrap();
    }
    assert_eq!(
        fs::read_to_string(&example).unwrap_or_default(),
        text,
        "examples/hand-in.toml is out of date: rerun with RELAPSE_PLAN_UPDATE_EXAMPLES=1"
    );
}

#[test]
fn damaged_and_hostile_homework_and_hand_ins_change_nothing() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile");
    for (kind, args) in [
        ("homework", vec!["homework", "start"]),
        ("hand-in", vec!["review"]),
    ] {
        let mut files: Vec<PathBuf> = fs::read_dir(dir.join(kind))
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .collect();
        files.sort();
        for file in files {
            let env = Env::with_example();
            let before = env.snapshot_dir();
            let mut full = args.clone();
            full.push(file.to_str().unwrap());
            let err = env
                .test(&full)
                .case(file.display())
                .status_one_of([1, 2])
                .run()
                .stderr;
            assert!(
                err.contains(file.file_name().unwrap().to_str().unwrap()),
                "{}: names the file: {err}",
                file.display()
            );
            assert_eq!(env.snapshot_dir(), before, "{}", file.display());
        }
    }
    let env = Env::with_example();
    let err = env.fails(
        1,
        [
            "homework",
            "start",
            examples().join("plan.toml").to_str().unwrap(),
        ],
    );
    assert!(err.contains("this is a plan, not a homework file"), "{err}");
    let err = env.fails(
        1,
        ["review", examples().join("homework.toml").to_str().unwrap()],
    );
    assert!(
        err.contains(
            "this is homework, as `homework assign` writes it for a client, not a hand-in"
        ),
        "{err}"
    );
}

#[test]
fn homework_works_when_old_revision_files_are_missing() {
    // A plan file copied in alone: revision 3, with no revisions folder.
    let client = Env::new();
    fs::create_dir_all(client.plan_dir()).unwrap();
    fs::copy(examples().join("plan.toml"), client.plan_file()).unwrap();
    client.ok([
        "homework",
        "start",
        examples().join("homework.toml").to_str().unwrap(),
    ]);
    client.ok(["contact", "add", "--name", "Jo", "--phone", "07700 900789"]);
    let status = client.ok(["homework", "status"]);
    assert!(
        flat(&status).contains(
            "add at least 2 new help contacts (1 of 2 new help contacts since 22 November 2026)"
        ),
        "{status}"
    );
    let (_, text) = submit(&client);
    assert!(
        text.contains("change = \"added\"\nentry = \"contact\"\nid = \"jo\"\nname = \"Jo\""),
        "{text}"
    );
}

/// `check-in=N`: check-ins on N local days from the day the homework was
/// started through the due date, in a time zone far from UTC.
#[test]
fn check_in_homework_counts_local_days_from_the_start_to_the_due_date() {
    let therapist = Env::new();
    let homework = therapist.home().join("homework.toml");
    let assign = |task: &str, code: i32| {
        therapist
            .test([
                "homework",
                "assign",
                "-o",
                homework.to_str().unwrap(),
                "--therapist",
                "Dr Patel",
                "--due",
                "2026-11-29",
                "--task",
                task,
            ])
            .status(code)
            .run()
    };
    for wrong in ["check-in=0", "check-in=101", "check-in=2x3"] {
        // Refused as a mistake in the command.
        assign(wrong, 2);
        assert!(!homework.exists());
    }
    assign("check-in=3", 0);
    assert!(
        fs::read_to_string(&homework)
            .unwrap()
            .contains("task = \"check-in\"\ncount = 3")
    );

    let client = Env::with_example();
    let at = |when: &str, args: &[&str]| {
        let out = client
            .test(args)
            .env("RELAPSE_PLAN_NOW", when)
            .env("TZ", "Pacific/Auckland")
            .run();
        String::from_utf8(out.bytes).unwrap()
    };
    let check_in = ["check-in", "--urge", "3", "--acted", "no"];
    // 23:00 on the 21st in Auckland: the day before the homework was set
    // (it counts from the day it was set, the 22nd, not from its start).
    at("2026-11-21T10:00:00Z", &check_in);
    // Started at 00:30 on the 23rd, Auckland time.
    at(
        "2026-11-22T11:30:00Z",
        &["homework", "start", homework.to_str().unwrap()],
    );
    // Task lines wrap to the width: read each as one line.
    let status = |when: &str| {
        at(when, &["homework", "status"])
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert!(
        status("2026-11-22T11:40:00Z").contains(
                "not yet check in on at least 3 days by the due date, that day included (0 of 3 days checked in since 22 November 2026)"
            ),
        "{}",
        status("2026-11-22T11:40:00Z")
    );
    at("2026-11-22T12:00:00Z", &check_in); // the 23rd
    at("2026-11-25T20:00:00Z", &check_in); // the 26th
    // The 30th, after the due date: handed in, but it does not count.
    at("2026-11-29T12:00:00Z", &check_in);
    let now = status("2026-11-29T12:05:00Z");
    assert!(
        now.contains("(2 of 3 days checked in since 22 November 2026)"),
        "{now}"
    );
    assert!(now.contains("One thing still to do."), "{now}");
    // On the due day itself, late in the evening: it counts.
    at("2026-11-29T10:00:00Z", &check_in);
    let now = status("2026-11-29T12:05:00Z");
    assert!(
        now.contains(
            "done check in on at least 3 days by the due date, that day included (3 days checked in since 22 November 2026)"
        ),
        "{now}"
    );
    assert!(now.contains("Everything is done."), "{now}");
    let json = at("2026-11-29T12:05:00Z", &["homework", "status", "--json"]);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["tasks"][0]["task"], "check-in");
    assert_eq!(json["tasks"][0]["done"], true);
}

/// A hand-in from before check-ins (version 1) still opens; one from a
/// newer relapse-plan, or carrying more check-ins than a hand-in holds, is
/// refused by name and changes nothing.
#[test]
fn hand_in_versions_and_the_check_in_cap() {
    let therapist = Env::new();
    let old = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/hand-in-v1.toml");
    let out = therapist.ok(["review", old.to_str().unwrap()]);
    assert!(out.contains("Tasks"), "{out}");
    assert!(out.contains("map at least 4 new triggers"), "{out}");

    let current = fs::read_to_string(examples().join("hand-in.toml")).unwrap();
    assert!(current.starts_with("schema_version = 5\n"), "{current}");
    let refused = |name: &str, text: &str, words: &str| {
        let file = therapist.home().join(name);
        fs::write(&file, text).unwrap();
        // Not opened, and nothing shown.
        let err = therapist
            .test(["review", file.to_str().unwrap()])
            .case(name)
            .status(1)
            .stdout("")
            .run()
            .stderr;
        assert!(err.contains(name) && err.contains(words), "{name}: {err}");
        assert_eq!(fs::read_to_string(&file).unwrap(), text, "{name} unchanged");
    };
    refused(
        "newer.toml",
        &current.replacen("schema_version = 5\n", "schema_version = 7\n", 1),
        "newer",
    );
    let (head, tail) = current.split_once("[plan]").unwrap();
    let mut many = head.to_string();
    for day in 0..401 {
        let date = 20_000 + day; // days since 1970, all distinct, in order
        let (y, m, d) = civil(date);
        write!(
            many,
            "[[check_ins]]\nday = {y:04}-{m:02}-{d:02}\ntimes = []\nurge = 1\n\n"
        )
        .unwrap();
    }
    many.push_str("[plan]");
    many.push_str(tail);
    refused("many.toml", &many, "at most 400");
    refused(
        "urge.toml",
        &current.replacen("urge = 8", "urge = 80", 1),
        "urge and distress go from 0 to 10",
    );
}

/// A civil date from days since 1970 (Howard Hinnant's algorithm).
fn civil(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// `review` shows the hand-in's check-ins at a glance and every stretch
/// the early warning held, in the person's words, cleaned of anything a
/// terminal would act on.
#[test]
fn review_shows_the_check_ins_and_when_the_early_warning_held() {
    let therapist = Env::new();
    let example = examples().join("hand-in.toml");
    let out = therapist
        .test(["review", example.to_str().unwrap()])
        .env("RELAPSE_PLAN_NOW", "2026-11-30T09:00:00Z")
        .run();
    let out = String::from_utf8(out.bytes).unwrap();
    for line in [
        "5 days checked in from Mon 23 Nov to Fri 27 Nov, 1 lapse.",
        "Mon 23 Nov: urge 3, distress 2\n      note from the client: “A quiet day”\n  Tue 24 Nov",
        "Thu 26 Nov: urge 8, distress 7; acted on it: partly; signs:",
        "      note from the client: “Had two, then walked home”\n",
        "      note from the client: “Talked to Alex”\n",
        "Tue 24 Nov: urge 5, distress 4; signs: “Skipping meals and sleeping badly”",
        "Thu 26 Nov: urge 8, distress 7; acted on it: partly; signs:",
        "Signs that showed: “Skipping meals and sleeping badly” on 3 days.",
    ] {
        assert!(out.contains(line), "{line:?} missing from:\n{out}");
    }
    // Wrapped to the terminal: compared with the line breaks taken out.
    let flat = out.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("- the early warning held from Thu 26 Nov to Fri 27 Nov (strong urges: 7 on Wed 25 Nov, 8 on Thu 26 Nov; a lapse on Thu 26 Nov)"),
        "{out}"
    );
    let checks = out.find("Check-ins").unwrap();
    let worth = out.find("Worth talking about").unwrap();
    assert!(checks < worth && out[worth..].contains("the early warning held"));

    // Hostile words in a sign never reach the terminal as escapes.
    let text = fs::read_to_string(&example)
        .unwrap()
        .replace(
            "signs = [\"Skipping meals and sleeping badly\"]",
            "signs = [\"\\u001b]52;c;aGk=\\u0007\\u001b[2Jbad\", \"also bad\"]",
        )
        .replace(
            "notes = [\"Talked to Alex\"]",
            "notes = [\"Talked to Alex\\u001b[2J\", \"then slept\"]",
        );
    let hostile = therapist.home().join("hostile.toml");
    fs::write(&hostile, &text).unwrap();
    let out = therapist
        .test(["review", hostile.to_str().unwrap()])
        .env("RELAPSE_PLAN_NOW", "2026-11-30T09:00:00Z")
        .run();
    let out = String::from_utf8(out.bytes).unwrap();
    assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out:?}");
    assert!(out.contains("bad”") && out.contains("“also bad”"), "{out}");
    assert!(
        out.contains("“Talked to Alex\\u{1b}[2J”\n      note from the client: “then slept”"),
        "every note, shown not acted on:\n{out}"
    );
    let flat = out.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("(warning signs: “"), "{out}");
}

/// Check-ins centuries apart in a hand-edited hand-in: review stays fast
/// and says the years.
#[test]
fn review_of_check_ins_years_apart_is_fast_and_names_the_years() {
    let therapist = Env::new();
    let example = fs::read_to_string(examples().join("hand-in.toml")).unwrap();
    let (head, tail) = example.split_once("[plan]").unwrap();
    let mut text = head[..head.find("[[check_ins]]").unwrap()].to_string();
    for day in [
        "2026-11-23",
        "2026-11-24",
        "2026-11-25",
        "9999-12-30",
        "9999-12-31",
    ] {
        write!(
            text,
            "[[check_ins]]\nday = {day}\ntimes = []\nurge = 9\nsigns = [\"a\", \"b\"]\n\n"
        )
        .unwrap();
    }
    text.push_str("[plan]");
    text.push_str(tail);
    let file = therapist.home().join("years.toml");
    fs::write(&file, text).unwrap();
    let start = std::time::Instant::now();
    let out = therapist.ok(["review", file.to_str().unwrap()]);
    assert!(
        start.elapsed() < std::time::Duration::from_secs(2),
        "{:?}",
        start.elapsed()
    );
    let flat = out.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("the early warning held from Tue 24 Nov 2026 to Fri 31 Dec 9999"),
        "{out}"
    );
}

/// A hand-in written before changes were stored typed (version 2, its
/// changes as sentences) still opens, and reads exactly as it did: the
/// same tasks done, the same changes in the same words.
#[test]
fn a_version_2_hand_in_reviews_as_it_always_did() {
    let therapist = Env::new();
    let old = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/hand-in-v2.toml");
    let before = fs::read(&old).unwrap();
    let out = therapist.ok(["review", old.to_str().unwrap()]);
    assert!(
        flat(&out).contains(
            "not done map at least 4 new triggers (1 of 4 new triggers since 22 November 2026)"
        ),
        "{out}"
    );
    assert!(
        out.contains("done      review Sam's safer environment (1 change)"),
        "{out}"
    );
    insta::assert_snapshot!(out);
    assert_eq!(fs::read(&old).unwrap(), before, "review changes nothing");
}

/// Progress reads what changed, never the words a change is shown in: a
/// reason that happens to say "safer-environment item" is a reason, not a
/// review of the safer environment (it once counted as one, when homework
/// matched the sentences `diff` prints).
#[test]
fn the_persons_words_never_count_as_a_different_task() {
    let client = Env::with_example();
    client.ok([
        "homework",
        "start",
        examples().join("homework.toml").to_str().unwrap(),
    ]);
    client.ok([
        "reason",
        "add",
        "Every safer-environment item I keep is for Mia",
    ]);
    client.ok(["warning-sign", "add", "added trigger payday"]);
    let status = client.ok(["homework", "status"]);
    assert!(
        status.contains("not yet   review your safer environment (no changes yet)"),
        "{status}"
    );
    assert!(
        flat(&status).contains(
            "not yet map at least 4 new triggers (0 of 4 new triggers since 22 November 2026)"
        ),
        "{status}"
    );
    client.ok(["safety", "add", "Alex keeps my spare bank card"]);
    let status = client.ok(["homework", "status"]);
    assert!(
        status.contains("done      review your safer environment (1 change)"),
        "{status}"
    );
}

/// A rename after `homework start` (`--new-id`) is a rename: a trigger
/// that was there is no new trigger, one added and then renamed counts
/// once, and the hand-in and review say "renamed".
#[test]
fn a_rename_is_no_new_trigger() {
    let client = Env::with_example();
    client.ok([
        "homework",
        "start",
        examples().join("homework.toml").to_str().unwrap(),
    ]);
    client.ok(["trigger", "edit", "payday", "--new-id", "friday"]);
    client.ok(["coping", "edit", "urge-surf", "--new-id", "surfing"]);
    client
        .test(["homework", "status"])
        .stdout_has(
            "map at least 4 new triggers (0 of 4 new triggers since 22 November\n            2026)",
        )
        .run();
    client.ok([
        "trigger",
        "add",
        "--situation",
        "A row with my brother",
        "--id",
        "brother",
    ]);
    client.ok(["trigger", "edit", "brother", "--new-id", "row-with-sam"]);
    client
        .test(["homework", "status"])
        .stdout_has(
            "map at least 4 new triggers (1 of 4 new triggers since 22 November\n            2026)",
        )
        .run();
    let (file, text) = submit(&client);
    assert!(text.starts_with("schema_version = 5\n"), "{text}");
    assert!(
        text.contains(
            "change = \"renamed\"\nentry = \"trigger\"\nfrom = \"payday\"\nto = \"friday\""
        ),
        "{text}"
    );
    let review = Env::new()
        .test(["review", file.to_str().unwrap()])
        .stdout_has(
            "map at least 4 new triggers (1 of 4 new triggers since 22 November\n            2026)",
        )
        // Named by the person's words, as `diff` names them; the ids the
        // rename was about stay, as they are what changed.
        .stdout_has("- renamed trigger “Friday payday, walking past the pub on…” from payday to")
        .stdout_has("- renamed coping strategy “Urge surfing” from urge-surf to surfing")
        .stdout_lacks("removed trigger “Friday payday")
        .stdout_lacks("coping added")
        .run();
    assert!(
        !review.stdout.contains("added trigger “Friday payday"),
        "{}",
        review.stdout
    );
    client
        .test(["diff"])
        .stdout_has("renamed trigger “A row with my brother” from brother to row-with-sam")
        .run();
}

/// A hand-in from before renames were a change of their own (version 3)
/// still opens and reviews as it did.
#[test]
fn a_version_3_hand_in_still_opens() {
    let old = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/hand-in-v3.toml");
    let before = fs::read(&old).unwrap();
    assert!(before.starts_with(b"schema_version = 3\n"));
    Env::new()
        .test(["review", old.to_str().unwrap()])
        .stdout_has("Hand-in from")
        .stdout_has("- added trigger “Sunday lunch at my parents'”")
        .stdout_has("- added safer-environment item “Alex keeps my spare bank card”")
        .run();
    assert_eq!(fs::read(&old).unwrap(), before, "review changes nothing");
}

/// Issue 12: starting the same homework again keeps its start, so nothing
/// done since then stops counting (it reset to "0 of 4", and the hand-in
/// then said nothing had changed).
#[test]
fn starting_the_same_homework_again_keeps_its_start_and_progress() {
    let client = client_week();
    let status = || {
        client
            .test(["homework", "status"])
            .env("RELAPSE_PLAN_NOW", "2026-11-27T12:00:00Z")
            .run()
            .stdout
    };
    let before = status();
    assert!(
        flat(&before).contains("(1 of 4 new triggers since 22 November 2026)"),
        "{before}"
    );
    assert!(
        flat(&before).contains("(1 urge-surfing session since 22 November 2026)"),
        "{before}"
    );
    let kept = fs::read(client.plan_dir().join("homework.toml")).unwrap();
    let homework = examples().join("homework.toml");
    client
        .test(["homework", "start", homework.to_str().unwrap()])
        .env("RELAPSE_PLAN_NOW", "2026-11-27T11:00:00Z")
        .stderr_has("You already started this homework on Sunday 22 November; what you have done since then still counts.")
        .stdout_has("Homework from Dr Patel")
        .run();
    assert_eq!(
        fs::read(client.plan_dir().join("homework.toml")).unwrap(),
        kept,
        "the started homework is untouched"
    );
    assert_eq!(status(), before);
}

/// Issue 12: a different assignment never quietly takes the place of the
/// one being worked on: without a terminal it needs --force (exit 2,
/// nothing changed), and with it the old one is named.
#[test]
fn a_different_homework_replaces_the_started_one_only_with_force() {
    let client = client_week();
    let started = client.plan_dir().join("homework.toml");
    let kept = fs::read(&started).unwrap();
    let other = client.home().join("other.toml");
    fs::write(
        &other,
        fs::read_to_string(examples().join("homework.toml"))
            .unwrap()
            .replace("dr-patel-sam", "dr-lee-sam")
            .replace("Dr Patel", "Dr Lee"),
    )
    .unwrap();
    let err = client.fails(2, ["homework", "start", other.to_str().unwrap()]);
    assert!(
        err.contains("error: you are already working on the homework from Dr Patel, “Take it gently; bring questions.”, due 29 November (started today), and have not handed it in, so nothing was changed"),
        "{err}"
    );
    assert!(err.contains("add --force"), "{err}");
    assert_eq!(fs::read(&started).unwrap(), kept);
    client
        .test(["homework", "start", other.to_str().unwrap(), "--force"])
        .stderr_has("This replaces the homework from Dr Patel, “Take it gently; bring questions.”, due 29 November.")
        .stdout_has("Homework from Dr Lee")
        .run();
    assert!(client.ok(["homework", "status"]).contains("Dr Lee"));
}

/// Issue 12: names of megabytes are refused when the homework file is
/// read, so no copy past the size limit lands in the plan folder.
#[test]
fn a_homework_file_with_huge_names_is_refused_and_changes_nothing() {
    let env = Env::with_example();
    let text = fs::read_to_string(examples().join("homework.toml")).unwrap();
    for (what, from, to) in [
        (
            "the therapist's name",
            "therapist = \"Dr Patel\"",
            format!("therapist = \"Dr {}\"", "P".repeat(8_000_000)),
        ),
        (
            "the therapist's name",
            "therapist = \"Dr Patel\"",
            format!("therapist = \"{}\"", "P".repeat(201)),
        ),
        (
            "the note",
            "note = \"Take it gently; bring questions.\"",
            format!("note = \"{}\"", "Gently. ".repeat(1000)),
        ),
    ] {
        let file = env.home().join("big.toml");
        let changed = text.replacen(from, &to, 1);
        assert_ne!(changed, text);
        fs::write(&file, changed).unwrap();
        let before = env.snapshot_dir();
        let err = env.fails(1, ["homework", "start", file.to_str().unwrap()]);
        assert!(
            err.contains(&format!(
                "can't be read as a homework file: line {}: {what} is longer than",
                text[..text.find(from).unwrap()].matches('\n').count() + 1
            )),
            "{err}"
        );
        assert_eq!(env.snapshot_dir(), before);
    }
    // Up to the cap is fine.
    let file = env.home().join("long.toml");
    fs::write(
        &file,
        text.replacen("\"Dr Patel\"", &format!("\"{}\"", "P".repeat(200)), 1),
    )
    .unwrap();
    env.ok(["homework", "start", file.to_str().unwrap()]);
}

/// Issue 12: a started homework that can't be read is named as such, with
/// a hint that works, and never locks the person out of starting a new one.
#[test]
fn an_unreadable_started_homework_is_named_and_can_be_replaced() {
    let env = Env::with_example();
    let started = env.plan_dir().join("homework.toml");
    let homework = examples().join("homework.toml");
    for (case, bytes) in [
        ("too large", vec![b'a'; 9_000_000]),
        ("not TOML", b"schema_version = [".to_vec()),
    ] {
        fs::write(&started, &bytes).unwrap();
        let err = env.fails(1, ["homework", "status"]);
        assert!(
            err.contains(&format!(
                "error: your started homework (`{}`) can't be read: ",
                started.display()
            )),
            "{case}: {err}"
        );
        assert!(!err.contains("plan file"), "{case}: {err}");
        assert!(
            err.contains("`relapse-plan homework start FILE --force`"),
            "{case}: {err}"
        );
        // Without --force and no one to ask, nothing is changed.
        let err = env.fails(1, ["homework", "start", homework.to_str().unwrap()]);
        assert!(err.contains("your started homework"), "{case}: {err}");
        assert_eq!(fs::read(&started).unwrap(), bytes, "{case}");
        // The hint's way out works.
        env.test(["homework", "start", homework.to_str().unwrap(), "--force"])
            .stderr_has("This replaces your started homework, which could not be read.")
            .run();
        assert!(
            env.ok(["homework", "status"]).contains("Dr Patel"),
            "{case}"
        );
    }
}

/// Issue 12: a control character in a name (an OSC 52 clipboard write)
/// is refused when the homework is written, with a clear message.
#[test]
fn assign_refuses_control_characters_in_names() {
    let therapist = Env::new();
    let out = therapist.home().join("homework.toml");
    for (flag, value) in [
        ("--therapist", "X\u{1b}]52;c;aGk=\u{7}"),
        ("--client", "Sam\u{9b}2J"),
    ] {
        let mut args = vec![
            "homework",
            "assign",
            "-o",
            out.to_str().unwrap(),
            "--due",
            "2026-11-29",
            "--task",
            "map-triggers=1",
        ];
        if flag == "--client" {
            args.extend(["--therapist", "Dr Lee"]);
        }
        args.extend([flag, value]);
        let err = therapist.fails(2, args);
        assert!(
            err.contains(&format!(
                "{flag} holds a control character (such as an escape): give it as plain text"
            )),
            "{err}"
        );
        assert!(!err.contains('\u{1b}') && !err.contains('\u{9b}'), "{err}");
        assert!(!out.exists());
    }
}

/// Issue 12: a change note keeps the person's words as typed (a hidden
/// bidi control included) and is cleaned only where it is shown, so
/// history, review and the hand-in show the words, not a stored escape;
/// the therapist's review names triggers by their situation, never an id.
#[test]
fn change_notes_keep_the_words_and_review_shows_no_ids() {
    let client = Env::with_example();
    client.ok([
        "homework",
        "start",
        examples().join("homework.toml").to_str().unwrap(),
    ]);
    client.ok([
        "trigger",
        "add",
        "--id",
        "payday-lived",
        "--situation",
        "Payday \u{202e}lived",
        "--category",
        "other",
        "--likelihood",
        "5",
        "--intensity",
        "5",
    ]);
    let plan = fs::read_to_string(client.plan_file()).unwrap();
    assert!(
        plan.contains("change_note = \"added trigger “Payday \u{202e}lived”\""),
        "the note holds the words as typed:\n{plan}"
    );
    let history = client.ok(["history"]);
    assert!(
        history.contains("added trigger “Payday \\u{202e}lived”"),
        "{history}"
    );
    assert!(!history.contains("\\\\u"), "{history}");
    let hand_in = client.home().join("hand-in.toml");
    let shown = client
        .test([
            "homework",
            "submit",
            "-o",
            hand_in.to_str().unwrap(),
            "--yes",
        ])
        .run()
        .stderr;
    let shown = shown.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        shown.contains("This is what `")
            && shown
                .contains("are written out here like \\u{202e}, and in the file the same way, so they show wherever it is opened; your words are kept as they are."),
        "{shown}"
    );
    assert!(!shown.contains("exactly"), "{shown}");
    // The file shows the override as a TOML escape wherever it is opened
    // (`cat` on the therapist's terminal turns nothing around), and any
    // TOML reader gets her words back as typed.
    let text = fs::read_to_string(&hand_in).unwrap();
    assert!(text.contains("Payday \\u202Elived”"), "{text}");
    assert!(!text.contains('\u{202e}'), "{text}");
    let read: toml::Table = toml::from_str(&text).unwrap();
    let words = toml::to_string(&read).unwrap();
    assert!(words.contains("Payday \u{202e}lived”"), "{words}");
    let review = Env::new().ok(["review", hand_in.to_str().unwrap()]);
    assert!(
        review.contains("- added trigger “Payday \\u{202e}lived”"),
        "{review}"
    );
    assert!(
        review.contains("no rehearsal for the riskiest trigger (“Friday payday"),
        "{review}"
    );
    assert!(!review.contains("payday-lived"), "{review}");
    assert!(!review.contains('\u{202e}'), "{review}");
}

/// Issue 12: a hand-in with a 3 MB check-in note (a client's own words, or
/// a hostile file) is reviewed with the note's start and a plain word of
/// how much more there is, never megabytes on the therapist's screen; the
/// file is left byte for byte as it was.
#[test]
fn review_of_a_hand_in_with_a_huge_note_shows_its_start_and_says_how_much_more() {
    let therapist = Env::new();
    let example = fs::read_to_string(examples().join("hand-in.toml")).unwrap();
    let note = "I kept writing tonight. ".repeat(130_000);
    let text = example.replacen(
        "notes = [\"A quiet day\"]",
        &format!("notes = [\"{note}\"]"),
        1,
    );
    assert_ne!(text, example);
    let file = therapist.home().join("long.toml");
    fs::write(&file, &text).unwrap();
    let out = therapist.ok(["review", file.to_str().unwrap()]);
    assert!(out.len() < 40_000, "review printed {} bytes", out.len());
    let flat = out.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("I kept writing tonight. I kept writing tonight."),
        "{flat}"
    );
    assert!(
        flat.contains("… [3,118,000 more characters not shown here; open the file to read it all]"),
        "{flat}"
    );
    assert_eq!(fs::read_to_string(&file).unwrap(), text);
}

/// A hand-in's check-ins and exercises from before the homework was set
/// (an edited file, a clock set wrong) are handed in but count for nothing
/// (Trudy, fresh eyes: one check-in from 1 November, or from the year 1,
/// made "check in on at least 1 day" done).
#[test]
fn practice_from_before_the_homework_does_not_count_for_it() {
    let therapist = Env::new();
    let text = fs::read_to_string(examples().join("hand-in.toml")).unwrap();
    let text = text
        .replace(
            "task = \"practise-urge-surfing\"\ncount = 1\n",
            "task = \"practise-urge-surfing\"\ncount = 1\n\n[[assignment.tasks]]\ntask = \"check-in\"\ncount = 1\n",
        )
        .replace("at = 2026-11-26T09:00:00Z", "at = 0001-01-01T09:00:00Z");
    // Every check-in moved to before the homework began.
    let mut text = text;
    for day in [
        "2026-11-23",
        "2026-11-24",
        "2026-11-25",
        "2026-11-26",
        "2026-11-27",
    ] {
        text = text.replace(
            &format!("day = {day}"),
            &format!("day = 2026-11-0{}", &day[9..]),
        );
    }
    let file = therapist.home().join("early.toml");
    fs::write(&file, &text).unwrap();
    let out = therapist.ok(["review", file.to_str().unwrap()]);
    let flat = out.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("(0 of 1 day checked in since 22 November 2026)"),
        "{flat}"
    );
    assert!(
        flat.contains("(0 of 1 urge-surfing session since 22 November 2026)"),
        "{flat}"
    );
}

/// What helped her reaches the therapist (Anjali and Dr Rao, issue 13): a
/// hand-in's review says which coping strategies she used, by their names
/// in the plan, and the daily habits she kept, in her words; a strategy no
/// longer in the plan is said plainly, never by its id.
#[test]
fn review_says_what_she_used_and_did_in_her_words() {
    let therapist = Env::new();
    let text = fs::read_to_string(examples().join("hand-in.toml"))
        .unwrap()
        .replacen(
            "distress = 7\nnotes = [\"Had two, then walked home\"]",
            "distress = 7\nused = [\"walk-other-way\", \"old-gone-strategy\"]\ndid = [\"Ate breakfast\", \"Slept by 11\"]\nnotes = [\"Had two, then walked home\"]",
            1,
        );
    assert!(text.contains("old-gone-strategy"));
    let file = therapist.home().join("used.toml");
    fs::write(&file, &text).unwrap();
    let out = therapist
        .test(["review", file.to_str().unwrap()])
        .env("RELAPSE_PLAN_NOW", "2026-11-30T09:00:00Z")
        .run();
    let out = String::from_utf8(out.bytes).unwrap();
    let flat = out.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("used: “Take the long way home”, a strategy since removed; did: “Ate breakfast”, “Slept by 11”"),
        "{out}"
    );
    assert!(
        !out.contains("walk-other-way") && !out.contains("old-gone-strategy"),
        "{out}"
    );
}

/// The therapist reads a check-in note as the client's, labelled as
/// revision notes are, and at no width does the label wrap away from its
/// text ("note from the" / "client: “…”"; Dr Rao, issue 13).
#[test]
fn review_labels_check_in_notes_and_keeps_the_label_with_them() {
    let therapist = Env::new();
    let example = examples().join("hand-in.toml");
    for width in 36..80 {
        let out = therapist
            .test(["review", example.to_str().unwrap()])
            .env("RELAPSE_PLAN_NOW", "2026-11-30T09:00:00Z")
            .env("COLUMNS", width.to_string())
            .run();
        let out = String::from_utf8(out.bytes).unwrap();
        let flat = out.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            flat.contains("note from the client: “Payday tomorrow”"),
            "{width}:\n{out}"
        );
        for line in out.lines() {
            let line = line.trim_end();
            for cut in ["note", "note from", "note from the", "client:"] {
                assert!(!line.ends_with(cut), "{width}: {line:?} in\n{out}");
            }
        }
    }
}

/// A hand-in's problems are listed by line, top to bottom, as a person
/// reads the file (Trudy read lines 47, 46, 100, 51; issue 13).
#[test]
fn review_lists_a_hand_ins_problems_in_line_order() {
    let therapist = Env::new();
    let text = fs::read_to_string(examples().join("hand-in.toml"))
        .unwrap()
        .replacen(
            "likelihood = 4\nintensity = 5",
            "likelihood = 99\nintensity = 5",
            1,
        )
        .replacen(
            "text = \"Stop, leave, and go somewhere safe\"",
            "text = \"\"",
            1,
        )
        .replacen("id = \"alex\"", "id = \"\"", 1)
        .replacen("id = \"call-for-help\"", "id = \"football\"", 1);
    let file = therapist.home().join("problems.toml");
    fs::write(&file, &text).unwrap();
    let said = therapist.fails(1, ["review", file.to_str().unwrap()]);
    let lines: Vec<usize> = said
        .split("line ")
        .skip(1)
        .filter_map(|s| s.split(':').next()?.parse().ok())
        .collect();
    assert!(lines.len() >= 3, "{said}");
    let mut sorted = lines.clone();
    sorted.sort_unstable();
    assert_eq!(lines, sorted, "{said}");
}

/// "What changed" shows revisions by number, oldest first, whatever order
/// the file holds them in (revision 5 above 4 in a hand-edited hand-in;
/// issue 13).
#[test]
fn review_shows_revisions_oldest_first_whatever_the_files_order() {
    let therapist = Env::new();
    let text = fs::read_to_string(examples().join("hand-in.toml")).unwrap();
    let four = text.find("[[revisions]]\nrevision = 4").unwrap();
    let five = text.find("[[revisions]]\nrevision = 5").unwrap();
    let end = text.find("[practice]").unwrap();
    let swapped = format!(
        "{}{}\n{}{}",
        &text[..four],
        &text[five..end].trim_end(),
        &text[four..five],
        &text[end..]
    );
    assert!(swapped.find("revision = 5").unwrap() < swapped.find("revision = 4").unwrap());
    let swapped_file = therapist.home().join("swapped.toml");
    fs::write(&swapped_file, &swapped).unwrap();
    let out = therapist.ok(["review", swapped_file.to_str().unwrap()]);
    let (four, five) = (out.find("Revision 4,"), out.find("Revision 5,"));
    assert!(four.is_some() && five.is_some() && four < five, "{out}");
}

/// Dr Rao's homework for Anjali, written by `homework assign` on the day
/// `when` (UTC), into `name` in the therapist's folder.
fn dr_rao_assigns(therapist: &Env, name: &str, when: &str, due: &str, extra: &[&str]) -> PathBuf {
    let file = therapist.home().join(name);
    let mut args = vec![
        "homework",
        "assign",
        "-o",
        file.to_str().unwrap(),
        "--therapist",
        "Dr Rao",
        "--client",
        "Anjali",
        "--due",
        due,
        "--task",
        "practise-urge-surfing=3",
    ];
    args.extend(extra);
    therapist.test(args).env("RELAPSE_PLAN_NOW", when).run();
    file
}

/// Issue 13 (Anjali, homework13k items 1 and 2): once handed in, the
/// homework is finished. `status` says when it was handed in, and the
/// next one starts with no warning that work will be lost (before, it
/// still showed as under way, and without a terminal needed --force).
/// Two homework files from Dr Rao are told apart by when each was set.
#[test]
fn homework_handed_in_is_finished_and_the_next_starts_without_a_warning() {
    let therapist = Env::new();
    let first = dr_rao_assigns(
        &therapist,
        "first.toml",
        "2026-11-20T09:00:00Z",
        "2026-12-04",
        &[],
    );
    let second = dr_rao_assigns(
        &therapist,
        "second.toml",
        "2026-11-27T09:00:00Z",
        "2026-12-11",
        &[],
    );
    let client = Env::with_example();
    let at = |when: &str, args: &[&str]| client.test(args).env("RELAPSE_PLAN_NOW", when);
    at(
        "2026-11-21T09:00:00Z",
        &["homework", "start", first.to_str().unwrap()],
    )
    .run();

    // Not handed in: the second is refused without a terminal, and the
    // one under way is named so she can tell which it is.
    let refused = at(
        "2026-11-27T10:00:00Z",
        &["homework", "start", second.to_str().unwrap()],
    )
    .status(2)
    .run();
    assert!(
        flat(&refused.stderr).contains(
            "you are already working on the homework from Dr Rao, set on 20 November 2026, due 4 December (started Saturday 21 November), and have not handed it in"
        ),
        "{}",
        refused.stderr
    );

    let hand_in = client.home().join("hand-in.toml");
    at(
        "2026-11-27T11:00:00Z",
        &[
            "homework",
            "submit",
            "-o",
            hand_in.to_str().unwrap(),
            "--yes",
        ],
    )
    .run();
    let status = at("2026-11-27T12:00:00Z", &["homework", "status"]).run();
    let said = flat(&status.stdout);
    assert!(
        said.starts_with(
            "Homework from Dr Rao, set on 20 November 2026, due 4 December: you handed it in today."
        ),
        "{}",
        status.stdout
    );
    assert!(said.contains("It is finished"), "{}", status.stdout);
    assert!(!said.contains("still to do"), "{}", status.stdout);
    assert!(!said.contains("days left"), "{}", status.stdout);
    let json: serde_json::Value = serde_json::from_str(
        &at("2026-11-27T12:00:00Z", &["homework", "status", "--json"])
            .run()
            .stdout,
    )
    .unwrap();
    assert_eq!(json["handed_in"], "2026-11-27T11:00:00Z", "{json}");
    // Printing the hand-in (`-o -`) writes nothing, and hands nothing in.
    let file = client.plan_dir().join("homework.toml");
    let kept = fs::read(&file).unwrap();
    at(
        "2026-11-27T12:30:00Z",
        &["homework", "submit", "-o", "-", "--yes"],
    )
    .run();
    assert_eq!(fs::read(&file).unwrap(), kept);

    // The next one: no --force, no warning that anything is lost.
    let started = at(
        "2026-11-28T09:00:00Z",
        &["homework", "start", second.to_str().unwrap()],
    )
    .stderr_lacks("replaces")
    .stderr_lacks("no longer counts")
    .run();
    assert!(
        flat(&started.stdout).starts_with(
            "Homework from Dr Rao, set on 27 November 2026, due 11 December (13 days left):"
        ),
        "{}",
        started.stdout
    );
}

/// Issue 13 (homework13k item 2): a homework file with a note is named by
/// the note's first words, wherever it is named; one with none by when it
/// was set.
#[test]
fn homework_is_named_by_its_note_or_when_it_was_set() {
    let therapist = Env::new();
    let noted = dr_rao_assigns(
        &therapist,
        "noted.toml",
        "2026-11-20T09:00:00Z",
        "2026-12-04",
        &[
            "--message",
            "Breathing week: go gently, one day at a time.\nCall me if it gets hard.",
        ],
    );
    let plain = dr_rao_assigns(
        &therapist,
        "plain.toml",
        "2026-11-27T09:00:00Z",
        "2026-12-11",
        &[],
    );
    let client = Env::with_example();
    let at = |when: &str, args: &[&str]| client.test(args).env("RELAPSE_PLAN_NOW", when);
    // Read as one line: the heading wraps to the width.
    let started = at(
        "2026-11-21T09:00:00Z",
        &["homework", "start", noted.to_str().unwrap()],
    )
    .run();
    // `start` shows the note whole under its heading, so the heading
    // names it by its day (homework14d: Wei read the note twice); `status`,
    // which does not show the note, names it by the note's first words.
    let shown = flat(&started.stdout);
    assert!(
        shown.contains("Homework from Dr Rao, set on 20 November 2026, due 4 December"),
        "{shown}"
    );
    assert_eq!(shown.matches("Breathing week").count(), 1, "{shown}");
    let status = at("2026-11-21T09:05:00Z", &["homework", "status"]).run();
    assert!(
        flat(&status.stdout)
            .contains("Homework from Dr Rao, “Breathing week: go gently, one…”, due 4 December"),
        "{}",
        status.stdout
    );
    at(
        "2026-11-27T10:00:00Z",
        &["homework", "start", plain.to_str().unwrap(), "--force"],
    )
    .stderr_has("This replaces the homework from Dr Rao, “Breathing week: go gently, one…”, due 4 December.")
    .run();
}

/// Issue 13 (Anjali, homework13k item 4): what she did between the
/// session and `homework start` counts, and the count says from when. She
/// practised on Tuesday the 24th and started the homework, set on Friday
/// the 20th, on Wednesday the 25th: it said 0 of 3; it is 1 of 3 since 20
/// November, and the hand-in carries that practice to her therapist.
#[test]
fn homework_counts_from_the_day_it_was_set_and_says_so() {
    let therapist = Env::new();
    let file = dr_rao_assigns(
        &therapist,
        "hw.toml",
        "2026-11-20T09:00:00Z",
        "2026-12-04",
        &["--task", "check-in=2"],
    );
    let client = Env::with_example();
    let at = |when: &str, args: &[&str]| client.test(args).env("RELAPSE_PLAN_NOW", when);
    // Before the session: never counted.
    at("2026-11-19T09:00:00Z", &["surf", "--ratings", "7,5,3"]).run();
    at(
        "2026-11-19T09:10:00Z",
        &["check-in", "--urge", "4", "--acted", "no"],
    )
    .run();
    // After it, before she started the homework.
    at("2026-11-24T09:00:00Z", &["surf", "--ratings", "8,6,2"]).run();
    at(
        "2026-11-24T09:10:00Z",
        &["check-in", "--urge", "5", "--acted", "no"],
    )
    .run();
    at(
        "2026-11-25T09:00:00Z",
        &["homework", "start", file.to_str().unwrap()],
    )
    .run();
    let status = flat(
        &at("2026-11-25T10:00:00Z", &["homework", "status"])
            .run()
            .stdout,
    );
    assert!(
        status.contains(
            "practise urge surfing 3 times (1 of 3 urge-surfing sessions since 20 November 2026)"
        ),
        "{status}"
    );
    assert!(
        status.contains("(1 of 2 days checked in since 20 November 2026)"),
        "{status}"
    );
    let hand_in = client.home().join("hand-in.toml");
    at(
        "2026-11-26T09:00:00Z",
        &[
            "homework",
            "submit",
            "-o",
            hand_in.to_str().unwrap(),
            "--yes",
        ],
    )
    .run();
    let text = fs::read_to_string(&hand_in).unwrap();
    assert!(text.contains("2026-11-24T09:00:00Z"), "{text}");
    assert!(!text.contains("2026-11-19"), "{text}");
    let review = flat(&therapist.ok(["review", hand_in.to_str().unwrap()]));
    assert!(
        review.contains("(1 of 3 urge-surfing sessions since 20 November 2026)"),
        "{review}"
    );
}

/// Issue 13 (Yuki at 50 columns, homework13k item 3): `homework start`
/// and `homework status` wrap every line between words in a real
/// terminal; before, the task lines and the heading ran over the edge.
#[test]
fn homework_start_and_status_fit_50_columns() {
    use crate::keys::Tmux;
    let client = Env::with_example();
    let file = client.home().join("hw.toml");
    fs::write(
        &file,
        fs::read_to_string(examples().join("homework.toml"))
            .unwrap()
            .replace("Dr Patel", "Dr Yamamoto Haruka (Osaka clinic)"),
    )
    .unwrap();
    for args in [
        vec!["homework", "start", file.to_str().unwrap()],
        vec!["homework", "status"],
    ] {
        let t = Tmux::start(&client, &args, 50);
        t.wait_until_ended();
        let rows: Vec<String> = t
            .scrollback()
            .lines()
            .map(|l| l.trim_end().to_string())
            .collect();
        let run_over: Vec<String> = t
            .scrollback_joined()
            .lines()
            .map(|l| l.trim_end().to_string())
            .filter(|l| !rows.contains(l))
            // A command to paste is kept whole, over the edge if it must.
            .filter(|l| !crate::narrow::whole_command(l))
            .collect();
        let screen = rows.join("\n");
        assert!(screen.contains("Dr Yamamoto Haruka"), "{args:?}:\n{screen}");
        assert!(
            screen.contains("rehearse your top 2"),
            "{args:?}:\n{screen}"
        );
        assert_eq!(run_over, Vec::<String>::new(), "{args:?}:\n{screen}");
    }
}

/// `homework start` at 100 and at 50 columns, in tmux: its last sentence
/// ("… `rank` and `rehearse` help you do it.") broke mid-phrase at both
/// widths, leaving "it." alone on a line. Now two short sentences, each on
/// a line of its own, and no line wider than the screen.
#[test]
fn homework_start_ends_in_whole_phrases_at_100_and_50_columns() {
    use crate::keys::Tmux;
    for width in [100, 50] {
        let client = Env::with_example();
        let file = examples().join("homework.toml");
        let t = Tmux::start(
            &client,
            &["homework", "start", file.to_str().unwrap()],
            width,
        );
        t.wait_until_ended();
        let rows: Vec<String> = t
            .scrollback()
            .lines()
            .map(|l| l.trim_end().to_string())
            .collect();
        let screen = rows.join("\n");
        let joined = t.scrollback_joined();
        let run_over: Vec<&str> = joined
            .lines()
            .map(str::trim_end)
            .filter(|l| !rows.iter().any(|r| r == l))
            .collect();
        assert_eq!(run_over, Vec::<&str>::new(), "{width}:\n{screen}");
        for line in [
            "`relapse-plan homework status` shows what is left.",
            "To do it: `new`, `map`, `rank` and `rehearse`.",
        ] {
            assert!(rows.iter().any(|r| r == line), "{width}: {line}\n{screen}");
        }
        assert!(
            !rows.iter().any(|r| r.trim() == "it."),
            "{width}:\n{screen}"
        );
    }
}

/// Trudy, round 2: `homework submit -o /dev/null --yes` said nothing was
/// kept there, then `status` said the homework was handed in and
/// finished. Sent where nothing is kept, it is not handed in.
#[cfg(unix)]
#[test]
fn a_hand_in_sent_to_dev_null_is_not_handed_in() {
    let client = Env::with_example();
    client.ok([
        "homework",
        "start",
        examples().join("homework.toml").to_str().unwrap(),
    ]);
    client
        .test(["homework", "submit", "-o", "/dev/null", "--yes"])
        .run();
    let status = client.test(["homework", "status"]).run();
    assert!(!status.stdout.contains("handed it in"), "{}", status.stdout);
    assert!(
        !status.stdout.contains("It is finished"),
        "{}",
        status.stdout
    );
}
