//! The command line, as clap types only. From the domain it takes nothing
//! but its closed sets of values (category, kind, role, acted, recalled),
//! so their names, `--help`, completions and validation come from one list.
//! The `///` comments are the `--help` text.

use std::borrow::Cow;
use std::ffi::OsStr;
use std::marker::PhantomData;
use std::path::PathBuf;

use clap::builder::{PossibleValue, TypedValueParser};
use clap::error::ErrorKind;
use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
use clap_complete::Shell;

use crate::plan::checkin::Acted;
use crate::plan::rehearsal::Recall;
use crate::plan::{Category, CopingKind, Role};

const EXAMPLES: &str = "\
Examples:
  relapse-plan init --name Sam --country GB
  relapse-plan trigger add --situation \"Friday payday\" --category pleasant-emotions
  relapse-plan step add \"Leave and go somewhere safe\"
  relapse-plan now

Your plan is private: it stays on this computer, in the folder `relapse-plan path` shows.";

/// Build, practise and carry your relapse-prevention and crisis plan.
///
/// relapse-plan keeps your plan as a TOML file in your config folder, saves
/// every change as a new revision, and shows it in one glance when you need
/// it (`relapse-plan now`). It works offline and never connects to anything.
#[derive(Debug, Parser)]
#[command(name = "relapse-plan", version, after_help = EXAMPLES, max_term_width = 100)]
pub struct Cli {
    /// Keep the plan in DIR instead of your config folder (or set `RELAPSE_PLAN_DIR`).
    #[arg(long, global = true, value_name = "DIR")]
    pub plan_dir: Option<PathBuf>,

    /// Your country, two letters (GB, US, IE, …): `init` and `set` save it in the plan
    /// ("none" clears it); `now` shows its crisis lines instead of the plan's.
    #[arg(long, global = true, value_name = "CC")]
    pub country: Option<String>,

    /// The change note saved with the revision this command makes; for `check-in`,
    /// your line for today in your own words (never a change note). Commands that
    /// save no revision (show, print, review, …) refuse it rather than drop it.
    #[arg(long, global = true, value_name = "TEXT")]
    pub note: Option<String>,

    /// When to use colour; auto: only on a terminal, never with `NO_COLOR`.
    #[arg(long, global = true, value_name = "WHEN", default_value = "auto", value_parser = kindly::<ColorWhen>())]
    pub color: ColorWhen,

    /// Plain output: no box drawing, colour or symbols; tables become labelled lines.
    /// For screen readers and braille displays.
    #[arg(long, global = true)]
    pub plain: bool,

    #[command(subcommand)]
    pub command: Command,
}

/// The full command, with an example on every subcommand's help. The list
/// sections share one set of subcommands, so their examples are written
/// here, where each knows its own noun.
pub fn command() -> clap::Command {
    let examples: [(&str, &str); 11] = [
        ("step", "Leave and go somewhere safe"),
        ("warning-sign", "Skipping meals"),
        ("reason", "Being there for my daughter"),
        ("safety", "No alcohol kept at home"),
        ("lapse", "Call Alex within the hour"),
        ("maintenance", "Walk at lunch"),
        ("helps", "Sit with me; you don't need to talk"),
        ("not-helpful", "Telling me to cheer up"),
        ("who-does-what", "Aoife: stays with me"),
        ("stand-down", "I'm eating and sleeping again"),
        (
            "after-crisis",
            "A quiet day or two, and a call on the third",
        ),
    ];
    let mut command = Cli::command();
    for (noun, text) in examples {
        command = command.mut_subcommand(noun, |sub| {
            sub.mut_subcommand("list", |c| c.after_help(format!("Example:\n  relapse-plan {noun} list")))
                .mut_subcommand("add", |c| {
                    c.after_help(format!("Examples:\n  relapse-plan {noun} add \"{text}\"\n  relapse-plan {noun} add \"{text}\" --before 1"))
                })
                .mut_subcommand("edit", |c| c.after_help(format!("Example:\n  relapse-plan {noun} edit 2 \"{text}\"")))
                .mut_subcommand("remove", |c| c.after_help(format!("Example:\n  relapse-plan {noun} remove 2")))
                .mut_subcommand("move", |c| c.after_help(format!("Example:\n  relapse-plan {noun} move 3 --to 1")))
        });
    }
    command
}

#[derive(Debug, Subcommand)]
#[allow(clippy::large_enum_variant)] // parsed once per run; boxing would only add noise
pub enum Command {
    /// A guided walk through your whole plan, one section at a time.
    ///
    /// Every answer is kept as you give it: stop at any time with Ctrl-C and
    /// run `new` again to carry on. If you already have a plan, `new` walks
    /// through it so you can change what you like; it never replaces it
    /// without asking.
    #[command(after_help = "Example:\n  relapse-plan new")]
    New,

    /// Map your triggers: situations, and the thoughts, feelings and urges they bring.
    #[command(after_help = "Example:\n  relapse-plan map")]
    Map,

    /// Rank your triggers: quick ratings, then "which would be harder?" comparisons.
    ///
    /// Priority = likelihood × intensity × (100 − confidence) / 100 is this
    /// tool's own rule of thumb, from 0 to 25, shown as high (from 10),
    /// medium (from 4) or low beside your own ratings: the word comes from
    /// your ratings alone, never from a trigger's place among the others.
    /// Comparing pairs lets you set your own order; only triggers with all
    /// three ratings are compared, and one not fully rated yet is listed
    /// after the rated ones.
    #[command(after_help = "Example:\n  relapse-plan rank")]
    Rank,

