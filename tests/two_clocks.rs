//! Hand-ins and the review between two clocks, as fresh eyes found them
//! (handin17d, issues 12 and 13): one bad `zone` line hid the whole
//! hand-in, a POSIX `TZ` handed in no clock at all, and a check-in by
//! flags recorded "no" for a question never answered.

use std::fs;
use std::path::{Path, PathBuf};

use crate::Env;
use crate::wei::one_line;

/// The example hand-in (Sam's, for Dr Patel) with its `zone` line
/// replaced by `zone_line`, written in `env`'s home.
fn hand_in_with_zone(env: &Env, zone_line: &str) -> PathBuf {
    let text =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/hand-in.toml"))
            .unwrap();
    assert_eq!(text.matches("zone = \"UTC\"\n").count(), 1);
    let path = env.home().join("hand-in.toml");
    fs::write(
        &path,
        text.replace("zone = \"UTC\"\n", &format!("{zone_line}\n")),
    )
    .unwrap();
    path
}

/// Before: `zone = "Mars/Olympus"` (or escapes, or 10 KB, or a number)
/// made `review` refuse the whole hand-in: the therapist saw none of the
/// client's work. Now the work is reviewed on the therapist's clock, the
/// zone is said once, cleaned and cut short, and nothing raw reaches the
/// terminal.
#[test]
fn a_zone_that_cannot_be_read_hides_none_of_the_work() {
    let env = Env::new();
    let long = "Z".repeat(10 * 1024);
    let cases = [
        ("zone = \"Mars/Olympus\"", "“Mars/Olympus”"),
        (
            "zone = \"Mars/\\u001b]52;c;aGk=\\u0007Olympus\"",
            "“Mars/\\u{1b}]52;c;aGk=\\u{7}Olympus”",
        ),
        (&format!("zone = \"{long}\""), "“ZZZZZ"),
        ("zone = 5", "“5”"),
    ];
    for (line, named) in cases {
        let file = hand_in_with_zone(&env, line);
        let ran = env
            .test(["review", file.to_str().unwrap()])
            .env("TZ", "Asia/Kolkata")
            .env("RELAPSE_PLAN_NOW", "2026-11-29T12:00:00Z")
            .run();
        let (out, err) = (one_line(&ran.stdout), one_line(&ran.stderr));
        // Her work, on the therapist's clock (18:00 UTC is 23:30 in Kolkata).
        assert!(
            out.contains("Hand-in from Sam for Dr Patel's homework"),
            "{line}: {out}"
        );
        assert!(
            out.contains("handed in yesterday at 23:30"),
            "{line}: {out}"
        );
        assert!(out.contains("done rank Sam's triggers"), "{line}: {out}");
        assert!(out.contains("What changed"), "{line}: {out}");
        // Said once, whose clock included.
        let said = format!("This hand-in names its time zone as {named}");
        assert_eq!(err.matches(&said).count(), 1, "{line}: {err}");
        assert!(
            err.contains(
                "which relapse-plan can't read, so its days and times are counted on your clock."
            ),
            "{line}: {err}"
        );
        assert_eq!(
            (out + &err).matches("time zone").count(),
            1,
            "{line}: the doubt is said once"
        );
        assert!(ran.stderr.len() < 400, "{line}: cut short: {}", ran.stderr);
        assert!(
            !ran.bytes.contains(&0x1b) && !ran.err_bytes.contains(&0x1b),
            "{line}: nothing raw"
        );
        // `validate` names the line, and says the file reads.
        let said = one_line(&env.ok(["validate", file.to_str().unwrap()]));
        assert!(
            said.contains(&format!("Line 4: the time zone {named}")),
            "{line}: {said}"
        );
        assert!(
            said.contains("is not one relapse-plan can read"),
            "{line}: {said}"
        );
    }
}

