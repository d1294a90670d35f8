//! `set`: name, country, review dates (the next one also as a calendar
//! event) and where the printed plan is kept.

use std::path::Path;

use toml::value::Datetime;

use super::{OwnKept, check_output_as, country, note_country};
use crate::cli::{Cleared, SetArgs};
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::plan::own_doubt::OwnDoubt;
use crate::plan::same::same_name;
use crate::plan::{OwnLine, OwnLines, Plan, date, phone};
use crate::render::ics;

pub(super) fn run(mut args: SetArgs, ctx: &mut Ctx) -> Result<()> {
    let (own, old_numbers) = own_numbers(&mut args, ctx)?;
    let new_country = ctx.country.as_deref().map(country);
    // Dates are read the way the plan's country writes them (the one set
    // now, else the one it has).
    let plan_country = match &new_country {
        Some(set_now) => set_now.clone(),
        None => ctx.store.load().ok().and_then(|loaded| loaded.plan.country),
    };
    // A last review is one already had: "15 Nov" is the one just gone,
    // never the next (it was read as 15 November of next year).
    let read = |value: &str, when| review_date(value, plan_country.as_deref(), when, ctx);
    let last = args
        .last_review
        .as_deref()
        .map(|value| read(value, date::When::Past))
        .transpose()?;
    let next = args
        .next_review
        .as_deref()
        .map(|value| read(value, date::When::Future))
        .transpose()?;
    if let Some(Some(country)) = &new_country {
        note_new_country(ctx, country, &args)?;
    }
    let kept_at = args.kept_at.map(cleared);
    let ics = args.ics.filter(|p| !p.as_os_str().is_empty());
    let changes = args.name.is_some()
        || new_country.is_some()
        || last.is_some()
        || next.is_some()
        || kept_at.is_some()
        || own.is_some();
    if !changes && ics.is_none() {
        return Err(Error::Usage(
            "say what to set: --name, --country, --last-review, --next-review (with --ics for a calendar event) or --kept-at".into(),
        ));
    }
    if let Some(path) = ics.as_deref() {
        check_output_as(ctx, path, args.force, (&["ics"], "a calendar event"))?;
    }
    let region = plan_country.clone().or_else(|| ctx.where_she_is());
    let (said, already) = dates_said(
        [
            ("last", &last, args.last_review.as_deref()),
            ("next", &next, args.next_review.as_deref()),
        ],
        region.as_deref(),
    );
    let other = args.name.is_some() || new_country.is_some() || kept_at.is_some();
    let summary = move |own: Vec<String>| summary(other, &said, own);
    if changes {
        let dates_said = (!already.is_empty()).then(|| already.join(" and "));
        let now = ctx.saving_now();
        let saved = ctx.store.update(now, ctx.note.clone(), |plan| {
            if let Some(name) = args.name {
                plan.name = name;
            }
            if let Some(country) = new_country {
                plan.country = country;
            }
            if let Some(last) = last {
                plan.review.last = last;
            }
            if let Some(next) = next {
                plan.review.next = next;
            }
            if let Some(kept_at) = kept_at {
                plan.kept_at = kept_at;
            }
            let own = match own {
                Some(own) => own(&mut plan.own_lines)?,
                None => Vec::new(),
            };
            Ok(summary(own))
        })?;
        match (&saved, dates_said) {
            // The date she gave was read, even if the plan had it already:
            // "Nothing changed" alone hid which day "2026. 12. 5." was.
            (crate::store::Saved::Unchanged(_), Some(dates)) => ctx.say(&format!(
                "Nothing changed: {dates}, so no new revision was saved."
            ))?,
            _ => super::said(ctx, &saved)?,
        }
        if matches!(saved, crate::store::Saved::Revision(_)) {
            old_numbers.iter().try_for_each(|said| ctx.say(said))?;
        }
    }
    match ics {
        // The change above is saved whatever happens to the calendar file:
        // "nothing was changed" after "Saved revision 6" was untrue, and a
        // retry then said "Nothing changed" without writing the file (Trudy).
        Some(path) if changes => write_review_event(&path, ctx).map_err(|error| {
            use crate::render::rescue::path_word;
            // An error's words are not given the plan's folder as a
            // confirmation's are: the command names it itself.
            let folder = ctx
                .plan_dir()
                .map(|d| format!(" --plan-dir {}", path_word(d)))
                .unwrap_or_default();
            Error::NotInPlan(format!(
                "{error}. Your change was saved, as said above; only the calendar file was not written. Once that is put right, `relapse-plan{folder} set --ics {}` writes it again",
                path_word(&path)
            ))
        }),
        Some(path) => write_review_event(&path, ctx),
        None => Ok(()),
    }
}

