//! One module per subcommand, dispatched by one `match`. Each `run` gets its
//! parsed arguments and the [`Ctx`]; shared steps (saving a change, reading a
//! choice) live here once.

mod breathe;
mod checkin;
pub use checkin::lapse_plan_after_a_mistake;
mod completions;
mod contact;
mod coping;
mod diff;
mod history;
mod homework;
mod init;
mod lines;
mod map;
mod new;
mod now;
mod path;
mod practice;
mod print;
mod rank;
mod rehearse;
mod restore;
mod review;
mod section;
mod set;
mod show;
pub mod start;
mod surf;
mod trends;
mod trigger;
mod validate;

use crate::cli::{Command, HomeworkCommand, StepCommand};
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::plan::{Plan, Section};
use crate::prompt::{Prompter, Terminal};
use crate::store::Saved;
use crate::wizard::session;
use crate::wizard::{Outcome, Wizard};

/// Runs one parsed command.
pub fn run(command: Command, ctx: &mut Ctx) -> Result<()> {
    if ctx.note.is_some()
        && let Some(name) = saves_no_revision(&command)
    {
        return Err(Error::Usage(note_kept_nowhere(name)));
    }
    // For `check-in`, `--note` is the person's line for the day, kept as typed.
    if !matches!(command, Command::CheckIn(_)) {
        note_on_one_line(ctx)?;
    }
    match command {
        Command::New => new::run(ctx),
        Command::Map => map::run(ctx),
        Command::Rank => rank::run(ctx),
        Command::Rehearse(args) => rehearse::run(&args, ctx),
        Command::Init(args) => init::run(&args, ctx),
        Command::Set(args) => set::run(args, ctx),
        Command::Trigger(command) => trigger::run(command, ctx),
        Command::Coping(command) => coping::run(command, ctx),
        Command::Contact(command) => contact::run(command, ctx),
        Command::Step(StepCommand::Text(command)) => {
            section::run(Section::CrisisSteps, command, ctx)
        }
        Command::Step(StepCommand::FollowThrough { number, flags }) => {
            section::follow_through(number, flags, ctx)
        }
        Command::WarningSign(command) => section::run(Section::WarningSigns, command, ctx),
        Command::Reason(command) => section::run(Section::Reasons, command, ctx),
        Command::Safety(command) => section::run(Section::SafeEnvironment, command, ctx),
        Command::Lapse(command) => section::run(Section::LapsePlan, command, ctx),
        Command::Maintenance(command) => section::run(Section::Maintenance, command, ctx),
        Command::Helps(command) => section::run(Section::Helps, command, ctx),
        Command::NotHelpful(command) => section::run(Section::DoesNotHelp, command, ctx),
        Command::WhoDoesWhat(command) => section::run(Section::WhoDoesWhat, command, ctx),
        Command::StandDown(command) => section::run(Section::StandDown, command, ctx),
        Command::AfterCrisis(command) => section::run(Section::AfterCrisis, command, ctx),
        Command::Homework(command) => homework::run(command, ctx),
        Command::Review(args) => review::run(&args, ctx),
        Command::Lines(args) => lines::run(&args, ctx),
        Command::Print(args) => print::run(&args, ctx),
        Command::Breathe(args) => breathe::run(&args, ctx),
        Command::Surf(args) => surf::run(&args, ctx),
        Command::Practice(args) => practice::run(&args, ctx),
        Command::CheckIn(args) => checkin::run(&args, ctx),
        Command::Trends(args) => trends::run(&args, ctx),
        Command::Show(args) => show::run(&args, ctx),
        Command::Now => now::run(ctx),
        Command::History(args) => history::run(&args, ctx),
        Command::Diff(args) => diff::run(&args, ctx),
        Command::Restore(args) => restore::run(&args, ctx),
        Command::Validate(args) => validate::run(&args, ctx),
        Command::Path => path::run(ctx),
        Command::Completions { shell } => {
            completions::completions(shell, ctx);
            Ok(())
        }
        Command::Man => completions::man(ctx),
    }
}

