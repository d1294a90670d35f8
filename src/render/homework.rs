//! Homework as the person reads it: what an assignment asks and how long is
//! left, each task's progress, what is still to do, and the same as JSON.

use serde::Serialize;
use toml::value::{Date, Datetime};

use super::clean;
use crate::plan::date::days_from_civil;
use crate::plan::homework::{Assignment, Progress};

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

/// "Homework from Dr Patel, due 2026-11-29 (7 days left):".
fn from_line(a: &Assignment, today: Date) -> String {
    format!(
        "Homework from {}, due {} ({}):",
        clean(&a.therapist),
        a.due,
        days_left(&a.due, today)
    )
}

/// What a just-started assignment asks, with its note.
pub fn started(a: &Assignment, today: Date) -> String {
    let mut lines = vec![from_line(a, today)];
    lines.extend(a.tasks.iter().map(|t| format!("  - {}", t.describe())));
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
pub fn status(a: &Assignment, tasks: &[Progress], today: Date, width: usize) -> String {
    let mut lines = vec![from_line(a, today)];
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
    days_left: Option<i64>,
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
    pub fn new(a: &Assignment, tasks: &[Progress], today: Date) -> StatusJson {
        StatusJson {
            therapist: a.therapist.clone(),
            due: a.due.to_string(),
            days_left: days_to(&a.due, today),
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
