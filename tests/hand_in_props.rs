//! `review` of a hand-in, the file a client sends a therapist, as a
//! property that runs in CI beside the cargo-fuzz target (`fuzz/`, which
//! needs a nightly compiler): whatever words a hand-in carries (any
//! Unicode, escape sequences, bidirectional overrides), reading it never
//! panics, and the review shows none of them raw.

use proptest::prelude::*;
use relapse_plan::plan::homework::read_hand_in;
use relapse_plan::plan::period::Period;
use relapse_plan::render::Style;
use relapse_plan::render::review::{At, hand_in};

/// The example hand-in with `words` put where a client's words go: the
/// therapist's and client's names, a note, a trigger, a check-in's note.
fn hand_in_with(words: &[String]) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/hand-in.toml");
    let mut file: toml::Table = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let text = |s: &String| toml::Value::String(s.clone());
    let assignment = file["assignment"].as_table_mut().unwrap();
    assignment.insert("therapist".into(), text(&words[0]));
    assignment.insert("client".into(), text(&words[1]));
    assignment.insert("note".into(), text(&words[2]));
    let plan = file["plan"].as_table_mut().unwrap();
    let trigger = plan["triggers"].as_array_mut().unwrap()[0]
        .as_table_mut()
        .unwrap();
    trigger.insert("situation".into(), text(&words[3]));
    let check_in = file["check_ins"].as_array_mut().unwrap()[0]
        .as_table_mut()
        .unwrap();
    check_in.insert("notes".into(), toml::Value::Array(vec![text(&words[4])]));
    toml::to_string(&file).unwrap().into_bytes()
}

/// What may reach a terminal: no control character but the line break, no
/// bidirectional override or isolate.
fn raw(text: &str) -> Option<char> {
    text.chars().find(|&c| {
        (c.is_control() && c != '\n')
            || ('\u{202a}'..='\u{202e}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c)
    })
}

fn words() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        // What an attacker would write, among ordinary words.
        "[a-z ]{0,8}(\u{1b}\\]52;c;[A-Za-z0-9=]{0,8}\u{7}|\u{1b}\\[2J|\u{202e}|\u{9b}|\u{200b})[a-z ]{0,8}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn review_of_any_hand_in_shows_nothing_raw(words in proptest::collection::vec(words(), 5)) {
        let bytes = hand_in_with(&words);
        let Ok(file) = read_hand_in(&bytes) else {
            return Ok(());
        };
        // `review` refuses a hand-in with problems before showing it.
        prop_assume!(file.problems().is_empty());
        let submitted_at = file.submitted_at;
        let (assignment, period) = Period::of_hand_in(file);
        let tasks = period.progress(&assignment);
        let at = At { style: Style::FILE, zone: jiff::tz::TimeZone::UTC, today: 20_785 };
        let mut out = Vec::new();
        hand_in(&mut out, std::path::Path::new("hand-in.toml"), &assignment, &submitted_at, (&period, &tasks), (&at, None)).unwrap();
        let text = String::from_utf8(out).unwrap();
        prop_assert_eq!(raw(&text), None, "{}", text);
    }
}
