//! `validate FILE`: check a plan file without changing anything.

use crate::cli::ValidateArgs;
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::plan::homework::{HAND_IN_KIND, HOMEWORK_KIND, STARTED_KIND};
use crate::plan::parse::parse;
use crate::render::homework as shown;
use crate::render::{how_names_differ, quoted};
use crate::store::{self, read_limited};

/// Not a problem that stops the plan (both may be right), but a screen
/// or a phone would show the two as one person: worth a look.
fn say_lookalikes(ctx: &mut Ctx, plan: &crate::plan::Plan) -> Result<()> {
    for (a, b) in crate::plan::lookalike::pairs(&plan.contacts) {
        ctx.say(&format!(
            "Two contacts look the same on a screen: {} and {} ({}). If one was not meant, mend it with `relapse-plan contact edit {} --name \"…\"`.",
            quoted(&a.name),
            quoted(&b.name),
            how_names_differ(&a.name, &b.name),
            b.id
        ))?;
    }
    Ok(())
}

/// Someone to turn to named with one word of the name of someone the plan
/// marks not to involve ("Dermot" beside "Dermot Byrne"): maybe another
/// Dermot, so not a problem, but worth a look.
fn say_one_word_of_them(ctx: &mut Ctx, plan: &crate::plan::Plan) -> Result<()> {
    let offer = crate::plan::same::NotToInvolve::of(plan);
    for (n, c) in plan.contacts.iter().enumerate() {
        if !offer.may_offer(c) {
            continue;
        }
        if let Some(them) = plan.one_word_of_not_to_involve(&c.name) {
            ctx.say(&format!(
                "Contact {} is named {}, one word of the name of {}, whom the plan marks not to involve: worth a look, in case they are the same person (`relapse-plan contact remove {}` takes it out).",
                n + 1,
                quoted(&c.name),
                quoted(&them.name),
                n + 1
            ))?;
        }
    }
    Ok(())
}

/// The first line for a plan that reads: what it holds.
fn valid_plan(file: &std::path::Path, plan: &crate::plan::Plan) -> String {
    format!(
        "`{}` is a valid plan: revision {}, {}, {}, {}, {}.",
        file.display(),
        plan.revision,
        crate::render::plural(plan.triggers.len(), "trigger"),
        // "strategy" is not made plural by adding an s.
        if plan.coping.len() == 1 {
            "1 coping strategy".to_string()
        } else {
            format!("{} coping strategies", plan.coping.len())
        },
        crate::render::plural(plan.contacts.len(), "contact"),
        crate::render::plural(plan.crisis_steps.len(), "crisis step"),
    )
}

pub(super) fn run(args: &ValidateArgs, ctx: &mut Ctx) -> Result<()> {
    let bytes = read_limited(&args.file)?;
    // A homework file, a hand-in or a started homework is checked as what
    // it says it is, by the reader its own command uses, never as a plan
    // ("`kind` is not a field" helps no one).
    let path = &args.file;
    // What the file says it is, even when it does not read (a quote left
    // open in a homework file was "a plan" to `validate`).
    let kind = crate::plan::parse::said_kind(&bytes);
    // What is worth a check is listed under the first line, which says
    // so: never "reads cleanly" above a problem (Wei).
    let said = match kind.as_deref() {
        Some(HOMEWORK_KIND) => {
            let assignment = store::assignment_from(path, &bytes)?;
            let checks = hidden_names(&bytes, &[], &assignment);
            Some(shown::valid_assignment(path, &assignment, &checks))
        }
        Some(HAND_IN_KIND) => {
            let hand_in = store::hand_in_from(path, &bytes)?;
            let checks = hand_in_checks(&bytes, &hand_in);
            Some(shown::valid_hand_in(path, &hand_in, &checks))
        }
        Some(STARTED_KIND) => store::Store::read_started_homework(path)?
            .map(|started| shown::valid_started(path, &started)),
        _ => other_kind(path, &bytes)?,
    };
    if let Some(said) = said {
        writeln!(ctx.out, "{said}").map_err(Error::Stdout)?;
        return Ok(());
    }
    let parsed = parse(&bytes).map_err(|source| Error::BadFile {
        what: "a plan",
        path: args.file.clone(),
        source,
    })?;
    if let Some(found) = parsed.newer_schema {
        return Err(Error::NewerSchema {
            path: args.file.clone(),
            found,
            readable: None,
        });
    }
    if !parsed.problems.is_empty() {
        return Err(Error::Invalid {
            path: Some(args.file.clone()),
            problems: parsed.problems,
        });
    }
    let plan = parsed.plan;
    own_numbers(args, &plan)?;
    ctx.tell(&valid_plan(&args.file, &plan))?;
    for check in hidden_numbers(&bytes, "", &plan, Some("relapse-plan contact edit")) {
        ctx.say(&check)?;
    }
    super::say_helpers_not_to_involve(ctx, &plan)?;
    say_one_word_of_them(ctx, &plan)?;
    say_lookalikes(ctx, &plan)?;
    // Her words stand (she may mean "not Dermot"), but whoever checks the
    // plan should see a step naming someone not to involve.
    for mention in crate::plan::mentions::in_plan(&plan) {
        let words = crate::render::mention_words(&mention);
        ctx.say(&format!(
            "{}{}: worth a look.",
            words[..1].to_uppercase(),
            &words[1..]
        ))?;
    }
    // Words written before the cap on one item's length: kept and read (a
    // plan is never closed to its owner), but named, as printing them is
    // slow and new words that long are refused.
    for long in crate::plan::limits::too_long(&plan) {
        let place = long.place;
        ctx.say(&format!(
            "{}{} is {} characters long; {}. It is kept as it is, but printing it is slow: worth making it shorter.",
            place[..1].to_uppercase(),
            &place[1..],
            crate::plan::limits::thousands(long.chars),
            crate::plan::limits::up_to(&long.what),
        ))?;
    }
    former_doubts(ctx, &plan)?;
    step_number_doubts(ctx, &plan)?;
    long_extensions(&plan)
        .iter()
        .try_for_each(|said| ctx.say(said))
}

