//! What an attacker (Trudy) found on main in files from someone else
//! (issue 12, guard12d): a hand-in's plan shown as if it read cleanly.
//! Every test here was seen failing on the code before its fix.

use std::fmt::Write as _;
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

/// Every file in the plan folder but the lock, with its bytes.
fn plan_files(env: &Env) -> Vec<(PathBuf, Vec<u8>)> {
    env.snapshot_dir()
        .into_iter()
        .filter(|(p, _)| !p.starts_with(env.plan_dir().join(".lock")))
        .collect()
}

/// A FIFO or a folder where `.lock` belongs never hangs a change and
/// never refuses it in silence: the error says what is there, the path,
/// that nothing is saving, and the command that removes it, which, pasted,
/// lets the next change save. A link there is taken away (the link only).
/// The plan stays byte for byte the same until then.
#[test]
fn a_lock_that_is_not_a_file_is_named_with_the_command_that_removes_it() {
    for (kind, what, command) in [
        ("fifo", "a pipe (a FIFO)", "rm "),
        ("empty folder", "an empty folder", "rmdir "),
        ("full folder", "a folder with something in it", "mv "),
    ] {
        // A plan folder with a space and a quote in its name: the command
        // is pasted as printed.
        let env = Env::new();
        let dir = env.home().join("Application Support/it's mine");
        let run = |args: &[&str]| env.test(args).env("RELAPSE_PLAN_DIR", &dir).within(10);
        run(&["init", "--name", "Sam"]).run();
        let lock = dir.join(".lock");
        let _ = fs::remove_file(&lock);
        match kind {
            "fifo" => {
                crate::tool("mkfifo").arg(&lock).run();
            }
            "empty folder" => fs::create_dir(&lock).unwrap(),
            _ => {
                fs::create_dir(&lock).unwrap();
                fs::write(lock.join("notes.txt"), "someone's words").unwrap();
            }
        }
        let files = |dir: &Path| {
            let mut all = vec![fs::read(dir.join("plan.toml")).unwrap()];
            let mut revisions: Vec<_> = fs::read_dir(dir.join("revisions"))
                .unwrap()
                .map(|e| fs::read(e.unwrap().path()).unwrap())
                .collect();
            revisions.sort();
            all.extend(revisions);
            all
        };
        let before = files(&dir);
        let err = run(&["step", "add", "Call Alex"]).status(1).run().stderr;
        assert!(
            err.contains(&format!(
                "`{}` should be relapse-plan's empty lock file, but {what} is there",
                lock.display()
            )),
            "{kind}: {err}"
        );
        assert!(
            err.contains("nothing is saving your plan just now"),
            "{kind}: {err}"
        );
        assert!(files(&dir) == before, "{kind}: the plan changed");
        let hint = err.lines().find(|l| l.starts_with("hint:")).unwrap();
        let pasted = hint
            .split('`')
            .find(|part| part.starts_with(command))
            .unwrap_or_else(|| panic!("{kind}: `{command}…` in {hint}"));
        env.shell(pasted).run();
        assert!(!lock.exists(), "{kind}: {pasted} took it away");
        if kind == "full folder" {
            assert_eq!(
                fs::read_to_string(dir.join(".lock-moved-aside/notes.txt")).unwrap(),
                "someone's words",
                "nothing in it is lost"
            );
        }
        run(&["step", "add", "Call Alex"]).run();
    }
    // A link: taken away (never what it points to), said, and the change saved.
    let env = Env::with_example();
    let elsewhere = env.home().join("elsewhere");
    fs::create_dir(&elsewhere).unwrap();
    let lock = env.plan_dir().join(".lock");
    let _ = fs::remove_file(&lock);
    std::os::unix::fs::symlink(&elsewhere, &lock).unwrap();
    let before = plan_files(&env);
    // Words not yet in the example plan, so there is a change to save
    // (the same words again are kept once, and save nothing).
    let out = env
        .test(["step", "add", "Call Alex tonight"])
        .within(10)
        .run();
    assert!(out.stderr.contains("was a link to"), "{}", out.stderr);
    assert!(elsewhere.is_dir() && fs::read_dir(&elsewhere).unwrap().next().is_none());
    assert_ne!(plan_files(&env), before, "the change is saved");
}

