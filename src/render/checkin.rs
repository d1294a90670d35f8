//! What a check-in says back, and the early-warning message shown at the end
//! of a check-in and at the top of `now` and `show`: short, kind, in the
//! person's own words, never a diagnosis.

use std::io::{self, Write};

use super::crisis::write_lines;
use super::{clean, heading, separator_for, wrap};
use crate::crisis_lines::CountryLines;
use crate::plan::checkin::{Answers, CheckIn, Recorded, Stretch};
use crate::plan::date::civil_from_days;
use crate::plan::early_warning::Warning;
use crate::plan::priority::sorted;
use crate::plan::{Plan, Role};
use crate::render::Style;

const WEEKDAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A day (since 1970-01-01) as people say it: "Sat 28 Nov".
pub fn day_name(days: i64) -> String {
    let date = civil_from_days(days);
    let weekday = WEEKDAYS[usize::try_from(days.rem_euclid(7)).unwrap_or(0)];
    let month = MONTHS[usize::from(date.month.clamp(1, 12)) - 1];
    format!("{weekday} {} {month}", date.day)
}

/// [`day_name`] said on `today` (both days since 1970-01-01), with the
/// year when the day is not in this year: "Mon 1 Jan 1900", "Tue 30 Nov
/// 2027" (Trudy read a check-in a year ahead as this week's), "Mon 1 Dec
/// 2025" (`--date "1 Dec"` on 30 November 2026 is last year's, and read
/// without its year as this week's: Trudy again).
pub fn day_name_on(days: i64, today: i64) -> String {
    if civil_from_days(days).year == civil_from_days(today).year {
        day_name(days)
    } else {
        format!("{} {}", day_name(days), civil_from_days(days).year)
    }
}

/// Two days that end a range ("Mon 1 Dec 2025 to Mon 30 Nov 2026"),
/// said on `today`: both with their year when the range crosses one, so a
/// year of check-ins never reads as "Mon 1 Dec to Mon 30 Nov".
pub fn days_named(first: i64, last: i64, today: i64) -> (String, String) {
    let year = |d| civil_from_days(d).year;
    if year(first) == year(last) {
        (day_name_on(first, today), day_name_on(last, today))
    } else {
        (
            format!("{} {}", day_name(first), year(first)),
            format!("{} {}", day_name(last), year(last)),
        )
    }
}

/// The reply to a check-in (how it was recorded, and this answer's
/// "acted" beside the day's): thanks, the lapse plan after a lapse (unless
/// the walk-through showed it already, right after the answer), and the
/// days-since-a-lapse count when the person turned it on.
pub fn write_reply(
    w: &mut dyn Write,
    plan: &Plan,
    entry: &CheckIn,
    (recorded, now): (Recorded, &Answers),
    stretch: Option<Stretch>,
    lapse_plan_shown: bool,
    (style, today): (Style, i64),
) -> io::Result<()> {
    let width = style.width;
    let day = day_name_on(entry.day_number(), today);
    // The words follow the day the check-in is for, never the clock's: a
    // check-in at 00:30 for the night before, or one `--date`d, is not
    // about "today".
    let when = on_the_day(entry.day_number(), today);
    let said = match recorded {
        Recorded::New => format!("Checked in for {day}. Thank you for taking the minute."),
        Recorded::Updated if when == "today" => format!(
            "Added to your check-in for {day} (you have checked in {} today).",
            times(entry.times.len())
        ),
        Recorded::Updated => format!(
            "Added to your check-in for {day} (you have checked in for it {}).",
            times(entry.times.len())
        ),
    };
    writeln!(w, "{}", wrap(&said, width, "", ""))?;
    if recorded == Recorded::Updated
        && let Some(kept) = kept_highest(entry, now, today)
    {
        writeln!(w, "{}", wrap(&kept, width, "", ""))?;
    }
    let acted_now = now.acted;
    if entry.is_lapse() && !acted_now.is_lapse() {
        // The day keeps an earlier "partly" or "yes"; this answer said no.
        // Say both, so her "no" is heard and the day's record is true.
        writeln!(w)?;
        writeln!(
            w,
            "{}",
            wrap(
                &if when == "today" {
                    "Earlier today you noted that you acted on an urge; that stays in today's check-in, beside your answer now. Your lapse plan is in `relapse-plan show` whenever you want it.".to_string()
                } else {
                    format!(
                        "Earlier you noted that you acted on an urge {when}; that stays in that day's check-in, beside your answer now. Your lapse plan is in `relapse-plan show` whenever you want it."
                    )
                },
                width,
                "",
                ""
            )
        )?;
    } else if entry.is_lapse() {
        writeln!(w)?;
        if lapse_plan_shown {
            // "Your lapse plan is above" was said even when the plan has
            // none, and above it said so: the words follow what was shown.
            let said = if plan.lapse_plan.is_empty() {
                "Noted as a lapse: something to learn from. Your crisis steps and people are in `relapse-plan now` whenever you want them."
            } else {
                "Noted as a lapse: something to learn from. Your lapse plan is above, and in `relapse-plan show` whenever you want it."
            };
            writeln!(w, "{}", wrap(said, width, "", ""))?;
        } else {
            write_lapse_plan_on(w, plan, style, &when)?;
        }
    }
    if let Some(s) = stretch {
        writeln!(w)?;
        writeln!(w, "{}", wrap(&stretch_words(s), width, "", ""))?;
    }
    Ok(())
}

