//! `init`: an empty plan, revision 1.

use super::{OwnKept, country, note_country, say_if_made_private};
use crate::cli::InitArgs;
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::plan::{Plan, validate::validate};

pub(super) fn run(args: &InitArgs, ctx: &mut Ctx) -> Result<()> {
    let plan = Plan::new(args.name.clone(), ctx.country.as_deref().and_then(country));
    let problems = validate(&plan);
    if !problems.is_empty() {
        return Err(Error::Invalid {
            path: None,
            problems,
        });
    }
    let now = ctx.saving_now();
    let created = ctx.store.create(plan, now, ctx.note.clone());
    // Said whether or not a plan was already there: the folder changed.
    say_if_made_private(ctx)?;
    let plan = created?;
    note_country(ctx, plan.country.as_deref(), &OwnKept::default())?;
    ctx.say(&format!(
        "Started your plan in `{}` (revision {}). It stays on this computer, readable by you alone.",
        ctx.store.dir().display(),
        plan.revision
    ))?;
    ctx.say("Next: add your crisis steps (`relapse-plan step add \"…\"`) and the people you can call (`relapse-plan contact add`).")
}
