//! Printing: text, Markdown and HTML snapshots; PDFs read back in-process
//! (pages, sizes, text, embedded font); the HTML in a real browser.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use crate::{Env, pdftotext};

fn read_pdf(path: &Path) -> (Vec<(f32, f32)>, Vec<String>, Vec<u8>) {
    let bytes = fs::read(path).unwrap();
    let doc = lopdf::Document::load_mem(&bytes).expect("a PDF lopdf can read");
    let mut sizes = Vec::new();
    for (_, id) in doc.get_pages() {
        let page = doc.get_dictionary(id).unwrap();
        let media = page.get(b"MediaBox").unwrap().as_array().unwrap();
        let number = |o: &lopdf::Object| {
            o.as_float()
                .or_else(|_| o.as_i64().map(|i| f32::from(i16::try_from(i).unwrap())))
                .unwrap()
        };
        sizes.push((
            number(&media[2]) - number(&media[0]),
            number(&media[3]) - number(&media[1]),
        ));
    }
    let pages = pdf_extract::extract_text_from_mem_by_pages(&bytes).expect("text can be extracted");
    (sizes, pages, bytes)
}

/// Words as extracted text has them: whitespace collapsed.
fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn text_markdown_and_html_of_the_example_and_an_empty_plan() {
    let env = Env::with_example();
    let text = env.ok(["print"]);
    assert!(text.lines().all(|l| l.chars().count() <= 80), "80 columns");
    insta::assert_snapshot!("print_text_example", text);
    insta::assert_snapshot!(
        "print_markdown_example",
        env.ok(["print", "--format", "markdown"])
    );
    insta::assert_snapshot!("print_html_example", env.ok(["print", "--format", "html"]));
    insta::assert_snapshot!("print_card_text_example", env.ok(["print", "--card"]));
    let empty = Env::new();
    empty.ok(["init"]);
    insta::assert_snapshot!("print_text_empty", empty.ok(["print"]));
    insta::assert_snapshot!(
        "print_markdown_empty",
        empty.ok(["print", "--format", "markdown"])
    );
    insta::assert_snapshot!("print_html_empty", empty.ok(["print", "--format", "html"]));
}

#[test]
fn html_is_self_contained_and_escapes_what_people_wrote() {
    let env = Env::new();
    env.ok(["init", "--name", "<script>alert(1)</script>"]);
    env.ok(["reason", "add", "Mia & \"Jo\" <3"]);
    let html = env.ok(["print", "--format", "html", "--paper", "letter"]);
    assert!(!html.contains("<script"), "{html}");
    assert!(html.contains("&lt;script&gt;") && html.contains("Mia &amp; &quot;Jo&quot; &lt;3"));
    assert!(html.contains("@page { size: letter;"));
    for fetched in ["http:", "https:", "src=", "<link", "@import", "url("] {
        assert!(!html.contains(fetched), "nothing fetched: {fetched}");
    }
}

