//! Issues 12 and 13 (people17): people, numbers and files from others.
//! A vCard is never allowed to choose her emergency number or her crisis
//! lines; a crisis line typed with two kinds of digits is said when typed;
//! one word of a name finds a person in every command; someone she marked
//! "do not involve" is spoken of as her choice; hand-edited old numbers
//! are checked by `validate`; and a plan with old numbers says which
//! version it needs. Noa writes in Hebrew, Layla in Arabic, Trudy attacks.

use std::fmt::Write as _;
use std::fs;

use crate::{Env, unmarked};

/// One line of a message, its words joined by single spaces.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Trudy's file: the words `contact export` writes for her own numbers,
/// with Trudy's numbers in them, beside one ordinary person.
const TRUDYS_CARDS: &str = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Emergency\r\nTEL:021 555 0199\r\n\
    NOTE:The emergency number I added: 021 555 0199\\, from the council.\r\n\
    CATEGORIES:My crisis plan\r\nEND:VCARD\r\n\
    BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Night Line\r\nTEL:0800 555 0123\r\n\
    NOTE:A crisis line I added: call 0800 555 0123.\r\n\
    CATEGORIES:My crisis plan\r\nEND:VCARD\r\n\
    BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Sam Park\r\nTEL:021 555 0142\r\nEND:VCARD\r\n";

/// Trudy (people17, most harmful): any vCard saying "The emergency number
/// I added" set the number she calls in an emergency when her plan had
/// none, and added its crisis lines, with `--yes` and without a word of
/// warning. Now the people come in; her numbers are only shown, each with
/// the command that would make it hers, and her plan's numbers are as
/// they were, byte for byte.
#[test]
fn a_file_never_sets_her_emergency_number_or_adds_her_crisis_lines() {
    let env = Env::new();
    env.ok(["init", "--name", "Noa", "--country", "NZ"]);
    let file = env.home().join("from-someone.vcf");
    fs::write(&file, TRUDYS_CARDS).unwrap();
    let said = env
        .test(["contact", "import", file.to_str().unwrap(), "--yes"])
        .run()
        .stderr;
    let words = flat(&said);
    assert!(
        words.contains(
            "This file holds numbers written as your own. A file can come from anyone, so none of them was added: your emergency number and crisis lines are as they were. If one is yours, the command under it adds it:"
        ),
        "{said}"
    );
    assert!(
        said.contains("  an emergency number · 021 555 0199 (from the council)\n    relapse-plan set --emergency-number '021 555 0199' --source 'the council'\n"),
        "{said}"
    );
    assert!(
        said.contains("  a crisis line Night Line · call 0800 555 0123\n    relapse-plan set --own-line 'Night Line' --call '0800 555 0123'\n"),
        "{said}"
    );
    assert!(
        words.contains("imported 1 person from from-someone.vcf"),
        "{said}"
    );
    let plan = env.plan();
    assert_eq!(plan.own_lines.emergency, None);
    assert!(plan.own_lines.lines.is_empty(), "{:?}", plan.own_lines);
    assert_eq!(plan.contacts.len(), 1);
    let text = fs::read_to_string(env.plan_file()).unwrap();
    assert!(!text.contains("0199") && !text.contains("0123"), "{text}");
    let now = env.ok(["now"]);
    assert!(
        !now.contains("0199") && !now.contains("Night Line"),
        "{now}"
    );

    // A file of only her numbers changes nothing at all, and says so.
    let only = env.home().join("only-numbers.vcf");
    fs::write(
        &only,
        TRUDYS_CARDS
            .split("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Sam")
            .next()
            .unwrap(),
    )
    .unwrap();
    let before = env.snapshot_dir();
    let said = env
        .test(["contact", "import", only.to_str().unwrap(), "--yes"])
        .run()
        .stderr;
    assert!(
        flat(&said).contains(
            "No one from this file was added; above is who was not, and why, and how to add a number that is yours."
        ),
        "{said}"
    );
    assert_eq!(env.snapshot_dir(), before);
}

