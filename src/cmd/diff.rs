//! `diff [A] [B]`: what changed between two revisions, in words.

use crate::cli::DiffArgs;
use crate::ctx::Ctx;
use crate::error::Result;
use crate::plan::Plan;
use crate::plan::diff::diff;
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
                    )?;
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
        writeln!(ctx.out, "No changes from {old_label} to {new_label}.")?;
    } else {
        writeln!(ctx.out, "Changes from {old_label} to {new_label}:")?;
        for change in changes {
            let change = in_words(&change, &old, &new);
            writeln!(
                ctx.out,
                "{}",
                wrap(&change, ctx.style.width, "  - ", "    ")
            )?;
        }
    }
    Ok(())
}

/// A change line with the item's id replaced by the person's words
/// (`trigger payday:` → `trigger “Friday payday, walking…”:`). The lines
/// themselves keep ids, as homework reads them; this is only how they show.
fn in_words(change: &str, old: &Plan, new: &Plan) -> String {
    let words = |what: &str, id: &str| -> Option<String> {
        let find = |plan: &Plan| match what {
            "trigger" => plan.trigger(id).map(|t| t.situation.clone()),
            "contact" => plan.contact(id).map(|c| c.name.clone()),
            _ => plan.coping_strategy(id).map(|c| c.name.clone()),
        };
        find(new)
            .or_else(|| find(old))
            .map(|w| format!("“{}”", crate::prompt::shorten(&w, 40)))
    };
    for what in ["trigger", "contact", "coping strategy"] {
        for prefix in ["added ", "removed ", ""] {
            let head = format!("{prefix}{what} ");
            let Some(rest) = change.strip_prefix(&head) else {
                continue;
            };
            let end = rest.find(':').unwrap_or(rest.len());
            if let Some(shown) = words(what, &rest[..end]) {
                let tail = linked(&rest[end..], &words);
                return format!("{head}{shown}{tail}");
            }
        }
    }
    change.to_string()
}

/// A trigger's link changes with each linked id shown as its name
/// (`: contacts removed "priya"` → `: contacts removed “Priya Shah”`).
fn linked(tail: &str, words: &impl Fn(&str, &str) -> Option<String>) -> String {
    let what = if tail.starts_with(": contacts ") {
        "contact"
    } else if tail.starts_with(": coping ") {
        "coping strategy"
    } else {
        return tail.to_string();
    };
    // Ids are plain ASCII without quotes, so the quoted pieces are the ids.
    let mut shown = String::new();
    let mut pieces = tail.split('"');
    shown.push_str(pieces.next().unwrap_or_default());
    while let Some(id) = pieces.next() {
        shown.push_str(&words(what, id).unwrap_or_else(|| format!("\"{id}\"")));
        shown.push_str(pieces.next().unwrap_or_default());
    }
    shown
}