/// The name of `command` when it never saves a revision of the plan, so a
/// `--note` given to it would be kept nowhere (a hand-in, a printout and a
/// look at the plan hold no change note).
fn saves_no_revision(command: &Command) -> Option<&'static str> {
    Some(match command {
        Command::Homework(HomeworkCommand::Submit { .. }) => "homework submit",
        Command::Homework(HomeworkCommand::Status { .. }) => "homework status",
        Command::Homework(HomeworkCommand::Assign(_)) => "homework assign",
        Command::Review(_) => "review",
        Command::Lines(_) => "lines",
        Command::Print(_) => "print",
        Command::Breathe(_) => "breathe",
        Command::Practice(_) => "practice",
        Command::Trends(_) => "trends",
        Command::Show(_) => "show",
        Command::Now => "now",
        Command::History(_) => "history",
        Command::Diff(_) => "diff",
        Command::Validate(_) => "validate",
        Command::Path => "path",
        _ => return None,
    })
}

/// Why a `--note` given to `name` was refused, and where words like it
/// are kept: typed words are never dropped without a word.
fn note_kept_nowhere(name: &str) -> String {
    let instead = match name {
        "homework submit" => {
            " To tell your therapist something, put it in a check-in's note (`relapse-plan check-in --note \"…\"`): the hand-in carries your check-ins."
        }
        "homework assign" => " A note for your client is given with `--message \"…\"`.",
        _ => "",
    };
    format!(
        "`--note` is the note saved with a new revision of your plan, and `relapse-plan {name}` saves none, so nothing would keep it. Nothing was done.{instead}"
    )
}

/// A change note is one line (history shows one a revision): a `--note`
/// typed with line breaks is folded here, before anything is saved, and
/// the person is told exactly what is kept, never left to find out.
fn note_on_one_line(ctx: &mut Ctx) -> Result<()> {
    let Some(note) = ctx.note.take() else {
        return Ok(());
    };
    let folded = crate::store::fold_note(&note);
    // Any other control character (an escape, a bell) would be refused
    // later by validation under the field's name; say it of the note,
    // before anything is saved.
    if folded.chars().any(|c| c.is_control() && c != '\t') {
        return Err(Error::Usage(
            "your --note holds a control character (such as an escape or a bell), which a change note cannot keep; nothing was changed. Give the note as plain words".into(),
        ));
    }
    if folded != note {
        ctx.say(&format!(
            "Your --note has line breaks, and a change note is one line, so it is kept as “{folded}”."
        ))?;
    }
    ctx.note = Some(folded);
    Ok(())
}

/// Applies a change to the plan as one new revision and says what happened.
fn save(ctx: &mut Ctx, change: impl FnOnce(&mut Plan) -> Result<String>) -> Result<()> {
    let now = ctx.saving_now();
    let saved = ctx.store.update(now, ctx.note.clone(), change)?;
    said(ctx, &saved)
}

/// Said instead of saving words already in the plan (`reason add`,
/// `trigger add`): which one holds them, in her words as saved, so the
/// same words typed twice never make two (as `contact add` does for
/// names).
fn say_already_there(
    ctx: &mut Ctx,
    typed: &str,
    what: &str,
    number: usize,
    saved: &str,
) -> Result<()> {
    let typed = crate::render::quoted(typed.trim());
    let saved = crate::render::quoted(saved);
    let written = if typed == saved {
        String::new()
    } else {
        format!(", written {saved}")
    };
    let said = format!(
        "{typed} is already in your plan as {what} {number}{written}, so nothing was added and no new revision was saved."
    );
    ctx.say(&crate::render::wrap(&said, ctx.style.width, "", ""))
}

/// [`save`] for an edit that may give an entry a new id (`--new-id`): the
/// change returns what it did and the rename it made, and the logs beside
/// the plan follow that rename under the same lock, so a trigger keeps its
/// rehearsals and a coping strategy its check-ins.
fn save_renaming(
    ctx: &mut Ctx,
    change: impl FnOnce(&mut Plan) -> Result<(String, Option<crate::plan::edit::Rename>)>,
) -> Result<()> {
    let now = ctx.saving_now();
    let saved = ctx.store.update_renaming(now, ctx.note.clone(), change)?;
    said(ctx, &saved)
}

