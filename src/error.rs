//! The errors a person can act on: each says what happened, names the file,
//! and carries a hint of what to do next. Exit codes live here too.

use std::io;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::plan::parse::{Foreign, ParseError};
use crate::plan::validate::Problem;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("there is no plan yet in `{}`", dir.display())]
    NoPlan { dir: PathBuf },

    #[error("a plan already exists in `{}` (revision {revision})", dir.display())]
    PlanExists { dir: PathBuf, revision: u64 },

    #[error("{}", read_words(path, source))]
    Read { path: PathBuf, source: io::Error },

    #[error("{}", write_words(path, source))]
    Write { path: PathBuf, source: io::Error },

    #[error("`{}` can't be read as {what}: {source}", path.display())]
    BadFile {
        /// What kind of file, in words ("a homework file", "the practice log").
        what: &'static str,
        path: PathBuf,
        source: ParseError,
    },

    #[error("`{}` is {}; {what} is at most {}", path.display(), size_words(*size), size_words(*limit))]
    TooLarge {
        /// What kind of file, in words ("a plan file", "a vCard file").
        what: &'static str,
        path: PathBuf,
        size: u64,
        limit: u64,
    },

    #[error("`{}` is not a file", path.display())]
    NotAFile { path: PathBuf },

    #[error(
        "this change would make {what} `{}` {}, more than the {} relapse-plan reads back, so nothing was changed",
        path.display(), size_words(*size), size_words(*limit)
    )]
    WouldBeTooLarge {
        what: &'static str,
        path: PathBuf,
        size: u64,
        limit: u64,
    },

    /// New words longer than one item may be ([`crate::plan::limits`]):
    /// refused before anything is written, kindly, with a way on.
    #[error("{}", too_long_words(found))]
    TooLong { found: crate::plan::limits::TooLong },

    #[error(
        "another relapse-plan kept saving for {seconds} seconds, so this one stopped waiting (its lock is `{}`)",
        path.display()
    )]
    LockTimeout { path: PathBuf, seconds: u64 },

    /// A walk-through is already open on this plan in another window: the
    /// two would share one set of unfinished answers.
    #[error(
        "`relapse-plan {other}` is already open on this plan, in another window or terminal; two walk-throughs at once would write over each other's answers, so this one has not started"
    )]
    WalkThroughOpen { other: String },

    /// Something that is not relapse-plan's lock file sits where it
    /// belongs (a FIFO, a folder, a device): every change waits on the
    /// lock, so none can be saved until it is gone.
    #[error(
        "`{}` should be relapse-plan's empty lock file, but {what} is there, so this could not go on; nothing is saving your plan just now, and nothing was changed",
        path.display()
    )]
    LockInTheWay {
        path: PathBuf,
        /// What is there, in words ("a pipe (FIFO)", "a folder").
        what: &'static str,
        /// The command that takes it away, for the person to paste.
        remove: String,
    },

    /// The revisions folder is not a folder of the plan's own (a link, to
    /// a file or to a folder elsewhere; a file): its history is neither
    /// read nor written there, so a link to an empty folder never reads as
    /// "no revisions saved yet", nor a file as a permissions problem.
    #[error("`{}` is {}, not a folder of its own: relapse-plan keeps your plan's history (its saved revisions) only in a folder inside your plan folder, so it neither reads nor writes it there", path.display(), match target { Some(target) => format!("a link to another place (`{}`)", target.display()), None => "a file".into() })]
    RevisionsNotAFolder {
        path: PathBuf,
        /// Where the link leads; `None` for a file.
        target: Option<PathBuf>,
    },

    /// One of the plan folder's files is a link, and what it leads to
    /// could not be used: said as a link, so the person knows where to look.
    #[error("`{}` is a link to `{}`, and {source}", path.display(), target.display())]
    ReadThroughLink {
        path: PathBuf,
        target: PathBuf,
        source: Box<Error>,
    },

    /// A save the disk had no room for (or the file-size limit a shell
    /// set), refused before its revision was kept: said about the plan,
    /// never about the file it failed on. `why` is [`no_room`]'s words.
    #[error("{why}, so your plan could not be saved (it is kept in `{}`)", dir.display())]
    PlanNotSaved { dir: PathBuf, why: &'static str },

    /// A save whose revision was kept (the commit point) but whose
    /// `plan.toml` could not be written for want of room: the change is
    /// safe and every command reads it, yet the command must say at once
    /// that it did not finish (Trudy: it said nothing, exit 0, and only
    /// the next command told her). `plan.toml` is as it was, byte for byte.
    #[error("{why}, so `{}` could not be brought up to date: it still holds your plan as it was. Your change is kept in your plan's history, as revision {revision}", path.display())]
    PlanFileBehind {
        path: PathBuf,
        revision: u64,
        why: &'static str,
    },

    #[error("`{}` is a shared folder (others can put files in it), so relapse-plan will not make it private or keep a plan there", path.display())]
    SharedFolder { path: PathBuf },

    #[error("`{}` can't be read as a plan: {source}", path.display())]
    Damaged { path: PathBuf, source: ParseError },

    #[error("{}", invalid_message(path.as_ref(), problems))]
    Invalid {
        path: Option<PathBuf>,
        problems: Vec<Problem>,
    },

    #[error(
        "`{}` was written by a newer relapse-plan (schema {found}); this one can show it but will not change it",
        path.display()
    )]
    NewerSchema {
        path: PathBuf,
        found: i64,
        /// The newest saved revision this version can open, the way back.
        readable: Option<u64>,
    },

    #[error(
        "`{}` is at revision {revision} and differs from it, but revision {newest} was saved after it",
        path.display()
    )]
    Diverged {
        path: PathBuf,
        revision: u64,
        newest: u64,
    },

    #[error("no {what} `{id}` in the plan{}", known_list(known))]
    NotFound {
        what: &'static str,
        id: String,
        known: Vec<String>,
    },

    /// The first words of more than one entry: each named with the number
    /// that picks it.
    #[error("“{typed}” could be more than one {what}: {}", matches.join("; "))]
    SeveralNamed {
        what: &'static str,
        typed: String,
        /// `1. “Friday payday”`, riskiest first for triggers.
        matches: Vec<String>,
    },

    #[error("{what} `{id}` is already in the plan")]
    IdTaken { what: &'static str, id: String },

    /// A contact's name that looks the same as another's on a screen or a
    /// phone (both cleaned, so a hidden character shows written out).
    #[error("{}", looks_like(name, other, differs))]
    LooksLike {
        name: String,
        other: String,
        /// The number `contact list` shows the other with: her words and
        /// that number, never an id, are what she reads.
        number: usize,
        /// How they differ, in words (`render::how_names_differ`).
        differs: String,
    },

    #[error("{what} `{id}` is used by {}: {}", plural(users.len(), "trigger"), users.join(", "))]
    InUse {
        what: &'static str,
        id: String,
        users: Vec<String>,
    },

    #[error("there is no {what} number {number}; the list has {len}")]
    NoSuchItem {
        what: &'static str,
        number: usize,
        len: usize,
    },

    #[error(
        "`{}` holds {found} people not yet in your plan, and your plan has {have}; a plan holds at most {limit} contacts, so nothing was added",
        path.display()
    )]
    TooManyContacts {
        path: PathBuf,
        found: usize,
        have: usize,
        limit: usize,
    },

    #[error("there is no one called “{typed}” among the people in your plan")]
    NoSupporter { typed: String, people: Vec<String> },

    #[error("“{typed}” could be {}", or_list(matches))]
    SeveralSupporters { typed: String, matches: Vec<String> },

    #[error("{name} is marked not to involve in a crisis, so there is no copy for them")]
    NotInvolved { name: String, id: String },

    /// Someone to turn to whose name or number is that of someone marked
    /// "do not involve" (`نيما` with an Arabic yeh for her `نیما`, or his
    /// number written another way): the screens would offer him as help.
    #[error(
        "{theirs} is on your plan as someone not to involve in a crisis, so {typed} was not added as someone to turn to"
    )]
    IsNotToInvolve {
        /// Her own entry's name, cleaned.
        theirs: String,
        /// The name she typed, cleaned.
        typed: String,
        /// The number `contact list` shows her entry with.
        number: usize,
    },

    /// [`Error::IsNotToInvolve`] for a change: someone to turn to given
    /// the name or number of someone marked "do not involve" would vanish
    /// from `now` without a word (Noa's therapist given his number).
    #[error(
        "{theirs} is on your plan as someone not to involve in a crisis, so {typed} was not given their {what} as someone to turn to. Nothing was changed"
    )]
    ChangedToNotToInvolve {
        /// Her own entry's name, cleaned.
        theirs: String,
        /// The name of the person she was changing, cleaned.
        typed: String,
        /// "number" or "name".
        what: &'static str,
        /// The number `contact list` shows her entry with.
        number: usize,
    },

    /// Someone marked "do not involve" (by `contact add`, `edit` or
    /// `import`, with no terminal to ask on) with the number, or the name,
    /// of someone she turns to: that helper would vanish from `now`, the
    /// card and the printout without a word (Mulu's sister, one number
    /// typed two ways).
    #[error(
        "{typed} is also the {what} of {helper}, someone you turn to: with {name} marked not to involve, {helper} would be left off your crisis screen, card and printout. Nothing was changed"
    )]
    WouldLeaveOff {
        /// The number (or name) as typed, quoted.
        typed: String,
        /// "number" or "name".
        what: &'static str,
        /// The helper's name, quoted.
        helper: String,
        /// The name of the one marked not to involve, quoted.
        name: String,
    },

    /// Someone marked "do not involve" (by `contact add` or `edit`) whose
    /// number, or name, is one of her own numbers: `now` would go on
    /// offering it to call in a crisis (Trudy: her emergency number, then
    /// her sister marked not to involve with that number).
    #[error(
        "{typed} is {which}, so {name} was not marked not to involve: in a crisis, your plan would still tell you to call it. Nothing was changed"
    )]
    HerOwnNumber {
        /// The number (or name) as typed, cleaned.
        typed: String,
        /// "your emergency number", "the number to call your own line “…”".
        which: String,
        /// Their name, quoted.
        name: String,
        /// How to change that number of hers.
        change: String,
    },

    /// Her own emergency number or crisis line given the number of
    /// someone marked "do not involve": `now` and the card would show it
    /// as a number to call in a crisis.
    #[error(
        "{typed} is the {kind} of {theirs}, whom your plan marks not to involve in a crisis, so it was not kept as {what}. Nothing was changed"
    )]
    OwnNumberNotToInvolve {
        /// "number" or "name".
        kind: &'static str,
        /// The number she typed, cleaned.
        typed: String,
        /// Her own entry's name, cleaned.
        theirs: String,
        /// "your emergency number", "a number of your crisis line “…”".
        what: String,
    },

    #[error("there is no revision {revision}; the newest is {newest}")]
    NoRevision { revision: u64, newest: u64 },

    /// The plan has a revision number but its history is gone (the files
    /// in the revisions folder moved or deleted): said as it is, never as
    /// "the newest is 0".
    #[error(
        "there is no revision {revision}: your plan is at revision {current}, but its history is empty, as the revision files in `{}` are gone",
        folder.display()
    )]
    HistoryEmpty {
        revision: u64,
        current: u64,
        folder: PathBuf,
    },

    /// A mistake on the command line (a flag's value, a missing flag):
    /// exit 2. Nothing else is a usage error.
    #[error("{0}")]
    Usage(String),

    /// Something named that the plan does not hold (a warning sign at a
    /// check-in, a trigger's thought, a number of the person's own, a next
    /// review date): the words say what it holds or how to add it. Exit 1.
    #[error("{0}")]
    NotInPlan(String),

    /// A check-in after a lapse is saved with the words the plan does not
    /// hold left out (each says why). Exit 1: it is no command-line mistake.
    #[error(
        "today's check-in was saved, all but this: {}. To add it, check in again today with it put right; the same day adds to what is there.",
        left_out.join("; ")
    )]
    PartlySaved { left_out: Vec<String> },

    #[error("could not find your config folder")]
    NoConfigFolder,

    #[error("{name}=`{value}` is not {wanted}")]
    BadVariable {
        name: &'static str,
        value: String,
        wanted: &'static str,
    },

    #[error(
        "`{}` is inside your plan's folder, which holds only the plan and its history",
        path.display()
    )]
    OutputInPlanFolder { path: PathBuf },

    /// `-o` given the plan folder itself, not a file.
    #[error(
        "`{}` is your plan's folder itself, which holds only the plan and its history, so nothing was written",
        path.display()
    )]
    OutputIsPlanFolder { path: PathBuf, example: PathBuf },

    #[error("`{}` is a folder, not a file, so nothing was written", path.display())]
    OutputIsFolder { path: PathBuf, example: PathBuf },

    #[error("`{}` is already there, so nothing was written over it", path.display())]
    OutputExists { path: PathBuf },

    /// A file given to `-o` in a folder that is not there (or is a file).
    #[error(
        "there is no folder `{}` to write `{}` in, so nothing was written",
        folder.display(),
        path.display()
    )]
    OutputFolderMissing { path: PathBuf, folder: PathBuf },

    /// A named pipe given to `-o` that no program is reading: waiting for
    /// one would hang, so nothing is written.
    #[error("nothing is reading from `{}` (a named pipe), so nothing was written", path.display())]
    NoReader { path: PathBuf },

    /// Making a PDF or an image failed (fonts, layout): nothing was written.
    #[error("could not make {what}: {message}")]
    Render { what: &'static str, message: String },

    #[error("there is no homework yet")]
    NoHomework,

    /// `homework start` of a different assignment, with no one to ask.
    #[error(
        "you are already working on the homework {homework} (started {started}), and have not handed it in, so nothing was changed"
    )]
    HomeworkInProgress {
        /// Which homework, in words: already cleaned for the terminal, as
        /// it comes from someone else's file.
        homework: String,
        started: String,
    },

    /// homework.toml in the plan folder is there but can't be used.
    #[error("your started homework (`{}`) can't be read: {why}", path.display())]
    BadStartedHomework { path: PathBuf, why: String },

    #[error(
        "the hand-in made for `{}` would not open in `relapse-plan review` ({why}), so nothing was written",
        path.display()
    )]
    HandInWouldNotOpen { path: PathBuf, why: String },

    #[error("`{}` asks for no tasks", path.display())]
    NoTasks { path: PathBuf },

    #[error("{0}")]
    WrongAssignment(String),

    #[error("no contacts with a name were found in `{}`{}", path.display(), seen.as_deref().map(|s| format!(": {s}")).unwrap_or_default())]
    NoCards {
        path: PathBuf,
        /// What the file looked like instead, when its bytes say (UTF-16
        /// without a byte-order mark, a PDF).
        seen: Option<String>,
    },

    #[error("none of the contacts in `{}` could be imported", path.display())]
    NoneImportable { path: PathBuf },

    #[error("there is no one to export")]
    NothingToExport,

    /// What a command shows (a table, the plan, JSON, a PDF sent to `-`)
    /// could not be written where its output goes.
    #[error("could not write to standard output: {}", plain(.0))]
    Stdout(io::Error),

    /// A message, a warning or a timer on standard error could not be written.
    #[error("could not write to standard error: {}", plain(.0))]
    Stderr(io::Error),

    #[error("Stopped. Everything you typed is kept: run the same command again to carry on.")]
    Cancelled,

    /// The person answered no to "Write it?" or "Write over it?": their
    /// choice, said plainly (never as an error), and exit 1 so a script
    /// never goes on with a file that was not written.
    #[error("Nothing was written.")]
    Declined,

    /// The person answered no to `contact import`'s "Add these?": their
    /// choice, said plainly, and exit 1 as for any "no", so a script never
    /// goes on as if people were added.
    #[error("Nothing was added: your plan is as it was.")]
    NotAdded,

    /// The person answered no to keeping a change (a number that looked
    /// too long): their choice, said plainly, exit 1 as for any "no".
    #[error("Nothing was changed: your plan is as it was.")]
    NotChanged,

    /// Stopped with its own words about what was kept (a check-in saves
    /// nothing until its end).
    #[error("{0}")]
    Stopped(std::borrow::Cow<'static, str>),

    #[error("the terminal stopped answering: {}", plain(.0))]
    Terminal(io::Error),

    #[error("`relapse-plan {command}` asks you questions, so it needs a terminal")]
    NotATerminal {
        command: &'static str,
        /// The command that does the same, with every flag she gave.
        instead: std::borrow::Cow<'static, str>,
    },

    /// A command that has nothing to ask but shows its pace as it runs
    /// (a breathing bar), so there is no way to do it without a screen.
    #[error("`relapse-plan {command}` shows {what} as it runs, so it needs a terminal")]
    NeedsAScreen {
        command: &'static str,
        what: &'static str,
        /// What helps instead, in a sentence.
        hint: &'static str,
    },

    #[error("`{}` holds unfinished answers that can't be read: {source}", path.display())]
    BadDraft { path: PathBuf, source: ParseError },
}

