//! The wallet card: ISO ID-1 size (85.6 × 54 mm), front and back. Front:
//! the crisis steps. Back: people to call (at least one person or
//! professional when the plan has one), the emergency number and the first
//! crisis line (always), and the revision, save date and next review, so
//! an out-of-date card can be recognised. The room left on either side is
//! filled with more of what the person wrote, in the order it matters in
//! a crisis ([`Extra`]): their reasons, what helps, what makes it safer,
//! their warning signs. A phone number is
//! never shortened: a long step is cut at a word before its number, a long
//! name is shortened, and what the card leaves out is said on it and by
//! the print command.

use crate::crisis_lines::CountryLines;
use crate::plan::{Plan, Role, phone};
use crate::render::Medium;
use crate::render::paragraph::{held_groups, numbers};
use crate::render::printout::{
    Item, OWN_NOTE, Reach, crisis_line_items_with, emergency_items_with,
};

/// The most characters of a step on the card (about two lines at 8 pt).
pub const STEP_CHARS: usize = 90;
/// The most characters of a name beside its number.
pub const NAME_CHARS: usize = 24;
/// The most people on the card.
pub const PEOPLE: usize = 3;
/// The most crisis steps on the card.
pub const STEPS: usize = 12;

/// One entry on the card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    Heading(String),
    /// A crisis step, its number, and its marks ([`super::step_marks`]):
    /// each mark a line of its own under the step, in its own direction,
    /// never run into her words (an English mark inside an Arabic step
    /// wrapped across its lines and split them: Layla, Cairo).
    Step(usize, String, Vec<String>),
    /// A number to call or text: the number whole, always; `keep` when the
    /// card must carry it (the first person, the emergency number, the
    /// first crisis line).
    Call {
        who: String,
        number: String,
        reach: Reach,
        keep: bool,
    },
    /// A reason, in the person's words.
    Text(String),
    /// The card's own small print: what it left out, the revision.
    Note(String),
}

impl Entry {
    /// The entry as one line of plain text.
    pub fn plain(&self) -> String {
        match self {
            Entry::Heading(t) | Entry::Text(t) | Entry::Note(t) => t.clone(),
            Entry::Step(n, t, _) => format!("{n}. {t}"),
            Entry::Call {
                who, number, reach, ..
            } => Item::Call {
                who: who.clone(),
                number: number.clone(),
                reach: reach.clone(),
                note: None,
            }
            .plain(),
        }
    }

    /// Whether the PDF may move this entry off the card to make room.
    pub fn can_move(&self) -> bool {
        match self {
            Entry::Step(n, ..) => *n > 1,
            Entry::Text(_) => true,
            Entry::Call { keep, .. } => !keep,
            Entry::Heading(_) | Entry::Note(_) => false,
        }
    }

    /// What the entry is, for "left off" messages.
    pub fn describe(&self) -> String {
        match self {
            Entry::Step(n, ..) => format!("crisis step {n}"),
            // With the number: a line can have two ("Tele-MANAS 14416"
            // kept, "Tele-MANAS 1-800-891-4416" left off).
            Entry::Call { who, number, .. } => format!("{who} {number}"),
            Entry::Text(_) => "a reason".to_string(),
            Entry::Heading(t) | Entry::Note(t) => t.clone(),
        }
    }
}

/// One line on the card, for the text formats: its words and whether it
/// is a heading, with the entry it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub text: String,
    pub heading: bool,
    pub entry: Entry,
}

/// What the card holds where there is room, in this order: after the
/// steps, the people and the lines every card carries, the person's
/// reasons for living and for recovery (the safety plan's closing item,
/// what a hard moment most needs to hear), the things that help (its
/// second step), what makes it safer, and the early warning signs (for
/// the days before a crisis more than the moment itself).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Extra {
    Reasons,
    Helps,
    Safer,
    Signs,
}

