//! Every command, as a new user meets it.

use crate::{Env, example_plan};

#[test]
fn init_starts_an_empty_plan_and_refuses_to_replace_one() {
    let env = Env::new();
    env.ok(["init", "--name", "Sam", "--country", "gb"]);
    let plan = env.plan();
    assert_eq!(
        (plan.revision, plan.name.as_str(), plan.country.as_deref()),
        (1, "Sam", Some("GB"))
    );
    assert_eq!(plan.saved_at.unwrap().to_string(), crate::NOW);
    let before = env.snapshot_dir();
    let err = env.fails(1, ["init", "--name", "Someone else"]);
    assert!(err.contains("a plan already exists"), "{err}");
    assert_eq!(env.snapshot_dir(), before);
}

#[test]
fn commands_that_need_a_plan_say_how_to_start_one() {
    let env = Env::new();
    let err = env.fails(1, ["show"]);
    assert!(err.starts_with("error: there is no plan yet in `"), "{err}");
    assert!(
        err.contains("hint: start one with `relapse-plan init"),
        "{err}"
    );
}

#[test]
fn path_prints_the_plan_folder() {
    let env = Env::new();
    assert_eq!(
        env.ok(["path"]).trim_end(),
        env.plan_dir().to_str().unwrap()
    );
    let other = env.home().join("elsewhere");
    let out = env.ok(["--plan-dir", other.to_str().unwrap(), "path"]);
    assert_eq!(
        out.trim_end(),
        other.to_str().unwrap(),
        "the flag wins over RELAPSE_PLAN_DIR"
    );
}

#[test]
fn the_config_folder_is_used_when_nothing_is_set() {
    let env = Env::new();
    let out = env
        .test(["path"])
        .env_remove("RELAPSE_PLAN_DIR")
        .env("XDG_CONFIG_HOME", env.home().join("cfg"))
        .run();
    let path = String::from_utf8(out.bytes).unwrap();
    if cfg!(target_os = "linux") {
        assert_eq!(
            path.trim_end(),
            env.home().join("cfg/relapse-plan").to_str().unwrap()
        );
    } else {
        assert!(
            path.trim_end().ends_with("relapse-plan") || path.contains("relapse-plan"),
            "{path}"
        );
    }
}

#[test]
fn usage_mistakes_exit_2_and_errors_exit_1() {
    let env = Env::new();
    env.fails(2, ["trigger", "add"]);
    env.fails(2, ["no-such-command"]);
    env.ok(["init"]);
    let err = env.fails(
        2,
        [
            "trigger",
            "add",
            "--situation",
            "x",
            "--category",
            "sadness",
        ],
    );
    assert!(
        err.contains("`sadness` is not a trigger category; choose one of: unpleasant-emotions"),
        "{err}"
    );
    env.fails(1, ["trigger", "remove", "nope"]);
}

/// Exit codes by cause: 2 only for what was typed on the command line (or
/// a variable standing for it), 1 for the plan, its files and the world.
#[test]
fn each_cause_exits_with_its_own_code() {
    let env = Env::new();
    // No plan yet: a failure, not a usage mistake.
    env.test(["show"])
        .status(1)
        .stderr_has("there is no plan yet")
        .stderr_has("hint: start one with `relapse-plan init")
        .run();
    env.test(["init"]).run();
    // The plan has no one to export: 1 (it was 2).
    env.test(["contact", "export"])
        .status(1)
        .stderr_has("error: there is no one to export")
        .stderr_has("hint: add someone with `relapse-plan contact add")
        .run();
    // No homework started: 1 (it was 2).
    env.test(["homework", "status"])
        .status(1)
        .stderr_has("error: there is no homework yet")
        .stderr_has("hint: start one with `relapse-plan homework start FILE`")
        .run();
    // A file named with -o inside the plan's folder: what was typed, 2.
    env.test(["print", "-o"])
        .arg(env.plan_dir().join("copy.txt"))
        .status(2)
        .stderr_has("is inside your plan's folder")
        .stderr_has("hint: choose a file somewhere else")
        .run();
    env.test(["print", "-o"])
        .arg(env.home())
        .status(2)
        .stderr_has("is a folder")
        .stderr_has("hint: name the file to write in it, like `")
        .run();
    // A clock variable that is not a moment: 2, naming the variable.
    env.test(["show"])
        .env("RELAPSE_PLAN_NOW", "teatime")
        .status(2)
        .stderr_has("RELAPSE_PLAN_NOW=`teatime` is not a moment like 2026-11-22T10:15:00Z")
        .run();
    // A damaged plan file: 1, and it is left as it was.
    std::fs::write(env.plan_file(), "name = [").unwrap();
    env.test(["show"])
        .status(1)
        .stderr_has("can't be read as a plan")
        .run();
    assert_eq!(
        std::fs::read_to_string(env.plan_file()).unwrap(),
        "name = ["
    );
}

