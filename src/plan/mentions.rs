//! Who a step names: whether the person's own words in a crisis step, a
//! lapse-plan step or a coping step name someone she marked "do not
//! involve". Never a rule that blocks her words (she may mean "don't call
//! Dermot"), only something to say gently, and for the therapist to see.

use super::same::NumberSet;
use super::{Contact, Plan, Section};

/// The sections whose sentences are things to do, where naming someone not
/// to involve is worth a word.
pub const STEP_SECTIONS: [Section; 3] = [
    Section::CrisisSteps,
    Section::LapsePlan,
    Section::SafeEnvironment,
];

/// The contacts marked "do not involve" whom `text` names, in the plan's
/// order, each once.
pub fn not_to_involve<'p>(plan: &'p Plan, text: &str) -> Vec<&'p Contact> {
    Marks::of(plan).not_to_involve(text)
}

/// Every contact whom `text` names, in the plan's order, each once: the
/// card keeps the people her crisis steps tell her to call.
pub fn named<'p>(plan: &'p Plan, text: &str) -> Vec<&'p Contact> {
    Marks::of(plan).named(text)
}

/// One place in the plan whose words name someone not to involve.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention<'p> {
    /// Where, in words a person reads ("crisis step 2").
    pub place: String,
    /// Her words there, as written.
    pub text: &'p str,
    /// Whom they name.
    pub names: Vec<&'p str>,
}

/// Every step in the plan that names someone marked "do not involve": the
/// step sections in order, then each coping strategy's steps.
pub fn in_plan(plan: &Plan) -> Vec<Mention<'_>> {
    if plan.contacts.iter().all(Contact::to_involve) {
        return Vec::new();
    }
    let sections = STEP_SECTIONS.iter().flat_map(|&section| {
        plan.section(section)
            .iter()
            .enumerate()
            .map(move |(n, item)| {
                (
                    format!("{} {}", section.item_name(), n + 1),
                    item.text.as_str(),
                )
            })
    });
    let coping = plan.coping.iter().flat_map(|coping| {
        coping.steps.iter().enumerate().map(move |(n, step)| {
            (
                format!("step {} of coping strategy “{}”", n + 1, coping.name),
                step.as_str(),
            )
        })
    });
    let marks = Marks::of(plan);
    sections
        .chain(coping)
        .filter_map(|(place, text)| {
            let named = marks.not_to_involve(text);
            (!named.is_empty()).then(|| Mention {
                place,
                text,
                names: named.iter().map(|c| c.name.as_str()).collect(),
            })
        })
        .collect()
}

/// What each number written in `text` dials, as ASCII digits with its
/// leading `+` (`+20 10 1234 5678`, `٠١٠ ١٢٣٤`, `+66 (0)81\u{2011}234…`):
/// the numbers [`super::in_text::numbers`] finds, shows and links, so a
/// number that is linked is a number that is checked. Runs of fewer than
/// six digits (a time, a count) are not phone numbers and are left out.
pub fn numbers_in(text: &str) -> Vec<String> {
    super::in_text::dialled_numbers(text)
}

/// Whether two numbers (as [`numbers_in`] gives them) dial the same
/// person: as [`super::same::same_number`] reads them with no country
/// known (a 0 written after the country code is the same number), or the
/// same digits once a leading 0 and a country code are set aside
/// (`07700 900123` and `+44 7700 900123`).
pub fn same_number(a: &str, b: &str) -> bool {
    if super::same::same_number(a, b, None) {
        return true;
    }
    let (a, b) = (
        a.trim_start_matches(['+', '0']),
        b.trim_start_matches(['+', '0']),
    );
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.len() >= 6 && long.ends_with(short) && long.len() - short.len() <= 3
}

/// The crisis steps (their number in the list, and her words) that still
/// hold `number`: after she changes someone's number, these are the steps
/// that would still send her to the old one.
pub fn steps_holding<'p>(plan: &'p Plan, number: &str) -> Vec<(usize, &'p str)> {
    let Some(old) = numbers_in(number).into_iter().next() else {
        return Vec::new();
    };
    plan.crisis_steps
        .iter()
        .enumerate()
        .filter(|(_, step)| numbers_in(&step.text).iter().any(|n| same_number(n, &old)))
        .map(|(i, step)| (i + 1, step.text.as_str()))
        .collect()
}

