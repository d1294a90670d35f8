//! Issue 13, Anjali's walk-through (Hindi in Devanagari with emoji): no
//! key typed or pasted is lost, and none falls through into a question
//! that is not on screen yet, in a real pseudo-terminal; and the
//! walk-through offers only choices that lead somewhere.

use std::fs;
use std::time::Duration;

use rexpect::session::PtySession;

use crate::{Env, Pty};

const ENTER: &str = "\r";

/// `relapse-plan ARGS` at a terminal in Anjali's locale, to end with
/// exit status `code` (130 when the test stops it with Ctrl-C).
fn spawn(env: &Env, args: &[&str], code: i32) -> Pty {
    env.test(args)
        .env("TERM", "xterm")
        .env("NO_COLOR", "1")
        .env("LANG", "hi_IN.UTF-8")
        .env("TZ", "Asia/Kolkata")
        .status(code)
        .pty()
}

/// Waits for `prompt`, then sends `keys` in one write a moment later (a
/// paste, or keys that came in one burst).
#[track_caller]
fn answer(p: &mut PtySession, prompt: &str, keys: &str) {
    if let Err(e) = p.exp_string(prompt) {
        panic!("waiting for {prompt:?}: {e}");
    }
    std::thread::sleep(Duration::from_millis(150));
    p.send(keys).unwrap();
    p.flush().unwrap();
}

/// `text` as rexpect reads it back: each byte of its UTF-8 a character.
fn seen(text: &str) -> String {
    text.bytes().map(char::from).collect()
}

fn draft(env: &Env) -> String {
    fs::read_to_string(env.plan_dir().join("draft.toml")).unwrap()
}

/// Lines pasted by a terminal that does not mark pastes (no bracketed
/// paste: `tmux paste-buffer` without -p) come in one burst: each line
/// break but the last stays in the answer, as a space, as a marked paste
/// does; no line after the first is lost or answers a later question.
#[test]
fn lines_pasted_without_paste_marks_stay_in_one_answer() {
    let env = Env::new();
    let mut p = spawn(&env, &["new"], 130);
    answer(&mut p, "Which country are you in?", ENTER);
    answer(&mut p, "Your name on the plan?", "अंजलि 🌸\r");
    answer(
        &mut p,
        "What keeps you going?",
        "मेरी बेटी 👧\nमेरा काम\r\nमेरी माँ 🙏\n",
    );
    p.exp_string(&seen(
        "✔ What keeps you going? · मेरी बेटी 👧 मेरा काम मेरी माँ 🙏",
    ))
    .unwrap();
    p.exp_string("(The pasted lines are one answer, joined with spaces.)")
        .unwrap();
    // The next question is asked, empty.
    answer(&mut p, "What keeps you going?", "\x03");
    p.eof();
    let draft = draft(&env);
    assert!(
        draft.contains("\"मेरी बेटी 👧 मेरा काम मेरी माँ 🙏\""),
        "{draft}"
    );
}

/// Keys typed straight after a list's Enter, before the text question
/// after it is on screen, are that question's first letters: in the same
/// burst as the Enter, or a moment later.
#[test]
fn a_fast_typists_first_letters_are_kept() {
    let env = Env::new();
    let mut p = spawn(&env, &["new"], 130);
    answer(&mut p, "Which country are you in?", "\rअंज");
    std::thread::sleep(Duration::from_millis(5));
    p.send("लि 🌸").unwrap();
    p.flush().unwrap();
    std::thread::sleep(Duration::from_millis(300));
    p.send(ENTER).unwrap();
    p.flush().unwrap();
    p.exp_string(&seen("✔ Your name on the plan? (optional) · अंजलि 🌸"))
        .unwrap();
    answer(&mut p, "What keeps you going?", "\x03");
    p.eof();
    let draft = draft(&env);
    assert!(draft.contains("\"अंजलि 🌸\""), "{draft}");
}

/// At a yes/no question, `y` or `n` only puts that answer in the field,
/// where it can be changed; Enter gives it. So the Enter pressed after
/// `y` answers this question, never the next one unseen.
#[test]
fn a_yes_or_no_waits_for_enter() {
    let env = Env::new();
    env.ok(["init", "--country", "IN"]);
    for situation in ["तनख़्वाह वाला शुक्रवार 💸", "अकेला रविवार"]
    {
        env.ok(["trigger", "add", "--situation", situation]);
    }
    let mut p = spawn(&env, &["rank"], 0);
    for _ in 0..2 {
        answer(&mut p, "How likely", "3\r");
        answer(&mut p, "How strong", "3\r");
        answer(&mut p, "How sure", "40\r");
    }
    answer(&mut p, "Compare them now?", "y");
    p.exp_string("(Y/n) yes").unwrap();
    std::thread::sleep(Duration::from_millis(200));
    p.send("n").unwrap();
    p.flush().unwrap();
    p.exp_string("(Y/n) no").unwrap();
    std::thread::sleep(Duration::from_millis(200));
    p.send(ENTER).unwrap();
    p.flush().unwrap();
    let shown = p.exp_string("Save these changes").unwrap();
    assert!(shown.contains(&seen("✔ Compare them now? · no")), "{shown}");
    assert!(!shown.contains("harder for you to handle"), "{shown}");
    answer(&mut p, "Save to my plan", ENTER);
    p.eof();
}

/// With no strategies and no people yet, a trigger's "What next?" offers
/// neither "Use a strategy I already have" nor "Add a person to call":
/// both would lead nowhere.
#[test]
fn a_triggers_responses_offer_only_what_leads_somewhere() {
    let env = Env::new();
    let mut p = spawn(&env, &["new"], 130);
    answer(&mut p, "Which country are you in?", ENTER);
    answer(&mut p, "Your name on the plan?", "अंजलि\r");
    answer(&mut p, "What keeps you going?", ENTER);
    answer(&mut p, "What next?", ENTER);
    answer(&mut p, "A sign that things are sliding?", ENTER);
    answer(&mut p, "What next?", ENTER);
    answer(
        &mut p,
        "What situation puts you at risk?",
        "तनख़्वाह वाला शुक्रवार 💸\r",
    );
    answer(&mut p, "What kind of situation", ENTER);
    answer(&mut p, "What thought comes with it?", ENTER);
    answer(&mut p, "What feeling comes with it?", ENTER);
    answer(&mut p, "What urge comes with it?", ENTER);
    answer(&mut p, "What situation puts you at risk?", ENTER);
    answer(&mut p, "Done with triggers", ENTER);
    answer(&mut p, "How likely", "3\r");
    answer(&mut p, "How strong", "3\r");
    answer(&mut p, "How sure", "40\r");
    let menu = p.exp_string("Start from an example").unwrap();
    let menu = menu + &p.exp_string("\r\n").unwrap();
    assert!(menu.contains("Write a new strategy"), "{menu}");
    assert!(!menu.contains("Use a strategy I already have"), "{menu}");
    std::thread::sleep(Duration::from_millis(300));
    p.send_control('c').unwrap();
    let rest = p.eof();
    assert!(!rest.contains("Add a person to call"), "{menu}{rest}");
}
