//! The plan: a person's relapse-prevention and crisis action plan as plain data.
//!
//! Everything here is pure: no file system, terminal, clap or clock. The
//! types serialize to the TOML file documented in the README; the field order
//! below is the order a person reading the file by hand will see.

pub mod checkin;
pub mod country;
pub mod crisis_names;
pub mod date;
pub mod diff;
pub mod draft;
pub mod early_warning;
pub mod edit;
pub mod ethiopian;
pub mod hand_in_zone;
pub mod hidden;
pub mod homework;
pub mod ids;
pub mod in_text;
pub mod limits;
pub mod lookalike;
pub mod mentions;
pub mod merge;
pub mod near_days;
pub mod note;
pub mod own_doubt;
pub mod own_numbers;
pub mod parse;
pub mod period;
pub mod persian;
pub mod phone;
pub mod priority;
pub mod ranking;
pub mod rehearsal;
pub mod restored;
pub mod same;
pub mod supporter;
pub mod toml_text;
pub mod typed;
pub mod validate;
pub mod vcard;
pub mod vietnamese;
pub mod zones;

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use toml::value::Datetime;

/// The newest schema this build reads and writes. A file with a higher
/// number was written by a newer relapse-plan and is shown but never
/// rewritten. A plan is written in the oldest schema that holds it (see
/// [`Plan::schema_needed`]).
pub const SCHEMA_VERSION: u32 = 4;

/// The schema a plan holding nothing schema 4 added is written in.
const SCHEMA_WITHOUT_FORMER_PHONES: u32 = 3;

/// A whole plan, as stored in `plan.toml` and in every revision file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    /// The file format version; see [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The revision number, 1 for the first saved plan.
    #[serde(default)]
    pub revision: u64,
    /// When this revision was saved (UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub saved_at: Option<Datetime>,
    /// What changed in this revision, in the person's words or the tool's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change_note: Option<String>,
    /// How the person wants to be named on the plan and card.
    #[serde(default)]
    pub name: String,
    /// ISO 3166 country code, for the crisis lines shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Where the printed plan is kept, in the person's words ("wallet,
    /// phone") (schema 3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kept_at: Option<String>,
    /// Reasons for recovery, for living.
    #[serde(default)]
    pub reasons: Vec<TextItem>,
    /// Early signs that a crisis or lapse is building.
    #[serde(default)]
    pub warning_signs: Vec<TextItem>,
    /// High-risk situations and what they bring.
    #[serde(default)]
    pub triggers: Vec<Trigger>,
    /// Named coping strategies with concrete steps.
    #[serde(default)]
    pub coping: Vec<Coping>,
    /// People and services.
    #[serde(default)]
    pub contacts: Vec<Contact>,
    /// Numbers people had before she changed them (schema 3): kept only
    /// so a crisis step still holding one is marked as that person's old
    /// number, whatever words surround it (Noa's "להתקשר למיכל …").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub former_phones: Vec<FormerPhone>,
    /// Ordered actions for a crisis moment, from self-help up to professionals.
    #[serde(default)]
    pub crisis_steps: Vec<TextItem>,
    /// What to remove or lock away, and who holds it.
    #[serde(default)]
    pub safe_environment: Vec<TextItem>,
    /// What to do after a slip: stop, get safe, reach out, learn.
    #[serde(default)]
    pub lapse_plan: Vec<TextItem>,
    /// What the person does every day to stay well.
    #[serde(default)]
    pub maintenance: Vec<TextItem>,
    /// When the plan was last reviewed and is next due for review.
    #[serde(default)]
    pub review: Review,
    /// How the daily check-in replies (schema 2).
    #[serde(default, skip_serializing_if = "CheckInSettings::is_default")]
    pub check_in: CheckInSettings,
    /// When the early warning shows, over the check-ins (schema 2).
    #[serde(default, skip_serializing_if = "early_warning::Rule::is_default")]
    pub early_warning: early_warning::Rule,
    /// For supporters: what helps me when I'm struggling (schema 3).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub helps: Vec<TextItem>,
    /// For supporters: what does not help (schema 3).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub does_not_help: Vec<TextItem>,
    /// For supporters: who does what ("Aoife: stays with me") (schema 3).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub who_does_what: Vec<TextItem>,
    /// For supporters: signs the crisis is over (schema 3).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stand_down: Vec<TextItem>,
    /// For supporters: what I need in the days after a crisis (schema 3).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub after_crisis: Vec<TextItem>,
    /// The person's own emergency number and local crisis lines, for a
    /// country the built-in table does not cover (schema 3).
    #[serde(default, skip_serializing_if = "OwnLines::is_empty")]
    pub own_lines: OwnLines,
}

