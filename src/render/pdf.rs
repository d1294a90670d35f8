//! Native PDF, made in-process with krilla: the built-in `DejaVu Sans`
//! plus, for characters it lacks, fonts installed on the machine (see
//! [`super::fonts`]); no network. Every line is laid out with the Unicode
//! bidirectional algorithm (see [`super::bidi`]), phone numbers are whole
//! left-to-right units in their own column, and the document is tagged
//! (title, headings, lists, reading order) for screen readers.
//!
//! The plan's page leads with what to do: a boxed crisis block (the
//! emergency number large, then the person's own steps), then the stages of
//! escalation, numbered, in two columns, then the reference sections. The
//! body is set as large as still fits one page.

use std::collections::HashMap;
use std::num::NonZeroU16;

use krilla::color::rgb;
use krilla::configure::{Accessibility, Configuration, ConfigurationBuilder};
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::{DateTime, Metadata};
use krilla::num::NormalizedF32;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke, StrokeDash};
use krilla::surface::Surface;
use krilla::tagging::{
    Artifact, ArtifactType, ContentTag, Identifier, ListNumbering, Node, SpanTag, Tag, TagGroup,
    TagTree,
};
use krilla::text::TextDirection;
use krilla::{Document, SerializeSettings};
use toml::value::Datetime;

use super::bidi::{self, Line, Style};
use super::card::{Card, Entry};
use super::chart::plot;
use super::fonts::{FontSearch, Fonts};
use super::printout::{Chart, Item, OWN_EMERGENCY, PRIVATE, Paper, Printout, Rank, Reach, Section};

/// Points per millimetre.
const MM: f32 = 72.0 / 25.4;
/// The printout's page margin.
const MARGIN: f32 = 12.0 * MM;
/// The gap between the two columns.
const GUTTER: f32 = 16.0;
/// Room kept at the bottom of each page for the footer.
const FOOTER_ROOM: f32 = 16.0;
/// The left-to-right mark: sets the direction of the program's own
/// sentences that carry the person's words (titles, footers).
const LRM: char = '\u{200e}';
/// Height of one hand-writing line (about 7 mm).
const RULED: f32 = 20.0;

/// A PDF and what the fonts could not show.
pub struct Pdf {
    pub bytes: Vec<u8>,
    /// Characters no font on this machine has: the print command names them.
    pub missing: Vec<char>,
    /// Emoji sequences that print as their separate parts.
    pub split: Vec<String>,
    /// The system font families used, for the tests.
    pub families: Vec<String>,
    /// The smallest text size used, in points.
    pub smallest: f32,
}

/// Where a piece of content belongs in the tag tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Role {
    Title,
    Private,
    Heading(usize),
    Label(usize, usize),
    Body(usize, usize),
    /// Decoration and page furniture: not read out.
    Artifact,
}

/// One thing drawn, relative to its block until placed.
#[derive(Debug, Clone)]
enum Op {
    Text {
        x: f32,
        baseline: f32,
        size: f32,
        line: Line,
        grey: u8,
        role: Role,
    },
    Rule {
        x: f32,
        y: f32,
        w: f32,
        grey: u8,
        dashed: bool,
    },
    Box {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Option<u8>,
        stroke: Option<u8>,
    },
    /// A line through points (a chart's urge or distress).
    Path {
        points: Vec<(f32, f32)>,
        grey: u8,
        width: f32,
        dashed: bool,
    },
    /// A dot (`fill`) or a ring.
    Dot {
        x: f32,
        y: f32,
        r: f32,
        grey: u8,
        fill: bool,
    },
}

impl Op {
    fn moved(&self, dx: f32, dy: f32) -> Op {
        let mut op = self.clone();
        match &mut op {
            Op::Text { x, baseline, .. } => {
                *x += dx;
                *baseline += dy;
            }
            Op::Rule { x, y, .. } | Op::Box { x, y, .. } | Op::Dot { x, y, .. } => {
                *x += dx;
                *y += dy;
            }
            Op::Path { points, .. } => {
                for (x, y) in points {
                    *x += dx;
                    *y += dy;
                }
            }
        }
        op
    }
}

/// Something placed as a whole: a heading with its first item, an item, a
/// run of ruled lines.
#[derive(Debug, Clone, Default)]
struct Block {
    ops: Vec<Op>,
    height: f32,
}

impl Block {
    fn text(&mut self, x: f32, baseline: f32, size: f32, line: Line, grey: u8, role: Role) {
        self.ops.push(Op::Text {
            x,
            baseline,
            size,
            line,
            grey,
            role,
        });
    }

    fn append(&mut self, other: &Block) {
        let dy = self.height;
        self.ops
            .extend(other.ops.iter().map(|op| op.moved(0.0, dy)));
        self.height += other.height;
    }
}

/// How far an op reaches above and below its own y, so a block is only
/// ever cut between lines, never through one.
fn extent(op: &Op) -> (f32, f32) {
    match op {
        Op::Text { baseline, size, .. } => (baseline - size * 0.98, baseline + size * 0.3),
        Op::Rule { y, .. } => (*y, *y),
        Op::Box { y, h, .. } => (*y, y + h),
        Op::Path { points, .. } => points
            .iter()
            .fold((f32::MAX, f32::MIN), |(lo, hi), (_, y)| {
                (lo.min(*y), hi.max(*y))
            }),
        Op::Dot { y, r, .. } => (y - r, y + r),
    }
}

/// Cuts a block between two of its lines, at most `room` from its top:
/// the part above (as tall as the cut) and the part below, moved up.
/// `None` when not even its first line fits in `room`.
fn split_block(block: &Block, room: f32) -> Option<(Block, Block)> {
    const EPS: f32 = 0.01;
    let extents: Vec<(f32, f32)> = block.ops.iter().map(extent).collect();
    // Sorted once, so finding the cut is n log n however long the block.
    let mut cuts: Vec<f32> = extents
        .iter()
        .map(|e| e.1)
        .filter(|c| *c > EPS && *c <= room)
        .collect();
    cuts.sort_by(f32::total_cmp);
    let mut spans = extents.clone();
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    // The furthest down any op reaches among those starting above a cut.
    let mut reach = Vec::with_capacity(spans.len());
    let mut furthest = f32::MIN;
    for (top, bottom) in &spans {
        furthest = furthest.max(*bottom);
        reach.push((*top, furthest));
    }
    let cut = cuts.into_iter().rev().find(|c| {
        // Ops that start above the cut must end at or above it.
        let above = reach.partition_point(|(top, _)| *top < c - EPS);
        above == 0 || reach[above - 1].1 <= c + EPS
    })?;
    let mut head = Block {
        ops: Vec::new(),
        height: cut,
    };
    let mut rest = Block {
        ops: Vec::new(),
        height: (block.height - cut).max(0.0),
    };
    for (op, (top, _)) in block.ops.iter().zip(&extents) {
        if *top < cut - EPS {
            head.ops.push(op.clone());
        } else {
            rest.ops.push(op.moved(0.0, -cut));
        }
    }
    if head.ops.is_empty() {
        return None;
    }
    Some((head, rest))
}

/// A block to flow into columns; `cont` heads it when it starts a column
/// in the middle of its section (not when it `opens` the section).
#[derive(Debug, Clone)]
struct Chunk {
    block: Block,
    cont: Option<Block>,
    opens: bool,
}

impl Chunk {
    /// The chunk as placed at the top of a column (`top`) or not.
    fn placed(&self, top: bool) -> Block {
        match (&self.cont, top && !self.opens) {
            (Some(cont), true) => {
                let mut b = cont.clone();
                b.append(&self.block);
                b
            }
            _ => self.block.clone(),
        }
    }
}

/// Sizes for one attempt at the page.
#[derive(Debug, Clone, Copy)]
struct Sizes {
    body: f32,
}

impl Sizes {
    fn leading(self) -> f32 {
        self.body * 1.28
    }
}

fn style(size: f32, bold: bool) -> Style {
    Style { size, bold }
}

/// What the document says of itself. Its language is the plan's (as the
/// HTML's), else what the script of her words says, else none: a Japanese
/// or Hindi plan declared "en" was read by screen readers with an English
/// voice (issue 13).
fn metadata(title: &str, (date, lang): Stamp) -> Metadata {
    let mut meta = Metadata::new()
        .title(title.to_string())
        .creator("relapse-plan".into());
    if let Some(lang) = lang {
        meta = meta.language(lang.to_string());
    }
    if let (Some(d), Some(t)) = (date.date, date.time) {
        meta = meta.creation_date(
            DateTime::new(d.year)
                .month(d.month)
                .day(d.day)
                .hour(t.hour)
                .minute(t.minute)
                .second(t.second.unwrap_or(0))
                .utc_offset_hour(0)
                .utc_offset_minute(0),
        );
    }
    meta
}

fn grey(level: u8) -> Fill {
    Fill {
        paint: rgb::Color::new(level, level, level).into(),
        opacity: NormalizedF32::ONE,
        rule: krilla::paint::FillRule::default(),
    }
}

/// Every string the document draws, for choosing fonts up front.
/// When a document was saved, and the language it declares (if any).
pub type Stamp<'a> = (Datetime, Option<&'a str>);

