//! Printouts as a person reads them (issue 13): words placed on the page,
//! read back with poppler (`pdftotext -bbox`), in our PDF and in the HTML
//! printed by Chromium, at A4 and Letter.

use std::path::Path;

use crate::{Env, tool};

/// One word on a page as poppler places it: its text (in visual order,
/// left to right, as on paper), page, and box in points.
#[derive(Debug, Clone)]
pub(crate) struct Word {
    pub(crate) text: String,
    pub(crate) page: usize,
    pub(crate) x0: f32,
    pub(crate) y0: f32,
    pub(crate) x1: f32,
    pub(crate) y1: f32,
}

/// Every word of a PDF with where it sits.
pub(crate) fn words(pdf: &Path) -> Vec<Word> {
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
                y1: attr(head, "yMax"),
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
        // Her step's "Call", the one before 112: the emergency section
        // says "Call your local emergency number" too (issue 13).
        let call = all
            .iter()
            .find(|w| w.text == "Call" && line_of(&all, w).iter().any(|x| x.text == "112"))
            .unwrap();
        let english = line_of(&all, call);
        assert_eq!(english[0].text, "3.", "{what}: {english:?}");
    }
}

/// How many of `items` (each found by its first word) sit in each column
/// of each page they print on, in order.
fn per_column(all: &[Word], items: &[&str], page_w: f32) -> Vec<usize> {
    let mut columns: Vec<((usize, bool), usize)> = Vec::new();
    for item in items {
        let word = all
            .iter()
            .find(|w| w.text == *item)
            .unwrap_or_else(|| panic!("{item} is printed: {all:?}"));
        let at = (word.page, word.x0 > page_w / 2.0);
        match columns.last_mut() {
            Some((last, n)) if *last == at => *n += 1,
            _ => columns.push((at, 1)),
        }
    }
    columns.into_iter().map(|(_, n)| n).collect()
}

/// A section that runs on into the next column leaves at least two of its
/// items on each side: never a "(continued)" column holding one reason,
/// nor one warning sign alone under its heading at a column's foot. Tried
/// with 2 to 16 reasons after a long list of warning signs, so the column
/// breaks fall everywhere, at A4 and Letter; and the example plan, whose
/// second reason once stood alone under "My reasons (continued)".
#[test]
fn a_section_never_leaves_one_item_alone_in_a_column() {
    let example = Env::with_example();
    for (paper, width) in [("a4", 595.0), ("letter", 612.0)] {
        let pdf = example.home().join(format!("{paper}.pdf"));
        example.ok(["print", "--paper", paper, "-o", pdf.to_str().unwrap()]);
        let all = words(&pdf);
        assert_eq!(
            per_column(&all, &["Being", "Feeling"], width),
            [2],
            "{paper}: the example's two reasons stay together"
        );
    }
    let env = Env::new();
    env.ok(["init", "--name", "Oksana", "--country", "UA"]);
    let signs: Vec<String> = (1..=14)
        .map(|i| format!("Sign-{i:02} I stop answering my sister and sleep through the day"))
        .collect();
    for sign in &signs {
        env.ok(["warning-sign", "add", sign]);
    }
    let sign_words: Vec<String> = (1..=14).map(|i| format!("Sign-{i:02}")).collect();
    let mut reasons: Vec<String> = Vec::new();
    // How often a section did run on into the next column: the breaks
    // were really tried.
    let mut split = 0;
    for n in 1..=16 {
        env.ok([
            "reason",
            "add",
            &format!("Reason-{n:02} to keep going: my daughter and our walks by the river"),
        ]);
        reasons.push(format!("Reason-{n:02}"));
        if n < 2 {
            continue;
        }
        for (paper, width) in [("a4", 595.0), ("letter", 612.0)] {
            let pdf = env.home().join(format!("{n}-{paper}.pdf"));
            env.ok(["print", "--paper", paper, "-o", pdf.to_str().unwrap()]);
            let all = words(&pdf);
            for (what, items) in [("reasons", &reasons), ("warning signs", &sign_words)] {
                let items: Vec<&str> = items.iter().map(String::as_str).collect();
                let columns = per_column(&all, &items, width);
                split += usize::from(columns.len() > 1);
                assert!(
                    columns.iter().all(|&c| c >= 2),
                    "{n} reasons, {paper}: the {what} print {columns:?} to a column"
                );
            }
        }
    }
    assert!(
        split >= 6,
        "sections ran on into another column {split} times"
    );
}

