//! Fresh eyes, round 17 (Mulu: Amharic, Addis Ababa). Ethiopia has no
//! built-in lines, so the walk-through asked for her own emergency number,
//! 907: every output that shows a number she typed herself marks it as her
//! own note, and never as one relapse-plan checked.

use crate::Env;

/// Spaces and line breaks as one space, for text read back from a PDF.
fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What a command that must succeed said, on either stream, its runs of
/// spaces and line breaks as one space.
fn said_by(env: &Env, args: &[&str]) -> String {
    let ran = env.test(args).run();
    assert!(ran.status.success(), "{args:?}: {}", ran.stderr);
    squash(&format!("{}{}", ran.stdout, ran.stderr))
}

/// A PDF's text laid out as printed (pdftotext -layout), each line's
/// runs of spaces as one: a name and its number read on one line.
fn pdf_lines(pdf: &std::path::Path) -> Vec<String> {
    let out = crate::tool("pdftotext")
        .arg("-layout")
        .arg(pdf)
        .arg("-")
        .case("pdftotext (poppler-utils) reads the PDF")
        .run();
    out.stdout.lines().map(squash).collect()
}

/// Mulu's plan: Ethiopia, her own emergency number 907 and her own crisis
/// line, a step and a sister to call.
fn mulu() -> Env {
    let env = Env::new();
    env.ok(["init", "--name", "ሙሉ", "--country", "ET"]);
    env.ok(["set", "--emergency-number", "907"]);
    env.ok(["set", "--own-line", "Mekdim line", "--call", "952"]);
    env.ok(["step", "add", "እህቴን ደውል"]);
    env.ok([
        "contact",
        "add",
        "--name",
        "ሰላም",
        "--phone",
        "+251 91 123 4567",
    ]);
    env
}

/// The PDF's top box said only "In an emergency, call 907": her own number
/// looked checked. The mark is in the box, before anything else.
#[test]
fn the_pdf_box_marks_her_own_emergency_number() {
    let env = mulu();
    let pdf = env.home().join("plan.pdf");
    env.ok(["print", "-o", pdf.to_str().unwrap()]);
    let lines = pdf_lines(&pdf);
    let call = lines
        .iter()
        .position(|l| l == "In an emergency, call 907")
        .unwrap_or_else(|| panic!("{lines:#?}"));
    assert_eq!(
        lines[call + 1],
        "(my own note)",
        "the box marks 907 as her own: {lines:#?}"
    );
    // Her own crisis line keeps its mark in the full plan too.
    let line = lines.iter().position(|l| l.ends_with("Mekdim line 952"));
    assert!(
        line.is_some_and(|at| lines[at + 1].ends_with("my own note")),
        "{lines:#?}"
    );
}

/// The HTML hid "Emergency (my own note)" (`display: none`) from sight and
/// from screen readers: Chromium's own print shows the mark beside 907.
#[test]
fn the_html_shows_the_mark_beside_her_number() {
    // Fails under CI when missing (see crate::chromium).
    let Some(chromium) = crate::chromium() else {
        return;
    };
    let env = mulu();
    let html = env.home().join("plan.html");
    env.ok(["print", "--format", "html", "-o", html.to_str().unwrap()]);
    let pdf = env.home().join("browser.pdf");
    crate::browser(chromium, &env.home().join("profile"))
        .arg("--no-pdf-header-footer")
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html.display()))
        .case("Chromium prints the HTML")
        .within(60)
        .run();
    let text = squash(&crate::pdftotext(&pdf));
    assert!(text.contains("In an emergency 907 my own note"), "{text}");
}

/// Markdown and text carry the mark on her emergency number and her line.
#[test]
fn markdown_and_text_mark_both_of_her_numbers() {
    let env = mulu();
    let text = env.ok(["print", "--format", "text", "-o", "-"]);
    assert!(text.contains("Emergency (my own note)  907"), "{text}");
    assert!(text.contains("Mekdim line  952 (my own note)"), "{text}");
    let md = env.ok(["print", "--format", "markdown", "-o", "-"]);
    assert!(
        md.contains("Emergency (my own note): **[907](tel:907)**"),
        "{md}"
    );
    assert!(
        md.contains("Mekdim line: [952](tel:952) (my own note)"),
        "{md}"
    );
}

