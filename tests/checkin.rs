//! The daily check-in from the outside (issue 14): flags, one entry per
//! local day, the lapse plan after a lapse, the early warning rising and
//! easing over simulated days, local days far from UTC, the reminder file,
//! and schema 1 plans read and saved as schema 2.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use crate::Env;

/// Runs `check-in ARGS` at a moment (and in a time zone), returning stdout.
#[track_caller]
fn check_in_at(env: &Env, when: &str, tz: Option<&str>, args: &[&str]) -> String {
    let mut test = env
        .test(std::iter::once("check-in").chain(args.iter().copied()))
        .env("RELAPSE_PLAN_NOW", when);
    if let Some(tz) = tz {
        test = test.env("TZ", tz);
    }
    String::from_utf8(test.run().bytes).unwrap()
}

fn check_ins(env: &Env) -> toml::Table {
    toml::from_str(&fs::read_to_string(env.plan_dir().join("check-ins.toml")).unwrap()).unwrap()
}

fn days(env: &Env) -> Vec<String> {
    check_ins(env)["check_ins"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["day"].to_string())
        .collect()
}

#[test]
fn flags_check_in_in_the_plans_own_words() {
    let env = Env::with_example();
    let out = env.ok([
        "check-in",
        "--urge",
        "6",
        "--acted",
        "no",
        "--sign",
        "skipping meals and sleeping badly",
        "--did",
        "Walk at lunch",
        "--used",
        "urge-surf",
        "--distress",
        "5",
        "--note",
        "Long day, but I walked; \"quotes\" and a comma",
    ]);
    assert!(out.contains("Checked in for Sun 22 Nov"), "{out}");
    assert!(
        !out.contains("noticed something"),
        "one check-in is no warning: {out}"
    );
    let log = check_ins(&env);
    assert_eq!(log["version"].as_integer(), Some(1));
    let entry = &log["check_ins"][0];
    assert_eq!(entry["day"].to_string(), "2026-11-22");
    assert_eq!(entry["urge"].as_integer(), Some(6));
    assert_eq!(entry["acted"].as_str(), Some("no"));
    // Stored as the plan words it, whatever case was typed.
    assert_eq!(
        entry["signs"][0].as_str(),
        Some("Skipping meals and sleeping badly")
    );
    assert_eq!(entry["did"][0].as_str(), Some("Walk at lunch"));
    assert_eq!(entry["used"][0].as_str(), Some("urge-surf"));
    assert_eq!(
        entry["notes"][0].as_str(),
        Some("Long day, but I walked; \"quotes\" and a comma")
    );
    for file in ["check-ins.toml", "check-ins.recent.toml"] {
        let mode = fs::metadata(env.plan_dir().join(file))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "{file}");
    }
    // A check-in is not a plan revision.
    assert_eq!(env.plan().revision, 3);
}

#[test]
fn a_second_check_in_the_same_day_adds_to_it() {
    let env = Env::with_example();
    check_in_at(
        &env,
        "2026-11-22T08:00:00Z",
        None,
        &["--urge", "3", "--note", "morning"],
    );
    let out = check_in_at(
        &env,
        "2026-11-22T21:00:00Z",
        None,
        &[
            "--urge",
            "5",
            "--sign",
            "Not answering Alex's messages",
            "--note",
            "evening",
        ],
    );
    assert!(out.contains("checked in twice today"), "{out}");
    let log = check_ins(&env);
    let entries = log["check_ins"].as_array().unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0]["times"].as_array().unwrap().len(), 2);
    assert_eq!(entries[0]["urge"].as_integer(), Some(5));
    assert_eq!(entries[0]["notes"].as_array().unwrap().len(), 2);
}

