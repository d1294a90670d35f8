//! How long one item's words may be: a cap on what is newly written, never
//! on what a plan already holds, so no text is so long that printing it
//! stalls, and no one is locked out of a plan they wrote before the cap.

use std::collections::{HashMap, HashSet};

use super::{Plan, Section};

/// The most characters one item's words may have (a crisis step, a
/// trigger's situation, a contact's name, a change note).
///
/// Why 4,000: a step people write is one to three sentences (40 to 300
/// characters), and the longest real item seen (a 500-character situation)
/// fits eight times over, so no one is cut short; at the cap a plan still
/// prints in about a second. Without one, `step add` took 100,000
/// characters and printing them took a minute (see the README's speed
/// section for the figures).
pub const MAX_ITEM_CHARS: usize = 4000;

/// One text over [`MAX_ITEM_CHARS`], said in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TooLong {
    /// What it is, in words ("crisis step", "name").
    pub what: String,
    /// Where it is in the plan, in words ("crisis step 3", "the name of
    /// contact 2").
    pub place: String,
    /// How many characters it has.
    pub chars: usize,
    /// Whether it is one item of a list, so it can be split into two.
    pub in_a_list: bool,
}

/// The number of characters in `text` when it is over [`MAX_ITEM_CHARS`]:
/// counted only as far as needed, so a text of megabytes costs no more
/// than the cap to check when it fits.
pub fn over_cap(text: &str) -> Option<usize> {
    if text.len() <= MAX_ITEM_CHARS {
        return None; // fewer bytes than the cap: fewer characters too
    }
    let chars = text.chars().count();
    (chars > MAX_ITEM_CHARS).then_some(chars)
}

/// One text of a plan, with the words that say what and where it is.
struct Entry<'a> {
    what: &'static str,
    place: String,
    text: &'a str,
    in_a_list: bool,
}

impl Entry<'_> {
    fn too_long(&self) -> Option<TooLong> {
        over_cap(self.text).map(|chars| TooLong {
            what: self.what.to_string(),
            place: self.place.clone(),
            chars,
            in_a_list: self.in_a_list,
        })
    }
}

/// The texts of a plan, gathered.
#[derive(Default)]
struct Entries<'a>(Vec<Entry<'a>>);

impl<'a> Entries<'a> {
    /// One item of a list: it can be split into two.
    fn item(&mut self, what: &'static str, place: String, text: &'a str) {
        self.0.push(Entry {
            what,
            place,
            text,
            in_a_list: true,
        });
    }

    /// Words of their own (a name, a note): said in fewer words.
    fn words(&mut self, what: &'static str, place: String, text: Option<&'a String>) {
        if let Some(text) = text {
            self.0.push(Entry {
                what,
                place,
                text,
                in_a_list: false,
            });
        }
    }
}

/// Every text of `plan`: the items of each section, a trigger's
/// situation, thoughts, feelings and urges, a coping strategy's name and
/// steps, a contact's name and when to reach them, follow-through words,
/// the plan's name, where it is kept and the change note.
fn texts(plan: &Plan) -> Vec<Entry<'_>> {
    let mut all = Entries::default();
    all.words("name", "the plan's name".into(), Some(&plan.name));
    all.words(
        "note",
        "where the plan is kept".into(),
        plan.kept_at.as_ref(),
    );
    all.words(
        "note",
        "the latest change's note".into(),
        plan.change_note.as_ref(),
    );
    for section in Section::ALL {
        let what = section.item_name();
        for (n, item) in plan.section(section).iter().enumerate() {
            all.item(what, format!("{what} {}", n + 1), &item.text);
            let place = format!("an answer in {what} {}", n + 1);
            follow_through(&mut all, place, &item.follow_through);
        }
    }
    for (n, t) in plan.triggers.iter().enumerate() {
        let place = format!("trigger {}", n + 1);
        all.item("trigger", place.clone(), &t.situation);
        for (what, list) in [
            ("thought", &t.thoughts),
            ("feeling", &t.feelings),
            ("urge", &t.urges),
        ] {
            for text in list {
                all.item(what, format!("{} {what} of {place}", article(what)), text);
            }
        }
    }
    for (n, c) in plan.coping.iter().enumerate() {
        let place = format!("coping strategy {}", n + 1);
        all.item("coping strategy", place.clone(), &c.name);
        for step in &c.steps {
            all.item("step", format!("a step of {place}"), step);
        }
        follow_through(&mut all, format!("an answer in {place}"), &c.follow_through);
    }
    people(&mut all, plan);
    all.0
}

/// What could get in the way of a step, and her answer to it.
fn follow_through<'a>(all: &mut Entries<'a>, place: String, follow: &'a super::FollowThrough) {
    all.words("answer", place.clone(), follow.in_the_way.as_ref());
    all.words("answer", place, follow.answer.as_ref());
}

/// Contacts, her own crisis lines, and where her numbers came from.
fn people<'a>(all: &mut Entries<'a>, plan: &'a Plan) {
    for (n, c) in plan.contacts.iter().enumerate() {
        let place = format!("contact {}", n + 1);
        all.words("name", format!("the name of {place}"), Some(&c.name));
        all.words(
            "note",
            format!("when to reach {place}"),
            c.reachable.as_ref(),
        );
    }
    for (n, line) in plan.own_lines.lines.iter().enumerate() {
        let place = format!("own crisis line {}", n + 1);
        all.words("name", format!("the name of {place}"), Some(&line.name));
        all.words(
            "note",
            format!("where {place} came from"),
            line.source.as_ref(),
        );
    }
    all.words(
        "note",
        "where your emergency number came from".into(),
        plan.own_lines.emergency_source.as_ref(),
    );
}