    /// Practise your planned response to a trigger until it comes without thinking.
    ///
    /// Picks the trigger that is due and riskiest (or the one you name).
    /// Practice is spaced out over 1, 2, 4, 8, 16 and 30 days as you recall
    /// more of your plan; recalling none of it starts again from 1 day.
    #[command(
        after_help = "Examples:\n  relapse-plan rehearse\n  relapse-plan rehearse payday\n  relapse-plan rehearse --list\n  relapse-plan rehearse payday --recalled some --confidence 60\n  relapse-plan rehearse --ics -o practice.ics"
    )]
    Rehearse(RehearseArgs),

    /// Start an empty plan (revision 1).
    #[command(after_help = "Example:\n  relapse-plan init --name Sam --country GB")]
    Init(InitArgs),

    /// Change your name, country (--country), review dates or where you keep your plan.
    #[command(
        after_help = "Examples:\n  relapse-plan set --country IE\n  relapse-plan set --next-review 2027-01-15 --ics review.ics\n  relapse-plan set --kept-at \"wallet, phone, on the fridge\""
    )]
    Set(SetArgs),

    /// High-risk situations and the thoughts, feelings and urges they bring.
    #[command(subcommand)]
    Trigger(TriggerCommand),

    /// Coping strategies, each with concrete steps.
    #[command(subcommand)]
    Coping(CopingCommand),

    /// People and services: who distracts, who helps, who is a professional.
    #[command(subcommand)]
    Contact(ContactCommand),

    /// Crisis steps, in order: from what you can do yourself up to professionals.
    #[command(subcommand)]
    Step(StepCommand),

    /// Early warning signs that things are sliding.
    #[command(subcommand)]
    WarningSign(TextCommand),

    /// Your reasons: for recovery, for living.
    #[command(subcommand)]
    Reason(TextCommand),

    /// A safer environment: what to remove or lock away, and who holds it.
    #[command(subcommand)]
    Safety(TextCommand),

    /// Your lapse plan: what to do after a slip (stop, get safe, reach out, learn).
    #[command(subcommand)]
    Lapse(TextCommand),

    /// Daily maintenance: what you do every day to stay well.
    #[command(subcommand)]
    Maintenance(TextCommand),

    /// For the people who help you: what helps when you're struggling.
    #[command(subcommand)]
    Helps(TextCommand),

    /// For the people who help you: what does not help.
    #[command(subcommand)]
    NotHelpful(TextCommand),

    /// For the people who help you: who does what ("Aoife: stays with me").
    #[command(subcommand)]
    WhoDoesWhat(TextCommand),

    /// For the people who help you: when they can stand down (signs the crisis is over).
    #[command(subcommand)]
    StandDown(TextCommand),

    /// For the people who help you: what you need in the days after a crisis.
    #[command(subcommand)]
    AfterCrisis(TextCommand),

    /// Paced breathing: breathe in, then out for longer, following a bar.
    ///
    /// A longer out-breath than in-breath helps the body settle. Press
    /// Ctrl-C to stop at any time; what you did is logged as practice.
    #[command(
        after_help = "Examples:\n  relapse-plan breathe\n  relapse-plan breathe --in 4 --out 8 --minutes 5"
    )]
    Breathe(BreatheArgs),

    /// Urge surfing: rate the urge now and every few minutes, and watch it pass.
    ///
    /// Urges rise, peak and fall, usually within 15 to 30 minutes. Press
    /// Ctrl-C to stop at any time; the ratings so far are logged.
    /// `--ratings` logs one done away from the terminal.
    #[command(
        after_help = "Examples:\n  relapse-plan surf\n  relapse-plan surf --minutes 15 --every 3\n  relapse-plan surf --ratings 7,8,6,4,2 --trigger payday"
    )]
    Surf(SurfArgs),

    /// A one-minute daily check-in: urge, warning signs, what helped, how you feel.
    ///
    /// Asks about today: the strongest urge (0-10), whether you acted on it,
    /// which of your warning signs showed up, which of your daily maintenance
    /// you did and which coping you used, distress (0-10) and a line in your
    /// own words (--note). One entry per day: checking in again the same day
    /// adds to it. It is kept in check-ins.toml, not as a plan revision.
    ///
    /// Your early warning shows when (by default) 2 or more warning signs
    /// (your plan's, or ones you typed in) showed on 3 of your last 5
    /// check-ins, or an urge of 7 or more
    /// came on 2 days within 3 days (today included), or there was a lapse
    /// within the last 3 days. Then `check-in`, `now` and `show` say which
    /// signs, and show your first crisis steps and people, until it eases.
    /// Change the numbers in your plan file's `[early_warning]` table.
    #[command(
        after_help = "Examples:\n  relapse-plan check-in\n  relapse-plan check-in --urge 6 --acted no --sign \"Skipping meals\" --did \"Morning walk\" \\\n    --used urge-surf --distress 5 --note \"Long day, but I went for the walk\"\n  relapse-plan check-in --count-days on\n  relapse-plan check-in --ics --at 20:30 -o check-in.ics"
    )]
    CheckIn(CheckInArgs),

    /// Your check-ins over time: urge and distress, warning signs by day, what helped, lapses.
    #[command(
        after_help = "Examples:\n  relapse-plan trends\n  relapse-plan trends --days 30\n  relapse-plan trends --days 90 --csv > check-ins.csv\n  relapse-plan --plain trends"
    )]
    Trends(TrendsArgs),

    /// Your practice over time: rehearsals, exercises, and how your confidence is changing.
    #[command(
        after_help = "Examples:\n  relapse-plan practice\n  relapse-plan practice --trigger payday --json"
    )]
    Practice(PracticeArgs),

    /// Homework: a therapist assigns tasks; you start, track and hand them in.
    #[command(subcommand)]
    Homework(HomeworkCommand),

    /// Review a hand-in (therapists), or your own plan since a date or revision.
    ///
    /// Shows each task's status, what changed, rehearsal counts with the
    /// confidence trend, and things worth talking about. Never writes.
    #[command(
        after_help = "Examples:\n  relapse-plan review hand-in.toml\n  relapse-plan review hand-in.toml --assignment homework.toml\n  relapse-plan review --since 2026-10-01\n  relapse-plan review"
    )]
    Review(ReviewArgs),

    /// Print the plan to carry: text, Markdown, HTML or PDF, or a wallet card.
    ///
    /// In the order it is used in a crisis: warning signs, your steps, your
    /// own coping, people and places that distract, people who help,
    /// professionals and crisis lines, a safer environment, your reasons;
    /// then triggers riskiest first, the lapse plan and daily maintenance.
    /// The output holds private health information.
    #[command(
        after_help = "Examples:\n  relapse-plan print\n  relapse-plan print --format pdf -o plan.pdf\n  relapse-plan print --card --format pdf -o card.pdf\n  relapse-plan print --card -o lock-screen.png --size 1080x2400\n  relapse-plan print --format html --paper letter -o plan.html\n  relapse-plan print --for Aoife -o for-aoife.pdf"
    )]
    Print(PrintArgs),

    /// Crisis lines for your country: who to call or text, checked and dated.
    ///
    /// The country is --country, else your plan's, else your locale's
    /// (`LC_ALL`, `LC_MESSAGES`, `LANG`). Each line was checked against the
    /// organisation's own site on the date shown.
    #[command(
        after_help = "Examples:\n  relapse-plan lines\n  relapse-plan lines --country IE\n  relapse-plan lines --all --json"
    )]
    Lines(LinesArgs),

    /// Show the whole plan as tables, riskiest triggers first.
    ///
    /// Triggers with all three ratings come first: the ones you compared (in
    /// `rank`, or `--rank`) in your own order, the others placed among them
    /// by priority = likelihood × intensity × (100 − confidence) / 100: a
    /// rule of thumb of this tool's own, not a clinical score. High from
    /// 10, medium from 4, low below. Those not fully rated yet come last,
    /// in the order you added them.
    ///
    /// Everything is in your own words, numbered as commands take them
    /// (`trigger edit 2`): a trigger keeps the number it was added with,
    /// the same as in `trigger list`, whatever its place riskiest first.
    #[command(after_help = "Examples:\n  relapse-plan show\n  relapse-plan show --json")]
    Show(JsonArgs),

    /// Your crisis plan in one glance: steps, people, crisis lines, reasons.
    ///
    /// Never asks anything. If the plan file is damaged it shows the newest
    /// saved revision that reads cleanly.
    #[command(after_help = "Example:\n  relapse-plan now --country GB")]
    Now,

    /// Every saved revision: number, date and change note.
    #[command(after_help = "Examples:\n  relapse-plan history\n  relapse-plan history --json")]
    History(JsonArgs),

    /// What changed between two revisions, in words.
    ///
    /// With no revisions: the previous revision against the current plan.
    /// With one: that revision against the current plan.
    #[command(after_help = "Examples:\n  relapse-plan diff\n  relapse-plan diff 3 5")]
    Diff(DiffArgs),

    /// Bring back an old revision, saved as a new one (history is kept).
    #[command(after_help = "Example:\n  relapse-plan restore 3")]
    Restore(RestoreArgs),

    /// Check a plan file without changing anything.
    ///
    /// A homework file, a hand-in or a started homework is checked as what
    /// it is, by the reader its own command uses, and said so.
    #[command(after_help = "Example:\n  relapse-plan validate examples/plan.toml")]
    Validate(ValidateArgs),

    /// Print the folder that holds your plan.
    #[command(after_help = "Example:\n  relapse-plan path")]
    Path,

    /// Print shell completions: bash, zsh, fish, elvish or powershell.
    #[command(
        after_help = "Example (bash):\n  relapse-plan completions bash > ~/.local/share/bash-completion/completions/relapse-plan"
    )]
    Completions {
        /// The shell.
        #[arg(value_parser = kindly::<Shell>())]
        shell: Shell,
    },

    /// Print the manual page (roff).
    #[command(after_help = "Example:\n  relapse-plan man > relapse-plan.1 && man ./relapse-plan.1")]
    Man,
}