/// The language the script of the person's own words says (see
/// [`super::html::language_of`]), when the items in it hold most of her
/// letters: her name, reasons, signs, steps, triggers, ways of coping and
/// people, each on its own (a name in Latin letters beside Japanese steps
/// is still a Japanese plan). The headings and the crisis lines' notes
/// are the tool's English, so they are left out.
pub fn language_of_plan(plan: &crate::plan::Plan) -> Option<&'static str> {
    let mut words = vec![plan.name.as_str()];
    for list in [&plan.reasons, &plan.warning_signs, &plan.crisis_steps] {
        words.extend(list.iter().map(|item| item.text.as_str()));
    }
    words.extend(plan.triggers.iter().map(|t| t.situation.as_str()));
    for coping in &plan.coping {
        words.push(&coping.name);
        words.extend(coping.steps.iter().map(String::as_str));
    }
    words.extend(plan.contacts.iter().map(|c| c.name.as_str()));
    let letters = |text: &str| text.chars().filter(|c| c.is_alphabetic()).count();
    let mut found: HashMap<&'static str, usize> = HashMap::new();
    for text in &words {
        if let Some(lang) = super::html::language_of(text) {
            *found.entry(lang).or_default() += letters(text);
        }
    }
    let all: usize = words.iter().map(|text| letters(text)).sum();
    found
        .into_iter()
        .find(|(_, n)| n * 2 > all)
        .map(|(lang, _)| lang)
}

fn printout_texts(doc: &Printout) -> Vec<String> {
    let mut texts = vec![doc.title.clone(), doc.footer.clone(), PRIVATE.to_string()];
    for s in &doc.sections {
        texts.push(s.title.clone());
        for item in &s.items {
            texts.push(item.plain());
        }
    }
    texts
}

/// A paragraph as a block: lines stacked, each aligned by its direction
/// inside `x .. x + width`.
fn paragraph(
    fonts: &Fonts,
    text: &str,
    st: Style,
    x: f32,
    width: f32,
    grey: u8,
    role: Role,
) -> (Block, bool) {
    let para = bidi::lay_out(fonts, text, st, width);
    let rtl = para.rtl;
    (place(para, st, x, width, grey, role), rtl)
}

/// Stacks a laid-out paragraph's lines in `x .. x + width`.
fn place(para: bidi::Paragraph, st: Style, x: f32, width: f32, grey: u8, role: Role) -> Block {
    let mut block = Block::default();
    let leading = st.size * 1.28;
    for line in para.lines {
        block.height += leading;
        let lx = if para.rtl { x + width - line.width } else { x };
        let low = line.has_low_marks();
        block.text(lx, block.height - st.size * 0.3, st.size, line, grey, role);
        if low {
            block.height += st.size * 0.3;
        }
    }
    block
}

/// A paragraph with a list marker ("3." or "•") in a column of its own:
/// right-aligned at the left for left-to-right text, at the right end for
/// right-to-left text, so "9." and "10." line up either way.
#[allow(clippy::too_many_arguments)] // one call shape, used for steps and bullets
fn marked(
    fonts: &Fonts,
    marker: &str,
    text: &str,
    st: Style,
    marker_w: f32,
    width: f32,
    role: Role,
    label: Role,
) -> Block {
    let para = bidi::lay_out(fonts, text, st, width - marker_w);
    let rtl = para.rtl;
    let gap = st.size * 0.4;
    let mut block = place(
        para,
        st,
        if rtl { 0.0 } else { marker_w },
        width - marker_w,
        17,
        role,
    );
    // A right-to-left item's number is itself laid out right to left
    // ("1." with its full stop on the left, between the number and the
    // words), so a step that starts with a number ("۱۵ دقیقه …") reads
    // "1. ۱۵ دقیقه" from the right, the number apart from hers.
    // A number is bold (as in the HTML), a second cue that it is the
    // list's and not the first word of her step.
    let mst = style(st.size, marker != "•");
    let line = if rtl {
        bidi::rtl_marker(fonts, marker, mst)
    } else {
        bidi::unit(fonts, marker, mst)
    };
    let x = if rtl {
        width - marker_w + gap
    } else {
        marker_w - gap - line.width
    };
    // The marker first, so the text reads "3. Call Alex" when copied.
    block.ops.insert(
        0,
        Op::Text {
            x,
            baseline: st.size * 1.28 - st.size * 0.3,
            size: st.size,
            line,
            grey: 17,
            role: label,
        },
    );
    block
}

/// One line of text in visual order, never wrapped (a footer, a label).
fn one_line(fonts: &Fonts, text: &str, st: Style) -> Line {
    bidi::lay_out(fonts, text, st, f32::MAX)
        .lines
        .into_iter()
        .next()
        .unwrap_or_default()
}

/// The width of the widest number in a section's calls.
fn number_column(fonts: &Fonts, items: &[Item], st: Style) -> f32 {
    items
        .iter()
        .filter_map(|i| match i {
            Item::Call { number, .. } => Some(bidi::unit(fonts, number, st).width),
            _ => None,
        })
        .fold(0.0, f32::max)
}

/// Who to call, for the left column: "Crisis Text Line, text HOME to".
pub(super) fn caller(who: &str, reach: &Reach) -> String {
    match reach {
        Reach::Call => who.to_string(),
        Reach::Text { word: Some(w) } => super::name_then(who, ", ", &format!("text {w} to")),
        Reach::Text { word: None } => super::name_then(who, ", ", "by text"),
    }
}

/// The blocks of one section's items, at column width `width`.
#[allow(clippy::too_many_lines)] // one match over the item kinds, each short
fn item_blocks(
    fonts: &Fonts,
    section: &Section,
    index: usize,
    width: f32,
    size: f32,
) -> Vec<Block> {
    let st = style(size, false);
    let marker_w = {
        let widest = section
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Numbered(n, _) => {
                    Some(bidi::unit(fonts, &format!("{n}."), style(size, true)).width)
                }
                _ => None,
            })
            .fold(bidi::unit(fonts, "•", st).width, f32::max);
        widest + size * 0.5
    };
    let number_st = style(size, true);
    let number_w = number_column(fonts, &section.items, number_st);
    let mut blocks = Vec::new();
    for (i, item) in section.items.iter().enumerate() {
        let role = Role::Body(index, i);
        let mut block = match item {
            Item::Bullet(text) | Item::Numbered(_, text) => {
                let marker = match item {
                    Item::Numbered(n, _) => format!("{n}."),
                    _ => "•".to_string(),
                };
                marked(
                    fonts,
                    &marker,
                    text,
                    st,
                    marker_w,
                    width,
                    role,
                    Role::Label(index, i),
                )
            }
            Item::Sub(text) => {
                let small = style(size * 0.92, false);
                paragraph(
                    fonts,
                    text,
                    small,
                    marker_w + size,
                    width - marker_w - size,
                    60,
                    role,
                )
                .0
            }
            Item::Call {
                who,
                number,
                reach,
                note,
            } => {
                let who_w = width - marker_w - number_w - size;
                let (mut block, _) =
                    paragraph(fonts, &caller(who, reach), st, marker_w, who_w, 17, role);
                let line = bidi::unit(fonts, number, number_st);
                let x = width - line.width;
                block.text(x, size * 1.28 - size * 0.3, size, line, 0, role);
                let bullet = bidi::unit(fonts, "•", st);
                block.ops.insert(
                    0,
                    Op::Text {
                        x: marker_w - size * 0.4 - bullet.width,
                        baseline: size * 1.28 - size * 0.3,
                        size,
                        line: bullet,
                        grey: 17,
                        role: Role::Label(index, i),
                    },
                );
                if let Some(note) = note {
                    let small = style((size * 0.85).max(8.0), false);
                    let (n, _) = paragraph(fonts, note, small, marker_w, who_w, 80, role);
                    block.append(&n);
                }
                block
            }
            Item::Chart(chart) => chart_block(fonts, chart, width, size, role),
        };
        block.height += size * 0.22;
        blocks.push(block);
    }
    // The ruled lines stay together, and with the last item above them.
    if section.blank_lines > 0 {
        let mut ruled = Block::default();
        for _ in 0..section.blank_lines {
            ruled.ops.push(Op::Rule {
                x: marker_w,
                y: ruled.height + RULED - 3.0,
                w: width - marker_w,
                grey: 150,
                dashed: false,
            });
            ruled.height += RULED;
        }
        match blocks.last_mut() {
            Some(last) => last.append(&ruled),
            None => blocks.push(ruled),
        }
    }
    blocks
}

