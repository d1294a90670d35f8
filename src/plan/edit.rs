//! Adding, renaming and removing the entries that have ids (triggers,
//! coping strategies, contacts), with their link rules written once:
//! a rename carries every trigger's links along, a removal of something a
//! trigger links to is refused unless forced (and then unlinks it), and
//! someone not to involve is unlinked. Commands and wizards both edit
//! through these; the logs beside the plan follow a rename in the store.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::checkin::CheckInLog;
use super::rehearsal::PracticeLog;
use super::{Contact, Coping, Plan, Trigger, ids};

/// The kinds of entry that have ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Entry {
    Trigger,
    Coping,
    Contact,
}

impl Entry {
    /// The entry in words, as change lines and errors name it.
    pub fn noun(self) -> &'static str {
        match self {
            Entry::Trigger => "trigger",
            Entry::Coping => "coping strategy",
            Entry::Contact => "contact",
        }
    }

    /// The person's words for the entry with `id` in `plan`: a situation or
    /// a name.
    pub fn words(self, plan: &Plan, id: &str) -> Option<String> {
        match self {
            Entry::Trigger => plan.trigger(id).map(|t| t.situation.clone()),
            Entry::Coping => plan.coping_strategy(id).map(|c| c.name.clone()),
            Entry::Contact => plan.contact(id).map(|c| c.name.clone()),
        }
    }

    /// The ids there are of this kind, in plan order.
    /// The person's words for each entry of this kind (a situation, a
    /// name), in the order the lists number them, so "not found" can say
    /// what there is as she sees it, never as ids.
    pub fn listed_words(self, plan: &Plan) -> Vec<String> {
        fn each<E: Entity>(plan: &Plan) -> Vec<String> {
            E::listed(plan)
                .iter()
                .map(|e| e.words().to_string())
                .collect()
        }
        match self {
            Entry::Trigger => each::<Trigger>(plan),
            Entry::Coping => each::<Coping>(plan),
            Entry::Contact => each::<Contact>(plan),
        }
    }

    /// The links in `trigger` that point at entries of this kind (none
    /// for triggers: they hold links, nothing links to them).
    fn links(self, trigger: &mut Trigger) -> Option<&mut Vec<String>> {
        match self {
            Entry::Trigger => None,
            Entry::Coping => Some(&mut trigger.coping),
            Entry::Contact => Some(&mut trigger.contacts),
        }
    }
}

/// Triggers, coping strategies and contacts: what every entry with an id
/// has, so the edits below are written once for all three.
pub trait Entity: Sized {
    const KIND: Entry;
    /// The word an id is made from when the words give none.
    const FALLBACK_ID: &'static str;
    fn id(&self) -> &str;
    fn set_id(&mut self, id: String);
    /// The situation or name.
    fn words(&self) -> &str;
    fn list(plan: &Plan) -> &Vec<Self>;
    fn list_mut(plan: &mut Plan) -> &mut Vec<Self>;
    /// In the order the lists number them: triggers riskiest first,
    /// the others as written.
    fn listed(plan: &Plan) -> Vec<&Self>;
}

/// The three impls differ only in which fields hold the words and the list.
macro_rules! entity {
    ($type:ty, $kind:expr, $fallback:literal, $words:ident, $list:ident, $listed:expr) => {
        impl Entity for $type {
            const KIND: Entry = $kind;
            const FALLBACK_ID: &'static str = $fallback;
            fn id(&self) -> &str {
                &self.id
            }
            fn set_id(&mut self, id: String) {
                self.id = id;
            }
            fn words(&self) -> &str {
                &self.$words
            }
            fn list(plan: &Plan) -> &Vec<Self> {
                &plan.$list
            }
            fn list_mut(plan: &mut Plan) -> &mut Vec<Self> {
                &mut plan.$list
            }
            fn listed(plan: &Plan) -> Vec<&Self> {
                $listed(&plan.$list)
            }
        }
    };
}

/// Every entry as written.
fn as_written<E>(list: &[E]) -> Vec<&E> {
    list.iter().collect()
}

