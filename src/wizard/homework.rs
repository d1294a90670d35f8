//! The therapist's form for `homework assign`: asks, through a
//! [`Prompter`], for what the flags did not say.

use crate::error::Result;
use crate::plan::date::days_from_civil;
use crate::plan::homework::{
    Asked, Task, TaskKind, check_ins_problem, name_problem, note_problem, read_count,
};
use crate::prompt::Prompter;
use toml::value::Date;

/// The due date as typed read into a day, or why it can't be one, in
/// the form's words.
pub type ReadDue<'a> = &'a dyn Fn(&str) -> std::result::Result<Date, String>;

/// Asks for each of the therapist's name, the client's, the due date and
/// the note that `asked` (and `due`) lack, then for tasks. Every answer is
/// checked as it is given, and asked again with the reason in the form's
/// words: refused only at the end, a count of check-ins too many for the
/// days to the due date once cost the therapist the whole form (Dr Lin).
/// What the flags gave is checked the same way first, and what is wrong
/// in it asked in the form, so the form never ends in an error that
/// throws its answers away. `today` is the therapist's day.
pub fn ask_missing(
    ask: &mut dyn Prompter,
    asked: &mut Asked,
    due: &mut Option<String>,
    today: Date,
    read_due: ReadDue<'_>,
) -> Result<()> {
    let width = ask.width();
    let say = |ask: &mut dyn Prompter, why: &str| -> Result<()> {
        ask.show(&crate::render::wrap(why, width, "", ""))
    };
    // What the flags gave, checked as an answer would be: what is wrong
    // is said and asked again below.
    if let Some(why) = asked.therapist.as_deref().and_then(therapist_problem) {
        say(ask, &why)?;
        asked.therapist = None;
    }
    if let Some(why) = asked.client.as_deref().and_then(client_problem) {
        say(ask, &why)?;
        asked.client = None;
    }
    if let Some(why) = asked.note.as_deref().and_then(note_words_problem) {
        say(ask, &why)?;
        asked.note = None;
    }
    if let Some(Err(why)) = due.as_deref().map(read_due) {
        say(ask, &format!("{why}."))?;
        *due = None;
    }

    while asked.therapist.is_none() {
        let typed = ask
            .text("Your name, as your client knows you", "")?
            .unwrap_or_default();
        match therapist_problem(&typed) {
            None => asked.therapist = Some(typed),
            Some(why) => say(ask, &why)?,
        }
    }
    while asked.client.is_none() {
        let Some(typed) = ask.text("Your client's first name (optional)", "")? else {
            break;
        };
        match client_problem(&typed) {
            None => asked.client = Some(typed),
            Some(why) => say(ask, &why)?,
        }
    }
    let day = if let Some(Ok(day)) = due.as_deref().map(read_due) {
        day
    } else {
        let mut question = "Due date (YYYY-MM-DD, or as you write dates)".to_string();
        loop {
            match ask.text(&question, "")? {
                Some(typed) => match read_due(&typed) {
                    Ok(day) => {
                        // Said back at once, weekday and all, so a wrong
                        // guess (a month read as a day) is seen before the
                        // tasks, not in the last line.
                        say(ask, &due_understood(day, today))?;
                        *due = Some(typed);
                        break day;
                    }
                    Err(why) => question = format!("{why}. Due date?"),
                },
                None => question = "A due date is needed. Due date?".to_string(),
            }
        }
    };
    while asked.note.is_none() {
        let Some(typed) = ask.text("A note for your client (optional)", "")? else {
            break;
        };
        match note_words_problem(&typed) {
            None => asked.note = Some(typed),
            Some(why) => say(ask, &why)?,
        }
    }
    let days = days_from_civil(day) - days_from_civil(today) + 1;
    // Tasks from the flags that ask more check-ins than there are days:
    // the count is asked again, the task kept.
    for task in &mut asked.tasks {
        if task.task == TaskKind::CheckIn
            && let Some(why) = check_ins_problem(task.count, days)
        {
            say(ask, &format!("{}: {why}.", task.describe()))?;
            task.count = ask_count(ask, task.task, days)?;
        }
    }
    ask_tasks(ask, &mut asked.tasks, days)
}

