//! The plan and the card as plain text: good on a screen reader, in an
//! email, or piped to a printer.

use std::fmt::Write as _;

use crate::render::card::Card;
use crate::render::printout::{Item, PRIVATE, Printout};
use crate::render::wrap;

impl Printout {
    /// Plain text at `width` columns: good on a screen reader and in an email.
    pub fn to_text(&self, width: usize) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "{}", self.title);
        let _ = writeln!(out, "{PRIVATE}");
        for section in &self.sections {
            let _ = writeln!(out, "\n{}", section.title);
            if section.items.is_empty() {
                let _ = writeln!(out, "  (none yet)");
            }
            for item in &section.items {
                let line = match item {
                    Item::Bullet(text) => wrap(text, width, "  - ", "    "),
                    Item::Numbered(n, text) => {
                        let indent = format!("  {n}. ");
                        wrap(text, width, &indent, &" ".repeat(indent.chars().count()))
                    }
                    Item::Sub(text) => wrap(text, width, "      ", "      "),
                    call @ Item::Call { .. } => wrap(&call.plain(), width, "  - ", "    "),
                };
                let _ = writeln!(out, "{line}");
            }
        }
        let _ = writeln!(out, "\n{}", wrap(&self.footer, width, "", ""));
        out
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
}
