//! `review`: a therapist's view of a hand-in, or a person's own plan since a
//! date or revision (a booster session). It reads only and writes nothing,
//! so it works with no plan folder of its own.

use std::path::Path;

use crate::cli::ReviewArgs;
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::plan::date::parse_date;
use crate::plan::period::{Period, start_of_day};
use crate::render::clean;
use crate::render::review::{self, At};
use crate::store::{read_assignment, read_hand_in};

pub(super) fn run(args: &ReviewArgs, ctx: &mut Ctx) -> Result<()> {
    match (&args.file, &args.since) {
        (Some(file), _) => review_hand_in(file, args.assignment.as_deref(), ctx),
        (None, Some(since)) => review_own(since, ctx),
        (None, None) => Err(Error::Usage(
            "give a hand-in file, or --since DATE|REV".into(),
        )),
    }
}

fn review_hand_in(file: &Path, assignment: Option<&Path>, ctx: &mut Ctx) -> Result<()> {
    let hand_in = read_hand_in(file)?;
    if let Some(path) = assignment {
        let expected = read_assignment(path)?;
        let a = &hand_in.assignment;
        if expected.id != a.id {
            return Err(Error::WrongAssignment(format!(
                "`{}` answers a different assignment: {}'s for {}, assigned {} (id {}), not the one in `{}` (id {})",
                file.display(),
                clean(&a.therapist),
                a.client.as_deref().map_or_else(|| "a client".into(), clean),
                a.assigned,
                clean(&a.id),
                path.display(),
                clean(&expected.id)
            )));
        }
    }
    let submitted_at = hand_in.submitted_at;
    let (assignment, period) = Period::of_hand_in(hand_in);
    let tasks = period.progress(&assignment);
    let at = At {
        style: ctx.style,
        zone: &ctx.zone,
        today: ctx.today_day(),
    };
    review::hand_in(
        &mut *ctx.out,
        &assignment,
        &submitted_at,
        (&period, &tasks),
        &at,
    )
    .map_err(Error::Stdout)?;
    Ok(())
}

fn review_own(since: &str, ctx: &mut Ctx) -> Result<()> {
    let history = ctx.store.history()?;
    // `--since ４` is revision 4 too: digits of any script count.
    let (base, from) = if let Some(revision) = crate::plan::typed::whole_number(since) {
        let info = history
            .iter()
            .find(|h| h.revision == revision)
            .ok_or(Error::NoRevision {
                revision,
                newest: history.last().map_or(0, |h| h.revision),
            })?;
        (revision, info.saved_at.unwrap_or(ctx.now))
    } else {
        let date = parse_date(since).ok_or_else(|| {
            Error::Usage(format!(
                "`{since}` is neither a date like 2026-10-01 nor a revision number"
            ))
        })?;
        start_of_day(&history, date)
    };
    let period = ctx.store.period(base, None, &from, &ctx.zone)?;
    let at = At {
        style: ctx.style,
        zone: &ctx.zone,
        today: ctx.today_day(),
    };
    review::own(&mut *ctx.out, since, &period, &at).map_err(Error::Stdout)?;
    Ok(())
}
