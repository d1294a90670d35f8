//! The system's edges found by fresh eyes (issue 12, edge3): another
//! user's folder, negative numbers, the check-in rescue screen, hidden
//! characters on paper, a draft save that waits for the lock, and
//! review's change notes. Every test here was seen failing before its fix.

use crate::Env;

/// Every number flag, with a negative number given as two arguments or
/// joined by `=`, says the same plain words: what it expected. Clap's
/// "unexpected argument" (it took `-1` for a flag) never shows.
#[test]
fn a_negative_number_gets_the_same_plain_words_either_way() {
    let env = Env::with_example();
    let flags: &[(&[&str], &str, &str)] = &[
        (&["check-in"], "--urge", "a whole number from 0 to 10"),
        (&["check-in", "--urge", "3"], "--distress", "from 0 to 10"),
        (
            &["trigger", "edit", "payday"],
            "--likelihood",
            "from 0 to 5",
        ),
        (&["trigger", "edit", "payday"], "--intensity", "from 0 to 5"),
        (
            &["trigger", "edit", "payday"],
            "--confidence",
            "from 0 to 100",
        ),
        (
            &["trigger", "edit", "payday"],
            "--rank",
            "a place in your own order",
        ),
        (&["breathe"], "--in", "seconds from 1 to 10"),
        (&["breathe"], "--out", "seconds from 1 to 15"),
        (&["breathe"], "--minutes", "more than 0"),
        (&["surf"], "--minutes", "more than 0"),
        (&["surf"], "--every", "more than 0"),
        (&["trends"], "--days", "days from 1 to 366"),
        (&["print"], "--revision", "a revision number"),
        (
            &["coping", "edit", "urge-surf"],
            "--remove-step",
            "a number from the list",
        ),
    ];
    for (command, flag, expected) in flags {
        let apart = env
            .test(*command)
            .args([*flag, "-1"])
            .case(format!("{command:?} {flag} -1"))
            .status_one_of([1, 2])
            .stderr_has(*expected)
            .stderr_lacks("unexpected argument")
            .run();
        let joined = env
            .test(*command)
            .arg(format!("{flag}=-1"))
            .case(format!("{command:?} {flag}=-1"))
            .status_one_of([1, 2])
            .stderr_has(*expected)
            .run();
        assert_eq!(
            String::from_utf8_lossy(&apart.err_bytes),
            String::from_utf8_lossy(&joined.err_bytes),
            "{command:?} {flag}: the same words either way"
        );
    }
    // Numbers in place of a name on the command line: a revision to restore.
    env.test(["restore", "-1"])
        .status(2)
        .stderr_has("expected a revision number")
        .stderr_lacks("unexpected argument")
        .run();
    env.test(["surf", "--ratings", "-1,2"])
        .status_one_of([1, 2])
        .stderr_has("urge ratings from 0 to 10")
        .stderr_lacks("unexpected argument")
        .run();
}

/// `relapse-plan ARGS` run as the user nobody, in `env`; `None` where this
/// run cannot change user (not root), which never passes in CI: CI runs as
/// root, so there this test must run.
#[cfg(unix)]
fn as_nobody(env: &Env, args: &[&str]) -> Option<crate::Test> {
    // The sealed environment has no PATH: runuser by where Debian keeps it.
    let runuser = ["/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser"]
        .into_iter()
        .find(|p| std::path::Path::new(p).exists());
    // A folder this run just made is owned by whoever runs it.
    let root = std::os::unix::fs::MetadataExt::uid(&std::fs::metadata(env.home()).unwrap()) == 0;
    let can = runuser.is_some() && root;
    if !can {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI runs as root with runuser: running as another user must work here"
        );
        eprintln!("skipped: changing user needs root and runuser");
        return None;
    }
    Some(
        env.program(runuser?)
            .args(["-u", "nobody", "--"])
            .arg(crate::bin())
            .args(args),
    )
}

