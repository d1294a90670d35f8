//! Issue 12/13, fresh eyes round 6 (Noa, Hebrew, Jerusalem): an old or
//! wrong number never sits silently in a crisis step. A number someone
//! had before it changed is marked as their old number on every screen,
//! whatever words surround it (Hebrew and Arabic join "to" to a name);
//! someone to turn to is never given the number of someone she marked
//! not to involve; a step holding that number is said and marked.

use crate::Env;

/// The words a person reads, one line: bidi marks and isolates left out,
/// runs of spaces and line breaks made one space.
fn read(text: &str) -> String {
    let kept: String = text
        .chars()
        .filter(|c| !matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'))
        .collect();
    kept.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Noa's plan: her sister (to call), her brother (not to involve), her
/// therapist; crisis steps in Hebrew and in Arabic.
fn noas_plan() -> Env {
    let env = Env::new();
    env.ok(["init", "--name", "נועה", "--country", "IL"]);
    env.ok([
        "contact",
        "add",
        "--name",
        "אחותי מיכל",
        "--phone",
        "052-555-1234",
        "--role",
        "help",
    ]);
    env.ok([
        "contact",
        "add",
        "--name",
        "יונתן",
        "--phone",
        "054-777-8888",
        "--do-not-involve",
    ]);
    env.ok([
        "contact",
        "add",
        "--name",
        "ד\"ר כהן",
        "--phone",
        "02-555-6666",
        "--role",
        "professional",
    ]);
    env.ok(["step", "add", "לנשום עמוק"]);
    env.ok(["step", "add", "להתקשר למיכל 052-555-1234"]);
    env.ok(["step", "add", "اتصل بـ 052-555-1234"]);
    env
}

const OLD: &str =
    "(the number here is an old number of אחותי מיכל; the one saved now is 052-555-9999)";

/// Her sister's number changed twice: the first old number, in a Hebrew
/// step naming her with a prefix and in an Arabic step not naming her at
/// all, is marked on `now`, `validate`, the card and the check-in.
#[test]
fn an_old_number_is_marked_after_every_change_on_every_screen() {
    let env = noas_plan();
    env.ok(["contact", "edit", "1", "--phone", "052-555-4321"]);
    env.ok(["contact", "edit", "1", "--phone", "052-555-9999"]);

    let now = read(&env.ok(["now"]));
    assert_eq!(now.matches(OLD).count(), 2, "{now}");
    assert!(
        now.contains(&format!("2. להתקשר למיכל 052-555-1234 {OLD}")),
        "{now}"
    );
    assert!(
        now.contains(&format!("3. اتصل بـ 052-555-1234 {OLD}")),
        "{now}"
    );

    let plan = env.plan_file();
    let validate = env.test(["validate"]).arg(&plan).run();
    let said = read(&format!("{}{}", validate.stdout, validate.stderr));
    assert!(said.contains("is a valid plan"), "{said}");
    assert!(
        said.contains("Crisis step 2 (“להתקשר למיכל 052-555-1234”): the number here is an old number of אחותי מיכל; the one saved now is 052-555-9999. Worth a look"),
        "{said}"
    );
    assert!(
        said.contains("Crisis step 3 (“اتصل بـ 052-555-1234”): the number here is an old number"),
        "{said}"
    );

    let card = read(&env.ok(["print", "--card", "-o", "-"]));
    assert!(
        card.contains(&format!(
            "להתקשר למיכל (check this number) 052-555-1234 {OLD}"
        )),
        "{card}"
    );
    assert!(
        card.contains(&format!("اتصل بـ (check this number) 052-555-1234 {OLD}")),
        "{card}"
    );

    let check_in = read(&env.ok(["check-in", "--urge", "8"]));
    assert_eq!(check_in.matches(OLD).count(), 2, "{check_in}");

    // Kept in the file, shown nowhere but in the mark.
    let file = std::fs::read_to_string(&plan).unwrap();
    assert!(file.contains("[[former_phones]]"), "{file}");
    assert!(!read(&env.ok(["contact", "list"])).contains("052-555-1234"));
}

/// Her current number in a step is no old number: nothing said.
#[test]
fn the_number_saved_now_is_not_marked() {
    let env = noas_plan();
    env.ok(["contact", "edit", "1", "--phone", "052-555-9999"]);
    env.ok(["step", "edit", "2", "להתקשר למיכל 052-555-9999"]);
    env.ok(["step", "remove", "3"]);
    let now = read(&env.ok(["now"]));
    assert!(!now.contains("the number here"), "{now}");
}

/// `contact edit` refuses to give her therapist her brother's number
/// (written another way) in the words `contact add` uses, and changes
/// nothing: before, it saved without a word and the therapist vanished
/// from `now`.
#[test]
fn a_helper_is_never_given_the_number_of_someone_not_to_involve() {
    let env = noas_plan();
    let said = read(&env.fails(1, ["contact", "edit", "3", "--phone", "+972 54-777-8888"]));
    assert!(
        said.contains("יונתן is on your plan as someone not to involve in a crisis, so ד\"ר כהן was not given their number as someone to turn to. Nothing was changed"),
        "{said}"
    );
    assert!(said.contains("contact edit 2 --role help"), "{said}");
    assert_eq!(env.plan().contacts[2].phone.as_deref(), Some("02-555-6666"));
    assert!(read(&env.ok(["now"])).contains("ד\"ר כהן · 02-555-6666"));
}

/// A step holding her brother's number (his name joined to "to") is
/// kept in her words, said at once, and marked on `now` and the card,
/// where the number is no number to call.
#[test]
fn a_step_with_the_number_of_someone_not_to_involve_is_said_and_marked() {
    let env = noas_plan();
    let ran = env
        .test(["step", "add", "להתקשר ליונתן 054-777-8888"])
        .run();
    let said = read(&ran.stderr);
    assert!(
        said.contains("Your crisis step 4 holds the number of “יונתן”, whom you marked not to involve in a crisis. It is saved as you wrote it"),
        "{said}"
    );
    assert_eq!(
        env.plan().crisis_steps[3].text,
        "להתקשר ליונתן 054-777-8888"
    );
    let mark = "(the number here is the number of someone you said not to involve)";
    let now = read(&env.ok(["now"]));
    assert!(
        now.contains(&format!(
            "4. להתקשר ליונתן 054-777-8888 (you said not to involve יונתן) {mark}"
        )),
        "{now}"
    );
    let card = read(&env.ok(["print", "--card", "-o", "-"]));
    assert!(
        card.contains(&format!(
            "(check this number) 054-777-8888 (you said not to involve יונתן) {mark}"
        )),
        "{card}"
    );
    let html = env.ok(["print", "--card", "--format", "html", "-o", "-"]);
    assert!(
        !html.contains("tel:+972547778888") && !html.contains("tel:054"),
        "{html}"
    );
    // Without his name, the number alone.
    env.ok(["step", "add", "Call +972 54 777 8888"]);
    let now = read(&env.ok(["now"]));
    assert!(
        now.contains(&format!("5. Call +972 54 777 8888 {mark}")),
        "{now}"
    );
}

/// Waits until the last line on screen that holds anything contains
/// `what`, then returns the screen (as tests/resumed.rs does).
#[track_caller]
fn asked(t: &crate::keys::Tmux, what: &str) -> String {
    for _ in 0..200 {
        let screen = t.screen();
        let last = screen.lines().rev().find(|row| !row.trim().is_empty());
        if last.is_some_and(|row| row.contains(what)) {
            std::thread::sleep(std::time::Duration::from_millis(150));
            return t.screen();
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    panic!("never asked {what:?}:\n{}", t.scrollback());
}

/// In `new`, "Change someone": her therapist given her brother's number
/// is said in `contact edit`'s words, and his number stays as it was.
#[test]
fn change_someone_in_new_never_gives_a_helper_their_number() {
    let env = Env::new();
    env.ok(["init", "--name", "Noa", "--country", "GB"]);
    env.ok([
        "contact",
        "add",
        "--name",
        "Dr Cohen",
        "--phone",
        "02-555-6666",
        "--role",
        "professional",
    ]);
    env.ok([
        "contact",
        "add",
        "--name",
        "Yonatan",
        "--phone",
        "054-777-8888",
        "--do-not-involve",
    ]);
    let t = crate::keys::Tmux::start(&env, &["new"], 100);
    asked(&t, "Walk through it and change what you like?");
    t.keys(&["Enter"]);
    asked(&t, "Your name on the plan?");
    t.keys(&["Enter"]);
    for question in ["What keeps you going?", "A sign that things are sliding?"] {
        asked(&t, question);
        t.keys(&["Enter"]);
        t.wait_for("Done with this section");
        t.keys(&["Enter"]);
    }
    asked(&t, "What situation puts you at risk?");
    t.keys(&["Enter"]);
    t.wait_for("Done with triggers");
    t.keys(&["Enter"]);
    t.wait_for("Done with this section");
    t.wait_for("Change someone");
    t.keys(&["Down", "Down", "Enter"]);
    t.wait_for("Dr Cohen");
    t.keys(&["Enter"]);
    asked(&t, "Their name, as you call them");
    t.keys(&["Enter"]);
    asked(&t, "Phone number for Dr Cohen?");
    t.keys(&["C-u"]);
    t.type_text("+972 54-777-8888");
    t.keys(&["Enter"]);
    t.wait_for("Who is Dr Cohen for you?");
    let said = read(&t.scrollback_joined());
    assert!(
        said.contains("Yonatan is on your plan as someone not to involve in a crisis, so Dr Cohen was not given their number as someone to turn to. Their number is kept as it was."),
        "{said}"
    );
    t.keys(&["C-c"]);
    t.wait_until_ended();
    drop(t);
    let draft = std::fs::read_to_string(env.plan_dir().join("draft.toml")).unwrap();
    assert!(draft.contains("02-555-6666"), "{draft}");
    assert!(!draft.contains("+972 54-777-8888"), "{draft}");
}

/// In `new`, a crisis step holding her brother's number, without his
/// name, is said as his number and she is asked whether to keep it, as a
/// step naming him is.
#[test]
fn a_step_typed_in_new_with_their_number_is_said() {
    let env = Env::new();
    env.ok(["init", "--name", "Noa", "--country", "GB"]);
    env.ok([
        "contact",
        "add",
        "--name",
        "Yonatan",
        "--phone",
        "054-777-8888",
        "--do-not-involve",
    ]);
    let t = crate::keys::Tmux::start(&env, &["new"], 100);
    asked(&t, "Walk through it and change what you like?");
    t.keys(&["Enter"]);
    asked(&t, "Your name on the plan?");
    t.keys(&["Enter"]);
    for question in ["What keeps you going?", "A sign that things are sliding?"] {
        asked(&t, question);
        t.keys(&["Enter"]);
        t.wait_for("Done with this section");
        t.keys(&["Enter"]);
    }
    asked(&t, "What situation puts you at risk?");
    t.keys(&["Enter"]);
    t.wait_for("Done with triggers");
    t.keys(&["Enter"]);
    t.wait_for("Done with this section");
    t.wait_for("Change someone");
    t.keys(&["Enter"]);
    asked(&t, "What will you do, in order?");
    t.type_text("Call +972 54 777 8888");
    t.keys(&["Enter"]);
    t.wait_for("Keep it as you wrote it?");
    let said = read(&t.scrollback_joined());
    assert!(
        said.contains("This step holds the number of “Yonatan”, whom you marked not to involve in a crisis. That may be just what you meant."),
        "{said}"
    );
    t.keys(&["C-c"]);
    t.wait_until_ended();
}
