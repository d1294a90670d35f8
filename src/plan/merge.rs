//! Bringing a walk-through's answers onto the plan as it is now. A draft is
//! made from one revision; by the time it is resumed or saved, commands (or
//! another walk-through) may have added crisis steps, people or triggers.
//! A three-way merge keeps both: what the walk-through changed, and what
//! the plan gained since. Where both changed the same answer differently,
//! the person is asked (see [`conflicts`]). Fields are merged through their
//! TOML form, so a field added to the plan is covered without touching this.

use std::collections::HashMap;

use toml::{Table, Value};

use super::Plan;
use super::parse::to_table;

/// Which of two differing answers to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The walk-through's answer.
    Here,
    /// The plan's answer as it is now.
    Now,
}

/// One answer changed both in the walk-through and in the plan since.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// What it is, in the person's words: `Alex: phone number`.
    pub what: String,
    /// The walk-through's answer, as shown.
    pub here: String,
    /// The plan's answer now, as shown.
    pub now: String,
}

/// The plan with both sides brought together.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    pub plan: Plan,
    /// What came from the plan since the draft was made, one line each:
    /// `added crisis step “Ring Máire”`.
    pub from_plan: Vec<String>,
}

/// Every answer changed on both sides, in plan order, to ask about.
pub fn conflicts(base: &Plan, here: &Plan, now: &Plan) -> Vec<Conflict> {
    let mut found = Vec::new();
    let mut merger = Merger {
        decide: &mut |c: Conflict| {
            found.push(c);
            Side::Here
        },
        from_plan: Vec::new(),
        entry: None,
    };
    merger.plan(base, here, now);
    found
}

/// `here`'s changes since `base` brought onto `now`. `decisions` answers
/// [`conflicts`], in its order (missing ones keep the walk-through's
/// answer). `None` only if the result could not be read back as a plan,
/// which taking whole values from three plans should never cause.
pub fn merge(base: &Plan, here: &Plan, now: &Plan, decisions: &[Side]) -> Option<Merged> {
    let mut decisions = decisions.iter().copied();
    let mut merger = Merger {
        decide: &mut |_| decisions.next().unwrap_or(Side::Here),
        from_plan: Vec::new(),
        entry: None,
    };
    let table = merger.plan(base, here, now);
    let mut from_plan = merger.from_plan;
    let mut plan: Plan = Value::Table(table).try_into().ok()?;
    plan.revision = now.revision;
    plan.saved_at = now.saved_at;
    plan.change_note.clone_from(&now.change_note);
    from_plan.extend(drop_dangling_links(&mut plan));
    let mut seen = std::collections::HashSet::new();
    from_plan.retain(|line| seen.insert(line.clone()));
    Some(Merged { plan, from_plan })
}

/// Links to people or coping strategies no longer in the plan (removed on
/// one side while linked on the other) would make the plan invalid: they
/// go, and the person is told.
fn drop_dangling_links(plan: &mut Plan) -> Vec<String> {
    let contacts: std::collections::HashSet<String> =
        plan.contacts.iter().map(|c| c.id.clone()).collect();
    let coping: std::collections::HashSet<String> =
        plan.coping.iter().map(|c| c.id.clone()).collect();
    let mut said = Vec::new();
    for trigger in &mut plan.triggers {
        let before = trigger.contacts.len() + trigger.coping.len();
        trigger.contacts.retain(|id| contacts.contains(id));
        trigger.coping.retain(|id| coping.contains(id));
        if trigger.contacts.len() + trigger.coping.len() < before {
            said.push(format!(
                "a link from trigger “{}” to someone or something no longer in your plan went",
                trigger.situation
            ));
        }
    }
    said
}

/// Keys that are the file's bookkeeping, not the person's answers.
const BOOKKEEPING: &[&str] = &["schema_version", "revision", "saved_at", "change_note"];

struct Merger<'a> {
    decide: &'a mut dyn FnMut(Conflict) -> Side,
    from_plan: Vec<String>,
    /// The entry being merged (`person “Alex”`), when inside one.
    entry: Option<String>,
}

