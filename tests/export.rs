//! `contact export`: the plan's people and crisis lines as vCards, read back
//! by this tool's own importer and by an independent reader (Python's
//! `vobject`, which CI installs; the test fails without it, never skips).

use std::path::Path;

use crate::Env;

const DO_NOT_INVOLVE: (&str, &str) = ("Uncle Ray", "+44 7700 900999");

/// A plan in GB with people in three scripts, characters that mean
/// something to vCard, someone not to involve and someone with no number.
fn plan() -> Env {
    let env = Env::new();
    env.ok(["init", "--name", "Sam", "--country", "GB"]);
    for (name, phone, role, reachable) in [
        ("أحمد (أخي)", "+20 10 1234 5678", "help", None),
        (
            "Aoife Ní Bhriain",
            "+353 87 123 4567",
            "help",
            Some("after 6 pm; weekends"),
        ),
        (
            "王医生, GP; clinic \\ north",
            "020 7946 0000",
            "professional",
            None,
        ),
        ("Jo, the climbing wall", "07700 900456", "distraction", None),
    ] {
        let mut args = vec![
            "contact", "add", "--name", name, "--phone", phone, "--role", role,
        ];
        if let Some(r) = reachable {
            args.extend(["--reachable", r]);
        }
        env.ok(args);
    }
    env.ok([
        "contact",
        "add",
        "--name",
        DO_NOT_INVOLVE.0,
        "--phone",
        DO_NOT_INVOLVE.1,
        "--do-not-involve",
    ]);
    env.ok(["contact", "add", "--name", "The library"]);
    env
}

/// Who should be in the file, in order: people (help, professional,
/// distraction), then GB's crisis lines, with their numbers.
fn expected() -> Vec<(&'static str, Vec<&'static str>)> {
    vec![
        ("أحمد (أخي)", vec!["+20 10 1234 5678"]),
        ("Aoife Ní Bhriain", vec!["+353 87 123 4567"]),
        ("王医生, GP; clinic \\ north", vec!["020 7946 0000"]),
        ("Jo, the climbing wall", vec!["07700 900456"]),
        ("Samaritans", vec!["116 123"]),
        ("Shout", vec!["85258"]),
    ]
}

/// Parses a vCard file with Python's vobject: every card's name, numbers,
/// categories and note, as JSON.
fn vobject(file: &Path) -> serde_json::Value {
    const SCRIPT: &str = r#"
import json, sys
import vobject
cards = []
with open(sys.argv[1], encoding="utf-8", newline="") as f:
    for card in vobject.readComponents(f.read(), validate=True):
        cards.append({
            "version": card.version.value,
            "fn": card.fn.value,
            "tels": [t.value for t in card.contents.get("tel", [])],
            "categories": [c for cat in card.contents.get("categories", []) for c in cat.value],
            "note": card.note.value if "note" in card.contents else None,
        })
print(json.dumps(cards))
"#;
    let out = crate::tool("python3")
        .arg("-c")
        .arg(SCRIPT)
        .arg(file)
        .case("python3 with vobject reads the vCards independently (.ci/run installs them)")
        .run();
    serde_json::from_slice(&out.bytes).unwrap()
}

