//! Issue 13 ("their own words, not ids"): where a person used to see an
//! internal id or code, they see their own words (a situation, a name, a
//! country's name), and one role has one wording everywhere. Situations
//! are in Chinese and Hindi, so an id can never pass for the words.

use crate::Env;

/// A plan in Taiwan whose someone-not-to-involve has a Chinese name.
fn taiwan_plan() -> Env {
    let env = Env::new();
    env.ok(["init", "--name", "美玲", "--country", "TW"]);
    env.ok([
        "contact",
        "add",
        "--name",
        "陳先生",
        "--phone",
        "+886 912 345 678",
        "--do-not-involve",
    ]);
    env
}

/// `show`'s header and the crisis lines' heading name the country, never
/// its code.
#[test]
fn show_and_now_name_the_country_not_its_code() {
    let env = taiwan_plan();
    let show = env.ok(["show"]);
    let header: String = show.lines().take(3).collect::<Vec<_>>().join("\n");
    assert!(header.contains("Taiwan"), "{header}");
    assert!(!header.contains("TW"), "{header}");
    let now = env.ok(["now"]);
    assert!(now.contains("Crisis lines (Taiwan)"), "{now}");
    assert!(!now.contains("(TW)"), "{now}");
    // A country with checked lines too.
    env.ok(["set", "--country", "GB"]);
    let now = env.ok(["now"]);
    assert!(now.contains("Crisis lines (United Kingdom)"), "{now}");
}

/// Someone not to involve is "not to involve" in the contacts table, in
/// `diff` and in what a refused link says: one wording, never "do not
/// involve" beside it.
#[test]
fn not_to_involve_is_said_one_way_everywhere() {
    let env = taiwan_plan();
    let table = env.ok(["contact", "list"]);
    assert!(table.contains("someone not to"), "{table}");
    env.ok([
        "trigger",
        "add",
        "--situation",
        "月底发薪日一个人在家",
        "--likelihood",
        "4",
    ]);
    let refused = env.fails(
        1,
        [
            "trigger",
            "edit",
            "yue-di-fa-xin-ri-yi-ge-ren-zai",
            "--contact",
            "chen-xian-sheng",
        ],
    );
    assert!(refused.contains("not to involve in a crisis"), "{refused}");
    env.ok([
        "contact",
        "edit",
        "chen-xian-sheng",
        "--do-not-involve",
        "false",
    ]);
    let diff = env.ok(["diff"]);
    assert!(
        diff.contains("role someone not to involve → someone I can ask for help"),
        "{diff}"
    );
    for shown in [&table, &refused, &diff] {
        assert!(!shown.contains("do not involve"), "{shown}");
    }
}

/// Without a terminal, `homework submit` says it needs one (and what to
/// run instead) before anything else, not after the whole hand-in has
/// scrolled past; nothing is written.
#[test]
fn submit_without_a_terminal_says_so_before_showing_the_hand_in() {
    let env = crate::homework::client_week();
    let file = env.home().join("hand-in.toml");
    let ran = env
        .test(["homework", "submit", "-o", file.to_str().unwrap()])
        .env("RELAPSE_PLAN_NOW", "2026-11-28T18:00:00Z")
        .status(1)
        .run();
    assert!(
        ran.stderr.starts_with(
            "error: `relapse-plan homework submit` asks you questions, so it needs a terminal"
        ),
        "{}",
        ran.stderr
    );
    assert!(ran.stderr.contains("--yes"), "{}", ran.stderr);
    assert!(ran.stderr.lines().count() < 6, "{}", ran.stderr);
    assert!(ran.stdout.is_empty(), "{}", ran.stdout);
    assert!(!file.exists());
}

/// `review --since` names a changed trigger by its situation, as `diff`
/// does, never by its id.
#[test]
fn review_names_a_changed_trigger_by_its_words() {
    let env = taiwan_plan();
    env.ok([
        "trigger",
        "add",
        "--situation",
        "月底发薪日一个人在家",
        "--likelihood",
        "2",
    ]);
    env.ok([
        "trigger",
        "edit",
        "yue-di-fa-xin-ri-yi-ge-ren-zai",
        "--likelihood",
        "4",
    ]);
    let shown = env
        .ok(["review", "--since", "1"])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        shown.contains("trigger “月底发薪日一个人在家”: likelihood 2 → 4"),
        "{shown}"
    );
    let changed = shown.split("Practice").next().unwrap();
    assert!(!changed.contains("yue-di"), "{shown}");
}

/// Farah (Tehran): "Iran" and "ایران" are her country, shown by name; a
/// date in the Persian calendar is never saved as the Gregorian year 1405.
/// It was refused, asking for the Gregorian day; it is now read in the
/// Solar Hijri calendar (text16e, Shirin) and saved as the day it is.
/// A year of another calendar no reader knows (Hebrew 5787) is still
/// refused, never saved as that Gregorian year.
#[test]
fn iran_by_name_and_a_persian_calendar_date_is_not_saved() {
    let env = Env::new();
    env.ok(["init", "--name", "فرح"]);
    env.ok(["set", "--country", "ایران"]);
    let now = env.ok(["now"]);
    assert!(now.contains("Iran"), "{now}");
    assert!(!now.contains("(IR)"), "{now}");
    let before = env.plan();
    let err = env.fails(2, ["set", "--next-review", "5787-03-01"]);
    assert!(err.contains("centuries away"), "{err}");
    assert!(err.contains("Gregorian"), "{err}");
    assert_eq!(env.plan(), before, "nothing saved");
    env.ok(["set", "--next-review", "۱۴۰۵/۰۹/۱۵"]);
    let next = env.plan().review.next.unwrap().to_string();
    assert_eq!(next, "2026-12-06");
}