/// How often, as a person says it: "twice", "3 times" (never "2 times").
fn times(n: usize) -> String {
    match n {
        1 => "once".into(),
        2 => "twice".into(),
        n => format!("{n} times"),
    }
}

/// How many times she checked in on a day, said after the day's name
/// when more than once: " (2 check-ins, the highest of each)". A day's
/// numbers are the highest she gave that day, and a therapist reading a
/// 9 should know a later 3 was folded into it (Linh, issue 13). Nothing
/// for a day of one check-in.
pub fn times_that_day(entry: &CheckIn) -> String {
    match entry.times.len() {
        0 | 1 => String::new(),
        n => format!(" ({n} check-ins, the highest of each)"),
    }
}

/// When a check-in added to the day's gave a lower urge or distress than
/// the day already held, that the day keeps its highest, with what she
/// said now, so her answer is heard and the day's record is true. `None`
/// when what she said now is what the day holds.
pub fn kept_highest(entry: &CheckIn, now: &Answers, today: i64) -> Option<String> {
    let mut kept = Vec::new();
    if now.urge < entry.urge {
        kept.push(format!("urge {} (you said {} now)", entry.urge, now.urge));
    }
    if let (Some(said), Some(day)) = (now.distress, entry.distress)
        && said < day
    {
        kept.push(format!("distress {day} (you said {said} now)"));
    }
    if kept.is_empty() {
        return None;
    }
    let when = on_the_day(entry.day_number(), today);
    let whose = if when == "today" {
        "Today's check-in keeps the highest of the day".to_string()
    } else {
        format!("Your check-in {when} keeps the highest of that day")
    };
    Some(format!("{whose}: {}.", kept.join(" and ")))
}

/// A check-in's day (days since 1970) as a reply says it, on the clock's
/// `today`: "today", "on Sunday" for a day of the week gone by, else "on
/// Mon 23 Nov" (with its year when it is another year's).
pub fn on_the_day(day: i64, today: i64) -> String {
    match today - day {
        0 => "today".into(),
        1..=6 => {
            let words = crate::plan::date::weekday_and_date(civil_from_days(day));
            let weekday = words.split_whitespace().next().unwrap_or_default();
            format!("on {weekday}")
        }
        _ => format!("on {}", day_name_on(day, today)),
    }
}

/// After "partly" or "yes": kind words for today, then the plan's own
/// lapse plan (or where to find the crisis steps when it has none).
pub fn write_lapse_plan(w: &mut dyn Write, plan: &Plan, style: Style) -> io::Result<()> {
    write_lapse_plan_on(w, plan, style, "today")
}