/// The check-ins drawn small, in greys (solid urge, dashed distress, a
/// ring under each lapse day), a key, and the same in words.
fn chart_block(fonts: &Fonts, chart: &Chart, width: f32, size: f32, role: Role) -> Block {
    let mut block = Block::default();
    if !chart.is_empty() {
        let font = size * 0.75;
        let height = width * 0.4;
        let p = plot(chart, width, height, font);
        let small = style(font, false);
        for (y, label) in &p.grid {
            block.ops.push(Op::Rule {
                x: p.left,
                y: *y,
                w: p.right - p.left,
                grey: 190,
                dashed: false,
            });
            let line = bidi::unit(fonts, label, small);
            let x = p.left - font * 0.4 - line.width;
            block.text(x, y + font * 0.35, font, line, 110, Role::Artifact);
        }
        for x in &p.lapses {
            block.ops.push(Op::Dot {
                x: *x,
                y: p.lapse_y,
                r: font * 0.35,
                grey: 90,
                fill: false,
            });
        }
        for (runs, grey_level, dashed) in [(&p.distress, 120, true), (&p.urge, 20, false)] {
            for run in runs {
                if run.len() > 1 {
                    block.ops.push(Op::Path {
                        points: run.clone(),
                        grey: grey_level,
                        width: if dashed { 1.0 } else { 1.3 },
                        dashed,
                    });
                }
                for (x, y) in run {
                    block.ops.push(Op::Dot {
                        x: *x,
                        y: *y,
                        r: 1.3,
                        grey: grey_level,
                        fill: true,
                    });
                }
            }
        }
        let count = p.labels.len();
        for (i, (x, label)) in p.labels.iter().enumerate() {
            // The first and last names start and end at the chart's edges.
            let line = bidi::unit(fonts, label, small);
            let lx = match i {
                0 => *x,
                _ if i + 1 == count => x - line.width,
                _ => x - line.width / 2.0,
            };
            block.text(lx, p.label_y, font, line, 110, Role::Artifact);
        }
        block.height = height;
        // The key: a sample of each line, and the ring.
        let baseline = block.height + font * 1.3;
        chart_key(fonts, &mut block, p.left, baseline, font);
        block.height = baseline + font * 0.6;
    }
    let (words, _) = paragraph(
        fonts,
        &chart.words.join(" "),
        style(size * 0.92, false),
        0.0,
        width,
        40,
        role,
    );
    block.append(&words);
    block
}

/// The chart's key on one line from `x`: a sample of each line, and the
/// ring that marks a lapse, each with its name.
fn chart_key(fonts: &Fonts, block: &mut Block, x: f32, baseline: f32, font: f32) {
    let mut x = x;
    let mid = baseline - font * 0.35;
    for (label, sample) in [
        ("Urge", Some((20, false))),
        ("Distress", Some((120, true))),
        ("A lapse: something to learn from", None),
    ] {
        if let Some((grey_level, dashed)) = sample {
            block.ops.push(Op::Path {
                points: vec![(x, mid), (x + font * 1.8, mid)],
                grey: grey_level,
                width: if dashed { 1.0 } else { 1.3 },
                dashed,
            });
            x += font * 2.2;
        } else {
            block.ops.push(Op::Dot {
                x: x + font * 0.35,
                y: mid,
                r: font * 0.35,
                grey: 90,
                fill: false,
            });
            x += font * 1.1;
        }
        let line = bidi::unit(fonts, label, style(font, false));
        let w = line.width;
        block.text(x, baseline, font, line, 80, Role::Artifact);
        x += w + font * 1.2;
    }
}

/// A section heading: stages carry their number in a dark square, so the
/// order of escalation shows at a glance.
fn heading_block(fonts: &Fonts, section: &Section, index: usize, width: f32, size: f32) -> Block {
    let (hsize, grey_level) = match section.rank {
        Rank::Stage(_) => (size * 1.2, 0),
        _ => (size * 1.08, 50),
    };
    let st = style(hsize, true);
    let mut block = Block {
        height: size * 0.5,
        ..Block::default()
    };
    let mut x = 0.0;
    if let Some(n) = section.number {
        let badge = hsize * 1.3;
        block.ops.push(Op::Box {
            x: 0.0,
            y: block.height + hsize * 0.05,
            w: badge,
            h: badge,
            fill: Some(30),
            stroke: None,
        });
        let label = bidi::unit(fonts, &n.to_string(), st);
        let lx = (badge - label.width) / 2.0;
        block.text(
            lx,
            block.height + hsize * 1.02,
            hsize,
            label,
            255,
            Role::Artifact,
        );
        x = badge + hsize * 0.45;
    }
    let (title, _) = paragraph(
        fonts,
        &section.title,
        st,
        x,
        width - x,
        grey_level,
        Role::Heading(index),
    );
    let top = block.height;
    block
        .ops
        .extend(title.ops.iter().map(|op| op.moved(0.0, top)));
    block.height += title.height.max(hsize * 1.45) + size * 0.15;
    block.ops.push(Op::Rule {
        x: 0.0,
        y: block.height,
        w: width,
        grey: 120,
        dashed: false,
    });
    block.height += size * 0.35;
    block
}

/// A section as chunks to place: the heading travels with its first item
/// (never an orphaned heading), and a section that goes on in the next
/// column leaves at least two items on each side of the break (no widow
/// or orphan: never a "(continued)" column holding one item, nor one item
/// left under its heading), unless the two together are taller than
/// `keep` (then they part rather than run off the page).
fn section_chunks(
    fonts: &Fonts,
    section: &Section,
    index: usize,
    width: f32,
    size: f32,
    keep: f32,
) -> Vec<Chunk> {
    // A bullet's sub-lines (a trigger's ratings, thoughts, response)
    // travel with it: never a "(continued)" column holding only them.
    let mut kept: Vec<Block> = Vec::new();
    for (item, block) in section
        .items
        .iter()
        .zip(item_blocks(fonts, section, index, width, size))
    {
        match (item, kept.last_mut()) {
            (Item::Sub(_), Some(last)) => last.append(&block),
            _ => kept.push(block),
        }
    }
    let groups = keep_pairs(kept, keep);
    let mut items = groups.into_iter();
    let mut first = heading_block(fonts, section, index, width, size);
    if let Some(item) = items.next() {
        first.append(&item);
    }
    // A section that goes on in the next column says so at the top.
    let (mut cont, _) = paragraph(
        fonts,
        &format!("{} (continued)", section.title),
        style(size * 0.9, true),
        0.0,
        width,
        90,
        Role::Artifact,
    );
    cont.height += size * 0.2;
    std::iter::once(Chunk {
        block: first,
        cont: Some(cont.clone()),
        opens: true,
    })
    .chain(items.map(|block| Chunk {
        block,
        cont: Some(cont.clone()),
        opens: false,
    }))
    .collect()
}

/// A section's items as the groups a column may break between: the first
/// two together and the last two together (three or fewer: all in one),
/// each group no taller than `keep` unless a single item is.
fn keep_pairs(items: Vec<Block>, keep: f32) -> Vec<Block> {
    let n = items.len();
    let mut groups: Vec<Block> = Vec::with_capacity(n);
    for (i, block) in items.into_iter().enumerate() {
        // Joins the one before it: the second item (no orphan), the last
        // (no widow), and the middle of three (either way a lone item).
        let join = i > 0 && (i == 1 || i + 1 == n);
        match groups.last_mut() {
            Some(last) if join && last.height + block.height <= keep => last.append(&block),
            _ => groups.push(block),
        }
    }
    groups
}

/// The crisis block: the person's steps and the emergency number large,
/// in one box.
fn crisis_block(fonts: &Fonts, doc: &Printout, width: f32, size: f32) -> Block {
    boxed(&crisis_content(fonts, doc, width, size, false), width)
}

/// Room above and beside the crisis block's content, inside its box.
const CRISIS_PAD: f32 = 8.0;

/// The crisis block's content, unboxed, `width - 2 * CRISIS_PAD` wide.
/// With `emergency_first`, the emergency number leads (a block split
/// over pages keeps it on the first).
#[allow(clippy::too_many_lines)] // the emergency row and the steps
fn crisis_content(
    fonts: &Fonts,
    doc: &Printout,
    width: f32,
    size: f32,
    emergency_first: bool,
) -> Block {
    let inner = width - 2.0 * CRISIS_PAD;
    let mut block = Block::default();
    let mut order: Vec<(usize, &Section)> = doc.sections.iter().enumerate().collect();
    if emergency_first {
        order.sort_by_key(|(_, s)| s.rank != Rank::Emergency);
    }
    for (index, section) in order {
        match section.rank {
            Rank::Emergency => {
                let big = style(size * 2.0, true);
                let label_st = style(size * 1.25, true);
                let mut row = Block::default();
                let numbers: Vec<&Item> = section
                    .items
                    .iter()
                    .filter(|i| matches!(i, Item::Call { .. }))
                    .collect();
                if numbers.is_empty() {
                    for (i, item) in section.items.iter().enumerate() {
                        let (p, _) = paragraph(
                            fonts,
                            &item.plain(),
                            label_st,
                            0.0,
                            inner,
                            0,
                            Role::Body(index, i),
                        );
                        row.append(&p);
                    }
                } else {
                    row.height = big.size * 1.2;
                    let label = bidi::unit(fonts, "In an emergency, call", label_st);
                    row.text(
                        0.0,
                        row.height - big.size * 0.25,
                        label_st.size,
                        label,
                        0,
                        Role::Heading(index),
                    );
                    let mut x = inner;
                    for (i, item) in section.items.iter().enumerate().rev() {
                        if let Item::Call { number, .. } = item {
                            let line = bidi::unit(fonts, number, big);
                            x -= line.width;
                            row.text(
                                x,
                                row.height - big.size * 0.25,
                                big.size,
                                line,
                                0,
                                Role::Body(index, i),
                            );
                            if i > 0 {
                                // "or" between two numbers, a space's
                                // width of air either side.
                                let or = bidi::unit(fonts, "or", label_st);
                                let air = label_st.size * 0.45;
                                x -= or.width + air;
                                row.text(
                                    x,
                                    row.height - big.size * 0.25,
                                    label_st.size,
                                    or,
                                    0,
                                    Role::Body(index, i),
                                );
                                x -= air;
                            }
                        }
                    }
                }
                row.height += size * 0.4;
                own_emergency_marks(fonts, &mut row, section, index, inner, size);
                let top = block.height;
                block
                    .ops
                    .extend(row.ops.iter().map(|op| op.moved(0.0, top)));
                block.height += row.height;
            }
            Rank::Crisis => {
                let big = size * 1.12;
                let st = style(big * 1.18, true);
                let (title, _) = paragraph(
                    fonts,
                    &section.title,
                    st,
                    0.0,
                    inner,
                    0,
                    Role::Heading(index),
                );
                let mut part = title;
                part.height += size * 0.2;
                for b in item_blocks(fonts, section, index, inner, big) {
                    part.append(&b);
                }
                let top = block.height;
                block
                    .ops
                    .extend(part.ops.iter().map(|op| op.moved(0.0, top)));
                block.height += part.height;
            }
            _ => {}
        }
    }
    block
}

