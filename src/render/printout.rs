//! The plan to carry, as a document: the person's crisis steps and the
//! emergency number first, then the stages of escalation in the order they
//! are used (warning signs, my own coping, people and places that distract,
//! people who help, professionals and crisis lines, a safer environment),
//! then my reasons, triggers riskiest first, the lapse plan and daily
//! maintenance. Text, Markdown, HTML and PDF all render this one model, so
//! every format holds the same things in the same order.

use crate::crisis_lines::{CountryLines, LOCAL_EMERGENCY};
use crate::plan::date::local_moment;
use crate::plan::priority::{self, Priority};
use crate::plan::{Contact, CopingKind, Plan, Role, Section as PlanSection};
use crate::render::{Medium, clean};

/// Every printout says what it holds.
pub const PRIVATE: &str = "Private: this holds personal health information.";

/// How prominently a section prints, and where: the crisis block leads,
/// the stages of escalation follow in order, reference material last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rank {
    /// The person's own crisis steps: first and most prominent.
    Crisis,
    /// The emergency number: printed large, next to the crisis steps.
    Emergency,
    /// One stage of escalation, numbered in the order it is used
    /// (1 notice the warning signs … 6 make the surroundings safer).
    Stage(u8),
    /// Reasons, triggers, the lapse plan, daily upkeep, who not to involve.
    Reference,
}

/// How a number is reached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reach {
    /// A voice call (`tel:`).
    Call,
    /// A text message (`sms:`), with the word to send when there is one.
    Text { word: Option<String> },
}

/// A section of the printout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub title: String,
    pub items: Vec<Item>,
    pub rank: Rank,
    /// The number printed beside a stage: its place among the stages that
    /// print (1, 2, 3…), so a stage left out for being empty never leaves
    /// a gap the person wonders about. `None` for anything else.
    pub number: Option<usize>,
    /// Ruled lines to print after the items, to write on by hand
    /// (`print --blank`, `print --write-in`); 0 for none.
    pub blank_lines: usize,
}

/// One line of a section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// A sentence in the person's own words.
    Bullet(String),
    /// A numbered step.
    Numbered(usize, String),
    /// Indented under the item before it (a coping strategy's steps, a
    /// trigger's thoughts).
    Sub(String),
    /// Someone or somewhere to call or text. The number is its own field,
    /// exactly as typed, never part of a sentence: every format keeps it one
    /// left-to-right unit, never wraps it, aligns it in a column and links
    /// it (`tel:`/`sms:`). A line with two numbers is two `Call` items with
    /// the same `who`.
    Call {
        who: String,
        number: String,
        reach: Reach,
        /// When they can be reached, what the line is for, and so on.
        note: Option<String>,
    },
    /// The last days of check-ins, drawn small (`print --trends`).
    Chart(Box<Chart>),
}

/// Check-ins over the last days: urge and distress (0-10) each day, lapses
/// marked, and the same in words for text formats and screen readers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chart {
    /// Every day of the window, oldest first.
    pub days: Vec<ChartDay>,
    /// Days named under the chart: (index into `days`, "29 Oct").
    pub labels: Vec<(usize, String)>,
    /// The same in words, a sentence each.
    pub words: Vec<String>,
}

impl Chart {
    /// Whether there is anything to draw.
    pub fn is_empty(&self) -> bool {
        self.days
            .iter()
            .all(|d| d.urge.is_none() && d.distress.is_none())
    }
}

/// One day of a [`Chart`]: `None` where there was no check-in (or no
/// distress given).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ChartDay {
    pub urge: Option<u8>,
    pub distress: Option<u8>,
    pub lapse: bool,
}

impl Item {
    /// The item's words in one line, the number after the name (for
    /// formats that have no columns, and for measuring).
    pub fn plain(&self) -> String {
        match self {
            Item::Bullet(t) | Item::Sub(t) => t.clone(),
            Item::Numbered(n, t) => format!("{n}. {t}"),
            Item::Call {
                who,
                number,
                reach,
                note,
            } => {
                let how = match reach {
                    Reach::Call => number.clone(),
                    Reach::Text { word: Some(w) } => format!("text {w} to {number}"),
                    Reach::Text { word: None } => format!("text {number}"),
                };
                match note {
                    Some(note) => super::name_then(who, ": ", &format!("{how} ({note})")),
                    None => super::name_then(who, ": ", &how),
                }
            }
            Item::Chart(chart) => chart.words.join(" "),
        }
    }
}

