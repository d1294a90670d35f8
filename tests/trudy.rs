//! Found by an attacker on main (issue 12, guard12e): whose words are
//! whose, look-alike cards in one vCard file, homework with the clock set
//! back, and smaller boundary words. Every test here was seen failing on
//! the code before its fix.

use crate::one_line as flat;
use std::fmt::Write as _;
use std::fs;

use crate::Env;

fn examples() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples")
}

/// Writes a vCard file of `cards` (name, number) in the person's home.
fn vcard(env: &Env, file: &str, cards: &[(&str, &str)]) -> std::path::PathBuf {
    let path = env.home().join(file);
    let mut text = String::new();
    for (name, phone) in cards {
        write!(
            text,
            "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{name}\r\nTEL:{phone}\r\nEND:VCARD\r\n"
        )
        .unwrap();
    }
    fs::write(&path, text).unwrap();
    path
}

/// Only words a person typed are called theirs: `contact import`'s own
/// note reads as what happened (it was shown as "your note: “imported 2
/// contacts …”"), and a therapist reviewing a hand-in reads the client's
/// note as the client's, not as "your note".
#[test]
fn notes_are_called_by_whose_they_are() {
    let client = Env::with_example();
    let vcf = vcard(
        &client,
        "contacts.vcf",
        &[("Ann Other", "07700 900555"), ("Bo Berg", "07700 900556")],
    );
    let saved = client
        .test(["contact", "import", vcf.to_str().unwrap(), "--yes"])
        .run()
        .stderr;
    assert!(
        saved.contains(": imported 2 people from contacts.vcf."),
        "{saved}"
    );
    assert!(!saved.contains("with your note"), "{saved}");
    let history = client.ok(["history"]);
    assert!(
        history.contains("imported 2 people from contacts.vcf"),
        "{history}"
    );
    assert!(!history.contains("your note: “imported"), "{history}");

    // The client's own note: hers on her screen, theirs on the therapist's.
    client.ok([
        "homework",
        "start",
        examples().join("homework.toml").to_str().unwrap(),
    ]);
    client.ok([
        "reason",
        "add",
        "Mia's school play",
        "--note",
        "after the booster session",
    ]);
    let history = client.ok(["history"]);
    assert!(
        history.contains("your note: “after the booster session”"),
        "{history}"
    );
    let own = flat(&client.ok(["review", "--since", "2026-11-01"]));
    assert!(
        own.contains("your note: “after the booster session”"),
        "{own}"
    );
    let hand_in = client.home().join("hand-in.toml");
    client.ok([
        "homework",
        "submit",
        "-o",
        hand_in.to_str().unwrap(),
        "--yes",
    ]);
    let review = flat(&Env::new().ok(["review", hand_in.to_str().unwrap()]));
    assert!(
        review.contains("note from the client: “after the booster session”"),
        "{review}"
    );
    assert!(!review.contains("your note"), "{review}");
}

/// Look-alike names within one vCard file (Cyrillic "Аnna" and Latin
/// "Anna", or the same name twice) with different numbers: the first used
/// to come in silently, and the second was said to be "kept" beside someone
/// not yet in the plan. Now neither comes in, both cards are named with
/// their numbers and how they differ, and the rest of the file is imported.
#[test]
fn look_alike_cards_in_one_file_are_named_and_neither_is_kept_silently() {
    let env = Env::with_example();
    let before = env.plan().contacts.len();
    let vcf = vcard(
        &env,
        "phone.vcf",
        &[
            ("\u{410}nna", "07700 900001"),
            ("Sam Lee", "07700 900011"),
            ("Bo Berg", "07700 900021"),
            ("Anna", "07700 900002"),
            ("Sam Lee", "07700 900012"),
        ],
    );
    let said = env
        .test(["contact", "import", vcf.to_str().unwrap(), "--yes"])
        .run()
        .stderr;
    let shown = flat(&said);
    for line in [
        "Not imported: cards in this file whose names look the same, with different numbers.",
        "so none of them was added.",
        "card 1, \u{410}nna · 07700 900001 card 4, Anna · 07700 900002 (they are written in different alphabets that look alike: “\u{410}nna” has a Cyrillic letter)",
        "card 2, Sam Lee · 07700 900011 card 5, Sam Lee · 07700 900012",
    ] {
        assert!(shown.contains(line), "{line}\n{said}");
    }
    assert!(!said.contains("kept"), "{said}");
    let names: Vec<String> = env.plan().contacts.iter().map(|c| c.name.clone()).collect();
    assert_eq!(names.len(), before + 1, "{names:?}");
    assert!(names.contains(&"Bo Berg".to_string()), "{names:?}");

    // Only look-alikes in the file: nothing is added, and that is not
    // called "already in your plan".
    let vcf = vcard(
        &env,
        "two.vcf",
        &[("Kim", "07700 900031"), ("KIM", "07700 900032")],
    );
    let said = env
        .test(["contact", "import", vcf.to_str().unwrap(), "--yes"])
        .run()
        .stderr;
    assert!(
        flat(&said).contains(
            "card 1, Kim · 07700 900031 card 2, KIM · 07700 900032 (the names differ only in case"
        ),
        "{said}"
    );
    assert!(!said.contains("already in your plan"), "{said}");
    assert!(said.contains("No one from this file was added"), "{said}");
    assert_eq!(env.plan().contacts.len(), before + 1);
}

