//! The number of someone she marked "do not involve", written inside a
//! crisis step any way a person or a word processor writes it (a "(0)"
//! after the country code, non-breaking hyphens and spaces, dashes, a
//! minus, dots, slashes), is marked wherever the step is shown and never
//! a link; so is her own number hand-edited to be his, and `contact
//! export` leaves that off as `now` does (Trudy, issue #12).

const MARK: &str = "(the number here is the number of someone you said not to involve)";

/// Trudy in Auckland, her plan in Thailand, Dermot not to involve.
fn trudy(his: &str) -> crate::Env {
    let env = crate::Env::new();
    env.ok(["init", "--name", "Trudy", "--country", "TH"]);
    env.ok([
        "contact",
        "add",
        "--name",
        "Dermot Byrne",
        "--phone",
        his,
        "--do-not-involve",
    ]);
    env
}

fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Each way of writing his number, as a step ("Ring …").
const FORMS: [&str; 13] = [
    "+66 (0)812345678",
    "+66 (0)81-234-5678",
    "+66\u{2011}81\u{2011}234\u{2011}5678",
    "+66\u{a0}81\u{a0}234\u{a0}5678",
    "+66\u{2011}(0)81\u{2011}234\u{2011}5678",
    "081\u{2010}234\u{2010}5678",
    "081\u{2012}234\u{2012}5678",
    "081\u{2013}234\u{2013}5678",
    "081\u{2212}234\u{2212}5678",
    "081\u{202f}234\u{202f}5678",
    "081\u{2009}234\u{2009}5678",
    "081.234.5678",
    "081/234/5678",
];

fn step_add(env: &crate::Env, step: &str) -> String {
    env.test(["step", "add", step])
        .env("TZ", "Pacific/Auckland")
        .run()
        .stderr
}

/// Her plan as a web page, written to a file.
fn html(env: &crate::Env) -> String {
    let page = env.home().join("plan.html");
    env.test(["print", "--format", "html", "-o"])
        .arg(&page)
        .run();
    std::fs::read_to_string(page).unwrap()
}

/// No link on the page dials him, whichever way his number is written.
fn no_link_to_him(page: &str) {
    for his in ["tel:+66812345678", "tel:+660812345678", "tel:0812345678"] {
        assert!(!page.contains(his), "{his} in\n{page}");
    }
}

#[test]
fn his_number_written_any_way_is_marked_everywhere_and_never_a_link() {
    let env = trudy("+66 81 234 5678");
    // "Ring" and "Call" by turns: two forms apart only in the kind of
    // space between the digits are the same words, which a plan keeps once.
    let verb = |n: usize| if n.is_multiple_of(2) { "Ring" } else { "Call" };
    for (n, form) in FORMS.iter().enumerate() {
        let said = step_add(&env, &format!("{} {form}", verb(n)));
        assert!(
            flat(&said)
                .contains("holds the number of “Dermot Byrne”, whom you marked not to involve"),
            "{form:?}: {said}"
        );
    }
    let now = flat(&env.test(["now"]).env("TZ", "Pacific/Auckland").run().stdout);
    let card = flat(&env.ok(["print", "--card", "--format", "text"]));
    let checked = env.test(["validate"]).arg(env.plan_file()).run();
    let checked = flat(&format!("{}{}", checked.stdout, checked.stderr));
    assert!(card.matches(MARK).count() >= 10, "{card}");
    let page = html(&env);
    for (n, form) in FORMS.iter().enumerate() {
        let word = verb(n);
        let n = n + 1;
        assert!(
            now.contains(&flat(&format!("{n}. {word} {form} {MARK}"))),
            "now, {form:?}:\n{now}"
        );
        // The card holds the steps that fit it; each of those is marked.
        assert!(
            !card.contains(&format!("{n}. {word}"))
                || card.contains(&flat(&format!(
                    "{n}. {word} (check this number) {form} {MARK}"
                ))),
            "card, {form:?}:\n{card}"
        );
        assert!(
            checked.contains(&format!(
                "Crisis step {n} (“{word} {}”): the number here is the number of someone you said not to involve",
                flat(form)
            )) || checked.contains(&format!(
                "Crisis step {n} (“{word} {form}”): the number here is the number of someone you said not to involve"
            )),
            "validate, {form:?}:\n{checked}"
        );
        assert!(page.contains(form), "{form:?} shown on the page");
    }
    no_link_to_him(&page);
    assert!(!page.contains("href=\"tel:"), "no step dials:\n{page}");
}

