//! The card as a phone's lock-screen image (PNG): portrait, at the phone's
//! own pixel size (1170 × 2532 by default), large text, dark or light.
//! Drawn as SVG with the printing's fonts, per-character fallback and line
//! layout (see [`super::bidi`]: every script, right to left with numbers
//! left to right, never split), then rasterised by resvg with exactly
//! those fonts. The top third stays clear for the phone's clock and
//! widgets, the bottom for its buttons and home indicator.

use std::fmt::Write as _;
use std::sync::Arc;

use resvg::{tiny_skia, usvg};

use super::bidi::{self, Line, Style};
use super::card::{Card, Entry};
use super::fonts::{FontSearch, Fonts};
use super::pdf::caller;
use super::printout::{EMERGENCY, OWN_EMERGENCY};

/// The default size: an iPhone's screen (12 to 16), in pixels.
pub const SIZE: (u32, u32) = (1170, 2532);
/// The smallest and largest sizes accepted, in pixels.
pub const WIDTHS: std::ops::RangeInclusive<u32> = 320..=4000;
pub const HEIGHTS: std::ops::RangeInclusive<u32> = 480..=8000;

/// Reads a size typed as `1170x2532` (or `1170×2532`): portrait, within
/// [`WIDTHS`] and [`HEIGHTS`].
pub fn parse_size(typed: &str) -> Result<(u32, u32), String> {
    let help = "a phone's screen size in pixels, width x height, like 1170x2532 or 1080x2400";
    let (w, h) = typed
        .trim()
        .split_once(['x', 'X', '×'])
        .ok_or_else(|| help.to_string())?;
    let (Ok(w), Ok(h)) = (w.trim().parse::<u32>(), h.trim().parse::<u32>()) else {
        return Err(help.to_string());
    };
    if !WIDTHS.contains(&w) || !HEIGHTS.contains(&h) {
        return Err(format!(
            "{help}, from {}x{} to {}x{}",
            WIDTHS.start(),
            HEIGHTS.start(),
            WIDTHS.end(),
            HEIGHTS.end()
        ));
    }
    if h <= w {
        return Err(format!(
            "a lock screen stands upright: the width comes first and is the smaller, like 1170x2532 (not {w}x{h})"
        ));
    }
    Ok((w, h))
}

/// The screen's width in points: sizes below are in points and scale with
/// the image, so text is as large on a 1080-pixel phone as on a 1170 one.
const POINTS_WIDE: f32 = 390.0;
/// The body text, from the largest size down to the smallest before
/// anything is left off (17 pt is a phone's own body text).
const LARGEST: f32 = 22.0;
const SMALLEST: f32 = 16.0;
/// Side margins, in points.
const MARGIN: f32 = 24.0;
/// Where the text starts and ends, as parts of the height: above is the
/// clock and its widgets, below the torch and camera buttons and the home
/// indicator.
const TOP: f32 = 0.34;
const BOTTOM: f32 = 0.87;
/// Lines are this many times their size apart.
const LEADING: f32 = 1.25;
/// What the image says when something had to stay in the full plan.
use super::card::MORE;

/// The heading her reasons are under.
const REASONS: &str = super::card::Extra::Reasons.heading();

/// Light text on a dark ground, or dark text on a light one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Dark,
    Light,
}

/// The colours of a theme: calm, high contrast, nothing alarming.
struct Palette {
    ground: &'static str,
    text: &'static str,
    soft: &'static str,
    number: &'static str,
    panel: &'static str,
}

fn palette(theme: Theme) -> Palette {
    match theme {
        Theme::Dark => Palette {
            ground: "#101820",
            text: "#f3f0e8",
            soft: "#a9b6c2",
            number: "#ffffff",
            panel: "#213547",
        },
        Theme::Light => Palette {
            ground: "#f6f3ec",
            text: "#1b1f24",
            soft: "#515d69",
            number: "#000000",
            panel: "#dfe8f0",
        },
    }
}

/// Which colour a piece of text takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ink {
    Text,
    Soft,
    Number,
}

/// One thing drawn, in pixels from the top of the text area.
#[derive(Debug, Clone)]
enum Op {
    Text {
        x: f32,
        baseline: f32,
        size: f32,
        line: Line,
        ink: Ink,
    },
    Panel {
        y: f32,
        h: f32,
    },
}

/// The lock-screen image and what it had to leave for the full plan.
pub struct LockScreen {
    /// The drawing, as rasterised (its text is real `<text>`).
    pub svg: String,
    pub png: Vec<u8>,
    /// What it left off, in words ("left off: crisis step 5 (…)").
    pub moved: Vec<String>,
    /// Characters no font on this machine can show.
    pub missing: Vec<char>,
    /// The body text size used, in points.
    pub size: f32,
}

/// Whether an entry is an emergency number (the card puts them first under
/// its crisis lines, named "Emergency"): the country's, or her own, set
/// where her country has none built in ("Emergency (my own note)", Egypt's
/// 123 for Layla), drawn as large as the README promises.
fn is_emergency(entry: &Entry, section: &str) -> bool {
    section == "Crisis lines"
        && matches!(entry, Entry::Call { who, keep: true, .. }
            if who == EMERGENCY || who == OWN_EMERGENCY)
}

/// The heading each entry sits under.
fn sections(entries: &[Entry]) -> Vec<String> {
    let mut current = String::new();
    entries
        .iter()
        .map(|e| {
            if let Entry::Heading(h) = e {
                current.clone_from(h);
            }
            current.clone()
        })
        .collect()
}

/// How soon an entry gives way when the screen is full (lowest first);
/// `None` for what the image always carries: the first step, the first
/// person, the emergency number and the first crisis line open around
/// the clock (else the first).
fn give_way(entry: &Entry, section: &str) -> Option<u8> {
    match entry {
        Entry::Text(_) if section == REASONS => Some(0),
        Entry::Step(n, ..) if *n > 3 => Some(1),
        Entry::Call { keep: false, .. } if section == "Crisis lines" => Some(2),
        Entry::Call { keep: false, .. } => Some(3),
        Entry::Step(n, ..) if *n > 1 => Some(4),
        _ => None,
    }
}

/// Lays out text in a column of pixels.
struct Column<'f> {
    fonts: &'f Fonts,
    ops: Vec<Op>,
    /// The bottom of what is placed so far.
    y: f32,
}

impl Column<'_> {
    /// A paragraph, each line aligned by its direction in `x .. x + width`.
    /// Returns whether it reads right to left.
    #[allow(clippy::too_many_arguments)] // one call shape, used for every text
    fn paragraph(
        &mut self,
        text: &str,
        size: f32,
        bold: bool,
        ink: Ink,
        x: f32,
        width: f32,
    ) -> bool {
        let para = bidi::lay_out(self.fonts, text, Style { size, bold }, width);
        for line in para.lines {
            self.y += size * LEADING;
            let lx = if para.rtl { x + width - line.width } else { x };
            let low = line.has_low_marks();
            self.ops.push(Op::Text {
                x: lx,
                baseline: self.y - size * 0.3,
                size,
                line,
                ink,
            });
            if low {
                self.y += size * 0.3;
            }
        }
        para.rtl
    }

    /// A number on one line, never wrapped or cut: at `size`, or smaller
    /// if even a whole line is too narrow for it.
    fn number(&self, number: &str, size: f32, width: f32) -> (Line, f32) {
        let mut size = size;
        loop {
            let line = bidi::unit(self.fonts, number, Style { size, bold: true });
            if line.width <= width || size < 4.0 {
                return (line, size);
            }
            size *= width / line.width * 0.98;
        }
    }
}