/// Starts the example homework in `env` (Sam's plan) and hands it in
/// under `tz` (`None`: `TZ` unset) at `now`; the hand-in's text.
fn hand_in_under(env: &Env, tz: Option<&str>, now: &str) -> (PathBuf, String) {
    let homework = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/homework.toml");
    let file = env.home().join("hand-in.toml");
    let _ = fs::remove_file(&file);
    let mut submit = env
        .test(["homework", "submit", "-o", file.to_str().unwrap(), "--yes"])
        .env("RELAPSE_PLAN_NOW", now);
    submit = match tz {
        Some(tz) => submit.env("TZ", tz),
        None => submit.env_remove("TZ"),
    };
    if !env.plan_dir().join("homework.toml").exists() {
        env.ok(["homework", "start", homework.to_str().unwrap()]);
    }
    submit.run();
    let text = fs::read_to_string(&file).unwrap();
    (file, text)
}

/// Before: under `TZ=NZST-12NZDT,M9.5.0,M4.1.0/3` or `TZ=IST-5:30` a
/// hand-in carried no zone, and her therapist read her days on his own
/// clock. Now the rule goes with it, and review shows her days: her
/// Monday 01:00 in New Zealand summer time, her 17:30 in India.
#[test]
fn a_posix_clock_goes_with_the_hand_in_and_review_shows_her_days() {
    let env = Env::with_example();
    for (tz, zone_line, handed_in) in [
        (
            "NZST-12NZDT,M9.5.0,M4.1.0/3",
            "zone = \"NZST-12NZDT,M9.5.0,M4.1.0/3\"",
            "handed in on Sam's Monday 30 November at 01:00 in UTC+13",
        ),
        (
            "IST-5:30",
            "zone = \"IST-5:30\"",
            "handed in on Sam's Sunday 29 November at 17:30 in UTC+5:30",
        ),
    ] {
        let (file, text) = hand_in_under(&env, Some(tz), "2026-11-29T12:00:00Z");
        assert!(text.contains(zone_line), "{tz}: {text}");
        let ran = env
            .test(["review", file.to_str().unwrap()])
            .env("TZ", "America/Los_Angeles")
            .env("RELAPSE_PLAN_NOW", "2026-11-29T12:30:00Z")
            .run();
        let out = one_line(&ran.stdout);
        assert!(out.contains(handed_in), "{tz}: {out}");
        assert!(out.contains("(today at 04:00 your time)"), "{tz}: {out}");
        assert!(out.contains("Days and times here are Sam's"), "{tz}: {out}");
        assert!(!ran.stderr.contains("time zone"), "{tz}: {}", ran.stderr);
        // The same rule on the reader's clock: one clock, said plainly.
        let same = env
            .test(["review", file.to_str().unwrap()])
            .env("TZ", tz)
            .env("RELAPSE_PLAN_NOW", "2026-11-29T12:30:00Z")
            .run();
        assert!(!same.stdout.contains("your time"), "{tz}: {}", same.stdout);
        assert!(!same.stderr.contains("time zone"), "{tz}: {}", same.stderr);
    }
    // TZ unset: the computer's own zone, by its name when it has one, and
    // review never calls it unreadable nor counts on the wrong clock
    // silently.
    let (file, text) = hand_in_under(&env, None, "2026-11-29T12:00:00Z");
    let ran = env
        .test(["review", file.to_str().unwrap()])
        .env("TZ", "America/Los_Angeles")
        .run();
    assert!(!ran.stderr.contains("can't read"), "{}", ran.stderr);
    assert!(
        text.contains("\nzone = ")
            || ran
                .stderr
                .contains("does not say which time zone it was written in"),
        "{text}\n{}",
        ran.stderr
    );
}

