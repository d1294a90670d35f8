//! Whether a card from a file is named like a crisis line or an emergency
//! service, and whether its number is that line's checked number: a card
//! `Emergency · 1900 666 666` came in as a helper and `now` showed it
//! beside the checked 111 (Trudy, issue #12). Such a card is never a person
//! to call; with the checked number it is the line itself, already shown.

use unicode_normalization::UnicodeNormalization;

use super::Plan;
use super::same::{fold, same_number};
use crate::crisis_lines;

/// Words that name an emergency service or a crisis line, folded (see
/// [`fold`]), in the languages the project knows. Found anywhere in a
/// name: a card holding one is taken for a line, never for a friend. Kept
/// to words no one's given name holds ("samu" is in "Samuel"; those go in
/// [`WHOLE_WORDS`]). The local words were asked for by Trudy and by the
/// testers who wrote in each language (issue #12).
const CRISIS_WORDS: &[&str] = &[
    // English
    "emergency",
    "police",
    "ambulance",
    "paramedic",
    "crisis",
    "lifeline",
    "helpline",
    "hotline",
    "samaritan",
    "suicide",
    "fire brigade",
    "fire department",
    "fire service",
    // Irish (Ireland: "Garda" is in WHOLE_WORDS)
    "garda síochána",
    "garda siochana",
    "otharcharr",
    "éigeandáil",
    "eigeandail",
    // German, French, Dutch, Spanish, Italian, Portuguese, Polish, Swedish
    "notruf",
    "polizei",
    "rettung",
    "krisendienst",
    "telefonseelsorge",
    "dargebotene hand",
    "urgence",
    "pompiers",
    "gendarmerie",
    "politie",
    "noodnummer",
    "alarmnummer",
    "zelfmoordpreventie",
    "emergencia",
    "policía",
    "policia",
    "ambulancia",
    "bomberos",
    "emergenza",
    "polizia",
    "carabinieri",
    "ambulanza",
    "emergência",
    "polícia",
    "ambulância",
    "bombeiros",
    "policja",
    "pogotowie",
    "ratunkow",
    "alarmowy",
    "telefon zaufania",
    "ambulans",
    "räddningstjänst",
    "larmnummer",
    "självmordslinjen",
    // Ukrainian, Russian
    "поліція",
    "полиция",
    "міліція",
    "милиция",
    "швидка",
    "скорая",
    "екстрен",
    "экстрен",
    "невідкладн",
    "неотложн",
    "рятувальн",
    "спасател",
    "телефон довіри",
    "телефон доверия",
    // Persian, Arabic, Urdu, Hebrew
    "اورژانس",
    "پلیس",
    "آمبولانس",
    "طوارئ",
    "شرطه",
    "شرطة",
    "اسعاف",
    "الدفاع المدنی",
    "پولیس",
    "ایمرجنسی",
    "ایمبولینس",
    "ریسکیو",
    "ہنگامی",
    "משטרה",
    "חירום",
    "אמבולנס",
    "מגן דוד אדום",
    // Hindi
    "पुलिस",
    "एम्बुलेंस",
    "एंबुलेंस",
    "आपात",
    "हेल्पलाइन",
    // Japanese, Chinese, Korean, Thai, Vietnamese, Amharic
    "警察",
    "救急",
    "消防",
    "いのちの電話",
    "急救",
    "报警",
    "報警",
    "紧急",
    "緊急",
    "救護",
    "生命線",
    "生命线",
    "응급",
    "경찰",
    "구급",
    "긴급",
    "자살",
    "생명의전화",
    "생명의 전화",
    "ตำรวจ",
    "ฉุกเฉิน",
    "กู้ภัย",
    "กู้ชีพ",
    "สายด่วน",
    "รถพยาบาล",
    "cảnh sát",
    "cấp cứu",
    "khẩn cấp",
    "ፖሊስ",
    "አምቡላንስ",
    "ድንገተኛ",
];

/// Words that name a service only as a whole word of a name: "Garda"
/// (the Irish police; "Edgardas" is a given name), "Polis" ("Polissena"
/// is), "SAMU" ("Samuel" is).
const WHOLE_WORDS: &[&str] = &[
    "garda", "gardaí", "gardai", "polis", "polisen", "samu", "inem",
];

