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
                ctx.tell("No coping strategies yet: add one with `relapse-plan coping add --name \"…\" --step \"…\"`.")?;
            } else {
                ctx.laid_out(format!("{}\n", coping_table(&plan, ctx.style)).as_bytes())?;
            }
            Ok(())
        }
        CopingCommand::Add(mut args) => {
            let tidied = tidy_steps(&mut args.step);
            let mut named = Named::default();
            save(ctx, |plan| {
                let id = args.id.unwrap_or_else(|| plan.new_id::<Coping>(&args.name));
                let coping = plan.add(Coping {
                    id,
                    name: args.name,
                    kind: args.kind,
                    steps: args.step,
                    follow_through: follow_through(args.follow_through),
                })?;
                let description = format!("added coping strategy {}", super::words(&coping.name));
                named = Named::in_steps(plan, plan.coping.len() - 1, 0);
                Ok(description)
            })?;
            tidied.iter().try_for_each(|said| ctx.say(said))?;
            named.say(ctx)
        }
        CopingCommand::Edit(mut args) => {
            let tidied = tidy_steps(&mut args.step);
            let mut named = Named::default();
            save_renaming(ctx, |plan| {
                let (description, rename, index, new_from) = edit(plan, args)?;
                named = Named::in_steps(plan, index, new_from);
                Ok((description, rename))
            })?;
            tidied.iter().try_for_each(|said| ctx.say(said))?;
            named.say(ctx)
        }
        CopingCommand::Remove(args) => save(ctx, |plan| {
            let id = stored::<Coping>(plan, &args.id)?;
            let removed = plan.remove::<Coping>(&id, args.force)?;
            let name = super::words(&removed.name);
            Ok(format!("removed coping strategy {name}"))
        }),
    }
}

/// Each `--step` without what does not show ([`super::tidy_text`]), and
/// what to say of each that lost something.
fn tidy_steps(steps: &mut [String]) -> Vec<String> {
    steps
        .iter_mut()
        .filter_map(|step| super::tidy_text("coping step", step))
        .collect()
}

/// A new strategy's follow-through, from its flags.
fn follow_through(flags: crate::cli::FollowThroughFlags) -> crate::plan::FollowThrough {
    let mut follow = crate::plan::FollowThrough::default();
    follow.apply(super::follow_through_change(flags));
    follow
}

/// The steps just written that name someone she marked "do not involve":
/// each step's number, whom it names, and the strategy's name and the
/// number `coping list` shows it with (what commands take, never its id).
#[derive(Default)]
struct Named {
    steps: Vec<(usize, Vec<String>)>,
    name: String,
    number: usize,
}

impl Named {
    /// Looks at strategy `index`'s steps from `from` (0-based) on.
    fn in_steps(plan: &Plan, index: usize, from: usize) -> Named {
        let coping = &plan.coping[index];
        let steps = coping
            .steps
            .iter()
            .enumerate()
            .skip(from)
            .filter_map(|(i, step)| {
                let named: Vec<String> = crate::plan::mentions::not_to_involve(plan, step)
                    .into_iter()
                    .map(|c| c.name.clone())
                    .collect();
                (!named.is_empty()).then_some((i + 1, named))
            })
            .collect();
        Named {
            steps,
            name: coping.name.clone(),
            number: index + 1,
        }
    }

    /// Said after the save, gently, with the command that changes it.
    fn say(&self, ctx: &mut Ctx) -> Result<()> {
        for (n, named) in &self.steps {
            let command = format!(
                "relapse-plan coping edit {} --remove-step {n} --step \"…\"",
                self.number
            );
            ctx.say(&crate::render::not_to_involve_note(
                &format!("step {n} of {}", crate::render::quoted(&self.name)),
                named,
                &command,
            ))?;
        }
        Ok(())
    }
}

/// `coping edit`: the change itself, the rename it made, the strategy's
/// place and the number of steps it kept (the rest are new).
fn edit(plan: &mut Plan, args: CopingEdit) -> Result<(String, Option<Rename>, usize, usize)> {
    let id = stored::<Coping>(plan, &args.id)?;
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
    let kept = coping.steps.len();
    coping.steps.extend(args.step);
    coping
        .follow_through
        .apply(super::follow_through_change(args.follow_through));
    let name = super::words(&coping.name);
    Ok((
        format!("changed coping strategy {name}"),
        rename,
        index,
        kept,
    ))
}
