//! The plan as terminal tables (`show`, the `list` commands, `history`).

use std::io::{self, Write};

use crate::width::display_width;

use super::paragraph::{self, Flavor};
use super::{clean, heading, wrap};
use crate::plan::priority::{self, Priority};
use crate::plan::{CopingKind, Plan, RevisionInfo, Section};
use crate::render::Style;

/// How a line of a cell may be broken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Keep {
    /// The person's words: wherever Unicode allows (UAX #14).
    Words,
    /// Never: a number, an id, a rating ("likely 4/5"), a date.
    Whole,
    /// A person's name ("Call: 林晓（室友）"): whole when it is short, a
    /// longer one only between its words, never inside one. UAX #14
    /// allows a break between two Chinese characters, and "林 / 晓"
    /// reads as two people.
    Name,
}

/// The widest name kept whole on one line (with its "Call: "): longer
/// ones ("Call: Dr Patel, Riverside Surgery") may break at a space, so a
/// long name does not squeeze the person's words to a few per line.
const NAME_WHOLE: usize = 24;

/// One line of a cell, and how it may be broken.
#[derive(Debug, Clone)]
struct CellLine {
    text: String,
    keep: Keep,
}

impl CellLine {
    /// Whether this line is never broken at all.
    fn whole(&self) -> bool {
        match self.keep {
            Keep::Words => false,
            Keep::Whole => true,
            Keep::Name => display_width(&self.text) <= NAME_WHOLE,
        }
    }

    /// The least width this line can be shown in: all of it when it is
    /// kept whole, else its longest word.
    fn least(&self) -> usize {
        if self.whole() {
            display_width(&self.text)
        } else if self.keep == Keep::Name {
            name_pieces(&self.text)
                .iter()
                .map(|p| display_width(p))
                .max()
                .unwrap_or(0)
        } else {
            let (marker, text) = split_marker(&self.text);
            display_width(marker) + paragraph::widest_piece(text)
        }
    }

    /// The line laid out in `width` columns.
    fn lines(&self, width: usize) -> Vec<String> {
        if self.whole() || display_width(&self.text) <= width {
            return vec![self.text.clone()];
        }
        if self.keep == Keep::Name {
            let pieces: Vec<paragraph::Segment> = name_pieces(&self.text)
                .into_iter()
                .map(|p| paragraph::Segment::Whole {
                    width: display_width(&p),
                    text: p,
                })
                .collect();
            return paragraph::lines_of(&pieces, width, "", "", Flavor::Terminal);
        }
        // A numbered step hangs under its text, as on every screen.
        let (marker, text) = split_marker(&self.text);
        let hang = " ".repeat(display_width(marker));
        paragraph::lines(text, width, marker, &hang, Flavor::Terminal)
    }
}

/// A line's list number with its space ("1. ") and the rest; an empty
/// marker when the line has none.
fn split_marker(text: &str) -> (&str, &str) {
    match text.split_once(' ') {
        Some((marker, _)) if paragraph::is_list_marker(marker) => text.split_at(marker.len() + 1),
        _ => ("", text),
    }
}

/// A long name's pieces, a line may break between them: its words, a
/// label ("Call:") with the word after it.
fn name_pieces(text: &str) -> Vec<String> {
    let mut pieces: Vec<String> = Vec::new();
    // Split at ordinary spaces only: an ideographic space (U+3000) between
    // a family and a given name is hers, kept as typed inside the piece.
    for word in text.split([' ', '\t']).filter(|w| !w.is_empty()) {
        match pieces.last_mut() {
            Some(last) if paragraph::ends_with_label(last) => {
                last.push(' ');
                last.push_str(word);
            }
            _ => pieces.push(word.to_string()),
        }
    }
    pieces
}

/// A cell: its lines, each kept whole or wrapped.
type Cell = Vec<CellLine>;

/// A cell of lines, each broken only as `keep` allows.
fn cell(text: &str, keep: Keep) -> Cell {
    text.lines()
        .map(|line| CellLine {
            text: line.to_string(),
            keep,
        })
        .collect()
}

