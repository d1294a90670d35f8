//! Starting, resuming and finishing a walk-through: the draft is offered
//! back if one is waiting, an existing plan is never replaced silently, and
//! the finished draft becomes exactly one revision.

use std::path::Path;

use toml::value::Datetime;

use super::{Outcome, Wizard};
use crate::error::Result;
use crate::plan::Plan;
use crate::plan::draft::Draft;
use crate::plan::merge;
use crate::prompt::Prompter;
use crate::render::clean;

/// Where a walk-through's draft and the plan it becomes are kept: the few
/// things a walk-through asks of it. Commands hand it the store; the unit
/// tests, one in memory.
pub trait Keeper {
    /// Where the plan is kept, for the first words of `new`.
    fn place(&self) -> &Path;
    /// Held for as long as the walk-through is open (dropping it lets the
    /// next one in); an error if another walk-through holds it.
    fn hold_walk_through(&self, command: &str) -> Result<Box<dyn std::any::Any>>;
    /// The current plan, with notes to show about it (a recovery, say);
    /// `None` when there is no plan yet. A plan from a newer relapse-plan
    /// is an error: a walk-through would lose what it can't read.
    fn plan(&self) -> Result<Option<Current>>;
    /// The revision a draft was made from, to bring its answers onto a
    /// newer plan: an empty plan for revision 0, or for one that can no
    /// longer be read (then everything in the plan counts as added since).
    fn base_of_draft(&self, revision: u64) -> Plan;
    /// Whether the plan was edited by hand (plan.toml changed, no new
    /// revision) since it was saved as `revision`.
    fn edited_since(&self, revision: u64, current: &Plan) -> bool;
    /// The unfinished answers, if there are any.
    fn load_draft(&self) -> Result<Option<Draft>>;
    /// Keeps the answers so far: called after every answer.
    fn save_draft(&self, draft: &Draft) -> Result<()>;
    /// Throws the unfinished answers away (once saved, or on request).
    fn remove_draft(&self) -> Result<()>;
    /// Saves a draft's `plan`, made from revision `base`, as one revision
    /// noted `note` (else `description`), keeping anything saved since
    /// `base`. The new revision's number, or `None` when nothing changed.
    fn save_plan(
        &self,
        plan: Plan,
        base: u64,
        now: Datetime,
        note: Option<String>,
        description: &str,
    ) -> Result<Option<u64>>;
}

/// The plan as it is now, as [`Keeper::plan`] finds it.
#[derive(Debug)]
pub struct Current {
    pub plan: Plan,
    /// One-line notices to show first (a recovery, a sync tool's copy).
    pub warnings: Vec<String>,
}

/// Which walk-through, and what its revision is called in history.
#[derive(Debug, Clone, Copy)]
pub struct Kind {
    pub command: &'static str,
    pub description: &'static str,
}

pub const NEW: Kind = Kind {
    command: "new",
    description: "changes made in new",
};
pub const MAP: Kind = Kind {
    command: "map",
    description: "changes made in map",
};
pub const RANK: Kind = Kind {
    command: "rank",
    description: "changes made in rank",
};

/// What a walk-through starts with, from the command line and environment.
#[derive(Debug, Clone)]
pub struct Start {
    /// The moment now, UTC, as files keep it.
    pub now: Datetime,
    /// Reads the clock again when the answers are saved: a walk-through
    /// left open 40 minutes is saved at the end of them, not the start
    /// (issue 13). `None` from it keeps `now`.
    pub clock: fn() -> Option<Datetime>,
    /// The person's calendar date now.
    pub today: toml::value::Date,
    /// The person's time zone, to show stored moments on their clock.
    pub zone: jiff::tz::TimeZone,
    /// `--note` for the revision it saves.
    pub note: Option<String>,
    /// The locale's country, offered first when the plan has none.
    pub locale_country: Option<String>,
    /// `--plain` and the terminal's width.
    pub style: crate::render::Style,
}

