//! Links in the plan folder (issue 12): `plan.toml`, or any file kept
//! beside it, that is a link (to a plan kept in a synced folder, say, or to
//! a file someone else put there). Nothing is ever written through a link:
//! a save replaces the link with a file of its own and says so plainly,
//! and what it pointed to stays byte for byte as it was. A link that leads
//! to something that can't be read is named as a link, with where it leads.

use std::fs;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};

use crate::Env;

/// The example plan kept elsewhere, in `folder`, with plan.toml a link to it.
fn linked_plan(env: &Env, folder: &Path) -> PathBuf {
    fs::create_dir_all(folder).unwrap();
    let target = folder.join("my-plan.toml");
    fs::rename(env.plan_file(), &target).unwrap();
    symlink(&target, env.plan_file()).unwrap();
    target
}

fn is_link(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

/// The words every replaced link gets, whichever file it was.
fn replaced(name: &str, target: &Path) -> String {
    format!(
        "note: `{name}` in your plan folder was a link to `{}`; relapse-plan never writes through a link, so `{name}` is now a file of its own in the plan folder",
        target.display()
    )
}

fn has_reason(env: &Env, text: &str) -> bool {
    env.plan().reasons.iter().any(|r| r.text == text)
}

#[test]
fn a_link_to_a_plan_in_your_own_folder_is_replaced_never_written_through() {
    let env = Env::with_example();
    let folder = env.home().join("Sync");
    let target = linked_plan(&env, &folder);
    let before = fs::read(&target).unwrap();
    env.test(["reason", "add", "Saturday mornings"])
        .stderr_has("Saved revision 4")
        .stderr_has(replaced("plan.toml", &target))
        .stderr_has(format!(", and `{}` was left as it was.", target.display()))
        .run();
    assert!(!is_link(&env.plan_file()), "plan.toml is still a link");
    assert!(
        fs::read(&target).unwrap() == before,
        "the file outside the plan folder was written"
    );
    // Nothing else was put beside it either (no temp file).
    let names: Vec<String> = fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["my-plan.toml"]);
    assert!(has_reason(&env, "Saturday mornings"));
    // Said once: the next save has no link left to speak of.
    env.test(["reason", "add", "Sunday walks"])
        .stderr_has("Saved revision 5")
        .stderr_lacks("link")
        .run();
    env.test(["now"]).stdout_has("Saturday mornings").run();
}

#[test]
fn a_link_into_the_plan_folder_is_replaced_and_said() {
    let env = Env::with_example();
    // plan.toml pointing at a revision, which is never rewritten.
    let revision = env.plan_dir().join("revisions/000003.toml");
    let before = fs::read(&revision).unwrap();
    fs::remove_file(env.plan_file()).unwrap();
    symlink("revisions/000003.toml", env.plan_file()).unwrap();
    env.test(["reason", "add", "Saturday mornings"])
        .stderr_has("Saved revision 4")
        .stderr_has(replaced("plan.toml", &revision.canonicalize().unwrap()))
        .run();
    assert!(!is_link(&env.plan_file()));
    assert!(
        fs::read(&revision).unwrap() == before,
        "revision 3 was rewritten"
    );
    assert!(has_reason(&env, "Saturday mornings"));
}

#[test]
fn a_link_into_a_root_owned_folder_is_replaced_too() {
    // As root (as CI runs) every folder is "yours": a link to /etc-like
    // places must not be written through for that.
    let env = Env::with_example();
    let folder = env.home().join("system");
    let target = linked_plan(&env, &folder);
    let before = fs::read(&target).unwrap();
    let owner = crate::tool("id").arg("-u").run().stdout;
    if owner.trim() == "0" {
        crate::tool("chown")
            .arg("0:0")
            .arg(&folder)
            .arg(&target)
            .run();
    }
    env.test(["reason", "add", "Saturday mornings"])
        .stderr_has("Saved revision 4")
        .stderr_has(replaced("plan.toml", &target))
        .run();
    assert!(!is_link(&env.plan_file()));
    assert!(fs::read(&target).unwrap() == before, "{}", target.display());
    assert!(has_reason(&env, "Saturday mornings"));
}