/// A cell of the person's words, a line each, wrapped where Unicode allows.
fn words(text: &str) -> Cell {
    cell(text, Keep::Words)
}

/// A cell of numbers, ids or short labels, each line kept whole.
fn whole(text: &str) -> Cell {
    cell(text, Keep::Whole)
}

/// A cell of names, each kept whole, or broken only between its words.
fn names(text: &str) -> Cell {
    cell(text, Keep::Name)
}

/// The narrowest a column of wrapped words is drawn (unless all it holds is
/// narrower): a column squeezed to its longest word showed a situation two
/// Chinese characters to a line, and at 50 columns the coping table ran
/// three or four words to a line in each of its columns (Niran, issue 13).
/// Narrower than this, the rows turn into labelled lines, as ripgrep and
/// fd do for narrow output.
const LEAST_READABLE: usize = 14;

/// Narrower than this (room for four readable columns), a table with two
/// or more columns of words to wrap is read as labelled lines
/// ([`Grid::fits`]).
const NARROW: usize = 4 * LEAST_READABLE;

/// The room a column of words is given before a name column takes its
/// whole width.
const WORDS_ROOM: usize = 16;

/// Rows under headings: a box-drawn table fitted to the output width, or,
/// with `--plain` or when the table cannot fit, labelled lines that read
/// well aloud, on a braille display and on a narrow screen.
pub struct Grid {
    headers: Vec<&'static str>,
    rows: Vec<Vec<Cell>>,
    style: Style,
}

