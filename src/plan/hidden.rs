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

/// What [`tidy_typed`] took hidden characters out of, and what it left.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tidied {
    Name(String),
    Number(String),
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