#[derive(Debug, Args)]
#[allow(clippy::struct_excessive_bools)] // each is a command-line flag
pub struct RehearseArgs {
    /// The trigger to practise: its number in `trigger list`, its first words, or its id; default: the riskiest one that is due.
    pub trigger: Option<String>,
    /// List what is due and when, without asking anything.
    #[arg(long)]
    pub list: bool,
    /// With --list: print JSON.
    #[arg(long, requires = "list")]
    pub json: bool,
    /// Write upcoming rehearsals as an iCalendar file, for a calendar app.
    #[arg(long, conflicts_with_all = ["list", "recalled"])]
    pub ics: bool,
    /// With --ics: the file to write (default: standard output).
    #[arg(short, long, value_name = "FILE", requires = "ics")]
    pub output: Option<PathBuf>,
    /// Write over the -o file if it is already there, without asking.
    #[arg(long, requires = "output")]
    pub force: bool,
    /// With --ics: put each situation, in your words, in the events (their
    /// titles and notes). Without it each event says only "Practise your
    /// plan": a calendar is often shared or synced.
    #[arg(long, requires = "ics")]
    pub details: bool,
    /// Log a rehearsal done elsewhere, without asking: how much of your
    /// planned response you recalled. Needs TRIGGER and --confidence.
    #[arg(long, value_name = "HOW MUCH", requires_all = ["trigger", "confidence"], conflicts_with = "list", value_parser = kindly::<Recall>())]
    pub recalled: Option<Recall>,
    /// With --recalled: how sure you are now that you could handle it, 0-100 %.
    #[arg(long, value_name = "0-100", requires = "recalled", value_parser = percent, allow_negative_numbers = true)]
    pub confidence: Option<u8>,
    /// With --recalled: what you said you would do, in your own words.
    #[arg(long, value_name = "TEXT", requires = "recalled")]
    pub response: Option<String>,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// How you want to be named on your plan.
    #[arg(long, default_value = "")]
    pub name: String,
}

#[derive(Debug, Args)]
pub struct SetArgs {
    /// How you want to be named on your plan.
    #[arg(long)]
    pub name: Option<String>,
    /// When you last reviewed the plan, as you write dates (31/03/2027,
    /// 2027-03-31, 31 March); "none" to clear.
    #[arg(long, value_name = "DATE")]
    pub last_review: Option<String>,
    /// When to review it next, as you write dates (31/03/2027, 2027-03-31,
    /// "next Friday"); "none" to clear. Plans are usually reviewed every
    /// 30-90 days.
    #[arg(long, alias = "review", value_name = "DATE")]
    pub next_review: Option<String>,
    /// Write the next review date as a calendar event to FILE (`-` for
    /// standard output), for a calendar app.
    #[arg(long, value_name = "FILE")]
    pub ics: Option<PathBuf>,
    /// Write over the --ics file if it is already there, without asking.
    #[arg(long, requires = "ics")]
    pub force: bool,
    /// Where you keep your printed plan, in your words ("wallet, phone"); "none" to clear.
    #[arg(long, value_name = "WHERE", value_parser = text_or_none)]
    pub kept_at: Option<Cleared<String>>,
    /// Your own emergency number, for a country the built-in lines lack; "none" to clear.
    #[arg(long, value_name = "NUMBER", value_parser = text_or_none)]
    pub emergency_number: Option<Cleared<String>>,
    /// Add a local crisis line of your own: its name (with --call and/or --text, and --source).
    #[arg(long, value_name = "NAME")]
    pub own_line: Option<String>,
    /// With --own-line: the number to call.
    #[arg(long, value_name = "NUMBER", requires = "own_line")]
    pub call: Option<String>,
    /// With --own-line: the number to text.
    #[arg(long, value_name = "NUMBER", requires = "own_line")]
    pub text: Option<String>,
    /// With --emergency-number or --own-line: where you found it, in your words (with both, it goes on both). With --own-line NAME alone, for a line you have, it changes only where you found it.
    #[arg(long, value_name = "TEXT")]
    pub source: Option<String>,
    /// Remove a local crisis line of your own, by its name.
    #[arg(long, value_name = "NAME")]
    pub remove_own_line: Option<String>,
}

