//! The six sections that are ordered lists of the person's sentences
//! (`step`, `warning-sign`, `reason`, `safety`, `lapse`, `maintenance`)
//! share one set of commands: list, add, edit, remove, move. Items are
//! addressed by the number `list` shows.

use crate::cli::TextCommand;
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::plan::{Section, TextItem};
use crate::render::tables::write_numbered;

use super::save;

pub(super) fn run(section: Section, command: TextCommand, ctx: &mut Ctx) -> Result<()> {
    let what = section.item_name();
    match command {
        TextCommand::List => {
            let loaded = ctx.load()?;
            write_numbered(ctx.out, &loaded.plan, section, ctx.style)?;
            Ok(())
        }
        TextCommand::Add {
            text,
            before,
            after,
        } => save(ctx, |plan| {
            let items = plan.section_mut(section);
            let at = match (before, after) {
                (Some(n), _) => position(n, items.len(), what)? - 1,
                (None, Some(n)) => position(n, items.len(), what)?,
                (None, None) => items.len(),
            };
            items.insert(at, TextItem::new(text));
            Ok(format!("added {what} {}", at + 1))
        }),
        TextCommand::Edit { number, text } => save(ctx, |plan| {
            let items = plan.section_mut(section);
            let n = position(number, items.len(), what)?;
            items[n - 1].text = text;
            Ok(format!("changed {what} {n}"))
        }),
        TextCommand::Remove { number } => save(ctx, |plan| {
            let items = plan.section_mut(section);
            let n = position(number, items.len(), what)?;
            items.remove(n - 1);
            Ok(format!("removed {what} {n}"))
        }),
        TextCommand::Move { number, to } => save(ctx, |plan| {
            let items = plan.section_mut(section);
            let from = position(number, items.len(), what)?;
            let to = position(to, items.len(), what)?;
            let item = items.remove(from - 1);
            items.insert(to - 1, item);
            Ok(format!("moved {what} {from} to {to}"))
        }),
    }
}

/// Checks a 1-based item number against the list's length.
fn position(number: usize, len: usize, what: &'static str) -> Result<usize> {
    if (1..=len).contains(&number) {
        Ok(number)
    } else {
        Err(Error::NoSuchItem { what, number, len })
    }
}
