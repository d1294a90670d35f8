//! Fuzzes the files that cross the therapist–client boundary: any bytes
//! read as a homework file or a hand-in give a document or an error, never
//! a panic, and what reads is checked against what `assign` allows and
//! shown through the terminal sanitiser without a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use relapse_plan::plan::homework::{Assignment, HAND_IN_KIND, HOMEWORK_KIND, HandIn};
use relapse_plan::plan::parse::parse_document;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(assignment) = parse_document::<Assignment>(bytes, HOMEWORK_KIND, "a homework file") {
        let _ = assignment.problems();
        for task in &assignment.tasks {
            let _ = task.describe();
        }
    }
    if let Ok(hand_in) = parse_document::<HandIn>(bytes, HAND_IN_KIND, "a hand-in file") {
        let _ = hand_in.assignment.problems();
    }
});
