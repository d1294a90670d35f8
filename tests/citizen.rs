//! A good command-line citizen: crisis lines by locale, JSON for scripts,
//! plain output, colour rules, completions, the man page, help, broken
//! pipes, timers, practice, vCard import and calendar export.

use std::fmt::Write as _;
use std::fs;

use crate::Env;

#[test]
fn the_locale_chooses_the_crisis_lines_when_nothing_else_does() {
    let env = Env::new();
    env.ok(["init"]);
    env.test(["now"])
        .env("LANG", "en_GB.UTF-8")
        .stdout_has("Samaritans: call 116 123")
        .run();
    // LC_ALL wins over LANG, as POSIX orders them.
    env.test(["lines"])
        .env("LANG", "en_GB.UTF-8")
        .env("LC_ALL", "en_IE.UTF-8")
        .stdout_has("Pieta")
        .run();
    // The plan's country wins over the locale, and --country over both.
    env.ok(["set", "--country", "NZ"]);
    env.test(["now"])
        .env("LANG", "en_GB.UTF-8")
        .stdout_has("Need to talk?")
        .run();
    env.test(["now", "--country", "US"])
        .env("LANG", "en_GB.UTF-8")
        .stdout_has("988")
        .run();
    env.test(["lines"])
        .env("LANG", "C")
        .env("RELAPSE_PLAN_DIR", env.home().join("none"))
        .stdout_has("call your local emergency number")
        .run();
}

