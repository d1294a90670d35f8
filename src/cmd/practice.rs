//! `practice`: rehearsals and exercises over time, each trigger's
//! confidence as a small chart, and totals for this week and month.

use crate::cli::PracticeArgs;
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::plan::edit::{EditError, Entry};
use crate::plan::rehearsal::totals;
use crate::render::json::PracticeJson;

pub(super) fn run(args: &PracticeArgs, ctx: &mut Ctx) -> Result<()> {
    let mut log = ctx.store.load_practice()?;
    // Trigger names come from the plan when there is one; practice stands alone.
    let plan = ctx.store.load().ok().map(|l| l.plan);
    if let Some(typed) = &args.trigger {
        // Its number in `trigger list` or its first words, as everywhere
        // (Niran: `practice --trigger 1` refused the 1 its message listed).
        let id = match plan.as_ref() {
            Some(p) => {
                super::stored::<crate::plan::Trigger>(p, typed).unwrap_or_else(|_| typed.clone())
            }
            None => typed.clone(),
        };
        let id = &id;
        let known = plan.as_ref().is_some_and(|p| p.trigger(id).is_some())
            || log.rehearsals.iter().any(|r| r.trigger == *id);
        if !known {
            return Err(EditError::not_found(Entry::Trigger, plan.as_ref(), id).into());
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

    let (style, zone, today) = (ctx.style, &ctx.zone, ctx.today);
    let mut shown = Vec::new();
    crate::render::practice::summary(
        &mut shown,
        (&log, plan.as_ref()),
        &triggers,
        &sums,
        (style, zone, today),
    )
    .map_err(Error::Stdout)?;
    ctx.laid_out(&shown)
}
