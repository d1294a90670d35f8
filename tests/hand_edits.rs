//! A plan edited by hand while a walk-through is open (issue 12, Trudy):
//! saving the walk-through brings the edit in, never writes over it; and
//! two walk-throughs at once, which would share one set of answers.

use crate::Env;
use crate::keys::Tmux;
use crate::resumed::{asked, on};

/// She put Aoife's new number into plan.toml in her editor while `map`
/// waited on "Save these changes to your plan?". Saving wrote the old
/// number back ("Saved as revision 4"), kept no copy and said nothing:
/// her card and lock screen would have shown a dead number.
#[test]
fn a_number_changed_by_hand_while_map_is_open_stays_changed() {
    let env = Env::new();
    env.ok(["init", "--name", "Ana", "--country", "NZ"]);
    env.ok([
        "contact",
        "add",
        "--name",
        "Aoife",
        "--phone",
        "+64 21 555 0101",
        "--role",
        "help",
    ]);
    let t = Tmux::start(&env, &["map"], 100);
    asked(&t, "What situation puts you at risk?");
    t.type_text("Payday Friday");
    t.keys(&["Enter"]);
    on(&t, "Not sure");
    t.keys(&["Enter"]);
    for question in [
        "What thought",
        "What feeling",
        "What urge",
        "What situation",
    ] {
        asked(&t, question);
        t.keys(&["Enter"]);
    }
    on(&t, "Done with triggers");
    t.keys(&["Enter"]);
    asked(&t, "Rate now?");
    t.keys(&["n", "Enter"]);
    asked(&t, "Plan one now?");
    t.keys(&["n", "Enter"]);
    asked(&t, "A sign that things are sliding?");
    t.keys(&["Enter"]);
    on(&t, "Done with this section");
    t.keys(&["Enter"]);
    on(&t, "Save to my plan");
    env.edit_plan_by_hand("+64 21 555 0101", "+64 21 555 0999");
    t.keys(&["Enter"]);
    t.wait_for("Saved as revision");
    let said = t.scrollback_joined();
    assert!(
        said.contains("Your plan has changed since these answers were started."),
        "{said}"
    );
    let plan = env.plan();
    assert_eq!(plan.contacts[0].phone.as_deref(), Some("+64 21 555 0999"));
    assert_eq!(plan.triggers[0].situation, "Payday Friday");
}

/// Two windows each ran `new` on one plan; both wrote the one draft, and
/// the first window's answers were lost after it said "Everything you
/// typed is kept". The second walk-through now stops before asking
/// anything, naming the first; once that one ends, the next may start.
#[test]
fn a_second_walk_through_at_once_waits_for_the_first() {
    let env = Env::new();
    env.ok(["init", "--name", "Ana", "--country", "NZ"]);
    let first = Tmux::start(&env, &["map"], 100);
    asked(&first, "What situation puts you at risk?");
    first.type_text("Payday Friday");
    let second = Tmux::start(&env, &["new"], 100);
    second.wait_until_ended();
    let said = second.scrollback_joined();
    assert!(
        said.contains("`relapse-plan map` is already open on this plan"),
        "{said}"
    );
    assert!(said.contains("finish or stop that one first"), "{said}");
    assert!(!said.contains("Your name"), "{said}");
    // The first goes on as if nothing happened, and keeps its words.
    first.keys(&["C-c"]);
    first.wait_until_ended();
    let draft = std::fs::read_to_string(env.plan_dir().join("draft.toml")).unwrap();
    assert!(draft.contains("Payday Friday"), "{draft}");
    let third = Tmux::start(&env, &["map"], 100);
    third.wait_for("You have unfinished answers");
}