#[test]
fn lines_lists_every_checked_line_with_its_source() {
    let env = Env::new();
    let all: serde_json::Value =
        serde_json::from_str(&env.ok(["lines", "--all", "--json"])).unwrap();
    let countries = all.as_array().unwrap();
    let codes: Vec<&str> = countries
        .iter()
        .map(|c| c["country"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes,
        [
            "US", "CA", "GB", "IE", "AU", "NZ", "DE", "FR", "NL", "IN", "AT", "CH", "JP", "KR",
            "PL", "PT", "SE", "SG", "ZA", "TW"
        ]
    );
    for country in countries {
        assert!(country["emergency"].is_string(), "{country}");
        for line in country["lines"].as_array().unwrap() {
            assert!(
                line["source"].as_str().is_some_and(|s| s.contains('.')),
                "{line}"
            );
            assert!(
                ["2026-11-22", "2026-11-28", "2026-11-29"]
                    .contains(&line["checked"].as_str().unwrap()),
                "{line}"
            );
            assert_eq!(line["checked_over_a_year_ago"], false, "{line}");
        }
    }
    let none: serde_json::Value =
        serde_json::from_str(&env.ok(["lines", "--json", "--country", "AR"])).unwrap();
    assert_eq!(
        none["lines"].as_array().unwrap().len(),
        0,
        "an unknown country never shows another's numbers"
    );
    let text = env.ok(["lines", "--country", "AU"]);
    for expected in [
        "Lifeline: call 13 11 14",
        "Lifeline (text): text 0477 13 11 14",
        "Lifeline: 2026-11-22\n      lifeline.org.au\n",
        "Lifeline (text): 2026-11-28\n      https://lifeline.giveeasy.org/spr21-home\n",
    ] {
        assert!(text.contains(expected), "{expected}\n{text}");
    }
    assert!(!text.contains("more than a year ago"), "{text}");
}

#[test]
fn lines_says_gently_when_a_check_is_over_a_year_old() {
    let env = Env::new();
    let later = |args: &[&str]| {
        let ran = env
            .test(args)
            .env("RELAPSE_PLAN_NOW", "2027-11-25T09:00:00Z")
            .run();
        String::from_utf8(ran.bytes).unwrap()
    };
    // 2026-11-22 is over a year before 2027-11-25; 2026-11-28 is not.
    let text = later(&["lines", "--country", "AU"]);
    let old = text.find("Lifeline: 2026-11-22").unwrap();
    let gentle = text.find("That was more than a year ago").unwrap();
    let fresh = text.find("Lifeline (text): 2026-11-28").unwrap();
    assert!(old < gentle && gentle < fresh, "{text}");
    assert_eq!(text.matches("more than a year ago").count(), 1, "{text}");
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains("it may be worth checking with the service itself"),
        "{text}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&later(&["lines", "--country", "AU", "--json"])).unwrap();
    assert_eq!(json["lines"][0]["checked_over_a_year_ago"], true);
    assert_eq!(json["lines"][1]["checked_over_a_year_ago"], false);
}

#[test]
fn every_json_output_parses() {
    let env = Env::with_example();
    env.ok([
        "rehearse",
        "payday",
        "--recalled",
        "all",
        "--confidence",
        "60",
    ]);
    env.ok(["surf", "--ratings", "7,5,2", "--trigger", "payday"]);
    for args in [
        vec!["show", "--json"],
        vec!["history", "--json"],
        vec!["lines", "--json"],
        vec!["practice", "--json"],
        vec!["rehearse", "--list", "--json"],
    ] {
        let out = env.ok(&args);
        serde_json::from_str::<serde_json::Value>(&out)
            .unwrap_or_else(|e| panic!("{args:?}: {e}\n{out}"));
    }
}

#[test]
fn plain_output_has_no_box_drawing_colour_or_symbols() {
    let env = Env::with_example();
    env.ok(["surf", "--ratings", "7,5,2"]);
    for args in [
        vec!["--plain", "show"],
        vec!["--plain", "now"],
        vec!["--plain", "history"],
        vec!["--plain", "practice"],
        vec!["--plain", "trigger", "list"],
        vec!["--plain", "--color", "always", "now"],
    ] {
        let out = env.ok(&args);
        let decorative: Vec<char> = out
            .chars()
            .filter(|c| {
                ('\u{2500}'..='\u{259f}').contains(c) || ['·', '\u{1b}', '✔', '❯'].contains(c)
            })
            .collect();
        assert!(decorative.is_empty(), "{args:?} has {decorative:?}:\n{out}");
    }
    let show = env.ok(["--plain", "show"]);
    assert!(
        show.contains("1. Trigger: Friday payday, walking past the pub on the way home"),
        "{show}"
    );
    // A rating out of five said in words, not "4/5" (read "4 slash 5").
    assert!(show.contains("  Priority: high; likely 4 of 5"), "{show}");
    // One fact per line for a screen reader: the person's own commas
    // ("after 6 pm, any day") are never mixed with the joins between facts.
    let now = env.ok(["--plain", "now"]);
    assert!(
        now.contains(
            "  Alex (sponsor)\n    Phone: +44 7700 900123\n    When: after 6 pm, any day\n"
        ),
        "{now}"
    );
    insta::assert_snapshot!("plain_now", now);
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let env = Env::with_example();
    assert!(
        !env.ok(["now"]).contains('\u{1b}'),
        "not a terminal: no colour"
    );
    assert!(env.ok(["--color", "always", "now"]).contains("\u{1b}[1m"));
    assert!(!env.ok(["--color", "never", "now"]).contains('\u{1b}'));
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let env = Env::new();
    env.ok(["init"]);
    // Enough triggers that `show` outlasts the pipe's buffer.
    let mut text = String::from("schema_version = 1\nrevision = 1\n");
    for i in 0..400 {
        let _ = write!(
            text,
            "\n[[triggers]]\nid = \"t{i}\"\nsituation = \"A long situation number {i}, described in many words\"\n"
        );
    }
    fs::write(env.plan_file(), text).unwrap();
    // Quietly: nothing on standard error.
    env.program("bash")
        .arg("-c")
        .arg("set -o pipefail; \"$0\" show | head -1 >/dev/null")
        .arg(crate::bin())
        .stderr("")
        .run();
}

#[test]
fn completions_parse_and_the_man_page_lists_every_command() {
    let env = Env::new();
    let bash = env.ok(["completions", "bash"]);
    let file = env.home().join("relapse-plan.bash");
    fs::write(&file, &bash).unwrap();
    // bash -n parses the completion script without running it.
    crate::tool("bash").arg("-n").arg(&file).run();
    for shell in ["zsh", "fish", "elvish", "powershell"] {
        assert!(
            env.ok(["completions", shell]).contains("relapse-plan"),
            "{shell}"
        );
    }
    let man = env.ok(["man"]);
    for sub in relapse_plan::cli::command().get_subcommands() {
        let name = sub.get_name().replace('-', "\\-");
        assert!(
            man.contains(&format!("relapse\\-plan\\-{name}")),
            "the man page lacks {name}"
        );
    }
}

#[test]
fn every_command_has_a_description_and_an_example() {
    fn walk(command: &clap::Command, path: &str, missing: &mut Vec<String>) {
        let path = format!("{path} {}", command.get_name()).trim().to_string();
        let leaves: Vec<&clap::Command> = command.get_subcommands().collect();
        if leaves.is_empty() {
            if command.get_about().is_none() {
                missing.push(format!("{path}: no description"));
            }
            let help = command
                .get_after_help()
                .map(ToString::to_string)
                .unwrap_or_default();
            if !help.contains("Example") {
                missing.push(format!("{path}: no example"));
            }
        }
        for sub in leaves {
            walk(sub, &path, missing);
        }
    }
    let mut missing = Vec::new();
    let command = relapse_plan::cli::command();
    for sub in command.get_subcommands() {
        walk(sub, "", &mut missing);
    }
    assert!(missing.is_empty(), "{missing:#?}");
}

#[test]
fn timers_need_a_terminal_but_surfing_can_be_logged_after_the_fact() {
    let env = Env::with_example();
    let err = env.fails(1, ["breathe"]);
    assert!(err.contains("needs a terminal"), "{err}");
    let err = env.fails(1, ["surf"]);
    assert!(err.contains("surf --ratings"), "{err}");
    let out = env.ok(["surf", "--ratings", "6,8,5,3,1", "--trigger", "payday"]);
    assert!(out.contains("It went from 6 to 1, peaking at 8"), "{out}");
    assert!(out.contains("20:00   1"), "{out}");
    env.fails(2, ["surf", "--ratings", "6,11"]);
    let practice = env.ok(["practice"]);
    assert!(
        practice.contains("urge surfing") && practice.contains("urge 6 → 1"),
        "{practice}"
    );
}

#[test]
fn practice_shows_the_confidence_trend_and_totals() {
    let env = Env::with_example();
    for confidence in ["20", "40", "80"] {
        env.ok([
            "rehearse",
            "payday",
            "--recalled",
            "some",
            "--confidence",
            confidence,
        ]);
    }
    let out = env.ok(["practice"]);
    assert!(
        out.contains("This week: 3 rehearsals, 0 exercises."),
        "{out}"
    );
    assert!(out.contains("20% → 80%  (3 times)"), "{out}");
    assert!(out.contains("▂▃▆"), "{out}");
    let only: serde_json::Value =
        serde_json::from_str(&env.ok(["practice", "--trigger", "payday", "--json"])).unwrap();
    assert_eq!(
        only["confidence"]["payday"],
        serde_json::json!([20, 40, 80])
    );
    let err = env.fails(1, ["practice", "--trigger", "nope"]);
    assert!(
        err.contains("no trigger `nope` in the plan (there is: 1 “")
            && err.contains("`relapse-plan trigger list` shows the triggers there are"),
        "{err}"
    );
}

#[test]
fn contacts_import_from_a_phone_export() {
    let env = Env::new();
    env.ok(["init"]);
    env.ok([
        "contact",
        "add",
        "--name",
        "Jo",
        "--phone",
        "+44 (0)1632 960 111",
    ]);
    let vcf = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/contacts.vcf");
    let err = env.fails(1, ["contact", "import", vcf.to_str().unwrap()]);
    // Her own file, not the word FILE (trudy16f).
    assert!(
        err.contains(&format!("contact import {} --yes", vcf.display())),
        "{err}"
    );
    env.test(["contact", "import", vcf.to_str().unwrap(), "--yes"])
        .stderr_has("Jürgen Müller")
        .run();
    let plan = env.plan();
    let names: Vec<&str> = plan.contacts.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Jo",
            "Alex Smith",
            "Dr Asha Patel, Riverside Surgery (weekdays 8 am to 6:30 pm)",
            "Jürgen Müller"
        ]
    );
    assert_eq!(
        plan.contacts[1].phone.as_deref(),
        Some("+44 7700 900123"),
        "the preferred number"
    );
    assert_eq!(plan.revision, 3, "one revision for the import");
    // Importing again adds no one.
    env.test(["contact", "import", vcf.to_str().unwrap(), "--yes"])
        .stderr_has("Everyone in this file is already in your plan")
        .run();
    assert_eq!(env.plan().revision, 3);
}