impl Extra {
    /// The heading it has on the card.
    pub const fn heading(self) -> &'static str {
        match self {
            Extra::Reasons => "Why it matters",
            Extra::Helps => "Things that help",
            Extra::Safer => "Make it safer",
            Extra::Signs => "Warning signs",
        }
    }

    /// `n` of them, in words ("2 reasons", "1 thing that helps").
    pub fn counted(self, n: usize) -> String {
        let (one, many) = match self {
            Extra::Reasons => ("reason", "reasons"),
            Extra::Helps => ("thing that helps", "things that help"),
            Extra::Safer => ("way to make it safer", "ways to make it safer"),
            Extra::Signs => ("warning sign", "warning signs"),
        };
        format!("{n} {}", if n == 1 { one } else { many })
    }

    /// Which of `total` are `off` (always her last ones), in words: all of
    /// them counted ("2 reasons"), else by their numbers in her list
    /// ("reason 3", "reasons 2 and 3", "warning signs 2 to 5").
    pub fn which(self, off: &[Further], total: usize) -> String {
        if off.len() == total {
            return self.counted(total);
        }
        let (one, many) = match self {
            Extra::Reasons => ("reason", "reasons"),
            Extra::Helps => ("thing that helps", "things that help"),
            Extra::Safer => ("way to make it safer", "ways to make it safer"),
            Extra::Signs => ("warning sign", "warning signs"),
        };
        let numbers: Vec<String> = off.iter().map(|f| f.n.to_string()).collect();
        match numbers.as_slice() {
            [n] => format!("{one} {n}"),
            [a, b] => format!("{many} {a} and {b}"),
            [a, .., b] if off.windows(2).all(|w| w[1].n == w[0].n + 1) => {
                format!("{many} {a} to {b}")
            }
            [rest @ .., b] => format!("{many} {} and {b}", rest.join(", ")),
            [] => String::new(),
        }
    }

    /// The note for one of them shortened on the card.
    pub fn shortened(self, item: &Further) -> String {
        format!("shortened: “{}” {}", self.heading().to_lowercase(), item.n)
    }
}

/// One of the person's further words for the card's room ([`Extra`]):
/// its number in her list (1 her first), the words as the card shows
/// them, and whether they were shortened to fit two lines. Said as
/// shortened only when it is on the card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Further {
    pub n: usize,
    pub text: String,
    pub cut: bool,
}

/// Both sides, and what had to be shortened or left off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    /// "Crisis card — Sam": the PDF's title says it is a card.
    pub title: String,
    pub front: Vec<Entry>,
    pub back: Vec<Entry>,
    /// Items shortened to fit, or left off the card, in words.
    pub shortened: Vec<String>,
    /// The person's words for the room left, in [`Extra`]'s order; placed
    /// by [`Card::filled`], once the renderer knows how much room is left.
    pub extra: Vec<(Extra, Vec<Further>)>,
    /// Each marked step in its fewest words, for a screen that runs short
    /// of room before it makes her words smaller: her words unflagged, and
    /// under them only what to do ([`super::brief_step_marks`]).
    pub brief: Vec<Entry>,
    /// Each name shortened to [`NAME_CHARS`], with the name whole: the
    /// lock screen wraps a long name onto two lines instead (Kavya's
    /// helper was cut to "(colleg…" where her whole name fitted).
    pub names: Vec<(String, String)>,
}

/// Shortens a step to [`STEP_CHARS`] at a word break, never inside a
/// phone number: when the cut would fall inside one, the step keeps
/// everything before the number and says the rest is in the full plan.
fn shorten_step(text: &str) -> Option<String> {
    if text.chars().count() <= STEP_CHARS {
        return None;
    }
    let mut cut = text
        .char_indices()
        .nth(STEP_CHARS - 1)
        .map_or(text.len(), |(i, _)| i);
    for number in numbers(text) {
        if number.start < cut && cut < number.end {
            cut = number.start;
        }
    }
    // Back to the last place a line may break (UAX #14: a space, between
    // two Chinese characters, never before "，" nor inside "（室友）") when
    // the cut falls inside a word.
    let inside_word = text[cut..]
        .chars()
        .next()
        .is_some_and(|c| !c.is_whitespace());
    if inside_word {
        let held = held_groups(text);
        if let Some(at) = crate::breaks::opportunities(text)
            .map(|(at, _)| at)
            .take_while(|at| *at <= cut)
            .filter(|at| {
                *at > 0
                    && !text[..*at].ends_with('-')
                    && !held.iter().any(|r| r.start < *at && *at < r.end)
            })
            .last()
        {
            cut = at;
        }
    }
    Some(format!("{}…", text[..cut].trim_end()))
}

/// Shortens a name to [`NAME_CHARS`].
fn shorten_name(name: &str) -> Option<String> {
    if name.chars().count() <= NAME_CHARS {
        return None;
    }
    let short: String = name.chars().take(NAME_CHARS - 1).collect();
    Some(format!("{}…", short.trim_end()))
}

/// The note said when something had to be left off the card.
pub const MORE: &str = "More in your full plan.";

