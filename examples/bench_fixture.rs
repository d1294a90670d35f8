//! Builds a plan folder for the benchmarks (`examples/bench.sh`): a plan with
//! N triggers and R revisions, through the library.
//!
//!     cargo run --release --example bench_fixture -- DIR TRIGGERS REVISIONS [CHECK-INS]
//!
//! With CHECK-INS, that many daily check-ins up to the clock's day are
//! added to the check-in log (and its summary) in one locked write.
//! Revision files 2..R-1 are written directly (no fsync) to keep setup
//! quick; the last revision is a real save, which also rebuilds the history
//! index from the files, as after any interrupted save.

use std::path::PathBuf;

use relapse_plan::plan::parse::to_toml;
use relapse_plan::plan::{Contact, Coping, CopingKind, Plan, Role, TextItem, Trigger};
use relapse_plan::store::Store;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (dir, triggers, revisions, check_ins) = match args.as_slice() {
        [d, t, r] => (d, t, r, 0),
        [d, t, r, c] => (d, t, r, c.parse().expect("CHECK-INS is a number")),
        _ => {
            eprintln!("usage: bench_fixture DIR TRIGGERS REVISIONS [CHECK-INS]");
            std::process::exit(2);
        }
    };
    let dir = PathBuf::from(dir);
    let triggers: usize = triggers.parse().expect("TRIGGERS is a number");
    let revisions: u64 = revisions.parse().expect("REVISIONS is a number");
    let now: toml::value::Datetime = "2026-11-22T10:15:00Z".parse().expect("a datetime");

    let store = Store::open_dir(&dir);
    if check_ins > 0 {
        add_check_ins(&store, now, check_ins);
    }
    let mut plan = example_plan(triggers);
    if revisions == 1 {
        store.create(plan, now, None).expect("first revision");
        return;
    }
    store
        .create(plan.clone(), now, None)
        .expect("first revision");
    for revision in 2..revisions {
        plan.revision = revision;
        plan.saved_at = Some(now);
        plan.change_note = Some(format!("benchmark change {revision}"));
        plan.maintenance = vec![TextItem::new(format!("Walk at lunch, week {revision}"))];
        std::fs::write(store.revision_path(revision), to_toml(&plan)).expect("write a revision");
    }
    if revisions > 2 {
        std::fs::write(store.plan_path(), to_toml(&plan)).expect("write plan.toml");
    }
    store
        .update(now, Some("last benchmark change".into()), |p| {
            p.reasons.push(TextItem::new("Saturday mornings"));
            Ok(String::new())
        })
        .expect("a real save");
}

/// `count` daily check-ins ending on the clock's day, varied so every
/// field is used.
fn add_check_ins(store: &Store, now: toml::value::Datetime, count: i64) {
    use relapse_plan::plan::checkin::{Acted, Answers};
    use relapse_plan::plan::date::{civil_from_days, days_from_civil};
    let today = days_from_civil(now.date.expect("a date"));
    store
        .update_check_ins(|log| {
            for i in 0..count {
                let day = today - count + 1 + i;
                let n = u8::try_from(i % 11).unwrap_or(0);
                log.record(
                    civil_from_days(day),
                    now,
                    Answers {
                        urge: n,
                        acted: if i % 40 == 39 {
                            Acted::Partly
                        } else {
                            Acted::No
                        },
                        signs: (0..usize::from(n % 3))
                            .map(|k| format!("Warning sign {k}"))
                            .collect(),
                        did: vec!["Walk at lunch".into()],
                        used: vec!["urge-surf".into()],
                        distress: Some(10 - n),
                        note: (i % 3 == 0).then(|| format!("A line about day {i}")),
                    },
                );
            }
        })
        .expect("the check-in log");
}

fn example_plan(triggers: usize) -> Plan {
    let mut plan = Plan::new("Sam".into(), Some("GB".into()));
    plan.reasons
        .push(TextItem::new("Being there for my daughter"));
    for text in [
        "Leave and go somewhere safe",
        "Breathe: in for 4, out for 6",
        "Call Alex",
        "Call the Samaritans on 116 123",
    ] {
        plan.crisis_steps.push(TextItem::new(text));
    }
    plan.coping.push(Coping {
        id: "urge-surf".into(),
        name: "Urge surfing".into(),
        kind: CopingKind::Internal,
        steps: vec![
            "Notice the urge".into(),
            "Breathe with it".into(),
            "Watch it pass".into(),
        ],
        follow_through: relapse_plan::plan::FollowThrough::default(),
    });
    plan.contacts.push(Contact {
        id: "alex".into(),
        name: "Alex (sponsor)".into(),
        phone: Some("+44 7700 900123".into()),
        role: Role::Help,
        reachable: Some("after 6 pm".into()),
    });
    for i in 0..triggers {
        let mut t = Trigger::new(
            format!("trigger-{i}"),
            format!("Situation number {i}, with some words about it"),
        );
        t.thoughts = vec!["I've earned it".into(), "Just one".into()];
        t.feelings = vec!["restless".into()];
        t.urges = vec!["buy a bottle".into()];
        let n = u8::try_from(i % 6).unwrap_or(0);
        (t.likelihood, t.intensity, t.confidence) = (Some(n), Some(5 - n), Some(n * 20));
        t.coping = vec!["urge-surf".into()];
        t.contacts = vec!["alex".into()];
        plan.triggers.push(t);
    }
    plan
}
