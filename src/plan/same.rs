//! Whether two names or two numbers stand for the same person, as a
//! person would judge it: `نیما` typed on a Persian keyboard and `نيما`
//! from an Arabic one or a phone's address book are one name, and
//! `+98 935 111 2233` and `۰۹۳۵ ۱۱۱ ۲۲۳۳` one number. The one place names
//! and numbers are compared, so someone marked "do not involve" can never
//! come back as help under a spelling that only differs as text (Shirin).

use unicode_normalization::UnicodeNormalization;

use super::typed::digit_value;
use super::{Contact, Plan};

/// A name (or any text) folded for comparing, character by character:
/// NFKC, lower case, the letters Arabic-script keyboards write
/// differently made one (Arabic yeh `ي` and alef maksura `ى` as Persian
/// yeh `ی`, Arabic kaf `ك` as Persian `ک`, alef with hamza or madda as
/// alef), and what only decorates a word left out: tatweel `ـ`, harakat
/// (short-vowel signs), joiners (ZWNJ, ZWJ) and characters that do not
/// show. Teh marbuta `ة` and heh `ه` stay apart: they are different
/// letters, and names differ by them. Runs of spaces are one space.
pub fn fold(text: &str) -> String {
    fold_with(text, false)
}

/// [`fold`], keeping the joiners when `joiners`.
fn fold_with(text: &str, joiners: bool) -> String {
    let composed: String = text.nfkc().collect::<String>().to_lowercase();
    let letters: String = composed
        .chars()
        .filter(|&c| (joiners && matches!(c, '\u{200c}' | '\u{200d}')) || !decoration(c))
        .map(one_letter)
        .collect();
    letters.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `c` only decorates a word, and two spellings differ by it
/// without being two names.
fn decoration(c: char) -> bool {
    matches!(c,
        '\u{200c}' | '\u{200d}'          // ZWNJ, ZWJ
        | '\u{0640}'                     // tatweel
        | '\u{0610}'..='\u{061a}'        // Arabic signs above and below
        | '\u{064b}'..='\u{065f}'        // harakat, hamza above and below
        | '\u{0670}'                     // superscript alef
        | '\u{06d6}'..='\u{06dc}'
        | '\u{06df}'..='\u{06e4}'
        | '\u{06e7}' | '\u{06e8}'
        | '\u{06ea}'..='\u{06ed}')
        || c.is_control()
        || super::lookalike::is_default_ignorable(c)
}

/// One letter of the Arabic script as a Persian keyboard writes it.
fn one_letter(c: char) -> char {
    match c {
        '\u{064a}' | '\u{0649}' => '\u{06cc}', // ي ى → ی
        '\u{0643}' => '\u{06a9}',              // ك → ک
        '\u{0623}' | '\u{0625}' | '\u{0622}' | '\u{0671}' => '\u{0627}', // أ إ آ ٱ → ا
        '\u{06c0}' => '\u{06d5}',              // ۀ → ە (its hamza is decoration)
        c => c,
    }
}

/// The number (from 1) of the first of `texts` written in the same words
/// as `text`, once both are [`fold`]ed: a trigger or a reason typed again
/// in another case, with a space after it or its accents composed
/// another way (NFD from one keyboard, NFC from another) is the one
/// already there, not a second.
pub fn same_words<'a>(texts: impl IntoIterator<Item = &'a str>, text: &str) -> Option<usize> {
    let wanted = fold(text);
    texts
        .into_iter()
        .position(|t| fold(t) == wanted)
        .map(|i| i + 1)
}

/// Whether two names would be taken for one person: the same once
/// [`fold`]ed, or looking the same across scripts (see
/// [`looks_alike`]).
pub fn same_name(a: &str, b: &str) -> bool {
    NameKey::of(a).same_name(&NameKey::of(b))
}

/// A name worked out once for comparing ([`same_name`],
/// [`same_person_name`]): folding and Unicode's confusables cost thousands
/// of steps a name, and a screen compares every person to turn to with
/// every one not to involve (Trudy: `now` took seconds at a few hundred
/// people).
pub struct NameKey {
    fold: String,
    skeleton: String,
    look: String,
    scripts: Vec<&'static str>,
    words: Vec<String>,
    sorted: Vec<String>,
    concat: String,
}

