//! `trigger list|add|edit|remove`: high-risk situations.

use super::{add_unique, remove_values, save, save_renaming, stored};
use crate::cli::{TriggerCommand, TriggerFields};
use crate::ctx::Ctx;
use crate::error::Result;
use crate::plan::edit::Rename;
use crate::plan::{Contact, Coping, Plan, Trigger};
use crate::render::tables::triggers_table;

pub(super) fn run(command: TriggerCommand, ctx: &mut Ctx) -> Result<()> {
    match command {
        TriggerCommand::List => {
            let plan = ctx.load()?.plan;
            if plan.triggers.is_empty() {
                ctx.tell(
                    "No triggers yet: add one with `relapse-plan trigger add --situation \"…\"`.",
                )?;
            } else {
                // The rule the list is in, as `show` says it above the
                // same table (Shirin: one order a person can understand).
                ctx.tell(&crate::plan::priority::rule(&plan.triggers))?;
                ctx.laid_out(format!("{}\n", triggers_table(&plan, ctx.style)).as_bytes())?;
                if crate::render::tables::numbers_out_of_order(&plan) {
                    ctx.tell(crate::render::tables::NUMBERS_STAY)?;
                }
            }
            Ok(())
        }
        TriggerCommand::Add(mut args) => {
            // Her words as the argument, or with --situation (clap makes
            // sure there is one of the two).
            let situation = args
                .words
                .take()
                .or(args.situation.take())
                .unwrap_or_default();
            let mut already = None;
            let now = ctx.saving_now();
            let saved = ctx.store.update(now, ctx.note.clone(), |plan| {
                // The same situation typed again: the one there is kept,
                // with its ratings and links, alone.
                let there = plan.triggers.iter().map(|t| t.situation.as_str());
                if let Some(n) = crate::plan::same::same_words(there, &situation) {
                    already = Some((n, plan.triggers[n - 1].situation.clone()));
                    return Ok(String::new());
                }
                links(plan, &mut args.fields)?;
                let id = args
                    .id
                    .unwrap_or_else(|| plan.new_id::<Trigger>(&situation));
                let trigger = plan.add(Trigger::new(id, situation.clone()))?;
                apply(trigger, &args.fields);
                Ok(format!(
                    "added trigger {}",
                    super::words(&trigger.situation)
                ))
            })?;
            match already {
                Some((n, theirs)) => {
                    super::say_already_there(ctx, &situation, "trigger", n, &theirs)
                }
                None => super::said(ctx, &saved),
            }
        }
        TriggerCommand::Edit(args) => save_renaming(ctx, |plan| edit(plan, args)),
        TriggerCommand::Remove { id } => save(ctx, |plan| {
            let id = stored::<Trigger>(plan, &id)?;
            let last = plan.triggers.last().is_some_and(|t| t.id == id);
            let removed = plan.remove::<Trigger>(&id, false)?;
            // The one time numbers move: said, so none is reached unawares.
            let moved = if last {
                ""
            } else {
                "; the triggers added after it are now one number lower"
            };
            Ok(format!(
                "removed trigger {}{moved}",
                super::words(&removed.situation)
            ))
        }),
    }
}

/// `trigger edit`: the change itself, and the rename it made.
fn edit(plan: &mut Plan, args: crate::cli::TriggerEdit) -> Result<(String, Option<Rename>)> {
    let mut args = args;
    let id = stored::<Trigger>(plan, &args.id)?;
    links(plan, &mut args.fields)?;
    for typed in &mut args.remove_coping {
        *typed = stored::<Coping>(plan, typed)?;
    }
    for typed in &mut args.remove_contact {
        *typed = stored::<Contact>(plan, typed)?;
    }
    let index = plan.position::<Trigger>(&id)?;
    let rename = match &args.new_id {
        Some(new_id) => plan.rename::<Trigger>(&id, new_id)?,
        None => None,
    };
    let trigger = &mut plan.triggers[index];
    let owner = format!("trigger `{id}`");
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
    let before = [
        trigger.thoughts.clone(),
        trigger.feelings.clone(),
        trigger.urges.clone(),
    ];
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
    // What happened to her words, said: `--thought` adds one beside
    // those there, and "changed trigger …" left her to guess.
    let mut done = Vec::new();
    for ((kind, added, removed), had) in [
        ("thought", &args.fields.thought, &args.remove_thought),
        ("feeling", &args.fields.feeling, &args.remove_feeling),
        ("urge", &args.fields.urge, &args.remove_urge),
    ]
    .into_iter()
    .zip(&before)
    {
        let a = if kind == "urge" { "an" } else { "a" };
        for text in added.iter().filter(|t| !had.contains(t)) {
            done.push(format!("added {a} {kind}: {}", super::words(text)));
        }
        for text in removed {
            done.push(format!("removed {a} {kind}: {}", super::words(text)));
        }
    }
    let mut description = format!("changed trigger {}", super::words(&trigger.situation));
    if !done.is_empty() {
        description = format!("{description}; {}", done.join("; "));
    }
    Ok((description, rename))
}

/// The coping strategies and contacts to link, as she named them (the
/// number `coping list` and `contact list` show, her words, or an id),
/// made the ids the plan links by: the lists show no ids.
fn links(plan: &Plan, fields: &mut TriggerFields) -> Result<()> {
    for typed in &mut fields.coping {
        *typed = stored::<Coping>(plan, typed)?;
    }
    for typed in &mut fields.contact {
        *typed = stored::<Contact>(plan, typed)?;
    }
    Ok(())
}

/// Sets the fields given on the command line; list flags add to the lists.
fn apply(trigger: &mut Trigger, fields: &TriggerFields) {
    if let Some(category) = fields.category {
        trigger.category = Some(category);
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
