//! What `restore` carries over from the plan it replaces: the record of
//! numbers that changed, so an old revision never brings back a number she
//! had replaced without a word (Kavya: `restore 1` put back her friend's
//! old number, unmarked on `now`, and forgot it had ever changed).

use std::collections::HashMap;

use super::Plan;
use super::mentions::FORMER_KEPT;
use super::same::same_number;

/// A number `restore` gives someone back: their name, the number the
/// restored revision holds, and the one they had until now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberBack {
    /// Their id, for the command that changes it again.
    pub id: String,
    pub name: String,
    /// The number they have again (none: the restored revision had none).
    pub back: Option<String>,
    /// The number they had until now (none: they had none).
    pub instead_of: Option<String>,
}

impl Plan {
    /// Carries `current`'s record of former numbers into this plan (an old
    /// revision about to be restored over `current`), and treats each
    /// number it changes back as a change of number like any other: the
    /// one replaced is kept as a former number, so a step still holding it
    /// is marked. Returns those changes, in this plan's order of people.
    /// Linear in the people and former numbers of both plans.
    pub fn carry_numbers_from(&mut self, current: &Plan) -> Vec<NumberBack> {
        let country = self.country.clone();
        let same = |a: &str, b: &str| same_number(a, b, country.as_deref());
        let here: HashMap<&str, usize> = self
            .contacts
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.as_str(), i))
            .collect();
        // The record she had: each person's former numbers (at most
        // FORMER_KEPT a person, so the check below is short), for the
        // people this revision holds.
        let mut theirs: HashMap<String, Vec<String>> = HashMap::new();
        for former in &self.former_phones {
            theirs
                .entry(former.contact.clone())
                .or_default()
                .push(former.phone.clone());
        }
        let mut carried = Vec::new();
        for former in &current.former_phones {
            if !here.contains_key(former.contact.as_str()) {
                continue;
            }
            let kept = theirs.entry(former.contact.clone()).or_default();
            if kept.len() < FORMER_KEPT && !kept.iter().any(|k| same(k, &former.phone)) {
                kept.push(former.phone.clone());
                carried.push(former.clone());
            }
        }
        self.former_phones.extend(carried);
        let over = self
            .former_phones
            .len()
            .saturating_sub(super::validate::MAX_ITEMS);
        self.former_phones.drain(..over);
        // A number she has again is no longer a former one; the one it
        // replaces becomes one, as `contact edit` would make it.
        let now: HashMap<&str, Option<&String>> = current
            .contacts
            .iter()
            .map(|c| (c.id.as_str(), c.phone.as_ref()))
            .collect();
        let mut back = Vec::new();
        for index in 0..self.contacts.len() {
            let contact = &self.contacts[index];
            let Some(&had) = now.get(contact.id.as_str()) else {
                continue;
            };
            let restored = contact.phone.clone();
            let changed = match (&restored, had) {
                (Some(a), Some(b)) => !same(a, b),
                (None, None) => false,
                _ => true,
            };
            if !changed {
                continue;
            }
            back.push(NumberBack {
                id: contact.id.clone(),
                name: contact.name.clone(),
                back: restored.clone(),
                instead_of: had.cloned(),
            });
            self.contacts[index].phone = had.cloned();
            self.set_phone(index, restored);
        }
        back
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Contact, FormerPhone, Role};

    fn plan(phone: &str, former: &[&str]) -> Plan {
        let mut plan = Plan::new("Kavya".into(), Some("IN".into()));
        plan.contacts.push(Contact {
            id: "priya".into(),
            name: "பிரியா".into(),
            phone: Some(phone.into()),
            role: Role::Help,
            reachable: None,
        });
        plan.former_phones = former
            .iter()
            .map(|p| FormerPhone {
                contact: "priya".into(),
                phone: (*p).into(),
            })
            .collect();
        plan
    }

    /// Kavya's case: the number she replaced comes back, is said, and the
    /// one she has until now is kept as a former number, as an edit would.
    #[test]
    fn a_number_changed_back_is_said_and_the_replaced_one_kept_as_former() {
        let current = plan("+91 98765 43299", &["+91 98765 43210"]);
        let mut old = plan("+91 98765 43210", &[]);
        let back = old.carry_numbers_from(&current);
        assert_eq!(
            back,
            vec![NumberBack {
                id: "priya".into(),
                name: "பிரியா".into(),
                back: Some("+91 98765 43210".into()),
                instead_of: Some("+91 98765 43299".into()),
            }]
        );
        assert_eq!(old.contacts[0].phone.as_deref(), Some("+91 98765 43210"));
        let formers: Vec<&str> = old.former_phones.iter().map(|f| f.phone.as_str()).collect();
        assert_eq!(formers, ["+91 98765 43299"]);
    }

    /// The same number written another way is no change; the record of
    /// older numbers is carried over, never twice.
    #[test]
    fn the_same_number_is_no_change_and_the_record_is_carried_once() {
        let current = plan("09876543299", &["+91 98765 40000", "+91 98765 41111"]);
        let mut old = plan("+91 98765 43299", &["098765 40000"]);
        assert!(old.carry_numbers_from(&current).is_empty());
        let formers: Vec<&str> = old.former_phones.iter().map(|f| f.phone.as_str()).collect();
        assert_eq!(formers, ["098765 40000", "+91 98765 41111"]);
    }

    /// Someone the restored revision does not hold takes no record along
    /// (`validate` would name it as no one's).
    #[test]
    fn no_record_is_carried_for_someone_not_in_the_restored_plan() {
        let current = plan("+91 98765 43299", &["+91 98765 43210"]);
        let mut old = Plan::new("Kavya".into(), Some("IN".into()));
        assert!(old.carry_numbers_from(&current).is_empty());
        assert!(old.former_phones.is_empty());
    }
}