/// Under the box's emergency row, the mark on a number she added herself
/// (`set --emergency-number`), so it is never taken for one relapse-plan
/// checked: "(my own note)", naming the number when the row holds more
/// than one (Mulu, Addis Ababa: her 907 printed bare).
fn own_emergency_marks(
    fonts: &Fonts,
    row: &mut Block,
    section: &Section,
    index: usize,
    inner: f32,
    size: f32,
) {
    let calls = section
        .items
        .iter()
        .filter(|i| matches!(i, Item::Call { .. }))
        .count();
    for (i, item) in section.items.iter().enumerate() {
        let Item::Call {
            who, number, note, ..
        } = item
        else {
            continue;
        };
        if who != OWN_EMERGENCY {
            continue;
        }
        let mark = crate::render::printout::own_note(note.as_deref());
        let text = if calls > 1 {
            format!("({number}: {mark})")
        } else {
            format!("({mark})")
        };
        let (p, _) = paragraph(
            fonts,
            &text,
            style(size, false),
            0.0,
            inner,
            0,
            Role::Body(index, i),
        );
        row.append(&p);
        row.height += size * 0.3;
    }
}

/// Content in the crisis block's box, `width` wide.
fn boxed(content: &Block, width: f32) -> Block {
    let mut block = Block {
        ops: vec![Op::Box {
            x: 0.0,
            y: 0.0,
            w: width,
            h: content.height + CRISIS_PAD * 1.6,
            fill: Some(244),
            stroke: Some(40),
        }],
        height: content.height + CRISIS_PAD * 1.6,
    };
    block.ops.extend(
        content
            .ops
            .iter()
            .map(|op| op.moved(CRISIS_PAD, CRISIS_PAD)),
    );
    block
}

/// Places chunks into columns of `limits(column)` height: each as placed
/// and its column and y, or `None` when more than `columns` are needed.
/// A chunk taller than its column goes to the next column when that one is
/// taller and holds it, else is cut between its lines and goes on in the
/// next column: nothing runs past the bottom of a page.
fn flow(
    chunks: &[Chunk],
    limits: &dyn Fn(usize) -> f32,
    columns: usize,
) -> Option<Vec<(Block, usize, f32)>> {
    let mut at = Vec::with_capacity(chunks.len());
    let (mut col, mut y) = (0, 0.0);
    let mut queue: std::collections::VecDeque<Chunk> = chunks.iter().cloned().collect();
    while let Some(chunk) = queue.pop_front() {
        let mut block = chunk.placed(y == 0.0);
        if y > 0.0 && y + block.height > limits(col) {
            col += 1;
            y = 0.0;
            block = chunk.placed(true);
        }
        if col >= columns {
            return None;
        }
        let limit = limits(col);
        if block.height > limit + 0.01 && col + 1 < columns {
            let next = limits(col + 1);
            if next > limit + 0.01 && block.height <= next {
                // The next column holds it whole.
                col += 1;
                queue.push_front(chunk);
                continue;
            }
            if let Some((head, rest)) = split_block(&block, limit) {
                at.push((head, col, 0.0));
                if !rest.ops.is_empty() {
                    queue.push_front(Chunk {
                        block: rest,
                        cont: chunk.cont.clone(),
                        opens: false,
                    });
                }
                col += 1;
                continue;
            }
            if next > limit + 0.01 {
                // Not a line of it fits here: it starts in the next column.
                col += 1;
                queue.push_front(chunk);
                continue;
            }
        }
        let height = block.height;
        at.push((block, col, y));
        y += height;
    }
    Some(at)
}

/// The title and the crisis block of a plan too long for one page: on
/// the first page when the block fits there, else with the emergency
/// number first and the block going on over as many pages as it needs,
/// cut between lines, each page's part in its own box under "(continued)".
/// The pages, and the y where the sections start on the last of them.
fn head_pages(
    fonts: &Fonts,
    doc: &Printout,
    top: &Block,
    width: f32,
    size: f32,
    bottom: f32,
) -> (Pages, f32) {
    let mut pages: Pages = vec![top.ops.iter().map(|op| op.moved(MARGIN, MARGIN)).collect()];
    let mut y = MARGIN + top.height;
    let gap = size * 1.28 * 0.5;
    let whole = crisis_block(fonts, doc, width, size);
    if y + whole.height <= bottom {
        pages[0].extend(whole.ops.iter().map(|op| op.moved(MARGIN, y)));
        return (pages, y + whole.height + gap);
    }
    let inner = width - 2.0 * CRISIS_PAD;
    let cont = doc
        .sections
        .iter()
        .find(|s| s.rank == Rank::Crisis)
        .map(|s| {
            let big = size * 1.12;
            let (mut b, _) = paragraph(
                fonts,
                &format!("{} (continued)", s.title),
                style(big * 1.18, true),
                0.0,
                inner,
                90,
                Role::Artifact,
            );
            b.height += size * 0.2;
            b
        });
    let mut todo = crisis_content(fonts, doc, width, size, true);
    let mut started = false;
    loop {
        let room = bottom - y - CRISIS_PAD * 1.6;
        let fresh = (y - MARGIN).abs() < 0.01;
        let (now, later) = if todo.height <= room {
            (Some(todo), None)
        } else {
            match split_block(&todo, room) {
                Some((head, rest)) if !rest.ops.is_empty() => (Some(head), Some(rest)),
                Some((head, _)) => (Some(head), None),
                // Not one line fits even on an empty page: drawn as it is.
                None if fresh => (Some(todo), None),
                None => (None, Some(todo)),
            }
        };
        if let Some(now) = now {
            let b = boxed(&now, width);
            if let Some(page) = pages.last_mut() {
                page.extend(b.ops.iter().map(|op| op.moved(MARGIN, y)));
            }
            y += b.height + gap;
            started = true;
        }
        let Some(rest) = later else { break };
        pages.push(Vec::new());
        y = MARGIN;
        todo = match (&cont, started) {
            (Some(c), true) => {
                let mut b = c.clone();
                b.append(&rest);
                b
            }
            _ => rest,
        };
    }
    (pages, y)
}

/// Laid-out pages, each a list of ops in page coordinates.
type Pages = Vec<Vec<Op>>;

