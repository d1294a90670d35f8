//! `check-in`: the one-minute daily check-in, asked on the terminal or given
//! with flags, recorded for the person's local day in check-ins.toml; then a
//! kind reply, the lapse plan after a lapse, and the early warning if the
//! person's own signs are rising. `--ics` writes a daily reminder.

use toml::value::Date;

use crate::cli::{CheckInArgs, Switch};
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::plan::checkin::{Acted, Answers, CheckIn, CheckInLog, Recorded, Stretch, stretch};
use crate::plan::date::{days_from_civil, unix_seconds};
use crate::plan::early_warning::{MAX_LOOK_BACK, assess};
use crate::plan::edit::{EditError, Entry};
use crate::plan::{Plan, TextItem, same};
use crate::prompt::{Prompter, Terminal};
use crate::render::checkin::{write_reply, write_warning};
use crate::wizard::checkin::{Asked, SoFar, ask};

/// What Ctrl-C says in a check-in: what was kept (an earlier check-in
/// today stays in the log, so "nothing was saved" would be untrue then) and,
/// once she has answered something, the command that saves it (and, when
/// she stopped before saying whether she acted on an urge, how to say so).
fn stopped_words(earlier: usize, command: Option<(&str, bool)>, when: &str) -> String {
    // After midnight, a check-in for the night before is about that day,
    // not "today" (Layla, Noa, Trudy: "the one you saved earlier today"
    // was Sunday's, said at 01:10 on Monday).
    let day = when.strip_prefix("on ").unwrap_or(when);
    let earlier_that_day = if when == "today" {
        "earlier today".to_string()
    } else {
        format!("for {day}")
    };
    let kept = match earlier {
        0 => format!("Stopped. Nothing was saved for {day}"),
        1 => format!(
            "Stopped. This check-in was not saved; the one you saved {earlier_that_day} is kept"
        ),
        _ => format!(
            "Stopped. This check-in was not saved; the ones you saved {earlier_that_day} are kept"
        ),
    };
    match command {
        // One line, never wrapped, so it copies whole.
        Some((command, true)) => format!(
            "{kept}. To save what you answered:\n  {}",
            crate::render::clean(command)
        ),
        Some((command, false)) => format!(
            "{kept}. To save what you answered (add --acted partly or --acted yes if you acted on an urge {when}):\n  {}",
            crate::render::clean(command)
        ),
        None if earlier == 0 => {
            format!("{kept}: run `relapse-plan check-in` again when you are ready.")
        }
        None => format!("{kept}. Run `relapse-plan check-in` again when you are ready."),
    }
}

/// One check-in from first question to saved reply, in the order it happens.
pub(super) fn run(args: &CheckInArgs, ctx: &mut Ctx) -> Result<()> {
    if args.ics {
        return reminder(args, ctx.today, ctx);
    }
    // `--note` is the check-in's own line, never a revision's change note:
    // without a check-in to hold it, refuse before saving anything.
    if args.count_days.is_some() && args.urge.is_none() && ctx.note.is_some() {
        return Err(Error::Usage(
            "--note is the line in your own words for today's check-in, so it needs one: add --urge N to check in and change the count together, or leave --note out".into(),
        ));
    }
    let plan = plan_to_check_in_with(ctx)?;
    // The day the clock says it is, for the reply's words: a check-in
    // `--date`d a year back says its year.
    let clock_today = days_from_civil(ctx.today);
    if let (Some(from), Some(to)) = (args.move_from.as_deref(), args.to.as_deref()) {
        return move_check_in(from, to, &plan, ctx);
    }
    if let Some(day) = args.date.as_deref() {
        on_the_day(day, &plan, ctx)?;
    } else if args.urge.is_some() || args.count_days.is_none() {
        with_the_last_if_the_clock_went_back(ctx)?;
    }
    let today = ctx.today;
    tidy_note(ctx)?;
    say_other_signs(args, ctx)?;
    let (asked, mut not_saved): (Asked, Vec<Error>) = match args.urge {
        Some(urge) => from_flags(args, urge, &plan, ctx.note.clone()),
        None if args.count_days.is_some() => {
            return count_days(args.count_days == Some(Switch::On), ctx).map(|_| ());
        }
        None => (walk_through(&plan, today, ctx)?, Vec::new()),
    };
    // A word that is not in the plan refuses the whole check-in, so a
    // script can fix it and run it again; after a lapse, though, what could
    // be kept is kept and the lapse plan is shown, with what was left out.
    if !asked.answers.acted.is_lapse() && !not_saved.is_empty() {
        return Err(not_saved.swap_remove(0));
    }
    // The plan as saved with the new setting, not loaded again.
    let plan = match args.count_days {
        Some(setting) => count_days(setting == Switch::On, ctx)?,
        None => plan,
    };
    if let Some((sign, true)) = &asked.new_sign {
        add_sign(sign, ctx)?;
    }
    let typed = args.urge.is_none();
    let night = late_night(ctx).filter(|_| !typed && args.date.is_none());
    let (recorded, entry, stretch, recent) = save(ctx, &asked.answers, &plan, typed)?;
    if let Some(night) = night {
        say_the_night_before(night, ctx)?;
    }
    let Some(entry) = entry else {
        return Ok(());
    };
    reply(
        (ctx, clock_today),
        &plan,
        &asked,
        (recorded, &entry, stretch, &recent),
    )?;
    if not_saved.is_empty() {
        Ok(())
    } else {
        let left_out: Vec<String> = not_saved.iter().map(ToString::to_string).collect();
        Err(Error::PartlySaved { left_out })
    }
}

