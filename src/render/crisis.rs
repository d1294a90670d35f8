//! The crisis view (`now`): the plan's steps, people, crisis lines and
//! reasons in one glance, for someone with little attention to spare.
//! Short headings, the person's own words, nothing to decide.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::{clean, heading, separator_for, wrap};
use crate::crisis_lines::{CountryLines, LOCAL_EMERGENCY};
use crate::plan::{Plan, Role, Section};
use crate::render::Style;

/// Writes the crisis view. `plan` is `None` when no plan has been saved yet,
/// or when none can be read (`unreadable`): the crisis lines are still
/// worth showing.
pub fn write_now(
    w: &mut dyn Write,
    plan: Option<&Plan>,
    unreadable: bool,
    lines: Option<&CountryLines>,
    style: Style,
) -> io::Result<()> {
    let width = style.width;
    let title = match plan.map(|p| p.name.trim()) {
        Some("") => "This is your plan for right now. One step at a time.".to_string(),
        Some(name) => format!(
            "{}, this is your plan for right now. One step at a time.",
            clean(name)
        ),
        None => "If you need help right now:".into(),
    };
    writeln!(w, "{}", heading(&wrap(&title, width, "", ""), style))?;

    if let Some(plan) = plan {
        write_steps_and_people(w, plan, width, style)?;
    }

    writeln!(w)?;
    let own_emergency = plan.and_then(Plan::own_emergency_to_call);
    write_lines(w, lines, own_emergency, width, style)?;
    if let Some(plan) = plan {
        write_own_lines(w, plan, width, style)?;
        write_safer_and_reasons(w, plan, width, style)?;
    } else {
        writeln!(w)?;
        writeln!(
            w,
            "{}",
            wrap(
                if unreadable {
                    "Your plan can't be read just now; the message above says why. Your crisis lines are always here."
                } else {
                    "You don't have a saved plan yet. When you are ready, `relapse-plan init` starts yours."
                },
                width,
                "",
                ""
            )
        )?;
    }
    Ok(())
}

/// The crisis view from the answers of a first `new` stopped before it
/// saved (no saved plan yet): her crisis steps and people so far, said
/// plainly as not yet saved, then the crisis lines, and how to carry on.
/// Layla, stopped in her first walk-through and told "Everything you
/// typed is kept", was sent to `init` with none of her own numbers.
pub fn write_draft_now(
    w: &mut dyn Write,
    plan: &Plan,
    lines: Option<&CountryLines>,
    style: Style,
) -> io::Result<()> {
    let width = style.width;
    writeln!(w, "{}", heading("If you need help right now:", style))?;
    if has_help_now(plan) {
        writeln!(w)?;
        writeln!(
            w,
            "{}",
            wrap(
                "From the answers you have given so far (not saved as your plan yet):",
                width,
                "",
                ""
            )
        )?;
        write_steps_and_people(w, plan, width, style)?;
    }
    writeln!(w)?;
    write_lines(w, lines, plan.own_emergency_to_call(), width, style)?;
    write_own_lines(w, plan, width, style)?;
    write_safer_and_reasons(w, plan, width, style)?;
    writeln!(w)?;
    writeln!(
        w,
        "{}",
        wrap(
            "Your answers are kept, but not saved as your plan yet. When you are ready, `relapse-plan new` carries on with them.",
            width,
            "",
            ""
        )
    )
}

/// After an exercise that ended with the urge still high: her crisis steps
/// and her people with their numbers, as `now` shows them, the crisis
/// lines, and `relapse-plan now` for the whole of it. Layla, stopping
/// `surf` at 10 of 10, was told only that her plan was there.
pub fn write_still_high(
    w: &mut dyn Write,
    plan: Option<&Plan>,
    lines: Option<&CountryLines>,
    style: Style,
) -> io::Result<()> {
    let width = style.width;
    writeln!(w)?;
    writeln!(
        w,
        "{}",
        wrap(
            "It is still strong. This is what your plan says for a moment like this:",
            width,
            "",
            ""
        )
    )?;
    if let Some(plan) = plan {
        write_steps_and_people(w, plan, width, style)?;
    }
    writeln!(w)?;
    let own_emergency = plan.and_then(Plan::own_emergency_to_call);
    write_lines(w, lines, own_emergency, width, style)?;
    if let Some(plan) = plan {
        write_own_lines(w, plan, width, style)?;
    }
    writeln!(w)?;
    writeln!(
        w,
        "{}",
        wrap(
            "All of your plan for right now: `relapse-plan now`",
            width,
            "",
            ""
        )
    )
}

