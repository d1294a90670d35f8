//! A printed plan never loses a number (Trudy, issues 12 and 13): a crisis
//! block too long for one page goes on over the next, and every step, the
//! emergency number, every section and every number is printed, none of
//! it over the footer or past the page, on A4 and Letter, the whole plan
//! and a copy for a helper.

use std::fmt::Write as _;
use std::path::Path;

use crate::{Env, tool};

/// A sentence of about `len` characters, told apart by its step `n`.
fn sentence(n: usize, len: usize) -> String {
    let mut s = format!("Step {n} begins:");
    let mut i = 0;
    while s.len() < len {
        i += 1;
        write!(
            s,
            " I walk slowly to the kitchen{i}, drink water and breathe out"
        )
        .unwrap();
    }
    write!(s, " and step {n} ends.").unwrap();
    s
}

/// A plan with the two contacts, a reason, a warning sign (of `sign_len`
/// characters when given) and `steps` crisis steps of about `len`
/// characters each; returns the steps as typed.
fn plan(steps: usize, len: usize, sign: Option<usize>) -> (Env, Vec<String>) {
    let env = Env::new();
    env.ok(["init", "--name", "Sam", "--country", "NZ"]);
    env.ok([
        "contact",
        "add",
        "--name",
        "Alex",
        "--phone",
        "+64 21 555 0101",
        "--role",
        "help",
    ]);
    env.ok([
        "contact",
        "add",
        "--name",
        "Dr Lee",
        "--phone",
        "+64 9 555 0199",
        "--role",
        "professional",
    ]);
    env.ok(["reason", "add", "My kids"]);
    let warning = sign.map_or("Skipping meals".to_string(), |l| sentence(99, l));
    add_long(&env, "warning-sign", &warning);
    let typed: Vec<String> = (1..=steps).map(|n| sentence(n, len)).collect();
    for step in &typed {
        add_long(&env, "step", step);
    }
    (env, typed)
}

/// Adds `text` to a section with its command; words longer than the 4,000
/// characters new words may be (guard14e) are written into the plan by
/// hand, as a plan from before the cap holds them, and must still print
/// whole.
fn add_long(env: &Env, section: &str, text: &str) {
    if text.chars().count() <= 4000 {
        env.ok([section, "add", text]);
        return;
    }
    let stand_in = format!("Stand-in for {} characters", text.len());
    env.ok([section, "add", &stand_in]);
    env.edit_plan_by_hand(
        &format!("text = \"{stand_in}\""),
        &format!("text = \"{text}\""),
    );
}

/// One word and its box on its page, as poppler places it.
struct Word {
    text: String,
    page: usize,
    x0: f32,
    x1: f32,
    y0: f32,
    y1: f32,
}

/// Every word of the PDF with where it sits, and each page's width and
/// height.
fn words(pdf: &Path) -> (Vec<Word>, Vec<(f32, f32)>) {
    let out = tool("pdftotext")
        .arg("-bbox")
        .arg(pdf)
        .arg("-")
        .case("pdftotext (poppler-utils) places the PDF's words")
        .run();
    let html = String::from_utf8(out.bytes).unwrap();
    let attr = |tag: &str, name: &str| -> f32 {
        let at = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        tag[at..].split('"').next().unwrap().parse().unwrap()
    };
    let mut found = Vec::new();
    let mut heights = Vec::new();
    for (page, part) in html.split("<page ").skip(1).enumerate() {
        heights.push((attr(part, "width"), attr(part, "height")));
        for tag in part.split("<word ").skip(1) {
            let (head, rest) = tag.split_once('>').unwrap();
            let text = rest.split("</word>").next().unwrap();
            found.push(Word {
                text: text.replace("&apos;", "'").replace("&amp;", "&"),
                page,
                x0: attr(head, "xMin"),
                x1: attr(head, "xMax"),
                y0: attr(head, "yMin"),
                y1: attr(head, "yMax"),
            });
        }
    }
    (found, heights)
}