impl NameKey {
    pub fn of(name: &str) -> NameKey {
        let skeleton = super::lookalike::skeleton(name);
        let words = name_words(name);
        let mut sorted = words.clone();
        sorted.sort();
        NameKey {
            fold: fold(name),
            scripts: super::lookalike::script_set(&skeleton),
            look: super::lookalike::look(name),
            skeleton,
            concat: words.concat(),
            words,
            sorted,
        }
    }

    /// [`same_name`] of the two names.
    pub fn same_name(&self, other: &NameKey) -> bool {
        if self.fold.is_empty() || other.fold.is_empty() {
            return false;
        }
        self.fold == other.fold
            || self.skeleton == other.skeleton
            || (self.look == other.look && self.scripts != other.scripts)
    }

    /// [`same_person_name`], `self` being the name of someone not to
    /// involve.
    pub fn same_person(&self, name: &NameKey) -> bool {
        let (a, b) = (&self.words, &name.words);
        if a.is_empty() || b.is_empty() {
            return false;
        }
        self.sorted == name.sorted
            || self.concat == name.concat
            || (a.len() >= 2 && a.iter().all(|w| b.contains(w)))
    }
}

/// Whether `name` would be taken for `theirs`, the name of someone not to
/// involve, by a person reading a list of people to call, beyond
/// [`same_name`]: with the accents of Latin, Greek or Cyrillic letters
/// left out ("Dave Smíth"), punctuation left out ("Smith, Dave"), in
/// another order ("Smith Dave"), run together ("`DaveSmith`", once a
/// zero-width space is taken out), or with more words around all of a
/// name of two words or more ("Mr Dave Smith"). Trudy brought each in as
/// help. A name of one word is not matched inside a longer one: another
/// Nima is another person.
pub fn same_person_name(theirs: &str, name: &str) -> bool {
    NameKey::of(theirs).same_person(&NameKey::of(name))
}

