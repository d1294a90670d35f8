//! Privacy, proven: no network system call from any command, and files
//! readable by their owner alone whatever the umask.

use std::fs;

use crate::Env;

/// Every non-interactive command, in an order that builds and uses a plan.
const COMMANDS: &[&[&str]] = &[
    &["init", "--name", "Sam", "--country", "GB"],
    &["trigger", "add", "--id", "payday", "--situation", "Payday"],
    &["contact", "add", "--name", "Alex", "--phone", "0700 900123"],
    &[
        "coping",
        "add",
        "--name",
        "Urge surfing",
        "--step",
        "Breathe",
    ],
    &["step", "add", "Call Alex"],
    // A planned response, so there is something to rehearse.
    &["trigger", "edit", "payday", "--contact", "alex"],
    &["reason", "add", "Mia"],
    &["set", "--next-review", "2027-01-15"],
    &[
        "rehearse",
        "payday",
        "--recalled",
        "all",
        "--confidence",
        "60",
    ],
    &["rehearse", "--list", "--json"],
    &["show", "--json"],
    &["now"],
    &["history"],
    &["diff"],
    &["restore", "2"],
    &["validate", "plan/plan.toml"],
    &["path"],
];

#[test]
fn no_command_makes_a_network_system_call() {
    if !crate::installed("strace", "-V") {
        assert!(
            std::env::var_os("RELAPSE_PLAN_REQUIRE_STRACE").is_none()
                && std::env::var_os("CI").is_none(),
            "strace is required here (RELAPSE_PLAN_REQUIRE_STRACE is set) but missing"
        );
        eprintln!("skipped: strace is not installed");
        return;
    }
    let env = Env::new();
    let log = env.home().join("trace");
    for args in COMMANDS {
        env.program("strace")
            .args(["-f", "-qq", "-e", "trace=%network,openat", "-o"])
            .arg(&log)
            .arg(crate::bin())
            .args(*args)
            .current_dir(env.home())
            .run();
        let trace = fs::read_to_string(&log).unwrap();
        assert!(
            trace.contains("openat("),
            "{args:?}: strace saw the program run:\n{trace}"
        );
        let network: Vec<&str> = trace.lines().filter(|l| !l.contains("openat(")).collect();
        assert!(
            network.is_empty(),
            "{args:?} made network calls:\n{}",
            network.join("\n")
        );
    }
}

#[cfg(unix)]
#[test]
fn every_file_is_private_whatever_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    for umask in ["000", "022"] {
        let env = Env::new();
        for args in COMMANDS {
            env.shell(&format!("umask {umask} && exec \"$0\" \"$@\""))
                .args(*args)
                .current_dir(env.home())
                .run();
        }
        let mode = |p: &std::path::Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&env.plan_dir()), 0o700, "umask {umask}");
        assert_eq!(
            mode(&env.plan_dir().join("revisions")),
            0o700,
            "umask {umask}"
        );
        let files = env.snapshot_dir();
        for name in [
            "practice.toml",
            "revisions/index.jsonl",
            ".lock",
            "plan.toml",
        ] {
            assert!(
                files.iter().any(|(p, _)| p.ends_with(name)),
                "{name} was written"
            );
        }
        for (path, _) in files {
            assert_eq!(mode(&path), 0o600, "{} under umask {umask}", path.display());
        }
    }
}
