//! `rank`: ratings, the priority table, and pairwise refinement.

use super::walk_through;
use crate::ctx::Ctx;
use crate::error::Result;
use crate::wizard::session::{RANK, finish};

pub(super) fn run(ctx: &mut Ctx) -> Result<()> {
    walk_through(
        ctx,
        RANK,
        "`relapse-plan trigger edit ID --likelihood N --intensity N --confidence N --rank N`",
        |w| {
            w.rank()?;
            finish(w)
        },
    )
}
