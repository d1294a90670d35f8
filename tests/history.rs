//! History, diff and restore: every change kept, any revision brought back.

use crate::Env;

fn three_revisions() -> Env {
    let env = Env::new();
    env.ok(["init", "--name", "Sam"]);
    env.ok([
        "trigger",
        "add",
        "--id",
        "payday",
        "--situation",
        "Friday payday",
        "--likelihood",
        "3",
    ]);
    env.ok([
        "--note",
        "Booster session",
        "trigger",
        "edit",
        "payday",
        "--likelihood",
        "4",
        "--thought",
        "I've earned it",
    ]);
    env
}

#[test]
fn history_lists_every_revision_with_its_note() {
    let env = three_revisions();
    let out = env.ok(["history"]);
    for text in [
        "started the plan",
        "added trigger “Friday payday”",
        "Booster session",
        "3 (current)",
        "today at 10:15 UTC",
    ] {
        assert!(out.contains(text), "missing {text:?}:\n{out}");
    }
    let json: serde_json::Value = serde_json::from_str(&env.ok(["history", "--json"])).unwrap();
    let list = json.as_array().unwrap();
    assert_eq!(list.len(), 3);
    assert_eq!(list[2]["revision"], 3);
    assert_eq!(list[2]["change_note"], "Booster session");
    assert_eq!(list[2]["saved_at"], "2026-11-22T10:15:00Z");
    assert_eq!(list[2]["current"], true);
}

#[test]
fn diff_names_changed_fields_in_words() {
    let env = three_revisions();
    let out = env.ok(["diff"]);
    assert_eq!(
        out,
        "Changes from revision 2 to the current plan (revision 3):\n  - trigger “Friday payday”: thoughts added “I've earned it”\n  - trigger “Friday payday”: likelihood 3 → 4\n"
    );
    let out = env.ok(["diff", "1", "3"]);
    assert_eq!(
        out,
        "Changes from revision 1 to revision 3:\n  - added trigger “Friday payday”\n"
    );
    let out = env.ok(["diff", "3"]);
    assert!(out.starts_with("No changes from revision 3"), "{out}");
    let err = env.fails(1, ["diff", "9"]);
    assert!(
        err.contains("there is no revision 9; the newest is 3"),
        "{err}"
    );
}

#[test]
fn restore_brings_back_an_old_revision_as_a_new_one() {
    let env = three_revisions();
    env.ok(["restore", "1"]);
    let plan = env.plan();
    assert_eq!(plan.revision, 4);
    assert!(plan.triggers.is_empty());
    assert_eq!(plan.change_note.as_deref(), Some("restored revision 1"));
    assert!(
        env.plan_dir().join("revisions/000003.toml").is_file(),
        "history is kept"
    );
    let out = env.ok(["diff", "3", "4"]);
    assert!(out.contains("removed trigger “Friday payday”"), "{out}");
    // Restoring what is already current changes nothing.
    env.test(["restore", "4"])
        .stderr_has("nothing changed")
        .run();
    assert_eq!(env.plan().revision, 4);
}

#[test]
fn restore_keeps_a_damaged_plan_file_aside() {
    let env = three_revisions();
    let damaged = b"schema_version = 1\nname = \"Sam\ntriggers = [\n".to_vec();
    std::fs::write(env.plan_file(), &damaged).unwrap();
    env.ok(["restore", "3"]);
    let aside = env.kept_files();
    assert_eq!(aside.len(), 1);
    assert_eq!(
        std::fs::read(&aside[0]).unwrap(),
        damaged,
        "kept byte for byte"
    );
    assert_eq!(env.plan().revision, 4);
    assert_eq!(env.plan().triggers[0].likelihood, Some(4));
}

#[test]
fn a_missing_or_stale_plan_file_is_recovered_from_the_newest_revision() {
    let env = three_revisions();
    std::fs::remove_file(env.plan_file()).unwrap();
    env.test(["show"])
        .stderr_has("`plan.toml` was missing; using revision 3")
        .run();

    // A save interrupted between the revision and plan.toml leaves plan.toml behind.
    std::fs::copy(
        env.plan_dir().join("revisions/000002.toml"),
        env.plan_file(),
    )
    .unwrap();
    env.test(["show"])
        .stderr_has(
            "`plan.toml` still shows revision 2, but your newer changes are safe in its history",
        )
        .run();
    // `now` says it kindly, after the help (trudy16f: these words were
    // the first line of the crisis view).
    env.test(["now"])
        .stderr_has("Your plan is all here, with your latest changes")
        .stderr_lacks("revision 2")
        .run();
    env.ok(["reason", "add", "Mia"]);
    let plan = env.plan();
    assert_eq!(plan.revision, 4);
    assert_eq!(
        plan.triggers[0].likelihood,
        Some(4),
        "built on revision 3, not the stale file"
    );
}

