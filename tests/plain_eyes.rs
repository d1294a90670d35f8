//! What is shown, as Priya (a Hindi-speaking client with a screen reader)
//! and Misaki (who writes her name with an ideographic space) read it:
//! issues #12 and #13, task plain13g.

use crate::Env;
use std::path::Path;

/// The name Japanese users write with U+3000 between family and given name.
const MISAKI: &str = "佐藤\u{3000}美咲";

/// Issue 13: U+3000 was shown as a plain space on some screens (`now`,
/// `review`, the contact edit messages) and kept on others. Her words are
/// shown as she typed them, on every one.
#[test]
fn an_ideographic_space_is_shown_as_typed() {
    let env = Env::new();
    env.ok(["init"]);
    let added = env
        .test([
            "contact",
            "add",
            "--name",
            MISAKI,
            "--phone",
            "+81 90 1234 5678",
        ])
        .run();
    assert!(added.stderr.contains(MISAKI), "{}", added.stderr);
    let step = format!("Call {MISAKI} tonight");
    env.ok(["step", "add", &step]);
    let edited = env
        .test(["contact", "edit", "1", "--phone", "+81 90 1234 5679"])
        .run();
    assert!(edited.stderr.contains(MISAKI), "{}", edited.stderr);
    for args in [
        vec!["now"],
        vec!["show"],
        vec!["contact", "list"],
        vec!["review", "--since", "2026-01-01"],
        vec!["history"],
    ] {
        for plain in [false, true] {
            let mut all = if plain { vec!["--plain"] } else { vec![] };
            all.extend(&args);
            let ran = env.test(&all).env("COLUMNS", "60").run();
            let shown = format!("{}{}", ran.stdout, ran.stderr);
            assert!(shown.contains(MISAKI), "{all:?}:\n{shown}");
            assert!(!shown.contains("佐藤 美咲"), "{all:?}:\n{shown}");
        }
    }
}

/// Issue 13 (Priya): `review` showed a revision's change note and then its
/// change line, the same words twice ("added contact “…”" on both).
#[test]
fn review_says_each_change_once() {
    let env = Env::new();
    env.ok(["init"]);
    env.ok([
        "contact",
        "add",
        "--name",
        "Ravi",
        "--phone",
        "+91 98765 43210",
    ]);
    env.ok(["trigger", "add", "Payday Friday"]);
    env.ok(["set", "--next-review", "2027-01-04"]);
    env.ok(["--note", "after the group", "step", "add", "Call Ravi"]);
    let review = env.ok(["review", "--since", "2026-01-01"]);
    for once in [
        "contact “Ravi”",
        "trigger “Payday Friday”",
        "4 January 2027",
    ] {
        assert_eq!(review.matches(once).count(), 1, "{once}:\n{review}");
    }
    // Her own note stays, beside the change it came with.
    assert!(review.contains("your note: “after the group”"), "{review}");
    assert!(review.contains("added crisis step “Call Ravi”"), "{review}");
}

/// Issue 12: `-o` given the plan folder itself was said to be "inside" it;
/// it is the folder itself, and the hint names a file to give instead.
#[test]
fn output_to_the_plan_folder_itself_says_so() {
    let env = Env::new();
    env.ok(["init"]);
    let dir = env.plan_dir();
    let before = env.snapshot_dir();
    for given in [dir.display().to_string(), format!("{}/", dir.display())] {
        let said = env.fails(2, ["print", "-o", &given]);
        assert!(said.contains("is your plan's folder itself"), "{said}");
        assert!(!said.contains("inside"), "{said}");
        let example = dir.parent().unwrap().join("my-crisis-plan");
        assert!(
            said.contains(&format!("like `{}`", example.display())),
            "{said}"
        );
    }
    let said = env
        .test(["print", "-o", "."])
        .current_dir(&dir)
        .status(2)
        .run()
        .stderr;
    assert!(said.contains("`.` is your plan's folder itself"), "{said}");
    // A file inside it is still said to be inside.
    let inside = env.fails(2, ["print", "-o", &format!("{}/x.txt", dir.display())]);
    assert!(inside.contains("inside your plan's folder"), "{inside}");
    assert_eq!(env.snapshot_dir(), before);
}

