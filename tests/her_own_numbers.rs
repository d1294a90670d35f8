//! Her own emergency number and crisis lines are never the number of
//! someone not to involve, never someone's old number, and always a
//! number that dials (Trudy, fresh eyes, issues #12 and #13).

/// A plan in a country with no emergency number built in, with Dermot
/// marked not to involve and Aoife to ask for help.
fn trudy() -> crate::Env {
    let env = crate::Env::new();
    env.ok(["init", "--name", "Trudy", "--country", "AE"]);
    env.ok([
        "contact",
        "add",
        "--name",
        "Dermot Walsh",
        "--phone",
        "050 111 2222",
        "--do-not-involve",
    ]);
    env.ok([
        "contact",
        "add",
        "--name",
        "Aoife",
        "--phone",
        "050 333 4444",
        "--role",
        "help",
    ]);
    env
}

fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Her emergency number set first, then someone marked not to involve
/// with that number: refused, naming which of her numbers it is.
#[test]
fn marking_someone_not_to_involve_never_makes_her_own_number_theirs() {
    let env = trudy();
    env.ok(["set", "--emergency-number", "+971 50 555 6666"]);
    env.ok([
        "set",
        "--own-line",
        "Aoife's line",
        "--call",
        "050 333 4444",
    ]);
    let before = env.snapshot_dir();
    let said = flat(&env.fails(
        1,
        [
            "contact",
            "add",
            "--name",
            "Sister",
            "--phone",
            "+971 50 555 6666",
            "--do-not-involve",
        ],
    ));
    assert!(
        said.contains(
            "+971 50 555 6666 is your emergency number, so “Sister” was not marked not to involve"
        ),
        "{said}"
    );
    assert!(said.contains("set --emergency-number"), "{said}");
    let said = flat(&env.fails(1, ["contact", "edit", "aoife", "--do-not-involve", "true"]));
    assert!(
        said.contains("is the number to call your own line “Aoife's line”, so “Aoife” was not marked not to involve"),
        "{said}"
    );
    assert_eq!(env.snapshot_dir(), before, "the plan changed");
}

/// A hand edit making Dermot's number her emergency number: `validate`
/// names it as a problem, and `now`, a strong check-in and the card never
/// offer it as a number to call.
#[test]
fn a_hand_edited_number_of_his_is_a_problem_and_never_offered() {
    let env = trudy();
    env.ok(["set", "--emergency-number", "999"]);
    env.ok(["set", "--own-line", "MoH helpline", "--call", "800 4673"]);
    env.edit_plan_by_hand("emergency = \"999\"", "emergency = \"050 111 2222\"");
    env.edit_plan_by_hand("call = \"800 4673\"", "call = \"0501112222\"");
    let file = env.plan_dir().join("plan.toml");
    let said = flat(&env.fails(1, ["validate", file.to_str().unwrap()]));
    assert!(!said.contains("is a valid plan"), "{said}");
    assert!(
        said.contains("your emergency number: it is the number of “Dermot Walsh”, whom your plan marks not to involve"),
        "{said}"
    );
    assert!(
        said.contains("its number to call is the number of “Dermot Walsh”"),
        "{said}"
    );
    // Left out altogether, on screen and on paper: flagged, the number
    // still stood first on her card (Trudy, round 13).
    let left = "left off, as it is the number of someone you said not to involve";
    let now = flat(&env.ok(["now"]));
    assert!(!now.contains("the emergency number you added"), "{now}");
    assert!(now.contains(&format!("Emergency: {left}")), "{now}");
    assert!(now.contains(&format!("call {left}")), "{now}");
    assert!(
        !now.contains("050 111 2222") && !now.contains("0501112222"),
        "{now}"
    );
    let checkin = flat(&env.ok(["check-in", "--urge", "9"]));
    assert!(!checkin.contains("050 111 2222"), "{checkin}");
    assert!(checkin.contains(left), "{checkin}");
    let card = flat(&env.ok(["print", "--card", "--format", "text"]));
    assert!(card.contains(left), "{card}");
    assert!(
        !card.contains("050 111 2222") && !card.contains("0501112222"),
        "{card}"
    );
}

/// Someone's former number as her emergency number: said at once, and
/// marked as old on `now`.
#[test]
fn an_old_number_of_someones_is_said_and_marked() {
    let env = trudy();
    env.ok(["contact", "edit", "aoife", "--phone", "050 999 8888"]);
    let said = flat(
        &env.test(["set", "--emergency-number", "050 333 4444"])
            .run()
            .stderr,
    );
    assert!(
        said.contains(
            "050 333 4444 is an old number of “Aoife” (the one saved now is 050 999 8888)"
        ),
        "{said}"
    );
    let now = flat(&env.ok(["now"]));
    assert!(
        now.contains("Emergency: 050 333 4444 (the number here is an old number of Aoife; the one saved now is 050 999 8888)"),
        "{now}"
    );
    assert!(!now.contains("the emergency number you added"), "{now}");
}

