//! Phone numbers as people and other programs write them: which characters
//! dial, which hide from the reader, and which only look like digits. A
//! number is what someone calls on the worst day of their year, so one that
//! does not dial what it shows is flagged, never trusted.

use unicode_script::UnicodeScript;

/// A decimal digit a phone dials, with its value: the digits of every
/// script (Unicode's decimal digits: ASCII, Arabic-Indic, Persian, Thai
/// `๐๘๑`, Lao, Khmer, Myanmar, Tamil, …) and the fullwidth ones, but not
/// the Latin digits drawn as symbols (mathematical bold `𝟗`, segmented or
/// outlined), which only look like digits. Niran's brother's number in
/// Thai digits was flagged as look-alikes and left off his card.
pub fn digit_value(c: char) -> Option<u32> {
    let styled = matches!(u32::from(c), 0x1CCF0..=0x1CCF9 | 0x1D7CE..=0x1D7FF | 0x1FBF0..=0x1FBF9);
    if styled {
        return None;
    }
    super::typed::digit_value(c)
}

/// Whether `c` does not show, or acts on what is around it: control
/// characters, bidirectional marks, overrides and isolates, zero-width
/// characters, soft hyphens and byte-order marks. None belongs in a number.
pub fn is_hidden(c: char) -> bool {
    c.is_control()
        || super::lookalike::is_default_ignorable(c)
        // Line and paragraph separators, and the interlinear annotation
        // marks: they show nothing, or break the line, inside a number.
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{fff9}'..='\u{fffb}')
}

/// What people write between the digits of a number (and `*`, `#` and the
/// pauses `,` `;` that dial on): spaces, dashes, brackets, dots, slashes,
/// as ASCII or as the full-width forms a Japanese, Chinese or Korean
/// keyboard types (`０９０－１２３４－５６７８`), and the dashes people
/// reach for instead (a minus sign, a katakana long-vowel mark `ー`). None
/// of them is dialled, so none can make a number dial other than it shows;
/// flagging them told Yuki to distrust every number she had typed right,
/// and pushed the one all-night line off her card.
fn is_punctuation(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{a0}' | '\u{202f}' | '\u{3000}' | '+' | '-' | '\u{2010}'
            ..='\u{2015}'
                | '\u{2212}'
                | '\u{30fc}'
                | '\u{fe63}'
                | '('
                | ')'
                | '.'
                | '/'
                | '*'
                | '#'
                | ','
                | ';'
    ) || matches!(
        // The full-width forms of the ASCII ones: ＋ － （ ） ． ／ ＊ ＃ ， ；
        c,
        '\u{ff0b}'
            | '\u{ff0d}'
            | '\u{ff08}'
            | '\u{ff09}'
            | '\u{ff0e}'
            | '\u{ff0f}'
            | '\u{ff0a}'
            | '\u{ff03}'
            | '\u{ff0c}'
            | '\u{ff1b}'
            | '\u{ff5e}'
    )
}

/// A punctuation mark of a number as another program reads it: ASCII.
fn ascii_punctuation(c: char) -> char {
    if c.is_whitespace() {
        return ' ';
    }
    if c.is_ascii() {
        return c;
    }
    match c {
        // ＋ － （ ） ． ／ ＊ ＃ ， ； sit 0xfee0 above their ASCII forms.
        '\u{ff01}'..='\u{ff5e}' if c != '\u{ff5e}' => {
            char::from_u32(u32::from(c) - 0xfee0).unwrap_or('-')
        }
        _ => '-',
    }
}

/// Why a number can't be trusted as written, the most serious first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trouble {
    /// It holds characters that do not show (a right-to-left override
    /// that reverses the digits, a zero-width space between them).
    Hidden,
    /// It holds letters or characters that only look like digits
    /// (mathematical or circled digits, a letter O for a zero).
    LookAlike,
    /// Its digits come from two scripts (Latin with one Devanagari `५`):
    /// no one writes a number so, and some look like others (`٥` like
    /// a 0), so it is named for what it is, not as a look-alike.
    MixedDigits,
    /// Its `+` comes after its digits ("1234 555 12 46+"), as a number
    /// turned around by a right-to-left override reads once the override
    /// is taken out: it would dial its digits backwards (Trudy).
    Reversed,
    /// Nothing in it dials.
    NoDigits,
    /// It holds two numbers or more ("010-1234-5678, 02-555-1234"): a
    /// phone dials one, and a link made of it dialled only the first
    /// (Min-jun, Seoul).
    TwoNumbers,
}

impl Trouble {
    /// What is wrong, in words for the person.
    pub fn words(self) -> &'static str {
        match self {
            Trouble::Hidden => "holds hidden characters",
            Trouble::LookAlike => "holds letters or characters that only look like digits",
            Trouble::MixedDigits => "mixes two kinds of digits",
            Trouble::Reversed => {
                "has a + after some of its digits, and a + goes only at its start, before the country code"
            }
            Trouble::NoDigits => "holds no digits to dial",
            Trouble::TwoNumbers => "holds two numbers, and a phone dials one",
        }
    }
}

/// The contacts whose phone number holds characters that do not show (a
/// zero-width space, a right-to-left override), with their place in the
/// plan's list: a number that dials differently from how it reads is the
/// worst thing a card can carry, so `validate` and `review` name each.
pub fn hidden_numbers(plan: &super::Plan) -> Vec<(usize, &super::Contact)> {
    plan.contacts
        .iter()
        .enumerate()
        .filter(|(_, c)| c.phone.as_deref().and_then(trouble) == Some(Trouble::Hidden))
        .collect()
}

