//! `practice` as the person reads it: totals this week and month, each
//! trigger's confidence at each rehearsal as a small chart, and every
//! exercise with its urge ratings.

use std::fmt;
use std::io::{self, Write};

use jiff::tz::TimeZone;

use super::chart::sparkline;
use super::{heading, plural, shorten};
use crate::plan::Plan;
use crate::plan::date::moment_near;
use crate::plan::rehearsal::{ExerciseKind, PracticeLog, Totals, trend};
use crate::render::Style;

/// The practice summary for people.
pub fn summary(
    out: &mut dyn Write,
    (log, plan): (&PracticeLog, Option<&Plan>),
    triggers: &[String],
    sums: &Totals,
    (style, zone, today): (Style, &TimeZone, toml::value::Date),
) -> io::Result<()> {
    if log.rehearsals.is_empty() && log.exercises.is_empty() {
        writeln!(
            out,
            "{}",
            super::wrap(
                "No practice logged yet. `relapse-plan rehearse`, `breathe` and `surf` are ways to start.",
                style.width,
                "",
                ""
            )
        )?;
        return Ok(());
    }
    let totals = format!(
        "This week: {}. This month: {}.",
        count(sums.week_rehearsals, sums.week_exercises),
        count(sums.month_rehearsals, sums.month_exercises)
    );
    writeln!(out, "{}", super::wrap(&totals, style.width, "", ""))?;
    if !triggers.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", heading("Confidence at each rehearsal", style))?;
        for id in triggers {
            let values = trend(log, id);
            let name = plan
                .and_then(|p| p.trigger(id))
                .map_or_else(|| shorten(id, 30), |t| shorten(&t.situation, 30));
            let (first, last) = (values[0], values[values.len() - 1]);
            let line = format!(
                "  {}  {}  {}  ({})",
                super::pad(&name, 30),
                sparkline(&values, 100, style),
                super::from_to(format!("{first}%"), format!("{last}%"), style),
                times(values.len())
            );
            let line = super::arrows_as_read(&line);
            writeln!(out, "{}", row(&line, style.width))?;
        }
    }
    if !log.exercises.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", heading("Exercises", style))?;
        // When, in words from today, padded so what follows lines up.
        let whens: Vec<String> = log
            .exercises
            .iter()
            .map(|e| moment_near(&e.at, zone, today))
            .collect();
        let wide = whens
            .iter()
            .map(|w| crate::width::display_width(w))
            .max()
            .unwrap_or(0);
        for (e, when) in log.exercises.iter().zip(&whens) {
            let what = match e.kind {
                ExerciseKind::Breathe => "paced breathing",
                ExerciseKind::Surf => "urge surfing",
            };
            // Rounded to the nearest minute; a hand-edited length near
            // u32::MAX must not overflow (it panicked `practice`).
            let minutes = e.seconds.saturating_add(30) / 60;
            let mut line = format!("  {}  {what:<15}  {minutes} min", super::pad(when, wide));
            if let (Some(first), Some(last)) = (e.ratings.first(), e.ratings.last()) {
                let _ = fmt::Write::write_fmt(
                    &mut line,
                    format_args!(
                        "  urge {}  {}",
                        super::from_to(first, last, style),
                        sparkline(&e.ratings, 10, style)
                    ),
                );
            }
            if !e.completed {
                line.push_str("  (stopped early)");
            }
            writeln!(out, "{}", row(&line, style.width))?;
        }
    }
    Ok(())
}

/// A row of the summary as it is when it fits the width; on a narrower
/// screen wrapped between words by the one wrapper, its further lines
/// indented under it (the terminal broke it anywhere).
fn row(line: &str, width: usize) -> String {
    if crate::width::display_width(line) <= width {
        return line.to_string();
    }
    super::wrap(line.trim_start(), width, "  ", "    ")
}

fn count(rehearsals: usize, exercises: usize) -> String {
    format!(
        "{}, {}",
        plural(rehearsals as u64, "rehearsal"),
        plural(exercises as u64, "exercise")
    )
}

/// How often, as people say it: "once", "3 times".
pub fn times(n: usize) -> String {
    if n == 1 {
        "once".into()
    } else {
        format!("{n} times")
    }
}
