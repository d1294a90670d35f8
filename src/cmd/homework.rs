//! `homework assign|start|status|submit`: the therapist writes an
//! assignment, the client starts it, sees what is left (computed, never
//! ticked by hand) and hands in exactly their plan and practice.

use std::path::Path;

use super::terminal;
use crate::cli::{AssignArgs, HomeworkCommand};
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::plan::homework::{Asked, Assignment, HandIn, Started, Task};
use crate::prompt::Prompter;
use crate::render::homework::{self as shown, StatusJson};
use crate::store::{check_hand_in, read_assignment};
use toml::value::Date;

pub(super) fn run(command: HomeworkCommand, ctx: &mut Ctx) -> Result<()> {
    match command {
        HomeworkCommand::Assign(args) => assign(args, ctx),
        HomeworkCommand::Start { file, force } => start(&file, force, ctx),
        HomeworkCommand::Status { json } => status(json, ctx),
        HomeworkCommand::Submit { output, yes, force } => submit(&output, yes, force, ctx),
    }
}

fn assign(args: AssignArgs, ctx: &mut Ctx) -> Result<()> {
    super::check_output_as(
        ctx,
        &args.output,
        args.force,
        (&["toml"], "a homework file"),
    )?;
    let tasks = args
        .task
        .iter()
        .map(|t| Task::from_flag(t).map_err(Error::Usage))
        .collect::<Result<_>>()?;
    let mut asked = Asked {
        therapist: args.therapist,
        client: args.client,
        note: args.message,
        tasks,
    };
    let mut due = args.due;
    if asked.therapist.is_none() || due.is_none() || asked.tasks.is_empty() {
        // An interactive form for what the flags did not say.
        let mut ask = terminal(
            "homework assign",
            "`relapse-plan homework assign -o FILE --therapist NAME --due DATE --task map-triggers=3 …`",
            ctx,
        )?;
        let today = ctx.today;
        let read_due = |typed: &str| match super::typed_date(
            ctx,
            typed,
            None,
            crate::plan::date::When::Future,
            |example| format!("give the due date like {example}"),
        ) {
            Err(error) => Err(error.to_string()),
            Ok(day)
                if crate::plan::date::days_from_civil(day)
                    < crate::plan::date::days_from_civil(today) =>
            {
                Err(format!(
                    "{} has passed: the due date is today or later",
                    crate::plan::date::long_date(day)
                ))
            }
            Ok(day) => crate::plan::homework::due_problem(day, today).map_or(Ok(day), Err),
        };
        // Nothing is written until the form's end, and nothing of it is
        // kept anywhere: said truthfully, with what was answered as the
        // command that carries on from it (Dr Lin ran the same command
        // again, as told, and found the form empty).
        crate::prompt::on_ctrl_c(crate::prompt::CtrlC::Say(ASSIGN_STOPPED.into()));
        let asking =
            crate::wizard::homework::ask_missing(&mut ask, &mut asked, &mut due, today, &read_due);
        if let Err(Error::Cancelled) = asking {
            let day = due.as_deref().and_then(|typed| read_due(typed).ok());
            return Err(Error::Stopped(
                assign_stopped(&args.output, args.force, &asked, day).into(),
            ));
        }
        asking?;
    }
    let typed_due = due.ok_or_else(|| Error::Usage("--due is needed".into()))?;
    let due = super::typed_date(
        ctx,
        &typed_due,
        None,
        crate::plan::date::When::Future,
        |example| format!("give the due date like {example}"),
    )?;
    let assignment = Assignment::new(asked, due, ctx.today, &ctx.now).map_err(Error::Usage)?;
    // Where the therapist is, as her due date was read there.
    let region = ctx.where_she_is();
    // Hidden characters escaped: the client may open it before the program.
    let text = crate::plan::toml_text::escape_hidden(
        &toml::to_string_pretty(&assignment).expect("an assignment always serializes"),
    );
    // The command it names is the client's, run in the client's own plan
    // folder: never the therapist's --plan-dir.
    super::write_to_saying(
        ctx,
        (&args.output, text.as_bytes()),
        "the homework",
        |path| {
            shown::wrote_assignment(
                path,
                &args.output,
                &assignment,
                (region.as_deref(), &typed_due),
            )
        },
        super::Folder::Theirs,
    )
}