/// What to print besides the plan's own words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Fill {
    /// The plan as it is; empty sections left out.
    #[default]
    AsIs,
    /// The plan, with a few ruled lines under each section for additions.
    WriteIn,
    /// Every section, ruled lines and no entries: a form to fill in by hand.
    Blank,
}

/// Ruled lines under each section with `--write-in`.
pub const WRITE_IN_LINES: usize = 2;

/// The whole printout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Printout {
    pub title: String,
    pub sections: Vec<Section>,
    pub footer: String,
}

/// Her crisis steps, numbered, each with its marks under it as on `now`
/// (`all`: whom she said not to involve too). A number that is not the one
/// saved for the person the step names is flagged where it stands and is
/// no link: on paper it read as a number to call (Shirin, Tehran).
fn crisis_step_items(plan: &Plan, m: Medium, all: bool) -> Vec<Item> {
    let mut items = Vec::new();
    let marks_of = crate::plan::mentions::Marks::of(plan);
    for (i, step) in plan.crisis_steps.iter().enumerate() {
        let mut shown = m.show(&step.text);
        let old = marks_of.doubt(&step.text).is_some();
        if old && m == Medium::Paper {
            shown = super::doubt_numbers(&shown);
        }
        items.push(Item::Numbered(i + 1, shown));
        let marks = if all {
            super::step_marks(&marks_of, &step.text)
        } else {
            super::other_number_mark(&marks_of, &step.text)
                .into_iter()
                .collect()
        };
        items.extend(marks.into_iter().map(Item::Sub));
    }
    items
}

fn person(c: &Contact, m: Medium) -> Item {
    match &c.phone {
        // Only a number with something to dial becomes a call: never an
        // empty `tel:` link.
        Some(phone) if crate::plan::phone::has_digits(phone) => Item::Call {
            who: m.show(&c.name),
            number: m.number(phone.trim()),
            reach: Reach::Call,
            // A number holding characters that do not show, or digits that
            // do not dial, is printed as it is, and the person is told to
            // check it.
            note: match super::phone_warning(phone.trim()) {
                None => c.reachable.as_deref().map(clean),
                Some(warning) => Some(format!(
                    "{warning}{}",
                    c.reachable
                        .as_deref()
                        .map(|r| format!("; {}", m.show(r)))
                        .unwrap_or_default()
                )),
            },
        },
        Some(phone) if !phone.trim().is_empty() => {
            let (name, number) = (m.show(&c.name), m.number(phone.trim()));
            let when = c.reachable.as_deref().map(|when| m.show(when));
            // An em dash where Arabic script is: a dot reads as "٠" there.
            let dot = super::separator_between(&[&name, &number, when.as_deref().unwrap_or("")]);
            Item::Bullet(match when {
                Some(when) => format!("{name}{dot}{number} ({when})"),
                None => format!("{name}{dot}{number}"),
            })
        }
        _ => Item::Bullet(match &c.reachable {
            Some(when) => format!("{} ({})", m.show(&c.name), m.show(when)),
            None => m.show(&c.name),
        }),
    }
}
/// The triggers' heading, saying whose order they are in: in the person's
/// own order a "low" may print above a "high", and the heading makes that
/// read as chosen, not wrong.
fn triggers_heading(plan: &Plan) -> &'static str {
    match priority::Order::of(&plan.triggers) {
        priority::Order::YourOwn => {
            "My triggers, riskiest first, in the order I chose by comparing them"
        }
        priority::Order::Mixed => "My triggers, riskiest first, partly my order",
        priority::Order::Priority => "My triggers, riskiest first",
    }
}

