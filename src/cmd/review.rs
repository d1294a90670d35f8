//! `review`: a therapist's view of a hand-in, or a person's own plan since a
//! date or revision (a booster session). It reads only and writes nothing,
//! so it works with no plan folder of its own.

use std::io::IsTerminal;
use std::path::Path;

use crate::cli::ReviewArgs;
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::plan::date;
use crate::plan::period::{Period, Since, start_of_day, start_of_revision};
use crate::render::review;
use crate::store::{hand_in_from, read_hand_in_bytes, read_set_assignment};

pub(super) fn run(args: &ReviewArgs, ctx: &mut Ctx) -> Result<()> {
    match (&args.file, &args.since) {
        (Some(file), _) => review_hand_in(file, args.assignment.as_deref(), ctx),
        (None, Some(since)) => review_own(since, ctx),
        (None, None) => review_since_last(ctx),
    }
}

/// `review` alone: the person's own plan since their last review, or over
/// the last week when no review is written down.
fn review_since_last(ctx: &mut Ctx) -> Result<()> {
    let plan = match ctx.store.load() {
        Ok(loaded) => loaded.plan,
        Err(Error::NoPlan { .. }) => {
            return Err(Error::Usage(
                "give a hand-in file to review, or --since DATE for your own plan (you have no plan here yet)".into(),
            ));
        }
        Err(e) => return Err(e),
    };
    let since = Since::last_review(plan.review.last.as_ref(), ctx.today);
    review_from(
        date::date_only(since.day()),
        &review::since_words(since),
        ctx,
    )
}

/// A hand-in this large takes a noticeable moment to check (about 0.1 s
/// a megabyte in a release build, more on a busy machine): on a terminal,
/// the therapist is told it is being read rather than left at a silent
/// screen.
const SAYS_READING: usize = 1 << 20;

fn review_hand_in(file: &Path, assignment: Option<&Path>, ctx: &mut Ctx) -> Result<()> {
    let bytes = read_hand_in_bytes(file)?;
    if bytes.len() > SAYS_READING && std::io::stderr().is_terminal() {
        ctx.say("Reading the hand-in…")?;
    }
    let hand_in = hand_in_from(file, &bytes)?;
    if let Some(path) = assignment {
        // Read as the homework the therapist set: what is wrong with it is
        // said to them, never as `homework start`'s way on for a client.
        let expected = read_set_assignment(path)?;
        let a = &hand_in.assignment;
        // The whole homework, not only its id: a copy with its counts
        // lowered is not the homework that was set.
        let differs = crate::plan::homework::differences(a, &expected);
        if !differs.is_empty() {
            return Err(Error::WrongAssignment(review::wrong_assignment(
                file, a, path, &expected, &differs,
            )));
        }
    }
    // A client's long note is shown in part, never megabytes of it (see
    // render::long); the file itself is left as it is.
    let hand_in = crate::render::long::shortened(&hand_in).unwrap_or(hand_in);
    let (submitted_at, replaces) = (hand_in.submitted_at, hand_in.replaces);
    // A zone its own times contradict is not trusted with her days: they
    // are shown on the clock the times prove, and that is said once.
    let doubt = crate::plan::hand_in_zone::zone_doubt(&hand_in);
    let client = match &doubt {
        Some(doubt) => clock_of(doubt.shown.clone(), ctx),
        None => client_clock(hand_in.zone.as_deref(), ctx),
    };
    // Said after the review, as for a hand-in without a zone: a zone that
    // can't be read hides nothing else.
    let whose_clock = match hand_in.unread_zone() {
        Some(zone) => Some(review::unread_zone(zone)),
        None => hand_in.zone.is_none().then(|| review::NO_ZONE.to_string()),
    };
    let (assignment, period) = Period::of_hand_in(hand_in);
    let tasks = period.progress(&assignment);
    let at = ctx.review_at();
    let mut shown = Vec::new();
    review::hand_in_doubted(
        &mut shown,
        file,
        &assignment,
        (&submitted_at, replaces.as_ref()),
        (&period, &tasks),
        (&at, client.as_ref()),
        doubt.as_ref(),
    )
    .map_err(Error::Stdout)?;
    ctx.laid_out(&shown)?;
    // Read on her therapist's clock without a word, her late-night check-in
    // was on another day (Trudy): said once.
    if let Some(words) = whose_clock {
        ctx.say(&words)?;
    }
    Ok(())
}

/// The client's clock, when the hand-in names a zone that is not the
/// reader's: her days and times, with her today (Dr Lin in Los Angeles
/// read "handed in yesterday" of what was Wei's today in Taipei). `None`
/// on the same clock, or for a hand-in that does not say.
fn client_clock(zone: Option<&str>, ctx: &Ctx) -> Option<review::At> {
    let zone = crate::plan::homework::zone_named(zone?)?;
    // Two clocks without names (POSIX rules) are the same only when they
    // are the same rule.
    let same = match (zone.iana_name(), ctx.zone.iana_name()) {
        (Some(hers), Some(mine)) => hers == mine,
        (None, None) => zone == ctx.zone,
        _ => false,
    };
    if same {
        return None;
    }
    clock_of(zone, ctx)
}

/// The client's clock on `zone`, with her today.
fn clock_of(zone: jiff::tz::TimeZone, ctx: &Ctx) -> Option<review::At> {
    let today = date::local_day(&ctx.now, &zone)?;
    Some(review::At {
        style: ctx.style,
        zone,
        today,
    })
}

fn review_own(since: &str, ctx: &mut Ctx) -> Result<()> {
    // `--since ４` is revision 4 too: digits of any script count.
    if let Some(revision) = crate::plan::typed::whole_number(since) {
        let history = ctx.store.history()?;
        let (base, saved_at) = start_of_revision(&history, revision).ok_or(Error::NoRevision {
            revision,
            newest: history.last().map_or(0, |h| h.revision),
        })?;
        let from = saved_at.unwrap_or(ctx.now);
        let period = ctx.store.period(base, None, &from, &ctx.zone)?;
        return show_own(&format!("revision {revision}"), &period, ctx);
    }
    // Dates read as `set` and the walk-through read them.
    let day = super::typed_date(ctx, since, None, crate::plan::date::When::Past, |example| {
        format!("give a date like {example} or a revision number")
    })?;
    // "Since 29 November" means the one just past, never the next.
    let day = date::in_the_past(day, since, ctx.today);
    review_from(date::date_only(day), &date::long_date(day), ctx)
}

/// The own plan from the start of `day`, headed "since `words`".
fn review_from(day: toml::value::Datetime, words: &str, ctx: &mut Ctx) -> Result<()> {
    let history = ctx.store.history()?;
    let (base, from) = start_of_day(&history, day, &ctx.zone);
    let period = ctx.store.period(base, None, &from, &ctx.zone)?;
    show_own(words, &period, ctx)
}

fn show_own(since: &str, period: &Period, ctx: &mut Ctx) -> Result<()> {
    let at = ctx.review_at();
    let mut shown = Vec::new();
    review::own(&mut shown, since, period, &at).map_err(Error::Stdout)?;
    ctx.laid_out(&shown)
}
