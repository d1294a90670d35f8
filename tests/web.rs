//! The plan and the card as text, Markdown and HTML, printed from a plan
//! written in many scripts (tests/data/world.toml): lines by display width
//! with every number whole and in order, the Markdown read back by a
//! `CommonMark` parser, the HTML printed to PDF and shown at phone width in
//! a real Chromium.

use std::fs;
use std::path::Path;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use textwrap::core::display_width;

use crate::Env;

/// Every number the world plan prints, as typed.
const NUMBERS: [&str; 8] = [
    "+20 10 1234 5678",
    "+86 138 0013 8000",
    "+91 98765 43210",
    "+7 912 345-67-89",
    "+30 694 123 4567",
    "14416",
    "1-800-891-4416",
    "112",
];

/// The number of someone not to involve: never printed.
const NOT_TO_CALL: &str = "+971 4 123 4567";

const LRI: char = '\u{2066}';
const PDI: char = '\u{2069}';
const LRM: char = '\u{200e}';

fn squash(text: &str) -> String {
    text.replace([LRI, PDI, LRM], "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Everything the person wrote in the world plan, as typed.
fn typed() -> Vec<String> {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/world.toml");
    let plan: toml::Table = fs::read_to_string(file).unwrap().parse().unwrap();
    let mut words = Vec::new();
    for list in [
        "crisis_steps",
        "warning_signs",
        "reasons",
        "safe_environment",
        "lapse_plan",
        "maintenance",
    ] {
        for item in plan[list].as_array().unwrap() {
            words.push(item["text"].as_str().unwrap().to_string());
        }
    }
    for coping in plan["coping"].as_array().unwrap() {
        words.push(coping["name"].as_str().unwrap().to_string());
        for step in coping["steps"].as_array().unwrap() {
            words.push(step.as_str().unwrap().to_string());
        }
    }
    for contact in plan["contacts"].as_array().unwrap() {
        words.push(contact["name"].as_str().unwrap().to_string());
        if let Some(when) = contact.get("reachable") {
            words.push(when.as_str().unwrap().to_string());
        }
    }
    words
}

#[test]
fn text_in_many_scripts_fits_80_columns_with_every_number_whole() {
    let env = Env::with_world();
    let text = env.ok(["print"]);
    for line in text.lines() {
        assert!(display_width(line) <= 80, "wider than 80 columns: {line:?}");
    }
    for number in NUMBERS {
        assert!(
            text.lines().any(|l| l.contains(number)),
            "{number} is not whole on one line:\n{text}"
        );
    }
    assert!(!text.contains(NOT_TO_CALL));
    // A number inside right-to-left text has a left-to-right mark each
    // side, so it cannot be shown reversed; one in left-to-right text is
    // left alone. Nothing invisible sits inside a number (it is copied
    // into a dialler), and no isolates at all: they were copied with it.
    assert!(!text.contains([LRI, PDI]), "{text}");
    for line in text.lines() {
        let rtl = line.chars().any(|c| ('\u{590}'..='\u{8ff}').contains(&c));
        for number in NUMBERS.iter().filter(|n| line.contains(**n)) {
            let marked = line.contains(&format!("{LRM}{number}{LRM}"));
            assert_eq!(marked, rtl, "{line:?}");
        }
    }
    // Two-digit step numbers line up on their full stops.
    let nine = text
        .lines()
        .find(|l| l.trim_start().starts_with("9. "))
        .unwrap();
    let ten = text
        .lines()
        .find(|l| l.trim_start().starts_with("10. "))
        .unwrap();
    assert_eq!(nine.find(". "), ten.find(". "), "{nine:?} / {ten:?}");
    // Names and numbers in a column.
    let column = |name: &str| {
        let line = text.lines().find(|l| l.contains(name)).unwrap();
        let at = line.find('+').unwrap();
        display_width(&line[..at])
    };
    assert_eq!(column("दीदी (Priya)"), column("Маша Иванова"));
    let typed_text = squash(&text);
    for words in typed() {
        assert!(typed_text.contains(&squash(&words)), "{words:?} lost");
    }
    assert!(!text.contains("none yet"));
    // The footer breaks between words only.
    assert!(
        typed_text.ends_with(
            "ليلى Layla, revision 7, saved 20 November 2026 at 18:30 UTC, next review 1 February 2027. Private: this holds personal health information."
        ),
        "{text}"
    );
}

/// The Markdown as a `CommonMark` parser reads it: any raw HTML, the text
/// of every paragraph and item, and the link targets.
struct Read {
    html: Vec<String>,
    text: String,
    links: Vec<String>,
    rules: usize,
}

fn read_markdown(markdown: &str) -> Read {
    let mut read = Read {
        html: Vec::new(),
        text: String::new(),
        links: Vec::new(),
        rules: 0,
    };
    for event in Parser::new(markdown) {
        match event {
            Event::Html(h) | Event::InlineHtml(h) => read.html.push(h.to_string()),
            Event::Text(t) | Event::Code(t) => read.text.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(_) => read.text.push(' '),
            Event::Start(Tag::Link { dest_url, .. }) => read.links.push(dest_url.to_string()),
            Event::Rule => read.rules += 1,
            _ => {}
        }
    }
    read
}

#[test]
fn markdown_of_the_plan_and_card_has_no_live_html_and_reads_as_typed() {
    let env = Env::with_world();
    let markdown = env.ok(["print", "--format", "markdown"]);
    let read = read_markdown(&markdown);
    assert!(read.html.is_empty(), "raw HTML survived: {:?}", read.html);
    let text = squash(&read.text);
    for words in typed() {
        assert!(
            text.contains(&squash(&words)),
            "{words:?} does not read as typed in:\n{text}"
        );
    }
    for number in NUMBERS {
        assert!(text.contains(number), "{number} in {text}");
    }
    assert!(!markdown.contains(NOT_TO_CALL));
    // Every link dials or texts; nothing the person typed became a link.
    assert!(!read.links.is_empty());
    for link in &read.links {
        assert!(
            link.starts_with("tel:") || link.starts_with("sms:"),
            "{link}"
        );
    }
    assert!(read.links.contains(&"tel:+201012345678".to_string()));
    // Ten crisis steps are one ordered list; a coping strategy's steps are
    // a list nested in its item.
    let mut depth = 0;
    let mut lists = Vec::new();
    for event in Parser::new(&markdown) {
        match event {
            Event::Start(Tag::List(start)) => {
                depth += 1;
                lists.push((depth, start, 0));
            }
            Event::End(TagEnd::List(_)) => depth -= 1,
            Event::Start(Tag::Item) => {
                if let Some(list) = lists.iter_mut().rev().find(|l| l.0 == depth) {
                    list.2 += 1;
                }
            }
            _ => {}
        }
    }
    assert_eq!(lists[0], (1, Some(1), 10), "{lists:?}");
    assert!(
        lists.iter().any(|l| l.0 == 2 && l.1 == Some(1) && l.2 == 2),
        "{lists:?}"
    );

    let card = env.ok(["print", "--card", "--format", "markdown"]);
    let read = read_markdown(&card);
    assert!(
        read.html.is_empty(),
        "raw HTML on the card: {:?}",
        read.html
    );
    assert!(
        squash(&read.text).contains("<b>Not bold</b> *not italic* 1. not a list"),
        "{}",
        read.text
    );
}

#[test]
fn blank_forms_rule_lines_in_every_text_format() {
    let env = Env::with_world();
    let text = env.ok(["print", "--blank"]);
    assert!(
        text.lines()
            .filter(|l| l.trim_start().starts_with("____"))
            .count()
            >= 20
    );
    assert!(!text.contains("توقف"), "a blank form holds no entries");
    let markdown = env.ok(["print", "--blank", "--format", "markdown"]);
    assert!(read_markdown(&markdown).rules >= 20);
    let written = env.ok(["print", "--write-in", "--format", "markdown"]);
    let read = read_markdown(&written);
    assert!(read.rules >= 10 && squash(&read.text).contains("توقف واخرج"));
    let html = env.ok(["print", "--write-in", "--format", "html"]);
    assert!(html.matches("class=\"ruled\"").count() >= 10);
}

#[test]
fn html_links_every_number_and_leaves_the_persons_words_their_own_direction() {
    let env = Env::with_world();
    let html = env.ok(["print", "--format", "html"]);
    for (number, href) in [
        ("+20 10 1234 5678", "tel:+201012345678"),
        ("+86 138 0013 8000", "tel:+8613800138000"),
        ("+7 912 345-67-89", "tel:+79123456789"),
        ("14416", "tel:14416"),
        ("1-800-891-4416", "tel:18008914416"),
        ("112", "tel:112"),
    ] {
        assert!(
            html.contains(&format!("href=\"{href}\">{number}</a>")),
            "{number} is not a {href} link"
        );
    }
    assert!(
        html.contains("href=\"sms:+919876543210\""),
        "people can be texted"
    );
    assert!(!html.contains(NOT_TO_CALL));
    // No locale in the test's environment: no language claimed.
    assert!(html.contains("<html>\n"));
    assert!(html.contains("<li dir=\"rtl\" lang=\"und\">لا أنام أكثر من"));
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(html.contains("prefers-color-scheme: dark"));
    for fetched in [
        "<script",
        "href=\"http",
        "src=\"",
        "<link",
        "@import",
        "url(",
    ] {
        assert!(!html.contains(fetched), "nothing fetched: {fetched}");
    }
}

/// What poppler's `program` (pdfinfo, pdftotext) says of the arguments.
fn run(program: &str, args: &[&str]) -> String {
    let out = crate::tool(program)
        .args(args)
        .case(format!("{program} (poppler-utils) reads the PDF"))
        .run();
    String::from_utf8(out.bytes).unwrap()
}

/// In the page: anything wider than the window, and any number broken
/// over two lines.
const CHECK: &str = r"<script>
window.addEventListener('load', () => {
  const bad = [];
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > width) bad.push('page scrolls sideways: ' + document.documentElement.scrollWidth);
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.right > width + 0.5 || r.left < -0.5) bad.push('outside: ' + el.tagName + ' ' + el.textContent.slice(0, 30));
  }
  for (const n of document.querySelectorAll('.num')) {
    if (n.getClientRects().length !== 1) bad.push('number broken: ' + n.textContent);
  }
  const out = document.createElement('pre'); out.id = 'report';
  out.textContent = 'REPORT[' + bad.join(' | ') + '] BG[' + getComputedStyle(document.body).backgroundColor + ']';
  document.body.appendChild(out);
});
</script></body>";