/// [`write_lapse_plan`] for a check-in about another day than the
/// clock's: `when` is how that day is said ("on Sunday", from
/// [`on_the_day`]).
pub fn write_lapse_plan_on(
    w: &mut dyn Write,
    plan: &Plan,
    style: Style,
    when: &str,
) -> io::Result<()> {
    let width = style.width;
    let said = format!("You acted on an urge {when}");
    writeln!(w, "{}", heading(&said, style))?;
    // Before anything else, for a plan about self-harm or an overdose:
    // one line with the number to call if she is hurt (Layla and Noa, round
    // 9: her crisis numbers came only after five more questions).
    writeln!(w, "{}", wrap(&if_hurt(plan), width, "", ""))?;
    writeln!(
        w,
        "{}",
        wrap(
            "That is a lapse, not a relapse: a slip to learn from, and your plan has steps for it. Noting it honestly is part of the work.",
            width,
            "",
            ""
        )
    )?;
    if plan.lapse_plan.is_empty() {
        writeln!(
            w,
            "{}",
            wrap(
                "Your plan has no lapse plan yet. Your crisis steps and people are in `relapse-plan now`; when you are ready, `relapse-plan lapse add \"…\"` starts one.",
                width,
                "",
                ""
            )
        )?;
    } else {
        writeln!(w, "{}", heading("Your lapse plan", style))?;
        for (n, step) in plan.lapse_plan.iter().enumerate() {
            let marker = super::number_marker(n + 1, plan.lapse_plan.len());
            writeln!(w, "{}", super::item(&marker, &step.text, width, 2))?;
        }
    }
    Ok(())
}

/// "If you are hurt or in danger now, call 112 now; to talk to someone,
/// call Tele-MANAS on 14416." with her country's emergency number, else
/// her own, else the words for one; and her first crisis line to call
/// (the first open around the clock, as on her card): the checked one
/// for her country, else her plan's own. For a self-harm plan at 2 am,
/// the emergency number alone was not what she could use (Kavya).
fn if_hurt(plan: &Plan) -> String {
    let lines = crate::crisis_lines::for_country(plan.country.as_deref());
    let country = lines.as_ref().and_then(|lines| lines.emergency);
    // Never someone's not to involve, nor someone's old number.
    let own = plan
        .own_emergency_to_call()
        .map(str::trim)
        .filter(|n| !n.is_empty());
    let emergency = match country.or(own) {
        Some(number) => format!("call {} now", clean(number)),
        None => "call your local emergency number now".into(),
    };
    let calls: Vec<(String, String, bool)> =
        super::printout::crisis_line_items_with(plan, lines.as_ref(), super::Medium::Screen)
            .into_iter()
            .filter_map(|item| match item {
                super::printout::Item::Call {
                    who,
                    number,
                    reach: super::printout::Reach::Call,
                    note,
                } => Some((who, number, note.is_some_and(|n| n.contains("24/7")))),
                _ => None,
            })
            .collect();
    let line = calls
        .iter()
        .find(|(.., all_night)| *all_night)
        .or(calls.first())
        .map(|(who, number, _)| format!("; to talk to someone, call {who} on {number}"))
        .unwrap_or_default();
    format!("If you are hurt or in danger now, {emergency}{line}. The rest can wait.")
}

/// Days since the last lapse, said without shame: the longest stretch and
/// all the lapse-free days stay counted.
pub fn stretch_words(s: Stretch) -> String {
    let days = |n: i64| super::plural(n, "day");
    if !s.any_lapse {
        return format!(
            "{} without a lapse since your first check-in. Every day counts.",
            days(s.current)
        );
    }
    if s.total_free == 0 {
        return "Today starts a new stretch. Every day counts.".to_string();
    }
    let now = if s.current == 0 {
        "Today starts a new stretch.".to_string()
    } else {
        format!("{} since your last lapse.", days(s.current))
    };
    format!(
        "{now} Your longest stretch so far is {}, and {} without a lapse count, whatever comes next. Every day counts.",
        days(s.longest),
        days(s.total_free),
    )
}

/// The early-warning message: which signs and how often, then the first
/// crisis steps, the people who help with their numbers, the crisis lines,
/// and an offer to rehearse the riskiest trigger.
pub fn write_warning(
    w: &mut dyn Write,
    plan: &Plan,
    warning: &Warning,
    lines: Option<&CountryLines>,
    full: bool,
    style: Style,
) -> io::Result<()> {
    warning_with(w, plan, warning, lines, full, true, style)
}

/// The early warning under `now`'s crisis steps: which signs and how
/// often, and no offer to rehearse. `now` is for a hard moment; Layla's
/// ended by sending her off to practise.
pub fn write_warning_in_a_crisis(
    w: &mut dyn Write,
    plan: &Plan,
    warning: &Warning,
    style: Style,
) -> io::Result<()> {
    warning_with(w, plan, warning, None, false, false, style)
}

