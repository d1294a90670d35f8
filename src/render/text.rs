//! The plan and the card as plain text: good on a screen reader, in an
//! email, or piped to a printer. Lines are measured in display columns,
//! phone numbers stay whole (marked left-to-right in right-to-left text)
//! and line up in a column after the names.

use std::fmt::Write as _;

use crate::width::display_width;

use crate::render::card::{Card, Entry};
use crate::render::paragraph::{self, Flavor, Segment};
use crate::render::printout::{Item, PRIVATE, Printout, Rank, Reach, Section};

/// The widest name that still lines its number up in the column; a longer
/// name flows on and its number follows it.
const NAME_COLUMN: usize = 28;

/// How a number is reached, as words around it: "116 123", "text SHOUT to
/// 85258".
pub(crate) fn how_to_reach(number: &str, reach: &Reach) -> String {
    match reach {
        Reach::Call => number.to_string(),
        Reach::Text { word: Some(word) } => format!("text {word} to {number}"),
        Reach::Text { word: None } => format!("text {number}"),
    }
}

/// What to key in once a call is answered, in words: "then dial 1234,
/// then 5" for `+64215553011,,1234;5`. Said beside the number wherever it
/// is a link, since a phone may dial only the number itself (Trudy).
pub(crate) fn then_dial(number: &str, reach: &Reach) -> Option<String> {
    let groups = crate::plan::phone::after_answer(number);
    (*reach == Reach::Call && !groups.is_empty()).then(|| {
        let groups: Vec<String> = groups.iter().map(|g| format!("then dial {g}")).collect();
        groups.join(", ")
    })
}

/// Each call's name, or "" when it repeats the name of the call above it
/// (a crisis line with a number to call and one to text).
pub(crate) fn shown_names(items: &[Item]) -> Vec<&str> {
    let mut previous: Option<&str> = None;
    items
        .iter()
        .map(|item| {
            if let Item::Call { who, .. } = item {
                let shown = if previous == Some(who.as_str()) {
                    ""
                } else {
                    who
                };
                previous = Some(who);
                shown
            } else {
                previous = None;
                ""
            }
        })
        .collect()
}

fn push_lines(out: &mut String, lines: Vec<String>) {
    for line in lines {
        let _ = writeln!(out, "{}", line.trim_end());
    }
}

/// A line to write on by hand.
fn ruled(width: usize) -> String {
    format!("  {}", "_".repeat(width.saturating_sub(4).min(72)))
}

fn section_text(out: &mut String, section: &Section, width: usize) {
    if !section.title.is_empty() {
        push_lines(
            out,
            paragraph::lines(&section.title, width, "", "", Flavor::Text),
        );
    }
    let widest_step = section
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Numbered(n, _) => Some(n.to_string().len()),
            _ => None,
        })
        .max()
        .unwrap_or(1);
    let names = shown_names(&section.items);
    let column = names
        .iter()
        .map(|n| display_width(n))
        .filter(|w| *w <= NAME_COLUMN)
        .max()
        .unwrap_or(0);
    for (item, name) in section.items.iter().zip(names) {
        let lines = match item {
            Item::Bullet(text) => paragraph::lines(text, width, "  - ", "    ", Flavor::Text),
            Item::Numbered(n, text) => {
                let indent = format!("  {n:>widest_step$}. ");
                let hang = " ".repeat(indent.len());
                paragraph::lines(text, width, &indent, &hang, Flavor::Text)
            }
            Item::Chart(chart) => {
                paragraph::lines(&chart.words.join(" "), width, "  ", "  ", Flavor::Text)
            }
            Item::Sub(text) => {
                // A coping strategy's "2. Breathe…" hangs after its number.
                let number = text.split_once(". ").filter(|(n, _)| {
                    !n.is_empty() && n.len() <= 2 && n.chars().all(|c| c.is_ascii_digit())
                });
                let hang = " ".repeat(6 + number.map_or(0, |(n, _)| n.len() + 2));
                paragraph::lines(text, width, "      ", &hang, Flavor::Text)
            }
            Item::Call {
                number,
                reach,
                note,
                ..
            } => call_lines(
                name,
                &how_to_reach(number, reach),
                note.as_deref(),
                column,
                width,
            ),
        };
        push_lines(out, lines);
    }
    for _ in 0..section.blank_lines {
        let _ = writeln!(out, "\n{}", ruled(width));
    }
}

