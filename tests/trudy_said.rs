//! Files from someone else, said right (issue 12, guard12f): what Trudy
//! found when she gave `review`, `homework start` and `validate` files she
//! wrote herself, or files of another kind altogether. Every test here was
//! seen failing on the code before its fix.

use std::fs;
use std::path::{Path, PathBuf};

use crate::Env;

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name)
}

/// `bytes` written beside the environment as `name`, and its path as given.
fn file(env: &Env, name: &str, bytes: &[u8]) -> String {
    let path = env.home().join(name);
    fs::write(&path, bytes).unwrap();
    path.display().to_string()
}

/// An example file with `from` (once in it) made `to`, written beside
/// the environment as `name`; its path, and the line `to` is on.
fn edited(env: &Env, example_name: &str, name: &str, from: &str, to: &str) -> (String, usize) {
    let text = fs::read_to_string(example(example_name)).unwrap();
    assert_eq!(
        text.matches(from).count(),
        1,
        "{from:?} once in {example_name}"
    );
    let line = text[..text.find(from).unwrap()].matches('\n').count() + 1;
    (file(env, name, text.replace(from, to).as_bytes()), line)
}

/// A PDF, a vCard, a web page, text saved as UTF-16 or a binary file given
/// for a relapse-plan file is named as what it is, with what the command
/// takes instead; never the TOML reader's "key with no value, expected `=`"
/// or "not UTF-8" at some column. `validate`'s hint helps for that kind
/// of file (a vCard is imported), never "check again".
#[test]
fn a_file_of_another_kind_is_named_as_what_it_is() {
    let env = Env::with_example();
    let before = env.snapshot_dir();
    let cases: [(&str, &[u8], &str, &str); 6] = [
        (
            "plan.pdf",
            b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",
            "it is a PDF document",
            "`relapse-plan print` makes these",
        ),
        (
            "jo.vcf",
            b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jo\r\nTEL:+44 7700 900123\r\nEND:VCARD\r\n",
            "it is a vCard (contacts) file",
            "relapse-plan contact import",
        ),
        (
            "plan.html",
            b"<!DOCTYPE html>\n<html><body>My plan</body></html>\n",
            "it is a web page (HTML)",
            "`relapse-plan print` makes these",
        ),
        (
            "notepad.toml",
            b"\xff\xfes\x00c\x00h\x00",
            "it is saved as UTF-16 text",
            "save it as UTF-8",
        ),
        (
            "blob.toml",
            b"schema\x00\x01\x02 = 1\n",
            "it is a binary file (not text)",
            "`validate` checks relapse-plan's own files",
        ),
        (
            "notes.toml",
            b"title = \"my notes\"\n",
            "there is no `schema_version`, so this does not look like a relapse-plan file",
            "`validate` checks relapse-plan's own files",
        ),
    ];
    for (name, bytes, said, hint) in cases {
        let path = file(&env, name, bytes);
        let err = env.fails(1, ["validate", &path]);
        assert!(
            err.contains(&format!("`{path}` can't be read as a plan: {said}")),
            "{name}: {err}"
        );
        let hint_line = err.lines().find(|l| l.starts_with("hint:")).unwrap_or("");
        // The folder came from `RELAPSE_PLAN_DIR`: the hint is as written.
        assert!(hint_line.contains(hint), "{name}: {err}");
        assert!(!hint_line.contains("check again"), "{name}: {err}");
        for words in ["expected `=`", "column", "key with no value"] {
            assert!(!err.contains(words), "{name}: {words:?} in {err}");
        }
        if name == "notes.toml" {
            continue;
        }
        let err = env.fails(1, ["review", &path]);
        assert!(
            err.contains(&format!("can't be read as a hand-in file: {said}")),
            "{name}: {err}"
        );
        assert!(
            err.contains("homework submit"),
            "{name}: what review takes? {err}"
        );
        assert!(!err.contains("column"), "{name}: {err}");
        let err = env.fails(1, ["homework", "start", &path]);
        assert!(
            err.contains(&format!("can't be read as a homework file: {said}")),
            "{name}: {err}"
        );
        assert!(
            err.contains("homework assign"),
            "{name}: what start takes? {err}"
        );
    }
    assert_eq!(
        env.snapshot_dir(),
        before,
        "nothing in the plan folder changed"
    );
}

