//! Fresh eyes, round 17 (issue 13): menus that chose for her. A number
//! typed into a menu finds only the choice with that very number (Farida's
//! "1" once chose "100%: completely sure"), and the question of whom or
//! what to remove starts on no one, so a stray Enter never removes.

use crate::Env;
use crate::keys::Tmux;
use std::fs;

/// Farida answered the 0–5 scales with digit keys (5, then the Urdu ۴),
/// then pressed 1 and Enter at "How sure are you…?" (0% to 100%): the
/// menu chose "100%: completely sure", and her most dangerous trigger
/// became low priority. Now 1 matches no choice, Enter on it chooses
/// nothing and says what the numbers are, and 20 chooses 20%.
#[test]
fn a_number_typed_in_a_menu_chooses_only_the_choice_with_that_number() {
    let env = Env::new();
    env.ok(["init", "--country", "PK"]);
    env.ok(["trigger", "add", "--situation", "رات کو اکیلے"]);
    let t = Tmux::start(&env, &["rank"], 80);
    t.wait_for("How likely is it in the next month?");
    t.type_text("5");
    assert!(t.screen().contains("❯ 5:"), "{}", t.screen());
    t.keys(&["Enter"]);
    t.wait_for("How strong would the urge be?");
    t.type_text("۴");
    assert!(t.screen().contains("❯ 4:"), "{}", t.screen());
    t.keys(&["Enter"]);
    t.wait_for("How sure are you");
    t.type_text("1");
    let screen = t.screen();
    assert!(!screen.contains("❯ 100%"), "1 chose 100%:\n{screen}");
    t.keys(&["Enter"]);
    let screen = t.wait_for("Nothing was chosen");
    assert!(
        screen.contains("How sure are you") && !screen.contains("Save these changes"),
        "Enter after 1 answered the question:\n{screen}"
    );
    assert!(
        crate::one_line(&screen).contains("0%, 20%, 40%, 60%, 80% and 100%"),
        "the numbers there are are not said:\n{screen}"
    );
    // "10" is no choice's number either; "100" and "20" are.
    t.type_text("10");
    assert!(!t.screen().contains("❯ 100%"), "{}", t.screen());
    t.type_text("0");
    assert!(t.screen().contains("❯ 100%"), "{}", t.screen());
    // Any key but a letter or digit ends a search.
    t.keys(&["Home"]);
    t.type_text("20");
    assert!(t.screen().contains("❯ 20%"), "{}", t.screen());
    t.keys(&["Enter"]);
    t.wait_for("Save these changes to your plan?");
    t.type_text("stop");
    t.keys(&["Enter"]);
    t.wait_for("Your answers are kept");
    let draft = fs::read_to_string(env.plan_dir().join("draft.toml")).unwrap();
    assert!(
        draft.contains("likelihood = 5")
            && draft.contains("intensity = 4")
            && draft.contains("confidence = 20"),
        "{draft}"
    );
    assert!(!draft.contains("confidence = 100"), "{draft}");
}

/// Linh, in `new`: People → "Remove someone" → "Who should go?" started
/// with the cursor on her first person, so one more Enter removed her only
/// helper without asking. It starts on no one now: Enter there removes no
/// one and says how to choose; the same for a trigger and a sentence.
#[test]
fn enter_alone_never_removes_anyone_or_anything_in_the_walk_through() {
    let env = Env::new();
    env.ok(["init", "--name", "Linh", "--country", "AU"]);
    env.ok([
        "contact",
        "add",
        "--name",
        "Chị Hoa",
        "--phone",
        "0912 345 678",
    ]);
    env.ok(["trigger", "add", "--situation", "Một mình buổi tối"]);
    env.ok(["reason", "add", "Con gái tôi"]);
    every_part_answered(&env);
    let t = Tmux::start(&env, &["new"], 80);
    t.wait_for("What now?");
    t.keys(&["Enter"]);
    for (part, what, question) in [
        ("Your reasons", "Remove one", "Which one should go?"),
        ("Triggers", "Remove one", "Which one should go?"),
        ("People", "Remove someone", "Who should go?"),
    ] {
        open_part(&t, part);
        t.type_text(what);
        t.keys(&["Enter"]);
        let screen = t.wait_for(question);
        assert!(!screen.contains('❯'), "someone chosen for her:\n{screen}");
        t.keys(&["Enter"]);
        let screen = t.wait_for("Nothing is chosen yet");
        assert!(screen.contains(question), "{screen}");
        t.keys(&["Escape"]);
        t.wait_for("What next?");
        t.type_text("done");
        t.keys(&["Enter"]);
    }
    // Every answer is kept as it is given: the draft says what is left.
    t.keys(&["C-c"]);
    t.wait_until_ended();
    let draft = fs::read_to_string(env.plan_dir().join("draft.toml")).unwrap();
    assert!(
        draft.contains("Chị Hoa")
            && draft.contains("Một mình buổi tối")
            && draft.contains("Con gái tôi"),
        "{draft}"
    );
}

/// From the walk-through's summary, opens the part whose title begins
/// with `part`.
fn open_part(t: &Tmux, part: &str) {
    t.wait_for("Your plan so far");
    t.type_text("open");
    t.keys(&["Enter"]);
    t.wait_for("Which part?");
    t.type_text(part);
    t.keys(&["Enter"]);
}

/// A walk-through of `new` waiting at its summary, every part answered,
/// on the plan as it is.
fn every_part_answered(env: &Env) {
    let plan: toml::Table = fs::read_to_string(env.plan_file())
        .unwrap()
        .parse()
        .unwrap();
    let revision = plan
        .get("revision")
        .and_then(toml::Value::as_integer)
        .unwrap_or(0);
    let mut draft = toml::Table::new();
    draft.insert("schema_version".into(), 1.into());
    draft.insert("wizard".into(), "new".into());
    draft.insert(
        "started_at".into(),
        toml::Value::Datetime(crate::NOW.parse().unwrap()),
    );
    draft.insert("base_revision".into(), revision.into());
    let done = relapse_plan::wizard::STEPS
        .iter()
        .map(|(step, _)| toml::Value::from(*step))
        .collect();
    draft.insert("done".into(), toml::Value::Array(done));
    draft.insert("plan".into(), plan.into());
    fs::write(
        env.plan_dir().join("draft.toml"),
        toml::to_string(&draft).unwrap(),
    )
    .unwrap();
}
