//! `coping list|add|edit|remove`: coping strategies and their steps.

use super::{find_id, save};
use crate::cli::{CopingCommand, CopingEdit};
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::plan::{Coping, Linked, Plan, ids};
use crate::render::tables::coping_table;

pub(super) fn run(command: CopingCommand, ctx: &mut Ctx) -> Result<()> {
    match command {
        CopingCommand::List => {
            let plan = ctx.load()?.plan;
            if plan.coping.is_empty() {
                writeln!(
                    ctx.out,
                    "No coping strategies yet: add one with `relapse-plan coping add --name \"…\" --step \"…\"`."
                )?;
            } else {
                writeln!(ctx.out, "{}", coping_table(&plan, ctx.style))?;
            }
            Ok(())
        }
        CopingCommand::Add(args) => save(ctx, |plan| {
            let id = match args.id {
                Some(id) => id,
                None => ids::generate(&args.name, "coping", |id| {
                    plan.coping_strategy(id).is_some()
                }),
            };
            if plan.coping_strategy(&id).is_some() {
                return Err(Error::IdTaken {
                    what: "coping strategy",
                    id,
                });
            }
            let description = format!("added coping strategy {}", super::words(&args.name));
            plan.coping.push(Coping {
                id,
                name: args.name,
                kind: args.kind,
                steps: args.step,
                follow_through: follow_through(args.follow_through),
            });
            Ok(description)
        }),
        CopingCommand::Edit(args) => save(ctx, |plan| edit(plan, args)),
        CopingCommand::Remove(mut args) => save(ctx, |plan| {
            let index = find(plan, &args.id)?;
            args.id.clone_from(&plan.coping[index].id);
            let users = plan.triggers_linking(Linked::Coping, &args.id);
            if !users.is_empty() && !args.force {
                return Err(Error::InUse {
                    what: "coping strategy",
                    id: args.id,
                    users,
                });
            }
            for trigger in &mut plan.triggers {
                trigger.coping.retain(|l| *l != args.id);
            }
            let name = super::words(&plan.coping.remove(index).name);
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

/// `coping edit`: the change itself.
fn edit(plan: &mut Plan, mut args: CopingEdit) -> Result<String> {
    let index = find(plan, &args.id)?;
    args.id.clone_from(&plan.coping[index].id);
    if let Some(new_id) = &args.new_id
        && *new_id != args.id
    {
        if plan.coping_strategy(new_id).is_some() {
            return Err(Error::IdTaken {
                what: "coping strategy",
                id: new_id.clone(),
            });
        }
        for trigger in &mut plan.triggers {
            for link in trigger.coping.iter_mut().filter(|l| **l == args.id) {
                link.clone_from(new_id);
            }
        }
    }
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
    if let Some(new_id) = args.new_id {
        coping.id = new_id;
    }
    let name = super::words(&coping.name);
    Ok(format!("changed coping strategy {name}"))
}

fn find(plan: &Plan, id: &str) -> Result<usize> {
    find_id(&plan.coping, id, "coping strategy", |x| &x.id)
}