/// A refused edit reads as the error it always was.
impl From<crate::plan::edit::EditError> for Error {
    fn from(error: crate::plan::edit::EditError) -> Error {
        use crate::plan::edit::EditError;
        match error {
            EditError::NotFound { entry, id, known } => Error::NotFound {
                what: entry.noun(),
                id,
                known,
            },
            EditError::IdTaken { entry, id } => Error::IdTaken {
                what: entry.noun(),
                id,
            },
            EditError::InUse { entry, id, users } => Error::InUse {
                what: entry.noun(),
                id,
                users,
            },
        }
    }
}

/// A file size in the words people read ("3.2 MB", "512 KB", "310 bytes"),
/// never a raw byte count. Sizes are counted in 1024s, as file managers on
/// most systems show them, so the 8 MB limit reads as the round number it is.
pub fn size_words(bytes: u64) -> String {
    const KB: u64 = 1024;
    const MB: u64 = KB * KB;
    // Tenths, rounded down; a file just over a whole number says so, so a
    // file over a limit never reads as the limit itself ("8.0 MB; … at most
    // 8 MB"), but as "just over 8 MB".
    let tenths = |unit: u64| {
        let whole = bytes / unit;
        let tenth = (bytes % unit) * 10 / unit;
        if bytes.is_multiple_of(unit) || whole >= 10 && tenth != 0 {
            format!("{whole}")
        } else if tenth == 0 {
            format!("just over {whole}")
        } else {
            format!("{whole}.{tenth}")
        }
    };
    if bytes >= MB {
        format!("{} MB", tenths(MB))
    } else if bytes >= KB {
        format!("{} KB", tenths(KB))
    } else if bytes == 1 {
        "1 byte".into()
    } else {
        format!("{bytes} bytes")
    }
}

