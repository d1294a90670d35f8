//! Issues 12 and 13, found by Shirin (Persian, Tehran; a plan about
//! pills): the old friend she must not involve, `نیما`, is never offered
//! as help, however his name or number is written. An Arabic keyboard or
//! an Iranian phone's address book writes his name with an Arabic yeh
//! (`نيما`, U+064A for her U+06CC), and his number as `+98 935 111 2233`
//! for her `۰۹۳۵ ۱۱۱ ۲۲۳۳`: identical on a screen, one person.

use std::fs;

use crate::Env;
use crate::oksana::{one_line, utf8};
use crate::terminal::{DOWN, ENTER, answer, at_columns};

/// Her name for him, with a Persian yeh (U+06CC).
const NIMA: &str = "نیما";
/// The same name as an Arabic keyboard types it (U+064A).
const NIMA_ARABIC: &str = "نيما";

/// Shirin's plan in Tehran: نیما marked not to involve, with his number
/// in Persian digits, and her sister to call.
fn shirins_plan() -> Env {
    let env = Env::new();
    env.ok(["init", "--name", "شیرین", "--country", "IR"]);
    env.ok([
        "contact",
        "add",
        "--name",
        NIMA,
        "--phone",
        "۰۹۳۵ ۱۱۱ ۲۲۳۳",
        "--do-not-involve",
    ]);
    env.ok([
        "contact",
        "add",
        "--name",
        "مریم",
        "--phone",
        "09121234567",
        "--role",
        "help",
    ]);
    env
}

/// The helpers in her plan file, by name.
fn helpers(env: &Env) -> Vec<String> {
    env.plan()
        .contacts
        .iter()
        .filter(|c| c.to_involve())
        .map(|c| c.name.clone())
        .collect()
}

/// Adding him as help under the Arabic spelling, or anyone with his
/// number written another way, is refused in words naming her own entry,
/// and the plan file keeps only her sister as help.
#[test]
fn adding_him_as_help_under_another_spelling_or_number_is_refused() {
    let env = shirins_plan();
    for (name, phone) in [
        (NIMA_ARABIC, "09351112233"),
        (NIMA_ARABIC, "0912 000 0000"),
        ("Nima", "+98 935 111 2233"),
        ("نیـما", "۰۹۳۵۱۱۱۲۲۳۳"),
    ] {
        let before = fs::read(env.plan_file()).unwrap();
        let err = env.fails(
            1,
            [
                "contact", "add", "--name", name, "--phone", phone, "--role", "help",
            ],
        );
        assert!(
            err.contains(&format!(
                "{NIMA} is on your plan as someone not to involve in a crisis, so {name} was not added as someone to turn to"
            )),
            "{name} {phone}: {err}"
        );
        assert!(
            // Her choice first, the command last (Noa, people17).
            err.contains(&format!(
                "you marked {NIMA} as someone not to involve, and your plan keeps to that to keep you safe. If that has changed, it is your choice: `relapse-plan"
            )) && err.contains(" contact edit 1 --role help` makes them someone you can turn to"),
            "{err}"
        );
        assert_eq!(fs::read(env.plan_file()).unwrap(), before, "{name} {phone}");
    }
    assert_eq!(helpers(&env), ["مریم"]);
    // Someone else entirely still comes in.
    env.ok([
        "contact",
        "add",
        "--name",
        "دکتر رضایی",
        "--phone",
        "021 8888 1234",
        "--role",
        "professional",
    ]);
}

