//! The early warning: a rule over the last days of check-ins, in the
//! person's own warning signs. By default it holds when two or more warning
//! signs showed on three of the last five check-ins, or an urge of 7 or more
//! came on two days within three days, or there was a lapse within the last
//! three days. The numbers live in the plan file (`[early_warning]`), so a
//! person and their therapist can tune it. Pure: "today" is given.

use serde::{Deserialize, Serialize};

use super::checkin::{CheckIn, tally};

/// Check-ins the rule may look back over at most; the summary written at
/// check-in time keeps this many, so `now` never reads the whole log.
pub const MAX_LOOK_BACK: u8 = 31;

/// The rule's numbers, as in the plan file's `[early_warning]` table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Rule {
    /// This many warning signs or more on one check-in…
    pub signs: u8,
    /// …on this many check-ins…
    pub sign_check_ins: u8,
    /// …out of the last this-many check-ins.
    pub last_check_ins: u8,
    /// An urge this strong or stronger (1-10: urges are rated 0-10, and a
    /// threshold of 0 would hold every day)…
    pub urge: u8,
    /// …on this many days…
    pub urge_times: u8,
    /// …within this many days, today included.
    pub urge_days: u8,
    /// A lapse within this many days, today included; 0 leaves lapses out.
    pub lapse_days: u8,
}

impl Default for Rule {
    fn default() -> Rule {
        Rule {
            signs: 2,
            sign_check_ins: 3,
            last_check_ins: 5,
            urge: 7,
            urge_times: 2,
            urge_days: 3,
            lapse_days: 3,
        }
    }
}

impl Rule {
    pub fn is_default(&self) -> bool {
        *self == Rule::default()
    }

    /// What is wrong with the numbers, in words, for validation.
    pub fn problems(&self) -> Vec<String> {
        let max = MAX_LOOK_BACK;
        let mut problems = Vec::new();
        let mut check = |ok: bool, message: String| {
            if !ok {
                problems.push(message);
            }
        };
        check(
            (1..=20).contains(&self.signs),
            format!("`signs` is {}; it should be from 1 to 20", self.signs),
        );
        check(
            (1..=max).contains(&self.last_check_ins),
            format!(
                "`last_check_ins` is {}; it should be from 1 to {max}",
                self.last_check_ins
            ),
        );
        check(
            (1..=self.last_check_ins.max(1)).contains(&self.sign_check_ins),
            format!(
                "`sign_check_ins` is {}; it should be from 1 to `last_check_ins` ({})",
                self.sign_check_ins, self.last_check_ins
            ),
        );
        check(
            (1..=10).contains(&self.urge),
            format!("`urge` is {}; it should be from 1 to 10", self.urge),
        );
        check(
            (1..=max).contains(&self.urge_days),
            format!(
                "`urge_days` is {}; it should be from 1 to {max}",
                self.urge_days
            ),
        );
        check(
            (1..=self.urge_days.max(1)).contains(&self.urge_times),
            format!(
                "`urge_times` is {}; it should be from 1 to `urge_days` ({})",
                self.urge_times, self.urge_days
            ),
        );
        check(
            self.lapse_days <= max,
            format!(
                "`lapse_days` is {}; it should be from 0 to {max}",
                self.lapse_days
            ),
        );
        problems
    }

    /// The rule in plain words, for `--help`, the README's example and the
    /// message itself.
    pub fn describe(&self) -> String {
        let mut parts = vec![
            format!(
                "{} or more warning signs on {} of your last {} check-ins",
                self.signs,
                self.sign_check_ins,
                plural(self.last_check_ins)
            ),
            format!(
                "an urge of {} or more on {} {} within {} {} (today included)",
                self.urge,
                self.urge_times,
                if self.urge_times == 1 { "day" } else { "days" },
                self.urge_days,
                if self.urge_days == 1 { "day" } else { "days" },
            ),
        ];
        if self.lapse_days > 0 {
            parts.push(if self.lapse_days == 1 {
                "a lapse today".to_string()
            } else {
                format!("a lapse within the last {} days", self.lapse_days)
            });
        }
        let last = parts.pop().unwrap_or_default();
        format!("{}, or {last}", parts.join(", or "))
    }
}

