//! Found by an attacker on main (issue 12, guard12e): whose words are
//! whose, look-alike cards in one vCard file, homework with the clock set
//! back, and smaller boundary words. Every test here was seen failing on
//! the code before its fix.

use std::fmt::Write as _;
use std::fs;

use crate::Env;

fn examples() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples")
}

/// Text with every run of spaces and line breaks as one space, so a
/// sentence wrapped on screen is found whole.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
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
