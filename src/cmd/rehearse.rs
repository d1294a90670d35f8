//! `rehearse`: practise the planned response to a trigger; `--list` shows
//! what is due without asking anything.

use super::terminal;
use crate::cli::RehearseArgs;
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::plan::Trigger;
use crate::plan::rehearsal::{Recall, Rehearsal, agenda, schedule};
use crate::prompt::Prompter;
use crate::render::json::DueJson;
use crate::wizard::rehearse::rehearse;

pub(super) fn run(args: &RehearseArgs, ctx: &mut Ctx) -> Result<()> {
    let output = args
        .output
        .as_deref()
        .filter(|p| !crate::store::is_stdout(p));
    if let Some(path) = output.filter(|_| args.ics) {
        super::check_output_as(ctx, path, args.force, (&["ics"], "a calendar file"))?;
    }
    let plan = ctx.load()?.plan;
    let log = ctx.store.load_practice()?;
    let today = ctx.today_day();
    if args.list {
        return list(args, &plan, &log, today, ctx);
    }
    if args.ics {
        // Only what can be practised is scheduled; the rest is named, with
        // the command that plans a response, as `rehearse` names it.
        let (items, unplanned): (Vec<_>, Vec<_>) = agenda(&plan, &log, today, &ctx.zone)
            .into_iter()
            .partition(|(t, _)| t.has_response());
        if !unplanned.is_empty() {
            let names: Vec<String> = unplanned
                .iter()
                .map(|(t, _)| crate::render::quoted(&t.situation))
                .collect();
            ctx.say(&format!(
                "Not in the calendar: {} ({} no plan yet to practise). When you are ready, `relapse-plan map` helps you plan one.",
                crate::render::and_list(&names),
                if names.len() == 1 { "has" } else { "have" }
            ))?;
        }
        let text = crate::render::ics::calendar(&items, today, ctx.now, args.details);
        match output {
            Some(path) => {
                let count = crate::render::plural(items.len() as u64, "upcoming rehearsal");
                super::write_to(
                    ctx,
                    path,
                    text.as_bytes(),
                    "your rehearsal dates",
                    |shown| {
                        format!(
                            "Wrote {count} to `{shown}`. It holds private health information: keep it where only you can see it."
                        )
                    },
                )?;
            }
            None => write!(ctx.out, "{text}").map_err(Error::Stdout)?,
        }
        return Ok(());
    }
    if let Some(recalled) = args.recalled {
        return log_without_asking(args, recalled, &plan, ctx);
    }

    if let Some(reminder) = super::homework_reminder(ctx) {
        ctx.say(&reminder)?;
    }
    let mut ask = terminal(
        "rehearse",
        "`relapse-plan rehearse --list` shows what is due; practice itself needs a terminal",
        ctx,
    )?;
    // Ctrl-C stops this practice without logging it: said plainly, and
    // whatever was being typed stays on screen (the prompt leaves it).
    crate::prompt::on_ctrl_c(crate::prompt::CtrlC::Say(STOPPED.into()));
    match practise(&mut ask, &plan, &log, today, args, ctx) {
        Err(Error::Cancelled) => Err(Error::Stopped(
            if ask.take_unsent().is_some() {
                STOPPED_TYPED
            } else {
                STOPPED
            }
            .into(),
        )),
        other => other,
    }
}

/// What Ctrl-C in the middle of a practice says: it is not logged.
const STOPPED: &str = "Stopped. This practice was not logged; any you finished before it were. Run `relapse-plan rehearse` again when you are ready.";
const STOPPED_TYPED: &str = "Stopped. This practice was not logged; what you were typing is still on the screen above. Run `relapse-plan rehearse` again when you are ready.";

