//! The guided walk-throughs (`new`, `map`, `rank`) and rehearsal. They ask
//! through a [`Prompter`] and keep every answer in a [`Draft`] that is saved
//! after each one, so stopping anywhere loses nothing. Nothing here touches
//! the terminal or the files directly, so every branch runs in unit tests
//! with scripted answers.

mod about;
pub mod checkin;
pub mod homework;
mod lists;
pub use lists::ask_role;
mod rank;
pub mod rehearse;
pub mod session;
mod triggers;

use crate::error::Result;
use crate::plan::draft::Draft;
use crate::plan::{Plan, Section};
use crate::prompt::Prompter;
use crate::render::clean;

/// The steps of `new`, in order: the name is what the draft records as done.
pub const STEPS: &[(&str, &str)] = &[
    ("about", "Your name and country"),
    ("reasons", "Your reasons"),
    ("warning-signs", "Warning signs"),
    ("triggers", "Triggers"),
    ("ranking", "Ranking your triggers"),
    ("responses", "A response for each trigger"),
    ("contacts", "People and services"),
    ("crisis-steps", "Crisis steps"),
    ("follow-through", "Following through"),
    ("safer-environment", "A safer environment"),
    ("lapse-plan", "If you slip"),
    ("maintenance", "Every day"),
    ("supporters", "For the people who help you"),
    ("review", "When to look at it again"),
];

/// How a walk-through ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Save the draft's plan as a revision, with this note.
    Save { note: Option<String> },
    /// Stop for now; the draft stays for next time.
    Pause,
}

/// A walk-through in progress.
pub struct Wizard<'a> {
    pub ask: &'a mut dyn Prompter,
    pub draft: Draft,
    save: &'a mut dyn FnMut(&Draft) -> Result<()>,
    /// Today, for suggesting review dates.
    pub today: toml::value::Date,
    /// The country offered first when the plan has none (the locale's).
    pub default_country: Option<String>,
    /// How to lay out tables and text: `--plain` and colour; the width is
    /// the terminal's now, see [`Wizard::style`].
    pub look: crate::render::Style,
    /// Whether the latest answers are not yet in the saved draft (another
    /// relapse-plan held the folder past the wait): the next save, or the
    /// one at the end, writes them.
    pub unkept: bool,
    /// The plan as saved when the walk began (after bringing in what the
    /// plan gained meanwhile), to tell whether anything changed.
    pub saved: Option<Plan>,
    /// The step of `new` being asked now, kept with words a Ctrl-C stops.
    pub step: Option<&'static str>,
}