// A trigger's number is its place in the order she added them, like a
// contact's or a step's: re-rating or ranking moves it up or down the
// riskiest-first list, never to another number, so the "2" she read is
// the trigger `rehearse 2` reaches, before and after `rank`.
entity!(
    Trigger,
    Entry::Trigger,
    "trigger",
    situation,
    triggers,
    as_written
);
entity!(Coping, Entry::Coping, "coping", name, coping, as_written);
entity!(
    Contact,
    Entry::Contact,
    "contact",
    name,
    contacts,
    as_written
);

/// What the person typed to name an entry, read: an id, the number a list
/// shows it with, its words, or the first words of it.
#[derive(Debug, PartialEq, Eq)]
pub enum Named<'p, E> {
    One(&'p E),
    /// The first words of more than one: each with its number.
    Several(Vec<(usize, &'p E)>),
    Nothing,
}

/// Words compared as a person reads them: any case, spaces folded, and
/// accents however they were typed (see [`super::same::words_key`]).
fn folded(words: &str) -> String {
    super::same::words_key(words)
}

impl Plan {
    /// The entry `typed` names: its id (as stored), the number the lists
    /// show it with (1 is the first she added), its words
    /// in any case, or the first words of exactly one.
    pub fn named<E: Entity>(&self, typed: &str) -> Named<'_, E> {
        let listed = E::listed(self);
        let typed_words = folded(typed);
        let whole = listed.iter().position(|e| e.id() == typed).or_else(|| {
            listed
                .iter()
                .position(|e| !typed_words.is_empty() && folded(e.words()) == typed_words)
        });
        // Digits of any script: `۱` from a Persian keyboard is 1, as it is
        // for `step edit` (Shirin).
        let numbered = super::typed::fold(&typed_words)
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=listed.len()).contains(n));
        match (numbered, whole) {
            // "3" is the third in the list and another's whole name or id
            // (a vCard can name a contact "3"): neither is guessed, as
            // `contact remove 3` removed the one named "3" without a word
            // (Trudy).
            (Some(n), Some(at)) if n - 1 != at => {
                return Named::Several(vec![(n, listed[n - 1]), (at + 1, listed[at])]);
            }
            (Some(n), _) => return Named::One(listed[n - 1]),
            (None, Some(at)) => return Named::One(listed[at]),
            (None, None) => {}
        }
        if typed_words.is_empty() {
            return Named::Nothing;
        }
        let starting: Vec<(usize, &E)> = listed
            .iter()
            .enumerate()
            .filter(|(_, e)| folded(e.words()).starts_with(&typed_words))
            .map(|(i, e)| (i + 1, *e))
            .collect();
        match starting.as_slice() {
            [] if E::KIND == Entry::Contact => {
                // People are found as `print --for` finds them: by any
                // word of the name, with or without accents ("כהן" for
                // "מיכל כהן", "michal"): `contact edit` said there was
                // no such person where `print --for` found her.
                let names: Vec<&str> = listed.iter().map(|e| e.words()).collect();
                let fitting: Vec<(usize, &E)> = super::supporter::fitting(&names, typed)
                    .into_iter()
                    .map(|at| (at + 1, listed[at]))
                    .collect();
                match fitting.as_slice() {
                    [] => Named::Nothing,
                    [(_, one)] => Named::One(one),
                    _ => Named::Several(fitting),
                }
            }
            [] => Named::Nothing,
            [(_, one)] => Named::One(one),
            _ => Named::Several(starting),
        }
    }

    /// The number the lists show `id` with, if it is there.
    pub fn number_of<E: Entity>(&self, id: &str) -> Option<usize> {
        E::listed(self)
            .iter()
            .position(|e| e.id() == id)
            .map(|i| i + 1)
    }
}

/// Why an edit could not be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    /// No entry has that id; `known` is the person's words for each there
    /// is, in the order the lists number them.
    NotFound {
        entry: Entry,
        id: String,
        known: Vec<String>,
    },
    /// Another entry already has that id.
    IdTaken { entry: Entry, id: String },
    /// Triggers still link to it (their ids).
    InUse {
        entry: Entry,
        id: String,
        users: Vec<String>,
    },
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditError::NotFound { entry, id, .. } => write!(f, "no {} `{id}`", entry.noun()),
            EditError::IdTaken { entry, id } => {
                write!(f, "{} `{id}` is already in the plan", entry.noun())
            }
            EditError::InUse { entry, id, users } => {
                write!(f, "{} `{id}` is used by {}", entry.noun(), users.join(", "))
            }
        }
    }
}

