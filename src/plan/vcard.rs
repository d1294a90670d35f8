//! Reading contacts from vCard files (2.1, 3.0 and 4.0), as phones and
//! address books export them: names and phone numbers, several cards per
//! file, folded lines, escaped text and quoted-printable names. And writing
//! them as vCard 3.0, the version every phone imports.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use super::ids::IdMaker;
use super::lookalike::{look, looks_alike, skeleton};
use super::{Contact, OwnLine, OwnLines, Plan, Role, phone};
use crate::crisis_lines::{CountryLines, CrisisLine};

/// The longest name a card may bring into a plan, in characters.
pub const MAX_NAME: usize = 200;

/// The longest number a card may bring into a plan, in characters.
pub const MAX_PHONE: usize = 60;

/// A person found in a vCard file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    /// Which card in the file it is, counting from 1.
    pub position: usize,
    /// Without the characters that do not show (see
    /// [`super::hidden::without_hidden`]): a name is tidied as it is read.
    pub name: String,
    /// Whether the name held characters that do not show (zero-width
    /// spaces, bidirectional controls, other format characters), left out
    /// of `name`: the person is told, card by card.
    pub hidden_left_out: bool,
    /// The preferred number, else the first.
    pub phone: Option<String>,
    /// The card's other numbers, in file order. A contact in a plan holds
    /// one number, so these are named to the person, never dropped unsaid.
    pub other_phones: Vec<String>,
    /// Whether its name was not UTF-8 and named no character set, so it
    /// was read as Windows-1252 (as older Windows programs write): a guess
    /// the person is told about, card by card.
    pub guessed_windows_1252: bool,
    /// The role the card's note gives, as `contact export` writes it ("In
    /// my crisis plan: a professional."): a plan's own card reads back as
    /// what it was.
    pub role: Option<Role>,
    /// When they can be reached, from the note's "Reachable: …" line, as
    /// `contact export` writes it; in her words, without hidden characters.
    pub reachable: Option<String>,
    /// Whether `contact export` wrote it for a country's checked emergency
    /// number or crisis line (its note says so): no person, and never one
    /// to bring in as someone to call (Trudy: "Emergency · 111" came back
    /// as a helper, and stayed after the country changed). The numbers she
    /// added herself still come in, as hers.
    pub plan_number: bool,
    /// What `contact export` wrote on it of hers: her emergency number (on
    /// the emergency card, beside the country's), or a crisis line she
    /// added (named as the card is). It comes back as hers, never as a
    /// person to call.
    pub mine: Option<super::own_numbers::Mine>,
}

/// A card that can't come into a plan, as it has no name: there is
/// nothing to call it in a plan. Its numbers are kept, so the person is
/// told which numbers did not come in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nameless {
    /// Which card in the file it is, counting from 1.
    pub position: usize,
    /// Its numbers, in file order.
    pub phones: Vec<String>,
}

/// What a vCard file holds, in file order.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Read {
    pub cards: Vec<Card>,
    pub nameless: Vec<Nameless>,
    /// Cards that began before the card around them ended, as (outer,
    /// inner) positions: a card inside a card (vCard 2.1's `AGENT`), or one
    /// whose `END:VCARD` is missing. Each is read as a card of its own, and
    /// what follows the inner card's end belongs to the outer one again.
    pub nested: Vec<(usize, usize)>,
}

/// Every card with a name, in file order (see [`read`]).
pub fn parse(text: &str) -> Vec<Card> {
    read(text).cards
}

/// Every card in the file, in file order: those with a name, and those
/// without one (never dropped unsaid). A card cut off by the next
/// `BEGIN:VCARD`, or by the end of the file, without its `END:VCARD` is
/// still a card: phones and hand edits lose that line, not the person.
pub fn read(text: &str) -> Read {
    read_bytes(text.as_bytes())
}

/// [`read`] for a file's bytes, in whatever encoding it was saved in: each
/// line is read as UTF-8 when it is UTF-8; as Windows-1252 when the line
/// says so (`CHARSET=windows-1252`, or Latin-1, which Windows-1252 extends);
/// a name that is neither is read as Windows-1252 too, and its card says it
/// was a guess. A number is never guessed at: bytes that are not text in
/// one become U+FFFD, which the import refuses by name. A file that starts
/// with a byte-order mark is read in the encoding it marks: UTF-16, as
/// Windows Contacts saves it (little- or big-endian), or UTF-8.
pub fn read_bytes(bytes: &[u8]) -> Read {
    let decoded;
    let bytes = match encoding_rs::Encoding::for_bom(bytes) {
        Some((encoding, bom)) if encoding != encoding_rs::UTF_8 => {
            // Linear; a lone surrogate becomes U+FFFD, refused by name.
            decoded = encoding.decode_without_bom_handling(&bytes[bom..]).0;
            decoded.as_bytes()
        }
        Some((_, bom)) => &bytes[bom..],
        None => bytes,
    };
    let mut read = Read::default();
    // The cards open now, innermost last: a card inside a card is read as
    // its own, and the outer one carries on after it ends.
    let mut open: Vec<Builder> = Vec::new();
    let mut position = 0;
    let finish = |builder: Builder, read: &mut Read| match builder.finish() {
        Ok(card) => read.cards.push(card),
        Err(nameless) => read.nameless.push(nameless),
    };
    for raw in unfold(bytes) {
        let Some(colon) = raw.iter().position(|b| *b == b':') else {
            continue;
        };
        // The head (name and parameters) is ASCII in every vCard; only a
        // value may be in another encoding.
        let head = String::from_utf8_lossy(&raw[..colon]);
        let mut parts = head.split(';');
        let name = parts.next().unwrap_or("");
        // "item1.TEL" groups a property; the group does not matter here.
        let name = name.rsplit('.').next().unwrap_or(name).to_ascii_uppercase();
        let params: Vec<String> = parts.map(str::to_ascii_uppercase).collect();
        let (value, guessed) = text_of(&raw[colon + 1..], &params, name.trim() != "TEL");
        match (name.trim(), value.trim().to_ascii_uppercase().as_str()) {
            ("BEGIN", "VCARD") => {
                position += 1;
                if let Some(outer) = open.last() {
                    read.nested.push((outer.position, position));
                }
                open.push(Builder {
                    position,
                    ..Builder::default()
                });
            }
            ("END", "VCARD") => {
                if let Some(card) = open.pop() {
                    finish(card, &mut read);
                }
            }
            (name, _) => {
                if let Some(card) = open.last_mut() {
                    card.guessed |= guessed && matches!(name, "FN" | "N");
                    card.property(name, &params, &value);
                }
            }
        }
    }
    while let Some(card) = open.pop() {
        finish(card, &mut read);
    }
    // An inner card ends before its outer one: back to file order.
    read.cards.sort_by_key(|c| c.position);
    read.nameless.sort_by_key(|c| c.position);
    read
}

