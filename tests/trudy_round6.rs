//! What Trudy (attacker, Auckland) found on main on 29 November 2026
//! (issue 12, task trudy16f). Every test here was seen failing on the
//! code before its fix.

use crate::Env;

/// Her two cards: an RFC 3966 extension in a `tel:` URI, and a number
/// with pauses and digits to key in once answered.
const CARDS: &str = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Mere\r\n\
    TEL:tel:+64-21-555-3006;ext=123\r\nEND:VCARD\r\n\
    BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Rawiri\r\n\
    TEL:+64215553011,,1234;5\r\nEND:VCARD\r\n";

fn with_her_cards() -> Env {
    let env = Env::new();
    env.ok(["init", "--name", "Trudy", "--country", "NZ"]);
    let file = env.home().join("people.vcf");
    std::fs::write(&file, CARDS).unwrap();
    env.ok(["contact", "import", file.to_str().unwrap(), "--yes"]);
    env
}

/// A tappable number dropped its extension and what follows its pauses:
/// `href="tel:+64215553006"` for `…3006;ext=123`, so a tap reached the
/// switchboard, not her person. The link keeps one extension as RFC 3966
/// writes it, and the page says beside the number what to dial once
/// answered; the Markdown printout too. The vCard export keeps what was
/// typed (it wrote `…3006;123`).
#[test]
fn a_tappable_number_keeps_its_extension_and_says_what_to_dial_after() {
    let env = with_her_cards();
    let page = env.home().join("plan.html");
    env.ok(["print", "--format", "html", "-o", page.to_str().unwrap()]);
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(
        html.contains(
            "<a class=\"num\" dir=\"ltr\" href=\"tel:+64215553006;ext=123\">+64-21-555-3006;ext=123</a> <span class=\"then\">then dial 123</span>"
        ),
        "{html}"
    );
    assert!(
        html.contains(
            "<a class=\"num\" dir=\"ltr\" href=\"tel:+64215553011\">+64215553011,,1234;5</a> <span class=\"then\">then dial 1234, then dial 5</span>"
        ),
        "{html}"
    );
    // A text message goes to the number itself.
    assert!(html.contains("href=\"sms:+64215553006\""), "{html}");

    let markdown = env.ok(["print", "--format", "markdown", "-o", "-"]);
    assert!(
        markdown.contains("[+64-21-555-3006;ext=123](tel:+64215553006;ext=123) (then dial 123)"),
        "{markdown}"
    );
    assert!(
        markdown.contains("(tel:+64215553011) (then dial 1234, then dial 5)"),
        "{markdown}"
    );

    let cards = env.ok(["contact", "export", "-o", "-"]);
    assert!(cards.contains(":+64-21-555-3006;ext=123\r\n"), "{cards}");
    assert!(cards.contains(":+64215553011,,1234;5\r\n"), "{cards}");
}

/// `--move` to the day it is already on said "Moved your check-in … it
/// joins the check-in you saved that day": nothing moved, and it says so.
#[test]
fn a_check_in_moved_to_its_own_day_says_nothing_moved() {
    let env = Env::new();
    env.ok(["init", "--name", "Trudy", "--country", "NZ"]);
    env.ok(["check-in", "--urge", "2", "--acted", "no"]);
    let err = env
        .test(["check-in", "--move", "2026-11-22", "--to", "2026-11-22"])
        .run()
        .stderr;
    assert!(
        err.contains("is already on that day, so nothing was moved."),
        "{err}"
    );
    assert!(!err.contains("Moved your check-in"), "{err}");
    assert!(!err.contains("joins"), "{err}");
}

/// After a save cut short, `now`'s first line read "`plan.toml` still
/// shows revision 4, but your newer changes are safe in its history…":
/// words about files, first, in a crisis. The help comes first; then one
/// kind, plain line; the detailed words stay for `show` and `validate`.
#[test]
fn after_a_save_cut_short_now_shows_the_help_first_and_says_it_kindly() {
    let env = Env::with_example();
    env.ok(["reason", "add", "Mia"]);
    // As a save cut short between the revision and plan.toml leaves it.
    std::fs::copy(
        env.plan_dir().join("revisions/000003.toml"),
        env.plan_file(),
    )
    .unwrap();
    let both = env.shell("\"$0\" now 2>&1").run().stdout;
    let kind = "Your plan is all here, with your latest changes";
    let at = both.find(kind).unwrap_or_else(|| panic!("{both}"));
    let help = both.find("999").unwrap_or_else(|| panic!("{both}"));
    assert!(help < at, "the help comes first:\n{both}");
    assert!(both.contains("Mia"), "{both}");
    assert!(!both.contains("plan.toml"), "{both}");
    assert!(!both.contains("revision"), "{both}");
    env.test(["show"])
        .stderr_has("`plan.toml` still shows revision 3")
        .run();
}