/// The wallet card listed her line among the crisis lines with no mark.
#[test]
fn the_card_marks_her_own_line() {
    let env = mulu();
    let card = env.ok(["print", "--card", "--format", "text", "-o", "-"]);
    assert!(card.contains("Emergency (my own note)    907"), "{card}");
    assert!(card.contains("Mekdim line (my own note)  952"), "{card}");
    let pdf = env.home().join("card.pdf");
    env.ok(["print", "--card", "-o", pdf.to_str().unwrap()]);
    let lines = pdf_lines(&pdf);
    for drawn in [
        "Emergency (my own note) 907",
        "Mekdim line (my own note) 952",
    ] {
        assert!(lines.iter().any(|l| l == drawn), "{drawn}: {lines:#?}");
    }
}

/// The lock screen draws the mark on her emergency number and her line.
#[test]
fn the_lock_screen_marks_her_own_numbers() {
    use relapse_plan::render::phone::{SIZE, Theme, lock_screen};
    let env = mulu();
    let plan = env.plan();
    let lines = relapse_plan::crisis_lines::for_country(Some("ET"));
    let card = relapse_plan::render::card::build(
        &plan,
        lines.as_ref(),
        &jiff::tz::TimeZone::UTC,
        relapse_plan::render::Medium::Screen,
    );
    let search = relapse_plan::render::fonts::FontSearch::System;
    let made = lock_screen(&card, SIZE, Theme::Dark, &search).unwrap();
    let drawn: Vec<&str> = made
        .svg
        .split("<text")
        .skip(1)
        .filter_map(|t| {
            t.split_once('>')
                .and_then(|(_, rest)| rest.split_once("</text>"))
        })
        .map(|(words, _)| words)
        .collect();
    let said = drawn.join(" | ");
    assert!(
        drawn.iter().any(|t| t.contains("Emergency (my own note)")),
        "{said}"
    );
    assert!(
        drawn
            .iter()
            .any(|t| t.contains("(my own note)") && !t.contains("Emergency")),
        "{said}"
    );
    assert!(said.contains("Mekdim"), "{said}");
    // And the PNG is what `print` writes from it.
    let png = env.home().join("lock.png");
    env.ok(["print", "--card", "-o", png.to_str().unwrap()]);
}

/// `now` and `show` say whose numbers these are, and `now` says what to do
/// in danger with her own number.
#[test]
fn now_and_show_say_the_numbers_are_hers() {
    let env = mulu();
    for command in ["now", "show"] {
        let out = squash(&crate::unmarked(&env.ok([command])));
        assert!(
            out.contains("Your own numbers (you added these) Emergency: 907 Mekdim line: call 952"),
            "{command}: {out}"
        );
    }
    let now = squash(&env.ok(["now"]));
    assert!(
        now.contains("call 907, the emergency number you added"),
        "{now}"
    );
}

/// A built-in number is drawn as it always was: Ireland's 112 and 999 in
/// the PDF box, with no mark.
#[test]
fn a_checked_number_carries_no_mark() {
    let env = Env::new();
    env.ok(["init", "--name", "Aoife", "--country", "IE"]);
    env.ok(["step", "add", "Ring my sister"]);
    let pdf = env.home().join("plan.pdf");
    env.ok(["print", "-o", pdf.to_str().unwrap()]);
    let text = squash(&crate::pdftotext(&pdf));
    assert!(text.contains("112"), "{text}");
    assert!(!text.contains("my own note"), "{text}");
    let card = env.ok(["print", "--card", "--format", "text", "-o", "-"]);
    assert!(!card.contains("my own note"), "{card}");
    // Beside a checked number, hers is named in its mark.
    env.ok(["set", "--emergency-number", "01 666 6666"]);
    let pdf = env.home().join("both.pdf");
    env.ok(["print", "-o", pdf.to_str().unwrap()]);
    let lines = pdf_lines(&pdf);
    let call = lines
        .iter()
        .position(|l| l == "In an emergency, call 112 or 999 or 01 666 6666")
        .unwrap_or_else(|| panic!("{lines:#?}"));
    assert_eq!(lines[call + 1], "(01 666 6666: my own note)", "{lines:#?}");
}

