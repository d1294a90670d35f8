//! Finding the supporter a copy of the plan is for, by their name as the
//! person types it ("Aoife" for "Aoife Ní Bhriain"), never only by id.

use super::{Contact, Plan};

/// Who `print --for NAME` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found<'a> {
    /// Exactly one person in the plan.
    One(&'a Contact),
    /// Nobody by that name; the names of the people it could be for.
    Nobody { people: Vec<String> },
    /// More than one person fits; their names, as written.
    Several(Vec<String>),
    /// Someone the person marked not to involve in a crisis.
    NotInvolved(&'a Contact),
}

/// Folded for matching: as every lookup by words is (see
/// [`super::same::words_key`]: lower case, accents however they were
/// typed), with punctuation as spaces (so "priya" finds "दीदी (Priya)").
/// Combining marks stay: they are part of the letters of many scripts.
fn fold(text: &str) -> String {
    let spaced: String = super::same::words_key(text)
        .chars()
        .map(|c| {
            let punctuation = c.is_ascii_punctuation()
                || matches!(
                    c,
                    '（' | '）' | '，' | '、' | '“' | '”' | '‘' | '’' | '«' | '»'
                );
            if punctuation { ' ' } else { c }
        })
        // A direction mark a keyboard put before a Hebrew or Arabic name
        // does not show, so it never keeps her from finding someone.
        .filter(|c| !super::phone::is_hidden(*c) || c.is_whitespace())
        .collect();
    let words: Vec<String> = spaced.split_whitespace().map(str::to_lowercase).collect();
    words.join(" ")
}

/// [`fold`], with accents and other scripts spelt in ASCII where they can
/// be, so "aoife ni" finds "Aoife Ní Bhriain".
fn ascii_fold(text: &str) -> String {
    fold(&deunicode::deunicode(text))
}

/// Whether `typed` is the whole name, or the start of it or of one of its
/// words.
fn fits(name: &str, typed: &str) -> bool {
    name == typed || name.starts_with(typed) || name.contains(&format!(" {typed}"))
}

/// The places in `names` that `typed` names, by the first of the ways
/// [`find`] tries that fits any: the whole name (as written, then without
/// accents), then the start of the name or of one of its words. Empty when
/// none fits. `contact edit` and `remove` find people this way too, so one
/// word of a name finds her everywhere.
pub fn fitting(names: &[&str], typed: &str) -> Vec<usize> {
    let typed_fold = fold(typed);
    let typed_ascii = ascii_fold(typed);
    if typed_fold.is_empty() {
        return Vec::new();
    }
    let passes: [&dyn Fn(&str) -> bool; 4] = [
        &|n| fold(n) == typed_fold,
        &|n| !typed_ascii.is_empty() && ascii_fold(n) == typed_ascii,
        &|n| fits(&fold(n), &typed_fold),
        &|n| !typed_ascii.is_empty() && fits(&ascii_fold(n), &typed_ascii),
    ];
    for pass in passes {
        let found: Vec<usize> = names
            .iter()
            .enumerate()
            .filter(|(_, n)| pass(n))
            .map(|(at, _)| at)
            .collect();
        if !found.is_empty() {
            return found;
        }
    }
    Vec::new()
}

/// Finds the contact `typed` names: the number `contact list` shows them
/// with, the whole name (as written, then without accents), then the id, then the start of the name or of one of
/// its words. Anyone marked "do not involve" is never picked; naming them
/// says so.
pub fn find<'a>(plan: &'a Plan, typed: &str) -> Found<'a> {
    let typed_fold = fold(typed);
    let typed_ascii = ascii_fold(typed);
    if typed_fold.is_empty() {
        return Found::Nobody {
            people: people(plan),
        };
    }
    // The number `contact list` shows her with, in any script's digits,
    // as `contact edit` takes it; a name that is that number wins.
    if let Ok(n) = super::typed::fold(typed.trim()).parse::<usize>()
        && (1..=plan.contacts.len()).contains(&n)
        && !plan.contacts.iter().any(|c| fold(&c.name) == typed_fold)
    {
        let contact = &plan.contacts[n - 1];
        return if contact.to_involve() {
            Found::One(contact)
        } else {
            Found::NotInvolved(contact)
        };
    }
    let passes: [&dyn Fn(&Contact) -> bool; 4] = [
        &|c| fold(&c.name) == typed_fold,
        &|c| ascii_fold(&c.name) == typed_ascii || c.id == typed.trim(),
        &|c| fits(&fold(&c.name), &typed_fold),
        &|c| !typed_ascii.is_empty() && fits(&ascii_fold(&c.name), &typed_ascii),
    ];
    for pass in passes {
        let matched: Vec<&Contact> = plan.contacts.iter().filter(|c| pass(c)).collect();
        let involved: Vec<&Contact> = matched.iter().copied().filter(|c| c.to_involve()).collect();
        match (involved.as_slice(), matched.as_slice()) {
            ([one], _) => return Found::One(one),
            ([], [one]) => return Found::NotInvolved(one),
            ([], []) => {}
            ([], _) => {
                // Only people marked "do not involve" fit: say so of the first.
                return Found::NotInvolved(matched[0]);
            }
            (several, _) => {
                return Found::Several(several.iter().map(|c| c.name.clone()).collect());
            }
        }
    }
    Found::Nobody {
        people: people(plan),
    }
}

