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

/// Thai writes a number straight after a word: "โทรหาพี่ชาย๐๘๑ ๒๓๔ ๕๖๗๘"
/// was linked as tel:2345678, a number missing its first group, and could
/// be split across lines.
#[test]
fn a_number_straight_after_thai_words_is_linked_whole() {
    let env = niran();
    env.ok(["step", "add", "โทรหาพี่ชาย๐๘๑ ๒๓๔ ๕๖๗๘ทันที"]);
    let html = env.ok(["print", "--format", "html", "-o", "-"]);
    assert!(html.contains("href=\"tel:0812345678\""), "{html}");
    assert!(!html.contains("tel:2345678"), "{html}");
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

/// Thai words Niran wrote; every line break must fall between two of them.
const WORDS: [&str; 22] = [
    "ผม",
    "สร้าง",
    "ไว้",
    "จาก",
    "การ",
    "เล่น",
    "พนัน",
    "ไม่",
    "ไล่",
    "ตาม",
    "เงิน",
    "ที่",
    "เสีย",
    "ไป",
    "โทร",
    "หา",
    "พี่",
    "ชาย",
    "แล้ว",
    "ใจ",
    "เย็น",
    "ลง",
];

/// His crisis step as Thai is written: no space between words, and here
/// none between sentences either, so a line has to break inside the run.
fn long_step() -> String {
    "ผมสร้างไว้จากการเล่นพนันไม่ไล่ตามเงินที่เสียไปโทรหาพี่ชายแล้วใจเย็นลง".repeat(4)
}

/// Whether `text` is some of [`WORDS`] one after another.
fn whole_words(text: &str) -> bool {
    let mut ends = vec![false; text.len() + 1];
    ends[0] = true;
    for at in 0..text.len() {
        if ends[at] && text.is_char_boundary(at) {
            for word in WORDS {
                if text[at..].starts_with(word) {
                    ends[at + word.len()] = true;
                }
            }
        }
    }
    ends[text.len()]
}

/// Every run of Thai letters on every line of `shown` is whole words, and
/// no line ends on a leading vowel (เ แ โ ใ ไ); at least `wrapped` lines
/// hold his words.
#[track_caller]
fn thai_lines_whole(shown: &str, wrapped: usize, what: &str) {
    let thai = |c: char| ('\u{e01}'..='\u{e5b}').contains(&c);
    let mut lines = 0;
    for line in shown.lines() {
        let line = line.trim_end_matches(|c: char| c.is_whitespace() || c == '…');
        if !line.chars().any(thai) {
            continue;
        }
        lines += 1;
        assert!(
            !line.ends_with(['เ', 'แ', 'โ', 'ใ', 'ไ']),
            "{what}: {line:?} ends on a leading vowel\n{shown}"
        );
        for run in line.split(|c: char| !thai(c)).filter(|r| !r.is_empty()) {
            assert!(
                whole_words(run),
                "{what}: {run:?} is broken inside a word\n{shown}"
            );
        }
    }
    assert!(lines >= wrapped, "{what}: {lines} lines of Thai\n{shown}");
}

/// Before: "ผมสร้างไว้จากการเล่นพนัน…" had no place to break, so it was
/// split wherever the line ran out ("ไม่ไล่ตามเงินที่เ" / "สียไป").
#[test]
fn thai_lines_break_between_words_on_screen_and_on_paper() {
    let env = Env::new();
    env.ok(["init", "--name", "Niran"]);
    env.ok(["step", "add", &long_step()]);
    let shown = env.test(["show"]).env("COLUMNS", "50").run().stdout;
    thai_lines_whole(&shown, 4, "show at 50 columns");

    let pdf = env.home().join("plan.pdf");
    env.ok(["print", "-o", pdf.to_str().unwrap()]);
    thai_lines_whole(&crate::pdftotext(&pdf), 2, "the plan's PDF");

    let card = env.home().join("card.pdf");
    env.ok(["print", "--card", "-o", card.to_str().unwrap()]);
    thai_lines_whole(&crate::pdftotext(&card), 1, "the card");
}

/// Before: "5 ธ.ค. 2569" and "พรุ่งนี้" were no date, and "5/12/2569" was
/// read as the year 2569 even with the plan's country Thailand. Now Thai
/// dates are read and said back in words; 5/12/2569 is 5 December 2026 in
/// a Thai plan, and elsewhere is still asked about kindly.
#[test]
fn thai_dates_are_read_and_said_back() {
    let env = Env::new();
    env.ok(["init", "--name", "Niran"]);
    // The fixed clock is Sunday 22 November 2026.
    for (typed, stored, said) in [
        ("5 ธ.ค. 2569", "2026-12-05", "5 December 2026"),
        ("6 ธันวาคม 2026", "2026-12-06", "6 December 2026"),
        ("พรุ่งนี้", "2026-11-23", "23 November 2026"),
        ("มะรืนนี้", "2026-11-24", "24 November 2026"),
        ("วันศุกร์หน้า", "2026-11-27", "27 November 2026"),
        ("อาทิตย์หน้า", "2026-11-29", "29 November 2026"),
    ] {
        let out = env.test(["set", "--next-review", typed]).case(typed).run();
        assert_eq!(
            env.plan().review.next.unwrap().to_string(),
            stored,
            "{typed}"
        );
        let shown = format!("{}{}", out.stdout, out.stderr);
        assert!(shown.contains(said), "{typed}: {shown}");
    }
    let elsewhere = env
        .test(["set", "--next-review", "5/12/2569"])
        .env("LANG", "en_GB.UTF-8")
        .status(2)
        .run()
        .stderr;
    assert!(
        elsewhere.contains("5 December 2569 is centuries away") && elsewhere.contains("Buddhist"),
        "{elsewhere}"
    );
    env.ok(["set", "--country", "TH"]);
    env.test(["set", "--next-review", "5/12/2569"]).run();
    assert_eq!(env.plan().review.next.unwrap().to_string(), "2026-12-05");
}
