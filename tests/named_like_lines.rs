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

/// Her plan with Dermot Byrne marked not to involve.
fn dermot() -> Env {
    let env = Env::new();
    env.ok(["init", "--name", "Aroha", "--country", "NZ"]);
    env.ok([
        "contact",
        "add",
        "--name",
        "Dermot Byrne",
        "--phone",
        "021 555 0177",
        "--do-not-involve",
    ]);
    env
}

/// `contact remove byrne` (one word of his name) deleted him at once;
/// without a terminal it now refuses, naming him in full and giving the
/// command with his number in the list. His whole name still removes him.
#[test]
fn one_word_of_a_name_never_removes_or_changes_someone_without_a_terminal() {
    let env = dermot();
    let err = env.fails(2, ["contact", "remove", "byrne"]);
    let said = err.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        said.contains(
            "“byrne” found “Dermot Byrne” by one word of the name, so nothing was changed"
        ),
        "{err}"
    );
    assert!(said.contains("`relapse-plan contact remove 1`"), "{err}");
    let err = env.fails(2, ["contact", "edit", "Byrne", "--role", "help"]);
    assert!(err.contains("`relapse-plan contact edit 1 …`"), "{err}");
    let plan = env.plan();
    assert_eq!(plan.contacts.len(), 1);
    assert_eq!(
        plan.contacts[0].role,
        relapse_plan::plan::Role::DoNotInvolve
    );
    env.ok(["contact", "remove", "Dermot Byrne"]);
    assert!(env.plan().contacts.is_empty());
}

/// Imports `file` (bytes written here) into `env`'s plan with `--yes`,
/// ending with `status` (1 when no one is added); the file is read, never
/// changed: its bytes are the same after.
fn import_unchanged(env: &Env, (name, file): (&str, &str), status: i32) -> crate::Ran {
    let path = env.home().join(name);
    fs::write(&path, file).unwrap();
    let out = env
        .test(["contact", "import", path.to_str().unwrap(), "--yes"])
        .status(status)
        .run();
    assert_eq!(fs::read(&path).unwrap(), file.as_bytes(), "{name} changed");
    out
}

/// Trudy (issue #12): Irish cards with the real checked numbers, as
/// phones store them, were held back "named like a crisis line, but its
/// number is not the line's checked number". Each is now said to be the
/// line; only the ones with other numbers (a "Garda" card among them,
/// which came in as a friend) are held back, and no one is added.
#[test]
fn irish_cards_with_the_real_numbers_are_the_lines_never_wrong_numbers() {
    let env = Env::new();
    env.ok(["init", "--name", "Aoife", "--country", "IE"]);
    let file = cards(&[
        ("Samaritans", "116 123"),
        ("Samaritans Ireland", "+353 116 123"),
        ("Pieta", "1800 247 247"),
        ("Pieta House", "+353 1800 247 247"),
        ("Pieta helpline", "1800-247-247"),
        ("Emergency", "112"),
        ("Emergency services", "999"),
        ("Emergency (mobile)", "+353 112"),
        ("Garda", "999"),
        ("Gardaí", "1800 666 111"),
        ("An Garda Síochána", "01 666 0000"),
        ("Pieta", "1800 247 248"),
    ]);
    let out = import_unchanged(&env, ("aoife.vcf", &file), 1);
    let err = &out.stderr;
    for line in [
        "Samaritans · 116 123: the crisis line “Samaritans”",
        "Samaritans Ireland · +353 116 123: the crisis line “Samaritans”",
        "Pieta · 1800 247 247: the crisis line “Pieta”",
        "Pieta House · +353 1800 247 247: the crisis line “Pieta”",
        "Pieta helpline · 1800-247-247: the crisis line “Pieta”",
        "Emergency · 112: your country's emergency number",
        "Emergency services · 999: your country's emergency number",
        "Emergency (mobile) · +353 112: your country's emergency number",
        "Garda · 999: your country's emergency number",
    ] {
        assert!(err.contains(line), "{line}: {err}");
    }
    let (_, held) = err.split_once(HELD).expect(err);
    for shown in [
        "card 10, Gardaí · 1800 666 111",
        "card 11, An Garda Síochána · 01 666 0000",
        "card 12, Pieta · 1800 247 248 (checked: “Pieta”: 1800 247 247)",
    ] {
        assert!(held.contains(shown), "{shown}: {err}");
    }
    for real in ["1800 247 247\n", "116 123", "· 112", "· 999"] {
        assert!(!held.contains(real), "{real} held back: {err}");
    }
    assert!(env.plan().contacts.is_empty());
}

