//! Where a line may break, for everything that wraps or shortens the
//! person's words: the terminal, the PDF, the wallet card, the lock screen
//! and the one-line summaries `validate` gives. One function, so a Thai
//! sentence breaks between the same words everywhere.
//!
//! Unicode's rules (UAX #14, the `unicode-linebreak` crate) find no break
//! inside Thai, Lao, Khmer or Burmese, which write no space between words
//! (class SA, resolved to a letter without a dictionary): a Thai sentence
//! was one "word", split wherever the line ran out, in the middle of a word
//! and after a leading vowel (Niran, Bangkok). Inside those runs the breaks
//! come from ICU4X's line segmenter with its word dictionaries; everywhere
//! else they are exactly UAX #14's as before, so no other language's lines
//! change. It lives outside `render` because `plan` (which may not import
//! `render`) shortens text too.

pub use unicode_linebreak::BreakOpportunity;
use unicode_linebreak::{BreakClass, break_property, linebreaks};

/// Every place `text` may break a line, as `unicode_linebreak::linebreaks`
/// gives them (byte offsets, left to right, ending with the mandatory break
/// at the end of the text), with the breaks between words added inside
/// runs of Thai, Lao, Khmer and Burmese. Never after a Thai or Lao leading
/// vowel (`เ แ โ ใ ไ`), which belongs to the syllable after it. Linear in
/// the length of `text`.
pub fn opportunities(text: &str) -> impl Iterator<Item = (usize, BreakOpportunity)> {
    let mut found: Vec<(usize, BreakOpportunity)> = linebreaks(text).collect();
    let runs = complex_runs(text);
    if !runs.is_empty() {
        let segmenter = icu_segmenter::LineSegmenter::new_dictionary(
            icu_segmenter::options::LineBreakOptions::default(),
        );
        let mut inside = Vec::new();
        for run in runs {
            inside.extend(
                segmenter
                    .segment_str(&text[run.clone()])
                    .map(|at| run.start + at)
                    .filter(|at| *at > run.start && *at < run.end)
                    .map(|at| (at, BreakOpportunity::Allowed)),
            );
        }
        found = merge(found, inside);
    }
    found.retain(|&(at, kind)| {
        kind == BreakOpportunity::Mandatory
            || !(after_leading_vowel(text, at)
                || before_a_sign(text, at)
                || inside_korean_word(text, at))
    });
    keep_final_consonants(text, &mut found);
    found.into_iter()
}

/// Whether the character just after `at` belongs to the letter before it:
/// a combining mark (a tone mark, a vowel written above or below), or a
/// Thai or Lao vowel written after its consonant (`ะ า ำ`), or the signs
/// that end a word (`ฯ ๆ`). Where the dictionary knows no word ("สวนลุม"
/// in "ตอนเช้า" broke "นเช้ / า", Niran) a line still never starts on one.
fn before_a_sign(text: &str, at: usize) -> bool {
    text[at..].chars().next().is_some_and(|c| {
        unicode_normalization::char::is_combining_mark(c)
            || c == '\u{200d}'
            || matches!(
                c,
                '\u{e2f}' | '\u{e30}' | '\u{e32}' | '\u{e33}' | '\u{e45}' | '\u{e46}'
            )
            || matches!(c, '\u{eaf}' | '\u{eb0}' | '\u{eb2}' | '\u{eb3}' | '\u{ec6}')
    })
}

/// A Thai or Lao consonant standing alone between two breaks, straight
/// after more of its script, is the last letter of the syllable before it
/// (the dictionary, not knowing "สวนลุม", broke it "สวนลุ / ม"): the break
/// before it goes, so the syllable stays whole.
fn keep_final_consonants(text: &str, found: &mut Vec<(usize, BreakOpportunity)>) {
    let bare = |c: char| matches!(c, '\u{e01}'..='\u{e2e}' | '\u{e81}'..='\u{eae}');
    let alone = |piece: &str| {
        let mut chars = piece.trim_end().chars();
        chars.next().is_some_and(bare) && chars.next().is_none()
    };
    let mut keep = vec![true; found.len()];
    for i in 0..found.len().saturating_sub(1) {
        let (at, kind) = found[i];
        let after_its_script = text[..at]
            .chars()
            .next_back()
            .is_some_and(|c| matches!(c, '\u{e01}'..='\u{e4e}' | '\u{e81}'..='\u{ece}'));
        if kind == BreakOpportunity::Allowed && after_its_script && alone(&text[at..found[i + 1].0])
        {
            keep[i] = false;
        }
    }
    let mut flags = keep.into_iter();
    found.retain(|_| flags.next().unwrap_or(true));
}

