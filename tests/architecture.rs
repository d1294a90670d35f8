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
    // The wizard asks through `Prompter` and saves through the interface
    // it is handed; commands start it. `ctx` holds the store, so it is
    // barred too.
    ("wizard", &["store", "cmd", "ctx"]),
];

/// Imports that break a rule today and are known: each is a debt, named
/// here so it can't grow unseen. The test fails when one is paid off and
/// still listed, so this list only ever shrinks.
const KNOWN: &[(&str, &str)] = &[];

/// `source` with comments, strings and character literals blanked out
/// (newlines kept), so only code is searched.
fn code_only(source: &str) -> String {
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::with_capacity(source.len());
    let mut i = 0;
    let blank = |out: &mut String, c: char| out.push(if c == '\n' { '\n' } else { ' ' });
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    blank(&mut out, chars[i]);
                    i += 1;
                }
            }
        } else if c == 'r'
            && (next == Some('"') || next == Some('#'))
            && !chars[..i]
                .last()
                .is_some_and(|p| p.is_alphanumeric() || *p == '_')
        {
            // A raw string: r"…", r#"…"#.
            let mut j = i + 1;
            while chars.get(j) == Some(&'#') {
                j += 1;
            }
            if chars.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            let hashes = j - i - 1;
            i = j + 1;
            while i < chars.len() {
                if chars[i] == '"' && (0..hashes).all(|h| chars.get(i + 1 + h) == Some(&'#')) {
                    i += 1 + hashes;
                    break;
                }
                blank(&mut out, chars[i]);
                i += 1;
            }
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    i += 1;
                }
                if let Some(&c) = chars.get(i) {
                    blank(&mut out, c);
                }
                i += 1;
            }
            i += 1;
        } else if c == '\'' && next == Some('\\') {
            // '\n', '\'', '\u{…}'
            i += 2;
            while i < chars.len() && chars[i] != '\'' {
                i += 1;
            }
            i += 1;
        } else if c == '\'' && chars.get(i + 2) == Some(&'\'') {
            i += 3;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// The paths a use tree or a path expression starting at `at` names, each
/// as its segments: `crate::{store::{Store, x}, plan}` (over any number of
/// lines) is `[crate, store, Store]`, `[crate, store, x]`, `[crate, plan]`.
fn use_tree(code: &[char], at: &mut usize) -> Vec<Vec<String>> {
    let skip_space = |at: &mut usize| {
        while code.get(*at).is_some_and(|c| c.is_whitespace()) {
            *at += 1;
        }
    };
    let mut prefix = Vec::new();
    loop {
        skip_space(at);
        if code.get(*at) == Some(&'{') {
            *at += 1;
            let mut paths = Vec::new();
            loop {
                skip_space(at);
                match code.get(*at) {
                    None => break,
                    Some('}') => {
                        *at += 1;
                        break;
                    }
                    Some(',') => *at += 1,
                    Some(_) => {
                        let before = *at;
                        for tail in use_tree(code, at) {
                            paths.push([prefix.clone(), tail].concat());
                        }
                        if *at == before {
                            *at += 1;
                        }
                    }
                }
            }
            return paths;
        }
        let name: String = code[*at..]
            .iter()
            .take_while(|c| c.is_alphanumeric() || **c == '_' || **c == '*')
            .collect();
        if name.is_empty() {
            return if prefix.is_empty() {
                Vec::new()
            } else {
                vec![prefix]
            };
        }
        *at += name.chars().count();
        prefix.push(name);
        skip_space(at);
        if code.get(*at) == Some(&':') && code.get(*at + 1) == Some(&':') {
            *at += 2;
        } else {
            // `as name`, `;`, `(`: the path ends here (past a renaming).
            if code
                .get(*at..*at + 3)
                .is_some_and(|w| w[..2] == ['a', 's'] && w[2].is_whitespace())
            {
                *at += 2;
                skip_space(at);
                while code
                    .get(*at)
                    .is_some_and(|c| c.is_alphanumeric() || *c == '_')
                {
                    *at += 1;
                }
            }
            return vec![prefix];
        }
    }
}

/// Every path in `source` that starts with `crate::`, `super::` or
/// `self::` (in `use` trees, grouped or spread over lines, and in code),
/// resolved to the module it names from the crate's root; `module` is the
/// file's own module (`["cmd", "surf"]`), and inline `mod x { … }` blocks
/// are followed, so `super` means what the compiler takes it to mean.
fn resolved_paths(source: &str, module: &[String]) -> Vec<Vec<String>> {
    let code: Vec<char> = code_only(source).chars().collect();
    let is_ident = |c: char| c.is_alphanumeric() || c == '_';
    let mut found = Vec::new();
    let mut depth = 0usize;
    // Inline modules open here: (name, the depth inside its braces).
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut pending_mod: Option<String> = None;
    let mut i = 0;
    while i < code.len() {
        let c = code[i];
        if c == '{' {
            depth += 1;
            if let Some(name) = pending_mod.take() {
                inline.push((name, depth));
            }
            i += 1;
            continue;
        }
        if c == '}' {
            if inline.last().is_some_and(|(_, d)| *d == depth) {
                inline.pop();
            }
            depth = depth.saturating_sub(1);
            i += 1;
            continue;
        }
        if c == ';' {
            pending_mod = None;
        }
        if !is_ident(c) || (i > 0 && (is_ident(code[i - 1]) || code[i - 1] == ':')) {
            i += 1;
            continue;
        }
        let word: String = code[i..].iter().take_while(|c| is_ident(**c)).collect();
        let after = i + word.chars().count();
        let rest: String = code[after..].iter().take(2).collect();
        if word == "mod" {
            let mut j = after;
            while code.get(j).is_some_and(|c| c.is_whitespace()) {
                j += 1;
            }
            let name: String = code[j..].iter().take_while(|c| is_ident(**c)).collect();
            pending_mod = (!name.is_empty()).then_some(name);
            i = after;
            continue;
        }
        if !matches!(word.as_str(), "crate" | "super" | "self") || rest != "::" {
            i = after;
            continue;
        }
        let mut here: Vec<String> = module.to_vec();
        here.extend(inline.iter().map(|(name, _)| name.clone()));
        let mut at = i;
        for path in use_tree(&code, &mut at) {
            let mut segments = path.into_iter().peekable();
            let mut base = match segments.peek().map(String::as_str) {
                Some("crate") => {
                    segments.next();
                    Vec::new()
                }
                _ => here.clone(),
            };
            while let Some(first) = segments.peek() {
                match first.as_str() {
                    "super" => {
                        base.pop();
                    }
                    "self" => {}
                    _ => break,
                }
                segments.next();
            }
            base.extend(segments);
            found.push(base);
        }
        i = at.max(after);
    }
    found
}

/// The module a file under `src/` is: `src/cmd/surf.rs` is `["cmd",
/// "surf"]`, `src/plan/mod.rs` is `["plan"]`.
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let mut module: Vec<String> = file
        .strip_prefix(src)
        .unwrap()
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if module
        .last()
        .is_some_and(|m| m == "mod" || m == "lib" || m == "main")
    {
        module.pop();
    }
    module
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
    let src = root.join("src");
    let mut found = Vec::new();
    for (layer, forbidden) in RULES {
        for file in rust_files(&src.join(layer)) {
            let source = fs::read_to_string(&file).unwrap();
            let name = file.strip_prefix(root).unwrap().display().to_string();
            for path in resolved_paths(&source, &module_of(&src, &file)) {
                if let Some(top) = path.first().filter(|t| forbidden.contains(&t.as_str())) {
                    found.push((name.clone(), top.clone()));
                }
            }
        }
    }
    // No command imports another (`cmd/mod.rs` holds the shared steps
    // every command may use).
    let cmd = src.join("cmd");
    let commands: Vec<String> = rust_files(&cmd)
        .iter()
        .map(|f| module_of(&src, f))
        .filter(|m| m.len() > 1)
        .map(|m| m[1].clone())
        .collect();
    for file in rust_files(&cmd) {
        let module = module_of(&src, &file);
        let Some(own) = module.get(1) else {
            continue;
        };
        let source = fs::read_to_string(&file).unwrap();
        let name = file.strip_prefix(root).unwrap().display().to_string();
        for path in resolved_paths(&source, &module) {
            if let [top, sibling, ..] = path.as_slice()
                && top == "cmd"
                && sibling != own
                && commands.contains(sibling)
            {
                found.push((name.clone(), format!("cmd::{sibling}")));
            }
        }
    }
    // Every file access is the store's (`src/store/`): nothing else names
    // `std::fs`, in a `use` tree or in code, tests inside `src/` included.
    for file in rust_files(&src) {
        if file.starts_with(src.join("store")) {
            continue;
        }
        let source = fs::read_to_string(&file).unwrap();
        let name = file.strip_prefix(root).unwrap().display().to_string();
        if std_paths(&source)
            .iter()
            .any(|p| p.get(1).is_some_and(|s| s == "fs"))
        {
            found.push((name, "std::fs".to_string()));
        }
    }
    found.sort();
    found.dedup();
    found
}