/// A card inside a card (vCard 2.1's `AGENT`, or a missing `END:VCARD`)
/// used to drop the outer card's later number unsaid; a Windows-1252 file
/// was skipped as unreadable. Now the inner card is a card of its own and
/// said to be, the outer keeps its number (listed as its second), a name
/// that says `CHARSET=windows-1252` reads as written, and one that says
/// nothing is read as Windows-1252 and said to be a guess.
#[test]
fn a_nested_card_and_a_windows_1252_file_lose_no_one_unsaid() {
    let env = Env::new();
    env.ok(["init", "--name", "Sam"]);
    let file = env.home().join("old-phone.vcf");
    let bytes: &[u8] = b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Asha Patel\r\nTEL;PREF:0161 000 0001\r\nAGENT:\r\n\
        BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Reception\r\nTEL:0161 000 0002\r\nEND:VCARD\r\n\
        TEL;HOME:0161 000 0003\r\nEND:VCARD\r\n\
        BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=windows-1252:J\xfcrgen M\xfcller\r\nTEL:0161 000 0004\r\nEND:VCARD\r\n\
        BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Ren\xe9e \x80\r\nTEL:0161 000 0005\r\nEND:VCARD\r\n";
    fs::write(&file, bytes).unwrap();
    let said = env
        .test(["contact", "import", file.to_str().unwrap(), "--yes"])
        .run()
        .stderr;
    let shown = flat(&said);
    for line in [
        "Read as cards of their own, each with its own numbers (a card inside another card, or a card whose END:VCARD line is missing): card 2 begins inside card 1",
        "Not imported: a card's second number.",
        "Asha Patel · 0161 000 0003",
        "Read as Windows-1252 (the way older Windows programs save text), as these names are not in UTF-8 and the file does not say what they are in.",
        "card 4, “Renée €”",
        "imported 4 people from old-phone.vcf",
    ] {
        assert!(shown.contains(line), "{line}\n{said}");
    }
    // The declared one is read as it says, and not called a guess.
    assert!(!shown.contains("card 3, “Jürgen"), "{said}");
    assert!(!said.contains('\u{fffd}'), "{said}");
    let people: Vec<(String, Option<String>)> = env
        .plan()
        .contacts
        .iter()
        .map(|c| (c.name.clone(), c.phone.clone()))
        .collect();
    assert_eq!(
        people,
        [
            ("Asha Patel".into(), Some("0161 000 0001".into())),
            ("Reception".into(), Some("0161 000 0002".into())),
            ("Jürgen Müller".into(), Some("0161 000 0004".into())),
            ("Renée €".into(), Some("0161 000 0005".into())),
        ]
    );
}