/// The `validate` commands `now` and `show` print about a damaged plan or a
/// sync tool's copy work when pasted, wherever the plan folder is: a
/// space (macOS's `Application Support`), a quote, a relative folder
/// starting with `-` (never read as an option), given by `--plan-dir` or
/// by `RELAPSE_PLAN_DIR`.
#[test]
fn validate_hints_work_when_pasted_from_any_plan_folder() {
    for (folder, by_flag) in [
        ("Application Support/relapse-plan", false),
        ("it's mine", true),
        ("-x", true),
        ("-y z", false),
    ] {
        let env = Env::new();
        let dir = env.home().join(folder);
        let run = |args: &[&str]| {
            let test = env
                .test(args)
                .current_dir(env.home())
                .env_remove("RELAPSE_PLAN_DIR");
            if by_flag {
                test.arg(format!("--plan-dir={folder}"))
            } else {
                test.env("RELAPSE_PLAN_DIR", folder)
            }
        };
        run(&["init", "--name", "Sam"]).run();
        run(&["step", "add", "Call Alex"]).run();
        assert!(dir.join("plan.toml").is_file(), "{folder}");
        // A sync tool's copy beside the plan: its command, pasted, checks it.
        fs::copy(dir.join("plan.toml"), dir.join("plan.sync-conflict-1.toml")).unwrap();
        let warned = run(&["show"]).run().stderr;
        let command = pasted_command(&warned, "relapse-plan validate ");
        let checked = env
            .shell(&format!("\"$0\" {command}"))
            .current_dir(env.home())
            .run()
            .stdout;
        assert!(
            checked.contains("is a valid plan"),
            "{folder}: {command}: {checked}"
        );
        fs::remove_file(dir.join("plan.sync-conflict-1.toml")).unwrap();
        // A damaged plan: `now` shows the last saved one, and its command,
        // pasted, names what is wrong in that very file.
        fs::write(dir.join("plan.toml"), "schema_version = 3\nname = \"Sam\n").unwrap();
        let shown = run(&["now"]).run();
        assert!(
            shown.stdout.contains("Call Alex"),
            "{folder}: {}",
            shown.stdout
        );
        let command = pasted_command(&shown.stderr, "relapse-plan validate ");
        let checked = env
            .shell(&format!("\"$0\" {command}"))
            .current_dir(env.home())
            .status(1)
            .run()
            .stderr;
        assert!(
            checked.contains("plan.toml` can't be read as a plan: line 2"),
            "{folder}: {command}: {checked}"
        );
    }
}

/// The command in backquotes that starts with `start`, without
/// `relapse-plan `, from text wrapped at any width.
fn pasted_command(text: &str, start: &str) -> String {
    let flat = text
        .split('\n')
        .map(str::trim_start)
        .collect::<Vec<_>>()
        .join(" ");
    let command = flat
        .split('`')
        .find(|part| part.starts_with(start))
        .unwrap_or_else(|| panic!("`{start}…` in {text}"));
    command.strip_prefix("relapse-plan ").unwrap().to_string()
}

/// `-o` into a folder that is not there names the folder and what to do,
/// for every command that writes a file: never the system's "entity not
/// found". The `mkdir` it gives, pasted, lets the same command write.
#[test]
fn output_into_a_missing_folder_names_it_and_how_to_make_it() {
    let env = Env::with_example();
    let homework = examples().join("homework.toml");
    let homework = homework.to_str().unwrap();
    env.ok(["homework", "start", homework]);
    for (n, (args, file)) in [
        (vec!["print"], "plan.pdf"),
        (
            vec![
                "homework",
                "assign",
                "--therapist",
                "Dr Patel",
                "--due",
                "2026-12-20",
                "--task",
                "map-triggers=2",
            ],
            "homework.toml",
        ),
        (vec!["homework", "submit", "--yes"], "hand-in.toml"),
        (vec!["rehearse", "--ics"], "practice.ics"),
        (vec!["check-in", "--ics", "--at", "20:30"], "check-in.ics"),
        (vec!["contact", "export"], "people.vcf"),
    ]
    .into_iter()
    .enumerate()
    {
        let folder = format!("no such folder {n}/and 'this'");
        let out = format!("{folder}/{file}");
        let run = || env.test(&args).args(["-o", &out]).current_dir(env.home());
        let err = run().status(2).run().stderr;
        assert!(
            err.contains(&format!(
                "there is no folder `{folder}` to write `{out}` in, so nothing was written"
            )),
            "{args:?}: {err}"
        );
        assert!(!err.to_lowercase().contains("not found"), "{args:?}: {err}");
        let command = pasted_command(
            &err.replace("`mkdir", "`relapse-plan mkdir"),
            "relapse-plan mkdir ",
        );
        env.shell(&command).current_dir(env.home()).run();
        run().run();
        assert!(env.home().join(&out).is_file(), "{args:?}: {out} written");
    }
}

