//! The plan and the card as one self-contained HTML file each: inline CSS,
//! no scripts, nothing fetched. On paper the plan leads with the crisis
//! steps and the emergency number, the rest in two columns, page numbers
//! in the page margin; on a phone it is one column of large text with
//! every number a `tel:` link (and `sms:` for people). Numbers never wrap
//! and are isolated left-to-right; the person's words carry an explicit
//! `dir` (see [`crate::render::direction`]) and no language claim they did
//! not make.

use std::collections::HashSet;
use std::fmt::Write as _;

use crate::render::card::{Card, Entry};
use crate::render::chart::plot;
use crate::render::direction::html_dir;
use crate::render::markdown::numbered_sub;
use crate::render::paragraph::{self, Flavor, digit_value, numbers};
use crate::render::printout::{
    Chart, Item, OWN_EMERGENCY, PRIVATE, Paper, Printout, Rank, Reach, Section,
};
use crate::render::text::{how_to_reach, shown_names, then_dial};

/// The page's fonts, before the generic ones: Latin, Greek, Cyrillic,
/// Hebrew and most Arabic in `DejaVu Sans` (as on the PDF), then a Noto
/// font for each script a phone or a computer commonly has. A line of her
/// words in no one language (`lang="und"`: "Feelings: வெறுமை, தனிமை", an
/// English label and Tamil words) has no language for Chromium to choose
/// a fallback font by, and its Tamil came out as boxes where the font
/// list named none for it. Chinese, Japanese and Korean are left to the
/// fallback their `lang` chooses: one CJK font named here would draw
/// Chinese text in Japanese letter forms, or the reverse.
const FONTS: &str = "\"DejaVu Sans\", \"Noto Sans\", \"Noto Sans Tamil\", \
\"Noto Sans Devanagari\", \"Noto Sans Bengali\", \"Noto Sans Telugu\", \
\"Noto Sans Kannada\", \"Noto Sans Malayalam\", \"Noto Sans Gujarati\", \
\"Noto Sans Gurmukhi\", \"Noto Sans Oriya\", \"Noto Sans Sinhala\", \
\"Noto Sans Ethiopic\", \"Noto Sans Thai\", \"Noto Sans Lao\", \"Noto Sans Khmer\", \
\"Noto Sans Myanmar\", \"Noto Sans Georgian\", \"Noto Sans Armenian\", \
\"Noto Sans Arabic\", \"Noto Sans Hebrew\"";

/// The person's words: their direction by the one rule for paper
/// ([`html_dir`]: mostly right-to-left letters read right to left; never
/// `dir="auto"`, whose first strong letter turned "Ammi کو فون کرو" left
/// to right), and their language only where their script says it plainly
/// ([`language_of`]); otherwise none claimed (the headings are English,
/// their words may not be), so a screen reader never reads Hindi with an
/// English voice. Where none is known, `und` (undetermined), never an
/// empty `lang=""`: in it Chromium drew some of Kavya's Tamil as boxes,
/// where `lang="ta"` found a font for the script; and none at all would
/// let her words inherit the page's own language ("en").
fn theirs(text: &str) -> String {
    format!(
        "dir=\"{}\" lang=\"{}\"",
        html_dir(text),
        language_of(text).unwrap_or("und")
    )
}

/// The language a run of the person's words is in, when one script that
/// only one language is written in makes up nearly all its letters (kana:
/// Japanese; Han alone: Chinese; Hangul: Korean; Devanagari: Hindi; Thai,
/// Greek, Hebrew; Tamil, Sinhala, Malayalam, Telugu, Kannada, Gujarati,
/// Gurmukhi: Punjabi, Khmer, Lao, Myanmar: Burmese, Georgian, Armenian).
/// Latin, Cyrillic and Arabic letters are written in many
/// languages, and mixed runs are no one language: none for them.
pub fn language_of(text: &str) -> Option<&'static str> {
    let (mut letters, mut kana, mut han, mut hangul) = (0_usize, 0, 0, 0);
    let mut others = [0_usize; 16];
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        match u32::from(c) {
            0x3040..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F => kana += 1,
            0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF => han += 1,
            0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF => hangul += 1,
            0x0900..=0x097F => others[0] += 1,
            0x0E00..=0x0E7F => others[1] += 1,
            0x0370..=0x03FF | 0x1F00..=0x1FFF => others[2] += 1,
            0x0590..=0x05FF => others[3] += 1,
            0x0B80..=0x0BFF => others[4] += 1,
            0x0D80..=0x0DFF => others[5] += 1,
            0x0D00..=0x0D7F => others[6] += 1,
            0x0C00..=0x0C7F => others[7] += 1,
            0x0C80..=0x0CFF => others[8] += 1,
            0x0A80..=0x0AFF => others[9] += 1,
            0x0A00..=0x0A7F => others[10] += 1,
            0x1780..=0x17FF => others[11] += 1,
            0x0E80..=0x0EFF => others[12] += 1,
            0x1000..=0x109F => others[13] += 1,
            0x10A0..=0x10FF => others[14] += 1,
            0x0530..=0x058F => others[15] += 1,
            _ => {}
        }
    }
    let most = |n: usize| letters > 0 && n * 5 >= letters * 4;
    if kana > 0 && most(kana + han) {
        return Some("ja");
    }
    if hangul > 0 && most(hangul + han) {
        return Some("ko");
    }
    if most(han) {
        // Traditional characters say so, so a browser draws them in the
        // Traditional style (Wei, Taipei: his words came out Simplified).
        return Some(if super::fonts::traditional_han(text) {
            "zh-Hant"
        } else {
            "zh"
        });
    }
    [
        "hi", "th", "el", "he", "ta", "si", "ml", "te", "kn", "gu", "pa", "km", "lo", "my", "ka",
        "hy",
    ]
    .into_iter()
    .zip(others)
    .find_map(|(language, n)| most(n).then_some(language))
}