/// A clock set back, as saves already handle it: `homework status`,
/// `start` and `submit` with the clock before the day the homework was
/// assigned said "9 days left" of a 7-day homework, and the hand-in was
/// dated before it was started. Now the clock is said to be behind in the
/// saves' words, no count of days is made from it (the JSON's `days_left`
/// is null), and the hand-in is dated no earlier than the start. More
/// check-ins than asked read as more, never "2 of 1 days".
#[test]
fn homework_with_the_clock_set_back_says_so_and_counts_nothing_impossible() {
    let env = Env::with_example();
    let homework = env.home().join("hw.toml");
    env.ok([
        "homework",
        "assign",
        "-o",
        homework.to_str().unwrap(),
        "--therapist",
        "Dr Patel",
        "--due",
        "2026-11-29",
        "--task",
        "check-in=1",
    ]);
    env.ok(["homework", "start", homework.to_str().unwrap()]);
    let behind = "2026-11-20T09:00:00Z";
    let said = env
        .test(["homework", "status"])
        .env("RELAPSE_PLAN_NOW", behind)
        .run();
    assert!(
        flat(&said.stderr).contains("Your computer's clock seems to be behind: it says today is 20 November 2026, but this homework was assigned on 22 November 2026. Days left are counted once the clock is right"),
        "{}",
        said.stderr
    );
    assert!(
        said.stdout.starts_with(
            "Homework from Dr Patel, set on 22 November 2026, due 29 November 2026:\n"
        ),
        "{}",
        said.stdout
    );
    assert!(!said.stdout.contains("left"), "{}", said.stdout);
    let json: serde_json::Value = serde_json::from_str(
        &env.test(["homework", "status", "--json"])
            .env("RELAPSE_PLAN_NOW", behind)
            .run()
            .stdout,
    )
    .unwrap();
    assert_eq!(json["days_left"], serde_json::Value::Null, "{json}");
    assert_eq!(json["clock_behind"], true, "{json}");
    // With the clock right, the count is back and nothing is said.
    let right = env.test(["homework", "status"]).run();
    assert!(right.stdout.contains("(7 days left)"), "{}", right.stdout);
    assert!(!right.stderr.contains("clock"), "{}", right.stderr);

    // Two days checked in for a task asking one: more, not "2 of 1".
    for day in ["2026-11-23T20:00:00Z", "2026-11-24T20:00:00Z"] {
        env.test(["check-in", "--urge", "2", "--acted", "no"])
            .env("RELAPSE_PLAN_NOW", day)
            .run();
    }
    let status = env
        .test(["homework", "status"])
        .env("RELAPSE_PLAN_NOW", "2026-11-25T09:00:00Z")
        .run()
        .stdout;
    assert!(
        flat(&status).contains("(2 days checked in since 22 November 2026, more than the 1 asked)"),
        "{status}"
    );
    assert!(!status.contains("2 of 1"), "{status}");

    // Handed in with the clock set back: dated no earlier than the start.
    let hand_in = env.home().join("hand-in.toml");
    let said = env
        .test([
            "homework",
            "submit",
            "-o",
            hand_in.to_str().unwrap(),
            "--yes",
        ])
        .env("RELAPSE_PLAN_NOW", behind)
        .run()
        .stderr;
    assert!(said.contains("clock seems to be behind"), "{said}");
    let text = fs::read_to_string(&hand_in).unwrap();
    assert!(
        text.contains("submitted_at = 2026-11-22T10:15:00Z"),
        "{text}"
    );
}

/// `check-in --note` kept escape sequences typed or pasted on the command
/// line (a clipboard write, a colour code) in the log, to reach a
/// therapist's screen in a hand-in. Now they are left out whole, as hidden
/// characters are from a typed name, and what was left out is said.
#[test]
fn a_check_in_note_keeps_no_escape_sequence_and_says_what_was_left_out() {
    let env = Env::with_example();
    let said = env
        .test([
            "check-in",
            "--urge",
            "3",
            "--acted",
            "no",
            "--note",
            "\u{1b}[31mQuiet\u{1b}[0m day\u{1b}]52;c;cm0gLXJmIH4=\u{7}, talked to Jo\u{202e}",
        ])
        .run()
        .stderr;
    assert!(
        flat(&said).contains("The note held characters that act on a terminal or do not show (copying from a terminal or a web page can bring them); they were left out, so it reads “Quiet day, talked to Jo”."),
        "{said}"
    );
    let log = fs::read_to_string(env.plan_dir().join("check-ins.toml")).unwrap();
    assert!(log.contains("Quiet day, talked to Jo"), "{log}");
    for bad in [
        "\\u001B", "\\u001b", "\\u0007", "\u{202e}", "\\u202E", "[31m", "52;c",
    ] {
        assert!(!log.contains(bad), "{bad:?} kept:\n{log}");
    }
    // A plain note is kept as typed, and nothing is said about it.
    let said = env
        .test([
            "check-in",
            "--urge",
            "2",
            "--acted",
            "no",
            "--note",
            "Walked home",
        ])
        .env("RELAPSE_PLAN_NOW", "2026-11-23T10:15:00Z")
        .run()
        .stderr;
    assert!(!said.contains("left out"), "{said}");
}

/// "n" at `contact import`'s "Add this person?" exited 0 while the README
/// says answering no exits 1: for a script, nothing was done that it asked
/// for, as with every other "no" (`Nothing was written.`). Now it exits 1,
/// says so plainly (no "error:"), and the plan is byte for byte as it was.
#[cfg(unix)]
#[test]
fn no_at_the_import_question_exits_1_and_changes_nothing() {
    let env = Env::new();
    env.ok(["init", "--name", "Sam"]);
    let file = vcard(&env, "phone.vcf", &[("Alex", "07700 900123")]);
    let before = env.snapshot_dir();
    let mut p = env
        .test(["contact", "import", file.to_str().unwrap()])
        .env("TERM", "xterm")
        .env("NO_COLOR", "1")
        .within(30)
        .status(1)
        .pty();
    p.exp_string("Add this person to your plan?").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(120));
    p.send("n\r").unwrap();
    p.flush().unwrap();
    let rest = p.eof();
    assert!(
        rest.contains("Nothing was added: your plan is as it was."),
        "{rest}"
    );
    assert!(!rest.contains("error:"), "{rest}");
    assert_eq!(before, env.snapshot_dir());
}

