//! The sections that are lists of the person's sentences, and contacts.

use super::Wizard;
use crate::error::Result;
use crate::plan::edit::Entry;
use crate::plan::{Contact, Role, Section, TextItem};
use crate::prompt::Prompter;
use crate::render::clean;

const DONE: &str = "Done with this section";
const KEEP_AS_WRITTEN: &str = "Keep it as written";

/// Where a step's words are in the plan, to look at them again after a
/// change.
#[derive(Debug, Clone, Copy)]
pub(super) enum Words {
    /// Sentence `i` of a section.
    Sentence(Section, usize),
    /// Step `j` of coping strategy `i`.
    CopingStep(usize, usize),
}

impl Words {
    fn text(self, plan: &crate::plan::Plan) -> &str {
        match self {
            Words::Sentence(section, i) => &plan.section(section)[i].text,
            Words::CopingStep(i, j) => &plan.coping[i].steps[j],
        }
    }

    fn text_mut(self, plan: &mut crate::plan::Plan) -> &mut String {
        match self {
            Words::Sentence(section, i) => &mut plan.section_mut(section)[i].text,
            Words::CopingStep(i, j) => &mut plan.coping[i].steps[j],
        }
    }
}
const CHANGE: &str = "What should it say?";
const NEW_NAME: &str = "Who is it? (their name)";
const NAME: &str = "Their name, as you call them";

/// The phone question, naming whose number it is: "their" alone left
/// Layla, carried back into her list, guessing which person it meant.
fn phone_question(name: &str) -> String {
    format!("Phone number for {}? (optional)", clean(name))
}

/// When someone can be reached, asked by their name.
fn reachable_question(name: &str) -> String {
    format!(
        "When can you reach {}? (optional, e.g. after 6 pm)",
        clean(name)
    )
}

