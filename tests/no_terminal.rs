//! Every command, run with no arguments and no terminal (standard input a
//! pipe, as in a script or a cron job), word for word. The commands come
//! from clap's own tree, so a new command shows up here as a change to the
//! snapshot and fails until someone has read what it says. The commands
//! that ask questions must say so and name what does the same without a
//! terminal; nothing may print Rust source, Debug output or a plan's ids.

use std::fmt::Write as _;
use std::path::Path;

use crate::Env;

/// The commands that ask questions, so need a terminal. A command moving
/// in or out of this list is a change a person notices: say it here.
const ASKING: &[&str] = &["new", "map", "rank", "rehearse", "surf", "check-in"];

/// The commands that ask nothing but show their pace as they run (a bar
/// to breathe along with): they need a terminal too, and say why in their
/// own words (once "the same is done by: nothing: …").
const SHOWING: &[&str] = &["breathe"];

/// Every command a person can type, as its words after `relapse-plan`,
/// read from clap: the leaves of the command tree (`trigger add`, `now`).
fn every_command() -> Vec<Vec<String>> {
    fn walk(command: &clap::Command, path: &[String], out: &mut Vec<Vec<String>>) {
        let mut here = path.to_vec();
        here.push(command.get_name().to_string());
        let subs: Vec<&clap::Command> = command.get_subcommands().collect();
        for sub in &subs {
            walk(sub, &here, out);
        }
        if subs.is_empty() {
            out.push(here);
        }
    }
    let mut out = Vec::new();
    for sub in relapse_plan::cli::command().get_subcommands() {
        walk(sub, &[], &mut out);
    }
    out
}

/// What must never reach a person: Rust source, Debug output, panics.
/// Standard output may hold other formats (a vCard writes `\n`, the
/// manual is roff), so it is held to the marks no format of ours makes.
fn leaks(text: &str, stream: &str) -> Vec<&'static str> {
    let anywhere = [
        "::",
        "Some(",
        "Ok(",
        "Err(",
        "Error {",
        "format!",
        "ctx.",
        ".rs:",
        "panicked",
        "RUST_BACKTRACE",
        "{}",
        "{:",
    ];
    let in_messages = ["None", "\")", "let ", "fn ", "\\n", "\\u{"];
    anywhere
        .into_iter()
        .chain(in_messages.into_iter().filter(|_| stream == "stderr"))
        .filter(|bad| text.contains(bad))
        .collect()
}

/// The ids in the example plan (triggers, coping, contacts) that are not
/// also plain words (`row-with-jo`, not `payday`): handles for commands,
/// never words a message of this kind should show.
fn example_ids() -> Vec<String> {
    let bytes = std::fs::read(crate::example_plan()).unwrap();
    let plan = relapse_plan::plan::parse::parse(&bytes).unwrap().plan;
    let mut ids: Vec<String> = plan.triggers.iter().map(|t| t.id.clone()).collect();
    ids.extend(plan.coping.iter().map(|c| c.id.clone()));
    ids.extend(plan.contacts.iter().map(|c| c.id.clone()));
    ids.retain(|id| id.contains('-'));
    assert!(ids.len() > 5, "{ids:?}");
    ids
}

/// Whether `text` shows `id` as a word of its own (`urge-surf`, but not
/// inside "urge-surfing").
fn shows_id(text: &str, id: &str) -> bool {
    let part = |c: char| c.is_alphanumeric() || c == '-';
    text.match_indices(id).any(|(at, _)| {
        !text[..at].chars().next_back().is_some_and(part)
            && !text[at + id.len()..].chars().next().is_some_and(part)
    })
}

/// One run, as the snapshot shows it: the command, its exit status, what
/// it said on standard error, and whether it printed anything.
fn run(env: &Env, words: &[String], ids: &[String], asking: bool) -> String {
    let ran = env.test(words).status_any().run();
    let code = ran.status.code().expect("an exit status, not a signal");
    let command = format!("relapse-plan {}", words.join(" "));
    for (name, text) in [("stderr", &ran.stderr), ("stdout", &ran.stdout)] {
        let found = leaks(text, name);
        assert!(
            found.is_empty(),
            "`{command}` {name} shows {found:?}:\n{text}"
        );
    }
    let needs_terminal = ran.stderr.contains("so it needs a terminal");
    let showing = SHOWING.contains(&words.join(" ").as_str());
    if showing {
        assert_eq!(code, 1, "`{command}`: {}", ran.stderr);
        assert!(
            ran.stderr
                .starts_with(&format!("error: `{command}` shows ")),
            "{}",
            ran.stderr
        );
        assert!(!ran.stderr.contains("done by: nothing"), "{}", ran.stderr);
    }
    assert_eq!(
        needs_terminal,
        asking || showing,
        "`{command}` (exit {code}): {}",
        ran.stderr
    );
    if asking {
        assert_eq!(code, 1, "`{command}`: {}", ran.stderr);
        assert!(ran.stdout.is_empty(), "`{command}` printed {}", ran.stdout);
        for id in ids {
            assert!(
                !shows_id(&ran.stderr, id),
                "`{command}` shows the id {id}: {}",
                ran.stderr
            );
        }
        assert!(
            ran.stderr.starts_with(&format!(
                "error: `relapse-plan {}` asks you questions, so it needs a terminal\nhint: without a terminal, the same is done by: ",
                words.join(" ")
            )),
            "{}",
            ran.stderr
        );
    }
    let home = env.home().to_str().unwrap();
    let mut entry = format!("$ {command} </dev/null\nexit {code}\n");
    if !ran.stdout.is_empty() {
        entry.push_str("(prints on standard output)\n");
    }
    for line in ran.stderr.replace(home, "$HOME").lines() {
        writeln!(entry, "  {line}").unwrap();
        entry.truncate(entry.trim_end().len());
        entry.push('\n');
    }
    entry
}

