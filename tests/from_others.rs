//! Files from someone else (issue 12, guard3): the started copy of a
//! homework, a homework file's words, what `submit` writes, and the
//! too-large message for each kind of file. Every hostile file is written
//! here, and every test was seen failing on the code before its fix.

use std::fs;
use std::path::{Path, PathBuf};

use crate::Env;

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples")
}

fn homework_text() -> String {
    fs::read_to_string(examples().join("homework.toml")).unwrap()
}

/// Nothing that acts on a terminal reaches it raw.
#[track_caller]
fn assert_no_escapes(what: &str, text: &str) {
    for bad in ['\u{1b}', '\u{7}', '\u{9b}', '\u{85}'] {
        assert!(
            !text.contains(bad),
            "{what}: {bad:?} reached the terminal raw:\n{text}"
        );
    }
}

/// The started `homework.toml` kept in the plan folder is checked when it
/// is read, by the rules `homework start` checks the therapist's file by:
/// an 8 MB name is never printed or handed in, an escape sequence never
/// shown, and the person keeps their plan and can start a good homework.
#[test]
fn a_bad_started_copy_is_named_never_shown_and_never_locks_anyone_out() {
    let homework = examples().join("homework.toml");
    let homework = homework.to_str().unwrap();
    for (field, from, to) in [
        (
            "the therapist's name is longer than 200 characters",
            "therapist = \"Dr Patel\"".to_string(),
            format!("therapist = \"Dr {}\"", "P".repeat(8_000_000)),
        ),
        (
            "the therapist's name holds a control character (such as an escape)",
            "therapist = \"Dr Patel\"".to_string(),
            "therapist = \"Dr \\u001B]52;c;cm0gLXJmIH4=\\u0007Patel\"".to_string(),
        ),
        (
            "the client's name holds a control character (such as an escape)",
            "client = \"Sam\"".to_string(),
            "client = \"Sam\\u009B2J\"".to_string(),
        ),
        (
            "the note is longer than 4000 characters",
            "note = \"Take it gently; bring questions.\"".to_string(),
            format!("note = \"{}\"", "Gently. ".repeat(600)),
        ),
        (
            "the note holds a control character (such as an escape)",
            "note = \"Take it gently; bring questions.\"".to_string(),
            "note = \"Take it \\u001B[2Jgently\"".to_string(),
        ),
        (
            "it has no tasks",
            "[[tasks]]".to_string(),
            "[[x]]".to_string(),
        ),
    ] {
        let env = Env::with_example();
        env.ok(["homework", "start", homework]);
        let started = env.plan_dir().join("homework.toml");
        let text = fs::read_to_string(&started).unwrap();
        let bad = if field == "it has no tasks" {
            // Every task gone, and nothing else.
            let cut = text.find("[[assignment.tasks]]").unwrap();
            let rest = &text[cut..];
            let end = rest.find("\n[base").map_or(text.len(), |at| cut + at);
            let without = format!("{}{}", &text[..cut], &text[end..]);
            without.replacen("[assignment]\n", "[assignment]\ntasks = []\n", 1)
        } else {
            text.replacen(&from, &to, 1)
        };
        assert_ne!(bad, text, "{field}");
        fs::write(&started, &bad).unwrap();
        let before = env.snapshot_dir();

        let output = env.test(["homework", "status"]).status(1).run();
        assert!(
            output.stdout.len() + output.stderr.len() < 2000,
            "{field}: printed {} bytes",
            output.stdout.len() + output.stderr.len()
        );
        assert_no_escapes(field, &output.stderr);
        let err = output.stderr;
        assert!(
            err.contains(&format!(
                "your started homework (`{}`) can't be read: {field}",
                started.display()
            )),
            "{field}: {err}"
        );
        assert!(
            err.contains("start your therapist's homework file again with `relapse-plan homework start FILE --force`"),
            "{field}: {err}"
        );

        // No hand-in is made from it.
        let out = env.home().join("hand-in.toml");
        let err = env.fails(
            1,
            ["homework", "submit", "-o", out.to_str().unwrap(), "--yes"],
        );
        assert!(err.contains("can't be read"), "{field}: {err}");
        assert!(!out.exists(), "{field}");

        assert_plan_still_theirs(&env, field, &before);
        env.ok(["reason", "add", "Mia"]);

        // A good homework takes its place.
        env.test(["homework", "start", homework, "--force"])
            .stderr_has("This replaces your started homework, which could not be read.")
            .run();
        assert!(
            env.ok(["homework", "status"]).contains("Dr Patel"),
            "{field}"
        );
    }
}

/// The plan stays the person's while the started copy can't be read:
/// shown, practised, and no file in the folder changed by reading it.
#[track_caller]
fn assert_plan_still_theirs(env: &Env, field: &str, before: &[(PathBuf, Vec<u8>)]) {
    for args in [&["show"][..], &["now"], &["rehearse", "--list"]] {
        let output = env.test(args).run();
        assert!(output.stdout.len() < 100_000, "{field}: {args:?}");
        assert_no_escapes(field, &output.stdout);
        assert_no_escapes(field, &output.stderr);
    }
    assert_eq!(
        env.snapshot_dir()
            .into_iter()
            .filter(|(p, _)| !p.ends_with(".lock"))
            .collect::<Vec<_>>(),
        before
            .iter()
            .filter(|(p, _)| !p.ends_with(".lock"))
            .cloned()
            .collect::<Vec<_>>(),
        "{field}: reading changed the plan folder"
    );
}

