//! Risk ranking: ratings on explained scales, the priority table, then an
//! optional pairwise refinement ("which would be harder?") by binary
//! insertion, saved as the person's own rank.

use super::Wizard;
use crate::error::{Error, Result};
use crate::plan::Trigger;
use crate::plan::priority::{fully_rated, sorted};
use crate::plan::ranking::{Stopped, keep_earlier_answers, max_questions, rank_pairwise};
use crate::render::{counted, plural};

const LIKELIHOOD: [&str; 6] = [
    "0: it won't happen",
    "1: very unlikely",
    "2: unlikely",
    "3: it might",
    "4: likely",
    "5: almost certain",
];
const INTENSITY: [&str; 6] = [
    "0: no urge at all",
    "1: a slight pull",
    "2: noticeable",
    "3: strong",
    "4: very strong",
    "5: overwhelming",
];
/// Confidence in steps of 20, as the Situational Confidence Questionnaire asks.
pub(super) const CONFIDENCE: [&str; 6] = [
    "0%: not at all sure",
    "20%",
    "40%",
    "60%",
    "80%",
    "100%: completely sure",
];

/// Why pairwise ranking stopped early.
enum Stop {
    Skipped,
    Failed(Error),
}

impl Wizard<'_> {
    /// Rates every trigger, shows the priority table, and offers to refine
    /// the order by comparing pairs.
    pub fn rank(&mut self) -> Result<()> {
        if self.draft.plan.triggers.is_empty() {
            return self
                .ask
                .show("There are no triggers to rank yet: add some first (`relapse-plan map`).");
        }
        // Ask only what is missing; ratings already given are offered again
        // only if the person wants to change them.
        let unrated: Vec<usize> = (0..self.draft.plan.triggers.len())
            .filter(|&i| !is_rated(&self.draft.plan.triggers[i]))
            .collect();
        let rated = self.draft.plan.triggers.len() - unrated.len();
        if !unrated.is_empty() {
            self.say(
                "For each trigger, three quick ratings: how likely it is in the next month, how strong the urge would be, and how sure you are you could get through it.",
            )?;
        }
        for i in unrated {
            self.rate(i)?;
        }
        if rated > 0 {
            let question = counted(
                rated,
                "trigger",
                "is rated already. Change its ratings?",
                "are rated already. Change their ratings?",
            );
            if self.ask.confirm(&question, false)? {
                for i in 0..self.draft.plan.triggers.len() {
                    if is_rated(&self.draft.plan.triggers[i]) {
                        self.rate(i)?;
                    }
                }
            }
        }
        self.show_priorities()?;
        // Only the triggers rated in full are compared: one with a rating
        // skipped has no place among them yet (Shirin, issue 13: compared
        // as the hardest, a barely rated one went above all the others).
        let n = self
            .draft
            .plan
            .triggers
            .iter()
            .filter(|t| fully_rated(t))
            .count();
        if n < 2 {
            return Ok(());
        }
        self.say_left_out()?;
        let most = max_questions(n);
        self.say(&format!(
            "You can also put them in your own order by comparing two at a time: at most {}. Esc stops comparing and keeps the answers you gave.",
            plural(most, "question")
        ))?;
        if self.ask.confirm("Compare them now?", true)? {
            self.refine()?;
        }
        Ok(())
    }

    /// Rates the triggers that have no ratings yet (after `map` adds some).
    pub(super) fn rate_unrated(&mut self) -> Result<()> {
        for i in 0..self.draft.plan.triggers.len() {
            if !is_rated(&self.draft.plan.triggers[i]) {
                self.rate(i)?;
            }
        }
        Ok(())
    }

    fn rate(&mut self, i: usize) -> Result<()> {
        let situation = self.draft.plan.triggers[i].situation.clone();
        self.ask.show(&format!(
            "\n{}",
            crate::render::wrap(&situation, self.style().width.saturating_sub(1), "", "")
        ))?;
        let trigger = &self.draft.plan.triggers[i];
        let (likely, intense, sure) = (trigger.likelihood, trigger.intensity, trigger.confidence);
        if let Some(v) = self.ask.select(
            "How likely is it in the next month?",
            &saved_marked(&LIKELIHOOD, likely.map(usize::from)),
            None,
        )? {
            self.plan().triggers[i].likelihood = Some(small(v));
            self.keep()?;
        }
        if let Some(v) = self.ask.select(
            "How strong would the urge be?",
            &saved_marked(&INTENSITY, intense.map(usize::from)),
            None,
        )? {
            self.plan().triggers[i].intensity = Some(small(v));
            self.keep()?;
        }
        let saved = sure.map(|c| usize::from(c.div_ceil(20)).min(5));
        if let Some(v) = self.ask.select(
            // Fits any recovery: drink, drugs, gambling, self-harm, pills.
            "How sure are you that you could get through it without a lapse?",
            &saved_marked(&CONFIDENCE, saved),
            None,
        )? {
            self.plan().triggers[i].confidence = Some(small(v * 20));
            self.keep()?;
        }
        Ok(())
    }

    fn show_priorities(&mut self) -> Result<()> {
        let table =
            crate::render::tables::triggers_table_without_ids(&self.draft.plan, self.style());
        let about = crate::render::wrap(
            &crate::plan::priority::rule(&self.draft.plan.triggers),
            self.style().width,
            "",
            "",
        );
        self.ask.show(&format!("\n{about}\n{table}"))
    }

    /// Says which triggers are left out of comparing, in her words: those
    /// not fully rated yet.
    fn say_left_out(&mut self) -> Result<()> {
        let plan = &self.draft.plan;
        let left_out: Vec<String> = plan
            .triggers
            .iter()
            .filter(|t| !fully_rated(t))
            .map(|t| {
                let n = plan.number_of::<Trigger>(&t.id).unwrap_or(0);
                format!("{n}. {}", crate::render::clean(&t.situation))
            })
            .collect();
        if left_out.is_empty() {
            return Ok(());
        }
        let said = counted(
            left_out.len(),
            "trigger",
            "is not fully rated yet, so it is left out of comparing and listed after the rated ones:",
            "are not fully rated yet, so they are left out of comparing and listed after the rated ones:",
        );
        let width = self.style().width.saturating_sub(1);
        let list: Vec<String> = left_out
            .iter()
            .map(|line| crate::render::wrap(line, width, "  ", "     "))
            .collect();
        self.ask.show(&format!(
            "{}\n{}",
            crate::render::wrap(&said, width, "", ""),
            list.join("\n")
        ))
    }

    /// Binary insertion, starting from the current order so few questions
    /// are needed. Every answer given is kept: Esc (or Ctrl-C) part-way
    /// keeps the order the answers so far gave, and says so.
    fn refine(&mut self) -> Result<()> {
        let start: Vec<(String, String)> = sorted(&self.draft.plan.triggers)
            .iter()
            .filter(|t| fully_rated(t))
            .map(|t| (t.id.clone(), t.situation.clone()))
            .collect();
        // The trigger being placed and how many answers it has had, to
        // say so if a stop leaves it between two places.
        let mut placing: Option<((String, String), usize)> = None;
        let ranked = rank_pairwise(&start, |a, b| {
            let choices = [a.1.clone(), b.1.clone()];
            let answered = match &placing {
                Some((item, n)) if item == a => *n,
                _ => 0,
            };
            placing = Some((a.clone(), answered));
            match self.ask.select_or_stop(
                "Which of these would be harder for you to handle?",
                &choices,
                None,
                "stopped comparing (Esc)",
            ) {
                Ok(Some(choice)) => {
                    placing = Some((a.clone(), answered + 1));
                    Ok(choice == 0)
                }
                Ok(None) => Err(Stop::Skipped),
                Err(e) => Err(Stop::Failed(e)),
            }
        });
        match ranked {
            Ok(ranked) => {
                self.put_in_order(&ranked, true)?;
                let order = self.numbered(&ranked);
                self.ask.show(&format!(
                    "{}\n{order}",
                    self.order_heading(&ranked, "Your order, hardest first")
                ))
            }
            Err(Stopped { placed, why }) => {
                // One trigger placed alone took no answer: nothing to keep.
                let kept = placed.len() > 1;
                if kept {
                    self.put_in_order(&placed, false)?;
                }
                if let Stop::Failed(e) = why {
                    return Err(e);
                }
                let said = if kept {
                    self.stopped_words(&placed, start.len(), placing)
                } else {
                    "Stopped comparing before any answer: your ratings are kept and the order is as it was.".to_string()
                };
                let width = self.style().width.saturating_sub(1);
                let said: Vec<String> = said
                    .split('\n')
                    .map(|line| {
                        if line.starts_with("  ") {
                            line.to_string()
                        } else {
                            crate::render::wrap(line, width, "", "")
                        }
                    })
                    .collect();
                self.ask.show(&said.join("\n"))
            }
        }
    }

    /// What a stop part-way kept, said plainly: how many she compared, those
    /// in the order she chose, and the others by her ratings (or by her
    /// earlier comparing, when that order still holds), never "chosen by
    /// comparing" for an order she did not choose (Shirin, issue 13).
    fn stopped_words(
        &self,
        placed: &[(String, String)],
        of: usize,
        placing: Option<((String, String), usize)>,
    ) -> String {
        let others = of - placed.len();
        let before = self
            .draft
            .plan
            .triggers
            .iter()
            .filter(|t| {
                t.rank.is_some() && fully_rated(t) && !placed.iter().any(|(id, _)| *id == t.id)
            })
            .count();
        let mut said = format!(
            "Stopped comparing. You put {} of {of} triggers in order; {} in the order you chose, hardest first:\n{}",
            placed.len(),
            if placed.len() == 2 {
                "both are"
            } else {
                "they are"
            },
            self.numbered(placed)
        );
        if others > 0 {
            let whom = if others == 1 {
                "The other one keeps its place".to_string()
            } else {
                format!("The other {others} keep their places")
            };
            let how = if before == 0 {
                "by your ratings"
            } else {
                "by your earlier answers, and by your ratings where those do not say"
            };
            said = format!("{said}\n{whom} {how}.");
        }
        if let Some(((_, situation), n)) = placing.filter(|(_, n)| *n > 0) {
            said = format!(
                "{said} “{}” needed {} to find its place, so it keeps its place by your ratings too.",
                crate::render::clean(&situation),
                if n == 1 {
                    "one more answer"
                } else {
                    "more answers"
                }
            );
        }
        said
    }

    /// Gives the triggers `placed` (hardest first) ranks 1, 2, 3…. After
    /// a comparing that went all the way (`complete`), those are every
    /// trigger rated in full. After a stop part-way, those ranked by an
    /// earlier comparing and not reached now keep the places her earlier
    /// answers gave them ([`keep_earlier_answers`]): Esc once dropped
    /// them, and one went back above a trigger she had called harder
    /// (Mulu). One not fully rated yet holds no rank: it is listed after
    /// the rated ones.
    fn put_in_order(&mut self, placed: &[(String, String)], complete: bool) -> Result<()> {
        let placed: Vec<String> = placed.iter().map(|(id, _)| id.clone()).collect();
        let order = if complete {
            placed
        } else {
            let earlier: Vec<String> = sorted(&self.draft.plan.triggers)
                .iter()
                .filter(|t| t.rank.is_some() && fully_rated(t))
                .map(|t| t.id.clone())
                .collect();
            let priority: std::collections::HashMap<&String, _> = self
                .draft
                .plan
                .triggers
                .iter()
                .map(|t| (&t.id, crate::plan::priority::Priority::of(t)))
                .collect();
            keep_earlier_answers(&earlier, &placed, |a, b| priority.get(a) > priority.get(b))
        };
        for t in &mut self.plan().triggers {
            t.rank = order
                .iter()
                .position(|id| *id == t.id)
                .map(|at| u32::try_from(at + 1).unwrap_or(u32::MAX));
        }
        self.keep()
    }

    /// The heading over a list of triggers in her order: when their
    /// numbers do not run 1, 2, 3, it says each keeps its number, as
    /// `map` does, so the number is the one every list and command gives
    /// it (issue 13: after comparing in `new` the list was numbered by
    /// place, and "1" there was another trigger's number).
    fn order_heading(&self, triggers: &[(String, String)], heading: &str) -> String {
        let in_sequence = triggers
            .iter()
            .enumerate()
            .all(|(i, (id, _))| self.draft.plan.number_of::<Trigger>(id) == Some(i + 1));
        if in_sequence {
            format!("{heading}:")
        } else {
            format!("{heading} (each keeps the number it was added with):")
        }
    }

    /// Triggers as a list in her words, wrapped to the screen, each with
    /// the number every list and command gives it (the order she added
    /// them), never its place in this list.
    fn numbered(&self, triggers: &[(String, String)]) -> String {
        triggers
            .iter()
            .map(|(id, s)| {
                let n = self.draft.plan.number_of::<Trigger>(id).unwrap_or(0);
                let line = format!("{n}. {}", crate::render::clean(s));
                crate::render::wrap(&line, self.style().width.saturating_sub(1), "  ", "     ")
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// A rating's choices, the one saved (if any) marked "(saved)": the cursor
/// starts on none, so a stray Enter never rates for her, and Esc keeps
/// what is saved.
fn saved_marked(choices: &[&str], saved: Option<usize>) -> Vec<String> {
    choices
        .iter()
        .enumerate()
        .map(|(i, words)| {
            if Some(i) == saved {
                format!("{words} (saved)")
            } else {
                (*words).to_string()
            }
        })
        .collect()
}

fn is_rated(t: &crate::plan::Trigger) -> bool {
    t.likelihood.is_some() && t.intensity.is_some() && t.confidence.is_some()
}

fn small(value: usize) -> u8 {
    u8::try_from(value).unwrap_or(u8::MAX)
}