/// Words that name a service only at the start of a name: "Công an" is
/// the Vietnamese police ("Công an phường 5"), but "Công" and "An" are
/// also a given name ("Trần Công An").
const NAME_STARTS: &[&str] = &["công an"];

/// The word lists folded once: folding each word again for every card
/// cost seconds on a whole address book.
struct Folded {
    anywhere: Vec<String>,
    whole: Vec<String>,
    starts: Vec<String>,
}

static FOLDED: std::sync::LazyLock<Folded> = std::sync::LazyLock::new(|| {
    let folded = |list: &[&str]| list.iter().map(|w| fold(w)).collect();
    Folded {
        anywhere: folded(CRISIS_WORDS),
        whole: WHOLE_WORDS
            .iter()
            .map(|w| format!(" {} ", fold(w)))
            .collect(),
        starts: NAME_STARTS
            .iter()
            .map(|w| format!(" {} ", fold(w)))
            .collect(),
    }
});

/// Whether a name holds a word for an emergency service or a crisis line,
/// as written or as it looks (see [`seen`]).
fn holds_crisis_word(name: &str) -> bool {
    let lists = &*FOLDED;
    let folded = fold(name);
    if lists.anywhere.iter().any(|w| folded.contains(w.as_str())) {
        return true;
    }
    let padded = format!(" {} ", words(name));
    if lists.whole.iter().any(|w| padded.contains(w.as_str()))
        || lists.starts.iter().any(|w| padded.starts_with(w.as_str()))
    {
        return true;
    }
    let looks = &*SEEN;
    let shown = seen(name);
    let shown_words = format!(" {} ", seen_words(name));
    looks.anywhere.iter().any(|w| shown.contains(w.as_str()))
        || looks.whole.iter().any(|w| shown_words.contains(w.as_str()))
}

/// The Latin-letter words of [`CRISIS_WORDS`] and [`WHOLE_WORDS`] as they
/// look (see [`seen`]), found in a name as it looks.
static SEEN: std::sync::LazyLock<Folded> = std::sync::LazyLock::new(|| {
    let latin = |w: &&&str| bare(&fold(w)).is_ascii();
    Folded {
        anywhere: CRISIS_WORDS.iter().filter(latin).map(|w| seen(w)).collect(),
        whole: WHOLE_WORDS
            .iter()
            .filter(latin)
            .map(|w| format!(" {} ", seen(w)))
            .collect(),
        starts: Vec::new(),
    }
});

/// `text` without the accents set on its letters (combining marks
/// U+0300–U+036F, once decomposed): "Émergency" typed as E and U+0301.
fn bare(text: &str) -> String {
    text.nfd()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .collect()
}

