//! `diff [A] [B]`: what changed between two revisions, in words.

use crate::cli::DiffArgs;
use crate::ctx::Ctx;
use crate::error::Result;
use crate::plan::diff::diff;
use crate::plan::edit::Entry;
use crate::render::changes::in_words;

pub(super) fn run(args: &DiffArgs, ctx: &mut Ctx) -> Result<()> {
    let (old, new, old_label, new_label) = match (args.from, args.to) {
        (Some(from), Some(to)) => (
            ctx.store.load_revision(from)?,
            ctx.store.load_revision(to)?,
            format!("revision {from}"),
            format!("revision {to}"),
        ),
        (from, _) => {
            let current = ctx.load()?.plan;
            let from = match from {
                Some(from) => from,
                None if current.revision > 1 => current.revision - 1,
                None => {
                    ctx.tell(
                        "Your plan has only its first revision, so there is nothing to compare yet.",
                    )?;
                    return Ok(());
                }
            };
            let label = format!("the current plan (revision {})", current.revision);
            (
                ctx.store.load_revision(from)?,
                current,
                format!("revision {from}"),
                label,
            )
        }
    };
    let changes = diff(&old, &new);
    if changes.is_empty() {
        ctx.tell(&format!("No changes from {old_label} to {new_label}."))?;
    } else {
        ctx.tell(&format!("Changes from {old_label} to {new_label}:"))?;
        for change in changes {
            let change = in_words(
                ctx.style.plain,
                &change,
                &|entry: Entry, id: &str| entry.words(&new, id).or_else(|| entry.words(&old, id)),
                &|id: &str| {
                    new.contact(id)
                        .or_else(|| old.contact(id))
                        .is_some_and(|c| !c.to_involve())
                },
            );
            let line = crate::render::item(
                crate::render::bullet_marker(ctx.style),
                &change,
                ctx.style.width,
                2,
            );
            ctx.laid_out(format!("{line}\n").as_bytes())?;
        }
    }
    Ok(())
}