/// The round trip of her own plan still holds where it is safe: the same
/// emergency number and lines already in the plan are "already among your
/// own numbers", nothing is offered and nothing changes; a different
/// emergency number in the file is never put over hers.
#[test]
fn her_own_file_back_into_her_own_plan_changes_nothing() {
    let env = Env::new();
    env.ok(["init", "--name", "Layla", "--country", "EG"]);
    env.ok([
        "set",
        "--emergency-number",
        "122",
        "--source",
        "موقع وزارة الداخلية",
    ]);
    env.ok([
        "set",
        "--own-line",
        "Befrienders Cairo",
        "--call",
        "762 1602",
    ]);
    let file = env.home().join("layla.vcf");
    env.ok(["contact", "export", "-o", file.to_str().unwrap()]);
    let before = env.snapshot_dir();
    let said = unmarked(
        &env.test(["contact", "import", file.to_str().unwrap(), "--yes"])
            .run()
            .stderr,
    );
    assert!(
        said.contains("Already among your own numbers, so skipped:\n  your emergency number · 122\n  Befrienders Cairo · call 762 1602\n"),
        "{said}"
    );
    assert!(!said.contains("A file can come from anyone"), "{said}");
    assert!(
        said.contains("Everyone in this file is already in your plan; nothing to add."),
        "{said}"
    );
    assert_eq!(env.snapshot_dir(), before);

    // Trudy's file, into a plan that has an emergency number: hers stays.
    let trudys = env.home().join("trudy.vcf");
    fs::write(&trudys, TRUDYS_CARDS).unwrap();
    let said = env
        .test(["contact", "import", trudys.to_str().unwrap(), "--yes"])
        .run()
        .stderr;
    assert!(
        flat(&unmarked(&said)).contains(
            "Your plan keeps 122 as your emergency number, so this file's 021 555 0199 was not imported"
        ),
        "{said}"
    );
    let plan = env.plan();
    assert_eq!(plan.own_lines.emergency.as_deref(), Some("122"));
    assert_eq!(plan.own_lines.lines.len(), 1);
}

/// Layla (people17): her crisis line typed with Arabic-Indic and Latin
/// digits ("٠٨٠٠ ٨٨٨ 0700") was kept, then left off her phone by `contact
/// export`. Typed, it is refused with what to type instead, and nothing
/// changes; one already in a plan (a hand edit, an older version) is
/// named by the export, never left out in silence.
#[test]
fn a_crisis_line_in_two_kinds_of_digits_is_said_when_typed_and_at_export() {
    let env = Env::new();
    env.ok(["init", "--name", "Layla", "--country", "EG"]);
    let before = env.snapshot_dir();
    for flag in ["--call", "--text"] {
        let said = env.fails(
            2,
            [
                "set",
                "--own-line",
                "خط الصحة النفسية",
                flag,
                "٠٨٠٠ ٨٨٨ 0700",
            ],
        );
        assert!(
            flat(&unmarked(&said)).contains(&format!(
                "“٠٨٠٠ ٨٨٨ 0700” mixes two kinds of digits (Arabic-Indic and Latin), so a phone may not dial it as it reads. Type it in one kind, for example {flag} \"0800 888 0700\". Nothing was changed."
            )),
            "{said}"
        );
    }
    let said = env.fails(2, ["set", "--emergency-number", "1٢2"]);
    assert!(
        flat(&unmarked(&said)).contains("for example --emergency-number \"122\""),
        "{said}"
    );
    assert_eq!(env.snapshot_dir(), before);
    // In one kind of digits, either kind, it is kept as typed.
    env.ok([
        "set",
        "--own-line",
        "خط الصحة النفسية",
        "--call",
        "٠٨٠٠ ٨٨٨ ٠٧٠٠",
    ]);
    env.ok([
        "set",
        "--own-line",
        "Befrienders Cairo",
        "--call",
        "762 1602",
    ]);
    let cards = env.ok(["contact", "export"]);
    assert!(
        cards.contains("A crisis line I added: call ٠٨٠٠ ٨٨٨ ٠٧٠٠."),
        "{cards}"
    );

    // Mixed by a hand edit: named at export, with how to mend it.
    // The line's number, not the change note that names it too.
    env.edit_plan_by_hand("call = \"762 1602\"", "call = \"٧٦٢ 1602\"");
    let ran = env.test(["contact", "export"]).run();
    assert!(!ran.stdout.contains("Befrienders"), "{}", ran.stdout);
    let said = flat(&unmarked(&ran.stderr));
    assert!(
        said.contains("Not written, as these numbers you added do not dial what they show")
            && said.contains("Befrienders Cairo · ٧٦٢ 1602: it mixes two kinds of digits"),
        "{said}"
    );
}

/// Noa's plan: Michal Cohen, whom she calls by her first name, and Dana.
fn noas_people() -> Env {
    let env = Env::new();
    env.ok(["init", "--name", "נועה", "--country", "IL"]);
    env.ok([
        "contact",
        "add",
        "--name",
        "מיכל כהן",
        "--phone",
        "052-555-1234",
    ]);
    env.ok([
        "contact",
        "add",
        "--name",
        "Dana Levi",
        "--phone",
        "052-555-4321",
    ]);
    env
}

