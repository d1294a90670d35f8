//! What changed between two plans, as typed changes: an entry added or
//! removed, a field changed, a sentence added, edited, removed or moved.
//! Homework and review read the types; `Display` gives the words people
//! read (`trigger payday: likelihood 3 → 4`, `added contact alex`). Fields
//! are compared through their TOML form, so a field added to a struct is
//! covered without touching this file.

use std::fmt;

use serde::{Deserialize, Serialize};
use toml::{Table, Value};

use super::edit::{Entity, Entry};
use super::parse::to_table;
use super::{Plan, Section};

/// What a field belongs to: the plan itself (name, country, where it is
/// kept), its review dates, the person's own numbers, a crisis step's
/// follow-through (the change names the step by `position` and its words
/// in `id`), or one entry (with the entry's id in the change).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Of {
    Plan,
    Review,
    OwnLines,
    CrisisStep,
    Trigger,
    Coping,
    Contact,
    /// The check-in settings (`[check_in]`).
    CheckIn,
    /// The early-warning rule (`[early_warning]`).
    EarlyWarning,
}

impl Of {
    /// The entry kind, when the field belongs to an entry.
    pub fn entry(self) -> Option<Entry> {
        match self {
            Of::Plan
            | Of::Review
            | Of::OwnLines
            | Of::CrisisStep
            | Of::CheckIn
            | Of::EarlyWarning => None,
            Of::Trigger => Some(Entry::Trigger),
            Of::Coping => Some(Entry::Coping),
            Of::Contact => Some(Entry::Contact),
        }
    }
}

impl From<Entry> for Of {
    fn from(entry: Entry) -> Of {
        match entry {
            Entry::Trigger => Of::Trigger,
            Entry::Coping => Of::Coping,
            Entry::Contact => Of::Contact,
        }
    }
}

/// One change from one plan to the next. Stored in hand-ins (version 3 on;
/// `Renamed` from version 4), so a variant's fields are part of that file
/// format.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "kebab-case", deny_unknown_fields)]
pub enum Change {
    /// An entry with an id came in; `name` is its situation or name.
    Added {
        entry: Entry,
        id: String,
        name: String,
    },
    /// An entry with an id went.
    Removed {
        entry: Entry,
        id: String,
        name: String,
    },
    /// An entry was given a new id (`--new-id`); `name` is its situation or
    /// name. Links to it moved with it, so they are no change of their own;
    /// anything else changed at the same time follows as `Field`s.
    Renamed {
        entry: Entry,
        from: String,
        to: String,
        name: String,
    },
    /// A value changed; `None` is "not set". `id` names the entry, when
    /// the field is an entry's.
    Field {
        of: Of,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        id: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        position: Option<usize>,
        field: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        old: Option<Value>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        new: Option<Value>,
    },
    /// A list of values (thoughts, steps, links) gained or lost some, or
    /// only changed order (both lists empty).
    List {
        of: Of,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        id: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        position: Option<usize>,
        field: String,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        added: Vec<Value>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        removed: Vec<Value>,
    },
    /// A sentence came into a list section.
    ItemAdded { section: Section, text: String },
    /// A sentence left a list section.
    ItemRemoved { section: Section, text: String },
    /// The sentence at `position` (from 1) was rewritten.
    ItemEdited {
        section: Section,
        position: usize,
        old: String,
        new: String,
    },
    /// The same sentences, in another order.
    Reordered { section: Section },
    /// A change from a hand-in written before changes were typed (version
    /// 2 and older): the sentence as it was written, shown as it was.
    Words { words: String },
}

impl Change {
    /// The entry this change is about, and its id, when it is about one.
    pub fn entry(&self) -> Option<(Entry, &str)> {
        match self {
            Change::Added { entry, id, .. }
            | Change::Removed { entry, id, .. }
            | Change::Renamed { entry, to: id, .. } => Some((*entry, id)),
            Change::Field { of, id, .. } | Change::List { of, id, .. } => {
                Some((of.entry()?, id.as_deref()?))
            }
            _ => None,
        }
    }