/// A step naming someone with a number that is not theirs (an old one left
/// after it changed) would send her to the wrong number: said, step by step.
fn step_number_doubts(ctx: &mut Ctx, plan: &crate::plan::Plan) -> Result<()> {
    let marks = crate::plan::mentions::Marks::of(plan);
    for (n, step) in plan.crisis_steps.iter().enumerate() {
        if let Some(mark) = crate::render::other_number_mark(&marks, &step.text) {
            ctx.say(&format!(
                "Crisis step {} ({}): {}. Worth a look: `relapse-plan step edit {} \"…\"` changes it.",
                n + 1,
                quoted(&crate::render::shorten_kept(&step.text, 60)),
                mark.trim_start_matches('(').trim_end_matches(')'),
                n + 1
            ))?;
        }
    }
    Ok(())
}

/// Each contact whose number runs on after it with more digits than an
/// extension has: kept as written (it may be right), but worth a check
/// before it goes on a card, where it crowded out every other name.
fn long_extensions(plan: &crate::plan::Plan) -> Vec<String> {
    plan.contacts
        .iter()
        .filter_map(|contact| {
            let words = crate::render::long_extension_words(contact.phone.as_deref()?)?;
            Some(format!(
                "{} · {words}. Worth a look: `relapse-plan contact edit {} --phone \"…\"` changes it.",
                crate::render::clean(&contact.name),
                contact.id
            ))
        })
        .collect()
}

/// Names each hand-edited `[[former_phones]]` entry relapse-plan would
/// never write, with whom it is for by name and what to do; the file is
/// left as it is (Noa's plan, edited by hand, fresh eyes).
fn former_doubts(ctx: &mut Ctx, plan: &crate::plan::Plan) -> Result<()> {
    use crate::plan::mentions::{FORMER_KEPT, FormerDoubt};
    use crate::render::clean;
    for doubt in crate::plan::mentions::former_doubts(plan) {
        let said = match doubt {
            FormerDoubt::NoOne { contact, phone } => format!(
                "A former number, {}, is kept for “{}”, who is not among the people in your plan, so it marks nothing. Worth a look: remove that [[former_phones]] entry from the file, or give it the id of the person it was for.",
                clean(&phone),
                clean(&contact)
            ),
            FormerDoubt::Current { index, phone } => format!(
                "A former number of {}, {}, is the number they have now, so a step holding it would be marked as their old number. Worth a look: remove that [[former_phones]] entry from the file.",
                quoted(&plan.contacts[index].name),
                clean(&phone)
            ),
            FormerDoubt::TooMany { index, count } => format!(
                "{} former numbers are kept for {}; relapse-plan keeps {FORMER_KEPT} for one person. Worth a look: remove their oldest [[former_phones]] entries from the file.",
                count,
                quoted(&plan.contacts[index].name)
            ),
        };
        ctx.say(&said)?;
    }
    Ok(())
}

