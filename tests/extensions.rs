//! Fresh eyes, round 17 (Trudy and lock17a, issue 12): an extension
//! written as people write one ("ext 99", "x99", "ext. 12") is an
//! extension, not letters that only look like digits; and hand-edited
//! files never lose her words silently.

use crate::Env;

/// Sam's plan (GB) with one person to call, whose number is `phone`.
fn with_number(phone: &str) -> (Env, String) {
    let env = Env::new();
    env.ok(["init", "--name", "Sam", "--country", "GB"]);
    env.ok(["step", "add", "Call someone"]);
    let added = env
        .test([
            "contact", "add", "--name", "Bob", "--role", "help", "--phone", phone,
        ])
        .run();
    (env, added.stderr)
}

/// "020 7946 0000 ext 99" was called "holds letters or characters that
/// only look like digits" when typed, on `now`, in the HTML (no link) and
/// by `validate`. Each written form is an extension: said nowhere as a
/// look-alike, and the link dials the number with `;ext=`, never the
/// extension's digits as part of the number.
#[test]
fn a_written_extension_is_no_look_alike() {
    for (phone, link) in [
        ("020 7946 0000 ext 99", "tel:02079460000;ext=99"),
        ("020 7946 0000 x99", "tel:02079460000;ext=99"),
        ("+44 20 7946 0005 ext. 12", "tel:+442079460005;ext=12"),
        ("+44 20 7946 0005 Extension 4", "tel:+442079460005;ext=4"),
        ("020 7946 0000p99", "tel:02079460000;ext=99"),
        ("020 7946 0000 w 99", "tel:02079460000;ext=99"),
    ] {
        let (env, said) = with_number(phone);
        assert!(!said.contains("look like digits"), "{phone}: {said}");
        let now = env.test(["now"]).run();
        assert!(now.stdout.contains(phone), "{phone}: {now:?}");
        assert!(
            !now.stdout.contains("look like digits") && !now.stderr.contains("look like digits"),
            "{phone}: {now:?}"
        );
        let html = env.ok(["print", "--format", "html", "-o", "-"]);
        assert!(
            html.contains(&format!("href=\"{link}\"")),
            "{phone}: {html}"
        );
        assert!(!html.contains("look like digits"), "{phone}: {html}");
        let checked = env
            .test(["validate", env.plan_file().to_str().unwrap()])
            .run();
        assert!(
            !checked.stdout.contains("look like digits")
                && !checked.stderr.contains("look like digits"),
            "{phone}: {checked:?}"
        );
    }
}

/// A real look-alike beside an extension is still one: a Cyrillic "о"
/// for a 0, in the number or in the extension, gets a word and no link.
#[test]
fn a_look_alike_beside_an_extension_is_still_named() {
    for phone in ["020 7946 0000 ext 9\u{43e}", "020 7946 00\u{43e}0 ext 99"] {
        let (env, said) = with_number(phone);
        assert!(
            said.contains("only look like digits: check it before you call"),
            "{phone}: {said}"
        );
        let html = env.ok(["print", "--format", "html", "-o", "-"]);
        assert!(!html.contains("href=\"tel:0207946"), "{phone}: {html}");
    }
}

/// The check-in log with one check-in, `extra` hand-written into it.
fn log_with(extra: &str) -> String {
    format!(
        "version = 1\n\n[[check_ins]]\nday = 2026-11-28\ntimes = [2026-11-28T20:00:00Z]\nurge = 3\n{extra}\n"
    )
}

/// Before: `note = "my words"` (the log's key is `notes`) or a misspelt
/// `distres = 7` in check-ins.toml read cleanly, and the next check-in
/// wrote the file without them: her words gone. Now the key is named
/// with its line, by `validate` and by the check-in, and the file is left
/// byte for byte as she wrote it; the check-in waits beside it.
#[test]
fn a_hand_written_key_in_a_check_in_is_named_and_never_dropped() {
    for extra in ["note = \"my words\"", "distres = 7"] {
        let env = Env::new();
        env.ok(["init", "--name", "Sam", "--country", "GB"]);
        let path = env.plan_dir().join("check-ins.toml");
        let text = log_with(extra);
        std::fs::write(&path, &text).unwrap();
        let key = extra.split(' ').next().unwrap();
        let checked = env
            .test(["validate", path.to_str().unwrap()])
            .status_any()
            .run();
        let said = format!("{}{}", checked.stdout, checked.stderr);
        assert!(
            said.contains("line 7") && said.contains(&format!("`{key}`")),
            "{extra}: {said}"
        );
        assert!(!said.contains("reads cleanly"), "{extra}: {said}");
        let saved = env
            .test(["check-in", "--urge", "2"])
            .env("RELAPSE_PLAN_NOW", "2026-11-29T12:00:00Z")
            .status_any()
            .run();
        // The check-in itself is kept beside the log, never refused
        // (days18b: a person in distress must still be able to check in).
        assert!(saved.status.success(), "{extra}: {saved:?}");
        assert!(
            saved.stderr.contains(&format!("`{key}`")),
            "{extra}: {saved:?}"
        );
        assert_eq!(std::fs::read_to_string(&path).unwrap(), text, "{extra}");
        let waiting = env.plan_dir().join("check-ins.waiting.toml");
        let kept = std::fs::read_to_string(&waiting).unwrap();
        assert!(kept.contains("urge = 2"), "{extra}: {kept}");
    }
}