/// Niran in Bangkok: no line is built in for Thailand, so a card named
/// "Lifeline" had no checked line to be compared with, and the message
/// spoke of "the line's checked number" all the same. It now says there
/// is nothing to check it against, and what she can do: keep a number she
/// knows is right as her own line or emergency number, or add a person.
#[test]
fn in_thailand_a_card_named_like_a_line_says_what_to_do_with_no_line_to_check() {
    let env = Env::new();
    env.ok(["init", "--name", "Niran", "--country", "TH"]);
    let file = cards(&[
        ("Lifeline", "1323"),
        ("ตำรวจ", "191"),
        ("Somchai", "081 234 5678"),
    ]);
    let out = import_unchanged(&env, ("niran.vcf", &file), 0);
    let err = out.stderr.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        err.contains(
            "Held back: each is named like a crisis line or an emergency service, and your plan has no checked line for Thailand to compare its number with (none is built in yet)."
        ),
        "{err}"
    );
    for said in [
        "`relapse-plan set --own-line NAME --call NUMBER --source WHERE` for a line",
        "`relapse-plan set --emergency-number NUMBER` for the emergency number",
        "`relapse-plan contact add --name NAME --phone NUMBER` adds them",
        "card 1, Lifeline · 1323",
        "card 2, ตำรวจ · 191",
    ] {
        assert!(err.contains(said), "{said}: {err}");
    }
    assert!(!err.contains("the line's checked number"), "{err}");
    let names: Vec<String> = env.plan().contacts.iter().map(|c| c.name.clone()).collect();
    assert_eq!(names, ["Somchai"]);
    // With no country, it says how to set one.
    let env = Env::new();
    env.ok(["init", "--name", "Niran"]);
    let file = cards(&[("Lifeline", "1323")]);
    let out = import_unchanged(&env, ("lines.vcf", &file), 1);
    let err = out.stderr.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        err.contains("your plan has no country, so no checked line to compare its number with (`relapse-plan set --country CC` sets one)"),
        "{err}"
    );
}

/// Words as one line, however they were wrapped.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Trudy (issue #12): `set --own-line NAME` with a name she has could not
/// change only where she found the number: it asked for the number again.
/// `--source` alone now changes just that, said back, and `history` names
/// it; the number stays as it was.
#[test]
fn her_own_lines_source_changes_alone() {
    let env = her_plan();
    env.ok([
        "set",
        "--own-line",
        "Kia Kaha Line",
        "--call",
        "0800 222 333",
        "--source",
        "a leaflet",
    ]);
    let said = flat(
        &env.test([
            "set",
            "--own-line",
            "kia kaha LINE",
            "--source",
            "their website, 2026",
        ])
        .run()
        .stderr,
    );
    assert!(
        said.contains(
            "changed where you found your own line “Kia Kaha Line”: “a leaflet” → “their website, 2026”"
        ),
        "{said}"
    );
    assert!(!said.contains("0800 222 333 → call"), "{said}");
    let line = &env.plan().own_lines.lines[0];
    assert_eq!(line.name, "Kia Kaha Line");
    assert_eq!(line.call.as_deref(), Some("0800 222 333"));
    assert_eq!(line.source.as_deref(), Some("their website, 2026"));
    let history = flat(&env.ok(["history", "--plain"]));
    assert!(
        history.contains(
            "changed where you found your own line \"Kia Kaha Line\": \"a leaflet\" → \"their website, 2026\""
        ),
        "{history}"
    );
    assert!(
        flat(&env.ok(["lines"]))
            .contains("Kia Kaha Line: call 0800 222 333 (from their website, 2026)"),
        "{}",
        env.ok(["lines"])
    );
    // A number and a source together: both said.
    let said = flat(
        &env.test([
            "set",
            "--own-line",
            "Kia Kaha Line",
            "--call",
            "0800 222 444",
            "--source",
            "my counsellor",
        ])
        .run()
        .stderr,
    );
    assert!(
        said.contains("changed your own line “Kia Kaha Line”: call 0800 222 333 → call 0800 222 444; where you found it: “their website, 2026” → “my counsellor”"),
        "{said}"
    );
    // A source for a line she does not have changes nothing, and says how
    // to add one.
    let before = env.snapshot_dir();
    let said = flat(&env.fails(
        1,
        ["set", "--own-line", "Other Line", "--source", "a friend"],
    ));
    assert!(
        said.contains("there is no line of your own called “Other Line” yet"),
        "{said}"
    );
    assert!(
        said.contains("`relapse-plan set --own-line NAME --call NUMBER --source WHERE`"),
        "{said}"
    );
    assert_eq!(env.snapshot_dir(), before);
}

