//! Turning a plan into text for people (and JSON for scripts). Renderers
//! write to `impl Write` and never read files, the clock or the terminal.

pub mod bidi;
pub mod card;
pub mod changes;
pub mod chart;
pub mod checkin;
pub mod crisis;
pub mod direction;
pub mod fonts;
pub mod homework;
pub mod html;
pub mod ics;
pub mod json;
pub mod long;
pub mod markdown;
pub mod paragraph;
pub mod pdf;
pub mod phone;
pub mod practice;
pub mod printout;
pub mod rescue;
pub mod review;
pub mod tables;
pub mod text;
pub mod trends;

use std::fmt::Write as _;

/// How output should look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// Bold headings (only on a terminal, never with `NO_COLOR`).
    pub color: bool,
    /// No box drawing, colour or decorative symbols: tables become labelled
    /// lines, for screen readers and braille displays.
    pub plain: bool,
    /// Columns to wrap and fit tables to.
    pub width: usize,
}

impl Style {
    /// 80 columns without colour, as written to a file or a pipe.
    pub const FILE: Style = Style {
        color: false,
        plain: false,
        width: 80,
    };
}

/// A message cleaned, and on a terminal wrapped at word boundaries to its
/// width (by display width: CJK counts double), line by line, so nothing
/// breaks mid-word. Into a pipe or a file it stays one line each.
pub fn wrap_for(message: &str, width: Option<usize>) -> String {
    let Some(width) = width else {
        return clean_lines(message);
    };
    message
        .split('\n')
        .map(|line| {
            // A line that fits stays exactly as it is (tables, aligned lists).
            let cleaned = clean(line);
            if crate::width::display_width(&cleaned) <= width {
                return cleaned;
            }
            let indent: String = line.chars().take_while(|c| *c == ' ').collect();
            let hang = if line.trim_start().starts_with("- ") {
                format!("{indent}  ")
            } else {
                indent.clone()
            };
            wrap(line.trim_start(), width, &indent, &hang)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// What a contact is for, said as she would say it: the one table of role
/// words, for every screen and printout that names a role (never the
/// file's `help` or `do-not-involve`).
pub fn role_words(role: crate::plan::Role) -> &'static str {
    use crate::plan::Role;
    match role {
        Role::Help => "someone I can ask for help",
        Role::Distraction => "someone or somewhere that takes my mind off it",
        Role::Professional => "a professional",
        Role::DoNotInvolve => "someone not to involve",
    }
}

/// How two names that look the same differ, said so the person can tell
/// which is which: "“Dаve Last” has a Cyrillic letter", or "the names
/// differ only in case, width or characters that do not show".
pub fn how_names_differ(name: &str, other: &str) -> String {
    use crate::plan::lookalike::{Difference, difference, looks_alike};
    if crate::plan::same::typed_two_ways(name, other) {
        // Vietnamese keyboards may send "ô" as "o" and an accent: nothing
        // to see, and "case or width" would puzzle (Linh).
        return "they are the same name, typed in two ways".into();
    }
    if !looks_alike(name, other) && crate::plan::same::same_spelling(name, other) {
        return "they are one name as different keyboards write it (the Arabic and Persian forms of a letter, or marks that only decorate it)".into();
    }
    match difference(name, other) {
        Difference::Unseen => {
            "the names differ only in case, width or characters that do not show".into()
        }
        Difference::Scripts(mine, theirs) => {
            let said: Vec<String> = [(name, mine), (other, theirs)]
                .into_iter()
                .filter(|(_, found)| !found.is_empty())
                .map(|(n, found)| format!("{} has {}", quoted(n), letters(&found)))
                .collect();
            format!(
                "they are written in different alphabets that look alike: {}",
                said.join(", and ")
            )
        }
    }
}

/// Letters of other alphabets, counted: "a Cyrillic letter", "Greek
/// letters".
pub fn letters(found: &[(&str, usize)]) -> String {
    let count: usize = found.iter().map(|(_, n)| n).sum();
    let scripts: Vec<&str> = found.iter().map(|(s, _)| *s).collect();
    let scripts = scripts.join(" and ");
    if count == 1 {
        format!("a {scripts} letter")
    } else {
        format!("{scripts} letters")
    }
}

/// The person's own words inside a sentence the program says: in “curly
/// quotes”, cleaned, never shortened. The one rule for quoting her words.
pub fn quoted(text: &str) -> String {
    format!("“{}”", clean(text))
}

/// Said when a step names someone she marked "do not involve" (`place` is
/// "crisis step 2"): gently, never a refusal (she may mean "not Dermot"),
/// that it is kept as she wrote it, and the command that changes it on a
/// line of its own, to copy whole.
pub fn not_to_involve_note(place: &str, names: &[String], command: &str) -> String {
    format!(
        "Your {place} names {}, whom you marked not to involve in a crisis. It is saved as you wrote it; if that is not what you meant, change it with:\n  {command}",
        and_list(&names.iter().map(|n| quoted(n)).collect::<Vec<_>>())
    )
}

/// Said when crisis step `n` holds the number of `name`, whom she marked
/// "do not involve": kept as she wrote it, and how it shows in a crisis.
pub fn not_to_involve_number_note(n: usize, name: &str) -> String {
    format!(
        "Your crisis step {n} holds the number of {}, whom you marked not to involve in a crisis. It is saved as you wrote it, and marked as their number wherever it is shown; to change it:\n  relapse-plan step edit {n} \"…\"",
        quoted(name)
    )
}

/// The mark beside a crisis step that names someone she marked "do not
/// involve", on `now` and the card: "(you said not to involve Dave)".
/// Her step is kept as she wrote it (she may mean "not Dave"), but in a
/// crisis it must never read as someone to call; a calm word in her own
/// terms, not a warning. None when the step names no one not to involve.
pub fn not_to_involve_mark(marks: &crate::plan::mentions::Marks, step: &str) -> Option<String> {
    let names: Vec<String> = marks
        .not_to_involve(step)
        .iter()
        .map(|c| clean(&c.name))
        .collect();
    (!names.is_empty()).then(|| format!("(you said not to involve {})", and_list(&names)))
}

/// Beside a crisis step that names someone and holds a number that is not
/// theirs (an old number left after it changed): said gently, her words
/// unchanged. `None` when the step holds no such number.
/// A number she changed since is named as that person's old number with
/// the one saved now, whatever words surround it (Noa's "להתקשר למיכל");
/// the number of someone she marked not to involve is said as theirs
/// without naming them, as the crisis screen never names them for it.
pub fn other_number_mark(marks: &crate::plan::mentions::Marks, step: &str) -> Option<String> {
    use crate::plan::mentions::NumberDoubt;
    match marks.doubt(step)? {
        NumberDoubt::Former(contact) => Some(match contact.phone.as_deref() {
            Some(saved) => format!(
                "(the number here is an old number of {}; the one saved now is {})",
                clean(&contact.name),
                phone(saved)
            ),
            None => format!(
                "(the number here is an old number of {}; no number is saved for them now)",
                clean(&contact.name)
            ),
        }),
        NumberDoubt::NotTheirs(contact) => Some(format!(
            "(the number here is not the one saved for {}: {})",
            clean(&contact.name),
            phone(contact.phone.as_deref()?)
        )),
        NumberDoubt::NotToInvolve(_) => {
            Some("(the number here is the number of someone you said not to involve)".to_string())
        }
    }
}

/// Said where a person to turn to is not shown because they have the name
/// or the number of someone she marked "do not involve": hidden silently,
/// her brother was simply gone from `now` and the card (Niran, whose
/// gambling friend shared the family's number).
/// Only another person with their number is said: one who is that person
/// under another spelling is theirs to leave out, and the crisis screen
/// never names whom she marked not to involve.
pub fn hidden_helper_notes(plan: &crate::plan::Plan) -> Vec<String> {
    hidden_helpers(plan)
        .into_iter()
        .map(|helper| {
            format!(
                "(“{}” is not shown here: their number is also the number of someone you marked not to involve; `relapse-plan show` says how to put it right)",
                clean(&helper.name)
            )
        })
        .collect()
}

/// The people to turn to left out only for sharing a number with someone
/// not to involve (see [`hidden_helper_notes`]).
pub fn hidden_helpers(plan: &crate::plan::Plan) -> Vec<&crate::plan::Contact> {
    plan.helpers_sharing_a_number()
        .into_iter()
        .map(|(helper, _)| helper)
        .collect()
}

/// The mark beside one of her own numbers that can't be offered as it
/// stands (see [`crate::plan::Plan::own_number_doubt`]), in the words a
/// crisis step holding such a number is marked with. `None` for most.
pub fn own_number_mark(plan: &crate::plan::Plan, number: &str) -> Option<String> {
    use crate::plan::own_doubt::OwnDoubt;
    Some(match plan.own_number_doubt(number)? {
        OwnDoubt::NotToInvolve(_) => {
            "(the number here is the number of someone you said not to involve)".to_string()
        }
        OwnDoubt::Former(contact) => match contact.phone.as_deref() {
            Some(saved) => format!(
                "(the number here is an old number of {}; the one saved now is {})",
                clean(&contact.name),
                phone(saved)
            ),
            None => format!(
                "(the number here is an old number of {}; no number is saved for them now)",
                clean(&contact.name)
            ),
        },
    })
}

/// Said when one of her own numbers (`what`: "your emergency number")
/// is a number `them` had before: kept as she wrote it, as a crisis step
/// holding one is, and marked wherever it is shown.
pub fn own_old_number_note(number: &str, what: &str, them: &crate::plan::Contact) -> String {
    let now = them.phone.as_deref().map_or_else(
        || "no number is saved for them now".to_string(),
        |saved| format!("the one saved now is {}", phone(saved)),
    );
    format!(
        "{} is an old number of {} ({now}). It is kept as {what}, and marked as an old number wherever it is shown; if you meant the one saved now, give it again.",
        clean(number),
        quoted(&them.name),
    )
}

/// Which of her own numbers, in words: "your emergency number", "the
/// number to call your own line “Lifeline”".
pub fn own_number_words(which: &crate::plan::own_doubt::OwnNumber) -> String {
    use crate::plan::own_doubt::OwnNumber;
    match which {
        OwnNumber::Emergency => "your emergency number".to_string(),
        OwnNumber::Call(name) => format!("the number to call your own line {}", quoted(name)),
        OwnNumber::Text(name) => format!("the number to text your own line {}", quoted(name)),
        OwnNumber::Name(name) => format!("the name of your own line {}", quoted(name)),
    }
}

/// The command that changes one of her own numbers.
pub fn own_number_command(which: &crate::plan::own_doubt::OwnNumber) -> String {
    use crate::plan::own_doubt::OwnNumber;
    match which {
        OwnNumber::Emergency => "relapse-plan set --emergency-number \"…\"".to_string(),
        OwnNumber::Call(name) => format!(
            "relapse-plan set --own-line {} --call \"…\"",
            rescue::shell_word(name)
        ),
        OwnNumber::Text(name) => format!(
            "relapse-plan set --own-line {} --text \"…\"",
            rescue::shell_word(name)
        ),
        OwnNumber::Name(name) => format!(
            "relapse-plan set --remove-own-line {}",
            rescue::shell_word(name)
        ),
    }
}

/// The name of a line of hers as shown: her words, unless they are the
/// name of someone she said not to involve, whose name is never shown as
/// a line to call (a hand edit can hold one).
pub fn own_line_name(plan: &crate::plan::Plan, name: &str) -> String {
    if plan.own_line_name_doubt(name).is_some() {
        "A line of yours (its name is the name of someone you said not to involve)".to_string()
    } else {
        clean(name)
    }
}

/// The marks under a crisis step, the same on every screen and on paper:
/// whom it names that she said not to involve, and a number in it that is
/// not the one saved for the person it names. Empty for most steps.
/// `marks`: [`crate::plan::mentions::Marks::of`] the plan, once for all its steps.
pub fn step_marks(marks: &crate::plan::mentions::Marks, step: &str) -> Vec<String> {
    not_to_involve_mark(marks, step)
        .into_iter()
        .chain(other_number_mark(marks, step))
        .collect()
}

/// The marks of a step in the fewest words, for a screen short of room
/// (the lock screen): what to do instead, not the whole story. A two-line
/// mark under each step pushed a later step and her reasons off Noa's
/// lock screen (Hebrew names run long); "old number: call NEW instead" is
/// what a hard moment needs, and the full plan says the rest.
pub fn brief_step_marks(marks: &crate::plan::mentions::Marks, step: &str) -> Vec<String> {
    not_to_involve_mark(marks, step)
        .into_iter()
        .chain(brief_number_mark(marks, step))
        .collect()
}

/// [`other_number_mark`] in its fewest words: who it was is left to the
/// full plan; the number to call now stays, whole.
fn brief_number_mark(marks: &crate::plan::mentions::Marks, step: &str) -> Option<String> {
    use crate::plan::mentions::NumberDoubt;
    match marks.doubt(step)? {
        NumberDoubt::Former(contact) => Some(match contact.phone.as_deref() {
            Some(saved) => format!("(old number: call {} instead)", phone(saved)),
            None => "(old number: no number saved now)".to_string(),
        }),
        NumberDoubt::NotTheirs(contact) => Some(format!(
            "(not the saved number: call {} instead)",
            phone(contact.phone.as_deref()?)
        )),
        NumberDoubt::NotToInvolve(_) => {
            Some("(the number of someone you said not to involve)".to_string())
        }
    }
}

/// What to say when someone's number changed and crisis steps still hold
/// the old one: the old number, each step numbered in her words, and how
/// to change one (`how`). Lines to say one by one; none when no step does.
pub fn old_number_in_steps(old: &str, steps: &[(usize, String)], how: &str) -> Vec<String> {
    if steps.is_empty() {
        return Vec::new();
    }
    let mut lines = vec![format!(
        "{} still {} the old number, {}:",
        if steps.len() == 1 {
            "One of your crisis steps"
        } else {
            "Some of your crisis steps"
        },
        if steps.len() == 1 { "holds" } else { "hold" },
        clean(old)
    )];
    lines.extend(
        steps
            .iter()
            .map(|(n, text)| format!("  {n}. {}", clean(text))),
    );
    lines.push(format!("Your words are kept as they are; {how}"));
    lines
}

/// A step that names someone marked "do not involve", for `validate` and
/// `review`: where, her words, and whom.
pub fn mention_words(mention: &crate::plan::mentions::Mention<'_>) -> String {
    let names: Vec<String> = mention.names.iter().map(|n| quoted(n)).collect();
    format!(
        "{} ({}) names {}, marked not to involve in a crisis",
        mention.place,
        quoted(&shorten_kept(mention.text, 60)),
        and_list(&names)
    )
}

/// A name, then how to reach it, as a person would write it: "Lifeline:
/// call 0800 543 354", "Lifeline, by text"; a name that ends in its own
/// question mark or full stop ("Need to talk?") takes no comma or colon
/// after it, and what follows starts a sentence: "Need to talk? Call 1737
/// or text 1737", "Need to talk? Text".
pub fn name_then(who: &str, separator: &str, rest: &str) -> String {
    if who.trim_end().ends_with(['?', '!', '.', '？', '！', '。']) {
        let mut chars = rest.chars();
        let rest = chars.next().map_or_else(String::new, |first| {
            first.to_uppercase().chain(chars).collect()
        });
        format!("{} {rest}", who.trim_end())
    } else {
        format!("{who}{separator}{rest}")
    }
}

/// `a`, `a and b`, `a, b and c`.
pub fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Whose plan a screen shows, so a note is called by whose it is: "your
/// note" only to the person who wrote it; a therapist reviewing a hand-in
/// reads the client's notes as theirs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    /// The person reading their own plan.
    Owner,
    /// A therapist reading a client's hand-in.
    Therapist,
}

/// A revision's change note as shown: her own note labelled by whose it is
/// and quoted, what relapse-plan recorded as its own plain words, so
/// nothing she did not write reads as if she had, and nothing the client
/// wrote reads to the therapist as the therapist's.
pub fn change_note(stored: &str, reader: Reader) -> String {
    match (crate::plan::note::read(stored), reader) {
        (crate::plan::note::Note::Hers(words), reader) => {
            format!("{} {}", note_label(reader), quoted(words))
        }
        (crate::plan::note::Note::Recorded(words), _) => clean(words),
    }
}

/// The label before a person's own note, for who reads it.
pub fn note_label(reader: Reader) -> &'static str {
    match reader {
        Reader::Owner => "your note:",
        Reader::Therapist => "note from the client:",
    }
}

