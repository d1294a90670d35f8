//! Text from someone else, shortened for the screen: a hand-in's 3 MB note
//! shown in full would bury everything else a therapist needs to see.
//!
//! Why shorten at show time rather than refuse at read: a long note is a
//! client's own words, often written on a hard day, and a hand-in must
//! never be turned away for holding too much of them. The file is left as
//! it is; the screen shows the start of each long text and says how much
//! more there is and where to read it.

use serde::Serialize;
use serde::de::DeserializeOwned;
use unicode_segmentation::UnicodeSegmentation;

pub(super) use crate::plan::limits::thousands;

/// The most characters of one text shown on screen: about a screenful.
pub const SHOWN: usize = 2000;

/// `value` with every text in it longer than [`SHOWN`] characters cut to
/// its start (on a grapheme boundary) and a note of how much was left out.
/// `None` if `value` cannot be read back after shortening (a shape the
/// program does not write), in which case the caller shows it as it is.
/// Linear in the size of `value`.
pub fn shortened<T: Serialize + DeserializeOwned>(value: &T) -> Option<T> {
    let mut tree = toml::Value::try_from(value).ok()?;
    shorten_all(&mut tree);
    tree.try_into().ok()
}

fn shorten_all(value: &mut toml::Value) {
    match value {
        toml::Value::String(text) => {
            if let Some(short) = cut(text) {
                *text = short;
            }
        }
        toml::Value::Array(items) => items.iter_mut().for_each(shorten_all),
        toml::Value::Table(table) => table.iter_mut().for_each(|(_, v)| shorten_all(v)),
        _ => {}
    }
}

/// `text` cut to [`SHOWN`] characters and a note, or `None` if it fits.
pub fn cut(text: &str) -> Option<String> {
    if text.len() <= SHOWN {
        return None; // fewer bytes than the limit: fewer characters too
    }
    let total = text.chars().count();
    if total <= SHOWN {
        return None;
    }
    let mut shown = 0;
    let mut end = 0;
    for (at, grapheme) in text.grapheme_indices(true) {
        let chars = grapheme.chars().count();
        if shown + chars > SHOWN {
            break;
        }
        shown += chars;
        end = at + grapheme.len();
    }
    Some(format!(
        "{}… [{} more characters not shown here; open the file to read it all]",
        &text[..end],
        thousands(total - shown)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_is_cut_with_a_note_and_short_text_kept() {
        assert_eq!(cut("short"), None);
        let long = "ab".repeat(1_600_000);
        let short = cut(&long).unwrap();
        assert!(short.starts_with(&"ab".repeat(1000)));
        assert!(short.ends_with(
            "… [3,198,000 more characters not shown here; open the file to read it all]"
        ));
        // Never inside a grapheme: a Devanagari cluster stays whole.
        let hindi = "क्षमा ".repeat(1000);
        let short = cut(&hindi).unwrap();
        let kept = short.split('…').next().unwrap();
        assert!(kept.ends_with("क्षमा ") || kept.ends_with("क्षमा"), "{kept}");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
    }
}