fn table(headers: &[&'static str], style: Style) -> Grid {
    Grid {
        headers: headers.to_vec(),
        rows: Vec::new(),
        style,
    }
}

impl Grid {
    fn add_row(&mut self, row: Vec<Cell>) {
        self.rows.push(row);
    }

    /// Column `i`'s cells, the heading first (a heading is one word, whole).
    fn column(&self, i: usize) -> impl Iterator<Item = CellLine> + '_ {
        std::iter::once(CellLine {
            text: self.headers[i].to_string(),
            keep: Keep::Whole,
        })
        .chain(
            self.rows
                .iter()
                .filter_map(move |r| r.get(i))
                .flatten()
                .cloned(),
        )
    }

    /// The least width of each column, without the border and padding: its
    /// names and labels whole, its other words whole too (a word is what
    /// UAX #14 keeps together: one Chinese character with the "，" after
    /// it; a number; a short group in brackets), and a column of wrapped
    /// words no narrower than [`LEAST_READABLE`] (or what it holds).
    fn least_widths(&self) -> Vec<usize> {
        (0..self.headers.len())
            .map(|i| {
                let least = self.column(i).map(|l| l.least()).max().unwrap_or(0);
                let wraps = self.column(i).any(|l| l.least() < display_width(&l.text));
                if wraps {
                    least.max(LEAST_READABLE.min(self.natural(i)))
                } else {
                    least
                }
            })
            .collect()
    }

    /// Column `i`'s width with nothing wrapped.
    fn natural(&self, i: usize) -> usize {
        self.column(i)
            .map(|l| display_width(&l.text))
            .max()
            .unwrap_or(0)
    }

    /// Each column's width: what it holds when all fits, else at least its
    /// names and longest word, then names whole where there is room, the
    /// room left given a column at a time to the narrowest that still
    /// wants more.
    fn column_widths(&self) -> Vec<usize> {
        let least = self.least_widths();
        let natural: Vec<usize> = (0..self.headers.len())
            .map(|i| self.natural(i).max(least[i]))
            .collect();
        let borders = 3 * self.headers.len() + 1;
        let mut spare = self
            .style
            .width
            .saturating_sub(borders + least.iter().sum::<usize>());
        let mut widths = least;
        // A column of names gets its whole width first ("Call: Bartholomew
        // Featherstonehaugh" on one line), when that still leaves every
        // column of words [`WORDS_ROOM`] to read in.
        let names = |i: usize| self.column(i).any(|l| l.keep == Keep::Name);
        let words_need: usize = (0..widths.len())
            .filter(|&i| !names(i))
            .map(|i| natural[i].min(WORDS_ROOM).saturating_sub(widths[i]))
            .sum();
        for i in (0..widths.len()).filter(|&i| names(i)) {
            let want = natural[i] - widths[i];
            if spare >= want + words_need {
                widths[i] = natural[i];
                spare -= want;
            }
        }
        while spare > 0 {
            let Some(i) = (0..widths.len())
                .filter(|&i| widths[i] < natural[i])
                .min_by_key(|&i| widths[i])
            else {
                break;
            };
            widths[i] += 1;
            spare -= 1;
        }
        widths
    }

    /// One row's lines: each cell's words wrapped to its column by the one
    /// paragraph wrapper (UAX #14, numbers whole), its names and labels
    /// whole, padded by the columns a terminal gives each character, so
    /// every border lines up.
    fn row_lines(row: &[Cell], widths: &[usize]) -> Vec<String> {
        let cells: Vec<Vec<String>> = widths
            .iter()
            .enumerate()
            .map(|(i, &width)| {
                row.get(i)
                    .into_iter()
                    .flatten()
                    .flat_map(|line| line.lines(width))
                    .collect()
            })
            .collect();
        let height = cells.iter().map(Vec::len).max().unwrap_or(0).max(1);
        (0..height)
            .map(|n| {
                let mut line = String::from("│");
                for (i, (cell, width)) in cells.iter().zip(widths).enumerate() {
                    if i > 0 {
                        line.push('┆');
                    }
                    let text = cell.get(n).map_or("", String::as_str);
                    line.push(' ');
                    line.push_str(text);
                    line.push_str(&" ".repeat(width.saturating_sub(display_width(text)) + 1));
                }
                line.push('│');
                line
            })
            .collect()
    }

    /// Whether a box-drawn table fits the width: every column at its least
    /// width, plus a border and a space either side of each; and on a
    /// narrow screen, at most one column of words to wrap. Two or more
    /// side by side there read a few words a line each ("1. Відкласти на
    /// / 30 хвилин, / вийти на", the coping table at 50 columns, Olena),
    /// where the README promises labelled lines.
    fn fits(&self) -> bool {
        let needed: usize = self.least_widths().iter().map(|w| w + 3).sum::<usize>() + 1;
        let columns_of_words = (0..self.headers.len())
            .filter(|&i| {
                self.column(i)
                    .any(|l| l.keep == Keep::Words && l.least() < display_width(&l.text))
            })
            .count();
        needed <= self.style.width && (self.style.width >= NARROW || columns_of_words < 2)
    }

    /// Labelled lines, one block a row ("Situation: …", "Priority: high;
    /// likely 4/5"), wrapped to the width by the one wrapper with every
    /// name and label whole where it fits on a line: for screen readers,
    /// and for terminals too narrow for the table.
    fn labelled_lines(&self) -> String {
        let width = self.style.width;
        let mut lines = Vec::new();
        for (n, row) in self.rows.iter().enumerate() {
            if n > 0 {
                lines.push(String::new());
            }
            let mut first = true;
            // The rank reads best after what is ranked.
            let mut cells: Vec<(&str, &Cell)> = self.headers.iter().copied().zip(row).collect();
            cells.sort_by_key(|(header, _)| *header == "#");
            for (header, cell) in cells {
                let cell: Vec<&CellLine> =
                    cell.iter().filter(|l| !l.text.trim().is_empty()).collect();
                if cell.is_empty() {
                    continue;
                }
                let header = if header == "#" { "Rank" } else { header };
                let indent = if first { "" } else { "  " };
                let hang = "    ";
                let room = width.saturating_sub(hang.len());
                let mut texts: Vec<String> = cell
                    .iter()
                    .enumerate()
                    .map(|(i, l)| {
                        if i + 1 < cell.len() {
                            format!("{};", l.text)
                        } else {
                            l.text.clone()
                        }
                    })
                    .collect();
                // The number commands take ("1. Alex") leads the block,
                // before the label: after it, "Name: 1." read a number
                // where her words belong.
                let label = match first.then(|| list_number(&texts[0])).flatten() {
                    Some((number, rest)) => {
                        let label = format!("{number} {header}:");
                        texts[0] = rest.to_string();
                        label
                    }
                    None => format!("{header}:"),
                };
                let mut segments = vec![paragraph::Segment::Words(&label)];
                for (line, text) in cell.iter().zip(&texts) {
                    let whole = |text: String| paragraph::Segment::Whole {
                        width: display_width(&text),
                        text,
                    };
                    let pieces = name_pieces(text);
                    if line.keep != Keep::Words && display_width(text) <= room {
                        segments.push(whole(text.clone()));
                    } else if line.keep == Keep::Name
                        && pieces.iter().all(|p| display_width(p) <= room)
                    {
                        // A name longer than a line breaks between its words.
                        segments.extend(pieces.into_iter().map(whole));
                    } else {
                        segments.push(paragraph::Segment::Words(text));
                    }
                }
                lines.extend(paragraph::lines_of(
                    &segments,
                    width,
                    indent,
                    hang,
                    Flavor::Terminal,
                ));
                first = false;
            }
        }
        lines.join("\n")
    }
}

