//! Fuzzes the vCard reader (`contact import`): any text gives cards or
//! none, never a panic, and every card's number reduces to digits.
#![no_main]

use libfuzzer_sys::fuzz_target;
use relapse_plan::plan::vcard;

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    for card in vcard::parse(&text) {
        if let Some(phone) = card.phone.as_deref() {
            let _ = vcard::digits(phone);
        }
    }
});
