//! `map`: trigger mapping and early warning signs.

use super::terminal;
use crate::ctx::Ctx;
use crate::error::Result;
use crate::wizard::session::{self, MAP, finish};

pub(super) fn run(ctx: &mut Ctx) -> Result<()> {
    let mut ask = terminal(
        "map",
        "`relapse-plan trigger add --situation \"…\" --thought \"…\"` and `relapse-plan warning-sign add \"…\"`",
        ctx.style.plain,
    )?;
    if let Some(reminder) = super::homework::reminder(&ctx.store) {
        ctx.say(&reminder)?;
    }
    session::run(&ctx.store, &mut ask, MAP, super::wizard_start(ctx), |w| {
        w.run_step("triggers")?;
        w.run_step("warning-signs")?;
        finish(w)
    })
}
