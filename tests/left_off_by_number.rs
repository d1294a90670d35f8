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

/// In `new`, at 50 columns: Abebe added as someone not to involve with
/// her sister's number typed another way is said at once and asked; "no"
/// asks his number again, and a number of his own goes on.
#[test]
fn the_walk_through_asks_and_lets_her_change_the_number() {
    use crate::oksana::utf8;
    use crate::terminal::{DOWN, ENTER, answer, at_columns};
    let env = mulus_plan();
    let mut p = at_columns(&env, &["new"], "50")
        .env("TZ", "Africa/Addis_Ababa")
        .status(130)
        .pty();
    answer(&mut p, "change what you like?", ENTER);
    // Ethiopia has no checked emergency number or line: asked once each.
    answer(&mut p, "Your local emergency number?", ENTER);
    answer(&mut p, "The line's name? (Enter skips)", ENTER);
    answer(&mut p, "Your name on the plan?", ENTER);
    answer(&mut p, "What keeps you going?", ENTER);
    answer(&mut p, "What next?", ENTER);
    answer(&mut p, "A sign that things are sliding?", ENTER);
    answer(&mut p, "What next?", ENTER);
    answer(&mut p, "What situation puts you at risk?", ENTER);
    answer(&mut p, "Done with triggers", ENTER);
    answer(&mut p, "Remove someone", &format!("{DOWN}{ENTER}"));
    answer(&mut p, "Who is it?", "Abebe\r");
    answer(&mut p, "(optional)", &format!("{THE_SAME_TYPED_AGAIN}\r"));
    answer(
        &mut p,
        "Someone not to involve",
        &format!("{DOWN}{DOWN}{DOWN}{DOWN}{ENTER}"),
    );
    let said = one_line(&utf8(&p.exp_string("Keep it anyway?").unwrap()));
    assert!(
        said.contains(&format!(
            "“{THE_SAME_TYPED_AGAIN}” is the same number as “{SISTER}”, someone you turn to. With “Abebe” marked not to involve, “{SISTER}” would be left off your crisis screen, card and printout."
        )),
        "{said}"
    );
    answer(&mut p, "(y/N)", "n\r");
    // His number asked again, starting from what she typed: cleared and
    // typed anew.
    answer(&mut p, "Phone number for Abebe?", "\x15");
    std::thread::sleep(std::time::Duration::from_millis(150));
    p.send("0922 00 11 22\r").unwrap();
    p.flush().unwrap();
    let said = one_line(&utf8(&p.exp_string("Who is it?").unwrap()));
    assert!(!said.contains("Keep it anyway?"), "{said}");
    std::thread::sleep(std::time::Duration::from_millis(150));
    p.send_control('c').unwrap();
    p.eof();
    let draft = std::fs::read_to_string(env.plan_dir().join("draft.toml")).unwrap();
    assert!(draft.contains("0922 00 11 22"), "{draft}");
    assert!(!draft.contains(THE_SAME_TYPED_AGAIN), "{draft}");
}