/// Every path in `source`'s code that starts with `std::` (or `::std::`),
/// as its segments, `use` trees spread out: `use std::{fs, io}` is
/// `[std, fs]` and `[std, io]`.
fn std_paths(source: &str) -> Vec<Vec<String>> {
    let code: Vec<char> = code_only(source).chars().collect();
    let is_ident = |c: char| c.is_alphanumeric() || c == '_';
    let mut found = Vec::new();
    let mut i = 0;
    while i < code.len() {
        if !is_ident(code[i]) || (i > 0 && is_ident(code[i - 1])) {
            i += 1;
            continue;
        }
        let word: String = code[i..].iter().take_while(|c| is_ident(**c)).collect();
        let after = i + word.chars().count();
        let rest: String = code[after..].iter().take(2).collect();
        if word == "std" && rest == "::" {
            let mut at = i;
            found.extend(use_tree(&code, &mut at));
            i = at.max(after);
        } else {
            i = after;
        }
    }
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

fn names(module: &[&str], source: &str) -> Vec<String> {
    let module: Vec<String> = module.iter().map(ToString::to_string).collect();
    resolved_paths(source, &module)
        .into_iter()
        .map(|p| p.join("::"))
        .collect()
}

#[test]
fn the_checker_reads_whole_use_trees() {
    let plan = ["plan", "homework"];
    assert_eq!(
        names(
            &plan,
            "use crate::store::Store;\n// use crate::cli::Args;\nlet x = crate::render::clean(y);"
        ),
        ["store::Store", "render::clean"]
    );
    assert_eq!(names(&plan, "use crate::{store::Store};"), ["store::Store"]);
    assert_eq!(
        names(
            &plan,
            "use crate::{\n    plan::Plan,\n    store::{self, Store as S},\n};"
        ),
        ["plan::Plan", "store::self", "store::Store"]
    );
    assert_eq!(
        names(&plan, "use super::super::store::Store;"),
        ["store::Store"]
    );
    assert_eq!(
        names(&plan, "use super::{date, edit};"),
        ["plan::date", "plan::edit"]
    );
    assert_eq!(
        names(
            &["cmd", "surf"],
            "let p = super::super::cmd::breathe::pace();"
        ),
        ["cmd::breathe::pace"]
    );
    // Inside `mod tests`, `super` is the file's own module; strings and
    // block comments name nothing.
    assert_eq!(
        names(
            &["plan", "validate"],
            "fn f() { let s = \"crate::store\"; }\n/* crate::store */\nmod tests {\n    use super::super::FollowThrough;\n}\nuse super::x;"
        ),
        ["plan::FollowThrough", "plan::x"]
    );
}

#[test]
fn the_checker_finds_a_forbidden_import() {
    // Each form added to a copy of the tree is caught.
    let copy = std::env::temp_dir().join(format!("relapse-plan-arch-{}", std::process::id()));
    for layer in ["plan", "render", "wizard", "cmd", "store"] {
        fs::create_dir_all(copy.join("src").join(layer)).unwrap();
    }
    let write = |file: &str, text: &str| fs::write(copy.join("src").join(file), text).unwrap();
    write("plan/mod.rs", "use crate::store::Store;\n");
    write("plan/grouped.rs", "use crate::{store::Store};\n");
    write(
        "plan/spread.rs",
        "use crate::{\n    plan::Plan,\n    prompt::{\n        Terminal,\n    },\n};\n",
    );
    write("plan/nested.rs", "use super::super::store::Store;\n");
    write("render/view.rs", "use crate::{plan::Plan, ctx::Style};\n");
    write("wizard/session.rs", "use crate::ctx::Ctx;\n");
    write("cmd/surf.rs", "use super::breathe::pace;\n");
    write("cmd/walk.rs", "use super::{save, print::Format};\n");
    write(
        "cmd/calm.rs",
        "fn f() { super::super::cmd::breathe::pace(); }\n",
    );
    write("cmd/breathe.rs", "pub fn pace() {}\n");
    write("cmd/print.rs", "use super::{save, words};\n");
    write("cmd/mod.rs", "use self::breathe::pace;\n");
    write("cmd/out.rs", "use std::{\n    io,\n    fs::File,\n};\n");
    write(
        "render/keep.rs",
        "// std::fs in a comment is no use\nfn f() { let _ = ::std::fs::metadata(\"std::fs\"); }\n",
    );
    write(
        "wizard/words.rs",
        "const S: &str = \"std::fs\"; // std::fs\n",
    );
    write("store/files.rs", "use std::fs;\n");
    let found = violations(&copy);
    fs::remove_dir_all(&copy).unwrap();
    let pair = |f: &str, w: &str| (f.to_string(), w.to_string());
    assert_eq!(
        found,
        [
            pair("src/cmd/calm.rs", "cmd::breathe"),
            pair("src/cmd/out.rs", "std::fs"),
            pair("src/cmd/surf.rs", "cmd::breathe"),
            pair("src/cmd/walk.rs", "cmd::print"),
            pair("src/plan/grouped.rs", "store"),
            pair("src/plan/mod.rs", "store"),
            pair("src/plan/nested.rs", "store"),
            pair("src/plan/spread.rs", "prompt"),
            pair("src/render/keep.rs", "std::fs"),
            pair("src/render/view.rs", "ctx"),
            pair("src/wizard/session.rs", "ctx"),
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