/// [`wrap`], with `label` (our own words, its first place in `text`) kept
/// on one line and with the first word after it: a line never ends "note
/// from the" with "client: “…”" on the next (Dr Rao). Its spaces are held
/// as no-break spaces while the lines are chosen, then given back.
pub fn wrap_labelled(text: &str, label: &str, width: usize, indent: &str, hang: &str) -> String {
    let held = label.replace(' ', "\u{a0}");
    match text.find(label) {
        Some(_) => {
            wrap(&text.replacen(label, &held, 1), width, indent, hang).replacen(&held, label, 1)
        }
        None => wrap(text, width, indent, hang),
    }
}

/// Makes stored text safe to show on a terminal, and honest: control
/// characters (escape sequences, line breaks), C1 controls, bidirectional
/// overrides and isolates, and zero-width characters are shown as visible
/// escapes like `\u{202e}` instead of acting on the terminal or disguising
/// what is written. Every printing of stored text passes through here (or
/// [`clean_lines`]); what is stored stays byte for byte as it was.
pub fn clean(text: &str) -> String {
    let mut shown = String::with_capacity(text.len());
    let mut prev = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\t' {
            shown.push(' ');
        } else if is_separator(c) {
            shown.push_str(SEPARATOR_SHOWN);
        } else if is_hidden(c, prev, chars.peek().copied()) {
            let _ = write!(shown, "\\u{{{:x}}}", u32::from(c));
        } else {
            shown.push(c);
        }
        prev = Some(c);
    }
    shown
}