/// The plan a check-in answers with. A check-in writes only the check-in
/// log, so a plan file that can't be read just now (a hand edit, a key this
/// version does not know) never stops it: like `now`, it uses the last
/// saved plan that reads, and leaves the file as it is. And it needs no
/// plan at all: urge and distress are worth noting anyway.
fn plan_to_check_in_with(ctx: &mut Ctx) -> Result<Plan> {
    Ok(match ctx.store.load_for_crisis() {
        Ok(Some(loaded)) => {
            ctx.warn_loaded(&loaded)?;
            loaded.plan
        }
        Ok(None) => Plan::new(String::new(), None),
        Err(error) => {
            ctx.warn(&error.to_string())?;
            Plan::new(String::new(), None)
        }
    })
}

/// A warning sign in her words she chose to add to the plan: added, or
/// said why not with the one command that adds it later. The check-in is
/// kept either way.
fn add_sign(sign: &str, ctx: &mut Ctx) -> Result<()> {
    // The check-in is kept even when the plan can't take the sign now.
    let now = ctx.saving_now();
    match ctx.store.update(now, None, |plan| {
        plan.warning_signs.push(TextItem::new(sign));
        Ok(format!("added warning sign “{sign}”"))
    }) {
        Ok(_) => ctx.say(&format!("Added “{sign}” to your plan's warning signs."))?,
        // Said once, for the sign alone: what happens to the check-in
        // is said when it is saved (or not).
        Err(error) => {
            ctx.say(&format!(
                "“{sign}” was not added to your plan's warning signs: {error}. To add it once that is put right, run:"
            ))?;
            // One line, never wrapped, so it copies whole.
            let command = crate::render::rescue::warning_sign(sign, super::plan_dir(ctx));
            writeln!(ctx.err, "  {}", crate::render::clean(&command)).map_err(Error::Stderr)?;
        }
    }
    Ok(())
}

/// The reply to a saved check-in: what was noted, and her plan where the
/// urge or the early warning calls for it, each block laid out for the
/// window as it is when it is printed. (`clock_today`: the day the clock
/// says, before any `--date`: a check-in filed a year back says its year.)
fn reply(
    (ctx, clock_today): (&mut Ctx, i64),
    plan: &Plan,
    asked: &Asked,
    (recorded, entry, stretch, recent): (Recorded, &CheckIn, Option<Stretch>, &CheckInLog),
) -> Result<()> {
    let today = ctx.today;
    let lapse_plan_shown = asked.lapse_plan_shown;
    let shown_stretch = stretch.filter(|_| plan.check_in.count_days);
    // Each block is laid out for the window as it is when it is printed:
    // one made narrower during the questions cut words and phone numbers.
    let style = ctx.style_now();
    let mut shown = Vec::new();
    write_reply(
        &mut shown,
        plan,
        entry,
        (recorded, &asked.answers),
        shown_stretch,
        lapse_plan_shown,
        (style, clock_today),
    )
    .map_err(Error::Stdout)?;
    let lines = ctx.crisis_lines(plan.country.as_deref());
    if let Some(warning) = assess(plan.early_warning, &recent.entries, days_from_civil(today)) {
        shown.push(b'\n');
        let style = ctx.style_now();
        write_warning(&mut shown, plan, &warning, lines.as_ref(), true, style)
            .map_err(Error::Stdout)?;
    } else if asked.answers.urge >= plan.early_warning.urge {
        // A strong urge now is answered with her plan, not only "saved".
        let style = ctx.style_now();
        crate::render::checkin::write_strong_urge(
            &mut shown,
            plan,
            asked.answers.urge,
            lines.as_ref(),
            style,
        )
        .map_err(Error::Stdout)?;
    }
    ctx.laid_out(&shown)
}

/// `--date`: the check-in is for that day (today or one gone by, in the
/// last year), read as `set` reads dates; "28 Nov" is the one just past,
/// never the next.
fn on_the_day(typed: &str, plan: &Plan, ctx: &mut Ctx) -> Result<()> {
    ctx.today = day_gone_by(typed, plan, ctx)?;
    Ok(())
}