/// Each trigger, riskiest first, with what it brings and the response.
fn trigger_items(plan: &Plan, m: Medium) -> Vec<Item> {
    let mut triggers = Vec::new();
    for t in priority::sorted(&plan.triggers) {
        // The band in words beside the person's own ratings, as the
        // tables show it; the formula lives in `--help` and the README.
        let given: Vec<String> = [
            t.likelihood.map(|v| format!("likely {v}/5")),
            t.intensity.map(|v| format!("urge {v}/5")),
            t.confidence.map(|v| format!("sure {v}%")),
        ]
        .into_iter()
        .flatten()
        .collect();
        // Part-rated: the ratings given, never "not rated" over them.
        let risk = match (Priority::of(t), given.is_empty()) {
            (Some(p), _) => {
                let band = match p.band() {
                    priority::Band::High => "High",
                    priority::Band::Medium => "Medium",
                    priority::Band::Low => "Low",
                };
                format!("{band} priority: {}", given.join(", "))
            }
            (None, true) => "Priority: not rated yet".to_string(),
            (None, false) => format!("Priority: not all rated yet; {}", given.join(", ")),
        };
        // The ratings on a line of their own: beside the situation they
        // would take its direction (Hebrew, Arabic) and read scrambled.
        triggers.push(Item::Bullet(m.show(&t.situation)));
        triggers.push(Item::Sub(risk));
        for (label, list) in [
            ("Thoughts", &t.thoughts),
            ("Feelings", &t.feelings),
            ("Urges", &t.urges),
        ] {
            if !list.is_empty() {
                // Each of her entries isolated on paper, as a name is
                // (`Medium::name`): after the English label, Noa's
                // "3 כוסות" had its figure pulled to the label's side,
                // and one Hebrew entry ran into the next.
                let words: Vec<String> = list.iter().map(|s| m.name(s)).collect();
                triggers.push(Item::Sub(format!("{label}: {}", words.join("; "))));
            }
        }
        // Her strategies by their names, and the people to call under a
        // label of the program's ("Call: Олена (сестра)"), never written
        // into a sentence she did not write ("call Олена (сестра)"). One
        // line, so the page holds as much as before.
        let mut response: Vec<String> = t
            .coping
            .iter()
            .filter_map(|id| plan.coping_strategy(id))
            .map(|c| m.name(&c.name))
            .collect();
        let people: Vec<String> = t
            .contacts
            .iter()
            .filter_map(|id| plan.contact(id))
            .map(|c| m.name(&c.name))
            .collect();
        if !people.is_empty() {
            response.push(format!("Call: {}", people.join(" or ")));
        }
        match response.as_slice() {
            [] => {}
            [only] if !people.is_empty() => triggers.push(Item::Sub(only.clone())),
            _ => triggers.push(Item::Sub(format!("What I'll do: {}", response.join("; ")))),
        }
    }
    triggers
}

/// The coping strategies of one kind, each with its steps under it.
fn coping_items(plan: &Plan, kind: CopingKind, m: Medium) -> Vec<Item> {
    let mut items = Vec::new();
    for c in plan.coping.iter().filter(|c| c.kind == kind) {
        items.push(Item::Bullet(m.show(&c.name)));
        items.extend(
            c.steps
                .iter()
                .enumerate()
                .map(|(i, s)| Item::Sub(format!("{}. {}", i + 1, m.show(s)))),
        );
    }
    items
}

/// A section as `fill` prints it, or `None` when it is left out.
fn section(rank: Rank, title: &str, items: Vec<Item>, fill: Fill) -> Option<Section> {
    let (items, blank_lines) = match fill {
        Fill::AsIs => (items, 0),
        Fill::WriteIn => (items, WRITE_IN_LINES),
        // The form keeps what is not the person's to write: the emergency
        // number and the crisis lines.
        Fill::Blank => {
            let facts: Vec<Item> = match rank {
                // `build` passes only the crisis lines to a blank form.
                Rank::Emergency | Rank::Stage(5) => items,
                _ => Vec::new(),
            };
            let lines = match rank {
                Rank::Emergency => 0,
                Rank::Crisis => 6,
                _ => 4,
            };
            (facts, lines)
        }
    };
    if items.is_empty() && fill != Fill::Blank {
        return None;
    }
    Some(Section {
        number: None,
        title: title.to_string(),
        items,
        rank,
        blank_lines,
    })
}

