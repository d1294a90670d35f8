//! One paragraph of the person's words, laid out for the text formats
//! (terminal, plain text, Markdown): lines by display width (wide CJK and
//! emoji count as two columns), broken where Unicode allows (UAX #14), a
//! phone number kept whole on one line and, in right-to-left text, wrapped
//! in left-to-right isolates so it never reads reversed. Markdown escaping
//! happens per word after the layout is known, so a line break can never
//! split an escape or turn a word into a list marker.

use std::ops::Range;

use crate::breaks::{BreakOpportunity, opportunities};
use crate::width::display_width;
use textwrap::core::Fragment;
use unicode_bidi::{BidiClass, bidi_class};

/// Left-to-right isolate and pop directional isolate (UAX #9).
const LRI: char = '\u{2066}';
const PDI: char = '\u{2069}';
/// Left-to-right mark (UAX #9): a strong left-to-right character that
/// takes no room.
const LRM: char = '\u{200e}';
/// Left-to-right override and its end (UAX #9, since Unicode 1.1).
const LRO: char = '\u{202d}';
const PDF: char = '\u{202c}';

/// What keeps a number left to right beside right-to-left words.
///
/// A number in a plain text file is copied into a dialler, so nothing
/// invisible may sit between its first and last digit: a left-to-right
/// mark just before and just after it (outside the number) makes its
/// digits and separators one left-to-right run under UAX #9 (rules W7 and
/// N1), so selecting the number copies only what was typed. LRM is also
/// the mark terminals and fonts have known longest (Unicode 1.1, zero
/// width in wcwidth); the isolates LRI/PDI (Unicode 6.3) show as boxes in
/// some terminals and were copied with the number. Only an explicit
/// embedding or override in the text (which a mark cannot undo: RLO makes
/// every character in it right to left) still gets isolates, which close
/// over it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Guard {
    /// Left-to-right text, or a terminal (no invisible characters).
    Nothing,
    /// Right-to-left words: a left-to-right mark each side of a number.
    Marks,
    /// An explicit embedding or override: the number in isolates.
    Isolates,
}

impl Guard {
    fn open(self) -> Option<char> {
        match self {
            Guard::Nothing => None,
            Guard::Marks => Some(LRM),
            Guard::Isolates => Some(LRI),
        }
    }
    fn close(self) -> Option<char> {
        match self {
            Guard::Nothing => None,
            Guard::Marks => Some(LRM),
            Guard::Isolates => Some(PDI),
        }
    }
    fn around(self, number: &str) -> String {
        let mut out = String::with_capacity(number.len() + 12);
        out.extend(self.open());
        // Arabic-Indic digits are "Arabic numbers" to UAX #9, which no
        // mark turns left to right (rule W7 is for European digits only):
        // the spaces between their groups went right to left and
        // "٠١٠٠ ١٢٣ ٤٥٦٧" read "٤٥٦٧ ١٢٣ ٠١٠٠" (Layla, Cairo). Such a
        // number is also overridden, still outside its first and last
        // digit.
        let arabic =
            self != Guard::Nothing && number.chars().any(|c| bidi_class(c) == BidiClass::AN);
        if arabic {
            out.push(LRO);
        }
        out.push_str(number);
        if arabic {
            out.push(PDF);
        }
        out.extend(self.close());
        out
    }
}

/// Whether `text` holds an explicit embedding, override or isolate.
fn has_explicit(text: &str) -> bool {
    text.chars().any(is_explicit)
}

/// An explicit direction embedding, override or isolate (or its end).
fn is_explicit(c: char) -> bool {
    matches!(
        bidi_class(c),
        BidiClass::RLE
            | BidiClass::RLO
            | BidiClass::LRE
            | BidiClass::LRO
            | BidiClass::PDF
            | BidiClass::RLI
            | BidiClass::LRI
            | BidiClass::FSI
            | BidiClass::PDI
    )
}

/// Text as written to a terminal or a stream of text (`now`, `show`,
/// `contact list`, `lines`, the check-in's crisis block, messages): each
/// line that holds right-to-left letters or Arabic-Indic digits gets the
/// marks a text printout gives its numbers ([`Guard::Marks`]: a
/// left-to-right mark just before and after each number, and an override
/// around one in Arabic-Indic digits), so a bidi-aware terminal (VTE,
/// Konsole, mlterm, Windows Terminal) shows "+20 100 123 4567" and
/// "٠١٠٠ ١٢٣ ٤٥٦٧" with their groups in the order typed, where it showed
/// "٤٥٦٧ ١٢٣ ٠١٠٠" (Layla, Cairo). Into a pipe too: a file opened in a
/// bidi editor needs them as much, and nothing sits between a number's
/// first and last digit, so `grep 4567` still finds it. The marks take
/// no column (a terminal without bidi, tmux, shows nothing for them), and
/// are added after the lines are laid out. English lines are left byte
/// for byte. A line that already holds a direction control is left as it
/// is: stored words are cleaned before they are shown (`\u{202e}` written
/// out), so any there are ours already.
pub fn for_screen(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(turns_numbers) {
        return text.into();
    }
    text.split('\n')
        .map(screen_line)
        .collect::<Vec<_>>()
        .join("\n")
        .into()
}

/// A character that turns the numbers near it around under UAX #9: a
/// right-to-left letter, or an Arabic-Indic digit (an "Arabic number",
/// whose groups read in reverse even in a left-to-right line).
fn turns_numbers(c: char) -> bool {
    matches!(bidi_class(c), BidiClass::R | BidiClass::AL | BidiClass::AN)
}