/// A written-out hidden character (`\u{202e}`) is one unit on screen:
/// `review` cuts a long line before it or after it, never inside, and a
/// long word holding one wraps around it whole.
#[test]
fn review_never_cuts_or_wraps_inside_a_written_out_character() {
    let env = Env::new();
    for width in ["100", "50"] {
        let columns: usize = width.parse().unwrap();
        // Put the override at every place around where the line is cut.
        for at in columns.saturating_sub(14)..columns + 2 {
            let situation = format!("{}\u{202e}{}", "w".repeat(at), " and more words after it");
            let (path, _) = hand_in_with(
                &env,
                "rlo.toml",
                "situation = \"Friday payday, walking past the pub on the way home\"",
                &format!("situation = \"{situation}\""),
            );
            let shown = env
                .test(["review", path.to_str().unwrap()])
                .env("COLUMNS", width)
                .run()
                .stdout;
            let lines: Vec<&str> = shown.lines().filter(|l| l.contains("ww")).collect();
            assert!(!lines.is_empty(), "the situation is shown:\n{shown}");
            for (n, line) in shown.lines().enumerate() {
                // Whole on the line, or not on it at all.
                assert_eq!(
                    line.matches("\\u{").count(),
                    line.matches("\\u{202e}").count(),
                    "cut inside at {width} columns, {at}, line {n}: {line}"
                );
                let start = line.trim_start();
                for tail in ["u{", "{202e}", "202e}", "02e}", "2e}", "e}"] {
                    assert!(
                        !start.starts_with(tail),
                        "wrapped inside at {width} columns, {at}, line {n}: {line}"
                    );
                }
            }
        }
    }
}

/// A hand-in with thousands of revisions (one of 8 MiB holds 38,000) lists
/// only the newest changes and says how many it left out and where to read
/// them: a screen for the therapist, never 114,000 lines.
#[test]
fn review_lists_the_newest_changes_and_says_what_it_left_out() {
    let env = Env::new();
    let text = fs::read_to_string(examples().join("hand-in.toml")).unwrap();
    let at = text.find("[[revisions]]").unwrap();
    let mut revisions = String::new();
    for r in 0..2000 {
        write!(
            revisions,
            "[[revisions]]\nrevision = {}\nsaved_at = 2026-11-24T19:00:00Z\n\n\
             [[revisions.changes]]\nchange = \"item-added\"\nsection = \"reasons\"\ntext = \"Reason number {r}\"\n\n",
            r + 10
        )
        .unwrap();
    }
    let path = env.home().join("many revisions.toml");
    fs::write(&path, format!("{}{revisions}{}", &text[..at], &text[at..])).unwrap();
    let shown = env.ok(["review", path.to_str().unwrap()]);
    let changes = shown
        .lines()
        .filter(|l| l.trim_start().starts_with("- "))
        .count();
    assert!(changes <= 320, "{changes} change lines");
    assert!(shown.contains("Reason number 1999"), "the newest is shown");
    assert!(
        !shown.contains("Reason number 0\n"),
        "the oldest is left out"
    );
    let flat = shown.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains(&format!(
            "The 1,702 earlier revisions (1,702 changes) are not shown here, only the newest; open `{}` in a text editor to read them all.",
            path.display()
        )),
        "{flat}"
    );
}