/// Builds the printout of a plan, with the crisis lines for its country.
/// Sections come in the order they print: the crisis steps and the
/// emergency number first, then the stages of escalation in order, then
/// reference material. Empty sections are left out, except with
/// [`Fill::Blank`], where every section is a ruled form to fill in by hand.
/// `zone` is the person's: the footer's save time is on their clock.
pub fn build(
    plan: &Plan,
    lines: Option<&CountryLines>,
    fill: Fill,
    zone: &jiff::tz::TimeZone,
    m: Medium,
) -> Printout {
    let offer = crate::plan::same::NotToInvolve::of(plan);
    let mut sections = Vec::new();
    let mut add = |rank: Rank, title: &str, items: Vec<Item>| {
        sections.extend(section(rank, title, items, fill));
    };
    let bullets = |texts: &mut dyn Iterator<Item = &String>| -> Vec<Item> {
        texts.map(|t| Item::Bullet(m.show(t))).collect()
    };
    let numbered = |texts: &mut dyn Iterator<Item = &String>| -> Vec<Item> {
        texts
            .enumerate()
            .map(|(i, t)| Item::Numbered(i + 1, m.show(t)))
            .collect()
    };
    let coping_of = |kind: CopingKind| coping_items(plan, kind, m);
    let people_of = |role: Role| people_items(plan, &offer, role, m);

    add(
        Rank::Crisis,
        "What I'll do, in order",
        crisis_step_items(plan, m, true),
    );
    add(
        Rank::Emergency,
        "In an emergency",
        under_its_heading(emergency_items_with(plan, lines, m)),
    );
    add(
        Rank::Stage(1),
        "Warning signs that things are sliding",
        bullets(&mut plan.warning_signs.iter().map(|i| &i.text)),
    );
    add(
        Rank::Stage(2),
        "Things I can do on my own",
        coping_of(CopingKind::Internal),
    );
    let mut distract = people_of(Role::Distraction);
    distract.extend(coping_of(CopingKind::Distraction));
    add(
        Rank::Stage(3),
        "People and places that take my mind off it",
        distract,
    );
    let mut help = people_of(Role::Help);
    help.extend(coping_of(CopingKind::Social));
    add(Rank::Stage(4), "People I can ask for help", help);
    let mut professionals = people_of(Role::Professional);
    professionals.extend(coping_of(CopingKind::Professional));
    if fill == Fill::Blank {
        professionals.clear();
    }
    professionals.extend(crisis_line_items_with(plan, lines, m));
    add(
        Rank::Stage(5),
        "Professionals and crisis lines",
        professionals,
    );
    let mut safer = bullets(&mut plan.safe_environment.iter().map(|i| &i.text));
    safer.extend(coping_of(CopingKind::Environment));
    add(Rank::Stage(6), "Making my surroundings safer", safer);
    add(
        Rank::Reference,
        "My reasons",
        bullets(&mut plan.reasons.iter().map(|i| &i.text)),
    );

    let triggers_title = triggers_heading(plan);
    add(Rank::Reference, triggers_title, trigger_items(plan, m));
    add(
        Rank::Reference,
        "If I slip",
        numbered(&mut plan.lapse_plan.iter().map(|i| &i.text)),
    );
    add(
        Rank::Reference,
        "Every day",
        bullets(&mut plan.maintenance.iter().map(|i| &i.text)),
    );
    let not_involved: Vec<Item> = plan
        .contacts
        .iter()
        .filter(|c| c.role == Role::DoNotInvolve)
        .map(|c| Item::Bullet(m.show(&c.name)))
        .collect();
    add(Rank::Reference, "Not to involve in a crisis", not_involved);
    number_stages(&mut sections);

    let (title, footer) = title_and_footer(plan, zone, m);
    Printout {
        title,
        sections,
        footer,
    }
}

/// The people of `role`, for the printout. Never as help someone who is
/// the same person as one not to involve, however the plan spells them;
/// one left off for sharing the number of someone not to involve is said,
/// where she would look for them: Mulu's sister was simply gone from the
/// page.
fn people_items(
    plan: &Plan,
    offer: &crate::plan::same::NotToInvolve<'_>,
    role: Role,
    m: Medium,
) -> Vec<Item> {
    let sharing = super::hidden_helpers(plan);
    plan.contacts
        .iter()
        .filter(|c| c.role == role)
        .filter_map(|c| {
            if role == Role::DoNotInvolve || offer.may_offer(c) {
                Some(person(c, m))
            } else {
                sharing.iter().any(|h| h.id == c.id).then(|| {
                    Item::Bullet(format!(
                        "{}: left off, as it is the number of someone you said not to involve",
                        m.show(&c.name)
                    ))
                })
            }
        })
        .collect()
}