/// `set --country ET` with her own 907 kept said `now` would say "call your
/// local emergency number" and asked for the number again, while `now`
/// said "call 907". It says what is true: hers is kept and shown.
#[test]
fn setting_her_country_again_says_her_own_number_is_kept() {
    let env = Env::new();
    env.ok(["init", "--name", "ሙሉ"]);
    env.ok(["set", "--emergency-number", "907"]);
    let said = env
        .test(["set", "--country", "ET"])
        .stderr_has("Your own emergency number, 907, is kept: `now` and your printouts show it, marked as your own note.")
        .stderr_has("relapse-plan set --own-line NAME --call NUMBER")
        .stderr_lacks("local emergency number")
        .stderr_lacks("--emergency-number NUMBER")
        .run();
    assert!(said.stderr.contains("Ethiopia"), "{}", said.stderr);
    let now = squash(&env.ok(["now"]));
    assert!(
        now.contains("call 907, the emergency number you added"),
        "{now}"
    );
    // With her own line too, nothing is asked for again.
    env.ok(["set", "--own-line", "Mekdim line", "--call", "952"]);
    env.ok(["set", "--country", "none"]);
    env.test(["set", "--country", "ET"])
        .stderr_has("Your own emergency number, 907, is kept")
        .stderr_lacks("--own-line")
        .run();
    // Without hers, it still says how to add one.
    let fresh = Env::new();
    fresh.ok(["init", "--name", "ሙሉ"]);
    fresh
        .test(["set", "--country", "ET"])
        .stderr_has("`now` will say to call your local emergency number")
        .stderr_has("relapse-plan set --emergency-number NUMBER")
        .run();
}

/// `set --next-review 12/5/2026` in a day-first country read 12 May, gone,
/// and did not offer 5 December as the README promises; a date written
/// with an Ethiopian month's name got only a generic example, then was
/// named as a calendar relapse-plan could not read: it is read now.
#[test]
fn a_review_date_she_meant_otherwise_is_offered_and_ethiopian_dates_are_read() {
    let env = Env::new();
    env.ok(["init", "--name", "ሙሉ", "--country", "ET"]);
    let err = squash(&env.fails(2, ["set", "--next-review", "12/5/2026"]));
    assert!(
        err.contains("“12/5/2026” reads as 12 May 2026, a Tuesday: that is in the past")
            && err.contains("If you meant 5 December 2026, a Saturday, write 2026-12-05"),
        "{err}"
    );
    // Two-digit years are offered as before.
    let err = squash(&env.fails(2, ["set", "--next-review", "26.12.05"]));
    assert!(
        err.contains("If you meant 5 December 2026, a Saturday, write 2026-12-05"),
        "{err}"
    );
    assert_eq!(env.plan().review.next, None, "nothing saved");
    let said = said_by(&env, &["set", "--next-review", "ኅዳር 20 2019"]);
    assert!(
        said.contains(
            "next review on 29 November 2026, a Sunday (ኅዳር 20 2019 in the Ethiopian calendar)"
        ),
        "{said}"
    );
    env.ok(["set", "--next-review", "2026-12-05"]);
}

/// Mulu types her dates as numbers in the Ethiopian calendar: "20/3/2019"
/// is 20 Hidar 2019, 29 November 2026. It was read as 20 March 2019 and
/// refused as gone. Now it is read in her calendar wherever a date to come
/// is typed, and said back in both, so a wrong reading shows at once.
#[test]
fn ethiopian_dates_typed_as_numbers_are_read_in_her_calendar() {
    let env = Env::new();
    env.ok(["init", "--name", "ሙሉ", "--country", "ET"]);
    let said = said_by(&env, &["set", "--next-review", "20/3/2019"]);
    assert!(
        said.contains(
            "next review on 29 November 2026, a Sunday (ኅዳር 20 2019 in the Ethiopian calendar)"
        ),
        "{said}"
    );
    assert_eq!(
        env.plan().review.next.map(|d| d.to_string()).as_deref(),
        Some("2026-11-29")
    );
    // The thirteenth month, Pagume: no Gregorian reading at all.
    env.ok(["set", "--next-review", "3/13/2019"]);
    assert_eq!(
        env.plan().review.next.map(|d| d.to_string()).as_deref(),
        Some("2027-09-08")
    );
    // A Gregorian date in an Ethiopian plan is said in both calendars too.
    let said = said_by(&env, &["set", "--next-review", "5/12/2026"]);
    assert!(
        said.contains("5 December 2026, a Saturday (ኅዳር 26 2019 in the Ethiopian calendar)"),
        "{said}"
    );
    // Homework set by her therapist in Addis Ababa, due 30 Hidar 2019.
    let homework = env.home().join("homework.toml");
    let ran = env
        .test([
            "homework",
            "assign",
            "-o",
            homework.to_str().unwrap(),
            "--therapist",
            "Dr Tadesse",
            "--due",
            "30/3/2019",
            "--task",
            "map-triggers=1",
        ])
        .env("TZ", "Africa/Addis_Ababa")
        .run();
    assert!(ran.status.success(), "{}", ran.stderr);
    let wrote = squash(&format!("{}{}", ran.stdout, ran.stderr));
    assert!(
        wrote.contains("due 9 December 2026 (ኅዳር 30 2019 in the Ethiopian calendar)"),
        "{wrote}"
    );
    let text = std::fs::read_to_string(&homework).unwrap();
    assert!(text.contains("2026-12-09"), "{text}");
}

