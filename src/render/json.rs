//! JSON for scripts. Plans go through their TOML form so dates come out as
//! plain strings ("2026-11-22T10:15:00Z") rather than serde's private
//! datetime wrapper.

use serde_json::{Map, Value as Json};
use toml::Value;

use crate::plan::Plan;
use crate::plan::parse::to_table;
use crate::plan::priority::Priority;

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

/// An object from key/value pairs, keeping their order.
pub fn object(pairs: impl IntoIterator<Item = (&'static str, Json)>) -> Json {
    Json::Object(
        pairs
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect::<Map<_, _>>(),
    )
}