/// Why a file gave no card at all, in words, when its bytes say: text
/// saved as UTF-16 without the byte-order mark that says so (every other
/// byte 0, which no UTF-8 vCard holds), or another kind of file (a PDF, a
/// picture). Only the first kilobyte is looked at.
pub fn why_no_cards(bytes: &[u8]) -> Option<String> {
    let start = &bytes[..bytes.len().min(1024)];
    let pairs = start.len() / 2;
    let zeros = |first: usize| {
        start
            .iter()
            .skip(first)
            .step_by(2)
            .take(pairs)
            .filter(|b| **b == 0)
            .count()
    };
    let (even, odd) = (zeros(0), zeros(1));
    let marked = encoding_rs::Encoding::for_bom(bytes).is_some();
    let order = if marked {
        None
    } else if pairs >= 2 && odd * 2 >= pairs && even * 8 < pairs {
        Some("little-endian")
    } else if pairs >= 2 && even * 2 >= pairs && odd * 8 < pairs {
        Some("big-endian")
    } else {
        None
    };
    if let Some(order) = order {
        return Some(format!(
            "it looks like text saved as UTF-16 ({order}: every other byte is 0) without the byte-order mark that says so, so it can't be read safely; save it again as UTF-8, or as UTF-16 with a byte-order mark (as Windows Contacts saves it), and import that"
        ));
    }
    match super::parse::Foreign::of(bytes) {
        // UTF-16 with its mark is read as any vCard is.
        Some(super::parse::Foreign::VCard | super::parse::Foreign::Utf16) | None => None,
        Some(found) => Some(format!("it is {}, not a vCard file", found.words())),
    }
}

/// The character set a property names (`CHARSET=windows-1252`,
/// `CHARSET=Shift_JIS`, `CHARSET=Big5`, `CHARSET=UTF-8`), by the labels
/// browsers know (as `encoding_rs` reads them: Latin-1 is read as
/// Windows-1252, which extends it). `None` when it names none, or one no
/// browser knows.
fn charset(params: &[String]) -> Option<&'static encoding_rs::Encoding> {
    params.iter().find_map(|p| {
        let label = p.strip_prefix("CHARSET=")?.trim_matches('"');
        encoding_rs::Encoding::for_label(label.as_bytes())
    })
}

/// Bytes as text, as [`read_bytes`] says; with whether it was a guess.
/// `may_guess` is false for a number, which is never guessed at.
fn text_of(bytes: &[u8], params: &[String], may_guess: bool) -> (String, bool) {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return (text.to_string(), false);
    }
    if let Some(encoding) = charset(params) {
        return (in_charset(encoding, bytes), false);
    }
    if may_guess {
        return (windows_1252(bytes), true);
    }
    (String::from_utf8_lossy(bytes).into_owned(), false)
}

/// Bytes in `encoding` as text; what is not text in it becomes U+FFFD
/// (and Windows-1252's five unused bytes become C1 controls), which a
/// name may not hold, so such a card is refused by name.
fn in_charset(encoding: &'static encoding_rs::Encoding, bytes: &[u8]) -> String {
    encoding.decode_without_bom_handling(bytes).0.into_owned()
}

/// Windows-1252 bytes as text (see [`in_charset`]).
fn windows_1252(bytes: &[u8]) -> String {
    in_charset(encoding_rs::WINDOWS_1252, bytes)
}

#[derive(Default)]
struct Builder {
    /// Which card in the file this is, counting from 1.
    position: usize,
    formatted: Option<String>,
    structured: Option<String>,
    phones: Vec<(bool, String)>,
    /// Whether a name field held characters that do not show.
    hidden: bool,
    /// Whether a name field was read as Windows-1252 by a guess.
    guessed: bool,
    /// The note, escapes and all, to read back what our export wrote.
    note: Option<String>,
}

impl Builder {
    fn property(&mut self, name: &str, params: &[String], raw: &str) {
        let (value, guessed) = decode(params, raw, name != "TEL");
        self.guessed |= guessed && matches!(name, "FN" | "N");
        match name {
            "FN" => {
                let name = self.tidy(&unescape(&value));
                self.formatted = Some(name).filter(|v| !v.trim().is_empty());
            }
            "N" => {
                // Family;Given;Additional;Prefix;Suffix
                let parts: Vec<String> = split_unescaped(&value, ';')
                    .iter()
                    .map(|p| self.tidy(&unescape(p)))
                    .collect();
                let order = [3, 1, 2, 0, 4];
                let words: Vec<&str> = order
                    .iter()
                    .filter_map(|&i| parts.get(i))
                    .map(|p| p.trim())
                    .filter(|p| !p.is_empty())
                    .collect();
                if !words.is_empty() {
                    self.structured = Some(words.join(" "));
                }
            }
            "TEL" => {
                // A `tel:` URI (vCard 4's `VALUE=uri`, in any case) is the
                // number after it; an extension (`;ext=1234`) stays with it,
                // as the plan reads one (see `phone::without_extension`).
                let number = unescape(&value);
                let number = number.trim();
                let number = match number.get(..4) {
                    Some(scheme) if scheme.eq_ignore_ascii_case("tel:") => &number[4..],
                    _ => number,
                }
                .trim()
                .to_string();
                if !number.is_empty() {
                    let preferred = params.iter().any(|p| p.contains("PREF"));
                    self.phones.push((preferred, number));
                }
            }
            "NOTE" => self.note = Some(value),
            _ => {}
        }
    }

    /// A name field without what does not show; remembers that it held some.
    fn tidy(&mut self, name: &str) -> String {
        let tidied = super::hidden::without_hidden(name);
        self.hidden |= tidied != name;
        tidied
    }

    fn finish(mut self) -> Result<Card, Nameless> {
        let Some(name) = self.formatted.or(self.structured) else {
            return Err(Nameless {
                position: self.position,
                phones: self.phones.into_iter().map(|(_, number)| number).collect(),
            });
        };
        let kept = self
            .phones
            .iter()
            .position(|(preferred, _)| *preferred)
            .unwrap_or(0);
        let phone = (kept < self.phones.len()).then(|| self.phones.remove(kept).1);
        // The same number given twice (as "cell" and "voice", say) is one.
        let mut seen: HashSet<String> = phone.iter().map(|p| digits(p)).collect();
        let other_phones = self
            .phones
            .into_iter()
            .map(|(_, number)| number)
            .filter(|number| seen.insert(digits(number)))
            .collect();
        let said = self.note.as_deref().map(said_in_note).unwrap_or_default();
        let name = if self.hidden {
            name.split_whitespace().collect::<Vec<_>>().join(" ")
        } else {
            name.trim().to_string()
        };
        let mine = said.mine.map(|mine| match mine {
            super::own_numbers::Mine::Line(line) => super::own_numbers::Mine::Line(OwnLine {
                name: name.clone(),
                ..line
            }),
            emergency @ super::own_numbers::Mine::Emergency { .. } => emergency,
        });
        Ok(Card {
            position: self.position,
            // Tidying can leave spaces doubled ("Jo \u{200b} Smith").
            name,
            hidden_left_out: self.hidden,
            phone,
            other_phones,
            guessed_windows_1252: self.guessed,
            role: said.role,
            reachable: said.reachable,
            plan_number: said.plan_number,
            mine,
        })
    }
}

/// What a card's note says, when `contact export` wrote it.
#[derive(Default)]
struct Said {
    role: Option<Role>,
    reachable: Option<String>,
    /// Whether the note is one `contact export` writes for a country's
    /// checked emergency number or crisis line ([`emergency`]).
    plan_number: bool,
    /// A number of hers it names ([`super::own_numbers::said`]).
    mine: Option<super::own_numbers::Mine>,
}

/// The role and the hours a card's note holds when `contact export` wrote
/// it ([`person`]): "In my crisis plan: a professional." and "Reachable:
/// ۸ صبح تا ۸ شب" on lines of their own; whether it is a country's checked
/// number, and a number of hers. Anything else in a note is not ours, and
/// says nothing. Read from the escaped value, where the line breaks still
/// show.
fn said_in_note(raw: &str) -> Said {
    let mut said = Said::default();
    let raw = raw.replace("\\N", "\\n");
    for line in raw.split("\\n").flat_map(str::lines) {
        let line = unescape(line);
        let line = line.trim();
        if let Some(role) = line.strip_prefix("In my crisis plan: ") {
            let role = role.trim_end_matches('.');
            said.role = [Role::Help, Role::Professional, Role::Distraction]
                .into_iter()
                .find(|r| in_a_crisis(*r) == Some(role));
        } else if let Some(hours) = line.strip_prefix("Reachable: ") {
            let hours = super::hidden::without_hidden(hours);
            said.reachable = Some(hours).filter(|h| !h.trim().is_empty());
        } else if ["Emergency number (", "Crisis line ("]
            .iter()
            .any(|start| line.starts_with(start))
        {
            said.plan_number = true;
        } else if let Some(mine) = super::own_numbers::said(line) {
            said.mine = Some(mine);
        }
    }
    said
}

