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
        let said = match current {
            // A plan with a number and no history: the revision files are
            // gone, which is said, never "no revisions saved yet".
            Some(current) if current > 0 => format!(
                "Your plan is at revision {current}, but its history is empty: the revision files in `{}` are gone, so there are no earlier revisions to see or restore. Your plan itself is as it was, and from your next change its history is kept again.",
                ctx.store.revisions_dir().display()
            ),
            _ => "No revisions saved yet.".into(),
        };
        writeln!(
            ctx.out,
            "{}",
            crate::render::wrap(&said, ctx.style.width, "", "")
        )
        .map_err(Error::Stdout)?;
    } else {
        let table = history_table(&rows, current, (&ctx.zone, ctx.today), ctx.style);
        ctx.laid_out(format!("{table}\n").as_bytes())?;
    }
    Ok(())
}
