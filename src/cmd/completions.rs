//! `completions SHELL` and `man`: generated from the clap definitions, so
//! they never fall behind the commands.

use clap_complete::Shell;

use crate::cli::command;
use crate::ctx::Ctx;
use crate::error::{Error, Result};

pub(super) fn completions(shell: Shell, ctx: &mut Ctx) {
    clap_complete::generate(shell, &mut command(), "relapse-plan", &mut *ctx.out);
}

pub(super) fn man(ctx: &mut Ctx) -> Result<()> {
    clap_mangen::Man::new(command())
        .render(&mut *ctx.out)
        .map_err(Error::Stdout)?;
    Ok(())
}