#[cfg(unix)]
mod at_a_terminal {
    use super::dermot;
    use crate::keys::Tmux;
    use crate::resumed::asked;
    use relapse_plan::plan::Role;

    /// At a terminal, one word asks first, naming him in full; Enter is No.
    #[test]
    fn one_word_asks_naming_them_in_full_and_enter_keeps_them() {
        let env = dermot();
        let t = Tmux::start(&env, &["contact", "remove", "byrne"], 100);
        asked(&t, "Remove “Dermot Byrne” (1 in your list)? (y/N)");
        t.keys(&["Enter"]);
        t.wait_until_ended();
        assert_eq!(env.plan().contacts.len(), 1);
    }

    /// Making someone marked "do not involve" a helper is asked about,
    /// even by their number; Enter keeps them as they were, "y" changes.
    #[test]
    fn a_change_away_from_do_not_involve_is_asked_about() {
        let env = dermot();
        let t = Tmux::start(&env, &["contact", "edit", "1", "--role", "help"], 100);
        asked(&t, "You marked “Dermot Byrne” not to involve.");
        t.keys(&["Enter"]);
        t.wait_until_ended();
        assert_eq!(env.plan().contacts[0].role, Role::DoNotInvolve);
        let t = Tmux::start(&env, &["contact", "edit", "1", "--role", "help"], 100);
        asked(&t, "(y/N)");
        t.keys(&["y", "Enter"]);
        t.wait_until_ended();
        assert_eq!(env.plan().contacts[0].role, Role::Help);
    }
}

/// Cards named like a crisis line in look-alike letters came in as people
/// to call: "P0lice" (a zero for the O), "Polıce" (a dotless ı),
/// "Émergency" (E then a combining accent), each on any number. They are
/// now held back as the names they look like; Paul 0'Neil and Polissena,
/// real names, still come in. The file is read, never changed.
#[test]
fn a_crisis_name_in_look_alike_letters_is_held_back_and_real_names_come_in() {
    let env = her_plan();
    let file = cards(&[
        ("P0lice", "1900 555 555"),
        ("Pol\u{131}ce", "1900 555 556"),
        ("E\u{301}mergency", "1900 666 666"),
        ("Paul 0'Neil", "021 555 0101"),
        ("Polissena", "021 555 0102"),
    ]);
    let out = import_unchanged(&env, ("hostile.vcf", &file), 0);
    let err = &out.stderr;
    let (_, held) = err.split_once(HELD).expect(err);
    for shown in [
        "P0lice · 1900 555 555",
        "Pol\u{131}ce · 1900 555 556",
        "E\u{301}mergency · 1900 666 666",
    ] {
        assert!(held.contains(shown), "{shown}: {err}");
    }
    let names: Vec<String> = env.plan().contacts.into_iter().map(|c| c.name).collect();
    assert_eq!(names, ["Paul 0'Neil", "Polissena"], "{err}");
    let now = env.ok(["now"]);
    for wrong in ["1900 555 555", "1900 555 556", "1900 666 666"] {
        assert!(!now.contains(wrong), "{wrong}: {now}");
    }
}
