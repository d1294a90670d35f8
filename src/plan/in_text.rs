//! Numbers written inside the person's words ("Ring +66 (0)81-234-5678
//! after ten"): where each one sits, and what it dials. One rule for the
//! whole program: the marks beside a step, the `tel:` links, the lines a
//! number is kept whole on, and the checks that say whose number it is
//! all find the same numbers, so a link can never dial a number that no
//! mark was put beside (Trudy: a number written with "(0)" or with
//! non-breaking hyphens was linked to the number of someone not to
//! involve, and marked nowhere).

use std::ops::Range;

use super::phone::digit_value;

/// The longest run of digits and separators still taken for one number:
/// E.164 numbers have at most 15 digits; longer runs are ordinary words.
const MAX_NUMBER_CHARS: usize = 24;

/// What people write between the groups of a number: spaces (plain,
/// no-break, narrow, thin, figure, hair), hyphens and dashes of every
/// kind a keyboard or a word processor gives (a non-breaking hyphen, a
/// figure dash, a minus), dots, colons, brackets and slashes.
/// "+66\u{2011}81\u{2011}234\u{2011}5678" was linked as tel:+66812345678 by
/// one scanner and read as four short numbers by the other, so the
/// number of someone not to involve went unmarked (Trudy).
fn separates_digits(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{a0}'
            | '\u{202f}'
            | '\u{2007}'
            | '\u{2009}'
            | '\u{200a}'
            | '-'
            | '\u{2010}'
            | '\u{2011}'
            | '\u{2012}'
            | '\u{2013}'
            | '\u{2212}'
            | '.'
            | ':'
            | '('
            | ')'
            | '/'
    )
}

/// Whether `rest` starts with a hyphen, dash or minus with a space on
/// each side ("087 - 123 - 4567", "087 – 123 – 4567").
fn spaced_dash(rest: &[(usize, char)]) -> bool {
    let space = |c: char| {
        matches!(
            c,
            ' ' | '\u{a0}' | '\u{202f}' | '\u{2007}' | '\u{2009}' | '\u{200a}'
        )
    };
    let dash = |c: char| {
        matches!(
            c,
            '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2212}'
        )
    };
    matches!(rest, [(_, a), (_, b), (_, c), ..] if space(*a) && dash(*b) && space(*c))
}

/// Whether `run`, digit groups joined by `joins` spaced dashes, is one
/// phone number rather than a time, a date or a range ("10 - 12",
/// "9 – 5", "10:00 - 12:00", "2026 - 2027", "29 - 11 - 2026"): seven
/// digits or more, no time's colon or dot, not shaped as a date, and
/// either two dashes or more or written as a phone number is (a "+" or a
/// "0" first). A range is never joined into a number that gets a link.
fn joined_by_spaced_dashes(run: &[(usize, char)], joins: usize) -> bool {
    let mut groups = vec![0_usize];
    let mut gap = false;
    for &(_, c) in run {
        if digit_value(c).is_some() || looks_like_a_digit(c) {
            if gap {
                groups.push(0);
            }
            gap = false;
            if let Some(group) = groups.last_mut() {
                *group += 1;
            }
        } else {
            gap = true;
        }
    }
    let digits: usize = groups.iter().sum();
    let date = matches!(groups[..], [4, 1 | 2, 1 | 2] | [1 | 2, 1 | 2, 4]);
    let time = run.iter().any(|&(_, c)| matches!(c, ':' | '.'));
    let phone_like = matches!(run.first(), Some((_, '+' | '\u{ff0b}' | '(')))
        || run
            .iter()
            .find(|(_, c)| digit_value(*c).is_some())
            .is_some_and(|&(_, c)| digit_value(c) == Some(0));
    digits >= 7 && !time && !date && (joins >= 2 || phone_like)
}

