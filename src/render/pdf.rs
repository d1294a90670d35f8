//! Native PDF, made in-process with krilla and the `DejaVu Sans` font that
//! ships inside the binary: no system fonts, no network. Text stays real
//! text (copy, search, screen readers); characters the font cannot show
//! are reported by [`missing_glyphs`] rather than drawn as boxes unseen.

use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point};
use krilla::metadata::{DateTime, Metadata};
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke, StrokeDash};
use krilla::text::{Font, TextDirection};
use toml::value::Datetime;

use super::card::Card;
use super::printout::{Item, Paper, Printout};

/// Points per millimetre.
const MM: f32 = 72.0 / 25.4;
/// The printout's page margin.
const MARGIN: f32 = 12.0 * MM;

/// The two faces used, for drawing (krilla) and measuring (ttf-parser).
struct Fonts {
    regular: Font,
    bold: Font,
    regular_face: ttf_parser::Face<'static>,
    bold_face: ttf_parser::Face<'static>,
}

impl Fonts {
    fn load() -> Result<Fonts, String> {
        let (regular, bold) = (dejavu::sans::regular(), dejavu::sans::bold());
        let font = |data: &'static [u8]| {
            Font::new(data.to_vec().into(), 0).ok_or("the built-in font could not be read")
        };
        let face =
            |data: &'static [u8]| ttf_parser::Face::parse(data, 0).map_err(|e| e.to_string());
        Ok(Fonts {
            regular: font(regular)?,
            bold: font(bold)?,
            regular_face: face(regular)?,
            bold_face: face(bold)?,
        })
    }

    /// The width of `text` at `size` points.
    fn width(&self, text: &str, size: f32, bold: bool) -> f32 {
        let face = if bold {
            &self.bold_face
        } else {
            &self.regular_face
        };
        let units: u32 = text
            .chars()
            .map(|c| {
                face.glyph_index(c)
                    .and_then(|g| face.glyph_hor_advance(g))
                    .map_or(u32::from(face.units_per_em()) / 2, u32::from)
            })
            .sum();
        #[allow(clippy::cast_precision_loss)] // a line's width in font units is far below 2^24
        let units = units as f32;
        units * size / f32::from(face.units_per_em())
    }
}

/// Characters in `text` the built-in font has no glyph for.
pub fn missing_glyphs(text: &str) -> Vec<char> {
    let Ok(face) = ttf_parser::Face::parse(dejavu::sans::regular(), 0) else {
        return Vec::new();
    };
    let mut missing: Vec<char> = text
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control() && face.glyph_index(*c).is_none())
        .collect();
    missing.sort_unstable();
    missing.dedup();
    missing
}

/// One piece of text placed on a page.
struct Run {
    x: f32,
    baseline: f32,
    size: f32,
    bold: bool,
    text: String,
}

