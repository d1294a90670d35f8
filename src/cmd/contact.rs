//! `contact list|add|edit|remove`: people and services.

use super::{choice, find_id, save};
use std::fmt::Write as _;

use crate::cli::{ContactCommand, ContactEdit};
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::plan::{Contact, Linked, Plan, ids};
use crate::render::tables::contacts_table;

pub(super) fn run(command: ContactCommand, ctx: &mut Ctx) -> Result<()> {
    match command {
        ContactCommand::List => {
            let plan = ctx.load()?.plan;
            if plan.contacts.is_empty() {
                writeln!(
                    ctx.out,
                    "No contacts yet: add one with `relapse-plan contact add --name \"…\" --phone \"…\"`."
                )?;
            } else {
                writeln!(ctx.out, "{}", contacts_table(&plan, ctx.style))?;
            }
            Ok(())
        }
        ContactCommand::Add(args) => save(ctx, |plan| {
            let id = match args.id {
                Some(id) => id,
                None => ids::generate(&args.name, "contact", |id| plan.contact(id).is_some()),
            };
            if plan.contact(&id).is_some() {
                return Err(Error::IdTaken {
                    what: "contact",
                    id,
                });
            }
            let description = format!("added contact {id}");
            plan.contacts.push(Contact {
                id,
                name: args.name,
                phone: args.phone,
                role: choice(&args.role)?,
                reachable: args.reachable,
                do_not_involve: args.do_not_involve,
            });
            Ok(description)
        }),
        ContactCommand::Edit(args) => save(ctx, |plan| edit(plan, args)),
        ContactCommand::Remove(args) => save(ctx, |plan| {
            let index = find(plan, &args.id)?;
            let users = plan.triggers_linking(Linked::Contact, &args.id);
            if !users.is_empty() && !args.force {
                return Err(Error::InUse {
                    what: "contact",
                    id: args.id,
                    users,
                });
            }
            for trigger in &mut plan.triggers {
                trigger.contacts.retain(|l| *l != args.id);
            }
            plan.contacts.remove(index);
            Ok(format!("removed contact {}", args.id))
        }),
    }
}

/// Changes one contact; marking them "do not involve" also unlinks them.
fn edit(plan: &mut Plan, args: ContactEdit) -> Result<String> {
    let index = find(plan, &args.id)?;
    if let Some(new_id) = &args.new_id
        && *new_id != args.id
    {
        if plan.contact(new_id).is_some() {
            return Err(Error::IdTaken {
                what: "contact",
                id: new_id.clone(),
            });
        }
        for trigger in &mut plan.triggers {
            for link in trigger.contacts.iter_mut().filter(|l| **l == args.id) {
                link.clone_from(new_id);
            }
        }
    }
    let contact = &mut plan.contacts[index];
    if let Some(name) = args.name {
        contact.name = name;
    }
    if let Some(phone) = args.phone {
        contact.phone = optional(phone);
    }
    if let Some(role) = &args.role {
        contact.role = choice(role)?;
    }
    if let Some(reachable) = args.reachable {
        contact.reachable = optional(reachable);
    }
    if let Some(flag) = args.do_not_involve {
        contact.do_not_involve = flag;
    }
    if let Some(new_id) = args.new_id {
        contact.id = new_id;
    }
    let id = contact.id.clone();
    let mut description = format!("changed contact {id}");
    if contact.do_not_involve {
        // Someone not to involve can't be part of a trigger's response.
        let unlinked = plan.triggers_linking(Linked::Contact, &id);
        for trigger in &mut plan.triggers {
            trigger.contacts.retain(|l| *l != id);
        }
        if !unlinked.is_empty() {
            let _ = write!(
                description,
                " (no longer linked to {})",
                unlinked.join(", ")
            );
        }
    }
    Ok(description)
}

/// "none" clears an optional field.
fn optional(value: String) -> Option<String> {
    (!value.trim().eq_ignore_ascii_case("none")).then_some(value)
}

fn find(plan: &Plan, id: &str) -> Result<usize> {
    find_id(&plan.contacts, id, "contact", |c| &c.id)
}
