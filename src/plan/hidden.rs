//! Which characters do not show, or act on what is around them: the one
//! list that the screen writes out (`render::clean`) and that a name from
//! someone else's file is tidied by, so a name kept on import is never
//! shown with `\u{…}` later.

/// Whether `c`, between `prev` and `next`, would act on a terminal or hide
/// from the reader. Zero-width joiners are kept between letters of other
/// scripts and in emoji, where they belong; beside digits (of any script)
/// or Latin letters they join nothing and disguise. Variation selectors are
/// kept after an emoji or a CJK character, where they choose its look.
/// Blank fillers (Hangul fillers, the combining grapheme joiner, Khmer and
/// Mongolian invisibles) and the other format characters that draw as
/// nothing (Unicode's default-ignorable code points, Egyptian hieroglyph
/// format controls) count too, as they are flagged in numbers.
pub fn hidden_at(c: char, prev: Option<char>, next: Option<char>) -> bool {
    let letter = |c: Option<char>| c.is_some_and(|c| !c.is_ascii() && !c.is_numeric());
    match c {
        '\u{200c}' | '\u{200d}' => !(letter(prev) && letter(next)),
        '\u{fe00}'..='\u{fe0f}' | '\u{e0100}'..='\u{e01ef}' => {
            !(letter(prev) || next == Some('\u{20e3}'))
        }
        '\u{00ad}'
        | '\u{034f}'
        | '\u{061c}'
        | '\u{115f}'
        | '\u{1160}'
        | '\u{17b4}'
        | '\u{17b5}'
        | '\u{180b}'..='\u{180f}'
        | '\u{200b}'
        | '\u{200e}'
        | '\u{200f}'
        | '\u{2028}'..='\u{202e}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{206f}'
        | '\u{3164}'
        | '\u{feff}'
        | '\u{ffa0}'
        | '\u{fff0}'..='\u{fffb}'
        | '\u{13430}'..='\u{1343f}'
        | '\u{1bca0}'..='\u{1bca3}'
        | '\u{1d173}'..='\u{1d17a}'
        | '\u{e0000}'..='\u{e00ff}'
        | '\u{e01f0}'..='\u{e0fff}' => true,
        c => c.is_control(),
    }
}

/// Whether `c` is hidden or not depending on what stands beside it.
fn depends_on_neighbours(c: char) -> bool {
    matches!(
        c,
        '\u{200c}' | '\u{200d}' | '\u{fe00}'..='\u{fe0f}' | '\u{e0100}'..='\u{e01ef}'
    )
}

/// Whether any character of `text` is hidden where it stands.
pub fn any_hidden(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len()).any(|i| {
        hidden_at(
            chars[i],
            i.checked_sub(1).map(|p| chars[p]),
            chars.get(i + 1).copied(),
        )
    })
}

/// `text` without the characters that do not show (see [`hidden_at`]),
/// control characters kept: a control character is not tidied away but
/// refused where it matters, as it is an attack on a terminal, not a
/// slip. What is left shows nothing hidden wherever it is shown, and the
/// work is linear: characters hidden wherever they stand go first, then
/// each run of joiners and selectors is kept whole where it belongs
/// between what is left around it, or left out whole.
pub fn without_hidden(text: &str) -> String {
    let kept: Vec<char> = text
        .chars()
        .filter(|&c| c.is_control() || depends_on_neighbours(c) || !hidden_at(c, None, None))
        .collect();
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    while at < kept.len() {
        if !depends_on_neighbours(kept[at]) {
            out.push(kept[at]);
            at += 1;
            continue;
        }
        let end = kept[at..]
            .iter()
            .position(|&c| !depends_on_neighbours(c))
            .map_or(kept.len(), |n| at + n);
        let belongs = (at..end).all(|i| {
            !hidden_at(
                kept[i],
                i.checked_sub(1).map(|p| kept[p]),
                kept.get(i + 1).copied(),
            )
        });
        if belongs {
            out.extend(&kept[at..end]);
        }
        at = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_characters_are_left_out_and_joiners_kept_where_they_belong() {
        assert_eq!(without_hidden("Al\u{200b}ex\u{202e}"), "Alex");
        assert_eq!(without_hidden("Jo\u{2066}\u{feff} Smith"), "Jo Smith");
        // A joiner inside an emoji, a non-joiner in Persian: they belong.
        let family = "👩\u{200d}👧";
        assert_eq!(without_hidden(family), family);
        let persian = "می\u{200c}خواهم";
        assert_eq!(without_hidden(persian), persian);
        // A joiner between Latin letters or at the end joins nothing.
        assert_eq!(without_hidden("A\u{200d}na"), "Ana");
        assert_eq!(without_hidden("अ\u{200d}\u{200d}"), "अ");
        assert_eq!(without_hidden("❤\u{fe0f}"), "❤\u{fe0f}");
        assert_eq!(without_hidden("a\u{fe0f}"), "a");
        // Control characters stay, to be refused by name.
        assert_eq!(without_hidden("a\u{1b}b"), "a\u{1b}b");
    }

    /// Issue 12 (guard12e): escape sequences typed or pasted into a note
    /// go whole, with other controls and hidden characters; line breaks,
    /// tabs, joiners that belong and plain words stay.
    #[test]
    fn a_typed_note_loses_escape_sequences_whole_and_says_so() {
        let tidied = |text: &str| match tidy_note(text) {
            Some(Tidied::Note(kept)) => Some(kept),
            _ => None,
        };
        assert_eq!(tidied("A quiet day, talked to Jo"), None);
        assert_eq!(tidied("Two\nlines\tand a tab"), None);
        assert_eq!(tidied("می\u{200c}خواهم"), None);
        assert_eq!(
            tidied("\u{1b}[31mRed\u{1b}[0m day").as_deref(),
            Some("Red day")
        );
        assert_eq!(
            tidied("ok\u{1b}]52;c;cm0gLXJmIH4=\u{7} then").as_deref(),
            Some("ok then")
        );
        assert_eq!(
            tidied("link \u{1b}]8;;http://x\u{1b}\\here\u{1b}]8;;\u{1b}\\").as_deref(),
            Some("link here")
        );
        assert_eq!(tidied("a\u{9b}2Jb\u{7}c\u{202e}d").as_deref(), Some("abcd"));
        assert_eq!(tidied("\u{1b}c").as_deref(), Some(""));
    }

    #[test]
    fn what_is_left_shows_nothing_hidden() {
        let pieces = [
            "a",
            "अ",
            "1",
            "👩",
            " ",
            "\u{200d}",
            "\u{200c}",
            "\u{fe0f}",
            "\u{20e3}",
            "\u{200b}",
            "\u{202e}",
            "\u{e0101}",
            "\u{1d173}",
        ];
        // Every string of up to four pieces.
        let mut texts = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = texts
                .iter()
                .flat_map(|t| pieces.iter().map(move |p| format!("{t}{p}")))
                .collect();
            texts.extend(longer);
            texts.dedup();
        }
        for text in texts {
            let tidied = without_hidden(&text);
            assert!(!any_hidden(&tidied), "{text:?} → {tidied:?}");
            assert_eq!(without_hidden(&tidied), tidied, "{text:?}");
        }
    }
}