/// Reads tables as a terminal lays them out: each line measured with the C
/// library's `wcswidth` (the width tmux and terminals give each
/// character), every border of a table's lines at the same column, no line
/// wider than the screen. Prints what is out of line; exits 1 if any is.
pub(crate) const TERMINAL_COLUMNS: &str = r#"
import ctypes, locale, sys
locale.setlocale(locale.LC_ALL, "C.UTF-8")
libc = ctypes.CDLL("libc.so.6")
def width(s):
    return libc.wcswidth(ctypes.c_wchar_p(s), len(s))
limit = int(sys.argv[1])
text = sys.stdin.read()
bad = []
tables = 0
borders = None
for line in text.split("\n"):
    if width(line) < 0:
        bad.append("unprintable: " + line)
    if width(line) > limit:
        bad.append("%d columns: %s" % (width(line), line))
    if line.startswith("┌"):
        tables += 1
        borders = None
    if line and line[0] in "┌│╞└":
        at = [width(line[:i]) for i, c in enumerate(line) if c in "┌┬┐│┆╞╪╡└┴┘"]
        if borders is None:
            borders = at
        elif at != borders:
            bad.append("borders at %s, not %s: %s" % (at, borders, line))
print(tables)
for b in bad:
    print(b)
sys.exit(1 if bad else 0)
"#;

/// The contacts, coping and trigger tables line up in a terminal whatever
/// the script: Devanagari with its vowel signs and virama, Persian with a
/// zero-width non-joiner and "لا" (two columns on screen, one to
/// unicode-width, so comfy-table's rows stood a column short), a family
/// emoji, Chinese. Cells wrap where UAX #14 allows: no line of a cell
/// starts with "，" or "）", and "林晓（室友）" keeps its brackets together.
/// At 100 and 50 columns, in `show` and the list commands.
#[test]
fn tables_line_up_in_a_terminal_in_every_script() {
    let env = Env::new();
    env.ok(["init", "--name", "रवि", "--country", "IN"]);
    for (name, phone) in [
        ("प्रिया दीदी (बहन)", "+91 98765 43210"),
        ("خاله لاله", "+98 912 111 2222"),
        ("می‌خواهم مادرم", "+98 912 345 6789"),
        ("माँ 👩‍👧", "+91 98111 22222"),
        ("林晓（室友）", "+86 138 0013 8000"),
    ] {
        env.ok(["contact", "add", "--name", name, "--phone", phone]);
    }
    env.ok([
        "coping",
        "add",
        "--id",
        "breathe",
        "--name",
        "نفس‌کشیدن آرام و پیاده‌روی",
        "--step",
        "चार तक गिनती करके साँस लो",
        "--step",
        "先深呼吸三次，然后离开那个地方，去一个安静的房间坐下来",
    ]);
    env.ok([
        "trigger",
        "add",
        "--id",
        "payday",
        "--situation",
        "周五发工资以后，一个人走过便利店，看到货架上的酒",
        "--thought",
        "我这周很辛苦，应该奖励自己",
        "--feeling",
        "孤单、难过",
        "--likelihood",
        "4",
        "--intensity",
        "5",
        "--confidence",
        "40",
        "--coping",
        "breathe",
        "--contact",
        "lin-xiao-shi-you",
    ]);
    let mut drawn = 0;
    for columns in ["100", "50"] {
        for command in [
            &["contact", "list"][..],
            &["coping", "list"],
            &["trigger", "list"],
            &["show"],
        ] {
            let shown = env.test(command).env("COLUMNS", columns).run().stdout;
            // A hint's command naming the test's plan folder runs over
            // the edge whole, on its own line, rather than break.
            let measured: Vec<&str> = shown
                .lines()
                .filter(|l| !crate::narrow::whole_command(l))
                .collect();
            let read = tool("python3")
                .arg("-c")
                .arg(TERMINAL_COLUMNS)
                .arg(columns)
                .stdin(measured.join("\n") + "\n")
                .case(format!(
                    "{command:?} at {columns} columns lines up:\n{shown}"
                ))
                .run()
                .stdout;
            drawn += read.trim().parse::<usize>().unwrap();
            for line in shown.lines() {
                for cell in line.split(['│', '┆']) {
                    let cell = cell.trim();
                    assert!(
                        !cell.starts_with(['，', '、', '）']),
                        "{command:?} at {columns}: a line starts with {cell:?}:\n{shown}"
                    );
                    assert_eq!(
                        cell.matches('（').count(),
                        cell.matches('）').count(),
                        "{command:?} at {columns}: brackets split in {cell:?}:\n{shown}"
                    );
                }
            }
        }
    }
    // Tables were drawn, not only labelled lines.
    assert!(drawn >= 6, "{drawn} tables drawn");
}