/// A list number at the start of a row's first cell ("12. Alex"): the
/// number with its full stop, and the words after it.
fn list_number(text: &str) -> Option<(&str, &str)> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let rest = text[digits..].strip_prefix(". ")?;
    (digits > 0).then(|| (&text[..=digits], rest))
}

/// A box-drawn table of our own: comfy-table measured a row by
/// unicode-width's whole-string rules (لا as one column, a family emoji as
/// two), which no terminal draws, so borders stood out of line on those
/// rows; and it wrapped cells by its own rules ("，" starting a line).
impl std::fmt::Display for Grid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.style.plain || !self.fits() {
            return f.write_str(&self.labelled_lines());
        }
        let widths = self.column_widths();
        let rule = |left: char, fill: char, middle: char, right: char| {
            let parts: Vec<String> = widths
                .iter()
                .map(|w| fill.to_string().repeat(w + 2))
                .collect();
            format!("{left}{}{right}", parts.join(&middle.to_string()))
        };
        let headers: Vec<Cell> = self.headers.iter().map(|h| whole(h)).collect();
        let mut lines = vec![rule('┌', '─', '┬', '┐')];
        lines.extend(Grid::row_lines(&headers, &widths));
        lines.push(rule('╞', '═', '╪', '╡'));
        for row in &self.rows {
            lines.extend(Grid::row_lines(row, &widths));
        }
        lines.push(rule('└', '─', '┴', '┘'));
        f.write_str(&lines.join("\n"))
    }
}

/// The plan's facts under its name, each kept whole on a line ("next
/// review 2027-01-15" never split from its date); only a fact wider than
/// the screen wraps within.
fn write_facts(w: &mut dyn Write, facts: Vec<String>, style: Style) -> io::Result<()> {
    let sep = super::separator_for(style, &facts.iter().map(String::as_str).collect::<Vec<_>>());
    let mut lines: Vec<String> = Vec::new();
    for fact in facts {
        match lines.last_mut() {
            Some(line)
                if display_width(line) + display_width(sep) + display_width(&fact)
                    <= style.width =>
            {
                line.push_str(sep);
                line.push_str(&fact);
            }
            _ => lines.push(fact),
        }
    }
    for line in lines {
        writeln!(w, "{}", wrap(&line, style.width, "", ""))?;
    }
    Ok(())
}

