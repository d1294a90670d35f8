//! Fuzzes `review` of a hand-in (see `checks::hand_in`).
#![no_main]

#[allow(dead_code)]
#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| checks::hand_in(bytes));