/// A therapist's review of a hand-in whose emergency number, whose own
/// crisis line, or whose someone to turn to has the number of the one
/// her client marked not to involve: each said under "Worth talking
/// about" (Trudy's therapist saw nothing).
#[test]
fn a_review_says_where_the_hand_in_meets_someone_not_to_involve() {
    let env = Env::new();
    env.ok(["init", "--name", "Trudy", "--country", "NZ"]);
    env.ok([
        "contact",
        "add",
        "--name",
        "Dermot",
        "--phone",
        "021 555 9999",
        "--do-not-involve",
    ]);
    let homework = env.home().join("homework.toml");
    let hand_in = env.home().join("hand-in.toml");
    env.test([
        "homework",
        "assign",
        "--therapist",
        "Dr Rao",
        "--due",
        "2026-12-20",
        "--task",
        "add-reasons=1",
        "-o",
    ])
    .arg(&homework)
    .run();
    env.test(["homework", "start"]).arg(&homework).run();
    env.ok(["reason", "add", "my kids"]);
    env.test(["homework", "submit", "--yes", "-o"])
        .arg(&hand_in)
        .run();
    // As a hand edit, or a file from anyone, can leave it.
    let mut text = std::fs::read_to_string(&hand_in).unwrap();
    text.push_str(
        "\n[[plan.contacts]]\nid = \"mum\"\nname = \"Mum\"\nphone = \"+64 21 555 9999\"\nrole = \"help\"\n\n[plan.own_lines]\nemergency = \"+64 21 555 9999\"\n\n[[plan.own_lines.lines]]\nname = \"Friend line\"\ncall = \"0215559999\"\n",
    );
    std::fs::write(&hand_in, text).unwrap();
    let said = one_line(&env.test(["review"]).arg(&hand_in).run().stdout);
    for flag in [
        "the emergency number in the plan, +64 21 555 9999, is the number of “Dermot”, marked not to involve in a crisis: it is left off every screen and page until it is changed",
        "the number to call for the crisis line “Friend line” is the number of “Dermot”, marked not to involve in a crisis",
        "“Mum”, someone to turn to, is left off the crisis screen, card and printout: their number is also the number of “Dermot”, marked not to involve",
    ] {
        assert!(said.contains(flag), "{flag}\n{said}");
    }
}

/// Trudy's plan: "Seán Byrne", marked not to involve.
fn seans_plan() -> Env {
    let env = Env::new();
    env.ok(["init", "--name", "Trudy", "--country", "IE"]);
    env.ok([
        "contact",
        "add",
        "--name",
        "Seán Byrne",
        "--phone",
        "087 555 0101",
        "--do-not-involve",
    ]);
    env
}

/// "Seán" (typed decomposed, as some keyboards send it) added as help
/// beside "Seán Byrne": asked in a terminal; "yes" (and Enter) adds no
/// one, "no" adds another Seán.
#[test]
fn one_word_of_his_name_is_asked_about_in_a_terminal() {
    let env = seans_plan();
    let add = ["contact", "add", "--name", "Sea\u{301}n", "--role", "help"];
    let t = Tmux::start(&env, &add, 50);
    let screen = one_line(&t.wait_for("(Y/n)"));
    assert!(
        screen.contains("Is this Seán Byrne, whom you said not to involve?"),
        "{screen}"
    );
    // Enter alone is "yes": a stray Enter adds no one (Mulu).
    t.keys(&["Enter"]);
    t.wait_until_ended();
    let said = one_line(&t.scrollback_joined());
    assert!(
        // Her "Seán" as she typed it (decomposed), then his name.
        said.contains("” is not added: “Seán Byrne” stays in your plan as someone not to involve."),
        "{said}"
    );
    assert_eq!(env.plan().contacts.len(), 1);
    drop(t);

    let t = Tmux::start(&env, &add, 50);
    t.wait_for("(Y/n)");
    t.type_text("n");
    t.keys(&["Enter"]);
    t.wait_until_ended();
    let said = one_line(&t.scrollback_joined());
    assert!(said.contains("Saved revision"), "{said}");
    assert_eq!(env.plan().contacts.len(), 2);
}