#[test]
fn a_link_to_nothing_is_replaced_and_said() {
    let env = Env::with_example();
    fs::remove_file(env.plan_file()).unwrap();
    let gone = env.home().join("gone.toml");
    symlink(&gone, env.plan_file()).unwrap();
    let err = env
        .test(["reason", "add", "Saturday mornings"])
        .stderr_has("Saved revision 4")
        .stderr_has(replaced("plan.toml", &gone))
        .run()
        .stderr;
    assert!(!err.contains("left as it was"), "{err}");
    assert!(!is_link(&env.plan_file()));
    assert!(!gone.exists());
}

/// The plan folder's `name` moved out to `outside` (or a file of someone
/// else's there, for one not made yet), with a link to it in its place;
/// returns what `outside` holds.
fn link_out(env: &Env, name: &str, outside: &Path) -> Vec<u8> {
    let inside = env.plan_dir().join(name);
    if inside.exists() {
        fs::rename(&inside, outside).unwrap();
    } else {
        fs::write(outside, "someone else's file\n").unwrap();
    }
    symlink(outside, &inside).unwrap();
    fs::read(outside).unwrap()
}

#[test]
fn every_side_file_that_is_a_link_is_replaced_with_the_same_words() {
    let env = Env::with_example();
    let homework = env.home().join("homework.toml");
    fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/homework.toml"),
        &homework,
    )
    .unwrap();
    env.ok(["homework", "start", homework.to_str().unwrap()]);
    // Another assignment, so starting it rewrites homework.toml.
    let other = env.home().join("other.toml");
    let text = fs::read_to_string(&homework).unwrap();
    fs::write(&other, text.replace("dr-patel-sam", "dr-lee-sam")).unwrap();
    env.ok(["surf", "--ratings", "7,5,2"]);
    env.ok(["check-in", "--urge", "3"]);
    let away = env.home().join("away");
    fs::create_dir(&away).unwrap();
    // Each file, and a command that writes it.
    let cases: [(&str, Vec<&str>); 5] = [
        ("practice.toml", vec!["surf", "--ratings", "6,3"]),
        ("check-ins.toml", vec!["check-in", "--urge", "2"]),
        (
            "homework.toml",
            vec!["homework", "start", other.to_str().unwrap(), "--force"],
        ),
        ("revisions/index.jsonl", vec!["reason", "add", "Mia"]),
        (".lock", vec!["reason", "add", "Noor"]),
    ];
    for (i, (name, command)) in cases.iter().enumerate() {
        let outside = away.join(format!("{i}.toml"));
        let before = link_out(&env, name, &outside);
        env.test(command)
            .stderr_has(replaced(name, &outside))
            .stderr_has(format!(", and `{}` was left as it was.", outside.display()))
            .run();
        let inside = env.plan_dir().join(name);
        assert!(!is_link(&inside), "{name} is still a link");
        assert!(inside.is_file(), "{name} is not a file");
        assert!(
            fs::read(&outside).unwrap() == before,
            "{name}: the file outside the plan folder was written"
        );
    }
    // What the replaced files hold is whole: the history still lists every
    // revision, the check-ins and practice still read.
    env.test(["history"]).stdout_has("Noor").run();
    env.ok(["surf", "--ratings", "4,1"]);
    env.ok(["check-in", "--urge", "1"]);
}