/// `homework start` refuses what `homework assign` refuses: a control
/// character (ESC, C1) in the therapist's name, the client's name, the
/// note or the id, naming the file and the field; a bidi control, which
/// `assign` takes, is started and shown written out.
#[test]
fn start_refuses_escape_and_c1_characters_as_assign_does() {
    let env = Env::with_example();
    let text = homework_text();
    for (field, from, to) in [
        (
            "the therapist's name",
            "= \"Dr Patel\"",
            "= \"Dr \\u001B]8;;http://x\\u0007Patel\"",
        ),
        (
            "the therapist's name",
            "= \"Dr Patel\"",
            "= \"Dr \\u009B2JPatel\"",
        ),
        (
            "the therapist's name",
            "= \"Dr Patel\"",
            "= \"Dr \\u0085Patel\"",
        ),
        ("the client's name", "= \"Sam\"", "= \"Sam\\u001B[2J\""),
        (
            "the note",
            "note = \"Take it gently;",
            "note = \"Take it gently\\u001B]0;title\\u0007;",
        ),
        (
            "the note",
            "note = \"Take it gently;",
            "note = \"Take it gently\\u009D;",
        ),
        ("the id", "dr-patel-sam\"", "dr-patel-sam\\u001B[2J\""),
    ] {
        let file = env.home().join("hostile.toml");
        let hostile = text.replacen(from, to, 1);
        assert_ne!(hostile, text);
        fs::write(&file, &hostile).unwrap();
        let before = env.snapshot_dir();
        let output = env
            .test(["homework", "start", file.to_str().unwrap()])
            .status(1)
            .run();
        assert_no_escapes(to, &output.stderr);
        assert_no_escapes(to, &output.stdout);
        let err = output.stderr;
        assert!(
            err.contains(&format!(
                "`{}` can't be read as a homework file: line {}: {field} holds a control character (such as an escape), which `homework assign` never writes",
                file.display(),
                text[..text.find(from).unwrap()].matches('\n').count() + 1
            )),
            "{to}: {err}"
        );
        assert!(err.contains("ask whoever sent it for a new copy"), "{err}");
        assert_eq!(env.snapshot_dir(), before, "{to}");
    }
    // A right-to-left override is no control character: `assign` writes
    // it, `start` takes it, and every screen shows it written out.
    let file = env.home().join("bidi.toml");
    fs::write(
        &file,
        text.replacen("= \"Dr Patel\"", "= \"Dr \\u202EPatel\"", 1),
    )
    .unwrap();
    let output = env
        .test(["homework", "start", file.to_str().unwrap()])
        .run();
    assert!(
        output.stdout.contains("Dr \\u{202e}Patel"),
        "{}",
        output.stdout
    );
    let status = env.ok(["homework", "status"]);
    assert!(status.contains("Dr \\u{202e}Patel"), "{status}");
    assert!(!status.contains('\u{202e}'), "{status}");
}

/// A homework file saved on Windows (lines ending `\r\n`, a note of two
/// lines) is no control character: it is started, and the note shows as
/// its two lines.
#[test]
fn a_homework_file_saved_on_windows_is_started_with_its_note_in_lines() {
    let env = Env::with_example();
    let file = env.home().join("crlf.toml");
    let text = homework_text()
        .replacen(
            "note = \"Take it gently; bring questions.\"",
            "note = \"\"\"Take it gently;\nbring questions.\"\"\"",
            1,
        )
        .replace('\n', "\r\n");
    fs::write(&file, text).unwrap();
    let shown = env.ok(["homework", "start", file.to_str().unwrap()]);
    assert!(
        shown.contains("Note: Take it gently;\nbring questions.\n"),
        "{shown}"
    );
}

/// `submit` checks the hand-in it made with the reader `review` uses before
/// writing it: practice since the start that brings it past the 8 MiB a
/// hand-in may be is refused in words, and nothing is written.
#[test]
fn submit_never_writes_a_hand_in_review_would_refuse() {
    let env = Env::with_example();
    env.ok([
        "homework",
        "start",
        examples().join("homework.toml").to_str().unwrap(),
    ]);
    let practice = env.plan_dir().join("practice.toml");
    env.test([
        "rehearse",
        "payday",
        "--recalled",
        "none",
        "--confidence",
        "20",
    ])
    .env("RELAPSE_PLAN_NOW", "2026-11-23T10:00:00Z")
    .run();
    let entry = format!(
        "\n[[rehearsals]]\ntrigger = \"payday\"\nat = 2026-11-23T10:15:00Z\nresponse = \"{}\"\nrecalled = \"none\"\nconfidence = 20\n",
        "z".repeat(1000)
    );
    let mut text = fs::read_to_string(&practice).unwrap();
    while text.len() + entry.len() < 8 * 1024 * 1024 - 2048 {
        text.push_str(&entry);
    }
    fs::write(&practice, &text).unwrap();
    // The log itself opens: only the hand-in would be too large.
    env.ok(["rehearse", "--list"]);
    let out = env.home().join("hand-in.toml");
    let before = env.snapshot_dir();
    let output = env
        .test(["homework", "submit", "-o", out.to_str().unwrap(), "--yes"])
        .env("RELAPSE_PLAN_NOW", "2026-11-24T10:00:00Z")
        .status(1)
        .run();
    let err = output.stderr;
    assert!(
        err.contains(&format!(
            "the hand-in made for `{}` would not open in `relapse-plan review` (it would be ",
            out.display()
        )),
        "{err}"
    );
    assert!(
        err.contains("a hand-in file is at most 8 MB), so nothing was written"),
        "{err}"
    );
    assert!(err.contains("tell your therapist"), "{err}");
    // Said before 8 MB of hand-in scrolled past.
    assert!(output.stdout.len() < 1000, "{} bytes", output.stdout.len());
    assert!(!out.exists());
    assert_eq!(env.snapshot_dir(), before);
}

