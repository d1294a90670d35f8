//! Farida's Urdu on paper (Karachi): every word drawn in one font, so its
//! letters join. `DejaVu Sans` has most Arabic letters but not ہ (U+06C1)
//! or ے (U+06D2); those came from Noto Sans Arabic one letter at a time,
//! and "گہری" printed as گ, a lone ہ, then ری. Read back with poppler's
//! `pdftohtml -xml`, which writes each stretch of text in one font as one
//! piece, naming its font.

use crate::{Env, tool};

/// Farida's plan: her name, a warning sign and steps with ہ and ے.
fn farida() -> Env {
    let env = Env::new();
    env.ok(["init", "--name", "فریدہ", "--country", "PK"]);
    env.ok(["warning-sign", "add", "جب میں رات کو اکیلی ہوتی ہوں"]);
    env.ok(["step", "add", "پرانے پیغامات نہ پڑھوں"]);
    env.ok(["step", "add", "گہری سانس لوں"]);
    env
}

/// Her words with a letter `DejaVu Sans` lacks, each to be drawn whole.
const WORDS: [&str; 5] = ["فریدہ", "ہوتی", "ہوں", "پرانے", "گہری"];

/// Each piece of text in a PDF with the family of its font, as poppler
/// reads it: a word drawn in two fonts is never one piece.
fn pieces(pdf: &std::path::Path) -> Vec<(String, String)> {
    let xml = tool("pdftohtml")
        .args(["-xml", "-i", "-stdout", "-q"])
        .arg(pdf)
        .case("pdftohtml (poppler-utils) reads the PDF's text and fonts")
        .run()
        .stdout;
    let mut families = std::collections::HashMap::new();
    for spec in xml.split("<fontspec ").skip(1) {
        let attr = |name: &str| {
            let at = spec.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
            spec[at..].split('"').next().unwrap().to_string()
        };
        families.insert(attr("id"), attr("family"));
    }
    xml.split("<text ")
        .skip(1)
        .map(|tag| {
            let (head, rest) = tag.split_once('>').unwrap();
            let at = head.find("font=\"").unwrap() + 6;
            let id = head[at..].split('"').next().unwrap();
            let text = rest.split("</text>").next().unwrap();
            (text.to_string(), families[id].clone())
        })
        .collect()
}

/// Whether `piece` holds `word` whole (poppler may write Arabic in
/// either order of its letters).
fn holds(piece: &str, word: &str) -> bool {
    let turned: String = word.chars().rev().collect();
    piece.contains(word) || piece.contains(&turned)
}

/// The whole plan and the wallet card, as PDFs: each of her words is one
/// piece of text, in Noto Sans Arabic (which has all its letters), never
/// parted between two fonts.
#[test]
fn each_urdu_word_is_drawn_in_one_font_on_paper_and_card() {
    let env = farida();
    for (what, args) in [("plan", vec![]), ("card", vec!["--card"])] {
        let pdf = env.home().join(format!("{what}.pdf"));
        let mut argv = vec!["print", "-o", pdf.to_str().unwrap(), "--force"];
        argv.extend(args);
        env.ok(argv);
        let found = pieces(&pdf);
        for word in WORDS {
            let whole = found.iter().find(|(text, _)| holds(text, word));
            let Some((_, family)) = whole else {
                panic!("{what}: {word} is not drawn whole in one font: {found:?}");
            };
            assert!(
                family.contains("NotoSansArabic"),
                "{what}: {word} in {family}"
            );
        }
    }
}

