//! `history`: every saved revision.

use crate::cli::JsonArgs;
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::render::json::RevisionJson;
use crate::render::tables::history_table;

pub(super) fn run(args: &JsonArgs, ctx: &mut Ctx) -> Result<()> {
    let rows = ctx.store.history()?;
    let current = ctx.store.load().ok().map(|l| l.plan.revision);
    if args.json {
        super::write_json(ctx, &RevisionJson::rows(&rows, current))?;
    } else if rows.is_empty() {
        writeln!(ctx.out, "No revisions saved yet.").map_err(Error::Stdout)?;
    } else {
        writeln!(
            ctx.out,
            "{}",
            history_table(&rows, current, &ctx.zone, ctx.style)
        )
        .map_err(Error::Stdout)?;
    }
    Ok(())
}
