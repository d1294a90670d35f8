//! Stable ids for triggers, coping strategies and contacts: short, typeable,
//! made from the person's own words when they don't choose one.

use std::collections::{HashMap, HashSet};

/// The longest id the tool makes up; people may write longer ones by hand.
const MAX_GENERATED: usize = 32;

/// Whether `id` is a valid id: letters or digits in any script, joined by
/// single hyphens, lower case where the script has case.
pub fn is_valid(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .chars()
            .all(|c| c == '-' || (c.is_alphanumeric() && !c.is_uppercase()))
}

/// Makes an id from free text ("Friday payday, the pub" -> "friday-payday-the-pub"),
/// falling back to `fallback` when the text holds no letters or digits, and
/// adding "-2", "-3", … until `taken` says it is free.
pub fn generate(text: &str, fallback: &str, taken: impl Fn(&str) -> bool) -> String {
    let base = base(text, fallback);
    let mut candidate = base.clone();
    let mut n = 2;
    while taken(&candidate) {
        candidate = format!("{base}-{n}");
        n += 1;
    }
    candidate
}

/// Makes many ids at once (an import), each free of the others and of those
/// already taken, in time linear in their number: it remembers the next
/// suffix to try for each base, so a thousand "Alex"es cost a thousand
/// steps, not half a million.
#[derive(Debug, Default)]
pub struct IdMaker {
    taken: HashSet<String>,
    next: HashMap<String, usize>,
}

impl IdMaker {
    /// Starts with the ids already in use.
    pub fn new<'a>(taken: impl IntoIterator<Item = &'a str>) -> IdMaker {
        IdMaker {
            taken: taken.into_iter().map(str::to_string).collect(),
            next: HashMap::new(),
        }
    }

    /// The id [`generate`] would make for `text`, then taken.
    pub fn make(&mut self, text: &str, fallback: &str) -> String {
        let base = base(text, fallback);
        let mut candidate = base.clone();
        let n = self.next.entry(base.clone()).or_insert(2);
        while self.taken.contains(&candidate) {
            candidate = format!("{base}-{n}");
            *n += 1;
        }
        self.taken.insert(candidate.clone());
        candidate
    }
}

/// The id made from the words alone, before any "-2".
fn base(text: &str, fallback: &str) -> String {
    // Plain ASCII, so an id can be typed on any keyboard: "Aoife Ní
    // Bhriain" -> "aoife-ni-bhriain" (deunicode spells other scripts in
    // Latin letters). The person's own words stay as they wrote them.
    let ascii = deunicode::deunicode(text);
    let mut base = String::new();
    for c in ascii.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            base.push(c);
        } else if !base.is_empty() && !base.ends_with('-') {
            base.push('-');
        }
        if base.chars().count() >= MAX_GENERATED {
            break;
        }
    }
    // Cut a long id at a word boundary rather than mid-word.
    if ascii.chars().filter(char::is_ascii_alphanumeric).count()
        > base.chars().filter(char::is_ascii_alphanumeric).count()
        && let Some(cut) = base.rfind('-')
    {
        base.truncate(cut);
    }
    let base = base.trim_end_matches('-');
    if base.is_empty() {
        fallback.to_string()
    } else {
        base.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_ids_are_plain_ascii() {
        let none = |_: &str| false;
        assert_eq!(
            generate("Aoife Ní Bhriain", "contact", none),
            "aoife-ni-bhriain"
        );
        assert_eq!(generate("Zoë's Straße", "contact", none), "zoe-s-strasse");
        for text in ["أخي", "李小龙", "Μαρία", "Дом"] {
            let id = generate(text, "contact", none);
            assert!(id.is_ascii() && is_valid(&id), "{text} -> {id}");
        }
    }

    #[test]
    fn emoji_and_scripts_deunicode_cannot_spell_still_give_plain_unique_ids() {
        let mut made = IdMaker::new(["contact"]);
        let mut seen = HashSet::new();
        for text in [
            "🙂",
            "🙂",
            "❤️‍🔥",
            "💔💔💔",
            "ⵜⴰⵎⴰⵣⵉⵖⵜ",
            "ꦗꦮ",
            "𓂀",
            "\u{200b}",
            "   ",
            "",
            "…",
            "美玲",
            "미영",
            "👩‍👧 媽媽",
        ] {
            let id = made.make(text, "contact");
            assert!(
                !id.is_empty() && id.is_ascii() && is_valid(&id),
                "{text:?} -> {id}"
            );
            assert!(id.len() <= MAX_GENERATED + 4, "{text:?} -> {id}");
            assert!(seen.insert(id.clone()), "{text:?} -> {id} twice");
            // Stable: the same words make the same id.
            assert_eq!(base(text, "contact"), base(text, "contact"));
        }
    }

    #[test]
    fn ids_come_from_the_words() {
        let none = |_: &str| false;
        assert_eq!(
            generate("Friday payday, the pub!", "trigger", none),
            "friday-payday-the-pub"
        );
        assert_eq!(generate("Γιαγιά Ελένη", "contact", none), "giagia-elene");
        assert_eq!(generate("  ?! ", "contact", none), "contact");
        assert!(is_valid(&generate(&"word ".repeat(40), "x", none)));
        assert_eq!(
            generate("Friday payday, walking past the pub", "trigger", none),
            "friday-payday-walking-past-the",
            "long ids are cut between words"
        );
    }

    #[test]
    fn ids_never_collide() {
        let taken = |id: &str| ["alex", "alex-2"].contains(&id);
        assert_eq!(generate("Alex", "contact", taken), "alex-3");
    }

    #[test]
    fn many_ids_from_the_same_words_cost_linear_time() {
        let mut maker = IdMaker::new(["alex", "alex-3"]);
        let made: Vec<String> = (0..4).map(|_| maker.make("Alex", "contact")).collect();
        assert_eq!(made, ["alex-2", "alex-4", "alex-5", "alex-6"]);
        // Fifty thousand people of the same name: quadratic work would take
        // minutes here; linear work takes well under a second.
        let started = std::time::Instant::now();
        let mut maker = IdMaker::new([]);
        let mut all = HashSet::new();
        for _ in 0..50_000 {
            assert!(all.insert(maker.make("Alex Smith", "contact")));
        }
        assert!(all.contains("alex-smith-50000"));
        assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
    }

    #[test]
    fn only_tidy_ids_are_valid() {
        assert!(is_valid("urge-surf"));
        assert!(is_valid("мама"));
        assert!(!is_valid("Urge-surf"));
        assert!(!is_valid("urge surf"));
        assert!(!is_valid("-x"));
        assert!(!is_valid(""));
        assert!(!is_valid("a--b"));
    }
}