/// Why a number in a crisis step is not to be called as it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberDoubt<'p> {
    /// A number this person had before she changed it (see
    /// [`Plan::former_phones`]), whatever words surround it.
    Former(&'p Contact),
    /// The step names this person and holds a number that is not theirs,
    /// nor anyone else's in the plan (Sam's old number left in "Call Sam
    /// on …" from before numbers were kept when they change).
    NotTheirs(&'p Contact),
    /// The number of this person, whom she marked "do not involve".
    NotToInvolve(&'p Contact),
}

impl<'p> NumberDoubt<'p> {
    /// The person the number is doubted for.
    pub fn contact(self) -> &'p Contact {
        match self {
            NumberDoubt::Former(c) | NumberDoubt::NotTheirs(c) | NumberDoubt::NotToInvolve(c) => c,
        }
    }
}

/// Whether a number in `text` (a crisis step) is not one to call as it
/// stands, and why: a number of someone not to involve, a former number
/// of someone's, or a number that is not theirs beside someone's name.
/// `None` for most steps. Numbers are read as they dial
/// ([`super::same::same_number`]).
pub fn number_doubt<'p>(plan: &'p Plan, text: &str) -> Option<NumberDoubt<'p>> {
    Marks::of(plan).doubt(text)
}

/// The person whose number a step's number is not right for (see
/// [`number_doubt`]): its number is flagged where it stands and never
/// made a link. `None` for most steps.
pub fn other_number<'p>(plan: &'p Plan, text: &str) -> Option<&'p Contact> {
    number_doubt(plan, text).map(NumberDoubt::contact)
}

/// Every number the plan or the crisis lines know as someone's to call:
/// the built-in lines, then (second) the numbers of the people she may
/// turn to and her own emergency number and lines.
fn known_numbers(plan: &Plan) -> (Vec<String>, Vec<String>) {
    let own = &plan.own_lines;
    let lines = crate::crisis_lines::LINES
        .iter()
        .flat_map(|line| line.call_numbers().into_iter().chain(line.text_number()))
        .flat_map(numbers_in)
        .collect();
    let helpers = plan
        .contacts
        .iter()
        .filter(|c| c.to_involve())
        .filter_map(|c| c.phone.as_deref());
    let hers = own
        .emergency
        .as_deref()
        .into_iter()
        .chain(helpers)
        .chain(
            own.lines
                .iter()
                .flat_map(|l| l.call.as_deref().into_iter().chain(l.text.as_deref())),
        )
        .flat_map(numbers_in)
        .collect();
    (lines, hers)
}

/// How many former numbers are kept for one person: enough for every
/// step written before a few changes, never a list that grows for ever.
pub const FORMER_KEPT: usize = 5;

/// A `[[former_phones]]` entry relapse-plan never writes, as a hand edit
/// leaves one: named by `validate`, never changed by it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormerDoubt {
    /// Kept for a `contact` id that is no one in the plan.
    NoOne { contact: String, phone: String },
    /// The number contact `index` has now: a step holding it would be
    /// marked as their old number.
    Current { index: usize, phone: String },
    /// More than [`FORMER_KEPT`] kept for contact `index`.
    TooMany { index: usize, count: usize },
}

/// The hand-edited `[[former_phones]]` entries worth a look, in file
/// order, then each person with too many; linear in the plan.
pub fn former_doubts(plan: &Plan) -> Vec<FormerDoubt> {
    let at: std::collections::HashMap<&str, usize> = plan
        .contacts
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), i))
        .collect();
    let mut counts = vec![0usize; plan.contacts.len()];
    let mut doubts = Vec::new();
    for former in &plan.former_phones {
        let Some(&index) = at.get(former.contact.as_str()) else {
            doubts.push(FormerDoubt::NoOne {
                contact: former.contact.clone(),
                phone: former.phone.clone(),
            });
            continue;
        };
        counts[index] += 1;
        let now = plan.contacts[index].phone.as_deref();
        if now.is_some_and(|now| {
            super::same::same_number(now, &former.phone, plan.country.as_deref())
        }) {
            doubts.push(FormerDoubt::Current {
                index,
                phone: former.phone.clone(),
            });
        }
    }
    doubts.extend(
        counts
            .into_iter()
            .enumerate()
            .filter(|(_, count)| *count > FORMER_KEPT)
            .map(|(index, count)| FormerDoubt::TooMany { index, count }),
    );
    doubts
}