/// What relapse-plan draws that a screen reader names instead of reading:
/// "right arrow", "middle dot", "left bracket space right bracket".
const SYMBOLS: &[&str] = &[
    "→", "·", "—", "–", "↑", "↓", "❯", "›", "✔", "─", "│", "┆", "═", "┌", "└", "•", "[ ]", "[x]",
    "…", "“", "”", "‘", "’",
];

/// The symbols on `screen`, and lines that begin with a drawn cursor or
/// question mark ("> ", "? "): none may appear with `--plain`. The
/// person's words here hold none of them, so any found is the program's.
#[track_caller]
fn no_symbols(what: &str, screen: &str) {
    for symbol in SYMBOLS {
        assert!(!screen.contains(symbol), "{what}: {symbol:?} in\n{screen}");
    }
    for line in screen.lines() {
        let line = line.trim_start();
        assert!(
            !line.starts_with("> ") && !line.starts_with("? "),
            "{what}: {line:?} in\n{screen}"
        );
    }
}

/// A plan with a trigger, a sign, a strategy, Misaki and a step, rated
/// once and changed since, so every screen has something to show.
fn priyas_plan() -> Env {
    let env = Env::new();
    env.ok(["init"]);
    env.ok(["--country", "GB", "set"]);
    env.ok(["trigger", "add", "Payday Friday"]);
    env.ok(["trigger", "add", "Sunday lunch"]);
    env.ok(["warning-sign", "add", "Pacing at night"]);
    env.ok([
        "coping",
        "add",
        "--name",
        "Urge surfing",
        "--step",
        "Breathe",
    ]);
    env.ok([
        "contact",
        "add",
        "--name",
        MISAKI,
        "--phone",
        "+44 7700 900123",
    ]);
    env.ok(["step", "add", &format!("Call {MISAKI}")]);
    env.ok([
        "trigger",
        "edit",
        "1",
        "--likelihood",
        "3",
        "--coping",
        "urge-surfing",
    ]);
    // Two days ago, so today's check-in starts afresh.
    env.test([
        "check-in",
        "--urge",
        "5",
        "--acted",
        "no",
        "--distress",
        "3",
    ])
    .env("RELAPSE_PLAN_NOW", "2026-11-20T10:15:00Z")
    .run();
    env
}