/// What can't be dialled is refused with an example; an empty number does
/// not clear hers, "none" does.
#[test]
fn her_own_numbers_must_dial_and_empty_clears_nothing() {
    let env = trudy();
    env.ok(["set", "--emergency-number", "999"]);
    let before = env.snapshot_dir();
    for (args, words) in [
        (
            &["set", "--emergency-number", "call mum"][..],
            "is written in words",
        ),
        (
            &["set", "--emergency-number", "112 or 999"][..],
            "holds two numbers",
        ),
        (
            &["set", "--own-line", "X", "--call", "HELP-NOW"][..],
            "--call \"0800 123 456\"",
        ),
        (
            &["set", "--emergency-number", ""][..],
            "--emergency-number none",
        ),
    ] {
        let said = flat(&env.fails(2, args));
        assert!(said.contains(words), "{args:?}: {said}");
        assert!(said.contains("Nothing was changed"), "{args:?}: {said}");
        assert_eq!(env.snapshot_dir(), before, "{args:?} changed the plan");
    }
    let long = "1".repeat(300);
    let said = flat(&env.fails(2, ["set", "--emergency-number", &long]));
    assert!(
        said.contains("has more digits than any phone number"),
        "{said}"
    );
    env.ok(["set", "--emergency-number", "none"]);
    assert_eq!(env.plan().own_lines.emergency, None);
}

/// A line of the same name is changed, said as a change, and `history`
/// names it; removing one matches the same way and says what went.
#[test]
fn a_line_of_the_same_name_is_changed_not_added_twice() {
    let env = trudy();
    env.ok(["set", "--own-line", "MoH helpline", "--call", "800 4673"]);
    let said = flat(
        &env.test(["set", "--own-line", "moh HELPLINE", "--call", "800 1111"])
            .run()
            .stderr,
    );
    assert!(
        said.contains("changed your own line “MoH helpline”: call 800 4673 → call 800 1111"),
        "{said}"
    );
    let plan = env.plan();
    assert_eq!(plan.own_lines.lines.len(), 1);
    assert_eq!(plan.own_lines.lines[0].call.as_deref(), Some("800 1111"));
    let history = flat(&env.ok(["history"]));
    assert!(history.contains("changed your own line"), "{history}");
    let said = flat(
        &env.test(["set", "--remove-own-line", "MOH helpline"])
            .run()
            .stderr,
    );
    assert!(
        said.contains("removed your own line “MoH helpline” (call 800 1111)"),
        "{said}"
    );
    assert!(env.plan().own_lines.lines.is_empty());
}

/// Trudy, in the walk-through (tmux, 60 columns): Dermot's number typed
/// as her emergency number, and his name as a line's, are asked for
/// again, naming him; what she gives then is kept.
#[cfg(unix)]
#[test]
fn the_walk_through_asks_again_for_a_number_of_his() {
    use crate::keys::Tmux;
    use relapse_plan::plan::{Contact, Plan, Role};
    let env = crate::Env::new();
    let mut plan = Plan::new("Trudy".into(), Some("EG".into()));
    plan.contacts.push(Contact {
        id: "dermot".into(),
        name: "Dermot Walsh".into(),
        phone: Some("050 111 2222".into()),
        role: Role::DoNotInvolve,
        reachable: None,
    });
    crate::own_words::draft_with(&env, plan);
    let t = Tmux::start(&env, &["new"], 60);
    t.wait_for("You have unfinished answers");
    t.keys(&["Enter"]);
    t.wait_for("Your local emergency number?");
    t.type_text("0501112222");
    t.keys(&["Enter"]);
    let screen = flat(&t.wait_for("The emergency number to call?"));
    assert!(
        screen.contains("That is the number of “Dermot Walsh”, whom you marked not to involve."),
        "{screen}"
    );
    assert!(!screen.contains("Kept: in an emergency"), "{screen}");
    t.type_text("122");
    t.keys(&["Enter"]);
    t.wait_for("Kept: in an emergency, call 122.");
    t.wait_for("The line's name? (Enter skips)");
    t.type_text("Walsh, Dermot");
    t.keys(&["Enter"]);
    let screen = flat(&t.wait_for("own name?"));
    assert!(
        screen.contains("That is the name of “Dermot Walsh”, whom you marked not to involve."),
        "{screen}"
    );
    t.keys(&["Enter"]);
    t.wait_for("When would you like to review");
    t.keys(&["Enter"]);
    t.wait_for("Save my plan");
    t.keys(&["Enter"]);
    t.wait_for("A few words about this version?");
    t.keys(&["Enter"]);
    t.wait_until_ended();
    let plan = env.plan();
    assert_eq!(plan.own_lines.emergency.as_deref(), Some("122"));
    assert!(plan.own_lines.lines.is_empty());
}