/// Numbers the stages that print 1, 2, 3…, in order.
fn number_stages(sections: &mut [Section]) {
    let stages = sections
        .iter_mut()
        .filter(|s| matches!(s.rank, Rank::Stage(_)));
    for (n, section) in stages.enumerate() {
        section.number = Some(n + 1);
    }
}

/// The title of the printed check-ins (`print --trends`).
pub const TRENDS_TITLE: &str = "My check-ins, the last 30 days";

impl Printout {
    /// Adds the check-ins chart as the last section.
    pub fn add_trends(&mut self, chart: Chart) {
        self.sections.push(Section {
            title: TRENDS_TITLE.to_string(),
            items: vec![Item::Chart(Box::new(chart))],
            rank: Rank::Reference,
            number: None,
            blank_lines: 0,
        });
    }
}

/// "Crisis plan — Sam", and the footer: name, revision, saved (on the
/// person's clock, in `zone`), next review.
pub fn title_and_footer(plan: &Plan, zone: &jiff::tz::TimeZone, m: Medium) -> (String, String) {
    let name = plan.name.trim();
    let title = if name.is_empty() {
        "My crisis plan".to_string()
    } else {
        // Not an English possessive: "Оксана's" reads wrong in any
        // language but English; the dash form reads in all of them.
        format!("Crisis plan — {}", m.name(name))
    };
    let mut footer = vec![format!("revision {}", plan.revision)];
    if let Some(saved) = &plan.saved_at {
        footer.push(format!("saved {}", local_moment(saved, zone)));
    }
    if let Some(next) = &plan.review.next {
        footer.push(format!(
            "next review {}",
            crate::plan::date::date_in_words(next)
        ));
    }
    if name.is_empty() {
        footer[0] = format!("Revision {}", plan.revision);
    } else {
        footer.insert(0, m.show(name));
    }
    (title, format!("{}. {PRIVATE}", footer.join(", ")))
}

/// A copy for one supporter (`print --for NAME`): only what the person
/// chose to share with the people who help. The crisis steps, the
/// emergency number, the sections written for supporters, the people to
/// call (never anyone marked "do not involve", nor the supporter), and the
/// crisis lines. Never triggers, warning signs, reasons, ratings, coping
/// strategies, follow-through, check-ins or where the plan is kept.
pub fn for_supporter(
    plan: &Plan,
    lines: Option<&CountryLines>,
    supporter: &Contact,
    zone: &jiff::tz::TimeZone,
    m: Medium,
) -> Printout {
    let offer = crate::plan::same::NotToInvolve::of(plan);
    let mut sections = Vec::new();
    let mut add = |rank: Rank, title: &str, items: Vec<Item>| {
        sections.extend(section(rank, title, items, Fill::AsIs));
    };
    let bullets = |list: &[crate::plan::TextItem]| -> Vec<Item> {
        list.iter().map(|i| Item::Bullet(m.show(&i.text))).collect()
    };
    // Whom she said not to involve is no part of a helper's copy.
    let steps = crisis_step_items(plan, m, false);
    add(Rank::Crisis, "What I'll do, in order", steps);
    add(
        Rank::Emergency,
        "In an emergency",
        under_its_heading(emergency_items_with(plan, lines, m)),
    );
    for part in [
        PlanSection::Helps,
        PlanSection::DoesNotHelp,
        PlanSection::WhoDoesWhat,
    ] {
        add(Rank::Reference, part.title(), bullets(plan.section(part)));
    }
    let mut people: Vec<&Contact> = plan
        .contacts
        .iter()
        .filter(|c| offer.may_offer(c) && c.id != supporter.id)
        .collect();
    people.sort_by_key(|c| match c.role {
        Role::Help => 0,
        Role::Professional => 1,
        Role::Distraction | Role::DoNotInvolve => 2,
    });
    add(
        Rank::Reference,
        "People to call",
        people.into_iter().map(|c| person(c, m)).collect(),
    );
    add(
        Rank::Reference,
        "Crisis lines",
        crisis_line_items_with(plan, lines, m),
    );
    for part in [PlanSection::StandDown, PlanSection::AfterCrisis] {
        add(Rank::Reference, part.title(), bullets(plan.section(part)));
    }
    let name = plan.name.trim();
    let who = m.show(supporter.name.trim());
    let title = if name.is_empty() {
        format!("My crisis plan, for {who}")
    } else {
        format!("Crisis plan — {}, for {who}", m.name(name))
    };
    let mut footer = vec![format!("A copy for {who}, revision {}", plan.revision)];
    if let Some(saved) = &plan.saved_at {
        footer.push(format!("saved {}", local_moment(saved, zone)));
    }
    Printout {
        title,
        sections,
        footer: format!("{}. {PRIVATE}", footer.join(", ")),
    }
}