#[test]
fn html_prints_on_one_page_with_page_numbers_and_fits_a_phone() {
    let Some(chromium) = crate::chromium() else {
        return;
    };
    let example = Env::with_example();
    let world = Env::with_world();
    let profile = example.home().join("chromium-profile");
    let browser = |args: &[&str]| {
        crate::browser(chromium, &profile)
            .arg("--hide-scrollbars")
            .args(args)
            .run()
    };
    for (env, name, paper) in [
        (&example, "example", "a4"),
        (&example, "example-letter", "letter"),
        (&world, "world", "a4"),
        (&world, "world-letter", "letter"),
    ] {
        let html = env.ok(["print", "--format", "html", "--paper", paper]);
        let file = example.home().join(format!("{name}.html"));
        fs::write(&file, &html).unwrap();
        let url = format!("file://{}", file.display());
        let pdf = example.home().join(format!("{name}.pdf"));
        browser(&[
            "--no-pdf-header-footer",
            &format!("--print-to-pdf={}", pdf.display()),
            &url,
        ]);
        let pdf = pdf.to_str().unwrap();
        let info = run("pdfinfo", &[pdf]);
        assert!(
            info.lines()
                .any(|l| l.starts_with("Pages:") && l.ends_with(" 1")),
            "{name} prints on one page:\n{info}"
        );
        let size = if paper == "a4" {
            "pts (A4)"
        } else {
            "pts (letter)"
        };
        assert!(info.contains(size), "{name}: {info}");
        let text = run("pdftotext", &[pdf, "-"]);
        assert!(
            text.contains("Page 1 of 1"),
            "{name}: page numbers in print"
        );
        if name.starts_with("world") {
            for number in NUMBERS {
                assert!(
                    text.contains(number),
                    "{name}: {number} read back from\n{text}"
                );
            }
        }
        // A phone, in light and dark.
        let checked = example.home().join(format!("{name}-checked.html"));
        fs::write(&checked, html.replace("</body>", CHECK)).unwrap();
        let checked = format!("file://{}", checked.display());
        for (scheme, background) in [("light", "rgb(255, 255, 255)"), ("dark", "rgb(21, 21, 21)")] {
            let mut args = vec!["--window-size=390,2000", "--dump-dom", checked.as_str()];
            if scheme == "dark" {
                args.insert(0, "--force-dark-mode");
            }
            let dom = browser(&args).stdout;
            assert!(
                dom.contains("REPORT[]"),
                "{name} at 390 px ({scheme}): {}",
                dom.rsplit("REPORT[").next().unwrap_or("no report")
            );
            assert!(
                dom.contains(&format!("BG[{background}]")),
                "{name} {scheme}: {}",
                dom.rsplit("BG[").next().unwrap_or("no report")
            );
        }
        let shot = example.home().join(format!("{name}-phone.png"));
        browser(&[
            "--window-size=390,2400",
            &format!("--screenshot={}", shot.display()),
            &url,
        ]);
        assert!(
            fs::metadata(&shot).is_ok_and(|m| m.len() > 10_000),
            "{name}: a screenshot"
        );
    }
}

