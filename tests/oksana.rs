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
    assert!(menu.contains("❯ (↑ ↓ to choose, then Enter)"), "{menu}");
    std::thread::sleep(std::time::Duration::from_millis(150));
    p.send(ENTER).unwrap();
    p.flush().unwrap();
    let again = utf8(&p.exp_string("never shows someone not").unwrap());
    assert!(again.contains("Nothing chosen yet for Дмитро"), "{again}");
    answer(
        &mut p,
        "Someone not to involve",
        &format!("{DOWN}{DOWN}{DOWN}{DOWN}{ENTER}"),
    );
    let said = one_line(&utf8(&p.eof()));
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

/// `text` with its line breaks and runs of spaces as single spaces, to find
/// a sentence the terminal's width wrapped.
pub(crate) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

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
        list.contains("П'ятниця ввечері сама вдома no plan yet to practise · id:"),
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
