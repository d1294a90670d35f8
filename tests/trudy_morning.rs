//! Found by an attacker (Trudy) on main one morning (issue 12, trust12g):
//! people dropped from a vCard for sharing a number, and other harms. Every
//! test here was seen failing on the code before its fix.

use crate::one_line as flat;
use std::fmt::Write as _;
use std::fs;

use crate::Env;

/// Mum and Dad share the home landline; Dad has his own mobile too. Both
/// come in, Dad with his own mobile, and the words say so: he was once
/// dropped as "in the file more than once, so added once".
#[test]
fn two_people_sharing_a_home_number_both_come_in() {
    let env = Env::new();
    env.ok(["init", "--name", "Sam"]);
    let file = env.home().join("home.vcf");
    fs::write(
        &file,
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Mum\r\nTEL;TYPE=HOME:+64 9 555 0100\r\nEND:VCARD\r\n\
         BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Dad\r\nTEL;TYPE=HOME:+64 9 555 0100\r\nTEL;TYPE=CELL:+64 21 555 0199\r\nEND:VCARD\r\n",
    )
    .unwrap();
    let ran = env
        .test([
            "contact",
            "import",
            file.to_str().unwrap(),
            "--role",
            "help",
            "--yes",
        ])
        .run();
    let err = flat(&ran.stderr);
    assert!(!err.contains("more than once"), "{err}");
    assert!(
        err.contains("Dad · +64 21 555 0199 (not +64 9 555 0100, which is someone else's too)"),
        "{err}"
    );
    let plan = env.plan();
    let people: Vec<(&str, Option<&str>)> = plan
        .contacts
        .iter()
        .map(|c| (c.name.as_str(), c.phone.as_deref()))
        .collect();
    assert_eq!(
        people,
        [
            ("Mum", Some("+64 9 555 0100")),
            ("Dad", Some("+64 21 555 0199"))
        ]
    );

    // Someone new on the number of someone already in the plan is a
    // person of their own, not "already in your plan".
    fs::write(
        &file,
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Nan\r\nTEL;TYPE=HOME:+64 9 555 0100\r\nEND:VCARD\r\n",
    )
    .unwrap();
    let ran = env
        .test(["contact", "import", file.to_str().unwrap(), "--yes"])
        .stderr_lacks("Already in your plan")
        .run();
    assert!(
        flat(&ran.stderr).contains("Nan · +64 9 555 0100"),
        "{}",
        ran.stderr
    );
    assert_eq!(env.plan().contacts.len(), 3);
}

/// 499 people on one number are 499 people, not one.
#[test]
fn many_names_on_one_number_are_many_people() {
    let env = Env::new();
    env.ok(["init", "--name", "Sam"]);
    let file = env.home().join("many.vcf");
    let mut text = String::new();
    for i in 0..499 {
        write!(
            text,
            "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:P{i}\r\nTEL:+64 9 555 0100\r\nEND:VCARD\r\n"
        )
        .unwrap();
    }
    fs::write(&file, text).unwrap();
    let ran = env
        .test(["contact", "import", file.to_str().unwrap(), "--yes"])
        .within(30)
        .run();
    assert!(!ran.stderr.contains("more than once"), "{}", ran.stderr);
    assert_eq!(env.plan().contacts.len(), 499);
}

/// A number mixing Latin and Arabic-Indic digits (`٠` looks like a dot) is
/// flagged, named for what it is: two kinds of digits (guard12h; it was
/// said to hold "characters that only look like digits", which it does
/// not).
#[test]
fn a_number_mixing_digit_scripts_is_flagged() {
    let env = Env::new();
    env.ok(["init", "--name", "Sam"]);
    let file = env.home().join("mixed.vcf");
    fs::write(
        &file,
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Kim\r\nTEL:+64 21 555 0\u{661}\u{660}\u{669}\r\nEND:VCARD\r\n",
    )
    .unwrap();
    let ran = env
        .test(["contact", "import", file.to_str().unwrap(), "--yes"])
        .run();
    assert!(
        flat(&crate::unmarked(&ran.stderr)).contains(
            "Kim: its number `+64 21 555 0\u{661}\u{660}\u{669}` mixes two kinds of digits"
        ),
        "{}",
        ran.stderr
    );
}

/// `--other-sign` and `rehearse --response` are kept as `--note` is: an
/// escape sequence (here one that would set the clipboard) is left out
/// before it is stored, and said; they were once stored raw, and so reached
/// the hand-in.
#[test]
fn every_free_text_flag_leaves_escapes_out_and_says_so() {
    let env = Env::with_example();
    let ran = env
        .test([
            "check-in",
            "--urge",
            "3",
            "--other-sign",
            "s\u{1b}]52;c;aGk=\u{7}ign",
        ])
        .run();
    assert!(
        flat(&ran.stderr).contains("The sign held characters that act on a terminal or do not show (copying from a terminal or a web page can bring them); they were left out, so it reads “sign”."),
        "{}",
        ran.stderr
    );
    let log = fs::read_to_string(env.plan_dir().join("check-ins.toml")).unwrap();
    assert!(
        !log.contains('\u{1b}') && !log.contains("\\u001B") && !log.contains("\\e"),
        "{log}"
    );
    assert!(log.contains("\"sign\""), "{log}");

    let ran = env
        .test([
            "rehearse",
            "payday",
            "--recalled",
            "all",
            "--confidence",
            "80",
            "--response",
            "call \u{1b}]52;c;aGk=\u{7} alex",
        ])
        .run();
    assert!(
        flat(&ran.stderr)
            .contains("The response held characters that act on a terminal or do not show"),
        "{}",
        ran.stderr
    );
    let log = fs::read_to_string(env.plan_dir().join("practice.toml")).unwrap();
    assert!(
        !log.contains('\u{1b}') && !log.contains("\\u001B") && !log.contains("aGk="),
        "{log}"
    );
    assert!(
        log.contains("call  alex") || log.contains("call alex"),
        "{log}"
    );
}