/// The whole plan, section by section, in the order it is built; when it
/// was saved on the person's clock (`zone`), in words from her `today`
/// ("saved today at 09:30", "next review 15 January"). In the person's words alone:
/// an id (often a transliteration of a name in another script) reads as a
/// code; the `list` commands show the ids that edits take.
pub fn write_plan(
    w: &mut dyn Write,
    plan: &Plan,
    (zone, today): (&jiff::tz::TimeZone, toml::value::Date),
    style: Style,
) -> io::Result<()> {
    let name = if plan.name.trim().is_empty() {
        "Your plan".to_string()
    } else {
        // A screen reader says "em dash": with `--plain`, a colon.
        format!(
            "Plan{}{}",
            if style.plain { ": " } else { " — " },
            clean(&plan.name)
        )
    };
    let mut facts = vec![format!("revision {}", plan.revision)];
    if let Some(saved) = &plan.saved_at {
        facts.push(format!(
            "saved {}",
            crate::plan::date::moment_near(saved, zone, today)
        ));
    }
    facts.push(match &plan.country {
        // The country by name, as the person chose it; a code only when
        // the file holds one this tool has no name for.
        Some(cc) => crate::plan::country::name(cc)
            .map_or_else(|| format!("country {}", clean(cc)), str::to_string),
        None => "no country set".into(),
    });
    if let Some(next) = &plan.review.next {
        facts.push(format!(
            "next review {}",
            crate::plan::date::moment_near(next, zone, today)
        ));
    }
    if let Some(last) = &plan.review.last {
        facts.push(format!(
            "last reviewed {}",
            crate::plan::date::moment_near(last, zone, today)
        ));
    }
    if let Some(kept_at) = &plan.kept_at {
        facts.push(format!("printed copy kept: {}", clean(kept_at)));
    }
    writeln!(w, "{}", heading(&name, style))?;
    write_facts(w, facts, style)?;

    for section in [Section::Reasons, Section::WarningSigns] {
        writeln!(w)?;
        write_section(w, plan, section, style)?;
    }
    writeln!(w)?;
    write_triggers(w, plan, style)?;
    writeln!(w)?;
    writeln!(w, "{}", heading("Coping strategies", style))?;
    if plan.coping.is_empty() {
        none_yet(
            w,
            "`relapse-plan coping add --name \"…\" --step \"…\"`",
            style,
        )?;
    } else {
        writeln!(w, "{}", coping_table(plan, style))?;
    }
    writeln!(w)?;
    writeln!(w, "{}", heading("Contacts", style))?;
    if plan.contacts.is_empty() {
        none_yet(
            w,
            "`relapse-plan contact add --name \"…\" --phone \"…\"`",
            style,
        )?;
    } else {
        writeln!(w, "{}", contacts_table(plan, style))?;
    }
    // The numbers the person added (their emergency number, local lines)
    // beside their contacts: the whole plan leaves none of its numbers out.
    super::crisis::write_own_lines(w, plan, style.width, style)?;
    for section in [
        Section::CrisisSteps,
        Section::SafeEnvironment,
        Section::LapsePlan,
        Section::Maintenance,
    ] {
        writeln!(w)?;
        write_section(w, plan, section, style)?;
    }
    // The sections for supporters show once the person has written any.
    for section in Section::FOR_SUPPORTERS {
        if !plan.section(section).is_empty() {
            writeln!(w)?;
            write_section(w, plan, section, style)?;
        }
    }
    Ok(())
}

/// "none yet: add one with `COMMAND`", wrapped to the width at words (a
/// line the terminal wrapped itself broke `warning-sig` / `n`).
fn none_yet(w: &mut dyn Write, command: &str, style: Style) -> io::Result<()> {
    let text = format!("none yet: add one with {command}");
    // The command is kept whole (it is pasted): indented less on a
    // screen too narrow for it under the usual indent.
    let hang = if display_width(command) + 4 <= style.width {
        "    "
    } else {
        "  "
    };
    writeln!(w, "{}", wrap(&text, style.width, "  ", hang))
}

/// The command that adds to a text section, for the "none yet" hint.
pub fn section_command(section: Section) -> &'static str {
    match section {
        Section::Reasons => "reason",
        Section::WarningSigns => "warning-sign",
        Section::CrisisSteps => "step",
        Section::SafeEnvironment => "safety",
        Section::LapsePlan => "lapse",
        Section::Maintenance => "maintenance",
        Section::Helps => "helps",
        Section::DoesNotHelp => "not-helpful",
        Section::WhoDoesWhat => "who-does-what",
        Section::StandDown => "stand-down",
        Section::AfterCrisis => "after-crisis",
    }
}