#[test]
fn rehearsals_export_to_a_calendar_file() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::with_example();
    env.ok([
        "rehearse",
        "payday",
        "--recalled",
        "all",
        "--confidence",
        "60",
    ]);
    let file = env.home().join("practice.ics");
    env.test(["rehearse", "--ics", "-o", file.to_str().unwrap()])
        .stderr_has("private health information")
        .run();
    assert_eq!(
        fs::metadata(&file).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let text = fs::read_to_string(&file).unwrap();
    assert!(
        !text.contains("Friday payday"),
        "no personal details without --details"
    );
    let calendar = ical::IcalParser::new(text.as_bytes())
        .next()
        .expect("one calendar")
        .expect("it parses");
    assert_eq!(calendar.events.len(), 3);
    let starts: Vec<String> = calendar
        .events
        .iter()
        .map(|e| {
            e.properties
                .iter()
                .find(|p| p.name == "DTSTART")
                .and_then(|p| p.value.clone())
                .unwrap()
        })
        .collect();
    assert!(
        starts.contains(&"20261123".to_string()),
        "payday is next due tomorrow: {starts:?}"
    );
    assert!(
        starts.contains(&"20261122".to_string()),
        "never practised: due today: {starts:?}"
    );
    let detailed = env.ok(["rehearse", "--ics", "--details"]);
    let calendar = ical::IcalParser::new(detailed.as_bytes())
        .next()
        .unwrap()
        .unwrap();
    let descriptions: Vec<String> = calendar
        .events
        .iter()
        .filter_map(|e| {
            e.properties
                .iter()
                .find(|p| p.name == "DESCRIPTION")
                .and_then(|p| p.value.clone())
        })
        .collect();
    assert_eq!(descriptions.len(), 3);
    assert!(
        descriptions
            .iter()
            .any(|d| d.contains("walking past the pub")),
        "{descriptions:?}"
    );
}