    /// The list section this change is in, when it is in one.
    pub fn section(&self) -> Option<Section> {
        match self {
            Change::ItemAdded { section, .. }
            | Change::ItemRemoved { section, .. }
            | Change::ItemEdited { section, .. }
            | Change::Reordered { section } => Some(*section),
            _ => None,
        }
    }
}

/// The words people read, as change notes and reviews have always shown
/// them. Nothing reads these words back: homework and review read the
/// types, so rewording a line here changes only what is shown.
impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            // The person's words (a situation, a name), never the id.
            Change::Added { entry, id, name } => {
                write!(f, "added {} “{}”", entry.noun(), words_or(name, id))
            }
            Change::Removed { entry, id, name } => {
                write!(f, "removed {} “{}”", entry.noun(), words_or(name, id))
            }
            Change::Renamed {
                entry, from, to, ..
            } => write!(f, "renamed {} {from} to {to}", entry.noun()),
            Change::Field {
                of,
                id,
                position,
                field,
                old,
                new,
            } => {
                if *of == Of::Plan {
                    write!(f, "{}:", field_words(field))?;
                } else {
                    write!(
                        f,
                        "{}: {}",
                        label(*of, id.as_deref(), *position),
                        field_words(field)
                    )?;
                }
                if let (Some(Value::String(o)), Some(Value::String(n))) = (old, new)
                    && super::same::same_text(o, n)
                {
                    return write!(f, " {}, {RETYPED}", value_words(field, new.as_ref()));
                }
                // `{:#}`: in words alone, for `--plain`.
                let (from, to) = if f.alternate() {
                    (" from ", " to ")
                } else {
                    (" ", " → ")
                };
                write!(
                    f,
                    "{from}{}{to}{}",
                    value_words(field, old.as_ref()),
                    value_words(field, new.as_ref())
                )
            }
            Change::List {
                of,
                id,
                position,
                field,
                added,
                removed,
            } => {
                let mut parts: Vec<String> = added
                    .iter()
                    .map(|v| format!("added {}", value_words(field, Some(v))))
                    .collect();
                parts.extend(
                    removed
                        .iter()
                        .map(|v| format!("removed {}", value_words(field, Some(v)))),
                );
                if parts.is_empty() {
                    parts.push("reordered".into());
                }
                write!(
                    f,
                    "{}: {} {}",
                    label(*of, id.as_deref(), *position),
                    field_words(field),
                    parts.join(", ")
                )
            }
            Change::ItemAdded { section, text } => {
                write!(f, "added {} “{text}”", section.item_name())
            }
            Change::ItemRemoved { section, text } => {
                write!(f, "removed {} “{text}”", section.item_name())
            }
            Change::ItemEdited {
                section,
                position,
                old,
                new,
            } => item_edited(f, *section, *position, (old, new)),
            Change::Reordered { section } => {
                write!(f, "{} reordered", section.title().to_lowercase())
            }
            Change::Words { words } => f.write_str(words),
        }
    }
}

/// "crisis step 2: “old” → “new”" (`{:#}`: "from “old” to “new”").
fn item_edited(
    f: &mut fmt::Formatter<'_>,
    section: Section,
    position: usize,
    (old, new): (&str, &str),
) -> fmt::Result {
    let item = section.item_name();
    if super::same::same_text(old, new) {
        write!(f, "{item} {position}: “{new}”, {RETYPED}")
    } else if f.alternate() {
        write!(f, "{item} {position}: from “{old}” to “{new}”")
    } else {
        write!(f, "{item} {position}: “{old}” → “{new}”")
    }
}

/// Said of words saved again with their accents stored another way
/// (composed or as separate marks): they show the same, and "“Hồng” →
/// “Hồng”" would puzzle (Linh).
const RETYPED: &str = "the same words, typed another way";

