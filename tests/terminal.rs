//! The wizards in a real pseudo-terminal, keys and all (Unix only).

use std::fs;

use rexpect::session::PtySession;

use crate::{Env, Pty, Test};

pub(crate) const DOWN: &str = "\x1b[B";
pub(crate) const UP: &str = "\x1b[A";
pub(crate) const ENTER: &str = "\r";

/// `relapse-plan ARGS` at a terminal, without colour, in a British locale:
/// the country menu starts on the United Kingdom.
fn at_terminal(env: &Env, args: &[&str]) -> Test {
    env.test(args)
        .env("TERM", "xterm")
        .env("NO_COLOR", "1")
        .env("LANG", "en_GB.UTF-8")
}

/// Started [`at_terminal`], to end with exit status 0.
fn spawn(env: &Env, args: &[&str], strip_ansi: bool) -> Pty {
    let test = at_terminal(env, args);
    if strip_ansi {
        test.pty()
    } else {
        test.pty_raw()
    }
}

/// Waits for `prompt`, then types `keys`.
#[track_caller]
pub(crate) fn answer(p: &mut PtySession, prompt: &str, keys: &str) {
    if let Err(e) = p.exp_string(prompt) {
        panic!("waiting for {prompt:?}: {e}");
    }
    // The prompt is drawn before the terminal is switched to reading keys;
    // keys sent in between can be swallowed, as a person never types that fast.
    std::thread::sleep(std::time::Duration::from_millis(120));
    p.send(keys).unwrap();
    p.flush().unwrap();
}

/// The rest of `new` from the reasons section on: one reason, one trigger,
/// one contact, one crisis step, every other section skipped, saved.
fn walk_from_reasons(p: &mut Pty) {
    answer(p, "What next?", ENTER); // reasons: done
    answer(p, "A sign that things are sliding?", ENTER);
    answer(p, "What next?", ENTER);
    answer(p, "What situation puts you at risk?", "Friday payday\r");
    answer(p, "What kind of situation", ENTER);
    answer(p, "What thought comes with it?", "I've earned it\r");
    answer(p, "What thought comes with it?", ENTER);
    answer(p, "What feeling comes with it?", ENTER);
    answer(p, "What urge comes with it?", ENTER);
    answer(p, "What situation puts you at risk?", ENTER);
    answer(p, "Done with triggers", ENTER);
    // Ratings start on no choice: a digit typed moves to it.
    answer(p, "How likely", "3\r");
    answer(p, "How strong", "3\r");
    answer(p, "How sure", "40\r");
    // Nothing planned yet, so the menu starts on an example: up to "Done".
    answer(p, "Done with this one", &format!("{UP}{UP}{UP}{ENTER}"));
    answer(p, "Who is it?", "Alex\r");
    answer(p, "Phone number for Alex?", "+44 7700 900123\r");
    // The menu starts on no role: down two to "Someone I can ask for help".
    answer(p, "Who is Alex for you?", &format!("{DOWN}{DOWN}{ENTER}"));
    answer(p, "When can you reach Alex?", ENTER);
    answer(p, "Who is it?", ENTER);
    answer(p, "Done with this section", ENTER);
    answer(p, "no one to call. Link someone", "n\r");
    answer(p, "What will you do, in order?", "Call Alex\r");
    answer(p, "What will you do, in order?", ENTER);
    answer(p, "Done with this section", ENTER);
    answer(p, "how likely you are to do each step?", "n\r");
    for asked in [
        "What could you make safer?",
        "What will you do if you slip?",
        "What helps you stay well each day?",
    ] {
        answer(p, asked, ENTER);
        answer(p, "Done with this section", ENTER);
    }
    answer(p, "for the people who help you?", "n\r");
    answer(p, "When would you like to review", ENTER);
    answer(p, "Save my plan", ENTER);
    answer(p, "A few words about this version?", "first draft\r");
    p.exp_string("Saved as revision 1 of your plan").unwrap();
    p.eof();
}

