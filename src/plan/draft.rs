//! Unfinished wizard answers: the plan as it is being built, and which
//! steps are done, so a walk-through stopped anywhere carries on there.

use serde::{Deserialize, Serialize};
use toml::value::Datetime;

use super::Plan;

/// The draft file's own format version.
pub const DRAFT_VERSION: u32 = 1;

/// A wizard's work in progress, saved after every answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub schema_version: u32,
    /// The wizard that started it: `new`, `map` or `rank`.
    pub wizard: String,
    /// When it was started.
    pub started_at: Datetime,
    /// The plan revision it started from; 0 when there was no plan.
    pub base_revision: u64,
    /// The steps finished so far, by name.
    #[serde(default)]
    pub done: Vec<String>,
    /// What was on the line when Ctrl-C stopped a question, offered back
    /// when that question comes again, so nothing typed is lost.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unsent: Option<Unsent>,
    /// The trigger whose questions were being asked (its id), so a stop in
    /// the middle of them carries on with that trigger.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open_trigger: Option<String>,
    /// The plan as it stands in the draft.
    #[serde(deserialize_with = "super::parse::embedded_plan")]
    pub plan: Plan,
    /// Keys a newer relapse-plan wrote, kept as they are.
    #[serde(flatten)]
    pub other: toml::Table,
}

impl Draft {
    pub fn new(wizard: &str, started_at: Datetime, plan: Plan) -> Draft {
        Draft {
            schema_version: DRAFT_VERSION,
            wizard: wizard.to_string(),
            started_at,
            base_revision: plan.revision,
            done: Vec::new(),
            unsent: None,
            open_trigger: None,
            plan,
            other: toml::Table::new(),
        }
    }

    pub fn is_done(&self, step: &str) -> bool {
        self.done.iter().any(|d| d == step)
    }

    pub fn mark_done(&mut self, step: &str) {
        if !self.is_done(step) {
            self.done.push(step.to_string());
        }
    }
}

/// A half-typed answer: the question, what the line started with, and
/// what was typed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Unsent {
    pub question: String,
    #[serde(default)]
    pub initial: String,
    pub typed: String,
    /// The step of `new` the words were typed in, so the walk-through can
    /// lead back there: a section visited again from the summary is
    /// otherwise never reached, and the words were dropped unseen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step: Option<String>,
    /// What the question was about, by a stable key (`contact:<id>:phone`,
    /// `trigger:<id>:thought=<words>`), so the words go back to that very
    /// person or trigger: matched by position or by the question's words,
    /// Layla's “Sunday 5-8pm” for her third contact was saved on her
    /// fourth, whose answer was empty too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub about: Option<String>,
    /// Keys a newer relapse-plan wrote here, kept as they are: read as
    /// nothing, they were dropped at the next save (issue 12).
    #[serde(flatten)]
    pub other: toml::Table,
}

impl Unsent {
    /// Words typed at `question` (whose line began with `initial`), for
    /// no step and nothing in particular yet.
    pub fn new(question: &str, initial: &str, typed: String) -> Unsent {
        Unsent {
            question: question.to_string(),
            initial: initial.to_string(),
            typed,
            step: None,
            about: None,
            other: toml::Table::new(),
        }
    }
}

/// Reads a draft file's text.
pub fn parse(bytes: &[u8]) -> Result<Draft, super::parse::ParseError> {
    super::parse::parse_toml(bytes)
}

/// The text written to the draft file.
pub fn to_toml(draft: &Draft) -> String {
    toml::to_string_pretty(draft).expect("a draft always serializes to TOML")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 12: a key `[unsent]` does not know (from a newer
    /// relapse-plan) was dropped the next time the draft was written.
    #[test]
    fn a_key_unsent_does_not_know_is_kept_when_the_draft_is_written_again() {
        let text = "schema_version = 1\nwizard = \"new\"\nstarted_at = 2026-11-22T10:00:00Z\nbase_revision = 0\n\n[unsent]\nquestion = \"Why?\"\ntyped = \"My kids\"\ncursor = 3\n\n[plan]\nschema_version = 1\nrevision = 0\nname = \"\"\n";
        let draft = parse(text.as_bytes()).unwrap();
        let unsent = draft.unsent.as_ref().unwrap();
        assert_eq!(unsent.typed, "My kids");
        let written = to_toml(&draft);
        assert!(written.contains("cursor = 3"), "{written}");
        assert_eq!(parse(written.as_bytes()).unwrap(), draft);
    }
}
