//! `coping list|add|edit|remove`: coping strategies and their steps.

use super::{save, save_renaming, stored};
use crate::cli::{CopingCommand, CopingEdit};
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::plan::edit::Rename;
use crate::plan::{Coping, Plan};
use crate::render::tables::coping_table;

pub(super) fn run(command: CopingCommand, ctx: &mut Ctx) -> Result<()> {
    match command {
        CopingCommand::List => {
            let plan = ctx.load()?.plan;
            if plan.coping.is_empty() {
                writeln!(
                    ctx.out,
                    "No coping strategies yet: add one with `relapse-plan coping add --name \"…\" --step \"…\"`."
                ).map_err(Error::Stdout)?;
            } else {
                writeln!(ctx.out, "{}", coping_table(&plan, ctx.style)).map_err(Error::Stdout)?;
            }
            Ok(())
        }
        CopingCommand::Add(args) => save(ctx, |plan| {
            let id = args.id.unwrap_or_else(|| plan.new_id::<Coping>(&args.name));
            let coping = plan.add(Coping {
                id,
                name: args.name,
                kind: args.kind,
                steps: args.step,
                follow_through: follow_through(args.follow_through),
            })?;
            Ok(format!(
                "added coping strategy {}",
                super::words(&coping.name)
            ))
        }),
        CopingCommand::Edit(args) => save_renaming(ctx, |plan| edit(plan, args)),
        CopingCommand::Remove(args) => save(ctx, |plan| {
            let id = stored::<Coping>(plan, &args.id);
            let removed = plan.remove::<Coping>(&id, args.force)?;
            let name = super::words(&removed.name);
            Ok(format!("removed coping strategy {name}"))
        }),
    }
}

/// A new strategy's follow-through, from its flags.
fn follow_through(flags: crate::cli::FollowThroughFlags) -> crate::plan::FollowThrough {
    let mut follow = crate::plan::FollowThrough::default();
    follow.apply(super::follow_through_change(flags));
    follow
}

/// `coping edit`: the change itself, and the rename it made.
fn edit(plan: &mut Plan, args: CopingEdit) -> Result<(String, Option<Rename>)> {
    let id = stored::<Coping>(plan, &args.id);
    let index = plan.position::<Coping>(&id)?;
    let rename = match &args.new_id {
        Some(new_id) => plan.rename::<Coping>(&id, new_id)?,
        None => None,
    };
    let coping = &mut plan.coping[index];
    if let Some(name) = args.name {
        coping.name = name;
    }
    if let Some(kind) = args.kind {
        coping.kind = kind;
    }
    let mut remove = args.remove_step;
    remove.sort_unstable();
    remove.dedup();
    for &n in remove.iter().rev() {
        if n == 0 || n > coping.steps.len() {
            return Err(Error::NoSuchItem {
                what: "step",
                number: n,
                len: coping.steps.len(),
            });
        }
        coping.steps.remove(n - 1);
    }
    coping.steps.extend(args.step);
    coping
        .follow_through
        .apply(super::follow_through_change(args.follow_through));
    let name = super::words(&coping.name);
    Ok((format!("changed coping strategy {name}"), rename))
}
