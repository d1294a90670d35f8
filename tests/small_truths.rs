//! Small truths a person notices (guard14e, issue 12/13): the plan folder
//! made private is said once, a number turned around carries the same
//! mark on paper as every other doubtful number, a date set is said back
//! with its weekday, and the breathing bar fits the window.

use crate::Env;
use crate::one_line as flat;

/// `init` in a folder left open to others made it 0700 in silence. It now
/// says so, once, when it changes it; a save into a folder already private
/// says nothing of it.
#[cfg(unix)]
#[test]
fn a_plan_folder_made_private_is_said_once_when_it_changes() {
    use std::os::unix::fs::PermissionsExt;
    const SAID: &str = "Your plan folder was readable by others; it's now yours alone.";
    let open_to = |env: &Env, mode: u32| {
        std::fs::set_permissions(env.plan_dir(), std::fs::Permissions::from_mode(mode)).unwrap();
    };
    for mode in [0o755, 0o777] {
        let env = Env::new();
        std::fs::create_dir_all(env.plan_dir()).unwrap();
        open_to(&env, mode);
        let said = env.test(["init", "--name", "Sam"]).run().stderr;
        assert_eq!(said.matches(SAID).count(), 1, "{mode:o}: {said}");
        let mode_now = std::fs::metadata(env.plan_dir())
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode_now & 0o777, 0o700);
        // Already private: nothing said, by `init` or by a save.
        let again = env.test(["init", "--name", "Sam"]).status(1).run().stderr;
        assert!(!again.contains(SAID), "{again}");
        let saved = env.test(["reason", "add", "Mia"]).run().stderr;
        assert!(!saved.contains(SAID), "{saved}");
        // An existing plan whose folder was opened again: `init` refuses
        // to start another, and says the folder changed.
        open_to(&env, mode);
        let exists = env.test(["init", "--name", "Sam"]).status(1).run().stderr;
        assert!(exists.contains(SAID), "{exists}");
        assert!(exists.contains("a plan already exists"), "{exists}");
    }
}

/// Trudy: "Call 1234 555 12 46+" (a `+` after the digits, a number
/// turned around) was no link in HTML, yet the PDF and the card showed it
/// without the "(check this number)" the other doubtful numbers carry.
#[test]
fn a_number_turned_around_is_marked_on_the_pdf_and_the_card() {
    let env = Env::with_example();
    env.ok(["step", "add", "Call 1234 555 12 46+"]);
    let pdf = env.home().join("plan.pdf");
    let said = env
        .test(["print", "-o", pdf.to_str().unwrap()])
        .run()
        .stderr;
    assert!(
        flat(&said).contains("has a number with its + after its digits"),
        "{said}"
    );
    let text = flat(&crate::pdftotext(&pdf));
    assert!(
        text.contains("Call (check this number) 1234 555 12 46+"),
        "{text}"
    );
    // The other numbers are as they were.
    assert!(!text.contains("(check this number) 116 123"), "{text}");
    let card = env.home().join("card.pdf");
    env.test(["print", "--card", "-o", card.to_str().unwrap()])
        .run();
    let text = flat(&crate::pdftotext(&card));
    assert!(
        text.contains("(check this number) 1234 555 12 46+"),
        "{text}"
    );
}

/// `breathe`'s bar overflowed a 50-column window and wrapped into a second
/// line on every tick. In tmux at 50 and at 30 columns it stays on one
/// row as it fills, and fits.
#[cfg(unix)]
#[test]
fn the_breathing_bar_fits_a_narrow_window() {
    use crate::keys::Tmux;
    for width in [50_u16, 30] {
        let env = Env::with_example();
        let t = Tmux::start(&env, &["breathe", "--minutes", "0.2"], width);
        t.wait_for("Breathe in");
        // Two seconds of ticks, twenty drawings of the line.
        std::thread::sleep(std::time::Duration::from_secs(2));
        let screen = t.screen();
        let rows: Vec<&str> = screen
            .lines()
            .filter(|row| row.contains(['█', '·', '[', ']']))
            .collect();
        assert_eq!(rows.len(), 1, "{width}: one row of bar\n{screen}");
        assert!(rows[0].contains("Breathe in"), "{width}: {screen}");
        assert!(rows[0].contains('[') && rows[0].contains(']'), "{screen}");
        // One short of the edge, so the terminal never wraps it.
        assert!(
            textwrap::core::display_width(rows[0]) < usize::from(width),
            "{width}: {screen}"
        );
        t.keys(&["C-c"]);
        t.wait_until_ended();
    }
}

/// `set` says the date it read with its weekday, so a date read the wrong
/// way round shows at once; a last review given without a year is the one
/// just gone ("15 Nov" was saved as 15 November of next year).
#[test]
fn set_says_the_date_it_read_with_its_weekday() {
    let env = Env::with_example();
    env.test(["set", "--next-review", "2026-12-15"])
        .stderr_has("next review on 15 December 2026, a Tuesday.")
        .run();
    env.test(["set", "--last-review", "15 Nov"])
        .stderr_has("last review on 15 November 2026, a Sunday.")
        .run();
    let review = env.plan().review;
    assert_eq!(review.last.unwrap().to_string(), "2026-11-15");
    assert_eq!(review.next.unwrap().to_string(), "2026-12-15");
    // A year she wrote stays as written, past or not.
    env.test(["set", "--last-review", "15 Nov 2025"])
        .stderr_has("last review on 15 November 2025, a Saturday.")
        .run();
}

/// `new` in a plan folder open to others says once, when her first answer
/// is kept there, that it is now hers alone.
#[cfg(unix)]
#[test]
fn new_says_once_that_an_open_plan_folder_is_now_private() {
    use crate::keys::Tmux;
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    std::fs::create_dir_all(env.plan_dir()).unwrap();
    std::fs::set_permissions(env.plan_dir(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let t = Tmux::start(&env, &["new"], 100);
    t.wait_for("Which country are you in?");
    t.keys(&["Enter"]);
    t.wait_for("Your name on the plan?");
    t.type_text("Sam");
    t.keys(&["Enter"]);
    t.wait_for("What keeps you going?");
    t.keys(&["C-c"]);
    t.wait_until_ended();
    let screen = flat(&t.scrollback());
    assert_eq!(
        screen
            .matches("Your plan folder was readable by others; it's now yours alone.")
            .count(),
        1,
        "{screen}"
    );
    let mode = std::fs::metadata(env.plan_dir())
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o700);
}

/// Niran: `practice --trigger 1` said "no trigger `1` in the plan (there
/// is: 1 …)", refusing the number its own message listed, and her first
/// words too; only the internal id worked. The number and the words are
/// read as everywhere else.
#[test]
fn practice_takes_a_trigger_by_its_number_or_its_words() {
    let env = Env::with_example();
    env.ok([
        "rehearse",
        "payday",
        "--recalled",
        "all",
        "--confidence",
        "60",
    ]);
    let by_id = env.ok(["practice", "--trigger", "payday"]);
    assert_eq!(env.ok(["practice", "--trigger", "1"]), by_id);
    assert_eq!(env.ok(["practice", "--trigger", "Friday payday"]), by_id);
    let other = env.ok(["practice", "--trigger", "2"]);
    assert_ne!(other, by_id);
}
