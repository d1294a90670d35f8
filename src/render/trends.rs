//! Check-ins over time (`trends`): urge and distress as small column
//! charts, a grid of which warning signs, maintenance and coping showed on
//! which days, lapses and early-warning days marked; the same described in
//! words for screen readers (`--plain`); JSON for scripts and CSV for a
//! clinician's spreadsheet. Renderers only: the days are given.

use std::fmt::Write as _;
use std::io::{self, Write};

use crate::width::display_width;
use serde::Serialize;

use super::checkin::{day_name, day_name_on, days_named};
use super::{clean, heading, wrap};
use crate::plan::Plan;
use crate::plan::checkin::{Acted, CheckIn, tally};
use crate::plan::date::civil_from_days;
use crate::render::Style;
use crate::render::printout::{Chart, ChartDay};

/// The days to show, each with its check-in if there was one.
pub struct Window<'a> {
    pub first: i64,
    pub last: i64,
    pub days: Vec<(i64, Option<&'a CheckIn>)>,
    /// Days the early warning held.
    pub warned: Vec<i64>,
}

impl<'a> Window<'a> {
    /// The window from `first` to `last` (days since 1970) over entries in
    /// day order.
    pub fn new(entries: &'a [CheckIn], first: i64, last: i64, warned: Vec<i64>) -> Window<'a> {
        let start = entries.partition_point(|e| e.day_number() < first);
        let mut it = entries[start..].iter().peekable();
        let days = (first..=last)
            .map(|day| {
                let entry = it.next_if(|e| e.day_number() == day);
                (day, entry)
            })
            .collect();
        Window {
            first,
            last,
            days,
            warned,
        }
    }

    fn entries(&self) -> impl Iterator<Item = &'a CheckIn> + '_ {
        self.days.iter().filter_map(|(_, e)| *e)
    }

    fn checked_in(&self) -> usize {
        self.entries().count()
    }
}

/// The label gutter: room for "Distress (0-10) 10 " on a wide terminal;
/// on a narrow one (under 72 columns) only the scale and short labels, with
/// each chart's name on a line of its own and each item's words above its
/// row, so nothing runs past the edge.
const LABEL: usize = 22;
const NARROW_LABEL: usize = 10;

fn gutter(width: usize) -> usize {
    if width < 72 { NARROW_LABEL } else { LABEL }
}

/// The terminal chart.
pub fn write_chart(
    w: &mut dyn Write,
    window: &Window,
    plan: &Plan,
    style: Style,
) -> io::Result<()> {
    let n = window.days.len();
    let gutter = gutter(style.width);
    let room = style.width.saturating_sub(gutter + 12).max(7);
    // Days per column: 1 when the window fits, else as few as make it fit.
    let per = n.div_ceil(room).max(1);
    let columns = Columns {
        spans: window.days.chunks(per).collect(),
        gutter,
        // Two characters a day when they fit, so a fortnight reads easily.
        wide: per == 1 && n * 2 <= room,
    };
    // A range across a new year names both years (Trudy's 365 days read
    // "Mon 1 Dec to Mon 30 Nov").
    let (from, to) = days_named(window.first, window.last, window.last);
    let title = format!(
        "Your check-ins, {from} to {to}: {} of {} days",
        window.checked_in(),
        n
    );
    writeln!(w, "{}", heading(&wrap(&title, style.width, "", ""), style))?;
    if per > 1 {
        writeln!(
            w,
            "Each column is {per} days (the highest urge and distress of them)."
        )?;
    }
    writeln!(w)?;
    let highest = |value: &dyn Fn(&CheckIn) -> Option<u8>| -> Vec<Option<u8>> {
        columns
            .spans
            .iter()
            .map(|c| c.iter().filter_map(|(_, e)| e.and_then(value)).max())
            .collect()
    };
    write_columns(w, "Urge (0-10)", &highest(&|e| Some(e.urge)), &columns)?;
    write_columns(w, "Distress (0-10)", &highest(&|e| e.distress), &columns)?;
    // Blank only where there was no check-in, as the legend says: a day
    // with a check-in and no lapse shows its "·" here too.
    let lapses = lapse_marks(&columns);
    writeln!(
        w,
        "{}{}",
        label("Lapse", gutter),
        columns.cells(&lapses).trim_end()
    )?;
    let warned: String = columns
        .spans
        .iter()
        .map(|c| {
            if c.iter().any(|(d, _)| window.warned.contains(d)) {
                '!'
            } else if c.iter().any(|(_, e)| e.is_some()) {
                '·'
            } else {
                ' '
            }
        })
        .collect();
    writeln!(
        w,
        "{}{}",
        label(
            if gutter < LABEL {
                "Warning"
            } else {
                "Early warning"
            },
            gutter
        ),
        columns.cells(&warned).trim_end()
    )?;
    writeln!(
        w,
        "{}{}",
        label("", gutter),
        columns.cells(&axis(&columns.spans)).trim_end()
    )?;

    write_grid(
        w,
        &columns,
        "Warning signs",
        signs(window, plan),
        &|e, s| e.signs.iter().any(|x| x == s),
        style,
    )?;
    write_grid(
        w,
        &columns,
        "Daily maintenance",
        done(window, plan),
        &|e, s| e.did.iter().any(|x| x == s),
        style,
    )?;
    write_grid(
        w,
        &columns,
        "Coping used",
        used(window, plan),
        &|e, name| e.used.iter().any(|id| coping_name(plan, id) == name),
        style,
    )?;
    writeln!(w)?;
    write_legend(w, plan, style, lapses.contains('?'))
}

/// The Lapse row: "●" for a lapse, "·" for check-ins without one, and
/// "?" where no check-in said whether an urge was acted on (never the
/// "·" of a day without a lapse).
fn lapse_marks(columns: &Columns) -> String {
    columns
        .marks(&|e| e.is_lapse())
        .chars()
        .zip(&columns.spans)
        .map(|(mark, c)| {
            let said = c
                .iter()
                .any(|(_, e)| e.is_some_and(|e| !e.acted.not_said()));
            if mark == '·' && !said { '?' } else { mark }
        })
        .collect()
}

/// The chart's legend, then what an early warning is, in the rule the plan
/// holds (its own numbers when the person tuned them).
/// `unsaid`: the Lapse row holds a "?", which is said too.
fn write_legend(w: &mut dyn Write, plan: &Plan, style: Style, unsaid: bool) -> io::Result<()> {
    let legend = "● yes  · checked in, not that day  ! early warning  (blank: no check-in)";
    writeln!(w, "{}", crate::render::wrap_for(legend, Some(style.width)))?;
    // What "early warning" means, in the rule the plan holds (its own
    // numbers when the person tuned them).
    let means = format!("An early warning is {}.", plan.early_warning.describe());
    writeln!(w, "{}", crate::render::wrap_for(&means, Some(style.width)))?;
    if unsaid {
        let unsaid =
            "? in the Lapse row: that day's check-in did not say whether an urge was acted on.";
        writeln!(w, "{}", crate::render::wrap_for(unsaid, Some(style.width)))?;
    }
    Ok(())
}

/// The chart's columns: one or more days each.
struct Columns<'a, 'b> {
    spans: Vec<&'b [(i64, Option<&'a CheckIn>)]>,
    /// The label gutter's width.
    gutter: usize,
    /// Two characters a column.
    wide: bool,
}