/// Names, on standard error, each person to turn to who is the same person
/// as someone marked "do not involve" under another spelling or number
/// (see [`Plan::helpers_not_to_involve`]): a plan written before names and
/// numbers were compared so may hold both. The screens never offer them;
/// `validate` and `show` say so, with the command that mends it.
fn say_helpers_not_to_involve(ctx: &mut Ctx, plan: &Plan) -> Result<()> {
    use crate::plan::Contact;
    for (helper, them) in plan.helpers_not_to_involve() {
        let number = plan.number_of::<Contact>(&helper.id).unwrap_or(1);
        ctx.say(&format!(
            "{helper} is on your plan as someone to turn to, and {them} as someone not to involve: the same name or number, so {helper} is never shown as help. If they are two people (a shared phone, say), give {helper} a name and number of their own: `relapse-plan contact edit {number} --phone \"…\"`. If they are one person, `relapse-plan contact remove {number}` takes out {helper}, and {them} stays marked not to involve.",
            helper = crate::render::quoted(&helper.name),
            them = crate::render::quoted(&them.name),
        ))?;
    }
    Ok(())
}

/// The early warning at the top of `show` and after the steps of `now`
/// (`after`: in a crisis the steps come first), while it holds. It reads
/// only the small summary of recent check-ins, and never stops the
/// command: a log that can't be read is a one-line warning.
fn warn_early(ctx: &mut Ctx, plan: &Plan, after: bool) -> Result<()> {
    let recent = match ctx.store.load_recent_check_ins() {
        Ok(log) => log,
        Err(error) => {
            ctx.warn(&error.to_string())?;
            return Ok(());
        }
    };
    if recent.entries.is_empty() {
        return Ok(());
    }
    let today = ctx.today_day();
    if let Some(warning) =
        crate::plan::early_warning::assess(plan.early_warning, &recent.entries, today)
    {
        if after {
            writeln!(ctx.out).map_err(Error::Stdout)?;
        }
        let mut shown = Vec::new();
        // In a crisis (`now`), no offer to go and practise.
        if after {
            crate::render::checkin::write_warning_in_a_crisis(&mut shown, plan, &warning, ctx.style)
        } else {
            crate::render::checkin::write_warning(
                &mut shown, plan, &warning, None, false, ctx.style,
            )
        }
        .map_err(Error::Stdout)?;
        ctx.laid_out(&shown)?;
        if !after {
            writeln!(ctx.out).map_err(Error::Stdout)?;
        }
    }
    Ok(())
}

/// What homework still asks, for the walk-throughs and rehearsal to
/// mention first; nothing when there is none or it can't be read.
fn homework_reminder(ctx: &Ctx) -> Option<String> {
    let homework = ctx.store.load_homework().ok()??;
    // Handed in, nothing more is asked of it.
    if homework.handed_in.is_some() {
        return None;
    }
    let period = ctx.store.period_since_start(&homework, &ctx.zone).ok()?;
    let tasks = period.progress(&homework.assignment);
    crate::render::homework::reminder(&homework.assignment, &tasks, ctx.today)
}

/// Writes a JSON view to stdout: pretty, with a final newline. On a
/// terminal, characters that would act on it are `\u` escapes (the same
/// JSON to any reader); into a pipe or file it is exactly as serde writes it.
fn write_json(ctx: &mut Ctx, view: &impl serde::Serialize) -> Result<()> {
    let mut text = serde_json::to_string_pretty(view).expect("a JSON view always serializes");
    if ctx.stdout_terminal {
        text = crate::render::json::for_terminal(&text);
    }
    writeln!(ctx.out, "{text}").map_err(Error::Stdout)?;
    Ok(())
}

/// The person's words in a change note (a situation or a name), quoted and
/// shortened so the note stays one line of thought; ids are for commands.
/// Stored as typed (a bidi control included), so history, review and the
/// hand-in show the person's words and clean them only on a terminal; only
/// a control character, which no plan may hold, is written out.
fn words(text: &str) -> String {
    let kept: String = text
        .chars()
        .map(|c| match c {
            '\t' => " ".to_string(),
            c if c.is_control() => format!("\\u{{{:x}}}", u32::from(c)),
            c => c.to_string(),
        })
        .collect();
    format!("“{}”", crate::render::shorten_kept(&kept, 40))
}

/// Says what a save did.
fn said(ctx: &mut Ctx, saved: &Saved) -> Result<()> {
    match saved {
        Saved::Unchanged(_) => ctx.say("Nothing changed, so no new revision was saved."),
        Saved::Revision(plan) => {
            let note = plan.change_note.as_deref().unwrap_or_default();
            let message = match crate::plan::note::read(note) {
                crate::plan::note::Note::Recorded(words) => {
                    format!("Saved revision {}: {words}.", plan.revision)
                }
                crate::plan::note::Note::Hers(words) => format!(
                    "Saved revision {}, with your note {}.",
                    plan.revision,
                    crate::render::quoted(words)
                ),
            };
            ctx.say(&crate::render::wrap(&message, ctx.style.width, "", ""))?;
            clock_behind(ctx, plan)
        }
    }
}