/// The line and paragraph separators (U+2028, U+2029): a line break she
/// meant (a phone's notes app or a word processor writes them), never an
/// attack. One rule for both media: shown as " / ", as a change note with
/// a line break is folded when it is saved ([`crate::store`]'s
/// `fold_note`), so her two lines read as two everywhere. Written out
/// (`\u{2028}`) it was foreign text in her words; on paper, left out, her
/// two lines ran together into one word.
fn is_separator(c: char) -> bool {
    matches!(c, '\u{2028}' | '\u{2029}')
}

/// How a line or paragraph separator is shown, on screen and on paper.
const SEPARATOR_SHOWN: &str = " / ";

/// Where the person's words are shown: on a screen, where a hidden
/// character is written out (`\u{202e}`) so it can neither act nor
/// disguise, or on paper (a PDF, a web page, a lock-screen image), where
/// escape codes would be foreign text in a person's plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Medium {
    Screen,
    Paper,
}

impl Medium {
    /// Stored text as this medium shows it. On paper, a number in words
    /// that held a hidden character is flagged ([`NUMBER_DOUBT`]) and never
    /// linked: a right-to-left override can show "98200 12345" on the
    /// screen where it was typed while the digits dial 54321 00289.
    pub fn show(self, text: &str) -> String {
        match self {
            Medium::Screen => clean(text),
            Medium::Paper => paper_words(text),
        }
    }

    /// A person's name, or any of her words, as this medium shows it
    /// inside a line of the program's ("Crisis plan — Noa", "Thoughts:
    /// …"). On paper words holding right-to-left letters are put in a
    /// first-strong isolate (FSI … PDI, UAX #9): otherwise a Hebrew name
    /// can pull the words around it to the wrong side, and a figure that
    /// starts her words joins the English label before them. A terminal
    /// gets no invisible characters.
    pub fn name(self, name: &str) -> String {
        let shown = self.show(name);
        if self == Medium::Paper && paragraph::has_rtl(&shown) {
            format!("\u{2068}{shown}\u{2069}")
        } else {
            shown
        }
    }

    /// A phone number as this medium shows it. On paper a character that
    /// does not show is drawn as a `?`: left out, the number would look
    /// right and dial wrong; the `?` asks for the check its warning asks
    /// for, and keeps it from becoming a link.
    pub fn number(self, number: &str) -> String {
        match self {
            Medium::Screen => clean(number),
            Medium::Paper => {
                let marked: String = number
                    .chars()
                    .map(|c| {
                        if c != '\t' && (hides(c) || crate::plan::phone::is_hidden(c)) {
                            '?'
                        } else {
                            c
                        }
                    })
                    .collect();
                for_paper(&marked)
            }
        }
    }
}

/// Stored text for paper: the person's words with what does not show
/// left out (bidirectional overrides and isolates, zero-width and other
/// invisible characters, controls), so an override can't reverse the
/// printed words and no code text appears; a line break or tab is a
/// space. A phone number keeps its warning (see [`phone_warning`]), which
/// reads the number as stored.
pub fn for_paper(text: &str) -> String {
    let mut shown = String::with_capacity(text.len());
    let mut prev = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if matches!(c, '\t' | '\n' | '\r') {
            shown.push(' ');
        } else if is_separator(c) {
            shown.push_str(SEPARATOR_SHOWN);
        } else if !is_hidden(c, prev, chars.peek().copied()) {
            shown.push(c);
        }
        prev = Some(c);
    }
    shown
}

/// Said on paper before each number in words that held a hidden
/// character: the words read there without it, but the person may have
/// read them otherwise where they typed them, so the number is checked,
/// not trusted (and no format makes it a link: see `html.rs`). Before it,
/// not after, so a card that shortens the words keeps the flag with the
/// number.
/// Short, as a wallet card has little room: `print` says why, in full.
pub const NUMBER_DOUBT: &str = "(check this number)";

