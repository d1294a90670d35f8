//! The plan to carry, as a document: sections in the order they are used in
//! a crisis (warning signs, steps, my own coping, people and places that
//! distract, people who help, professionals and crisis lines, a safer
//! environment, my reasons), then triggers riskiest first, the lapse plan
//! and daily maintenance. Text, Markdown, HTML and PDF all render this one
//! model, so every format holds the same things in the same order.

use std::fmt::Write as _;

use crate::crisis_lines::{CountryLines, LOCAL_EMERGENCY};
use crate::plan::priority::{self, Priority};
use crate::plan::{Contact, CopingKind, Plan, Role};
use crate::render::{clean, tables::moment};

/// Every printout says what it holds.
pub const PRIVATE: &str = "Private: this holds personal health information.";

/// A section of the printout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub title: String,
    pub items: Vec<Item>,
}

/// One line of a section: a sentence, a numbered step, or a sub-item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    Bullet(String),
    Numbered(usize, String),
    /// Indented under the item before it (a coping strategy's steps).
    Sub(String),
}

/// The whole printout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Printout {
    pub title: String,
    pub sections: Vec<Section>,
    pub footer: String,
}

fn person(c: &Contact) -> String {
    let mut line = clean(&c.name);
    if let Some(phone) = &c.phone {
        let _ = write!(line, ": {}", clean(phone));
    }
    if let Some(when) = &c.reachable {
        let _ = write!(line, " ({})", clean(when));
    }
    line
}

/// Each trigger, riskiest first, with what it brings and the response.
fn trigger_items(plan: &Plan) -> Vec<Item> {
    let mut triggers = Vec::new();
    for t in priority::sorted(&plan.triggers) {
        let risk = Priority::of(t).map_or_else(
            || "not rated".to_string(),
            |p| format!("priority {p}, {}", p.band()),
        );
        triggers.push(Item::Bullet(format!("{} ({risk})", clean(&t.situation))));
        for (label, list) in [
            ("Thoughts", &t.thoughts),
            ("Feelings", &t.feelings),
            ("Urges", &t.urges),
        ] {
            if !list.is_empty() {
                let words: Vec<String> = list.iter().map(|s| clean(s)).collect();
                triggers.push(Item::Sub(format!("{label}: {}", words.join("; "))));
            }
        }
        let mut response: Vec<String> = t
            .coping
            .iter()
            .filter_map(|id| plan.coping_strategy(id))
            .map(|c| clean(&c.name))
            .collect();
        response.extend(
            t.contacts
                .iter()
                .filter_map(|id| plan.contact(id))
                .map(|c| format!("call {}", clean(&c.name))),
        );
        if !response.is_empty() {
            triggers.push(Item::Sub(format!("What I'll do: {}", response.join("; "))));
        }
    }
    triggers
}