impl std::error::Error for EditError {}

impl EditError {
    /// No entry of kind `entry` has `id`: naming the ids `plan` has (none
    /// when there is no plan). The one way every "not found" is made.
    pub fn not_found(entry: Entry, plan: Option<&Plan>, id: &str) -> EditError {
        EditError::NotFound {
            entry,
            id: id.to_string(),
            known: plan
                .map(|plan| entry.listed_words(plan))
                .unwrap_or_default(),
        }
    }
}

/// A rename of one entry's id, as the store carries it into the logs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rename {
    pub entry: Entry,
    pub from: String,
    pub to: String,
}

impl Plan {
    /// Where the entry with `id` is in its list.
    ///
    /// # Errors
    /// [`EditError::NotFound`], listing the ids there are.
    pub fn position<E: Entity>(&self, id: &str) -> Result<usize, EditError> {
        E::list(self)
            .iter()
            .position(|e| e.id() == id)
            .ok_or_else(|| EditError::not_found(E::KIND, Some(self), id))
    }

    /// An id made from `words` that no entry of the kind has yet.
    pub fn new_id<E: Entity>(&self, words: &str) -> String {
        ids::generate(words, E::FALLBACK_ID, |id| {
            E::list(self).iter().any(|e| e.id() == id)
        })
    }

    /// Adds an entry at the end of its list.
    ///
    /// # Errors
    /// [`EditError::IdTaken`] when another entry has its id.
    pub fn add<E: Entity>(&mut self, entity: E) -> Result<&mut E, EditError> {
        if E::list(self).iter().any(|e| e.id() == entity.id()) {
            return Err(EditError::IdTaken {
                entry: E::KIND,
                id: entity.id().to_string(),
            });
        }
        let list = E::list_mut(self);
        list.push(entity);
        Ok(list.last_mut().expect("just pushed"))
    }

    /// Gives an entry a new id; every trigger's link to it follows. Returns
    /// the rename, for the logs beside the plan to follow, when the id changed.
    ///
    /// # Errors
    /// [`EditError::NotFound`] for an unknown `from`, [`EditError::IdTaken`]
    /// when another entry has `to`.
    pub fn rename<E: Entity>(&mut self, from: &str, to: &str) -> Result<Option<Rename>, EditError> {
        let index = self.position::<E>(from)?;
        if from == to {
            return Ok(None);
        }
        if E::list(self).iter().any(|e| e.id() == to) {
            return Err(EditError::IdTaken {
                entry: E::KIND,
                id: to.to_string(),
            });
        }
        E::list_mut(self)[index].set_id(to.to_string());
        for trigger in &mut self.triggers {
            if let Some(links) = E::KIND.links(trigger) {
                for link in links.iter_mut().filter(|l| *l == from) {
                    *link = to.to_string();
                }
            }
        }
        if E::KIND == Entry::Contact {
            for former in self.former_phones.iter_mut().filter(|f| f.contact == from) {
                former.contact = to.to_string();
            }
        }
        Ok(Some(Rename {
            entry: E::KIND,
            from: from.to_string(),
            to: to.to_string(),
        }))
    }

    /// Removes an entry. What triggers link to is kept while they do,
    /// unless `force`, which removes the links too.
    ///
    /// # Errors
    /// [`EditError::NotFound`]; [`EditError::InUse`] when triggers link to
    /// it and `force` is not given.
    pub fn remove<E: Entity>(&mut self, id: &str, force: bool) -> Result<E, EditError> {
        let index = self.position::<E>(id)?;
        let users = self.linking(E::KIND, id);
        if !users.is_empty() && !force {
            return Err(EditError::InUse {
                entry: E::KIND,
                id: id.to_string(),
                users,
            });
        }
        self.unlink(E::KIND, id);
        if E::KIND == Entry::Contact {
            self.former_phones.retain(|f| f.contact != id);
        }
        Ok(E::list_mut(self).remove(index))
    }

