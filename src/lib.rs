//! relapse-plan: build, practise and carry a relapse-prevention and crisis
//! action plan. The library holds everything; `main.rs` only calls [`main`].
//!
//! Layers, outside in: [`cli`] (clap types) → [`cmd`] (one module per
//! subcommand) → [`plan`] (the pure domain) and [`render`] (text out), with
//! [`store`] the only code that touches plan files.

pub mod breaks;
pub mod cli;
pub mod clock;
pub mod cmd;
pub mod crisis_lines;
pub mod ctx;
pub mod error;
pub mod plan;
pub mod prompt;
pub mod render;
pub mod store;
pub mod width;
pub mod wizard;

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::FromArgMatches;
use toml::value::Datetime;

use crate::cli::{Cli, ColorWhen};
use crate::ctx::Ctx;
use crate::error::Error;
use crate::prompt::TermEnv;
use crate::render::Style;
use crate::render::fonts::FontSearch;
use crate::store::Store;

/// Environment variable that fixes the clock, for tests and reproducible
/// examples: an RFC 3339 moment such as `2026-11-22T10:15:00Z`, or the
/// path of a file holding one, read afresh each time the clock is, so a
/// test can move the clock while a walk-through is open.
pub const CLOCK_ENV: &str = "RELAPSE_PLAN_NOW";