/// The TOML reader's bare "duplicate key" says which key, on which line,
/// and where it was first written.
#[test]
fn a_key_written_twice_is_named_with_both_lines() {
    let env = Env::new();
    let text = fs::read_to_string(example("homework.toml")).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let first = lines.iter().position(|l| l.starts_with("due = ")).unwrap() + 1;
    let mut twice: Vec<&str> = lines.clone();
    twice.insert(first + 1, "due = 2026-12-24");
    let path = file(&env, "twice.toml", (twice.join("\n") + "\n").as_bytes());
    let err = env.fails(1, ["homework", "start", &path]);
    assert!(
        err.contains(&format!(
            "line {}, column 1: `due` is written twice in the same place (first on line {first})",
            first + 2
        )),
        "{err}"
    );
    assert!(!err.contains(": duplicate key"), "{err}");
    // A table written twice names the header and its first line.
    let path = file(
        &env,
        "tables.toml",
        b"[plan]\nname = \"a\"\n\n[plan]\ncountry = \"GB\"\n",
    );
    let err = env.fails(1, ["validate", &path]);
    assert!(
        err.contains("line 4, column 2: `[plan]` is written twice (first on line 1)"),
        "{err}"
    );
}

/// A key the plan inside a hand-in does not know is never "lost on the
/// next save" (a hand-in is never saved): it is named, with its line.
/// One the hand-in's own fields do not know is named without serde's
/// list of field names.
#[test]
fn an_unknown_key_in_a_hand_in_is_named_not_said_lost() {
    let env = Env::new();
    let text = fs::read_to_string(example("hand-in.toml")).unwrap();
    let at = text.lines().position(|l| l == "[plan]").unwrap() + 1;
    let path = file(
        &env,
        "extra.toml",
        text.replacen("[plan]\n", "[plan]\nhologram = true\n", 1)
            .as_bytes(),
    );
    let err = env.fails(1, ["review", &path]);
    assert!(
        err.contains(&format!(
            "line {}: `hologram` is not a field relapse-plan knows",
            at + 1
        )),
        "{err}"
    );
    assert!(!err.contains("next save"), "{err}");
    let path = file(
        &env,
        "top.toml",
        format!("{text}\n")
            .replacen("submitted_at", "colour = 3\nsubmitted_at", 1)
            .as_bytes(),
    );
    let line = fs::read_to_string(&path)
        .unwrap()
        .lines()
        .position(|l| l == "colour = 3")
        .unwrap()
        + 1;
    let err = env.fails(1, ["review", &path]);
    assert!(
        err.contains(&format!(
            "line {line}, column 1: `colour` is not a field relapse-plan knows"
        )),
        "{err}"
    );
    assert!(!err.contains("expected one of"), "{err}");
}

/// The therapist's own homework file given to `review` is said to be the
/// homework she assigned, with what `review` takes instead; never "ask
/// whoever sent it for a new copy".
#[test]
fn reviewing_the_homework_itself_says_what_to_give_instead() {
    let env = Env::new();
    let path = example("homework.toml").display().to_string();
    let err = env.fails(1, ["review", &path]);
    assert!(
        err.contains(
            "this is homework, as `homework assign` writes it for a client, not a hand-in"
        ),
        "{err}"
    );
    // The client's command, told to the therapist: never with the
    // therapist's own plan folder in it.
    assert!(
        err.contains("relapse-plan's `homework submit -o hand-in.toml`"),
        "{err}"
    );
    assert!(err.contains("--assignment"), "{err}");
    assert!(!err.contains("ask whoever sent it"), "{err}");
    // And the other way round: a hand-in given to `homework start`.
    let path = example("hand-in.toml").display().to_string();
    let err = env.fails(1, ["homework", "start", &path]);
    assert!(
        err.contains("this is a hand-in file, not a homework file"),
        "{err}"
    );
    assert!(
        err.contains("the homework file your therapist gave you"),
        "{err}"
    );
    assert!(!err.contains("ask whoever sent it"), "{err}");
}

