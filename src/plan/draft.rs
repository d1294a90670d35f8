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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
}

/// Reads a draft file's text.
pub fn parse(bytes: &[u8]) -> Result<Draft, super::parse::ParseError> {
    super::parse::parse_toml(bytes)
}

/// The text written to the draft file.
pub fn to_toml(draft: &Draft) -> String {
    toml::to_string_pretty(draft).expect("a draft always serializes to TOML")
}
