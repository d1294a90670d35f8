//! Which way a paragraph of the person's words reads: the one rule for
//! every printed output (PDF, wallet card, lock screen) and the HTML.
//!
//! UAX #9 (and HTML's `dir="auto"`) take a paragraph's direction from its
//! first strong letter, so an Urdu sentence that starts with an English
//! word ("Ammi کو فون کرو", "`WhatsApp` پر بہن کو میسج") was laid out left to
//! right, and read in the wrong order (Farida, Karachi). Here the words
//! decide by count: a paragraph whose words are mostly right to left is a
//! right-to-left paragraph, whatever letter comes first.

use unicode_bidi::{BidiClass, bidi_class};

const LRI: char = '\u{2066}';
const RLI: char = '\u{2067}';
const FSI: char = '\u{2068}';
const PDI: char = '\u{2069}';

/// Whether `text` is a right-to-left paragraph.
///
/// - A left-to-right or right-to-left mark at its start (U+200E, U+200F,
///   U+061C) says so outright: the renderers put one there to fix a
///   heading's direction.
/// - Otherwise the words outside isolates decide (what sits in an isolate,
///   a name or a number put there by the renderers, is laid out on its
///   own): more right-to-left words than left-to-right ones make a
///   right-to-left paragraph, and so do as many of each (an Urdu sentence
///   with English loanwords, "Fajr کے بعد walk").
/// - With no whole word of either (a word of as many letters of each),
///   more letters decide, then the first strong letter, as in UAX #9;
///   with no letter outside isolates (a name alone), the letters inside
///   them decide the same way; with no letters at all, left to right.
pub fn reads_rtl(text: &str) -> bool {
    match text.trim_start().chars().next() {
        Some('\u{200e}') => return false,
        Some('\u{200f}' | '\u{061c}') => return true,
        _ => {}
    }
    let outside = count(text, false);
    if outside.letters() > 0 {
        return outside.rtl_wins();
    }
    count(text, true).rtl_wins()
}

/// `dir="rtl"` or `dir="ltr"` for the HTML, by [`reads_rtl`]: never
/// `auto`, which is the first-strong rule again.
pub fn html_dir(text: &str) -> &'static str {
    if reads_rtl(text) { "rtl" } else { "ltr" }
}

/// `text` with each first-strong isolate (FSI, put around the person's
/// names on paper) made a left-to-right or right-to-left isolate by
/// [`reads_rtl`] of what it holds, so a name inside a line reads by the
/// same rule as a whole paragraph.
pub fn resolve_isolates(text: &str) -> String {
    if !text.contains(FSI) {
        return text.to_string();
    }
    let mut out: String = text.to_string();
    // From the last FSI back, so each one's content is still as typed
    // when it is looked at (an inner one is resolved first; only the
    // character at `at` changes, and an isolate's kind does not change
    // which characters it holds).
    let starts: Vec<usize> = text
        .char_indices()
        .filter(|&(_, c)| c == FSI)
        .map(|(i, _)| i)
        .collect();
    for at in starts.into_iter().rev() {
        let inner = isolate_content(&text[at + FSI.len_utf8()..]);
        let kind = if reads_rtl(inner) { RLI } else { LRI };
        // FSI, LRI and RLI are all three bytes in UTF-8.
        out.replace_range(at..at + FSI.len_utf8(), kind.encode_utf8(&mut [0; 4]));
    }
    out
}

/// What an isolate holds: `rest` (just after its opening character) up to
/// its matching PDI, or to the end.
fn isolate_content(rest: &str) -> &str {
    let mut depth = 0_usize;
    for (i, c) in rest.char_indices() {
        match c {
            LRI | RLI | FSI => depth += 1,
            PDI if depth == 0 => return &rest[..i],
            PDI => depth -= 1,
            _ => {}
        }
    }
    rest
}

/// Strong letters and words of each direction, and the first one's.
#[derive(Default)]
struct Count {
    ltr_words: usize,
    rtl_words: usize,
    ltr: usize,
    rtl: usize,
    first_rtl: Option<bool>,
}

impl Count {
    fn rtl_wins(&self) -> bool {
        // Words first: a name is one word however long ("Ayesha کے لیے",
        // for Ayesha, is Urdu with an English name in it). As many words
        // of each is an Urdu sentence with English loanwords ("Fajr کے بعد
        // walk"): right to left, however many letters the English words
        // have (Farida read "Umang کو call کرو" scrambled). With no whole
        // word of either, letters, then the first letter.
        if self.rtl_words != self.ltr_words || self.rtl_words > 0 {
            return self.rtl_words >= self.ltr_words;
        }
        self.rtl
            .cmp(&self.ltr)
            .then_with(|| {
                if self.first_rtl == Some(true) {
                    std::cmp::Ordering::Greater
                } else {
                    std::cmp::Ordering::Less
                }
            })
            .is_gt()
    }

