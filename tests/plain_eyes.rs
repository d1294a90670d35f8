//! What is shown, as Priya (a Hindi-speaking client with a screen reader)
//! and Misaki (who writes her name with an ideographic space) read it:
//! issues #12 and #13, task plain13g.

use crate::Env;

/// The name Japanese users write with U+3000 between family and given name.
const MISAKI: &str = "佐藤\u{3000}美咲";

/// Issue 13: U+3000 was shown as a plain space on some screens (`now`,
/// `review`, the contact edit messages) and kept on others. Her words are
/// shown as she typed them, on every one.
#[test]
fn an_ideographic_space_is_shown_as_typed() {
    let env = Env::new();
    env.ok(["init"]);
    let added = env
        .test([
            "contact",
            "add",
            "--name",
            MISAKI,
            "--phone",
            "+81 90 1234 5678",
        ])
        .run();
    assert!(added.stderr.contains(MISAKI), "{}", added.stderr);
    let step = format!("Call {MISAKI} tonight");
    env.ok(["step", "add", &step]);
    let edited = env
        .test(["contact", "edit", "1", "--phone", "+81 90 1234 5679"])
        .run();
    assert!(edited.stderr.contains(MISAKI), "{}", edited.stderr);
    for args in [
        vec!["now"],
        vec!["show"],
        vec!["contact", "list"],
        vec!["review", "--since", "2026-01-01"],
        vec!["history"],
    ] {
        for plain in [false, true] {
            let mut all = if plain { vec!["--plain"] } else { vec![] };
            all.extend(&args);
            let ran = env.test(&all).env("COLUMNS", "60").run();
            let shown = format!("{}{}", ran.stdout, ran.stderr);
            assert!(shown.contains(MISAKI), "{all:?}:\n{shown}");
            assert!(!shown.contains("佐藤 美咲"), "{all:?}:\n{shown}");
        }
    }
}

/// Issue 13 (Priya): `review` showed a revision's change note and then its
/// change line, the same words twice ("added contact “…”" on both).
#[test]
fn review_says_each_change_once() {
    let env = Env::new();
    env.ok(["init"]);
    env.ok([
        "contact",
        "add",
        "--name",
        "Ravi",
        "--phone",
        "+91 98765 43210",
    ]);
    env.ok(["trigger", "add", "Payday Friday"]);
    env.ok(["set", "--next-review", "2027-01-04"]);
    env.ok(["--note", "after the group", "step", "add", "Call Ravi"]);
    let review = env.ok(["review", "--since", "2026-01-01"]);
    for once in [
        "contact “Ravi”",
        "trigger “Payday Friday”",
        "4 January 2027",
    ] {
        assert_eq!(review.matches(once).count(), 1, "{once}:\n{review}");
    }
    // Her own note stays, beside the change it came with.
    assert!(review.contains("your note: “after the group”"), "{review}");
    assert!(review.contains("added crisis step “Call Ravi”"), "{review}");
}

/// Issue 12: `-o` given the plan folder itself was said to be "inside" it;
/// it is the folder itself, and the hint names a file to give instead.
#[test]
fn output_to_the_plan_folder_itself_says_so() {
    let env = Env::new();
    env.ok(["init"]);
    let dir = env.plan_dir();
    let before = env.snapshot_dir();
    for given in [dir.display().to_string(), format!("{}/", dir.display())] {
        let said = env.fails(2, ["print", "-o", &given]);
        assert!(said.contains("is your plan's folder itself"), "{said}");
        assert!(!said.contains("inside"), "{said}");
        let example = dir.parent().unwrap().join("my-crisis-plan");
        assert!(
            said.contains(&format!("like `{}`", example.display())),
            "{said}"
        );
    }
    let said = env
        .test(["print", "-o", "."])
        .current_dir(&dir)
        .status(2)
        .run()
        .stderr;
    assert!(said.contains("`.` is your plan's folder itself"), "{said}");
    // A file inside it is still said to be inside.
    let inside = env.fails(2, ["print", "-o", &format!("{}/x.txt", dir.display())]);
    assert!(inside.contains("inside your plan's folder"), "{inside}");
    assert_eq!(env.snapshot_dir(), before);
}
