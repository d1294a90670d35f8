//! Fuzzes the vCard reader (`contact import`): any text gives cards or
//! none, never a panic; every name read holds nothing that does not show;
//! the cards go into a plan as import puts them there;
//! every number's dialled form is plain ASCII; and writing the plan's
//! people back out (`contact export`) never carries a control character or
//! a bidirectional override, and reads back as the same number of cards.
//! The same text saved as UTF-16 with its byte-order mark (either order)
//! reads as the same cards, and as a base64 name (`FN;ENCODING=b:`) gives
//! that name back, decoded, or none (export14b).
#![no_main]

use libfuzzer_sys::fuzz_target;
use relapse_plan::plan::{Plan, Role, hidden, phone, vcard};

/// The bytes as UTF-16 with a byte-order mark, when they are UTF-8 text:
/// read as the same cards as the text itself.
fn same_in_utf16(bytes: &[u8]) {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let expected = vcard::read(text.trim_start_matches('\u{feff}'));
    for big in [false, true] {
        let mut utf16 = if big { vec![0xfe, 0xff] } else { vec![0xff, 0xfe] };
        for unit in text.trim_start_matches('\u{feff}').encode_utf16() {
            utf16.extend(if big { unit.to_be_bytes() } else { unit.to_le_bytes() });
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
            encoded.push(char::from(ALPHABET[(bits >> (18 - 6 * i) & 63) as usize]));
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
        assert_eq!(read.cards.first().map(|c| c.name.as_str()), Some(text.trim()), "{encoded}");
    }
}

fuzz_target!(|bytes: &[u8]| {
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
            .any(|c| (c.is_control() && c != '\r' && c != '\n') || ('\u{202a}'..='\u{202e}').contains(&c)),
        "{written:?}"
    );
    let read_back = vcard::parse(&written);
    // A card whose name is nothing but hidden characters is nameless once
    // written, so it may be skipped on the way back; never more cards.
    assert!(read_back.len() <= entries.len());
});