/// A card under the exact name of someone she marked "do not involve",
/// with a new number, was listed as "same name, another number", with a
/// hint to `contact add` him as help; his second number had that hint
/// too. He is named as someone not to involve, with why, and no hint
/// offers to add him. A number in mathematical bold or superscript digits
/// was said twice ("No number on the card" and "holds no digits"): once
/// now. Without a terminal, the command to use instead names her file,
/// not the word FILE.
#[test]
fn a_card_named_like_someone_not_to_involve_is_never_offered_as_help() {
    let env = Env::new();
    env.ok(["init", "--name", "Trudy", "--country", "NZ"]);
    env.ok([
        "contact",
        "add",
        "--name",
        "Dermot",
        "--phone",
        "+64 21 555 1000",
        "--do-not-involve",
    ]);
    let file = env.home().join("Aroha phone.vcf");
    std::fs::write(
        &file,
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Dermot\r\nTEL;TYPE=CELL:+64 21 555 2000\r\n\
         TEL;TYPE=HOME:+64 9 555 3000\r\nEND:VCARD\r\n\
         BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana\r\nTEL:\u{1d7ce}\u{1d7d0}\u{1d7cf} \u{1d7d3}\u{1d7d3}\u{1d7d3}\r\nEND:VCARD\r\n\
         BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Hemi\r\nTEL:\u{2070}\u{b2}\u{b9} \u{2075}\u{2075}\u{2075}\r\nEND:VCARD\r\n",
    )
    .unwrap();
    let err = env
        .test(["contact", "import", file.to_str().unwrap()])
        .stdin(Vec::new())
        .status(1)
        .run()
        .stderr;
    assert!(
        // Her choice first (Noa, people17).
        err.contains("Dermot · +64 21 555 2000 (you marked Dermot as someone not to involve."),
        "{err}"
    );
    assert!(!err.contains("same name as someone in your plan"), "{err}");
    assert!(!err.contains("contact add"), "{err}");
    assert!(!err.contains("+64 9 555 3000"), "{err}");
    assert!(!err.contains("No number on the card"), "{err}");
    for name in ["Ana", "Hemi"] {
        assert!(
            err.contains(&format!("{name}: its number"))
                && err.contains(&format!("{name} · no number")),
            "{err}"
        );
    }
    assert!(err.contains("holds no digits, so it was left out"), "{err}");
    assert!(!err.contains("FILE"), "{err}");
    assert!(err.contains("Aroha phone.vcf"), "{err}");
    assert!(env.plan().contacts.len() == 1, "nothing imported");
}

/// `TZ=localtime` and `TZ=posixrules` wrote `zone = "localtime"` /
/// `"posixrules"` into a hand-in: names each machine reads as its own
/// clock. No machine-local alias is written, and a hand-in without a zone
/// says whose clock its days are on. (A POSIX rule now goes with the
/// hand-in as the client's clock: `tests/two_clocks.rs`.)
#[test]
fn a_hand_in_names_no_machine_local_zone_and_review_says_whose_clock() {
    let client = Env::with_example();
    let homework = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/homework.toml");
    client.ok(["homework", "start", homework.to_str().unwrap()]);
    for tz in ["localtime", "posixrules"] {
        let file = client.home().join("hand-in.toml");
        let _ = std::fs::remove_file(&file);
        client
            .test(["homework", "submit", "-o", file.to_str().unwrap(), "--yes"])
            .env("TZ", tz)
            .run();
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(!text.contains("zone = "), "{tz}: {text}");
        let said = client
            .test(["review", file.to_str().unwrap()])
            .env("TZ", "America/Los_Angeles")
            .run()
            .stderr;
        assert!(
            said.contains("This hand-in does not say which time zone it was written in, so its days and times are counted on your clock."),
            "{tz}: {said}"
        );
    }
}

/// A SIGKILL during `homework submit -o FILE` left `.relapse-plan-*.tmp`
/// (the hand-in's text) beside FILE, in Downloads, for good. The next
/// write there removes ours that are older than ten minutes; a fresh one
/// (a write under way), another name and a link are left alone.
#[cfg(unix)]
#[test]
fn a_write_beside_files_a_killed_write_left_removes_them() {
    let env = Env::with_example();
    let downloads = env.home().join("Downloads");
    std::fs::create_dir(&downloads).unwrap();
    let old = std::time::SystemTime::now() - std::time::Duration::from_hours(1);
    let stale = downloads.join(".relapse-plan-Ab12Cd.tmp");
    let fresh = downloads.join(".relapse-plan-Zz99Yy.tmp");
    let other = downloads.join(".relapse-plan-notes.tmp");
    let link = downloads.join(".relapse-plan-Lk00Lk.tmp");
    for file in [&stale, &fresh, &other] {
        std::fs::write(file, "schema_version = 5\n").unwrap();
    }
    std::os::unix::fs::symlink(&other, &link).unwrap();
    for file in [&stale, &other] {
        std::fs::File::options()
            .write(true)
            .open(file)
            .unwrap()
            .set_modified(old)
            .unwrap();
    }
    let out = downloads.join("plan.txt");
    env.ok(["print", "--format", "text", "-o", out.to_str().unwrap()]);
    assert!(out.exists());
    assert!(!stale.exists(), "the abandoned one is removed");
    assert!(fresh.exists(), "a fresh one is left");
    assert!(other.exists(), "another name is left");
    assert!(link.symlink_metadata().is_ok(), "a link is left");
}