/// What a supporter's copy holds, for the person to see before it is
/// written: each section and its lines, shortened to the width, then what
/// is never in it.
pub fn supporter_summary(doc: &Printout, supporter: &str, width: usize) -> String {
    use std::fmt::Write as _;
    let mut out = format!("This copy for {} will hold:\n", clean(supporter));
    for section in &doc.sections {
        let _ = write!(out, "\n  {}\n", section.title);
        for item in &section.items {
            let line = format!("    {}", item.plain());
            out.push_str(&crate::render::shorten(&line, width.saturating_sub(1)));
            out.push('\n');
        }
    }
    out.push('\n');
    out.push_str(&crate::render::wrap(
        "Not in it: your triggers, warning signs, reasons, coping strategies, ratings, check-ins, where you keep your plan, and anyone you marked not to involve.",
        width,
        "",
        "",
    ));
    out
}

/// Splits "0800 111 0 111 or 0800 111 0 222" into its numbers.
fn numbers(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(" or ")
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_string)
}

/// What the card and the printout call the country's emergency number.
pub const EMERGENCY: &str = "Emergency";
/// What they call her own emergency number (`set --emergency-number`).
pub const OWN_EMERGENCY: &str = "Emergency (my own note)";
/// The one mark on every number she added herself, so none is taken for
/// one relapse-plan checked: the same words in every output.
pub const OWN_NOTE: &str = "my own note";

/// The mark beside a number she added, with what the item notes already
/// (where she found it: "from a leaflet"), as "my own note, from a leaflet".
pub fn own_note(note: Option<&str>) -> String {
    match note {
        Some(note) => format!("{OWN_NOTE}, {note}"),
        None => OWN_NOTE.to_string(),
    }
}

/// The emergency numbers to print: the country's from the table, then the
/// person's own, marked as theirs with where they found it. Without
/// either, what to do.
pub fn emergency_items_with(plan: &Plan, lines: Option<&CountryLines>, m: Medium) -> Vec<Item> {
    let own = &plan.own_lines;
    let Some(number) = own
        .emergency
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
    else {
        return emergency_items(lines);
    };
    let mut items = if lines.and_then(|l| l.emergency).is_some() {
        emergency_items(lines)
    } else {
        Vec::new()
    };
    if let Some(doubted) = doubted(plan, OWN_EMERGENCY, number, false, m) {
        // Never printed as a number to call; without the country's, what
        // to do in an emergency is said instead.
        if items.is_empty() {
            items = emergency_items(None);
        }
        items.extend(doubted);
        return items;
    }
    items.push(Item::Call {
        who: OWN_EMERGENCY.to_string(),
        number: m.number(number),
        reach: Reach::Call,
        note: own
            .emergency_source
            .as_deref()
            .map(|s| format!("from {}", m.show(s))),
    });
    items
}