/// An entry's words, or its id where it has none (a hand-in from an
/// older version).
fn words_or<'a>(name: &'a str, id: &'a str) -> &'a str {
    if name.trim().is_empty() { id } else { name }
}

/// What a field's owner is called in a change line: `review`, `trigger
/// payday`, `crisis step 2 "Call Alex"`.
fn label(of: Of, id: Option<&str>, position: Option<usize>) -> String {
    let id = id.unwrap_or_default();
    match of {
        Of::Plan => "plan".into(),
        Of::Review => "review".into(),
        Of::OwnLines => "own numbers".into(),
        Of::CheckIn => "check-in".into(),
        Of::EarlyWarning => "early warning".into(),
        Of::CrisisStep => format!("crisis step {} “{id}”", position.unwrap_or_default()),
        Of::Trigger | Of::Coping | Of::Contact => {
            let noun = of.entry().map_or("", Entry::noun);
            format!("{noun} {id}")
        }
    }
}

/// A field's name as people read it: `follow-through`, `what could get in
/// the way`, never `in_the_way`.
pub fn field_words(field: &str) -> String {
    match field {
        "follow_through" => "follow-through".into(),
        "likely" => "how likely".into(),
        "in_the_way" => "what could get in the way".into(),
        "answer" => "your answer".into(),
        "emergency" => "emergency number".into(),
        "emergency_source" => "where the emergency number is from".into(),
        "lines" => "crisis lines".into(),
        other => other.replace('_', " "),
    }
}

/// A field's value as people read it: a role, category or kind in words
/// (`not to involve`, not `"do-not-involve"`), a country by name, a date
/// written out, a percentage with its sign, a follow-through as its
/// parts; anything else as [`show`] gives it.
pub fn value_words(field: &str, value: Option<&Value>) -> String {
    use super::{Category, CopingKind, Role};
    let Some(value) = value else {
        // A category left out was never chosen: say so, never "other".
        return if field == "category" {
            "not chosen".into()
        } else {
            show(None)
        };
    };
    match (field, value) {
        // Screens say a role with `render::role_words` (see
        // `render::changes`); this is the plain fallback.
        ("role", Value::String(s)) => s
            .parse::<Role>()
            .map_or_else(|_| show(Some(value)), |r| r.key().replace('-', " ")),
        ("category", Value::String(s)) => s
            .parse::<Category>()
            .map_or_else(|_| show(Some(value)), Category::words),
        ("kind", Value::String(s)) => s
            .parse::<CopingKind>()
            .map_or_else(|_| show(Some(value)), |k| k.key().replace('-', " ")),
        ("country", Value::String(code)) => {
            super::country::name(code).map_or_else(|| show(Some(value)), str::to_string)
        }
        ("likely" | "confidence", Value::Integer(n)) => format!("{n} %"),
        // One of the person's own crisis lines: its name, then how to reach it.
        ("lines", Value::Table(line)) => own_line_words(line),
        (_, Value::Datetime(d)) if super::date::is_date_only(d) => d
            .date
            .map_or_else(|| show(Some(value)), super::date::long_date),
        (_, Value::Table(table)) if !table.is_empty() => table
            .iter()
            .map(|(k, v)| format!("{} {}", field_words(k), value_words(k, Some(v))))
            .collect::<Vec<_>>()
            .join(", "),
        _ => show(Some(value)),
    }
}

/// A crisis line the person added, as they would say it:
/// `“ער"ן” (call 1201, from the council website)`.
fn own_line_words(line: &Table) -> String {
    let text = |key: &str| line.get(key).and_then(Value::as_str);
    let mut ways = Vec::new();
    for (key, verb) in [("call", "call"), ("text", "text"), ("source", "from")] {
        if let Some(value) = text(key) {
            ways.push(format!("{verb} {value}"));
        }
    }
    let name = format!("“{}”", text("name").unwrap_or_default());
    if ways.is_empty() {
        name
    } else {
        format!("{name} ({})", ways.join(", "))
    }
}