impl Columns<'_, '_> {
    /// A row of one character a column, widened when the chart is wide.
    fn cells(&self, row: &str) -> String {
        if !self.wide {
            return row.to_string();
        }
        row.chars()
            .map(|c| match c {
                '█' | '▄' | '▁' => format!("{c}{c}"),
                c => format!("{c} "),
            })
            .collect()
    }

    /// ● where a check-in in the column has it, · where there were check-ins
    /// without it, blank where there were none.
    fn marks(&self, has: &dyn Fn(&CheckIn) -> bool) -> String {
        self.spans
            .iter()
            .map(|c| {
                if c.iter().any(|(_, e)| e.is_some_and(has)) {
                    '●'
                } else if c.iter().any(|(_, e)| e.is_some()) {
                    '·'
                } else {
                    ' '
                }
            })
            .collect()
    }
}

/// One row per item: on which days it showed, how often, and the
/// person's words whole after the row rather than cut to fit.
fn write_grid(
    w: &mut dyn Write,
    columns: &Columns,
    title: &str,
    items: Vec<(String, usize)>,
    has: &dyn Fn(&CheckIn, &str) -> bool,
    style: Style,
) -> io::Result<()> {
    if items.is_empty() {
        return Ok(());
    }
    writeln!(w)?;
    writeln!(w, "{}", heading(title, style))?;
    let narrow = columns.gutter < LABEL;
    for (item, count) in items {
        let row = columns.marks(&|e| has(e, &item));
        if narrow {
            // The words on their own line, wrapped, then the row.
            writeln!(w, "{}", crate::render::wrap(&item, style.width, "", "  "))?;
            writeln!(
                w,
                "{}{}  {}",
                label("", columns.gutter),
                columns.cells(&row),
                days_word(count)
            )?;
        } else {
            writeln!(
                w,
                "{}{}  {:>7}  {}",
                label("", columns.gutter),
                columns.cells(&row),
                days_word(count),
                clean(&item)
            )?;
        }
    }
    Ok(())
}

