//! Issue 13 (Layla: Arabic, Cairo, a terminal at 100 and 50 columns): in
//! a bidi-aware terminal her numbers read as typed on every screen that
//! shows them, into a pipe they are still found by `grep`, a terminal
//! without bidi (tmux) shows exactly what it showed before, and no dot
//! between her facts can be read as the Arabic-Indic zero "٠".

use crate::{Env, unmarked};

/// The marks relapse-plan adds: left-to-right and right-to-left marks,
/// left-to-right override and its end.
const MARKS: [char; 4] = ['\u{200e}', '\u{200f}', '\u{202d}', '\u{202c}'];

/// Layla's plan: her sister's number in Arabic-Indic digits, her
/// brother's in Latin ones, both in her own Arabic steps too.
fn laylas_plan() -> Env {
    let env = Env::new();
    env.ok(["init", "--name", "ليلى", "--country", "GB"]);
    env.ok([
        "contact",
        "add",
        "--name",
        "مريم",
        "--phone",
        "٠١٠٠ ١٢٣ ٤٥٦٧",
        "--role",
        "help",
        "--reachable",
        "بعد ٦ مساءً",
    ]);
    env.ok([
        "contact",
        "add",
        "--name",
        "أحمد",
        "--phone",
        "+20 100 123 4567",
        "--role",
        "help",
    ]);
    env.ok([
        "set",
        "--own-line",
        "الخط الساخن للصحة النفسية",
        "--call",
        "0800 888 0700",
    ]);
    env.ok(["step", "add", "اتصل بمريم على ٠١٠٠ ١٢٣ ٤٥٦٧"]);
    env.ok([
        "step",
        "add",
        "إذا لم تردّ مريم، اتصل بأحمد على +20 100 123 4567 أو (02) 2222-3333",
    ]);
    env
}

/// Her numbers, as she typed them.
const NUMBERS: [&str; 4] = [
    "٠١٠٠ ١٢٣ ٤٥٦٧",
    "+20 100 123 4567",
    "(02) 2222-3333",
    "0800 888 0700",
];

/// A line as a bidi-aware terminal shows it, left to right: the paragraph
/// direction found from the line (`None`, as VTE does by default) or set.
fn seen(line: &str, level: Option<unicode_bidi::Level>) -> String {
    let info = unicode_bidi::BidiInfo::new(line, level);
    let Some(para) = info.paragraphs.first() else {
        return String::new();
    };
    unmarked(&info.reorder_line(para, para.range.clone()))
}

/// `now`, `show`, `contact list` and `lines`, at 100 and 50 columns and with
/// `--plain`: every line holding one of her numbers shows it as typed,
/// whichever direction the terminal gives the line. The same lines
/// without the marks show some number reversed: the test can tell.
#[test]
fn her_numbers_read_as_typed_in_a_bidi_terminal() {
    let env = laylas_plan();
    let levels = [
        None,
        Some(unicode_bidi::Level::ltr()),
        Some(unicode_bidi::Level::rtl()),
    ];
    let mut reversed_without = 0;
    for args in [
        &["now"][..],
        &["show"],
        &["contact", "list"],
        &["now", "--plain"],
        &["contact", "list", "--plain"],
        &["lines"],
    ] {
        for width in ["100", "50"] {
            let out = env.test(args).env("COLUMNS", width).run().stdout;
            let mut found = 0;
            for line in out.lines() {
                for number in NUMBERS.iter().filter(|n| unmarked(line).contains(*n)) {
                    found += 1;
                    assert!(line.contains(number), "whole, for grep: {line:?}");
                    for level in levels {
                        assert!(
                            seen(line, level).contains(number),
                            "{args:?} at {width}, {level:?}: {number:?} shown as {:?}",
                            seen(line, level)
                        );
                    }
                    if levels
                        .iter()
                        .any(|&level| !seen(&unmarked(line), level).contains(number))
                    {
                        reversed_without += 1;
                    }
                }
            }
            assert!(found >= 1, "{args:?} at {width}:\n{out}");
        }
    }
    assert!(reversed_without > 10, "{reversed_without}");
}

/// Layla: GNOME Terminal sets every line left to right, and a
/// left-to-right mark on each side of a number split her Arabic sentence in
/// two: "إذا لم تردّ مريم، اتصل بأحمد على +20 … أو (02) 2222-3333" showed
/// the words after a number before the words leading to it. Read from the
/// right, as she reads, her sentence now comes in her order: its first
/// number before "أو", "أو" before its second number, whatever direction
/// the terminal gives the line.
#[test]
fn her_sentence_keeps_its_order_around_the_numbers() {
    let env = laylas_plan();
    let levels = [
        None,
        Some(unicode_bidi::Level::ltr()),
        Some(unicode_bidi::Level::rtl()),
    ];
    for args in [&["now"][..], &["show"], &["step", "list"]] {
        let out = env.test(args).env("COLUMNS", "100").run().stdout;
        let line = out
            .lines()
            .find(|l| unmarked(l).contains("(02) 2222-3333"))
            .unwrap_or_else(|| panic!("{args:?}:\n{out}"));
        for level in levels {
            let shown = seen(line, level);
            // Left to right on the screen: the last number leftmost.
            let second = shown.find("(02) 2222-3333").unwrap();
            // (Right-to-left words are turned around on the screen.)
            let or = shown.find("وأ").unwrap();
            let first = shown.find("+20 100 123 4567").unwrap();
            let call = shown.find("لصتا").unwrap();
            assert!(
                second < or && or < first && first < call,
                "{args:?}, {level:?}: {shown:?}"
            );
        }
    }
}