#[test]
fn a_wrong_value_names_the_right_ones_and_exits_2() {
    let env = Env::new();
    env.ok(["init"]);
    for (args, said) in [
        (
            &["print", "--paper", "a5"][..],
            "`a5` is not a paper size; choose one of: a4, letter",
        ),
        (
            &["print", "--format", "docx"],
            "`docx` is not a format relapse-plan prints; choose one of: text, markdown, html, pdf",
        ),
        (
            &["completions", "tcsh"],
            "`tcsh` is not a shell relapse-plan writes completions for; choose one of: bash, elvish, fish, powershell, zsh",
        ),
        (
            &["--color", "sometimes", "show"],
            "`sometimes` is not a colour setting; choose one of: auto, always, never",
        ),
        (
            &["rehearse", "x", "--recalled", "most", "--confidence", "50"],
            "`most` is not how much you recalled; choose one of: all, some, none",
        ),
        (
            &["check-in", "--urge", "3", "--acted", "maybe"],
            "`maybe` is not how you acted on an urge; choose one of: no, partly, yes",
        ),
        (
            &["coping", "add", "--name", "Walk", "--kind", "sport"],
            "`sport` is not a coping kind; choose one of: internal, distraction, social, professional, environment",
        ),
        (
            &["contact", "add", "--name", "Alex", "--role", "boss"],
            "`boss` is not a contact role; choose one of: distraction, help, professional",
        ),
    ] {
        let err = env.fails(2, args.iter().copied());
        assert!(err.contains(said), "{args:?}: {err}");
        assert!(err.contains("For more information, try '--help'."), "{err}");
    }
    // Case, spaces and underscores are forgiven, as in the plan file's names.
    env.ok([
        "trigger",
        "add",
        "--situation",
        "Payday",
        "--category",
        "Pleasant_Emotions",
    ]);
    let shown = env.ok(["show", "--json"]);
    assert!(shown.contains("\"pleasant-emotions\""), "{shown}");
}

#[test]
fn validate_checks_a_file_and_changes_nothing() {
    let env = Env::new();
    let out = env.ok(["validate", example_plan().to_str().unwrap()]);
    assert!(out.contains("is a valid plan: revision 3, 3 triggers, 4 coping strategies, 4 contacts, 5 crisis steps"), "{out}");

    let bad = env.home().join("bad.toml");
    std::fs::write(&bad, "schema_version = 1\n[[triggers]]\nid = \"vetan-ka-din\"\nsituation = \"वेतन का दिन, शाम को अकेले घर लौटते हुए ठेके के सामने से\"\nlikelihood = 9\ncoping = [\"ghost\"]\n").unwrap();
    let err = env.fails(1, ["validate", bad.to_str().unwrap()]);
    assert!(err.contains("bad.toml` has 2 problems"), "{err}");
    // Named by the person's words, shortened; the id only to find it in the file.
    assert!(
        err.contains("trigger “वेतन का दिन, शाम को अकेले घर लौटते हुए ठेके के…”: likelihood is 9; it goes from 0 to 5 (id `vetan-ka-din` in bad.toml)"),
        "{err}"
    );
    assert!(
        err.contains("trigger “वेतन का दिन, शाम को अकेले घर लौटते हुए ठेके के…”: links to coping strategy `ghost`, which is not in the plan (id `vetan-ka-din` in bad.toml)"),
        "{err}"
    );
}

