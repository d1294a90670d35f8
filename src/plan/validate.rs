//! Validation: everything that can be wrong with a plan that parsed, said in
//! words a person can act on. It runs on every load and before every save.

use std::collections::HashSet;
use std::fmt;

use super::{Plan, Section, date, ids};

/// One thing wrong with a plan: where, and what.
#[derive(Debug, Clone)]
pub struct Problem {
    /// Where in the plan, in the person's words (`trigger "Payday Friday"`):
    /// an entry is named by its situation or name, quoted and shortened,
    /// never by its id alone.
    pub place: String,
    /// What is wrong and, where it helps, how to mend it.
    pub message: String,
    /// The entry's id, when the place is a trigger, contact or coping
    /// strategy: how to find it in a file edited by hand.
    pub id: Option<String>,
    /// The entry's field the problem is in (`name`, `phone`), if one.
    pub field: Option<&'static str>,
    /// Where it is in the plan's TOML, as keys and list entries, so a
    /// reader of a file holding the plan (a hand-in) can name the line.
    pub path: Vec<Step>,
    /// The same problem whatever the entry's words: by kind, id, field and
    /// message. What equality compares, so a change that mends a file's
    /// problems is recognised even when it also edits the words they quote.
    key: String,
}

impl PartialEq for Problem {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}

impl Eq for Problem {}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.message)
    }
}

impl Problem {
    /// The problem as said about a file the person may open by hand
    /// (`file` is its name, like `plan.toml`): the entry's id is added, as
    /// that is what the file shows to search for.
    pub fn in_file(&self, file: &str) -> String {
        match &self.id {
            Some(id) if !self.to_string().contains(&format!("`{id}`")) => {
                format!("{self} (id `{id}` in {file})")
            }
            _ => self.to_string(),
        }
    }
}

/// One step of a [`Problem`]'s path in the plan's TOML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// A table's key.
    Key(String),
    /// A list's entry, counted from 0.
    Entry(usize),
}

/// Where a problem is: in words, with the entry's id and field if any.
#[derive(Clone)]
struct At {
    words: String,
    id: Option<String>,
    field: Option<&'static str>,
    key: String,
    path: Vec<Step>,
}

impl From<&str> for At {
    /// A top-level key or table (`name`, `review.next`), said as itself.
    fn from(place: &str) -> At {
        At {
            words: place.to_string(),
            id: None,
            field: None,
            key: place.to_string(),
            path: place.split('.').map(|k| Step::Key(k.into())).collect(),
        }
    }
}

impl From<String> for At {
    fn from(place: String) -> At {
        At::from(place.as_str())
    }
}

impl At {
    /// An entry (`kind` is "trigger", "contact", "coping strategy"), named
    /// by its words, or by its id when it has none; `index` is where it is
    /// in its list (None: not in the plan's lists, a card being imported).
    fn entry(kind: &str, index: Option<usize>, id: &str, words: &str) -> At {
        let shown = if words.trim().is_empty() {
            format!("{kind} `{id}`")
        } else {
            format!("{kind} “{}”", brief(words))
        };
        let list = match kind {
            "trigger" => "triggers",
            "contact" => "contacts",
            _ => "coping",
        };
        At {
            words: shown,
            id: Some(id.to_string()),
            field: None,
            key: format!("{kind} `{id}`"),
            path: index.map_or_else(Vec::new, |i| vec![Step::Key(list.into()), Step::Entry(i)]),
        }
    }

    /// Entry `index` (from 0) of a list of words, said as `words` ("crisis
    /// step 2").
    fn item(words: &str, list: &str, index: usize) -> At {
        At {
            path: vec![Step::Key(list.into()), Step::Entry(index)],
            ..At::from(words)
        }
    }

    /// The same entry, at one of its fields (`key` as the file writes it).
    fn field(&self, field: &'static str) -> At {
        let key = match field {
            "thought" => "thoughts",
            "feeling" => "feelings",
            "urge" => "urges",
            "step" => "steps",
            other => other,
        };
        At {
            words: format!("{} {field}", self.words),
            id: self.id.clone(),
            field: Some(field),
            key: format!("{} {field}", self.key),
            path: self.at_key(key).path,
        }
    }

    /// The same place, pointing at one of its keys in the file (a rating
    /// that is said about the whole entry).
    fn at_key(&self, key: &str) -> At {
        let mut at = self.clone();
        at.path
            .extend(key.split('.').map(|k| Step::Key(k.to_string())));
        at
    }
}