fn plural(n: u8) -> String {
    if n == 1 { "one".into() } else { n.to_string() }
}

/// Why the early warning holds, in the person's own words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// Set when the warning signs part holds: how many of the last check-ins
    /// had enough signs, out of how many, and each sign with how often it
    /// showed on them (most often first).
    pub signs: Option<SignsRising>,
    /// Days (since 1970) and urge, when the urge part holds.
    pub urges: Vec<(i64, u8)>,
    /// Days (since 1970) of lapses, when the lapse part holds.
    pub lapses: Vec<i64>,
}

/// The warning-signs part of a warning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignsRising {
    pub check_ins: usize,
    pub of: usize,
    pub counts: Vec<(String, usize)>,
}

/// Whether the rule holds on `today` (days since 1970), from check-ins in
/// day order (only those up to today count), and why.
pub fn assess(rule: Rule, entries: &[CheckIn], today: i64) -> Option<Warning> {
    let upto = entries.partition_point(|e| e.day_number() <= today);
    let entries = &entries[..upto];
    let window = &entries[entries
        .len()
        .saturating_sub(usize::from(rule.last_check_ins))..];
    let enough = |e: &&CheckIn| e.signs.len() >= usize::from(rule.signs);
    let heavy: Vec<&CheckIn> = window.iter().filter(enough).collect();
    let signs = (heavy.len() >= usize::from(rule.sign_check_ins)).then(|| {
        let mut counts = tally(window.iter().flat_map(|e| e.signs.iter()));
        // Most often first; ties keep the order they first showed.
        counts.sort_by_key(|c| std::cmp::Reverse(c.1));
        SignsRising {
            check_ins: heavy.len(),
            of: window.len(),
            counts,
        }
    });
    let since = |days: u8| today - i64::from(days) + 1;
    // Only the tail is ever looked at, so the cost does not grow with the log.
    let within = |days: u8| {
        entries
            .iter()
            .rev()
            .take_while(move |e| e.day_number() >= since(days))
    };
    let mut strong: Vec<(i64, u8)> = within(rule.urge_days)
        .filter(|e| e.urge >= rule.urge)
        .map(|e| (e.day_number(), e.urge))
        .collect();
    strong.reverse();
    let urges = if strong.len() >= usize::from(rule.urge_times) {
        strong
    } else {
        Vec::new()
    };
    let mut lapses: Vec<i64> = if rule.lapse_days == 0 {
        Vec::new()
    } else {
        within(rule.lapse_days)
            .filter(|e| e.is_lapse())
            .map(CheckIn::day_number)
            .collect()
    };
    lapses.reverse();
    (signs.is_some() || !urges.is_empty() || !lapses.is_empty()).then_some(Warning {
        signs,
        urges,
        lapses,
    })
}

/// Every stretch of days on which the warning held, as (first, last) days
/// since 1970, assessed on each checked-in day from `first` to `last`.
pub fn periods(rule: Rule, entries: &[CheckIn], first: i64, last: i64) -> Vec<(i64, i64)> {
    let mut out: Vec<(i64, i64)> = Vec::new();
    for e in entries {
        let day = e.day_number();
        if day < first || day > last {
            continue;
        }
        if assess(rule, entries, day).is_some() {
            match out.last_mut() {
                Some(period) if held_between(rule, entries, period.1, day) => {
                    period.1 = day;
                }
                _ => out.push((day, day)),
            }
        }
    }
    out
}