/// An emptied `revisions` folder (plan.toml there, the revision files
/// gone): `history` said "No revisions saved yet." of a plan at revision
/// 3, and `restore 1` said "the newest is 0". Now both say the history is
/// empty although the plan has a revision number, where the files were,
/// and that the plan itself is as it was.
#[test]
fn an_emptied_history_is_said_as_it_is() {
    let env = Env::with_example();
    let revisions = env.plan_dir().join("revisions");
    for entry in fs::read_dir(&revisions).unwrap() {
        fs::remove_file(entry.unwrap().path()).unwrap();
    }
    let plan_before = fs::read(env.plan_file()).unwrap();
    let history = flat(&env.ok(["history"]));
    assert!(
        history.contains(
            "Your plan is at revision 3, but its history is empty: the revision files in"
        ),
        "{history}"
    );
    assert!(!history.contains("No revisions saved yet"), "{history}");
    let err = flat(&env.fails(1, ["restore", "1"]));
    assert!(
        err.contains("there is no revision 1: your plan is at revision 3, but its history is empty, as the revision files in"),
        "{err}"
    );
    assert!(!err.contains("the newest is 0"), "{err}");
    assert_eq!(fs::read(env.plan_file()).unwrap(), plan_before);
}

/// A file nested past the TOML reader's limit reached the person as
/// "cannot recurse further; max recursion depth met": now it says, in
/// words, that lists or tables are nested far too deeply, naming the file
/// and the place, with the hint for its kind.
#[test]
fn a_file_nested_too_deeply_is_said_in_words() {
    let env = Env::with_example();
    let file = env.home().join("deep.toml");
    fs::write(
        &file,
        format!(
            "schema_version = 3\nrevision = 1\nname = \"x\"\nextra = {}{}\n",
            "[".repeat(300),
            "]".repeat(300)
        ),
    )
    .unwrap();
    let err = flat(&env.fails(1, ["validate", file.to_str().unwrap()]));
    assert!(
        err.contains("deep.toml` can't be read as a plan: line 4,"),
        "{err}"
    );
    assert!(
        err.contains("lists or tables are nested inside each other far too deeply here"),
        "{err}"
    );
    assert!(err.contains("hint:"), "{err}");
    assert!(!err.contains("recurs"), "{err}");
}

/// A hand-in dated in year 9999 or 0001 was shown without a word, and a
/// check-in far from this year read as this year's ("Mon 1 Jan"). Now the
/// review says the date looks wrong and why, and names the year of a day
/// that is not this year's.
#[test]
fn a_hand_in_dated_far_away_is_said_to_look_wrong() {
    let client = Env::with_example();
    client.ok([
        "homework",
        "start",
        examples().join("homework.toml").to_str().unwrap(),
    ]);
    client.ok(["check-in", "--urge", "3", "--acted", "no"]);
    let hand_in = client.home().join("hand-in.toml");
    client.ok([
        "homework",
        "submit",
        "-o",
        hand_in.to_str().unwrap(),
        "--yes",
    ]);
    let text = fs::read_to_string(&hand_in).unwrap();
    let therapist = Env::new();
    let review = flat(&therapist.ok(["review", hand_in.to_str().unwrap()]));
    assert!(!review.contains("looks wrong"), "{review}");
    assert!(review.contains("Sun 22 Nov:"), "{review}");
    for (when, why) in [
        ("9999-12-31T23:59:00Z", "it is still to come"),
        (
            "0001-01-01T00:00:00Z",
            "it is before the homework was assigned",
        ),
    ] {
        fs::write(
            &hand_in,
            text.replace(
                "submitted_at = 2026-11-22T10:15:00Z",
                &format!("submitted_at = {when}"),
            )
            .replace(
                "day = 2026-11-22\ntimes = [2026-11-22T10:15:00Z]",
                "day = 2025-11-22\ntimes = [2025-11-22T10:15:00Z]",
            ),
        )
        .unwrap();
        let review = flat(&therapist.ok(["review", hand_in.to_str().unwrap()]));
        assert!(
            review.contains(&format!("(this date looks wrong: {why}).")),
            "{review}"
        );
        // A check-in of another year says its year.
        assert!(review.contains("Sat 22 Nov 2025"), "{review}");
    }
}