/// Before: `check-in --urge 4` (no `--acted`) wrote `acted = "no"`, and
/// her therapist read a day without a lapse she never spoke of. Now
/// nothing is written for it, and review, trends and the hand-in say
/// "not said".
#[test]
fn a_check_in_without_acted_records_it_as_not_said() {
    let env = Env::with_example();
    env.test(["check-in", "--urge", "4", "--distress", "3"])
        .env("RELAPSE_PLAN_NOW", "2026-11-29T12:00:00Z")
        .run();
    let log = fs::read_to_string(env.plan_dir().join("check-ins.toml")).unwrap();
    assert!(!log.contains("acted"), "{log}");
    let at_now = |args: &[&str]| {
        env.test(args)
            .env("RELAPSE_PLAN_NOW", "2026-11-29T12:00:00Z")
            .run()
            .stdout
    };
    let review = one_line(&at_now(&["review", "--since", "2026-11-28"]));
    assert!(
        review.contains("Sun 29 Nov: urge 4, distress 3; acted on it: not said"),
        "{review}"
    );
    let plain = one_line(&at_now(&["--plain", "trends"]));
    assert!(
        plain.contains("Sun 29 Nov: urge 4, distress 3, acted on an urge: not said"),
        "{plain}"
    );
    let chart = at_now(&["trends"]);
    let lapse_row = chart.lines().find(|l| l.starts_with("Lapse")).unwrap();
    assert!(lapse_row.trim_end().ends_with('?'), "{chart}");
    assert!(
        one_line(&chart).contains(
            "? in the Lapse row: that day's check-in did not say whether an urge was acted on."
        ),
        "{chart}"
    );
    let csv = at_now(&["trends", "--csv"]);
    assert!(
        csv.contains("2026-11-29,yes,4,not said,,3,"),
        "no lapse either way: {csv}"
    );
    let json: serde_json::Value = serde_json::from_str(&at_now(&["trends", "--json"])).unwrap();
    let day = json["days"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["date"] == "2026-11-29")
        .unwrap();
    assert!(day["acted"].is_null() && day["lapse"].is_null(), "{day}");
    // Handed in: the file says nothing for her, and the therapist reads
    // "not said".
    let (file, text) = hand_in_under(&env, Some("UTC"), "2026-11-29T12:00:00Z");
    assert!(
        text.contains("urge = 4") && !text.contains("acted"),
        "{text}"
    );
    let review = one_line(&env.ok(["review", file.to_str().unwrap()]));
    assert!(review.contains("acted on it: not said"), "{review}");
    // Said later that day, the answer wins over "not said".
    env.test(["check-in", "--urge", "2", "--acted", "no"])
        .env("RELAPSE_PLAN_NOW", "2026-11-29T13:00:00Z")
        .run();
    let log = fs::read_to_string(env.plan_dir().join("check-ins.toml")).unwrap();
    assert!(log.contains("acted = \"no\""), "{log}");
}

/// Before: a therapist in Los Angeles read "due Sunday 6 December" beside
/// "Days and times here are Sam's", and could not tell whose Sunday. Now
/// on two clocks the due day says whose ("Kolkata time"); on one clock
/// it is said plainly.
#[test]
fn the_due_day_says_whose_day_when_the_clocks_differ() {
    let env = Env::new();
    let file = hand_in_with_zone(&env, "zone = \"Asia/Kolkata\"");
    let text = fs::read_to_string(&file).unwrap();
    fs::write(&file, text.replace("due = 2026-11-29", "due = 2026-12-06")).unwrap();
    let review = |tz: &str, now: &str| {
        one_line(
            &env.test(["review", file.to_str().unwrap()])
                .env("TZ", tz)
                .env("RELAPSE_PLAN_NOW", now)
                .run()
                .stdout,
        )
    };
    let theirs = review("America/Los_Angeles", "2026-12-01T12:00:00Z");
    assert!(
        theirs.contains("due Sunday 6 December, Kolkata time, handed in on Sam's"),
        "{theirs}"
    );
    let same = review("Asia/Kolkata", "2026-12-01T12:00:00Z");
    assert!(same.contains("due Sunday 6 December, handed in"), "{same}");
    assert!(!same.contains("Kolkata time"), "{same}");
    // A clock by its offset: said by the offset.
    let file = hand_in_with_zone(&env, "zone = \"IST-5:30\"");
    let said = one_line(
        &env.test(["review", file.to_str().unwrap()])
            .env("TZ", "America/Los_Angeles")
            .env("RELAPSE_PLAN_NOW", "2026-11-25T12:00:00Z")
            .run()
            .stdout,
    );
    assert!(
        said.contains("due Sunday 29 November, UTC+5:30, handed in"),
        "{said}"
    );
}