/// The most display columns of a person's words quoted in a place.
const BRIEF: usize = 40;

/// Words cut to about [`BRIEF`] columns at a place a line may break (a
/// space, or between two Chinese characters), "…" marking the cut, so a
/// problem stays a line long however long the situation.
fn brief(words: &str) -> String {
    let words = words.trim();
    if crate::width::display_width(words) <= BRIEF {
        return words.to_string();
    }
    let mut end = 0;
    let mut used = 0;
    for (at, c) in words.char_indices() {
        used += crate::width::display_width(c.encode_utf8(&mut [0; 4]));
        if used > BRIEF - 1 {
            break;
        }
        end = at + c.len_utf8();
    }
    let cut = crate::breaks::opportunities(words)
        .map(|(at, _)| at)
        .take_while(|at| *at <= end)
        .last()
        .filter(|at| *at >= end / 2)
        .unwrap_or(end);
    format!("{}…", words[..cut].trim_end())
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
    place: &At,
    report: &mut impl FnMut(At, String),
) {
    if follow.likely.is_some_and(|l| l > 100) {
        report(
            place.field("follow_through.likely"),
            "should be a percentage from 0 to 100".into(),
        );
    }
    for (field, value) in [
        ("in_the_way", &follow.in_the_way),
        ("answer", &follow.answer),
    ] {
        if let Some(value) = value {
            check_text(value, &place.field(field), false, report);
        }
    }
}

/// What schema 3 added at the top level: where the plan is kept and the
/// person's own numbers.
fn check_schema_3(plan: &Plan, report: &mut impl FnMut(At, String)) {
    if let Some(kept_at) = &plan.kept_at {
        check_text(kept_at, &"kept_at".into(), true, report);
    }
    let own = &plan.own_lines;
    for (field, value) in [
        ("own_lines.emergency", &own.emergency),
        ("own_lines.emergency_source", &own.emergency_source),
    ] {
        if let Some(value) = value {
            check_text(value, &field.into(), false, report);
        }
    }
    for (n, line) in own.lines.iter().enumerate() {
        let place = At::item(&format!("own crisis line {}", n + 1), "own_lines.lines", n);
        check_text(&line.name, &place.field("name"), false, report);
        for value in [&line.call, &line.text, &line.source].into_iter().flatten() {
            check_text(value, &place, false, report);
        }
        if line.call.is_none() && line.text.is_none() {
            report(place, "needs a number to call or to text".into());
        }
    }
}

/// Her own numbers that can't be offered as they stand (see
/// [`Plan::own_numbers_in_doubt`]): the number or name of someone she
/// marked "do not involve", or someone's old number. Not checked on every
/// load, as `now` must always open (it marks them instead), but `validate`
/// names each as a problem: a hand edit made Dermot's number her
/// emergency number and `validate` called the plan valid (Trudy).
pub fn own_number_problems(plan: &Plan) -> Vec<Problem> {
    use super::own_doubt::{OwnDoubt, OwnNumber};
    let at_line = |name: &str| {
        let n = plan
            .own_lines
            .lines
            .iter()
            .position(|l| l.name == name)
            .unwrap_or_default();
        At::item(
            &format!("own crisis line “{}”", brief(name)),
            "own_lines.lines",
            n,
        )
    };
    plan.own_numbers_in_doubt()
        .into_iter()
        .map(|(which, doubt)| {
            let (at, what, kind) = match &which {
                OwnNumber::Emergency => (
                    At {
                        words: "your emergency number".into(),
                        ..At::from("own_lines.emergency")
                    },
                    "it",
                    "number",
                ),
                OwnNumber::Call(name) => (at_line(name).field("call"), "its number to call", "number"),
                OwnNumber::Text(name) => (at_line(name).field("text"), "its number to text", "number"),
                OwnNumber::Name(name) => (at_line(name).field("name"), "its name", "name"),
            };
            let message = match doubt {
                OwnDoubt::NotToInvolve(them) => format!(
                    "{what} is the {kind} of “{}”, whom your plan marks not to involve in a crisis; it is never shown as one to call until it is changed",
                    brief(&them.name)
                ),
                OwnDoubt::Former(them) => format!(
                    "{what} is an old number of “{}”, changed since; it is marked as old wherever it is shown until it is changed",
                    brief(&them.name)
                ),
            };
            problem(at, message)
        })
        .collect()
}