/// Issue 13 (Priya, with a screen reader): `--plain` still drew `[ ]`,
/// `>`, `→`, `·`, `–` and arrows in the wizards (menus, ticks, hints,
/// echo lines), the tables and the command output. Every main screen, in a
/// real terminal: words, no symbols; and Misaki's name with its U+3000.
#[cfg(unix)]
#[test]
fn plain_screens_say_it_in_words() {
    use crate::keys::Tmux;
    let env = priyas_plan();
    // The commands that show the plan, in a terminal 60 columns wide.
    for args in [
        &["now"][..],
        &["show"],
        &["trigger", "list"],
        &["coping", "list"],
        &["contact", "list"],
        &["step", "list"],
        &["warning-sign", "list"],
        &["history"],
        &["diff", "1", "10"],
        &["review", "--since", "2026-01-01"],
        &["practice"],
        &["rehearse", "--list"],
    ] {
        let mut all = vec!["--plain"];
        all.extend(args);
        let t = Tmux::start(&env, &all, 60);
        t.wait_until_ended();
        let screen = t.scrollback();
        no_symbols(&all.join(" "), &screen);
        if ["now", "show", "contact"].contains(&args[0]) {
            assert!(screen.contains(MISAKI), "{all:?}:\n{screen}");
        }
    }
    // A missing rating is said in words.
    let t = Tmux::start(&env, &["--plain", "trigger", "list"], 60);
    t.wait_until_ended();
    assert!(
        t.scrollback().contains("not rated yet"),
        "{}",
        t.scrollback()
    );

    // check-in: a menu with no choice yet, ticks, echo lines.
    let t = Tmux::start(&env, &["--plain", "check-in"], 60);
    t.wait_for("Your answer:");
    t.type_text("5");
    t.keys(&["Enter"]);
    // The hint's words are held together by no-break spaces.
    let screen = t.wait_for("Partly").replace('\u{a0}', " ");
    assert!(screen.contains("use the down arrow key"), "{screen}");
    t.keys(&["Down", "Enter"]);
    let screen = t.wait_for("not ticked: Pacing at night");
    assert!(
        screen.contains("chosen: not ticked: Pacing at night"),
        "{screen}"
    );
    t.keys(&["Space"]);
    let screen = t.wait_for("chosen: ticked: Pacing at night");
    no_symbols("check-in ticks", &screen);
    // Enter on a menu with nothing chosen: said in words.
    t.keys(&["Enter"]);
    t.wait_for("Which coping");
    t.keys(&["Enter", "Enter"]);
    t.wait_for("Distress");
    t.keys(&["C-c"]);
    t.wait_until_ended();
    no_symbols("check-in", &t.scrollback());

    // rank: the ratings.
    let t = Tmux::start(&env, &["--plain", "rank"], 60);
    let screen = t.wait_for("How likely");
    assert!(screen.contains("the up and down arrow keys"), "{screen}");
    t.keys(&["Down", "Enter"]);
    t.wait_for("How strong");
    t.keys(&["C-c"]);
    t.wait_until_ended();
    no_symbols("rank", &t.scrollback());

    // rehearse: the scene, what she said, her plan with Misaki's number.
    let t = Tmux::start(&env, &["--plain", "rehearse", "1"], 60);
    t.wait_for("Your answer:");
    t.type_text("Breathe");
    t.keys(&["Enter"]);
    let screen = t.wait_for("How much of your plan");
    t.keys(&["C-c"]);
    t.wait_until_ended();
    no_symbols("rehearse", &t.scrollback());
    assert!(!screen.is_empty());

    // map: the list and its "What next?" menu.
    let t = Tmux::start(&env, &["--plain", "map"], 60);
    t.wait_for("What next?");
    t.keys(&["C-c"]);
    t.wait_until_ended();
    no_symbols("map", &t.scrollback());

    // new, from the start: the keys, the country menu, a heading, a name.
    let fresh = Env::new();
    let t = Tmux::start(&fresh, &["--plain", "new"], 60);
    t.wait_for("Which country");
    // The keys line is above the menu, in the scrollback.
    let said = t
        .scrollback()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(said.contains("the up and down arrow keys"), "{said}");
    t.keys(&["Enter"]);
    t.wait_for("Your name on the plan?");
    t.type_text(MISAKI);
    t.keys(&["Enter"]);
    t.wait_for("What keeps you going?");
    let screen = t.scrollback();
    t.keys(&["C-c"]);
    t.wait_until_ended();
    no_symbols("new", &t.scrollback());
    // Her name on the echo line, as typed.
    assert!(screen.contains(MISAKI), "{screen}");
}

/// The backquoted `relapse-plan …` commands in `text`, each as it stands
/// on its line, and whether every backquote on every line is paired.
fn hint_commands(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for line in text.lines() {
        assert_eq!(
            line.matches('`').count() % 2,
            0,
            "a command broken:\n{text}"
        );
        for (i, piece) in line.split('`').enumerate() {
            if i % 2 == 1 && piece.starts_with("relapse-plan ") {
                found.push(piece.to_string());
            }
        }
    }
    found
}

/// Issue 13: at 40 columns the wrapper broke a backquoted command at a
/// space or a `/` (`relapse-plan validate '/tmp/…/my plans/` on one line,
/// `plan.toml'` on the next), so the command pasted from the screen
/// failed. Each is kept whole; pasted, it runs.
#[cfg(unix)]
#[test]
fn a_hint_command_at_40_columns_pastes_whole_and_runs() {
    use crate::keys::Tmux;
    let env = Env::new();
    let dir = env.home().join("my plans/the one");
    let dir_arg = dir.display().to_string();
    env.ok(["--plan-dir", &dir_arg, "init"]);
    env.ok(["--plan-dir", &dir_arg, "step", "add", "Call Mia"]);
    let plan = dir.join("plan.toml");
    let mut text = std::fs::read_to_string(&plan).unwrap();
    text.push_str("broken = [\n");
    std::fs::write(&plan, text).unwrap();
    let t = Tmux::start(&env, &["--plan-dir", &dir_arg, "now"], 40);
    // Waited for by its words: a loaded machine can show a dead pane
    // before its output.
    t.wait_for("says what to fix");
    t.wait_until_ended();
    // As copying gives it: rows the terminal wrapped by itself joined.
    let screen = t.scrollback_joined();
    let commands = hint_commands(&screen);
    let validate = commands
        .iter()
        .find(|c| c.contains(" validate "))
        .unwrap_or_else(|| panic!("no validate hint:\n{screen}"));
    assert!(validate.contains(&dir_arg), "{validate}");
    // Pasted into a shell: it checks this plan's file, and finds the fault.
    let pasted = validate.replacen("relapse-plan", "\"$0\"", 1);
    let ran = env.shell(&pasted).status(1).run();
    let said = format!("{}{}", ran.stdout, ran.stderr);
    assert!(said.contains("plan.toml"), "{said}");
    assert!(said.contains("line"), "{said}");
    // Every hint on that screen is whole and names this plan's folder.
    for command in &commands {
        assert!(command.contains(&dir_arg), "{command}\n{screen}");
    }
}