/// Prints and checks what a person holding the pages would: every step
/// whole, the emergency number on the first page, each of `expected`
/// (headings and numbers), and no word over the footer or off the page.
fn check(env: &Env, what: &str, args: &[&str], steps: &[String], expected: &[&str]) {
    let pdf = env.home().join("plan.pdf");
    let mut all = vec!["print", "--force", "-o", pdf.to_str().unwrap()];
    all.extend(args);
    env.ok(all);
    let text = crate::pdftotext(&pdf);
    // Read as a person reads on: the footers and "(continued)" aside.
    let read: String = text
        .lines()
        .filter(|l| !l.contains("Private: this holds") && !l.ends_with("(continued)"))
        .collect::<Vec<_>>()
        .join(" ");
    let read = read.split_whitespace().collect::<Vec<_>>().join(" ");
    for (n, step) in steps.iter().enumerate() {
        let step = step.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            read.contains(&format!("{}. {step}", n + 1)),
            "{what}: step {} is printed whole:\n{text}",
            n + 1
        );
    }
    for thing in expected {
        assert!(
            read.contains(thing),
            "{what}: {thing:?} is printed:\n{text}"
        );
    }
    let (words, heights) = words(&pdf);
    // The emergency number is on the first page, however long the steps.
    let first: Vec<&str> = words
        .iter()
        .filter(|w| w.page == 0)
        .map(|w| w.text.as_str())
        .collect();
    assert!(
        first.join(" ").contains("In an emergency, call") && first.contains(&"111"),
        "{what}: the emergency number is on page 1: {first:?}"
    );
    for (page, (_, height)) in heights.iter().enumerate() {
        let on: Vec<&Word> = words.iter().filter(|w| w.page == page).collect();
        // The footer is the page's lowest line ("… Page 1 of 2").
        let footer = on.iter().map(|w| w.y0).fold(0.0_f32, f32::max);
        let footer_top = on
            .iter()
            .filter(|w| (w.y0 - footer).abs() < 2.0)
            .map(|w| w.y0)
            .fold(f32::MAX, f32::min);
        assert!(
            on.iter()
                .any(|w| (w.y0 - footer).abs() < 2.0 && w.text == "Page"),
            "{what}: page {} has its footer",
            page + 1
        );
        for w in &on {
            assert!(w.y1 <= *height, "{what}: {:?} is on the paper", w.text);
            if (w.y0 - footer).abs() >= 2.0 {
                assert!(
                    w.y1 <= footer_top,
                    "{what}: {:?} on page {} runs into the footer ({} > {footer_top})",
                    w.text,
                    page + 1,
                    w.y1
                );
            }
        }
    }
}

const WHOLE: [&str; 8] = [
    "What I'll do, in order",
    "Warning signs that things are sliding",
    "People I can ask for help",
    "Professionals and crisis lines",
    "My reasons",
    "My kids",
    "+64 21 555 0101",
    "+64 9 555 0199",
];

#[test]
fn twelve_long_crisis_steps_go_on_over_the_page_on_a4_and_letter() {
    let (env, steps) = plan(12, 600, None);
    let mut expected = WHOLE.to_vec();
    expected.push("Skipping meals");
    check(&env, "A4", &[], &steps, &expected);
    check(&env, "Letter", &["--paper", "letter"], &steps, &expected);
}

#[test]
fn ten_steps_of_four_hundred_characters_keep_alexs_number() {
    let (env, steps) = plan(10, 400, None);
    let mut expected = WHOLE.to_vec();
    expected.push("Skipping meals");
    check(&env, "A4", &[], &steps, &expected);
    check(&env, "Letter", &["--paper", "letter"], &steps, &expected);
}

#[test]
fn one_huge_step_and_one_huge_warning_sign_are_printed_whole() {
    let (env, steps) = plan(1, 6900, None);
    let mut expected = WHOLE.to_vec();
    expected.push("Skipping meals");
    check(&env, "one huge step, A4", &[], &steps, &expected);
    check(
        &env,
        "one huge step, Letter",
        &["--paper", "letter"],
        &steps,
        &expected,
    );
    // A warning sign longer than a column goes on in the next column.
    let (env, steps) = plan(3, 200, Some(6000));
    let sign = sentence(99, 6000);
    let sign = sign.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut expected = WHOLE.to_vec();
    expected.push(&sign);
    check(&env, "one huge warning sign", &[], &steps, &expected);
}