/// How far back a check-in can be filed: a year. Her trends, stretch and
/// early warning are about how she is now, and a day further back is far
/// more likely a slip of the keys (Trudy's 1900-01-01 was saved as "Mon 1
/// Jan") than a day remembered well enough to rate.
const DAYS_BACK: i64 = 366;

/// A day typed for a check-in (`--date`, `--move … --to`): today or a
/// day gone by in the last year ([`DAYS_BACK`]), read as `set` reads
/// dates; "28 Nov" is the one just past, never the next.
fn day_gone_by(typed: &str, plan: &Plan, ctx: &Ctx) -> Result<Date> {
    use crate::plan::date;
    let day = super::typed_date(
        ctx,
        typed,
        plan.country.as_deref(),
        date::When::Past,
        |example| format!("write the day it is for like {example}"),
    )?;
    let day = date::in_the_past(day, typed, ctx.today);
    let (n, today) = (days_from_civil(day), days_from_civil(ctx.today));
    if n > today {
        return Err(Error::Usage(format!(
            "a check-in is for today or a day gone by, and {} is still to come (today is {})",
            date::long_date(day),
            date::long_date(ctx.today)
        )));
    }
    if today - n > DAYS_BACK {
        return Err(Error::Usage(format!(
            "{} is more than a year ago: a check-in is for today or a day in the past year, so your trends and early warning stay about how you are now (today is {}). If you meant another day, write it like {}",
            date::long_date(day),
            date::long_date(ctx.today),
            ctx.today
        )));
    }
    Ok(day)
}

/// `--move FROM --to DAY`: a check-in filed on the wrong day (saved while
/// the clock was ahead) goes to the day it was for, joined to that day's
/// check-in if there is one; nothing is removed.
fn move_check_in(from: &str, to: &str, plan: &Plan, ctx: &mut Ctx) -> Result<()> {
    use crate::plan::date;
    if ctx.note.is_some() {
        return Err(Error::Usage(
            "--note is a line for a check-in, and --move only moves one: leave --note out, or check in with --urge N to add it".into(),
        ));
    }
    let from_day = super::typed_date(
        ctx,
        from,
        plan.country.as_deref(),
        date::When::Past,
        |example| format!("write the day of the check-in to move like {example}"),
    )?;
    let to_day = day_gone_by(to, plan, ctx)?;
    let moved = ctx
        .store
        .update_check_ins(|log| log.move_day(from_day, to_day))?;
    let (from_words, to_words) = (date::long_date(from_day), date::long_date(to_day));
    match moved {
        None => Err(Error::NotInPlan(format!(
            "there is no check-in on {from_words} to move; `relapse-plan trends` shows the days you checked in"
        ))),
        // The same day given twice: nothing moved, and she is told so
        // ("it joins the check-in you saved that day" was said, Trudy).
        Some(_) if from_day == to_day => ctx.say(&format!(
            "Your check-in of {from_words} is already on that day, so nothing was moved."
        )),
        Some(Recorded::New) => ctx.say(&format!(
            "Moved your check-in of {from_words} to {to_words}."
        )),
        Some(Recorded::Updated) => ctx.say(&format!(
            "Moved your check-in of {from_words} to {to_words}: it joins the check-in you saved that day, and everything both said is kept."
        )),
    }
}

/// Before anything is asked, when the log holds check-ins dated after
/// today. A clock that can be right ([`date::clock_can_be_right`]) files
/// this check-in on today, as it says: a later entry came from a clock
/// that was ahead (Trudy saved one a year ahead, and every check-in after
/// it went into that day, so trends and the early warning never saw her
/// lapse); she is told which entry is in the future, with its year, and
/// how to move it. A clock that can't be right (1970 after a flat
/// battery) files her answers with the last check-in's day, the latest
/// day known, so nothing she says is lost (issue 12). A day behind is no
/// sign of either: a flight west across the date line makes "today" the
/// day before, and that check-in belongs there.
fn with_the_last_if_the_clock_went_back(ctx: &mut Ctx) -> Result<()> {
    use crate::plan::date;
    // The quick-view copy holds the latest days; a log that can't be read
    // is said when the check-in is saved, not here.
    let Ok(recent) = ctx.store.load_recent_check_ins() else {
        return Ok(());
    };
    let today = days_from_civil(ctx.today);
    let ahead: Vec<&CheckIn> = recent
        .entries
        .iter()
        .filter(|e| e.day.date.is_some() && e.day_number() > today + 1)
        .collect();
    let Some(last) = ahead.iter().max_by_key(|e| e.day_number()) else {
        return Ok(());
    };
    let Some(day) = last.day.date else {
        return Ok(());
    };
    if date::clock_can_be_right(ctx.today) {
        let words = future_check_ins(&ahead, ctx.today);
        return ctx.say(&words);
    }
    ctx.say(&format!(
        "Your computer's clock seems to have gone back: it says today is {}, before your last check-in ({}). This check-in is saved with that day's, so nothing is lost; setting your computer's date and time puts the clock right.",
        date::long_date(ctx.today),
        date::long_date(day),
    ))?;
    let at = last.times.iter().max_by_key(|t| unix_seconds(t)).copied();
    ctx.today = day;
    ctx.now = date::dated_after(at.as_ref(), ctx.now);
    Ok(())
}