/// One line of [`for_screen`].
fn screen_line(line: &str) -> String {
    let marked = line
        .chars()
        .any(|c| is_explicit(c) || matches!(c, LRM | '\u{200f}' | '\u{61c}'));
    // A command on a line of its own is there to be copied: a mark inside
    // it would be pasted into her plan with the number ("--emergency-number
    // \u{200e}122\u{200e}"), so it is left byte for byte.
    let command = line.trim_start().starts_with("relapse-plan ");
    if marked || command || !line.chars().any(turns_numbers) {
        return line.to_string();
    }
    let mut out = String::with_capacity(line.len() + 16);
    let mut at = 0;
    // A table's row is laid out left to right, column by column, whatever
    // its cells hold: a right-to-left mark beside her number joined her
    // sister's name and number into one run, and they swapped columns
    // (Layla, round 9). The row starts with a left-to-right mark, so a
    // terminal that finds each line's direction keeps it left to right.
    let row = line.trim_start().starts_with(['│', '┃', '║', '|']);
    if row {
        out.push(LRM);
    }
    let rtl = !row && starts_right_to_left(line);
    for range in whole_numbers(line) {
        out.push_str(&line[at..range.start]);
        let number = &line[range.clone()];
        // A character's code ("U+200E", said when one is left out) is no
        // number to hold: marks inside it read "U+‎200‎E" (Layla).
        let code = line[..range.start].ends_with("U+")
            || (line[..range.start].ends_with('U') && number.starts_with('+'));
        if code || !held_as_typed(number) {
            out.push_str(number);
        } else if rtl {
            // A line that starts right to left (her Arabic sentence) keeps
            // the number in her sentence with right-to-left marks, the
            // number itself overridden left to right: a left-to-right mark
            // there split the sentence in two, and a terminal that sets
            // every line left to right (GNOME Terminal) showed the words
            // after the number before the words leading to it (Layla).
            out.push(RLM);
            out.push(LRO);
            out.push_str(number);
            out.push(PDF);
            out.push(RLM);
        } else {
            out.push_str(&Guard::Marks.around(number));
        }
        at = range.end;
    }
    out.push_str(&line[at..]);
    out
}

/// Right-to-left mark: holds a number inside a right-to-left sentence.
const RLM: char = '\u{200f}';

/// Whether the first letter with a direction in `line` is right to left
/// (UAX #9's rule P2, as a terminal that finds each line's direction does).
/// Colour and bold codes (`ESC [ 1 m`) are skipped: their letters are
/// not her words.
fn starts_right_to_left(line: &str) -> bool {
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            // CSI: up to its final byte.
            for c in chars.by_ref().skip(1) {
                if ('\u{40}'..='\u{7e}').contains(&c) {
                    break;
                }
            }
            continue;
        }
        match bidi_class(c) {
            BidiClass::L => return false,
            BidiClass::R | BidiClass::AL => return true,
            _ => {}
        }
    }
    false
}

/// [`numbers`], with a number that holds a hidden character written out
/// (`٠٧٧\u{200d}٠٠ ٩٠٠`) kept as one: its two halves held apart would each
/// read left to right, in the wrong order between them.
fn whole_numbers(text: &str) -> Vec<Range<usize>> {
    let mut found: Vec<Range<usize>> = Vec::new();
    for range in numbers(text) {
        if let Some(last) = found.last_mut()
            && only_written_out(&text[last.end..range.start])
        {
            last.end = range.end;
            continue;
        }
        found.push(range);
    }
    found
}

/// Whether `gap` is one or more hidden characters written out and nothing
/// else (`\u{200d}`).
fn only_written_out(mut gap: &str) -> bool {
    if gap.is_empty() {
        return false;
    }
    while !gap.is_empty() {
        match super::written_out_len(gap) {
            Some(len) => gap = &gap[len..],
            None => return false,
        }
    }
    true
}

/// How the words are written out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flavor {
    /// A terminal: numbers whole, no invisible characters.
    Terminal,
    /// A text file: numbers whole and isolated in right-to-left text.
    Text,
    /// Markdown: as text, with the person's words escaped.
    Markdown,
}

pub use crate::plan::phone::digit_value;

pub use crate::plan::in_text::numbers;

/// Whether a run of digits found by [`numbers`] is held left to right, as
/// typed, in a right-to-left line: a phone number
/// ([`crate::plan::phone::is_phone_number`]), or digits alone (which UAX #9
/// keeps in order anyway). Hours, a time or a range with a dash or colon
/// between fewer digits ("١٠-٥", "10-5") stay in the line's own order, as
/// UAX #9 gives it: held left to right, "١٠-٥" read "5-10" in Arabic
/// (Layla, Shirin).
pub fn held_as_typed(found: &str) -> bool {
    crate::plan::phone::is_phone_number(found) || found.chars().all(|c| digit_value(c).is_some())
}

/// [`held_as_typed`] for the number at `range` in `text`; in text with no
/// right-to-left letter or Arabic-Indic digit every number is, as it
/// always was (nothing there can turn it around).
pub fn held_in(text: &str, range: Range<usize>) -> bool {
    held_as_typed(&text[range]) || !text.chars().any(turns_numbers)
}

/// The widest group in brackets held on one line, in columns: a name with
/// its note, "林晓（室友）" or "Alex (sponsor)", reads as one; a longer
/// aside may wrap inside.
const HELD_BRACKETS: usize = 16;

/// Short groups in brackets (`（室友）`, `(sponsor)`), each a byte range
/// from its opening to past its closing bracket: a line may break before
/// or after one, never inside it. UAX #14 allows a break between two
/// Chinese characters even inside brackets; a name's note split over two
/// lines reads as two things.
pub fn held_groups(text: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (at, c) in text.char_indices() {
        let closing = match c {
            '(' => Some(')'),
            '（' => Some('）'),
            '[' => Some(']'),
            '「' => Some('」'),
            '『' => Some('』'),
            '【' => Some('】'),
            '《' => Some('》'),
            '〈' => Some('〉'),
            _ => None,
        };
        if closing.is_some() {
            open = closing.map(|close| (at, close));
            continue;
        }
        if let Some((start, close)) = open
            && c == close
        {
            let end = at + c.len_utf8();
            if display_width(&text[start..end]) <= HELD_BRACKETS {
                found.push(start..end);
            }
            open = None;
        }
    }
    // A hidden character written out (`Dave \u{200b}Last`) stays with the
    // word it sits in: split after its `}` the name reads as two.
    let mut at = 0;
    for word in text.split_inclusive(char::is_whitespace) {
        if word.contains("\\u{") {
            let core = word.trim_end();
            found.push(at..at + core.len());
        }
        at += word.len();
    }
    found.sort_by_key(|r| r.start);
    found
}

/// The widest piece of `text` a line may not break inside (a word, a
/// number, a short group in brackets), in terminal columns: the least
/// width that shows every word whole.
pub fn widest_piece(text: &str) -> usize {
    words(text, Flavor::Terminal, Guard::Nothing)
        .iter()
        .map(|w| w.width)
        .max()
        .unwrap_or(0)
}

/// Whether `text` holds right-to-left letters (Arabic, Hebrew, …) or
/// explicit direction marks and overrides (a hostile U+202E could
/// otherwise show a number reversed): either way its numbers are isolated.
pub fn has_rtl(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(bidi_class(c), BidiClass::R | BidiClass::AL) || is_explicit(c) || c == '\u{200f}'
    })
}