/// His number saved with "(0)", her step without it: still his.
#[test]
fn his_number_saved_with_a_zero_is_found_written_without_it() {
    let env = trudy("+66 (0) 81 234 5678");
    let said = step_add(&env, "Ring +66 81 234 5678");
    assert!(
        flat(&said).contains("holds the number of “Dermot Byrne”"),
        "{said}"
    );
    let now = flat(&env.ok(["now"]));
    assert!(
        now.contains(&flat(&format!("1. Ring +66 81 234 5678 {MARK}"))),
        "{now}"
    );
    let card = flat(&env.ok(["print", "--card", "--format", "text"]));
    assert!(card.contains(MARK), "{card}");
    no_link_to_him(&html(&env));
}

/// On paper too: the PDF read back holds each step with its mark.
#[test]
fn the_printed_plan_marks_his_number_written_any_way() {
    let env = trudy("+66 81 234 5678");
    for form in ["+66 (0)81-234-5678", "081\u{2012}234\u{2012}5678"] {
        step_add(&env, &format!("Ring {form}"));
    }
    let pdf = env.home().join("plan.pdf");
    env.test(["print", "--format", "pdf", "-o"]).arg(&pdf).run();
    let text = flat(&crate::pdftotext(&pdf));
    for (n, form) in ["+66 (0)81-234-5678", "081\u{2012}234\u{2012}5678"]
        .iter()
        .enumerate()
    {
        assert!(
            text.contains(&flat(&format!(
                "{}. Ring (check this number) {form} {MARK}",
                n + 1
            ))),
            "{form:?}:\n{text}"
        );
    }
}

/// Her own crisis line hand-edited to his number is left off `now`; the
/// steps holding his number keep their mark, are never links, and the
/// export leaves the line off and says so.
#[test]
fn her_own_line_made_his_number_loses_no_mark_and_is_not_exported() {
    let env = trudy("+66 81 234 5678");
    env.ok([
        "set",
        "--emergency-number",
        "+66 2 000 0000",
        "--own-line",
        "Line",
        "--call",
        "+66 2 111 1111",
    ]);
    step_add(&env, "Ring +66 81 234 5678");
    step_add(&env, "Call +66 (0)81-234-5678");
    env.edit_plan_by_hand("call = \"+66 2 111 1111\"", "call = \"+66 81 234 5678\"");
    let now = flat(&env.ok(["now"]));
    assert!(
        now.contains("Line: call left off, as it is the number of someone you said not to involve"),
        "{now}"
    );
    assert!(
        now.contains(&flat(&format!("1. Ring +66 81 234 5678 {MARK}"))),
        "{now}"
    );
    assert!(
        now.contains(&flat(&format!("2. Call +66 (0)81-234-5678 {MARK}"))),
        "{now}"
    );
    let card = flat(&env.ok(["print", "--card", "--format", "text"]));
    assert_eq!(card.matches(MARK).count(), 2, "{card}");
    let page = html(&env);
    no_link_to_him(&page);
    assert!(page.contains("href=\"tel:+6620000000\""), "{page}");
    let vcf = env.home().join("mine.vcf");
    let said = env.test(["contact", "export", "-o"]).arg(&vcf).run().stderr;
    let said = flat(&said);
    assert!(
        said.contains("Not written, as it is the number of someone you said not to involve (`relapse-plan now` leaves it off too): your crisis line “Line” (to call)."),
        "{said}"
    );
    assert!(said.contains("Wrote the emergency number to"), "{said}");
    assert!(!said.contains("crisis line (you added it)"), "{said}");
    let cards = std::fs::read_to_string(&vcf).unwrap();
    assert!(!cards.contains("81 234 5678"), "{cards}");
    assert!(!cards.contains("FN:Line"), "{cards}");
}