#[test]
fn words_not_in_the_plan_are_refused_and_nothing_is_written() {
    let env = Env::with_example();
    let before = env.snapshot_dir();
    // A word the plan does not hold is no command-line mistake: exit 1, as
    // a coping strategy it does not hold is.
    let err = env.fails(1, ["check-in", "--urge", "4", "--sign", "Feeling great"]);
    assert!(
        err.contains("“Feeling great” is not one of your warning signs"),
        "{err}"
    );
    assert!(err.contains("Skipping meals and sleeping badly"), "{err}");
    assert!(err.contains("--other-sign"), "{err}");
    env.fails(2, ["check-in", "--urge", "11"]);
    env.fails(2, ["check-in", "--urge", "4", "--acted", "maybe"]);
    env.fails(2, ["check-in", "--acted", "no"]);
    let err = env.fails(1, ["check-in", "--urge", "4", "--used", "juggling"]);
    assert!(err.contains("1 “Urge surfing”"), "{err}");
    assert!(
        err.contains("no coping strategy `juggling` in the plan")
            && err.contains("`relapse-plan coping list` shows the coping strategies there are"),
        "{err}"
    );
    assert_eq!(env.snapshot_dir(), before);
    // Something else, in the person's words, is kept without changing the plan.
    env.ok(["check-in", "--urge", "4", "--other-sign", "Snapping at Jo"]);
    assert_eq!(
        check_ins(&env)["check_ins"][0]["signs"][0].as_str(),
        Some("Snapping at Jo")
    );
    assert_eq!(env.plan().revision, 3);
}

#[test]
fn a_mistake_after_a_lapse_still_shows_the_lapse_plan_and_keeps_the_rest() {
    let env = Env::with_example();
    let steps: Vec<String> = env
        .plan()
        .lapse_plan
        .iter()
        .map(|s| s.text.clone())
        .collect();
    assert!(!steps.is_empty());
    let flat = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    // A word the plan does not hold: the rest is saved, the lapse plan is
    // shown, and the error says what was left out.
    let out = env
        .test([
            "check-in",
            "--urge",
            "6",
            "--acted",
            "yes",
            "--sign",
            "unknown",
            "--distress",
            "7",
        ])
        .status(1)
        .run();
    let (stdout, stderr) = (flat(&out.stdout), flat(&out.stderr));
    for step in &steps {
        assert!(
            stdout.contains(step.as_str()),
            "{step} missing from {stdout}"
        );
    }
    assert!(
        stderr.contains("“unknown” is not one of your warning signs"),
        "{stderr}"
    );
    assert!(stderr.contains("saved, all but this"), "{stderr}");
    let entry = &check_ins(&env)["check_ins"][0];
    assert_eq!(entry["urge"].as_integer(), Some(6));
    assert_eq!(entry["acted"].as_str(), Some("yes"));
    assert_eq!(entry["distress"].as_integer(), Some(7));
    assert!(
        entry
            .get("signs")
            .is_none_or(|s| s.as_array().unwrap().is_empty())
    );

    // A misspelt flag, refused before anything runs: the lapse plan still
    // comes, and it says nothing was saved.
    let stderr = flat(&env.fails(
        2,
        ["check-in", "--urge", "6", "--acted=partly", "--sing", "x"],
    ));
    assert!(stderr.contains("--sing"), "{stderr}");
    for step in &steps {
        assert!(
            stderr.contains(step.as_str()),
            "{step} missing from {stderr}"
        );
    }
    assert!(stderr.contains("was not saved"), "{stderr}");
    // Without a lapse, a mistake is only the mistake.
    env.test(["check-in", "--urge", "2", "--sing", "x"])
        .status(2)
        .stderr_lacks(steps[0].as_str())
        .run();
}

#[test]
fn without_a_terminal_it_says_what_to_use_instead() {
    let env = Env::with_example();
    let err = env.fails(1, ["check-in"]);
    assert!(err.contains("needs a terminal"), "{err}");
    assert!(err.contains("check-in --urge"), "{err}");
}

#[test]
fn a_lapse_brings_up_the_lapse_plan_kindly() {
    let env = Env::with_example();
    let out = env.ok(["check-in", "--urge", "8", "--acted", "partly"]);
    let out = out.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(out.contains("a lapse, not a relapse"), "{out}");
    assert!(out.contains("something to learn from"), "{out}");
    let plan = env.plan();
    for step in &plan.lapse_plan {
        assert!(
            out.contains(&step.text),
            "{} missing from\n{out}",
            step.text
        );
    }
    for cold in ["fail", "relapsed", "reset", "streak broken"] {
        let without_the_kind_one = out.replace("not a failure", "");
        assert!(!without_the_kind_one.contains(cold), "{cold:?} in\n{out}");
    }
}

