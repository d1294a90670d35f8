//! Issue 13: a step that names someone she marked "do not involve" is kept
//! as she wrote it (she may mean "not him"), and said gently: asked in the
//! walk-through, told with the command that changes it on the command
//! line, and shown to whoever checks or reviews the plan. Mei writes in
//! Chinese in Pacific/Auckland, Oksana in Ukrainian in Europe/Berlin.

use std::fs;

use crate::Env;
use crate::oksana::{one_line, utf8};
use crate::terminal::{DOWN, ENTER, answer, at_columns};

/// Mei's plan: her do-not-involve person, and one she may turn to.
fn meis_plan() -> Env {
    let env = Env::new();
    env.ok(["init", "--name", "梅", "--country", "NZ"]);
    env.ok([
        "contact",
        "add",
        "--name",
        "王强",
        "--phone",
        "021 555 0101",
        "--do-not-involve",
    ]);
    env.ok(["contact", "add", "--name", "妈妈", "--role", "help"]);
    env
}

/// In `new`, at 50 columns: a crisis step naming him is kept, and she is
/// asked whether to keep it or change it; "Change it" starts from her
/// words; a step naming no one she marked asks nothing.
#[test]
fn the_walk_through_asks_and_keeps_her_words() {
    let env = meis_plan();
    let mut p = at_columns(&env, &["new"], "50")
        .env("TZ", "Pacific/Auckland")
        .status(130)
        .pty();
    answer(&mut p, "change what you like?", ENTER);
    answer(&mut p, "Your name on the plan?", ENTER);
    answer(&mut p, "What keeps you going?", ENTER);
    answer(&mut p, "What next?", ENTER);
    answer(&mut p, "A sign that things are sliding?", ENTER);
    answer(&mut p, "What next?", ENTER);
    answer(&mut p, "What situation puts you at risk?", ENTER);
    answer(&mut p, "Done with triggers", ENTER);
    answer(&mut p, "Remove someone", ENTER);
    answer(&mut p, "What will you do, in order?", "给王强打电话\r");
    let said = one_line(&utf8(&p.exp_string("Keep it as written").unwrap()));
    assert!(
        said.contains(
            "This step names “王强”, whom you marked not to involve in a crisis. That may be just what you meant."
        ),
        "{said}"
    );
    assert!(said.contains("Keep it as you wrote it?"), "{said}");
    // The cursor starts on neither: a stray Enter never keeps it for her.
    assert!(!said.contains('❯'), "{said}");
    answer(&mut p, "Change it", "keep\r");
    // Someone she may turn to asks nothing.
    answer(&mut p, "What will you do, in order?", "给妈妈打电话\r");
    p.exp_string(&seen("✔ What will you do, in order? · 给妈妈打电话"))
        .unwrap();
    let between = utf8(&p.exp_string("? What will you do, in order?").unwrap());
    assert!(!between.contains("This step names"), "{between}");
    std::thread::sleep(std::time::Duration::from_millis(120));
    p.send("晚上给王强发短信\r").unwrap();
    p.flush().unwrap();
    answer(&mut p, "Change it", &format!("{DOWN}{DOWN}"));
    std::thread::sleep(std::time::Duration::from_millis(120));
    p.send(ENTER).unwrap();
    p.flush().unwrap();
    // Ctrl-U clears her line, as in a shell; her new words name no one
    // marked, so nothing more is asked.
    answer(&mut p, "What should it say?", "\x15晚上出去走走\r");
    p.exp_string(&seen("✔ What should it say? · 晚上出去走走"))
        .unwrap();
    let between = utf8(&p.exp_string("? What will you do, in order?").unwrap());
    assert!(!between.contains("This step names"), "{between}");
    std::thread::sleep(std::time::Duration::from_millis(120));
    p.send(ENTER).unwrap();
    p.flush().unwrap();
    p.exp_string("What next?").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(150));
    p.send_control('c').unwrap();
    p.eof();
    let draft = fs::read_to_string(env.plan_dir().join("draft.toml")).unwrap();
    let kept: Vec<&str> = ["给王强打电话", "给妈妈打电话", "晚上出去走走"]
        .into_iter()
        .filter(|s| draft.contains(s))
        .collect();
    assert_eq!(kept.len(), 3, "{draft}");
    assert!(
        !draft.contains("晚上给王强发短信"),
        "changed, as she chose:\n{draft}"
    );
}

