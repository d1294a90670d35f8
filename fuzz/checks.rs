//! What each fuzz target asserts of any bytes, in one place: the targets in
//! `fuzz_targets/` (nightly, cargo-fuzz) call these, and `tests/fuzzed.rs`
//! replays the inputs the fuzzers found and the test corpus through them
//! under stable Rust, so CI sees a finding come back (fuzz17e).

use std::path::Path;

use relapse_plan::plan::homework::{HAND_IN_VERSION, read_hand_in};
use relapse_plan::plan::parse::{parse, to_toml};
use relapse_plan::plan::period::Period;
use relapse_plan::plan::toml_text::escape_hidden;
use relapse_plan::plan::{Plan, Role, hidden, phone, vcard};
use relapse_plan::render::Style;
use relapse_plan::render::review::{At, hand_in as review};
use relapse_plan::store::{assignment_from, hand_in_from};

/// The plan loader: any bytes give a plan or an error, never a panic, and
/// a plan that loads saves and loads back the same.
pub(crate) fn load(bytes: &[u8]) {
    if let Ok(parsed) = parse(bytes)
        && parsed.newer_schema.is_none()
    {
        let again = parse(to_toml(&parsed.plan).as_bytes()).expect("a loaded plan saves and loads");
        assert_eq!(again.plan, parsed.plan);
    }
}

/// The error names the file in backticks, and, when the file was read at
/// all, the kind of file it was read as.
fn names_the_file(said: &str, file: &str, what: &str) {
    assert!(said.contains(&format!("`{file}`")), "{said:?}");
    if said.contains("can't be read as") {
        assert!(
            said.contains(&format!("can't be read as {what}")),
            "{said:?}"
        );
    }
}

/// The files that cross the therapist–client boundary, read as `homework
/// start` and `review` read them: any bytes give a document or an error
/// naming the file and the kind of file it was read as, never a panic.
/// Homework that reads is written again as `assign` writes it, a hand-in
/// of this version as `submit` writes it, and each reads back the same:
/// what one side writes, the other side reads.
pub(crate) fn homework(bytes: &[u8]) {
    let homework = Path::new("homework.toml");
    match assignment_from(homework, bytes) {
        Ok(assignment) => {
            for task in &assignment.tasks {
                let _ = task.describe();
            }
            let text =
                escape_hidden(&toml::to_string_pretty(&assignment).expect("homework serializes"));
            let again = assignment_from(homework, text.as_bytes()).unwrap_or_else(|e| {
                panic!("homework as `assign` writes it reads back: {e}\n{text}")
            });
            assert_eq!(again, assignment, "{text}");
        }
        Err(e) => names_the_file(&e.to_string(), "homework.toml", "a homework file"),
    }
    let file = Path::new("hand-in.toml");
    match hand_in_from(file, bytes) {
        // An older hand-in is read into this version's shape, so only one
        // of this version is written back as it came.
        Ok(hand_in) if hand_in.schema_version == HAND_IN_VERSION => {
            let text =
                escape_hidden(&toml::to_string_pretty(&hand_in).expect("a hand-in serializes"));
            let again = hand_in_from(file, text.as_bytes()).unwrap_or_else(|e| {
                panic!("a hand-in as `submit` writes it reads back: {e}\n{text}")
            });
            assert_eq!(again, hand_in, "{text}");
        }
        Ok(_) => {}
        Err(e) => names_the_file(&e.to_string(), "hand-in.toml", "a hand-in file"),
    }
}

/// `review` of a hand-in, the file a client sends a therapist: any bytes
/// give a review or an error, never a panic, and a review that is shown
/// holds no escape sequence, C1 control or bidirectional override,
/// whatever the file held (nothing from a client's file reaches the
/// therapist's terminal raw).
pub(crate) fn hand_in(bytes: &[u8]) {
    let Ok(file) = read_hand_in(bytes) else {
        return;
    };
    // `review` refuses a hand-in with problems before showing it.
    if !file.problems().is_empty() {
        return;
    }
    let submitted_at = file.submitted_at;
    let (assignment, period) = Period::of_hand_in(file);
    let tasks = period.progress(&assignment);
    let at = At {
        style: Style::FILE,
        zone: jiff::tz::TimeZone::UTC,
        today: 20_780,
    };
    let mut out = Vec::new();
    review(
        &mut out,
        Path::new("hand-in.toml"),
        &assignment,
        &submitted_at,
        (&period, &tasks),
        (&at, None),
    )
    .expect("a review writes to memory");
    let text = String::from_utf8(out).expect("a review is UTF-8");
    for c in text.chars() {
        assert!(
            c == '\n' || !(c.is_control() || bidi_control(c)),
            "raw {c:?} in the review"
        );
    }
}

