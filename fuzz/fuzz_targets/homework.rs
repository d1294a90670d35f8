//! Fuzzes homework files and hand-ins as `homework start` and `review`
//! read them (see `checks::homework`).
#![no_main]

#[allow(dead_code)]
#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| checks::homework(bytes));
