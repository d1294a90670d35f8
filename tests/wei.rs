//! Issue 13, fresh eyes (Wei in Taipei at 50 columns, and his therapist
//! Dr Lin): `homework assign`'s form checks each answer as it is given and
//! never throws the form away; Ctrl-C in it says truthfully what was kept;
//! a second check-in on the same day says what Enter keeps, and keeps it.

use std::fs;

use crate::Env;
use crate::keys::Tmux;

pub(crate) use crate::one_line;

/// Waits until the screen says `words`, wherever the width wrapped them,
/// then returns the screen as [`one_line`].
#[track_caller]
pub(crate) fn wait_said(t: &Tmux, words: &str) -> String {
    for _ in 0..200 {
        let screen = one_line(&t.screen());
        if screen.contains(words) {
            std::thread::sleep(std::time::Duration::from_millis(150));
            return one_line(&t.screen());
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    panic!("never said {words:?}:\n{}", t.screen());
}

/// Dr Lin's form up to its first task: a name left empty first (asked
/// again), the client, a due date eight days away (22 to 29 November,
/// both included), a note.
fn form_to_the_task(t: &Tmux) {
    t.wait_for("Your name, as your client knows you");
    t.keys(&["Enter"]);
    t.wait_for("Your name is needed");
    t.type_text("林醫師");
    t.keys(&["Enter"]);
    t.wait_for("Your client's first name");
    t.type_text("Wei");
    t.keys(&["Enter"]);
    t.wait_for("Due date");
    t.type_text("2026-11-29");
    t.keys(&["Enter"]);
    t.wait_for("A note for your client");
    t.type_text("每天晚上做");
    t.keys(&["Enter"]);
    t.wait_for("Which task?");
    // Letters move to the choice they begin: "check in on at least…".
    t.type_text("check");
    t.keys(&["Enter"]);
    t.wait_for("On how many days?");
}

/// Before: 10 check-ins in 8 days were refused only after the last "Add
/// another task? no", with exit 2, nothing written, and a `--due` flag the
/// form never showed. Now the count is asked again at once, in the form's
/// words; full-width digits count; the homework is written.
#[test]
fn too_many_check_ins_are_asked_again_at_once_and_the_form_is_kept() {
    let env = Env::new();
    let out = env.home().join("hw.toml");
    let t = Tmux::start(
        &env,
        &["homework", "assign", "-o", out.to_str().unwrap()],
        50,
    );
    form_to_the_task(&t);
    t.type_text("10");
    t.keys(&["Enter"]);
    let screen = wait_said(&t, "or fewer.");
    assert!(
        screen.contains(
            "A day has one check-in, and there are 8 days from today to the due date, both included: give 8 or fewer."
        ),
        "{screen}"
    );
    assert!(!screen.contains("--due"), "{screen}");
    // Asked again, and `７` (full width) is seven.
    t.type_text("７");
    t.keys(&["Enter"]);
    t.wait_for("Add another task?");
    t.keys(&["Enter"]);
    t.wait_until_ended();
    let screen = one_line(&t.scrollback());
    assert!(!screen.contains("error"), "{screen}");
    let written = fs::read_to_string(&out).unwrap_or_else(|e| panic!("{e}:\n{screen}"));
    assert!(written.contains("therapist = \"林醫師\""), "{written}");
    assert!(written.contains("每天晚上做"), "{written}");
    assert!(written.contains("task = \"check-in\""), "{written}");
    assert!(written.contains("count = 7"), "{written}");
}

/// Before: Ctrl-C said "Everything you typed is kept: run the same command
/// again to carry on", and the same command started an empty form. Now it
/// says nothing was written or kept, and shows what was answered as the
/// command that writes it, which works when pasted.
#[test]
fn ctrl_c_in_the_homework_form_says_what_happened_and_loses_nothing() {
    let env = Env::new();
    let out = env.home().join("hw.toml");
    let t = Tmux::start(
        &env,
        &["homework", "assign", "-o", out.to_str().unwrap()],
        50,
    );
    form_to_the_task(&t);
    t.type_text("3");
    t.keys(&["Enter"]);
    t.wait_for("Add another task?");
    t.keys(&["C-c"]);
    t.wait_until_ended();
    let said = one_line(&t.scrollback());
    assert!(!said.contains("Everything you typed is kept"), "{said}");
    assert!(
        said.contains("Stopped. Nothing was written, and the form's answers are not kept."),
        "{said}"
    );
    assert!(!out.exists(), "nothing was written, as said");
    let command = t
        .scrollback_joined()
        .lines()
        .map(str::trim)
        .find_map(|row| row.strip_prefix("relapse-plan "))
        .unwrap_or_else(|| panic!("no command shown:\n{said}"))
        .to_string();
    // Pasted as shown: every answer is in the homework it writes.
    env.shell(&format!("\"$0\" {command}")).run();
    let written = fs::read_to_string(&out).unwrap();
    for kept in [
        "therapist = \"林醫師\"",
        "client = \"Wei\"",
        "2026-11-29",
        "每天晚上做",
        "task = \"check-in\"",
        "count = 3",
    ] {
        assert!(written.contains(kept), "{kept} lost:\n{written}");
    }
}

/// Digits of any script count in a task's number, from the flags too, and
/// `2*3` is read as `2x3`; a count out of range in the form is said at
/// once, before the next number is asked.
#[test]
fn task_counts_read_any_digits_and_are_checked_as_typed() {
    let env = Env::new();
    let out = env.home().join("flags.toml");
    env.ok([
        "homework",
        "assign",
        "-o",
        out.to_str().unwrap(),
        "--therapist",
        "林醫師",
        "--due",
        "2026-12-31",
        "--task",
        "check-in=１０",
        "--task",
        "rehearse-top=2*3",
    ]);
    let written = fs::read_to_string(&out).unwrap();
    assert!(written.contains("count = 10"), "{written}");
    assert!(
        written.contains("count = 2") && written.contains("times = 3"),
        "{written}"
    );

    let out = env.home().join("form.toml");
    let t = Tmux::start(
        &env,
        &[
            "homework",
            "assign",
            "-o",
            out.to_str().unwrap(),
            "--therapist",
            "林醫師",
            "--due",
            "2026-12-31",
        ],
        50,
    );
    t.wait_for("Your client's first name");
    t.keys(&["Enter"]);
    t.wait_for("A note for your client");
    t.keys(&["Enter"]);
    t.wait_for("Which task?");
    t.type_text("rehearse");
    t.keys(&["Enter"]);
    t.wait_for("How many of the riskiest triggers?");
    t.type_text("200");
    t.keys(&["Enter"]);
    let screen = wait_said(&t, "go from 1 to 100");
    assert!(!screen.contains("How many times each?"), "{screen}");
    t.type_text("2*3");
    t.keys(&["Enter"]);
    let screen = wait_said(&t, "not a whole number");
    assert!(!screen.contains("How many times each?"), "{screen}");
    t.type_text("２");
    t.keys(&["Enter"]);
    t.wait_for("How many times each?");
    t.type_text("３");
    t.keys(&["Enter"]);
    t.wait_for("Add another task?");
    t.keys(&["Enter"]);
    t.wait_until_ended();
    let written = fs::read_to_string(&out).unwrap();
    assert!(
        written.contains("count = 2") && written.contains("times = 3"),
        "{written}"
    );
}

/// Before: a second check-in the same day started "Did you act on an
/// urge?" with "No" under the cursor, unsaid, so the ↓ and Enter that
/// chose "No" the first time recorded "Partly": a false lapse went to his
/// therapist. And Enter at the urge question, which said "Enter keeps
/// it", showed "(left empty)". Now both say what was kept.
#[test]
fn a_second_check_in_says_what_enter_keeps_and_keeps_it() {
    let env = Env::with_example();
    env.ok(["check-in", "--urge", "2", "--acted", "no"]);
    let t = Tmux::start(&env, &["check-in"], 50);
    wait_said(&t, "(earlier today: 2; Enter keeps it)");
    t.keys(&["Enter"]);
    let screen = wait_said(
        &t,
        "Any answer helps your plan. (earlier today: No; Enter keeps it)",
    );
    assert!(screen.contains("2 (kept)"), "{screen}");
    assert!(!screen.contains("(left empty)"), "{screen}");
    // What chose "No" the first time chooses it now.
    t.keys(&["Down"]);
    t.keys(&["Enter"]);
    t.wait_for("Which of your warning signs showed today?");
    t.keys(&["Enter"]);
    t.wait_for("Which daily maintenance did you do?");
    t.keys(&["Enter"]);
    t.wait_for("Which coping did you use today?");
    t.keys(&["Enter"]);
    t.wait_for("Distress or low mood today");
    t.keys(&["Enter"]);
    t.wait_for("Anything else about today");
    t.keys(&["Enter"]);
    t.wait_until_ended();
    let log = fs::read_to_string(env.plan_dir().join("check-ins.toml")).unwrap();
    assert!(
        !log.contains("partly"),
        "a false lapse was recorded:\n{log}"
    );
    assert!(log.contains("acted = \"no\""), "{log}");

    // Enter alone keeps the earlier answer, and the screen says so.
    let t = Tmux::start(&env, &["check-in"], 50);
    wait_said(&t, "Enter keeps it");
    t.keys(&["Enter"]);
    wait_said(&t, "(earlier today: No; Enter keeps it)");
    t.keys(&["Enter"]);
    let screen = wait_said(&t, "Which of your warning signs showed today?");
    assert!(screen.contains("No (kept)"), "{screen}");
    t.keys(&["C-c"]);
    t.wait_until_ended();
}

/// Before: a window made narrower during a check-in (100 columns, then
/// 50) got "Your plan has noticed something" (first steps, people, crisis
/// lines) laid out for 100, so the terminal cut words and phone numbers
/// mid-way. Now each block is laid out for the width as it is printed.
#[test]
fn the_early_warning_after_a_check_in_fits_the_window_as_it_is_then() {
    let env = Env::with_example();
    env.test(["check-in", "--urge", "8", "--acted", "no"])
        .env("RELAPSE_PLAN_NOW", "2026-11-21T10:15:00Z")
        .run();
    let t = Tmux::start(&env, &["check-in"], 100);
    t.wait_for("Strongest urge today");
    t.type_text("8");
    t.keys(&["Enter"]);
    t.wait_for("Did you act on an urge today?");
    t.type_text("n");
    t.keys(&["Enter"]);
    t.wait_for("Which of your warning signs showed today?");
    t.keys(&["Enter"]);
    t.wait_for("Which daily maintenance did you do?");
    t.keys(&["Enter"]);
    t.wait_for("Which coping did you use today?");
    t.keys(&["Enter"]);
    t.wait_for("Distress or low mood today");
    t.keys(&["Enter"]);
    t.wait_for("Anything else about today");
    t.resize(50);
    t.keys(&["Enter"]);
    t.wait_until_ended();
    let joined = t.scrollback_joined();
    let block = joined
        .split_once("Your plan has noticed something")
        .unwrap_or_else(|| panic!("no early warning:\n{joined}"))
        .1;
    for row in block.lines() {
        // A command to paste is kept whole on its own line, over the
        // edge if it must (it names the plan's folder).
        if row.trim_start().starts_with("relapse-plan ") {
            continue;
        }
        assert!(
            textwrap::core::display_width(row) <= 50,
            "cut by the terminal at 50 columns: {row:?}\n{block}"
        );
    }
}

/// Before: Ctrl-C at "`hw.toml` is already there. Write over it?" said
/// "Everything you typed is kept: run the same command again to carry
/// on". Nothing had been written, and nothing was kept: it says so.
#[test]
fn ctrl_c_at_write_over_it_says_nothing_was_written() {
    let env = Env::new();
    let out = env.home().join("hw.toml");
    fs::write(&out, "earlier homework\n").unwrap();
    let t = Tmux::start(
        &env,
        &[
            "homework",
            "assign",
            "-o",
            out.to_str().unwrap(),
            "--therapist",
            "林醫師",
            "--due",
            "2026-11-29",
            "--task",
            "check-in=3",
        ],
        50,
    );
    wait_said(&t, "Write over it?");
    t.keys(&["C-c"]);
    t.wait_until_ended();
    let said = one_line(&t.scrollback());
    assert!(
        said.contains("Stopped. Nothing was written or changed."),
        "{said}"
    );
    assert!(!said.contains("Everything you typed is kept"), "{said}");
    assert_eq!(fs::read_to_string(&out).unwrap(), "earlier homework\n");
}
