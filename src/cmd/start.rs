//! `relapse-plan` with nothing after it: a short start instead of every
//! command. With a plan, how to see it now and the few commands people use
//! most; without one, how to begin.

use std::io::{self, Write};

use crate::render::{command_row, wrap};
use crate::store::Store;

/// Writes the start screen, wrapped to `width` by the one wrapper (a line
/// the terminal wrapped itself broke "glanc / e"). Never fails on a
/// damaged plan: it only looks whether one is there.
pub fn write(out: &mut dyn Write, store: &Store, width: usize) -> io::Result<()> {
    let row = |command: &str, about: &str| command_row(command, about, 26, width);
    let say = |text: &str| wrap(text, width, "", "");
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
        writeln!(
            out,
            "{}",
            say(&format!("{name} is here. In a hard moment:"))
        )?;
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            row(
                "relapse-plan now",
                "your steps, people and crisis lines, at a glance"
            )
        )?;
        writeln!(out)?;
        writeln!(out, "Used most:")?;
        writeln!(out, "{}", row("relapse-plan show", "the whole plan"))?;
        writeln!(
            out,
            "{}",
            row(
                "relapse-plan rehearse",
                "practise what you will do when a trigger comes"
            )
        )?;
        writeln!(
            out,
            "{}",
            row("relapse-plan check-in", "a one-minute daily check-in")
        )?;
        writeln!(
            out,
            "{}",
            row(
                "relapse-plan new",
                "walk through the plan and change what you like"
            )
        )?;
    } else {
        writeln!(
            out,
            "{}",
            say(
                "relapse-plan helps you build, practise and carry your own relapse-prevention and crisis plan. It stays on this computer."
            )
        )?;
        writeln!(out)?;
        let row = |command: &str, about: &str| command_row(command, about, 21, width);
        writeln!(
            out,
            "{}",
            row(
                "relapse-plan new",
                "begin: a guided walk-through, one part at a time"
            )
        )?;
        writeln!(
            out,
            "{}",
            row(
                "relapse-plan now",
                "if you need help right now: where to call"
            )
        )?;
    }
    writeln!(out)?;
    writeln!(out, "{}", say("`relapse-plan --help` lists every command."))
}