/// A bidirectional embedding, override or isolate.
fn bidi_control(c: char) -> bool {
    ('\u{202a}'..='\u{202e}').contains(&c) || ('\u{2066}'..='\u{2069}').contains(&c)
}

/// The bytes as UTF-16 with a byte-order mark, when they are UTF-8 text:
/// read as the same cards as the text itself.
fn same_in_utf16(bytes: &[u8]) {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let expected = vcard::read(text.trim_start_matches('\u{feff}'));
    for big in [false, true] {
        let mut utf16 = if big {
            vec![0xfe, 0xff]
        } else {
            vec![0xff, 0xfe]
        };
        for unit in text.trim_start_matches('\u{feff}').encode_utf16() {
            utf16.extend(if big {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            });
        }
        assert_eq!(vcard::read_bytes(&utf16), expected, "{text:?}");
    }
}

/// The bytes as a base64 name: read back as they decode (a name without
/// what does not show), or as no name, never as base64.
fn as_a_base64_name(bytes: &[u8]) {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut encoded = String::new();
    for chunk in bytes.chunks(3) {
        let mut group = [0u8; 3];
        group[..chunk.len()].copy_from_slice(chunk);
        let bits = u32::from_be_bytes([0, group[0], group[1], group[2]]);
        for i in 0..=chunk.len() {
            encoded.push(char::from(ALPHABET[((bits >> (18 - 6 * i)) & 63) as usize]));
        }
        encoded.push_str(&"=".repeat(3 - chunk.len()));
    }
    let card = format!("BEGIN:VCARD\r\nFN;ENCODING=b:{encoded}\r\nTEL:1\r\nEND:VCARD\r\n");
    let read = vcard::read(&card);
    if let Some(card) = read.cards.first() {
        assert_eq!(hidden::without_hidden(&card.name), card.name, "{card:?}");
    }
    // Plain text comes back as it was written, never as its base64.
    if let Ok(text) = std::str::from_utf8(bytes)
        && !text.trim().is_empty()
        && !text.contains('\\')
        && hidden::without_hidden(text) == text
    {
        assert_eq!(
            read.cards.first().map(|c| c.name.as_str()),
            Some(text.trim()),
            "{encoded}"
        );
    }
}

/// The vCard reader (`contact import`): any bytes give cards or none,
/// never a panic; every name read holds nothing that does not show; the
/// cards go into a plan as import puts them there; every number's dialled
/// form is plain ASCII; and writing the plan's people back out (`contact
/// export`) never carries a control character or a bidirectional
/// override, and reads back as no more cards. The same text saved as
/// UTF-16 with its byte-order mark (either order) reads as the same cards,
/// and as a base64 name (`FN;ENCODING=b:`) gives that name back, decoded,
/// or none (export14b).
pub(crate) fn vcard(bytes: &[u8]) {
    same_in_utf16(bytes);
    as_a_base64_name(bytes);
    // The bytes as `contact import` reads them: any encoding (issue 12).
    let cards = vcard::read_bytes(bytes).cards;
    for card in &cards {
        // A name comes in with nothing hidden left in it (issue 12).
        assert_eq!(hidden::without_hidden(&card.name), card.name, "{card:?}");
        if let Some(number) = card.phone.as_deref() {
            let _ = vcard::digits(number);
            let _ = phone::trouble(number);
            let dialled = phone::for_dialling(number);
            assert!(dialled.is_ascii(), "{dialled:?}");
        }
    }
    let mut plan = Plan::new("fuzz".into(), None);
    let added = plan.add_cards(cards, Role::Help);
    assert_eq!(added, plan.contacts.len());
    let entries: Vec<vcard::Entry> = plan
        .contacts
        .iter()
        .map(|c| vcard::Entry {
            name: c.name.clone(),
            phones: vec![(c.phone.clone().unwrap_or_default(), "CELL")],
            note: None,
        })
        .collect();
    let written = vcard::write(&entries);
    assert!(
        !written
            .chars()
            .any(|c| (c.is_control() && c != '\r' && c != '\n') || bidi_control(c)),
        "{written:?}"
    );
    let read_back = vcard::parse(&written);
    // A card whose name is nothing but hidden characters is nameless once
    // written, so it may be skipped on the way back; never more cards.
    assert!(read_back.len() <= entries.len());
}
