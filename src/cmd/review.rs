//! `review`: a therapist's view of a hand-in, or a person's own plan since a
//! date or revision (a booster session). It reads only and writes nothing,
//! so it works with no plan folder of its own.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::homework::{Period, line, period, read_assignment, read_hand_in};
use crate::cli::ReviewArgs;
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::plan::checkin::{CheckIn, SCALE_MAX, tally};
use crate::plan::date::{civil_from_days, days_from_civil, is_date_only};
use crate::plan::early_warning::{assess, periods};
use crate::plan::homework::{Revision, flags};
use crate::plan::rehearsal::{ExerciseKind, PracticeLog};
use crate::render::chart::sparkline;
use crate::render::checkin::day_name;
use crate::render::{clean, heading, wrap};

pub(super) fn run(args: &ReviewArgs, ctx: &mut Ctx) -> Result<()> {
    match (&args.file, &args.since) {
        (Some(file), _) => review_hand_in(file, args.assignment.as_deref(), ctx),
        (None, Some(since)) => review_own(since, ctx),
        (None, None) => Err(Error::Usage(
            "give a hand-in file, or --since DATE|REV".into(),
        )),
    }
}

fn review_hand_in(
    file: &std::path::Path,
    assignment: Option<&std::path::Path>,
    ctx: &mut Ctx,
) -> Result<()> {
    let hand_in = read_hand_in(file)?;
    if let Some(path) = assignment {
        let expected = read_assignment(path)?;
        if expected.id != hand_in.assignment.id {
            return Err(Error::WrongAssignment(format!(
                "`{}` answers a different assignment: {}'s for {}, assigned {} (id {}), not the one in `{}` (id {})",
                file.display(),
                clean(&hand_in.assignment.therapist),
                hand_in
                    .assignment
                    .client
                    .as_deref()
                    .map_or_else(|| "a client".into(), clean),
                hand_in.assignment.assigned,
                clean(&hand_in.assignment.id),
                path.display(),
                clean(&expected.id)
            )));
        }
    }
    let a = &hand_in.assignment;
    let style = ctx.style;
    writeln!(
        ctx.out,
        "{}",
        heading(
            &format!(
                "Hand-in from {} for {}'s homework",
                a.client
                    .as_deref()
                    .map_or_else(|| "your client".into(), clean),
                clean(&a.therapist)
            ),
            style
        )
    )?;
    writeln!(
        ctx.out,
        "Assigned {}, due {}, handed in {}.",
        a.assigned,
        a.due,
        ctx.local(&hand_in.submitted_at)
    )?;
    let period = Period {
        plan: hand_in.plan,
        changes: hand_in.revisions,
        practice: hand_in.practice,
        check_ins: hand_in.check_ins,
    };
    writeln!(ctx.out)?;
    writeln!(ctx.out, "{}", heading("Tasks", style))?;
    for p in period.progress(a) {
        writeln!(ctx.out, "  {}", line(&p))?;
    }
    write_period(&period, ctx)
}

fn review_own(since: &str, ctx: &mut Ctx) -> Result<()> {
    let history = ctx.store.history()?;
    let (base, from) = if let Ok(revision) = since.trim().parse::<u64>() {
        let info = history
            .iter()
            .find(|h| h.revision == revision)
            .ok_or(Error::NoRevision {
                revision,
                newest: history.last().map_or(0, |h| h.revision),
            })?;
        (revision, info.saved_at.unwrap_or(ctx.now))
    } else {
        let date = since
            .trim()
            .parse::<toml::value::Datetime>()
            .ok()
            .filter(is_date_only)
            .ok_or_else(|| {
                Error::Usage(format!(
                    "`{since}` is neither a date like 2026-10-01 nor a revision number"
                ))
            })?;
        let day = date.date.map_or(0, days_from_civil);
        // The plan as it stood at the start of that day: the newest revision before it.
        let base = history
            .iter()
            .filter(|h| {
                h.saved_at
                    .and_then(|s| s.date)
                    .is_some_and(|d| days_from_civil(d) < day)
            })
            .map(|h| h.revision)
            .max()
            .unwrap_or(0);
        let from = toml::value::Datetime {
            time: Some(toml::value::Time {
                hour: 0,
                minute: 0,
                second: Some(0),
                nanosecond: None,
            }),
            offset: Some(toml::value::Offset::Z),
            ..date
        };
        (base, from)
    };
    let period = period(&ctx.store, base, None, &from, &ctx.zone)?;
    writeln!(
        ctx.out,
        "{}",
        heading(&format!("Your plan since {since}"), ctx.style)
    )?;
    write_period(&period, ctx)
}