/// The byte ranges of `text` written in a script with no spaces between
/// words (line-break class SA), with the marks that sit on them.
fn complex_runs(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut runs: Vec<std::ops::Range<usize>> = Vec::new();
    for (at, c) in text.char_indices() {
        if break_property(u32::from(c)) != BreakClass::ComplexContext {
            continue;
        }
        let end = at + c.len_utf8();
        match runs.last_mut() {
            Some(run) if run.end == at => run.end = end,
            _ => runs.push(at..end),
        }
    }
    runs
}

/// Two lists of breaks, each left to right, as one, left to right: where
/// both hold a place, the first list's kind is kept.
fn merge(
    rules: Vec<(usize, BreakOpportunity)>,
    words: Vec<(usize, BreakOpportunity)>,
) -> Vec<(usize, BreakOpportunity)> {
    let mut out = Vec::with_capacity(rules.len() + words.len());
    let mut words = words.into_iter().peekable();
    for (at, kind) in rules {
        while let Some(&(w, _)) = words.peek().filter(|(w, _)| *w <= at) {
            if w < at {
                out.push((w, BreakOpportunity::Allowed));
            }
            words.next();
        }
        out.push((at, kind));
    }
    out.extend(words);
    out
}

/// Whether `at` falls inside a Korean word. UAX #14 lets a line break
/// between any two Hangul syllables, but Korean is written with spaces
/// between words and read in whole words: "아내 지영" broke as "아내 지" /
/// "영", his wife's name cut in two (Min-jun, Seoul). Korean lines break at
/// spaces, as CSS `word-break: keep-all` has it, and a word too long for
/// any line is still split by the wrapper that lays it out.
fn inside_korean_word(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at..].chars().next();
    let (Some(before), Some(after)) = (before, after) else {
        return false;
    };
    (is_hangul(before) || is_hangul(after)) && before.is_alphanumeric() && after.is_alphanumeric()
}

/// Hangul syllables and jamo, in every block Unicode puts them.
fn is_hangul(c: char) -> bool {
    matches!(
        c,
        '\u{1100}'..='\u{11FF}'
            | '\u{3130}'..='\u{318F}'
            | '\u{A960}'..='\u{A97F}'
            | '\u{AC00}'..='\u{D7AF}'
            | '\u{D7B0}'..='\u{D7FF}'
    )
}

