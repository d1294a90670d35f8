//! Issue 13 ("words"): what a person types in their own language and
//! script is read as they meant it (dates with month names and CJK marks,
//! any script's digits, country names in their own language), and what
//! the views show is in their words.

use std::fs;

use crate::Env;

/// A draft with every part done but the review, so `new` goes straight to
/// "When would you like to review your plan?".
#[cfg(unix)]
fn draft_at_the_review(env: &Env) {
    draft_with(
        env,
        relapse_plan::plan::Plan::new("美玲".into(), Some("TW".into())),
    );
}

/// A draft of `plan` with every part done but the review.
#[cfg(unix)]
pub(crate) fn draft_with(env: &Env, plan: relapse_plan::plan::Plan) {
    use relapse_plan::plan::draft::{Draft, to_toml};
    let mut draft = Draft::new("new", crate::NOW.parse().unwrap(), plan);
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
}

/// A date written the Chinese way is read on the prompt screen; one with
/// no day is asked again, never dropped.
#[cfg(unix)]
#[test]
fn a_review_date_in_chinese_is_read_and_a_half_date_asked_again() {
    use crate::terminal::{DOWN, ENTER, answer, spawn_at};
    let env = Env::new();
    draft_at_the_review(&env);
    let mut p = spawn_at(&env, &["new"], "50");
    answer(&mut p, "You have unfinished answers", ENTER);
    answer(
        &mut p,
        "When would you like to review",
        &format!("{DOWN}{DOWN}{DOWN}{ENTER}"),
    );
    answer(&mut p, "Which date?", "3月\r");
    // rexpect reads bytes one to a char: wait on the ASCII part. The
    // refusal is a line of its own, then the question comes again.
    answer(&mut p, "as a date; write it like", "");
    answer(&mut p, "Which date?", "\x7f\x7f\x7f\x7f2027年３月1日\r");
    p.exp_string("Your next review: 1 March 2027, a Monday.")
        .unwrap();
    answer(&mut p, "Save my plan", ENTER);
    answer(&mut p, "A few words about this version?", ENTER);
    p.exp_string("Saved as revision 1").unwrap();
    p.eof();
    assert_eq!(env.plan().review.next.unwrap().to_string(), "2027-03-01");
}

/// Layla, in Cairo: "بعد أسبوعين" (in two weeks) typed at the review
/// date's "Which date?" in a real terminal (tmux, 50 columns) is read, and
/// said back in words; Arabic dates had been asked again as no date.
#[cfg(unix)]
#[test]
fn a_review_date_said_in_arabic_is_read_and_said_back_in_words() {
    use crate::keys::Tmux;
    let env = Env::new();
    draft_with(
        &env,
        relapse_plan::plan::Plan::new("ليلى".into(), Some("EG".into())),
    );
    let t = Tmux::start(&env, &["new"], 50);
    t.wait_for("You have unfinished answers");
    t.keys(&["Enter"]);
    // Egypt has no checked emergency number nor line: each asked once,
    // skipped here.
    t.wait_for("Your local emergency number?");
    t.keys(&["Enter"]);
    t.wait_for("The line's name? (Enter skips)");
    t.keys(&["Enter"]);
    t.wait_for("When would you like to review");
    t.keys(&["Down", "Down", "Down", "Enter"]);
    t.wait_for("Which date?");
    t.type_text("بعد أسبوعين");
    t.keys(&["Enter"]);
    // The tests' clock is 22 November 2026 (Asia/Taipei): two weeks on.
    let screen = t.wait_for("Your next review:");
    assert!(
        screen.contains("Your next review: 6 December 2026, a Sunday."),
        "{screen}"
    );
    assert!(!screen.contains("couldn't read"), "{screen}");
    t.wait_for("Save my plan");
    t.keys(&["Enter"]);
    t.wait_for("A few words about this version?");
    t.keys(&["Enter"]);
    t.wait_until_ended();
    assert_eq!(env.plan().review.next.unwrap().to_string(), "2026-12-06");
}

