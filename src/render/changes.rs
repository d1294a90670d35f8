//! A plan change as a person reads it: entries named by their own words
//! (a situation, a name), never by id, for `diff` and `review`.

use crate::plan::Role;
use crate::plan::diff::{Change, show};
use crate::plan::edit::Entry;

/// A change with the entry's id shown as the person's words
/// (`trigger payday:` → `trigger “Friday payday, walking…”:`), and a
/// trigger's links as the names they link to. `words` finds an entry's
/// words (a situation, a name) by id; an entry it cannot find keeps its id.
/// Hand-ins keep ids; this is only how `diff` and `review` show them.
/// `set_apart` says whether a contact (by id) is someone not to involve:
/// such a person is always named with it, so "added contact “Avi”" never
/// reads as one more person to call.
pub fn in_words(
    plain: bool,
    change: &Change,
    words: &dyn Fn(Entry, &str) -> Option<String>,
    set_apart: &dyn Fn(&str) -> bool,
) -> String {
    // With --plain nothing is cut: a reader hears "…" as a symbol, and
    // her words whole.
    let words = |entry: Entry, id: &str| {
        words(entry, id).map(|w| {
            if plain {
                format!("“{}”", super::clean(&w))
            } else {
                format!("“{}”", super::shorten(&w, 40))
            }
        })
    };
    // Where a contact comes or goes (added, removed, linked), not where a
    // change line is about them already ("contact “Avi”: role …").
    let with_role = |entry: Entry, id: &str, shown: String| {
        if entry == Entry::Contact && set_apart(id) {
            format!("{shown} ({})", super::role_words(Role::DoNotInvolve))
        } else {
            shown
        }
    };
    // `{:#}` says a change in words alone ("from 3 to 4", not "3 → 4").
    let said = || {
        if plain {
            format!("{change:#}")
        } else {
            change.to_string()
        }
    };
    let Some((entry, id)) = change.entry() else {
        return said();
    };
    let Some(shown) = words(entry, id) else {
        return said();
    };
    let noun = entry.noun();
    match change {
        Change::Added { .. } => format!("added {noun} {}", with_role(entry, id, shown)),
        Change::Removed { .. } => format!("removed {noun} {}", with_role(entry, id, shown)),
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
                toml::Value::String(id) => words(linked, id)
                    .map_or_else(|| format!("“{id}”"), |shown| with_role(linked, id, shown)),
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
        // A role in the one table's words, as every screen says it.
        Change::Field {
            field, old, new, ..
        } if field == "role" => {
            let role = |value: &Option<toml::Value>| {
                value
                    .as_ref()
                    .and_then(toml::Value::as_str)
                    .and_then(|key| key.parse::<Role>().ok())
                    .map_or_else(|| show(value.as_ref()), |r| super::role_words(r).into())
            };
            if plain {
                format!("{noun} {shown}: role from {} to {}", role(old), role(new))
            } else {
                format!("{noun} {shown}: role {} → {}", role(old), role(new))
            }
        }
        _ => {
            // The line as always, with the entry's id swapped for its words.
            let line = said();
            let head = format!("{noun} {id}");
            line.strip_prefix(&head)
                .map_or(line.clone(), |tail| format!("{noun} {shown}{tail}"))
        }
    }
}
