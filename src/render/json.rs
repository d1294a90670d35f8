//! JSON for scripts. Plans go through their TOML form so dates come out as
//! plain strings ("2026-11-22T10:15:00Z") rather than serde's private
//! datetime wrapper.

use serde::Serialize;
use serde_json::{Map, Value as Json};
use toml::Value;
use toml::value::Date;

use crate::crisis_lines::{CountryLines, LOCAL_EMERGENCY};
use crate::plan::note;
use crate::plan::parse::to_table;
use crate::plan::priority::Priority;
use crate::plan::rehearsal::{Due, PracticeLog, Totals, trend};
use crate::plan::{Plan, RevisionInfo, Trigger};

/// A TOML value as JSON; dates and datetimes become strings.
pub fn from_toml(value: &Value) -> Json {
    match value {
        Value::String(s) => Json::String(s.clone()),
        Value::Integer(i) => Json::from(*i),
        Value::Float(f) => Json::from(*f),
        Value::Boolean(b) => Json::Bool(*b),
        Value::Datetime(d) => Json::String(d.to_string()),
        Value::Array(items) => Json::Array(items.iter().map(from_toml).collect()),
        Value::Table(table) => Json::Object(
            table
                .iter()
                .map(|(k, v)| (k.clone(), from_toml(v)))
                .collect(),
        ),
    }
}

/// The plan as JSON, each trigger with its computed `priority` and `band`.
pub fn plan(plan: &Plan) -> Json {
    let mut json = from_toml(&Value::Table(to_table(plan)));
    if let Some(Json::Array(triggers)) = json.get_mut("triggers") {
        for (json, trigger) in triggers.iter_mut().zip(&plan.triggers) {
            if let (Json::Object(object), Some(p)) = (json, Priority::of(trigger)) {
                object.insert("priority".into(), Json::from(p.value()));
                object.insert("band".into(), Json::String(p.band().to_string()));
            }
        }
    }
    json
}

/// `history --json`: one row per saved revision.
#[derive(Serialize)]
pub struct RevisionJson {
    revision: u64,
    saved_at: Option<String>,
    /// Her own note, verbatim.
    change_note: Option<String>,
    /// What relapse-plan recorded when she wrote no note.
    #[serde(skip_serializing_if = "Option::is_none")]
    recorded: Option<String>,
    current: bool,
}

impl RevisionJson {
    pub fn rows(rows: &[RevisionInfo], current: Option<u64>) -> Vec<RevisionJson> {
        rows.iter()
            .map(|row| RevisionJson {
                revision: row.revision,
                saved_at: row.saved_at.map(|d| d.to_string()),
                change_note: row
                    .change_note
                    .as_deref()
                    .and_then(|n| match note::read(n) {
                        note::Note::Hers(words) => Some(words.to_string()),
                        note::Note::Recorded(_) => None,
                    }),
                recorded: row
                    .change_note
                    .as_deref()
                    .and_then(|n| match note::read(n) {
                        note::Note::Recorded(words) => Some(words.to_string()),
                        note::Note::Hers(_) => None,
                    }),
                current: Some(row.revision) == current,
            })
            .collect()
    }
}

/// `rehearse --list --json`: each trigger and when it is due.
#[derive(Serialize)]
pub struct DueJson {
    trigger: String,
    due: bool,
    next: Option<String>,
    rehearsals: usize,
    last_confidence: Option<u8>,
}

impl DueJson {
    pub fn rows(items: &[(&Trigger, Due)], today: i64) -> Vec<DueJson> {
        items
            .iter()
            .map(|(t, due)| DueJson {
                trigger: t.id.clone(),
                due: due.is_due(today),
                next: due.due_date().map(|d| d.to_string()),
                rehearsals: due.rehearsals,
                last_confidence: due.last_confidence,
            })
            .collect()
    }
}

/// `lines --json`: a country's crisis lines, each with its source and
/// when it was checked; with no country, the advice to call the local
/// emergency number.
#[derive(Serialize)]
pub struct LinesJson {
    country: Option<String>,
    emergency: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    advice: Option<&'static str>,
    lines: Vec<LineJson>,
}

#[derive(Serialize)]
struct LineJson {
    name: &'static str,
    about: Option<&'static str>,
    call: Option<&'static str>,
    text: Option<&'static str>,
    hours: Option<&'static str>,
    source: &'static str,
    checked: &'static str,
    checked_over_a_year_ago: bool,
}