impl Wizard<'_> {
    /// Shows a list section and lets the person add, change, remove or
    /// reorder its sentences. An empty list goes straight to adding.
    pub(super) fn list_section(&mut self, section: Section, intro: &str) -> Result<()> {
        self.say(intro)?;
        if self.draft.plan.section(section).is_empty() || self.waits_for(ask_for(section), "") {
            self.add_sentences(section)?;
        }
        // Words stopped while changing a sentence go back to that sentence
        // of this section (the same words in another section are another
        // sentence).
        let waiting = self.waiting_about();
        let changing = self
            .draft
            .plan
            .section(section)
            .iter()
            .position(|item| waiting.as_deref() == Some(&sentence_key(section, &item.text)));
        if let Some(i) = changing {
            self.change_sentence(section, i)?;
        }
        loop {
            self.show_sentences(section)?;
            let mut menu = vec![DONE, "Add more", "Change one", "Remove one"];
            if self.draft.plan.section(section).len() > 1 {
                menu.push("Move one");
            }
            match self.choose("What next?", &menu, Some(0))? {
                Some(1) => self.add_sentences(section)?,
                Some(2) => {
                    if let Some(i) = self.pick_sentence(section, "Which one?", Some(0))? {
                        self.change_sentence(section, i)?;
                    }
                }
                Some(3) => {
                    if let Some(i) = self.pick_sentence(section, "Which one should go?", None)? {
                        self.plan().section_mut(section).remove(i);
                        self.keep()?;
                    }
                }
                Some(4) => {
                    if let Some(from) =
                        self.pick_sentence(section, "Which one should move?", Some(0))?
                    {
                        let len = self.draft.plan.section(section).len();
                        let places: Vec<String> =
                            (1..=len).map(|n| format!("To place {n}")).collect();
                        if let Some(to) = self.ask.select("Where to?", &places, Some(from))? {
                            let item = self.plan().section_mut(section).remove(from);
                            self.plan().section_mut(section).insert(to, item);
                            self.keep()?;
                        }
                    }
                }
                _ => return Ok(()),
            }
        }
    }

    fn change_sentence(&mut self, section: Section, i: usize) -> Result<()> {
        let current = self.draft.plan.section(section)[i].text.clone();
        let key = sentence_key(section, &current);
        if let Some(text) = self.ask_about(key, CHANGE, &current)? {
            self.plan().section_mut(section)[i].text = text;
            self.keep()?;
            self.mind_who_it_names(Words::Sentence(section, i))?;
        }
        Ok(())
    }

    /// After a step is kept: when its words name someone she marked "do
    /// not involve", says so gently and lets her keep it as written (she
    /// may mean "don't call Dermot") or change it. Her words are never
    /// refused; Esc keeps them.
    pub(super) fn mind_who_it_names(&mut self, at: Words) -> Result<()> {
        if let Words::Sentence(section, _) = at
            && !crate::plan::mentions::STEP_SECTIONS.contains(&section)
        {
            return Ok(());
        }
        loop {
            let text = at.text(&self.draft.plan).to_string();
            let named: Vec<String> = crate::plan::mentions::not_to_involve(&self.draft.plan, &text)
                .into_iter()
                .map(|c| c.name.clone())
                .collect();
            // Her brother's number without his name is his too (Noa).
            let number = match crate::plan::mentions::number_doubt(&self.draft.plan, &text) {
                Some(crate::plan::mentions::NumberDoubt::NotToInvolve(them)) => {
                    Some(them.name.clone())
                }
                _ => None,
            };
            let said = match (named.is_empty(), number) {
                (false, _) => format!(
                    "This step names {}, whom you marked not to involve in a crisis. That may be just what you meant.",
                    crate::render::and_list(
                        &named
                            .iter()
                            .map(|n| crate::render::quoted(n))
                            .collect::<Vec<_>>()
                    )
                ),
                (true, Some(them)) => format!(
                    "This step holds the number of {}, whom you marked not to involve in a crisis. That may be just what you meant.",
                    crate::render::quoted(&them)
                ),
                (true, None) => return Ok(()),
            };
            self.say(&said)?;
            let choices = [KEEP_AS_WRITTEN, "Change it"];
            if self.choose("Keep it as you wrote it?", &choices, None)? != Some(1) {
                return Ok(());
            }
            match self.ask.text(CHANGE, &text)? {
                Some(changed) if changed != text => {
                    *at.text_mut(self.plan()) = changed;
                    self.keep()?;
                }
                _ => return Ok(()),
            }
        }
    }

    /// Whether words a Ctrl-C stopped last time wait for this question,
    /// asked from `initial`: the walk-through then goes to it, rather than
    /// past it on a menu's first choice, where Enter dropped them unseen.
    fn waits_for(&self, question: &str, initial: &str) -> bool {
        self.ask
            .waiting()
            .is_some_and(|unsent| unsent.question == question && unsent.initial == initial)
    }

    fn add_sentences(&mut self, section: Section) -> Result<()> {
        self.say("One at a time; Enter on an empty line when you're done.")?;
        loop {
            let Some(text) = self.ask.text(ask_for(section), "")? else {
                return Ok(());
            };
            if self.said_already_there(section, &text)? {
                continue;
            }
            self.plan().section_mut(section).push(TextItem::new(text));
            self.keep()?;
            let i = self.draft.plan.section(section).len() - 1;
            self.mind_who_it_names(Words::Sentence(section, i))?;
        }
    }

    /// Sentences one at a time, without the "one at a time" line (said once
    /// before several sections).
    pub(super) fn add_sentences_quietly(&mut self, section: Section) -> Result<()> {
        while let Some(text) = self.ask.text(ask_for(section), "")? {
            if self.said_already_there(section, &text)? {
                continue;
            }
            self.plan().section_mut(section).push(TextItem::new(text));
            self.keep()?;
            let i = self.draft.plan.section(section).len() - 1;
            self.mind_who_it_names(Words::Sentence(section, i))?;
        }
        Ok(())
    }

    /// Whether `text` is already in `section` in the same words, said so
    /// when it is (it was added a second time).
    fn said_already_there(&mut self, section: Section, text: &str) -> Result<bool> {
        let items = self.draft.plan.section(section);
        let Some(n) = crate::plan::same::same_words(items.iter().map(|i| i.text.as_str()), text)
        else {
            return Ok(false);
        };
        let saved = items[n - 1].text.clone();
        self.already_there(text, &saved)?;
        Ok(true)
    }

    fn show_sentences(&mut self, section: Section) -> Result<()> {
        if self.draft.plan.section(section).is_empty() {
            return self.ask.show(&format!("{}: none yet", section.title()));
        }
        let text = crate::render::to_text(|text| {
            crate::render::tables::write_section(text, &self.draft.plan, section, self.style())
        });
        self.ask.show(&text)
    }

    /// One of the section's sentences, the cursor at `start` (`None` to
    /// remove one: see [`Wizard::pick_from`]).
    fn pick_sentence(
        &mut self,
        section: Section,
        question: &str,
        start: Option<usize>,
    ) -> Result<Option<usize>> {
        let choices: Vec<String> = self
            .draft
            .plan
            .section(section)
            .iter()
            .enumerate()
            .map(|(i, item)| format!("{}. {}", i + 1, item.text))
            .collect();
        self.pick_from(question, choices, start)
    }

    /// People and services.
    pub(super) fn contacts(&mut self) -> Result<()> {
        self.say(
            "Who can you turn to? People who take your mind off things, people you can ask for help, and professionals. You can also note someone NOT to involve. One at a time; Enter on an empty name when you're done.",
        )?;
        if self.draft.plan.contacts.is_empty() || self.waits_for(NEW_NAME, "") {
            while self.add_contact()? {}
        }
        // Words stopped inside someone's details go back to that very
        // person, found by their id (not by a place in the list or by an
        // answer that looks the same: Layla's words for her third contact
        // went onto her fourth), and the question names them.
        let stopped_in = self.waiting_about().and_then(|key| {
            let (id, field) = key.strip_prefix("contact:")?.rsplit_once(':')?;
            let i = self.draft.plan.contacts.iter().position(|c| c.id == id)?;
            Some((i, field.to_string()))
        });
        if let Some((i, field)) = stopped_in {
            let name = clean(&self.draft.plan.contacts[i].name);
            self.say(&format!("Carrying on with {name}."))?;
            match field.as_str() {
                "name" => self.edit_contact(i)?,
                // Her role for them was chosen before this question.
                "reachable" => self.ask_reachable(i)?,
                _ => {
                    // Stopped at the phone of someone new, whose role is
                    // not chosen yet (kept as not to involve until it is):
                    // the role question starts on no choice, as it would
                    // have.
                    let unchosen = !self.draft.plan.contacts[i].to_involve();
                    self.contact_details(i, unchosen)?;
                }
            }
        }
        loop {
            if !self.draft.plan.contacts.is_empty() {
                let t = crate::render::tables::contacts_table(&self.draft.plan, self.style());
                self.ask.show(&format!("{t}\n"))?;
            }
            match self.choose(
                "What next?",
                &[DONE, "Add someone", "Change someone", "Remove someone"],
                Some(0),
            )? {
                Some(1) => while self.add_contact()? {},
                Some(2) => {
                    if let Some(i) = self.pick_contact("Who?", Some(0))? {
                        self.edit_contact(i)?;
                    }
                }
                Some(3) => {
                    if let Some(i) = self.pick_contact("Who should go?", None)? {
                        let id = self.draft.plan.contacts[i].id.clone();
                        self.plan().remove::<Contact>(&id, true)?;
                        self.keep()?;
                    }
                }
                _ => return self.offer_links(),
            }
        }
    }

    /// Adds one contact; `false` when the person left the name empty.
    fn add_contact(&mut self) -> Result<bool> {
        let Some(name) = self.contact_name(NEW_NAME, "", None)? else {
            return Ok(false);
        };
        let id = self.draft.plan.new_id::<Contact>(&name);
        // Kept as someone not to involve until she says who they are: a
        // walk-through stopped before the role question must never leave
        // them on the crisis screen as someone to call.
        self.plan().add(Contact {
            id,
            name,
            phone: None,
            role: Role::DoNotInvolve,
            reachable: None,
        })?;
        self.keep()?;
        let i = self.draft.plan.contacts.len() - 1;
        self.contact_details(i, true)?;
        Ok(true)
    }

    /// A contact's name, asked again while it looks the same as another
    /// contact's (`except`: the one being changed), as `contact add` refuses
    /// it: two people who look alike can't be told apart when it matters.
    /// Takes out of a typed name or number what does not show, saying so.
    fn say_tidied(&mut self, name: &mut String, phone: Option<&mut String>) -> Result<()> {
        for tidied in crate::plan::hidden::tidy_typed(name, phone) {
            self.say(&crate::render::tidied_words(&tidied))?;
        }
        Ok(())
    }

    fn contact_name(
        &mut self,
        question: &str,
        current: &str,
        except: Option<&str>,
    ) -> Result<Option<String>> {
        loop {
            let typed = match except {
                Some(id) => self.ask_about(format!("contact:{id}:name"), question, current)?,
                None => self.ask.text(question, current)?,
            };
            let Some(mut name) = typed else {
                return Ok(None);
            };
            self.say_tidied(&mut name, None)?;
            let Some(other) = self.draft.plan.contact_looking_like(&name, except) else {
                return Ok(Some(name));
            };
            let (shown, theirs) = (
                crate::render::clean(&name),
                crate::render::clean(&other.name),
            );
            let differs = crate::render::how_names_differ(&name, &other.name);
            // The very name, or one name typed two ways, shows the same
            // twice: said once.
            let same = if name == other.name {
                format!("“{theirs}” is already in your plan")
            } else if crate::plan::same::same_text(&name, &other.name) {
                format!("“{theirs}” is already in your plan ({differs})")
            } else {
                format!("“{shown}” looks the same as “{theirs}”, already in your plan ({differs})")
            };
            let said = format!(
                "{same}. Give this one a name of its own (add a surname, or \"(work)\"), or leave it empty to stop."
            );
            self.say(&said)?;
        }
    }

    fn edit_contact(&mut self, i: usize) -> Result<()> {
        let current = self.draft.plan.contacts[i].name.clone();
        let id = self.draft.plan.contacts[i].id.clone();
        if let Some(name) = self.contact_name(NAME, &current, Some(&id))? {
            self.plan().contacts[i].name = name;
            self.keep()?;
        }
        self.contact_details(i, false)
    }

    /// Their phone, who they are for her (asked afresh for someone `new`),
    /// and when they can be reached.
    fn contact_details(&mut self, i: usize, new: bool) -> Result<()> {
        let phone = self.draft.plan.contacts[i]
            .phone
            .clone()
            .unwrap_or_default();
        let key = format!("contact:{}:phone", self.draft.plan.contacts[i].id);
        let question = phone_question(&self.draft.plan.contacts[i].name);
        let mut typed = self.ask_about(key, &question, &phone)?;
        if let Some(number) = typed.as_mut() {
            self.say_tidied(&mut String::new(), Some(number))?;
        }
        if !new && self.number_not_to_involve(i, typed.as_deref())? {
            typed.clone_from(&self.draft.plan.contacts[i].phone);
        }
        // The number it replaces is kept, so a step still holding it is
        // marked as their old number (Noa's sister).
        self.plan().set_phone(i, typed);
        self.keep()?;
        self.mind_old_number(i, &phone)?;
        let name = self.draft.plan.contacts[i].name.clone();
        let current = (!new).then_some(self.draft.plan.contacts[i].role);
        if let Some(role) = ask_role(self.ask, &name, current)? {
            let id = self.draft.plan.contacts[i].id.clone();
            let phone = self.draft.plan.contacts[i].phone.clone();
            // Never as help someone who is the same person as one she
            // marked not to involve (Shirin's نيما for her نیما): said,
            // and their role left as it was.
            if role != Role::DoNotInvolve
                && let Some(them) =
                    self.draft
                        .plan
                        .not_to_involve_like(&name, phone.as_deref(), Some(&id))
            {
                let said = format!(
                    "{} is on your plan as someone not to involve in a crisis, so {} is not added as someone to turn to. If that has changed, change {}’s role first, under “Change someone”.",
                    clean(&them.name),
                    clean(&name),
                    clean(&them.name)
                );
                self.say(&said)?;
                return Ok(());
            }
            self.plan().contacts[i].role = role;
            if role == Role::DoNotInvolve {
                self.plan().unlink(Entry::Contact, &id);
            }
            self.keep()?;
        }
        if self.draft.plan.contacts[i].to_involve() {
            self.ask_reachable(i)?;
        } else {
            self.mind_left_off(i)?;
        }
        Ok(())
    }

    /// Contact `i`, marked not to involve, with the number (or the name)
    /// of someone she turns to, who would then be left off every screen
    /// (see [`crate::plan::Plan::newly_left_off`]): said, and asked
    /// whether to keep it; if not, the number (or the name) is asked
    /// again. Mulu's sister vanished from `now` when "0911 23 45 67", her
    /// "+251 91 123 4567" typed another way, was saved for someone else.
    fn mind_left_off(&mut self, i: usize) -> Result<()> {
        loop {
            let mut before = self.draft.plan.clone();
            before.contacts[i].role = Role::Help;
            let Some(left) = self.draft.plan.newly_left_off(&before).into_iter().next() else {
                return Ok(());
            };
            let quoted = crate::render::quoted;
            let (what, typed) = if left.by_number {
                (
                    "number",
                    left.them.phone.as_deref().unwrap_or_default().trim(),
                )
            } else {
                ("name", left.them.name.as_str())
            };
            let said = format!(
                "{} is the same {what} as {}, someone you turn to. With {} marked not to involve, {} would be left off your crisis screen, card and printout.",
                quoted(typed),
                quoted(&left.helper.name),
                quoted(&left.them.name),
                quoted(&left.helper.name),
            );
            let by_number = left.by_number;
            self.say(&said)?;
            if self.ask.confirm("Keep it anyway?", false)? {
                return Ok(());
            }
            let contact = &self.draft.plan.contacts[i];
            let (name, id) = (contact.name.clone(), contact.id.clone());
            if by_number {
                let phone = contact.phone.clone().unwrap_or_default();
                let key = format!("contact:{id}:phone");
                let mut typed = self.ask_about(key, &phone_question(&name), &phone)?;
                if let Some(number) = typed.as_mut() {
                    self.say_tidied(&mut String::new(), Some(number))?;
                }
                // Not kept as a number they had: it was theirs only a
                // moment, and it is her helper's.
                self.plan().contacts[i].phone = typed;
            } else if let Some(name) = self.contact_name(NAME, &name, Some(&id))? {
                self.plan().contacts[i].name = name;
            }
            self.keep()?;
        }
    }

    /// Whether `typed`, the new number for contact `i` (someone to turn
    /// to), is the number of someone she marked not to involve: said in
    /// the words `contact edit` refuses it with, and the number left as
    /// it was (Noa's therapist given her brother's number vanished from
    /// `now` in silence).
    fn number_not_to_involve(&mut self, i: usize, typed: Option<&str>) -> Result<bool> {
        let contact = &self.draft.plan.contacts[i];
        let Some(them) = typed.filter(|_| contact.to_involve()).and_then(|typed| {
            self.draft
                .plan
                .not_to_involve_like("", Some(typed), Some(&contact.id))
        }) else {
            return Ok(false);
        };
        let said = format!(
            "{} is on your plan as someone not to involve in a crisis, so {} was not given their number as someone to turn to. Their number is kept as it was.",
            clean(&them.name),
            clean(&contact.name)
        );
        self.say(&said)?;
        Ok(true)
    }

    /// After contact `i`'s number changed from `old`: the crisis steps
    /// that still hold the old number, in her words, and where to change
    /// them. Her words are never changed for her.
    fn mind_old_number(&mut self, i: usize, old: &str) -> Result<()> {
        use crate::plan::mentions::{numbers_in, same_number, steps_holding};
        let now = self.draft.plan.contacts[i]
            .phone
            .clone()
            .unwrap_or_default();
        let was = numbers_in(old);
        if was.is_empty()
            || numbers_in(&now)
                .iter()
                .any(|n| was.iter().any(|o| same_number(n, o)))
        {
            return Ok(());
        }
        let steps: Vec<(usize, String)> = steps_holding(&self.draft.plan, old)
            .into_iter()
            .map(|(n, text)| (n, text.to_string()))
            .collect();
        let how = if steps.len() == 1 {
            "you can change it under “Crisis steps”."
        } else {
            "you can change them under “Crisis steps”."
        };
        for line in crate::render::old_number_in_steps(old, &steps, how) {
            // A step keeps its indent, as in every list.
            match line.strip_prefix("  ") {
                Some(step) => {
                    let shown = crate::render::wrap(step, self.style().width, "  ", "     ");
                    self.ask.show(&shown)?;
                }
                None => self.say(&line)?,
            }
        }
        Ok(())
    }

    /// When contact `i` can be reached, asked by their name.
    fn ask_reachable(&mut self, i: usize) -> Result<()> {
        let contact = &self.draft.plan.contacts[i];
        let when = contact.reachable.clone().unwrap_or_default();
        let key = format!("contact:{}:reachable", contact.id);
        let question = reachable_question(&contact.name);
        self.plan().contacts[i].reachable = self.ask_about(key, &question, &when)?;
        self.keep()
    }

    /// One of her people, the cursor at `start` (`None` to remove one).
    fn pick_contact(&mut self, question: &str, start: Option<usize>) -> Result<Option<usize>> {
        let choices: Vec<String> = self
            .draft
            .plan
            .contacts
            .iter()
            .map(|c| c.name.clone())
            .collect();
        self.pick_from(question, choices, start)
    }
}