/// [`for_paper`], with each number flagged ([`NUMBER_DOUBT`] before it) when the
/// stored words held a hidden character (a bidirectional control
/// anywhere in them turns the digits around, a zero-width space splits
/// them; line breaks and tabs do not count), and a number with a `+` just
/// after its digits ("Call 1234 555 12 46+", a number turned around by an
/// override taken out), which no format links either: it carried no mark
/// on the PDF and the card while the other doubtful numbers did (Trudy).
fn paper_words(text: &str) -> String {
    let shown = for_paper(text);
    let hidden = held_hidden(text);
    if !hidden && !shown.contains(['+', '\u{ff0b}']) {
        return shown;
    }
    flag_numbers(&shown, |range| hidden || turned_around(&shown, range))
}

/// Words for paper with [`NUMBER_DOUBT`] before each number in them (once:
/// words already flagged are kept as they are): on a card it is read, and
/// in a web page the number is no link.
pub fn doubt_numbers(shown: &str) -> String {
    if shown.contains(NUMBER_DOUBT) {
        return shown.to_string();
    }
    flag_numbers(shown, |_| true)
}

/// `shown` with [`NUMBER_DOUBT`] before each number that `doubt` says.
fn flag_numbers(shown: &str, doubt: impl Fn(&std::ops::Range<usize>) -> bool) -> String {
    // In right-to-left words the (English) flag is isolated left to
    // right: otherwise its brackets turned and a line broke it as
    // "check this) … (number" on Shirin's lock screen.
    let flag = if paragraph::has_rtl(shown) {
        format!("\u{2066}{NUMBER_DOUBT}\u{2069}")
    } else {
        NUMBER_DOUBT.to_string()
    };
    let mut flagged = String::with_capacity(shown.len() + flag.len());
    let mut at = 0;
    for range in paragraph::numbers(shown) {
        flagged.push_str(&shown[at..range.start]);
        if doubt(&range) {
            flagged.push_str(&flag);
            flagged.push(' ');
        }
        flagged.push_str(&shown[range.clone()]);
        at = range.end;
    }
    flagged.push_str(&shown[at..]);
    flagged
}

/// Whether the number at `range` in `shown` has a `+` just after its
/// digits, as a number turned around reads ("1234 555 12 46+").
fn turned_around(shown: &str, range: &std::ops::Range<usize>) -> bool {
    shown[range.end..].starts_with(['+', '\u{ff0b}'])
}

/// Whether paper flags a number in these words for its `+` after the
/// digits ([`NUMBER_DOUBT`]), where no hidden character flags it already.
pub fn number_turned_around(text: &str) -> bool {
    let shown = for_paper(text);
    !held_hidden(text)
        && paragraph::numbers(&shown)
            .iter()
            .any(|range| turned_around(&shown, range))
}

/// Whether stored words hold a character that does not show or acts on a
/// screen (line breaks and tabs apart).
fn held_hidden(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len()).any(|i| {
        !matches!(chars[i], '\t' | '\n' | '\r')
            && is_hidden(
                chars[i],
                i.checked_sub(1).map(|p| chars[p]),
                chars.get(i + 1).copied(),
            )
    })
}

/// Whether paper flags a number in these words ([`NUMBER_DOUBT`]): they
/// hold a hidden character and a number.
pub fn number_in_hidden(text: &str) -> bool {
    held_hidden(text) && !paragraph::numbers(&for_paper(text)).is_empty()
}

/// "3 minutes", "1 min 20 s", "45 s".
pub fn duration(duration: std::time::Duration) -> String {
    let secs = duration.as_secs();
    match (secs / 60, secs % 60) {
        (0, s) => format!("{s} s"),
        (1, 0) => "1 minute".into(),
        (m, 0) => format!("{m} minutes"),
        (m, s) => format!("{m} min {s} s"),
    }
}

/// What `-o /dev/null` (or a terminal) was given: said as plainly as for
/// a file, and that no file holds it.
pub fn wrote_to_device(what: &str, path: &str) -> String {
    format!(
        "Wrote {what} to `{}`, which is a device, not a file: no file was made, and nothing is kept there.",
        clean(path)
    )
}

/// What a FIFO (`-o >(gpg -e …)`) was given: whatever reads it has it now.
pub fn wrote_to_pipe(what: &str, path: &str) -> String {
    format!(
        "Wrote {what} into the pipe `{}`: whatever reads from it has it now, and no file was made.",
        clean(path)
    )
}

/// A count with its word, in the plural when it is not one: "1 day",
/// "3 days". The one way every screen counts things (any integer type).
pub fn plural(n: impl TryInto<i128>, word: &str) -> String {
    let n = n.try_into().unwrap_or(i128::MAX);
    format!("{n} {}", noun(n, word))
}

/// The word alone, in the plural when `n` is not one: "number", "numbers".
pub fn noun(n: impl TryInto<i128>, word: &str) -> String {
    match n.try_into().unwrap_or(i128::MAX) {
        1 => word.to_string(),
        _ => format!("{word}s"),
    }
}

/// A count that opens a sentence, with the words that agree with it:
/// "One trigger is rated", "3 triggers are rated". [`plural`] otherwise.
pub fn counted(n: usize, word: &str, one: &str, many: &str) -> String {
    if n == 1 {
        format!("One {word} {one}")
    } else {
        format!("{} {many}", plural(n, word))
    }
}