fn warning_with(
    w: &mut dyn Write,
    plan: &Plan,
    warning: &Warning,
    lines: Option<&CountryLines>,
    full: bool,
    offer: bool,
    style: Style,
) -> io::Result<()> {
    let width = style.width;
    let offer_rehearsal = |w: &mut dyn Write| {
        if offer {
            write_rehearse_offer(w, plan, width)
        } else {
            Ok(())
        }
    };
    let say = |w: &mut dyn Write, text: &str| writeln!(w, "{}", wrap(text, width, "", ""));
    writeln!(w, "{}", heading("Your plan has noticed something", style))?;
    if let Some(signs) = &warning.signs {
        let list: Vec<String> = signs
            .counts
            .iter()
            .enumerate()
            .map(|(i, (sign, n))| {
                let of = if i == 0 { " of them" } else { "" };
                format!("“{}” on {n}{of}", clean(sign))
            })
            .collect();
        say(
            w,
            &format!(
                // A sign typed as "something else" still counts: the person
                // noticed it that day, and dropping it would quietly weaken
                // the warning. So the words say "you noted", not "your plan's".
                "Warning signs you noted have been showing on your last {} check-ins: {}.",
                signs.of,
                list.join(", ")
            ),
        )?;
    }
    if !warning.urges.is_empty() {
        let list: Vec<String> = warning
            .urges
            .iter()
            .map(|(day, urge)| format!("{urge} on {}", day_name(*day)))
            .collect();
        say(
            w,
            &format!("Your urges have been strong: {}.", list.join(", ")),
        )?;
    }
    if !warning.lapses.is_empty() {
        let list: Vec<String> = warning.lapses.iter().map(|d| day_name(*d)).collect();
        say(
            w,
            &format!(
                "You noted a lapse on {}. A lapse is something to learn from, not a failure.",
                list.join(" and ")
            ),
        )?;
    }
    if !full {
        say(
            w,
            "This is your own plan's early warning, not a diagnosis. It goes away by itself as things ease.",
        )?;
        return offer_rehearsal(w);
    }
    say(
        w,
        "This is your own plan's early warning, not a diagnosis. It goes away by itself as things ease. For now, your plan says:",
    )?;
    write_plan_for_now(w, plan, lines, style)?;
    offer_rehearsal(w)
}

/// After a check-in whose urge is strong (as strong as the plan's own
/// early warning counts, 7 of 10 unless she changed it), when no early
/// warning is shown: her plan for a moment like this, in her own words,
/// rather than only that it was saved. Nothing beyond what her plan says.
pub fn write_strong_urge(
    w: &mut dyn Write,
    plan: &Plan,
    urge: u8,
    lines: Option<&CountryLines>,
    style: Style,
) -> io::Result<()> {
    let offer = crate::plan::same::NotToInvolve::of(plan);
    writeln!(w)?;
    writeln!(w, "{}", heading("A strong urge", style))?;
    let said = format!(
        "You noted an urge of {urge} out of 10. Thank you for noting it. If it is still with you, this is what your own plan says:"
    );
    writeln!(w, "{}", wrap(&said, style.width, "", ""))?;
    let helps = plan
        .contacts
        .iter()
        .any(|c| matches!(c.role, Role::Help | Role::Professional) && offer.may_offer(c));
    if plan.crisis_steps.is_empty() && !helps {
        writeln!(
            w,
            "{}",
            wrap(
                "Your plan has no crisis steps or people to call yet; when you are ready, `relapse-plan new` helps you add them.",
                style.width,
                "",
                ""
            )
        )?;
    }
    write_plan_for_now(w, plan, lines, style)
}