/// Issue 12 (Dr Rao, homework13k item 5): `review --assignment` compares
/// the whole homework, not only its id. A hand-in whose copy was changed
/// (a count lowered, the due date moved, the therapist's name, a task
/// swapped for another) is refused, each difference said in words; the
/// hand-in that matches still reads.
#[test]
fn review_against_the_homework_file_names_every_change_in_words() {
    let env = Env::new();
    let homework = examples().join("homework.toml");
    let review = |file: &Path| {
        env.test(["review", file.to_str().unwrap()])
            .args(["--assignment", homework.to_str().unwrap()])
    };
    review(&examples().join("hand-in.toml")).run();
    let (lowered, _) = hand_in_with(&env, "lowered.toml", "count = 4", "count = 1");
    let said = review(&lowered).status(1).run().stderr;
    let flat = said.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("was made from a changed copy of the homework in"),
        "{said}"
    );
    assert!(
        flat.contains("the hand-in asks to “map at least 1 new trigger”, where the homework file asks to “map at least 4 new triggers”"),
        "{said}"
    );
    assert!(!flat.contains("20261122t101500z"), "no ids: {said}");
    let (later, _) = hand_in_with(&env, "later.toml", "due = 2026-11-29", "due = 2026-12-20");
    let said = review(&later).status(1).run().stderr;
    assert!(
        said.contains(
            "the hand-in says it is due 20 December 2026, the homework file 29 November 2026"
        ),
        "{said}"
    );
    let (renamed, _) = hand_in_with(
        &env,
        "renamed.toml",
        "therapist = \"Dr Patel\"",
        "therapist = \"Dr Pate1\"",
    );
    let said = review(&renamed).status(1).run().stderr;
    assert!(
        said.contains("the hand-in names the therapist “Dr Pate1”, the homework file “Dr Patel”"),
        "{said}"
    );
    let (dropped, _) = hand_in_with(
        &env,
        "dropped.toml",
        "task = \"rank-triggers\"",
        "task = \"add-reasons\"",
    );
    let said = review(&dropped).status(1).run().stderr;
    assert!(
        said.contains("the homework file asks to “rank your triggers”, and the hand-in does not"),
        "{said}"
    );
}

/// Issue 12 (Trudy, homework13k item 8): a blank therapist name and a task
/// listed twice are refused by name at their line, in a homework file and
/// in a hand-in; `assign` refuses a task given twice. A change note that
/// relapse-plan records (not one she gave) never holds a control
/// character: importing a vCard whose file name holds an escape was
/// refused for a `change_note` she never wrote.
#[test]
fn blank_names_tasks_twice_and_notes_she_never_gave_are_worded() {
    let env = Env::with_example();
    for blank in ["\"\"", "\"   \""] {
        let (file, line) = hand_in_with(
            &env,
            "blank.toml",
            "therapist = \"Dr Patel\"",
            &format!("therapist = {blank}"),
        );
        env.test(["review", file.to_str().unwrap()])
            .status(1)
            .stderr_has(format!(
                "line {line}: the therapist's name is empty, which `homework assign` never writes"
            ))
            .run();
    }
    let homework = env.home().join("twice.toml");
    fs::write(
        &homework,
        fs::read_to_string(examples().join("homework.toml"))
            .unwrap()
            .replace("task = \"rank-triggers\"", "task = \"map-triggers\""),
    )
    .unwrap();
    let line = fs::read_to_string(&homework)
        .unwrap()
        .lines()
        .enumerate()
        .filter(|(_, l)| *l == "task = \"map-triggers\"")
        .nth(1)
        .unwrap()
        .0
        + 1;
    env.test(["homework", "start", homework.to_str().unwrap()])
        .status(1)
        .stderr_has(format!(
            "line {line}: task `map-triggers` is listed twice (as task 1 and task 2)"
        ))
        .run();
    env.test(["validate", homework.to_str().unwrap()])
        .status(1)
        .stderr_has("can't be read as a homework file")
        .run();
    env.test([
        "homework",
        "assign",
        "-o",
        env.home().join("new.toml").to_str().unwrap(),
        "--therapist",
        "Dr Rao",
        "--due",
        "2026-11-29",
        "--task",
        "map-triggers=1",
        "--task",
        "map-triggers=3",
    ])
    .status(2)
    .stderr_has("--task map-triggers is given twice")
    .run();

    // A vCard whose file name holds an escape and a tab.
    let card = env.home().join("a\u{1b}[2Jb\u{7}.vcf");
    fs::write(
        &card,
        "BEGIN:VCARD\nVERSION:3.0\nFN:Meena\nTEL:+91 98765 43210\nEND:VCARD\n",
    )
    .unwrap();
    env.test(["contact", "import", card.to_str().unwrap(), "--yes"])
        .stderr_lacks("change_note")
        .run();
    let plan = fs::read_to_string(env.plan_file()).unwrap();
    assert!(plan.contains("Meena"), "{plan}");
    assert!(!plan.contains('\u{1b}'), "{plan}");
    env.ok(["validate", env.plan_file().to_str().unwrap()]);
    // One the plan loader would refuse is named in words, not as a key:
    // the note of the plan inside (the last one in the file).
    let text = fs::read_to_string(examples().join("hand-in.toml")).unwrap();
    let note = "change_note = \"added safer-environment item “Alex keeps my spare bank card”\"";
    let at = text.rfind(note).unwrap();
    let file = env.home().join("note.toml");
    fs::write(
        &file,
        format!(
            "{}change_note = \"added \\u0007safer-environment item\"{}",
            &text[..at],
            &text[at + note.len()..]
        ),
    )
    .unwrap();
    env.test(["review", file.to_str().unwrap()])
        .status(1)
        .stderr_has("the note saved with the latest change: holds a control character")
        .stderr_lacks("change_note:")
        .run();
}

