//! `practice`: rehearsals and exercises over time, each trigger's
//! confidence as a small chart, and totals for this week and month.

use std::fmt::Write as _;

use crate::cli::PracticeArgs;
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::plan::rehearsal::{ExerciseKind, totals, trend};
use crate::prompt::shorten;
use crate::render::chart::sparkline;
use crate::render::json::PracticeJson;
use crate::render::{heading, plural};

pub(super) fn run(args: &PracticeArgs, ctx: &mut Ctx) -> Result<()> {
    let mut log = ctx.store.load_practice()?;
    // Trigger names come from the plan when there is one; practice stands alone.
    let plan = ctx.store.load().ok().map(|l| l.plan);
    if let Some(id) = &args.trigger {
        let known = plan.as_ref().is_some_and(|p| p.trigger(id).is_some())
            || log.rehearsals.iter().any(|r| r.trigger == *id);
        if !known {
            return Err(Error::NotFound {
                what: "trigger",
                id: id.clone(),
                known: plan
                    .iter()
                    .flat_map(|p| p.triggers.iter().map(|t| t.id.clone()))
                    .collect(),
            });
        }
        log.rehearsals.retain(|r| r.trigger == *id);
        log.exercises.retain(|e| e.trigger.as_deref() == Some(id));
    }
    let mut triggers: Vec<String> = Vec::new();
    for r in &log.rehearsals {
        if !triggers.contains(&r.trigger) {
            triggers.push(r.trigger.clone());
        }
    }
    let sums = totals(&log, ctx.today_day(), &ctx.zone);

    if args.json {
        return super::write_json(ctx, &PracticeJson::new(&log, &triggers, &sums));
    }

    write_human(ctx, &log, plan.as_ref(), &triggers, sums)
}

/// The practice summary for people.
fn write_human(
    ctx: &mut Ctx,
    log: &crate::plan::rehearsal::PracticeLog,
    plan: Option<&crate::plan::Plan>,
    triggers: &[String],
    sums: crate::plan::rehearsal::Totals,
) -> Result<()> {
    if log.rehearsals.is_empty() && log.exercises.is_empty() {
        writeln!(
            ctx.out,
            "No practice logged yet. `relapse-plan rehearse`, `breathe` and `surf` are ways to start."
        )?;
        return Ok(());
    }
    let style = ctx.style;
    writeln!(
        ctx.out,
        "This week: {}. This month: {}.",
        count(sums.week_rehearsals, sums.week_exercises),
        count(sums.month_rehearsals, sums.month_exercises)
    )?;
    if !triggers.is_empty() {
        writeln!(ctx.out)?;
        writeln!(
            ctx.out,
            "{}",
            heading("Confidence at each rehearsal", style)
        )?;
        for id in triggers {
            let values = trend(log, id);
            let name = plan
                .and_then(|p| p.trigger(id))
                .map_or_else(|| id.clone(), |t| shorten(&t.situation, 30));
            let (first, last) = (values[0], values[values.len() - 1]);
            writeln!(
                ctx.out,
                "  {name:<30}  {}  {first}% → {last}%  ({})",
                sparkline(&values, 100, style),
                times(values.len())
            )?;
        }
    }
    if !log.exercises.is_empty() {
        writeln!(ctx.out)?;
        writeln!(ctx.out, "{}", heading("Exercises", style))?;
        for e in &log.exercises {
            let what = match e.kind {
                ExerciseKind::Breathe => "paced breathing",
                ExerciseKind::Surf => "urge surfing",
            };
            let minutes = (e.seconds + 30) / 60;
            let mut line = format!("  {}  {what:<15}  {minutes} min", ctx.local(&e.at));
            if let (Some(first), Some(last)) = (e.ratings.first(), e.ratings.last()) {
                let _ = write!(
                    line,
                    "  urge {first} → {last}  {}",
                    sparkline(&e.ratings, 10, style)
                );
            }
            if !e.completed {
                line.push_str("  (stopped early)");
            }
            writeln!(ctx.out, "{line}")?;
        }
    }
    Ok(())
}

fn count(rehearsals: usize, exercises: usize) -> String {
    format!(
        "{}, {}",
        plural(rehearsals as u64, "rehearsal"),
        plural(exercises as u64, "exercise")
    )
}

fn times(n: usize) -> String {
    if n == 1 {
        "once".into()
    } else {
        format!("{n} times")
    }
}
