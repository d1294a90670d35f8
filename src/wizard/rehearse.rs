//! One coping rehearsal: picture the situation, say what you will do, see
//! the plan beside it, and say how much you recalled and how sure you feel.

use std::fmt::Write as _;

use toml::value::Datetime;

use super::rank::CONFIDENCE;
use crate::error::Result;
use crate::plan::Plan;
use crate::plan::rehearsal::{Recall, Rehearsal};
use crate::prompt::Prompter;
use crate::render::clean;

/// What a trigger with nothing planned for it says instead of a rehearsal:
/// her situation, that it has no plan yet, and the one command that plans
/// one (`map` offers a response for every trigger without one).
pub fn no_plan_yet(situation: &str) -> String {
    format!(
        "“{}” has no plan yet, so there is nothing to practise for it. When you are ready, `relapse-plan map` helps you plan what you will do when it happens: something to do, someone to call, or both.",
        clean(situation)
    )
}

/// Said when Esc leaves a question a practice needs to be logged: it
/// ended without a word, and what she wrote seemed kept.
const NOT_LOGGED: &str = "This practice was not logged: it needs that answer. What you wrote is on the screen above; run `relapse-plan rehearse` again when you are ready.";

/// Runs one rehearsal of `trigger_id`; `None` when the person stopped, or
/// when nothing is planned for it yet (said, and nothing asked: there is
/// nothing to recall or to score).
pub fn rehearse(
    ask: &mut dyn Prompter,
    plan: &Plan,
    trigger_id: &str,
    last_confidence: Option<u8>,
    now: Datetime,
) -> Result<Option<Rehearsal>> {
    let Some(trigger) = plan.trigger(trigger_id) else {
        return Ok(None);
    };
    if !trigger.has_response() {
        let width = ask.width();
        ask.show(&crate::render::wrap(
            &no_plan_yet(&trigger.situation),
            width,
            "",
            "",
        ))?;
        return Ok(None);
    }
    let mut scene = format!("\nPicture this: {}", clean(&trigger.situation));
    for (label, list) in [
        ("You might think", &trigger.thoughts),
        ("You might feel", &trigger.feelings),
        // Her urge is what she practises handling, never a suggestion:
        // "You might want to: <cut my arm>" read as advice (Kavya).
        ("When the urge comes", &trigger.urges),
    ] {
        if !list.is_empty() {
            let words: Vec<String> = list.iter().map(|s| clean(s)).collect();
            let _ = write!(scene, "\n{label}: {}", words.join("; "));
        }
    }
    ask.show(&scene)?;
    let mut response = ask
        .text(
            "What will you do? Say it in your own words (Ctrl-C stops at any time)",
            "",
        )?
        .unwrap_or_default();
    if response.trim().is_empty() {
        // A stray Enter logged a rehearsal with nothing in it, counted
        // toward homework (Min-jun): asked once more, and an empty answer
        // the second time is hers to give.
        response = ask
            .text(
                "Nothing typed yet. What would you do, even in a few words? (Enter again goes on without)",
                "",
            )?
            .unwrap_or_default();
    }

    let mut planned = planned_lines(plan, trigger, ask.plain());
    if planned.is_empty() {
        // Linked to entries no longer in the plan (a hand-edited file).
        planned.push("  (nothing from your plan to show)".into());
    }
    let yours = if response.is_empty() {
        "(nothing typed)".to_string()
    } else {
        clean(&response)
    };
    ask.show(&format!(
        "\nYou said:\n  {yours}\nYour plan says:\n{}",
        planned.join("\n")
    ))?;

    let recall_choices = [
        "All of it".to_string(),
        "Some of it".to_string(),
        "None of it (that's fine: it's why we practise)".to_string(),
    ];
    let Some(recalled) = ask.select(
        "How much of your plan did you recall?",
        &recall_choices,
        None,
    )?
    else {
        ask.show(NOT_LOGGED)?;
        return Ok(None);
    };
    let choices = confidence_choices(last_confidence.or(trigger.confidence));
    let Some(confidence) = ask.select(
        "How sure are you now that you could handle it?",
        &choices,
        None,
    )?
    else {
        ask.show(NOT_LOGGED)?;
        return Ok(None);
    };
    Ok(Some(Rehearsal {
        trigger: trigger.id.clone(),
        at: now,
        response,
        recalled: [Recall::All, Recall::Some, Recall::None][recalled.min(2)],
        confidence: u8::try_from(confidence * 20).unwrap_or(100),
        other: toml::Table::new(),
    }))
}

/// How sure she is now is hers to say: the menu starts on none, and what
/// she said last time (`last`, 0-100) is marked, not chosen for her.
fn confidence_choices(last: Option<u8>) -> Vec<String> {
    let last = last.map(|c| usize::from(c.div_ceil(20)).min(5));
    CONFIDENCE
        .iter()
        .enumerate()
        .map(|(i, words)| {
            if Some(i) == last {
                format!("{words} (last time)")
            } else {
                (*words).to_string()
            }
        })
        .collect()
}

/// Her plan's response to a trigger, as rehearse shows it under hers: each
/// way of coping with its steps, and each person with their number.
fn planned_lines(plan: &Plan, trigger: &crate::plan::Trigger, bare: bool) -> Vec<String> {
    let mut planned = Vec::new();
    for id in &trigger.coping {
        if let Some(c) = plan.coping_strategy(id) {
            planned.push(format!("  {}", clean(&c.name)));
            planned.extend(
                c.steps
                    .iter()
                    .enumerate()
                    .map(|(i, s)| format!("    {}. {}", i + 1, clean(s))),
            );
        }
    }
    for id in &trigger.contacts {
        if let Some(c) = plan.contact(id) {
            let phone = c
                .phone
                .as_deref()
                .map(|p| {
                    // No dot beside Arabic script, where it reads as "٠".
                    let between = if bare {
                        ", "
                    } else {
                        crate::render::separator_between(&[&c.name, p])
                    };
                    format!("{between}{}", clean(p))
                })
                .unwrap_or_default();
            planned.push(format!("  Call {}{phone}", clean(&c.name)));
        }
    }
    planned
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Contact, Role, Trigger};
    use crate::prompt::Scripted;

    #[test]
    fn esc_where_the_log_needs_an_answer_says_it_was_not_logged() {
        // Oksana pressed Esc at "How much of your plan did you recall?":
        // the practice ended without a word, and looked kept.
        let mut plan = Plan::new("Оксана".into(), Some("DE".into()));
        plan.contacts.push(Contact {
            id: "olena".into(),
            name: "Олена".into(),
            phone: Some("+49 176 5555 0102".into()),
            role: Role::Help,
            reachable: None,
        });
        let mut trigger = Trigger::new("spielhalle".into(), "Spielhalle після роботи".into());
        trigger.contacts.push("olena".into());
        plan.triggers.push(trigger);
        for answers in [
            vec!["Подзвоню Олені", "<esc>"],
            vec!["Подзвоню Олені", "All of it", "<esc>"],
        ] {
            let mut ask = Scripted::new(answers);
            let now = "2026-11-29T23:20:00Z".parse().unwrap();
            let done = rehearse(&mut ask, &plan, "spielhalle", None, now).unwrap();
            assert!(done.is_none());
            let said = ask.transcript.join("\n");
            assert!(said.contains("This practice was not logged"), "{said}");
            assert_eq!(ask.unused(), 0, "{said}");
        }
    }
}
