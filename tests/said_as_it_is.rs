//! What a screen says of her own words is what they are and what
//! happened to them (card18h, fresh eyes: Kavya, Chennai, Tamil, a
//! self-harm plan): her urge is what she practises handling, never
//! offered as a suggestion, and `trigger edit` says what it added.

use crate::Env;
use crate::oksana::{one_line, utf8};
use crate::terminal::at_columns;

/// Kavya's plan: a night-time trigger, her urge, and what she does.
fn kavya() -> Env {
    let env = Env::new();
    env.ok(["init", "--name", "காவ்யா", "--country", "IN"]);
    env.ok([
        "coping",
        "add",
        "--name",
        "ஐஸ் கட்டியை கையில் பிடிப்பது",
        "--step",
        "ஐஸ் கட்டியை எடு",
    ]);
    env.ok([
        "trigger",
        "add",
        "இரவு 2 மணிக்கு தனியாக",
        "--urge",
        "கையை கீறிக்கொள்ள வேண்டும் என்ற எண்ணம்",
        "--coping",
        "1",
    ]);
    env
}

/// `rehearse` opened with "You might want to: கையை கீறிக்கொள்ள வேண்டும்
/// என்ற எண்ணம்" (the urge to cut her arm, read as advice). It is now what
/// she is practising to handle.
#[test]
fn rehearse_opens_with_her_urge_as_what_she_practises_handling() {
    let env = kavya();
    let mut p = at_columns(&env, &["rehearse"], "100").status(130).pty();
    let shown = one_line(&utf8(&p.exp_string("What will you do?").unwrap()));
    assert!(
        shown.contains("When the urge comes: கையை கீறிக்கொள்ள வேண்டும் என்ற எண்ணம்"),
        "{shown}"
    );
    assert!(!shown.contains("want to"), "{shown}");
    p.send_control('c').unwrap();
    p.eof();
}

/// `trigger edit 1 --thought` adds a thought beside those there; the help
/// did not say so and the reply was only "changed trigger …".
#[test]
fn trigger_edit_says_it_added_a_thought_and_its_help_says_it_adds() {
    let env = kavya();
    env.ok(["trigger", "edit", "1", "--thought", "யாருக்கும் தெரியாது"]);
    let said = one_line(
        &env.test(["trigger", "edit", "1", "--thought", "யாரும் கவலைப்பட மாட்டார்கள்"])
            .run()
            .stderr,
    );
    assert!(
        said.contains(
            "changed trigger “இரவு 2 மணிக்கு தனியாக”; added a thought: “யாரும் கவலைப்பட மாட்டார்கள்”"
        ),
        "{said}"
    );
    let thoughts = &env.plan().triggers[0].thoughts;
    assert_eq!(thoughts, &["யாருக்கும் தெரியாது", "யாரும் கவலைப்பட மாட்டார்கள்"]);
    let said = one_line(
        &env.test([
            "trigger",
            "edit",
            "1",
            "--remove-thought",
            "யாருக்கும் தெரியாது",
        ])
        .run()
        .stderr,
    );
    assert!(
        said.contains("; removed a thought: “யாருக்கும் தெரியாது”"),
        "{said}"
    );
    let help = one_line(&env.ok(["trigger", "edit", "--help"]));
    assert!(
        help.contains("--thought <TEXT> Add a thought it brings, kept with those already there"),
        "{help}"
    );
}

/// After a strong urge she partly acted on, the check-in's first line
/// named only 112; on a self-harm plan at 2 am her checked crisis line
/// is what she can use. It names both, in a real terminal, at 50 columns.
#[test]
fn a_lapse_at_night_names_her_emergency_number_and_her_crisis_line() {
    let env = kavya();
    let mut p = at_columns(
        &env,
        &["check-in", "--urge", "9", "--acted", "partly"],
        "50",
    )
    .env("RELAPSE_PLAN_NOW", "2026-11-22T20:30:00Z")
    .env("TZ", "Asia/Kolkata")
    .pty();
    let shown = one_line(&utf8(&p.eof()));
    assert!(
        shown.contains(
            "You acted on an urge today If you are hurt or in danger now, call 112 now; to talk to someone, call Tele-MANAS on 14416. The rest can wait."
        ),
        "{shown}"
    );
}