/// A hand-in's `[[check_ins]]` with `situaton = "x"` was reviewed as if
/// it were not there: now refused, the key named with its line.
#[test]
fn a_hand_in_check_in_with_an_unknown_key_is_named() {
    let env = Env::new();
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/hand-in.toml"),
    )
    .unwrap();
    let text = format!(
        "{text}\n[[check_ins]]\nday = 2026-11-27\ntimes = [2026-11-27T20:00:00Z]\nurge = 3\nsituaton = \"x\"\n"
    );
    let line = text.lines().count();
    let file = env.home().join("hand-in.toml");
    std::fs::write(&file, &text).unwrap();
    let ran = env
        .test(["review", file.to_str().unwrap()])
        .status_any()
        .run();
    assert!(!ran.status.success(), "{ran:?}");
    assert!(
        ran.stderr.contains(&format!("line {line}")) && ran.stderr.contains("`situaton`"),
        "{ran:?}"
    );
}

/// `validate` named nothing wrong in a `[[former_phones]]` number that
/// was an escape, empty, blank or letters; each is named now, with no
/// escape reaching the terminal.
#[test]
fn validate_names_a_former_number_that_is_not_one() {
    let (env, _) = with_number("+44 7700 900123");
    for (phone, said) in [
        ("\\u001b[2J07700 900999", "control character"),
        ("", "is empty"),
        ("  ", "is empty"),
        ("abc", "holds no digits"),
    ] {
        let plan = std::fs::read_to_string(env.plan_file()).unwrap();
        let plan = plan.replace("schema_version = 3", "schema_version = 4");
        let plan = format!("{plan}\n[[former_phones]]\ncontact = \"bob\"\nphone = \"{phone}\"\n");
        let dir = env.home().join("former");
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("plan.toml");
        std::fs::write(&file, &plan).unwrap();
        let ran = env
            .test(["validate", file.to_str().unwrap()])
            .status_any()
            .run();
        let out = format!("{}{}", ran.stdout, ran.stderr);
        assert!(out.contains("former number 1 phone"), "{phone:?}: {out}");
        assert!(out.contains(said), "{phone:?}: {out}");
        assert!(!out.contains('\u{1b}'), "{phone:?}: {out}");
    }
}

/// A schema 2 plan holding `[[former_phones]]` was told "came with schema
/// 3; change `schema_version = 2` to 3", at line 1: they are schema 4's,
/// and the line is the entry's.
#[test]
fn former_numbers_in_an_old_plan_are_named_as_schema_4_at_their_line() {
    let env = Env::new();
    let plan = "schema_version = 2\nname = \"Sam\"\n\n[[former_phones]]\ncontact = \"bob\"\nphone = \"07700 900999\"\n";
    let file = env.home().join("old.toml");
    std::fs::write(&file, plan).unwrap();
    let ran = env
        .test(["validate", file.to_str().unwrap()])
        .status_any()
        .run();
    let out = format!("{}{}", ran.stdout, ran.stderr);
    assert!(
        out.contains("`former_phones` came with schema 4; change `schema_version = 2` to 4"),
        "{out}"
    );
    assert!(out.contains("line 4"), "{out}");
}

/// A crisis step holding "021 444 4445 ext 1234" broke on the wallet card
/// between "ext" and its digits. However long the words before it, the
/// extension now stays on the line of its number.
#[test]
fn a_steps_extension_stays_with_its_number_on_the_card() {
    let env = Env::new();
    env.ok(["init", "--name", "Sam", "--country", "NZ"]);
    for pad in 0..10 {
        let step = format!("Ring {} on 021 444 4445 ext 1234", "m".repeat(pad + 4));
        env.ok(["step", "add", &step]);
    }
    let file = env.home().join("card.pdf");
    env.ok(["print", "--card", "-o", file.to_str().unwrap()]);
    let text = crate::tool("pdftotext")
        .arg("-layout")
        .arg(&file)
        .arg("-")
        .case("pdftotext (poppler-utils) reads the card")
        .run()
        .stdout;
    let lines: Vec<String> = text
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    let whole: usize = lines
        .iter()
        .map(|l| l.matches("4445 ext 1234").count())
        .sum();
    let numbers: usize = lines.iter().map(|l| l.matches("4445").count()).sum();
    let apart = numbers - whole;
    assert!(whole > 0 && apart == 0, "{lines:#?}");
}
