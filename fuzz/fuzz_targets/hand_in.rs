//! Fuzzes `review` of a hand-in, the file a client sends a therapist: any
//! bytes give a review or an error, never a panic, and a review that is
//! shown holds no escape sequence, C1 control or bidirectional override,
//! whatever the file held (nothing from a client's file reaches the
//! therapist's terminal raw).
#![no_main]

use libfuzzer_sys::fuzz_target;
use relapse_plan::plan::homework::read_hand_in;
use relapse_plan::plan::period::Period;
use relapse_plan::render::Style;
use relapse_plan::render::review::{At, hand_in};

fuzz_target!(|bytes: &[u8]| {
    let Ok(file) = read_hand_in(bytes) else {
        return;
    };
    // `review` refuses a hand-in with problems before showing it.
    if !file.problems().is_empty() {
        return;
    }
    let submitted_at = file.submitted_at;
    let (assignment, period) = Period::of_hand_in(file);
    let tasks = period.progress(&assignment);
    let at = At {
        style: Style::FILE,
        zone: jiff::tz::TimeZone::UTC,
        today: 20_780,
    };
    let mut out = Vec::new();
    hand_in(&mut out, std::path::Path::new("hand-in.toml"), &assignment, &submitted_at, (&period, &tasks), (&at, None)).unwrap();
    let text = String::from_utf8(out).expect("a review is UTF-8");
    for c in text.chars() {
        assert!(
            c == '\n' || !(c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c) || ('\u{2066}'..='\u{2069}').contains(&c)),
            "raw {c:?} in the review"
        );
    }
});