/// Builds the printout of a plan, with the crisis lines for its country.
pub fn build(plan: &Plan, lines: Option<&CountryLines>) -> Printout {
    let mut sections = Vec::new();
    let mut add = |title: &str, items: Vec<Item>| {
        sections.push(Section {
            title: title.to_string(),
            items,
        });
    };
    let bullets = |texts: &mut dyn Iterator<Item = &String>| -> Vec<Item> {
        texts.map(|t| Item::Bullet(clean(t))).collect()
    };
    let numbered = |texts: &mut dyn Iterator<Item = &String>| -> Vec<Item> {
        texts
            .enumerate()
            .map(|(i, t)| Item::Numbered(i + 1, clean(t)))
            .collect()
    };
    let coping_of = |kind: CopingKind| -> Vec<Item> {
        let mut items = Vec::new();
        for c in plan.coping.iter().filter(|c| c.kind == kind) {
            items.push(Item::Bullet(clean(&c.name)));
            items.extend(
                c.steps
                    .iter()
                    .enumerate()
                    .map(|(i, s)| Item::Sub(format!("{}. {}", i + 1, clean(s)))),
            );
        }
        items
    };
    let people_of = |role: Role| -> Vec<Item> {
        plan.contacts
            .iter()
            .filter(|c| c.role == role && !c.do_not_involve)
            .map(|c| Item::Bullet(person(c)))
            .collect()
    };

    add(
        "Warning signs that things are sliding",
        bullets(&mut plan.warning_signs.iter().map(|i| &i.text)),
    );
    add(
        "What I'll do, in order",
        numbered(&mut plan.crisis_steps.iter().map(|i| &i.text)),
    );
    add("Things I can do on my own", coping_of(CopingKind::Internal));
    let mut distract = people_of(Role::Distraction);
    distract.extend(coping_of(CopingKind::Distraction));
    add("People and places that take my mind off it", distract);
    let mut help = people_of(Role::Help);
    help.extend(coping_of(CopingKind::Social));
    add("People I can ask for help", help);
    let mut professionals = people_of(Role::Professional);
    professionals.extend(coping_of(CopingKind::Professional));
    professionals.extend(crisis_line_items(lines));
    add("Professionals and crisis lines", professionals);
    let mut safer = bullets(&mut plan.safe_environment.iter().map(|i| &i.text));
    safer.extend(coping_of(CopingKind::Environment));
    add("Making my surroundings safer", safer);
    add(
        "My reasons",
        bullets(&mut plan.reasons.iter().map(|i| &i.text)),
    );

    add("My triggers, riskiest first", trigger_items(plan));
    add(
        "If I slip",
        numbered(&mut plan.lapse_plan.iter().map(|i| &i.text)),
    );
    add(
        "Every day",
        bullets(&mut plan.maintenance.iter().map(|i| &i.text)),
    );
    let not_involved: Vec<Item> = plan
        .contacts
        .iter()
        .filter(|c| c.do_not_involve)
        .map(|c| Item::Bullet(clean(&c.name)))
        .collect();
    add("Not to involve in a crisis", not_involved);

    let (title, footer) = title_and_footer(plan);
    Printout {
        title,
        sections,
        footer,
    }
}

/// "Sam's crisis plan", and the footer: name, revision, saved, next review.
fn title_and_footer(plan: &Plan) -> (String, String) {
    let name = plan.name.trim();
    let title = if name.is_empty() {
        "My crisis plan".to_string()
    } else {
        format!("{}'s crisis plan", clean(name))
    };
    let mut footer = vec![format!("revision {}", plan.revision)];
    if let Some(saved) = &plan.saved_at {
        footer.push(format!("saved {}", moment(saved)));
    }
    if let Some(next) = &plan.review.next {
        footer.push(format!("next review {next}"));
    }
    if name.is_empty() {
        footer[0] = format!("Revision {}", plan.revision);
    } else {
        footer.insert(0, clean(name));
    }
    (title, format!("{}. {PRIVATE}", footer.join(", ")))
}

/// The crisis lines as printout items; without a country, what to do.
pub fn crisis_line_items(lines: Option<&CountryLines>) -> Vec<Item> {
    let Some(lines) = lines.filter(|l| l.emergency.is_some()) else {
        return vec![Item::Bullet(format!("In an emergency, {LOCAL_EMERGENCY}"))];
    };
    let mut items = vec![Item::Bullet(format!(
        "Emergency: {}",
        lines.emergency.unwrap_or_default()
    ))];
    for line in &lines.lines {
        items.push(Item::Bullet(format!(
            "{}: {}",
            line.name,
            line.how_to_reach()
        )));
    }
    items
}

/// Paper sizes for HTML and PDF.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paper {
    A4,
    Letter,
}

impl Paper {
    /// Width and height in PDF points.
    pub fn points(self) -> (f32, f32) {
        match self {
            Paper::A4 => (595.28, 841.89),
            Paper::Letter => (612.0, 792.0),
        }
    }

    pub fn css(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::Letter => "letter",
        }
    }
}
