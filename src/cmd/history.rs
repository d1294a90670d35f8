//! `history`: every saved revision.

use serde_json::Value as Json;

use crate::cli::JsonArgs;
use crate::ctx::Ctx;
use crate::error::Result;
use crate::render::json::object;
use crate::render::tables::history_table;

pub(super) fn run(args: &JsonArgs, ctx: &mut Ctx) -> Result<()> {
    let rows = ctx.store.history()?;
    let current = ctx.store.load().ok().map(|l| l.plan.revision);
    if args.json {
        let list: Vec<Json> = rows
            .iter()
            .map(|row| {
                object([
                    ("revision", Json::from(row.revision)),
                    (
                        "saved_at",
                        row.saved_at
                            .map_or(Json::Null, |d| Json::String(d.to_string())),
                    ),
                    (
                        "change_note",
                        row.change_note.clone().map_or(Json::Null, Json::String),
                    ),
                    ("current", Json::Bool(Some(row.revision) == current)),
                ])
            })
            .collect();
        let text = serde_json::to_string_pretty(&list).map_err(std::io::Error::from)?;
        writeln!(ctx.out, "{text}")?;
    } else if rows.is_empty() {
        writeln!(ctx.out, "No revisions saved yet.")?;
    } else {
        writeln!(
            ctx.out,
            "{}",
            history_table(&rows, current, &ctx.zone, ctx.style)
        )?;
    }
    Ok(())
}