/// Joins folded lines: a line starting with a space or tab continues the
/// one before (3.0, 4.0); a quoted-printable line ending in "=" continues
/// onto the next (2.1). Linear in the text: whether a line is
/// quoted-printable is decided once, from its name and parameters, never by
/// scanning the growing line again at each soft break. On bytes, so a line
/// in another encoding is read whole, with its own head.
fn unfold(text: &[u8]) -> Vec<Vec<u8>> {
    let mut lines: Vec<Vec<u8>> = Vec::new();
    let mut continues_qp = false;
    // Whether the current line's head (before its first ':') is complete,
    // and whether it says quoted-printable.
    let (mut head_done, mut qp) = (false, false);
    for raw in text.split(|b| *b == b'\n') {
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        let folded = raw.strip_prefix(b" ").or_else(|| raw.strip_prefix(b"\t"));
        let segment = match (folded, lines.last_mut()) {
            (Some(rest), Some(last)) => {
                last.extend_from_slice(rest);
                rest
            }
            (_, Some(last)) if continues_qp => {
                last.pop(); // the soft line break's "="
                last.extend_from_slice(raw);
                raw
            }
            _ => {
                lines.push(raw.to_vec());
                (head_done, qp) = (false, false);
                raw
            }
        };
        let line = lines.last().map_or(&[][..], Vec::as_slice);
        if !head_done
            && segment.contains(&b':')
            && let Some(colon) = line.iter().position(|b| *b == b':')
        {
            head_done = true;
            qp = line[..colon]
                .to_ascii_uppercase()
                .windows(16)
                .any(|w| w == b"QUOTED-PRINTABLE");
        }
        continues_qp = qp && line.ends_with(b"=");
    }
    lines
}

/// Decodes a quoted-printable or base64 value (`ENCODING=b`, as old
/// Android phones and some Outlook exports write a name, or
/// `ENCODING=BASE64`): as UTF-8, the charset phones use; in the character
/// set the card names (Windows-1252 for Latin-1, which it extends: old
/// phones; `Shift_JIS`, Big5 and the rest); or, for a name (`may_guess`),
/// where the bytes are not UTF-8 and the card names no character set, as
/// Windows-1252, with whether it was that guess. A byte sequence that is
/// not text, or base64 that is not base64, becomes U+FFFD, which the
/// import then refuses by name ([`card_problem`]), never storing it.
fn decode(params: &[String], value: &str, may_guess: bool) -> (String, bool) {
    let out = if params.iter().any(|p| p.contains("QUOTED-PRINTABLE")) {
        quoted_printable(value)
    } else if params
        .iter()
        .any(|p| matches!(p.as_str(), "ENCODING=B" | "ENCODING=BASE64" | "BASE64"))
    {
        match base64(value) {
            Some(bytes) => bytes,
            None => return (UNREADABLE.to_string(), false),
        }
    } else {
        return (value.to_string(), false);
    };
    if let Some(encoding) = charset(params).filter(|e| *e != encoding_rs::UTF_8) {
        return (in_charset(encoding, &out), false);
    }
    let named = params.iter().any(|p| p.starts_with("CHARSET="));
    match String::from_utf8(out) {
        Ok(text) => (text, false),
        Err(e) if may_guess && !named => (windows_1252(e.as_bytes()), true),
        Err(e) => (String::from_utf8_lossy(e.as_bytes()).into_owned(), false),
    }
}

/// The bytes of a quoted-printable value: `=XX` is a byte, the rest as it
/// is. One pass.
fn quoted_printable(value: &str) -> Vec<u8> {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'='
            && let Some(hex) = value.get(i + 1..i + 3)
            && let Ok(byte) = u8::from_str_radix(hex, 16)
        {
            out.push(byte);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}

/// The bytes of a base64 value (RFC 4648's alphabet; spaces and line
/// breaks left by folding are skipped, `=` ends it). One pass, and never
/// more out than in. `None` when it is not base64.
fn base64(value: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(value.len() / 4 * 3 + 3);
    let (mut bits, mut count) = (0u32, 0u8);
    let mut ended = false;
    for byte in value.bytes() {
        let sextet = match byte {
            b'A'..=b'Z' => byte - b'A',
            b'a'..=b'z' => byte - b'a' + 26,
            b'0'..=b'9' => byte - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            b'=' => {
                ended = true;
                continue;
            }
            b' ' | b'\t' | b'\r' | b'\n' => continue,
            _ => return None,
        };
        if ended {
            return None;
        }
        bits = (bits << 6) | u32::from(sextet);
        count += 1;
        if count == 4 {
            out.extend_from_slice(&bits.to_be_bytes()[1..]);
            (bits, count) = (0, 0);
        }
    }
    // What is left of the last group: 12 bits are a byte, 18 are two.
    match count {
        0 => {}
        2 => out.push((bits >> 4).to_be_bytes()[3]),
        3 => out.extend_from_slice(&(bits >> 2).to_be_bytes()[2..]),
        _ => return None,
    }
    Some(out)
}

/// Undoes vCard text escapes: `\,` `\;` `\\` and `\n`.
fn unescape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n' | 'N') => out.push(' '),
                Some(other) => out.push(other),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Splits on `separator` where it is not escaped.
fn split_unescaped(value: &str, separator: char) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut escaped = false;
    for c in value.chars() {
        if !escaped && c == separator {
            parts.push(String::new());
            continue;
        }
        escaped = !escaped && c == '\\';
        if let Some(last) = parts.last_mut() {
            last.push(c);
        }
    }
    parts
}

/// The cards of a file sorted out against a plan, in file order.
#[derive(Debug, Default)]
pub struct Sorted {
    /// Not yet in the plan.
    pub new: Vec<Card>,
    /// In the plan already: the same name with the same number, or with
    /// no number.
    pub known: Vec<Card>,
    /// The same person as a card earlier in the file: the same name with
    /// the same number, or with no number.
    pub twice: Vec<Card>,
    /// The same name as someone in the plan (or one that looks the same:
    /// see [`skeleton`]), with another number, and who is kept under that
    /// name. Not imported: one name would then stand for two numbers, and
    /// which to call is the person's to say.
    pub other_number: Vec<(Card, Kept)>,
    /// Cards of this file, none of them in the plan yet, whose names are
    /// the same or look the same (Cyrillic "Аnna" and Latin "Anna") but
    /// whose numbers differ: each group in file order. None of them comes
    /// in: the file does not say which number is the person's, and in a
    /// crisis two people who look the same can't be told apart.
    pub alike: Vec<Vec<Card>>,
    /// Cards whose first number is someone else's too (a home landline on
    /// Mum's card and Dad's), that come in with another number of their
    /// own: each as (name, the number kept, the shared one left out).
    pub own_number: Vec<(String, String, String)>,
}

/// Who is kept under a name: as written there, with their number (if any).
#[derive(Debug, Clone)]
pub struct Kept {
    pub name: String,
    pub phone: Option<String>,
}

