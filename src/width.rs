//! How many columns text takes on a terminal: the one width function for
//! everything laid out for a screen (lines, tables, the typing line).
//!
//! `unicode-width` gives spacing combining marks (general category Mc: the
//! Tamil vowel signs ே ா ி ொ, Devanagari ा ी, Bengali, Sinhala, Khmer…)
//! no column, but tmux, glibc's `wcwidth` and most terminals draw each in
//! a column of its own. A Tamil line measured 48 came out 49 on a
//! 48-column terminal, and the terminal tore ே off its letter onto a line
//! of its own (Kavya, Chennai). Counting them as the terminal does keeps
//! every line inside the screen; nothing else changes: CJK, Hangul and
//! emoji are two, Thai marks (Mn) none, colour codes none.

use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};

/// Columns `text` takes as a terminal draws it, character by character
/// (colour codes take none).
pub fn display_width(text: &str) -> usize {
    textwrap::core::display_width(text) + text.chars().filter(|&c| spacing_mark(c)).count()
}

/// A spacing combining mark that `unicode-width` counts as no column, and
/// a terminal as one.
fn spacing_mark(c: char) -> bool {
    c.general_category() == GeneralCategory::SpacingMark
        && textwrap::core::display_width(c.encode_utf8(&mut [0; 4])) == 0
}

#[cfg(test)]
mod tests {
    use super::display_width;

    #[test]
    fn columns_as_tmux_draws_them() {
        // Measured in tmux 3.3 (cursor column after printing each word).
        for (text, columns) in [
            ("வெளியே", 6),
            ("கத்தி", 4),
            ("कि", 2),
            ("ক্ষে", 3),
            ("a\u{301}", 1),
            ("ที่", 1),
            ("한국", 4),
            ("\u{1b}[1mஅ\u{1b}[0m", 1),
        ] {
            assert_eq!(display_width(text), columns, "{text}");
        }
    }
}
