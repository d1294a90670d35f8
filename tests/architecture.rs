//! The layers, kept by CI rather than by memory: reads the source and fails
//! when a layer imports what it must not (see the README's development
//! section for what each layer is for).

use std::fs;
use std::path::{Path, PathBuf};

/// What each layer must not import, as `crate::` paths.
const RULES: &[(&str, &[&str])] = &[
    // The domain is pure: no files, terminal, rendering or command line.
    (
        "plan",
        &["store", "prompt", "render", "cli", "ctx", "wizard", "cmd"],
    ),
    // Renderers only render: they are handed what they show.
    ("render", &["store", "ctx", "prompt", "cmd", "wizard"]),
    // The wizard asks through `Prompter`; commands start it.
    ("wizard", &["store", "cmd"]),
];

/// Imports that break a rule today and are known: each is a debt, named
/// here so it can't grow unseen. The test fails when one is paid off and
/// still listed, so this list only ever shrinks.
const KNOWN: &[(&str, &str)] = &[];

/// `crate::LAYER` paths in `source`, outside comments.
fn crate_paths(source: &str) -> Vec<String> {
    let mut found = Vec::new();
    for line in source.lines() {
        let code = line.split("//").next().unwrap_or_default();
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            let after = &rest[at + "crate::".len()..];
            let name: String = after
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            found.push(name);
            rest = after;
        }
    }
    found
}

/// Other command modules a command names through `super::` (`cmd/mod.rs`
/// holds the shared steps every command may use).
fn sibling_commands(source: &str, commands: &[String], own: &str) -> Vec<String> {
    let mut found = Vec::new();
    for line in source.lines() {
        let code = line.split("//").next().unwrap_or_default();
        let mut rest = code;
        while let Some(at) = rest.find("super::") {
            let after = &rest[at + "super::".len()..];
            // `super::{a, b}` names several.
            let names: Vec<String> = if let Some(group) = after.strip_prefix('{') {
                group
                    .split('}')
                    .next()
                    .unwrap_or_default()
                    .split(',')
                    .map(|n| n.trim().split("::").next().unwrap_or_default().to_string())
                    .collect()
            } else {
                vec![
                    after
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                        .collect(),
                ]
            };
            found.extend(
                names
                    .into_iter()
                    .filter(|n| n != own && commands.contains(n)),
            );
            rest = after;
        }
    }
    found
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files.sort();
    files
}

/// Every forbidden import in the source tree, as (file, what it imports).
fn violations(root: &Path) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for (layer, forbidden) in RULES {
        for file in rust_files(&root.join("src").join(layer)) {
            let source = fs::read_to_string(&file).unwrap();
            let name = file.strip_prefix(root).unwrap().display().to_string();
            for path in crate_paths(&source) {
                if forbidden.contains(&path.as_str()) {
                    found.push((name.clone(), path));
                }
            }
        }
    }
    let cmd = root.join("src/cmd");
    let commands: Vec<String> = rust_files(&cmd)
        .iter()
        .filter_map(|f| f.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .filter(|s| s != "mod")
        .collect();
    for file in rust_files(&cmd) {
        let own = file.file_stem().unwrap().to_string_lossy().into_owned();
        if own == "mod" {
            continue;
        }
        let source = fs::read_to_string(&file).unwrap();
        let name = file.strip_prefix(root).unwrap().display().to_string();
        for sibling in sibling_commands(&source, &commands, &own) {
            found.push((name.clone(), format!("cmd::{sibling}")));
        }
        for path in crate_paths(&source) {
            if path == "cmd" {
                found.push((name.clone(), "cmd".into()));
            }
        }
    }
    found.sort();
    found.dedup();
    found
}

#[test]
fn each_layer_imports_only_what_it_may() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let found = violations(root);
    let unknown: Vec<_> = found
        .iter()
        .filter(|(file, what)| !KNOWN.contains(&(file.as_str(), what.as_str())))
        .collect();
    assert!(
        unknown.is_empty(),
        "layers importing what they must not (see RULES in tests/architecture.rs): {unknown:?}"
    );
    let paid: Vec<_> = KNOWN
        .iter()
        .filter(|(file, what)| !found.iter().any(|(f, w)| f == file && w == what))
        .collect();
    assert!(
        paid.is_empty(),
        "no longer imported: take these off KNOWN in tests/architecture.rs: {paid:?}"
    );
}