#[test]
fn the_days_count_is_off_by_default_and_never_shames() {
    let env = Env::with_example();
    let day = |d: u8| format!("2026-11-{d:02}T09:00:00Z");
    let out = check_in_at(&env, &day(10), None, &["--urge", "1"]);
    assert!(!out.contains("days"), "off by default: {out}");
    env.ok(["check-in", "--count-days", "on"]);
    assert!(env.plan().check_in.count_days);
    for d in 11..=15 {
        check_in_at(&env, &day(d), None, &["--urge", "1"]);
    }
    let out = check_in_at(&env, &day(16), None, &["--urge", "7", "--acted", "yes"]);
    assert!(out.contains("Today starts a new stretch"), "{out}");
    assert!(out.contains("longest stretch so far is 6 days"), "{out}");
    assert!(out.contains("Every day counts"), "{out}");
    let out = check_in_at(&env, &day(18), None, &["--urge", "1"]);
    assert!(out.contains("2 days since your last lapse"), "{out}");
    assert!(out.contains("longest stretch so far is 6 days"), "{out}");
}

#[test]
fn the_days_count_with_a_check_in_keeps_both_and_the_note_stays_private() {
    let env = Env::with_example();
    let before = env.plan().revision;
    let out = env.ok([
        "check-in",
        "--urge",
        "1",
        "--did",
        "Walk at lunch",
        "--note",
        "私的なメモ: a private line",
        "--count-days",
        "on",
    ]);
    // The check-in is saved, with its note, and the setting changed too.
    assert!(out.contains("Checked in for Sun 22 Nov"), "{out}");
    let entry = &check_ins(&env)["check_ins"][0];
    assert_eq!(entry["urge"].as_integer(), Some(1));
    assert_eq!(
        entry["notes"][0].as_str(),
        Some("私的なメモ: a private line")
    );
    let plan = env.plan();
    assert!(plan.check_in.count_days);
    assert_eq!(plan.revision, before + 1);
    // The private line never becomes a revision's change note.
    let note = plan.change_note.unwrap_or_default();
    assert!(!note.contains("私的なメモ"), "{note}");
    assert!(!env.ok(["history"]).contains("私的なメモ"));
    // `diff` sees the setting.
    let diff = env.ok(["diff", &before.to_string(), &(before + 1).to_string()]);
    assert!(diff.contains("count days"), "{diff}");
    assert!(!diff.contains("No changes"), "{diff}");

    // Again with the count already on: the urge is still recorded.
    env.test(["check-in", "--count-days", "on", "--urge", "4"])
        .stderr_has("already on")
        .stderr_lacks("Nothing changed")
        .run();
    assert_eq!(
        check_ins(&env)["check_ins"][0]["urge"].as_integer(),
        Some(4)
    );
    assert_eq!(env.plan().revision, before + 1);

    // A note with no check-in to hold it is refused, and nothing is written.
    let files = env.snapshot_dir();
    let err = env.fails(2, ["check-in", "--count-days", "off", "--note", "secret"]);
    assert!(err.contains("--urge"), "{err}");
    assert_eq!(env.snapshot_dir(), files);
}

#[test]
fn the_local_day_is_the_persons_far_from_utc() {
    let env = Env::with_example();
    // 10:59 UTC is 23:59 on the 22nd in Auckland (NZDT, UTC+13)…
    let out = check_in_at(
        &env,
        "2026-11-22T10:59:00Z",
        Some("Pacific/Auckland"),
        &["--urge", "2"],
    );
    assert!(out.contains("Sun 22 Nov"), "{out}");
    // …and two minutes later it is already the 23rd there.
    let out = check_in_at(
        &env,
        "2026-11-22T11:01:00Z",
        Some("Pacific/Auckland"),
        &["--urge", "3"],
    );
    assert!(out.contains("Mon 23 Nov"), "{out}");
    // 07:59 UTC on the 23rd is still 23:59 on the 22nd in Los Angeles.
    let out = check_in_at(
        &env,
        "2026-11-23T07:59:00Z",
        Some("America/Los_Angeles"),
        &["--urge", "4"],
    );
    assert!(out.contains("Sun 22 Nov"), "{out}");
    assert!(out.contains("checked in twice today"), "{out}");
    assert_eq!(days(&env), ["2026-11-22", "2026-11-23"]);
}