/// A plan written before names were compared so (his Arabic spelling
/// saved as help, by hand or by an older version): `now` never offers
/// him, and `validate` and `show` say why.
#[test]
fn a_plan_already_holding_him_as_help_never_offers_him() {
    let env = Env::new();
    env.ok(["init", "--name", "شیرین", "--country", "IR"]);
    env.ok([
        "contact",
        "add",
        "--name",
        "Someone",
        "--phone",
        "09351112233",
        "--role",
        "help",
    ]);
    env.ok([
        "contact",
        "add",
        "--name",
        NIMA,
        "--phone",
        "۰۹۳۵ ۱۱۱ ۰۰۰۰",
        "--do-not-involve",
    ]);
    // As an older version, or a hand edit, could have left it: marking
    // him not to involve on the number of someone she turns to is asked
    // first now, and refused without a terminal (Mulu).
    env.edit_plan_by_hand("۰۹۳۵ ۱۱۱ ۰۰۰۰", "۰۹۳۵ ۱۱۱ ۲۲۳۳");
    env.edit_plan_by_hand("name = \"Someone\"", &format!("name = \"{NIMA_ARABIC}\""));
    env.ok([
        "contact",
        "add",
        "--name",
        "مریم",
        "--phone",
        "09121234567",
        "--role",
        "help",
    ]);
    let now = env.ok(["now", "--plain"]);
    assert!(now.contains("مریم"), "{now}");
    assert!(!now.contains(NIMA_ARABIC), "{now}");
    assert!(!now.contains("09351112233"), "{now}");
    let warned = format!(
        "“{NIMA_ARABIC}” is on your plan as someone to turn to, and “{NIMA}” as someone not to involve: the same name or number, so “{NIMA_ARABIC}” is never shown as help."
    );
    let plan_file = env.plan_file();
    for args in [vec!["show"], vec!["validate", plan_file.to_str().unwrap()]] {
        let ran = env.test(&args).run();
        let said = ran.stderr + &ran.stdout;
        assert!(said.contains(&warned), "{args:?}: {said}");
        // The way that keeps her helper comes first (Mulu: "takes out the
        // first" read as removing her sister).
        assert!(
            said.contains(&format!(
                "give “{NIMA_ARABIC}” a name and number of their own: `relapse-plan contact edit 1 --phone \"…\"`. If they are one person, `relapse-plan contact remove 1` takes out “{NIMA_ARABIC}”, and “{NIMA}” stays marked not to involve."
            )),
            "{said}"
        );
    }
}

/// Her phone's address book, exported: him under the Arabic spelling
/// with his number written internationally, him as she wrote him, and a
/// friend. Imported as help, the first is named as not imported with her
/// own entry, the second is him already in the plan (his number is the
/// same, written another way: no conflict), and the friend comes in.
#[test]
fn importing_him_from_a_phone_never_brings_him_in_as_help() {
    let env = shirins_plan();
    let file = env.home().join("phone.vcf");
    fs::write(
        &file,
        format!(
            "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{NIMA_ARABIC}\r\nTEL:+98 935 111 2233\r\nEND:VCARD\r\n\
             BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{NIMA}\r\nTEL:+98 935 111 2233\r\nEND:VCARD\r\n\
             BEGIN:VCARD\r\nVERSION:3.0\r\nFN:لیلا\r\nTEL:+98 912 555 0000\r\nEND:VCARD\r\n"
        ),
    )
    .unwrap();
    let ran = env
        .test(["contact", "import", file.to_str().unwrap(), "--yes"])
        .run();
    // (Read as a terminal without bidi shows it: without the marks that
    // hold a number in a right-to-left line.)
    let said = crate::unmarked(&(ran.stderr + &ran.stdout));
    assert!(
        said.contains(
            "Not imported: someone you marked not to involve in a crisis, so never added as someone to turn to:"
        ),
        "{said}"
    );
    assert!(
        said.contains(&format!(
            "{NIMA_ARABIC} · +98 935 111 2233 (you marked {NIMA} as someone not to involve. If that has changed, it is your choice: `relapse-plan"
        )) && said.contains(" contact edit 1 --role help`, then import again)"),
        "{said}"
    );
    assert!(!said.contains("with another number"), "{said}");
    assert!(said.contains("Already in your plan, so skipped"), "{said}");
    assert_eq!(helpers(&env), ["مریم", "لیلا"]);
    let now = env.ok(["now", "--plain"]);
    assert!(!now.contains(NIMA_ARABIC) && !now.contains("935"), "{now}");
    assert!(now.contains("لیلا"), "{now}");
}

