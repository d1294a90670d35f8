//! `path`: where the plan lives.

use crate::ctx::Ctx;
use crate::error::{Error, Result};

pub(super) fn run(ctx: &mut Ctx) -> Result<()> {
    writeln!(ctx.out, "{}", ctx.store.dir().display()).map_err(Error::Stdout)?;
    Ok(())
}