#[derive(Debug, Args)]
pub struct JsonArgs {
    /// Print JSON for scripts instead of tables.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct BreatheArgs {
    /// Seconds to breathe in.
    #[arg(long = "in", value_name = "SECONDS", default_value_t = 4, value_parser = breath_in, allow_negative_numbers = true)]
    pub breathe_in: u8,
    /// Seconds to breathe out (longer than in).
    #[arg(long = "out", value_name = "SECONDS", default_value_t = 6, value_parser = breath_out, allow_negative_numbers = true)]
    pub breathe_out: u8,
    /// How long, in minutes (decimals allowed).
    #[arg(long, default_value_t = 3.0, allow_negative_numbers = true)]
    pub minutes: f64,
}

#[derive(Debug, Args)]
pub struct SurfArgs {
    /// How long, in minutes (decimals allowed).
    #[arg(long, default_value_t = 20.0, allow_negative_numbers = true)]
    pub minutes: f64,
    /// Minutes between ratings.
    #[arg(long, default_value_t = 5.0, allow_negative_numbers = true)]
    pub every: f64,
    /// Log a surf done elsewhere: the urge, 0-10, at each check, e.g. 7,8,6,4,2.
    #[arg(long, value_name = "LIST", allow_hyphen_values = true)]
    pub ratings: Option<String>,
    /// The trigger it was for: its number in `trigger list`, its first words, or its id.
    #[arg(long, value_name = "TRIGGER")]
    pub trigger: Option<String>,
}

#[derive(Debug, Args)]
pub struct CheckInArgs {
    /// The strongest urge today, 0 (none) to 10 (the strongest it gets).
    /// Giving it checks in without asking anything.
    #[arg(long, value_name = "0-10", value_parser = zero_to_ten, allow_negative_numbers = true)]
    pub urge: Option<u8>,
    /// Whether you acted on an urge today (left out: not said, never taken as no).
    #[arg(long, value_name = "no|partly|yes", requires = "urge", value_parser = kindly::<Acted>())]
    pub acted: Option<Acted>,
    /// One of your plan's warning signs that showed today: its number in
    /// the list, its words, or a part of them found in that sign alone
    /// (repeat for more).
    #[arg(long, value_name = "TEXT", requires = "urge")]
    pub sign: Vec<String>,
    /// Something else that showed today, in your words (not added to the plan).
    #[arg(long, value_name = "TEXT", requires = "urge")]
    pub other_sign: Vec<String>,
    /// One of your daily maintenance items you did today: its number, its
    /// words, or a part of them found in that one alone (repeat for more).
    #[arg(long, value_name = "TEXT", requires = "urge")]
    pub did: Vec<String>,
    /// A coping strategy you used today: its number in `coping list`, its name, or its id (repeat for more).
    #[arg(long, value_name = "COPING", requires = "urge")]
    pub used: Vec<String>,
    /// Distress or low mood today, 0 (calm) to 10 (the worst it gets).
    #[arg(long, value_name = "0-10", requires = "urge", value_parser = zero_to_ten, allow_negative_numbers = true)]
    pub distress: Option<u8>,
    /// The day this check-in is for, when not today: a day gone by, as
    /// you write dates (2026-11-28, 28/11/2026, 28 Nov). The command shown
    /// when a check-in is stopped names its day with it.
    #[arg(long, value_name = "DATE", requires = "urge")]
    pub date: Option<String>,
    /// Move the check-in of this day (one dated in the future, saved while
    /// the computer's clock was ahead) to the day given with --to. It joins
    /// that day's check-in, if there is one: nothing is lost.
    #[arg(long = "move", value_name = "DATE", requires = "to", conflicts_with_all = ["urge", "ics", "count_days"])]
    pub move_from: Option<String>,
    /// With --move: the day the check-in was for (today or a day gone by).
    #[arg(long, value_name = "DATE", requires = "move_from")]
    pub to: Option<String>,
    /// Show how many days since your last lapse, and your longest stretch.
    #[arg(long, value_name = "on|off", conflicts_with = "ics", value_parser = kindly::<Switch>())]
    pub count_days: Option<Switch>,
    /// Write a daily check-in reminder as an iCalendar file, for a calendar app.
    #[arg(long, conflicts_with = "urge")]
    pub ics: bool,
    /// With --ics: the time of day for the reminder, HH:MM (default 20:00).
    #[arg(long, value_name = "HH:MM", requires = "ics")]
    pub at: Option<String>,
    /// With --ics: the file to write (default: standard output).
    #[arg(short, long, value_name = "FILE", requires = "ics")]
    pub output: Option<PathBuf>,
    /// Write over the -o file if it is already there, without asking.
    #[arg(long, requires = "output")]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct TrendsArgs {
    /// How many days to show, up to today: 14, 30 or 90.
    #[arg(long, default_value_t = 14, value_parser = day_count, allow_negative_numbers = true)]
    pub days: u16,
    /// Print JSON for scripts.
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// Print CSV for a spreadsheet: one row a day.
    #[arg(long)]
    pub csv: bool,
}

#[derive(Debug, Args)]
pub struct PracticeArgs {
    /// Only this trigger's rehearsals: its number in `trigger list`, its
    /// first words, or its id.
    #[arg(long, value_name = "TRIGGER")]
    pub trigger: Option<String>,
    /// Print JSON for scripts.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum HomeworkCommand {
    /// Write an assignment file (therapists; needs no plan of its own).
    ///
    /// Tasks (repeat --task): map-triggers=N, rank-triggers, add-help-contacts=N,
    /// write-crisis-steps=N, rehearse-top=NxM (top N triggers, M times each),
    /// practise-urge-surfing=N, practise-breathing=N, review-safer-environment,
    /// write-lapse-plan=N, add-reasons=N, add-warning-signs=N, check-in=N
    /// (check in on N days by the due date, that day included).
    #[command(
        after_help = "Example:\n  relapse-plan homework assign -o homework.toml --therapist \"Dr Patel\" --client Sam \\\n    --due 2026-11-29 --task map-triggers=3 --task rehearse-top=2x3 --task add-help-contacts=2"
    )]
    Assign(AssignArgs),
    /// Start an assignment your therapist gave you.
    #[command(after_help = "Example:\n  relapse-plan homework start homework.toml")]
    Start {
        /// The homework file.
        file: PathBuf,
        /// Replace the homework you already started with this one, without asking.
        #[arg(long)]
        force: bool,
    },
    /// What is done and what is still to do, worked out from your plan and practice.
    #[command(
        after_help = "Examples:\n  relapse-plan homework status\n  relapse-plan homework status --json"
    )]
    Status {
        /// Print JSON for scripts.
        #[arg(long)]
        json: bool,
    },
    /// Write the hand-in file for your therapist (you see exactly what it holds first).
    #[command(after_help = "Example:\n  relapse-plan homework submit -o hand-in.toml")]
    Submit {
        /// The file to write.
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
        /// Write it without asking (for scripts).
        #[arg(long)]
        yes: bool,
        /// Write over the file if it is already there, without asking.
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, Args)]
pub struct AssignArgs {
    /// The file to write.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    /// Write over the file if it is already there, without asking.
    #[arg(long)]
    pub force: bool,
    /// Your name, as the client knows you.
    #[arg(long)]
    pub therapist: Option<String>,
    /// The client's first name (optional).
    #[arg(long)]
    pub client: Option<String>,
    /// When it is due (as `set` reads dates: 2026-11-29, 29/11/2026 in your
    /// locale's order, 29 Nov).
    #[arg(long, value_name = "DATE")]
    pub due: Option<String>,
    /// A note for the client.
    #[arg(long = "message", value_name = "TEXT")]
    pub message: Option<String>,
    /// A task, e.g. map-triggers=3 or rehearse-top=2x3 (repeatable).
    #[arg(long, value_name = "TASK")]
    pub task: Vec<String>,
}

