//! Trigger mapping (situations and the thoughts, feelings and urges they
//! bring) and a coping response for each trigger.

use super::Wizard;
use crate::error::Result;
use crate::plan::priority::sorted;
use crate::plan::{Category, Coping, CopingKind, Trigger};
use crate::render::counted;

/// Coping skills offered as starting points, never imposed: the person
/// rewrites each step in their own words (Enter keeps it).
pub(super) const EXAMPLES: &[(&str, CopingKind, &[&str])] = &[
    (
        "Urge surfing",
        CopingKind::Internal,
        &[
            "Notice where the urge sits in my body",
            "Breathe with it and watch it rise, peak and fall",
            "Remind myself urges usually pass within 15 to 30 minutes",
        ],
    ),
    (
        "Paced breathing",
        CopingKind::Internal,
        &[
            "Breathe in for 4",
            "Breathe out for 6 to 8",
            "Keep going for a few minutes",
        ],
    ),
    (
        "STOP",
        CopingKind::Internal,
        &[
            "Stop",
            "Take a step back",
            "Observe what is happening",
            "Proceed mindfully",
        ],
    ),
    (
        "Delay, escape, distract",
        CopingKind::Distraction,
        &[
            "Wait 15 minutes before deciding anything",
            "Leave the situation",
            "Do something that takes my mind off it",
        ],
    ),
    (
        "Call someone from my plan",
        CopingKind::Social,
        &[
            "Call someone from my contacts",
            "Tell them what is going on",
        ],
    ),
];