/// The triggers' heading, the order's rule and the table, each trigger
/// numbered as `trigger list` and every command number them.
fn write_triggers(w: &mut dyn Write, plan: &Plan, style: Style) -> io::Result<()> {
    writeln!(w, "{}", heading("Triggers", style))?;
    if plan.triggers.is_empty() {
        return none_yet(w, "`relapse-plan trigger add --situation \"…\"`", style);
    }
    let rule = priority::rule(&plan.triggers);
    writeln!(w, "{}", wrap(&rule, style.width, "", ""))?;
    writeln!(w, "{}", triggers_table(plan, style))?;
    if numbers_out_of_order(plan) {
        writeln!(w, "{}", wrap(NUMBERS_STAY, style.width, "", ""))?;
    }
    Ok(())
}

/// A heading and the section's sentences, numbered.
pub fn write_section(
    w: &mut dyn Write,
    plan: &Plan,
    section: Section,
    style: Style,
) -> io::Result<()> {
    writeln!(w, "{}", heading(section.title(), style))?;
    write_numbered(w, plan, section, style)
}

/// The section's sentences, numbered as the commands address them.
pub fn write_numbered(
    w: &mut dyn Write,
    plan: &Plan,
    section: Section,
    style: Style,
) -> io::Result<()> {
    let items = plan.section(section);
    if items.is_empty() {
        return none_yet(
            w,
            &format!("`relapse-plan {} add \"…\"`", section_command(section)),
            style,
        );
    }
    let marks = crate::plan::mentions::Marks::of(plan);
    for (n, item) in items.iter().enumerate() {
        let marker = super::number_marker(n + 1, items.len());
        writeln!(w, "{}", super::item(&marker, &item.text, style.width, 2))?;
        // How likely the person is to do it, and what could get in the
        // way: under the item's text, two columns further in.
        let under = 2 + display_width(&marker) + 1 + 2;
        for part in item.follow_through.lines() {
            writeln!(w, "{}", super::item("", &clean(&part), style.width, under))?;
        }
        // A crisis step's marks, as on `now`: in `show` and `step list`
        // too, where she mends it.
        if section == Section::CrisisSteps {
            for mark in super::step_marks(&marks, &item.text) {
                writeln!(w, "{}", super::item("", &mark, style.width, under - 2))?;
            }
        }
    }
    Ok(())
}

/// Said under a list whose trigger numbers do not run 1, 2, 3 (riskiest
/// first, or due first): why, so a number out of place is not a mistake
/// she has to puzzle over, and the promise it keeps.
pub const NUMBERS_STAY: &str = "Each trigger keeps its number (the order you added them) when the order changes, so `relapse-plan rehearse 2` always means the same one.";

/// Whether triggers listed riskiest first show numbers out of sequence.
pub fn numbers_out_of_order(plan: &Plan) -> bool {
    priority::sorted(&plan.triggers)
        .iter()
        .zip(&plan.triggers)
        .any(|(a, b)| a.id != b.id)
}

/// Triggers, riskiest first, each with the number commands take.
pub fn triggers_table(plan: &Plan, style: Style) -> Grid {
    trigger_rows(plan, style, true)
}

/// Triggers, riskiest first, in the person's words alone (the walk-throughs).
pub fn triggers_table_without_ids(plan: &Plan, style: Style) -> Grid {
    trigger_rows(plan, style, false)
}

