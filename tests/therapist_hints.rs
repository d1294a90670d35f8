//! Issue #12, task lines18d item 5: the hints a therapist reads in
//! `review` are worded for the therapist. Given the wrong file after
//! `review --assignment`, Dr Rao was told that "`homework start` takes the
//! homework file your therapist gave you": something only her client can
//! do, in her client's words.

use std::fs;
use std::path::{Path, PathBuf};

use crate::Env;

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples")
}

/// Words as one line, however they were wrapped.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What no hint to a therapist says: the client's command and words.
fn for_the_therapist(said: &str) {
    for client in ["homework start", "your therapist", "ask them for"] {
        assert!(!said.contains(client), "{client}: {said}");
    }
}

/// The hand-in given twice (once after --assignment), a PDF, and a newer
/// homework file: each is said to the one who set the homework, with the
/// command in the right order.
#[test]
fn the_wrong_file_after_assignment_is_said_to_the_therapist() {
    let env = Env::new();
    let hand_in = examples().join("hand-in.toml");
    let hand_in = hand_in.to_str().unwrap();
    let said = flat(&env.fails(1, ["review", hand_in, "--assignment", hand_in]));
    assert!(
        said.contains("can't be read as the homework you set: this is a hand-in file, not the homework you set"),
        "{said}"
    );
    assert!(
        said.contains("hint: nothing was changed; the hand-in goes first and your homework file (the one `homework assign` wrote) after --assignment: `relapse-plan review"),
        "{said}"
    );
    assert!(said.contains("--assignment HOMEWORK`"), "{said}");
    for_the_therapist(&said);

    let pdf = env.home().join("homework.pdf");
    fs::write(&pdf, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n").unwrap();
    let said = flat(&env.fails(
        1,
        ["review", hand_in, "--assignment", pdf.to_str().unwrap()],
    ));
    assert!(
        said.contains("--assignment takes the homework file you wrote with `relapse-plan homework assign` and gave your client"),
        "{said}"
    );
    assert!(
        said.contains("without --assignment, `review` reads the hand-in alone"),
        "{said}"
    );
    for_the_therapist(&said);

    let homework = fs::read_to_string(examples().join("homework.toml")).unwrap();
    assert!(homework.contains("schema_version = 1\n"), "{homework}");
    let newer = env.home().join("newer.toml");
    fs::write(
        &newer,
        homework.replace("schema_version = 1\n", "schema_version = 99\n"),
    )
    .unwrap();
    let said = flat(&env.fails(
        1,
        ["review", hand_in, "--assignment", newer.to_str().unwrap()],
    ));
    assert!(
        said.contains("update relapse-plan to check the hand-in against it, or review the hand-in without --assignment"),
        "{said}"
    );
    for_the_therapist(&said);
}

/// The client's own `homework start` of a hand-in keeps her words.
#[test]
fn the_client_starting_a_hand_in_is_still_told_in_her_words() {
    let env = Env::with_example();
    let hand_in = examples().join("hand-in.toml");
    let said = flat(&env.fails(1, ["homework", "start", hand_in.to_str().unwrap()]));
    assert!(
        said.contains("`homework start` takes the homework file your therapist gave you"),
        "{said}"
    );
}
