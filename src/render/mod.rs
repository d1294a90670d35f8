//! Turning a plan into text for people (and JSON for scripts). Renderers
//! write to `impl Write` and never read files, the clock or the terminal.

pub mod card;
pub mod chart;
pub mod crisis;
pub mod html;
pub mod ics;
pub mod json;
pub mod markdown;
pub mod pdf;
pub mod printout;
pub mod tables;
pub mod text;

use crate::ctx::Style;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Makes the person's text safe to print: control characters (escape
/// sequences in a hostile file, stray line breaks) become visible
/// replacement characters instead of acting on the terminal.
pub fn clean(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\t' => ' ',
            c if c.is_control() => '\u{fffd}',
            c => c,
        })
        .collect()
}

/// Wraps cleaned text to `width` columns, every line starting with `indent`
/// and continuation lines with `hang` (so numbered lists stay aligned).
/// Words longer than a line are split rather than overflowing it. Widths
/// are display columns, so CJK text (two columns a character) fits too.
pub fn wrap(text: &str, width: usize, indent: &str, hang: &str) -> String {
    let text = clean(text);
    let mut lines: Vec<String> = Vec::new();
    let mut line = indent.to_string();
    let mut line_len = indent.width();
    let mut empty = true;
    for word in text.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        loop {
            let room = width.saturating_sub(line_len + usize::from(!empty));
            let word_len: usize = word.iter().map(|c| c.width().unwrap_or(0)).sum();
            if word_len <= room {
                if !empty {
                    line.push(' ');
                    line_len += 1;
                }
                line.extend(word.iter());
                line_len += word_len;
                empty = false;
                break;
            }
            if empty && room > 0 {
                // A single word wider than the line: split it, taking at
                // least one character so a narrow line still moves on.
                let mut taken = 0;
                let mut cut = 0;
                for c in &word {
                    let w = c.width().unwrap_or(0);
                    if cut > 0 && taken + w > room {
                        break;
                    }
                    taken += w;
                    cut += 1;
                }
                line.extend(word.drain(..cut));
            }
            lines.push(std::mem::replace(&mut line, hang.to_string()));
            line_len = hang.width();
            empty = true;
        }
    }
    if !empty || lines.is_empty() {
        lines.push(line);
    }
    lines.join("\n")
}

/// What separates short facts on a line: a middle dot, or in plain mode a
/// comma, which a screen reader pauses on instead of naming a symbol.
pub fn separator(style: Style) -> &'static str {
    if style.plain { ", " } else { " · " }
}

/// What starts an item in a list: a dash, or nothing in plain mode.
pub fn bullet(style: Style) -> (&'static str, &'static str) {
    if style.plain {
        ("  ", "  ")
    } else {
        ("  - ", "    ")
    }
}

/// A section heading, bold on a colour terminal.
pub fn heading(text: &str, style: Style) -> String {
    if style.color {
        format!("\u{1b}[1m{text}\u{1b}[0m")
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_lines_within_the_width() {
        let text = "Call Alex, and if Alex does not answer within ten minutes call the Samaritans";
        let wrapped = wrap(text, 30, "  1. ", "     ");
        for line in wrapped.lines() {
            assert!(line.chars().count() <= 30, "{line:?}");
        }
        assert!(wrapped.starts_with("  1. Call Alex,"));
        assert_eq!(
            wrapped
                .split_whitespace()
                .filter(|w| *w != "1.")
                .collect::<Vec<_>>()
                .join(" "),
            text
        );
        let long = wrap(&"x".repeat(70), 30, "", "");
        assert!(long.lines().all(|l| l.chars().count() <= 30));
        assert_eq!(long.replace('\n', ""), "x".repeat(70));
    }

    #[test]
    fn control_characters_cannot_reach_the_terminal() {
        assert_eq!(
            clean("a\u{1b}[2Jb\r\nc\td"),
            "a\u{fffd}[2Jb\u{fffd}\u{fffd}c d"
        );
    }
}