/// Numbers the person added themselves, each with where they found it in
/// their own words: shown beside the built-in lines, always as theirs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnLines {
    /// The local emergency number ("999").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emergency: Option<String>,
    /// Where the emergency number came from ("Dubai Police website, May 2026").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emergency_source: Option<String>,
    /// Local crisis lines.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lines: Vec<OwnLine>,
}

impl OwnLines {
    pub fn is_empty(&self) -> bool {
        *self == OwnLines::default()
    }
}

/// A local crisis line the person added.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnLine {
    pub name: String,
    /// The number to call, as dialled locally.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub call: Option<String>,
    /// A number to text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Where they found it, in their own words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// How likely the person is to use a crisis step or coping strategy, what
/// could get in the way, and their answer to it (safety-planning practice:
/// a step that will not be used is worth a conversation).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowThrough {
    /// How likely they are to use it, 0-100 %.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub likely: Option<u8>,
    /// What could get in the way, in their words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_the_way: Option<String>,
    /// Their answer to that obstacle.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<String>,
}

impl FollowThrough {
    pub fn is_empty(&self) -> bool {
        *self == FollowThrough::default()
    }

    /// Rated, and under 50 %: worth talking through at a review.
    pub fn unlikely(&self) -> bool {
        self.likely.is_some_and(|l| l < 50)
    }

    /// Applies a change from the command line or the wizard.
    pub fn apply(&mut self, change: FollowThroughChange) {
        if let Some(likely) = change.likely {
            self.likely = likely;
        }
        if let Some(in_the_way) = change.in_the_way {
            self.in_the_way = in_the_way;
        }
        if let Some(answer) = change.answer {
            self.answer = answer;
        }
    }

    /// Its parts in words, one a line: "likely to use it: 40%", "in the
    /// way: …", "my answer: …" (the person's words as written).
    pub fn lines(&self) -> Vec<String> {
        let mut lines = Vec::new();
        if let Some(likely) = self.likely {
            lines.push(format!("likely to use it: {likely}%"));
        }
        if let Some(in_the_way) = &self.in_the_way {
            lines.push(format!("in the way: {in_the_way}"));
        }
        if let Some(answer) = &self.answer {
            lines.push(format!("my answer: {answer}"));
        }
        lines
    }
}

/// A change to a [`FollowThrough`]: `None` leaves a part as it is,
/// `Some(None)` clears it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FollowThroughChange {
    pub likely: Option<Option<u8>>,
    pub in_the_way: Option<Option<String>>,
    pub answer: Option<Option<String>>,
}

impl FollowThroughChange {
    pub fn is_empty(&self) -> bool {
        *self == FollowThroughChange::default()
    }
}

/// How the daily check-in replies.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckInSettings {
    /// Show the days since the last lapse, and the longest stretch.
    #[serde(default)]
    pub count_days: bool,
}

impl CheckInSettings {
    pub fn is_default(&self) -> bool {
        *self == CheckInSettings::default()
    }
}

impl Plan {
    /// An empty plan, not yet saved (revision 0).
    pub fn new(name: String, country: Option<String>) -> Plan {
        Plan {
            schema_version: SCHEMA_WITHOUT_FORMER_PHONES,
            revision: 0,
            saved_at: None,
            change_note: None,
            name,
            country,
            reasons: Vec::new(),
            warning_signs: Vec::new(),
            triggers: Vec::new(),
            coping: Vec::new(),
            contacts: Vec::new(),
            former_phones: Vec::new(),
            crisis_steps: Vec::new(),
            safe_environment: Vec::new(),
            lapse_plan: Vec::new(),
            maintenance: Vec::new(),
            review: Review::default(),
            check_in: CheckInSettings::default(),
            early_warning: early_warning::Rule::default(),
            kept_at: None,
            helps: Vec::new(),
            does_not_help: Vec::new(),
            who_does_what: Vec::new(),
            stand_down: Vec::new(),
            after_crisis: Vec::new(),
            own_lines: OwnLines::default(),
        }
    }