/// The way on from a plan a newer relapse-plan wrote: keep using that
/// one, or, for the plan file, move it aside (nothing in it is lost) and
/// bring back the newest revision this version can open; for a newer
/// revision, an older one.
fn newer_schema_hint(path: &std::path::Path, readable: Option<u64>) -> String {
    use crate::render::rescue::path_word;
    let in_history = path
        .parent()
        .and_then(std::path::Path::file_name)
        .is_some_and(|n| n == "revisions");
    match readable {
        Some(n) if in_history => format!(
            "nothing was changed; bring back an older revision instead: {n} is the newest this relapse-plan can open (`relapse-plan restore {n}`), or use the newer relapse-plan"
        ),
        Some(n) if is_plan_file(path) => format!(
            "nothing was changed; keep using the newer relapse-plan for this plan, or go back to the newest revision this one can open: move the plan file aside (`mv {} {}`, nothing in it is lost), then `relapse-plan restore {n}`; `show` and `now` still work",
            path_word(path),
            path_word(&path.with_file_name("plan.newer.toml")),
        ),
        _ if is_plan_file(path) || in_history => "nothing was changed, and no saved revision is one this relapse-plan can open: keep using the newer relapse-plan for this plan (or update this one); `show` and `now` still work".into(),
        _ => "update relapse-plan to change this file, or open it with the newer relapse-plan that wrote it".into(),
    }
}

