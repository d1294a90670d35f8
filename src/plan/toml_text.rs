//! TOML text for files that go to someone else, with every character that
//! would hide or act on its neighbours written as a `\u` escape.
//!
//! A hand-in goes to a therapist and homework to a client, who may open it
//! with `cat`, `less` or an editor before relapse-plan ever reads it. TOML
//! writers escape control characters but write a right-to-left override
//! (U+202E) or a zero-width space as it is, so a number in a client's step
//! could read differently in the therapist's editor from what the file
//! holds. Escapes are part of TOML: every reader gets the same words back,
//! byte for byte, and only the look of the file changes. Zero-width
//! (non-)joiners between letters stay as they are (they are how Persian,
//! Hindi and emoji are spelt: see [`super::hidden::hidden_at`]).

use super::hidden::hidden_at;

/// `text` (TOML written by `toml::to_string*`) with hidden characters in
/// its strings escaped; literal strings that hold one are rewritten as
/// basic strings, as only those can carry escapes. The result is read back
/// and compared with `text`: if the two ever differ, `text` is returned as
/// it was, since a file that says the same thing matters more than one
/// that looks tidy.
pub fn escape_hidden(text: &str) -> String {
    if !super::hidden::any_hidden(text) {
        return text.to_owned();
    }
    let escaped = rewrite(text);
    let same = match (
        toml::from_str::<toml::Table>(text),
        toml::from_str::<toml::Table>(&escaped),
    ) {
        (Ok(before), Ok(after)) => before == after,
        _ => false,
    };
    debug_assert!(same, "escaping changed the TOML:\n{text}\n---\n{escaped}");
    if same { escaped } else { text.to_owned() }
}