/// Issue 12 (Trudy, homework13k items 6, 7 and 9): files that cross the
/// trust boundary are named as what they are, their problems in words at
/// their line. A broken homework file is "a homework file" to `validate`
/// (it was "a plan"); a practice log is checked as one; "unknown variant", "missing field" and
/// "invalid basic string" never reach a person; a check-in's problem in a
/// hand-in names its line.
#[test]
fn files_from_others_are_named_and_their_problems_worded_at_their_line() {
    let env = Env::with_example();
    let homework = fs::read_to_string(examples().join("homework.toml")).unwrap();
    let write = |name: &str, text: &str| {
        let path = env.home().join(name);
        fs::write(&path, text).unwrap();
        path
    };
    let open_quote = write(
        "open.toml",
        &homework.replace("therapist = \"Dr Patel\"", "therapist = \"Dr Patel"),
    );
    let said = env
        .test(["validate", open_quote.to_str().unwrap()])
        .status(1)
        .run()
        .stderr;
    assert!(
        said.contains("can't be read as a homework file: line 10"),
        "{said}"
    );
    assert!(said.contains("no closing quote"), "{said}");
    assert!(!said.contains("a plan"), "{said}");
    assert!(!said.contains("restore"), "{said}");
    assert!(!said.contains("invalid basic string"), "{said}");
    let unknown = write(
        "unknown.toml",
        &homework.replace("task = \"rank-triggers\"", "task = \"rank-trigers\""),
    );
    let said = env
        .test(["homework", "start", unknown.to_str().unwrap()])
        .status(1)
        .run()
        .stderr;
    assert!(
        said.contains("line 21, column 8: “rank-trigers” is not something relapse-plan knows as `task`; it takes one of: map-triggers, rank-triggers,"),
        "{said}"
    );
    assert!(!said.contains("unknown variant"), "{said}");
    let no_id = write(
        "no-id.toml",
        &homework.replace("id = \"20261122t101500z-dr-patel-sam\"\n", ""),
    );
    let said = env
        .test(["validate", no_id.to_str().unwrap()])
        .status(1)
        .run()
        .stderr;
    assert!(said.contains("`id` is missing here"), "{said}");
    assert!(!said.contains("missing field"), "{said}");

    // The practice log, checked as one, good and bad.
    env.test(["surf", "--ratings", "7,5,3"]).run();
    let log = env.plan_dir().join("practice.toml");
    env.test(["validate", log.to_str().unwrap()])
        .stdout_has("is a practice log")
        .stdout_has("1 exercise")
        .run();
    let bad_log = write(
        "practice.toml",
        &fs::read_to_string(&log)
            .unwrap()
            .replace("seconds = ", "seconds = \"ten\" #"),
    );
    let said = env
        .test(["validate", bad_log.to_str().unwrap()])
        .status(1)
        .run()
        .stderr;
    assert!(
        said.contains("can't be read as the practice log: line"),
        "{said}"
    );
    assert!(!said.contains("a plan"), "{said}");
    assert!(!said.contains("restore"), "{said}");
    // A check-in's problem in a hand-in, at its line.
    let (file, line) = hand_in_with(&env, "urge.toml", "urge = 5", "urge = 50");
    env.test(["review", file.to_str().unwrap()])
        .status(1)
        .stderr_has(format!(
            "line {line}: check-in 2: urge and distress go from 0 to 10"
        ))
        .run();
}