/// `relapse-plan` alone: a short start (how to see the plan now, or how
/// to begin), not all the commands.
fn start_screen() -> ExitCode {
    let store = plan_dir(None).map(Store::open_dir);
    let width = style(
        io::stdout().is_terminal(),
        ColorWhen::Never,
        false,
        &term_env(),
    )
    .width;
    let mut out = io::stdout().lock();
    match store.map(|s| cmd::start::write(&mut out, &s, width)) {
        Ok(Ok(())) => ExitCode::SUCCESS,
        Ok(Err(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Ok(Err(e)) => {
            let _ = writeln!(io::stderr(), "error: {e}");
            ExitCode::FAILURE
        }
        Err(e) => {
            let _ = writeln!(io::stderr(), "error: {e}");
            e.exit_code()
        }
    }
}

/// Keeps SIGXFSZ from killing the program: under a file-size limit
/// (`ulimit -f`) a write past it would end the process silently (exit
/// 153), and the person would never learn that nothing was saved. Blocked
/// before any thread starts (every thread inherits the mask), the signal
/// stays pending, never delivered, and the write fails with EFBIG instead,
/// taking the full disk's path: a clear message, nothing changed. Blocking
/// is the safe call nix offers (setting `SIG_IGN` is `unsafe` there, and
/// this crate forbids `unsafe`); nothing is ever unblocked or executed.
fn block_file_size_signal() {
    use nix::sys::signal::{SigSet, Signal};
    let mut set = SigSet::empty();
    set.add(Signal::SIGXFSZ);
    // Failing leaves the default, as before: nothing to tell the person.
    let _ = set.thread_block();
}

/// Parses the command line, runs it, and reports any error on stderr.
pub fn main() -> ExitCode {
    block_file_size_signal();
    // Nothing after the name: a short start, not all the commands.
    if std::env::args_os().len() == 1 {
        return start_screen();
    }
    let cli = match cli::command()
        .try_get_matches()
        .and_then(|matches| Cli::from_arg_matches(&matches))
    {
        Ok(cli) => cli,
        Err(error) => refused(&error),
    };
    let stdout = io::stdout();
    let stderr = io::stderr();
    let mut out = stdout.lock();
    let mut err = stderr.lock();
    let term_env = term_env();
    let folder = folder_in_use(&cli);
    let plain = cli.plain;
    let err_width = ctx::stderr_width(&term_env);
    prompt::stop_columns(term_env.columns);
    prompt::stop_folder(folder.as_deref(), plain);
    let result = setup(&cli, term_env).and_then(
        |Setup {
             store,
             clock,
             style,
             term_env,
             locale_country,
             locale_language,
             fonts,
         }| {
            // Once, before anything else, wrapped at words for her screen.
            if let Some(warning) = &clock.warning {
                let said = err_width.map_or_else(
                    || warning.clone(),
                    |width| render::wrap(warning, width, "", ""),
                );
                let _ = writeln!(err, "{said}");
            }
            let mut ctx = Ctx {
                store,
                out: &mut out,
                err: &mut err,
                now: clock.now,
                today: clock.today,
                zone: clock.zone,
                zone_rule: clock.zone_rule,
                // Names people type ("Ireland") become codes here, once; a
                // form that names no country is a usage mistake (exit 2).
                country: cli
                    .country
                    .as_deref()
                    .map(plan::country::parse)
                    .transpose()
                    .map_err(Error::Usage)?,
                locale_country,
                locale_language,
                note: cli.note.clone(),
                style,
                err_width,
                term_env,
                fonts,
                timer: Box::new(crate::clock::Wall),
                stdout_terminal: stdout.is_terminal(),
                folder_flag: cli
                    .plan_dir
                    .as_ref()
                    .is_some_and(|d| !d.as_os_str().is_empty()),
            };
            cmd::run(cli.command, &mut ctx)
        },
    );
    let _ = out.flush();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // `relapse-plan show | head -1`: the reader has what it wanted.
        Err(Error::Stdout(e) | Error::Stderr(e)) if e.kind() == io::ErrorKind::BrokenPipe => {
            ExitCode::SUCCESS
        }
        // Answering no: said plainly, as the person's choice.
        Err(declined @ (Error::Declined | Error::NotAdded | Error::NotChanged)) => {
            let _ = writeln!(err, "{declined}");
            declined.exit_code()
        }
        // Stopping a wizard is not a failure: say so plainly.
        Err(error @ (Error::Cancelled | Error::Stopped(_))) => {
            prompt::restore_terminal();
            // Once, even if Ctrl-C also reached the signal handler.
            prompt::say_stopped_with(&mut err, &prompt::fit_stopped(&error.to_string()));
            error.exit_code()
        }
        Err(error) => {
            report(&mut err, &error, err_width, folder.as_deref(), plain);
            error.exit_code()
        }
    }
}

/// An error and its hint on standard error, wrapped to `width`. Errors
/// carry words from files: shown, never acted on. The commands a hint
/// suggests name the plan's `folder` when it is not the default one.
fn report(
    err: &mut dyn Write,
    error: &Error,
    width: Option<usize>,
    folder: Option<&std::path::Path>,
    plain: bool,
) {
    // With --plain, quotes and dots said plainly, as every message is.
    let plainly = |text: String| {
        if plain {
            render::plain_punctuation(&text).into_owned()
        } else {
            text
        }
    };
    let said = plainly(format!("error: {error}"));
    let _ = writeln!(err, "{}", ctx::wrap_for(&said, width));
    if let Some(hint) = error.hint() {
        let hint = render::rescue::in_this_folder(&hint, folder);
        let said = plainly(format!("hint: {hint}"));
        let _ = writeln!(err, "{}", ctx::wrap_for(&said, width));
    }
}

/// The plan's folder when `--plan-dir` gave it and it is not the default
/// one: the commands an error's hint suggests name it. From
/// `RELAPSE_PLAN_DIR` it is not named: her shell finds it again, and the
/// folder made every command too long for 50 columns (Farida).
fn folder_in_use(cli: &Cli) -> Option<PathBuf> {
    cli.plan_dir
        .clone()
        .filter(|d| !d.as_os_str().is_empty())
        .filter(|dir| default_plan_dir().as_ref() != Some(dir))
}

/// Says what clap refused and exits; after a lapse, with the lapse plan.
fn refused(error: &clap::Error) -> ! {
    if error.use_stderr() {
        let args: Vec<String> = std::env::args_os()
            .skip(1)
            .map(|a| a.to_string_lossy().into_owned())
            .collect();
        // On a terminal, its width: clap's own messages ran past 50
        // columns and broke mid-word ("expec / ted"), where every other
        // message is wrapped with its words whole.
        let terminal = ctx::stderr_width(&term_env());
        let width = terminal
            .or_else(|| {
                std::env::var("COLUMNS")
                    .ok()
                    .and_then(|c| c.parse::<usize>().ok())
                    .filter(|w| (20..=500).contains(w))
            })
            .unwrap_or(80);
        let store = |flag| plan_dir(flag).ok().map(Store::open_dir);
        // What she typed is quoted in the error, cleaned as every message
        // is: a right-to-left override in a bad `--format` reached the
        // terminal raw (Trudy). Plain text: clap's colours are left out.
        let said = ctx::wrap_for(&error.render().to_string(), terminal);
        let _ = write!(io::stderr(), "{said}");
        if let Some(lapse) = cmd::lapse_plan_after_a_mistake(&args, store, width) {
            let _ = writeln!(io::stderr(), "\n{}", render::clean_lines(&lapse));
        }
        std::process::exit(error.exit_code());
    }
    error.exit()
}

/// What the environment says, read once in [`setup`].
struct Setup {
    store: Store,
    clock: Clock,
    style: Style,
    term_env: TermEnv,
    locale_country: Option<String>,
    locale_language: Option<String>,
    fonts: FontSearch,
}

/// `NO_COLOR` and `COLUMNS`, read once as the run starts. `TERM=dumb`
/// is a terminal that shows escape codes as they are (Trudy saw `\e[1m`
/// from `now`): no colour or bold there either, as with `NO_COLOR`.
fn term_env() -> TermEnv {
    let dumb = std::env::var_os("TERM").is_some_and(|t| t == "dumb");
    TermEnv {
        no_color: dumb || std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
        columns: std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.parse::<usize>().ok()),
    }
}