fn days_word(n: usize) -> String {
    super::plural(n as u64, "day")
}

/// A label padded (or shortened with "…") to the label column.
fn label(text: &str, gutter: usize) -> String {
    let mut out = String::new();
    let mut width = 0;
    for c in text.chars() {
        let cw = display_width(c.encode_utf8(&mut [0; 4]));
        if width + cw > gutter - 2 {
            out.push('…');
            width += 1;
            break;
        }
        out.push(c);
        width += cw;
    }
    out.push_str(&" ".repeat(gutter.saturating_sub(width)));
    out
}

/// Five rows of columns, each row two points of the 0-10 scale.
fn write_columns(
    w: &mut dyn Write,
    title: &str,
    values: &[Option<u8>],
    columns: &Columns,
) -> io::Result<()> {
    for row in (0..5u8).rev() {
        let top = row * 2 + 2;
        let narrow = columns.gutter < LABEL;
        if row == 4 && narrow {
            writeln!(w, "{title}")?;
        }
        let name = match row {
            4 if !narrow => title.to_string(),
            _ => String::new(),
        };
        let scale = match row {
            4 => "10 ",
            2 => " 5 ",
            0 => " 0 ",
            _ => "   ",
        };
        let row_cells: String = values
            .iter()
            .map(|v| match v {
                Some(v) if *v >= top => '█',
                Some(v) if *v + 1 == top => '▄',
                Some(0) if row == 0 => '▁',
                _ => ' ',
            })
            .collect();
        let label = label(&name, columns.gutter);
        let label = format!("{}{scale}", &label[..label.len() - 3]);
        writeln!(w, "{label}{}", columns.cells(&row_cells).trim_end())?;
    }
    Ok(())
}

/// Weekday initials under the columns (or, per column of several days, a
/// mark at each new month), with the first day's date under them.
fn axis(columns: &[&[(i64, Option<&CheckIn>)]]) -> String {
    columns
        .iter()
        .map(|c| {
            let day = c[0].0;
            if c.len() == 1 {
                ["T", "F", "S", "S", "M", "T", "W"][usize::try_from(day.rem_euclid(7)).unwrap_or(0)]
                    .chars()
                    .next()
                    .unwrap_or(' ')
            } else if civil_from_days(day).day <= u8::try_from(c.len()).unwrap_or(1) {
                '|'
            } else {
                ' '
            }
        })
        .collect()
}

