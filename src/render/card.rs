//! The wallet card: ISO ID-1 size (85.6 × 54 mm), front and back. Front:
//! the crisis steps. Back: people to call, crisis lines, a reason or two.
//! Lines that do not fit are shortened visibly ("…") and listed, so
//! nothing is dropped without the person being told.

use std::fmt::Write as _;

use crate::crisis_lines::CountryLines;
use crate::plan::{Plan, Role};
use crate::render::clean;
use crate::render::printout::{Item, PRIVATE, crisis_line_items, html};

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
            for item in crisis_line_items(lines) {
                if let Item::Bullet(text) = item {
                    side.line(&text, "a crisis line");
                }
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

impl Card {
    /// The card as text: front, then back.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for (title, side) in [("FRONT", &self.front), ("BACK", &self.back)] {
            let _ = writeln!(out, "-- {title} --");
            for line in side {
                let _ = writeln!(out, "{}{}", if line.heading { "" } else { "  " }, line.text);
            }
            out.push('\n');
        }
        let _ = writeln!(out, "{PRIVATE}");
        out
    }

    /// The card as Markdown.
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        for (title, side) in [("Front", &self.front), ("Back", &self.back)] {
            let _ = writeln!(out, "## {title}\n");
            for line in side {
                if line.heading {
                    let _ = writeln!(out, "**{}**\n", line.text);
                } else {
                    let _ = writeln!(out, "- {}", line.text);
                }
            }
            out.push('\n');
        }
        let _ = writeln!(out, "_{PRIVATE}_");
        out
    }

    /// The card as one HTML file: both sides at their real size, side by
    /// side, to cut out and fold.
    pub fn to_html(&self) -> String {
        let mut body = String::new();
        for (class, side) in [("front", &self.front), ("back", &self.back)] {
            let _ = write!(body, "<div class=\"card {class}\">");
            for line in side {
                if line.heading {
                    let _ = write!(body, "<h2>{}</h2>", html(&line.text));
                } else {
                    let _ = write!(body, "<p>{}</p>", html(&line.text));
                }
            }
            body.push_str("</div>");
        }
        format!(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Crisis card</title>\n<style>\n\
@page {{ size: A4; margin: 12mm; }}\n\
body {{ font-family: \"DejaVu Sans\", Verdana, sans-serif; margin: 12mm; }}\n\
.pair {{ display: flex; gap: 0; }}\n\
.card {{ width: 85.6mm; height: 54mm; overflow: hidden; border: 0.2mm dashed #777; padding: 2.2mm 2.8mm; box-sizing: border-box; font-size: 6.4pt; line-height: 1.2; }}\n\
.card h2 {{ font-size: 7pt; margin: 0.6mm 0 0.2mm; }}\n\
.card p {{ margin: 0; white-space: nowrap; overflow: hidden; }}\n\
.note {{ font-size: 8pt; color: #444; }}\n\
</style>\n</head>\n<body>\n<div class=\"pair\">{body}</div>\n<p class=\"note\">Cut along the dashed line and fold in the middle. {PRIVATE}</p>\n</body>\n</html>\n"
        )
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
