//! `homework assign|start|status|submit`: the therapist writes an
//! assignment, the client starts it, sees what is left (computed, never
//! ticked by hand) and hands in exactly their plan and practice.

use std::path::Path;

use jiff::tz::TimeZone;
use serde_json::Value as Json;
use toml::value::Datetime;

use super::terminal;
use crate::cli::{AssignArgs, HomeworkCommand};
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::plan::checkin::CheckIn;
use crate::plan::date::{days_from_civil, is_date_only, is_real_date, local_day, unix_seconds};
use crate::plan::diff::diff;
use crate::plan::homework::{
    Assignment, Evidence, HAND_IN_KIND, HAND_IN_VERSION, HOMEWORK_KIND, HOMEWORK_VERSION, HandIn,
    MAX_HAND_IN_CHECK_INS, Progress, Revision, STARTED_KIND, Started, Task, TaskKind, progress,
};
use crate::plan::parse::parse_document;
use crate::plan::rehearsal::PracticeLog;
use crate::plan::{Plan, ids};
use crate::prompt::Prompter;
use crate::render::json::object;
use crate::store::{Store, check_output, is_stdout, read_limited, write_output};

pub(super) fn run(command: HomeworkCommand, ctx: &mut Ctx) -> Result<()> {
    match command {
        HomeworkCommand::Assign(args) => assign(args, ctx),
        HomeworkCommand::Start { file } => start(&file, ctx),
        HomeworkCommand::Status { json } => status(json, ctx),
        HomeworkCommand::Submit { output, yes } => submit(&output, yes, ctx),
    }
}

/// Reads a homework file a therapist wrote.
pub(super) fn read_assignment(path: &Path) -> Result<Assignment> {
    let bytes = read_limited(path)?;
    let assignment: Assignment =
        parse_document(&bytes, HOMEWORK_KIND, "a homework file").map_err(|source| {
            Error::BadFile {
                what: "a homework file",
                path: path.to_path_buf(),
                source,
            }
        })?;
    if assignment.tasks.is_empty() {
        return Err(Error::NoTasks {
            path: path.to_path_buf(),
        });
    }
    refuse_odd_counts(path, "a homework file", &assignment)?;
    Ok(assignment)
}

/// Refuses homework that `assign` could not have written (see
/// [`Assignment::problems`]), naming the file.
fn refuse_odd_counts(path: &Path, what: &'static str, assignment: &Assignment) -> Result<()> {
    match assignment.problems().into_iter().next() {
        Some(message) => Err(Error::BadFile {
            what,
            path: path.to_path_buf(),
            source: crate::plan::parse::ParseError::Field { message },
        }),
        None => Ok(()),
    }
}

/// Reads a hand-in file a client wrote.
pub(super) fn read_hand_in(path: &Path) -> Result<HandIn> {
    let bytes = read_limited(path)?;
    let hand_in = crate::plan::homework::read_hand_in(&bytes).map_err(|source| Error::BadFile {
        what: "a hand-in file",
        path: path.to_path_buf(),
        source,
    })?;
    if let Some(message) = hand_in.problems().into_iter().next() {
        return Err(Error::BadFile {
            what: "a hand-in file",
            path: path.to_path_buf(),
            source: crate::plan::parse::ParseError::Field { message },
        });
    }
    Ok(hand_in)
}

fn date(value: &str) -> Result<Datetime> {
    value
        .trim()
        .parse::<Datetime>()
        .ok()
        .filter(is_date_only)
        .filter(|d| d.date.is_some_and(is_real_date))
        .ok_or_else(|| Error::Usage(format!("`{value}` is not a date like 2026-11-29")))
}

