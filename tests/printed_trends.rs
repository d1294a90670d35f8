//! `print --trends`: the last 30 days of check-ins in the printed plan, as
//! words (text, Markdown), an inline SVG (HTML, drawn by resvg and by
//! Chromium) and a vector drawing (PDF, read back and rendered).

use std::fs;

use crate::Env;

/// The example plan with a fortnight of check-ins ending on the test
/// clock's day (22 Nov): urges easing, a gap of two days, one lapse.
fn with_check_ins() -> Env {
    let env = Env::with_example();
    let days = [
        (9, "6", "5", "no"),
        (10, "7", "6", "no"),
        (11, "8", "7", "partly"),
        (12, "6", "6", "no"),
        (15, "5", "4", "no"),
        (16, "4", "4", "no"),
        (17, "4", "3", "no"),
        (18, "3", "3", "no"),
        (19, "3", "2", "no"),
        (20, "2", "2", "no"),
        (21, "2", "1", "no"),
        (22, "1", "1", "no"),
    ];
    for (day, urge, distress, acted) in days {
        env.test([
            "check-in",
            "--urge",
            urge,
            "--distress",
            distress,
            "--acted",
            acted,
        ])
        .env("RELAPSE_PLAN_NOW", format!("2026-11-{day:02}T08:00:00Z"))
        .run();
    }
    env
}

const WORDS: [&str; 4] = [
    "You checked in on 12 of 30 days, from Sat 24 Oct to Sun 22 Nov.",
    "Urge, 0 to 10: highest 8 on Wed 11 Nov, lowest 1, on average 4.3. It eased over the period.",
    "Distress, 0 to 10: highest 7 on Wed 11 Nov, lowest 1, on average 3.7. It eased over the period.",
    "One lapse, on Wed 11 Nov.",
];

fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn text_and_markdown_describe_the_last_30_days_in_words() {
    let env = with_check_ins();
    for format in ["text", "markdown"] {
        let out = env.ok(["print", "--trends", "--format", format]);
        let flat = squash(&out);
        assert!(flat.contains("My check-ins, the last 30 days"), "{format}");
        for sentence in WORDS {
            assert!(flat.contains(sentence), "{format}: {sentence}\n{out}");
        }
        // After the plan's own sections, before the footer.
        assert!(out.find("My check-ins").unwrap() > out.find("Every day").unwrap());
    }
    // Without the flag, nothing of the check-ins is printed.
    assert!(!env.ok(["print"]).contains("check-ins"));
    // No check-ins at all: said, not drawn.
    let empty = Env::with_example();
    let out = squash(&empty.ok(["print", "--trends"]));
    assert!(
        out.contains("No check-ins from Sat 24 Oct to Sun 22 Nov."),
        "{out}"
    );
    assert!(
        !empty
            .ok(["print", "--trends", "--format", "html"])
            .contains("<svg")
    );
    empty.fails(2, ["print", "--trends", "--card"]);
    // Check-ins are never in a supporter's copy.
    empty.fails(2, ["print", "--trends", "--for", "Alex"]);
}

