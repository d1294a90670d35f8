//! Risk priority of a trigger: the tool's own rule of thumb, not a published
//! score. Priority = likelihood × intensity × (100 − confidence) / 100, so a
//! likely, intense situation the person feels unsure about comes first.

use std::fmt;

use super::Trigger;

/// A trigger's priority in hundredths (0 to 2500), kept as an integer so
/// sorting and display never meet floating-point surprises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Priority(u32);

/// Priority bands, shown beside the number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Band {
    Low,
    Medium,
    High,
}

impl Priority {
    /// The highest possible priority: likelihood 5, intensity 5, confidence 0.
    pub const MAX: Priority = Priority(2500);

    /// The priority of a trigger, once all three ratings are given.
    pub fn of(trigger: &Trigger) -> Option<Priority> {
        let (l, i, c) = (trigger.likelihood?, trigger.intensity?, trigger.confidence?);
        Some(Priority(
            u32::from(l) * u32::from(i) * (100 - u32::from(c.min(100))),
        ))
    }

    /// The priority as a number from 0 to 25.
    pub fn value(self) -> f64 {
        f64::from(self.0) / 100.0
    }

    /// High from 10, medium from 4, low below.
    pub fn band(self) -> Band {
        match self.0 {
            1000.. => Band::High,
            400.. => Band::Medium,
            _ => Band::Low,
        }
    }
}

impl fmt::Display for Priority {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.0 / 100, self.0 % 100 / 10)
    }
}

impl fmt::Display for Band {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Band::Low => "low",
            Band::Medium => "medium",
            Band::High => "high",
        })
    }
}

/// Whether a trigger has all three ratings, so it has a priority and a
/// place among the rated ones.
pub fn fully_rated(trigger: &Trigger) -> bool {
    Priority::of(trigger).is_some()
}

/// The one rule that puts a plan's triggers in order, riskiest first: the
/// fully rated ones first, those the person compared keeping the order
/// they chose among themselves and any not compared yet placed among them
/// by priority from their ratings; then those not fully rated yet, in the
/// order they were added. So a comparison is never contradicted, a new,
/// high-risk trigger is never buried below ones chosen earlier, and one
/// with a single rating given never goes above the ones rated in full
/// (Shirin, issue 13).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// Every fully rated trigger has a place in the person's own order:
    /// that order.
    YourOwn,
    /// Some were compared, some not: the compared ones in the person's
    /// order, the others placed among them by priority.
    Mixed,
    /// None compared: by priority from the ratings, highest first.
    Priority,
}

/// Said after the rule when some triggers are not fully rated yet.
const NOT_FULLY_RATED: &str = "Those not fully rated yet come last, in the order you added them.";

impl Order {
    /// Which case of the rule these triggers are in (the fully rated ones
    /// decide: a rank on one not fully rated is not used).
    pub fn of(triggers: &[Trigger]) -> Order {
        let rated: Vec<&Trigger> = triggers.iter().filter(|t| fully_rated(t)).collect();
        let ranked = rated.iter().filter(|t| t.rank.is_some()).count();
        match ranked {
            0 => Order::Priority,
            n if n == rated.len() => Order::YourOwn,
            _ => Order::Mixed,
        }
    }

    /// The rule for the fully rated triggers, said to the person.
    pub fn explain(self) -> &'static str {
        match self {
            Order::YourOwn => "Riskiest first, in the order you chose by comparing them.",
            Order::Mixed => {
                "Riskiest first: the ones you compared in the order you chose, the others placed among them by priority from your ratings."
            }
            Order::Priority => "Riskiest first, by priority from your ratings (high, medium, low).",
        }
    }
}

/// The whole rule for these triggers, said above every list of them: the
/// order of the rated ones, and where those not fully rated yet go when
/// there are any.
pub fn rule(triggers: &[Trigger]) -> String {
    let order = Order::of(triggers).explain();
    if triggers.iter().all(fully_rated) {
        order.to_string()
    } else {
        format!("{order} {NOT_FULLY_RATED}")
    }
}

/// The triggers of a plan, riskiest first by the rule of [`Order`].
pub fn sorted(triggers: &[Trigger]) -> Vec<&Trigger> {
    places(triggers)
        .into_iter()
        .map(|at| &triggers[at])
        .collect()
}

