//! Carrying the plan to the people who help: the sections written for
//! supporters, and older plan files (schema 1 and 2) opening, migrating to
//! schema 3 and keeping their history.

use std::fs;
use std::path::Path;

use super::Env;

fn data(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

#[test]
fn the_sections_for_supporters_are_kept_in_the_persons_words() {
    let env = Env::with_example();
    env.ok(["helps", "add", "Sit with me; you don't need to talk"]);
    env.ok(["helps", "add", "Make tea, \"strong\" ☕"]);
    env.ok(["not-helpful", "add", "Telling me to cheer up"]);
    env.ok(["who-does-what", "add", "Aoife: stays with me"]);
    env.ok(["who-does-what", "add", "Mum: looks after Idris"]);
    env.ok(["stand-down", "add", "I'm eating and sleeping again"]);
    env.ok([
        "after-crisis",
        "add",
        "A quiet day, then a call on the third",
    ]);
    env.ok(["who-does-what", "move", "2", "--to", "1"]);
    let list = env.ok(["who-does-what", "list"]);
    assert!(
        list.contains("1. Mum: looks after Idris") && list.contains("2. Aoife: stays with me"),
        "{list}"
    );
    let plan = env.plan();
    assert_eq!(plan.helps[1].text, "Make tea, \"strong\" ☕");
    assert_eq!(plan.does_not_help[0].text, "Telling me to cheer up");
    assert_eq!(plan.stand_down[0].text, "I'm eating and sleeping again");
    assert_eq!(plan.after_crisis.len(), 1);
    let text = fs::read_to_string(env.plan_file()).unwrap();
    assert!(text.starts_with("schema_version = 3\n"), "{text}");
    assert!(text.contains("[[who_does_what]]\ntext = \"Mum: looks after Idris\""));
    let show = env.ok(["show"]);
    for words in [
        "What helps me when I'm struggling",
        "Sit with me; you don't need to talk",
        "What does not help",
        "Who does what",
        "When you can stand down",
        "After a crisis",
    ] {
        assert!(show.contains(words), "show lacks {words}: {show}");
    }
    let diff = env.ok(["diff"]);
    assert!(diff.contains("who does what reordered"), "{diff}");
    let err = env.fails(1, ["stand-down", "remove", "4"]);
    assert!(err.contains("stand-down list"), "{err}");
}

/// A schema-1 plan (the many-scripts one, revision 7) opens, is saved as
/// schema 3 on its next change, and its old revision stays byte for byte,
/// still opens, diffs and restores across the boundary.
#[test]
fn a_schema_1_plan_migrates_and_keeps_its_history() {
    let env = Env::with_world();
    let original = fs::read_to_string(data("world.toml")).unwrap();
    let now = env.ok(["now"]);
    assert!(now.contains("ليلى Layla"), "{now}");
    env.ok(["helps", "add", "Stay with me"]);
    let saved = fs::read_to_string(env.plan_file()).unwrap();
    assert!(saved.starts_with("schema_version = 3\n"), "{saved}");
    assert!(saved.contains("revision = 8"), "{saved}");
    let rev7 = env.plan_dir().join("revisions/000007.toml");
    assert_eq!(fs::read_to_string(&rev7).unwrap(), original);
    let history = env.ok(["history"]);
    assert!(history.contains("Session with Dr Wang"), "{history}");
    let diff = env.ok(["diff", "7", "8"]);
    assert!(diff.contains("Stay with me"), "{diff}");
    assert!(!diff.contains("schema"), "{diff}");
    let back = env.ok(["diff", "8", "7"]);
    assert!(
        back.contains("removed") && back.contains("Stay with me"),
        "{back}"
    );
    let old = env.ok(["print", "--revision", "7"]);
    assert!(old.contains("ليلى Layla"), "{old}");
    env.ok(["restore", "7"]);
    let restored = env.plan();
    assert_eq!(restored.revision, 9);
    assert!(restored.helps.is_empty());
    assert_eq!(restored.crisis_steps.len(), 10);
    assert!(
        fs::read_to_string(env.plan_file())
            .unwrap()
            .starts_with("schema_version = 3\n")
    );
    assert_eq!(fs::read_to_string(&rev7).unwrap(), original);
}

/// Hand-ins and drafts carry a plan of their own: one from schema 1 or 2
/// still opens, and reads as schema 3.
#[test]
fn older_hand_ins_and_drafts_still_open() {
    let therapist = Env::new();
    for name in ["hand-in-v1.toml", "hand-in-v2.toml"] {
        let file = data(name);
        let text = fs::read_to_string(&file).unwrap();
        assert!(
            text.contains("[plan]\nschema_version = 2\n"),
            "{name} holds a schema-2 plan"
        );
        let out = therapist.ok(["review", file.to_str().unwrap()]);
        assert!(out.contains("Tasks"), "{name}: {out}");
    }
    let hand_in: relapse_plan::plan::homework::HandIn =
        relapse_plan::plan::parse::parse_toml(&fs::read(data("hand-in-v2.toml")).unwrap()).unwrap();
    assert_eq!(hand_in.plan.schema_version, 3);
    assert_eq!(hand_in.plan.name, "Sam");

    // A draft left by `new` under schema 1.
    let world = fs::read_to_string(data("world.toml")).unwrap();
    let mut draft = String::from(
        "schema_version = 1\nwizard = \"new\"\nstarted_at = 2026-11-20T18:00:00Z\nbase_revision = 7\ndone = [\"about\"]\n\n",
    );
    let plan: toml::Table = toml::from_str(&world).unwrap();
    let mut wrapped = toml::Table::new();
    wrapped.insert("plan".into(), toml::Value::Table(plan));
    draft.push_str(&toml::to_string(&wrapped).unwrap());
    let draft: relapse_plan::plan::draft::Draft =
        relapse_plan::plan::parse::parse_toml(draft.as_bytes()).unwrap();
    assert_eq!(draft.plan.schema_version, 3);
    assert_eq!(draft.plan.name, "ليلى Layla");
    assert!(draft.plan.contacts.iter().any(|c| c.do_not_involve));
}

/// A schema-2 file that already holds something schema 3 added was mixed by
/// hand: it is named, with the line, and the file is left alone.
#[test]
fn a_schema_3_field_in_an_older_file_is_named() {
    let env = Env::new();
    env.ok(["init"]);
    let text = "schema_version = 2\nrevision = 1\nname = \"Sam\"\n\n[[crisis_steps]]\ntext = \"Call Aoife\"\n\n[crisis_steps.follow_through]\nlikely = 40\n";
    fs::write(env.plan_file(), text).unwrap();
    let err = env.fails(1, ["step", "add", "Breathe"]);
    assert!(
        err.contains("follow_through") && err.contains("schema 3") && err.contains("line 8"),
        "{err}"
    );
    assert_eq!(fs::read_to_string(env.plan_file()).unwrap(), text);
}