/// `number` without an ordinary extension at its end: as a `tel:` link
/// writes one (RFC 3966: `+1-201-555-0123;ext=1234`, as address books
/// export one), in ASCII digits and the separators RFC 3966 allows, or as
/// people write one ("ext 99", "ext. 12", "x99", "extension 4", or a
/// phone's pause "p99" / wait "w99"), in digits of the number's own kind
/// and no more than an extension has. Anything else after the mark stays,
/// to be judged with the rest: "ext 9о" with a Cyrillic `о` is still a
/// look-alike (Trudy, issue 12: "ext 99" was called one).
pub fn without_extension(number: &str) -> &str {
    const MARK: &str = ";ext=";
    if let Some(at) = number.to_ascii_lowercase().rfind(MARK) {
        let extension = number[at + MARK.len()..].trim_end();
        let plain = extension.bytes().any(|b| b.is_ascii_digit())
            && extension
                .bytes()
                .all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'.' | b'(' | b')'));
        return if plain { &number[..at] } else { number };
    }
    written_extension(number).map_or(number, |at| &number[..at])
}

/// Where an extension written in words or as a pause ("ext 99", "x99",
/// "p99") begins in `number`, when only digits of the number's own kind
/// follow it, no more than [`EXTENSION_DIGITS`] of them.
fn written_extension(number: &str) -> Option<usize> {
    let at = extension_at(number)?;
    let lower = number[at..].to_lowercase();
    let word = ["extension", "ext", "x", "p", "w"]
        .into_iter()
        .find(|w| lower.starts_with(w))?;
    let digits = number[at + word.len()..]
        .trim_start_matches(['.', ':', '=', ' '])
        .trim_end();
    let count = digits.chars().filter(|c| digit_value(*c).is_some()).count();
    let plain = (1..=EXTENSION_DIGITS).contains(&count)
        && digits
            .chars()
            .all(|c| digit_value(c).is_some() || matches!(c, ' ' | '-'));
    let main = &number[..at];
    let same_kind = digit_scripts(digits)
        .iter()
        .all(|s| digit_scripts(main).contains(s));
    (plain && same_kind).then_some(at)
}

/// The most digits an extension has: a switchboard's are a few (rarely
/// more than 6). More after a number is not an extension: another number
/// run on, or digits typed twice.
pub const EXTENSION_DIGITS: usize = 8;

/// Where what is keyed in after `number` is answered begins, if anywhere:
/// at `;ext=`, a written "ext", "ext." or "x" before digits, a `#`, a
/// pause (`,`, or a phone's "p" / "w"). Digits must come before it (`*111#` is a service code).
pub fn extension_at(number: &str) -> Option<usize> {
    let lower = number.to_lowercase();
    if lower.len() != number.len() {
        return None;
    }
    lower.char_indices().find_map(|(at, c)| {
        if !has_digits(&number[..at]) {
            return None;
        }
        if matches!(c, '#' | ',' | ';') {
            return Some(at);
        }
        let rest = &lower[at..];
        let word = ["extension", "ext", "x", "p", "w"]
            .into_iter()
            .find(|w| rest.starts_with(w))?;
        let after_word = !lower[..at].ends_with(char::is_alphabetic);
        let digits_next = rest[word.len()..]
            .trim_start_matches(['.', ':', '=', ' '])
            .starts_with(|d: char| digit_value(d).is_some());
        (after_word && digits_next).then_some(at)
    })
}

/// How many digits follow `number`'s extension mark ([`extension_at`])
/// when they are more than an extension has ([`EXTENSION_DIGITS`]):
/// "+44 20 7946 0000 ext 12345678901234567890" gives 20. Two numbers in
/// one field are said as two, not as this.
pub fn long_extension(number: &str) -> Option<usize> {
    if two_numbers(without_extension(number)) {
        return None;
    }
    let at = extension_at(number)?;
    let digits = number[at..]
        .chars()
        .filter(|c| digit_value(*c).is_some())
        .count();
    (digits > EXTENSION_DIGITS).then_some(digits)
}

/// Why `number` can't be trusted as written, if it can't. An RFC 3966
/// extension at its end ([`without_extension`]) is no look-alike.
pub fn trouble(number: &str) -> Option<Trouble> {
    let number = without_label(without_extension(number));
    if number.chars().any(is_hidden) {
        Some(Trouble::Hidden)
    } else if two_numbers(number) {
        Some(Trouble::TwoNumbers)
    } else if number
        .chars()
        .any(|c| digit_value(c).is_none() && !is_punctuation(c))
    {
        Some(Trouble::LookAlike)
    } else if mixes_digit_scripts(number) {
        Some(Trouble::MixedDigits)
    } else if number
        .trim()
        .char_indices()
        .any(|(at, c)| matches!(c, '+' | '\u{ff0b}') && has_digits(&number.trim()[..at]))
    {
        // After a digit: "(+66) 81 234 5678" has its + first, in brackets,
        // and was refused as "after its digits" (Trudy).
        Some(Trouble::Reversed)
    } else if !has_digits(number) {
        Some(Trouble::NoDigits)
    } else {
        None
    }
}

/// Whether the digits of `number` come from more than one script: Latin
/// with an Arabic-Indic `٠`, which looks like a dot, or a `٥`, which looks
/// like a 0. No one writes a number so, so it is read as a disguise.
/// Fullwidth digits are the Latin ones drawn wide, so they count as Latin.
fn mixes_digit_scripts(number: &str) -> bool {
    digit_scripts(number).len() > 1
}

