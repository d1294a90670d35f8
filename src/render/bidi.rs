//! Lines of the person's words for the PDF, in any script and direction:
//! broken where Unicode allows (UAX #14) on the logical text, never inside
//! a phone number, then each line put in visual order with the Unicode
//! bidirectional algorithm (UAX #9). A phone number is wrapped in
//! left-to-right isolates first, so it is always one left-to-right unit
//! that reads exactly as typed, inside Arabic or Hebrew text too. Each
//! piece of a line is one font and one direction, for krilla to shape.

use std::ops::Range;

use crate::breaks::{BreakOpportunity, opportunities};
use unicode_bidi::{Level, ParagraphBidiInfo};

use super::fonts::Fonts;
use super::paragraph::numbers;

const LRI: char = '\u{2066}';
const PDI: char = '\u{2069}';
/// Left-to-right override and its end: every character between them is
/// drawn left to right, in the order typed.
const LRO: char = '\u{202d}';
const PDF: char = '\u{202c}';

/// One font, one direction, drawn left to right from its start.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    pub face: usize,
    pub text: String,
    pub rtl: bool,
    pub width: f32,
}

/// One line, its pieces in visual order (left to right).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Line {
    pub pieces: Vec<Piece>,
    pub width: f32,
}

impl Line {
    /// Whether the line carries marks that hang below the baseline further
    /// than Latin descenders (Arabic kasra and kasratan, Hebrew points,
    /// Devanagari's lower vowel signs): such a line needs more room under
    /// it, or its marks sit on the line below (on a phone number's digits).
    pub fn has_low_marks(&self) -> bool {
        self.pieces.iter().any(|p| {
            p.text.chars().any(|c| {
                matches!(c,
                    '\u{0591}'..='\u{05C7}'
                    | '\u{064B}'..='\u{065F}'
                    | '\u{0670}'
                    | '\u{06D6}'..='\u{06ED}'
                    | '\u{08D3}'..='\u{08FF}'
                    | '\u{0941}'..='\u{0944}'
                    | '\u{0962}'..='\u{0963}')
            })
        })
    }

    /// The line's text as it reads on paper, left to right (for tests).
    pub fn visual(&self) -> String {
        self.pieces
            .iter()
            .map(|p| {
                if p.rtl {
                    p.text.chars().rev().collect()
                } else {
                    p.text.clone()
                }
            })
            .collect()
    }
}

/// A paragraph's lines, and whether it reads right to left (then it is
/// aligned right and its list marker sits at the right end).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Paragraph {
    pub lines: Vec<Line>,
    pub rtl: bool,
}

/// Text style for a paragraph.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub size: f32,
    pub bold: bool,
}

/// The text with each phone number wrapped in LRI … PDI, and where the
/// numbers now are (each range from its LRI to past its PDI).
fn isolate_numbers(text: &str) -> (String, Vec<Range<usize>>) {
    let mut out = String::with_capacity(text.len() + 8);
    let mut ranges = Vec::new();
    let mut last = 0;
    for number in numbers(text) {
        out.push_str(&text[last..number.start]);
        let start = out.len();
        // Hours ("١٠-٥") are held whole, in the paragraph's own order.
        if !super::paragraph::held_in(text, number.clone()) {
            out.push_str(&text[number.clone()]);
            ranges.push(start..out.len());
            last = number.end;
            continue;
        }
        // The override inside the isolate: Arabic-Indic digits are
        // "Arabic numbers" to UAX #9, which turns the spaces between their
        // groups right to left (rule N1), so an isolate alone showed
        // "٠١٠٠ ١٢٣ ٤٥٦٧" as "٤٥٦٧ ١٢٣ ٠١٠٠" (Layla, Cairo).
        out.push(LRI);
        out.push(LRO);
        out.push_str(&text[number.clone()]);
        out.push(PDF);
        out.push(PDI);
        ranges.push(start..out.len());
        last = number.end;
    }
    out.push_str(&text[last..]);
    (out, ranges)
}

/// Whether `text` holds a right-to-left letter.
fn has_rtl(text: &str) -> bool {
    super::paragraph::has_rtl(text)
}

/// The width of a logical stretch of text, shaped a font run at a time.
fn measure(fonts: &Fonts, text: &str, style: Style) -> f32 {
    let rtl = has_rtl(text);
    fonts
        .runs(&strip_isolates(text), style.bold)
        .into_iter()
        .map(|(face, run)| fonts.width(face, run, rtl, style.size))
        .sum()
}

/// The text without the bidi controls (our isolates, and the marks that
/// set a title's direction): they order the line but draw nothing, and a
/// shaper would give them a space's glyph, which copies out wrongly.
fn strip_isolates(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'))
        .collect()
}

