//! The plan as terminal tables (`show`, the `list` commands, `history`).

use std::io::{self, Write};

use textwrap::core::display_width;
use toml::value::Datetime;

use super::paragraph::{self, Flavor};
use super::{clean, heading, separator, wrap};
use crate::plan::priority::{self, Priority};
use crate::plan::{CopingKind, Plan, RevisionInfo, Section};
use crate::render::Style;

/// Rows under headings: a box-drawn table fitted to the output width, or,
/// with `--plain`, labelled lines that read well aloud and on a braille
/// display.
pub struct Grid {
    headers: Vec<&'static str>,
    /// Columns never wrapped: an id or a phone number split over two lines misleads.
    unbroken: Vec<usize>,
    rows: Vec<Vec<String>>,
    style: Style,
}

fn table(headers: &[&'static str], unbroken: &[usize], style: Style) -> Grid {
    Grid {
        headers: headers.to_vec(),
        unbroken: unbroken.to_vec(),
        rows: Vec::new(),
        style,
    }
}

impl Grid {
    fn add_row(&mut self, row: Vec<String>) {
        self.rows.push(row);
    }

    /// The same rows without the "Id" column: for the walk-throughs, where
    /// the person's own words say which is which and no command needs an id.
    #[must_use]
    pub fn without_ids(mut self) -> Grid {
        if let Some(index) = self.headers.iter().position(|h| *h == "Id") {
            self.headers.remove(index);
            for row in &mut self.rows {
                if index < row.len() {
                    row.remove(index);
                }
            }
            self.unbroken = self
                .unbroken
                .iter()
                .filter(|&&u| u != index)
                .map(|&u| if u > index { u - 1 } else { u })
                .collect();
        }
        self
    }

    /// The least width of each column that keeps every word whole (every
    /// line, for unbroken columns), without the border and padding: a word
    /// is what UAX #14 keeps together (one Chinese character with the
    /// "，" after it; a number; a short group in brackets).
    fn least_widths(&self) -> Vec<usize> {
        let longest = |text: &str, whole_lines: bool| -> usize {
            text.lines()
                .map(|line| {
                    if whole_lines {
                        display_width(line)
                    } else {
                        paragraph::widest_piece(line)
                    }
                })
                .max()
                .unwrap_or(0)
        };
        (0..self.headers.len())
            .map(|i| {
                let unbroken = self.unbroken.contains(&i);
                let cells = self.rows.iter().filter_map(|r| r.get(i));
                cells
                    .map(|c| longest(c, unbroken))
                    .chain([longest(self.headers[i], unbroken)])
                    .max()
                    .unwrap_or(0)
            })
            .collect()
    }

    /// Each column's width: what it holds when all fits, else at least its
    /// longest word, the room left given a column at a time to the
    /// narrowest that still wants more.
    fn column_widths(&self) -> Vec<usize> {
        let least = self.least_widths();
        let natural: Vec<usize> = (0..self.headers.len())
            .map(|i| {
                self.rows
                    .iter()
                    .filter_map(|r| r.get(i))
                    .map(String::as_str)
                    .chain([self.headers[i]])
                    .flat_map(str::lines)
                    .map(display_width)
                    .max()
                    .unwrap_or(0)
                    .max(least[i])
            })
            .collect();
        let borders = 3 * self.headers.len() + 1;
        let mut spare = self
            .style
            .width
            .saturating_sub(borders + least.iter().sum::<usize>());
        let mut widths = least;
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

    /// One row's lines: each cell wrapped to its column by the one
    /// paragraph wrapper (UAX #14, numbers whole) and padded by the
    /// columns a terminal gives each character, so every border lines up.
    fn row_lines(&self, row: &[String], widths: &[usize]) -> Vec<String> {
        let cells: Vec<Vec<String>> = widths
            .iter()
            .enumerate()
            .map(|(i, &width)| {
                let text = row.get(i).map_or("", String::as_str);
                text.lines()
                    .flat_map(|line| {
                        if self.unbroken.contains(&i) || display_width(line) <= width {
                            vec![line.to_string()]
                        } else {
                            paragraph::lines(line, width, "", "", Flavor::Terminal)
                        }
                    })
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

    /// Whether a box-drawn table fits the width with every word whole:
    /// unbroken columns at their full width, the others at their longest
    /// word, plus a border and a space either side of each column.
    fn fits(&self) -> bool {
        let needed: usize = self.least_widths().iter().map(|w| w + 3).sum::<usize>() + 1;
        needed <= self.style.width
    }

    /// Labelled lines, wrapped to the width: for screen readers, and for
    /// terminals too narrow for a table that keeps words whole.
    fn labelled_lines(&self) -> String {
        let mut lines = Vec::new();
        for (n, row) in self.rows.iter().enumerate() {
            if n > 0 {
                lines.push(String::new());
            }
            let mut first = true;
            // The rank reads best after what is ranked.
            let mut cells: Vec<(&str, &String)> = self.headers.iter().copied().zip(row).collect();
            cells.sort_by_key(|(header, _)| *header == "#");
            for (header, cell) in cells {
                if cell.trim().is_empty() {
                    continue;
                }
                let header = if header == "#" { "Rank" } else { header };
                let indent = if first { "" } else { "  " };
                let cell = cell.lines().collect::<Vec<_>>().join("; ");
                let text = format!("{header}: {cell}");
                lines.push(wrap(&text, self.style.width, indent, "    "));
                first = false;
            }
        }
        lines.join("\n")
    }
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
        let headers: Vec<String> = self.headers.iter().map(|h| (*h).to_string()).collect();
        let mut lines = vec![rule('┌', '─', '┬', '┐')];
        lines.extend(self.row_lines(&headers, &widths));
        lines.push(rule('╞', '═', '╪', '╡'));
        for row in &self.rows {
            lines.extend(self.row_lines(row, &widths));
        }
        lines.push(rule('└', '─', '┴', '┘'));
        f.write_str(&lines.join("\n"))
    }
}

/// "2026-11-22 10:15 UTC" from a stored moment; dates alone stay as they are.
pub fn moment(value: &Datetime) -> String {
    match (&value.date, &value.time) {
        (Some(date), Some(time)) => {
            let zone = match value.offset {
                Some(toml::value::Offset::Z) => " UTC".to_string(),
                Some(offset) => format!(" {offset}"),
                None => String::new(),
            };
            format!("{date} {:02}:{:02}{zone}", time.hour, time.minute)
        }
        _ => value.to_string(),
    }
}

/// The plan's facts under its name, each kept whole on a line ("next
/// review 2027-01-15" never split from its date); only a fact wider than
/// the screen wraps within.
fn write_facts(w: &mut dyn Write, facts: Vec<String>, style: Style) -> io::Result<()> {
    let sep = separator(style);
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
/// was saved on the person's clock (`zone`). In the person's words alone:
/// an id (often a transliteration of a name in another script) reads as a
/// code; the `list` commands show the ids that edits take.
pub fn write_plan(
    w: &mut dyn Write,
    plan: &Plan,
    zone: &jiff::tz::TimeZone,
    style: Style,
) -> io::Result<()> {
    let name = if plan.name.trim().is_empty() {
        "Your plan".to_string()
    } else {
        format!("Plan — {}", clean(&plan.name))
    };
    let mut facts = vec![format!("revision {}", plan.revision)];
    if let Some(saved) = &plan.saved_at {
        facts.push(format!(
            "saved {}",
            crate::plan::date::local_moment(saved, zone)
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
            crate::plan::date::date_in_words(next)
        ));
    }
    if let Some(last) = &plan.review.last {
        facts.push(format!(
            "last reviewed {}",
            crate::plan::date::date_in_words(last)
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
    writeln!(w, "{}", heading("Triggers", style))?;
    if plan.triggers.is_empty() {
        none_yet(w, "`relapse-plan trigger add --situation \"…\"`", style)?;
    } else {
        writeln!(
            w,
            "{}",
            wrap(
                priority::Order::of(&plan.triggers).explain(),
                style.width,
                "",
                ""
            )
        )?;
        writeln!(w, "{}", triggers_table_without_ids(plan, style))?;
    }
    writeln!(w)?;
    writeln!(w, "{}", heading("Coping strategies", style))?;
    if plan.coping.is_empty() {
        none_yet(
            w,
            "`relapse-plan coping add --name \"…\" --step \"…\"`",
            style,
        )?;
    } else {
        writeln!(w, "{}", coping_table(plan, style).without_ids())?;
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
        writeln!(w, "{}", contacts_table(plan, style).without_ids())?;
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
    writeln!(w, "{}", wrap(&text, style.width, "  ", "    "))
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
    let digits = items.len().to_string().len();
    for (n, item) in items.iter().enumerate() {
        let indent = format!("  {:>digits$}. ", n + 1);
        let hang = " ".repeat(indent.chars().count());
        writeln!(w, "{}", wrap(&item.text, style.width, &indent, &hang))?;
        // How likely the person is to do it, and what could get in the way.
        for part in item.follow_through.lines() {
            let under = format!("{hang}  ");
            writeln!(w, "{}", wrap(&clean(&part), style.width, &under, &under))?;
        }
    }
    Ok(())
}

/// Triggers, riskiest first, each with the id commands use.
pub fn triggers_table(plan: &Plan, style: Style) -> Grid {
    trigger_rows(plan, style, true)
}

/// Triggers, riskiest first, in the person's words alone (the walk-throughs).
pub fn triggers_table_without_ids(plan: &Plan, style: Style) -> Grid {
    trigger_rows(plan, style, false)
}

fn trigger_rows(plan: &Plan, style: Style, ids: bool) -> Grid {
    let own_order = priority::Order::of(&plan.triggers) == priority::Order::YourOwn;
    let mut t = table(&["Trigger", "Brings", "Priority", "Response"], &[2], style);
    for trigger in priority::sorted(&plan.triggers) {
        // Spaces let a narrow column wrap the category between words; a
        // kind she did not choose is left out, never shown as one.
        let mut what = match trigger.category {
            Some(kind) => format!("{}\n{}", clean(&trigger.situation), kind.words()),
            None => clean(&trigger.situation),
        };
        if ids {
            what = format!("{what}\nid: {}", clean(&trigger.id));
        }
        let mut brings = Vec::new();
        for (label, list) in [
            ("thinks", &trigger.thoughts),
            ("feels", &trigger.feelings),
            ("urge", &trigger.urges),
        ] {
            brings.extend(list.iter().map(|x| format!("{label}: {}", clean(x))));
        }
        let rating =
            |v: Option<u8>, suffix: &str| v.map_or("–".into(), |v| format!("{v}{suffix}"));
        // The band in words, beside the person's own ratings; the formula
        // lives in `--help` and the README.
        let place = match trigger.rank {
            Some(rank) if own_order => format!("your #{rank}\n"),
            _ => String::new(),
        };
        let priority = format!(
            "{place}{}\nlikely {}\nurge {}\nsure {}",
            Priority::of(trigger).map_or("not rated".into(), |p| p.band().to_string()),
            rating(trigger.likelihood, "/5"),
            rating(trigger.intensity, "/5"),
            rating(trigger.confidence, "%"),
        );
        let mut response: Vec<String> = trigger
            .coping
            .iter()
            .map(|id| {
                plan.coping_strategy(id)
                    .map_or_else(|| clean(id), |c| clean(&c.name))
            })
            .collect();
        response.extend(trigger.contacts.iter().map(|id| {
            plan.contact(id)
                .map_or_else(|| clean(id), |c| format!("Call: {}", clean(&c.name)))
        }));
        t.add_row(vec![what, brings.join("\n"), priority, response.join("\n")]);
    }
    t
}

/// Coping strategies with their steps.
pub fn coping_table(plan: &Plan, style: Style) -> Grid {
    // The kind as a label of the program's ("Kind: on your own"), never
    // the file's `internal`, nor a first-person sentence she did not
    // write ("What it is: something I can do on my own").
    let mut t = table(&["Strategy", "Kind", "Steps", "Id"], &[3], style);
    for c in &plan.coping {
        let steps: Vec<String> = c
            .steps
            .iter()
            .enumerate()
            .map(|(i, s)| format!("{}. {}", i + 1, clean(s)))
            .chain(c.follow_through.lines().iter().map(|p| clean(p)))
            .collect();
        t.add_row(vec![
            clean(&c.name),
            kind_label(c.kind).to_string(),
            steps.join("\n"),
            clean(&c.id),
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

/// Contacts.
pub fn contacts_table(plan: &Plan, style: Style) -> Grid {
    let mut t = table(
        &["Name", "Phone", "Role", "Reachable", "Id"],
        &[1, 4],
        style,
    );
    for c in &plan.contacts {
        t.add_row(vec![
            clean(&c.name),
            c.phone.as_deref().map(super::phone).unwrap_or_default(),
            super::role_words(c.role).to_string(),
            c.reachable.as_deref().map(clean).unwrap_or_default(),
            clean(&c.id),
        ]);
    }
    t
}

/// Revisions, oldest first, saved times on the person's clock (`zone`);
/// the current one marked.
pub fn history_table(
    rows: &[RevisionInfo],
    current: Option<u64>,
    zone: &jiff::tz::TimeZone,
    style: Style,
) -> Grid {
    let mut t = table(&["Rev", "Saved", "Change"], &[0, 1], style);
    for row in rows {
        let mark = if Some(row.revision) == current {
            " (current)"
        } else {
            ""
        };
        t.add_row(vec![
            format!("{}{mark}", row.revision),
            row.saved_at
                .as_ref()
                .map(|at| crate::plan::date::local_moment(at, zone))
                .unwrap_or_default(),
            row.change_note
                .as_deref()
                .map(|note| super::change_note(note, super::Reader::Owner))
                .unwrap_or_default(),
        ]);
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    /// At 50 columns, a table that can keep every word whole does
    /// (comfy-table alone gave "Самотніст/ь" and "застосуно/к").
    #[test]
    fn a_table_that_fits_keeps_every_word_whole() {
        let style = Style {
            color: false,
            plain: false,
            width: 50,
        };
        let mut grid = table(&["Trigger", "Brings", "Priority", "Response"], &[2], style);
        grid.add_row(vec![
            "Зарплата в п'ятницю, сама вдома".into(),
            "thinks: Лише один раз, я заслужила\nfeels: Самотність\nurge: Відкрити застосунок казино".into(),
            "high\nlikely 4/5\nurge 4/5\nsure 20%".into(),
            String::new(),
        ]);
        assert!(grid.fits());
        let shown = grid.to_string();
        for word in ["Самотність", "застосунок", "заслужила", "п'ятницю,"]
        {
            assert!(shown.contains(word), "{word} broken:\n{shown}");
        }
        assert!(shown.lines().all(|l| display_width(l) <= 50), "{shown}");
    }
}
