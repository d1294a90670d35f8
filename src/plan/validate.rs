//! Validation: everything that can be wrong with a plan that parsed, said in
//! words a person can act on. It runs on every load and before every save.

use std::collections::HashSet;
use std::fmt;

use super::{Plan, Section, date, ids};

/// One thing wrong with a plan: where, and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where in the plan, in words ("trigger `payday`").
    pub place: String,
    /// What is wrong and, where it helps, how to mend it.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.message)
    }
}

/// The most entries one list of a plan may hold (contacts, triggers, crisis
/// steps, …). A plan is read on the worst day of a year: it has no reason to
/// hold more, and a bound keeps every command fast whatever a file asks for.
pub const MAX_ITEMS: usize = 500;

/// The most entries a list inside one entry may hold (a trigger's thoughts
/// or links, a coping strategy's steps).
pub const MAX_INNER: usize = 100;

/// A likelihood within 0-100 % and sound words for the obstacle and answer.
fn check_follow_through(
    follow: &super::FollowThrough,
    place: &str,
    report: &mut impl FnMut(String, String),
) {
    if follow.likely.is_some_and(|l| l > 100) {
        report(
            format!("{place} follow_through.likely"),
            "should be a percentage from 0 to 100".into(),
        );
    }
    for (field, value) in [
        ("in_the_way", &follow.in_the_way),
        ("answer", &follow.answer),
    ] {
        if let Some(value) = value {
            check_text(value, &format!("{place} {field}"), false, report);
        }
    }
}

/// What schema 3 added at the top level: where the plan is kept and the
/// person's own numbers.
fn check_schema_3(plan: &Plan, report: &mut impl FnMut(String, String)) {
    if let Some(kept_at) = &plan.kept_at {
        check_text(kept_at, "kept_at", true, report);
    }
    let own = &plan.own_lines;
    for (field, value) in [
        ("own_lines.emergency", &own.emergency),
        ("own_lines.emergency_source", &own.emergency_source),
    ] {
        if let Some(value) = value {
            check_text(value, field, false, report);
        }
    }
    for (n, line) in own.lines.iter().enumerate() {
        let place = format!("own crisis line {}", n + 1);
        check_text(&line.name, &format!("{place} name"), false, report);
        for value in [&line.call, &line.text, &line.source].into_iter().flatten() {
            check_text(value, &place, false, report);
        }
        if line.call.is_none() && line.text.is_none() {
            report(place, "needs a number to call or to text".into());
        }
    }
}

/// Every problem in the plan, in file order; empty when the plan is sound.
pub fn validate(plan: &Plan) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut report = |place: String, message: String| problems.push(Problem { place, message });

    if plan.schema_version != super::SCHEMA_VERSION {
        report(
            "schema_version".into(),
            format!(
                "is {}, this build knows {}",
                plan.schema_version,
                super::SCHEMA_VERSION
            ),
        );
    }
    check_counts(plan, &mut report);
    check_text(&plan.name, "name", true, &mut report);
    for problem in plan.early_warning.problems() {
        report("early_warning".into(), problem);
    }
    if let Some(country) = &plan.country
        && !(country.len() == 2 && country.chars().all(|c| c.is_ascii_uppercase()))
    {
        report(
            "country".into(),
            format!("`{country}` is not a two-letter country code like GB or US"),
        );
    }
    if let Some(saved_at) = &plan.saved_at
        && !date::is_moment(saved_at)
    {
        report(
            "saved_at".into(),
            "needs a date, time and offset, like 2026-11-22T10:15:00Z".into(),
        );
    }
    if let Some(note) = &plan.change_note {
        check_text(note, "change_note", true, &mut report);
    }

    for section in Section::ALL {
        for (n, item) in plan.section(section).iter().enumerate() {
            let place = format!("{} {}", section.item_name(), n + 1);
            check_text(&item.text, &place, false, &mut report);
            if section == Section::CrisisSteps {
                check_follow_through(&item.follow_through, &place, &mut report);
            } else if !item.follow_through.is_empty() {
                report(
                    place,
                    "only crisis steps and coping strategies keep a `follow_through`".into(),
                );
            }
        }
    }
    check_schema_3(plan, &mut report);

    let coping_ids = check_ids(
        plan.coping.iter().map(|c| c.id.as_str()),
        "coping strategy",
        &mut report,
    );
    check_ids(
        plan.contacts.iter().map(|c| c.id.as_str()),
        "contact",
        &mut report,
    );
    check_ids(
        plan.triggers.iter().map(|t| t.id.as_str()),
        "trigger",
        &mut report,
    );

    check_triggers(plan, &coping_ids, &mut report);

    for c in &plan.coping {
        let place = format!("coping strategy `{}`", c.id);
        check_follow_through(&c.follow_through, &place, &mut report);
        check_text(&c.name, &format!("{place} name"), false, &mut report);
        for step in &c.steps {
            check_text(step, &format!("{place} step"), false, &mut report);
        }
    }
    for c in &plan.contacts {
        let place = format!("contact `{}`", c.id);
        check_text(&c.name, &format!("{place} name"), false, &mut report);
        if let Some(phone) = &c.phone {
            check_text(phone, &format!("{place} phone"), false, &mut report);
        }
        if let Some(reachable) = &c.reachable {
            check_text(reachable, &format!("{place} reachable"), false, &mut report);
        }
    }

    for (field, value) in [
        ("review.last", &plan.review.last),
        ("review.next", &plan.review.next),
    ] {
        if let Some(value) = value
            && !date::is_date_only(value)
        {
            report(
                field.into(),
                format!("`{value}` should be a date alone, like 2027-01-15"),
            );
        }
    }
    problems
}