#[test]
fn the_early_warning_rises_with_the_persons_signs_and_eases() {
    let env = Env::with_example();
    let day = |d: u8| format!("2026-11-{d:02}T19:00:00Z");
    let signs = [
        "--sign",
        "Skipping meals and sleeping badly",
        "--sign",
        "Not answering Alex's messages",
    ];
    let calm = ["--urge", "2"];
    let busy: Vec<&str> = ["--urge", "4"]
        .iter()
        .chain(signs.iter())
        .copied()
        .collect();
    check_in_at(&env, &day(10), None, &busy);
    check_in_at(&env, &day(11), None, &calm);
    let out = check_in_at(&env, &day(12), None, &busy);
    assert!(!out.contains("noticed something"), "two of three: {out}");
    let out = check_in_at(&env, &day(13), None, &busy);
    let out = out.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(out.contains("Your plan has noticed something"), "{out}");
    assert!(
        out.contains("showing on your last 4 check-ins: “Skipping meals and sleeping badly” on 3 of them, “Not answering Alex's messages” on 3."),
        "the person's own words, and how often: {out}"
    );
    assert!(out.contains("not a diagnosis"), "{out}");
    assert!(
        out.contains("1. Stop, leave, and go somewhere safe"),
        "first crisis step: {out}"
    );
    assert!(
        out.contains("+44 7700 900123"),
        "a help contact's number: {out}"
    );
    assert!(out.contains("Samaritans"), "{out}");
    // Her words in the offer, and the command by number, not by id.
    // Named with this plan's folder, as every command it suggests is.
    assert!(out.ends_with("relapse-plan rehearse 1"), "{out}");
    assert!(!out.contains("rehearse payday"), "{out}");
    // It shows after the crisis steps in `now` (in a crisis the steps
    // come first) and at the top of `show` while it holds…
    let now = env.test(["now"]).env("RELAPSE_PLAN_NOW", day(14)).run();
    let now = String::from_utf8(now.bytes).unwrap();
    let notice = now.find("Your plan has noticed something").expect(&now);
    let first_step = now.find("Stop, leave, and go somewhere safe").expect(&now);
    assert!(first_step < notice, "steps first:\n{now}");
    let show = env.test(["show"]).env("RELAPSE_PLAN_NOW", day(14)).run();
    assert!(
        String::from_utf8(show.bytes)
            .unwrap()
            .starts_with("Your plan has noticed something")
    );
    // …and stands down by itself as the signs ease.
    check_in_at(&env, &day(14), None, &calm);
    check_in_at(&env, &day(15), None, &calm);
    let out = check_in_at(&env, &day(16), None, &calm);
    assert!(!out.contains("noticed something"), "{out}");
    let now = env.test(["now"]).env("RELAPSE_PLAN_NOW", day(16)).run();
    assert!(
        !String::from_utf8(now.bytes)
            .unwrap()
            .contains("noticed something")
    );
}

#[test]
fn the_rule_in_the_help_is_the_rule_in_the_code() {
    let env = Env::new();
    let help = env.ok(["check-in", "--help"]);
    let flat = help.split_whitespace().collect::<Vec<_>>().join(" ");
    let rule = relapse_plan::plan::early_warning::Rule::default();
    for part in [
        format!(
            "{} or more warning signs (your plan's, or ones you typed in) showed on {} of your last {} check-ins",
            rule.signs, rule.sign_check_ins, rule.last_check_ins
        ),
        format!(
            "an urge of {} or more came on {} days within {} days (today included)",
            rule.urge, rule.urge_times, rule.urge_days
        ),
        format!("a lapse within the last {} days", rule.lapse_days),
    ] {
        assert!(flat.contains(&part), "{part:?} not in\n{help}");
    }
}

#[test]
fn the_rule_can_be_tuned_in_the_plan_file() {
    let env = Env::with_example();
    env.ok(["step", "add", "Breathe out slowly"]);
    let text = fs::read_to_string(env.plan_file()).unwrap();
    fs::write(
        env.plan_file(),
        format!("{text}\n[early_warning]\nurge = 5\nurge_times = 1\n"),
    )
    .unwrap();
    let out = env.ok(["check-in", "--urge", "5"]);
    assert!(
        out.contains("Your urges have been strong: 5 on Sun 22 Nov"),
        "{out}"
    );
    // Numbers that cannot work are named, and nothing is written.
    let before = env.snapshot_dir();
    let text = fs::read_to_string(env.plan_file()).unwrap();
    fs::write(env.plan_file(), text.replace("urge = 5", "urge = 15")).unwrap();
    let before_bad = env.snapshot_dir();
    let err = env.fails(1, ["step", "add", "x"]);
    assert!(
        err.contains("early_warning") && err.contains("from 1 to 10"),
        "{err}"
    );
    assert_eq!(env.snapshot_dir(), before_bad);
    drop(before);
}