/// A `tel:` (or `sms:`) address: the digits of `number` in ASCII, with
/// its leading `+`; none when the number does not dial exactly what it
/// shows (hidden characters, letters, look-alike digits), so a tap never
/// dials something other than what the person reads.
pub fn href(number: &str, reach: &Reach) -> Option<String> {
    let digits = crate::plan::phone::link_digits(number)?;
    Some(match reach {
        // One extension goes in the link, as RFC 3966 writes it; a tap
        // on the number alone reached the switchboard (Trudy). Groups
        // after pauses are said beside the number ([`then_dial`]).
        Reach::Call => match crate::plan::phone::after_answer(number).as_slice() {
            [extension] => format!("tel:{digits};ext={extension}"),
            _ => format!("tel:{digits}"),
        },
        Reach::Text { word: None } => format!("sms:{digits}"),
        Reach::Text { word: Some(word) } => {
            let mut body = String::new();
            for b in word.bytes() {
                if b.is_ascii_alphanumeric() {
                    body.push(char::from(b));
                } else {
                    let _ = write!(body, "%{b:02X}");
                }
            }
            format!("sms:{digits}?body={body}")
        }
    })
}

fn digits_of(text: &str) -> String {
    text.chars()
        .filter_map(digit_value)
        .filter_map(|d| char::from_digit(d, 10))
        .collect()
}

/// Whether a number found in the person's words is one to dial: one the
/// plan lists, an international one, or one long enough to be a phone
/// number and not a date or a time.
fn dialable(found: &str, known: &HashSet<String>) -> bool {
    let digits = digits_of(found);
    if known.contains(&digits) {
        return true;
    }
    let date = found.len() >= 10
        && found.as_bytes().get(4) == Some(&b'-')
        && found.as_bytes().get(7) == Some(&b'-');
    // A leading + is no proof: a time zone (`+0330`) has one too, and no
    // international number is shorter than seven digits.
    digits.len() >= 7 && !found.contains(':') && !date
}

/// The person's words as HTML: escaped, numbers kept whole and
/// left-to-right, dialable ones linked.
fn words(text: &str, known: &HashSet<String>) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut at = 0;
    for (open, close) in first_strong_isolates(text) {
        out.push_str(&marked(&text[at..open], Some(known)));
        let inner = &text[open + 3..close];
        let _ = write!(
            out,
            "<bdi dir=\"{}\">{}</bdi>",
            html_dir(inner),
            marked(inner, Some(known))
        );
        at = close + 3;
    }
    out.push_str(&marked(&text[at..], Some(known)));
    out
}

/// Where her words sit in first-strong isolates (FSI … PDI, put around
/// them on paper by `Medium::name`): the byte offsets of each outermost
/// FSI and its PDI. The HTML holds them as `<bdi>`, which orders them the
/// same with no invisible characters in what is copied from the page:
/// Noa's "3 כוסות" after "Thoughts:" copied out of Chromium with them.
fn first_strong_isolates(text: &str) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut open: Option<usize> = None;
    let mut depth = 0_usize;
    for (i, c) in text.char_indices() {
        match c {
            '\u{2068}' if depth == 0 => {
                open = Some(i);
                depth = 1;
            }
            '\u{2066}'..='\u{2068}' if depth > 0 => depth += 1,
            '\u{2069}' if depth > 0 => {
                depth -= 1;
                if depth == 0
                    && let Some(start) = open.take()
                {
                    found.push((start, i));
                }
            }
            _ => {}
        }
    }
    found
}

/// The footer's words (name, revision, when it was saved, a time zone's
/// offset) as HTML with no links: nothing in it is a number to call.
fn words_unlinked(text: &str) -> String {
    marked(text, None)
}

/// Escapes `text` and keeps each number whole and left-to-right; with
/// `links`, a dialable one (see [`dialable`]) becomes a `tel:` link.
fn marked(text: &str, links: Option<&HashSet<String>>) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut at = 0;
    for range in numbers(text) {
        out.push_str(&html(&text[at..range.start]));
        let found = &text[range.clone()];
        // A number flagged as held among hidden characters is never a
        // link: a tap must not dial what the person may have read
        // differently.
        let doubted = text[..range.start]
            .trim_end()
            .trim_end_matches('\u{2069}')
            .ends_with(super::NUMBER_DOUBT)
            // A `+` just after the digits: a number turned around by an
            // override ("1234 555 12 46+" reads +64 21 555 4321) would
            // dial backwards (Trudy).
            || text[range.end..].starts_with(['+', '\u{ff0b}']);
        let link = links
            .filter(|known| !doubted && dialable(found, known))
            .and_then(|_| href(found, &Reach::Call));
        if link.is_none() && !super::paragraph::held_in(text, range.clone()) {
            // Hours ("١٠-٥"): whole, in the paragraph's own order.
            let _ = write!(
                out,
                "<span style=\"white-space: nowrap\">{}</span>",
                html(found)
            );
        } else if let Some(link) = link {
            let _ = write!(
                out,
                "<a class=\"num\" dir=\"ltr\" href=\"{}\">{}</a>",
                html(&link),
                html(found)
            );
        } else {
            let _ = write!(
                out,
                "<span class=\"num\" dir=\"ltr\">{}</span>",
                html(found)
            );
        }
        at = range.end;
    }
    out.push_str(&html(&text[at..]));
    out
}