/// Runs a walk-through from start (or resumed draft) to saved revision.
// Its steps in the order a person meets them; each branch is short.
#[allow(clippy::too_many_lines)]
pub fn run(
    keeper: &dyn Keeper,
    ask: &mut dyn Prompter,
    kind: Kind,
    start: Start,
    flow: impl FnOnce(&mut Wizard) -> Result<Outcome>,
) -> Result<()> {
    let Start {
        now,
        clock,
        today,
        zone,
        note,
        locale_country,
        style,
    } = start;
    // Before a word is asked: a second window's answers would overwrite
    // this one's draft.
    let _open = keeper.hold_walk_through(kind.command)?;
    greet(keeper, ask, kind, style)?;
    let Some(mut draft) = begin(keeper, ask, kind, now, (&zone, today))? else {
        return Ok(());
    };
    catch_up(keeper, ask, &mut draft, style)?;
    keeper.save_draft(&draft)?;
    let waiting = draft.unsent.take();
    let mut keeping = Keeping {
        inner: &mut *ask,
        waiting,
        about: None,
    };
    let mut save = |d: &Draft| keeper.save_draft(d);
    let mut wizard = Wizard::new(&mut keeping, draft, &mut save, today);
    wizard.default_country = locale_country;
    wizard.saved = keeper.plan()?.map(|current| current.plan);
    wizard.look = style;
    let result = (|| {
        if kind.command == "new" {
            if wizard.draft.plan.country.is_none() && !wizard.draft.is_done(super::about::COUNTRY) {
                wizard.ask_country()?;
            }
            wizard.ask.show("\nIf you need help right now:")?;
            wizard.show_crisis_lines()?;
        }
        flow(&mut wizard)
    })();
    let mut draft = wizard.draft.clone();
    let unkept = wizard.unkept;
    let step = wizard.step;
    // A half-typed answer (Ctrl-C on a text line), or one brought back and
    // not yet asked for again, stays with the draft.
    let unsent = keeping
        .inner
        .take_unsent()
        .map(|mut unsent| {
            unsent.step = step.map(str::to_string);
            unsent.about.clone_from(&keeping.about);
            unsent
        })
        .or(keeping.waiting.take());
    // Answers a busy plan folder kept from the draft are written now.
    if (unsent.is_some() || unkept) && !matches!(result, Ok(Outcome::Save { .. })) {
        draft.unsent.clone_from(&unsent);
        keeper.save_draft(&draft)?;
    }
    let outcome = result?;
    // The window may have been resized during the walk.
    let style = crate::render::Style {
        width: ask.width(),
        ..style
    };
    match outcome {
        Outcome::Pause => ask.show(&crate::render::wrap(
            &format!(
                "Your answers are kept. Run `relapse-plan {}` to carry on.",
                kind.command
            ),
            style.width,
            "",
            "",
        )),
        Outcome::Save { note: typed } => {
            // Whatever the plan gained while these answers were open is
            // brought in first, asking where both changed the same answer.
            catch_up(keeper, ask, &mut draft, style)?;
            let saved_at = clock().map_or(now, |at| crate::plan::date::dated_after(Some(&now), at));
            let saved = keeper.save_plan(
                draft.plan,
                draft.base_revision,
                saved_at,
                typed.or(note),
                kind.description,
            )?;
            keeper.remove_draft()?;
            // She chose to save without going back to them: the words are
            // shown whole, so what is not in the plan is never a surprise.
            if let Some(unsent) = &unsent {
                ask.show(&crate::render::wrap(
                    &format!(
                        "Not in your plan: the words you were typing when you stopped, “{}”. Copy them from here if you want them.",
                        clean(&unsent.typed)
                    ),
                    style.width,
                    "",
                    "",
                ))?;
            }
            match saved {
                None => ask.show("Nothing changed, so your plan stays as it was."),
                Some(revision) => ask.show(&crate::render::wrap(
                    &format!(
                        "Saved as revision {revision} of your plan. `relapse-plan now` shows it in a crisis; `relapse-plan rehearse` helps you practise."
                    ),
                    style.width,
                    "",
                    "",
                )),
            }
        }
    }
}

/// What the walk-through is, where it keeps the answers, and the keys,
/// the same in every walk-through, said before the first question.
fn greet(
    keeper: &dyn Keeper,
    ask: &mut dyn Prompter,
    kind: Kind,
    style: crate::render::Style,
) -> Result<()> {
    if kind.command == "new" {
        // The folder on a line of its own, never broken (wider than the
        // terminal, it is still whole), so it can be read and copied.
        let intro = "This walk-through builds your relapse-prevention and crisis plan, one section at a time. \
             It is private: it stays on this computer, readable by you alone, in:";
        ask.show(&crate::render::wrap(intro, style.width, "", ""))?;
        ask.show(&format!(
            "  {}",
            crate::render::clean(&keeper.place().display().to_string())
        ))?;
        ask.show(&crate::render::wrap(
            "Every answer is kept as you give it. Leave an answer empty to skip; \
             you can come back to any section at the end.",
            style.width,
            "",
            "",
        ))?;
    }
    // The keys, the same in every walk-through, said before the first question.
    let keys = format!(
        "Keys: Enter answers. In a list, {} move (or type the start of a choice) and, where several can be chosen, Space ticks and Enter goes on. Esc skips a question and keeps what is there (in a “What next?” menu, it leaves that part). Ctrl-C stops: your answers are kept, and `relapse-plan {}` carries on.",
        if style.plain {
            "the up and down arrow keys"
        } else {
            "↑ and ↓"
        },
        kind.command
    );
    ask.show(&crate::render::wrap(&keys, style.width, "", ""))
}

