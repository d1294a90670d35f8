//! Issues 12 and 13, found by Linh (a therapist in Ho Chi Minh City) and
//! her clients writing Vietnamese: some keyboards send "ồ" decomposed, as
//! `o`, U+0302 and U+0300 (NFD), others composed, as U+1ED3 (NFC). The two
//! look the same and are the same words, so a name, a trigger, a sign, a
//! coping strategy or a line typed in either form finds what the plan
//! holds in the other, and what is stored stays in the form it was typed,
//! byte for byte. The words are built from escapes, so this file's own
//! encoding cannot hide which form is which.

use std::fs;

use crate::Env;
use crate::oksana::{one_line, utf8};
use crate::terminal::{DOWN, ENTER, answer, at_columns};

/// One plan's words, all in one Unicode form.
struct Words {
    /// "Chị Hồng Nhung", her sister.
    contact: &'static str,
    /// "Khi buồn một mình tối thứ Sáu": sad and alone on a Friday evening.
    situation: &'static str,
    /// "Không ai cần mình": nobody needs me.
    thought: &'static str,
    /// "Mất ngủ": not sleeping.
    sign: &'static str,
    /// "Thiền buổi sáng": morning meditation.
    did: &'static str,
    /// "Đi bộ": walking.
    coping: &'static str,
    /// "Đường dây nóng": a hotline of her own.
    line: &'static str,
}

/// Every letter composed (NFC), as most keyboards send it.
const NFC: Words = Words {
    contact: "Ch\u{1ecb} H\u{1ed3}ng Nhung",
    situation: "Khi bu\u{1ed3}n m\u{1ed9}t m\u{ec}nh t\u{1ed1}i th\u{1ee9} S\u{e1}u",
    thought: "Kh\u{f4}ng ai c\u{1ea7}n m\u{ec}nh",
    sign: "M\u{1ea5}t ng\u{1ee7}",
    did: "Thi\u{1ec1}n bu\u{1ed5}i s\u{e1}ng",
    coping: "\u{110}i b\u{1ed9}",
    line: "\u{110}\u{1b0}\u{1edd}ng d\u{e2}y n\u{f3}ng",
};

/// Every letter decomposed (NFD): a base letter and its marks.
const NFD: Words = Words {
    contact: "Chi\u{323} Ho\u{302}\u{300}ng Nhung",
    situation: "Khi buo\u{302}\u{300}n mo\u{323}\u{302}t mi\u{300}nh to\u{302}\u{301}i thu\u{31b}\u{301} Sa\u{301}u",
    thought: "Kho\u{302}ng ai ca\u{302}\u{300}n mi\u{300}nh",
    sign: "Ma\u{302}\u{301}t ngu\u{309}",
    did: "Thie\u{302}\u{300}n buo\u{302}\u{309}i sa\u{301}ng",
    coping: "\u{110}i bo\u{323}\u{302}",
    line: "\u{110}u\u{31b}o\u{31b}\u{300}ng da\u{302}y no\u{301}ng",
};

/// Both ways round: the plan in one form, the words typed in the other.
const WAYS: [(&Words, &Words); 2] = [(&NFD, &NFC), (&NFC, &NFD)];

impl Words {
    fn all(&self) -> [&'static str; 7] {
        [
            self.contact,
            self.situation,
            self.thought,
            self.sign,
            self.did,
            self.coping,
            self.line,
        ]
    }
}

/// A plan whose every word is in the form `words` holds: her sister to
/// call, walking as coping, a trigger linked to both, a warning sign, a
/// daily maintenance item and a crisis line of her own.
fn plan_in(words: &Words) -> Env {
    let env = Env::new();
    env.ok(["init", "--name", "Lan"]);
    env.ok([
        "contact",
        "add",
        "--name",
        words.contact,
        "--phone",
        "+84 90 123 4567",
        "--role",
        "help",
    ]);
    env.ok([
        "coping",
        "add",
        "--name",
        words.coping,
        "--step",
        "Ra c\u{f4}ng vi\u{ea}n",
    ]);
    env.ok([
        "trigger",
        "add",
        "--situation",
        words.situation,
        "--thought",
        words.thought,
        "--likelihood",
        "4",
        "--intensity",
        "4",
        "--confidence",
        "40",
        "--coping",
        words.coping,
        "--contact",
        words.contact,
    ]);
    env.ok(["warning-sign", "add", words.sign]);
    env.ok(["maintenance", "add", words.did]);
    env.ok(["set", "--own-line", words.line, "--call", "+84 90 765 4321"]);
    env
}

/// The plan file, as bytes read as text.
fn plan_text(env: &Env) -> String {
    fs::read_to_string(env.plan_file()).unwrap()
}