#[test]
fn a_link_to_what_is_not_a_log_is_named_as_a_link() {
    let env = Env::with_example();
    let outside = env.home().join("notes.txt");
    fs::write(&outside, "hello there\n").unwrap();
    for (name, command, what) in [
        (
            "practice.toml",
            vec!["surf", "--ratings", "6,3"],
            "the practice log",
        ),
        (
            "check-ins.toml",
            vec!["check-in", "--urge", "2"],
            "the check-in log",
        ),
        ("plan.toml", vec!["reason", "add", "Mia"], "a plan"),
    ] {
        let inside = env.plan_dir().join(name);
        let _ = fs::remove_file(&inside);
        symlink(&outside, &inside).unwrap();
        let unlocked = |env: &Env| {
            let mut files = env.snapshot_dir();
            files.retain(|(p, _)| !p.ends_with(".lock"));
            files
        };
        let before = unlocked(&env);
        let err = env.fails(1, command);
        assert!(
            err.contains(&format!(
                "error: `{}` is a link to `{}`, and `{}` can't be read as {what}: ",
                inside.display(),
                outside.display(),
                outside.display()
            )),
            "{err}"
        );
        assert!(
            err.contains(&format!("hint: nothing was changed, and `{}` was left as it was; if the link is a mistake, remove it with `rm {}`", outside.display(), inside.display())),
            "{err}"
        );
        assert!(!err.contains("key with no value") || err.contains("is a link to"));
        assert_eq!(fs::read(&outside).unwrap(), b"hello there\n");
        assert!(
            is_link(&inside),
            "{name}: the link was replaced on a failed read"
        );
        assert!(unlocked(&env) == before, "{name}: the plan folder changed");
        fs::remove_file(&inside).unwrap();
        if name == "plan.toml" {
            // Back from the newest revision, as the hint says.
            env.ok(["now"]);
        }
    }
}

/// A link's target is text from outside the plan: its name, holding an
/// escape sequence (a clipboard write), never reaches the terminal raw.
#[test]
fn a_link_target_with_escape_sequences_is_named_cleaned() {
    let env = Env::with_example();
    let folder = env.home().join("out\u{1b}]52;c;aGk=\u{7}side");
    let target = linked_plan(&env, &folder);
    let before = fs::read(&target).unwrap();
    let ran = env
        .test(["reason", "add", "Saturday mornings"])
        .stderr_has("Saved revision 4")
        .stderr_has("is now a file of its own in the plan folder")
        .run();
    assert!(!ran.stderr.contains('\u{1b}'), "{:?}", ran.stderr);
    assert!(!ran.stderr.contains('\u{7}'), "{:?}", ran.stderr);
    assert_eq!(fs::read(&target).unwrap(), before);
}

/// Issue 12 (guard12c): the hint for a link that can't be read gives an
/// `rm` command quoted for the shell, so it works for a plan folder whose
/// name holds `'` and spaces: run as given, it removes the link and
/// nothing else, and the next save starts the file anew.
#[test]
fn the_remove_command_for_a_link_works_with_quotes_and_spaces_in_the_name() {
    let env = Env::new();
    let dir = env.home().join("Sam's plan \"x\" $HOME");
    let run = |args: &[&str]| env.test(args).env("RELAPSE_PLAN_DIR", &dir);
    run(&["init", "--name", "Sam"]).run();
    let outside = env.home().join("notes.txt");
    fs::write(&outside, "hello there\n").unwrap();
    let inside = dir.join("practice.toml");
    let _ = fs::remove_file(&inside);
    symlink(&outside, &inside).unwrap();
    let err = run(&["surf", "--ratings", "6,3"]).status(1).run().stderr;
    let command = err
        .split("remove it with `")
        .nth(1)
        .and_then(|rest| rest.split('`').next())
        .unwrap_or_else(|| panic!("no rm command in:\n{err}"));
    assert!(command.starts_with("rm '"), "{command}");
    env.shell(command).run();
    assert!(!is_link(&inside) && !inside.exists(), "{command}");
    assert_eq!(fs::read(&outside).unwrap(), b"hello there\n");
    assert!(dir.join("plan.toml").exists());
    run(&["surf", "--ratings", "6,3"]).run();
}