fn known_numbers(doc: &Printout) -> HashSet<String> {
    doc.sections
        .iter()
        .flat_map(|s| &s.items)
        .filter_map(|i| match i {
            Item::Call { number, .. } => Some(digits_of(number)),
            _ => None,
        })
        .collect()
}

fn section_class(rank: Rank) -> String {
    match rank {
        Rank::Crisis => "crisis".into(),
        Rank::Emergency => "emergency".into(),
        Rank::Stage(n) => format!("stage stage-{n}"),
        Rank::Reference => "reference".into(),
    }
}

/// A number, shown as `shown`: a link when it dials exactly what it
/// shows, plain text (kept whole and left to right) when it does not.
fn number_html(number: &str, reach: &Reach, shown: &str) -> String {
    let mut out = match href(number, reach) {
        Some(link) => format!(
            "<a class=\"num\" dir=\"ltr\" href=\"{}\">{}</a>",
            html(&link),
            html(shown)
        ),
        None => format!("<span class=\"num\" dir=\"ltr\">{}</span>", html(shown)),
    };
    if let Some(then) = then_dial(number, reach) {
        let _ = write!(out, " <span class=\"then\">{}</span>", html(&then));
    }
    out
}

/// One call: the name, the number as a link, a text link for people, a
/// note.
fn call(item: &Item, name: &str, section: &Section) -> String {
    let Item::Call {
        who,
        number,
        reach,
        note,
    } = item
    else {
        return String::new();
    };
    // Her own emergency number: the box's heading stands for the hidden
    // "Emergency", so its mark goes beside the number, seen and read aloud
    // (Mulu, Addis Ababa: her 907 looked checked).
    let note = if section.rank == Rank::Emergency && who == OWN_EMERGENCY {
        Some(super::printout::own_note(note.as_deref()))
    } else {
        note.clone()
    };
    let who = if name.is_empty() {
        "<span class=\"who or\">or</span>".to_string()
    } else {
        format!("<span class=\"who\" {}>{}</span>", theirs(name), html(name))
    };
    let shown = how_to_reach(number, reach);
    let mut out = format!(
        "<li class=\"call\">{who} <span class=\"reach\">{}",
        number_html(number, reach, &shown)
    );
    // People can be texted too; a crisis line lists its own text number.
    let person = matches!(section.rank, Rank::Stage(3 | 4));
    if let Some(sms) =
        href(number, &Reach::Text { word: None }).filter(|_| person && *reach == Reach::Call)
    {
        let _ = write!(out, " <a class=\"sms\" href=\"{}\">text</a>", html(&sms));
    }
    out.push_str("</span>");
    if let Some(note) = &note {
        let _ = write!(
            out,
            " <span class=\"note\" {}>{}</span>",
            theirs(note),
            html(note)
        );
    }
    out.push_str("</li>");
    out
}

fn section_html(body: &mut String, section: &Section, known: &HashSet<String>) {
    let _ = write!(
        body,
        "<section class=\"{}\"><h2>",
        section_class(section.rank)
    );
    if let Some(n) = section.number {
        let _ = write!(body, "<span class=\"stage-n\">{n}</span> ");
    }
    let _ = write!(body, "{}</h2>", html(&section.title));
    let names = shown_names(&section.items);
    let numbered = section
        .items
        .iter()
        .any(|i| matches!(i, Item::Numbered(..)));
    let calls = section.items.iter().any(|i| matches!(i, Item::Call { .. }));
    let (open, close) = match (numbered, calls) {
        (true, _) => ("<ol role=\"list\">", "</ol>"),
        (false, true) => ("<ul class=\"calls\" role=\"list\">", "</ul>"),
        (false, false) => ("<ul role=\"list\">", "</ul>"),
    };
    if !section.items.is_empty() {
        body.push_str(open);
    }
    // Sub-items nest under the item before them: a coping strategy's steps
    // as an ordered list, a trigger's thoughts and response as a list.
    let mut nested: Option<&str> = None;
    let mut item_open = false;
    let close_nested = |body: &mut String, nested: &mut Option<&str>| {
        if let Some(tag) = nested.take() {
            let _ = write!(body, "</{tag}>");
        }
    };
    for (item, name) in section.items.iter().zip(names) {
        if let Item::Sub(text) = item {
            let (tag, text, value) = match numbered_sub(text) {
                Some((n, rest)) => ("ol", rest, Some(n)),
                None => ("ul", text.as_str(), None),
            };
            if nested != Some(tag) {
                close_nested(body, &mut nested);
                if !item_open {
                    body.push_str("<li class=\"bare\">");
                    item_open = true;
                }
                let _ = write!(body, "<{tag} role=\"list\">");
                nested = Some(tag);
            }
            match value {
                Some(n) => {
                    let _ = write!(
                        body,
                        "<li value=\"{n}\" {}>{}</li>",
                        theirs(text),
                        words(text, known)
                    );
                }
                None => {
                    let _ = write!(body, "<li {}>{}</li>", theirs(text), words(text, known));
                }
            }
            continue;
        }
        close_nested(body, &mut nested);
        if item_open {
            body.push_str("</li>");
        }
        item_open = false;
        match item {
            Item::Bullet(text) => {
                let _ = write!(body, "<li {}>{}", theirs(text), words(text, known));
                item_open = true;
            }
            Item::Numbered(n, text) => {
                let _ = write!(
                    body,
                    "<li value=\"{n}\" {}>{}",
                    theirs(text),
                    words(text, known)
                );
                item_open = true;
            }
            Item::Call { .. } => body.push_str(&call(item, name, section)),
            Item::Chart(chart) => {
                let _ = write!(body, "<li class=\"bare\">{}", figure(chart));
                item_open = true;
            }
            Item::Sub(_) => {}
        }
    }
    close_nested(body, &mut nested);
    if item_open {
        body.push_str("</li>");
    }
    if !section.items.is_empty() {
        body.push_str(close);
    }
    for _ in 0..section.blank_lines {
        body.push_str("<div class=\"ruled\"></div>");
    }
    body.push_str("</section>\n");
}

