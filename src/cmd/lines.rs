//! `lines`: the built-in crisis lines, for one country or all.

use toml::value::Date;

use crate::cli::LinesArgs;
use crate::crisis_lines::{self, CountryLines, EMERGENCY};
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::render::crisis::write_lines;
use crate::render::json::LinesJson;
use crate::render::wrap;

pub(super) fn run(args: &LinesArgs, ctx: &mut Ctx) -> Result<()> {
    // "More than a year ago" by the person's own calendar.
    let today = ctx.today;
    let mut own = None;
    let countries: Vec<Option<CountryLines>> = if args.all {
        EMERGENCY
            .iter()
            .map(|(cc, _)| crisis_lines::for_country(Some(cc)))
            .collect()
    } else {
        // The plan only lends its country; a missing or damaged plan must
        // never stand between someone and a crisis line.
        own = ctx.store.load().ok().map(|l| l.plan);
        let plan_country = own.as_ref().and_then(|p| p.country.clone());
        vec![ctx.crisis_lines(plan_country.as_deref())]
    };
    if args.json {
        let views: Vec<LinesJson> = countries
            .iter()
            .map(|c| LinesJson::new(c.as_ref(), today))
            .collect();
        if args.all {
            return super::write_json(ctx, &views);
        }
        return super::write_json(ctx, &views.into_iter().next());
    }
    for (n, lines) in countries.iter().enumerate() {
        if n > 0 {
            writeln!(ctx.out).map_err(Error::Stdout)?;
        }
        let own_emergency = own
            .as_ref()
            .and_then(crate::plan::Plan::own_emergency_to_call);
        let mut shown = Vec::new();
        write_lines(
            &mut shown,
            lines.as_ref(),
            own_emergency,
            ctx.style.width,
            ctx.style,
        )
        .map_err(Error::Stdout)?;
        ctx.laid_out(&shown)?;
        if let Some(lines) = lines {
            write_checked(ctx, lines, today)?;
        }
    }
    if let Some(plan) = &own {
        let shown = crate::render::to_text(|w| {
            crate::render::crisis::write_own_lines(w, plan, ctx.style.width, ctx.style)
        });
        ctx.write_shown(&shown)?;
    }
    Ok(())
}

/// When and against what each line was checked, with a gentle word for
/// any check more than a year old.
fn write_checked(ctx: &mut Ctx, lines: &CountryLines, today: Date) -> Result<()> {
    if lines.lines.is_empty() {
        return Ok(());
    }
    let width = ctx.style.width;
    writeln!(ctx.out).map_err(Error::Stdout)?;
    let heading = "Checked against each service's own or a government page:";
    writeln!(ctx.out, "{}", wrap(heading, width, "  ", "  ")).map_err(Error::Stdout)?;
    for line in &lines.lines {
        let entry = format!("{}: {}", line.name, line.checked);
        writeln!(ctx.out, "{}", wrap(&entry, width, "    ", "      ")).map_err(Error::Stdout)?;
        // Whole, never wrapped, so it can be copied and opened.
        writeln!(ctx.out, "      {}", line.source).map_err(Error::Stdout)?;
        if line.checked_over_a_year_ago(today) {
            writeln!(
                ctx.out,
                "{}",
                wrap(
                    "That was more than a year ago. Numbers do change, so it may be worth checking with the service itself.",
                    width,
                    "      ",
                    "      "
                )
            ).map_err(Error::Stdout)?;
        }
    }
    Ok(())
}