/// The words of a name as [`same_person_name`] compares them.
fn name_words(name: &str) -> Vec<String> {
    let folded: String = fold(name).nfkd().collect();
    let mut plain = String::with_capacity(folded.len());
    let mut prev = ' ';
    for c in folded.chars() {
        // A combining accent on a Latin, Greek or Cyrillic letter goes;
        // elsewhere (Thai, Devanagari) such marks are the letters' vowels.
        let accent = unicode_normalization::char::is_combining_mark(c) && prev < '\u{0530}';
        if !accent {
            plain.push(c);
            prev = c;
        }
    }
    plain
        .split(|c: char| !c.is_alphanumeric() && !unicode_normalization::char::is_combining_mark(c))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Whether two names are one spelling of a name, as two keyboards write
/// it: [`fold`] but keeping the joiners, which change how a Persian word
/// is drawn ("می‌خواهم" and "میخواهم" show differently), so two people
/// in a plan may be told apart by one. For a plan's duplicate check; who
/// is not to involve is matched by [`same_name`], joiners and all left out.
pub fn same_spelling(a: &str, b: &str) -> bool {
    let (fa, fb) = (fold_with(a, true), fold_with(b, true));
    !fa.is_empty() && fa == fb
}

/// A country's calling code and the prefix dialled before a number at
/// home (its trunk prefix; none where a number is dialled the same from
/// home and abroad). Only countries whose prefixes are sure; elsewhere
/// numbers are compared by their last digits.
const DIALLING: &[(&str, &str, &str)] = &[
    ("AE", "971", "0"),
    ("AT", "43", "0"),
    ("AU", "61", "0"),
    ("BE", "32", "0"),
    ("CA", "1", "1"),
    ("CH", "41", "0"),
    ("DE", "49", "0"),
    ("DK", "45", ""),
    ("EG", "20", "0"),
    ("ES", "34", ""),
    ("FR", "33", "0"),
    ("GB", "44", "0"),
    ("GR", "30", ""),
    ("IE", "353", "0"),
    ("IL", "972", "0"),
    ("IN", "91", "0"),
    ("IQ", "964", "0"),
    ("IR", "98", "0"),
    ("IT", "39", ""),
    ("JO", "962", "0"),
    ("JP", "81", "0"),
    ("LB", "961", "0"),
    ("NL", "31", "0"),
    ("NO", "47", ""),
    ("NZ", "64", "0"),
    ("PK", "92", "0"),
    ("PL", "48", ""),
    ("PT", "351", ""),
    ("SA", "966", "0"),
    ("SE", "46", "0"),
    ("SY", "963", "0"),
    ("TR", "90", "0"),
    ("US", "1", "1"),
    ("ZA", "27", "0"),
];

/// What a number dials, as ASCII digits: digits of any script made ASCII,
/// everything else dropped, and a leading `+` (or `00`) kept as `+`.
/// An extension after the number (`;ext=1`, `, 5`, `#5`, `ext 5`, `x5`,
/// once it has six digits) is left out: keyed in once the call is
/// answered, it dials the same person (Trudy came back as help with
/// `tel:+64-21-555-9999;ext=1`).
pub fn dialled(number: &str) -> String {
    let mut out = String::new();
    let lower = number.to_lowercase();
    for (at, c) in lower.char_indices() {
        let digits = out.trim_start_matches('+').len();
        let rest = &lower[at..];
        if digits >= 6
            && (matches!(c, ';' | ',' | '#' | 'x' | 'p' | 'w') || rest.starts_with("ext"))
        {
            break;
        }
        if let Some(d) = digit_value(c) {
            out.push(char::from_digit(d, 10).unwrap_or('0'));
        } else if matches!(c, '+' | '\u{ff0b}') && out.is_empty() {
            out.push('+');
        }
    }
    match out.strip_prefix("00") {
        Some(rest) if !out.starts_with('+') => format!("+{rest}"),
        _ => out,
    }
}

/// A number as it is dialled inside `country` (its two-letter code):
/// `+98 935 111 2233` and `0935 111 2233` are both `9351112233` in Iran.
/// Another country's number keeps its `+` and code; where the country's
/// prefixes are not known, the digits as dialled.
pub fn number_key(number: &str, country: Option<&str>) -> String {
    let dialled = dialled(number);
    let known = country.and_then(|country| {
        DIALLING
            .iter()
            .find(|(c, _, _)| c.eq_ignore_ascii_case(country))
    });
    let Some((_, code, trunk)) = known else {
        return dialled;
    };
    if let Some(international) = dialled.strip_prefix('+') {
        return match international.strip_prefix(code) {
            // "+66 (0) 81 234 5678" and "+44 0 20…": the trunk 0 written
            // after the code, as many print it, is not dialled from abroad
            // and was a way round every check (Trudy).
            Some(national) => match national.strip_prefix(trunk) {
                Some(rest) if !trunk.is_empty() && rest.len() >= 6 => rest.to_string(),
                _ => national.to_string(),
            },
            None => dialled,
        };
    }
    match dialled.strip_prefix(trunk) {
        Some(national) if !trunk.is_empty() && national.len() >= 6 => national.to_string(),
        _ => dialled,
    }
}

/// Whether two numbers dial the same person from `country`: the same
/// [`number_key`], or, where a country code or a leading 0 may be all that
/// differs, the same last eight or more digits.
pub fn same_number(a: &str, b: &str, country: Option<&str>) -> bool {
    let (ka, kb) = (number_key(a, country), number_key(b, country));
    if ka.trim_start_matches('+').is_empty() {
        return false;
    }
    if ka == kb {
        return true;
    }
    // Where the country's prefixes are not known, a 0 written after the
    // country code ("+66 (0) 81…", "+66 081…") may be its trunk 0, never
    // dialled from abroad: the same number either way (Trudy got past every
    // check so). A check that errs this way only says more.
    let without_zero = |key: &str| -> Vec<String> {
        (2..=4)
            .filter(|&at| key.starts_with('+') && key.as_bytes().get(at) == Some(&b'0'))
            .map(|at| format!("{}{}", &key[..at], &key[at + 1..]))
            .collect()
    };
    if without_zero(&ka).contains(&kb) || without_zero(&kb).contains(&ka) {
        return true;
    }
    let digits = |key: &str| -> String { key.trim_start_matches(['+', '0']).to_string() };
    let (da, db) = (digits(&ka), digits(&kb));
    let (short, long) = if da.len() <= db.len() {
        (da, db)
    } else {
        (db, da)
    };
    short.len() >= 8 && long.ends_with(&short) && long.len() - short.len() <= 3
}

impl Plan {
    /// The contact marked "do not involve" whom `name` or `number` would
    /// be taken for (see [`same_name`], [`same_number`]): someone not to
    /// offer as help under another spelling or another way of writing
    /// their number. `except`: the contact's own id, when it is one of hers.
    pub fn not_to_involve_like(
        &self,
        name: &str,
        number: Option<&str>,
        except: Option<&str>,
    ) -> Option<&Contact> {
        NotToInvolve::of(self).like(name, number, except)
    }

    /// Someone marked "do not involve" whose number `number` is, written
    /// any way (`same_number`): her own emergency number or crisis line
    /// must never be theirs (Trudy: a vCard made her ex her "Emergency").
    pub fn not_to_involve_number(&self, number: &str) -> Option<&Contact> {
        let country = self.country.as_deref();
        self.contacts.iter().filter(|c| !c.to_involve()).find(|c| {
            c.phone
                .as_deref()
                .is_some_and(|theirs| same_number(theirs, number, country))
        })
    }

    /// Whether `contact` may be shown as someone to turn to: not marked
    /// "do not involve", and not the same person as someone who is (a
    /// plan written before names and numbers were compared as a person
    /// would compare them may hold both).
    pub fn may_offer(&self, contact: &Contact) -> bool {
        NotToInvolve::of(self).may_offer(contact)
    }

    /// The people to turn to who are the same person as someone marked
    /// "do not involve", each with that contact: never shown as help, and
    /// named by `validate` and `show` so the plan can be put right.
    pub fn helpers_not_to_involve(&self) -> Vec<(&Contact, &Contact)> {
        let them = NotToInvolve::of(self);
        self.contacts
            .iter()
            .filter(|c| c.to_involve())
            .filter_map(|c| {
                them.like(&c.name, c.phone.as_deref(), Some(&c.id))
                    .map(|it| (c, it))
            })
            .collect()
    }

    /// The people to turn to left off only because their number is the
    /// number of someone marked "do not involve" (a shared home phone, or
    /// one number typed two ways), each with that person: every screen
    /// and page that leaves them off says so. One who is that person under
    /// another spelling is not among them: theirs to leave out (Niran).
    pub fn helpers_sharing_a_number(&self) -> Vec<(&Contact, &Contact)> {
        self.helpers_not_to_involve()
            .into_iter()
            .filter(|(helper, them)| {
                !same_name(&helper.name, &them.name) && !same_person_name(&them.name, &helper.name)
            })
            .collect()
    }

    /// The people to turn to whom this plan leaves off as the same person
    /// as someone not to involve, and `before` did not: what a change
    /// (someone marked not to involve, a number typed) would make vanish
    /// from `now`, the card and the printout. Each with that person, and
    /// whether it is by their number (else by their name). Mulu's sister,
    /// "+251 91 123 4567", vanished when "0911 23 45 67" was saved for
    /// someone not to involve.
    pub fn newly_left_off(&self, before: &Plan) -> Vec<LeftOff<'_>> {
        let was: Vec<&str> = before
            .helpers_not_to_involve()
            .into_iter()
            .map(|(helper, _)| helper.id.as_str())
            .collect();
        let country = self.country.as_deref();
        self.helpers_not_to_involve()
            .into_iter()
            .filter(|(helper, _)| !was.contains(&helper.id.as_str()))
            .map(|(helper, them)| LeftOff {
                helper,
                them,
                by_number: matches!(
                    (helper.phone.as_deref(), them.phone.as_deref()),
                    (Some(a), Some(b)) if same_number(a, b, country)
                ),
            })
            .collect()
    }
}

