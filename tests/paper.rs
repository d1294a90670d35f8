//! Printouts as a person reads them (issue 13): words placed on the page,
//! read back with poppler (`pdftotext -bbox`), in our PDF and in the HTML
//! printed by Chromium, at A4 and Letter.

use std::path::Path;

use crate::{Env, tool};

/// One word on a page as poppler places it: its text (in visual order,
/// left to right, as on paper), page, and box in points.
#[derive(Debug, Clone)]
struct Word {
    text: String,
    page: usize,
    x0: f32,
    y0: f32,
    x1: f32,
}

/// Every word of a PDF with where it sits.
fn words(pdf: &Path) -> Vec<Word> {
    let out = tool("pdftotext")
        .arg("-bbox")
        .arg(pdf)
        .arg("-")
        .case("pdftotext (poppler-utils) places the PDF's words")
        .stderr_lacks("Syntax Error")
        .run();
    let html = String::from_utf8(out.bytes).unwrap();
    let attr = |tag: &str, name: &str| -> f32 {
        let at = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        tag[at..].split('"').next().unwrap().parse().unwrap()
    };
    let mut found = Vec::new();
    for (page, part) in html.split("<page ").skip(1).enumerate() {
        for tag in part.split("<word ").skip(1) {
            let (head, rest) = tag.split_once('>').unwrap();
            let text = rest.split("</word>").next().unwrap();
            found.push(Word {
                text: text.replace("&apos;", "'").replace("&amp;", "&"),
                page,
                x0: attr(head, "xMin"),
                y0: attr(head, "yMin"),
                x1: attr(head, "xMax"),
            });
        }
    }
    found
}

/// The words on the same line as `word` and in its column (no gap wider
/// than 15 pt between them), left to right.
fn line_of<'a>(all: &'a [Word], word: &Word) -> Vec<&'a Word> {
    let mut line: Vec<&Word> = all
        .iter()
        .filter(|w| w.page == word.page && (w.y0 - word.y0).abs() < 2.0)
        .collect();
    line.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    let mut runs: Vec<Vec<&Word>> = Vec::new();
    for w in line {
        match runs.last_mut() {
            Some(run) if w.x0 - run[run.len() - 1].x1 < 15.0 => run.push(w),
            _ => runs.push(vec![w]),
        }
    }
    runs.into_iter()
        .find(|run| run.iter().any(|w| std::ptr::eq(*w, word)))
        .unwrap()
}

/// Farah's first step starts with a number of her own ("۱۵ دقیقه …": 15
/// minutes). The list's "1." is drawn the way a right-to-left reader and a
/// browser write it (its full stop on the left, between the number and her
/// words), bold, and apart from her "۱۵": reading from the right, "1." then
/// "۱۵ دقیقه", never "۱۵ .1" run together. The same in the HTML printed by
/// Chromium, and at A4 and Letter.
#[test]
fn a_persian_step_that_starts_with_a_number_keeps_the_list_number_apart() {
    let env = Env::new();
    env.ok(["init", "--name", "فرح", "--country", "IR"]);
    env.ok(["step", "add", "۱۵ دقیقه قدم بزنم و نفس عمیق بکشم"]);
    env.ok(["step", "add", "به خواهرم زنگ بزنم"]);
    env.ok(["step", "add", "Call 112 if I feel unsafe"]);
    let mut pdfs = Vec::new();
    for paper in ["a4", "letter"] {
        let pdf = env.home().join(format!("plan-{paper}.pdf"));
        env.ok(["print", "--paper", paper, "-o", pdf.to_str().unwrap()]);
        pdfs.push((paper.to_string(), pdf));
    }
    if let Some(chromium) = crate::chromium() {
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
        pdfs.push(("HTML in Chromium".to_string(), pdf));
    }
    for (what, pdf) in &pdfs {
        let all = words(pdf);
        let fifteen = all
            .iter()
            .find(|w| w.text == "۱۵")
            .unwrap_or_else(|| panic!("{what}: her ۱۵ is printed: {all:?}"));
        let line = line_of(&all, fifteen);
        let at = line.iter().position(|w| w.text == "۱۵").unwrap();
        // Her words run leftwards from "۱۵"; the list's number is the one
        // word to its right, the last on the line.
        assert_eq!(at + 2, line.len(), "{what}: {line:?}");
        let marker = line[at + 1];
        assert_eq!(
            marker.text, ".1",
            "{what}: the list number reads 1. from the right, full stop on the left: {line:?}"
        );
        let gap = marker.x0 - fifteen.x1;
        assert!(
            gap > 3.0,
            "{what}: the list number stands apart from her ۱۵ ({gap} pt): {line:?}"
        );
        // The English step keeps its number on the left, as "3.".
        let call = all.iter().find(|w| w.text == "Call").unwrap();
        let english = line_of(&all, call);
        assert_eq!(english[0].text, "3.", "{what}: {english:?}");
    }
}