/// Shirin, in Tehran: "۱۵ آذر ۱۴۰۵" typed at the review date's "Which
/// date?" in a real terminal (tmux, 50 columns) is read in the Solar
/// Hijri calendar and said back in both, so she can check the day; it was
/// asked again as no date.
#[cfg(unix)]
#[test]
fn a_review_date_in_the_solar_hijri_calendar_is_read_and_said_in_both() {
    use crate::keys::Tmux;
    let env = Env::new();
    draft_with(
        &env,
        relapse_plan::plan::Plan::new("شیرین".into(), Some("IR".into())),
    );
    let t = Tmux::start(&env, &["new"], 50);
    t.wait_for("You have unfinished answers");
    t.keys(&["Enter"]);
    // Iran has no checked emergency number or line: each asked once,
    // skipped here.
    t.wait_for("Your local emergency number?");
    t.keys(&["Enter"]);
    t.wait_for("The line's name?");
    t.keys(&["Enter"]);
    t.wait_for("When would you like to review");
    t.keys(&["Down", "Down", "Down", "Enter"]);
    t.wait_for("Which date?");
    t.type_text("۱۵ آذر ۱۴۰۵");
    t.keys(&["Enter"]);
    // With its weekday the line wraps at 50 columns: read as words.
    let screen = crate::unmarked(&t.wait_for("Save my plan"));
    let words = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains("Your next review: 6 December 2026, a Sunday (۱۵ آذر ۱۴۰۵)."),
        "{screen}"
    );
    assert!(!screen.contains("couldn't read"), "{screen}");
    t.keys(&["Enter"]);
    t.wait_for("A few words about this version?");
    t.keys(&["Enter"]);
    t.wait_until_ended();
    assert_eq!(env.plan().review.next.unwrap().to_string(), "2026-12-06");
}

/// A rating typed with a full-width or Arabic-Indic digit is that number.
#[cfg(unix)]
#[test]
fn ratings_in_full_width_and_arabic_digits_are_read() {
    use crate::terminal::{ENTER, answer, spawn_at};
    let env = Env::with_example();
    let mut p = spawn_at(&env, &["check-in"], "100");
    answer(&mut p, "Strongest urge today", "７\r");
    answer(&mut p, "Did you act on an urge today?", "n\r");
    answer(&mut p, "Which of your warning signs showed today?", ENTER);
    answer(&mut p, "Which daily maintenance did you do?", ENTER);
    answer(&mut p, "Which coping did you use today?", ENTER);
    answer(&mut p, "Distress or low mood today", "٤\r");
    answer(&mut p, "Anything else about today", ENTER);
    p.eof();
    let log = fs::read_to_string(env.plan_dir().join("check-ins.toml")).unwrap();
    assert!(log.contains("urge = 7"), "{log}");
    assert!(log.contains("distress = 4"), "{log}");
}

#[test]
fn set_reads_dates_and_numbers_in_the_persons_own_language() {
    let env = Env::with_example();
    // The clock is 22 November 2026: a day with no year is the next one.
    for (typed, saved) in [
        ("1 марта", "2027-03-01"),
        ("1 März 2027", "2027-03-01"),
        ("3月1日", "2027-03-01"),
        ("2027年3月1日", "2027-03-01"),
        ("2026年12月24日", "2026-12-24"),
        ("1 במרץ 2027", "2027-03-01"),
        ("١٥/٠٣/٢٠٢٧", "2027-03-15"),
    ] {
        env.test(["set", "--next-review", typed]).run();
        assert_eq!(
            env.plan().review.next.unwrap().to_string(),
            saved,
            "{typed}"
        );
    }
    let before = env.snapshot_dir();
    env.test(["set", "--next-review", "3月"])
        .status(2)
        .stderr_has("I couldn't read “3月” as a date")
        .stderr_has("write it like")
        .run();
    assert_eq!(env.snapshot_dir(), before);
    env.test([
        "trigger",
        "add",
        "--situation",
        "月底發薪日，一個人在家",
        "--likelihood",
        "４",
        "--intensity",
        "٣",
        "--confidence",
        "６０",
        "--rank",
        "٤",
    ])
    .run();
    let plan = env.plan();
    let added = plan.triggers.last().unwrap();
    assert_eq!(
        (added.likelihood, added.intensity, added.confidence),
        (Some(4), Some(3), Some(60))
    );
    assert_eq!(added.rank, Some(4));
}