/// Persian digits name a place in every list, as they do for steps:
/// `trigger edit ۱`, `contact edit ۲` and `coping edit ۱` change the
/// first trigger, the second contact and the first way of coping. A
/// number no list holds says what the list shows: numbers and names.
#[test]
fn persian_digits_name_a_place_in_every_list() {
    let env = shirins_plan();
    env.ok(["trigger", "add", "--situation", "شب‌های تنها"]);
    env.ok(["coping", "add", "--name", "پیاده‌روی"]);
    env.ok(["trigger", "edit", "۱", "--situation", "شب‌های تنهایی"]);
    env.ok(["contact", "edit", "۲", "--reachable", "۸ صبح تا ۸ شب"]);
    env.ok(["coping", "edit", "۱", "--name", "پیاده‌روی در پارک"]);
    let plan = env.plan();
    assert_eq!(plan.triggers[0].situation, "شب‌های تنهایی");
    assert_eq!(plan.contacts[1].reachable.as_deref(), Some("۸ صبح تا ۸ شب"));
    assert_eq!(plan.coping[0].name, "پیاده‌روی در پارک");
    let err = env.fails(1, ["trigger", "edit", "۷", "--situation", "x"]);
    assert!(
        err.contains("trigger list` shows the triggers there are, with their numbers and names"),
        "{err}"
    );
    assert!(!err.contains("ids"), "{err}");
}

/// Her plan's own cards, exported and imported into a new plan, come
/// back as they were: her doctor as a professional, not as help, with
/// the hours she can be reached in Shirin's words; no one not to involve
/// is written at all. `contact list` shows them so.
#[test]
fn her_own_export_reads_back_with_roles_and_hours() {
    let env = shirins_plan();
    env.ok([
        "contact",
        "add",
        "--name",
        "دکتر رضایی",
        "--phone",
        "021 8888 1234",
        "--role",
        "professional",
        "--reachable",
        "۸ صبح تا ۸ شب",
    ]);
    let file = env.home().join("mine.vcf");
    env.ok(["contact", "export", "-o", file.to_str().unwrap()]);
    let fresh = Env::new();
    fresh.ok(["init", "--name", "شیرین", "--country", "IR"]);
    let file = fresh.home().join("mine.vcf");
    fs::copy(env.home().join("mine.vcf"), &file).unwrap();
    let ran = fresh
        .test(["contact", "import", file.to_str().unwrap(), "--yes"])
        .run();
    assert!(
        crate::unmarked(&ran.stderr)
            .contains("دکتر رضایی · 021 8888 1234 (the card says: a professional) · ۸ صبح تا ۸ شب"),
        "{}",
        ran.stderr
    );
    let plan = fresh.plan();
    let doctor = plan
        .contacts
        .iter()
        .find(|c| c.name == "دکتر رضایی")
        .unwrap();
    assert_eq!(doctor.role, relapse_plan::plan::Role::Professional);
    assert_eq!(doctor.reachable.as_deref(), Some("۸ صبح تا ۸ شب"));
    let sister = plan.contacts.iter().find(|c| c.name == "مریم").unwrap();
    assert_eq!(sister.role, relapse_plan::plan::Role::Help);
    assert!(!plan.contacts.iter().any(|c| c.name == NIMA), "{plan:?}");
    let list = fresh.ok(["contact", "list", "--plain"]);
    assert!(list.contains("۸ صبح تا ۸ شب"), "{list}");
    assert!(list.contains("professional"), "{list}");
}