    /// The same plan with the revision bookkeeping cleared, so two plans can
    /// be compared for what the person wrote.
    #[must_use]
    pub fn content(&self) -> Plan {
        Plan {
            revision: 0,
            saved_at: None,
            change_note: None,
            ..self.clone()
        }
    }

    /// The list behind one of the plain text sections.
    pub fn section(&self, section: Section) -> &Vec<TextItem> {
        match section {
            Section::Reasons => &self.reasons,
            Section::WarningSigns => &self.warning_signs,
            Section::CrisisSteps => &self.crisis_steps,
            Section::SafeEnvironment => &self.safe_environment,
            Section::LapsePlan => &self.lapse_plan,
            Section::Maintenance => &self.maintenance,
            Section::Helps => &self.helps,
            Section::DoesNotHelp => &self.does_not_help,
            Section::WhoDoesWhat => &self.who_does_what,
            Section::StandDown => &self.stand_down,
            Section::AfterCrisis => &self.after_crisis,
        }
    }

    /// The list behind one of the plain text sections, to change it.
    pub fn section_mut(&mut self, section: Section) -> &mut Vec<TextItem> {
        match section {
            Section::Reasons => &mut self.reasons,
            Section::WarningSigns => &mut self.warning_signs,
            Section::CrisisSteps => &mut self.crisis_steps,
            Section::SafeEnvironment => &mut self.safe_environment,
            Section::LapsePlan => &mut self.lapse_plan,
            Section::Maintenance => &mut self.maintenance,
            Section::Helps => &mut self.helps,
            Section::DoesNotHelp => &mut self.does_not_help,
            Section::WhoDoesWhat => &mut self.who_does_what,
            Section::StandDown => &mut self.stand_down,
            Section::AfterCrisis => &mut self.after_crisis,
        }
    }

    pub fn trigger(&self, id: &str) -> Option<&Trigger> {
        self.triggers.iter().find(|t| t.id == id)
    }

    pub fn coping_strategy(&self, id: &str) -> Option<&Coping> {
        self.coping.iter().find(|c| c.id == id)
    }

    pub fn contact(&self, id: &str) -> Option<&Contact> {
        self.contacts.iter().find(|c| c.id == id)
    }
}

/// One line of history: a revision's number, when it was saved and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RevisionInfo {
    pub revision: u64,
    pub saved_at: Option<Datetime>,
    pub change_note: Option<String>,
}

impl RevisionInfo {
    pub fn of(plan: &Plan) -> RevisionInfo {
        RevisionInfo {
            revision: plan.revision,
            saved_at: plan.saved_at,
            change_note: plan.change_note.clone(),
        }
    }
}

/// The sections of the plan that are ordered lists of the person's sentences.
/// In files (hand-ins), a section is named by its key (`safe_environment`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    Reasons,
    WarningSigns,
    CrisisSteps,
    SafeEnvironment,
    LapsePlan,
    Maintenance,
    /// For supporters (schema 3): what helps me when I'm struggling.
    Helps,
    /// For supporters: what does not help.
    DoesNotHelp,
    /// For supporters: who does what.
    WhoDoesWhat,
    /// For supporters: when you can stand down.
    StandDown,
    /// For supporters: after a crisis.
    AfterCrisis,
}

impl Section {
    pub const ALL: [Section; 11] = [
        Section::Reasons,
        Section::WarningSigns,
        Section::CrisisSteps,
        Section::SafeEnvironment,
        Section::LapsePlan,
        Section::Maintenance,
        Section::Helps,
        Section::DoesNotHelp,
        Section::WhoDoesWhat,
        Section::StandDown,
        Section::AfterCrisis,
    ];

    /// The sections written for supporters, in the order a supporter's
    /// printout shows them.
    pub const FOR_SUPPORTERS: [Section; 5] = [
        Section::Helps,
        Section::DoesNotHelp,
        Section::WhoDoesWhat,
        Section::StandDown,
        Section::AfterCrisis,
    ];

