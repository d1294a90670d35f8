//! The command shown when answers typed on the terminal could not be saved
//! (check-in, surf, rehearse, the homework form): every answer as a flag, each word quoted for
//! a POSIX shell, naming this plan's folder, so running it later saves them
//! where they belong.

use std::fmt::Display;
use std::fmt::Write as _;
use std::path::Path;

use crate::plan::Plan;
use crate::plan::checkin::Answers;
use crate::plan::rehearsal::{Recall, Rehearsal};
use toml::value::Date;

/// A `relapse-plan` command being built, word by word.
struct Command(Vec<String>);

impl Command {
    fn new(subcommand: &str) -> Command {
        Command(vec!["relapse-plan".into(), subcommand.into()])
    }

    /// A word as the shell reads it back exactly.
    fn word(mut self, word: &str) -> Command {
        self.0.push(shell_word(word));
        self
    }

    fn flag(mut self, flag: &str, value: impl Display) -> Command {
        let value = value.to_string();
        // A value that starts with a dash ("-ish", "- tired") goes joined
        // to its flag, or it would be read as a flag of its own.
        if value.starts_with('-') {
            self.0.push(shell_word(&format!("{flag}={value}")));
        } else {
            self.0.push(shell_word(flag));
            self.0.push(shell_word(&value));
        }
        self
    }

    /// The command, with ` --plan-dir DIR` when the plan is not in the
    /// default folder (`plan_dir` is then `Some`), so it saves into this
    /// plan and not into another one.
    fn finish(self, plan_dir: Option<&Path>) -> String {
        let command = match plan_dir {
            Some(dir) => self.flag("--plan-dir", dir.to_string_lossy()),
            None => self,
        };
        command.0.join(" ")
    }
}

/// The check-in with flags, as an example for someone with no terminal:
/// made-up ratings to change, and her `--note`, if she gave one, kept
/// word for word.
pub fn check_in_example(note: Option<&str>) -> String {
    let mut command = Command::new("check-in")
        .flag("--urge", 3)
        .flag("--acted", "no")
        .flag("--distress", 4);
    if let Some(note) = note {
        command = command.flag("--note", note);
    }
    command.finish(None)
}

/// A check-in's answers as the command that saves them for `day` (run
/// the next day, it still files them on the day they were about).
/// Warning signs the plan holds go with `--sign`, the person's own with
/// `--other-sign`; `--acted` only once she said (`acted_said`).
pub fn check_in(
    answers: &Answers,
    acted_said: bool,
    day: Date,
    plan: &Plan,
    plan_dir: Option<&Path>,
) -> String {
    let mut command = Command::new("check-in")
        .flag("--date", day)
        .flag("--urge", answers.urge);
    if acted_said {
        command = command.flag("--acted", answers.acted.key());
    }
    for sign in &answers.signs {
        let known = plan.warning_signs.iter().any(|s| s.text == *sign);
        command = command.flag(if known { "--sign" } else { "--other-sign" }, sign);
    }
    for item in &answers.did {
        command = command.flag("--did", item);
    }
    // A way of coping by its number in `coping list`, which `--used`
    // takes: its id ("w-jl-w-khrj-mn-lgrf") is no word of hers (Layla).
    for id in &answers.used {
        match plan.coping.iter().position(|c| c.id == *id) {
            Some(at) => command = command.flag("--used", at + 1),
            None => command = command.flag("--used", id),
        }
    }
    if let Some(distress) = answers.distress {
        command = command.flag("--distress", distress);
    }
    if let Some(note) = &answers.note {
        command = command.flag("--note", note);
    }
    command.finish(plan_dir)
}

/// A warning sign in the person's own words as the command that adds it
/// to the plan.
pub fn warning_sign(sign: &str, plan_dir: Option<&Path>) -> String {
    let mut command = Command::new("warning-sign").word("add");
    if let Some(dir) = plan_dir {
        command = command.flag("--plan-dir", dir.to_string_lossy());
    }
    // After `--` a sign that starts with a dash is still the sign.
    if sign.starts_with('-') {
        command = command.word("--");
    }
    command.word(sign).finish(None)
}