/// Resolves the plan folder, the clock, the look of the output and the
/// terminal, the locale and the fonts: the only place that looks at the
/// environment, so everything after it is given what it needs.
fn setup(cli: &Cli, term_env: TermEnv) -> Result<Setup, Error> {
    Ok(Setup {
        store: Store::open_dir(plan_dir(cli.plan_dir.clone())?),
        clock: Clock::read()?,
        style: style(io::stdout().is_terminal(), cli.color, cli.plain, &term_env),
        term_env,
        locale_country: locale_country(),
        locale_language: locale().as_deref().and_then(language_of),
        fonts: font_search(),
    })
}

/// Colour by `--color` (auto: only on a terminal, never with `NO_COLOR`);
/// width from `COLUMNS` or the terminal itself on a terminal, else the
/// terminal standard error is on, else 80.
fn style(stdout_is_terminal: bool, color: ColorWhen, plain: bool, env: &TermEnv) -> Style {
    // `COLUMNS` if set (also when piped: it is asked for), else the
    // terminal's real width, read once here. Into a pipe or a file, the
    // width of the terminal it is read on, when standard error is one:
    // `now | less` on 50 columns was laid out for 80, and the terminal
    // broke crisis-line numbers in two (Olena, Berlin). 80 otherwise.
    let term = if stdout_is_terminal {
        console::Term::stdout()
    } else {
        console::Term::stderr()
    };
    let measured = env
        .columns
        .or_else(|| term.size_checked().map(|(_, w)| usize::from(w)))
        .filter(|w| (40..=500).contains(w));
    let width = measured.unwrap_or(80);
    let color = match color {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => stdout_is_terminal && !env.no_color,
    };
    Style {
        color: color && !plain,
        plain,
        width,
    }
}

/// Where the PDF looks for fonts: the system's, unless
/// `RELAPSE_PLAN_FONT_DIRS` names folders (colon-separated; empty for
/// none). That variable exists for the tests, to print "without" the
/// system's fonts and check the warning about them.
fn font_search() -> FontSearch {
    match std::env::var_os("RELAPSE_PLAN_FONT_DIRS") {
        Some(dirs) => FontSearch::Dirs(
            std::env::split_paths(&dirs)
                .filter(|p| !p.as_os_str().is_empty())
                .collect(),
        ),
        None => FontSearch::System,
    }
}

/// The plan folder: the flag wins over the variable; an empty one (`export
/// RELAPSE_PLAN_DIR=`) counts as unset rather than as an error.
fn plan_dir(flag: Option<PathBuf>) -> Result<PathBuf, Error> {
    let from_env = std::env::var_os("RELAPSE_PLAN_DIR").map(PathBuf::from);
    match flag.or(from_env).filter(|d| !d.as_os_str().is_empty()) {
        Some(dir) => Ok(dir),
        None => default_plan_dir().ok_or(Error::NoConfigFolder),
    }
}

/// The moment now (UTC, as files keep it) and the person's day and zone.
struct Clock {
    now: Datetime,
    today: toml::value::Date,
    zone: jiff::tz::TimeZone,
    /// The POSIX rule `TZ` sets the clock by, when it is one (no name).
    zone_rule: Option<String>,
    /// Said once on stderr when `TZ` names no zone this computer knows.
    warning: Option<String>,
}

