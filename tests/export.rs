//! `contact export`: the plan's people and crisis lines as vCards, read back
//! by this tool's own importer and by an independent reader (Python's
//! `vobject`, which CI installs; the test fails without it, never skips).
//! And `contact import` of what phones and address books really write:
//! base64 names, UTF-16 files, `tel:` extensions.

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
/// distraction), then GB's emergency number and crisis lines, with their
/// numbers.
fn expected() -> Vec<(&'static str, Vec<&'static str>)> {
    vec![
        ("أحمد (أخي)", vec!["+20 10 1234 5678"]),
        ("Aoife Ní Bhriain", vec!["+353 87 123 4567"]),
        ("王医生, GP; clinic \\ north", vec!["020 7946 0000"]),
        ("Jo, the climbing wall", vec!["07700 900456"]),
        ("Emergency", vec!["999"]),
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
        said.contains("Wrote 4 people, 2 crisis lines and the emergency number to `"),
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
    assert_eq!(cards[4]["note"], "Emergency number (GB): 999.");
    let shout = cards[6]["note"].as_str().unwrap();
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
    fresh.ok(["init", "--name", "Sam", "--country", "NZ"]);
    let said = fresh
        .test(["contact", "import", file.to_str().unwrap(), "--yes"])
        .run()
        .stderr;
    let imported: Vec<(String, Vec<String>)> = fresh
        .plan()
        .contacts
        .into_iter()
        .map(|c| (c.name, c.phone.into_iter().collect()))
        .collect();
    // The people come back; the emergency number and the crisis lines do
    // not come back as people to call (Trudy: "Emergency · 999" would
    // stand beside New Zealand's 111 on `now`), and she is told why.
    let expected: Vec<(String, Vec<String>)> = expected()
        .into_iter()
        .take(4)
        .map(|(n, p)| (n.to_string(), p.iter().map(|s| (*s).to_string()).collect()))
        .collect();
    assert_eq!(imported, expected);
    let said = said.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        said.contains("Not imported, as they are an emergency number or a crisis line")
            && said.contains("“Emergency”")
            && said.contains("“Samaritans”"),
        "{said}"
    );
    let now = fresh.ok(["now"]);
    assert!(!now.contains("999"), "{now}");
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

/// The cards vobject reads from `file`: each name with its numbers.
fn names_and_numbers(file: &Path) -> Vec<(String, Vec<String>)> {
    vobject(file)
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let tels = c["tels"].as_array().unwrap();
            (
                c["fn"].as_str().unwrap().to_string(),
                tels.iter()
                    .map(|t| t.as_str().unwrap().to_string())
                    .collect(),
            )
        })
        .collect()
}

/// Numbers as the tests write them, as owned strings.
fn owned(numbers: &[&str]) -> Vec<String> {
    numbers.iter().map(|s| (*s).to_string()).collect()
}

/// Every card's note, as vobject reads it.
fn notes(file: &Path) -> Vec<String> {
    vobject(file)
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["note"].as_str().unwrap().to_string())
        .collect()
}

/// Layla's plan, in Egypt: her brother, her own emergency number with
/// where she found it, and two lines of her own (one to call and text,
/// written two ways), exported to `layla.vcf`, which is returned.
fn layla() -> (Env, std::path::PathBuf) {
    let env = Env::new();
    env.ok(["init", "--name", "Layla", "--country", "EG"]);
    env.ok([
        "contact",
        "add",
        "--name",
        "أحمد (أخي)",
        "--phone",
        "+20 10 1234 5678",
        "--role",
        "help",
    ]);
    env.ok([
        "set",
        "--emergency-number",
        "122",
        "--source",
        "موقع وزارة الداخلية",
    ]);
    env.ok([
        "set",
        "--own-line",
        "خط الصحة النفسية",
        "--call",
        "08008880700",
        "--text",
        "0800 888 0700",
    ]);
    env.ok([
        "set",
        "--own-line",
        "Befrienders Cairo",
        "--call",
        "762 1602",
        "--source",
        "their site, 2026",
    ]);
    let file = env.home().join("layla.vcf");
    (env, file)
}