impl Plan {
    /// Gives contact `index` a new number (or none), keeping the one it
    /// replaces in [`Plan::former_phones`], so a step still holding it is
    /// marked as their old number after the second change too. A number
    /// they have again is no longer a former one.
    pub fn set_phone(&mut self, index: usize, phone: Option<String>) {
        let country = self.country.clone();
        let same = |a: &str, b: &str| super::same::same_number(a, b, country.as_deref());
        let contact = &mut self.contacts[index];
        let old = std::mem::replace(&mut contact.phone, phone);
        let (id, now) = (contact.id.clone(), contact.phone.clone());
        if let Some(now) = &now {
            self.former_phones
                .retain(|f| f.contact != id || !same(&f.phone, now));
        }
        let Some(old) = old.filter(|old| {
            super::phone::has_digits(old) && now.as_deref().is_none_or(|now| !same(old, now))
        }) else {
            return;
        };
        if self
            .former_phones
            .iter()
            .any(|f| f.contact == id && same(&f.phone, &old))
        {
            return;
        }
        self.former_phones.push(super::FormerPhone {
            contact: id.clone(),
            phone: old,
        });
        let theirs = self
            .former_phones
            .iter()
            .filter(|f| f.contact == id)
            .count();
        if theirs > FORMER_KEPT
            && let Some(oldest) = self.former_phones.iter().position(|f| f.contact == id)
        {
            self.former_phones.remove(oldest);
        }
        // Never more than a plan may hold: the oldest of all go first.
        let over = self
            .former_phones
            .len()
            .saturating_sub(super::validate::MAX_ITEMS);
        self.former_phones.drain(..over);
    }
}

/// What marking a plan's steps needs to know of its people and numbers,
/// worked out once for all the steps a screen shows: each person's names
/// (folded), and the numbers to turn to, of people not to involve and
/// former ones, looked up by hash. Worked out again for each step, it cost
/// steps × people² (Trudy: `now` ran for over ten minutes at 500 people).
pub struct Marks<'p> {
    plan: &'p Plan,
    /// Each contact's names ([`names_of`]), in the plan's order.
    names: Vec<Vec<String>>,
    /// Numbers someone may call: people to turn to, her own, the lines.
    known: NumberSet<()>,
    /// The numbers of people not to involve: their place in the plan.
    not_to_involve: NumberSet<usize>,
    /// Former numbers: their place in `former_phones`.
    former: NumberSet<usize>,
}

impl<'p> Marks<'p> {
    pub fn of(plan: &'p Plan) -> Marks<'p> {
        let country = plan.country.as_deref();
        let folded: Vec<String> = plan
            .contacts
            .iter()
            .map(|c| super::same::fold_letters(c.name.trim()))
            .collect();
        let mut counts = std::collections::HashMap::new();
        for name in &folded {
            let mut words = words_of(name);
            words.sort_unstable();
            words.dedup();
            for word in words {
                *counts.entry(word).or_insert(0usize) += 1;
            }
        }
        let names = folded.into_iter().map(|n| names_of(n, &counts)).collect();
        let mut not_to_involve = NumberSet::new(country);
        for (at, c) in plan.contacts.iter().enumerate() {
            if let (false, Some(phone)) = (c.to_involve(), c.phone.as_deref()) {
                not_to_involve.insert(phone, at);
            }
        }
        let (others, hers) = known_numbers(plan);
        let mut known = NumberSet::new(country);
        for number in others {
            known.insert(&number, ());
        }
        // Her own number hand-edited to be his is left off `now` as his:
        // a step holding it keeps its mark too (Trudy: the mark went, and
        // the step's number became a link to him). So does a helper's
        // number that is his (a family phone): `now` leaves the helper off
        // for it, and a step holding it went unmarked (Mulu: her card said
        // to dial the phone her ex answers).
        for number in hers {
            if not_to_involve.first(&number).is_none() {
                known.insert(&number, ());
            }
        }
        let mut former = NumberSet::new(country);
        for (at, f) in plan.former_phones.iter().enumerate() {
            former.insert(&f.phone, at);
        }
        Marks {
            plan,
            names,
            known,
            not_to_involve,
            former,
        }
    }

    /// Whether `text` (folded) names the contact at `at`.
    fn names(&self, text: &str, at: usize) -> bool {
        self.names[at].iter().any(|name| names(text, name))
    }

    /// The contacts marked "do not involve" whom `text` names, in the
    /// plan's order, each once.
    pub fn not_to_involve(&self, text: &str) -> Vec<&'p Contact> {
        if self.plan.contacts.iter().all(Contact::to_involve) {
            return Vec::new();
        }
        let text = super::same::fold_letters(text);
        self.plan
            .contacts
            .iter()
            .enumerate()
            .filter(|(at, c)| !c.to_involve() && self.names(&text, *at))
            .map(|(_, c)| c)
            .collect()
    }