/// One pass over the text, string by string: linear in its length.
fn rewrite(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 16);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '#' => {
                // A comment runs to the end of the line, quotes and all.
                while i < chars.len() && chars[i] != '\n' {
                    out.push(chars[i]);
                    i += 1;
                }
            }
            '"' | '\'' => {
                let multi = chars.get(i + 1) == Some(&c) && chars.get(i + 2) == Some(&c);
                let open = if multi { 3 } else { 1 };
                let (content, close) = string_end(&chars, i + open, c, multi);
                let body = &chars[i + open..content];
                write_string(&mut out, body, c == '"', multi);
                i = close;
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// Where the string whose content starts at `start` ends: the end of its
/// content and the index just past its closing delimiter. Basic strings
/// skip escaped characters; a run of more than three quotes at the end of
/// a multi-line string gives its first one or two to the content, as TOML
/// says.
fn string_end(chars: &[char], start: usize, quote: char, multi: bool) -> (usize, usize) {
    let mut j = start;
    while j < chars.len() {
        if quote == '"' && chars[j] == '\\' {
            j += 2;
            continue;
        }
        if chars[j] == quote {
            if !multi {
                return (j, j + 1);
            }
            let run = chars[j..].iter().take_while(|&&q| q == quote).count();
            if run >= 3 {
                let content = j + run.min(5) - 3;
                return (content, content + 3);
            }
            j += run;
            continue;
        }
        j += 1;
    }
    (chars.len(), chars.len())
}

/// One string, written as it was unless it holds a hidden character.
fn write_string(out: &mut String, body: &[char], basic: bool, multi: bool) {
    let delimiter = if multi { "\"\"\"" } else { "\"" };
    let hidden = (0..body.len()).any(|k| is_hidden(body, k));
    if !hidden {
        let quote = if basic { '"' } else { '\'' };
        let delimiter: String = std::iter::repeat_n(quote, if multi { 3 } else { 1 }).collect();
        out.push_str(&delimiter);
        out.extend(body);
        out.push_str(&delimiter);
        return;
    }
    out.push_str(delimiter);
    let mut k = 0;
    while k < body.len() {
        let c = body[k];
        if basic && c == '\\' {
            // An escape already in a basic string is kept whole.
            out.push(c);
            if let Some(&next) = body.get(k + 1) {
                out.push(next);
            }
            k += 2;
            continue;
        }
        if is_hidden(body, k) {
            push_escape(out, c);
        } else if !basic && (c == '\\' || c == '"') {
            // A literal string's backslashes and quotes are plain
            // characters: in a basic string they need escaping.
            out.push('\\');
            out.push(c);
        } else {
            out.push(c);
        }
        k += 1;
    }
    out.push_str(delimiter);
}

/// Whether the character at `k` of a string is one a reader would not
/// see; newlines and tabs in a multi-line string are its own layout.
fn is_hidden(body: &[char], k: usize) -> bool {
    let c = body[k];
    c != '\n'
        && c != '\t'
        && c != '\r'
        && hidden_at(
            c,
            k.checked_sub(1).map(|p| body[p]),
            body.get(k + 1).copied(),
        )
}

fn push_escape(out: &mut String, c: char) {
    use std::fmt::Write as _;
    let code = u32::from(c);
    // Writing to a String cannot fail.
    let _ = if code <= 0xffff {
        write!(out, "\\u{code:04X}")
    } else {
        write!(out, "\\U{code:08X}")
    };
}

#[cfg(test)]
mod tests {
    use super::escape_hidden;
    use serde::Serialize;

    #[derive(Serialize)]
    struct Words {
        plain: String,
        basic: String,
        literal: String,
        multi_basic: String,
        multi_literal: String,
        persian: String,
        list: Vec<String>,
    }

    fn words() -> Words {
        Words {
            plain: "Call Sam on 021 555 0101".into(),
            basic: "Call \u{202e}1010 555 120\u{202c} now".into(),
            literal: "C:\\notes \u{200b}here".into(),
            multi_basic: "first \"line\"\nsecond \u{2066}12\u{2069}".into(),
            multi_literal: "back\\slash\nand 'q' \u{202e}''".into(),
            persian: "می\u{200c}خواهم".into(),
            list: vec!["a\u{feff}b".into(), "it's".into()],
        }
    }

    #[test]
    fn every_string_reads_back_the_same_and_shows_no_hidden_character() {
        let text = toml::to_string_pretty(&words()).unwrap();
        let escaped = escape_hidden(&text);
        assert_eq!(
            toml::from_str::<toml::Table>(&text).unwrap(),
            toml::from_str::<toml::Table>(&escaped).unwrap()
        );
        for hidden in ['\u{202e}', '\u{202c}', '\u{200b}', '\u{2066}', '\u{feff}'] {
            assert!(!escaped.contains(hidden), "{hidden:?} left in:\n{escaped}");
        }
        assert!(escaped.contains("\\u202E1010 555 120\\u202C"), "{escaped}");
        // Persian spelling keeps its joiner as it is.
        assert!(escaped.contains("می\u{200c}خواهم"), "{escaped}");
        assert!(escaped.contains("plain = \"Call Sam on 021 555 0101\""));
    }

    #[test]
    fn a_file_with_nothing_hidden_is_unchanged() {
        let mut plain = words();
        plain.basic = "Call 0101".into();
        plain.literal = "C:\\notes".into();
        plain.multi_basic = "one\ntwo \"q\"".into();
        plain.multi_literal = "back\\slash\nit's".into();
        plain.list = vec!["it's".into()];
        let text = toml::to_string_pretty(&plain).unwrap();
        assert_eq!(escape_hidden(&text), text);
    }

    #[test]
    fn hidden_characters_in_keys_and_comments_keep_the_file_whole() {
        let text = "# a \u{202e} note\n\"we\u{200b}ird\" = 'x\u{200b}'\n";
        let escaped = escape_hidden(text);
        assert_eq!(
            toml::from_str::<toml::Table>(text).unwrap(),
            toml::from_str::<toml::Table>(&escaped).unwrap()
        );
        assert!(
            escaped.contains("\"we\\u200Bird\" = \"x\\u200B\""),
            "{escaped}"
        );
    }
}