#[test]
fn a_newer_or_damaged_log_is_never_rewritten() {
    let env = Env::with_example();
    let path = env.plan_dir().join("check-ins.toml");
    for bad in [
        "version = 2\nhologram = true\n",
        "version = 1\n[[check_ins]]\nday = 2026-11-22\ntimes = []\nurge = \"high\"\n",
        "version = 1\n[[check_ins]]\nday = 2026-11-23\ntimes = []\nurge = 1\n[[check_ins]]\nday = 2026-11-22\ntimes = []\nurge = 1\n",
    ] {
        fs::write(&path, bad).unwrap();
        let files = || {
            let mut files = env.snapshot_dir();
            files.retain(|(p, _)| !p.ends_with(".lock"));
            files
        };
        let before = files();
        // The check-in itself is kept beside it, never refused (a person
        // in distress must still be able to check in: Linh, issue 13).
        let err = String::from_utf8(env.test(["check-in", "--urge", "3"]).run().err_bytes).unwrap();
        assert!(err.contains("check-ins.toml"), "{err}");
        assert!(err.contains("check-ins.waiting.toml"), "{err}");
        let waiting = env.plan_dir().join("check-ins.waiting.toml");
        assert!(fs::read_to_string(&waiting).unwrap().contains("urge = 3"));
        fs::remove_file(&waiting).unwrap();
        assert_eq!(files(), before, "{bad}");
    }
}

#[test]
fn the_daily_reminder_is_a_calendar_event_that_repeats() {
    let env = Env::new();
    let file = env.home().join("check-in.ics");
    env.ok([
        "check-in",
        "--ics",
        "--at",
        "20:30",
        "-o",
        file.to_str().unwrap(),
    ]);
    let text = fs::read_to_string(&file).unwrap();
    let calendar = ical::IcalParser::new(text.as_bytes())
        .next()
        .unwrap()
        .unwrap();
    assert_eq!(calendar.events.len(), 1);
    let prop = |name: &str| {
        calendar.events[0]
            .properties
            .iter()
            .find(|p| p.name == name)
            .and_then(|p| p.value.clone())
            .unwrap_or_default()
    };
    assert_eq!(prop("RRULE"), "FREQ=DAILY");
    assert_eq!(prop("DTSTART"), "20261122T203000");
    assert!(prop("SUMMARY").contains("Check in"));
    assert_eq!(calendar.events[0].alarms.len(), 1);
    env.fails(2, ["check-in", "--ics", "--at", "25:00"]);
}

/// The reminder carries the person's zone: `DTSTART;TZID=…` and its
/// `VTIMEZONE`, read by an independent reader (Python's dateutil, which
/// comes with vobject in CI; the test fails without it, never skips),
/// gives the same offset as the time zone database on every week of the
/// next fifteen years at the reminder's hour, summer time and all (ten for
/// Casablanca, whose changes follow Ramadan and are listed for ten years).
#[test]
fn the_daily_reminder_rings_at_the_persons_hour_in_their_zone() {
    const SCRIPT: &str = r"
import datetime, sys
from dateutil import tz
zones = tz.tzical(sys.argv[1])
zone = zones.get(sys.argv[2])
day = datetime.datetime(2026, 11, 22, 20, 30)
for week in range(int(sys.argv[3])):
    print(int((day + datetime.timedelta(weeks=week)).replace(tzinfo=zone).utcoffset().total_seconds()))
";
    let env = Env::new();
    for tz in [
        "Pacific/Auckland",
        "America/Los_Angeles",
        "Europe/Dublin",
        "Asia/Kolkata",
        "Africa/Casablanca",
        "Australia/Lord_Howe",
    ] {
        let file = env.home().join("reminder.ics");
        env.test([
            "check-in",
            "--ics",
            "--at",
            "20:30",
            "-o",
            file.to_str().unwrap(),
            "--force",
        ])
        .env("TZ", tz)
        .run();
        let text = fs::read_to_string(&file).unwrap();
        let calendar = ical::IcalParser::new(text.as_bytes())
            .next()
            .unwrap()
            .unwrap();
        let start = calendar.events[0]
            .properties
            .iter()
            .find(|p| p.name == "DTSTART")
            .unwrap();
        assert_eq!(start.value.as_deref(), Some("20261122T203000"), "{tz}");
        let params = start.params.clone().unwrap_or_default();
        assert!(
            params
                .iter()
                .any(|(k, v)| k == "TZID" && v == &vec![tz.to_string()]),
            "{tz}: {params:?}"
        );
        assert_eq!(calendar.timezones.len(), 1, "{tz}");
        let zone = &calendar.timezones[0];
        assert!(
            zone.properties
                .iter()
                .any(|p| p.name == "TZID" && p.value.as_deref() == Some(tz)),
            "{tz}"
        );
        assert!(!zone.transitions.is_empty(), "{tz}");
        let read = crate::tool("python3")
            .arg("-c")
            .arg(SCRIPT)
            .arg(&file)
            .arg(tz)
            .arg(if tz == "Africa/Casablanca" {
                "520"
            } else {
                "780"
            })
            .case("python3 with dateutil reads the calendar independently (.ci/run installs them)")
            .run();
        let zone = jiff::tz::TimeZone::get(tz).unwrap();
        let first = jiff::civil::date(2026, 11, 22).at(20, 30, 0, 0);
        let offsets = String::from_utf8(read.bytes).unwrap();
        let mut weeks = 0;
        for (week, line) in offsets.lines().enumerate() {
            let at = first
                .checked_add(jiff::Span::new().weeks(i64::try_from(week).unwrap()))
                .unwrap()
                .to_zoned(zone.clone())
                .unwrap();
            assert_eq!(
                line.parse::<i32>().unwrap(),
                at.offset().seconds(),
                "{tz}: {at} rings at another hour"
            );
            weeks += 1;
        }
        assert!(weeks >= 520, "{tz}");
    }
}