/// Issue 13: a line separator (U+2028) in stored text was written out
/// as `\u{2028}` on one screen and left out on paper, where the two lines
/// ran into one word. One rule, " / ", on screen and on paper; stored as
/// it was.
#[test]
fn a_line_separator_reads_the_same_on_screen_and_paper() {
    let env = Env::new();
    env.ok(["init"]);
    env.ok(["step", "add", "Call Mia then walk"]);
    env.edit_plan_by_hand(
        "text = \"Call Mia then walk\"",
        "text = \"Call Mia\u{2028}then walk\"",
    );
    let stored = std::fs::read_to_string(env.plan_file()).unwrap();
    let shown = "Call Mia / then walk";
    for args in [
        vec!["now"],
        vec!["--plain", "now"],
        vec!["show"],
        vec!["step", "list"],
        vec!["print"],
        vec!["print", "--format", "html"],
        vec!["print", "--format", "markdown"],
    ] {
        let out = env.ok(&args);
        assert!(out.contains(shown), "{args:?}:\n{out}");
        assert!(
            !out.contains("\\u{2028}") && !out.contains('\u{2028}'),
            "{args:?}:\n{out}"
        );
    }
    assert_eq!(std::fs::read_to_string(env.plan_file()).unwrap(), stored);
    assert!(stored.contains('\u{2028}'));
}

/// Issue 13: hints other than `validate`'s left out `--plan-dir` when the
/// plan was not in the default folder, so `relapse-plan history` pasted
/// from a hint showed another plan, or none. Given by the flag, every
/// suggested command names the folder in use; by `RELAPSE_PLAN_DIR`, none
/// does, as the same shell finds it again.
#[test]
fn hint_commands_name_the_folder_in_use() {
    let env = Env::new();
    let dir = env.home().join("my plans/the one");
    let dir_arg = dir.display().to_string();
    let quoted = format!("--plan-dir '{dir_arg}'");
    // By the flag: an error's hint, pasted, runs on this plan.
    let started = env.test(["--plan-dir", &dir_arg, "init"]).run().stderr;
    assert!(
        started.contains(&format!("`relapse-plan {quoted} step add \"…\"`")),
        "{started}"
    );
    let said = env.fails(1, ["--plan-dir", &dir_arg, "restore", "9"]);
    let history = hint_commands(&said)
        .into_iter()
        .find(|c| c.ends_with(" history"))
        .unwrap_or_else(|| panic!("no history hint:\n{said}"));
    assert_eq!(history, format!("relapse-plan {quoted} history"));
    let pasted = history.replacen("relapse-plan", "\"$0\"", 1);
    let listed = env.shell(&pasted).run().stdout;
    assert!(listed.contains("started the plan"), "{listed}");
    // By the variable, already set in her shell, it is not named: the
    // pasted command finds the folder the same way, and stays short
    // enough to copy at 50 columns (issue 13, Farida).
    let said = env
        .test(["restore", "9"])
        .env("RELAPSE_PLAN_DIR", &dir)
        .status(1)
        .run()
        .stderr;
    assert!(said.contains("`relapse-plan history`"), "{said}");
    assert!(!said.contains("--plan-dir"), "{said}");
}

/// The commands `text` suggests, each as the person would copy it: in
/// backquotes, or alone on a line of its own ("  relapse-plan rehearse
/// 1"). Help, which names no plan, is left out.
fn suggested(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for line in text.lines() {
        let alone = line.trim_start();
        if alone.starts_with("relapse-plan ") && !alone.contains('`') {
            found.push(alone.to_string());
        }
    }
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for (i, piece) in joined.split('`').enumerate() {
        if i % 2 == 1 && piece.starts_with("relapse-plan ") && !piece.contains("--help") {
            found.push(piece.to_string());
        }
    }
    found
}