/// What is said about check-ins dated after today, when the clock can be
/// right: each by its day with the year, that today's goes on today, and
/// the command that moves one to the day it was for (nothing is removed:
/// a moved check-in joins whatever that day holds).
fn future_check_ins(ahead: &[&CheckIn], today: Date) -> String {
    use crate::plan::date;
    let days: Vec<String> = ahead
        .iter()
        .filter_map(|e| e.day.date.map(date::long_date))
        .collect();
    let first = ahead
        .first()
        .and_then(|e| e.day.date)
        .map(|d| d.to_string())
        .unwrap_or_default();
    let (these, when) = match days.as_slice() {
        [one] => (
            format!("An earlier check-in is dated {one}, a day still to come"),
            "it was saved",
        ),
        _ => (
            format!(
                "{} earlier check-ins are dated in days still to come ({})",
                days.len(),
                days.join(", ")
            ),
            "they were saved",
        ),
    };
    let each = if days.len() == 1 { "it" } else { "each" };
    format!(
        "{these}: your computer's clock was probably ahead when {when}. This check-in is for today, {}, as the clock says now. To move {each} to the day it was for, run `relapse-plan check-in --move {first} --to {}` with that day (it joins that day's check-in, if there is one, so nothing is lost).",
        date::long_date(today),
        today
    )
}

/// What saving a check-in gives back: how it was recorded, today's entry,
/// the stretch of days and the recent check-ins.
type SavedCheckIn = (Recorded, Option<CheckIn>, Option<Stretch>, CheckInLog);

/// Saves today's answers. Answers `typed` on the terminal exist nowhere
/// else until saved: from here on, Ctrl-C (say, while waiting for another
/// relapse-plan) and a save that can't happen show them as the command that
/// saves them, and a wait that runs out asks to try again.
fn save(ctx: &mut Ctx, answers: &Answers, plan: &Plan, typed: bool) -> Result<SavedCheckIn> {
    let (today, now) = (ctx.today, ctx.saving_now());
    let typed = typed
        .then(|| crate::render::rescue::check_in(answers, true, today, plan, super::plan_dir(ctx)));
    if let Some(command) = &typed {
        // The command stays one line, never wrapped, so it copies whole.
        let words = format!(
            "Stopped. Today's check-in was not saved. To save it as you answered:\n  {}",
            crate::render::clean(command)
        );
        crate::prompt::on_ctrl_c(crate::prompt::CtrlC::Say(words.into()));
    }
    loop {
        let answers = answers.clone();
        let saved = ctx.store.update_check_ins_or_wait(|log| {
            let recorded = log.record(today, now, answers);
            let entry = log.on(today).cloned();
            (
                recorded,
                entry,
                stretch(log, today),
                log.recent(usize::from(MAX_LOOK_BACK)),
            )
        });
        match (saved, &typed) {
            (Err(error @ Error::LockTimeout { .. }), Some(command)) => {
                if try_again(ctx)? {
                    continue;
                }
                ctx.say("Today's check-in was not saved: another relapse-plan kept your plan folder busy. To save it as you answered, once that one is done:")?;
                // One line, never wrapped, so it copies whole.
                writeln!(ctx.err, "  {}", crate::render::clean(command)).map_err(Error::Stderr)?;
                return Err(error);
            }
            (Err(Error::Write { path, source }), Some(command)) => {
                ctx.say(if crate::error::file_size_limit(&source) {
                    "Today's check-in was not saved: a limit on file sizes (`ulimit -f`) was reached. To save it as you answered, raise the limit, then run:"
                } else if crate::error::disk_full(&source) {
                    "Today's check-in was not saved: the disk is full. To save it as you answered, free some space, then run:"
                } else {
                    "Today's check-in was not saved. To save it as you answered, once what is said below is put right, run:"
                })?;
                // One line, never wrapped, so it copies whole.
                writeln!(ctx.err, "  {}", crate::render::clean(command)).map_err(Error::Stderr)?;
                return Err(Error::Write { path, source });
            }
            (Ok((saved, None)), _) => return Ok(saved),
            (Ok((saved, Some(why))), _) => {
                waiting(&why, ctx)?;
                return Ok(saved);
            }
            (Err(error), _) => return Err(error),
        }
    }
}