/// `path` with `.aside` after its name, byte for byte.
fn aside(path: &std::path::Path) -> std::path::PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(".aside");
    name.into()
}

/// Whether a write failed for want of room (a full disk, a quota, or the
/// file-size limit a shell set with `ulimit -f`, which the program hears
/// as EFBIG because SIGXFSZ is blocked at start-up: see [`crate::main`]).
pub fn disk_full(source: &io::Error) -> bool {
    matches!(
        source.kind(),
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded | io::ErrorKind::FileTooLarge
    )
}

/// Why there was no room, in words: a full disk, or a file-size limit,
/// which freeing space would not help.
pub fn no_room(source: &io::Error) -> &'static str {
    if file_size_limit(source) {
        SIZE_LIMIT_REACHED
    } else {
        "the disk is full"
    }
}

/// Why a write failed on the file-size limit, in words.
const SIZE_LIMIT_REACHED: &str = "a limit on file sizes (`ulimit -f`) was reached";

/// Why a write failed for a reason other than room, in words.
pub const WRITE_REFUSED: &str = "the system refused the write";

/// Whether a write failed on the file-size limit (`ulimit -f`).
pub fn file_size_limit(source: &io::Error) -> bool {
    source.kind() == io::ErrorKind::FileTooLarge
}

/// What to do about a save refused for want of room.
const RAISE_LIMIT: &str =
    "raise the limit on file sizes (`ulimit -f unlimited`, or ask whoever set it), then try again";

/// Whether the system refused for want of permission (another user's
/// folder, a file made read-only): the person's to fix, not a damaged plan.
pub fn denied(source: &io::Error) -> bool {
    source.kind() == io::ErrorKind::PermissionDenied
}

/// What the system said, without its "(os error 13)": a number means
/// nothing to the person reading.
pub fn plain(source: &io::Error) -> String {
    let said = source.to_string();
    match said.rfind(" (os error ") {
        Some(at) if said.ends_with(')') => said[..at].to_string(),
        _ => said,
    }
}

/// A failed read in plain words.
fn read_words(path: &std::path::Path, source: &io::Error) -> String {
    if denied(source) {
        format!("you do not have permission to read `{}`", path.display())
    } else {
        format!("could not read `{}`: {}", path.display(), plain(source))
    }
}

/// A failed write in plain words, naming the file the person knows (never
/// a temporary file beside it).
fn write_words(path: &std::path::Path, source: &io::Error) -> String {
    if disk_full(source) {
        format!("{}, so `{}` was not saved", no_room(source), path.display())
    } else if denied(source) {
        format!("you do not have permission to change `{}`", path.display())
    } else {
        format!("could not write `{}`: {}", path.display(), plain(source))
    }
}

/// Who can put a refused read or write right, in a sentence: the owner of
/// the folder it is in (or of the folder itself), as the file system says
/// it is (asked in the store, never guessed from a dot in the name); for
/// the revisions folder, the plan folder (the one the person chose). Where
/// nothing could be looked at, it says "file or folder". Paths in the
/// command are quoted for the shell, so a name with `'` or spaces works.
/// What `validate` checks, for a file that is none of them.
const NOT_A_PLAN_HINT: &str = "`validate` checks relapse-plan's own files: your plan (plan.toml, in the folder `relapse-plan path` shows), a homework file or a hand-in";

fn permission_hint(path: &std::path::Path, changed_nothing: bool) -> String {
    use crate::render::rescue::path_word;
    use crate::store::Place;
    let lead = if changed_nothing {
        "nothing was changed; "
    } else {
        ""
    };
    let chosen = |folder: std::path::PathBuf| {
        if folder.file_name().is_some_and(|n| n == "revisions") {
            folder
                .parent()
                .map_or(folder.clone(), std::path::Path::to_path_buf)
        } else {
            folder
        }
    };
    let folder = match crate::store::place_of(path) {
        Place::Folder(folder) | Place::FileIn(folder) | Place::MadeIn(folder) => chosen(folder),
        Place::Unknown => {
            let shown = path.display().to_string();
            return format!(
                "{lead}this is a permissions problem: relapse-plan could not look at `{shown}` to tell whether it is a file or folder; run relapse-plan as the person who owns it and the folders it is in, or check them with `ls -ld {}`",
                path_word(path)
            );
        }
    };
    let shown = folder.display().to_string();
    format!(
        "{lead}this is a permissions problem: run relapse-plan as the person who owns the folder `{shown}`, or check its owner and permissions with `ls -ld {}`",
        path_word(&folder)
    )
}

impl Error {
    /// The same error about the file at `to` (where a link led), so what
    /// is said names the file that holds what could not be read.
    #[must_use]
    pub fn naming(mut self, to: PathBuf) -> Error {
        match &mut self {
            Error::Read { path, .. }
            | Error::BadFile { path, .. }
            | Error::TooLarge { path, .. }
            | Error::NotAFile { path }
            | Error::Damaged { path, .. }
            | Error::BadStartedHomework { path, .. }
            | Error::BadDraft { path, .. } => *path = to,
            _ => {}
        }
        self
    }

