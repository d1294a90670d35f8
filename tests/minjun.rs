//! What Min-jun (Seoul, fresh eyes) found (issue 13). Korean words between
//! spaces are kept whole on every line, on screen and on paper (his wife's
//! name was split "지" / "영" at 50 columns and in the PDF); a stray Enter
//! is not a rehearsal; and what is typed into one phone field is said at
//! once when a phone could not dial it as one number: two numbers in one
//! field (never one link), a mobile number a digit short; a word in
//! brackets beside a number is a label, not "letters that only look like
//! digits".

use crate::Env;
use crate::keys::Tmux;
use crate::one_line as read;

/// What `args` shows in a terminal `width` columns wide.
fn on_screen(env: &Env, args: &[&str], width: u16) -> String {
    let t = Tmux::start(env, args, width);
    t.wait_until_ended();
    t.scrollback()
}

const STEP: &str = "회식 자리에서 상사가 소주를 권할 때 아내 지영에게 전화하고 바로 집으로 간다";

fn minjuns_plan() -> Env {
    let env = Env::new();
    env.ok(["init", "--name", "민준", "--country", "KR"]);
    env.ok(["step", "add", STEP]);
    env
}

/// Every word of the step stands whole on one line of `text`.
#[track_caller]
fn words_whole(text: &str) {
    let text = crate::unmarked(text);
    for word in STEP.split(' ') {
        assert!(
            text.lines().any(|line| line.contains(word)),
            "“{word}” is not whole on any line:\n{text}"
        );
    }
}

#[test]
fn korean_words_stay_whole_on_a_narrow_screen() {
    let env = minjuns_plan();
    for width in [40, 50] {
        let text = on_screen(&env, &["now"], width);
        words_whole(&text);
    }
}

#[test]
fn a_korean_word_longer_than_the_line_is_still_wrapped_to_fit() {
    let env = minjuns_plan();
    let long = "가나다라마바사아자차카타파하".repeat(4);
    env.ok(["step", "add", &long]);
    let text = on_screen(&env, &["now"], 40);
    assert!(
        crate::unmarked(&text)
            .replace(['\n', ' '], "")
            .contains(&long),
        "{text}"
    );
}

/// Sixty different three-syllable Korean words: several lines on a page,
/// each line's end a place a word could be cut.
fn sixty_words() -> Vec<String> {
    (0..60u32)
        .map(|i| {
            [i * 37, i * 53 + 7, i * 91 + 13]
                .into_iter()
                .map(|n| char::from_u32(0xAC00 + n % 11172).unwrap())
                .collect()
        })
        .collect()
}

#[test]
fn korean_words_stay_whole_in_the_pdf() {
    let env = minjuns_plan();
    let words = sixty_words();
    env.ok(["step", "add", &words.join(" ")]);
    let pdf = env.home().join("plan.pdf");
    env.ok(["print", "--format", "pdf", "-o", pdf.to_str().unwrap()]);
    let text = crate::pdftotext(&pdf);
    for word in &words {
        assert!(
            text.lines().any(|line| line.contains(word.as_str())),
            "“{word}” is not whole on any line:\n{text}"
        );
    }
}

/// Enter on an empty "What will you do?" logged a rehearsal with nothing
/// in it, counted toward his homework. It is asked once more; an empty
/// answer then is his to give, and the therapist's review says so.
#[test]
fn an_empty_rehearsal_is_asked_again_and_said_in_review() {
    let env = Env::with_example();
    let t = Tmux::start(&env, &["rehearse", "1"], 100);
    t.wait_for("What will you do?");
    t.keys(&["Enter"]);
    t.wait_for("Nothing typed yet. What would you do, even in a few words?");
    t.type_text("상사에게 먼저 말한다");
    t.keys(&["Enter"]);
    t.wait_for("How much of your plan did you recall?");
    let said = t.scrollback_joined();
    assert!(said.contains("You said:"), "{said}");
    assert!(said.contains("상사에게 먼저 말한다"), "{said}");
    assert!(!said.contains("(nothing typed)"), "{said}");
}