/// The triggers' places in `triggers`, riskiest first by the rule of
/// [`Order`]: the compared ones in rank order merged with the others in
/// priority order (stable for ties; on a tie the compared one goes first),
/// then those not fully rated yet in the order they were added.
/// Places rather than references, so a caller that edits the list (the
/// walk-through's change and remove) can act on the one the person chose.
pub fn places(triggers: &[Trigger]) -> Vec<usize> {
    let (rated, not_yet): (Vec<usize>, Vec<usize>) =
        (0..triggers.len()).partition(|&at| fully_rated(&triggers[at]));
    let (mut ranked, mut rest): (Vec<usize>, Vec<usize>) = rated
        .into_iter()
        .partition(|&at| triggers[at].rank.is_some());
    ranked.sort_by_key(|&at| triggers[at].rank);
    let priority = |at: usize| Priority::of(&triggers[at]);
    rest.sort_by_key(|&at| std::cmp::Reverse(priority(at)));
    let mut places = Vec::with_capacity(triggers.len());
    let (mut ranked, mut rest) = (ranked.into_iter().peekable(), rest.into_iter().peekable());
    loop {
        let take_rest = match (ranked.peek(), rest.peek()) {
            (Some(&r), Some(&o)) => priority(o) > priority(r),
            (Some(_), None) => false,
            (None, Some(_)) => true,
            (None, None) => break,
        };
        places.extend(if take_rest {
            rest.next()
        } else {
            ranked.next()
        });
    }
    places.extend(not_yet);
    places
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rated(id: &str, l: u8, i: u8, c: u8) -> Trigger {
        let mut t = Trigger::new(id.into(), id.into());
        (t.likelihood, t.intensity, t.confidence) = (Some(l), Some(i), Some(c));
        t
    }

    #[test]
    fn priority_follows_the_documented_formula() {
        let p = Priority::of(&rated("payday", 4, 5, 40)).unwrap();
        assert_eq!(p.to_string(), "12.0");
        assert_eq!(p.band(), Band::High);
        assert_eq!(
            Priority::of(&rated("a", 3, 3, 50)).unwrap().to_string(),
            "4.5"
        );
        assert_eq!(
            Priority::of(&rated("a", 3, 3, 50)).unwrap().band(),
            Band::Medium
        );
        assert_eq!(Priority::of(&rated("a", 5, 5, 0)), Some(Priority::MAX));
        assert_eq!(
            Priority::of(&rated("a", 5, 5, 100)).unwrap().band(),
            Band::Low
        );
        assert_eq!(Priority::of(&Trigger::new("u".into(), "u".into())), None);
    }

    #[test]
    fn priority_orders_until_every_trigger_has_a_place_in_your_own_order() {
        let mut ranked = rated("ranked", 1, 1, 100);
        ranked.rank = Some(1);
        let high = rated("high", 5, 5, 0);
        let low = rated("low", 1, 1, 80);
        let unrated = Trigger::new("unrated".into(), "u".into());
        let all = [unrated, low.clone(), high.clone(), ranked.clone()];
        // A newly rated 25 is never listed below a compared 0.
        assert_eq!(Order::of(&all), Order::Mixed);
        let ids: Vec<&str> = sorted(&all).iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["high", "low", "ranked", "unrated"]);
        // Once all are compared, the person's own order wins over priority.
        let mut all = [low, high, ranked];
        all[0].rank = Some(2);
        all[1].rank = Some(3);
        assert_eq!(Order::of(&all), Order::YourOwn);
        let ids: Vec<&str> = sorted(&all).iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["ranked", "low", "high"]);
    }

    #[test]
    fn a_trigger_added_after_comparing_never_undoes_the_persons_order() {
        // Issue 13 (Mei): she chose 王磊 as harder than the gambling
        // trigger, whose ratings score higher, then added a third.
        let mut wang = rated("wang", 3, 5, 0);
        wang.rank = Some(1);
        let mut gambling = rated("gambling", 5, 4, 20);
        gambling.rank = Some(2);
        let mut night = Trigger::new("night".into(), "n".into());
        (night.likelihood, night.confidence) = (Some(4), Some(40));
        let all = [gambling.clone(), wang.clone(), night];
        // The rated two are all in her order; the third, not fully rated
        // yet, comes after them, and the rule says so.
        assert_eq!(Order::of(&all), Order::YourOwn);
        assert!(
            rule(&all)
                .ends_with("Those not fully rated yet come last, in the order you added them.")
        );
        let ids: Vec<&str> = sorted(&all).iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["wang", "gambling", "night"]);
        // A new one rated above the first compared one goes first, one
        // rated below both after them; the compared two never swap.
        let between = rated("between", 3, 5, 2);
        let top = rated("top", 5, 5, 0);
        let all = [gambling, wang, between, top];
        let ids: Vec<&str> = sorted(&all).iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["top", "wang", "gambling", "between"]);
    }

    /// Issue 13 (Shirin): a new trigger with one rating given, compared
    /// as the hardest, went above every trigger rated in full. Those not
    /// fully rated yet now come after the rated ones, in the order added,
    /// whatever rank they hold, and the rule says so.
    #[test]
    fn triggers_not_fully_rated_come_after_the_rated_ones() {
        let mut party = Trigger::new("party".into(), "p".into());
        party.likelihood = Some(5);
        party.rank = Some(1);
        let mut payday = rated("payday", 4, 5, 40);
        payday.rank = Some(2);
        let mut sunday = rated("sunday", 3, 2, 60);
        sunday.rank = Some(3);
        let blank = Trigger::new("blank".into(), "b".into());
        let all = [blank, sunday, party, payday];
        let ids: Vec<&str> = sorted(&all).iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["payday", "sunday", "blank", "party"]);
        assert_eq!(Order::of(&all), Order::YourOwn);
        assert_eq!(
            rule(&all),
            "Riskiest first, in the order you chose by comparing them. Those not fully rated yet come last, in the order you added them."
        );
        assert_eq!(
            rule(&all[1..2]),
            "Riskiest first, in the order you chose by comparing them."
        );
    }
}