/// Lists no longer than [`MAX_ITEMS`] (and [`MAX_INNER`] within an entry).
fn check_counts(plan: &Plan, report: &mut impl FnMut(String, String)) {
    let mut count = |place: String, len: usize, max: usize| {
        if len > max {
            report(
                place,
                format!(
                    "there are {len}; a plan holds at most {max}, so keep the ones that matter most and remove the others"
                ),
            );
        }
    };
    for section in Section::ALL {
        count(
            section.key().to_string(),
            plan.section(section).len(),
            MAX_ITEMS,
        );
    }
    count("triggers".into(), plan.triggers.len(), MAX_ITEMS);
    count("coping".into(), plan.coping.len(), MAX_ITEMS);
    count("contacts".into(), plan.contacts.len(), MAX_ITEMS);
    count(
        "own_lines.lines".into(),
        plan.own_lines.lines.len(),
        MAX_ITEMS,
    );
    for t in &plan.triggers {
        for (field, len) in [
            ("thoughts", t.thoughts.len()),
            ("feelings", t.feelings.len()),
            ("urges", t.urges.len()),
            ("coping", t.coping.len()),
            ("contacts", t.contacts.len()),
        ] {
            count(format!("trigger `{}` {field}", t.id), len, MAX_INNER);
        }
    }
    for c in &plan.coping {
        count(
            format!("coping strategy `{}` steps", c.id),
            c.steps.len(),
            MAX_INNER,
        );
    }
}

/// Checks a list of ids: each valid, none twice. Returns the set of ids.
fn check_ids<'a>(
    ids: impl Iterator<Item = &'a str>,
    what: &str,
    report: &mut impl FnMut(String, String),
) -> HashSet<&'a str> {
    let mut seen = HashSet::new();
    for id in ids {
        if !ids::is_valid(id) {
            let command = match what {
                "contact" => "contact",
                "trigger" => "trigger",
                _ => "coping",
            };
            report(
                format!("{what} `{id}`"),
                format!(
                    "ids are lower-case letters and digits joined by hyphens, like `urge-surf`; `relapse-plan {command} edit '{id}' --new-id NEW` renames it"
                ),
            );
        }
        if !seen.insert(id) {
            report(
                format!("{what} `{id}`"),
                "this id is used twice; each needs its own".into(),
            );
        }
    }
    seen
}

/// Text must hold something and nothing that could disturb a terminal or a
/// printout; `may_be_empty` is for the few fields that are optional words.
fn check_text(
    text: &str,
    place: &str,
    may_be_empty: bool,
    report: &mut impl FnMut(String, String),
) {
    if !may_be_empty && text.trim().is_empty() {
        report(
            place.into(),
            "is empty; write something or remove it".into(),
        );
    }
    if text.chars().any(|c| c.is_control() && c != '\t') {
        report(
            place.into(),
            "holds a control character (such as a line break or escape); keep it to one line of plain text".into(),
        );
    }
}

