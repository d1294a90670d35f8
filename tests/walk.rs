//! Issue 13, on the command line: data that comes out right, the person's
//! own words, and mistakes in how a command was typed said plainly.

use crate::Env;

#[test]
fn a_new_trigger_id_reaches_the_practice_log() {
    let env = Env::with_example();
    env.ok([
        "rehearse",
        "payday",
        "--recalled",
        "all",
        "--confidence",
        "60",
    ]);
    env.ok(["trigger", "edit", "payday", "--new-id", "friday-payday"]);
    let log = std::fs::read_to_string(env.plan_dir().join("practice.toml")).unwrap();
    assert!(log.contains("trigger = \"friday-payday\""), "{log}");
    assert!(!log.contains("\"payday\""), "{log}");
    let list = env.ok(["rehearse", "--list", "--json"]);
    let list: serde_json::Value = serde_json::from_str(&list).unwrap();
    let renamed = list
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["trigger"] == "friday-payday")
        .unwrap_or_else(|| panic!("{list}"));
    assert_eq!(renamed["rehearsals"], 1, "{renamed}");
}

#[test]
fn a_refused_rename_leaves_the_practice_log_as_it_was() {
    let env = Env::with_example();
    env.ok([
        "rehearse",
        "payday",
        "--recalled",
        "all",
        "--confidence",
        "60",
    ]);
    let before = env.snapshot_dir();
    // `row-with-jo` is taken: nothing may change anywhere.
    env.fails(1, ["trigger", "edit", "payday", "--new-id", "row-with-jo"]);
    assert_eq!(env.snapshot_dir(), before);
}

