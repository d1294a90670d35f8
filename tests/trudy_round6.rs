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
