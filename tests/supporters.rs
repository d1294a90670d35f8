//! Carrying the plan to the people who help: the sections written for
//! supporters, and older plan files (schema 1 and 2) opening, migrating to
//! schema 3 and keeping their history.

use std::fs;
use std::path::Path;

use super::Env;

fn data(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

#[test]
fn the_sections_for_supporters_are_kept_in_the_persons_words() {
    let env = Env::with_example();
    env.ok(["helps", "add", "Sit with me; you don't need to talk"]);
    env.ok(["helps", "add", "Make tea, \"strong\" ☕"]);
    env.ok(["not-helpful", "add", "Telling me to cheer up"]);
    env.ok(["who-does-what", "add", "Aoife: stays with me"]);
    env.ok(["who-does-what", "add", "Mum: looks after Idris"]);
    env.ok(["stand-down", "add", "I'm eating and sleeping again"]);
    env.ok([
        "after-crisis",
        "add",
        "A quiet day, then a call on the third",
    ]);
    env.ok(["who-does-what", "move", "2", "--to", "1"]);
    let list = env.ok(["who-does-what", "list"]);
    assert!(
        list.contains("1. Mum: looks after Idris") && list.contains("2. Aoife: stays with me"),
        "{list}"
    );
    let plan = env.plan();
    assert_eq!(plan.helps[1].text, "Make tea, \"strong\" ☕");
    assert_eq!(plan.does_not_help[0].text, "Telling me to cheer up");
    assert_eq!(plan.stand_down[0].text, "I'm eating and sleeping again");
    assert_eq!(plan.after_crisis.len(), 1);
    let text = fs::read_to_string(env.plan_file()).unwrap();
    assert!(text.starts_with("schema_version = 3\n"), "{text}");
    assert!(text.contains("[[who_does_what]]\ntext = \"Mum: looks after Idris\""));
    let show = env.ok(["show"]);
    for words in [
        "What helps me when I'm struggling",
        "Sit with me; you don't need to talk",
        "What does not help",
        "Who does what",
        "When you can stand down",
        "After a crisis",
    ] {
        assert!(show.contains(words), "show lacks {words}: {show}");
    }
    let diff = env.ok(["diff"]);
    assert!(diff.contains("who does what reordered"), "{diff}");
    let err = env.fails(1, ["stand-down", "remove", "4"]);
    assert!(err.contains("stand-down list"), "{err}");
}

/// A schema-1 plan (the many-scripts one, revision 7) opens, is saved as
/// schema 3 on its next change, and its old revision stays byte for byte,
/// still opens, diffs and restores across the boundary.
#[test]
fn a_schema_1_plan_migrates_and_keeps_its_history() {
    let env = Env::with_world();
    let original = fs::read_to_string(data("world.toml")).unwrap();
    let now = env.ok(["now"]);
    assert!(now.contains("ليلى Layla"), "{now}");
    env.ok(["helps", "add", "Stay with me"]);
    let saved = fs::read_to_string(env.plan_file()).unwrap();
    assert!(saved.starts_with("schema_version = 3\n"), "{saved}");
    assert!(saved.contains("revision = 8"), "{saved}");
    let rev7 = env.plan_dir().join("revisions/000007.toml");
    assert_eq!(fs::read_to_string(&rev7).unwrap(), original);
    // Wide enough that the note is on one line of its cell, beside dates
    // now said in words.
    let history = env.test(["history"]).env("COLUMNS", "140").run().stdout;
    assert!(history.contains("Session with Dr Wang"), "{history}");
    let diff = env.ok(["diff", "7", "8"]);
    assert!(diff.contains("Stay with me"), "{diff}");
    assert!(!diff.contains("schema"), "{diff}");
    let back = env.ok(["diff", "8", "7"]);
    assert!(
        back.contains("removed") && back.contains("Stay with me"),
        "{back}"
    );
    let old = env.ok(["print", "--revision", "7"]);
    assert!(old.contains("ليلى Layla"), "{old}");
    env.ok(["restore", "7"]);
    let restored = env.plan();
    assert_eq!(restored.revision, 9);
    assert!(restored.helps.is_empty());
    assert_eq!(restored.crisis_steps.len(), 10);
    assert!(
        fs::read_to_string(env.plan_file())
            .unwrap()
            .starts_with("schema_version = 3\n")
    );
    assert_eq!(fs::read_to_string(&rev7).unwrap(), original);
}

/// Hand-ins and drafts carry a plan of their own: one from schema 1 or 2
/// still opens, and reads as schema 3.
#[test]
fn older_hand_ins_and_drafts_still_open() {
    let therapist = Env::new();
    for name in ["hand-in-v1.toml", "hand-in-v2.toml"] {
        let file = data(name);
        let text = fs::read_to_string(&file).unwrap();
        assert!(
            text.contains("[plan]\nschema_version = 2\n"),
            "{name} holds a schema-2 plan"
        );
        let out = therapist.ok(["review", file.to_str().unwrap()]);
        assert!(out.contains("Tasks"), "{name}: {out}");
    }
    let hand_in: relapse_plan::plan::homework::HandIn =
        relapse_plan::plan::homework::read_hand_in(&fs::read(data("hand-in-v2.toml")).unwrap())
            .unwrap();
    assert_eq!(hand_in.plan.schema_version, 3);
    assert_eq!(hand_in.plan.name, "Sam");

    // A draft left by `new` under schema 1.
    let world = fs::read_to_string(data("world.toml")).unwrap();
    let mut draft = String::from(
        "schema_version = 1\nwizard = \"new\"\nstarted_at = 2026-11-20T18:00:00Z\nbase_revision = 7\ndone = [\"about\"]\n\n",
    );
    let plan: toml::Table = toml::from_str(&world).unwrap();
    let mut wrapped = toml::Table::new();
    wrapped.insert("plan".into(), toml::Value::Table(plan));
    draft.push_str(&toml::to_string(&wrapped).unwrap());
    let draft: relapse_plan::plan::draft::Draft =
        relapse_plan::plan::parse::parse_toml(draft.as_bytes()).unwrap();
    assert_eq!(draft.plan.schema_version, 3);
    assert_eq!(draft.plan.name, "ليلى Layla");
    assert!(draft.plan.contacts.iter().any(|c| !c.to_involve()));
}

/// A schema-2 file that already holds something schema 3 added was mixed by
/// hand: it is named, with the line, and the file is left alone.
#[test]
fn a_schema_3_field_in_an_older_file_is_named() {
    let env = Env::new();
    env.ok(["init"]);
    let text = "schema_version = 2\nrevision = 1\nname = \"Sam\"\n\n[[crisis_steps]]\ntext = \"Call Aoife\"\n\n[crisis_steps.follow_through]\nlikely = 40\n";
    fs::write(env.plan_file(), text).unwrap();
    let err = env.fails(1, ["step", "add", "Breathe"]);
    assert!(
        err.contains("follow_through") && err.contains("schema 3") && err.contains("line 8"),
        "{err}"
    );
    assert_eq!(fs::read_to_string(env.plan_file()).unwrap(), text);
}

/// The many-scripts plan with the sections for supporters written, a
/// "do not involve" contact with a Latin name, and a private marker in
/// every kind of thing a supporter's copy must never hold.
fn plan_to_share() -> Env {
    let env = Env::with_world();
    for (section, text) in [
        ("helps", "اجلس معي، لا داعي للكلام"),
        ("helps", "Make tea; sit with me, you don't need to talk"),
        ("not-helpful", "Telling me to cheer up"),
        ("who-does-what", "Маша: stays with me"),
        ("who-does-what", "Karim: looks after the dog"),
        ("stand-down", "I'm eating and sleeping again"),
        ("after-crisis", "A quiet day, then a call on the third"),
        ("warning-sign", "PRIVATE-SIGN not answering the door"),
        ("reason", "PRIVATE-REASON my garden"),
        ("safety", "PRIVATE-SAFETY pills with Karim"),
        ("lapse", "PRIVATE-LAPSE tell Dr Wang"),
        ("maintenance", "PRIVATE-DAILY swim"),
    ] {
        env.ok([section, "add", text]);
    }
    env.ok([
        "trigger",
        "add",
        "--situation",
        "PRIVATE-TRIGGER payday at the bar",
        "--thought",
        "PRIVATE-THOUGHT I've earned it",
        "--feeling",
        "PRIVATE-FEELING restless",
        "--urge",
        "PRIVATE-URGE buy a bottle",
        "--likelihood",
        "4",
        "--intensity",
        "5",
        "--confidence",
        "40",
    ]);
    env.ok([
        "coping",
        "add",
        "--name",
        "PRIVATE-COPING urge surfing",
        "--step",
        "PRIVATE-COPING-STEP breathe out",
    ]);
    env.ok([
        "contact",
        "add",
        "--name",
        "Rory Keane",
        "--phone",
        "+353 87 555 0199",
        "--role",
        "help",
        "--do-not-involve",
    ]);
    env.ok([
        "step",
        "follow-through",
        "3",
        "--likely",
        "30",
        "--in-the-way",
        "PRIVATE-WAY he might be asleep",
        "--answer",
        "PRIVATE-ANSWER he said any time",
    ]);
    env.ok([
        "check-in",
        "--urge",
        "7",
        "--distress",
        "6",
        "--note",
        "PRIVATE-CHECKIN a long day",
    ]);
    env
}

/// Everything a supporter's copy must never hold: every private field of
/// the plan as written, then the words ratings and check-ins print as.
fn private_words(env: &Env) -> Vec<String> {
    let plan = env.plan();
    let mut words: Vec<String> = Vec::new();
    for t in &plan.triggers {
        words.push(t.situation.clone());
        words.extend(
            t.thoughts
                .iter()
                .chain(&t.feelings)
                .chain(&t.urges)
                .cloned(),
        );
    }
    for list in [
        &plan.warning_signs,
        &plan.reasons,
        &plan.safe_environment,
        &plan.lapse_plan,
        &plan.maintenance,
    ] {
        words.extend(list.iter().map(|i| i.text.clone()));
    }
    for c in &plan.coping {
        words.push(c.name.clone());
        words.extend(c.steps.iter().cloned());
    }
    for c in plan.contacts.iter().filter(|c| !c.to_involve()) {
        words.push("Omar".into());
        words.push(c.name.clone());
        words.extend(c.phone.clone());
    }
    words.extend(
        [
            "PRIVATE",
            "Rory",
            "971 4 123",
            "priority",
            "likelihood",
            "confidence",
            "urge",
            "distress",
            "check-in",
            "likely to use",
            "30%",
        ]
        .map(String::from),
    );
    words
}

/// What the person chose to share, in scripts pdftotext reads back in
/// order (left to right).
const SHARED: &[&str] = &[
    "Make tea; sit with me, you don't need to talk",
    "Telling me to cheer up",
    "Маша: stays with me",
    "Karim: looks after the dog",
    "I'm eating and sleeping again",
    "A quiet day, then a call on the third",
    "Call Tele-MANAS on 14416",
    "+91 98765 43210",
    "+86 138 0013 8000",
    "Tele-MANAS",
    "112",
];

/// HTML as a reader sees it: tags dropped, the five entities undone.
fn html_text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn a_supporters_copy_holds_exactly_what_was_chosen_in_every_format() {
    let env = plan_to_share();
    let private = private_words(&env);
    let dir = env.home().to_path_buf();
    for format in ["text", "markdown", "html", "pdf"] {
        let file = dir.join(format!("for-masha.{format}"));
        env.test([
            "print",
            "--for",
            "Маша",
            "--yes",
            "--format",
            format,
            "-o",
            file.to_str().unwrap(),
        ])
        .stderr_has("This copy for Маша Иванова will hold")
        .run();
        let text = match format {
            "pdf" => crate::pdftotext(&file),
            "html" => html_text(&fs::read_to_string(&file).unwrap()),
            _ => fs::read_to_string(&file).unwrap(),
        };
        let flat = squash(&text);
        for shared in SHARED {
            assert!(flat.contains(shared), "{format} lacks {shared:?}:\n{text}");
        }
        assert!(
            flat.contains("Маша Иванова"),
            "{format}: names whom it is for"
        );
        for word in &private {
            let found = if word.chars().all(|c| c.is_ascii_lowercase() || c == '-') {
                flat.to_lowercase().contains(word.as_str())
            } else {
                flat.contains(word.as_str())
            };
            assert!(!found, "{format} holds the private {word:?}:\n{text}");
        }
        // The supporter is not listed as someone to call; the others are.
        assert!(!flat.contains("+7 912 345-67-89") || flat.contains("Позвони Маше"));
        assert!(flat.contains("Μαρία Παπαδοπούλου"), "{format}");
    }
}

#[test]
fn a_supporter_is_found_kindly_by_name() {
    let env = plan_to_share();
    let err = env.fails(1, ["print", "--for", "Rory", "--yes"]);
    assert!(
        err.contains(
            "Rory Keane is marked not to involve in a crisis, so there is no copy for them"
        ),
        "{err}"
    );
    let err = env.fails(1, ["print", "--for", "m", "--yes"]);
    assert!(
        err.contains("“m” could be “Μαρία Παπαδοπούλου” or “Маша Иванова”"),
        "{err}"
    );
    assert!(err.contains("type more of their name"), "{err}");
    let err = env.fails(1, ["print", "--for", "Aoife", "--yes"]);
    assert!(
        err.contains("there is no one called “Aoife” among the people in your plan"),
        "{err}"
    );
    assert!(
        err.contains("“दीदी (Priya)”") && !err.contains("Rory"),
        "{err}"
    );
    let out = env.ok(["print", "--for", "priya", "--yes"]);
    assert!(out.contains(", for दीदी (Priya)"), "{out}");
    assert!(out.starts_with("Crisis plan — "), "{out}");
    // Without a terminal and without --yes, nothing is shown or written.
    let file = env.home().join("for-priya.pdf");
    let err = env.fails(1, ["print", "--for", "priya", "-o", file.to_str().unwrap()]);
    assert!(err.contains("--yes") && !err.contains("will hold"), "{err}");
    assert!(!file.exists());
    env.fails(2, ["print", "--for", "priya", "--card"]);
}

/// On a terminal, the person sees what goes in and says yes or no; no
/// writes nothing.
#[cfg(unix)]
#[test]
fn the_person_sees_the_copy_before_it_is_written() {
    let env = plan_to_share();
    let file = env.home().join("for-karim.pdf");
    for (key, written) in [("n\r", false), ("y\r", true)] {
        let mut p = env
            .test(["print", "--for", "karim", "-o", file.to_str().unwrap()])
            .env("TERM", "xterm")
            .env("NO_COLOR", "1")
            // "No" is not done, and not a typing mistake: exit 1.
            .status(i32::from(!written))
            .pty();
        let (shown, _) = p.exp_regex("Write this copy for .*\\?").unwrap();
        // rexpect hands back each byte as a char: put the UTF-8 back together.
        let bytes: Vec<u8> = shown
            .chars()
            .map(|c| u8::try_from(u32::from(c)).unwrap())
            .collect();
        let shown = String::from_utf8(bytes).unwrap();
        for words in [
            "This copy for أخي كريم will hold:",
            "What helps me when I'm struggling",
            "Karim: looks after the dog",
            "People to call",
            "Not in it: your triggers",
        ] {
            assert!(shown.contains(words), "{words}: {shown}");
        }
        assert!(
            !shown.contains("PRIVATE") && !shown.contains("Rory"),
            "{shown}"
        );
        // The supporter is not among the people to call on their own copy.
        assert!(!shown.contains("أخي كريم: +20"), "{shown}");
        std::thread::sleep(std::time::Duration::from_millis(120));
        p.send(key).unwrap();
        p.flush().unwrap();
        if written {
            p.exp_string("Wrote").unwrap();
        } else {
            p.exp_string("Nothing was written.").unwrap();
        }
        p.eof();
        assert_eq!(file.exists(), written, "after {key}");
    }
}

/// How likely the person is to use each crisis step and coping strategy,
/// what could get in the way and their answer: set, shown, cleared, and
/// under 50 % worth a conversation at a review.
#[test]
fn follow_through_is_kept_shown_and_reviewed() {
    let env = Env::with_example();
    env.ok([
        "step",
        "follow-through",
        "2",
        "--likely",
        "40",
        "--in-the-way",
        "I won't want to bother Alex",
        "--answer",
        "Alex asked me to call, any time",
    ]);
    env.ok(["step", "follow-through", "1", "--likely", "90%"]);
    env.ok([
        "coping",
        "edit",
        "urge-surf",
        "--likely",
        "20",
        "--in-the-way",
        "I forget it exists",
    ]);
    let plan = env.plan();
    let step = &plan.crisis_steps[1].follow_through;
    assert_eq!(step.likely, Some(40));
    assert_eq!(
        step.in_the_way.as_deref(),
        Some("I won't want to bother Alex")
    );
    assert_eq!(plan.crisis_steps[0].follow_through.likely, Some(90));
    assert_eq!(
        plan.coping_strategy("urge-surf")
            .unwrap()
            .follow_through
            .likely,
        Some(20)
    );
    let text = fs::read_to_string(env.plan_file()).unwrap();
    assert!(
        text.contains("[crisis_steps.follow_through]\nlikely = 40\nin_the_way = \"I won't want to bother Alex\""),
        "{text}"
    );
    let shown = env.ok(["step", "follow-through", "2"]);
    assert!(shown.contains("likely to use it: 40%"), "{shown}");
    assert!(
        shown.contains("my answer: Alex asked me to call, any time"),
        "{shown}"
    );
    let list = env.ok(["step", "list"]);
    assert!(
        list.contains("in the way: I won't want to bother Alex"),
        "{list}"
    );
    let coping = env.ok(["coping", "list", "--plain"]);
    assert!(coping.contains("likely to use it: 20%"), "{coping}");

    let review = env.ok(["review", "--since", "3"]);
    let worth = review.split("Worth talking about").nth(1).unwrap();
    let worth = squash(worth);
    assert!(worth.contains("is rated 40% likely to be used; in the way: “I won't want to bother Alex”; answer: “Alex asked me to call, any time”"), "{worth}");
    assert!(worth.contains("“Urge surfing” is rated 20% likely to be used; in the way: “I forget it exists”; no answer to it yet"), "{worth}");
    assert!(
        !worth.contains("90%"),
        "a likely step is not flagged: {worth}"
    );

    env.ok([
        "step",
        "follow-through",
        "2",
        "--likely",
        "none",
        "--answer",
        "none",
    ]);
    let step = env.plan().crisis_steps[1].follow_through.clone();
    assert_eq!((step.likely, step.answer), (None, None));
    assert!(step.in_the_way.is_some());
    env.fails(2, ["step", "follow-through", "2", "--likely", "120"]);
    let err = env.fails(1, ["step", "follow-through", "9", "--likely", "50"]);
    assert!(err.contains("no crisis step number 9"), "{err}");
    // A hand-edited likelihood past 100 is named.
    let edited = fs::read_to_string(env.plan_file())
        .unwrap()
        .replace("likely = 90", "likely = 190");
    let file = env.home().join("edited.toml");
    fs::write(&file, edited).unwrap();
    let err = env.fails(1, ["validate", file.to_str().unwrap()]);
    assert!(
        err.contains("follow_through.likely") && err.contains("0 to 100"),
        "{err}"
    );
}

/// Where the printed plan is kept, and the next review as a calendar event
/// that an independent reader (the `ical` crate) opens, naming no part of
/// the plan.
#[test]
fn where_it_is_kept_and_the_next_review_in_a_calendar() {
    let env = Env::with_example();
    env.ok(["set", "--kept-at", "wallet, phone, on the fridge"]);
    assert_eq!(
        env.plan().kept_at.as_deref(),
        Some("wallet, phone, on the fridge")
    );
    // The header as one line, however it wraps.
    let show = env
        .ok(["show"])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        show.contains("printed copy kept: wallet, phone, on the fridge"),
        "{show}"
    );
    let pdf = env.home().join("plan.pdf");
    env.test(["print", "-o", pdf.to_str().unwrap()])
        .stderr_has("You keep your printed plan: wallet, phone, on the fridge")
        .run();

    let file = env.home().join("review.ics");
    env.ok([
        "set",
        "--next-review",
        "2027-02-14",
        "--ics",
        file.to_str().unwrap(),
    ]);
    let text = fs::read_to_string(&file).unwrap();
    let calendar = ical::IcalParser::new(text.as_bytes())
        .next()
        .unwrap()
        .unwrap();
    assert_eq!(calendar.events.len(), 1);
    let event = &calendar.events[0];
    let prop = |name: &str| {
        event
            .properties
            .iter()
            .find(|p| p.name == name)
            .and_then(|p| p.value.clone())
            .unwrap_or_default()
    };
    assert_eq!(prop("DTSTART"), "20270214");
    assert_eq!(prop("DTEND"), "20270215");
    assert!(prop("SUMMARY").contains("Look at your crisis plan again"));
    assert_eq!(event.alarms.len(), 1);
    let plan = env.plan();
    for private in [
        &plan.name,
        &plan.crisis_steps[0].text,
        &plan.contacts[0].name,
    ] {
        assert!(!text.contains(private.as_str()), "{private} in {text}");
    }
    // The date already set, to standard output; without one, a kind word.
    let again = env.ok(["set", "--ics", "-"]);
    assert!(again.contains("DTSTART;VALUE=DATE:20270214"), "{again}");
    env.ok(["set", "--next-review", "none", "--kept-at", "none"]);
    assert_eq!(env.plan().kept_at, None);
    let err = env.fails(1, ["set", "--ics", file.to_str().unwrap(), "--force"]);
    assert!(err.contains("no next review date"), "{err}");
    let inside = env.plan_dir().join("review.ics");
    env.fails(
        2,
        [
            "set",
            "--next-review",
            "2027-03-01",
            "--ics",
            inside.to_str().unwrap(),
        ],
    );
    assert_eq!(
        env.plan().review.next,
        None,
        "nothing saved when the file is refused"
    );
}