/// Farida's steps that start with an English word: a name she calls her
/// mother by, an app she texts her sister on.
fn farida_in_two_scripts() -> Env {
    let env = Env::new();
    env.ok(["init", "--name", "فریدہ", "--country", "PK"]);
    env.ok(["step", "add", "Ammi کو فون کرو"]);
    env.ok(["step", "add", "WhatsApp پر بہن کو میسج کرو 0300 1234567"]);
    env.ok(["reason", "add", "Ayesha کے لیے"]);
    // As many English words as Urdu ones, the English ones longer: still
    // her Urdu sentences, to read from the right.
    env.ok(["step", "add", "Umang کو call کرو ۰۳۱۱ ۷۷۸۶۲۶۴"]);
    env.ok(["step", "add", "WhatsApp پر Sara کو call کرو"]);
    env.ok(["step", "add", "Fajr کے بعد walk"]);
    env
}

/// Her steps were laid out left to right because their first letter is
/// English ("Ammi کو فون کرو": call Ammi), so on paper "Ammi" sat at the
/// left and her sentence read in the wrong order; so were her lines with
/// as many English words as Urdu ones ("Fajr کے بعد walk"). Mostly Urdu,
/// or half, each now reads right to left: "Ammi", "`WhatsApp`" and "Ayesha" rightmost on their
/// lines, where she starts reading, and her sister's number as typed. In
/// the PDF plan, the PDF card, and the HTML plan and card printed by
/// Chromium (which read `dir="auto"` from the first letter too).
#[test]
fn an_urdu_line_that_starts_in_english_reads_from_the_right_on_paper() {
    let env = farida_in_two_scripts();
    let mut pdfs = Vec::new();
    for (what, args) in [("plan", vec![]), ("card", vec!["--card"])] {
        let pdf = env.home().join(format!("{what}.pdf"));
        let mut argv = vec!["print", "-o", pdf.to_str().unwrap()];
        argv.extend(args.iter().copied());
        env.ok(argv);
        pdfs.push((format!("PDF {what}"), pdf));
        if let Some(chromium) = crate::chromium() {
            let html = env.home().join(format!("{what}.html"));
            let mut argv = vec!["print", "-o", html.to_str().unwrap()];
            argv.extend(args);
            env.ok(argv);
            let pdf = env.home().join(format!("{what}-browser.pdf"));
            crate::browser(chromium, &env.home().join("profile"))
                .arg("--no-pdf-header-footer")
                .arg(format!("--print-to-pdf={}", pdf.display()))
                .arg(format!("file://{}", html.display()))
                .case(format!("Chromium prints the HTML {what}"))
                .within(60)
                .run();
            pdfs.push((format!("HTML {what} in Chromium"), pdf));
        }
    }
    for (what, pdf) in &pdfs {
        let all = crate::paper::words(pdf);
        for (first, rest) in [
            ("Ammi", &["کو", "فون", "کرو"][..]),
            ("WhatsApp", &["پر", "بہن", "میسج"][..]),
            ("Ayesha", &["کے", "لیے"][..]),
            ("Umang", &["کو", "کرو"][..]),
            ("WhatsApp", &["پر", "کو"][..]),
            ("Fajr", &["کے", "بعد"][..]),
        ] {
            let starts: Vec<_> = all.iter().filter(|w| w.text == first).collect();
            assert!(!starts.is_empty(), "{what}: {first} is printed: {all:?}");
            for start in starts {
                // Her words on its line (the Arabic font's boxes are
                // taller: around the middle of the English word's), in its
                // column.
                let middle = f32::midpoint(start.y0, start.y1);
                let after: Vec<_> = all
                    .iter()
                    .filter(|w| {
                        w.page == start.page
                            && w.y0 < middle
                            && w.y1 > middle
                            && (w.x0 - start.x0).abs() < 200.0
                            && rest.iter().any(|r| holds(&w.text, r))
                    })
                    .collect();
                assert!(!after.is_empty(), "{what}: {first}'s line: {all:?}");
                for w in after {
                    assert!(
                        w.x1 <= start.x0 + 0.5,
                        "{what}: {first} reads first, from the right: {start:?} is left of {w:?}"
                    );
                }
            }
        }
        let text = crate::pdftotext(pdf);
        assert!(text.contains("0300 1234567"), "{what}: {text}");
    }
}