/// Breaks `text` into lines no wider than `width`, splitting words that
/// are wider than a line on their own.
fn wrap(fonts: &Fonts, text: &str, size: f32, bold: bool, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if fonts.width(&candidate, size, bold) <= width {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        let mut piece = String::new();
        for c in word.chars() {
            piece.push(c);
            if fonts.width(&piece, size, bold) > width {
                piece.pop();
                lines.push(std::mem::replace(&mut piece, c.to_string()));
            }
        }
        line = piece;
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

fn metadata(title: &str, date: Datetime) -> Metadata {
    let mut meta = Metadata::new()
        .title(title.to_string())
        .creator("relapse-plan".into())
        .language("en".into());
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

/// Places the printout's text on pages, top to bottom, breaking pages
/// where a line would cross the bottom margin.
fn layout(doc: &Printout, fonts: &Fonts, paper: Paper) -> Vec<Vec<Run>> {
    let (page_w, page_h) = paper.points();
    let margin = MARGIN;
    let width = page_w - 2.0 * margin;
    let bottom = page_h - margin - 12.0;
    // Sized so a typical plan fits one A4 or Letter page.
    let (body, heading, title) = (8.2_f32, 9.6_f32, 14.0_f32);
    let leading = 1.2;

    let mut pages: Vec<Vec<Run>> = vec![Vec::new()];
    let mut y = margin;
    let place = |pages: &mut Vec<Vec<Run>>,
                 y: &mut f32,
                 x: f32,
                 size: f32,
                 bold: bool,
                 text: String,
                 keep_with: f32| {
        let height = size * leading;
        if *y + height + keep_with > bottom {
            pages.push(Vec::new());
            *y = margin;
        }
        *y += height;
        if let Some(page) = pages.last_mut() {
            page.push(Run {
                x,
                baseline: *y - size * 0.28,
                size,
                bold,
                text,
            });
        }
    };
    place(
        &mut pages,
        &mut y,
        margin,
        title,
        true,
        doc.title.clone(),
        0.0,
    );
    place(
        &mut pages,
        &mut y,
        margin,
        7.5,
        false,
        super::printout::PRIVATE.to_string(),
        0.0,
    );
    for section in &doc.sections {
        y += 2.5;
        // Keep a heading with at least its first line.
        place(
            &mut pages,
            &mut y,
            margin,
            heading,
            true,
            section.title.clone(),
            body * leading,
        );
        for item in &section.items {
            let (marker, indent, text) = match item {
                Item::Bullet(t) => ("•".to_string(), 10.0, t.clone()),
                Item::Numbered(n, t) => (format!("{n}."), 12.0, t.clone()),
                Item::Sub(t) => (String::new(), 22.0, t.clone()),
                Item::Call { .. } => ("•".to_string(), 10.0, item.plain()),
            };
            let lines = wrap(fonts, &text, body, false, width - indent);
            for (i, line) in lines.into_iter().enumerate() {
                if i == 0 && !marker.is_empty() {
                    place(&mut pages, &mut y, margin, body, false, marker.clone(), 0.0);
                    y -= body * leading; // the text shares the marker's line
                }
                place(&mut pages, &mut y, margin + indent, body, false, line, 0.0);
            }
        }
    }

    pages
}

/// The full plan as a PDF: one page for a typical plan, more as needed,
/// nothing clipped. Each page carries the footer and its number.
pub fn printout(doc: &Printout, paper: Paper, saved: Datetime) -> Result<Vec<u8>, String> {
    let fonts = Fonts::load()?;
    let pages = layout(doc, &fonts, paper);
    let (page_w, page_h) = paper.points();
    let margin = MARGIN;
    let width = page_w - 2.0 * margin;
    let mut document = Document::new();
    document.set_metadata(metadata(&doc.title, saved));
    let count = pages.len();
    for (number, runs) in pages.into_iter().enumerate() {
        let settings = PageSettings::from_wh(page_w, page_h).ok_or("bad page size")?;
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        surface.set_fill(Some(grey(17)));
        for run in &runs {
            let font = if run.bold {
                fonts.bold.clone()
            } else {
                fonts.regular.clone()
            };
            surface.draw_text(
                Point::from_xy(run.x, run.baseline),
                font,
                run.size,
                &run.text,
                false,
                TextDirection::Auto,
            );
        }
        let footer = format!("{}   Page {} of {count}", doc.footer, number + 1);
        surface.set_fill(Some(grey(80)));
        let mut fy = page_h - margin + 4.0;
        for line in wrap(&fonts, &footer, 7.0, false, width) {
            surface.draw_text(
                Point::from_xy(margin, fy),
                fonts.regular.clone(),
                7.0,
                &line,
                false,
                TextDirection::Auto,
            );
            fy += 8.5;
        }
        surface.finish();
        page.finish();
    }
    document.finish().map_err(|e| format!("{e:?}"))
}

/// ISO ID-1 card size in points.
pub const CARD: (f32, f32) = (85.6 * MM, 54.0 * MM);

/// Cards as a PDF: the front and back of a card side by side (to cut out
/// and fold), four pairs a page, with cut marks.
pub fn cards(
    card: &Card,
    paper: Paper,
    copies: usize,
    title: &str,
    saved: Datetime,
) -> Result<Vec<u8>, String> {
    let fonts = Fonts::load()?;
    let (page_w, page_h) = paper.points();
    let (card_w, card_h) = CARD;
    let left = (page_w - 2.0 * card_w) / 2.0;
    let top = 18.0 * MM;
    let gap = 8.0 * MM;
    let mut document = Document::new();
    document.set_metadata(metadata(title, saved));
    let per_page = 4;
    let pages = copies.div_ceil(per_page).max(1);
    for page_index in 0..pages {
        let settings = PageSettings::from_wh(page_w, page_h).ok_or("bad page size")?;
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        let on_page = (copies - page_index * per_page).min(per_page);
        for row in 0..on_page {
            #[allow(clippy::cast_precision_loss)] // at most four rows
            let y = top + row as f32 * (card_h + gap);
            for (col, side) in [&card.front, &card.back].into_iter().enumerate() {
                #[allow(clippy::cast_precision_loss)]
                let x = left + col as f32 * card_w;
                draw_side(&mut surface, &fonts, side, x, y);
            }
            cut_marks(&mut surface, left, y, 2.0 * card_w, card_h);
        }
        surface.set_fill(Some(grey(80)));
        let note = format!(
            "Cut along the marks and fold in the middle. {}",
            super::printout::PRIVATE
        );
        surface.draw_text(
            Point::from_xy(left, page_h - 12.0 * MM),
            fonts.regular.clone(),
            8.0,
            &note,
            false,
            TextDirection::Auto,
        );
        surface.finish();
        page.finish();
    }
    document.finish().map_err(|e| format!("{e:?}"))
}

fn draw_side(
    surface: &mut krilla::surface::Surface,
    fonts: &Fonts,
    side: &[super::card::Line],
    x: f32,
    y: f32,
) {
    let pad = 2.6 * MM;
    let width = CARD.0 - 2.0 * pad;
    let mut baseline = y + pad;
    // As large as the side allows: a card read in a crisis should not squint.
    #[allow(clippy::cast_precision_loss)] // a side has at most a dozen lines
    let line_count = side.len() as f32;
    let base = ((CARD.1 - 2.0 * pad) / (line_count * 1.3 + 0.8)).clamp(6.0, 8.5);
    surface.set_fill(Some(grey(17)));
    for line in side {
        // Card lines are pre-shortened; shrink further only if a wide
        // script would still overflow.
        let mut font_size: f32 = if line.heading { base + 0.6 } else { base };
        while fonts.width(&line.text, font_size, line.heading) > width && font_size > 4.5 {
            font_size -= 0.2;
        }
        baseline += font_size * 1.22 + if line.heading { 1.2 } else { 0.0 };
        let font = if line.heading {
            fonts.bold.clone()
        } else {
            fonts.regular.clone()
        };
        surface.draw_text(
            Point::from_xy(x + pad, baseline),
            font,
            font_size,
            &line.text,
            false,
            TextDirection::Auto,
        );
    }
}

fn cut_marks(surface: &mut krilla::surface::Surface, x: f32, y: f32, w: f32, h: f32) {
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