/// Another user's plan folder: the words say plainly it is a permissions
/// problem, name the file or folder, and say who can put it right; no
/// "os error", no "free some space"; `now` still shows the crisis lines.
#[cfg(unix)]
#[test]
fn another_users_folder_is_a_permissions_problem_in_plain_words() {
    use std::os::unix::fs::PermissionsExt;
    let set_mode = |path: &std::path::Path, mode: u32| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    };
    let env = Env::with_example();
    let dir = env.plan_dir();
    let folder = dir.display().to_string();
    let plan_file = env.plan_file().display().to_string();
    // The way to the folder is open; the folder itself is its owner's alone.
    set_mode(env.home(), 0o755);
    set_mode(&dir, 0o700);
    let Some(show) = as_nobody(&env, &["show"]) else {
        return;
    };
    let plain = |t: crate::Test| {
        t.stderr_has(
            "this is a permissions problem: run relapse-plan as the person who owns the folder `",
        )
        .stderr_has(format!("ls -ld {folder}`"))
        .stderr_lacks("os error")
        .stderr_lacks("free some space")
        .stderr_lacks("free space")
    };
    plain(show.status(1))
        .stderr_has(format!("you do not have permission to read `{plan_file}`"))
        .run();
    // The crisis view: the plan file's own reason, never the revisions
    // folder's in its place, and the crisis lines all the same.
    plain(as_nobody(&env, &["now"]).unwrap().status(0))
        .stderr_has(format!("you do not have permission to read `{plan_file}`"))
        .stderr_lacks("revisions")
        .stdout_has("Crisis lines")
        .stdout_has("call your local emergency number")
        .run();
    plain(
        as_nobody(&env, &["reason", "add", "Mia"])
            .unwrap()
            .status(1),
    )
    .stderr_has("you do not have permission to change `")
    .run();

    // A plan others may read, in a folder they may not change: an edit
    // names the folder, and nothing is changed.
    set_mode(&dir, 0o755);
    set_mode(&env.plan_file(), 0o644);
    let before_edit = env.snapshot_dir();
    plain(
        as_nobody(&env, &["reason", "add", "Mia"])
            .unwrap()
            .status(1),
    )
    .stderr_has(format!("you do not have permission to change `{folder}`"))
    .stderr_has("nothing was changed")
    .run();
    plain(
        as_nobody(&env, &["check-in", "--urge", "3", "--acted", "no"])
            .unwrap()
            .status(1),
    )
    .stderr_has(format!("you do not have permission to change `{folder}`"))
    .run();
    assert_eq!(env.snapshot_dir(), before_edit, "nothing changed");
}

/// `review --since N` of one's own plan shows every change note from
/// revision N to the newest, N's own included (it once began after N, so
/// `--since 1` never showed the first note), as `--since` a date shows
/// that day's first revision.
#[test]
fn review_since_a_revision_shows_that_revisions_note_and_every_later_one() {
    let env = Env::new();
    env.ok(["init", "--name", "Sam", "--note", "first note"]);
    env.ok(["reason", "add", "Mia", "--note", "second note"]);
    env.ok(["reason", "add", "A clear head", "--note", "third note"]);
    env.ok(["reason", "add", "Work", "--note", "fourth note"]);
    let notes = ["first note", "second note", "third note", "fourth note"];
    for since in 1..=4 {
        let review = env.ok(["review", "--since", &since.to_string()]);
        for (n, note) in notes.iter().enumerate() {
            let revision = n + 1;
            assert_eq!(
                review.contains(&format!("Revision {revision}, ")) && review.contains(note),
                revision >= since,
                "--since {since}, revision {revision}:\n{review}"
            );
        }
    }
    // The same day by date holds them all too.
    let by_date = env.ok(["review", "--since", "2026-11-22"]);
    for note in notes {
        assert!(by_date.contains(note), "{note}:\n{by_date}");
    }
}

/// On paper (PDF, and HTML as Chromium draws it) a trigger holding a
/// right-to-left override shows the person's words, never the terminal's
/// `\u{202e}` and never the override itself; a number with a hidden
/// character is printed with a `?` where it hides and the check-it warning.
#[test]
fn paper_shows_the_persons_words_not_escape_codes() {
    let env = Env::new();
    env.ok(["init", "--name", "Sam"]);
    env.ok([
        "trigger",
        "add",
        "--situation",
        "Payday \u{202e}evah I\u{202c} at the pub",
    ]);
    // Typed, the hidden character is left out (her_words); a plan written
    // by hand or by an older version can still hold one, and paper must
    // still show it is there.
    env.ok([
        "contact",
        "add",
        "--name",
        "Alex",
        "--phone",
        "07700 900123",
        "--role",
        "help",
    ]);
    let file = env.plan_dir().join("plan.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replace("07700 900123", "07700 900\u{200b}123")).unwrap();
    let seen = |what: &str, text: &str| {
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            flat.contains("Payday evah I at the pub"),
            "{what}: the words as typed:\n{text}"
        );
        assert!(!text.contains("\\u{"), "{what}: code text:\n{text}");
        for hidden in ['\u{202e}', '\u{202c}', '\u{200b}'] {
            assert!(
                !text.contains(hidden),
                "{what}: {hidden:?} printed:\n{text}"
            );
        }
        // The hidden character in the number is drawn as a mark, so the
        // number never looks right while dialling wrong.
        assert!(
            flat.contains("07700 900?123"),
            "{what}: the number:\n{text}"
        );
        assert!(
            flat.contains("this number holds hidden characters: check it before you call"),
            "{what}: the number's warning:\n{text}"
        );
    };
    let pdf = env.home().join("plan.pdf");
    env.ok(["print", "--format", "pdf", "-o", pdf.to_str().unwrap()]);
    seen("PDF", &crate::pdftotext(&pdf));

    let html = env.home().join("plan.html");
    env.ok(["print", "--format", "html", "-o", html.to_str().unwrap()]);
    let Some(chromium) = crate::chromium() else {
        return;
    };
    let drawn = env.home().join("drawn.pdf");
    crate::browser(chromium, &env.home().join("chromium-profile"))
        .arg("--no-pdf-header-footer")
        .arg(format!("--print-to-pdf={}", drawn.display()))
        .arg(format!("file://{}", html.display()))
        .status_any()
        .run();
    seen("HTML in Chromium", &crate::pdftotext(&drawn));
}