#[test]
fn every_older_plan_reads_as_3_and_is_saved_as_3_on_its_next_change() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (mut found, mut found_2) = (0, 0);
    let mut stack = vec![root.join("tests"), root.join("examples")];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let Ok(text) = fs::read_to_string(&path) else {
                continue;
            };
            let Ok(table) = text.parse::<toml::Table>() else {
                continue;
            };
            let version = table
                .get("schema_version")
                .and_then(toml::Value::as_integer);
            if !matches!(version, Some(1 | 2)) || table.contains_key("kind") {
                continue;
            }
            // Damaged or hostile schema-1 files must fail the same way as before.
            let Ok(parsed) = relapse_plan::plan::parse::parse(text.as_bytes()) else {
                continue;
            };
            found += 1;
            if version == Some(2) {
                found_2 += 1;
            }
            assert_eq!(parsed.plan.schema_version, 3, "{}", path.display());
            if !parsed.problems.is_empty() {
                continue;
            }
            let env = Env::new();
            fs::create_dir_all(env.plan_dir().join("revisions")).unwrap();
            let rev = parsed.plan.revision.max(1);
            fs::write(env.plan_file(), &text).unwrap();
            fs::write(
                env.plan_dir().join(format!("revisions/{rev:06}.toml")),
                &text,
            )
            .unwrap();
            env.ok(["show"]);
            env.ok(["now"]);
            env.ok(["reason", "add", "One more reason"]);
            let saved = fs::read_to_string(env.plan_file()).unwrap();
            assert!(
                saved.starts_with("schema_version = 3\n"),
                "{}: {saved}",
                path.display()
            );
            // The old revision stays exactly as it was, and still opens.
            let old = env.plan_dir().join(format!("revisions/{rev:06}.toml"));
            assert_eq!(fs::read_to_string(&old).unwrap(), text);
            let diff = env.ok(["diff"]);
            assert!(
                diff.contains("One more reason"),
                "{}: {diff}",
                path.display()
            );
            assert!(
                !diff.contains("schema"),
                "no change of schema shown as a change: {diff}"
            );
            env.ok(["restore", &rev.to_string()]);
            let back = env.plan();
            assert_eq!(back.reasons, parsed.plan.reasons, "{}", path.display());
            assert!(
                fs::read_to_string(env.plan_file())
                    .unwrap()
                    .starts_with("schema_version = 3\n")
            );
        }
    }
    assert!(found >= 4, "only {found} older plans found");
    assert!(found_2 >= 1, "no schema-2 plan found");
}