#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// A hand-in file from a client. With no file and no --since, your
    /// own plan since your last review (or the last week).
    #[arg(conflicts_with = "since")]
    pub file: Option<PathBuf>,
    /// The assignment you gave, to check the hand-in answers it.
    #[arg(long, value_name = "FILE", requires = "file")]
    pub assignment: Option<PathBuf>,
    /// Review your own plan since a date (as `set` reads dates: 2026-11-28,
    /// 28/11/2026 in your locale's order, 28 Nov) or a revision number.
    #[arg(long, value_name = "DATE|REV", allow_negative_numbers = true)]
    pub since: Option<String>,
}

#[derive(Debug, Args)]
#[allow(clippy::struct_excessive_bools)] // each is a command-line flag
pub struct PrintArgs {
    /// The format (default: from the -o file's extension, else text); png
    /// is the card as a phone's lock screen (with --card).
    #[arg(long, value_parser = kindly::<Format>())]
    pub format: Option<Format>,
    /// A wallet card (85.6 × 54 mm, front and back) instead of the full plan;
    /// as a PNG, the card for a phone's lock screen.
    #[arg(long)]
    pub card: bool,
    /// Add your check-ins of the last 30 days: a small chart of urge and
    /// distress with lapses marked (HTML, PDF), and a few sentences.
    #[arg(long, conflicts_with_all = ["card", "blank", "supporter"])]
    pub trends: bool,
    /// The lock-screen image's size in pixels, width x height (default
    /// 1170x2532, an iPhone; 1080x2400 suits many Android phones).
    #[arg(long, value_name = "WIDTHxHEIGHT", value_parser = crate::render::phone::parse_size, allow_hyphen_values = true)]
    pub size: Option<(u32, u32)>,
    /// The lock-screen image dark text on a light ground (default: light on dark).
    #[arg(long, conflicts_with = "dark")]
    pub light: bool,
    /// The lock-screen image light text on a dark ground (the default).
    #[arg(long)]
    pub dark: bool,
    /// Paper size for HTML and PDF.
    #[arg(long, default_value = "a4", value_parser = kindly::<Paper>())]
    pub paper: Paper,
    /// Print an earlier revision (see `relapse-plan history`).
    #[arg(long, value_name = "REV", value_parser = revision, allow_negative_numbers = true)]
    pub revision: Option<u64>,
    /// A form to fill in by hand: every section with ruled lines, none of
    /// the plan's entries (the emergency number and crisis lines stay).
    #[arg(long, conflicts_with_all = ["write_in", "card"])]
    pub blank: bool,
    /// The plan with a few ruled lines under each section, for additions
    /// by hand.
    #[arg(long, conflicts_with = "card")]
    pub write_in: bool,
    /// Write to FILE instead of standard output (needed for PDF on a terminal).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Write over the -o file if it is already there, without asking.
    #[arg(long, requires = "output")]
    pub force: bool,
    /// A copy for one of your people, by their name as you wrote it: your
    /// crisis steps, the sections for supporters, the people to call and
    /// crisis lines; nothing else. You see what goes in first.
    #[arg(long = "for", visible_alias = "supporter", value_name = "NAME", conflicts_with_all = ["card", "blank", "write_in"])]
    pub supporter: Option<String>,
    /// With --for: write it without asking (needed when not on a terminal).
    #[arg(long, requires = "supporter")]
    pub yes: bool,
}

#[derive(Debug, Args)]
pub struct LinesArgs {
    /// Every country's lines.
    #[arg(long)]
    pub all: bool,
    /// Print JSON for scripts.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The older revision (default: the one before the current).
    #[arg(value_parser = revision, allow_negative_numbers = true)]
    pub from: Option<u64>,
    /// The newer revision (default: the current plan).
    #[arg(value_parser = revision, allow_negative_numbers = true)]
    pub to: Option<u64>,
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// The revision to bring back (see `relapse-plan history`).
    #[arg(value_parser = revision, allow_negative_numbers = true)]
    pub revision: u64,
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// The plan file (or homework file, or hand-in) to check.
    pub file: PathBuf,
}

/// The crisis steps: the list commands, and how likely you are to use each.
#[derive(Debug, Subcommand)]
pub enum StepCommand {
    #[command(flatten)]
    Text(TextCommand),
    /// How likely you are to do step N (0-100 %), what could get in the
    /// way, and your answer to that. Without flags, shows them.
    #[command(
        after_help = "Example:\n  relapse-plan step follow-through 2 --likely 40 \\\n    --in-the-way \"I won't want to bother Alex\" --answer \"Alex asked me to call, any time\""
    )]
    FollowThrough {
        /// Its number in `step list`.
        #[arg(value_parser = item_number, allow_negative_numbers = true)]
        number: usize,
        #[command(flatten)]
        flags: FollowThroughFlags,
    },
}

/// How likely you are to use a step or strategy, and what could get in the way.
#[derive(Debug, Args)]
pub struct FollowThroughFlags {
    /// How likely you are to use it, 0 to 100 % ("none" to clear).
    #[arg(long, value_name = "0-100", value_parser = percent_or_none, allow_negative_numbers = true)]
    pub likely: Option<Cleared<u8>>,
    /// What could get in the way, in your words ("none" to clear).
    #[arg(long, value_name = "TEXT", value_parser = text_or_none)]
    pub in_the_way: Option<Cleared<String>>,
    /// Your answer to what could get in the way ("none" to clear).
    #[arg(long, value_name = "TEXT", value_parser = text_or_none)]
    pub answer: Option<Cleared<String>>,
}

/// A value given on the command line, or "none" to clear it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cleared<T> {
    Set(T),
    None,
}

impl<T> Cleared<T> {
    /// `Some(value)` to set, `None` to clear.
    pub fn into_option(self) -> Option<T> {
        match self {
            Cleared::Set(value) => Some(value),
            Cleared::None => None,
        }
    }
}