#[test]
fn new_builds_a_whole_plan_in_a_real_terminal() {
    let env = Env::new();
    let mut p = spawn(&env, &["new"], true);
    p.exp_string("It is private").unwrap();
    answer(&mut p, "Which country are you in?", ENTER);
    p.exp_string("Samaritans: call 116 123").unwrap();
    answer(&mut p, "Your name on the plan?", "Sam\r");
    answer(&mut p, "What keeps you going?", "My daughter\r");
    answer(&mut p, "What keeps you going?", ENTER);
    walk_from_reasons(&mut p);
    let plan = env.plan();
    assert_eq!(
        (plan.name.as_str(), plan.country.as_deref()),
        ("Sam", Some("GB"))
    );
    assert_eq!(plan.reasons[0].text, "My daughter");
    assert_eq!(plan.triggers[0].thoughts, ["I've earned it"]);
    assert_eq!(plan.contacts[0].phone.as_deref(), Some("+44 7700 900123"));
    assert_eq!(plan.crisis_steps[0].text, "Call Alex");
    assert_eq!(plan.change_note.as_deref(), Some("first draft"));
    assert!(!env.plan_dir().join("draft.toml").exists());
    // Written today, never reviewed: a next review, and no "last reviewed
    // today" (issue 13).
    assert!(plan.review.next.is_some(), "{:?}", plan.review);
    assert_eq!(plan.review.last, None);
    let show = env.ok(["show"]);
    assert!(!show.contains("last reviewed"), "{show}");
}

#[test]
fn ctrl_c_keeps_every_answer_and_restores_the_terminal() {
    let env = Env::new();
    let mut p = at_terminal(&env, &["new"]).status(130).pty_raw();
    answer(&mut p, "Which country are you in?", ENTER);
    answer(&mut p, "Your name on the plan?", "Sam\r");
    answer(&mut p, "What keeps you going?", "My daughter\r");
    answer(&mut p, "What keeps you going?", ENTER);
    p.exp_string("What next?").unwrap();
    p.send_control('c').unwrap();
    let rest = p.eof();
    assert!(
        rest.contains("\u{1b}[?25h"),
        "the cursor is shown again: {rest:?}"
    );
    assert!(
        rest.contains("Stopped. Everything you typed is kept"),
        "{rest:?}"
    );
    let draft = fs::read_to_string(env.plan_dir().join("draft.toml")).unwrap();
    assert!(draft.contains("My daughter"), "{draft}");

    // Resume, and finish.
    let mut p = spawn(&env, &["new"], true);
    answer(&mut p, "You have unfinished answers", ENTER);
    p.exp_string("1. My daughter").unwrap();
    walk_from_reasons(&mut p);
    assert_eq!(env.plan().reasons[0].text, "My daughter");
}

#[test]
fn rank_compares_pairs_and_saves_the_order() {
    let env = Env::new();
    env.ok(["init", "--country", "GB"]);
    for situation in ["Payday", "Row with Jo", "Sunday alone"] {
        env.ok(["trigger", "add", "--situation", situation]);
    }
    let mut p = spawn(&env, &["rank"], true);
    for _ in 0..3 {
        answer(&mut p, "How likely", "3\r");
        answer(&mut p, "How strong", "3\r");
        answer(&mut p, "How sure", "40\r");
    }
    answer(&mut p, "Compare them now?", "y\r");
    // Always choose the first: each newly placed trigger is the harder one,
    // so the person's order is the reverse of the starting order.
    let mut asked = 0;
    loop {
        let (_, found) = p
            .exp_any(vec![
                // The live question, not the line that reports an answer.
                rexpect::ReadUntil::String("harder for you to handle? (".into()),
                rexpect::ReadUntil::String("Your order, hardest first".into()),
            ])
            .unwrap();
        if found.contains("Your order") {
            break;
        }
        asked += 1;
        std::thread::sleep(std::time::Duration::from_millis(120));
        p.send(&format!("{DOWN}{ENTER}")).unwrap();
        p.flush().unwrap();
        // Until the answer is on screen: the menu is drawn again at each key.
        p.exp_string("handle? \u{c2}\u{b7} ").unwrap();
    }
    assert!(asked <= 3, "{asked} questions for 3 triggers");
    answer(&mut p, "Save these changes", ENTER);
    p.eof();
    let plan = env.plan();
    let mut ranked = plan.triggers.clone();
    ranked.sort_by_key(|t| t.rank);
    let order: Vec<&str> = ranked.iter().map(|t| t.situation.as_str()).collect();
    assert_eq!(order, ["Sunday alone", "Row with Jo", "Payday"]);
    assert!(plan.triggers.iter().all(|t| t.likelihood == Some(3)));
}