#[test]
fn the_example_plan_loads_and_validates_through_the_library() {
    let bytes = std::fs::read(example_plan()).unwrap();
    let parsed = relapse_plan::plan::parse::parse(&bytes).unwrap();
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    let plan = parsed.plan;
    // Every section is used, so the example documents every field.
    assert!(!plan.reasons.is_empty() && !plan.warning_signs.is_empty());
    assert!(!plan.crisis_steps.is_empty() && !plan.safe_environment.is_empty());
    assert!(!plan.lapse_plan.is_empty() && !plan.maintenance.is_empty());
    assert!(plan.review.last.is_some() && plan.review.next.is_some());
    assert!(plan.contacts.iter().any(|c| !c.to_involve()));
    assert!(
        plan.triggers
            .iter()
            .any(|t| t.rank.is_some() && !t.contacts.is_empty())
    );
}

#[test]
fn now_shows_the_crisis_plan_without_asking_anything() {
    let env = Env::with_example();
    let out = env.ok(["now"]);
    let steps = out
        .find("1. Stop, leave, and go somewhere safe")
        .expect("steps");
    let people = out
        .find("Alex (sponsor) · +44 7700 900123")
        .expect("help contact");
    let professional = out.find("Dr Patel").expect("professional");
    let distraction = out.find("Priya · +44 7700 900456").expect("distraction");
    let lines = out.find("Samaritans: call 116 123").expect("GB lines");
    let reasons = out
        .find("Being there for my daughter, Mia")
        .expect("reasons");
    assert!(
        steps < people
            && people < professional
            && professional < distraction
            && distraction < lines
            && lines < reasons,
        "{out}"
    );
    assert!(out.contains("Emergency: 999"), "{out}");
    assert!(out.contains("No alcohol kept at home"), "{out}");
    assert!(
        !out.contains("Dave"),
        "a do-not-involve contact must never be shown:\n{out}"
    );
    assert!(
        out.lines().count() <= 40,
        "fits one screen: {} lines",
        out.lines().count()
    );
    assert!(out.lines().all(|l| l.chars().count() <= 80), "{out}");
}

#[test]
fn now_uses_the_country_flag_and_never_guesses_a_country() {
    let env = Env::with_example();
    let us = env.ok(["now", "--country", "us"]);
    assert!(
        us.contains("988 Suicide & Crisis Lifeline: call 988 or text 988"),
        "{us}"
    );
    assert!(
        !us.contains("Shout") && !us.contains("Emergency: 999"),
        "no GB lines for --country US:\n{us}"
    );
    let jp = env.ok(["now", "--country", "AR"]);
    assert!(
        jp.contains("No lines are checked for Argentina yet"),
        "{jp}"
    );
    assert!(!jp.contains("Emergency:"), "{jp}");

    let empty = Env::new();
    let out = empty.ok(["now"]);
    assert!(out.contains("call your local emergency number"), "{out}");
    assert!(out.contains("You don't have a saved plan yet"), "{out}");
    // Yuki, in Tokyo with a `C` locale and no plan yet: her time zone says
    // where she is, as the walk-through already read it.
    empty
        .test(["now"])
        .env("TZ", "Asia/Tokyo")
        .env("LANG", "C.UTF-8")
        .stdout_has("Crisis lines (Japan)")
        .stdout_has("0120-279-338")
        .stdout_lacks("call your local emergency number")
        .run();
}

#[test]
fn show_lists_every_section_riskiest_trigger_first() {
    let env = Env::with_example();
    let out = env.ok(["show"]);
    let payday = out.find("Friday payday").unwrap();
    // Numbered as `trigger list` numbers them, the words wrapped after it.
    let row = out.find("2. An argument with").unwrap();
    let sunday = out.find("Sunday evening").unwrap();
    assert!(payday < row && row < sunday, "{out}");
    // The person's words, not the ids commands take (`trigger list` has those).
    for id in ["id: payday", "row-with-jo", "urge-surf", "dr-patel"] {
        assert!(!out.contains(id), "show printed the id {id:?}:\n{out}");
    }
    for text in [
        "high",
        "medium",
        "low",
        "likely 4/5",
        "sure 40%",
        "Urge surfing",
        "Dr Patel",
        "someone not to",
        "Walk at lunch",
        "Write down what happened",
        "next review 15 January 2027",
    ] {
        // Read as one line, however the header wraps.
        let joined = out.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(joined.contains(text), "missing {text:?}:\n{out}");
    }
    assert!(out.lines().all(|l| l.chars().count() <= 80), "{out}");
}

