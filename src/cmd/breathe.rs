//! `breathe`: paced breathing with a bar that fills on the in-breath and
//! empties on the out-breath. Ctrl-C stops it cleanly; it is logged either way.

use std::io::{self, IsTerminal, Write};
use std::time::Duration;

use super::minutes;
use crate::cli::BreatheArgs;
use crate::clock::Ticker;
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::plan::rehearsal::{Exercise, ExerciseKind};
use crate::prompt::restore_terminal;

/// The widest the bar is drawn: on a narrower window it is shorter, so
/// its line never wraps (at 50 columns the 62-column line wrapped into a
/// second line on every tick).
const BAR: usize = 40;

/// The columns the line takes beside its bar (`  Breathe out  [` and
/// `] 10`), and the last column left empty so the line never wraps.
const BESIDE_BAR: usize = 21;
const TICK: Duration = Duration::from_millis(100);

pub(super) fn run(args: &BreatheArgs, ctx: &mut Ctx) -> Result<()> {
    let total = minutes(args.minutes, "--minutes")?;
    if !std::io::stderr().is_terminal() {
        return Err(Error::NeedsAScreen {
            command: "breathe",
            what: "a bar to breathe along with",
            hint: "run it in a terminal window; `relapse-plan surf --ratings` logs an exercise done elsewhere",
        });
    }
    let (inhale, exhale) = (u32::from(args.breathe_in), u32::from(args.breathe_out));
    ctx.say(&format!(
        "Paced breathing: in for {inhale}, out for {exhale}, for {}. Follow the bar.\nPress Ctrl-C to stop at any time.\n",
        crate::render::duration(total)
    ))?;
    if !ctx.style.plain {
        write!(ctx.err, "\u{1b}[?25l").map_err(Error::Stderr)?;
    }
    let clock = ctx.timer.start();
    // Read again at every tick, as the check-in does: a window made
    // narrower mid-breath gets a shorter bar at once.
    let term_env = ctx.term_env;
    let width = move || crate::ctx::stderr_width(&term_env);
    let elapsed = pace(
        ctx.err,
        &*clock,
        (inhale, exhale),
        total,
        Bar {
            plain: ctx.style.plain,
            width: &width,
        },
    )
    .map_err(Error::Stderr)?;
    let completed = elapsed >= total;
    restore_terminal();
    writeln!(ctx.err).map_err(Error::Stderr)?;
    let at = ctx.saving_now();
    ctx.store.log_exercise(Exercise {
        kind: ExerciseKind::Breathe,
        at,
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

/// How the breath is shown: a line a breath in words (`plain`), or a bar
/// as wide as the window allows, its width read at every tick (`None`:
/// not a terminal, the widest).
#[derive(Clone, Copy)]
struct Bar<'a> {
    plain: bool,
    width: &'a dyn Fn() -> Option<usize>,
}

impl Bar<'_> {
    /// The bar's length in the window as it is now.
    fn length(&self) -> usize {
        (self.width)().map_or(BAR, |cols| cols.saturating_sub(BESIDE_BAR).min(BAR))
    }
}

/// Breathes along for `total` on `clock`: in, then out, a bar filling and
/// emptying each tenth of a second (or a line a breath with `plain`),
/// until the time is up or the person stops. Returns how long it ran.
fn pace(
    err: &mut dyn Write,
    clock: &dyn Ticker,
    (inhale, exhale): (u32, u32),
    total: Duration,
    bar: Bar<'_>,
) -> io::Result<Duration> {
    let plain = bar.plain;
    'outer: while clock.elapsed() < total {
        for (label, seconds, filling) in
            [("Breathe in", inhale, true), ("Breathe out", exhale, false)]
        {
            if plain {
                writeln!(err, "{label} for {seconds}.")?;
            }
            let ticks = seconds * 10;
            for tick in 0..ticks {
                if clock.stopped() {
                    break 'outer;
                }
                if !plain {
                    let length = bar.length();
                    let done = (tick + 1) as usize * length / ticks as usize;
                    let filled = if filling { done } else { length - done };
                    let left = seconds - tick / 10;
                    // Cleared to the end of the line: a window made wider
                    // since leaves nothing of a longer line behind.
                    write!(
                        err,
                        "\r  {label:<12} [{}{}] {left:>2}\u{1b}[K",
                        "█".repeat(filled),
                        "·".repeat(length - filled)
                    )?;
                    err.flush()?;
                }
                clock.sleep(TICK);
            }
        }
    }
    Ok(clock.elapsed())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::TestClock;

    fn words() -> Bar<'static> {
        Bar {
            plain: true,
            width: &|| None,
        }
    }

    fn at(width: &dyn Fn() -> Option<usize>) -> Bar<'_> {
        Bar {
            plain: false,
            width,
        }
    }

    /// A minute of 4-in, 6-out breathing is six whole breaths, run in no
    /// time on a clock that moves only when slept.
    #[test]
    fn a_minute_is_six_breaths_of_four_in_six_out() {
        let clock = TestClock::new(None);
        let mut err = Vec::new();
        let ran = pace(&mut err, &clock, (4, 6), Duration::from_mins(1), words()).unwrap();
        assert_eq!(ran, Duration::from_mins(1));
        assert_eq!(clock.sleeps.get(), 600);
        let said = String::from_utf8(err).unwrap();
        assert_eq!(said.matches("Breathe in for 4.").count(), 6, "{said}");
        assert_eq!(said.matches("Breathe out for 6.").count(), 6, "{said}");
    }

    /// Ctrl-C part-way stops at the next tick, and says how long it ran.
    #[test]
    fn ctrl_c_stops_at_the_next_tick() {
        let clock = TestClock::new(Some(Duration::from_secs(5)));
        let mut err = Vec::new();
        let ran = pace(
            &mut err,
            &clock,
            (4, 6),
            Duration::from_mins(3),
            at(&|| None),
        )
        .unwrap();
        assert_eq!(ran, Duration::from_secs(5));
        let said = String::from_utf8(err).unwrap();
        // The bar filled on the in-breath and began to empty on the out-breath.
        assert!(
            said.contains(&format!("Breathe in   [{}]", "█".repeat(BAR))),
            "{said}"
        );
        assert!(said.contains("Breathe out"), "{said}");
    }

    /// At 50 and at 30 columns every drawing of the line fits, one short
    /// of the edge, and a window made narrower mid-breath is drawn for its
    /// new width at the next tick.
    #[test]
    fn the_bar_fits_the_window_as_it_is_at_each_tick() {
        for cols in [50, 30] {
            let clock = TestClock::new(Some(Duration::from_secs(3)));
            let mut err = Vec::new();
            let width = move || Some(cols);
            pace(&mut err, &clock, (4, 6), Duration::from_mins(1), at(&width)).unwrap();
            let said = String::from_utf8(err).unwrap();
            for drawn in said.split('\r').filter(|d| !d.is_empty()) {
                let shown = drawn.trim_end_matches("\u{1b}[K");
                assert!(
                    crate::width::display_width(shown) < cols,
                    "{cols}: {shown:?}"
                );
            }
        }
        let narrower = std::cell::Cell::new(80);
        let width = || {
            let now = narrower.get();
            narrower.set(30);
            Some(now)
        };
        let clock = TestClock::new(Some(Duration::from_millis(300)));
        let mut err = Vec::new();
        pace(&mut err, &clock, (4, 6), Duration::from_mins(1), at(&width)).unwrap();
        let said = String::from_utf8(err).unwrap();
        let drawn: Vec<&str> = said.split('\r').filter(|d| !d.is_empty()).collect();
        assert!(drawn[0].contains(&"·".repeat(BAR - 1)), "{drawn:?}");
        let second = drawn[1].trim_end_matches("\u{1b}[K");
        assert!(crate::width::display_width(second) < 30, "{drawn:?}");
    }
}