/// Whether a draft's plan holds anything for a hard moment: a crisis
/// step, a way of coping, or someone to call.
pub fn has_help_now(plan: &Plan) -> bool {
    let offer = crate::plan::same::NotToInvolve::of(plan);
    !plan.section(Section::CrisisSteps).is_empty()
        || !plan.coping.is_empty()
        || plan.contacts.iter().any(|c| offer.may_offer(c))
}

/// Her crisis steps in order, the things that help her, and her people.
fn write_steps_and_people(
    w: &mut dyn Write,
    plan: &Plan,
    width: usize,
    style: Style,
) -> io::Result<()> {
    let steps = plan.section(Section::CrisisSteps);
    if !steps.is_empty() {
        writeln!(w)?;
        writeln!(w, "{}", heading("Do these, in order", style))?;
        let marks = crate::plan::mentions::Marks::of(plan);
        for (n, step) in steps.iter().enumerate() {
            let marker = super::number_marker(n + 1, steps.len());
            writeln!(w, "{}", super::item(&marker, &step.text, width, 2))?;
            // Never shown as someone to contact: her step, and under
            // it, in line with its words, whom she said not to involve.
            let under = 2 + crate::width::display_width(&marker) + 1;
            // And a number that is not the one saved for the person the
            // step names (an old one, left after it changed).
            for mark in super::step_marks(&marks, &step.text) {
                writeln!(w, "{}", super::item("", &mark, width, under))?;
            }
        }
    }
    if !plan.coping.is_empty() {
        writeln!(w)?;
        writeln!(w, "{}", heading("Things that help you", style))?;
        for coping in &plan.coping {
            let marker = super::bullet_marker(style);
            writeln!(w, "{}", super::item(marker, &coping.name, width, 2))?;
        }
    }
    write_people(w, plan, width, style)?;
    Ok(())
}

/// What to make safer, and her reasons, after the crisis lines.
fn write_safer_and_reasons(
    w: &mut dyn Write,
    plan: &Plan,
    width: usize,
    style: Style,
) -> io::Result<()> {
    for (section, title) in [
        (Section::SafeEnvironment, "Make it safer"),
        (Section::Reasons, "Your reasons"),
    ] {
        let items = plan.section(section);
        if !items.is_empty() {
            writeln!(w)?;
            writeln!(w, "{}", heading(title, style))?;
            for item in items {
                let marker = super::bullet_marker(style);
                writeln!(w, "{}", super::item(marker, &item.text, width, 2))?;
            }
        }
    }
    Ok(())
}

/// People to call: help first, then professionals, then people who
/// distract; anyone marked "do not involve" is never shown.
fn write_people(w: &mut dyn Write, plan: &Plan, width: usize, style: Style) -> io::Result<()> {
    let offer = crate::plan::same::NotToInvolve::of(plan);
    let rank = |role: Role| match role {
        Role::Help => Some(0),
        Role::Professional => Some(1),
        Role::Distraction => Some(2),
        Role::DoNotInvolve => None,
    };
    let mut people: Vec<_> = plan
        .contacts
        .iter()
        // Nor anyone who is the same person as someone not to involve,
        // however the plan spells them (Shirin's نيما for her نیما).
        .filter(|c| rank(c.role).is_some() && offer.may_offer(c))
        .collect();
    let hidden = super::hidden_helper_notes(plan);
    if people.is_empty() && hidden.is_empty() {
        return Ok(());
    }
    people.sort_by_key(|c| rank(c.role));
    writeln!(w)?;
    writeln!(w, "{}", heading("People you can call", style))?;
    for c in people {
        if style.plain {
            // A screen reader reads a line as one thing: a comma-joined
            // "name, number, when" runs into the person's own commas
            // ("after 6 pm, any day"), so each fact gets its own line.
            writeln!(w, "{}", wrap(&clean(&c.name), width, "  ", "    "))?;
            let said = match number_of(c) {
                Some(number) => format!("Phone: {}", super::phone(number)),
                None => NO_NUMBER.to_string(),
            };
            writeln!(w, "{}", wrap(&said, width, "    ", "      "))?;
            if let Some(reachable) = &c.reachable {
                let said = format!("When: {}", clean(reachable));
                writeln!(w, "{}", wrap(&said, width, "    ", "      "))?;
            }
            continue;
        }
        let mut facts = vec![clean(&c.name)];
        facts.push(number_of(c).map_or_else(|| NO_NUMBER.to_string(), super::phone));
        facts.extend(c.reachable.as_deref().map(clean));
        let separator = separator_for(style, &facts.iter().map(String::as_str).collect::<Vec<_>>());
        writeln!(w, "{}", wrap(&facts.join(separator), width, "  ", "    "))?;
    }
    for note in hidden {
        writeln!(w, "{}", wrap(&note, width, "  ", "   "))?;
    }
    Ok(())
}

/// Said for someone under "People you can call" with no number saved:
/// listed with nothing beside them, Anjali (with a screen reader) learnt
/// there was no number only when she went to dial.
const NO_NUMBER: &str = "no number saved";