/// Sorts `cards` into those new to `plan` and those already there (a name
/// that looks the same, see [`skeleton`], with the same digits or no
/// number), each person once: two names sharing a number are two people,
/// and one whose first number is someone else's too comes in with a number
/// of their own when the card has one ([`Sorted::own_number`]); names in the file that look the same with
/// different numbers are held back together ([`Sorted::alike`]). Linear in
/// the cards and the plan: names and numbers are looked up in maps.
pub fn sort_out(plan: &Plan, cards: Vec<Card>) -> Sorted {
    let country = plan.country.as_deref();
    let number = |phone: Option<&str>| dial_key(phone, country);
    // A name's number: the first contact of that name decides.
    let mut names = Names::default();
    for c in &plan.contacts {
        names.insert(Kept {
            name: c.name.clone(),
            phone: c.phone.clone(),
        });
    }
    // Who in the plan holds each number.
    let mut numbers: HashMap<String, Vec<&str>> = HashMap::new();
    for c in &plan.contacts {
        if let Some(d) = number(c.phone.as_deref()) {
            numbers.entry(d).or_default().push(&c.name);
        }
    }
    let mut sorted = Sorted::default();
    // Who each number belongs to, by how their names look: in the plan and
    // anywhere on a card of the file. Two names on one number (a home
    // landline) are two people.
    let mut owners: HashMap<String, HashSet<String>> = HashMap::new();
    for c in &plan.contacts {
        if let Some(d) = number(c.phone.as_deref()) {
            owners.entry(d).or_default().insert(look(&c.name));
        }
    }
    for card in &cards {
        let name = look(&card.name);
        for phone in card.phone.iter().chain(&card.other_phones) {
            if let Some(d) = number(Some(phone)) {
                owners.entry(d).or_default().insert(name.clone());
            }
        }
    }
    let shared_with_another = |name: &str, phone: &str| {
        number(Some(phone))
            .and_then(|d| owners.get(&d))
            .is_some_and(|names| names.iter().any(|n| n != name))
    };
    let cards: Vec<Card> = cards
        .into_iter()
        .map(|mut card| {
            let name = look(&card.name);
            let Some(first) = card.phone.clone() else {
                return card;
            };
            if !shared_with_another(&name, &first) {
                return card;
            }
            // Their own number is the one to call them on, when they have one.
            if let Some(at) = card
                .other_phones
                .iter()
                .position(|p| !shared_with_another(&name, p))
            {
                let own = card.other_phones.remove(at);
                sorted
                    .own_number
                    .push((card.name.clone(), own.clone(), first));
                card.phone = Some(own);
            }
            card
        })
        .collect();
    // First against the plan: someone of the same name (or none) and that
    // number is there already; what is left is new to it.
    let mut left = Vec::new();
    for card in cards {
        let digits = number(card.phone.as_deref());
        if let Some(kept) = names.get(&card.name) {
            let same_number = digits.as_ref().is_none_or(|d| {
                numbers
                    .get(d)
                    .is_some_and(|held| held.iter().any(|n| looks_alike(n, &card.name)))
            }) || matches!(
                (&kept.phone, &card.phone),
                (Some(theirs), Some(this)) if super::same::same_number(theirs, this, country)
            );
            if same_number {
                sorted.known.push(card);
            } else {
                sorted.other_number.push((card, kept.clone()));
            }
        } else {
            left.push(card);
        }
    }
    // Then within the file: names that look alike form a group, and a
    // group with more than one number is held back whole.
    let mut groups = Groups::default();
    let group_of: Vec<usize> = left.iter().map(|c| groups.join(&c.name)).collect();
    let mut group_numbers: Vec<HashSet<String>> = vec![HashSet::new(); groups.count];
    for (card, &group) in left.iter().zip(&group_of) {
        group_numbers[group].extend(number(card.phone.as_deref()));
    }
    let mut alike: Vec<Vec<Card>> = vec![Vec::new(); groups.count];
    // Only the same person twice (the same name, the same number or none)
    // is one: two names sharing a number are two people.
    let mut seen_groups = HashSet::new();
    for (card, group) in left.into_iter().zip(group_of) {
        if group_numbers[group].len() > 1 {
            alike[group].push(card);
        } else if !seen_groups.insert(group) {
            sorted.twice.push(card);
        } else {
            sorted.new.push(card);
        }
    }
    // In the file order of each group's first card.
    sorted.alike = alike.into_iter().filter(|g| !g.is_empty()).collect();
    sorted
}

/// A number as it dials from `country`, to find it in a map: `+98 935
/// 111 2233` and `۰۹۳۵ ۱۱۱ ۲۲۳۳` are one in Iran (Shirin). `None` when
/// nothing in it dials.
fn dial_key(phone: Option<&str>, country: Option<&str>) -> Option<String> {
    phone
        .map(|p| super::same::number_key(p, country))
        .filter(|d| !d.trim_start_matches('+').is_empty())
}

/// The file's names grouped by how they look ([`looks_alike`]): each name
/// joins the group of the first earlier name it looks like. By their look
/// in a map, then compared with the few that share it.
#[derive(Default)]
struct Groups {
    by_look: HashMap<String, Vec<(String, usize)>>,
    count: usize,
}

impl Groups {
    /// The group `name` belongs to, a new one if it looks like none so far.
    fn join(&mut self, name: &str) -> usize {
        let same = self.by_look.entry(look(name)).or_default();
        if let Some((_, group)) = same.iter().find(|(n, _)| n == name || looks_alike(n, name)) {
            return *group;
        }
        let group = self.count;
        self.count += 1;
        same.push((name.to_string(), group));
        group
    }
}

/// Names kept so far, found by how they look (see [`looks_alike`]): by
/// their look in a map, then compared with the few that share it.
#[derive(Default)]
struct Names(HashMap<String, Vec<Kept>>);

impl Names {
    /// Who is kept under a name that looks like `name`.
    fn get(&self, name: &str) -> Option<&Kept> {
        let same = self.0.get(&look(name))?;
        same.iter()
            .find(|k| k.name == name)
            .or_else(|| same.iter().find(|k| looks_alike(&k.name, name)))
    }

    /// Keeps `kept`, unless a name with its skeleton is kept already (the
    /// first of a name decides its number).
    fn insert(&mut self, kept: Kept) {
        let same = self.0.entry(look(&kept.name)).or_default();
        if !same
            .iter()
            .any(|k| skeleton(&k.name) == skeleton(&kept.name))
        {
            same.push(kept);
        }
    }
}

impl Plan {
    /// Adds the people in `cards` who are not yet in the plan as contacts
    /// with `role`, with ids made from their names; returns how many.
    pub fn add_cards(&mut self, cards: Vec<Card>, role: Role) -> usize {
        // Never as help someone marked "do not involve" under another
        // spelling or number: the plan may have changed since she was asked.
        let new: Vec<Card> = sort_out(self, cards)
            .new
            .into_iter()
            .filter(|card| {
                role == Role::DoNotInvolve
                    || self
                        .not_to_involve_like(&card.name, card.phone.as_deref(), None)
                        .is_none()
            })
            .collect();
        let mut ids = IdMaker::new(self.contacts.iter().map(|c| c.id.as_str()));
        let added = new.len();
        for card in new {
            let id = ids.make(&card.name, "contact");
            // The role a plan's own card gives (a professional stays one),
            // unless she imports them as people not to involve.
            let role = match (role, card.role) {
                (Role::DoNotInvolve, _) | (_, None) => role,
                (_, Some(said)) => said,
            };
            self.contacts.push(Contact {
                id,
                name: card.name,
                phone: card.phone,
                role,
                reachable: card.reachable,
            });
        }
        added
    }
}

