//! The therapist's form for `homework assign`: asks, through a
//! [`Prompter`], for what the flags did not say.

use crate::error::{Error, Result};
use crate::plan::homework::{Asked, Task, TaskKind};
use crate::prompt::Prompter;

/// Asks for each of the therapist's name, the client's, the due date and
/// the note that `asked` (and `due`) lack, then for tasks.
pub fn ask_missing(
    ask: &mut dyn Prompter,
    asked: &mut Asked,
    due: &mut Option<String>,
) -> Result<()> {
    if asked.therapist.is_none() {
        asked.therapist = ask.text("Your name, as your client knows you", "")?;
    }
    if asked.client.is_none() {
        asked.client = ask.text("Your client's first name (optional)", "")?;
    }
    if due.is_none() {
        *due = ask.text("Due date (YYYY-MM-DD)", "")?;
    }
    if asked.note.is_none() {
        asked.note = ask.text("A note for your client (optional)", "")?;
    }
    ask_tasks(ask, &mut asked.tasks)
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
            .select("Which task?", &choices, Some(0))?
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