    /// Every contact whom `text` names, in the plan's order, each once.
    pub fn named(&self, text: &str) -> Vec<&'p Contact> {
        // Letters folded as names are compared ([`super::same::fold_letters`]):
        // "زنگ به نيما" names her نیما, whichever keyboard wrote the yeh.
        let text = super::same::fold_letters(text);
        self.plan
            .contacts
            .iter()
            .enumerate()
            .filter(|(at, _)| self.names(&text, *at))
            .map(|(_, c)| c)
            .collect()
    }

    /// Whether a number in `text` (a crisis step) is not one to call as it
    /// stands, and why (see [`number_doubt`]).
    pub fn doubt(&self, text: &str) -> Option<NumberDoubt<'p>> {
        let plan = self.plan;
        let held = numbers_in(text);
        if held.is_empty() {
            return None;
        }
        let stray: Vec<&String> = held
            .iter()
            .filter(|n| self.known.first(n).is_none())
            .collect();
        // A number someone to turn to shares with someone not to involve
        // is not in `known` (see [`Marks::of`]): it is marked as theirs.
        if let Some(at) = stray
            .iter()
            .filter_map(|n| self.not_to_involve.first(n).copied())
            .min()
        {
            return Some(NumberDoubt::NotToInvolve(&plan.contacts[at]));
        }
        if stray.is_empty() {
            return None;
        }
        // The first former number (in the plan's order) that a stray one
        // is, whose person is still in the plan.
        let mut formers: Vec<usize> = stray
            .iter()
            .flat_map(|n| self.former.all(n))
            .copied()
            .collect();
        formers.sort_unstable();
        let former = formers
            .into_iter()
            .find_map(|at| {
                let id = &plan.former_phones[at].contact;
                plan.contacts.iter().find(|c| c.id == *id)
            })
            .filter(|c| c.to_involve());
        if let Some(contact) = former {
            return Some(NumberDoubt::Former(contact));
        }
        // Only when every number is stray: "if Alex doesn't answer, call the
        // Samaritans on 116 123" is not Alex's number gone stale.
        if stray.len() < held.len() {
            return None;
        }
        let lower = super::same::fold_letters(text);
        let mut named = plan
            .contacts
            .iter()
            .enumerate()
            .filter(|(at, c)| c.to_involve() && c.phone.is_some() && self.names(&lower, *at));
        let (_, contact) = named.next()?;
        if named.next().is_some() {
            return None;
        }
        Some(NumberDoubt::NotTheirs(contact))
    }
}

/// The names a person may call someone by (`name` folded), lower-case: the
/// name as she gave it; its first word when it has more than one ("Dermot"
/// of "Dermot Byrne", "Dermot (ex)"); and any other word of it that no one
/// else in the plan has in their name (`counts`: how many people have each
/// word; "מיכל" of "אחותי מיכל", "Mum" of "Sarah (Mum)"). Never a title or
/// a word any step may hold for itself ("Dr", "my", "the", "crisis",
/// "ד\"ר"): "call a dr" names no one.
fn names_of(name: String, counts: &std::collections::HashMap<String, usize>) -> Vec<String> {
    let words = words_of(&name);
    let mut names = Vec::new();
    if name.chars().any(char::is_alphanumeric) {
        names.push(name);
    }
    if words.len() < 2 {
        return names;
    }
    for (n, word) in words.into_iter().enumerate() {
        // Counted once per person: 1 is this person alone.
        let theirs_alone = n == 0 || counts.get(&word).copied().unwrap_or(0) <= 1;
        if theirs_alone && word.chars().count() >= 2 && !GENERIC_FOLDED.contains(&word) {
            names.push(word);
        }
    }
    names
}