/// Urge ratings as the command that logs them as a surf done elsewhere.
pub fn surf(
    ratings: &[u8],
    every_minutes: f64,
    trigger: Option<&str>,
    plan_dir: Option<&Path>,
) -> String {
    let list: Vec<String> = ratings.iter().map(u8::to_string).collect();
    let mut command = Command::new("surf")
        .flag("--ratings", list.join(","))
        .flag("--every", every_minutes);
    if let Some(id) = trigger {
        command = command.flag("--trigger", id);
    }
    command.finish(plan_dir)
}

/// A rehearsal as the command that logs it as answered.
pub fn rehearse(rehearsal: &Rehearsal, plan_dir: Option<&Path>) -> String {
    let recalled = match rehearsal.recalled {
        Recall::All => "all",
        Recall::Some => "some",
        Recall::None => "none",
    };
    let mut command = Command::new("rehearse")
        .word(&rehearsal.trigger)
        .flag("--recalled", recalled)
        .flag("--confidence", rehearsal.confidence);
    if !rehearsal.response.is_empty() {
        command = command.flag("--response", &rehearsal.response);
    }
    command.finish(plan_dir)
}

/// What a therapist answered in `homework assign`'s form before stopping,
/// as the command that carries on from it: the form asks only what it
/// does not give. `due` is the day, written as `YYYY-MM-DD` so it means
/// the same day whenever it is run ("next Sunday" would not).
pub fn homework_assign(
    output: &Path,
    force: bool,
    asked: &crate::plan::homework::Asked,
    due: Option<toml::value::Date>,
) -> String {
    let mut command = Command::new("homework").word("assign");
    command.0.push("-o".into());
    command.0.push(path_word(output));
    if force {
        command = command.word("--force");
    }
    if let Some(therapist) = &asked.therapist {
        command = command.flag("--therapist", therapist);
    }
    if let Some(client) = &asked.client {
        command = command.flag("--client", client);
    }
    if let Some(due) = due {
        command = command.flag("--due", due);
    }
    if let Some(note) = &asked.note {
        command = command.flag("--message", note);
    }
    for task in &asked.tasks {
        let amount = match task.times {
            Some(times) => format!("{}x{times}", task.count),
            None => task.count.to_string(),
        };
        command = command.flag("--task", format!("{}={amount}", task.task.key()));
    }
    command.finish(None)
}

/// A path as a word a POSIX shell reads back exactly and a command never
/// takes for an option: a relative one starting with `-` is written
/// `./-x`. Its bytes are quoted as they are: a name that is not UTF-8
/// (an old Latin-1 name, say) is written byte by byte as `$'\xe9'`.
pub fn path_word(path: &Path) -> String {
    use std::os::unix::ffi::OsStrExt;
    let bytes = path.as_os_str().as_bytes();
    if bytes.starts_with(b"-") {
        return path_word(&Path::new(".").join(path));
    }
    if std::str::from_utf8(bytes).is_ok() {
        return shell_word(&path.to_string_lossy());
    }
    let mut quoted = String::from("$'");
    for chunk in bytes.utf8_chunks() {
        push_ansi_c(&mut quoted, chunk.valid());
        for b in chunk.invalid() {
            let _ = write!(quoted, "\\x{b:02x}");
        }
    }
    quoted.push('\'');
    quoted
}

