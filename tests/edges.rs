//! The system's edges found by fresh eyes (issue 12, edge3): another
//! user's folder, negative numbers, the check-in rescue screen, hidden
//! characters on paper, a draft save that waits for the lock, and
//! review's change notes. Every test here was seen failing before its fix.

use crate::Env;

/// Every number flag, with a negative number given as two arguments or
/// joined by `=`, says the same plain words: what it expected. Clap's
/// "unexpected argument" (it took `-1` for a flag) never shows.
#[test]
fn a_negative_number_gets_the_same_plain_words_either_way() {
    let env = Env::with_example();
    let flags: &[(&[&str], &str, &str)] = &[
        (&["check-in"], "--urge", "a whole number from 0 to 10"),
        (&["check-in", "--urge", "3"], "--distress", "from 0 to 10"),
        (
            &["trigger", "edit", "payday"],
            "--likelihood",
            "from 0 to 5",
        ),
        (&["trigger", "edit", "payday"], "--intensity", "from 0 to 5"),
        (
            &["trigger", "edit", "payday"],
            "--confidence",
            "from 0 to 100",
        ),
        (
            &["trigger", "edit", "payday"],
            "--rank",
            "a place in your own order",
        ),
        (&["breathe"], "--in", "seconds from 1 to 10"),
        (&["breathe"], "--out", "seconds from 1 to 15"),
        (&["breathe"], "--minutes", "more than 0"),
        (&["surf"], "--minutes", "more than 0"),
        (&["surf"], "--every", "more than 0"),
        (&["trends"], "--days", "days from 1 to 366"),
        (&["print"], "--revision", "a revision number"),
        (
            &["coping", "edit", "urge-surf"],
            "--remove-step",
            "a number from the list",
        ),
    ];
    for (command, flag, expected) in flags {
        let apart = env
            .test(*command)
            .args([*flag, "-1"])
            .case(format!("{command:?} {flag} -1"))
            .status_one_of([1, 2])
            .stderr_has(*expected)
            .stderr_lacks("unexpected argument")
            .run();
        let joined = env
            .test(*command)
            .arg(format!("{flag}=-1"))
            .case(format!("{command:?} {flag}=-1"))
            .status_one_of([1, 2])
            .stderr_has(*expected)
            .run();
        assert_eq!(
            String::from_utf8_lossy(&apart.err_bytes),
            String::from_utf8_lossy(&joined.err_bytes),
            "{command:?} {flag}: the same words either way"
        );
    }
    // Numbers in place of a name on the command line: a revision to restore.
    env.test(["restore", "-1"])
        .status(2)
        .stderr_has("expected a revision number")
        .stderr_lacks("unexpected argument")
        .run();
    env.test(["surf", "--ratings", "-1,2"])
        .status_one_of([1, 2])
        .stderr_has("urge ratings from 0 to 10")
        .stderr_lacks("unexpected argument")
        .run();
}