/// "  - Alex (sponsor)     +44 7700 900123  after 6pm": the number in its
/// column when the name fits it, the note after the number or under it.
fn call_lines(
    who: &str,
    how: &str,
    note: Option<&str>,
    column: usize,
    width: usize,
) -> Vec<String> {
    let number = Segment::Whole {
        text: how.to_string(),
        width: display_width(how),
    };
    let note = note.map(|n| format!("({n})"));
    let note_segment = note.as_deref().map(Segment::Words);
    let fits = display_width(who) <= column && 4 + column + 2 + display_width(how) <= width;
    if !fits {
        let mut segments = vec![Segment::Words(who), number];
        segments.extend(note_segment);
        return paragraph::lines_of(&segments, width, "  - ", "    ", Flavor::Text);
    }
    let pad = " ".repeat(column - display_width(who) + 2);
    let bullet = if who.is_empty() { "    " } else { "  - " };
    let indent = format!("{bullet}{who}{pad}");
    let mut segments = vec![number];
    segments.extend(note_segment);
    paragraph::lines_of(
        &segments,
        width,
        &indent,
        &" ".repeat(display_width(&indent)),
        Flavor::Text,
    )
}

impl Printout {
    /// Plain text at `width` display columns.
    pub fn to_text(&self, width: usize) -> String {
        let mut out = String::new();
        push_lines(
            &mut out,
            paragraph::lines(&self.title, width, "", "", Flavor::Text),
        );
        let _ = writeln!(out, "{PRIVATE}");
        for section in &self.sections {
            out.push('\n');
            section_text(&mut out, section, width);
        }
        out.push('\n');
        push_lines(
            &mut out,
            paragraph::lines(&self.footer, width, "", "", Flavor::Text),
        );
        out
    }
}

/// A card side in the printout's terms, so the card's text and Markdown
/// read like the plan: each heading a section, steps numbered, names and
/// numbers in columns, and the card's small print after its section.
pub(crate) fn card_sections(side: &[Entry]) -> Vec<(Section, Vec<String>)> {
    let mut out: Vec<(Section, Vec<String>)> = Vec::new();
    for entry in side {
        if out.is_empty() || matches!(entry, Entry::Heading(_)) {
            let title = match entry {
                Entry::Heading(title) => title.clone(),
                _ => String::new(),
            };
            out.push((
                Section {
                    title,
                    items: Vec::new(),
                    rank: Rank::Reference,
                    number: None,
                    blank_lines: 0,
                },
                Vec::new(),
            ));
        }
        let Some((section, notes)) = out.last_mut() else {
            continue;
        };
        match entry {
            Entry::Step(n, text, marks) => {
                section.items.push(Item::Numbered(*n, text.clone()));
                section.items.extend(marks.iter().cloned().map(Item::Sub));
            }
            Entry::Call {
                who, number, reach, ..
            } => section.items.push(Item::Call {
                who: who.clone(),
                number: number.clone(),
                reach: reach.clone(),
                note: None,
            }),
            Entry::Text(text) => section.items.push(Item::Bullet(text.clone())),
            Entry::Note(text) => notes.push(text.clone()),
            Entry::Heading(_) => {}
        }
    }
    out
}

impl Card {
    /// The card as text: front, then back, laid out like the plan.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for (title, side) in [("FRONT", &self.front), ("BACK", &self.back)] {
            let _ = writeln!(out, "-- {title} --");
            for (section, notes) in card_sections(side) {
                section_text(&mut out, &section, 80);
                for note in notes {
                    push_lines(
                        &mut out,
                        paragraph::lines(&note, 80, "  ", "  ", Flavor::Text),
                    );
                }
            }
            out.push('\n');
        }
        let _ = writeln!(out, "{PRIVATE}");
        out
    }
}