/// `text` with a digit 0 read as the letter o, and 1 as l, inside a word
/// of letters ("P0lice", "He1pline"): a word holding a letter and no
/// other digit. A 0 or 1 on its own ("Paul 0'Neil", "Line 1") or among
/// other digits ("1800HELP") stays a digit.
fn digits_read(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        let letters = word.chars().any(char::is_alphabetic);
        let other = word.chars().any(|c| c.is_numeric() && c != '0' && c != '1');
        if letters && !other {
            out.extend(word.chars().map(|c| match c {
                '0' => 'o',
                '1' => 'l',
                c => c,
            }));
        } else {
            out.push_str(word);
        }
        word.clear();
    };
    for c in text.chars() {
        if c.is_alphanumeric() || is_mark(c) {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// Whether `c` is a combining mark, part of the word it is set on.
fn is_mark(c: char) -> bool {
    use unicode_normalization::char::is_combining_mark;
    is_combining_mark(c)
}

/// What a name looks like, for finding a crisis word written with
/// look-alike letters: its digits read as letters inside a word (see
/// [`digits_read`]), [`fold`]ed (NFKC, any case), its accents left out
/// (see [`bare`]), and each letter as Unicode's confusables table reads it
/// (UTS #39: a dotless ı or a Cyrillic о as i and o). Digits left as
/// digits stay digits.
fn seen(name: &str) -> String {
    let plain = bare(&fold(&digits_read(name)));
    let mut out = String::with_capacity(plain.len());
    for c in plain.chars() {
        if c.is_ascii_digit() || c == ' ' {
            out.push(c);
        } else {
            let mut one = [0; 4];
            out.extend(unicode_security::skeleton(c.encode_utf8(&mut one)));
        }
    }
    bare(&out).to_lowercase()
}

/// A name's words as they look (see [`seen`]), punctuation left out.
fn seen_words(name: &str) -> String {
    seen(name)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// What a card named like a crisis line is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CrisisNamed {
    /// Its number is the checked number of a line the plan shows (the
    /// one it names, else whichever it dials): the line itself ("your
    /// country's emergency number"), already shown.
    Same(String),
    /// Its number is none of the checked numbers: held back, never
    /// someone to call. With the line it names and that line's checked
    /// numbers ("“Pieta”: 1800 247 247"), when it names one.
    NotChecked(Option<String>),
    /// Named like a line or a service in a plan that holds no crisis line
    /// to check it against (no country, or one with none built in, such as
    /// Thailand, and none of her own): held back, with what she can do.
    NothingChecked,
}

/// A line the plan shows, with its checked numbers.
struct Checked {
    /// In the words a person reads.
    what: String,
    /// The line's name, when it has one to be named by.
    name: Option<String>,
    numbers: Vec<String>,
}

impl Checked {
    /// "“Pieta”: 1800 247 247": the line and what it dials.
    fn said(&self) -> String {
        let numbers = self.numbers.join(" or ");
        match &self.name {
            Some(name) => format!("“{name}”: {numbers}"),
            None => format!("{}: {numbers}", self.what),
        }
    }
}

/// Every number the plan shows as a line: its country's emergency numbers
/// and lines (`crate::crisis_lines`), and her own.
fn checked(plan: &Plan) -> Vec<Checked> {
    let mut all = Vec::new();
    if let Some(country) = crisis_lines::for_country(plan.country.as_deref()) {
        let emergency = country.emergency_numbers();
        if !emergency.is_empty() {
            all.push(Checked {
                what: "your country's emergency number".into(),
                name: None,
                numbers: emergency.into_iter().map(str::to_string).collect(),
            });
        }
        for line in country.lines {
            all.push(Checked {
                what: format!("the crisis line “{}”", line.name),
                name: Some(line.name.into()),
                numbers: line
                    .call_numbers()
                    .into_iter()
                    .chain(line.text_number())
                    .map(str::to_string)
                    .collect(),
            });
        }
    }
    if let Some(number) = &plan.own_lines.emergency {
        all.push(Checked {
            what: "the emergency number you added".into(),
            name: None,
            numbers: vec![number.clone()],
        });
    }
    for line in &plan.own_lines.lines {
        all.push(Checked {
            what: format!("your crisis line “{}”", line.name),
            name: Some(line.name.clone()),
            numbers: line.call.iter().chain(line.text.iter()).cloned().collect(),
        });
    }
    all
}

/// A name's words, folded, punctuation left out: "Need to talk?" and
/// "need to talk" are one name.
fn words(name: &str) -> String {
    fold(name)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A card's name, word for word (see [`words`]) and as it looks (see
/// [`seen_words`]), each padded with a space, worked out once a card.
struct CardName {
    words: String,
    seen: String,
}

impl CardName {
    fn of(name: &str) -> CardName {
        CardName {
            words: format!(" {} ", words(name)),
            seen: format!(" {} ", seen_words(name)),
        }
    }

    /// Whether it holds `line`'s whole name, word for word, or, for a
    /// line named in Latin letters, as it looks: "Pietа" with a Cyrillic
    /// а, "Píeta" with an accent, "Pıeta" with a dotless ı (Trudy: they
    /// came in as people, with any number, a few lines above the real
    /// Pieta on `now`).
    fn names_line(&self, line: &str) -> bool {
        let exact = words(line);
        if exact.is_empty() {
            return false;
        }
        if self.words.contains(&format!(" {exact} ")) {
            return true;
        }
        let seen = seen_words(line);
        bare(&fold(line)).is_ascii() && !seen.is_empty() && self.seen.contains(&format!(" {seen} "))
    }
}

/// `phone` with its letters as a phone's keypad dials them ("HELP" is
/// 4357); `None` when it has none.
fn keypad(phone: &str) -> Option<String> {
    const KEYS: [&str; 8] = ["abc", "def", "ghi", "jkl", "mno", "pqrs", "tuv", "wxyz"];
    phone.chars().any(|c| c.is_ascii_alphabetic()).then(|| {
        phone
            .chars()
            .map(|c| {
                let lower = c.to_ascii_lowercase();
                KEYS.iter()
                    .position(|k| k.contains(lower))
                    .and_then(|at| char::from_digit(u32::try_from(at).unwrap_or(0) + 2, 10))
                    .filter(|_| c.is_ascii_alphabetic())
                    .unwrap_or(c)
            })
            .collect()
    })
}

/// Whether a card `name` with `phone` is named like a crisis line of the
/// plan (a built-in one of its country, or her own), or holds a word for
/// one; `None` when it is not, or holds no number (said elsewhere).
///
/// A card holding a checked number is that line, whichever form the
/// phone stored it in ("+353 1800 247 247", "1800-247-247"): never held
/// back as wrong. Named as a line (or two: Australia's "Lifeline" and
/// "Lifeline (text)"), any of their numbers is the line.
pub fn crisis_named(plan: &Plan, name: &str, phone: Option<&str>) -> Option<CrisisNamed> {
    let phone = phone?;
    let country = plan.country.as_deref();
    let lines = checked(plan);
    // "1-800-662-HELP" is SAMHSA's 1-800-662-4357 as printed: its letters
    // are read as a phone's keypad reads them. Safe to be generous here:
    // a card found to be a line is never added.
    let keyed = keypad(phone);
    let dials = |c: &&Checked| {
        c.numbers.iter().any(|n| {
            same_number(n, phone, country)
                || keyed.as_deref().is_some_and(|k| same_number(n, k, country))
        })
    };
    let card = CardName::of(name);
    let named: Vec<&Checked> = lines
        .iter()
        .filter(|c| c.name.as_deref().is_some_and(|l| card.names_line(l)))
        .collect();
    if named.is_empty() && !holds_crisis_word(name) {
        return None;
    }
    // The line it names, else any line it dials: "Samaritans · 999" is
    // the emergency number, and is said so, not called wrong.
    if let Some(line) = named
        .iter()
        .copied()
        .find(dials)
        .or_else(|| lines.iter().find(dials))
    {
        return Some(CrisisNamed::Same(line.what.clone()));
    }
    if let Some(line) = named.first() {
        return Some(CrisisNamed::NotChecked(Some(line.said())));
    }
    Some(if lines.iter().any(|c| c.name.is_some()) {
        CrisisNamed::NotChecked(None)
    } else {
        CrisisNamed::NothingChecked
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nz() -> Plan {
        Plan::new("Ana".into(), Some("NZ".into()))
    }

    /// Trudy: a line's own name in look-alike letters, with a stranger's
    /// number, came in as a person a few lines above the real line.
    #[test]
    fn a_line_named_in_look_alike_letters_is_held_back() {
        let plan = Plan::new("Ana".into(), Some("IE".into()));
        for name in [
            "Piet\u{430}",
            "\u{420}ieta",
            "Pi\u{301}eta",
            "P\u{131}eta",
            "Piet\u{3b1}",
            "G\u{430}rda",
        ] {
            assert!(
                matches!(
                    crisis_named(&plan, name, Some("+353 86 888 8888")),
                    Some(CrisisNamed::NotChecked(_))
                ),
                "{name}"
            );
        }
        assert_eq!(
            crisis_named(&plan, "Pi\u{301}eta", Some("1800 247 247")),
            Some(CrisisNamed::Same("the crisis line “Pieta”".into()))
        );
        // Real names that only share letters come in.
        for name in ["Pietro", "Peta Byrne", "Gardner"] {
            assert_eq!(
                crisis_named(&plan, name, Some("+353 86 888 8888")),
                None,
                "{name}"
            );
        }
    }

    #[test]
    fn a_crisis_word_with_another_number_is_not_checked() {
        let plan = nz();
        for name in ["Emergency", "Police", "警察", "Notruf"] {
            assert_eq!(
                crisis_named(&plan, name, Some("1900 666 666")),
                Some(CrisisNamed::NotChecked(None)),
                "{name}"
            );
        }
        assert_eq!(
            crisis_named(&plan, "Lifeline Aotearoa", Some("1900 666 666")),
            Some(CrisisNamed::NotChecked(Some(
                "“Lifeline Aotearoa”: 0800 543 354".into()
            )))
        );
        assert_eq!(
            crisis_named(&plan, "Emergency", Some("111")),
            Some(CrisisNamed::Same("your country's emergency number".into()))
        );
        assert_eq!(crisis_named(&plan, "Samuel", Some("1900 666 666")), None);
        assert_eq!(crisis_named(&plan, "Emergency", None), None);
    }
    /// Each country's calling code, and whether its numbers drop a
    /// leading 1 (North America) or 0 (a trunk prefix) after it.
    const CODES: &[(&str, &str)] = &[
        ("US", "1"),
        ("CA", "1"),
        ("GB", "44"),
        ("IE", "353"),
        ("AU", "61"),
        ("NZ", "64"),
        ("DE", "49"),
        ("FR", "33"),
        ("NL", "31"),
        ("IN", "91"),
        ("AT", "43"),
        ("CH", "41"),
        ("JP", "81"),
        ("KR", "82"),
        ("PL", "48"),
        ("PT", "351"),
        ("SE", "46"),
        ("SG", "65"),
        ("ZA", "27"),
        ("TW", "886"),
    ];

    /// `number` in the forms phones store it: as written, digits only,
    /// with dashes, and (all but short codes) with the country code (+CC,
    /// 00CC, a `tel:` address) and with the trunk 0 in brackets after it.
    fn forms(cc: &str, number: &str) -> Vec<String> {
        let code = CODES.iter().find(|(c, _)| *c == cc).unwrap().1;
        let digits: String = number.chars().filter(char::is_ascii_digit).collect();
        let national = match cc {
            "US" | "CA" => digits.strip_prefix('1').filter(|r| r.len() == 10),
            _ => digits.strip_prefix('0').filter(|r| r.len() >= 6),
        }
        .unwrap_or(&digits)
        .to_string();
        let mut all = vec![number.to_string(), digits.clone(), number.replace(' ', "-")];
        // A short code (000, 112, 1737) is never stored with a country
        // code: it can't be dialled from abroad.
        if national.len() >= 6 {
            all.push(format!("+{code} {national}"));
            all.push(format!("00{code}{national}"));
            all.push(format!("tel:+{code}-{national}"));
        }
        if digits.starts_with('0') && national != digits {
            all.push(format!("+{code} (0){national}"));
        }
        all
    }

    /// Trudy: Irish cards with the real numbers (Pieta on 1800 247 247,
    /// 112 and 999) were held back as wrong. Every country built in, every
    /// checked number, in every form a phone stores it, under the line's
    /// own name and under a word for one, is the line.
    #[test]
    fn every_checked_number_in_every_form_is_the_line() {
        for (cc, _) in crisis_lines::EMERGENCY {
            let plan = Plan::new("Ana".into(), Some((*cc).into()));
            let lines = crisis_lines::for_country(Some(cc)).unwrap();
            let mut named: Vec<(String, &str)> = lines
                .emergency_numbers()
                .into_iter()
                .map(|n| ("Emergency".to_string(), n))
                .collect();
            for line in &lines.lines {
                for n in line.call_numbers().into_iter().chain(line.text_number()) {
                    named.push((line.name.to_string(), n));
                    named.push((format!("{} helpline", line.name), n));
                    named.push(("Crisis line".to_string(), n));
                }
            }
            for (name, number) in named {
                for form in forms(cc, number) {
                    assert!(
                        matches!(
                            crisis_named(&plan, &name, Some(&form)),
                            Some(CrisisNamed::Same(_))
                        ),
                        "{cc}: {name} · {form} ({number})"
                    );
                }
            }
        }
    }

    #[test]
    fn real_numbers_say_which_line_they_are() {
        let plan = Plan::new("Aoife".into(), Some("IE".into()));
        let said = |name: &str, number: &str| crisis_named(&plan, name, Some(number));
        let same = |what: &str| Some(CrisisNamed::Same(what.into()));
        assert_eq!(
            said("Pieta House", "+353 1800 247 247"),
            same("the crisis line “Pieta”")
        );
        assert_eq!(
            said("Pieta", "1800-247-247"),
            same("the crisis line “Pieta”")
        );
        assert_eq!(
            said("Samaritans", "116123"),
            same("the crisis line “Samaritans”")
        );
        let us = Plan::new("Sam".into(), Some("US".into()));
        for printed in ["1-800-662-HELP", "+1 800 662 HELP", "800-662-help"] {
            assert_eq!(
                crisis_named(&us, "SAMHSA National Helpline", Some(printed)),
                Some(CrisisNamed::Same(
                    "the crisis line “SAMHSA National Helpline”".into()
                )),
                "{printed}"
            );
        }
        assert_eq!(
            crisis_named(&us, "SAMHSA National Helpline", Some("1-800-662-HELD")),
            Some(CrisisNamed::NotChecked(Some(
                "“SAMHSA National Helpline”: 1-800-662-4357".into()
            )))
        );
        for n in ["112", "999", "+353 112", "00353 999"] {
            assert_eq!(
                said("Emergency", n),
                same("your country's emergency number")
            );
        }
        // Named as one line with another's number: what it dials.
        assert_eq!(
            said("Samaritans", "999"),
            same("your country's emergency number")
        );
        assert_eq!(
            said("Pieta", "1800 247 248"),
            Some(CrisisNamed::NotChecked(Some(
                "“Pieta”: 1800 247 247".into()
            )))
        );
    }

    /// Words for police, ambulance and emergency in the countries built
    /// in and the languages testers wrote (Trudy: "Garda" came in as a
    /// friend).
    #[test]
    fn local_words_are_crisis_names_and_given_names_are_not() {
        let plan = Plan::new("Aoife".into(), Some("IE".into()));
        for name in [
            "Garda",
            "Gardaí",
            "Gardai Ballymun",
            "An Garda Síochána",
            "GARDA",
            "Otharcharr",
            "Polícia",
            "Policja",
            "Pogotowie ratunkowe",
            "Polisen",
            "SAMU",
            "Rettung",
            "Gendarmerie",
            "поліція",
            "Полиция",
            "Швидка допомога",
            "Скорая помощь",
            "משטרה",
            "מגן דוד אדום",
            "الشرطة",
            "إسعاف",
            "پولیس",
            "ریسکیو 1122",
            "ایمرجنسی",
            "पुलिस",
            "एम्बुलेंस",
            "आपातकालीन सेवा",
            "경찰서",
            "구급차",
            "긴급전화",
            "ตำรวจ",
            "รถพยาบาล",
            "สายด่วนสุขภาพจิต",
            "Công an phường 5",
            "CÔNG AN",
            "Cảnh sát 113",
            "Cấp cứu",
            "ፖሊስ",
            "ድንገተኛ",
            "生命線",
            "緊急",
        ] {
            assert_eq!(
                crisis_named(&plan, name, Some("1900 666 666")),
                Some(CrisisNamed::NotChecked(None)),
                "{name}"
            );
        }
        for friend in [
            "Edgardas",
            "Samuel",
            "Polissena",
            "Trần Công An",
            "Aoife",
            "Gardner",
        ] {
            assert_eq!(
                crisis_named(&plan, friend, Some("1900 666 666")),
                None,
                "{friend}"
            );
        }
    }

    /// Cards named like a line with look-alike letters (a zero for an O,
    /// a dotless ı, an accent typed as a combining mark, Cyrillic letters)
    /// are read as they look; real names with a 0 or look-alike letters
    /// in them are not.
    #[test]
    fn crisis_words_in_look_alike_letters_are_crisis_names() {
        let plan = nz();
        for name in [
            "P0lice",
            "Pol\u{131}ce",
            "E\u{301}mergency",
            "\u{c9}MERGENCY",
            "He1pline",
            "P\u{43e}lice",
            "\u{421}risis line",
            "P0LIS",
            "Ernergency",
        ] {
            assert_eq!(
                crisis_named(&plan, name, Some("1900 666 666")),
                Some(CrisisNamed::NotChecked(None)),
                "{name}"
            );
        }
        for friend in [
            "Paul 0'Neil",
            "Polissena",
            "Samuel",
            "Edgardas",
            "Trần Công An",
            "Jo 1",
            "R2D2",
            "Po 1ice",
        ] {
            assert_eq!(
                crisis_named(&plan, friend, Some("1900 666 666")),
                None,
                "{friend}"
            );
        }
    }

    /// In Thailand no line is built in: nothing to check a card against.
    #[test]
    fn with_no_line_to_check_against_it_says_so() {
        let mut plan = Plan::new("Niran".into(), Some("TH".into()));
        assert_eq!(
            crisis_named(&plan, "Lifeline", Some("1323")),
            Some(CrisisNamed::NothingChecked)
        );
        plan.country = None;
        assert_eq!(
            crisis_named(&plan, "Police", Some("191")),
            Some(CrisisNamed::NothingChecked)
        );
    }
}