/// Her crisis steps, the people who help with their numbers and the
/// crisis lines: what her plan says for a hard moment, in her words. Every
/// step, as they are short: cut at three, Layla's fourth, "if Mariam
/// doesn't answer, call …", was the one that held her fallback.
fn write_plan_for_now(
    w: &mut dyn Write,
    plan: &Plan,
    lines: Option<&CountryLines>,
    style: Style,
) -> io::Result<()> {
    let offer = crate::plan::same::NotToInvolve::of(plan);
    let width = style.width;
    if !plan.crisis_steps.is_empty() {
        writeln!(w, "{}", heading("Do these, in order", style))?;
        let marks = crate::plan::mentions::Marks::of(plan);
        for (n, step) in plan.crisis_steps.iter().enumerate() {
            let marker = super::number_marker(n + 1, plan.crisis_steps.len());
            writeln!(w, "{}", super::item(&marker, &step.text, width, 2))?;
            // Under it, as on `now`: whom she said not to involve, and an
            // old number left in it (Shirin: the strong-urge screen showed
            // her brother's old number unmarked).
            let under = 2 + crate::width::display_width(&marker) + 1;
            for mark in super::step_marks(&marks, &step.text) {
                writeln!(w, "{}", super::item("", &mark, width, under))?;
            }
        }
    }
    let helpers: Vec<_> = plan
        .contacts
        .iter()
        .filter(|c| matches!(c.role, Role::Help | Role::Professional) && offer.may_offer(c))
        .collect();
    // Who is left off for sharing a number with someone not to involve is
    // said, as on `now`: never gone without a word (Mulu's sister).
    let hidden = super::hidden_helper_notes(plan);
    if !helpers.is_empty() || !hidden.is_empty() {
        writeln!(w, "{}", heading("People who help", style))?;
        for c in helpers {
            // The number through render::phone, with its warning when it
            // does not dial what it shows, as `now` and `show` give it.
            let phone = c.phone.as_deref().map(super::phone);
            let reachable = c.reachable.as_deref().map(clean);
            let facts: Vec<String> = std::iter::once(clean(&c.name))
                .chain([phone, reachable].into_iter().flatten())
                .collect();
            let separator =
                separator_for(style, &facts.iter().map(String::as_str).collect::<Vec<_>>());
            writeln!(w, "{}", wrap(&facts.join(separator), width, "  ", "    "))?;
        }
        for note in &hidden {
            writeln!(w, "{}", wrap(note, width, "  ", "   "))?;
        }
    }
    write_lines(w, lines, plan.own_emergency_to_call(), width, style)?;
    // The lines she added herself, as `now` shows them: the early warning
    // left out Wei's 安心專線 at urge 8, where he needed it.
    super::crisis::write_own_lines(w, plan, width, style)
}