impl Merger<'_> {
    fn plan(&mut self, base: &Plan, here: &Plan, now: &Plan) -> Table {
        let (base, here, now) = (to_table(base), to_table(here), to_table(now));
        let mut out = Table::new();
        for key in keys(&here, &now) {
            let value = if BOOKKEEPING.contains(&key.as_str()) {
                here.get(&key).cloned()
            } else {
                let (b, h, n) = (base.get(&key), here.get(&key), now.get(&key));
                match (h, n) {
                    (Some(Value::Array(h)), Some(Value::Array(n))) => {
                        let b = b.and_then(Value::as_array).map_or(&[][..], Vec::as_slice);
                        Some(Value::Array(self.array(&key, b, h, n)))
                    }
                    _ => self.value(&Place::Top(&key), b, h, n),
                }
            };
            if let Some(value) = value {
                out.insert(key, value);
            }
        }
        out
    }

    /// One value, three ways.
    fn value(
        &mut self,
        place: &Place,
        b: Option<&Value>,
        h: Option<&Value>,
        n: Option<&Value>,
    ) -> Option<Value> {
        if h == n || n == b {
            return h.cloned();
        }
        if h == b {
            self.took(place);
            return n.cloned();
        }
        match (h, n) {
            (Some(Value::Table(h)), Some(Value::Table(n))) => {
                let empty = Table::new();
                let b = b.and_then(Value::as_table).unwrap_or(&empty);
                let mut out = Table::new();
                for key in keys(h, n) {
                    let inner = Place::Field(place, &key);
                    if let Some(v) = self.value(&inner, b.get(&key), h.get(&key), n.get(&key)) {
                        out.insert(key.clone(), v);
                    }
                }
                Some(Value::Table(out))
            }
            (Some(Value::Array(h)), Some(Value::Array(n))) => {
                let b = b.and_then(Value::as_array).map_or(&[][..], Vec::as_slice);
                let noun = place.field_name();
                Some(Value::Array(self.array(&noun, b, h, n)))
            }
            _ => {
                let conflict = Conflict {
                    what: place.describe(self.entry.as_deref()),
                    here: shown(h),
                    now: shown(n),
                };
                match (self.decide)(conflict) {
                    Side::Here => h.cloned(),
                    Side::Now => {
                        self.took(place);
                        n.cloned()
                    }
                }
            }
        }
    }

    /// Notes that the plan's version of `place` was kept.
    fn took(&mut self, place: &Place) {
        let line = match &self.entry {
            Some(entry) => format!("changed {entry}"),
            None => place.changed(),
        };
        self.from_plan.push(line);
    }

    /// A list, three ways: entries with an `id` are matched by it, others
    /// (sentences, a trigger's thoughts) by their whole value. The
    /// walk-through's order is kept; entries the plan gained since go after
    /// the entry they follow in the plan.
    fn array(&mut self, key: &str, b: &[Value], h: &[Value], n: &[Value]) -> Vec<Value> {
        let keyed = b.iter().chain(h).chain(n).all(|v| id_of(v).is_some());
        if keyed {
            self.keyed(key, b, h, n)
        } else {
            self.multiset(key, b, h, n)
        }
    }

    fn keyed(&mut self, key: &str, b: &[Value], h: &[Value], n: &[Value]) -> Vec<Value> {
        let index = |list: &[Value]| -> HashMap<String, usize> {
            list.iter()
                .enumerate()
                .filter_map(|(i, v)| Some((id_of(v)?.to_string(), i)))
                .collect()
        };
        let (bi, hi, ni) = (index(b), index(h), index(n));
        let noun = noun(key);
        let top = self.entry.is_none();
        let mut kept: Vec<(String, Value)> = Vec::new();
        for v in h {
            let id = id_of(v).unwrap_or_default().to_string();
            let (bv, nv) = (bi.get(&id).map(|&i| &b[i]), ni.get(&id).map(|&i| &n[i]));
            let outer = self.entry.take();
            if top {
                self.entry = Some(format!("{noun} “{}”", label(nv.unwrap_or(v))));
            }
            let place = Place::Entry(&noun, v);
            let merged = self.value(&place, bv, Some(v), nv);
            if top && merged.is_none() {
                // `took` said "changed": it was removed.
                self.from_plan.pop();
                self.from_plan
                    .push(format!("removed {noun} “{}”", label(v)));
            }
            self.entry = outer;
            if let Some(merged) = merged {
                kept.push((id, merged));
            }
        }
        let mut added = Vec::new();
        for (i, v) in n.iter().enumerate() {
            let id = id_of(v).unwrap_or_default();
            if hi.contains_key(id) {
                continue;
            }
            // Removed in the walk-through: it stays removed unless the plan
            // changed it since, which is asked about.
            let value = if let Some(&j) = bi.get(id) {
                self.value(&Place::Entry(&noun, v), Some(&b[j]), None, Some(v))
            } else {
                if top {
                    self.from_plan.push(format!("added {noun} “{}”", label(v)));
                } else {
                    self.took(&Place::Top(key));
                }
                Some(v.clone())
            };
            if let Some(value) = value {
                let anchor = n[..i].iter().rev().find_map(id_of).map(str::to_string);
                added.push((anchor, (id.to_string(), value)));
            }
        }
        place_after(kept, added)
    }

    fn multiset(&mut self, key: &str, b: &[Value], h: &[Value], n: &[Value]) -> Vec<Value> {
        let count = |list: &[Value]| {
            let mut counts: HashMap<String, usize> = HashMap::new();
            for v in list {
                *counts.entry(v.to_string()).or_default() += 1;
            }
            counts
        };
        let (cb, ch, cn) = (count(b), count(h), count(n));
        let get = |c: &HashMap<String, usize>, k: &str| c.get(k).copied().unwrap_or(0);
        // How many of each the result holds: both sides' additions (the
        // same one added on both sides once), both sides' removals.
        let wanted = |k: &str| {
            let (b, h, n) = (get(&cb, k), get(&ch, k), get(&cn, k));
            if h >= b && n >= b {
                h.max(n)
            } else if h <= b && n <= b {
                h.min(n)
            } else {
                h + n - b
            }
        };
        let noun = noun(key);
        let mut have: HashMap<String, usize> = HashMap::new();
        let mut kept = Vec::new();
        for v in h {
            let k = v.to_string();
            let count = have.entry(k.clone()).or_default();
            if *count < wanted(&k) {
                *count += 1;
                kept.push((k, v.clone()));
            } else {
                self.note(format!("removed {noun} “{}”", label(v)));
            }
        }
        let mut added = Vec::new();
        for (i, v) in n.iter().enumerate() {
            let k = v.to_string();
            let count = have.entry(k.clone()).or_default();
            if *count < wanted(&k) {
                *count += 1;
                self.note(format!("added {noun} “{}”", label(v)));
                let anchor = n[..i].last().map(ToString::to_string);
                added.push((anchor, (k, v.clone())));
            }
        }
        place_after(kept, added)
    }

    /// A line about a list's entry: itself at the top, else its entry changed.
    fn note(&mut self, line: String) {
        match &self.entry {
            Some(entry) => self.from_plan.push(format!("changed {entry}")),
            None => self.from_plan.push(line),
        }
    }
}

