//! `surf`: urge surfing. The urge is rated 0-10 now and every few minutes,
//! with a one-line guide in between, and the ratings are shown rising,
//! peaking and falling. `--ratings` logs one done away from the terminal.

use std::io::{self, Write};
use std::time::Duration;

use super::minutes;
use crate::cli::SurfArgs;
use crate::clock::Ticker;
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::plan::rehearsal::{Exercise, ExerciseKind};
use crate::prompt::{Prompter, Terminal, restore_terminal};
use crate::render::chart::bars;

const GUIDES: [&str; 4] = [
    "Notice where you feel the urge in your body.",
    "Breathe with it. You don't have to act on it.",
    "Watch it like a wave: it rises, peaks and falls.",
    "Urges usually pass within 15 to 30 minutes.",
];

pub(super) fn run(args: &SurfArgs, ctx: &mut Ctx) -> Result<()> {
    // By its number in `trigger list`, its first words or its id, as every
    // other command takes it (the hint it gave named the number, which it
    // then refused).
    let trigger = match &args.trigger {
        Some(typed) => {
            let plan = &ctx.load()?.plan;
            let id = super::stored::<crate::plan::Trigger>(plan, typed)?;
            plan.position::<crate::plan::Trigger>(&id)?;
            Some(id)
        }
        None => None,
    };
    let every = minutes(args.every, "--every")?;
    if let Some(list) = &args.ratings {
        let ratings = parse_ratings(list)?;
        let seconds = every.as_secs_f64()
            * f64::from(u32::try_from(ratings.len().saturating_sub(1)).unwrap_or(u32::MAX));
        return finish(
            ctx,
            ratings,
            every,
            Duration::from_secs_f64(seconds),
            true,
            trigger,
        );
    }
    let total = minutes(args.minutes, "--minutes")?;
    let mut ask = Terminal::open(ctx.style.plain, &ctx.term_env).ok_or(Error::NotATerminal {
        command: "surf",
        instead: "`relapse-plan surf --ratings 7,8,6,4,2` (the urge, 0-10, at each check)".into(),
    })?;
    ctx.say(&format!(
        "Urge surfing for {}: you'll rate the urge now and every {}.\nYou don't have to fight it or act on it; just watch it. Type the number (or move to it) and press Enter; Ctrl-C stops at any time.",
        crate::render::duration(total),
        crate::render::duration(every)
    ))?;
    let choices: Vec<String> = (0..=10)
        .map(|n| match n {
            0 => "0: no urge at all".to_string(),
            10 => "10: the strongest it gets".to_string(),
            n => n.to_string(),
        })
        .collect();
    let clock = ctx.timer.start();
    let mut ratings: Vec<u8> = Vec::new();
    let mut stopped = false;
    loop {
        // Each rating is hers to give: the cursor starts on none (a digit
        // typed moves to it), and Enter alone never logs one for her; the
        // last one is marked, so she sees the wave without it being chosen.
        let mut marked = choices.clone();
        if let Some(last) = ratings.last().and_then(|r| marked.get_mut(usize::from(*r))) {
            last.push_str(" (last check)");
        }
        match ask.select("How strong is the urge right now?", &marked, None) {
            Ok(Some(r)) => ratings.push(u8::try_from(r).unwrap_or(10)),
            Ok(None) | Err(Error::Cancelled) => {
                stopped = true;
                break;
            }
            Err(e) => return Err(e),
        }
        if clock.elapsed() >= total {
            break;
        }
        let guide = GUIDES[(ratings.len() - 1) % GUIDES.len()];
        let next = clock.elapsed() + every.min(total.saturating_sub(clock.elapsed()));
        stopped = wait(ctx.err, &*clock, guide, next, ask.width()).map_err(Error::Stderr)?;
        if stopped {
            break;
        }
    }
    restore_terminal();
    finish(ctx, ratings, every, clock.elapsed(), !stopped, trigger)
}

/// Shows `guide` with a countdown until `next` on `clock`, then ends the
/// line. Whether the person stopped (Ctrl-C) while it waited.
fn wait(
    err: &mut dyn Write,
    clock: &dyn Ticker,
    guide: &str,
    next: Duration,
    width: usize,
) -> io::Result<bool> {
    // The guide once, wrapped to the window; only the short countdown is
    // redrawn in place: a line wider than the window, redrawn with `\r`,
    // filled a 50-column screen with copies of itself.
    writeln!(err, "{}", crate::render::wrap(guide, width, "  ", "  "))?;
    let mut stopped = false;
    while clock.elapsed() < next {
        if clock.stopped() {
            stopped = true;
            break;
        }
        let left = next.saturating_sub(clock.elapsed()).as_secs();
        let countdown = format!("  Next check in {}:{:02}", left / 60, left % 60);
        write!(err, "{}", crate::render::in_place(&countdown))?;
        err.flush()?;
        clock.sleep(Duration::from_millis(200));
    }
    writeln!(err)?;
    Ok(stopped)
}

