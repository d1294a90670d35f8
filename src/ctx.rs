//! What every command is given: the store, the output streams, the clock and
//! the global options. Nothing else reaches the file system, terminal or time.

use std::io::Write;

use toml::value::Datetime;

use crate::cli::ColorWhen;
use crate::error::Result;
use crate::render::clean_lines;
use crate::store::{Loaded, Store};

/// How output should look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// Bold headings (only on a terminal, never with `NO_COLOR`).
    pub color: bool,
    /// No box drawing, colour or decorative symbols: tables become labelled
    /// lines, for screen readers and braille displays.
    pub plain: bool,
    /// Columns to wrap and fit tables to.
    pub width: usize,
}

impl Style {
    /// 80 columns without colour, as written to a file or a pipe.
    pub const FILE: Style = Style {
        color: false,
        plain: false,
        width: 80,
    };

    /// Colour by `--color` (auto: only on a terminal, never with
    /// `NO_COLOR`); width from `COLUMNS` or the terminal itself on a
    /// terminal, else 80.
    pub fn detect(stdout_is_terminal: bool, color: ColorWhen, plain: bool) -> Style {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        // `COLUMNS` if set (also when piped: it is asked for), else the
        // terminal's real width, read once here; 80 into a pipe.
        let columns = std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.parse::<usize>().ok());
        let asked = columns.is_some();
        let width = columns
            .or_else(|| {
                stdout_is_terminal
                    .then(|| console::Term::stdout().size_checked())
                    .flatten()
                    .map(|(_, w)| usize::from(w))
            })
            .filter(|w| (40..=500).contains(w))
            .unwrap_or(80);
        let color = match color {
            ColorWhen::Always => true,
            ColorWhen::Never => false,
            ColorWhen::Auto => stdout_is_terminal && !no_color,
        };
        Style {
            color: color && !plain,
            plain,
            width: if stdout_is_terminal || asked {
                width
            } else {
                80
            },
        }
    }
}

/// A command's world.
pub struct Ctx<'a> {
    pub store: Store,
    /// Data: tables, the plan, JSON.
    pub out: &'a mut dyn Write,
    /// Everything else: confirmations, warnings, errors.
    pub err: &'a mut dyn Write,
    /// The time now, in UTC as the files keep it (fixed in tests).
    pub now: Datetime,
    /// The person's local calendar date now: "today" for everything they
    /// see (due dates, days left, this week, review dates).
    pub today: toml::value::Date,
    /// The person's time zone (`TZ`, else the system's, else UTC), read once
    /// at start, to show stored UTC moments on their clock and calendar.
    pub zone: jiff::tz::TimeZone,
    /// `--country`, before any lookup.
    pub country: Option<String>,
    /// The country of the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`), if any.
    pub locale_country: Option<String>,
    /// `--note` for the revision a command saves.
    pub note: Option<String>,
    pub style: Style,
    /// The columns of the terminal standard error is on, if it is on one:
    /// messages wrap there at word boundaries instead of mid-word.
    pub err_width: Option<usize>,
    /// Whether standard output is a terminal (binary output is refused there).
    pub stdout_terminal: bool,
}

impl Ctx<'_> {
    /// Loads the plan and says on stderr anything the person should know
    /// about it (a recovery, a newer schema, problems found).
    pub fn load(&mut self) -> Result<Loaded> {
        let loaded = self.store.load()?;
        self.warn_about(&loaded)?;
        Ok(loaded)
    }

    /// Prints a loaded plan's warnings.
    pub fn warn_about(&mut self, loaded: &Loaded) -> Result<()> {
        for warning in &loaded.warnings {
            writeln!(self.err, "warning: {}", clean_lines(warning))?;
        }
        if let Some(found) = loaded.newer_schema {
            writeln!(
                self.err,
                "warning: `{}` comes from a newer relapse-plan (schema {found}); showing what this version understands, read-only",
                loaded.path.display()
            )?;
        }
        if !loaded.problems.is_empty() {
            writeln!(
                self.err,
                "warning: `{}` has problems to fix:",
                loaded.path.display()
            )?;
            for problem in &loaded.problems {
                writeln!(self.err, "  - {}", clean_lines(&problem.to_string()))?;
            }
        }
        Ok(())
    }

    /// The country whose crisis lines to show: `--country`, else the plan's,
    /// else the locale's. `None` means "call your local emergency number".
    pub fn lines_country(&self, plan_country: Option<&str>) -> Option<String> {
        self.country
            .clone()
            .or_else(|| plan_country.map(str::to_string))
            .or_else(|| self.locale_country.clone())
    }

    /// Days since 1970-01-01 of [`Ctx::today`].
    pub fn today_day(&self) -> i64 {
        crate::plan::date::days_from_civil(self.today)
    }

    /// A stored moment as the person reads it, on their clock.
    pub fn local(&self, at: &Datetime) -> String {
        crate::plan::date::local_moment(at, &self.zone)
    }

    /// A one-line confirmation on stderr.
    /// Stored words inside it are shown, never acted on.
    pub fn say(&mut self, message: &str) -> Result<()> {
        writeln!(self.err, "{}", wrap_for(message, self.err_width))?;
        Ok(())
    }
}

/// A message cleaned, and on a terminal wrapped at word boundaries to its
/// width (by display width: CJK counts double), line by line, so nothing
/// breaks mid-word. Into a pipe or a file it stays one line each.
pub fn wrap_for(message: &str, width: Option<usize>) -> String {
    let Some(width) = width else {
        return clean_lines(message);
    };
    message
        .split('\n')
        .map(|line| {
            // A line that fits stays exactly as it is (tables, aligned lists).
            let cleaned = crate::render::clean(line);
            if console::measure_text_width(&cleaned) <= width {
                return cleaned;
            }
            let indent: String = line.chars().take_while(|c| *c == ' ').collect();
            let hang = if line.trim_start().starts_with("- ") {
                format!("{indent}  ")
            } else {
                indent.clone()
            };
            crate::render::wrap(line.trim_start(), width, &indent, &hang)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The width of the terminal standard error is on, or `None` when it is a
/// pipe or a file (`COLUMNS` wins, as for standard output).
pub fn stderr_width() -> Option<usize> {
    use std::io::IsTerminal;
    if !std::io::stderr().is_terminal() {
        return None;
    }
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse::<usize>().ok())
        .or_else(|| {
            console::Term::stderr()
                .size_checked()
                .map(|(_, w)| usize::from(w))
        })
        .filter(|w| (20..=500).contains(w))
}
