//! The clock a timed exercise (`breathe`, `surf`) runs on, given to it
//! rather than read by it, so the exercises can be tested without waiting:
//! a test hands in a clock that moves on when asked to sleep.

use std::time::{Duration, Instant};

/// Time passing, and whether the person asked to stop.
pub trait Ticker {
    /// How long since the exercise started.
    fn elapsed(&self) -> Duration;
    /// Waits for `step` (a test clock just moves on by it).
    fn sleep(&self, step: Duration);
    /// Whether the person pressed Ctrl-C to stop.
    fn stopped(&self) -> bool;
}

/// What starts a timed exercise's clock: [`Wall`], chosen once in
/// `setup` and handed on in `Ctx`; a test can hand in its own.
pub trait Timer {
    /// A clock that starts counting now.
    fn start(&self) -> Box<dyn Ticker>;
}

/// Starts [`WallClock`]s.
pub struct Wall;

impl Timer for Wall {
    fn start(&self) -> Box<dyn Ticker> {
        Box::new(WallClock::start())
    }
}

/// The real clock: the time since it was started, real sleeps, and Ctrl-C
/// as the handler installed by [`crate::prompt::on_ctrl_c`] noted it.
pub struct WallClock {
    started: Instant,
}

impl WallClock {
    /// Starts counting now; Ctrl-C from now on only asks the exercise to
    /// stop, so it can log what was done.
    pub fn start() -> WallClock {
        crate::prompt::on_ctrl_c(crate::prompt::CtrlC::Note);
        WallClock {
            started: Instant::now(),
        }
    }
}

impl Ticker for WallClock {
    fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }

    fn sleep(&self, step: Duration) {
        std::thread::sleep(step);
    }

    fn stopped(&self) -> bool {
        crate::prompt::ctrl_c_pressed()
    }
}

/// A clock for tests: time moves only when slept, and "Ctrl-C" comes once
/// it reaches `stop_at`, if given.
#[cfg(test)]
pub struct TestClock {
    now: std::cell::Cell<Duration>,
    stop_at: Option<Duration>,
    /// How many times it was asked to sleep.
    pub sleeps: std::cell::Cell<u32>,
}

#[cfg(test)]
impl TestClock {
    pub fn new(stop_at: Option<Duration>) -> TestClock {
        TestClock {
            now: std::cell::Cell::new(Duration::ZERO),
            stop_at,
            sleeps: std::cell::Cell::new(0),
        }
    }
}

#[cfg(test)]
impl Ticker for TestClock {
    fn elapsed(&self) -> Duration {
        self.now.get()
    }

    fn sleep(&self, step: Duration) {
        self.now.set(self.now.get() + step);
        self.sleeps.set(self.sleeps.get() + 1);
    }

    fn stopped(&self) -> bool {
        self.stop_at.is_some_and(|at| self.now.get() >= at)
    }
}