fn percent_or_none(typed: &str) -> Result<Cleared<u8>, String> {
    if typed.trim().eq_ignore_ascii_case("none") {
        return Ok(Cleared::None);
    }
    percent(crate::plan::typed::fold(typed).trim().trim_end_matches('%')).map(Cleared::Set)
}

#[allow(clippy::unnecessary_wraps)] // clap's value parsers return a Result
fn text_or_none(typed: &str) -> Result<Cleared<String>, String> {
    Ok(if typed.trim().eq_ignore_ascii_case("none") {
        Cleared::None
    } else {
        Cleared::Set(typed.to_string())
    })
}

/// Commands for the sections that are ordered lists of your own sentences.
#[derive(Debug, Subcommand)]
pub enum TextCommand {
    /// List them, numbered.
    List,
    /// Add one (at the end, unless --before or --after).
    Add {
        /// In your own words.
        text: String,
        /// Put it before number N.
        #[arg(long, value_name = "N", conflicts_with = "after", value_parser = item_number, allow_negative_numbers = true)]
        before: Option<usize>,
        /// Put it after number N.
        #[arg(long, value_name = "N", value_parser = item_number, allow_negative_numbers = true)]
        after: Option<usize>,
    },
    /// Change the words of number N.
    Edit {
        /// Its number in `list`.
        #[arg(value_parser = item_number, allow_negative_numbers = true)]
        number: usize,
        /// The new words.
        text: String,
    },
    /// Remove number N.
    Remove {
        /// Its number in `list`.
        #[arg(value_parser = item_number, allow_negative_numbers = true)]
        number: usize,
    },
    /// Move number N to position M.
    Move {
        /// Its number in `list`.
        #[arg(value_parser = item_number, allow_negative_numbers = true)]
        number: usize,
        /// Where it goes.
        #[arg(long, value_name = "M", value_parser = item_number, allow_negative_numbers = true)]
        to: usize,
    },
}

#[derive(Debug, Subcommand)]
pub enum TriggerCommand {
    /// List triggers, riskiest first.
    #[command(after_help = "Example:\n  relapse-plan trigger list")]
    List,
    /// Add a trigger.
    #[command(
        after_help = "Example:\n  relapse-plan trigger add --id payday --situation \"Friday payday, on the way home alone\" \\\n    --category pleasant-emotions --thought \"I've earned it\" --feeling restless \\\n    --urge \"just this once\" --likelihood 4 --intensity 5 --confidence 40 \\\n    --coping urge-surf --contact alex"
    )]
    Add(TriggerAdd),
    /// Change a trigger; list flags add to what is there, --remove-* take away.
    #[command(
        after_help = "Example:\n  relapse-plan trigger edit payday --likelihood 3 --thought \"Once won't hurt\"",
        mut_arg("thought", |a| a.help("Add a thought it brings, kept with those already there (repeatable; --remove-thought takes one away)")),
        mut_arg("feeling", |a| a.help("Add a feeling it brings, kept with those already there (repeatable; --remove-feeling takes one away)")),
        mut_arg("urge", |a| a.help("Add an urge it brings, kept with those already there (repeatable; --remove-urge takes one away)"))
    )]
    Edit(TriggerEdit),
    /// Remove a trigger.
    #[command(after_help = "Example:\n  relapse-plan trigger remove payday")]
    Remove {
        /// The trigger: its number in `trigger list`, its first words, or its id.
        id: String,
    },
}

#[derive(Debug, Args)]
pub struct TriggerAdd {
    /// A short id (made from the situation if not given).
    #[arg(long)]
    pub id: Option<String>,
    /// The high-risk situation, in your own words (`trigger add "…"`).
    #[arg(
        value_name = "SITUATION",
        required_unless_present = "situation",
        conflicts_with = "situation"
    )]
    pub words: Option<String>,
    /// The situation, given as a flag instead.
    #[arg(long)]
    pub situation: Option<String>,
    #[command(flatten)]
    pub fields: TriggerFields,
}

#[derive(Debug, Args)]
pub struct TriggerEdit {
    /// The trigger: its number in `trigger list`, its first words, or its id.
    pub id: String,
    /// Give it a new id (links are kept).
    #[arg(long)]
    pub new_id: Option<String>,
    /// The high-risk situation, in your own words.
    #[arg(long)]
    pub situation: Option<String>,
    #[command(flatten)]
    pub fields: TriggerFields,
    /// Remove a thought (repeatable).
    #[arg(long, value_name = "TEXT")]
    pub remove_thought: Vec<String>,
    /// Remove a feeling (repeatable).
    #[arg(long, value_name = "TEXT")]
    pub remove_feeling: Vec<String>,
    /// Remove an urge (repeatable).
    #[arg(long, value_name = "TEXT")]
    pub remove_urge: Vec<String>,
    /// Unlink a coping strategy: its number in `coping list` or its name (repeatable).
    #[arg(long, value_name = "WHICH")]
    pub remove_coping: Vec<String>,
    /// Unlink a contact: its number in `contact list` or their name (repeatable).
    #[arg(long, value_name = "WHICH")]
    pub remove_contact: Vec<String>,
    /// Clear the ratings and rank.
    #[arg(long)]
    pub unrate: bool,
}

#[derive(Debug, Args)]
pub struct TriggerFields {
    /// The kind of situation it is.
    #[arg(long, value_parser = kindly::<Category>())]
    pub category: Option<Category>,
    /// A thought it brings (repeatable).
    #[arg(long, value_name = "TEXT")]
    pub thought: Vec<String>,
    /// A feeling it brings (repeatable).
    #[arg(long, value_name = "TEXT")]
    pub feeling: Vec<String>,
    /// An urge it brings (repeatable).
    #[arg(long, value_name = "TEXT")]
    pub urge: Vec<String>,
    /// How likely in the next month, 0 (not at all) to 5 (almost certain).
    #[arg(long, value_name = "0-5", value_parser = zero_to_five, allow_negative_numbers = true)]
    pub likelihood: Option<u8>,
    /// How strong the urge would be, 0 (none) to 5 (overwhelming).
    #[arg(long, value_name = "0-5", value_parser = zero_to_five, allow_negative_numbers = true)]
    pub intensity: Option<u8>,
    /// How sure you are you could get through it without a lapse, 0 to 100 %.
    #[arg(long, value_name = "0-100", value_parser = percent, allow_negative_numbers = true)]
    pub confidence: Option<u8>,
    /// Your own order, 1 = the riskiest.
    #[arg(long, value_name = "N", value_parser = rank_number, allow_negative_numbers = true)]
    pub rank: Option<u32>,
    /// Link a coping strategy: its number in `coping list` or its name (repeatable).
    #[arg(long, value_name = "WHICH")]
    pub coping: Vec<String>,
    /// Link a contact: their number in `contact list` or their name (repeatable).
    #[arg(long, value_name = "WHICH")]
    pub contact: Vec<String>,
}