/// `text` with every command it suggests in backquotes (`` `relapse-plan
/// restore REV` ``) naming the plan's folder, ` --plan-dir DIR` quoted for
/// a shell, when the plan is not in the default folder (`plan_dir` is
/// then `Some`, set by the flag or `RELAPSE_PLAN_DIR`): a hint followed
/// as written would otherwise act on another plan, or on none. The one
/// place hint commands get the folder, for every message said through
/// the command's context and every error's hint. The flag goes straight
/// after `relapse-plan`, as a global option may: whatever follows (a flag
/// named without its value, `--`, a placeholder) stays as it was. A
/// command that names a folder already, `validate` (which names the very
/// file it checks, quoted, wherever it is) and `relapse-plan --help` are
/// left as they are.
pub fn in_this_folder<'t>(text: &'t str, plan_dir: Option<&Path>) -> std::borrow::Cow<'t, str> {
    let Some(dir) = plan_dir else {
        return text.into();
    };
    if !text.contains("`relapse-plan ") {
        return text.into();
    }
    let flag = format!("relapse-plan --plan-dir {}", path_word(dir));
    let mut out = String::with_capacity(text.len() + flag.len());
    let pieces = text.split('`').count();
    for (i, piece) in text.split('`').enumerate() {
        if i > 0 {
            out.push('`');
        }
        // Odd pieces are inside backquotes, when the quote closes.
        let closed = pieces > i + 1;
        if i % 2 == 1
            && closed
            && piece.starts_with("relapse-plan ")
            && !piece.contains("--plan-dir")
            && !piece.contains('\n')
            && !piece.starts_with("relapse-plan --help")
            && !piece.starts_with("relapse-plan help")
            && !piece.starts_with("relapse-plan validate ")
        {
            out.push_str(&flag);
            out.push_str(&piece["relapse-plan".len()..]);
        } else {
            out.push_str(piece);
        }
    }
    out.into()
}

/// [`in_this_folder`] for text already laid out in lines (a table, a
/// screen, a walk-through's words), which never went through a command's
/// `say`: each line that suggests a command gets the folder, whether the
/// command is in backquotes or stands alone on its line ("  relapse-plan
/// rehearse 3", written there to be copied whole), and a line it makes
/// wider than `width` is wrapped again under its own indent. Lines that
/// name no command stay exactly as they were.
pub fn in_this_folder_lines<'t>(
    text: &'t str,
    plan_dir: Option<&Path>,
    width: usize,
) -> std::borrow::Cow<'t, str> {
    let Some(dir) = plan_dir else {
        return text.into();
    };
    if !text.contains("relapse-plan ") {
        return text.into();
    }
    let lines: Vec<String> = text
        .split('\n')
        .map(|line| {
            let indent = &line[..line.len() - line.trim_start().len()];
            let alone = line.trim_start();
            let named = if alone.starts_with("relapse-plan ") && !alone.contains('`') {
                in_this_folder(&format!("`{alone}`"), Some(dir))
                    .trim_matches('`')
                    .to_string()
            } else {
                in_this_folder(alone, Some(dir)).into_owned()
            };
            if named == alone {
                return line.to_string();
            }
            let whole = format!("{indent}{named}");
            if crate::width::display_width(&whole) <= width || line.contains('\x1b') {
                whole
            } else {
                super::wrap(&named, width, indent, indent)
            }
        })
        .collect();
    lines.join("\n").into()
}