/// In the card: anything outside its card, smaller than 8 pt, or a
/// number broken over two lines.
const CARD_CHECK: &str = r"<script>
window.addEventListener('load', () => {
  const bad = [];
  for (const card of document.querySelectorAll('.card')) {
    const box = card.getBoundingClientRect();
    for (const el of card.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.right > box.right + 0.5 || r.bottom > box.bottom + 0.5 || r.left < box.left - 0.5) bad.push('outside: ' + el.textContent);
      if (parseFloat(getComputedStyle(el).fontSize) < 8 * 96 / 72 - 0.01) bad.push('small: ' + el.textContent);
      if (el.scrollWidth > el.clientWidth + 1) bad.push('cut: ' + el.textContent);
    }
    for (const n of card.querySelectorAll('.num')) {
      if (n.getClientRects().length !== 1) bad.push('number broken: ' + n.textContent);
    }
  }
  const out = document.createElement('pre'); out.id = 'report';
  out.textContent = 'REPORT[' + bad.join(' | ') + ']';
  document.body.appendChild(out);
});
</script></body>";

#[test]
fn the_card_in_html_is_legible_whole_and_dialable() {
    let env = Env::with_world();
    let html = env.ok(["print", "--card", "--format", "html"]);
    for (number, href) in [
        ("+20 10 1234 5678", "tel:+201012345678"),
        ("+91 98765 43210", "tel:+919876543210"),
        ("112", "tel:112"),
        ("14416", "tel:14416"),
    ] {
        assert!(
            html.contains(&format!("href=\"{href}\">{number}</a>")),
            "{number}"
        );
    }
    assert!(html.contains("&lt;b&gt;Not bold&lt;/b&gt;") && !html.contains("<b>"));
    let Some(chromium) = crate::chromium() else {
        return;
    };
    let check = |env: &Env, html: &str| {
        let file = env.home().join("card-checked.html");
        fs::write(&file, html.replace("</body>", CARD_CHECK)).unwrap();
        let dom = crate::browser(chromium, &env.home().join("profile"))
            .args(["--dump-dom", &format!("file://{}", file.display())])
            .run()
            .stdout;
        assert!(
            dom.contains("REPORT[]"),
            "{}",
            dom.rsplit("REPORT[").next().unwrap_or("no report")
        );
    };
    check(&env, &html);
    // A card too full for 8 pt moves what it can spare, and says so.
    let full = Env::with_world();
    for i in 0..12 {
        full.ok([
            "step",
            "add",
            &format!("Step {i}: a long step that takes up most of a line on the card, and more"),
        ]);
    }
    let output = full
        .test(["print", "--card", "--format", "html"])
        .stderr_has("no room at a legible size")
        .run();
    let html = output.stdout;
    assert!(html.contains("More in your full plan."));
    check(&full, &html);
}