#[test]
fn a_hand_edited_file_behind_the_history_is_never_silently_replaced() {
    let env = three_revisions();
    // An old revision, edited by hand: its words are in no revision.
    let old = std::fs::read_to_string(env.plan_dir().join("revisions/000002.toml")).unwrap();
    let edited = old.replace("name = \"Sam\"", "name = \"Sam (edited by hand)\"");
    std::fs::write(env.plan_file(), &edited).unwrap();
    let before = env.snapshot_dir();
    let err = env.fails(1, ["reason", "add", "Mia"]);
    assert!(
        err.contains("is at revision 2 and differs from it, but revision 3 was saved after it"),
        "{err}"
    );
    assert_eq!(env.snapshot_dir(), before);
    // The crisis view still shows the newest saved plan.
    env.ok(["now"]);
    // Restoring keeps the hand-edited file beside the plan.
    env.ok(["restore", "3"]);
    let kept = env.kept_files();
    assert_eq!(kept.len(), 1);
    assert_eq!(std::fs::read_to_string(&kept[0]).unwrap(), edited);
}

#[test]
fn restore_keeps_hand_edits_that_were_never_saved() {
    let env = three_revisions();
    let current = std::fs::read_to_string(env.plan_file()).unwrap();
    let edited = current.replace("name = \"Sam\"", "name = \"Sam B\"");
    std::fs::write(env.plan_file(), &edited).unwrap();
    env.ok(["restore", "1"]);
    env.ok(["restore", "2"]);
    let kept = env.kept_files();
    assert_eq!(
        kept.len(),
        1,
        "only the unsaved edit is kept; saved revisions need no copy"
    );
    assert_eq!(std::fs::read_to_string(&kept[0]).unwrap(), edited);
    assert_eq!(env.plan().revision, 5);
}

#[test]
fn diff_on_a_first_revision_says_there_is_nothing_yet() {
    let env = Env::new();
    env.ok(["init"]);
    assert!(env.ok(["diff"]).contains("only its first revision"));
}

/// Kavya, in Chennai: she changed her friend's number, then restored an
/// earlier revision to undo another edit. The old number came back with
/// only "Restored revision 1", unmarked on `now`, and the record that it
/// had changed was gone. Now the restore says which number comes back,
/// instead of which, and how to change it back; the number she had until
/// then is kept as a former one, so a step holding it is marked.
#[test]
fn restore_says_a_number_it_brings_back_and_keeps_the_record() {
    let env = Env::new();
    env.ok(["init", "--name", "காவ்யா", "--country", "IN"]);
    env.ok([
        "contact",
        "add",
        "--name",
        "பிரியா",
        "--phone",
        "+91 98765 43210",
        "--role",
        "help",
    ]);
    env.ok(["contact", "edit", "பிரியா", "--phone", "+91 98765 43299"]);
    env.ok(["step", "add", "பிரியாவை அழை: +91 98765 43299"]);
    let said = env.test(["restore", "2"]).run().stderr;
    let words = said.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains(
            "This brings back a number you had changed: “பிரியா”: +91 98765 43210 again, instead of +91 98765 43299"
        ),
        "{said}"
    );
    assert!(
        words.contains("relapse-plan contact edit 'பிரியா' --phone '+91 98765 43299'"),
        "{said}"
    );
    let plan = env.plan();
    assert_eq!(plan.contacts[0].phone.as_deref(), Some("+91 98765 43210"));
    // Revision 2 had no crisis step; the record of the number she had
    // until now is kept, as `contact edit` would keep it.
    let formers: Vec<&str> = plan
        .former_phones
        .iter()
        .map(|f| f.phone.as_str())
        .collect();
    assert_eq!(formers, ["+91 98765 43299"]);
    env.ok(["step", "add", "அழை +91 98765 43299"]);
    let now = crate::one_line(&env.ok(["now"]));
    assert!(now.contains("old number"), "{now}");
    // Changing it back, as the restore says, brings the record round.
    env.ok(["contact", "edit", "பிரியா", "--phone", "+91 98765 43299"]);
    let formers: Vec<String> = env
        .plan()
        .former_phones
        .iter()
        .map(|f| f.phone.clone())
        .collect();
    assert_eq!(formers, ["+91 98765 43210"]);
}

/// A restore that changes no one's number says nothing of numbers.
#[test]
fn restore_that_changes_no_number_says_none() {
    let env = three_revisions();
    let said = env.test(["restore", "1"]).run().stderr;
    assert!(said.contains("Restored revision 1"), "{said}");
    assert!(!said.contains("brings back"), "{said}");
}
