//! Issue 13, fresh eyes (Shirin in Tehran, Niran at 50 columns): the order
//! of triggers by one rule a person can understand, said on every screen
//! that lists them; a comparing stopped part-way that says what it kept and
//! claims no order she never chose; a trigger's number the same after
//! comparing as everywhere else; and tables that turn into labelled lines
//! where a terminal is too narrow to draw them with words whole. In tmux
//! where a key is pressed, as a person would.

use crate::Env;
use crate::keys::Tmux;
use crate::one_line as flat;

/// Where each of `words` first shows in `shown`, in the order given: each
/// must show, and after the one before it.
#[track_caller]
fn in_this_order(shown: &str, words: &[&str], what: &str) {
    let mut from = 0;
    for word in words {
        let at = shown[from..]
            .find(word)
            .unwrap_or_else(|| panic!("{what}: “{word}” not after the one before:\n{shown}"));
        from += at + word.len();
    }
}

/// Shirin's plan: three triggers rated in full, in her own order from
/// comparing (`first`, then the next two), as `--rank` gives it.
fn shirins_plan(first: u32) -> Env {
    let env = Env::new();
    env.ok(["init", "--name", "شیرین", "--country", "GB"]);
    for (situation, l, i, c, rank) in [
        (
            "Payday Friday, walking past the shop",
            "4",
            "5",
            "40",
            first,
        ),
        ("Sunday evening alone", "3", "2", "60", first + 1),
        ("An argument with my brother", "3", "4", "60", first + 2),
    ] {
        let rank = rank.to_string();
        env.ok([
            "trigger",
            "add",
            "--situation",
            situation,
            "--likelihood",
            l,
            "--intensity",
            i,
            "--confidence",
            c,
            "--rank",
            &rank,
        ]);
    }
    env
}

/// Shirin added a trigger and gave it one rating (the others skipped);
/// ranked first by her comparing, it went above the three rated in full.
/// One not fully rated yet is now listed after the rated ones, in the
/// order added, marked so, and the rule says so: in `trigger list`,
/// `show`, `print` and `rehearse --list` alike.
#[test]
fn a_trigger_not_fully_rated_is_listed_after_the_rated_ones() {
    let env = shirins_plan(2);
    env.ok([
        "trigger",
        "add",
        "--situation",
        "جشن تولد دوستم",
        "--likelihood",
        "5",
        "--rank",
        "1",
    ]);
    let order = [
        "1. Payday Friday",
        "2. Sunday evening",
        "3. An argument",
        "4. جشن تولد دوستم",
    ];
    let rule = "Riskiest first, in the order you chose by comparing them. Those not fully rated yet come last, in the order you added them.";
    for columns in ["100", "50"] {
        for command in [&["trigger", "list"][..], &["show"]] {
            let shown = flat(&env.test(command).env("COLUMNS", columns).run().stdout);
            let what = format!("{command:?} at {columns}");
            // At 50 columns, labelled lines: "1. Trigger: Payday Friday".
            in_this_order(&shown.replace(" Trigger: ", " "), &order, &what);
            assert!(shown.contains("not fully rated yet"), "{what}: {shown}");
            assert!(shown.contains(rule), "{what}: {shown}");
        }
    }
    let printed = flat(&env.ok(["print", "--format", "text"]));
    in_this_order(
        &printed,
        &[
            "Payday Friday",
            "Sunday evening",
            "An argument",
            "جشن تولد دوستم",
        ],
        "print",
    );
    let due = flat(&env.ok(["rehearse", "--list"]));
    in_this_order(&due, &order, "rehearse --list");
}

/// `rank` compares only the triggers rated in full: one with a rating
/// skipped is named as left out (with its number) and never offered in a
/// comparison; after comparing, "Your order" gives each trigger the
/// number `trigger list` gives it, not its place in the list.
#[test]
fn rank_compares_only_the_triggers_rated_in_full() {
    let env = shirins_plan(1);
    env.ok([
        "trigger",
        "add",
        "--situation",
        "جشن تولد دوستم",
        "--likelihood",
        "5",
    ]);
    let t = Tmux::start(&env, &["rank"], 100);
    // Her partly rated trigger is asked again: she keeps her one rating
    // and skips the others again.
    t.wait_for("How likely is it in the next month?");
    t.keys(&["Escape"]);
    t.wait_for("How strong would the urge be?");
    t.keys(&["Escape"]);
    t.wait_for("How sure are you");
    t.keys(&["Escape"]);
    t.wait_for("Change their ratings?");
    t.keys(&["Enter"]);
    let screen = flat(&t.wait_for("Compare them now?"));
    assert!(
        screen.contains("One trigger is not fully rated yet, so it is left out of comparing and listed after the rated ones: 4. جشن تولد دوستم"),
        "{screen}"
    );
    assert!(screen.contains("at most 3 questions"), "{screen}");
    t.keys(&["Enter"]);
    // Each comparison: the first of the two is the harder.
    for _ in 0..3 {
        t.wait_for("Which of these");
        t.keys(&["Down", "Enter"]);
    }
    let screen = flat(&t.wait_for("Save these changes to your plan?"));
    assert!(
        screen.contains("Your order, hardest first (each keeps the number it was added with): 3. An argument with my brother 2. Sunday evening alone 1. Payday Friday"),
        "{screen}"
    );
    t.keys(&["Enter"]);
    t.wait_until_ended();
    let ranks: Vec<Option<u32>> = env.plan().triggers.iter().map(|t| t.rank).collect();
    assert_eq!(ranks, [Some(3), Some(2), Some(1), None]);
    let listed = flat(&env.ok(["trigger", "list"]));
    in_this_order(
        &listed,
        &[
            "3. An argument",
            "2. Sunday evening",
            "1. Payday Friday",
            "4. جشن تولد دوستم",
        ],
        "trigger list",
    );
}

