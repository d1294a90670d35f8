//! Whether a card from a file is named like a crisis line or an emergency
//! service, and whether its number is that line's checked number: a card
//! `Emergency · 1900 666 666` came in as a helper and `now` showed it
//! beside the checked 111 (Trudy, issue #12). Such a card is never a person
//! to call; with the checked number it is the line itself, already shown.

use super::Plan;
use super::same::{fold, same_number};
use crate::crisis_lines;

/// Words that name an emergency service or a crisis line, folded (see
/// [`fold`]), in the languages the project knows. Found anywhere in a
/// name: a card holding one is taken for a line, never for a friend. Kept
/// to words no one's given name holds ("samu" is in "Samuel").
const CRISIS_WORDS: &[&str] = &[
    // English
    "emergency",
    "police",
    "ambulance",
    "crisis",
    "lifeline",
    "helpline",
    "hotline",
    "samaritans",
    "suicide",
    // German, French, Dutch, Spanish, Italian, Portuguese
    "notruf",
    "polizei",
    "rettungsdienst",
    "krisendienst",
    "telefonseelsorge",
    "urgence",
    "pompiers",
    "politie",
    "noodnummer",
    "emergencia",
    "policía",
    "policia",
    "ambulancia",
    "emergenza",
    "polizia",
    "emergência",
    // Ukrainian, Russian
    "поліція",
    "полиция",
    "швидка",
    "скорая",
    "екстрен",
    "экстрен",
    // Persian, Arabic, Hebrew
    "اورژانس",
    "پلیس",
    "طوارئ",
    "شرطه",
    "شرطة",
    "اسعاف",
    "משטרה",
    "חירום",
    "אמבולנס",
    // Japanese, Chinese, Korean, Thai, Amharic
    "警察",
    "救急",
    "消防",
    "いのちの電話",
    "急救",
    "报警",
    "紧急",
    "응급",
    "경찰",
    "ตำรวจ",
    "ฉุกเฉิน",
    "ፖሊስ",
    "አምቡላንስ",
];

/// What a card named like a crisis line is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CrisisNamed {
    /// Its number is the checked number of the line it names: the line
    /// itself ("your country's emergency number"), already shown.
    Same(String),
    /// Its number is not: held back, never someone to call.
    NotChecked,
}

/// A line the plan shows, with its checked numbers.
struct Checked {
    /// In the words a person reads.
    what: String,
    /// The line's name, when it has one to be named by.
    name: Option<String>,
    numbers: Vec<String>,
}

/// Every number the plan shows as a line: its country's emergency number
/// and lines (`crate::crisis_lines`), and her own.
fn checked(plan: &Plan) -> Vec<Checked> {
    let mut all = Vec::new();
    if let Some(country) = crisis_lines::for_country(plan.country.as_deref()) {
        if let Some(number) = country.emergency {
            all.push(Checked {
                what: "your country's emergency number".into(),
                name: None,
                numbers: vec![number.into()],
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

/// Whether `name` holds `line`'s whole name, word for word.
fn names_line(name: &str, line: &str) -> bool {
    let (name, line) = (format!(" {} ", words(name)), words(line));
    !line.is_empty() && name.contains(&format!(" {line} "))
}

/// Whether a card `name` with `phone` is named like a crisis line of the
/// plan (a built-in one of its country, or her own), or holds a word for
/// one; `None` when it is not, or holds no number (said elsewhere).
pub fn crisis_named(plan: &Plan, name: &str, phone: Option<&str>) -> Option<CrisisNamed> {
    let phone = phone?;
    let country = plan.country.as_deref();
    let lines = checked(plan);
    let dials = |c: &Checked| c.numbers.iter().any(|n| same_number(n, phone, country));
    // Named as one line: only that line's number is the line.
    if let Some(line) = lines
        .iter()
        .find(|c| c.name.as_deref().is_some_and(|l| names_line(name, l)))
    {
        return Some(if dials(line) {
            CrisisNamed::Same(line.what.clone())
        } else {
            CrisisNamed::NotChecked
        });
    }
    let folded = fold(name);
    if !CRISIS_WORDS.iter().any(|w| folded.contains(&fold(w))) {
        return None;
    }
    Some(match lines.iter().find(|c| dials(c)) {
        Some(line) => CrisisNamed::Same(line.what.clone()),
        None => CrisisNamed::NotChecked,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nz() -> Plan {
        Plan::new("Ana".into(), Some("NZ".into()))
    }

    #[test]
    fn a_crisis_word_with_another_number_is_not_checked() {
        let plan = nz();
        for name in ["Emergency", "Police", "Lifeline Aotearoa", "警察", "Notruf"] {
            assert_eq!(
                crisis_named(&plan, name, Some("1900 666 666")),
                Some(CrisisNamed::NotChecked),
                "{name}"
            );
        }
        assert_eq!(
            crisis_named(&plan, "Emergency", Some("111")),
            Some(CrisisNamed::Same("your country's emergency number".into()))
        );
        assert_eq!(crisis_named(&plan, "Samuel", Some("1900 666 666")), None);
        assert_eq!(crisis_named(&plan, "Emergency", None), None);
    }
}