impl Plan {
    /// The person marked "do not involve" whose name of two words or more
    /// holds `name`, a name of one word, as one of its words ("Dermot" for
    /// "Dermot Byrne"), however each was typed ([`words_key`]: composed
    /// or not, any case). Not the same person for sure (another Dermot is
    /// another person), so never refused: asked, or named, gently.
    pub fn one_word_of_not_to_involve(&self, name: &str) -> Option<&Contact> {
        let key = words_key(name);
        let key = key.trim_matches(|c: char| !c.is_alphanumeric());
        if key.is_empty() || key.contains(' ') {
            return None;
        }
        self.contacts.iter().filter(|c| !c.to_involve()).find(|c| {
            let theirs = words_key(&c.name);
            let words: Vec<&str> = theirs
                .split_whitespace()
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
                .filter(|w| !w.is_empty())
                .collect();
            words.len() >= 2 && words.contains(&key)
        })
    }
}

/// Someone to turn to whom a change would leave off every screen (see
/// [`Plan::newly_left_off`]).
#[derive(Debug, Clone, Copy)]
pub struct LeftOff<'p> {
    /// The person to turn to.
    pub helper: &'p Contact,
    /// The person marked "do not involve" they would be taken for.
    pub them: &'p Contact,
    /// Whether by their number (else by their name).
    pub by_number: bool,
}