/// Each trigger: its words, ratings in range, ranks unique, links that resolve.
fn check_triggers(
    plan: &Plan,
    coping_ids: &HashSet<&str>,
    report: &mut impl FnMut(String, String),
) {
    let mut ranks = HashSet::new();
    // Looked up by id once, so links cost the same whatever the plan's size.
    let contacts: std::collections::HashMap<&str, &super::Contact> =
        plan.contacts.iter().map(|c| (c.id.as_str(), c)).collect();
    for t in &plan.triggers {
        let place = format!("trigger `{}`", t.id);
        check_text(&t.situation, &format!("{place} situation"), false, report);
        for (field, list) in [
            ("thought", &t.thoughts),
            ("feeling", &t.feelings),
            ("urge", &t.urges),
        ] {
            for text in list {
                check_text(text, &format!("{place} {field}"), false, report);
            }
        }
        for (field, value, max) in [
            ("likelihood", t.likelihood, 5),
            ("intensity", t.intensity, 5),
            ("confidence", t.confidence, 100),
        ] {
            if let Some(value) = value
                && value > max
            {
                report(
                    place.clone(),
                    format!("{field} is {value}; it goes from 0 to {max}"),
                );
            }
        }
        match t.rank {
            Some(0) => report(
                place.clone(),
                "rank is 0; ranks start at 1 (the riskiest)".into(),
            ),
            Some(rank) if !ranks.insert(rank) => {
                report(
                    place.clone(),
                    format!("rank {rank} is given to another trigger too"),
                );
            }
            _ => {}
        }
        for id in &t.coping {
            if !coping_ids.contains(id.as_str()) {
                report(
                    place.clone(),
                    format!("links to coping strategy `{id}`, which is not in the plan"),
                );
            }
        }
        for id in &t.contacts {
            match contacts.get(id.as_str()) {
                None => report(
                    place.clone(),
                    format!("links to contact `{id}`, who is not in the plan"),
                ),
                Some(c) if !c.to_involve() => report(
                    place.clone(),
                    format!("links to contact `{id}`, who is marked not to involve in a crisis"),
                ),
                Some(_) => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Contact, Coping, CopingKind, Role, TextItem, Trigger};

    fn sound_plan() -> Plan {
        let mut plan = Plan::new("Sam".into(), Some("GB".into()));
        plan.coping.push(Coping {
            id: "urge-surf".into(),
            name: "Urge surfing".into(),
            kind: CopingKind::Internal,
            steps: vec!["Breathe".into()],
            follow_through: super::super::FollowThrough::default(),
        });
        plan.contacts.push(Contact {
            id: "alex".into(),
            name: "Alex".into(),
            phone: Some("+44 7700 900123".into()),
            role: Role::Help,
            reachable: None,
        });
        let mut t = Trigger::new("payday".into(), "Friday payday".into());
        t.coping.push("urge-surf".into());
        t.contacts.push("alex".into());
        t.likelihood = Some(4);
        plan.triggers.push(t);
        plan.crisis_steps.push(TextItem::new("Leave"));
        plan
    }

    fn messages(plan: &Plan) -> Vec<String> {
        validate(plan).iter().map(ToString::to_string).collect()
    }

    #[test]
    fn a_sound_plan_has_no_problems() {
        assert_eq!(messages(&sound_plan()), Vec::<String>::new());
    }

    #[test]
    fn duplicate_ids_and_dangling_links_are_named() {
        let mut plan = sound_plan();
        plan.triggers.push(plan.triggers[0].clone());
        plan.triggers[0].coping.push("walk".into());
        plan.contacts[0].role = Role::DoNotInvolve;
        let got = messages(&plan);
        assert!(
            got.contains(
                &"trigger `payday`: this id is used twice; each needs its own".to_string()
            ),
            "{got:?}"
        );
        assert!(
            got.contains(
                &"trigger `payday`: links to coping strategy `walk`, which is not in the plan"
                    .to_string()
            ),
            "{got:?}"
        );
        assert!(
            got.iter()
                .any(|m| m.contains("marked not to involve in a crisis")),
            "{got:?}"
        );
    }

    #[test]
    fn ratings_out_of_range_and_empty_text_are_named() {
        let mut plan = sound_plan();
        plan.triggers[0].intensity = Some(9);
        plan.triggers[0].confidence = Some(101);
        plan.triggers[0].rank = Some(0);
        plan.crisis_steps.push(TextItem::new("  "));
        plan.reasons.push(TextItem::new("a\u{1b}[2Jb"));
        plan.country = Some("gb".into());
        let got = messages(&plan);
        for expected in [
            "trigger `payday`: intensity is 9; it goes from 0 to 5",
            "trigger `payday`: confidence is 101; it goes from 0 to 100",
            "trigger `payday`: rank is 0; ranks start at 1 (the riskiest)",
            "crisis step 2: is empty; write something or remove it",
        ] {
            assert!(
                got.contains(&expected.to_string()),
                "missing {expected:?} in {got:?}"
            );
        }
        assert!(
            got.iter()
                .any(|m| m.starts_with("reason 1: holds a control character"))
        );
        assert!(got.iter().any(|m| m.starts_with("country: `gb`")));
    }

    #[test]
    fn bad_ids_and_dates_are_named() {
        let mut plan = sound_plan();
        plan.coping[0].id = "Urge Surf".into();
        plan.triggers[0].coping = vec!["Urge Surf".into()];
        plan.review.next = Some("2027-01-15T10:00:00Z".parse().unwrap());
        let got = messages(&plan);
        assert!(
            got.iter()
                .any(|m| m.starts_with("coping strategy `Urge Surf`: ids are")),
            "{got:?}"
        );
        assert!(got.iter().any(|m| m.starts_with("review.next:")), "{got:?}");
    }
}
