//! Issue 13 (Kavya, Chennai, at 48 columns; Olena, Berlin, at 50): every
//! screen fits the terminal it is drawn on. Tamil vowel signs (ே ி ா,
//! spacing marks) take a column on a terminal: a line measured 48 came out
//! 49, and the terminal tore ே off its letter onto a line of its own.
//! Screens are read in tmux and measured as glibc measures them.

use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};

use crate::keys::Tmux;
use crate::paper::TERMINAL_COLUMNS;
use crate::{Env, tool};

/// Kavya's crisis step, as the testers typed it.
const STEP: &str = "கத்தி, பிளேடு எல்லாவற்றையும் அறையிலிருந்து வெளியே வை";

/// Kavya's plan: Tamil words in every section that `now` and `show` draw,
/// and Olena's coping strategy in Ukrainian.
fn kavyas_plan() -> Env {
    let env = Env::new();
    env.ok(["init", "--name", "கவ்யா", "--country", "IN"]);
    env.ok(["step", "add", STEP]);
    env.ok([
        "step",
        "add",
        "அம்மாவை அழைத்து, நான் வீட்டில் தனியாக இருக்கிறேன் என்று சொல்லு",
    ]);
    env.ok(["reason", "add", "என் மகளுக்காக, அவள் சிரிப்பைப் பார்க்க"]);
    env.ok(["warning-sign", "add", "இரவு முழுவதும் தூங்காமல் இருப்பது"]);
    env.ok([
        "contact",
        "add",
        "--id",
        "amma",
        "--name",
        "அம்மா (வீட்டில்)",
        "--phone",
        "+91 98765 43210",
        "--role",
        "help",
    ]);
    env.ok([
        "coping",
        "add",
        "--id",
        "wait",
        "--name",
        "Відкласти на 30 хвилин, вийти на вулицю",
        "--step",
        "வெளியே நடந்து கோவில் வரை போய் வருவது",
        "--step",
        "Подзвонити сестрі",
    ]);
    env.ok([
        "trigger",
        "add",
        "--id",
        "payday",
        "--situation",
        "சம்பள நாளில் தனியாக வீட்டில் இருக்கும்போது கடைக்குப் போவது",
        "--thought",
        "ஒரு முறை மட்டும் பரவாயில்லை",
        "--likelihood",
        "4",
        "--intensity",
        "5",
        "--confidence",
        "40",
        "--coping",
        "wait",
        "--contact",
        "amma",
    ]);
    env
}

/// A line a terminal would start with a mark: a vowel sign torn from its
/// letter.
fn starts_with_a_mark(line: &str) -> bool {
    line.trim_start().chars().next().is_some_and(|c| {
        matches!(
            c.general_category(),
            GeneralCategory::SpacingMark | GeneralCategory::NonspacingMark
        )
    })
}

/// The rows a capture holds, without the blank rows below the last and
/// tmux's own "Pane is dead" line, each without the spaces at its end.
fn rows(capture: &str) -> Vec<&str> {
    let mut rows: Vec<&str> = capture
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.starts_with("Pane is dead"))
        .collect();
    while rows.last().is_some_and(|l| l.is_empty()) {
        rows.pop();
    }
    rows
}

/// What a pseudo-terminal showed, read back as the UTF-8 it was written
/// in (rexpect gives one character a byte).
fn utf8(shown: &str) -> String {
    let bytes: Vec<u8> = shown
        .chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap())
        .collect();
    String::from_utf8(bytes).unwrap().replace('\r', "")
}

/// `shown` fits `columns` as glibc measures each character, and every
/// table's borders line up; returns how many box-drawn tables it holds.
#[track_caller]
fn measured(shown: &str, columns: usize, what: &str) -> usize {
    let measured: Vec<&str> = shown
        .lines()
        .filter(|l| !crate::narrow::whole_command(l))
        .collect();
    tool("python3")
        .arg("-c")
        .arg(TERMINAL_COLUMNS)
        .arg(columns.to_string())
        .stdin(measured.join("\n") + "\n")
        .case(format!(
            "{what} at {columns} columns fits and lines up:\n{shown}"
        ))
        .run()
        .stdout
        .trim()
        .parse()
        .unwrap()
}

