//! Issues 12 and 13: someone she turns to is never left off in silence by
//! someone marked "do not involve" with the same number, typed another way
//! ("+251 91 123 4567" and "0911 23 45 67" in Ethiopia, "+44 7700 900123"
//! and "07700 900123" in Britain). Asked at once in a terminal, refused
//! with a hint without one, named by `validate` in a hand-edited plan, and
//! said by every output that leaves her out. Mulu writes Amharic, at 50
//! columns.

use crate::keys::Tmux;
use crate::{Env, one_line};

const SISTER: &str = "እህቴ ሰላም";
const SISTERS_NUMBER: &str = "+251 91 123 4567";
/// Her sister's number as Mulu typed it for someone else.
const THE_SAME_TYPED_AGAIN: &str = "0911 23 45 67";

/// Mulu's plan, in Ethiopia: her sister, someone she turns to.
fn mulus_plan() -> Env {
    let env = Env::new();
    env.ok(["init", "--name", "ሙሉ", "--country", "ET"]);
    env.ok([
        "contact",
        "add",
        "--name",
        SISTER,
        "--phone",
        SISTERS_NUMBER,
        "--role",
        "help",
    ]);
    env
}

/// Her plan with Abebe marked not to involve on her sister's number, as a
/// hand edit (or a plan saved before this was asked) leaves it.
fn both_by_hand() -> Env {
    let env = mulus_plan();
    env.ok([
        "contact",
        "add",
        "--name",
        "Abebe",
        "--phone",
        "0911 00 00 00",
        "--do-not-involve",
    ]);
    env.edit_plan_by_hand(
        "phone = \"0911 00 00 00\"",
        &format!("phone = \"{THE_SAME_TYPED_AGAIN}\""),
    );
    env
}

/// `contact add` in a terminal at 50 columns: asked, with both names and
/// what it would mean; "no" adds nothing, "yes" keeps it and says where
/// her sister is left off.
#[test]
fn adding_someone_not_to_involve_on_her_sisters_number_asks_first() {
    let env = mulus_plan();
    let add = [
        "contact",
        "add",
        "--name",
        "Abebe",
        "--phone",
        THE_SAME_TYPED_AGAIN,
        "--do-not-involve",
    ];
    let t = Tmux::start(&env, &add, 50);
    t.wait_for("Keep it anyway?");
    let said = one_line(&t.scrollback_joined());
    assert!(
        said.contains(&format!(
            "“{THE_SAME_TYPED_AGAIN}” is the same number as “{SISTER}”, someone you turn to. With “Abebe” marked not to involve, “{SISTER}” would be left off your crisis screen, card and printout."
        )),
        "{said}"
    );
    t.type_text("n");
    t.keys(&["Enter"]);
    t.wait_until_ended();
    let said = one_line(&t.scrollback_joined());
    assert!(
        said.contains("Nothing was added: your plan is as it was."),
        "{said}"
    );
    assert!(!env.plan().contacts.iter().any(|c| c.name == "Abebe"));
    drop(t);

    let t = Tmux::start(&env, &add, 50);
    t.wait_for("Keep it anyway?");
    t.type_text("y");
    t.keys(&["Enter"]);
    t.wait_until_ended();
    let said = one_line(&t.scrollback_joined());
    assert!(
        said.contains(&format!(
            "“{SISTER}” is left off your crisis screen, card and printout while it shares this number; each says so."
        )),
        "{said}"
    );
    assert!(env.plan().contacts.iter().any(|c| c.name == "Abebe"));
    let now = one_line(&env.ok(["now", "--plain"]));
    assert!(
        now.contains(&format!("(\"{SISTER}\" is not shown here: their number is also the number of someone you marked not to involve")),
        "{now}"
    );
}

/// `contact edit` giving someone not to involve her sister's number, in a
/// terminal: asked the same, and "no" changes nothing.
#[test]
fn giving_him_her_sisters_number_asks_first() {
    let env = mulus_plan();
    env.ok([
        "contact",
        "add",
        "--name",
        "Abebe",
        "--phone",
        "0911 00 00 00",
        "--do-not-involve",
    ]);
    let t = Tmux::start(
        &env,
        &["contact", "edit", "Abebe", "--phone", THE_SAME_TYPED_AGAIN],
        50,
    );
    t.wait_for("Keep it anyway?");
    let said = one_line(&t.scrollback_joined());
    assert!(
        said.contains(&format!(
            "is the same number as “{SISTER}”, someone you turn to."
        )),
        "{said}"
    );
    t.type_text("n");
    t.keys(&["Enter"]);
    t.wait_until_ended();
    let said = one_line(&t.scrollback_joined());
    assert!(
        said.contains("Nothing was changed: your plan is as it was."),
        "{said}"
    );
    let plan = env.plan();
    let abebe = plan.contacts.iter().find(|c| c.name == "Abebe").unwrap();
    assert_eq!(abebe.phone.as_deref(), Some("0911 00 00 00"));
}