/// Taiwan in its own script is understood, and a country with no checked
/// lines says how to keep one's own, never losing crisis lines silently.
/// (Taiwan has checked lines since issue 13, so Egypt, in Arabic, is the
/// country without them here.)
#[test]
fn a_country_in_its_own_script_with_no_lines_says_how_to_keep_ones_own() {
    let env = Env::with_example();
    for typed in ["台灣", "台湾", "臺灣"] {
        env.test(["set", "--country", typed])
            .stderr_lacks("no checked crisis lines")
            .run();
        assert_eq!(env.plan().country.as_deref(), Some("TW"));
    }
    env.test(["set", "--country", "مصر"])
        .stderr_has("no checked crisis lines for Egypt yet")
        .stderr_has("relapse-plan set --emergency-number NUMBER")
        .stderr_has("relapse-plan set --own-line NAME --call NUMBER")
        .run();
    assert_eq!(env.plan().country.as_deref(), Some("EG"));
    for (typed, code) in [
        ("日本", "JP"),
        ("대한민국", "KR"),
        ("Ελλάδα", "GR"),
        ("香港", "HK"),
    ] {
        env.test(["set", "--country", typed]).run();
        assert_eq!(env.plan().country.as_deref(), Some(code), "{typed}");
    }
}

/// What rexpect read (a char per byte) as the text that was on screen.
#[cfg(unix)]
fn screen_text(read: &str) -> String {
    let bytes: Vec<u8> = read
        .chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?'))
        .collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

/// The summary at 50 columns shows parts written in Chinese (with `，` and
/// `、`, and no spaces to cut at), shortened, never hidden.
#[cfg(unix)]
#[test]
fn the_summary_shows_chinese_parts_at_50_columns() {
    use crate::terminal::{ENTER, answer, at_columns};
    use relapse_plan::plan::TextItem;
    let env = Env::new();
    let mut plan = relapse_plan::plan::Plan::new("美玲".into(), Some("TW".into()));
    let item = TextItem::new;
    plan.reasons = vec![item("為了女兒，還有我自己、我的家人"), item("健康")];
    plan.warning_signs = vec![item("不吃飯、睡不好，一直滑手機")];
    draft_with(&env, plan);
    let mut p = at_columns(&env, &["new"], "50").status(130).pty();
    answer(&mut p, "You have unfinished answers", ENTER);
    answer(&mut p, "When would you like to review", "\x1b");
    let before = p.exp_string("? What next?").unwrap();
    let screen = screen_text(&before);
    for line in screen.lines() {
        assert!(
            console::measure_text_width(line) <= 50,
            "{line:?} is wider than the terminal:\n{screen}"
        );
    }
    assert!(
        // Her words are shortened; the count after them is kept whole.
        screen.contains("Your reasons                 為了女… and 1 more"),
        "{screen}"
    );
    assert!(
        screen.contains("Warning signs                不吃飯、睡不好，一…"),
        "{screen}"
    );
    p.send_control('c').unwrap();
    p.eof();
}

/// `diff` names roles, kinds and a coping strategy's follow-through in
/// words, never as the file's keys or TOML.
#[test]
fn diff_shows_roles_and_follow_through_in_words() {
    let env = Env::with_example();
    env.ok(["contact", "edit", "alex", "--role", "do-not-involve"]);
    env.ok([
        "coping",
        "edit",
        "urge-surf",
        "--kind",
        "social",
        "--likely",
        "40",
        "--in-the-way",
        "太累了",
    ]);
    // Lines as wrapped for 80 columns, read as one.
    let shown = env
        .ok(["diff", "3"])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for line in [
        "contact “Alex (sponsor)”: role someone I can ask for help → someone not to involve",
        "coping strategy “Urge surfing”: kind internal → social",
        "coping strategy “Urge surfing”: follow-through (not set) → how likely 40 %, what could get in the way “太累了”",
    ] {
        assert!(shown.contains(line), "{line}\n{shown}");
    }
    assert!(
        !shown.contains("do-not-involve") && !shown.contains('{') && !shown.contains("in_the_way"),
        "{shown}"
    );
}

/// The printout gives a trigger's priority as high / medium / low with
/// the person's own ratings (never the formula's number), on a line of
/// its own: beside a Hebrew situation it would take that line's direction
/// and read scrambled. Each name not to involve keeps its own direction.
#[test]
fn the_printout_says_priority_in_words_beside_the_ratings() {
    let env = Env::new();
    env.ok(["init", "--name", "דמיטרי", "--country", "IL"]);
    env.ok([
        "trigger",
        "add",
        "--situation",
        "שישי בערב לבד",
        "--likelihood",
        "4",
        "--intensity",
        "5",
        "--confidence",
        "30",
    ]);
    env.ok([
        "contact",
        "add",
        "--name",
        "רוני",
        "--role",
        "do-not-involve",
    ]);
    env.ok([
        "contact",
        "add",
        "--name",
        "Sasha from work",
        "--role",
        "do-not-involve",
    ]);
    let file = env.home().join("plan.pdf");
    env.ok(["print", "--format", "pdf", "-o", file.to_str().unwrap()]);
    let text = crate::pdftotext(&file);
    assert!(
        text.contains("High priority: likely 4/5, urge 5/5, sure 30%"),
        "{text}"
    );
    assert!(
        !text.contains("(priority") && !text.contains("16.0"),
        "{text}"
    );
    assert!(text.contains("Sasha from work"), "{text}");
    let plain = env.ok(["print", "--format", "text"]);
    assert!(
        plain.contains("High priority: likely 4/5, urge 5/5, sure 30%"),
        "{plain}"
    );
}

/// `review` and `homework status` fit a 50-column terminal: task lines
/// wrap with the words under the words, never run off the edge.
#[test]
fn review_fits_50_columns() {
    let env = Env::with_example();
    let hand_in = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/hand-in.toml");
    let out = env
        .test(["review", hand_in.to_str().unwrap()])
        .env("COLUMNS", "50")
        .run()
        .stdout;
    for line in out.lines() {
        assert!(
            console::measure_text_width(line) <= 50,
            "{line:?} is wider than 50 columns:\n{out}"
        );
    }
    assert!(
        out.contains(
            "  not done  rehearse Sam's top 2 triggers at least\n            2 times each"
        ),
        "{out}"
    );
}

/// `show` names a coping strategy's kind as a label, never the file's
/// `internal` (issue 13), nor as a first-person sentence she never wrote
/// (changed on purpose: it said "What it is: something I can do on my own").
#[test]
fn show_says_what_kind_of_strategy_in_words() {
    let env = Env::new();
    env.ok(["init", "--country", "IN"]);
    env.ok([
        "coping",
        "add",
        "--name",
        "गहरी साँस और पानी पीना",
        "--kind",
        "internal",
    ]);
    let plain = env.ok(["show", "--plain"]);
    assert!(plain.contains("Kind: on your own"), "{plain}");
    assert!(!plain.contains("internal"), "{plain}");
    assert!(!plain.contains("something I can do on my own"), "{plain}");
}

/// Issue 13 (Mei): full-width digits count wherever a number flag is
/// typed, with the person's own words beside them.
#[test]
fn number_flags_take_full_width_digits() {
    let env = Env::with_example();
    let run = |args: &[&str]| {
        let ran = env
            .test(args)
            .env("TZ", "Pacific/Auckland")
            .env("LANG", "zh_CN.UTF-8")
            .run();
        String::from_utf8(ran.err_bytes).unwrap() + &String::from_utf8(ran.bytes).unwrap()
    };
    let said = run(&[
        "check-in",
        "--urge",
        "３",
        "--acted",
        "no",
        "--distress",
        "５",
        "--note",
        "半夜还醒着",
    ]);
    assert!(!said.contains("invalid digit"), "{said}");
    let log = std::fs::read_to_string(env.plan_dir().join("check-ins.toml")).unwrap();
    assert!(log.contains("urge = 3"), "{log}");
    assert!(log.contains("distress = 5"), "{log}");
    assert!(log.contains("半夜还醒着"), "{log}");
    let said = run(&[
        "rehearse",
        "payday",
        "--recalled",
        "some",
        "--confidence",
        "６０",
    ]);
    assert!(said.contains("Logged a rehearsal"), "{said}");
    let said = run(&["trigger", "edit", "payday", "--likelihood", "２"]);
    assert!(said.contains("Saved revision 4"), "{said}");
    let diff = run(&["diff", "３", "４"]);
    assert!(diff.contains("likelihood 4 → 2"), "{diff}");
    assert!(!diff.contains("invalid"), "{diff}");
}

/// Issue 13: a plan in Egypt, where relapse-plan has no emergency number
/// nor crisis line, asked for none, and every printout said only "call
/// your local emergency number". The walk-through now asks for hers once,
/// in a real terminal, then (lines16b) for a crisis or support line she
/// knows: typed, each is kept where `set` keeps it. Carried on another
/// time, neither is asked again, and the "help right now" box at the start
/// shows both, as `now` does (it showed neither). Saved, the line is in the
/// plan file as she typed it, on `now` and on the card.
#[cfg(unix)]
#[test]
fn the_walk_through_asks_once_for_her_emergency_number_and_a_line_in_egypt() {
    use crate::keys::Tmux;
    const LINE: &str = "خط الدعم النفسي";
    let env = Env::new();
    draft_with(
        &env,
        relapse_plan::plan::Plan::new("سلمى".into(), Some("EG".into())),
    );
    let t = Tmux::start(&env, &["new"], 100);
    t.wait_for("You have unfinished answers");
    t.keys(&["Enter"]);
    t.wait_for("no emergency number for Egypt yet");
    t.wait_for("Your local emergency number? (Enter skips)");
    t.type_text("abc");
    t.keys(&["Enter"]);
    t.wait_for("That has no digits");
    t.type_text("122");
    t.keys(&["Enter"]);
    t.wait_for("Kept: in an emergency, call 122.");
    t.wait_for("If you know a crisis or support line in Egypt");
    t.wait_for("The line's name? (Enter skips)");
    t.type_text(LINE);
    t.keys(&["Enter"]);
    t.wait_for("Its number to call?");
    t.type_text("08008880700");
    t.keys(&["Enter"]);
    // The number kept in its own direction beside her Arabic words.
    let screen = t.wait_for("It is marked as your own wherever it is shown.");
    assert!(
        screen.contains("call \u{200e}08008880700\u{200e}."),
        "{screen}"
    );
    t.wait_for("When would you like to review");
    t.keys(&["C-c"]);
    t.wait_until_ended();
    let draft = fs::read_to_string(env.plan_dir().join("draft.toml")).unwrap();
    assert!(draft.contains("emergency = \"122\""), "{draft}");
    assert!(
        draft.contains(LINE) && draft.contains("08008880700"),
        "{draft}"
    );

    let again = Tmux::start(&env, &["new"], 100);
    again.wait_for("You have unfinished answers");
    again.keys(&["Enter"]);
    again.wait_for("When would you like to review");
    let screen = again.scrollback();
    assert!(!screen.contains("Your local emergency number?"), "{screen}");
    assert!(!screen.contains("The line's name?"), "{screen}");
    // The box at the start holds what the draft holds, as `now` does.
    let joined = again.scrollback_joined();
    let joined = joined.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        joined.contains("call 122, the emergency number you added"),
        "{joined}"
    );
    assert!(
        joined.contains("Your own numbers (you added these)"),
        "{joined}"
    );
    assert!(joined.contains("08008880700"), "{joined}");
    again.keys(&["Enter"]);
    again.wait_for("Save my plan");
    again.keys(&["Enter"]);
    again.wait_for("A few words about this version?");
    again.keys(&["Enter"]);
    again.wait_until_ended();

    let own = env.plan().own_lines;
    assert_eq!(own.emergency.as_deref(), Some("122"));
    assert_eq!(
        own.lines,
        [relapse_plan::plan::OwnLine {
            name: LINE.into(),
            call: Some("08008880700".into()),
            text: None,
            source: None,
        }]
    );
    let now = env.ok(["now"]);
    assert!(now.contains(LINE) && now.contains("08008880700"), "{now}");
    let card = env.ok(["print", "--card"]);
    assert!(
        card.contains(LINE) && card.contains("08008880700"),
        "{card}"
    );
}