/// What a renderer that writes to a stream writes, as text: for the
/// walk-throughs, which show it through their prompter. Writing to memory
/// cannot fail.
pub fn to_text(write: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>) -> String {
    let mut bytes = Vec::new();
    write(&mut bytes).expect("writing to memory never fails");
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Shortens text for one line of the screen ("…" marks the cut), at a
/// word when there is one to cut at; the file keeps it whole.
pub fn shorten(text: &str, width: usize) -> String {
    shorten_kept(&clean(text), width)
}

/// `text` followed by spaces up to `width` display columns: a Japanese
/// or Hindi name takes the columns it is seen in, not its character
/// count, so the column after it lines up (`{:<30}` counts characters).
pub fn pad(text: &str, width: usize) -> String {
    let fill = width.saturating_sub(crate::width::display_width(text));
    format!("{text}{}", " ".repeat(fill))
}

/// The units text is shown in, each with where it starts: graphemes (a
/// letter with its accent, an emoji with its joiners), and each hidden
/// character written out by [`clean`] (`\u{202e}`) as one, so nothing
/// cuts or wraps inside one: half of `\u{20` is neither the character nor
/// the person's words.
pub fn shown_units(text: &str) -> Vec<(usize, &str)> {
    use unicode_segmentation::UnicodeSegmentation;
    let mut units = Vec::new();
    let mut skip_to = 0;
    for (at, grapheme) in text.grapheme_indices(true) {
        if at < skip_to {
            continue;
        }
        let len = if grapheme == "\\" {
            written_out_len(&text[at..]).unwrap_or(grapheme.len())
        } else {
            grapheme.len()
        };
        skip_to = at + len;
        units.push((at, &text[at..at + len]));
    }
    units
}

/// The length of the `\u{…}` (one to six hex digits) `text` starts with.
fn written_out_len(text: &str) -> Option<usize> {
    let hex = text.strip_prefix("\\u{")?;
    let close = hex.find('}')?;
    (1..=6).contains(&close).then_some(())?;
    hex[..close]
        .chars()
        .all(|c| c.is_ascii_hexdigit())
        .then_some(3 + close + 1)
}

/// [`shorten`] without cleaning: for words that are stored (a change
/// note), which keep the person's characters and are cleaned when shown.
pub fn shorten_kept(text: &str, width: usize) -> String {
    if crate::width::display_width(text) <= width {
        return text.to_string();
    }
    // Whole graphemes only: a Hebrew letter keeps its niqqud, an emoji its
    // joiners and skin tone, and a written-out `\u{202e}` stays whole.
    let mut end = 0;
    let mut used = 0;
    let mut at_word_end = false;
    for (at, grapheme) in shown_units(text) {
        let w = crate::width::display_width(grapheme);
        if used + w + 1 > width {
            at_word_end = grapheme.chars().all(char::is_whitespace);
            break;
        }
        end = at + grapheme.len();
        used += w;
    }
    // Back to the last place a line may break (UAX #14: a space, or
    // between two Chinese characters, after `，` or `、`) when the cut falls
    // inside a word, unless that would leave less than half the line.
    if !at_word_end
        && let Some(at) = crate::breaks::opportunities(text)
            .map(|(at, _)| at)
            .take_while(|at| *at <= end)
            .last()
        && crate::width::display_width(&text[..at]) >= used / 2
    {
        end = at;
    }
    // A phone number is never cut: a number missing its end dials someone
    // else. The cut goes before it, or, with nothing before it, nowhere.
    if let Some(start) = number_around(text, end) {
        if text[..start].trim().is_empty() {
            return text.to_string();
        }
        end = start;
    }
    let mut short = text[..end].trim_end().to_string();
    short.push('…');
    short
}

/// Where the phone number that `at` falls inside begins: a run of digits
/// (any script) and the marks numbers are written with, holding at least
/// three digits, with a digit on each side of `at`.
fn number_around(text: &str, at: usize) -> Option<usize> {
    let in_number = |c: char| {
        crate::plan::phone::digit_value(c).is_some()
            || matches!(c, '+' | '(' | ')' | '-' | '.' | '/' | ' ' | '\u{a0}')
    };
    let is_digit = |c: char| crate::plan::phone::digit_value(c).is_some();
    let before = &text[..at];
    let after = &text[at..];
    let run_start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| in_number(*c))
        .last()
        .map(|(i, _)| i)?;
    let run_end = at
        + after
            .char_indices()
            .find(|(_, c)| !in_number(*c))
            .map_or(after.len(), |(i, _)| i);
    let run = &text[run_start..run_end];
    let digits_before = text[run_start..at].chars().any(is_digit);
    let digits_after = text[at..run_end].chars().any(is_digit);
    (digits_before && digits_after && run.chars().filter(|c| is_digit(*c)).count() >= 3).then(
        || {
            // Begin at its first non-space character.
            run_start + (run.len() - run.trim_start().len())
        },
    )
}

/// [`clean`] for a message of several lines: line breaks stay, everything
/// else is cleaned. For errors, warnings and confirmations, which carry
/// stored words inside the program's own sentences.
pub fn clean_lines(text: &str) -> String {
    text.split('\n').map(clean).collect::<Vec<_>>().join("\n")
}

/// A phone number as shown: cleaned, and flagged when it holds characters
/// that do not show or digits that do not dial (a reversed or disguised
/// number must not look right).
pub fn phone(number: &str) -> String {
    let shown = clean(number);
    match phone_warning(number) {
        Some(warning) => format!("{shown} ({warning})"),
        None => shown,
    }
}

/// What to tell the person about a number that does not dial what it
/// shows, if anything.
pub fn phone_warning(number: &str) -> Option<String> {
    use crate::plan::phone::{Trouble, digit_scripts, trouble};
    // Hidden as a number counts it (a joiner between digits, a blank
    // filler), not only as text shows it: a number is never left unflagged.
    let hidden = number
        .chars()
        .any(|c| c != '\t' && crate::plan::phone::is_hidden(c));
    if hidden || clean(number) != number.replace('\t', " ") {
        Some("this number holds hidden characters: check it before you call".into())
    } else {
        match trouble(number) {
            // Letters too: "0800-DAD-HELP" or a letter O for a zero.
            Some(Trouble::LookAlike) => Some(
                "this number holds letters or characters that only look like digits: check it before you call".into(),
            ),
            // Named as what it is: "98200 1234५" is no look-alike.
            Some(Trouble::MixedDigits) => Some(format!(
                "this number mixes two kinds of digits, {}: check it before you call",
                and_list(
                    &digit_scripts(number)
                        .into_iter()
                        .map(String::from)
                        .collect::<Vec<_>>()
                )
            )),
            Some(Trouble::Reversed) => Some(
                "this number has its + after its digits, as a number turned around would: check it before you call".into(),
            ),
            // Never linked as one number: a tap dialled only the first.
            Some(Trouble::TwoNumbers) => Some(
                "this holds two numbers, and a phone dials one: keep one here, and add the other as a contact of its own, with a word after the name such as “(home)”".into(),
            ),
            _ => None,
        }
    }
}

/// A number whose "extension" has more digits than an extension has
/// ([`crate::plan::phone::long_extension`]), in words, kindly: it may be
/// another number run on, and a card or a phone has no room to guess.
pub fn long_extension_words(number: &str) -> Option<String> {
    let digits = crate::plan::phone::long_extension(number)?;
    Some(format!(
        "“{}” has {digits} digits after the number, and an extension has a few (up to about {}): if part of it is another number, it can be a contact of its own. Check it before you call",
        clean(number.trim()),
        crate::plan::phone::EXTENSION_DIGITS
    ))
}

/// A number that looks too short or too long for the plan's country, in
/// words: "“98200 12345 6” looks too long for a number in India (most
/// there have 10 digits after the 0 or +91): check it before you call."
pub fn length_words(
    number: &str,
    country: &str,
    doubt: &crate::plan::phone::LengthDoubt,
) -> String {
    use crate::plan::phone::Length;
    let place = match crate::plan::country::name(country) {
        Some(name) if name.starts_with("United ") || name.starts_with("Netherlands") => {
            format!("the {name}")
        }
        Some(name) => name.to_string(),
        None => country.to_string(),
    };
    let usual = if doubt.usual.start() == doubt.usual.end() {
        format!("{} digits", doubt.usual.start())
    } else {
        format!("{} to {} digits", doubt.usual.start(), doubt.usual.end())
    };
    let home = if doubt.calling_code == "1" { "1" } else { "0" };
    let (what, most) = if doubt.mobile {
        ("a mobile number", "mobile numbers there have")
    } else {
        ("a number", "most there have")
    };
    format!(
        "“{}” looks too {} for {what} in {place} ({most} {usual} after the {home} or +{}): check it before you call",
        clean(number),
        match doubt.length {
            Length::TooShort => "short",
            Length::TooLong => "long",
        },
        doubt.calling_code
    )
}

/// Whether a character may act on the terminal or hide from the reader,
/// wherever it stands (a zero-width joiner too, even inside an emoji).
pub fn hides(c: char) -> bool {
    is_hidden(c, None, None)
}

/// Whether a character would act on the terminal or hide from the reader,
/// between `prev` and `next`: one list, kept in the domain
/// ([`crate::plan::hidden::hidden_at`]), so what an import tidies away is
/// exactly what a screen would write out.
fn is_hidden(c: char, prev: Option<char>, next: Option<char>) -> bool {
    crate::plan::hidden::hidden_at(c, prev, next)
}

