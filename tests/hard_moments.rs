//! Screens for a hard moment point to help, not away from it (issue 13,
//! Layla): `now` never ends by suggesting practice, the early warning
//! shows every crisis step, and `surf` ended with the urge still strong
//! shows her plan for right now.

use crate::{Env, unmarked};

/// Layla's plan: four crisis steps, the fourth her fallback, one person
/// to call, one trigger.
fn laylas_plan() -> Env {
    let env = Env::new();
    env.ok(["init", "--name", "ليلى", "--country", "GB"]);
    for step in [
        "أتنفس ببطء عشر مرات",
        "أبتعد عن الشفرات",
        "اتصل بمريم على +20 10 1234 5678",
        "إذا لم تردّ مريم، اتصل بالطبيبة نور على +20 2 2222 3333",
    ] {
        env.ok(["step", "add", step]);
    }
    env.ok([
        "contact",
        "add",
        "--name",
        "مريم",
        "--phone",
        "+20 10 1234 5678",
        "--role",
        "help",
    ]);
    env.ok(["trigger", "add", "ليلة الجمعة وحدي"]);
    env
}

/// Strong urges on two days in a row: her plan's early warning holds.
fn two_strong_days(env: &Env) -> String {
    for day in ["2026-11-20T19:00:00Z", "2026-11-21T19:00:00Z"] {
        env.test(["check-in", "--urge", "9", "--acted", "no"])
            .env("RELAPSE_PLAN_NOW", day)
            .run();
    }
    let out = env
        .test(["check-in", "--urge", "9", "--acted", "no"])
        .env("RELAPSE_PLAN_NOW", "2026-11-22T09:00:00Z")
        .run();
    String::from_utf8(out.bytes).unwrap()
}

/// The early warning after a check-in showed "Your first steps 1–3" and
/// left off her fourth, the fallback that names who to call when Mariam
/// does not answer. Every step is shown.
#[test]
fn the_early_warning_shows_every_crisis_step() {
    let env = laylas_plan();
    let out = two_strong_days(&env);
    assert!(out.contains("Your plan has noticed something"), "{out}");
    for step in [
        "1. أتنفس ببطء عشر مرات",
        "3. اتصل بمريم على +20 10 1234 5678",
        "4. إذا لم تردّ مريم، اتصل بالطبيبة نور على +20 2 2222 3333",
    ] {
        assert!(unmarked(&out).contains(step), "{step:?} in:\n{out}");
    }
    // Her numbers are held left to right for a bidi terminal, inside
    // her right-to-left sentence (rtl14a, then Layla's round 4).
    assert!(
        out.contains("على \u{200f}\u{202d}+20 10 1234 5678\u{202c}\u{200f}"),
        "{out:?}"
    );
}

/// `now` while the early warning holds ended "Would it help to rehearse
/// … now? relapse-plan rehearse 1": a hard moment is not the time to be
/// sent to practise. The warning stays; the offer goes (a check-in keeps
/// it).
#[test]
fn now_never_ends_by_suggesting_practice() {
    let env = laylas_plan();
    let checked_in = two_strong_days(&env);
    // Her one trigger has no plan to practise yet: the check-in offers to
    // plan one (Noa: `rehearse` there was a dead end), `now` offers nothing.
    assert!(checked_in.contains("plan map"), "{checked_in}");
    let now = env
        .test(["now"])
        .env("RELAPSE_PLAN_NOW", "2026-11-22T10:00:00Z")
        .run();
    let now = String::from_utf8(now.bytes).unwrap();
    assert!(now.contains("Your plan has noticed something"), "{now}");
    assert!(!now.contains("rehearse"), "{now}");
    assert!(!now.contains("Would it help"), "{now}");
    assert!(!now.contains("plan map"), "{now}");
}

/// `surf` ended with the urge still at 10 said only "Urges do pass; your
/// plan is there if you need it". At 8 or more at the end, her steps and
/// people with their numbers are there, with the crisis lines and `now`.
#[test]
fn surf_ending_still_strong_shows_her_plan_for_now() {
    let env = laylas_plan();
    let out = env.ok(["surf", "--ratings", "7,9,10"]);
    // A dash, not a dot, beside her Arabic: a dot there reads as "٠".
    for expected in [
        "1. أتنفس ببطء عشر مرات",
        "4. إذا لم تردّ مريم، اتصل بالطبيبة نور على +20 2 2222 3333",
        "مريم — +20 10 1234 5678",
        "Samaritans: call 116 123",
        "relapse-plan now",
    ] {
        assert!(unmarked(&out).contains(expected), "{expected:?} in:\n{out}");
    }
    // Eased by the end: no crisis screen she did not need.
    let eased = env.ok(["surf", "--ratings", "9,6,3"]);
    assert!(!eased.contains("Samaritans"), "{eased}");
    assert!(!eased.contains("أتنفس"), "{eased}");
}

