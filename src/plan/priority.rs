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

/// The one rule that puts a plan's triggers in order, riskiest first: the
/// ones the person compared keep the order they chose among themselves, and
/// any not compared yet are placed among them by priority from their
/// ratings (not yet rated last). So a comparison is never contradicted, and
/// a new, high-risk trigger is never buried below ones chosen earlier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// Every trigger has a place in the person's own order: that order.
    YourOwn,
    /// Some were compared, some not: the compared ones in the person's
    /// order, the others placed among them by priority.
    Mixed,
    /// None compared: by priority from the ratings, highest first; unrated
    /// ones last, in the order they were written.
    Priority,
}

impl Order {
    /// Which case of the rule these triggers are in.
    pub fn of(triggers: &[Trigger]) -> Order {
        let ranked = triggers.iter().filter(|t| t.rank.is_some()).count();
        match ranked {
            0 => Order::Priority,
            n if n == triggers.len() => Order::YourOwn,
            _ => Order::Mixed,
        }
    }

    /// The rule, said to the person.
    pub fn explain(self) -> &'static str {
        match self {
            Order::YourOwn => "Riskiest first, in the order you chose by comparing them.",
            Order::Mixed => {
                "Riskiest first: the ones you compared in the order you chose, the others placed among them by priority from your ratings; not yet rated last."
            }
            Order::Priority => {
                "Riskiest first, by priority from your ratings (high, medium, low); not yet rated last."
            }
        }
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
/// priority order (stable for ties; on a tie the compared one goes first).
/// Places rather than references, so a caller that edits the list (the
/// walk-through's change and remove) can act on the one the person chose.
pub fn places(triggers: &[Trigger]) -> Vec<usize> {
    let (mut ranked, mut rest): (Vec<usize>, Vec<usize>) =
        (0..triggers.len()).partition(|&at| triggers[at].rank.is_some());
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
        assert_eq!(Order::of(&all), Order::Mixed);
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
}
