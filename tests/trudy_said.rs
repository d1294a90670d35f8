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
    assert!(err.contains("relapse-plan homework submit"), "{err}");
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