/// The crisis lines to print: the country's from the table, then the ones
/// the person added, each marked as theirs with where they found it.
pub fn crisis_line_items_with(plan: &Plan, lines: Option<&CountryLines>, m: Medium) -> Vec<Item> {
    let mut items = crisis_line_items(lines);
    for line in &plan.own_lines.lines {
        let from = line
            .source
            .as_deref()
            .map(|s| format!("from {}", m.show(s)));
        let note = Some(own_note(from.as_deref()));
        let name_doubted = plan.own_line_name_doubt(&line.name).is_some();
        let who = if name_doubted {
            super::own_line_name(plan, &line.name)
        } else {
            m.show(&line.name)
        };
        for number in [line.call.as_deref(), line.text.as_deref()]
            .into_iter()
            .flatten()
        {
            if let Some(doubted) = doubted(plan, &who, number, name_doubted, m) {
                items.extend(doubted);
            }
        }
        let dialable = |n: &&str| !name_doubted && plan.own_number_doubt(n).is_none();
        if let Some(call) = line.call.as_deref().filter(dialable) {
            items.push(Item::Call {
                who: who.clone(),
                number: m.number(call.trim()),
                reach: Reach::Call,
                note: note.clone(),
            });
        }
        if let Some(text) = line.text.as_deref().filter(dialable) {
            items.push(Item::Call {
                who,
                number: m.number(text.trim()),
                reach: Reach::Text { word: None },
                note,
            });
        }
    }
    items
}

/// One of her own numbers that can't be offered as it stands (someone's
/// not to involve, someone's old one; see
/// [`crate::plan::Plan::own_number_doubt`]), or held by a line under the
/// name of someone not to involve: printed in words with its mark, as a
/// crisis step holding one is, never as a number to call or a link.
fn doubted(
    plan: &Plan,
    who: &str,
    number: &str,
    name_doubted: bool,
    m: Medium,
) -> Option<Vec<Item>> {
    let mark = super::own_number_mark(plan, number).or_else(|| {
        name_doubted
            .then(|| "(the name here is the name of someone you said not to involve)".to_string())
    })?;
    // The number of someone not to involve is not printed at all, as `now`
    // leaves it out: flagged, it still stood first on her card, the words
    // after it (Trudy). An old number stays, flagged, with the one to call.
    if matches!(
        plan.own_number_doubt(number),
        Some(crate::plan::own_doubt::OwnDoubt::NotToInvolve(_))
    ) {
        return Some(vec![Item::Bullet(format!(
            "{who}: left off, as it is the number of someone you said not to involve"
        ))]);
    }
    Some(vec![
        Item::Bullet(format!("{who}: {}", super::doubt_numbers(&m.show(number)))),
        Item::Sub(mark),
    ])
}

/// The emergency items for the printout's "In an emergency" section: the
/// heading already says "In an emergency", so its line without a number
/// says only what to do (fresh eyes, issue 13: the HTML read "In an
/// emergency / In an emergency, call your local emergency number"). The
/// card keeps the whole sentence under its "Crisis lines".
fn under_its_heading(items: Vec<Item>) -> Vec<Item> {
    let whole = format!("In an emergency, {LOCAL_EMERGENCY}");
    items
        .into_iter()
        .map(|item| match item {
            Item::Bullet(text) if text == whole => Item::Bullet(capitalised(LOCAL_EMERGENCY)),
            other => other,
        })
        .collect()
}

/// `words` with its first letter upper-case.
fn capitalised(words: &str) -> String {
    let mut chars = words.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The emergency number(s) for the country; without one, what to do.
pub fn emergency_items(lines: Option<&CountryLines>) -> Vec<Item> {
    let Some(emergency) = lines.and_then(|l| l.emergency) else {
        return vec![Item::Bullet(format!("In an emergency, {LOCAL_EMERGENCY}"))];
    };
    numbers(emergency)
        .map(|number| Item::Call {
            who: EMERGENCY.to_string(),
            number,
            reach: Reach::Call,
            note: None,
        })
        .collect()
}

/// The country's crisis lines, each number its own [`Item::Call`]; none
/// for an unknown country (never another country's).
pub fn crisis_line_items(lines: Option<&CountryLines>) -> Vec<Item> {
    let Some(lines) = lines else {
        return Vec::new();
    };
    let mut items = Vec::new();
    for line in &lines.lines {
        let note = [line.about, line.hours]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ");
        let note = (!note.is_empty()).then_some(note);
        let call = |number, reach| Item::Call {
            who: line.name.to_string(),
            number,
            reach,
            note: note.clone(),
        };
        for number in line.call.into_iter().flat_map(numbers) {
            items.push(call(number, Reach::Call));
        }
        // "text SHOUT to 85258" or "text 988".
        if let Some(text) = line.text {
            let rest = text.strip_prefix("text ").unwrap_or(text);
            let (word, number) = match rest.split_once(" to ") {
                Some((word, number)) => (Some(word.to_string()), number),
                None => (None, rest),
            };
            items.push(call(number.trim().to_string(), Reach::Text { word }));
        }
    }
    items
}

/// Paper sizes for HTML and PDF.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paper {
    A4,
    Letter,
}