/// Said when the computer's clock is behind the plan's last save, so the
/// new revision took that moment instead (see
/// [`crate::plan::date::dated_after`]): once per change, kindly, and
/// without blaming anyone.
fn clock_behind(ctx: &mut Ctx, plan: &Plan) -> Result<()> {
    let Some(dated) = plan.saved_at.filter(|at| *at != ctx.now) else {
        return Ok(());
    };
    let local = |at: &toml::value::Datetime| {
        crate::plan::date::local_date(at, &ctx.zone)
            .map_or_else(|| at.to_string(), crate::plan::date::long_date)
    };
    let (now, last) = (local(&ctx.now), local(&dated));
    let message = if now == last {
        // Minutes behind on the same day: the dates alone would read alike.
        // Said in words, with the date as every screen says it.
        let at = crate::plan::date::local_time_of_day(&dated, &ctx.zone)
            .map(|t| format!("at {t} "))
            .unwrap_or_default();
        format!(
            "Your computer's clock seems to be a little behind: your last change was saved {at}on {last}, later than the clock says it is now. This change is given the same time, to keep your history in order."
        )
    } else {
        format!(
            "Your computer's clock seems to be behind: it says today is {now}, but your last change was saved on {last}. This change is dated {last} to keep your history in order; once the clock is right, later changes get their true dates."
        )
    };
    ctx.say(&message)
}

/// What the follow-through flags change.
fn follow_through_change(
    flags: crate::cli::FollowThroughFlags,
) -> crate::plan::FollowThroughChange {
    crate::plan::FollowThroughChange {
        likely: flags.likely.map(crate::cli::Cleared::into_option),
        in_the_way: flags.in_the_way.map(crate::cli::Cleared::into_option),
        answer: flags.answer.map(crate::cli::Cleared::into_option),
    }
}

/// The terminal a wizard asks on, or an error naming the commands that do
/// the same job without one.
fn terminal(command: &'static str, instead: &'static str, ctx: &Ctx) -> Result<Terminal> {
    let mut terminal =
        Terminal::open(ctx.style.plain, &ctx.term_env).ok_or(Error::NotATerminal {
            command,
            instead: instead.into(),
        })?;
    terminal.name_folder(ctx.plan_dir());
    Terminal::stop_cleanly_on_ctrl_c();
    Ok(terminal)
}

/// Runs a walk-through: on the terminal (or an error naming the commands
/// that do the same without one), after saying what homework still asks.
fn walk_through(
    ctx: &mut Ctx,
    kind: session::Kind,
    instead: &'static str,
    flow: impl FnOnce(&mut Wizard) -> Result<Outcome>,
) -> Result<()> {
    let mut ask = terminal(kind.command, instead, ctx)?;
    if let Some(reminder) = homework_reminder(ctx) {
        ctx.say(&reminder)?;
    }
    let start = session::Start {
        now: ctx.now,
        clock: crate::read_clock,
        today: ctx.today,
        zone: ctx.zone.clone(),
        note: ctx.note.clone(),
        // Where she is, offered first at "Which country are you in?": her
        // time zone's country, then her locale's (a Ukrainian locale in
        // Europe/Berlin is someone in Germany).
        locale_country: ctx.where_she_is(),
        style: crate::render::Style {
            width: crate::prompt::Prompter::width(&ask),
            ..ctx.style
        },
    };
    session::run(&ctx.store, &mut ask, kind, start, flow)
}

/// The store keeps a walk-through's draft and the plan it becomes.
impl session::Keeper for crate::store::Store {
    fn place(&self) -> &std::path::Path {
        self.dir()
    }

    fn hold_walk_through(&self, command: &str) -> Result<Box<dyn std::any::Any>> {
        Ok(Box::new(crate::store::Store::hold_walk_through(
            self, command,
        )?))
    }