/// Issue 13 (task plain13m): the hints that commands lay out on a screen
/// of their own (`show`'s "none yet", `now`'s country line, `practice`,
/// `rehearse --list`, a check-in's offer to rehearse, `homework start`
/// and `status`) named no folder, unlike those said in a message, so
/// followed as written they acted on another plan. Every command a
/// client runs, on an empty plan and a full one: every command it
/// suggests names this plan's folder when `--plan-dir` gave it (from
/// `RELAPSE_PLAN_DIR` the shell finds it again: issue 13, Farida).
#[test]
fn every_hint_in_every_command_names_the_folder() {
    let dir_word = |env: &Env| format!("relapse-plan --plan-dir {} ", env.plan_dir().display());
    let empty = Env::new();
    empty.ok(["init"]);
    let full = Env::with_example();
    let homework = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/homework.toml");
    let homework = homework.to_str().unwrap();
    let mut seen = 0;
    for env in [&empty, &full] {
        let runs: &[&[&str]] = &[
            &["show"],
            &["now"],
            &["lines"],
            &["trigger", "list"],
            &["coping", "list"],
            &["contact", "list"],
            &["step", "list"],
            &["warning-sign", "list"],
            &["reason", "list"],
            &["lapse", "list"],
            &["history"],
            &["review"],
            &["practice"],
            &["rehearse", "--list"],
            &["trends"],
            &["homework", "start", homework],
            &["homework", "status"],
            &[
                "check-in",
                "--urge",
                "9",
                "--acted",
                "yes",
                "--distress",
                "8",
            ],
            &[
                "check-in",
                "--urge",
                "9",
                "--acted",
                "no",
                "--distress",
                "9",
            ],
            &["now"],
            &["show"],
        ];
        for args in runs {
            let ran = env
                .test(*args)
                .arg("--plan-dir")
                .arg(env.plan_dir())
                .env("COLUMNS", "60")
                .run();
            let said = format!("{}{}", ran.stdout, ran.stderr);
            for command in suggested(&said) {
                assert!(
                    command.starts_with(&dir_word(env)),
                    "{args:?}: {command:?} in\n{said}"
                );
                seen += 1;
            }
        }
    }
    // The empty plan's "none yet" hints, the check-in's offer and the
    // homework's own lines are among them.
    assert!(seen >= 20, "{seen} commands seen");
}

/// Issue 13 (task plain13m): the hint under the hand-in preview names the
/// plan's folder; the command a therapist is told their client runs never
/// names the therapist's.
#[cfg(unix)]
#[test]
fn the_hand_in_hint_names_her_folder_and_the_clients_command_names_none() {
    use crate::keys::Tmux;
    let env = Env::with_example();
    let homework = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/homework.toml");
    env.ok(["homework", "start", homework.to_str().unwrap()]);
    let out = env.home().join("hand-in.toml");
    // Given by `--plan-dir`, the folder is named (from the variable alone
    // it would not be: her shell finds it again).
    let dir = env.plan_dir();
    let t = Tmux::start(
        &env,
        &[
            "--plan-dir",
            dir.to_str().unwrap(),
            "homework",
            "submit",
            "-o",
            out.to_str().unwrap(),
        ],
        100,
    );
    t.wait_for("Write it?");
    let screen = t.scrollback_joined();
    let all: Vec<String> = suggested(&screen);
    assert!(
        all.contains(&format!(
            "relapse-plan --plan-dir {} homework submit -o - --yes",
            dir.display()
        )),
        "{all:?}\n{screen}"
    );
    t.keys(&["n", "Enter"]);
    t.wait_until_ended();
    // The therapist's folder is theirs alone: the client runs it in hers.
    let given = env.home().join("therapist");
    let said = env
        .test([
            "--plan-dir",
            given.to_str().unwrap(),
            "homework",
            "assign",
            "-o",
            env.home().join("hw.toml").to_str().unwrap(),
            "--therapist",
            "Dr Rao",
            "--due",
            "2026-12-20",
            "--task",
            "map-triggers=1",
        ])
        .run()
        .stderr;
    assert!(
        said.contains("Your client starts it with `relapse-plan homework start "),
        "{said}"
    );
    assert!(!said.contains("--plan-dir"), "{said}");
}

/// What `--plain` must never show, as task plain13m lists it: a middle
/// dot, an ellipsis (as a placeholder or a cut), curly quotes, a rating
/// "out of five" as "5/5".
const NOT_PLAIN: &[&str] = &["·", "…", "“", "”", "‘", "’", "/5"];