/// `text` in at most two lines `width` wide at `size`: `None` when it
/// fits whole, else as much of it as fits with "…" after it. A name wraps
/// onto a second line rather than being cut at the card's narrow width
/// (Kavya's "(colleg…"), but never runs to a third.
fn two_lines(fonts: &Fonts, text: &str, size: f32, width: f32) -> Option<String> {
    let style = Style { size, bold: false };
    let fits = |t: &str| bidi::lay_out(fonts, t, style, width).lines.len() <= 2;
    if fits(text) {
        return None;
    }
    let ends: Vec<usize> = text.char_indices().map(|(i, _)| i).skip(1).collect();
    let cut = |k: usize| format!("{}…", text[..ends[k]].trim_end());
    // The most characters that fit (at least one), by halving.
    let (mut lo, mut hi) = (0, ends.len());
    while hi - lo > 1 {
        let mid = usize::midpoint(lo, hi);
        if fits(&cut(mid)) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Some(cut(lo))
}

/// The entries laid out with body text at `size` points (`u` pixels a
/// point, `width` pixels wide): the drawing, its height in pixels, and the
/// names it had to shorten. `names` are those the card shortens
/// ([`Card::names`]): here each is whole in at most two lines; `whole`
/// lets one too long for two lines beside the numbers take the whole
/// width, its number under it, rather than be shortened to two lines
/// beside it (which takes less room).
#[allow(clippy::too_many_lines)] // one match over the entry kinds, each short
fn lay_out(
    fonts: &Fonts,
    entries: &[Entry],
    (size, whole, names): (f32, bool, &[(String, String)]),
    u: f32,
    width: f32,
) -> (Vec<Op>, f32, Vec<String>) {
    let body = size * u;
    let mut col = Column {
        fonts,
        ops: Vec::new(),
        y: 0.0,
    };
    let mut cut = Vec::new();
    let sections = sections(entries);
    // Numbers sit in one column on the right; one too wide for it (more
    // than half the screen) goes on its own line, under a name as wide as
    // the screen, and does not narrow every other name.
    let beside_max = width * 0.5;
    let number_w = entries
        .iter()
        .filter_map(|e| match e {
            Entry::Call { number, .. } => Some(col.number(number, body, width).0.width),
            _ => None,
        })
        .filter(|w| *w <= beside_max)
        .fold(0.0, f32::max);
    let mut i = 0;
    while i < entries.len() {
        let section = sections[i].as_str();
        match &entries[i] {
            Entry::Heading(text) => {
                if i > 0 {
                    col.y += body * 0.55;
                }
                let lrm = '\u{200e}';
                col.paragraph(
                    &format!("{lrm}{text}"),
                    body * 0.8,
                    true,
                    Ink::Soft,
                    0.0,
                    width,
                );
                col.y += body * 0.1;
            }
            Entry::Text(text) => {
                col.paragraph(text, body, false, Ink::Text, 0.0, width);
                col.y += body * 0.3;
            }
            Entry::Note(text) => {
                col.y += body * 0.3;
                let small = (body * 0.72).max(12.0 * u);
                col.paragraph(text, small, false, Ink::Soft, 0.0, width);
            }
            Entry::Step(n, text, marks) => {
                let st = Style {
                    size: body,
                    bold: true,
                };
                let marker_w = bidi::unit(fonts, "10.", st).width + body * 0.45;
                let top = col.y;
                let placed = col.ops.len();
                let rtl = col.paragraph(text, body, false, Ink::Text, 0.0, width - marker_w);
                if !rtl {
                    // Placed from 0: move it beside its marker.
                    for op in &mut col.ops[placed..] {
                        if let Op::Text { x, .. } = op {
                            *x += marker_w;
                        }
                    }
                }
                let marker = bidi::unit(fonts, &format!("{n}."), st);
                let x = if rtl {
                    width - marker_w + body * 0.45
                } else {
                    marker_w - body * 0.45 - marker.width
                };
                col.ops.push(Op::Text {
                    x,
                    baseline: top + body * LEADING - body * 0.3,
                    size: body,
                    line: marker,
                    ink: Ink::Soft,
                });
                // Each mark a paragraph of its own under her words, in its
                // own direction: run into an Arabic step, an English mark
                // wrapped across its lines and split them (Layla, Cairo).
                let small = (body * 0.8).max(12.0 * u);
                for mark in marks {
                    col.y += body * 0.1;
                    let x = if rtl { 0.0 } else { marker_w };
                    col.paragraph(mark, small, false, Ink::Soft, x, width - marker_w);
                }
                col.y += body * 0.25;
            }
            Entry::Call { .. } if is_emergency(&entries[i], section) => {
                // The emergency numbers together, large, on a calm panel.
                let pad = body * 0.4;
                let top = col.y + body * 0.15;
                col.y = top + pad;
                let panel = col.ops.len();
                let mut first = true;
                while let Some(Entry::Call { who, number, .. }) = entries.get(i)
                    && is_emergency(&entries[i], section)
                {
                    // Her own number says it is her own note, as on paper.
                    let label = match (first, who.as_str()) {
                        (true, who) => who,
                        (false, OWN_EMERGENCY) => "or (my own note)",
                        (false, _) => "or",
                    };
                    let label_line = bidi::unit(
                        fonts,
                        label,
                        Style {
                            size: body,
                            bold: false,
                        },
                    );
                    let room = width - 2.0 * pad - label_line.width - body * 0.6;
                    let (line, big) = col.number(number, body * 2.1, room.max(width * 0.4));
                    if line.width > room {
                        // No room beside it: the label goes above.
                        col.y += body * LEADING;
                        col.ops.push(Op::Text {
                            x: pad,
                            baseline: col.y - body * 0.3,
                            size: body,
                            line: label_line,
                            ink: Ink::Soft,
                        });
                        col.y += big * 1.1;
                        col.ops.push(Op::Text {
                            x: pad,
                            baseline: col.y - big * 0.12,
                            size: big,
                            line,
                            ink: Ink::Number,
                        });
                    } else {
                        col.y += big * 1.1;
                        let baseline = col.y - big * 0.12;
                        col.ops.push(Op::Text {
                            x: pad,
                            baseline,
                            size: body,
                            line: label_line,
                            ink: Ink::Soft,
                        });
                        col.ops.push(Op::Text {
                            x: width - pad - line.width,
                            baseline,
                            size: big,
                            line,
                            ink: Ink::Number,
                        });
                    }
                    first = false;
                    i += 1;
                }
                col.y += pad;
                // Under the numbers it holds.
                col.ops.insert(
                    panel,
                    Op::Panel {
                        y: top,
                        h: col.y - top,
                    },
                );
                col.y += body * 0.3;
                continue;
            }
            Entry::Call {
                who, number, reach, ..
            } => {
                // The name on the left (wrapping if it must), the number
                // whole and bold on the right, on the name's first line.
                // A name that needs more than two lines beside the
                // numbers takes the whole width, its number under it,
                // rather than be cut where it could be read whole.
                let (line, size) = col.number(number, body, width);
                let mut shown = caller(who, reach);
                let narrow = width - number_w - body * 0.6;
                // Only a name the card shortens is held to two lines
                // here; every other wraps as it needs.
                let long = names.iter().any(|(_, name)| name == who);
                let beside = line.width <= beside_max
                    && (!long
                        || !whole
                        || two_lines(fonts, &shown, body, narrow).is_none()
                        || two_lines(fonts, &shown, body, width).is_some());
                let who_w = if beside { narrow } else { width };
                let top = col.y;
                if let Some(short) = two_lines(fonts, &shown, body, who_w).filter(|_| long) {
                    cut.push(who.clone());
                    shown = short;
                }
                col.paragraph(&shown, body, false, Ink::Text, 0.0, who_w);
                if !beside {
                    col.y += size * LEADING;
                }
                let baseline = if beside {
                    top + body * LEADING - body * 0.3
                } else {
                    col.y - size * 0.3
                };
                col.ops.push(Op::Text {
                    x: width - line.width,
                    baseline,
                    size,
                    line,
                    ink: Ink::Number,
                });
                col.y = col.y.max(top + body * LEADING) + body * 0.25;
            }
        }
        i += 1;
    }
    (col.ops, col.y, cut)
}

/// The entries for the phone: the card's front then back, one column,
/// headed "If it gets hard" (no name: a lock screen is seen by anyone
/// who sees the phone), every name whole (a name wraps here; the card
/// shortens it to its narrow column).
fn phone_entries(card: &Card) -> Vec<Entry> {
    let mut entries: Vec<Entry> = card.front.iter().chain(&card.back).cloned().collect();
    if let Some(Entry::Heading(first)) = entries.first_mut() {
        "If it gets hard".clone_into(first);
    }
    for entry in &mut entries {
        if let Entry::Call { who, .. } = entry
            && let Some((_, whole)) = card.names.iter().find(|(short, _)| short == who)
        {
            who.clone_from(whole);
        }
    }
    // The first reason, before the closing notes (the card fills its room
    // with more; a phone screen has one reason).
    if let Some((kind, reasons)) = card
        .extra
        .iter()
        .find(|(k, _)| *k == super::card::Extra::Reasons)
    {
        let at = entries.len()
            - entries
                .iter()
                .rev()
                .take_while(|e| matches!(e, Entry::Note(_)))
                .count();
        entries.splice(
            at..at,
            [
                Entry::Heading(kind.heading().to_string()),
                Entry::Text(reasons[0].text.clone()),
            ],
        );
    }
    entries
}

/// Whether `entries` still hold her reason.
fn holds_reason(entries: &[Entry]) -> bool {
    let sections = sections(entries);
    entries
        .iter()
        .zip(&sections)
        .any(|(e, section)| matches!(e, Entry::Text(_)) && section == REASONS)
}

/// The marked steps in their fewest words ([`Card::brief`]): her words
/// without the flag beside the number, and under them only what to do
/// instead. Says which were shortened.
fn brief_marks(entries: &mut [Entry], card: &Card, moved: &mut Vec<String>) {
    for entry in entries {
        if let Entry::Step(n, ..) = *entry
            && let Some(brief) = card
                .brief
                .iter()
                .find(|b| matches!(b, Entry::Step(m, ..) if *m == n))
            && entry != brief
        {
            moved.push(format!("shortened: the note under crisis step {n}"));
            entry.clone_from(brief);
        }
    }
}

/// What fits, giving way in this order: the marks under steps in their
/// fewest words, then smaller text down to [`SMALLEST`], then entries
/// taken out in the order of [`give_way`] (said on the image). Says
/// whether her reason is still drawn: it is said with the rest of her
/// further words, once ([`Card::off_the_lock_screen`]), never as "a
/// reason" beside them.
fn fit(fonts: &Fonts, card: &Card, u: f32, width: f32, height: f32) -> Fitted {
    let mut entries = phone_entries(card);
    let mut moved = Vec::new();
    let done = |(ops, _, cut): (Vec<Op>, f32, Vec<String>),
                size,
                mut moved: Vec<String>,
                entries: &[Entry]| {
        moved.extend(cut.iter().map(|name| format!("shortened: the name {name}")));
        Fitted {
            ops,
            size,
            moved,
            reason: holds_reason(entries),
        }
    };
    let laid = lay_out(fonts, &entries, (LARGEST, true, &card.names), u, width);
    if laid.1 <= height {
        return done(laid, LARGEST, moved, &entries);
    }
    brief_marks(&mut entries, card, &mut moved);
    loop {
        // Names whole as long as the text can get smaller for them; then
        // shortened to two lines before anything is left off (a doctor's
        // number matters more than the end of her name).
        for whole in [true, false] {
            let mut size = LARGEST;
            while size >= SMALLEST {
                let laid = lay_out(fonts, &entries, (size, whole, &card.names), u, width);
                if laid.1 <= height {
                    return done(laid, size, moved, &entries);
                }
                size -= 0.5;
            }
        }
        let sections = sections(&entries);
        let Some(at) = (0..=4).find_map(|rank| {
            (0..entries.len())
                .rev()
                .find(|&i| give_way(&entries[i], &sections[i]) == Some(rank))
        }) else {
            // Nothing left to spare: the smallest size, overflowing into
            // the bottom margin rather than leaving a number out.
            let laid = lay_out(fonts, &entries, (SMALLEST, false, &card.names), u, width);
            return done(laid, SMALLEST, moved, &entries);
        };
        let reason = holds_reason(&entries);
        let said = super::card::leave_off(&mut entries, at);
        if reason == holds_reason(&entries) {
            moved.push(said);
        }
    }
}

/// What [`fit`] drew, and what it gave way.
struct Fitted {
    ops: Vec<Op>,
    size: f32,
    moved: Vec<String>,
    /// Whether her first reason is drawn.
    reason: bool,
}

/// Text for XML: escaped, and characters XML cannot hold replaced.
fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if u32::from(c) < 0x20 || matches!(c, '\u{fffe}' | '\u{ffff}') => {
                out.push('\u{fffd}');
            }
            c => out.push(c),
        }
    }
    out
}

