//! `set`: name, country and review dates.

use toml::value::Datetime;

use super::{country, note_country, save};
use crate::cli::SetArgs;
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::plan::date;

pub(super) fn run(args: SetArgs, ctx: &mut Ctx) -> Result<()> {
    let new_country = ctx.country.as_deref().map(country);
    let order = date::DayOrder::of_region(ctx.locale_country.as_deref());
    let read = |value: &str| review_date(value, order, ctx.today);
    let last = args.last_review.as_deref().map(read).transpose()?;
    let next = args.next_review.as_deref().map(read).transpose()?;
    if args.name.is_none() && new_country.is_none() && last.is_none() && next.is_none() {
        return Err(Error::Usage(
            "say what to set: --name, --country, --last-review or --next-review".into(),
        ));
    }
    if let Some(Some(country)) = &new_country {
        note_country(ctx, Some(country))?;
    }
    save(ctx, |plan| {
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
        Ok("changed the plan's details".into())
    })
}

/// A review date from the command line, in any form the walk-through
/// accepts (2027-01-04, 4/1/2027 in the locale's order, 4 Jan 2027), or
/// "none" to clear; what it can't settle is said in the same words.
fn review_date(
    value: &str,
    order: date::DayOrder,
    today: toml::value::Date,
) -> Result<Option<Datetime>> {
    if value.trim().eq_ignore_ascii_case("none") {
        return Ok(None);
    }
    let read = date::parse_typed(value, order, today);
    match (
        read,
        date::why_not_a_date(&crate::render::clean(value.trim()), read),
    ) {
        (date::TypedDate::Date(day), _) => Ok(Some(date::date_only(day))),
        (_, why) => Err(Error::Usage(format!(
            "{}; write it like {}",
            why.unwrap_or_default(),
            date::example(order)
        ))),
    }
}
