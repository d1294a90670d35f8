//! What people type, read the same way wherever it is typed: digits of any
//! script (`７`, `٧`, `७`) and full-width forms (`／`, `％`) mean what their
//! ASCII twins mean, so a rating or a date typed with a Chinese or Arabic
//! keyboard is read, not refused.

/// The code point of `0` in every run of Unicode decimal digits (general
/// category Nd, Unicode 18; each run holds 0 to 9 in order): Thai `๐`, Lao,
/// Khmer, Myanmar, Tamil and every other script's. Generated from the
/// `unicode-properties` crate's table, and checked against it and against
/// `char::is_numeric` over every character below.
const DIGIT_ZEROS: [u32; 77] = [
    0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66,
    0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
    0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    0x104A0, 0x10D30, 0x10D40, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0,
    0x11650, 0x116C0, 0x116D0, 0x116DA, 0x11730, 0x118E0, 0x11950, 0x11BF0, 0x11C50, 0x11D50,
    0x11DA0, 0x11DE0, 0x11F50, 0x16130, 0x16A60, 0x16AC0, 0x16B50, 0x16D70, 0x1CCF0, 0x1D7CE,
    0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E4F0, 0x1E5F1, 0x1E950, 0x1FBF0,
];

/// The value of a decimal digit of any script, like `char::to_digit(10)`
/// for ASCII.
pub fn digit_value(c: char) -> Option<u32> {
    let code = u32::from(c);
    let at = DIGIT_ZEROS.partition_point(|zero| *zero <= code);
    let zero = DIGIT_ZEROS.get(at.checked_sub(1)?)?;
    let value = code - zero;
    (value < 10).then_some(value)
}

/// `text` with every decimal digit made ASCII, full-width ASCII forms
/// (`／`, `％`, `Ａ`) made their ASCII twins and the ideographic space a
/// space; everything else unchanged. For reading numbers and dates only:
/// what the person wrote is kept as written.
pub fn fold(text: &str) -> String {
    text.chars()
        .map(|c| match (digit_value(c), u32::from(c)) {
            (Some(d), _) => char::from_digit(d, 10).unwrap_or(c),
            (None, code @ 0xFF01..=0xFF5E) => char::from_u32(code - 0xFEE0).unwrap_or(c),
            (None, 0x3000) => ' ',
            _ => c,
        })
        .collect()
}

/// A whole number as typed, in any script's digits (`7`, `７`, `٧`), with
/// spaces around it allowed; `None` for anything else.
pub fn whole_number(text: &str) -> Option<u64> {
    let folded = fold(text);
    let trimmed = folded.trim();
    if trimmed.is_empty() || !trimmed.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    trimmed.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_of_every_script_have_their_value() {
        assert_eq!(digit_value('7'), Some(7));
        assert_eq!(digit_value('７'), Some(7));
        assert_eq!(digit_value('٧'), Some(7));
        assert_eq!(digit_value('۷'), Some(7));
        assert_eq!(digit_value('७'), Some(7));
        assert_eq!(digit_value('๗'), Some(7));
        assert_eq!(digit_value('a'), None);
        assert_eq!(digit_value('七'), None);
        assert_eq!(digit_value('½'), None);
        assert_eq!(digit_value('/'), None);
        // Every run is ten numeric characters in a row, and only those
        // (below the first zero, between runs) are digits here.
        for zero in DIGIT_ZEROS {
            for i in 0..10 {
                let c = char::from_u32(zero + i).unwrap();
                assert!(c.is_numeric(), "{c:?}");
                assert_eq!(digit_value(c), Some(i), "{c:?}");
            }
        }
        assert!(DIGIT_ZEROS.windows(2).all(|w| w[0] + 10 <= w[1]));
    }

    /// Issue 13 (Niran): the table is every decimal digit Unicode has,
    /// and only those, checked character by character against the
    /// `unicode-properties` crate's general categories.
    #[test]
    fn the_table_is_every_decimal_digit() {
        use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            let decimal = c.general_category() == GeneralCategory::DecimalNumber;
            assert_eq!(digit_value(c).is_some(), decimal, "{c:?}");
            assert!(!decimal || c.is_numeric(), "{c:?}");
        }
        for (c, value) in [('๐', 0), ('๘', 8), ('໕', 5), ('༣', 3), ('၉', 9), ('៧', 7)] {
            assert_eq!(digit_value(c), Some(value), "{c:?}");
        }
        assert_eq!(fold("๐๘๑ ๒๓๔ ๕๖๗๘"), "081 234 5678");
    }

    #[test]
    fn numbers_in_any_digits() {
        assert_eq!(whole_number(" ７ "), Some(7));
        assert_eq!(whole_number("٤٥"), Some(45));
        assert_eq!(whole_number("10"), Some(10));
        assert_eq!(whole_number("1０"), Some(10));
        for text in ["", " ", "7a", "-1", "+3", "4.5", "七", "1 0"] {
            assert_eq!(whole_number(text), None, "{text:?}");
        }
        assert_eq!(fold("３月１日"), "3月1日");
        assert_eq!(fold("２０２７／３／１"), "2027/3/1");
        assert_eq!(fold("４５％"), "45%");
    }
}