/// Without a terminal, another Seán is added (never refused), and said;
/// `contact import` says so before it asks; `validate` names it.
#[test]
fn one_word_of_his_name_is_said_without_a_terminal_on_import_and_by_validate() {
    let env = seans_plan();
    let ran = env
        .test(["contact", "add", "--name", "Seán", "--role", "help"])
        .run();
    assert!(
        one_line(&ran.stderr).contains(
            "“Seán” is one word of the name of “Seán Byrne”, whom you said not to involve. If they are the same person, `relapse-plan contact remove 2` takes “Seán” out again."
        ),
        "{}",
        ran.stderr
    );
    let file = env.plan_file();
    let said = one_line(&env.test(["validate", file.to_str().unwrap()]).run().stderr);
    assert!(
        said.contains("Contact 2 is named “Seán”, one word of the name of “Seán Byrne”, whom the plan marks not to involve: worth a look"),
        "{said}"
    );

    let env = seans_plan();
    let vcf = env.home().join("phone.vcf");
    std::fs::write(
        &vcf,
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Byrne\r\nTEL:087 555 0202\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Aoife\r\nTEL:087 555 0303\r\nEND:VCARD\r\n",
    )
    .unwrap();
    let ran = env.test(["contact", "import", "--yes"]).arg(&vcf).run();
    let said = one_line(&ran.stderr);
    assert!(
        said.contains("Worth a look: if one of these is someone you said not to involve, add the others only, or take them out after with `relapse-plan contact remove NAME`: Byrne (one word of the name of “Seán Byrne”, whom you said not to involve)"),
        "{said}"
    );
    assert!(!said.contains("Aoife (one word"), "{said}");
}

/// One word of a name found one person, without a terminal: refused with
/// the command that uses their number, keeping the `--plan-dir` she gave
/// (it was dropped, and the command would have acted on another plan).
#[test]
fn the_command_to_be_sure_keeps_her_plan_folder() {
    let env = seans_plan();
    env.ok(["contact", "add", "--name", "Aoife Kelly", "--role", "help"]);
    let dir = env.plan_dir();
    let said = one_line(&env.fails(
        2,
        [
            "contact",
            "remove",
            "kelly",
            "--plan-dir",
            dir.to_str().unwrap(),
        ],
    ));
    assert!(
        said.contains(&format!(
            "use their number in the list: `relapse-plan --plan-dir {} contact remove 2`",
            dir.display()
        )),
        "{said}"
    );
}

/// Mulu, with the shared number kept: her crisis step "call her sister on
/// 0911 23 45 67" was shown unmarked on `now` and the card while her sister
/// was left off for that very number, so her card told her to dial the
/// phone her ex answers. And `contact export` wrote her sister to the
/// phone as "someone who helps", said nowhere (Trudy). The step is marked,
/// the export leaves her off and says so, and `show` leads with the way
/// that keeps her sister.
#[test]
fn a_step_on_the_shared_number_is_marked_and_the_export_leaves_her_off() {
    let env = both_by_hand();
    env.ok([
        "contact",
        "add",
        "--name",
        "Tigist",
        "--phone",
        "+251 91 555 0000",
        "--role",
        "help",
    ]);
    env.ok([
        "step",
        "add",
        &format!("call እህቴ ቤተልሔም {THE_SAME_TYPED_AGAIN}"),
    ]);
    let now = one_line(&crate::unmarked(&env.ok(["now"])));
    assert!(
        now.contains("(the number here is the number of someone you said not to involve)"),
        "{now}"
    );
    let card = one_line(&crate::unmarked(
        &env.ok(["print", "--card", "--format", "text"]),
    ));
    assert!(card.contains("(check this number)"), "{card}");

    let exported = env.test(["contact", "export", "-o", "-"]).run();
    assert!(!exported.stdout.contains("0911"), "{}", exported.stdout);
    assert!(!exported.stdout.contains(SISTER), "{}", exported.stdout);
    assert!(
        one_line(&exported.stderr).contains(&format!(
            "Not written, as their name or number is also that of someone you marked not to involve (`relapse-plan now` leaves them off too; `relapse-plan show` says how to put it right): {SISTER}."
        )),
        "{}",
        exported.stderr
    );

    let shown = env.test(["show"]).run();
    assert!(
        one_line(&shown.stderr).contains(&format!(
            "give “{SISTER}” a name and number of their own: `relapse-plan contact edit 1 --phone \"…\"`."
        )),
        "{}",
        shown.stderr
    );
}