fn trigger_rows(plan: &Plan, style: Style, ids: bool) -> Grid {
    let own_order = priority::Order::of(&plan.triggers) == priority::Order::YourOwn;
    let mut t = table(&["Trigger", "Brings", "Priority", "Response"], style);
    for trigger in priority::sorted(&plan.triggers) {
        // Spaces let a narrow column wrap the category between words; a
        // kind she did not choose is left out, never shown as one.
        let mut what = match trigger.category {
            Some(kind) => format!("{}\n{}", clean(&trigger.situation), kind.words()),
            None => clean(&trigger.situation),
        };
        if ids {
            // The number commands take (`trigger edit 1`): the order she
            // added them, so it stays put when the riskiest-first list
            // reorders; her words, never an id, name it.
            let n = plan
                .number_of::<crate::plan::Trigger>(&trigger.id)
                .unwrap_or(0);
            what = format!("{n}. {what}");
        }
        let mut brings = Vec::new();
        for (label, list) in [
            ("thinks", &trigger.thoughts),
            ("feels", &trigger.feelings),
            ("urge", &trigger.urges),
        ] {
            brings.extend(list.iter().map(|x| format!("{label}: {}", clean(x))));
        }
        // A rating not given yet: a dash drawn, or with `--plain` words (a
        // screen reader says "en dash", or nothing at all).
        let missing = if style.plain { "not rated yet" } else { "–" };
        let rating =
            |v: Option<u8>, suffix: &str| v.map_or(missing.into(), |v| format!("{v}{suffix}"));
        // "4/5" is read "4 slash 5": with --plain, "4 of 5".
        let out_of_five = if style.plain { " of 5" } else { "/5" };
        // The band in words, beside the person's own ratings; the formula
        // lives in `--help` and the README.
        let place = match trigger.rank {
            Some(rank) if own_order && priority::fully_rated(trigger) => {
                format!("your #{rank}\n")
            }
            _ => String::new(),
        };
        // One not fully rated yet is marked so: it is listed after the
        // rated ones whatever its ratings, and the mark says why.
        let band = match Priority::of(trigger) {
            Some(p) => p.band().to_string(),
            None if [trigger.likelihood, trigger.intensity, trigger.confidence]
                .iter()
                .all(Option::is_none) =>
            {
                "not rated yet".into()
            }
            None => "not fully rated yet".into(),
        };
        let priority = format!(
            "{place}{band}\nlikely {}\nurge {}\nsure {}",
            rating(trigger.likelihood, out_of_five),
            rating(trigger.intensity, out_of_five),
            rating(trigger.confidence, "%"),
        );
        // What she will do, in her words; whom she will call, each
        // "Call: 林晓（室友）" kept whole, the label with the name.
        let mut response: Cell = trigger
            .coping
            .iter()
            .flat_map(|id| {
                plan.coping_strategy(id)
                    .map_or_else(|| whole(&clean(id)), |c| words(&clean(&c.name)))
            })
            .collect();
        response.extend(trigger.contacts.iter().flat_map(|id| {
            names(
                &plan
                    .contact(id)
                    .map_or_else(|| clean(id), |c| format!("Call: {}", clean(&c.name))),
            )
        }));
        t.add_row(vec![
            words(&what),
            words(&brings.join("\n")),
            whole(&priority),
            response,
        ]);
    }
    t
}

/// Coping strategies with their steps.
pub fn coping_table(plan: &Plan, style: Style) -> Grid {
    // The kind as a label of the program's ("Kind: on your own"), never
    // the file's `internal`, nor a first-person sentence she did not
    // write ("What it is: something I can do on my own").
    // No id: her words and the number name it (`coping edit 1`).
    let mut t = table(&["Strategy", "Kind", "Steps"], style);
    for (n, c) in plan.coping.iter().enumerate() {
        let steps: Vec<String> = c
            .steps
            .iter()
            .enumerate()
            .map(|(i, s)| format!("{}. {}", i + 1, clean(s)))
            .chain(c.follow_through.lines().iter().map(|p| clean(p)))
            .collect();
        // Numbered as `coping edit 1` takes them.
        t.add_row(vec![
            words(&format!("{}. {}", n + 1, clean(&c.name))),
            words(kind_label(c.kind)),
            words(&steps.join("\n")),
        ]);
    }
    t
}

/// A coping strategy's kind as a short label, in the program's voice.
fn kind_label(kind: CopingKind) -> &'static str {
    match kind {
        CopingKind::Internal => "on your own",
        CopingKind::Distraction => "taking your mind off it",
        CopingKind::Social => "asking someone for help",
        CopingKind::Professional => "a professional or service",
        CopingKind::Environment => "safer surroundings",
    }
}