/// Who `name` is for the person: distraction, help, professional or not
/// to involve, in that order (the safety plan's), in the words every
/// screen uses. With a role already chosen (`current`) the menu starts on
/// it and Esc keeps it. With none, the cursor starts on no role, and Enter
/// there or Esc says why one is needed and asks on: filing someone she
/// meant not to involve as a helper would put them on her crisis screen,
/// and the reverse would hide a helper from it, so neither is chosen for
/// her. `None` only when Esc keeps `current`.
pub fn ask_role(ask: &mut dyn Prompter, name: &str, current: Option<Role>) -> Result<Option<Role>> {
    // In the order of `Role::ALL`, in the words every screen uses for a
    // role, a capital first.
    let choices: Vec<String> = Role::ALL
        .iter()
        .map(|r| {
            let words = crate::render::role_words(*r);
            let mut chars = words.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_uppercase().chain(chars).collect()
            })
        })
        .collect();
    let question = format!("Who is {} for you?", clean(name));
    let Some(current) = current else {
        let why = format!(
            "Nothing chosen yet for {}: move to the one that fits with {}, then Enter. Your plan shows the people you can call when things are hard, and never shows someone not to involve.",
            clean(name),
            crate::prompt::down_key(ask.plain())
        );
        let i = ask.select_needed(&question, &choices, &why)?;
        return Ok(Some(Role::ALL[i.min(Role::ALL.len() - 1)]));
    };
    let start = Role::ALL.iter().position(|r| *r == current);
    Ok(ask
        .select(&question, &choices, start)?
        .map(|i| Role::ALL[i.min(Role::ALL.len() - 1)]))
}

/// The stable key of a sentence being changed: its section and its words
/// as they were (sentences carry no id).
fn sentence_key(section: Section, text: &str) -> String {
    format!("sentence:{}={text}", section.key())
}

/// What a list section asks for, as a person would ask it.
fn ask_for(section: Section) -> &'static str {
    match section {
        Section::Reasons => "What keeps you going?",
        Section::WarningSigns => "A sign that things are sliding?",
        Section::CrisisSteps => "What will you do, in order?",
        Section::SafeEnvironment => "What could you make safer?",
        Section::LapsePlan => "What will you do if you slip?",
        Section::Maintenance => "What helps you stay well each day?",
        Section::Helps => "What helps you when you're struggling?",
        Section::DoesNotHelp => "What does not help?",
        Section::WhoDoesWhat => "Who does what?",
        Section::StandDown => "How can they tell the crisis is over?",
        Section::AfterCrisis => "What do you need in the days after?",
    }
}