/// Shows the ratings as bars and logs the exercise.
fn finish(
    ctx: &mut Ctx,
    ratings: Vec<u8>,
    every: Duration,
    elapsed: Duration,
    completed: bool,
    trigger: Option<String>,
) -> Result<()> {
    if ratings.is_empty() {
        return ctx.say("Stopped before the first rating, so there is nothing to log. You can start again any time.");
    }
    let mut at = Vec::with_capacity(ratings.len());
    let mut when = 0.0;
    for _ in &ratings {
        at.push(when);
        when += every.as_secs_f64();
    }
    writeln!(ctx.out, "Your urge, from start to end:").map_err(Error::Stdout)?;
    writeln!(ctx.out, "{}", bars(&ratings, &at, ctx.style)).map_err(Error::Stdout)?;
    let (first, last) = (ratings[0], ratings[ratings.len() - 1]);
    let peak = ratings.iter().copied().max().unwrap_or(0);
    let summary = if last < first {
        format!(
            "It went from {first} to {last}, peaking at {peak}: it passed without you acting on it."
        )
    } else if last >= STILL_HIGH {
        // Her plan follows, so it is not only said to be there.
        format!("It started at {first} and is at {last} now. Urges do pass.")
    } else {
        format!(
            "It started at {first} and is at {last} now. Urges do pass; your plan is there if you need it."
        )
    };
    // Wrapped like every other sentence: written raw, at 50 columns the
    // terminal broke it mid-word.
    ctx.tell(&summary)?;
    // Still strong at the end (stopped or not): what her plan says for a
    // hard moment, right here, rather than only that it exists.
    if last >= STILL_HIGH {
        let plan = ctx.store.load_for_crisis().ok().flatten().map(|l| l.plan);
        let lines = ctx.crisis_lines(plan.as_ref().and_then(|p| p.country.as_deref()));
        let shown = crate::render::to_text(|w| {
            crate::render::crisis::write_still_high(w, plan.as_ref(), lines.as_ref(), ctx.style)
        });
        ctx.write_shown(&shown)?;
    }
    let again = crate::render::rescue::surf(
        &ratings,
        every.as_secs_f64() / 60.0,
        trigger.as_deref(),
        super::plan_dir(ctx),
    );
    let at = ctx.saving_now();
    let logged = ctx.store.log_exercise(Exercise {
        kind: ExerciseKind::Surf,
        at,
        seconds: u32::try_from(elapsed.as_secs()).unwrap_or(u32::MAX),
        completed,
        ratings,
        trigger,
        other: toml::Table::new(),
    });
    if let Err(error) = logged {
        // The ratings were typed on a hard moment: never lost in silence.
        // They are shown as the command that logs them, to copy and run
        // once the log is mended (the error below says how).
        ctx.say(
            "Your ratings were not logged (why is below). Once that is put right, this logs them:",
        )?;
        // One line, never wrapped, so it copies whole.
        writeln!(ctx.err, "  {}", crate::render::clean(&again)).map_err(Error::Stderr)?;
        return Err(error);
    }
    ctx.say("Logged in your practice.")
}

/// An urge this strong at the end of the exercise (out of 10) is met with
/// her plan for a hard moment.
const STILL_HIGH: u8 = 8;

/// The most ratings one surf logs: one a minute (the most often a surf
/// asks) for two hours (the longest `--minutes` allows), and the first.
/// Trudy gave 60,000 in one call, and 18 such calls filled practice.toml
/// to its limit, so practice could not be logged at all from then on.
const MAX_RATINGS: usize = 121;

fn parse_ratings(list: &str) -> Result<Vec<u8>> {
    // Any script's digits and commas (`７、８`, `٧،٨`) read as typed.
    let folded = crate::plan::typed::fold(list).replace(['、', '،'], ",");
    let given = folded.split(',').count();
    if given > MAX_RATINGS {
        return Err(Error::Usage(format!(
            "that is {given} ratings, and one surf logs at most {MAX_RATINGS}: one a minute for two hours, the longest a surf lasts. Give the ratings of one surf, like 7,8,6,4,2"
        )));
    }
    // A long list is never said back whole: its start is enough to find it.
    let shown = crate::render::shorten(list, 40);
    let ratings: Vec<u8> = folded
        .split(',')
        .map(|r| {
            crate::plan::typed::whole_number(r)
                .filter(|r| *r <= 10)
                .and_then(|r| u8::try_from(r).ok())
        })
        .collect::<Option<Vec<u8>>>()
        .ok_or_else(|| {
            Error::Usage(format!(
                "`{shown}` should be urge ratings from 0 to 10, like 7,8,6,4,2"
            ))
        })?;
    if ratings.is_empty() {
        return Err(Error::Usage("give at least one rating".into()));
    }
    Ok(ratings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::TestClock;

    /// Five minutes to the next rating count down to 0:01 and end the
    /// line, in no time on a clock that moves only when slept.
    #[test]
    fn the_wait_counts_down_to_the_next_rating() {
        let clock = TestClock::new(None);
        let mut err = Vec::new();
        let stopped = wait(&mut err, &clock, GUIDES[0], Duration::from_mins(5), 50).unwrap();
        assert!(!stopped);
        assert_eq!(clock.elapsed(), Duration::from_mins(5));
        let said = String::from_utf8(err).unwrap();
        // The guide once, wrapped; then only the countdown, redrawn.
        assert!(
            said.starts_with(&format!("  {}\n\r\x1b[K  Next check in 5:00", GUIDES[0])),
            "{said}"
        );
        assert!(said.contains("Next check in 2:30"), "{said}");
        assert!(said.ends_with("Next check in 0:00\n"), "{said}");
        assert_eq!(said.matches(GUIDES[0]).count(), 1, "{said}");
    }

    /// Ctrl-C while waiting stops the wait, and says so.
    #[test]
    fn ctrl_c_stops_the_wait() {
        let clock = TestClock::new(Some(Duration::from_secs(61)));
        let mut err = Vec::new();
        assert!(wait(&mut err, &clock, GUIDES[1], Duration::from_mins(5), 50).unwrap());
        assert!(clock.elapsed() < Duration::from_secs(62));
        let said = String::from_utf8(err).unwrap();
        assert!(said.contains("Next check in 3:59"), "{said}");
        assert!(!said.contains("Next check in 3:58"), "{said}");
    }
}