#[allow(clippy::too_many_lines)] // one attempt per body size, then the long-plan flow
fn lay_out_printout(doc: &Printout, fonts: &Fonts, paper: Paper) -> (Pages, f32) {
    let (page_w, page_h) = paper.points();
    let width = page_w - 2.0 * MARGIN;
    let col_w = (width - GUTTER) / 2.0;
    let bottom = page_h - MARGIN - FOOTER_ROOM;
    // As large as still fits one page; a long plan flows on at 9 pt.
    // Set to the next size down, or to 0 (the long-plan flow) when even the
    // smallest size clearly cannot fit one page.
    let mut hopeless = false;
    for size in [11.0_f32, 10.5, 10.0, 9.5, 9.25, 9.0, 8.5, 8.0, 0.0] {
        let last = size == 0.0 || hopeless;
        let size = if last { 9.0 } else { size };
        let sizes = Sizes { body: size };
        let mut head = Block::default();
        let title_st = style(size * 1.9, true);
        // The program's own sentences read left to right even when the
        // name in them is Arabic or Hebrew: a left-to-right mark first.
        let (title, _) = paragraph(
            fonts,
            &format!("{LRM}{}", doc.title),
            title_st,
            0.0,
            width,
            0,
            Role::Title,
        );
        head.append(&title);
        let (private, _) = paragraph(
            fonts,
            PRIVATE,
            style((size * 0.8).max(8.0), false),
            0.0,
            width,
            70,
            Role::Private,
        );
        head.append(&private);
        head.height += size * 0.6;
        let top_part = head.clone();
        let has_crisis = doc
            .sections
            .iter()
            .any(|s| matches!(s.rank, Rank::Crisis | Rank::Emergency));
        if has_crisis {
            head.append(&crisis_block(fonts, doc, width, size));
            head.height += sizes.leading() * 0.5;
        }
        let first_top = MARGIN + head.height;
        let avail_first = bottom - first_top;
        // Items kept together (see section_chunks) take at most half of
        // the first page's column, so a group always fits a column (a
        // quarter of a page when a long crisis block leaves little room).
        let keep = if last && avail_first < (bottom - MARGIN) / 2.0 {
            (bottom - MARGIN) / 4.0
        } else {
            avail_first.max(0.0) / 2.0
        };
        let mut chunks: Vec<Chunk> = Vec::new();
        for (index, section) in doc.sections.iter().enumerate() {
            if matches!(section.rank, Rank::Crisis | Rank::Emergency) {
                continue;
            }
            let mut c = section_chunks(fonts, section, index, col_w, size, keep);
            if let Some(last) = c.last_mut() {
                last.block.height += size * 0.7;
            }
            chunks.extend(c);
        }
        if !last {
            if avail_first <= 0.0 {
                continue;
            }
            // Balanced two columns on one page: the lowest column limit
            // that still fits.
            let total: f32 = chunks.iter().map(|c| c.block.height).sum();
            // Height shrinks about with the square of the size (smaller
            // lines, and fewer of them wrap): skip sizes that cannot fit.
            if total / 2.0 > avail_first * (size / 8.0).powi(2) * 1.2 {
                hopeless = true;
                continue;
            }
            let mut limit = (total / 2.0).max(
                chunks
                    .iter()
                    .map(|c| c.placed(true).height)
                    .fold(0.0, f32::max),
            );
            let mut placed = None;
            while limit <= avail_first + 0.01 {
                if let Some(at) = flow(&chunks, &|_| limit, 2) {
                    placed = Some(at);
                    break;
                }
                limit += 4.0;
            }
            let Some(at) = placed else { continue };
            let mut page: Vec<Op> = head.ops.iter().map(|op| op.moved(MARGIN, MARGIN)).collect();
            for (block, col, y) in at {
                #[allow(clippy::cast_precision_loss)] // 0 or 1
                let x = MARGIN + col as f32 * (col_w + GUTTER);
                page.extend(block.ops.iter().map(|op| op.moved(x, first_top + y)));
            }
            return (vec![page], size);
        }
        // Too long for one page: the crisis block goes on over pages if it
        // must, then two columns per page, as many pages as needed.
        let (mut pages, mut start) = if has_crisis {
            head_pages(fonts, doc, &top_part, width, size, bottom)
        } else {
            (
                vec![
                    top_part
                        .ops
                        .iter()
                        .map(|op| op.moved(MARGIN, MARGIN))
                        .collect(),
                ],
                MARGIN + top_part.height,
            )
        };
        // Less than a few lines left under the crisis block: the
        // sections start on a page of their own.
        if bottom - start < sizes.leading() * 4.0 {
            pages.push(Vec::new());
            start = MARGIN;
        }
        let first_page = pages.len() - 1;
        let limits = |col: usize| {
            if col < 2 {
                bottom - start
            } else {
                bottom - MARGIN
            }
        };
        let at = flow(&chunks, &limits, usize::MAX).unwrap_or_default();
        for (block, col, y) in at {
            let page = first_page + col / 2;
            while pages.len() <= page {
                pages.push(Vec::new());
            }
            let top = if col < 2 { start } else { MARGIN };
            #[allow(clippy::cast_precision_loss)] // 0 or 1
            let x = MARGIN + (col % 2) as f32 * (col_w + GUTTER);
            pages[page].extend(block.ops.iter().map(|op| op.moved(x, top + y)));
        }
        return (pages, size);
    }
    (Vec::new(), 9.0)
}

/// Draws ops, tagging text by role; returns the identifiers by role.
#[allow(clippy::too_many_lines)] // one match over the kinds of op, each short
fn draw(surface: &mut Surface<'_>, fonts: &Fonts, ops: &[Op], ids: &mut Vec<(Role, Identifier)>) {
    for op in ops {
        match op {
            Op::Text {
                x,
                baseline,
                size,
                line,
                grey: level,
                role,
            } => {
                let id = if *role == Role::Artifact {
                    surface.start_tagged(ContentTag::Artifact(Artifact::new(
                        ArtifactType::Layout,
                        None,
                    )))
                } else {
                    surface.start_tagged(ContentTag::Span(SpanTag::empty()))
                };
                surface.set_fill(Some(grey(*level)));
                let mut px = *x;
                for piece in &line.pieces {
                    let face = fonts.face(piece.face);
                    surface.draw_text(
                        Point::from_xy(px, *baseline),
                        face.font.clone(),
                        *size * face.scale,
                        &piece.text,
                        false,
                        if piece.rtl {
                            TextDirection::RightToLeft
                        } else {
                            TextDirection::LeftToRight
                        },
                    );
                    px += piece.width;
                }
                surface.end_tagged();
                if *role != Role::Artifact {
                    ids.push((*role, id));
                }
            }
            Op::Rule {
                x,
                y,
                w,
                grey: level,
                dashed,
            } => {
                surface.start_tagged(ContentTag::Artifact(Artifact::new(
                    ArtifactType::Layout,
                    None,
                )));
                let mut pb = PathBuilder::new();
                pb.move_to(*x, *y);
                pb.line_to(x + w, *y);
                surface.set_fill(None);
                surface.set_stroke(Some(Stroke {
                    paint: rgb::Color::new(*level, *level, *level).into(),
                    width: 0.5,
                    dash: dashed.then(|| StrokeDash {
                        array: vec![2.0, 2.0],
                        offset: 0.0,
                    }),
                    ..Stroke::default()
                }));
                if let Some(path) = pb.finish() {
                    surface.draw_path(&path);
                }
                surface.set_stroke(None);
                surface.end_tagged();
            }
            Op::Box {
                x,
                y,
                w,
                h,
                fill,
                stroke,
            } => {
                surface.start_tagged(ContentTag::Artifact(Artifact::new(
                    ArtifactType::Layout,
                    None,
                )));
                let mut pb = PathBuilder::new();
                if let Some(rect) = Rect::from_xywh(*x, *y, *w, *h) {
                    pb.push_rect(rect);
                }
                surface.set_fill(fill.map(grey));
                surface.set_stroke(stroke.map(|level| Stroke {
                    paint: rgb::Color::new(level, level, level).into(),
                    width: 1.0,
                    ..Stroke::default()
                }));
                if let Some(path) = pb.finish() {
                    surface.draw_path(&path);
                }
                surface.set_stroke(None);
                surface.end_tagged();
            }
            Op::Path { .. } | Op::Dot { .. } => draw_shape(surface, op),
        }
    }
}

/// A chart's line or dot: decoration, since the words under the chart
/// say the same.
fn draw_shape(surface: &mut Surface<'_>, op: &Op) {
    surface.start_tagged(ContentTag::Artifact(Artifact::new(
        ArtifactType::Layout,
        None,
    )));
    let mut pb = PathBuilder::new();
    match op {
        Op::Path {
            points,
            grey: level,
            width,
            dashed,
        } => {
            for (i, (x, y)) in points.iter().enumerate() {
                if i == 0 {
                    pb.move_to(*x, *y);
                } else {
                    pb.line_to(*x, *y);
                }
            }
            surface.set_fill(None);
            surface.set_stroke(Some(Stroke {
                paint: rgb::Color::new(*level, *level, *level).into(),
                width: *width,
                line_join: krilla::paint::LineJoin::Round,
                dash: dashed.then(|| StrokeDash {
                    array: vec![3.0, 2.0],
                    offset: 0.0,
                }),
                ..Stroke::default()
            }));
        }
        Op::Dot {
            x,
            y,
            r,
            grey: level,
            fill,
        } => {
            // Four cubic arcs (k: the usual circle approximation).
            let k = 0.552_285 * r;
            pb.move_to(x + r, *y);
            pb.cubic_to(x + r, y + k, x + k, y + r, *x, y + r);
            pb.cubic_to(x - k, y + r, x - r, y + k, x - r, *y);
            pb.cubic_to(x - r, y - k, x - k, y - r, *x, y - r);
            pb.cubic_to(x + k, y - r, x + r, y - k, x + r, *y);
            pb.close();
            if *fill {
                surface.set_fill(Some(grey(*level)));
                surface.set_stroke(None);
            } else {
                surface.set_fill(None);
                surface.set_stroke(Some(Stroke {
                    paint: rgb::Color::new(*level, *level, *level).into(),
                    width: 0.8,
                    ..Stroke::default()
                }));
            }
        }
        _ => {}
    }
    if let Some(path) = pb.finish() {
        surface.draw_path(&path);
    }
    surface.set_stroke(None);
    surface.end_tagged();
}

