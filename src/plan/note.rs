//! A revision's change note: the person's own words (`--note`, or her
//! answer at the end of a walk-through), or what relapse-plan recorded
//! when she wrote none. Both live in the one `change_note` field, as every
//! relapse-plan of schema 3 wrote and reads it, so they are told apart by
//! the shapes relapse-plan writes its own in: every screen can then show
//! words she never wrote as the program's, never as hers.

/// Notes relapse-plan writes word for word.
const FIXED: &[&str] = &[
    "started the plan",
    "changes made in new",
    "changes made in map",
    "changes made in rank",
    // What the walk-throughs recorded before they said where.
    "built with the guided walk-through",
    "mapped triggers and warning signs",
    "ranked triggers",
    "changed the plan's details",
    "turned on the days-since-a-lapse count",
    "turned off the days-since-a-lapse count",
];

/// How relapse-plan's own notes about one change begin; each then names
/// her words in quotes (or, for a move, the places), as hers never need to.
const VERBS: &[&str] = &["added ", "changed ", "removed ", "moved "];

/// How `set` records review dates.
const REVIEW: &[&str] = &[
    "last review on ",
    "next review on ",
    "no last review date",
    "no next review date",
    "changed the plan's details; ",
];

/// Who a change note is by, with its words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Note<'a> {
    /// The person's own words, verbatim.
    Hers(&'a str),
    /// What relapse-plan recorded about the change.
    Recorded(&'a str),
}

/// relapse-plan's own note about a change (`description`: what it says
/// when she gave none), safe to keep: a control character in the words
/// it quotes (a vCard file whose name holds an escape) is written out as
/// `\u{1b}`, so a note she never gave can't make the plan one that
/// fails its checks (`contact import` of such a file was refused for a
/// `change_note` she never wrote). Line breaks are folded by the store.
pub fn recorded(description: &str) -> String {
    use std::fmt::Write as _;
    let mut kept = String::with_capacity(description.len());
    for c in description.chars() {
        if c.is_control() && c != '\t' {
            let _ = write!(kept, "\\u{{{:x}}}", u32::from(c));
        } else {
            kept.push(c);
        }
    }
    kept
}

/// Reads a stored note. A note of her own that happens to take one of the
/// program's shapes is shown plainly, unlabelled: her words are never
/// lost, and the program's are never labelled as hers.
pub fn read(stored: &str) -> Note<'_> {
    if is_recorded(stored) {
        Note::Recorded(stored)
    } else {
        Note::Hers(stored)
    }
}

fn is_recorded(note: &str) -> bool {
    FIXED.contains(&note)
        || REVIEW.iter().any(|start| note.starts_with(start))
        || note
            .strip_prefix("restored revision ")
            .is_some_and(is_number)
        || is_import(note)
        || VERBS.iter().any(|verb| {
            note.strip_prefix(verb)
                .is_some_and(|rest| rest.contains(['“', '"']) || is_move(rest))
        })
}

/// `imported 10 people from contacts.vcf`, as `contact import` records
/// it (and `imported 10 contacts from …`, as it did before): the file's
/// name is the program's words too, whatever it says.
fn is_import(note: &str) -> bool {
    note.strip_prefix("imported ")
        .and_then(|rest| rest.split_once(' '))
        .is_some_and(|(count, rest)| {
            is_number(count)
                && ["people ", "person ", "contacts ", "contact "]
                    .iter()
                    .any(|who| {
                        rest.strip_prefix(who)
                            .is_some_and(|r| r.starts_with("from "))
                    })
        })
}

/// Whether a stored note is relapse-plan's own line about the changes
/// themselves ("added contact “Mia” (…)", "next review on …"): a screen
/// that lists the changes says it already, so it is shown once, there.
/// Her own notes, and the program's that say more than the changes
/// ("restored revision 3", "imported 10 people from contacts.vcf"), are not.
pub fn says_what_changed(stored: &str) -> bool {
    is_recorded(stored)
        && (VERBS
            .iter()
            .chain(REVIEW)
            .any(|start| stored.starts_with(start)))
}

/// `reason 2 to 1`, the rest of a move.
fn is_move(rest: &str) -> bool {
    rest.rsplit_once(" to ").is_some_and(|(what, to)| {
        is_number(to)
            && what
                .rsplit_once(' ')
                .is_some_and(|(_, from)| is_number(from))
    })
}

fn is_number(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_the_program_writes_reads_as_the_programs() {
        for recorded in [
            "changes made in map",
            "mapped triggers and warning signs",
            "started the plan",
            "restored revision 12",
            "added trigger “שִׁישִׁי בַּעֶרֶב”",
            "changed contact “美玲”",
            "added reason \"Mia\"",
            "moved crisis step 3 to 1",
            "next review on 15 January 2027",
            "turned on the days-since-a-lapse count",
            "imported 10 people from contacts.vcf",
            "imported 1 person from Мама.vcf",
            // As `contact import` recorded it before it said people.
            "imported 10 contacts from contacts.vcf",
            "imported 1 contact from phone export (2).vcf",
        ] {
            assert_eq!(read(recorded), Note::Recorded(recorded));
        }
    }

    #[test]
    fn only_the_programs_own_lines_about_a_change_say_what_changed() {
        assert!(says_what_changed(
            "added contact “佐藤　美咲” (someone I can ask for help)"
        ));
        assert!(says_what_changed("changed trigger “Payday”"));
        assert!(says_what_changed("next review on 4 January 2027"));
        assert!(!says_what_changed("restored revision 3"));
        assert!(!says_what_changed("imported 10 people from contacts.vcf"));
        assert!(!says_what_changed("added Dave after the meeting"));
    }

    #[test]
    fn her_notes_stay_hers() {
        for hers in [
            "אחרי הפגישה עם הרופאה",
            "发薪日以后",
            "added Dave after the meeting",
            "restored revision 3 because I miss it",
            "ranked triggers again",
            "Booster session: added payday",
            "imported Mum's new number",
            "imported 2 people I met at the group",
        ] {
            assert_eq!(read(hers), Note::Hers(hers));
        }
    }
}