impl<'a> Wizard<'a> {
    pub fn new(
        ask: &'a mut dyn Prompter,
        draft: Draft,
        save: &'a mut dyn FnMut(&Draft) -> Result<()>,
        today: toml::value::Date,
    ) -> Wizard<'a> {
        Wizard {
            ask,
            draft,
            save,
            today,
            default_country: None,
            look: crate::render::Style::FILE,
            unkept: false,
            saved: None,
            step: None,
        }
    }

    /// How to lay out what is shown now: the terminal's width is read
    /// again each time, so a window narrowed mid-walk gets screens and
    /// tables that fit it, not the width it had when the walk began.
    pub fn style(&self) -> crate::render::Style {
        crate::render::Style {
            width: self.ask.width(),
            ..self.look
        }
    }

    pub fn plan(&mut self) -> &mut Plan {
        &mut self.draft.plan
    }

    /// Writes the draft: called after every answer.
    /// When another relapse-plan holds the plan folder past the wait, the
    /// walk-through goes on: the answer stays here, the person is told, and
    /// the next save writes the whole draft, this answer with it.
    pub fn keep(&mut self) -> Result<()> {
        match (self.save)(&self.draft) {
            Ok(()) => {
                self.unkept = false;
                Ok(())
            }
            Err(crate::error::Error::LockTimeout { .. }) => {
                if !self.unkept {
                    self.ask.show(&crate::render::wrap(
                        "Another relapse-plan is busy with your plan folder, so your latest answer is not saved yet. It is kept here, and saved with your next answer.",
                        self.style().width,
                        "",
                        "",
                    ))?;
                }
                self.unkept = true;
                Ok(())
            }
            Err(error) => Err(error),
        }
    }

    /// A text question about one thing, named by a stable `key` (see
    /// [`crate::plan::draft::Unsent::about`]): words a Ctrl-C stops here
    /// are kept with the key and come back only to that thing.
    pub(super) fn ask_about(
        &mut self,
        key: String,
        question: &str,
        initial: &str,
    ) -> Result<Option<String>> {
        self.ask.asking_about(Some(key));
        let answer = self.ask.text(question, initial)?;
        self.ask.asking_about(None);
        Ok(answer)
    }

    /// The key of what words waiting from last time were about, if any.
    pub(super) fn waiting_about(&self) -> Option<String> {
        self.ask.waiting().and_then(|unsent| unsent.about.clone())
    }

    /// Said instead of adding words already there (a reason, a trigger
    /// typed again in another case or with a space after it): the one
    /// there is kept, alone, in her words as saved.
    pub(super) fn already_there(&mut self, typed: &str, saved: &str) -> Result<()> {
        let (typed, saved) = (
            crate::render::quoted(typed.trim()),
            crate::render::quoted(saved),
        );
        let written = if typed == saved {
            String::new()
        } else {
            format!(", written {saved}")
        };
        self.say(&format!(
            "{typed} is already in your plan{written}, so it is kept once."
        ))
    }

    /// Shows a sentence or two of explanation, wrapped to the terminal.
    pub fn say(&mut self, text: &str) -> Result<()> {
        self.ask
            .show(&crate::render::wrap(text, self.style().width, "", ""))
    }

    /// A choice from plain strings, the cursor on `start` (or on none);
    /// `None` when the person pressed Esc.
    pub fn choose(
        &mut self,
        question: &str,
        choices: &[&str],
        start: Option<usize>,
    ) -> Result<Option<usize>> {
        let choices: Vec<String> = choices.iter().map(ToString::to_string).collect();
        self.ask.select(question, &choices, start)
    }

    /// Picks one of `names`, with "Never mind" last; `None` for never mind
    /// or Esc.
    pub fn pick(&mut self, question: &str, names: Vec<String>) -> Result<Option<usize>> {
        self.pick_from(question, names, Some(0))
    }

    /// [`Self::pick`] with the cursor at `start`: `None` (on no one) for
    /// what is to be removed, so a stray Enter never answers it (one more
    /// Enter removed Linh's only helper without asking).
    pub fn pick_from(
        &mut self,
        question: &str,
        mut names: Vec<String>,
        start: Option<usize>,
    ) -> Result<Option<usize>> {
        let count = names.len();
        names.push("Never mind".into());
        Ok(self
            .ask
            .select(question, &names, start)?
            .filter(|i| *i < count))
    }

    /// Runs one step of `new` by name.
    pub fn run_step(&mut self, step: &str) -> Result<()> {
        match step {
            "about" => self.about(),
            "reasons" => self.list_section(
                Section::Reasons,
                "What are your reasons for recovery, for living? People, hopes, things you love.",
            ),
            "warning-signs" => self.list_section(
                Section::WarningSigns,
                "What are the early signs that things are sliding? Thoughts, moods, things you do or stop doing.",
            ),
            "triggers" => self.map_triggers(),
            "ranking" => self.rank(),
            "responses" => self.responses(),
            "contacts" => self.contacts(),
            "crisis-steps" => self.list_section(
                Section::CrisisSteps,
                "What will you do in a crisis, in order? Start with what you can do yourself, then the people you'll call, then professionals.",
            ),
            "safer-environment" => self.list_section(
                Section::SafeEnvironment,
                "What could you remove or lock away to make things safer? Say who will hold it, if someone will (“Alex keeps my spare bank card”).",
            ),
            "lapse-plan" => self.list_section(
                Section::LapsePlan,
                "If you slip, what will you do? A lapse is something to learn from, not a failure: stop, get safe, reach out, learn.",
            ),
            "maintenance" => self.list_section(
                Section::Maintenance,
                "What do you do every day to stay well?",
            ),
            "follow-through" => self.follow_through(),
            "supporters" => self.supporters(),
            "review" => self.review(),
            _ => Ok(()),
        }
    }

    /// Runs a step again from the summary, remembering which it is for
    /// words a Ctrl-C might stop.
    fn visit(&mut self, step: &'static str) -> Result<()> {
        self.step = Some(step);
        self.run_step(step)?;
        self.step = None;
        self.keep()
    }

    /// `new`: every step not yet done, then the summary, where any section
    /// can be visited again before saving.
    pub fn walk_new(&mut self) -> Result<Outcome> {
        for (step, title) in STEPS {
            if self.draft.is_done(step) {
                continue;
            }
            self.ask.heading(title)?;
            self.step = Some(step);
            self.run_step(step)?;
            self.step = None;
            self.draft.mark_done(step);
            self.keep()?;
        }
        self.summary()
    }

    /// One line for a step of `new`, in two parts: what it holds in the
    /// person's words, which may be shortened to fit, and a count after
    /// them (" and 2 more") that is kept whole: cut, it read
    /// "妈妈 小橘 毕业 and…", an English word left hanging.
    fn step_parts(&self, step: &str) -> (String, String) {
        let plan = &self.draft.plan;
        let list = |section: Section| {
            let items = plan.section(section);
            match items.first() {
                None => ("none yet".to_string(), String::new()),
                Some(first) if items.len() == 1 => (clean(&first.text), String::new()),
                Some(first) => (clean(&first.text), format!(" and {} more", items.len() - 1)),
            }
        };
        match step {
            "reasons" => list(Section::Reasons),
            "warning-signs" => list(Section::WarningSigns),
            "crisis-steps" => list(Section::CrisisSteps),
            "safer-environment" => list(Section::SafeEnvironment),
            "lapse-plan" => list(Section::LapsePlan),
            "maintenance" => list(Section::Maintenance),
            _ => (self.step_words(step), String::new()),
        }
    }

    /// What a step that is not a list holds, in one line.
    fn step_words(&self, step: &str) -> String {
        let plan = &self.draft.plan;
        match step {
            "about" => {
                let name = if plan.name.trim().is_empty() {
                    "no name".to_string()
                } else {
                    clean(&plan.name)
                };
                let country = plan
                    .country
                    .as_deref()
                    .map_or("no country (local emergency number)", |cc| {
                        crate::plan::country::name(cc).unwrap_or(cc)
                    });
                format!("{name}, {country}")
            }
            "triggers" => match crate::plan::priority::sorted(&plan.triggers).first() {
                None => "none yet".into(),
                Some(t) if plan.triggers.len() == 1 => clean(&t.situation),
                Some(t) => format!("{}, riskiest: {}", plan.triggers.len(), clean(&t.situation)),
            },
            "ranking" => {
                let rated = plan
                    .triggers
                    .iter()
                    .filter(|t| crate::plan::priority::Priority::of(t).is_some())
                    .count();
                format!("{rated} of {} rated", plan.triggers.len())
            }
            "responses" => {
                let with = plan
                    .triggers
                    .iter()
                    .filter(|t| !t.coping.is_empty() || !t.contacts.is_empty())
                    .count();
                format!("{with} of {} have one", plan.triggers.len())
            }
            "contacts" => {
                // Someone not to involve is never listed among the help:
                // the summary shows them on a line of their own.
                let names: Vec<String> = plan
                    .contacts
                    .iter()
                    .filter(|c| c.to_involve())
                    .map(|c| clean(&c.name))
                    .collect();
                if names.is_empty() {
                    "no one yet".into()
                } else {
                    names.join(", ")
                }
            }
            "follow-through" => {
                let rated = plan
                    .crisis_steps
                    .iter()
                    .filter(|s| s.follow_through.likely.is_some())
                    .count();
                format!("{rated} of {} steps rated", plan.crisis_steps.len())
            }
            "supporters" => {
                let written = Section::FOR_SUPPORTERS
                    .iter()
                    .filter(|s| !plan.section(**s).is_empty())
                    .count();
                format!("{written} of 5 parts written")
            }
            "review" => plan
                .review
                .next
                .and_then(|d| d.date)
                .map_or_else(|| "no date yet".into(), crate::plan::date::long_date),
            _ => String::new(),
        }
    }

    /// The people the plan says not to involve, apart from the help and
    /// said in plain words, wrapped (never cut) so every name is seen.
    fn not_to_involve_line(&self, width: usize) -> Option<String> {
        let names: Vec<String> = self
            .draft
            .plan
            .contacts
            .iter()
            .filter(|c| !c.to_involve())
            .map(|c| clean(&c.name))
            .collect();
        (!names.is_empty()).then(|| {
            crate::render::wrap(
                &format!("Not to involve in a crisis: {}", names.join(", ")),
                width.saturating_sub(1),
                "  ",
                "  ",
            )
        })
    }

    /// The plan so far, a line a part so it fits a screen, then: save, open
    /// a part to see or change it, or stop for now.
    pub fn summary(&mut self) -> Result<Outcome> {
        loop {
            self.ask.heading("Your plan so far")?;
            let width = self.style().width;
            let label = STEPS
                .iter()
                .map(|(_, t)| t.chars().count())
                .max()
                .unwrap_or(0);
            let mut lines: Vec<String> = Vec::new();
            // Only the person's words are shortened, never the part's name.
            let room = width.saturating_sub(label + 3);
            for (step, title) in STEPS {
                let (words, count) = self.step_parts(step);
                let count_width = crate::width::display_width(&count);
                let whole = format!("{title:<label$}  {words}{count}");
                let line = if self.ask.plain() {
                    // Read aloud, a padded table with its words cut is
                    // noise: a short sentence a part, every word of it.
                    said_whole(title, &format!("{words}{count}"), width)
                } else if crate::width::display_width(&whole) < width {
                    whole
                } else if room >= 6 + count_width {
                    format!(
                        "{title:<label$}  {}{count}",
                        crate::prompt::shorten(&words, room - count_width)
                    )
                } else {
                    // Too narrow for the count: "…" alone says there is
                    // more, in any language.
                    let line = format!("{title:<label$}  {words}");
                    let mut short = crate::prompt::shorten(&line, width.saturating_sub(2));
                    if !count.is_empty() && !short.ends_with('…') {
                        short.push('…');
                    }
                    short
                };
                lines.push(line);
                if *step == "contacts" {
                    lines.extend(self.not_to_involve_line(width));
                }
            }
            self.ask.show(&lines.join("\n"))?;
            // Words a Ctrl-C stopped in a part she had opened from here are
            // not met again on the way: the first choice leads back to them.
            let unfinished = self.ask.waiting().and_then(|unsent| {
                let (step, _) = STEPS
                    .iter()
                    .find(|(step, _)| unsent.step.as_deref() == Some(*step))?;
                // With --plain nothing is cut (a reader hears "…" as a
                // symbol, not as words left out).
                let typed = if self.ask.plain() {
                    clean(&unsent.typed)
                } else {
                    crate::render::shorten(&clean(&unsent.typed), width.saturating_sub(36).max(12))
                };
                Some((*step, format!("Finish what you were typing: “{typed}”")))
            });
            let mut menu = vec![
                "Save my plan",
                "Open a part to see or change it",
                "Stop for now (your answers are kept)",
            ];
            if let Some((_, finish)) = &unfinished {
                menu.insert(0, finish);
            }
            let mut choice = self.choose("What next?", &menu, Some(0))?;
            if let Some((step, _)) = unfinished {
                if choice == Some(0) {
                    let title = STEPS
                        .iter()
                        .find(|(s, _)| *s == step)
                        .map_or("", |(_, t)| t);
                    self.ask.heading(title)?;
                    self.visit(step)?;
                    continue;
                }
                choice = choice.map(|i| i - 1);
            }
            match choice {
                Some(0) => {
                    let note = self.ask.text(
                        "A few words about this version? (optional, like “first draft”)",
                        "",
                    )?;
                    return Ok(Outcome::Save { note });
                }
                Some(1) => {
                    let titles: Vec<&str> = STEPS.iter().map(|(_, title)| *title).collect();
                    if let Some(i) = self.choose("Which part?", &titles, Some(0))? {
                        self.ask.heading(STEPS[i].1)?;
                        self.visit(STEPS[i].0)?;
                    }
                }
                _ => return Ok(Outcome::Pause),
            }
        }
    }
}