/// What Ctrl-C in `homework assign`'s form says before any answer is in.
const ASSIGN_STOPPED: &str = "Stopped. Nothing was written, and the form's answers are not kept.";

/// What Ctrl-C in `homework assign`'s form says: nothing was written or
/// kept, and what was answered, as the command that carries on from it.
fn assign_stopped(output: &Path, force: bool, asked: &Asked, due: Option<Date>) -> String {
    if asked.therapist.is_none() && asked.client.is_none() && due.is_none() {
        return format!("{ASSIGN_STOPPED} Run the same command again to start the form.");
    }
    let command = crate::render::rescue::homework_assign(output, force, asked, due);
    let whole = asked.therapist.is_some() && due.is_some() && !asked.tasks.is_empty();
    let then = if whole {
        "This writes the homework as you answered (add a --task for each task more):"
    } else {
        "This asks only what you have not answered yet:"
    };
    format!(
        "{ASSIGN_STOPPED} {then}\n  {}",
        crate::render::clean(&command)
    )
}

fn start(file: &Path, force: bool, ctx: &mut Ctx) -> Result<()> {
    let assignment = read_assignment(file)?;
    // Before anything is asked or started: a name that hides characters
    // is said to be suspicious, in words, not only shown written out.
    let hidden = crate::plan::homework::hidden_in_names(&assignment);
    if !hidden.is_empty() {
        ctx.say(&shown::hidden_names(file, &hidden))?;
    }
    // An unreadable started homework never locks the person out: a good
    // file takes its place, asked about like any other replacement.
    let previous = match ctx.store.load_homework() {
        Ok(previous) => previous.map(Ok),
        Err(Error::BadStartedHomework { path, why }) => Some(Err((path, why))),
        Err(e) => return Err(e),
    };
    match &previous {
        // The same assignment again: its start (and so its progress) stays.
        Some(Ok(same)) if same.assignment.id == assignment.id => {
            ctx.say(&shown::already_started(same, &ctx.zone, ctx.today))?;
            let behind = clock_behind(ctx, &same.assignment, Some(same))?;
            let started = shown::started(
                &same.assignment,
                ctx.today,
                behind,
                ctx.style.width,
                ctx.style.plain,
            );
            return ctx.laid_out(format!("{started}\n").as_bytes());
        }
        // Handed in, it is finished: the next one loses nothing of it.
        Some(Ok(done)) if done.handed_in.is_some() => {}
        Some(previous) if !force && !replace(previous, &assignment, ctx)? => {
            return ctx.say("Nothing was changed: you carry on with the homework you started.");
        }
        Some(previous) => ctx.say(&shown::replaces(previous.as_ref().ok(), ctx.today))?,
        None => {}
    }
    let base = match ctx.store.load() {
        Ok(loaded) => Some(loaded.plan),
        Err(Error::NoPlan { .. }) => None,
        Err(e) => return Err(e),
    };
    let homework = Started::new(assignment, ctx.saving_now(), base);
    ctx.store.save_homework(&homework)?;
    let behind = clock_behind(ctx, &homework.assignment, None)?;
    if behind.is_none()
        && let Some(gone) = shown::check_in_days_gone(&homework.assignment, ctx.today)
    {
        ctx.say(&gone)?;
    }
    // What was started is the command's result: standard output, like
    // `homework status`; the "this replaces" note above is a warning.
    let started = shown::started(
        &homework.assignment,
        ctx.today,
        behind,
        ctx.style.width,
        ctx.style.plain,
    );
    ctx.laid_out(format!("{started}\n").as_bytes())
}

/// The day the clock should at least say, when it says an earlier one
/// than the homework was assigned or `started` on; said, in words, as a
/// save says a clock set back.
fn clock_behind(ctx: &mut Ctx, a: &Assignment, started: Option<&Started>) -> Result<Option<Date>> {
    let started = started.and_then(|s| crate::plan::date::local_date(&s.started_at, &ctx.zone));
    let behind = crate::plan::homework::clock_behind(a, started, ctx.today);
    if let Some(known) = behind {
        ctx.say(&shown::clock_behind(a, ctx.today, known))?;
    }
    Ok(behind)
}

/// A started homework that could not be read: where, and why.
type Unreadable = (std::path::PathBuf, String);

fn unreadable_error((path, why): &Unreadable) -> Error {
    Error::BadStartedHomework {
        path: path.clone(),
        why: why.clone(),
    }
}