/// The plan's warning signs first (in its order), then anything else that
/// was noted, each with the number of days it showed.
fn signs(window: &Window, plan: &Plan) -> Vec<(String, usize)> {
    ordered(
        plan.warning_signs.iter().map(|s| s.text.clone()).collect(),
        tally(window.entries().flat_map(|e| e.signs.iter())),
    )
}

fn done(window: &Window, plan: &Plan) -> Vec<(String, usize)> {
    ordered(
        plan.maintenance.iter().map(|s| s.text.clone()).collect(),
        tally(window.entries().flat_map(|e| e.did.iter())),
    )
}

fn used(window: &Window, plan: &Plan) -> Vec<(String, usize)> {
    let names: Vec<String> = window
        .entries()
        .flat_map(|e| e.used.iter().map(|id| coping_name(plan, id)))
        .collect();
    ordered(
        plan.coping.iter().map(|c| c.name.clone()).collect(),
        tally(names.iter()),
    )
}

/// A coping strategy's name, or its id when the plan no longer has it.
fn coping_name(plan: &Plan, id: &str) -> String {
    plan.coping_strategy(id)
        .map_or_else(|| id.to_string(), |c| c.name.clone())
}

/// Counts in the plan's order, only for what showed at least once.
fn ordered(plan_order: Vec<String>, counts: Vec<(String, usize)>) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = plan_order
        .into_iter()
        .filter_map(|item| {
            counts
                .iter()
                .find(|(c, _)| *c == item)
                .map(|(_, n)| (item.clone(), *n))
        })
        .collect();
    for (item, n) in counts {
        if !out.iter().any(|(o, _)| *o == item) {
            out.push((item, n));
        }
    }
    out
}

/// The same, in words, for screen readers and braille displays.
pub fn write_plain(
    w: &mut dyn Write,
    window: &Window,
    plan: &Plan,
    style: Style,
) -> io::Result<()> {
    let width = style.width;
    let say = |w: &mut dyn Write, text: &str| writeln!(w, "{}", wrap(text, width, "", ""));
    let n = window.days.len();
    let checked = window.checked_in();
    let (from, to) = days_named(window.first, window.last, window.last);
    say(
        w,
        &format!("Your check-ins from {from} to {to}: you checked in on {checked} of {n} days."),
    )?;
    if checked == 0 {
        return Ok(());
    }
    // The early warning first: it is what matters most in the summary.
    if window.warned.is_empty() {
        say(w, "Your early warning did not show.")?;
    } else {
        let spans = spans(&window.warned);
        say(
            w,
            &format!("Your early warning showed {}.", spans.join(", ")),
        )?;
    }
    for sentence in scale_sentences(window) {
        say(w, &sentence)?;
    }
    say(w, &lapse_sentence(window))?;
    for (title, items) in [
        ("Warning signs", signs(window, plan)),
        ("Daily maintenance done", done(window, plan)),
        ("Coping used", used(window, plan)),
    ] {
        if items.is_empty() {
            continue;
        }
        let list: Vec<String> = items
            .iter()
            .map(|(item, n)| format!("“{}” on {}", clean(item), days_word(*n)))
            .collect();
        say(w, &format!("{title}: {}.", list.join("; ")))?;
    }
    writeln!(w)?;
    say(w, "Day by day:")?;
    for (day, entry) in &window.days {
        let line = format!(
            "{}{}: {}",
            day_name_on(*day, window.last),
            entry
                .map(super::checkin::times_that_day)
                .unwrap_or_default(),
            day_in_words(*entry, plan)
        );
        writeln!(w, "{}", wrap(&line, width, "  ", "    "))?;
    }
    Ok(())
}

