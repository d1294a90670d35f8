//! `set`: name, country and review dates.

use toml::value::Datetime;

use super::{country, note_country, save};
use crate::cli::SetArgs;
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::plan::date;

pub(super) fn run(args: SetArgs, ctx: &mut Ctx) -> Result<()> {
    let new_country = ctx.country.as_deref().map(country);
    let last = args.last_review.as_deref().map(review_date).transpose()?;
    let next = args.next_review.as_deref().map(review_date).transpose()?;
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

/// A review date from the command line: YYYY-MM-DD, or "none" to clear.
fn review_date(value: &str) -> Result<Option<Datetime>> {
    if value.trim().eq_ignore_ascii_case("none") {
        return Ok(None);
    }
    value
        .trim()
        .parse::<Datetime>()
        .ok()
        .filter(date::is_date_only)
        .filter(|d| d.date.is_some_and(date::is_real_date))
        .map(Some)
        .ok_or_else(|| Error::Usage(format!("`{value}` is not a date like 2027-01-15")))
}