/// Before: the confidence trend began at the first rehearsal (40% → 60%),
/// and the 20% she started from when she ranked the trigger was not on
/// it. Now it starts from the rating she gave before rehearsing, dated
/// when she gave it, or said to be from before the time shown.
#[test]
fn the_confidence_trend_starts_from_her_rating() {
    let env = Env::new();
    let text =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/hand-in.toml"))
            .unwrap();
    let file = env.home().join("hand-in.toml");
    // Before: rated before the homework began, so no date to give.
    fs::write(&file, &text).unwrap();
    let said = one_line(&env.ok(["review", file.to_str().unwrap()]));
    assert!(
        said.contains("2 rehearsals confidence ▃▃▅ 40% → 60%"),
        "{said}"
    );
    assert!(
        said.contains("rated 40% before rehearsing (earlier than shown here)"),
        "{said}"
    );
    // Rated 20% when she ranked it on Tuesday, in the homework's time.
    let rated = "[[revisions]]\nrevision = 5\n";
    assert_eq!(text.matches(rated).count(), 1);
    let change = "[[revisions.changes]]\nchange = \"field\"\nof = \"trigger\"\nid = \"payday\"\nfield = \"confidence\"\nold = 60\nnew = 20\n\n";
    let text = text.replacen(rated, &format!("{change}{rated}"), 1);
    // Rated again after rehearsing: the trend starts from the rating
    // that stood before (20%), not the newest.
    let later = "[[revisions]]\nrevision = 6\nsaved_at = 2026-11-27T09:00:00Z\n\n[[revisions.changes]]\nchange = \"field\"\nof = \"trigger\"\nid = \"payday\"\nfield = \"confidence\"\nold = 20\nnew = 40\n\n[practice]\n";
    let text = text.replacen("[practice]\n", later, 1);
    fs::write(&file, text).unwrap();
    let said = one_line(&env.ok(["review", file.to_str().unwrap()]));
    assert!(
        said.contains("2 rehearsals confidence ▂▃▅ 20% → 60%"),
        "{said}"
    );
    assert!(
        said.contains("rated 20% on Tue 24 Nov, before rehearsing"),
        "{said}"
    );
}

/// Before: `homework submit -o hand-in.json` wrote TOML into a .json file
/// (and `print -o plan.json` text). Now a name whose ending says another
/// kind of file is refused, kindly, naming the kind written and a name
/// that fits, and nothing is written; a name no kind owns still passes.
#[test]
fn an_output_name_that_says_another_kind_is_refused() {
    let env = Env::with_example();
    let homework = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/homework.toml");
    env.ok(["homework", "start", homework.to_str().unwrap()]);
    let json = env.home().join("hand-in.json");
    let said = one_line(&env.fails(
        2,
        ["homework", "submit", "-o", json.to_str().unwrap(), "--yes"],
    ));
    assert!(
        said.contains("ends in .json, which says JSON, but a hand-in is written as TOML: give a name ending .toml, like `hand-in.toml`. Nothing was written."),
        "{said}"
    );
    assert!(!json.exists());
    for (args, says) in [
        (
            vec!["print", "-o"],
            "a plain-text printout is written as text",
        ),
        (
            vec!["print", "--format", "pdf", "-o"],
            "a PDF printout is written as PDF",
        ),
        (
            vec!["rehearse", "--ics", "-o"],
            "a calendar file is written as iCalendar",
        ),
        (
            vec!["contact", "export", "-o"],
            "a contacts file is written as vCard",
        ),
    ] {
        let file = env.home().join("out.JSON");
        let mut args = args.clone();
        args.push(file.to_str().unwrap());
        let said = one_line(&env.fails(2, &args));
        assert!(said.contains(says), "{args:?}: {said}");
        assert!(!file.exists(), "{args:?}");
    }
    // A name of her own, and an ending that fits, in any case.
    let own = env.home().join("hand-in.for-dr-patel");
    env.ok(["homework", "submit", "-o", own.to_str().unwrap(), "--yes"]);
    assert!(
        fs::read_to_string(&own)
            .unwrap()
            .starts_with("schema_version")
    );
    let upper = env.home().join("PLAN.PDF");
    env.ok(["print", "-o", upper.to_str().unwrap()]);
    assert!(fs::read(&upper).unwrap().starts_with(b"%PDF"));
}