/// Takes `entries[at]` off a card that has no room for it: a heading left
/// with nothing under it goes too, and the card says the full plan has
/// more. Returns what to tell the person. Shared by the PDF card and the
/// lock-screen image, so both give way the same way.
pub fn leave_off(entries: &mut Vec<Entry>, at: usize) -> String {
    let entry = entries.remove(at);
    if at > 0
        && matches!(entries[at - 1], Entry::Heading(_))
        && entries
            .get(at)
            .is_none_or(|e| matches!(e, Entry::Heading(_) | Entry::Note(_)))
    {
        entries.remove(at - 1);
    }
    if !entries
        .iter()
        .any(|e| matches!(e, Entry::Note(n) if n == MORE))
    {
        // Before the revision line, which stays last on the back: after
        // the last entry, not before a person's own note ("Check Aoife's
        // number …"), which it split from her number.
        let at = match entries.last() {
            Some(Entry::Note(_)) => entries.len() - 1,
            _ => entries.len(),
        };
        entries.insert(at, Entry::Note(MORE.to_string()));
    }
    format!("left off: {} (no room at a legible size)", entry.describe())
}

/// Lays out the card for a plan.
#[allow(clippy::too_many_lines)] // front, then back, in the order they print
/// `zone` is the person's: the save date is their local day.
pub fn build(
    plan: &Plan,
    lines: Option<&CountryLines>,
    zone: &jiff::tz::TimeZone,
    m: Medium,
) -> Card {
    let offer = crate::plan::same::NotToInvolve::of(plan);
    let mut shortened = Vec::new();
    let mut brief = Vec::new();
    let mut shortened_names = Vec::new();
    let name = plan.name.trim();
    let mut front = vec![Entry::Heading(if name.is_empty() {
        "If it gets hard".to_string()
    } else {
        format!("{}: if it gets hard", m.show(name))
    })];
    if plan.crisis_steps.is_empty() {
        front.push(Entry::Text(
            "Call someone you trust, or a crisis line".to_string(),
        ));
    }
    let marks_of = crate::plan::mentions::Marks::of(plan);
    for (i, step) in plan.crisis_steps.iter().enumerate() {
        let n = i + 1;
        if n > STEPS {
            shortened.push(format!(
                "left off: crisis step {n} (the card holds {STEPS})"
            ));
            continue;
        }
        let text = m.show(&step.text);
        let text = match shorten_step(&text) {
            Some(short) => {
                shortened.push(format!("shortened: crisis step {n}"));
                short
            }
            None => text,
        };
        // Under the step, whole, whatever was shortened above.
        let marks = super::step_marks(&marks_of, &step.text);
        if !marks.is_empty() {
            brief.push(Entry::Step(
                n,
                text.clone(),
                super::brief_step_marks(&marks_of, &step.text),
            ));
        }
        // An old number (not the one saved for the person the step names)
        // is flagged where it stands, as a number among hidden characters.
        let text = if marks_of.doubt(&step.text).is_some() {
            super::doubt_numbers(&text)
        } else {
            text
        };
        front.push(Entry::Step(n, text, marks));
    }

    let mut back = Vec::new();
    // Never someone who is the same person as one marked "do not
    // involve", however the plan spells them (Shirin).
    let callable = |c: &&crate::plan::Contact| {
        matches!(c.role, Role::Help | Role::Professional) && offer.may_offer(c)
    };
    // And said, never left off silently (Niran's brother).
    for helper in super::hidden_helpers(plan) {
        shortened.push(format!(
            "left off: {} (their number is also the number of someone you marked not to involve)",
            m.show(&helper.name)
        ));
    }
    for c in plan
        .contacts
        .iter()
        .filter(callable)
        .filter(|c| !c.phone.as_deref().is_some_and(phone::has_digits))
    {
        shortened.push(format!(
            "left off: {} (no phone number to call)",
            m.show(&c.name)
        ));
    }
    let with_phone: Vec<_> = plan
        .contacts
        .iter()
        .filter(callable)
        .filter(|c| c.phone.as_deref().is_some_and(phone::has_digits))
        .collect();
    // The people her crisis steps name come first ("Call Ken" must find
    // Ken on the card, on paper and on the lock screen alike), then people
    // who help, then at least one professional when there is one: the
    // card must not leave out every professional.
    let named: Vec<&crate::plan::Contact> = plan
        .crisis_steps
        .iter()
        .take(STEPS)
        .flat_map(|step| marks_of.named(&step.text))
        .filter(|c| with_phone.iter().any(|p| p.id == c.id))
        .fold(Vec::new(), |mut seen, c| {
            if !seen.iter().any(|s: &&crate::plan::Contact| s.id == c.id) {
                seen.push(c);
            }
            seen
        });
    let professional_waits = with_phone.iter().any(|c| c.role == Role::Professional)
        && !named.iter().any(|c| c.role == Role::Professional);
    let before_professional = if professional_waits {
        PEOPLE - 1
    } else {
        PEOPLE
    };
    let mut people: Vec<&crate::plan::Contact> =
        named.iter().take(before_professional).copied().collect();
    for role in [Role::Help, Role::Professional] {
        let room = if role == Role::Help {
            before_professional
        } else {
            PEOPLE
        };
        for c in with_phone.iter().filter(|c| c.role == role) {
            if people.len() < room && !people.iter().any(|p| p.id == c.id) {
                people.push(c);
            }
        }
    }
    // Shown in her own order, people who help first: who is kept is
    // chosen above, not how they are listed.
    let place = |c: &crate::plan::Contact| plan.contacts.iter().position(|p| p.id == c.id);
    people.sort_by_key(|c| (c.role != Role::Help, place(c)));
    for c in with_phone
        .iter()
        .filter(|c| !people.iter().any(|p| p.id == c.id))
    {
        shortened.push(format!(
            "left off: {} (the card holds {PEOPLE} people)",
            m.show(&c.name)
        ));
    }
    if !people.is_empty() {
        back.push(Entry::Heading("Call".to_string()));
        for (i, c) in people.iter().enumerate() {
            let mut who = m.show(&c.name);
            if let Some(short) = shorten_name(&who) {
                shortened.push(name_note(&who));
                shortened_names.push((short.clone(), who));
                who = short;
            }
            let raw = c.phone.as_deref().unwrap_or_default().trim();
            // A number that may not dial what it shows stays on the card
            // with a word beside it: copied from the card on a bad day, it
            // must not be trusted blindly, nor silently dropped.
            let doubtful = super::phone_warning(raw).is_some();
            let name = who.clone();
            back.push(Entry::Call {
                who,
                number: m.number(raw),
                reach: Reach::Call,
                keep: i == 0 || doubtful || named.iter().any(|n| n.id == c.id),
            });
            if doubtful {
                back.push(Entry::Note(format!(
                    "Check {name}'s number: it may not dial what it shows."
                )));
            }
        }
    }
    back.push(Entry::Heading("Crisis lines".to_string()));
    let mut first_line = true;
    for item in emergency_items_with(plan, lines, m) {
        match item {
            Item::Call {
                who, number, reach, ..
            } => back.push(Entry::Call {
                who,
                number,
                reach,
                keep: true,
            }),
            other => back.push(Entry::Text(other.plain())),
        }
    }
    // The line kept whatever the room is the first one open around the
    // clock, else the first: Yuki's card kept Japan's first line ("hours
    // vary") and left off よりそいホットライン, the one open at 23:50.
    let items: Vec<Item> = crisis_line_items_with(plan, lines, m);
    let all_night = items.iter().position(
        |item| matches!(item, Item::Call { note: Some(note), .. } if note.contains("24/7")),
    );
    for (i, item) in items.into_iter().enumerate() {
        if let Item::Call {
            who,
            number,
            reach,
            note,
        } = item
        {
            // A line she added keeps its mark on the card and the lock
            // screen too, short, beside her name for it (Mulu, Addis
            // Ababa: her 952 sat among the lines as if checked).
            let who = if note.as_deref().is_some_and(|n| n.starts_with(OWN_NOTE)) {
                format!("{who} ({OWN_NOTE})")
            } else {
                who
            };
            let keep = match all_night {
                Some(at) => i == at,
                None => first_line,
            };
            back.push(Entry::Call {
                who,
                number,
                reach,
                keep,
            });
            first_line = false;
        }
    }
    let mut extra = Vec::new();
    for (kind, texts) in [
        (
            Extra::Reasons,
            plan.reasons
                .iter()
                .map(|r| r.text.as_str())
                .collect::<Vec<_>>(),
        ),
        (
            Extra::Helps,
            plan.coping.iter().map(|c| c.name.as_str()).collect(),
        ),
        (
            Extra::Safer,
            plan.safe_environment
                .iter()
                .map(|r| r.text.as_str())
                .collect(),
        ),
        (
            Extra::Signs,
            plan.warning_signs.iter().map(|r| r.text.as_str()).collect(),
        ),
    ] {
        // Numbered as in her list, blank ones counted: "reason 3" is the
        // one `reason list` calls 3.
        let texts: Vec<Further> = texts
            .iter()
            .enumerate()
            .map(|(i, text)| (i + 1, m.show(text)))
            .filter(|(_, text)| !text.trim().is_empty())
            .map(|(n, text)| match shorten_step(&text) {
                Some(short) => Further {
                    n,
                    text: short,
                    cut: true,
                },
                None => Further {
                    n,
                    text,
                    cut: false,
                },
            })
            .collect();
        if !texts.is_empty() {
            extra.push((kind, texts));
        }
    }
    if shortened.iter().any(|s| s.starts_with("left off")) {
        back.push(Entry::Note(MORE.to_string()));
    }
    // A date kept on one line ("15 January 2027", never "15 / January"):
    // no-break spaces, which every wrapper here honours (UAX #14).
    let whole = |date: String| date.replace(' ', "\u{a0}");
    let mut stamp = vec![format!("Revision {}", plan.revision)];
    if let Some(saved) = plan
        .saved_at
        .as_ref()
        .and_then(|s| crate::plan::date::local_date(s, zone))
    {
        stamp.push(format!(
            "saved {}",
            whole(crate::plan::date::long_date(saved))
        ));
    }
    if let Some(next) = &plan.review.next {
        stamp.push(format!(
            "review by {}",
            whole(crate::plan::date::date_in_words(next))
        ));
    }
    back.push(Entry::Note(stamp.join(", ")));
    let title = if name.is_empty() {
        "My crisis card".to_string()
    } else {
        format!("Crisis card — {}", m.name(name))
    };
    Card {
        title,
        front,
        back,
        shortened,
        extra,
        brief,
        names: shortened_names,
    }
}