/// The tag tree in reading order: title, then each section as a heading
/// and a list whose items hold a label and a body.
fn tag_tree(doc: &Printout, ids: Vec<(Role, Identifier)>, lang: Option<&str>) -> TagTree {
    let mut by_role: HashMap<Role, Vec<Identifier>> = HashMap::new();
    for (role, id) in ids {
        by_role.entry(role).or_default().push(id);
    }
    let mut take = |role: Role| by_role.remove(&role).unwrap_or_default();
    let mut tree = TagTree::new();
    tree.lang = lang.map(str::to_string);
    let mut title = TagGroup::new(Tag::Hn(NonZeroU16::MIN, Some(doc.title.clone())));
    for id in take(Role::Title) {
        title.push(id);
    }
    tree.push(title);
    let mut private = TagGroup::new(Tag::P);
    for id in take(Role::Private) {
        private.push(id);
    }
    tree.push(private);
    let level2 = NonZeroU16::new(2).unwrap_or(NonZeroU16::MIN);
    for (index, section) in doc.sections.iter().enumerate() {
        let mut heading = TagGroup::new(Tag::Hn(level2, Some(section.title.clone())));
        for id in take(Role::Heading(index)) {
            heading.push(id);
        }
        tree.push(heading);
        let numbered = section
            .items
            .iter()
            .any(|i| matches!(i, Item::Numbered(..)));
        let mut list = TagGroup::new(Tag::L(if numbered {
            ListNumbering::Decimal
        } else {
            ListNumbering::Disc
        }));
        for i in 0..section.items.len() {
            let mut li = TagGroup::new(Tag::LI);
            let label = take(Role::Label(index, i));
            if !label.is_empty() {
                let mut lbl = TagGroup::new(Tag::Lbl);
                for id in label {
                    lbl.push(id);
                }
                li.push(lbl);
            }
            let mut body = TagGroup::new(Tag::LBody);
            for id in take(Role::Body(index, i)) {
                body.push(id);
            }
            if !body.children.is_empty() {
                li.push(body);
            }
            if !li.children.is_empty() {
                list.push(li);
            }
        }
        if !list.children.is_empty() {
            tree.push(list);
        }
    }
    // Anything not placed above still belongs to the document, in order.
    let mut rest: Vec<(Role, Vec<Identifier>)> = by_role.into_iter().collect();
    rest.sort_by_key(|(role, _)| format!("{role:?}"));
    for (_, ids) in rest {
        let mut p = TagGroup::new(Tag::P);
        for id in ids {
            p.push(Node::Leaf(id));
        }
        tree.push(p);
    }
    tree
}

/// A tagged document; with `ua`, checked against PDF/UA-1 by krilla,
/// which also makes viewers show the title instead of the file name.
fn new_document(title: &str, stamp: Stamp, ua: bool) -> Document {
    let configuration = if ua {
        ConfigurationBuilder::new()
            .with_accessibility_validator(Accessibility::UA1)
            .finish()
            .unwrap_or_default()
    } else {
        Configuration::default()
    };
    let mut document = Document::new_with(SerializeSettings {
        enable_tagging: true,
        configuration,
        ..SerializeSettings::default()
    });
    document.set_metadata(metadata(title, stamp));
    document
}

/// A footer on one line: without the privacy sentence (it is under the
/// title) before it is shrunk, so its date in words stays legible; shrunk
/// to fit when it still would not.
fn footer_line(fonts: &Fonts, footer: &str, page: &str, width: f32) -> (Line, f32) {
    let short = footer.replace(&format!(" {PRIVATE}"), "");
    for size in [7.5_f32, 7.0, 6.5] {
        for text in [
            format!("{LRM}{footer}   {page}"),
            format!("{LRM}{short}   {page}"),
        ] {
            let line = one_line(fonts, &text, style(size, false));
            if line.width <= width {
                return (line, size);
            }
        }
    }
    let line = bidi::unit(fonts, page, style(7.5, false));
    (line, 7.5)
}

fn outline_has(seen: &[usize], i: usize) -> bool {
    seen.contains(&i)
}

/// Draws the laid-out pages into a PDF: the bytes, and the smallest text
/// size used.
fn render_printout(
    doc: &Printout,
    fonts: &Fonts,
    pages: &Pages,
    paper: Paper,
    stamp: Stamp,
    body: f32,
    ua: bool,
) -> Result<(Vec<u8>, f32), String> {
    let (page_w, page_h) = paper.points();
    let width = page_w - 2.0 * MARGIN;
    let mut document = new_document(&doc.title, stamp, ua);
    let count = pages.len();
    let mut outline = Outline::new();
    let mut outline_seen: Vec<usize> = Vec::new();
    let mut ids = Vec::new();
    let mut smallest = body;
    for (number, ops) in pages.iter().enumerate() {
        let settings = PageSettings::from_wh(page_w, page_h).ok_or("bad page size")?;
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        draw(&mut surface, fonts, ops, &mut ids);
        // The outline: each section heading where it starts.
        for op in ops {
            if let Op::Text {
                role: Role::Heading(i),
                x,
                baseline,
                size,
                ..
            } = op
                && !outline_has(&outline_seen, *i)
            {
                outline_seen.push(*i);
                outline.push_child(OutlineNode::new(
                    doc.sections[*i].title.clone(),
                    XyzDestination::new(number, Point::from_xy(*x, baseline - size)),
                ));
            }
        }
        for op in ops {
            if let Op::Text { size, role, .. } = op
                && *role != Role::Artifact
            {
                smallest = smallest.min(*size);
            }
        }
        let (line, size) = footer_line(
            fonts,
            &doc.footer,
            &format!("Page {} of {count}", number + 1),
            width,
        );
        surface.start_tagged(ContentTag::Artifact(Artifact::new(
            ArtifactType::Footer,
            None,
        )));
        surface.set_fill(Some(grey(70)));
        let mut x = MARGIN;
        for piece in &line.pieces {
            let face = fonts.face(piece.face);
            surface.draw_text(
                Point::from_xy(x, page_h - MARGIN + 2.0),
                face.font.clone(),
                size * face.scale,
                &piece.text,
                false,
                // The person's name in Arabic or Hebrew is a right-to-left
                // run: drawn left to right it would read backwards.
                if piece.rtl {
                    TextDirection::RightToLeft
                } else {
                    TextDirection::LeftToRight
                },
            );
            x += piece.width;
        }
        surface.end_tagged();
        surface.finish();
        page.finish();
    }
    document.set_outline(outline);
    document.set_tag_tree(tag_tree(doc, ids, stamp.1));
    let bytes = without_suspects(document.finish().map_err(|e| format!("{e:?}"))?);
    Ok((bytes, smallest))
}

/// The catalog's mark information as krilla writes it: `Suspects` is
/// always false there (PDF/UA forbids true).
const MARK_INFO: &[u8] = b"/MarkInfo<</Marked true/Suspects false>>";
const SUSPECTS: &[u8] = b"/Suspects false";

/// The PDF with `/Suspects false` blanked out of its mark information.
/// Poppler (22.x, Debian 12's pdfinfo, pdftoppm and every viewer built on
/// it) reads any boolean there as the wrong type and prints "Syntax Error"
/// each time it opens our file; an absent `Suspects` means false, so the
/// meaning is unchanged. Spaces of the same length keep every byte offset
/// in the cross-reference table right. The catalog sits near the end.
fn without_suspects(mut bytes: Vec<u8>) -> Vec<u8> {
    if let Some(at) = bytes.windows(MARK_INFO.len()).rposition(|w| w == MARK_INFO) {
        let at = at + MARK_INFO.len() - 2 - SUSPECTS.len();
        bytes[at..at + SUSPECTS.len()].fill(b' ');
    }
    bytes
}

/// The full plan as a PDF: one page for a typical plan, more as needed,
/// nothing clipped. Each page carries the footer and its number.
/// `stamp`: when it was saved, and the language it declares, if known
/// ([`language_of_plan`]).
pub fn printout(
    doc: &Printout,
    paper: Paper,
    stamp: Stamp,
    search: &FontSearch,
) -> Result<Pdf, String> {
    let texts = printout_texts(doc);
    let fonts = Fonts::for_texts(texts.iter().map(String::as_str), search)?;
    let (pages, body) = lay_out_printout(doc, &fonts, paper);
    let (bytes, smallest) = match render_printout(doc, &fonts, &pages, paper, stamp, body, true) {
        Ok(made) => made,
        // Some content PDF/UA-1 does not allow (krilla says which): the
        // same tagged document without the claim.
        Err(_) => render_printout(doc, &fonts, &pages, paper, stamp, body, false)?,
    };
    Ok(Pdf {
        bytes,
        missing: fonts.missing().iter().copied().collect(),
        split: fonts.split().iter().cloned().collect(),
        families: fonts.families().iter().map(|s| (*s).to_string()).collect(),
        smallest,
    })
}

/// ISO ID-1 card size in points.
pub const CARD: (f32, f32) = (85.6 * MM, 54.0 * MM);
/// Nothing on the card is smaller than this.
pub const CARD_MIN: f32 = 8.0;
/// The card's inner padding.
const CARD_PAD: f32 = 2.6 * MM;

/// One side of the card laid out: ops, and what had to move to the note.
struct SideLayout {
    ops: Vec<Op>,
    size: f32,
    /// Names shortened to fit beside their numbers.
    names_cut: Vec<String>,
}

/// The widest a number may be, as a part of the card's width, and still
/// sit beside its name.
const BESIDE: f32 = 0.5;