    fn plan(&self) -> Result<Option<session::Current>> {
        match self.load() {
            Ok(loaded) => match loaded.newer_schema {
                Some(found) => Err(Error::NewerSchema {
                    path: loaded.path,
                    found,
                    readable: self.newest_readable_revision(),
                }),
                None => Ok(Some(session::Current {
                    plan: loaded.plan,
                    warnings: loaded.warnings,
                })),
            },
            Err(Error::NoPlan { .. }) => Ok(None),
            Err(e) => Err(e),
        }
    }

    fn base_of_draft(&self, revision: u64) -> Plan {
        crate::store::Store::base_of_draft(self, revision)
    }

    fn edited_since(&self, revision: u64, current: &Plan) -> bool {
        crate::store::Store::edited_since(self, revision, current)
    }

    fn load_draft(&self) -> Result<Option<crate::plan::draft::Draft>> {
        crate::store::Store::load_draft(self)
    }

    fn save_draft(&self, draft: &crate::plan::draft::Draft) -> Result<()> {
        crate::store::Store::save_draft(self, draft)
    }

    fn remove_draft(&self) -> Result<()> {
        crate::store::Store::remove_draft(self)
    }

    fn save_plan(
        &self,
        plan: Plan,
        base: u64,
        now: toml::value::Datetime,
        note: Option<String>,
        description: &str,
    ) -> Result<Option<u64>> {
        Ok(
            match self.save_draft_plan(plan, base, now, note, description)? {
                Saved::Unchanged(_) => None,
                Saved::Revision(plan) => Some(plan.revision),
            },
        )
    }
}

/// Says once that the plan folder, found open to others, was just made
/// hers alone: only `init` and `new` say it, where a plan folder is set up,
/// and only when it changed (an earlier try said it on every save).
fn say_if_made_private(ctx: &mut Ctx) -> Result<()> {
    if ctx.store.made_private() {
        ctx.say("Your plan folder was readable by others; it's now yours alone.")?;
    }
    Ok(())
}

/// A duration in minutes from the command line, checked.
fn minutes(value: f64, what: &str) -> Result<std::time::Duration> {
    if value.is_finite() && value > 0.0 && value <= 120.0 {
        Ok(std::time::Duration::from_secs_f64(value * 60.0))
    } else {
        Err(Error::Usage(format!(
            "{what} must be more than 0 and at most 120 minutes"
        )))
    }
}

/// A country code as stored: two upper-case letters, or `None` for "none".
/// "UK" is what many people type for the United Kingdom; its ISO code is GB.
fn country(value: &str) -> Option<String> {
    // Already a code or NONE: names were read once, in `setup`.
    let value = value.trim().to_ascii_uppercase();
    (value != "NONE").then_some(value)
}

/// Her own numbers, as the plan will hold them, for [`note_country`].
#[derive(Default)]
struct OwnKept<'a> {
    /// Her own emergency number (`set --emergency-number`).
    emergency: Option<&'a str>,
    /// Whether she has a crisis line of her own.
    line: bool,
}

/// Tells the person when their country has no checked crisis lines, so the
/// crisis view's "call your local emergency number" is no surprise; with
/// her own emergency number kept, says that it is what `now` will show
/// (Mulu, Addis Ababa: told "call your local emergency number" while `now`
/// said "call 907").
fn note_country(ctx: &mut Ctx, country: Option<&str>, own: &OwnKept) -> Result<()> {
    let Some(lines) = crate::crisis_lines::for_country(country).filter(|l| l.lines.is_empty())
    else {
        return Ok(());
    };
    let place = crate::plan::country::name(&lines.country).unwrap_or(&lines.country);
    let emergency = own.emergency.map(str::trim).filter(|n| !n.is_empty());
    // The commands on lines of their own, to copy whole.
    let text = match (emergency, own.line) {
        (None, _) => format!(
            "relapse-plan has no checked crisis lines for {place} yet, so `now` will say to call your local emergency number. If you know it, or a crisis line, keep it in your plan with:\n  relapse-plan set --emergency-number NUMBER\n  relapse-plan set --own-line NAME --call NUMBER"
        ),
        (Some(number), line) => {
            let number = crate::render::clean(number);
            let kept = format!(
                "relapse-plan has no checked crisis lines for {place} yet. Your own emergency number, {number}, is kept: `now` and your printouts show it, marked as your own note."
            );
            if line {
                kept
            } else {
                format!(
                    "{kept} If you know a crisis line, keep it in your plan with:\n  relapse-plan set --own-line NAME --call NUMBER"
                )
            }
        }
    };
    ctx.say(&text)
}