/// Breaks a word wider than a line (`range` of `text`) between characters:
/// pushes each full line, and returns where the last piece starts.
/// A number inside the word (`guarded`, as in "recovery 2024") is kept whole.
fn split_word(
    fonts: &Fonts,
    text: &str,
    (range, guarded): (Range<usize>, &[Range<usize>]),
    style: Style,
    width: f32,
    lines: &mut Vec<Range<usize>>,
) -> usize {
    let (end, cut) = (range.start, range.end);
    let segment = &text[range];
    let bounds: Vec<usize> = segment
        .char_indices()
        .skip(1)
        .map(|(i, _)| end + i)
        .filter(|&at| !guarded.iter().any(|r| at > r.start && at < r.end))
        .chain(std::iter::once(cut))
        .collect();
    let mut piece_start = end;
    let mut from = 0;
    // Each line the most characters that fit, found by halving
    // (a width only grows with more characters): a few
    // measures a line, where trying every character made a
    // long word quadratic (Trudy: 100,000 letters took minutes).
    while from < bounds.len() {
        // Only as far on as one line could reach: doubling
        // until a stretch is too wide, then halving inside it,
        // so each measure is of about a line, never the rest.
        let fits = |at: usize| measure(fonts, &text[piece_start..at], style) <= width;
        let mut reach = 1;
        while from + reach <= bounds.len() && fits(bounds[from + reach - 1]) {
            reach *= 2;
        }
        let rest = &bounds[from..bounds.len().min(from + reach)];
        let over = rest.partition_point(|&at| fits(at));
        if over == rest.len() {
            break;
        }
        // At least one character a line, however narrow.
        let take = over.max(1);
        let at = rest[take - 1];
        if at >= cut {
            break;
        }
        lines.push(piece_start..at);
        piece_start = at;
        from += take;
    }
    piece_start
}

/// Lays `text` out in lines no wider than `width` points. A phone number is
/// never split; a word wider than a whole line is (between characters).
pub fn lay_out(fonts: &Fonts, text: &str, style: Style, width: f32) -> Paragraph {
    let (text, guarded) = isolate_numbers(&super::direction::resolve_isolates(text.trim()));
    // Nor inside a short group in brackets ("林晓（室友）"), as on screen.
    let mut held = super::paragraph::held_groups(&text);
    // Nor inside the flag before a doubtful number: "(check" at the end
    // of one line of an Arabic step and "this number)" on the next read
    // as two things among her words (Layla's lock screen).
    held.extend(
        text.match_indices(super::NUMBER_DOUBT)
            .map(|(at, flag)| at..at + flag.len()),
    );
    let inside_number = |i: usize| {
        guarded
            .iter()
            .chain(&held)
            .any(|r| i > r.start && i < r.end)
    };
    // Segments: from one allowed break to the next.
    let mut cuts: Vec<usize> = opportunities(&text)
        .filter(|&(i, op)| op == BreakOpportunity::Mandatory || !inside_number(i))
        .map(|(i, _)| i)
        .collect();
    cuts.dedup();
    // A label keeps with what follows ("Call:" never ends a line with the
    // name on the next), as on screen, when the two fit on one line.
    let mut kept: Vec<usize> = Vec::with_capacity(cuts.len());
    let mut from = 0;
    for (i, &cut) in cuts.iter().enumerate() {
        if super::paragraph::ends_with_label(&text[from..cut])
            && let Some(&next) = cuts.get(i + 1)
            && measure(fonts, text[from..next].trim_end(), style) <= width
        {
            continue;
        }
        kept.push(cut);
        from = cut;
    }
    let cuts = kept;
    let mut lines: Vec<Range<usize>> = Vec::new();
    let (mut start, mut end) = (0, 0);
    let mut used = 0.0;
    for cut in cuts {
        let segment = &text[end..cut];
        let core = segment.trim_end();
        let core_w = measure(fonts, core, style);
        if end != start && used + core_w > width {
            lines.push(start..end);
            start = end;
            used = 0.0;
        }
        // A segment that starts a line goes on it, split if it is wider
        // than a line and not a number: first on the paragraph or not (a
        // pasted link after a word once ran across the next column, over
        // a crisis line's number: Trudy). A word that is a number alone is
        // never split; one that holds a number ("recovery_2024_and") is,
        // around it.
        if end == start
            && core_w > width
            && !guarded
                .iter()
                .any(|r| r.start <= end && r.end >= end + core.len())
        {
            let piece_start =
                split_word(fonts, &text, (end..cut, &guarded), style, width, &mut lines);
            start = piece_start;
            end = cut;
            used = measure(fonts, &text[start..cut], style);
            continue;
        }
        used += measure(fonts, segment, style);
        end = cut;
    }
    if end > start || lines.is_empty() {
        lines.push(start..end);
    }
    // The paragraph's direction by the one rule for paper (mostly
    // right-to-left letters read right to left), not UAX #9's first
    // strong letter: "Ammi کو فون کرو" is an Urdu sentence.
    let rtl = super::direction::reads_rtl(&text);
    let level = if rtl { Level::rtl() } else { Level::ltr() };
    let bidi = ParagraphBidiInfo::new(&text, Some(level));
    let count = lines.len();
    // A line keeps its trailing space (drawn, invisible) so the words stay
    // apart when the PDF's text is copied or read out; the last line none.
    let lines = lines
        .into_iter()
        .enumerate()
        .map(|(i, range)| {
            let words = text[range.clone()].trim_end();
            let end = if i + 1 < count && words.len() < range.len() {
                range.start
                    + words.len()
                    + text[range.start + words.len()..]
                        .chars()
                        .next()
                        .map_or(0, char::len_utf8)
            } else {
                range.start + words.len()
            };
            visual_line(fonts, &text, &bidi, range.start..end, style)
        })
        .collect();
    Paragraph { lines, rtl }
}

