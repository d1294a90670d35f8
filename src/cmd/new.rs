//! `new`: the guided walk through the whole plan.

use super::{say_if_made_private, walk_through};
use crate::ctx::Ctx;
use crate::error::Result;
use crate::wizard::session::NEW;

// A method path is not general enough over the wizard's lifetime, so the
// flow stays a closure.
#[allow(clippy::redundant_closure_for_method_calls)]
pub(super) fn run(ctx: &mut Ctx) -> Result<()> {
    let walked = walk_through(
        ctx,
        NEW,
        "`relapse-plan init`, then `trigger add`, `contact add`, `step add` and the other section commands (see `relapse-plan --help`)",
        |w| w.walk_new(),
    );
    // Her first answer, kept in the folder, is what made it private.
    say_if_made_private(ctx)?;
    walked
}
