//! Properties over many generated plans: TOML round trips, the loader never
//! panics, diff notices every change, and restore brings back exactly.

use proptest::prelude::*;
use relapse_plan::plan::diff::diff;
use relapse_plan::plan::parse::{parse, to_toml};
use relapse_plan::plan::{Category, Contact, Coping, CopingKind, Plan, Role, TextItem, Trigger};

/// Words as people write them: accents, Greek, Cyrillic, quotes, symbols.
fn words() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9éøßΩλжЖ'\"\\\\#=,.!? ]{0,24}[a-zA-Zé]".prop_map(|s| s.trim_start().to_string())
}

fn id() -> impl Strategy<Value = String> {
    "[a-z]{1,6}(-[a-z0-9]{1,4})?"
}

fn rating(max: u8) -> impl Strategy<Value = Option<u8>> {
    prop_oneof![Just(None), (0..=max).prop_map(Some)]
}

fn trigger() -> impl Strategy<Value = Trigger> {
    (
        id(),
        words(),
        0..=Category::ALL.len(),
        prop::collection::vec(words(), 0..3),
        prop::collection::vec(words(), 0..3),
        (rating(5), rating(5), rating(100)),
    )
        .prop_map(|(id, situation, category, thoughts, urges, (l, i, c))| {
            let mut t = Trigger::new(id, situation);
            t.category = Category::ALL.get(category).copied();
            t.thoughts = thoughts;
            t.urges = urges;
            (t.likelihood, t.intensity, t.confidence) = (l, i, c);
            t
        })
}

/// A valid plan: unique ids, links that resolve.
fn plan() -> impl Strategy<Value = Plan> {
    (
        words(),
        prop_oneof![
            Just(None),
            Just(Some("GB".to_string())),
            Just(Some("NZ".to_string()))
        ],
        prop::collection::vec(words(), 0..4),
        prop::collection::vec(trigger(), 0..5),
        prop::collection::vec((id(), words(), prop::collection::vec(words(), 0..3)), 0..3),
        prop::collection::vec(
            (
                id(),
                words(),
                prop::option::of(words()),
                0..3usize,
                any::<bool>(),
            ),
            0..3,
        ),
    )
        .prop_map(|(name, country, steps, mut triggers, coping, contacts)| {
            let mut plan = Plan::new(name, country);
            plan.crisis_steps = steps.into_iter().map(TextItem::new).collect();
            for (i, (id, name, steps)) in coping.into_iter().enumerate() {
                plan.coping.push(Coping {
                    id: format!("{id}-c{i}"),
                    name,
                    kind: CopingKind::ALL[i % CopingKind::ALL.len()],
                    steps,
                    follow_through: relapse_plan::plan::FollowThrough::default(),
                });
            }
            for (i, (id, name, phone, role, dni)) in contacts.into_iter().enumerate() {
                plan.contacts.push(Contact {
                    id: format!("{id}-p{i}"),
                    name,
                    phone,
                    role: if dni {
                        Role::DoNotInvolve
                    } else {
                        [Role::Distraction, Role::Help, Role::Professional][role]
                    },
                    reachable: None,
                });
            }
            for (i, t) in triggers.iter_mut().enumerate() {
                t.id = format!("{}-t{i}", t.id);
                if let Some(c) = plan.coping.get(i % plan.coping.len().max(1)) {
                    t.coping.push(c.id.clone());
                }
                if let Some(c) = plan.contacts.iter().find(|c| c.to_involve()) {
                    t.contacts.push(c.id.clone());
                }
            }
            plan.triggers = triggers;
            plan
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_valid_plan_round_trips_through_toml(plan in plan()) {
        let parsed = parse(to_toml(&plan).as_bytes()).unwrap();
        prop_assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
        prop_assert_eq!(parsed.plan, plan);
    }

    #[test]
    fn the_loader_never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let _ = parse(&bytes);
    }

    #[test]
    fn the_loader_never_panics_on_arbitrary_toml(
        text in "(schema_version = [0-9-]{1,3}\n)?([a-z_]{1,12} = (\"[^\"\\\\]{0,8}\"|[0-9-]{1,4}|\\[\\]|true|\\{\\})\n|\\[\\[?[a-z_]{1,12}\\]\\]?\n){0,12}"
    ) {
        let _ = parse(text.as_bytes());
    }

    #[test]
    fn diff_is_empty_exactly_when_nothing_changed(a in plan(), b in plan()) {
        prop_assert_eq!(diff(&a, &b).is_empty(), a.content() == b.content());
        prop_assert!(diff(&a, &a.clone()).is_empty());
    }

    #[test]
    fn diff_names_every_changed_trigger_field(a in plan(), l in 0u8..=5, note in words()) {
        prop_assume!(!a.triggers.is_empty());
        let mut b = a.clone();
        let t = &mut b.triggers[0];
        let changed_likelihood = t.likelihood != Some(l);
        t.likelihood = Some(l);
        let added_thought = !t.thoughts.contains(&note);
        if added_thought {
            t.thoughts.push(note.clone());
        }
        let lines: Vec<String> = diff(&a, &b).iter().map(ToString::to_string).collect();
        let id = &a.triggers[0].id;
        prop_assert_eq!(
            lines.iter().any(|line| line.starts_with(&format!("trigger {id}: likelihood"))),
            changed_likelihood,
            "{:?}", lines
        );
        prop_assert_eq!(
            lines.iter().any(|line| line.starts_with(&format!("trigger {id}: thoughts added"))),
            added_thought,
            "{:?}", lines
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    #[test]
    fn restore_brings_back_an_old_plan_exactly(a in plan(), b in plan()) {
        let dir = tempfile::tempdir().unwrap();
        let store = relapse_plan::store::Store::open_dir(dir.path().join("plan"));
        let now: toml::value::Datetime = "2026-11-22T10:15:00Z".parse().unwrap();
        store.create(a.clone(), now, None).unwrap();
        store.save_whole(b, now, None, "changed everything").unwrap();
        store.restore(1, now, None).unwrap();
        let mut restored = store.load().unwrap().plan;
        // Every word and number of `a` comes back; the record of former
        // numbers also keeps those `b` gave anyone `a` holds (a number
        // changed back is said and kept as a former one, as an edit would).
        restored.former_phones.retain(|f| a.former_phones.contains(f));
        prop_assert_eq!(restored.content(), a.content());
    }
}
