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