impl Printout {
    /// One self-contained HTML file: inline CSS, no scripts, nothing
    /// fetched; print CSS sized for the paper.
    /// `lang` is the person's language (from their locale); left out when
    /// unknown rather than claiming English for words that may not be.
    pub fn to_html(&self, paper: Paper, lang: Option<&str>) -> String {
        let known = known_numbers(self);
        let mut body = String::new();
        let _ = writeln!(
            body,
            "<header><h1>{}</h1><p class=\"private\">{PRIVATE}</p></header>",
            html(&self.title)
        );
        // The crisis steps and the emergency number lead, side by side on
        // paper; the stages and the rest flow in columns after them.
        let (lead, rest): (Vec<&Section>, Vec<&Section>) = self
            .sections
            .iter()
            .partition(|s| matches!(s.rank, Rank::Crisis | Rank::Emergency));
        if !lead.is_empty() {
            body.push_str("<div class=\"lead\">\n");
            for section in lead {
                section_html(&mut body, section, &known);
            }
            body.push_str("</div>\n");
        }
        body.push_str("<div class=\"flow\">\n");
        for section in rest {
            section_html(&mut body, section, &known);
        }
        body.push_str("</div>\n");
        let _ = write!(body, "<footer>{}</footer>", words_unlinked(&self.footer));
        format!(
            "<!DOCTYPE html>\n<html{}>\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"color-scheme\" content=\"light dark\">\n<title>{}</title>\n<style>\n{}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n",
            lang_attribute(lang),
            html(&self.title),
            stylesheet(paper)
                + if self
                    .sections
                    .iter()
                    .any(|s| s.items.iter().any(|i| matches!(i, Item::Chart(_))))
                {
                    TRENDS_CSS
                } else {
                    ""
                }
        )
    }
}

/// The card's inner size in points (85.6 × 54 mm less 2.6 mm padding).
const CARD_INNER: (f32, f32) = (227.9, 138.3);
/// Nothing on the card is smaller than this (points).
const CARD_MIN: f32 = 8.0;
/// A generous average advance of one display column, in ems: wider than
/// those of `DejaVu Sans` and Noto, so an estimate that fits does fit.
const COLUMN_EM: f32 = 0.64;
const CARD_LEADING: f32 = 1.25;

/// How many lines `text` takes at `size` points in `width` points.
#[allow(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    clippy::cast_precision_loss
)]
fn card_lines(text: &str, size: f32, width: f32) -> f32 {
    let columns = (width / (size * COLUMN_EM)).floor().max(1.0) as usize;
    paragraph::lines(text, columns, "", "", Flavor::Text).len() as f32
}

/// The height of one side's entries at `size` points.
fn card_height(entries: &[Entry], size: f32) -> f32 {
    let line = size * CARD_LEADING;
    let (width, _) = CARD_INNER;
    entries
        .iter()
        .enumerate()
        .map(|(i, entry)| match entry {
            Entry::Heading(text) => {
                let gap = if i == 0 { 0.0 } else { size * 0.3 };
                gap + card_lines(text, size * 1.05, width) * line * 1.05
            }
            Entry::Step(_, text, marks) => {
                let small = CARD_MIN.max(size * 0.9);
                card_lines(text, size, width - size * 2.0) * line
                    + marks
                        .iter()
                        .map(|mark| {
                            card_lines(mark, small, width - size * 2.0) * small * CARD_LEADING
                        })
                        .sum::<f32>()
            }
            Entry::Text(text) => card_lines(text, size, width - size) * line,
            Entry::Note(text) => {
                let small = CARD_MIN.max(size * 0.9);
                card_lines(text, small, width) * small * CARD_LEADING
            }
            Entry::Call { .. } => line,
        })
        .sum()
}