#[derive(Debug, Subcommand)]
pub enum CopingCommand {
    /// List coping strategies.
    #[command(after_help = "Example:\n  relapse-plan coping list")]
    List,
    /// Add a coping strategy.
    #[command(
        after_help = "Example:\n  relapse-plan coping add --id urge-surf --name \"Urge surfing\" --kind internal \\\n    --step \"Notice where the urge sits in my body\" --step \"Breathe out slowly, watch it peak and fall\""
    )]
    Add(CopingAdd),
    /// Change a coping strategy; --step adds steps, --remove-step takes one away.
    #[command(
        after_help = "Example:\n  relapse-plan coping edit urge-surf --step \"Call Alex if it is still strong\""
    )]
    Edit(CopingEdit),
    /// Remove a coping strategy.
    #[command(after_help = "Example:\n  relapse-plan coping remove urge-surf --force")]
    Remove(RemoveArgs),
}

#[derive(Debug, Args)]
pub struct CopingAdd {
    /// A short id (made from the name if not given).
    #[arg(long)]
    pub id: Option<String>,
    /// What you call it.
    #[arg(long)]
    pub name: String,
    /// What kind of strategy it is.
    #[arg(long, default_value = "internal", value_parser = kindly::<CopingKind>())]
    pub kind: CopingKind,
    /// A concrete step, in order (repeatable).
    #[arg(long, value_name = "TEXT")]
    pub step: Vec<String>,
    #[command(flatten)]
    pub follow_through: FollowThroughFlags,
}

#[derive(Debug, Args)]
pub struct CopingEdit {
    /// The strategy: its number in `coping list`, its name, or its id.
    pub id: String,
    /// Give it a new id (links are kept).
    #[arg(long)]
    pub new_id: Option<String>,
    /// What you call it.
    #[arg(long)]
    pub name: Option<String>,
    /// What kind of strategy it is.
    #[arg(long, value_parser = kindly::<CopingKind>())]
    pub kind: Option<CopingKind>,
    /// Add a step at the end (repeatable).
    #[arg(long, value_name = "TEXT")]
    pub step: Vec<String>,
    /// Remove step number N (repeatable).
    #[arg(long, value_name = "N", value_parser = item_number, allow_negative_numbers = true)]
    pub remove_step: Vec<usize>,
    #[command(flatten)]
    pub follow_through: FollowThroughFlags,
}

#[derive(Debug, Subcommand)]
pub enum ContactCommand {
    /// List contacts.
    #[command(after_help = "Example:\n  relapse-plan contact list")]
    List,
    /// Import people from a vCard file (a phone's or address book's export).
    ///
    /// Shows who it will add and skips anyone already in the plan (the same
    /// name, or one that looks the same, with the same number or none).
    /// Two names on one number (a home landline) are two people: both are
    /// kept, and it says so. They are added as one revision, with the role
    /// you choose.
    #[command(after_help = "Example:\n  relapse-plan contact import contacts.vcf --role help")]
    Import(ContactImport),
    /// Export your plan's people and crisis numbers as vCards for your phone.
    ///
    /// Everyone in your plan with a number goes in (people who help,
    /// professionals, and people and places that distract, as your crisis
    /// steps may name any of them), then the emergency number (your
    /// country's, and the one you added), the crisis lines for your country
    /// (`--country`, else the plan's) and the lines you added yourself
    /// (`set --own-line`). Anyone marked "do not involve" is
    /// never written. Every card carries the category "My crisis plan", so
    /// a phone can group them. vCard 3.0, which every phone imports.
    #[command(
        after_help = "Examples:\n  relapse-plan contact export -o my-crisis-plan.vcf\n  relapse-plan contact export -o - | less"
    )]
    Export(ContactExport),
    /// Add a contact.
    #[command(
        after_help = "Example:\n  relapse-plan contact add --id alex --name \"Alex (sponsor)\" --phone \"+44 7700 900123\" \\\n    --role help --reachable \"after 6 pm\""
    )]
    Add(ContactAdd),
    /// Change a contact.
    #[command(
        after_help = "Example:\n  relapse-plan contact edit alex --phone \"+44 7700 900124\""
    )]
    Edit(ContactEdit),
    /// Remove a contact.
    #[command(after_help = "Example:\n  relapse-plan contact remove alex")]
    Remove(RemoveArgs),
}

#[derive(Debug, Args)]
pub struct ContactAdd {
    /// A short id (made from the name if not given).
    #[arg(long)]
    pub id: Option<String>,
    /// Their name, as you think of them.
    #[arg(long)]
    pub name: String,
    /// Their phone number.
    #[arg(long)]
    pub phone: Option<String>,
    /// What they are for in a crisis. Asked on a terminal when not given
    /// (with no choice made for you); `help` when there is no terminal.
    #[arg(long, value_parser = kindly::<Role>())]
    pub role: Option<Role>,
    /// When they can be reached ("after 6 pm").
    #[arg(long)]
    pub reachable: Option<String>,
    /// Someone not to involve in a crisis: kept in the plan, never shown by `now`.
    #[arg(long)]
    pub do_not_involve: bool,
}

#[derive(Debug, Args)]
pub struct ContactImport {
    /// The .vcf file.
    pub file: PathBuf,
    /// Their role in your plan.
    #[arg(long, default_value = "help", value_parser = kindly::<Role>())]
    pub role: Role,
    /// Import without asking (for scripts).
    #[arg(long)]
    pub yes: bool,
}

#[derive(Debug, Args)]
pub struct ContactExport {
    /// The file to write (`-`, or none, for standard output).
    #[arg(short, long, value_name = "FILE.vcf")]
    pub output: Option<PathBuf>,
    /// Write over the -o file if it is already there, without asking.
    #[arg(long, requires = "output")]
    pub force: bool,
}

#[derive(Debug, Clone, Args)]
pub struct ContactEdit {
    /// The person: their number in `contact list`, their name, or their id.
    pub id: String,
    /// Give them a new id (links are kept).
    #[arg(long)]
    pub new_id: Option<String>,
    /// Their name, as you think of them.
    #[arg(long)]
    pub name: Option<String>,
    /// Their phone number; "none" to clear.
    #[arg(long, value_parser = text_or_none)]
    pub phone: Option<Cleared<String>>,
    /// What they are for in a crisis.
    #[arg(long, value_parser = kindly::<Role>())]
    pub role: Option<Role>,
    /// When they can be reached; "none" to clear.
    #[arg(long, value_parser = text_or_none)]
    pub reachable: Option<Cleared<String>>,
    /// Whether not to involve them in a crisis.
    #[arg(long, value_name = "true|false")]
    pub do_not_involve: Option<bool>,
}