/// The kinds of digits in `number`, by name, in the order they first
/// appear ("Latin", "Devanagari", "Thai"): fullwidth digits count as Latin.
pub fn digit_scripts(number: &str) -> Vec<&'static str> {
    let mut found = Vec::new();
    for c in number.chars() {
        if digit_value(c).is_none() {
            continue;
        }
        let script = match c {
            '0'..='9' | '\u{ff10}'..='\u{ff19}' => "Latin",
            // Both are the Arabic script's, and are easily taken for each
            // other: named apart.
            '\u{660}'..='\u{669}' => "Arabic-Indic",
            '\u{6f0}'..='\u{6f9}' => "Persian",
            _ => c.script().full_name(),
        };
        if !found.contains(&script) {
            found.push(script);
        }
    }
    found
}

/// The fewest digits a phone number has: a crisis line's short code has
/// six (116 123, 13 11 14); hours ("10-5", "١٠-٥"), a time or a count has
/// fewer.
pub const PHONE_DIGITS: usize = 6;

/// Whether `found`, a run of digits and separators in someone's words, is
/// a phone number: [`PHONE_DIGITS`] digits or more, and no clock's colon
/// ("١٠:٣٠-٥:٣٠" is hours, not a number to call).
pub fn is_phone_number(found: &str) -> bool {
    found.chars().filter(|c| digit_value(*c).is_some()).count() >= PHONE_DIGITS
        && !found.contains([':', '\u{ff1a}'])
}

/// Whether anything in `number` dials.
pub fn has_digits(number: &str) -> bool {
    number.chars().any(|c| digit_value(c).is_some())
}

/// `number` without what does not show: what a phone would dial, in the
/// order it would dial it.
pub fn without_hidden(number: &str) -> String {
    number
        .chars()
        .filter(|c| !is_hidden(*c))
        .collect::<String>()
        .trim()
        .to_string()
}

/// `number` for another program to dial (a vCard's `TEL`): the digits, in
/// ASCII, with the punctuation between them and a leading `+`; nothing
/// hidden, no letters, no look-alikes. Empty when nothing in it dials.
pub fn for_dialling(number: &str) -> String {
    // An RFC 3966 extension is kept as one (`;ext=123`): with its letters
    // left out, `+64-21-555-3006;ext=123` was written `…3006;123`, not
    // what she typed (Trudy).
    let main = without_extension(number);
    if main.len() < number.len() {
        let dialled = for_dialling(main);
        let extension: String = number[main.len()..]
            .chars()
            .filter_map(digit_value)
            .filter_map(|d| char::from_digit(d, 10))
            .collect();
        return if dialled.is_empty() {
            dialled
        } else {
            format!("{dialled};ext={extension}")
        };
    }
    let number = &without_trunk_zero(number);
    let mut out = String::with_capacity(number.len());
    for c in number.chars() {
        if let Some(d) = digit_value(c) {
            out.push(char::from_digit(d, 10).unwrap_or('0'));
        } else if c == '+' || c == '\u{ff0b}' {
            if out.trim().is_empty() {
                out.push('+');
            }
        } else if is_punctuation(c) && (!out.is_empty() || c == '(') {
            out.push(ascii_punctuation(c));
        }
    }
    if !has_digits(&out) {
        return String::new();
    }
    let trimmed = out.trim_end_matches(|c: char| !c.is_ascii_digit() && c != '#' && c != '*');
    trimmed.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `number` without the `(0)` written after a country code, as in
/// `+44 (0)7700 900111`: it is dialled only from inside the country, so a
/// phone given `+4407700…` reaches no one.
fn without_trunk_zero(number: &str) -> std::borrow::Cow<'_, str> {
    let trimmed = number.trim_start();
    let international = trimmed.starts_with('+') || trimmed.starts_with('\u{ff0b}');
    let Some(at) = number.find("(0)").filter(|_| international) else {
        return number.into();
    };
    // Only the first group after the country code: a `(0)` further on is
    // part of the number as written.
    let before = &number[..at];
    if before.chars().filter(|&c| digit_value(c).is_some()).count() > 3 {
        return number.into();
    }
    format!("{before}{}", &number[at + 3..]).into()
}

/// What a `tel:` or `sms:` link may dial for `number`: its digits in
/// ASCII with a leading `+`, and only when the number dials exactly what
/// it shows. A number with hidden characters, letters or look-alike digits
/// gets no link at all: a link that dials something other than what the
/// person reads is worse than none.
pub fn link_digits(number: &str) -> Option<String> {
    if trouble(number).is_some() {
        return None;
    }
    let dialled = for_dialling(number);
    // A service code (`*111#`) is dialled whole, its `#` escaped as RFC
    // 3966 asks: linked as its digits alone, it dialled 111.
    if number.trim_start().starts_with(['*', '\u{ff0a}']) {
        let code: String = dialled
            .chars()
            .filter(|c| c.is_ascii_digit() || matches!(c, '*' | '#'))
            .collect();
        return Some(format!("*{code}").replace('#', "%23"));
    }
    // In a number, what follows `#` or a pause is an extension, keyed in
    // once the call is answered: linked with it, "(02)2345-6789#12" dialled
    // 022345678912, a number that is someone else's or no one's (Wei,
    // Taipei).
    let main = dialled
        .split(['#', ',', ';', '*'])
        .next()
        .unwrap_or_default();
    let plus = main.starts_with('+');
    let digits: String = main.chars().filter(char::is_ascii_digit).collect();
    (!digits.is_empty()).then(|| if plus { format!("+{digits}") } else { digits })
}