/// In `new`, at 100 columns: adding him under another name with his
/// number, as someone who helps, is refused in words naming her own entry, and he
/// stays in the walk-through's draft as someone not to involve.
#[test]
fn the_walk_through_never_adds_him_as_help() {
    let env = shirins_plan();
    let mut p = at_columns(&env, &["new"], "100")
        .env("TZ", "Asia/Tehran")
        .status(130)
        .pty();
    answer(&mut p, "change what you like?", ENTER);
    // Iran has no checked emergency number: the walk-through asks once.
    answer(&mut p, "Your local emergency number?", ENTER);
    // No crisis line is checked for Iran either: one of hers is asked for.
    answer(&mut p, "The line's name? (Enter skips)", ENTER);
    answer(&mut p, "Your name on the plan?", ENTER);
    answer(&mut p, "What keeps you going?", ENTER);
    answer(&mut p, "What next?", ENTER);
    answer(&mut p, "A sign that things are sliding?", ENTER);
    answer(&mut p, "What next?", ENTER);
    answer(&mut p, "What situation puts you at risk?", ENTER);
    answer(&mut p, "Done with triggers", ENTER);
    answer(&mut p, "Remove someone", &format!("{DOWN}{ENTER}"));
    // Under a name of its own, with his number.
    answer(&mut p, "Who is it?", "Nima\r");
    answer(&mut p, "(optional)", "09351112233\r");
    // Moved to "Someone I can ask for help" (the second), then Enter.
    answer(
        &mut p,
        "Someone not to involve",
        &format!("{DOWN}{DOWN}{ENTER}"),
    );
    let said = one_line(&utf8(&p.exp_string("Who is it?").unwrap()));
    assert!(
        said.contains(&format!(
            "{NIMA} is on your plan as someone not to involve in a crisis, so Nima is not added as someone to turn to."
        )),
        "{said}"
    );
    std::thread::sleep(std::time::Duration::from_millis(150));
    p.send_control('c').unwrap();
    p.eof();
    let draft = fs::read_to_string(env.plan_dir().join("draft.toml")).unwrap();
    let plan: toml::Table = toml::from_str(&draft).unwrap();
    let contacts = plan
        .get("contacts")
        .or_else(|| plan.get("plan").and_then(|p| p.get("contacts")))
        .and_then(toml::Value::as_array)
        .unwrap_or_else(|| panic!("{draft}"));
    let him = contacts
        .iter()
        .find(|c| c["name"].as_str() == Some("Nima"))
        .unwrap_or_else(|| panic!("{draft}"));
    assert_eq!(him["role"].as_str(), Some("do-not-involve"), "{draft}");
}

/// A crisis step naming him with an Arabic yeh names her نیما: kept as
/// she wrote it, and marked on the crisis screen as someone she said not
/// to involve. Adding his Arabic spelling as someone not to involve too
/// is refused as a name already in her plan, in her words.
#[test]
fn a_step_naming_him_in_another_spelling_is_marked_and_he_is_not_added_twice() {
    let env = shirins_plan();
    env.ok(["step", "add", &format!("به {NIMA_ARABIC} زنگ نزن")]);
    let now = env.ok(["now", "--plain"]);
    assert!(now.contains(&format!("به {NIMA_ARABIC} زنگ نزن")), "{now}");
    assert!(now.contains(NIMA), "{now}");
    let err = env.fails(
        1,
        ["contact", "add", "--name", NIMA_ARABIC, "--do-not-involve"],
    );
    assert!(
        err.contains(&format!(
            "“{NIMA_ARABIC}” looks the same as “{NIMA}”, already in your plan"
        )),
        "{err}"
    );
    assert!(
        err.contains("they are one name as different keyboards write it"),
        "{err}"
    );
    // Her words and the number `contact list` shows, never an id.
    assert!(!err.contains("(contact `"), "{err}");
    assert!(err.contains(" contact edit 1 --phone"), "{err}");
}