/// `text` as rexpect reads it back: each byte of its UTF-8 a character.
fn seen(text: &str) -> String {
    text.bytes().map(char::from).collect()
}

/// `step add`, `lapse add` and `coping add` save her words and say so
/// plainly, with the command that changes it on a line of its own;
/// `validate` and `review` name each such step for the therapist.
#[test]
fn the_command_line_saves_and_says_and_review_shows_it() {
    let env = meis_plan();
    let said = env
        .test(["step", "add", "给王强打电话"])
        .env("TZ", "Pacific/Auckland")
        .run()
        .stderr;
    assert!(said.contains("added crisis step “给王强打电话”"), "{said}");
    assert!(
        one_line(&said).contains(
            "Your crisis step 1 names “王强”, whom you marked not to involve in a crisis. It is saved as you wrote it; if that is not what you meant, change it with:"
        ),
        "{said}"
    );
    assert!(
        said.lines()
            .any(|l| l == "  relapse-plan step edit 1 \"…\""),
        "{said}"
    );
    assert_eq!(env.plan().crisis_steps[0].text, "给王强打电话");
    // Someone she may turn to, or a name inside a longer word: nothing said.
    let said = env.test(["step", "add", "给妈妈打电话"]).run().stderr;
    assert!(!said.contains("names"), "{said}");
    let said = env.test(["lapse", "edit", "1", "x"]).status(1).run().stderr;
    assert!(!said.contains("names"), "{said}");
    let said = env.test(["lapse", "add", "告诉王强我没事"]).run().stderr;
    assert!(
        said.contains("Your lapse-plan step 1 names “王强”"),
        "{said}"
    );
    let said = env
        .test([
            "coping",
            "add",
            "--name",
            "散步",
            "--step",
            "深呼吸",
            "--step",
            "和王强一起散步",
        ])
        .run()
        .stderr;
    assert!(
        one_line(&said).contains("Your step 2 of “散步” names “王强”"),
        "{said}"
    );
    // By the number `coping list` shows it with, never its id.
    assert!(
        said.contains("  relapse-plan coping edit 1 --remove-step 2 --step \"…\""),
        "{said}"
    );

    let checked = env
        .test(["validate", env.plan_file().to_str().unwrap()])
        .run();
    let said = one_line(&checked.stderr);
    assert!(
        checked.stdout.contains("is a valid plan"),
        "{}",
        checked.stdout
    );
    for place in [
        "Crisis step 1 (“给王强打电话”) names “王强”",
        "Lapse-plan step 1 (“告诉王强我没事”) names “王强”",
        "Step 2 of coping strategy “散步” (“和王强一起散步”) names “王强”",
    ] {
        assert!(said.contains(place), "{place}: {said}");
    }
    let review = env
        .test(["review"])
        .env("TZ", "Pacific/Auckland")
        .env("COLUMNS", "50")
        .run()
        .stdout;
    let worth = one_line(review.split("Worth talking about").nth(1).unwrap());
    assert!(
        worth.contains(
            "crisis step 1 (“给王强打电话”) names “王强”, marked not to involve in a crisis"
        ),
        "{review}"
    );
    assert!(!worth.contains("给妈妈打电话"), "{review}");
}

/// Oksana's Ukrainian, any case, whole words only: "Дмитро" is named in
/// "ДМИТРО", never inside a longer name; editing the step to name him
/// says so too.
#[test]
fn whole_words_in_any_case_and_script() {
    let env = Env::new();
    env.ok(["init", "--name", "Оксана", "--country", "DE"]);
    env.ok(["contact", "add", "--name", "Дмитро", "--do-not-involve"]);
    let said = env
        .test(["step", "add", "Не дзвонити Дмитрові"])
        .env("TZ", "Europe/Berlin")
        .run()
        .stderr;
    assert!(!said.contains("names"), "{said}");
    let said = env
        .test(["step", "edit", "1", "Подзвонити ДМИТРО"])
        .env("TZ", "Europe/Berlin")
        .run()
        .stderr;
    assert!(
        one_line(&said).contains("Your crisis step 1 names “Дмитро”"),
        "{said}"
    );
    assert!(said.contains("  relapse-plan step edit 1 \"…\""), "{said}");
}

