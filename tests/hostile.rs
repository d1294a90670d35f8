//! A corpus of damaged and hostile files (tests/hostile/): each one gets a
//! clear error naming the file, and the plan folder stays byte-for-byte as
//! it was. Files that cannot live in a repository (huge, a directory, a
//! symlink loop, unreadable) are made here.

use std::fs;
use std::path::{Path, PathBuf};

use crate::Env;

fn corpus(kind: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/hostile")
        .join(kind);
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    files
}

/// A plan folder with a sound revision 1, ready to receive a hostile file.
fn sound() -> Env {
    let env = Env::new();
    env.ok(["init", "--name", "Sam", "--country", "GB"]);
    env.ok(["trigger", "add", "--id", "payday", "--situation", "Payday"]);
    env
}

#[test]
fn the_corpus_is_large_enough() {
    let total = corpus("plan").len() + corpus("draft").len() + corpus("practice").len();
    assert!(total >= 30, "{total} files");
}

#[test]
fn hostile_plan_files_are_refused_by_name_and_change_nothing() {
    for file in corpus("plan") {
        let env = sound();
        fs::copy(&file, env.plan_file()).unwrap();
        let before = env.snapshot_dir();
        let name = file.file_name().unwrap().to_string_lossy().to_string();
        let err = env
            .test(["reason", "add", "Mia"])
            .case(&name)
            .status(1)
            .run()
            .stderr;
        assert!(
            err.contains(&env.plan_file().display().to_string())
                || err.contains("this change would leave the plan"),
            "{name}: the error names the file: {err}"
        );
        assert!(err.contains("hint:"), "{name}: says what to do: {err}");
        // validate fails.
        env.test(["validate", env.plan_file().to_str().unwrap()])
            .case(&name)
            .status(1)
            .run();
        // Reading never panics, and the crisis view always shows something.
        for command in ["show", "history", "diff"] {
            env.test([command]).case(&name).status_one_of([0, 1]).run();
        }
        env.test(["now"]).case(&name).stdout_lacks("\u{1b}").run();
        assert_eq!(
            env.snapshot_dir(),
            before,
            "{name}: the folder is unchanged"
        );
    }
}

#[test]
fn hostile_practice_logs_are_refused_by_name_and_change_nothing() {
    for file in corpus("practice") {
        let env = sound();
        let practice = env.plan_dir().join("practice.toml");
        fs::copy(&file, &practice).unwrap();
        let before = env.snapshot_dir();
        let name = file.file_name().unwrap().to_string_lossy().to_string();
        for args in [
            vec!["rehearse", "--list"],
            vec![
                "rehearse",
                "payday",
                "--recalled",
                "all",
                "--confidence",
                "60",
            ],
        ] {
            let err = env.fails(1, &args);
            assert!(
                err.contains(&practice.display().to_string()),
                "{name}: {err}"
            );
            assert!(err.contains("hint:"), "{name}: {err}");
        }
        assert_eq!(env.snapshot_dir(), before, "{name}");
    }
}

#[test]
fn hostile_drafts_are_refused_by_name() {
    for file in corpus("draft") {
        let env = sound();
        fs::copy(&file, env.plan_dir().join("draft.toml")).unwrap();
        let before = env.snapshot_dir();
        let store = relapse_plan::store::Store::open_dir(env.plan_dir());
        let error = store.load_draft().expect_err("a damaged draft is an error");
        let message = error.to_string();
        assert!(message.contains("draft.toml"), "{message}");
        assert!(
            error
                .hint()
                .is_some_and(|h| h.contains("saved plan is untouched"))
        );
        assert_eq!(env.snapshot_dir(), before);
    }
}