#[test]
fn the_example_plan_prints_as_one_clean_pdf_page() {
    let env = Env::with_example();
    let file = env.home().join("plan.pdf");
    env.test(["print", "-o", file.to_str().unwrap()])
        .stderr_has("private health information")
        .run();
    let (sizes, pages, bytes) = read_pdf(&file);
    assert_eq!(sizes.len(), 1, "a typical plan fits one page");
    assert!(
        (sizes[0].0 - 595.28).abs() < 0.5 && (sizes[0].1 - 841.89).abs() < 0.5,
        "A4: {sizes:?}"
    );
    let text = squash(&pages.join(" "));
    for expected in [
        "Crisis plan — Sam",
        "Warning signs that things are sliding",
        "Skipping meals and sleeping badly",
        "1. Stop, leave, and go somewhere safe",
        "Things I can do on my own",
        "People and places that take my mind off it",
        "People I can ask for help",
        "Alex (sponsor) +44 7700 900123",
        "Professionals and crisis lines",
        "Samaritans 116 123",
        "Making my surroundings safer",
        "My reasons",
        "My triggers, riskiest first",
        "If I slip",
        "Every day",
        "Dave from the Crown",
        "next review 15 January 2027",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    // The page's width is used: the body (the most used size) is at least
    // 9 pt, the crisis steps larger, nothing but the footer under 8 pt.
    let sizes = font_sizes(&bytes);
    let mut counts: Vec<(i32, usize)> = Vec::new();
    for s in &sizes {
        #[allow(clippy::cast_possible_truncation)] // sizes in points, tenths
        let key = (s * 10.0).round() as i32;
        match counts.iter_mut().find(|(k, _)| *k == key) {
            Some((_, n)) => *n += 1,
            None => counts.push((key, 1)),
        }
    }
    let body = counts.iter().max_by_key(|(_, n)| *n).unwrap().0;
    assert!(body >= 90, "body {body} tenths of a point: {sizes:?}");
    assert!(
        sizes.iter().all(|s| *s >= 8.0 || (*s - 7.5).abs() < 0.01),
        "only the one-line footer under 8 pt: {sizes:?}"
    );
    let raw = String::from_utf8_lossy(&bytes);
    assert!(raw.contains("/FontFile2"), "the font is embedded");
    assert!(raw.contains("DejaVuSans"), "the built-in font");
    let doc = lopdf::Document::load_mem(&bytes).unwrap();
    let info = doc
        .trailer
        .get(b"Info")
        .and_then(lopdf::Object::as_reference)
        .unwrap();
    let info = doc.get_dictionary(info).unwrap();
    let title = info.get(b"Title").unwrap().as_str().unwrap();
    assert!(
        String::from_utf8_lossy(title).contains("crisis plan") || title.starts_with(&[0xfe, 0xff]),
        "title in the metadata"
    );
    assert!(info.get(b"CreationDate").is_ok());
    let letter = env.home().join("letter.pdf");
    env.ok(["print", "--paper", "letter", "-o", letter.to_str().unwrap()]);
    assert_eq!(read_pdf(&letter).0, vec![(612.0, 792.0)]);
}

#[test]
fn greek_cyrillic_and_accents_print_and_missing_glyphs_are_named() {
    let env = Env::new();
    env.ok(["init", "--name", "Zoë Παπαδοπούλου", "--country", "DE"]);
    env.ok(["reason", "add", "Моя дочь Мария"]);
    env.ok([
        "contact",
        "add",
        "--name",
        "Jürgen Müller",
        "--phone",
        "0151 1234567",
    ]);
    env.ok(["step", "add", "Ruf die TelefonSeelsorge an"]);
    let file = env.home().join("plan.pdf");
    env.test(["print", "-o", file.to_str().unwrap()])
        .stderr_lacks("cannot show")
        .run();
    let text = squash(&read_pdf(&file).1.join(" "));
    for expected in [
        "Zoë Παπαδοπούλου",
        "Моя дочь Мария",
        "Jürgen Müller",
        "TelefonSeelsorge 0800 111 0 111",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in {text}");
    }
    env.ok(["reason", "add", "家族"]);
    // Without the system's fonts (an empty font folder), the print command
    // names what is missing and what to install.
    let err = env
        .test(["print", "-o", file.to_str().unwrap(), "--force"])
        .env("RELAPSE_PLAN_FONT_DIRS", env.home().join("no-fonts"))
        .run()
        .stderr;
    assert!(
        err.contains("no font on this computer can show")
            && err.contains("家 (U+5BB6)")
            && err.contains("sudo apt install fonts-noto-cjk"),
        "{err}"
    );
}

#[test]
fn a_large_plan_flows_onto_more_pages_with_nothing_lost() {
    let env = Env::new();
    env.ok(["init"]);
    let mut text = String::from("schema_version = 1\nrevision = 1\n");
    for i in 0..60 {
        let _ = write!(
            text,
            "\n[[triggers]]\nid = \"t{i}\"\nsituation = \"Situation number {i} which is described at some length so that it wraps\"\nthoughts = [\"thought {i}\"]\nurges = [\"urge {i}\"]\n"
        );
    }
    fs::write(env.plan_file(), text).unwrap();
    let file = env.home().join("plan.pdf");
    env.ok(["print", "-o", file.to_str().unwrap()]);
    let (sizes, pages, _) = read_pdf(&file);
    assert!(sizes.len() >= 3, "{} pages", sizes.len());
    let all = squash(&pages.join(" "));
    for i in 0..60 {
        assert!(
            all.contains(&format!("Situation number {i} which")),
            "trigger {i} lost"
        );
        assert!(all.contains(&format!("urge {i}")), "urge {i} lost");
    }
    for (n, page) in pages.iter().enumerate() {
        assert!(
            squash(page).contains(&format!("Page {} of {}", n + 1, pages.len())),
            "page {n} footer"
        );
    }
}

#[test]
fn the_wallet_card_is_id1_sized_with_cut_marks_and_names_what_it_shortened() {
    let env = Env::with_example();
    env.ok(["step", "add", "If none of that helps, go to the Riverside walk-in centre on Station Road and tell them everything"]);
    let file = env.home().join("card.pdf");
    env.test(["print", "--card", "-o", file.to_str().unwrap()])
        .stderr_has("On the card, shortened: crisis step 6")
        .run();
    let (sizes, pages, _) = read_pdf(&file);
    assert_eq!(sizes.len(), 1, "four cards on one A4 page");
    let text = squash(&pages[0]);
    for expected in [
        "Sam: if it gets hard",
        "1. Stop, leave, and go somewhere safe",
        "Alex (sponsor) +44 7700 900123",
        "Samaritans 116 123",
        "Being there for my daughter, Mia",
        "6. If none of that helps, go to the Riverside walk-in centre on Station Road and tell them…",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in {text}");
    }
    assert_eq!(text.matches("Sam: if it gets hard").count(), 4);
    // The card's own size: the HTML card is drawn at 85.6 × 54 mm.
    let html = env.ok(["print", "--card", "--format", "html"]);
    assert!(html.contains("width: 85.6mm; height: 54mm;"));
}

#[test]
fn pdf_needs_a_file_on_a_terminal_but_pipes_are_fine() {
    let env = Env::with_example();
    let piped = env.test(["print", "--format", "pdf"]).run();
    assert!(piped.bytes.starts_with(b"%PDF-"));
}

/// Chromium renders the HTML to PDF; an injected script reports any element
/// that overflows its page or card. Skipped (with a message) when Chromium
/// is missing, unless `RELAPSE_PLAN_REQUIRE_BROWSER=1`.
#[test]
fn html_and_card_render_in_a_real_browser_without_overflow() {
    let Some(chromium) = crate::chromium() else {
        return;
    };
    let env = Env::with_example();
    let profile = env.home().join("chromium-profile");
    let browser = |args: &[&str]| crate::browser(chromium, &profile).args(args).run();
    // The checks run in the browser: every element inside its card, and no
    // element wider than the printable page.
    let check = r"<script>
window.addEventListener('load', () => {
  const bad = [];
  for (const card of document.querySelectorAll('.card')) {
    const box = card.getBoundingClientRect();
    for (const el of card.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.right > box.right + 0.5 || r.bottom > box.bottom + 0.5 || el.scrollWidth > el.clientWidth + 1) bad.push('card: ' + el.textContent);
    }
  }
  for (const el of document.querySelectorAll('body *')) {
    if (el.scrollWidth > el.clientWidth + 1 && !el.closest('.card')) bad.push('page: ' + el.tagName + ' ' + el.textContent.slice(0, 40));
  }
  const out = document.createElement('pre'); out.id = 'overflow-report';
  out.textContent = 'OVERFLOW[' + bad.join(' | ') + ']'; document.body.appendChild(out);
});
</script></body>";
    for (args, name, max_pages) in [
        (vec!["print", "--format", "html"], "plan", 2),
        (vec!["print", "--card", "--format", "html"], "card", 1),
    ] {
        let html = env.ok(&args);
        let file = env.home().join(format!("{name}.html"));
        fs::write(&file, &html).unwrap();
        let pdf = env.home().join(format!("{name}.pdf"));
        let out = browser(&[
            &format!("--print-to-pdf={}", pdf.display()),
            "--no-pdf-header-footer",
            &format!("file://{}", file.display()),
        ]);
        assert!(pdf.exists(), "{name}: chromium made no PDF: {}", out.stderr);
        let (sizes, _, _) = read_pdf(&pdf);
        assert!(sizes.len() <= max_pages, "{name}: {} pages", sizes.len());
        let checked = env.home().join(format!("{name}-checked.html"));
        fs::write(&checked, html.replace("</body>", check)).unwrap();
        let dom = browser(&["--dump-dom", &format!("file://{}", checked.display())]);
        let dom = dom.stdout;
        assert!(
            dom.contains("OVERFLOW[]"),
            "{name}: {}",
            dom.split("OVERFLOW[").nth(1).unwrap_or("no report")
        );
    }
}