/// The people marked "do not involve" in a plan, their names and numbers
/// worked out once ([`NameKey`], [`NumberSet`]) for a screen that asks of
/// every person whether they may be offered as help: asked one by one, it
/// cost people × people × the work of folding a name.
pub struct NotToInvolve<'p> {
    them: Vec<(&'p Contact, NameKey)>,
    numbers: NumberSet<usize>,
}

impl<'p> NotToInvolve<'p> {
    pub fn of(plan: &'p Plan) -> NotToInvolve<'p> {
        let them: Vec<(&Contact, NameKey)> = plan
            .contacts
            .iter()
            .filter(|c| !c.to_involve())
            .map(|c| (c, NameKey::of(&c.name)))
            .collect();
        let mut numbers = NumberSet::new(plan.country.as_deref());
        for (at, (c, _)) in them.iter().enumerate() {
            if let Some(phone) = c.phone.as_deref() {
                numbers.insert(phone, at);
            }
        }
        NotToInvolve { them, numbers }
    }

    /// [`Plan::not_to_involve_like`].
    pub fn like(
        &self,
        name: &str,
        number: Option<&str>,
        except: Option<&str>,
    ) -> Option<&'p Contact> {
        if self.them.is_empty() {
            return None;
        }
        let key = NameKey::of(name);
        let not_except = |c: &Contact| Some(c.id.as_str()) != except;
        let by_name = self
            .them
            .iter()
            .position(|(c, k)| not_except(c) && (k.same_name(&key) || k.same_person(&key)));
        let by_number = number.and_then(|n| {
            self.numbers
                .all(n)
                .into_iter()
                .copied()
                .find(|&at| not_except(self.them[at].0))
        });
        let at = match (by_name, by_number) {
            (Some(a), Some(b)) => a.min(b),
            (a, b) => a.or(b)?,
        };
        Some(self.them[at].0)
    }

    /// [`Plan::may_offer`].
    pub fn may_offer(&self, contact: &Contact) -> bool {
        contact.to_involve()
            && self
                .like(&contact.name, contact.phone.as_deref(), Some(&contact.id))
                .is_none()
    }
}

/// Numbers looked up as they dial ([`same_number`]) by hash: the same
/// [`number_key`], or the same last eight digits (all that `same_number`
/// can match beyond the key), then checked.
pub(super) struct NumberSet<T> {
    country: Option<String>,
    keys: std::collections::HashMap<String, Vec<usize>>,
    tails: std::collections::HashMap<String, Vec<usize>>,
    numbers: Vec<(String, T)>,
}