/// Noa (people17): `contact edit 'כהן'` said there was no such person,
/// while `print --for` found her by any word of her name. People are found
/// one way everywhere: the list's number, the whole name, or one word of
/// it when only one person has it (a direction mark her keyboard put
/// before it, or no accents, all the same); two who share it are listed
/// by name with their numbers.
#[test]
fn one_word_of_a_name_finds_her_in_every_command() {
    let env = noas_people();
    env.ok(["contact", "edit", "כהן", "--reachable", "בערבים"]);
    // A role changed by one word of a name is refused without a terminal
    // (import17, Trudy: one word made someone not to involve a helper),
    // naming her in full; her number in the list does it.
    let err = env.fails(
        2,
        ["contact", "edit", "\u{200f}מיכל", "--role", "professional"],
    );
    assert!(err.contains("“מיכל כהן”"), "{err}");
    env.ok(["contact", "edit", "1", "--role", "professional"]);
    env.ok(["contact", "edit", "levi", "--reachable", "weekends"]);
    let plan = env.plan();
    assert_eq!(plan.contacts[0].reachable.as_deref(), Some("בערבים"));
    assert_eq!(
        plan.contacts[0].role,
        relapse_plan::plan::Role::Professional
    );
    assert_eq!(plan.contacts[1].reachable.as_deref(), Some("weekends"));

    env.ok([
        "contact",
        "add",
        "--name",
        "מיכל לוי",
        "--phone",
        "052-555-9999",
    ]);
    let before = env.snapshot_dir();
    let said = env.fails(1, ["contact", "edit", "מיכל", "--reachable", "x"]);
    assert!(
        flat(&unmarked(&said))
            .contains("“מיכל” could be more than one contact: 1. “מיכל כהן”; 3. “מיכל לוי”"),
        "{said}"
    );
    assert!(said.contains("the number before it"), "{said}");
    assert_eq!(env.snapshot_dir(), before);
    // Her surname is hers alone, so it still finds her, and so does the
    // list's number; removing by one word is refused without a terminal,
    // naming her in full and her number (import17: `contact remove byrne`
    // deleted at once).
    let said = env.fails(2, ["contact", "remove", "לוי"]);
    assert!(
        said.contains("“מיכל לוי”") && said.contains("`relapse-plan contact remove 3`"),
        "{said}"
    );
    env.ok(["contact", "remove", "3"]);
    env.ok(["contact", "edit", "1", "--reachable", "תמיד"]);
    let names: Vec<String> = env.plan().contacts.iter().map(|c| c.name.clone()).collect();
    assert_eq!(names, ["מיכל כהן", "Dana Levi"]);
    assert_eq!(env.plan().contacts[0].reachable.as_deref(), Some("תמיד"));
    // `print --for` finds her the same ways, the list's number too.
    for (typed, whom) in [
        ("כהן", "מיכל כהן"),
        ("\u{200f}מיכל", "מיכל כהן"),
        ("1", "מיכל כהן"),
        ("١", "מיכל כהן"),
        ("2", "Dana Levi"),
    ] {
        let said = env.test(["print", "--for", typed, "--yes"]).run().stderr;
        assert!(
            unmarked(&said).contains(&format!("This copy for {whom} will hold")),
            "{typed}: {said}"
        );
    }
}

/// Noa (people17): the hints for someone marked "do not involve" opened
/// with a command to undo her choice. They now name her choice and her
/// safety first, and the command last, for whoever it has changed for.
#[test]
fn someone_not_to_involve_is_spoken_of_as_her_choice() {
    let env = Env::new();
    env.ok(["init", "--name", "Noa", "--country", "IL"]);
    env.ok([
        "contact",
        "add",
        "--name",
        "Yoni",
        "--phone",
        "054-777-8888",
        "--do-not-involve",
    ]);
    let said = env.fails(
        1,
        [
            "contact",
            "add",
            "--name",
            "Yonatan",
            "--phone",
            "+972 54-777-8888",
        ],
    );
    let words = flat(&said);
    assert!(
        words.contains(
            "hint: you marked Yoni as someone not to involve, and your plan keeps to that to keep you safe. If that has changed, it is your choice: `relapse-plan"
        ) && words.contains(" contact edit 1 --role help` makes them someone you can turn to"),
        "{said}"
    );
    let file = env.home().join("phone.vcf");
    fs::write(
        &file,
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Yoni\r\nTEL:054-111-2222\r\nEND:VCARD\r\n",
    )
    .unwrap();
    let said = env
        .test(["contact", "import", file.to_str().unwrap(), "--yes"])
        .run()
        .stderr;
    let words = flat(&said);
    assert!(
        words.contains(
            "Yoni · 054-111-2222 (you marked Yoni as someone not to involve. If that has changed, it is your choice: `relapse-plan"
        ) && words.contains(" contact edit 1 --role help`, then import again)"),
        "{said}"
    );
    assert!(!said.contains("first)"), "{said}");
}