#[test]
fn an_earlier_revision_can_be_printed() {
    let env = Env::with_example();
    env.ok(["reason", "add", "Saturday football"]);
    assert!(env.ok(["print"]).contains("Saturday football"));
    let old = env.ok(["print", "--revision", "3"]);
    assert!(
        !old.contains("Saturday football") && old.contains("Sam, revision 3"),
        "{old}"
    );
    env.fails(1, ["print", "--revision", "9"]);
}

#[test]
fn a_person_without_a_number_is_named_not_dropped_from_the_card() {
    let env = Env::with_example();
    env.ok([
        "contact", "add", "--id", "gran", "--name", "Gran", "--role", "help",
    ]);
    env.test(["print", "--card"])
        .stderr_has("left off: Gran (no phone number to call)")
        .run();
}

#[test]
fn the_cut_marks_frame_id1_cards() {
    let env = Env::with_example();
    let file = env.home().join("card.pdf");
    env.ok(["print", "--card", "-o", file.to_str().unwrap()]);
    let doc = lopdf::Document::load(&file).unwrap();
    let (_, page) = doc.get_pages().into_iter().next().unwrap();
    let content = lopdf::content::Content::decode(&doc.get_page_content(page).unwrap()).unwrap();
    let number = |o: &lopdf::Object| {
        o.as_float()
            .unwrap_or_else(|_| f32::from(i16::try_from(o.as_i64().unwrap()).unwrap()))
    };
    let (mut xs, mut ys) = (Vec::new(), Vec::new());
    for op in content.operations.iter().filter(|op| op.operator == "m") {
        xs.push(number(&op.operands[0]));
        ys.push(number(&op.operands[1]));
    }
    assert!(!xs.is_empty(), "cut marks are drawn");
    let mm = 72.0 / 25.4;
    let spans = |values: &[f32], want: f32| {
        values
            .iter()
            .any(|a| values.iter().any(|b| ((b - a) - want).abs() < 0.2))
    };
    assert!(
        spans(&xs, 2.0 * 85.6 * mm),
        "marks frame two 85.6 mm card faces side by side: {xs:?}"
    );
    assert!(spans(&ys, 54.0 * mm), "marks frame a 54 mm card: {ys:?}");
}