/// Every command a client uses, on files `[printed, exported vCards,
/// vCards to import, homework]`, with the exit each should have: the
/// mistakes (no such revision, trigger, person) are said plainly too.
fn client_commands(files: [&str; 4]) -> Vec<(Vec<&str>, i32)> {
    vec![
        (vec!["show"], 0),
        (vec!["now"], 0),
        (vec!["lines"], 0),
        (vec!["trigger", "list"], 0),
        (vec!["coping", "list"], 0),
        (vec!["contact", "list"], 0),
        (vec!["step", "list"], 0),
        (vec!["warning-sign", "list"], 0),
        (vec!["reason", "list"], 0),
        (vec!["lapse", "list"], 0),
        (vec!["safety", "list"], 0),
        (vec!["maintenance", "list"], 0),
        (vec!["history"], 0),
        (vec!["diff"], 0),
        (vec!["review", "--since", "2026-01-01"], 0),
        (vec!["practice"], 0),
        (vec!["rehearse", "--list"], 0),
        (vec!["trends"], 0),
        (vec!["print"], 0),
        (vec!["print", "--card"], 0),
        (vec!["print", "--force", "-o", files[0]], 0),
        (vec!["contact", "export", "--force", "-o", files[1]], 0),
        (vec!["contact", "import", files[2], "--yes"], 0),
        (vec!["homework", "start", files[3]], 0),
        (vec!["homework", "status"], 0),
        (
            vec![
                "check-in",
                "--urge",
                "9",
                "--acted",
                "yes",
                "--distress",
                "8",
            ],
            0,
        ),
        (vec!["surf", "--ratings", "7,8,6,4,2"], 0),
        (vec!["step", "add", "Call Jo"], 0),
        (vec!["step", "follow-through", "1"], 0),
        (vec!["set", "--next-review", "2027-01-04"], 0),
        (vec!["trigger", "remove", "99"], 1),
        (vec!["restore", "99"], 1),
        (vec!["contact", "remove", "nobody"], 1),
        (vec!["path"], 0),
    ]
}

/// Issue 13 (task plain13m, Priya with a screen reader and a braille
/// display): `--plain` still showed "·" in `contact import` and `export`
/// and in `print`, "…" as a placeholder (`--phone "…"`) and as a cut,
/// curly quotes around her words, "5/5", and "- " bullets in `homework
/// start`. Every command a client uses, with `--plain`, on a full plan:
/// none of them, anywhere.
#[test]
fn every_client_command_with_plain_says_it_in_words() {
    let env = Env::with_example();
    let data = Path::new(env!("CARGO_MANIFEST_DIR"));
    let homework = data.join("examples/homework.toml");
    let vcards = data.join("tests/data/contacts.vcf");
    let vcf_out = env.home().join("out.vcf");
    let printed = env.home().join("plan.txt");
    // A situation long enough to be cut where a line is short.
    env.ok([
        "trigger",
        "add",
        "Friday payday when everyone from work goes to the pub and asks me along again",
    ]);
    let (printed, vcf_out) = (printed.to_str().unwrap(), vcf_out.to_str().unwrap());
    let files = [
        printed,
        vcf_out,
        vcards.to_str().unwrap(),
        homework.to_str().unwrap(),
    ];
    // Each at 50 and at 100 columns.
    let runs = client_commands(files);
    for (args, code) in &runs {
        for columns in ["50", "100"] {
            let mut all = vec!["--plain"];
            all.extend(args);
            let ran = env.test(&all).env("COLUMNS", columns).status(*code).run();
            let said = format!("{}{}", ran.stdout, ran.stderr);
            for symbol in NOT_PLAIN {
                assert!(
                    !said.contains(symbol),
                    "{all:?} at {columns}: {symbol:?} in\n{said}"
                );
            }
            if args[0] == "homework" {
                assert!(!said.contains("  - "), "{all:?}: a dash bullet in\n{said}");
            }
        }
    }
    // Her words are whole, not cut, where a line is short.
    let review = env
        .test(["--plain", "review", "--since", "2026-01-01"])
        .env("COLUMNS", "50")
        .run()
        .stdout;
    let flat = review.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("and asks me along again\""), "{review}");
    // A placeholder is said as what goes there.
    let said = env
        .test(["--plain", "step", "follow-through", "1"])
        .run()
        .stdout;
    assert!(said.contains("--in-the-way \"IN-THE-WAY\""), "{said}");
    // Ratings in words.
    let shown = env.ok(["--plain", "show"]);
    assert!(shown.contains("likely 4 of 5"), "{shown}");
}