/// Shows a value in words: text in the curly quotes every screen puts
/// the person's words in (one rule), an empty text as not set.
pub fn show(value: Option<&Value>) -> String {
    match value {
        Some(Value::String(s)) if s.is_empty() => "(not set)".into(),
        Some(Value::String(s)) => format!("“{s}”"),
        Some(Value::Table(t)) if t.is_empty() => "(not set)".into(),
        None => "(not set)".into(),
        Some(other) => other.to_string(),
    }
}

/// Every change from `old` to `new`, in plan order.
pub fn diff(old: &Plan, new: &Plan) -> Vec<Change> {
    let mut changes = Vec::new();
    scalar(
        &mut changes,
        "name",
        Some(Value::from(old.name.clone())),
        Some(Value::from(new.name.clone())),
    );
    scalar(
        &mut changes,
        "country",
        old.country.clone().map(Value::from),
        new.country.clone().map(Value::from),
    );
    for section in [Section::Reasons, Section::WarningSigns] {
        text_section(&mut changes, section, old, new);
    }
    let coping = renames(&old.coping, &new.coping, |c| (&c.id, &c.name));
    let contacts = renames(&old.contacts, &new.contacts, |c| (&c.id, &c.name));
    // A trigger's links moved with a rename: compared as if they always
    // had the new ids, so only a real change of link shows.
    let mut before = old.triggers.clone();
    for trigger in &mut before {
        follow(&mut trigger.coping, &old.coping, &new.coping, &coping);
        follow(
            &mut trigger.contacts,
            &old.contacts,
            &new.contacts,
            &contacts,
        );
    }
    keyed(
        &mut changes,
        Entry::Trigger,
        (&before, &new.triggers),
        &renames(&before, &new.triggers, |t| (&t.id, &t.situation)),
        |t| (&t.id, &t.situation),
    );
    keyed(
        &mut changes,
        Entry::Coping,
        (&old.coping, &new.coping),
        &coping,
        |c| (&c.id, &c.name),
    );
    keyed(
        &mut changes,
        Entry::Contact,
        (&old.contacts, &new.contacts),
        &contacts,
        |c| (&c.id, &c.name),
    );
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
        (Of::Review, None, None),
        &to_table(&old.review),
        &to_table(&new.review),
    );
    scalar(
        &mut changes,
        "kept_at",
        old.kept_at.clone().map(Value::from),
        new.kept_at.clone().map(Value::from),
    );
    fields(
        &mut changes,
        (Of::OwnLines, None, None),
        &to_table(&old.own_lines),
        &to_table(&new.own_lines),
    );
    fields(
        &mut changes,
        (Of::CheckIn, None, None),
        &to_table(&old.check_in),
        &to_table(&new.check_in),
    );
    fields(
        &mut changes,
        (Of::EarlyWarning, None, None),
        &to_table(&old.early_warning),
        &to_table(&new.early_warning),
    );
    follow_through(&mut changes, old, new);
    if changes.is_empty() {
        anything_else(&mut changes, old, new);
    }
    changes
}

/// A safety net: a part of the file the lines above do not know yet (a
/// table added later) is still named, so a real change never reads as
/// "no changes".
fn anything_else(changes: &mut Vec<Change>, old: &Plan, new: &Plan) {
    const BOOKKEEPING: [&str; 4] = ["schema_version", "revision", "saved_at", "change_note"];
    let without = |plan: &Plan| {
        let mut table = to_table(plan);
        for key in BOOKKEEPING {
            table.remove(key);
        }
        table
    };
    fields(
        changes,
        (Of::Plan, None, None),
        &without(old),
        &without(new),
    );
}