/// Says what a country without checked lines means for her, given her
/// own numbers as the plan will hold them after this command.
fn note_new_country(ctx: &mut Ctx, country: &str, args: &SetArgs) -> Result<()> {
    let held = ctx.store.load().ok().map(|loaded| loaded.plan.own_lines);
    let emergency = match &args.emergency_number {
        Some(Cleared::Set(number)) => Some(number.as_str()),
        Some(Cleared::None) => None,
        None => held.as_ref().and_then(|own| own.emergency.as_deref()),
    };
    let line = args.own_line.is_some() || held.as_ref().is_some_and(|own| !own.lines.is_empty());
    note_country(ctx, Some(country), &OwnKept { emergency, line })
}

/// Her own numbers given to `set`, tidied and checked (dialable, never
/// someone's not to involve) before anything is saved: the change to
/// make, and what to say of old numbers after it is saved.
fn own_numbers(args: &mut SetArgs, ctx: &mut Ctx) -> Result<(Option<OwnChange>, Vec<String>)> {
    tidy_numbers(args, ctx)?;
    // Two kinds of digits are said first, with her number in one kind as
    // the example: the more general "can't be dialled" says less.
    refuse_mixed_digits(args)?;
    dialable(args)?;
    let own = own_lines_change(args)?;
    let mut old_numbers = if own.is_some() {
        own_numbers_to_involve(&ctx.load()?.plan, args)?
    } else {
        Vec::new()
    };
    // Letters beside digits ("0800 DAD HELP") are kept, and said, as
    // `contact add` says them.
    let emergency = match &args.emergency_number {
        Some(Cleared::Set(number)) => Some(number.as_str()),
        _ => None,
    };
    for number in [emergency, args.call.as_deref(), args.text.as_deref()]
        .into_iter()
        .flatten()
    {
        if let Some(warning) = crate::render::phone_warning(number.trim()) {
            old_numbers.push(format!(
                "{} ({warning}).",
                crate::render::clean(number.trim())
            ));
        }
    }
    Ok((own, old_numbers))
}

/// What a `set` changed, for the person and `history`: her own numbers
/// are named ("changed your own line …"), never as "the plan's details".
fn summary(other: bool, dates: &[String], own: Vec<String>) -> String {
    let details = other.then(|| "changed the plan's details".to_string());
    let parts: Vec<String> = details.into_iter().chain(own).collect();
    match (dates.is_empty(), parts.is_empty()) {
        (true, true) => "changed the plan's details".to_string(),
        (true, false) => parts.join("; "),
        (false, true) => dates.join(", "),
        (false, false) => format!("{}; {}", parts.join("; "), dates.join(", ")),
    }
}