/// The digits keyed in once the call is answered, group by group: an
/// extension (`;ext=123`, `#12`) or what follows a pause (`,,1234;5` is
/// 1234, then 5). A link dials the number itself, so these must be said
/// beside it: a tap on `+64215553011,,1234;5` reached the switchboard, not
/// her person (Trudy). None for a service code (`*111#`), dialled whole.
pub fn after_answer(number: &str) -> Vec<String> {
    if trouble(number).is_some() || number.trim_start().starts_with(['*', '\u{ff0a}']) {
        return Vec::new();
    }
    let dialled = for_dialling(number);
    let Some(at) = dialled.find(['#', ',', ';', '*']) else {
        return Vec::new();
    };
    dialled[at..]
        .split(|c: char| !c.is_ascii_digit())
        .filter(|group| !group.is_empty())
        .map(str::to_string)
        .collect()
}

/// Whether `number` is written in words rather than digits ("nine eight
/// two", "call after six"): letters and nothing to dial, or a digit's
/// name among its words. Refused where it is typed, with an example: a
/// number in words can't be dialled from a card or linked on a phone.
/// Letters beside digits that name none ("0800-DAD-HELP") are a vanity
/// number: kept, and flagged as letters.
pub fn in_words(number: &str) -> bool {
    const NAMES: [&str; 13] = [
        "zero", "oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
        "double", "triple",
    ];
    let letters = number.chars().any(char::is_alphabetic);
    let named = number
        .split(|c: char| !c.is_alphabetic())
        .any(|word| NAMES.contains(&word.to_lowercase().as_str()));
    letters && (!has_digits(number) || named)
}

/// The most digits a number that dials has: an international number has
/// at most 15 (ITU-T E.164), and a prefix to dial out ("00", "011") or a
/// trunk "0" a few more. An extension ([`without_extension`]) is apart.
pub const MOST_DIGITS: usize = 18;

/// Why `number`, typed as one of her own numbers (her emergency number,
/// a crisis line of hers), can't be dialled as written, in words for the
/// person; `None` when it can. The checks `contact add --phone` makes
/// ([`in_words`], [`trouble`]: letters, two numbers, no digits), and a
/// length no phone dials: her own numbers are the ones `now` tells her to
/// call in a crisis, so here they are refused, not kept and flagged
/// (Trudy: "call mum", "112 or 999", 300 digits, "HELP-NOW").
pub fn undialable(number: &str) -> Option<&'static str> {
    let number = number.trim();
    if in_words(number) {
        return Some("is written in words, and a phone dials digits");
    }
    // "+66 8I 234 5678": a letter touching a digit stands for one; said
    // as "two numbers", it sent her looking for a second number (Trudy).
    if letter_among_digits(without_label(without_extension(number))) {
        return Some(LETTER_FOR_A_DIGIT);
    }
    // "112 or 999": two runs of digits with words between them; a word in
    // capitals is a vanity number's ("+66 81 CALL 678"), read on a keypad.
    let runs = number
        .split(char::is_alphabetic)
        .filter(|part| has_digits(part))
        .count();
    if runs > 1 && !spelled_on_a_keypad(number) {
        return Some(Trouble::TwoNumbers.words());
    }
    // A vanity number ("0800 DAD HELP") dials from a keypad: kept, and
    // flagged, as `contact add` keeps one.
    let vanity = has_digits(number)
        && number
            .chars()
            .all(|c| c.is_ascii_alphabetic() || digit_value(c).is_some() || is_punctuation(c));
    match trouble(number) {
        Some(Trouble::LookAlike) if vanity => {}
        Some(trouble) => return Some(trouble.words()),
        None => {}
    }
    let digits = without_extension(number)
        .chars()
        .filter(|c| digit_value(*c).is_some())
        .count();
    (digits > MOST_DIGITS).then_some("has more digits than any phone number")
}

/// Said of a number with a letter where a digit belongs ("8I", "2O1").
pub const LETTER_FOR_A_DIGIT: &str =
    "has a letter where a digit belongs (an I or an l for a 1, an O for a 0)";

/// Whether a letter touches a digit in `number` ("+66 8I 234 5678",
/// "+1 2O1 555 0123"): a letter typed for a digit, not a word.
fn letter_among_digits(number: &str) -> bool {
    let chars: Vec<char> = number.chars().collect();
    let digit_at = |i: usize| chars.get(i).is_some_and(|&c| digit_value(c).is_some());
    chars
        .iter()
        .enumerate()
        .any(|(i, &c)| c.is_alphabetic() && ((i > 0 && digit_at(i - 1)) || digit_at(i + 1)))
}

/// Whether every word between the digits of `number` is a vanity
/// number's, read on a keypad: capitals, three or more of them, and not
/// a word that joins two numbers ("112 OR 999", "AND").
fn spelled_on_a_keypad(number: &str) -> bool {
    const JOINING: [&str; 6] = ["AND", "ODER", "UND", "OU", "OR", "ELSE"];
    number
        .split(|c: char| !c.is_alphabetic())
        .filter(|word| !word.is_empty())
        .all(|word| {
            word.chars().count() >= 3
                && word.chars().all(|c| c.is_ascii_uppercase())
                && !JOINING.contains(&word)
        })
}

/// `number` with the letters most often typed for digits made digits (I
/// and l for 1, O and o for 0), when that leaves a number with nothing
/// else wrong: the example to offer when one was typed.
pub fn with_digits_for_letters(number: &str) -> Option<String> {
    let mended: String = number
        .chars()
        .map(|c| match c {
            'I' | 'l' | '|' => '1',
            'O' | 'o' => '0',
            c => c,
        })
        .collect();
    (mended != number && trouble(&mended).is_none()).then_some(mended)
}