/// The people to turn to left off every screen only because their number
/// is the number of someone she marked "do not involve" (see
/// [`Plan::helpers_sharing_a_number`]): a hand edit, or a plan saved
/// before this was asked, can hold both. Not checked on every load, as
/// `now` must always open (it says who it leaves off), but `validate`
/// names each as a problem: Mulu's sister vanished from `now` while
/// `validate` called the plan valid.
pub fn left_off_problems(plan: &Plan) -> Vec<Problem> {
    plan.helpers_sharing_a_number()
        .into_iter()
        .map(|(helper, them)| {
            let index = plan.contacts.iter().position(|c| c.id == helper.id);
            let at = At::entry("contact", index, &helper.id, &helper.name).field("phone");
            problem(
                at,
                format!(
                    "is also the number of “{}”, whom your plan marks not to involve in a crisis; “{}” is left off your crisis screen, card and printout until one of the two numbers is changed",
                    brief(&them.name),
                    brief(&helper.name)
                ),
            )
        })
        .collect()
}

/// A problem at `at`.
fn problem(at: At, message: String) -> Problem {
    Problem {
        key: format!("{}: {message}", at.key),
        place: at.words,
        message,
        id: at.id,
        field: at.field,
        path: at.path,
    }
}

/// Every problem in the plan, in file order; empty when the plan is sound.
pub fn validate(plan: &Plan) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut report = |at: At, message: String| problems.push(problem(at, message));

    if plan.schema_version != plan.schema_needed() {
        report(
            "schema_version".into(),
            format!(
                "is {}, where this plan is written as {} (this build knows up to {})",
                plan.schema_version,
                plan.schema_needed(),
                super::SCHEMA_VERSION
            ),
        );
    }
    check_counts(plan, &mut report);
    check_text(&plan.name, &"name".into(), true, &mut report);
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
        // Said in words: "change_note" is the file's, and the note may be
        // relapse-plan's own record of a change, not words she gave.
        let place = At {
            words: "the note saved with the latest change".into(),
            ..At::from("change_note")
        };
        check_text(note, &place, true, &mut report);
    }

    for section in Section::ALL {
        for (n, item) in plan.section(section).iter().enumerate() {
            let place = At::item(
                &format!("{} {}", section.item_name(), n + 1),
                section.key(),
                n,
            );
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
        plan.coping.iter().map(|c| (c.id.as_str(), c.name.as_str())),
        "coping strategy",
        &mut report,
    );
    check_ids(
        plan.contacts
            .iter()
            .map(|c| (c.id.as_str(), c.name.as_str())),
        "contact",
        &mut report,
    );
    check_ids(
        plan.triggers
            .iter()
            .map(|t| (t.id.as_str(), t.situation.as_str())),
        "trigger",
        &mut report,
    );

    check_triggers(plan, &coping_ids, &mut report);

    check_coping_and_contacts(plan, &mut report);

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

/// Each coping strategy's and contact's words.
fn check_coping_and_contacts(plan: &Plan, report: &mut impl FnMut(At, String)) {
    for (n, c) in plan.coping.iter().enumerate() {
        let place = At::entry("coping strategy", Some(n), &c.id, &c.name);
        check_follow_through(&c.follow_through, &place, report);
        check_text(&c.name, &place.field("name"), false, report);
        for step in &c.steps {
            check_text(step, &place.field("step"), false, report);
        }
    }
    for (n, c) in plan.contacts.iter().enumerate() {
        check_contact(c, Some(n), report);
    }
    // A hand-edited former number is matched against her steps' words: an
    // escape, a blank or one with no digits was read and never named
    // (lock17a, issue 12).
    for (n, former) in plan.former_phones.iter().enumerate() {
        let place =
            At::item(&format!("former number {}", n + 1), "former_phones", n).field("phone");
        check_text(&former.phone, &place, false, report);
        if !former.phone.trim().is_empty() && !super::phone::has_digits(&former.phone) {
            report(
                place,
                "holds no digits; write the number as it was, or remove the entry".into(),
            );
        }
    }
}

/// One contact's words.
fn check_contact(c: &super::Contact, index: Option<usize>, report: &mut impl FnMut(At, String)) {
    let place = At::entry("contact", index, &c.id, &c.name);
    check_text(&c.name, &place.field("name"), false, report);
    if let Some(phone) = &c.phone {
        check_text(phone, &place.field("phone"), false, report);
    }
    if let Some(reachable) = &c.reachable {
        check_text(reachable, &place.field("reachable"), false, report);
    }
}

/// What [`validate`] would find in one contact's words, before it is in a
/// plan (a card being imported).
pub fn contact_problems(contact: &super::Contact) -> Vec<Problem> {
    let mut problems = Vec::new();
    check_contact(contact, None, &mut |at: At, message: String| {
        problems.push(problem(at, message));
    });
    problems
}

/// Lists no longer than [`MAX_ITEMS`] (and [`MAX_INNER`] within an entry).
fn check_counts(plan: &Plan, report: &mut impl FnMut(At, String)) {
    let mut count = |place: At, len: usize, max: usize| {
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
        count(section.key().into(), plan.section(section).len(), MAX_ITEMS);
    }
    count("triggers".into(), plan.triggers.len(), MAX_ITEMS);
    count("coping".into(), plan.coping.len(), MAX_ITEMS);
    count("contacts".into(), plan.contacts.len(), MAX_ITEMS);
    count("former_phones".into(), plan.former_phones.len(), MAX_ITEMS);
    count(
        "own_lines.lines".into(),
        plan.own_lines.lines.len(),
        MAX_ITEMS,
    );
    for (n, t) in plan.triggers.iter().enumerate() {
        for (field, len) in [
            ("thoughts", t.thoughts.len()),
            ("feelings", t.feelings.len()),
            ("urges", t.urges.len()),
            ("coping", t.coping.len()),
            ("contacts", t.contacts.len()),
        ] {
            count(
                At::entry("trigger", Some(n), &t.id, &t.situation).field(field),
                len,
                MAX_INNER,
            );
        }
    }
    for (n, c) in plan.coping.iter().enumerate() {
        count(
            At::entry("coping strategy", Some(n), &c.id, &c.name).field("steps"),
            c.steps.len(),
            MAX_INNER,
        );
    }
}

/// Checks a list of entries' ids (each with the entry's words): each
/// valid, none twice. Returns the set of ids.
fn check_ids<'a>(
    entries: impl Iterator<Item = (&'a str, &'a str)>,
    what: &str,
    report: &mut impl FnMut(At, String),
) -> HashSet<&'a str> {
    let mut seen = HashSet::new();
    for (n, (id, words)) in entries.enumerate() {
        let place = At::entry(what, Some(n), id, words).at_key("id");
        if !ids::is_valid(id) {
            let command = match what {
                "contact" => "contact",
                "trigger" => "trigger",
                _ => "coping",
            };
            report(
                place.clone(),
                format!(
                    "its id `{id}` should be lower-case letters and digits joined by hyphens, like `urge-surf`; `relapse-plan {command} edit '{id}' --new-id NEW` renames it"
                ),
            );
        }
        if !seen.insert(id) {
            report(
                place,
                format!("its id `{id}` is used by another {what} too; each needs its own"),
            );
        }
    }
    seen
}