/// Digits of a phone number, in ASCII, to notice the same number written
/// differently (in Thai digits or Latin ones): two numbers in Thai digits
/// were both "no digits", so the second was dropped as the first's twin.
pub fn digits(phone: &str) -> String {
    super::phone::for_dialling(phone)
        .chars()
        .filter(char::is_ascii_digit)
        .collect()
}

/// The category every written card carries, so a phone can group them.
pub const CATEGORY: &str = "My crisis plan";

/// A card to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub name: String,
    /// Numbers, each with its vCard 3.0 TEL types (`VOICE`, `MSG`, `CELL`).
    pub phones: Vec<(String, &'static str)>,
    /// Free text for the card's notes; line breaks are kept.
    pub note: Option<String>,
}

/// vCard 3.0 text for `entries`, one card each, in order: CRLF line ends,
/// text escaped, lines folded at 75 octets without splitting a character.
pub fn write(entries: &[Entry]) -> String {
    let mut out = String::new();
    for entry in entries {
        let name = escape(&entry.name);
        let mut lines = vec![
            "BEGIN:VCARD".to_string(),
            "VERSION:3.0".to_string(),
            format!("FN:{name}"),
            // The whole name as the given name: a plan holds names as the
            // person thinks of them, not split into family and given.
            format!("N:;{name};;;"),
        ];
        for (number, types) in &entry.phones {
            // Only what dials, in ASCII digits: never a hidden character
            // or an empty `TEL:` a phone would offer to call.
            let number = phone::for_dialling(number);
            if !number.is_empty() {
                lines.push(format!("TEL;TYPE={types}:{number}"));
            }
        }
        if let Some(note) = &entry.note {
            lines.push(format!("NOTE:{}", escape(note)));
        }
        lines.push(format!("CATEGORIES:{}", escape(CATEGORY)));
        lines.push("END:VCARD".to_string());
        for line in lines {
            fold(&line, &mut out);
        }
    }
    out
}

/// Escapes a text value: backslash, comma and semicolon get a backslash,
/// a line break becomes `\n`; other control characters become spaces, and
/// what would reorder or hide text (bidirectional overrides and isolates,
/// zero-width spaces) is left out. Joiners stay: scripts and emoji need them.
fn escape(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => out.push(' '),
            '\u{200b}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{feff}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends `line` folded to 75 octets a line (continuations start with a
/// space, which counts), never splitting a UTF-8 character, each ending CRLF.
fn fold(line: &str, out: &mut String) {
    const LIMIT: usize = 75;
    let mut room = LIMIT;
    let mut used = 0;
    for c in line.chars() {
        if used + c.len_utf8() > room {
            out.push_str("\r\n ");
            room = LIMIT - 1;
            used = 0;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out.push_str("\r\n");
}

/// What someone is in a crisis, as their card says it; `None` for someone
/// not to involve, who has no part in one.
pub fn in_a_crisis(role: Role) -> Option<&'static str> {
    match role {
        Role::Help => Some("someone who helps"),
        Role::Professional => Some("a professional"),
        Role::Distraction => Some("someone or somewhere that takes your mind off things"),
        Role::DoNotInvolve => None,
    }
}

/// A person from the plan as a card; `None` for someone not to involve.
pub fn person(contact: &Contact) -> Option<Entry> {
    let role = in_a_crisis(contact.role)?;
    let mut note = format!("In my crisis plan: {role}.");
    if let Some(reachable) = &contact.reachable {
        let _ = write!(note, "\nReachable: {reachable}");
    }
    Some(Entry {
        name: contact.name.clone(),
        phones: vec![(contact.phone.clone().unwrap_or_default(), "CELL")],
        note: Some(note),
    })
}

/// A crisis line as a card: every number to call, then the one to text.
pub fn crisis_line(line: &CrisisLine) -> Entry {
    let mut phones: Vec<(String, &'static str)> = line
        .call_numbers()
        .into_iter()
        .map(|n| (n.to_string(), "VOICE"))
        .collect();
    if let Some(text) = line.text_number() {
        match phones.iter_mut().find(|(n, _)| n == text) {
            Some(same) => same.1 = "VOICE,MSG",
            None => phones.push((text.to_string(), "MSG")),
        }
    }
    let mut note = format!("Crisis line ({}): {}", line.country, line.how_to_reach());
    for extra in [line.about, line.hours].into_iter().flatten() {
        let _ = write!(note, ", {extra}");
    }
    let _ = write!(note, ".\nChecked {} against {}.", line.checked, line.source);
    Entry {
        name: line.name.to_string(),
        phones,
        note: Some(note),
    }
}

/// What the emergency number's card is called: what `now` and the printed
/// plan call it, so she finds it under the word she has seen there.
pub const EMERGENCY: &str = "Emergency";

/// A number of her own that is not written to a card, as it does not dial
/// what it shows: whose it is (a line's name, or [`EMERGENCY`]), the
/// number as she has it, and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unwritten {
    pub name: String,
    pub number: String,
    pub trouble: phone::Trouble,
}

/// `number` when it dials what it shows; else `None`, with why noted in
/// `unwritten`. An empty number is no number, and nothing is said.
fn dials<'a>(
    name: &str,
    number: Option<&'a str>,
    unwritten: &mut Vec<Unwritten>,
) -> Option<&'a str> {
    let number = number.map(str::trim).filter(|n| !n.is_empty())?;
    match phone::trouble(number) {
        None => Some(number),
        Some(trouble) => {
            unwritten.push(Unwritten {
                name: name.to_string(),
                number: number.to_string(),
                trouble,
            });
            None
        }
    }
}

/// The card called [`EMERGENCY`]: the checked emergency number of the
/// country (each, where there are two), then the one she added when it is
/// another (Layla, in Egypt, has only her own). `None` when neither is
/// known, or hers does not dial what it shows (noted in `unwritten`).
pub fn emergency(
    lines: Option<&CountryLines>,
    own: &OwnLines,
    unwritten: &mut Vec<Unwritten>,
) -> Option<Entry> {
    let mut phones: Vec<(String, &'static str)> = Vec::new();
    let mut notes = Vec::new();
    if let Some((country, checked)) = lines.and_then(|l| Some((&l.country, l.emergency?))) {
        phones.extend(
            checked
                .split(" or ")
                .map(|n| (n.trim().to_string(), "VOICE")),
        );
        notes.push(format!("Emergency number ({country}): {checked}."));
    }
    if let Some(mine) = dials(EMERGENCY, own.emergency.as_deref(), unwritten) {
        if !phones.iter().any(|(n, _)| digits(n) == digits(mine)) {
            phones.push((mine.to_string(), "VOICE"));
        }
        let mut note = format!("The emergency number I added: {mine}");
        if let Some(source) = own
            .emergency_source
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            let _ = write!(note, ", from {source}");
        }
        notes.push(format!("{note}."));
    }
    (!phones.is_empty()).then(|| Entry {
        name: EMERGENCY.to_string(),
        phones,
        note: Some(notes.join("\n")),
    })
}

