//! `contact list|add|edit|remove`: people and services.

use super::{choice, find_id, save};
use std::fmt::Write as _;

use crate::cli::{ContactCommand, ContactEdit, ContactImport};
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::plan::vcard::{self, Card};
use crate::plan::{Contact, Linked, Plan, Role, ids};
use crate::prompt::{Prompter, Terminal};
use crate::render::clean;
use crate::render::tables::contacts_table;
use crate::store::read_limited;

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
        ContactCommand::Import(args) => import(&args, ctx),
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

/// Imports people from a vCard file, skipping anyone already in the plan.
fn import(args: &ContactImport, ctx: &mut Ctx) -> Result<()> {
    let role: Role = choice(&args.role)?;
    let bytes = read_limited(&args.file)?;
    let cards = vcard::parse(&String::from_utf8_lossy(&bytes));
    if cards.is_empty() {
        return Err(Error::Usage(format!(
            "no contacts with a name were found in `{}`; is it a vCard (.vcf) file?",
            args.file.display()
        )));
    }
    let plan = ctx.load()?.plan;
    let (new, known): (Vec<Card>, Vec<Card>) = cards
        .into_iter()
        .partition(|card| !already_there(&plan, card));
    let list = |cards: &[Card]| -> String {
        cards
            .iter()
            .map(|c| match &c.phone {
                Some(phone) => format!("  {} · {phone}", clean(&c.name)),
                None => format!("  {}", clean(&c.name)),
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    if !known.is_empty() {
        ctx.say(&format!(
            "Already in your plan, so skipped:\n{}",
            list(&known)
        ))?;
    }
    if new.is_empty() {
        return ctx.say("Everyone in this file is already in your plan; nothing to add.");
    }
    ctx.say(&format!(
        "To add, as {} contacts:\n{}",
        role.key(),
        list(&new)
    ))?;
    if !args.yes {
        let mut ask = Terminal::open(ctx.style.plain)
            .ok_or_else(|| Error::Usage("add --yes to import without being asked".into()))?;
        if !ask.confirm(&format!("Add these {} to your plan?", new.len()), true)? {
            return ctx.say("Nothing was added.");
        }
    }
    let source = args
        .file
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    save(ctx, |plan| {
        let mut added = 0;
        for card in new {
            // Checked again under the lock: the plan may have changed meanwhile.
            if already_there(plan, &card) {
                continue;
            }
            let id = ids::generate(&card.name, "contact", |id| plan.contact(id).is_some());
            plan.contacts.push(Contact {
                id,
                name: card.name,
                phone: card.phone,
                role,
                reachable: None,
                do_not_involve: false,
            });
            added += 1;
        }
        Ok(format!("imported {added} contacts from {source}"))
    })
}

/// Whether someone with this name or number is already in the plan.
fn already_there(plan: &Plan, card: &Card) -> bool {
    let digits = card
        .phone
        .as_deref()
        .map(vcard::digits)
        .filter(|d| !d.is_empty());
    plan.contacts.iter().any(|c| {
        c.name.trim().eq_ignore_ascii_case(card.name.trim())
            || (digits.is_some() && c.phone.as_deref().map(vcard::digits) == digits)
    })
}

/// "none" clears an optional field.
fn optional(value: String) -> Option<String> {
    (!value.trim().eq_ignore_ascii_case("none")).then_some(value)
}

fn find(plan: &Plan, id: &str) -> Result<usize> {
    find_id(&plan.contacts, id, "contact", |c| &c.id)
}