/// A date typed on the command line (`set --next-review`, `review --since`,
/// `homework assign --due`), read by the one grammar the walk-through reads
/// dates with ([`crate::plan::date::parse_typed`]: 2027-03-01, 1 March 2027,
/// 01/03/2027 in the order of `country`, else her time zone's or locale's). What it can't settle is said in the
/// same words, then `then`, given an example date ("write it like …").
fn typed_date(
    ctx: &Ctx,
    value: &str,
    country: Option<&str>,
    when: crate::plan::date::When,
    then: impl FnOnce(&str) -> String,
) -> Result<toml::value::Date> {
    use crate::plan::date;
    // Whose way of writing dates: the plan's country (1/3/2027 is 1 March
    // in New Zealand), else her time zone's, else her locale's, as the
    // walk-through reads them.
    let region = country.map(str::to_string).or_else(|| ctx.where_she_is());
    let order = date::DayOrder::of_region(region.as_deref());
    let read = date::parse_typed_in(value, order, region.as_deref(), ctx.today, when);
    match (
        read,
        date::why_not_a_date(&crate::render::clean(value.trim()), read),
    ) {
        (date::TypedDate::Date(day), _) => Ok(day),
        (_, why) => Err(Error::Usage(format!(
            "{}; {}",
            why.unwrap_or_default(),
            then(&date::example_for(order, region.as_deref(), value))
        ))),
    }
}

/// The plan's folder for a command shown for the person to run later to
/// save what was not saved to name ([`crate::render::rescue`]): `None`
/// for the default folder. Named even when `RELAPSE_PLAN_DIR` gave it, as
/// her answers must reach this plan from whatever shell she pastes into.
fn plan_dir<'c>(ctx: &'c Ctx) -> Option<&'c std::path::Path> {
    ctx.saving_folder()
}

/// Writes what a command made to its `-o` file: standard output for `-`,
/// straight through to a device or FIFO, atomically to a file; and says
/// `wrote` (given the path as shown) only when a file now holds it, since
/// a device keeps nothing to tell of.
fn write_to(
    ctx: &mut Ctx,
    path: &std::path::Path,
    bytes: &[u8],
    what: &str,
    wrote: impl FnOnce(&str) -> String,
) -> Result<()> {
    write_to_saying(ctx, (path, bytes), what, wrote, Folder::Named)
}

/// Whether the commands said after a write name this plan's folder.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Folder {
    /// As every message does ([`Ctx::say`]).
    Named,
    /// Not: they are for someone else's plan ([`Ctx::say_as_is`]).
    Theirs,
}

/// [`write_to`], naming this plan's folder in what it says or not.
fn write_to_saying(
    ctx: &mut Ctx,
    (path, bytes): (&std::path::Path, &[u8]),
    what: &str,
    wrote: impl FnOnce(&str) -> String,
    folder: Folder,
) -> Result<()> {
    if crate::store::is_stdout(path) {
        return ctx.out.write_all(bytes).map_err(Error::Stdout);
    }
    let shown = path.display().to_string();
    // A device or a pipe keeps nothing to look after, but the person is
    // still told where it went: silence reads as nothing having happened.
    let words = match crate::store::write_output(ctx.store.dir(), path, bytes)? {
        crate::store::Output::File => wrote(&shown),
        crate::store::Output::Device => crate::render::wrote_to_device(what, &shown),
        crate::store::Output::Pipe => crate::render::wrote_to_pipe(what, &shown),
    };
    match folder {
        Folder::Named => ctx.say(&words),
        Folder::Theirs => ctx.say_as_is(&words),
    }
}

/// `text` as typed or pasted on the command line, without what acts on a
/// terminal or does not show (as `--note` is kept): shared by the
/// commands that keep free words (`check-in --other-sign`, `rehearse
/// --response`), as no command imports another.
fn without_escapes(text: &str) -> String {
    match crate::plan::hidden::tidy_note(text) {
        Some(crate::plan::hidden::Tidied::Note(kept)) => kept,
        _ => text.to_string(),
    }
}