#[test]
fn the_checker_finds_a_forbidden_import() {
    assert_eq!(
        crate_paths(
            "use crate::store::Store;\n// use crate::cli::Args;\nlet x = crate::render::clean(y);"
        ),
        ["store", "render"]
    );
    let commands = [
        "breathe".to_string(),
        "surf".to_string(),
        "print".to_string(),
    ];
    assert_eq!(
        sibling_commands(
            "use super::breathe::pace;\nuse super::{save, print::Format};",
            &commands,
            "surf"
        ),
        ["breathe", "print"]
    );
    assert!(sibling_commands("use super::{save, words};", &commands, "surf").is_empty());
    // A forbidden import added to a copy of the tree is caught.
    let copy = std::env::temp_dir().join(format!("relapse-plan-arch-{}", std::process::id()));
    let plan = copy.join("src/plan");
    fs::create_dir_all(&plan).unwrap();
    fs::create_dir_all(copy.join("src/render")).unwrap();
    fs::create_dir_all(copy.join("src/wizard")).unwrap();
    fs::create_dir_all(copy.join("src/cmd")).unwrap();
    fs::write(plan.join("mod.rs"), "use crate::store::Store;\n").unwrap();
    fs::write(copy.join("src/cmd/surf.rs"), "use super::breathe::pace;\n").unwrap();
    fs::write(copy.join("src/cmd/breathe.rs"), "pub fn pace() {}\n").unwrap();
    let found = violations(&copy);
    fs::remove_dir_all(&copy).unwrap();
    assert_eq!(
        found,
        [
            ("src/cmd/surf.rs".to_string(), "cmd::breathe".to_string()),
            ("src/plan/mod.rs".to_string(), "store".to_string()),
        ]
    );
}

/// What only tests/lib.rs may write: a process built by hand (not sealed,
/// its exit status unchecked), an environment cleared outside
/// `Env::sealed`, or a pseudo-terminal's end read without its status. Every other test file runs programs through the `Test`
/// builder (`env.test`, `env.program`, `env.shell`, `tool`).
const HAND_ROLLED: &[&str] = &[
    concat!("Command", "::new"),
    concat!(".env", "_clear("),
    concat!("Command", "::from_std"),
    concat!("cargo", "_bin("),
    concat!("spawn", "_with_options"),
    // A pseudo-terminal ends with `Pty::eof`, which checks the exit status.
    concat!(".exp", "_eof("),
    concat!(".process", "_mut("),
];

/// Every place a test file other than tests/lib.rs builds a process by
/// hand, as (file, line, what).
fn hand_rolled(root: &Path) -> Vec<(String, usize, &'static str)> {
    let mut found = Vec::new();
    for file in rust_files(&root.join("tests")) {
        if file.ends_with("tests/lib.rs") {
            continue;
        }
        let source = fs::read_to_string(&file).unwrap();
        let name = file.strip_prefix(root).unwrap().display().to_string();
        for (number, line) in source.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            for what in HAND_ROLLED {
                if code.contains(what) {
                    found.push((name.clone(), number + 1, *what));
                }
            }
        }
    }
    found
}

#[test]
fn tests_run_programs_only_through_the_test_builder() {
    let found = hand_rolled(Path::new(env!("CARGO_MANIFEST_DIR")));
    assert!(
        found.is_empty(),
        "run these through the Test builder in tests/lib.rs (env.test, env.program, env.shell, \
         tool; .spawn() or .pty() for a run beside the test): {found:?}"
    );
}

#[test]
fn the_builder_check_finds_a_hand_rolled_command() {
    let copy = std::env::temp_dir().join(format!("relapse-plan-tests-{}", std::process::id()));
    fs::create_dir_all(copy.join("tests")).unwrap();
    fs::write(
        copy.join("tests/lib.rs"),
        concat!("let c = std::process::Command", "::new(\"sh\");\n"),
    )
    .unwrap();
    fs::write(
        copy.join("tests/sneaky.rs"),
        concat!(
            "// Command",
            "::new in a comment is fine\nlet c = std::process::Command",
            "::new(\"sh\");\nc.env",
            "_clear();\n"
        ),
    )
    .unwrap();
    let found = hand_rolled(&copy);
    fs::remove_dir_all(&copy).unwrap();
    assert_eq!(
        found,
        [
            ("tests/sneaky.rs".to_string(), 2, HAND_ROLLED[0]),
            ("tests/sneaky.rs".to_string(), 3, HAND_ROLLED[1]),
        ]
    );
}