    fn letters(&self) -> usize {
        self.ltr + self.rtl
    }
}

/// A word's letters, (left to right, right to left), counted as a word
/// of the direction of most of them when the word ends.
fn end_word(found: &mut Count, word: &mut (usize, usize)) {
    match word.0.cmp(&word.1) {
        std::cmp::Ordering::Greater => found.ltr_words += 1,
        std::cmp::Ordering::Less => found.rtl_words += 1,
        std::cmp::Ordering::Equal => {}
    }
    *word = (0, 0);
}

/// The strong letters and words of `text`, outside isolates only or
/// (`inside`) all. A word (between white space) goes by most of its
/// letters.
fn count(text: &str, inside: bool) -> Count {
    let mut found = Count::default();
    let mut depth = 0_usize;
    let mut word = (0_usize, 0_usize);
    for c in text.chars() {
        match c {
            LRI | RLI | FSI => depth += 1,
            PDI => depth = depth.saturating_sub(1),
            _ if c.is_whitespace() => end_word(&mut found, &mut word),
            _ if depth > 0 && !inside => {}
            _ => {
                let rtl = match bidi_class(c) {
                    BidiClass::L => false,
                    BidiClass::R | BidiClass::AL => true,
                    _ => continue,
                };
                if rtl {
                    found.rtl += 1;
                    word.1 += 1;
                } else {
                    found.ltr += 1;
                    word.0 += 1;
                }
                found.first_rtl.get_or_insert(rtl);
            }
        }
    }
    end_word(&mut found, &mut word);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_urdu_sentence_that_starts_in_english_reads_right_to_left() {
        for text in [
            "Ammi کو فون کرو",
            "WhatsApp پر بہن کو میسج",
            "WhatsApp پر بہن کو میسج کرو 0300 1234567",
            "Facebook پر پرانی تصویریں دیکھنا",
            "Ayesha کے لیے",
        ] {
            assert!(reads_rtl(text), "{text}");
            assert_eq!(html_dir(text), "rtl");
        }
    }

    #[test]
    fn an_english_sentence_with_an_arabic_name_reads_left_to_right() {
        for text in [
            "Call my brother كريم on +20 10 1234 5678",
            "Crisis plan — \u{2068}فریدہ\u{2069}",
            "Thoughts: \u{2068}3 כוסות\u{2069}",
            "\u{200e}ریدہ",
            "",
            "116 123",
        ] {
            assert!(!reads_rtl(text), "{text}");
        }
    }

    #[test]
    fn a_name_alone_reads_by_its_own_letters() {
        assert!(reads_rtl("\u{2068}فریدہ\u{2069}"));
        assert!(reads_rtl("اتصل بأخي"));
        assert!(reads_rtl("\u{200f}Hi"));
    }

    #[test]
    fn as_many_words_of_each_read_right_to_left() {
        // Farida's lines: English words with more letters, still Urdu.
        for text in [
            "Umang کو call کرو ۰۳۱۱ ۷۷۸۶۲۶۴",
            "WhatsApp پر Sara کو call کرو",
            "Fajr کے بعد walk",
            "אב ab",
            "ab אב",
        ] {
            assert!(reads_rtl(text), "{text}");
            assert_eq!(html_dir(text), "rtl");
        }
        // An English line with one Urdu name stays left to right.
        assert!(!reads_rtl("Call Umang امی tonight"));
        assert!(!reads_rtl("Walk after فجر"));
    }

    #[test]
    fn with_no_whole_word_letters_then_the_first_letter_decide() {
        assert!(reads_rtl("אב-ab"));
        assert!(!reads_rtl("ab-אב"));
    }

    #[test]
    fn a_name_in_an_isolate_is_made_its_own_direction() {
        let text = "Call \u{2068}Ammi جان کو\u{2069} or \u{2068}Sam\u{2069}";
        assert_eq!(
            resolve_isolates(text),
            "Call \u{2067}Ammi جان کو\u{2069} or \u{2066}Sam\u{2069}"
        );
        assert_eq!(resolve_isolates("no isolates"), "no isolates");
    }
}