/// Oksana's printout and screens print her words, and what the program
/// adds reads as its label, not as a sentence she wrote: "Call: Олена
/// (сестра)" (it said "call Олена (сестра)"), and a strategy's kind as
/// "Kind: safer surroundings" (it said "What it is: changing my
/// surroundings to make them safer"). In text, Markdown, HTML, the PDF as
/// pdftotext reads it, `show` and `show --plain`.
#[test]
fn what_the_program_adds_reads_as_a_label_not_as_her_sentence() {
    let env = Env::new();
    env.ok(["init", "--name", "Оксана", "--country", "UA"]);
    env.ok([
        "contact",
        "add",
        "--id",
        "olena",
        "--name",
        "Олена (сестра)",
        "--phone",
        "+380 67 123 4567",
    ]);
    env.ok([
        "coping",
        "add",
        "--id",
        "card",
        "--name",
        "Віддати картку Олені",
        "--kind",
        "environment",
        "--step",
        "Олена тримає мою банківську картку",
    ]);
    env.ok([
        "trigger",
        "add",
        "--situation",
        "Зарплата в п'ятницю, сама вдома",
        "--coping",
        "card",
        "--contact",
        "olena",
    ]);
    let mut shown = Vec::new();
    for format in ["text", "markdown", "html"] {
        let file = env.home().join(format!("plan.{format}"));
        env.ok(["print", "--format", format, "-o", file.to_str().unwrap()]);
        shown.push((format.to_string(), std::fs::read_to_string(&file).unwrap()));
    }
    let pdf = env.home().join("plan.pdf");
    env.ok(["print", "-o", pdf.to_str().unwrap()]);
    shown.push(("PDF".into(), crate::pdftotext(&pdf)));
    for (what, text) in &shown {
        let flat = text
            .replace("&#39;", "'")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(flat.contains("Call: Олена (сестра)"), "{what}:\n{text}");
        assert!(
            flat.contains("What I'll do: Віддати картку Олені"),
            "{what}:\n{text}"
        );
        assert!(!flat.contains("call Олена"), "{what}:\n{text}");
    }
    let table = env.test(["show"]).env("COLUMNS", "100").run().stdout;
    assert!(table.contains("Call: Олена (сестра)"), "{table}");
    let plain = env.ok(["--plain", "show"]);
    for said in [
        "Kind: safer surroundings",
        "Response: Віддати картку Олені; Call: Олена (сестра)",
    ] {
        assert!(plain.contains(said), "{said}:\n{plain}");
    }
    for never in ["call Олена", "changing my surroundings", "What it is"] {
        assert!(!plain.contains(never), "{never}:\n{plain}");
        assert!(!table.contains(never), "{never}:\n{table}");
    }
}