fn assign(args: AssignArgs, ctx: &mut Ctx) -> Result<()> {
    if !is_stdout(&args.output) {
        check_output(ctx.store.dir(), &args.output)?;
    }
    let mut tasks: Vec<Task> = args
        .task
        .iter()
        .map(|t| Task::from_flag(t).map_err(Error::Usage))
        .collect::<Result<_>>()?;
    let (mut therapist, mut client, mut due, mut note) =
        (args.therapist, args.client, args.due, args.message);
    if therapist.is_none() || due.is_none() || tasks.is_empty() {
        // An interactive form for what the flags did not say.
        let mut ask = terminal(
            "homework assign",
            "`relapse-plan homework assign -o FILE --therapist NAME --due DATE --task map-triggers=3 …`",
            ctx.style.plain,
        )?;
        if therapist.is_none() {
            therapist = ask.text("Your name, as your client knows you", "")?;
        }
        if client.is_none() {
            client = ask.text("Your client's first name (optional)", "")?;
        }
        if due.is_none() {
            due = ask.text("Due date (YYYY-MM-DD)", "")?;
        }
        if note.is_none() {
            note = ask.text("A note for your client (optional)", "")?;
        }
        ask_tasks(&mut ask, &mut tasks)?;
    }
    let therapist = therapist
        .filter(|t| !t.trim().is_empty())
        .ok_or_else(|| Error::Usage("--therapist is needed".into()))?;
    let due = date(&due.ok_or_else(|| Error::Usage("--due is needed".into()))?)?;
    let today = crate::plan::date::date_only(ctx.today);
    if due.date < today.date {
        return Err(Error::Usage(format!(
            "the due date {due} is before today ({today}): give the day the homework is due, today or later"
        )));
    }
    if tasks.is_empty() {
        return Err(Error::Usage("give at least one --task".into()));
    }
    // The person's calendar day, as the due date is one.
    let assigned = crate::plan::date::date_only(ctx.today);
    // The moment to the second, so two assignments never share an id.
    let moment: String = unix_seconds(&ctx.now)
        .map(|secs| crate::plan::date::utc_from_unix(secs).to_string())
        .unwrap_or_default()
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect();
    let who = ids::generate(
        &format!("{therapist} {}", client.clone().unwrap_or_default()),
        "homework",
        |_| false,
    );
    let id = format!("{}-{who}", moment.to_lowercase());
    let assignment = Assignment {
        schema_version: HOMEWORK_VERSION,
        kind: HOMEWORK_KIND.into(),
        id,
        therapist,
        client: client.filter(|c| !c.trim().is_empty()),
        assigned,
        due,
        note: note.unwrap_or_default(),
        tasks,
    };
    let text = toml::to_string_pretty(&assignment).expect("an assignment always serializes");
    if is_stdout(&args.output) {
        ctx.out.write_all(text.as_bytes())?;
        return Ok(());
    }
    write_output(ctx.store.dir(), &args.output, text.as_bytes())?;
    ctx.say(&format!(
        "Wrote `{}`: {} task{}, due {}. Your client starts it with `relapse-plan homework start {}`.",
        args.output.display(),
        assignment.tasks.len(),
        if assignment.tasks.len() == 1 { "" } else { "s" },
        assignment.due,
        args.output.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned())
    ))
}

/// Asks for tasks from the fixed list until the therapist has enough.
fn ask_tasks(ask: &mut dyn Prompter, tasks: &mut Vec<Task>) -> Result<()> {
    while tasks.is_empty() || ask.confirm("Add another task?", false)? {
        let mut choices: Vec<String> = TaskKind::ALL
            .iter()
            .map(|k| {
                Task {
                    task: *k,
                    count: 1,
                    times: None,
                }
                .describe()
            })
            .collect();
        choices.push("That's all".into());
        let Some(i) = ask
            .select("Which task?", &choices, 0)?
            .filter(|i| *i < TaskKind::ALL.len())
        else {
            break;
        };
        let count = ask
            .text("How many? (Enter for 1)", "1")?
            .unwrap_or_else(|| "1".into());
        let flag = if TaskKind::ALL[i] == TaskKind::RehearseTop {
            let times = ask
                .text("How many times each?", "3")?
                .unwrap_or_else(|| "1".into());
            format!("{}={count}x{times}", TaskKind::ALL[i].key())
        } else {
            format!("{}={count}", TaskKind::ALL[i].key())
        };
        tasks.push(Task::from_flag(&flag).map_err(Error::Usage)?);
    }
    Ok(())
}

fn start(file: &Path, ctx: &mut Ctx) -> Result<()> {
    let assignment = read_assignment(file)?;
    let (started_revision, base) = match ctx.store.load() {
        Ok(loaded) => (loaded.plan.revision, Some(loaded.plan)),
        Err(Error::NoPlan { .. }) => (0, None),
        Err(e) => return Err(e),
    };
    if let Some(previous) = ctx.store.load_homework()?
        && previous.assignment.id != assignment.id
    {
        ctx.say(&format!(
            "This replaces the homework from {} that was due {}.",
            crate::render::clean(&previous.assignment.therapist),
            previous.assignment.due
        ))?;
    }
    let started = Started {
        schema_version: HOMEWORK_VERSION,
        kind: STARTED_KIND.into(),
        started_at: ctx.now,
        started_revision,
        assignment,
        base,
    };
    ctx.store.save_homework(&started)?;
    let a = &started.assignment;
    let mut lines = vec![format!(
        "Homework from {}, due {} ({}):",
        crate::render::clean(&a.therapist),
        a.due,
        days_left(&a.due, ctx.today)
    )];
    lines.extend(a.tasks.iter().map(|t| format!("  - {}", t.describe())));
    if !a.note.is_empty() {
        lines.push(format!("Note: {}", crate::render::clean(&a.note)));
    }
    lines.push("`relapse-plan homework status` shows what is left; `new`, `map`, `rank` and `rehearse` help you do it.".into());
    ctx.say(&lines.join("\n"))
}