/// Homework no one can do, or dated where no homework is, is refused by
/// `homework start`, `validate` and (in a hand-in) `review`, with the file,
/// the line and why in words; `homework assign` can't write it. Before:
/// all were accepted, and a homework of 1900 was "46352 days past due".
#[test]
fn homework_no_one_can_do_is_refused_with_its_line() {
    let env = Env::with_example();
    let before = env.snapshot_dir();
    let check_ins = "[[tasks]]\ntask = \"rank-triggers\"\ncount = 1";
    let cases = [
        (
            "five-in-three.toml",
            check_ins,
            "[[tasks]]\ntask = \"check-in\"\ncount = 5",
            "due = 2026-11-29",
            "due = 2026-11-24",
            "task `check-in` asks for 5 check-ins in 3 days (22 November 2026 to 24 November 2026, both included)",
        ),
        (
            "due-before.toml",
            "due = 2026-11-29",
            "due = 2026-11-20",
            "",
            "",
            "it is due on 20 November 2026, before it was assigned (22 November 2026)",
        ),
        (
            "9999.toml",
            "due = 2026-11-29",
            "due = 9999-11-29",
            "",
            "",
            "the due date, 29 November 9999, can't be right",
        ),
        (
            "1900.toml",
            "assigned = 2026-11-22",
            "assigned = 1900-01-01",
            "due = 2026-11-29",
            "due = 1900-01-05",
            "the day it was assigned, 1 January 1900, can't be right",
        ),
    ];
    for (name, from, to, from2, to2, said) in cases {
        let text = fs::read_to_string(example("homework.toml")).unwrap();
        let mut text = text.replacen(from, to, 1);
        if !from2.is_empty() {
            text = text.replacen(from2, to2, 1);
        }
        let line = |key: &str| text.lines().position(|l| l.starts_with(key)).unwrap() + 1;
        let at = if name == "five-in-three.toml" {
            line("count = 5")
        } else {
            line(to.split(' ').next().unwrap())
        };
        let path = file(&env, name, text.as_bytes());
        for command in [&["homework", "start"][..], &["validate"]] {
            let err = env.fails(1, command.iter().copied().chain([path.as_str()]));
            assert!(
                err.contains(&format!(
                    "`{path}` can't be read as a homework file: line {at}: {said}"
                )),
                "{name} {command:?}: {err}"
            );
        }
    }
    assert_eq!(env.snapshot_dir(), before, "nothing was started");
    // The same in a hand-in, at the line in the hand-in.
    let (path, at) = edited(
        &env,
        "hand-in.toml",
        "far.toml",
        "due = 2026-11-29",
        "due = 9999-01-01",
    );
    let err = env.fails(1, ["review", &path]);
    assert!(
        err.contains(&format!(
            "line {at}: the due date, 1 January 9999, can't be right"
        )),
        "{err}"
    );
}

/// `homework assign` can't write homework `start` would refuse: more
/// check-ins than days, or due more than a year away.
#[test]
fn assign_writes_no_homework_start_refuses() {
    let env = Env::new();
    let out = env.home().join("new.toml");
    let out = out.to_str().unwrap();
    let err = env.fails(
        2,
        [
            "homework",
            "assign",
            "-o",
            out,
            "--therapist",
            "Dr P",
            "--due",
            "2026-11-24",
            "--task",
            "check-in=5",
        ],
    );
    assert!(err.contains("asks for 5 check-ins in 3 days"), "{err}");
    assert!(
        err.contains("give a later --due, or fewer check-ins"),
        "{err}"
    );
    let err = env.fails(
        2,
        [
            "homework",
            "assign",
            "-o",
            out,
            "--therapist",
            "Dr P",
            "--due",
            "9999-11-24",
            "--task",
            "check-in=5",
        ],
    );
    assert!(
        err.contains("the due date, 24 November 9999, is more than a year away"),
        "{err}"
    );
    assert!(!Path::new(out).exists(), "nothing written");
    env.ok([
        "homework",
        "assign",
        "-o",
        out,
        "--therapist",
        "Dr P",
        "--due",
        "2026-11-26",
        "--task",
        "check-in=5",
    ]);
}