/// Urge and distress in words: the highest and on which day, the lowest,
/// the average, and whether it rose or eased.
fn scale_sentences(window: &Window) -> Vec<String> {
    let mut sentences = Vec::new();
    for (what, values) in [
        (
            "Urge",
            window
                .days
                .iter()
                .filter_map(|(d, e)| e.map(|e| (*d, e.urge)))
                .collect::<Vec<_>>(),
        ),
        (
            "Distress",
            window
                .days
                .iter()
                .filter_map(|(d, e)| e.and_then(|e| e.distress).map(|v| (*d, v)))
                .collect(),
        ),
    ] {
        if values.is_empty() {
            continue;
        }
        let (high_day, high) = values
            .iter()
            .copied()
            .max_by_key(|(d, v)| (*v, -d))
            .unwrap_or_default();
        let low = values.iter().map(|(_, v)| *v).min().unwrap_or_default();
        let total: u32 = values.iter().map(|(_, v)| u32::from(*v)).sum();
        let count = u32::try_from(values.len()).unwrap_or(1);
        let tenths = (total * 10 + count / 2) / count;
        let first_half = trend_of(&values);
        sentences.push(format!(
            "{what}, 0 to 10: highest {high} on {}, lowest {low}, on average {}.{}.{first_half}",
            day_name(high_day),
            tenths / 10,
            tenths % 10
        ));
    }
    sentences
}

/// The lapses in the window, by day.
fn lapse_sentence(window: &Window) -> String {
    let lapses: Vec<String> = window
        .days
        .iter()
        .filter(|(_, e)| e.is_some_and(CheckIn::is_lapse))
        .map(|(d, _)| day_name(*d))
        .collect();
    match lapses.len() {
        0 => "No lapses.".to_string(),
        1 => format!("One lapse, on {}.", lapses[0]),
        k => format!("{k} lapses, on {}.", lapses.join(", ")),
    }
}

/// The window as a small chart for the printed plan (`print --trends`):
/// urge, distress and lapses by day, three days named under it, and a
/// short description in words.
pub fn printed(window: &Window) -> Chart {
    let days: Vec<ChartDay> = window
        .days
        .iter()
        .map(|(_, e)| ChartDay {
            urge: e.map(|e| e.urge),
            distress: e.and_then(|e| e.distress),
            lapse: e.is_some_and(CheckIn::is_lapse),
        })
        .collect();
    let short = |day: i64| {
        let name = day_name(day);
        name.split_once(' ')
            .map_or(name.clone(), |(_, rest)| rest.to_string())
    };
    let n = window.days.len();
    let mut labels = vec![(0, short(window.first))];
    if n > 2 {
        let middle = n / 2;
        labels.push((middle, short(window.days[middle].0)));
    }
    if n > 1 {
        labels.push((n - 1, short(window.last)));
    }
    let checked = window.checked_in();
    let (from, to) = days_named(window.first, window.last, window.last);
    let mut words = vec![match checked {
        0 => format!("No check-ins from {from} to {to}."),
        k => format!("You checked in on {k} of {n} days, from {from} to {to}."),
    }];
    if checked > 0 {
        words.extend(scale_sentences(window));
        words.push(lapse_sentence(window));
    }
    Chart {
        days,
        labels,
        words,
    }
}