/// `kept` in order, each entry of `added` after the entry its anchor names
/// (at the start when it has none, or its anchor is gone).
fn place_after(
    kept: Vec<(String, Value)>,
    added: Vec<(Option<String>, (String, Value))>,
) -> Vec<Value> {
    let present: std::collections::HashSet<&String> = kept.iter().map(|(k, _)| k).collect();
    let mut after: HashMap<Option<String>, Vec<(String, Value)>> = HashMap::new();
    // An anchor that is itself an added entry, or gone, is resolved by
    // following the chain of added entries back to one that is kept.
    let added_keys: HashMap<String, Option<String>> = added
        .iter()
        .map(|(anchor, (k, _))| (k.clone(), anchor.clone()))
        .collect();
    for (anchor, entry) in added {
        let mut anchor = anchor;
        let mut steps = 0;
        while let Some(a) = &anchor {
            if present.contains(a) || steps > added_keys.len() {
                break;
            }
            anchor = added_keys.get(a).cloned().flatten();
            steps += 1;
        }
        let anchor = anchor.filter(|a| present.contains(a));
        after.entry(anchor).or_default().push(entry);
    }
    let mut out: Vec<Value> = Vec::new();
    out.extend(
        after
            .remove(&None)
            .unwrap_or_default()
            .into_iter()
            .map(|(_, v)| v),
    );
    for (k, v) in kept {
        out.push(v);
        if let Some(more) = after.remove(&Some(k)) {
            out.extend(more.into_iter().map(|(_, v)| v));
        }
    }
    out
}