/// The drawing as SVG: every piece of a line its own `<text>`, at the
/// place the layout measured, in the face it was measured with. A piece is
/// one direction; it is held between two marks of that direction so the
/// renderer's own bidi pass (which assumes left to right) keeps it so,
/// spaces and punctuation at its ends included.
fn svg(
    fonts: &Fonts,
    ops: &[Op],
    title: &str,
    size: (u32, u32),
    theme: Theme,
    origin: (f32, f32),
) -> String {
    let colours = palette(theme);
    let (w, h) = size;
    let (ox, oy) = origin;
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" xml:space="preserve">"#
    );
    let _ = writeln!(out, "<title>{}</title>", xml(title));
    let _ = writeln!(
        out,
        r#"<rect width="{w}" height="{h}" fill="{}"/>"#,
        colours.ground
    );
    #[allow(clippy::cast_precision_loss)] // widths are at most 4000
    let inner = w as f32 - 2.0 * ox;
    for op in ops {
        match op {
            Op::Panel { y, h } => {
                let _ = writeln!(
                    out,
                    r#"<rect x="{:.1}" y="{:.1}" width="{inner:.1}" height="{h:.1}" rx="{:.1}" fill="{}"/>"#,
                    ox,
                    oy + y,
                    h.min(inner) * 0.18,
                    colours.panel
                );
            }
            Op::Text {
                x,
                baseline,
                size,
                line,
                ink,
            } => {
                let fill = match ink {
                    Ink::Text => colours.text,
                    Ink::Soft => colours.soft,
                    Ink::Number => colours.number,
                };
                let mut at = ox + x;
                for piece in &line.pieces {
                    let face = fonts.face(piece.face);
                    // resvg runs the bidi algorithm again on each piece:
                    // a left-to-right piece is overridden, not just marked,
                    // or the spaces in "٠١٠٠ ١٢٣ ٤٥٦٧" turn right to left
                    // and its groups come out in reverse (Layla, Cairo).
                    let (open, close) = if piece.rtl {
                        ("&#x200F;", "&#x200F;")
                    } else {
                        ("&#x202D;", "&#x202C;")
                    };
                    if !piece.text.trim().is_empty() {
                        let _ = writeln!(
                            out,
                            r#"<text x="{at:.2}" y="{:.2}" font-family="{}" font-size="{:.2}" font-weight="{}" fill="{fill}">{open}{}{close}</text>"#,
                            oy + baseline,
                            xml(&format!("'{}'", face.family.replace('\'', ""))),
                            size * face.scale,
                            if face.bold { 700 } else { 400 },
                            xml(&piece.text),
                        );
                    }
                    at += piece.width;
                }
            }
        }
    }
    out.push_str("</svg>\n");
    out
}

