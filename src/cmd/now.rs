//! `now`: the crisis view. It never prompts and shows something useful
//! whatever state the plan folder is in: the plan, an older revision when the
//! plan file is damaged, or at least the crisis lines.

use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::render::crisis::{write_draft_now, write_now};

pub(super) fn run(ctx: &mut Ctx) -> Result<()> {
    let (loaded, unreadable) = match ctx.store.load_for_crisis() {
        Ok(loaded) => (loaded, false),
        Err(error) => {
            // Nothing readable: say so in one line, and still show the lines.
            ctx.warn(&error.to_string())?;
            // Another user's folder: who can put it right is worth a line.
            if let (Error::Read { source, .. }, Some(hint)) = (&error, error.hint())
                && crate::error::denied(source)
            {
                writeln!(
                    ctx.err,
                    "{}",
                    crate::render::wrap_for(&format!("hint: {hint}"), ctx.err_width)
                )
                .map_err(Error::Stderr)?;
            }
            (None, true)
        }
    };
    if let Some(found) = loaded.as_ref().and_then(|l| l.newer_schema) {
        ctx.warn(&format!(
            "your plan file comes from a newer relapse-plan (schema {found}): this is what this version can show of it"
        ))?;
    }
    // No saved plan, but the answers of a first walk-through stopped
    // before it saved: what they hold for a hard moment is shown, said
    // as not saved yet (an unreadable draft changes nothing here).
    if loaded.is_none()
        && !unreadable
        && let Ok(Some(draft)) = ctx.store.load_draft()
    {
        let lines = ctx.crisis_lines(draft.plan.country.as_deref());
        let shown =
            crate::render::to_text(|w| write_draft_now(w, &draft.plan, lines.as_ref(), ctx.style));
        return ctx.write_shown(&shown);
    }
    let plan = loaded.as_ref().map(|l| &l.plan);
    let lines = ctx.crisis_lines(plan.and_then(|p| p.country.as_deref()));
    let mut shown = Vec::new();
    write_now(&mut shown, plan, unreadable, lines.as_ref(), ctx.style).map_err(Error::Stdout)?;
    ctx.laid_out(&shown)?;
    // In a crisis the steps come first; the plan's notice follows them,
    // and then what loading it had to say: a notice about files was the
    // first line she read (Trudy).
    if let Some(loaded) = &loaded {
        super::warn_early(ctx, &loaded.plan, true)?;
        after_the_help(ctx, loaded)?;
    }
    Ok(())
}

/// What loading the plan had to say, after the help. A save cut short is
/// said kindly and plainly ("revision 35" and `plan.toml` are words for
/// `validate` and `history`, not for a hard moment).
fn after_the_help(ctx: &mut Ctx, loaded: &crate::store::Loaded) -> Result<()> {
    for (n, warning) in loaded.warnings.iter().enumerate() {
        if n == 0 && loaded.recovered {
            ctx.say(
                "Your plan is all here, with your latest changes: it was read from its saved copies, and the next change you make puts its file back in place (`relapse-plan validate` says more, when you have a moment).",
            )?;
        } else {
            ctx.warn(warning)?;
        }
    }
    Ok(())
}