/// Waits for `prompt` on the pseudo-terminal, then types `keys`.
#[cfg(unix)]
fn answer(p: &mut rexpect::session::PtySession, prompt: &str, keys: &str) {
    if let Err(e) = p.exp_string(prompt) {
        panic!("waiting for {prompt:?}: {e}");
    }
    std::thread::sleep(std::time::Duration::from_millis(120));
    p.send(keys).unwrap();
    p.flush().unwrap();
}

/// Holds the plan folder's lock, as another relapse-plan saving would,
/// until dropped.
#[cfg(unix)]
fn hold_lock(env: &Env) -> std::fs::File {
    let lock = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(env.plan_dir().join(".lock"))
        .unwrap();
    lock.lock().unwrap();
    lock
}

/// A check-in that can't be saved (another relapse-plan holds the plan
/// folder), with a new warning sign to add to the plan: the screen says
/// once what was not saved, never "your check-in is kept" beside "was not
/// saved", and shows the commands that save the answers and add the sign
/// in the person's own words, quoted for the shell. Run, they do.
#[cfg(unix)]
#[test]
fn a_check_in_that_cannot_be_saved_says_so_once_and_gives_the_commands() {
    let env = Env::with_example();
    let sign = "Snapping at Jo's kids, $HOME & all";
    let holder = hold_lock(&env);
    let mut p = env
        .test(["check-in"])
        .env("TERM", "xterm")
        .env("NO_COLOR", "1")
        .within(60)
        .status(1)
        .pty();
    answer(&mut p, "Strongest urge today", "6\r");
    answer(&mut p, "Did you act on an urge today?", "n\r");
    // The plan's three signs, then "something else".
    answer(
        &mut p,
        "Which of your warning signs showed today?",
        "\x1b[B\x1b[B\x1b[B \r",
    );
    answer(
        &mut p,
        "What else showed up, in your words?",
        &format!("{sign}\r"),
    );
    answer(&mut p, "Add it to your plan's warning signs too?", "y\r");
    answer(&mut p, "Which daily maintenance did you do?", "\r");
    answer(&mut p, "Which coping did you use today?", "\r");
    answer(&mut p, "Distress or low mood today", "4\r");
    answer(&mut p, "Anything else about today", "Rang Mam\r");
    // What the screen said while the sign was being added, then the rest.
    let before = p.exp_string("Try saving it again now?").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(120));
    p.send("n\r").unwrap();
    p.flush().unwrap();
    let rest = (before + &p.eof()).replace("\r\n", "\n");
    assert!(!rest.contains("is kept"), "{rest}");
    assert!(!rest.contains("\"…\""), "{rest}");
    assert_eq!(
        rest.matches("Today's check-in was not saved").count(),
        1,
        "{rest}"
    );
    assert!(
        // The pseudo-terminal hands each byte over as one character.
        crate::oksana::utf8(&rest).contains(&format!(
            "“{sign}” was not added to your plan's warning signs"
        )),
        "{rest}"
    );
    let commands: Vec<String> = rest
        .lines()
        .filter_map(|l| l.trim().strip_prefix("relapse-plan "))
        .map(str::to_string)
        .collect();
    assert_eq!(commands.len(), 2, "{rest}");
    assert!(
        commands
            .iter()
            .any(|c| c.starts_with("warning-sign add") && c.contains("'\\''")),
        "the sign in its own words, quoted: {commands:?}"
    );
    assert!(!env.plan_dir().join("check-ins.toml").exists());
    assert!(!env.plan().warning_signs.iter().any(|s| s.text == sign));
    drop(holder);

    // Run as shown (without RELAPSE_PLAN_DIR: the commands name the folder).
    for command in &commands {
        env.shell(&format!("\"$0\" {command}"))
            .env_remove("RELAPSE_PLAN_DIR")
            .run();
    }
    assert!(
        env.plan().warning_signs.iter().any(|s| s.text == sign),
        "the sign is in the plan, exactly as typed"
    );
    let log = std::fs::read_to_string(env.plan_dir().join("check-ins.toml")).unwrap();
    for kept in [
        "urge = 6",
        "distress = 4",
        "Rang Mam",
        "Snapping at Jo's kids, $HOME & all",
    ] {
        assert!(log.contains(kept), "{kept}: {log}");
    }
}