/// Fresh eyes (export14b): Layla, in Egypt, which has no checked lines,
/// had added her emergency number and two lines of her own, and the
/// exported file held only her brother. Every number on her plan now goes
/// to her phone, under the names she gave them, with where she found them.
#[test]
fn her_own_lines_and_emergency_number_are_written_where_no_line_is_checked() {
    let (env, file) = layla();
    let said = env
        .test(["contact", "export", "-o", file.to_str().unwrap()])
        .stdout("")
        .run()
        .stderr;
    assert!(
        said.contains(
            "Wrote 1 person, 2 crisis lines (you added them) and the emergency number to `"
        ),
        "{said}"
    );
    assert!(
        said.contains(
            "No crisis lines are checked for Egypt yet, so only the ones you added are included."
        ),
        "{said}"
    );
    assert_eq!(
        names_and_numbers(&file),
        [
            ("أحمد (أخي)".to_string(), owned(&["+20 10 1234 5678"])),
            ("Emergency".to_string(), owned(&["122"])),
            ("خط الصحة النفسية".to_string(), owned(&["08008880700"])),
            ("Befrienders Cairo".to_string(), owned(&["762 1602"])),
        ]
    );
    let notes = notes(&file);
    assert_eq!(
        notes[1],
        "The emergency number I added: 122, from موقع وزارة الداخلية."
    );
    // One number on the phone for both; the note keeps each as she wrote it.
    assert_eq!(
        notes[2],
        "A crisis line I added: call 08008880700 or text 0800 888 0700."
    );
    assert_eq!(
        notes[3],
        "A crisis line I added: call 762 1602, from their site, 2026."
    );
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        text.contains("TEL;TYPE=VOICE,MSG:08008880700\r\n"),
        "{text}"
    );
    assert_eq!(
        text.matches("CATEGORIES:My crisis plan\r\n").count(),
        4,
        "{text}"
    );
}

/// Her own numbers in a file are never people to call (lines16b: they
/// came back as contacts, so `now` showed "Emergency" as someone to ring).
/// Nor are they taken in as hers: the export's words are easy to copy, so
/// a file from anyone could set the number she calls in an emergency
/// (Trudy, people17). Each is shown with the command that makes it hers;
/// typed, they are hers byte for byte, and the file then changes nothing.
/// (Changed from asserting that import took them in unasked.)
#[test]
fn her_own_numbers_come_back_only_when_she_adds_them_and_never_twice() {
    let (env, file) = layla();
    env.ok(["contact", "export", "-o", file.to_str().unwrap()]);
    let fresh = Env::new();
    fresh.ok(["init", "--name", "Layla", "--country", "EG"]);
    let said = fresh
        .test(["contact", "import", file.to_str().unwrap(), "--yes"])
        .run()
        .stderr;
    assert!(said.contains("imported 1 person from layla.vcf"), "{said}");
    assert!(
        said.contains("A file can come from anyone, so none of them was added"),
        "{said}"
    );
    let back = fresh.plan();
    assert_eq!(back.own_lines, relapse_plan::plan::OwnLines::default());
    let contacts: Vec<&str> = back.contacts.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(contacts, ["أحمد (أخي)"]);
    // The commands shown, pasted as shown (no mark in them), make them
    // hers as she had them.
    for line in said.lines().map(str::trim) {
        if let Some(command) = line.strip_prefix("relapse-plan set ") {
            fresh.shell(&format!("\"$0\" set {command}")).run();
        }
    }
    assert_eq!(fresh.plan().own_lines, env.plan().own_lines);
    let now = fresh.ok(["now"]);
    assert!(
        now.contains("122") && now.contains("Befrienders Cairo"),
        "{now}"
    );
    let back = fresh.plan();
    // An import of the same file then doubles nothing.
    let said = fresh
        .test(["contact", "import", file.to_str().unwrap(), "--yes"])
        .run()
        .stderr;
    assert!(
        said.contains("Everyone in this file is already in your plan; nothing to add."),
        "{said}"
    );
    assert!(
        said.contains("Already among your own numbers, so skipped:"),
        "{said}"
    );
    assert_eq!(fresh.plan(), back);
}

/// Wei, in Taiwan: her own emergency number and lines beside the checked
/// lines of a country that has them (here GB, as she travels); her
/// emergency number joins the country's on one card, and a line of hers
/// that does not dial what it shows is named, never written.
#[test]
fn her_own_numbers_join_the_checked_ones_and_a_doubtful_one_is_named() {
    let env = Env::new();
    env.ok(["init", "--name", "Wei", "--country", "GB"]);
    env.ok(["set", "--emergency-number", "112", "--source", "內政部"]);
    env.ok(["set", "--own-line", "生命線", "--call", "1995"]);
    env.ok(["set", "--own-line", "Helpline", "--call", "0800 DAD HELP"]);
    let file = env.home().join("wei.vcf");
    let said = env
        .test(["contact", "export", "-o", file.to_str().unwrap()])
        .run()
        .stderr;
    assert!(
        said.contains("Wrote 3 crisis lines (1 you added) and the emergency number to `"),
        "{said}"
    );
    assert!(
        said.contains(
            "Helpline · 0800 DAD HELP: it holds letters or characters that only look like digits"
        ),
        "{said}"
    );
    assert_eq!(
        names_and_numbers(&file),
        [
            ("Emergency".to_string(), owned(&["999", "112"])),
            ("Samaritans".to_string(), owned(&["116 123"])),
            ("Shout".to_string(), owned(&["85258"])),
            ("生命線".to_string(), owned(&["1995"])),
        ]
    );
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(!text.contains("DAD"), "{text}");
    // The same number as the country's is written once.
    env.ok(["set", "--emergency-number", "999"]);
    let cards = env.ok(["contact", "export"]);
    assert_eq!(
        cards.matches("TEL;TYPE=VOICE:999\r\n").count(),
        1,
        "{cards}"
    );
}