/// Whether the person agrees to replace the homework they started (or the
/// one that could not be read) with `new`: asked on a terminal,
/// No by default; without one, an error saying `--force` does it (exit 2).
fn replace(
    previous: &std::result::Result<Started, Unreadable>,
    new: &Assignment,
    ctx: &mut Ctx,
) -> Result<bool> {
    let Some(mut ask) = crate::prompt::Terminal::open(ctx.style.plain, &ctx.term_env) else {
        return Err(match previous {
            Ok(previous) => Error::HomeworkInProgress {
                homework: shown::named_due(&previous.assignment, ctx.today),
                started: shown::started_on(previous, &ctx.zone, ctx.today),
            },
            Err(unreadable) => unreadable_error(unreadable),
        });
    };
    // What is at stake is said first, so the question itself stays short.
    ctx.say(&match previous {
        Ok(previous) => shown::at_stake(previous, &ctx.zone, ctx.today),
        Err(unreadable) => format!("{}.", unreadable_error(unreadable)),
    })?;
    ask.confirm(&shown::start_instead(new), false)
}

fn status(json: bool, ctx: &mut Ctx) -> Result<()> {
    let homework = ctx.store.started_homework()?;
    let period = ctx.store.period_since_start(&homework, &ctx.zone)?;
    let tasks = period.progress(&homework.assignment);
    let a = &homework.assignment;
    if json {
        let started = crate::plan::date::local_date(&homework.started_at, &ctx.zone);
        let behind = crate::plan::homework::clock_behind(a, started, ctx.today);
        return super::write_json(
            ctx,
            &StatusJson::new(a, &tasks, ctx.today, behind, homework.handed_in.as_ref()),
        );
    }
    let behind = clock_behind(ctx, a, Some(&homework))?;
    let handed_in = shown::handed_in_on(&homework, &ctx.zone, ctx.today);
    let status = shown::status(
        a,
        &tasks,
        ctx.today,
        behind,
        handed_in.as_deref(),
        ctx.style.width,
    );
    ctx.laid_out(format!("{status}\n").as_bytes())
}

/// What the hand-in will hold, in words, on standard error (where every
/// question and confirmation goes), laid out for that terminal's width.
fn preview(output: &Path, hand_in: &HandIn, hidden: bool, ctx: &mut Ctx) -> Result<()> {
    let (assignment, period) = crate::plan::period::Period::of_hand_in(hand_in.clone());
    let tasks = period.progress(&assignment);
    let mut at = ctx.review_at();
    at.style.width = ctx.err_width.unwrap_or(at.style.width);
    at.style.color &= ctx.err_width.is_some();
    let mut shown = Vec::new();
    let what = if crate::store::is_stdout(output) {
        "the hand-in".to_string()
    } else {
        format!("`{}`", crate::render::clean(&output.display().to_string()))
    };
    crate::render::review::hand_in_preview(
        &mut shown,
        &what,
        &assignment,
        (&period, &tasks),
        hidden,
        &at,
    )
    .map_err(Error::Stderr)?;
    ctx.err.write_all(&shown).map_err(Error::Stderr)
}