/// Refuses her own emergency number or crisis line when it is the number
/// of someone she marked "do not involve": `now`, the card and the lock
/// screen would offer it to call in a crisis ([`Plan::own_number_doubt`],
/// the one rule every way in asks). A number someone had before is kept,
/// as a crisis step holding one is, and said: returned for after the save.
fn own_numbers_to_involve(plan: &Plan, args: &SetArgs) -> Result<Vec<String>> {
    let line = args.own_line.as_deref().map(crate::render::quoted);
    let emergency = match &args.emergency_number {
        Some(Cleared::Set(number)) => Some(number.as_str()),
        _ => None,
    };
    let given = [
        (emergency, "your emergency number".to_string()),
        (
            args.call.as_deref(),
            format!("the number to call {}", line.clone().unwrap_or_default()),
        ),
        (
            args.text.as_deref(),
            format!("the number to text {}", line.unwrap_or_default()),
        ),
    ];
    if let Some(name) = args.own_line.as_deref()
        && let Some(them) = plan.own_line_name_doubt(name).map(OwnDoubt::contact)
    {
        return Err(Error::OwnNumberNotToInvolve {
            kind: "name",
            typed: crate::render::quoted(name),
            theirs: crate::render::quoted(&them.name),
            what: "the name of a crisis line".into(),
        });
    }
    let mut old = Vec::new();
    for (number, what) in given {
        let Some(number) = number.map(str::trim).filter(|n| !n.is_empty()) else {
            continue;
        };
        match plan.own_number_doubt(number) {
            Some(OwnDoubt::NotToInvolve(them)) => {
                return Err(Error::OwnNumberNotToInvolve {
                    kind: "number",
                    typed: crate::render::clean(number),
                    theirs: crate::render::quoted(&them.name),
                    what: what.trim_end().to_string(),
                });
            }
            Some(OwnDoubt::Former(them)) => old.push(crate::render::own_old_number_note(
                number,
                what.trim_end(),
                them,
            )),
            None => {}
        }
    }
    Ok(old)
}

/// Refuses what can't be dialled as her own number ([`phone::undialable`],
/// the checks `contact add --phone` makes), with an example, and an empty
/// `--emergency-number` (a script's empty variable cleared it without a
/// word): "none" clears it, as the README says.
fn dialable(args: &SetArgs) -> Result<()> {
    if let Some(Cleared::Set(number)) = &args.emergency_number
        && number.trim().is_empty()
    {
        return Err(Error::Usage(
            "--emergency-number was given no number: give it as you would dial it, for example --emergency-number 112, or --emergency-number none to remove yours. Nothing was changed".into(),
        ));
    }
    let emergency = match &args.emergency_number {
        Some(Cleared::Set(number)) => Some(number.as_str()),
        _ => None,
    };
    let given = [
        (emergency, "--emergency-number", "112"),
        (args.call.as_deref(), "--call", "\"0800 123 456\""),
        (args.text.as_deref(), "--text", "\"0800 123 456\""),
    ];
    for (number, flag, example) in given {
        let Some(number) = number.map(str::trim).filter(|n| !n.is_empty()) else {
            continue;
        };
        if let Some(why) = phone::undialable(number) {
            // The number she meant, where a letter stood for a digit.
            let example = phone::with_digits_for_letters(number)
                .filter(|_| why == phone::LETTER_FOR_A_DIGIT)
                .map_or_else(|| example.to_string(), |n| format!("\"{n}\""));
            return Err(Error::Usage(format!(
                "“{}” {why}: write the one number as you would dial it, for example {flag} {}. Nothing was changed",
                crate::render::clean(number),
                crate::render::clean(&example)
            )));
        }
    }
    Ok(())
}

/// Refuses her own emergency number or crisis line typed with two kinds
/// of digits ("٠٨٠٠ ٨٨٨ 0700"): saved, `contact export` could only leave it
/// off her phone, and a phone may not dial it as it reads. Said when typed,
/// with the number in one kind of digits to type instead.
fn refuse_mixed_digits(args: &SetArgs) -> Result<()> {
    use crate::plan::phone::{self, Trouble};
    let emergency = match &args.emergency_number {
        Some(Cleared::Set(number)) => Some(number.as_str()),
        _ => None,
    };
    let given = [
        (emergency, "--emergency-number"),
        (args.call.as_deref(), "--call"),
        (args.text.as_deref(), "--text"),
    ];
    for (number, flag) in given {
        let Some(number) = number.map(str::trim) else {
            continue;
        };
        if phone::trouble(number) != Some(Trouble::MixedDigits) {
            continue;
        }
        let scripts: Vec<String> = phone::digit_scripts(number)
            .into_iter()
            .map(String::from)
            .collect();
        let latin: String = number
            .chars()
            .map(|c| {
                phone::digit_value(c)
                    .and_then(|d| char::from_digit(d, 10))
                    .unwrap_or(c)
            })
            .collect();
        return Err(Error::Usage(format!(
            "“{}” mixes two kinds of digits ({}), so a phone may not dial it as it reads. Type it in one kind, for example {flag} \"{}\". Nothing was changed.",
            crate::render::clean(number),
            crate::render::and_list(&scripts),
            crate::render::clean(&latin)
        )));
    }
    Ok(())
}