impl Wizard<'_> {
    /// Adds and edits triggers, then the early warning signs live in their
    /// own step; `map` runs both.
    pub(super) fn map_triggers(&mut self) -> Result<()> {
        self.say(
            "A trigger is a situation that puts you at risk. For each one, note the thoughts, feelings and urges it brings, one at a time; Enter on an empty line when you're done.",
        )?;
        self.carry_on_strategy()?;
        // A stop in the middle of a trigger's questions carries on there.
        let open = self.draft.open_trigger.clone();
        if let Some(i) =
            open.and_then(|id| self.draft.plan.triggers.iter().position(|t| t.id == id))
        {
            let situation = crate::render::clean(&self.draft.plan.triggers[i].situation);
            self.say(&format!("Carrying on with “{situation}”."))?;
            self.trigger_details(i)?;
            if self.draft.plan.triggers.len() == i + 1 {
                while self.add_trigger()? {}
            }
        }
        // A stop while rewording a trigger's situation goes back to that
        // trigger, by its id.
        let rewording = self.waiting_about().and_then(|key| {
            let id = key.strip_prefix("trigger:")?.strip_suffix(":situation")?;
            self.draft.plan.triggers.iter().position(|t| t.id == id)
        });
        if let Some(i) = rewording {
            self.edit_trigger(i)?;
        }
        if self.draft.plan.triggers.is_empty() {
            while self.add_trigger()? {}
        }
        loop {
            self.show_triggers()?;
            // Only what can be done: with no triggers, there is none to
            // change or remove.
            let choices: &[&str] = if self.draft.plan.triggers.is_empty() {
                &["Done with triggers", "Add a trigger"]
            } else {
                &[
                    "Done with triggers",
                    "Add a trigger",
                    "Change one",
                    "Remove one",
                ]
            };
            match self.choose("What next?", choices, Some(0))? {
                Some(1) => while self.add_trigger()? {},
                Some(2) => {
                    if let Some(i) = self.pick_trigger("Which one?", Some(0))? {
                        self.edit_trigger(i)?;
                    }
                }
                Some(3) => {
                    if let Some(i) = self.pick_trigger("Which one should go?", None)? {
                        let id = self.draft.plan.triggers[i].id.clone();
                        self.plan().remove::<Trigger>(&id, true)?;
                        self.keep()?;
                    }
                }
                _ => return Ok(()),
            }
        }
    }

    /// The triggers' places in the plan, in the person's order (the one
    /// trigger-order rule, as show, rank and the printouts list them).
    fn in_order(&self) -> Vec<usize> {
        crate::plan::priority::places(&self.draft.plan.triggers)
    }

    fn show_triggers(&mut self) -> Result<()> {
        let plan = &self.draft.plan;
        let lines: Vec<String> = self
            .in_order()
            .into_iter()
            .map(|at| &plan.triggers[at])
            .map(|t| {
                // The number every list and command gives it (the order
                // she added them), never its place in this list: `map`
                // said 1 for the trigger `trigger list` calls 3.
                let n = plan.number_of::<Trigger>(&t.id).unwrap_or(0);
                // A kind she skipped is left out, never shown as one.
                let line = match t.category {
                    Some(kind) => format!("{n}. {} ({})", t.situation, kind.words()),
                    None => format!("{n}. {}", t.situation),
                };
                crate::render::wrap(&line, self.style().width.saturating_sub(1), "  ", "     ")
            })
            .collect();
        if !lines.is_empty() {
            let heading = if crate::render::tables::numbers_out_of_order(plan) {
                "Your triggers, riskiest first (each keeps the number it was added with):"
            } else {
                "Your triggers:"
            };
            self.ask.show(&format!("{heading}\n{}", lines.join("\n")))?;
        }
        Ok(())
    }

    /// Adds one trigger, keeping each answer as it is given; `false` when
    /// the person left the situation empty.
    pub(super) fn add_trigger(&mut self) -> Result<bool> {
        let Some(situation) = self.ask.text("What situation puts you at risk?", "")? else {
            return Ok(false);
        };
        let there = self
            .draft
            .plan
            .triggers
            .iter()
            .map(|t| t.situation.as_str());
        if let Some(n) = crate::plan::same::same_words(there, &situation) {
            let saved = self.draft.plan.triggers[n - 1].situation.clone();
            self.already_there(&situation, &saved)?;
            return Ok(true);
        }
        let id = self.draft.plan.new_id::<Trigger>(&situation);
        self.plan().add(Trigger::new(id, situation))?;
        self.keep()?;
        let i = self.draft.plan.triggers.len() - 1;
        self.trigger_details(i)?;
        Ok(true)
    }

    fn edit_trigger(&mut self, i: usize) -> Result<()> {
        let current = self.draft.plan.triggers[i].situation.clone();
        let key = format!("trigger:{}:situation", self.draft.plan.triggers[i].id);
        if let Some(situation) = self.ask_about(key, "The situation, in your words", &current)? {
            self.plan().triggers[i].situation = situation;
            self.keep()?;
        }
        self.trigger_details(i)
    }

    /// A trigger's kind, thoughts, feelings and urges; the draft notes which
    /// trigger is open until all are asked.
    fn trigger_details(&mut self, i: usize) -> Result<()> {
        self.draft.open_trigger = Some(self.draft.plan.triggers[i].id.clone());
        self.keep()?;
        self.trigger_questions(i)?;
        self.draft.open_trigger = None;
        self.keep()
    }

    fn trigger_questions(&mut self, i: usize) -> Result<()> {
        // "Not sure" first, where the cursor starts for a new trigger: Enter
        // never claims a kind of situation the person did not choose, and
        // Esc (skip) leaves the kind unchosen.
        let mut order: Vec<Category> = vec![Category::NotSure];
        order.extend(
            Category::ALL
                .iter()
                .copied()
                .filter(|c| *c != Category::NotSure),
        );
        let choices: Vec<String> = order
            .iter()
            .map(|c| match c {
                Category::NotSure => "Not sure".to_string(),
                Category::Other => "None of these: something else".to_string(),
                c => format!("{}: {}", capitalised(&c.words()), c.about()),
            })
            .collect();
        let current = self.draft.plan.triggers[i].category;
        let default = current
            .and_then(|current| order.iter().position(|c| *c == current))
            .unwrap_or(0);
        if let Some(c) =
            self.ask
                .select("What kind of situation is it?", &choices, Some(default))?
        {
            self.plan().triggers[i].category = Some(order[c]);
            self.keep()?;
        }
        for (what, field) in [("thought", 0), ("feeling", 1), ("urge", 2)] {
            self.edit_words(i, what, field)?;
        }
        Ok(())
    }

    /// Edits one of a trigger's lists: each existing item can be changed
    /// (or emptied to remove it), then more added until an empty answer.
    fn edit_words(&mut self, i: usize, what: &str, field: usize) -> Result<()> {
        fn list(plan: &mut crate::plan::Plan, i: usize, field: usize) -> &mut Vec<String> {
            let t = &mut plan.triggers[i];
            match field {
                0 => &mut t.thoughts,
                1 => &mut t.feelings,
                _ => &mut t.urges,
            }
        }
        // Keyed by the trigger's id, so words stopped here come back to
        // this trigger, never to another with the same thought.
        let id = self.draft.plan.triggers[i].id.clone();
        let existing = list(self.plan(), i, field).clone();
        let mut kept = Vec::new();
        for item in existing {
            let key = format!("trigger:{id}:{what}={item}");
            if let Some(text) =
                self.ask_about(key, &format!("This {what}? (empty removes it)"), &item)?
            {
                kept.push(text);
            }
        }
        *list(self.plan(), i, field) = kept;
        self.keep()?;
        loop {
            let question = format!("What {what} comes with it?");
            let Some(text) = self.ask_about(format!("trigger:{id}:{what}+"), &question, "")? else {
                return Ok(());
            };
            list(self.plan(), i, field).push(text);
            self.keep()?;
        }
    }

    /// One of the triggers in her order, the cursor at `start` (`None` to
    /// remove one).
    fn pick_trigger(&mut self, question: &str, start: Option<usize>) -> Result<Option<usize>> {
        let order = self.in_order();
        let choices: Vec<String> = order
            .iter()
            .map(|&at| self.draft.plan.triggers[at].situation.clone())
            .collect();
        Ok(self
            .pick_from(question, choices, start)?
            .map(|chosen| order[chosen]))
    }

    /// After `map`: offers what a trigger still lacks (its ratings, then a
    /// response) instead of leaving it half done.
    pub fn complete_new_triggers(&mut self) -> Result<()> {
        let unrated = self
            .draft
            .plan
            .triggers
            .iter()
            .filter(|t| t.likelihood.is_none() || t.intensity.is_none() || t.confidence.is_none())
            .count();
        if unrated > 0
            && self.ask.confirm(
                &counted(
                    unrated,
                    "trigger",
                    "is not rated yet. Rate now? (three quick questions each)",
                    "are not rated yet. Rate now? (three quick questions each)",
                ),
                true,
            )?
        {
            self.rate_unrated()?;
        }
        let without: Vec<String> = sorted(&self.draft.plan.triggers)
            .iter()
            .filter(|t| !t.has_response())
            .map(|t| t.id.clone())
            .collect();
        if !without.is_empty()
            && self.ask.confirm(
                &counted(
                    without.len(),
                    "trigger",
                    "has no planned response yet. Plan one now?",
                    "have no planned response yet. Plan one now?",
                ),
                true,
            )?
        {
            for id in without {
                self.respond_to(&id)?;
            }
        }
        Ok(())
    }

    /// A coping response for each trigger, riskiest first.
    pub(super) fn responses(&mut self) -> Result<()> {
        if self.draft.plan.triggers.is_empty() {
            return self
                .ask
                .show("There are no triggers yet, so there is nothing to plan a response for.");
        }
        self.say("For each trigger, choose what you will do: a coping strategy, a person to call, or both.")?;
        self.carry_on_strategy()?;
        let order: Vec<String> = sorted(&self.draft.plan.triggers)
            .iter()
            .map(|t| t.id.clone())
            .collect();
        for id in order {
            self.respond_to(&id)?;
        }
        Ok(())
    }

    fn respond_to(&mut self, id: &str) -> Result<()> {
        loop {
            let Some(i) = self.draft.plan.triggers.iter().position(|t| t.id == id) else {
                return Ok(());
            };
            let plan = &self.draft.plan;
            let trigger = &plan.triggers[i];
            let mut linked: Vec<String> = trigger
                .coping
                .iter()
                .filter_map(|c| plan.coping_strategy(c))
                .map(|c| wrap_item(&c.name, self.style().width))
                .collect();
            linked.extend(
                trigger
                    .contacts
                    .iter()
                    .filter_map(|c| plan.contact(c))
                    .map(|c| wrap_item(&format!("Call: {}", c.name), self.style().width)),
            );
            let what = if linked.is_empty() {
                "  (nothing yet)".to_string()
            } else {
                linked.join("\n")
            };
            let when = crate::render::wrap(
                &format!("When: {}", trigger.situation),
                self.style().width.saturating_sub(1),
                "",
                "  ",
            );
            self.ask.show(&format!("\n{when}\nYou will:\n{what}"))?;
            // Only choices that lead somewhere: a strategy to reuse, a
            // person to call, once there are some.
            let has_strategies = !self.draft.plan.coping.is_empty();
            let has_people = self
                .draft
                .plan
                .contacts
                .iter()
                .any(crate::plan::Contact::to_involve);
            let offered: Vec<(&str, u8)> = [
                ("Done with this one", 0),
                ("Use a strategy I already have", 1),
                ("Write a new strategy", 2),
                ("Start from an example", 3),
                ("Add a person to call", 4),
            ]
            .into_iter()
            .filter(|(_, n)| (*n != 1 || has_strategies) && (*n != 4 || has_people))
            .collect();
            // With nothing planned yet, Enter starts from an example rather
            // than leaving the trigger without a response.
            let default = if linked.is_empty() {
                offered.iter().position(|(_, n)| *n == 3).unwrap_or(0)
            } else {
                0
            };
            let words: Vec<&str> = offered.iter().map(|(w, _)| *w).collect();
            let choice = self.choose("What next?", &words, Some(default))?;
            match choice.and_then(|c| offered.get(c)).map(|(_, n)| *n) {
                Some(1) => self.link_existing_strategy(i)?,
                Some(2) => self.new_strategy(i, None)?,
                Some(3) => {
                    let names: Vec<String> = EXAMPLES.iter().map(|e| e.0.to_string()).collect();
                    if let Some(e) = self.pick("Which example?", names)? {
                        self.new_strategy(i, Some(EXAMPLES[e]))?;
                    }
                }
                Some(4) => self.link_person(i)?,
                _ => return Ok(()),
            }
        }
    }

    fn link_existing_strategy(&mut self, i: usize) -> Result<()> {
        let names: Vec<String> = self
            .draft
            .plan
            .coping
            .iter()
            .map(|c| c.name.clone())
            .collect();
        if let Some(c) = self.pick("Which one?", names)? {
            let coping_id = self.draft.plan.coping[c].id.clone();
            link(&mut self.plan().triggers[i].coping, coping_id);
            self.keep()?;
        }
        Ok(())
    }

    /// The route for "link them later": after people are added, each
    /// trigger with no one to call can be given someone.
    pub(super) fn offer_links(&mut self) -> Result<()> {
        let people = self
            .draft
            .plan
            .contacts
            .iter()
            .filter(|c| c.to_involve())
            .count();
        let alone: Vec<String> = sorted(&self.draft.plan.triggers)
            .iter()
            .filter(|t| t.contacts.is_empty())
            .map(|t| t.id.clone())
            .collect();
        if people == 0 || alone.is_empty() {
            return Ok(());
        }
        let question = counted(
            alone.len(),
            "trigger",
            "has no one to call. Link someone to it now?",
            "have no one to call. Link someone to them now?",
        );
        if !self.ask.confirm(&question, true)? {
            return Ok(());
        }
        for id in alone {
            if let Some(i) = self.draft.plan.triggers.iter().position(|t| t.id == id) {
                let situation = self.draft.plan.triggers[i].situation.clone();
                self.ask.show(&format!(
                    "\n{}",
                    crate::render::wrap(
                        &format!("When: {situation}"),
                        self.style().width.saturating_sub(1),
                        "",
                        "  "
                    )
                ))?;
                self.link_person(i)?;
            }
        }
        Ok(())
    }

    fn link_person(&mut self, i: usize) -> Result<()> {
        let people: Vec<(String, String)> = self
            .draft
            .plan
            .contacts
            .iter()
            .filter(|c| c.to_involve())
            .map(|c| (c.id.clone(), c.name.clone()))
            .collect();
        if people.is_empty() {
            return self.say(
                "There is no one in your plan yet. Once you have added people to call, you'll be asked whether to link someone to each trigger that has no one.",
            );
        }
        let names: Vec<String> = people.iter().map(|p| p.1.clone()).collect();
        if let Some(p) = self.pick("Who?", names)? {
            link(&mut self.plan().triggers[i].contacts, people[p].0.clone());
            self.keep()?;
        }
        Ok(())
    }

    /// Writes a new coping strategy for trigger `t`, from scratch or from
    /// an example whose steps the person can reword. It is linked to the
    /// trigger as soon as it has a name, before its steps: Ctrl-C among
    /// the steps left Anjali's strategy kept but tied to nothing.
    fn new_strategy(
        &mut self,
        t: usize,
        example: Option<(&str, CopingKind, &[&str])>,
    ) -> Result<()> {
        let initial = example.map_or("", |e| e.0);
        let Some(name) = self.ask.text("What do you call it?", initial)? else {
            return Ok(());
        };
        let kinds: Vec<String> = CopingKind::ALL
            .iter()
            .map(|k| capitalised(k.about()))
            .collect();
        let default = example.map_or(0, |e| {
            CopingKind::ALL.iter().position(|k| *k == e.1).unwrap_or(0)
        });
        let kind = self
            .ask
            .select("What kind of strategy is it?", &kinds, Some(default))?
            .map_or(CopingKind::ALL[default], |k| CopingKind::ALL[k]);
        let id = self.draft.plan.new_id::<Coping>(&name);
        // The next-step question names the strategy, so words half-typed
        // into one come back only in that one, never in the next new one
        // (they were joined onto another strategy's first step).
        let next_step = format!(
            "What's the next step for “{}”? (empty to finish)",
            crate::prompt::shorten(&crate::render::clean(&name), 30)
        );
        // An example's steps are hers from the start, each then put in her
        // words in its place: a Ctrl-C part-way keeps the ones not reached
        // yet (Olena lost the rest of "STOP").
        let steps =
            example.map_or_else(Vec::new, |e| e.2.iter().map(|s| (*s).to_string()).collect());
        self.plan().add(Coping {
            id: id.clone(),
            name,
            kind,
            steps,
            follow_through: crate::plan::FollowThrough::default(),
        })?;
        link(&mut self.plan().triggers[t].coping, id);
        self.keep()?;
        let i = self.draft.plan.coping.len() - 1;
        if example.is_some() {
            self.say("Put each step in your own words (Enter keeps it, empty removes it).")?;
            self.reword_steps(i, 0)?;
        }
        self.more_steps(i, &next_step)
    }

    /// Asks for strategy `i`'s steps from `from` on in her own words, each
    /// in its place: Enter keeps it, empty removes it.
    fn reword_steps(&mut self, i: usize, from: usize) -> Result<()> {
        let mut j = from;
        while j < self.draft.plan.coping[i].steps.len() {
            let key = reword_key(&self.draft.plan.coping[i].id, j);
            let step = self.draft.plan.coping[i].steps[j].clone();
            if let Some(text) = self.ask_about(key, "This step, in your words", &step)? {
                self.plan().coping[i].steps[j] = text;
                self.keep()?;
                self.mind_who_it_names(super::lists::Words::CopingStep(i, j))?;
                j += 1;
            } else {
                self.plan().coping[i].steps.remove(j);
                self.keep()?;
            }
        }
        Ok(())
    }

    /// Words a Ctrl-C stopped among a strategy's steps: that strategy's
    /// next step is asked first, the words back on the line. They were
    /// promised back "when the question comes again", and it never came
    /// (Olena, in `new` and in `map`).
    /// An example's step stopped part-way is asked again in its place,
    /// then the example's steps after it.
    pub(super) fn carry_on_strategy(&mut self) -> Result<()> {
        let Some((i, rewording)) = self.waiting_about().and_then(|key| {
            let rest = key.strip_prefix("coping:")?;
            let (id, rewording) = if let Some(id) = rest.strip_suffix(":steps") {
                (id, None)
            } else {
                let (id, at) = rest.rsplit_once(":step:")?;
                (id, Some(at.parse::<usize>().ok()?))
            };
            let i = self.draft.plan.coping.iter().position(|c| c.id == id)?;
            Some((i, rewording))
        }) else {
            return Ok(());
        };
        let name = crate::render::clean(&self.draft.plan.coping[i].name);
        self.say(&format!("Carrying on with “{name}”."))?;
        if let Some(from) = rewording {
            self.reword_steps(i, from)?;
        }
        let next_step = format!(
            "What's the next step for “{}”? (empty to finish)",
            crate::prompt::shorten(&name, 30)
        );
        self.more_steps(i, &next_step)
    }

    /// Asks for strategy `i`'s next steps until an empty answer.
    fn more_steps(&mut self, i: usize, question: &str) -> Result<()> {
        loop {
            let key = steps_key(&self.draft.plan.coping[i].id);
            let Some(text) = self.ask_about(key, question, "")? else {
                return Ok(());
            };
            self.add_step(i, text)?;
        }
    }

    fn add_step(&mut self, i: usize, text: String) -> Result<()> {
        self.plan().coping[i].steps.push(text);
        self.keep()?;
        let j = self.draft.plan.coping[i].steps.len() - 1;
        self.mind_who_it_names(super::lists::Words::CopingStep(i, j))
    }
}

/// What words typed into a strategy's steps are about: that strategy,
/// whatever its name or place.
fn steps_key(id: &str) -> String {
    format!("coping:{id}:steps")
}

/// What words typed while rewording an example's step `at` are about.
fn reword_key(id: &str, at: usize) -> String {
    format!("coping:{id}:step:{at}")
}

fn link(links: &mut Vec<String>, id: String) {
    if !links.contains(&id) {
        links.push(id);
    }
}

/// `text` with its first letter a capital, for a choice in a menu.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// One thing a response holds, as a dash line wrapped under itself.
fn wrap_item(text: &str, width: usize) -> String {
    crate::render::wrap(text, width.saturating_sub(1), "  - ", "    ")
}
