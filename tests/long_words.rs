//! No one item's words so long that printing them stalls (guard14e, issue
//! 12/13): new words are capped at 4,000 characters, kindly, while a plan
//! that already holds longer ones opens, changes and prints as before.

use std::path::PathBuf;

use crate::Env;

/// Every file of the plan folder with its bytes, but the lock a change
/// takes (empty, and made by any command that means to save).
fn files(env: &Env) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = env.snapshot_dir();
    files.retain(|(path, _)| !path.ends_with(".lock"));
    files
}

/// Words `n` characters long, with spaces, as a paste would bring them.
fn words(n: usize) -> String {
    "stay calm ".repeat(n / 10 + 1).chars().take(n).collect()
}

/// `step add` of 100,000 characters took them, and `print` then took a
/// minute of CPU: now it is refused before anything is written, saying
/// how long it is, how long one may be, and a way on.
#[test]
fn a_step_far_too_long_is_refused_kindly_and_nothing_changes() {
    let env = Env::with_example();
    let before = files(&env);
    let said = env.fails(1, ["step", "add", &words(100_000)]);
    assert_eq!(
        said,
        "error: that crisis step is 100,000 characters long; a crisis step can be up to 4,000 characters, so nothing was changed\n\
         hint: could you split it into two crisis steps?\n"
    );
    assert_eq!(files(&env), before, "nothing written");
}

/// The cap counts characters, not bytes: 4,000 letters with accents (8,000
/// bytes) are kept whole, and one more is refused.
#[test]
fn words_up_to_the_cap_are_kept_whole() {
    let env = Env::with_example();
    let at_cap = "é".repeat(4000);
    env.ok(["step", "add", &at_cap]);
    assert_eq!(env.plan().crisis_steps.last().unwrap().text, at_cap);
    let said = env.fails(1, ["reason", "add", &format!("{at_cap}é")]);
    assert!(
        said.contains(
            "that reason is 4,001 characters long; a reason can be up to 4,000 characters"
        ),
        "{said}"
    );
}

/// Every kind of item is capped, each named in words: a trigger, a
/// contact's name and when to reach them, a coping strategy's step, and
/// the note saved with a change.
#[test]
fn every_kind_of_words_is_capped_and_named() {
    let env = Env::with_example();
    let long = words(5000);
    for (args, said) in [
        (
            vec!["trigger", "add", long.as_str()],
            "that trigger is 5,000 characters long; a trigger can be up to 4,000",
        ),
        (
            vec!["contact", "add", "--name", long.as_str()],
            "that name is 5,000 characters long; a name can be up to 4,000",
        ),
        (
            vec![
                "contact",
                "add",
                "--name",
                "Mina",
                "--reachable",
                long.as_str(),
            ],
            "that note is 5,000 characters long; a note can be up to 4,000",
        ),
        (
            vec!["--note", long.as_str(), "reason", "add", "my kids"],
            "that note is 5,000 characters long",
        ),
    ] {
        let before = files(&env);
        let err = env.fails(1, &args);
        assert!(err.contains(said), "{args:?}: {err}");
        assert!(err.contains("so nothing was changed"), "{err}");
        assert_eq!(files(&env), before, "{args:?}: nothing written");
    }
}

/// A plan written before the cap, holding a longer step, is never closed
/// to her: it is read, changed and mended as ever; `validate` names the
/// long step; only new words that long are refused.
#[test]
fn a_plan_already_holding_long_words_still_opens_changes_and_is_named() {
    let env = Env::with_example();
    let long = words(6000);
    env.edit_plan_by_hand(
        "text = \"Call Alex\"",
        &format!("text = \"Call Alex. {long}\""),
    );
    env.ok(["reason", "add", "My garden in spring"]);
    assert!(
        env.plan().crisis_steps[2]
            .text
            .starts_with("Call Alex. stay")
    );
    let said = env
        .test(["validate", env.plan_file().to_str().unwrap()])
        .run()
        .stderr;
    assert!(
        said.contains(
            "Crisis step 3 is 6,011 characters long; a crisis step can be up to 4,000 characters. It is kept as it is, but printing it is slow: worth making it shorter."
        ),
        "{said}"
    );
    // Long words added anew are refused (words already in the plan
    // would be kept once: another step is added here).
    let again = env.fails(1, ["step", "add", &format!("Call Sami. {long}")]);
    assert!(
        again.contains("that crisis step is 6,011 characters long"),
        "{again}"
    );
    env.ok(["step", "edit", "3", "Call Alex"]);
    assert_eq!(env.plan().crisis_steps[2].text, "Call Alex");
}

/// The walk-through asks again, in a real terminal, with what was typed
/// still on the line: Backspace shortens it, and Enter keeps it.
#[cfg(unix)]
#[test]
fn the_walk_through_asks_again_keeping_what_was_typed() {
    use crate::keys::Tmux;
    let env = Env::new();
    env.ok(["init", "--name", "Ann"]);
    let t = Tmux::start(&env, &["map"], 80);
    t.wait_for("What situation puts you at risk?");
    let typed = format!("{} end", "w".repeat(4100));
    t.paste(&typed);
    t.keys(&["Enter"]);
    // The line asked again is taller than the window: the words above it
    // are in the scrollback.
    let mut joined = String::new();
    for _ in 0..200 {
        joined = t
            .scrollback()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if joined.contains("What you typed is still here") && joined.ends_with(" end") {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let screen = &joined;
    assert!(
        joined.contains(
            "That is 4,104 characters long; one answer can be up to 4,000. Could you split it into two, or say it in fewer words? What you typed is still here to change."
        ),
        "{screen}"
    );
    // 104 Backspaces leave the first 4,000 of what she typed.
    t.keys(&["-N", "104", "BSpace"]);
    t.keys(&["Enter"]);
    t.wait_for("None of these");
    t.keys(&["C-c"]);
    t.wait_until_ended();
    let draft = std::fs::read_to_string(env.plan_dir().join("draft.toml")).unwrap();
    assert!(draft.contains(&"w".repeat(4000)), "kept in the draft");
    assert!(!draft.contains(&"w".repeat(4001)), "cut where she cut it");
}