/// A rename is one operation: a coping strategy's new id reaches the
/// check-ins that used it, so `trends` still names it in the person's words
/// (it once left the old id behind in check-ins.toml).
#[test]
fn a_new_coping_id_reaches_the_check_ins() {
    let env = Env::with_example();
    env.ok([
        "check-in",
        "--urge",
        "6",
        "--acted",
        "no",
        "--used",
        "urge-surf",
    ]);
    env.ok(["coping", "edit", "urge-surf", "--new-id", "surfing"]);
    for file in ["check-ins.toml", "check-ins.recent.toml"] {
        let log = std::fs::read_to_string(env.plan_dir().join(file)).unwrap();
        assert!(log.contains("used = [\"surfing\"]"), "{file}: {log}");
    }
    let trends: serde_json::Value = serde_json::from_str(&env.ok(["trends", "--json"])).unwrap();
    let text = trends.to_string();
    assert!(
        text.contains(r#"{"id":"surfing","name":"Urge surfing"}"#),
        "{text}"
    );
    assert!(!text.contains("urge-surf"), "{text}");
    // A contact's new id has no log to reach; the links follow it.
    env.ok(["contact", "edit", "alex", "--new-id", "alex-m"]);
    assert!(
        env.plan()
            .triggers
            .iter()
            .any(|t| t.contacts.contains(&"alex-m".to_string()))
    );
}

#[test]
fn no_arguments_is_a_short_start_not_every_command() {
    let env = Env::new();
    let begin = env.ok(Vec::<&str>::new());
    assert!(begin.contains("relapse-plan new   begin"), "{begin}");
    assert!(begin.contains("relapse-plan now"), "{begin}");
    assert!(begin.lines().count() < 12, "{begin}");
    let env = Env::with_example();
    let start = env.ok(Vec::<&str>::new());
    assert!(
        start.starts_with("Your plan, Sam, is here. In a hard moment:"),
        "{start}"
    );
    assert!(
        start.find("relapse-plan now").unwrap() < start.find("relapse-plan show").unwrap(),
        "now comes first: {start}"
    );
    assert!(start.lines().count() < 14, "{start}");
}

#[test]
fn numbers_typed_wrong_say_what_is_expected_and_exit_2() {
    let env = Env::with_example();
    let before = env.snapshot_dir();
    for (args, expected) in [
        (
            vec!["trigger", "edit", "payday", "--likelihood", "7"],
            "expected a whole number from 0 to 5",
        ),
        (
            vec!["trigger", "edit", "payday", "--confidence", "45%"],
            "without the % sign, like 40",
        ),
        (vec!["restore", "abc"], "expected a revision number, like 3"),
        (vec!["step", "remove", "two"], "a number from the list"),
    ] {
        let err = env.fails(2, &args);
        assert!(err.contains(expected), "{args:?}: {err}");
        assert!(!err.contains("invalid digit"), "{args:?}: {err}");
    }
    assert_eq!(env.snapshot_dir(), before);
}

#[test]
fn hints_point_to_the_list_that_was_meant() {
    let env = Env::with_example();
    let err = env.fails(1, ["step", "remove", "9"]);
    assert!(err.contains("hint: `relapse-plan step list`"), "{err}");
    let err = env.fails(1, ["contact", "remove", "nobody"]);
    assert!(err.contains("hint: `relapse-plan contact list`"), "{err}");
    let err = env.fails(1, ["validate", "missing.toml"]);
    assert!(err.contains("there is no file there"), "{err}");
    assert!(!err.contains("permissions"), "{err}");
}

/// Every older plan file in the repository, with the person in it who is
/// not to be involved in a crisis (schema 1 and 2 wrote a flag beside a
/// role; schema 3 gives them a role of their own).
const OLDER_PLANS: &[(&str, u64, &str)] = &[
    ("examples/plan.toml", 3, "Dave from the Crown"),
    ("tests/data/plan-v2.toml", 5, "Dave from the Crown"),
    ("tests/data/world.toml", 7, "Omar <b>ex</b>"),
];

fn repo_file(path: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

#[test]
fn someone_not_to_involve_becomes_a_role_of_their_own_in_every_older_plan() {
    for (file, revision, name) in OLDER_PLANS {
        let env = Env::with_plan(&repo_file(file), *revision);
        let json: serde_json::Value = serde_json::from_str(&env.ok(["show", "--json"])).unwrap();
        let person = json["contacts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["name"] == *name)
            .unwrap_or_else(|| panic!("{file}: {json}"));
        assert_eq!(person["role"], "do-not-involve", "{file}: {person}");
        assert!(person.get("do_not_involve").is_none(), "{file}: {person}");
        // Never offered as help, wherever the plan is shown or carried.
        assert!(!env.ok(["now"]).contains(name), "{file}: now");
        let cards = env.ok(["contact", "export"]);
        assert!(!cards.contains(name), "{file}: export\n{cards}");
        let text = env.ok(["print", "--format", "markdown"]);
        // Markdown escapes the `<b>` in one name: look for its first word.
        let name = name.split(' ').next().unwrap();
        let not_to_involve = text
            .find("Not to involve in a crisis")
            .unwrap_or_else(|| panic!("{file}: print\n{text}"));
        assert_eq!(
            text.matches(name).count(),
            1,
            "{file}: named once, under its own heading\n{text}"
        );
        assert!(text.find(name).unwrap() > not_to_involve, "{file}\n{text}");
        let name = person["name"].as_str().unwrap();
        // The next save writes schema 3: the role, and no flag.
        env.ok(["reason", "add", "Seguir aquí"]);
        let saved: toml::Table = std::fs::read_to_string(env.plan_file())
            .unwrap()
            .parse()
            .unwrap();
        assert_eq!(saved["schema_version"].as_integer(), Some(3), "{file}");
        let person = saved["contacts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["name"].as_str() == Some(name))
            .unwrap();
        assert_eq!(person["role"].as_str(), Some("do-not-involve"), "{file}");
        assert!(person.get("do_not_involve").is_none(), "{file}: {person}");
        // The revision it came from is kept exactly as it was written.
        let old = std::fs::read(env.plan_dir().join(format!("revisions/{revision:06}.toml")));
        assert_eq!(old.unwrap(), std::fs::read(repo_file(file)).unwrap());
    }
}

#[test]
fn hand_ins_of_every_version_read_someone_not_to_involve_as_that() {
    for file in [
        "tests/data/hand-in-v1.toml",
        "tests/data/hand-in-v2.toml",
        "examples/hand-in.toml",
    ] {
        let bytes = std::fs::read(repo_file(file)).unwrap();
        let hand_in: relapse_plan::plan::homework::HandIn =
            relapse_plan::plan::homework::read_hand_in(&bytes).unwrap();
        let dave = hand_in
            .plan
            .contacts
            .iter()
            .find(|c| c.name == "Dave from the Crown")
            .unwrap_or_else(|| panic!("{file}"));
        assert_eq!(dave.role, relapse_plan::plan::Role::DoNotInvolve, "{file}");
        assert!(!dave.to_involve());
    }
}

#[test]
fn a_schema_3_plan_written_the_old_way_is_named_not_read_as_help() {
    let env = Env::new();
    let text = "schema_version = 3\nrevision = 1\nname = \"Ana\"\n\n[[contacts]]\nid = \"dave\"\nname = \"Dave\"\nrole = \"help\"\ndo_not_involve = true\n";
    std::fs::create_dir_all(env.plan_dir()).unwrap();
    std::fs::write(env.plan_file(), text).unwrap();
    let err = env.fails(1, ["show"]);
    assert!(err.contains("role = \"do-not-involve\""), "{err}");
    // `now` still shows where to get help, and never Dave as help.
    let now = env.ok(["now"]);
    assert!(!now.contains("Dave"), "{now}");
}

#[test]
fn contact_flags_and_role_say_the_same_thing() {
    let env = Env::with_example();
    env.ok([
        "contact",
        "add",
        "--name",
        "Kofi",
        "--phone",
        "0700",
        "--do-not-involve",
    ]);
    env.ok([
        "contact",
        "add",
        "--name",
        "Ines",
        "--role",
        "do-not-involve",
    ]);
    let plan = env.plan();
    for name in ["Kofi", "Ines"] {
        let c = plan.contacts.iter().find(|c| c.name == name).unwrap();
        assert_eq!(c.role, relapse_plan::plan::Role::DoNotInvolve, "{name}");
    }
    assert!(!env.ok(["now"]).contains("Kofi"));
    env.ok(["contact", "edit", "kofi", "--do-not-involve", "false"]);
    let kofi = env
        .plan()
        .contacts
        .into_iter()
        .find(|c| c.name == "Kofi")
        .unwrap();
    assert_eq!(kofi.role, relapse_plan::plan::Role::Help);
    assert!(env.ok(["now"]).contains("Kofi"));
}

#[test]
fn set_reads_dates_as_the_walk_through_does_in_the_same_words() {
    let env = Env::with_example();
    // The plan's country settles the order (the example is in the United
    // Kingdom: day first), whatever the locale (issue 13).
    env.test(["set", "--next-review", "4/1/2027"])
        .env("LANG", "en_US.UTF-8")
        .run();
    assert_eq!(env.plan().review.next.unwrap().to_string(), "2027-01-04");
    // With no country, the locale settles it, as in the walk-through.
    env.ok(["set", "--country", "none"]);
    env.test(["set", "--next-review", "4/1/2027"])
        .env("LANG", "es_ES.UTF-8")
        .run();
    assert_eq!(env.plan().review.next.unwrap().to_string(), "2027-01-04");
    env.test(["set", "--next-review", "4/1/2027"])
        .env("LANG", "en_US.UTF-8")
        .run();
    assert_eq!(env.plan().review.next.unwrap().to_string(), "2027-04-01");
    env.test(["set", "--last-review", "3 Nov 2026"]).run();
    assert_eq!(env.plan().review.last.unwrap().to_string(), "2026-11-03");
    // Where nothing settles it, both readings are named; nothing changes.
    let before = env.snapshot_dir();
    env.test(["set", "--next-review", "4/1/2027"])
        .status(2)
        .stderr_has("“4/1/2027” could be 4 January 2027 or 1 April 2027")
        .stderr_has("write it like 31 March 2027 or 2027-03-31")
        .run();
    env.test(["set", "--next-review", "abc"])
        .status(2)
        .stderr_has("I couldn't read “abc” as a date")
        .run();
    assert_eq!(env.snapshot_dir(), before);
}

/// Issue 13 (Mei): `set --next-review 1/3/2027` for a New Zealand plan is
/// 1 March 2027, as she writes dates, even in a Chinese locale; the date
/// is said back in words.
#[test]
fn set_reads_a_new_zealand_date_day_first() {
    let env = Env::new();
    env.ok(["init", "--name", "美玲", "--country", "NZ"]);
    env.test(["set", "--next-review", "1/3/2027"])
        .env("LANG", "zh_CN.UTF-8")
        .env("TZ", "Pacific/Auckland")
        .stderr_has("next review on 1 March 2027")
        .run();
    assert_eq!(env.plan().review.next.unwrap().to_string(), "2027-03-01");
}

#[test]
fn show_and_history_give_the_saved_time_on_the_persons_clock() {
    let env = Env::with_example();
    // The example was saved at 2026-11-22T10:15:00Z.
    env.test(["show"])
        .env("TZ", "Pacific/Auckland")
        .stdout_has("saved today at 23:15 ·")
        .run();
    env.test(["history"])
        .env("TZ", "America/Los_Angeles")
        .stdout_has("today at 02:15")
        .stdout_lacks("UTC")
        .run();
}
