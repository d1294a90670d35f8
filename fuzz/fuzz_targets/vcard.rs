//! Fuzzes the vCard reader (`contact import`): any text gives cards or
//! none, never a panic; every name read holds nothing that does not show;
//! the cards go into a plan as import puts them there;
//! every number's dialled form is plain ASCII; and writing the plan's
//! people back out (`contact export`) never carries a control character or
//! a bidirectional override, and reads back as the same number of cards.
#![no_main]

use libfuzzer_sys::fuzz_target;
use relapse_plan::plan::{Plan, Role, hidden, phone, vcard};

fuzz_target!(|bytes: &[u8]| {
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