/// Every text of `plan` over the cap, in file order: what `validate` warns
/// about in a plan written before the cap (it is read and kept as it is).
pub fn too_long(plan: &Plan) -> Vec<TooLong> {
    texts(plan).iter().filter_map(Entry::too_long).collect()
}

/// The first text of `after` over the cap that `before` did not already
/// hold word for word: new words over the cap are refused, while an old
/// long item carried along by another change is kept as it is.
pub fn newly_too_long(before: Option<&Plan>, after: &Plan) -> Option<TooLong> {
    let old = before.map(carried).unwrap_or_default();
    let new: Vec<Entry<'_>> = texts(after)
        .into_iter()
        .filter(|t| over_cap(t.text).is_some())
        .collect();
    // Counted, so the same long words added a second time are new words.
    let mut count: HashMap<&str, isize> = HashMap::new();
    for t in &new {
        *count.entry(t.text).or_default() += 1;
    }
    for t in &old {
        *count.entry(t.text).or_default() -= 1;
    }
    let was_there: HashSet<(&str, &str)> = old.iter().map(|t| (t.place.as_str(), t.text)).collect();
    let added: Vec<&Entry<'_>> = new
        .iter()
        .filter(|t| count.get(t.text).is_some_and(|n| *n > 0))
        .collect();
    // Of the same words in several places, the one in a place that did
    // not hold them before is the one just written.
    added
        .iter()
        .find(|t| !was_there.contains(&(t.place.as_str(), t.text)))
        .or(added.last())
        .and_then(|t| t.too_long())
}

/// The texts of `plan` over the cap that a change carries on to the next
/// revision: every one but the change note, as each change writes its own.
fn carried(plan: &Plan) -> Vec<Entry<'_>> {
    let note = plan.change_note.as_deref();
    texts(plan)
        .into_iter()
        .filter(|t| over_cap(t.text).is_some())
        .filter(|t| !note.is_some_and(|note| std::ptr::eq(note, t.text)))
        .collect()
}

/// "a crisis step can be up to 4,000 characters": the cap for one kind of
/// item.
pub fn up_to(what: &str) -> String {
    format!(
        "{} {what} can be up to {} characters",
        article(what),
        thousands(MAX_ITEM_CHARS)
    )
}

/// "a" or "an", by the word's first letter (no item's name starts with a
/// silent h or a "you" sound).
fn article(what: &str) -> &'static str {
    if what.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

/// What to do with words over the cap, asked, never told: split an item
/// of a list into two, or say the rest in fewer words.
pub fn way_on(found: &TooLong) -> String {
    if found.in_a_list {
        format!("could you split it into two {}?", plural(&found.what))
    } else {
        "could you say it in fewer words?".into()
    }
}

/// Several of one kind of item: "crisis steps", "things that help".
fn plural(what: &str) -> String {
    if let Some(rest) = what.strip_prefix("thing that ") {
        return format!(
            "things that {}",
            rest.replace("helps", "help").replace("does", "do")
        );
    }
    match what.strip_suffix("strategy") {
        Some(start) => format!("{start}strategies"),
        None => format!("{what}s"),
    }
}

/// A count with thousands set apart, as people write it: 100,000.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_for_the_cap_read_as_people_write() {
        assert_eq!(thousands(100_000), "100,000");
        assert_eq!(thousands(4000), "4,000");
        assert_eq!(thousands(999), "999");
        assert_eq!(plural("crisis step"), "crisis steps");
        assert_eq!(
            plural("thing that does not help"),
            "things that do not help"
        );
        assert_eq!(plural("thing that helps"), "things that help");
        assert_eq!(plural("coping strategy"), "coping strategies");
        assert_eq!(up_to("urge"), "an urge can be up to 4,000 characters");
    }

    #[test]
    fn old_long_words_are_kept_and_new_ones_refused() {
        let long = "x".repeat(MAX_ITEM_CHARS + 1);
        let mut before = Plan::new("Ann".to_string(), None);
        before
            .crisis_steps
            .push(super::super::TextItem::new(long.clone()));
        let mut after = before.clone();
        after.reasons.push(super::super::TextItem::new("my kids"));
        assert_eq!(newly_too_long(Some(&before), &after), None);
        // The same long words a second time are new words.
        let mut twice = after.clone();
        twice
            .crisis_steps
            .push(super::super::TextItem::new(long.clone()));
        assert!(newly_too_long(Some(&before), &twice).is_some());
        assert_eq!(too_long(&after).len(), 1);
        assert_eq!(too_long(&after)[0].place, "crisis step 1");
        after
            .reasons
            .push(super::super::TextItem::new(format!("{long}y")));
        let found = newly_too_long(Some(&before), &after).unwrap();
        assert_eq!(
            (found.what.as_str(), found.chars),
            ("reason", MAX_ITEM_CHARS + 2)
        );
        // Exactly at the cap is fine, counted in characters, not bytes.
        let at_cap = "ü".repeat(MAX_ITEM_CHARS);
        assert_eq!(over_cap(&at_cap), None);
    }
}