/// A person's number, if one is saved (an empty one is none).
fn number_of(c: &crate::plan::Contact) -> Option<&str> {
    c.phone.as_deref().filter(|n| !n.trim().is_empty())
}

/// The numbers the person added themselves, under their own heading so
/// they are never taken for the checked table's, each with where they
/// found it in their words. Nothing when there are none.
pub fn write_own_lines(
    w: &mut dyn Write,
    plan: &Plan,
    width: usize,
    style: Style,
) -> io::Result<()> {
    let own = &plan.own_lines;
    if own.is_empty() {
        return Ok(());
    }
    writeln!(w)?;
    writeln!(
        w,
        "{}",
        heading("Your own numbers (you added these)", style)
    )?;
    let from = |source: &Option<String>| {
        source
            .as_deref()
            .map(|s| format!(" (from {})", clean(s)))
            .unwrap_or_default()
    };
    // A number of hers that is someone's not to involve, or someone's old
    // one (a hand edit, a walk-through before this was asked), is marked
    // where it stands, as a crisis step holding one is: never offered.
    // The number of someone not to involve is left out altogether, as on
    // paper: flagged, it still stood first (Trudy).
    let marked = |number: &str| match plan.own_number_doubt(number) {
        Some(crate::plan::own_doubt::OwnDoubt::NotToInvolve(_)) => {
            "left off, as it is the number of someone you said not to involve".to_string()
        }
        _ => match super::own_number_mark(plan, number) {
            Some(mark) => format!("{} {mark}", super::phone(number)),
            None => super::phone(number),
        },
    };
    if let Some(number) = &own.emergency {
        let entry = format!(
            "Emergency: {}{}",
            marked(number),
            from(&own.emergency_source)
        );
        writeln!(w, "{}", wrap(&entry, width, "  ", "    "))?;
    }
    for line in &own.lines {
        let mut ways = Vec::new();
        if let Some(call) = &line.call {
            ways.push(format!("call {}", marked(call)));
        }
        if let Some(text) = &line.text {
            ways.push(format!("text {}", marked(text)));
        }
        let entry = format!(
            "{}: {}{}",
            super::own_line_name(plan, &line.name),
            ways.join(" or "),
            from(&line.source)
        );
        writeln!(w, "{}", wrap(&entry, width, "  ", "    "))?;
    }
    Ok(())
}

/// What to do in danger when no checked emergency number is known: the
/// person's own emergency number when they added one (a frightened person
/// must not be sent to look up a number they already gave), else the
/// general words.
fn in_danger(own_emergency: Option<&str>) -> String {
    match own_emergency.map(str::trim).filter(|n| !n.is_empty()) {
        Some(number) => format!("call {}, the emergency number you added", clean(number)),
        None => LOCAL_EMERGENCY.to_string(),
    }
}

/// The crisis lines for a country, or what to do without them;
/// `own_emergency` is the emergency number the person added, if any.
pub fn write_lines(
    w: &mut dyn Write,
    lines: Option<&CountryLines>,
    own_emergency: Option<&str>,
    width: usize,
    style: Style,
) -> io::Result<()> {
    let danger = in_danger(own_emergency);
    let Some(lines) = lines else {
        writeln!(w, "{}", heading("Crisis lines", style))?;
        let said = format!("If you are in danger now, {danger}.");
        writeln!(w, "{}", wrap(&said, width, "  ", "  "))?;
        return writeln!(
            w,
            "{}",
            wrap(
                "(To see your country's crisis lines here: `relapse-plan set --country GB`, or US, IE, AU…)",
                width,
                "  ",
                "  "
            )
        );
    };
    writeln!(
        w,
        "{}",
        heading(
            &format!(
                "Crisis lines ({})",
                crate::plan::country::name(&lines.country)
                    .map_or_else(|| clean(&lines.country), str::to_string)
            ),
            style
        )
    )?;
    if let Some(number) = lines.emergency {
        writeln!(w, "  Emergency: {number}")?;
    } else {
        let country = crate::plan::country::name(&lines.country)
            .map_or_else(|| clean(&lines.country), str::to_string);
        let said =
            format!("No lines are checked for {country} yet: if you are in danger now, {danger}.");
        writeln!(w, "{}", wrap(&said, width, "  ", "  "))?;
    }
    for line in &lines.lines {
        let mut entry = super::name_then(line.name, ": ", &line.how_to_reach());
        if let Some(about) = line.about {
            let _ = write!(entry, " ({about})");
        }
        if let Some(hours) = line.hours {
            let _ = write!(entry, ", {hours}");
        }
        writeln!(w, "{}", wrap(&entry, width, "  ", "    "))?;
    }
    Ok(())
}