/// A crisis line she added herself, as a card under her name for it: the
/// number to call, then the one to text (one number for both is written
/// once, for both), and a note saying it is hers and where she found it.
/// `None` when no number of it dials what it shows (noted in `unwritten`).
pub fn own_line(line: &OwnLine, unwritten: &mut Vec<Unwritten>) -> Option<Entry> {
    let call = dials(&line.name, line.call.as_deref(), unwritten);
    let text = dials(&line.name, line.text.as_deref(), unwritten);
    let ways = match (call, text) {
        (Some(call), Some(text)) if call == text => {
            vec![(call, "VOICE,MSG", format!("call or text {call}"))]
        }
        // One number on the phone, for both; the note keeps each as she
        // wrote it, so an import brings back exactly what she typed.
        (Some(call), Some(text)) if digits(call) == digits(text) => {
            vec![(call, "VOICE,MSG", format!("call {call} or text {text}"))]
        }
        _ => call
            .map(|n| (n, "VOICE", format!("call {n}")))
            .into_iter()
            .chain(text.map(|n| (n, "MSG", format!("text {n}"))))
            .collect(),
    };
    if ways.is_empty() {
        return None;
    }
    let said: Vec<&str> = ways.iter().map(|(_, _, said)| said.as_str()).collect();
    let mut note = format!("A crisis line I added: {}", said.join(" or "));
    if let Some(source) = line
        .source
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        let _ = write!(note, ", from {source}");
    }
    note.push('.');
    Some(Entry {
        name: line.name.clone(),
        phones: ways
            .into_iter()
            .map(|(number, types, _)| (number.to_string(), types))
            .collect(),
        note: Some(note),
    })
}

/// What stands where bytes could not be read as text (U+FFFD): never kept
/// in a plan, where it would stand for letters or digits that were lost.
pub const UNREADABLE: char = '\u{fffd}';

/// Why [`UNREADABLE`] is there, in words.
pub const UNREADABLE_WORDS: &str = "characters that could not be read as text (the file may be saved in another encoding than UTF-8)";