/// A word as it will be written, with its trailing space.
#[derive(Debug)]
struct Word {
    text: String,
    width: usize,
    /// What is written after the word when the line goes on: nothing, a
    /// space, or the visible spaces she typed (an ideographic space, U+3000,
    /// between a Japanese family and given name) as she typed them.
    gap: String,
    number: bool,
}

/// Adds the spaces `run` (the white space after a word) to `gap`: any
/// number of ordinary spaces (and tabs, line breaks) is one space, as
/// ever; a space that is a character of its own in her writing (U+3000,
/// the fixed-width spaces) is kept as typed, never made an ordinary one.
fn add_gap(gap: &mut String, run: &str) {
    let visible: String = run
        .chars()
        .filter(|c| !matches!(c, ' ' | '\t' | '\n' | '\r'))
        .collect();
    if visible.is_empty() {
        if gap.is_empty() && !run.is_empty() {
            gap.push(' ');
        }
    } else {
        if gap == " " {
            gap.clear();
        }
        gap.push_str(&visible);
    }
}

impl Fragment for Word {
    #[allow(clippy::cast_precision_loss)] // widths are a few hundred columns
    fn width(&self) -> f64 {
        self.width as f64
    }
    #[allow(clippy::cast_precision_loss)] // a gap is a few columns
    fn whitespace_width(&self) -> f64 {
        display_width(&self.gap) as f64
    }
    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// Escapes what Markdown would read as inline formatting, an entity or
/// HTML in one word of the person's text.
pub fn escape_markdown_inline(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut chars = word.chars().peekable();
    while let Some(c) = chars.next() {
        // "&amp;" or "&#42;" would be read as a character reference;
        // "A&E" would not.
        let entity = c == '&' && {
            let name = chars
                .clone()
                .take_while(|n| n.is_ascii_alphanumeric() || *n == '#')
                .count();
            name > 0 && chars.clone().nth(name) == Some(';')
        };
        if entity
            || matches!(
                c,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~'
            )
        {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Escapes what would start a block (a list item, a heading underline, a
/// thematic break) when `word` begins a Markdown line.
fn escape_markdown_line_start(word: &str) -> String {
    let digits = word.chars().take_while(char::is_ascii_digit).count();
    let first = word.chars().next().unwrap_or(' ');
    if matches!(first, '-' | '+' | '=') && word.chars().all(|c| c == first) {
        return format!("\\{word}");
    }
    if (1..=9).contains(&digits) && matches!(&word[digits..], "." | ")") {
        return format!("{}\\{}", &word[..digits], &word[digits..]);
    }
    word.to_string()
}

/// Could this word, unescaped, start a block at the start of a line?
fn may_start_block(word: &str) -> bool {
    escape_markdown_line_start(word).len() != word.len()
}

/// Splits `text` into the pieces a line may break between.
fn words(text: &str, flavor: Flavor, guard: Guard) -> Vec<Word> {
    let spans = numbers(text);
    let held = held_groups(text);
    let paths = kept_whole(text);
    // Spans and break opportunities both run left to right: one pass over
    // each keeps a long, number-filled text linear.
    let mut next = 0;
    let mut next_held = 0;
    let mut next_path = 0;
    let mut out = Vec::new();
    let mut from = 0;
    // A path starts a line of its own if it must: Unicode allows no break
    // before a `/`, even after a space ("in /home/…" would be one word).
    let mut breaks: Vec<(usize, BreakOpportunity)> = opportunities(text).collect();
    // (After a space, or a backquote that opens: never after "(", where
    // the command would lose its bracket.)
    if !paths.is_empty() {
        breaks.extend(
            paths
                .iter()
                .filter(|r| {
                    r.start > 0
                        && text[..r.start]
                            .chars()
                            .next_back()
                            .is_some_and(|c| c.is_whitespace() || c == '`')
                })
                .map(|r| (r.start, BreakOpportunity::Allowed)),
        );
        breaks.sort_by_key(|(at, _)| *at);
        breaks.dedup_by_key(|(at, _)| *at);
    }
    for (at, opportunity) in breaks {
        while next < spans.len() && spans[next].end <= at {
            next += 1;
        }
        while next_held < held.len() && held[next_held].end <= at {
            next_held += 1;
        }
        while next_path < paths.len() && paths[next_path].end <= at {
            next_path += 1;
        }
        let inside = spans.get(next).is_some_and(|r| r.start < at)
            || held.get(next_held).is_some_and(|r| r.start < at)
            || paths.get(next_path).is_some_and(|r| r.start < at);
        // Never after a hyphen-minus: `--emergency-number`, `relapse-plan`
        // and `payday-friday` must be copied whole (a word too long for
        // any line is still split, by `break_long`).
        if opportunity == BreakOpportunity::Allowed && (inside || text[..at].ends_with('-')) {
            continue;
        }
        let piece = &text[from..at];
        let word = piece.trim_end_matches(char::is_whitespace);
        let run = &piece[word.len()..];
        from = at;
        if word.is_empty() {
            // Leading or repeated spaces: one space is kept (and what she
            // typed as a space of its own).
            if let Some(last) = out.last_mut() {
                let last: &mut Word = last;
                add_gap(&mut last.gap, run);
            }
            continue;
        }
        let mut gap = String::new();
        add_gap(&mut gap, run);
        let start = at - piece.len();
        let end = start + word.len();
        let mut written = String::new();
        let mut cursor = start;
        // A path is copied whole: never split, even wider than a line.
        let mut number = paths[..next_path]
            .last()
            .is_some_and(|r| r.start < end && start < r.end);
        // The spans this word holds end at or before `at`: they are the
        // ones just passed.
        let first = spans[..next].partition_point(|r| r.start < start);
        for r in spans[first..next].iter().filter(|r| r.end <= end) {
            number = true;
            written.push_str(&escape(&text[cursor..r.start], flavor));
            let found = escape(&text[r.clone()], flavor);
            if held_as_typed(&text[r.clone()]) {
                written.push_str(&guard.around(&found));
            } else {
                written.push_str(&found);
            }
            cursor = r.end;
        }
        written.push_str(&escape(&text[cursor..end], flavor));
        let mut width = display_width(&written);
        if flavor == Flavor::Markdown && may_start_block(word) {
            width += 1;
        }
        out.push(Word {
            text: written,
            width,
            gap,
            number,
        });
    }
    out
}

fn escape(text: &str, flavor: Flavor) -> String {
    if flavor == Flavor::Markdown {
        escape_markdown_inline(text)
    } else {
        text.to_string()
    }
}

/// What a line never breaks inside, in order: file paths, and commands
/// in backquotes (`relapse-plan restore 3 --plan-dir '/a b/c'`), which
/// are pasted into a shell: broken at a space or a `/` the pasted command
/// fails. Each starts a line of its own when it does not fit, and one
/// wider than any line runs over the edge rather than break.
fn kept_whole(text: &str) -> Vec<Range<usize>> {
    let mut found = paths(text);
    found.extend(backquoted(text));
    found.sort_by_key(|r| r.start);
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(found.len());
    for range in found {
        match merged.last_mut() {
            Some(last) if range.start < last.end => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    merged
}

/// Spans in backquotes, the quotes included: from a `` ` `` to the next,
/// on one line.
fn backquoted(text: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut open: Option<usize> = None;
    for (at, c) in text.char_indices() {
        match (c, open) {
            ('`', None) => open = Some(at),
            ('`', Some(start)) => {
                found.push(start..at + 1);
                open = None;
            }
            ('\n', Some(_)) => open = None,
            _ => {}
        }
    }
    found
}

/// Where file paths sit in `text` (`/home/oksana/.config/relapse-plan`,
/// `~/plan`): from a `/` or `~/` that starts a word to the next space or
/// backtick. A path broken across lines cannot be copied, so it is kept
/// whole on a line of its own even when wider than the line.
fn paths(text: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut start: Option<usize> = None;
    let mut prev: Option<char> = None;
    for (at, c) in text.char_indices() {
        let ends = c.is_whitespace() || c == '`';
        if let Some(from) = start
            && ends
        {
            found.push(from..at);
            start = None;
        }
        let begins_word = prev.is_none_or(|p| p.is_whitespace() || p == '`');
        // A web address too: broken at a `/`, a Markdown reader linked
        // only its first line, to another page (Trudy).
        let rest = &text[at..];
        let web = rest.starts_with("https://") || rest.starts_with("http://");
        if start.is_none()
            && begins_word
            && (c == '/' || web || (c == '~' && text[at + 1..].starts_with('/')))
        {
            start = Some(at);
        }
        prev = Some(c);
    }
    if let Some(from) = start {
        found.push(from..text.len());
    }
    // A sentence's own full stop or comma after a path is not part of it;
    // backticks around it are, so "`" never stands alone at a line's end.
    for range in &mut found {
        let trimmed = text[range.clone()].trim_end_matches(['.', ',', ';', ':', ')']);
        range.end = range.start + trimmed.len();
        if text[..range.start].ends_with('`') {
            range.start -= 1;
            if text[range.end..].starts_with('`') {
                range.end += 1;
            }
        }
    }
    found
}

/// Splits a word wider than `width` (a long web address, a line of CJK
/// without break opportunities is already split) into pieces that fit;
/// numbers are never split.
fn break_long(words: Vec<Word>, width: usize) -> Vec<Word> {
    let mut out = Vec::with_capacity(words.len());
    for word in words {
        // A command to paste is never cut: split mid-word ("…/plan rehe" /
        // "arse") it pasted as two broken lines (Noa, Min-jun, Priya). On a
        // line of its own it runs over the edge, and the terminal's own
        // wrap copies back whole.
        if word.number || word.width <= width || a_command(&word.text) {
            out.push(word);
            continue;
        }
        let mut piece = String::new();
        let mut piece_width = 0;
        // Whole shown units: a letter with its accent, a written-out
        // `\u{202e}`, never half of one on each line.
        for (_, c) in super::shown_units(&word.text) {
            let w = display_width(c);
            if piece_width > 0 && piece_width + w > width {
                out.push(Word {
                    text: std::mem::take(&mut piece),
                    width: piece_width,
                    gap: String::new(),
                    number: false,
                });
                piece_width = 0;
            }
            piece.push_str(c);
            piece_width += w;
        }
        out.push(Word {
            text: piece,
            width: piece_width,
            gap: word.gap,
            number: false,
        });
    }
    out
}

/// Whether a word is a whole command in backquotes, as hints give them
/// (with the stop or comma after it).
fn a_command(text: &str) -> bool {
    let text = text.trim_end_matches(['.', ',', ';', ':', ')']);
    text.starts_with("`relapse-plan ") && text.ends_with('`') && text.len() > 2
}

/// Whether a piece of text ends in a label ("Call:", "Phone:", "电话："):
/// a line never ends with one, it belongs with what it introduces.
pub fn ends_with_label(piece: &str) -> bool {
    let piece = piece.trim_end();
    piece.ends_with([':', '：']) && piece.chars().rev().nth(1).is_some_and(char::is_alphabetic)
}

/// Whether a piece of text is a list item's number ("1.", "12)") or
/// bullet: it starts the item's first line, never ends a line alone.
pub fn is_list_marker(piece: &str) -> bool {
    let piece = piece.trim_end();
    let digits = piece.chars().take_while(char::is_ascii_digit).count();
    matches!(piece, "-" | "•")
        || ((1..=3).contains(&digits) && matches!(&piece[digits..], "." | ")"))
}

/// Joins each label (and each list number) to the word after it ("Call: Bartholomew"), so no line
/// ends with "Call:" and the name on the next, as long as the two together
/// fit on a line (a label before a word too long for any line is left to
/// stand alone rather than split the word).
/// In Markdown a number is not joined: "1. four" starting a line would
/// read as a list, where the word alone is escaped.
fn keep_labels(words: Vec<Word>, width: usize, flavor: Flavor) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::with_capacity(words.len());
    for word in words {
        if let Some(last) = out.last_mut()
            && (ends_with_label(&last.text)
                || (flavor != Flavor::Markdown && is_list_marker(&last.text)))
            && (!last.gap.is_empty() || last.text.ends_with('：'))
            && last.width + display_width(&last.gap) + word.width <= width
        {
            let gap = std::mem::take(&mut last.gap);
            last.text.push_str(&gap);
            last.text.push_str(&word.text);
            last.width += display_width(&gap) + word.width;
            last.gap = word.gap;
            last.number |= word.number;
            continue;
        }
        out.push(word);
    }
    out
}

/// A piece of a line: the person's words, or something written out already
/// for the format (a phone number, a Markdown link to one) that is never
/// split, escaped or broken from what follows it without a space.
#[derive(Debug, Clone)]
pub enum Segment<'a> {
    Words(&'a str),
    Whole { text: String, width: usize },
}

/// Lays out `text` in lines of at most `width` display columns (a number
/// longer than a line is the only thing that may run over), the first
/// starting with `indent`, the rest with `hang`.
pub fn lines(text: &str, width: usize, indent: &str, hang: &str, flavor: Flavor) -> Vec<String> {
    lines_of(&[Segment::Words(text)], width, indent, hang, flavor)
}

/// [`lines`] for segments separated by spaces. Numbers (in the words, and
/// every [`Segment::Whole`]) are isolated left-to-right when any of the
/// text, the indent included (a name before a number), is right-to-left.
pub fn lines_of(
    segments: &[Segment],
    width: usize,
    indent: &str,
    hang: &str,
    flavor: Flavor,
) -> Vec<String> {
    let texts = || {
        std::iter::once(indent).chain(segments.iter().map(|s| match s {
            Segment::Words(t) => *t,
            Segment::Whole { text, .. } => text.as_str(),
        }))
    };
    // Arabic-Indic digits turn their own groups around even in a
    // left-to-right line ("Call Mariam on ٠١٠٠ ١٢٣ ٤٥٦٧"): guarded too.
    let guard = if flavor == Flavor::Terminal
        || !texts().any(|t| has_rtl(t) || t.chars().any(turns_numbers))
    {
        Guard::Nothing
    } else if texts().any(has_explicit) {
        Guard::Isolates
    } else {
        Guard::Marks
    };
    let mut all = Vec::new();
    for segment in segments {
        if let Some(last) = all.last_mut() {
            let last: &mut Word = last;
            if last.gap.is_empty() {
                last.gap.push(' ');
            }
        }
        match segment {
            Segment::Words(text) => all.extend(words(text, flavor, guard)),
            Segment::Whole { text, width } => all.push(Word {
                text: guard.around(text),
                width: *width,
                gap: String::new(),
                number: true,
            }),
        }
    }
    let first = width.saturating_sub(display_width(indent)).max(1);
    let rest = width.saturating_sub(display_width(hang)).max(1);
    let kept = keep_labels(all, first.min(rest), flavor);
    // Markdown never splits a word: a reader joins its lines with a space,
    // so a split word reads with a space inside, and a split can fall
    // between a `\` and what it escapes, leaving `*` or `<img` live
    // (Trudy). A long line in a Markdown file is no harm; a reader wraps it.
    let words = if flavor == Flavor::Markdown {
        kept
    } else {
        break_long(kept, first.min(rest))
    };
    #[allow(clippy::cast_precision_loss)]
    let widths = [first as f64, rest as f64];
    let mut out = Vec::new();
    for (n, line) in textwrap::wrap_algorithms::wrap_first_fit(&words, &widths)
        .into_iter()
        .enumerate()
    {
        let mut written = if n == 0 { indent } else { hang }.to_string();
        for (i, word) in line.iter().enumerate() {
            if i == 0 && flavor == Flavor::Markdown {
                written.push_str(&escape_markdown_line_start(&word.text));
            } else {
                written.push_str(&word.text);
            }
            if i + 1 < line.len() {
                written.push_str(&word.gap);
            }
        }
        out.push(written);
    }
    if out.is_empty() {
        out.push(indent.trim_end().to_string());
    }
    out
}

/// [`lines`], joined by line breaks.
pub fn wrap(text: &str, width: usize, indent: &str, hang: &str, flavor: Flavor) -> String {
    lines(text, width, indent, hang, flavor).join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        numbers(text).into_iter().map(|r| &text[r]).collect()
    }

    /// Issue 13: a path is never broken ("/tmp/w13/ / plan" at 50
    /// columns); wider than the line, it stands whole on its own.
    #[test]
    fn a_path_is_kept_whole() {
        let text = "It is private: it stays on this computer, in /home/оксана/.config/relapse-plan, readable by you alone.";
        for width in [20, 50, 100] {
            let shown = lines(text, width, "", "", Flavor::Terminal);
            assert!(
                shown
                    .iter()
                    .any(|l| l.contains("/home/оксана/.config/relapse-plan,")),
                "{width}: {shown:?}"
            );
        }
        let shown = lines(text, 20, "", "", Flavor::Terminal);
        assert!(
            shown.contains(&"/home/оксана/.config/relapse-plan,".to_string()),
            "{shown:?}"
        );
        assert_eq!(paths("see ~/plan.").first(), Some(&(4..10)));
        assert!(paths("and/or 1/3/2027").is_empty());
        // Quoted in backticks, the quotes stay with it.
        let text = "there is no plan yet in `/root/.config/relapse-plan`";
        assert_eq!(
            lines(text, 30, "", "", Flavor::Terminal),
            ["there is no plan yet in", "`/root/.config/relapse-plan`"]
        );
    }

    /// Issue 13: a command in backquotes was broken at a space or a `/`
    /// at narrow widths, and the pasted half failed. It is kept whole: on
    /// its own line when it does not fit, over the edge when wider.
    /// At 50 columns, a command made longer than the line by its
    /// `--plan-dir` was cut mid-word, "…/plan rehe" / "arse" (Noa, Min-jun,
    /// Priya): it goes whole on a line of its own.
    #[test]
    fn a_command_wider_than_the_line_is_never_cut() {
        let command = "`relapse-plan --plan-dir /tmp/fe10-priya/plan rehearse`";
        let text = format!("Saved as revision 3. {command} helps you practise.");
        let laid = wrap(&text, 50, "", "", Flavor::Terminal);
        assert!(laid.lines().any(|line| line == command), "{laid}");
    }

    #[test]
    fn a_backquoted_command_is_kept_whole() {
        let command = "`relapse-plan restore 3 --plan-dir '/a b/c'`";
        let text = format!("Nothing was changed; bring it back with {command} when you are ready.");
        for width in 10..80 {
            let shown = lines(&text, width, "", "  ", Flavor::Terminal);
            assert!(
                shown.iter().any(|l| l.trim_start().starts_with(command)),
                "{width}: {shown:?}"
            );
            for line in &shown {
                assert_eq!(line.matches('`').count() % 2, 0, "{width}: {shown:?}");
                if !line.contains(command) {
                    assert!(display_width(line) <= width.max(2), "{width}: {shown:?}");
                }
            }
        }
        assert_eq!(backquoted("a `b c` d `e").first(), Some(&(2..7)));
        assert_eq!(backquoted("a `b c` d `e").len(), 1);
    }

    #[test]
    fn a_name_in_brackets_stays_whole_and_no_line_starts_with_a_comma() {
        let text = "给林晓（室友）打电话，告诉她我现在的感觉，然后去安静的房间";
        // From the width of "（室友）" up: narrower, any word is split.
        for width in 8..40 {
            for line in lines(text, width, "", "", Flavor::Terminal) {
                assert!(!line.starts_with(['，', '）']), "{width}: {line:?}");
                assert_eq!(
                    line.matches('（').count(),
                    line.matches('）').count(),
                    "{width}: {line:?}"
                );
            }
        }
        assert_eq!(
            held_groups("Alex (sponsor) and (a much longer aside here)").len(),
            1
        );
        assert_eq!(widest_piece("Dave \\u{200b}Last"), "\\u{200b}Last".len());
    }

    /// Issue 13: "Call:" never ends a line with the name on the next, in
    /// any flavour, nor "电话：" with its number.
    #[test]
    fn a_label_keeps_with_what_follows() {
        let text = "Response: Urge surfing; Call: Bartholomew; 电话：116 123";
        for flavor in [Flavor::Terminal, Flavor::Text, Flavor::Markdown] {
            // From the width of "    Call: Bartholomew;" up.
            for width in 22..70 {
                for line in lines(text, width, "", "    ", flavor) {
                    assert!(
                        !ends_with_label(&line) && !line.trim_end().ends_with('：'),
                        "{width}: {line:?}"
                    );
                }
            }
        }
        // A label before a word too long for any line stands alone, rather
        // than the word being cut.
        let long = lines(
            "Call: Featherstonehaugh-Worthington",
            30,
            "",
            "",
            Flavor::Text,
        );
        assert_eq!(long, ["Call:", "Featherstonehaugh-Worthington"]);
        assert!(!ends_with_label("9:"));
        // Nor with a step's number, its text on the next.
        let steps = "Steps: 1. Breathe in for four; 2. Featherstonehaugh breathing; 10. Walk";
        // From the width of "    2. Featherstonehaugh" up.
        for width in 24..70 {
            for line in lines(steps, width, "", "    ", Flavor::Terminal) {
                let last = line.split_whitespace().last().unwrap_or("");
                assert!(!is_list_marker(last), "{width}: {line:?}");
            }
        }
    }

    #[test]
    fn phone_numbers_are_found_whole() {
        assert_eq!(
            found("اتصل بأخي على +20 10 1234 5678"),
            ["+20 10 1234 5678"]
        );
        assert_eq!(
            found("Позвони Маше: +7 912 345-67-89."),
            ["+7 912 345-67-89"]
        );
        assert_eq!(
            found("call 116 123 or (020) 7946 0000"),
            ["116 123", "(020) 7946 0000"]
        );
        assert_eq!(
            found("Tele-MANAS on 14416, 9:00–17:00, 30 minutes, 1: 2"),
            ["14416", "9:00–17:00"]
        );
        assert_eq!(found("mp3 H264 1 2"), Vec::<&str>::new());
        assert_eq!(found("+٢٠ ١٠ ١٢٣٤"), ["+٢٠ ١٠ ١٢٣٤"]);
        assert_eq!(found("母: ＋４４ ７７００"), ["＋４４ ７７００"]);
        // A hidden character written out is not a number.
        assert_eq!(
            found("Alex \\u{202e} +44 7700 \\u{202e}321009"),
            ["+44 7700", "321009"]
        );
        assert_eq!(found("\\u{2066}"), Vec::<&str>::new());
    }

    /// Trudy (issue 12): a step's "021 444 4445 ext 1234" broke between
    /// "ext" and its digits on the card, and the digits were a number of
    /// their own. An extension written out is part of its number.
    #[test]
    fn an_extension_written_out_stays_with_its_number() {
        let found = |text: &str| -> Vec<String> {
            numbers(text)
                .into_iter()
                .map(|r| text[r].to_string())
                .collect()
        };
        for (text, number) in [
            ("Ring 021 444 4445 ext 1234 now", "021 444 4445 ext 1234"),
            ("Ring 021 444 4445 Ext. 12.", "021 444 4445 Ext. 12"),
            ("Ring 021 444 4445x99 now", "021 444 4445x99"),
            ("Ring 021 444 4445 extension 4", "021 444 4445 extension 4"),
        ] {
            assert_eq!(found(text), [number], "{text}");
        }
        assert_eq!(found("Ring 021 444 4445 external"), ["021 444 4445"]);
        assert_eq!(found("Ring 021 444 4445 x ray"), ["021 444 4445"]);
        for width in 22..40 {
            let all = lines(
                "Ring the clinic on 021 444 4445 ext 1234",
                width,
                "",
                "",
                Flavor::Terminal,
            );
            assert!(
                all.iter().any(|l| l.contains("021 444 4445 ext 1234")),
                "{width}: {all:?}"
            );
        }
    }

    #[test]
    fn commands_flags_and_ids_are_never_broken_at_a_hyphen() {
        let text = "You can keep it with relapse-plan set --emergency-number NUMBER, or see trigger payday-friday-walking-past";
        // From the width of the longest id up.
        for width in 26..80 {
            let all = lines(text, width, "", "", Flavor::Terminal).join("\n");
            for whole in [
                "relapse-plan",
                "--emergency-number",
                "payday-friday-walking-past",
            ] {
                assert!(all.contains(whole), "{width}: {all}");
            }
        }
    }

    #[test]
    fn a_number_is_never_split_and_widths_are_display_columns() {
        let text = "Call my brother كريم on +20 10 1234 5678 if nobody else answers";
        for width in 10..60 {
            let lines = lines(text, width, "  1. ", "     ", Flavor::Text);
            assert_eq!(
                lines
                    .iter()
                    .filter(|l| l.contains("\u{200e}+20 10 1234 5678\u{200e}"))
                    .count(),
                1,
                "{width}: {lines:?}"
            );
            for line in &lines {
                assert!(display_width(line) <= width.max(21), "{width}: {line:?}");
            }
        }
        let cjk = lines(
            "如果没人接，打给王医生 +86 138 0013 8000 然后去医院看看",
            20,
            "",
            "",
            Flavor::Text,
        );
        assert!(cjk.iter().all(|l| display_width(l) <= 20), "{cjk:?}");
        assert!(
            cjk.iter().any(|l| l.contains("+86 138 0013 8000")),
            "{cjk:?}"
        );
    }

    #[test]
    fn a_long_text_full_of_numbers_is_laid_out_in_one_pass() {
        let text = "اتصل 0151 1234567 و ".repeat(10_000);
        let started = std::time::Instant::now();
        let lines = lines(&text, 80, "", "", Flavor::Markdown);
        assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
        assert_eq!(
            lines
                .iter()
                .map(|l| l.matches("\u{200e}0151 1234567\u{200e}").count())
                .sum::<usize>(),
            10_000
        );
    }

    /// A line as a bidi-aware viewer shows it, left to right, without the
    /// invisible marks.
    fn seen(line: &str) -> String {
        let info = unicode_bidi::BidiInfo::new(line, None);
        let para = &info.paragraphs[0];
        info.reorder_line(para, para.range.clone())
            .chars()
            .filter(|c| {
                !matches!(
                    c,
                    '\u{200e}' | '\u{202c}' | '\u{202d}' | '\u{2066}' | '\u{2069}'
                )
            })
            .collect()
    }

    /// A line as a bidi-aware terminal shows it with its paragraph
    /// direction found from its text (`None`) or set by the terminal.
    fn seen_as(line: &str, level: Option<unicode_bidi::Level>) -> String {
        let info = unicode_bidi::BidiInfo::new(line, level);
        let para = &info.paragraphs[0];
        info.reorder_line(para, para.range.clone())
            .chars()
            .filter(|c| !matches!(*c, LRM | LRO | PDF))
            .collect()
    }

    /// Layla, in Cairo, in a bidi-aware terminal: her numbers showed with
    /// their groups reversed on `now`, `show` and `contact list`, in
    /// Arabic-Indic and Latin digits alike. Marked for the screen, every
    /// number reads as typed whichever direction the terminal gives the
    /// line, and takes no more columns than before.
    #[test]
    fn numbers_on_a_screen_read_as_typed_in_right_to_left_lines() {
        let cases = [
            ("  1. اتصل بمريم على ٠١٠٠ ١٢٣ ٤٥٦٧", vec!["٠١٠٠ ١٢٣ ٤٥٦٧"]),
            ("  مريم — ٠١٠٠ ١٢٣ ٤٥٦٧ — بعد ٦ مساءً", vec!["٠١٠٠ ١٢٣ ٤٥٦٧"]),
            (
                "اتصل بأخي على +20 100 123 4567 أو (02) 2222-3333 الآن",
                vec!["+20 100 123 4567", "(02) 2222-3333"],
            ),
            ("│ 1. أحمد │ +٢٠ ١٠٠ ١٢٣ ٤٥٦٧ │", vec!["+٢٠ ١٠٠ ١٢٣ ٤٥٦٧"]),
            ("Call Sam on ٠٧٧٠٠ ٩٠٠-١٢٣", vec!["٠٧٧٠٠ ٩٠٠-١٢٣"]),
            (
                "فرح: ۰۹۱۲ ۳۴۵ ۶۷۸۹ و 0912 345 6789",
                vec!["۰۹۱۲ ۳۴۵ ۶۷۸۹", "0912 345 6789"],
            ),
            ("נועה: 050 123 4567", vec!["050 123 4567"]),
        ];
        let rtl = Some(unicode_bidi::Level::rtl());
        let ltr = Some(unicode_bidi::Level::ltr());
        for (line, typed) in cases {
            // Unmarked, a bidi terminal turns at least one around: the
            // test can tell.
            assert!(
                [None, ltr, rtl]
                    .iter()
                    .any(|&l| typed.iter().any(|n| !seen_as(line, l).contains(n))),
                "{line:?}"
            );
            let shown = for_screen(line);
            for level in [None, ltr, rtl] {
                for number in &typed {
                    assert!(
                        seen_as(&shown, level).contains(number),
                        "{number:?} in {:?} ({level:?})",
                        seen_as(&shown, level)
                    );
                }
            }
            // Whole between its first and last digit (grep finds it), and
            // no wider: the marks take no column.
            for number in &typed {
                assert!(shown.contains(number), "{shown:?}");
            }
            assert_eq!(display_width(&shown), display_width(line), "{shown:?}");
            assert_eq!(
                console::measure_text_width(&shown),
                console::measure_text_width(line)
            );
            // Marked once only.
            assert_eq!(for_screen(&shown), shown);
        }
    }

    /// A table's row keeps its columns in order on a bidi terminal: her
    /// sister's number under "Phone", her name under "Name" (Layla, round
    /// 9: a right-to-left mark beside the number swapped them).
    #[test]
    fn a_table_row_keeps_its_columns_in_order() {
        let row = "│ 1. مريم ┆ ٠١٠٠ ١٢٣ ٤٥٦٧ ┆ someone I can ask for help ┆ أي وقت │";
        let shown = for_screen(row);
        for level in [None, Some(unicode_bidi::Level::ltr())] {
            let seen = seen_as(&shown, level);
            let name = seen.find("ميرم").unwrap_or_else(|| panic!("{seen}"));
            let number = seen
                .find("٠١٠٠ ١٢٣ ٤٥٦٧")
                .unwrap_or_else(|| panic!("{seen}"));
            let role = seen
                .find("someone I can ask")
                .unwrap_or_else(|| panic!("{seen}"));
            assert!(seen.find("1.") < Some(name), "{seen}");
            assert!(name < number && number < role, "{seen}");
        }
        assert_eq!(display_width(&shown), display_width(row));
    }

    /// English lines, and lines with no number, are written byte for byte
    /// as they were; a hidden character written out stays visible, inside
    /// the number it sits in; a bold heading keeps its escape codes.
    #[test]
    fn a_screen_gets_marks_only_where_right_to_left_text_needs_them() {
        for text in [
            "Samaritans: call 116 123\n  Alex · +44 7700 900123 · after 6pm",
            "Call Ravi on +91 98765 43210",
            "",
        ] {
            assert!(matches!(for_screen(text), std::borrow::Cow::Borrowed(_)));
        }
        assert_eq!(for_screen("أتنفس ببطء عشر مرات"), "أتنفس ببطء عشر مرات");
        // Only the line that needs them.
        // A line that starts in Arabic holds its numbers with
        // right-to-left marks, each overridden left to right; one that
        // starts in English, with left-to-right marks.
        assert_eq!(
            for_screen("Emergency: 122\nمريم: 122 333"),
            "Emergency: 122\nمريم: \u{200f}\u{202d}122 333\u{202c}\u{200f}"
        );
        let hidden = "مريم: ٠٧٧\\u{200d}٠٠ ٩٠٠ ١٢٣";
        assert_eq!(
            for_screen(hidden),
            "مريم: \u{200f}\u{202d}٠٧٧\\u{200d}٠٠ ٩٠٠ ١٢٣\u{202c}\u{200f}"
        );
        assert_eq!(
            for_screen("\u{1b}[1mمريم 123 456\u{1b}[0m"),
            "\u{1b}[1mمريم \u{200f}\u{202d}123 456\u{202c}\u{200f}\u{1b}[0m"
        );
        assert_eq!(
            for_screen("Call مريم — 123 456"),
            "Call مريم — \u{200e}123 456\u{200e}"
        );
        assert_eq!(
            for_screen("مريم: a left-to-right mark (U+200E)"),
            "مريم: a left-to-right mark (U+200E)"
        );
    }

    /// Wei, in Taipei: "還是很危險就打１１９或安心專線１９２５。" broke 1925 over
    /// two lines and linked neither number: digits straight after Han
    /// characters were taken as part of a word.
    #[test]
    fn a_number_straight_after_chinese_is_a_number() {
        let text = "還是很危險就打１１９或安心專線１９２５。";
        let found: Vec<&str> = numbers(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(found, ["１１９", "１９２５"]);
        assert!(numbers("code A1B2C3 and x100").is_empty());
    }

    /// Layla, in Cairo: her printed step showed her sister's number with
    /// its groups in reverse, as marks cannot turn Arabic-Indic digits.
    #[test]
    fn an_arabic_indic_number_reads_as_typed_in_a_text_printout() {
        let text = "اتصل بمريم على ٠١٠٠ ١٢٣ ٤٥٦٧ الآن";
        assert!(!seen(text).contains("٠١٠٠ ١٢٣ ٤٥٦٧"), "{}", seen(text));
        for flavor in [Flavor::Text, Flavor::Markdown] {
            let line = wrap(text, 80, "", "", flavor);
            assert!(seen(&line).contains("٠١٠٠ ١٢٣ ٤٥٦٧"), "{line:?}");
            assert!(
                line.contains("٠١٠٠ ١٢٣ ٤٥٦٧"),
                "nothing inside the number: {line:?}"
            );
        }
        assert_eq!(wrap(text, 80, "", "", Flavor::Terminal), text);
        // In an English line too: Arabic-Indic digits are "Arabic numbers",
        // whose groups a viewer turns around whatever the line's direction.
        let english = "Call Mariam on ٠١٠٠ ١٢٣ ٤٥٦٧ tonight";
        assert!(
            !seen(english).contains("٠١٠٠ ١٢٣ ٤٥٦٧"),
            "{}",
            seen(english)
        );
        for flavor in [Flavor::Text, Flavor::Markdown] {
            let line = wrap(english, 80, "", "", flavor);
            assert!(seen(&line).contains("٠١٠٠ ١٢٣ ٤٥٦٧"), "{line:?}");
        }
    }

    #[test]
    fn a_number_beside_persian_reads_as_typed_and_copies_as_digits_only() {
        let text = "فرح: 0912 345 6789 بعد از ساعت ۶";
        // Without a guard a viewer shows the groups reversed: the test
        // can tell.
        assert!(!seen(text).contains("0912 345 6789"), "{}", seen(text));
        for flavor in [Flavor::Text, Flavor::Markdown] {
            let line = wrap(text, 80, "", "", flavor);
            assert!(seen(&line).contains("0912 345 6789"), "{line:?}");
            // Nothing invisible between the first digit and the last: a
            // dialler is given exactly the number.
            assert!(line.contains("\u{200e}0912 345 6789\u{200e}"), "{line:?}");
            assert!(!line.contains(['\u{2066}', '\u{2069}']), "{line:?}");
        }
    }

    #[test]
    fn numbers_in_left_to_right_text_and_terminals_carry_no_isolates() {
        assert_eq!(
            wrap("Samaritans: 116 123", 80, "", "", Flavor::Text),
            "Samaritans: 116 123"
        );
        assert_eq!(
            wrap("call \u{202e}116 123", 80, "", "", Flavor::Text),
            "call \u{202e}\u{2066}116 123\u{2069}",
            "an override cannot reverse a number"
        );
        assert_eq!(
            wrap("على 116 123", 80, "", "", Flavor::Terminal),
            "على 116 123"
        );
    }

    /// Trudy: a long run of `<` (or `*`, or a written-out hidden
    /// character) split over two lines left `<img …>` live, a `*` starting
    /// a line, or a `\` alone at a line's end. A word is never split in
    /// Markdown, so every escape stays with what it escapes.
    #[test]
    fn markdown_never_splits_a_word_or_an_escape() {
        let tags = format!("{}<img src=x onerror=alert(1)>", "<".repeat(38));
        let stars = "*".repeat(90);
        let hidden = format!("{}\\u{{200b}}{}", "a".repeat(30), "b".repeat(30));
        for text in [tags.as_str(), stars.as_str(), hidden.as_str()] {
            let text = format!("Call me {text} now");
            for width in [10, 20, 40, 60] {
                let out = lines(&text, width, "", "", Flavor::Markdown);
                for line in &out {
                    assert!(!line.ends_with('\\'), "{width}: {out:?}");
                    assert!(
                        !line.starts_with('*') && !line.starts_with('<'),
                        "{width}: {out:?}"
                    );
                }
                let words: Vec<&str> = out.iter().flat_map(|l| l.split_whitespace()).collect();
                assert_eq!(
                    words.len(),
                    text.split_whitespace().count(),
                    "{width}: {out:?}"
                );
            }
        }
    }

    /// Trudy: a link in a crisis step, broken at a `/`, was linked by a
    /// Markdown reader to its first line only. A web address is kept
    /// whole on one line, in every flavour.
    #[test]
    fn a_web_address_is_never_broken() {
        let url = "https://www.lifeline.org.nz/services/lifeline-text-and-chat-support-service-nz";
        let text = format!("If I can't sleep, open the chat at {url} and type");
        for flavor in [Flavor::Text, Flavor::Markdown, Flavor::Terminal] {
            for width in [30, 50, 80] {
                let out = lines(&text, width, "", "", flavor);
                assert!(
                    out.iter().any(|l| l.contains(url)),
                    "{flavor:?} {width}: {out:?}"
                );
            }
        }
    }

    #[test]
    fn markdown_is_escaped_after_the_line_breaks_are_chosen() {
        let text = "step one - two + three 1. four <img src=x> *x* 12) done";
        for width in 4..40 {
            for line in lines(text, width, "", "", Flavor::Markdown) {
                assert!(
                    !line.starts_with("- ")
                        && !line.starts_with("+ ")
                        && !line.starts_with("1. ")
                        && !line.starts_with("12) "),
                    "{width}: {line:?}"
                );
                assert!(
                    !line.replace("\\<", "").contains('<') && !line.contains(" *x"),
                    "{line:?}"
                );
            }
        }
        assert_eq!(
            escape_markdown_inline("*not* bold # _x_ A&E &amp; &#42;"),
            "\\*not\\* bold \\# \\_x\\_ A&E \\&amp; \\&\\#42;"
        );
    }
}