/// One day's check-in in words: "urge 4, distress 3, signs: …".
fn day_in_words(entry: Option<&CheckIn>, plan: &Plan) -> String {
    let Some(e) = entry else {
        return "no check-in.".into();
    };
    let list = |items: Vec<String>| {
        items
            .iter()
            .map(|s| clean(s))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let mut line = format!("urge {}", e.urge);
    if let Some(d) = e.distress {
        let _ = write!(line, ", distress {d}");
    }
    if e.is_lapse() {
        let _ = write!(line, ", acted on an urge ({})", e.acted);
    } else if e.acted.not_said() {
        let _ = write!(line, ", acted on an urge: not said");
    }
    for (what, items) in [
        ("signs", e.signs.clone()),
        ("did", e.did.clone()),
        (
            "used",
            e.used.iter().map(|id| coping_name(plan, id)).collect(),
        ),
    ] {
        if !items.is_empty() {
            let _ = write!(line, ", {what}: {}", list(items));
        }
    }
    for note in &e.notes {
        let _ = write!(line, ", note: “{}”", clean(note));
    }
    line.push('.');
    line
}
/// "rising", "easing" or nothing, from the first half to the second.
fn trend_of(values: &[(i64, u8)]) -> String {
    if values.len() < 4 {
        return String::new();
    }
    let (first, last) = (values[0], values[values.len() - 1]);
    // The first highest and first lowest day: a rise and fall (or a dip and
    // recovery) of 3 or more each way is said as such, not averaged away
    // into "the same".
    let peak = values
        .iter()
        .copied()
        .reduce(|a, b| if b.1 > a.1 { b } else { a })
        .unwrap_or(first);
    let low = values
        .iter()
        .copied()
        .reduce(|a, b| if b.1 < a.1 { b } else { a })
        .unwrap_or(first);
    if peak.1 >= first.1 + 3 && peak.1 >= last.1 + 3 {
        return format!(
            " It rose from {} to {} on {}, then eased to {} by {}.",
            first.1,
            peak.1,
            day_name(peak.0),
            last.1,
            day_name(last.0)
        );
    }
    if low.1 + 3 <= first.1 && low.1 + 3 <= last.1 {
        return format!(
            " It eased from {} to {} on {}, then rose to {} by {}.",
            first.1,
            low.1,
            day_name(low.0),
            last.1,
            day_name(last.0)
        );
    }
    let half = values.len() / 2;
    let avg = |s: &[(i64, u8)]| {
        f64::from(s.iter().map(|(_, v)| u32::from(*v)).sum::<u32>())
            / f64::from(u32::try_from(s.len()).unwrap_or(1))
    };
    let (a, b) = (avg(&values[..half]), avg(&values[values.len() - half..]));
    if b >= a + 1.0 {
        " It rose over the period.".into()
    } else if b + 1.0 <= a {
        " It eased over the period.".into()
    } else {
        " It stayed about the same.".into()
    }
}

/// Consecutive days joined: "from Thu 12 Nov to Sat 14 Nov", "on Mon 16 Nov".
pub fn spans(days: &[i64]) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < days.len() {
        let mut j = i;
        while j + 1 < days.len() && days[j + 1] == days[j] + 1 {
            j += 1;
        }
        out.push(if i == j {
            format!("on {}", day_name(days[i]))
        } else {
            format!("from {} to {}", day_name(days[i]), day_name(days[j]))
        });
        i = j + 1;
    }
    out
}

