//! `rank`: ratings, the priority table, and pairwise refinement.

use super::terminal;
use crate::ctx::Ctx;
use crate::error::Result;
use crate::wizard::session::{self, RANK, finish};

pub(super) fn run(ctx: &mut Ctx) -> Result<()> {
    let mut ask = terminal(
        "rank",
        "`relapse-plan trigger edit ID --likelihood N --intensity N --confidence N --rank N`",
        ctx.style.plain,
    )?;
    if let Some(reminder) = super::homework::reminder(&ctx.store) {
        ctx.say(&reminder)?;
    }
    session::run(&ctx.store, &mut ask, RANK, super::wizard_start(ctx), |w| {
        w.rank()?;
        finish(w)
    })
}