/// The words of a (folded) name, their outer punctuation left out.
fn words_of(name: &str) -> Vec<String> {
    name.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
        .filter(|w| !w.is_empty())
        .collect()
}

/// [`GENERIC`] folded as names are, once.
static GENERIC_FOLDED: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
    GENERIC
        .iter()
        .map(|g| super::same::fold_letters(g))
        .collect()
});

/// Words of a name that any step may hold without meaning that person:
/// titles, little words, and the words of services (folded as names are:
/// lower case, Arabic kaf and alef made one).
const GENERIC: &[&str] = &[
    "my",
    "the",
    "a",
    "an",
    "of",
    "and",
    "to",
    "at",
    "on",
    "in",
    "for",
    "from",
    "dr",
    "mr",
    "mrs",
    "ms",
    "mx",
    "miss",
    "prof",
    "sir",
    "st",
    "doctor",
    "gp",
    "nurse",
    "team",
    "line",
    "crisis",
    "help",
    "helpline",
    "service",
    "centre",
    "center",
    "clinic",
    "hospital",
    "office",
    "mobile",
    "phone",
    "home",
    "work",
    "call",
    "text",
    "new",
    "old",
    // Hebrew: Dr, Mr, Mrs, Prof, lawyer; of, with; line, centre, help.
    "ד\"ר",
    "ד״ר",
    "דר",
    "מר",
    "גב",
    "גברת",
    "פרופ",
    "עו\"ד",
    "עו״ד",
    "של",
    "עם",
    "את",
    "קו",
    "מרכז",
    "עזרה",
    "חירום",
    // Arabic: Dr, Mr, Mrs, teacher; of, to, with; line, centre, clinic.
    "د",
    "دکتور",
    "الدکتور",
    "السید",
    "السیدة",
    "استاذ",
    "الاستاذ",
    "من",
    "الی",
    "علی",
    "مع",
    "في",
    "خط",
    "مرکز",
    "عیادة",
];

/// Letters Hebrew writes joined to the front of a word: and, in, that,
/// the, as, from, to (ו ב ש ה כ מ ל): "למיכל" is "to Michal".
const HEBREW_PREFIXES: &[char] = &['ו', 'ב', 'ש', 'ה', 'כ', 'מ', 'ל'];

/// Letters Arabic writes joined to the front of a word: to, and, with,
/// then, as (ل و ب ف ك, the kaf as names are folded): "لمحمد".
const ARABIC_PREFIXES: &[char] = &['ل', 'و', 'ب', 'ف', 'ک', '\u{643}'];

/// Whether the letters just before `at` in `text` are only one to three
/// of the prefixes the name's script joins to a word ("ל", "ול", "ל-",
/// "لـ"), so the name there is a whole word with a prefix.
fn prefixed(text: &str, at: usize, name: &str) -> bool {
    let prefixes = match name.chars().next() {
        Some('\u{5d0}'..='\u{5ea}') => HEBREW_PREFIXES,
        Some('\u{620}'..='\u{64a}' | '\u{66e}'..='\u{6d3}') => ARABIC_PREFIXES,
        _ => return false,
    };
    let joiner = |c: char| matches!(c, '-' | '\u{5be}' | '\u{640}');
    let before: Vec<char> = text[..at]
        .chars()
        .rev()
        .take_while(|&c| is_word(c) || joiner(c))
        .collect();
    let letters: Vec<char> = before.into_iter().skip_while(|&c| joiner(c)).collect();
    (1..=3).contains(&letters.len()) && letters.iter().all(|c| prefixes.contains(c))
}

