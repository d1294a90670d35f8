//! Fuzzes the plan loader: any bytes must give a plan or an error, never a
//! panic, and a plan that loads must save and load back the same.
#![no_main]

use libfuzzer_sys::fuzz_target;
use relapse_plan::plan::parse::{parse, to_toml};

fuzz_target!(|bytes: &[u8]| {
    if let Ok(parsed) = parse(bytes) {
        if parsed.newer_schema.is_none() {
            let again = parse(to_toml(&parsed.plan).as_bytes()).expect("a loaded plan saves and loads");
            assert_eq!(again.plan, parsed.plan);
        }
    }
});
