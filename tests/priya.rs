//! What Priya (Delhi) and her counsellor in Toronto found (fresh eyes,
//! round C, issue 13): one hard night is worth talking about.

use crate::Env;

/// A hand-in with one strong urge (7, at her plan's own early-warning
/// level) on a night too short to make a warning period: the review ended
/// "Nothing stands out", though her own screen had shown her crisis steps.
#[test]
fn one_strong_urge_is_worth_talking_about() {
    let env = Env::new();
    let example = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/hand-in.toml");
    let text = std::fs::read_to_string(example)
        .unwrap()
        .lines()
        .filter(|line| !line.starts_with("signs = ["))
        .collect::<Vec<_>>()
        .join("\n")
        .replace("urge = 8\nacted = \"partly\"", "urge = 3\nacted = \"no\"");
    let file = env.home().join("hand-in.toml");
    std::fs::write(&file, text).unwrap();
    let review = env
        .test(["review", file.to_str().unwrap()])
        .env("COLUMNS", "100")
        .run()
        .stdout;
    let worth = &review[review.find("Worth talking about").expect("the section")..];
    assert!(worth.contains("A strong urge: 7 on Wed 25 Nov"), "{worth}");
    assert!(!worth.contains("Nothing stands out"), "{worth}");
}

/// A page of a PDF rendered grey at 300 dpi (pdftoppm): width, height and
/// pixels (0 black … 255 white).
fn page_image(pdf: &std::path::Path) -> (usize, usize, Vec<u8>) {
    let dir = tempfile::tempdir().unwrap();
    crate::tool("pdftoppm")
        .args(["-gray", "-r", "300", "-f", "1", "-l", "1"])
        .arg(pdf)
        .arg(dir.path().join("page"))
        .case("pdftoppm (poppler-utils) renders the PDF")
        .run();
    let file = std::fs::read_dir(dir.path())
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let bytes = std::fs::read(file).unwrap();
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
    (w, h, bytes[at + 1..at + 1 + w * h].to_vec())
}

/// The height of a word's ink on the page, in pixels at 300 dpi: from
/// the highest dark pixel inside the box poppler gives the word to the
/// lowest.
fn ink_height(image: &(usize, usize, Vec<u8>), word: &crate::paper::Word) -> usize {
    let (w, h, pixels) = image;
    let px = |pt: f32| {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let at = (pt * 300.0 / 72.0).round().max(0.0) as usize;
        at
    };
    let (x0, x1) = (px(word.x0), px(word.x1).min(*w));
    let (y0, y1) = (px(word.y0), px(word.y1).min(*h));
    let rows: Vec<usize> = (y0..y1)
        .filter(|&y| (x0..x1).any(|x| pixels[y * w + x] < 128))
        .collect();
    assert!(!rows.is_empty(), "no ink for {word:?}");
    rows[rows.len() - 1] - rows[0] + 1
}

/// Priya (Delhi): her Hindi beside English on the printout and the wallet
/// card was drawn a size smaller: at the same point size, the headline of
/// the Devanagari face sat well below the English capitals. Read back
/// from the paper: the ink of her Hindi word reaches as high as the
/// English capitals on its line, and Thai letters stand as high as the
/// small English letters on theirs, each within 7 % (under a point at
/// the printout's size), as a reader would see it.
#[test]
fn her_hindi_reads_as_large_as_the_english_beside_it_on_paper() {
    let env = Env::new();
    env.test(["init", "--name", "Priya", "--country", "IN"])
        .run();
    for step in ["HELP — जब रात", "run now — เดิน รอบ บ้าน"] {
        env.test(["step", "add", step]).run();
    }
    for (what, args) in [("printout", vec![]), ("wallet card", vec!["--card"])] {
        let pdf = env.home().join("plan.pdf");
        let mut argv = vec!["print", "-o", pdf.to_str().unwrap(), "--force"];
        argv.extend(args);
        env.test(argv).run();
        let words = crate::paper::words(&pdf);
        let image = page_image(&pdf);
        for (latin, theirs) in [("HELP", "जब"), ("now", "รอบ")] {
            let at = words
                .iter()
                .position(|w| w.page == 0 && w.text == latin)
                .unwrap_or_else(|| panic!("{what}: {latin} is printed: {words:?}"));
            let other = words[at..]
                .iter()
                .take(6)
                .find(|w| w.text == theirs)
                .unwrap_or_else(|| panic!("{what}: {theirs} follows {latin}: {words:?}"));
            let (ours, hers) = (ink_height(&image, &words[at]), ink_height(&image, other));
            #[allow(clippy::cast_precision_loss)] // a few dozen pixels
            let ratio = hers as f32 / ours as f32;
            assert!(
                (0.93..=1.07).contains(&ratio),
                "{what}: {theirs} is {hers} px high, {latin} {ours} px ({ratio:.2})"
            );
        }
    }
}