/// Brings what the plan gained since `draft` was made (crisis steps or
/// people added by commands, another walk-through's answers) onto it, so
/// nothing is lost when it is saved: the person is told what was kept, and
/// asked about any answer changed both here and in the plan.
fn catch_up(
    keeper: &dyn Keeper,
    ask: &mut dyn Prompter,
    draft: &mut Draft,
    style: crate::render::Style,
) -> Result<()> {
    let width = style.width;
    let current = match keeper.plan() {
        Ok(Some(current)) => current.plan,
        // No plan yet, or one that can't be read: saving says so.
        _ => return Ok(()),
    };
    // A hand edit keeps the revision's number: its content tells.
    if current.revision == draft.base_revision
        && !keeper.edited_since(draft.base_revision, &current)
    {
        return Ok(());
    }
    let base = keeper.base_of_draft(draft.base_revision);
    let found = merge::conflicts(&base, &draft.plan, &current);
    let wrap = |text: &str| crate::render::wrap(text, width, "", "");
    let intro = "Your plan has changed since these answers were started.";
    let mut decisions = Vec::new();
    if !found.is_empty() {
        ask.show(&wrap(&format!(
            "{intro} {} changed both here and there: which should stay?",
            if found.len() == 1 {
                "One answer was"
            } else {
                "Some answers were"
            }
        )))?;
    }
    for conflict in &found {
        let choices = [
            format!("The one from these answers: {}", clean(&conflict.here)),
            format!("The one in your plan now: {}", clean(&conflict.now)),
        ];
        let question = format!("{}?", clean(&conflict.what));
        decisions.push(match ask.select(&question, &choices, Some(0))? {
            Some(1) => merge::Side::Now,
            _ => merge::Side::Here,
        });
    }
    let Some(merged) = merge::merge(&base, &draft.plan, &current, &decisions) else {
        ask.show(&wrap(&format!(
            "{intro} Saving makes these answers the plan; revision {} stays in `relapse-plan history`.",
            current.revision
        )))?;
        return Ok(());
    };
    if !merged.from_plan.is_empty() {
        let mut said = format!("{intro} Kept from it, beside your answers:");
        for line in &merged.from_plan {
            said.push('\n');
            said.push_str(&crate::render::wrap(
                line,
                width,
                if style.plain { "  - " } else { "  • " },
                "    ",
            ));
        }
        ask.show(&said)?;
    }
    draft.plan = merged.plan;
    draft.base_revision = current.revision;
    keeper.save_draft(draft)
}

/// The draft to work on: a waiting one if the person wants it, else one
/// made from the current plan. `None` when the person chose to leave.
fn begin(
    keeper: &dyn Keeper,
    ask: &mut dyn Prompter,
    kind: Kind,
    now: Datetime,
    (zone, today): (&jiff::tz::TimeZone, toml::value::Date),
) -> Result<Option<Draft>> {
    if let Some(draft) = keeper.load_draft()? {
        let question = format!(
            "You have unfinished answers from {}. What now?",
            crate::plan::date::moment_near(&draft.started_at, zone, today),
        );
        match ask.select(
            &question,
            &[
                "Carry on with them".into(),
                "Start again (throw them away)".into(),
            ],
            Some(0),
        )? {
            Some(0) => {
                if let Some(unsent) = &draft.unsent {
                    ask.show(&crate::render::wrap(
                        &format!(
                            "When you stopped, you were typing “{}”. It is back on the line when “{}” comes again.",
                            clean(&unsent.typed),
                            clean(&unsent.question)
                        ),
                        ask.width().saturating_sub(1),
                        "",
                        "",
                    ))?;
                }
                return Ok(Some(draft));
            }
            Some(_) => {
                if !ask.confirm(
                    "Throw away those unfinished answers? This can't be undone.",
                    false,
                )? {
                    return Ok(Some(draft));
                }
                keeper.remove_draft()?;
            }
            None => return Ok(None),
        }
    }
    let plan = match keeper.plan()? {
        Some(current) => {
            for warning in &current.warnings {
                ask.show(&format!("Note: {warning}"))?;
            }
            if kind.command == "new" {
                let question = "You already have a plan. Walk through it and change what you like?";
                if !ask.confirm(question, true)? {
                    ask.show("Your plan is unchanged.")?;
                    return Ok(None);
                }
            }
            current.plan
        }
        None => Plan::new(String::new(), None),
    };
    Ok(Some(Draft::new(kind.command, now, plan)))
}