/// Sam's number changed (`contact edit sam --phone …`) while her crisis
/// step still said "Call Sam on 07700 900123", with no word. After the
/// change the step is named, in her words, with how to change it; `now`
/// and `validate` say beside it that the number is not Sam's. Her words
/// stay as she wrote them.
#[test]
fn an_old_number_left_in_a_step_is_pointed_out() {
    let env = Env::new();
    env.ok(["init", "--name", "Layla", "--country", "GB"]);
    env.ok([
        "contact",
        "add",
        "--id",
        "sam",
        "--name",
        "Sam",
        "--phone",
        "07700 900123",
        "--role",
        "help",
    ]);
    env.ok(["step", "add", "Breathe out slowly"]);
    env.ok(["step", "add", "Call Sam on ٠٧٧٠٠ ٩٠٠١٢٣"]);
    let now = env.ok(["now"]);
    assert!(!now.contains("not the one saved"), "{now}");

    let changed = env
        .test(["contact", "edit", "sam", "--phone", "07700 900456"])
        .run();
    let said = unmarked(&changed.stderr)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        said.contains("One of your crisis steps still holds the old number, 07700 900123: 2. Call Sam on ٠٧٧٠٠ ٩٠٠١٢٣"),
        "{said}"
    );
    assert!(said.contains("step edit 2"), "{said}");
    assert_eq!(env.plan().crisis_steps[1].text, "Call Sam on ٠٧٧٠٠ ٩٠٠١٢٣");

    let now = env.ok(["now"]);
    let flat = unmarked(&now)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        flat.contains("2. Call Sam on ٠٧٧٠٠ ٩٠٠١٢٣ (the number here is an old number of Sam; the one saved now is 07700 900456)"),
        "{now}"
    );
    let checked = env
        .test(["validate", &env.plan_file().display().to_string()])
        .run();
    let said = unmarked(&checked.stderr)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        said.contains("Crisis step 2 (“Call Sam on ٠٧٧٠٠ ٩٠٠١٢٣”): the number here is an old number of Sam; the one saved now is 07700 900456."),
        "{said}"
    );
    // A change that leaves no step with the old number says nothing more.
    let again = env
        .test(["contact", "edit", "sam", "--reachable", "evenings"])
        .run();
    assert!(!again.stderr.contains("old number"), "{}", again.stderr);
}

/// Shirin (Tehran): her brother's number changed and step 1 still held
/// the old one. `now` marked it, but `show`, `step list`, the check-in's
/// strong-urge screen, every printout, the card and the lock screen did
/// not, and the web page made the old number a link to tap. Now each says
/// under the step (or beside it, on the card) whose number it is not,
/// paper flags the old number where it stands, and no page links it.
#[test]
fn an_old_number_is_marked_wherever_the_step_is_shown_or_printed() {
    let env = Env::new();
    env.ok(["init", "--name", "شیرین", "--country", "IR"]);
    env.ok([
        "contact",
        "add",
        "--name",
        "آرش",
        "--phone",
        "۰۹۱۲ ۳۴۵ ۶۷۸۹",
        "--role",
        "help",
    ]);
    env.ok(["step", "add", "به آرش زنگ بزن: ۰۹۱۲ ۳۴۵ ۶۷۸۹"]);
    env.ok(["contact", "edit", "1", "--phone", "۰۹۱۲ ۳۴۵ ۶۷۰۰"]);
    // Her brother's number as it was is kept, so the mark says it is his
    // old one (numbers16g).
    let mark = "(the number here is an old number of آرش; the one saved now is ۰۹۱۲ ۳۴۵ ۶۷۰۰)";
    // (The text and Markdown printouts hold a number between marks that
    // keep it left to right: read without them.)
    let flat = |s: &str| {
        s.replace(['\u{200e}', '\u{200f}'], "")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    for args in [&["show"][..], &["step", "list"], &["now"]] {
        let out = flat(&env.ok(args));
        assert!(out.contains(mark), "{args:?}: {out}");
    }
    let urge = env
        .test([
            "check-in",
            "--urge",
            "9",
            "--acted",
            "no",
            "--distress",
            "8",
        ])
        .run();
    assert!(flat(&urge.stdout).contains(mark), "{}", urge.stdout);
    for format in ["text", "markdown"] {
        let out = flat(&env.ok(["print", "--format", format]));
        assert!(out.contains(mark), "{format}: {out}");
    }
    let html = env.home().join("plan.html");
    env.ok(["print", "--format", "html", "-o", html.to_str().unwrap()]);
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(
        page.contains("tel:09123456700"),
        "the saved number is a link"
    );
    assert!(
        !page.contains("tel:09123456789"),
        "the old number is no link"
    );
    assert!(page.contains("check this number"), "{page}");
    for (what, args) in [("plan", vec!["print"]), ("card", vec!["print", "--card"])] {
        let pdf = env.home().join(format!("{what}.pdf"));
        let mut args = args;
        args.extend(["-o", pdf.to_str().unwrap()]);
        env.ok(args);
        let text = flat(&crate::pdftotext(&pdf));
        assert!(
            text.contains("check this number") && text.contains("one saved now"),
            "{what}: {text}"
        );
    }
    // Her words are kept as she wrote them.
    assert_eq!(
        env.plan().crisis_steps[0].text,
        "به آرش زنگ بزن: ۰۹۱۲ ۳۴۵ ۶۷۸۹"
    );
}

/// Wei: at urge 8 the check-in's crisis block said "No lines are checked
/// for Taiwan yet" and left out 安心專線 1925, the line he had added
/// himself, which `now` shows. The lines she added are there too.
#[test]
fn a_strong_urge_shows_the_lines_she_added_herself() {
    let env = Env::new();
    env.ok(["init", "--name", "陳偉", "--country", "TW"]);
    env.ok(["step", "add", "打給阿明"]);
    env.ok([
        "set",
        "--own-line",
        "安心專線",
        "--call",
        "1925",
        "--source",
        "衛福部",
    ]);
    let ran = env.test(["check-in", "--urge", "9", "--acted", "no"]).run();
    let said = format!("{}{}", ran.stdout, ran.stderr);
    assert!(said.contains("安心專線"), "{said}");
    assert!(said.contains("1925"), "{said}");
}