/// One side laid out for HTML: its entries and its type size, the largest
/// from 10 pt down to 8 pt at which it fits; entries the card can spare
/// move to "more in your full plan" when even 8 pt does not.
fn fit_side(side: &[Entry], moved: &mut Vec<String>) -> (Vec<Entry>, f32) {
    let mut entries = side.to_vec();
    loop {
        let mut points = 10.0;
        while points >= CARD_MIN {
            if card_height(&entries, points) <= CARD_INNER.1 {
                return (entries, points);
            }
            points -= 0.5;
        }
        let Some(at) = entries.iter().rposition(Entry::can_move) else {
            return (entries, CARD_MIN);
        };
        moved.push(entries.remove(at).describe());
        let note = super::card::MORE.to_string();
        if !entries
            .iter()
            .any(|e| matches!(e, Entry::Note(n) if *n == note))
        {
            let stamp = entries.iter().rposition(|e| matches!(e, Entry::Note(_)));
            entries.insert(stamp.unwrap_or(entries.len()), Entry::Note(note));
        }
    }
}

impl Card {
    /// Both sides fitted for HTML, and what had to move off the card.
    fn fitted(&self) -> ([(Vec<Entry>, f32); 2], Vec<String>) {
        let mut moved = Vec::new();
        let front = fit_side(&self.front, &mut moved);
        let back = fit_side(&self.back, &mut moved);
        ([front, back], moved)
    }

    /// What the HTML card could not hold at a legible size.
    pub fn html_moved(&self) -> Vec<String> {
        self.fitted().1
    }

    /// The card with the room left filled ([`Card::filled`]) as the HTML
    /// card measures it, and what was left off: the HTML, text and
    /// Markdown cards hold the same.
    pub fn filled_by_estimate(&self) -> (Card, Vec<String>) {
        self.filled(|_, entries| {
            let mut points = 10.0;
            while points >= CARD_MIN {
                if card_height(entries, points) <= CARD_INNER.1 {
                    return Some(points);
                }
                points -= 0.5;
            }
            None
        })
    }

    /// The card as one HTML file: both sides at their real size, side by
    /// side, to cut out and fold; nothing smaller than 8 pt, numbers whole,
    /// bold, left-to-right and dialable.
    /// `lang` as for the printout: the person's language, or none.
    pub fn to_html(&self, lang: Option<&str>) -> String {
        let (sides, _) = self.fitted();
        let mut body = String::new();
        for ((entries, size), class) in sides.iter().zip(["front", "back"]) {
            let _ = write!(
                body,
                "<div class=\"card {class}\" style=\"font-size: {size}pt\">"
            );
            let mut list = false;
            for entry in entries {
                let step = matches!(entry, Entry::Step(..));
                if step && !list {
                    body.push_str("<ol role=\"list\">");
                } else if !step && list {
                    body.push_str("</ol>");
                }
                list = step;
                let none = HashSet::new();
                match entry {
                    Entry::Heading(text) => {
                        let _ = write!(body, "<h2>{}</h2>", words(text, &none));
                    }
                    Entry::Step(n, text, marks) => {
                        // Each mark a block of its own under her words, in
                        // its own direction (its `dir` also keeps it out of
                        // the step's own direction).
                        let mut marks_html = String::new();
                        for mark in marks {
                            let _ = write!(
                                marks_html,
                                "<span class=\"mark\" dir=\"{}\">{}</span>",
                                html_dir(mark),
                                words(mark, &none)
                            );
                        }
                        let _ = write!(
                            body,
                            "<li value=\"{n}\" {}>{}{marks_html}</li>",
                            theirs(text),
                            words(text, &none)
                        );
                    }
                    Entry::Call {
                        who, number, reach, ..
                    } => {
                        let who = match reach {
                            Reach::Call => who.clone(),
                            Reach::Text { word: Some(w) } => {
                                super::name_then(who, ", ", &format!("text {w} to"))
                            }
                            Reach::Text { word: None } => super::name_then(who, ", ", "by text"),
                        };
                        let _ = write!(
                            body,
                            "<p class=\"call\"><span class=\"who\" {}>{}</span> {}</p>",
                            theirs(&who),
                            html(&who),
                            number_html(number, reach, number)
                        );
                    }
                    Entry::Text(text) => {
                        let _ = write!(body, "<p {}>{}</p>", theirs(text), words(text, &none));
                    }
                    Entry::Note(text) => {
                        let _ = write!(body, "<p class=\"small\">{}</p>", words(text, &none));
                    }
                }
            }
            if list {
                body.push_str("</ol>");
            }
            body.push_str("</div>");
        }
        format!(
            "<!DOCTYPE html>\n<html{}>\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>\n\
@page {{ size: A4; margin: 12mm; }}\n\
body {{ font-family: {FONTS}, sans-serif; margin: 12mm; color: #000; background: #fff; }}\n\
@media print {{ body {{ margin: 0; }} }}\n\
.pair {{ display: flex; flex-wrap: wrap; gap: 0; }}\n\
.card {{ width: 85.6mm; height: 54mm; overflow: hidden; border: 0.2mm dashed #777; padding: 2.6mm; box-sizing: border-box; line-height: {CARD_LEADING}; }}\n\
.card h2 {{ font-size: 1.05em; margin: 0.3em 0 0; }}\n\
.card h2:first-child {{ margin-top: 0; }}\n\
.card p, .card ol {{ margin: 0; }}\n\
.card ol {{ padding: 0; list-style: none; }}\n\
.card li {{ position: relative; padding-inline-start: 2em; }}\n\
.card li::before {{ content: counter(list-item) \".\"; position: absolute; inset-inline-start: 0; width: 1.7em; text-align: end; font-weight: bold; }}\n\
.card .mark {{ display: block; font-size: 0.9em; color: #555; }}\n\
.card .call {{ display: flex; gap: 0.6em; justify-content: space-between; white-space: nowrap; }}\n\
.card .who {{ overflow: hidden; text-overflow: ellipsis; }}\n\
.card .num {{ flex: none; }}\n\
.num {{ white-space: nowrap; unicode-bidi: isolate-override; direction: ltr; color: inherit; text-decoration: none; }}\n\
a.num {{ font-weight: bold; }}\n\
.card .small {{ font-size: max({CARD_MIN}pt, 0.9em); color: #333; }}\n\
.note {{ font-size: 9pt; color: #444; }}\n\
</style>\n</head>\n<body>\n<div class=\"pair\">{body}</div>\n<p class=\"note\">Cut along the dashed line and fold in the middle. {PRIVATE}</p>\n</body>\n</html>\n",
            lang_attribute(lang),
            html(&self.title)
        )
    }
}

