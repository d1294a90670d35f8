//! Names that look the same on a screen or a phone but differ as text
//! ("Dave\u{200b} Last" and "Dave Last", or "Dаve Last" with a Cyrillic
//! `а`): a name's skeleton, and the contacts whose names share one, so no
//! two people in a plan can be mistaken for each other when it matters.

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;
use unicode_script::{Script, UnicodeScript};

use super::{Contact, Plan};

/// A name as it shows: characters that do not show (Unicode's
/// default-ignorable code points, control characters) left out, and
/// compatibility forms folded (NFKC: a fullwidth `Ｄ` is a `D`, a no-break
/// space a space); case kept. A zero-width joiner or non-joiner between two letters of a script that
/// uses them (Persian, the Indic scripts, emoji) stays: there it changes
/// how the word is drawn, so "می‌خواهم" and "میخواهم" look different.
fn visible(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let joins = |at: usize| {
        let letter = |c: Option<&char>| c.is_some_and(|c| !c.is_ascii() && !c.is_numeric());
        letter(at.checked_sub(1).and_then(|i| chars.get(i))) && letter(chars.get(at + 1))
    };
    let kept: String = chars
        .iter()
        .enumerate()
        .filter(|&(at, &c)| match c {
            '\u{200c}' | '\u{200d}' => joins(at),
            c => !c.is_control() && !is_default_ignorable(c),
        })
        .map(|(_, &c)| c)
        .collect();
    kept.nfkc().collect()
}