/// What is said of a name shortened on the card.
fn name_note(name: &str) -> String {
    format!("shortened: the name {name}")
}

/// Where an entry joins a side: at the end of the front, before the notes
/// that close the back.
fn end_of(side: &[Entry]) -> usize {
    let notes = side
        .iter()
        .rev()
        .take_while(|e| matches!(e, Entry::Note(_)))
        .count();
    side.len() - notes
}

impl Card {
    /// A side as lines, for the text formats.
    fn lines(side: &[Entry]) -> Vec<Line> {
        side.iter()
            .map(|e| Line {
                text: e.plain(),
                heading: matches!(e, Entry::Heading(_)),
                entry: e.clone(),
            })
            .collect()
    }

    /// The front as lines.
    pub fn front_lines(&self) -> Vec<Line> {
        Card::lines(&self.front)
    }

    /// The back as lines.
    pub fn back_lines(&self) -> Vec<Line> {
        Card::lines(&self.back)
    }

    /// What [`build`] said it shortened or left off, but for the names the
    /// lock screen draws whole ([`Card::names`]).
    pub fn said_for_lock_screen(&self) -> Vec<String> {
        self.shortened
            .iter()
            .filter(|said| {
                !self
                    .names
                    .iter()
                    .any(|(_, whole)| **said == name_note(whole))
            })
            .cloned()
            .collect()
    }