/// Contacts, each with the number commands take (`contact edit 1`), in
/// the order she added them; her words name them, never an id.
pub fn contacts_table(plan: &Plan, style: Style) -> Grid {
    // A name and a number are each kept whole: "林 / 晓" reads as two
    // people, a number split over two lines misdials.
    let mut t = table(&["Name", "Phone", "Role", "Reachable"], style);
    for (n, c) in plan.contacts.iter().enumerate() {
        t.add_row(vec![
            names(&format!("{}. {}", n + 1, clean(&c.name))),
            whole(&c.phone.as_deref().map(super::phone).unwrap_or_default()),
            words(super::role_words(c.role)),
            words(&c.reachable.as_deref().map(clean).unwrap_or_default()),
        ]);
    }
    t
}

/// Revisions, oldest first, saved times on the person's clock (`zone`);
/// the current one marked.
pub fn history_table(
    rows: &[RevisionInfo],
    current: Option<u64>,
    (zone, today): (&jiff::tz::TimeZone, toml::value::Date),
    style: Style,
) -> Grid {
    let mut t = table(&["Rev", "Saved", "Change"], style);
    for row in rows {
        let mark = if Some(row.revision) == current {
            " (current)"
        } else {
            ""
        };
        t.add_row(vec![
            whole(&format!("{}{mark}", row.revision)),
            whole(
                &row.saved_at
                    .as_ref()
                    .map(|at| crate::plan::date::moment_near(at, zone, today))
                    .unwrap_or_default(),
            ),
            words(
                &row.change_note
                    .as_deref()
                    .map(|note| super::change_note(note, super::Reader::Owner))
                    .unwrap_or_default(),
            ),
        ]);
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A table that can keep every word whole, with each column of words
    /// at least [`LEAST_READABLE`] wide, is drawn so (comfy-table alone
    /// gave "Самотніст/ь" and "застосуно/к"); at 50 columns this one
    /// cannot, and turns into labelled lines, every word whole there too
    /// (Niran, issue 13: a table squeezed to a few words a line).
    #[test]
    fn a_table_that_fits_keeps_every_word_whole() {
        for (width, drawn) in [(50, false), (58, false), (59, true), (80, true)] {
            let style = Style {
                color: false,
                plain: false,
                width,
            };
            let mut grid = table(&["Trigger", "Brings", "Priority", "Response"], style);
            grid.add_row(vec![
                words("Зарплата в п'ятницю, сама вдома"),
                words("thinks: Лише один раз, я заслужила\nfeels: Самотність\nurge: Відкрити застосунок казино"),
                whole("high\nlikely 4/5\nurge 4/5\nsure 20%"),
                Vec::new(),
            ]);
            assert_eq!(grid.fits(), drawn, "{width}");
            let shown = grid.to_string();
            assert_eq!(shown.contains('┆'), drawn, "{width}:\n{shown}");
            for word in ["Самотність", "застосунок", "заслужила", "п'ятницю,"]
            {
                assert!(shown.contains(word), "{word} broken at {width}:\n{shown}");
            }
            assert!(shown.lines().all(|l| display_width(l) <= width), "{shown}");
        }
    }

    /// Issue 13 (Mei): a name is never split between its characters in a
    /// drawn table: short, it is whole with its "Call:"; long, it breaks
    /// only between its words.
    #[test]
    fn a_name_in_a_drawn_table_stays_whole() {
        for width in 40..=100 {
            let style = Style {
                color: false,
                plain: false,
                width,
            };
            let mut grid = table(&["Trigger", "Response"], style);
            grid.add_row(vec![
                words("周五发工资以后，一个人走过便利店，看到货架上的酒"),
                [
                    names("Call: 林晓（室友）"),
                    names("Call: Dr Patel, Riverside Surgery"),
                ]
                .concat(),
            ]);
            let shown = grid.to_string();
            assert!(grid.fits(), "{width}:\n{shown}");
            assert!(shown.contains("Call: 林晓（室友）"), "{width}:\n{shown}");
            for word in ["Patel,", "Riverside", "Surgery"] {
                assert!(shown.contains(word), "{width}:\n{shown}");
            }
            assert!(
                shown.lines().all(|l| display_width(l) <= width),
                "{width}:\n{shown}"
            );
        }
    }
}