    /// What to do next, shown on its own line under the error.
    #[allow(clippy::too_many_lines)] // one arm per cause: a table, not logic
    pub fn hint(&self) -> Option<String> {
        Some(match self {
            Error::NoPlan { .. } => "start one with `relapse-plan init --name NAME`".into(),
            Error::PlanExists { .. } => {
                "change it with the section commands (see `relapse-plan --help`), or use --plan-dir for a separate plan".into()
            }
            Error::Read { source, .. } if source.kind() == io::ErrorKind::NotFound => {
                "there is no file there: check the name and the folder".into()
            }
            Error::Read { path, source } if denied(source) => permission_hint(path, false),
            Error::Read { .. } => "check the file's owner and permissions with `ls -l`".into(),
            Error::Write { source, .. } if file_size_limit(source) => {
                format!("nothing was changed; {RAISE_LIMIT}")
            }
            Error::Write { source, .. } if disk_full(source) => {
                "nothing was changed; free some space, then try again".into()
            }
            Error::Write { path, source } if denied(source) => permission_hint(path, true),
            Error::Write { .. } => {
                "nothing was changed; check there is free space and that the folder is yours".into()
            }
            Error::WouldBeTooLarge {
                what: "your plan", ..
            } => {
                "your plan as it is stays readable: shorten or remove long entries you no longer need (`relapse-plan show` lists them)".into()
            }
            Error::WouldBeTooLarge {
                what: "your started homework",
                ..
            } => "nothing was changed; ask whoever sent the homework file for a shorter one".into(),
            Error::WouldBeTooLarge { path, .. } => format!(
                "what is there stays readable: move `{}` aside (keep it, it is your history) and relapse-plan starts a new one",
                path.display()
            ),
            Error::TooLong { found } => crate::plan::limits::way_on(found),
            Error::RevisionsNotAFolder { path, target } => {
                let shown = crate::render::rescue::path_word(path);
                match target {
                    Some(_) => format!(
                        "nothing was changed; remove the link with `rm {shown}` (what it points to stays as it is); if your saved revisions are there, copy them back into a folder of their own at {shown}, else your next change starts its history anew"
                    ),
                    None => format!(
                        "nothing was changed; move the file aside and keep it (`mv {shown} {}`), and your next change starts its history anew",
                        crate::render::rescue::path_word(&aside(path))
                    ),
                }
            }
            Error::ReadThroughLink { path, target, .. } => format!(
                "nothing was changed, and `{}` was left as it was; if the link is a mistake, remove it with `rm {}` ({}), or put the file you meant in its place",
                target.display(),
                crate::render::rescue::path_word(path),
                if is_plan_file(path) {
                    "relapse-plan then takes your plan from its last saved revision"
                } else {
                    "relapse-plan then starts that file anew"
                }
            ),
            Error::PlanNotSaved { why, .. } if *why == SIZE_LIMIT_REACHED => {
                format!("nothing was changed, and your plan is as it was; {RAISE_LIMIT}")
            }
            Error::PlanNotSaved { .. } => {
                "nothing was changed, and your plan is as it was; free some space, then try again".into()
            }
            Error::PlanFileBehind { why, .. } => format!(
                "nothing is lost and nothing needs typing again: every command reads your plan with this change in it, and your next change brings the file up to date; {} first",
                match *why {
                    SIZE_LIMIT_REACHED => {
                        "raise the limit on file sizes (`ulimit -f unlimited`, or ask whoever set it)"
                    }
                    WRITE_REFUSED => "check that the folder is yours and has room",
                    _ => "free some space",
                }
            ),
            Error::SharedFolder { .. } => {
                "nothing was changed; make a folder of your own for your plan (for example `mkdir ~/my-plan`) and use that".into()
            }
            Error::LockInTheWay { remove, .. } if remove.starts_with("mv ") => format!(
                "relapse-plan keeps nothing of your plan there, so what is in it was put there by something else: move it aside with `{remove}` (nothing in it is lost), then try again"
            ),
            Error::LockInTheWay { remove, .. } => format!(
                "it holds nothing of your plan: remove it with `{remove}`, then try again"
            ),
            Error::WalkThroughOpen { .. } => {
                "finish or stop that one first (Ctrl-C there keeps its answers), then run this again".into()
            }
            Error::LockTimeout { .. } => {
                "nothing was changed; finish or close the other relapse-plan (another window, a script), then try again".into()
            }
            // What helps depends on the file: `restore` only for the plan and
            // its revisions; a log beside them is moved aside; a file the
            // person named (homework, a hand-in, a vCard) is theirs to check.
            Error::TooLarge { path, .. } | Error::NotAFile { path } if is_plan_file(path) => {
                "nothing was changed; move it aside, then bring back a saved revision with `relapse-plan restore REV`".into()
            }
            Error::TooLarge { path, .. } | Error::NotAFile { path } if is_side_file(path) => {
                "your plan is untouched: move that file aside (keep it, it is your history) and relapse-plan starts a new one".into()
            }
            Error::NotAFile { .. } => {
                "nothing was changed; name a regular file here, not a folder, a pipe or a device".into()
            }
            Error::TooLarge {
                what: "a hand-in file",
                ..
            } => "nothing was changed; ask your client for a new one (relapse-plan reads hand-ins of up to 8 MB, and `homework submit` writes none larger)".into(),
            Error::TooLarge {
                what: "a homework file",
                ..
            } => "nothing was changed; ask whoever sent it for a new copy (relapse-plan reads homework files of up to 8 MB)".into(),
            Error::TooLarge {
                what: "a vCard file",
                ..
            } => "nothing was added; export fewer contacts (just the people who help you most) and import that file".into(),
            Error::TooLarge { .. } => {
                "nothing was changed; check it is the file you meant (relapse-plan reads files of up to 8 MB)".into()
            }
            Error::HandInWouldNotOpen { .. } => {
                "your plan is untouched; tell your therapist this happened, and bring your plan another way (`relapse-plan print -o plan.pdf` makes a copy of it)".into()
            }
            // A file of the wrong kind: what the command takes instead, and
            // who makes it, never "check again" or "ask for a new copy" of
            // a file that was never the right one.
            // `review --assignment`: said to the therapist who set it.
            Error::BadFile {
                what: crate::store::SET_HOMEWORK,
                source: ParseError::WrongKind { found, .. },
                path,
            } if found == "a hand-in file" => format!(
                "nothing was changed; the hand-in goes first and your homework file (the one `homework assign` wrote) after --assignment: `relapse-plan review {} --assignment HOMEWORK`",
                crate::render::rescue::path_word(path)
            ),
            Error::BadFile {
                what: crate::store::SET_HOMEWORK,
                source: ParseError::NotToml(_) | ParseError::WrongKind { .. },
                ..
            } => "nothing was changed; --assignment takes the homework file you wrote with `relapse-plan homework assign` and gave your client (a plain text file, often homework.toml), to check the hand-in answers it; without --assignment, `review` reads the hand-in alone".into(),
            Error::BadFile {
                what: crate::store::SET_HOMEWORK,
                source: ParseError::NewerVersion(_),
                ..
            } => "nothing was changed; update relapse-plan to check the hand-in against it, or review the hand-in without --assignment".into(),
            Error::BadFile {
                what: crate::store::SET_HOMEWORK,
                ..
            } => "nothing was changed; this copy of your homework can't be read: write it again with `relapse-plan homework assign`, or review the hand-in without --assignment".into(),
            Error::BadFile {
                what: "a hand-in file",
                source: ParseError::WrongKind { found, .. },
                path,
            } if found == "a homework file" => format!(
                "`review` reads what your client hands back: the file they write with relapse-plan's `homework submit -o hand-in.toml`; give it that file, and this one beside it to check they match: `relapse-plan review HAND-IN --assignment {}`",
                crate::render::rescue::path_word(path)
            ),
            Error::BadFile {
                what: "a homework file",
                source: ParseError::WrongKind { found, .. },
                ..
            } if found == "a hand-in file" => {
                "a hand-in is what a client writes for their therapist with `homework submit`; `homework start` takes the homework file your therapist gave you".into()
            }
            Error::BadFile {
                what: "a hand-in file",
                source: ParseError::NotToml(_),
                ..
            } => "nothing was changed; `review` reads the hand-in your client writes with relapse-plan's `homework submit -o hand-in.toml` (a plain text file): ask them for that file".into(),
            Error::BadFile {
                what: "a homework file",
                source: ParseError::NotToml(_),
                ..
            } => "nothing was changed; `homework start` takes the homework file your therapist writes with `relapse-plan homework assign` (a plain text file, often homework.toml): ask them for that file".into(),
            Error::BadFile {
                what: "a plan",
                source: ParseError::NotToml(found),
                path,
            } => match found {
                Foreign::VCard => format!(
                    "to add the people in it to your plan: `relapse-plan contact import {}`",
                    crate::render::rescue::path_word(path)
                ),
                Foreign::Pdf | Foreign::Html => "a printed plan (`relapse-plan print` makes these) can't be checked; `validate` checks the plan file itself: plan.toml in the folder `relapse-plan path` shows".into(),
                Foreign::Utf16 => "open it in a text editor and save it as UTF-8 (in Notepad: Save As, Encoding: UTF-8), then check it again".into(),
                _ => NOT_A_PLAN_HINT.into(),
            },
            Error::BadFile {
                what: "a plan",
                source: ParseError::NoSchemaVersion | ParseError::BadSchemaVersion(_),
                ..
            } => NOT_A_PLAN_HINT.into(),
            // Read as far as this version understands, but never rewritten.
            Error::BadFile {
                what: "the practice log" | "the check-in log",
                source: ParseError::NewerVersion(_),
                ..
            }
            | Error::BadDraft {
                source: ParseError::NewerVersion(_),
                ..
            } => "nothing was changed; update relapse-plan to add to it".into(),
            Error::BadFile {
                what: "a hand-in file",
                path,
                source: ParseError::PlanProblems(_),
            } => format!(
                "nothing was changed, and your own plan is untouched; ask your client to send it again (their `homework submit` checks their plan first and says what to mend); `relapse-plan validate {}` lists these again",
                crate::render::rescue::path_word(path)
            ),
            Error::BadFile {
                what: "a homework file" | "a hand-in file",
                ..
            } => "nothing was changed; ask whoever sent it for a new copy (relapse-plan writes them with `homework assign` and `homework submit`)".into(),
            Error::BadFile {
                what: "the practice log" | "the check-in log",
                ..
            } => "your plan is untouched: fix the place named above by hand, or move the file aside (keep it, it is your history) to start a new log".into(),
            Error::BadStartedHomework { path, .. } => format!(
                "your plan is untouched: start your therapist's homework file again with `relapse-plan homework start FILE --force` (it takes this one's place), or move `{}` aside to clear it",
                path.display()
            ),
            Error::HomeworkInProgress { .. } => {
                "to start the new one in its place, add --force (what you did for the old one is then no longer counted); or hand the old one in first with `relapse-plan homework submit -o hand-in.toml`".into()
            }
            Error::BadFile { .. } => "fix the place named above, then check again".into(),
            Error::Damaged { .. } => {
                "nothing was changed, and your saved revisions are safe: fix the file by hand, or see them with `relapse-plan history` and bring one back with `relapse-plan restore REV`".into()
            }
            Error::Invalid { path: Some(_), .. } => {
                "nothing was changed; fix the file by hand, or bring back a saved revision with `relapse-plan restore REV`".into()
            }
            Error::Invalid { path: None, .. } => "nothing was changed".into(),
            Error::Diverged { newest, .. } => format!(
                "nothing was changed; to keep this file, save a copy, then `relapse-plan restore {newest}` (it keeps this file beside the plan) and re-add what it holds"
            ),
            Error::NewerSchema { path, readable, .. } => newer_schema_hint(path, *readable),
            // The list that shows what the person was looking for.
            Error::NotFound { what, .. } => {
                let (command, all) = match *what {
                    "contact" => ("contact", "contacts"),
                    "coping strategy" => ("coping", "coping strategies"),
                    _ => ("trigger", "triggers"),
                };
                format!("`relapse-plan {command} list` shows the {all} there are, with their numbers and names")
            }
            Error::NoSuchItem { what, .. } => {
                let command = crate::plan::Section::ALL
                    .iter()
                    .find(|s| s.item_name() == *what)
                    .map_or("coping", |s| crate::render::tables::section_command(*s));
                format!("`relapse-plan {command} list` shows them with their numbers")
            }
            Error::IdTaken { .. } => "choose another id with --id".into(),
            Error::SeveralNamed { .. } => {
                "type more of its words, or the number before it".into()
            }
            Error::HerOwnNumber { change, .. } => format!(
                "if that number is theirs now, change yours first ({change}), then mark them"
            ),
            Error::OwnNumberNotToInvolve { .. } => {
                "check the number you meant: `relapse-plan contact list` shows whose number is whose".into()
            }
            // Her choice and her safety first, the command last (Noa: a
            // command first read as being told to undo her own choice).
            Error::WouldLeaveOff { what, .. } => format!(
                "check the {what} you typed. If they really share it (one home phone), run the same command in a terminal, which asks whether to keep it"
            ),
            Error::IsNotToInvolve { theirs, number, .. }
            | Error::ChangedToNotToInvolve { theirs, number, .. } => format!(
                "you marked {theirs} as someone not to involve, and your plan keeps to that to keep you safe. If that has changed, it is your choice: `relapse-plan contact edit {number} --role help` makes them someone you can turn to"
            ),
            Error::LooksLike { number, .. } => format!(
                "two people of one name can't be told apart when it matters: to change their number, `relapse-plan contact edit {number} --phone \"…\"`; to keep both, give this one a name of its own (add a surname, or \"(work)\")"
            ),
            Error::InUse { .. } => {
                "remove the links first, or add --force to remove it and its links".into()
            }
            Error::NoRevision { .. } => "`relapse-plan history` lists the revisions".into(),
            Error::HistoryEmpty { .. } => {
                "your plan itself is as it was, and from your next change its history is kept again; if you have a copy of that folder, putting it back brings the earlier revisions back".into()
            }
            Error::NoSupporter { .. }
            | Error::SeveralSupporters { .. }
            | Error::NotInvolved { .. } => return self.supporter_hint(),
            Error::TooManyContacts { .. } => {
                "choose the people who help you most and export just them from your phone or address book, or add them one at a time with `relapse-plan contact add`".into()
            }
            Error::NoConfigFolder
            | Error::OutputInPlanFolder { .. }
            | Error::OutputIsPlanFolder { .. }
            | Error::OutputIsFolder { .. }
            | Error::OutputFolderMissing { .. }
            | Error::OutputExists { .. }
            | Error::NoReader { .. }
            | Error::Render { .. }
            | Error::NoHomework
            | Error::NoTasks { .. }
            | Error::WrongAssignment(_)
            | Error::NoCards { .. }
            | Error::NoneImportable { .. }
            | Error::NothingToExport => return self.command_hint(),
            Error::Usage(_)
            | Error::NotInPlan(_)
            | Error::PartlySaved { .. }
            | Error::BadVariable { .. }
            | Error::Stderr(_)
            | Error::Cancelled
            | Error::Declined
            | Error::NotAdded
            | Error::NotChanged
            | Error::Stopped(_) => return None,
            Error::Stdout(_) => {
                "check where the output was going: a disk that is full, or a program that stopped reading".into()
            }
            Error::Terminal(_) => {
                "everything you typed so far is kept; run the same command again to carry on".into()
            }
            Error::NotATerminal { instead, .. } => {
                format!("without a terminal, the same is done by: {instead}")
            }
            Error::NeedsAScreen { hint, .. } => (*hint).to_string(),
            Error::BadDraft { .. } => {
                "your saved plan is untouched; move that file aside (or fix it) to start again".into()
            }
        })
    }