    /// What the lock screen leaves off of the person's further words,
    /// `reason` whether it draws her first reason: the rest of her
    /// reasons, and all of the others. The reason drawn is said as
    /// shortened when it was.
    pub fn off_the_lock_screen(&self, reason: bool) -> Vec<String> {
        let mut said = Vec::new();
        for (kind, items) in &self.extra {
            let kept = usize::from(reason && *kind == Extra::Reasons);
            said.extend(
                items[..kept]
                    .iter()
                    .filter(|f| f.cut)
                    .map(|f| kind.shortened(f)),
            );
            if kept < items.len() {
                let which = kind.which(&items[kept..], items.len());
                said.push(if kept == 0 && *kind == Extra::Reasons {
                    format!("left off: {which} (no room at a legible size)")
                } else {
                    format!("left off: {which}")
                });
            }
        }
        said
    }

    /// Every string on the card, for choosing fonts.
    pub fn texts(&self) -> Vec<String> {
        let mut texts = vec![self.title.clone(), MORE.to_string()];
        texts.extend(self.front.iter().chain(&self.back).map(Entry::plain));
        for entry in self.front.iter().chain(&self.back) {
            if let Entry::Step(_, _, marks) = entry {
                texts.extend(marks.iter().cloned());
            }
        }
        for (kind, items) in &self.extra {
            texts.push(kind.heading().to_string());
            texts.extend(items.iter().map(|f| f.text.clone()));
        }
        texts
    }

