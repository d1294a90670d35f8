//! Who a step names: whether the person's own words in a crisis step, a
//! lapse-plan step or a coping step name someone she marked "do not
//! involve". Never a rule that blocks her words (she may mean "don't call
//! Dermot"), only something to say gently, and for the therapist to see.

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
    named(plan, text)
        .into_iter()
        .filter(|c| !c.to_involve())
        .collect()
}

/// Every contact whom `text` names, in the plan's order, each once: the
/// card keeps the people her crisis steps tell her to call.
pub fn named<'p>(plan: &'p Plan, text: &str) -> Vec<&'p Contact> {
    // Letters folded as names are compared ([`super::same::fold_letters`]):
    // "زنگ به نيما" names her نیما, whichever keyboard wrote the yeh.
    let text = super::same::fold_letters(text);
    plan.contacts
        .iter()
        .filter(|c| names_of(&c.name).iter().any(|name| names(&text, name)))
        .collect()
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
    sections
        .chain(coping)
        .filter_map(|(place, text)| {
            let named = not_to_involve(plan, text);
            (!named.is_empty()).then(|| Mention {
                place,
                text,
                names: named.iter().map(|c| c.name.as_str()).collect(),
            })
        })
        .collect()
}

/// The digits of each number written in `text`, as ASCII: a run of
/// digits of any script (`٠١٢`, `０１２`) with at most two spaces, dashes,
/// dots, slashes, brackets or a plus between them. Runs of fewer than six
/// digits (a time, a count) are not phone numbers and are left out.
pub fn numbers_in(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut digits = String::new();
    let mut gap = 0;
    for c in text.chars() {
        if let Some(d) = super::typed::digit_value(c) {
            digits.push(char::from_digit(d, 10).unwrap_or('0'));
            gap = 0;
        } else if matches!(c, ' ' | '\u{a0}' | '-' | '.' | '/' | '(' | ')' | '+') && gap < 2 {
            gap += 1;
        } else {
            found.push(std::mem::take(&mut digits));
            gap = 0;
        }
    }
    found.push(digits);
    found.retain(|d| d.len() >= 6);
    found
}

/// Whether two numbers (their digits) dial the same person: the same
/// digits, or the same once a leading 0 and a country code are set aside
/// (`07700 900123` and `+44 7700 900123`).
pub fn same_number(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim_start_matches('0'), b.trim_start_matches('0'));
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

/// The person a step names whose saved number is not the number the step
/// holds: the step names exactly one person with a number, holds a number,
/// and none of its numbers is theirs or anyone else's in the plan (Sam's
/// old number left in "Call Sam on …" after it changed). `None` otherwise.
pub fn other_number<'p>(plan: &'p Plan, text: &str) -> Option<&'p Contact> {
    let held = numbers_in(text);
    if held.is_empty() {
        return None;
    }
    // Folded as names are ([`super::same::fold_letters`]): "آرش" in her
    // step is the "آرش" saved, whose alef with madda folds to alef.
    let lower = super::same::fold_letters(text);
    let mut named = plan.contacts.iter().filter(|c| {
        c.to_involve()
            && c.phone.is_some()
            && names_of(&c.name).iter().any(|name| names(&lower, name))
    });
    let contact = named.next()?;
    if named.next().is_some() {
        return None;
    }
    // Any number the plan or the crisis lines know is someone's: "if Alex
    // doesn't answer, call the Samaritans on 116 123" is not Alex's number
    // gone stale.
    let own = &plan.own_lines;
    let lines = crate::crisis_lines::LINES
        .iter()
        .flat_map(|line| line.call_numbers().into_iter().chain(line.text_number()));
    let known: Vec<String> = plan
        .contacts
        .iter()
        .filter_map(|c| c.phone.as_deref())
        .chain(own.emergency.as_deref())
        .chain(
            own.lines
                .iter()
                .flat_map(|l| l.call.as_deref().into_iter().chain(l.text.as_deref())),
        )
        .chain(lines)
        .flat_map(numbers_in)
        .collect();
    let stray = held
        .iter()
        .all(|n| !known.iter().any(|k| same_number(n, k)));
    stray.then_some(contact)
}

/// The names a person may call someone by, lower-case: the name as she
/// gave it, and its first word when it has more than one ("Dermot" of
/// "Dermot Byrne", "Dermot (ex)").
fn names_of(name: &str) -> Vec<String> {
    let name = super::same::fold_letters(name.trim());
    let mut names = Vec::new();
    if name.chars().any(char::is_alphanumeric) {
        names.push(name.clone());
    }
    let mut words = name.split_whitespace();
    if let (Some(first), Some(_)) = (words.next(), words.next()) {
        let first = first.trim_matches(|c: char| !c.is_alphanumeric());
        if first.chars().count() >= 2 {
            names.push(first.to_string());
        }
    }
    names
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
        edge(before, first) && edge(after, last)
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
            ["201012345678"]
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
}
