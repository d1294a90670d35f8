//! What every command is given: the store, the output streams, the clock and
//! the global options. Nothing else reaches the file system, terminal or time.

use std::io::Write;

use toml::value::Datetime;

use crate::crisis_lines::CountryLines;
use crate::error::{Error, Result};
use crate::prompt::TermEnv;
use crate::render::fonts::FontSearch;
use crate::render::rescue::{in_this_folder, in_this_folder_lines};
use crate::render::{Style, clean_lines, for_screen};
use crate::store::{Loaded, Store};

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
    /// The POSIX rule `TZ` gave (`IST-5:30`) when the zone has no name:
    /// what a hand-in carries as the client's clock.
    pub zone_rule: Option<String>,
    /// `--country`, before any lookup.
    pub country: Option<String>,
    /// The country of the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`), if any.
    pub locale_country: Option<String>,
    /// The locale's language as a tag (`zh-CN`), if any: the printout's
    /// `lang`, never a guess of English.
    pub locale_language: Option<String>,
    /// `--note` for the revision a command saves.
    pub note: Option<String>,
    pub style: Style,
    /// The columns of the terminal standard error is on, if it is on one:
    /// messages wrap there at word boundaries instead of mid-word.
    pub err_width: Option<usize>,
    /// What the environment says about the terminal, read once in `setup`.
    pub term_env: TermEnv,
    /// Where the PDF and images look for fonts.
    pub fonts: FontSearch,
    /// What starts the clock a timed exercise (`breathe`, `surf`) runs on.
    pub timer: Box<dyn crate::clock::Timer>,
    /// Whether standard output is a terminal (binary output is refused there).
    pub stdout_terminal: bool,
    /// Whether the folder came from the `--plan-dir` flag. Only then do
    /// suggested commands name it: from `RELAPSE_PLAN_DIR` it is already
    /// set in her shell, and naming it made every command too long to
    /// copy at 50 columns (Farida).
    pub folder_flag: bool,
}

