//! Issues 12 and 13, found by Shirin (Persian, Tehran; a plan about
//! pills): the old friend she must not involve, `نیما`, is never offered
//! as help, however his name or number is written. An Arabic keyboard or
//! an Iranian phone's address book writes his name with an Arabic yeh
//! (`نيما`, U+064A for her U+06CC), and his number as `+98 935 111 2233`
//! for her `۰۹۳۵ ۱۱۱ ۲۲۳۳`: identical on a screen, one person.

use std::fs;

use crate::Env;

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
            err.contains("if that has changed, change their role first: `relapse-plan")
                && err.contains(" contact edit 1 --role help`"),
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
        NIMA_ARABIC,
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
    let now = env.ok(["now", "--plain"]);
    assert!(now.contains("مریم"), "{now}");
    assert!(!now.contains(NIMA_ARABIC), "{now}");
    assert!(!now.contains("09351112233"), "{now}");
}