/// Where a value sits, to describe it.
enum Place<'a> {
    /// A key of the plan itself.
    Top(&'a str),
    /// An entry of a list.
    Entry(&'a str, &'a Value),
    /// A field inside another place.
    Field(&'a Place<'a>, &'a str),
}

impl Place<'_> {
    fn field_name(&self) -> String {
        match self {
            Place::Top(key) | Place::Field(_, key) => (*key).to_string(),
            Place::Entry(noun, _) => (*noun).to_string(),
        }
    }

    /// `Alex: phone number`, `your country`.
    fn describe(&self, entry: Option<&str>) -> String {
        match self {
            Place::Top(key) => format!("Your {}", words(key)),
            Place::Entry(noun, v) => format!("{noun} “{}”", label(v)),
            Place::Field(outer, key) => match (outer, entry) {
                (Place::Top(top), _) => format!("Your {}: {}", words(top), words(key)),
                (_, Some(entry)) => format!("{entry}: {}", words(key)),
                _ => format!("{}: {}", outer.describe(None), words(key)),
            },
        }
    }

    fn changed(&self) -> String {
        match self {
            Place::Top(key) | Place::Field(Place::Top(key), _) => {
                format!("changed your {}", words(key))
            }
            _ => format!("changed {}", self.describe(None)),
        }
    }
}

/// A key in words.
fn words(key: &str) -> String {
    match key {
        "phone" => "phone number".into(),
        "reachable" => "when to reach them".into(),
        "role" => "who they are for you".into(),
        "situation" => "situation".into(),
        "likelihood" => "how likely".into(),
        "intensity" => "how strong the urge".into(),
        "confidence" => "how sure you could handle it".into(),
        "next" => "next review".into(),
        "last" => "last review".into(),
        "review" => "review dates".into(),
        "text" => "words".into(),
        _ => key.replace('_', " "),
    }
}

/// What one entry of a list is called.
fn noun(key: &str) -> String {
    match key {
        "reasons" => "reason".into(),
        "warning_signs" => "warning sign".into(),
        "triggers" => "trigger".into(),
        "coping" => "coping strategy".into(),
        "contacts" => "person".into(),
        "crisis_steps" => "crisis step".into(),
        "safe_environment" => "safer-environment item".into(),
        "lapse_plan" => "lapse-plan step".into(),
        "maintenance" => "daily maintenance item".into(),
        "thoughts" => "thought".into(),
        "feelings" => "feeling".into(),
        "urges" => "urge".into(),
        "steps" => "step".into(),
        _ => words(key),
    }
}

fn id_of(v: &Value) -> Option<&str> {
    v.as_table()?.get("id")?.as_str()
}

/// An entry in the person's words: its name, situation or sentence.
fn label(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Table(t) => ["name", "situation", "text", "id"]
            .iter()
            .find_map(|k| t.get(*k).and_then(Value::as_str))
            .map_or_else(|| v.to_string(), str::to_string),
        other => other.to_string(),
    }
}

/// A value as shown when asking which to keep.
fn shown(v: Option<&Value>) -> String {
    match v {
        None => "removed".into(),
        Some(Value::String(s)) => format!("“{s}”"),
        Some(Value::Boolean(b)) => if *b { "yes" } else { "no" }.into(),
        Some(Value::Datetime(d)) => d.to_string(),
        Some(v @ Value::Table(_)) => format!("“{}”", label(v)),
        Some(Value::Array(a)) => a.iter().map(label).collect::<Vec<_>>().join(", "),
        Some(v) => v.to_string(),
    }
}

