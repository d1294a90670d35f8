//! `restore REV`: an old revision, saved as a new one; history is kept.

use std::fmt::Write as _;

use crate::cli::RestoreArgs;
use crate::ctx::Ctx;
use crate::error::Result;
use crate::plan::restored::NumberBack;
use crate::store::Saved;

pub(super) fn run(args: &RestoreArgs, ctx: &mut Ctx) -> Result<()> {
    let now = ctx.saving_now();
    let (saved, set_aside, back) = ctx.store.restore(args.revision, now, ctx.note.clone())?;
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
        Saved::Revision(plan) => {
            ctx.say(&format!(
                "Restored revision {} as revision {}. Every earlier revision is still there.",
                args.revision, plan.revision
            ))?;
            numbers_back(ctx, &back)
        }
    }
}

/// Says each number the restored revision gives someone back, with the
/// one it replaces and the command that puts that one back: an old
/// revision can hold a number she changed because it no longer works.
fn numbers_back(ctx: &mut Ctx, back: &[NumberBack]) -> Result<()> {
    if back.is_empty() {
        return Ok(());
    }
    let mut said = String::from(if back.len() == 1 {
        "This brings back a number you had changed:"
    } else {
        "This brings back numbers you had changed:"
    });
    for change in back {
        let number = |n: &Option<String>| {
            n.as_deref()
                .map_or_else(|| "no number".to_string(), crate::render::clean)
        };
        let _ = write!(
            said,
            "\n  {}: {} again, instead of {}",
            crate::render::quoted(&change.name),
            number(&change.back),
            number(&change.instead_of)
        );
    }
    said.push_str("\nIf a number here is out of date, change it back:");
    for change in back {
        let _ = write!(
            said,
            "\n  relapse-plan contact edit {} --phone {}",
            crate::render::rescue::shell_word(&change.name),
            change
                .instead_of
                .as_deref()
                .map_or_else(|| "none".to_string(), crate::render::rescue::shell_word)
        );
    }
    ctx.say(&said)
}