/// The offer to rehearse the riskiest trigger that has a plan to
/// practise; when none has, the offer to plan one. (Noa, after a lapse:
/// it offered `rehearse 3`, which answered that there was nothing to
/// practise.)
fn write_rehearse_offer(w: &mut dyn Write, plan: &Plan, width: usize) -> io::Result<()> {
    let ranked = sorted(&plan.triggers);
    if let Some(riskiest) = ranked.iter().find(|t| t.has_response()) {
        // Her words in the sentence; the command names it by the number
        // the lists show it with (the order she added them), never by an id: short
        // enough for any terminal, on a line of its own to copy whole.
        let offer = format!(
            "Would it help to rehearse {} now? It takes a few minutes:",
            super::quoted(&riskiest.situation)
        );
        writeln!(w, "{}", wrap(&offer, width, "", ""))?;
        let number = plan
            .number_of::<crate::plan::Trigger>(&riskiest.id)
            .unwrap_or(1);
        writeln!(w, "  relapse-plan rehearse {number}")?;
    } else if let Some(riskiest) = ranked.first() {
        let offer = format!(
            "When you are ready, it may help to plan what you will do when {} happens:",
            super::quoted(&riskiest.situation)
        );
        writeln!(w, "{}", wrap(&offer, width, "", ""))?;
        writeln!(w, "  relapse-plan map")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lapse_with_no_lapse_plan_is_never_told_it_is_above() {
        // Mei said yes to acting on an urge; her plan has no lapse plan,
        // and the walk-through said so, yet the reply ended "Your lapse
        // plan is above".
        use crate::plan::checkin::{Acted, Answers, CheckInLog};
        let plan = Plan::new("美玲".into(), Some("NZ".into()));
        let mut log = CheckInLog::default();
        let day = toml::value::Date {
            year: 2026,
            month: 11,
            day: 30,
        };
        let answers = Answers {
            urge: 10,
            acted: Acted::Yes,
            ..Answers::default()
        };
        let recorded = log.record(
            day,
            "2026-11-29T19:30:00Z".parse().unwrap(),
            answers.clone(),
        );
        let entry = log.on(day).unwrap().clone();
        let reply = crate::render::to_text(|w| {
            write_reply(
                w,
                &plan,
                &entry,
                (recorded, &answers),
                None,
                true,
                (Style::FILE, entry.day_number()),
            )
        });
        assert!(!reply.contains("is above"), "{reply}");
        assert!(
            reply.contains("Noted as a lapse: something to learn from."),
            "{reply}"
        );
    }

    #[test]
    fn days_are_named_as_people_say_them() {
        assert_eq!(day_name(0), "Thu 1 Jan");
        assert_eq!(day_name(20_785), "Sat 28 Nov");
    }

    /// Trudy: "Checked in for Mon 1 Jan" was 1900's, and "Tue 30 Nov" a
    /// year ahead, and "Mon 1 Dec" last year's: a day out of this year
    /// says its year, and a range across years says both.
    #[test]
    fn a_day_far_from_today_says_its_year() {
        use crate::plan::date::days_from_civil;
        let d = |year, month, day| days_from_civil(toml::value::Date { year, month, day });
        let today = d(2026, 11, 30);
        assert_eq!(day_name_on(d(2026, 11, 28), today), "Sat 28 Nov");
        assert_eq!(day_name_on(d(2025, 12, 1), today), "Mon 1 Dec 2025");
        assert_eq!(day_name_on(d(2025, 11, 29), today), "Sat 29 Nov 2025");
        assert_eq!(day_name_on(d(1900, 1, 1), today), "Mon 1 Jan 1900");
        assert_eq!(day_name_on(d(2027, 11, 30), today), "Tue 30 Nov 2027");
        assert_eq!(day_name_on(d(2026, 12, 24), today), "Thu 24 Dec");
        assert_eq!(
            days_named(d(2025, 12, 1), today, today),
            ("Mon 1 Dec 2025".to_string(), "Mon 30 Nov 2026".to_string())
        );
        assert_eq!(
            days_named(d(2026, 11, 17), today, today),
            ("Tue 17 Nov".to_string(), "Mon 30 Nov".to_string())
        );
    }

    /// Issue 14: a sign typed as "something else" counts, so the words must
    /// not claim the signs all come from the plan's own list.
    #[test]
    fn the_warning_says_signs_you_noted_not_your_plans_list() {
        let plan = Plan::new("Sam".into(), None);
        let warning = Warning {
            signs: Some(crate::plan::early_warning::SignsRising {
                check_ins: 3,
                of: 5,
                counts: vec![("Pacing at night".into(), 3)],
            }),
            urges: Vec::new(),
            lapses: Vec::new(),
        };
        let mut out = Vec::new();
        write_warning(
            &mut out,
            &plan,
            &warning,
            None,
            false,
            crate::render::Style::FILE,
        )
        .unwrap();
        let text = String::from_utf8(out).unwrap();
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(!flat.contains("your warning signs"), "{flat}");
        assert!(
            flat.contains("Warning signs you noted have been showing on your last 5 check-ins: “Pacing at night” on 3 of them."),
            "{flat}"
        );
    }

    /// Issue 13 (Mei): the offer to rehearse names the situation in her
    /// words; the command names it by its number, on a line of its own,
    /// never by its id (wider than 50 columns, and not her words).
    #[test]
    fn the_rehearse_offer_says_her_words_and_the_command_apart() {
        let mut plan = Plan::new("美玲".into(), None);
        let mut trigger = crate::plan::Trigger::new(
            "fa-xin-ri".into(),
            "发薪日的星期五，一个人走过酒吧门口".into(),
        );
        trigger.likelihood = Some(4);
        trigger.contacts.push("jie-jie".into());
        plan.triggers.push(trigger);
        let mut out = Vec::new();
        write_rehearse_offer(&mut out, &plan, 50).unwrap();
        let text = String::from_utf8(out).unwrap();
        let (offer, command) = text.trim_end().rsplit_once('\n').unwrap();
        // At 50 columns Chinese may break between any two characters.
        let offer = offer.replace('\n', "");
        assert!(
            offer.contains("“发薪日的星期五，一个人走过酒吧门口”"),
            "{text}"
        );
        assert!(!offer.contains("fa-xin-ri"), "{text}");
        assert_eq!(command, "  relapse-plan rehearse 1", "{text}");
    }

    /// Layla and Noa, round 9: after "I acted on the urge" on a self-harm
    /// plan at night, the number to call if she is hurt came only after
    /// five more questions. It is the first line after the heading.
    #[test]
    fn a_lapse_says_first_whom_to_call_if_she_is_hurt() {
        let mut plan = Plan::new("ليلى".into(), Some("EG".into()));
        plan.own_lines.emergency = Some("١٢٣".into());
        let mut out = Vec::new();
        write_lapse_plan_on(&mut out, &plan, crate::render::Style::FILE, "on Sunday").unwrap();
        let text = String::from_utf8(out).unwrap();
        let mut lines = text.lines();
        assert_eq!(
            lines.next(),
            Some("You acted on an urge on Sunday"),
            "{text}"
        );
        assert_eq!(
            lines.next(),
            Some("If you are hurt or in danger now, call ١٢٣ now. The rest can wait."),
            "{text}"
        );
        plan.country = Some("GB".into());
        let mut out = Vec::new();
        write_lapse_plan_on(&mut out, &plan, crate::render::Style::FILE, "today").unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("call 999 now"), "{text}");
        // Kavya (Chennai): her emergency number and her country's checked
        // line, open around the clock, on the same first line.
        plan.country = Some("IN".into());
        let mut out = Vec::new();
        write_lapse_plan_on(&mut out, &plan, crate::render::Style::FILE, "today").unwrap();
        let text = String::from_utf8(out).unwrap();
        let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            one_line.starts_with(
                "You acted on an urge today If you are hurt or in danger now, call 112 now; to talk to someone, call Tele-MANAS on 14416. The rest can wait. That is a lapse"
            ),
            "{text}"
        );
    }

    /// Noa, after a lapse: the riskiest trigger had no plan yet, and the
    /// offer was `rehearse 3`, which answered "nothing to practise". The
    /// offer is for the riskiest trigger with a plan, else to plan one.
    #[test]
    fn the_offer_never_leads_to_a_trigger_with_nothing_to_practise() {
        let mut plan = Plan::new("נועה".into(), None);
        let mut planned = crate::plan::Trigger::new("a".into(), "לבד בלילה".into());
        planned.likelihood = Some(2);
        planned.contacts.push("michal".into());
        let mut unplanned = crate::plan::Trigger::new("b".into(), "הודעה מיונתן".into());
        unplanned.likelihood = Some(5);
        unplanned.intensity = Some(5);
        plan.triggers.push(planned);
        plan.triggers.push(unplanned);
        let offer = |plan: &Plan| {
            let mut out = Vec::new();
            write_rehearse_offer(&mut out, plan, 80).unwrap();
            String::from_utf8(out).unwrap()
        };
        let text = offer(&plan);
        assert!(text.contains("לבד בלילה"), "{text}");
        assert!(text.ends_with("  relapse-plan rehearse 1\n"), "{text}");
        plan.triggers.remove(0);
        let text = offer(&plan);
        let words: String = text
            .replace('\n', " ")
            .chars()
            .filter(|c| !matches!(c, '\u{200e}' | '\u{200f}' | '\u{2066}'..='\u{2069}'))
            .collect();
        assert!(
            words.contains("plan what you will do when “הודעה מיונתן” happens"),
            "{text}"
        );
        assert!(text.ends_with("  relapse-plan map\n"), "{text}");
    }

    /// The panel's people carry the same warning on a disguised number
    /// as `now` and `show` (was: the number alone, found by fresh eyes).
    #[test]
    fn a_disguised_number_in_the_panel_is_flagged() {
        let mut plan = Plan::new("Sam".into(), None);
        plan.contacts.push(crate::plan::Contact {
            id: "mum".into(),
            name: "Mum".into(),
            phone: Some("0770\u{200b}0900003".into()),
            role: Role::Help,
            reachable: None,
        });
        let warning = Warning {
            signs: None,
            urges: Vec::new(),
            lapses: vec![20_785],
        };
        let mut out = Vec::new();
        write_warning(
            &mut out,
            &plan,
            &warning,
            None,
            true,
            crate::render::Style::FILE,
        )
        .unwrap();
        let flat = String::from_utf8(out)
            .unwrap()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(flat.contains("Mum"), "{flat}");
        assert!(
            flat.contains("0770\\u{200b}0900003 (this number holds hidden characters: check it before you call)"),
            "{flat}"
        );
    }

    #[test]
    fn a_lapse_never_wipes_the_count() {
        let s = Stretch {
            current: 0,
            longest: 12,
            total_free: 20,
            any_lapse: true,
        };
        let words = stretch_words(s);
        assert!(words.contains("new stretch"), "{words}");
        assert!(words.contains("12 days"), "{words}");
        assert!(words.contains("20 days without a lapse count"), "{words}");
        assert!(words.contains("Every day counts"));
    }
}
