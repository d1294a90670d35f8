//! Homework as the person reads it: what an assignment asks and how long is
//! left, each task's progress, what is still to do, and the same as JSON.

use serde::Serialize;
use toml::value::{Date, Datetime};

use super::{clean, quoted};
use crate::plan::date::days_from_civil;
use crate::plan::homework::{Assignment, HandIn, Progress, Started};

/// Days from `today` to the due date (negative once it has passed).
fn days_to(due: &Datetime, today: Date) -> Option<i64> {
    due.date
        .map(|due| days_from_civil(due) - days_from_civil(today))
}

/// How long is left, in words ("3 days left").
pub fn days_left(due: &Datetime, today: Date) -> String {
    match days_to(due, today) {
        None => String::new(),
        Some(0) => "due today".into(),
        Some(n) if n > 0 => format!("{} left", super::plural(n, "day")),
        Some(n) => format!("{} past the due date", super::plural(-n, "day")),
    }
}

/// "Homework from Dr Patel, due 2026-11-29 (7 days left):"; without the
/// count when the clock is `behind` (see [`clock_behind`]), as days
/// counted from it would be wrong.
fn from_line(a: &Assignment, today: Date, behind: Option<Date>) -> String {
    match behind {
        Some(_) => format!("Homework from {}, due {}:", clean(&a.therapist), a.due),
        None => format!(
            "Homework from {}, due {} ({}):",
            clean(&a.therapist),
            a.due,
            days_left(&a.due, today)
        ),
    }
}

/// Said when the computer's clock is behind the day the homework was
/// assigned or started (`known`, from
/// [`crate::plan::homework::clock_behind`]): in words, as a save says it,
/// and what is not counted until it is right.
pub fn clock_behind(a: &Assignment, today: Date, known: Date) -> String {
    let now = crate::plan::date::long_date(today);
    let day = crate::plan::date::long_date(known);
    if a.assigned.date == Some(known) {
        format!(
            "Your computer's clock seems to be behind: it says today is {now}, but this homework was assigned on {day}. Days left are counted once the clock is right, and check-ins count for it from {day}."
        )
    } else {
        format!(
            "Your computer's clock seems to be behind: it says today is {now}, but you started this homework on {day}. Days left are counted once the clock is right."
        )
    }
}

/// What a just-started assignment asks, with its note.
pub fn started(a: &Assignment, today: Date, behind: Option<Date>, plain: bool) -> String {
    let mut lines = vec![from_line(a, today, behind)];
    // With --plain, numbered: a reader names a dash ("dash map at least").
    lines.extend(a.tasks.iter().enumerate().map(|(n, t)| {
        if plain {
            format!("  {}. {}", n + 1, t.describe())
        } else {
            format!("  - {}", t.describe())
        }
    }));
    if !a.note.is_empty() {
        // Line by line: a note of several lines shows as written.
        let note = a.note.replace("\r\n", "\n");
        lines.push(format!("Note: {}", super::clean_lines(note.trim_end())));
    }
    lines.push("`relapse-plan homework status` shows what is left; `new`, `map`, `rank` and `rehearse` help you do it.".into());
    lines.join("\n")
}

/// "  done      map at least 3 triggers (3 of 3 triggers)", wrapped to
/// `width` with the words under the words, so a long task (a trigger's
/// situation in it) never runs off a narrow terminal.
pub fn progress_line(p: &Progress, width: usize) -> String {
    let status = format!("  {:<8}  ", if p.done { "done" } else { "not yet" });
    let hang = " ".repeat(status.len());
    super::wrap(
        &format!("{} ({})", p.task.describe(), clean(&p.detail)),
        width,
        &status,
        &hang,
    )
}

/// `homework status`: each task and what is left.
pub fn status(
    a: &Assignment,
    tasks: &[Progress],
    today: Date,
    behind: Option<Date>,
    width: usize,
) -> String {
    let mut lines = vec![from_line(a, today, behind)];
    lines.extend(tasks.iter().map(|p| progress_line(p, width)));
    lines.push(match tasks.iter().filter(|p| !p.done).count() {
        0 => "Everything is done. Hand it in with `relapse-plan homework submit -o hand-in.toml`."
            .to_string(),
        1 => "One thing still to do.".to_string(),
        n => format!("{n} things still to do."),
    });
    lines.join("\n")
}