/// Issue 13 (Mumbai): the HTML claimed no language for her words, so a
/// screen reader read her Hindi with an English voice. A run of her words
/// in a script only one language is written in says so (`lang="hi"`,
/// `"zh"`); Arabic script, Latin and mixed runs claim none, never "en".
#[test]
fn html_gives_her_words_the_language_their_script_says() {
    let env = Env::with_world();
    for args in [
        &["print", "--format", "html"][..],
        &["print", "--card", "--format", "html"][..],
    ] {
        let html = env.ok(args);
        assert!(html.contains("lang=\"hi\">दीदी को"), "{args:?}\n{html}");
        assert!(html.contains("lang=\"zh\">如果没人接"), "{args:?}\n{html}");
        assert!(!html.contains("lang=\"en\""), "{args:?}");
    }
    let html = env.ok(["print", "--format", "html"]);
    assert!(html.contains("<li dir=\"rtl\" lang=\"und\">لا أنام أكثر من"));
    assert!(html.contains("lang=\"und\">为了我自己 (for me)"), "{html}");
}

/// Layla, in Cairo: the web page showed her sister's number "٠١٠٠ ١٢٣
/// ٤٥٦٧" as "٤٥٦٧ ١٢٣ ٠١٠٠", in the People row and in her own step, though
/// the number sat in a left-to-right span: spaces between Arabic-Indic
/// digits go right to left under UAX #9 unless overridden. Printed by
/// Chromium and read back with where each group of digits landed.
#[test]
fn arabic_indic_numbers_print_in_the_order_typed_in_a_browser() {
    let Some(chromium) = crate::chromium() else {
        return;
    };
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
    ]);
    env.ok(["step", "add", "اتصل بمريم على ٠١٠٠ ١٢٣ ٤٥٦٧"]);
    let groups = ["٠١٠٠", "١٢٣", "٤٥٦٧"];
    for (name, card) in [("plan", false), ("card", true)] {
        let mut args = vec!["print", "--format", "html"];
        if card {
            args.push("--card");
        }
        let file = env.home().join(format!("{name}.html"));
        fs::write(&file, env.ok(args)).unwrap();
        let pdf = env.home().join(format!("{name}.pdf"));
        crate::browser(chromium, &env.home().join("profile"))
            .args([
                "--no-pdf-header-footer".to_string(),
                format!("--print-to-pdf={}", pdf.display()),
                format!("file://{}", file.display()),
            ])
            .run();
        let boxes = run("pdftotext", &["-bbox", pdf.to_str().unwrap(), "-"]);
        // Each word's left edge and line, as Chromium placed it.
        let mut words: Vec<(f64, f64, String)> = boxes
            .lines()
            .filter_map(|l| {
                let attr = |name: &str| -> Option<f64> {
                    let at = l.find(&format!("{name}=\""))? + name.len() + 2;
                    l[at..].split('"').next()?.parse().ok()
                };
                let text = l.split('>').nth(1)?.split('<').next()?.to_string();
                Some((attr("yMin")?, attr("xMin")?, text))
            })
            .filter(|(_, _, text)| groups.contains(&text.as_str()))
            .collect();
        words.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
        let mut lines: Vec<Vec<&str>> = Vec::new();
        let mut last = f64::NEG_INFINITY;
        for (y, _, text) in &words {
            if (y - last).abs() > 0.5 {
                lines.push(Vec::new());
                last = *y;
            }
            lines.last_mut().unwrap().push(text.as_str());
        }
        // A card's two sides sit side by side: a line may hold two numbers.
        let numbers: Vec<&[&str]> = lines.iter().flat_map(|l| l.chunks(3)).collect();
        assert!(
            numbers.len() >= 2,
            "{name}: the step and the People row: {lines:?}"
        );
        for number in numbers {
            assert_eq!(number, groups, "{name}: left to right as typed");
        }
    }
}