/// Trudy (round 9): a vCard saying "The emergency number I added" with
/// the number of her ex made him her "Emergency" on `now` and the card;
/// `set` took it too. Her own numbers are never theirs.
#[test]
fn her_own_numbers_are_never_the_number_of_someone_not_to_involve() {
    let env = crate::Env::new();
    env.ok(["init", "--name", "Trudy", "--country", "NZ"]);
    env.ok([
        "contact",
        "add",
        "--name",
        "Ex Bob",
        "--phone",
        "+64 21 555 0666",
        "--do-not-involve",
    ]);
    let before = env.snapshot_dir();
    for args in [
        &["set", "--emergency-number", "021 555 0666"][..],
        &[
            "set",
            "--own-line",
            "Samaritans NZ",
            "--call",
            "+64215550666",
        ],
    ] {
        let said = env.fails(1, args);
        let flat = said.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            flat.contains(
                "is the number of “Ex Bob”, whom your plan marks not to involve in a crisis"
            ),
            "{said}"
        );
        assert_eq!(env.snapshot_dir(), before, "{args:?} changed the plan");
    }
    // A file whose cards say they are her own numbers, as `contact
    // export` writes them, from a plan that holds his number as hers.
    let other = crate::Env::new();
    other.ok(["init", "--name", "Someone", "--country", "NZ"]);
    other.ok(["set", "--emergency-number", "+64 21 555 0666"]);
    other.ok([
        "set",
        "--own-line",
        "Samaritans NZ",
        "--call",
        "021 555 0666",
    ]);
    let file = env.home().join("hers.vcf");
    other.ok(["contact", "export", "-o", file.to_str().unwrap()]);
    let said = env
        .test(["contact", "import", file.to_str().unwrap(), "--yes"])
        .status_any()
        .run();
    let text = format!("{}{}", said.stdout, said.stderr);
    assert!(
        text.contains(
            "Not imported, as each holds the number or name of someone your plan marks not to involve"
        ),
        "{text}"
    );
    let plan = env.plan();
    assert_eq!(plan.own_lines.emergency, None, "{text}");
    assert!(plan.own_lines.lines.is_empty(), "{text}");
    assert!(
        !text.contains("Everyone in this file is already in your plan"),
        "{text}"
    );
    let now = env.ok(["now"]);
    assert!(!now.contains("555 0666"), "{now}");
}

/// Trudy (round C): a crisis line of her own under the name of someone
/// marked "do not involve" put his name on the crisis screen; a card whose
/// note named an old number brought it in over the one her phone dials.
#[test]
fn her_own_lines_never_carry_his_name_or_a_note_the_card_disagrees_with() {
    let env = crate::Env::new();
    env.ok(["init", "--name", "Trudy", "--country", "NZ"]);
    env.ok([
        "contact",
        "add",
        "--name",
        "Bob",
        "--phone",
        "021 999 8888",
        "--do-not-involve",
    ]);
    let before = env.snapshot_dir();
    let said = env.fails(1, ["set", "--own-line", "Bob", "--call", "0800 444 557"]);
    let flat = said.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("“Bob” is the name of “Bob”, whom your plan marks not to involve"),
        "{said}"
    );
    assert_eq!(env.snapshot_dir(), before);
    let file = env.home().join("cards.vcf");
    fs::write(
        &file,
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bob\r\nTEL:0800 444 556\r\n\
         NOTE:A crisis line I added: call 0800 444 556\\, from x.\r\nEND:VCARD\r\n\
         BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Local Help\r\nTEL:0800 765 432\r\n\
         NOTE:A crisis line I added: call 0800 123 456\\, from council site.\r\nEND:VCARD\r\n",
    )
    .unwrap();
    let ran = env
        .test(["contact", "import", file.to_str().unwrap(), "--yes"])
        .status_any()
        .run();
    let text = format!("{}{}", ran.stdout, ran.stderr);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("“Bob” is the name of “Bob”"), "{text}");
    assert!(
        flat.contains("its note says 0800 123 456, but the number on the card is 0800 765 432"),
        "{text}"
    );
    assert!(env.plan().own_lines.lines.is_empty(), "{text}");
}
