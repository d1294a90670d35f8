//! Issue 13, fresh eyes (Niran in Bangkok, gambling, at 50 columns): his
//! brother's number typed in Thai digits dials, so it is on the card, the
//! lock screen and the HTML's `tel:` link, and is not flagged as
//! look-alikes; his Thai words break between words, never inside one.

use crate::Env;

/// Niran's brother's number, as his Thai keyboard types it.
const THAI_NUMBER: &str = "๐๘๑ ๒๓๔ ๕๖๗๘";

/// A plan for Niran with his brother, whose number is in Thai digits.
fn niran() -> Env {
    let env = Env::new();
    env.ok(["init", "--name", "นิรันดร์"]);
    env.ok(["step", "add", "โทรหาพี่ชาย"]);
    env.test([
        "contact",
        "add",
        "--name",
        "พี่ชาย",
        "--role",
        "help",
        "--phone",
        THAI_NUMBER,
    ])
    .stderr_lacks("only look like digits")
    .run();
    env
}

/// Before: "(this number holds letters or characters that only look like
/// digits: check it before you call)" in `contact list`, "left off: พี่ชาย
/// (no phone number to call)" from `print --card`, and no `tel:` link.
#[test]
fn a_number_in_thai_digits_is_trusted_carried_and_linked() {
    let env = niran();
    let list = env.ok(["contact", "list"]);
    assert!(list.contains(THAI_NUMBER), "{list}");
    assert!(!list.contains("only look like digits"), "{list}");
    assert!(!list.contains("check it before you call"), "{list}");

    let pdf = env.home().join("card.pdf");
    env.test(["print", "--card", "-o", pdf.to_str().unwrap()])
        .stderr_lacks("no phone number to call")
        .run();
    let text = crate::pdftotext(&pdf);
    assert!(text.contains(THAI_NUMBER), "{text}");

    let png = env.home().join("lock.png");
    env.test(["print", "--card", "-o", png.to_str().unwrap()])
        .stderr_lacks("no phone number to call")
        .run();

    let html = env.ok(["print", "--format", "html", "-o", "-"]);
    assert!(
        html.contains(&format!("href=\"tel:0812345678\">{THAI_NUMBER}</a>")),
        "{html}"
    );
}

/// Two kinds of digits in one number are still named for what they are.
#[test]
fn thai_and_latin_digits_in_one_number_are_still_named() {
    let env = niran();
    let said = env
        .test([
            "contact",
            "add",
            "--name",
            "Lek",
            "--role",
            "help",
            "--phone",
            "081 234 ๕๖๗๘",
        ])
        .run()
        .stderr;
    assert!(said.contains("mixes two kinds of digits"), "{said}");
}