/// One row a day, for a spreadsheet (RFC 4180, CRLF line ends).
pub fn csv(window: &Window, plan: &Plan) -> String {
    let mut out = String::new();
    let header = [
        "date",
        "checked_in",
        "urge",
        "acted",
        "lapse",
        "distress",
        "warning_signs",
        "maintenance",
        "coping",
        "notes",
        "early_warning",
    ];
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for (day, entry) in &window.days {
        let d = civil_from_days(*day);
        let date = format!("{:04}-{:02}-{:02}", d.year, d.month, d.day);
        let warned = if window.warned.contains(day) {
            "yes"
        } else {
            "no"
        };
        let row: Vec<String> = match entry {
            None => vec![
                date,
                "no".into(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                warned.into(),
            ],
            Some(e) => vec![
                date,
                "yes".into(),
                e.urge.to_string(),
                e.acted.to_string(),
                // Not said is no answer either way.
                match e.acted {
                    Acted::NotSaid => "",
                    a if a.is_lapse() => "yes",
                    _ => "no",
                }
                .into(),
                e.distress.map(|d| d.to_string()).unwrap_or_default(),
                e.signs.join("; "),
                e.did.join("; "),
                e.used
                    .iter()
                    .map(|id| coping_name(plan, id))
                    .collect::<Vec<_>>()
                    .join("; "),
                e.notes.join(" / "),
                warned.into(),
            ],
        };
        out.push_str(&row.iter().map(|f| cell(f)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

/// A CSV field: quoted when it holds a comma, quote or line break; a
/// leading `=`, `+`, `-` or `@` is kept from being run as a formula by a
/// spreadsheet with a `'` before it. Check-in notes are stored words and the
/// CSV is often read on a terminal first, so escape sequences and bidi
/// controls are shown visibly, as everywhere else ([`crate::render::clean_lines`]).
fn cell(field: &str) -> String {
    let field = crate::render::clean_lines(field);
    let field = if field.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{field}")
    } else {
        field
    };
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field
    }
}

/// `trends --json`: the window's days, each with the day's answers when
/// the person checked in, for scripts.
#[derive(Serialize)]
pub struct TrendsJson<'a> {
    from: String,
    to: String,
    checked_in: usize,
    days: Vec<DayJson<'a>>,
}

/// One day: only whether it was checked in and warned, or all its answers.
#[derive(Serialize)]
#[serde(untagged)]
enum DayJson<'a> {
    Missed {
        date: String,
        checked_in: bool,
        early_warning: bool,
    },
    CheckedIn {
        date: String,
        checked_in: bool,
        times: Vec<String>,
        urge: u8,
        /// `null` when not said, as is `lapse`.
        acted: Option<&'static str>,
        lapse: Option<bool>,
        distress: Option<u8>,
        warning_signs: &'a [String],
        maintenance: &'a [String],
        coping: Vec<CopingJson<'a>>,
        notes: &'a [String],
        early_warning: bool,
    },
}

/// A coping strategy used: its id, and its name in the person's words.
#[derive(Serialize)]
struct CopingJson<'a> {
    id: &'a str,
    name: String,
}