/// A number on lines of its own, right-aligned under its name: whole on
/// one line when it fits the card's width, else the number itself on one
/// line and what is keyed in after it ("ext 1234…") under it, never the
/// number itself split. Digits after it too many for a line (no
/// extension has them) run on to the next line rather than off the card.
fn number_lines(fonts: &Fonts, number: &str, st: Style, width: f32) -> Vec<Line> {
    let whole = bidi::unit(fonts, number, st);
    if whole.width <= width {
        return vec![whole];
    }
    let Some(at) = crate::plan::phone::extension_at(number).filter(|at| *at > 0) else {
        return vec![whole];
    };
    let mut lines = vec![bidi::unit(fonts, number[..at].trim(), st)];
    let mut rest = number[at..].trim();
    while !rest.is_empty() {
        let mut end = rest.len();
        while bidi::unit(fonts, &rest[..end], st).width > width {
            match rest[..end].char_indices().last() {
                Some((last, _)) if last > 0 => end = last,
                _ => break,
            }
        }
        lines.push(bidi::unit(fonts, rest[..end].trim(), st));
        rest = rest[end..].trim_start();
    }
    lines
}

/// Lays out one side at the largest size from 10 pt down to
/// [`CARD_MIN`] at which it fits; `None` when it does not fit even then.
#[allow(clippy::too_many_lines)] // one match over the entry kinds, each short
fn card_side(fonts: &Fonts, entries: &[Entry], which: usize, force: bool) -> Option<SideLayout> {
    let width = CARD.0 - 2.0 * CARD_PAD;
    let height = CARD.1 - 2.0 * CARD_PAD;
    let mut size = 10.0_f32;
    while size >= CARD_MIN - 0.01 {
        let mut block = Block::default();
        // Numbers sit in one column on the right, as wide as the widest;
        // one wider than half the card (a long extension) goes on lines of
        // its own under its name instead: set the column, it squeezed
        // every other name to one letter.
        let number_w = entries
            .iter()
            .filter_map(|e| match e {
                Entry::Call { number, .. } => {
                    Some(bidi::unit(fonts, number, style(size, true)).width)
                }
                _ => None,
            })
            .filter(|w| *w <= width * BESIDE)
            .fold(0.0, f32::max);
        let mut fits = true;
        let last = size - 0.25 < CARD_MIN - 0.01;
        let mut names_cut = Vec::new();
        for (i, entry) in entries.iter().enumerate() {
            let role = Role::Body(which, i);
            let part = match entry {
                Entry::Heading(text) => {
                    let mut b = Block {
                        height: if i == 0 { 0.0 } else { size * 0.25 },
                        ..Block::default()
                    };
                    let (p, _) = paragraph(
                        fonts,
                        &format!("{LRM}{text}"),
                        style(size * 1.05, true),
                        0.0,
                        width,
                        0,
                        Role::Heading(which * 100 + i),
                    );
                    b.append(&p);
                    b
                }
                Entry::Text(text) => {
                    paragraph(fonts, text, style(size, false), 0.0, width, 17, role).0
                }
                Entry::Note(text) => {
                    paragraph(
                        fonts,
                        text,
                        style(CARD_MIN.max(size * 0.9), false),
                        0.0,
                        width,
                        60,
                        role,
                    )
                    .0
                }
                Entry::Step(n, text, marks) => {
                    let st = style(size, false);
                    let marker_w = bidi::unit(fonts, "10.", st).width + size * 0.4;
                    let mut b = marked(
                        fonts,
                        &format!("{n}."),
                        text,
                        st,
                        marker_w,
                        width,
                        role,
                        Role::Label(which, i),
                    );
                    // Each mark a paragraph of its own under the step, in
                    // its own direction, beside the step's number column.
                    let rtl = bidi::lay_out(fonts, text, st, width - marker_w).rtl;
                    for mark in marks {
                        let (p, _) = paragraph(
                            fonts,
                            mark,
                            style(CARD_MIN.max(size * 0.9), false),
                            if rtl { 0.0 } else { marker_w },
                            width - marker_w,
                            60,
                            role,
                        );
                        b.append(&p);
                    }
                    b
                }
                Entry::Call {
                    who, number, reach, ..
                } => {
                    let st = style(size, false);
                    let whole = bidi::unit(fonts, number, style(size, true));
                    let beside = whole.width <= width * BESIDE;
                    let who_w = if beside {
                        width - number_w - size * 0.6
                    } else {
                        width
                    };
                    let mut para = bidi::lay_out(fonts, &caller(who, reach), st, who_w);
                    // A name must fit on one line beside its number: try a
                    // smaller size first, and at the smallest shorten the
                    // name (never the number).
                    if para.lines.len() > 1 {
                        if last {
                            let mut name: Vec<char> = who.chars().collect();
                            while para.lines.len() > 1 && name.len() > 1 {
                                name.pop();
                                let short: String = name.iter().collect();
                                para = bidi::lay_out(
                                    fonts,
                                    &caller(&format!("{}…", short.trim_end()), reach),
                                    st,
                                    who_w,
                                );
                            }
                            // Said once: the card builder names what it
                            // already shortened ("…").
                            if !who.ends_with('…') {
                                names_cut.push(who.clone());
                            }
                        } else {
                            fits = false;
                        }
                    }
                    let mut b = Block {
                        height: size * 1.28,
                        ..Block::default()
                    };
                    if let Some(line) = para.lines.into_iter().next() {
                        let x = if para.rtl { who_w - line.width } else { 0.0 };
                        b.text(x, size * 1.28 - size * 0.3, size, line, 17, role);
                    }
                    if beside {
                        b.text(
                            width - whole.width,
                            size * 1.28 - size * 0.3,
                            size,
                            whole,
                            0,
                            role,
                        );
                    } else {
                        for line in number_lines(fonts, number, style(size, true), width) {
                            b.height += size * 1.28;
                            b.text(
                                width - line.width,
                                b.height - size * 0.3,
                                size,
                                line,
                                0,
                                role,
                            );
                        }
                    }
                    b
                }
            };
            block.append(&part);
        }
        if fits && (block.height <= height || force && last) {
            return Some(SideLayout {
                ops: block.ops,
                size,
                names_cut,
            });
        }
        size -= 0.25;
    }
    None
}

/// Fits both sides ([`fit_sides`]), then fills the room left with the
/// person's further words ([`Card::filled`]), measured in its fonts.
fn fit_card(fonts: &Fonts, card: &Card) -> (SideLayout, SideLayout, Vec<String>) {
    if card.extra.is_empty() {
        return fit_sides(fonts, card);
    }
    let (filled, left) =
        card.filled(|side, entries| card_side(fonts, entries, side, false).map(|l| l.size));
    let (front, back, mut moved) = fit_sides(fonts, &filled);
    moved.extend(left);
    (front, back, moved)
}

/// Fits both sides, moving entries to "more in your full plan" from the
/// end of each side until they fit at [`CARD_MIN`] or larger.
fn fit_sides(fonts: &Fonts, card: &Card) -> (SideLayout, SideLayout, Vec<String>) {
    let mut moved = Vec::new();
    let mut sides = Vec::new();
    for (side, entries) in [(0, &card.front), (1, &card.back)] {
        let mut entries = entries.clone();
        loop {
            if let Some(layout) = card_side(fonts, &entries, side, false) {
                sides.push(layout);
                break;
            }
            // Take out the last entry the card can spare, and say so.
            let Some(at) = entries.iter().rposition(Entry::can_move) else {
                // Nothing left to spare: print at the smallest size rather
                // than leave the side empty.
                sides.extend(card_side(fonts, &entries, side, true));
                break;
            };
            moved.push(super::card::leave_off(&mut entries, at));
        }
    }
    for side in &sides {
        moved.extend(
            side.names_cut
                .iter()
                .map(|n| format!("shortened: the name {n}")),
        );
    }
    let empty = || SideLayout {
        ops: Vec::new(),
        size: CARD_MIN,
        names_cut: Vec::new(),
    };
    let back = sides.pop().unwrap_or_else(empty);
    let front = sides.pop().unwrap_or_else(empty);
    (front, back, moved)
}

/// A card PDF and what it had to leave for the full plan.
pub struct CardPdf {
    pub pdf: Pdf,
    /// What the PDF had to leave off or shorten to fit, in words
    /// ("left off: crisis step 9 (…)", "shortened: the name …").
    pub moved: Vec<String>,
}