/// The card as a lock-screen image `size` pixels (width, height).
pub fn lock_screen(
    card: &Card,
    size: (u32, u32),
    theme: Theme,
    search: &FontSearch,
) -> Result<LockScreen, String> {
    let (w, h) = size;
    #[allow(clippy::cast_precision_loss)] // sizes are at most 8000
    let (wf, hf) = (w as f32, h as f32);
    let u = wf / POINTS_WIDE;
    let mut texts = card.texts();
    texts.extend(
        [
            "If it gets hard",
            EMERGENCY,
            OWN_EMERGENCY,
            "or",
            "or (my own note)",
            MORE,
            "10.",
        ]
        .map(String::from),
    );
    let fonts = Fonts::for_texts(texts.iter().map(String::as_str), search)?;
    let width = wf - 2.0 * MARGIN * u;
    let Fitted {
        ops,
        size: body,
        mut moved,
        reason,
    } = fit(&fonts, card, u, width, (BOTTOM - TOP) * hf);
    // What is said is what the image holds: her first reason, shortened
    // or whole, only when it is drawn (Kavya's lock screen said it was
    // shortened, and left off twice over, and showed none).
    moved.extend(card.off_the_lock_screen(reason));
    let svg = svg(
        &fonts,
        &ops,
        &card.title,
        size,
        theme,
        (MARGIN * u, TOP * hf),
    );
    let options = usvg::Options {
        fontdb: Arc::new(fonts.database()),
        font_family: "DejaVu Sans".into(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(&svg, &options).map_err(|e| e.to_string())?;
    let mut pixmap = tiny_skia::Pixmap::new(w, h).ok_or("the image size is not possible")?;
    resvg::render(
        &tree,
        tiny_skia::Transform::identity(),
        &mut pixmap.as_mut(),
    );
    let png = pixmap.encode_png().map_err(|e| e.to_string())?;
    Ok(LockScreen {
        svg,
        png,
        moved,
        missing: fonts.missing().iter().copied().collect(),
        size: body,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Contact, Plan, Role, TextItem};
    use crate::render::card;

    fn world() -> Plan {
        crate::plan::parse::parse(include_bytes!("../../tests/data/world.toml"))
            .unwrap()
            .plan
    }

    /// The card of `plan` for a screen, with `country`'s crisis lines.
    fn screen_card(plan: &Plan, country: &str) -> Card {
        let lines = crate::crisis_lines::for_country(Some(country));
        card::build(
            plan,
            lines.as_ref(),
            &jiff::tz::TimeZone::UTC,
            crate::render::Medium::Screen,
        )
    }

    /// The fonts the lock screen of `card` is drawn with.
    fn fonts_for(card: &Card) -> Fonts {
        let mut all = card.texts();
        all.extend(["If it gets hard", "Emergency", "or", MORE, "10."].map(String::from));
        Fonts::for_texts(all.iter().map(String::as_str), &FontSearch::System).unwrap()
    }

    /// Each `<text>` of the drawing as resvg reads it: its words (without
    /// the direction marks) and where its ink lands, in pixels.
    /// `words` are drawn whole among `found`, their ink inside an image of
    /// `size` between the strips the lock screen keeps clear.
    #[track_caller]
    fn drawn_inside(found: &[(String, tiny_skia::Rect)], words: &str, size: (u32, u32)) {
        #[allow(clippy::cast_precision_loss)]
        let (wf, hf) = (size.0 as f32, size.1 as f32);
        let (_, ink) = found
            .iter()
            .find(|(t, _)| t.trim() == words)
            .unwrap_or_else(|| panic!("{size:?}: {words} drawn whole: {found:?}"));
        assert!(
            ink.left() >= 0.0
                && ink.right() <= wf
                && ink.top() >= TOP * hf
                && ink.bottom() <= BOTTOM * hf,
            "{size:?}: {words} inside the image: {ink:?}"
        );
    }

    fn texts(svg: &str, card: &Card) -> Vec<(String, tiny_skia::Rect)> {
        pieces(svg, card)
            .into_iter()
            .map(|p| (p.words, p.ink))
            .collect()
    }

    /// A `<text>` as resvg reads it.
    struct Drawn {
        words: String,
        ink: tiny_skia::Rect,
        /// Where it starts (its `x`), its size, and whether it is right to left.
        x: f32,
        size: f32,
        rtl: bool,
    }

    fn pieces(svg: &str, card: &Card) -> Vec<Drawn> {
        let fonts = fonts_for(card);
        let options = usvg::Options {
            fontdb: Arc::new(fonts.database()),
            ..usvg::Options::default()
        };
        let tree = usvg::Tree::from_str(svg, &options).unwrap();
        let mut found = Vec::new();
        for node in tree.root().children() {
            if let usvg::Node::Text(text) = node {
                let chunk = &text.chunks()[0];
                let raw: String = text.chunks().iter().map(usvg::TextChunk::text).collect();
                found.push(Drawn {
                    words: raw.replace(['\u{200e}', '\u{200f}', '\u{202c}', '\u{202d}'], ""),
                    ink: text.flattened().abs_bounding_box(),
                    x: chunk.x().unwrap_or_default(),
                    size: chunk.spans()[0].font_size().get(),
                    rtl: raw.starts_with('\u{200f}'),
                });
            }
        }
        found
    }

    /// Anjali's lock screen: resvg 0.45 shaped Devanagari narrower than
    /// the layout measured it, dropping a vowel sign and the space
    /// ("डॉ राव" drawn as "डॉरव", names run together, marks colliding).
    /// Every piece of her words is drawn as wide as it was laid out.
    #[test]
    fn devanagari_is_drawn_as_wide_as_it_was_laid_out() {
        let mut plan = Plan::new("अंजलि".into(), Some("IN".into()));
        plan.crisis_steps
            .push(TextItem::new("सुनीता दीदी को फ़ोन करना"));
        for (id, name) in [("r", "डॉ राव"), ("p", "मेरी बेटी प्रिया")]
        {
            plan.contacts.push(Contact {
                id: id.into(),
                name: name.into(),
                phone: Some("98200 12345".into()),
                role: Role::Help,
                reachable: None,
            });
        }
        let card = screen_card(&plan, "IN");
        let made = lock_screen(&card, SIZE, Theme::Dark, &FontSearch::System).unwrap();
        let fonts = fonts_for(&card);
        let drawn = pieces(&made.svg, &card);
        for words in ["डॉ राव", "मेरी बेटी प्रिया", "सुनीता दीदी को फ़ोन करना"]
        {
            let piece = drawn
                .iter()
                .find(|p| p.words == words)
                .unwrap_or_else(|| panic!("{words} drawn whole"));
            // Laid out at the text's size, drawn at the face's own
            // (larger, for Devanagari: see `Face::scale`).
            let scale = fonts.face(fonts.runs(words, false)[0].0).scale;
            let laid_out = bidi::unit(
                &fonts,
                words,
                Style {
                    size: piece.size / scale,
                    bold: false,
                },
            )
            .width;
            let ink = piece.ink.width();
            assert!(
                ink > laid_out * 0.9 && ink < laid_out * 1.1,
                "{words}: drawn {ink} wide, laid out {laid_out}"
            );
        }
    }

    /// Priya's lock screen drew her Hindi a size smaller than the English
    /// beside it (the Devanagari face's headline well below the English
    /// capitals at the same point size). Measured from the ink resvg
    /// draws: her Hindi as high as English capitals, and Thai letters as
    /// high as small English letters, within 7 %.
    #[test]
    fn hindi_and_thai_are_drawn_as_large_as_the_english_beside_them() {
        let mut plan = Plan::new("Priya".into(), Some("IN".into()));
        for step in ["HELP — जब रात", "run now — นอน รอบ"] {
            plan.crisis_steps.push(TextItem::new(step));
        }
        let card = screen_card(&plan, "IN");
        let made = lock_screen(&card, SIZE, Theme::Dark, &FontSearch::System).unwrap();
        let drawn = pieces(&made.svg, &card);
        let ink = |words: &str| {
            drawn
                .iter()
                .find(|p| p.words.trim() == words)
                .unwrap_or_else(|| panic!("{words} drawn as one piece"))
                .ink
                .height()
        };
        for (latin, theirs) in [("HELP —", "जब रात"), ("run now —", "นอน รอบ")]
        {
            let ratio = ink(theirs) / ink(latin);
            assert!(
                (0.93..=1.07).contains(&ratio),
                "{theirs} is {} px high, {latin} {} px ({ratio:.2})",
                ink(theirs),
                ink(latin)
            );
        }
    }

    /// Layla's lock screen showed her sister's number "٠١٠٠ ١٢٣ ٤٥٦٧"
    /// as "٤٥٦٧ ١٢٣ ٠١٠٠" (left to right), in the Call row and in her
    /// step: resvg ran the bidi algorithm again on the left-to-right
    /// piece, and spaces between Arabic-Indic digits go right to left.
    /// Read back from where resvg put each glyph, left to right.
    #[test]
    fn arabic_indic_numbers_are_drawn_in_the_order_typed() {
        let mut plan = Plan::new("ليلى".into(), Some("EG".into()));
        plan.crisis_steps
            .push(TextItem::new("اتصل بمريم على ٠١٠٠ ١٢٣ ٤٥٦٧"));
        plan.contacts.push(Contact {
            id: "m".into(),
            name: "مريم".into(),
            phone: Some("+٢٠ ١٠٠ ١٢٣ ٤٥٦٧".into()),
            role: Role::Help,
            reachable: None,
        });
        let card = screen_card(&plan, "EG");
        let made = lock_screen(&card, SIZE, Theme::Dark, &FontSearch::System).unwrap();
        let fonts = fonts_for(&card);
        let options = usvg::Options {
            fontdb: Arc::new(fonts.database()),
            ..usvg::Options::default()
        };
        let tree = usvg::Tree::from_str(&made.svg, &options).unwrap();
        let mut numbers = Vec::new();
        for node in tree.root().children() {
            if let usvg::Node::Text(text) = node {
                let mut glyphs: Vec<(f32, String)> = text
                    .layouted()
                    .iter()
                    .flat_map(|span| span.positioned_glyphs.iter())
                    .map(|g| (g.transform().tx, g.text.clone()))
                    .collect();
                glyphs.sort_by(|a, b| a.0.total_cmp(&b.0));
                let seen: String = glyphs.into_iter().map(|(_, t)| t).collect();
                let seen: String = seen
                    .chars()
                    .filter(|c| !matches!(c, '\u{200e}' | '\u{200f}' | '\u{202c}' | '\u{202d}'))
                    .collect();
                if seen.contains('٤') {
                    numbers.push(seen.trim().to_string());
                }
            }
        }
        assert!(
            numbers.contains(&"٠١٠٠ ١٢٣ ٤٥٦٧".to_string()),
            "{numbers:?}"
        );
        assert!(
            numbers.contains(&"+٢٠ ١٠٠ ١٢٣ ٤٥٦٧".to_string()),
            "{numbers:?}"
        );
    }

    /// Niran's brother's number in Thai digits was left off his lock
    /// screen as "no phone number to call"; it dials, so it is drawn.
    #[test]
    fn a_number_in_thai_digits_is_on_the_lock_screen() {
        let mut plan = Plan::new("นิรันดร์".into(), Some("TH".into()));
        plan.crisis_steps.push(TextItem::new("โทรหาพี่ชาย"));
        plan.contacts.push(Contact {
            id: "p".into(),
            name: "พี่ชาย".into(),
            phone: Some("๐๘๑ ๒๓๔ ๕๖๗๘".into()),
            role: Role::Help,
            reachable: None,
        });
        let card = screen_card(&plan, "TH");
        assert!(card.shortened.is_empty(), "{:?}", card.shortened);
        let made = lock_screen(&card, SIZE, Theme::Dark, &FontSearch::System).unwrap();
        let found = texts(&made.svg, &card);
        assert!(
            found
                .iter()
                .any(|(words, _)| words.trim() == "๐๘๑ ๒๓๔ ๕๖๗๘"),
            "{found:?}"
        );
    }

    /// Niran's step, in Thai with no space between words, broke on his
    /// lock screen between letters and after a leading vowel ("เ" at a
    /// line's end). Each drawn line now ends between two words.
    #[test]
    fn thai_lines_end_between_words_on_the_lock_screen() {
        let sentence = "ผมสร้างไว้จากการเล่นพนันไม่ไล่ตามเงินที่เสียไปโทรหาพี่ชายแล้วใจเย็นลง";
        let mut plan = Plan::new("Niran".into(), Some("TH".into()));
        plan.crisis_steps.push(TextItem::new(sentence));
        let card = screen_card(&plan, "TH");
        let made = lock_screen(&card, SIZE, Theme::Dark, &FontSearch::System).unwrap();
        let thai: Vec<String> = texts(&made.svg, &card)
            .into_iter()
            .map(|(words, _)| words.trim().to_string())
            .filter(|words| words.chars().any(|c| ('\u{e01}'..='\u{e5b}').contains(&c)))
            .collect();
        assert!(thai.len() >= 2, "{thai:?}");
        assert_eq!(thai.concat(), sentence, "{thai:?}");
        let mut at = 0;
        for line in &thai[..thai.len() - 1] {
            assert!(!line.ends_with(['เ', 'แ', 'โ', 'ใ', 'ไ']), "{thai:?}");
            at += line.len();
            assert!(
                crate::breaks::opportunities(sentence).any(|(b, _)| b == at),
                "{line:?} ends inside a word: {thai:?}"
            );
        }
    }

    #[test]
    fn sizes_are_portrait_phone_screens() {
        assert_eq!(parse_size("1170x2532"), Ok((1170, 2532)));
        assert_eq!(parse_size(" 1080 × 2400 "), Ok((1080, 2400)));
        assert!(parse_size("2532x1170").unwrap_err().contains("upright"));
        assert!(parse_size("1170").is_err());
        assert!(parse_size("10x20").is_err());
        assert!(parse_size("99999x99999").is_err());
    }

    #[test]
    fn every_number_is_drawn_whole_in_the_cards_order_inside_the_safe_area() {
        let plan = world();
        let card = screen_card(&plan, "IN");
        let (w, h) = SIZE;
        let made = lock_screen(&card, SIZE, Theme::Dark, &FontSearch::System).unwrap();
        assert!(made.missing.is_empty(), "{:?}", made.missing);
        let found = texts(&made.svg, &card);
        // The people's numbers, then the emergency number, then the lines.
        let numbers = [
            "+20 10 1234 5678",
            "+91 98765 43210",
            "+86 138 0013 8000",
            "112",
            "14416",
        ];
        let mut at = 0;
        let mut seen = Vec::new();
        for (words, _) in &found {
            if numbers.contains(&words.trim()) {
                seen.push(words.trim());
            }
        }
        // Steps hold numbers too (drawn before the calls): the calls' come
        // last, in the card's order.
        assert!(seen.ends_with(&numbers), "{seen:?}");
        for number in numbers {
            let whole = found.iter().filter(|(t, _)| t.contains(number)).count();
            assert!(whole >= 1, "{number} is drawn whole: {found:?}");
            at += whole;
        }
        assert!(at >= numbers.len());
        // The Arabic step that names a number: the number is its own piece,
        // read left to right, and sits left of the words.
        let arabic = found.iter().find(|(t, _)| t.starts_with("اتصل")).unwrap();
        let number = found
            .iter()
            .find(|(t, r)| t.trim() == "+20 10 1234 5678" && (r.y() - arabic.1.y()).abs() < 30.0)
            .expect("the number on the Arabic step's line");
        assert!(number.1.right() < arabic.1.left(), "{number:?} {arabic:?}");
        // A right-to-left piece's last space sits at its left end, between
        // its words and the number: the renderer must not move it to the
        // right (its own bidi pass assumes left to right).
        let drawn = pieces(&made.svg, &card);
        let spaced: Vec<&Drawn> = drawn
            .iter()
            .filter(|d| d.rtl && d.words.ends_with(' '))
            .collect();
        assert!(!spaced.is_empty());
        for d in spaced {
            assert!(
                d.ink.left() - d.x > 0.15 * d.size,
                "{:?}: ink from {} but drawn from {}",
                d.words,
                d.ink.left(),
                d.x
            );
        }
        #[allow(clippy::cast_precision_loss)]
        let (wf, hf) = (w as f32, h as f32);
        let margin = MARGIN * wf / POINTS_WIDE;
        for (i, (words, ink)) in found.iter().enumerate() {
            assert!(
                ink.left() >= margin - 2.0 && ink.right() <= wf - margin + 2.0,
                "{words} inside the side margins: {ink:?}"
            );
            assert!(
                ink.top() >= TOP * hf && ink.bottom() <= BOTTOM * hf,
                "{words} clear of the clock and the buttons: {ink:?}"
            );
            // Pieces are drawn where they were measured: none overlaps another.
            for (other, theirs) in &found[i + 1..] {
                let overlap = ink
                    .intersect(theirs)
                    .is_some_and(|r| r.width() > 1.0 && r.height() > 1.0);
                assert!(!overlap, "{words:?} {ink:?} overlaps {other:?} {theirs:?}");
            }
        }
    }

    #[test]
    fn what_gives_way_is_said_and_the_first_step_and_numbers_stay() {
        let mut plan = Plan::new("Sam".into(), Some("GB".into()));
        for i in 1..=12 {
            plan.crisis_steps.push(TextItem::new(format!(
                "Step {i}: a long step that runs over two lines or more on a phone screen"
            )));
        }
        for (id, role) in [
            ("a", Role::Help),
            ("b", Role::Help),
            ("c", Role::Professional),
        ] {
            plan.contacts.push(Contact {
                id: id.into(),
                name: format!("Person {id}"),
                phone: Some(format!("+44 7700 90012{}", id.len())),
                role,
                reachable: None,
            });
        }
        plan.reasons.push(TextItem::new("Mia"));
        let card = screen_card(&plan, "GB");
        let made = lock_screen(&card, (1080, 2400), Theme::Light, &FontSearch::System).unwrap();
        let words: Vec<String> = texts(&made.svg, &card)
            .into_iter()
            .map(|(t, _)| t)
            .collect();
        let all = words.join("\n");
        for kept in ["Step 1:", "Person a", "999", "Samaritans", "116 123", MORE] {
            assert!(all.contains(kept), "{kept} stays:\n{all}");
        }
        assert!(!all.contains("Step 12"), "{all}");
        // Her reason, said once, as the reason it is (it was said as "a
        // reason" too, beside "left off: 1 reason", where the image had
        // none: Kavya).
        assert_eq!(
            made.moved.last().map(String::as_str),
            Some("left off: 1 reason (no room at a legible size)")
        );
        assert!(!all.contains("Mia"), "{all}");
        assert!(!made.moved.iter().any(|m| m.contains("a reason")));
        assert!(
            made.moved
                .iter()
                .any(|m| m == "left off: crisis step 12 (no room at a legible size)"),
            "{:?}",
            made.moved
        );
        assert!((SMALLEST..=LARGEST).contains(&made.size));
    }

    /// Kavya (Chennai, Tamil): her lock screen said her first reason was
    /// shortened, "left off: 1 reason" and "left off: a reason", and drew
    /// none; her colleague's name was cut to "(colleg…" where two lines
    /// held it. What is said is now what the image draws, both when her
    /// reason fits and when it does not.
    #[test]
    fn what_the_lock_screen_says_of_her_reasons_is_what_it_draws() {
        for steps in [2, 9] {
            let mut plan = Plan::new("காவ்யா".into(), Some("IN".into()));
            for i in 1..=steps {
                plan.crisis_steps.push(TextItem::new(format!(
                    "படி {i}: மெதுவாக மூச்சு விடு, நான்கு உள்ளே, ஆறு வெளியே, பத்து முறை"
                )));
            }
            plan.contacts.push(Contact {
                id: "meena".into(),
                name: "மீனா ராமச்சந்திரன் (colleague)".into(),
                phone: Some("+91 98765 43210".into()),
                role: Role::Help,
                reachable: None,
            });
            plan.reasons.push(TextItem::new("என் தம்பி அருண்"));
            plan.reasons.push(TextItem::new(
                "ஒரு நாள் கடலோரத்தில் என் சொந்த வீடு, அமைதியான காலை நேரங்கள், என் பூனையுடன் தேநீர், ஒவ்வொரு நாளும்",
            ));
            let card = screen_card(&plan, "IN");
            let made = lock_screen(&card, SIZE, Theme::Dark, &FontSearch::System).unwrap();
            let all: Vec<String> = texts(&made.svg, &card)
                .into_iter()
                .map(|(t, _)| t)
                .collect();
            let all = all.join("\n");
            let drawn = all.contains("அருண்");
            assert_eq!(drawn, steps == 2, "{steps} steps:\n{all}\n{:?}", made.moved);
            assert!(!all.contains("கடலோரத்தில்"), "one reason on a phone: {all}");
            let said: Vec<&str> = made
                .moved
                .iter()
                .map(String::as_str)
                .filter(|m| m.contains("reason") || m.contains("why it matters"))
                .collect();
            let expected = if drawn {
                "left off: reason 2"
            } else {
                "left off: 2 reasons (no room at a legible size)"
            };
            assert_eq!(said, [expected], "{steps} steps: {:?}", made.moved);
            // Her colleague's name whole where it fits, else said.
            let whole = all.contains("(colleague)");
            assert_eq!(
                !whole,
                made.moved
                    .contains(&"shortened: the name மீனா ராமச்சந்திரன் (colleague)".to_string()),
                "{steps} steps:\n{all}\n{:?}",
                made.moved
            );
            if steps == 2 {
                assert!(whole, "{all}");
            }
        }
    }

    #[test]
    fn a_very_long_number_goes_under_its_name_and_leaves_the_others_be() {
        let mut plan = Plan::new("Sam".into(), Some("US".into()));
        plan.crisis_steps.push(TextItem::new("Call Jo"));
        plan.contacts.push(Contact {
            id: "jo".into(),
            name: "Jo".into(),
            phone: Some("+1 555 010 0199 123 456".into()),
            role: Role::Help,
            reachable: None,
        });
        let card = screen_card(&plan, "US");
        let made = lock_screen(&card, SIZE, Theme::Dark, &FontSearch::System).unwrap();
        let found = texts(&made.svg, &card);
        let at = |words: &str| {
            found
                .iter()
                .find(|(t, _)| t.trim() == words)
                .unwrap_or_else(|| panic!("{words} drawn whole: {found:?}"))
                .1
        };
        let (jo, number) = (at("Jo"), at("+1 555 010 0199 123 456"));
        assert!(
            number.top() > jo.bottom(),
            "under its name: {jo:?} {number:?}"
        );
        // It does not narrow the other names: the crisis line's name runs
        // past the middle of the screen beside its number.
        let name = at("Suicide & Crisis");
        assert!(name.right() > 1170.0 * 0.45, "{found:?}");
        let beside = found
            .iter()
            .find(|(t, r)| t.trim() == "988" && r.left() > name.right());
        assert!(
            beside.is_some_and(|(_, r)| (r.bottom() - name.bottom()).abs() < 2.0),
            "{found:?}"
        );
    }

    /// Layla's plan (Cairo): her sister's number changed, and her first
    /// step still holds the old one.
    fn layla() -> Plan {
        let mut plan = Plan::new("ليلى".into(), Some("EG".into()));
        plan.crisis_steps
            .push(TextItem::new("اتصل بأختي مريم على ٠١٠٠ ١٢٣ ٤٥٦٧"));
        plan.crisis_steps.push(TextItem::new("اخرج وامش قليلا"));
        plan.contacts.push(Contact {
            id: "m".into(),
            name: "مريم".into(),
            phone: Some("+20 100 999 8888".into()),
            role: Role::Help,
            reachable: None,
        });
        plan
    }

    /// Layla's lock screen put the English mark "(the number here is not
    /// the one saved for …)" inside her Arabic step, on its lines, so her
    /// words and the mark ran into each other. The mark is drawn on lines
    /// of its own, under every line of her step and above the next step,
    /// left to right, and no line of her step holds a word of it.
    #[test]
    fn a_mark_under_an_arabic_step_is_a_line_of_its_own() {
        let plan = layla();
        let card = screen_card(&plan, "EG");
        let made = lock_screen(&card, SIZE, Theme::Dark, &FontSearch::System).unwrap();
        let found = texts(&made.svg, &card);
        let mark_words = ["(the", "saved", "here", "not the one"];
        let is_mark = |w: &str| mark_words.iter().any(|m| w.contains(m));
        let arabic = |w: &str| {
            ["اتصل", "بأختي", "على", "اخرج", "قليلا"]
                .iter()
                .any(|a| w.contains(a))
        };
        let marks: Vec<&tiny_skia::Rect> = found
            .iter()
            .filter(|(w, _)| is_mark(w))
            .map(|(_, r)| r)
            .collect();
        assert!(!marks.is_empty(), "the mark is drawn: {found:?}");
        let step_one: Vec<&tiny_skia::Rect> = found
            .iter()
            .filter(|(w, _)| {
                ["اتصل", "بأختي", "على", "٤٥٦٧", "check"]
                    .iter()
                    .any(|a| w.contains(a))
            })
            .map(|(_, r)| r)
            .collect();
        let step_two = found
            .iter()
            .find(|(w, _)| w.contains("اخرج"))
            .map(|(_, r)| r)
            .unwrap();
        for mark in &marks {
            for word in &step_one {
                assert!(
                    mark.top() > word.bottom() - 1.0,
                    "under her words: {found:?}"
                );
            }
            assert!(
                mark.bottom() < step_two.top() + 1.0,
                "above step 2: {found:?}"
            );
        }
        // Left to right, as English reads: its first line starts at the
        // left margin (run on in her step, it was aligned right).
        let start = found
            .iter()
            .find(|(w, _)| w.contains("(the"))
            .map(|(_, r)| r)
            .unwrap();
        #[allow(clippy::cast_precision_loss)]
        let margin = MARGIN * SIZE.0 as f32 / POINTS_WIDE;
        assert!(start.left() < margin + 10.0, "{start:?}: {found:?}");
        // No drawn piece holds both her words and the mark's.
        for (words, _) in &found {
            assert!(!(is_mark(words) && arabic(words)), "{words:?}");
        }
    }

    /// Layla's own emergency number (Egypt has none built in, so she set
    /// 123 in the walk-through) was drawn as small as a friend's number:
    /// the README promises the emergency number large, whichever way it
    /// came. It is drawn as large as a built-in one is (Ireland's 112).
    #[test]
    fn her_own_emergency_number_is_drawn_large() {
        let size_of = |plan: &Plan, country: &str, number: &str| {
            let card = screen_card(plan, country);
            let made = lock_screen(&card, SIZE, Theme::Dark, &FontSearch::System).unwrap();
            let drawn = pieces(&made.svg, &card);
            let body = drawn
                .iter()
                .find(|d| d.words.contains("اتصل"))
                .map(|d| d.size)
                .unwrap();
            let big = drawn
                .iter()
                .find(|d| d.words.trim() == number)
                .unwrap_or_else(|| panic!("{number} drawn whole"))
                .size;
            (big, body)
        };
        let mut plan = layla();
        plan.own_lines.emergency = Some("123".into());
        let (own, body) = size_of(&plan, "EG", "123");
        assert!(own > body * 1.8, "{own} against body text {body}");
        let mut irish = layla();
        irish.country = Some("IE".into());
        let (built_in, _) = size_of(&irish, "IE", "112");
        assert!((own - built_in).abs() < 0.5 * built_in, "{own} {built_in}");
    }

    /// Noa's plan (Jerusalem, self-harm): three crisis steps hold a number
    /// that has changed since, one in English beside a long name, two in
    /// Hebrew; each step's mark ran to two lines, and a later step and her
    /// reason were pushed off her lock screen.
    fn noa() -> Plan {
        let mut plan = Plan::new("נועה".into(), Some("IL".into()));
        for (id, name, old, now) in [
            (
                "s",
                "אחותי מיכל בן דוד-לוינסון",
                "052-555-1234",
                "054-777-8888",
            ),
            (
                "d",
                "Dr. Jonathan Abrahamson-Whitfield",
                "+972 2-555-6789",
                "+972 2-555-0000",
            ),
        ] {
            plan.contacts.push(Contact {
                id: id.into(),
                name: name.into(),
                phone: Some(now.into()),
                role: if id == "d" {
                    Role::Professional
                } else {
                    Role::Help
                },
                reachable: None,
            });
            plan.former_phones.push(crate::plan::FormerPhone {
                contact: id.into(),
                phone: old.into(),
            });
        }
        for step in [
            "להתקשר לאחותי מיכל בן דוד-לוינסון 052-555-1234",
            "Call Dr. Jonathan Abrahamson-Whitfield on +972 2-555-6789",
            "לשים את הסכינים אצל השכנה",
            "ללכת לחדר מיון בשערי צדק",
        ] {
            plan.crisis_steps.push(TextItem::new(step));
        }
        plan.reasons.push(TextItem::new("הילדים שלי, שצריכים אותי"));
        plan
    }

    /// Every step (its number and the numbers it holds), the numbers to
    /// call instead and her reason are drawn inside the image, clear of the
    /// clock and the buttons, at the lock screen's sizes: the marks give
    /// way to their fewest words first, and nothing is left off.
    #[test]
    fn long_marks_under_steps_never_push_a_step_or_her_reason_off_the_lock_screen() {
        let plan = noa();
        let card = screen_card(&plan, "IL");
        for size in [SIZE, (1080, 2400)] {
            let made = lock_screen(&card, size, Theme::Dark, &FontSearch::System).unwrap();
            let found = texts(&made.svg, &card);
            let inside = |words: &str| drawn_inside(&found, words, size);
            for words in [
                "1.",
                "2.",
                "3.",
                "4.",
                "052-555-1234",
                "+972 2-555-6789",
                "054-777-8888",
                "+972 2-555-0000",
                "הילדים שלי, שצריכים אותי",
            ] {
                inside(words);
            }
            let all: String = found.iter().map(|(t, _)| t.as_str()).collect();
            assert!(all.contains("ללכת לחדר מיון"), "{size:?}: {all}");
            assert!(all.contains("old number: call"), "{size:?}: {all}");
            assert!(
                !made.moved.iter().any(|m| m.starts_with("left off")),
                "{size:?}: {:?}",
                made.moved
            );
            assert!(
                made.moved
                    .contains(&"shortened: the note under crisis step 1".to_string()),
                "{size:?}: {:?}",
                made.moved
            );
        }
    }

    /// The edges fresh eyes tried (lock17a): no reasons, ten reasons, one
    /// very long reason in Arabic, a step with two numbers. Every step's
    /// marker and every number in her steps is drawn whole inside the
    /// text area, at both phone sizes; a reason, when she has one, too.
    #[test]
    fn every_step_and_number_stays_on_the_lock_screen_at_the_edges() {
        let long = "أريد أن أرى أطفالي يكبرون وأن أكون معهم في كل يوم من أيامهم، ".repeat(4);
        let ten: Vec<String> = (1..=10).map(|i| format!("سبب رقم {i}: أطفالي")).collect();
        for reasons in [vec![], ten, vec![long]] {
            let mut plan = Plan::new("ليلى".into(), Some("GB".into()));
            plan.contacts.push(Contact {
                id: "m".into(),
                name: "مريم".into(),
                phone: Some("+44 7700 900123".into()),
                role: Role::Help,
                reachable: None,
            });
            for step in [
                "اتصل بأختي مريم على +44 7700 900123 أو على +44 20 7946 0111",
                "Call the Samaritans on 116 123 or text Shout on 85258",
                "اخرج وامش قليلا",
            ] {
                plan.crisis_steps.push(TextItem::new(step));
            }
            for reason in &reasons {
                plan.reasons.push(TextItem::new(reason));
            }
            let card = screen_card(&plan, "GB");
            for size in [SIZE, (1080, 2400)] {
                let made = lock_screen(&card, size, Theme::Dark, &FontSearch::System).unwrap();
                let found = texts(&made.svg, &card);
                let wanted = [
                    "1.",
                    "2.",
                    "3.",
                    "+44 7700 900123",
                    "+44 20 7946 0111",
                    "116 123",
                    "85258",
                    "999",
                ];
                for words in wanted {
                    drawn_inside(&found, words, size);
                }
                if !reasons.is_empty() {
                    let reason = found
                        .iter()
                        .find(|(t, _)| t.contains("أطفالي"))
                        .unwrap_or_else(|| panic!("{size:?}: her reason: {found:?}"));
                    #[allow(clippy::cast_precision_loss)]
                    let hf = size.1 as f32;
                    assert!(reason.1.bottom() <= BOTTOM * hf, "{size:?}: {reason:?}");
                }
                assert!(
                    !made.moved.iter().any(|m| m.contains("crisis step")),
                    "{size:?}: {:?}",
                    made.moved
                );
            }
        }
    }

    /// Farida's lock screen (Karachi): ہ and ے, which `DejaVu Sans` lacks,
    /// were drawn alone from Noto Sans Arabic, so "گہری" showed as گ, a
    /// lone ہ, then ری. Each of her words is now one `<text>`, in one font.
    #[test]
    fn each_urdu_word_is_one_text_in_one_font_on_the_lock_screen() {
        let mut plan = Plan::new("فریدہ".into(), Some("PK".into()));
        for step in ["پرانے پیغامات نہ پڑھوں", "گہری سانس لوں"] {
            plan.crisis_steps.push(TextItem::new(step));
        }
        let card = screen_card(&plan, "PK");
        let made = lock_screen(&card, SIZE, Theme::Dark, &FontSearch::System).unwrap();
        let found = texts(&made.svg, &card);
        for word in ["پرانے", "پیغامات", "گہری", "سانس"] {
            let (_, ink) = found
                .iter()
                .find(|(t, _)| t.split_whitespace().any(|w| w == word))
                .unwrap_or_else(|| panic!("{word} drawn whole: {found:?}"));
            assert!(ink.width() > 0.0, "{word}");
        }
        for tag in made.svg.split("<text ").skip(1) {
            if tag.contains('ہ') || tag.contains('ے') {
                assert!(tag.contains("Noto Sans Arabic"), "{tag}");
            }
        }
    }

    /// Farida's steps that start with an English word ("Ammi کو فون کرو",
    /// call Ammi) were laid out left to right, from their first letter:
    /// on her lock screen "Ammi" sat at the left and her sentence read in
    /// the wrong order. Mostly Urdu, they read right to left: "Ammi" and
    /// "`WhatsApp`" rightmost, where she starts reading, and the number
    /// leftmost, as typed.
    #[test]
    fn an_urdu_step_that_starts_in_english_reads_from_the_right() {
        let mut plan = Plan::new("فریدہ".into(), Some("PK".into()));
        for step in [
            "Ammi کو فون کرو",
            "WhatsApp پر بہن کو میسج کرو 0300 1234567",
        ] {
            plan.crisis_steps.push(TextItem::new(step));
        }
        let card = screen_card(&plan, "PK");
        let made = lock_screen(&card, SIZE, Theme::Dark, &FontSearch::System).unwrap();
        let found = texts(&made.svg, &card);
        let ink = |word: &str| {
            found
                .iter()
                .find(|(t, _)| t.split_whitespace().any(|w| w == word))
                .unwrap_or_else(|| panic!("{word} drawn: {found:?}"))
                .1
        };
        for (first, then) in [("Ammi", "فون"), ("WhatsApp", "بہن")] {
            let (first, then) = (ink(first), ink(then));
            assert!(
                (first.top() - then.top()).abs() < first.height() && first.left() >= then.right(),
                "{first:?} is right of {then:?}"
            );
        }
        let number = found
            .iter()
            .find(|(t, _)| t.contains("0300 1234567"))
            .unwrap_or_else(|| panic!("the number drawn whole, as typed: {found:?}"));
        assert!(number.1.right() <= ink("بہن").left() || number.1.top() > ink("بہن").top());
    }
}
