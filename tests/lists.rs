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

/// A trigger's number is the order she added it, on every list and in
/// every command: re-rating moves it up the riskiest-first list but not
/// to another number, so the "1" she read before is still the trigger
/// `rehearse 1` logs after (it used to be the riskiest, and changed).
#[test]
fn a_trigger_keeps_its_number_when_the_order_changes() {
    let env = Env::new();
    env.ok(["init", "--name", "Asha"]);
    env.ok(["coping", "add", "--name", "टहलना", "--step", "बाहर जाना"]);
    for situation in ["वेतन का दिन", "अकेली शाम", "दोस्तों की पार्टी"]
    {
        env.ok(["trigger", "add", situation, "--coping", "1"]);
    }
    let before = env.ok(["rehearse", "--list"]);
    assert!(before.contains("1. वेतन का दिन"), "{before}");
    // The third becomes the riskiest: listed first, still number 3.
    env.ok([
        "trigger",
        "edit",
        "3",
        "--likelihood",
        "5",
        "--intensity",
        "5",
        "--confidence",
        "0",
    ]);
    for list in [env.ok(["trigger", "list"]), env.ok(["rehearse", "--list"])] {
        let third = list
            .find("3. दोस्तों की पार्टी")
            .unwrap_or_else(|| panic!("{list}"));
        let first = list
            .find("1. वेतन का दिन")
            .unwrap_or_else(|| panic!("{list}"));
        assert!(third < first, "riskiest listed first:\n{list}");
        assert!(list.contains("keeps its number"), "{list}");
    }
    let logged = env
        .test(["rehearse", "1", "--recalled", "some", "--confidence", "40"])
        .run();
    let said = String::from_utf8_lossy(&logged.err_bytes).into_owned()
        + &String::from_utf8_lossy(&logged.bytes);
    assert!(
        said.contains("Logged a rehearsal of “वेतन का दिन”"),
        "{said}"
    );
}

/// Removing a trigger is the one thing that moves numbers, and it says so.
#[test]
fn removing_a_trigger_says_the_numbers_after_it_moved() {
    let env = Env::new();
    env.ok(["init", "--name", "Asha"]);
    for situation in ["Payday", "Evening", "Party"] {
        env.ok(["trigger", "add", situation]);
    }
    let ran = env.test(["trigger", "remove", "1"]).run();
    let said =
        String::from_utf8_lossy(&ran.err_bytes).into_owned() + &String::from_utf8_lossy(&ran.bytes);
    assert!(
        said.replace('\n', " ").contains("now one number lower"),
        "{said}"
    );
    let list = env.ok(["trigger", "list"]);
    assert!(
        list.contains("1. Evening") && list.contains("2. Party"),
        "{list}"
    );
}

/// A crisis step that names someone she marked "do not involve" is kept
/// as she wrote it, but on `now` and the card it carries a calm mark (on
/// the card, on the line under it), so
/// in a hard moment it never reads as someone to call.
#[test]
fn now_and_the_card_mark_a_step_naming_someone_not_to_involve() {
    let env = Env::new();
    env.ok(["init", "--name", "Yui", "--country", "JP"]);
    env.ok([
        "contact",
        "add",
        "--name",
        "田中",
        "--phone",
        "+81 90 1234 5678",
        "--do-not-involve",
    ]);
    env.ok([
        "contact",
        "add",
        "--name",
        "Ravi",
        "--phone",
        "+91 98765 43210",
    ]);
    env.ok(["step", "add", "田中に電話して来てもらう"]);
    env.ok(["step", "add", "Call Ravi"]);
    let now = env.ok(["now"]);
    let step = now
        .find("田中に電話して来てもらう")
        .expect("the step, as written");
    let mark = now
        .find("(you said not to involve 田中)")
        .unwrap_or_else(|| panic!("{now}"));
    assert!(
        step < mark && mark < now.find("Call Ravi").unwrap(),
        "{now}"
    );
    assert_eq!(now.matches("not to involve").count(), 1, "{now}");
    // On the card the mark is a line of its own under the step (run on
    // beside it, it split an Arabic step's lines: Layla, Cairo).
    let card = env.ok(["print", "--card"]);
    let lines: Vec<&str> = card.lines().map(str::trim).collect();
    let at = lines
        .iter()
        .position(|l| l.ends_with("田中に電話して来てもらう"))
        .unwrap_or_else(|| panic!("{card}"));
    assert_eq!(lines[at + 1], "(you said not to involve 田中)", "{card}");
}