#[test]
fn a_huge_file_fails_fast_without_being_read() {
    let env = sound();
    let file = fs::File::create(env.plan_file()).unwrap();
    file.set_len(100 * 1024 * 1024).unwrap();
    let started = std::time::Instant::now();
    let err = env.fails(1, ["show"]);
    assert!(
        err.contains("is 100 MB; a plan file is at most 8 MB"),
        "{err}"
    );
    // Generous: reading 100 MB would take far longer than refusing it.
    assert!(started.elapsed().as_secs() < 5);
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_or_a_directory_is_named() {
    let env = sound();
    fs::remove_file(env.plan_file()).unwrap();
    std::os::unix::fs::symlink("plan.toml", env.plan_file()).unwrap();
    let err = env.fails(1, ["show"]);
    assert!(err.contains("plan.toml"), "{err}");
    fs::remove_file(env.plan_file()).unwrap();
    fs::create_dir(env.plan_file()).unwrap();
    let before = env.snapshot_dir();
    let err = env.fails(1, ["step", "add", "Call Alex"]);
    assert!(err.contains("is not a file"), "{err}");
    assert_eq!(env.snapshot_dir(), before);
}

#[cfg(unix)]
#[test]
fn an_unreadable_plan_is_named() {
    use std::os::unix::fs::PermissionsExt;
    let env = sound();
    fs::set_permissions(env.plan_file(), fs::Permissions::from_mode(0o000)).unwrap();
    let output = if fs::read(env.plan_file()).is_ok() {
        // Running as root (as CI does), permissions don't stop reading: run
        // relapse-plan as `nobody`, owning the folder but not able to read
        // the plan, so the same refusal is tested for real.
        fs::set_permissions(env.home(), fs::Permissions::from_mode(0o755)).unwrap();
        crate::tool("chown")
            .args(["-R", "65534:65534"])
            .arg(env.plan_dir())
            .run();
        // setpriv (util-linux) runs relapse-plan as nobody.
        env.program("setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(crate::bin())
            .arg("show")
            .status(1)
            .run()
    } else {
        env.test(["show"]).status(1).run()
    };
    let err = output.stderr;
    assert!(
        err.contains("you do not have permission to read")
            && err.contains("plan.toml")
            && err.contains("this is a permissions problem")
            && !err.contains("os error"),
        "{err}"
    );
}

#[test]
fn sync_conflict_copies_are_warned_about_and_left_alone() {
    let env = sound();
    for name in [
        "plan.sync-conflict-20261122-101500-ABC.toml",
        "plan (conflicted copy).toml",
    ] {
        fs::copy(env.plan_file(), env.plan_dir().join(name)).unwrap();
    }
    let before = env.snapshot_dir();
    for command in ["show", "now"] {
        let err = env.test([command]).run().stderr;
        assert!(
            err.contains(
                "plan.sync-conflict-20261122-101500-ABC.toml` looks like a copy made by a sync tool"
            ),
            "{err}"
        );
        assert!(err.contains("plan (conflicted copy).toml"), "{err}");
    }
    assert_eq!(env.snapshot_dir(), before);
}

/// Trudy: a practice log whose rehearsal names a trigger the plan does not
/// have, with a clipboard write, a screen clear, a C1 control and an
/// override in its id, reached the terminal raw through `practice`.
#[test]
fn a_practice_log_from_elsewhere_never_reaches_the_terminal_raw() {
    let env = sound();
    let practice = env.plan_dir().join("practice.toml");
    fs::write(
        &practice,
        r#"version = 1
exercises = []

[[rehearsals]]
trigger = "friday\u001b]52;c;cHduZWQ=\u0007\u001b[2J\u009b31m\u202e\u200b"
at = 2026-11-20T11:30:41Z
recalled = "all"
confidence = 60
"#,
    )
    .unwrap();
    let out = env.ok(["practice"]);
    assert!(
        !out.contains(['\u{1b}', '\u{7}', '\u{9b}', '\u{202e}', '\u{200b}']),
        "{out:?}"
    );
    assert!(out.contains("friday"), "{out}");
}

/// Trudy: a plan file that only says it is from a newer relapse-plan (a
/// damaged `schema_version = 9`, or a hand-in copied over it) made `now`
/// show an empty plan without a word. Her last saved plan this version
/// reads is shown, and said.
#[test]
fn now_never_shows_an_empty_plan_for_a_file_from_a_newer_relapse_plan() {
    let env = Env::new();
    env.ok(["init", "--name", "Sam", "--country", "NZ"]);
    env.ok(["step", "add", "Text Alex and say it is a bad night"]);
    env.ok([
        "contact",
        "add",
        "--name",
        "Alex",
        "--phone",
        "+64 21 555 0101",
    ]);
    fs::write(env.plan_file(), "schema_version = 9\n").unwrap();
    let ran = env.test(["now"]).run();
    let said = format!("{}{}", ran.stdout, ran.stderr);
    assert!(
        said.contains("Text Alex and say it is a bad night"),
        "{said}"
    );
    assert!(said.contains("+64 21 555 0101"), "{said}");
    assert!(said.contains("newer relapse-plan (schema 9)"), "{said}");
    assert!(
        said.contains("last saved plan it can read (revision 3)"),
        "{said}"
    );
}

/// Trudy: `set --emergency-number` kept a zero-width space without a word,
/// and the PDF printed "call 111 or 11?1" in large type. Her own numbers
/// are tidied as `contact add` tidies a contact's, and it is said.
#[test]
fn set_takes_hidden_characters_out_of_her_own_numbers_and_says_so() {
    let env = Env::new();
    env.ok(["init", "--name", "Sam", "--country", "NZ"]);
    let ran = env
        .test([
            "set",
            "--emergency-number",
            "11\u{200b}1",
            "--own-line",
            "Help\u{202e}line",
            "--call",
            "0800\u{2066} 123 456",
            "--source",
            "flyer",
        ])
        .run();
    let said = format!("{}{}", ran.stdout, ran.stderr);
    assert!(said.contains("The number held hidden characters"), "{said}");
    assert!(said.contains("so it reads “111”"), "{said}");
    assert!(said.contains("so it reads “0800 123 456”"), "{said}");
    assert!(said.contains("so it reads “Helpline”"), "{said}");
    let plan = fs::read_to_string(env.plan_file()).unwrap();
    for hidden in ['\u{200b}', '\u{202e}', '\u{2066}'] {
        assert!(!plan.contains(hidden), "{plan}");
    }
}

/// Trudy, round 2: "Call \u{202e}1234 555 12 46+" reads "+64 21 555 4321"
/// on a screen; with the override taken out it was kept as "1234 555 12
/// 46+", and the HTML linked tel:12345551246, the number backwards.
#[test]
fn a_number_turned_around_in_a_step_is_never_a_link() {
    let env = Env::new();
    env.ok(["init", "--name", "Sam", "--country", "NZ"]);
    env.ok(["step", "add", "Call \u{202e}1234 555 12 46+"]);
    let html = env.ok(["print", "--format", "html"]);
    assert!(html.contains("1234 555 12 46"), "{html}");
    assert!(!html.contains("tel:12345551246"), "{html}");
}

/// Trudy, round 2: a right-to-left override typed into an option's value
/// (`--format`, `--color`, `--acted`) reached the terminal raw in the
/// usage error that quotes it. It is written out, as in every message.
#[test]
fn a_bad_option_value_is_quoted_cleaned() {
    let env = Env::new();
    for args in [
        ["print", "--format", "h\u{202e}X"],
        ["check-in", "--acted", "y\u{202e}es"],
        ["show", "--color", "al\u{202e}ways"],
    ] {
        let err = env.fails(2, args);
        assert!(!err.contains('\u{202e}'), "{args:?}: {err:?}");
        assert!(err.contains("\\u{202e}"), "{args:?}: {err}");
    }
}