/// What `validate` says of a file of relapse-plan's that says no `kind`
/// and is no plan (a practice log, a check-in log): checked by the reader
/// its own command uses, and named as what it is, with what helps for it
/// (never `restore`). `None`: read it as a plan (a vCard is then named as
/// one, with how to import it).
fn other_kind(path: &std::path::Path, bytes: &[u8]) -> Result<Option<String>> {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let table = std::str::from_utf8(bytes)
        .ok()
        .and_then(|text| toml::from_str::<toml::Table>(text).ok())
        .filter(|t| !t.contains_key("schema_version"));
    let has = |key: &str| table.as_ref().is_some_and(|t| t.contains_key(key));
    if name == "check-ins.toml" || has("check_ins") {
        let log = store::Store::read_check_in_file(path)?;
        return Ok(Some(shown::valid_check_in_log(path, log.entries.len())));
    }
    if name == "practice.toml" || has("rehearsals") || has("exercises") {
        let log = store::Store::read_practice_file(path)?;
        return Ok(Some(shown::valid_practice_log(
            path,
            log.rehearsals.len(),
            log.exercises.len(),
        )));
    }
    Ok(None)
}

/// What is worth a check in a hand-in that reads: names and numbers with
/// characters that do not show, and a zone its own times contradict.
fn hand_in_checks(bytes: &[u8], hand_in: &crate::plan::homework::HandIn) -> Vec<String> {
    let mut checks = hidden_names(bytes, &["assignment"], &hand_in.assignment);
    // A hand-in's plan is the one the therapist would print.
    checks.extend(hidden_numbers(bytes, "plan", &hand_in.plan, None));
    let zone_line =
        || crate::plan::parse::line_in(bytes, &[crate::plan::validate::Step::Key("zone".into())]);
    if let Some(zone) = hand_in.unread_zone() {
        checks.push(crate::render::review::unread_zone_check(zone_line(), zone));
    }
    // A zone its own times contradict, as `review` warns of it.
    if let Some(doubt) = crate::plan::hand_in_zone::zone_doubt(hand_in) {
        let line =
            crate::plan::parse::line_in(bytes, &[crate::plan::validate::Step::Key("zone".into())]);
        checks.push(crate::render::review::zone_doubt_check(line, &doubt));
    }
    checks
}

/// The names in a homework (under `keys` in the file: the top, or
/// `assignment` in a hand-in) that hold characters that do not show, each
/// in words with its line: `homework start` warns of them, and so does
/// `validate`.
fn hidden_names(
    bytes: &[u8],
    keys: &[&str],
    assignment: &crate::plan::homework::Assignment,
) -> Vec<String> {
    use crate::plan::validate::Step;
    crate::plan::homework::hidden_in_names(assignment)
        .into_iter()
        .map(|(what, name)| {
            let field = if what.contains("therapist") {
                "therapist"
            } else {
                "client"
            };
            let path: Vec<Step> = keys
                .iter()
                .chain([&field])
                .map(|k| Step::Key((*k).into()))
                .collect();
            shown::hidden_name_check(crate::plan::parse::line_in(bytes, &path), what, name)
        })
        .collect()
}

/// Each phone number in `plan` (kept under `key` in the file, "" at the
/// top) that holds characters that do not show, in words with its line
/// and the number written out: it "reads cleanly" as TOML, but may dial
/// differently from how it reads. `mend` is the command that mends it,
/// for a plan of one's own; a hand-in's is asked for again.
fn hidden_numbers(
    bytes: &[u8],
    key: &str,
    plan: &crate::plan::Plan,
    mend: Option<&str>,
) -> Vec<String> {
    use crate::plan::validate::Step;
    let mut said = Vec::new();
    for (n, contact) in crate::plan::phone::hidden_numbers(plan) {
        let path: Vec<Step> = [key]
            .into_iter()
            .filter(|k| !k.is_empty())
            .chain(["contacts"])
            .map(|k| Step::Key(k.into()))
            .chain([Step::Entry(n), Step::Key("phone".into())])
            .collect();
        let line = crate::plan::parse::line_in(bytes, &path)
            .map_or_else(String::new, |line| format!("Line {line}: "));
        let what = format!(
            "the phone number of {} holds characters that do not show ({}), so it may dial differently from how it reads",
            quoted(&contact.name),
            crate::render::clean(contact.phone.as_deref().unwrap_or_default())
        );
        let what = if line.is_empty() {
            format!("{}{}", what[..1].to_uppercase(), &what[1..])
        } else {
            format!("{line}{what}")
        };
        said.push(match mend {
            Some(command) => format!(
                "{what}. Type it again with `{command} {} --phone \"…\"`.",
                contact.id
            ),
            None => format!("{what}: ask for it to be written again."),
        });
    }
    said
}

/// Her own numbers held up against her people
/// ([`crate::plan::validate::own_number_problems`]): a problem to mend,
/// never "valid" (Trudy's hand edit made Dermot's number her emergency
/// number).
fn own_numbers(args: &ValidateArgs, plan: &crate::plan::Plan) -> Result<()> {
    let mut own = crate::plan::validate::own_number_problems(plan);
    own.extend(crate::plan::validate::left_off_problems(plan));
    if own.is_empty() {
        return Ok(());
    }
    Err(Error::Invalid {
        path: Some(args.file.clone()),
        problems: own,
    })
}