#[test]
fn blank_and_write_in_print_ruled_sections_and_empty_ones_are_left_out() {
    let env = Env::with_world();
    let plan = env.ok(["print"]);
    assert!(!plan.contains("none yet"), "{plan}");
    assert!(
        !plan.contains("My triggers"),
        "an empty section is left out:\n{plan}"
    );
    let steps = plan.find("What I'll do, in order").unwrap();
    let signs = plan.find("Warning signs").unwrap();
    assert!(steps < signs, "the crisis steps lead:\n{plan}");
    for flag in ["--blank", "--write-in"] {
        let file = env.home().join(format!("{flag}.pdf"));
        env.ok(["print", flag, "-o", file.to_str().unwrap()]);
        assert!(read_pdf(&file).1.join(" ").contains("What I'll do"));
    }
    env.fails(2, ["print", "--blank", "--card"]);
}

/// Every text size used in a PDF's content streams (the Tf operator).
fn font_sizes(bytes: &[u8]) -> Vec<f32> {
    let doc = lopdf::Document::load_mem(bytes).unwrap();
    let mut sizes = Vec::new();
    for (_, id) in doc.get_pages() {
        let content = doc.get_and_decode_page_content(id).unwrap();
        for op in content.operations {
            if op.operator == "Tf"
                && let Some(size) = op.operands.get(1).and_then(|o| o.as_float().ok())
            {
                sizes.push(size);
            }
        }
    }
    sizes
}

#[test]
fn the_many_scripts_plan_prints_every_number_as_typed_with_real_fonts() {
    let env = Env::with_world();
    let file = env.home().join("world.pdf");
    // CI installs fonts-noto-core, fonts-noto-cjk and fonts-symbola.
    env.test(["print", "-o", file.to_str().unwrap()])
        .stderr_lacks("no font")
        .run();
    let (sizes, _, bytes) = read_pdf(&file);
    assert_eq!(sizes.len(), 1, "the many-scripts plan fits one page");
    let raw = String::from_utf8_lossy(&bytes);
    for font in ["DejaVuSans", "NotoSansCJK", "NotoSansDevanagari"] {
        assert!(raw.contains(font), "{font} embedded");
    }
    let text = crate::pdftotext(&file);
    for number in [
        "+20 10 1234 5678",
        "+86 138 0013 8000",
        "+91 98765 43210",
        "+30 694 123 4567",
        "+7 912 345-67-89",
        "1-800-891-4416",
        "14416",
        "112",
    ] {
        assert!(text.contains(number), "{number} as typed in:\n{text}");
    }
    for words in ["王医生", "दीदी", "Παπαδοπούλου", "Маша Иванова", "Biscuit"]
    {
        assert!(text.contains(words), "{words} in:\n{text}");
    }
    // Steps in order, the crisis block first, "10." whole.
    let first = text.find("What I'll do").unwrap();
    let signs = text.find("Warning signs").unwrap();
    assert!(first < signs);
    assert!(text.contains("10. If I might hurt myself"), "{text}");
    // Tagged, with the title shown. A plan in many scripts is in no one
    // language, and no locale names one: none is claimed (it said "en").
    assert!(!raw.contains("/Lang"), "no language claimed");
    for key in [
        "/StructTreeRoot",
        "/MarkInfo",
        "/LBody",
        "/H1",
        "/DisplayDocTitle",
        "/Outlines",
        "pdfuaid",
    ] {
        assert!(raw.contains(key), "{key} in the tagged PDF");
    }
    assert!(font_sizes(&bytes).iter().all(|s| *s >= 6.5));
    // The card: every number whole, nothing under 8 pt.
    let card = env.home().join("card.pdf");
    // It says what it left out.
    env.test(["print", "--card", "-o", card.to_str().unwrap()])
        .stderr_has("left off:")
        .run();
    let bytes = fs::read(&card).unwrap();
    let sizes = font_sizes(&bytes);
    assert!(
        sizes.iter().all(|s| *s >= 8.0),
        "nothing on the card under 8 pt: {sizes:?}"
    );
    let text = crate::pdftotext(&card);
    for number in [
        "+20 10 1234 5678",
        "+91 98765 43210",
        "+86 138 0013 8000",
        "112",
        "14416",
    ] {
        assert!(text.contains(number), "{number} on the card:\n{text}");
    }
    assert!(
        squash(&text).contains("Revision 7, saved 20 November 2026, review by 1 February 2027"),
        "{text}"
    );
    assert!(raw_title(&bytes).contains("card"));
}