/// A country outside the crisis-line table: the person's own emergency
/// number and local line, shown by now, lines, print, the card and a
/// supporter's copy, always marked as theirs with where they found it.
#[test]
fn own_numbers_for_a_country_the_table_lacks() {
    let env = Env::new();
    env.ok(["init", "--name", "Layla", "--country", "AE"]);
    let before = env.ok(["now"]);
    assert!(
        before.contains("No lines are checked for United Arab Emirates yet"),
        "{before}"
    );
    env.ok([
        "set",
        "--emergency-number",
        "999",
        "--source",
        "Dubai Police website, May 2026",
    ]);
    env.ok([
        "set",
        "--own-line",
        "Ministry of Health helpline",
        "--call",
        "800 4673",
        "--source",
        "a leaflet from my GP",
    ]);
    env.ok([
        "contact",
        "add",
        "--name",
        "Aoife",
        "--phone",
        "+971 50 123 4567",
    ]);
    env.ok(["step", "add", "Call Aoife"]);
    for command in ["now", "lines"] {
        let out = squash(&env.ok([command]));
        assert!(
            out.contains("Your own numbers (you added these)"),
            "{command}: {out}"
        );
        assert!(
            out.contains("Emergency: 999 (from Dubai Police website, May 2026)"),
            "{command}: {out}"
        );
        assert!(
            out.contains("Ministry of Health helpline: call 800 4673 (from a leaflet from my GP)"),
            "{command}: {out}"
        );
        // In danger, the number they gave is the one said: never "call your
        // local emergency number" once they have told us theirs.
        assert!(
            out.contains("if you are in danger now, call 999, the emergency number you added."),
            "{command}: {out}"
        );
        assert!(!out.contains("local emergency number"), "{command}: {out}");
    }
    let printed = squash(&env.ok(["print"]));
    assert!(
        printed.contains("Emergency (my own note) 999 (from Dubai Police website, May 2026)"),
        "{printed}"
    );
    assert!(
        printed.contains(
            "Ministry of Health helpline 800 4673 (my own note, from a leaflet from my GP)"
        ),
        "{printed}"
    );
    let card = squash(&env.ok(["print", "--card"]));
    assert!(
        card.contains("Emergency (my own note) 999") && card.contains("800 4673"),
        "{card}"
    );
    let pdf = env.home().join("plan.pdf");
    env.ok(["print", "-o", pdf.to_str().unwrap()]);
    let text = squash(&crate::pdftotext(&pdf));
    assert!(
        text.contains("my own note") && text.contains("999") && text.contains("800 4673"),
        "{text}"
    );
    let copy = squash(&env.ok(["print", "--for", "Aoife", "--yes", "--format", "markdown"]));
    assert!(
        copy.contains("999") && copy.contains("Ministry of Health helpline"),
        "{copy}"
    );

    let err = env.fails(2, ["set", "--own-line", "Somewhere"]);
    assert!(err.contains("--call NUMBER or --text NUMBER"), "{err}");
    env.ok([
        "set",
        "--remove-own-line",
        "Ministry of Health helpline",
        "--emergency-number",
        "none",
    ]);
    let plan = env.plan();
    assert!(plan.own_lines.is_empty(), "{:?}", plan.own_lines);
    let err = env.fails(1, ["set", "--remove-own-line", "Nobody"]);
    assert!(
        err.contains("no number of your own called “Nobody”"),
        "{err}"
    );
}