#[test]
fn a_copy_for_a_helper_keeps_every_long_step_and_number() {
    let (env, steps) = plan(12, 600, None);
    let expected = [
        "What I'll do, in order",
        "People to call",
        "Dr Lee",
        "+64 9 555 0199",
        "Crisis lines",
        "Lifeline Aotearoa",
        "0800 543 354",
    ];
    check(
        &env,
        "for Alex, A4",
        &["--for", "Alex", "--yes"],
        &steps,
        &expected,
    );
    check(
        &env,
        "for Alex, Letter",
        &["--for", "Alex", "--yes", "--paper", "letter"],
        &steps,
        &expected,
    );
}

/// Pasted links and names with no spaces, after other words or alone, in a
/// warning sign, a way of coping, a crisis step and a professional's name
/// (Trudy, fresh eyes round 3): each is broken inside its column, so no
/// word runs across the next column (over a crisis line's number), through
/// the crisis box or off the paper, and every character is printed.
#[test]
fn long_unbroken_words_stay_in_their_column_and_are_printed_whole() {
    let env = Env::new();
    env.ok(["init", "--name", "Trudy", "--country", "NZ"]);
    let link = "https://www.reddit.com/r/stopdrinking/comments/1abcdef/some_very_long_thread_title_that_people_paste_into_notes_all_the_time_without_thinking/";
    let sign = format!("Reading {link} at night");
    let coping = "Read_my_own_letter_to_myself_from_the_first_week_of_recovery_2024_and_again";
    let step = format!("Go to {link} and then call Mia");
    let name = "Dr_Aroha_Te_Whaiti_Kingsford_Community_Mental_Health_Team_Night_Service";
    env.ok(["warning-sign", "add", &sign]);
    env.ok(["coping", "add", "--name", coping, "--step", "Sit down"]);
    env.ok([
        "contact",
        "add",
        "--name",
        "Mia",
        "--phone",
        "021 111 2222",
        "--role",
        "help",
    ]);
    env.ok([
        "contact",
        "add",
        "--name",
        name,
        "--phone",
        "09 555 6666",
        "--role",
        "professional",
    ]);
    env.ok(["step", "add", &step]);
    env.ok(["reason", "add", "My kids"]);
    for paper in ["a4", "letter"] {
        let pdf = env.home().join(format!("{paper}.pdf"));
        env.ok([
            "print",
            "--force",
            "--paper",
            paper,
            "-o",
            pdf.to_str().unwrap(),
        ]);
        let text = crate::pdftotext(&pdf);
        // Numbers sit beside the first line of a name: read apart.
        let numbers = ["021 111 2222", "09 555 6666", "0800 543 354", "1737"];
        for number in numbers {
            assert!(
                text.contains(number),
                "{paper}: {number} is printed:\n{text}"
            );
        }
        let words_only = numbers.iter().fold(text.clone(), |t, n| t.replace(n, ""));
        let joined: String = words_only.split_whitespace().collect();
        for whole in [link, coping, name] {
            assert!(
                joined.contains(whole),
                "{paper}: {whole:?} is printed whole:\n{text}"
            );
        }
        let (words, pages) = words(&pdf);
        for w in &words {
            let (width, height) = pages[w.page];
            assert!(
                w.x0 >= 0.0 && w.x1 <= width && w.y1 <= height,
                "{paper}: {:?} is on the paper ({}..{} of {width})",
                w.text,
                w.x0,
                w.x1
            );
        }
        // No two words print over each other (a little slack for the
        // glyph boxes poppler gives, which reach past the letters).
        for (i, a) in words.iter().enumerate() {
            for b in &words[i + 1..] {
                let across = a.x1.min(b.x1) - a.x0.max(b.x0);
                let down = a.y1.min(b.y1) - a.y0.max(b.y0);
                assert!(
                    a.page != b.page || across <= 1.0 || down <= 2.5,
                    "{paper}: {:?} prints over {:?}",
                    a.text,
                    b.text
                );
            }
        }
    }
}
