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