/// The walk-through read "5/12/2026" back as "5 December 2026." while
/// `set` says "5 December 2026, a Saturday": the same words now, so a date
/// read the wrong way round shows at once.
#[cfg(unix)]
#[test]
fn the_walk_through_reads_her_review_date_back_with_its_weekday() {
    use crate::keys::Tmux;
    let env = Env::new();
    crate::own_words::draft_with(
        &env,
        relapse_plan::plan::Plan::new("ሙሉ".into(), Some("ET".into())),
    );
    let t = Tmux::start(&env, &["new"], 80);
    t.wait_for("You have unfinished answers");
    t.keys(&["Enter"]);
    t.wait_for("Your local emergency number?");
    t.type_text("907");
    t.keys(&["Enter"]);
    t.wait_for("The line's name? (Enter skips)");
    t.keys(&["Enter"]);
    t.wait_for("When would you like to review");
    t.keys(&["Down", "Down", "Down", "Enter"]);
    t.wait_for("Which date?");
    t.type_text("5/12/2026");
    t.keys(&["Enter"]);
    let screen = t.wait_for("Your next review:");
    assert!(
        screen.contains("Your next review: 5 December 2026, a Saturday (ኅዳር 26 2019 in the"),
        "{screen}"
    );
    t.wait_for("Save my plan");
}

/// "20/3/2019" at the walk-through's "Which date?" in Mulu's Ethiopian
/// plan is 20 Hidar 2019: her date stays on screen with a tick, as every
/// answer taken does (it stood alone without one), and is read back right
/// under it in both calendars.
#[cfg(unix)]
#[test]
fn the_walk_through_ticks_her_ethiopian_date_and_reads_it_back_in_both() {
    use crate::keys::Tmux;
    let env = Env::new();
    crate::own_words::draft_with(
        &env,
        relapse_plan::plan::Plan::new("ሙሉ".into(), Some("ET".into())),
    );
    let t = Tmux::start(&env, &["new"], 100);
    t.wait_for("You have unfinished answers");
    t.keys(&["Enter"]);
    t.wait_for("Your local emergency number?");
    t.type_text("907");
    t.keys(&["Enter"]);
    t.wait_for("The line's name? (Enter skips)");
    t.keys(&["Enter"]);
    t.wait_for("When would you like to review");
    t.keys(&["Down", "Down", "Down", "Enter"]);
    t.wait_for("Which date?");
    t.type_text("20/3/2019");
    t.keys(&["Enter"]);
    let screen = t.wait_for("Your next review:");
    let lines: Vec<&str> = screen.lines().collect();
    let answered = lines
        .iter()
        .position(|l| l.contains("· 20/3/2019"))
        .unwrap_or_else(|| panic!("her date stays on screen: {screen}"));
    assert!(
        lines[answered].starts_with("✔ Which date?"),
        "ticked: {screen}"
    );
    assert_eq!(
        lines[answered + 1].trim_end(),
        "Your next review: 29 November 2026, a Sunday (ኅዳር 20 2019 in the Ethiopian calendar).",
        "{screen}"
    );
    t.wait_for("Save my plan");
    t.keys(&["Enter"]);
    t.wait_for("A few words about this version?");
    t.keys(&["Enter"]);
    t.wait_until_ended();
    assert_eq!(env.plan().review.next.unwrap().to_string(), "2026-11-29");
}