/// How a number's length compares with the numbers of the plan's country.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Length {
    TooShort,
    TooLong,
}

/// A number that looks too short or too long for the plan's country.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LengthDoubt {
    pub length: Length,
    /// How many digits numbers there usually have, after the `0` (or the
    /// calling code).
    pub usual: std::ops::RangeInclusive<usize>,
    /// The country's calling code, without its `+`.
    pub calling_code: &'static str,
    /// Whether the number is judged as a mobile number, whose length
    /// there is one (a Korean 010 number has 11 digits with its 0).
    pub mobile: bool,
}

/// The mobile numbers of a country that have a length of their own: the
/// country, the prefix after the `0` (or calling code), and their length
/// after it. "010-1234-567" is a Korean mobile number a digit short.
const MOBILE_LENGTHS: &[(&str, &str, std::ops::RangeInclusive<usize>)] = &[("KR", "10", 10..=10)];

/// A country's numbers, roughly: its calling code, and how many digits a
/// number has after the `0` dialled at home (or the calling code), with
/// the prefixes whose numbers run one longer (India's free-phone 1800). Only
/// countries whose numbers are all of a few lengths are here; anywhere
/// else nothing is said.
#[allow(clippy::type_complexity)]
const LENGTHS: &[(&str, &str, std::ops::RangeInclusive<usize>, &[&str])] = &[
    ("AU", "61", 9..=10, &[]),
    ("CA", "1", 10..=10, &[]),
    ("FR", "33", 9..=9, &[]),
    ("GB", "44", 9..=10, &[]),
    ("IE", "353", 7..=10, &[]),
    ("IN", "91", 10..=10, &["1800", "1860"]),
    ("JP", "81", 9..=10, &[]),
    ("KR", "82", 8..=10, &[]),
    ("NL", "31", 7..=9, &[]),
    ("NZ", "64", 8..=10, &[]),
    ("US", "1", 10..=10, &[]),
];

/// Whether `number` looks too short or too long for a number in
/// `country` (its two-letter code), and the usual length there, roughly:
/// digits after a leading `+` and the country's calling code, or after
/// the `0` (or, in North America, the `1`) dialled at home. Short numbers
/// (six digits or fewer: 112, 116 123, 13 11 14) are service numbers and
/// pass; a number with another country's code is not judged. A doubt to
/// say and ask about, never a refusal: a number can be right and unusual.
pub fn unusual_length(number: &str, country: &str) -> Option<LengthDoubt> {
    let (_, code, usual, longer) = LENGTHS
        .iter()
        .find(|(c, _, _, _)| c.eq_ignore_ascii_case(country))?;
    // Two numbers in one field are said as two, not as one too long.
    if two_numbers(number) {
        return None;
    }
    // The number is judged, not what is keyed in after it is answered
    // ("ext 12" made a London number "too long"); a long extension is
    // said as what it is ([`long_extension`]).
    let number = extension_at(number).map_or(number, |at| &number[..at]);
    let dialled = without_trunk_zero(number);
    let digits: String = dialled
        .chars()
        .filter_map(digit_value)
        .filter_map(|d| char::from_digit(d, 10))
        .collect();
    if digits.len() <= 6 {
        return None;
    }
    let international = dialled.trim_start().starts_with(['+', '\u{ff0b}']);
    let national = if international {
        digits.strip_prefix(code)?
    } else if *code == "1" {
        digits.strip_prefix('1').unwrap_or(&digits)
    } else {
        digits.strip_prefix('0').unwrap_or(&digits)
    };
    let mobile = MOBILE_LENGTHS
        .iter()
        .find(|(c, prefix, _)| c.eq_ignore_ascii_case(country) && national.starts_with(prefix));
    let usual = mobile.map_or(usual, |(_, _, length)| length);
    let length = if national.len() < *usual.start() {
        Length::TooShort
    } else if national.len() > *usual.end()
        && !(national.len() == usual.end() + 1 && longer.iter().any(|p| national.starts_with(p)))
    {
        Length::TooLong
    } else {
        return None;
    };
    Some(LengthDoubt {
        length,
        usual: usual.clone(),
        calling_code: code,
        mobile: mobile.is_some(),
    })
}

/// `number` without words in brackets before or after it, kept as a
/// label: "010-1234-5678 (집)" is a number and the word "home", not
/// letters that only look like digits (Min-jun). Brackets holding a digit
/// are part of the number.
pub fn without_label(number: &str) -> &str {
    let trimmed = number.trim();
    let label = |inner: &str| {
        inner.chars().any(char::is_alphabetic) && !inner.chars().any(|c| digit_value(c).is_some())
    };
    if let Some(rest) = trimmed.strip_suffix([')', '\u{ff09}'])
        && let Some(open) = rest.rfind(['(', '\u{ff08}'])
        && label(&rest[open..])
        && has_digits(&rest[..open])
    {
        return rest[..open].trim_end();
    }
    if trimmed.starts_with(['(', '\u{ff08}'])
        && let Some(close) = trimmed.find([')', '\u{ff09}'])
        && label(&trimmed[..close])
        && has_digits(&trimmed[close..])
    {
        return trimmed[close..]
            .trim_start_matches([')', '\u{ff09}'])
            .trim_start();
    }
    number
}