    /// The key in the TOML file.
    pub fn key(self) -> &'static str {
        match self {
            Section::Reasons => "reasons",
            Section::WarningSigns => "warning_signs",
            Section::CrisisSteps => "crisis_steps",
            Section::SafeEnvironment => "safe_environment",
            Section::LapsePlan => "lapse_plan",
            Section::Maintenance => "maintenance",
            Section::Helps => "helps",
            Section::DoesNotHelp => "does_not_help",
            Section::WhoDoesWhat => "who_does_what",
            Section::StandDown => "stand_down",
            Section::AfterCrisis => "after_crisis",
        }
    }

    /// One item of the section, in words ("crisis step").
    pub fn item_name(self) -> &'static str {
        match self {
            Section::Reasons => "reason",
            Section::WarningSigns => "warning sign",
            Section::CrisisSteps => "crisis step",
            Section::SafeEnvironment => "safer-environment item",
            Section::LapsePlan => "lapse-plan step",
            Section::Maintenance => "daily maintenance item",
            Section::Helps => "thing that helps",
            Section::DoesNotHelp => "thing that does not help",
            Section::WhoDoesWhat => "who-does-what line",
            Section::StandDown => "stand-down sign",
            Section::AfterCrisis => "after-a-crisis need",
        }
    }

    /// The section's heading.
    pub fn title(self) -> &'static str {
        match self {
            Section::Reasons => "My reasons",
            Section::WarningSigns => "Warning signs",
            Section::CrisisSteps => "Crisis steps",
            Section::SafeEnvironment => "A safer environment",
            Section::LapsePlan => "If I slip (lapse plan)",
            Section::Maintenance => "Every day (maintenance)",
            Section::Helps => "What helps me when I'm struggling",
            Section::DoesNotHelp => "What does not help",
            Section::WhoDoesWhat => "Who does what",
            Section::StandDown => "When you can stand down",
            Section::AfterCrisis => "After a crisis",
        }
    }
}

/// One sentence of the person's, kept verbatim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextItem {
    pub text: String,
    /// How likely the person is to do it, and what could get in the way
    /// (schema 3; crisis steps only).
    #[serde(default, skip_serializing_if = "FollowThrough::is_empty")]
    pub follow_through: FollowThrough,
}

impl TextItem {
    pub fn new(text: impl Into<String>) -> TextItem {
        TextItem {
            text: text.into(),
            follow_through: FollowThrough::default(),
        }
    }
}

/// A high-risk situation and the thoughts, feelings and urges it brings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Trigger {
    /// Stable id, used in commands and links.
    pub id: String,
    pub situation: String,
    /// The kind of situation she chose; none when she skipped the question
    /// (left out of the file, so a skip never reads back as a choice).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<Category>,
    #[serde(default)]
    pub thoughts: Vec<String>,
    #[serde(default)]
    pub feelings: Vec<String>,
    #[serde(default)]
    pub urges: Vec<String>,
    /// How likely in the next month, 0-5.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub likelihood: Option<u8>,
    /// How strong the urge or distress would be, 0-5.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intensity: Option<u8>,
    /// Confidence to get through it without a lapse, 0-100 %.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<u8>,
    /// The person's own order after ranking; 1 is the riskiest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rank: Option<u32>,
    /// Ids of the coping strategies for this trigger.
    #[serde(default)]
    pub coping: Vec<String>,
    /// Ids of the contacts for this trigger.
    #[serde(default)]
    pub contacts: Vec<String>,
}

impl Trigger {
    pub fn new(id: String, situation: String) -> Trigger {
        Trigger {
            id,
            situation,
            category: None,
            thoughts: Vec::new(),
            feelings: Vec::new(),
            urges: Vec::new(),
            likelihood: None,
            intensity: None,
            confidence: None,
            rank: None,
            coping: Vec::new(),
            contacts: Vec::new(),
        }
    }

    /// Whether a response is planned for it: a coping strategy or a
    /// person to call. Without one there is nothing to rehearse yet.
    pub fn has_response(&self) -> bool {
        !(self.coping.is_empty() && self.contacts.is_empty())
    }
}

/// A named coping strategy with concrete steps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Coping {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub kind: CopingKind,
    #[serde(default)]
    pub steps: Vec<String>,
    /// How likely the person is to use it, and what could get in the way
    /// (schema 3).
    #[serde(default, skip_serializing_if = "FollowThrough::is_empty")]
    pub follow_through: FollowThrough,
}

/// A person or service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default)]
    pub role: Role,
    /// When they can be reached, in the person's words ("after 6 pm").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reachable: Option<String>,
}

/// A number a contact had before it changed: whose (their id) and the
/// number as it was written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormerPhone {
    pub contact: String,
    pub phone: String,
}