/// Whether lower-case `text` holds `name` as a whole word: not inside a
/// longer word ("Al" is not in "Always"). Scripts written without spaces
/// between words (Chinese, Japanese, Korean particles, Thai) have no such
/// edge, so there the name anywhere counts.
fn names(text: &str, name: &str) -> bool {
    text.match_indices(name).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + name.len()..].chars().next();
        let first = name.chars().next();
        let last = name.chars().next_back();
        (edge(before, first) || prefixed(text, at, name)) && edge(after, last)
    })
}

/// Whether a name may end between `outside` (the text's character next to
/// it, if any) and `inside` (the name's own character at that end).
fn edge(outside: Option<char>, inside: Option<char>) -> bool {
    match outside {
        None => true,
        Some(c) if !is_word(c) => true,
        Some(c) => inside.is_some_and(spaceless) || spaceless(c),
    }
}

/// A letter, digit or combining mark: part of a word.
fn is_word(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\u{300}'..='\u{36f}' | '\u{200c}' | '\u{200d}')
}

/// A character of a script written without spaces between words.
fn spaceless(c: char) -> bool {
    matches!(c,
        '\u{0e00}'..='\u{0eff}'       // Thai, Lao
        | '\u{1000}'..='\u{109f}'     // Myanmar
        | '\u{1780}'..='\u{17ff}'     // Khmer
        | '\u{3040}'..='\u{30ff}'     // Hiragana, Katakana
        | '\u{3400}'..='\u{4dbf}'     // CJK extension A
        | '\u{4e00}'..='\u{9fff}'     // CJK
        | '\u{ac00}'..='\u{d7af}'     // Hangul (particles join the name)
        | '\u{f900}'..='\u{faff}'
        | '\u{20000}'..='\u{3134f}')
}

#[cfg(test)]
mod tests {

    fn sams_plan(step: &str) -> Plan {
        let mut plan = Plan::new("Layla".into(), None);
        plan.contacts.push(Contact {
            id: "sam".into(),
            name: "Sam".into(),
            phone: Some("+44 7700 900999".into()),
            role: Role::Help,
            reachable: None,
        });
        plan.crisis_steps.push(TextItem::new(step));
        plan
    }

    #[test]
    fn numbers_in_any_script_are_read_by_their_digits() {
        assert_eq!(
            super::numbers_in("اتصل بأخي على +20 10 1234 5678 بعد ٦"),
            ["+201012345678"]
        );
        assert_eq!(super::numbers_in("على ٠١٠ ١٢٣٤ ٥٦٧٨"), ["01012345678"]);
        assert!(super::numbers_in("Sunday 5-8pm, 3 times").is_empty());
        assert!(super::same_number("07700900123", "447700900123"));
        assert!(!super::same_number("07700900123", "07700900124"));
    }

    #[test]
    fn a_step_naming_someone_with_a_number_not_theirs_is_found() {
        let old = sams_plan("Call Sam on 07700 900123");
        assert_eq!(
            super::other_number(&old, &old.crisis_steps[0].text).map(|c| c.id.as_str()),
            Some("sam")
        );
        assert_eq!(
            super::steps_holding(&old, "07700 900123"),
            [(1, "Call Sam on 07700 900123")]
        );
        // Theirs, in another form or in Arabic-Indic digits: nothing said.
        for step in ["Call Sam on 07700 900999", "اتصل ب Sam على +٤٤ ٧٧٠٠ ٩٠٠٩٩٩"]
        {
            let plan = sams_plan(step);
            assert!(super::other_number(&plan, step).is_none(), "{step}");
        }
        // A crisis line's number beside her name: not hers gone stale.
        let plan = sams_plan("If Sam doesn't answer, call the Samaritans on 116 123");
        assert!(super::other_number(&plan, &plan.crisis_steps[0].text).is_none());
        // A number with no one named, or someone named with no number.
        for step in ["Ring 07700 900123", "Call Sam"] {
            let plan = sams_plan(step);
            assert!(super::other_number(&plan, step).is_none(), "{step}");
        }
    }
    use super::*;
    use crate::plan::{Role, TextItem};

    fn plan_with(name: &str, role: Role) -> Plan {
        let mut plan = Plan::new("Oksana".into(), Some("DE".into()));
        plan.contacts.push(Contact {
            id: "x".into(),
            name: name.into(),
            phone: None,
            role,
            reachable: None,
        });
        plan
    }

