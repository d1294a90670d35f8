//! What changed between two plans, in words: `trigger payday: likelihood 3 → 4`,
//! `added contact alex`. Fields are compared through their TOML form, so a
//! field added to a struct is covered without touching this file.

use toml::{Table, Value};

use super::parse::to_table;
use super::{Plan, Section};

/// Every change from `old` to `new`, one line each, in plan order.
pub fn diff(old: &Plan, new: &Plan) -> Vec<String> {
    let mut changes = Vec::new();
    scalar(
        &mut changes,
        "name",
        &Value::from(old.name.clone()),
        &Value::from(new.name.clone()),
    );
    scalar(
        &mut changes,
        "country",
        &opt(old.country.as_deref()),
        &opt(new.country.as_deref()),
    );
    for section in [Section::Reasons, Section::WarningSigns] {
        text_section(&mut changes, section, old, new);
    }
    keyed(&mut changes, "trigger", &old.triggers, &new.triggers, |t| {
        &t.id
    });
    keyed(
        &mut changes,
        "coping strategy",
        &old.coping,
        &new.coping,
        |c| &c.id,
    );
    keyed(&mut changes, "contact", &old.contacts, &new.contacts, |c| {
        &c.id
    });
    for section in [
        Section::CrisisSteps,
        Section::SafeEnvironment,
        Section::LapsePlan,
        Section::Maintenance,
    ]
    .into_iter()
    .chain(Section::FOR_SUPPORTERS)
    {
        text_section(&mut changes, section, old, new);
    }
    fields(
        &mut changes,
        "review",
        &to_table(&old.review),
        &to_table(&new.review),
    );
    scalar(
        &mut changes,
        "kept at",
        &opt(old.kept_at.as_deref()),
        &opt(new.kept_at.as_deref()),
    );
    fields(
        &mut changes,
        "own numbers",
        &to_table(&old.own_lines),
        &to_table(&new.own_lines),
    );
    follow_through(&mut changes, old, new);
    changes
}

/// A crisis step's follow-through, by step, when its words stayed the same
/// (a changed sentence already reads as a change).
fn follow_through(changes: &mut Vec<String>, old: &Plan, new: &Plan) {
    for (n, (o, w)) in old.crisis_steps.iter().zip(&new.crisis_steps).enumerate() {
        if o.text == w.text && o.follow_through != w.follow_through {
            fields(
                changes,
                &format!("crisis step {} \"{}\"", n + 1, w.text),
                &to_table(&o.follow_through),
                &to_table(&w.follow_through),
            );
        }
    }
}

fn opt(value: Option<&str>) -> Value {
    value.map_or_else(|| Value::Table(Table::new()), Value::from)
}

/// Shows a value as it would read in the file; an empty table stands for "not set".
fn show(value: &Value) -> String {
    match value {
        Value::String(s) => format!("\"{s}\""),
        Value::Table(t) if t.is_empty() => "(not set)".into(),
        other => other.to_string(),
    }
}

fn scalar(changes: &mut Vec<String>, label: &str, old: &Value, new: &Value) {
    if old != new {
        changes.push(format!("{label}: {} → {}", show(old), show(new)));
    }
}

/// An ordered list of sentences: edits in place, additions, removals, reordering.
fn text_section(changes: &mut Vec<String>, section: Section, old: &Plan, new: &Plan) {
    let old: Vec<&str> = old
        .section(section)
        .iter()
        .map(|i| i.text.as_str())
        .collect();
    let new: Vec<&str> = new
        .section(section)
        .iter()
        .map(|i| i.text.as_str())
        .collect();
    if old == new {
        return;
    }
    let name = section.item_name();
    // Differences as multisets, so a sentence written twice counts twice.
    let removed_all = minus(&old, &new);
    let added_all = minus(&new, &old);
    let (mut removed, mut added) = (removed_all.clone(), added_all.clone());
    // A sentence replaced at the same position reads best as an edit.
    for (i, (o, n)) in old.iter().zip(&new).enumerate() {
        if let (Some(r), Some(a)) = (
            removed.iter().position(|x| x == o),
            added.iter().position(|x| x == n),
        ) {
            changes.push(format!("{name} {}: \"{o}\" → \"{n}\"", i + 1));
            removed.remove(r);
            added.remove(a);
        }
    }
    changes.extend(removed.iter().map(|t| format!("removed {name} \"{t}\"")));
    changes.extend(added.iter().map(|t| format!("added {name} \"{t}\"")));
    if minus(&old, &removed_all) != minus(&new, &added_all) {
        changes.push(format!("{} reordered", section.title().to_lowercase()));
    }
}