/// Said when the check-in was kept in the waiting file because the log
/// can't take it as it is: that it is saved, where, why, and what brings
/// it into the log. Her hand-edited log is never written over.
fn waiting(why: &Error, ctx: &mut Ctx) -> Result<()> {
    let waiting = ctx.store.waiting_check_ins_path();
    ctx.say(&format!(
        "Your check-in is saved, in `{}`, beside your check-in log, which was left as it is: {why}. Once that is put right, your next check-in brings this one into the log.",
        crate::render::clean(&waiting.display().to_string())
    ))
}

/// Whether to try the save again, asked on the terminal after another
/// relapse-plan held the plan folder too long (yes is the default: the
/// answers are still here). No terminal, Esc or an error mean no.
fn try_again(ctx: &mut Ctx) -> Result<bool> {
    let Some(mut terminal) = Terminal::open(ctx.style.plain, &ctx.term_env) else {
        return Ok(false);
    };
    ctx.say("Your check-in could not be saved yet: another relapse-plan (another window, a script) is still busy with your plan folder.")?;
    Ok(terminal
        .confirm("Try saving it again now?", true)
        .unwrap_or(false))
}

/// After a mistake on the command line that clap refuses before any
/// command runs (a misspelt flag, a number out of range), a check-in that
/// says `--acted yes` or `--acted partly` still brings up the lapse plan:
/// the person needs their own steps now, not after fixing a typo. `args`
/// are the words after the program's name; `store` opens the plan folder
/// the command line names (`--plan-dir`), if any. Returns what to show.
pub fn lapse_plan_after_a_mistake(
    args: &[String],
    store: impl FnOnce(Option<std::path::PathBuf>) -> Option<crate::store::Store>,
    width: usize,
) -> Option<String> {
    let value_of = |flag: &str| {
        args.iter().enumerate().find_map(|(i, a)| {
            if a == flag {
                args.get(i + 1).cloned()
            } else {
                a.strip_prefix(flag)
                    .and_then(|rest| rest.strip_prefix('='))
                    .map(str::to_string)
            }
        })
    };
    let acted = value_of("--acted")?.trim().to_lowercase();
    if !args.iter().any(|a| a == "check-in") || !(acted == "yes" || acted == "partly") {
        return None;
    }
    let plan = store(value_of("--plan-dir").map(std::path::PathBuf::from))
        .and_then(|s| s.load().ok())
        .map_or_else(|| Plan::new(String::new(), None), |l| l.plan);
    let mut shown = Vec::new();
    let style = crate::render::Style {
        color: false,
        plain: false,
        width,
    };
    crate::render::checkin::write_lapse_plan(&mut shown, &plan, style).ok()?;
    Some(format!(
        "{}\n{}",
        String::from_utf8_lossy(&shown).trim_end(),
        crate::render::wrap(
            "Today's check-in was not saved because of the mistake above: run it again with that fixed, whenever you are ready.",
            width,
            "",
            ""
        )
    ))
}

/// The check-in asked on the terminal.
fn walk_through(plan: &Plan, today: Date, ctx: &mut Ctx) -> Result<Asked> {
    // The command shown keeps every flag she gave (Trudy's --note was
    // dropped from it).
    let mut terminal = Terminal::open(ctx.style.plain, &ctx.term_env).ok_or_else(|| {
        let command = crate::render::rescue::check_in_example(ctx.note.as_deref());
        Error::NotATerminal {
            command: "check-in",
            instead: format!("`{command}` (see `relapse-plan check-in --help`)").into(),
        }
    })?;
    // The words for Ctrl-C are set once, after the day's log is read: only
    // then is it known whether "nothing was saved for today" is true.
    let mut so_far = SoFar::default();
    let today = match late_night(ctx) {
        Some(night) => which_night(&mut terminal, night, &mut so_far, ctx)?,
        None => today,
    };
    let log = ctx.store.load_recent_check_ins()?;
    let earlier = log.on(today);
    let count = earlier.map_or(0, |e| e.times.len());
    let when = crate::render::checkin::on_the_day(
        crate::plan::date::days_from_civil(today),
        crate::plan::date::days_from_civil(ctx.today),
    );
    crate::prompt::on_ctrl_c(crate::prompt::CtrlC::Say(
        stopped_words(count, None, &when).into(),
    ));
    match ask(
        &mut terminal,
        plan,
        earlier,
        log.until(today),
        ctx.note.as_deref(),
        &mut so_far,
    ) {
        // Stopped part-way: what she answered (and was typing) is shown as
        // the command that saves it, one line, so nothing typed is lost.
        Err(Error::Cancelled) => {
            // Stopped with a strong urge said: her plan first, as a
            // finished check-in would answer, then what was not saved.
            if let Some(urge) = so_far.urge.filter(|u| *u >= plan.early_warning.urge) {
                let lines = ctx.crisis_lines(plan.country.as_deref());
                let style = ctx.style_now();
                let mut shown = Vec::new();
                crate::render::checkin::write_strong_urge(
                    &mut shown,
                    plan,
                    urge,
                    lines.as_ref(),
                    style,
                )
                .map_err(Error::Stdout)?;
                ctx.laid_out(&shown)?;
            }
            // Anything answered (or half typed, or ticked on screen) is
            // in the command, with the day it is about.
            let acted_said = so_far.acted.is_some();
            let command = so_far.answers().map(|answers| {
                crate::render::rescue::check_in(
                    &answers,
                    acted_said,
                    today,
                    plan,
                    super::plan_dir(ctx),
                )
            });
            Err(Error::Stopped(
                stopped_words(count, command.as_deref().map(|c| (c, acted_said)), &when).into(),
            ))
        }
        other => other,
    }
}

