//! `map`: trigger mapping and early warning signs.

use super::walk_through;
use crate::ctx::Ctx;
use crate::error::Result;
use crate::wizard::session::{MAP, finish};

pub(super) fn run(ctx: &mut Ctx) -> Result<()> {
    walk_through(
        ctx,
        MAP,
        "`relapse-plan trigger add --situation \"…\" --thought \"…\"` and `relapse-plan warning-sign add \"…\"`",
        |w| {
            w.run_step("triggers")?;
            w.complete_new_triggers()?;
            w.run_step("warning-signs")?;
            finish(w)
        },
    )
}