/// The keys of `first` in order, then those only in `second`.
fn keys(first: &Table, second: &Table) -> Vec<String> {
    first
        .keys()
        .chain(second.keys().filter(|k| !first.contains_key(*k)))
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Contact, Role, TextItem, Trigger};

    fn contact(id: &str, name: &str, phone: &str) -> Contact {
        Contact {
            id: id.into(),
            name: name.into(),
            phone: Some(phone.into()),
            role: Role::Help,
            reachable: None,
        }
    }

    fn base() -> Plan {
        let mut plan = Plan::new("Ana".into(), Some("ES".into()));
        plan.revision = 3;
        plan.crisis_steps.push(TextItem::new("Salir de casa"));
        plan.contacts
            .push(contact("alex", "Alex", "+34 600 000 001"));
        plan
    }

    #[test]
    fn what_the_plan_gained_since_is_kept_beside_the_answers() {
        let base = base();
        let mut here = base.clone();
        here.reasons.push(TextItem::new("Mi hija"));
        here.triggers
            .push(Trigger::new("viernes".into(), "El viernes de cobro".into()));
        let mut now = base.clone();
        now.revision = 5;
        now.crisis_steps.push(TextItem::new("Llamar a Máire"));
        now.contacts.push(contact("sean", "Seán", "+353 1 000"));
        assert!(conflicts(&base, &here, &now).is_empty());
        let merged = merge(&base, &here, &now, &[]).unwrap();
        let steps: Vec<&str> = merged
            .plan
            .crisis_steps
            .iter()
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(steps, ["Salir de casa", "Llamar a Máire"]);
        assert_eq!(merged.plan.contacts.len(), 2);
        assert_eq!(merged.plan.reasons[0].text, "Mi hija");
        assert_eq!(merged.plan.triggers[0].situation, "El viernes de cobro");
        assert_eq!(merged.plan.revision, 5);
        assert_eq!(
            merged.from_plan,
            [
                "added person “Seán”".to_string(),
                "added crisis step “Llamar a Máire”".to_string()
            ]
        );
    }

    #[test]
    fn removals_and_edits_on_either_side_hold() {
        let base = base();
        let mut here = base.clone();
        here.crisis_steps.clear();
        here.name = "Ana María".into();
        let mut now = base.clone();
        now.contacts[0].phone = Some("+34 600 000 009".into());
        now.crisis_steps.insert(0, TextItem::new("Respirar"));
        let merged = merge(&base, &here, &now, &[]).unwrap().plan;
        let steps: Vec<&str> = merged
            .crisis_steps
            .iter()
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(steps, ["Respirar"]);
        assert_eq!(merged.name, "Ana María");
        assert_eq!(merged.contacts[0].phone.as_deref(), Some("+34 600 000 009"));
    }

    #[test]
    fn an_answer_changed_on_both_sides_is_asked_about() {
        let base = base();
        let mut here = base.clone();
        here.contacts[0].phone = Some("+34 611".into());
        let mut now = base.clone();
        now.contacts[0].phone = Some("+34 622".into());
        let found = conflicts(&base, &here, &now);
        assert_eq!(
            found,
            [Conflict {
                what: "person “Alex”: phone number".into(),
                here: "“+34 611”".into(),
                now: "“+34 622”".into(),
            }]
        );
        let kept = |side| {
            merge(&base, &here, &now, &[side]).unwrap().plan.contacts[0]
                .phone
                .clone()
        };
        assert_eq!(kept(Side::Here).as_deref(), Some("+34 611"));
        assert_eq!(kept(Side::Now).as_deref(), Some("+34 622"));
    }

    #[test]
    fn a_link_to_someone_removed_since_goes_and_is_said() {
        let mut base = base();
        base.triggers
            .push(Trigger::new("viernes".into(), "El viernes".into()));
        let mut here = base.clone();
        here.triggers[0].contacts.push("alex".into());
        let mut now = base.clone();
        now.contacts.clear();
        let merged = merge(&base, &here, &now, &[]).unwrap();
        assert!(merged.plan.contacts.is_empty());
        assert!(merged.plan.triggers[0].contacts.is_empty());
        assert!(crate::plan::validate::validate(&merged.plan).is_empty());
        assert!(
            merged
                .from_plan
                .iter()
                .any(|l| l.contains("removed person “Alex”")),
            "{:?}",
            merged.from_plan
        );
    }

    #[test]
    fn the_same_sentence_added_on_both_sides_is_kept_once() {
        let base = base();
        let mut here = base.clone();
        here.crisis_steps.push(TextItem::new("Llamar"));
        let mut now = base.clone();
        now.crisis_steps.push(TextItem::new("Llamar"));
        let merged = merge(&base, &here, &now, &[]).unwrap().plan;
        assert_eq!(merged.crisis_steps.len(), 2);
    }
}
