//! `new`: the guided walk through the whole plan.

use super::terminal;
use crate::ctx::Ctx;
use crate::error::Result;
use crate::wizard::session::{self, NEW};

pub(super) fn run(ctx: &mut Ctx) -> Result<()> {
    let mut ask = terminal(
        "new",
        "`relapse-plan init`, then `trigger add`, `contact add`, `step add` and the other section commands (see `relapse-plan --help`)",
        ctx.style.plain,
    )?;
    if let Some(reminder) = super::homework::reminder(&ctx.store) {
        ctx.say(&reminder)?;
    }
    session::run(&ctx.store, &mut ask, NEW, super::wizard_start(ctx), |w| {
        w.walk_new()
    })
}