impl Paper {
    /// Width and height in PDF points.
    pub fn points(self) -> (f32, f32) {
        match self {
            Paper::A4 => (595.28, 841.89),
            Paper::Letter => (612.0, 792.0),
        }
    }

    pub fn css(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::Letter => "letter",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan_with_a_helper() -> Plan {
        let mut plan = Plan::new("Sam".into(), Some("IE".into()));
        plan.crisis_steps
            .push(crate::plan::TextItem::new("Call Alex"));
        plan.contacts.push(Contact {
            id: "alex".into(),
            name: "Alex".into(),
            phone: Some(" +353 87 123 4567 ".into()),
            role: Role::Help,
            reachable: Some("evenings".into()),
        });
        plan
    }

    #[test]
    fn numbers_are_their_own_field_and_empty_sections_are_left_out() {
        let plan = plan_with_a_helper();
        let lines = crate::crisis_lines::for_country(Some("IE"));
        let doc = build(
            &plan,
            lines.as_ref(),
            Fill::AsIs,
            &jiff::tz::TimeZone::UTC,
            Medium::Screen,
        );
        let ranks: Vec<Rank> = doc.sections.iter().map(|s| s.rank).collect();
        assert_eq!(
            ranks,
            [
                Rank::Crisis,
                Rank::Emergency,
                Rank::Stage(4),
                Rank::Stage(5)
            ],
            "only sections with something in them, crisis first"
        );
        assert_eq!(
            doc.sections[2].items,
            [Item::Call {
                who: "Alex".into(),
                number: "+353 87 123 4567".into(),
                reach: Reach::Call,
                note: Some("evenings".into()),
            }]
        );
        // "112 or 999" is two numbers, each whole.
        let emergency: Vec<&Item> = doc.sections[1].items.iter().collect();
        assert!(
            matches!(emergency[..], [Item::Call { number: a, .. }, Item::Call { number: b, .. }] if a == "112" && b == "999")
        );
        assert!(doc.sections.iter().all(|s| s.blank_lines == 0));
    }

    #[test]
    fn blank_is_a_form_and_write_in_adds_lines_to_filled_sections() {
        let plan = plan_with_a_helper();
        let lines = crate::crisis_lines::for_country(Some("IE"));
        let form = build(
            &plan,
            lines.as_ref(),
            Fill::Blank,
            &jiff::tz::TimeZone::UTC,
            Medium::Screen,
        );
        assert_eq!(form.sections.len(), 13, "every section");
        for s in &form.sections {
            assert!(
                s.items.iter().all(|i| match i {
                    Item::Call { who, .. } => who != "Alex",
                    _ => s.rank == Rank::Emergency,
                }),
                "no entries of the plan's own on a blank form: {s:?}"
            );
            assert!(s.rank == Rank::Emergency || s.blank_lines > 0);
        }
        let write_in = build(
            &plan,
            lines.as_ref(),
            Fill::WriteIn,
            &jiff::tz::TimeZone::UTC,
            Medium::Screen,
        );
        assert_eq!(write_in.sections.len(), 4);
        assert!(
            write_in
                .sections
                .iter()
                .all(|s| s.blank_lines == WRITE_IN_LINES)
        );
        assert!(write_in.sections[2].items.len() == 1);
    }

    #[test]
    fn crisis_lines_split_calls_and_texts() {
        let us = crate::crisis_lines::for_country(Some("US"));
        let items = crisis_line_items(us.as_ref());
        assert!(items.contains(&Item::Call {
            who: "Crisis Text Line".into(),
            number: "741741".into(),
            reach: Reach::Text {
                word: Some("HOME".into())
            },
            note: None,
        }));
        assert_eq!(items[1].plain(), "988 Suicide & Crisis Lifeline: text 988");
        assert!(crisis_line_items(None).is_empty());
        assert_eq!(
            emergency_items(None),
            [Item::Bullet(format!("In an emergency, {LOCAL_EMERGENCY}"))]
        );
    }
}