/// What a name looks like, for comparing: [`visible`], case folded, and runs
/// of spaces as one.
pub fn skeleton(name: &str) -> String {
    let folded = visible(name).to_lowercase();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What a name looks like across scripts: each letter as Unicode's
/// confusables table reads it (UTS #39, from the `unicode-security` crate,
/// which keeps Unicode's table), whatever its case, so a Cyrillic `а`
/// reads as a Latin `a`, a Greek `Ο` as an `O`, and a Cyrillic capital `М`
/// as an `M` (Trudy: "Мark Taylor" was added as a helper beside "Mark
/// Taylor", not to involve); then case folded, spaces as in [`skeleton`].
pub fn look(name: &str) -> String {
    let folded: String = visible(name).chars().map(letter_look).collect();
    let folded = folded.to_lowercase();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One letter's look, whatever its case. A capital that the table reads
/// as a Latin capital (Cyrillic `М`, `Т`, `В`, Greek `Ο`) is that Latin
/// letter: its small form (`м`, `т`, `в`) the table reads as a small
/// capital (`ʍ`, `ᴛ`, `ʙ`), which looks like no Latin letter. Any other
/// letter is read in its small form (Cyrillic `г` as `r`). So `Мark`,
/// `Mark` and `mark` are one look.
fn letter_look(c: char) -> String {
    let table = |s: &str| unicode_security::skeleton(s).collect::<String>();
    let small: String = c.to_lowercase().collect();
    let read_small = table(&small);
    if read_small.is_ascii() {
        // Most letters: case folded first, so `I` and `i` are one look
        // (the table reads a capital `I` as an `l`).
        return read_small;
    }
    let read = table(&c.to_string());
    if c.is_uppercase() && read.is_ascii() {
        table(&read.to_lowercase())
    } else {
        read_small
    }
}

/// Whether two names would show as one person: the same [`skeleton`], or,
/// when they are written in different scripts, the same [`look`] (UTS #39's
/// mixed- and whole-script confusables). Two names in one script are never
/// matched by the confusables table alone: in Hebrew ו and ן, in Latin `rn`
/// and `m`, are told apart by the people who write them, and a plan may
/// hold both דן and דו.
pub fn looks_alike(a: &str, b: &str) -> bool {
    let (plain_a, plain_b) = (skeleton(a), skeleton(b));
    plain_a == plain_b || (look(a) == look(b) && script_set(&plain_a) != script_set(&plain_b))
}

/// The scripts of a name's letters, without their counts or order.
pub(super) fn script_set(name: &str) -> Vec<&'static str> {
    let mut set: Vec<&'static str> = scripts(name).iter().map(|(s, _)| s.full_name()).collect();
    set.sort_unstable();
    set
}

/// The scripts a name's letters are written in (Latin, Cyrillic, Hebrew…),
/// each with how many letters, in the order they first appear; marks,
/// digits, spaces and punctuation belong to none.
fn scripts(name: &str) -> Vec<(Script, usize)> {
    let mut found: Vec<(Script, usize)> = Vec::new();
    for script in name.chars().map(|c| c.script()) {
        if matches!(script, Script::Common | Script::Inherited | Script::Unknown) {
            continue;
        }
        match found.iter_mut().find(|(s, _)| *s == script) {
            Some((_, count)) => *count += 1,
            None => found.push((script, 1)),
        }
    }
    found
}

/// How two names that look alike differ, so the person can be told.
#[derive(Debug, PartialEq, Eq)]
pub enum Difference {
    /// Letters from another script: for each name, the scripts (by name,
    /// like "Cyrillic") the other does not use, with how many letters.
    Scripts(Vec<(&'static str, usize)>, Vec<(&'static str, usize)>),
    /// Only case, width, or characters that do not show.
    Unseen,
}

/// How `a` and `b`, which [`looks_alike`] matched, differ.
pub fn difference(a: &str, b: &str) -> Difference {
    let (of_a, of_b) = (scripts(&skeleton(a)), scripts(&skeleton(b)));
    let only =
        |mine: &[(Script, usize)], theirs: &[(Script, usize)]| -> Vec<(&'static str, usize)> {
            mine.iter()
                .filter(|(s, _)| !theirs.iter().any(|(t, _)| t == s))
                .map(|(s, n)| (s.full_name(), *n))
                .collect()
        };
    let (only_a, only_b) = (only(&of_a, &of_b), only(&of_b, &of_a));
    if only_a.is_empty() && only_b.is_empty() {
        Difference::Unseen
    } else {
        Difference::Scripts(only_a, only_b)
    }
}

/// Whether a name holds a character that does not show (a zero-width
/// space, a bidi control, a joiner out of place): one [`skeleton`] leaves out.
pub fn has_hidden(name: &str) -> bool {
    skeleton(name) != skeleton_shown(name)
}

/// The skeleton of what shows: [`skeleton`] without leaving anything out.
fn skeleton_shown(name: &str) -> String {
    let folded: String = name.nfkc().collect::<String>().to_lowercase();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Unicode's `Default_Ignorable_Code_Point` (DerivedCoreProperties.txt,
/// Unicode 16): characters a font draws as nothing.
pub(crate) fn is_default_ignorable(c: char) -> bool {
    matches!(
        c,
        '\u{ad}'
            | '\u{34f}'
            | '\u{61c}'
            | '\u{115f}'..='\u{1160}'
            | '\u{17b4}'..='\u{17b5}'
            | '\u{180b}'..='\u{180f}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{206f}'
            | '\u{3164}'
            | '\u{fe00}'..='\u{fe0f}'
            | '\u{feff}'
            | '\u{ffa0}'
            | '\u{fff0}'..='\u{fff8}'
            | '\u{1bca0}'..='\u{1bca3}'
            | '\u{1d173}'..='\u{1d17a}'
            | '\u{e0000}'..='\u{e0fff}'
    )
}

impl Plan {
    /// The contact, other than `except` (an id), whose name looks the same
    /// as `name` (see [`looks_alike`]): the same name, or one differing only
    /// in case, hidden characters, compatibility forms, or letters from
    /// another script that look the same. The very same name comes first.
    pub fn contact_looking_like(&self, name: &str, except: Option<&str>) -> Option<&Contact> {
        let others = || {
            self.contacts
                .iter()
                .filter(move |c| Some(c.id.as_str()) != except)
        };
        // Arabic-script spellings of one name too (see
        // `same::same_spelling`): `نيما` from an Arabic keyboard is her `نیما`.
        others()
            .find(|c| c.name == name)
            .or_else(|| others().find(|c| looks_alike(&c.name, name)))
            .or_else(|| others().find(|c| super::same::same_spelling(&c.name, name)))
    }
}

/// The ids among `contacts` whose names look the same as another's there
/// (see [`looks_alike`]) but are not the same text: a disguise, or a slip,
/// that a screen or a phone would show as one person. Grouped by look
/// first, so the cost is linear in the contacts but for names that share
/// a look, which are compared in pairs.
pub fn disguised<'a>(contacts: impl IntoIterator<Item = &'a Contact>) -> Vec<&'a str> {
    let mut ids: Vec<&'a str> = pairs(contacts)
        .into_iter()
        .flat_map(|(a, b)| [a.id.as_str(), b.id.as_str()])
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// Every pair among `contacts` whose names look alike but are not the same
/// text, in the contacts' order.
pub fn pairs<'a>(
    contacts: impl IntoIterator<Item = &'a Contact>,
) -> Vec<(&'a Contact, &'a Contact)> {
    let mut by_look: HashMap<String, Vec<&'a Contact>> = HashMap::new();
    let mut looks = Vec::new();
    for contact in contacts {
        let look = look(&contact.name);
        if !by_look.contains_key(&look) {
            looks.push(look.clone());
        }
        by_look.entry(look).or_default().push(contact);
    }
    let mut pairs = Vec::new();
    for look in looks {
        let same = &by_look[&look];
        for (at, a) in same.iter().enumerate() {
            for b in &same[at + 1..] {
                if a.name != b.name && looks_alike(&a.name, &b.name) {
                    pairs.push((*a, *b));
                }
            }
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_look_the_same_share_a_skeleton() {
        let same = |a: &str, b: &str| skeleton(a) == skeleton(b);
        assert!(same("Dave \u{200b}Last", "Dave Last"));
        assert!(same("Dave\u{200d} Last", "Dave Last"));
        assert!(same("Dave \u{202e}Last", "dave last"));
        assert!(same("Ｄave  Last", "Dave Last"));
        assert!(same("Dave\u{a0}Last\u{feff}", "Dave Last"));
        assert!(same("Mu\u{ad}m", "Mum"));
        assert!(same("Sam\u{1b}", "Sam"));
        assert!(!same("Dave Last", "Dave Lost"));
        // Joiners where they change how a word is drawn stay.
        assert!(!same("می\u{200c}خواهم", "میخواهم"));
        assert!(!same("क्\u{200d}ष", "क्ष"));
        assert!(!same("👨\u{200d}👩", "👨👩"));
        assert!(same("👨\u{200d}👩\u{fe0f}", "👨\u{200d}👩"));
    }

    #[test]
    fn letters_from_another_script_that_look_the_same_are_one_look() {
        // A Cyrillic а (U+0430), a Greek Ο (U+039F), a whole name in
        // Cyrillic letters that a Latin reader sees as "Capa".
        assert!(looks_alike("D\u{430}ve Last", "Dave Last"));
        assert!(looks_alike("\u{39f}scar", "Oscar"));
        assert!(looks_alike("\u{421}\u{430}\u{440}\u{430}", "Capa"));
        // Capitals whose small letters look like no Latin letter (Trudy).
        assert!(looks_alike("\u{41c}ark Taylor", "Mark Taylor"));
        assert!(looks_alike("Mark \u{422}aylor", "mark taylor"));
        assert!(looks_alike("Dermot \u{412}yrne", "Dermot Byrne"));
        assert!(looks_alike("\u{41c}ARK", "mark"));
        // Case alone never makes two looks (the table reads `I` as `l`).
        assert_eq!(look("KIM"), look("Kim"));
        assert_eq!(
            difference("D\u{430}ve Last", "Dave Last"),
            Difference::Scripts(vec![("Cyrillic", 1)], vec![])
        );
        assert_eq!(
            difference("Dave\u{200b} Last", "Dave Last"),
            Difference::Unseen
        );
        // Names in one real script stay two people, even where Unicode's
        // table would fold their letters together.
        for (a, b) in [
            ("דן", "דו"),
            ("נוֹעָה", "נועה לוי"),
            ("Arnie", "Amie"),
            ("林晓", "林晚"),
            ("सुरेश", "सुरेखा"),
            ("می\u{200c}خواهم", "میخواهم"),
            ("Олена", "Олег"),
            ("Ірина", "Ирина"),
        ] {
            assert!(!looks_alike(a, b), "{a} / {b}");
        }
        // Niqqud are drawn: a pointed name and a plain one are told apart.
        assert!(!looks_alike("נוֹעָה", "נועה"));
    }

    #[test]
    fn hidden_characters_are_noticed() {
        assert!(has_hidden("Dave \u{200b}Last"));
        assert!(has_hidden("Dave\u{200d}Last"));
        assert!(!has_hidden("Dave Last"));
        assert!(!has_hidden("Ｄave Last"));
        assert!(!has_hidden("می\u{200c}خواهم"));
    }
}