    /// What to do after a command found nothing to work on, or was given
    /// a path or a file it cannot use.
    fn command_hint(&self) -> Option<String> {
        Some(match self {
            Error::NoConfigFolder => {
                "choose a folder for your plan with --plan-dir DIR (or set `RELAPSE_PLAN_DIR`)".into()
            }
            Error::OutputInPlanFolder { .. } => "choose a file somewhere else".into(),
            Error::OutputIsPlanFolder { example, .. } => format!(
                "give the name of a file in another folder, like `{}`",
                example.display()
            ),
            Error::OutputExists { .. } => {
                "choose another file name, or add --force to write over it".into()
            }
            Error::NoReader { .. } => {
                "start the program that reads it first, or give a file name to write to".into()
            }
            Error::OutputFolderMissing { folder, .. } => format!(
                "make the folder first with `mkdir -p {}`, or name a file in a folder that is there (`ls` lists them)",
                crate::render::rescue::path_word(folder)
            ),
            Error::OutputIsFolder { example, .. } => {
                format!(
                    "name the file to write in it, like `{}`, or choose another name that is not a folder",
                    example.display()
                )
            }
            Error::Render { .. } => {
                "nothing was written; the text, Markdown and HTML formats still work (`--format html`)".into()
            }
            Error::NoHomework => "start one with `relapse-plan homework start FILE`".into(),
            Error::NoTasks { .. } => "nothing was changed; ask whoever sent it for a new copy".into(),
            Error::WrongAssignment(_) => {
                "check you have the hand-in and the homework file that belong together; if they do, the client's copy was changed: ask them to hand it in again from the homework file you gave them".into()
            }
            Error::NoCards { seen: Some(_), .. } => "nothing was added".into(),
            Error::NoCards { .. } => {
                "is it a vCard (.vcf) file? Export one from your phone's or computer's contacts".into()
            }
            Error::NoneImportable { .. } => {
                "nothing was added; the lines above say why each was skipped".into()
            }
            Error::NothingToExport => {
                "add someone with `relapse-plan contact add --name \"…\" --phone \"…\"`".into()
            }
            _ => return None,
        })
    }