/// A line in visual order: the bidi runs left to right, each split by font
/// (in reverse for a right-to-left run, whose first letters sit rightmost).
fn visual_line(
    fonts: &Fonts,
    text: &str,
    bidi: &ParagraphBidiInfo<'_>,
    range: Range<usize>,
    style: Style,
) -> Line {
    let mut line = Line::default();
    if range.is_empty() {
        return line;
    }
    let (levels, runs) = bidi.visual_runs(range);
    for run in runs {
        let rtl = levels[run.start].is_rtl();
        let words = strip_isolates(&text[run]);
        let mut faces = fonts.runs(&words, style.bold);
        if rtl {
            faces.reverse();
        }
        for (face, piece) in faces {
            if piece.is_empty() {
                continue;
            }
            let width = fonts.width(face, piece, rtl, style.size);
            line.width += width;
            line.pieces.push(Piece {
                face,
                text: piece.to_string(),
                rtl,
                width,
            });
        }
    }
    line
}

/// One unbreakable left-to-right unit (a phone number): never wrapped,
/// never reordered.
pub fn unit(fonts: &Fonts, text: &str, style: Style) -> Line {
    let mut line = Line::default();
    for (face, piece) in fonts.runs(text.trim(), style.bold) {
        let width = fonts.width(face, piece, false, style.size);
        line.width += width;
        line.pieces.push(Piece {
            face,
            text: piece.to_string(),
            rtl: false,
            width,
        });
    }
    line
}