/// Without a terminal (a script, a pipe), nothing can be asked: refused,
/// saying whom it would leave off, with a hint; in Ethiopia and in
/// Britain, by `contact add`, `contact edit` and a role changed by `edit`.
#[test]
fn without_a_terminal_it_is_refused_with_a_hint() {
    let env = mulus_plan();
    let before = env.snapshot_dir();
    let said = one_line(&env.fails(
        1,
        [
            "contact",
            "add",
            "--name",
            "Abebe",
            "--phone",
            THE_SAME_TYPED_AGAIN,
            "--do-not-involve",
        ],
    ));
    assert!(
        said.contains(&format!(
            "error: “{THE_SAME_TYPED_AGAIN}” is also the number of “{SISTER}”, someone you turn to: with “Abebe” marked not to involve, “{SISTER}” would be left off your crisis screen, card and printout. Nothing was changed"
        )),
        "{said}"
    );
    assert!(
        said.contains("hint: check the number you typed. If they really share it (one home phone), run the same command in a terminal, which asks whether to keep it"),
        "{said}"
    );
    assert_eq!(env.snapshot_dir(), before, "nothing was saved");

    // Someone she turns to, then marked not to involve, in Britain.
    let env = Env::new();
    env.ok(["init", "--name", "Sam", "--country", "GB"]);
    env.ok([
        "contact",
        "add",
        "--name",
        "Mum",
        "--phone",
        "+44 7700 900123",
        "--role",
        "help",
    ]);
    env.ok([
        "contact",
        "add",
        "--name",
        "Dermot",
        "--phone",
        "07700 900123",
        "--role",
        "help",
    ]);
    let said = one_line(&env.fails(1, ["contact", "edit", "Dermot", "--do-not-involve", "true"]));
    assert!(
        said.contains("“07700 900123” is also the number of “Mum”, someone you turn to"),
        "{said}"
    );
    assert!(
        env.plan()
            .contacts
            .iter()
            .all(relapse_plan::plan::Contact::to_involve)
    );
}

/// `contact import --role do-not-involve`: a card on her sister's number
/// is set aside and named, with the command that asks; the rest come in.
#[test]
fn an_imported_card_on_her_sisters_number_is_set_aside_and_said() {
    let env = mulus_plan();
    let file = env.home().join("phone.vcf");
    std::fs::write(
        &file,
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Abebe\r\nTEL:0911 23 45 67\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Kebede\r\nTEL:0911 99 45 68\r\nEND:VCARD\r\n",
    )
    .unwrap();
    let ran = env
        .test(["contact", "import", "--role", "do-not-involve", "--yes"])
        .arg(&file)
        .run();
    let said = one_line(&ran.stderr);
    assert!(
        said.contains(&format!(
            "Not imported: the number or name of someone you turn to, so they would be left off your crisis screen, card and printout: Abebe · 0911 23 45 67 (the same number as “{SISTER}”, someone you turn to. If that is right, `relapse-plan contact add --name Abebe --phone '0911 23 45 67' --do-not-involve` asks whether to keep it)"
        )),
        "{said}"
    );
    let names: Vec<String> = env.plan().contacts.into_iter().map(|c| c.name).collect();
    assert_eq!(names, [SISTER, "Kebede"]);
}

/// A hand-edited plan holding both: `validate` names it as a problem,
/// and the printout, the card and the check-in say she is left off, in
/// her sister's name, where `now` already did.
#[test]
fn a_plan_holding_both_says_so_wherever_she_is_left_off() {
    let env = both_by_hand();
    let file = env.plan_file();
    let said = one_line(&env.fails(1, ["validate", file.to_str().unwrap()]));
    assert!(
        said.contains(&format!(
            "contact “{SISTER}” phone: is also the number of “Abebe”, whom your plan marks not to involve in a crisis; “{SISTER}” is left off your crisis screen, card and printout until one of the two numbers is changed"
        )),
        "{said}"
    );

    let printed = one_line(&env.ok(["print"]));
    assert!(
        printed.contains(&format!(
            "People I can ask for help - {SISTER}: left off, as it is the number of someone you said not to involve"
        )),
        "{printed}"
    );
    assert!(!printed.contains(SISTERS_NUMBER), "{printed}");

    let card = env.test(["print", "--card"]).run();
    let said = one_line(&card.stderr);
    assert!(
        said.contains(&format!(
            "On the card, left off: {SISTER} (their number is also the number of someone you marked not to involve); the full plan says so too."
        )),
        "{said}"
    );
    assert!(!said.contains("the full plan has it whole"), "{said}");

    let checked_in = one_line(&env.ok(["check-in", "--urge", "9", "--acted", "no"]));
    assert!(
        checked_in.contains(&format!(
            "(“{SISTER}” is not shown here: their number is also the number of someone you marked not to involve"
        )),
        "{checked_in}"
    );
}