/// The names of everyone a copy could be for, people who help first.
fn people(plan: &Plan) -> Vec<String> {
    let mut involved: Vec<&Contact> = plan.contacts.iter().filter(|c| c.to_involve()).collect();
    involved.sort_by_key(|c| c.role != super::Role::Help);
    involved.iter().map(|c| c.name.clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Role;

    fn contact(id: &str, name: &str, role: Role, dni: bool) -> Contact {
        Contact {
            id: id.into(),
            name: name.into(),
            phone: None,
            role: if dni { Role::DoNotInvolve } else { role },
            reachable: None,
        }
    }

    fn plan() -> Plan {
        let mut plan = Plan::new("Sam".into(), None);
        plan.contacts = vec![
            contact("aoife", "Aoife Ní Bhriain", Role::Help, false),
            contact("alex", "Alex (sponsor)", Role::Help, false),
            contact("dr-wang", "王医生 Dr Wang", Role::Professional, false),
            contact("omar", "Omar", Role::Distraction, true),
            contact("mum", "Mum", Role::Help, false),
        ];
        plan
    }

    fn one(found: Found<'_>) -> String {
        match found {
            Found::One(c) => c.id.clone(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn names_as_typed_find_one_person() {
        let plan = plan();
        assert_eq!(one(find(&plan, "Aoife")), "aoife");
        assert_eq!(one(find(&plan, "  aoife  ní bhriain ")), "aoife");
        assert_eq!(one(find(&plan, "Aoife Ni Bhriain")), "aoife");
        assert_eq!(one(find(&plan, "bhriain")), "aoife");
        assert_eq!(one(find(&plan, "王医生")), "dr-wang");
        assert_eq!(one(find(&plan, "wang")), "dr-wang");
        assert_eq!(one(find(&plan, "mum")), "mum");
        assert_eq!(one(find(&plan, "alex")), "alex");
        assert_eq!(one(find(&plan, "sponsor")), "alex");
        assert_eq!(one(find(&plan, "Alex (sponsor)")), "alex");
    }

    #[test]
    fn several_nobody_and_not_involved_are_told_apart() {
        let plan = plan();
        assert_eq!(
            find(&plan, "a"),
            Found::Several(vec!["Aoife Ní Bhriain".into(), "Alex (sponsor)".into()])
        );
        match find(&plan, "Zed") {
            Found::Nobody { people } => {
                assert_eq!(people[..3], ["Aoife Ní Bhriain", "Alex (sponsor)", "Mum"]);
                assert!(!people.iter().any(|p| p == "Omar"));
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(find(&plan, "omar"), Found::NotInvolved(c) if c.id == "omar"));
        assert!(matches!(find(&plan, ""), Found::Nobody { .. }));
    }
}