/// Where phone numbers (and other runs of three or more digits, such as
/// `116 123` or `14416`) sit in `text`: each a byte range from its first
/// `+`, `(` or digit to its last digit, never starting inside a word.
pub fn numbers(text: &str) -> Vec<Range<usize>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        // A hidden character is shown written out (`\u{202e}`): its hex
        // digits are not a number, to link or to keep left to right.
        if i >= 3 && chars[i - 3].1 == '\\' && chars[i - 2].1 == 'u' && chars[i - 1].1 == '{' {
            while i < chars.len() && chars[i].1 != '}' {
                i += 1;
            }
            continue;
        }
        // Chinese, Japanese and Korean write a number straight after a
        // word, with no space ("安心專線１９２５"): it is still a number, to
        // keep whole and to link (Wei's 1925 was broken "１９ / ２５").
        let after_word = i > 0 && joins_a_number(chars[i - 1].1);
        let leads = digit_value(c).is_some()
            || (matches!(c, '+' | '\u{ff0b}' | '(')
                && chars
                    .get(i + 1)
                    .is_some_and(|&(_, n)| digit_value(n).is_some()));
        if !leads || after_word {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let mut last_digit = if digit_value(c).is_some() { i } else { i + 1 };
        let mut digits = 0;
        // Where a spaced hyphen, dash or minus ("087 - 123 - 4567") was
        // crossed: the last digit before each.
        let mut soft = Vec::new();
        while j < chars.len() {
            let c = chars[j].1;
            // A character that only looks like a digit (`𝟗`, `①`) stays in
            // the number it sits in, so the number is shown whole and, not
            // dialling what it shows, gets no link: never a link to its
            // first half.
            if digit_value(c).is_some() || looks_like_a_digit(c) {
                last_digit = j;
                j += 1;
            } else if separates_digits(c) {
                // At most two separators in a row (") " in "(020) 7946"),
                // and only when a digit follows them.
                let run = chars[j..]
                    .iter()
                    .take(3)
                    .take_while(|(_, c)| separates_digits(*c))
                    .count();
                let digit_next = |at: usize| {
                    chars
                        .get(at)
                        .is_some_and(|&(_, n)| digit_value(n).is_some() || looks_like_a_digit(n))
                };
                if run <= 2 && digit_next(j + run) {
                    j += run;
                } else if spaced_dash(&chars[j..]) && digit_next(j + 3) {
                    soft.push(last_digit);
                    j += 3;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        if let Some(&before) = soft.first()
            && !joined_by_spaced_dashes(&chars[i..=last_digit], soft.len())
        {
            last_digit = before;
        }
        for &(_, c) in &chars[i..=last_digit] {
            digits += usize::from(digit_value(c).is_some());
        }
        let mut end = chars[last_digit].0 + chars[last_digit].1.len_utf8();
        let kept = digits >= 3 && last_digit + 1 - i <= MAX_NUMBER_CHARS;
        i = last_digit + 1;
        if kept {
            // "021 444 4445 ext 1234" is one number: the card broke it
            // between "ext" and its digits, and the digits were linked as
            // a number of their own (Trudy, issue 12).
            if let Some(more) = extension_after(&text[end..]) {
                end += more;
                i = chars.partition_point(|&(at, _)| at < end);
            }
            found.push(start..end);
        }
    }
    found
}

/// How many bytes of `rest`, just after a number, are its extension
/// written out ("ext 1234", " ext. 12", "x99", " extension 4"): none when
/// no digits follow the word.
fn extension_after(rest: &str) -> Option<usize> {
    let trimmed = rest.strip_prefix(' ').unwrap_or(rest);
    let lead = rest.len() - trimmed.len();
    let lower = trimmed
        .chars()
        .take(9)
        .collect::<String>()
        .to_ascii_lowercase();
    let word = ["extension", "ext", "x"]
        .into_iter()
        .find(|w| lower.starts_with(w))?;
    let after = &trimmed[word.len()..];
    let digits_at = after.trim_start_matches(['.', ':', ' ']);
    let gap = after.len() - digits_at.len();
    let digits: usize = digits_at
        .chars()
        .take_while(|c| digit_value(*c).is_some())
        .map(char::len_utf8)
        .sum();
    let ends = !digits_at[digits..].starts_with(char::is_alphanumeric);
    (gap <= 2 && digits > 0 && ends).then_some(lead + word.len() + gap + digits)
}

/// Whether a letter just before digits makes them part of a word
/// ("A1B2C3", "x100"): a letter of a script that puts no space before a
/// number (Han, kana, Hangul; Thai, Lao, Myanmar, Khmer) does not.
/// "โทรหาพี่ชาย๐๘๑ ๒๓๔ ๕๖๗๘" was linked as tel:2345678 (Niran).
fn joins_a_number(c: char) -> bool {
    c.is_alphanumeric()
        && !matches!(u32::from(c),
            0x0E00..=0x0EFF | 0x1000..=0x109F | 0x1780..=0x17FF
            | 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF
            | 0xF900..=0xFAFF | 0xFF66..=0xFF9F | 0x20000..=0x3134F)
}

/// Whether `c` is a digit of a kind phones do not dial (mathematical,
/// circled or superscript digits, other scripts' digits not in
/// [`digit_value`]'s list).
fn looks_like_a_digit(c: char) -> bool {
    digit_value(c).is_none() && c.is_numeric()
}

/// What each number in `text` dials ([`super::same::dialled`]: ASCII
/// digits, with its leading `+`), for the numbers of six digits or more:
/// a time, a count or a short code is no one's phone. The same numbers,
/// found the same way, as the ones [`numbers`] shows and links.
pub fn dialled_numbers(text: &str) -> Vec<String> {
    numbers(text)
        .into_iter()
        .map(|range| super::same::dialled(&text[range]))
        .filter(|n| n.trim_start_matches('+').len() >= 6)
        .collect()
}

#[cfg(test)]
mod tests {
    /// Trudy: every way she wrote Dermot's number is one number, read as
    /// it dials, its "+" kept, so the "(0)" after the code is seen.
    #[test]
    fn a_number_is_one_number_whatever_is_between_its_groups() {
        for written in [
            "Ring +66\u{2011}81\u{2011}234\u{2011}5678 now",
            "Ring +66\u{a0}81\u{a0}234\u{a0}5678",
            "Ring +66\u{2009}81\u{2009}234\u{2009}5678",
            "Ring +66\u{2012}81\u{2212}234\u{2013}5678",
        ] {
            assert_eq!(
                super::dialled_numbers(written),
                ["+66812345678"],
                "{written:?}"
            );
        }
        assert_eq!(
            super::dialled_numbers("Ring +66 (0)81-234-5678"),
            ["+660812345678"]
        );
        // Spaced hyphens, dashes and minuses between the groups (Dermot).
        for written in [
            "Ring 087 - 123 - 4567",
            "Ring 087 \u{2013} 123 \u{2013} 4567",
            "Ring 087 \u{2212} 123 \u{2212} 4567",
            "Ring +353 - 87 - 123 - 4567",
            "Ring 087 - 1234567",
        ] {
            assert_eq!(super::dialled_numbers(written).len(), 1, "{written:?}");
        }
        // A time, a range or a date is never joined into a number.
        for written in [
            "Open 9 - 5",
            "10 - 12",
            "9 \u{2013} 5",
            "2026 - 2027",
            "10:00 - 12:00",
            "9:30 \u{2013} 17:30",
            "2026 - 11 - 29",
        ] {
            assert!(super::dialled_numbers(written).is_empty(), "{written:?}");
        }
        let text = "Open 9 - 5, call 087 123 4567";
        let found: Vec<_> = super::numbers(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(found, ["087 123 4567"]);
        // A time, a count, a word's digits: no one's number.
        assert!(super::dialled_numbers("at 10:30, 3 times, code A1B2C3").is_empty());
    }
}