/// Noa's plan after Michal's number changed once: one former number kept.
fn with_a_former_number() -> Env {
    let env = noas_people();
    env.ok(["contact", "edit", "1", "--phone", "052-555-7777"]);
    env
}

/// Fresh eyes (people17): `validate` said nothing of hand-edited
/// `[[former_phones]]` entries. Each one relapse-plan would never write is
/// named plainly, with whom it is for by name and what to do, and the
/// file is left byte for byte.
#[test]
fn validate_names_former_numbers_no_program_would_write() {
    let env = with_a_former_number();
    let id = env.plan().contacts[0].id.clone();
    let mut text = fs::read_to_string(env.plan_file()).unwrap();
    text.push_str("\n[[former_phones]]\ncontact = \"ghost\"\nphone = \"021 555 0101\"\n");
    let _ = write!(
        text,
        "\n[[former_phones]]\ncontact = \"{id}\"\nphone = \"052 555 7777\"\n"
    );
    for n in 1..=4 {
        let _ = write!(
            text,
            "\n[[former_phones]]\ncontact = \"{id}\"\nphone = \"03-000-000{n}\"\n"
        );
    }
    let file = env.home().join("edited.toml");
    fs::write(&file, &text).unwrap();
    let ran = env.test(["validate", file.to_str().unwrap()]).run();
    let said = flat(&unmarked(&ran.stderr));
    assert!(ran.stdout.contains("is a valid plan"), "{}", ran.stdout);
    assert!(
        said.contains(
            "A former number, 021 555 0101, is kept for “ghost”, who is not among the people in your plan, so it marks nothing. Worth a look: remove that [[former_phones]] entry from the file, or give it the id of the person it was for."
        ),
        "{said}"
    );
    assert!(
        said.contains(
            "A former number of “מיכל כהן”, 052 555 7777, is the number they have now, so a step holding it would be marked as their old number. Worth a look: remove that [[former_phones]] entry from the file."
        ),
        "{said}"
    );
    assert!(
        said.contains(
            "6 former numbers are kept for “מיכל כהן”; relapse-plan keeps 5 for one person. Worth a look: remove their oldest [[former_phones]] entries from the file."
        ),
        "{said}"
    );
    assert!(!said.contains(&id), "an id on screen: {said}");
    assert_eq!(fs::read_to_string(&file).unwrap(), text);
    // The plan as relapse-plan wrote it draws none of these.
    let ran = env
        .test(["validate", env.plan_file().to_str().unwrap()])
        .run();
    assert!(!ran.stderr.contains("former"), "{}", ran.stderr);
}

/// `[[former_phones]]` came without a new schema, and a build from before
/// refuses a field it does not know ("`former_phones` is not a field
/// relapse-plan knows (a typo?)"). A plan holding them now says schema 4,
/// which such a build names as made by a newer version; a plan without
/// them stays schema 3, as before, and goes back to 3 when they are
/// gone. A schema 3 file holding them (written by the builds of
/// that day) still opens, and says 4 once saved.
#[test]
fn a_plan_says_schema_4_only_while_it_holds_former_numbers() {
    let env = noas_people();
    let first_line = |env: &Env| {
        fs::read_to_string(env.plan_file())
            .unwrap()
            .lines()
            .next()
            .unwrap()
            .to_string()
    };
    assert_eq!(first_line(&env), "schema_version = 3");
    env.ok(["contact", "edit", "1", "--phone", "052-555-7777"]);
    assert_eq!(first_line(&env), "schema_version = 4");
    let revisions = env.plan_dir().join("revisions");
    let newest = fs::read_to_string(revisions.join("000004.toml")).unwrap();
    assert!(newest.starts_with("schema_version = 4\n"), "{newest}");
    let older = fs::read_to_string(revisions.join("000003.toml")).unwrap();
    assert!(older.starts_with("schema_version = 3\n"), "{older}");
    // Removed from the plan, her former numbers go, and the plan is 3.
    env.ok(["contact", "remove", "1"]);
    assert!(env.plan().former_phones.is_empty());
    assert_eq!(first_line(&env), "schema_version = 3");

    // Written as schema 3 with former numbers, as on the day they came.
    let day_of = with_a_former_number();
    day_of.edit_plan_by_hand("schema_version = 4", "schema_version = 3");
    let now = day_of.ok(["now"]);
    assert!(now.contains("מיכל כהן"), "{now}");
    day_of.ok(["contact", "edit", "2", "--reachable", "evenings"]);
    assert_eq!(first_line(&day_of), "schema_version = 4");
    assert_eq!(day_of.plan().former_phones.len(), 1);
}