/// Fresh eyes (lines16b): a card holding both the country's emergency
/// number and her own was skipped whole, so her own was lost. Now her
/// part comes back; the country's checked lines stay out; a plan with
/// another emergency number of hers keeps it, and she is told.
#[test]
fn a_card_mixing_the_countrys_emergency_number_and_hers_keeps_her_part() {
    let env = Env::new();
    env.ok(["init", "--name", "Wei", "--country", "GB"]);
    env.ok([
        "set",
        "--emergency-number",
        "112",
        "--source",
        "內政部, 2026; 消防署",
    ]);
    env.ok(["set", "--own-line", "生命線", "--call", "1995"]);
    let file = env.home().join("wei.vcf");
    env.ok(["contact", "export", "-o", file.to_str().unwrap()]);
    let notes = notes(&file);
    assert_eq!(
        notes[0],
        "Emergency number (GB): 999.\nThe emergency number I added: 112, from 內政部, 2026; 消防署."
    );

    let fresh = Env::new();
    fresh.ok(["init", "--name", "Wei", "--country", "GB"]);
    let said = fresh
        .test(["contact", "import", file.to_str().unwrap(), "--yes"])
        .run()
        .stderr;
    let said = said.split_whitespace().collect::<Vec<_>>().join(" ");
    // Offered with the command that makes it hers, never set unasked
    // (people17; this asserted it was set).
    assert!(
        said.contains("an emergency number · 112 (from 內政部, 2026; 消防署)")
            && said.contains(
                "relapse-plan set --emergency-number 112 --source '內政部, 2026; 消防署'"
            ),
        "{said}"
    );
    assert!(
        said.contains("Not imported, as they are an emergency number or a crisis line")
            && said.contains("“Samaritans”")
            && !said.contains("“Emergency”"),
        "{said}"
    );
    let back = fresh.plan();
    assert_eq!(back.own_lines.emergency, None);
    assert!(back.own_lines.lines.is_empty(), "{:?}", back.own_lines);
    assert!(back.contacts.is_empty(), "{:?}", back.contacts);

    // A plan with another emergency number of hers keeps it, and says so.
    let other = Env::new();
    other.ok(["init", "--name", "Wei", "--country", "TW"]);
    other.ok(["set", "--emergency-number", "119"]);
    let said = other
        .test(["contact", "import", file.to_str().unwrap(), "--yes"])
        .run()
        .stderr;
    let said = said.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        said.contains(
            "Your plan keeps 119 as your emergency number, so this file's 112 was not imported"
        ),
        "{said}"
    );
    let kept = other.plan().own_lines;
    assert_eq!(kept.emergency.as_deref(), Some("119"));
    assert_eq!(kept.emergency_source, None);
    // Her lines from a file are offered, never taken in (people17).
    assert!(kept.lines.is_empty(), "{kept:?}");
}

/// A file holding more lines of hers than a plan keeps (500) is refused
/// before anything is listed to add or asked, and nothing changes.
#[test]
fn more_lines_of_hers_than_a_plan_holds_are_refused_before_asking() {
    let env = Env::new();
    env.ok(["init", "--name", "Layla", "--country", "EG"]);
    let mut cards = String::new();
    for n in 0..501 {
        use std::fmt::Write as _;
        let _ = write!(
            cards,
            "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Line {n}\r\nTEL:0800{n:06}\r\nNOTE:A crisis line I added: call 0800{n:06}.\r\nEND:VCARD\r\n"
        );
    }
    let file = env.home().join("many.vcf");
    std::fs::write(&file, cards).unwrap();
    let before = env.plan();
    let err = env.fails(1, ["contact", "import", file.to_str().unwrap(), "--yes"]);
    let err = err.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        err.contains("this file holds 501 crisis lines of yours not in your plan yet"),
        "{err}"
    );
    assert!(!err.contains("To add"), "{err}");
    assert_eq!(env.plan(), before);
}

/// The cards a Windows or Android export holds, as text: a base64 name
/// (`ENCODING=b`), a 2.1 base64 name in Big5 (Wei's phone), and a `tel:`
/// URI with an RFC 3966 extension.
const FROM_PHONES: &str = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN;ENCODING=b:SsO8cmdlbiBNw7xsbGVy\r\n\
    TEL;TYPE=CELL:+49 151 1234567\r\nEND:VCARD\r\n\
    BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=BIG5;ENCODING=BASE64:pP2kcKn6\r\n\
    TEL;CELL:0912 345 678\r\nEND:VCARD\r\n\
    BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Dr Lee\r\n\
    TEL;VALUE=uri;TYPE=work:tel:+1-201-555-0123;ext=1234\r\nEND:VCARD\r\n";