#[test]
fn show_json_has_every_value_and_the_priorities() {
    let env = Env::with_example();
    let json: serde_json::Value = serde_json::from_str(&env.ok(["show", "--json"])).unwrap();
    assert_eq!(json["name"], "Sam");
    assert_eq!(json["saved_at"], "2026-11-22T10:15:00Z");
    assert_eq!(json["review"]["next"], "2027-01-15");
    assert_eq!(json["triggers"][0]["id"], "payday");
    assert_eq!(json["triggers"][0]["priority"], 12.0);
    assert_eq!(json["triggers"][0]["band"], "high");
    // Someone not to involve has a role of their own, never "help".
    assert_eq!(json["contacts"][3]["role"], "do-not-involve");
    assert!(json["contacts"][3].get("do_not_involve").is_none());
    assert_eq!(json["crisis_steps"].as_array().unwrap().len(), 5);
}

#[test]
fn help_names_the_priority_rule_as_the_tools_own() {
    let env = Env::new();
    let out = env.ok(["show", "--help"]);
    let out = out.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        out.contains("rule of thumb of this tool's own, not a clinical score"),
        "{out}"
    );
}

#[test]
fn an_empty_plan_dir_variable_counts_as_unset() {
    let env = Env::new();
    env.test(["path"])
        .env("RELAPSE_PLAN_DIR", "")
        .env("XDG_CONFIG_HOME", env.home().join("cfg"))
        .stdout_has("relapse-plan")
        .run();
}

/// Issue 11: every date typed on the command line is read by one grammar,
/// the one `set` and the walk-through use: `review --since` and `homework
/// assign --due` take "1 March 2027", 01/03/2027 (day first in a British
/// locale) and 2027-03-01 alike, as `set --next-review` does.
#[test]
fn since_and_due_read_every_date_as_set_does() {
    let env = Env::new();
    env.ok(["init", "--name", "Sam"]);
    let out = env.home().join("homework.toml");
    for typed in ["1 March 2027", "01/03/2027", "2027-03-01"] {
        env.test(["set", "--next-review", typed])
            .env("LANG", "en_GB.UTF-8")
            .case(typed)
            .run();
        assert_eq!(
            env.plan().review.next.unwrap().to_string(),
            "2027-03-01",
            "{typed}"
        );
        env.test(["review", "--since", typed])
            .env("LANG", "en_GB.UTF-8")
            .env("RELAPSE_PLAN_NOW", "2027-03-10T09:00:00Z")
            .case(typed)
            .stdout_has("since 1 March 2027")
            .run();
        env.test(["homework", "assign", "-o"])
            .arg(&out)
            .args(["--therapist", "Dr Lee", "--due", typed])
            .args(["--task", "map-triggers=2", "--force"])
            .env("LANG", "en_GB.UTF-8")
            .case(typed)
            .run();
        let written = std::fs::read_to_string(&out).unwrap();
        assert!(written.contains("due = 2027-03-01"), "{typed}: {written}");
    }
    // What none of them can settle is said in set's words.
    env.test(["review", "--since", "01/03/2027"])
        .status(2)
        .stderr_has("“01/03/2027” could be")
        .run();
    env.test(["homework", "assign", "-o"])
        .arg(&out)
        .args(["--therapist", "Dr Lee", "--due", "31/02/2027"])
        .args(["--task", "map-triggers=2", "--force"])
        .env("LANG", "en_GB.UTF-8")
        .status(2)
        .stderr_has("isn't a day on the calendar")
        .run();
}

/// `validate` counted "1 contacts" (Priya, Trudy): one of a thing is said
/// as one.
#[test]
fn validate_says_one_of_a_thing_as_one() {
    let env = Env::new();
    env.ok(["init", "--country", "IN"]);
    env.ok([
        "contact",
        "add",
        "--name",
        "राहुल",
        "--phone",
        "+91 98200 55501",
        "--role",
        "help",
    ]);
    env.ok(["coping", "add", "--name", "Walk", "--kind", "internal"]);
    let out = env.ok(["validate", env.plan_file().to_str().unwrap()]);
    assert!(
        out.contains("0 triggers, 1 coping strategy, 1 contact, 0 crisis steps."),
        "{out}"
    );
}
