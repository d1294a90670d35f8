//! Crash safety and concurrency: saves killed (`SIGKILL`) at random moments,
//! and many writers at once. Set `RELAPSE_PLAN_TORTURE_ROUNDS` (default 300)
//! for a longer run.

use std::fmt::Write as _;
use std::fs;
use std::time::Duration;

use crate::{Env, Test};

/// A small deterministic generator, so a failure can be replayed.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// A save that may be killed before it finishes; if it finishes, it exits 0.
fn killable(env: &Env, args: &[&str]) -> Test {
    env.test(args).ok_or_killed()
}

fn parses_as_plan(path: &std::path::Path) -> relapse_plan::plan::Plan {
    let bytes = fs::read(path).unwrap();
    relapse_plan::plan::parse::parse(&bytes)
        .unwrap_or_else(|e| panic!("{} does not parse: {e}", path.display()))
        .plan
}

#[test]
fn saves_killed_at_random_moments_lose_nothing_that_was_confirmed() {
    let rounds: usize = std::env::var("RELAPSE_PLAN_TORTURE_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(300);
    let env = Env::new();
    env.ok(["init"]);
    // Kill anywhere from before start-up to after a save would finish.
    let started = std::time::Instant::now();
    env.ok(["reason", "add", "warm-up"]);
    let max_delay = u64::try_from(started.elapsed().as_micros()).unwrap_or(10_000) * 2;
    let mut rng = XorShift(0x5eed_1234_abcd_9876);
    let mut confirmed = Vec::new();
    let mut killed = 0;
    for round in 0..rounds {
        let text = format!("edit {round}");
        let mut child = killable(&env, &["reason", "add", &text]).spawn();
        std::thread::sleep(Duration::from_micros(rng.next() % max_delay));
        child.kill();
        let output = child.wait();
        if !output.status.success() {
            killed += 1;
        }
        if output.status.success() {
            let err = &output.stderr;
            let revision: u64 = err
                .split("Saved revision ")
                .nth(1)
                .and_then(|rest| rest.split(':').next())
                .and_then(|n| n.parse().ok())
                .unwrap_or_else(|| panic!("a successful save says which revision: {err}"));
            confirmed.push((revision, text));
        }
    }
    eprintln!(
        "{killed} saves killed, {} confirmed (delays up to {max_delay} µs)",
        confirmed.len()
    );
    assert!(
        killed > 0 && !confirmed.is_empty(),
        "{killed} killed, {} confirmed: the test must do both",
        confirmed.len()
    );

    // The next command cleans up after the killed ones.
    env.ok(["reason", "add", "after the storm"]);
    let revisions = env.plan_dir().join("revisions");
    let mut newest = 0;
    for entry in fs::read_dir(&revisions).unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        assert!(!name.contains(".tmp"), "temp file left behind: {name}");
        if let Some(number) = name
            .strip_suffix(".toml")
            .and_then(|n| n.parse::<u64>().ok())
        {
            parses_as_plan(&entry.path());
            newest = newest.max(number);
        }
    }
    for entry in fs::read_dir(env.plan_dir()).unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        assert!(!name.contains(".tmp"), "temp file left behind: {name}");
    }
    let plan = parses_as_plan(&env.plan_file());
    assert_eq!(plan.revision, newest);
    eprintln!("{newest} revisions on disk");
    assert_eq!(
        fs::read(env.plan_file()).unwrap(),
        fs::read(revisions.join(format!("{newest:06}.toml"))).unwrap(),
        "plan.toml is the newest revision"
    );
    for (revision, text) in &confirmed {
        let saved = parses_as_plan(&revisions.join(format!("{revision:06}.toml")));
        assert!(
            saved.reasons.iter().any(|r| r.text == *text),
            "revision {revision} lost {text:?}"
        );
        assert!(
            plan.reasons.iter().any(|r| r.text == *text),
            "the plan lost {text:?}"
        );
    }
    // History agrees with the files, however the index was interrupted.
    let history: serde_json::Value = serde_json::from_str(&env.ok(["history", "--json"])).unwrap();
    let numbers: Vec<u64> = history
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["revision"].as_u64().unwrap())
        .collect();
    assert_eq!(numbers, (1..=newest).collect::<Vec<_>>());
}

#[test]
fn eight_writers_at_once_lose_nothing() {
    let env = Env::new();
    env.ok(["init"]);
    // A planned response, so there is something to rehearse.
    env.ok(["coping", "add", "--id", "walk", "--name", "Walk"]);
    env.ok([
        "trigger",
        "add",
        "--id",
        "payday",
        "--situation",
        "Payday",
        "--coping",
        "walk",
    ]);
    let (writers, edits, rehearsals) = (8, 25, 10);
    let children: Vec<_> = (0..writers)
        .map(|w| {
            let mut script = String::new();
            for e in 0..edits {
                let _ = writeln!(script, "\"$0\" reason add \"writer {w} edit {e}\" || exit 1");
            }
            for r in 0..rehearsals {
                let _ = writeln!(script, "\"$0\" rehearse payday --recalled all --confidence 60 --response \"writer {w} rehearsal {r}\" || exit 1");
            }
            env.shell(&script).spawn()
        })
        .collect();
    for child in children {
        child.wait();
    }
    let plan = env.plan();
    assert_eq!(plan.reasons.len(), writers * edits);
    let total = 3 + writers * edits;
    assert_eq!(plan.revision, u64::try_from(total).unwrap());
    for n in 1..=total {
        assert!(
            env.plan_dir()
                .join(format!("revisions/{n:06}.toml"))
                .is_file(),
            "revision {n}"
        );
    }
    let numbered = fs::read_dir(env.plan_dir().join("revisions"))
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with('0'))
        .count();
    assert_eq!(numbered, total, "contiguous and unique");
    let log = fs::read_to_string(env.plan_dir().join("practice.toml")).unwrap();
    for w in 0..writers {
        for e in 0..edits {
            let text = format!("writer {w} edit {e}");
            assert!(plan.reasons.iter().any(|r| r.text == text), "{text} lost");
        }
        for r in 0..rehearsals {
            assert!(
                log.contains(&format!("writer {w} rehearsal {r}\"")),
                "rehearsal {w}/{r} lost"
            );
        }
    }
}