/// An answer given while another relapse-plan holds the plan folder past
/// the wait is never lost: the walk-through says it is not saved yet and
/// goes on, and the draft holds it once the folder is free (here, after
/// Ctrl-C at the next question).
#[cfg(unix)]
#[test]
fn an_answer_typed_while_the_folder_is_busy_is_kept_in_the_draft() {
    let env = Env::new();
    let mut p = env
        .test(["new"])
        .env("TERM", "xterm")
        .env("NO_COLOR", "1")
        .within(60)
        .status(130)
        .pty();
    answer(&mut p, "Which country are you in?", "\r");
    // No locale: Enter asks for the country by name, and Enter skips it.
    answer(&mut p, "Which country? (its name", "\r");
    answer(&mut p, "Your name on the plan?", "Sam\r");
    p.exp_string("What keeps you going?").unwrap();
    let holder = hold_lock(&env);
    std::thread::sleep(std::time::Duration::from_millis(120));
    p.send("My daughter, Mia\r").unwrap();
    p.flush().unwrap();
    p.exp_string("Another relapse-plan is busy with your plan folder")
        .unwrap();
    drop(holder);
    answer(&mut p, "What keeps you going?", "\x03");
    p.eof();
    let draft = std::fs::read_to_string(env.plan_dir().join("draft.toml")).unwrap();
    assert!(draft.contains("My daughter, Mia"), "{draft}");
}

/// Issue 12 (guard12c): which folder the permissions hint names is asked
/// of the file system, never guessed from a dot in the name: another
/// user's open folder called `x.d` (a folder, though its name looks like a
/// file's) is named itself, not the folder above it; a folder not made yet
/// names the nearest one that is; and the `ls -ld` it gives is quoted for
/// the shell, so it works, run as given, for a name with `'` and spaces.
#[cfg(unix)]
#[test]
fn the_permissions_hint_names_the_folder_the_file_system_says() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    std::fs::set_permissions(env.home(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let hint = |dir: &std::path::Path| -> String {
        let Some(init) = as_nobody(&env, &["init", "--name", "Sam"]) else {
            return String::new();
        };
        let err = init.env("RELAPSE_PLAN_DIR", dir).status(1).run().stderr;
        assert!(err.contains("this is a permissions problem"), "{err}");
        err
    };
    let named = |err: &str| -> (String, String) {
        let folder = err
            .split("who owns the folder `")
            .nth(1)
            .and_then(|rest| rest.split('`').next())
            .unwrap_or_else(|| panic!("no folder named in:\n{err}"));
        let command = err
            .split("check its owner and permissions with `")
            .nth(1)
            .and_then(|rest| rest.split('`').next())
            .unwrap_or_else(|| panic!("no command in:\n{err}"));
        (folder.to_string(), command.to_string())
    };
    for name in ["x.d", "Sam's plan x.d", "plain"] {
        // Open to all, owned by root: nobody can't make it private.
        let dir = env.home().join(name);
        std::fs::create_dir(&dir).unwrap();
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o777)).unwrap();
        let err = hint(&dir);
        if err.is_empty() {
            return;
        }
        let (folder, command) = named(&err);
        assert_eq!(folder, dir.display().to_string(), "{err}");
        // Run as given, the command lists that folder, and only it.
        let listed = env.shell(&command).run().stdout;
        assert!(
            listed.trim_end().ends_with(&*dir.display().to_string()),
            "{command}: {listed}"
        );
        assert_eq!(listed.lines().count(), 1, "{command}: {listed}");
    }
    // Not made yet, in a folder nobody may change: the nearest folder there.
    let closed = env.home().join("closed it's.d");
    std::fs::create_dir(&closed).unwrap();
    let err = hint(&closed.join("a.d").join("plan"));
    let (folder, _) = named(&err);
    assert_eq!(folder, closed.display().to_string(), "{err}");
}