/// Two weeks of check-ins on the example plan, a fixed clock moved day by
/// day: signs rise mid-way, a lapse on the 15th, no check-in on the 17th,
/// then things ease.
#[allow(clippy::too_many_lines)] // a table of fourteen days, one per line before rustfmt
fn fortnight() -> Env {
    let env = Env::with_example();
    let s1 = "Skipping meals and sleeping badly";
    let s2 = "Thinking \"one won't matter\"";
    let s3 = "Not answering Alex's messages";
    let days: [(u8, &[&str]); 13] = [
        (
            9,
            &[
                "--urge",
                "2",
                "--distress",
                "3",
                "--did",
                "Walk at lunch",
                "--used",
                "urge-surf",
            ],
        ),
        (
            10,
            &["--urge", "3", "--distress", "3", "--did", "Walk at lunch"],
        ),
        (
            11,
            &[
                "--urge",
                "4",
                "--distress",
                "5",
                "--sign",
                s1,
                "--did",
                "Walk at lunch",
            ],
        ),
        (
            12,
            &["--urge", "5", "--distress", "6", "--sign", s1, "--sign", s3],
        ),
        (
            13,
            &[
                "--urge",
                "7",
                "--distress",
                "7",
                "--sign",
                s1,
                "--sign",
                s2,
                "--note",
                "Payday, walked the long way",
            ],
        ),
        (
            14,
            &[
                "--urge",
                "8",
                "--distress",
                "8",
                "--sign",
                s1,
                "--sign",
                s2,
                "--sign",
                s3,
                "--used",
                "walk-other-way",
            ],
        ),
        (
            15,
            &[
                "--urge",
                "9",
                "--acted",
                "partly",
                "--distress",
                "8",
                "--sign",
                s2,
                "--sign",
                s3,
                "--note",
                "Had two, then called Alex",
            ],
        ),
        (
            16,
            &[
                "--urge",
                "6",
                "--distress",
                "6",
                "--sign",
                s1,
                "--used",
                "call-for-help",
                "--did",
                "Walk at lunch",
            ],
        ),
        (
            18,
            &[
                "--urge",
                "4",
                "--distress",
                "4",
                "--did",
                "Walk at lunch",
                "--did",
                "Check in with Alex every Wednesday",
            ],
        ),
        (
            19,
            &["--urge", "3", "--distress", "3", "--did", "Walk at lunch"],
        ),
        (
            20,
            &[
                "--urge",
                "2",
                "--distress",
                "2",
                "--did",
                "Walk at lunch",
                "--used",
                "urge-surf",
            ],
        ),
        (
            21,
            &["--urge", "2", "--distress", "2", "--did", "Walk at lunch"],
        ),
        (
            22,
            &["--urge", "1", "--distress", "2", "--did", "Walk at lunch"],
        ),
    ];
    for (day, args) in days {
        check_in_at(
            &env,
            &format!("2026-11-{day:02}T20:30:00Z"),
            Some("Europe/London"),
            args,
        );
    }
    env
}

fn trends(env: &Env, args: &[&str]) -> String {
    let output = env
        .test(args)
        .env("RELAPSE_PLAN_NOW", "2026-11-22T21:00:00Z")
        .env("TZ", "Europe/London")
        .run();
    String::from_utf8(output.bytes).unwrap()
}

#[test]
fn trends_show_the_fortnight() {
    let env = fortnight();
    let chart = trends(&env, &["trends"]);
    insta::assert_snapshot!("trends_fortnight_chart", chart);
    // The legend says blank means no check-in: every row is blank on
    // exactly the days without one (the grid's rows say which), and a day
    // with a check-in shows "·", "●" or "!".
    let days = |line: &str| -> Vec<bool> {
        line.chars()
            .skip(22)
            .take(28)
            .step_by(2)
            .map(|c| c != ' ')
            .collect()
    };
    let lines: Vec<&str> = chart.lines().collect();
    let after = |title: &str| {
        let at = lines.iter().position(|l| *l == title).unwrap();
        lines[at + 1]
    };
    let checked = days(after("Coping used"));
    assert!(
        checked.contains(&false) && checked.contains(&true),
        "{chart}"
    );
    let row = |name: &str| days(lines.iter().find(|l| l.starts_with(name)).unwrap());
    assert_eq!(row("Lapse"), checked, "{chart}");
    // The early warning may hold on a day without a check-in ("!"), but a
    // day with one is never blank.
    let warned = row("Early warning");
    assert!(
        checked.iter().zip(&warned).all(|(c, w)| !c || *w),
        "{chart}"
    );
    assert!(
        chart.contains("An early warning is 2 or more warning signs"),
        "{chart}"
    );
    let plain = trends(&env, &["--plain", "trends"]);
    insta::assert_snapshot!("trends_fortnight_plain", plain);
    for symbol in ['█', '●', '·', '▄'] {
        assert!(!plain.contains(symbol), "{symbol} in plain output");
    }
    let ninety = trends(&env, &["trends", "--days", "90"]);
    assert!(ninety.contains("Each column is 2 days"), "{ninety}");
    for line in ninety.lines().chain(chart.lines()) {
        let cut = line.split(" day").next().unwrap_or(line);
        assert!(cut.chars().count() <= 80, "too wide: {line}");
    }
}

