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

/// Her phone's export still had her sister under her old number, her name
/// in another order. Importing it added a second sister with the dead
/// number, and the old-number mark on her crisis step vanished (Noa,
/// round 9). A number someone in her plan had before is said, not added.
#[test]
fn an_import_never_brings_back_a_number_she_changed() {
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
    env.ok(["step", "add", "להתקשר למיכל 052-555-1234"]);
    env.ok(["contact", "edit", "1", "--phone", "052-555-9999"]);
    let file = env.home().join("phone.vcf");
    std::fs::write(
        &file,
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:מיכל אחותי\r\nTEL:+972525551234\r\nEND:VCARD\r\n\
         BEGIN:VCARD\r\nVERSION:3.0\r\nFN:נטע\r\nTEL:+972525550000\r\nEND:VCARD\r\n",
    )
    .unwrap();
    let said = env
        .test(["contact", "import", file.to_str().unwrap(), "--yes"])
        .run();
    let text = crate::unmarked(&format!("{}{}", said.stdout, said.stderr));
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("מיכל אחותי · +972525551234: an old number of “אחותי מיכל”; the one saved now is 052-555-9999"),
        "{text}"
    );
    let plan = env.plan();
    assert_eq!(plan.contacts.len(), 2, "{text}");
    assert!(plan.contacts.iter().any(|c| c.name == "נטע"));
    let now = crate::unmarked(&env.ok(["now"]));
    assert!(now.contains("an old number of"), "{now}");
}