/// A field to set, trimmed, or `None` to clear it ("none", or nothing).
fn cleared(value: Cleared<String>) -> Option<String> {
    value
        .into_option()
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

/// Her own numbers and a line's name without what does not show, as
/// `contact add` takes them, and said: `set --emergency-number` kept a
/// zero-width space, and the PDF then printed "call 111 or 11?1" (Trudy).
fn tidy_numbers(args: &mut SetArgs, ctx: &mut Ctx) -> Result<()> {
    let mut said = Vec::new();
    let emergency = match args.emergency_number.as_mut() {
        Some(Cleared::Set(number)) => Some(number),
        _ => None,
    };
    // A number alone: tidied as `contact add` tidies one, with no name.
    for number in [emergency, args.call.as_mut(), args.text.as_mut()]
        .into_iter()
        .flatten()
    {
        said.extend(crate::plan::hidden::tidy_typed(
            &mut String::new(),
            Some(number),
        ));
    }
    if let Some(name) = args.own_line.as_mut() {
        said.extend(crate::plan::hidden::tidy_typed(name, None));
    }
    said.iter()
        .try_for_each(|tidied| ctx.say(&crate::render::tidied_words(tidied)))
}

/// A change to the person's own numbers, checked before anything is saved;
/// it returns what changed, in words for the person and for `history`.
type OwnChange = Box<dyn FnOnce(&mut OwnLines) -> Result<Vec<String>>>;

fn own_lines_change(args: &SetArgs) -> Result<Option<OwnChange>> {
    refuse_mixed_digits(args)?;
    let given = |v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_string)
    };
    let source = given(&args.source);
    if source.is_some() && args.emergency_number.is_none() && args.own_line.is_none() {
        return Err(Error::Usage(
            "--source goes with --emergency-number or --own-line".into(),
        ));
    }
    let emergency = args.emergency_number.clone().map(cleared);
    let line = match given(&args.own_line) {
        Some(name) => {
            let (call, text) = (given(&args.call), given(&args.text));
            // `--source` alone changes only where she found a line she
            // has, without typing its number again (Trudy, issue #12).
            if call.is_none() && text.is_none() && source.is_none() {
                return Err(Error::Usage(format!(
                    "give {name}'s number with --call NUMBER or --text NUMBER (or, for a line you have, --source WHERE to change only where you found it)"
                )));
            }
            Some(OwnLine {
                name,
                call,
                text,
                // Given with both, the source is where the person found
                // both: it goes on each, never silently on one only.
                source: source.clone(),
            })
        }
        None => None,
    };
    let remove = given(&args.remove_own_line);
    if emergency.is_none() && line.is_none() && remove.is_none() {
        return Ok(None);
    }
    Ok(Some(Box::new(move |own: &mut OwnLines| {
        let mut said = Vec::new();
        if let Some(emergency) = emergency {
            if own.emergency != emergency {
                // Quoted, so `history` reads it as the program's words.
                said.push(match (&emergency, &own.emergency) {
                    (Some(number), _) => format!(
                        "changed your emergency number to {}",
                        crate::render::quoted(number)
                    ),
                    (None, Some(was)) => format!(
                        "removed your emergency number {}",
                        crate::render::quoted(was)
                    ),
                    (None, None) => "removed your emergency number".to_string(),
                });
            }
            own.emergency_source = emergency.as_ref().and(source);
            own.emergency = emergency;
        }
        if let Some(name) = remove {
            said.push(remove_line(own, &name)?);
        }
        if let Some(line) = line {
            said.push(put_line(own, line)?);
        }
        Ok(said)
    })))
}