/// Noa's own numbers (Hebrew, Jerusalem): `show` holds them beside her
/// contacts, and `diff` names the line she added in words, never as TOML.
#[test]
fn show_and_diff_give_own_numbers_in_words() {
    let env = Env::new();
    env.ok(["init", "--name", "נועה", "--country", "AE"]);
    env.ok(["set", "--emergency-number", "101"]);
    env.ok(["set", "--own-line", "ער\"ן", "--call", "1201"]);
    let shown = squash(&crate::unmarked(&env.ok(["show"])));
    assert!(
        shown.contains("Your own numbers (you added these)"),
        "{shown}"
    );
    assert!(shown.contains("Emergency: 101"), "{shown}");
    assert!(shown.contains("ער\"ן: call 1201"), "{shown}");
    let diff = squash(&crate::unmarked(&env.ok(["diff"])));
    assert!(
        diff.contains("own numbers: crisis lines added “ער\"ן” (call 1201)"),
        "{diff}"
    );
    assert!(!diff.contains('[') && !diff.contains('{'), "{diff}");
    // Someone not to involve is named so in every list of changes.
    env.ok([
        "contact",
        "add",
        "--name",
        "אבי",
        "--role",
        "do-not-involve",
    ]);
    for command in [["diff"].as_slice(), ["review", "--since", "1"].as_slice()] {
        let out = squash(&env.ok(command));
        assert!(
            out.contains("added contact “אבי” (someone not to involve)"),
            "{command:?}: {out}"
        );
    }
}
