//! The plan and the card as Markdown (`CommonMark`). Lines are chosen first
//! and the person's words escaped after, word by word, so nothing they
//! typed is read as formatting, a list, a link or HTML. Phone numbers are
//! `tel:`/`sms:` links, kept whole.

use std::fmt::Write as _;

use crate::width::display_width;

use crate::render::card::Card;
use crate::render::html::href;
use crate::render::paragraph::{self, Flavor, Segment, escape_markdown_inline};
use crate::render::printout::{Item, PRIVATE, Printout, Rank, Reach, Section};
use crate::render::text::{card_sections, how_to_reach, shown_names, then_dial};

/// A coping strategy's step, "2. Breathe…", as its number and words.
pub(crate) fn numbered_sub(text: &str) -> Option<(usize, &str)> {
    let (n, rest) = text.split_once(". ")?;
    if n.is_empty() || n.len() > 3 || !n.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    Some((n.parse().ok()?, rest))
}

fn push_lines(out: &mut String, lines: Vec<String>) {
    for line in lines {
        let _ = writeln!(out, "{}", line.trim_end());
    }
}

/// A number as a link, `[116 123](tel:116123)` (plain when it does not
/// dial what it shows); bold in the emergency section.
fn number_link(number: &str, reach: &Reach, strong: bool) -> Segment<'static> {
    let label = escape_markdown_inline(&how_to_reach(number, reach));
    // No link for a number that does not dial what it shows.
    let mut written = match href(number, reach) {
        Some(link) => format!("[{label}]({link})"),
        None => label,
    };
    if strong {
        written = format!("**{written}**");
    }
    // What to key in once answered, said: the link may dial only the
    // number itself (Trudy).
    if let Some(then) = then_dial(number, reach) {
        written = format!("{written} ({then})");
    }
    Segment::Whole {
        width: display_width(&written),
        text: written,
    }
}

fn section_markdown(out: &mut String, section: &Section, width: usize, level: &str) {
    if !section.title.is_empty() {
        let title = paragraph::lines(&section.title, usize::MAX / 2, "", "", Flavor::Markdown);
        let _ = writeln!(out, "\n{level} {}", title.join(" "));
    }
    out.push('\n');
    let widest_step = section
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Numbered(n, _) => Some(n.to_string().len()),
            _ => None,
        })
        .max()
        .unwrap_or(1);
    // Where a sub-item starts: under the content of the item above it.
    let mut content_at = 2;
    let names = shown_names(&section.items);
    for (item, name) in section.items.iter().zip(names) {
        let lines = match item {
            Item::Bullet(text) => {
                content_at = 2;
                paragraph::lines(text, width, "- ", "  ", Flavor::Markdown)
            }
            Item::Numbered(n, text) => {
                let indent = format!("{n:>widest_step$}. ");
                content_at = indent.len();
                paragraph::lines(
                    text,
                    width,
                    &indent,
                    &" ".repeat(content_at),
                    Flavor::Markdown,
                )
            }
            Item::Chart(chart) => {
                paragraph::lines(&chart.words.join(" "), width, "", "", Flavor::Markdown)
            }
            Item::Sub(text) => {
                let pad = " ".repeat(content_at);
                match numbered_sub(text) {
                    Some((n, rest)) => {
                        let indent = format!("{pad}{n}. ");
                        let hang = " ".repeat(indent.len());
                        paragraph::lines(rest, width, &indent, &hang, Flavor::Markdown)
                    }
                    None => paragraph::lines(
                        text,
                        width,
                        &format!("{pad}- "),
                        &format!("{pad}  "),
                        Flavor::Markdown,
                    ),
                }
            }
            Item::Call {
                who,
                number,
                reach,
                note,
            } => {
                content_at = 2;
                let who = format!("{who}:");
                let mut segments = vec![Segment::Words(if name.is_empty() { "or" } else { &who })];
                segments.push(number_link(number, reach, section.rank == Rank::Emergency));
                let note = note.as_ref().map(|n| format!("({n})"));
                if let Some(note) = &note {
                    segments.push(Segment::Words(note));
                }
                paragraph::lines_of(&segments, width, "- ", "  ", Flavor::Markdown)
            }
        };
        push_lines(out, lines);
    }
    for _ in 0..section.blank_lines {
        // A thematic break: a ruled line to write on once rendered.
        let _ = writeln!(out, "\n{}", "_".repeat(40));
    }
}

impl Printout {
    /// Markdown, wrapped at `width` display columns.
    pub fn to_markdown(&self, width: usize) -> String {
        let mut out = String::new();
        let title = paragraph::lines(&self.title, usize::MAX / 2, "", "", Flavor::Markdown);
        let _ = writeln!(out, "# {}\n\n_{PRIVATE}_", title.join(" "));
        for section in &self.sections {
            section_markdown(&mut out, section, width, "##");
        }
        out.push_str("\n---\n\n");
        push_lines(
            &mut out,
            paragraph::lines(&self.footer, width, "", "", Flavor::Markdown),
        );
        out
    }
}

impl Card {
    /// The card as Markdown, laid out and escaped like the plan.
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        for (title, side) in [("Front", &self.front), ("Back", &self.back)] {
            let _ = writeln!(out, "## {title}");
            for (section, notes) in card_sections(side) {
                section_markdown(&mut out, &section, 80, "###");
                for note in notes {
                    out.push('\n');
                    push_lines(
                        &mut out,
                        paragraph::lines(&note, 80, "", "", Flavor::Markdown),
                    );
                }
            }
            out.push('\n');
        }
        let _ = writeln!(out, "_{PRIVATE}_");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coping_steps_are_read_as_numbered() {
        assert_eq!(numbered_sub("2. Breathe"), Some((2, "Breathe")));
        assert_eq!(numbered_sub("Thoughts: 2. x"), None);
    }
}