/// A list's number ("1.") for an item that reads right to left: one
/// right-to-left run, so its full stop sits on its left, between the
/// number and the words, as a browser draws it, while its text stays
/// "1." for copying and for screen readers.
pub fn rtl_marker(fonts: &Fonts, text: &str, style: Style) -> Line {
    let mut line = Line::default();
    let mut faces = fonts.runs(text.trim(), style.bold);
    faces.reverse();
    for (face, piece) in faces {
        let width = fonts.width(face, piece, true, style.size);
        line.width += width;
        line.pieces.push(Piece {
            face,
            text: piece.to_string(),
            rtl: true,
            width,
        });
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::fonts::FontSearch;

    fn fonts() -> Fonts {
        Fonts::for_texts(["x"], &FontSearch::Dirs(Vec::new())).unwrap()
    }

    const STYLE: Style = Style {
        size: 10.0,
        bold: false,
    };

    #[test]
    fn a_number_in_arabic_reads_as_typed() {
        let fonts = fonts();
        let para = lay_out(&fonts, "اتصل بأخي على +20 10 1234 5678", STYLE, 500.0);
        assert!(para.rtl);
        assert_eq!(para.lines.len(), 1);
        let seen = para.lines[0].visual();
        // On paper the number is leftmost, as typed; the Arabic reads from
        // the right: its first word is at the right end.
        assert!(seen.starts_with("+20 10 1234 5678"), "{seen:?}");
        assert!(seen.ends_with("لصتا"), "{seen:?}");
        let number = para.lines[0]
            .pieces
            .iter()
            .find(|p| p.text.contains("1234"))
            .unwrap();
        assert!(!number.rtl && number.text.contains("+20 10 1234 5678"));
    }

    /// Layla, in Cairo: her step "call Mariam on ٠١٠٠ ١٢٣ ٤٥٦٧" printed
    /// the groups of her sister's number in reverse order, on paper and on
    /// the lock screen: Arabic-Indic digits with spaces between them.
    #[test]
    fn an_arabic_indic_number_keeps_its_groups_in_order() {
        let fonts = fonts();
        for text in [
            "اتصل بمريم على ٠١٠٠ ١٢٣ ٤٥٦٧",
            "اتصل بالخط الساخن +٢٠ ١٠٠ ١٢٣ ٤٥٦٧ الآن",
            "Call Mariam on ٠١٠٠-١٢٣-٤٥٦٧",
        ] {
            let para = lay_out(&fonts, text, STYLE, 500.0);
            let seen = para.lines[0].visual();
            let number = &text[super::super::paragraph::numbers(text)[0].clone()];
            assert!(seen.contains(number), "{number:?} in {seen:?}");
        }
        let alone = unit(&fonts, "٠١٠٠ ١٢٣ ٤٥٦٧", STYLE);
        assert_eq!(alone.visual(), "٠١٠٠ ١٢٣ ٤٥٦٧");
    }

    #[test]
    fn a_hebrew_name_in_an_english_title_keeps_the_english_after_it() {
        let fonts = fonts();
        let name = "נוֹעָה לֵוִי";
        let title = format!("Crisis plan — {}", crate::render::Medium::Paper.name(name));
        let para = lay_out(&fonts, &title, STYLE, 500.0);
        // The title reads left to right, "Crisis plan — " first and the
        // name (right to left inside itself) after it, on its right.
        assert!(!para.rtl, "{para:?}");
        let seen = para.lines[0].visual();
        assert!(seen.starts_with("Crisis plan — "), "{seen:?}");
        let reversed: String = name.chars().rev().collect();
        assert!(seen.ends_with(&reversed), "{seen:?}");
    }

    #[test]
    fn arabic_inside_english_is_its_own_rtl_run() {
        let fonts = fonts();
        let para = lay_out(
            &fonts,
            "Call my brother كريم on +20 10 1234 5678",
            STYLE,
            500.0,
        );
        assert!(!para.rtl);
        let seen = para.lines[0].visual();
        // Visual order, left to right: the name's letters run right to left.
        assert_eq!(seen, "Call my brother ميرك on +20 10 1234 5678");
        assert!(
            para.lines[0]
                .pieces
                .iter()
                .any(|p| p.rtl && p.text == "كريم")
        );
    }

    #[test]
    fn a_number_is_never_split_across_lines() {
        let fonts = fonts();
        for width in [60.0, 80.0, 100.0, 140.0] {
            let para = lay_out(
                &fonts,
                "If nobody answers call +44 7700 900123 or 116 123 now",
                STYLE,
                width,
            );
            let lines: Vec<String> = para.lines.iter().map(Line::visual).collect();
            assert!(
                lines.iter().any(|l| l.contains("+44 7700 900123"))
                    && lines.iter().any(|l| l.contains("116 123")),
                "{width}: {lines:?}"
            );
        }
        let para = lay_out(
            &fonts,
            "اتصل بأخي على +20 10 1234 5678 الآن من فضلك",
            STYLE,
            90.0,
        );
        let lines: Vec<String> = para.lines.iter().map(Line::visual).collect();
        assert!(
            lines.iter().any(|l| l.contains("+20 10 1234 5678")),
            "{lines:?}"
        );
    }

    /// Issue 13: "Call:" never ends a line of the PDF with the name on the
    /// next, when the two fit on a line.
    #[test]
    fn a_label_keeps_with_what_follows() {
        let fonts = fonts();
        for width in [70.0, 90.0, 110.0, 130.0, 150.0] {
            let para = lay_out(
                &fonts,
                "What I'll do: Urge surfing; Call: Alex (sponsor); Call: Dr Patel",
                STYLE,
                width,
            );
            let lines: Vec<String> = para.lines.iter().map(Line::visual).collect();
            assert!(
                lines.iter().all(|l| !l.trim_end().ends_with(':')),
                "{width}: {lines:?}"
            );
        }
    }

    /// Layla's and Shirin's working hours ("١٠-٥", "10-5") were held left
    /// to right like a phone number, so in an Arabic line "١٠-٥" read
    /// "5-10" from the right. Hours keep the order UAX #9 gives them (on
    /// paper, left to right: "٥-١٠", which reads "١٠-٥" from the right),
    /// while a phone number in the same line is still as typed.
    #[test]
    fn hours_in_arabic_read_in_the_lines_order_and_numbers_as_typed() {
        let fonts = fonts();
        let para = lay_out(
            &fonts,
            "امش إلى الحديقة من ١٠-٥ ثم اتصل على ٠١٠٠ ١٢٣ ٤٥٦٧",
            STYLE,
            500.0,
        );
        let seen = para.lines[0].visual();
        assert!(seen.contains("٥-١٠"), "{seen:?}");
        assert!(seen.contains("٠١٠٠ ١٢٣ ٤٥٦٧"), "{seen:?}");
        // European digits after Arabic letters are Arabic numbers to
        // UAX #9 (rule W2): "10-5" reads from the right too.
        let latin = lay_out(&fonts, "من 10-5 يوميا", STYLE, 500.0);
        assert!(latin.lines[0].visual().contains("5-10"), "{latin:?}");
    }
}