/// Paper and screen. Print: the paper's size, page numbers in the bottom
/// margin, the lead block side by side, two columns after it. Screen: one
/// readable column; large type and large tap targets on a phone; a dark
/// scheme when the phone asks for one. A number (`.num`) is overridden
/// left to right, not only isolated: the spaces between Arabic-Indic
/// digits go right to left under UAX #9, and "٠١٠٠ ١٢٣ ٤٥٦٧" showed its
/// groups in reverse (Layla, Cairo).
fn stylesheet(paper: Paper) -> String {
    format!(
        r#"@page {{ size: {paper}; margin: 12mm 12mm 14mm; @bottom-right {{ content: "Page " counter(page) " of " counter(pages); font: 8pt "DejaVu Sans", "Noto Sans", sans-serif; color: #444; }} }}
:root {{ color-scheme: light dark; --ink: #111; --soft: #444; --line: #999; --paper: #fff; --alarm: #a00000; --alarm-bg: #fdecec; --lead-bg: #f2f4f7; --link: #0645ad; }}
@media screen and (prefers-color-scheme: dark) {{
  :root {{ --ink: #eee; --soft: #bbb; --line: #666; --paper: #151515; --alarm: #ff9a9a; --alarm-bg: #3a1414; --lead-bg: #20242a; --link: #9cc3ff; }}
}}
* {{ box-sizing: border-box; }}
html {{ -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }}
:lang(ko) {{ word-break: keep-all; }}
body {{ font-family: {FONTS}, system-ui, sans-serif; font-size: 17px; line-height: 1.4; color: var(--ink); background: var(--paper); max-width: 46em; margin: 0 auto; padding: 0.8em 1em 2em; overflow-wrap: break-word; }}
h1 {{ font-size: 1.5em; line-height: 1.2; margin: 0 0 0.1em; }}
h2 {{ font-size: 1.05em; margin: 1em 0 0.25em; padding-bottom: 0.1em; border-bottom: 1px solid var(--line); break-after: avoid; }}
.private {{ font-size: 0.8em; color: var(--soft); margin: 0; }}
a {{ color: var(--link); }}
/* Markers drawn in CSS sit at the start of each item's own direction; role="list" keeps the list a list to screen readers that drop it with list-style: none. */
ul, ol {{ margin: 0.15em 0; padding: 0; list-style: none; }}
li {{ position: relative; margin: 0.15em 0; padding-inline-start: 1.3em; }}
ul > li::before {{ content: "•"; position: absolute; inset-inline-start: 0.3em; }}
ol > li::before {{ content: counter(list-item) "."; position: absolute; inset-inline-start: 0; width: 1.9em; text-align: end; font-variant-numeric: tabular-nums; font-weight: bold; }}
ol > li {{ padding-inline-start: 2.3em; }}
li.bare {{ padding-inline-start: 0; }}
li.bare::before {{ content: none; }}
li ul, li ol {{ font-size: 0.94em; color: var(--soft); }}
li li {{ margin: 0.05em 0; }}
.num {{ white-space: nowrap; unicode-bidi: isolate-override; direction: ltr; font-variant-numeric: tabular-nums; }}
a.num {{ font-weight: bold; }}
.calls .who {{ font-weight: bold; }}
.calls .or {{ font-weight: normal; color: var(--soft); }}
.reach {{ white-space: nowrap; }}
.sms {{ font-size: 0.85em; margin-inline-start: 0.4em; }}
.note {{ color: var(--soft); }}
.crisis h2 {{ font-size: 1.3em; color: var(--alarm); border-bottom: 2px solid var(--alarm); }}
.crisis ol > li {{ font-size: 1.08em; margin: 0.3em 0; }}
.emergency {{ border: 2px solid var(--alarm); background: var(--alarm-bg); border-radius: 6px; padding: 0.2em 0.7em 0.4em; margin: 0.9em 0; }}
.emergency h2 {{ margin-top: 0.2em; color: var(--alarm); border: 0; }}
.emergency li::before {{ content: none; }}
.emergency li {{ padding: 0; }}
.emergency a.num {{ font-size: 2em; line-height: 1.1; color: var(--alarm); }}
.emergency .who {{ display: none; }}
.emergency .or {{ display: inline; }}
.stage-n {{ display: inline-block; min-width: 1.5em; text-align: center; border-radius: 0.75em; background: var(--ink); color: var(--paper); font-size: 0.85em; margin-inline-end: 0.2em; }}
.ruled {{ border-bottom: 1px solid var(--line); height: 2.2em; }}
footer {{ margin-top: 1.2em; font-size: 0.8em; color: var(--soft); border-top: 1px solid var(--line); padding-top: 0.3em; }}
@media screen and (max-width: 32em) {{
  a.num {{ padding: 0.35em 0; }}
  .calls .note {{ display: block; font-size: 0.9em; }}
}}
/* Names and numbers in two columns, the note under the number. */
@media print, (min-width: 32em) {{
  .calls {{ display: grid; grid-template-columns: fit-content(55%) 1fr; column-gap: 0.7em; }}
  .calls > li {{ grid-column: 1 / -1; }}
  .calls > li.call {{ display: grid; grid-template-columns: subgrid; }}
  .calls > li.call > .who {{ grid-row: 1 / span 2; }}
  .calls .reach {{ grid-row: 1; grid-column: 2; }}
  .calls .note {{ grid-row: 2; grid-column: 2; font-size: 0.9em; }}
  .emergency .calls, .emergency li.call {{ display: block; }}
}}
@media print {{
  :root {{ --ink: #000; --soft: #333; --paper: #fff; --link: #000; }}
  body {{ font-size: 10pt; line-height: 1.3; max-width: none; margin: 0; padding: 0; }}
  a {{ text-decoration: none; }}
  .sms {{ display: none; }}
  h1 {{ font-size: 16pt; }}
  h2 {{ margin: 0.7em 0 0.2em; }}
  .lead {{ display: grid; grid-template-columns: 1fr auto; column-gap: 5mm; align-items: start; }}
  .lead .emergency {{ margin-top: 0.9em; }}
  .flow {{ columns: 2; column-gap: 7mm; }}
  section {{ break-inside: avoid; }}
  .flow > section:first-child h2 {{ margin-top: 0.3em; }}
  .emergency a.num {{ font-size: 20pt; }}
  footer {{ font-size: 7.5pt; margin-top: 0.8em; }}
}}
"#,
        paper = paper.css()
    )
}

/// The check-ins chart's style, only in a printout that has one: calm
/// colours (never the alarm red), lighter on a dark screen.
const TRENDS_CSS: &str = r#".trends { margin: 0.3em 0; --urge: #1d5f7a; --distress: #6b4f8f; --lapse: #a06a1b; }
@media screen and (prefers-color-scheme: dark) {
  .trends { --urge: #8fd0ea; --distress: #c7b0e8; --lapse: #e2b56f; }
}
.trends svg { display: block; width: 100%; max-width: 30em; height: auto; }
.trends .grid { stroke: var(--line); stroke-width: 0.5; }
.trends .axis { fill: var(--soft); font: 8px "DejaVu Sans", "Noto Sans", sans-serif; }
.trends .urge { fill: none; stroke: var(--urge); stroke-width: 1.8; stroke-linejoin: round; }
.trends .distress { fill: none; stroke: var(--distress); stroke-width: 1.5; stroke-dasharray: 4 3; stroke-linejoin: round; }
.trends .urge-dot { fill: var(--urge); }
.trends .distress-dot { fill: var(--distress); }
.trends .lapse { fill: none; stroke: var(--lapse); stroke-width: 1.2; }
.trends .lapse-day { stroke: var(--lapse); stroke-width: 0.6; stroke-dasharray: 1 2; }
.trends .legend { font-size: 0.85em; color: var(--soft); margin: 0.1em 0; }
.trends .key { display: inline-block; width: 1.6em; vertical-align: middle; margin: 0 0.3em 0 0.6em; border-top: 2px solid var(--urge); }
.trends .key.distress { border-top: 2px dashed var(--distress); }
.trends .key.lapse { width: 0.7em; height: 0.7em; border: 1.5px solid var(--lapse); border-radius: 50%; }
.trends p { margin: 0.2em 0; }
"#;

/// The check-ins drawn as inline SVG (colours from the stylesheet, so it
/// follows a dark screen and prints), its key, and the same in words; the
/// drawing's label is those words, for screen readers.
fn figure(chart: &Chart) -> String {
    let words = chart.words.join(" ");
    let mut out = String::from("<figure class=\"trends\">");
    if !chart.is_empty() {
        let (w, h, font) = (320.0, 120.0, 9.0);
        let p = plot(chart, w, h, font);
        let _ = write!(
            out,
            "<svg viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"{}\">",
            html(&words)
        );
        for (y, label) in &p.grid {
            let _ = write!(
                out,
                "<line class=\"grid\" x1=\"{:.1}\" x2=\"{:.1}\" y1=\"{y:.1}\" y2=\"{y:.1}\"/><text class=\"axis\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{label}</text>",
                p.left,
                p.right,
                p.left - font * 0.4,
                y + font * 0.35
            );
        }
        for x in &p.lapses {
            let _ = write!(
                out,
                "<line class=\"lapse-day\" x1=\"{x:.1}\" x2=\"{x:.1}\" y1=\"{:.1}\" y2=\"{:.1}\"/><circle class=\"lapse\" cx=\"{x:.1}\" cy=\"{:.1}\" r=\"{:.1}\"/>",
                p.top,
                p.bottom,
                p.lapse_y,
                font * 0.35
            );
        }
        for (class, runs) in [("distress", &p.distress), ("urge", &p.urge)] {
            for run in runs {
                if run.len() > 1 {
                    let points: Vec<String> =
                        run.iter().map(|(x, y)| format!("{x:.1},{y:.1}")).collect();
                    let _ = write!(
                        out,
                        "<polyline class=\"{class}\" points=\"{}\"/>",
                        points.join(" ")
                    );
                }
                for (x, y) in run {
                    let _ = write!(
                        out,
                        "<circle class=\"{class}-dot\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"1.8\"/>"
                    );
                }
            }
        }
        let count = p.labels.len();
        for (i, (x, label)) in p.labels.iter().enumerate() {
            // The first and last names start and end at the chart's edges.
            let anchor = match i {
                0 => "start",
                _ if i + 1 == count => "end",
                _ => "middle",
            };
            let _ = write!(
                out,
                "<text class=\"axis\" x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"{anchor}\">{}</text>",
                p.label_y,
                html(label)
            );
        }
        out.push_str("</svg>");
        out.push_str("<p class=\"legend\" aria-hidden=\"true\"><span class=\"key urge\"></span>Urge <span class=\"key distress\"></span>Distress <span class=\"key lapse\"></span>A lapse: something to learn from</p>");
    }
    let _ = write!(out, "<p>{}</p></figure>", html(&words));
    out
}

/// Escapes text for HTML.
/// ` lang="zh-CN"`, or nothing for an unknown language.
fn lang_attribute(lang: Option<&str>) -> String {
    lang.map_or_else(String::new, |l| format!(" lang=\"{}\"", html(l)))
}

pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Noa's thoughts after "Thoughts:", each isolated on paper, are
    /// `<bdi>` in the HTML: ordered alike, nothing invisible to copy.
    #[test]
    fn her_isolated_words_are_bdi_in_the_html() {
        let none = HashSet::new();
        let shown = words(
            "Thoughts: \u{2068}3 כוסות\u{2069}; \u{2068}אחרי \u{2066}x\u{2069} 1\u{2069} \u{2066}y\u{2069}",
            &none,
        );
        assert_eq!(
            shown,
            "Thoughts: <bdi dir=\"rtl\">3 כוסות</bdi>; <bdi dir=\"rtl\">אחרי \u{2066}x\u{2069} 1</bdi> \u{2066}y\u{2069}"
        );
    }

    /// Wei, in Taipei: the browser drew his Traditional characters in the
    /// Simplified style, the page saying only "Chinese".
    #[test]
    fn traditional_chinese_says_so() {
        assert_eq!(language_of("把手機放抽屜，出門去河堤走走"), Some("zh-Hant"));
        assert_eq!(language_of("如果没人接，打给王医生"), Some("zh"));
    }

    #[test]
    fn the_persons_words_are_escaped() {
        assert_eq!(
            html("<b>\"x\" & 'y'</b>"),
            "&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;"
        );
    }

    #[test]
    fn a_time_zone_offset_is_never_a_number_to_dial() {
        for offset in ["+0330", "+05:30", "+0100"] {
            assert!(!dialable(offset, &HashSet::new()), "{offset}");
        }
        assert!(dialable("+44 7700 900123", &HashSet::new()));
        let footer = words_unlinked("Farah · revision 3 · saved 2026-11-29 00:40 +0330");
        assert!(!footer.contains("href"), "{footer}");
        assert!(footer.contains("+0330"), "{footer}");
    }

    #[test]
    fn numbers_become_links_to_dial_and_dates_do_not() {
        assert_eq!(
            href("+44 (0)7700 900-123", &Reach::Call).as_deref(),
            Some("tel:+447700900123")
        );
        assert_eq!(
            href(
                "85258",
                &Reach::Text {
                    word: Some("SHOUT".into())
                }
            )
            .as_deref(),
            Some("sms:85258?body=SHOUT")
        );
        assert_eq!(href("+٢٠ ١٠", &Reach::Call).as_deref(), Some("tel:+2010"));
        assert_eq!(
            href("＋４４ ７７００ ９００７７７", &Reach::Call).as_deref(),
            Some("tel:+447700900777")
        );
        // A number that does not dial what it shows gets no link: what
        // `clean` shows for a hidden character, letters, look-alikes.
        for number in [
            "+44 7700 \\u{202e}321009",
            "0800-DAD-HELP",
            "+44 77OO 9𝟘0456",
        ] {
            assert_eq!(href(number, &Reach::Call), None, "{number}");
            let shown = number_html(number, &Reach::Call, number);
            assert!(!shown.contains("href"), "{shown}");
        }
        let known = HashSet::from(["116123".to_string()]);
        let shown = words("call 116 123 by 2027-01-15 at 18:30 <b>", &known);
        assert!(shown.contains("<a class=\"num\" dir=\"ltr\" href=\"tel:116123\">116 123</a>"));
        assert!(shown.contains("<span class=\"num\" dir=\"ltr\">2027-01-15</span>"));
        assert!(shown.contains("&lt;b&gt;"));
        // A look-alike digit inside a number: the whole number is shown as
        // one, with no link (was: a link dialling `+447700`, its first half).
        let shown = words("Call +44 7700 𝟗00119 now", &known);
        assert!(!shown.contains("href"), "{shown}");
        assert!(shown.contains(">+44 7700 𝟗00119</span>"), "{shown}");
    }
}
