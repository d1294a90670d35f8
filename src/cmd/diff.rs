//! `diff [A] [B]`: what changed between two revisions, in words.

use crate::cli::DiffArgs;
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::plan::Plan;
use crate::plan::diff::{Change, diff, show};
use crate::plan::edit::Entry;
use crate::render::wrap;

pub(super) fn run(args: &DiffArgs, ctx: &mut Ctx) -> Result<()> {
    let (old, new, old_label, new_label) = match (args.from, args.to) {
        (Some(from), Some(to)) => (
            ctx.store.load_revision(from)?,
            ctx.store.load_revision(to)?,
            format!("revision {from}"),
            format!("revision {to}"),
        ),
        (from, _) => {
            let current = ctx.load()?.plan;
            let from = match from {
                Some(from) => from,
                None if current.revision > 1 => current.revision - 1,
                None => {
                    writeln!(
                        ctx.out,
                        "Your plan has only its first revision, so there is nothing to compare yet."
                    )
                    .map_err(Error::Stdout)?;
                    return Ok(());
                }
            };
            let label = format!("the current plan (revision {})", current.revision);
            (
                ctx.store.load_revision(from)?,
                current,
                format!("revision {from}"),
                label,
            )
        }
    };
    let changes = diff(&old, &new);
    if changes.is_empty() {
        writeln!(ctx.out, "No changes from {old_label} to {new_label}.").map_err(Error::Stdout)?;
    } else {
        writeln!(ctx.out, "Changes from {old_label} to {new_label}:").map_err(Error::Stdout)?;
        for change in changes {
            let change = in_words(&change, &old, &new);
            writeln!(
                ctx.out,
                "{}",
                wrap(&change, ctx.style.width, "  - ", "    ")
            )
            .map_err(Error::Stdout)?;
        }
    }
    Ok(())
}

/// A change with the entry's id shown as the person's words
/// (`trigger payday:` → `trigger “Friday payday, walking…”:`), and a
/// trigger's links as the names they link to. Hand-ins and reviews keep
/// ids; this is only how `diff` shows them.
fn in_words(change: &Change, old: &Plan, new: &Plan) -> String {
    let words = |entry: Entry, id: &str| {
        entry
            .words(new, id)
            .or_else(|| entry.words(old, id))
            .map(|w| format!("“{}”", crate::prompt::shorten(&w, 40)))
    };
    let Some((entry, id)) = change.entry() else {
        return change.to_string();
    };
    let Some(shown) = words(entry, id) else {
        return change.to_string();
    };
    let noun = entry.noun();
    match change {
        Change::Added { .. } => format!("added {noun} {shown}"),
        Change::Removed { .. } => format!("removed {noun} {shown}"),
        Change::Renamed { from, to, .. } => format!("renamed {noun} {shown} from {from} to {to}"),
        Change::List {
            field,
            added,
            removed,
            ..
        } if field == "contacts" || field == "coping" => {
            let linked = if field == "contacts" {
                Entry::Contact
            } else {
                Entry::Coping
            };
            let name = |value: &toml::Value| match value {
                toml::Value::String(id) => words(linked, id).unwrap_or_else(|| format!("\"{id}\"")),
                other => show(Some(other)),
            };
            let mut parts: Vec<String> =
                added.iter().map(|v| format!("added {}", name(v))).collect();
            parts.extend(removed.iter().map(|v| format!("removed {}", name(v))));
            if parts.is_empty() {
                parts.push("reordered".into());
            }
            format!("{noun} {shown}: {field} {}", parts.join(", "))
        }
        _ => {
            // The line as always, with the entry's id swapped for its words.
            let line = change.to_string();
            let head = format!("{noun} {id}");
            line.strip_prefix(&head)
                .map_or(line.clone(), |tail| format!("{noun} {shown}{tail}"))
        }
    }
}