#[test]
fn the_html_draws_the_check_ins_as_svg_that_renders() {
    let env = with_check_ins();
    let html = env.ok(["print", "--trends", "--format", "html"]);
    let start = html.find("<svg").expect("an inline SVG");
    let end = html[start..].find("</svg>").unwrap() + start + "</svg>".len();
    let svg = &html[start..end];
    // Read by an SVG renderer: the lines and dots are there.
    let tree = resvg::usvg::Tree::from_str(
        &svg.replace("<svg ", r#"<svg xmlns="http://www.w3.org/2000/svg" "#),
        &resvg::usvg::Options::default(),
    )
    .expect("the chart is SVG a renderer reads");
    assert!(tree.size().width() > 100.0);
    assert_eq!(svg.matches("class=\"urge-dot\"").count(), 12, "a dot a day");
    assert_eq!(svg.matches("class=\"distress-dot\"").count(), 12);
    // Two runs each: the days without a check-in break the line.
    assert_eq!(svg.matches("<polyline class=\"urge\"").count(), 2);
    assert_eq!(
        svg.matches("class=\"lapse\"").count(),
        1,
        "one lapse, one ring"
    );
    assert!(svg.contains(&format!("aria-label=\"{}", WORDS[0])));
    assert!(html.contains("A lapse: something to learn from"));
    // Shown kindly: the chart's rules never use the alarm colour, and its
    // own colours (light and dark) are not red.
    for rule in html.lines().filter(|l| l.starts_with(".trends")) {
        assert!(!rule.contains("alarm"), "{rule}");
    }
    let mut colours = 0;
    for var in ["--urge: #", "--distress: #", "--lapse: #"] {
        for (at, _) in html.match_indices(var) {
            let hex = &html[at + var.len()..at + var.len() + 6];
            let c = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).unwrap();
            let (r, g, b) = (c(0), c(2), c(4));
            assert!(!(r > 140 && g < 90 && b < 90), "{var}{hex} is red");
            colours += 1;
        }
    }
    assert_eq!(colours, 6, "light and dark colours for each");

    // In a real browser: the chart has a size and stays inside the page.
    let Some(chromium) = crate::chromium() else {
        return;
    };
    let check = r"<script>
window.addEventListener('load', () => {
  const svg = document.querySelector('.trends svg').getBoundingClientRect();
  const body = document.body.getBoundingClientRect();
  const out = document.createElement('pre'); out.id = 'report';
  out.textContent = 'CHART[' + Math.round(svg.width) + 'x' + Math.round(svg.height) + (svg.right <= body.right + 0.5 ? ' inside' : ' outside') + ']';
  document.body.appendChild(out);
});
</script></body>";
    let file = env.home().join("trends.html");
    fs::write(&file, html.replace("</body>", check)).unwrap();
    let profile = env.home().join("chromium-profile");
    let out = crate::browser(chromium, &profile)
        .arg("--window-size=390,900")
        .arg("--dump-dom")
        .arg(format!("file://{}", file.display()))
        .run();
    let dom = out.stdout;
    let report = dom.rsplit("CHART[").next().expect("the check ran");
    let (size, place) = report.split_once(' ').unwrap();
    let (w, h) = size.split_once('x').unwrap();
    let (w, h): (u32, u32) = (w.parse().unwrap(), h.parse().unwrap());
    assert!(w > 200 && h > 60, "{report}");
    assert!(place.starts_with("inside"), "{report}");
}

#[test]
fn the_pdf_draws_the_check_ins_in_vectors_and_says_them_in_words() {
    let env = with_check_ins();
    let file = env.home().join("plan.pdf");
    let plain = env.home().join("plain.pdf");
    env.ok(["print", "--trends", "-o", file.to_str().unwrap()]);
    env.ok(["print", "-o", plain.to_str().unwrap()]);
    let text = squash(&crate::pdftotext(&file));
    assert!(text.contains("My check-ins, the last 30 days"));
    for sentence in WORDS {
        assert!(text.contains(sentence), "{sentence}\n{text}");
    }
    assert!(text.contains("A lapse: something to learn from"));
    // Drawn, not pictured: line segments and curves in the page's content,
    // and no image.
    let ops = |path: &std::path::Path| {
        let doc = lopdf::Document::load(path).unwrap();
        let mut counts = std::collections::HashMap::<String, usize>::new();
        for (_, id) in doc.get_pages() {
            for op in doc.get_and_decode_page_content(id).unwrap().operations {
                *counts.entry(op.operator).or_default() += 1;
            }
        }
        counts
    };
    let (with, without) = (ops(&file), ops(&plain));
    let more =
        |op: &str| with.get(op).copied().unwrap_or(0) - without.get(op).copied().unwrap_or(0);
    // 12 urge and 12 distress dots and one ring, four curves each.
    assert!(more("c") >= 25 * 4, "{with:?}");
    // Two runs of each line, 12 points each in all, and the key's samples.
    assert!(more("l") >= 2 * (12 - 2) + 2, "{with:?}");
    assert_eq!(with.get("Do"), None, "no images");
    // Rendered, the page holds the chart's ink where the section is.
    let dir = tempfile::tempdir().unwrap();
    crate::tool("pdftoppm")
        .args(["-r", "50", "-png"])
        .arg(&file)
        .arg(dir.path().join("page"))
        .run();
    assert!(fs::read_dir(dir.path()).unwrap().count() >= 1);
}
