//! Her own emergency number and crisis lines, read back from the cards
//! `contact export` writes for them ("The emergency number I added: 122,
//! from …", "A crisis line I added: call …"), and sorted against her plan:
//! never as people to call, never twice. A file comes from anyone (the
//! words are easy to copy), so what is new is only offered, never taken.

use std::collections::HashMap;

use super::vcard::digits;
use super::{OwnLine, OwnLines};

/// What a card written by `contact export` holds of hers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mine {
    /// Her emergency number, and where she found it, in her words.
    Emergency {
        number: String,
        source: Option<String>,
    },
    /// A crisis line of hers; its name is the card's.
    Line(OwnLine),
}

/// What the note of an exported card says of hers, from one line of it
/// (already unescaped): `None` when the line is not one the export writes
/// for her numbers. A line's name is left empty, for the card's name.
pub fn said(line: &str) -> Option<Mine> {
    if let Some(rest) = line.strip_prefix(EMERGENCY_NOTE) {
        let (number, source) = with_source(rest);
        let number = number.trim();
        return (!number.is_empty()).then(|| Mine::Emergency {
            number: number.to_string(),
            source,
        });
    }
    let rest = line.strip_prefix(LINE_NOTE)?;
    let (ways, source) = with_source(rest);
    let (mut call, mut text) = (None, None);
    if let Some(both) = ways.strip_prefix("call or text ") {
        call = Some(both.trim().to_string());
        text.clone_from(&call);
    } else {
        for way in ways.split(" or ") {
            if let Some(number) = way.strip_prefix("call ") {
                call = Some(number.trim().to_string());
            } else if let Some(number) = way.strip_prefix("text ") {
                text = Some(number.trim().to_string());
            }
        }
    }
    let call = call.filter(|n| !n.is_empty());
    let text = text.filter(|n| !n.is_empty());
    (call.is_some() || text.is_some()).then(|| {
        Mine::Line(OwnLine {
            name: String::new(),
            call,
            text,
            source,
        })
    })
}

/// How the export's note for her emergency number begins.
pub const EMERGENCY_NOTE: &str = "The emergency number I added: ";

/// How the export's note for a crisis line of hers begins.
pub const LINE_NOTE: &str = "A crisis line I added: ";

/// "122, from their site, 2026." as ("122", Some("their site, 2026")):
/// the sentence's one full stop taken off, and the source after the first
/// ", from " (a number that dials holds no such words).
fn with_source(rest: &str) -> (&str, Option<String>) {
    let rest = rest.strip_suffix('.').unwrap_or(rest);
    match rest.split_once(", from ") {
        Some((said, source)) => (said, Some(source.to_string())),
        None => (rest, None),
    }
}

/// What came of taking her numbers from a file into a plan.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct TakenIn {
    /// Lines added, as they are now in the plan.
    pub added: Vec<OwnLine>,
    /// Lines the plan already holds (the same name and numbers), or that
    /// the file holds twice.
    pub known: Vec<OwnLine>,
    /// Lines under a name the plan holds with other numbers, each with the
    /// plan's: not taken in, as which is right is hers to say.
    pub other_numbers: Vec<(OwnLine, OwnLine)>,
    pub emergency: Emergency,
}

impl TakenIn {
    /// How many numbers the file offers that the plan lacks.
    pub fn count(&self) -> usize {
        self.added.len() + usize::from(matches!(self.emergency, Emergency::Offered(..)))
    }
}

/// What came of the emergency number of hers a file holds.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub enum Emergency {
    /// The file holds none.
    #[default]
    None,
    /// The plan has none: the file's, with its source, offered and never
    /// set, as a file could make anyone's number the one she calls in an
    /// emergency (Trudy).
    Offered(String, Option<String>),
    /// The plan holds the same number already.
    Same(String),
    /// The plan holds another: it keeps its own (`kept`), and the file's
    /// (`card`) is left out.
    Kept { kept: String, card: String },
}

/// Whether two lines are one: the same name, and the same numbers to call
/// and to text (digits compared, so "0800 888 0700" is "08008880700").
fn same_numbers(a: &OwnLine, b: &OwnLine) -> bool {
    let key = |n: &Option<String>| n.as_deref().map(digits);
    key(&a.call) == key(&b.call) && key(&a.text) == key(&b.text)
}