impl<T> NumberSet<T> {
    pub(super) fn new(country: Option<&str>) -> NumberSet<T> {
        NumberSet {
            country: country.map(str::to_string),
            keys: std::collections::HashMap::new(),
            tails: std::collections::HashMap::new(),
            numbers: Vec::new(),
        }
    }

    /// The key and the last eight digits `number` is found by.
    fn keys_of(&self, number: &str) -> (String, Option<String>) {
        let key = number_key(number, self.country.as_deref());
        let digits = key.trim_start_matches(['+', '0']);
        let tail = (digits.len() >= 8).then(|| digits[digits.len() - 8..].to_string());
        (key, tail)
    }

    pub(super) fn insert(&mut self, number: &str, value: T) {
        let at = self.numbers.len();
        let (key, tail) = self.keys_of(number);
        self.keys.entry(key).or_default().push(at);
        if let Some(tail) = tail {
            self.tails.entry(tail).or_default().push(at);
        }
        self.numbers.push((number.to_string(), value));
    }

    /// Every value whose number `number` dials, in the order inserted.
    pub(super) fn all(&self, number: &str) -> Vec<&T> {
        let (key, tail) = self.keys_of(number);
        let mut at: Vec<usize> = self
            .keys
            .get(&key)
            .into_iter()
            .chain(tail.and_then(|t| self.tails.get(&t)))
            .flatten()
            .copied()
            .filter(|&i| same_number(number, &self.numbers[i].0, self.country.as_deref()))
            .collect();
        at.sort_unstable();
        at.dedup();
        at.into_iter().map(|i| &self.numbers[i].1).collect()
    }

    /// The first value whose number `number` dials.
    pub(super) fn first(&self, number: &str) -> Option<&T> {
        self.all(number).into_iter().next()
    }
}

/// `text` composed (NFC, see [`words_key`]), lower case, with its letters
/// made one as [`fold`] makes them, nothing left out: for finding a name
/// inside a longer text, where the places of its characters matter.
pub fn fold_letters(text: &str) -> String {
    let composed: String = text.nfc().collect();
    composed.to_lowercase().chars().map(one_letter).collect()
}

