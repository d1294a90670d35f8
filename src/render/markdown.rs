//! The plan and the card as Markdown, with the person's words escaped so
//! nothing they typed is read as formatting or HTML.

use std::fmt::Write as _;

use crate::render::card::Card;
use crate::render::printout::{Item, PRIVATE, Printout};
use crate::render::wrap;

impl Printout {
    /// Markdown, wrapped at `width` columns, with the person's words escaped.
    pub fn to_markdown(&self, width: usize) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "# {}\n\n_{PRIVATE}_", md(&self.title));
        for section in &self.sections {
            let _ = writeln!(out, "\n## {}\n", md(&section.title));
            if section.items.is_empty() {
                let _ = writeln!(out, "_(none yet)_");
            }
            for item in &section.items {
                let line = match item {
                    Item::Bullet(text) => wrap(&md(text), width, "- ", "  "),
                    Item::Numbered(n, text) => {
                        let indent = format!("{n}. ");
                        wrap(&md(text), width, &indent, &" ".repeat(indent.len()))
                    }
                    Item::Sub(text) => wrap(&md(text), width, "  - ", "    "),
                    call @ Item::Call { .. } => wrap(&md(&call.plain()), width, "- ", "  "),
                };
                let _ = writeln!(out, "{line}");
            }
        }
        let _ = writeln!(out, "\n---\n\n{}", wrap(&md(&self.footer), width, "", ""));
        out
    }
}

impl Card {
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
}

/// Escapes the characters Markdown would read as formatting.
pub(crate) fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_metacharacters_are_escaped() {
        assert_eq!(md("*not* bold # _x_"), "\\*not\\* bold \\# \\_x\\_");
    }
}
