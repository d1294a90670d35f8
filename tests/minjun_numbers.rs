//! Fresh eyes round 6 (Min-jun, Korean, Seoul): what is typed into one
//! phone field is said at once when a phone could not dial it as one
//! number: two numbers in one field (never one link), a mobile number a
//! digit short; a word in brackets beside a number is a label, not
//! "letters that only look like digits".

use crate::Env;

fn read(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn minjuns_plan() -> Env {
    let env = Env::new();
    env.ok(["init", "--name", "민준", "--country", "KR"]);
    env
}

#[test]
fn two_numbers_in_one_field_are_said_and_never_one_link() {
    let env = minjuns_plan();
    let ran = env
        .test([
            "contact",
            "add",
            "--name",
            "엄마",
            "--phone",
            "010-1234-5678, 02-555-1234",
            "--role",
            "help",
        ])
        .run();
    let said = read(&ran.stderr);
    assert!(
        said.contains("엄마 · 010-1234-5678, 02-555-1234 (this holds two numbers, and a phone dials one: keep one here, and add the other as a contact of its own"),
        "{said}"
    );
    assert!(!said.contains("too long"), "{said}");
    let html = env.ok(["print", "--format", "html", "-o", "-"]);
    assert!(!html.contains("tel:01012345678"), "{html}");
    // The same when it is changed to two.
    env.ok([
        "contact",
        "add",
        "--name",
        "형",
        "--phone",
        "010-9876-5432",
        "--role",
        "help",
    ]);
    let ran = env
        .test([
            "contact",
            "edit",
            "2",
            "--phone",
            "010-9876-5432 / 010-1111-2222",
        ])
        .run();
    assert!(
        read(&ran.stderr).contains("this holds two numbers"),
        "{}",
        ran.stderr
    );
}

#[test]
fn a_korean_mobile_a_digit_short_is_said_gently() {
    let env = minjuns_plan();
    let ran = env
        .test([
            "contact",
            "add",
            "--name",
            "형",
            "--phone",
            "010-1234-567",
            "--role",
            "help",
        ])
        .run();
    assert!(
        read(&ran.stderr).contains("“010-1234-567” looks too short for a mobile number in South Korea (mobile numbers there have 10 digits after the 0 or +82): check it before you call."),
        "{}",
        ran.stderr
    );
    // A Seoul number of nine digits is no mobile, and right.
    let ran = env
        .test([
            "contact",
            "add",
            "--name",
            "회사",
            "--phone",
            "02-555-1234",
            "--role",
            "help",
        ])
        .run();
    assert!(!ran.stderr.contains("looks too"), "{}", ran.stderr);
}

#[test]
fn a_word_in_brackets_beside_a_number_is_a_label() {
    let env = minjuns_plan();
    let ran = env
        .test([
            "contact",
            "add",
            "--name",
            "누나",
            "--phone",
            "010-1234-5678 (집)",
            "--role",
            "help",
        ])
        .run();
    assert!(!ran.stderr.contains("look like digits"), "{}", ran.stderr);
    assert_eq!(
        env.plan().contacts[0].phone.as_deref(),
        Some("010-1234-5678 (집)")
    );
    let html = env.ok(["print", "--format", "html", "-o", "-"]);
    assert!(
        html.contains("href=\"tel:01012345678\">010-1234-5678 (집)</a>"),
        "{html}"
    );
}