/// Whether the warning held on every day between two checked-in days
/// (a gap with no check-in does not end it: nothing had eased). Within a
/// gap no check-in is added: the signs part stays as it was and the urge
/// and lapse parts only wear off, so it held on every day of the gap
/// exactly when it held on the gap's last day. One assessment, never one a
/// day: a hand-in with check-ins centuries apart must not take seconds.
fn held_between(rule: Rule, entries: &[CheckIn], from: i64, to: i64) -> bool {
    to - from <= 1 || assess(rule, entries, to - 1).is_some()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::plan::checkin::{Acted, Answers, CheckInLog};
    use crate::plan::date::{civil_from_days, utc_from_unix};

    const DAY0: i64 = 20_000;

    /// A log from (day offset, urge, signs, lapse) tuples.
    fn log(days: &[(i64, u8, usize, bool)]) -> Vec<CheckIn> {
        let mut log = CheckInLog::default();
        for &(d, urge, signs, lapse) in days {
            log.record(
                civil_from_days(DAY0 + d),
                utc_from_unix((DAY0 + d) * 86_400),
                Answers {
                    urge,
                    acted: if lapse { Acted::Partly } else { Acted::No },
                    signs: (0..signs).map(|i| format!("sign {i}")).collect(),
                    ..Answers::default()
                },
            );
        }
        log.entries
    }

    fn holds(days: &[(i64, u8, usize, bool)], today: i64) -> bool {
        assess(Rule::default(), &log(days), DAY0 + today).is_some()
    }

    #[test]
    fn three_of_the_last_five_with_two_signs() {
        let busy = [
            (0, 0, 2, false),
            (1, 0, 0, false),
            (2, 0, 3, false),
            (3, 0, 0, false),
        ];
        assert!(
            !holds(&busy, 4),
            "two check-ins with signs is not yet three"
        );
        let mut more = busy.to_vec();
        more.push((4, 0, 2, false));
        assert!(holds(&more, 4));
        let w = assess(Rule::default(), &log(&more), DAY0 + 4).unwrap();
        let signs = w.signs.unwrap();
        assert_eq!((signs.check_ins, signs.of), (3, 5));
        assert_eq!(signs.counts[0], ("sign 0".to_string(), 3));
        // Two quiet check-ins later, the first busy one has left the window.
        more.push((5, 0, 0, false));
        assert!(!holds(&more, 5));
    }

    #[test]
    fn one_sign_is_not_enough() {
        let days: Vec<_> = (0..5).map(|d| (d, 0, 1, false)).collect();
        assert!(!holds(&days, 4));
    }

    #[test]
    fn two_strong_urges_within_three_days() {
        assert!(holds(&[(0, 7, 0, false), (2, 9, 0, false)], 2));
        assert!(
            !holds(&[(0, 7, 0, false), (3, 9, 0, false)], 3),
            "four days apart"
        );
        assert!(
            !holds(&[(0, 6, 0, false), (1, 9, 0, false)], 1),
            "6 is below 7"
        );
        // It eases by itself: two days later the first urge is out of range.
        assert!(!holds(&[(0, 7, 0, false), (1, 8, 0, false)], 3));
    }

    #[test]
    fn any_lapse_in_the_last_three_days_then_it_stands_down() {
        let days = [(0, 2, 0, true)];
        assert!(holds(&days, 0));
        assert!(holds(&days, 2));
        assert!(!holds(&days, 3));
        let off = Rule {
            lapse_days: 0,
            ..Rule::default()
        };
        assert!(assess(off, &log(&days), DAY0).is_none());
    }

    #[test]
    fn future_check_ins_do_not_count() {
        assert!(!holds(&[(5, 9, 0, true), (6, 9, 0, true)], 4));
    }

    #[test]
    fn the_rule_is_stated_in_words() {
        assert_eq!(
            Rule::default().describe(),
            "2 or more warning signs on 3 of your last 5 check-ins, or an urge of 7 or more on 2 days within 3 days (today included), or a lapse within the last 3 days"
        );
        assert!(Rule::default().problems().is_empty());
        let bad = Rule {
            sign_check_ins: 6,
            urge: 11,
            ..Rule::default()
        };
        assert_eq!(bad.problems().len(), 2);
    }

    #[test]
    fn periods_join_days_the_warning_held() {
        let days = [
            (0, 8, 0, false),
            (1, 8, 0, false),
            (2, 0, 0, false),
            (9, 0, 0, true),
        ];
        let entries = log(&days);
        let found = periods(Rule::default(), &entries, DAY0, DAY0 + 9);
        assert_eq!(found, [(DAY0 + 1, DAY0 + 2), (DAY0 + 9, DAY0 + 9)]);
    }

    /// The rule's words, read as literally as possible: a second,
    /// deliberately naive reading to check the real one against.
    fn words(rule: Rule, days: &[(i64, u8, usize, bool)], today: i64) -> bool {
        let mut seen: Vec<(i64, u8, usize, bool)> = Vec::new();
        // One check-in per day: a later one that day merges into the first.
        for &(d, u, s, l) in days {
            if let Some(e) = seen.iter_mut().find(|e| e.0 == d) {
                e.1 = e.1.max(u);
                e.2 = e.2.max(s);
                e.3 |= l;
            } else {
                seen.push((d, u, s, l));
            }
        }
        seen.retain(|e| e.0 <= today);
        seen.sort_by_key(|e| e.0);
        let last: Vec<_> = seen.iter().rev().take(rule.last_check_ins.into()).collect();
        let with_signs = last.iter().filter(|e| e.2 >= rule.signs.into()).count();
        let strong_days = seen
            .iter()
            .filter(|e| today - e.0 < i64::from(rule.urge_days) && e.1 >= rule.urge)
            .count();
        let lapse = seen
            .iter()
            .any(|e| e.3 && today - e.0 < i64::from(rule.lapse_days));
        with_signs >= rule.sign_check_ins.into() || strong_days >= rule.urge_times.into() || lapse
    }

    proptest! {
        /// Joining stretches with one assessment per gap gives the same
        /// stretches as assessing every day of every gap.
        #[test]
        fn periods_match_a_day_by_day_assessment(
            days in prop::collection::vec((0i64..40, 0u8..=10, 0usize..4, prop::bool::weighted(0.1)), 0..20),
            urge_days in 1u8..6, lapse_days in 0u8..5,
        ) {
            let rule = Rule { urge_days, urge_times: 1, lapse_days, ..Rule::default() };
            let entries = log(&days);
            let mut slow: Vec<(i64, i64)> = Vec::new();
            for e in &entries {
                let day = e.day_number();
                if assess(rule, &entries, day).is_none() {
                    continue;
                }
                match slow.last_mut() {
                    Some(p) if (p.1 + 1..day).all(|d| assess(rule, &entries, d).is_some()) => p.1 = day,
                    _ => slow.push((day, day)),
                }
            }
            prop_assert_eq!(periods(rule, &entries, DAY0, DAY0 + 40), slow);
        }

        #[test]
        fn it_holds_exactly_when_its_words_say(
            days in prop::collection::vec((0i64..20, 0u8..=10, 0usize..4, prop::bool::weighted(0.1)), 0..25),
            today in 0i64..22,
            signs in 1u8..4, last in 1u8..8, urge in 1u8..=10, urge_days in 1u8..6, lapse_days in 0u8..5,
            sign_frac in 0u8..8, urge_frac in 0u8..6,
        ) {
            let rule = Rule {
                signs,
                sign_check_ins: 1 + sign_frac % last,
                last_check_ins: last,
                urge,
                urge_times: 1 + urge_frac % urge_days,
                urge_days,
                lapse_days,
            };
            // Signs merged within a day are a union, so their count is at
            // least the larger of the two, and exactly that here: the
            // generated signs share names.
            let entries = log(&days);
            prop_assert_eq!(
                assess(rule, &entries, DAY0 + today).is_some(),
                words(rule, &days, today)
            );
        }
    }
}