/// Niran: his gambling friend, marked not to involve, was added with the
/// family's number, which his brother has too. His brother was then gone
/// from `now` and the card without a word; and changing the friend's
/// number pointed at his brother's crisis step as holding "the old
/// number". Now `now` and the card say who is not shown and why, and the
/// brother's step is left alone.
#[test]
fn a_helper_hidden_by_a_shared_number_is_said_and_his_step_left_alone() {
    let env = Env::new();
    env.ok(["init", "--name", "นิรันดร์", "--country", "TH"]);
    env.ok([
        "contact",
        "add",
        "--name",
        "พี่ต้น",
        "--phone",
        "๐๘๑ ๒๓๔ ๕๖๗๘",
        "--role",
        "help",
    ]);
    env.ok(["step", "add", "โทรหาพี่ต้นที่ ๐๘๑ ๒๓๔ ๕๖๗๘"]);
    env.ok([
        "contact",
        "add",
        "--name",
        "เพื่อนพนัน",
        "--phone",
        "0810000000",
        "--role",
        "do-not-involve",
    ]);
    // As a plan saved before it was asked holds it: the family's number
    // for him is asked first now, and refused without a terminal (Mulu).
    env.edit_plan_by_hand("0810000000", "0812345678");
    let now = crate::unmarked(&env.ok(["now"]));
    let flat = now.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("(“พี่ต้น” is not shown here: their number is also the number of someone you marked not to involve"),
        "{now}"
    );
    assert!(!now.contains("เพื่อนพนัน"), "{now}");
    let card = env.test(["print", "--card", "-o", "-"]).run();
    let said = card.stderr.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        said.contains(
            "left off: พี่ต้น (their number is also the number of someone you marked not to involve)"
        ),
        "{said}"
    );
    let edited = env
        .test(["contact", "edit", "2", "--phone", "0899999999"])
        .run();
    assert!(!edited.stderr.contains("old number"), "{}", edited.stderr);
}

/// What `set --next-review` said and saved for `typed`, in Shirin's plan.
fn review_set(env: &Env, typed: &str) -> (String, String) {
    let ran = env.test(["set", "--next-review", typed]).run();
    let said = String::from_utf8(ran.err_bytes).unwrap() + &String::from_utf8(ran.bytes).unwrap();
    let next = env
        .plan()
        .review
        .next
        .map(|d| d.to_string())
        .unwrap_or_default();
    // The marks that hold numbers left to right on the screen are not
    // words: compared without them.
    let said = said.replace(['\u{200e}', '\u{200f}', '\u{2066}', '\u{2069}'], "");
    (one_line(&said), next)
}

/// Shirin (Tehran) writes dates in the Solar Hijri calendar. "۱۵ آذر ۱۴۰۵"
/// was not a date, "1405/09/15" was 15 September 1405 ("long past"), and
/// "فردا" (tomorrow) was not read: each is now the day she meant, said
/// back in both calendars so she can check it.
#[test]
fn solar_hijri_dates_are_read_and_said_back_in_both_calendars() {
    let env = shirins_plan();
    for typed in ["۱۵ آذر ۱۴۰۵", "1405/09/15", "۱۴۰۵/۰۹/۱۵", "15 آذرماه 1405"]
    {
        let (said, next) = review_set(&env, typed);
        assert_eq!(next, "2026-12-06", "{typed}: {said}");
        assert!(
            said.contains("next review on 6 December 2026, a Sunday (۱۵ آذر ۱۴۰۵)"),
            "{typed}: {said}"
        );
        env.ok(["set", "--next-review", "none"]);
    }
    // The test clock's today is 22 November 2026, 1 Azar 1405.
    let (said, next) = review_set(&env, "فردا");
    assert_eq!(next, "2026-11-23", "{said}");
    assert!(
        said.contains("23 November 2026, a Monday (۲ آذر ۱۴۰۵)"),
        "{said}"
    );
    // A day Mehr does not have is said so, and nothing is saved.
    let before = env.plan();
    let err = env.fails(2, ["set", "--next-review", "۳۱ مهر ۱۴۰۶"]);
    assert!(!err.contains("1406 is"), "{err}");
    assert_eq!(env.plan(), before, "{err}");
}
