//! `breathe`: paced breathing with a bar that fills on the in-breath and
//! empties on the out-breath. Ctrl-C stops it cleanly; it is logged either way.

use std::io::IsTerminal;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use super::{minutes, stop_flag};
use crate::cli::BreatheArgs;
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::plan::rehearsal::{Exercise, ExerciseKind};
use crate::prompt::restore_terminal;

const BAR: usize = 40;
const TICK: Duration = Duration::from_millis(100);

pub(super) fn run(args: &BreatheArgs, ctx: &mut Ctx) -> Result<()> {
    let total = minutes(args.minutes, "--minutes")?;
    if !std::io::stderr().is_terminal() {
        return Err(Error::NotATerminal {
            command: "breathe",
            instead: "nothing: breathing along needs a screen; `relapse-plan surf --ratings` logs an exercise done elsewhere",
        });
    }
    let stop = stop_flag();
    let (inhale, exhale) = (u32::from(args.breathe_in), u32::from(args.breathe_out));
    ctx.say(&format!(
        "Paced breathing: in for {inhale}, out for {exhale}, for {}. Follow the bar.\nPress Ctrl-C to stop at any time.\n",
        crate::render::duration(total)
    ))?;
    if !ctx.style.plain {
        write!(ctx.err, "\u{1b}[?25l")?;
    }
    let started = Instant::now();
    'outer: while started.elapsed() < total {
        for (label, seconds, filling) in
            [("Breathe in", inhale, true), ("Breathe out", exhale, false)]
        {
            if ctx.style.plain {
                writeln!(ctx.err, "{label} for {seconds}.")?;
            }
            let ticks = seconds * 10;
            for tick in 0..ticks {
                if stop.load(Ordering::SeqCst) {
                    break 'outer;
                }
                if !ctx.style.plain {
                    let done = (tick + 1) as usize * BAR / ticks as usize;
                    let filled = if filling { done } else { BAR - done };
                    let left = seconds - tick / 10;
                    write!(
                        ctx.err,
                        "\r  {label:<12} [{}{}] {left:>2}  ",
                        "█".repeat(filled),
                        "·".repeat(BAR - filled)
                    )?;
                    ctx.err.flush()?;
                }
                std::thread::sleep(TICK);
            }
        }
    }
    let elapsed = started.elapsed();
    let completed = elapsed >= total;
    restore_terminal();
    writeln!(ctx.err)?;
    ctx.store.log_exercise(Exercise {
        kind: ExerciseKind::Breathe,
        at: ctx.now,
        seconds: u32::try_from(elapsed.as_secs()).unwrap_or(u32::MAX),
        completed,
        ratings: Vec::new(),
        trigger: None,
        other: toml::Table::new(),
    })?;
    if completed {
        ctx.say(&format!(
            "Well done: {} of paced breathing. It's logged in your practice.",
            crate::render::duration(elapsed)
        ))
    } else {
        ctx.say(&format!(
            "Stopped after {}. That still counts, and it's logged.",
            crate::render::duration(elapsed)
        ))
    }
}