/// Wraps cleaned text to `width` display columns, every line starting
/// with `indent` and continuation lines with `hang` (so numbered lists stay
/// aligned). Phone numbers stay whole; words longer than a line are split
/// rather than overflowing it.
pub fn wrap(text: &str, width: usize, indent: &str, hang: &str) -> String {
    paragraph::wrap(
        &clean(text),
        width,
        indent,
        hang,
        paragraph::Flavor::Terminal,
    )
}

/// A command and what it does, as the start screen lists them: the
/// command indented two spaces, its words from column `at`, wrapped under
/// themselves; on a screen too narrow to give the words 20 columns there,
/// on the lines below the command instead.
pub fn command_row(command: &str, about: &str, at: usize, width: usize) -> String {
    if width >= at + 20 && crate::width::display_width(command) + 3 <= at {
        let indent = format!("  {command:<0$}", at - 2);
        return wrap(about, width, &indent, &" ".repeat(at));
    }
    format!("  {command}\n{}", wrap(about, width, "      ", "      "))
}

/// The one rule for a list item on every screen (`show`, `now`, `review`,
/// the check-in's replies): `depth` columns in, its marker ("1.", "-", or
/// none for `--plain` bullets), a space, the text, and every further line
/// under the first letter of the text. A marker is never left alone at a
/// line's end: it is the start of the item's first line.
pub fn item(marker: &str, text: &str, width: usize, depth: usize) -> String {
    let indent = if marker.is_empty() {
        " ".repeat(depth)
    } else {
        format!("{}{marker} ", " ".repeat(depth))
    };
    let hang = " ".repeat(crate::width::display_width(&indent));
    wrap(text, width, &indent, &hang)
}

/// Item `n`'s number in a list of `count`, right-aligned (" 9.", "10."),
/// so the text of every item starts in one column.
pub fn number_marker(n: usize, count: usize) -> String {
    let digits = count.max(n).to_string().len();
    format!("{n:>digits$}.")
}

/// A change from one value to another: "40% → 60%", or with `--plain`
/// "from 40% to 60%" (a screen reader says "right arrow" for the arrow).
pub fn from_to(from: impl std::fmt::Display, to: impl std::fmt::Display, style: Style) -> String {
    if style.plain {
        format!("from {from} to {to}")
    } else {
        format!("{from} → {to}")
    }
}

/// `text` with each arrow of [`from_to`] pointing the way its figures are
/// read. Where the bidi algorithm (UAX #9) sets an arrow right to left (a
/// trend after her Arabic words: "عندما أكون وحدي  40% → 60%"), its
/// figures read from the right, the earlier first, and "→" pointed back at
/// it (Layla, Shirin): there it is "←". Left-to-right text is unchanged.
pub fn arrows_as_read(text: &str) -> String {
    if !text.contains('→') {
        return text.to_string();
    }
    let info = unicode_bidi::BidiInfo::new(text, None);
    text.char_indices()
        .map(|(at, c)| {
            if c == '→' && info.levels[at].is_rtl() {
                '←'
            } else {
                c
            }
        })
        .collect()
}

/// A bullet's marker: a dash, or nothing in plain mode.
pub fn bullet_marker(style: Style) -> &'static str {
    if style.plain { "" } else { "-" }
}

/// What separates short facts on a line: a middle dot, or in plain mode a
/// comma, which a screen reader pauses on instead of naming a symbol.
pub fn separator(style: Style) -> &'static str {
    if style.plain { ", " } else { " · " }
}

/// [`separator`] for a line of these `facts`: where any holds Arabic
/// script, an em dash, as a middle dot there reads as the Arabic-Indic
/// zero "٠" ("مريم · ٠١٠٠ ١٢٣ ٤٥٦٧" read as a number starting with two
/// zeros; Layla, Cairo).
pub fn separator_for(style: Style, facts: &[&str]) -> &'static str {
    if style.plain {
        separator(style)
    } else {
        separator_between(facts)
    }
}

/// What separates facts on a line in any medium: a middle dot, or an em
/// dash where any of `facts` holds Arabic script (Arabic, Persian, Urdu:
/// letters or digits). An em dash because it cannot be taken for a digit
/// (the Arabic comma "،" and a dash are the usual separators there; a
/// comma would run into her own commas, and "-" or "–" inside a run of
/// digits is part of a number), reads the same in either direction, and
/// takes the one column the dot took, so nothing is laid out differently.
pub fn separator_between(facts: &[&str]) -> &'static str {
    if facts.iter().any(|fact| fact.chars().any(is_arabic_script)) {
        " — "
    } else {
        " · "
    }
}

/// A letter or digit of the Arabic script (its blocks, presentation
/// forms included).
fn is_arabic_script(c: char) -> bool {
    matches!(c,
        '\u{0600}'..='\u{06FF}'
        | '\u{0750}'..='\u{077F}'
        | '\u{08A0}'..='\u{08FF}'
        | '\u{FB50}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFF}')
}

/// Text as written out to a terminal or a stream: numbers in right-to-left
/// lines held left to right by marks that take no column
/// ([`paragraph::for_screen`]).
pub fn for_screen(text: &str) -> std::borrow::Cow<'_, str> {
    paragraph::for_screen(text)
}