impl Plan {
    /// The schema this plan is written in: 4 when it holds
    /// `[[former_phones]]` (added on 29 November 2026 without a new
    /// schema), else 3. A build from before refuses a field it does not
    /// know and calls it a typo; told schema 4, it says the plan was made
    /// by a newer version. A plan without them stays 3, so nothing changes
    /// for it and older builds still open it.
    pub fn schema_needed(&self) -> u32 {
        if self.former_phones.is_empty() {
            SCHEMA_WITHOUT_FORMER_PHONES
        } else {
            SCHEMA_VERSION
        }
    }
}

impl Contact {
    /// Whether they may be turned to at all: someone not to involve has a
    /// role of their own, so no view or export can count them as help.
    pub fn to_involve(&self) -> bool {
        self.role != Role::DoNotInvolve
    }
}

/// Review dates: safety plans are reviewed every 30-90 days.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last: Option<Datetime>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<Datetime>,
}

/// Defines a closed set of kebab-case names with a one-line explanation each,
/// so the file, the help and the error messages all use the same words.
macro_rules! named_enum {
    ($(#[$meta:meta])* $name:ident, $what:literal, default $default:ident,
     { $($variant:ident = $key:literal : $about:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "kebab-case")]
        pub enum $name {
            $(#[doc = $about] $variant,)+
        }

        impl $name {
            /// Every value, in the order they are offered.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// What this set of values is called in messages.
            pub const WHAT: &'static str = $what;

            /// The name used in the file and on the command line.
            pub fn key(self) -> &'static str {
                match self { $($name::$variant => $key),+ }
            }

            /// A one-line explanation.
            pub fn about(self) -> &'static str {
                match self { $($name::$variant => $about),+ }
            }
        }

        impl Default for $name {
            fn default() -> Self {
                $name::$default
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.key())
            }
        }

        impl FromStr for $name {
            type Err = String;

            fn from_str(s: &str) -> Result<Self, String> {
                let wanted = s.trim().to_lowercase().replace(['_', ' '], "-");
                $name::ALL
                    .iter()
                    .copied()
                    .find(|v| v.key() == wanted)
                    .ok_or_else(|| {
                        let keys: Vec<&str> = $name::ALL.iter().map(|v| v.key()).collect();
                        format!("`{s}` is not a {}; choose one of: {}", $what, keys.join(", "))
                    })
            }
        }
    };
}

named_enum!(
    /// The eight high-risk categories of Marlatt and Gordon, plus "other"
    /// and "not sure" (chosen, unlike a skipped question, which is none).
    /// The words fit whatever the plan is about (drink, gambling,
    /// self-harm, pills): fresh eyes found "feeling unwell without it" and
    /// "seeing or being offered it" read as a plan about substances (issue
    /// 13). The keys are what files hold, so they never change.
    Category, "trigger category", default Other, {
    UnpleasantEmotions = "unpleasant-emotions": "feeling low, angry, anxious, lonely or bored",
    PhysicalDiscomfort = "physical-discomfort": "pain, illness, tiredness, sleeping badly",
    PleasantEmotions = "pleasant-emotions": "celebrating, feeling good, wanting to feel even better",
    TestingPersonalControl = "testing-personal-control": "\"just this once\", proving you're in control",
    UrgesAndTemptations = "urges-and-temptations": "a strong urge, a reminder, a chance at hand",
    ConflictWithOthers = "conflict-with-others": "arguments, criticism, feeling let down",
    SocialPressure = "social-pressure": "others urging you on, or doing it around you",
    PleasantTimesWithOthers = "pleasant-times-with-others": "celebrating or relaxing with other people",
    Other = "other": "anything that doesn't fit the others",
    NotSure = "not-sure": "not sure yet which kind it is",
});

impl Category {
    /// The kind in words (`pleasant emotions`), never its key.
    pub fn words(self) -> String {
        self.key().replace('-', " ")
    }
}

named_enum!(
    /// What kind of coping strategy this is, following the safety-planning steps.
    CopingKind, "coping kind", default Internal, {
    Internal = "internal": "something I can do on my own",
    Distraction = "distraction": "people and places that take my mind off it",
    Social = "social": "asking someone for help",
    Professional = "professional": "a professional or service",
    Environment = "environment": "changing my surroundings to make them safer",
});

named_enum!(
    /// What a contact is for in a crisis.
    Role, "contact role", default Help, {
    Distraction = "distraction": "someone to be with to take my mind off things",
    Help = "help": "someone I can ask for help",
    Professional = "professional": "a professional or service",
    DoNotInvolve = "do-not-involve": "someone not to involve in a crisis (kept in the plan, never shown as help)",
});