/// What `set --own-line` says of a number it can't take is what is wrong
/// with it, with the number she meant where it can tell.
#[test]
fn a_wrong_own_number_is_told_what_is_wrong() {
    let env = trudy("+66 81 234 5678");
    let set = |number: &str| {
        env.test(["set", "--own-line", "Line", "--call", number])
            .status_any()
            .run()
    };
    // A + first, in brackets, is a + first.
    let ran = set("(+66) 81.234.9999");
    assert!(ran.status.success(), "{}", ran.stderr);
    assert!(!ran.stderr.contains("after its digits"), "{}", ran.stderr);
    env.ok(["set", "--remove-own-line", "Line"]);
    // A letter for a digit: said, with the number she meant.
    let ran = set("+66 8I 234 9999");
    assert_eq!(ran.status.code(), Some(2), "{}", ran.stderr);
    let said = flat(&ran.stderr);
    assert!(
        said.contains("“+66 8I 234 9999” has a letter where a digit belongs (an I or an l for a 1, an O for a 0): write the one number as you would dial it, for example --call \"+66 81 234 9999\". Nothing was changed"),
        "{said}"
    );
    // A word in capitals is a vanity number, kept and flagged as
    // "0800 DAD HELP" is: never "two numbers".
    let ran = set("+66 81 CALL 678");
    assert!(ran.status.success(), "{}", ran.stderr);
    assert!(!ran.stderr.contains("two numbers"), "{}", ran.stderr);
    env.ok(["set", "--remove-own-line", "Line"]);
    // Two numbers are still two, and a + in the middle is said as one.
    let said = flat(&set("112 or 999").stderr);
    assert!(said.contains("holds two numbers"), "{said}");
    let said = flat(&set("66+81 234 9999").stderr);
    assert!(
        said.contains("has a + after some of its digits, and a + goes only at its start, before the country code"),
        "{said}"
    );
}

/// Dermot's number written with spaces around its hyphens, dashes or
/// minuses (Ireland): marked on `now`, the card and by `validate`, as
/// every other way of writing it is, and never a link.
#[test]
fn his_number_with_spaced_dashes_is_marked_everywhere() {
    let env = crate::Env::new();
    env.ok(["init", "--name", "Trudy", "--country", "IE"]);
    env.ok([
        "contact",
        "add",
        "--name",
        "Dermot Byrne",
        "--phone",
        "+353 87 123 4567",
        "--do-not-involve",
    ]);
    let forms = [
        "087 - 123 - 4567",
        "087 \u{2013} 123 \u{2013} 4567",
        "087 \u{2212} 123 \u{2212} 4567",
    ];
    for form in forms {
        let said = step_add(&env, &format!("Ring {form}"));
        assert!(
            flat(&said)
                .contains("holds the number of “Dermot Byrne”, whom you marked not to involve"),
            "{form:?}: {said}"
        );
    }
    let now = flat(&env.test(["now"]).env("TZ", "Pacific/Auckland").run().stdout);
    let card = flat(&env.ok(["print", "--card", "--format", "text"]));
    let checked = env.test(["validate"]).arg(env.plan_file()).run();
    let checked = flat(&format!("{}{}", checked.stdout, checked.stderr));
    for (n, form) in forms.iter().enumerate() {
        let n = n + 1;
        assert!(
            now.contains(&flat(&format!("{n}. Ring {form} {MARK}"))),
            "now, {form:?}:\n{now}"
        );
        assert!(
            card.contains(&flat(&format!(
                "{n}. Ring (check this number) {form} {MARK}"
            ))),
            "card, {form:?}:\n{card}"
        );
        assert!(
            checked.contains(&format!(
                "Crisis step {n} (“Ring {form}”): the number here is the number of someone you said not to involve"
            )),
            "validate, {form:?}:\n{checked}"
        );
    }
    let page = html(&env);
    assert!(!page.contains("tel:+353871234567"), "{page}");
    assert!(!page.contains("tel:0871234567"), "{page}");
}

/// Opening hours with a spaced dash are not a number: only the number
/// after them is linked.
#[test]
fn hours_with_a_spaced_dash_are_not_joined_to_a_number() {
    let env = crate::Env::new();
    env.ok(["init", "--name", "Trudy", "--country", "IE"]);
    env.ok(["step", "add", "Open 9 - 5, call 087 123 4567"]);
    let page = html(&env);
    let links: Vec<&str> = page
        .split("href=\"tel:")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap_or_default())
        .collect();
    // Her number is linked as it dials, never with the hours in front.
    assert!(links.contains(&"0871234567"), "{links:?}\n{page}");
    assert!(
        links
            .iter()
            .all(|l| !l.ends_with("0871234567") || *l == "0871234567"),
        "{links:?}"
    );
    assert!(
        page.contains(">087 123 4567</a>"),
        "only the number is a link:\n{page}"
    );
}
