//! `homework assign|start|status|submit`: the therapist writes an
//! assignment, the client starts it, sees what is left (computed, never
//! ticked by hand) and hands in exactly their plan and practice.

use std::path::Path;

use super::terminal;
use crate::cli::{AssignArgs, HomeworkCommand};
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::plan::homework::{
    Asked, Assignment, HAND_IN_KIND, HAND_IN_VERSION, HOMEWORK_VERSION, HandIn,
    MAX_HAND_IN_CHECK_INS, STARTED_KIND, Started, Task,
};
use crate::prompt::Prompter;
use crate::render::homework::{self as shown, StatusJson};
use crate::store::{check_hand_in, is_stdout, read_assignment, write_output};

pub(super) fn run(command: HomeworkCommand, ctx: &mut Ctx) -> Result<()> {
    match command {
        HomeworkCommand::Assign(args) => assign(args, ctx),
        HomeworkCommand::Start { file, force } => start(&file, force, ctx),
        HomeworkCommand::Status { json } => status(json, ctx),
        HomeworkCommand::Submit { output, yes, force } => submit(&output, yes, force, ctx),
    }
}

fn assign(args: AssignArgs, ctx: &mut Ctx) -> Result<()> {
    super::check_output(ctx, &args.output, args.force)?;
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
        crate::wizard::homework::ask_missing(&mut ask, &mut asked, &mut due)?;
    }
    let due = due.ok_or_else(|| Error::Usage("--due is needed".into()))?;
    let due = super::typed_date(ctx, &due, |example| {
        format!("give the due date like {example}")
    })?;
    let assignment = Assignment::new(asked, due, ctx.today, &ctx.now).map_err(Error::Usage)?;
    let text = toml::to_string_pretty(&assignment).expect("an assignment always serializes");
    if is_stdout(&args.output) {
        ctx.out.write_all(text.as_bytes()).map_err(Error::Stdout)?;
        return Ok(());
    }
    if !write_output(ctx.store.dir(), &args.output, text.as_bytes())? {
        return Ok(());
    }
    ctx.say(&format!(
        "Wrote `{}`: {}, due {}. Your client starts it with `relapse-plan homework start {}`.",
        args.output.display(),
        crate::render::plural(assignment.tasks.len() as u64, "task"),
        assignment.due,
        args.output
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
    ))
}

fn start(file: &Path, force: bool, ctx: &mut Ctx) -> Result<()> {
    let assignment = read_assignment(file)?;
    // An unreadable started homework never locks the person out: a good
    // file takes its place, asked about like any other replacement.
    let previous = match ctx.store.load_homework() {
        Ok(previous) => previous.map(Ok),
        Err(Error::BadStartedHomework { path, why }) => Some(Err(Unreadable { path, why })),
        Err(e) => return Err(e),
    };
    match &previous {
        // The same assignment again: its start (and so its progress) stays.
        Some(Ok(same)) if same.assignment.id == assignment.id => {
            ctx.say(&format!(
                "You already started this homework on {}; what you have done since then still counts.",
                started_on(same, ctx)
            ))?;
            writeln!(ctx.out, "{}", shown::started(&same.assignment, ctx.today))
                .map_err(Error::Stdout)?;
            return Ok(());
        }
        Some(previous) if !force && !replace(previous, &assignment, ctx)? => {
            return ctx.say("Nothing was changed: you carry on with the homework you started.");
        }
        Some(Ok(previous)) => ctx.say(&format!(
            "This replaces the homework from {} that was due {}.",
            crate::render::clean(&previous.assignment.therapist),
            previous.assignment.due
        ))?,
        Some(Err(_)) => ctx.say("This replaces your started homework, which could not be read.")?,
        None => {}
    }
    let (started_revision, base) = match ctx.store.load() {
        Ok(loaded) => (loaded.plan.revision, Some(loaded.plan)),
        Err(Error::NoPlan { .. }) => (0, None),
        Err(e) => return Err(e),
    };
    let homework = Started {
        schema_version: HOMEWORK_VERSION,
        kind: STARTED_KIND.into(),
        started_at: ctx.now,
        started_revision,
        assignment,
        base,
    };
    ctx.store.save_homework(&homework)?;
    // What was started is the command's result: standard output, like
    // `homework status`; the "this replaces" note above is a warning.
    writeln!(
        ctx.out,
        "{}",
        shown::started(&homework.assignment, ctx.today)
    )
    .map_err(Error::Stdout)?;
    Ok(())
}