/// The due date as the form understood it, in words: "Due Thursday 10
/// December, in 11 days." (its year when it is not this year's).
fn due_understood(day: Date, today: Date) -> String {
    let mut words = crate::plan::date::weekday_and_date(day);
    if day.year != today.year {
        words = format!("{words} {}", day.year);
    }
    match days_from_civil(day) - days_from_civil(today) {
        0 => format!("Due today, {words}."),
        1 => format!("Due tomorrow, {words}."),
        n => format!("Due {words}, in {n} days."),
    }
}

/// Why the therapist's name as typed can't be the one on the homework.
fn therapist_problem(name: &str) -> Option<String> {
    if name.trim().is_empty() {
        return Some(
            "Your name is needed: your client sees it on the homework, so they know who it is from."
                .into(),
        );
    }
    name_problem("Your name", name).map(|why| format!("{why}, please."))
}

/// Why the client's name as typed can't be the one on the homework.
fn client_problem(name: &str) -> Option<String> {
    name_problem("Your client's name", name).map(|why| format!("{why}, please."))
}

/// Why the note as typed can't go in the homework.
fn note_words_problem(note: &str) -> Option<String> {
    note_problem("The note", note).map(|why| format!("{why}, please."))
}

/// A task's count, asked until it is one the task can have: digits of any
/// script count, and check-ins fit the `days` to the due date.
fn ask_count(ask: &mut dyn Prompter, kind: TaskKind, days: i64) -> Result<u32> {
    let question = match kind {
        TaskKind::RehearseTop => "How many of the riskiest triggers? (Enter for 1)",
        TaskKind::CheckIn => "On how many days? (Enter for 1)",
        _ => "How many? (Enter for 1)",
    };
    loop {
        let Some(typed) = ask.text(question, "")? else {
            return Ok(1);
        };
        let why = match read_count(&typed) {
            Ok(n) if kind == TaskKind::CheckIn => match check_ins_problem(n, days) {
                None => return Ok(n),
                Some(why) => why,
            },
            Ok(n) => return Ok(n),
            Err(why) => why,
        };
        let why = format!("{}.", capitalised(&why));
        ask.show(&crate::render::wrap(&why, ask.width(), "", ""))?;
    }
}

/// How many times each of the riskiest triggers is rehearsed, asked until
/// it is a number that can be.
fn ask_times(ask: &mut dyn Prompter) -> Result<u32> {
    loop {
        let Some(typed) = ask.text("How many times each? (Enter for 3)", "")? else {
            return Ok(3);
        };
        match read_count(&typed) {
            Ok(n) => return Ok(n),
            Err(why) => {
                let why = format!("{}.", capitalised(&why));
                ask.show(&crate::render::wrap(&why, ask.width(), "", ""))?;
            }
        }
    }
}

fn capitalised(words: &str) -> String {
    let mut chars = words.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// Asks for tasks from the fixed list until the therapist has enough;
/// each number is checked as it is typed, never at the end.
fn ask_tasks(ask: &mut dyn Prompter, tasks: &mut Vec<Task>, days: i64) -> Result<()> {
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
            .select("Which task?", &choices, Some(0))?
            .filter(|i| *i < TaskKind::ALL.len())
        else {
            break;
        };
        let task = TaskKind::ALL[i];
        let count = if counted(task) {
            ask_count(ask, task, days)?
        } else {
            1
        };
        let times = (task == TaskKind::RehearseTop)
            .then(|| ask_times(ask))
            .transpose()?;
        tasks.push(Task { task, count, times });
    }
    Ok(())
}

/// Whether a task has a count worth asking: ranking the triggers and
/// reviewing the safer environment are done once.
fn counted(task: TaskKind) -> bool {
    !matches!(
        task,
        TaskKind::RankTriggers | TaskKind::ReviewSaferEnvironment
    )
}
