//! Right-to-left steps and figures on paper and screens (Layla, Cairo;
//! Shirin, Tehran), read back where a person reads them: the PDF and the
//! HTML printed by Chromium, placed by poppler's `pdftotext -bbox`; text
//! and the terminal after the bidi algorithm has run over each line.
//! A mark under a step is a line of its own; hours read in their line's
//! order, phone numbers as typed.

use crate::paper::{Word, words};
use crate::{Env, unmarked};

/// Layla's plan: her sister Maryam's number changed, and her first crisis
/// step still holds the old one.
fn layla() -> Env {
    let env = Env::new();
    env.ok(["init", "--name", "ليلى", "--country", "EG"]);
    env.ok([
        "contact",
        "add",
        "--name",
        "مريم",
        "--phone",
        "+20 100 999 8888",
        "--role",
        "help",
    ]);
    env.ok(["step", "add", "اتصل بأختي مريم على ٠١٠٠ ١٢٣ ٤٥٦٧"]);
    env.ok(["step", "add", "اخرج وامش قليلا"]);
    env
}

/// The words of her first step, as poppler may write them (Arabic in
/// either order of its letters).
fn in_step_one(word: &str) -> bool {
    ["اتصل", "بأختي", "على", "٤٥٦٧"].iter().any(|w| {
        let turned: String = w.chars().rev().collect();
        word.contains(w) || word.contains(&turned)
    })
}

/// On the card Layla printed, the English mark "(the number here is not
/// the one saved for مريم: …)" ran on inside her Arabic step: "(the number
/// here is not the" sat on the line of her old number, mixing the two. It
/// is now lines of its own under her step, above her next one, on the PDF
/// card and on the HTML card printed by Chromium.
#[test]
fn the_mark_under_her_arabic_step_is_a_line_of_its_own_on_the_card() {
    let env = layla();
    let mut pdfs = Vec::new();
    let pdf = env.home().join("card.pdf");
    env.ok(["print", "--card", "-o", pdf.to_str().unwrap()]);
    pdfs.push(("PDF card".to_string(), pdf));
    if let Some(chromium) = crate::chromium() {
        let html = env.home().join("card.html");
        env.ok([
            "print",
            "--card",
            "--format",
            "html",
            "-o",
            html.to_str().unwrap(),
        ]);
        let pdf = env.home().join("browser.pdf");
        crate::browser(chromium, &env.home().join("profile"))
            .arg("--no-pdf-header-footer")
            .arg(format!("--print-to-pdf={}", pdf.display()))
            .arg(format!("file://{}", html.display()))
            .case("Chromium prints the HTML card")
            .within(60)
            .run();
        pdfs.push(("HTML card in Chromium".to_string(), pdf));
    }
    for (what, pdf) in &pdfs {
        let all = words(pdf);
        let page = all
            .iter()
            .find(|w| w.text == "saved")
            .unwrap_or_else(|| panic!("{what}: the mark is printed: {all:?}"))
            .page;
        // The first copy of the card on the page (a PDF sheet holds several).
        let step_one: Vec<&Word> = all
            .iter()
            .filter(|w| w.page == page && in_step_one(&w.text))
            .collect();
        assert!(step_one.len() >= 3, "{what}: {all:?}");
        let top = step_one.iter().map(|w| w.y0).fold(f32::MAX, f32::min);
        // Within one copy of the card (54 mm, about 153 pt, high).
        // and on its front, left of the back (its list number is the
        // front's rightmost word).
        let right = step_one.iter().map(|w| w.x0).fold(0.0, f32::max) + 40.0;
        let here =
            |w: &Word| w.page == page && w.y0 > top - 1.0 && w.y0 < top + 100.0 && w.x0 < right;
        let bottom = step_one
            .iter()
            .filter(|w| here(w))
            .map(|w| w.y1)
            .fold(0.0, f32::max);
        let next = all
            .iter()
            .filter(|w| here(w) && (w.text.contains("وامش") || w.text.contains("شماو")))
            .map(|w| w.y0)
            .fold(f32::MAX, f32::min);
        assert!(next < f32::MAX, "{what}: step 2 is printed: {all:?}");
        let mark: Vec<&Word> = all
            .iter()
            .filter(|w| here(w) && ["(the", "here", "saved", "one"].contains(&w.text.as_str()))
            .collect();
        assert!(mark.len() >= 4, "{what}: {mark:?} in {all:?}");
        for w in &mark {
            assert!(
                w.y0 >= bottom - 0.5,
                "{what}: {:?} is under every line of her step (to {bottom}): {all:?}",
                w.text
            );
            assert!(
                w.y1 <= next + 0.5,
                "{what}: {:?} is above step 2: {all:?}",
                w.text
            );
        }
        // Left to right, as English reads: "(the" opens its first line
        // at the left.
        let open = mark.iter().find(|w| w.text == "(the").unwrap();
        let line_start = all
            .iter()
            .filter(|w| {
                w.page == page && (w.y0 - open.y0).abs() < 2.0 && (w.x0 - open.x0).abs() < 150.0
            })
            .map(|w| w.x0)
            .fold(f32::MAX, f32::min);
        assert!((open.x0 - line_start).abs() < 0.5, "{what}: {all:?}");
    }
}

/// The text card holds the mark on a line of its own, under her step.
#[test]
fn the_text_card_puts_the_mark_on_its_own_line() {
    let env = layla();
    let card = unmarked(&env.ok(["print", "--card"]));
    let lines: Vec<&str> = card.lines().collect();
    let step = lines
        .iter()
        .position(|l| l.contains("اتصل"))
        .unwrap_or_else(|| panic!("{card}"));
    let mark = lines
        .iter()
        .position(|l| l.contains("(the number here is not"))
        .unwrap_or_else(|| panic!("{card}"));
    assert!(mark > step, "{card}");
    for line in &lines[mark..] {
        if line.contains("one saved") || line.contains("(the number") {
            assert!(!in_step_one(line), "{line:?} in:\n{card}");
        }
    }
}