/// A started homework that could not be read: where, and why.
struct Unreadable {
    path: std::path::PathBuf,
    why: String,
}

impl Unreadable {
    fn error(&self) -> Error {
        Error::BadStartedHomework {
            path: self.path.clone(),
            why: self.why.clone(),
        }
    }
}

/// The person's calendar day a homework was started.
fn started_on(started: &Started, ctx: &Ctx) -> String {
    crate::plan::date::local_date(&started.started_at, &ctx.zone)
        .map_or_else(|| started.started_at.to_string(), |d| d.to_string())
}

/// Whether the person agrees to replace the homework they started (or the
/// one that could not be read) with `new`: asked on a terminal, No by
/// default; without one, an error saying `--force` does it (exit 2).
fn replace(
    previous: &std::result::Result<Started, Unreadable>,
    new: &Assignment,
    ctx: &mut Ctx,
) -> Result<bool> {
    let Some(mut ask) = crate::prompt::Terminal::open(ctx.style.plain, &ctx.term_env) else {
        return Err(match previous {
            Ok(previous) => Error::HomeworkInProgress {
                therapist: crate::render::clean(&previous.assignment.therapist),
                due: previous.assignment.due.to_string(),
                started: started_on(previous, ctx),
            },
            Err(unreadable) => unreadable.error(),
        });
    };
    // What is at stake is said first, so the question itself stays short.
    let stake = match previous {
        Ok(previous) => format!(
            "You are working on the homework from {} (due {}, started {}). If you start another, what you did for that one no longer counts.",
            crate::render::clean(&previous.assignment.therapist),
            previous.assignment.due,
            started_on(previous, ctx),
        ),
        Err(unreadable) => format!("{}.", unreadable.error()),
    };
    ctx.say(&stake)?;
    let question = format!(
        "Start the homework from {} instead?",
        crate::render::clean(&new.therapist)
    );
    ask.confirm(&question, false)
}

fn status(json: bool, ctx: &mut Ctx) -> Result<()> {
    let homework = ctx.store.started_homework()?;
    let period = ctx.store.period_since_start(&homework, &ctx.zone)?;
    let tasks = period.progress(&homework.assignment);
    let a = &homework.assignment;
    if json {
        return super::write_json(ctx, &StatusJson::new(a, &tasks, ctx.today));
    }
    writeln!(
        ctx.out,
        "{}",
        shown::status(a, &tasks, ctx.today, ctx.style.width)
    )
    .map_err(Error::Stdout)?;
    Ok(())
}

/// Longer than this, the file's start scrolls away, so a summary comes last.
const SHORT_HAND_IN_LINES: usize = 40;

/// What a hand-in holds, in words, shown right before the question. The
/// therapist's name comes from their homework file, so it is cleaned like
/// every other word from a file someone else wrote.
fn hand_in_summary(h: &HandIn) -> String {
    use crate::render::{clean, plural};
    let notes = h.check_ins.iter().map(|c| c.notes.len()).sum::<usize>();
    let practice = h.practice.rehearsals.len() + h.practice.exercises.len();
    let count = |n: usize, word: &str| plural(i128::try_from(n).unwrap_or(i128::MAX), word);
    format!(
        "In short, it holds: {} from {}, your plan as it is now, {} since you started, {}, {} and {} in your own words.",
        count(h.assignment.tasks.len(), "homework task"),
        clean(&h.assignment.therapist),
        count(h.revisions.len(), "revision"),
        count(practice, "practice"),
        count(h.check_ins.len(), "check-in"),
        count(notes, "note"),
    )
}