/// `now` and `show` at 48 columns in tmux: the terminal wraps no line
/// itself (what it drew joined is what it drew), and no row starts with
/// a vowel sign.
#[test]
fn a_tamil_vowel_sign_stays_with_its_letter_at_48_columns() {
    let env = kavyas_plan();
    for command in ["now", "show"] {
        let t = Tmux::start(&env, &[command], 48);
        t.wait_until_ended();
        let drawn = t.scrollback();
        assert!(drawn.contains("கத்தி, பிளேடு"), "{command}:\n{drawn}");
        assert!(drawn.contains("வெளியே"), "{command}: a word torn:\n{drawn}");
        assert_eq!(
            rows(&drawn),
            rows(&t.scrollback_joined()),
            "{command}: the terminal wrapped a line the program thought fitted"
        );
        for line in drawn.lines() {
            assert!(
                !starts_with_a_mark(line),
                "{command}: a mark starts {line:?}:\n{drawn}"
            );
        }
    }
}

/// The tables of `show` and the list commands with Tamil cells, at 100 and
/// 48 columns: every border where the terminal draws the row's others,
/// no line wider than the screen; at 100 they are drawn as tables.
#[test]
fn tables_with_tamil_line_up_at_100_and_48_columns() {
    let env = kavyas_plan();
    for columns in [100, 48] {
        let mut drawn = 0;
        for command in [
            &["show"][..],
            &["contact", "list"],
            &["coping", "list"],
            &["trigger", "list"],
        ] {
            let shown = env
                .test(command)
                .env("COLUMNS", columns.to_string())
                .run()
                .stdout;
            drawn += measured(&shown, columns, &format!("{command:?}"));
            for line in shown.lines() {
                assert!(!starts_with_a_mark(line), "{command:?}: {line:?}\n{shown}");
            }
        }
        if columns == 100 {
            assert!(drawn >= 4, "tables drawn at 100 columns: {drawn}");
        }
    }
}

/// Olena at 50 columns: the coping table reads as labelled lines, as the
/// README says every table there does, not as a box squeezed to three
/// words a line ("1. Відкласти на / 30 хвилин, / вийти на").
#[test]
fn at_50_columns_the_coping_table_is_labelled_lines() {
    let env = kavyas_plan();
    for command in [&["coping", "list"][..], &["show"]] {
        let shown = env.test(command).env("COLUMNS", "50").run().stdout;
        assert!(!shown.contains('┌'), "{command:?}:\n{shown}");
        assert!(
            shown.contains("1. Strategy: Відкласти на 30 хвилин, вийти на\n"),
            "{command:?}:\n{shown}"
        );
        assert!(
            shown.contains("\n  Kind: on your own\n"),
            "{command:?}:\n{shown}"
        );
        measured(&shown, 50, &format!("{command:?}"));
    }
    // Wide enough, it is still a table.
    let wide = env
        .test(["coping", "list"])
        .env("COLUMNS", "100")
        .run()
        .stdout;
    assert!(wide.contains("┌"), "{wide}");
}

