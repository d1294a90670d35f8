//! `relapse-plan` with nothing after it: a short start instead of every
//! command. With a plan, how to see it now and the few commands people use
//! most; without one, how to begin.

use std::io::{self, Write};

use crate::store::Store;

/// Writes the start screen. Never fails on a damaged plan: it only looks
/// whether one is there.
pub fn write(out: &mut dyn Write, store: &Store) -> io::Result<()> {
    if store.has_plan() {
        let name = store
            .load()
            .ok()
            .map(|l| l.plan.name)
            .filter(|n| !n.trim().is_empty())
            .map_or_else(
                || "Your plan".to_string(),
                |n| format!("Your plan, {},", crate::render::clean(&n)),
            );
        writeln!(out, "{name} is here. In a hard moment:")?;
        writeln!(out)?;
        writeln!(
            out,
            "  relapse-plan now        your steps, people and crisis lines, at a glance"
        )?;
        writeln!(out)?;
        writeln!(out, "Used most:")?;
        writeln!(out, "  relapse-plan show       the whole plan")?;
        writeln!(
            out,
            "  relapse-plan rehearse   practise what you will do when a trigger comes"
        )?;
        writeln!(out, "  relapse-plan check-in   a one-minute daily check-in")?;
        writeln!(
            out,
            "  relapse-plan new        walk through the plan and change what you like"
        )?;
    } else {
        writeln!(
            out,
            "relapse-plan helps you build, practise and carry your own relapse-prevention"
        )?;
        writeln!(out, "and crisis plan. It stays on this computer.")?;
        writeln!(out)?;
        writeln!(
            out,
            "  relapse-plan new   begin: a guided walk-through, one part at a time"
        )?;
        writeln!(
            out,
            "  relapse-plan now   if you need help right now: where to call"
        )?;
    }
    writeln!(out)?;
    writeln!(out, "`relapse-plan --help` lists every command.")
}
