//! Fuzzes the vCard reader, `contact import` and `contact export` (see
//! `checks::vcard`).
#![no_main]

#[allow(dead_code)]
#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| checks::vcard(bytes));