#[test]
fn rehearse_practises_the_riskiest_trigger_and_logs_it() {
    let env = Env::with_example();
    let mut p = spawn(&env, &["rehearse"], true);
    p.exp_string("Picture this: Friday payday").unwrap();
    answer(
        &mut p,
        "What will you do?",
        "Walk the canal way and call Alex\r",
    );
    p.exp_string("Your plan says").unwrap();
    p.exp_string("Urge surfing").unwrap();
    answer(&mut p, "How much of your plan did you recall?", "all\r");
    answer(&mut p, "How sure are you now", "60\r");
    p.exp_string("Next practice for this one: tomorrow, Monday 23 November")
        .unwrap();
    answer(&mut p, "What next?", &format!("{DOWN}{ENTER}"));
    p.eof();
    let log = fs::read_to_string(env.plan_dir().join("practice.toml")).unwrap();
    assert!(log.contains("Walk the canal way and call Alex"), "{log}");
    assert!(log.contains("trigger = \"payday\""), "{log}");
    let list = env.ok(["rehearse", "--list"]);
    assert!(
        list.lines()
            .next()
            .unwrap()
            .starts_with("2. An argument with Jo about money"),
        "due ones first:\n{list}"
    );
    assert!(list.contains("next tomorrow, Monday 23 November"), "{list}");
}

/// Issue 13 (Mei): after "None of it", no "Well done." over a blank; a
/// true, kind word instead (practising is what counts).
#[test]
fn a_rehearsal_recalling_none_of_it_is_thanked_not_praised() {
    let env = Env::with_example();
    let mut p = at_terminal(&env, &["rehearse", "payday"])
        .env("TZ", "Pacific/Auckland")
        .env("LANG", "zh_CN.UTF-8")
        .pty();
    answer(&mut p, "What will you do?", "先去找林晓（室友）\r");
    answer(
        &mut p,
        "How much of your plan did you recall?",
        &format!("{DOWN}{DOWN}{DOWN}{ENTER}"),
    );
    answer(&mut p, "How sure are you now", "60\r");
    // Up to where the line wraps at 80 columns: its date is in words.
    let before = p.exp_string("Next practice for this").unwrap();
    assert!(
        before.contains("Thank you for practising; that is what counts."),
        "{before}"
    );
    assert!(!before.contains("Well done"), "{before}");
    answer(&mut p, "What next?", &format!("{DOWN}{ENTER}"));
    p.eof();
    let log = fs::read_to_string(env.plan_dir().join("practice.toml")).unwrap();
    assert!(log.contains("recalled = \"none\""), "{log}");
    assert!(log.contains("先去找林晓（室友）"), "{log}");
}

#[test]
fn wizards_without_a_terminal_point_to_the_scriptable_commands() {
    let env = Env::new();
    for (command, instead) in [
        ("new", "step add"),
        ("map", "trigger add"),
        ("rank", "--likelihood"),
    ] {
        let err = env.fails(1, [command]);
        assert!(
            err.contains(&format!(
                "`relapse-plan {command}` asks you questions, so it needs a terminal"
            )),
            "{err}"
        );
        assert!(err.contains(instead), "{err}");
    }
    assert!(!env.plan_dir().exists(), "nothing was written");
}

#[test]
fn drafts_are_private_whatever_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    let mut p = env
        .shell("umask 000 && exec \"$0\" map")
        .env("TERM", "xterm")
        .env("NO_COLOR", "1")
        .status(130)
        .pty();
    answer(
        &mut p,
        "What situation puts you at risk?",
        "A noisy party\r",
    );
    p.exp_string("What kind of situation").unwrap();
    p.send_control('c').unwrap();
    p.eof();
    let draft = env.plan_dir().join("draft.toml");
    assert!(
        fs::read_to_string(&draft)
            .unwrap()
            .contains("A noisy party")
    );
    assert_eq!(
        fs::metadata(&draft).unwrap().permissions().mode() & 0o777,
        0o600
    );
    assert_eq!(
        fs::metadata(env.plan_dir()).unwrap().permissions().mode() & 0o777,
        0o700
    );
}

#[test]
fn breathe_runs_and_stops_cleanly_on_ctrl_c() {
    let env = Env::with_example();
    // Stopping early is no failure: it exits 0.
    let mut p = at_terminal(
        &env,
        &["breathe", "--in", "2", "--out", "3", "--minutes", "1"],
    )
    .pty_raw();
    p.exp_string("Press Ctrl-C to stop at any time").unwrap();
    p.exp_string("Breathe in").unwrap();
    p.exp_string("Breathe out").unwrap();
    p.send_control('c').unwrap();
    let rest = p.eof();
    assert!(
        rest.contains("\u{1b}[?25h"),
        "the cursor is shown again: {rest:?}"
    );
    assert!(
        rest.contains("That still counts, and it's logged"),
        "{rest:?}"
    );
    let log = fs::read_to_string(env.plan_dir().join("practice.toml")).unwrap();
    assert!(
        log.contains("kind = \"breathe\"") && log.contains("completed = false"),
        "{log}"
    );
}