/// Issue 12 (guard12c): a calendar is often shared or synced, so
/// `rehearse --ics` names nothing of her plan unless she asks: every
/// event's title is "Practise your plan", and no trigger id (made from her
/// words) or situation is anywhere in the file, not even in a UID. With
/// `--details` each title carries her situation, in her words, never an
/// id. UIDs stay the same from one export to the next (a calendar updates
/// rather than doubling) and differ between triggers. Read back by an
/// independent reader (the `ical` crate).
#[test]
fn the_calendar_names_nothing_of_the_plan_without_details() {
    let env = Env::with_example();
    let plan = env.plan();
    let events = |text: &str| -> Vec<(String, String)> {
        let calendar = ical::IcalParser::new(text.as_bytes())
            .next()
            .expect("one calendar")
            .expect("it parses");
        calendar
            .events
            .iter()
            .map(|e| {
                let get = |name: &str| {
                    e.properties
                        .iter()
                        .find(|p| p.name == name)
                        .and_then(|p| p.value.clone())
                        .unwrap_or_default()
                };
                (get("SUMMARY"), get("UID"))
            })
            .collect()
    };
    let exported = env.ok(["rehearse", "--ics"]);
    let found = events(&exported);
    assert_eq!(found.len(), plan.triggers.len());
    for (summary, _) in &found {
        assert_eq!(summary, "Practise your plan");
    }
    for trigger in &plan.triggers {
        assert!(
            !exported.contains(&trigger.id),
            "{}: {exported}",
            trigger.id
        );
        assert!(!exported.contains(&trigger.situation), "{exported}");
    }
    let mut uids: Vec<&String> = found.iter().map(|(_, uid)| uid).collect();
    uids.sort();
    uids.dedup();
    assert_eq!(uids.len(), plan.triggers.len(), "{found:?}");
    assert_eq!(events(&env.ok(["rehearse", "--ics"])), found, "UIDs change");

    let detailed = events(&env.ok(["rehearse", "--ics", "--details"]));
    // The reader leaves iCalendar's text escapes (`\,`) as they are.
    let mut titles: Vec<String> = detailed
        .into_iter()
        .map(|(s, _)| s.replace("\\,", ",").replace("\\;", ";"))
        .collect();
    titles.sort();
    let mut wanted: Vec<String> = plan
        .triggers
        .iter()
        .map(|t| format!("Practise your plan: {}", t.situation))
        .collect();
    wanted.sort();
    assert_eq!(titles, wanted);
    let help = env.ok(["rehearse", "--help"]);
    assert!(
        help.contains("Without it each event says only \"Practise your"),
        "{help}"
    );
}

/// Fresh eyes (issue 13): Taiwan is offered as her country, guessed from
/// her time zone, yet `now` said "No lines are checked for Taiwan yet".
/// Its emergency number and the Lifeline are now checked against their
/// own published pages; Egypt's are not yet, so it is named and told
/// what to do, never shown another country's numbers.
#[test]
fn now_in_taipei_shows_taiwans_lines_and_in_cairo_names_egypt() {
    let env = Env::new();
    env.test(["now"])
        .env("TZ", "Asia/Taipei")
        .env("LANG", "C.UTF-8")
        .stdout_has("Crisis lines (Taiwan)")
        .stdout_has("Emergency: 119")
        .stdout_has("生命線 Lifeline: call 1995")
        .stdout_lacks("No lines are checked")
        .run();
    let json: serde_json::Value =
        serde_json::from_str(&env.ok(["lines", "--json", "--country", "TW"])).unwrap();
    assert_eq!(json["emergency"], "119");
    assert_eq!(
        json["lines"][0]["source"],
        "http://www.1995.org.tw/dvocacy_detail_32.htm"
    );
    assert_eq!(json["lines"][0]["checked"], "2026-11-29");
    env.test(["now"])
        .env("TZ", "Africa/Cairo")
        .env("LANG", "C.UTF-8")
        .stdout_has("Crisis lines (Egypt)")
        .stdout_has("No lines are checked for Egypt yet")
        .stdout_has("call your local")
        .stdout_lacks("Emergency: ")
        .run();
}