/// A word as a POSIX shell reads it back exactly: bare when it is plain,
/// else in single quotes (a quote inside written `'\''`). A word holding
/// what a screen shows written out (an escape, a right-to-left override,
/// a zero-width space: see [`super::clean`]) is written in the shell's
/// `$'…'` quotes instead (bash, zsh, ksh, and POSIX sh since 2024), with
/// those characters as their bytes (`\x1b`, `\xe2\x80\xae`): inside plain quotes the
/// screen would show `\u{1b}`, and pasted, that names another file.
pub fn shell_word(word: &str) -> String {
    let plain = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.,:/+=@%".contains(c));
    if plain {
        word.to_string()
    } else if super::clean(word) != word {
        let mut quoted = String::from("$'");
        push_ansi_c(&mut quoted, word);
        quoted.push('\'');
        quoted
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}

/// `text` inside `$'…'`: a backslash and a quote escaped, and every
/// character a screen would write out ([`super::hides`], controls) as its
/// bytes, so what is shown is what the shell reads.
fn push_ansi_c(quoted: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '\\' => quoted.push_str("\\\\"),
            '\'' => quoted.push_str("\\'"),
            // Byte by byte, as UTF-8: `\u202e` would need a UTF-8 locale
            // in the shell that reads it; bytes read back the same in any.
            c if c.is_control() || super::hides(c) => {
                for b in c.encode_utf8(&mut [0; 4]).bytes() {
                    let _ = write!(quoted, "\\x{b:02x}");
                }
            }
            c => quoted.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 13: hints other than validate's left out the folder the
    /// person is using, so `relapse-plan restore 3` acted on another plan.
    #[test]
    fn hint_commands_name_the_folder_in_use() {
        let text = "bring one back with `relapse-plan restore REV` (`relapse-plan history` lists them); see `relapse-plan`";
        assert_eq!(in_this_folder(text, None), text);
        assert_eq!(
            in_this_folder(text, Some(Path::new("/a b/c"))),
            "bring one back with `relapse-plan --plan-dir '/a b/c' restore REV` (`relapse-plan --plan-dir '/a b/c' history` lists them); see `relapse-plan`"
        );
        assert_eq!(
            in_this_folder(
                "`relapse-plan warning-sign add -- -ish`, `relapse-plan surf --ratings`, `relapse-plan --help`",
                Some(Path::new("/p"))
            ),
            "`relapse-plan --plan-dir /p warning-sign add -- -ish`, `relapse-plan --plan-dir /p surf --ratings`, `relapse-plan --help`"
        );
        let named = "`relapse-plan check-in --urge 3 --plan-dir /p`, `relapse-plan validate '/p/plan.toml'`";
        assert_eq!(in_this_folder(named, Some(Path::new("/q"))), named);
        assert_eq!(
            in_this_folder("an open `quote relapse-plan x", Some(Path::new("/q"))),
            "an open `quote relapse-plan x"
        );
    }

    /// Issue 13: laid-out screens (show's "none yet", a check-in's offer
    /// to rehearse on a line of its own) named no folder.
    #[test]
    fn laid_out_lines_name_the_folder_and_wrap_again() {
        let dir = Some(Path::new("/my plans/p"));
        let text = "Reasons\n  None yet: `relapse-plan reason add \"…\"`\n  relapse-plan rehearse 3\nno command here";
        assert_eq!(in_this_folder_lines(text, None, 80), text);
        assert_eq!(
            in_this_folder_lines(text, dir, 80),
            "Reasons\n  None yet: `relapse-plan --plan-dir '/my plans/p' reason add \"…\"`\n  relapse-plan --plan-dir '/my plans/p' rehearse 3\nno command here"
        );
        let narrow =
            in_this_folder_lines("  None yet: `relapse-plan step add x` adds one", dir, 40);
        assert_eq!(
            narrow,
            "  None yet:\n  `relapse-plan --plan-dir '/my plans/p' step add x`\n  adds one"
        );
    }

    #[test]
    fn each_answer_is_one_quoted_word_and_the_folder_is_named_when_not_the_default() {
        let answers = Answers {
            urge: 7,
            acted: crate::plan::checkin::Acted::Partly,
            signs: vec!["it's late".into()],
            did: vec![],
            used: vec!["walk".into()],
            distress: Some(4),
            note: None,
        };
        let plan = Plan::new("Sam".into(), None);
        let day = Date {
            year: 2026,
            month: 11,
            day: 28,
        };
        assert_eq!(
            check_in(&answers, true, day, &plan, Some(Path::new("/tmp/my plan"))),
            "relapse-plan check-in --date 2026-11-28 --urge 7 --acted partly --other-sign 'it'\\''s late' --used walk --distress 4 --plan-dir '/tmp/my plan'"
        );
        // Stopped before saying whether she acted on it: no answer given for her.
        assert_eq!(
            check_in(&answers, false, day, &plan, None),
            "relapse-plan check-in --date 2026-11-28 --urge 7 --other-sign 'it'\\''s late' --used walk --distress 4"
        );
        // A way of coping in her plan goes by its number, never its id.
        let mut with_walk = plan.clone();
        with_walk.coping.push(crate::plan::Coping {
            id: "walk".into(),
            name: "المشي".into(),
            kind: crate::plan::CopingKind::default(),
            steps: vec![],
            follow_through: crate::plan::FollowThrough::default(),
        });
        assert!(
            check_in(&answers, false, day, &with_walk, None).contains(" --used 1 "),
            "{}",
            check_in(&answers, false, day, &with_walk, None)
        );
        assert_eq!(
            surf(&[7, 5, 2], 0.5, Some("payday"), None),
            "relapse-plan surf --ratings 7,5,2 --every 0.5 --trigger payday"
        );
    }
}