/// Every word the plan was written with is still in the plan file in its
/// own form, and none in the other (the file is never "tidied").
#[track_caller]
fn kept_as_typed(env: &Env, stored: &Words, typed: &Words, except: &[&str]) {
    let text = plan_text(env);
    for (mine, theirs) in stored.all().into_iter().zip(typed.all()) {
        if except.contains(&mine) {
            continue;
        }
        assert!(text.contains(mine), "{mine:?} kept in\n{text}");
        assert!(
            !text.contains(theirs),
            "{theirs:?} not written into\n{text}"
        );
    }
}

/// The escapes say what they mean: each word is NFC or NFD as named, and
/// the two forms are different bytes for the same text.
#[test]
fn the_words_are_in_the_forms_they_are_named_for() {
    use unicode_normalization::{is_nfc, is_nfd};
    for (c, d) in NFC.all().into_iter().zip(NFD.all()) {
        assert!(is_nfc(c) && !is_nfd(c), "{c:?}");
        assert!(is_nfd(d) && !is_nfc(d), "{d:?}");
        assert_ne!(c, d);
        assert_eq!(
            c,
            unicode_normalization::UnicodeNormalization::nfc(d).collect::<String>()
        );
    }
}

/// `contact edit` and `contact remove` find her sister by her name typed
/// in the other form (it said "no contact `Chị Hồng Nhung` in the plan
/// (there is: … 2 “Chị Hồng Nhung”)"), and her name stays as stored.
#[test]
fn contact_edit_and_remove_find_her_typed_either_way() {
    for (stored, typed) in WAYS {
        let env = plan_in(stored);
        env.ok(["contact", "edit", typed.contact, "--reachable", "evenings"]);
        let plan = env.plan();
        assert_eq!(plan.contacts[0].name, stored.contact);
        assert_eq!(plan.contacts[0].reachable.as_deref(), Some("evenings"));
        kept_as_typed(&env, stored, typed, &[]);

        env.ok(["contact", "remove", typed.contact, "--force"]);
        assert!(env.plan().contacts.is_empty(), "{}", plan_text(&env));
        kept_as_typed(&env, stored, typed, &[stored.contact]);
    }
}

/// `trigger edit` finds the trigger by its words typed the other way, and
/// the thought, coping strategy and person it names too.
#[test]
fn trigger_edit_finds_the_trigger_and_what_it_names_typed_either_way() {
    for (stored, typed) in WAYS {
        let env = plan_in(stored);
        env.ok([
            "trigger",
            "edit",
            typed.situation,
            "--likelihood",
            "2",
            "--remove-thought",
            typed.thought,
            "--remove-coping",
            typed.coping,
            "--remove-contact",
            typed.contact,
        ]);
        let trigger = &env.plan().triggers[0];
        assert_eq!(trigger.situation, stored.situation);
        assert_eq!(trigger.likelihood, Some(2));
        assert!(trigger.thoughts.is_empty(), "{trigger:?}");
        assert!(trigger.coping.is_empty(), "{trigger:?}");
        assert!(trigger.contacts.is_empty(), "{trigger:?}");
        kept_as_typed(&env, stored, typed, &[stored.thought]);

        env.ok([
            "trigger",
            "edit",
            typed.situation,
            "--coping",
            typed.coping,
            "--contact",
            typed.contact,
        ]);
        let plan = env.plan();
        assert_eq!(plan.triggers[0].coping, [plan.coping[0].id.clone()]);
        assert_eq!(plan.triggers[0].contacts, [plan.contacts[0].id.clone()]);
    }
}

/// The practice log: `rehearse "<words>"`, `surf --trigger` and
/// `practice --trigger` reach the trigger typed the other way.
#[test]
fn rehearse_surf_and_practice_find_the_trigger_typed_either_way() {
    for (stored, typed) in WAYS {
        let env = plan_in(stored);
        let id = env.plan().triggers[0].id.clone();
        env.ok([
            "rehearse",
            typed.situation,
            "--recalled",
            "all",
            "--confidence",
            "60",
        ]);
        env.ok(["surf", "--ratings", "7,5,3", "--trigger", typed.situation]);
        let log: toml::Table =
            toml::from_str(&fs::read_to_string(env.plan_dir().join("practice.toml")).unwrap())
                .unwrap();
        let rehearsals = log["rehearsals"].as_array().unwrap();
        assert_eq!(rehearsals.len(), 1, "{log}");
        assert_eq!(rehearsals[0]["trigger"].as_str(), Some(id.as_str()));
        let exercises = log["exercises"].as_array().unwrap();
        assert_eq!(exercises.len(), 1, "{log}");
        assert_eq!(exercises[0]["trigger"].as_str(), Some(id.as_str()));

        let shown = env.ok(["practice", "--trigger", typed.situation]);
        assert!(shown.contains(stored.situation), "{shown}");
        kept_as_typed(&env, stored, typed, &[]);
    }
}