/// What the evidence is for a started assignment: the plan now, what
/// changed since the start (revision by revision), and practice since.
pub(super) struct Period {
    pub plan: Plan,
    pub changes: Vec<Revision>,
    pub practice: PracticeLog,
    /// Check-ins from the local day the period began, oldest first.
    pub check_ins: Vec<CheckIn>,
}

impl Period {
    pub(super) fn change_lines(&self) -> Vec<crate::plan::diff::Change> {
        self.changes
            .iter()
            .flat_map(|c| c.changes.iter().cloned())
            .collect()
    }

    /// Each task's progress over this period.
    pub(super) fn progress(&self, assignment: &Assignment) -> Vec<Progress> {
        let changes = self.change_lines();
        progress(
            assignment,
            &Evidence {
                plan: &self.plan,
                changes: &changes,
                practice: &self.practice,
                check_ins: &self.check_ins,
            },
        )
    }
}

/// The period a started assignment covers: from its start until now.
fn since_start(store: &Store, started: &Started, zone: &TimeZone) -> Result<Period> {
    period(
        store,
        started.started_revision,
        started.base.as_ref(),
        &started.started_at,
        zone,
    )
}

/// The plan, its changes since revision `base` (whose content is
/// `base_plan` when known), the practice since `since` and the check-ins
/// from `since`'s day on the person's calendar (in `zone`).
pub(super) fn period(
    store: &Store,
    base: u64,
    base_plan: Option<&Plan>,
    since: &Datetime,
    zone: &TimeZone,
) -> Result<Period> {
    let plan = match store.load() {
        Ok(loaded) => loaded.plan,
        Err(Error::NoPlan { .. }) => Plan::new(String::new(), None),
        Err(e) => return Err(e),
    };
    let mut changes = Vec::new();
    let mut before = match (base_plan, base) {
        (Some(plan), _) => plan.clone(),
        (None, 0) => Plan::new(String::new(), None),
        (None, revision) => store.load_revision(revision)?,
    };
    // The revisions found in the folder, never a count between two numbers:
    // a stray file named with twelve digits must not mean a billion steps.
    let numbers = store.revision_numbers()?;
    for revision in numbers
        .into_iter()
        .filter(|&r| r > base && r <= plan.revision)
    {
        let Ok(after) = store.load_revision(revision) else {
            continue;
        };
        changes.push(Revision {
            revision,
            saved_at: after.saved_at,
            change_note: after.change_note.clone(),
            changes: diff(&before, &after),
        });
        before = after;
    }
    let first_day = local_day(since, zone).unwrap_or(i64::MIN);
    let check_ins: Vec<CheckIn> = store
        .load_check_ins()?
        .entries
        .into_iter()
        .filter(|c| c.day_number() >= first_day)
        .collect();
    let mut practice = store.load_practice()?;
    // Compared as instants, so a hand-edited time with an offset still counts right.
    let since = unix_seconds(since).unwrap_or(i64::MIN);
    let after = |at: &Datetime| unix_seconds(at).is_some_and(|t| t >= since);
    practice.rehearsals.retain(|r| after(&r.at));
    practice.exercises.retain(|e| after(&e.at));
    Ok(Period {
        plan,
        changes,
        practice,
        check_ins,
    })
}

fn load_started(store: &Store) -> Result<Started> {
    store.load_homework()?.ok_or(Error::NoHomework)
}

/// One line saying how long is left.
fn days_left(due: &Datetime, today: toml::value::Date) -> String {
    let Some(due) = due.date else {
        return String::new();
    };
    match days_from_civil(due) - days_from_civil(today) {
        0 => "due today".into(),
        1 => "1 day left".into(),
        n if n > 1 => format!("{n} days left"),
        -1 => "1 day past the due date".into(),
        n => format!("{} days past the due date", -n),
    }
}