/// What [`tidy_typed`] (or [`tidy_note`]) took hidden characters out of,
/// and what it left.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tidied {
    Name(String),
    Number(String),
    /// A note typed or pasted on the command line (`check-in --note`),
    /// as kept: empty when nothing but escapes and hidden characters.
    Note(String),
}

/// A note typed or pasted on the command line, by the rule names and
/// numbers follow ([`tidy_typed`]): what would act on a terminal or does
/// not show is left out before it is stored, so the words are safe to show
/// wherever they go (a therapist's screen too), and what was left out is
/// said. An escape sequence goes whole (a colour code pasted from a
/// terminal, `ESC [ 31 m`, or a clipboard write, `ESC ] 52 ; … BEL`), not
/// only its first byte, so no stray "[31m" is left in her words. Line
/// breaks and tabs stay: the note's own reader folds them. `None` when
/// nothing was left out.
pub fn tidy_note(note: &str) -> Option<Tidied> {
    let kept = without_hidden(&without_escapes(note));
    (kept != note).then(|| Tidied::Note(kept.trim().to_string()))
}

/// `text` without escape sequences (each whole: a colour code, a clipboard
/// write with its payload) and control characters other than line breaks
/// and tabs; everything else, hidden characters too, kept as it is.
pub fn without_escapes(text: &str) -> String {
    let mut kept = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => match chars.next() {
                // CSI: parameters and intermediates, then one final byte.
                Some('[') => skip_csi(&mut chars),
                // OSC, DCS, SOS, PM, APC: up to BEL or ESC \.
                Some(']' | 'P' | 'X' | '^' | '_') => skip_string(&mut chars),
                // A two-character escape (ESC 7, ESC c): both go.
                _ => {}
            },
            '\u{9b}' => skip_csi(&mut chars),
            '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            '\n' | '\t' => kept.push(c),
            c if c.is_control() => {}
            c => kept.push(c),
        }
    }
    kept
}

/// Skips a control sequence's parameters up to and including its final
/// byte (`@` to `~`).
fn skip_csi(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    for c in chars.by_ref() {
        if ('\u{40}'..='\u{7e}').contains(&c) {
            break;
        }
    }
}

/// Skips a control string up to and including its end: BEL, ESC \, or ST.
fn skip_string(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(c) = chars.next() {
        match c {
            '\u{7}' | '\u{9c}' => break,
            '\u{1b}' => {
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                break;
            }
            _ => {}
        }
    }
}

/// A name and a number as the person typed or pasted them, without the
/// characters that do not show. A number copied from a phone or a
/// messaging app often comes wrapped in direction marks (U+202A…U+202C),
/// which then showed as `\u{202a}` on the crisis screen and as "?" on the
/// printed card: they are taken out, as `contact import` takes them out of
/// someone else's card, and what was tidied is returned, to be said.
/// Text that would be left empty is kept as it is, for the usual refusal.
pub fn tidy_typed(name: &mut String, phone: Option<&mut String>) -> Vec<Tidied> {
    let mut tidied = Vec::new();
    let tidy_name = without_hidden(name);
    if tidy_name != *name && !tidy_name.trim().is_empty() {
        tidied.push(Tidied::Name(tidy_name.clone()));
        *name = tidy_name;
    }
    if let Some(phone) = phone {
        let tidy_phone = super::phone::without_hidden(phone);
        if tidy_phone != phone.trim() && super::phone::has_digits(&tidy_phone) {
            tidied.push(Tidied::Number(tidy_phone.clone()));
            *phone = tidy_phone;
        }
    }
    tidied
}
