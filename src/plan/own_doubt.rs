//! Her own emergency number and crisis lines held up against her people:
//! never the number (or name) of someone she marked "do not involve",
//! never a number someone had before it changed. One rule, asked by every
//! way a number comes in (`set`, the `new` walk-through, `contact add` and
//! `edit`, `contact import`, a hand edit read by `validate`) and by every
//! place that shows her numbers (Trudy: Dermot's number, typed as her
//! emergency number in `new`, was offered on `now` as the one to call).

use super::same::same_number;
use super::{Contact, Plan};

/// Which of her own numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OwnNumber {
    /// Her emergency number.
    Emergency,
    /// The number to call for her own line of this name.
    Call(String),
    /// The number to text for her own line of this name.
    Text(String),
    /// The name of her own line itself.
    Name(String),
}

/// Why one of her own numbers can't be offered as it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OwnDoubt<'p> {
    /// It is the number (or the name) of this person, whom she marked
    /// "do not involve".
    NotToInvolve(&'p Contact),
    /// It is a number this person had before it changed.
    Former(&'p Contact),
}

impl<'p> OwnDoubt<'p> {
    /// The person the number is doubted for.
    pub fn contact(self) -> &'p Contact {
        match self {
            OwnDoubt::NotToInvolve(c) | OwnDoubt::Former(c) => c,
        }
    }
}

impl Plan {
    /// Why `number` can't be one of her own numbers, if it can't: the
    /// number of someone marked "do not involve", written any way, or a
    /// number someone in her plan had before (no one has it now).
    pub fn own_number_doubt(&self, number: &str) -> Option<OwnDoubt<'_>> {
        if let Some(them) = self.not_to_involve_number(number) {
            return Some(OwnDoubt::NotToInvolve(them));
        }
        let country = self.country.as_deref();
        let someones_now = self.contacts.iter().any(|c| {
            c.phone
                .as_deref()
                .is_some_and(|p| same_number(p, number, country))
        });
        if someones_now {
            return None;
        }
        self.former_phones
            .iter()
            .rev()
            .filter(|f| same_number(&f.phone, number, country))
            .find_map(|f| self.contacts.iter().find(|c| c.id == f.contact))
            .map(OwnDoubt::Former)
    }

    /// Why the name of a line of hers can't stand: the name of someone
    /// marked "do not involve".
    pub fn own_line_name_doubt(&self, name: &str) -> Option<OwnDoubt<'_>> {
        self.not_to_involve_like(name, None, None)
            .map(OwnDoubt::NotToInvolve)
    }

    /// Each of her own numbers (and line names) in doubt, in the order
    /// they are shown: what `validate` names, and what is never offered
    /// as a number to call.
    pub fn own_numbers_in_doubt(&self) -> Vec<(OwnNumber, OwnDoubt<'_>)> {
        let own = &self.own_lines;
        let mut found = Vec::new();
        if let Some(doubt) = own
            .emergency
            .as_deref()
            .and_then(|n| self.own_number_doubt(n))
        {
            found.push((OwnNumber::Emergency, doubt));
        }
        for line in &own.lines {
            if let Some(doubt) = self.own_line_name_doubt(&line.name) {
                found.push((OwnNumber::Name(line.name.clone()), doubt));
            }
            let ways = [
                (line.call.as_deref(), OwnNumber::Call(line.name.clone())),
                (line.text.as_deref(), OwnNumber::Text(line.name.clone())),
            ];
            for (number, which) in ways {
                if let Some(doubt) = number.and_then(|n| self.own_number_doubt(n)) {
                    found.push((which, doubt));
                }
            }
        }
        found
    }

    /// Her emergency number, when it may be offered as the one to call in
    /// danger: never someone's not to involve, never someone's old one.
    pub fn own_emergency_to_call(&self) -> Option<&str> {
        self.own_lines
            .emergency
            .as_deref()
            .filter(|n| self.own_number_doubt(n).is_none())
    }

    /// Her numbers that are someone's not to involve and were not among
    /// `before` (what [`Plan::own_numbers_in_doubt`] found before a
    /// change to her people): what `contact add` and `edit` refuse.
    pub fn own_numbers_newly_not_to_involve(
        &self,
        before: &[OwnNumber],
    ) -> Vec<(OwnNumber, &Contact)> {
        self.own_numbers_in_doubt()
            .into_iter()
            .filter(|(which, _)| !before.contains(which))
            .filter_map(|(which, doubt)| match doubt {
                OwnDoubt::NotToInvolve(them) => Some((which, them)),
                OwnDoubt::Former(_) => None,
            })
            .collect()
    }

    /// Which of her numbers are in doubt now, for
    /// [`Plan::own_numbers_newly_not_to_involve`] after a change.
    pub fn own_numbers_in_doubt_now(&self) -> Vec<OwnNumber> {
        self.own_numbers_in_doubt()
            .into_iter()
            .map(|(which, _)| which)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{FormerPhone, OwnLine, Role};

    fn contact(id: &str, name: &str, phone: &str, role: Role) -> Contact {
        Contact {
            id: id.into(),
            name: name.into(),
            phone: Some(phone.into()),
            role,
            reachable: None,
        }
    }

    #[test]
    fn her_numbers_are_doubted_when_his_or_someones_old_one() {
        let mut plan = Plan::new("Trudy".into(), None);
        plan.contacts.push(contact(
            "dermot",
            "Dermot Walsh",
            "050 111 2222",
            Role::DoNotInvolve,
        ));
        plan.contacts
            .push(contact("aoife", "Aoife", "050 333 4444", Role::Help));
        plan.former_phones.push(FormerPhone {
            contact: "aoife".into(),
            phone: "050 999 8888".into(),
        });
        plan.own_lines.emergency = Some("0501112222".into());
        plan.own_lines.lines.push(OwnLine {
            name: "Walsh, Dermot".into(),
            call: Some("050 999 8888".into()),
            text: Some("050 333 4444".into()),
            source: None,
        });
        let found: Vec<(OwnNumber, &str)> = plan
            .own_numbers_in_doubt()
            .into_iter()
            .map(|(which, doubt)| (which, doubt.contact().id.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                (OwnNumber::Emergency, "dermot"),
                (OwnNumber::Name("Walsh, Dermot".into()), "dermot"),
                (OwnNumber::Call("Walsh, Dermot".into()), "aoife"),
            ]
        );
        assert_eq!(plan.own_emergency_to_call(), None);
        plan.own_lines.emergency = Some("999".into());
        assert_eq!(plan.own_emergency_to_call(), Some("999"));
    }
}
