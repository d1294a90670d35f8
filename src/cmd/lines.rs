//! `lines`: the built-in crisis lines, for one country or all.

use serde_json::Value as Json;
use toml::value::Date;

use crate::cli::LinesArgs;
use crate::crisis_lines::{self, CountryLines, EMERGENCY, LOCAL_EMERGENCY};
use crate::ctx::Ctx;
use crate::error::Result;
use crate::render::crisis::write_lines;
use crate::render::json::object;
use crate::render::wrap;

pub(super) fn run(args: &LinesArgs, ctx: &mut Ctx) -> Result<()> {
    // "More than a year ago" by the person's own calendar.
    let today = ctx.today;
    let countries: Vec<Option<CountryLines>> = if args.all {
        EMERGENCY
            .iter()
            .map(|(cc, _)| crisis_lines::for_country(Some(cc)))
            .collect()
    } else {
        // The plan only lends its country; a missing or damaged plan must
        // never stand between someone and a crisis line.
        let plan_country = ctx.store.load().ok().and_then(|l| l.plan.country);
        vec![crisis_lines::for_country(
            ctx.lines_country(plan_country.as_deref()).as_deref(),
        )]
    };
    if args.json {
        let list: Vec<Json> = countries
            .iter()
            .map(|c| to_json(c.as_ref(), today))
            .collect();
        let json = if args.all {
            Json::Array(list)
        } else {
            list.into_iter().next().unwrap_or(Json::Null)
        };
        let text = serde_json::to_string_pretty(&json).map_err(std::io::Error::from)?;
        writeln!(ctx.out, "{text}")?;
        return Ok(());
    }
    for (n, lines) in countries.iter().enumerate() {
        if n > 0 {
            writeln!(ctx.out)?;
        }
        write_lines(ctx.out, lines.as_ref(), ctx.style.width, ctx.style)?;
        if let Some(lines) = lines {
            write_checked(ctx, lines, today)?;
        }
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
    writeln!(ctx.out)?;
    let heading = "Checked against each service's own or a government page:";
    writeln!(ctx.out, "{}", wrap(heading, width, "  ", "  "))?;
    for line in &lines.lines {
        let entry = format!("{}: {}", line.name, line.checked);
        writeln!(ctx.out, "{}", wrap(&entry, width, "    ", "      "))?;
        // Whole, never wrapped, so it can be copied and opened.
        writeln!(ctx.out, "      {}", line.source)?;
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
            )?;
        }
    }
    Ok(())
}

fn to_json(lines: Option<&CountryLines>, today: Date) -> Json {
    let Some(lines) = lines else {
        return object([
            ("country", Json::Null),
            ("emergency", Json::Null),
            ("advice", Json::String(LOCAL_EMERGENCY.into())),
            ("lines", Json::Array(Vec::new())),
        ]);
    };
    let text = |v: Option<&str>| v.map_or(Json::Null, |v| Json::String(v.into()));
    object([
        ("country", Json::String(lines.country.clone())),
        ("emergency", text(lines.emergency)),
        (
            "lines",
            Json::Array(
                lines
                    .lines
                    .iter()
                    .map(|l| {
                        object([
                            ("name", Json::String(l.name.into())),
                            ("about", text(l.about)),
                            ("call", text(l.call)),
                            ("text", text(l.text)),
                            ("hours", text(l.hours)),
                            ("source", Json::String(l.source.into())),
                            ("checked", Json::String(l.checked.into())),
                            (
                                "checked_over_a_year_ago",
                                Json::Bool(l.checked_over_a_year_ago(today)),
                            ),
                        ])
                    })
                    .collect(),
            ),
        ),
    ])
}