/// Shirin added a fourth trigger, rated higher than all, compared it with
/// her first and pressed Esc: the two others kept ranks 3 and 4 under it,
/// an order she never chose. Now Esc says how many she compared, lists
/// them with their own numbers, and the others keep the order her earlier
/// answers gave them (Sunday above the argument: Mulu saw an earlier
/// answer dropped here), placed among the new ones by her ratings where
/// no answer says.
#[test]
fn esc_part_way_says_what_was_kept_and_claims_no_order_not_chosen() {
    let env = shirins_plan(1);
    env.ok([
        "trigger",
        "add",
        "--situation",
        "My friend's birthday party",
        "--likelihood",
        "5",
        "--intensity",
        "5",
        "--confidence",
        "0",
    ]);
    let t = Tmux::start(&env, &["rank"], 100);
    t.wait_for("Change their ratings?");
    t.keys(&["Enter"]);
    t.wait_for("Compare them now?");
    t.keys(&["Enter"]);
    // The first question: Payday Friday (first) is harder than the party.
    let screen = t.wait_for("Which of these");
    assert!(screen.contains("Payday Friday"), "{screen}");
    t.keys(&["Down", "Enter"]);
    t.wait_for("· Payday Friday");
    t.keys(&["Escape"]);
    let screen = flat(&t.wait_for("Save these changes to your plan?"));
    assert!(
        screen.contains("Stopped comparing. You put 2 of 4 triggers in order; both are in the order you chose, hardest first: 1. Payday Friday, walking past the shop 4. My friend's birthday party The other 2 keep their places by your earlier answers, and by your ratings where those do not say."),
        "{screen}"
    );
    t.keys(&["Enter"]);
    t.wait_until_ended();
    let shown = flat(&env.ok(["show"]));
    in_this_order(
        &shown,
        &[
            "1. Payday Friday",
            "4. My friend's birthday party",
            "2. Sunday evening",
            "3. An argument",
        ],
        "show",
    );
}

/// Niran at 50 columns: the coping table was drawn in three columns a
/// dozen characters wide, three words to a line. Too narrow to draw with
/// each column of words at least 14 wide, the coping and trigger tables
/// (and `rank`'s) turn into labelled lines, one block a row, every word
/// whole; at 100 columns they are drawn. In tmux, as she saw them.
#[test]
fn tables_turn_into_labelled_lines_at_50_columns() {
    let env = Env::with_example();
    for (args, first) in [
        (&["coping", "list"][..], "1. Strategy: Urge surfing"),
        (
            &["trigger", "list"],
            "1. Trigger: Friday payday, walking past the pub",
        ),
        (&["show"], "1. Strategy: Urge surfing"),
    ] {
        let t = Tmux::start(&env, args, 50);
        t.wait_until_ended();
        let screen = t.scrollback();
        assert!(!screen.contains('┆'), "{args:?}:\n{screen}");
        assert!(flat(&screen).contains(first), "{args:?}:\n{screen}");
        assert!(
            flat(&screen).contains("Steps: 1. Notice where the urge sits in my body")
                || args != ["coping", "list"],
            "{args:?}:\n{screen}"
        );
        let t = Tmux::start(&env, args, 100);
        t.wait_until_ended();
        let screen = t.scrollback();
        assert!(screen.contains('┆'), "{args:?} at 100:\n{screen}");
    }
    let t = Tmux::start(&env, &["rank"], 50);
    t.wait_for("Change their");
    t.keys(&["Enter"]);
    t.wait_for("Compare them now?");
    let screen = t.scrollback();
    let table = &screen[screen.find("Riskiest first").unwrap()..];
    assert!(!table.contains('┆'), "{screen}");
    assert!(
        flat(table).contains("Priority: high; likely 4/5; urge 5/5; sure 40%"),
        "{screen}"
    );
    t.keys(&["C-c"]);
}