/// A file past the size limit is named as the kind of file it is, with a
/// hint that fits it: never "a plan file", never `restore`.
#[test]
fn a_file_too_large_is_named_as_its_kind_with_a_hint_for_it() {
    let env = Env::with_example();
    let big = env.home().join("big");
    fs::write(&big, vec![b'a'; 9_000_000]).unwrap();
    let big = big.to_str().unwrap();
    for (args, kind, hint) in [
        (
            vec!["review", big],
            "a hand-in file",
            "ask your client for a new one",
        ),
        (
            vec!["homework", "start", big],
            "a homework file",
            "ask whoever sent it for a new copy",
        ),
        (
            vec!["contact", "import", big, "--yes"],
            "a vCard file",
            "export fewer contacts",
        ),
    ] {
        let before = env.snapshot_dir();
        let err = env.fails(1, &args);
        assert!(
            err.contains(&format!("is 8.5 MB; {kind} is at most 8 MB")),
            "{args:?}: {err}"
        );
        assert!(err.contains(hint), "{args:?}: {err}");
        assert!(!err.contains("plan file"), "{args:?}: {err}");
        assert!(!err.contains("restore"), "{args:?}: {err}");
        assert_eq!(env.snapshot_dir(), before, "{args:?}");
    }
    // A plan file is still called one.
    let err = env.fails(1, ["validate", big]);
    assert!(err.contains("a plan file is at most 8 MB"), "{err}");
    // The logs beside the plan are named as what they are.
    for (file, args, kind) in [
        (
            "practice.toml",
            vec!["rehearse", "--list"],
            "the practice log",
        ),
        ("check-ins.toml", vec!["trends"], "the check-in log"),
    ] {
        let env = Env::with_example();
        let path = env.plan_dir().join(file);
        fs::write(&path, vec![b'a'; 9_000_000]).unwrap();
        let err = env.fails(1, &args);
        assert!(
            err.contains(&format!("is 8.5 MB; {kind} is at most 8 MB")),
            "{file}: {err}"
        );
        assert!(err.contains("move that file aside"), "{file}: {err}");
        assert!(!err.contains("plan file"), "{file}: {err}");
    }
}

/// Issue 12, look-alike contacts: "Dave \u{200b}Last" and "Dave Last" look
/// the same on a screen and a phone. Adding, renaming or importing one
/// that looks like another is refused (import: named as not imported)
/// saying why; names that only a joiner tells apart in a script that
/// draws it (Persian) are two people; a plan that already holds a
/// disguised pair exports it with the hidden character written out, and
/// every screen shows it written out.
#[test]
fn look_alike_contacts_are_refused_and_never_exported_alike() {
    let env = Env::with_example();
    env.ok([
        "contact",
        "add",
        "--name",
        "Dave Last",
        "--phone",
        "07700 900111",
    ]);
    let before = env.snapshot_dir();
    // He is named by the number `contact list` shows, never by an id.
    let dave = 1 + env
        .plan()
        .contacts
        .iter()
        .position(|c| c.name == "Dave Last")
        .unwrap();
    for name in [
        "Dave \u{200b}Last",
        "dave  last",
        "Ｄave Last",
        "Dave\u{202e} Last",
    ] {
        let output = env
            .test(["contact", "add", "--name", name, "--phone", "07700 900222"])
            .status(1)
            .run();
        let err = output.stderr;
        // A hidden character typed is left out, so "Dave\u{200b} Last"
        // is Dave Last himself: refused as already there.
        assert!(
            err.contains("looks the same as “Dave Last”, already in your plan")
                || err.contains("“Dave Last” is already in your plan"),
            "{name}: {err}"
        );
        assert!(
            err.contains(&format!("contact edit {dave} --phone")) && !err.contains("dave-last"),
            "{name}: {err}"
        );
        assert!(
            !err.contains('\u{200b}') && !err.contains('\u{202e}'),
            "{err}"
        );
        assert_eq!(env.snapshot_dir(), before, "{name}");
    }
    // Renamed to look like someone else: refused; to its own name: fine.
    env.ok([
        "contact",
        "add",
        "--name",
        "Dave Lost",
        "--phone",
        "07700 900333",
    ]);
    let err = env.fails(
        1,
        [
            "contact",
            "edit",
            "dave-lost",
            "--name",
            "Dave Last\u{feff}",
        ],
    );
    assert!(
        err.contains("looks the same as “Dave Last”")
            || err.contains("“Dave Last” is already in your plan"),
        "{err}"
    );
    env.ok(["contact", "edit", "dave-lost", "--name", "Dave Lost Jr"]);
    // The very same name is said plainly.
    let err = env.fails(1, ["contact", "add", "--name", "Dave Last", "--phone", "1"]);
    assert!(
        err.contains("“Dave Last” is already in your plan, so nothing was changed"),
        "{err}"
    );
    // A zero-width non-joiner in Persian changes how the word is drawn.
    env.ok([
        "contact",
        "add",
        "--name",
        "می\u{200c}خواهم",
        "--phone",
        "0912 000 0001",
    ]);
    env.ok([
        "contact",
        "add",
        "--name",
        "میخواهم",
        "--phone",
        "0912 000 0002",
    ]);
}