fn submit(output: &Path, yes: bool, force: bool, ctx: &mut Ctx) -> Result<()> {
    super::check_output(ctx, output, force)?;
    let homework = ctx.store.started_homework()?;
    let mut period = ctx.store.period_since_start(&homework, &ctx.zone)?;
    // The newest, when years of check-ins would be more than a hand-in holds.
    let extra = period.check_ins.len().saturating_sub(MAX_HAND_IN_CHECK_INS);
    period.check_ins.drain(..extra);
    let hand_in = HandIn {
        schema_version: HAND_IN_VERSION,
        kind: HAND_IN_KIND.into(),
        submitted_at: ctx.now,
        assignment: homework.assignment,
        revisions: period.revisions,
        practice: period.practice,
        check_ins: period.check_ins,
        plan: period.plan,
    };
    let text = toml::to_string_pretty(&hand_in).expect("a hand-in always serializes");
    // Never a hand-in the therapist's `review` would refuse.
    check_hand_in(output, text.as_bytes())?;
    // The terminal first: without one (and without --yes) nothing is
    // shown, and the error says what to run instead, before 200 lines
    // scroll past it.
    let ask = if yes {
        None
    } else {
        Some(terminal(
            "homework submit",
            "`relapse-plan homework submit -o FILE --yes`",
            ctx,
        )?)
    };
    // The screen shows a hidden character (a bidi override) written out,
    // and the file keeps it as it is: the words say so rather than "exactly".
    let hidden = crate::render::clean_lines(&text) != text;
    ctx.say(&format!(
        "This is {}what `{}` will hold: your homework, your plan as it is now, what changed since you started, and your practice and check-ins since then. Nothing else from your plan folder.{}\n\n{text}",
        if hidden { "" } else { "exactly " },
        output.display(),
        if hidden {
            " Characters that would not show, or would turn text around, are written out here like \\u{202e}; the file keeps them as they are."
        } else {
            ""
        }
    ))?;
    // A long file scrolls its start off a phone screen: the question comes
    // right after a summary in words, so the person sees what they agree to.
    if !yes && text.lines().count() > SHORT_HAND_IN_LINES {
        ctx.say(&hand_in_summary(&hand_in))?;
    }
    if let Some(mut ask) = ask {
        // No is the default: Enter alone never hands private notes on.
        if !ask.confirm("Write it?", false)? {
            return Err(Error::Declined);
        }
    }
    if is_stdout(output) {
        ctx.out.write_all(text.as_bytes()).map_err(Error::Stdout)?;
        return Ok(());
    }
    if !write_output(ctx.store.dir(), output, text.as_bytes())? {
        return Ok(());
    }
    ctx.say(&format!(
        "Wrote `{}`. It holds private health information: give it to your therapist the way you agreed, and keep it where only you can see it.",
        output.display()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The therapist's name comes from a file someone else wrote: an
    /// escape sequence in it (a clipboard write) never reaches the screen.
    #[test]
    fn the_summary_shows_the_therapists_name_cleaned() {
        let text = include_str!("../../examples/hand-in.toml");
        let mut hand_in: HandIn = toml::from_str(text).unwrap();
        hand_in.assignment.therapist = "Dr \u{1b}]52;c;aGk=\u{7}Patel\u{202e}".into();
        let shown = hand_in_summary(&hand_in);
        assert!(
            !shown.contains('\u{1b}') && !shown.contains('\u{7}') && !shown.contains('\u{202e}'),
            "{shown}"
        );
        assert!(shown.contains("Patel"), "{shown}");
        assert!(shown.starts_with("In short, it holds: "), "{shown}");
    }
}
