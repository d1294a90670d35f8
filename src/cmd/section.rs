//! The six sections that are ordered lists of the person's sentences
//! (`step`, `warning-sign`, `reason`, `safety`, `lapse`, `maintenance`)
//! share one set of commands: list, add, edit, remove, move. Items are
//! addressed by the number `list` shows.

use crate::cli::{FollowThroughFlags, TextCommand};
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
            let mut shown = Vec::new();
            write_numbered(&mut shown, &loaded.plan, section, ctx.style).map_err(Error::Stdout)?;
            ctx.laid_out(&shown)
        }
        TextCommand::Add {
            mut text,
            before,
            after,
        } => {
            let tidied = super::tidy_text(what, &mut text);
            let mut named = (0, Vec::new());
            let mut already = None;
            let now = ctx.saving_now();
            let saved = ctx.store.update(now, ctx.note.clone(), |plan| {
                // The same words typed again: the one there is kept, alone.
                let items = plan.section(section);
                if let Some(n) =
                    crate::plan::same::same_words(items.iter().map(|i| i.text.as_str()), &text)
                {
                    already = Some((n, items[n - 1].text.clone()));
                    return Ok(String::new());
                }
                let at = {
                    let items = plan.section(section);
                    match (before, after) {
                        (Some(n), _) => position(n, items.len(), what)? - 1,
                        (None, Some(n)) => position(n, items.len(), what)?,
                        (None, None) => items.len(),
                    }
                };
                named = (at + 1, names_not_to_involve(plan, section, &text));
                let description = format!("added {what} {}", quote(&text));
                plan.section_mut(section)
                    .insert(at, TextItem::new(text.clone()));
                Ok(description)
            })?;
            if let Some((n, theirs)) = already {
                return super::say_already_there(ctx, &text, what, n, &theirs);
            }
            super::said(ctx, &saved)?;
            say_tidied(ctx, tidied)?;
            said_not_to_involve(ctx, section, named.0, &named.1)?;
            said_their_number(ctx, section, named.0)
        }
        TextCommand::Edit { number, mut text } => {
            let tidied = super::tidy_text(what, &mut text);
            let mut named = Vec::new();
            save(ctx, |plan| {
                named = names_not_to_involve(plan, section, &text);
                let items = plan.section_mut(section);
                let n = position(number, items.len(), what)?;
                let description = format!("changed {what} {n} to {}", quote(&text));
                items[n - 1].text = text;
                Ok(description)
            })?;
            say_tidied(ctx, tidied)?;
            said_not_to_involve(ctx, section, number, &named)?;
            said_their_number(ctx, section, number)
        }
        TextCommand::Remove { number } => save(ctx, |plan| {
            let items = plan.section_mut(section);
            let n = position(number, items.len(), what)?;
            let removed = items.remove(n - 1);
            Ok(format!("removed {what} {}", quote(&removed.text)))
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

/// Says what [`super::tidy_text`] took out of the words, once they are saved.
fn say_tidied(ctx: &mut Ctx, tidied: Option<String>) -> Result<()> {
    tidied.map_or(Ok(()), |said| ctx.say(&said))
}

/// `step follow-through N`: sets how likely the person is to do step N and
/// what could get in the way; with no flags, shows them.
pub(super) fn follow_through(
    number: usize,
    flags: FollowThroughFlags,
    ctx: &mut Ctx,
) -> Result<()> {
    let section = Section::CrisisSteps;
    let what = section.item_name();
    let change = super::follow_through_change(flags);
    if change.is_empty() {
        let plan = ctx.load()?.plan;
        let items = plan.section(section);
        let n = position(number, items.len(), what)?;
        let item = &items[n - 1];
        let mut lines = vec![format!("{n}. {}", crate::render::clean(&item.text))];
        let parts = item.follow_through.lines();
        if parts.is_empty() {
            lines.push(format!(
                "   not thought through yet: `relapse-plan step follow-through {n} --likely 0-100 --in-the-way \"…\" --answer \"…\"`"
            ));
        }
        lines.extend(
            parts
                .iter()
                .map(|p| format!("   {}", crate::render::clean(p))),
        );
        return ctx.laid_out(format!("{}\n", lines.join("\n")).as_bytes());
    }
    save(ctx, |plan| {
        let items = plan.section_mut(section);
        let n = position(number, items.len(), what)?;
        items[n - 1].follow_through.apply(change);
        Ok(format!(
            "changed how likely you are to use {what} {n}, {}",
            quote(&items[n - 1].text)
        ))
    })
}

/// Whom a step's words name that she marked "do not involve" (only in the
/// sections of things to do), by the names she gave them.
fn names_not_to_involve(plan: &crate::plan::Plan, section: Section, text: &str) -> Vec<String> {
    if !crate::plan::mentions::STEP_SECTIONS.contains(&section) {
        return Vec::new();
    }
    crate::plan::mentions::not_to_involve(plan, text)
        .into_iter()
        .map(|c| c.name.clone())
        .collect()
}

/// Says, after the save, that step `n` names someone she marked "do not
/// involve": kept as she wrote it, with the command that changes it.
fn said_not_to_involve(ctx: &mut Ctx, section: Section, n: usize, named: &[String]) -> Result<()> {
    if named.is_empty() {
        return Ok(());
    }
    let command = format!(
        "relapse-plan {} edit {n} \"…\"",
        crate::render::tables::section_command(section)
    );
    ctx.say(&crate::render::not_to_involve_note(
        &format!("{} {n}", section.item_name()),
        named,
        &command,
    ))
}

/// Says, after the save, that crisis step `n` holds the number of someone
/// she marked "do not involve" (her brother's number in "להתקשר ליונתן
/// 054-…", saved in silence and shown on `now` as a number to call):
/// kept as she wrote it, and marked wherever the step is shown.
fn said_their_number(ctx: &mut Ctx, section: Section, n: usize) -> Result<()> {
    if section != Section::CrisisSteps {
        return Ok(());
    }
    let plan = ctx.load()?.plan;
    let Some(step) = plan.crisis_steps.get(n - 1) else {
        return Ok(());
    };
    if let Some(crate::plan::mentions::NumberDoubt::NotToInvolve(them)) =
        crate::plan::mentions::number_doubt(&plan, &step.text)
    {
        ctx.say(&crate::render::not_to_involve_number_note(n, &them.name))?;
    }
    Ok(())
}

/// The person's words for a change note, shortened to keep history readable.
fn quote(text: &str) -> String {
    const MAX: usize = 60;
    if text.chars().count() > MAX {
        format!("“{}…”", text.chars().take(MAX - 1).collect::<String>())
    } else {
        format!("“{text}”")
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