/// A crisis step's follow-through, by step, when its words stayed the same
/// (a changed sentence already reads as a change).
fn follow_through(changes: &mut Vec<Change>, old: &Plan, new: &Plan) {
    for (n, (o, w)) in old.crisis_steps.iter().zip(&new.crisis_steps).enumerate() {
        if o.text == w.text && o.follow_through != w.follow_through {
            fields(
                changes,
                (Of::CrisisStep, Some(&w.text), Some(n + 1)),
                &to_table(&o.follow_through),
                &to_table(&w.follow_through),
            );
        }
    }
}

fn scalar(changes: &mut Vec<Change>, field: &str, old: Option<Value>, new: Option<Value>) {
    if old != new {
        changes.push(Change::Field {
            of: Of::Plan,
            id: None,
            position: None,
            field: field.into(),
            old,
            new,
        });
    }
}

/// An ordered list of sentences: edits in place, additions, removals, reordering.
fn text_section(changes: &mut Vec<Change>, section: Section, old: &Plan, new: &Plan) {
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
            changes.push(Change::ItemEdited {
                section,
                position: i + 1,
                old: (*o).to_string(),
                new: (*n).to_string(),
            });
            removed.remove(r);
            added.remove(a);
        }
    }
    changes.extend(removed.iter().map(|t| Change::ItemRemoved {
        section,
        text: (*t).to_string(),
    }));
    changes.extend(added.iter().map(|t| Change::ItemAdded {
        section,
        text: (*t).to_string(),
    }));
    if minus(&old, &removed_all) != minus(&new, &added_all) {
        changes.push(Change::Reordered { section });
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

/// Entries that left under one id while another came in under a new one,
/// holding the same words (situation or name), or the same everything but
/// the id: a rename, as `old` index → `new` index.
fn renames<T: serde::Serialize>(
    old: &[T],
    new: &[T],
    key: impl Fn(&T) -> (&String, &String),
) -> Vec<(usize, usize)> {
    let gone: Vec<usize> = (0..old.len())
        .filter(|&o| !new.iter().any(|n| key(n).0 == key(&old[o]).0))
        .collect();
    let mut came: Vec<usize> = (0..new.len())
        .filter(|&n| !old.iter().any(|o| key(o).0 == key(&new[n]).0))
        .collect();
    if gone.is_empty() || came.is_empty() {
        return Vec::new();
    }
    let mut pairs = Vec::new();
    for o in gone {
        let same = |n: &usize| {
            super::same::same_text(key(&old[o]).1, key(&new[*n]).1)
                || without_id(&old[o]) == without_id(&new[*n])
        };
        if let Some(at) = came.iter().position(same) {
            pairs.push((o, came.remove(at)));
        }
    }
    pairs
}

/// An entry's fields, all but its id.
fn without_id(entry: &impl serde::Serialize) -> Table {
    let mut table = to_table(entry);
    table.remove("id");
    table
}

/// `links` with each renamed id (`pairs` from `old` to `new`) as it is now.
fn follow<T: Entity>(links: &mut [String], old: &[T], new: &[T], pairs: &[(usize, usize)]) {
    for &(o, n) in pairs {
        for link in links.iter_mut().filter(|l| *l == old[o].id()) {
            *link = new[n].id().to_string();
        }
    }
}

/// Items with ids: matched by id (or as renamed, `pairs`), then compared
/// field by field. `key` gives an item's id and its words (situation or
/// name).
fn keyed<T: serde::Serialize>(
    changes: &mut Vec<Change>,
    entry: Entry,
    (old, new): (&[T], &[T]),
    pairs: &[(usize, usize)],
    key: impl Fn(&T) -> (&String, &String),
) {
    for (i, o) in old.iter().enumerate() {
        if !new.iter().any(|n| key(n).0 == key(o).0) && !pairs.iter().any(|p| p.0 == i) {
            let (id, name) = key(o);
            changes.push(Change::Removed {
                entry,
                id: id.clone(),
                name: name.clone(),
            });
        }
    }
    for (i, n) in new.iter().enumerate() {
        let renamed = pairs.iter().find(|p| p.1 == i).map(|p| &old[p.0]);
        if let Some(o) = renamed {
            changes.push(Change::Renamed {
                entry,
                from: key(o).0.clone(),
                to: key(n).0.clone(),
                name: key(n).1.clone(),
            });
        }
        match renamed.or_else(|| old.iter().find(|o| key(o).0 == key(n).0)) {
            None => {
                let (id, name) = key(n);
                changes.push(Change::Added {
                    entry,
                    id: id.clone(),
                    name: name.clone(),
                });
            }
            Some(o) => fields(
                changes,
                (entry.into(), Some(key(n).0), None),
                &without_id(o),
                &without_id(n),
            ),
        }
    }
}

/// Field-level changes between two tables; lists say what was added and
/// removed rather than carrying both lists.
/// `owner`: what the fields belong to, the entry's id or step's words, and
/// the step's position.
fn fields(
    changes: &mut Vec<Change>,
    owner: (Of, Option<&String>, Option<usize>),
    old: &Table,
    new: &Table,
) {
    let (of, id, position) = owner;
    let mut keys: Vec<&String> = old.keys().collect();
    keys.extend(new.keys().filter(|k| !old.contains_key(*k)));
    for key in keys {
        let (o, n) = (old.get(key), new.get(key));
        if o == n {
            continue;
        }
        // A list that was empty is left out of the file, so "not set" on
        // one side is an empty list: read as items added or removed, never
        // as a list written out in TOML.
        let empty = Value::Array(Vec::new());
        let (o, n) = match (o, n) {
            (None, Some(Value::Array(_))) => (Some(&empty), n),
            (Some(Value::Array(_)), None) => (o, Some(&empty)),
            other => other,
        };
        let change = match (o, n) {
            (Some(Value::Array(o)), Some(Value::Array(n))) => Change::List {
                of,
                id: id.cloned(),
                position,
                field: key.clone(),
                added: n.iter().filter(|v| !o.contains(v)).cloned().collect(),
                removed: o.iter().filter(|v| !n.contains(v)).cloned().collect(),
            },
            _ => Change::Field {
                of,
                id: id.cloned(),
                position,
                field: key.clone(),
                old: o.cloned(),
                new: n.cloned(),
            },
        };
        changes.push(change);
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

    fn words(changes: &[Change]) -> Vec<String> {
        changes.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn check_in_and_early_warning_settings_are_changes() {
        let old = base();
        let mut new = base();
        new.check_in.count_days = true;
        let words =
            |changes: Vec<Change>| changes.iter().map(ToString::to_string).collect::<Vec<_>>();
        assert_eq!(
            words(diff(&old, &new)),
            ["check-in: count days false → true"]
        );
        let mut new = base();
        new.early_warning.urge = 8;
        assert_eq!(words(diff(&old, &new)), ["early warning: urge 7 → 8"]);
    }

    #[test]
    fn identical_plans_have_no_changes() {
        assert!(diff(&base(), &base()).is_empty());
    }

    #[test]
    fn roles_kinds_categories_and_follow_through_read_as_words() {
        let mut old = base();
        old.contacts.push(Contact {
            id: "dave".into(),
            name: "Dave".into(),
            phone: None,
            role: Role::Help,
            reachable: None,
        });
        old.coping.push(crate::plan::Coping {
            id: "walk".into(),
            name: "Walk".into(),
            kind: crate::plan::CopingKind::Internal,
            steps: Vec::new(),
            follow_through: crate::plan::FollowThrough::default(),
        });
        let mut new = old.clone();
        new.contacts[0].role = Role::DoNotInvolve;
        new.coping[0].kind = crate::plan::CopingKind::Social;
        new.coping[0].follow_through.likely = Some(40);
        new.coping[0].follow_through.in_the_way = Some("下雨".into());
        new.triggers[0].category = Some(crate::plan::Category::SocialPressure);
        let shown = words(&diff(&old, &new)).join("\n");
        for line in [
            "trigger payday: category not chosen → social pressure",
            "coping strategy walk: kind internal → social",
            "coping strategy walk: follow-through (not set) → how likely 40 %, what could get in the way “下雨”",
            "contact dave: role help → do not involve",
        ] {
            assert!(shown.contains(line), "{line}\n{shown}");
        }
        assert!(
            !shown.contains("do-not-involve") && !shown.contains('{'),
            "{shown}"
        );
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
        });
        let changes = diff(&old, &new);
        assert_eq!(
            words(&changes),
            [
                "country: (not set) → United Kingdom",
                "trigger payday: thoughts added “Just one”",
                "trigger payday: likelihood 3 → 4",
                "added contact “Alex”",
            ]
        );
        assert_eq!(
            changes[3],
            Change::Added {
                entry: Entry::Contact,
                id: "alex".into(),
                name: "Alex".into()
            }
        );
        assert_eq!(changes[2].entry(), Some((Entry::Trigger, "payday")));
    }

    #[test]
    fn text_sections_show_edits_additions_and_order() {
        let old = base();
        let mut new = base();
        new.crisis_steps.reverse();
        assert_eq!(words(&diff(&old, &new)), ["crisis steps reordered"]);
        new.crisis_steps.reverse();
        new.crisis_steps[1].text = "Call Alex now".into();
        new.crisis_steps.push(TextItem::new("Call 999"));
        assert_eq!(
            words(&diff(&old, &new)),
            [
                "crisis step 2: “Call Alex” → “Call Alex now”",
                "added crisis step “Call 999”"
            ]
        );
    }

    #[test]
    fn a_repeated_sentence_counts_twice() {
        let old = base();
        let mut new = base();
        new.crisis_steps.push(TextItem::new("Leave"));
        assert_eq!(words(&diff(&old, &new)), ["added crisis step “Leave”"]);
        assert_eq!(words(&diff(&new, &old)), ["removed crisis step “Leave”"]);
    }

    /// A new id is a rename: not a removal and an addition, and the
    /// triggers' links that moved with it are no change of their own.
    #[test]
    fn a_new_id_is_a_rename() {
        let mut old = base();
        old.coping.push(crate::plan::Coping {
            id: "walk".into(),
            name: "A walk".into(),
            kind: crate::plan::CopingKind::default(),
            steps: Vec::new(),
            follow_through: crate::plan::FollowThrough::default(),
        });
        old.triggers[0].coping.push("walk".into());
        let mut new = old.clone();
        new.rename::<Trigger>("payday", "friday").unwrap();
        new.rename::<crate::plan::Coping>("walk", "walking")
            .unwrap();
        let changes = diff(&old, &new);
        assert_eq!(
            words(&changes),
            [
                "renamed trigger payday to friday",
                "renamed coping strategy walk to walking"
            ]
        );
        assert_eq!(changes[0].entry(), Some((Entry::Trigger, "friday")));
        // Renamed and changed at once: the rename, then what else changed.
        new.triggers[0].likelihood = Some(5);
        new.triggers[0].coping.push("run".into());
        assert_eq!(
            words(&diff(&old, &new)),
            [
                "renamed trigger payday to friday",
                "trigger friday: likelihood 3 → 5",
                "trigger friday: coping added “run”",
                "renamed coping strategy walk to walking"
            ]
        );
        // A new id and new words at once: nothing ties the two together.
        let mut new = old.clone();
        new.triggers[0].id = "pay".into();
        new.triggers[0].situation = "Pay day".into();
        assert_eq!(
            words(&diff(&old, &new)),
            ["removed trigger “Friday payday”", "added trigger “Pay day”"]
        );
        // A different entry in its place is not.
        let mut new = old.clone();
        new.triggers[0] = Trigger::new("row".into(), "A row".into());
        assert_eq!(
            words(&diff(&old, &new)),
            ["removed trigger “Friday payday”", "added trigger “A row”"]
        );
    }

    #[test]
    fn removals_are_named() {
        let old = base();
        let mut new = base();
        new.triggers.clear();
        new.review.next = Some("2027-01-15".parse().unwrap());
        assert_eq!(
            words(&diff(&old, &new)),
            [
                "removed trigger “Friday payday”",
                "review: next (not set) → 15 January 2027"
            ]
        );
    }

    #[test]
    fn schema_3_parts_are_named_in_words() {
        let old = base();
        let mut new = base();
        new.kept_at = Some("the blue folder".into());
        new.own_lines.emergency = Some("999".into());
        new.crisis_steps[0].follow_through.likely = Some(40);
        let changes = diff(&old, &new);
        assert_eq!(
            words(&changes),
            [
                "kept at: (not set) → “the blue folder”",
                "own numbers: emergency number (not set) → “999”",
                "crisis step 1 “Leave”: how likely (not set) → 40 %",
            ]
        );
    }

    /// Changes go into hand-ins: every kind, dates and numbers included,
    /// comes back from TOML as it went in.
    #[test]
    fn changes_round_trip_through_toml() {
        #[derive(Serialize, Deserialize)]
        struct Holder {
            changes: Vec<Change>,
        }
        let old = base();
        let mut new = base();
        new.name = "Sammy".into();
        new.triggers[0].likelihood = None;
        new.triggers[0].thoughts = vec!["Just one".into()];
        new.triggers
            .push(Trigger::new("row".into(), "A row".into()));
        new.crisis_steps = vec![TextItem::new("Leave"), TextItem::new("Walk")];
        new.safe_environment = vec![TextItem::new("Keys with Alex")];
        new.review.next = Some("2027-01-15".parse().unwrap());
        new.own_lines.lines.push(crate::plan::OwnLine {
            name: "Lifeline".into(),
            call: Some("13 11 14".into()),
            text: None,
            source: None,
        });
        new.crisis_steps[0].follow_through.in_the_way = Some("my phone is flat".into());
        let mut changes = diff(&old, &new);
        changes.push(Change::Renamed {
            entry: Entry::Contact,
            from: "alex".into(),
            to: "alex-m".into(),
            name: "Alex".into(),
        });
        changes.push(Change::Words {
            words: "added trigger old".into(),
        });
        assert!(changes.len() >= 7, "{changes:?}");
        let text = toml::to_string_pretty(&Holder {
            changes: changes.clone(),
        })
        .unwrap();
        let back: Holder = toml::from_str(&text).unwrap();
        assert_eq!(back.changes, changes, "{text}");
    }

    #[test]
    fn own_numbers_read_as_words_not_toml() {
        let old = base();
        let mut new = base();
        new.own_lines.emergency = Some("101".into());
        new.own_lines.lines.push(crate::plan::OwnLine {
            name: "ער\"ן".into(),
            call: Some("1201".into()),
            text: None,
            source: Some("האתר".into()),
        });
        let lines = words(&diff(&old, &new));
        assert!(
            lines.contains(&"own numbers: emergency number (not set) → “101”".to_string()),
            "{lines:?}"
        );
        assert!(
            lines.contains(
                &"own numbers: crisis lines added “ער\"ן” (call 1201, from האתר)".to_string()
            ),
            "{lines:?}"
        );
        assert!(
            lines.iter().all(|l| !l.contains('[') && !l.contains('{')),
            "{lines:?}"
        );
        // And taken away again: named, not printed as a list.
        let back = words(&diff(&new, &old));
        assert!(
            back.contains(
                &"own numbers: crisis lines removed “ער\"ן” (call 1201, from האתר)".to_string()
            ),
            "{back:?}"
        );
    }

    /// One kind of quote for the person's words, and an empty name read as
    /// not set, never `""` as it would be in the file.
    #[test]
    fn values_read_in_words_with_one_kind_of_quote() {
        assert_eq!(show(Some(&Value::String(String::new()))), "(not set)");
        assert_eq!(show(Some(&Value::String("Оксана".into()))), "“Оксана”");
    }
}