/// The same look-alikes through `contact import` (named as not imported,
/// and why) and `contact export` of a plan that already holds a disguised
/// pair (written out on screens and on the cards).
#[test]
fn look_alike_contacts_at_import_and_export() {
    let env = Env::with_example();
    for (name, phone) in [
        ("Dave Last", "07700 900111"),
        ("Dave Lost Jr", "07700 900333"),
        ("می\u{200c}خواهم", "0912 000 0001"),
    ] {
        env.ok(["contact", "add", "--name", name, "--phone", phone]);
    }
    // Import: the look-alike is named as not imported, and why.
    let vcf = env.home().join("people.vcf");
    fs::write(
        &vcf,
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Dave \u{200b}Last\r\nTEL:07700 900444\r\nEND:VCARD\r\n\
         BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Other\r\nTEL:07700 900555\r\nEND:VCARD\r\n",
    )
    .unwrap();
    let output = env
        .test(["contact", "import", vcf.to_str().unwrap(), "--yes"])
        .run();
    // The card's zero-width space is left out as it is read, and said
    // (issue 12, guard12c), so it is Dave Last with another number.
    for said in [
        "the name on card 1 held hidden characters; they were left out, so it reads “Dave Last”",
        "Dave Last · 07700 900444 (Dave Last is in your plan with 07700 900111)",
    ] {
        assert!(output.stderr.contains(said), "{said}\n{}", output.stderr);
    }
    let names: Vec<String> = env.plan().contacts.iter().map(|c| c.name.clone()).collect();
    assert!(names.contains(&"Ann Other".to_string()), "{names:?}");
    assert!(!names.iter().any(|n| n.contains('\u{200b}')), "{names:?}");

    // A plan that already holds a disguised pair (edited by hand, or from
    // before this check): written out on screens and in the export.
    let text = fs::read_to_string(env.plan_file()).unwrap();
    let text = text.replacen("name = \"Dave Lost Jr\"", "name = \"Dave \\u200BLast\"", 1);
    fs::write(env.plan_file(), text).unwrap();
    let list = env.ok(["contact", "list"]);
    assert!(list.contains("\\u{200b}Last"), "{list}");
    assert!(!list.contains('\u{200b}'), "{list}");
    let (said, names) = exported_names(&env);
    assert!(
        said.contains("Written with their hidden characters shown (like \\u{200b}), as their names look the same as another person's: Dave \\u{200b}Last."),
        "{said}"
    );
    assert!(names.iter().any(|n| n == "FN:Dave Last"), "{names:?}");
    assert!(
        names.iter().any(|n| n == "FN:Dave \\\\u{200b}Last"),
        "{names:?}"
    );
    // Joiners that belong stay as they are.
    assert!(names.iter().any(|n| n == "FN:می\u{200c}خواهم"), "{names:?}");
}

/// `contact export`: what it said, and the cards' `FN:` lines.
fn exported_names(env: &Env) -> (String, Vec<String>) {
    let out = env.home().join("out.vcf");
    let output = env
        .test(["contact", "export", "-o", out.to_str().unwrap()])
        .run();
    let vcf = fs::read_to_string(&out).unwrap();
    let names = vcf
        .lines()
        .filter(|l| l.starts_with("FN:"))
        .map(str::to_string)
        .collect();
    (output.stderr, names)
}

