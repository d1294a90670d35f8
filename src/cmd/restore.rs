//! `restore REV`: an old revision, saved as a new one; history is kept.

use crate::cli::RestoreArgs;
use crate::ctx::Ctx;
use crate::error::Result;
use crate::store::Saved;

pub(super) fn run(args: &RestoreArgs, ctx: &mut Ctx) -> Result<()> {
    let now = ctx.saving_now();
    let (saved, set_aside) = ctx.store.restore(args.revision, now, ctx.note.clone())?;
    if let Some(path) = set_aside {
        ctx.say(&format!(
            "Your plan file held words that are in no saved revision, so it was kept, unchanged, as `{}`.",
            path.display()
        ))?;
    }
    match saved {
        Saved::Unchanged(_) => ctx.say(&format!(
            "Revision {} is the same as your current plan, so nothing changed.",
            args.revision
        )),
        Saved::Revision(plan) => ctx.say(&format!(
            "Restored revision {} as revision {}. Every earlier revision is still there.",
            args.revision, plan.revision
        )),
    }
}
