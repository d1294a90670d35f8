//! Snapshots of what people read: `show`, `now`, `diff` and `--help`.
//! Review changes with `cargo insta review`.

use crate::Env;

#[test]
fn show_example_plan() {
    insta::assert_snapshot!(Env::with_example().ok(["show"]));
}

#[test]
fn show_empty_plan() {
    let env = Env::new();
    env.ok(["init"]);
    // Its hints name the test's plan folder, as any not the default.
    let home = env.home().to_str().unwrap();
    insta::assert_snapshot!(env.ok(["show"]).replace(home, "$HOME"));
}

#[test]
fn now_example_plan() {
    insta::assert_snapshot!(Env::with_example().ok(["now"]));
}

#[test]
fn now_without_a_plan_or_country() {
    let env = Env::new();
    let home = env.home().to_str().unwrap();
    insta::assert_snapshot!(env.ok(["now"]).replace(home, "$HOME"));
}

#[test]
fn diff_after_a_booster_session() {
    let env = Env::with_example();
    env.ok([
        "trigger",
        "edit",
        "sunday-evening",
        "--likelihood",
        "4",
        "--urge",
        "text Dave",
    ]);
    env.ok(["step", "move", "3", "--to", "2"]);
    env.ok(["contact", "remove", "priya", "--force"]);
    env.ok(["set", "--next-review", "2027-02-20"]);
    insta::assert_snapshot!(env.ok(["diff", "3"]));
}

#[test]
fn help() {
    let env = Env::new();
    insta::assert_snapshot!("help", env.ok(["--help"]));
    insta::assert_snapshot!("trigger_add_help", env.ok(["trigger", "add", "--help"]));
}