/// Words as a person reads them, for finding what she typed: the one rule
/// every lookup by words follows (a person, a trigger, a sign, a coping
/// strategy, a step or a line). Compatibility forms folded (NFKC), so a
/// letter typed composed (`ô`, U+00F4) and the same letter typed
/// decomposed (`o` then U+0302, as some Vietnamese keyboards send it), or
/// in full width, are one letter; any case; runs of spaces as one. Only
/// for comparing: what is stored stays as it was typed, byte for byte
/// (Linh's clients, typing Vietnamese).
pub fn words_key(text: &str) -> String {
    let composed: String = text.nfkc().collect();
    composed
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Whether `typed` is the very text `stored`, however each was typed:
/// equal once composed (NFC), so `Hồng` typed decomposed is the `Hồng` a
/// plan holds composed. For what must match exactly (an id, a value in a
/// list); [`words_key`] is for words found in any case.
pub fn same_text(stored: &str, typed: &str) -> bool {
    stored == typed || stored.nfc().eq(typed.nfc())
}

/// Whether two names differ only in how their letters are stored
/// (composed or decomposed accents): one name, typed two ways.
pub fn typed_two_ways(a: &str, b: &str) -> bool {
    a != b && same_text(a, b)
}

#[cfg(test)]
mod tests {
    use super::{same_number, same_person_name};

    /// Trudy: each of these came in as help beside "Dave Smith", marked not
    /// to involve, with +64 21 555 9999.
    #[test]
    fn another_order_accents_titles_and_extensions_are_the_same_person() {
        for name in [
            "Mr Dave Smith",
            "Smith Dave",
            "Smith, Dave",
            "Dave Smíth",
            "DaveSmith",
            "DAVE  SMITH",
        ] {
            assert!(same_person_name("Dave Smith", name), "{name}");
        }
        assert!(!same_person_name("Dave Smith", "Dave Jones"));
        assert!(!same_person_name("Nima", "Nima Karimi"));
        assert!(!same_person_name("สมชาย", "สมชัย"));
        for number in [
            "tel:+64-21-555-9999;ext=1",
            "+64 21 555 9999 ext 5",
            "021 555 9999 x12",
            "+64 21 555 9999,5",
        ] {
            assert!(
                same_number("+64 21 555 9999", number, Some("NZ")),
                "{number}"
            );
        }
        assert!(!same_number(
            "+64 21 555 9999",
            "+64 21 555 9998",
            Some("NZ")
        ));
    }

    use super::*;

    /// "Dermot" beside "Dermot Byrne", marked not to involve, however the
    /// letters were typed; never a name of two words, never a word inside
    /// a one-word name.
    #[test]
    fn one_word_of_a_name_not_to_involve_is_found() {
        let mut plan = Plan::new("Trudy".into(), None);
        plan.contacts.push(Contact {
            id: "dermot".into(),
            name: "Dermot Ó Byrne".into(),
            phone: None,
            role: crate::plan::Role::DoNotInvolve,
            reachable: None,
        });
        for name in ["Dermot", "dermot", " DERMOT ", "O\u{301}", "Byrne,"] {
            assert!(plan.one_word_of_not_to_involve(name).is_some(), "{name}");
        }
        for name in ["Dermot Murphy", "Derm", "Anna", ""] {
            assert!(plan.one_word_of_not_to_involve(name).is_none(), "{name}");
        }
    }

    #[test]
    fn arabic_and_persian_spellings_of_one_name_are_one() {
        assert!(same_name("نیما", "نيما"));
        assert!(same_name("نیما", "نىما"));
        assert!(same_name("کامران", "كامران"));
        assert!(same_name("نیـــما", "نیما"));
        assert!(same_name("نِیما", "نیما"));
        assert!(same_name("می‌نا", "مینا"));
        assert!(same_name("أحمد", "احمد"));
        assert!(same_name("ＮＩＭＡ", "nima"));
        assert!(!same_name("فاطمة", "فاطمه"));
        assert!(!same_name("نیما", "نینا"));
        assert!(!same_name("", ""));
    }

    #[test]
    fn numbers_are_compared_as_they_dial() {
        let ir = Some("IR");
        assert!(same_number("۰۹۳۵ ۱۱۱ ۲۲۳۳", "+98 935 111 2233", ir));
        assert!(same_number("09351112233", "+98 935 111 2233", ir));
        assert!(same_number("0098 935 111 2233", "۰۹۳۵۱۱۱۲۲۳۳", ir));
        assert!(same_number("٠٩٣٥١١١٢٢٣٣", "09351112233", None));
        assert!(same_number("+98 935 111 2233", "09351112233", None));
        assert!(same_number("+44 7700 900123", "07700 900123", Some("GB")));
        assert!(!same_number("+44 7700 900123", "07700 900124", Some("GB")));
        assert!(!same_number("0935 111 2233", "0935 111 2234", ir));
        assert!(!same_number("", "", None));
    }

    /// Trudy: "+66 (0) 81 234 5678" dialled Dermot, whom she marked not to
    /// involve, and got past every check that "+66 81 234 5678" met.
    #[test]
    fn a_trunk_zero_after_the_country_code_is_the_same_number() {
        for written in ["+66 (0) 81 234 5678", "+66 081 234 5678", "+66(0)812345678"] {
            assert!(
                same_number(written, "081-234-5678", Some("TH")),
                "{written}"
            );
            assert!(
                same_number(written, "+66 81 234 5678", Some("TH")),
                "{written}"
            );
        }
        assert!(same_number(
            "+44 (0)20 7946 0000",
            "020 7946 0000",
            Some("GB")
        ));
        assert!(!same_number(
            "+66 (0) 81 234 5679",
            "081-234-5678",
            Some("TH")
        ));
    }
}
