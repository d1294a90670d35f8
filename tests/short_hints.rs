//! Issue 13, task words17m (Farida, Urdu, Karachi, 50 columns): the
//! commands the program tells her to run are ones she can copy.

use std::fs;
use std::path::Path;

use crate::Env;
use crate::keys::Tmux;

/// Farida's folder came from `RELAPSE_PLAN_DIR`, already set in her
/// shell, yet every hint named `--plan-dir /tmp/fe12-farida/plan`: at 50
/// columns `homework start`'s "`relapse-plan --plan-dir … homework s`" /
/// "`tatus`" ran past the edge and the terminal cut it mid-word. Now the
/// hint is `relapse-plan homework status`, whole on one line.
#[cfg(unix)]
#[test]
fn at_50_columns_the_homework_hints_are_whole_and_short() {
    let env = Env::with_example();
    let homework = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/homework.toml");
    let t = Tmux::start(&env, &["homework", "start", homework.to_str().unwrap()], 50);
    t.wait_until_ended();
    let screen = t.scrollback();
    assert!(!screen.contains("--plan-dir"), "{screen}");
    assert!(
        screen
            .lines()
            .any(|l| l.contains("`relapse-plan homework status`")),
        "{screen}"
    );
    // Every command on the screen opens and closes on one line: none was
    // cut by the terminal at its edge.
    for line in screen.lines() {
        assert_eq!(line.matches('`').count() % 2, 0, "{line:?} in\n{screen}");
    }
}

/// Given by the `--plan-dir` flag, the folder is still named in a hint
/// (the command would act on another plan without it); from the variable
/// alone it is not.
#[test]
fn a_hint_names_the_folder_only_when_the_flag_gave_it() {
    let env = Env::with_example();
    let dir = env.plan_dir();
    let said = env.fails(1, ["step", "remove", "9"]);
    assert!(said.contains("hint: `relapse-plan step list`"), "{said}");
    let said = env.fails(
        1,
        ["--plan-dir", dir.to_str().unwrap(), "step", "remove", "9"],
    );
    assert!(
        said.contains(&format!(
            "hint: `relapse-plan --plan-dir {} step list`",
            dir.display()
        )),
        "{said}"
    );
}

/// The commands under "numbers written as your own" in an imported file
/// stand on lines of their own, and with `--plan-dir` lacked the folder:
/// pasted, they set the number in another plan.
#[test]
fn an_own_line_offered_by_an_import_names_the_flags_folder() {
    let env = Env::new();
    env.ok(["init", "--name", "Farida", "--country", "PK"]);
    let dir = env.plan_dir();
    let file = env.home().join("from-someone.vcf");
    fs::write(
        &file,
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Night Line\r\nTEL:0800 555 0123\r\n\
         NOTE:A crisis line I added: call 0800 555 0123.\r\n\
         CATEGORIES:My crisis plan\r\nEND:VCARD\r\n\
         BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Samina\r\nTEL:0300 555 0142\r\nEND:VCARD\r\n",
    )
    .unwrap();
    let said = env
        .test([
            "--plan-dir",
            dir.to_str().unwrap(),
            "contact",
            "import",
            file.to_str().unwrap(),
            "--yes",
        ])
        .run()
        .stderr;
    assert!(
        said.contains(&format!(
            "\n    relapse-plan --plan-dir {} set --own-line 'Night Line' --call '0800 555 0123'\n",
            dir.display()
        )),
        "{said}"
    );
}

/// Linh, Farida: "left off: 2 warning signs … the full plan has it
/// whole": several things left off are "them".
#[test]
fn things_left_off_the_lock_screen_are_them() {
    let env = Env::with_example();
    let file = env.home().join("lock.png");
    let said = env
        .test([
            "print",
            "--card",
            "--format",
            "png",
            "-o",
            file.to_str().unwrap(),
        ])
        .run()
        .stderr;
    let said = said.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        said.contains("warning signs; the full plan has them whole."),
        "{said}"
    );
    assert!(
        !said.contains("signs; the full plan has it whole"),
        "{said}"
    );
}

/// Farida, in Karachi, types her review date in Urdu digits: it was read
/// right but said back with a Solar Hijri date "(۱۴ آذر ۱۴۰۵)", and a
/// date it could not read was shown an Iranian example. Pakistan keeps
/// the Gregorian calendar: neither is said.
#[test]
fn urdu_digits_in_pakistan_are_said_back_in_her_calendar() {
    let env = Env::new();
    env.ok(["init", "--name", "Farida", "--country", "PK"]);
    let said = env.test(["set", "--next-review", "۵/۱۲/۲۰۲۶"]).run().stderr;
    assert!(said.contains("next review on 5 December 2026"), "{said}");
    assert!(!said.contains("آذر") && !said.contains("۱۴۰۵"), "{said}");
    let said = env.fails(2, ["set", "--next-review", "۵/۱۲"]);
    assert!(said.contains("2027-03-31"), "{said}");
    assert!(!said.contains("فروردین"), "{said}");
}