/// The end of `map` and `rank`: save now, or keep the answers for later.
pub fn finish(wizard: &mut Wizard) -> Result<Outcome> {
    // Nothing to save: asking "Save these changes?" there, and keeping an
    // unchanged draft on Esc, left "You have unfinished answers" for the
    // next time. Saving nothing ends it, saying the plan stays as it was.
    if wizard.saved.as_ref() == Some(&wizard.draft.plan) && wizard.ask.waiting().is_none() {
        return Ok(Outcome::Save { note: None });
    }
    match wizard.choose(
        "Save these changes to your plan?",
        &["Save to my plan", "Stop for now (your answers are kept)"],
        Some(0),
    )? {
        Some(0) => Ok(Outcome::Save { note: None }),
        _ => Ok(Outcome::Pause),
    }
}

/// The person's prompter, giving back a half-typed answer when the question
/// it was typed into comes again.
struct Keeping<'p> {
    inner: &'p mut dyn Prompter,
    waiting: Option<crate::plan::draft::Unsent>,
    /// What the question being asked is about (a stable key), kept with
    /// words a Ctrl-C stops.
    about: Option<String>,
}

impl Keeping<'_> {
    /// What a text question starts from: the words half typed into it last
    /// time, if they were for it, else `initial`. Words kept with what they
    /// were about go back only to that (the same person, the same
    /// trigger), whatever its place or the question's words now; older
    /// ones by their question and line.
    fn given_back(&mut self, question: &str, initial: &str) -> String {
        let about = self.about.as_deref();
        let back = self.waiting.take_if(|w| match &w.about {
            Some(key) => Some(key.as_str()) == about,
            None => w.question == question && w.initial == initial,
        });
        back.map_or_else(|| initial.to_string(), |unsent| unsent.typed)
    }
}

impl Prompter for Keeping<'_> {
    fn show(&mut self, text: &str) -> Result<()> {
        self.inner.show(text)
    }
    fn heading(&mut self, title: &str) -> Result<()> {
        self.inner.heading(title)
    }
    fn text(&mut self, question: &str, initial: &str) -> Result<Option<String>> {
        let initial = self.given_back(question, initial);
        self.inner.text(question, &initial)
    }
    // Passed on, so a date still to be checked is left without a tick by the
    // terminal (a wrapper's default ticked it).
    fn text_to_check(&mut self, question: &str, initial: &str) -> Result<Option<String>> {
        let initial = self.given_back(question, initial);
        self.inner.text_to_check(question, &initial)
    }
    fn checked(&mut self, taken: bool) -> Result<()> {
        self.inner.checked(taken)
    }
    fn select(
        &mut self,
        question: &str,
        choices: &[String],
        start: Option<usize>,
    ) -> Result<Option<usize>> {
        self.inner.select(question, choices, start)
    }
    fn select_or_stop(
        &mut self,
        question: &str,
        choices: &[String],
        start: Option<usize>,
        esc: &str,
    ) -> Result<Option<usize>> {
        self.inner.select_or_stop(question, choices, start, esc)
    }
    fn select_needed(&mut self, question: &str, choices: &[String], why: &str) -> Result<usize> {
        self.inner.select_needed(question, choices, why)
    }
    fn confirm(&mut self, question: &str, default: bool) -> Result<bool> {
        self.inner.confirm(question, default)
    }
    fn multi_select(
        &mut self,
        question: &str,
        choices: &[String],
        chosen: &[bool],
    ) -> Result<Option<Vec<usize>>> {
        self.inner.multi_select(question, choices, chosen)
    }
    fn width(&self) -> usize {
        self.inner.width()
    }
    // Said on: without it, a walk-through asked "plain?" of this wrapper
    // was told no, whatever --plain said.
    fn plain(&self) -> bool {
        self.inner.plain()
    }
    fn take_unsent(&mut self) -> Option<crate::plan::draft::Unsent> {
        self.inner.take_unsent()
    }
    fn take_ticked(&mut self) -> Option<Vec<usize>> {
        self.inner.take_ticked()
    }
    fn waiting(&self) -> Option<&crate::plan::draft::Unsent> {
        self.waiting.as_ref()
    }
    fn asking_about(&mut self, key: Option<String>) {
        self.about = key;
    }
}