#[test]
fn trends_fit_a_50_column_terminal() {
    let env = fortnight();
    for args in [&["trends"][..], &["trends", "--plain"][..]] {
        let out = env.test(args).env("COLUMNS", "50").run();
        let text = String::from_utf8(out.bytes).unwrap();
        for line in text.lines() {
            let width = textwrap::core::display_width(line);
            assert!(width <= 50, "{width} columns: {line:?}\n{text}");
        }
    }
}

#[test]
fn trends_csv_reads_back_in_a_spreadsheet_reader() {
    let env = fortnight();
    let csv = trends(&env, &["trends", "--csv"]);
    let file = env.home().join("trends.csv");
    fs::write(&file, &csv).unwrap();
    let script = r"
import csv, json, sys
with open(sys.argv[1], newline='', encoding='utf-8') as f:
    rows = list(csv.DictReader(f))
print(json.dumps(rows))
";
    let output = crate::tool("python3")
        .arg("-c")
        .arg(script)
        .arg(&file)
        .case("python3 reads the CSV back (.ci/run has it)")
        .run();
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&output.bytes).unwrap();
    assert_eq!(rows.len(), 14);
    let day = |d: &str| rows.iter().find(|r| r["date"] == d).unwrap();
    assert_eq!(day("2026-11-17")["checked_in"], "no");
    let lapse = day("2026-11-15");
    assert_eq!(lapse["lapse"], "yes");
    assert_eq!(lapse["acted"], "partly");
    assert_eq!(lapse["notes"], "Had two, then called Alex");
    assert_eq!(
        day("2026-11-13")["warning_signs"],
        "Skipping meals and sleeping badly; Thinking \"one won't matter\""
    );
    assert_eq!(day("2026-11-14")["early_warning"], "yes");
    assert_eq!(day("2026-11-22")["early_warning"], "no");
    let json: serde_json::Value =
        serde_json::from_str(&trends(&env, &["trends", "--json"])).unwrap();
    assert_eq!(json["checked_in"], 13);
    assert_eq!(
        json["days"][6]["coping"][0]["name"],
        serde_json::Value::Null
    );
    assert_eq!(
        json["days"][5]["coping"][0]["name"],
        "Take the long way home"
    );
}

/// Farah checked in "partly" at night, then `--acted no`: her "no" is
/// heard, and the day's earlier answer is said to be kept, never shown as
/// if she had just said she acted on an urge.
#[test]
fn a_later_no_on_a_day_with_a_lapse_is_heard() {
    let env = Env::new();
    env.ok(["init", "--name", "فرح"]);
    env.ok(["check-in", "--urge", "5", "--acted", "partly"]);
    let out = env.ok(["check-in", "--urge", "۷", "--acted", "no"]);
    let joined = out.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        joined.contains(
            "Earlier today you noted that you acted on an urge; that stays in today's check-in"
        ),
        "{out}"
    );
    assert!(!joined.contains("You acted on an urge today"), "{out}");
}

/// Issue 13 (Priya): Ctrl-C right after a strong urge (9) gave only a
/// command to save the answers. Her plan comes first, as a finished
/// check-in would answer, then what was not saved.
#[test]
fn stopped_after_a_strong_urge_she_is_answered_with_her_plan() {
    use crate::keys::Tmux;
    let env = Env::with_example();
    let t = Tmux::start(&env, &["check-in"], 50);
    t.wait_for("Strongest urge today");
    t.type_text("9");
    t.keys(&["Enter"]);
    t.wait_for("Did you act on an urge today?");
    t.keys(&["C-c"]);
    t.wait_for("Nothing was saved for today");
    let screen = t
        .scrollback()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        screen.contains("You noted an urge of 9 out of 10. Thank you for noting it."),
        "{screen}"
    );
    assert!(screen.contains("Call Alex"), "{screen}");
    let plan_at = screen.find("You noted an urge of 9").unwrap();
    let stopped_at = screen.find("Stopped. Nothing was saved").unwrap();
    assert!(plan_at < stopped_at, "{screen}");
    assert!(!env.plan_dir().join("check-ins.toml").exists());
}