/// Every problem `homework assign` would never write names its line in the
/// file from someone else: a count of 4294967295, a control character in
/// the therapist's name. Before: the words alone, no line.
#[test]
fn problems_in_a_hand_in_name_their_line() {
    let env = Env::new();
    for (name, from, to, said) in [
        (
            "count.toml",
            "count = 4\n",
            "count = 4294967295\n",
            "task `map-triggers` asks for 4294967295; counts go from 1 to 100",
        ),
        (
            "bell.toml",
            "therapist = \"Dr Patel\"",
            "therapist = \"Dr \\u0007Patel\"",
            "the therapist's name holds a control character (such as an escape)",
        ),
    ] {
        let (path, at) = edited(&env, "hand-in.toml", name, from, to);
        let err = env.fails(1, ["review", &path]);
        assert!(
            err.contains(&format!(
                "`{path}` can't be read as a hand-in file: line {at}: {said}"
            )),
            "{name}: {err}"
        );
        let (path, at) = edited(&env, "homework.toml", name, from, to);
        let err = env.fails(1, ["homework", "start", &path]);
        assert!(
            err.contains(&format!(
                "`{path}` can't be read as a homework file: line {at}: {said}"
            )),
            "{name}: {err}"
        );
    }
}

/// A therapist's name holding a right-to-left override or a zero-width
/// space is said to be suspicious, in words, before the homework starts;
/// before, it was only shown written out (`\u{202e}`) in the list.
#[test]
fn a_name_hiding_characters_is_flagged_before_starting() {
    let env = Env::with_example();
    let (path, _) = edited(
        &env,
        "homework.toml",
        "odd.toml",
        "therapist = \"Dr Patel\"",
        "therapist = \"Dr \\u202Eletap\\u200B\"",
    );
    let ran = env.test(["homework", "start", &path]).run();
    assert!(
        ran.stderr.contains(&format!(
            "Take care: in `{path}`, the therapist's name (“Dr \\u{{202e}}letap\\u{{200b}}”) holds characters that do not show"
        )),
        "{}",
        ran.stderr
    );
    assert!(
        ran.stderr
            .contains("Check with your therapist that this homework is from them."),
        "{}",
        ran.stderr
    );
    // A plain name is not flagged.
    let ran = env
        .test([
            "homework",
            "start",
            "--force",
            example("homework.toml").to_str().unwrap(),
        ])
        .run();
    assert!(!ran.stderr.contains("Take care"), "{}", ran.stderr);
}

/// A zero-width space or a right-to-left override inside a phone number
/// is flagged by `validate` (a plan or a hand-in) with its line and the
/// number written out, and by `review` first under "Worth talking about":
/// a number that dials differently from how it reads is the worst thing a
/// card can carry. Before: both "read cleanly".
#[test]
fn a_phone_number_hiding_characters_is_flagged_with_its_line() {
    let env = Env::new();
    let (path, at) = edited(
        &env,
        "hand-in.toml",
        "zwsp.toml",
        "phone = \"+44 7700 900123\"",
        "phone = \"+44 7700\\u200B900123\"",
    );
    let ran = env.test(["validate", &path]).run();
    // A hand-in lists it under its first line, which says there is a
    // thing to check (homework14d: never "reads cleanly" above it).
    assert!(
        ran.stdout.contains(&format!(
            "  - Line {at}: the phone number of “Alex (sponsor)” holds characters that do not show (+44 7700\\u{{200b}}900123)"
        )),
        "{}",
        ran.stdout
    );
    let review = env.ok(["review", &path]);
    let worth = review.split("Worth talking about").nth(1).unwrap();
    let first = worth.lines().nth(1).unwrap();
    assert!(
        first.contains("the phone number of “Alex (sponsor)” holds characters that do not show"),
        "{review}"
    );
    assert!(worth.contains("(+44 7700\\u{200b}900123)"), "{review}");
    assert!(!review.contains('\u{200b}'), "never raw");
    // A plan of one's own: the line, and the command that mends it.
    let (path, at) = edited(
        &env,
        "plan.toml",
        "rlo.toml",
        "phone = \"+44 7700 900123\"",
        "phone = \"\\u202E+44 7700 900123\"",
    );
    let ran = env.test(["validate", &path]).run();
    assert!(
        ran.stderr.contains(&format!(
            "Line {at}: the phone number of “Alex (sponsor)” holds characters that do not show (\\u{{202e}}+44 7700 900123)"
        )),
        "{}",
        ran.stderr
    );
    assert!(
        ran.stderr
            .contains("relapse-plan contact edit alex --phone"),
        "{}",
        ran.stderr
    );
    // The example files, with none, say nothing of it.
    for name in ["hand-in.toml", "plan.toml"] {
        let ran = env
            .test(["validate", example(name).to_str().unwrap()])
            .run();
        assert!(!ran.stderr.contains("do not show"), "{}", ran.stderr);
    }
}