/// JSON for scripts.
pub fn json<'a>(window: &Window<'a>, plan: &Plan) -> TrendsJson<'a> {
    let date = |day: i64| {
        let d = civil_from_days(day);
        format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
    };
    let days = window
        .days
        .iter()
        .map(|(day, entry)| {
            let early_warning = window.warned.contains(day);
            match entry {
                None => DayJson::Missed {
                    date: date(*day),
                    checked_in: false,
                    early_warning,
                },
                Some(e) => DayJson::CheckedIn {
                    date: date(*day),
                    checked_in: true,
                    times: e.times.iter().map(ToString::to_string).collect(),
                    urge: e.urge,
                    acted: (!e.acted.not_said()).then(|| e.acted.key()),
                    lapse: (!e.acted.not_said()).then(|| e.is_lapse()),
                    distress: e.distress,
                    warning_signs: &e.signs,
                    maintenance: &e.did,
                    coping: e
                        .used
                        .iter()
                        .map(|id| CopingJson {
                            id,
                            name: coping_name(plan, id),
                        })
                        .collect(),
                    notes: &e.notes,
                    early_warning,
                },
            }
        })
        .collect();
    TrendsJson {
        from: date(window.first),
        to: date(window.last),
        checked_in: window.checked_in(),
        days,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The view writes what the hand-built JSON wrote, key for key and in
    /// the same order: compared as `serde_json::Value`s and as text.
    #[test]
    fn the_json_view_is_what_the_hand_built_json_was() {
        let mut plan = Plan::new("Sam".into(), None);
        plan.coping.push(crate::plan::Coping {
            id: "walk".into(),
            name: "A walk by the river".into(),
            kind: crate::plan::CopingKind::default(),
            steps: Vec::new(),
            follow_through: crate::plan::FollowThrough::default(),
        });
        let at = |s: &str| s.parse::<toml::value::Datetime>().unwrap();
        let entry = CheckIn {
            day: at("2026-11-20"),
            times: vec![at("2026-11-20T08:00:00Z"), at("2026-11-20T21:30:00Z")],
            urge: 7,
            acted: crate::plan::checkin::Acted::Partly,
            signs: vec!["not sleeping".into()],
            did: vec!["ate well".into()],
            used: vec!["walk".into(), "gone".into()],
            distress: None,
            notes: vec!["a \"hard\" day".into()],
            other: toml::Table::new(),
        };
        let entries = [entry];
        let first = entries[0].day_number() - 1;
        let window = Window::new(&entries, first, first + 2, vec![first + 1, first + 2]);
        let old = hand_built(&window, &plan);
        let new = json(&window, &plan);
        assert_eq!(serde_json::to_value(&new).unwrap(), old);
        assert_eq!(
            serde_json::to_string_pretty(&new).unwrap(),
            serde_json::to_string_pretty(&old).unwrap()
        );
    }

    /// `json` as it was written by hand before the view structs.
    fn hand_built(window: &Window, plan: &Plan) -> serde_json::Value {
        let date = |day: i64| {
            let d = civil_from_days(day);
            format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
        };
        let days: Vec<serde_json::Value> = window
            .days
            .iter()
            .map(|(day, entry)| match entry {
                None => serde_json::json!({"date": date(*day), "checked_in": false, "early_warning": window.warned.contains(day)}),
                Some(e) => serde_json::json!({
                    "date": date(*day),
                    "checked_in": true,
                    "times": e.times.iter().map(ToString::to_string).collect::<Vec<_>>(),
                    "urge": e.urge,
                    "acted": e.acted.key(),
                    "lapse": e.is_lapse(),
                    "distress": e.distress,
                    "warning_signs": e.signs,
                    "maintenance": e.did,
                    "coping": e.used.iter().map(|id| serde_json::json!({"id": id, "name": coping_name(plan, id)})).collect::<Vec<_>>(),
                    "notes": e.notes,
                    "early_warning": window.warned.contains(day),
                }),
            })
            .collect();
        serde_json::json!({
            "from": date(window.first),
            "to": date(window.last),
            "checked_in": window.checked_in(),
            "days": days,
        })
    }

    #[test]
    fn csv_fields_are_quoted_and_formulas_defused() {
        assert_eq!(cell("plain"), "plain");
        assert_eq!(cell("a, b"), "\"a, b\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("=HYPERLINK(1)"), "'=HYPERLINK(1)");
        assert_eq!(cell("line\nbreak"), "\"line\nbreak\"");
    }

    #[test]
    fn csv_fields_never_carry_escape_sequences_to_a_terminal() {
        let shown = cell("ok\u{1b}]0;PWN\u{7}\u{1b}[2J \u{202e}evil");
        assert!(
            !shown.contains(['\u{1b}', '\u{7}', '\u{202e}']),
            "{shown:?}"
        );
        assert!(shown.contains("\\u{1b}"), "{shown:?}");
    }

    #[test]
    fn labels_fit_their_column_by_display_width() {
        assert_eq!(
            display_width(&label("短い警告サインがとても長い場合の例です", LABEL)),
            LABEL
        );
        assert_eq!(display_width(&label("Walk", LABEL)), LABEL);
    }

    #[test]
    fn a_rise_and_fall_is_said_as_one() {
        let urges = [2, 3, 4, 5, 6, 7, 8, 9, 8, 6, 4, 3, 2, 1];
        let values: Vec<(i64, u8)> = (0..).zip(urges).map(|(d, v)| (20_400 + d, v)).collect();
        let words = trend_of(&values);
        assert!(words.contains("rose from 2 to 9"), "{words}");
        assert!(words.contains("eased to 1"), "{words}");
        assert!(!words.contains("about the same"), "{words}");
        let flat: Vec<(i64, u8)> = (0..6).map(|d| (20_400 + d, 4)).collect();
        assert!(trend_of(&flat).contains("about the same"));
    }

    #[test]
    fn consecutive_days_are_joined() {
        assert_eq!(
            spans(&[20_785, 20_786, 20_787, 20_790]),
            ["from Sat 28 Nov to Mon 30 Nov", "on Thu 3 Dec"]
        );
    }
}
