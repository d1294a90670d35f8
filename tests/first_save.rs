//! The first save of a plan someone wrote by hand: it must not grow, and
//! history must start with what they wrote, not after it.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use relapse_plan::plan::parse::{parse, to_toml};

use crate::Env;

/// Every `.toml` under examples/ and tests/ that reads as a plan.
fn plans_in_the_repository() -> Vec<(PathBuf, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut stack = vec![root.join("examples"), root.join("tests")];
    let mut plans = Vec::new();
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "toml") {
                let bytes = fs::read(&path).unwrap();
                if parse(&bytes).is_ok_and(|p| p.newer_schema.is_none()) {
                    plans.push((path, bytes));
                }
            }
        }
    }
    plans.sort();
    plans
}

/// A plan written the way people write TOML by hand, compactly: many
/// triggers, each with short lists on one line, and nothing else.
fn compact_hand_written(triggers: usize) -> String {
    let mut text = String::from("schema_version = 3\nrevision = 1\nname = \"Sam\"\n");
    for n in 0..triggers {
        let _ = write!(
            text,
            "\n[[triggers]]\nid = \"t{n}\"\nsituation = \"Payday {n}\"\nfeelings = [\"a\", \"b\", \"c\", \"d\"]\nthoughts = [\"x\", \"y\"]\n"
        );
    }
    text
}

#[test]
fn a_plan_does_not_grow_on_its_first_save() {
    let mut plans = plans_in_the_repository();
    assert!(plans.len() >= 10, "{} plans found", plans.len());
    plans.push((
        PathBuf::from("(compact, hand-written)"),
        compact_hand_written(200).into_bytes(),
    ));
    plans.push((
        PathBuf::from("(the smallest plan)"),
        b"schema_version = 3\nrevision = 1\nname = \"Sam\"\n".to_vec(),
    ));
    let mut grew = Vec::new();
    for (path, bytes) in &plans {
        let parsed = parse(bytes).unwrap();
        let written = to_toml(&parsed.plan);
        // What is written reads back as the same plan…
        assert_eq!(
            parse(written.as_bytes()).unwrap().plan,
            parsed.plan,
            "{}",
            path.display()
        );
        // …and is no larger than what was read, but for the blank line
        // the writer puts before each table (`[[triggers]]`), which some
        // of these files leave out: layout, not content.
        let tables = written.lines().filter(|l| l.starts_with('[')).count();
        // A schema 1 or 2 contact's `do_not_involve = true` becomes
        // `role = "do-not-involve"` (the migration to 3): a few bytes more.
        let migrated = String::from_utf8_lossy(bytes)
            .matches("do_not_involve")
            .count()
            * 4;
        if written.len() > bytes.len() + tables + migrated {
            grew.push(format!(
                "{}: {} → {} bytes",
                path.display(),
                bytes.len(),
                written.len()
            ));
        }
    }
    assert!(
        grew.is_empty(),
        "grew on saving unchanged:\n{}",
        grew.join("\n")
    );
}

#[test]
fn a_small_change_to_a_hand_written_plan_writes_only_that_change() {
    let env = Env::new();
    fs::create_dir_all(env.plan_dir()).unwrap();
    let original = compact_hand_written(50);
    fs::write(env.plan_file(), &original).unwrap();
    env.test(["reason", "add", "Mia"])
        .stderr_has("Saved revision 2")
        .run();
    let saved = fs::read_to_string(env.plan_file()).unwrap();
    // The change itself, with the date and note every revision carries.
    let added = "saved_at = 2026-11-22T10:15:00Z\nchange_note = \"added reason “Mia”\"\n\n[[reasons]]\ntext = \"Mia\"\n";
    assert!(
        saved.len() <= original.len() + added.len(),
        "{} → {} bytes:\n{saved}",
        original.len(),
        saved.len()
    );
    assert!(
        !saved.contains("= []") && !saved.contains("[review]"),
        "{saved}"
    );
}

#[test]
fn a_hand_written_first_plan_is_kept_as_revision_1() {
    let env = Env::new();
    fs::create_dir_all(env.plan_dir()).unwrap();
    let original = "# My plan, written with my counsellor\nschema_version = 3\nname = \"Sam\"\n\n[[reasons]]\ntext = \"Mia\" # my daughter\n";
    fs::write(env.plan_file(), original).unwrap();
    // A change that changes nothing writes nothing, not even a revision.
    env.test(["set", "--name", "Sam"])
        .stderr_has("Nothing changed")
        .run();
    assert!(!env.plan_dir().join("revisions").exists());

    env.test(["warning-sign", "add", "Skipping meals"])
        .stderr_has("Saved revision 2")
        .run();
    // Revision 1 is the file as written, comments and all, numbered.
    let first = fs::read_to_string(env.plan_dir().join("revisions/000001.toml")).unwrap();
    assert_eq!(first, format!("revision = 1\n{original}"));
    env.test(["history"])
        .stdout_has("1 ")
        .stdout_has("2 (current)")
        .run();
    env.test(["diff", "1", "2"])
        .stdout_has("added warning sign “Skipping meals”")
        .run();
    // And it can be brought back.
    env.test(["restore", "1"])
        .stderr_has("Restored revision 1 as revision 3")
        .run();
    assert!(env.plan().warning_signs.is_empty());
    assert_eq!(env.plan().reasons[0].text, "Mia");
}

#[test]
fn an_old_plan_without_its_revisions_keeps_its_own_number() {
    let env = Env::new();
    fs::create_dir_all(env.plan_dir()).unwrap();
    let original = fs::read(crate::example_plan()).unwrap();
    fs::write(env.plan_file(), &original).unwrap();
    env.test(["reason", "add", "Saturday mornings"])
        .stderr_has("Saved revision 4")
        .run();
    let kept = fs::read(env.plan_dir().join("revisions/000003.toml")).unwrap();
    assert!(kept == original, "revision 3 is not the file as it was");
    // Her note, labelled as hers; the program's note as its own words.
    env.test(["history"])
        .env("COLUMNS", "120")
        .stdout_has("your note: “Booster session: added payday”")
        .stdout_has("┆ added reason “Saturday mornings”")
        .stdout_has("4 (current)")
        .run();
    env.test(["diff", "3", "4"])
        .stdout_has("Saturday mornings")
        .run();
}