#[test]
fn surf_asks_the_urge_charts_it_and_logs_it() {
    let env = Env::with_example();
    // Checks at 0, 1.2 and 2.4 seconds: three ratings.
    let mut p = spawn(
        &env,
        &["surf", "--minutes", "0.04", "--every", "0.02"],
        true,
    );
    p.exp_string("Ctrl-C stops at any time").unwrap();
    // The live question, not the line that reports an answer.
    let live = "How strong is the urge right now? (";
    // Each rating starts on none: down to 5, then a digit typed.
    answer(
        &mut p,
        live,
        &format!("{DOWN}{DOWN}{DOWN}{DOWN}{DOWN}{DOWN}{ENTER}"),
    ); // 5
    // The next menu only once the wait is over: keys typed before a menu
    // is drawn never choose in it.
    p.exp_string("Next check in").unwrap();
    answer(&mut p, live, "7\r"); // 7
    // The last rating is marked, not chosen.
    p.exp_string("5 (last check)").unwrap();
    p.exp_string("Next check in").unwrap();
    answer(&mut p, live, "4\r"); // 4
    p.exp_string("It went from 5 to 4, peaking at 7").unwrap();
    p.eof();
    let log = fs::read_to_string(env.plan_dir().join("practice.toml")).unwrap();
    assert!(
        log.contains("ratings = [") && log.contains("kind = \"surf\""),
        "{log}"
    );
}

#[test]
fn homework_assign_asks_for_what_the_flags_left_out() {
    let env = Env::new();
    let file = env.home().join("homework.toml");
    let mut p = spawn(
        &env,
        &["homework", "assign", "-o", file.to_str().unwrap()],
        true,
    );
    answer(&mut p, "Your name, as your client knows you", "Dr Patel\r");
    answer(&mut p, "Your client's first name", "Sam\r");
    // A date that can't be read is asked again at once, the form kept
    // (Priya: it was refused only after every task, and all was lost).
    answer(&mut p, "Due date (YYYY-MM-DD", "next blursday\r");
    p.exp_string("as a date").unwrap();
    answer(&mut p, "Due date?", "2026-11-01\r");
    p.exp_string("has passed: the due date is today or later")
        .unwrap();
    answer(&mut p, "Due date?", "2026-11-29\r");
    answer(&mut p, "A note for your client", ENTER);
    answer(&mut p, "Which task?", ENTER);
    answer(&mut p, "How many?", "\x7f3\r");
    answer(&mut p, "Add another task?", "n\r");
    p.exp_string("Wrote").unwrap();
    p.eof();
    let text = fs::read_to_string(&file).unwrap();
    assert!(
        text.contains("therapist = \"Dr Patel\"")
            && text.contains("task = \"map-triggers\"")
            && text.contains("count = 3"),
        "{text}"
    );
    assert!(
        !env.plan_dir().exists(),
        "a therapist needs no plan of their own"
    );
}

/// Issue 14: a whole check-in on a real terminal, a wrong number asked
/// again, ticks with Space, a lapse bringing up the lapse plan; then Ctrl-C
/// part-way through a second one saves nothing and exits 130.
#[test]
fn a_check_in_on_a_real_terminal() {
    let env = Env::with_example();
    let mut p = spawn(&env, &["check-in"], true);
    answer(&mut p, "Strongest urge today", "12\r");
    answer(&mut p, "is not a number from 0 to 10", "");
    answer(&mut p, "Strongest urge today", "\x7f\x7f8\r");
    // No, Partly, Yes, the cursor on none: down twice is "Partly".
    answer(
        &mut p,
        "Did you act on an urge today?",
        &format!("{DOWN}{DOWN}{ENTER}"),
    );
    // The lapse plan comes straight after the answer, before anything else.
    p.exp_string("a lapse, not a relapse").unwrap();
    p.exp_string("Call Alex within the hour and tell the truth")
        .unwrap();
    answer(
        &mut p,
        "Which of your warning signs showed today?",
        &format!(" {DOWN}{DOWN} {ENTER}"),
    );
    answer(
        &mut p,
        "Which daily maintenance did you do?",
        &format!(" {ENTER}"),
    );
    answer(&mut p, "Which coping did you use today?", ENTER);
    answer(&mut p, "Distress or low mood today", "6\r");
    answer(
        &mut p,
        "Anything else about today",
        "Had two, then called Alex\r",
    );
    p.exp_string("Your lapse plan is above").unwrap();
    p.eof();
    let log = fs::read_to_string(env.plan_dir().join("check-ins.toml")).unwrap();
    assert!(log.contains("urge = 8"), "{log}");
    assert!(log.contains("acted = \"partly\""), "{log}");
    assert!(log.contains("Skipping meals and sleeping badly"), "{log}");
    assert!(log.contains("Not answering Alex's messages"), "{log}");
    assert!(log.contains("Walk at lunch"), "{log}");
    assert!(log.contains("Had two, then called Alex"), "{log}");

    // The first check-in is saved: saying "nothing was saved" would be untrue.
    let said = ctrl_c_in_a_later_check_in(&env);
    assert!(
        said.contains("the one you saved earlier today is kept"),
        "{said}"
    );
    assert!(!said.contains("Nothing was saved"), "{said}");
}