/// Text as `--plain` shows it: typographic quotes and the ellipsis in
/// their plain forms (`"`, `'`, `...`), which every braille table and
/// speech synthesizer has, where a braille display shows “ ” … as codes
/// and a reader names them ("left double quotation mark"); and a command's
/// `"…"` placeholder said as what goes there (`--phone "PHONE"`, `add
/// "WORDS"`), and a middle dot between spaces, as relapse-plan separates
/// facts on a line ("Alex · +44 …"), as a comma. Her words keep their
/// letters and are stored as typed: only their quotes and dots are shown
/// plainly. A middle dot inside a word, as Catalan writes "col·legi",
/// stays.
pub fn plain_punctuation(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(['“', '”', '‘', '’', '…', '·']) {
        return text.into();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("\"…\"") {
        let before = &rest[..at];
        let flag = before
            .trim_end()
            .rsplit(' ')
            .next()
            .and_then(|word| word.strip_prefix("--"))
            .filter(|name| {
                !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            });
        out.push_str(before);
        out.push('"');
        out.push_str(&flag.map_or_else(|| "WORDS".to_string(), str::to_ascii_uppercase));
        out.push('"');
        rest = &rest[at + "\"…\"".len()..];
    }
    out.push_str(rest);
    out.replace(['“', '”'], "\"")
        .replace(['‘', '’'], "'")
        .replace('…', "...")
        // A dot between spaces is how relapse-plan separates facts.
        .replace(" · ", ", ")
        .into()
}

/// A section heading, bold on a colour terminal.
/// `line` drawn over the terminal line the cursor is on (back to its
/// start, the old words cleared): a countdown redrawn in place. Only for a
/// terminal, and only for a line shorter than the window, or it wraps and
/// each redraw leaves a copy behind.
pub fn in_place(line: &str) -> String {
    format!("\r\u{1b}[K{line}")
}

pub fn heading(text: &str, style: Style) -> String {
    if style.color {
        format!("\u{1b}[1m{text}\u{1b}[0m")
    } else {
        text.to_string()
    }
}

/// What was taken out of a name or a number the person typed, in words.
pub fn tidied_words(tidied: &crate::plan::hidden::Tidied) -> String {
    use crate::plan::hidden::Tidied;
    match tidied {
        Tidied::Name(name) => format!(
            "The name held hidden characters (copying text can bring them); they were left out, so it reads “{}”.",
            clean(name)
        ),
        Tidied::Note(note) if note.is_empty() => "The note held only characters that act on a terminal or do not show (copying from a terminal or a web page can bring them), so no note was kept.".into(),
        Tidied::Note(note) => format!(
            "The note held characters that act on a terminal or do not show (copying from a terminal or a web page can bring them); they were left out, so it reads “{}”.",
            clean(note)
        ),
        Tidied::Number(number) => format!(
            "The number held hidden characters (copying from a phone or a messaging app can bring them); they were left out, so it reads “{}”.",
            clean(number)
        ),
    }
}

/// [`tidied_words`] for a free-text flag other than `--note`: `what` is
/// what the person typed ("sign", "response").
pub fn tidied_words_for(what: &str, tidied: &crate::plan::hidden::Tidied) -> String {
    use crate::plan::hidden::Tidied;
    match tidied {
        Tidied::Note(kept) if kept.is_empty() => format!(
            "The {what} held only characters that act on a terminal or do not show (copying from a terminal or a web page can bring them), so no {what} was kept."
        ),
        Tidied::Note(kept) => format!(
            "The {what} held characters that act on a terminal or do not show (copying from a terminal or a web page can bring them); they were left out, so it reads “{}”.",
            clean(kept)
        ),
        other => tidied_words(other),
    }
}

/// What was taken out of words typed for the plan (`typed`, kept as
/// `kept`), by name, so the person knows what had been there: "The crisis
/// step held a right-to-left override (U+202E) and a pop directional
/// formatting (U+202C)… They were left out, so it reads “…”."
pub fn tidied_text_words(what: &str, typed: &str, kept: &str) -> String {
    let names = hidden_names(typed);
    let held = match names.len() {
        0 => "characters that do not show".to_string(),
        1 => names[0].clone(),
        n => format!("{} and {}", names[..n - 1].join(", "), names[n - 1]),
    };
    format!(
        "The {what} held characters that do not show or that act on a screen (copying from a phone, a terminal or a web page can bring them): {held}. They were left out, so it reads “{}”.",
        clean(kept)
    )
}

/// The characters in `typed` that a screen would write out, each named
/// once in the order met: a bidirectional control or a zero-width
/// character by its Unicode name, an escape as "an escape sequence", any
/// other by its code. At most four, then "others".
fn hidden_names(typed: &str) -> Vec<String> {
    let chars: Vec<char> = typed.chars().collect();
    let mut seen: Vec<char> = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        let hidden = !matches!(c, '\n' | '\t')
            && is_hidden(
                c,
                i.checked_sub(1).map(|p| chars[p]),
                chars.get(i + 1).copied(),
            );
        let key = if c.is_control() && c != '\u{1b}' && c != '\u{9b}' {
            '\u{7}'
        } else {
            c
        };
        if hidden && !seen.contains(&key) {
            seen.push(key);
        }
    }
    let mut names: Vec<String> = seen.iter().take(4).map(|&c| hidden_name(c)).collect();
    if seen.len() > 4 {
        names.push("others".into());
    }
    names
}

