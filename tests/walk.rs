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
        start.starts_with("Sam's plan is here. In a hard moment:"),
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
