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

/// A due date as she reads it, counted from `today`: "tomorrow",
/// "Friday 4 December", "4 January 2027". A due date is a day: a time a
/// hand-edited file gives with it counts for nothing, so it is not shown
/// (issue 12: "due 2026-12-04T10:00:00" was shown raw).
pub fn due_words(due: &Datetime, today: Date) -> String {
    due.date.map_or_else(
        || crate::plan::date::date_in_words(due),
        |day| crate::plan::date::day_near(day, today),
    )
}

/// Which homework this is, so two from the same therapist are told apart
/// (Anjali had two both called "from Dr Rao"): the therapist and the
/// first words of their note, or, with no note, the day it was set:
/// "from Dr Rao, “Breathing this week”", "from Dr Rao, set on 20
/// November 2026". Cleaned: every word of it is from someone else's file.
pub fn named(a: &Assignment) -> String {
    named_as(a, true)
}

/// [`named`], by the note's first words only when `titled`: a screen that
/// shows the note whole under it names the homework by its day instead,
/// so the note is read once (Wei read "每天晚上做" twice, as the title and
/// as the note).
fn named_as(a: &Assignment, titled: bool) -> String {
    match a.title().filter(|_| titled) {
        Some(title) => format!("from {}, {}", clean(&a.therapist), quoted(&title)),
        None => format!(
            "from {}, set on {}",
            clean(&a.therapist),
            crate::plan::date::date_in_words(&a.assigned)
        ),
    }
}

/// The day of a due date, without any time a hand edit gave it.
fn date_alone(due: &Datetime) -> Datetime {
    due.date.map_or(*due, crate::plan::date::date_only)
}

/// [`named`], and when it is due: "from Dr Rao, set on 20 November 2026,
/// due Friday 4 December".
pub fn named_due(a: &Assignment, today: Date) -> String {
    format!("{}, due {}", named(a), due_words(&a.due, today))
}

/// [`named`], and its due date whole ("due 4 December 2026"): for words
/// that compare two files, where "tomorrow" would mean nothing.
pub fn named_due_whole(a: &Assignment) -> String {
    format!(
        "{}, due {}",
        named(a),
        crate::plan::date::date_in_words(&a.due)
    )
}

