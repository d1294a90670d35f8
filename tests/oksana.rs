//! Issue 13, as Oksana reads her plan: Ukrainian, Europe/Berlin, 100 and 50
//! columns. Every screen says what she chose, in her words, and never
//! chooses for her.

use crate::Env;
use crate::terminal::{DOWN, ENTER, answer, at_columns};

/// `contact add` with no `--role` at a terminal asks who they are, starting
/// on no choice: Enter alone asks again and says why, and only the role
/// she moves to is kept (before, Enter filed them as someone to ask for
/// help, shown on her crisis screen).
#[test]
fn contact_add_asks_the_role_and_enter_alone_never_chooses_it() {
    let env = Env::new();
    env.ok(["init", "--name", "Оксана"]);
    let mut p = at_columns(
        &env,
        &[
            "contact",
            "add",
            "--name",
            "Дмитро",
            "--phone",
            "+49 151 2345678",
        ],
        "50",
    )
    .env("TZ", "Europe/Berlin")
    .pty();
    let menu = utf8(&p.exp_string("Someone not to involve").unwrap());
    assert!(menu.contains("Who is Дмитро for you?"), "{menu}");
    // The cursor is on no role: no row is marked, the question says how.
    assert!(
        one_line(&menu).contains("(↓ to choose, then Enter)"),
        "{menu}"
    );
    assert!(!menu.contains('❯'), "{menu}");
    std::thread::sleep(std::time::Duration::from_millis(150));
    p.send(ENTER).unwrap();
    p.flush().unwrap();
    // Said under the menu, which stays: Enter chose nothing.
    let again = utf8(&p.exp_string("never shows someone not to involve.").unwrap());
    assert!(
        one_line(&again).contains("Nothing chosen yet for Дмитро"),
        "{again}"
    );
    std::thread::sleep(std::time::Duration::from_millis(150));
    p.send(&format!("{DOWN}{DOWN}{DOWN}{DOWN}{ENTER}")).unwrap();
    p.flush().unwrap();
    let said = one_line(&utf8(&p.eof()));
    // What stays on screen is her answer: never a placeholder, never
    // "skipped" before the question was asked again.
    assert!(
        said.contains("✔ Who is Дмитро for you? · Someone not to involve"),
        "{said}"
    );
    assert!(
        !said.contains("skipped") && !said.contains("for you? · ("),
        "{said}"
    );
    assert!(
        said.contains("added contact “Дмитро” (someone not to involve)"),
        "{said}"
    );
    let plan = env.plan();
    assert_eq!(plan.contacts[0].name, "Дмитро");
    assert!(!plan.contacts[0].to_involve(), "{:?}", plan.contacts[0]);

    // With no terminal (a script), the role the help names: help.
    let said = env.test(["contact", "add", "--name", "Марта"]).run().stderr;
    assert!(
        said.contains("added contact “Марта” (someone I can ask for help)"),
        "{said}"
    );
}