/// `homework status --json`.
#[derive(Serialize)]
pub struct StatusJson {
    therapist: String,
    due: String,
    /// Days to the due date (negative once it has passed); `null` when
    /// the clock is behind the homework's own dates.
    days_left: Option<i64>,
    /// Whether the computer's clock seems to be behind the day the
    /// homework was assigned or started.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    clock_behind: bool,
    tasks: Vec<TaskJson>,
}

#[derive(Serialize)]
struct TaskJson {
    task: &'static str,
    description: String,
    done: bool,
    detail: String,
}

impl StatusJson {
    pub fn new(
        a: &Assignment,
        tasks: &[Progress],
        today: Date,
        behind: Option<Date>,
    ) -> StatusJson {
        StatusJson {
            therapist: a.therapist.clone(),
            due: a.due.to_string(),
            days_left: days_to(&a.due, today).filter(|_| behind.is_none()),
            clock_behind: behind.is_some(),
            tasks: tasks
                .iter()
                .map(|p| TaskJson {
                    task: p.task.task.key(),
                    description: p.task.describe(),
                    done: p.done,
                    detail: p.detail.clone(),
                })
                .collect(),
        }
    }
}

/// What is still asked, for the wizards to mention; `None` when nothing is.
pub fn reminder(a: &Assignment, tasks: &[Progress]) -> Option<String> {
    let left: Vec<String> = tasks
        .iter()
        .filter(|p| !p.done)
        .map(|p| format!("  - {} ({})", p.task.describe(), p.detail))
        .collect();
    (!left.is_empty()).then(|| {
        format!(
            "Still to do for your homework from {} (due {}):\n{}",
            clean(&a.therapist),
            a.due,
            left.join("\n")
        )
    })
}

/// The person's calendar day a homework was started.
pub fn started_on(started: &Started, zone: &jiff::tz::TimeZone) -> String {
    crate::plan::date::local_date(&started.started_at, zone)
        .map_or_else(|| started.started_at.to_string(), |d| d.to_string())
}

/// Said when the very homework already started is started again.
pub fn already_started(same: &Started, zone: &jiff::tz::TimeZone) -> String {
    format!(
        "You already started this homework on {}; what you have done since then still counts.",
        started_on(same, zone)
    )
}

/// What is at stake in starting another homework, said before asking.
pub fn at_stake(previous: &Started, zone: &jiff::tz::TimeZone) -> String {
    format!(
        "You are working on the homework from {} (due {}, started {}). If you start another, what you did for that one no longer counts.",
        clean(&previous.assignment.therapist),
        previous.assignment.due,
        started_on(previous, zone),
    )
}

/// Said before a homework is started whose names hold characters that do
/// not show (`hidden`: what, and the name, from
/// [`crate::plan::homework::hidden_in_names`]): a name that reads as one
/// thing and is another is how a file pretends to be from someone it is
/// not, so the client hears it before trusting the file.
pub fn hidden_names(file: &std::path::Path, hidden: &[(&str, &str)]) -> String {
    let names: Vec<String> = hidden
        .iter()
        .map(|(what, name)| format!("{what} (“{}”)", clean(name)))
        .collect();
    format!(
        "Take care: in `{}`, {} {} characters that do not show, written out here as \\u{{…}}; a name like that may not be what it looks like. Check with your therapist that this homework is from them.",
        file.display(),
        crate::render::and_list(&names),
        if names.len() == 1 { "holds" } else { "hold" }
    )
}

/// The question before a new homework replaces the started one.
pub fn start_instead(new: &Assignment) -> String {
    format!("Start the homework from {} instead?", clean(&new.therapist))
}