/// Text must hold something and nothing that could disturb a terminal or a
/// printout; `may_be_empty` is for the few fields that are optional words.
fn check_text(text: &str, place: &At, may_be_empty: bool, report: &mut impl FnMut(At, String)) {
    if !may_be_empty && text.trim().is_empty() {
        report(
            place.clone(),
            "is empty; write something or remove it".into(),
        );
    }
    if text.chars().any(|c| c.is_control() && c != '\t') {
        report(
            place.clone(),
            "holds a control character (such as a line break or escape); keep it to one line of plain text".into(),
        );
    }
}

/// Each trigger: its words, ratings in range, ranks unique, links that resolve.
fn check_triggers(plan: &Plan, coping_ids: &HashSet<&str>, report: &mut impl FnMut(At, String)) {
    let mut ranks = HashSet::new();
    // Looked up by id once, so links cost the same whatever the plan's size.
    let contacts: std::collections::HashMap<&str, &super::Contact> =
        plan.contacts.iter().map(|c| (c.id.as_str(), c)).collect();
    for (n, t) in plan.triggers.iter().enumerate() {
        let place = At::entry("trigger", Some(n), &t.id, &t.situation);
        check_text(&t.situation, &place.field("situation"), false, report);
        for (field, list) in [
            ("thought", &t.thoughts),
            ("feeling", &t.feelings),
            ("urge", &t.urges),
        ] {
            for text in list {
                check_text(text, &place.field(field), false, report);
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
                    place.at_key(field),
                    format!("{field} is {value}; it goes from 0 to {max}"),
                );
            }
        }
        match t.rank {
            Some(0) => report(
                place.at_key("rank"),
                "rank is 0; ranks start at 1 (the riskiest)".into(),
            ),
            Some(rank) if !ranks.insert(rank) => {
                report(
                    place.at_key("rank"),
                    format!("rank {rank} is given to another trigger too"),
                );
            }
            _ => {}
        }
        for id in &t.coping {
            if !coping_ids.contains(id.as_str()) {
                report(
                    place.at_key("coping"),
                    format!("links to coping strategy `{id}`, which is not in the plan"),
                );
            }
        }
        for id in &t.contacts {
            match contacts.get(id.as_str()) {
                None => report(
                    place.at_key("contacts"),
                    format!("links to contact `{id}`, who is not in the plan"),
                ),
                Some(c) if !c.to_involve() => report(
                    place.at_key("contacts"),
                    format!(
                        "links to {}, who is marked not to involve in a crisis",
                        At::entry("contact", None, id, &c.name).words
                    ),
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
                &"trigger “Friday payday”: its id `payday` is used by another trigger too; each needs its own".to_string()
            ),
            "{got:?}"
        );
        assert!(
            got.contains(
                &"trigger “Friday payday”: links to coping strategy `walk`, which is not in the plan"
                    .to_string()
            ),
            "{got:?}"
        );
        assert!(
            got.contains(
                &"trigger “Friday payday”: links to contact “Alex”, who is marked not to involve in a crisis"
                    .to_string()
            ),
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
            "trigger “Friday payday”: intensity is 9; it goes from 0 to 5",
            "trigger “Friday payday”: confidence is 101; it goes from 0 to 100",
            "trigger “Friday payday”: rank is 0; ranks start at 1 (the riskiest)",
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
                .any(|m| m
                    .starts_with("coping strategy “Urge surfing”: its id `Urge Surf` should be")),
            "{got:?}"
        );
        assert!(got.iter().any(|m| m.starts_with("review.next:")), "{got:?}");
    }

    #[test]
    fn entries_are_named_by_the_persons_words_and_the_id_only_for_the_file() {
        let mut plan = sound_plan();
        let mut long = Trigger::new(
            "yue-di-fa-xin-ri-yi-ge-ren-zai-jia".into(),
            "月底发薪日一个人在家，手机里全是外卖和酒的广告，朋友都不在".into(),
        );
        long.rank = Some(1);
        plan.triggers[0].rank = Some(1);
        plan.triggers.push(long);
        plan.contacts[0].name = "राहुल भैया".into();
        plan.contacts[0].phone = Some("+91 98\u{1b}765".into());
        let problems = validate(&plan);
        let rank = problems
            .iter()
            .find(|p| p.id.as_deref() == Some("yue-di-fa-xin-ri-yi-ge-ren-zai-jia"))
            .expect("the second rank 1 is named");
        assert_eq!(
            rank.to_string(),
            "trigger “月底发薪日一个人在家，手机里全是外卖和…”: rank 1 is given to another trigger too"
        );
        assert_eq!(
            rank.in_file("plan.toml"),
            "trigger “月底发薪日一个人在家，手机里全是外卖和…”: rank 1 is given to another trigger too (id `yue-di-fa-xin-ri-yi-ge-ren-zai-jia` in plan.toml)"
        );
        let phone = problems
            .iter()
            .find(|p| p.field == Some("phone"))
            .expect("the phone's escape is named");
        assert!(
            phone
                .to_string()
                .starts_with("contact “राहुल भैया” phone: holds a control character"),
            "{phone}"
        );
        // Nothing but a missing id falls back to it: a blank situation.
        plan.triggers[0].situation = " ".into();
        assert!(
            messages(&plan).contains(
                &"trigger `payday` situation: is empty; write something or remove it".to_string()
            ),
            "{:?}",
            messages(&plan)
        );
    }

    #[test]
    fn a_problem_is_the_same_when_only_the_words_it_quotes_change() {
        let mut plan = sound_plan();
        plan.triggers[0].likelihood = Some(9);
        let before = validate(&plan);
        plan.triggers[0].situation = "Friday payday, alone at home".into();
        let after = validate(&plan);
        assert_ne!(before[0].to_string(), after[0].to_string());
        assert_eq!(before, after);
    }

    #[test]
    fn long_english_words_are_cut_at_a_space() {
        assert_eq!(
            brief("Walking home past the off-licence on a Friday evening after work"),
            "Walking home past the off-licence on a…"
        );
        assert_eq!(brief("  short  "), "short");
    }
}