impl Clock {
    fn read() -> Result<Clock, Error> {
        let now = now()?;
        // `TZ=Mars/Olympus`, or no zone information at all: days are UTC
        // days, as the C library does, and the person is told why when
        // they asked for a zone.
        // A `TZ` that names a file other than a small regular one (a
        // device, a FIFO) is never read: it hung or filled the memory.
        let named_file = std::env::var("TZ")
            .ok()
            .map(|tz| tz.trim_start_matches(':').to_string())
            .filter(|tz| tz.starts_with('/'));
        let readable =
            named_file.is_none_or(|path| store::is_zone_file(std::path::Path::new(&path)));
        let system = if readable {
            jiff::tz::TimeZone::try_system().ok()
        } else {
            None
        };
        let (zone, unknown) = if let Some(zone) = system {
            (zone, None)
        } else {
            let unknown = std::env::var("TZ").ok().filter(|tz| !tz.is_empty());
            (jiff::tz::TimeZone::UTC, unknown)
        };
        // `TZ=IST-5:30` is a clock with no name: a hand-in carries the
        // rule itself, so her therapist can read her days as hers.
        let zone_rule = std::env::var("TZ")
            .ok()
            .map(|tz| tz.trim_start_matches(':').to_string())
            .filter(|tz| {
                zone.iana_name().is_none()
                    && plan::homework::zone_named(tz).is_some_and(|z| z.iana_name().is_none())
            });
        // A moment past what the zone's rules reach (9999-12-31T23:59:59Z)
        // is on its UTC day: Trudy was told the clock said 1 January 1970.
        let today = plan::date::local_date(&now, &zone)
            .or(now.date)
            .unwrap_or(toml::value::Date {
                year: 1970,
                month: 1,
                day: 1,
            });
        // Which day is taken, said: "dates are UTC dates" left her to work
        // out whether her check-in went on today or yesterday.
        let warning = unknown.map(|tz| {
            format!(
                "TZ=`{}` names no time zone this computer knows, so today is taken as {} {}, the day in UTC; to have your own day, set TZ to a zone like Europe/Dublin.",
                render::clean(&tz),
                plan::date::weekday_name(today),
                plan::date::long_date(today),
            )
        });
        Ok(Clock {
            now,
            today,
            zone,
            zone_rule,
            warning,
        })
    }
}

/// The plan folder in the user's config directory, e.g.
/// `~/.config/relapse-plan` on Linux.
pub fn default_plan_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "relapse-plan").map(|d| d.config_dir().to_path_buf())
}

/// The region of the first locale variable set (`en_GB.UTF-8` → `GB`), as
/// POSIX orders them; `C` and `POSIX` name no country.
fn locale_country() -> Option<String> {
    region_of(&locale()?)
}

/// The first locale variable set, as POSIX orders them.
fn locale() -> Option<String> {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|name| std::env::var(name).ok().filter(|v| !v.is_empty()))
}

/// The locale as a language tag for HTML's `lang`: `zh_CN.UTF-8` →
/// `zh-CN`, `de` → `de`; `C`, `POSIX` and anything else name none.
pub fn language_of(locale: &str) -> Option<String> {
    let locale = locale.split(['.', '@']).next()?;
    let mut parts = locale.split(['_', '-']);
    let language = parts.next()?;
    let letters = |s: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&s.len()) && s.chars().all(|c| c.is_ascii_alphabetic())
    };
    if !letters(language, 2..=3) || locale.eq_ignore_ascii_case("posix") {
        return None;
    }
    let language = language.to_ascii_lowercase();
    Some(match region_of(locale) {
        Some(region) => format!("{language}-{region}"),
        None => language,
    })
}

/// `en_GB.UTF-8` → `GB`; `de_DE@euro` → `DE`; `C` → none.
pub fn region_of(locale: &str) -> Option<String> {
    let locale = locale.split(['.', '@']).next()?;
    let region = locale.split(['_', '-']).nth(1)?;
    (region.len() == 2 && region.chars().all(|c| c.is_ascii_alphabetic()))
        .then(|| region.to_ascii_uppercase())
}

/// The moment now, read again (for a save made long after the command
/// started, see [`Ctx::saving_now`]); `None` when the clock can't be read
/// now.
pub(crate) fn read_clock() -> Option<Datetime> {
    now().ok()
}

fn now() -> Result<Datetime, Error> {
    if let Some(fixed) = std::env::var_os(CLOCK_ENV) {
        let from_file = Path::new(&fixed)
            .is_absolute()
            .then(|| store::read_limited(Path::new(&fixed)).ok())
            .flatten()
            .and_then(|bytes| String::from_utf8(bytes).ok());
        let fixed = from_file.map_or_else(
            || fixed.to_string_lossy().into_owned(),
            |text| text.trim().to_string(),
        );
        return fixed
            .parse::<Datetime>()
            .ok()
            .filter(plan::date::is_moment)
            .ok_or_else(|| Error::BadVariable {
                name: CLOCK_ENV,
                value: fixed.clone(),
                wanted: "a moment like 2026-11-22T10:15:00Z",
            });
    }
    Ok(plan::date::utc_from_unix(
        jiff::Timestamp::now().as_second(),
    ))
}