/// Said as a new homework takes the place of `previous` (None: the
/// started one could not be read).
pub fn replaces(previous: Option<&Started>) -> String {
    match previous {
        Some(previous) => format!(
            "This replaces the homework from {} that was due {}.",
            clean(&previous.assignment.therapist),
            previous.assignment.due
        ),
        None => "This replaces your started homework, which could not be read.".into(),
    }
}

/// The hand-in's text (`text`, going to `output`) as shown before asking.
/// The screen shows a hidden character (a bidi override) written out, and
/// the file keeps it as it is: the words say so rather than "exactly".
/// Said once an assignment is written to `path` (as shown; `output` is
/// the same file, whose name the client's command uses).
pub fn wrote_assignment(path: &str, output: &std::path::Path, a: &Assignment) -> String {
    format!(
        "Wrote `{path}`: {}, due {}. Your client starts it with `relapse-plan homework start {}`.",
        super::plural(a.tasks.len() as u64, "task"),
        // In words, so a date typed as "in 2 weeks" is said back plainly.
        crate::plan::date::date_in_words(&a.due),
        output
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
    )
}

/// What `validate` says of a homework file that reads cleanly: what it
/// is (not a plan), whose, and the command that uses it.
pub fn valid_assignment(path: &std::path::Path, a: &Assignment) -> String {
    format!(
        "`{}` is a homework file from {}{}, not a plan, and it reads cleanly: {}, due {}. To start it: `relapse-plan homework start {}`.",
        clean(&path.display().to_string()),
        quoted(&a.therapist),
        a.client
            .as_deref()
            .map_or_else(String::new, |c| format!(" for {}", quoted(c))),
        super::plural(a.tasks.len() as u64, "task"),
        crate::plan::date::date_in_words(&a.due),
        command_word(path)
    )
}

/// What `validate` says of a hand-in that reads cleanly.
pub fn valid_hand_in(path: &std::path::Path, h: &HandIn) -> String {
    format!(
        "`{}` is a hand-in file{}, for the homework from {}, not a plan, and it reads cleanly. To see it: `relapse-plan review {}`.",
        clean(&path.display().to_string()),
        h.assignment
            .client
            .as_deref()
            .map_or_else(String::new, |c| format!(" from {}", quoted(c))),
        quoted(&h.assignment.therapist),
        command_word(path)
    )
}

/// What `validate` says of a started homework (the copy relapse-plan
/// keeps beside the plan) that reads cleanly.
pub fn valid_started(path: &std::path::Path, started: &Started) -> String {
    format!(
        "`{}` is a started homework (relapse-plan keeps it beside your plan as homework.toml), not a plan, and it reads cleanly: from {}, due {}. `relapse-plan homework status` shows how it is going.",
        clean(&path.display().to_string()),
        quoted(&started.assignment.therapist),
        crate::plan::date::date_in_words(&started.assignment.due),
    )
}

/// A path as one word of a command she can run, quoted for the shell and
/// shown cleaned.
fn command_word(path: &std::path::Path) -> String {
    clean(&super::rescue::shell_word(&path.display().to_string()))
}

/// Said once a hand-in is written to `path` (as shown).
pub fn wrote_hand_in(path: &str) -> String {
    format!(
        "Wrote `{path}`. It holds private health information: give it to your therapist the way you agreed, and keep it where only you can see it."
    )
}

/// Said after the preview: the file is private, and how to read it whole.
pub fn hand_in_private(output: &std::path::Path) -> String {
    format!(
        "`{}` will hold private health information. The file itself is plain text: to read every line of it before it is written, run `relapse-plan homework submit -o - --yes`, which prints it here and writes nothing.",
        output.display()
    )
}

/// What a hand-in holds, in words, shown right before the question. The
/// therapist's name comes from their homework file, so it is cleaned like
/// every other word from a file someone else wrote.
pub fn hand_in_summary(h: &HandIn) -> String {
    let notes = h.check_ins.iter().map(|c| c.notes.len()).sum::<usize>();
    let practice = h.practice.rehearsals.len() + h.practice.exercises.len();
    let count = |n: usize, word: &str| super::plural(i128::try_from(n).unwrap_or(i128::MAX), word);
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