    /// The card with the room left filled with the person's further words
    /// ([`Card::extra`], in its order), `size(side, entries)` saying the
    /// type size a side (0 the front, 1 the back) takes, `None` when it
    /// cannot hold them at a legible size. Each kind keeps her order: its
    /// words go on the front while they fit there, then on the back, and
    /// once one fits nowhere the rest of that kind are left off too, so
    /// what is dropped is always from the end (Olena's card held her 2nd
    /// and 3rd reasons and left off her first, her daughter). Only her
    /// first reason may make a side smaller (the back, as it always could,
    /// else the front); the rest go only where they fit at the size the
    /// side already has: the steps never get smaller for them. What is
    /// left off is said by number ("left off: reasons 2 and 3"), and the
    /// back then says the full plan has more, with room made for that
    /// note before her words are placed, so a renderer never has to take
    /// her words back off to fit it.
    pub fn filled(
        &self,
        mut size: impl FnMut(usize, &[Entry]) -> Option<f32>,
    ) -> (Card, Vec<String>) {
        let more = Entry::Note(MORE.to_string());
        let (mut card, mut left) = self.place(&mut size);
        if !left.is_empty() && !self.back.contains(&more) {
            let mut noted = self.clone();
            noted.back.insert(end_of(&noted.back), more.clone());
            (card, left) = noted.place(&mut size);
            if left.is_empty() {
                card.back.retain(|e| *e != more);
            }
        }
        let mut said = Vec::new();
        for (kind, items) in &self.extra {
            let off = left.iter().find(|(k, _)| k == kind).map_or(0, |(_, n)| *n);
            let (on, off) = items.split_at(items.len() - off);
            said.extend(on.iter().filter(|f| f.cut).map(|f| kind.shortened(f)));
            if !off.is_empty() {
                said.push(format!(
                    "left off: {} (no room at a legible size)",
                    kind.which(off, items.len())
                ));
            }
        }
        (card, said)
    }

    /// Places [`Card::extra`] as [`Card::filled`] says; returns the card
    /// and how many of each kind, from its end, fit nowhere.
    fn place(
        &self,
        size: &mut impl FnMut(usize, &[Entry]) -> Option<f32>,
    ) -> (Card, Vec<(Extra, usize)>) {
        let mut sides = [self.front.clone(), self.back.clone()];
        let mut points = [size(0, &sides[0]), size(1, &sides[1])];
        let mut left = Vec::new();
        for (kind, items) in &self.extra {
            // The side her last one went on: the next never goes before it.
            let mut from = 0;
            for (i, item) in items.iter().enumerate() {
                let mut put = |side: usize, shrink: bool| {
                    let trial = with_item(&sides[side], *kind, &item.text);
                    let fits = match (size(side, &trial), points[side]) {
                        (Some(_), _) if shrink => true,
                        (Some(s), Some(at)) => s >= at - 0.01,
                        _ => false,
                    };
                    if fits {
                        points[side] = size(side, &trial);
                        sides[side] = trial;
                    }
                    fits
                };
                let first_reason = *kind == Extra::Reasons && i == 0;
                let placed = (from..2).find(|&side| put(side, false)).or_else(|| {
                    [1, 0]
                        .into_iter()
                        .filter(|_| first_reason)
                        .find(|&side| put(side, true))
                });
                let Some(on) = placed else {
                    left.push((*kind, items.len() - i));
                    break;
                };
                from = on;
            }
        }
        let [front, back] = sides;
        let card = Card {
            front,
            back,
            extra: Vec::new(),
            ..self.clone()
        };
        (card, left)
    }
}

