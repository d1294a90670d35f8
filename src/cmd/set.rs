//! `set`: name, country, review dates (the next one also as a calendar
//! event) and where the printed plan is kept.

use std::path::Path;

use toml::value::Datetime;

use super::{check_output_as, country, note_country};
use crate::cli::{Cleared, SetArgs};
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::plan::{OwnLine, OwnLines, date};
use crate::render::ics;

pub(super) fn run(mut args: SetArgs, ctx: &mut Ctx) -> Result<()> {
    tidy_numbers(&mut args, ctx)?;
    let own = own_lines_change(&args)?;
    if own.is_some() {
        own_numbers_to_involve(&ctx.load()?.plan, &args)?;
    }
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
    if let Some(Some(country)) = &new_country {
        note_country(ctx, Some(country))?;
    }
    let region = plan_country.clone().or_else(|| ctx.where_she_is());
    let (said, already) = dates_said(
        [
            ("last", &last, args.last_review.as_deref()),
            ("next", &next, args.next_review.as_deref()),
        ],
        region.as_deref(),
    );
    let other = args.name.is_some() || new_country.is_some() || kept_at.is_some() || own.is_some();
    let summary = match (said.is_empty(), other) {
        (true, _) => "changed the plan's details".to_string(),
        (false, false) => said.join(", "),
        (false, true) => format!("changed the plan's details; {}", said.join(", ")),
    };
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
            if let Some(own) = own {
                own(&mut plan.own_lines)?;
            }
            Ok(summary)
        })?;
        match (&saved, dates_said) {
            // The date she gave was read, even if the plan had it already:
            // "Nothing changed" alone hid which day "2026. 12. 5." was.
            (crate::store::Saved::Unchanged(_), Some(dates)) => ctx.say(&format!(
                "Nothing changed: {dates}, so no new revision was saved."
            ))?,
            _ => super::said(ctx, &saved)?,
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

/// Refuses her own emergency number or crisis line when it is the number
/// of someone she marked "do not involve": `now`, the card and the lock
/// screen would offer it to call in a crisis.
fn own_numbers_to_involve(plan: &crate::plan::Plan, args: &SetArgs) -> Result<()> {
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
        && let Some(them) = plan.not_to_involve_like(name, None, None)
    {
        return Err(Error::OwnNumberNotToInvolve {
            kind: "name",
            typed: crate::render::quoted(name),
            theirs: crate::render::quoted(&them.name),
            what: "the name of a crisis line".into(),
        });
    }
    for (number, what) in given {
        let Some(number) = number else { continue };
        if let Some(them) = plan.not_to_involve_number(number) {
            return Err(Error::OwnNumberNotToInvolve {
                kind: "number",
                typed: crate::render::clean(number),
                theirs: crate::render::quoted(&them.name),
                what: what.trim_end().to_string(),
            });
        }
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

/// A change to the person's own numbers, checked before anything is saved.
type OwnChange = Box<dyn FnOnce(&mut OwnLines) -> Result<()>>;

fn own_lines_change(args: &SetArgs) -> Result<Option<OwnChange>> {
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
            if call.is_none() && text.is_none() {
                return Err(Error::Usage(format!(
                    "give {name}'s number with --call NUMBER or --text NUMBER"
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
        if let Some(emergency) = emergency {
            own.emergency_source = emergency.as_ref().and(source);
            own.emergency = emergency;
        }
        if let Some(name) = remove {
            let before = own.lines.len();
            own.lines.retain(|l| l.name.trim() != name);
            if own.lines.len() == before {
                return Err(Error::NotInPlan(format!(
                    "there is no number of your own called “{name}”; `relapse-plan lines` lists them"
                )));
            }
        }
        own.lines.extend(line);
        Ok(())
    })))
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
                        crate::plan::persian::beside(
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