fn status(json: bool, ctx: &mut Ctx) -> Result<()> {
    let started = load_started(&ctx.store)?;
    let period = since_start(&ctx.store, &started, &ctx.zone)?;
    let tasks = period.progress(&started.assignment);
    let a = &started.assignment;
    if json {
        let list: Vec<Json> = tasks
            .iter()
            .map(|p| {
                object([
                    ("task", Json::String(p.task.task.key().into())),
                    ("description", Json::String(p.task.describe())),
                    ("done", Json::Bool(p.done)),
                    ("detail", Json::String(p.detail.clone())),
                ])
            })
            .collect();
        let json = object([
            ("therapist", Json::String(a.therapist.clone())),
            ("due", Json::String(a.due.to_string())),
            (
                "days_left",
                a.due.date.map_or(Json::Null, |d| {
                    Json::from(days_from_civil(d) - ctx.today_day())
                }),
            ),
            ("tasks", Json::Array(list)),
        ]);
        let text = serde_json::to_string_pretty(&json).map_err(std::io::Error::from)?;
        writeln!(ctx.out, "{text}")?;
        return Ok(());
    }
    writeln!(
        ctx.out,
        "Homework from {}, due {} ({}):",
        crate::render::clean(&a.therapist),
        a.due,
        days_left(&a.due, ctx.today)
    )?;
    for p in &tasks {
        writeln!(ctx.out, "  {}", line(p))?;
    }
    let left = tasks.iter().filter(|p| !p.done).count();
    writeln!(
        ctx.out,
        "{}",
        match left {
            0 => "Everything is done. Hand it in with `relapse-plan homework submit -o hand-in.toml`.".to_string(),
            1 => "One thing still to do.".to_string(),
            n => format!("{n} things still to do."),
        }
    )?;
    Ok(())
}

/// "done      map at least 3 triggers (3 of 3 triggers)".
pub(super) fn line(p: &Progress) -> String {
    format!(
        "{:<8}  {} ({})",
        if p.done { "done" } else { "not yet" },
        p.task.describe(),
        crate::render::clean(&p.detail)
    )
}

/// What is still asked, for the wizards and rehearsal to mention.
pub(super) fn reminder(store: &Store, zone: &TimeZone) -> Option<String> {
    let started = store.load_homework().ok()??;
    let period = since_start(store, &started, zone).ok()?;
    let left: Vec<String> = period
        .progress(&started.assignment)
        .iter()
        .filter(|p| !p.done)
        .map(|p| format!("  - {} ({})", p.task.describe(), p.detail))
        .collect();
    (!left.is_empty()).then(|| {
        format!(
            "Still to do for your homework from {} (due {}):\n{}",
            crate::render::clean(&started.assignment.therapist),
            started.assignment.due,
            left.join("\n")
        )
    })
}

fn submit(output: &Path, yes: bool, ctx: &mut Ctx) -> Result<()> {
    if !is_stdout(output) {
        check_output(ctx.store.dir(), output)?;
    }
    let started = load_started(&ctx.store)?;
    let mut period = since_start(&ctx.store, &started, &ctx.zone)?;
    // The newest, when years of check-ins would be more than a hand-in holds.
    let extra = period.check_ins.len().saturating_sub(MAX_HAND_IN_CHECK_INS);
    period.check_ins.drain(..extra);
    let hand_in = HandIn {
        schema_version: HAND_IN_VERSION,
        kind: HAND_IN_KIND.into(),
        submitted_at: ctx.now,
        assignment: started.assignment,
        revisions: period.changes,
        practice: period.practice,
        check_ins: period.check_ins,
        plan: period.plan,
    };
    let text = toml::to_string_pretty(&hand_in).expect("a hand-in always serializes");
    ctx.say(&format!(
        "This is exactly what `{}` will hold: your homework, your plan as it is now, what changed since you started, and your practice and check-ins since then. Nothing else from your plan folder.\n\n{text}",
        output.display()
    ))?;
    if !yes {
        let mut ask = terminal(
            "homework submit",
            "`relapse-plan homework submit -o FILE --yes`",
            ctx.style.plain,
        )?;
        if !ask.confirm("Write it?", true)? {
            return ctx.say("Nothing was written.");
        }
    }
    if is_stdout(output) {
        ctx.out.write_all(text.as_bytes())?;
        return Ok(());
    }
    write_output(ctx.store.dir(), output, text.as_bytes())?;
    ctx.say(&format!(
        "Wrote `{}`. It holds private health information: give it to your therapist the way you agreed, and keep it where only you can see it.",
        output.display()
    ))
}
