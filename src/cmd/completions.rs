//! `completions SHELL` and `man`: generated from the clap definitions, so
//! they never fall behind the commands.

use clap_complete::Shell;

use crate::cli::command;
use crate::ctx::Ctx;
use crate::error::{Error, Result};

pub(super) fn completions(shell: &str, ctx: &mut Ctx) -> Result<()> {
    let shell: Shell = shell.parse().map_err(|e: String| Error::Usage(e))?;
    clap_complete::generate(shell, &mut command(), "relapse-plan", &mut *ctx.out);
    Ok(())
}

pub(super) fn man(ctx: &mut Ctx) -> Result<()> {
    clap_mangen::Man::new(command()).render(&mut *ctx.out)?;
    Ok(())
}