/// Whether `number` holds two numbers or more, written one after another
/// with a comma, semicolon, slash or bar between them: each part has
/// seven digits or more. A pause or an extension after a comma
/// ("021 555 9999,5") is one number.
fn two_numbers(number: &str) -> bool {
    number
        .split([
            ',', ';', '/', '|', '\u{3001}', '\u{ff0c}', '\u{ff1b}', '\u{ff0f}',
        ])
        .filter(|part| part.chars().filter(|c| digit_value(*c).is_some()).count() >= 7)
        .count()
        >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An extension is a few digits after the number, however it is
    /// written; twenty is not an extension (fresh eyes, lock17a).
    #[test]
    fn an_extension_is_found_and_a_long_one_named() {
        for (number, at) in [
            ("+44 20 7946 0000 ext 1234", Some(17)),
            ("+44 20 7946 0000 Ext. 1234", Some(17)),
            ("+44 20 7946 0000x1234", Some(16)),
            ("+44 20 7946 0000 x 1234", Some(17)),
            ("+1-201-555-0123;ext=1234", Some(15)),
            ("(02)2345-6789#12", Some(13)),
            ("+64 21 555 9999,5", Some(15)),
            ("*111#", Some(4)),
            ("+44 7700 900123", None),
            ("0800-DAD-HELP", None),
            ("fax 0123 456789", None),
        ] {
            assert_eq!(extension_at(number), at, "{number}");
        }
        assert_eq!(long_extension("+44 20 7946 0000 ext 12345678"), None);
        assert_eq!(
            long_extension("+44 20 7946 0000 ext 12345678901234567890"),
            Some(20)
        );
        assert_eq!(long_extension("+1 201 555 0123;ext=123456789"), Some(9));
        assert_eq!(long_extension("010-1234-5678, 02-555-1234"), None);
    }

    /// Min-jun, Seoul: two numbers in one field are never one link; a
    /// word in brackets beside a number is a label, not a look-alike.
    #[test]
    fn two_numbers_and_a_label_are_told_apart() {
        let two = "010-1234-5678, 02-555-1234";
        assert_eq!(trouble(two), Some(Trouble::TwoNumbers));
        assert_eq!(link_digits(two), None);
        assert_eq!(
            trouble("010-1234-5678 / 010-9876-5432"),
            Some(Trouble::TwoNumbers)
        );
        assert_eq!(trouble("+64 21 555 9999,5"), None);
        assert_eq!(trouble("02-555-1234/5"), None);
        for labelled in [
            "010-1234-5678 (집)",
            "(집) 010-1234-5678",
            "010-1234-5678（회사）",
        ] {
            assert_eq!(trouble(labelled), None, "{labelled}");
            assert_eq!(
                link_digits(labelled).as_deref(),
                Some("01012345678"),
                "{labelled}"
            );
        }
        assert_eq!(trouble("0800-DAD-HELP"), Some(Trouble::LookAlike));
        assert_eq!(trouble("0800 (DAD) 123"), Some(Trouble::LookAlike));
    }

    #[test]
    fn a_number_turned_around_is_never_linked() {
        assert_eq!(trouble("1234 555 12 46+"), Some(Trouble::Reversed));
        assert_eq!(link_digits("1234 555 12 46+"), None);
        assert_eq!(trouble("+64 21 555 4321"), None);
    }

    #[test]
    fn a_link_dials_the_number_not_its_extension() {
        assert_eq!(
            link_digits("(02)2345-6789#12").as_deref(),
            Some("0223456789")
        );
        assert_eq!(
            link_digits("02 2345 6789 #12").as_deref(),
            Some("0223456789")
        );
        assert_eq!(
            link_digits("+44 20 7946 0000,,,12").as_deref(),
            Some("+442079460000")
        );
        assert_eq!(
            link_digits("０２－２３４５－６７８９＃１２").as_deref(),
            Some("0223456789")
        );
        assert_eq!(link_digits("*111#").as_deref(), Some("*111%23"));
        assert_eq!(link_digits("116 123").as_deref(), Some("116123"));
    }

    #[test]
    fn plain_numbers_are_trusted() {
        for number in [
            "+44 7700 900123",
            "(0161) 496-0000",
            "116 123",
            "*111#",
            "+٢٠ ١٠",
            "0800\u{a0}567\u{a0}567",
        ] {
            assert_eq!(trouble(number), None, "{number}");
        }
    }

    #[test]
    fn fullwidth_digits_dial_what_they_show_so_are_not_flagged() {
        // As the README says: a phone dials them as the digits they show.
        let number = "+44 \u{ff17}\u{ff17}\u{ff10}\u{ff10} 900124";
        assert_eq!(trouble(number), None);
        assert_eq!(for_dialling(number), "+44 7700 900124");
        // Mathematical and circled digits only look like digits.
        assert_eq!(trouble("+44 \u{1d7d7}700"), Some(Trouble::LookAlike));
        assert_eq!(trouble("+44 \u{2468}700"), Some(Trouble::LookAlike));
    }

    /// Fresh eyes (export14b): `;ext=1234`, as a `tel:` link writes an
    /// extension (RFC 3966), is an ordinary extension, not letters; the
    /// link dials the number without it. Anything else after `;ext=` is
    /// judged as before.
    #[test]
    fn an_rfc_3966_extension_is_no_look_alike() {
        for number in ["+1-201-555-0123;ext=1234", "+1 201 555 0123;EXT=12-34"] {
            assert_eq!(trouble(number), None, "{number}");
            assert_eq!(link_digits(number).as_deref(), Some("+12015550123"));
        }
        assert_eq!(
            without_extension("+1-201-555-0123;ext=1234"),
            "+1-201-555-0123"
        );
        for number in [
            "+1 201 555 0123;ext=",
            "+1 201 555 0123;ext=12a",
            "+1 201 555 0123;ext=\u{667}",
        ] {
            assert_eq!(trouble(number), Some(Trouble::LookAlike), "{number}");
        }
        assert_eq!(
            trouble("+1 201 555 0123;ext=1\u{200b}2"),
            Some(Trouble::Hidden)
        );
        assert_eq!(trouble("+1 2O1 555 0123;ext=12"), Some(Trouble::LookAlike));
    }

    /// Trudy (issue 12): an extension written as people write one is no
    /// look-alike; its link dials the number with `;ext=`. A Cyrillic `о`
    /// in it, or more digits than an extension has, still is one.
    #[test]
    fn a_written_extension_is_no_look_alike() {
        for (number, link, extension) in [
            ("020 7946 0000 ext 99", "02079460000", "99"),
            ("020 7946 0000 x99", "02079460000", "99"),
            ("+44 20 7946 0005 ext. 12", "+442079460005", "12"),
            ("+44 20 7946 0005 Extension: 4", "+442079460005", "4"),
            ("020 7946 0000p99", "02079460000", "99"),
            ("020 7946 0000 w 99", "02079460000", "99"),
        ] {
            assert_eq!(trouble(number), None, "{number}");
            assert_eq!(link_digits(number).as_deref(), Some(link), "{number}");
            assert!(
                for_dialling(number).ends_with(&format!(";ext={extension}")),
                "{number}"
            );
            assert_eq!(after_answer(number), [extension], "{number}");
        }
        for number in [
            "020 7946 0000 ext 9\u{43e}",
            "020 7946 00\u{43e}0 ext 99",
            "020 7946 0000 ext 12345678901234567890",
            "020 7946 0000 ext 99 ask",
        ] {
            assert_eq!(trouble(number), Some(Trouble::LookAlike), "{number}");
            assert_eq!(link_digits(number), None, "{number}");
        }
    }

    #[test]
    fn digits_from_two_scripts_are_named_as_mixed() {
        // Trudy (issue 12): Arabic-Indic ٠ among Latin digits reads as a
        // dot. Named as two kinds of digits (guard12h: "98200 1234५" was
        // called a look-alike, which it is not).
        assert_eq!(
            trouble("+64 21 555 0\u{661}\u{660}\u{669}"),
            Some(Trouble::MixedDigits)
        );
        assert_eq!(trouble("\u{6f0}\u{660}"), Some(Trouble::MixedDigits));
        assert_eq!(
            trouble("+91 \u{966}\u{967} 9\u{9e6}"),
            Some(Trouble::MixedDigits)
        );
        assert_eq!(trouble("98200 1234\u{96b}"), Some(Trouble::MixedDigits));
        assert_eq!(digit_scripts("98200 1234\u{96b}"), ["Latin", "Devanagari"]);
        // Fullwidth and ASCII are one script; one script alone is trusted.
        assert_eq!(trouble("+44 \u{ff17}\u{ff17}00 900124"), None);
        assert_eq!(trouble("+\u{662}\u{660} \u{661}\u{660}"), None);
    }

    /// Issue 13 (Niran, Bangkok): a number in Thai digits, or any other
    /// script's, dials what it shows; two scripts in one number do not.
    #[test]
    fn every_scripts_digits_dial() {
        let thai = "๐๘๑ ๒๓๔ ๕๖๗๘";
        assert_eq!(trouble(thai), None);
        assert_eq!(link_digits(thai).as_deref(), Some("0812345678"));
        assert_eq!(for_dialling(thai), "081 234 5678");
        assert_eq!(unusual_length(thai, "TH"), None);
        for number in ["໐໒໐ ໕໕໕ ໑໒໓໔", "០១២ ៣៤៥ ៦៧៨", "၀၉ ၁၂၃ ၄၅၆၇", "௦௪௪ ௧௨௩௪"]
        {
            assert_eq!(trouble(number), None, "{number}");
            assert!(link_digits(number).is_some(), "{number}");
        }
        assert_eq!(trouble("081 234 ๕๖๗๘"), Some(Trouble::MixedDigits));
        assert_eq!(digit_scripts("081 234 ๕๖๗๘"), ["Latin", "Thai"]);
        assert_eq!(trouble("๐๘๑ ໒໓໔"), Some(Trouble::MixedDigits));
        // Latin digits drawn as symbols still only look like digits.
        for number in ["081 \u{1fbf2}34", "081 \u{1ccf2}34", "081 \u{1d7f8}34"] {
            assert_eq!(trouble(number), Some(Trouble::LookAlike), "{number}");
        }
    }

    /// Issue 12 (guard12h): a number in words is told from a vanity
    /// number, and a number's length is judged, roughly, by its country.
    #[test]
    fn words_and_lengths_are_told() {
        for words in [
            "nine eight two",
            "call after six",
            "Nine-Eight",
            "98 double 2",
        ] {
            assert!(in_words(words), "{words}");
        }
        for number in ["0800-DAD-HELP", "+91 98200 12345", "116 123", "--"] {
            assert!(!in_words(number), "{number}");
        }
        let judged = |n: &str, c: &str| unusual_length(n, c).map(|d| d.length);
        assert_eq!(judged("98200 12345 6", "IN"), Some(Length::TooLong));
        assert_eq!(judged("98200 1234", "IN"), Some(Length::TooShort));
        assert_eq!(judged("+91 98200 12345 6", "in"), Some(Length::TooLong));
        for (number, country) in [
            ("98200 12345", "IN"),
            ("+91 98200 12345", "IN"),
            ("098200 12345", "IN"),
            ("1-800-891-4416", "IN"),
            ("14416", "IN"),
            ("07700 900123", "GB"),
            ("+44 (0)7700 900123", "GB"),
            ("116 123", "GB"),
            ("1-800-662-4357", "US"),
            ("(555) 010-0199", "US"),
            ("1800 247 247", "IE"),
            ("0800 543 354", "NZ"),
            ("13 11 14", "AU"),
            ("0800-0113", "NL"),
            ("+91 98200 12345 6", "GB"),
            ("98200 12345 6", "DE"),
            ("98200 12345 6", ""),
        ] {
            assert_eq!(judged(number, country), None, "{number} in {country}");
        }
        assert_eq!(judged("07700 90012", "GB"), None);
        assert_eq!(judged("07700 9001234", "GB"), Some(Length::TooLong));
        // Min-jun, Seoul: a Korean mobile has 11 digits with its 0; a
        // Seoul number 9 or 10; two numbers in one field are no long one.
        assert_eq!(judged("010-1234-567", "KR"), Some(Length::TooShort));
        assert!(unusual_length("010-1234-567", "KR").is_some_and(|d| d.mobile));
        assert_eq!(judged("+82 10-1234-567", "KR"), Some(Length::TooShort));
        for number in [
            "010-1234-5678",
            "+82 10 1234 5678",
            "02-555-1234",
            "02-5555-1234",
            "031-555-1234",
            "010-1234-5678, 02-555-1234",
        ] {
            assert_eq!(judged(number, "KR"), None, "{number}");
        }
    }

    #[test]
    fn disguised_numbers_are_named() {
        assert_eq!(trouble("+44 7700 \u{202e}321009"), Some(Trouble::Hidden));
        assert_eq!(trouble("0770\u{200b}0 900123"), Some(Trouble::Hidden));
        assert_eq!(trouble("07700 9OO123"), Some(Trouble::LookAlike));
        assert_eq!(trouble("07700 𝟗𝟎𝟎123"), Some(Trouble::LookAlike));
        assert_eq!(trouble("call after six"), Some(Trouble::LookAlike));
        assert_eq!(trouble("--"), Some(Trouble::NoDigits));
        assert_eq!(trouble("07700 ⑨00123"), Some(Trouble::LookAlike));
        assert_eq!(trouble("0800-DAD-HELP"), Some(Trouble::LookAlike));
        assert_eq!(trouble("＋４４ ７７００ ９００７７７"), None);
        // Yuki's keyboard: full-width digits and dashes, brackets, and the
        // long-vowel mark an IME puts for a dash. Each dials what it shows.
        for number in [
            "０９０－１２３４－５６７８",
            "（０３）１２３４－５６７８",
            "０８０ー９８７６ー５４３２",
            "090−1234−5678",
        ] {
            assert_eq!(trouble(number), None, "{number}");
            assert!(link_digits(number).is_some(), "{number}");
        }
        assert_eq!(for_dialling("０９０－１２３４－５６７８"), "090-1234-5678");
    }

    #[test]
    fn what_is_dialled_is_what_a_phone_dials() {
        assert_eq!(for_dialling("+44 7700 900123"), "+44 7700 900123");
        assert_eq!(for_dialling("+44 7700 \u{202e}321009"), "+44 7700 321009");
        assert_eq!(for_dialling("+٢٠ ١٠"), "+20 10");
        assert_eq!(for_dialling("07700 𝟗𝟎𝟎123"), "07700 123");
        assert_eq!(for_dialling(" ( 0161 ) 496-0000 "), "( 0161 ) 496-0000");
        assert_eq!(for_dialling("\u{202e}"), "");
        assert_eq!(for_dialling("call after six"), "");
        assert_eq!(without_hidden(" 07\u{200b}700 "), "07700");
        // "(0)" after a country code is dialled only at home.
        assert_eq!(for_dialling("+44 (0)7700 900111"), "+44 7700 900111");
        assert_eq!(for_dialling("+49 (0) 30 901820"), "+49 30 901820");
        assert_eq!(for_dialling("020 (0)7946 0000"), "020 (0)7946 0000");
    }

    #[test]
    fn a_link_dials_what_is_shown_or_there_is_no_link() {
        // Fullwidth digits and plus, as a Japanese or Chinese input method
        // types them, dial what they show; the plus is kept.
        assert_eq!(
            link_digits("＋４４ ７７００ ９００７７７").as_deref(),
            Some("+447700900777")
        );
        assert_eq!(link_digits("+٢٠ ١٠").as_deref(), Some("+2010"));
        assert_eq!(
            link_digits("(0161) 496-0000").as_deref(),
            Some("01614960000")
        );
        // Letters, look-alikes and hidden characters: no link.
        assert_eq!(link_digits("0800-DAD-HELP"), None);
        assert_eq!(link_digits("1-800-FLOWERS"), None);
        assert_eq!(link_digits("+44 77OO 9𝟘0456"), None);
        assert_eq!(link_digits("+44 7700 \u{202e}321009"), None);
        // As a printout shows a hidden character: written out, never dialled.
        assert_eq!(link_digits("+44 7700 \\u{202e}321009"), None);
        assert_eq!(link_digits("--"), None);
        assert_eq!(
            link_digits("+44 (0)7700 900 111").as_deref(),
            Some("+447700900111")
        );
    }
}