#[test]
fn every_command_without_a_terminal_word_for_word() {
    let ids = example_ids();
    let commands = every_command();
    assert!(commands.len() > 80, "{commands:?}");
    let mut report = String::new();
    for words in &commands {
        // A fresh copy of the example plan for each, so no run leans on
        // what an earlier one did.
        let env = Env::with_example();
        let before = env.snapshot_dir();
        let asking = ASKING.contains(&words.join(" ").as_str());
        report.push_str(&run(&env, words, &ids, asking));
        report.push('\n');
        if asking {
            assert_eq!(
                before,
                env.snapshot_dir(),
                "`{}` changed the plan folder",
                words.join(" ")
            );
        }
    }
    for asking in ASKING.iter().chain(SHOWING) {
        assert!(
            commands.iter().any(|c| c.join(" ") == *asking),
            "`{asking}` is no longer a command: take it out of ASKING"
        );
    }
    insta::assert_snapshot!(report);
}

/// With homework started, the practice it asks for is still named when
/// `rehearse` can't ask (the reminder comes before the terminal is needed).
#[test]
fn rehearse_without_a_terminal_still_names_the_homework() {
    let env = Env::with_example();
    let homework = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/homework.toml");
    env.ok(["homework", "start", homework.to_str().unwrap()]);
    let ran = env.test(["rehearse"]).status(1).run();
    assert!(ran.stdout.is_empty(), "{}", ran.stdout);
    assert!(
        ran.stderr
            .starts_with("Still to do for your homework from Dr Patel"),
        "no homework reminder first: {}",
        ran.stderr
    );
    for id in example_ids() {
        assert!(
            !shows_id(&ran.stderr, &id),
            "shows the id {id}: {}",
            ran.stderr
        );
    }
    assert!(leaks(&ran.stderr, "stderr").is_empty(), "{}", ran.stderr);
    // Its hint names the plan's folder, which is a new one each run.
    insta::assert_snapshot!(ran.stderr.replace(env.home().to_str().unwrap(), "$HOME"));
}

/// The questions only some arguments lead to (a form for what the flags
/// did not say, "write it?", "write over it?"), each without a terminal:
/// word for word, nothing written, nothing raw.
#[test]
fn questions_behind_arguments_without_a_terminal_word_for_word() {
    let env = Env::with_example();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let homework = root.join("examples/homework.toml");
    env.ok(["homework", "start", homework.to_str().unwrap()]);
    let home = env.home().to_str().unwrap().to_string();
    let existing = env.home().join("plan.txt");
    std::fs::write(&existing, "kept").unwrap();
    let cases: Vec<Vec<String>> = [
        vec!["homework", "assign", "-o", "HOME/homework.toml"],
        vec!["homework", "submit", "-o", "HOME/hand-in.toml"],
        vec!["print", "--for", "Alex"],
        vec!["print", "-o", "HOME/plan.txt"],
        vec!["contact", "import", "ROOT/tests/data/contacts.vcf"],
    ]
    .into_iter()
    .map(|words| {
        words
            .into_iter()
            .map(|w| {
                w.replace("HOME", &home)
                    .replace("ROOT", root.to_str().unwrap())
            })
            .collect()
    })
    .collect();
    let ids = example_ids();
    let mut report = String::new();
    for words in &cases {
        let before = env.snapshot_dir();
        let ran = env.test(words).status_any().run();
        let command = format!("relapse-plan {}", words.join(" "));
        let code = ran.status.code().unwrap();
        assert_ne!(code, 0, "`{command}` went ahead without asking");
        for (name, text) in [("stderr", &ran.stderr), ("stdout", &ran.stdout)] {
            let found = leaks(text, name);
            assert!(
                found.is_empty(),
                "`{command}` {name} shows {found:?}:\n{text}"
            );
        }
        // What comes before the error may be a file shown as it will be
        // written (ids and all, as `homework submit` shows a hand-in); the
        // error and its hint never show ids.
        let at = ran.stderr.find("error: ").expect("an error");
        let (before_error, message) = ran.stderr.split_at(at);
        for id in &ids {
            assert!(
                !shows_id(message, id),
                "`{command}` shows the id {id}: {message}"
            );
        }
        assert_eq!(
            before,
            env.snapshot_dir(),
            "`{command}` changed the plan folder"
        );
        let shown = |text: &str| {
            text.replace(root.to_str().unwrap(), "$REPO")
                .replace(&home, "$HOME")
        };
        writeln!(report, "$ {} </dev/null\nexit {code}", shown(&command)).unwrap();
        if !ran.stdout.is_empty() {
            report.push_str("(prints on standard output)\n");
        }
        if !before_error.is_empty() {
            report.push_str("(first shows what it would do, on standard error)\n");
        }
        for line in shown(message).lines() {
            writeln!(report, "  {line}").unwrap();
            report.truncate(report.trim_end().len());
            report.push('\n');
        }
        report.push('\n');
    }
    assert_eq!(std::fs::read_to_string(&existing).unwrap(), "kept");
    assert!(!env.home().join("homework.toml").exists());
    assert!(!env.home().join("hand-in.toml").exists());
    insta::assert_snapshot!(report);
}