/// Olena, piping `now` into `cat` and `less` on a 50-column terminal (no
/// `COLUMNS` exported): laid out for 80, the terminal broke the crisis
/// lines' numbers in two. Into a pipe or a file, the lines are laid out
/// for the terminal standard error is on.
#[test]
fn piped_or_redirected_output_fits_the_terminal_it_is_read_on() {
    let env = kavyas_plan();
    let file = env.home().join("plan.txt");
    let mut p = env
        .shell(r#"stty cols 50 rows 40; "$0" now | cat; "$0" show > "$1"; echo ended"#)
        .arg(&file)
        .pty();
    let shown = utf8(&p.exp_string("ended").unwrap());
    p.eof();
    assert!(shown.contains("1-800-891-4416"), "{shown}");
    let written = std::fs::read_to_string(&file).unwrap();
    for (what, text) in [("now | cat", shown), ("show >", written)] {
        assert!(text.contains("+91 98765 43210"), "{what}:\n{text}");
        measured(&text, 50, what);
    }
}

/// A long Tamil answer typed at 48 columns: the typing line is redrawn in
/// place as it wraps, and once answered only the ✔ line holds it, with no
/// stale copies above it.
#[test]
fn a_long_tamil_answer_leaves_no_copies_behind_at_48_columns() {
    let env = Env::new();
    let t = Tmux::start(&env, &["new"], 48);
    t.wait_for("Which country are you in?");
    t.keys(&["Enter"]);
    t.wait_for("Your name on the plan?");
    for word in [
        "கவ்யா ",
        "ராமலிங்கம் ",
        "சுப்பிரமணியன் ",
        "வெளியே ",
        "வெளியே ",
        "வெளியே ",
        "கோவிலுக்கு ",
        "போய்விட்டு ",
        "வீட்டுக்கு ",
        "திரும்பினேன்",
    ] {
        t.type_text(word);
    }
    t.keys(&["Enter"]);
    let screen = t.wait_for("What keeps you going?");
    let drawn = t.scrollback();
    assert_eq!(drawn.matches("சுப்பிரமணியன்").count(), 1, "{drawn}");
    assert_eq!(drawn.matches("திரும்பினேன்").count(), 1, "{drawn}");
    let asked = drawn
        .lines()
        .position(|l| l.starts_with("Your name on the plan?"))
        .unwrap();
    let next = drawn.lines().nth(asked + 1).unwrap();
    assert!(next.starts_with("✔ "), "{next:?}:\n{drawn}");
    for line in screen.lines() {
        assert!(!starts_with_a_mark(line), "{line:?}:\n{screen}");
    }
    // From her name on (the crisis lines above are another screen's).
    let from_name = |capture: &str| {
        let rows = rows(capture);
        let at = rows
            .iter()
            .position(|l| l.starts_with("── Your name"))
            .unwrap();
        rows[at..]
            .iter()
            .map(|l| (*l).to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        from_name(&drawn),
        from_name(&t.scrollback_joined()),
        "{drawn}"
    );
    t.keys(&["C-c"]);
}

/// Kavya's printout in HTML: her Tamil words say they are Tamil, so a
/// browser picks a font for the script; no element carries an empty
/// `lang=""`. Printed by Chromium, every Tamil word is drawn with glyphs
/// that read back as the words typed (a box reads back as nothing).
#[test]
fn html_gives_tamil_words_their_language_and_no_empty_lang() {
    let env = kavyas_plan();
    for args in [
        &["print", "--format", "html"][..],
        &["print", "--card", "--format", "html"],
    ] {
        let html = env.ok(args);
        assert!(!html.contains("lang=\"\""), "{args:?}:\n{html}");
        assert!(html.contains("lang=\"ta\">கத்தி"), "{args:?}:\n{html}");
    }
    let Some(chromium) = crate::chromium() else {
        return;
    };
    let page = env.home().join("plan.html");
    std::fs::write(&page, env.ok(["print", "--format", "html"])).unwrap();
    let pdf = env.home().join("plan.pdf");
    crate::browser(chromium, &env.home().join("profile"))
        .arg("--no-pdf-header-footer")
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", page.display()))
        .run();
    let text = crate::pdftotext(&pdf);
    let read = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for words in [STEP, "இரவு முழுவதும் தூங்காமல் இருப்பது", "அம்மா (வீட்டில்)"]
    {
        assert!(read.contains(words), "{words} drawn:\n{text}");
    }
}

/// Kavya's trigger feeling in Tamil after an English label ("Feelings:
/// வெறுமை, தனிமை") is a line in no one language (`lang="und"`), and
/// Chromium drew its Tamil as boxes in `DejaVu Sans`: the page's fonts
/// named none for Tamil, though Noto Sans Tamil is installed. The page now
/// names a font for each common script; printed by Chromium, the line's
/// Tamil is in Noto Sans Tamil and reads back whole (a box reads back as
/// another letter, or nothing).
#[test]
fn a_mixed_line_of_tamil_is_drawn_in_a_tamil_font_by_chromium() {
    let env = Env::new();
    env.ok(["init", "--name", "Kavya", "--country", "IN"]);
    env.ok([
        "trigger",
        "add",
        "--situation",
        "After work",
        "--feeling",
        "வெறுமை, தனிமை",
    ]);
    let html = env.ok(["print", "--format", "html"]);
    assert!(
        html.contains("lang=\"und\">Feelings: வெறுமை, தனிமை"),
        "{html}"
    );
    let Some(chromium) = crate::chromium() else {
        return;
    };
    let page = env.home().join("plan.html");
    std::fs::write(&page, html).unwrap();
    let pdf = env.home().join("plan.pdf");
    crate::browser(chromium, &env.home().join("profile"))
        .arg("--no-pdf-header-footer")
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", page.display()))
        .within(60)
        .run();
    let text = crate::pdftotext(&pdf);
    let read = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(read.contains("Feelings: வெறுமை, தனிமை"), "{text}");
    let fonts = tool("pdffonts")
        .arg(&pdf)
        .case("pdffonts (poppler-utils) lists the PDF's fonts")
        .run()
        .stdout;
    assert!(fonts.contains("NotoSansTamil"), "{fonts}");
}
