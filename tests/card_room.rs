//! The wallet card and the lock screen at their edges (lock17a, fresh
//! eyes): a number far too long for its place, an extension that is not
//! one, no reasons and many. Every name readable, every number whole,
//! nothing across the fold.

use crate::Env;
use crate::paper::words;

/// A plan where Aoife's number carries a 20-digit "extension".
fn long_extension() -> Env {
    let env = Env::new();
    env.ok(["init", "--name", "Sam", "--country", "GB"]);
    for (name, phone, role) in [
        (
            "Aoife Ní Bhriain",
            "+44 20 7946 0000 ext 12345678901234567890",
            "help",
        ),
        ("Dermot", "+44 7700 900123", "help"),
        ("Dr Okafor", "+44 20 7946 0111", "professional"),
    ] {
        env.ok([
            "contact", "add", "--name", name, "--phone", phone, "--role", role,
        ]);
    }
    env.ok(["step", "add", "Call Aoife"]);
    env.ok(["step", "add", "Go for a walk"]);
    env.ok(["reason", "add", "My kids"]);
    env
}

/// The long number set the card's number column, and every other name
/// was squeezed to its first letter ("D  +44 7700 900123"). It now goes on
/// lines of its own under Aoife's name: the other names are whole, every
/// number is whole, and nothing crosses the fold or the card's edge.
#[test]
fn a_long_extension_leaves_every_other_name_whole_on_the_card() {
    let env = long_extension();
    let file = env.home().join("card.pdf");
    env.test(["print", "--card", "-o", file.to_str().unwrap()])
        .stderr_lacks("shortened: the name Dermot")
        .stderr_lacks("shortened: the name Samaritans")
        .run();
    let all = words(&file);
    let first: Vec<_> = all.iter().filter(|w| w.page == 0).collect();
    let has = |text: &str| first.iter().any(|w| w.text == text);
    for name in ["Aoife", "Dermot", "Okafor", "Samaritans", "Shout,"] {
        assert!(has(name), "{name} whole: {:?}", texts(&first));
    }
    // The back's left edge is where "Crisis lines" starts; the card is
    // 85.6 mm wide with 2.6 mm inside each edge. The first card only.
    let call = first.iter().find(|w| w.text == "Crisis").unwrap();
    let inner = (85.6 - 2.0 * 2.6) * 72.0 / 25.4;
    for w in &first {
        if (w.y0 - call.y0).abs() < 100.0 && w.x1 >= call.x0 - 1.0 {
            assert!(
                w.x1 <= call.x0 + inner + 1.0,
                "{:?} inside the back: {} > {}",
                w.text,
                w.x1,
                call.x0 + inner
            );
        }
    }
    // On the back: the number itself on one line, its extension whole.
    let at = |text: &str| {
        first
            .iter()
            .find(|w| w.text == text && (w.y0 - call.y0).abs() < 100.0 && w.x0 >= call.x0 - 1.0)
            .unwrap_or_else(|| panic!("{text} whole: {:?}", texts(&first)))
    };
    let (plus, last) = (at("+44"), at("0000"));
    assert!((plus.y0 - last.y0).abs() < 1.0, "{plus:?} {last:?}");
    at("12345678901234567890");
    // Under Aoife's name, not beside it.
    let aoife = at("Aoife");
    assert!(plus.y0 > aoife.y1 - 0.5, "{aoife:?} {plus:?}");
}

fn texts(words: &[&crate::paper::Word]) -> Vec<String> {
    words.iter().map(|w| w.text.clone()).collect()
}

/// Twenty digits after "ext" were taken in silence (or called "too long
/// for a number in the United Kingdom"). They are said for what they are
/// when typed, in `contact add` and `contact edit`, and by `validate` for
/// a plan that already holds them; what is stored stays byte for byte,
/// and a short extension is no longer a "too long" number.
#[test]
fn an_extension_too_long_to_be_one_is_said_when_typed_and_by_validate() {
    let env = Env::new();
    env.ok(["init", "--name", "Sam", "--country", "GB"]);
    let long = "+44 20 7946 0000 ext 12345678901234567890";
    env.test([
        "contact", "add", "--name", "Aoife", "--phone", long, "--role", "help",
    ])
    .stderr_has(format!(
        "Aoife · “{long}” has 20 digits after the number, and an extension has a few (up to about 8): if part of it is another number, it can be a contact of its own. Check it before you call."
    ))
    .stderr_lacks("looks too long")
    .run();
    assert_eq!(env.plan().contacts[0].phone.as_deref(), Some(long));
    env.test([
        "contact",
        "add",
        "--name",
        "Dermot",
        "--phone",
        "+44 20 7946 0000 ext 12",
        "--role",
        "help",
    ])
    .stderr_lacks("looks too long")
    .stderr_lacks("digits after the number")
    .run();
    env.test([
        "contact",
        "edit",
        "dermot",
        "--phone",
        "+44 20 7946 0000 x 123456789",
    ])
    .stderr_has("Dermot · “+44 20 7946 0000 x 123456789” has 9 digits after the number")
    .run();
    let before = env.snapshot_dir();
    env.test(["validate", env.plan_file().to_str().unwrap()])
        .stderr_has(format!("Aoife · “{long}” has 20 digits after the number"))
        .stderr_has("contact edit aoife --phone \"…\"` changes it.")
        .stderr_has("Dermot · “+44 20 7946 0000 x 123456789” has 9 digits")
        .run();
    assert_eq!(env.snapshot_dir(), before);
}