    /// What to do when `print --for NAME` found no one, several, or
    /// someone not to involve.
    fn supporter_hint(&self) -> Option<String> {
        Some(match self {
            Error::NoSupporter { people, .. } if people.is_empty() => {
                "add the people who help you with `relapse-plan contact add --name NAME --phone NUMBER`".into()
            }
            Error::NoSupporter { people, .. } => format!(
                "a copy can be made for {}; `relapse-plan contact list` shows everyone",
                or_list(people)
            ),
            Error::SeveralSupporters { matches, .. } => format!(
                "type more of their name, or all of it: --for \"{}\"",
                matches.first().map_or("", String::as_str)
            ),
            Error::NotInvolved { name, id } => format!(
                "you marked {name} as someone not to involve, and your plan keeps to that to keep you safe. If that has changed, it is your choice: `relapse-plan contact edit {id} --do-not-involve false` changes it"
            ),
            _ => return None,
        })
    }

    /// The process exit code: 2 for a mistake on the command line (or in
    /// a variable that stands for one), 130 for stopping on purpose, 1 for
    /// everything else.
    pub fn exit_code(&self) -> ExitCode {
        match self {
            Error::Usage(_)
            | Error::NoConfigFolder
            | Error::BadVariable { .. }
            | Error::OutputInPlanFolder { .. }
            | Error::OutputIsPlanFolder { .. }
            | Error::OutputFolderMissing { .. }
            | Error::OutputIsFolder { .. }
            | Error::OutputExists { .. }
            | Error::HomeworkInProgress { .. } => ExitCode::from(2),
            Error::Cancelled | Error::Stopped(_) => ExitCode::from(130),
            _ => ExitCode::FAILURE,
        }
    }
}

