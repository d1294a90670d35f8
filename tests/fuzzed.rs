//! The fuzzers' checks under stable Rust (issue 12, fuzz17e). `fuzz/` runs
//! four cargo-fuzz targets under a nightly compiler, outside CI; what each
//! asserts of any bytes lives in `fuzz/checks.rs`, and here every file the
//! fuzzers are seeded with (`tests/data`, `tests/hostile`, `examples`) is
//! put through all four, so CI sees a check that no longer holds. An input
//! a fuzzer finds goes among those files, minimised, with a test of its
//! own through the built program: what a person sees.

use std::path::{Path, PathBuf};

#[allow(dead_code)]
#[path = "../fuzz/checks.rs"]
mod checks;

/// What a fuzz target asserts of any bytes.
type Check = fn(&[u8]);

/// The fuzz targets, by name, with the checks each makes.
const TARGETS: [(&str, Check); 4] = [
    ("load", checks::load),
    ("homework", checks::homework),
    ("hand_in", checks::hand_in),
    ("vcard", checks::vcard),
];

/// Every file under `dir` (of this repository), at any depth, in order.
fn files_under(dir: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut folders = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

#[test]
fn the_files_the_fuzzers_start_from_pass_every_check() {
    let mut seeds = files_under("tests/data");
    seeds.extend(files_under("tests/hostile"));
    seeds.extend(
        files_under("examples")
            .into_iter()
            .filter(|f| f.extension().is_some_and(|e| e == "toml" || e == "vcf")),
    );
    assert!(seeds.len() > 60, "{} seeds", seeds.len());
    for file in seeds {
        let bytes = std::fs::read(&file).unwrap();
        for (target, check) in TARGETS {
            let run = std::panic::catch_unwind(|| check(&bytes));
            assert!(run.is_ok(), "{target}: {}", file.display());
        }
    }
}