/// Every string in a TOML document, by its path (keys and list indexes).
fn string_paths(value: &toml::Value, path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    match value {
        toml::Value::String(_) => out.push(path.clone()),
        toml::Value::Table(table) => {
            for (key, value) in table {
                path.push(key.clone());
                string_paths(value, path, out);
                path.pop();
            }
        }
        toml::Value::Array(items) => {
            for (i, value) in items.iter().enumerate() {
                path.push(i.to_string());
                string_paths(value, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

/// `document` with `extra` added to the string at `path`.
fn with_added(document: &toml::Value, path: &[String], extra: &str) -> String {
    let mut document = document.clone();
    let mut at = &mut document;
    for key in path {
        at = match at {
            toml::Value::Table(table) => table.get_mut(key).unwrap(),
            toml::Value::Array(items) => &mut items[key.parse::<usize>().unwrap()],
            _ => unreachable!(),
        };
    }
    if let toml::Value::String(text) = at {
        text.push_str(extra);
    }
    toml::to_string(&document).unwrap()
}

/// What a hostile file adds to a field: a clipboard write (OSC 52), a
/// hidden link (OSC 8), a screen clear, a C1 control, a right-to-left
/// override and a zero-width space.
const HOSTILE: &str =
    "\u{1b}]52;c;cm0gLXJmIH4=\u{7}\u{1b}]8;;http://x\u{7}\u{1b}[2J\u{9b}2J\u{202e}\u{200b}";

/// Each field of each file from someone else, one at a time: whatever
/// `review`, `homework start` and `status` show of it reaches the
/// terminal only through the one cleaning place (`render::clean`), written
/// out, or the file is refused by name (its words cleaned too). Counts
/// that enough cases were read and shown, so the test cannot pass by
/// refusing everything.
#[test]
fn every_field_of_a_hand_in_or_homework_reaches_the_terminal_cleaned() {
    let env = Env::new();
    let text = fs::read_to_string(examples().join("hand-in.toml")).unwrap();
    let document: toml::Value = toml::from_str(&text).unwrap();
    let mut paths = Vec::new();
    string_paths(&document, &mut Vec::new(), &mut paths);
    assert!(paths.len() > 50, "{} strings", paths.len());
    let file = env.home().join("hand-in.toml");
    let assignment = examples().join("homework.toml");
    let (mut accepted, mut shown, mut refused_in_plan) = (0, 0, 0);
    for path in &paths {
        // A control character in the plan inside is refused by name, as the
        // plan loader refuses it (guard12d); what hides or turns text
        // around without being one is read, and shown written out.
        for extra in [HOSTILE, "\u{202e}\u{200b}\u{2066}"] {
            fs::write(&file, with_added(&document, path, extra)).unwrap();
            let output = env
                .test(["review", file.to_str().unwrap()])
                .args(["--assignment", assignment.to_str().unwrap()])
                .status_any()
                .run();
            let what = format!("review, {}", path.join("."));
            assert_no_escapes(&what, &output.stdout);
            assert_no_escapes(&what, &output.stderr);
            for hidden in ['\u{202e}', '\u{200b}', '\u{2066}'] {
                assert!(!output.stdout.contains(hidden), "{what}: {}", output.stdout);
                assert!(!output.stderr.contains(hidden), "{what}: {}", output.stderr);
            }
            if output.stdout.contains("\\u{1b}]52") {
                shown += 1;
            }
            if output.status.success() {
                accepted += 1;
            } else if output.stderr.contains("the plan inside has a problem") {
                refused_in_plan += 1;
            }
        }
    }
    // Most fields are read (an enum's value, an id, the assignment's
    // words and, with a control character, the plan's words are refused by
    // name); `review` shows some of them.
    assert!(accepted > 85, "only {accepted} of {} read", 2 * paths.len());
    assert!(shown >= 5, "only {shown} of {} shown", paths.len());
    assert!(refused_in_plan > 50, "only {refused_in_plan} refused");

    // A homework file: a control character is refused by name; what
    // `assign` writes (a bidi override, a zero-width space) is started and
    // shown written out.
    let env = Env::with_example();
    let text = homework_text();
    let document: toml::Value = toml::from_str(&text).unwrap();
    let mut paths = Vec::new();
    string_paths(&document, &mut Vec::new(), &mut paths);
    let file = env.home().join("homework.toml");
    for path in &paths {
        for extra in [HOSTILE, "\u{202e}\u{200b}\u{2066}"] {
            fs::write(&file, with_added(&document, path, extra)).unwrap();
            let what = format!("homework {}", path.join("."));
            for args in [
                vec!["homework", "start", file.to_str().unwrap(), "--force"],
                vec!["homework", "status"],
                vec!["rehearse", "--list"],
            ] {
                let output = env.test(&args).status_any().run();
                assert_no_escapes(&what, &output.stdout);
                assert_no_escapes(&what, &output.stderr);
                for hidden in ['\u{202e}', '\u{200b}', '\u{2066}'] {
                    assert!(
                        !output.stdout.contains(hidden),
                        "{what} {args:?}: {}",
                        output.stdout
                    );
                    assert!(
                        !output.stderr.contains(hidden),
                        "{what} {args:?}: {}",
                        output.stderr
                    );
                }
            }
        }
    }
}

/// Each property of a vCard, with the same hostile additions: `contact
/// import` and `contact list` show them only written out.
#[test]
fn every_field_of_a_vcard_reaches_the_terminal_cleaned() {
    let fields = [
        "FN:Ann Other",
        "N:Other;Ann;;;",
        "TEL;TYPE=CELL:07700 900555",
        "TEL;TYPE=HOME:07700 900556",
        "NOTE:A friend",
        "ORG:Work",
        "EMAIL:ann@example.org",
    ];
    for at in 0..fields.len() {
        let env = Env::with_example();
        let lines: Vec<String> = fields
            .iter()
            .enumerate()
            .map(|(i, f)| {
                if i == at {
                    format!("{f}{HOSTILE}")
                } else {
                    (*f).to_string()
                }
            })
            .collect();
        let vcf = env.home().join("one.vcf");
        fs::write(
            &vcf,
            format!(
                "BEGIN:VCARD\r\nVERSION:3.0\r\n{}\r\nEND:VCARD\r\n",
                lines.join("\r\n")
            ),
        )
        .unwrap();
        let what = format!("vCard {}", fields[at]);
        for args in [
            vec!["contact", "import", vcf.to_str().unwrap(), "--yes"],
            vec!["contact", "list"],
            vec!["now"],
        ] {
            let output = env.test(&args).status_any().run();
            assert_no_escapes(&what, &output.stdout);
            assert_no_escapes(&what, &output.stderr);
            for hidden in ['\u{202e}', '\u{200b}'] {
                assert!(
                    !output.stdout.contains(hidden),
                    "{what} {args:?}: {}",
                    output.stdout
                );
                assert!(
                    !output.stderr.contains(hidden),
                    "{what} {args:?}: {}",
                    output.stderr
                );
            }
        }
    }
}

/// Issue 12, look-alikes across alphabets: "Dаve Last" with a Cyrillic а
/// (U+0430) shows as "Dave Last" on a screen and a phone. Adding or
/// importing it beside him is refused, saying which letter differs; names
/// in one alphabet that Unicode's table would fold together (Hebrew דן and
/// דו, Ukrainian Ірина beside Ирина) stay two people; a plan that already
/// holds a pair exports them told apart, and `validate` says so.
#[test]
fn look_alikes_across_alphabets_are_named_and_never_exported_alike() {
    let env = Env::with_example();
    env.ok([
        "contact",
        "add",
        "--name",
        "Dave Last",
        "--phone",
        "07700 900111",
    ]);
    let before = env.snapshot_dir();
    let err = env.fails(
        1,
        [
            "contact",
            "add",
            "--name",
            "D\u{430}ve Last",
            "--phone",
            "07700 900222",
        ],
    );
    assert!(
        err.contains("“D\u{430}ve Last” looks the same as “Dave Last”, already in your plan: they are written in different alphabets that look alike: “D\u{430}ve Last” has a Cyrillic letter, so nothing was changed"),
        "{err}"
    );
    assert_eq!(env.snapshot_dir(), before);
    // Through a vCard: named as not imported, the others come in.
    let vcf = env.home().join("people.vcf");
    fs::write(
        &vcf,
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:D\u{430}ve Last\r\nTEL:07700 900444\r\nEND:VCARD\r\n\
         BEGIN:VCARD\r\nVERSION:3.0\r\nFN:דן\r\nTEL:050 000 0001\r\nEND:VCARD\r\n\
         BEGIN:VCARD\r\nVERSION:3.0\r\nFN:דו\r\nTEL:050 000 0002\r\nEND:VCARD\r\n\
         BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ірина\r\nTEL:+380 44 000 0001\r\nEND:VCARD\r\n\
         BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ирина\r\nTEL:+380 44 000 0002\r\nEND:VCARD\r\n",
    )
    .unwrap();
    let output = env
        .test(["contact", "import", vcf.to_str().unwrap(), "--yes"])
        .run();
    assert!(
        output
            .stderr
            .contains("D\u{430}ve Last · 07700 900444 (it looks the same as Dave Last"),
        "{}",
        output.stderr
    );
    let names: Vec<String> = env.plan().contacts.iter().map(|c| c.name.clone()).collect();
    for name in ["דן", "דו", "Ірина", "Ирина"] {
        assert!(names.contains(&name.to_string()), "{name}: {names:?}");
    }
    assert!(!names.contains(&"D\u{430}ve Last".to_string()), "{names:?}");

    // A plan that already holds the pair (edited by hand).
    let text = fs::read_to_string(env.plan_file()).unwrap();
    let text = text.replacen("name = \"דו\"", "name = \"D\u{430}ve Last\"", 1);
    fs::write(env.plan_file(), text).unwrap();
    let output = env
        .test(["validate", env.plan_file().to_str().unwrap()])
        .run();
    assert!(
        output.stderr.contains("Two contacts look the same on a screen: “Dave Last” and “D\u{430}ve Last” (they are written in different alphabets that look alike: “D\u{430}ve Last” has a Cyrillic letter)"),
        "{}{}",
        output.stdout,
        output.stderr
    );
    let (said, names) = exported_names(&env);
    assert!(
        said.contains("Written with their letters named, as their names look the same as another person's on a phone: “D\u{430}ve Last” (with a Cyrillic letter)."),
        "{said}"
    );
    assert!(names.iter().any(|n| n == "FN:Dave Last"), "{names:?}");
    assert!(
        names
            .iter()
            .any(|n| n == "FN:D\u{430}ve Last (with a Cyrillic letter)"),
        "{names:?}"
    );
    assert!(
        names.iter().any(|n| n == "FN:Ірина") && names.iter().any(|n| n == "FN:Ирина"),
        "{names:?}"
    );
}

/// Issue 12, vCard names (guard12c): a name from someone else's card that
/// holds characters that do not show (a zero-width space, a direction
/// override, a word joiner, a tag) comes in without them, and the import
/// says so card by card; so `now` and `contact list` never show `\u{…}`
/// for a name she accepted. A name or number holding bytes that are not
/// text (invalid UTF-8, raw or quoted-printable) is never stored as
/// "\u{fffd}": the card, or its number, is left out and the import says why. A
/// card's NOTE never reaches the plan.
#[test]
fn hidden_and_unreadable_characters_in_a_vcard_never_reach_the_plan_unsaid() {
    let env = Env::new();
    env.ok(["init", "--name", "Sam"]);
    let file = env.home().join("phone.vcf");
    let mut bytes: Vec<u8> = Vec::new();
    let mut card = |lines: &[&[u8]]| {
        bytes.extend_from_slice(b"BEGIN:VCARD\r\nVERSION:3.0\r\n");
        for line in lines {
            bytes.extend_from_slice(line);
            bytes.extend_from_slice(b"\r\n");
        }
        bytes.extend_from_slice(b"END:VCARD\r\n");
    };
    card(&[
        "FN:Alex\u{200b} Smith".as_bytes(),
        b"TEL:07700 900111",
        "NOTE:secret\u{202e}note".as_bytes(),
    ]);
    card(&[
        "FN:\u{202e}Jo Bloggs\u{2066}".as_bytes(),
        b"TEL:07700 900222",
    ]);
    card(&[
        b"FN;ENCODING=QUOTED-PRINTABLE:M=FCller",
        b"TEL:07700 900333",
    ]);
    card(&[b"FN:Gr\xfcn", b"TEL:07700 900444"]);
    card(&[b"FN:Kim Lee", b"TEL:07700 9\xff00555"]);
    card(&[
        "N:Pat\u{2060}el;Asha\u{e0041};;;".as_bytes(),
        b"TEL:07700 900666",
    ]);
    fs::write(&file, &bytes).unwrap();
    let before_plan = fs::read(env.plan_file()).unwrap();
    let err = env
        .test(["contact", "import", file.to_str().unwrap(), "--yes"])
        .run()
        .stderr;
    for said in [
        "the name on card 1 held hidden characters; they were left out, so it reads “Alex Smith”",
        "the name on card 2 held hidden characters; they were left out, so it reads “Jo Bloggs”",
        "the name on card 6 held hidden characters; they were left out, so it reads “Asha Patel”",
        // Names that are not UTF-8 and name no character set are read as
        // Windows-1252, and said (issue 12, guard12e: they were skipped).
        "Read as Windows-1252",
        "card 3, “Müller”",
        "card 4, “Grün”",
        "Kim Lee: its number `07700 9\u{fffd}00555` holds characters that could not be read as text",
        "imported 6 people from phone.vcf",
    ] {
        assert!(err.contains(said), "{said}\n{err}");
    }
    assert!(!err.contains("\\u{"), "{err}");
    assert_ne!(fs::read(env.plan_file()).unwrap(), before_plan);
    let plan_text = fs::read_to_string(env.plan_file()).unwrap();
    assert!(!plan_text.contains('\u{fffd}'), "{plan_text}");
    assert!(!plan_text.contains("secret"), "{plan_text}");
    let people: Vec<(String, Option<String>)> = env
        .plan()
        .contacts
        .iter()
        .map(|c| (c.name.clone(), c.phone.clone()))
        .collect();
    assert_eq!(
        people,
        [
            ("Alex Smith".to_string(), Some("07700 900111".to_string())),
            ("Jo Bloggs".to_string(), Some("07700 900222".to_string())),
            ("Müller".to_string(), Some("07700 900333".to_string())),
            ("Grün".to_string(), Some("07700 900444".to_string())),
            ("Kim Lee".to_string(), None),
            ("Asha Patel".to_string(), Some("07700 900666".to_string())),
        ]
    );
    let plan_file = env.plan_file();
    for args in [
        vec!["now"],
        vec!["contact", "list"],
        vec!["show"],
        vec!["validate", plan_file.to_str().unwrap()],
    ] {
        let output = env.test(&args).run();
        assert!(
            !output.stdout.contains("\\u{") && !output.stderr.contains("\\u{"),
            "{args:?}\n{}{}",
            output.stdout,
            output.stderr
        );
    }
    assert!(env.ok(["now"]).contains("Alex Smith"));
}

/// Issue 12 (guard12c): `validate` of a homework file, a hand-in or a
/// started homework checks it as what it is, by the reader its own
/// command uses, and says what it is and the command that uses it; never
/// "`kind` is not a field". A homework file with a wrong field is named
/// as a homework file, with the homework file's hint.
#[test]
fn validate_knows_a_homework_file_a_hand_in_and_a_started_homework() {
    let env = Env::new();
    env.ok(["init", "--name", "Sam"]);
    let homework = examples().join("homework.toml");
    let out = env.ok(["validate", homework.to_str().unwrap()]);
    assert!(
        out.contains("is a homework file from “Dr Patel” for “Sam”, not a plan, and it reads cleanly: 6 tasks, due 29 November 2026. To start it: `relapse-plan homework start "),
        "{out}"
    );
    let hand_in = examples().join("hand-in.toml");
    let out = env.ok(["validate", hand_in.to_str().unwrap()]);
    assert!(
        out.contains("is a hand-in file from “Sam”, for the homework from “Dr Patel”, not a plan, and it reads cleanly. To see it: `relapse-plan review "),
        "{out}"
    );
    env.ok(["homework", "start", homework.to_str().unwrap()]);
    let started = env.plan_dir().join("homework.toml");
    let out = env.ok(["validate", started.to_str().unwrap()]);
    assert!(
        out.contains("is a started homework (relapse-plan keeps it beside your plan as homework.toml), not a plan, and it reads cleanly: from “Dr Patel”"),
        "{out}"
    );
    // Damaged, it is still named as what it is.
    let bad = env.home().join("Dr's homework.toml");
    fs::write(
        &bad,
        homework_text().replace("therapist = \"Dr Patel\"", "therapist = 5"),
    )
    .unwrap();
    let err = env.fails(1, ["validate", bad.to_str().unwrap()]);
    assert!(
        err.contains("can't be read as a homework file: line"),
        "{err}"
    );
    assert!(err.contains("ask whoever sent it for a new copy"), "{err}");
    assert!(!err.contains("is not a field"), "{err}");
    assert!(!err.contains("restore"), "{err}");
    // The command offered works as given for a name with ' and a space.
    fs::write(&bad, homework_text()).unwrap();
    let out = env.ok(["validate", bad.to_str().unwrap()]);
    let command = out
        .split("To start it: `")
        .nth(1)
        .and_then(|rest| rest.split('`').next())
        .unwrap();
    assert!(command.ends_with("'\\''s homework.toml'"), "{command}");
}

/// Nothing a far date did reached the person as a crash or an overflow.
#[track_caller]
fn calm(what: &str, output: &crate::Ran) {
    for bad in ["panicked", "overflow", "RUST_BACKTRACE"] {
        assert!(
            !output.stderr.contains(bad) && !output.stdout.contains(bad),
            "{what}:\n{}{}",
            output.stdout,
            output.stderr
        );
    }
}

/// Issue 12 (guard12c): dates from other people's files, and hand edits,
/// at the ends of the calendar (0001-01-01, 9999-12-31) and years ahead:
/// `review` of a hand-in with any one date moved there, `trends`,
/// `check-in`, `now` and `review` over such a check-in log, and `history`,
/// `review` and `diff` over revisions dated there. Never a panic, a hang or
/// an overflow; a moment past what the zone database reaches still says
/// which clock it is on ("9999-12-31 23:59 UTC").
#[test]
fn far_past_and_far_future_dates_never_panic_hang_or_overflow() {
    let source = fs::read_to_string(examples().join("hand-in.toml")).unwrap();
    let env = Env::new();
    env.ok(["init", "--name", "Sam"]);
    for day in ["0001-01-01", "9999-12-31", "2031-06-01"] {
        let moment = format!("{day}T00:00:00Z");
        let fields = [
            (
                "submitted_at = 2026-11-28T18:00:00Z",
                format!("submitted_at = {moment}"),
            ),
            (
                "day = 2026-11-27\ntimes = [2026-11-27T21:00:00Z]",
                format!("day = {day}\ntimes = [{moment}]"),
            ),
            ("at = 2026-11-25T08:00:00Z", format!("at = {moment}")),
            ("at = 2026-11-26T09:00:00Z", format!("at = {moment}")),
            (
                "saved_at = 2026-11-24T19:00:00Z",
                format!("saved_at = {moment}"),
            ),
            ("assigned = 2026-11-22", format!("assigned = {day}")),
            ("due = 2026-11-29", format!("due = {day}")),
        ];
        for (from, to) in fields {
            assert!(source.contains(from), "{from}");
            let file = env.home().join("hand-in.toml");
            fs::write(&file, source.replacen(from, &to, 1)).unwrap();
            let output = env
                .test(["review", file.to_str().unwrap()])
                .status_one_of([0, 1])
                .within(10)
                .run();
            calm(&format!("review of a hand-in with {to}"), &output);
        }
    }
}

/// Issue 12 (guard12c): a check-in log with days at 0001-01-01 and
/// 9999-12-31 under every command that reads it.
#[test]
fn a_check_in_log_from_0001_to_9999_never_panics_or_hangs() {
    let env = Env::new();
    env.ok(["init", "--name", "Sam"]);
    // A check-in log with days at both ends of the calendar.
    let log = |first: &str, last: &str| {
        format!(
            "version = 1\n\n[[check_ins]]\nday = {first}\ntimes = [{first}T10:00:00Z]\nurge = 3\nacted = \"no\"\n\n\
             [[check_ins]]\nday = {last}\ntimes = [{last}T10:00:00Z]\nurge = 5\nacted = \"no\"\n"
        )
    };
    for (first, last) in [
        ("0001-01-01", "2026-11-22"),
        ("2026-11-22", "9999-12-31"),
        ("0001-01-01", "9999-12-31"),
    ] {
        for args in [
            vec!["trends", "--days", "90"],
            vec!["trends", "--json"],
            vec!["trends", "--csv"],
            vec!["now"],
            vec!["review"],
            vec!["check-in", "--urge", "2", "--acted", "no"],
        ] {
            fs::write(env.plan_dir().join("check-ins.toml"), log(first, last)).unwrap();
            let _ = fs::remove_file(env.plan_dir().join("check-ins.recent.toml"));
            let output = env.test(&args).status_one_of([0, 1]).within(10).run();
            calm(&format!("{args:?} over {first} … {last}"), &output);
        }
    }
}

/// Issue 12 (guard12c): revisions dated 0001, 9999 and years ahead.
#[test]
fn revisions_dated_at_the_ends_of_the_calendar_show_calmly() {
    let env = Env::new();
    env.ok(["init", "--name", "Sam"]);
    // Revisions dated at the ends of the calendar, and years ahead.
    env.ok(["reason", "add", "Mia"]);
    env.ok(["reason", "add", "Bo"]);
    env.ok(["reason", "add", "Cy"]);
    let revisions = env.plan_dir().join("revisions");
    for (revision, moment) in [
        (1, "0001-01-01T00:00:00Z"),
        (2, "9999-12-31T23:59:59Z"),
        (3, "2031-06-01T12:00:00Z"),
    ] {
        let path = revisions.join(format!("{revision:06}.toml"));
        let text = fs::read_to_string(&path).unwrap();
        let line = text
            .lines()
            .find(|l| l.starts_with("saved_at = "))
            .unwrap()
            .to_string();
        fs::write(&path, text.replace(&line, &format!("saved_at = {moment}"))).unwrap();
    }
    let _ = fs::remove_file(revisions.join("index.jsonl"));
    for args in [
        vec!["history"],
        vec!["review"],
        vec!["review", "--since", "0001-01-01"],
        vec!["review", "--since", "9999-12-31"],
        vec!["review", "--since", "1"],
        vec!["diff", "1"],
        vec!["restore", "2"],
        vec!["history"],
    ] {
        let output = env.test(&args).within(10).run();
        calm(&format!("{args:?}"), &output);
    }
    let history = env.ok(["history"]);
    for shown in [
        "1 January 1 at 00:00 UTC",
        "9999-12-31 23:59 UTC",
        "1 June 2031 at 12:00 UTC",
    ] {
        assert!(history.contains(shown), "{shown}\n{history}");
    }
}

/// Typed with a zero-width space, "Dave Last" is Dave Last himself (the
/// hidden character is left out as it is typed): refused as already
/// there; one that differs only in case and spaces is named as such.
#[test]
fn a_name_typed_with_a_hidden_character_is_the_same_person() {
    let env = Env::with_example();
    env.ok([
        "contact",
        "add",
        "--name",
        "Dave Last",
        "--phone",
        "07700 900111",
    ]);
    let err = env.fails(
        1,
        [
            "contact",
            "add",
            "--name",
            "Dave \u{200b}Last",
            "--phone",
            "1",
        ],
    );
    // Typed, the hidden character is left out (her_words): Dave Last
    // himself, already there.
    assert!(err.contains("“Dave Last” is already in your plan"), "{err}");
    let err = env.fails(
        1,
        ["contact", "add", "--name", "dave  last", "--phone", "1"],
    );
    assert!(
        err.contains("differ only in case, width or characters that do not show"),
        "{err}"
    );
}

/// Trudy: "Xia" came in on Alex's number without a word, where `--help`
/// said anyone with a number already in the plan is skipped. Two names on
/// one number are two people (a home landline): both are kept, and said.
#[test]
fn someone_on_a_number_already_in_the_plan_comes_in_and_is_said() {
    let env = Env::new();
    env.ok(["init", "--name", "Sam", "--country", "NZ"]);
    env.ok([
        "contact",
        "add",
        "--name",
        "Alex",
        "--phone",
        "+64 21 555 0101",
    ]);
    let vcf = env.home().join("people.vcf");
    fs::write(
        &vcf,
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Xia\r\nTEL:+64 21 555 0101\r\nEND:VCARD\r\n",
    )
    .unwrap();
    let output = env
        .test(["contact", "import", vcf.to_str().unwrap(), "--yes"])
        .run();
    let said = format!("{}{}", output.stdout, output.stderr);
    assert!(
        said.contains("“Xia” has the same number as “Alex”, who is in your plan"),
        "{said}"
    );
    assert_eq!(env.plan().contacts.len(), 2);
    let help = env.ok(["contact", "import", "--help"]);
    assert!(help.contains("two people"), "{help}");
}