/// Whether the character just before `at` is a Thai or Lao vowel written
/// before its consonant: a line never ends on one.
fn after_leading_vowel(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_some_and(|c| matches!(c, '\u{e40}'..='\u{e44}' | '\u{ec0}'..='\u{ec4}'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<&str> {
        let mut from = 0;
        opportunities(text)
            .map(|(at, _)| {
                let piece = &text[from..at];
                from = at;
                piece
            })
            .collect()
    }

    #[test]
    fn korean_breaks_between_words_never_inside_one() {
        let text = "회식 자리에서 상사가 소주를 권할 때 아내 지영에게 전화";
        assert_eq!(
            pieces(text),
            [
                "회식 ",
                "자리에서 ",
                "상사가 ",
                "소주를 ",
                "권할 ",
                "때 ",
                "아내 ",
                "지영에게 ",
                "전화"
            ]
        );
        // A number or Latin letters joined to a Korean word stay with it;
        // Chinese and Japanese still break between characters.
        assert_eq!(pieces("저녁 7시 이후"), ["저녁 ", "7시 ", "이후"]);
        assert_eq!(pieces("AA모임"), ["AA모임"]);
        assert_eq!(pieces("我想喝酒"), ["我", "想", "喝", "酒"]);
    }

    #[test]
    fn thai_breaks_between_words() {
        let text = "ผมสร้างไว้จากการเล่นพนัน";
        let got = pieces(text);
        assert_eq!(got.concat(), text);
        for word in ["สร้าง", "ไว้", "จาก", "การ", "เล่น", "พนัน"]
        {
            let at = text.find(word).unwrap();
            let end = at + word.len();
            let mut from = 0;
            for piece in &got {
                let cut = from + piece.len();
                assert!(cut <= at || cut >= end, "{word} broken in {got:?}");
                from = cut;
            }
        }
        assert!(got.len() >= 4, "{got:?}");
    }

    /// Niran's park, which the dictionary does not know: "สวนลุม" broke
    /// "สวนลุ / ม", and the words after it "นเช้ / า", a vowel alone.
    #[test]
    fn syllables_stay_whole_where_the_dictionary_fails() {
        assert_eq!(pieces("สวนลุม"), ["สวน", "ลุม"]);
        assert_eq!(
            pieces("นั่งที่สวนลุม แล้วโทรหาพี่"),
            ["นั่ง", "ที่", "สวน", "ลุม ", "แล้ว", "โทร", "หา", "พี่"]
        );
        for text in ["ไปเดินที่สวนลุมตอนเช้า", "ผมไปสวนลุมกับพี่ชาย", "ทำไมๆ ฯลฯ"]
        {
            let got = pieces(text);
            assert_eq!(got.concat(), text);
            for piece in &got[1..] {
                let first = piece.chars().next().unwrap();
                assert!(
                    !matches!(first, '\u{e30}'..='\u{e3a}' | '\u{e45}'..='\u{e4e}'),
                    "{piece:?} in {got:?}"
                );
                assert!(piece.chars().count() > 1, "{piece:?} in {got:?}");
            }
        }
    }

    #[test]
    fn no_line_ends_on_a_leading_vowel() {
        for text in ["ไม่ไล่ตามเงินที่เสียไป", "โทรหาพี่ชายแล้วใจเย็นลง", "ເຈົ້າໄປໃສ"]
        {
            for (at, _) in opportunities(text) {
                assert!(!after_leading_vowel(text, at), "{text} at {at}");
            }
        }
    }

    #[test]
    fn other_scripts_break_as_unicode_says() {
        for text in [
            "Call Alex on +44 7700 900123, then walk.",
            "给林晓（室友）打电话，告诉她我现在的感觉",
            "اتصل بأخي على +20 10 1234 5678",
            "सुनीता दीदी को फ़ोन करना",
            "line one\nline two",
            "",
        ] {
            assert_eq!(
                opportunities(text).collect::<Vec<_>>(),
                linebreaks(text).collect::<Vec<_>>(),
                "{text}"
            );
        }
        // Thai beside English keeps every break the English had.
        let mixed = "Call พี่ชาย now, then ไปเดินเล่น";
        let all: Vec<_> = opportunities(mixed).collect();
        for rule in linebreaks(mixed) {
            assert!(all.contains(&rule), "{rule:?} in {all:?}");
        }
        assert!(all.windows(2).all(|w| w[0].0 < w[1].0), "{all:?}");
    }

    /// Thai words Niran wrote; every line break and every cut must fall
    /// between two of them.
    const WORDS: [&str; 22] = [
        "ผม",
        "สร้าง",
        "ไว้",
        "จาก",
        "การ",
        "เล่น",
        "พนัน",
        "ไม่",
        "ไล่",
        "ตาม",
        "เงิน",
        "ที่",
        "เสีย",
        "ไป",
        "โทร",
        "หา",
        "พี่",
        "ชาย",
        "แล้ว",
        "ใจ",
        "เย็น",
        "ลง",
    ];

    /// Whether `text` is some of [`WORDS`] one after another.
    fn whole_words(text: &str) -> bool {
        let mut ends = vec![false; text.len() + 1];
        ends[0] = true;
        for at in 0..text.len() {
            if ends[at] && text.is_char_boundary(at) {
                for word in WORDS {
                    if text[at..].starts_with(word) {
                        ends[at + word.len()] = true;
                    }
                }
            }
        }
        ends[text.len()]
    }

    fn niran() -> String {
        "ผมสร้างไว้จากการเล่นพนันไม่ไล่ตามเงินที่เสียไปโทรหาพี่ชายแล้วใจเย็นลง".repeat(3)
    }

    #[test]
    fn thai_wraps_at_fifty_columns_between_words() {
        let text = niran();
        let wrapped = crate::render::wrap(&text, 50, "", "");
        assert!(wrapped.lines().count() > 3, "{wrapped}");
        for line in wrapped.lines() {
            assert!(crate::width::display_width(line) <= 50, "{line}");
            for run in line.split_whitespace() {
                assert!(whole_words(run), "{run:?} in\n{wrapped}");
            }
        }
        let again: String = wrapped.split_whitespace().collect();
        assert_eq!(again, text.split_whitespace().collect::<String>());
    }

    #[test]
    fn thai_is_shortened_between_words() {
        let text = niran().replace(' ', "");
        for width in 10..60 {
            let short = crate::render::shorten(&text, width);
            let kept = short.trim_end_matches('…');
            assert!(text.starts_with(kept), "{short}");
            assert!(whole_words(kept), "{width}: {short}");
        }
    }

    /// 100,000 characters of Thai wrap in about ten times the time 10,000
    /// take: no worse than n log n (measured: see the README).
    #[test]
    fn a_long_thai_text_wraps_in_n_log_n() {
        let time = |n: usize| {
            let text: String = niran().chars().cycle().take(n).collect();
            let started = std::time::Instant::now();
            let wrapped = crate::render::wrap(&text, 50, "", "");
            assert!(
                wrapped.lines().count() > n / 100,
                "{}",
                wrapped.lines().count()
            );
            started.elapsed()
        };
        let small = time(10_000);
        let large = time(100_000);
        assert!(
            large < small * 25 + std::time::Duration::from_millis(200),
            "10k: {small:?}, 100k: {large:?}"
        );
    }
}
