//! `trigger list|add|edit|remove`: high-risk situations.

use super::{add_unique, find_id, remove_values, save};
use crate::cli::{TriggerCommand, TriggerFields};
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::plan::{Plan, Trigger, ids};
use crate::render::tables::triggers_table;

pub(super) fn run(command: TriggerCommand, ctx: &mut Ctx) -> Result<()> {
    match command {
        TriggerCommand::List => {
            let plan = ctx.load()?.plan;
            if plan.triggers.is_empty() {
                writeln!(
                    ctx.out,
                    "No triggers yet: add one with `relapse-plan trigger add --situation \"…\"`."
                )?;
            } else {
                writeln!(ctx.out, "{}", triggers_table(&plan, ctx.style))?;
            }
            Ok(())
        }
        TriggerCommand::Add(args) => save(ctx, |plan| {
            let id = match args.id {
                Some(id) => id,
                None => ids::generate(&args.situation, "trigger", |id| plan.trigger(id).is_some()),
            };
            if plan.trigger(&id).is_some() {
                return Err(Error::IdTaken {
                    what: "trigger",
                    id,
                });
            }
            let mut trigger = Trigger::new(id, args.situation);
            apply(&mut trigger, &args.fields);
            let description = format!("added trigger {}", super::words(&trigger.situation));
            plan.triggers.push(trigger);
            Ok(description)
        }),
        TriggerCommand::Edit(args) => {
            // A new id reaches the practice log too, so the trigger keeps
            // its rehearsals.
            let rename = args
                .new_id
                .clone()
                .filter(|new_id| *new_id != args.id)
                .map(|new_id| (args.id.clone(), new_id));
            let Some((from, to)) = rename else {
                return save(ctx, |plan| edit(plan, args));
            };
            let saved = ctx.store.update_renaming_trigger(
                ctx.now,
                ctx.note.clone(),
                (&from, &to),
                |plan| edit(plan, args),
            )?;
            super::said(ctx, &saved)
        }
        TriggerCommand::Remove { id } => save(ctx, |plan| {
            let index = find(plan, &id)?;
            let removed = plan.triggers.remove(index);
            Ok(format!(
                "removed trigger {}",
                super::words(&removed.situation)
            ))
        }),
    }
}

/// `trigger edit`: the change itself.
fn edit(plan: &mut Plan, mut args: crate::cli::TriggerEdit) -> Result<String> {
    let index = find(plan, &args.id)?;
    // As stored, when typed as shown (see `find_id`).
    args.id.clone_from(&plan.triggers[index].id);
    if let Some(new_id) = &args.new_id
        && *new_id != args.id
        && plan.trigger(new_id).is_some()
    {
        return Err(Error::IdTaken {
            what: "trigger",
            id: new_id.clone(),
        });
    }
    let trigger = &mut plan.triggers[index];
    let owner = format!("trigger `{}`", trigger.id);
    if let Some(situation) = args.situation {
        trigger.situation = situation;
    }
    if args.unrate {
        (
            trigger.likelihood,
            trigger.intensity,
            trigger.confidence,
            trigger.rank,
        ) = (None, None, None, None);
    }
    apply(trigger, &args.fields);
    remove_values(
        &mut trigger.thoughts,
        &args.remove_thought,
        "thought",
        &owner,
    )?;
    remove_values(
        &mut trigger.feelings,
        &args.remove_feeling,
        "feeling",
        &owner,
    )?;
    remove_values(&mut trigger.urges, &args.remove_urge, "urge", &owner)?;
    remove_values(
        &mut trigger.coping,
        &args.remove_coping,
        "coping link",
        &owner,
    )?;
    remove_values(
        &mut trigger.contacts,
        &args.remove_contact,
        "contact link",
        &owner,
    )?;
    if let Some(new_id) = args.new_id {
        trigger.id = new_id;
    }
    Ok(format!(
        "changed trigger {}",
        super::words(&trigger.situation)
    ))
}

fn find(plan: &Plan, id: &str) -> Result<usize> {
    find_id(&plan.triggers, id, "trigger", |x| &x.id)
}

/// Sets the fields given on the command line; list flags add to the lists.
fn apply(trigger: &mut Trigger, fields: &TriggerFields) {
    if let Some(category) = fields.category {
        trigger.category = category;
    }
    add_unique(&mut trigger.thoughts, &fields.thought);
    add_unique(&mut trigger.feelings, &fields.feeling);
    add_unique(&mut trigger.urges, &fields.urge);
    add_unique(&mut trigger.coping, &fields.coping);
    add_unique(&mut trigger.contacts, &fields.contact);
    trigger.likelihood = fields.likelihood.or(trigger.likelihood);
    trigger.intensity = fields.intensity.or(trigger.intensity);
    trigger.confidence = fields.confidence.or(trigger.confidence);
    trigger.rank = fields.rank.or(trigger.rank);
}