/// `side` with `text` added at its end, under `kind`'s heading (added
/// when the entry before is not already one of that kind).
fn with_item(side: &[Entry], kind: Extra, text: &str) -> Vec<Entry> {
    let at = end_of(side);
    let headed = at > 0
        && side[..at].iter().rev().find_map(|e| match e {
            Entry::Heading(h) => Some(h.as_str()),
            _ => None,
        }) == Some(kind.heading())
        && matches!(side[at - 1], Entry::Text(_));
    let mut trial = side.to_vec();
    let mut add = Vec::new();
    if !headed {
        add.push(Entry::Heading(kind.heading().to_string()));
    }
    add.push(Entry::Text(text.to_string()));
    trial.splice(at..at, add);
    trial
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Contact, TextItem};

    /// The card of `plan` for a screen, with its country's crisis lines,
    /// on UTC's day.
    fn on_screen(plan: &Plan) -> Card {
        let lines = crate::crisis_lines::for_country(plan.country.as_deref());
        build(
            plan,
            lines.as_ref(),
            &jiff::tz::TimeZone::UTC,
            crate::render::Medium::Screen,
        )
    }

    /// A contact with a UK mobile number.
    fn contact(id: &str, name: String, role: Role) -> Contact {
        Contact {
            id: id.into(),
            name,
            phone: Some("+44 7700 900123".into()),
            role,
            reachable: None,
        }
    }

    #[test]
    fn a_chinese_step_is_shortened_where_a_line_may_break() {
        // The 90th character falls inside "（室友）", then before "，".
        for lead in [84, 86, 88] {
            let step = format!(
                "{}给林晓（室友）打电话，告诉她我现在的感觉",
                "我".repeat(lead)
            );
            let short = shorten_step(&step).unwrap();
            let kept = short.trim_end_matches('…');
            assert!(step.starts_with(kept), "{short}");
            assert_eq!(
                kept.matches('（').count(),
                kept.matches('）').count(),
                "{short}"
            );
            assert!(!step[kept.len()..].starts_with(['，', '）']), "{short}");
            assert!(kept.chars().count() >= 84, "{short}");
        }
    }

    #[test]
    fn long_steps_are_cut_before_a_number_never_inside_it() {
        let mut plan = Plan::new("Sam".into(), None);
        let long = format!("{} call Alex on +44 7700 900123 now", "word ".repeat(15));
        plan.crisis_steps.push(TextItem::new(long));
        for i in 0..14 {
            plan.crisis_steps.push(TextItem::new(format!("step {i}")));
        }
        let card = build(
            &plan,
            None,
            &jiff::tz::TimeZone::UTC,
            crate::render::Medium::Screen,
        );
        let Entry::Step(1, first, _) = &card.front[1] else {
            panic!("{:?}", card.front)
        };
        assert!(first.ends_with('…') && !first.contains("+44"), "{first}");
        assert!(first.chars().count() <= STEP_CHARS);
        assert!(
            card.shortened
                .contains(&"shortened: crisis step 1".to_string())
        );
        assert!(
            card.shortened
                .iter()
                .any(|s| s.starts_with("left off: crisis step 13"))
        );
        assert!(
            card.back
                .iter()
                .any(|e| *e == Entry::Note("More in your full plan.".into()))
        );
    }

    /// Yuki at 23:50: the line her card keeps whatever the room is the one
    /// open all night (Japan's first line says "hours vary").
    #[test]
    fn the_card_keeps_a_line_open_around_the_clock() {
        let plan = Plan::new("由紀".into(), Some("JP".into()));
        let card = on_screen(&plan);
        let kept: Vec<&str> = card
            .back
            .iter()
            .filter_map(|e| match e {
                Entry::Call {
                    who, keep: true, ..
                } if who != "Emergency" => Some(who.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(kept, ["よりそいホットライン"]);
    }

    /// Found by fresh eyes: her first crisis step said to call Ken, her
    /// fourth friend, and the card (and the lock screen after it) kept two
    /// friends the steps never name and left Ken off.
    #[test]
    fn the_people_her_steps_name_are_on_the_card_and_kept() {
        let mut plan = Plan::new("Sam".into(), Some("GB".into()));
        for (id, name, role) in [
            ("a", "Ann", Role::Help),
            ("b", "Bea", Role::Help),
            ("c", "Cal", Role::Help),
            ("k", "Ken Doyle", Role::Help),
            ("d", "Dr Hart", Role::Professional),
        ] {
            plan.contacts.push(contact(id, name.into(), role));
        }
        plan.crisis_steps
            .push(TextItem::new("Text Ken and say it is a bad night"));
        let card = on_screen(&plan);
        let people: Vec<(&str, bool)> = card
            .back
            .iter()
            .take_while(|e| !matches!(e, Entry::Heading(h) if h == "Crisis lines"))
            .filter_map(|e| match e {
                Entry::Call { who, keep, .. } => Some((who.as_str(), *keep)),
                _ => None,
            })
            .collect();
        assert_eq!(
            people,
            [("Ann", true), ("Ken Doyle", true), ("Dr Hart", false)],
            "Ken, whom her step names, is on the card and never gives way; a professional still is"
        );
        assert!(
            card.shortened
                .contains(&"left off: Bea (the card holds 3 people)".to_string())
        );
    }

    #[test]
    fn the_back_keeps_a_professional_the_first_line_and_the_revision() {
        let mut plan = Plan::new("Sam".into(), Some("GB".into()));
        plan.revision = 4;
        for (id, role) in [
            ("a", Role::Help),
            ("b", Role::Help),
            ("c", Role::Help),
            ("d", Role::Professional),
        ] {
            plan.contacts.push(contact(
                id,
                format!("Person {id} with a very long name indeed"),
                role,
            ));
        }
        plan.reasons.push(TextItem::new("Mia"));
        plan.reasons.push(TextItem::new("Me"));
        let card = on_screen(&plan);
        let calls: Vec<&Entry> = card
            .back
            .iter()
            .filter(|e| matches!(e, Entry::Call { .. }))
            .collect();
        assert!(
            calls
                .iter()
                .any(|e| matches!(e, Entry::Call { who, .. } if who.starts_with("Person d")))
        );
        assert!(calls.iter().all(|e| matches!(e, Entry::Call { number, .. } if number == "+44 7700 900123" || !number.contains('…'))));
        assert!(
            calls
                .iter()
                .any(|e| matches!(e, Entry::Call { who, keep: true, .. } if who == "Samaritans"))
        );
        // The reasons wait for the room a renderer finds; with none, both
        // are left off and said, and the back says the plan has more.
        let further = |n: usize, text: &str| Further {
            n,
            text: text.into(),
            cut: false,
        };
        assert_eq!(
            card.extra,
            vec![(Extra::Reasons, vec![further(1, "Mia"), further(2, "Me")])]
        );
        let (full, left) = card.filled(|_, _| None);
        assert_eq!(left, ["left off: 2 reasons (no room at a legible size)"]);
        assert!(full.back.contains(&Entry::Note(MORE.to_string())));
        // With room: both on the front, in her order (the first was put on
        // the back and the second on the front, which read first).
        let (roomy, left) = card.filled(|_, _| Some(10.0));
        assert!(left.is_empty());
        assert_eq!(
            roomy.front[roomy.front.len() - 3..],
            [
                Entry::Heading("Why it matters".into()),
                Entry::Text("Mia".into()),
                Entry::Text("Me".into())
            ]
        );
        assert!(!roomy.back.contains(&Entry::Text("Mia".into())));
        assert!(card.back.last().unwrap().plain().starts_with("Revision 4"));
        assert_eq!(card.title, "Crisis card — Sam");
    }

    /// Olena (Berlin, Ukrainian): her card held her 2nd and 3rd reasons
    /// and left off her first, her daughter. Reasons keep her order: the
    /// first ones stay, from the front on, and those left off are the
    /// last, said by number, with room kept for the note that says so.
    #[test]
    fn reasons_keep_her_order_and_are_dropped_from_the_end() {
        let mut plan = Plan::new("Олена".into(), Some("DE".into()));
        for text in [
            "Моя донька Соня",
            "Щоб мама в Україні не хвилювалася",
            "Хочу відкласти гроші на курси німецької",
        ] {
            plan.reasons.push(TextItem::new(text));
        }
        let card = on_screen(&plan);
        // A side holds `room` more entries than it has, at one size.
        let sized = |room: [usize; 2]| {
            let base = [card.front.len(), card.back.len()];
            move |side: usize, e: &[Entry]| (e.len() <= base[side] + room[side]).then_some(9.0)
        };
        let reasons = |c: &Card| -> Vec<String> {
            c.front
                .iter()
                .chain(&c.back)
                .filter_map(|e| match e {
                    Entry::Text(t) if plan.reasons.iter().any(|r| r.text == *t) => Some(t.clone()),
                    _ => None,
                })
                .collect()
        };
        // Room on the front for a heading and two: the first two there,
        // the third on the back, under a heading of its own.
        let (full, left) = card.filled(sized([3, 2]));
        assert!(left.is_empty(), "{left:?}");
        assert_eq!(
            reasons(&full),
            [
                "Моя донька Соня",
                "Щоб мама в Україні не хвилювалася",
                "Хочу відкласти гроші на курси німецької"
            ]
        );
        // No room on the front, and on the back for a heading, one reason
        // and the note: the first, and the others said by number.
        let (full, left) = card.filled(sized([0, 3]));
        assert_eq!(reasons(&full), ["Моя донька Соня"]);
        assert_eq!(
            left,
            ["left off: reasons 2 and 3 (no room at a legible size)"]
        );
        assert!(full.back.contains(&Entry::Note(MORE.to_string())));
        // Room for one on the front: a shorter one later never jumps the
        // queue, and once one is left off, so are the rest.
        let (full, left) = card.filled(sized([2, 0]));
        assert_eq!(reasons(&full), ["Моя донька Соня"]);
        assert_eq!(
            left,
            ["left off: reasons 2 and 3 (no room at a legible size)"]
        );
    }
}