/// Cards as a PDF: the front and back of a card side by side (to cut out
/// and fold), four pairs a page, with cut marks.
pub fn cards(
    card: &Card,
    paper: Paper,
    copies: usize,
    (saved, lang): Stamp,
    search: &FontSearch,
) -> Result<CardPdf, String> {
    let texts = card.texts();
    let fonts = Fonts::for_texts(texts.iter().map(String::as_str), search)?;
    let (front, back, moved) = fit_card(&fonts, card);
    let smallest = front.size.min(back.size);
    let (page_w, page_h) = paper.points();
    let (card_w, card_h) = CARD;
    let left = (page_w - 2.0 * card_w) / 2.0;
    let top = 18.0 * MM;
    let gap = 8.0 * MM;
    let mut document = new_document(&card.title, (saved, lang), false);
    let per_page = 4;
    let pages = copies.div_ceil(per_page).max(1);
    let mut ids = Vec::new();
    for page_index in 0..pages {
        let settings = PageSettings::from_wh(page_w, page_h).ok_or("bad page size")?;
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        let on_page = (copies - page_index * per_page).min(per_page);
        for row in 0..on_page {
            #[allow(clippy::cast_precision_loss)] // at most four rows
            let y = top + row as f32 * (card_h + gap);
            for (col, side) in [&front, &back].into_iter().enumerate() {
                #[allow(clippy::cast_precision_loss)]
                let x = left + col as f32 * card_w;
                let ops: Vec<Op> = side
                    .ops
                    .iter()
                    .map(|op| op.moved(x + CARD_PAD, y + CARD_PAD))
                    .collect();
                // Only the first card is read out; the copies are artifacts.
                if page_index == 0 && row == 0 {
                    draw(&mut surface, &fonts, &ops, &mut ids);
                } else {
                    let ops: Vec<Op> = ops
                        .into_iter()
                        .map(|op| match op {
                            Op::Text {
                                x,
                                baseline,
                                size,
                                line,
                                grey,
                                ..
                            } => Op::Text {
                                x,
                                baseline,
                                size,
                                line,
                                grey,
                                role: Role::Artifact,
                            },
                            other => other,
                        })
                        .collect();
                    draw(&mut surface, &fonts, &ops, &mut ids);
                }
            }
            surface.start_tagged(ContentTag::Artifact(Artifact::new(
                ArtifactType::Layout,
                None,
            )));
            cut_marks(&mut surface, left, y, 2.0 * card_w, card_h);
            surface.end_tagged();
        }
        let note = format!("Cut along the marks and fold in the middle. {PRIVATE}");
        let line = bidi::unit(&fonts, &note, style(8.0, false));
        surface.start_tagged(ContentTag::Artifact(Artifact::new(
            ArtifactType::Footer,
            None,
        )));
        surface.set_fill(Some(grey(80)));
        let mut x = left;
        for piece in &line.pieces {
            let face = fonts.face(piece.face);
            surface.draw_text(
                Point::from_xy(x, page_h - 12.0 * MM),
                face.font.clone(),
                8.0 * face.scale,
                &piece.text,
                false,
                TextDirection::LeftToRight,
            );
            x += piece.width;
        }
        surface.end_tagged();
        surface.finish();
        page.finish();
    }
    document.set_tag_tree(card_tags(card, ids, lang));
    let bytes = without_suspects(document.finish().map_err(|e| format!("{e:?}"))?);
    Ok(CardPdf {
        pdf: Pdf {
            bytes,
            missing: fonts.missing().iter().copied().collect(),
            split: fonts.split().iter().cloned().collect(),
            families: fonts.families().iter().map(|s| (*s).to_string()).collect(),
            smallest,
        },
        moved,
    })
}

/// The card's tags: a heading per side heading, a paragraph per line.
fn card_tags(card: &Card, ids: Vec<(Role, Identifier)>, lang: Option<&str>) -> TagTree {
    let mut tree = TagTree::new();
    tree.lang = lang.map(str::to_string);
    let mut title = TagGroup::new(Tag::Hn(NonZeroU16::MIN, Some(card.title.clone())));
    let mut groups: Vec<(Role, TagGroup)> = Vec::new();
    for (role, id) in ids {
        let key = match role {
            Role::Label(s, i) => Role::Body(s, i),
            other => other,
        };
        if let Some((_, g)) = groups.iter_mut().find(|(r, _)| *r == key) {
            g.push(id);
            continue;
        }
        let mut g = match key {
            Role::Heading(_) => {
                TagGroup::new(Tag::Hn(NonZeroU16::new(2).unwrap_or(NonZeroU16::MIN), None))
            }
            _ => TagGroup::new(Tag::P),
        };
        g.push(id);
        groups.push((key, g));
    }
    // The card's title is not drawn as such; its first heading stands in.
    if let Some(pos) = groups
        .iter()
        .position(|(r, _)| matches!(r, Role::Heading(_)))
    {
        let (_, first) = groups.remove(pos);
        for child in first.children {
            title.push(child);
        }
        tree.push(title);
        for (_, g) in groups.into_iter().skip(pos) {
            tree.push(g);
        }
    } else {
        for (_, g) in groups {
            tree.push(g);
        }
    }
    tree
}

fn cut_marks(surface: &mut Surface<'_>, x: f32, y: f32, w: f32, h: f32) {
    let mark = 4.0 * MM;
    let mut pb = PathBuilder::new();
    for (corner_x, corner_y) in [(x, y), (x + w, y), (x, y + h), (x + w, y + h)] {
        // Marks point away from the card, a little off its corner.
        let outward_x = if (corner_x - x).abs() < 0.1 {
            -1.0
        } else {
            1.0
        };
        let outward_y = if (corner_y - y).abs() < 0.1 {
            -1.0
        } else {
            1.0
        };
        pb.move_to(corner_x + outward_x, corner_y);
        pb.line_to(corner_x + outward_x * (1.0 + mark), corner_y);
        pb.move_to(corner_x, corner_y + outward_y);
        pb.line_to(corner_x, corner_y + outward_y * (1.0 + mark));
    }
    // The fold line between front and back, dashed.
    let mid = x + w / 2.0;
    let mut fold = PathBuilder::new();
    fold.move_to(mid, y - 1.0 - mark);
    fold.line_to(mid, y - 1.0);
    fold.move_to(mid, y + h + 1.0);
    fold.line_to(mid, y + h + 1.0 + mark);
    surface.set_fill(None);
    surface.set_stroke(Some(Stroke {
        paint: rgb::Color::new(60, 60, 60).into(),
        width: 0.4,
        ..Stroke::default()
    }));
    if let Some(path) = pb.finish() {
        surface.draw_path(&path);
    }
    surface.set_stroke(Some(Stroke {
        paint: rgb::Color::new(60, 60, 60).into(),
        width: 0.4,
        dash: Some(StrokeDash {
            array: vec![2.0, 2.0],
            offset: 0.0,
        }),
        ..Stroke::default()
    }));
    if let Some(path) = fold.finish() {
        surface.draw_path(&path);
    }
    surface.set_stroke(None);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fonts() -> Fonts {
        Fonts::for_texts(["x"], &FontSearch::Dirs(Vec::new())).unwrap()
    }

    /// The label's left and right edge, and the leftmost body text.
    fn edges(block: &Block) -> (f32, f32, f32) {
        let mut label = (f32::MAX, 0.0_f32);
        let mut body = f32::MAX;
        for op in &block.ops {
            if let Op::Text { x, line, role, .. } = op {
                match role {
                    Role::Label(..) => label = (*x, x + line.width),
                    Role::Body(..) => body = body.min(*x),
                    _ => {}
                }
            }
        }
        (label.0, label.1, body)
    }

    #[test]
    fn step_numbers_line_up_and_sit_at_the_right_end_of_rtl_steps() {
        let fonts = fonts();
        let section = Section {
            title: "What I'll do, in order".into(),
            items: vec![
                Item::Numbered(9, "Call Alex".into()),
                Item::Numbered(10, "Go to A&E".into()),
                Item::Numbered(11, "اتصل بأخي على +20 10 1234 5678".into()),
            ],
            rank: Rank::Crisis,
            number: None,
            blank_lines: 0,
        };
        let blocks = item_blocks(&fonts, &section, 0, 300.0, 10.0);
        let (nine_left, nine_right, nine_text) = edges(&blocks[0]);
        let (ten_left, ten_right, ten_text) = edges(&blocks[1]);
        assert!((nine_right - ten_right).abs() < 0.01, "9. over 10.");
        assert!(ten_left < nine_left);
        assert!(
            ten_right < ten_text && nine_right < nine_text,
            "no collision"
        );
        assert!((nine_text - ten_text).abs() < 0.01, "the texts line up");
        let (rtl_left, _, rtl_text) = edges(&blocks[2]);
        assert!(
            rtl_left > rtl_text,
            "the number of an Arabic step is at its right"
        );
    }

    #[test]
    fn numbers_sit_in_one_right_aligned_column() {
        let fonts = fonts();
        let call = |who: &str, number: &str| Item::Call {
            who: who.into(),
            number: number.into(),
            reach: Reach::Call,
            note: None,
        };
        let section = Section {
            title: "People I can ask for help".into(),
            items: vec![call("Alex", "+44 7700 900123"), call("أخي كريم", "999")],
            rank: Rank::Stage(4),
            number: Some(1),
            blank_lines: 0,
        };
        let blocks = item_blocks(&fonts, &section, 0, 250.0, 10.0);
        for (block, typed) in blocks.iter().zip(["+44 7700 900123", "999"]) {
            let number = block
                .ops
                .iter()
                .find_map(|op| match op {
                    Op::Text { x, line, .. } if line.visual() == typed => {
                        Some((*x, line.width, line.pieces.len()))
                    }
                    _ => None,
                })
                .unwrap();
            assert!((number.0 + number.1 - 250.0).abs() < 0.01, "right edge");
            assert_eq!(number.2, 1, "one left-to-right piece");
        }
    }
}