/// "Homework from Dr Patel, set on 22 November 2026, due 29 November (7
/// days left):", or "due tomorrow:" where the day says it already; without
/// the count when the clock is `behind` (see [`clock_behind`]), as days
/// counted from it would be wrong (and so is "tomorrow": the date is said
/// whole); once handed in, when that was instead, as nothing more is due.
/// `titled`: see [`named_as`].
fn from_line(
    a: &Assignment,
    today: Date,
    behind: Option<Date>,
    handed_in: Option<&str>,
    titled: bool,
) -> String {
    let who = named_as(a, titled);
    if let Some(on) = handed_in {
        // "today", "yesterday", else a day that takes "on".
        let on = if matches!(on, "today" | "yesterday") {
            on.to_string()
        } else {
            format!("on {on}")
        };
        return format!("Homework {}: you handed it in {on}.", named_due(a, today));
    }
    match (behind, days_to(&a.due, today)) {
        (Some(_), _) => format!(
            "Homework {who}, due {}:",
            crate::plan::date::date_in_words(&date_alone(&a.due))
        ),
        (None, Some(0 | 1)) => format!("Homework {who}, due {}:", due_words(&a.due, today)),
        (None, Some(-1)) => format!(
            "Homework {who}, due yesterday ({}):",
            days_left(&a.due, today)
        ),
        (None, _) => format!(
            "Homework {who}, due {} ({}):",
            due_words(&a.due, today),
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

/// What a just-started assignment asks, with its note, wrapped to
/// `width` (at 50 columns its lines ran off the edge); with --plain, its
/// tasks numbered: a reader names a dash ("dash map at least").
pub fn started(
    a: &Assignment,
    today: Date,
    behind: Option<Date>,
    width: usize,
    plain: bool,
) -> String {
    // The note is shown whole below: the heading does not repeat it.
    let mut lines = vec![super::wrap(
        &from_line(a, today, behind, None, a.note.trim().is_empty()),
        width,
        "",
        "",
    )];
    lines.extend(a.tasks.iter().enumerate().map(|(n, t)| {
        if plain {
            let marker = format!("  {}. ", n + 1);
            super::wrap(&t.describe(), width, &marker, &" ".repeat(marker.len()))
        } else {
            super::wrap(&t.describe(), width, "  - ", "    ")
        }
    }));
    if !a.note.is_empty() {
        // Line by line: a note of several lines shows as written.
        let note = a.note.replace("\r\n", "\n");
        for (n, line) in note.trim_end().split('\n').enumerate() {
            let label = if n == 0 { "Note: " } else { "" };
            lines.push(super::wrap(line, width, label, ""));
        }
    }
    // Two short sentences, a line each: as one, it broke mid-phrase at
    // 100 columns and at 50 ("… help you do / it.").
    for line in [
        "`relapse-plan homework status` shows what is left.",
        "To do it: `new`, `map`, `rank` and `rehearse`.",
    ] {
        lines.push(super::wrap(line, width, "", ""));
    }
    lines.join("\n")
}

/// "  done      map at least 3 triggers (3 of 3 triggers)", wrapped to
/// `width` with the words under the words, so a long task (a trigger's
/// situation in it) never runs off a narrow terminal.
pub fn progress_line(p: &Progress, width: usize) -> String {
    progress_line_as(p, width, "your", false)
}

/// [`progress_line`] with `whose` for the client's own things (see
/// [`crate::plan::homework::Task::describe_as`]): "Wei's", for the
/// therapist's review. A task of homework handed in (`finished`) that was
/// not done is "not done": "not yet" read as still open (Linh).
pub fn progress_line_as(p: &Progress, width: usize, whose: &str, finished: bool) -> String {
    let open = if finished { "not done" } else { "not yet" };
    let status = format!("  {:<8}  ", if p.done { "done" } else { open });
    let hang = " ".repeat(status.len());
    super::wrap(
        &format!("{} ({})", p.task.describe_as(whose), clean(&p.detail)),
        width,
        &status,
        &hang,
    )
}

/// `homework status`: each task and what is left, wrapped to `width`;
/// for homework handed in (`handed_in`: the day, in words), that it is
/// finished, and how to start the next.
pub fn status(
    a: &Assignment,
    tasks: &[Progress],
    today: Date,
    behind: Option<Date>,
    handed_in: Option<&str>,
    width: usize,
) -> String {
    let mut lines = vec![super::wrap(
        &from_line(a, today, behind, handed_in, true),
        width,
        "",
        "",
    )];
    lines.extend(
        tasks
            .iter()
            .map(|p| progress_line_as(p, width, "your", handed_in.is_some())),
    );
    let last = match (handed_in, tasks.iter().filter(|p| !p.done).count()) {
        (Some(_), _) => "It is finished: nothing more is counted for it. When your therapist gives you the next homework, start it with `relapse-plan homework start FILE`.".to_string(),
        (None, 0) => {
            "Everything is done. Hand it in with `relapse-plan homework submit -o hand-in.toml`."
                .to_string()
        }
        (None, 1) => "One thing still to do.".to_string(),
        (None, n) => format!("{n} things still to do."),
    };
    lines.push(super::wrap(&last, width, "", ""));
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
    /// When it was handed in (UTC), once it is.
    #[serde(skip_serializing_if = "Option::is_none")]
    handed_in: Option<String>,
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
        handed_in: Option<&Datetime>,
    ) -> StatusJson {
        StatusJson {
            therapist: a.therapist.clone(),
            due: a.due.to_string(),
            days_left: days_to(&a.due, today).filter(|_| behind.is_none()),
            clock_behind: behind.is_some(),
            handed_in: handed_in.map(ToString::to_string),
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
pub fn reminder(a: &Assignment, tasks: &[Progress], today: Date) -> Option<String> {
    let left: Vec<String> = tasks
        .iter()
        .filter(|p| !p.done)
        .map(|p| format!("  - {} ({})", p.task.describe(), p.detail))
        .collect();
    (!left.is_empty()).then(|| {
        format!(
            "Still to do for your homework {}:\n{}",
            named_due(a, today),
            left.join("\n")
        )
    })
}

/// Said at `homework start` when days for check-ins have already gone
/// by her calendar ([`Assignment::check_ins_past_reach`]), with the way to
/// check in for one: `check-in --date`. `None` when there are days enough.
pub fn check_in_days_gone(a: &Assignment, today: Date) -> Option<String> {
    use crate::plan::date::{civil_from_days, weekday_and_date};
    let (asked, left, first) = a.check_ins_past_reach(today)?;
    let yesterday = civil_from_days(days_from_civil(today) - 1);
    let gone = if first == yesterday {
        format!("{} has already gone by your clock", weekday_and_date(first))
    } else {
        format!(
            "the days from {} to {} have already gone by your clock",
            weekday_and_date(first),
            weekday_and_date(yesterday)
        )
    };
    let due = a
        .due
        .date
        .map_or_else(|| a.due.to_string(), weekday_and_date);
    Some(format!(
        "This homework asks you to check in on {asked} days by {due}, and from today to then there {}, as {gone}. If you can say how a day that has gone was, `relapse-plan check-in --date {first}` checks in for it.",
        if left == 1 {
            "is 1".to_string()
        } else {
            format!("are {left}")
        }
    ))
}

/// The person's calendar day a homework was started, in words from
/// `today` ("yesterday", "20 November").
pub fn started_on(started: &Started, zone: &jiff::tz::TimeZone, today: Date) -> String {
    on_day(&started.started_at, zone, today)
}

/// The person's calendar day of the moment `at`, in words from `today`.
fn on_day(at: &Datetime, zone: &jiff::tz::TimeZone, today: Date) -> String {
    crate::plan::date::local_date(at, zone).map_or_else(
        || crate::plan::date::moment_near(at, zone, today),
        |d| crate::plan::date::day_near(d, today),
    )
}

/// Said to her when she hands the same homework in again: it replaces
/// the earlier hand-in, holds all it held, and is the one to give.
pub fn hands_in_again(earlier: &Datetime, zone: &jiff::tz::TimeZone, today: Date) -> String {
    let day = on_day(earlier, zone, today);
    let on = if matches!(day.as_str(), "today" | "yesterday") {
        ""
    } else {
        "on "
    };
    format!(
        "You handed this homework in {on}{day} already. This new hand-in replaces that one: it holds everything that one did, and what you did since, so give your therapist this one (it says it is the newer)."
    )
}

/// The person's calendar day a homework was handed in, in words; `None`
/// while it is under way.
pub fn handed_in_on(started: &Started, zone: &jiff::tz::TimeZone, today: Date) -> Option<String> {
    started.handed_in.as_ref().map(|at| on_day(at, zone, today))
}

/// Said when the very homework already started is started again.
pub fn already_started(same: &Started, zone: &jiff::tz::TimeZone, today: Date) -> String {
    let day = started_on(same, zone, today);
    let on = if matches!(day.as_str(), "today" | "yesterday") {
        ""
    } else {
        "on "
    };
    format!(
        "You already started this homework {on}{day}; what you have done since then still counts."
    )
}

/// What is at stake in starting another homework, said before asking.
pub fn at_stake(previous: &Started, zone: &jiff::tz::TimeZone, today: Date) -> String {
    format!(
        "You are working on the homework {} (started {}), and have not handed it in. If you start another, what you did for that one no longer counts.",
        named_due(&previous.assignment, today),
        started_on(previous, zone, today),
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
    format!("Start the homework {} instead?", named(new))
}

/// Said as a new homework takes the place of `previous` (None: the
/// started one could not be read).
pub fn replaces(previous: Option<&Started>, today: Date) -> String {
    match previous {
        Some(previous) => format!(
            "This replaces the homework {}.",
            named_due(&previous.assignment, today)
        ),
        None => "This replaces your started homework, which could not be read.".into(),
    }
}

/// The hand-in's text (`text`, going to `output`) as shown before asking.
/// The screen shows a hidden character (a bidi override) written out, and
/// the file keeps it as it is: the words say so rather than "exactly".
/// Said once an assignment is written to `path` (as shown; `output` is
/// the same file, whose name the client's command uses).
pub fn wrote_assignment(
    path: &str,
    output: &std::path::Path,
    a: &Assignment,
    calendar: (Option<&str>, &str),
) -> String {
    let (region, typed) = calendar;
    // In words, so a date typed as "in 2 weeks" is said back plainly; in
    // the Ethiopian or Solar Hijri calendar too where it was typed in it
    // or the therapist is there (Addis Ababa: "30/3/2019").
    let due = match a.due.date.filter(|_| a.due.time.is_none()) {
        Some(day) => crate::plan::date::in_her_calendars(
            &crate::plan::date::long_date(day),
            day,
            region,
            typed,
        ),
        None => crate::plan::date::date_in_words(&a.due),
    };
    format!(
        "Wrote `{path}`: {}, due {due}. Your client starts it with `relapse-plan homework start {}`.",
        super::plural(a.tasks.len() as u64, "task"),
        // Quoted for the shell, so a name with a space or an odd
        // character pastes as the file it is.
        output
            .file_name()
            .map_or_else(String::new, |n| command_word(std::path::Path::new(n)))
    )
}

/// How a file reads, as `validate`'s first line ends: "and it reads
/// cleanly", or, with things to check (`checks`, each in words), "It
/// reads, with one thing to check:" and each on a line of its own, so
/// the first line never says "cleanly" above a problem (Wei).
fn reads(checks: &[String]) -> (String, String) {
    match checks.len() {
        0 => (", and it reads cleanly".into(), String::new()),
        n => (
            format!(
                ". It reads, with {} to check:",
                if n == 1 {
                    "one thing".to_string()
                } else {
                    format!("{n} things")
                }
            ),
            checks
                .iter()
                .map(|c| ["\n  - ", c.as_str()].concat())
                .collect(),
        ),
    }
}

/// What `validate` says of a homework file that reads: what it is (not a
/// plan), whose, the things worth a check (`checks`), and the command
/// that uses it.
pub fn valid_assignment(path: &std::path::Path, a: &Assignment, checks: &[String]) -> String {
    let (how, listed) = reads(checks);
    let what = format!(
        "{}, due {}",
        super::plural(a.tasks.len() as u64, "task"),
        crate::plan::date::date_in_words(&a.due)
    );
    let head = format!(
        "`{}` is a homework file from {}{}, not a plan",
        clean(&path.display().to_string()),
        quoted(&a.therapist),
        a.client
            .as_deref()
            .map_or_else(String::new, |c| format!(" for {}", quoted(c))),
    );
    let start = format!(
        "To start it: `relapse-plan homework start {}`.",
        command_word(path)
    );
    if checks.is_empty() {
        format!("{head}{how}: {what}. {start}")
    } else {
        format!("{head}: {what}{how}{listed}\n{start}")
    }
}

/// What `validate` says of a hand-in that reads, with the things worth a
/// check (`checks`) listed under its first line.
pub fn valid_hand_in(path: &std::path::Path, h: &HandIn, checks: &[String]) -> String {
    let (how, listed) = reads(checks);
    let head = format!(
        "`{}` is a hand-in file{}, for the homework from {}, not a plan{how}",
        clean(&path.display().to_string()),
        h.assignment
            .client
            .as_deref()
            .map_or_else(String::new, |c| format!(" from {}", quoted(c))),
        quoted(&h.assignment.therapist),
    );
    let see = format!("To see it: `relapse-plan review {}`.", command_word(path));
    if checks.is_empty() {
        format!("{head}. {see}")
    } else {
        format!("{head}{listed}\n{see}")
    }
}

/// A name in a homework that holds characters that do not show, as a
/// thing for `validate` to list: `line` is where it is written.
pub fn hidden_name_check(line: Option<usize>, what: &str, name: &str) -> String {
    let said = format!(
        "{what} (“{}”) holds characters that do not show, written out here as \\u{{…}}; a name like that may not be what it looks like",
        clean(name)
    );
    match line {
        Some(line) => format!("Line {line}: {said}."),
        None => format!("{}{}.", said[..1].to_uppercase(), &said[1..]),
    }
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

/// What `validate` says of a practice log that reads cleanly.
pub fn valid_practice_log(path: &std::path::Path, rehearsals: usize, exercises: usize) -> String {
    format!(
        "`{}` is a practice log (relapse-plan keeps it beside your plan as practice.toml), not a plan, and it reads cleanly: {} and {}. `relapse-plan practice` shows it.",
        clean(&path.display().to_string()),
        super::plural(rehearsals, "rehearsal"),
        super::plural(exercises, "exercise"),
    )
}

/// What `validate` says of a check-in log that reads cleanly.
pub fn valid_check_in_log(path: &std::path::Path, days: usize) -> String {
    format!(
        "`{}` is a check-in log (relapse-plan keeps it beside your plan as check-ins.toml), not a plan, and it reads cleanly: {}. `relapse-plan trends` shows them.",
        clean(&path.display().to_string()),
        super::plural(days, "check-in"),
    )
}

/// A path as one word of a command she can run, quoted for the shell and
/// shown cleaned.
fn command_word(path: &std::path::Path) -> String {
    clean(&super::rescue::path_word(path))
}

/// Said once a hand-in is written to `path` (as shown).
pub fn wrote_hand_in(path: &str) -> String {
    format!(
        "Wrote `{path}`. It holds private health information: give it to your therapist the way you agreed, and keep it where only you can see it."
    )
}

/// Said when the hand-in was written to `output` but could not be noted
/// in the plan folder as handed in (`why`, in words): the hand-in is
/// whole and safe to send; only `homework status` does not know yet, and
/// the command that notes it once there is room.
pub fn handed_in_not_noted(output: &std::path::Path, why: &str) -> String {
    format!(
        "Your hand-in is in `{}`, whole, and it is safe to send. It could not be noted here as handed in ({why}), so `relapse-plan homework status` still shows this homework as under way. Once there is room, `relapse-plan homework submit -o {} --force` writes it again and notes it.",
        clean(&output.display().to_string()),
        command_word(output)
    )
}

/// Said after the preview: the file is private, and how to read it whole.
pub fn hand_in_private(output: &std::path::Path) -> String {
    format!(
        "`{}` will hold private health information. The file itself is plain text: to read every line of it before it is written, run `relapse-plan homework submit -o - --yes`, which prints it here and writes nothing.",
        output.display()
    )
}

/// The tasks not done yet of a homework handed in before its due date,
/// in the homework's words ("map at least 4 new triggers; rank your
/// triggers"); `None` when all are done or the due date has come.
fn early_and_not_done(a: &Assignment, tasks: &[Progress], today: Date) -> Option<String> {
    let due = a.due.date?;
    if days_from_civil(due) <= days_from_civil(today) {
        return None;
    }
    let left: Vec<String> = tasks
        .iter()
        .filter(|p| !p.done)
        .map(|p| clean(&p.task.describe()))
        .collect();
    (!left.is_empty()).then(|| left.join("; "))
}

/// Said right before "Write it?" when the homework is handed in before
/// its due date with tasks not done: which, and that handing it in now
/// finishes it (a hand-in sent early once finished the homework without
/// a word).
pub fn not_done_before_asking(a: &Assignment, tasks: &[Progress], today: Date) -> Option<String> {
    let left = early_and_not_done(a, tasks, today)?;
    Some(format!(
        "Not done yet, and it is due {}: {left}. Handing it in now finishes this homework: nothing more is counted for it. If you would rather finish first, answer no: nothing is lost, and `relapse-plan homework status` shows what is left.",
        due_words(&a.due, today)
    ))
}

/// Said after a hand-in written without asking (`--yes`, a script)
/// before its due date with tasks not done: which were not done.
pub fn not_done_handed_in(a: &Assignment, tasks: &[Progress], today: Date) -> Option<String> {
    let left = early_and_not_done(a, tasks, today)?;
    Some(format!(
        "Handed in before it is due ({}), with these not done yet: {left}.",
        due_words(&a.due, today)
    ))
}

/// What a hand-in holds, in words, shown right before the question. The
/// therapist's name comes from their homework file, so it is cleaned like
/// every other word from a file someone else wrote.
pub fn hand_in_summary(h: &HandIn) -> String {
    let notes = h.check_ins.iter().map(|c| c.notes.len()).sum::<usize>();
    let practice = h.practice.rehearsals.len() + h.practice.exercises.len();
    let count = |n: usize, word: &str| super::plural(i128::try_from(n).unwrap_or(i128::MAX), word);
    // Her time zone goes too (so her therapist reads her days as hers):
    // she should know it does.
    let zone = h
        .zone
        .as_deref()
        .map(|z| format!(" It also says your time zone, {}.", clean(z)))
        .unwrap_or_default();
    format!(
        "In short, it holds: {} from {}, your plan as it is now, {} since you started, {}, {} and {} in your own words.{zone}",
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
        // Her time zone goes with it, and she is told so.
        hand_in.zone = Some("Asia/Taipei".into());
        assert!(
            hand_in_summary(&hand_in).ends_with(" It also says your time zone, Asia/Taipei."),
            "{shown}"
        );
    }
}