/// What changed, the practice with its trends, and what is worth talking about.
fn write_period(period: &Period, ctx: &mut Ctx) -> Result<()> {
    let style = ctx.style;
    let width = style.width;
    writeln!(ctx.out)?;
    writeln!(ctx.out, "{}", heading("What changed", style))?;
    if period.changes.iter().all(|c| c.changes.is_empty()) {
        writeln!(ctx.out, "  Nothing in the plan changed in this period.")?;
    }
    for Revision {
        revision,
        saved_at,
        change_note,
        changes,
    } in &period.changes
    {
        if changes.is_empty() {
            continue;
        }
        let when = saved_at.as_ref().map(|s| ctx.local(s)).unwrap_or_default();
        // The tool's own note repeats the single change it describes.
        let note = change_note
            .as_deref()
            .filter(|n| changes.len() != 1 || changes[0].to_string() != **n)
            .map(|n| format!(": {}", clean(n)))
            .unwrap_or_default();
        writeln!(ctx.out, "  Revision {revision}, {when}{note}")?;
        for change in changes {
            writeln!(
                ctx.out,
                "{}",
                wrap(&change.to_string(), width, "    - ", "      ")
            )?;
        }
    }
    writeln!(ctx.out)?;
    writeln!(ctx.out, "{}", heading("Practice", style))?;
    write_practice(&period.practice, &period.plan, ctx)?;
    writeln!(ctx.out)?;
    writeln!(ctx.out, "{}", heading("Check-ins", style))?;
    write_check_ins(&period.check_ins, ctx)?;
    writeln!(ctx.out)?;
    writeln!(ctx.out, "{}", heading("Worth talking about", style))?;
    let mut flags = flags(&period.plan, &period.practice, ctx.today_day());
    flags.extend(warning_periods(period));
    if flags.is_empty() {
        writeln!(ctx.out, "  Nothing stands out.")?;
    }
    for flag in flags {
        writeln!(ctx.out, "{}", wrap(&clean(&flag), width, "  - ", "    "))?;
    }
    Ok(())
}

/// The check-ins at a glance: urge and distress as small charts, then each
/// day with its numbers, the signs that showed, any lapse and the notes
/// written that day, in the person's words (cleaned: a hand-in is
/// untrusted).
fn write_check_ins(entries: &[CheckIn], ctx: &mut Ctx) -> Result<()> {
    let style = ctx.style;
    let (Some(first), Some(last)) = (entries.first(), entries.last()) else {
        writeln!(ctx.out, "  No check-ins in this period.")?;
        return Ok(());
    };
    let lapses = entries.iter().filter(|e| e.is_lapse()).count();
    writeln!(
        ctx.out,
        "  {} from {} to {}{}.",
        match entries.len() {
            1 => "1 day checked in".to_string(),
            n => format!("{n} days checked in"),
        },
        day_label(entries, first.day_number()),
        day_label(entries, last.day_number()),
        match lapses {
            0 => String::new(),
            1 => ", 1 lapse".to_string(),
            n => format!(", {n} lapses"),
        }
    )?;
    let urges: Vec<u8> = entries.iter().map(|e| e.urge).collect();
    writeln!(
        ctx.out,
        "  Urge      {}  {} → {}",
        sparkline(&urges, SCALE_MAX, style),
        first.urge,
        last.urge
    )?;
    let distress: Vec<u8> = entries.iter().filter_map(|e| e.distress).collect();
    if let (Some(a), Some(b)) = (distress.first(), distress.last()) {
        writeln!(
            ctx.out,
            "  Distress  {}  {a} → {b}",
            sparkline(&distress, SCALE_MAX, style)
        )?;
    }
    for e in entries {
        let mut line = format!(
            "{}: urge {}, distress {}",
            day_label(entries, e.day_number()),
            e.urge,
            e.distress
                .map_or_else(|| "not given".to_string(), |d| d.to_string())
        );
        if e.is_lapse() {
            let _ = write!(line, "; acted on it: {}", e.acted);
        }
        if !e.signs.is_empty() {
            let signs: Vec<String> = e.signs.iter().map(|s| format!("“{}”", clean(s))).collect();
            let _ = write!(line, "; signs: {}", signs.join(", "));
        }
        writeln!(ctx.out, "{}", wrap(&line, style.width, "  ", "    "))?;
        // Each line they wrote that day, as they wrote it, under the day.
        for note in e.notes.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
            writeln!(
                ctx.out,
                "{}",
                wrap(&format!("“{note}”"), style.width, "      ", "       ")
            )?;
        }
    }
    let mut signs = tally(entries.iter().flat_map(|e| e.signs.iter()));
    signs.sort_by_key(|c| std::cmp::Reverse(c.1));
    if !signs.is_empty() {
        let shown: Vec<String> = signs
            .iter()
            .map(|(sign, n)| {
                format!(
                    "“{}” on {n} {}",
                    clean(sign),
                    if *n == 1 { "day" } else { "days" }
                )
            })
            .collect();
        writeln!(
            ctx.out,
            "{}",
            wrap(
                &format!("Signs that showed: {}.", shown.join(", ")),
                style.width,
                "  ",
                "  "
            )
        )?;
    }
    Ok(())
}