fn raw_title(bytes: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(bytes).unwrap();
    let info = doc
        .trailer
        .get(b"Info")
        .and_then(lopdf::Object::as_reference)
        .unwrap();
    let title = doc
        .get_dictionary(info)
        .unwrap()
        .get(b"Title")
        .unwrap()
        .as_str()
        .unwrap()
        .to_vec();
    if title.starts_with(&[0xfe, 0xff]) {
        let units: Vec<u16> = title[2..]
            .chunks(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        String::from_utf8_lossy(&title).into_owned()
    }
}

/// Renders each page of a PDF to a grey image (pdftoppm, 36 dpi): width,
/// height and pixels (0 black … 255 white) per page.
fn render(pdf: &Path) -> Vec<(usize, usize, Vec<u8>)> {
    let dir = tempfile::tempdir().unwrap();
    crate::tool("pdftoppm")
        .args(["-gray", "-r", "36"])
        .arg(pdf)
        .arg(dir.path().join("page"))
        .case("pdftoppm (poppler-utils) renders the PDF")
        .stderr_lacks("Syntax Error")
        .run();
    let mut files: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .iter()
        .map(|f| {
            let bytes = fs::read(f).unwrap();
            // P5 <w> <h> <max>\n<pixels>
            let mut fields = Vec::new();
            let mut at = 0;
            while fields.len() < 4 {
                while bytes[at].is_ascii_whitespace() {
                    at += 1;
                }
                let start = at;
                while !bytes[at].is_ascii_whitespace() {
                    at += 1;
                }
                fields.push(String::from_utf8_lossy(&bytes[start..at]).into_owned());
            }
            let (w, h): (usize, usize) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
            (w, h, bytes[at + 1..].to_vec())
        })
        .collect()
}

#[test]
fn printed_pages_keep_inside_their_margins() {
    for (env, flags) in [
        (Env::with_world(), vec![]),
        (Env::with_example(), vec!["--paper", "letter"]),
        (Env::with_example(), vec!["--write-in"]),
    ] {
        let file = env.home().join("plan.pdf");
        let mut args = vec!["print", "-o", file.to_str().unwrap()];
        args.extend(flags.iter().copied());
        env.ok(args);
        let pages = render(&file);
        assert_eq!(pages.len(), read_pdf(&file).0.len());
        for (w, h, pixels) in &pages {
            // 8 mm (11 px at 36 dpi) round the edge stay white: nothing
            // runs off the page or into the margin.
            let edge = 11;
            let dark = |x: usize, y: usize| pixels[y * w + x] < 200;
            for y in 0..*h {
                for x in (0..edge).chain(w - edge..*w) {
                    assert!(!dark(x, y), "ink in the side margin at {x},{y} ({flags:?})");
                }
            }
            for x in 0..*w {
                for y in (0..edge).chain(h - 4..*h) {
                    assert!(
                        !dark(x, y),
                        "ink at the top or bottom edge at {x},{y} ({flags:?})"
                    );
                }
            }
            let inked = pixels.iter().filter(|p| **p < 200).count();
            assert!(inked > w * h / 400, "the page has text on it: {inked}");
        }
    }
}

#[test]
fn a_crowded_card_keeps_every_number_whole_and_says_what_moved() {
    let env = Env::new();
    let mut plan = String::from(
        "schema_version = 1\nrevision = 2\nname = \"Fatima\"\ncountry = \"US\"\n\n[[reasons]]\ntext = \"Maryam\"\n",
    );
    for i in 0..3 {
        let _ = write!(
            plan,
            "\n[[contacts]]\nid = \"c{i}\"\nname = \"عبد الرحمن بن محمد بن عبد العزيز {i}\"\nphone = \"+971 50 123 456{i}\"\nrole = \"{}\"\n",
            if i < 2 { "help" } else { "professional" }
        );
    }
    for i in 0..12 {
        let _ = write!(
            plan,
            "\n[[crisis_steps]]\ntext = \"Step {i}: if that does not help, ring my sister Fatima on +971 50 123 4567 and tell her\"\n"
        );
    }
    fs::create_dir_all(env.plan_dir()).unwrap();
    fs::write(env.plan_file(), plan).unwrap();
    let file = env.home().join("card.pdf");
    env.test(["print", "--card", "-o", file.to_str().unwrap()])
        .stderr_has("left off: crisis step 12 (no room at a legible size)")
        .run();
    let bytes = fs::read(&file).unwrap();
    assert!(font_sizes(&bytes).iter().all(|s| *s >= 8.0));
    let text = crate::pdftotext(&file);
    for number in [
        "+971 50 123 4560",
        "+971 50 123 4561",
        "+971 50 123 4562",
        "911",
        "988",
        "1-800-662-4357",
    ] {
        assert!(text.contains(number), "{number} whole on the card:\n{text}");
    }
    assert!(text.contains("More in your full plan."), "{text}");
    assert!(text.contains("Revision 2"), "{text}");
    assert!(
        !text.contains("+971 50 123 45…") && !text.contains("4567…"),
        "{text}"
    );
}

#[test]
fn two_emergency_numbers_print_large_and_apart() {
    let env = Env::new();
    let plan = fs::read_to_string(crate::example_plan())
        .unwrap()
        .replace("country = \"GB\"", "country = \"IE\"");
    fs::create_dir_all(env.plan_dir()).unwrap();
    fs::write(env.plan_file(), plan).unwrap();
    let file = env.home().join("plan.pdf");
    env.ok(["print", "-o", file.to_str().unwrap()]);
    let text = crate::pdftotext(&file);
    assert!(text.contains("112 or 999"), "{text}");
    let sizes = font_sizes(&fs::read(&file).unwrap());
    // The emergency numbers are the largest text on the page, about twice
    // the body.
    let largest = sizes.iter().copied().fold(0.0, f32::max);
    assert!(largest >= 16.0, "the emergency number is large: {sizes:?}");
    assert!(
        sizes
            .iter()
            .filter(|s| (**s - largest).abs() < 0.01)
            .count()
            >= 2,
        "both numbers at that size: {sizes:?}"
    );
}

#[test]
fn an_arabic_name_in_the_footer_reads_right_on_every_printout() {
    let env = Env::new();
    env.ok(["init", "--name", "ليلى", "--country", "AE"]);
    let backwards: String = "ليلى".chars().rev().collect();
    for (name, args) in [
        ("a4", vec!["--paper", "a4"]),
        ("letter", vec!["--paper", "letter"]),
        ("write-in", vec!["--write-in"]),
        ("blank", vec!["--blank"]),
    ] {
        let file = env.home().join(format!("{name}.pdf"));
        let mut argv = vec!["print", "--format", "pdf", "-o", file.to_str().unwrap()];
        argv.extend(args);
        env.ok(argv);
        // poppler marks the right-to-left run with embeddings: drop them.
        let text: String = crate::pdftotext(&file)
            .chars()
            .filter(|c| !matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}'))
            .collect();
        assert!(
            text.contains("ليلى, revision"),
            "{name}: the footer names the person as written:\n{text}"
        );
        assert!(
            !text.contains(&backwards),
            "{name}: the name is drawn backwards:\n{text}"
        );
    }
}

#[test]
fn the_footer_says_when_the_plan_was_saved_on_the_persons_clock() {
    // Saved 2026-11-20T18:30Z: 07:30 on the 21st in Auckland, 10:30 on
    // the 20th in Los Angeles. The card carries the local day.
    let env = Env::with_world();
    for (tz, moment, day) in [
        (
            "Pacific/Auckland",
            "saved 21 November 2026 at 07:30",
            "saved 21 November 2026",
        ),
        (
            "America/Los_Angeles",
            "saved 20 November 2026 at 10:30",
            "saved 20 November 2026",
        ),
    ] {
        let run = |args: &[&str]| {
            let out = env.test(args).env("TZ", tz).case(tz).run();
            // Numbers beside right-to-left words sit between marks: drop them.
            String::from_utf8(out.bytes)
                .unwrap()
                .replace(['\u{2066}', '\u{2069}', '\u{200e}'], "")
        };
        assert!(
            squash(&run(&["print"])).contains(moment),
            "{tz}: text footer"
        );
        assert!(
            squash(&run(&["print", "--format", "markdown"])).contains(moment),
            "{tz}: markdown footer"
        );
        let html = run(&["print", "--format", "html"]);
        let footer = html.split("<footer>").nth(1).unwrap();
        let words: String = footer
            .split('<')
            .map(|part| part.split_once('>').map_or(part, |(_, text)| text))
            .collect();
        assert!(words.contains(moment), "{tz}: html footer: {footer}");
        assert!(
            squash(&run(&["print", "--card"])).contains(day),
            "{tz}: card"
        );
        let file = env.home().join(format!("{}.pdf", tz.replace('/', "-")));
        run(&["print", "--format", "pdf", "-o", file.to_str().unwrap()]);
        assert!(
            squash(&crate::pdftotext(&file)).contains(moment),
            "{tz}: PDF footer"
        );
    }
}

/// Anjali compared her triggers and put "Rohan का message आना" (low) first:
/// every printout says the order is hers, so a "low" above a "high" is not
/// read as a mistake; a plan ordered by ratings keeps the plain heading.
#[test]
fn triggers_in_the_persons_own_order_say_so_on_every_printout() {
    const OWN: &str = "in the order I chose by comparing them";
    let env = Env::with_plan(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/own-order.toml"),
        1,
    );
    let in_order = |text: &str, what: &str| {
        let heading = text
            .find(OWN)
            .unwrap_or_else(|| panic!("{what}: {OWN:?} in:\n{text}"));
        let low = text.find("Rohan का message आना").unwrap();
        let high = text.find("तनख़्वाह वाला शुक्रवार").unwrap();
        assert!(
            heading < low && low < high,
            "{what}: heading, then her order:\n{text}"
        );
    };
    for format in ["text", "markdown", "html"] {
        in_order(&env.ok(["print", "--format", format]), format);
    }
    let file = env.home().join("plan.pdf");
    env.ok(["print", "-o", file.to_str().unwrap()]);
    // pdftotext keeps a heading that wraps in its column on two lines.
    in_order(&squash(&crate::pdftotext(&file)), "PDF");
    // Two of three compared (the example plan): the heading says whose
    // order the compared ones are in.
    let text = Env::with_example().ok(["print"]);
    assert!(
        text.contains("My triggers, riskiest first, partly my order\n"),
        "{text}"
    );
    // Ordered by ratings alone (none compared), the plain heading.
    let unranked = std::fs::read_to_string(crate::example_plan())
        .unwrap()
        .replace("rank = 1\n", "")
        .replace("rank = 2\n", "");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plan.toml");
    std::fs::write(&file, unranked).unwrap();
    let text = Env::with_plan(&file, 3).ok(["print"]);
    assert!(text.contains("My triggers, riskiest first\n"), "{text}");
    assert!(!text.contains("compared"), "{text}");
}

/// Poppler (pdfinfo, pdftoppm, the viewers built on it) reads every PDF we
/// write, plan and card, without a "Syntax Error", and still sees it tagged.
#[test]
fn poppler_reads_plan_and_card_without_a_syntax_error() {
    for env in [
        Env::with_example(),
        Env::with_plan(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/own-order.toml"),
            1,
        ),
    ] {
        for (name, card) in [("plan.pdf", false), ("card.pdf", true)] {
            let file = env.home().join(name);
            let mut args = vec!["print", "-o", file.to_str().unwrap()];
            if card {
                args.push("--card");
            }
            env.ok(args);
            let info = crate::pdfinfo(&file);
            assert!(info.contains("Tagged:          yes"), "{name}:\n{info}");
            assert!(info.contains("Suspects:        no"), "{name}:\n{info}");
            assert!(!render(&file).is_empty(), "{name} renders");
        }
    }
}

/// "मेरी बेटी 👩‍👧" and "🙏🏽" need a font that draws each sequence as one
/// picture; without one, print says which print as their parts (plan and
/// card), and the emoji are still in the PDF's text.
#[test]
fn emoji_sequences_drawn_as_parts_are_named() {
    let env = Env::with_plan(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/own-order.toml"),
        1,
    );
    let file = env.home().join("plan.pdf");
    env.test(["print", "-o", file.to_str().unwrap()])
        .stderr_has("in the PDF, 👩\u{200d}👧, 🙏🏽 print as their separate parts")
        .run();
    let text = crate::pdftotext(&file);
    assert!(text.contains("मेरी बेटी 👩\u{200d}👧"), "{text}");
    let card = env.home().join("card.pdf");
    // The card fills its room with more of her words (issue 13): both.
    env.test(["print", "--card", "-o", card.to_str().unwrap()])
        .stderr_has("in the PDF, 👩\u{200d}👧, 🙏🏽 print as their separate parts")
        .run();
    // A plan without such sequences says nothing of them.
    let plain = Env::with_example();
    let file = plain.home().join("plan.pdf");
    plain
        .test(["print", "-o", file.to_str().unwrap()])
        .stderr_lacks("separate parts")
        .run();
}

/// Issue 13 (Mei): she compared two triggers and chose "王磊发消息来骂我"
/// as harder than one whose ratings score higher, then added a third.
/// Her order stands in every list, printout and in `rehearse`; the one
/// she has not compared yet is placed among them by its ratings.
#[test]
fn the_persons_own_order_stands_when_a_trigger_is_added_after_comparing() {
    let example = std::fs::read_to_string(crate::example_plan()).unwrap();
    let plan = example
        .replace("rank = 1", "rank = 9")
        .replace("rank = 2", "rank = 1")
        .replace("rank = 9", "rank = 2")
        .replace("An argument with Jo about money", "王磊发消息来骂我")
        .replace(
            "Sunday evening alone with nothing planned",
            "深夜失眠，一个人刷手机",
        );
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plan.toml");
    std::fs::write(&file, plan).unwrap();
    let env = Env::with_plan(&file, 3);
    let order = ["王磊发消息来骂我", "Friday payday", "深夜失眠"];
    let in_her_order = |text: &str, what: &str| {
        let at: Vec<usize> = order
            .iter()
            .map(|s| {
                text.find(s)
                    .unwrap_or_else(|| panic!("{what}: {s}:\n{text}"))
            })
            .collect();
        assert!(at[0] < at[1] && at[1] < at[2], "{what}:\n{text}");
    };
    in_her_order(&env.ok(["trigger", "list", "--plain"]), "trigger list");
    let show = env.ok(["show", "--plain"]);
    assert!(
        show.contains("the ones you compared in the order you chose"),
        "{show}"
    );
    in_her_order(&show, "show");
    for format in ["text", "html"] {
        let printed = env.ok(["print", "--format", format]);
        assert!(
            printed.contains("riskiest first, partly my order"),
            "{printed}"
        );
        in_her_order(&printed, format);
    }
    let pdf = env.home().join("plan.pdf");
    env.ok(["print", "-o", pdf.to_str().unwrap()]);
    // The PDF's columns mix pdftotext's reading order of long situations:
    // follow each trigger's ratings line instead.
    let text = squash(&crate::pdftotext(&pdf));
    let at: Vec<usize> = [
        "王磊发消息来骂我 Medium priority",
        "High priority: likely 4/5",
        "深夜失眠，一个人刷手机",
    ]
    .iter()
    .map(|s| text.find(s).unwrap_or_else(|| panic!("PDF: {s}:\n{text}")))
    .collect();
    assert!(at[0] < at[1] && at[1] < at[2], "PDF:\n{text}");
    let due: serde_json::Value =
        serde_json::from_str(&env.ok(["rehearse", "--list", "--json"])).unwrap();
    let ids: Vec<&str> = due
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["trigger"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["row-with-jo", "payday", "sunday-evening"]);
}

/// Issue 13 (Mei): a trigger rated likely 4/5 and sure 40% with the urge
/// skipped prints the ratings she gave, never "not rated yet".
#[test]
fn a_part_rated_trigger_prints_the_ratings_given() {
    let plan = std::fs::read_to_string(crate::example_plan())
        .unwrap()
        .replace(
            "Sunday evening alone with nothing planned",
            "深夜失眠，一个人刷手机",
        )
        .replace(
            "likelihood = 3\nintensity = 3\nconfidence = 60",
            "likelihood = 4\nconfidence = 40",
        );
    assert!(plan.contains("likelihood = 4\nconfidence = 40"));
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plan.toml");
    std::fs::write(&file, plan).unwrap();
    let env = Env::with_plan(&file, 3);
    let said = "Priority: not all rated yet; likely 4/5, sure 40%";
    for format in ["text", "html", "markdown"] {
        let printed = env.ok(["print", "--format", format]);
        let at = printed.find("深夜失眠，一个人刷手机").unwrap();
        assert!(printed[at..].contains(said), "{format}:\n{printed}");
        assert!(!printed.contains("not rated yet\n"), "{printed}");
    }
    let pdf = env.home().join("plan.pdf");
    env.ok(["print", "-o", pdf.to_str().unwrap()]);
    let text = squash(&crate::pdftotext(&pdf));
    assert!(text.contains(said), "{text}");
}

/// Issue 13 (Mei): an HTML printout never claims English for a plan in
/// another language: `lang` is the person's locale, or left out.
#[test]
fn html_lang_is_the_persons_locale_or_left_out() {
    let env = Env::with_world();
    for (locale, head) in [
        ("zh_CN.UTF-8", "<html lang=\"zh-CN\">"),
        ("C.UTF-8", "<html>"),
        ("", "<html>"),
    ] {
        for args in [
            &["print", "--format", "html"][..],
            &["print", "--card", "--format", "html"][..],
        ] {
            let ran = env
                .test(args)
                .env("TZ", "Pacific/Auckland")
                .env("LC_ALL", locale)
                .env("LANG", locale)
                .run();
            let html = String::from_utf8(ran.bytes).unwrap();
            assert!(html.contains(head), "{locale} {args:?}: {}", &html[..80]);
            assert!(!html.contains("lang=\"en\""), "{locale}");
        }
    }
}

/// Issue 13 (Oksana, Farah, Ravi): a plan with nothing yet for the stages
/// "Things I can do on my own" and "People and places that take my mind
/// off it" printed its stages as 1, 4, 5, 6, and a person wondered what 2
/// and 3 were. What prints is numbered 1, 2, 3, 4, on paper and in HTML.
#[test]
fn printed_stages_are_numbered_without_gaps() {
    let env = Env::new();
    env.ok(["init", "--name", "Оксана", "--country", "DE"]);
    env.ok(["warning-sign", "add", "Перестаю відповідати Олені"]);
    env.ok([
        "contact",
        "add",
        "--name",
        "Олена",
        "--phone",
        "+49 176 5555 0102",
        "--role",
        "help",
    ]);
    env.ok(["safety", "add", "Олена тримає мою банківську картку"]);
    let pdf = env.home().join("plan.pdf");
    env.ok(["print", "-o", pdf.to_str().unwrap()]);
    let text = pdftotext(&pdf);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for heading in [
        "1 Warning signs that things are sliding",
        "2 People I can ask for help",
        "3 Professionals and crisis lines",
        "4 Making my surroundings safer",
    ] {
        assert!(flat.contains(heading), "{heading}:\n{text}");
    }
    assert!(!flat.contains("6 Making"), "{text}");
    let html = env.home().join("plan.html");
    env.ok(["print", "--format", "html", "-o", html.to_str().unwrap()]);
    let page = fs::read_to_string(&html).unwrap();
    let numbers: Vec<&str> = page
        .split("<span class=\"stage-n\">")
        .skip(1)
        .map(|rest| rest.split('<').next().unwrap())
        .collect();
    assert_eq!(numbers, ["1", "2", "3", "4"], "{page}");
}

/// Issue 13: a plan with no emergency number at all (Egypt has none built
/// in, and she kept none) printed only "call your local emergency number".
/// Printing says so on screen, never on the paper, with how to add hers;
/// once she has, it is printed and nothing is said.
#[test]
fn printing_without_an_emergency_number_says_so_on_screen_not_on_paper() {
    let env = Env::new();
    env.ok(["init", "--name", "Salma", "--country", "EG"]);
    let warning = "This plan has no emergency number";
    for args in [
        vec!["print", "--format", "text", "-o", "-"],
        vec!["print", "--format", "html", "-o", "-"],
        vec!["print", "--card", "--format", "text", "-o", "-"],
    ] {
        let ran = env
            .test(&args)
            .stderr_has(warning)
            .stderr_has("relapse-plan set --emergency-number NUMBER")
            .stdout_lacks(warning)
            .run();
        assert!(!ran.stdout.is_empty(), "{args:?}");
    }
    env.ok(["set", "--emergency-number", "123"]);
    env.test(["print", "--format", "text", "-o", "-"])
        .stderr_lacks(warning)
        .stdout_has("123")
        .run();
    // A country with its number built in says nothing either.
    let gb = Env::new();
    gb.ok(["init", "--name", "Sam", "--country", "GB"]);
    gb.test(["print", "--format", "text", "-o", "-"])
        .stderr_lacks(warning)
        .run();
}
