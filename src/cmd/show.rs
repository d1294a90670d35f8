//! `show`: the whole plan as tables, or as JSON.

use crate::cli::JsonArgs;
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::render::{json, tables};

pub(super) fn run(args: &JsonArgs, ctx: &mut Ctx) -> Result<()> {
    let loaded = ctx.load()?;
    if args.json {
        super::write_json(ctx, &json::plan(&loaded.plan))?;
    } else {
        super::warn_early(ctx, &loaded.plan, false)?;
        super::say_helpers_not_to_involve(ctx, &loaded.plan)?;
        let mut shown = Vec::new();
        tables::write_plan(&mut shown, &loaded.plan, (&ctx.zone, ctx.today), ctx.style)
            .map_err(Error::Stdout)?;
        ctx.laid_out(&shown)?;
    }
    Ok(())
}