/// Practises the trigger asked for, or the ones due, one after another.
fn practise(
    ask: &mut crate::prompt::Terminal,
    plan: &crate::plan::Plan,
    log: &crate::plan::rehearsal::PracticeLog,
    today: i64,
    args: &RehearseArgs,
    ctx: &mut Ctx,
) -> Result<()> {
    let mut next = match &args.trigger {
        Some(typed) => {
            let id = super::stored::<Trigger>(plan, typed)?;
            plan.position::<Trigger>(&id)?;
            Some(id)
        }
        None => first_due(plan, log, today, &ctx.zone, ask)?,
    };
    while let Some(id) = next.take() {
        let last = schedule(&id, &ctx.store.load_practice()?, &ctx.zone).last_confidence;
        let Some(mut rehearsal) = rehearse(ask, plan, &id, last, ctx.now)? else {
            break;
        };
        // Dated when it is logged, not when the questions began.
        rehearsal.at = ctx.saving_now();
        let recalled = rehearsal.recalled;
        let again = crate::render::rescue::rehearse(&rehearsal, super::plan_dir(ctx));
        // Ctrl-C while the log waits for another relapse-plan: the answers
        // are shown to log later, as when the wait runs out.
        let words = format!(
            "Stopped. This rehearsal was not logged. To log it as you answered:\n  {}",
            crate::render::clean(&again)
        );
        crate::prompt::on_ctrl_c(crate::prompt::CtrlC::Say(words.into()));
        let logged = ctx.store.log_rehearsal(rehearsal);
        crate::prompt::on_ctrl_c(crate::prompt::CtrlC::Say(STOPPED.into()));
        if let Err(error) = logged {
            // What was typed exists nowhere else: never lost in silence.
            ctx.say("This rehearsal was not logged (why is below). Once that is put right, this logs it as you answered:")?;
            // One line, never wrapped, so it copies whole.
            writeln!(ctx.err, "  {}", crate::render::clean(&again)).map_err(Error::Stderr)?;
            return Err(error);
        }
        let log = ctx.store.load_practice()?;
        if let Some(date) = schedule(&id, &log, &ctx.zone).due_date() {
            // Praise only what is true: after "none of it", practising is what counts.
            let well = match recalled {
                Recall::None => "Thank you for practising; that is what counts.",
                Recall::Some | Recall::All => "Well done.",
            };
            let date = practice_day(&date, ctx.today, false);
            ask.show(&format!("{well} Next practice for this one: {date}."))?;
        }
        let upcoming = agenda(plan, &log, today, &ctx.zone)
            .into_iter()
            .find(|(t, due)| due.is_due(today) && t.id != id && t.has_response())
            .map(|(t, _)| (t.id.clone(), t.situation.clone()));
        if let Some((next_id, situation)) = upcoming {
            let choices = [
                // Whole: the menu wraps it to the terminal's real width.
                format!("Practise another: {}", crate::render::clean(&situation)),
                "Stop for now".to_string(),
            ];
            if ask.select("What next?", &choices, Some(0))? == Some(0) {
                next = Some(next_id);
            }
        } else {
            ask.show("Nothing else is due today.")?;
        }
    }
    Ok(())
}

/// When a trigger is next to be practised, in words from `today`
/// ([`crate::plan::date::day_to_act`]): "tomorrow, Tuesday 24 November",
/// "on Friday 4 December", the year only when it is not this one.
fn practice_day(date: &toml::value::Datetime, today: toml::value::Date, on: bool) -> String {
    date.date.map_or_else(
        || crate::plan::date::date_in_words(date),
        |day| crate::plan::date::day_to_act(day, today, on),
    )
}

/// `--list`: what is due and when.
fn list(
    args: &RehearseArgs,
    plan: &crate::plan::Plan,
    log: &crate::plan::rehearsal::PracticeLog,
    today: i64,
    ctx: &mut Ctx,
) -> Result<()> {
    let items = agenda(plan, log, today, &ctx.zone);
    if args.json {
        super::write_json(ctx, &DueJson::rows(&items, today))?;
    } else if items.is_empty() {
        ctx.tell("No triggers to practise yet: add one with `relapse-plan map` or `trigger add`.")?;
    } else {
        // Each trigger's number, looked up once, not searched for per line.
        let numbers: std::collections::HashMap<&str, usize> = plan
            .triggers
            .iter()
            .enumerate()
            .map(|(i, t)| (t.id.as_str(), i + 1))
            .collect();
        for (t, due) in &items {
            let when = match due.due_date() {
                _ if !t.has_response() => "no plan yet to practise".to_string(),
                _ if due.is_due(today) => "due now".to_string(),
                Some(date) => format!("next {}", practice_day(&date, ctx.today, true)),
                None => "due now".to_string(),
            };
            let times = match due.rehearsals {
                0 if !t.has_response() => String::new(),
                0 => "not practised yet".to_string(),
                n => format!("practised {}", crate::render::practice::times(n)),
            };
            // Her words, after the number `rehearse` takes for them (the
            // trigger's number in `trigger list`, the order she added them), never an id.
            let number = format!("{}. ", numbers.get(t.id.as_str()).copied().unwrap_or(0));
            let hang = " ".repeat(number.len());
            let situation = crate::render::wrap(
                &format!("{number}{}", t.situation),
                ctx.style.width,
                "",
                &hang,
            );
            let sep = crate::render::separator(ctx.style);
            // Wrapped under her words: a day in words ("next tomorrow,
            // Tuesday 24 November") is longer than its numbers were.
            let facts = if times.is_empty() {
                when
            } else {
                format!("{when}{sep}{times}")
            };
            let facts = crate::render::wrap(&facts, ctx.style.width, &hang, &hang);
            // Through the route every screen of her words takes: written
            // raw, a number in an Arabic situation lost the marks that
            // hold it left to right (it read reversed where `trigger list`
            // read it as typed).
            ctx.laid_out(format!("{situation}\n{facts}\n").as_bytes())?;
        }
        // What the numbers are for, so none is left on screen unexplained.
        let mut how = "To practise one, run `relapse-plan rehearse` and its number (or the first words of it); `relapse-plan rehearse` alone starts with what is due.".to_string();
        if items.iter().any(|(t, _)| !t.has_response()) {
            how.push_str(
                " `relapse-plan map` helps you plan what you will do for those with no plan yet.",
            );
        }
        // Listed what is due first, the numbers can run 2, 3, 1: say why.
        if items
            .iter()
            .enumerate()
            .any(|(i, (t, _))| numbers.get(t.id.as_str()) != Some(&(i + 1)))
        {
            how.push(' ');
            how.push_str(crate::render::tables::NUMBERS_STAY);
        }
        // Named with this plan's folder before it is wrapped, so the
        // lines are chosen for the words as they are shown.
        let how = crate::render::rescue::in_this_folder(&how, ctx.plan_dir());
        writeln!(
            ctx.out,
            "\n{}",
            crate::render::wrap(&how, ctx.style.width, "", "")
        )
        .map_err(Error::Stdout)?;
    }
    Ok(())
}