/// Why a card could not be kept as a contact, checked as the plan's own
/// validation checks a contact ([`super::validate::contact_problems`]), so
/// one bad card never fails the whole save.
pub fn card_problem(card: &Card, role: Role) -> Option<String> {
    if card.name.contains(UNREADABLE) {
        return Some(format!(
            "its name holds {UNREADABLE_WORDS}, so it was left out rather than kept with letters missing"
        ));
    }
    let length = card.name.chars().count();
    if length > MAX_NAME {
        return Some(format!(
            "its name is {length} characters long; a name in a plan holds at most {MAX_NAME}"
        ));
    }
    if let Some(length) = card.phone.as_ref().map(|p| p.chars().count())
        && length > MAX_PHONE
    {
        return Some(format!(
            "its number is {length} characters long; a number in a plan holds at most {MAX_PHONE}"
        ));
    }
    let contact = Contact {
        id: "card".into(),
        name: card.name.clone(),
        phone: card.phone.clone(),
        role,
        reachable: card.reachable.clone(),
    };
    super::validate::contact_problems(&contact)
        .into_iter()
        .next()
        .map(|p| format!("its {} {}", p.field.unwrap_or("card"), p.message))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A card is checked as a contact in a plan is, without a plan built
    /// around it: the words a person meets on import.
    #[test]
    fn a_card_is_checked_as_a_contact_in_a_plan_is() {
        let card = |name: &str, phone: Option<&str>| Card {
            position: 1,
            name: name.into(),
            hidden_left_out: false,
            phone: phone.map(Into::into),
            other_phones: Vec::new(),
            guessed_windows_1252: false,
            role: None,
            reachable: None,
            plan_number: false,
            mine: None,
        };
        assert_eq!(
            card_problem(&card("Alex", Some("07700 900123")), Role::Help),
            None
        );
        assert_eq!(
            card_problem(&card("Al\u{1b}[2Jex", None), Role::Help).as_deref(),
            Some(
                "its name holds a control character (such as a line break or escape); keep it to one line of plain text"
            )
        );
        assert!(
            card_problem(&card(&"a".repeat(MAX_NAME + 1), None), Role::Help)
                .is_some_and(|p| p.starts_with("its name is 201 characters long"))
        );
        assert!(
            card_problem(&card("M\u{fffd}ller", None), Role::Help).is_some_and(
                |p| p.starts_with("its name holds characters that could not be read as text")
            )
        );
    }

    /// Issue 12: what does not show is left out of a name as it is read,
    /// from the formatted name and the structured one, and the card says
    /// so; a name of nothing else falls back to the other field.
    #[test]
    fn hidden_characters_are_left_out_of_names_and_said() {
        let text = "BEGIN:VCARD\nFN:Al\u{200b}ex \u{202e}Smith\u{2066}\nTEL:1\nEND:VCARD\n\
                    BEGIN:VCARD\nFN:\u{200b}\u{feff}\nN:Pat\u{2060}el;Asha;;;\nEND:VCARD\n\
                    BEGIN:VCARD\nFN:Jo  Plain\nEND:VCARD\n";
        let cards = parse(text);
        let got: Vec<(usize, &str, bool)> = cards
            .iter()
            .map(|c| (c.position, c.name.as_str(), c.hidden_left_out))
            .collect();
        assert_eq!(
            got,
            [
                (1, "Alex Smith", true),
                (2, "Asha Patel", true),
                (3, "Jo  Plain", false)
            ]
        );
    }

    /// Bytes that are not UTF-8 in a quoted-printable name: read as
    /// Windows-1252 when the card says so (or Latin-1), and as a guess,
    /// said, when it names no character set; a card that says UTF-8 and is
    /// not gets U+FFFD, for [`card_problem`] to refuse, as does a number.
    #[test]
    fn quoted_printable_that_is_not_utf8_is_read_as_windows_1252_or_marked() {
        let text = "BEGIN:VCARD\nVERSION:2.1\nFN;ENCODING=QUOTED-PRINTABLE:M=FCller\nEND:VCARD\n\
                    BEGIN:VCARD\nVERSION:2.1\nFN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:M=FCller\nEND:VCARD\n\
                    BEGIN:VCARD\nVERSION:2.1\nFN;CHARSET=windows-1252;ENCODING=QUOTED-PRINTABLE:=80 Fran=E7ois\nEND:VCARD\n\
                    BEGIN:VCARD\nVERSION:2.1\nFN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=FCller\nTEL;ENCODING=QUOTED-PRINTABLE:0=FF1\nEND:VCARD\n";
        let got: Vec<(String, bool, Option<String>)> = parse(text)
            .into_iter()
            .map(|c| (c.name, c.guessed_windows_1252, c.phone))
            .collect();
        assert_eq!(
            got,
            [
                ("Müller".into(), true, None),
                ("Müller".into(), false, None),
                ("€ François".into(), false, None),
                ("M\u{fffd}ller".into(), false, Some("0\u{fffd}1".into())),
            ]
        );
    }

    /// A file saved in Windows-1252 (bytes, not quoted-printable): read as
    /// the card says, or guessed and said for a name with no character set;
    /// a number's stray byte is never guessed at.
    #[test]
    fn a_windows_1252_file_is_read_as_it_says_or_guessed_and_said() {
        let bytes =
            b"BEGIN:VCARD\r\nFN;CHARSET=windows-1252:J\xfcrgen M\xfcller\r\nTEL:1\r\nEND:VCARD\r\n\
                      BEGIN:VCARD\r\nFN:Ren\xe9e\r\nTEL:07700 9\xff00555\r\nEND:VCARD\r\n\
                      BEGIN:VCARD\r\nFN:Zo\xc3\xab\r\nEND:VCARD\r\n";
        let got: Vec<(String, bool, Option<String>)> = read_bytes(bytes)
            .cards
            .into_iter()
            .map(|c| (c.name, c.guessed_windows_1252, c.phone))
            .collect();
        assert_eq!(
            got,
            [
                ("Jürgen Müller".into(), false, Some("1".into())),
                ("Renée".into(), true, Some("07700 9\u{fffd}00555".into())),
                ("Zoë".into(), false, None),
            ]
        );
    }

    /// Fresh eyes (export14b): a name in base64 (`ENCODING=b`, as old
    /// Android phones and some Outlook exports write it, or 2.1's
    /// `ENCODING=BASE64`) was stored as base64; it is decoded, in the
    /// character set the card names (EUC-KR, Big5, `Shift_JIS`, Latin-1),
    /// and base64 that is not base64 is refused by name, never kept.
    #[test]
    fn base64_names_are_decoded_in_the_character_set_they_name() {
        let text = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN;ENCODING=b:SsO8cmdlbiBNw7xsbGVy\r\nTEL:1\r\nEND:VCARD\r\n\
                    BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=EUC-KR;ENCODING=BASE64:sei5zsHY\r\nEND:VCARD\r\n\
                    BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=BIG5;ENCODING=BASE64:pP2kcKn6\r\nEND:VCARD\r\n\
                    BEGIN:VCARD\r\nVERSION:3.0\r\nFN;ENCODING=b;CHARSET=ISO-8859-1:TfxsbGVy\r\nEND:VCARD\r\n\
                    BEGIN:VCARD\r\nVERSION:3.0\r\nFN;ENCODING=b:SsO8cm\r\n dlbg==\r\nEND:VCARD\r\n\
                    BEGIN:VCARD\r\nVERSION:3.0\r\nFN;ENCODING=b:not base64!\r\nEND:VCARD\r\n";
        let got: Vec<(String, bool)> = parse(text)
            .into_iter()
            .map(|c| (c.name, c.guessed_windows_1252))
            .collect();
        assert_eq!(
            got,
            [
                ("Jürgen Müller".into(), false),
                ("김민준".into(), false),
                ("王小明".into(), false),
                ("Müller".into(), false),
                ("Jürgen".into(), false),
                (UNREADABLE.to_string(), false),
            ]
        );
        assert!(card_problem(&parse(text)[5], Role::Help).is_some());
        // Shift_JIS, raw in the file, as the card says.
        let bytes = b"BEGIN:VCARD\r\nFN;CHARSET=SHIFT_JIS:\x8e\x52\x93\x63\r\nEND:VCARD\r\n";
        assert_eq!(read_bytes(bytes).cards[0].name, "山田");
    }

    /// Base64 decoding is one pass: an 800 KB name (quadratic work would
    /// take hours) decodes at once, and the name is then refused for its
    /// length, not stored.
    #[test]
    fn base64_costs_linear_time() {
        let name = "QUJD".repeat(200_000);
        let text = format!("BEGIN:VCARD\r\nFN;ENCODING=b:{name}\r\nTEL:1\r\nEND:VCARD\r\n");
        let started = std::time::Instant::now();
        let cards = parse(&text);
        assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
        assert_eq!(cards[0].name, "ABC".repeat(200_000));
        assert!(card_problem(&cards[0], Role::Help).is_some());
    }

    /// Fresh eyes (export14b): a file saved as UTF-16 with its byte-order
    /// mark (Windows Contacts, little- or big-endian) gave no card; it is
    /// read as the mark says, as is UTF-8 with one (whose first card was
    /// lost). Without a mark, no card is guessed at, and why is said.
    #[test]
    fn utf16_with_a_byte_order_mark_is_read_and_without_one_is_named() {
        let text = "BEGIN:VCARD\r\nFN:王小明\r\nTEL:0912 345 678\r\nEND:VCARD\r\n\
                    BEGIN:VCARD\r\nFN:Zoë\r\nTEL:1\r\nEND:VCARD\r\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        let expected = parse(text);
        assert_eq!(expected.len(), 2);
        for (bom, body) in [(&[0xff, 0xfe][..], &le), (&[0xfe, 0xff][..], &be)] {
            let bytes = [bom, body.as_slice()].concat();
            assert_eq!(read_bytes(&bytes).cards, expected);
            assert_eq!(why_no_cards(&bytes), None);
        }
        let utf8 = [&[0xef, 0xbb, 0xbf][..], text.as_bytes()].concat();
        assert_eq!(read_bytes(&utf8).cards, expected);

        assert_eq!(read_bytes(&le), Read::default());
        let said = why_no_cards(&le).unwrap();
        assert!(said.starts_with("it looks like text saved as UTF-16 (little-endian: every other byte is 0) without the byte-order mark"), "{said}");
        assert!(why_no_cards(&be).unwrap().contains("(big-endian"));
        assert_eq!(why_no_cards(text.as_bytes()), None);
        assert_eq!(
            why_no_cards(b"%PDF-1.7\n").as_deref(),
            Some("it is a PDF document, not a vCard file")
        );
    }

    /// Fresh eyes (export14b): an RFC 3966 extension in a `tel:` URI
    /// (`tel:+1-201-555-0123;ext=1234`, vCard 4's own example) was called
    /// a look-alike; it is an ordinary extension, kept with the number.
    #[test]
    fn a_tel_uri_extension_is_kept_and_is_no_look_alike() {
        let text = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Dr Lee\r\n\
                    TEL;VALUE=uri;PREF=1;TYPE=\"voice,work\":TEL:+1-201-555-0123;ext=1234\r\nEND:VCARD\r\n";
        let phone = parse(text)[0].phone.clone().unwrap();
        assert_eq!(phone, "+1-201-555-0123;ext=1234");
        assert_eq!(phone::trouble(&phone), None);
        assert_eq!(phone::link_digits(&phone).as_deref(), Some("+12015550123"));
    }

    /// A card inside a card (vCard 2.1's `AGENT`), or a card whose
    /// `END:VCARD` is missing: each is a card of its own, and what follows
    /// the inner card's end is the outer card's again (its second number
    /// was once dropped unsaid).
    #[test]
    fn numbers_in_thai_digits_are_two_numbers_or_one() {
        // Issue 13 (Niran): two numbers in Thai digits are both kept; the
        // same number in Thai and in Latin digits is one.
        let text = "BEGIN:VCARD\nFN:Somchai\nTEL:๐๘๑ ๒๓๔ ๕๖๗๘\nTEL:๐๒ ๑๒๓ ๔๕๖๗\n\
                    TEL:081 234 5678\nEND:VCARD\n";
        let read = read(text);
        assert_eq!(read.cards[0].phone.as_deref(), Some("๐๘๑ ๒๓๔ ๕๖๗๘"));
        assert_eq!(read.cards[0].other_phones, ["๐๒ ๑๒๓ ๔๕๖๗"]);
    }

    #[test]
    fn a_card_inside_a_card_is_its_own_and_the_outer_keeps_its_numbers() {
        let text = "BEGIN:VCARD\nVERSION:2.1\nFN:Asha Patel\nTEL;PREF:0161 000 0001\nAGENT:\n\
                    BEGIN:VCARD\nVERSION:2.1\nFN:Reception\nTEL:0161 000 0002\nEND:VCARD\n\
                    TEL;HOME:0161 000 0003\nEND:VCARD\n\
                    BEGIN:VCARD\nFN:Jo\nTEL:0161 000 0004\n\
                    BEGIN:VCARD\nFN:Kim\nTEL:0161 000 0005\nEND:VCARD\n";
        let read = read(text);
        let got: Vec<(usize, &str, Option<&str>, Vec<&str>)> = read
            .cards
            .iter()
            .map(|c| {
                (
                    c.position,
                    c.name.as_str(),
                    c.phone.as_deref(),
                    c.other_phones.iter().map(String::as_str).collect(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    1,
                    "Asha Patel",
                    Some("0161 000 0001"),
                    vec!["0161 000 0003"]
                ),
                (2, "Reception", Some("0161 000 0002"), vec![]),
                (3, "Jo", Some("0161 000 0004"), vec![]),
                (4, "Kim", Some("0161 000 0005"), vec![]),
            ]
        );
        assert_eq!(read.nested, [(1, 2), (3, 4)]);
    }

    #[test]
    fn reads_vcard_4_with_several_cards_and_folded_lines() {
        let text = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Alex Smith (spon\r\n sor)\r\nTEL;TYPE=cell:+44 7700 900123\r\nTEL;TYPE=home;PREF=1:01632 960 123\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:4.0\r\nN:Patel;Asha;;Dr;\r\nTEL;VALUE=uri:tel:+44-1632-960-000\r\nEND:VCARD\r\n";
        assert_eq!(
            parse(text),
            [
                Card {
                    position: 1,
                    name: "Alex Smith (sponsor)".into(),
                    hidden_left_out: false,
                    phone: Some("01632 960 123".into()),
                    other_phones: vec!["+44 7700 900123".into()],
                    guessed_windows_1252: false,
                    role: None,
                    reachable: None,
                    plan_number: false,
                    mine: None,
                },
                Card {
                    position: 2,
                    name: "Dr Asha Patel".into(),
                    hidden_left_out: false,
                    phone: Some("+44-1632-960-000".into()),
                    other_phones: Vec::new(),
                    guessed_windows_1252: false,
                    role: None,
                    reachable: None,
                    plan_number: false,
                    mine: None,
                },
            ]
        );
    }

    #[test]
    fn reads_vcard_3_escapes_and_groups() {
        let text = "BEGIN:VCARD\nVERSION:3.0\nFN:Jo\\, my sister\nitem1.TEL;type=CELL:07700 900456\nEND:VCARD\n";
        assert_eq!(
            parse(text),
            [Card {
                position: 1,
                name: "Jo, my sister".into(),
                hidden_left_out: false,
                phone: Some("07700 900456".into()),
                other_phones: Vec::new(),
                guessed_windows_1252: false,
                role: None,
                reachable: None,
                plan_number: false,
                mine: None,
            }]
        );
    }

    #[test]
    fn reads_quoted_printable_names_from_old_phones() {
        let text = "BEGIN:VCARD\nVERSION:2.1\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=\n=BCrgen;;;\nFN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=BCrgen M=C3=BCller\nTEL;CELL:0151 1234567\nEND:VCARD\n";
        assert_eq!(
            parse(text),
            [Card {
                position: 1,
                name: "Jürgen Müller".into(),
                hidden_left_out: false,
                phone: Some("0151 1234567".into()),
                other_phones: Vec::new(),
                guessed_windows_1252: false,
                role: None,
                reachable: None,
                plan_number: false,
                mine: None,
            }]
        );
    }

    #[test]
    fn soft_line_breaks_cost_linear_time() {
        // 400,000 soft line breaks in one name (about 3.6 MB): quadratic
        // work took minutes here.
        let name = vec!["=41=42"; 400_000].join("=\r\n");
        let text = format!(
            "BEGIN:VCARD\r\nVERSION:2.1\r\nFN;ENCODING=QUOTED-PRINTABLE:{name}\r\nTEL:1\r\nEND:VCARD\r\n"
        );
        let started = std::time::Instant::now();
        let cards = parse(&text);
        assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
        assert_eq!(cards[0].name, "AB".repeat(400_000));
        assert_eq!(cards[0].phone.as_deref(), Some("1"));
    }

    #[test]
    fn cards_without_a_name_are_kept_apart_with_their_numbers() {
        let text =
            "BEGIN:VCARD\nVERSION:3.0\nTEL:123\nTEL:456\nEND:VCARD\nBEGIN:VCARD\nEND:VCARD\n";
        assert!(parse(text).is_empty());
        assert_eq!(
            read(text).nameless,
            [
                Nameless {
                    position: 1,
                    phones: vec!["123".into(), "456".into()],
                },
                Nameless {
                    position: 2,
                    phones: Vec::new(),
                },
            ]
        );
        assert_eq!(read("not a vcard at all"), Read::default());
    }

    #[test]
    fn a_card_without_its_end_is_still_a_card() {
        let text = "BEGIN:VCARD\nFN:Cut Off\nTEL:07700 900111\n\
                    BEGIN:VCARD\nFN:Whole\nTEL:07700 900222\nEND:VCARD\n\
                    BEGIN:VCARD\nFN:Last\nTEL:07700 900333\n";
        let names: Vec<(String, Option<String>)> =
            parse(text).into_iter().map(|c| (c.name, c.phone)).collect();
        assert_eq!(
            names,
            [
                ("Cut Off".to_string(), Some("07700 900111".to_string())),
                ("Whole".to_string(), Some("07700 900222".to_string())),
                ("Last".to_string(), Some("07700 900333".to_string())),
            ]
        );
    }

    fn entry(name: &str, number: &str) -> Entry {
        Entry {
            name: name.into(),
            phones: vec![(number.into(), "VOICE")],
            note: None,
        }
    }

    #[test]
    fn written_cards_read_back_with_the_same_names_and_numbers() {
        let names = [
            "Aoife Ní Bhriain",
            "أحمد (أخي)",
            "王小明",
            "Jo; Sam, and \\ the rest",
            "Two\nlines",
        ];
        let entries: Vec<Entry> = names
            .iter()
            .enumerate()
            .map(|(n, name)| entry(name, &format!("+44 7700 90012{n}")))
            .collect();
        let text = write(&entries);
        let read = parse(&text);
        assert_eq!(read.len(), names.len());
        for (n, card) in read.iter().enumerate() {
            // This reader shows a line break in a name as a space.
            assert_eq!(card.name, names[n].replace('\n', " "));
            assert_eq!(
                card.phone.as_deref(),
                Some(format!("+44 7700 90012{n}").as_str())
            );
        }
        assert!(
            text.contains("FN:Jo\\; Sam\\, and \\\\ the rest\r\n"),
            "{text}"
        );
        assert!(text.contains("FN:Two\\nlines\r\n"), "{text}");
        assert!(text.contains("CATEGORIES:My crisis plan\r\n"), "{text}");
    }

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let name = "王".repeat(60) + &"a".repeat(40);
        let text = write(&[Entry {
            note: Some("é".repeat(100)),
            ..entry(&name, "0123")
        }]);
        for line in text.split("\r\n") {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        assert!(!text.replace("\r\n", "").contains('\n'));
        assert_eq!(parse(&text)[0].name, name);
        let unfolded = text.replace("\r\n ", "");
        assert!(unfolded.contains(&format!("NOTE:{}\r\n", "é".repeat(100))));
    }

    #[test]
    fn control_characters_never_reach_the_file() {
        let text = write(&[Entry {
            note: Some("bell\u{7}\u{1b}]52;x".into()),
            ..entry("Esc\u{1b}[31mape", "07700\r\n900")
        }]);
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}'),
            "{text:?}"
        );
        assert!(text.contains("TEL;TYPE=VOICE:07700900\r\n"), "{text:?}");
        let text = write(&[Entry {
            name: "Dis\u{202e}guised".into(),
            phones: vec![
                ("+44 7700 \u{202e}321009".into(), "VOICE"),
                ("\u{200b}".into(), "MSG"),
            ],
            note: None,
        }]);
        assert!(
            !text.contains('\u{202e}') && !text.contains('\u{200b}'),
            "{text:?}"
        );
        assert!(
            text.contains("TEL;TYPE=VOICE:+44 7700 321009\r\n"),
            "{text:?}"
        );
        assert!(!text.contains("TEL;TYPE=MSG"), "an empty number: {text:?}");
    }
}