/// Until this hour of the night a check-in may be about the evening
/// before: someone up late reports the night still going on.
const NIGHT_ENDS: i8 = 4;

/// The day before, when it is between midnight and [`NIGHT_ENDS`] on her
/// clock and the check-in is for the clock's own day (not one set by
/// `--date`, nor a clock gone back).
fn late_night(ctx: &Ctx) -> Option<Date> {
    let clock_day = crate::plan::date::local_date(&ctx.now, &ctx.zone)?;
    if clock_day != ctx.today {
        return None;
    }
    let at = jiff::Timestamp::from_second(unix_seconds(&ctx.now)?).ok()?;
    (at.to_zoned(ctx.zone.clone()).hour() < NIGHT_ENDS)
        .then(|| crate::plan::checkin::date_of(days_from_civil(ctx.today) - 1))
}

/// Asked once, between midnight and [`NIGHT_ENDS`]: which day this
/// check-in is for, tonight (the day before) or the clock's day (Niran and
/// Shirin, up late, were asked about "today" at 00:30 and their Monday was
/// saved as Tuesday). The cursor starts on neither, as the README promises
/// such questions do: started on tonight, one stray Enter filed it on
/// yesterday (Min-jun, issue 13); Enter or Esc there asks again. Returns
/// the day chosen, which `ctx.today` becomes, and the questions then name
/// it.
fn which_night(
    terminal: &mut Terminal,
    night: Date,
    so_far: &mut SoFar,
    ctx: &mut Ctx,
) -> Result<Date> {
    use crate::plan::date::weekday_and_date;
    crate::prompt::on_ctrl_c(crate::prompt::CtrlC::Say(
        stopped_words(0, None, "today").into(),
    ));
    let (tonight, clock_day) = (weekday_and_date(night), weekday_and_date(ctx.today));
    let choices = vec![format!("{tonight} (tonight)"), clock_day.clone()];
    let question = format!("Is this check-in for {tonight} (tonight) or {clock_day}?");
    // Stopped here, nothing was answered yet: said as the check-in says it.
    let why = format!(
        "Which day is this check-in for? Move to one with {}, then Enter.",
        crate::prompt::down_key(terminal.plain())
    );
    let chosen =
        terminal
            .select_needed(&question, &choices, &why)
            .map_err(|error| match error {
                Error::Cancelled => Error::Stopped(stopped_words(0, None, "today").into()),
                other => other,
            })?;
    if chosen == 1 {
        return Ok(ctx.today);
    }
    so_far.day = tonight.split_whitespace().next().map(str::to_string);
    ctx.today = night;
    Ok(night)
}

/// After a check-in with flags between midnight and [`NIGHT_ENDS`],
/// filed on the clock's day: that day in words, and how to file it on
/// `night`, the day before, if it was about the night still going on.
fn say_the_night_before(night: Date, ctx: &mut Ctx) -> Result<()> {
    use crate::plan::date::weekday_and_date;
    let (day, before) = (weekday_and_date(ctx.today), weekday_and_date(night));
    ctx.say(&format!(
        "It is after midnight, so this check-in is for {day}. If it was about {before} (tonight), `relapse-plan check-in --move {} --to {night}` files it there; `--date {night}` files a late-night check-in on the day before straight away.",
        ctx.today
    ))
}

/// Says how each `--other-sign` is kept, when not as typed: escapes left
/// out (treated as `--note` is), and one line.
fn say_other_signs(args: &CheckInArgs, ctx: &mut Ctx) -> Result<()> {
    for other in &args.other_sign {
        // Treated as --note is: what acts on a terminal is left out, said.
        if let Some(tidied) = crate::plan::hidden::tidy_note(other) {
            ctx.say(&crate::render::tidied_words_for("sign", &tidied))?;
        }
        let folded = own_sign(other);
        if folded != super::without_escapes(other).trim() {
            ctx.say(&format!(
                "A sign is one line, so --other-sign is kept as “{folded}”."
            ))?;
        }
    }
    Ok(())
}