#[test]
fn exported_cards_hold_exactly_the_right_people_for_an_independent_reader() {
    let env = plan();
    let file = env.home().join("my crisis plan.vcf");
    let said = env
        .test(["contact", "export", "-o", file.to_str().unwrap(), "--force"])
        .stdout("")
        .run()
        .stderr;
    assert!(said.contains("private health information"), "{said}");
    assert!(
        said.contains("4 people from your plan and 2 crisis lines"),
        "{said}"
    );
    assert!(
        said.contains("no number in your plan: The library"),
        "{said}"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    let bytes = std::fs::read(&file).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    assert!(!text.contains(DO_NOT_INVOLVE.0) && !text.contains("7700 900999"));
    assert!(!text.contains("The library"));
    for line in text.split_terminator("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
        assert!(!line.contains('\n'), "a bare line feed: {line:?}");
    }

    let cards = vobject(&file);
    let cards = cards.as_array().unwrap();
    let read: Vec<(&str, Vec<&str>)> = cards
        .iter()
        .map(|c| {
            let tels = c["tels"].as_array().unwrap();
            (
                c["fn"].as_str().unwrap(),
                tels.iter().map(|t| t.as_str().unwrap()).collect(),
            )
        })
        .collect();
    assert_eq!(read, expected());
    for card in cards {
        assert_eq!(card["version"], "3.0");
        assert_eq!(card["categories"], serde_json::json!(["My crisis plan"]));
    }
    assert_eq!(
        cards[1]["note"],
        "In my crisis plan: someone who helps.\nReachable: after 6 pm; weekends"
    );
    let shout = cards[5]["note"].as_str().unwrap();
    assert!(
        shout.starts_with("Crisis line (GB): text SHOUT to 85258."),
        "{shout}"
    );
    assert!(
        shout.contains("\nChecked 2026-11-22 against giveusashout.org."),
        "{shout}"
    );
}

#[test]
fn exported_cards_import_back_with_the_same_names_and_numbers() {
    let env = plan();
    let file = env.home().join("out.vcf");
    env.ok(["contact", "export", "-o", file.to_str().unwrap()]);

    let fresh = Env::new();
    fresh.ok(["init", "--name", "Sam"]);
    fresh.ok(["contact", "import", file.to_str().unwrap(), "--yes"]);
    let imported: Vec<(String, Vec<String>)> = fresh
        .plan()
        .contacts
        .into_iter()
        .map(|c| (c.name, c.phone.into_iter().collect()))
        .collect();
    let expected: Vec<(String, Vec<String>)> = expected()
        .into_iter()
        .map(|(n, p)| (n.to_string(), p.iter().map(|s| (*s).to_string()).collect()))
        .collect();
    assert_eq!(imported, expected);
}

#[test]
fn a_dash_writes_to_standard_output_and_the_plan_folder_is_refused() {
    let env = plan();
    let file = env.home().join("out.vcf");
    env.ok(["contact", "export", "-o", file.to_str().unwrap()]);
    let stdout = env.ok(["contact", "export", "-o", "-"]);
    assert_eq!(stdout.as_bytes(), std::fs::read(&file).unwrap());
    assert_eq!(env.ok(["contact", "export"]), stdout);

    let inside = env.plan_dir().join("contacts.vcf");
    let err = env.fails(2, ["contact", "export", "-o", inside.to_str().unwrap()]);
    assert!(err.contains("inside your plan's folder"), "{err}");
    assert!(!inside.exists());
    #[cfg(unix)]
    {
        let link = env.home().join("link");
        std::os::unix::fs::symlink(env.plan_dir(), &link).unwrap();
        let through = link.join("plan.toml");
        let before = std::fs::read(env.plan_file()).unwrap();
        let err = env.fails(2, ["contact", "export", "-o", through.to_str().unwrap()]);
        assert!(err.contains("inside your plan's folder"), "{err}");
        assert_eq!(std::fs::read(env.plan_file()).unwrap(), before);
    }
}

#[test]
fn without_a_country_only_people_are_written_and_it_says_why() {
    let env = Env::new();
    env.ok(["init", "--name", "Sam"]);
    env.ok([
        "contact",
        "add",
        "--name",
        "Alex",
        "--phone",
        "07700 900123",
    ]);
    let out = env
        .test(["contact", "export"])
        .stderr_has("no crisis lines are included")
        .run();
    let text = String::from_utf8(out.bytes).unwrap();
    assert_eq!(text.matches("BEGIN:VCARD").count(), 1, "{text}");

    let empty = Env::new();
    empty.ok(["init", "--name", "Sam"]);
    let err = empty.fails(1, ["contact", "export"]);
    assert!(err.contains("no one to export"), "{err}");
}

/// Fresh eyes (issue 13): a plan in Egypt, where no line is checked yet,
/// was told "No crisis lines are checked for EG", a code she never typed.
#[test]
fn a_country_without_checked_lines_is_named_not_coded() {
    let env = Env::new();
    env.ok(["init", "--name", "Salma", "--country", "EG"]);
    env.ok([
        "contact",
        "add",
        "--name",
        "أحمد",
        "--phone",
        "+20 10 1234 5678",
    ]);
    let out = env
        .test(["contact", "export"])
        .stderr_has("No crisis lines are checked for Egypt yet")
        .stderr_lacks("for EG")
        .run();
    let text = String::from_utf8(out.bytes).unwrap();
    assert_eq!(text.matches("BEGIN:VCARD").count(), 1, "{text}");
}

#[test]
fn folders_are_refused_devices_and_pipes_written_directly_and_an_existing_file_is_replaced() {
    let env = plan();
    let err = env.fails(2, ["contact", "export", "-o", env.home().to_str().unwrap()]);
    assert!(err.contains("is a folder"), "{err}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        // Written, never replaced: as root a rename would turn /dev/null
        // into a regular file holding someone's contacts.
        env.ok(["contact", "export", "-o", "/dev/null"]);
        assert!(
            std::fs::metadata("/dev/null")
                .unwrap()
                .file_type()
                .is_char_device()
        );
        let fifo = env.home().join("fifo");
        crate::tool("mkfifo").arg(&fifo).run();
        let reader = crate::tool("cat").arg(&fifo).spawn();
        env.ok(["contact", "export", "-o", fifo.to_str().unwrap()]);
        let read = reader.wait();
        assert!(
            read.stdout.starts_with("BEGIN:VCARD\r\n"),
            "the reader of the pipe got the cards"
        );
        assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
    }
    let existing = env.home().join("old.vcf");
    std::fs::write(&existing, "old").unwrap();
    // A file already there is replaced only when asked to (see
    // tests/boundary.rs).
    env.ok([
        "contact",
        "export",
        "-o",
        existing.to_str().unwrap(),
        "--force",
    ]);
    let text = std::fs::read_to_string(&existing).unwrap();
    assert!(text.starts_with("BEGIN:VCARD\r\n"), "{text}");
}

#[test]
fn a_hand_edited_name_cannot_forge_a_card() {
    let env = plan();
    let toml = std::fs::read_to_string(env.plan_file()).unwrap();
    let forged = toml.replace(
        "name = \"The library\"",
        "name = \"Evil\\nEND:VCARD\\nBEGIN:VCARD\\nFN:Injected\"\nphone = \"1\"",
    );
    assert_ne!(forged, toml);
    std::fs::write(env.plan_file(), forged).unwrap();
    let file = env.home().join("out.vcf");
    env.ok(["contact", "export", "-o", file.to_str().unwrap()]);
    let cards = vobject(&file);
    let names: Vec<&str> = cards
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["fn"].as_str().unwrap())
        .collect();
    assert_eq!(names.len(), expected().len() + 1, "{names:?}");
    assert!(
        names.contains(&"Evil\nEND:VCARD\nBEGIN:VCARD\nFN:Injected"),
        "{names:?}"
    );
    assert!(!names.contains(&"Injected"), "{names:?}");

    // A number forging a line of its own does not dial what it shows: that
    // person is left out, and said so.
    std::fs::write(
        env.plan_file(),
        toml.replace(
            "name = \"The library\"",
            "name = \"The library\"\nphone = \"1\\r\\nTEL:999\"",
        ),
    )
    .unwrap();
    env.test(["contact", "export", "-o", file.to_str().unwrap(), "--force"])
        .stderr_has("The library · 1\\u{d}\\u{a}TEL:999: it holds hidden characters")
        .run();
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(!text.contains("TEL:999"), "{text}");
    assert!(!text.contains("FN:The library"), "{text}");
}