/// Removes her line of `name` (the one name-matching rule, so "moh
/// helpline" is "Moh Helpline"), said by its name as she wrote it.
fn remove_line(own: &mut OwnLines, name: &str) -> Result<String> {
    let Some(at) = own.lines.iter().position(|l| same_name(&l.name, name)) else {
        return Err(Error::NotInPlan(format!(
            "there is no number of your own called “{}”; `relapse-plan lines` lists them",
            crate::render::clean(name)
        )));
    };
    let removed = own.lines.remove(at);
    Ok(format!(
        "removed your own line {} ({})",
        crate::render::quoted(&removed.name),
        line_ways(&removed)
    ))
}

/// Adds her line, or changes the one of the same name (Trudy: a second
/// "Moh helpline" was added beside the first, and `now` showed both).
/// What changed is said, and only that: a new source alone is "changed
/// where you found …", never "call 800 4673 → call 800 4673".
fn put_line(own: &mut OwnLines, line: OwnLine) -> Result<String> {
    let Some(kept) = own
        .lines
        .iter_mut()
        .find(|l| same_name(&l.name, &line.name))
    else {
        if line.call.is_none() && line.text.is_none() {
            return Err(Error::NotInPlan(format!(
                "there is no line of your own called {} yet, so there is nothing to give a source to: add it with its number, `relapse-plan set --own-line NAME --call NUMBER --source WHERE`; `relapse-plan lines` lists yours",
                crate::render::quoted(&line.name)
            )));
        }
        let said = format!(
            "added your own line {} ({})",
            crate::render::quoted(&line.name),
            line_ways(&line)
        );
        own.lines.push(line);
        return Ok(said);
    };
    let was = kept.clone();
    // Her name for it stays as she first wrote it; what she did not give
    // again stays too: `--call` alone keeps the number to text.
    let changed = OwnLine {
        name: kept.name.clone(),
        call: line.call.or_else(|| kept.call.clone()),
        text: line.text.or_else(|| kept.text.clone()),
        source: line.source.or_else(|| kept.source.clone()),
    };
    *kept = changed;
    let name = crate::render::quoted(&kept.name);
    let (ways_before, ways_now) = (line_ways(&was), line_ways(kept));
    let source = (was.source != kept.source).then(|| source_change(&was, kept));
    Ok(match source {
        Some(source) if ways_before == ways_now => {
            format!("changed where you found your own line {name}: {source}")
        }
        Some(source) => format!(
            "changed your own line {name}: {ways_before} → {ways_now}; where you found it: {source}"
        ),
        None => format!("changed your own line {name}: {ways_before} → {ways_now}"),
    })
}

/// Where she found a line, before → now, in her words: "“a leaflet” →
/// “their website, 2026”", or only the new one when there was none.
fn source_change(was: &OwnLine, now: &OwnLine) -> String {
    let quoted = |s: &Option<String>| s.as_deref().map(crate::render::quoted);
    match (quoted(&was.source), quoted(&now.source)) {
        (Some(before), Some(now)) => format!("{before} → {now}"),
        (None, Some(now)) => now,
        (Some(before), None) => format!("{before} → none"),
        (None, None) => String::new(),
    }
}

/// "call 800 1111 or text 800 2222": a line's numbers in words.
fn line_ways(line: &OwnLine) -> String {
    let ways: Vec<String> = [("call", &line.call), ("text", &line.text)]
        .into_iter()
        .filter_map(|(how, number)| {
            number
                .as_deref()
                .map(|n| format!("{how} {}", crate::render::clean(n)))
        })
        .collect();
    ways.join(" or ")
}

/// The plan's next review date as a calendar event.
fn write_review_event(path: &Path, ctx: &mut Ctx) -> Result<()> {
    let plan = ctx.load()?.plan;
    let Some(day) = plan.review.next.and_then(|d| d.date) else {
        return Err(Error::NotInPlan(
            "there is no next review date to put in a calendar: give one with --next-review 2027-01-15".into(),
        ));
    };
    let Some(text) = ics::review_reminder(date::days_from_civil(day), ctx.now) else {
        return Err(Error::Usage(format!(
            "{day} is too far off for a calendar app: choose a date before the year 10000"
        )));
    };
    super::write_to(ctx, path, text.as_bytes(), "your next review", |shown| {
        format!(
            "Wrote your next review, {}, to `{shown}` as a calendar event. It names no part of your plan.",
            date::long_date(day),
        )
    })
}

