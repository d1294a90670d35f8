//! What Noa (Jerusalem, fresh eyes) found in the small commands (issue 13):
//! a command that saved nothing says so, and one with nothing to do says
//! what it can do.

use crate::Env;
use crate::keys::Tmux;

/// `contact edit` with nothing to change said only "Nothing changed".
#[test]
fn contact_edit_with_nothing_to_change_says_how() {
    let env = Env::new();
    env.ok(["init", "--name", "נועה", "--country", "GB"]);
    env.ok([
        "contact",
        "add",
        "--name",
        "ד\"ר כהן",
        "--phone",
        "+972 2-555-6789",
        "--role",
        "help",
    ]);
    let before = env.snapshot_dir();
    let said = env.fails(2, ["contact", "edit", "1"]);
    assert!(said.contains("say what to change: --phone"), "{said}");
    assert!(
        said.contains("relapse-plan contact edit 1 --phone"),
        "{said}"
    );
    assert_eq!(env.snapshot_dir(), before);
}

/// Ctrl-C at "Who is מיכל for you?" in `contact add` said "Everything you
/// typed is kept", but nothing was: it says nothing was saved.
#[test]
fn ctrl_c_in_contact_add_says_nothing_was_saved() {
    let env = Env::new();
    env.ok(["init", "--name", "נועה", "--country", "GB"]);
    let before = env.snapshot_dir();
    let t = Tmux::start(
        &env,
        &[
            "contact",
            "add",
            "--name",
            "מיכל",
            "--phone",
            "052-555-1234",
        ],
        100,
    );
    t.wait_for("for you?");
    t.keys(&["C-c"]);
    t.wait_until_ended();
    let said = crate::unmarked(&t.scrollback_joined());
    assert!(
        said.contains("Stopped. Nothing was saved: “מיכל” is not in your plan."),
        "{said}"
    );
    assert!(!said.contains("Everything you typed is kept"), "{said}");
    assert_eq!(env.snapshot_dir(), before);
}