/// A line as a bidi-aware terminal shows it, left to right, its direction
/// found from the line (as VTE does by default).
fn seen(line: &str) -> String {
    let info = unicode_bidi::BidiInfo::new(line, None);
    let Some(para) = info.paragraphs.first() else {
        return String::new();
    };
    unmarked(&info.reorder_line(para, para.range.clone()))
}

/// Layla's hours, in her step and beside her sister's name.
fn laylas_hours() -> Env {
    let env = Env::new();
    env.ok(["init", "--name", "ليلى", "--country", "EG"]);
    env.ok([
        "contact",
        "add",
        "--name",
        "مريم",
        "--phone",
        "٠١٠٠ ١٢٣ ٤٥٦٧",
        "--role",
        "help",
        "--reachable",
        "من ١٠-٥",
    ]);
    env.ok([
        "step",
        "add",
        "امش في الحديقة من ١٠-٥ ثم اتصل بمريم على ٠١٠٠ ١٢٣ ٤٥٦٧",
    ]);
    env
}

/// Working hours "١٠-٥" were held left to right like a phone number, so
/// in her Arabic lines they read "5-10" from the right: on the terminal,
/// in the text printout and on paper. They now keep the order the bidi
/// algorithm gives them (left to right on screen "٥-١٠", read "١٠-٥" from
/// the right), and her sister's number beside them still reads as typed.
#[test]
fn hours_in_an_arabic_line_read_from_the_right_and_numbers_as_typed() {
    let env = laylas_hours();
    for args in [&["show"][..], &["now"], &["print", "--format", "text"]] {
        let out = env.ok(args);
        let lines: Vec<&str> = out.lines().filter(|l| l.contains('٥')).collect();
        assert!(!lines.is_empty(), "{args:?}: {out}");
        for line in lines {
            let shown = seen(line);
            assert!(
                shown.contains("٥-١٠"),
                "{args:?}: {line:?} shown as {shown:?}"
            );
            assert!(!shown.contains("١٠-٥"), "{args:?}: {shown:?}");
            if line.contains('٤') {
                assert!(shown.contains("٠١٠٠ ١٢٣ ٤٥٦٧"), "{args:?}: {shown:?}");
            }
        }
    }
    let pdf = env.home().join("plan.pdf");
    env.ok(["print", "-o", pdf.to_str().unwrap()]);
    let all = words(&pdf);
    let hours: Vec<&str> = all
        .iter()
        .map(|w| w.text.as_str())
        .filter(|w| w.contains('-'))
        .collect();
    assert!(hours.len() >= 2, "the step and the hours: {all:?}");
    assert!(hours.iter().all(|w| *w == "٥-١٠"), "{hours:?}");
    let number: Vec<&str> = all
        .iter()
        .map(|w| w.text.as_str())
        .filter(|w| ["٠١٠٠", "١٢٣", "٤٥٦٧"].contains(w))
        .collect();
    assert!(number.starts_with(&["٠١٠٠", "١٢٣", "٤٥٦٧"]), "{all:?}");
}

/// Shirin's confidence after two rehearsals of a situation in her own
/// words read backwards on `practice`: in the right-to-left line "40% →
/// 60%" read from the right with the arrow pointing back at 40%. The
/// earlier value is first as the line is read (rightmost), and the arrow
/// points the way it is read, toward the later one; an English line is as
/// it was.
#[test]
fn a_confidence_trend_in_an_arabic_line_reads_from_the_right() {
    let env = Env::new();
    env.ok(["init", "--name", "ليلى", "--country", "EG"]);
    env.ok([
        "coping",
        "add",
        "--name",
        "المشي",
        "--step",
        "أمشي عشر دقائق",
    ]);
    env.ok([
        "coping",
        "add",
        "--name",
        "Walk",
        "--step",
        "Ten minutes out",
    ]);
    env.ok([
        "trigger",
        "add",
        "--situation",
        "عندما أكون وحدي في الليل",
        "--coping",
        "1",
    ]);
    env.ok(["trigger", "add", "--situation", "Payday", "--coping", "2"]);
    for (trigger, confidence, now) in [
        ("1", "40", "2026-11-20T10:00:00Z"),
        ("1", "60", "2026-11-22T10:00:00Z"),
        ("2", "20", "2026-11-20T11:00:00Z"),
        ("2", "80", "2026-11-22T11:00:00Z"),
    ] {
        env.test([
            "rehearse",
            trigger,
            "--recalled",
            "all",
            "--confidence",
            confidence,
        ])
        .env("RELAPSE_PLAN_NOW", now)
        .run();
    }
    let out = env.ok(["practice"]);
    let arabic = out
        .lines()
        .find(|l| l.contains("عندما"))
        .unwrap_or_else(|| panic!("{out}"));
    let shown = seen(arabic);
    let (sixty, forty) = (shown.find("60").unwrap(), shown.find("40").unwrap());
    assert!(
        sixty < forty,
        "40% is read first, from the right: {shown:?}"
    );
    assert!(
        shown[sixty..forty].contains('←') && !shown.contains('→'),
        "the arrow points from 40% to 60%: {shown:?}"
    );
    let english = out
        .lines()
        .find(|l| l.contains("Payday"))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(english.contains("20% → 80%"), "{english:?}");
    assert_eq!(seen(english), english, "{english:?}");
}