    fn named(name: &str, text: &str) -> bool {
        !not_to_involve(&plan_with(name, Role::DoNotInvolve), text).is_empty()
    }

    /// Whole words, any case, any script; never someone she may turn to.
    #[test]
    fn a_name_is_found_as_a_whole_word_in_any_script() {
        assert!(named("Dermot Byrne", "Call dermot if it gets bad"));
        assert!(named("Dermot (ex)", "Ring Dermot."));
        assert!(named("Дмитро", "Подзвонити ДМИТРО, якщо зірвусь"));
        assert!(named("王强", "给王强打电话"));
        assert!(named("יוסי", "להתקשר ליוסי? לא, ל יוסי"));
        assert!(named("Al", "Text Al's sister"));
        assert!(!named("Al", "Always breathe first"));
        assert!(!named("Ann", "Call Annabel"));
        assert!(!named("Дмитро", "Подзвонити Дмитрові"));
        let helper = plan_with("Dermot", Role::Help);
        assert!(not_to_involve(&helper, "Call Dermot").is_empty());
    }

    /// The plan's steps that name someone not to involve, in words.
    #[test]
    fn every_step_that_names_them_is_listed() {
        let mut plan = plan_with("王强", Role::DoNotInvolve);
        plan.crisis_steps.push(TextItem::new("深呼吸"));
        plan.crisis_steps.push(TextItem::new("给王强打电话"));
        plan.lapse_plan.push(TextItem::new("告诉王强"));
        let found = in_plan(&plan);
        let places: Vec<&str> = found.iter().map(|m| m.place.as_str()).collect();
        assert_eq!(places, ["crisis step 2", "lapse-plan step 1"]);
        assert_eq!(found[0].text, "给王强打电话");
        assert_eq!(found[0].names, ["王强"]);
    }

    fn people(names: &[(&str, Role)]) -> Plan {
        let mut plan = Plan::new("Noa".into(), Some("IL".into()));
        for (i, (name, role)) in names.iter().enumerate() {
            plan.contacts.push(Contact {
                id: format!("c{i}"),
                name: (*name).into(),
                phone: None,
                role: *role,
                reachable: None,
            });
        }
        plan
    }

    fn names_in(plan: &Plan, text: &str) -> Vec<String> {
        super::named(plan, text)
            .iter()
            .map(|c| c.name.clone())
            .collect()
    }

    /// Noa, Jerusalem: Hebrew (and Arabic) join "to", "and", "with" to
    /// the name; "למיכל" is "to Michal", and a longer word is not her.
    #[test]
    fn a_name_with_a_hebrew_or_arabic_prefix_is_found() {
        for text in [
            "להתקשר למיכל",
            "להתקשר ל-מיכל",
            "להתקשר ל־מיכל",
            "ולמיכל",
            "לשלוח הודעה במיכל?",
        ] {
            assert!(named("מיכל", text), "{text}");
        }
        for text in ["اتصل لمحمد", "اتصل لـمحمد", "اتصل بمحمد", "وبمحمد", "كمحمد"]
        {
            assert!(named("محمد", text), "{text}");
        }
        assert!(!named("מיכל", "להתקשר לאמיכל"));
        assert!(!named("אור", "אורית"));
        assert!(!named("محمد", "سمحمد"));
        assert!(!named("Ann", "lAnn"));
    }

    /// One word of a name is enough when it is no one else's and no
    /// title or little word: "מיכל" for "אחותי מיכל", "Mum" for "Sarah
    /// (Mum)"; "a dr", "the crisis line" or a surname two people share
    /// name no one.
    #[test]
    fn a_distinctive_word_of_a_name_names_them_and_a_generic_one_does_not() {
        let plan = people(&[
            ("אחותי מיכל", Role::Help),
            ("Sarah (Mum)", Role::Help),
            ("Dr Amir", Role::Professional),
            ("Crisis team", Role::Professional),
            ("Dana Cohen", Role::Help),
            ("Yossi Cohen", Role::Help),
            ("د. أحمد", Role::Professional),
            ("ד\"ר לוי", Role::Professional),
        ]);
        assert_eq!(names_in(&plan, "להתקשר למיכל"), ["אחותי מיכל"]);
        assert_eq!(names_in(&plan, "להתקשר לאחותי"), ["אחותי מיכל"]);
        assert_eq!(names_in(&plan, "Call Mum"), ["Sarah (Mum)"]);
        assert_eq!(names_in(&plan, "Ring Amir"), ["Dr Amir"]);
        assert_eq!(names_in(&plan, "اتصل بأحمد"), ["د. أحمد"]);
        assert_eq!(names_in(&plan, "להתקשר לד\"ר לוי"), ["ד\"ר לוי"]);
        for text in [
            "See a dr tomorrow",
            "Call the crisis line",
            "Ask the team",
            "Call Cohen",
            "לפנות לד\"ר",
            "اتصل بالدكتور",
        ] {
            assert!(names_in(&plan, text).is_empty(), "{text}");
        }
    }