#[derive(Debug, Args)]
pub struct RemoveArgs {
    /// Which one: its number in the list, its name or first words, or its id.
    pub id: String,
    /// Also remove the links to it from triggers.
    #[arg(long)]
    pub force: bool,
}

/// A whole number from `low` to `high`, or a sentence saying what is wanted
/// (clap's own "invalid digit found in string" says nothing useful). Out of
/// range and not a number are the same mistake: exit 2.
fn whole_number<T: TryFrom<u64>>(
    typed: &str,
    low: u64,
    high: u64,
    wanted: &str,
) -> Result<T, String> {
    // `７` and `٧` are seven too: digits of any script count.
    crate::plan::typed::whole_number(typed)
        .filter(|n| (low..=high).contains(n))
        .and_then(|n| T::try_from(n).ok())
        .ok_or_else(|| format!("expected {wanted}"))
}

fn zero_to_ten(typed: &str) -> Result<u8, String> {
    whole_number(typed, 0, 10, "a whole number from 0 to 10, like 6")
}

fn breath_in(typed: &str) -> Result<u8, String> {
    whole_number(
        typed,
        1,
        10,
        "a whole number of seconds from 1 to 10, like 4",
    )
}

fn breath_out(typed: &str) -> Result<u8, String> {
    whole_number(
        typed,
        1,
        15,
        "a whole number of seconds from 1 to 15, like 6",
    )
}

fn day_count(typed: &str) -> Result<u16, String> {
    whole_number(
        typed,
        1,
        366,
        "a whole number of days from 1 to 366, like 30",
    )
}

fn zero_to_five(typed: &str) -> Result<u8, String> {
    whole_number(typed, 0, 5, "a whole number from 0 to 5, like 3")
}

fn percent(typed: &str) -> Result<u8, String> {
    whole_number(
        typed,
        0,
        100,
        "a whole number from 0 to 100, without the % sign, like 40",
    )
}

fn revision(typed: &str) -> Result<u64, String> {
    whole_number(
        typed,
        1,
        u64::MAX,
        "a revision number, like 3 (`relapse-plan history` lists them)",
    )
}

fn rank_number(typed: &str) -> Result<u32, String> {
    whole_number(
        typed,
        1,
        u64::from(u32::MAX),
        "a place in your own order, like 1 for the riskiest",
    )
}

fn item_number(typed: &str) -> Result<usize, String> {
    whole_number(
        typed,
        1,
        u64::MAX,
        "a number from the list, like 2 (the `list` command numbers them)",
    )
}

/// When to use colour (`--color`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    Auto,
    Always,
    Never,
}

/// What `print` writes (`--format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Markdown,
    Html,
    Pdf,
    /// With --card: the card as a phone's lock-screen image.
    Png,
}

/// Paper size for HTML and PDF (`--paper`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Paper {
    /// 210 × 297 mm.
    A4,
    /// 8.5 × 11 in.
    Letter,
}

/// A setting turned on or off (`--count-days`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Switch {
    On,
    Off,
}

/// A closed set of values offered on the command line, and what a right
/// value is called in a message ("a trigger category").
pub trait Choices: ValueEnum + Clone + Send + Sync + 'static {
    fn what() -> Cow<'static, str>;
}

/// clap's parser for a closed set of values, with a message in this
/// program's words ("`sadness` is not a trigger category; choose one of:
/// …"). Like the plan's own names, it forgives case, spaces and `_`.
/// (Named on each argument: clap would pick its own parser for a
/// `ValueEnum` type before a `ValueParserFactory`.)
pub fn kindly<E: Choices>() -> Kindly<E> {
    Kindly(PhantomData)
}

/// See [`kindly`].
#[derive(Clone)]
pub struct Kindly<E>(PhantomData<E>);

impl<E: Choices> TypedValueParser for Kindly<E> {
    type Value = E;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        _arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<E, clap::Error> {
        let typed = value.to_string_lossy();
        let wanted = typed.trim().to_lowercase().replace(['_', ' '], "-");
        E::value_variants()
            .iter()
            .find(|v| {
                v.to_possible_value()
                    .is_some_and(|p| p.matches(&wanted, true))
            })
            .cloned()
            .ok_or_else(|| {
                let names: Vec<String> = E::value_variants()
                    .iter()
                    .filter_map(ValueEnum::to_possible_value)
                    .filter(|p| !p.is_hide_set())
                    .map(|p| p.get_name().to_string())
                    .collect();
                let message = format!(
                    "`{typed}` is not {}; choose one of: {}",
                    E::what(),
                    names.join(", ")
                );
                // Formatted here, with the usage line and the hint about
                // `--help` that clap's own messages carry.
                clap::Error::raw(ErrorKind::InvalidValue, message).format(&mut cmd.clone())
            })
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(
            E::value_variants()
                .iter()
                .filter_map(ValueEnum::to_possible_value),
        ))
    }
}

/// The plan's own closed sets, offered on the command line with the names
/// and explanations the plan file and the wizards use.
macro_rules! plan_values {
    ($($name:ty),+) => {$(
        impl ValueEnum for $name {
            fn value_variants<'a>() -> &'a [Self] {
                <$name>::ALL
            }
            fn to_possible_value(&self) -> Option<PossibleValue> {
                Some(PossibleValue::new(self.key()).help(self.about()))
            }
        }
        impl Choices for $name {
            fn what() -> Cow<'static, str> {
                format!("a {}", <$name>::WHAT).into()
            }
        }
    )+};
}

plan_values!(Category, CopingKind, Role);

impl ValueEnum for Acted {
    fn value_variants<'a>() -> &'a [Self] {
        &Acted::ALL
    }
    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.key()))
    }
}

impl ValueEnum for Recall {
    fn value_variants<'a>() -> &'a [Self] {
        &[Recall::All, Recall::Some, Recall::None]
    }
    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(match self {
            Recall::All => PossibleValue::new("all").help("all of your planned response"),
            Recall::Some => PossibleValue::new("some").help("some of it"),
            Recall::None => PossibleValue::new("none").help("none of it yet"),
        })
    }
}

/// What a right value is called, for each closed set.
macro_rules! choices {
    ($($name:ty => $what:literal),+ $(,)?) => {$(
        impl Choices for $name {
            fn what() -> Cow<'static, str> {
                $what.into()
            }
        }
    )+};
}

choices!(
    Acted => "how you acted on an urge",
    Recall => "how much you recalled",
    ColorWhen => "a colour setting",
    Format => "a format relapse-plan prints",
    Paper => "a paper size",
    Switch => "a setting",
    Shell => "a shell relapse-plan writes completions for",
);