/// `now` into `grep` finds her numbers as typed, in either kind of digit:
/// nothing is put between a number's first and last digit.
#[cfg(unix)]
#[test]
fn now_into_grep_finds_her_numbers() {
    let env = laylas_plan();
    for number in [
        "٠١٠٠ ١٢٣ ٤٥٦٧",
        "+20 100 123 4567",
        "4567",
        "(02) 2222-3333",
    ] {
        let found = env
            .shell(&format!("\"$0\" now | grep -F -- '{number}'"))
            .run()
            .stdout;
        assert!(
            found.lines().count() >= if number.starts_with('(') { 1 } else { 2 },
            "{number}: {found:?}"
        );
    }
}

/// A dot between her name and her number read as "٠": in a line of
/// Arabic script the facts are parted by an em dash (one column, as the
/// dot); in English the dot stays, and no mark is added.
#[test]
fn no_dot_stands_between_her_arabic_facts() {
    let env = laylas_plan();
    let now = env.ok(["now"]);
    assert!(
        unmarked(&now).contains("  مريم — ٠١٠٠ ١٢٣ ٤٥٦٧ — بعد ٦ مساءً\n"),
        "{now}"
    );
    assert!(
        unmarked(&now).contains("  أحمد — +20 100 123 4567\n"),
        "{now}"
    );
    assert!(!now.contains('·'), "{now}");
    let alex = Env::new();
    alex.ok(["init", "--name", "Alex", "--country", "GB"]);
    alex.ok([
        "contact",
        "add",
        "--name",
        "Sam",
        "--phone",
        "+44 7700 900123",
        "--role",
        "help",
        "--reachable",
        "after 6pm",
    ]);
    let now = alex.ok(["now"]);
    assert!(
        now.contains("  Sam · +44 7700 900123 · after 6pm\n"),
        "{now}"
    );
    assert!(!now.contains(MARKS), "{now:?}");
}

/// tmux does no bidi: `now` at 50 columns shows the very lines it shows
/// without marks, each in its columns, with nothing where a mark is.
#[cfg(unix)]
#[test]
fn a_terminal_without_bidi_shows_nothing_for_the_marks_at_50_columns() {
    let env = laylas_plan();
    let piped = env.test(["now"]).env("COLUMNS", "50").run().stdout;
    assert!(piped.contains(MARKS), "{piped}");
    let t = crate::keys::Tmux::start(&env, &["now"], 50);
    t.wait_until_ended();
    let screen = t.scrollback();
    let rows: Vec<String> = screen
        .lines()
        .map(|row| unmarked(row).trim_end().to_string())
        .collect();
    let mut from = 0;
    for line in unmarked(&piped).lines() {
        let Some(at) = rows[from..].iter().position(|r| r == line.trim_end()) else {
            panic!("{line:?} not a row of its own on:\n{screen}");
        };
        from += at + 1;
    }
    for row in screen.lines() {
        assert!(
            textwrap::core::display_width(row) <= 50 && !row.contains('\u{fffd}'),
            "{row:?}"
        );
    }
}

/// `rehearse --list` wrote her situations raw: a number in an Arabic
/// situation had none of the marks that hold it left to right, which
/// `trigger list` gives it, and read reversed in a bidi terminal. It now
/// takes the same route as every other screen of her words.
#[test]
fn rehearse_list_holds_a_number_in_her_situation_as_typed() {
    let env = laylas_plan();
    let situation = "عندما يتصل بي أحمد على +20 100 123 4567 في الليل";
    env.ok(["trigger", "add", "--situation", situation]);
    let listed = env.ok(["trigger", "list"]);
    let due = env.ok(["rehearse", "--list"]);
    assert!(unmarked(&due).contains(situation), "{due}");
    assert!(listed.contains(MARKS.as_slice()), "{listed:?}");
    let marked = |text: &str| {
        text.lines()
            .find(|l| unmarked(l).contains("+20 100 123 4567"))
            .map(|l| l.chars().filter(|c| MARKS.contains(c)).count())
    };
    assert!(marked(&due).is_some_and(|n| n > 0), "{due:?}");
}