/// Ctrl-C at the urge question of a later check-in the same day: what it
/// said, as one line, after checking the log is byte for byte unchanged.
fn ctrl_c_in_a_later_check_in(env: &Env) -> String {
    let log = env.plan_dir().join("check-ins.toml");
    let before = fs::read(&log).unwrap();
    let mut p = at_terminal(env, &["check-in"]).status(130).pty();
    answer(&mut p, "You checked in earlier today", "");
    answer(&mut p, "Strongest urge today", "\x03");
    p.exp_string("This check-in was not saved;").unwrap();
    let rest = p.eof();
    assert_eq!(
        fs::read(&log).unwrap(),
        before,
        "nothing lost, nothing added"
    );
    rest.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Issue 13 (keys13 item 1): Ctrl-C in the day's third check-in says that
/// this one was not saved and the two saved earlier today are kept.
#[test]
fn ctrl_c_in_a_third_check_in_keeps_the_earlier_two() {
    let env = Env::with_example();
    env.ok(["check-in", "--urge", "3", "--acted", "no"]);
    env.ok(["check-in", "--urge", "5", "--acted", "no"]);
    let said = ctrl_c_in_a_later_check_in(&env);
    assert!(
        said.contains("the ones you saved earlier today are kept"),
        "{said}"
    );
    assert!(!said.contains("Nothing was saved"), "{said}");
}

/// `new` with only a do-not-involve contact; returns what the screen showed
/// between the review question and "Save my plan" (the summary), raw.
fn new_with_someone_not_to_involve(p: &mut Pty) -> String {
    answer(p, "Which country are you in?", ENTER);
    answer(p, "Your name on the plan?", "Sam\r");
    answer(p, "What keeps you going?", ENTER);
    answer(p, "What next?", ENTER);
    answer(p, "A sign that things are sliding?", ENTER);
    answer(p, "What next?", ENTER);
    answer(p, "What situation puts you at risk?", ENTER);
    answer(p, "Done with triggers", ENTER);
    answer(p, "Who is it?", "Dermot Ó Súilleabháin\r");
    answer(p, "Phone number for Dermot", ENTER);
    // From no role down four to "Someone not to involve".
    answer(p, "for you?", &format!("{DOWN}{DOWN}{DOWN}{DOWN}{ENTER}"));
    answer(p, "Who is it?", ENTER);
    answer(p, "Done with this section", ENTER);
    answer(p, "What will you do, in order?", ENTER);
    answer(p, "Done with this section", ENTER);
    for asked in [
        "What could you make safer?",
        "What will you do if you slip?",
        "What helps you stay well each day?",
    ] {
        answer(p, asked, ENTER);
        answer(p, "Done with this section", ENTER);
    }
    answer(p, "for the people who help you?", "n\r");
    answer(p, "When would you like to review", ENTER);
    let screen = p.exp_string("Save my plan").expect("the summary");
    std::thread::sleep(std::time::Duration::from_millis(120));
    p.send(ENTER).unwrap();
    p.flush().unwrap();
    answer(p, "A few words about this version?", ENTER);
    p.exp_string("Saved as revision 1 of your plan").unwrap();
    p.eof();
    // rexpect hands over each byte as one char; decode them as the UTF-8
    // the terminal shows, so widths and box characters are seen as drawn.
    let bytes: Vec<u8> = screen
        .chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?'))
        .collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

/// "Someone NOT to involve" in `new` is saved as that, never as a
/// professional (the fourth choice once mapped to the wrong role).
#[test]
fn new_saves_a_do_not_involve_contact_as_that_and_never_as_a_professional() {
    let env = Env::new();
    let mut p = spawn(&env, &["new"], true);
    new_with_someone_not_to_involve(&mut p);
    // Read back from plan.toml itself, as any reader of the file would.
    let file: toml::Table = fs::read_to_string(env.plan_dir().join("plan.toml"))
        .unwrap()
        .parse()
        .unwrap();
    let contact = &file["contacts"].as_array().unwrap()[0];
    assert_eq!(contact["name"].as_str(), Some("Dermot Ó Súilleabháin"));
    assert_eq!(
        contact["role"].as_str(),
        Some("do-not-involve"),
        "{contact}"
    );
    assert!(contact.get("do_not_involve").is_none(), "{contact}");
}

/// On a 50-column terminal the summary fits: no line wider than 50 display
/// columns.
#[test]
fn new_fits_a_50_column_terminal() {
    let env = Env::new();
    let mut p = at_terminal(&env, &["new"]).env("COLUMNS", "50").pty();
    let screen = new_with_someone_not_to_involve(&mut p);
    assert!(screen.contains("Dermot"), "{screen}");
    // Every line drawn, echoes of long answers included, fits: words wrap,
    // never cut at the edge.
    let summary = screen.as_str();
    // The review date's echo (71 columns once) is there whole, wrapped.
    let words = summary.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(words.contains("In 30 days (22 December 2026)"), "{screen}");
    for line in summary.split(['\n', '\r']) {
        assert!(
            textwrap::core::display_width(line) <= 50,
            "wider than 50 columns: {line:?}\n{screen}"
        );
    }
}

/// `--plain` reaches the wizard: no box drawing, no colour, for screen readers.
#[test]
fn plain_wizard_output_has_no_box_drawing_and_no_colour() {
    let env = Env::new();
    // No NO_COLOR here: --plain alone must keep colour away.
    let mut p = env
        .test(["--plain", "new"])
        .env("TERM", "xterm-256color")
        .env("LANG", "en_GB.UTF-8")
        .pty_raw();
    let screen = new_with_someone_not_to_involve(&mut p);
    assert!(screen.contains("Dermot"), "{screen}");
    let boxes: Vec<char> = screen
        .chars()
        .filter(|c| ('\u{2500}'..='\u{257f}').contains(c))
        .collect();
    assert!(boxes.is_empty(), "box drawing {boxes:?} in:\n{screen}");
    // Colour is an SGR sequence (ESC [ … m) with a colour parameter.
    for sgr in screen.split('\x1b').skip(1).filter_map(|s| {
        let body = s.strip_prefix('[')?;
        let end = body.find(|c: char| !(c.is_ascii_digit() || c == ';'))?;
        (body[end..].starts_with('m')).then(|| &body[..end])
    }) {
        for param in sgr.split(';').filter_map(|n| n.parse::<u32>().ok()) {
            assert!(
                !matches!(param, 30..=38 | 40..=48 | 90..=97 | 100..=107),
                "colour escape {sgr:?} in:\n{screen:?}"
            );
        }
    }
}

/// [`at_terminal`], `columns` wide.
pub(crate) fn at_columns(env: &Env, args: &[&str], columns: &str) -> Test {
    at_terminal(env, args).env("COLUMNS", columns)
}

/// Started [`at_columns`], to end with exit status 0.
pub(crate) fn spawn_at(env: &Env, args: &[&str], columns: &str) -> Pty {
    at_columns(env, args, columns).pty()
}

/// Issue 13: Esc on a menu, on a text question and on a "What next?" menu
/// does what the keys line says, and says on screen what it did; Ctrl-C
/// then stops once, kindly, with exit 130 and every answer kept.
#[test]
fn esc_and_ctrl_c_do_what_the_screen_says() {
    let env = Env::new();
    let mut p = at_columns(&env, &["new"], "50").status(130).pty();
    p.exp_string("skips a question and keeps").unwrap();
    // Esc on the country menu: skipped, and said what that means.
    answer(&mut p, "Which country are you in?", "\x1b");
    p.exp_string("skipped").unwrap();
    p.exp_string("Without a country, your plan says").unwrap();
    // Esc on a text question with nothing there: skipped, said so.
    answer(&mut p, "Your name on the plan?", "\x1b");
    p.exp_string("skipped").unwrap();
    answer(&mut p, "What keeps you going?", "Mi hija Lucía\r");
    // Typed, then Esc: what was typed is kept, never thrown away.
    answer(&mut p, "What keeps you going?", "El mar\x1b");
    answer(&mut p, "What keeps you going?", "\r");
    // Esc on "What next?": leaves the part, and says so.
    answer(&mut p, "What next?", "\x1b");
    p.exp_string("skipped").unwrap();
    answer(&mut p, "A sign that things are sliding?", "");
    std::thread::sleep(std::time::Duration::from_millis(200));
    p.send_control('c').unwrap();
    let rest = p.eof();
    assert_eq!(
        rest.matches("Stopped. Everything you typed is kept")
            .count(),
        1,
        "said once: {rest:?}"
    );
    let draft = fs::read_to_string(env.plan_dir().join("draft.toml")).unwrap();
    assert!(
        draft.contains("Mi hija Lucía") && draft.contains("El mar"),
        "{draft}"
    );
    assert!(!draft.contains("country ="), "{draft}");
}

/// Issue 13: a date that can't be read is asked again with an example, in
/// the same words `set` uses, and the date meant is the one saved.
#[test]
fn an_invalid_date_is_asked_again_and_the_meant_one_saved() {
    use relapse_plan::plan::draft::{Draft, to_toml};
    let env = Env::new();
    let mut draft = Draft::new(
        "new",
        "2026-11-22T10:15:00Z".parse().unwrap(),
        relapse_plan::plan::Plan::new("Ana".into(), Some("IE".into())),
    );
    for step in [
        "about",
        "reasons",
        "warning-signs",
        "triggers",
        "ranking",
        "responses",
        "contacts",
        "crisis-steps",
        "safer-environment",
        "lapse-plan",
        "maintenance",
        "follow-through",
        "supporters",
    ] {
        draft.mark_done(step);
    }
    fs::create_dir_all(env.plan_dir()).unwrap();
    fs::write(env.plan_dir().join("draft.toml"), to_toml(&draft)).unwrap();
    let mut p = at_columns(&env, &["new"], "100").pty();
    answer(&mut p, "You have unfinished answers", ENTER);
    answer(
        &mut p,
        "When would you like to review",
        &format!("{DOWN}{DOWN}{DOWN}{ENTER}"),
    );
    answer(
        &mut p,
        "Which date? (like 31.03.2027, 31/03/2027 or 2027-03-31)",
        "abc\r",
    );
    // rexpect reads bytes one to a char: wait on the ASCII part of each
    // line. A refusal is a line of its own, then the question comes again.
    answer(&mut p, "as a date; write it like 31.03.2027", "");
    answer(&mut p, "Which date? (like 31.03.2027", "31/02/2027\r");
    answer(&mut p, "isn't a day on the calendar; write it like", "");
    answer(&mut p, "Which date?", "4/1/2027\r");
    p.exp_string("Your next review: 4 January 2027, a Monday.")
        .unwrap();
    answer(&mut p, "Save my plan", ENTER);
    answer(&mut p, "A few words about this version?", ENTER);
    p.exp_string("Saved as revision 1").unwrap();
    p.eof();
    assert_eq!(env.plan().review.next.unwrap().to_string(), "2027-01-04");
}

/// On a terminal, writing over a file that is already there is asked, and
/// "no" (the default) keeps it.
#[test]
fn writing_over_a_file_is_asked_on_a_terminal() {
    let env = Env::with_example();
    let out = env.home().join("plan.txt");
    fs::write(&out, "mine").unwrap();
    let path = out.to_str().unwrap();
    // Declined, it says nothing was written and exits 1 (not done, and
    // not a typing mistake, which is 2).
    let mut p = at_terminal(&env, &["print", "-o", path]).status(1).pty();
    answer(&mut p, "is already there. Write over it?", ENTER);
    p.exp_string("Nothing was written.").unwrap();
    p.eof();
    assert_eq!(fs::read_to_string(&out).unwrap(), "mine");
    let mut p = spawn(&env, &["print", "-o", path], true);
    answer(&mut p, "is already there. Write over it?", "y\r");
    p.exp_string("Wrote").unwrap();
    p.eof();
    assert!(fs::read_to_string(&out).unwrap().contains("Sam"));
}

/// Issue 14: a long hand-in ends with a summary in words right before the
/// question (a phone shows only the tail), and Enter alone writes nothing.
#[test]
fn submit_sums_up_a_long_hand_in_and_enter_writes_nothing() {
    let env = crate::homework::client_week();
    let file = env.home().join("hand-in.toml");
    let run = |status| {
        env.test(["homework", "submit", "-o", file.to_str().unwrap()])
            .env("RELAPSE_PLAN_NOW", "2026-11-28T18:00:00Z")
            .env("TERM", "xterm")
            .env("NO_COLOR", "1")
            .status(status)
            .pty()
    };
    // Declined (Enter alone): nothing written, exit 1.
    let mut p = run(1);
    let shown = p.exp_string("Write it?").unwrap();
    let Some(at) = shown.rfind("In short, it holds:") else {
        panic!("no summary before the question:\n{shown}");
    };
    let summary = &shown[at..];
    let flat = summary.split_whitespace().collect::<Vec<_>>().join(" ");
    for part in [
        "homework tasks from",
        "check-ins",
        "revision",
        "notes in your own words",
    ] {
        assert!(flat.contains(part), "{part:?} missing from: {flat}");
    }
    assert!(
        summary.lines().count() < 12,
        "the summary is right before the question:\n{summary}"
    );
    std::thread::sleep(std::time::Duration::from_millis(120));
    p.send(ENTER).unwrap();
    p.flush().unwrap();
    p.exp_string("Nothing was written.").unwrap();
    p.eof();
    assert!(!file.exists(), "Enter alone wrote the hand-in");

    let mut p = run(0);
    answer(&mut p, "Write it?", "y\r");
    p.exp_string("Wrote").unwrap();
    p.eof();
    assert!(fs::read_to_string(&file).unwrap().contains("[assignment]"));
}

/// Issue 12: on a terminal, replacing the homework being worked on is
/// asked first, No by default; yes replaces it.
#[test]
fn replacing_started_homework_is_asked_first() {
    let env = Env::with_example();
    let examples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    env.ok([
        "homework",
        "start",
        examples.join("homework.toml").to_str().unwrap(),
    ]);
    let started = env.plan_dir().join("homework.toml");
    let kept = fs::read(&started).unwrap();
    let other = env.home().join("other.toml");
    fs::write(
        &other,
        fs::read_to_string(examples.join("homework.toml"))
            .unwrap()
            .replace("dr-patel-sam", "dr-lee-sam")
            .replace("Dr Patel", "Dr Lee"),
    )
    .unwrap();
    let args = ["homework", "start", other.to_str().unwrap()];
    let mut p = spawn(&env, &args, true);
    p.exp_string("due 29 November (started today), and have not handed it in.")
        .unwrap();
    answer(&mut p, "Start the homework from Dr Lee,", ENTER);
    p.exp_string("Nothing was changed: you carry on with the homework you started.")
        .unwrap();
    p.eof();
    assert_eq!(fs::read(&started).unwrap(), kept);
    let mut p = spawn(&env, &args, true);
    answer(&mut p, "Start the homework from Dr Lee,", "y\r");
    p.exp_string("This replaces the homework from Dr Patel")
        .unwrap();
    p.exp_string("Homework from Dr Lee").unwrap();
    p.eof();
    assert!(env.ok(["homework", "status"]).contains("Dr Lee"));
}

/// Issue 13 (keys13 item 4): `map` on a plan with no triggers offers only
/// what can be done: done or add, never change or remove a trigger that
/// is not there.
#[test]
fn map_without_triggers_offers_only_done_or_add() {
    // The example plan with its triggers taken out.
    let example = fs::read_to_string(crate::example_plan()).unwrap();
    let mut kept = Vec::new();
    let mut in_trigger = false;
    for line in example.lines() {
        if line.starts_with('[') {
            in_trigger = line.trim() == "[[triggers]]";
        }
        if !in_trigger {
            kept.push(line);
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plan.toml");
    fs::write(&file, kept.join("\n")).unwrap();
    let env = Env::with_plan(&file, 3);
    let mut p = at_terminal(&env, &["map"]).status(130).pty();
    answer(&mut p, "What situation puts you at risk?", ENTER);
    p.exp_string("What next?").unwrap();
    p.exp_string("Add a trigger").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(200));
    p.send("\x03").unwrap();
    p.flush().unwrap();
    let rest = p.eof();
    assert!(!rest.contains("Change one"), "{rest}");
    assert!(!rest.contains("Remove one"), "{rest}");
}

/// `map` lists the triggers in the person's own order from comparing them
/// (Rohan first, as she chose), not the order she typed them in; each
/// with the number every list gives it (Rohan's is 2: she added him
/// second), and the heading says why they run 2, 1.
#[test]
fn map_lists_triggers_in_the_persons_own_order() {
    let env = Env::with_plan(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/own-order.toml"),
        1,
    );
    let mut p = at_terminal(&env, &["map"]).status(130).pty();
    p.exp_string("Your triggers, riskiest first (each keeps the number it was added with):")
        .unwrap();
    let listed = p.exp_string("What next?").unwrap();
    // The pseudo-terminal's bytes come back one char per byte: look for
    // the ASCII in her words.
    assert!(
        listed.contains("2. Rohan"),
        "her order, Rohan first:\n{listed}"
    );
    let rohan = listed.find("2. Rohan").unwrap();
    assert!(listed[rohan..].contains("1. "), "{listed}");
    std::thread::sleep(std::time::Duration::from_millis(200));
    p.send("\x03").unwrap();
    p.flush().unwrap();
    p.eof();
}