    /// Noa's sister's number changed twice: a step holding either old
    /// number is hers, whatever words surround it; her number now, or an
    /// old one that is now someone else's, is no old number.
    #[test]
    fn every_former_number_is_kept_and_found_in_any_words() {
        let mut plan = people(&[("אחותי מיכל", Role::Help), ("אבא", Role::Help)]);
        plan.set_phone(0, Some("052-555-1234".into()));
        plan.set_phone(0, Some("052-555-4321".into()));
        plan.set_phone(0, Some("052-555-9999".into()));
        let former: Vec<&str> = plan
            .former_phones
            .iter()
            .map(|f| f.phone.as_str())
            .collect();
        assert_eq!(former, ["052-555-1234", "052-555-4321"]);
        for text in [
            "להתקשר למיכל 052-555-1234",
            "call +972 52 555 4321",
            "اتصل على ٠٥٢٥٥٥١٢٣٤",
        ] {
            assert_eq!(
                number_doubt(&plan, text),
                Some(NumberDoubt::Former(&plan.contacts[0])),
                "{text}"
            );
        }
        assert_eq!(number_doubt(&plan, "להתקשר למיכל 052-555-9999"), None);
        // Back to an old number: no longer a former one.
        plan.set_phone(0, Some("052-555-4321".into()));
        assert_eq!(number_doubt(&plan, "052-555-4321"), None);
        // An old number now her father's is his.
        plan.set_phone(1, Some("052-555-1234".into()));
        assert_eq!(number_doubt(&plan, "052-555-1234"), None);
        // A rename follows her; removing her forgets her old numbers.
        plan.rename::<Contact>("c0", "michal").unwrap();
        assert!(plan.former_phones.iter().all(|f| f.contact == "michal"));
        plan.remove::<Contact>("michal", true).unwrap();
        assert!(plan.former_phones.is_empty());
        // Five kept for one person, the oldest forgotten first.
        for n in 0..7 {
            plan.set_phone(0, Some(format!("052-555-000{n}")));
        }
        let kept: Vec<&str> = plan
            .former_phones
            .iter()
            .map(|f| f.phone.as_str())
            .collect();
        assert_eq!(
            kept,
            [
                "052-555-0001",
                "052-555-0002",
                "052-555-0003",
                "052-555-0004",
                "052-555-0005"
            ]
        );
        // A hand-edited file holding more than a plan may hold is named.
        let former = plan.former_phones[0].clone();
        plan.former_phones = vec![former; crate::plan::validate::MAX_ITEMS + 1];
        let problems = crate::plan::validate::validate(&plan);
        assert!(
            problems
                .iter()
                .any(|p| format!("{p:?}").contains("former_phones")),
            "{problems:?}"
        );
    }

    /// Noa's brother, marked not to involve: his number in a step, named
    /// or not, is his.
    #[test]
    fn the_number_of_someone_not_to_involve_is_theirs() {
        let mut plan = people(&[("יונתן", Role::DoNotInvolve)]);
        plan.contacts[0].phone = Some("054-777-8888".into());
        for text in ["להתקשר ליונתן 054-777-8888", "Call +972 54-777-8888"] {
            assert_eq!(
                number_doubt(&plan, text),
                Some(NumberDoubt::NotToInvolve(&plan.contacts[0])),
                "{text}"
            );
        }
        assert_eq!(number_doubt(&plan, "Call 054-777-8889"), None);
    }
}