/// Fresh eyes (export14b): a name in base64 came in as gibberish, a
/// UTF-16 file (Windows Contacts) was not read at all, and an extension
/// in a `tel:` link was called a look-alike. Each now comes in as the
/// phone meant it, from UTF-16 with either byte order; the extension is
/// kept with the number, and the link dials the number without it.
#[test]
fn base64_names_utf16_files_and_extensions_come_in_as_the_phone_meant() {
    let utf16 = |big: bool| -> Vec<u8> {
        let mut bytes = if big {
            vec![0xfe, 0xff]
        } else {
            vec![0xff, 0xfe]
        };
        for unit in FROM_PHONES.encode_utf16() {
            bytes.extend(if big {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            });
        }
        bytes
    };
    for (kind, bytes) in [
        ("utf-8", FROM_PHONES.as_bytes().to_vec()),
        ("utf-16le", utf16(false)),
        ("utf-16be", utf16(true)),
    ] {
        let env = Env::new();
        env.ok(["init", "--name", "Wei", "--country", "US"]);
        let file = env.home().join(format!("{kind}.vcf"));
        std::fs::write(&file, bytes).unwrap();
        let said = env
            .test(["contact", "import", file.to_str().unwrap(), "--yes"])
            .run()
            .stderr;
        assert!(said.contains("imported 3 people"), "{kind}: {said}");
        assert!(!said.contains("Check these numbers"), "{kind}: {said}");
        let people: Vec<(String, Option<String>)> = env
            .plan()
            .contacts
            .into_iter()
            .map(|c| (c.name, c.phone))
            .collect();
        let want = [
            ("Jürgen Müller", "+49 151 1234567"),
            ("王小明", "0912 345 678"),
            ("Dr Lee", "+1-201-555-0123;ext=1234"),
        ]
        .map(|(n, p)| (n.to_string(), Some(p.to_string())));
        assert_eq!(people, want, "{kind}");
    }
    let env = Env::new();
    env.ok(["init", "--name", "Wei", "--country", "US"]);
    let file = env.home().join("phone.vcf");
    std::fs::write(&file, FROM_PHONES).unwrap();
    env.ok(["contact", "import", file.to_str().unwrap(), "--yes"]);
    env.test(["now"])
        .stdout_has("Dr Lee · +1-201-555-0123;ext=1234\n")
        .stdout_lacks("check it before you call")
        .run();
    let page = env.home().join("plan.html");
    env.ok(["print", "--format", "html", "-o", page.to_str().unwrap()]);
    let html = std::fs::read_to_string(&page).unwrap();
    // The extension is kept in the link as RFC 3966 writes it, and said
    // beside the number (trudy16f: dialling the number alone reached the
    // switchboard).
    assert!(
        html.contains("href=\"tel:+12015550123;ext=1234\""),
        "{html}"
    );
    assert!(html.contains("then dial 1234"), "{html}");
    assert!(!html.contains("tel:+120155501231234"), "{html}");
}

/// A UTF-16 file without the byte-order mark that says so is not guessed
/// at: the error says what it saw, and what to do; a PDF is named as one.
#[test]
fn utf16_without_its_mark_and_other_files_are_named_for_what_they_are() {
    let env = Env::new();
    env.ok(["init", "--name", "Wei"]);
    let file = env.home().join("contacts.vcf");
    let le: Vec<u8> = FROM_PHONES
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    std::fs::write(&file, le).unwrap();
    let err = env.fails(1, ["contact", "import", file.to_str().unwrap(), "--yes"]);
    assert!(
        err.contains("contacts.vcf`: it looks like text saved as UTF-16 (little-endian: every other byte is 0) without the byte-order mark that says so"),
        "{err}"
    );
    assert!(err.contains("save it again as UTF-8"), "{err}");
    let be: Vec<u8> = FROM_PHONES
        .encode_utf16()
        .flat_map(u16::to_be_bytes)
        .collect();
    std::fs::write(&file, be).unwrap();
    let err = env.fails(1, ["contact", "import", file.to_str().unwrap(), "--yes"]);
    assert!(err.contains("UTF-16 (big-endian"), "{err}");
    std::fs::write(&file, "%PDF-1.7\n%\u{e2}\n").unwrap();
    let err = env.fails(1, ["contact", "import", file.to_str().unwrap(), "--yes"]);
    assert!(
        err.contains("contacts.vcf`: it is a PDF document, not a vCard file"),
        "{err}"
    );
    assert!(env.plan().contacts.is_empty());
}