/// Issue 13 (task plain13m): the summary at the end of `new`, with
/// `--plain`, was a padded table with her words cut by "…": a short
/// sentence a part, every word of it, at 50 and 100 columns.
#[cfg(unix)]
#[test]
fn the_summary_of_new_with_plain_is_sentences_nothing_cut() {
    use crate::keys::Tmux;
    const LONG: &str = "Being there for my daughter Mia when she starts school next September";
    for columns in [50, 100] {
        let env = Env::new();
        // Answers waiting at the summary: every part of `new` done.
        let mut plan: toml::Table = std::fs::read_to_string(crate::example_plan())
            .unwrap()
            .parse()
            .unwrap();
        let mut reason = toml::Table::new();
        reason.insert("text".into(), LONG.into());
        plan.insert(
            "reasons".into(),
            toml::Value::Array(vec![reason.into(), {
                let mut t = toml::Table::new();
                t.insert("text".into(), "Saturday mornings".into());
                t.into()
            }]),
        );
        let mut draft = toml::Table::new();
        draft.insert("schema_version".into(), 1.into());
        draft.insert("wizard".into(), "new".into());
        draft.insert(
            "started_at".into(),
            toml::Value::Datetime(crate::NOW.parse().unwrap()),
        );
        draft.insert("base_revision".into(), 0.into());
        let done: Vec<toml::Value> = [
            "about",
            "reasons",
            "warning-signs",
            "triggers",
            "ranking",
            "responses",
            "contacts",
            "crisis-steps",
            "follow-through",
            "safer-environment",
            "lapse-plan",
            "maintenance",
            "supporters",
            "review",
        ]
        .into_iter()
        .map(Into::into)
        .collect();
        draft.insert("done".into(), toml::Value::Array(done));
        draft.insert("plan".into(), plan.into());
        std::fs::create_dir_all(env.plan_dir()).unwrap();
        std::fs::write(
            env.plan_dir().join("draft.toml"),
            toml::to_string(&draft).unwrap(),
        )
        .unwrap();
        let t = Tmux::start(&env, &["--plain", "new"], columns);
        t.wait_for("What now?");
        t.keys(&["Enter"]);
        t.wait_for("Save my plan");
        let screen = t.scrollback();
        t.keys(&["C-c"]);
        t.wait_until_ended();
        let flat = screen.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            flat.contains(&format!("Your reasons: {LONG} and 1 more.")),
            "{columns}:\n{screen}"
        );
        assert!(
            flat.contains("Your name and country: Sam, United Kingdom."),
            "{screen}"
        );
        no_symbols(&format!("summary at {columns}"), &screen);
        for line in screen.lines() {
            assert!(
                textwrap::core::display_width(line) <= usize::from(columns),
                "{line:?}\n{screen}"
            );
        }
    }
}

/// Fresh-eyes testers, issue 13: with `--plain` (or a terminal too narrow
/// for the table) each block started with a number after its label
/// ("Name: 1. Alex (sponsor)", "Strategy: 1. Urge surfing"): a number read
/// where her words belong. The number commands take now leads the block,
/// and the label is followed by her words alone.
#[test]
fn a_labelled_list_reads_her_words_after_each_label() {
    let env = Env::with_example();
    for (args, first) in [
        (
            &["contact", "list", "--plain"][..],
            "1. Name: Alex (sponsor)",
        ),
        (
            &["contact", "list", "--plain"],
            "3. Name: Dr Patel, Riverside Surgery",
        ),
        (&["trigger", "list", "--plain"], "1. Trigger: Friday payday"),
        (
            &["coping", "list", "--plain"],
            "2. Strategy: Take the long way home",
        ),
    ] {
        let out = env.ok(args);
        assert!(out.contains(first), "{args:?}: {first}\n{out}");
        for label in ["Name", "Trigger", "Strategy"] {
            assert!(
                !out.lines().any(|l| {
                    l.split_once(&format!("{label}: "))
                        .is_some_and(|(_, rest)| rest.starts_with(|c: char| c.is_ascii_digit()))
                }),
                "{args:?}: a number after {label}:\n{out}"
            );
        }
    }
}