/// Every stretch of days the plan's early warning held over the period's
/// check-ins, with why, in the person's own warning signs.
fn warning_periods(period: &Period) -> Vec<String> {
    let entries = &period.check_ins;
    let (Some(first), Some(last)) = (entries.first(), entries.last()) else {
        return Vec::new();
    };
    // A hand-in's plan is untrusted: a rule that could not be saved is not used.
    let rule = Some(period.plan.early_warning)
        .filter(|r| r.problems().is_empty())
        .unwrap_or_default();
    periods(rule, entries, first.day_number(), last.day_number())
        .into_iter()
        .map(|(from, to)| {
            let when = if from == to {
                format!("on {}", day_label(entries, from))
            } else {
                format!(
                    "from {} to {}",
                    day_label(entries, from),
                    day_label(entries, to)
                )
            };
            let mut why = Vec::new();
            if let Some(w) = assess(rule, entries, to) {
                if let Some(signs) = w.signs {
                    let shown: Vec<String> = signs
                        .counts
                        .iter()
                        .map(|(sign, n)| format!("“{}” on {n} of {}", clean(sign), signs.of))
                        .collect();
                    why.push(format!("warning signs: {}", shown.join(", ")));
                }
                if !w.urges.is_empty() {
                    let shown: Vec<String> = w
                        .urges
                        .iter()
                        .map(|(day, urge)| format!("{urge} on {}", day_label(entries, *day)))
                        .collect();
                    why.push(format!("strong urges: {}", shown.join(", ")));
                }
                if !w.lapses.is_empty() {
                    let shown: Vec<String> =
                        w.lapses.iter().map(|d| day_label(entries, *d)).collect();
                    why.push(format!("a lapse on {}", shown.join(" and ")));
                }
            }
            format!("the early warning held {when} ({})", why.join("; "))
        })
        .collect()
}

/// A day as people say it ("Mon 23 Nov"), with the year when the
/// check-ins span more than one.
fn day_label(entries: &[CheckIn], day: i64) -> String {
    let year = |e: Option<&CheckIn>| e.and_then(|e| e.day.date).map(|d| d.year);
    if year(entries.first()) == year(entries.last()) {
        day_name(day)
    } else {
        format!("{} {}", day_name(day), civil_from_days(day).year)
    }
}

fn write_practice(practice: &PracticeLog, plan: &crate::plan::Plan, ctx: &mut Ctx) -> Result<()> {
    let mut by_trigger: BTreeMap<&str, Vec<u8>> = BTreeMap::new();
    for r in &practice.rehearsals {
        by_trigger
            .entry(r.trigger.as_str())
            .or_default()
            .push(r.confidence);
    }
    if by_trigger.is_empty() {
        writeln!(ctx.out, "  No rehearsals in this period.")?;
    }
    for (id, values) in &by_trigger {
        let name = plan
            .trigger(id)
            .map_or_else(|| clean(id), |t| crate::prompt::shorten(&t.situation, 30));
        let times = if values.len() == 1 {
            "1 rehearsal".to_string()
        } else {
            format!("{} rehearsals", values.len())
        };
        writeln!(
            ctx.out,
            "  {name:<30}  {times:<13}  confidence {}  {}% → {}%",
            sparkline(values, 100, ctx.style),
            values[0],
            values[values.len() - 1]
        )?;
    }
    let count = |kind| practice.exercises.iter().filter(|e| e.kind == kind).count();
    let (surf, breathe) = (count(ExerciseKind::Surf), count(ExerciseKind::Breathe));
    if surf + breathe > 0 {
        writeln!(
            ctx.out,
            "  Urge surfing: {surf}. Paced breathing: {breathe}."
        )?;
    }
    Ok(())
}
