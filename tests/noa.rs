//! What Noa (Jerusalem, fresh eyes) found in the small commands (issue 13):
//! a command that saved nothing says so, and one with nothing to do says
//! what it can do.

use crate::Env;
use crate::keys::Tmux;

/// `contact edit` with nothing to change said only "Nothing changed".
#[test]
fn contact_edit_with_nothing_to_change_says_how() {
    let env = Env::new();
    env.ok(["init", "--name", "נועה", "--country", "GB"]);
    env.ok([
        "contact",
        "add",
        "--name",
        "ד\"ר כהן",
        "--phone",
        "+972 2-555-6789",
        "--role",
        "help",
    ]);
    let before = env.snapshot_dir();
    let said = env.fails(2, ["contact", "edit", "1"]);
    assert!(said.contains("say what to change: --phone"), "{said}");
    assert!(
        said.contains("relapse-plan contact edit 1 --phone"),
        "{said}"
    );
    assert_eq!(env.snapshot_dir(), before);
}

/// Ctrl-C at "Who is מיכל for you?" in `contact add` said "Everything you
/// typed is kept", but nothing was: it says nothing was saved.
#[test]
fn ctrl_c_in_contact_add_says_nothing_was_saved() {
    let env = Env::new();
    env.ok(["init", "--name", "נועה", "--country", "GB"]);
    let before = env.snapshot_dir();
    let t = Tmux::start(
        &env,
        &[
            "contact",
            "add",
            "--name",
            "מיכל",
            "--phone",
            "052-555-1234",
        ],
        100,
    );
    t.wait_for("for you?");
    t.keys(&["C-c"]);
    t.wait_until_ended();
    let said = crate::unmarked(&t.scrollback_joined());
    assert!(
        said.contains("Stopped. Nothing was saved: “מיכל” is not in your plan."),
        "{said}"
    );
    assert!(!said.contains("Everything you typed is kept"), "{said}");
    assert_eq!(env.snapshot_dir(), before);
}

/// Her phone's export still had her sister under her old number, her name
/// in another order. Importing it added a second sister with the dead
/// number, and the old-number mark on her crisis step vanished (Noa,
/// round 9). A number someone in her plan had before is said, not added.
#[test]
fn an_import_never_brings_back_a_number_she_changed() {
    let env = Env::new();
    env.ok(["init", "--name", "נועה", "--country", "IL"]);
    env.ok([
        "contact",
        "add",
        "--name",
        "אחותי מיכל",
        "--phone",
        "052-555-1234",
        "--role",
        "help",
    ]);
    env.ok(["step", "add", "להתקשר למיכל 052-555-1234"]);
    env.ok(["contact", "edit", "1", "--phone", "052-555-9999"]);
    let file = env.home().join("phone.vcf");
    std::fs::write(
        &file,
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:מיכל אחותי\r\nTEL:+972525551234\r\nEND:VCARD\r\n\
         BEGIN:VCARD\r\nVERSION:3.0\r\nFN:נטע\r\nTEL:+972525550000\r\nEND:VCARD\r\n",
    )
    .unwrap();
    let said = env
        .test(["contact", "import", file.to_str().unwrap(), "--yes"])
        .run();
    let text = crate::unmarked(&format!("{}{}", said.stdout, said.stderr));
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("מיכל אחותי · +972525551234: an old number of “אחותי מיכל”; the one saved now is 052-555-9999"),
        "{text}"
    );
    let plan = env.plan();
    assert_eq!(plan.contacts.len(), 2, "{text}");
    assert!(plan.contacts.iter().any(|c| c.name == "נטע"));
    let now = crate::unmarked(&env.ok(["now"]));
    assert!(now.contains("an old number of"), "{now}");
}

/// Noa's trigger printed its thoughts after the English label "Thoughts:"
/// with her figures at the wrong end: "3 כוסות זה בסדר" had its 3 pulled
/// to the label's side, and her two thoughts ran into each other. Each of
/// her entries is now isolated (FSI … PDI): read back from where poppler
/// places the words, in our PDF and in the HTML printed by Chromium, each
/// thought reads right to left in her order, figures and times inside it,
/// the first thought before the second.
#[test]
fn her_figures_stay_inside_her_words_after_an_english_label() {
    use crate::paper::{Word, words};
    let env = Env::new();
    env.ok(["init", "--name", "נועה", "--country", "IL"]);
    env.ok([
        "trigger",
        "add",
        "ערב שישי לבד",
        "--thought",
        "3 כוסות זה בסדר",
        "--thought",
        "אחרי 22:00 לבד",
    ]);
    let pdf = env.home().join("plan.pdf");
    env.ok(["print", "-o", pdf.to_str().unwrap()]);
    let mut pdfs = vec![("PDF", pdf)];
    if let Some(chromium) = crate::chromium() {
        let html = env.home().join("plan.html");
        env.ok(["print", "--format", "html", "-o", html.to_str().unwrap()]);
        let printed = env.home().join("browser.pdf");
        crate::browser(chromium, &env.home().join("profile"))
            .arg("--no-pdf-header-footer")
            .arg(format!("--print-to-pdf={}", printed.display()))
            .arg(format!("file://{}", html.display()))
            .case("Chromium prints the HTML")
            .within(60)
            .run();
        pdfs.push(("HTML in Chromium", printed));
    }
    for (what, pdf) in pdfs {
        let all = words(&pdf);
        let label = all
            .iter()
            .find(|w| w.text == "Thoughts:")
            .unwrap_or_else(|| panic!("{what}: the label is printed: {all:?}"));
        let mut line: Vec<&Word> = all
            .iter()
            .filter(|w| {
                w.page == label.page
                    && w.x0 >= label.x0
                    && ((w.y0 + w.y1) - (label.y0 + label.y1)).abs() < 4.0
            })
            .collect();
        line.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        let shown: Vec<&str> = line.iter().map(|w| w.text.as_str()).collect();
        // Where a word of hers sits on the line, left to right (poppler
        // may write Hebrew letters in either order).
        let at = |word: &str| {
            let turned: String = word.chars().rev().collect();
            line.iter()
                .position(|w| {
                    let text = w.text.trim_end_matches(';');
                    text == word || text == turned
                })
                .unwrap_or_else(|| panic!("{what}: {word} on the line: {shown:?}"))
        };
        assert_eq!(at("Thoughts:"), 0, "{what}: {shown:?}");
        // Right to left: 3, כוסות, זה, בסדר; then אחרי, 22:00, לבד.
        let first = [at("3"), at("כוסות"), at("זה"), at("בסדר")];
        let second = [at("אחרי"), at("22:00"), at("לבד")];
        assert_eq!(
            first,
            [4, 3, 2, 1],
            "{what}: her first thought, in her order: {shown:?}"
        );
        assert_eq!(
            second,
            [7, 6, 5],
            "{what}: her second thought, in her order: {shown:?}"
        );
    }
}
