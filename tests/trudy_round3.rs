//! Fresh eyes, round 3 (Trudy, attacker): a surf's ratings capped at a
//! real session's and never said back whole, `set --ics` that could not
//! write the calendar file saying the change was saved, the no-terminal
//! hint keeping her `--note`, and no bold codes for `TERM=dumb`.

use crate::Env;

/// 60,000 ratings in one call were logged; 18 such calls filled
/// practice.toml to its limit, and the refusal repeated the whole list.
#[test]
fn a_surf_logs_the_ratings_of_one_real_session_at_most() {
    let env = Env::with_example();
    let many = vec!["5"; 60_000].join(",");
    let ran = env.test(["surf", "--ratings", &many]).status(2).run();
    assert!(
        ran.stderr.contains(
            "that is 60000 ratings, and one surf logs at most 121: one a minute for two hours"
        ),
        "{}",
        ran.stderr
    );
    assert!(
        ran.stderr.len() < 600,
        "never said back whole: {}",
        ran.stderr
    );
    assert!(
        !env.plan_dir().join("practice.toml").exists(),
        "nothing logged"
    );
    // A long list that is no ratings is said back by its start only.
    let wrong = format!("{},x{}", vec!["7"; 100].join(","), "y".repeat(5_000));
    let ran = env.test(["surf", "--ratings", &wrong]).status(2).run();
    assert!(
        ran.stderr.contains("should be urge ratings from 0 to 10"),
        "{}",
        ran.stderr
    );
    assert!(
        ran.stderr.len() < 600,
        "never said back whole: {}",
        ran.stderr
    );
    // Two hours at one a minute, and the first, is still one surf.
    let longest = vec!["4"; 121].join(",");
    env.test(["surf", "--ratings", &longest]).run();
    assert!(env.plan_dir().join("practice.toml").exists());
}

/// `set --next-review … --ics /dev/full` said "Saved revision 4", then
/// "nothing was changed; free some space", and a retry "Nothing changed":
/// the date was saved; only the calendar file was not written.
#[test]
fn a_calendar_file_that_cannot_be_written_says_the_change_was_saved() {
    assert!(
        std::path::Path::new("/dev/full").exists(),
        "this test needs /dev/full"
    );
    let env = Env::with_example();
    let ran = env
        .test(["set", "--next-review", "2027-03-10", "--ics", "/dev/full"])
        .status(1)
        .run();
    let said = ran.stderr.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        said.contains("Saved revision 4: next review on 10 March 2027, a Wednesday."),
        "{said}"
    );
    assert!(!said.contains("nothing was changed"), "{said}");
    assert!(
        said.contains("Your change was saved, as said above; only the calendar file was not written. Once that is put right, `relapse-plan set --ics"),
        "{said}"
    );
    assert!(
        said.contains("set --ics /dev/full` writes it again"),
        "{said}"
    );
    assert_eq!(
        env.plan().review.next.unwrap().to_string(),
        "2027-03-10",
        "the date is saved"
    );
    // The way out it names writes the file.
    let ics = env.home().join("review.ics");
    env.test(["set", "--ics", ics.to_str().unwrap()]).run();
    assert!(std::fs::read_to_string(&ics).unwrap().contains("20270310"));
}

/// `check-in --note onlynote` without a terminal suggested a command
/// without her note.
#[test]
fn the_check_in_without_a_terminal_keeps_her_note_in_the_command_it_shows() {
    let env = Env::with_example();
    let ran = env
        .test(["check-in", "--note", "rang my sister"])
        .stdin(Vec::new())
        .status_any()
        .run();
    assert!(
        ran.stderr
            .contains("check-in --urge 3 --acted no --distress 4 --note 'rang my sister'`"),
        "{}",
        ran.stderr
    );
}

/// `TERM=dumb` shows escape codes as they are: `now` sent `\e[1m`.
#[cfg(unix)]
#[test]
fn a_dumb_terminal_gets_no_bold_codes() {
    let env = Env::with_example();
    let shown = |term: &str| {
        let mut p = env.test(["now"]).env("TERM", term).pty_raw();
        p.eof()
    };
    assert!(
        shown("xterm").contains("\u{1b}[1m"),
        "bold on a real terminal"
    );
    let dumb = shown("dumb");
    assert!(dumb.contains("Do these, in order"), "{dumb}");
    assert!(!dumb.contains('\u{1b}'), "{dumb:?}");
}

/// A damaged check-ins.toml and practice.toml were said in the TOML
/// reader's terms ("key with no value, expected `=`", "unclosed array,
/// expected `]`"); they are said in words, as the plan's are, with the
/// file, the line and what to do. (One wording for plan and logs alike:
/// guard14e's, which clock14h's was merged into.)
#[test]
fn a_damaged_log_is_said_in_words() {
    let env = Env::with_example();
    let cases: [(&str, &str, &[&str], &str); 4] = [
        (
            "check-ins.toml",
            "version 1\n",
            &["trends", "--days", "30"],
            "line 1, column 9: this line should be a name, an =, and a value",
        ),
        (
            "check-ins.toml",
            "version = [1\n",
            &["trends"],
            "line 1, column 13: a list in [ ] is not written right here",
        ),
        (
            "practice.toml",
            "version 1\n",
            &["practice"],
            "line 1, column 9: this line should be a name, an =, and a value",
        ),
        (
            "practice.toml",
            "version = 1\n[[exercises]\n",
            &["practice"],
            "a heading in [ ] or [[ ]] is not closed here: a ] is missing at its end",
        ),
    ];
    for (name, text, args, said) in cases {
        let path = env.plan_dir().join(name);
        std::fs::write(&path, text).unwrap();
        let err = env.test(args).case(text).status(1).run().stderr;
        assert!(
            err.contains(&format!("`{}` can't be read as the", path.display()))
                && err.contains(said),
            "{text}: {err}"
        );
        assert!(err.contains("move the file aside"), "{text}: {err}");
        for jargon in ["expected `", "key with no value", "unclosed array"] {
            assert!(!err.contains(jargon), "{text}: {jargon:?} in {err}");
        }
        std::fs::remove_file(&path).unwrap();
    }
}