/// One hidden character, named for a person.
fn hidden_name(c: char) -> String {
    let name = match c {
        '\u{1b}' | '\u{9b}' => return "an escape sequence".into(),
        '\u{7}' => return "control characters".into(),
        '\u{200b}' => "a zero-width space",
        '\u{200c}' => "a zero-width non-joiner",
        '\u{200d}' => "a zero-width joiner",
        '\u{200e}' => "a left-to-right mark",
        '\u{200f}' => "a right-to-left mark",
        '\u{202a}' => "a left-to-right embedding",
        '\u{202b}' => "a right-to-left embedding",
        '\u{202c}' => "a pop directional formatting",
        '\u{202d}' => "a left-to-right override",
        '\u{202e}' => "a right-to-left override",
        '\u{2066}' => "a left-to-right isolate",
        '\u{2067}' => "a right-to-left isolate",
        '\u{2068}' => "a first-strong isolate",
        '\u{2069}' => "a pop directional isolate",
        '\u{2060}' => "a word joiner",
        '\u{feff}' => "a zero-width no-break space",
        '\u{00ad}' => "a soft hyphen",
        '\u{061c}' => "an Arabic letter mark",
        _ => "an invisible character",
    };
    format!("{name} (U+{:04X})", u32::from(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 12 (guard12h): what was taken out of a step is named.
    #[test]
    fn what_was_taken_out_of_typed_words_is_named() {
        let said = tidied_text_words(
            "crisis step",
            "Call \u{202e}54321 00289\u{202c} now\u{200b}",
            "Call 54321 00289 now",
        );
        assert!(
            said.ends_with(": a right-to-left override (U+202E), a pop directional formatting (U+202C) and a zero-width space (U+200B). They were left out, so it reads “Call 54321 00289 now”."),
            "{said}"
        );
        assert!(
            said.starts_with("The crisis step held characters that do not show"),
            "{said}"
        );
        let said = tidied_text_words("warning sign", "red\u{1b}[31m\u{7}", "red");
        assert!(
            said.contains(": an escape sequence and control characters. They were left out"),
            "{said}"
        );
    }

    /// Issue 13 (task plain13m): `--plain` showed “ ” ‘ ’ and … , which
    /// a braille display shows as codes; a placeholder said nothing.
    #[test]
    fn plain_punctuation_says_quotes_dots_and_placeholders_plainly() {
        assert_eq!(
            plain_punctuation(
                "added contact “Mum’s friend” … `relapse-plan contact edit 2 --phone \"…\"`, `relapse-plan step add \"…\"`"
            ),
            "added contact \"Mum's friend\" ... `relapse-plan contact edit 2 --phone \"PHONE\"`, `relapse-plan step add \"WORDS\"`"
        );
        assert_eq!(plain_punctuation("col·legi"), "col·legi");
        assert_eq!(
            plain_punctuation("Alex · +44 7700 900123"),
            "Alex, +44 7700 900123"
        );
        assert!(matches!(
            plain_punctuation("plain"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    /// Issue 13 (Noa, Ravi): a cut keeps whole graphemes (a letter with its
    /// niqqud) and never falls inside a phone number.
    /// Issue 13: "Need to talk?, by text" read badly on every printout.
    #[test]
    fn a_name_with_its_own_question_mark_takes_no_comma() {
        assert_eq!(
            name_then("Need to talk?", ", ", "by text"),
            "Need to talk? By text"
        );
        assert_eq!(
            name_then("Need to talk?", ": ", "call 1737 or text 1737"),
            "Need to talk? Call 1737 or text 1737"
        );
        assert_eq!(name_then("Lifeline", ", ", "by text"), "Lifeline, by text");
        assert_eq!(
            name_then("Shout", ", ", "text SHOUT to"),
            "Shout, text SHOUT to"
        );
    }

    #[test]
    fn a_cut_keeps_graphemes_and_phone_numbers_whole() {
        // ש with its shin dot and hiriq is one grapheme of width 1.
        let noa = "שִׁישִׁי בַּעֶרֶב לְבַד בַּבַּיִת";
        let short = shorten(noa, 6);
        let kept = short.trim_end_matches('…');
        assert!(noa.starts_with(kept), "{short}");
        let next = noa[kept.len()..].chars().next().unwrap();
        assert!(!is_mark(next), "cut before a mark: {short:?}");
        let step = "Call Ravi on +91 98765 43210 tonight";
        for width in 14..30 {
            let short = shorten(step, width);
            assert!(
                short == "Call Ravi on…" || short.contains("+91 98765 43210"),
                "{width}: {short}"
            );
        }
        assert_eq!(shorten("+91 98765 43210", 8), "+91 98765 43210");
    }

    /// Combining marks (Hebrew points, Devanagari vowel signs) never start
    /// what is left after a cut.
    fn is_mark(c: char) -> bool {
        matches!(u32::from(c), 0x0591..=0x05C7 | 0x0900..=0x0903 | 0x093A..=0x094F)
    }

    #[test]
    fn counts_agree_with_their_words() {
        assert_eq!(plural(1usize, "day"), "1 day");
        assert_eq!(plural(0u64, "day"), "0 days");
        assert_eq!(plural(-2i64, "day"), "-2 days");
        let rated = |n| counted(n, "trigger", "is rated", "are rated");
        assert_eq!(rated(1), "One trigger is rated");
        assert_eq!(rated(3), "3 triggers are rated");
    }

    /// A line is measured as a terminal draws it, character by character:
    /// "لا" takes two columns on screen (unicode-width's whole-string rule
    /// says one, and such a line was left unwrapped, past the edge).
    #[test]
    fn a_line_with_lam_alef_is_measured_as_the_terminal_draws_it() {
        let line = "سلام ".repeat(12);
        let line = line.trim_end();
        assert!(console::measure_text_width(line) <= 50);
        assert!(crate::width::display_width(line) > 50);
        let wrapped = wrap_for(line, Some(50));
        assert!(wrapped.lines().count() > 1, "{wrapped}");
        for l in wrapped.lines() {
            assert!(crate::width::display_width(l) <= 50, "{l}");
        }
        assert!(crate::width::display_width(&shorten(line, 20)) <= 20);
    }

    #[test]
    fn wrapping_keeps_lines_within_the_width() {
        let text = "Call Alex, and if Alex does not answer within ten minutes call the Samaritans";
        let wrapped = wrap(text, 30, "  1. ", "     ");
        for line in wrapped.lines() {
            assert!(line.chars().count() <= 30, "{line:?}");
        }
        assert!(wrapped.starts_with("  1. Call Alex,"));
        assert_eq!(
            wrapped
                .split_whitespace()
                .filter(|w| *w != "1.")
                .collect::<Vec<_>>()
                .join(" "),
            text
        );
        let long = wrap(&"x".repeat(70), 30, "", "");
        assert!(long.lines().all(|l| l.chars().count() <= 30));
        assert_eq!(long.replace('\n', ""), "x".repeat(70));
    }

    #[test]
    fn control_characters_cannot_reach_the_terminal() {
        assert_eq!(
            clean("a\u{1b}[2Jb\r\nc\td\u{9b}e"),
            "a\\u{1b}[2Jb\\u{d}\\u{a}c d\\u{9b}e"
        );
        assert_eq!(
            clean("\u{1b}]52;c;ZXZpbA==\u{7}"),
            "\\u{1b}]52;c;ZXZpbA==\\u{7}"
        );
    }

    #[test]
    fn bidi_overrides_and_zero_width_characters_are_shown() {
        assert_eq!(clean("call \u{202e}0987"), "call \\u{202e}0987");
        assert_eq!(clean("\u{2066}x\u{2069}"), "\\u{2066}x\\u{2069}");
        assert_eq!(clean("07\u{200b}700"), "07\\u{200b}700");
        assert_eq!(clean("07\u{200d}700"), "07\\u{200d}700");
        assert_eq!(clean("\u{feff}Sam"), "\\u{feff}Sam");
        // Where joiners belong they stay: emoji sequences, Persian words.
        assert_eq!(clean("👨\u{200d}👩"), "👨\u{200d}👩");
        // A joiner between digits of another script joins nothing.
        assert_eq!(clean("٠٧\u{200d}٧٠"), "٠٧\\u{200d}٧٠");
        // Blank fillers and a variation selector after a Latin letter hide.
        assert_eq!(
            clean("Mo\u{3164}\u{34f}x\u{fe0f}\u{ffa0}"),
            "Mo\\u{3164}\\u{34f}x\\u{fe0f}\\u{ffa0}"
        );
        // Where a variation selector belongs it stays: a red heart, a keycap.
        assert_eq!(
            clean("❤\u{fe0f} 1\u{fe0f}\u{20e3}"),
            "❤\u{fe0f} 1\u{fe0f}\u{20e3}"
        );
        assert_eq!(clean("می\u{200c}خواهم"), "می\u{200c}خواهم");
        assert_eq!(clean("اتصل بأخي على +20 10"), "اتصل بأخي على +20 10");
    }

    /// Issue 13: a line separator was written out on screen, and left out
    /// on paper (two lines ran into one word): one rule, " / ", for both.
    #[test]
    fn a_line_separator_is_shown_as_a_slash_on_screen_and_paper() {
        for text in ["Call Mia\u{2028}then walk", "Call Mia\u{2029}then walk"] {
            assert_eq!(clean(text), "Call Mia / then walk");
            assert_eq!(for_paper(text), "Call Mia / then walk");
            assert_eq!(Medium::Paper.show(text), Medium::Screen.show(text));
        }
        // In a number it is still flagged: it does not dial.
        assert!(phone("0770\u{2028}0900123").contains("hidden characters"));
        assert_eq!(Medium::Paper.number("0770\u{2028}0900123"), "0770?0900123");
    }

    #[test]
    fn paper_shows_the_words_without_what_hides() {
        assert_eq!(for_paper("call \u{202e}0987"), "call 0987");
        assert_eq!(for_paper("\u{2066}x\u{2069}"), "x");
        assert_eq!(for_paper("07\u{200b}700"), "07700");
        assert_eq!(for_paper("a\u{1b}[2Jb\nc"), "a[2Jb c");
        // Joiners that belong stay, as on screen.
        assert_eq!(for_paper("👨\u{200d}👩"), "👨\u{200d}👩");
        assert_eq!(for_paper("می\u{200c}خواهم"), "می\u{200c}خواهم");
        assert!(!for_paper("x\u{202e}y").contains('\\'));
    }

    #[test]
    fn a_phone_number_with_hidden_characters_is_flagged() {
        assert_eq!(phone("+44 7700 900123"), "+44 7700 900123");
        let shown = phone("+44 7700 \u{202e}321009");
        assert!(shown.starts_with("+44 7700 \\u{202e}321009 ("), "{shown}");
        assert!(shown.contains("hidden characters"), "{shown}");
        assert_eq!(clean_lines("one \u{1b}[2J\ntwo"), "one \\u{1b}[2J\ntwo");
        assert!(phone("07700 𝟗𝟎𝟎123").contains("only look like digits"));
        // A joiner between Arabic-Indic digits, a Hangul filler: hidden too.
        assert!(phone("٠٧٧\u{200d}٠٠ ٩٠٠").contains("hidden characters"));
        assert!(phone("0800\u{3164} 123 456").contains("hidden characters"));
    }
}