    /// Ids of the triggers that link to the entry.
    pub fn linking(&self, entry: Entry, id: &str) -> Vec<String> {
        let links = |t: &Trigger| match entry {
            Entry::Trigger => false,
            Entry::Coping => t.coping.iter().any(|c| c == id),
            Entry::Contact => t.contacts.iter().any(|c| c == id),
        };
        self.triggers
            .iter()
            .filter(|t| links(t))
            .map(|t| t.id.clone())
            .collect()
    }

    /// Takes every trigger's link to the entry away (someone not to
    /// involve cannot be part of a response); returns the triggers that
    /// linked to it.
    pub fn unlink(&mut self, entry: Entry, id: &str) -> Vec<String> {
        let users = self.linking(entry, id);
        for trigger in &mut self.triggers {
            if let Some(links) = entry.links(trigger) {
                links.retain(|l| l != id);
            }
        }
        users
    }
}

impl PracticeLog {
    /// Follows a trigger's new id, so it keeps its rehearsals and
    /// exercises; `true` when anything changed.
    pub fn rename(&mut self, rename: &Rename) -> bool {
        if rename.entry != Entry::Trigger {
            return false;
        }
        let mut renamed = false;
        let ids = self
            .rehearsals
            .iter_mut()
            .map(|r| &mut r.trigger)
            .chain(self.exercises.iter_mut().filter_map(|e| e.trigger.as_mut()));
        for id in ids.filter(|id| **id == rename.from) {
            id.clone_from(&rename.to);
            renamed = true;
        }
        renamed
    }
}

impl CheckInLog {
    /// Follows a coping strategy's new id, so the days it was used still
    /// name it; `true` when anything changed.
    pub fn rename(&mut self, rename: &Rename) -> bool {
        if rename.entry != Entry::Coping {
            return false;
        }
        let mut renamed = false;
        for entry in &mut self.entries {
            for id in entry.used.iter_mut().filter(|id| **id == rename.from) {
                id.clone_from(&rename.to);
                renamed = true;
            }
        }
        renamed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Role;

    fn contact(id: &str, name: &str) -> Contact {
        Contact {
            id: id.into(),
            name: name.into(),
            phone: None,
            role: Role::Help,
            reachable: None,
        }
    }

    fn plan() -> Plan {
        let mut plan = Plan::new("Sam".into(), None);
        plan.add(contact("alex", "Alex")).unwrap();
        plan.add(contact("jo", "Jo")).unwrap();
        let mut t = Trigger::new("payday".into(), "Friday payday".into());
        t.contacts = vec!["alex".into(), "jo".into()];
        plan.add(t).unwrap();
        plan
    }

    #[test]
    fn an_id_is_taken_once() {
        let mut plan = plan();
        assert_eq!(
            plan.add(contact("alex", "Another Alex")).unwrap_err(),
            EditError::IdTaken {
                entry: Entry::Contact,
                id: "alex".into()
            }
        );
        assert_eq!(plan.new_id::<Contact>("Alex"), "alex-2");
    }

    #[test]
    fn a_rename_carries_the_links() {
        let mut plan = plan();
        plan.rename::<Contact>("alex", "alex-m").unwrap();
        assert_eq!(plan.triggers[0].contacts, ["alex-m", "jo"]);
        assert!(plan.contact("alex-m").is_some());
        assert!(matches!(
            plan.rename::<Contact>("jo", "alex-m"),
            Err(EditError::IdTaken { .. })
        ));
        assert!(matches!(
            plan.rename::<Contact>("nobody", "x"),
            Err(EditError::NotFound { known, .. }) if known == ["Alex", "Jo"]
        ));
    }

    #[test]
    fn a_linked_entry_goes_only_when_forced() {
        let mut plan = plan();
        assert_eq!(
            plan.remove::<Contact>("jo", false).unwrap_err(),
            EditError::InUse {
                entry: Entry::Contact,
                id: "jo".into(),
                users: vec!["payday".into()]
            }
        );
        assert_eq!(plan.remove::<Contact>("jo", true).unwrap().name, "Jo");
        assert_eq!(plan.triggers[0].contacts, ["alex"]);
        assert_eq!(plan.unlink(Entry::Contact, "alex"), ["payday"]);
        assert!(plan.triggers[0].contacts.is_empty());
        plan.remove::<Trigger>("payday", false).unwrap();
        assert!(plan.triggers.is_empty());
    }
}