/// "that crisis step is 100,000 characters long; a crisis step can be up
/// to 4,000, so nothing was changed".
fn too_long_words(found: &crate::plan::limits::TooLong) -> String {
    format!(
        "that {} is {} characters long; {}, so nothing was changed",
        found.what,
        crate::plan::limits::thousands(found.chars),
        crate::plan::limits::up_to(&found.what),
    )
}

/// "Sam" is already in the plan, or looks the same as someone who is.
fn looks_like(name: &str, other: &str, differs: &str) -> String {
    if name == other {
        format!("“{name}” is already in your plan, so nothing was changed")
    } else if crate::plan::same::same_text(name, other) {
        // Shown alike, and the same name: "looks the same as" would puzzle.
        format!("“{name}” is already in your plan ({differs}), so nothing was changed")
    } else {
        format!(
            "“{name}” looks the same as “{other}”, already in your plan: {differs}, so nothing was changed"
        )
    }
}

/// "A, B or C", each name as written, in quotes.
fn or_list(names: &[String]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("“{n}”")).collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

fn invalid_message(path: Option<&PathBuf>, problems: &[Problem]) -> String {
    let mut message = match path {
        Some(path) => format!(
            "`{}` has {}:",
            path.display(),
            plural(problems.len(), "problem")
        ),
        None => format!(
            "this change would leave the plan with {}:",
            plural(problems.len(), "problem")
        ),
    };
    // About a file the person may open, each entry's id is named too: it
    // is what the file shows to search for.
    let file = path
        .and_then(|p| p.file_name())
        .map(|n| n.to_string_lossy());
    for problem in problems {
        message.push_str("\n  - ");
        match &file {
            Some(file) => message.push_str(&problem.in_file(file)),
            None => message.push_str(&problem.to_string()),
        }
    }
    message
}

/// Whether `path` is the plan or one of its saved revisions.
fn is_plan_file(path: &std::path::Path) -> bool {
    let name = |p: Option<&std::path::Path>| {
        p.and_then(std::path::Path::file_name)
            .map(|n| n.to_string_lossy().into_owned())
    };
    name(Some(path)).as_deref() == Some("plan.toml")
        || name(path.parent()).as_deref() == Some("revisions")
}

/// Whether `path` is one of the logs and files relapse-plan keeps beside the plan.
fn is_side_file(path: &std::path::Path) -> bool {
    path.file_name().is_some_and(|n| {
        [
            "practice.toml",
            "check-ins.toml",
            "check-ins.recent.toml",
            "draft.toml",
        ]
        .iter()
        .any(|known| n == *known)
    })
}

/// What there is, as the lists show it: each entry's number and her words
/// (both are what the commands take), shortened, up to ten.
fn known_list(known: &[String]) -> String {
    if known.is_empty() {
        return String::new();
    }
    let mut shown: Vec<String> = known
        .iter()
        .take(10)
        .enumerate()
        .map(|(i, words)| {
            format!(
                "{} {}",
                i + 1,
                crate::render::quoted(&crate::render::shorten(words, 30))
            )
        })
        .collect();
    if known.len() > 10 {
        shown.push(format!("and {} more", known.len() - 10));
    }
    format!(" (there is: {})", shown.join(", "))
}

fn plural(n: usize, word: &str) -> String {
    crate::render::plural(n as u64, word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(error: &Error) -> String {
        format!("{:?}", error.exit_code())
    }

    /// A PDF or image that could not be made is a failure, never a usage
    /// mistake (it was exit 2); stopping on purpose is 130.
    #[test]
    fn exit_codes_follow_the_cause() {
        let failure = format!("{:?}", ExitCode::FAILURE);
        let usage = format!("{:?}", ExitCode::from(2));
        let render = Error::Render {
            what: "the PDF",
            message: "no room".into(),
        };
        assert_eq!(code(&render), failure);
        assert!(
            render
                .hint()
                .is_some_and(|h| h.contains("nothing was written"))
        );
        assert_eq!(code(&Error::NoHomework), failure);
        // Answering no is not a typing mistake.
        assert_eq!(code(&Error::Declined), failure);
        assert_eq!(code(&Error::NotAdded), failure);
        assert_eq!(code(&Error::NothingToExport), failure);
        assert_eq!(code(&Error::Usage("--due is needed".into())), usage);
        assert_eq!(code(&Error::NoConfigFolder), usage);
        // Named but not in the plan, or saved all but a part: not usage.
        assert_eq!(code(&Error::NotInPlan("no thought".into())), failure);
        let partly = Error::PartlySaved {
            left_out: vec!["\"nope\" is not one of your warning signs".into()],
        };
        assert_eq!(code(&partly), failure);
        assert!(partly.to_string().contains("saved, all but this: \"nope\""));
        assert_eq!(
            code(&Error::Cancelled),
            format!("{:?}", ExitCode::from(130))
        );
        let output = Error::Stdout(io::Error::other("disk full"));
        assert_eq!(code(&output), failure);
        assert_eq!(
            output.to_string(),
            "could not write to standard output: disk full"
        );
        assert_eq!(code(&Error::Stderr(io::Error::other("gone"))), failure);
    }

    #[test]
    fn sizes_are_said_in_words_people_read() {
        assert_eq!(size_words(8 * 1024 * 1024), "8 MB");
        assert_eq!(size_words(3_355_443), "3.1 MB");
        // Just over the limit never reads as the limit itself.
        assert_eq!(size_words(8 * 1024 * 1024 + 1), "just over 8 MB");
        assert_eq!(size_words(1536), "1.5 KB");
        assert_eq!(size_words(310), "310 bytes");
        assert_eq!(size_words(1), "1 byte");
        assert_eq!(size_words(u64::MAX), "17592186044415 MB");
    }
}