/// An `--other-sign` as kept: without escapes, on one line.
fn own_sign(other: &str) -> String {
    crate::store::fold_note(super::without_escapes(other).trim())
}

/// `--note` as typed or pasted, by the rule typed names follow: what acts
/// on a terminal or does not show is left out, and said.
fn tidy_note(ctx: &mut Ctx) -> Result<()> {
    if let Some(tidied) = ctx.note.as_deref().and_then(crate::plan::hidden::tidy_note) {
        ctx.say(&crate::render::tidied_words(&tidied))?;
        if let crate::plan::hidden::Tidied::Note(kept) = tidied {
            ctx.note = Some(kept).filter(|k| !k.is_empty());
        }
    }
    Ok(())
}

/// The check-in from flags, each name matched to the plan's own words,
/// and an error for each word the plan does not hold (left out).
fn from_flags(
    args: &CheckInArgs,
    urge: u8,
    plan: &Plan,
    note: Option<String>,
) -> (Asked, Vec<Error>) {
    // Not given is not "no": what she did not say is not recorded as said.
    let acted = args.acted.unwrap_or(Acted::NotSaid);
    let mut not_saved = Vec::new();
    let signs_known: Vec<String> = plan.warning_signs.iter().map(|s| s.text.clone()).collect();
    let mut signs = matched(
        &args.sign,
        &signs_known,
        ("warning sign", "--sign"),
        "--other-sign \"…\" notes something the plan does not list",
        &mut not_saved,
    );
    for other in &args.other_sign {
        // One sign is one line (said in `run`), as the plan's signs are.
        let other = own_sign(other);
        // One of the plan's own, its accents typed the other way, is kept
        // in the plan's words, so the early warning counts it as that sign.
        let other = signs_known
            .iter()
            .chain(&signs)
            .find(|known| same::same_text(known, &other))
            .cloned()
            .unwrap_or(other);
        if !other.is_empty() && !signs.contains(&other) {
            signs.push(other);
        }
    }
    let maintenance: Vec<String> = plan.maintenance.iter().map(|m| m.text.clone()).collect();
    let did = matched(
        &args.did,
        &maintenance,
        ("daily maintenance item", "--did"),
        "`relapse-plan maintenance add \"…\"` adds one",
        &mut not_saved,
    );
    let mut used = Vec::new();
    for wanted in &args.used {
        // Its number in `coping list`, its name or first words, or its id:
        // the hint for a wrong one names the numbers.
        let id = super::stored::<crate::plan::Coping>(plan, wanted).unwrap_or_default();
        let found = plan.coping.iter().find(|c| c.id == id).or_else(|| {
            plan.coping
                .iter()
                .find(|c| same::words_key(&c.name) == same::words_key(wanted))
        });
        match found {
            Some(found) if !used.contains(&found.id) => used.push(found.id.clone()),
            Some(_) => {}
            None => not_saved.push(EditError::not_found(Entry::Coping, Some(plan), wanted).into()),
        }
    }
    let asked = Asked {
        answers: Answers {
            urge,
            acted,
            signs,
            did,
            used,
            distress: args.distress,
            note: note.map(|n| n.trim().to_string()).filter(|n| !n.is_empty()),
        },
        new_sign: None,
        lapse_plan_shown: false,
    };
    (asked, not_saved)
}