/// What the pseudo-terminal showed, as text: rexpect hands each byte over
/// as one character, so her Cyrillic arrives as Latin-1 pieces.
pub(crate) fn utf8(shown: &str) -> String {
    let bytes: Vec<u8> = shown
        .chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?'))
        .collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

pub(crate) use crate::one_line;

/// `rehearse` of a situation with nothing planned for it says so in her
/// words, with the one command that plans it, and asks nothing: no "how
/// much did you recall" of a plan that is not there, no score, nothing
/// logged. `--list` says the same, and `rehearse` alone starts with one
/// that has a plan.
#[test]
fn a_situation_with_no_plan_is_not_rehearsed_or_scored() {
    let env = Env::new();
    env.ok(["init", "--name", "Оксана", "--country", "DE"]);
    env.ok([
        "trigger",
        "add",
        "--situation",
        "П'ятниця ввечері сама вдома",
    ]);
    env.ok(["trigger", "add", "--situation", "שישי בערב לבד"]);
    env.ok([
        "coping",
        "add",
        "--name",
        "Подзвонити сестрі",
        "--step",
        "Вийти на балкон",
    ]);
    let plan = env.plan();
    let (friday, hebrew) = (plan.triggers[0].id.clone(), plan.triggers[1].id.clone());
    env.ok(["trigger", "edit", &hebrew, "--coping", &plan.coping[0].id]);

    let mut p = at_columns(&env, &["rehearse", &friday], "50")
        .env("TZ", "Europe/Berlin")
        .pty();
    let said = one_line(&utf8(&p.eof()));
    assert!(
        said.contains("“П'ятниця ввечері сама вдома” has no plan yet, so there is nothing to practise for it. When you are ready, `relapse-plan map` helps you plan what you will do"),
        "{said}"
    );
    assert!(!said.contains("recall"), "{said}");
    assert!(!said.contains("How sure"), "{said}");
    assert!(!env.plan_dir().join("practice.toml").exists());

    let list = one_line(&env.ok(["rehearse", "--list"]));
    assert!(
        list.contains("1. П'ятниця ввечері сама вдома no plan yet to practise"),
        "{list}"
    );
    assert!(list.contains("`relapse-plan map` helps you plan"), "{list}");

    // Alone, it starts with the one that has a plan.
    let mut p = at_columns(&env, &["rehearse"], "100")
        .env("TZ", "Europe/Berlin")
        .status(130)
        .pty();
    let shown = utf8(&p.exp_string("What will you do?").unwrap());
    assert!(shown.contains("Picture this: שישי בערב לבד"), "{shown}");
    p.send_control('c').unwrap();
    p.eof();
}

/// A strong urge at a check-in (the second of the day here) is answered
/// with her plan, in her words: her first crisis steps, the people she can
/// call with their numbers, and her country's crisis line; never only
/// "added to your check-in". A mild urge gets no such reply, and an early
/// warning, which shows the same plan, is not doubled.
#[test]
fn a_strong_urge_is_answered_with_her_plan() {
    let env = Env::new();
    env.ok(["init", "--name", "Оксана", "--country", "DE"]);
    env.ok(["step", "add", "Вийти з дому і піти до Олени"]);
    env.ok([
        "contact",
        "add",
        "--name",
        "Олена",
        "--phone",
        "+49 151 1111111",
        "--role",
        "help",
    ]);
    env.ok([
        "contact",
        "add",
        "--name",
        "Дмитро",
        "--phone",
        "+49 151 2222222",
        "--do-not-involve",
    ]);
    let check_in = |urge: &str, now: &str| {
        env.test(["check-in", "--urge", urge, "--acted", "no"])
            .env("TZ", "Europe/Berlin")
            .env("COLUMNS", "50")
            .env("RELAPSE_PLAN_NOW", now)
            .run()
            .stdout
    };
    let first = check_in("3", "2026-11-20T08:00:00Z");
    assert!(!first.contains("strong"), "{first}");
    let second = check_in("9", "2026-11-20T19:00:00Z");
    let said = one_line(&second);
    assert!(
        said.contains("Added to your check-in for Fri 20 Nov"),
        "{said}"
    );
    assert!(
        said.contains("You noted an urge of 9 out of 10. Thank you for noting it. If it is still with you, this is what your own plan says:"),
        "{said}"
    );
    assert!(said.contains("1. Вийти з дому і піти до Олени"), "{said}");
    assert!(second.contains("Олена · +49 151 1111111"), "{second}");
    assert!(
        !said.contains("Дмитро"),
        "never someone not to involve:\n{said}"
    );
    assert!(
        said.contains("TelefonSeelsorge: call 0800 111 0 111"),
        "{said}"
    );
    assert_eq!(said.matches("Do these, in order").count(), 1, "{said}");
    // The next day, strong again: the early warning says it, once.
    let warned = one_line(&check_in("8", "2026-11-21T19:00:00Z"));
    assert!(
        warned.contains("Your plan has noticed something"),
        "{warned}"
    );
    assert!(!warned.contains("A strong urge"), "{warned}");
    assert_eq!(warned.matches("Do these, in order").count(), 1, "{warned}");
}

/// `review` of her own plan names each situation with no planned response
/// in her words (riskiest first), with the command that plans one, where
/// it said only "a trigger has no planned response".
#[test]
fn review_names_the_situations_with_no_plan() {
    let env = Env::new();
    env.ok(["init", "--name", "Оксана", "--country", "DE"]);
    for (situation, likely) in [
        ("П'ятниця ввечері сама вдома", "2"),
        ("שישי בערב לבד", "5"),
        ("Після сварки з мамою", "4"),
        ("Зарплата в п'ятницю", "3"),
    ] {
        env.ok([
            "trigger",
            "add",
            "--situation",
            situation,
            "--likelihood",
            likely,
            "--intensity",
            "4",
            "--confidence",
            "40",
        ]);
    }
    let review = env
        .test(["review"])
        .env("TZ", "Europe/Berlin")
        .env("COLUMNS", "50")
        .run()
        .stdout;
    let said = one_line(&review);
    assert!(
        said.contains("no planned response yet for “שישי בערב לבד”, “Після сварки з мамою” and 2 more (`relapse-plan map` helps plan one)"),
        "{review}"
    );
    assert!(
        !said.contains("a trigger has no planned response"),
        "{review}"
    );
}

/// Dates as she types them: "15.3." and "15.03." (day and month), and
/// Ukrainian and German relative dates, are read against her local day
/// (Europe/Berlin) and said back in words; a date that can't be read is
/// refused with an example in more than one form, dots first.
#[test]
fn dates_typed_in_ukrainian_and_german_are_read() {
    let env = Env::new();
    env.ok(["init", "--name", "Оксана", "--country", "DE"]);
    let set = |typed: &str, lang: &str| {
        env.test(["set", "--next-review", typed])
            .env("TZ", "Europe/Berlin")
            .env("LANG", lang)
            // 23:30 in Berlin on Sunday 22 November: her today.
            .env("RELAPSE_PLAN_NOW", "2026-11-22T22:30:00Z")
    };
    for (typed, lang, meant) in [
        ("15.3.", "uk_UA.UTF-8", "15 March 2027"),
        ("завтра", "uk_UA.UTF-8", "23 November 2026"),
        ("15.03.", "uk_UA.UTF-8", "15 March 2027"),
        ("за тиждень", "uk_UA.UTF-8", "29 November 2026"),
        ("за 2 тижні", "uk_UA.UTF-8", "6 December 2026"),
        ("morgen", "de_DE.UTF-8", "23 November 2026"),
        ("in 2 Wochen", "de_DE.UTF-8", "6 December 2026"),
    ] {
        let said = set(typed, lang).run().stderr;
        assert!(
            said.contains(&format!("next review on {meant}")),
            "{typed}: {said}"
        );
    }
    let refused = set("пʼятнадцятого", "uk_UA.UTF-8").status(2).run().stderr;
    assert!(
        refused.contains("write it like 31.03.2027, 31/03/2027 or 2027-03-31"),
        "{refused}"
    );
}

/// Her name on the printout and the card in a form that reads in any
/// language ("Crisis plan — Оксана", never "Оксана's crisis plan"), and at
/// "Which country are you in?" the country of her time zone comes first:
/// Germany for Europe/Berlin, whatever the Ukrainian locale says.
#[test]
fn her_name_in_titles_and_her_country_from_her_time_zone() {
    let env = Env::new();
    env.ok(["init", "--name", "Оксана", "--country", "DE"]);
    let printed = env.ok(["print", "--format", "text", "-o", "-"]);
    assert!(printed.contains("Crisis plan — Оксана"), "{printed}");
    assert!(!printed.contains("'s "), "{printed}");
    let show = env.ok(["show"]);
    assert!(show.contains("Plan — Оксана"), "{show}");

    let fresh = Env::new();
    let mut p = at_columns(&fresh, &["new"], "100")
        .env("TZ", "Europe/Berlin")
        .env("LANG", "uk_UA.UTF-8")
        .status(130)
        .pty();
    // Read up to "Somewhere else": with Taiwan in the list (issue 13),
    // "I'd rather not say" is below the menu's first page.
    let menu = utf8(&p.exp_string("Somewhere else").unwrap());
    assert!(menu.contains("❯ Germany"), "{menu}");
    p.send_control('c').unwrap();
    p.eof();
}

/// Issue 13: a second check-in, the next day, offers the sign she wrote in
/// her own words last time as a choice, and shows her last note in her
/// words ("Last time you noted: “…”"), so she types neither again. At 50
/// columns, in Europe/Berlin.
#[test]
fn a_second_check_in_offers_her_own_sign_and_shows_her_note() {
    let env = Env::new();
    env.ok(["init", "--name", "Оксана", "--country", "DE"]);
    env.ok(["warning-sign", "add", "Не сплю ночами"]);
    let check_in = |now: &str| {
        at_columns(&env, &["check-in"], "50")
            .env("TZ", "Europe/Berlin")
            .env("RELAPSE_PLAN_NOW", now)
            .pty()
    };
    let mut p = check_in("2026-11-28T20:00:00Z");
    answer(&mut p, "Strongest urge today", "3\r");
    answer(&mut p, "Did you act on an urge today?", "n\r");
    answer(
        &mut p,
        "Which of your warning signs showed today?",
        &format!("{DOWN} \r"),
    );
    answer(&mut p, "What else showed up", "Сварилася з мамою\r");
    answer(&mut p, "Add it to your plan's warning signs too?", "\r");
    answer(&mut p, "Distress or low mood today", "5\r");
    answer(
        &mut p,
        "Anything else about today",
        "Мама подзвонила, стало легше\r",
    );
    p.eof();

    let mut p = check_in("2026-11-29T19:00:00Z");
    answer(&mut p, "Strongest urge today", "2\r");
    answer(&mut p, "Did you act on an urge today?", "n\r");
    let menu = utf8(&p.exp_string("Something else").unwrap());
    assert!(menu.contains("[ ] Сварилася з мамою"), "{menu}");
    std::thread::sleep(std::time::Duration::from_millis(120));
    p.send(&format!("{DOWN} \r")).unwrap();
    p.flush().unwrap();
    answer(&mut p, "Distress or low mood today", "\r");
    let shown = one_line(&utf8(&p.exp_string("Anything else about today").unwrap()));
    assert!(
        shown.contains("Last time you noted: “Мама подзвонила, стало легше”."),
        "{shown}"
    );
    assert!(!shown.contains("What else showed up"), "{shown}");
    std::thread::sleep(std::time::Duration::from_millis(120));
    p.send("\r").unwrap();
    p.flush().unwrap();
    p.eof();
    let log = std::fs::read_to_string(env.plan_dir().join("check-ins.toml")).unwrap();
    let today = log.split("day = 2026-11-29").nth(1).unwrap();
    assert!(today.contains("signs = [\"Сварилася з мамою\"]"), "{log}");
    assert!(
        !today.contains("notes"),
        "her note stays on its own day:\n{log}"
    );
}

/// `trigger add "…"` takes her situation as the argument, as people type
/// it; `--situation` still works.
#[test]
fn trigger_add_takes_the_situation_as_its_argument() {
    let env = Env::new();
    env.ok(["init", "--name", "Оксана"]);
    env.ok(["trigger", "add", "Після сварки з мамою"]);
    env.ok(["trigger", "add", "--situation", "שישי בערב לבד"]);
    let plan = env.plan();
    assert_eq!(plan.triggers[0].situation, "Після сварки з мамою");
    assert_eq!(plan.triggers[1].situation, "שישי בערב לבד");
    env.fails(2, ["trigger", "add"]);
}
