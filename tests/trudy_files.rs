//! What an attacker (Trudy) found on main in files from someone else
//! (issue 12, guard12d): a hand-in's plan shown as if it read cleanly.
//! Every test here was seen failing on the code before its fix.

use std::fs;
use std::path::{Path, PathBuf};

use crate::Env;

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples")
}

/// The example hand-in with `from` (once in it, on a line of its own)
/// made `to`, written beside the environment as `name`; with the line
/// it is on.
fn hand_in_with(env: &Env, name: &str, from: &str, to: &str) -> (PathBuf, usize) {
    let text = fs::read_to_string(examples().join("hand-in.toml")).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let at = lines
        .iter()
        .position(|l| *l == from)
        .unwrap_or_else(|| panic!("{from:?} is a line of the example hand-in"));
    assert_eq!(lines.iter().filter(|l| **l == from).count(), 1, "{from}");
    let mut changed: Vec<String> = lines.iter().map(ToString::to_string).collect();
    changed[at] = to.to_string();
    let path = env.home().join(name);
    fs::write(&path, changed.join("\n") + "\n").unwrap();
    (path, at + 1)
}

/// A hand-in whose plan the plan loader would refuse is never shown as if
/// it read cleanly: `review` says what is wrong in words, with the hand-in
/// file and the line in it, and what the therapist can do; the
/// therapist's own plan folder stays byte for byte as it was. A number
/// past the field's type names its real line, not the `[plan]` header's.
#[test]
fn a_hand_in_whose_plan_would_not_load_is_named_line_by_line() {
    let env = Env::with_example();
    let before = env.snapshot_dir();
    for (name, from, to, said) in [
        (
            "likely-9.toml",
            "likelihood = 4",
            "likelihood = 9",
            "trigger “Friday payday, walking past the pub on…”: likelihood is 9; it goes from 0 to 5",
        ),
        (
            "two-ids.toml",
            "id = \"row-with-jo\"",
            "id = \"payday\"",
            "trigger “An argument with Jo about money”: its id `payday` is used by another trigger too",
        ),
        (
            "nobody.toml",
            "contacts = [\"priya\"]",
            "contacts = [\"nobody\"]",
            "links to contact `nobody`, who is not in the plan",
        ),
        (
            "likely-400.toml",
            "likelihood = 4",
            "likelihood = 400",
            "`likelihood` is `400`, which is not allowed: it takes a whole number from 0 to 5",
        ),
        (
            "typo.toml",
            "intensity = 5",
            "intensty = 5",
            "`triggers[1].intensty` is not a field relapse-plan knows",
        ),
    ] {
        let (path, line) = hand_in_with(&env, name, from, to);
        let shown = path.display().to_string();
        let err = env.fails(1, ["review", &shown]);
        assert!(
            err.contains(&format!("`{shown}` can't be read as a hand-in file")),
            "{name}: {err}"
        );
        assert!(
            err.contains(&format!("line {line}")),
            "{name}: line {line}?\n{err}"
        );
        assert!(err.contains(said), "{name}: {said:?}?\n{err}");
        assert!(!err.contains("expected u8"), "{name}: {err}");
        assert!(
            !err.contains("line 132"),
            "{name}: the [plan] header's line\n{err}"
        );
        assert!(
            err.contains("send it again") || err.contains("new copy"),
            "{err}"
        );
        // `validate` is the same reader, so it names the same.
        let again = env.fails(1, ["validate", &shown]);
        assert!(again.contains(said), "{name}: {again}");
    }
    // The hint's command, pasted, lists the problems again.
    let (path, _) = hand_in_with(&env, "it's mine.toml", "likelihood = 4", "likelihood = 9");
    let err = env.fails(1, ["review", path.to_str().unwrap()]);
    assert!(err.contains("ask your client to send it again"), "{err}");
    let hint = err.lines().find(|l| l.starts_with("hint:")).unwrap();
    let command = hint
        .split('`')
        .find(|part| part.starts_with("relapse-plan validate "))
        .unwrap_or_else(|| panic!("a validate command in {hint}"));
    let rest = command.strip_prefix("relapse-plan ").unwrap();
    let pasted = env.shell(&format!("\"$0\" {rest}")).status(1).run();
    assert!(
        pasted
            .stderr
            .contains("likelihood is 9; it goes from 0 to 5"),
        "{command}: {}",
        pasted.stderr
    );
    assert_eq!(env.snapshot_dir(), before, "the therapist's plan folder");
    // The example hand-in itself still reads.
    env.ok(["review", examples().join("hand-in.toml").to_str().unwrap()]);
}

/// A person whose own plan has a problem is told so, in their plan, when
/// they hand it in: never lines of a file that was not written.
#[test]
fn submit_names_a_problem_in_the_persons_own_plan() {
    let env = Env::with_example();
    env.ok([
        "homework",
        "start",
        examples().join("homework.toml").to_str().unwrap(),
    ]);
    let text = fs::read_to_string(env.plan_file()).unwrap();
    let from = text
        .lines()
        .find(|l| l.starts_with("likelihood = "))
        .unwrap()
        .to_string();
    env.edit_plan_by_hand(&format!("\n{from}\n"), "\nlikelihood = 9\n");
    let out = env.home().join("hand-in.toml");
    let err = env.fails(
        1,
        ["homework", "submit", "-o", out.to_str().unwrap(), "--yes"],
    );
    assert!(
        err.contains(&format!("`{}` has 1 problem", env.plan_file().display())),
        "{err}"
    );
    assert!(
        err.contains("likelihood is 9; it goes from 0 to 5"),
        "{err}"
    );
    assert!(!out.exists());
}