/// A review date given on the command line: `Some(None)` for "none".
type ReviewDate = Option<Option<Datetime>>;

/// The dates as read, in words: "2/3/2027" may not be the day she meant,
/// and its weekday shows a wrong reading at once. Shirin (Tehran) typed
/// hers in the Solar Hijri calendar: it is said back in both, so she can
/// check the day (`region` and what she typed say when). Returned twice:
/// as saved ("next review on 4 December 2026, a Friday") and as already
/// there, for when nothing changed.
fn dates_said(
    dates: [(&str, &ReviewDate, Option<&str>); 2],
    region: Option<&str>,
) -> (Vec<String>, Vec<String>) {
    let (mut said, mut already) = (Vec::new(), Vec::new());
    for (which, value, typed) in dates {
        match value {
            Some(Some(day)) => {
                let day = day.date.map_or_else(
                    || day.to_string(),
                    |d| {
                        crate::plan::date::in_her_calendars(
                            &with_weekday(d),
                            d,
                            region,
                            typed.unwrap_or_default(),
                        )
                    },
                );
                said.push(format!("{which} review on {day}"));
                already.push(format!("your {which} review was already on {day}"));
            }
            Some(None) => {
                said.push(format!("no {which} review date"));
                already.push(format!("there was already no {which} review date"));
            }
            None => {}
        }
    }
    (said, already)
}

/// A review date from the command line, in any form the walk-through
/// accepts (2027-01-04, 4/1/2027 in the order of the plan's country, 4 Jan 2027), or
/// "none" to clear; what it can't settle is said in the same words.
fn review_date(
    value: &str,
    country: Option<&str>,
    when: date::When,
    ctx: &Ctx,
) -> Result<Option<Datetime>> {
    if value.trim().eq_ignore_ascii_case("none") {
        return Ok(None);
    }
    let day = super::typed_date(ctx, value, country, when, |example| {
        format!("write it like {example}")
    })?;
    // With no year written, the latest such day on or before today.
    let day = match when {
        date::When::Past => date::in_the_past(day, value, ctx.today),
        _ => day,
    };
    if let Some(why) = date::other_calendar(day) {
        return Err(Error::Usage(why));
    }
    if when == date::When::Future && date::days_from_civil(day) < date::days_from_civil(ctx.today) {
        return Err(Error::Usage(in_the_past(day, value, ctx.today)));
    }
    Ok(Some(date::date_only(day)))
}

/// Why a next review on `day`, read from `typed`, is not saved: it is
/// gone (`26.12.05` read as 26 December 2005 was saved without a word:
/// Min-jun in Seoul, who meant 5 December 2026). A reading of the same
/// numbers still to come is offered, written so it can't be misread.
fn in_the_past(day: toml::value::Date, typed: &str, today: toml::value::Date) -> String {
    let gone = format!(
        "“{}” reads as {}: that is in the past, and a next review is a day still to come",
        crate::render::clean(typed.trim()),
        with_weekday(day)
    );
    let to_come: Vec<toml::value::Date> = date::short_readings(typed)
        .into_iter()
        .filter(|d| date::days_from_civil(*d) >= date::days_from_civil(today))
        .collect();
    match to_come.as_slice() {
        [] => format!("{gone}: give one from today on"),
        meant => {
            let meant: Vec<String> = meant
                .iter()
                .map(|d| format!("{}, write {}", with_weekday(*d), plain(*d)))
                .collect();
            format!("{gone}. If you meant {}", meant.join("; if you meant "))
        }
    }
}

/// A date as `2026-12-05`, which every country's reading gives the same
/// day.
fn plain(day: toml::value::Date) -> String {
    format!("{:04}-{:02}-{:02}", day.year, day.month, day.day)
}

/// "15 December 2026, a Tuesday": the date as `set` read it, with its
/// weekday, so "12/1" read the wrong way round shows at once.
fn with_weekday(day: toml::value::Date) -> String {
    format!("{}, a {}", date::long_date(day), date::weekday_name(day))
}