impl Ctx<'_> {
    /// [`Ctx::style`] with standard output's width read again now: the
    /// window may have been made narrower since the command began (during
    /// a check-in's questions, Wei at 50 columns), and a block laid out for
    /// the old width had its words and phone numbers cut by the terminal.
    /// `COLUMNS`, when given, still wins; into a pipe nothing changes.
    pub fn style_now(&self) -> Style {
        let mut style = self.style;
        if self.stdout_terminal && self.term_env.columns.is_none() {
            let now = console::Term::stdout()
                .size_checked()
                .map(|(_, w)| usize::from(w))
                .filter(|w| (20..=500).contains(w));
            if let Some(width) = now {
                style.width = width;
            }
        }
        style
    }

    /// Loads the plan and says on stderr anything the person should know
    /// about it (a recovery, a newer schema, problems found).
    pub fn load(&mut self) -> Result<Loaded> {
        let loaded = self.store.load()?;
        self.warn_about(&loaded)?;
        Ok(loaded)
    }

    /// Prints a loaded plan's warnings, its newer schema and its problems.
    pub fn warn_about(&mut self, loaded: &Loaded) -> Result<()> {
        self.warn_loaded(loaded)?;
        if let Some(found) = loaded.newer_schema {
            writeln!(
                self.err,
                "warning: `{}` comes from a newer relapse-plan (schema {found}); showing what this version understands, read-only",
                loaded.path.display()
            ).map_err(Error::Stderr)?;
        }
        if !loaded.problems.is_empty() {
            writeln!(
                self.err,
                "warning: `{}` has problems to fix:",
                loaded.path.display()
            )
            .map_err(Error::Stderr)?;
            let file = loaded
                .path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy();
            for problem in &loaded.problems {
                writeln!(self.err, "  - {}", clean_lines(&problem.in_file(&file)))
                    .map_err(Error::Stderr)?;
            }
        }
        Ok(())
    }

    /// The crisis lines to show beside a plan whose country is
    /// `plan_country` ([`crate::crisis_lines::to_show`]).
    pub fn crisis_lines(&self, plan_country: Option<&str>) -> Option<CountryLines> {
        crate::crisis_lines::to_show(
            self.country.as_deref(),
            plan_country,
            self.where_she_is().as_deref(),
        )
    }

    /// The country she is in, as far as this computer says: her time
    /// zone's, then her locale's (a Ukrainian locale in Europe/Berlin is
    /// someone in Germany). The walk-through offers it first, and `now`
    /// without a plan shows its lines: Yuki in Tokyo with a `C` locale was
    /// told only to call her local emergency number.
    pub fn where_she_is(&self) -> Option<String> {
        self.zone
            .iana_name()
            .and_then(crate::plan::zones::country_of)
            .map(str::to_string)
            .or_else(|| self.locale_country.clone())
    }

    /// The moment a save is dated with: the clock read again as it saves,
    /// never before [`Ctx::now`], which it then becomes (issue 13: a
    /// walk-through left open 40 minutes saved a revision dated when it
    /// began, and history said she changed her plan before she did).
    /// `today` stays the day she was answering for.
    pub fn saving_now(&mut self) -> Datetime {
        if let Some(at) = crate::read_clock() {
            self.now = crate::plan::date::dated_after(Some(&self.now), at);
        }
        self.now
    }

    /// Days since 1970-01-01 of [`Ctx::today`].
    pub fn today_day(&self) -> i64 {
        crate::plan::date::days_from_civil(self.today)
    }

    /// How and when a review is shown: this style, zone and day.
    pub fn review_at(&self) -> crate::render::review::At {
        crate::render::review::At {
            style: self.style,
            zone: self.zone.clone(),
            today: self.today_day(),
        }
    }

    /// A stored moment as the person reads it on a screen, on their
    /// clock, in words from today.
    pub fn local(&self, at: &Datetime) -> String {
        crate::plan::date::moment_near(at, &self.zone, self.today)
    }

    /// What loading the plan had to say (a recovery from a revision): the
    /// warnings every command that loads a plan shows, `now` and `check-in`
    /// included.
    pub fn warn_loaded(&mut self, loaded: &Loaded) -> Result<()> {
        for warning in &loaded.warnings {
            self.warn(warning)?;
        }
        Ok(())
    }

    /// A warning on stderr, cleaned and wrapped like [`Ctx::say`].
    pub fn warn(&mut self, warning: &str) -> Result<()> {
        self.say(&format!("warning: {warning}"))
    }

    /// A sentence on standard output, on a terminal (or with `COLUMNS`)
    /// wrapped to its width by the one wrapper (a line the terminal wrapped
    /// itself broke "revis / ion"); into a pipe or a file one line, as a
    /// script reads it.
    pub fn tell(&mut self, text: &str) -> Result<()> {
        let width =
            (self.stdout_terminal || self.term_env.columns.is_some()).then_some(self.style.width);
        let text = in_this_folder(text, self.plan_dir());
        let text = self.plainly(&text).into_owned();
        let text = wrap_for(&text, width);
        writeln!(self.out, "{}", for_screen(&text)).map_err(Error::Stdout)
    }

    /// The plan's folder when `--plan-dir` gave it and it is not the
    /// default one: what every command suggested to the person must name,
    /// or it would act on another plan. A folder from `RELAPSE_PLAN_DIR`
    /// is not named: the same shell finds it again.
    pub fn plan_dir(&self) -> Option<&std::path::Path> {
        let dir = self.store.dir();
        (self.folder_flag && crate::default_plan_dir().as_deref() != Some(dir)).then_some(dir)
    }

    /// The plan's folder when it is not the default one, however it was
    /// given: what a command that saves answers not yet saved names
    /// ([`crate::render::rescue`]), since it may be run later, from
    /// another shell, and must save into this plan and no other.
    pub fn saving_folder(&self) -> Option<&std::path::Path> {
        let dir = self.store.dir();
        (crate::default_plan_dir().as_deref() != Some(dir)).then_some(dir)
    }

    /// What a renderer laid out for standard output (a table, a screen),
    /// with every command it suggests naming this plan's folder when it is
    /// not the default one ([`in_this_folder_lines`]).
    pub fn laid_out(&mut self, rendered: &[u8]) -> Result<()> {
        let text = String::from_utf8_lossy(rendered);
        let text = in_this_folder_lines(&text, self.plan_dir(), self.style.width);
        let text = self.plainly(&text);
        self.write_shown(&text)
    }

    /// Text laid out for standard output, written with its numbers held
    /// left to right in right-to-left lines ([`for_screen`]): the last
    /// step before the terminal or the pipe.
    pub fn write_shown(&mut self, text: &str) -> Result<()> {
        self.out
            .write_all(for_screen(text).as_bytes())
            .map_err(Error::Stdout)
    }

    /// `text` as `--plain` shows it ([`crate::render::plain_punctuation`]),
    /// else as it is.
    fn plainly<'t>(&self, text: &'t str) -> std::borrow::Cow<'t, str> {
        if self.style.plain {
            crate::render::plain_punctuation(text)
        } else {
            text.into()
        }
    }

    /// A one-line confirmation on stderr.
    /// Stored words inside it are shown, never acted on.
    pub fn say(&mut self, message: &str) -> Result<()> {
        let message = in_this_folder(message, self.plan_dir());
        self.say_as_is(&message)
    }

    /// [`Ctx::say`] for words whose commands are for someone else's plan
    /// (the client's, told to the therapist who assigned homework): they
    /// never name this folder.
    pub fn say_as_is(&mut self, message: &str) -> Result<()> {
        let message = self.plainly(message).into_owned();
        let message = wrap_for(&message, self.err_width);
        writeln!(self.err, "{}", for_screen(&message)).map_err(Error::Stderr)?;
        Ok(())
    }
}

pub use crate::render::wrap_for;

/// The width of the terminal standard error is on, or `None` when it is a
/// pipe or a file (`COLUMNS` wins, as for standard output).
pub fn stderr_width(env: &TermEnv) -> Option<usize> {
    use std::io::IsTerminal;
    if !std::io::stderr().is_terminal() {
        return None;
    }
    env.columns
        .or_else(|| {
            console::Term::stderr()
                .size_checked()
                .map(|(_, w)| usize::from(w))
        })
        .filter(|w| (20..=500).contains(w))
}
