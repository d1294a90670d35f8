//! Carrying on after Ctrl-C, in a real terminal (issue 13, Layla): the
//! words she was typing go back to the person or trigger they were about,
//! and the question says whose they are.

use std::time::Duration;

use crate::Env;
use crate::keys::Tmux;

/// Waits until the last line on screen that holds anything contains
/// `what` (the question now asked, not one left above it), then returns
/// the screen.
#[track_caller]
pub(crate) fn asked(t: &Tmux, what: &str) -> String {
    for _ in 0..200 {
        let screen = t.screen();
        let last = screen.lines().rev().find(|row| !row.trim().is_empty());
        if last.is_some_and(|row| row.contains(what)) {
            std::thread::sleep(Duration::from_millis(150));
            return t.screen();
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("never asked {what:?}:\n{}", t.scrollback());
}

/// Waits until a menu shows `choice` under the cursor.
#[track_caller]
pub(crate) fn on(t: &Tmux, choice: &str) {
    for _ in 0..200 {
        if t.screen()
            .lines()
            .any(|row| row.contains(&format!("❯ {choice}")))
        {
            std::thread::sleep(Duration::from_millis(150));
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("never on {choice:?}:\n{}", t.scrollback());
}

/// Layla's plan: four people she can ask for help, in Arabic.
fn laylas_plan() -> Env {
    let env = Env::new();
    env.ok(["init", "--name", "ليلى", "--country", "GB"]);
    for (name, phone) in [
        ("مريم", "+20 10 1111 1111"),
        ("أحمد", "+20 10 2222 2222"),
        ("سارة", "+20 10 3333 3333"),
        ("خالد", "+20 10 4444 4444"),
    ] {
        env.ok([
            "contact", "add", "--name", name, "--phone", phone, "--role", "help",
        ]);
    }
    env.ok(["step", "add", "اتصل ب سارة على +20 10 3333 3333"]);
    env
}

/// `new` on her plan, through the sections before People (all empty), to
/// the People menu.
fn to_people(env: &Env) -> Tmux {
    let t = Tmux::start(env, &["new"], 100);
    asked(&t, "Walk through it and change what you like?");
    t.keys(&["Enter"]);
    asked(&t, "Your name on the plan?");
    t.keys(&["Enter"]);
    for question in ["What keeps you going?", "A sign that things are sliding?"] {
        asked(&t, question);
        t.keys(&["Enter"]);
        on(&t, "Done with this section");
        t.keys(&["Enter"]);
    }
    asked(&t, "What situation puts you at risk?");
    t.keys(&["Enter"]);
    on(&t, "Done with triggers");
    t.keys(&["Enter"]);
    on(&t, "Done with this section");
    t.wait_for("Change someone");
    t
}

/// She changed her third person's number, chose their role, typed when
/// she can reach them and pressed Ctrl-C. Carrying on asked "Their phone
/// number?" without saying whose, then about her fourth person, and saved
/// "Sunday 5-8pm" on him. The words go back to سارة, by name.
#[test]
fn words_stopped_while_changing_someone_go_back_to_that_person() {
    let env = laylas_plan();
    let t = to_people(&env);
    t.keys(&["Down", "Down", "Enter"]);
    on(&t, "مريم");
    t.keys(&["Down", "Down", "Enter"]);
    asked(&t, "Their name, as you call them");
    t.keys(&["Enter"]);
    let screen = asked(&t, "Phone number for سارة?");
    assert!(screen.contains("+20 10 3333 3333"), "{screen}");
    t.keys(&["C-u"]);
    t.type_text("+20 10 3333 0000");
    t.keys(&["Enter"]);
    t.wait_for("Who is سارة for you?");
    // Her step still holds the number just changed: said, in her words.
    let said = t.scrollback_joined();
    assert!(
        said.contains("One of your crisis steps still holds the old number, +20 10 3333 3333:"),
        "{said}"
    );
    assert!(
        crate::unmarked(&said).contains("  1. اتصل ب سارة على +20 10 3333 3333"),
        "{said}"
    );
    on(&t, "Someone I can ask for help");
    t.keys(&["Enter"]);
    asked(&t, "When can you reach سارة?");
    t.type_text("Sunday 5-8pm");
    t.keys(&["C-c"]);
    t.wait_until_ended();
    drop(t);

    let t = Tmux::start(&env, &["new"], 100);
    on(&t, "Carry on with them");
    t.keys(&["Enter"]);
    let screen = asked(&t, "When can you reach سارة?");
    assert!(screen.contains("Carrying on with سارة."), "{screen}");
    assert!(screen.contains("Sunday 5-8pm"), "{screen}");
    t.keys(&["Enter"]);
    on(&t, "Done with this section");
    t.keys(&["C-c"]);
    t.wait_until_ended();
    drop(t);

    let draft = std::fs::read_to_string(env.plan_dir().join("draft.toml")).unwrap();
    let parsed: toml::Table = toml::from_str(&draft).unwrap();
    let contacts = parsed["plan"]["contacts"].as_array().unwrap();
    let reach: Vec<Option<&str>> = contacts
        .iter()
        .map(|c| c.get("reachable").and_then(|r| r.as_str()))
        .collect();
    assert_eq!(reach, [None, None, Some("Sunday 5-8pm"), None], "{draft}");
    let phones: Vec<&str> = contacts
        .iter()
        .map(|c| c["phone"].as_str().unwrap())
        .collect();
    assert_eq!(
        phones,
        [
            "+20 10 1111 1111",
            "+20 10 2222 2222",
            "+20 10 3333 0000",
            "+20 10 4444 4444"
        ],
        "{draft}"
    );
}

/// The answers of Layla's first `new`, stopped by Ctrl-C while she typed
/// her third crisis step: no plan saved yet, only this draft.
const LAYLAS_FIRST_DRAFT: &str = r#"schema_version = 1
wizard = "new"
started_at = 2026-11-22T09:25:57Z
base_revision = 0
done = ["country", "about", "reasons", "warning-signs", "triggers", "ranking", "responses", "contacts"]

[unsent]
question = "What will you do, in order?"
initial = ""
typed = "أذهب إلى"
step = "crisis-steps"

[plan]
schema_version = 3
revision = 0
name = "ليلى"
country = "GB"

[[plan.contacts]]
id = "mrym"
name = "مريم"
phone = "+20 10 1234 5678"
role = "help"
reachable = "بعد ٦ مساءً"

[[plan.contacts]]
id = "khld"
name = "خالد"
phone = "+20 10 9999 9999"
role = "do-not-involve"

[[plan.crisis_steps]]
text = "أتنفس ببطء"

[[plan.crisis_steps]]
text = "اتصل بمريم على +20 10 1234 5678"
"#;

/// `now` with no saved plan but a draft: it sent Layla to `init`, with
/// none of the people and steps she had typed (and was told were kept).
/// It shows them, said as not saved yet, with the crisis lines, and
/// points to `new`, which carries on with them.
#[test]
fn now_before_the_first_save_shows_what_the_answers_hold() {
    let env = Env::new();
    std::fs::create_dir_all(env.plan_dir()).unwrap();
    std::fs::write(env.plan_dir().join("draft.toml"), LAYLAS_FIRST_DRAFT).unwrap();
    let out = crate::unmarked(&env.ok(["now"]));
    // A dash, not a dot, between her Arabic facts (rtl14a).
    for expected in [
        "not saved as your plan yet",
        "1. أتنفس ببطء",
        "2. اتصل بمريم على +20 10 1234 5678",
        "مريم — +20 10 1234 5678 — بعد ٦ مساءً",
        "Samaritans: call 116 123",
        "`relapse-plan new` carries on with them",
    ] {
        assert!(out.contains(expected), "{expected:?} in:\n{out}");
    }
    assert!(!out.contains("relapse-plan init"), "{out}");
    assert!(!out.contains("خالد"), "someone not to involve:\n{out}");
    // Her answers are shown, never changed.
    let draft = std::fs::read_to_string(env.plan_dir().join("draft.toml")).unwrap();
    assert_eq!(draft, LAYLAS_FIRST_DRAFT);
}

/// Olena, in Berlin, at 50 columns: in `map` she wrote a new strategy,
/// gave it a first step and was typing the second when she pressed
/// Ctrl-C. Carrying on promised the words "back on the line when the
/// question comes again", and the question never came: the strategy was
/// saved with one step and her words were dropped. Now carrying on goes
/// to that strategy's next step first, her words on the line.
#[test]
fn words_stopped_among_a_strategys_steps_go_back_to_that_strategy() {
    let env = Env::new();
    env.ok(["init", "--name", "Олена", "--country", "DE"]);
    let t = Tmux::start(&env, &["map"], 50);
    asked(&t, "What situation puts you at risk?");
    t.type_text("Реклама казино ввечері");
    t.keys(&["Enter"]);
    t.wait_for("What kind of situation is it?");
    t.keys(&["Enter"]);
    for question in [
        "What thought comes with it?",
        "What feeling comes with it?",
        "What urge comes with it?",
        "What situation puts you at risk?",
    ] {
        asked(&t, question);
        t.keys(&["Enter"]);
    }
    on(&t, "Done with triggers");
    t.keys(&["Enter"]);
    t.wait_for("Rate now?");
    t.keys(&["n", "Enter"]);
    t.wait_for("has no planned response yet");
    t.keys(&["y", "Enter"]);
    on(&t, "Start from an example");
    t.keys(&["Up", "Enter"]);
    asked(&t, "What do you call it?");
    t.type_text("Перейти на інший бік вулиці");
    t.keys(&["Enter"]);
    t.wait_for("What kind of strategy is it?");
    t.keys(&["Enter"]);
    asked(&t, "Your answer");
    t.type_text("Іти швидко");
    t.keys(&["Enter"]);
    t.wait_for("✔ Your answer · Іти швидко");
    asked(&t, "Your answer");
    t.type_text("Написати Каті що я");
    t.keys(&["C-c"]);
    t.wait_until_ended();
    drop(t);

    let t = Tmux::start(&env, &["map"], 50);
    on(&t, "Carry on with them");
    t.keys(&["Enter"]);
    let screen = asked(&t, "Your answer");
    let words = crate::one_line(&screen);
    assert!(
        words.contains("Carrying on with “Перейти на інший бік вулиці”."),
        "{screen}"
    );
    assert!(words.contains("Написати Каті що я"), "{screen}");
    t.type_text(" вдома");
    t.keys(&["Enter"]);
    t.wait_for("✔ Your answer · Написати Каті що я");
    asked(&t, "Your answer");
    t.keys(&["Enter"]);
    on(&t, "Done with triggers");
    t.keys(&["Enter"]);
    t.wait_for("Rate now?");
    t.keys(&["n", "Enter"]);
    asked(&t, "A sign that things are sliding?");
    t.keys(&["Enter"]);
    on(&t, "Done with this section");
    t.keys(&["Enter"]);
    on(&t, "Save to my plan");
    t.keys(&["Enter"]);
    t.wait_until_ended();
    let plan = env.plan();
    assert_eq!(
        plan.coping[0].steps,
        ["Іти швидко", "Написати Каті що я вдома"],
        "{}",
        t.scrollback()
    );
}
