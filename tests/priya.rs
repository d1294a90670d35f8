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