fn submit(output: &Path, yes: bool, force: bool, ctx: &mut Ctx) -> Result<()> {
    // TOML, as `review` reads it: a .json name would promise JSON.
    super::check_output_as(ctx, output, force, (&["toml"], "a hand-in"))?;
    let homework = ctx.store.started_homework()?;
    // A plan with problems would make a hand-in `review` refuses, with
    // lines of a file never written: name them in the plan itself, where
    // the person can mend them.
    match ctx.store.load() {
        Ok(loaded) if !loaded.problems.is_empty() => {
            return Err(Error::Invalid {
                path: Some(loaded.path),
                problems: loaded.problems,
            });
        }
        _ => {}
    }
    let period = ctx.store.period_since_start(&homework, &ctx.zone)?;
    let tasks = period.progress(&homework.assignment);
    // Handed in no earlier than it was started, as a save is dated no
    // earlier than the revision before it; a clock set back is said.
    clock_behind(ctx, &homework.assignment, Some(&homework))?;
    let now = ctx.saving_now();
    let submitted_at = crate::plan::date::dated_after(Some(&homework.started_at), now);
    // Her zone goes with it, so a therapist elsewhere reads her days as hers.
    let hand_in = HandIn::new(
        homework.assignment.clone(),
        period,
        submitted_at,
        ctx.zone
            .iana_name()
            .filter(|name| read_alike(name))
            .or(ctx.zone_rule.as_deref()),
    );
    // Handed in before: this one replaces it, said to her here and to her
    // therapist in the file (Linh, issue 13).
    let hand_in = match homework.handed_in {
        Some(earlier) => {
            ctx.say(&shown::hands_in_again(&earlier, &ctx.zone, ctx.today))?;
            hand_in.replacing(earlier)
        }
        None => hand_in,
    };
    let raw = toml::to_string_pretty(&hand_in).expect("a hand-in always serializes");
    let hidden = crate::render::clean_lines(&raw) != raw;
    // Hidden characters escaped: the therapist may `cat` it before `review`.
    let text = crate::plan::toml_text::escape_hidden(&raw);
    // Never a hand-in the therapist's `review` would refuse.
    check_hand_in(output, text.as_bytes())?;
    // The terminal first: without one (and without --yes) nothing is
    // shown, and the error says what to run instead, before the preview
    // scrolls past it.
    let ask = if yes {
        None
    } else {
        Some(terminal(
            "homework submit",
            "`relapse-plan homework submit -o FILE --yes`",
            ctx,
        )?)
    };
    preview(output, &hand_in, hidden, ctx)?;
    // The preview's start may have scrolled off a phone screen: the
    // question comes right after a summary in one sentence, so she sees
    // what she agrees to; how to read the file whole comes before it.
    if !yes {
        if !crate::store::is_stdout(output) {
            ctx.say(&shown::hand_in_private(output))?;
        }
        ctx.say(&shown::hand_in_summary(&hand_in))?;
        if hands_in(output)
            && let Some(left) =
                shown::not_done_before_asking(&hand_in.assignment, &tasks, ctx.today)
        {
            ctx.say(&left)?;
        }
    }
    if let Some(mut ask) = ask {
        // No is the default: Enter alone never hands private notes on.
        if !ask.confirm("Write it?", false)? {
            return Err(Error::Declined);
        }
    }
    super::write_to(
        ctx,
        output,
        text.as_bytes(),
        "your hand-in",
        shown::wrote_hand_in,
    )?;
    // Written to a file, it is handed in: `status` says so, and the next
    // homework starts without a warning that this one's work is lost.
    // Printed (`-o -`) or sent to a device that keeps nothing
    // (`/dev/null`), nothing is handed in, and nothing is noted (Trudy:
    // `-o /dev/null` marked it finished).
    // The hand-in written is the commit point: it is whole and can be
    // sent whatever happens next. Noting it here may still fail (a disk
    // with room for the one file and not the other): then that is what is
    // said, never "nothing was changed" beside a hand-in that was written
    // (Wei, on a nearly full disk).
    if hands_in(output) {
        // Handed in without a question (`--yes`): what was not done yet
        // is said, so a script's early hand-in is never a silent one.
        if yes
            && let Some(left) = shown::not_done_handed_in(&homework.assignment, &tasks, ctx.today)
        {
            ctx.say(&left)?;
        }
        let noted = ctx.store.save_homework(&Started {
            handed_in: Some(submitted_at),
            ..homework
        });
        if let Err(error) = noted {
            ctx.say(&shown::handed_in_not_noted(output, &not_noted_why(&error)))?;
        }
    }
    Ok(())
}

/// Whether writing to `output` hands the homework in: a file does;
/// standard output and a device that keeps nothing do not.
fn hands_in(output: &Path) -> bool {
    !crate::store::is_stdout(output) && !crate::store::is_device(output)
}

/// Why the started homework could not be noted as handed in, in words:
/// no room (a full disk, a file-size limit), or the error itself.
fn not_noted_why(error: &Error) -> String {
    match error {
        Error::Write { source, .. } if crate::error::disk_full(source) => {
            crate::error::no_room(source).to_string()
        }
        other => other.to_string(),
    }
}

/// Whether a time zone's name means the same on the therapist's machine:
/// a zone of the database, never a machine-local alias. `TZ=localtime`
/// and `TZ=posixrules` wrote `zone = "localtime"`, which each machine reads
/// as its own clock (Trudy). Without one, no zone is written, and `review`
/// says whose clock its days are counted on.
fn read_alike(name: &str) -> bool {
    !matches!(name, "localtime" | "posixrules" | "Factory") && jiff::tz::TimeZone::get(name).is_ok()
}