/// Words typed or pasted for the plan (a crisis step, a warning sign, a
/// coping step), without what acts on a terminal or does not show, as
/// `contact add` keeps a number: a right-to-left override around a phone
/// number, or a zero-width space inside it, makes it read one way and dial
/// another. Returns what to say after the save, naming what was taken out
/// (`what`: "crisis step"); words that would be left empty are kept as
/// typed, for the usual refusal.
fn tidy_text(what: &str, text: &mut String) -> Option<String> {
    let Some(crate::plan::hidden::Tidied::Note(kept)) = crate::plan::hidden::tidy_note(text) else {
        return None;
    };
    if kept.is_empty() {
        return None;
    }
    let said = crate::render::tidied_text_words(what, text, &kept);
    *text = kept;
    Some(said)
}

/// Checks a `-o` file before any work is done ([`crate::store::check_output`]:
/// never the plan's folder, never a folder), and never writes over a file
/// that is already there unasked: on a terminal the person is asked, and
/// without one `--force` says so. `-`, a device and a FIFO pass.
fn check_output(ctx: &Ctx, path: &std::path::Path, force: bool) -> Result<()> {
    if crate::store::is_stdout(path) {
        return Ok(());
    }
    crate::store::check_output(ctx.store.dir(), path)?;
    if force || !crate::store::is_existing_file(path) {
        return Ok(());
    }
    let shown = crate::render::clean(&path.display().to_string());
    if let Some(mut ask) = Terminal::open(ctx.style.plain, &ctx.term_env) {
        // Asked before anything is written or changed: Ctrl-C here says
        // so, not "everything you typed is kept" (Dr Lin).
        let asked = ask
            .confirm(
                &format!("`{shown}` is already there. Write over it?"),
                false,
            )
            .map_err(|error| match error {
                Error::Cancelled => {
                    Error::Stopped("Stopped. Nothing was written or changed.".into())
                }
                error => error,
            });
        return if asked? { Ok(()) } else { Err(Error::Declined) };
    }
    Err(Error::OutputExists {
        path: path.to_path_buf(),
    })
}

/// File kinds an `-o` name's extension says, as people know them.
const KINDS: [(&str, &str); 19] = [
    ("toml", "TOML"),
    ("json", "JSON"),
    ("ics", "iCalendar"),
    ("vcf", "vCard"),
    ("vcard", "vCard"),
    ("csv", "CSV"),
    ("pdf", "PDF"),
    ("png", "PNG"),
    ("html", "HTML"),
    ("htm", "HTML"),
    ("md", "Markdown"),
    ("markdown", "Markdown"),
    ("txt", "text"),
    ("text", "text"),
    ("svg", "SVG"),
    ("jpg", "JPEG"),
    ("jpeg", "JPEG"),
    ("xml", "XML"),
    ("yaml", "YAML"),
];

/// Refuses an `-o` name whose extension says another kind of file than
/// the one written (`homework submit -o hand-in.json` wrote TOML into a
/// .json file: handin17), before any work is done. `fits`: the
/// extensions of what is written, the first one suggested; `what`: what
/// it is, in words ("a hand-in"). An extension no one knows, or none,
/// passes: `hand-in.sam` is a name, not a kind.
fn check_kind(path: &std::path::Path, fits: &[&str], what: &str) -> Result<()> {
    if crate::store::is_stdout(path) {
        return Ok(());
    }
    let Some(ext) = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
    else {
        return Ok(());
    };
    let kind = |ext: &str| KINDS.iter().find(|(e, _)| *e == ext).map(|(_, k)| *k);
    let fit = fits.first().copied().unwrap_or("txt");
    // A .txt name fits anything written as text (TOML, iCalendar, vCard,
    // Markdown, HTML): only a PDF or an image is no text.
    let text = matches!(ext.as_str(), "txt" | "text") && !matches!(fit, "pdf" | "png");
    let (Some(says), false) = (kind(&ext), fits.contains(&ext.as_str()) || text) else {
        return Ok(());
    };
    let written = kind(fit).unwrap_or("text");
    let shown = crate::render::clean(&path.display().to_string());
    let stem = path
        .file_stem()
        .map_or_else(|| "file".into(), |s| s.to_string_lossy().into_owned());
    let like = crate::render::clean(&format!("{stem}.{fit}"));
    Err(Error::Usage(format!(
        "`{shown}` ends in .{ext}, which says {says}, but {what} is written as {written}: give a name ending .{fit}, like `{like}`. Nothing was written."
    )))
}