impl LinesJson {
    pub fn new(lines: Option<&CountryLines>, today: Date) -> LinesJson {
        let Some(lines) = lines else {
            return LinesJson {
                country: None,
                emergency: None,
                advice: Some(LOCAL_EMERGENCY),
                lines: Vec::new(),
            };
        };
        LinesJson {
            country: Some(lines.country.clone()),
            emergency: lines.emergency,
            advice: None,
            lines: lines
                .lines
                .iter()
                .map(|l| LineJson {
                    name: l.name,
                    about: l.about,
                    call: l.call,
                    text: l.text,
                    hours: l.hours,
                    source: l.source,
                    checked: l.checked,
                    checked_over_a_year_ago: l.checked_over_a_year_ago(today),
                })
                .collect(),
        }
    }
}

/// `practice --json`: totals this week and month, each trigger's
/// confidence at each rehearsal, and the log itself.
#[derive(Serialize)]
pub struct PracticeJson {
    totals: TotalsJson,
    confidence: Map<String, Json>,
    rehearsals: Json,
    exercises: Json,
}

#[derive(Serialize)]
struct TotalsJson {
    week: Counts,
    month: Counts,
}

#[derive(Serialize)]
struct Counts {
    rehearsals: usize,
    exercises: usize,
}

impl PracticeJson {
    pub fn new(log: &PracticeLog, triggers: &[String], sums: &Totals) -> PracticeJson {
        // Through the log's TOML form, so dates come out as plain strings.
        let table = to_table(log);
        let list = |key: &str| table.get(key).map_or(Json::Array(Vec::new()), from_toml);
        PracticeJson {
            totals: TotalsJson {
                week: Counts {
                    rehearsals: sums.week_rehearsals,
                    exercises: sums.week_exercises,
                },
                month: Counts {
                    rehearsals: sums.month_rehearsals,
                    exercises: sums.month_exercises,
                },
            },
            confidence: triggers
                .iter()
                .map(|t| (t.clone(), Json::from(trend(log, t))))
                .collect(),
            rehearsals: list("rehearsals"),
            exercises: list("exercises"),
        }
    }
}
/// JSON text as it may reach a terminal: every character that would act on
/// it or hide from the reader (C1 controls such as U+009B, DEL, bidi
/// overrides and isolates, zero-width characters) written as a `\u` escape.
/// They can only stand inside strings (the rest of JSON is ASCII), and a
/// `\u` escape is the same character to any JSON reader, so a program still
/// reads exactly what is stored. Into a pipe or a file, JSON stays as it is.
pub fn for_terminal(json: &str) -> String {
    use std::fmt::Write as _;
    let mut shown = String::with_capacity(json.len());
    for c in json.chars() {
        // A line break outside a string is the pretty layout's own (serde
        // writes one inside a string as `\n`).
        if c != '\n' && super::hides(c) {
            // Characters past the Basic Multilingual Plane (the tag
            // characters) as a UTF-16 surrogate pair, as JSON spells them.
            for unit in c.encode_utf16(&mut [0; 2]) {
                let _ = write!(shown, "\\u{unit:04x}");
            }
        } else {
            shown.push(c);
        }
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every class that acts on a terminal or hides, in a key and a value:
    /// escaped so none is left raw, and read back by a JSON parser as the
    /// very same strings.
    #[test]
    fn json_for_a_terminal_escapes_what_acts_and_reads_back_the_same() {
        let hostile = "a\u{1b}]52;c;aGk=\u{7}b\u{9b}2J\u{7f}\u{202e}4321\u{2066}x\u{2069}\u{200b}\u{200d}\u{feff}\u{e0041}👩\u{200d}💻 شكرا";
        let value = serde_json::json!({ hostile: [hostile, "plain"] });
        let text = serde_json::to_string_pretty(&value).unwrap();
        let shown = for_terminal(&text);
        for raw in [
            '\u{1b}',
            '\u{7}',
            '\u{9b}',
            '\u{7f}',
            '\u{202e}',
            '\u{2066}',
            '\u{2069}',
            '\u{200b}',
            '\u{200d}',
            '\u{feff}',
            '\u{e0041}',
        ] {
            assert!(!shown.contains(raw), "{raw:?} left raw in {shown}");
        }
        assert!(
            shown.contains("\\u009b")
                && shown.contains("\\u202e")
                && shown.contains("\\udb40\\udc41"),
            "{shown}"
        );
        let back: serde_json::Value = serde_json::from_str(&shown).unwrap();
        assert_eq!(back, value);
        // The layout is kept: one line per item, as before.
        assert_eq!(shown.lines().count(), text.lines().count());
    }
}