/// A check-in by flags naming a sign, a daily item and a coping strategy
/// typed the other way is saved (it was refused whole, and nothing was
/// saved), in the plan's own words.
#[test]
fn a_check_in_by_flags_typed_the_other_way_is_saved() {
    for (stored, typed) in WAYS {
        let env = plan_in(stored);
        let said = env.ok([
            "check-in",
            "--urge",
            "3",
            "--acted",
            "no",
            "--sign",
            typed.sign,
            "--did",
            typed.did,
            "--used",
            typed.coping,
        ]);
        let file = fs::read_to_string(env.plan_dir().join("check-ins.toml"))
            .unwrap_or_else(|e| panic!("no check-in saved ({e}): {said}"));
        let log: toml::Table = toml::from_str(&file).unwrap();
        let day = &log["check_ins"].as_array().unwrap()[0];
        let list = |key: &str| -> Vec<String> {
            day[key]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap().to_string())
                .collect()
        };
        assert_eq!(list("signs"), [stored.sign], "{file}");
        assert_eq!(list("did"), [stored.did], "{file}");
        assert_eq!(list("used"), [env.plan().coping[0].id.clone()], "{file}");
        assert!(
            !file.contains(typed.sign) && !file.contains(typed.did),
            "{file}"
        );
        kept_as_typed(&env, stored, typed, &[]);

        // The plan's sign given as one "not in the plan" is that sign.
        let next_day = "2026-11-23T10:15:00Z";
        env.test([
            "check-in",
            "--urge",
            "2",
            "--acted",
            "no",
            "--other-sign",
            typed.sign,
        ])
        .env("RELAPSE_PLAN_NOW", next_day)
        .run();
        let file = fs::read_to_string(env.plan_dir().join("check-ins.toml")).unwrap();
        assert!(!file.contains(typed.sign), "{file}");
        assert_eq!(file.matches(stored.sign).count(), 2, "{file}");
    }
}

/// The man she marked "do not involve", in the form `w` holds.
fn him(w: &Words) -> &'static str {
    if w.contact == NFC.contact {
        "Tu\u{1ea5}n"
    } else {
        "Tua\u{302}\u{301}n"
    }
}

/// A step naming someone she marked "do not involve", his name typed the
/// other way, is said to name him, as it is when typed the same way; and
/// `coping edit` finds a strategy by its name typed the other way.
#[test]
fn a_step_naming_him_and_a_coping_edit_typed_the_other_way() {
    for (stored, typed) in WAYS {
        let env = plan_in(stored);
        env.ok(["contact", "add", "--name", him(stored), "--do-not-involve"]);
        let said = env
            .test([
                "step",
                "add",
                &format!("Kh\u{f4}ng g\u{1ecd}i {}", him(typed)),
            ])
            .run()
            .stderr;
        assert!(
            one_line(&said).contains(&format!(
                "Your crisis step 1 names “{}”, whom you marked not to involve in a crisis.",
                him(stored)
            )),
            "{said}"
        );
        env.ok(["coping", "edit", typed.coping, "--likely", "20"]);
        assert_eq!(env.plan().coping[0].name, stored.coping);
        kept_as_typed(&env, stored, typed, &[]);
    }
}

/// `print --for` and `set --remove-own-line` find a person and a line of
/// her own by their words typed the other way.
#[test]
fn print_for_and_remove_own_line_find_them_typed_either_way() {
    for (stored, typed) in WAYS {
        let env = plan_in(stored);
        let out = env.home().join("for-her.md");
        env.ok([
            "print",
            "--format",
            "markdown",
            "--for",
            typed.contact,
            "--yes",
            "-o",
            out.to_str().unwrap(),
        ]);
        assert!(fs::read_to_string(&out).unwrap().contains(stored.contact));

        env.ok(["set", "--remove-own-line", typed.line]);
        assert!(env.plan().own_lines.lines.is_empty(), "{}", plan_text(&env));
        kept_as_typed(&env, stored, typed, &[stored.line]);
    }
}

/// Adding her sister again under her name typed the other way is refused
/// as the name already there, said plainly ("typed in two ways"), never
/// as a difference "in case, width or characters that do not show".
#[test]
fn the_same_name_typed_two_ways_is_said_so() {
    for (stored, typed) in WAYS {
        let env = plan_in(stored);
        let before = env.snapshot_dir();
        let err = one_line(&env.fails(
            1,
            [
                "contact",
                "add",
                "--name",
                typed.contact,
                "--phone",
                "+84 90 111 2222",
            ],
        ));
        assert!(
            err.contains(&format!(
                "“{}” is already in your plan (they are the same name, typed in two ways), so nothing was changed",
                typed.contact
            )),
            "{err}"
        );
        assert!(!err.contains("case, width"), "{err}");
        assert_eq!(env.snapshot_dir(), before);
    }
}

