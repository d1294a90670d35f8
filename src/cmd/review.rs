//! `review`: a therapist's view of a hand-in, or a person's own plan since a
//! date or revision (a booster session). It reads only and writes nothing,
//! so it works with no plan folder of its own.

use std::collections::BTreeMap;

use super::homework::{Period, line, period, read_assignment, read_hand_in};
use crate::cli::ReviewArgs;
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::plan::date::{days_from_civil, is_date_only};
use crate::plan::homework::{Change, flags};
use crate::plan::rehearsal::{ExerciseKind, PracticeLog};
use crate::render::chart::sparkline;
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
            return Err(Error::Usage(format!(
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
        changes: hand_in.changes,
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
    for Change {
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
            .filter(|n| changes.len() != 1 || changes[0] != **n)
            .map(|n| format!(": {}", clean(n)))
            .unwrap_or_default();
        writeln!(ctx.out, "  Revision {revision}, {when}{note}")?;
        for change in changes {
            writeln!(ctx.out, "{}", wrap(change, width, "    - ", "      "))?;
        }
    }
    writeln!(ctx.out)?;
    writeln!(ctx.out, "{}", heading("Practice", style))?;
    write_practice(&period.practice, &period.plan, ctx)?;
    writeln!(ctx.out)?;
    writeln!(ctx.out, "{}", heading("Worth talking about", style))?;
    let flags = flags(&period.plan, &period.practice, ctx.today_day());
    if flags.is_empty() {
        writeln!(ctx.out, "  Nothing stands out.")?;
    }
    for flag in flags {
        writeln!(ctx.out, "  - {}", clean(&flag))?;
    }
    Ok(())
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
