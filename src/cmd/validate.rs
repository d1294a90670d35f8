//! `validate FILE`: check a plan file without changing anything.

use crate::cli::ValidateArgs;
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::plan::parse::parse;
use crate::store::read_limited;

pub(super) fn run(args: &ValidateArgs, ctx: &mut Ctx) -> Result<()> {
    let bytes = read_limited(&args.file)?;
    let parsed = parse(&bytes).map_err(|source| Error::BadFile {
        what: "a plan",
        path: args.file.clone(),
        source,
    })?;
    if let Some(found) = parsed.newer_schema {
        return Err(Error::NewerSchema {
            path: args.file.clone(),
            found,
        });
    }
    if !parsed.problems.is_empty() {
        return Err(Error::Invalid {
            path: Some(args.file.clone()),
            problems: parsed.problems,
        });
    }
    let plan = parsed.plan;
    writeln!(
        ctx.out,
        "`{}` is a valid plan: revision {}, {} triggers, {} coping strategies, {} contacts, {} crisis steps.",
        args.file.display(),
        plan.revision,
        plan.triggers.len(),
        plan.coping.len(),
        plan.contacts.len(),
        plan.crisis_steps.len()
    ).map_err(Error::Stdout)?;
    Ok(())
}