/// A part of the summary as `--plain` says it: "Your reasons: Being
/// there for my daughter and 2 more." Nothing cut, wrapped under itself.
fn said_whole(title: &str, words: &str, width: usize) -> String {
    let stop = if words
        .trim_end()
        .ends_with(['.', '!', '?', '。', '！', '？', '…'])
    {
        ""
    } else {
        "."
    };
    crate::render::wrap(
        &format!("{title}: {}{stop}", words.trim_end()),
        width.saturating_sub(1),
        "",
        "  ",
    )
}

impl Wizard<'_> {
    /// After the crisis steps, briefly and only if wanted: how likely the
    /// person is to do each, what could get in the way, and their answer.
    fn follow_through(&mut self) -> Result<()> {
        if self.draft.plan.crisis_steps.is_empty()
            || !self.ask.confirm(
                "Think now about how likely you are to do each step? (you can skip this)",
                false,
            )?
        {
            return Ok(());
        }
        for i in 0..self.draft.plan.crisis_steps.len() {
            let step = clean(&self.draft.plan.crisis_steps[i].text);
            let mut question =
                format!("How likely are you to do “{step}”, 0-100%? (Enter to skip)");
            // Asked again until it is a number (in any script's digits):
            // an answer is never dropped without a word.
            let likely = loop {
                let Some(typed) = self.ask.text(&question, "")? else {
                    break None;
                };
                let folded = crate::plan::typed::fold(&typed);
                match crate::plan::typed::whole_number(folded.trim().trim_end_matches('%'))
                    .and_then(|n| u8::try_from(n).ok())
                    .filter(|n| *n <= 100)
                {
                    Some(n) => break Some(n),
                    None => {
                        question = format!(
                            "“{}” isn't a number from 0 to 100. How likely are you to do “{step}”? (like 70, or Enter to skip)",
                            crate::prompt::shorten(&typed, 20)
                        );
                    }
                }
            };
            let Some(likely) = likely else {
                continue;
            };
            let follow = &mut self.plan().crisis_steps[i].follow_through;
            follow.likely = Some(likely);
            self.keep()?;
            let Some(way) = self
                .ask
                .text("What could get in the way? (Enter to skip)", "")?
            else {
                continue;
            };
            self.plan().crisis_steps[i].follow_through.in_the_way = Some(way);
            self.keep()?;
            if let Some(answer) = self.ask.text("And your answer to that?", "")? {
                self.plan().crisis_steps[i].follow_through.answer = Some(answer);
                self.keep()?;
            }
        }
        Ok(())
    }

    /// The sections for supporters, briefly and only if wanted.
    fn supporters(&mut self) -> Result<()> {
        if !self.ask.confirm(
            "Write a few lines for the people who help you? (you can skip this)",
            false,
        )? {
            return Ok(());
        }
        self.say("They go on a copy for them (`relapse-plan print --for NAME`), only if you choose. One at a time; Enter on an empty line moves on.")?;
        for section in Section::FOR_SUPPORTERS {
            self.say(section.title())?;
            self.add_sentences_quietly(section)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