/// Each wanted text as the plan words it: its words (any case), the
/// number her list shows it with, or a part of its words found in that
/// one alone, as trigger commands read them. One that names none, or
/// several, adds a sentence to `not_saved` listing what the plan holds,
/// each with its number, in her words.
fn matched(
    wanted: &[String],
    known: &[String],
    (what, flag): (&str, &str),
    hint: &str,
    not_saved: &mut Vec<Error>,
) -> Vec<String> {
    use crate::plan::checkin::{Named, named};
    let listed = |places: &mut dyn Iterator<Item = usize>| {
        places
            .map(|at| format!("{} “{}”", at + 1, crate::render::clean(&known[at])))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut out = Vec::new();
    for w in wanted {
        let shown = crate::render::clean(w.trim());
        let found = match named(known, w) {
            Named::One(at) => &known[at],
            Named::Several(places) => {
                not_saved.push(Error::NotInPlan(format!(
                    "“{shown}” is in more than one of your {what}s: {}; give its number (like {flag} {}) or more of its words",
                    listed(&mut places.iter().copied()),
                    places[0] + 1,
                )));
                continue;
            }
            Named::Nothing if known.is_empty() => {
                not_saved.push(Error::NotInPlan(format!(
                    "“{shown}” is not one of your {what}s (the plan has none yet); {hint}"
                )));
                continue;
            }
            Named::Nothing => {
                not_saved.push(Error::NotInPlan(format!(
                    "“{shown}” is not one of your {what}s, which are: {}; give a number (like {flag} 1) or some of its words; {hint}",
                    listed(&mut (0..known.len())),
                )));
                continue;
            }
        };
        if !out.contains(found) {
            out.push(found.clone());
        }
    }
    out
}

/// Turns the days-since-a-lapse count on or off (a plan setting). The
/// revision's note is always the tool's own: `--note` belongs to the
/// check-in.
fn count_days(on: bool, ctx: &mut Ctx) -> Result<Plan> {
    let now = ctx.saving_now();
    let saved = ctx.store.update(now, None, |plan| {
        plan.check_in.count_days = on;
        Ok(if on {
            "turned on the days-since-a-lapse count".to_string()
        } else {
            "turned off the days-since-a-lapse count".to_string()
        })
    })?;
    match &saved {
        crate::store::Saved::Unchanged(_) => ctx.say(if on {
            "The days-since-a-lapse count was already on."
        } else {
            "The days-since-a-lapse count was already off."
        })?,
        crate::store::Saved::Revision(_) => super::said(ctx, &saved)?,
    }
    Ok(match saved {
        crate::store::Saved::Unchanged(plan) | crate::store::Saved::Revision(plan) => plan,
    })
}

/// Writes the daily reminder as an iCalendar file.
fn reminder(args: &CheckInArgs, today: Date, ctx: &mut Ctx) -> Result<()> {
    let (hour, minute) = parse_time(args.at.as_deref().unwrap_or("20:00"))?;
    let text = crate::render::ics::daily_reminder(
        days_from_civil(today),
        hour,
        minute,
        ctx.now,
        &ctx.zone,
    );
    // `-` is standard output; any other path goes through the one writer
    // that refuses the plan's own folder (plan.toml, check-ins.toml and
    // the revisions are never an export's target).
    let Some(path) = args
        .output
        .as_deref()
        .filter(|p| !crate::store::is_stdout(p))
    else {
        write!(ctx.out, "{text}").map_err(Error::Stdout)?;
        return Ok(());
    };
    super::check_output_as(ctx, path, args.force, (&["ics"], "a calendar file"))?;
    super::write_to(
        ctx,
        path,
        text.as_bytes(),
        "the check-in reminder",
        |shown| {
            format!(
                "Wrote a daily check-in reminder at {hour:02}:{minute:02} to `{shown}`. Open it with your calendar app; nothing runs in the background."
            )
        },
    )
}

/// `20:30`, `8:05` or `0830` → (hour, minute).
fn parse_time(text: &str) -> Result<(u8, u8)> {
    // Any script's digits, and a full-width colon, read as typed.
    let folded = crate::plan::typed::fold(text);
    let t = folded.trim();
    let (h, m) = match t.split_once(':') {
        Some((h, m)) => (h, m),
        None if t.len() == 4 => t.split_at(2),
        None => (t, "0"),
    };
    match (h.parse::<u8>(), m.parse::<u8>()) {
        (Ok(h), Ok(m)) if h < 24 && m < 60 => Ok((h, m)),
        _ => Err(Error::Usage(format!(
            "`{text}` is not a time of day like 20:30"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::{parse_time, stopped_words};

    #[test]
    fn times_of_day() {
        assert_eq!(parse_time("20:30").unwrap(), (20, 30));
        assert_eq!(parse_time("8:05").unwrap(), (8, 5));
        assert_eq!(parse_time("0830").unwrap(), (8, 30));
        assert_eq!(parse_time("7").unwrap(), (7, 0));
        assert!(parse_time("24:00").is_err());
        assert!(parse_time("abc").is_err());
    }

    /// Ctrl-C at 01:10 on Monday in a check-in she said was for Sunday
    /// night named "today" (Layla, Noa, Trudy, round 9): it names Sunday.
    #[test]
    fn ctrl_c_names_the_day_the_check_in_is_for() {
        let said = stopped_words(
            1,
            Some(("relapse-plan check-in --urge 6", false)),
            "on Sunday",
        );
        assert!(
            said.starts_with(
                "Stopped. This check-in was not saved; the one you saved for Sunday is kept."
            ),
            "{said}"
        );
        assert!(said.contains("if you acted on an urge on Sunday"), "{said}");
        assert!(!said.contains("today"), "{said}");
        let said = stopped_words(0, None, "on Sunday");
        assert!(
            said.starts_with("Stopped. Nothing was saved for Sunday"),
            "{said}"
        );
        let said = stopped_words(2, None, "today");
        assert!(
            said.contains("the ones you saved earlier today are kept"),
            "{said}"
        );
    }
}