/// A vCard holding her sister's name in the other form: with her number,
/// she is already in the plan and nothing is added; with another number,
/// she is named as already there, by her name (not as someone who "looks
/// the same").
#[test]
fn a_vcard_in_the_other_form_finds_who_is_already_in_the_plan() {
    for (stored, typed) in WAYS {
        let env = plan_in(stored);
        let before = env.snapshot_dir();
        let vcf = env.home().join("danh-ba.vcf");
        fs::write(
            &vcf,
            format!(
                "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{}\r\nTEL:+84 90 123 4567\r\nEND:VCARD\r\n",
                typed.contact
            ),
        )
        .unwrap();
        let ran = env
            .test(["contact", "import", vcf.to_str().unwrap(), "--yes"])
            .run();
        let said = one_line(&format!("{}{}", ran.stdout, ran.stderr));
        assert!(
            said.contains("Everyone in this file is already in your plan; nothing to add."),
            "{said}"
        );
        assert_eq!(env.snapshot_dir(), before);

        fs::write(
            &vcf,
            format!(
                "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{}\r\nTEL:+84 90 999 8888\r\nEND:VCARD\r\n",
                typed.contact
            ),
        )
        .unwrap();
        let ran = env
            .test(["contact", "import", vcf.to_str().unwrap(), "--yes"])
            .status_any()
            .run();
        let told = one_line(&format!("{}{}", ran.stdout, ran.stderr));
        assert!(
            told.contains("is in your plan with +84 90 123 4567"),
            "{told}"
        );
        assert!(!told.contains("looks the same"), "{told}");
        assert_eq!(env.plan().contacts.len(), 1);
        kept_as_typed(&env, stored, typed, &[]);
    }
}

/// `diff` of words saved again in the other form says they are the same
/// words typed another way, never "“Chị Hồng Nhung” → “Chị Hồng Nhung”".
#[test]
fn diff_says_words_saved_the_other_way_are_the_same_words() {
    for (stored, typed) in WAYS {
        let env = plan_in(stored);
        env.ok(["step", "add", &format!("G\u{1ecd}i {}", stored.contact)]);
        let step = format!("G\u{1ecd}i {}", typed.contact);
        env.ok(["step", "edit", "1", &step]);
        env.ok(["contact", "edit", typed.contact, "--name", typed.contact]);
        // What she typed is what is kept now.
        let plan = env.plan();
        assert_eq!(plan.contacts[0].name, typed.contact);
        assert_eq!(plan.crisis_steps[0].text, step);
        let said = one_line(&env.ok(["diff", "8"]));
        assert!(
            said.contains(&format!(
                "crisis step 1: “{step}”, the same words, typed another way"
            )),
            "{said}"
        );
        assert!(
            said.contains(&format!(
                "name “{}”, the same words, typed another way",
                typed.contact
            )),
            "{said}"
        );
        assert!(!said.contains('→'), "{said}");
    }
}

/// In `new`, at a real terminal: a second person under the first one's
/// name typed the other way is asked about as the same name typed in two
/// ways, and the first stays as typed.
#[cfg(unix)]
#[test]
fn new_says_a_name_typed_two_ways_is_one_name() {
    for (first, second) in WAYS {
        let env = Env::new();
        let mut p = at_columns(&env, &["new"], "100").status(130).pty();
        answer(&mut p, "Which country are you in?", ENTER);
        answer(&mut p, "Your name on the plan?", "Lan\r");
        answer(&mut p, "What keeps you going?", ENTER);
        answer(&mut p, "What next?", ENTER);
        answer(&mut p, "A sign that things are sliding?", ENTER);
        answer(&mut p, "What next?", ENTER);
        answer(&mut p, "What situation puts you at risk?", ENTER);
        answer(&mut p, "Done with triggers", ENTER);
        answer(&mut p, "Who is it?", &format!("{}\r", first.contact));
        answer(&mut p, "Phone number for", ENTER);
        // From no role down two to "Someone I can ask for help".
        answer(&mut p, "for you?", &format!("{DOWN}{DOWN}{ENTER}"));
        answer(&mut p, "When can you reach", ENTER);
        answer(&mut p, "Who is it?", &format!("{}\r", second.contact));
        let said = one_line(&utf8(
            &p.exp_string("or leave it empty to stop")
                .expect("the same name, asked about"),
        ));
        assert!(
            said.contains(&format!(
                "“{}” is already in your plan (they are the same name, typed in two ways). Give this one a name of its own",
                first.contact
            )),
            "{said}"
        );
        assert!(!said.contains("case, width"), "{said}");
        std::thread::sleep(std::time::Duration::from_millis(120));
        p.send("\x03").unwrap();
        p.flush().unwrap();
        p.eof();
    }
}
