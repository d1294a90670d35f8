//! The therapist's form for `homework assign`: asks, through a
//! [`Prompter`], for what the flags did not say.

use crate::error::Result;
use crate::plan::homework::{Asked, Task, TaskKind};
use crate::prompt::Prompter;

/// Asks for each of the therapist's name, the client's, the due date and
/// the note that `asked` (and `due`) lack, then for tasks. The due date is
/// read as it is typed (`read_due` says why not, or nothing) and asked
/// again until it is one: refused only at the end, it once cost the
/// therapist the whole form.
pub fn ask_missing(
    ask: &mut dyn Prompter,
    asked: &mut Asked,
    due: &mut Option<String>,
    read_due: &dyn Fn(&str) -> Option<String>,
) -> Result<()> {
    if asked.therapist.is_none() {
        asked.therapist = ask.text("Your name, as your client knows you", "")?;
    }
    if asked.client.is_none() {
        asked.client = ask.text("Your client's first name (optional)", "")?;
    }
    if due.is_none() {
        let mut question = "Due date (YYYY-MM-DD, or as you write dates)".to_string();
        *due = loop {
            match ask.text(&question, "")? {
                Some(typed) => match read_due(&typed) {
                    None => break Some(typed),
                    Some(why) => question = format!("{why}. Due date?"),
                },
                None => question = "A due date is needed. Due date?".to_string(),
            }
        };
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
        // A count that can't be one is said and the task asked again,
        // never the whole form lost.
        match Task::from_flag(&flag) {
            Ok(task) => tasks.push(task),
            Err(why) => ask.show(&format!("{why}; please choose the task again."))?,
        }
    }
    Ok(())
}