#[test]
fn review_says_how_many_rehearsals_had_nothing_typed() {
    let env = Env::new();
    let hand_in = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/hand-in.toml");
    let review = env.ok(["review", hand_in.to_str().unwrap()]);
    let flat = review.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("“Walk the canal way” (1 rehearsal with nothing typed)"),
        "{review}"
    );
}

/// The HTML he opens on his phone broke "아내" as "아" / "내" (round 9):
/// Korean there breaks at spaces too, as Chromium lays it out.
#[test]
fn korean_words_stay_whole_in_the_html() {
    // Fails under CI when missing (see crate::chromium).
    let Some(chromium) = crate::chromium() else {
        return;
    };
    let env = minjuns_plan();
    let words = sixty_words();
    env.ok(["step", "add", &words.join(" ")]);
    let html = env.home().join("plan.html");
    env.ok(["print", "--format", "html", "-o", html.to_str().unwrap()]);
    let pdf = env.home().join("browser.pdf");
    crate::browser(chromium, &env.home().join("profile"))
        .arg("--no-pdf-header-footer")
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html.display()))
        .case("Chromium prints the HTML")
        .within(60)
        .run();
    let text = crate::pdftotext(&pdf);
    for word in &words {
        assert!(
            text.lines().any(|line| line.contains(word.as_str())),
            "“{word}” is not whole on any line:\n{text}"
        );
    }
}

#[test]
fn two_numbers_in_one_field_are_said_and_never_one_link() {
    let env = minjuns_plan();
    let ran = env
        .test([
            "contact",
            "add",
            "--name",
            "엄마",
            "--phone",
            "010-1234-5678, 02-555-1234",
            "--role",
            "help",
        ])
        .run();
    let said = read(&ran.stderr);
    assert!(
        said.contains("엄마 · 010-1234-5678, 02-555-1234 (this holds two numbers, and a phone dials one: keep one here, and add the other as a contact of its own"),
        "{said}"
    );
    assert!(!said.contains("too long"), "{said}");
    let html = env.ok(["print", "--format", "html", "-o", "-"]);
    assert!(!html.contains("tel:01012345678"), "{html}");
    // The same when it is changed to two.
    env.ok([
        "contact",
        "add",
        "--name",
        "형",
        "--phone",
        "010-9876-5432",
        "--role",
        "help",
    ]);
    let ran = env
        .test([
            "contact",
            "edit",
            "2",
            "--phone",
            "010-9876-5432 / 010-1111-2222",
        ])
        .run();
    assert!(
        read(&ran.stderr).contains("this holds two numbers"),
        "{}",
        ran.stderr
    );
}

#[test]
fn a_korean_mobile_a_digit_short_is_said_gently() {
    let env = minjuns_plan();
    let ran = env
        .test([
            "contact",
            "add",
            "--name",
            "형",
            "--phone",
            "010-1234-567",
            "--role",
            "help",
        ])
        .run();
    assert!(
        read(&ran.stderr).contains("“010-1234-567” looks too short for a mobile number in South Korea (mobile numbers there have 10 digits after the 0 or +82): check it before you call."),
        "{}",
        ran.stderr
    );
    // A Seoul number of nine digits is no mobile, and right.
    let ran = env
        .test([
            "contact",
            "add",
            "--name",
            "회사",
            "--phone",
            "02-555-1234",
            "--role",
            "help",
        ])
        .run();
    assert!(!ran.stderr.contains("looks too"), "{}", ran.stderr);
}

#[test]
fn a_word_in_brackets_beside_a_number_is_a_label() {
    let env = minjuns_plan();
    let ran = env
        .test([
            "contact",
            "add",
            "--name",
            "누나",
            "--phone",
            "010-1234-5678 (집)",
            "--role",
            "help",
        ])
        .run();
    assert!(!ran.stderr.contains("look like digits"), "{}", ran.stderr);
    assert_eq!(
        env.plan().contacts[0].phone.as_deref(),
        Some("010-1234-5678 (집)")
    );
    let html = env.ok(["print", "--format", "html", "-o", "-"]);
    assert!(
        html.contains("href=\"tel:01012345678\">010-1234-5678 (집)</a>"),
        "{html}"
    );
}
