//! The wallet card: ISO ID-1 size (85.6 × 54 mm), front and back. Front:
//! the crisis steps. Back: people to call, crisis lines, a reason or two.
//! Lines that do not fit are shortened visibly ("…") and listed, so
//! nothing is dropped without the person being told.

use crate::crisis_lines::CountryLines;
use crate::plan::{Plan, Role};
use crate::render::clean;
use crate::render::printout::{crisis_line_items, emergency_items};

/// The most characters a card line holds.
pub const LINE_CHARS: usize = 60;
/// The most lines each side holds (a heading counts as one).
pub const SIDE_LINES: usize = 13;

/// One line on the card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub text: String,
    pub heading: bool,
}

/// Both sides, and what had to be shortened or left off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    pub front: Vec<Line>,
    pub back: Vec<Line>,
    /// Items shortened to fit, or left off the card, in words.
    pub shortened: Vec<String>,
}

struct Side<'a> {
    lines: Vec<Line>,
    shortened: &'a mut Vec<String>,
}

impl Side<'_> {
    /// Adds a heading when there is room for it and one line under it;
    /// `false` (and a note) when there is not.
    fn heading(&mut self, text: &str) -> bool {
        if self.lines.len() + 2 > SIDE_LINES {
            self.shortened
                .push(format!("left off: the \"{text}\" section"));
            return false;
        }
        self.lines.push(Line {
            text: text.to_string(),
            heading: true,
        });
        true
    }

    /// Adds a line, shortening it if needed; `false` when the side is full.
    fn line(&mut self, text: &str, what: &str) -> bool {
        if self.lines.len() >= SIDE_LINES {
            self.shortened.push(format!("left off: {what}"));
            return false;
        }
        let text = if text.chars().count() > LINE_CHARS {
            self.shortened.push(format!("shortened: {what}"));
            let mut short: String = text.chars().take(LINE_CHARS - 1).collect();
            short.push('…');
            short
        } else {
            text.to_string()
        };
        self.lines.push(Line {
            text,
            heading: false,
        });
        true
    }
}

/// Lays out the card for a plan.
pub fn build(plan: &Plan, lines: Option<&CountryLines>) -> Card {
    let mut shortened = Vec::new();
    let front = {
        let mut side = Side {
            lines: Vec::new(),
            shortened: &mut shortened,
        };
        let name = plan.name.trim();
        // The first line of an empty side always fits.
        let _ = side.heading(&if name.is_empty() {
            "If it gets hard".to_string()
        } else {
            format!("{}: if it gets hard", clean(name))
        });
        if plan.crisis_steps.is_empty() {
            side.line("Call someone you trust, or a crisis line", "a first step");
        }
        for (i, step) in plan.crisis_steps.iter().enumerate() {
            side.line(
                &format!("{}. {}", i + 1, clean(&step.text)),
                &format!("crisis step {}", i + 1),
            );
        }
        side.lines
    };
    let back = {
        let mut side = Side {
            lines: Vec::new(),
            shortened: &mut shortened,
        };
        let callable = |c: &&crate::plan::Contact| !c.do_not_involve && c.role != Role::Distraction;
        for c in plan
            .contacts
            .iter()
            .filter(callable)
            .filter(|c| c.phone.is_none())
        {
            side.shortened.push(format!(
                "left off: contact {} (no phone number to call)",
                c.id
            ));
        }
        let mut people: Vec<_> = plan
            .contacts
            .iter()
            .filter(callable)
            .filter(|c| c.phone.is_some())
            .collect();
        people.sort_by_key(|c| c.role != Role::Help);
        if !people.is_empty() && side.heading("Call") {
            for c in people.iter().take(4) {
                side.line(
                    &format!(
                        "{}: {}",
                        clean(&c.name),
                        clean(c.phone.as_deref().unwrap_or_default())
                    ),
                    &format!("contact {}", c.id),
                );
            }
            for c in people.iter().skip(4) {
                side.shortened
                    .push(format!("left off: contact {} (the card holds four)", c.id));
            }
        }
        if side.heading("Crisis lines") {
            for item in emergency_items(lines)
                .into_iter()
                .chain(crisis_line_items(lines))
            {
                side.line(&item.plain(), "a crisis line");
            }
        }
        if !plan.reasons.is_empty() && side.heading("Why it matters") {
            for (i, reason) in plan.reasons.iter().take(2).enumerate() {
                side.line(&clean(&reason.text), &format!("reason {}", i + 1));
            }
        }
        side.lines
    };
    Card {
        front,
        back,
        shortened,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::TextItem;

    #[test]
    fn long_items_are_shortened_and_named() {
        let mut plan = Plan::new("Sam".into(), None);
        plan.crisis_steps.push(TextItem::new("x".repeat(80)));
        for i in 0..20 {
            plan.crisis_steps.push(TextItem::new(format!("step {i}")));
        }
        let card = build(&plan, None);
        assert!(card.front.len() <= SIDE_LINES);
        assert!(
            card.front
                .iter()
                .all(|l| l.text.chars().count() <= LINE_CHARS)
        );
        assert!(card.front[1].text.ends_with('…'));
        assert!(
            card.shortened
                .contains(&"shortened: crisis step 1".to_string())
        );
        assert!(
            card.shortened
                .iter()
                .any(|s| s == "left off: crisis step 21")
        );
    }
}