/// [`check_kind`], then [`check_output`]: `kind` is the extensions that
/// fit what is written and what it is, in words.
fn check_output_as(
    ctx: &Ctx,
    path: &std::path::Path,
    force: bool,
    (fits, what): (&[&str], &str),
) -> Result<()> {
    // Where it goes first (never the plan's folder, never a folder): that
    // is said whatever the name's ending.
    if !crate::store::is_stdout(path) {
        crate::store::check_output(ctx.store.dir(), path)?;
    }
    check_kind(path, fits, what)?;
    check_output(ctx, path, force)
}

/// The stored id the person means by `typed`: as stored, or as it is
/// shown (see [`same`]), or as she sees it: the number a list shows it
/// with, its words, or the first words of just one. What they typed when
/// none matches, so the edit names it as not found, with what there is;
/// first words of several are refused, naming each with its number.
fn stored<E: crate::plan::edit::Entity>(plan: &Plan, typed: &str) -> Result<String> {
    use crate::plan::edit::{Entity, Named};
    let ids = || E::list(plan).iter().map(Entity::id);
    // A number is also a place in the list: that and an id of "3" are
    // weighed together by `named`.
    let a_number = crate::plan::typed::fold(typed.trim())
        .parse::<usize>()
        .is_ok();
    if let Some(id) = ids()
        .find(|id| *id == typed)
        .or_else(|| ids().find(|id| same(id, typed)))
        .filter(|_| !a_number)
    {
        return Ok(id.to_string());
    }
    match plan.named::<E>(typed) {
        Named::One(entry) => Ok(entry.id().to_string()),
        Named::Nothing => Ok(typed.to_string()),
        Named::Several(matches) => Err(Error::SeveralNamed {
            what: E::KIND.noun(),
            typed: crate::render::clean(typed),
            matches: matches
                .iter()
                .map(|(n, e)| format!("{n}. {}", crate::render::quoted(e.words())))
                .collect(),
        }),
    }
}

/// Whether what the person typed names `stored`: as stored (its accents
/// typed composed or not, see [`crate::plan::same::same_text`]), or as it
/// is shown. A hand-edited control character is shown written out
/// (`al\u{1b}ex`), and typing what is shown must reach it, or no command
/// could mend or remove it.
fn same(stored: &str, typed: &str) -> bool {
    use crate::plan::same::same_text;
    same_text(stored, typed)
        || (stored != crate::render::clean(stored)
            && same_text(&crate::render::clean(stored), typed))
}

/// Adds `values` to `list`, skipping ones already there.
fn add_unique(list: &mut Vec<String>, values: &[String]) {
    for value in values {
        if !list.contains(value) {
            list.push(value.clone());
        }
    }
}

/// Removes each of `values` from `list`; naming any that were not there.
fn remove_values(list: &mut Vec<String>, values: &[String], what: &str, owner: &str) -> Result<()> {
    for value in values {
        let before = list.len();
        list.retain(|v| !same(v, value));
        if list.len() == before {
            return Err(Error::NotInPlan(format!("{owner} has no {what} “{value}”")));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::error::Error;
    use crate::plan::Plan;
    use crate::store::Store;
    use crate::wizard::session::Keeper;

    /// What a walk-through is told by the store: no plan yet, then the plan
    /// and the revision it saves, and a plan from a newer relapse-plan is
    /// refused rather than walked through and half-lost.
    #[test]
    fn the_store_keeps_a_walk_throughs_plan() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_dir(dir.path().join("plan"));
        let now: toml::value::Datetime = "2026-11-22T10:15:00Z".parse().unwrap();
        assert!(Keeper::plan(&store).unwrap().is_none());
        let plan = Plan::new("Ana".into(), None);
        let saved = store.save_plan(plan.clone(), 0, now, None, "built");
        assert_eq!(saved.unwrap(), Some(1));
        assert_eq!(store.save_plan(plan, 1, now, None, "built").unwrap(), None);
        let current = Keeper::plan(&store).unwrap().unwrap();
        assert_eq!(
            (current.plan.name.as_str(), current.plan.revision),
            ("Ana", 1)
        );
        crate::store::write_atomic(&store.plan_path(), b"schema_version = 5\nrevision = 1\n")
            .unwrap();
        assert!(matches!(
            Keeper::plan(&store),
            Err(Error::NewerSchema { found: 5, .. })
        ));
    }
}