/// `a` without one occurrence of each item of `b`, keeping `a`'s order. The
/// last occurrence goes, since a repeated sentence is most often appended.
fn minus<'a>(a: &[&'a str], b: &[&str]) -> Vec<&'a str> {
    let mut rest = a.to_vec();
    for item in b {
        if let Some(i) = rest.iter().rposition(|x| x == item) {
            rest.remove(i);
        }
    }
    rest
}

/// Items with ids: matched by id, then compared field by field.
fn keyed<T: serde::Serialize>(
    changes: &mut Vec<String>,
    what: &str,
    old: &[T],
    new: &[T],
    id: impl Fn(&T) -> &String,
) {
    for o in old {
        if !new.iter().any(|n| id(n) == id(o)) {
            changes.push(format!("removed {what} {}", id(o)));
        }
    }
    for n in new {
        match old.iter().find(|o| id(o) == id(n)) {
            None => changes.push(format!("added {what} {}", id(n))),
            Some(o) => fields(
                changes,
                &format!("{what} {}", id(n)),
                &to_table(o),
                &to_table(n),
            ),
        }
    }
}

/// Field-level changes between two tables; lists of strings say what was
/// added and removed rather than printing both lists.
fn fields(changes: &mut Vec<String>, label: &str, old: &Table, new: &Table) {
    let unset = Value::Table(Table::new());
    let mut keys: Vec<&String> = old.keys().collect();
    keys.extend(new.keys().filter(|k| !old.contains_key(*k)));
    for key in keys {
        let (o, n) = (
            old.get(key).unwrap_or(&unset),
            new.get(key).unwrap_or(&unset),
        );
        if o == n {
            continue;
        }
        match (o, n) {
            (Value::Array(o), Value::Array(n)) => {
                let mut parts = Vec::new();
                for value in n.iter().filter(|v| !o.contains(v)) {
                    parts.push(format!("added {}", show(value)));
                }
                for value in o.iter().filter(|v| !n.contains(v)) {
                    parts.push(format!("removed {}", show(value)));
                }
                if parts.is_empty() {
                    parts.push("reordered".into());
                }
                changes.push(format!("{label}: {key} {}", parts.join(", ")));
            }
            _ => changes.push(format!("{label}: {key} {} → {}", show(o), show(n))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Contact, Role, TextItem, Trigger};

    fn base() -> Plan {
        let mut plan = Plan::new("Sam".into(), None);
        let mut t = Trigger::new("payday".into(), "Friday payday".into());
        t.likelihood = Some(3);
        t.thoughts = vec!["I've earned it".into()];
        plan.triggers.push(t);
        plan.crisis_steps = vec![TextItem::new("Leave"), TextItem::new("Call Alex")];
        plan
    }

    #[test]
    fn identical_plans_have_no_changes() {
        assert!(diff(&base(), &base()).is_empty());
    }

    #[test]
    fn field_changes_are_named_in_words() {
        let old = base();
        let mut new = base();
        new.triggers[0].likelihood = Some(4);
        new.triggers[0].thoughts.push("Just one".into());
        new.country = Some("GB".into());
        new.contacts.push(Contact {
            id: "alex".into(),
            name: "Alex".into(),
            phone: None,
            role: Role::Help,
            reachable: None,
            do_not_involve: false,
        });
        assert_eq!(
            diff(&old, &new),
            [
                "country: (not set) → \"GB\"",
                "trigger payday: thoughts added \"Just one\"",
                "trigger payday: likelihood 3 → 4",
                "added contact alex",
            ]
        );
    }

    #[test]
    fn text_sections_show_edits_additions_and_order() {
        let old = base();
        let mut new = base();
        new.crisis_steps.reverse();
        assert_eq!(diff(&old, &new), ["crisis steps reordered"]);
        new.crisis_steps.reverse();
        new.crisis_steps[1].text = "Call Alex now".into();
        new.crisis_steps.push(TextItem::new("Call 999"));
        assert_eq!(
            diff(&old, &new),
            [
                "crisis step 2: \"Call Alex\" → \"Call Alex now\"",
                "added crisis step \"Call 999\""
            ]
        );
    }

    #[test]
    fn a_repeated_sentence_counts_twice() {
        let old = base();
        let mut new = base();
        new.crisis_steps.push(TextItem::new("Leave"));
        assert_eq!(diff(&old, &new), ["added crisis step \"Leave\""]);
        assert_eq!(diff(&new, &old), ["removed crisis step \"Leave\""]);
    }

    #[test]
    fn removals_are_named() {
        let old = base();
        let mut new = base();
        new.triggers.clear();
        new.review.next = Some("2027-01-15".parse().unwrap());
        assert_eq!(
            diff(&old, &new),
            [
                "removed trigger payday",
                "review: next (not set) → 2027-01-15"
            ]
        );
    }
}
