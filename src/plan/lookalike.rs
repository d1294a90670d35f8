//! Names that look the same on a screen or a phone but differ as text
//! ("Dave\u{200b} Last" and "Dave Last"): a name's skeleton, and the
//! contacts whose names share one, so no two people in a plan can be
//! mistaken for each other when it matters.

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;

use super::{Contact, Plan};

/// What a name looks like, for comparing: characters that do not show
/// (Unicode's default-ignorable code points, control characters) left
/// out, compatibility forms folded (NFKC: a fullwidth `Ｄ` is a `D`, a
/// no-break space a space), case folded, and runs of spaces as one. A
/// zero-width joiner or non-joiner between two letters of a script that
/// uses them (Persian, the Indic scripts, emoji) stays: there it changes
/// how the word is drawn, so "می‌خواهم" and "میخواهم" look different.
pub fn skeleton(name: &str) -> String {
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
    let folded: String = kept.nfkc().collect::<String>().to_lowercase();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
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
    /// as `name`: the same name, or one differing only in case, hidden
    /// characters or compatibility forms.
    pub fn contact_looking_like(&self, name: &str, except: Option<&str>) -> Option<&Contact> {
        let wanted = skeleton(name);
        self.contacts
            .iter()
            .filter(|c| Some(c.id.as_str()) != except)
            .find(|c| skeleton(&c.name) == wanted)
    }
}

/// The ids among `contacts` whose names look the same as another's there
/// but are not the same text: a disguise, or a slip, that a screen or a
/// phone would show as one person. Linear in the contacts.
pub fn disguised<'a>(contacts: impl IntoIterator<Item = &'a Contact>) -> Vec<&'a str> {
    let mut by_look: HashMap<String, Vec<&'a Contact>> = HashMap::new();
    for contact in contacts {
        by_look
            .entry(skeleton(&contact.name))
            .or_default()
            .push(contact);
    }
    let mut ids: Vec<&'a str> = by_look
        .into_values()
        .filter(|same| same.iter().any(|c| c.name != same[0].name))
        .flatten()
        .map(|c| c.id.as_str())
        .collect();
    ids.sort_unstable();
    ids
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
    fn hidden_characters_are_noticed() {
        assert!(has_hidden("Dave \u{200b}Last"));
        assert!(has_hidden("Dave\u{200d}Last"));
        assert!(!has_hidden("Dave Last"));
        assert!(!has_hidden("Ｄave Last"));
        assert!(!has_hidden("می\u{200c}خواهم"));
    }
}
