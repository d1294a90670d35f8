//! `trends`: the check-ins of the last days as charts and a grid, in words
//! with `--plain`, or as JSON or CSV. Reads; never writes.

use crate::cli::TrendsArgs;
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::plan::Plan;
use crate::plan::early_warning::periods;
use crate::render::trends::{Window, csv, json, write_chart, write_plain};

pub(super) fn run(args: &TrendsArgs, ctx: &mut Ctx) -> Result<()> {
    let plan = match ctx.load() {
        Ok(loaded) => loaded.plan,
        Err(Error::NoPlan { .. }) => Plan::new(String::new(), None),
        Err(e) => return Err(e),
    };
    let log = ctx.store.load_check_ins()?;
    let last = ctx.today_day();
    let first = last - i64::from(args.days) + 1;
    let warned: Vec<i64> = periods(plan.early_warning, &log.entries, first, last)
        .into_iter()
        .flat_map(|(a, b)| a..=b)
        .collect();
    let window = Window::new(&log.entries, first, last, warned);
    if args.json {
        super::write_json(ctx, &json(&window, &plan))?;
    } else if args.csv {
        write!(ctx.out, "{}", csv(&window, &plan)).map_err(Error::Stdout)?;
    } else if log.entries.is_empty() {
        ctx.tell(
            "No check-ins yet. `relapse-plan check-in` takes about a minute; after a few days, your trends show here.",
        )?;
    } else if ctx.style.plain {
        let mut shown = Vec::new();
        write_plain(&mut shown, &window, &plan, ctx.style).map_err(Error::Stdout)?;
        ctx.laid_out(&shown)?;
    } else {
        write_chart(ctx.out, &window, &plan, ctx.style).map_err(Error::Stdout)?;
    }
    Ok(())
}
