//! Issue #12, a wrong number in a crisis (Trudy): a file never slips a
//! wrong number in under the name of a crisis line. A card named like one
//! of the country's lines, her own lines, or a word such as "Emergency" or
//! "Police", with a number that is not the line's checked number, is held
//! back and said; with the checked number it is the line, already shown.

use std::fmt::Write as _;
use std::fs;

use crate::Env;

/// One vCard per (name, number).
fn cards(people: &[(&str, &str)]) -> String {
    let mut file = String::new();
    for (name, tel) in people {
        write!(
            file,
            "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{name}\r\nTEL:{tel}\r\nEND:VCARD\r\n"
        )
        .unwrap();
    }
    file
}

/// Her plan in New Zealand, with a line of her own.
fn her_plan() -> Env {
    let env = Env::new();
    env.ok(["init", "--name", "Aroha", "--country", "NZ"]);
    env.ok([
        "set",
        "--own-line",
        "Kia Kaha Line",
        "--call",
        "0800 222 333",
    ]);
    env
}

const HELD: &str = "named like a crisis line, but its number is not the line's checked number";

/// "Emergency · 1900 666 666", "Lifeline Aotearoa · 0900 123 456",
/// "Police · 1900 555 555" and her own line's name with another number are
/// held back and said; the friend in the same file comes in, and `now`
/// never shows the wrong numbers.
#[test]
fn a_card_named_like_a_crisis_line_with_another_number_is_held_back() {
    let env = her_plan();
    let file = env.home().join("phone.vcf");
    fs::write(
        &file,
        cards(&[
            ("Emergency", "1900 666 666"),
            ("Lifeline Aotearoa", "0900 123 456"),
            ("Police", "1900 555 555"),
            ("Kia Kaha Line", "0900 444 555"),
            ("Mere Tane", "021 555 1234"),
        ]),
    )
    .unwrap();
    let out = env
        .test(["contact", "import", file.to_str().unwrap(), "--yes"])
        .run();
    let err = &out.stderr;
    assert!(err.contains(HELD), "{err}");
    for shown in [
        "Emergency · 1900 666 666",
        "Lifeline Aotearoa · 0900 123 456",
        "Police · 1900 555 555",
        "Kia Kaha Line · 0900 444 555",
    ] {
        assert!(err.contains(shown), "{shown}: {err}");
    }
    let now = env.ok(["now"]);
    for wrong in [
        "1900 666 666",
        "0900 123 456",
        "1900 555 555",
        "0900 444 555",
    ] {
        assert!(!now.contains(wrong), "{wrong}: {now}");
    }
    assert!(now.contains("Mere Tane"), "{now}");
    let names: Vec<String> = env.plan().contacts.iter().map(|c| c.name.clone()).collect();
    assert_eq!(names, ["Mere Tane"]);
}

/// A file of nothing but such cards adds no one, and fails as a file of
/// cards that can't be kept does.
#[test]
fn a_file_of_only_wrong_crisis_numbers_adds_no_one_and_fails() {
    let env = her_plan();
    let file = env.home().join("lines.vcf");
    fs::write(&file, cards(&[("Emergency", "1900 666 666")])).unwrap();
    let err = env.fails(1, ["contact", "import", file.to_str().unwrap(), "--yes"]);
    assert!(err.contains(HELD), "{err}");
    assert!(err.contains("nothing was added"), "{err}");
    assert!(env.plan().contacts.is_empty());
}

/// With the checked number the card is the line itself: said, not added.
#[test]
fn a_card_with_the_lines_checked_number_is_said_to_be_the_line() {
    let env = her_plan();
    let file = env.home().join("lines.vcf");
    fs::write(
        &file,
        cards(&[("Emergency", "111"), ("Lifeline Aotearoa", "0800 543 354")]),
    )
    .unwrap();
    let out = env
        .test(["contact", "import", file.to_str().unwrap(), "--yes"])
        .run();
    let err = &out.stderr;
    assert!(
        err.contains("Already in your plan as a crisis line"),
        "{err}"
    );
    assert!(
        err.contains("Emergency · 111: your country's emergency number"),
        "{err}"
    );
    assert!(
        err.contains("Lifeline Aotearoa · 0800 543 354: the crisis line “Lifeline Aotearoa”"),
        "{err}"
    );
    assert!(!err.contains(HELD), "{err}");
    assert!(env.plan().contacts.is_empty());
}
