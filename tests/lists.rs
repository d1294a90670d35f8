//! Issue 13 ("lists, numbers and keys a person can trust"): the columns of
//! a list line up whatever the script, the number shown is the number a
//! command takes, and a list shows her words and numbers, never ids.

use crate::Env;

/// The display column `needle` starts at in `line` (a CJK character
/// takes two).
fn column_of(line: &str, needle: &str) -> usize {
    let at = line
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} in {line:?}"));
    textwrap::core::display_width(&line[..at])
}

/// `practice` pads each situation by the columns it takes on screen, so
/// a Japanese or Hindi situation's chart starts where an English one's
/// does (padded by characters, the Japanese one ran 9 columns further).
#[test]
fn practice_lines_up_japanese_hindi_and_english_situations() {
    let env = Env::new();
    env.ok(["init", "--name", "Yui"]);
    env.ok(["coping", "add", "--name", "Walk", "--step", "Go out"]);
    for situation in ["給料日の金曜日", "दोस्तों के साथ शाम", "Payday"]
    {
        env.ok([
            "trigger",
            "add",
            "--situation",
            situation,
            "--coping",
            "walk",
        ]);
    }
    for n in ["1", "2", "3"] {
        env.ok(["rehearse", n, "--recalled", "some", "--confidence", "40"]);
    }
    let out = env.ok(["practice"]);
    let rows: Vec<&str> = out.lines().filter(|l| l.contains("40% → 40%")).collect();
    assert_eq!(rows.len(), 3, "{out}");
    let columns: Vec<usize> = rows.iter().map(|l| column_of(l, "40% →")).collect();
    assert!(
        columns.iter().all(|c| *c == columns[0]),
        "{columns:?}\n{out}"
    );
}

/// `contact list` and `coping list` show her words, each with the number
/// commands take, and no Id column (`tian-zhong` for 田中 花子 said
/// nothing to her); a trigger links them by that number or her words.
#[test]
fn contact_and_coping_lists_show_numbers_and_words_not_ids() {
    let env = Env::new();
    env.ok(["init", "--name", "Yui"]);
    env.ok([
        "coping",
        "add",
        "--name",
        "Walk outside",
        "--step",
        "Go out",
    ]);
    env.ok([
        "contact",
        "add",
        "--name",
        "田中 花子",
        "--phone",
        "+81 90 1234 5678",
    ]);
    env.ok([
        "contact",
        "add",
        "--name",
        "Ravi",
        "--phone",
        "+91 98765 43210",
    ]);
    let contacts = env.ok(["contact", "list"]);
    assert!(
        contacts.contains("1. 田中 花子") && contacts.contains("2. Ravi"),
        "{contacts}"
    );
    let coping = env.ok(["coping", "list"]);
    assert!(coping.contains("1. Walk outside"), "{coping}");
    for (list, id) in [
        (&contacts, "tian-zhong"),
        (&contacts, "ravi"),
        (&coping, "walk-outside"),
    ] {
        assert!(!list.contains(id) && !list.contains("Id"), "{list}");
    }
    // Linked by what the lists show: a number, her words in any case.
    env.ok([
        "trigger",
        "add",
        "Payday",
        "--coping",
        "1",
        "--contact",
        "2",
    ]);
    env.ok([
        "trigger",
        "add",
        "Evening",
        "--coping",
        "walk outside",
        "--contact",
        "田中",
    ]);
    let triggers = env.ok(["trigger", "list"]);
    assert!(
        triggers.contains("Call: Ravi") && triggers.contains("Call: 田中 花子"),
        "{triggers}"
    );
    assert_eq!(triggers.matches("Walk outside").count(), 2, "{triggers}");
    env.ok(["trigger", "edit", "payday", "--remove-contact", "2"]);
    assert!(!env.ok(["trigger", "list"]).contains("Ravi"));
}