impl OwnLines {
    /// Takes in what the cards of a file hold of hers, in file order: a line
    /// not yet in the plan is added as written (on whatever copy of her
    /// lines this is called on); her emergency number is never set, only
    /// offered when the plan holds none, and a different one already there
    /// is kept. Taking in the same file twice adds nothing the second time.
    pub fn take_in(&mut self, found: impl IntoIterator<Item = Mine>) -> TakenIn {
        let mut taken = TakenIn::default();
        // Each name's line, looked up once: linear in the file and the plan
        // whatever a file holds.
        let mut names: HashMap<String, usize> = HashMap::new();
        for (at, line) in self.lines.iter().enumerate() {
            names.entry(line.name.trim().to_string()).or_insert(at);
        }
        for mine in found {
            match mine {
                Mine::Emergency { number, source } => {
                    self.take_emergency(number, source, &mut taken);
                }
                Mine::Line(line) => match names.get(line.name.trim()).map(|at| &self.lines[*at]) {
                    Some(kept) if same_numbers(kept, &line) => taken.known.push(line),
                    Some(kept) => taken.other_numbers.push((line, kept.clone())),
                    None => {
                        names.insert(line.name.trim().to_string(), self.lines.len());
                        self.lines.push(line.clone());
                        taken.added.push(line);
                    }
                },
            }
        }
        taken
    }

    fn take_emergency(&mut self, number: String, source: Option<String>, taken: &mut TakenIn) {
        match self
            .emergency
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
        {
            None => {
                if !matches!(taken.emergency, Emergency::Offered(..)) {
                    taken.emergency = Emergency::Offered(number, source);
                }
            }
            Some(kept) if digits(kept) == digits(&number) => {
                if !matches!(taken.emergency, Emergency::Offered(..)) {
                    taken.emergency = Emergency::Same(kept.to_string());
                }
            }
            Some(kept) => {
                taken.emergency = Emergency::Kept {
                    kept: kept.to_string(),
                    card: number,
                };
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(name: &str, call: Option<&str>, text: Option<&str>, source: Option<&str>) -> OwnLine {
        OwnLine {
            name: name.into(),
            call: call.map(Into::into),
            text: text.map(Into::into),
            source: source.map(Into::into),
        }
    }

    #[test]
    fn the_notes_the_export_writes_read_back_as_what_she_typed() {
        assert_eq!(
            said("The emergency number I added: 122, from موقع وزارة الداخلية."),
            Some(Mine::Emergency {
                number: "122".into(),
                source: Some("موقع وزارة الداخلية".into())
            })
        );
        assert_eq!(
            said("The emergency number I added: 112."),
            Some(Mine::Emergency {
                number: "112".into(),
                source: None
            })
        );
        assert_eq!(
            said("A crisis line I added: call 762 1602, from their site, 2026."),
            Some(Mine::Line(line(
                "",
                Some("762 1602"),
                None,
                Some("their site, 2026")
            )))
        );
        assert_eq!(
            said("A crisis line I added: call or text 08008880700."),
            Some(Mine::Line(line(
                "",
                Some("08008880700"),
                Some("08008880700"),
                None
            )))
        );
        // Only the sentence's own full stop is taken off.
        assert_eq!(
            said("A crisis line I added: call 08008880700 or text 0800 888 0700, from a leaflet.."),
            Some(Mine::Line(line(
                "",
                Some("08008880700"),
                Some("0800 888 0700"),
                Some("a leaflet.")
            )))
        );
        assert_eq!(said("Emergency number (GB): 999."), None);
        assert_eq!(said("In my crisis plan: someone who helps."), None);
        assert_eq!(said("A crisis line I added: ."), None);
    }

    #[test]
    fn a_second_take_adds_nothing_and_a_files_emergency_number_is_only_offered() {
        let mut own = OwnLines::default();
        let found = vec![
            Mine::Emergency {
                number: "122".into(),
                source: Some("a poster".into()),
            },
            Mine::Line(line("Befrienders", Some("762 1602"), None, None)),
        ];
        let first = own.take_in(found.clone());
        assert_eq!(first.count(), 2);
        // Offered, never set: a file is no word of hers (Trudy).
        assert_eq!(
            first.emergency,
            Emergency::Offered("122".into(), Some("a poster".into()))
        );
        assert_eq!(own.emergency, None);
        assert_eq!(own.emergency_source, None);
        own.emergency = Some("122".into());
        let before = own.clone();
        let second = own.take_in(found);
        assert_eq!(second.count(), 0);
        assert_eq!(second.emergency, Emergency::Same("122".into()));
        assert_eq!(second.known.len(), 1);
        assert_eq!(own, before);

        let third = own.take_in([
            Mine::Emergency {
                number: "123".into(),
                source: None,
            },
            Mine::Line(line("Befrienders", Some("762 1603"), None, None)),
        ]);
        assert_eq!(
            third.emergency,
            Emergency::Kept {
                kept: "122".into(),
                card: "123".into()
            }
        );
        assert_eq!(third.other_numbers.len(), 1);
        assert_eq!(own, before);
    }
}