/// The command that logs `rehearsal` as one done away from the terminal.
/// `--recalled`: logs a rehearsal done away from the terminal.
fn log_without_asking(
    args: &RehearseArgs,
    recalled: Recall,
    plan: &crate::plan::Plan,
    ctx: &mut Ctx,
) -> Result<()> {
    let id = super::stored::<Trigger>(plan, args.trigger.as_deref().unwrap_or_default())?;
    plan.position::<Trigger>(&id)?;
    // Nothing planned, nothing rehearsed: said as `rehearse` says it, and
    // nothing logged (a score for a plan that is not there means nothing).
    if let Some(trigger) = plan.trigger(&id).filter(|t| !t.has_response()) {
        return ctx.say(&crate::wizard::rehearse::no_plan_yet(&trigger.situation));
    }
    // clap's percent parser has already kept it within 0 to 100.
    let confidence = args.confidence.unwrap_or_default();
    // Treated as --note is: what acts on a terminal is left out, said.
    let typed = args.response.clone().unwrap_or_default();
    if let Some(tidied) = crate::plan::hidden::tidy_note(&typed) {
        ctx.say(&crate::render::tidied_words_for("response", &tidied))?;
    }
    let at = ctx.saving_now();
    ctx.store.log_rehearsal(Rehearsal {
        trigger: id.clone(),
        at,
        response: super::without_escapes(&typed),
        recalled,
        confidence,
        other: toml::Table::new(),
    })?;
    let next = schedule(&id, &ctx.store.load_practice()?, &ctx.zone).due_date();
    ctx.say(&format!(
        "Logged a rehearsal of {}.{}",
        crate::render::quoted(
            &plan
                .trigger(&id)
                .map_or_else(|| id.clone(), |t| t.situation.clone())
        ),
        next.map(|d| format!(" Next practice: {}.", practice_day(&d, ctx.today, false)))
            .unwrap_or_default()
    ))
}

/// The riskiest due trigger, or, when none is due, an offer to practise the
/// next one anyway.
fn first_due(
    plan: &crate::plan::Plan,
    log: &crate::plan::rehearsal::PracticeLog,
    today: i64,
    zone: &jiff::tz::TimeZone,
    ask: &mut dyn Prompter,
) -> Result<Option<String>> {
    let items = agenda(plan, log, today, zone);
    // Only what has a plan to practise; a trigger without one is named,
    // with how to plan it, rather than rehearsed and scored.
    let Some((trigger, due)) = items.iter().find(|(t, _)| t.has_response()) else {
        match items.first() {
            Some((trigger, _)) => {
                let width = ask.width();
                ask.show(&crate::render::wrap(
                    &crate::wizard::rehearse::no_plan_yet(&trigger.situation),
                    width,
                    "",
                    "",
                ))?;
            }
            None => {
                ask.show(
                    "There are no triggers to practise yet: add one with `relapse-plan map`.",
                )?;
            }
        }
        return Ok(None);
    };
    if due.is_due(today) {
        return Ok(Some(trigger.id.clone()));
    }
    let when = due
        .due_date()
        .map(|d| practice_day(&d, crate::plan::date::civil_from_days(today), true))
        .unwrap_or_default();
    let question = format!(
        "Nothing is due today; next is {} {when}. Practise it anyway?",
        crate::render::quoted(&trigger.situation)
    );
    Ok(ask.confirm(&question, true)?.then(|| trigger.id.clone()))
}
